"""Parsing feeds: bytes of RSS 0.9x/1.0/2.0, Atom or JSON Feed into a `ParsedFeed` (pure).

This module is the way in: it tells JSON from XML from an HTML page and defuses the XML, then
hands it to the lxml fast path (`fast`), feedparser (`xmlfeed`) or the JSON Feed reader
(`jsonfeed`). Everything in a feed is untrusted: entity declarations are removed before any XML
parser sees them (feedparser's fallback parser would otherwise expand them without limit), titles
and names become plain text, implausible dates are dropped, and only http(s) links are kept.
"""

from __future__ import annotations

import codecs
import posixpath
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Literal
from urllib.parse import quote, unquote, urljoin, urlsplit

from feedparser.datetimes import _parse_date
from lxml import etree

from curator.charsets import UTF, read_bytes, shown
from curator.charsets import codec as browser_codec
from curator.feeds.common import (
    EMPTY_FEED,
    ENTRY_TAG,
    HTML_NOT_FEED,
    MAX_ENTRIES,
    FeedError,
    newest_first,
    safe_link,
    short,
    struct_time,
)
from curator.feeds.fast import parse_fast
from curator.feeds.jsonfeed import parse_json_feed
from curator.feeds.xmlfeed import parse_xml_feed
from curator.models import ParsedFeed

# -- rules -------------------------------------------------------------------------------------

#: Root elements that mark an HTML page, not a feed (HTML may omit <html> and start at <head>).
HTML_ROOT = re.compile(r"<(?:html|head|body)[\s>/]", re.IGNORECASE)
#: The HTML5 doctype, which nothing but an HTML page uses (an XHTML doctype may precede a feed:
#: feedparser's illformed/always_strip_doctype.xml puts one before <rss>).
HTML5_DOCTYPE = re.compile(r"<!DOCTYPE\s+html\s*>", re.IGNORECASE)

#: A gzip member's first bytes (RFC 1952): a server sent a compressed file without saying so.
GZIP_MAGIC = b"\x1f\x8b"

#: Content types that say "JSON" (application/feed+json is JSON Feed's own type).
JSON_TYPES = ("application/feed+json", "application/json", "text/json")


# -- the entry point -----------------------------------------------------------------------------


def parse_feed(
    content: bytes,
    url: str,
    content_type: str | None = None,
    *,
    page_exists: Callable[[str], bool] | None = None,
) -> ParsedFeed:
    """Parse a feed's bytes; entry links are resolved against `url`.

    For a feed read from a local file (`url` is a file: URI), `page_exists` says whether a file:
    URL names a file on this machine (the I/O is the caller's); see `_local_links`. Raises
    `FeedError` with a one-line reason when the bytes are not a usable feed.
    """
    parsed = _parse(content, url, content_type)
    if url.startswith("file:"):
        parsed = _local_links(parsed, url, page_exists or (lambda _: False))
    return parsed


def _parse(content: bytes, url: str, content_type: str | None) -> ParsedFeed:
    if not content or not content.strip():
        raise FeedError(EMPTY_FEED)
    if content.startswith(GZIP_MAGIC):
        if url.startswith("file:"):
            raise FeedError(
                "the feed file is gzip-compressed: decompress it (gunzip FILE) and point `url:`"
                " at the file it gives"
            )
        raise FeedError(
            "the feed is gzip-compressed, but the server did not say so (no Content-Encoding)"
        )
    utf8 = _utf8_from_wide(content)
    if utf8 is not content and content_type:
        # The bytes are UTF-8 now, whatever charset the server named.
        content_type = _CHARSET_PARAM.sub("", content_type) + "; charset=utf-8"
    content = utf8
    kind = _sniff(content, content_type)
    if kind == "json":
        return parse_json_feed(content, url)
    if kind == "html":
        raise FeedError(HTML_NOT_FEED)
    content, content_type, read = _utf8_from_legacy(content, content_type)
    data, note = _defuse_entities(_trim_before_declaration(content))
    data, refs = _replace_bad_references(data)
    data, count, cut, by_date = _keep_first_entries(data)
    if note is None:
        # Well-formed RSS 2.0 and Atom read ten times faster with lxml, to the same result.
        fast = parse_fast(data, url, content_type)
        if fast is not None:
            warning = "; ".join(x for x in (refs, cut) if x) or None
            return replace(
                fast,
                warning=warning,
                entries_in_document=count,
                newest_read=by_date,
                charset_note=read,
            )
    notes = "; ".join(x for x in (note, refs, cut) if x) or None
    parsed = replace(parse_xml_feed(data, url, content_type, notes), charset_note=read)
    return replace(parsed, entries_in_document=count, newest_read=by_date) if count else parsed


