"""An article page that could not be read is read again on later runs, even when its feed is
unchanged (walk 3 #1: a 503, or a page refused before `allow_private_addresses` was set, left the
article with the feed's text and no author for good, without a word)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from click.testing import CliRunner, Result

from conftest import LocalServer, docs_text
from curator.cli import cli
from curator.harvest import PAGE_READS

PAGE = """<html><head><title>Service desks that listen</title>
<meta name="author" content="Dana Whitfield">
<meta property="og:site_name" content="Desk Journal">
<link rel="canonical" href="{canonical}">
</head><body><article><h1>Service desks that listen</h1>
<p>Customer experience starts at the service desk. Teams that listen to customers fix the causes
of complaints, not only the complaints themselves, and their queues get shorter each week.</p>
<p>Three service desks told us how they changed the way they answer customers.</p>
</article></body></html>"""


def flaky_page(server: LocalServer, fail: int, status: int = 503) -> str:
    """A page that answers `status` to its first `fail` requests, then the article."""
    served = [0]
    canonical = server.url("/articles/service-desks")

    def handler(req: BaseHTTPRequestHandler) -> None:
        served[0] += 1
        if served[0] <= fail:
            body = b"down for maintenance"
            req.send_response(status)
            req.send_header("Content-Type", "text/plain")
        else:
            body = PAGE.format(canonical=canonical).encode()
            req.send_response(200)
            req.send_header("Content-Type", "text/html; charset=utf-8")
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    return server.add("/story.html", handler=handler)


def newsletter(tmp_path: Path, server: LocalServer, page: str, settings: str) -> Path:
    """A newsletter of one feed (with an ETag: unchanged runs get a 304) of one article whose feed
    entry names no author."""
    feed = server.add_with_etag(
        "/feed.xml",
        b'<rss version="2.0"><channel><title>Intranet News</title><item><title>Service desks'
        b" that listen</title><link>" + page.encode() + b"</link><description>Customer"
        b" experience at the service desk.</description></item></channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Service\n"
        "    keywords: [customer experience, service desk]\n"
        f"feeds:\n  - url: {feed}\nsettings:\n  output: output\n{settings}",
        encoding="utf-8",
    )
    return config


def curator(config: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--config", str(config)])


def waited(config: Path, hours: float = 1000) -> None:
    """Time passes: every page that could not be read was last read `hours` ago."""
    when = (datetime.now(UTC) - timedelta(hours=hours)).isoformat()
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    with db:
        db.execute("UPDATE page_retries SET last_tried = ?", (when,))
    db.close()


def stored(config: Path) -> list[tuple[str, str, str | None, str]]:
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    try:
        return db.execute("SELECT url, authors, publication, blurb FROM articles").fetchall()
    finally:
        db.close()


def test_a_page_that_failed_is_read_on_the_next_run_though_the_feed_is_unchanged(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = flaky_page(http_server, fail=1)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    first = curator(config, "fetch")
    assert first.exit_code == 0, first.stderr
    assert "1 of 1 article page(s) could not be read" in first.stderr
    assert "HTTP 503" in first.stderr
    ((url, authors, publication, _),) = stored(config)
    assert (url, authors, publication) == (page, "[]", "Intranet News")  # the feed's word only

    waited(config)
    second = curator(config, "build")
    assert second.exit_code == 0, second.stderr
    # The feed answered 304: only the page read again could bring the author.
    assert http_server.seen("/feed.xml")[-1].headers.get("If-None-Match")
    assert "unchanged" in second.stderr
    assert (
        "1 article page(s) that could not be read before were read now; their articles are"
        " credited from their page."
    ) in second.stderr
    ((url, authors, publication, blurb),) = stored(config)
    assert url == http_server.url("/articles/service-desks")  # the page's canonical address
    assert json.loads(authors) == ["Dana Whitfield"]
    assert publication == "Desk Journal"
    assert blurb.startswith("Customer experience starts at the service desk.")
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Dana Whitfield || Desk Journal" in issue
    assert http_server.url("/articles/service-desks") in issue
    assert len(http_server.seen("/story.html")) == 2

    # Read at last: the next run asks for nothing more (the weekly "nothing new" path).
    third = curator(config, "fetch", "--json")
    assert third.exit_code == 0, third.stderr
    counts = json.loads(third.stdout)
    assert (counts["pages_read_again"], counts["pages_still_unread"]) == (0, 0)
    assert len(http_server.seen("/story.html")) == 2


def test_setting_allow_private_addresses_brings_the_refused_pages_back(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = flaky_page(http_server, fail=0)
    config = newsletter(tmp_path, http_server, page, "")
    first = curator(config, "fetch", "-q")
    assert first.exit_code == 0, first.stderr
    assert "refused: not a public address" in first.stderr
    # The setting still off: not asked for again (it could only be refused again).
    again = curator(config, "fetch", "--json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["pages_read_again"] == 0
    assert http_server.seen("/story.html") == []

    config.write_text(
        config.read_text(encoding="utf-8") + "  allow_private_addresses: true\n", encoding="utf-8"
    )
    quiet = curator(config, "build", "-q", "--all-subjects")
    assert quiet.exit_code == 0, quiet.stderr
    assert "read now" not in quiet.stderr  # progress: -q silences it
    assert len(http_server.seen("/story.html")) == 1
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Dana Whitfield || Desk Journal" in issue


def test_an_article_featured_in_an_issue_is_not_changed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = flaky_page(http_server, fail=1)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    first = curator(config, "build", "-q")
    assert first.exit_code == 0, first.stderr
    before = stored(config)
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Intranet News" in issue and "Dana Whitfield" not in issue

    waited(config)
    second = curator(config, "build", "--json")
    assert second.exit_code == 0, second.stderr
    assert json.loads(second.stdout)["pages_read_again"] == 0
    assert len(http_server.seen("/story.html")) == 1  # published as it was: not read again
    assert stored(config) == before


def test_a_page_that_keeps_failing_is_given_up_after_a_bounded_number_of_reads(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = flaky_page(http_server, fail=100, status=500)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    assert curator(config, "fetch", "-q").exit_code == 0
    messages = []
    for _ in range(PAGE_READS + 1):
        waited(config)
        run = curator(config, "fetch", "--json")
        assert run.exit_code == 0, run.stderr
        messages.append(run.stderr)
    assert len(http_server.seen("/story.html")) == PAGE_READS
    assert (
        "1 article page(s) that could not be read before still could not be read; they are"
        " read again on later runs, after waits that grow with each read (1, 3, 9, 27 then 81"
        f" hours; {PAGE_READS} reads in all, within 14 days of their article being stored)."
    ) in messages[0]
    # One page that fails again says nothing of the others (walk29 #3: the rule of first reads).
    assert not any("fetch_pages" in m for m in messages)
    assert (
        f"1 article page(s) could not be read in {PAGE_READS} tries and will not be tried"
        " again; their articles keep what the feed says."
    ) in messages[PAGE_READS - 2]
    assert "could not be read" not in messages[-1]
    ((_, authors, _, _),) = stored(config)
    assert authors == "[]"


def test_an_article_first_seen_over_two_weeks_ago_is_not_read_again(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = flaky_page(http_server, fail=1)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    assert curator(config, "fetch", "-q").exit_code == 0
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    with db:
        db.execute("UPDATE articles SET first_seen = '2020-01-01T00:00:00+00:00'")
    db.close()
    waited(config)
    run = curator(config, "fetch", "--json")
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout)["pages_read_again"] == 0
    assert len(http_server.seen("/story.html")) == 1


def test_a_feed_whose_pages_all_fail_is_told_how_to_stop_reading_them(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk 10 #5: `100 of 100 article page(s) could not be read` and `... tried again on the
    next runs` named no way to stop reading a feed's pages that always fail."""
    page = flaky_page(http_server, fail=100, status=500)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    stop = (
        f"set `fetch_pages: false` on it in {config} to use what the feed says and stop reading"
        " its pages"
    )
    first = curator(config, "fetch", "-q")
    assert first.exit_code == 0, first.stderr
    lines = first.stderr.splitlines()
    assert lines[0].startswith("1 of 1 article page(s) could not be read;")
    # One page that failed once says nothing of the others (walk32 #6): no advice yet.
    assert "fetch_pages" not in first.stderr

    waited(config)
    second = curator(config, "fetch")  # the page read again, and failing again
    assert second.exit_code == 0, second.stderr
    # Nor does it read again and failing again (walk29 #3: the same rule on every path).
    assert (
        "1 article page(s) that could not be read before still could not be read; they are"
        " read again on later runs, after waits that grow with each read (1, 3, 9, 27 then 81"
        f" hours; {PAGE_READS} reads in all, within 14 days of their article being stored).\n"
    ) in second.stderr
    # Three more pages of the feed, none read: at least 3 asked for, not one read.
    items = "".join(
        f"<item><title>Desk story {n}</title><link>{http_server.url(f'/down-{n}.html')}</link>"
        "<description>Customer experience at the service desk.</description></item>"
        for n in range(3)
    )
    http_server.routes.pop("/feed.xml")
    http_server.add(
        "/feed.xml",
        '<rss version="2.0"><channel><title>Intranet News</title><item><title>Service desks'
        f" that listen</title><link>{page}</link><description>Customer experience at the"
        f" service desk.</description></item>{items}</channel></rss>",
    )
    for n in range(3):
        http_server.add(f"/down-{n}.html", "down", status=500, content_type="text/html")
    waited(config)
    data = json.loads(curator(config, "fetch", "--json", "-q").stdout)
    assert data["hint"] == f"pages of Intranet News: {stop}"

    config.write_text(
        config.read_text(encoding="utf-8").replace(
            f"feeds:\n  - url: {http_server.url('/feed.xml')}\n",
            f"feeds:\n  - url: {http_server.url('/feed.xml')}\n    fetch_pages: false\n",
        ),
        encoding="utf-8",
    )
    asked = len(http_server.seen("/story.html"))
    waited(config)
    quiet = curator(config, "fetch", "--json")
    assert quiet.exit_code == 0, quiet.stderr
    assert len(http_server.seen("/story.html")) == asked  # as the hint said: not read again
    assert "could not be read" not in quiet.stderr and json.loads(quiet.stdout)["hint"] is None


