"""What every feed parser shares: text and link cleaning, dates, and the one place an item
becomes an `Entry` (pure).

The three parsers (`xmlfeed` through feedparser, `fast` through lxml, `jsonfeed`) each read an
item's fields their own way into a `FeedItem`; `build_entry` applies curator's rules to it, so the
rules (which link wins, which date, how names and titles are cleaned) live here once.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from curator.htmltext import (
    CONTROL,
    TitleText,
    code_in_name,
    name_text,
    read_title,
    terminal_text,
    untrusted_name,
    without_controls,
)
from curator.models import Entry
from curator.urls import site_of

#: An RSS item or Atom entry start tag, with or without a namespace prefix (a cheap count first).
ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")


class FeedError(Exception):
    """The bytes are not a feed curator can read (an HTML page, empty, or unparsable)."""


#: What a feed's address answering with a web page fails with (`cli.report_feeds.html_advice`).
HTML_NOT_FEED = "this is an HTML page, not a feed"
#: A feed whose server answered with no document at all (whitespace only): its error.
EMPTY_FEED = "the feed is empty"


# -- rules -------------------------------------------------------------------------------------

#: Years outside this range are a feed's bug (a 9999 placeholder, a 1970 epoch default), not a date.
MIN_YEAR = 1990
MAX_YEAR = 2100

#: Schemes an entry or home-page link may have; others (javascript:, data:, file:) are dropped.
LINK_SCHEMES = frozenset({"http", "https"})


#: Titles and names longer than this are cut before markup is removed: no real title is this long,
#: and it bounds the work a hostile feed can ask of the HTML parser.
TEXT_LIMIT = 2000

#: The most entries read from one feed. Real feeds carry ten to a few hundred (the corpus's biggest,
#: a podcast, 730); one of 50,000 (an archive dump, or an attack) took feedparser 15 s and 220 MB,
#: and the run then read 50,000 pages. Feeds list their newest entries first (the RSS and Atom
#: convention), but not all do: the newest by date are kept (`newest_first`).
MAX_ENTRIES = 1000

#: How much of an exception message goes into a one-line error or warning.
MESSAGE_LIMIT = 160


#: Markup-free text: nothing to decode, only whitespace to collapse (the fast path for most titles).
_NEEDS_HTML = re.compile(r"[<&]")
#: A tag, as an HTML parser reads one: `<` then a letter, `/`, `!` or `?` ("2 < 3" holds none).
_TAG = re.compile(r"<[A-Za-z/!?]")
_SPACE = re.compile(r"\s+")
_URL_NOISE = re.compile(r"[\t\r\n]")

#: "jane@x.com (Jane Doe)" (RSS <author>) and "Jane Doe <jane@x.com>" (RFC 5322 name-addr).
_EMAIL = r"(?:mailto:)?[^\s@<>()]+@[^\s@<>()]+"
_EMAIL_THEN_NAME = re.compile(rf"^\s*{_EMAIL}\s*\((?P<name>[^()]*)\)\s*$")
_NAME_THEN_EMAIL = re.compile(rf"^\s*(?P<name>[^<>]*?)\s*<{_EMAIL}>\s*$")
_BARE_EMAIL = re.compile(rf"^\s*{_EMAIL}\s*$")
#: "Simon St.Laurent (mailto:simonstl@simonstl.com)" (RSS 1.0's dc:creator in its own spec).
_NAME_THEN_BRACKETED_EMAIL = re.compile(rf"^\s*(?P<name>[^()]*?)\s*\(\s*{_EMAIL}\s*\)\s*$")


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


# -- text helpers ----------------------------------------------------------------------------------


def plain_text(value: object) -> str | None:
    """Text for a title or a name: entities decoded, markup and control characters removed,
    whitespace collapsed; a tag-like word that is plainly text ("Why <iframe> embeds ...") kept
    as a word (`htmltext.read_title`).

    Returns None for a non-string or for text that is empty once cleaned.
    """
    return (title_reading(value).text or None) if isinstance(value, str) else None


def title_reading(value: str) -> TitleText:
    """A title or a name read as `plain_text` reads it, with the markup removed from it and the
    words that went with that markup (`htmltext.read_title`)."""
    text = value
    if len(text) > TEXT_LIMIT:
        text = text[:TEXT_LIMIT]
        cut = text.rfind("<")
        if cut > text.rfind(">"):  # do not leave half a tag behind
            text = text[:cut]
    read = TitleText(text, (), "")
    if _NEEDS_HTML.search(text):
        # Read once: "&lt;div&gt;" in an HTML title is the text "<div>", never markup to remove.
        # Inline elements join as a browser shows them ("525ft<sup>2</sup>" -> "525ft2").
        read = read_title(text)
    return read._replace(text=_SPACE.sub(" ", without_controls(read.text)).strip())


def held_markup(value: object) -> bool:
    """Whether a title as the feed gave it holds a tag that `plain_text` removes (the text of a
    `<script>` or `<style>` with it); "&lt;div&gt;" in an HTML title is text, and holds none, and
    so is a lone "<iframe>" (`htmltext.read_title`)."""
    return (
        isinstance(value, str)
        and _TAG.search(value, 0, TEXT_LIMIT) is not None
        and bool(title_reading(value).removed)
    )


def markup_said(value: object) -> str:
    """What `plain_text` removed from a title or a name as markup, in words for the editor:
    "`<b>`", "`<script>`, and "alert(1)" with it"; "" when it removed none."""
    if not isinstance(value, str) or _TAG.search(value, 0, TEXT_LIMIT) is None:
        return ""
    read = title_reading(value)
    if not read.removed:
        return ""
    tags = ", ".join(f"`{tag}`" for tag in read.removed)
    return f'{tags}, and "{read.lost}" with it' if read.lost else tags


def title_lost(value: object) -> str:
    """`markup_said` of a title that lost words with its markup ("`<script>`, and "alert(1)"
    with it"), "" for one that lost none: the editor is told which title lost what (walk109 #2)."""
    said = markup_said(value)
    return said if said.endswith(" with it") else ""


def author_name(value: object) -> str | None:
    """A person's name from an author string: e-mail addresses dropped, markup removed (as from
    a publication, `name_text`: walk96 #3 `Dora "><script>...` was credited as `Dora ">`)."""
    text = plain_text(name_text(value) if isinstance(value, str) else value)
    if text is None:
        return None
    # code written as text is no part of a name (walk173 #3): `Jane Doe \";alert('XSS');//`; read
    # with its markup removed, as `credits.clean_authors` reads it (`Dora "><script>alert(4)...`
    # is Dora's markup, no code after her name)
    name, code = code_in_name(name_text(text))
    if code:
        text = name
    for pattern in (_EMAIL_THEN_NAME, _NAME_THEN_EMAIL, _NAME_THEN_BRACKETED_EMAIL):
        match = pattern.match(text)
        if match:
            text = match.group("name").strip()
            break
    else:
        text = _named_addresses(text) or text
    if not text or _BARE_EMAIL.match(text) or "://" in text:
        return None
    return text


#: Where one person's address and name end and the next's begin, after a bracket: "ann@x.example
#: (Ann Lee), bo@x.example (Bo Chen)", "... (Ann Lee) and bo@x.example (Bo Chen)".
_NEXT_PERSON = re.compile(r"(?<=[)>])\s*(?:[,;&]|\band\b)\s*", re.I)


def _named_addresses(text: str) -> str:
    """The names of an author field that gives several people, each as "address (Name)" or "Name
    <address>" (walk158 #6: "ann@x.example (Ann Lee), bo@x.example (Bo Chen)" credited no one),
    joined by "and" as a credit of two is; "" when it is not such a list."""
    parts = _NEXT_PERSON.split(text)
    if len(parts) < 2:
        return ""
    names = []
    for part in parts:
        match = next(
            (
                m
                for p in (_EMAIL_THEN_NAME, _NAME_THEN_EMAIL, _NAME_THEN_BRACKETED_EMAIL)
                if (m := p.match(part))
            ),
            None,
        )
        if match is None or not match.group("name").strip():
            return ""
        names.append(match.group("name").strip())
    return " and ".join(names)


#: An address whose last label feedparser may have cut: its pattern takes at most four letters of it.
_CUT_ADDRESS = re.compile(r"\.[A-Za-z]{4}$")


def uncut_name(name: object, email: object, written: Callable[[str], bool]) -> object:
    """feedparser's name for a person, unless it is what feedparser left of an e-mail address it
    cut short: its pattern takes at most four letters of an address's last label, so
    "jroe@zeta.example" gives the address "jroe@zeta.exam" and the name "ple" ("mailto:ple",
    "PLE", "nology (Amy Chen" from "amy@lab.technology (Amy Chen)"). Such a name is given back
    with the address where the feed wrote it (`written`: whether the feed has that text), for
    `author_name` to read as any credit: a lone address names no one."""
    if not isinstance(name, str) or not isinstance(email, str) or not _CUT_ADDRESS.search(email):
        return name
    for at, char in enumerate(name):
        if char.isalnum() and (at == 0 or not name[at - 1].isalnum()):
            whole = name[:at] + email + name[at:]
            if written(whole):
                # feedparser also dropped the bracket closing a name after the address.
                return whole + ")" if whole.count("(") > whole.count(")") else whole
    return name


def unique(values: Iterable[str | None]) -> tuple[str, ...]:
    """Non-empty values in first-seen order, each once."""
    seen: dict[str, None] = {}
    for value in values:
        if value and value not in seen:
            seen[value] = None
    return tuple(seen)


def safe_link(value: object, base: str | None = None) -> str | None:
    """An absolute http(s) URL from `value`, resolved against `base`; None for anything else.

    When `base` itself is a file: URI (a local feed named in the config), file: links are kept too.
    A backslash before the query is a slash, as browsers read it in an http(s) address (walk173
    #4: `http:/\\host/p` was published as a path of the feed's own site).
    """
    if not isinstance(value, str) or not value.strip():
        return None
    # Tabs and newlines inside a URL are dropped, as browsers do (WHATWG URL, "basic URL parser").
    link = _browser_slashes(_URL_NOISE.sub("", value.strip()))
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


#: A scheme at the start of an address (RFC 3986 section 3.1).
_LEADING_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
#: A character reference as a browser reads one in an attribute: numeric (`&#106;`, `&#x6A`)
#: or named with its `;` (`&colon;`); a query's `&b=2` is none.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*;)")
#: What browsers strip from both ends of an address: C0 controls and the space (WHATWG URL).
_URL_ENDS = "".join(map(chr, range(0x21))) + "\x7f"
#: What the editor is told of a link refused though it parses as an address.
USER_IN_LINK = "a user name before its host ({user}@): the look of phishing"
REFERENCES_IN_LINK = "written with character references, as a disguised script link is"
COLON_IN_LINK = "a colon before its first slash: no address a browser reads as a page"


def _browser_slashes(link: str) -> str:
    """`link` with each backslash before its query or fragment read as a slash, as browsers do
    in an http(s) address or one relative to it (WHATWG URL: `\\` is `/` in special schemes)."""
    if "\\" not in link:
        return link
    scheme = _LEADING_SCHEME.match(link)
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        return link
    cut = min((i for i in (link.find("?"), link.find("#")) if i >= 0), default=len(link))
    return link[:cut].replace("\\", "/") + link[cut:]


def link_problem(value: object) -> str:
    """Why a link as its feed wrote it is no address to publish though it may parse as one ("" when
    it is none of these): its text once character references, tabs, newlines and controls are read
    as a browser reads them names a scheme other than http(s) (`&#106;avascript:`,
    `javascript&colon;`, `jav&#x0A;ascript:` are `javascript:`: walk173 #4, each had been taken
    for a relative address and resolved against the feed's, `GET /&`); a relative one holding
    character references, or a colon before its first slash; an http(s) one naming a user
    before its host (`http://paypal.com@evil.example/`: walk173 #5). A `file:` link is left to
    `safe_link`, which keeps it for a local feed."""
    if not isinstance(value, str) or not value.strip():
        return ""
    decoded = _URL_NOISE.sub("", html.unescape(value)).strip(_URL_ENDS)
    decoded = CONTROL.sub("", decoded)
    scheme = _LEADING_SCHEME.match(decoded)
    if scheme is None:
        # (before its query, and not `&amp;`: a feed escaping its `&` twice means an `&`)
        written = _URL_NOISE.sub("", value).strip(_URL_ENDS).split("?", 1)[0]
        if any(m.group() != "&amp;" for m in _CHARACTER_REFERENCE.finditer(written)):
            return REFERENCES_IN_LINK
        if ":" in re.split(r"[/?#]", decoded, maxsplit=1)[0]:
            return COLON_IN_LINK
        return ""
    name = scheme.group(1).lower()
    if name not in LINK_SCHEMES:
        return "" if name == "file" else f"{name}:"
    try:
        netloc = urlsplit(_browser_slashes(decoded)).netloc
    except ValueError:
        return ""
    if "@" in netloc:
        user = netloc.rsplit("@", 1)[0].split(":", 1)[0]  # (its password is not repeated)
        return USER_IN_LINK.format(user=user if len(user) <= 40 else user[:39] + "…")
    return ""


def sane(moment: datetime | None) -> datetime | None:
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


def short(error: object) -> str:
    """An exception's message on one short line."""
    text = _SPACE.sub(" ", str(error)).strip() or type(error).__name__
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


# -- dates and the base URL --------------------------------------------------------------


def struct_time(value: Any) -> datetime | None:
    """A feedparser `*_parsed` value (a UTC struct_time) as an aware datetime, when sane."""
    if value is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in value[:6])
        return sane(datetime(year, month, day, hour, minute, second, tzinfo=UTC))
    except (TypeError, ValueError, OverflowError):
        return None


