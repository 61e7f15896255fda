"""What the editor sees while the feeds and pages are read, and what they are told afterwards.

Each feed's line appears as soon as that feed is read (not when the slowest one gives up), the
article pages being read show as a bar on a terminal and as plain lines in a log, pages that could
not be read are counted with their most common reasons, pages a field reader broke on are named,
and a past issue left out of the archive is said. All through the command line, against a real
HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import pty
import queue
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import hostile_helpers as h
import pytest
import yaml
from click.testing import CliRunner

from conftest import EXAMPLES, REPO, LocalServer
from curator import extract as extract_module
from curator.cli import cli


def lines_of(stream: object, into: queue.Queue[str | None]) -> None:
    """Copy a child's stderr into `into`, line by line, then None."""
    for line in stream:  # type: ignore[attr-defined]
        into.put(line)
    into.put(None)


def next_lines(lines: queue.Queue[str | None], until: re.Pattern[str], timeout: float) -> list[str]:
    """Lines read until one matches `until`; fails when none does within `timeout` seconds."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        try:
            line = lines.get(timeout=max(left, 0.001))
        except queue.Empty:
            raise AssertionError(
                f"no line matching {until.pattern!r} within {timeout} s: {seen}"
            ) from None
        if line is None:
            raise AssertionError(f"the run ended before a line matched {until.pattern!r}: {seen}")
        seen.append(line)
        if until.search(line):
            return seen


def test_each_feed_is_shown_as_soon_as_it_is_read_while_another_hangs(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: no line at all until the hanging feed gave up (15 s of silence); every line then."""
    release = threading.Event()

    def hanging(req: BaseHTTPRequestHandler) -> None:
        release.wait(30)  # until the test has seen the other feeds' lines
        body = h.rss("<item><title>Late news</title><link>http://example.com/late</link></item>")
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    h.quiet(http_server)
    feeds = [{"url": http_server.add("/slow.xml", handler=hanging), "name": "Slow Times"}]
    for n in range(1, 4):
        item = f"<item><title>Story {n}</title><link>http://example.com/{n}</link></item>"
        feeds.append({"url": http_server.add(f"/{n}.xml", h.rss(item)), "name": f"Quick {n}"})
    config = h.write_config(tmp_path, feeds, settings={"timeout": 25, "fetch_pages": False})

    proc = h.curator_process("fetch", "--config", str(config))
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=lines_of, args=(proc.stderr, lines), daemon=True).start()
    try:
        seen: list[str] = []
        for _ in range(3):
            seen += next_lines(lines, re.compile(r"^  ok         Quick \d"), timeout=10)
        # The three quick feeds are on screen while the slow one is still being waited for.
        assert proc.poll() is None
        assert sorted(ln for ln in seen if ln.startswith("  ok")) == [
            f"  ok         Quick {n}: 1 entries, 1 new\n" for n in (1, 2, 3)
        ]
        assert not any("Slow Times" in ln for ln in seen)
        release.set()
        late = next_lines(lines, re.compile("Slow Times"), timeout=20)
        assert late[-1] == "  ok         Slow Times: 1 entries, 1 new\n"
        stdout, _ = proc.communicate(timeout=30)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0
    assert stdout == "4 new article(s) stored.\n"


# -- article pages -----------------------------------------------------------------------------------

#: Pages that cannot be read, by kind, and how many of each: the three most common are named.
BROKEN_PAGES = {"missing": 4, "pdf": 3, "error": 2, "refused": 1}


