"""fixie #6: an article an older curator stored at an address naming a user and password
(`https://editor:pw@host/x`, which today's fetch refuses) was published with no link in every
edition, and no word; it is published at the address without them, and the build says so
(with no password repeated)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import run_cli, said_as_one

PAGE = "https://northwind-cx.example/2025/09/customer-experience-architecture/"
STORED = PAGE.replace("https://", "https://editor:s3cret@")


def test_an_old_address_with_a_user_name_is_published_without_it_and_said(
    themed_demo: Path,
) -> None:
    config = str(themed_demo)
    code, _, err = run_cli("fetch", "--config", config, "-q")
    assert code == 0, err
    store = themed_demo.parent / ".curator" / "curator.db"
    with sqlite3.connect(store) as db:  # as an older curator stored it
        assert db.execute("UPDATE articles SET url = ? WHERE url = ?", (STORED, PAGE)).rowcount
    db.close()
    code, out, err = run_cli("build", "--config", config, "--no-fetch", "--json")
    assert code == 0, err
    output = themed_demo.parent / "output"
    issue = json.loads((output / "issue-1.json").read_text(encoding="utf-8"))
    links = {a["title"]: a["url"] for s in issue["sections"] for a in s["articles"]}
    title = "Seven Building Blocks of a Customer Experience Architecture"
    assert links[title] == PAGE
    assert f'<a href="{PAGE}"' in (output / "issue-1.html").read_text(encoding="utf-8")
    assert f"{title}\n" in (output / "issue-1.txt").read_text(encoding="utf-8")
    assert PAGE in (output / "issue-1.txt").read_text(encoding="utf-8")
    for path in output.iterdir():
        assert "s3cret" not in path.read_text(encoding="utf-8"), path
    said = said_as_one(err)
    assert (
        f'issue 1: "{title}" was stored (by an older curator) at'
        f" {PAGE.replace('https://', 'https://editor@')}, an address that names a user before its"
        f" site, which curator does not publish: it is published at {PAGE}, without the user name"
        " and password"
    ) in said, said
    assert "s3cret" not in err + out
    assert any("by an older curator" in w["message"] for w in json.loads(out)["warnings"])


def test_a_draft_gives_the_old_address_without_its_user_and_builds(themed_demo: Path) -> None:
    """Before: the draft wrote the address with the password, and its build stopped at it:
    "is not an http or https link: it names no site after https://"."""
    config = str(themed_demo)
    code, _, err = run_cli("fetch", "--config", config, "-q")
    assert code == 0, err
    with sqlite3.connect(themed_demo.parent / ".curator" / "curator.db") as db:
        assert db.execute("UPDATE articles SET url = ? WHERE url = ?", (STORED, PAGE)).rowcount
    db.close()
    code, _, err = run_cli("draft", "--config", config, "--no-fetch", "-q")
    assert code == 0, err
    draft = themed_demo.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert f"url: {PAGE}\n" in text and "s3cret" not in text + err
    assert f"the draft {draft} gives it at {PAGE}, without the user name" in said_as_one(err)
    code, _, err = run_cli("build", "--config", config, "--draft", str(draft), "-q")
    assert code == 0, err
    assert "s3cret" not in err and "is published as" not in err, err
    txt = (themed_demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert PAGE in txt and "s3cret" not in txt
