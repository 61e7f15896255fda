"""RSS and Atom through feedparser: every dialect and every ill-formed feed it can read (pure).

The fallback behind `curator.feeds.fast`; `curator.feeds.parse` has already removed entity
declarations and cut the document to its first entries.
"""

from __future__ import annotations

import dataclasses
import html
import io
import re
import warnings
from typing import Any
from urllib.parse import urlsplit

import feedparser
from feedparser.urls import _urljoin

from curator.errors import own_bug
from curator.feeds.common import (
    ENTRY_TAG,
    HTML_NOT_FEED,
    MAX_ENTRIES,
    FeedError,
    FeedItem,
    build_entry,
    feed_base,
    finish_entries,
    guid_is_url,
    item_date,
    link_problem,
    markup_said,
    orig_link,
    plain_text,
    short,
    uncut_name,
)
from curator.feeds.fast import resolved_link
from curator.models import ParsedFeed

#: feedparser's bozo exceptions that say nothing about the document being malformed: a missing or
#: non-XML Content-Type header (servers often send text/html or text/plain for feeds).
_HARMLESS_BOZO = (feedparser.NonXMLContentType,)


def parse_xml_feed(data: bytes, url: str, content_type: str | None, note: str | None) -> ParsedFeed:
    """RSS/Atom bytes through feedparser; FeedError when no feed comes out."""
    headers = {"content-type": content_type or "application/xml"}
    if not url.startswith("file:"):
        # feedparser resolves relative links against this; it mangles file: URIs, so a local
        # feed's links are resolved by safe_link below instead.
        headers["content-location"] = url
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # A BytesIO, never bare bytes: feedparser tries open() on a bytes argument as a path.
            result = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as error:  # feedparser is meant never to raise; a crash is still bad bytes
        if own_bug(error):
            raise
        raise FeedError(f"not a well-formed feed: {short(error)}") from error
    feed = result.get("feed") or {}
    title = plain_text(feed.get("title"))
    entries = result.get("entries") or []
    problem = result.get("bozo_exception") if result.get("bozo") else None
    if isinstance(problem, _HARMLESS_BOZO):
        problem = None
    if not entries and title is None:
        if not result.get("version") and (content_type or "").lower().startswith("text/html"):
            raise FeedError(HTML_NOT_FEED)
        if problem is not None:
            # (its place in words: "<unknown>:2:0:" leaked, walk152 #14)
            raise FeedError(f"not a well-formed feed: {_where(problem)}")
        if not result.get("version"):
            raise FeedError("not a feed: no RSS, Atom or JSON Feed found")
    in_document = len(entries) if len(entries) > MAX_ENTRIES else None
    entries = entries[:MAX_ENTRIES]
    damage = problem and f"{_where(problem)}; {_entries_read(data, len(entries))}"
    warning = "; ".join(x for x in (note, damage) if x) or None
    base = feed_base(url)
    # RSS has one date per item; feedparser files RSS 1.0's dc:date under "updated", but it is
    # when the item was published (feed-rs reads it so too).
    is_rss = str(result.get("version") or "").startswith("rss")
    texts = _ElementTexts(data)
    resolved_against = "" if url.startswith("file:") else url
    items = [_item(e, texts, feed.get("language"), resolved_against) for e in entries]
    built = tuple(build_entry(item, base, is_rss=is_rss) for item in items)
    if problem is not None:
        # In a document that is not well formed, an entry with no link of its own may be the cut
        # off copy of one read whole before: its id is not taken for its address (walk25 #3), so
        # it is skipped (and said) rather than stored as a second article at a made-up address.
        built = tuple(
            entry if _own_link(item) else dataclasses.replace(entry, link=None)
            for item, entry in zip(items, built, strict=True)
        )
    home, finished = finish_entries(
        built,
        link=feed.get("link"),
        base=base,
        atom=str(result.get("version") or "").startswith("atom"),
        people=_names(feed.get("authors"), texts),
        author=feed.get("author"),
        authored=[bool(e.get("authors")) for e in entries],
    )
    return ParsedFeed(
        title=title,
        link=home,
        entries=finished,
        version=result.get("version") or None,
        warning=warning,
        entries_in_document=in_document,
        title_markup=markup_said(feed.get("title")),
    )