# -- links of a feed kept as a local file ---------------------------------------------------------


def _local_links(
    parsed: ParsedFeed, feed_uri: str, page_exists: Callable[[str], bool]
) -> ParsedFeed:
    """A local feed's entry links: never a file: link, bar the local pages beside the feed.

    Why: a saved copy of a real feed with relative links ("/blog/post") got file:///blog/post as
    its articles' links, and those were published (issue 12.15). A relative link names a local
    page only when that file exists in the feed's folder or the folder holding it (the offline
    demo's "../pages/x.html"); otherwise it is resolved against the feed's own web base, its
    channel link (an xml:base that is a web address was applied by the parser already). With no
    web base there is no honest link, and the entry has none. An absolute file: link in the
    feed is read like a path from the site's root, never as a local file.
    """
    web = parsed.link if parsed.link and parsed.link.startswith(("http://", "https://")) else None
    folder = posixpath.dirname(unquote(urlsplit(feed_uri).path))
    beside = posixpath.dirname(folder)
    entries = []
    for entry in parsed.entries:
        link = entry.link
        if link and link.startswith("file:"):
            parts = urlsplit(link)
            host = parts.netloc if parts.netloc not in ("", "localhost") else ""
            # "file:///etc/passwd" comes out of the parsers as "file://etc/passwd" at times.
            path = posixpath.normpath(
                "/" + host + unquote(parts.path) if host else unquote(parts.path)
            )
            if not (posixpath.commonpath([path, beside]) == beside and page_exists(link)):
                inside = posixpath.commonpath([path, folder]) == folder
                reference = posixpath.relpath(path, folder) if inside else path
                link = safe_link(urljoin(web, quote(reference)), None) if web else None
                entry = replace(entry, link=link)
        entries.append(entry)
    return replace(parsed, entries=tuple(entries))


# -- character references that name no character ------------------------------------------------

#: A numeric character reference that may name no character (XML 1.0 section 4.1): only those
#: of a surrogate's size (four hex digits from D, five decimal from 10000) or larger, so the
#: ordinary ones (`&#8217;`, thousands in a feed) cost no Python call; `_names_no_character`
#: decides.
_CHAR_REF = re.compile(
    rb"&#(?:[xX](0*(?:[dD][0-9A-Fa-f]{3}|[1-9A-Fa-f][0-9A-Fa-f]{4,15}))|(0*[1-9][0-9]{4,19}));"
)
#: What an invalid reference becomes: U+FFFD REPLACEMENT CHARACTER, as a reference.
_REPLACEMENT_REF = b"&#xFFFD;"
#: How many of the bad references the warning quotes.
_QUOTED_REFS = 3


def _names_no_character(code: int) -> bool:
    """A code point no string can hold: a surrogate (U+D800..U+DFFF, only halves of a UTF-16
    pair) or past U+10FFFF. References to control characters (`&#0;`, `&#27;`) are left to the
    parsers, which read the feed around them (feedparser's bozo mode; the controls are dropped
    from every text by `plain_text`)."""
    return 0xD800 <= code <= 0xDFFF or code > 0x10FFFF


def _replace_bad_references(data: bytes) -> tuple[bytes, str | None]:
    """Character references to no character (a lone surrogate `&#xD800;`, `&#x110000;`) replaced
    by U+FFFD, and a warning naming them.

    Why: one such reference in one entry's title made feedparser's loose parser raise, and the
    whole feed was lost (0 of 67 entries of BBC World); lxml refuses the document too. XML says
    the document is not well formed; like feedparser's bozo mode, curator keeps what it can read
    and tells the editor.
    """
    if b"&#" not in data:
        return data, None
    bad: list[bytes] = []

    def fix(match: re.Match[bytes]) -> bytes:
        hexa, decimal = match.groups()
        code = int(hexa, 16) if hexa is not None else int(decimal)
        if not _names_no_character(code):
            return match.group(0)
        bad.append(match.group(0))
        return _REPLACEMENT_REF

    fixed = _CHAR_REF.sub(fix, data)
    if not bad:
        return data, None
    quoted = ", ".join(dict.fromkeys(b.decode("ascii") for b in bad[:_QUOTED_REFS]))
    more = ", ..." if len(bad) > _QUOTED_REFS else ""
    noun = "reference" if len(bad) == 1 else "references"
    return fixed, f"{len(bad)} character {noun} to no character ({quoted}{more}) shown as \ufffd"


