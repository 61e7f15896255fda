"""Parsing feeds: bytes of RSS 0.9x/1.0/2.0, Atom or JSON Feed into a `ParsedFeed` (pure).

RSS and Atom go through feedparser; JSON Feed (1.0 and 1.1) is read here with `json`. Everything
in a feed is untrusted: entity declarations are removed before any XML parser sees them
(feedparser's fallback parser would otherwise expand them without limit), titles and names
become plain text, implausible dates are dropped, and only http(s) links are kept.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from curator.feedfast import parse_fast
from curator.models import Entry, ParsedFeed


class FeedError(Exception):
    """The bytes are not a feed curator can read (an HTML page, empty, or unparsable)."""


# -- rules -------------------------------------------------------------------------------------

#: Years outside this range are a feed's bug (a 9999 placeholder, a 1970 epoch default), not a date.
MIN_YEAR = 1990
MAX_YEAR = 2100

#: Schemes an entry or home-page link may have; others (javascript:, data:, file:) are dropped.
LINK_SCHEMES = frozenset({"http", "https"})

#: Root elements that mark an HTML page, not a feed (HTML may omit <html> and start at <head>).
HTML_ROOT = re.compile(r"<(?:html|head|body)[\s>/]", re.IGNORECASE)
#: The HTML5 doctype, which nothing but an HTML page uses (an XHTML doctype may precede a feed:
#: feedparser's illformed/always_strip_doctype.xml puts one before <rss>).
HTML5_DOCTYPE = re.compile(r"<!DOCTYPE\s+html\s*>", re.IGNORECASE)

#: A gzip member's first bytes (RFC 1952): a server sent a compressed file without saying so.
GZIP_MAGIC = b"\x1f\x8b"

#: JSON Feed versions we read: https://jsonfeed.org/version/1 and /version/1.1 (and any later 1.x,
#: which stays compatible). Others (reader's unknown.json says /version/1234) are refused.
JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(?:\.(\d+))?/?$")

#: Content types that say "JSON" (application/feed+json is JSON Feed's own type).
JSON_TYPES = ("application/feed+json", "application/json", "text/json")

#: Titles and names longer than this are cut before markup is removed: no real title is this long,
#: and it bounds the work a hostile feed can ask of the HTML parser.
TEXT_LIMIT = 2000

#: The most entries read from one feed. Real feeds carry ten to a few hundred (the corpus's biggest,
#: a podcast, 730); one of 50,000 (an archive dump, or an attack) took feedparser 15 s and 220 MB,
#: and the run then read 50,000 pages. Feeds list their newest entries first (the RSS and Atom
#: convention), so the first ones are kept.
MAX_ENTRIES = 1000

#: How much of an exception message goes into a one-line error or warning.
MESSAGE_LIMIT = 160

#: feedparser's bozo exceptions that say nothing about the document being malformed: a missing or
#: non-XML Content-Type header (servers often send text/html or text/plain for feeds).
_HARMLESS_BOZO = (feedparser.NonXMLContentType,)

#: Markup-free text: nothing to decode, only whitespace to collapse (the fast path for most titles).
_NEEDS_HTML = re.compile(r"[<&]")
_SPACE = re.compile(r"\s+")
#: C0 and C1 control characters (tab, newline and the like are whitespace, collapsed by _SPACE):
#: an ESC in a feed's title would reach the editor's terminal in the progress line as an escape
#: sequence (clear the screen, retitle the window, write the clipboard with OSC 52).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_URL_NOISE = re.compile(r"[\t\r\n]")

#: "jane@x.com (Jane Doe)" (RSS <author>) and "Jane Doe <jane@x.com>" (RFC 5322 name-addr).
_EMAIL = r"(?:mailto:)?[^\s@<>()]+@[^\s@<>()]+"
_EMAIL_THEN_NAME = re.compile(rf"^\s*{_EMAIL}\s*\((?P<name>[^()]*)\)\s*$")
_NAME_THEN_EMAIL = re.compile(rf"^\s*(?P<name>[^<>]*?)\s*<{_EMAIL}>\s*$")
_BARE_EMAIL = re.compile(rf"^\s*{_EMAIL}\s*$")
#: "Simon St.Laurent (mailto:simonstl@simonstl.com)" (RSS 1.0's dc:creator in its own spec).
_NAME_THEN_BRACKETED_EMAIL = re.compile(rf"^\s*(?P<name>[^()]*?)\s*\(\s*{_EMAIL}\s*\)\s*$")


# -- the entry point -----------------------------------------------------------------------------


def parse_feed(content: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed's bytes; entry links are resolved against `url`.

    Raises `FeedError` with a one-line reason when the bytes are not a usable feed.
    """
    if not content or not content.strip():
        raise FeedError("the feed is empty")
    if content.startswith(GZIP_MAGIC):
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
        return _parse_json_feed(content, url)
    if kind == "html":
        raise FeedError("this is an HTML page, not a feed")
    data, note = _defuse_entities(_trim_before_declaration(content))
    data, cut = _keep_first_entries(data)
    if note is None:
        # Well-formed RSS 2.0 and Atom read ten times faster with lxml, to the same result.
        fast = parse_fast(data, url, content_type)
        if fast is not None:
            return replace(fast, warning=cut) if cut else fast
    return _parse_xml_feed(data, url, content_type, "; ".join(x for x in (note, cut) if x) or None)


