"""The lxml fast path gives the same entries as feedparser, on every corpus feed it accepts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from curator.blurb import html_to_text
from curator.feeds import parse as feeds
from curator.feeds.fast import parse_fast
from curator.feeds.xmlfeed import parse_xml_feed
from curator.models import Entry, ParsedFeed

URL = "https://news.example.com/feeds/main.xml"


def prepared(content: bytes) -> tuple[bytes, str | None]:
    """The bytes parse_feed hands to a parser, and its note (what feeds.parse_feed does first)."""
    content = feeds._utf8_from_wide(content)
    return feeds._defuse_entities(feeds._trim_before_declaration(content))


def through_feedparser(content: bytes, content_type: str | None = None) -> ParsedFeed:
    data, note = prepared(content)
    return parse_xml_feed(data, URL, content_type, note)


def comparable(entry: Entry) -> tuple[object, ...]:
    """An entry as curator uses it: summary and content as text (feedparser sanitises the HTML;
    the fast path keeps it as sent, and curator only reads it through html_to_text)."""
    return (
        entry.link,
        entry.guid,
        entry.title,
        entry.authors,
        entry.published,
        entry.updated,
        entry.categories,
        html_to_text(entry.summary),
        html_to_text(entry.content),
        entry.subtitle,
    )


def differences(fast: ParsedFeed, slow: ParsedFeed) -> list[str]:
    found = [
        f"{key}: {getattr(fast, key)!r} != {getattr(slow, key)!r}"
        for key in ("title", "link", "version", "warning")
        if getattr(fast, key) != getattr(slow, key)
    ]
    if len(fast.entries) != len(slow.entries):
        return [*found, f"{len(fast.entries)} entries != {len(slow.entries)}"]
    for index, (a, b) in enumerate(zip(fast.entries, slow.entries, strict=True)):
        if comparable(a) != comparable(b):
            found.append(f"entry {index}: {comparable(a)!r}\n  != {comparable(b)!r}")
    return found


def feed_files(corpus: Path) -> list[Path]:
    root = corpus / "feeds"
    return [
        p
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and not p.name.startswith("LICENSE")
        and not p.name.endswith((".serde.json", ".gz", ".json"))
        and "output" not in p.relative_to(root).parts
    ]


def test_same_entries_as_feedparser_on_every_corpus_feed_it_reads(corpus: Path) -> None:
    mismatched: list[str] = []
    read_fast = read_bytes = real_bytes = 0
    for path in feed_files(corpus):
        raw = path.read_bytes()
        is_real = "real" in path.relative_to(corpus / "feeds").parts[:1]
        real_bytes += len(raw) if is_real else 0
        try:
            data, note = prepared(raw)
        except feeds.FeedError:
            continue
        if note is not None or feeds._sniff(data, "application/xml") != "xml":
            continue
        fast = parse_fast(data, URL, "application/xml")
        if fast is None:
            continue
        read_fast += 1
        read_bytes += len(raw) if is_real else 0
        slow = parse_xml_feed(data, URL, "application/xml", None)
        problems = differences(fast, slow)
        if problems:
            mismatched.append(f"{path.relative_to(corpus)}:\n  " + "\n  ".join(problems[:3]))
    assert not mismatched, "\n".join(mismatched)
    # The fast path must carry most of the work, or it is not worth having: it reads about two
    # thirds of the real feeds' bytes today (the rest use xml:base, RDF, other encodings...).
    assert read_fast >= 150
    assert read_bytes / real_bytes > 0.6


def both(
    xml: str, content_type: str | None = "application/rss+xml"
) -> tuple[ParsedFeed, ParsedFeed]:
    data = xml.encode("utf-8")
    fast = parse_fast(data, URL, content_type)
    assert fast is not None, "the fast path should read this feed"
    return fast, through_feedparser(data, content_type)


RSS = (
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">'
    "<channel><title>Northwind</title><link>https://news.example.com/</link>{channel}"
    "<item>{item}</item><item><title>Second</title><link>/b</link></item></channel></rss>"
)


@pytest.mark.parametrize(
    "item",
    [
        # Summary and content, in each order; a second summary becomes content.
        "<title>A</title><description>One</description><itunes:summary>Two</itunes:summary>",
        "<title>A</title><itunes:summary>One</itunes:summary><description>Two</description>",
        "<title>A</title><content:encoded>&lt;p>Full&lt;/p></content:encoded><description>S</description>",
        "<title>A</title><description>S</description><content:encoded>Full</content:encoded>",
        # A permalink guid stands in for the link; a non-permalink one does not.
        "<title>A</title><guid>/posts/1</guid>",
        '<title>A</title><guid isPermaLink="false">abc-1</guid>',
        '<title>A</title><guid isPermaLink="false">abc-1</guid><link>/posts/2</link>',
        # Authors: dc:creator, itunes:author, an e-mail address with a name.
        "<title>A</title><dc:creator>Jane Roe</dc:creator><itunes:author>J. R.</itunes:author>",
        "<title>A</title><author>jane@example.com (Jane Roe)</author>",
        # The item's own title wins over a media:title inside media:content, before or after it.
        '<media:content url="https://x.example/v.mp4"><media:title>Video</media:title>'
        "</media:content><title>Own title</title>",
        # Categories from several elements, deduplicated in order.
        "<title>A</title><category>CX</category><dc:subject>Support</dc:subject>"
        "<itunes:keywords>cx, nps</itunes:keywords><category>CX</category>",
        # Dates: RFC 822, an obsolete zone, and dc:date (an RSS item's only date is published).
        "<title>A</title><pubDate>Tue, 10 Jun 2025 04:00:00 EST</pubDate>",
        "<title>A</title><dc:date>2025-06-10T04:00:00+02:00</dc:date>",
        # A link with an escaped query string.
        "<title>A</title><link>https://x.example/?a=1&amp;amp;b=2</link>",
    ],
)
def test_rss_items_read_as_feedparser_reads_them(item: str) -> None:
    fast, slow = both(RSS.format(channel="", item=item))
    assert differences(fast, slow) == []


def test_content_in_the_channel_counts_for_the_first_item() -> None:
    # feedparser clears its "has content" flag only at the end of an item, so a channel-level
    # summary before the first item changes how that item's second summary is filed.
    channel = "<itunes:summary>About us</itunes:summary><description>Show notes</description>"
    item = "<title>A</title><itunes:summary>One</itunes:summary><description>Two</description>"
    fast, slow = both(RSS.format(channel=channel, item=item))
    assert differences(fast, slow) == []
    assert html_to_text(fast.entries[0].summary) == "Two"


def test_xml_base_resolves_links() -> None:
    xml = (
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/">'
        "<title>Blog</title><entry xml:base="
        '"posts/"><title>A</title><id>tag:blog,2025:1</id><link href="one.html"/></entry></feed>'
    )
    fast, slow = both(xml, "application/atom+xml")
    assert differences(fast, slow) == []
    assert fast.entries[0].link == "https://blog.example.org/posts/one.html"


def test_rss_1_0_items_beside_the_channel() -> None:
    xml = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://w.example/"><title>Wire</title><link>https://w.example/</link>'
        "<description>News</description></channel>"
        '<item rdf:about="https://w.example/1"><title>One</title><link>https://w.example/1</link>'
        "<dc:date>2025-03-04T05:06:07Z</dc:date><dc:creator>Kim Doe</dc:creator></item>"
        "</rdf:RDF>"
    )
    fast, slow = both(xml, "application/rdf+xml")
    assert differences(fast, slow) == []
    entry = fast.entries[0]
    assert (fast.version, entry.guid, entry.authors) == (
        "rss10",
        "https://w.example/1",
        ("Kim Doe",),
    )
    assert entry.published == datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)  # RSS: its only date


def test_atom_entry_fields() -> None:
    xml = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Ops &amp;lt;Weekly&amp;gt;'
        '</title><link href="https://ops.example/"/><entry><title>Queues</title>'
        '<link rel="self" href="https://ops.example/self"/><link href="/q"/>'
        "<id>urn:uuid:1</id><updated>2025-01-02T03:04:05Z</updated>"
        "<published>2025-01-01T00:00:00-05:00</published><author><name>Ann Lee</name>"
        "<email>ann@ops.example</email></author><category term='queues' label='Queues'/>"
        '<summary>Short</summary><content type="html">&lt;p&gt;Long&lt;/p&gt;</content>'
        "</entry></feed>"
    )
    fast, slow = both(xml, "application/atom+xml")
    assert differences(fast, slow) == []
    entry = fast.entries[0]
    assert (entry.link, entry.authors, entry.title) == (
        "https://news.example.com/q",  # relative to the feed's URL
        ("Ann Lee",),
        "Queues",
    )


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        # Not UTF-8 (feedparser decodes it by its own rules); text/xml without a charset (US-ASCII
        # to feedparser); RSS 0.92; a link nested in an unknown element (feedparser files it).
        (
            b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
            b"<title>Caf\xe9</title></channel></rss>",
            None,
        ),
        (
            "<rss version='2.0'><channel><title>Café</title><item><title>é</title></item>"
            "</channel></rss>".encode(),
            "text/xml",
        ),
        (b"<rss version='0.92'><channel><title>Old</title></channel></rss>", None),
        (
            b"<rss version='2.0'><channel><title>T</title><item><title>A</title>"
            b"<og><link>https://x.example/inner</link></og></item>"
            b"</channel></rss>",
            None,
        ),
    ],
)
def test_what_it_cannot_read_exactly_is_left_to_feedparser(
    data: bytes, content_type: str | None
) -> None:
    assert parse_fast(data, URL, content_type) is None
    parsed = feeds.parse_feed(data, URL, content_type)  # and parse_feed still reads it
    assert parsed.title is not None


def test_xml_that_is_not_well_formed_is_left_to_feedparser() -> None:
    data = b"<rss version='2.0'><channel><title>Broken</channel></rss>"
    assert parse_fast(data, URL, None) is None
    with pytest.raises(feeds.FeedError, match="not a well-formed feed"):
        feeds.parse_feed(data, URL, None)
