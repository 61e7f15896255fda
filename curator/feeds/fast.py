"""A fast path for well-formed RSS 2.0 and Atom 1.0 feeds: lxml in front of feedparser (pure).

Why: feedparser reads a feed through a SAX parser and Python callbacks per element, then sanitises
every HTML field with its own SGML parser; that is about 15 ms of CPU per real feed here, 5 s of
one core for 300 feeds (benchmarks/fetch.py). lxml builds the tree in C; walking it for the few
fields curator keeps costs a fraction of that.

The contract is feedparser's: for every feed it accepts, `parse_fast` gives the same `ParsedFeed`
as `curator.feeds.xmlfeed` gives through feedparser (tests/test_feedfast.py checks it on every feed
of the corpus), except that `summary` and `content` are the feed's HTML as sent, not feedparser's
sanitised copy (the `Entry` model promises nothing cleaned; curator only ever reads them as text,
through `blurb.html_to_text`, and the test compares that text). Dates, relative links and guid
handling use feedparser's own functions, so they agree by construction.

It accepts only what it can read exactly as feedparser would, and returns None for everything else
(the caller then uses feedparser): XML that is not well formed, a DOCTYPE, xml:base, an encoding
other than UTF-8 (or a charset that disagrees), RSS other than version 2.0, Atom's xhtml text
constructs, and any element feedparser gives a meaning this module does not reproduce (for
instance two titles in one item, whose order decides which one feedparser keeps).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from feedparser.datetimes import _parse_date
from feedparser.mixin import _FeedParserMixin
from feedparser.urls import _urljoin
from feedparser.util import FeedParserDict
from lxml import etree

from curator.feeds.common import (
    ORIGLINK_SUFFIX,
    FeedItem,
    build_entry,
    feed_base,
    finish_entries,
    guid_is_url,
    item_date,
    markup_said,
    orig_link,
    plain_text,
    uncut_name,
)
from curator.models import Entry, ParsedFeed

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"
RSS10 = "http://purl.org/rss/1.0/"
RDF_ROOT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
#: Namespaces that also decide feedparser's version when declared (its track_namespace): an
#: RSS 1.0 document declaring one of them too is left to feedparser.
_VERSION_NAMESPACES = (b"http://my.netscape.com/rdf/simple/0.9/", ATOM.lower().encode())

#: Namespace URI (lower case, as feedparser compares them) -> the prefix feedparser files it under.
_PREFIXES: dict[str, str] = {
    uri.lower(): prefix for uri, prefix in _FeedParserMixin.namespaces.items()
}

#: Element names (feedparser's `prefix_localname`, lower case) this module reads inside an item or
#: entry. The value says which field the element feeds.
ITEM_FIELDS: dict[str, str] = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "id": "guid",
    "author": "author",
    "dc_creator": "author",
    "dc_author": "author",
    "itunes_author": "author",
    "description": "description",
    "dc_description": "description",
    "summary": "summary",
    "itunes_summary": "summary",
    "itunes_subtitle": "subtitle",
    "content_encoded": "encoded",
    "content": "content",
    "pubdate": "published",
    "published": "published",
    "issued": "published",
    "dcterms_issued": "published",
    "updated": "updated",
    "modified": "updated",
    "dc_date": "updated",
    "dcterms_modified": "updated",
    "category": "category",
    "dc_subject": "category",
    "itunes_keywords": "keywords",
    "itunes_category": "itunes_category",
}
#: Elements feedparser has handlers for that touch none of the fields curator keeps (enclosures,
#: media objects, comments, podcast flags...): read past, with whatever they contain.
IGNORED: frozenset[str] = frozenset(
    [
        "enclosure",
        "comments",
        "itunes_image",
        "itunes_link",
        "itunes_explicit",
        "itunes_block",
        "itunes_duration",
        "media_content",
        "media_thumbnail",
        "media_player",
        "media_rating",
        "media_restriction",
        "media_license",
        "media_credit",
        "media_group",
        "contributor",
        "georss_point",
        "georss_line",
        "georss_polygon",
        "georss_box",
        "georss_where",
        "georss_featurename",
        "psc_chapters",
        "psc_chapter",
        "cc_license",
        "creativecommons_license",
        "rights",
        "copyright",
        "dc_rights",
        "dc_publisher",
        "dc_language",
        "language",
        "dc_identifier",
        "dc_source",
        "dc_format",
        "dc_type",
        "expirationdate",
        "created",
        "dcterms_created",
        "dcterms_valid",
        "image",
        "textinput",
        "source",
    ]
)
#: Elements whose children feedparser reads as parts of them (a person's name, e-mail, URL).
PERSON_PARTS = frozenset({"name", "email", "uri", "url", "homepage"})
#: Elements read inside a `contributor` or a media group; harmless there.
_NESTED_OK = PERSON_PARTS | {"media_content", "media_thumbnail"}
_NESTED_TITLES = frozenset({"title", "media_title", "dc_title"})
#: Elements that start a summary or content in feedparser, at any level (`_start_description`,
#: `_start_summary`, `_start_content`...): they set its document-wide "has content" flag.
_SUMMARY_LIKE = frozenset({"description", "dc_description", "media_description", "summary"})
_SUMMARY_LIKE |= {"itunes_summary", "abstract"}
_CONTENT_LIKE = frozenset({"content_encoded", "content", "fullitem", "body", "xhtml_body"})
#: Markup whose text feedparser's sanitiser keeps but `blurb.html_to_text` drops (or the other
#: way round); a field with one of these is left to feedparser so both give the same text.
_SANITISER_DISAGREES = re.compile(
    r"<\s*/?\s*(?:noscript|template|object|applet|svg|math)\b", re.IGNORECASE
)
#: Content types of a text construct this module reads (others are base64 or XML in feedparser).
_TEXT_KINDS = frozenset({"text/plain", "text/html"})

#: Content types feedparser treats as HTML (`_FeedParserMixin.html_types`).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Media types of an XML body whose charset defaults to the document's own (RFC 7303 section 3);
#: a text/* type without a charset makes feedparser assume US-ASCII instead.
_XML_TYPES = ("application/",)
_CHARSET = re.compile(r";\s*charset\s*=\s*[\"']?([^;\"'\s]+)", re.IGNORECASE)
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)", re.IGNORECASE)
_UTF8_NAMES = frozenset({"utf-8", "utf8"})

_C1_CONTROLS = re.compile("[\x80-\x9f]")
#: What feedparser does to an RSS <link>'s text: "&amp;" and "&name;" left by double escaping are
#: taken as a query string's "&" (its mixin.pop, "improperly converted" query variables).
_LINK_ENTITY = re.compile(r"&([A-Za-z0-9_]+);")


def resolved_link(base: str, text: str) -> str:
    """An RSS <link>'s text as feedparser gives it: resolved against `base`, its "&name;"s
    taken for a query's "&" (`_LINK_ENTITY`)."""
    return _LINK_ENTITY.sub(r"&\1", _urljoin(base, text).replace("&amp;", "&"))