# -- dates --------------------------------------------------------------------------------------

#: Month names and abbreviations in the languages of the feeds we have seen (Italian, French,
#: German, Spanish, Portuguese, Dutch), mapped to RFC 822's English ones. English-like names that
#: RFC 822 already has ("mar", "jun", "nov"...) need no entry.
_MONTHS_BY_LANGUAGE: dict[str, str] = {
    "jan": "gen genn gennaio janv janvier januar jän jänner ene enero janeiro januari",
    "feb": "febbr febbraio févr fevr février fevrier februar febrero fev fevereiro februari",
    "mar": "marzo mars märz maerz mrz mär março marco maart mrt",
    "apr": "aprile avr avril abr abril",
    "may": "mag maggio mai mayo maio mei",
    "jun": "giu giugno juin juni junio junho",
    "jul": "lug luglio juil juillet juli julio julho",
    "aug": "ago agosto août aout augustus",
    "sep": "set sett settembre sept septembre septiembre setembro",
    "oct": "ott ottobre octobre okt oktober octubre out outubro",
    "nov": "novembre noviembre novembro",
    "dec": "dic dicembre déc décembre decembre dez dezember diciembre dezembro",
}
_MONTH_NAMES = {
    name: month for month, names in _MONTHS_BY_LANGUAGE.items() for name in names.split()
}
#: A day name before the comma ("mer,", "Di.,"), which RFC 822 parsing does not need.
_LEADING_WEEKDAY = re.compile(r"^[^\W\d_]+\.?,?\s+(?=\d)")
_DAY_DOT = re.compile(r"^(\d{1,2})\.")
_WORD = re.compile(r"([^\W\d_]+)\.?")


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


def _sniff(content: bytes, content_type: str | None) -> str:
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

#: An RSS item or Atom entry start tag, with or without a namespace prefix (a cheap count first).
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")
#: Where entries live: RSS 2.0 rss/channel/item, RSS 1.0 rdf:RDF/item, Atom feed/entry.
_ENTRY_NAMES = frozenset({"item", "entry"})
#: Parsing options for the trim: no entities, no DTD, no network (entities are removed already).
_TRIM_PARSER = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
}


def _too_many(count: int) -> str:
    return f"{count} entries; only the first {MAX_ENTRIES} were read"


