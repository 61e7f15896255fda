"""The rendered issue in a real browser: headless Chromium loads it from the preview server on
127.0.0.1, and what it shows (every heading and article link) is what curator rendered; nothing is
fetched from anywhere else; screenshots at phone and desktop widths go to test-artifacts/."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from curator.editions import OUTPUTS
from curator.models import Article, Scored
from curator.outputs import publish_outputs
from curator.preview import PreviewError, serve
from curator.render import environment
from tests.test_outputs import make_issue

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install -y chromium; .ci/run installs it)",
)

#: Flags for a quiet, offline headless Chromium: no first-run, sync, updates or background fetches;
#: every host name but 127.0.0.1 fails to resolve, so nothing else could load even if asked.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
)
#: Seconds one Chromium run may take before the test gives up on it (a hung browser, not a speed
#: assertion: a run takes about a second).
RUN_LIMIT = 120


def browser_issue():
    """The test issue plus an article whose title tries to run a script."""
    issue = make_issue()
    hostile = Scored(
        Article(
            id=99,
            url="https://evil.example.com/x",
            title="<script>document.title='pwned'</script> Scripts in titles",
            authors=("<img src=x onerror=alert(1)>",),
            publication="Hostile Weekly",
            blurb="A blurb with <b>markup</b> that must show as text.",
        ),
        1.0,
    )
    last = issue.sections[-1]
    return replace(
        issue, sections=(*issue.sections[:-1], replace(last, entries=(*last.entries, hostile)))
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[object, str, Path]]:
    folder = tmp_path_factory.mktemp("output")
    publish_outputs(
        browser_issue(), env=environment(), out_dir=folder, formats=OUTPUTS, site_url=None, utm=None
    )
    server, url = serve(folder)
    try:
        yield server, url, folder
    finally:
        server.shutdown()
        server.server_close()


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=RUN_LIMIT,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def links_and_headings(html: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    soup = BeautifulSoup(html, "html.parser")
    body = soup.body or soup
    links = [(a.get("href", ""), a.get_text(" ", strip=True)) for a in body.find_all("a")]
    headings = [(h.name, h.get_text(" ", strip=True)) for h in body.find_all(["h1", "h2", "h3"])]
    return links, headings


def net_log(path: Path) -> tuple[list[dict], list[str]]:
    """Chromium's own record of its network activity: (URL requests, TCP connection addresses)."""
    log = json.loads(path.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    requests = []
    connects = []
    for event in log["events"]:
        params = event.get("params") or {}
        kind = names.get(event["type"])
        if kind == "URL_REQUEST_START_JOB":
            requests.append(params)
        elif kind == "TCP_CONNECT" and "remote_address" in params:
            connects.append(params["remote_address"])
    return requests, connects


@needs_chromium
def test_the_issue_in_a_browser_shows_every_link_and_heading(site, tmp_path):
    server, url, folder = site
    server.requests.clear()
    page = url + "issue-1.html"
    netlog = tmp_path / "net.json"
    result = chromium(f"--log-net-log={netlog}", "--dump-dom", page, profile=tmp_path / "profile")
    rendered = (folder / "issue-1.html").read_text(encoding="utf-8")
    want_links, want_headings = links_and_headings(rendered)
    got_links, got_headings = links_and_headings(result.stdout)
    assert len(want_links) >= 6 and len(want_headings) == 1 + 2 + 5
    assert got_links == want_links
    assert got_headings == want_headings
    assert ("h3", "<script>document.title='pwned'</script> Scripts in titles") in got_headings
    dom = BeautifulSoup(result.stdout, "html.parser")
    assert dom.title.get_text() == "Customer Experience Weekly · Issue 1"
    assert dom.find_all(["script", "img"]) == []

    # The page has nothing to fetch: no src anywhere; the only outside links are the articles'.
    assert BeautifulSoup(rendered, "html.parser").find_all(src=True) == []
    article_links = {a.url for a in browser_issue().articles} | {
        href for name, href in browser_issue().sections[0].entries[0].also_covered_by
    }
    outside = {h for h, _ in want_links if h.startswith(("http:", "https:"))}
    assert outside <= article_links | {"https://example.com/about"}

    # What the server saw, and what Chromium itself logged: the one page, from 127.0.0.1.
    assert server.requests == ["/issue-1.html"]
    requests, connects = net_log(netlog)
    # The page's requests carry its origin; Chromium's own (update checks, kept offline by the
    # resolver rules) carry none.
    from_page = [
        r["url"]
        for r in requests
        if "url" in r
        and "127.0.0.1" in str(r.get("initiator", "")) + str(r.get("network_isolation_key", ""))
    ]
    assert from_page == [page]
    assert connects and all(a.startswith("127.0.0.1:") for a in connects), connects


@needs_chromium
@pytest.mark.parametrize(
    ("name", "page", "size"),
    [
        ("issue-phone", "issue-1.html", (390, 844)),
        ("issue-desktop", "issue-1.html", (1280, 900)),
        ("email-desktop", "issue-1.email.html", (800, 1000)),
        ("archive-phone", "index.html", (390, 844)),
    ],
)
def test_screenshots_at_phone_and_desktop_widths(site, tmp_path, name, page, size):
    server, url, _ = site
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    width, height = size
    chromium(
        f"--screenshot={shot}",
        f"--window-size={width},{height}",
        url + page,
        profile=tmp_path / "profile",
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (width, height)
    assert len(data) > 10_000  # a blank page compresses to a few hundred bytes


def test_preview_serves_only_on_loopback(tmp_path):
    (tmp_path / "latest.html").write_text("<p>hi</p>")
    server, url = serve(tmp_path)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "latest.html") as response:  # noqa: S310 - loopback
            assert response.read() == b"<p>hi</p>"
            assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(url + "../../etc/passwd")  # noqa: S310
    finally:
        server.shutdown()
        server.server_close()
    with pytest.raises(PreviewError, match="is not a folder"):
        serve(tmp_path / "nope")


def themed_issue():
    """An issue about one subject, as the seed's are: its subject under the introduction, a
    closing line naming the next theme."""
    issue = make_issue(number=2)
    first = issue.sections[0]
    return replace(
        issue,
        sections=(first,),
        theme=(first.subject,),
        closing="Next time: *Measuring the experience*. Won't you learn with me?",
    )


@needs_chromium
def test_a_themed_issue_in_a_browser_shows_its_theme_and_closing_line(tmp_path):
    folder = tmp_path / "output"
    issue = themed_issue()
    publish_outputs(
        issue, env=environment(), out_dir=folder, formats=OUTPUTS, site_url=None, utm=None
    )
    server, url = serve(folder)
    try:
        page = url + "issue-2.html"
        result = chromium("--dump-dom", page, profile=tmp_path / "profile")
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "themed-issue-phone.png"
        shot.unlink(missing_ok=True)
        chromium(f"--screenshot={shot}", "--window-size=390,844", page, profile=tmp_path / "p2")
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        server.shutdown()
        server.server_close()
    dom = BeautifulSoup(result.stdout, "html.parser")
    subject = issue.theme[0]
    assert dom.title.get_text() == f"Customer Experience Weekly · Issue 2: {subject}"
    headings = [
        (h.name, h.get_text(" ", strip=True)) for h in dom.body.find_all(["h1", "h2", "h3"])
    ]
    assert headings == [
        ("h1", "Customer Experience Weekly"),
        ("h2", subject),
        *[("h3", e.article.title) for e in issue.sections[0].entries],
    ]
    meta = dom.find(class_="issue-meta").get_text(" ", strip=True)
    assert meta.startswith(f"Issue 2: {subject} ·")
    closing = dom.find(class_="closing")
    assert " ".join(closing.get_text().split()) == (
        "Next time: Measuring the experience. Won't you learn with me?"
    )
    assert closing.find("em").get_text() == "Measuring the experience"
    # The closing line comes after the last article, the theme's heading before the first.
    text = dom.body.get_text(" ", strip=True)
    assert text.index(subject) < text.index(issue.sections[0].entries[0].article.title)
    assert text.rindex("Next time:") > text.index(issue.sections[0].entries[-1].article.title)
    assert dom.find_all(["script", "img"]) == []
