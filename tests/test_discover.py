"""Feed discovery on real saved pages (RSParser's captures) served from 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from curator.discover import (
    FeedLink,
    candidate_paths,
    check_feed,
    discover,
    find_feed_links,
)
from curator.models import FetchResult

PAGES = "articles/rsparser-html"
FEEDS = "feeds/real/rsparser"


class LocalFetch:
    """A fetch function for `discover` that only ever reaches 127.0.0.1 (tests never go online).

    Anything else is recorded and answered as a failed fetch, as the app's fetcher answers a host
    that does not resolve.
    """

    def __init__(self) -> None:
        self.client = httpx.Client(follow_redirects=True, timeout=5.0)
        self.refused: list[str] = []
        self.asked: list[str] = []

    def __call__(self, url: str) -> FetchResult:
        self.asked.append(url)
        host = urlsplit(url).hostname
        if host != "127.0.0.1":
            self.refused.append(url)
            return FetchResult(url, url, error_kind="dns", error=f"no such server: {host}")
        response = self.client.get(url)
        content_type = response.headers.get("content-type")
        if response.status_code != 200:
            return FetchResult(
                url,
                str(response.url),
                response.status_code,
                content_type=content_type,
                error_kind="http",
                error=f"HTTP {response.status_code}",
            )
        return FetchResult(url, str(response.url), 200, response.content, content_type)


@pytest.fixture
def fetch():
    fetcher = LocalFetch()
    yield fetcher
    fetcher.client.close()


# -- find_feed_links on the real pages (pure) --------------------------------------------

#: What each saved page declares, read from its <head> by hand.
DECLARED = {
    "DaringFireball.html": (
        "https://daringfireball.net/",
        [FeedLink("https://daringfireball.net/feeds/main", None, "application/atom+xml")],
    ),
    "coco.html": (
        "https://www.theatlantic.com/technology/archive/2017/05/coco/",
        [
            FeedLink(
                "https://www.theatlantic.com/feed/all/", "The Atlantic", "application/rss+xml"
            ),
            FeedLink(
                "https://www.theatlantic.com/feed/best-of/",
                "Best of The Atlantic",
                "application/rss+xml",
            ),
        ],
    ),
    "furbo.html": (
        "http://furbo.org/",
        [FeedLink("http://furbo.org/feed/", "Iconfactory News Feed", "application/rss+xml")],
    ),
    "inessential.html": (
        "http://inessential.com/",
        [FeedLink("http://inessential.com/xml/rss.xml", "RSS", "application/rss+xml")],
    ),
    "sixcolors.html": (
        "https://sixcolors.com/",
        [FeedLink("http://feedpress.me/sixcolors", "RSS", "application/rss+xml")],
    ),
    # The YouTube page also has handheld/android-app/ios-app alternates, which are not feeds.
    "YouTubeTheVolvoRocks.html": (
        "https://www.youtube.com/user/TheVolvorocks",
        [
            FeedLink(
                "https://www.youtube.com/feeds/videos.xml?channel_id=UCct7QF2jcWRY6dhXWMSq9LQ",
                "RSS",
                "application/rss+xml",
            )
        ],
    ),
}


def test_every_saved_page_is_covered(corpus: Path) -> None:
    assert sorted(p.name for p in (corpus / PAGES).glob("*.html")) == sorted(DECLARED)


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_declared_feeds_of_real_pages(corpus: Path, name: str) -> None:
    base, expected = DECLARED[name]
    assert list(find_feed_links((corpus / PAGES / name).read_bytes(), base)) == expected


def test_page_without_feeds_declares_none(corpus: Path) -> None:
    # Its only alternate is an hreflang one, with no feed type.
    page = (corpus / "articles/readability/dropbox-blog/source.html").read_bytes()
    assert b'rel="alternate" hreflang' in page
    assert find_feed_links(page, "https://dropbox.tech/infrastructure/x") == ()


def test_link_rules() -> None:
    page = """<html><head><base href="https://cdn.example/blog/">
    <LINK REL="Alternate" TYPE="Application/RSS+XML; charset=utf-8" href="rss.xml" title=" Main
      feed ">
    <link rel="alternate" type="application/rss+xml" href="https://cdn.example/blog/rss.xml#top">
    <link rel="alternate" type="application/atom+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/atom+xml" href="data:text/xml,<feed/>">
    <link rel="alternate stylesheet" type="text/xml" href="/print.xsl">
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <link rel="feed" href="/all-posts">
    <link rel="alternate" type="application/feed+json" href="/feed.json" title="JSON">
    <link rel="alternate" type="application/atom+xml" href="">  <!-- the page itself: dropped -->
    </head><body><link rel="alternate" type="application/atom+xml" href="/late.atom"></body></html>
    """
    assert find_feed_links(page, "https://www.example.com/post/1") == (
        FeedLink("https://cdn.example/blog/rss.xml", "Main feed", "application/rss+xml"),
        FeedLink("https://cdn.example/all-posts", None, None),
        FeedLink("https://cdn.example/feed.json", "JSON", "application/feed+json"),
        FeedLink("https://cdn.example/late.atom", None, "application/atom+xml"),
    )


@pytest.mark.parametrize("junk", [b"", b"   ", b"\x00\xff" * 100, "<<<>>>", b"<html" * 10000])
def test_junk_pages_give_nothing(junk: bytes | str) -> None:
    assert find_feed_links(junk, "https://example.com/") == ()


def test_candidate_paths() -> None:
    root = candidate_paths("https://example.com/2024/05/some-post.html?x=1")
    assert root[:6] == (
        "https://example.com/feed",
        "https://example.com/feed/",
        "https://example.com/rss.xml",
        "https://example.com/atom.xml",
        "https://example.com/index.xml",
        "https://example.com/feed.xml",
    )
    assert "https://example.com/feed.json" in root
    assert all(url.startswith("https://example.com/") for url in root)
    blog = candidate_paths("http://example.com:8080/blog/")
    assert blog[0] == "http://example.com:8080/blog/feed"
    assert "http://example.com:8080/index.xml" in blog
    assert blog.index("http://example.com:8080/blog/index.xml") < blog.index(
        "http://example.com:8080/index.xml"
    )
    assert candidate_paths("ftp://example.com/") == ()
    assert candidate_paths("not a url") == ()


def test_check_feed_tells_feeds_from_pages(corpus: Path) -> None:
    feeds = corpus / FEEDS
    assert check_feed((feeds / "DaringFireball.atom").read_bytes(), None) == (
        "Daring Fireball",
        "atom",
        48,
    )
    assert check_feed((feeds / "DaringFireball.json").read_bytes(), "application/json") == (
        "Daring Fireball",
        "json",
        48,
    )
    assert check_feed((feeds / "bio.rdf").read_bytes(), None)[1] == "rdf"
    assert check_feed((corpus / PAGES / "furbo.html").read_bytes(), "text/html") == (
        "a web page, not a feed"
    )
    # Bytes that name a file must never be read as that file.
    assert check_feed(b"/etc/passwd", "text/plain") == "not an RSS, Atom or JSON feed"
    assert check_feed(b'{"version": "1", "items": []}', None) == "JSON, but not a JSON Feed"
    assert check_feed(b"[" * 100_000, None) == "not an RSS, Atom or JSON feed"


# -- discover against the local server ---------------------------------------------------


def test_discover_page_with_one_declared_feed(corpus: Path, http_server, fetch) -> None:
    page = http_server.add(
        "/", (corpus / PAGES / "DaringFireball.html").read_bytes(), content_type="text/html"
    )
    http_server.add(
        "/feeds/main",
        (corpus / FEEDS / "DaringFireball.atom").read_bytes(),
        content_type="application/atom+xml",
    )
    found = discover(page, fetch)
    assert not found.is_feed and found.error is None
    assert [(f.url, f.title, f.kind, f.source) for f in found.feeds] == [
        (http_server.url("/feeds/main"), "Daring Fireball", "atom", "declared")
    ]
    assert found.best is not None and found.best.entries == 48
    assert fetch.asked == [page, http_server.url("/feeds/main")]  # no guessing once found


def test_discover_lists_several_declared_feeds_in_page_order(
    corpus: Path, http_server, fetch
) -> None:
    page = http_server.add(
        "/technology/archive/2017/05/coco/",
        (corpus / PAGES / "coco.html").read_bytes(),
        content_type="text/html; charset=utf-8",
    )
    http_server.add("/feed/all/", (corpus / FEEDS / "scriptingNews.rss").read_bytes())
    http_server.add("/feed/best-of/", (corpus / FEEDS / "manton.rss").read_bytes())
    found = discover(page, fetch)
    assert [(f.url, f.link_title, f.kind) for f in found.feeds] == [
        (http_server.url("/feed/all/"), "The Atlantic", "rss"),
        (http_server.url("/feed/best-of/"), "Best of The Atlantic", "rss"),
    ]
    assert found.feeds[0].title == "Scripting News"


def test_discover_falls_back_to_common_paths(corpus: Path, http_server, fetch) -> None:
    page = http_server.add(
        "/infrastructure/asynchronous-task-scheduling",
        (corpus / "articles/readability/dropbox-blog/source.html").read_bytes(),
        content_type="text/html",
    )
    http_server.add("/feed", (corpus / FEEDS / "cloudblog.rss").read_bytes())
    http_server.add("/rss.xml", (corpus / FEEDS / "scriptingNews.rss").read_bytes())
    found = discover(page, fetch)
    assert [(f.url, f.source) for f in found.feeds] == [(http_server.url("/feed"), "common-path")]
    assert http_server.seen("/rss.xml") == []  # stops at the first working guess


def test_declared_feed_elsewhere_unreachable_then_common_path(
    corpus: Path, http_server, fetch
) -> None:
    page = http_server.add(
        "/", (corpus / PAGES / "inessential.html").read_bytes(), content_type="text/html"
    )
    http_server.add("/feed/", "<html><body>Not here</body></html>", content_type="text/html")
    http_server.add(
        "/feed.json",
        (corpus / FEEDS / "inessential.json").read_bytes(),
        content_type="application/feed+json",
    )
    found = discover(page, fetch)
    assert fetch.refused == ["http://inessential.com/xml/rss.xml"]
    assert [(f.url, f.kind, f.source) for f in found.feeds] == [
        (http_server.url("/feed.json"), "json", "common-path")
    ]
    rejected = dict(found.rejected)
    assert rejected["http://inessential.com/xml/rss.xml"] == "no such server: inessential.com"
    assert rejected[http_server.url("/feed/")] == "a web page, not a feed"
    assert rejected[http_server.url("/feed")] == "HTTP 404"


def test_a_feed_url_is_taken_as_it_is(corpus: Path, http_server, fetch) -> None:
    url = http_server.add("/xml/rss.xml", (corpus / FEEDS / "DaringFireball.rss").read_bytes())
    found = discover(url, fetch)
    assert found.is_feed
    assert [(f.url, f.title, f.source) for f in found.feeds] == [(url, "Daring Fireball", "given")]
    assert fetch.asked == [url]


def test_comments_feeds_are_dropped(corpus: Path, http_server, fetch) -> None:
    page = http_server.add(
        "/blog/",
        """<html><head><title>A WordPress blog</title>
        <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Comments Feed"
              href="/blog/comments/feed/">
        <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed"
              href="/blog/feed/">
        <link rel="alternate" type="application/rss+xml" title="Replies" href="/blog/replies/">
        </head><body></body></html>""",
        content_type="text/html",
    )
    http_server.add("/blog/comments/feed/", (corpus / FEEDS / "manton.rss").read_bytes())
    http_server.add("/blog/feed/", (corpus / FEEDS / "KatieFloyd.rss").read_bytes())
    comments = '<rss version="2.0"><channel><title>Comments on: Blog</title><item><title>x</title>'
    http_server.add("/blog/replies/", comments + "</item></channel></rss>")
    found = discover(page, fetch)
    assert [f.url for f in found.feeds] == [http_server.url("/blog/feed/")]
    assert dict(found.rejected) == {
        http_server.url("/blog/comments/feed/"): "a comments feed",
        http_server.url("/blog/replies/"): "a comments feed",
    }
    assert http_server.seen("/blog/comments/feed/") == []  # known from its link: not fetched


def test_same_feed_under_two_declared_urls_is_listed_once(corpus: Path, http_server, fetch):
    body = (corpus / FEEDS / "KatieFloyd.rss").read_bytes()

    def redirect(req) -> None:
        req.send_response(301)
        req.send_header("Location", "/feed/")
        req.send_header("Content-Length", "0")
        req.end_headers()

    page = http_server.add(
        "/",
        '<link rel="alternate" type="application/rss+xml" href="/feed/">'
        '<link rel="alternate" type="application/rss+xml" href="/old-feed">',
        content_type="text/html",
    )
    http_server.add("/feed/", body)
    http_server.add("/old-feed", handler=redirect)
    found = discover(page, fetch)
    assert [f.url for f in found.feeds] == [http_server.url("/feed/")]
    assert dict(found.rejected) == {
        http_server.url("/old-feed"): "the same feed as another candidate"
    }


def test_unreachable_page_is_an_error(http_server, fetch) -> None:
    found = discover(http_server.url("/gone"), fetch)
    assert found.feeds == () and found.best is None
    # The reason, not the URL again: `feeds add` names the URL once (issue 12.13; it said
    # "URL: URL: could not be fetched").
    assert found.error == "HTTP 404"


def test_page_with_no_feed_anywhere(http_server, fetch) -> None:
    page = http_server.add("/", "<!doctype html><title>Nothing</title>", content_type="text/html")
    found = discover(page, fetch)
    assert found.feeds == () and found.error is None
    assert len(found.rejected) == len(candidate_paths(page))