def pages_feed(server: LocalServer) -> str:
    """A feed of 14 entries: four demo pages that read, and ten pages that cannot be read."""
    h.serve_healthy(server)
    links = [
        server.url(f"/pages/{name}")
        for name in sorted(p.name for p in (EXAMPLES / "pages").glob("*.html"))[:4]
    ]
    for i in range(BROKEN_PAGES["missing"]):
        links.append(server.url(f"/gone/{i}.html"))  # the server answers 404
    for i in range(BROKEN_PAGES["pdf"]):
        links.append(server.add(f"/pdf/{i}", b"%PDF-1.4 ...", content_type="application/pdf"))
    for i in range(BROKEN_PAGES["error"]):
        links.append(server.add(f"/error/{i}", b"oops", status=500, content_type="text/plain"))
    links.append(h.refused_url("/refused.html"))
    items = "".join(
        f"<item><title>Customer experience story {i}</title><link>{link}</link>"
        "<description>Customer experience, from the feed's own words.</description></item>"
        for i, link in enumerate(links)
    )
    return server.add("/feed.xml", h.rss(items, title="Pages Weekly"))


SAID_UNREAD = (
    "10 of 14 article page(s) could not be read; 4 are gone (404, 410 or a redirect away from the"
    " article): their articles are left out as dead links, never published; the articles of the"
    " other 6 use what the feed says:"
)


def test_pages_that_cannot_be_read_are_counted_with_the_three_most_common_reasons(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `pages_failed: 10` in --json only; the normal output said nothing."""
    config = h.write_config(tmp_path, [{"url": pages_feed(http_server)}])
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    stderr = result.stderr.splitlines()
    # Progress as plain lines (this is not a terminal); the last one says how it ended.
    assert [ln for ln in stderr if ln.startswith("  pages")][-1] == (
        "  pages      14 of 14 done: 4 read, 10 could not be"
    )
    report = stderr[stderr.index(next(ln for ln in stderr if "article page(s) could not" in ln)) :]
    assert report[:5] == [
        SAID_UNREAD,
        "     4  HTTP 404 Not Found",
        "     3  not an HTML page (application/pdf)",
        "     2  HTTP 500 Internal Server Error",
        "     1  for other reasons (--json lists every page)",
    ]
    assert "fetch_pages" not in result.stderr  # 4 of its pages were read: no reason to stop
    # Every article is stored all the same, from what the feed says (those featured are named, and
    # those whose page answered 404 are not picked: dead links).
    assert "could not be read (HTTP 404" not in result.stderr
    assert (
        "could not be read (HTTP 500 Internal Server Error): its credit and blurb" in result.stderr
    )
    rows = h.store_rows(tmp_path / "state" / "curator.db", "SELECT title FROM articles")
    assert len(rows) == 14

    again = ["--config", str(config), "--json", "--quiet", "--db", str(tmp_path / "again.db")]
    quiet = CliRunner().invoke(cli, ["fetch", *again])
    assert quiet.exit_code == 0, quiet.stderr
    # --quiet silences the progress, never the report of what could not be read.
    assert "  pages" not in quiet.stderr and "  ok " not in quiet.stderr
    # (after the line saying --db makes a new store, which --quiet does not silence either)
    assert quiet.stderr.splitlines()[0].startswith("curator: a new store at ")
    # (and after what is said of each article published at its page's canonical on another site
    # than the feed's link: walk162 #6, the demo's pages served here name their own sites)
    said = [ln for ln in quiet.stderr.splitlines()[1:] if "on another site than" not in ln]
    assert said[0] == SAID_UNREAD
    data = json.loads(quiet.stdout)
    assert (data["pages_read"], data["pages_failed"]) == (4, 10)
    assert data["page_failure_reasons"] == {
        "HTTP 404 Not Found": 4,
        "not an HTML page (application/pdf)": 3,
        "HTTP 500 Internal Server Error": 2,
        "could not connect": 1,
    }
    failures = {f["url"].rsplit("/", 1)[-1]: f for f in data["page_failures"]}
    assert failures["refused.html"]["error"] == "connection refused"
    assert len(data["page_failures"]) == 10


def test_the_pages_are_a_bar_on_a_terminal(tmp_path: Path, http_server: LocalServer) -> None:
    config = h.write_config(tmp_path, [{"url": pages_feed(http_server)}])
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "curator", "fetch", "--config", str(config)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc.communicate(timeout=60)
    assert proc.returncode == 0
    screen = b"".join(chunks).decode().replace("\r\n", "\n")
    # The bar is redrawn in place (carriage returns, no escape sequence) and ends its line.
    assert "\x1b" not in screen
    assert "\r  pages      [" in screen
    assert "  pages      [########################] 14 of 14 done: 4 read, 10 could not be\n" in (
        screen
    )
    # The feed's line is whole, on a line of its own.
    assert "\n  ok         Pages Weekly: 14 entries, 14 new" in "\n" + screen.split("\r")[0]


def test_a_page_that_breaks_a_field_reader_is_named(
    tmp_path: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Page.problems` (a field reader that broke on a page) reaches the editor, not only the Page.

    No real page breaks a reader today (tests/test_pages_read_whole.py), so the byline reader is
    made to break on one page here, as a hostile page would."""
    real = extract_module.authors
    marker = "Closing the loop"

    def authors(doc: object, site: str | None = None) -> tuple[tuple[str, ...], bool]:
        if marker in extract_module.lxml.html.tostring(doc.tree, encoding="unicode"):  # type: ignore[attr-defined]
            raise ValueError("a byline nested past any sense")
        return real(doc, site)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_module, "authors", authors)
    feed = h.serve_healthy(http_server)
    config = h.write_config(tmp_path, [{"url": feed}])
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    stderr = result.stderr.splitlines()
    start = next(i for i, ln in enumerate(stderr) if "read in part" in ln)
    assert stderr[start : start + 2] == [
        "1 article page(s) were read in part (each names what was lost: a field the page broke the"
        " reader of, a credit given in a field holding HTML markup no name is made of, characters"
        " that could not be decoded, or the page's end):",
        f"  {http_server.url('/pages/closing-the-loop-on-customer-feedback.html')}: "
        "authors: ValueError: a byline nested past any sense",
    ]
    code, data, _ = h.build_json(config, "--db", str(tmp_path / "again.db"), command="fetch")
    assert code == 0
    assert data["pages_in_part"] == [
        {
            "url": http_server.url("/pages/closing-the-loop-on-customer-feedback.html"),
            "problems": ["authors: ValueError: a byline nested past any sense"],
        }
    ]


