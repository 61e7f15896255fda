"""walk187 #1: an issue an older curator published with an article's address naming a user and
password (`http://editor:s3cret@host/x`, as that curator wrote it in issue-N.json) was dropped
from index.html and feed.xml after the upgrade, with a message that printed the password, said
"it names no site after http://", and advised `curator render 1`, which failed the same way (as
did `render 2`). Such an address is read as the same address without the user name and password,
as the store's are (fixie #6), said naming the article, the password left out everywhere."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import run_cli, said_as_one

PAGE = "https://northwind-cx.example/2025/09/customer-experience-architecture/"
STORED = PAGE.replace("https://", "https://editor:s3cret@")
SHOWN = PAGE.replace("https://", "https://editor@")
TITLE = "Seven Building Blocks of a Customer Experience Architecture"


def _as_an_older_curator_left_it(config: Path, url: str = STORED) -> Path:
    """Issue 1 published with TITLE at `url` in its issue-N.json and the store (whose record of
    the issue keeps no articles as published, as an older curator's did)."""
    code, _, err = run_cli("fetch", "--config", str(config), "-q")
    assert code == 0, err
    store = config.parent / ".curator" / "curator.db"
    with sqlite3.connect(store) as db:
        assert db.execute("UPDATE articles SET url = ? WHERE url = ?", (STORED, PAGE)).rowcount
    db.close()
    code, _, err = run_cli("build", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    output = config.parent / "output"
    path = output / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = [a for s in data["sections"] for a in s["articles"]]
    (article,) = [a for a in articles if a["title"] == TITLE]
    article["url"] = url
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    with sqlite3.connect(store) as db:
        db.execute(
            "UPDATE issue_articles SET title = NULL, authors = NULL, publication = NULL,"
            " blurb = NULL, url = NULL, blurb_markdown = NULL"
        )
    db.close()
    return output


def test_an_old_issue_with_a_user_name_in_a_link_stays_in_the_archive_and_renders(
    themed_demo: Path,
) -> None:
    config = str(themed_demo)
    output = _as_an_older_curator_left_it(themed_demo)
    code, out, err = run_cli("build", "--config", config, "--no-fetch")
    assert code == 0, err
    said = said_as_one(err)
    assert "s3cret" not in err + out
    assert "left out of the archive" not in said and "names no site" not in said, said
    assert (
        f'issue 1: "{TITLE}" is linked in {output / "issue-1.json"} at {SHOWN}, an address that'
        f" names a user before its site, which curator does not publish: it is published at"
        f" {PAGE}, without the user name and password"
    ) in said, said
    assert said.count(f'"{TITLE}" is linked in') == 1, said
    index = (output / "index.html").read_text(encoding="utf-8")
    assert 'issue-1.html">Issue 1</a>' in index and 'issue-2.html">Issue 2</a>' in index, index
    feed = (output / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 2 and f"href=&#34;{PAGE}&#34;" in feed, feed

    code, out, err = run_cli("render", "2", "--config", config)
    assert code == 0, err
    assert "s3cret" not in err + out
    said = said_as_one(err)  # (issue-1.json is as it was)
    assert f"without the user name and password; `curator render 1 --config {config}`" in said

    code, out, err = run_cli("render", "1", "--config", config)
    assert code == 0, err
    assert "s3cret" not in err + out
    said = said_as_one(err)
    assert "without the user name and password, and issue-1.json now gives it so" in said, said
    links = [
        a["url"]
        for s in json.loads((output / "issue-1.json").read_text(encoding="utf-8"))["sections"]
        for a in s["articles"]
        if a["title"] == TITLE
    ]
    assert links == [PAGE]
    assert f'<a href="{PAGE}"' in (output / "issue-1.html").read_text(encoding="utf-8")
    for path in output.iterdir():
        assert "s3cret" not in path.read_text(encoding="utf-8"), path

    code, out, err = run_cli("render", "--all", "--config", config)
    assert code == 0, err
    assert "names a user" not in said_as_one(err), err  # (said until the file gives it so)


def test_an_old_link_curator_cannot_publish_even_without_its_user_never_prints_the_password(
    themed_demo: Path,
) -> None:
    """A link with a user name that is wrong otherwise too (a site's name with a space) is
    refused as before, named with its password left out."""
    config = str(themed_demo)
    bad = "https://editor:s3cret@north wind.example/post"
    _as_an_older_curator_left_it(themed_demo, bad)
    code, out, err = run_cli("render", "1", "--config", config)
    assert code == 2, err
    said = said_as_one(err)
    assert "s3cret" not in err + out
    assert '"https://editor@north wind.example/post"' in said, said
    code, out, err = run_cli("build", "--config", config, "--no-fetch", "--json")
    assert "s3cret" not in err + out


def test_render_tells_no_correction_of_an_address_the_build_published_without_its_user(
    themed_demo: Path,
) -> None:
    """An issue this curator published from the store's address naming a user (fixie #6) holds
    it without the user in issue-N.json: `render` said its "url" was corrected there."""
    config = str(themed_demo)
    code, _, err = run_cli("fetch", "--config", config, "-q")
    assert code == 0, err
    with sqlite3.connect(themed_demo.parent / ".curator" / "curator.db") as db:
        assert db.execute("UPDATE articles SET url = ? WHERE url = ?", (STORED, PAGE)).rowcount
    db.close()
    code, _, err = run_cli("build", "--config", config, "--no-fetch", "-q")
    assert code == 0, err
    code, out, err = run_cli("render", "1", "--config", config)
    assert code == 0, err
    said = said_as_one(err)
    assert "as corrected" not in said and "s3cret" not in err + out, said


def test_an_old_issue_rendered_from_the_store_keeps_the_link_without_its_user(
    themed_demo: Path,
) -> None:
    """Its issue-N.json lost, an older curator's issue came back from the store with the
    article at an address naming a user, published with no link and no word."""
    config = str(themed_demo)
    output = _as_an_older_curator_left_it(themed_demo)
    (output / "issue-1.json").unlink()
    code, out, err = run_cli("render", "1", "--config", config)
    assert code == 0, err
    said = said_as_one(err)
    assert "s3cret" not in err + out
    assert f'issue 1: "{TITLE}" was stored (by an older curator) at {SHOWN}' in said, said
    data = json.loads((output / "issue-1.json").read_text(encoding="utf-8"))
    assert PAGE in [a["url"] for s in data["sections"] for a in s["articles"]]
    assert f'<a href="{PAGE}"' in (output / "issue-1.html").read_text(encoding="utf-8")
