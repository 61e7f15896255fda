"""Nothing silent about the fetch (issue 12): `fetch` and `draft` fail as `build` does when every
feed failed, and a feed whose entries are left out for want of a usable link says so.

All through the command line, against a real HTTP server on 127.0.0.1, real feed files and a real
SQLite store.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import hostile_helpers as h
import pytest
import yaml
from click.testing import CliRunner

from conftest import EXAMPLES, LocalServer, sans_config
from curator.cli import cli


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def failing_feeds(folder: Path) -> list[dict[str, str]]:
    """A server where nothing listens, and a local feed file that is not there."""
    return [{"url": h.refused_url()}, {"url": str(folder / "missing.xml")}]


# -- every feed failed -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "consequence"),
    [
        ("fetch", "nothing was fetched"),
        ("draft", "no draft was written; to draft from what is stored, `curator draft --no-fetch`"),
    ],
)
def test_fetch_and_draft_exit_1_when_every_feed_failed_as_build_does(
    tmp_path: Path, command: str, consequence: str
) -> None:
    config = h.write_config(tmp_path, failing_feeds(tmp_path))
    code, out, err = invoke(command, "--config", str(config))
    assert code == 1, err
    assert sans_config(err).endswith(f"curator: every feed failed (2); {consequence}\n"), err
    # The per-feed report still says which failed and why.
    assert "2 feed(s) failed and were skipped:" in err
    assert "connection refused" in err and f"no such file: {tmp_path / 'missing.xml'}" in err
    # Not "nothing new": nothing could be read at all.
    assert "Nothing new to feature" not in out
    assert "new article(s) stored" not in out
    assert not (tmp_path / "drafts").exists()
    # The failures were recorded in the store (`feeds check` reads them).
    rows = h.store_rows(tmp_path / "state" / "curator.db", "SELECT last_error_kind FROM feeds")
    assert sorted(kind for (kind,) in rows) == ["connect", "file"]

    # --json: the summary is printed all the same (as `build --json` does), then exit 1.
    code, data, err = h.build_json(config, command=command)
    assert code == 1, err
    assert data["feeds_ok"] == 0 and data["feeds_failed"] == 2
    assert [f["status"] for f in data["feeds"]] == ["failed", "failed"]
    assert f"curator: every feed failed (2); {consequence}" in sans_config(err)
    # ... and the summary carries the failure as every --json failure does (one document).
    assert (sans_config(data["error"]), data["exit"]) == (
        f"every feed failed (2); {consequence}",
        1,
    )


@pytest.mark.parametrize(
    ("command", "consequence"),
    [
        (
            "build",
            "nothing was published; to build from what is stored, `curator build --no-fetch`",
        ),
        ("draft", "no draft was written; to draft from what is stored, `curator draft --no-fetch`"),
    ],
)
def test_with_a_plan_of_themes_every_feed_failing_is_said_first(
    tmp_path: Path, command: str, consequence: str
) -> None:
    """Before: exit 3 "the theme ... is too thin ... fetch more", and the --json error said
    nothing of the feeds; now every feed failing ends the run before the theme is looked at."""
    config = h.write_config(tmp_path, failing_feeds(tmp_path))
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["themes"] = {"plan": ["Service operations"], "min_articles": 2}
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, out, err = invoke(command, "--config", str(config))
    assert code == 1, err
    assert sans_config(err).endswith(f"curator: every feed failed (2); {consequence}\n"), err
    assert "2 feed(s) failed and were skipped:" in err
    assert "is too thin" not in err  # nothing was made, so no theme was weighed
    code, data, err = h.build_json(config, command=command)
    assert (code, sans_config(data["error"]), data["exit"]) == (
        1,
        f"every feed failed (2); {consequence}",
        1,
    )
    assert [f["status"] for f in data["feeds"]] == ["failed", "failed"]


def test_when_only_some_feeds_fail_fetch_and_draft_exit_0(
    tmp_path: Path, http_server: LocalServer
) -> None:
    healthy = h.serve_healthy(http_server)
    config = h.write_config(
        tmp_path, [{"url": healthy, "name": "Northwind"}, *failing_feeds(tmp_path)]
    )
    code, out, err = invoke("fetch", "--config", str(config), "-q")
    assert code == 0, err
    # (--quiet prints nothing on stdout when nothing needs the editor: walk175 #9)
    assert out == ""
    count = h.store_rows(tmp_path / "state" / "curator.db", "SELECT COUNT(*) FROM articles")
    assert count == [(4,)]
    assert "2 feed(s) failed and were skipped:" in err
    code, out, err = invoke("draft", "--config", str(config), "-q")
    assert code == 0, err
    assert out.startswith(f"Draft of issue 1: {tmp_path / 'drafts' / 'issue-1.md'}")


def test_every_feed_failing_later_keeps_what_was_stored_and_publishes_nothing(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk48 #2: with every feed down, `build` published "Issue 1: 4 article(s)" from the stored
    articles and `draft` wrote a draft, both exit 0, though README and --help promise exit 1: a
    cron run looked like it passed. Now both make nothing and exit 1, naming `--no-fetch`, which
    still builds from what is stored; `fetch` fails, and what was stored stays stored."""
    config = h.write_config(tmp_path, [{"url": h.serve_healthy(http_server)}])
    assert invoke("fetch", "--config", str(config), "-q")[0] == 0
    db = tmp_path / "state" / "curator.db"
    stored = h.store_rows(db, "SELECT url FROM articles ORDER BY url")
    assert len(stored) == 4

    config = h.write_config(tmp_path, failing_feeds(tmp_path))
    code, out, err = invoke("fetch", "--config", str(config), "-q")
    assert (code, out) == (1, "")
    assert "curator: every feed failed (2); nothing was fetched" in err
    assert h.store_rows(db, "SELECT url FROM articles ORDER BY url") == stored

    code, out, err = invoke("draft", "--config", str(config), "-q")
    assert (code, out) == (1, ""), err
    assert "2 feed(s) failed and were skipped:" in err
    assert sans_config(err).endswith(
        f"curator: every feed failed (2); {'no draft was written; to draft from what is stored, `curator draft --no-fetch`'}\n"
    ), err
    assert not (tmp_path / "drafts").exists()

    code, data, err = h.build_json(config, command="build")
    assert (code, data["issue"], data["exit"]) == (1, None, 1), err
    assert (
        sans_config(data["error"])
        == f"every feed failed (2); {'nothing was published; to build from what is stored, `curator build --no-fetch`'}"
    )
    assert not (tmp_path / "output").exists()

    # --no-fetch builds from what is stored, as before.
    code, out, err = invoke("draft", "--config", str(config), "-q", "--no-fetch")
    assert code == 0, err
    assert (tmp_path / "drafts" / "issue-1.md").is_file()
    code, out, err = invoke("build", "--config", str(config), "-q", "--no-fetch")
    assert code == 0, err
    assert out.startswith("Issue 1: 4 article(s)"), out


