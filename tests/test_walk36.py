"""walk36's findings (and walk29/31/33's left open), each through the CLI as the editor met it."""

from __future__ import annotations

import re
import shlex
import sqlite3
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from click.testing import CliRunner, Result

from conftest import LocalServer
from curator.cli import cli

PAGE = """<html><head><title>{title}</title>
<meta name="author" content="Dana Whitfield">
</head><body><article><h1>{title}</h1>
<p>Customer experience starts at the service desk. Teams that listen to customers fix the causes
of complaints, not only the complaints themselves, and their queues get shorter each week.</p>
<p>Three service desks told us how they changed the way they answer customers.</p>
</article></body></html>"""


def item(title: str, link: str) -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><description>Customer experience at"
        " the service desk, and what teams learn from it.</description></item>"
    )


def newsletter(
    tmp_path: Path, server: LocalServer, items: str, settings: str = "", private: bool = True
) -> Path:
    feed = server.add(
        "/feed.xml", f'<rss version="2.0"><channel><title>Desk News</title>{items}</channel></rss>'
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Service\n"
        "    keywords: [customer experience, service desk]\n"
        f"feeds:\n  - url: {feed}\nsettings:\n  output: output\n"
        f"  allow_private_addresses: {'true' if private else 'false'}\n{settings}",
        encoding="utf-8",
    )
    return config


def curator(config: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--config", str(config)])


def said(result: Result) -> str:
    return " ".join(result.stderr.split())


def test_a_stored_dead_link_added_in_a_draft_stops_the_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk36 #1: an address added in a draft whose stored article answered 404 was published
    once it had a blurb ("...could not be read (HTTP 404 ...); it was published"). README: added
    addresses that cannot be read stop the build (exit 1), and nothing is published."""
    good = http_server.add(
        "/good.html", PAGE.format(title="Service desks that listen"), content_type="text/html"
    )
    dead = http_server.url("/missing-page.html")  # unknown paths answer 404
    items = item("Service desks that listen", good) + item("Queues that shrink", dead)
    config = newsletter(tmp_path, http_server, items)
    result = curator(config, "draft")
    assert result.exit_code == 0, result.stderr
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert dead not in text  # a dead link is never picked
    draft.write_text(
        text.rstrip("\n")
        + f"\n\n## {dead}\n\nA desk that listens. Its queue shrinks every week as a result.\n",
        encoding="utf-8",
    )
    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == 1, result.stderr
    assert "cannot read the article(s) added by URL" in said(result)
    assert f"{dead} (HTTP 404" in said(result)
    assert not (tmp_path / "output" / "issue-1.html").exists()


def pages_that_mend(server: LocalServer, prefix: str, count: int, dead: int = -1) -> list[str]:
    """`count` pages that answer 503 to their first request, then the article (page `dead`: 404)."""
    links = []
    for n in range(count):
        served = [0]

        def handler(req: BaseHTTPRequestHandler, n: int = n, served: list[int] = served) -> None:
            served[0] += 1
            status = 503 if served[0] == 1 else 404 if n == dead else 200
            body = (PAGE.format(title=f"Desk story {n}") if status == 200 else "down").encode()
            req.send_response(status)
            req.send_header("Content-Type", "text/html; charset=utf-8")
            req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            req.wfile.write(body)

        links.append(server.add(f"/{prefix}/story-{n}.html", handler=handler))
    return links


def waited(config: Path) -> None:
    """Every page that could not be read is due to be read again."""
    when = (datetime.now(UTC) - timedelta(hours=1000)).isoformat()
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    with db:
        db.execute("UPDATE page_retries SET last_tried = ?", (when,))
    db.close()


def test_fetch_pages_false_is_not_advised_when_pages_read_again_were_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk29 #3: after 7 pages read again fine and one 404, `fetch` still said "for Desk News,
    set `fetch_pages: false`": the rule of first reads (at least 3 pages, not one read) now holds
    for pages read again too."""
    links = pages_that_mend(http_server, "mends", 8, dead=3)
    items = "".join(item(f"Desk story {n}", link) for n, link in enumerate(links))
    config = newsletter(tmp_path, http_server, items)
    first = curator(config, "fetch")
    assert first.exit_code == 0, first.stderr
    assert "fetch_pages: false" in first.stderr  # 8 asked, not one read
    waited(config)
    again = curator(config, "fetch")
    assert again.exit_code == 0, again.stderr
    assert "7 article page(s) that could not be read before were read now" in said(again)
    assert "still could not be read" in said(again)
    assert "fetch_pages: false" not in again.stderr

    down = tmp_path / "down"
    down.mkdir()
    links = [http_server.url(f"/gone/story-{n}.html") for n in range(3)]
    http_server.routes.pop("/feed.xml")
    config = newsletter(
        down, http_server, "".join(item(f"Gone {n}", u) for n, u in enumerate(links))
    )
    for n in range(3):
        http_server.add(f"/gone/story-{n}.html", "down", status=503, content_type="text/html")
    assert curator(config, "fetch").exit_code == 0
    waited(config)
    again = curator(config, "fetch")
    assert "for Desk News, set `fetch_pages: false`" in said(again)


def published_draft(tmp_path: Path, server: LocalServer) -> tuple[Path, Path]:
    """A newsletter of one article whose draft was built with its date and editor edited."""
    good = server.add(
        "/good.html", PAGE.format(title="Service desks that listen"), content_type="text/html"
    )
    config = newsletter(tmp_path, server, item("Service desks that listen", good))
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "{title: CX Weekly}", "{title: CX Weekly, editor: Pat Walker}"
        ),
        encoding="utf-8",
    )
    result = curator(config, "draft")
    assert result.exit_code == 0, result.stderr
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert "editor: Pat Walker" in text
    text = re.sub(r"(?m)^date: .*$", "date: 2026-12-10", text)
    draft.write_text(text.replace("editor: Pat Walker", "editor: Guest Editor Kim"), "utf-8")
    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == 0, result.stderr
    return config, tmp_path / "output"