_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


class _Unsupported(Exception):
    """Something feedparser reads in a way this module does not reproduce: use feedparser."""


def parse_fast(data: bytes, url: str, content_type: str | None) -> ParsedFeed | None:
    """The feed, read with lxml, or None when feedparser must read it (see the module's notes)."""
    if not _encoding_is_plain(data, content_type):
        return None
    if b"<!DOCTYPE" in data[:4096]:
        return None
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    # feedparser resolves relative links against the Content-Location curator gives it (none for
    # a local file), then against each xml:base on the way down.
    base = _rebase(root, "" if url.startswith("file:") else url)
    try:
        if root.tag == "rss" and root.get("version") == "2.0":
            channel = root.find("channel")
            if channel is None:
                return None
            return _feed(channel, "item", _rebase(channel, base), url, "rss20")
        if root.tag == f"{{{ATOM}}}feed":
            return _feed(root, f"{{{ATOM}}}entry", base, url, "atom10")
        if root.tag == RDF_ROOT and _is_rss10(data):
            # RSS 1.0: the channel's fields in <channel>, the items beside it.
            return _feed(root, f"{{{RSS10}}}item", base, url, "rss10", f"{{{RSS10}}}channel")
    except _Unsupported:
        return None
    return None


def _is_rss10(data: bytes) -> bool:
    """An RSS 1.0 document feedparser will call "rss10" whatever order its namespaces come in."""
    lowered = data.lower()
    return RSS10.encode() in lowered and not any(ns in lowered for ns in _VERSION_NAMESPACES)