# -- what a failed feed is told with -------------------------------------------------------------


def test_a_feed_over_max_bytes_names_the_setting(tmp_path: Path, http_server: LocalServer) -> None:
    """Before: "body larger than 1 KB", and nothing said which setting decides it."""
    url = http_server.add("/big.xml", b"<rss>" + b"x" * 4096 + b"</rss>")
    config = h.write_config(tmp_path, [{"url": url}], settings={"max_bytes": 1024})
    code, _, err = invoke("fetch", "--config", str(config), "-q")
    assert code == 1
    assert (
        f"  {url}: body larger than 1 KB (the server says 4 KB), the limit `max_bytes` in"
        " feeds.yaml's settings sets; raise it to read this one"
    ) in err


def test_a_gzipped_local_feed_file_is_told_as_a_file(tmp_path: Path) -> None:
    """Before: "the server did not say so (no Content-Encoding)", of a file no server sent."""
    feed = tmp_path / "feed.xml"
    feed.write_bytes(gzip.compress((EXAMPLES / "feeds" / "northwind.xml").read_bytes()))
    config = h.write_config(tmp_path, [{"url": str(feed)}])
    code, _, err = invoke("fetch", "--config", str(config), "-q")
    assert code == 1
    assert (
        f"  {feed}: the feed file is gzip-compressed: decompress it (gunzip FILE) and point"
        " `url:` at the file it gives"
    ) in err
    assert "server" not in err


# -- entries skipped for want of a usable link -------------------------------------------------------

