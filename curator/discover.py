"""Feed discovery: from a publication's web page (or a feed URL) to the feeds worth subscribing to.

Editors know a website, rarely its feed. `find_feed_links` reads the `<link>` elements a page
declares (pure); `candidate_paths` lists where blog engines put feeds when a page declares none
(pure); `discover` fetches through a function it is given, checks each candidate really is a feed,
and ranks them. The page, its links and the candidates' bodies are all untrusted: a candidate is
read by `curator.feeds.parse_feed`, as the build reads it (with its defences against entity
expansion, huge titles and too many entries), so what `feeds add` finds is what the build reads.
`curator.app.discover_feeds` runs it with the build's fetcher and the config's fetch settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree
from lxml import html as lxml_html

from curator.feeds import FeedError, parse_feed
from curator.models import FetchResult
from curator.urls import safe_url, url_key

#: How `discover` reads a URL (or a local path): the body, its Content-Type and the final URL, or
#: a failure saying why (`FetchResult.error`), as `curator.fetch.fetch_all` answers.
Fetch = Callable[[str], FetchResult]

#: `type` values of `<link rel="alternate">` that announce a feed. RSS/Atom from the RSS Advisory
#: Board's autodiscovery spec and RFC 4287; RSS 1.0 is RDF; JSON Feed 1.1 says application/feed+json
#: and 1.0 said application/json; text/xml and application/xml are older sites' RSS.
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/json",
        "application/x.atom+xml",
        "application/x-atom+xml",
        "application/x-rss+xml",
        "text/xml",
        "application/xml",
    }
)

#: Where blog engines serve their feed, tried in this order when a page declares none:
#: WordPress /feed/ (and /feed), Hugo /index.xml, Jekyll /feed.xml, Ghost and Substack /rss/ and
#: /feed, Zola/Pelican /atom.xml and /rss.xml, JSON Feed /feed.json, Blogger /feeds/posts/default.
COMMON_FEED_PATHS = (
    "feed",
    "feed/",
    "rss.xml",
    "atom.xml",
    "index.xml",
    "feed.xml",
    "rss",
    "rss/",
    "feed.json",
    "index.rss",
    "feeds/posts/default",
)

#: Words in a feed's title or URL that mark a comments feed (WordPress "Comments Feed",
#: /comments/feed/), which an editor never wants in place of the articles.
COMMENTS_MARKERS = re.compile(r"\bcomments?\b", re.IGNORECASE)

#: Bytes of a body looked at to tell HTML from a feed before parsing it.
_SNIFF_BYTES = 1024


@dataclass(frozen=True)
class FeedLink:
    """A feed a page declares in its `<head>` (or anywhere) with `<link>`."""

    #: Absolute http(s) URL, resolved against the page (and its `<base href>`).
    url: str
    #: The link's `title` attribute, whitespace collapsed, when given.
    title: str | None
    #: The declared MIME type, lower-cased (None for rel="feed" without one).
    type: str | None


@dataclass(frozen=True)
class FoundFeed:
    """A URL checked to serve a real feed."""

    #: The URL to subscribe to (as declared or asked for, not where redirects ended).
    url: str
    #: The feed's own title, when it has one.
    title: str | None
    #: "rss", "atom", "rdf" or "json".
    kind: str
    #: Entries in the feed when it was checked.
    entries: int
    #: How it was found: "given" (the URL itself), "declared" (a `<link>`), "common-path" (a guess).
    source: str
    #: The `<link>` title, for declared feeds.
    link_title: str | None = None
    #: The URL keys of its entries' links (`url_key`), to tell a feed serving a listed feed's
    #: entries under another address (walk47 new 3).
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Discovery:
    """What `discover` found for one URL."""

    #: The URL asked about.
    url: str
    #: Where it ended after redirects (the page's URL for resolving links).
    final_url: str
    #: Feeds found, best first; one when the URL itself is a feed.
    feeds: tuple[FoundFeed, ...] = ()
    #: Candidates that were not usable, with why: (url, reason).
    rejected: tuple[tuple[str, str], ...] = ()
    #: Why the URL itself could not be read, or is not a feed (one line, without the URL).
    error: str | None = None
    #: Where the URL moved for good (every redirect to it permanent, 301/308, as `FetchResult`
    #: says), None when it did not: `feeds add` lists that address, which the next fetch would
    #: otherwise ask to write in its place (walk178 #6).
    moved_to: str | None = None

    @property
    def is_feed(self) -> bool:
        """True when the URL asked about is itself a feed."""
        return len(self.feeds) == 1 and self.feeds[0].source == "given"

    @property
    def best(self) -> FoundFeed | None:
        return self.feeds[0] if self.feeds else None


_SPACE = re.compile(r"\s+")


def _clean(value: str | None) -> str | None:
    text = _SPACE.sub(" ", value or "").strip()
    return text or None


def _http_url(href: str | None, base: str) -> str | None:
    """`href` resolved against `base` if it is an http(s) URL, else None (no javascript:, data:)."""
    url = safe_url(href, base)
    if url is None or urlsplit(url).scheme.lower() not in {"http", "https"}:
        return None
    return url


def find_feed_links(html: bytes | str, base_url: str) -> tuple[FeedLink, ...]:
    """Feeds a page declares: `<link rel="alternate">` with a feed type, and `rel="feed"`.

    Pure. URLs are resolved against `<base href>` (if http(s)) then `base_url`, kept only if
    http(s), deduplicated by normalised URL, in page order. Unparsable input gives ().
    """
    if isinstance(html, str):
        html = html.encode("utf-8", "surrogatepass")
    if not html.strip():
        return ()
    try:
        parser = lxml_html.HTMLParser(no_network=True, remove_comments=True)
        root = lxml_html.document_fromstring(html, parser=parser)
    except (etree.LxmlError, ValueError):
        return ()
    base = base_url
    for element in root.iter("base"):
        declared = _http_url(element.get("href"), base_url)
        if declared:
            base = declared
        break
    links: list[FeedLink] = []
    seen: set[str] = set()
    for element in root.iter("link"):
        rels = {token.lower() for token in (element.get("rel") or "").split()}
        kind = (element.get("type") or "").split(";")[0].strip().lower() or None
        if not ("feed" in rels or ("alternate" in rels and kind in FEED_TYPES)):
            continue
        if "stylesheet" in rels:
            continue
        url = _http_url(element.get("href"), base)
        if url is None:
            continue
        key = url_key(url)
        if key in seen:
            continue
        seen.add(key)
        links.append(FeedLink(url=url, title=_clean(element.get("title")), type=kind))
    return tuple(links)


def candidate_paths(base_url: str) -> tuple[str, ...]:
    """Absolute URLs where a feed commonly lives for the site of `base_url`, most likely first.

    Pure. When the page is a folder below the site's root (example.com/blog/), the same names under
    that folder come first, since a blog under a path serves its feed there.
    """
    parts = urlsplit(base_url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return ()
    root = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
    folders = []
    # Only a page that is itself a folder (example.com/blog/) gets the names under it: an article's
    # folder (example.com/2024/05/) never holds the feed.
    if parts.path.endswith("/") and parts.path != "/":
        folders.append(urljoin(root, parts.path))
    folders.append(root)
    urls = [urljoin(folder_url, name) for folder_url in folders for name in COMMON_FEED_PATHS]
    return tuple(dict.fromkeys(urls))


def _looks_like_html(body: bytes, content_type: str | None) -> bool:
    head = body[:_SNIFF_BYTES].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head.startswith((b"<!doctype html", b"<html")):
        return True
    mime = (content_type or "").split(";")[0].strip().lower()
    return (
        mime in {"text/html", "application/xhtml+xml"}
        and b"<rss" not in head
        and (b"<feed" not in head)
    )


def _kind(version: str | None) -> str:
    """ "rss", "atom", "rdf" or "json" from a `ParsedFeed.version` ("rss20", "atom10", "json11")."""
    version = version or ""
    if version.startswith("atom"):
        return "atom"
    if version.startswith("json"):
        return "json"
    return "rdf" if version in ("rss090", "rss10") else "rss"


def check_feed(
    body: bytes, content_type: str | None, url: str = ""
) -> tuple[str | None, str, int] | str:
    """(title, kind, entries) when `body` is a feed, else the reason it is not (see `_read`)."""
    result = _read(body, content_type, url)
    return result if isinstance(result, str) else result[:3]


def read_feed(
    body: bytes, content_type: str | None, url: str = ""
) -> tuple[str | None, str, int, tuple[str, ...]] | str:
    """`check_feed`, with the URL keys of the links of the feed's entries: what `feeds import`
    compares with the stored articles of the feeds listed (one parse for both)."""
    return _read(body, content_type, url)


def _read(
    body: bytes, content_type: str | None, url: str = ""
) -> tuple[str | None, str, int, tuple[str, ...]] | str:
    """(title, kind, entries, the URL keys of its entries' links) when `body` is a feed, else the
    reason it is not (one line).

    The body is read by `parse_feed`, exactly as the build reads it: the title is the one the build
    stores, cut and cleaned, and entity declarations are never expanded. A feed is a document
    `parse_feed` reads with entries or a title; an HTML page is never a feed. `url` is what
    relative links would be resolved against.
    """
    if not body or not body.strip():
        return "empty"
    if _looks_like_html(body, content_type):
        return "a web page, not a feed"
    try:
        parsed = parse_feed(body, url, content_type)
    except FeedError:
        if body.lstrip().startswith((b"{", b"\xef\xbb\xbf{")):
            return "JSON, but not a JSON Feed"
        return "not an RSS, Atom or JSON feed"
    if not (parsed.entries or parsed.title):
        return "not an RSS, Atom or JSON feed"
    keys = tuple(dict.fromkeys(url_key(e.link) for e in parsed.entries if e.link))
    return parsed.title, _kind(parsed.version), len(parsed.entries), keys


def is_comments_feed(url: str, title: str | None) -> bool:
    """True for a comments feed (WordPress "Comments Feed", /comments/feed/) by its title or URL."""
    return bool(COMMENTS_MARKERS.search(title or "")) or bool(
        COMMENTS_MARKERS.search(urlsplit(url).path + "?" + urlsplit(url).query)
    )


def _try(
    fetch: Fetch, urls: Iterable[tuple[str, str, str | None]], stop_at_first: bool
) -> tuple[list[FoundFeed], list[tuple[str, str]]]:
    """Fetch and check each (url, source, link title); returns the feeds and the rejections."""
    found: list[FoundFeed] = []
    rejected: list[tuple[str, str]] = []
    seen_final: set[str] = set()
    for url, source, link_title in urls:
        if is_comments_feed(url, link_title):
            rejected.append((url, "a comments feed"))
            continue
        fetched = fetch(url)
        if not fetched.ok or fetched.content is None:
            # The fetch's own reason (an HTTP status, connection refused, a timeout), not a vague one.
            rejected.append((url, fetched.error or "could not be fetched"))
            continue
        final_url = fetched.final_url or url
        result = _read(fetched.content, fetched.content_type, final_url)
        if isinstance(result, str):
            rejected.append((url, result))
            continue
        title, kind, entries, keys = result
        if is_comments_feed(final_url, title):
            rejected.append((url, "a comments feed"))
            continue
        final_key = url_key(final_url)
        if final_key in seen_final:
            rejected.append((url, "the same feed as another candidate"))
            continue
        seen_final.add(final_key)
        found.append(FoundFeed(url, title, kind, entries, source, link_title, keys))
        if stop_at_first:
            break
    return found, rejected


def discover(url: str, fetch: Fetch) -> Discovery:
    """The feeds behind `url`, checked and best first.

    If `url` is itself a feed, that one feed (source "given"). Otherwise the page's declared feeds
    in page order (Atom/RSS/JSON alike; comments feeds dropped), and only when none of those is a
    working feed, the common paths, stopping at the first that is one (they are guesses, and most
    are the same feed under several names). Never raises for what a server sends. When `url`
    itself cannot be read, or is neither a feed nor a page, `Discovery.error` says why (the fetch's
    reason: no such server, connection refused, a timeout, an HTTP status; or "not an RSS, Atom or
    JSON feed").
    """
    fetched = fetch(url)
    final_url = fetched.final_url or url
    body, content_type = fetched.content, fetched.content_type
    if not fetched.ok or body is None:
        return Discovery(url, final_url, error=fetched.error or "could not be fetched")
    result = _read(body, content_type, final_url)
    if not isinstance(result, str):
        title, kind, entries, keys = result
        given = FoundFeed(url, title, kind, entries, "given", keys=keys)
        return Discovery(url, final_url, feeds=(given,), moved_to=fetched.moved_to)
    rejected: list[tuple[str, str]] = []
    links = find_feed_links(body, final_url) if _looks_like_html(body, content_type) else ()
    found, why = _try(fetch, ((link.url, "declared", link.title) for link in links), False)
    rejected.extend(why)
    if not found:
        guesses = ((path, "common-path", None) for path in candidate_paths(final_url))
        found, why = _try(fetch, guesses, True)
        rejected.extend(why)
    if not found and not links and not _looks_like_html(body, content_type):
        return Discovery(url, final_url, rejected=tuple(rejected), error=result)
    return Discovery(url, final_url, feeds=tuple(found), rejected=tuple(rejected))
