"""OPML subscription lists: read the ones feed readers export, write one they import (pure).

OPML is how editors carry their subscriptions between feed readers. Reading is tolerant of what real
exporters write (OPML 1.0/1.1/2.0, missing `title` attributes, attribute names in odd case, nested
folders); a file that is not OPML at all is an `OpmlError` with one line naming the file.
The XML is parsed without entity expansion, DTD loading or network access: an OPML file is
untrusted.
"""

from __future__ import annotations

import html.entities
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree

from curator.errors import InputError
from curator.urls import address_fault, feed_address


class OpmlError(InputError):
    """The file is not an OPML subscription list curator can read (one line, names the file)."""


@dataclass(frozen=True)
class OpmlFeed:
    """One subscription in an OPML file."""

    #: The feed's URL (the outline's `xmlUrl`), absolute http(s).
    url: str
    #: The feed's name: the `title` attribute, else `text`, else the URL itself.
    title: str
    #: The publication's web site (`htmlUrl`), when given.
    html_url: str | None = None
    #: Titles of the enclosing folder outlines, outermost first.
    folders: tuple[str, ...] = ()
    #: OPML 2.0 `category` tags on the outline (curator writes every subject hint here).
    categories: tuple[str, ...] = ()
    #: What curator's own export says of the feed (`curator:` attributes; None in any other
    #: OPML): its `name:` ("" for none), its `fetch_pages:`, its place in feeds.yaml's list.
    name: str | None = None
    fetch_pages: bool | None = None
    position: int | None = None
    #: The outline's line in the file (for messages).
    line: int = field(default=0, compare=False)
    #: Its subjects as curator's export wrote them whole (`curator:subjects`, a JSON list), when
    #: a name with a comma could not ride in `category`; None otherwise.
    subjects: tuple[str, ...] | None = None

    @property
    def subject_hints(self) -> tuple[str, ...]:
        """Folders then categories, each once: the subjects this feed hints at when imported (the
        subjects curator's export wrote whole, when it wrote them)."""
        if self.subjects is not None:
            return self.subjects
        return tuple(dict.fromkeys(self.folders + self.categories))


@dataclass(frozen=True)
class OpmlDocument:
    """Everything read from one OPML file."""

    #: The `<head><title>`, when given.
    title: str | None
    feeds: tuple[OpmlFeed, ...]
    #: Outlines whose `xmlUrl` was not an absolute http(s) URL: (the value, the outline's text).
    rejected: tuple[tuple[str, str], ...] = ()
    #: The line of each rejected outline, by its value (for messages).
    rejected_lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    #: The site's page (htmlUrl) of each rejected outline that gives one, by its value.
    rejected_sites: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: Outlines that look like a subscription but give no feed address (only `htmlUrl`, an empty
    #: `xmlUrl`, or `type="link"` with `url`): (line, the outline's text, the address it gives or
    #: ""). Nothing of them is imported (walk82 #3: they were dropped unsaid).
    no_feed: tuple[tuple[int, str, str], ...] = ()
    #: Feeds whose address is read otherwise than written (a `feed://` link, a scheme written
    #: twice, `feed://https://...`): (line, as written, as read, why).
    converted: tuple[tuple[int, str, str, str], ...] = ()
    #: The line of the file that names each subject hint first (a folder's outline, or the
    #: feed outline whose `category` names it), for messages.
    hint_lines: Mapping[str, int] = field(default_factory=dict, compare=False)


#: The namespace of the attributes curator writes on each feed's outline for `feeds import` to read
#: back (its `name:`, `fetch_pages:` and place in the list); feed readers ignore them.
CURATOR_NS = "urn:x-curator:opml:1"


def _own(element: etree._Element) -> tuple[str | None, bool | None, int | None]:
    """(name, fetch_pages, position) as curator's export wrote them on an outline."""
    get = element.attrib.get
    name = get(f"{{{CURATOR_NS}}}name")
    pages = get(f"{{{CURATOR_NS}}}fetchPages")
    position = get(f"{{{CURATOR_NS}}}position")
    fetch_pages = None
    if pages is not None:
        # YAML's words too ("no", "off"), as feeds.yaml takes them; anything else is refused
        # with its line (walk152 #3: "no" and "maybe" were ignored unsaid).
        fetch_pages = _BOOLEANS.get(str(pages).strip().lower())
        if fetch_pages is None:
            raise OpmlError(
                f"line {element.sourceline or '?'}: curator:fetchPages={str(pages)!r} is neither"
                ' true nor false; write "true" or "false" there'
            )
    return (
        _clean(str(name)) if name is not None else None,
        fetch_pages,
        int(position) if position and str(position).strip().isdigit() else None,
    )


def _own_subjects(element: etree._Element) -> tuple[str, ...] | None:
    """The subjects curator's export wrote whole on an outline (`curator:subjects`), or None."""
    given = element.attrib.get(f"{{{CURATOR_NS}}}subjects")
    if given is None:
        return None
    try:
        names = json.loads(str(given))
    except ValueError:
        names = None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise OpmlError(
            f"line {element.sourceline or '?'}: curator:subjects={str(given)!r} is not a list of"
            ' names as curator writes it (["One", "Two, three"]); correct it or remove it'
        )
    return tuple(dict.fromkeys(_clean(n) for n in names if _clean(n)))


#: The words `curator:fetchPages` may hold, as YAML 1.1 (and so feeds.yaml) reads them.
_BOOLEANS = {
    **dict.fromkeys(("true", "yes", "y", "on", "1"), True),
    **dict.fromkeys(("false", "no", "n", "off", "0"), False),
}


#: A safe XML parser for untrusted input: no entity expansion (billion laughs), no DTD, no network
#: (external entities), comments and processing instructions dropped. lxml's default depth and size
#: limits stay on (huge_tree=False).
_PARSER_OPTIONS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)