#: One entry with a web link, and four whose links may never be published.
MIXED_ITEMS = (
    "<item><title>Closing the loop on customer feedback</title>"
    "<link>{good}</link><description>Customer feedback, closed. Two.</description></item>"
    "<item><title>Script</title><link>javascript:alert(1)</link></item>"
    "<item><title>Local file</title><link>file:///etc/passwd</link></item>"
    "<item><title>Data</title><link>data:text/html,hello</link></item>"
    "<item><title>No link at all</title><description>Nothing to link to.</description></item>"
)
#: (walk162 #3: each named by its title, the first three on the line)
MIXED_NOTE = '4 of 5 entries skipped ("Script", "Local file", "Data" and 1 more): no http(s) link'


def serve_mixed(server: LocalServer) -> str:
    good = server.url("/good.html")
    return server.add("/mixed.xml", h.rss(MIXED_ITEMS.format(good=good), title="Mixed Links"))


def test_entries_without_a_usable_link_are_skipped_and_the_editor_is_told(
    tmp_path: Path, http_server: LocalServer
) -> None:
    url = serve_mixed(http_server)
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, out, err = invoke("fetch", "--config", str(config))
    assert code == 0, err
    assert f"  ok         Mixed Links: 5 entries, 1 new ({MIXED_NOTE})\n" in err
    assert "1 feed(s) had entries skipped" in err
    assert f"\n  Mixed Links: {MIXED_NOTE}\n" in err
    assert out == "1 new article(s) stored.\n"
    # Only the entry with a web link was stored.
    rows = h.store_rows(tmp_path / "state" / "curator.db", "SELECT url FROM articles")
    assert rows == [(http_server.url("/good.html"),)]


def test_skipped_entries_are_in_the_json_warning_and_said_even_with_quiet(
    tmp_path: Path, http_server: LocalServer
) -> None:
    url = serve_mixed(http_server)
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, data, err = h.build_json(config, "-q", command="fetch")
    assert code == 0, err
    report = data["feeds"][0]
    assert (report["status"], report["entries"], report["new"]) == ("ok", 5, 1)
    assert report["skipped"] == 4
    assert [e["title"] for e in report["skipped_entries"]] == [
        "Script",
        "Local file",
        "Data",
        "No link at all",
    ]
    assert report["warning"] == MIXED_NOTE
    # --quiet silences progress, not problems.
    assert "  ok " not in err
    assert f"  Mixed Links: {MIXED_NOTE}" in err


def test_a_local_feed_whose_relative_links_cannot_be_resolved_is_a_warning(
    tmp_path: Path, corpus: Path
) -> None:
    """A real feed (node-feedparser's) with relative links, kept as a local file: its channel
    <link> is relative too, so no entry has an honest link, and the feed is a warning, not ok."""
    feed = tmp_path / "feeds" / "neverwinter.xml"
    feed.parent.mkdir()
    shutil.copyfile(
        corpus / "feeds" / "edge" / "node-feedparser" / "rss-with-relative-urls.xml", feed
    )
    config = h.write_config(tmp_path, [{"url": str(feed)}])
    code, out, err = invoke("fetch", "--config", str(config))
    assert code == 0, err
    note = (
        '2 of 2 entries skipped ("Neverwinter & Jingle Jam Humble Bundle!", "2x Underdark'
        " Currency & 15% off Bags!\"): no http(s) link; a local feed file's relative links need"
        " its <link> to be the site's web address"
    )
    assert f"  warning    Neverwinter: 2 entries, 0 new ({note})\n" in err
    assert f"  Neverwinter: {note}\n" in err
    assert out == "0 new article(s) stored.\n"
    assert h.store_rows(tmp_path / "state" / "curator.db", "SELECT url FROM articles") == []

    code, data, err = h.build_json(config, "--db", str(tmp_path / "again.db"), command="fetch")
    assert code == 0, err
    assert data["feeds"][0]["warning"] == note
    assert data["feeds"][0]["skipped"] == 2


