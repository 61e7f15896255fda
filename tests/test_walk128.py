"""walk128: a robots.txt starting with a byte order mark was ignored (N1), a link redirecting
into a disallowed path was read and published (N2), a robots.txt over 500 KiB was cut without a
word (N7)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml

from conftest import REPO, LocalServer, run_cli, said_as_one


def page(title: str, author: str) -> bytes:
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="author" content="{author}"></head><body><article><h1>{title}</h1>'
        f'<p class="byline">By {author}</p><p>Read on a page: {title.lower()}.</p></article>'
        "</body></html>"
    ).encode()


@pytest.fixture
def other_site() -> Iterator[LocalServer]:
    server = LocalServer().start()
    try:
        yield server
    finally:
        server.stop()


def write_config(tmp_path: Path, feeds: list[str]) -> Path:
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "CX Weekly", "editor": "Ed"},
                "subjects": [{"name": "News", "keywords": ["customer experience"]}],
                "feeds": [{"url": url} for url in feeds],
                "settings": {"allow_private_addresses": True, "timeout": 10},
            },
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    return config


def test_robots_txt_with_a_bom_redirects_into_disallowed_paths_and_an_overlong_file(
    tmp_path: Path, http_server: LocalServer, other_site: LocalServer
) -> None:
    """N1: `\\ufeffUser-agent: *` was no User-agent line, so /private/ was read and published.
    N2: /p/x.html redirecting (302) to /private/y.html was read and published, as was a link
    redirecting to another site's disallowed page. N7: a robots.txt over 500 KiB was cut without
    a word. Now a BOM is skipped; a page whose redirect leads to an address its site's
    robots.txt disallows is not used (the article is built from its feed, said as disallowed);
    the overlong file is said, and its lines after 500 KiB not read."""
    robots = (
        b"\xef\xbb\xbfUser-agent: *\nDisallow: /private/\n"
        + b"# padding\n" * (60 * 1024)
        + b"Disallow: /late/\n"
    )
    http_server.add("/robots.txt", robots, content_type="text/plain")
    other_site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    items = [
        ("/a/open.html", "Customer experience at the bank", "Bank Writer"),
        ("/private/bom.html", "Customer experience at the gate", "Gate Writer"),
        ("/p/x.html", "Customer experience at the ward", "Ward Writer"),
        ("/p/far.html", "Customer experience at the port", "Port Writer"),
        ("/late/cut.html", "Customer experience at the mill", "Mill Writer"),
    ]
    for path, title, text in items:
        http_server.add(path, page(title, text), content_type="text/html")
    http_server.add("/private/y.html", page(items[2][1], items[2][2]), content_type="text/html")
    other_site.add("/private/z.html", page(items[3][1], items[3][2]), content_type="text/html")
    http_server.add(
        "/p/x.html", status=302, content_type=None, headers={"Location": "/private/y.html"}
    )
    http_server.add(
        "/p/far.html",
        status=302,
        content_type=None,
        headers={"Location": other_site.url("/private/z.html")},
    )
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{http_server.url(path)}</link>"
        f"<description>Feed summary: {escape(title.lower())}.</description>"
        f"<pubDate>Mon, 23 Nov 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, (path, title, _) in enumerate(items, 1)
    )
    http_server.add(
        "/feed.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>CX</title>{entries}'
        "</channel></rss>",
    )
    config = write_config(tmp_path, [http_server.url("/feed.xml")])
    here = http_server.base.split("://", 1)[1]
    there = other_site.base.split("://", 1)[1]

    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert http_server.seen("/private/bom.html") == [], err
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    for _, title, _ in items:
        assert title in issue, issue
    # Credits come from the pages read, and from no page a robots.txt disallows.
    assert "Bank Writer" in issue, issue
    assert "Mill Writer" in issue, issue  # its Disallow lies past 500 KiB: not read
    for writer in ("Gate Writer", "Ward Writer", "Port Writer"):
        assert writer not in issue, issue
    assert (
        f"2 pages of {here} are not read: its robots.txt disallows them; their articles'"
    ) in said, err
    assert (
        f"1 page of {there} is not read: its robots.txt disallows it; its article's credit"
    ) in said, err
    assert f"{here}: its robots.txt is over 500 KiB: only its first 500 KiB are read" in said, err

    code, _, err = run_cli("extract", "--config", str(config), http_server.url("/private/bom.html"))
    assert code == 0, err
    assert f"the robots.txt of {here} disallows curator this page" in said_as_one(err), err


def test_every_feed_waiting_is_said_before_the_json_document_and_held_in_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """N3: when every feed was waiting (429), `build --json -q` printed the waiting notice on
    stderr after the document, which said only "Nothing new to feature" with no warnings; with
    `2>/dev/full` it exited 5 and the document had no "exit" nor the notice. Now the notice comes
    first, is in the document's warnings, and the document says no feed was read."""
    http_server.add("/feed.xml", b"slow down", status=429, content_type="text/plain")
    config = write_config(tmp_path, [http_server.url("/feed.xml")])
    command = [sys.executable, "-m", "curator", "build", "--json", "-q", "--config", str(config)]

    done = subprocess.run(
        command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120
    )
    both = done.stdout.decode()
    assert done.returncode == 0, both
    notice = "1 feed(s) asked curator to wait (not a failure)"
    assert notice in both and both.index(notice) < both.index("{"), both
    document = json.loads(both[both.index("{") :])
    assert document["message"].startswith("No feed was read in this run (1 waiting)"), document
    assert any(
        "asked curator to wait (not a failure): HTTP 429" in w["message"]
        for w in document["warnings"]
    ), document["warnings"]

    # The next run does not ask it; its stderr lost (a full disk): exit 5, the notice held.
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, stderr=full, timeout=120)
    assert done.returncode == 5
    document = json.loads(done.stdout.decode())
    assert document["exit"] == 5 and "holds the warnings" in document["stderr_lost"], document
    assert document["message"].startswith("No feed was read in this run (1 waiting)"), document
    assert any(
        "not asked in this run (not a failure): it answered 429" in w["message"]
        for w in document["warnings"]
    ), document["warnings"]
    assert len(http_server.seen("/feed.xml")) == 1