def _keep_first_entries(data: bytes) -> tuple[bytes, str | None]:
    """The document with only its first `MAX_ENTRIES` entries, and a note when some were dropped.

    Why here, before feedparser: it parses about 1 MB a second (its loose parser, for a document
    that is not well formed, half that), so dropping entries after it would leave a 50,000-entry
    feed taking 15 to 25 s. lxml, recovering from what it can, drops them in a fraction of that; a
    document it cannot read at all is left whole (and its entries cut in `_parse_xml_feed`).
    """
    if len(_ENTRY_TAG.findall(data)) <= MAX_ENTRIES:
        return data, None
    parser = etree.XMLParser(recover=True, **_TRIM_PARSER)  # type: ignore[arg-type]
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return data, None
    if root is None:
        return data, None
    channels = [c for c in root if isinstance(c.tag, str) and etree.QName(c).localname == "channel"]
    entries = [
        child
        for parent in (root, *channels)
        for child in parent
        if isinstance(child.tag, str) and etree.QName(child).localname in _ENTRY_NAMES
    ]
    if len(entries) <= MAX_ENTRIES:
        return data, None
    for extra in entries[MAX_ENTRIES:]:
        extra.getparent().remove(extra)
    tree = root.getroottree()
    encoding = tree.docinfo.encoding or "utf-8"
    note = _too_many(len(entries))
    if parser.error_log:
        note += f"; not well formed: {_short(parser.error_log[0].message)}"
    return etree.tostring(tree, xml_declaration=True, encoding=encoding), note


# -- text helpers ----------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, without script/style contents."""

    _SKIP = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in ("br", "p", "div", "li"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(value: object) -> str | None:
    """Text for a title or a name: entities decoded, markup and control characters removed,
    whitespace collapsed.

    Returns None for a non-string or for text that is empty once cleaned.
    """
    if not isinstance(value, str):
        return None
    text = value
    if len(text) > TEXT_LIMIT:
        text = text[:TEXT_LIMIT]
        cut = text.rfind("<")
        if cut > text.rfind(">"):  # do not leave half a tag behind
            text = text[:cut]
    # Twice: feeds often escape HTML twice ("&amp;lt;b&amp;gt;"), and what the first pass decodes
    # into markup is removed by the second.
    for _ in range(2):
        if not _NEEDS_HTML.search(text):
            break
        extractor = _TextExtractor()
        try:
            extractor.feed(text)
            extractor.close()
        except Exception:  # HTMLParser is lenient; this is a guard, not an expected path
            return None
        text = "".join(extractor.parts)
    text = _SPACE.sub(" ", _CONTROL.sub("", text)).strip()
    return text or None


def author_name(value: object) -> str | None:
    """A person's name from an author string: e-mail addresses dropped, markup removed."""
    text = plain_text(value)
    if text is None:
        return None
    for pattern in (_EMAIL_THEN_NAME, _NAME_THEN_EMAIL, _NAME_THEN_BRACKETED_EMAIL):
        match = pattern.match(text)
        if match:
            text = match.group("name").strip()
            break
    if not text or _BARE_EMAIL.match(text) or "://" in text:
        return None
    return text


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    """Non-empty values in first-seen order, each once."""
    seen: dict[str, None] = {}
    for value in values:
        if value and value not in seen:
            seen[value] = None
    return tuple(seen)


def safe_link(value: object, base: str | None = None) -> str | None:
    """An absolute http(s) URL from `value`, resolved against `base`; None for anything else.

    When `base` itself is a file: URI (a local feed named in the config), file: links are kept too.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    # Tabs and newlines inside a URL are dropped, as browsers do (WHATWG URL, "basic URL parser").
    link = _URL_NOISE.sub("", value.strip())
    try:
        if base:
            link = urljoin(base, link)
        scheme = urlsplit(link).scheme.lower()
    except ValueError:  # e.g. an invalid IPv6 literal in the netloc
        return None
    # A feed the editor keeps as a local file may link to local pages (the offline demo does);
    # a feed from the web never may.
    allowed = LINK_SCHEMES | ({"file"} if base and base.startswith("file:") else set())
    if scheme not in allowed or link[: len(scheme)].lower() != scheme:
        return None  # the second test: urlsplit ignored leading control characters
    return scheme + link[len(scheme) :]  # "HTTP://x" -> "http://x"


def _sane(moment: datetime | None) -> datetime | None:
    """The time in UTC (a naive time is taken as UTC), or None outside MIN_YEAR..MAX_YEAR."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return moment if MIN_YEAR <= moment.year <= MAX_YEAR else None


def _short(error: object) -> str:
    """An exception's message on one short line."""
    text = _SPACE.sub(" ", str(error)).strip() or type(error).__name__
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


# -- RSS and Atom (feedparser) ---------------------------------------------------------------


def _struct_time(value: Any) -> datetime | None:
    """A feedparser `*_parsed` value (a UTC struct_time) as an aware datetime, when sane."""
    if value is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in value[:6])
        return _sane(datetime(year, month, day, hour, minute, second, tzinfo=UTC))
    except (TypeError, ValueError, OverflowError):
        return None