def _encoding_is_plain(data: bytes, content_type: str | None) -> bool:
    """True when feedparser would decode the bytes as UTF-8 without a complaint."""
    charset = None
    if content_type:
        match = _CHARSET.search(content_type)
        charset = match.group(1).lower() if match else None
        media = content_type.split(";", 1)[0].strip().lower()
        if charset is None and not media.startswith(_XML_TYPES) and not data.isascii():
            return False
    if charset is not None and charset not in _UTF8_NAMES:
        return False
    declared = _DECLARED.match(data[:200])
    if declared and declared.group(1).decode("ascii", "replace").lower() not in _UTF8_NAMES:
        return False
    if data.startswith(b"\xef\xbb\xbf"):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# -- names and text ----------------------------------------------------------------------------------


def _name(element: Any) -> str | None:
    """feedparser's name for an element (`dc_creator`, `pubdate`); None for comments and PIs."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    if tag[0] == "{":
        uri, local = tag[1:].split("}", 1)
        prefix = _PREFIXES.get(uri.lower())
        if prefix is None:
            prefix = element.prefix or ""
    else:
        prefix, local = "", tag
    local = local.lower()
    return f"{prefix}_{local}" if prefix else local


XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _rebase(element: Any, base: str) -> str:
    """The base URI inside `element`: its xml:base resolved against the one outside it."""
    value = element.get(XML_BASE)
    return _urljoin(base, value) if value is not None else base


def _has_handler(name: str) -> bool:
    return hasattr(_FeedParserMixin, "_start_" + name) or hasattr(_FeedParserMixin, "_end_" + name)


def _fix_text(text: str) -> str:
    """Text as feedparser returns it from a UTF-8 document: stripped, and UTF-8 that was read as
    Latin-1 by the publisher's software repaired (feedparser does this to every field)."""
    text = text.strip()
    if not text.isascii():
        if _C1_CONTROLS.search(text):  # feedparser maps these to Windows-1252 characters
            raise _Unsupported("C1 control characters")
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = text.encode("iso-8859-1").decode("utf-8")
    return text


def _text(element: Any) -> str:
    """An element's text content; child elements make it unsupported (markup in a text field is
    something feedparser serialises its own way)."""
    if len(element):
        raise _Unsupported(f"markup inside {element.tag}")
    return _fix_text(element.text or "")


def _typed_text(element: Any, default: str) -> tuple[str, str]:
    """(text, content type) of an Atom text construct or an RSS field.

    Elements inside it (Atom's type="xhtml", or markup a publisher did not escape) are inline
    XHTML to feedparser, which serialises them; so does this, for curator reads them as text.
    """
    kind = _FeedParserMixin.map_content_type(element.get("type") or default)
    if element.get("src") is not None or element.get("mode") is not None:
        raise _Unsupported("out-of-line content, or Atom 0.3's escaped/base64 modes")
    if kind == "application/xhtml+xml" or len(element):
        text, kind = _xhtml(element), "application/xhtml+xml"
    elif kind in _TEXT_KINDS:
        text = _text(element)
    else:
        raise _Unsupported("binary or XML content")
    if "<" in text and _SANITISER_DISAGREES.search(text):
        raise _Unsupported("markup the sanitiser and html_to_text read differently")
    return text, kind


def _xhtml(element: Any) -> str:
    """Inline XHTML as markup: the element's own text, then each child serialised."""
    for inner in element.iterdescendants():
        if not isinstance(inner.tag, str) or not inner.tag.startswith(f"{{{XHTML}}}"):
            if inner.tag is etree.Comment or inner.tag is etree.PI:
                continue
            raise _Unsupported("elements other than XHTML inside a text construct")
    parts = [element.text or ""]
    parts += [etree.tostring(child, encoding="unicode", with_tail=True) for child in element]
    return _fix_text("".join(parts))


# -- one item or entry -----------------------------------------------------------------------------------