def test_retry_after_zero_a_named_time_and_a_capped_page_wait_are_said_truly(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk128: a 429's "Retry-After: 0" was said "asks for no wait; no wait named: curator does
    not ask it again for an hour", which contradicts itself; N6: a Retry-After date at 03:00:00
    GMT was shown as "02:59 UTC", and a page's "Retry-After: 999999" as the day curator keeps
    without saying it was cut."""
    named = (datetime.now(UTC) + timedelta(hours=3)).replace(second=0, microsecond=0)
    http_server.add(
        "/zero.xml", b"busy", status=429, headers={"Retry-After": "0"}, content_type="text/plain"
    )
    http_server.add(
        "/dated.xml",
        b"busy",
        status=503,
        headers={"Retry-After": format_datetime(named, usegmt=True)},
        content_type="text/plain",
    )
    http_server.add(
        "/story.html",
        b"busy",
        status=429,
        headers={"Retry-After": "999999"},
        content_type="text/plain",
    )
    http_server.add(
        "/news.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item>'
        f"<title>Customer experience at the desk</title><link>{http_server.url('/story.html')}"
        "</link><description>Customer experience at the desk.</description></item></channel>"
        "</rss>",
    )
    config = write_config(
        tmp_path, [http_server.url(p) for p in ("/zero.xml", "/dated.xml", "/news.xml")]
    )
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        "HTTP 429 Too Many Requests; its Retry-After asks for no wait, but a 429 asks curator to"
        " ask less often: curator does not ask it again for an hour (longer while it lasts)"
    ) in said, err
    assert "no wait; no wait named" not in said, err
    # (with its day when that is not today, UTC: 3 hours on from after 21:00 is tomorrow)
    day = "" if named.date() == datetime.now(UTC).date() else f"{named:%Y-%m-%d} "
    assert f"the server asked curator to wait until {day}{named:%H:%M} UTC" in said, err
    assert "(capped at a day): read again on a run after it" in said, err


def test_a_site_url_the_user_agent_cannot_carry_is_said_or_sent_encoded(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """N5: a `site_url` of a non-ASCII host, or holding `)` or `;`, was left out of the
    User-Agent without a word. Now one that encodes exactly is sent encoded (the host as IDNA,
    the path percent-encoded), and one that cannot is warned of, naming its line."""
    http_server.add(
        "/feed.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>CX</title></channel></rss>',
    )
    config = tmp_path / "feeds.yaml"

    def with_site(site: str) -> None:
        config.write_text(
            f"newsletter:\n  title: CX Weekly\n  site_url: {site}\nsubjects:\n  - name: News\n"
            f"    keywords: [cx]\nfeeds:\n  - url: {http_server.url('/feed.xml')}\nsettings:\n"
            "  allow_private_addresses: true\n",
            encoding="utf-8",
        )

    with_site("https://exämple.org/nüws/")
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    agent = http_server.requests[-1].headers.get("User-Agent", "")
    assert "+https://xn--exmple-cua.org/n%C3%BCws/)" in agent, agent
    assert "User-Agent" not in err, err

    with_site("https://example.org/ne)ws/;x")
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    agent = http_server.requests[-1].headers.get("User-Agent", "")
    assert "example.org" not in agent, agent
    said = said_as_one(err)
    assert f"{config}:3:" in said, err
    assert (
        "`site_url: https://example.org/ne)ws/;x` cannot go in the User-Agent every request sends"
    ) in said, err
    assert said.count("cannot go in the User-Agent") == 1, err