def test_a_feed_with_some_pages_read_is_not_told_to_stop_reading_them(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = flaky_page(http_server, fail=1)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    first = curator(config, "fetch", "-q")  # its one page failed: no hint (walk32 #6)
    assert "could not be read" in first.stderr and "fetch_pages" not in first.stderr
    waited(config)
    second = curator(config, "fetch", "--json")  # read at last
    assert second.exit_code == 0, second.stderr
    assert "fetch_pages" not in second.stderr and json.loads(second.stdout)["hint"] is None


def test_feeds_whose_pages_all_fail_are_told_the_global_setting_too(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk 11: with every feed's pages failing, the hint named `fetch_pages: false` "on each" and
    not the one line under `settings:` that stops them all."""
    page = flaky_page(http_server, fail=100, status=500)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    # Three pages each, as advice needs (at least 3 asked for, not one read: walk29 #3).
    items = "".join(
        f"<item><title>Queues at branch {n}</title><link>{http_server.url(f'/other-{n}.html')}"
        "</link><description>Customer service in branches.</description></item>"
        for n in range(3)
    )
    second = http_server.add(
        "/second.xml",
        f'<rss version="2.0"><channel><title>Branch News</title>{items}</channel></rss>',
    )
    for n in range(3):
        http_server.add(f"/other-{n}.html", "gone", status=500)
    http_server.routes.pop("/feed.xml")
    http_server.add(
        "/feed.xml",
        '<rss version="2.0"><channel><title>Intranet News</title>'
        + "".join(
            f"<item><title>Service desks that listen {n}</title><link>{page}-{n}</link>"
            "<description>Customer experience at the service desk.</description></item>"
            for n in range(3)
        )
        + "</channel></rss>",
    )
    for n in range(3):
        http_server.add(f"/story.html-{n}", "down", status=500, content_type="text/html")
    config.write_text(
        config.read_text(encoding="utf-8").replace("feeds:\n", f"feeds:\n  - url: {second}\n"),
        encoding="utf-8",
    )
    assert curator(config, "fetch", "-q").exit_code == 0
    waited(config)
    run = curator(config, "fetch")  # each feed's one page read again, and failing again
    assert run.exit_code == 0, run.stderr
    assert (
        f"set `fetch_pages: false` on each in {config}, or once under `settings:` for every"
        " feed, to use what the feeds say and stop reading their pages"
    ) in run.stderr
    assert "Intranet News" in run.stderr and "Branch News" in run.stderr


def test_a_feed_whose_pages_were_all_refused_as_private_is_told_to_allow_them(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk14 #8: a feed whose pages were only `refused: not a public address` was told to set
    `fetch_pages: false`; what reads them is `allow_private_addresses: true`."""
    page = flaky_page(http_server, fail=0)
    config = newsletter(tmp_path, http_server, page, "")  # private addresses not allowed
    second = http_server.add(
        "/second.xml",
        b'<rss version="2.0"><channel><title>Branch News</title><item><title>Queues at the'
        b" branch</title><link>http://branch.curator-test.invalid/queues.html</link>"
        b"<description>Customer service in branches.</description></item></channel></rss>",
    )
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "feeds:\n", f"feeds:\n  - url: {second}\n    name: Branch News\n"
        ),
        encoding="utf-8",
    )
    allow = (
        "every one was refused as not at a public address; if its site is on your own network"
        f" (or a test site), set `allow_private_addresses: true` under `settings:` in {config}"
        " to read them"
    )
    stop = (
        f"set `fetch_pages: false` on it in {config} to use what the feed says and stop reading"
        " its pages"
    )
    run = curator(config, "fetch", "--json", "-q")
    assert run.exit_code == 0, run.stderr
    lines = run.stderr.splitlines()
    assert f"  No page of Intranet News could be read: {allow}." in lines
    # Branch News's one page failed: not yet a reason to stop reading its pages (walk32 #6).
    assert stop not in run.stderr
    assert "Intranet News and Branch News" not in run.stderr
    assert json.loads(run.stdout)["hint"] == f"pages of Intranet News: {allow}"
    assert http_server.seen("/story.html") == []