def test_a_feed_with_every_link_usable_has_no_warning(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = h.write_config(tmp_path, [{"url": h.serve_healthy(http_server)}])
    code, data, err = h.build_json(config, command="fetch")
    assert code == 0, err
    assert data["feeds"][0]["warning"] is None and data["feeds"][0]["skipped"] == 0
    assert "skipped" not in err


# -- entries skipped for want of a title ---------------------------------------------------------


def untitled_feed(server: LocalServer) -> str:
    """Nine entries with web links: seven titled, one with an empty <title>, one with none."""
    items = "".join(
        f"<item><title>Customer feedback, part {i}</title><link>{server.url(f'/p{i}.html')}</link>"
        f"<description>Closing the loop on customer feedback, part {i}.</description></item>"
        for i in range(7)
    )
    items += (
        f"<item><title></title><link>{server.url('/empty-title.html')}</link>"
        "<description>An entry whose title is empty.</description></item>"
        f"<item><link>{server.url('/no-title.html')}</link>"
        "<description>An entry with no title at all.</description></item>"
    )
    return server.add("/untitled.xml", h.rss(items, title="Untitled Desk"))


def test_entries_without_a_title_are_counted_where_link_skips_are(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = h.write_config(tmp_path, [{"url": untitled_feed(http_server), "fetch_pages": False}])
    code, out, err = invoke("fetch", "--config", str(config), "-q")
    assert code == 0, err
    # (--quiet prints nothing on stdout when nothing needs the editor: walk175 #9)
    assert out == ""
    count = h.store_rows(tmp_path / "state" / "curator.db", "SELECT COUNT(*) FROM articles")
    assert count == [(7,)]
    assert "1 feed(s) had entries skipped" in err
    assert "\n  Untitled Desk: 2 of 9 entries skipped: no title\n" in err
    assert len(h.store_rows(tmp_path / "state" / "curator.db", "SELECT url FROM articles")) == 7

    code, data, err = h.build_json(config, "--db", str(tmp_path / "again.db"), command="fetch")
    assert code == 0, err
    report = data["feeds"][0]
    assert (report["entries"], report["new"], report["skipped"], report["untitled"]) == (9, 7, 2, 2)
    assert report["warning"] == "2 of 9 entries skipped: no title"


def test_an_entry_whose_page_gives_the_title_is_kept(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The title may come from the article's page: only what neither gives is left out."""
    url = untitled_feed(http_server)
    for i in range(7):
        http_server.add(
            f"/p{i}.html",
            f"<html><head><title>Part {i}</title></head></html>",
            content_type="text/html",
        )
    http_server.add(
        "/no-title.html",
        "<html><head><title>Measuring what customers say</title></head>"
        "<body><p>What customers say, measured.</p></body></html>",
        content_type="text/html",
    )
    config = h.write_config(tmp_path, [{"url": url}])
    code, out, err = invoke("fetch", "--config", str(config), "-q")
    assert code == 0, err
    # (--quiet prints nothing on stdout when nothing needs the editor: walk175 #9)
    assert out == ""
    count = h.store_rows(tmp_path / "state" / "curator.db", "SELECT COUNT(*) FROM articles")
    assert count == [(8,)]
    assert "\n  Untitled Desk: 1 of 9 entries skipped: no title\n" in err
    titles = h.store_rows(tmp_path / "state" / "curator.db", "SELECT title FROM articles")
    assert ("Measuring what customers say",) in titles


def test_the_failed_feeds_summary_names_each_feed_as_its_line_did(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk 10: the summary said `/tmp/.../missing.xml: no such file` where the feed's own line
    had said `Ghost Feed`."""
    missing = tmp_path / "missing.xml"
    refused = h.refused_url()
    feeds = [
        {"url": h.serve_healthy(http_server), "name": "Northwind"},
        {"url": str(missing), "name": "Ghost Feed"},
        {"url": refused, "name": "Down Feed"},
    ]
    code, _, err = invoke("fetch", "--config", str(h.write_config(tmp_path, feeds)))
    assert code == 0, err
    lines = err.splitlines()
    assert f"  failed     Ghost Feed: no such file: {missing} (first failure)" in lines
    assert "  failed     Down Feed: connection refused (first failure)" in lines
    summary = lines[lines.index("2 feed(s) failed and were skipped:") + 1 :][:2]
    assert summary == [
        f"  Ghost Feed: no such file: {missing} (first failure)",  # the file is not said twice
        f"  Down Feed ({refused}): connection refused (first failure); nothing took the"
        " connection (the site may be down): usually passing; if it keeps failing for days,"
        " check it in a browser",
    ]