_SPACE = re.compile(r"\s+")
#: An `&` that does not start a character or entity reference (XML 1.0 section 4.1).
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_][A-Za-z0-9._-]*;)")
#: The start of an HTML page (an editor's browser "Save as" of a feed reader's page, say).
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
#: The position lxml appends to its messages; the line is already given first.
_POSITION = re.compile(r",? line \d+, column \d+$")
_NAMED_REF = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
# Pieces of an `<outline ...>` start tag, for repairing sloppy quoting (see _repair_outline_tags).
_OUTLINE_START = re.compile(rb"<outline\b")
_ATTR_START = re.compile(rb"\s+([A-Za-z_:][\w:.-]*)\s*=\s*([\"'])")
_NEXT = rb"(?=\s+[A-Za-z_:][\w:.-]*\s*=\s*[\"']|\s*/?>\s*(?:<|$))"
_VALUE_END = {b'"': re.compile(b'"' + _NEXT), b"'": re.compile(b"'" + _NEXT)}
_TAG_CLOSE = re.compile(rb"\s*(/?>)")
#: Characters XML 1.0 does not allow (C0 controls but tab/newline/return, surrogates, FFFE/FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(value: str | None) -> str:
    """Attribute text with whitespace collapsed (exporters wrap and indent long titles)."""
    return _SPACE.sub(" ", value or "").strip()


#: A character reference left in a title once XML has read it: the exporter escaped it twice.
_STILL_ESCAPED = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _unescaped(title: str) -> str:
    """A title escaped twice by its exporter (`Double &amp;amp; Escaped`) as meant: walk152 #6,
    it was credited as "Double &amp; Escaped"."""
    return _clean(html.unescape(title)) if _STILL_ESCAPED.search(title) else title


def _local(tag: object) -> str:
    """An element's tag without namespace, lower-cased; '' for comments and the like."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _attrs(element: etree._Element) -> dict[str, str]:
    """The element's attributes by lower-cased local name (exporters write xmlUrl, xmlurl...)."""
    return {_local(name): str(value) for name, value in element.attrib.items()}