def test_runs_close_together_do_not_use_up_a_pages_reads(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk14 #9: six runs in ten minutes (an editor previewing) ended with "64 article page(s)
    could not be read in 6 tries and will not be tried again". A page is read again an hour
    after it failed at the earliest, then after 3, 9, 27 and 81 hours."""
    page = flaky_page(http_server, fail=100, status=500)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    assert curator(config, "fetch", "-q").exit_code == 0
    for _ in range(PAGE_READS + 1):  # a morning of runs
        run = curator(config, "fetch", "--json")
        assert run.exit_code == 0, run.stderr
        assert json.loads(run.stdout)["pages_still_unread"] == 0
        assert "tried again" not in run.stderr and "could not be read" not in run.stderr
    assert len(http_server.seen("/story.html")) == 1

    reads = 1
    for hours in (1, 3, 9, 27, 81):
        waited(config, hours - 0.1)  # not quite yet
        assert json.loads(curator(config, "fetch", "--json").stdout)["pages_still_unread"] == 0
        assert len(http_server.seen("/story.html")) == reads
        waited(config, hours)
        run = curator(config, "fetch", "--json")
        reads += 1
        assert len(http_server.seen("/story.html")) == reads
        assert json.loads(run.stdout)["pages_still_unread"] == 1
    assert reads == PAGE_READS
    assert f"could not be read in {PAGE_READS} tries and will not be tried again" in run.stderr


def test_the_readme_says_when_a_page_is_read_again() -> None:
    readme = " ".join(docs_text().split())
    assert "an hour after it failed at the earliest, then after 3, 9, 27 and 81 hours" in readme


def test_a_dead_link_is_not_published_and_an_unread_page_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk16: a plain build published a link to a page that answered 404, with only "no blurb
    could be made" to say so. A page that answered 404 (or 410) is not picked; a featured article
    whose page could not be read for another reason is named, with why."""
    dead = flaky_page(http_server, fail=100, status=404)
    config = newsletter(tmp_path, http_server, dead, "  allow_private_addresses: true\n")
    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    assert "HTTP 404" in result.stderr  # the fetch's page report
    assert not (config.parent / "output" / "issue-1.html").exists()  # nothing else to publish

    down = tmp_path / "down"
    down.mkdir()
    page = flaky_page(http_server, fail=1, status=500)
    config = newsletter(down, http_server, page, "  allow_private_addresses: true\n")
    result = curator(config, "draft")
    assert result.exit_code == 0, result.stderr
    said = (
        f'the page of "Service desks that listen" ({page}) could not be read (HTTP 500'
        " Internal Server Error): its credit and blurb come from its feed alone;"
    )
    assert f"{said} check its link before you publish" in " ".join(result.stderr.split())
    result = curator(config, "build", "--no-fetch")
    assert result.exit_code == 0, result.stderr
    assert f"{said} it was published" in " ".join(result.stderr.split())


def test_a_dead_link_stays_out_of_issues_once_its_page_is_no_longer_read_again(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A page that answered 404 was kept out of issues only while it was still to be read again:
    once given up (six reads, or 14 days), the next build published the dead link. It is now
    marked for good, and `subjects list` says so."""
    dead = flaky_page(http_server, fail=100, status=404)
    config = newsletter(tmp_path, http_server, dead, "  allow_private_addresses: true\n")
    assert curator(config, "fetch", "-q").exit_code == 0
    for _ in range(PAGE_READS + 1):  # read again until given up
        waited(config)
        run = curator(config, "fetch", "-q")
        assert run.exit_code == 0, run.stderr
    assert len(http_server.seen("/story.html")) == PAGE_READS
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    assert db.execute("SELECT COUNT(*) FROM page_retries").fetchone() == (0,)  # given up
    db.close()
    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    assert not (config.parent / "output" / "issue-1.html").exists()
    assert "Nothing new to feature: no issue was written." in result.stdout
    listing = curator(config, "subjects", "list")
    assert listing.exit_code == 0, listing.stderr
    assert (
        "Service desks that listen  [dead link: its page answered HTTP 404 Not Found; never"
        " picked for an issue]"
    ) in listing.stdout
    as_json = curator(config, "subjects", "list", "--json")
    assert json.loads(as_json.stdout)[0]["dead_link"] == "HTTP 404 Not Found"


def test_a_page_that_answered_404_then_is_read_is_no_longer_a_dead_link(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A page that answered 404 and, read again later, answers with the article: the mark goes,
    and the article is published."""
    page = flaky_page(http_server, fail=1, status=404)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    assert not (config.parent / "output" / "issue-1.html").exists()
    assert "dead link" in curator(config, "subjects", "list").stdout
    waited(config)
    result = curator(config, "build")
    assert result.exit_code == 0, result.stderr
    assert "Service desks that listen" in (config.parent / "output" / "issue-1.html").read_text(
        encoding="utf-8"
    )
    listing = curator(config, "subjects", "list")
    assert "dead link" not in listing.stdout and "[issue 1]" in listing.stdout


def test_subjects_explain_says_an_article_is_a_dead_link(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk24 #5: `subjects list` marked it "[dead link ...]", `subjects explain` said nothing."""
    page = flaky_page(http_server, fail=100, status=404)
    config = newsletter(tmp_path, http_server, page, "  allow_private_addresses: true\n")
    assert curator(config, "build").exit_code == 0
    assert "dead link" in curator(config, "subjects", "list").stdout
    url = json.loads(curator(config, "subjects", "list", "--json").stdout)[0]["url"]
    result = curator(config, "subjects", "explain", url)
    assert result.exit_code == 0, result.stderr
    assert (
        "Dead link: its page answered HTTP 404 Not Found, so it is never picked for an issue"
    ) in " ".join(result.stdout.split())
    result = curator(config, "subjects", "explain", url, "--json")
    assert json.loads(result.stdout)["dead_link"] == "HTTP 404 Not Found"