@dataclass
class _Item:
    """What feedparser's callbacks would have filed for one item, built in document order."""

    title: str | None = None
    titles: int = 0
    link: str | None = None
    #: `link` as the feed wrote it, before it was resolved (`FeedItem.written_link`).
    written_link: str | None = None
    links: list[tuple[str, str]] = field(default_factory=list)  # (rel, href)
    guid: str | None = None
    guidislink: bool = False
    permalink: str | None = None
    authors: list[str | None] = field(default_factory=list)
    author: str | None = None
    summary: str | None = None
    subtitle: str | None = None
    content: list[tuple[str, str]] = field(default_factory=list)  # (value, type)
    published: str | None = None
    published_parsed: Any = None
    updated: str | None = None
    updated_parsed: Any = None
    tags: list[str] = field(default_factory=list)
    #: Each `*:origLink` element's text by feedparser's name for it, in the order first seen.
    origlinks: dict[str, str] = field(default_factory=dict)
    #: feedparser's `hasContent`: set by a content element, cleared only at the end of an item, so
    #: a content element in the channel before the first item counts for that item too.
    has_content: bool = False
    #: Titles below the item's own level (media:title in media:content, a title in an unknown
    #: element) and media:title beside it: never chosen over the item's own title.
    deep_titles: int = 0


def _check_nested(element: Any, item: _Item) -> None:
    """Elements inside an ignored one must not be ones feedparser would file in the item.

    A title deeper down (media:title in media:content) is counted: feedparser keeps the item's own
    title over a deeper one, whichever comes first, so it only matters when there is no other.
    """
    for child in element.iterdescendants():
        name = _name(child)
        if name in _NESTED_TITLES:
            item.deep_titles += 1
        elif name and name not in _NESTED_OK and name not in IGNORED and _has_handler(name):
            raise _Unsupported(f"{name} inside {element.tag}")


def _person(element: Any, item: _Item) -> None:
    """An author element: feedparser appends a person and takes the name from `name` or the text."""
    if len(element):
        names = [c for c in element if _name(c) == "name"]
        for part in element:
            part_name = _name(part)
            if part_name and part_name not in PERSON_PARTS and _has_handler(part_name):
                raise _Unsupported(f"{part_name} in an author")
        name = _text(names[-1]) if names else ""
        item.authors.append(name or None)
        item.author = name or item.author
        return
    text = _text(element)
    item.authors.append(_name_from_author(text) if "@" in text else (text or None))
    if text:
        item.author = text


class _AuthorContext:
    """Just enough of feedparser's parser for its `_sync_author_detail` to run on one author."""

    def __init__(self, text: str) -> None:
        self.context: dict[str, Any] = {"author": text, "authors": [FeedParserDict()]}

    def _get_context(self) -> dict[str, Any]:
        return self.context


def _name_from_author(text: str) -> str | None:
    """The name feedparser keeps from "jane@example.com (Jane Doe)": its own rule, called as is,
    but for an address it cut short (`uncut_name`)."""
    probe = _AuthorContext(text)
    _FeedParserMixin._sync_author_detail(probe)
    person = probe.context["authors"][-1]
    name = uncut_name(person.get("name"), person.get("email"), text.__contains__)
    return name if isinstance(name, str) and name else None


def _add_summary(item: _Item, value: str, kind: str) -> None:
    """feedparser's rule: a second summary-like element, while nothing has set its "has content"
    flag, becomes content (and sets the flag); otherwise it replaces the summary."""
    if item.summary is not None and not item.has_content:
        item.content.append((value, kind))
        item.has_content = True
    else:
        item.summary = value