# -- the archive -----------------------------------------------------------------------------------


def test_a_past_issue_left_out_of_the_archive_is_said(demo: Path) -> None:
    """Before: a past issue whose record could not be read vanished from index.html and feed.xml
    without a word."""
    first = CliRunner().invoke(cli, ["build", "--config", str(demo), "-q"])
    assert first.exit_code == 0, first.stderr
    output = demo.parent / "output"
    (output / "issue-1.json").write_text('{"number": 1, "title": ', encoding="utf-8")
    # A new feed with two new articles, for issue 2.
    extra = demo.parent / "feeds" / "extra.xml"
    extra.write_bytes(
        h.rss(
            "".join(
                f"<item><title>Customer experience and the support team, part {n}</title>"
                f"<link>https://extra.example/{n}</link><description>How customer service "
                f"teams share the customer experience, part {n}.</description></item>"
                for n in (1, 2)
            ),
            title="Extra",
        )
    )
    data = yaml.safe_load(demo.read_text(encoding="utf-8"))
    data["feeds"].append({"url": "feeds/extra.xml", "fetch_pages": False})
    demo.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    second = CliRunner().invoke(cli, ["build", "--config", str(demo), "-q"])
    assert second.exit_code == 0, second.stderr
    assert second.stdout.startswith("Issue 2:")
    # (Other warnings may come first: the new articles' one-sentence blurbs.)
    assert f"\ncurator: warning: {output / 'issue-1.json'}: left out of" in f"\n{second.stderr}"
    assert "that issue is missing from the archive page and the feed of issues" in second.stderr
    index = (output / "index.html").read_text(encoding="utf-8")
    assert "issue-2.html" in index and "issue-1.html" not in index