# -- sniffing ------------------------------------------------------------------------------------

#: Byte-order marks and the UTF-16/32 patterns of "<" that XML 1.0 appendix F uses to detect them.
_WIDE_ENCODINGS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


#: A charset parameter in a Content-Type header.
_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[^;]*", re.IGNORECASE)
#: The encoding named in an XML declaration.
_DECLARED_ENCODING = re.compile(r"^(\s*<\?xml[^>]*?\bencoding\s*=\s*)([\"'])[^\"']*\2")


def _wide_encoding(content: bytes) -> str | None:
    """The UTF-16/32 codec the bytes are in, or None for an ASCII-compatible encoding."""
    for prefix, codec in _WIDE_ENCODINGS:
        if content.startswith(prefix):
            return codec
    return None


def _utf8_from_wide(content: bytes) -> bytes:
    """A UTF-16/32 document as UTF-8, with its XML declaration saying so.

    Why: feedparser 6.0.14 fails on UTF-16 without an encoding declaration ("not well-formed
    (invalid token)"), and the entity check below reads ASCII-compatible bytes only.
    """
    codec = _wide_encoding(content)
    if codec is None:
        return content
    text = content.decode(codec, errors="replace").lstrip("\ufeff")
    return _DECLARED_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")


#: The charset parameter's value in a Content-Type header.
_CHARSET_VALUE = re.compile(r";\s*charset\s*=\s*[\"']?([^;\"'\s]+)", re.IGNORECASE)
#: The encoding an XML declaration names (the bytes' first 200, ASCII-compatible).
_DECLARED_VALUE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']+)")


def _utf8_from_legacy(
    content: bytes, content_type: str | None
) -> tuple[bytes, str | None, str | None]:
    """An XML feed in a charset other than UTF-8 as UTF-8, read as browsers and curator's pages
    read it (`charsets.read_bytes`), with its declaration and content type saying UTF-8; and the
    feed's note when its bytes were not in the charset it named (or in UTF-8, naming none).

    Why: feedparser reads "shift_jis" and "gb2312" strictly (walk151 #1: `①` and `髙` in a feed
    declared Shift_JIS were "parsed as iso-8859-2", `喆` in one declared gb2312 lost), and a feed
    that declares no charset and is not UTF-8 as windows-1252 or iso-8859-2, whatever its language
    (walk151 #2: a Hebrew feed in ISO-8859-8 was published as "äøëáú ä÷ìä", and its title and
    credit with it).
    """
    if (content.isascii() and b"\x1b" not in content) or content.startswith(codecs.BOM_UTF8):
        # (ESC: 7-bit text in a charset switched by escape sequences, ISO-2022-JP: walk154 NEW-3)
        return content, content_type, None
    header = _CHARSET_VALUE.search(content_type or "")
    declared = _DECLARED_VALUE.match(content[:200])
    named = header.group(1) if header else None
    own = declared.group(1).decode("ascii", "replace") if declared else None
    reading = read_bytes(content, named, own)
    utf8 = all(browser_codec(x) in (None, *UTF) for x in (named, own))
    if utf8 and reading.charset == "utf-8" and reading.how == "named":
        return content, content_type, None  # UTF-8, as XML's default is: nothing to do
    said = named or own
    if reading.how == "named":
        note = None
    elif reading.how == "replaced":
        note = (
            f"characters: some bytes are not valid {shown(reading.charset)}, the charset"
            f" {'it declares' if said else 'of a feed that declares none'}, and show as"
            " \ufffd (check its titles and credits)"
        )
    else:
        why = (
            "as its bytes say"
            if reading.how == "guessed"
            else "the Western default, as no other charset read its bytes better"
        )
        declares = f"they are not in the {said} it declares" if said else "it declares none"
        note = (
            f"characters: read as {shown(reading.charset)}, {why}; {declares} (a guess: check"
            " its titles and credits)"
        )
    text = _DECLARED_ENCODING.sub(r"\1\2utf-8\2", reading.text, count=1)
    if content_type:
        content_type = _CHARSET_PARAM.sub("", content_type) + "; charset=utf-8"
    return text.encode("utf-8"), content_type, note