def _entries_read(data: bytes, read: int) -> str:
    """Whether a feed that was not well formed lost entries: those read against the entry tags
    the document has (both capped at MAX_ENTRIES, as the entries are)."""
    tags = min(len(ENTRY_TAG.findall(data)), MAX_ENTRIES)
    if _ends_early(data):
        # Cut off: entries after the cut never came, so "all" would be untrue (walk25 #2).
        counted = {1: "1 entry"}.get(read, f"{read} entries")
        return f"the document ends early, so entries after the cut may be missing ({counted} read)"
    if read >= tags:
        return {0: "it has no entries", 1: "its one entry read"}.get(
            read, f"all {read} entries read"
        )
    return f"only {read} of its {tags} entries could be read"


#: The end of a whole RSS, Atom or RDF document: its root element's closing tag.
_ROOT_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>\s*(?:<!--.*?-->\s*)*\Z", re.S)


def _ends_early(data: bytes) -> bool:
    """True when the document stops before its root element is closed: it was cut off."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: the tag is not ASCII bytes
        return False
    return _ROOT_END.search(data[-4096:]) is None


def _own_link(item: FeedItem) -> bool:
    """Whether the item gave a link element (or a proxy's original address), not only an id
    that feedparser took for its link."""
    return (
        bool(item.alternates) or bool(item.origlink) or bool(item.link and item.link != item.guid)
    )


def _where(problem: object) -> str:
    """feedparser's complaint with its place in words: "<unknown>:54:10: undefined entity" ->
    "line 54, column 10: undefined entity"."""
    return _PLACE.sub(r"line \1, column \2: ", short(problem))


_PLACE = re.compile(r"^<unknown>:(\d+):(\d+):\s*")


def _names(people: object, texts: _ElementTexts) -> tuple[object, ...]:
    """The names of feedparser's people; one that feedparser cut from an e-mail address is given
    back with the address, as the feed wrote it (`uncut_name`)."""
    if not isinstance(people, list | tuple):
        return ()
    return tuple(
        uncut_name(p.get("name"), p.get("email"), texts.written)
        for p in people
        if hasattr(p, "get")
    )


class _ElementTexts:
    """The feed's element texts (plain or CDATA), as bytes: read once, at the first guid that
    needs them (a feed of 1,000 guids was searched 8 times for each, 0.9 s)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._texts: frozenset[bytes] | None = None
        self._decoded: str | None = None
        self._permalinks: frozenset[bytes] | None = None
        self._written_links: dict[str, str] | None = None

    def written(self, text: str) -> bool:
        """Whether `text` is in the feed as written (entities aside), in an element or not."""
        if self._decoded is None:
            self._decoded = self._data.decode("utf-8", "replace")
        return text in self._decoded

    def permalink(self, guid: str) -> bool:
        """Whether `guid` is written as a URL in a `<guid>` whose isPermaLink is not "false"
        (feedparser keeps no word of it once the item has a link too)."""
        if self._permalinks is None:
            self._permalinks = frozenset(
                text.strip()
                for attrs, text in _GUID.findall(self._data)
                if not _NOT_PERMALINK.search(attrs)
            )
        return any(
            guid_is_url(t) and t.encode() in self._permalinks
            for t in (guid, guid.replace("&", "&amp;"))
        )

    def written_link(self, link: object, base: str) -> str | None:
        """The link element's text or href as the feed wrote it, of a `link` feedparser resolved
        against `base` (the feed's address): of a link `link_problem` refuses, or holding a
        backslash, which feedparser resolves unlike a browser; None for any other."""
        if not isinstance(link, str) or not base:
            return None
        if self._written_links is None:
            found: dict[str, str] = {}
            for text, double, single in _LINK_WRITTEN.findall(self._data):
                raw = html.unescape((text or double or single).decode("utf-8", "replace")).strip()
                if raw and ("\\" in raw or link_problem(raw)):
                    key = resolved_link(base, raw) if text else _urljoin(base, raw)
                    found.setdefault(key, raw)
            self._written_links = found
        return self._written_links.get(link)

    def __contains__(self, text: object) -> bool:
        if self._texts is None:
            self._texts = frozenset(_TEXT.findall(self._data)) | frozenset(
                _CDATA.findall(self._data)
            )
        return text in self._texts


_TEXT = re.compile(rb">([^<>]+)<")
#: A link element's text, or its href (in double or single quotes).
_LINK_WRITTEN = re.compile(
    rb"<(?:atom:)?link\b[^>]*?(?:>([^<]*)</(?:atom:)?link\s*>|\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'))",
    re.I,
)
_GUID = re.compile(rb"<guid\b([^>]*)>([^<>]+)</guid\s*>", re.I)
_NOT_PERMALINK = re.compile(rb"\bisPermaLink\s*=\s*[\"']?false", re.I)
_CDATA = re.compile(rb"<!\[CDATA\[(.*?)\]\]>", re.S)


def _written_as_url(guid: object, texts: _ElementTexts) -> bool:
    """Whether a guid feedparser resolved against the feed's URL was written as a URL (see
    `guid_is_url`): its absolute form, or its path, is an element's whole text in the feed."""
    if not isinstance(guid, str):
        return False
    parts = urlsplit(guid)
    path = guid[len(f"{parts.scheme}://{parts.netloc}") :] if parts.netloc else ""
    for text in (guid, path):
        if guid_is_url(text):
            for written in (text, text.replace("&", "&amp;")):
                if written.encode() in texts:
                    return True
    return False


def _item(
    entry: dict[str, Any], texts: _ElementTexts, language: object = None, base: str = ""
) -> FeedItem:
    """One feedparser entry's fields, for `build_entry`. feedparser files a permalink guid as
    the link too; such a guid counts only when the feed wrote a URL (`guid_is_url`). Its language
    is its title's or summary's `xml:lang` (feedparser's, inherited from the feed's), else the
    feed's `language` (RSS's <language>, dc:language)."""
    links = entry.get("links") or ()
    link, guid = entry.get("link"), entry.get("id")
    guidislink = bool(entry.get("guidislink"))
    if guidislink and not _written_as_url(guid, texts):
        guidislink = False
        link = None if link == guid else link
    return FeedItem(
        link=link,
        written_link=texts.written_link(link, base),
        alternates=tuple(
            lk.get("href") for lk in links if lk.get("rel", "alternate") == "alternate"
        ),
        guid=guid,
        guidislink=guidislink,
        title=entry.get("title"),
        # Names from feedparser's authors list (author, dc:creator, atom:author), then `author`.
        authors=_names(entry.get("authors"), texts),
        author=entry.get("author"),
        summary=entry.get("summary"),
        contents=tuple((b.get("value"), b.get("type") or "") for b in entry.get("content") or ()),
        published=item_date(entry.get("published_parsed"), entry.get("published")),
        # dict.get, not entry.get: FeedParserDict answers a missing "updated" with "published"
        # (and a DeprecationWarning), which would invent an update time the feed never gave.
        updated=item_date(dict.get(entry, "updated_parsed"), dict.get(entry, "updated")),
        tags=tuple(tag.get("term") or tag.get("label") for tag in entry.get("tags") or ()),
        origlink=orig_link(entry),
        permalink=guid if isinstance(guid, str) and texts.permalink(guid) else None,
        related=tuple(
            lk.get("href") for lk in links if str(lk.get("rel") or "").lower() == "related"
        ),
        subtitle=entry.get("subtitle"),
        language=next(
            (
                detail.get("language")
                for detail in (entry.get("title_detail"), entry.get("summary_detail"))
                if isinstance(detail, dict) and detail.get("language")
            ),
            language,
        ),
    )