def _read_item(element: Any, base: str, is_atom: bool, has_content: bool) -> _Item:
    """One item's fields, child by child in document order, by feedparser's rules."""
    item = _Item(has_content=has_content)
    base = _rebase(element, base)
    for child in element:
        name = _name(child)
        if name is None:
            continue
        role = ITEM_FIELDS.get(name)
        if role is None and name.endswith(ORIGLINK_SUFFIX):
            role = "origlink"  # any proxy's origLink (pheedo:origLink), as `orig_link` reads them
        if role is None:
            if name in IGNORED:
                if len(child):
                    _check_nested(child, item)
                continue
            if name == "media_title":
                item.deep_titles += 1
                continue
            if _has_handler(name):
                raise _Unsupported(f"element {name}")
            if len(child):
                _check_nested(child, item)
            continue
        if role == "title":
            item.titles += 1  # the first one stays (feedparser's title_depth)
            if item.titles == 1:
                item.title, _ = _typed_text(child, "text" if is_atom else "text/plain")
        elif role == "link":
            _link(child, item, _rebase(child, base))
        elif role == "guid":
            # feedparser lower-cases attribute names, then compares the value case-sensitively.
            flags = [v for k, v in child.items() if k.lower() == "ispermalink"]
            permalink = (flags[-1] if flags else "true") == "true"
            value = _text(child)
            if permalink and value:
                value = _urljoin(_rebase(child, base), value)
            item.guid = value
            # As curator.feeds reads feedparser's result: a permalink guid is a link only when
            # the feed wrote a URL ("aae20190606" is an id).
            item.guidislink = permalink and item.link is None and guid_is_url(_text(child))
            item.permalink = value if permalink and guid_is_url(_text(child)) else None
            if item.guidislink and item.link is None:
                item.link = value
        elif role == "author":
            _person(child, item)
        elif role in ("description", "summary"):
            default = "text/html" if role == "description" else "text/plain"
            if is_atom and role == "summary":
                default = "text"
            value, kind = _typed_text(child, default)
            _add_summary(item, value, kind)
        elif role == "subtitle":
            item.subtitle, _ = _typed_text(child, "text/plain")  # feedparser keeps the last one
        elif role in ("encoded", "content"):
            default = "text/html" if role == "encoded" else "text"
            value, kind = _typed_text(child, default)
            item.content.append((value, kind))
            item.has_content = True
            if item.summary is None:  # feedparser copies text and HTML content to the summary
                item.summary = value
        elif role == "published":
            item.published = _text(child)
            item.published_parsed = _parse_date(item.published)
        elif role == "updated":
            item.updated = _text(child)
            item.updated_parsed = _parse_date(item.updated)
        elif role == "category":
            _category(child, item)
        elif role == "origlink":
            item.origlinks[name] = _text(child)  # feedparser keeps the last one, as text
        elif role == "keywords":
            item.tags += [t.strip() for t in _text(child).split(",") if t.strip()]
        elif role == "itunes_category":
            if len(child):
                raise _Unsupported("nested itunes:category")
            if child.get("text"):
                item.tags.append(child.get("text"))
    if item.title is None and item.deep_titles:
        raise _Unsupported("only a media:title or a nested title")
    return item


def _link(element: Any, item: _Item, base: str) -> None:
    href = element.get("href")
    if href is None:
        if len(element.attrib):
            raise _Unsupported("link with attributes but no href")
        text = _text(element)
        item.written_link = text
        item.link = resolved_link(base, text) if text else text
        return
    rel = (element.get("rel") or "alternate").lower()
    kind = (
        element.get("type") or ("application/atom+xml" if rel == "self" else "text/html")
    ).lower()
    href = _urljoin(base, href.strip())
    item.links.append((rel, href))
    if rel == "alternate" and _FeedParserMixin.map_content_type(kind) in HTML_TYPES:
        item.link = href
        item.written_link = element.get("href").strip()


def _category(element: Any, item: _Item) -> None:
    term = element.get("term")
    label = element.get("label")
    text = _text(element)
    if term or label:
        item.tags.append(term or label)
    if text:
        item.tags.append(text)


# -- the feed -----------------------------------------------------------------------------------------


def _in_order(container: Any, base: str, channel_tag: str | None) -> Iterator[tuple[Any, str]]:
    """The container's children with their base URI; an RSS 1.0 channel's children in its place."""
    for child in container:
        if channel_tag is not None and child.tag == channel_tag:
            _refuse_cdf(child)
            inner = _rebase(child, base)
            yield from ((grandchild, inner) for grandchild in child)
        else:
            yield child, base


def _refuse_cdf(element: Any) -> None:
    """feedparser reads CDF's href/lastmod attributes on a channel or item as its link or date."""
    if element.get("href") is not None or element.get("lastmod") is not None:
        raise _Unsupported("CDF attributes")