def _head_text(content: bytes, size: int = 2048) -> str:
    """The first characters of an ASCII-compatible document, enough to see what kind it is."""
    return content[:size].decode("latin-1").lstrip("\u00ef\u00bb\u00bf \t\r\n")


def _skip_prolog_noise(text: str) -> str:
    """Drop leading whitespace, processing instructions (<?xml ...?>) and comments."""
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos)
            if end < 0:
                return text[pos:]
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return text[pos:]
            pos = end + 3
        else:
            return text[pos:]


def _sniff(content: bytes, content_type: str | None) -> Literal["json", "html", "xml"]:
    """'json', 'html' or 'xml': what the document is, judged by its first bytes, then its type."""
    start = _skip_prolog_noise(_head_text(content))
    if start.startswith(("{", "[")):
        return "json"
    if HTML5_DOCTYPE.match(start):
        return "html"
    if _DOCTYPE.match(start):
        end = _doctype_end(start, 0)
        start = _skip_prolog_noise(start[end:]) if end else ""
    if HTML_ROOT.match(start):
        return "html"
    if not start.startswith("<") and content_type and content_type.lower().startswith(JSON_TYPES):
        return "json"
    return "xml"


def _trim_before_declaration(content: bytes) -> bytes:
    """Drop whitespace before `<?xml ...?>`.

    Why: it makes the document ill-formed ("XML or text declaration not at start of entity"), which
    sends feedparser to its weaker loose parser; a dozen feedjira captures (TechCrunch, SamRuby,
    TypePadNews...) start with a newline.
    """
    bom = b"\xef\xbb\xbf" if content.startswith(b"\xef\xbb\xbf") else b""
    body = content[len(bom) :]
    stripped = body.lstrip(b" \t\r\n")
    if len(stripped) != len(body) and stripped.startswith(b"<?xml"):
        return bom + stripped
    return content


# -- entity declarations ---------------------------------------------------------------------------

_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)
#: The first element's start tag: the end of the prolog.
_ELEMENT_START = re.compile(r"<[A-Za-z_:]")
#: Marks that matter inside a DOCTYPE. Quoted literals are skipped whole (so a "]" or ">" in an
#: entity's value does not end the declaration early); a lone quote is one that never closes.
_DOCTYPE_TOKEN = re.compile(r"\"[^\"]*\"|'[^']*'|<!--|[\[\]>\"']")


def _doctype_end(text: str, start: int) -> int | None:
    """The index just past the DOCTYPE declaration at `start`, or None when it never ends.

    Linear: a literal or comment that never closes ends the scan at once.
    """
    in_subset = False
    pos = start + len("<!DOCTYPE")
    while True:
        token = _DOCTYPE_TOKEN.search(text, pos)
        if token is None:
            return None
        mark, pos = token.group(), token.end()
        if mark in ('"', "'"):
            return None
        if mark == "<!--":
            close = text.find("-->", pos)
            if close < 0:
                return None
            pos = close + 3
        elif mark == "[":
            in_subset = True
        elif mark == "]":
            in_subset = False
        elif mark == ">" and not in_subset:
            return pos