def _is_feed_url(url: str) -> bool:
    """Whether `url` is an http(s) address a feed can be read at (feeds.yaml's own rule)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and not address_fault(url)


def _is_path(url: str) -> bool:
    """Whether `url` is a path (`/feed.xml`, `feed.xml`, `//host/feed`): a link with no scheme."""
    try:
        return not urlsplit(url).scheme
    except ValueError:
        return False


def _categories(value: str) -> tuple[str, ...]:
    """OPML 2.0 `category`: comma-separated tags or slash-delimited paths ("/a/b" -> "a/b")."""
    tags = (_clean(part).strip("/") for part in value.split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _declares_entities(data: bytes) -> bool:
    """True when the prolog (before the root element) has an `<!ENTITY` declaration."""
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        marker, root = "<!ENTITY".encode(encoding), "<opml".encode(encoding)
        end = data.find(root)
        if marker in (data if end < 0 else data[:end]):
            return True
    return False


def _strict(data: bytes) -> etree._Element:
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    return etree.fromstring(data, parser)


def _entity(match: re.Match[bytes]) -> bytes:
    name = match.group(1).decode("ascii")
    if name in _XML_ENTITIES:
        return match.group(0)
    char = html.entities.html5.get(name + ";")
    if char is None:
        return b"&amp;" + match.group(1) + b";"
    return b"".join(b"&#%d;" % ord(c) for c in char)


def _html_entities(data: bytes) -> bytes:
    """HTML named references (`&nbsp;`, undefined in XML) as numeric ones; unknown names escaped."""
    return _NAMED_REF.sub(_entity, data)


def _escape_value(value: bytes, quote: bytes) -> bytes:
    value = _BARE_AMPERSAND.sub(b"&amp;", value).replace(b"<", b"&lt;")
    return value.replace(quote, b"&quot;" if quote == b'"' else b"&apos;")


def _repair_outline_tags(data: bytes) -> bytes:
    """Re-quote the attributes of each `<outline>` start tag; other bytes are left as they are.

    An attribute value is taken to end at the first matching quote that is followed by another
    `name="` or by the end of the tag (`>` or `/>` then a tag or the end of the file). That reads
    `description="by Jen "From Head To Toe" that..."` and
    `description="at <a href="...">Square</a>"` (both in the awesome-rss-feeds lists) as one value
    each. If any `<outline>` tag does not scan, nothing is repaired (the file is broken in a way
    this cannot mend), which also keeps the work linear in the size of a hostile file.
    """
    out: list[bytes] = []
    pos = 0
    while (start := _OUTLINE_START.search(data, pos)) is not None:
        out.append(data[pos : start.start()])
        i = start.end()
        attrs: list[bytes] = []
        while (attr := _ATTR_START.match(data, i)) is not None:
            quote = attr.group(2)
            end = _VALUE_END[quote].search(data, attr.end())
            if end is None:
                return data
            value = _escape_value(data[attr.end() : end.start()], quote)
            attrs.append(b" " + attr.group(1) + b"=" + quote + value + quote)
            i = end.end()
        close = _TAG_CLOSE.match(data, i)
        if close is None:
            return data
        out.append(b"<outline" + b"".join(attrs) + close.group(1))
        pos = close.end()
    out.append(data[pos:])
    return b"".join(out)


def _parse_xml(data: bytes, source: str) -> etree._Element:
    """Parse strictly; if that fails, retry once after repairs, else report the first error.

    Real exports are sloppy in attributes: raw ampersands ("Forums & More!"), HTML's `&nbsp;`, raw
    quotes and markup inside `description` (the awesome-rss-feeds lists). Only the quoting of
    `<outline>` attributes, bare `&` and HTML entity names are repaired, so a truncated or non-XML
    file still fails with the line the parser stopped at.
    """
    try:
        return _strict(data)
    except etree.XMLSyntaxError as exc:
        first = exc
    except (ValueError, etree.LxmlError) as exc:
        raise OpmlError(f"{source}: not valid XML ({_clean(str(exc))})") from None
    repaired = _repair_outline_tags(_html_entities(_BARE_AMPERSAND.sub(b"&amp;", data)))
    if repaired != data:
        try:
            return _strict(repaired)
        except (ValueError, etree.LxmlError):
            pass
    line = first.lineno if first.lineno else "?"
    column = first.position[1] if first.position and first.position[1] else None
    where = f"line {line}, column {column}" if column else f"line {line}"
    reason = _POSITION.sub("", _clean(str(first.msg))) or "not well-formed XML"
    if "encoding" in reason.lower() or "invalid bytes" in reason.lower():
        # walk82 #4: a Latin-1 export with no encoding declared read as a bare parser message.
        fix = (
            "the file is not UTF-8 and does not say what it is: save it as UTF-8, or declare its"
            ' encoding in its first line, e.g. <?xml version="1.0" encoding="ISO-8859-1"?>'
        )
    else:
        fix = "correct it there, or export the list from your feed reader again"
    raise OpmlError(f"{source}: {where}: not valid XML ({reason}); {fix}") from None


def read_opml(data: bytes, source: str) -> OpmlDocument:
    """Read an OPML file's title and every feed outline (nested folders walked, and outlines nested
    inside a feed's own, in document order).

    `source` names the file in error messages. Raises `OpmlError` for empty input, XML that is not
    well formed (with the line), a root that is not `<opml>`, or a missing `<body>`.
    """
    if not data or not data.strip():
        raise OpmlError(f"{source}: the file is empty, not an OPML subscription list")
    if _HTML_START.match(data[:1024]):
        raise OpmlError(f"{source}: a web page (HTML), not an OPML subscription list")
    if _declares_entities(data):
        # OPML needs no DTD; entity declarations only serve expansion attacks (billion laughs).
        raise OpmlError(
            f"{source}: not accepted (it declares XML entities, which OPML never needs)"
        )
    root = _parse_xml(data, source)
    if root is None or _local(root.tag) != "opml":
        found = _local(root.tag) if root is not None else "nothing"
        raise OpmlError(f"{source}: not an OPML file (the document is <{found}>, expected <opml>)")
    head = next((child for child in root if _local(child.tag) == "head"), None)
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OpmlError(f"{source}: not a usable OPML file (it has no <body> with outlines)")
    title = None
    if head is not None:
        title_el = next((child for child in head if _local(child.tag) == "title"), None)
        title = _clean(title_el.text) if title_el is not None and title_el.text else None

    feeds: list[OpmlFeed] = []
    rejected: list[tuple[str, str]] = []
    rejected_lines: dict[str, int] = {}
    rejected_sites: dict[str, str] = {}
    no_feed: list[tuple[int, str, str]] = []
    converted: list[tuple[int, str, str, str]] = []
    hint_lines: dict[str, int] = {}
    # An explicit stack instead of recursion: nesting depth comes from an untrusted file.
    stack: list[tuple[etree._Element, tuple[str, ...]]] = [
        (child, ()) for child in reversed(list(body))
    ]
    while stack:
        element, folders = stack.pop()
        if _local(element.tag) != "outline":
            continue
        attrs = _attrs(element)
        text = _unescaped(_clean(attrs.get("title")) or _clean(attrs.get("text")))
        url = _clean(attrs.get("xmlurl"))
        line = element.sourceline or 0
        # Written as feeds.yaml reads it (walk152 #1, #8): `HTTPS://` lower-cased unsaid, a
        # `feed:` link or a scheme written twice said.
        read, why = feed_address(url)
        site = _clean(attrs.get("htmlurl"))
        if url and not _is_feed_url(read) and _is_path(url) and _is_feed_url(site):
            # `xmlUrl="/feed.xml"` beside `htmlUrl="https://rel.example/"` (walk152 #12): the
            # feed's address on its site, as a browser would read that link there.
            joined = urljoin(site, url)
            if _is_feed_url(joined):
                read, why = joined, f"a path, read on its site (its htmlUrl, {site})"
        if url and _is_feed_url(read):
            if why:
                converted.append((line, url, read, why))
            url = read
        if url:
            if _is_feed_url(url):
                for hint in _categories(attrs.get("category", "")):
                    hint_lines.setdefault(hint, line)
                try:
                    name, pages, position = _own(element)
                    whole = _own_subjects(element)
                except OpmlError as exc:
                    raise OpmlError(f"{source}: {exc}") from None
                feeds.append(
                    OpmlFeed(
                        url=url,
                        title=text or url,
                        html_url=_clean(attrs.get("htmlurl")) or None,
                        folders=folders,
                        categories=_categories(attrs.get("category", "")),
                        name=name,
                        fetch_pages=pages,
                        position=position,
                        line=line,
                        subjects=whole,
                    )
                )
            else:
                rejected.append((url, text))
                rejected_lines.setdefault(url, line)
                if site := _clean(attrs.get("htmlurl")):
                    rejected_sites.setdefault(url, site)
            # Outlines inside a feed's outline are read too, in the same folders (the feed's own
            # name is no folder): some readers nest feeds so, and they were dropped unseen.
            stack.extend((child, folders) for child in reversed(list(element)))
            continue
        children = [child for child in element if _local(child.tag) == "outline"]
        if not children and (
            {"xmlurl", "htmlurl", "url"} & attrs.keys()
            or _clean(attrs.get("type")).lower() in {"rss", "atom", "link"}
        ):
            # A subscription without a feed address, not a folder: said, not dropped unseen.
            site = _clean(attrs.get("htmlurl")) or _clean(attrs.get("url"))
            no_feed.append((line, text, site))
            continue
        # An outline without xmlUrl is a folder; an untitled one groups without naming a folder.
        inner = folders + (text,) if text else folders
        if text:
            hint_lines.setdefault(text, line)
        stack.extend((child, inner) for child in reversed(list(element)))
    if feeds and all(feed.position is not None for feed in feeds):
        # curator's own export, grouped in folders: back in feeds.yaml's order.
        feeds.sort(key=lambda feed: feed.position or 0)
    return OpmlDocument(
        title=title,
        feeds=tuple(feeds),
        rejected=tuple(rejected),
        hint_lines=hint_lines,
        rejected_lines=rejected_lines,
        rejected_sites=rejected_sites,
        no_feed=tuple(no_feed),
        converted=tuple(converted),
    )


def parse_opml(data: bytes, source: str) -> tuple[OpmlFeed, ...]:
    """Every feed outline in an OPML file, in document order; see `read_opml`."""
    return read_opml(data, source).feeds


def _xml_text(value: str) -> str:
    """`value` without the characters XML cannot carry (feed titles are untrusted)."""
    return _NOT_XML.sub("", value)


def _outline(parent: etree._Element, feed: OpmlFeed) -> None:
    name = _xml_text(feed.title)
    attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": _xml_text(feed.url)}
    if feed.html_url:
        attrs["htmlUrl"] = _xml_text(feed.html_url)
    # OPML 2.0 category tags cannot hold commas (the separator; the spec has no escape): such a
    # hint is the folder only, and curator's export writes every hint whole in its own
    # `curator:subjects` too, which a re-import reads (walk152 #4: a subject "Service, support
    # and operations" after another was lost on the way).
    hints = feed.subject_hints
    tags = [_xml_text(hint) for hint in hints if "," not in hint]
    if len(tags) > 1 or (tags and "," in hints[0]):  # (the folder alone needs no category)
        attrs["category"] = ",".join(tags)
    if len(hints) > 1 and any("," in hint for hint in hints) and feed.position is not None:
        attrs[f"{{{CURATOR_NS}}}subjects"] = json.dumps(
            [_xml_text(hint) for hint in feed.subject_hints], ensure_ascii=False
        )
    if feed.name is not None:
        attrs[f"{{{CURATOR_NS}}}name"] = _xml_text(feed.name)
    if feed.fetch_pages is not None:
        attrs[f"{{{CURATOR_NS}}}fetchPages"] = "true" if feed.fetch_pages else "false"
    if feed.position is not None:
        attrs[f"{{{CURATOR_NS}}}position"] = str(feed.position)
    etree.SubElement(parent, "outline", attrs)


def export_opml(feeds: Sequence[OpmlFeed], title: str, now: datetime) -> bytes:
    """An OPML 2.0 subscription list that feed readers import.

    Each feed is an `<outline type="rss">` with text, title, xmlUrl and htmlUrl; feeds are grouped
    in folder outlines by their first subject hint (groups in order of first appearance, feeds
    without a hint at the top level). A feed with several hints lists them all in `category`, so a
    re-import recovers them. `now` is the creation time (passed in: this module reads no clock).
    """
    own = any(f.name is not None or f.fetch_pages is not None or f.position for f in feeds)
    root = etree.Element("opml", version="2.0", nsmap={"curator": CURATOR_NS} if own else None)
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = _xml_text(title)
    stamp = now if now.tzinfo else now.replace(tzinfo=UTC)
    # OPML 2.0: dateCreated is an RFC 822 date-time.
    etree.SubElement(head, "dateCreated").text = format_datetime(stamp.astimezone(UTC), usegmt=True)
    body = etree.SubElement(root, "body")
    groups: dict[str | None, list[OpmlFeed]] = {}
    for feed in feeds:
        hints = feed.subject_hints
        groups.setdefault(hints[0] if hints else None, []).append(feed)
    for folder, members in groups.items():
        if folder is None:
            parent = body
        else:
            name = _xml_text(folder)
            parent = etree.SubElement(body, "outline", text=name, title=name)
        for feed in members:
            _outline(parent, feed)
    etree.indent(root, space="  ")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    # A text file ends with a newline (walk152 #14: the last line had none).
    return data if data.endswith(b"\n") else data + b"\n"


#: Folders a feed reader makes for itself, not for what the feeds are about (Feedly's
#: "Uncategorized" and "Must Read", the "Subscriptions" root of Google Reader-style exports):
#: never made subjects nor hints unless the newsletter has a subject of that name (walk152 #9:
#: `--add-subjects` made them subjects and hinted `subjects: [Subscriptions, Uncategorized]`).
#: Casefolded. A reader shows them in its user's language, so an export in French or Spanish
#: names them so (walk180 #8: "Non classé" and "Sin categoría" became subjects): the same folders
#: in French, German, Spanish, Italian, Portuguese, Dutch, Japanese, Chinese and Korean.
READER_FOLDERS = frozenset(
    {
        # English
        "subscriptions",
        "my subscriptions",
        "uncategorized",
        "uncategorised",
        "unfiled",
        "unsorted",
        "must read",
        "all feeds",
        "all items",
        "read later",
        "saved for later",
        # French
        "non classé",
        "non classés",
        "non classée",
        "non classées",
        "sans catégorie",
        "non catégorisé",
        "non trié",
        "non triés",
        "abonnements",
        "mes abonnements",
        "tous les flux",
        "à lire",
        "à lire plus tard",
        "lire plus tard",
        # German
        "unkategorisiert",
        "nicht kategorisiert",
        "ohne kategorie",
        "unsortiert",
        "meine abonnements",
        "alle feeds",
        "später lesen",
        # Spanish
        "sin categoría",
        "sin categoria",
        "sin clasificar",
        "suscripciones",
        "mis suscripciones",
        "todas las fuentes",
        "todos los feeds",
        "leer más tarde",
        "leer después",
        # Italian
        "senza categoria",
        "non categorizzati",
        "non classificati",
        "iscrizioni",
        "abbonamenti",
        "tutti i feed",
        "leggi più tardi",
        "da leggere",
        # Portuguese
        "sem categoria",
        "não categorizado",
        "não categorizados",
        "sem classificação",
        "assinaturas",
        "inscrições",
        "todos os feeds",
        "ler mais tarde",
        # Dutch
        "zonder categorie",
        "niet gecategoriseerd",
        "ongesorteerd",
        "abonnementen",
        "later lezen",
        # Japanese, Chinese (simplified and traditional), Korean: "Uncategorized", "Read later",
        # "Subscriptions" (walk184: "未分類" became a subject)
        "未分類",
        "未分类",
        "미분류",
        "分類なし",
        "未整理",
        "あとで読む",
        "稍后阅读",
        "稍後閱讀",
        "나중에 읽기",
        "購読",
        "订阅",
        "訂閱",
        "구독",
    }
)