def _feed(
    container: Any,
    entry_tag: str,
    base: str,
    url: str,
    version: str,
    channel_tag: str | None = None,
) -> ParsedFeed | None:
    """The feed's title and link, and its entries, read in document order as feedparser does."""
    is_atom = version.startswith("atom")
    title: str | None = None
    head = _Item()  # the feed's own fields, filed by the same rules as an item's
    has_content = False
    entries = []
    authored = []  # whether each entry has an author element of its own, named or not
    for child, here in _in_order(container, base, channel_tag):
        if child.tag == entry_tag:
            _refuse_cdf(child)
            item = _read_item(child, here, is_atom, has_content)
            if version == "rss10" and child.get(RDF_ABOUT):
                # feedparser's _start_item files rdf:about as the id, as it is.
                item.guid = item.guid or child.get(RDF_ABOUT)
            entries.append(_entry(item, url, version, _language(child, container)))
            authored.append(bool(item.authors))
            has_content = False  # feedparser's _end_item
            continue
        name = _name(child)
        if name is None:
            continue
        if name in ("title", "dc_title"):
            head.titles += 1
            if head.titles > 1:
                raise _Unsupported("two feed titles")
            title, _ = _typed_text(child, "text" if is_atom else "text/plain")
        elif name == "link":
            _link(child, head, _rebase(child, here))
        elif name in ("id", "guid"):
            value = _text(child)
            if head.link is None:  # feedparser's _end_guid: the id stands in for a missing link
                head.link = _urljoin(_rebase(child, here), value) if value else value
        elif name in _SUMMARY_LIKE:
            # In the feed, a description is the subtitle, not a summary; a summary is filed as one.
            if head.summary is not None and not has_content:
                has_content = True
            elif name in ("summary", "itunes_summary"):
                head.summary = ""
        elif name in _CONTENT_LIKE:
            has_content = True
            head.summary = ""
        elif name == "author" and is_atom:
            _person(child, head)  # the feed's authors, every author-less entry's (RFC 4287)
        elif name in ("item", "entry"):
            raise _Unsupported("an entry outside its place")
        if len(child) and name not in ("title", "link"):
            inner_names = [_name(inner) for inner in child.iterdescendants()]
            if "item" in inner_names or "entry" in inner_names:
                raise _Unsupported("an entry inside another element")
            # One description in an <image> or <textInput> is that element's own; more, or
            # content, could set feedparser's document-wide "has content" flag.
            summaries = [n for n in inner_names if n in _SUMMARY_LIKE or n in _CONTENT_LIKE]
            if len(summaries) > 1 or any(n in _CONTENT_LIKE for n in summaries):
                raise _Unsupported(f"summaries inside {name}")
    plain_title = plain_text(title)
    if not entries and plain_title is None:
        return None  # feedparser decides what error this is
    home, finished = finish_entries(
        entries,
        link=head.link,
        base=feed_base(url),
        atom=is_atom,
        people=head.authors,
        author=head.author,
        authored=authored,
    )
    return ParsedFeed(
        title=plain_title,
        link=home,
        entries=finished,
        version=version,
        warning=None,
        title_markup=markup_said(title),
    )


#: xml:lang, which an element inherits from the nearest one above it that has it.
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _language(element: Any, container: Any) -> str | None:
    """The language the feed gives an entry (walk159 #2): the nearest `xml:lang` on it, its
    title or above it (Atom), else the feed's <language> or dc:language (RSS)."""
    title = next((c for c in element if _name(c) == "title"), None)
    for node in (title, element, *element.iterancestors()):
        if node is not None and node.get(_XML_LANG):
            return str(node.get(_XML_LANG))
    for child in container:
        if _name(child) in ("language", "dc_language"):
            return _text(child)
    channel = next((c for c in container if _name(c) == "channel"), None)
    if channel is not None:  # RSS 1.0: its fields in <channel>, the items beside it
        return next((_text(c) for c in channel if _name(c) in ("language", "dc_language")), None)
    return None


def _entry(item: _Item, url: str, version: str, language: str | None = None) -> Entry:
    """The `Entry` curator.feeds.xmlfeed makes from the same fields feedparser would have given it."""
    fields = FeedItem(
        link=item.link,
        written_link=item.written_link,
        alternates=tuple(href for rel, href in item.links if rel == "alternate"),
        guid=item.guid,
        guidislink=item.guidislink,
        title=item.title,
        authors=tuple(item.authors),
        author=item.author,
        summary=item.summary,
        contents=tuple(item.content),
        published=item_date(item.published_parsed, item.published),
        updated=item_date(item.updated_parsed, item.updated),
        tags=tuple(item.tags),
        origlink=orig_link(item.origlinks),
        permalink=item.permalink,
        related=tuple(href for rel, href in item.links if rel == "related"),
        subtitle=item.subtitle,
        language=language,
    )
    return build_entry(fields, feed_base(url), is_rss=version.startswith("rss"))