def _defuse_entities(content: bytes) -> tuple[bytes, str | None]:
    """Remove a DOCTYPE that declares entities, so that no parser expands them.

    Why: expat (feedparser's strict parser) stops a billion laughs and never loads external
    entities, but when it gives up, feedparser re-parses with its loose parser and expands every
    "safe-looking" internal entity itself, without limit (a 170 KB feed of `&a;` references to a
    20 KB entity made a 1 GB title and 2.8 GB of memory in 25 s; measured with feedparser 6.0.14).
    Without the declarations the references are undefined, and feedparser leaves them as text.
    Returns the bytes to parse and a note for the warning when something was removed.
    """
    # Latin-1 maps each byte to one character, so nothing is lost, and every ASCII-compatible
    # encoding (UTF-8, the ISO-8859 and Windows code pages, Shift-JIS...) keeps "<!DOCTYPE" and
    # "<!ENTITY" as those characters (UTF-16/32 was made UTF-8 before).
    text = content.decode("latin-1")
    element = _ELEMENT_START.search(text)
    prolog_end = element.start() if element else len(text)
    if not _ENTITY_DECL.search(text, 0, prolog_end):
        return content, None
    doctype = _DOCTYPE.search(text, 0, prolog_end)
    end = _doctype_end(text, doctype.start()) if doctype else None
    if doctype is None or end is None:
        raise FeedError("not a well-formed feed: entity declarations outside a complete DOCTYPE")
    text = text[: doctype.start()] + text[end:]
    element = _ELEMENT_START.search(text)
    if _ENTITY_DECL.search(text, 0, element.start() if element else len(text)):
        # More declarations after the first DOCTYPE: not XML, and feedparser's own DOCTYPE
        # rewriting could put them back in front of the parser, so nothing of it is parsed.
        raise FeedError("not a well-formed feed: entity declarations outside the DOCTYPE")
    return text.encode("latin-1"), "entity declarations ignored"


# -- too many entries ------------------------------------------------------------------------------

#: Where entries live: RSS 2.0 rss/channel/item, RSS 1.0 rdf:RDF/item, Atom feed/entry.
_ENTRY_NAMES = frozenset({"item", "entry"})
#: Parsing options for the trim: no entities, no DTD, no network (entities are removed already).
_TRIM_PARSER = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
}


#: Where an entry's date is: RSS's pubDate, Atom's published and updated, RSS 1.0's dc:date.
_DATE_NAMES = frozenset({"pubDate", "published", "updated", "date", "issued", "modified"})


def _entry_time(entry: etree._Element, cache: dict[str, float | None]) -> float | None:
    """The entry's date as a number to compare (its first date element's), or None."""
    for child in entry:
        if isinstance(child.tag, str) and etree.QName(child).localname in _DATE_NAMES:
            text = (child.text or "").strip()
            if text not in cache:
                moment = struct_time(_parse_date(text)) if text else None
                cache[text] = moment.timestamp() if moment else None
            if cache[text] is not None:
                return cache[text]
    return None


def _left_out(entries: list[etree._Element]) -> tuple[list[etree._Element], bool]:
    """The entries not read: all but the newest `MAX_ENTRIES` by date (`newest_first`), else
    all but the first; and whether they were chosen by date."""
    cache: dict[str, float | None] = {}
    kept = newest_first([_entry_time(e, cache) for e in entries])
    if kept is None:
        return entries[MAX_ENTRIES:], False
    keep = set(kept)
    return [e for i, e in enumerate(entries) if i not in keep], True


def _keep_first_entries(data: bytes) -> tuple[bytes, int | None, str | None, bool]:
    """The document with only `MAX_ENTRIES` of its entries (the newest by date, else the first),
    the entries it had when some were dropped, a note when the document was not well formed, and
    whether the entries kept were chosen by date.

    Why here, before feedparser: it parses about 1 MB a second (its loose parser, for a document
    that is not well formed, half that), so dropping entries after it would leave a 50,000-entry
    feed taking 15 to 25 s. lxml, recovering from what it can, drops them in a fraction of that; a
    document it cannot read at all is left whole (and its entries cut in `xmlfeed.parse_xml_feed`).
    """
    if len(ENTRY_TAG.findall(data)) <= MAX_ENTRIES:
        return data, None, None, False
    parser = etree.XMLParser(recover=True, **_TRIM_PARSER)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return data, None, None, False
    if root is None:
        return data, None, None, False
    channels = [c for c in root if isinstance(c.tag, str) and etree.QName(c).localname == "channel"]
    entries = [
        child
        for parent in (root, *channels)
        for child in parent
        if isinstance(child.tag, str) and etree.QName(child).localname in _ENTRY_NAMES
    ]
    if len(entries) <= MAX_ENTRIES:
        return data, None, None, False
    extras, by_date = _left_out(entries)
    for extra in extras:
        extra.getparent().remove(extra)
    tree = root.getroottree()
    encoding = tree.docinfo.encoding or "utf-8"
    # (the report says "not well formed: " before the warning itself: walk160 #9 read it twice)
    note = short(parser.error_log[0].message) if parser.error_log else None
    data = etree.tostring(tree, xml_declaration=True, encoding=encoding)
    return data, len(entries), note, by_date