def _localised_date(value: object) -> datetime | None:
    """An RFC 822 date written with another language's day and month names, when feedparser
    could not read it ("mer, 16 nov 2022 00:38:15 +0100" in feed-rs's rss_2.0_ilmessaggero.xml).
    """
    if not isinstance(value, str) or len(value) > 100:
        return None
    text = _LEADING_WEEKDAY.sub("", value.strip().lower())
    text = _DAY_DOT.sub(r"\1", text)  # German "16. nov 2022"
    text = _WORD.sub(lambda m: _MONTH_NAMES.get(m.group(1), m.group(0)), text)
    try:
        return _sane(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _base(url: str) -> str | None:
    """What entry links are resolved against: the feed's http(s) URL, or its file: URI."""
    return url if url.startswith("file:") else safe_link(url)


def guid_is_url(raw: str | None) -> bool:
    """True when a permalink guid, as the feed wrote it, is a URL: absolute http(s), or a path
    from the site's root. RSS 2.0 makes a guid a permalink unless isPermaLink="false", and
    publishers forget to say so: "aae20190606" is an id, never an article under the feed's
    folder."""
    return (raw or "").strip().lower().startswith(("http://", "https://", "/"))


def _written_as_url(guid: str, data: bytes) -> bool:
    """Whether the guid feedparser resolved against the feed's URL was written as a URL (see
    `guid_is_url`): its absolute form, or its path, appears as an element's text in the feed."""
    parts = urlsplit(guid)
    path = guid[len(f"{parts.scheme}://{parts.netloc}") :] if parts.netloc else ""
    for text in (guid, path):
        if guid_is_url(text):
            escaped = text.replace("&", "&amp;")
            if any(
                f">{t}<".encode() in data or f">{t}]]>".encode() in data for t in (text, escaped)
            ):
                return True
    return False


def _entry_link(entry: dict[str, Any], base: str | None, data: bytes = b"") -> str | None:
    """The entry's link: feedparser's choice, else a rel=alternate link, else a permalink guid
    that is a URL (feedparser files such a guid as the link too)."""
    guid = entry.get("id")
    from_guid = bool(entry.get("guidislink")) and isinstance(guid, str)
    url_guid = from_guid and _written_as_url(str(guid), data)
    candidates: list[Any] = []
    if not (from_guid and entry.get("link") == guid and not url_guid):
        candidates.append(entry.get("link"))
    links = entry.get("links") or ()
    candidates += [lk.get("href") for lk in links if lk.get("rel", "alternate") == "alternate"]
    if url_guid:
        candidates.append(guid)
    for candidate in candidates:
        link = safe_link(candidate, base)
        if link:
            return link
    return None


def _entry_content(entry: dict[str, Any]) -> str | None:
    """The fullest content block: HTML first, then any other type."""
    blocks = [b for b in entry.get("content") or () if isinstance(b.get("value"), str)]
    blocks.sort(key=lambda b: "html" not in (b.get("type") or ""))
    for block in blocks:
        if block["value"].strip():
            return str(block["value"])
    return None


def _entry_authors(entry: dict[str, Any]) -> tuple[str, ...]:
    """Names from feedparser's authors list (author, dc:creator, atom:author), then `author`.

    feedparser splits "jonas@insanity.industries (Jonas Große Sundrup)" at a top-level domain it
    does not know ("stries (Jonas Große Sundrup"): a name with a bracket left open is read again
    from the raw `author` string.
    """
    people = [a.get("name") for a in entry.get("authors") or () if hasattr(a, "get")]
    return author_names(people, entry.get("author"))


def author_names(people: Iterable[object], raw: object) -> tuple[str, ...]:
    """The names of the people a parser found, else of its raw author string; a name with a
    bracket left open is read again from the raw string (see `_entry_authors`)."""
    whole = author_name(raw)
    names = [author_name(n) for n in people]
    names = [whole if n and n.count("(") != n.count(")") and whole else n for n in names]
    if not any(names):
        names.append(whole)
    return _unique(names)


def inherit_authors(entries: Iterable[Entry], names: tuple[str, ...]) -> tuple[Entry, ...]:
    """Entries without an author credited to the feed's authors, as Atom (RFC 4287 section
    4.2.1: an entry without atom:author takes the feed's) and JSON Feed 1.1 ("if not specified
    in an item, then the top-level authors ... are the authors of the item") define it. RSS has
    no such rule: a channel's managingEditor is not every item's author."""
    if not names:
        return tuple(entries)
    return tuple(e if e.authors else replace(e, authors=names) for e in entries)


def _entry_from_feedparser(
    entry: dict[str, Any], base: str | None, is_rss: bool, data: bytes = b""
) -> Entry:
    """One feedparser entry as an `Entry`; for RSS (`is_rss`) an item's only date is `published`."""
    summary = entry.get("summary")
    guid = entry.get("id")
    published = _struct_time(entry.get("published_parsed")) or _localised_date(
        entry.get("published")
    )
    # dict.get, not entry.get: FeedParserDict answers a missing "updated" with "published" (and a
    # DeprecationWarning), which would invent an update time the feed never gave.
    updated = _struct_time(dict.get(entry, "updated_parsed")) or _localised_date(
        dict.get(entry, "updated")
    )
    return Entry(
        link=_entry_link(entry, base, data),
        guid=guid if isinstance(guid, str) and guid.strip() else None,
        title=plain_text(entry.get("title")),
        authors=_entry_authors(entry),
        summary=summary if isinstance(summary, str) and summary.strip() else None,
        content=_entry_content(entry),
        published=published or (updated if is_rss else None),
        updated=updated,
        categories=_unique(
            plain_text(tag.get("term") or tag.get("label")) for tag in entry.get("tags") or ()
        ),
    )


def _parse_xml_feed(
    data: bytes, url: str, content_type: str | None, note: str | None
) -> ParsedFeed:
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
        raise FeedError(f"not a well-formed feed: {_short(error)}") from error
    feed = result.get("feed") or {}
    title = plain_text(feed.get("title"))
    entries = result.get("entries") or []
    problem = result.get("bozo_exception") if result.get("bozo") else None
    if isinstance(problem, _HARMLESS_BOZO):
        problem = None
    if not entries and title is None:
        if not result.get("version") and (content_type or "").lower().startswith("text/html"):
            raise FeedError("this is an HTML page, not a feed")
        if problem is not None:
            raise FeedError(f"not a well-formed feed: {_short(problem)}")
        if not result.get("version"):
            raise FeedError("not a feed: no RSS, Atom or JSON Feed found")
    if len(entries) > MAX_ENTRIES:
        note = "; ".join(x for x in (note, _too_many(len(entries))) if x)
        entries = entries[:MAX_ENTRIES]
    warning = "; ".join(x for x in (note, problem and _short(problem)) if x) or None
    base = _base(url)
    # RSS has one date per item; feedparser files RSS 1.0's dc:date under "updated", but it is
    # when the item was published (feed-rs reads it so too).
    is_rss = str(result.get("version") or "").startswith("rss")
    built = tuple(_entry_from_feedparser(e, base, is_rss, data) for e in entries)
    if str(result.get("version") or "").startswith("atom"):
        built = inherit_authors(built, _entry_authors(feed))
    return ParsedFeed(
        title=title,
        link=safe_link(feed.get("link"), base),
        entries=built,
        version=result.get("version") or None,
        warning=warning,
    )


# -- JSON Feed -------------------------------------------------------------------------------------


def _string(value: object) -> str | None:
    """`value` when it is a non-blank string (JSON Feed fields may hold anything)."""
    return value if isinstance(value, str) and value.strip() else None


def _json_date(value: object) -> datetime | None:
    """An RFC 3339 date (JSON Feed's format), or an RFC 822 one as a courtesy; None otherwise."""
    text = _string(value)
    if text is None:
        return None
    text = text.strip()
    try:
        return _sane(datetime.fromisoformat(text.replace("z", "Z")))
    except ValueError:
        pass
    try:
        return _sane(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _json_authors(item: Mapping[str, Any]) -> tuple[str, ...]:
    """Names from 1.1 `authors` (a list), else 1.0 `author` (one object)."""
    people = item.get("authors")
    if not isinstance(people, list) or not people:
        people = [item.get("author")]
    return _unique(author_name(p.get("name")) for p in people if isinstance(p, dict))


def _json_entry(item: Mapping[str, Any], base: str | None) -> Entry:
    """One JSON Feed item as an `Entry`; fields of the wrong type are ignored."""
    raw_id = item.get("id")
    usable = isinstance(raw_id, (str, int, float)) and not isinstance(raw_id, bool)
    guid = str(raw_id).strip() or None if usable else None
    tags = item.get("tags")
    return Entry(
        link=safe_link(item.get("url"), base) or safe_link(item.get("external_url"), base),
        guid=guid,
        title=plain_text(item.get("title")),
        authors=_json_authors(item),
        summary=_string(item.get("summary")),
        content=_string(item.get("content_html")) or _string(item.get("content_text")),
        published=_json_date(item.get("date_published")),
        updated=_json_date(item.get("date_modified")),
        categories=_unique(plain_text(t) for t in tags) if isinstance(tags, list) else (),
    )


def _parse_json_feed(content: bytes, url: str) -> ParsedFeed:
    """A JSON Feed 1.0/1.1 document (https://jsonfeed.org/version/1.1)."""
    try:
        # strict=False: real feeds put raw control characters (tabs, newlines) inside strings
        # (RSParser's allthis-partial.json has one), which JSON forbids but which do no harm.
        document = json.loads(content, strict=False)
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeDecodeError too
        raise FeedError(f"not valid JSON: {_short(error)}") from error
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise FeedError("a JSON document, but not a JSON Feed (no jsonfeed.org version)")
    match = JSON_FEED_VERSION.match(version.strip())
    if match is None:
        raise FeedError(f"unsupported JSON Feed version: {_short(version)}")
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedError("not a well-formed JSON Feed: 'items' is not a list")
    base = _base(url)
    items = [item for item in items if isinstance(item, dict)]
    feed_authors = _json_authors(document)
    return ParsedFeed(
        title=plain_text(document.get("title")),
        link=safe_link(document.get("home_page_url"), base),
        entries=tuple(
            # JSON Feed 1.1: an item that names no author at all takes the feed's.
            replace(entry, authors=feed_authors)
            if not entry.authors and not (item.get("authors") or item.get("author"))
            else entry
            for item in items[:MAX_ENTRIES]
            for entry in [_json_entry(item, base)]
        ),
        version="json1" + (match.group(1) or "0"),
        warning=_too_many(len(items)) if len(items) > MAX_ENTRIES else None,
    )