def localised_date(value: object) -> datetime | None:
    """An RFC 822 date written with another language's day and month names, when feedparser
    could not read it ("mer, 16 nov 2022 00:38:15 +0100" in feed-rs's rss_2.0_ilmessaggero.xml).
    """
    if not isinstance(value, str) or len(value) > 100:
        return None
    text = _LEADING_WEEKDAY.sub("", value.strip().lower())
    text = _DAY_DOT.sub(r"\1", text)  # German "16. nov 2022"
    text = _WORD.sub(lambda m: _MONTH_NAMES.get(m.group(1), m.group(0)), text)
    try:
        return sane(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def feed_base(url: str) -> str | None:
    """What entry links are resolved against: the feed's http(s) URL, or its file: URI."""
    return url if url.startswith("file:") else safe_link(url)


def item_date(parsed: Any, text: object) -> datetime | None:
    """An item's date from feedparser's parsed form (`*_parsed`), else from its text in another
    language's day and month names; None when neither is a sane date."""
    return struct_time(parsed) or localised_date(text)


def newest_first(times: list[float | None]) -> list[int] | None:
    """The places of the `MAX_ENTRIES` newest entries, in document order, of a feed of more,
    given each entry's date; None when fewer than half are dated, or when the newest are the
    first (the first are kept then).

    Why: a feed may list its entries oldest first (an archive); keeping the first 1000 of its
    5,000 kept those of 2020 and never read its new ones (walk173 #7)."""
    if sum(t is not None for t in times) * 2 < len(times):
        return None
    # (of entries of one date, the first in the document: a feed lists its newest first)
    ranked = sorted(range(len(times)), key=lambda i: (times[i] is not None, times[i] or 0.0, -i))
    kept = sorted(ranked[-MAX_ENTRIES:])
    # (None too when they are the first: a feed listing its newest first is said as before)
    return None if kept[-1] == MAX_ENTRIES - 1 else kept


def too_many(count: int, newest: bool = False) -> str:
    """What the editor is told of a feed with more than `MAX_ENTRIES` entries: curator's own
    limit, not a fault the publisher could fix (walk32 #2); which it read, the newest by date or
    the first (`newest_first`)."""
    which = "newest" if newest else "first"
    return (
        f"read the {which} {MAX_ENTRIES} of its {count:,} entries"
        f" (curator reads at most {MAX_ENTRIES} per feed)"
    )


# -- one item into an Entry ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item's fields as a parser found them (feedparser's names and choices), before
    curator's rules; every value may be anything a hostile feed put there."""

    #: The item's link, then its alternate links in document order.
    link: object
    alternates: tuple[object, ...]
    guid: object
    #: The guid is also the item's permalink (RSS's isPermaLink, the default).
    guidislink: bool
    title: object
    #: Names from the list of authors; `author` is the single author field, read only when the
    #: list gives no usable name.
    authors: tuple[object, ...]
    author: object
    summary: object
    #: (value, content type) of each content block; HTML is preferred over other types.
    contents: tuple[tuple[object, str], ...]
    published: datetime | None
    updated: datetime | None
    tags: tuple[object, ...]
    #: The item's own address behind a feed proxy (FeedBurner's `feedburner:origLink`, Pheedo's
    #: `pheedo:origLink`: `orig_link`), whose `link` is then a redirect through the proxy.
    origlink: object = None
    #: The guid when RSS makes it a permalink (isPermaLink is not "false") and the feed wrote a
    #: URL, whether or not a link is given too: the entry's address when its link is unsafe
    #: (`javascript:`), as it is when the item gives no link (walk162 #3).
    permalink: object = None
    #: Atom's rel="related" links: a link blog's own post about the page `link` goes to.
    related: tuple[object, ...] = ()
    #: The item's link as the feed wrote it, before a parser resolved it against the feed's
    #: address (None when the parser gives `link` as written): what `link_problem` judges.
    written_link: object = None
    #: A podcast episode's `itunes:subtitle` (feedparser's `subtitle`).
    subtitle: object = None
    #: The language the feed says the item is in (its own `xml:lang`, else the feed's).
    language: object = None


#: A language tag as a feed writes it: "fa-IR", "en_US", "he".
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def language_tag(value: object) -> str:
    """A feed's language as a BCP 47 tag ("fa-IR", "en-US" of "en_us"), its language in lower
    case, a region in upper case, and a country code written for a language mended ("jp" is
    "ja", `extract_rules.COUNTRY_NOT_LANGUAGE`, as a page's); "" for anything else."""
    from curator.extract_rules import COUNTRY_NOT_LANGUAGE

    if not isinstance(value, str):
        return ""
    tag = value.strip().replace("_", "-").split(",")[0].strip()
    if not _LANGUAGE.fullmatch(tag):
        return ""
    head, *rest = tag.split("-")
    head = COUNTRY_NOT_LANGUAGE.get(head.lower(), head.lower())
    return "-".join([head, *[p.upper() if len(p) == 2 else p for p in rest]])


#: feedparser files a namespaced element under `prefix_localname`, lower case: an item's
#: `feedburner:origLink`, `pheedo:origLink` (the prefix the feed declares for a namespace feedparser
#: does not know) all end so.
ORIGLINK_SUFFIX = "_origlink"


def orig_link(fields: Mapping[str, object]) -> object:
    """The item's original address that a feed proxy gives beside its redirect `link`: FeedBurner's
    `feedburner:origLink` first, else any other proxy's `*:origLink` (Pheedo's, which the
    Washington Post's feeds use), the first in the item; None when there is none. `fields` are the
    item's elements by feedparser's names."""
    if fields.get("feedburner_origlink"):
        return fields["feedburner_origlink"]
    return next(
        (v for k, v in fields.items() if k.endswith(ORIGLINK_SUFFIX) and isinstance(v, str) and v),
        None,
    )


def build_entry(item: FeedItem, base: str | None, *, is_rss: bool) -> Entry:
    """The `Entry` for one item: its first safe link, non-blank guid and summary, the fullest
    content, clean title, names and categories; for RSS (`is_rss`) an item's only date is
    `published`, so a lone update time stands in for it."""
    # The link is judged as the feed wrote it (`written_link`: the parsers resolve a relative one
    # against the feed's address first, which made `&#106;avascript:` a page of the feed's site).
    written = item.written_link if isinstance(item.written_link, str) else item.link
    problem = link_problem(written)
    first = None if problem else written if "\\" in str(written) else item.link
    candidates = [first, *(a for a in item.alternates if a != item.link or not problem)]
    if item.guidislink:
        candidates.append(item.guid)
    link = next(filter(None, (safe_link(c, base) for c in candidates if not link_problem(c))), None)
    unsafe = ""
    if link is None:
        # Its permalink guid is its address, as README promises; else it is left out, and its
        # feed's line says why (`unsafe_link` of an entry with no link).
        unsafe = problem
        link = None if link_problem(item.permalink) else safe_link(item.permalink, base)
        if link is not None:
            unsafe = problem or _scheme_of(item.link)
    entry = Entry(
        # A proxy's original address only when it is an absolute http(s) URL (no base: a relative
        # or file: origLink is no address of the article).
        link=safe_link(item.origlink) or link,
        guid=item.guid if isinstance(item.guid, str) and item.guid.strip() else None,
        title=plain_text(item.title),
        authors=author_names(item.authors, item.author),
        summary=item.summary if isinstance(item.summary, str) and item.summary.strip() else None,
        content=_best_content(item.contents),
        published=item.published or (item.updated if is_rss else None),
        updated=item.updated,
        categories=unique(plain_text(tag) for tag in item.tags),
        via=next(filter(None, (safe_link(r, base) for r in item.related)), None),
        subtitle=plain_text(item.subtitle),
        title_markup=held_markup(item.title),
        title_lost=title_lost(item.title),
        author_markup=author_field_markup((item.author, *item.authors)),
        author_code=author_field_code((item.author, *item.authors)),
        unsafe_link=unsafe,
        language=language_tag(item.language),
    )
    return _composed(entry)


def _scheme_of(link: object) -> str:
    """The scheme of an unsafe link as the editor may read it ("javascript:"), "" when the link
    names none ("a link with no http(s) address" is said instead)."""
    if not isinstance(link, str):
        return ""
    match = re.match(r"\s*([A-Za-z][A-Za-z0-9+.\-]{0,19}):", _URL_NOISE.sub("", link))
    return f"{match.group(1).lower()}:" if match else ""


def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text and not text.isascii() else text


def _composed(entry: Entry) -> Entry:
    """The entry's text in composed Unicode (NFC), as pages are read (`curator.extract`): a feed in
    decomposed form (NFD) would otherwise match no keyword, title or label typed composed (walk97
    #3)."""
    return replace(
        entry,
        title=_nfc(entry.title),
        authors=tuple(_nfc(a) or a for a in entry.authors),
        summary=_nfc(entry.summary),
        content=_nfc(entry.content),
        categories=tuple(_nfc(c) or c for c in entry.categories),
        subtitle=_nfc(entry.subtitle),
    )


def author_field_markup(values: Iterable[object]) -> str:
    """Why the item's author field (its raw author, then each person's name, as the feed wrote
    them) is no credit, when it held markup no name is made of (`htmltext.untrusted_name`): ""
    when it did not (walk110 #6)."""
    for value in values:
        if not isinstance(value, str):
            continue
        shown = " ".join(terminal_text(value).split())
        shown = shown if len(shown) <= 80 else shown[:79] + "…"
        if why := untrusted_name(value):
            return f"its author field (`{shown}`) is not credited: {why}"
        name, code = code_in_name(plain_text(name_text(value)) or "")
        if code:
            # walk173 #3: the code after a name was credited as people ("alert", "DROP TABLE x")
            code = code if len(code) <= 60 else code[:59] + "…"
            if not name:
                return (
                    f"its author field (`{shown}`) is not credited: it is code (`{code}`), no name"
                )
            return (
                f'its author field (`{shown}`) held code after the name (`{code}`): "{name}" is'
                " credited, the code is not"
            )
    return ""


def author_field_code(values: Iterable[object]) -> str:
    """The code written as text after the name in the item's author field (`htmltext.code_in_name`),
    when a name is left before it: "" when there is none, or no name (walk173 #3)."""
    for value in values:
        if isinstance(value, str) and not untrusted_name(value):
            name, code = code_in_name(plain_text(name_text(value)) or "")
            if name and code:
                return code
    return ""


def author_names(people: Iterable[object], raw: object) -> tuple[str, ...]:
    """The names of the people a parser found, else of its raw author string.

    feedparser splits "jonas@insanity.industries (Jonas Große Sundrup)" at a top-level domain it
    does not know ("stries (Jonas Große Sundrup"): a name with a bracket left open is read again
    from the raw string.
    """
    whole = author_name(raw)
    names = [author_name(n) for n in people]
    names = [whole if n and n.count("(") != n.count(")") and whole else n for n in names]
    if not any(names):
        names.append(whole)
    return unique(names)


def inherit_authors(
    entries: Iterable[Entry], names: tuple[str, ...], authored: Iterable[bool] = ()
) -> tuple[Entry, ...]:
    """Entries without an author credited to the feed's authors, as Atom defines it (RFC 4287
    section 4.2.1: an entry without atom:author takes the feed's). RSS has no such rule: a
    channel's managingEditor is not every item's author.

    `authored` says, entry by entry, whether it has an atom:author of its own: one that gives
    only an address (`<email>`, `<uri>`) names someone other than the feed's author, though
    not by name, so the entry credits no one rather than the feed's author."""
    entries = tuple(entries)
    if not names:
        return entries
    own = tuple(authored) or (False,) * len(entries)
    return tuple(
        e if e.authors or mine else replace(e, authors=names)
        for e, mine in zip(entries, own, strict=True)
    )


def link_posts(entries: Iterable[Entry], home: str | None) -> tuple[Entry, ...]:
    """Entries marked as link posts (`Entry.via`), the others with no `via`.

    A link post is an entry whose link goes to another site (registrable domain) than the feed's
    own (`home`, its channel link) while the feed also links to its own post about it on its own
    site (`build_entry` put the first rel="related" link in `via`): Daring Fireball's "linked
    list" items link to iMore's article, with rel="related" back to daringfireball.net. The
    article the issue links to is then the other site's, and the feed's author and name are not
    its credits. A related link that is not on the feed's site, or an entry on the feed's site
    ("blog.example.com" for "www.example.com"), is no link post.
    """
    own = site_of(home)
    out = []
    for entry in entries:
        if entry.via is None:
            out.append(entry)
            continue
        linked = own is not None and entry.link is not None
        linked = linked and site_of(entry.link) not in (None, own) and site_of(entry.via) == own
        out.append(entry if linked else replace(entry, via=None))
    return tuple(out)


def finish_entries(
    entries: Iterable[Entry],
    *,
    link: object,
    base: str | None,
    atom: bool,
    people: Iterable[object] = (),
    author: object = None,
    authored: Iterable[bool] = (),
) -> tuple[str | None, tuple[Entry, ...]]:
    """An XML feed's home page (its `link`, made safe against `base`) and its entries as published:
    in an Atom feed (`atom`) an entry without an author element (`authored`: whether each has one)
    takes the feed's authors (`people`, else its raw `author`: `inherit_authors`), and link posts
    are told by the home page (`link_posts`)."""
    if atom:
        entries = inherit_authors(entries, author_names(people, author), authored)
    home = safe_link(link, base)
    return home, link_posts(entries, home)


def guid_is_url(raw: object) -> bool:
    """True when a permalink guid, as the feed wrote it, is a URL: absolute http(s), or a path
    from the site's root. RSS 2.0 makes a guid a permalink unless isPermaLink="false", and
    publishers forget to say so: "aae20190606" is an id, never an article under the feed's
    folder."""
    return isinstance(raw, str) and raw.strip().lower().startswith(("http://", "https://", "/"))


def _best_content(blocks: Iterable[tuple[object, str]]) -> str | None:
    """The first non-blank content block, HTML ones first."""
    texts = [(value, kind) for value, kind in blocks if isinstance(value, str)]
    texts.sort(key=lambda block: "html" not in block[1])
    for value, _ in texts:
        if value.strip():
            return value
    return None