def test_render_without_issue_json_keeps_the_drafts_date_and_editor(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk36 #3: `render N` without issue-N.json said it used "the edits made in its draft", but
    the edited date and editor reverted ("December 10 ... Guest Editor Kim" became the day it
    was built and feeds.yaml's "Pat Walker")."""
    config, out = published_draft(tmp_path, http_server)
    before = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "Guest Editor Kim" in before and "December 10" in before
    (out / "issue-1.json").unlink()
    result = curator(config, "render", "1")
    assert result.exit_code == 0, result.stderr
    assert "with the edits made in its draft" in said(result)
    after = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "Guest Editor Kim" in after and "December 10" in after
    assert "Pat Walker" not in after
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "Guest Editor Kim" in text and "December 10" in text


def test_migration_17_keeps_older_issues_as_they_were_and_can_run_again(tmp_path: Path) -> None:
    """An issue recorded before the store kept its date and editor says nothing of them (render
    uses the day it was published and feeds.yaml's editor, as before); run again on a store whose
    version was set back, the migration fails on nothing."""
    from curator.store import MIGRATIONS, VERSION, Store

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:16]:
        migration(db)
    db.execute("PRAGMA user_version = 16")
    db.execute(
        "INSERT INTO issues (number, title, published_at) VALUES (1, 'Weekly', ?)",
        (datetime(2026, 12, 6, 9, tzinfo=UTC).isoformat(),),
    )
    db.close()
    day = datetime(2026, 12, 10, tzinfo=UTC)
    for _ in range(2):
        with Store.open(path) as store:
            assert store.version == VERSION == 34
            old = store.issues()[0]
            assert (old.issue_date, old.editor) == (None, None)
            if len(store.issues()) == 1:
                store.record_issue(2, "Weekly", day, [], issue_date=day, editor="Kim")
            assert (store.issues()[1].issue_date, store.issues()[1].editor) == (day, "Kim")
            store.db.execute("PRAGMA user_version = 16")


def test_readme_names_the_number_the_demos_all_subjects_issue_gets_in_the_printed_order(
    tmp_path: Path,
) -> None:
    """walk29 #4: README said the demo's `--all-subjects` issue "is issue 3" when run after the
    builds it lists; run in the printed order it is issue 4."""
    from conftest import REPO, copy_demo

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    flat = " ".join(readme.split())
    said_number = int(
        re.search(r"it is issue (\d+), of the (?:two )?subjects that have articles left", flat)[1]  # type: ignore[index]
    )
    assert f"its introduction says issue {said_number})" in flat
    block = readme.split("run these in this order:", 1)[1].split("```sh\n", 1)[1]
    commands = [shlex.split(line.split("#")[0]) for line in block.split("```", 1)[0].splitlines()]
    config = copy_demo(tmp_path)
    first = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert first.exit_code == 0, first.stderr
    for words in commands:
        assert words[:1] == ["curator"]
        args = [str(config) if w == "examples/feeds.yaml" else w for w in words[1:]]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, (words, result.stderr)
    issues = sorted((config.parent / "output").glob("issue-*.txt"))
    last = max(int(p.stem.split("-")[1]) for p in issues)
    text = (config.parent / "output" / f"issue-{last}.txt").read_text(encoding="utf-8")
    assert f"Welcome to issue {last} of" in text
    assert said_number == last


def test_backup_to_a_folder_name_ending_in_a_slash_writes_a_file_in_that_folder(
    tmp_path: Path,
) -> None:
    """walk36 minor: `curator backup DIR/` with DIR missing wrote a file named DIR. A name ending
    in "/" (or a folder that is there) is a folder: made if need be, with a file in it."""
    from conftest import copy_demo

    config = copy_demo(tmp_path)
    assert CliRunner().invoke(cli, ["build", "--config", str(config), "-q"]).exit_code == 0
    folder = tmp_path / "bkdir"
    result = CliRunner().invoke(cli, ["backup", f"{folder}/", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    assert folder.is_dir()
    (copy,) = folder.iterdir()
    assert re.fullmatch(r"customer-experience-weekly-\d{4}-\d{2}-\d{2}\.db", copy.name)
    assert f"to {copy}: 1 issue(s)" in result.stdout
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT COUNT(*) FROM issues").fetchone()[0] == 1
    # The same folder, there now, named without the "/": a file in it, never over one.
    again = CliRunner().invoke(cli, ["backup", str(folder), "--config", str(config)])
    assert again.exit_code == 0, again.stderr
    assert f"to {copy.with_name(copy.stem + '-2.db')}: 1 issue(s)" in again.stdout


def test_extract_of_an_article_featured_while_its_page_was_refused_says_whom_the_page_names(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk36 minor: `extract` of an article featured while its page was refused (not a public
    address) said only the stored credit ("credits it as: Desk News"), not that the page, read
    now, names Dana Whitfield instead."""
    good = http_server.add(
        "/good.html", PAGE.format(title="Service desks that listen"), content_type="text/html"
    )
    config = newsletter(tmp_path, http_server, item("Service desks that listen", good))
    config.write_text(
        config.read_text(encoding="utf-8").replace("  allow_private_addresses: true\n", ""),
        encoding="utf-8",
    )
    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    assert "not at a public address" in said(result)
    result = CliRunner().invoke(cli, ["extract", "--config", str(config), "--allow-private", good])
    assert result.exit_code == 0, result.stderr
    assert "Dana Whitfield || " in result.stdout
    assert "your newsletter credits it as: Desk News" in result.stdout
    assert (
        "the page names Dana Whitfield instead (as read now; your newsletter did not read the"
        " page when it stored the article)"
    ) in " ".join(result.stdout.split())
