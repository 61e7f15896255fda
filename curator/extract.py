"""Reading an article page: title, authors, publication, canonical URL, description, text (pure).

`extract(html, url, charset=None)` parses the page once with lxml and asks one small function per
field. Each field is a cascade, first answer wins, in this order (the tables of names are in
`curator.extract_rules`):

- title: JSON-LD headline/name, OpenGraph/Twitter/Dublin Core meta, the cleaned `<title>`, the
  first `<h1>`.
- authors: JSON-LD author (object, list or string, `@id` references resolved), meta author names
  (`author`, `dc.creator`, `parsely-author`, `article:author` when it is a name), `rel=author`
  links, `itemprop=author` (hCard/microdata), a byline element (class/id `byline`/`author`, "By
  ..."), and last a social handle when nothing else named anyone. Every candidate goes through
  `clean_authors`, which splits "A and B", strips "By" and roles, and rejects what is not a person
  (URLs, "Admin", "Staff", dates, "Hours ago", e-mail addresses, the site's own name).
- publication: JSON-LD publisher name, og:site_name, JSON-LD WebSite name, application-name, the
  `<title>` suffix ("Title | Site", "Title_Section_Site", "Title-Site"); a news agency named as publisher on
  another site's page gives way to that site's own name. The publisher comes first because a blog hosted on a platform
  names the platform in og:site_name ("Medium") and itself as publisher ("Voodoo Engineering").
- canonical_url: `<link rel=canonical>` (a relative one against the page's `<base href>`, never
  to another site through it), og:url; made absolute against `url`, http(s) only.
- description: JSON-LD description, og:description, meta description, Twitter, Dublin Core.
- published: JSON-LD datePublished, article:published_time and kin, `<time datetime>`.
- language: `<html lang>`, then content-language / og:locale.
- text: trafilatura's main-text extraction in its fast mode (no fallback extractors), on our tree
  once scripts, styles, navigation and the like are dropped, and on the page's single <article>
  when it has one. On the scrapinghub benchmark: 0.965 F1 at ~90 pages/s with every field, where
  trafilatura's default mode gives 0.960 at ~57 pages/s and readability-lxml 0.9 gives 0.947 at
  ~37 pages/s, for the text alone. Metadata is read here with lxml, not by trafilatura's
  extract_metadata, which alone runs at ~47 pages/s.

Nothing here raises for what a page says: garbage, empty or binary input gives a `Page` with the
fields it could read, and `Page.problems` names any field a page broke. A package that cannot be
imported raises `DependencyError`: a broken installation is not a bad page.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from curator import extract_rules as rules
from curator.credits import clean_authors, is_person_name, norm_name, paid_label, site_own_name
from curator.deps import DependencyError, page_reader
from curator.errors import own_bug
from curator.extract_bylines import declared_authors as _declared_authors
from curator.extract_bylines import in_furniture as _in_furniture
from curator.extract_bylines import visible_bylines as _visible_bylines
from curator.extract_doc import SPACE as _SPACE
from curator.extract_doc import WORD as _WORD
from curator.extract_doc import Doc as _Doc
from curator.extract_doc import clean_text as _clean
from curator.extract_doc import decode_html
from curator.extract_doc import decode_page as _decode
from curator.extract_doc import first_meta as _first_meta
from curator.extract_doc import jsonld_objects as _jsonld
from curator.extract_doc import ld_article as _ld_article
from curator.extract_doc import ld_names as _ld_names
from curator.extract_doc import ld_ref as _ld_ref
from curator.extract_doc import ld_str as _ld_str
from curator.extract_doc import ld_types as _types
from curator.extract_doc import meta_index as _meta_index
from curator.extract_site import (
    markup_credits,
    publication_and_note,
    resembles_site,
    site_name_note,
    site_name_notes,
    site_names,
    weak_site_name,
)
from curator.extract_title import clean_title, strip_site_name, title
from curator.feeds.common import sane
from curator.htmltext import html_to_text, normalise_space
from curator.models import Page
from curator.urls import amp_origin, safe_url, site_of

__all__ = [
    "clean_authors",
    "clean_title",
    "decode_html",
    "extract",
    "is_person_name",
    "resembles_site",
    "site_name_note",
    "site_names",
    "strip_site_name",
    "weak_site_name",
]

T = TypeVar("T")

#: Pages are cut to this many characters before parsing, so a hostile page cannot take unbounded
#: time (and the cut is named in `Page.problems`). The largest real article in the corpus is
#: ~1.3 MB.
MAX_HTML_CHARS = 5_000_000

# The same parser settings trafilatura uses for its own input, so handing it our tree scores as
# handing it the string (measured: 0.962 F1 either way; lxml.html's defaults give 0.959).
_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def extract(html: str | bytes, url: str, *, charset: str | None = None) -> Page:
    """What the page at `url` says about itself; missing fields are None/empty. Never raises for
    what the page says (a bug in curator's own code does raise: `curator.errors.own_bug`).

    `charset` is the one the HTTP Content-Type header named, if any; it decides how bytes are read
    before the page's own <meta charset> (see `decode_html`).
    """
    problems: list[str] = []
    try:
        doc = _load(html, url, charset, problems)
    except (DependencyError, ImportError):
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure on hostile bytes: nothing readable
        if own_bug(exc):
            raise
        return Page(url=url, problems=(*problems, _problem("page", exc)))
    if doc is None:
        return Page(url=url, problems=tuple(problems))
    site, site_said = _safe(problems, publication_and_note, doc) or (None, "")
    credit = _safe(problems, authors, doc, site) or ((), False)
    body = _safe(problems, article_body, doc)
    said = (
        (_safe(problems, markup_credits, doc) or ())
        + (_safe(problems, site_name_notes, doc, site) or ())
        + ((site_said,) if site_said else ())
    )
    return Page(
        url=url,
        title=_safe(problems, title, doc, site),
        authors=credit[0],
        guest_author=credit[1],
        authors_field=credit[2] if len(credit) > 2 else "",
        site_authors=() if credit[0] else (_safe(problems, site_authors, doc, site) or ()),
        paid_label=credit[3] if len(credit) > 3 else "",
        credit_text=credit[4] if len(credit) > 4 else "",
        publication=site,
        site_names=_safe(problems, site_names, doc, site) or (),
        canonical_url=_safe(problems, canonical_url, doc),
        base_canonical=_safe(problems, base_refused, doc),
        description=_safe(problems, description, doc),
        published=_safe(problems, published, doc),
        language=_safe(problems, language, doc),
        headings=_safe(problems, headings, doc) or (),
        headline=_safe(problems, headline, doc) or "",
        # Last: trafilatura cleans the tree in place.
        text=_scripted_text(_safe(problems, main_text, doc), body),
        problems=(*problems, *said),
    )


def _safe(problems: list[str], fn: Callable[..., T], *args: Any) -> T | None:
    """Run one field's cascade. A hostile page's damage inside it loses that field only and is
    recorded in `problems` for the run to report; a broken installation, or a bug in curator's own
    code (`own_bug`), is never absorbed."""
    try:
        return fn(*args)
    except (DependencyError, ImportError):
        raise
    except Exception as exc:  # noqa: BLE001 - untrusted input must never crash extraction
        if own_bug(exc):  # curator's own mistake: a traceback, not a page "read in part"
            raise
        problems.append(_problem(fn.__name__, exc))
        return None


def _problem(field: str, exc: Exception) -> str:
    """One line naming the field and the failure, short enough for a report."""
    text = " ".join(str(exc).split())
    return f"{field}: {type(exc).__name__}: {text}"[:200]


def _load(html: str | bytes, url: str, charset: str | None, problems: list[str]) -> _Doc | None:
    if isinstance(html, bytes | bytearray):
        text, note = _decode(bytes(html), charset)
        if note:
            problems.append(note)
    else:
        text = str(html)
    # Composed Unicode (NFC), as most pages are: a page in decomposed form (NFD: "ệ" as "e" and two
    # combining marks) had its headline, byline and date left in its blurb, as its words matched
    # no title nor known label (walk97 #3).
    text = unicodedata.normalize("NFC", text)
    if len(text) > MAX_HTML_CHARS:
        problems.append(
            f"page: only its first {MAX_HTML_CHARS:,} characters were read (it has {len(text):,});"
            " what comes after them (the article's end, maybe) is left out"
        )
    text = _XML_DECL.sub("", text[:MAX_HTML_CHARS]).replace("\x00", "")
    if not text.strip():
        return None
    try:
        tree = lxml.html.fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    if tree is None:
        return None
    return _Doc(tree=tree, url=url or "", meta=_meta_index(tree), jsonld=tuple(_jsonld(tree)))


# ------------------------------------------------------------------------------------------ authors


def authors(doc: _Doc, site: str | None = None) -> tuple[tuple[str, ...], bool, str, str, str]:
    """People credited, and whether the credit that named them names a guest ("Guest post by
    ...", `rules.GUEST_CREDIT`): what the page declares (JSON-LD, then meta tags), else its
    visible byline. (Named `authors`: a page that breaks it loses its "authors", as the run says.)

    The visible byline is the one nearest the headline (`_visible_bylines`), so a "most read" box's
    byline never stands in for the article's. A declared author that is a single word ("Fail",
    "Regan", "admin"-like CMS user names) gives way to a visible byline naming a full name: a
    person credited on the page is more often right than one word in a meta tag.

    An organisation's name never credits anyone (walk112 #1): one the page's JSON-LD types as an
    Organization ("Gartner"), wherever else the page gives it, and the site's own name ("Zendo"
    on "Zendo Blog", `_site_own_name`). The third value says where the credit came from; the
    fourth, when the page credits no one, the label of paid content it gives (`paid_credit`); the
    fifth, the credit as the page writes it ("By Bea Kahn for The Compost Gazette"), from which
    `articles` says a piece written for another publication (fixgk).
    """
    host = _host(doc.url)
    firms = _ld_organisations(doc) | _ld_claimants(doc)

    def people(raw: str, strict: bool) -> tuple[str, ...]:
        names = clean_authors(raw, site=site, host=host, strict=strict)
        return tuple(n for n in names if norm_name(n) not in firms and not _site_own_name(n, site))

    declared: tuple[str, ...] = ()
    declared_raw, declared_field = "", ""
    for field, raw in _declared_authors(doc):
        declared = people(raw, False)
        if declared:
            declared_raw, declared_field = raw, field
            break
    if not _guest(declared_raw) and _says_guest(doc):
        # "Guest post by Farid Haddad" on a page whose meta tag or byline names the blog's owner
        # (walk158 #10): the page says who wrote it, over every other name it gives (README).
        for raw in _visible_bylines(doc):
            names = people(raw, True) if _guest(raw) else ()
            if names:
                return names, True, "its byline", "", raw
    if declared and not _one_word(declared):
        return declared, _guest(declared_raw), declared_field, "", declared_raw
    bylines = _visible_bylines(doc)
    for raw in bylines:
        names = people(raw, True)
        if not names:
            continue
        if not declared:
            return names, _guest(raw), "its byline", "", raw
        shown = {w.lower() for name in names for w in _WORD.findall(name)}
        if declared[0].lower() in shown:
            # the page shows the declared name ("Reuters, Washington")
            return declared, _guest(raw), declared_field, "", declared_raw
        if not _one_word(names):
            return names, _guest(raw), "its byline", "", raw
    # A handle ("@priyap" in a meta author or twitter:creator) is no name, as in a feed: no author.
    if declared:
        return declared, _guest(declared_raw), declared_field, "", declared_raw
    return (), False, "", paid_credit(doc, bylines), ""


def _says_guest(doc: _Doc) -> bool:
    """Whether the page's text has the word "guest" anywhere: only then are its bylines read for
    a guest's credit before its declared author (most pages declare one, and are read faster)."""
    return "guest" in etree.tostring(doc.tree, method="text", encoding="unicode").lower()


def site_authors(doc: _Doc, site: str | None) -> tuple[str, ...]:
    """The names the page declares as its author (JSON-LD, meta tags) that `authors` took for
    its site's own name ("The Churn Letter" on "The Churn Letter", "Zendo" on "Zendo Blog", its
    host's name), first field that has any: the editor is told what was left out and why
    (walk139 #9: the note said only that no author was found)."""
    if not site:
        return ()
    host = _host(doc.url)
    for _, raw in _declared_authors(doc):
        kept = clean_authors(raw, site=site, host=host)
        own = tuple(n for n in clean_authors(raw) if n not in kept or _site_own_name(n, site))
        if own:
            return own
    return ()


def paid_credit(doc: _Doc, bylines: Iterable[str]) -> str:
    """The label of paid content a page gives as its author, declared or as its byline
    ("Sponsored Content", "Paid Post", "Press Release", `credits.paid_label`), for the editor to
    be told when the page credits no one (walk158 #5); "" when it gives none."""
    for _, raw in _declared_authors(doc):
        if label := paid_label(rules.BYLINE_PREFIX.sub("", raw)):
            return label
    for raw in bylines:
        if label := paid_label(rules.BYLINE_PREFIX.sub("", raw)):
            return label
    return ""


def _ld_organisations(doc: _Doc) -> set[str]:
    """The names (`norm_name`) the page's JSON-LD gives an author or publisher typed as an
    organisation (`rules.JSONLD_ORGANISATION_TYPES`) and not as a person: a plain statement that
    the name is no one's (walk112 #1: `"author":{"@type":"Organization","name":"Acme
    Research"}` was published as a person)."""
    found: set[str] = set()
    for obj in doc.jsonld:
        for key in ("author", "creator"):
            value = obj.get(key)
            for item in value if isinstance(value, list) else [value]:
                item = _ld_ref(doc, item)
                if not isinstance(item, dict):
                    continue
                kinds = _types(item)
                if kinds & rules.JSONLD_ORGANISATION_TYPES and "person" not in kinds:
                    found.update(norm_name(n) for n in _ld_names(doc, item) if norm_name(n))
    return found


def _ld_claimants(doc: _Doc) -> set[str]:
    """The names (`norm_name`) a fact-check's JSON-LD gives as the author of the claim it reviews
    (`ClaimReview`'s `itemReviewed.author`): whoever made the claim, never the fact-check's author,
    wherever else the page names them (walk163 N5: polygraph.info's `<h4 class="author">` names
    the claimant too)."""
    found: set[str] = set()
    for obj in doc.jsonld:
        if "claimreview" not in _types(obj):
            continue
        reviewed = _ld_ref(doc, obj.get("itemReviewed"))
        if not isinstance(reviewed, dict):
            continue
        value = reviewed.get("author")
        for item in value if isinstance(value, list) else [value]:
            found.update(n for n in map(norm_name, _ld_names(doc, _ld_ref(doc, item))) if n)
    return found


def _site_own_name(name: str, site: str | None) -> bool:
    """`name` is the site's own name without "Blog" or "News" ("Zendo" on "Zendo Blog"): the
    publication, no one's credit (walk112 #1). A person's name stays ("Hana Sato" on "Hana Sato
    Blog": a personal blog is named after its author)."""
    return site_own_name(name, site)  # not "elly" of "~elly/blog" (walk118 #1)


def _guest(raw: str) -> bool:
    return bool(rules.GUEST_CREDIT.search(normalise_space(raw)))


def _one_word(names: tuple[str, ...]) -> bool:
    """One name of one word in a script with spaces ("Fail", "Regan"); CJK names have no spaces."""
    return len(names) == 1 and " " not in names[0] and names[0].isascii()


def _host(url: str) -> str:
    """The URL's host name, "" when there is none or the URL does not parse."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # "http://[::1" and the like
        return ""


# ----------------------------------------------------------------------- canonical URL, description


def canonical_url(doc: _Doc) -> str | None:
    """<link rel=canonical>, then og:url, made absolute against the page's URL; http(s) only. An
    AMP cache's address ("https://x.cdn.ampproject.org/c/s/HOST/PATH") is the page's it copies
    (`urls.amp_origin`: "https://HOST/PATH").

    A canonical link's relative address is resolved against the page's `<base href>` when it
    has one, as browsers and search engines resolve it (walk162 #5: `href="/story"` was
    resolved against the page's own address), and is passed over when that puts it on another
    site than the page's (`base_refused`: a hostile page's `<base>` would publish another
    host). An address no site means as its article's own is passed over for the next
    (og:url), else none (the link read stands): one relative to the page's folder
    (`href="8003098"`, which a CMS writes for an id and which made
    `.../cleveland.com1/8003098`, a 404: a page's own address is absolute or from the site's
    root) when the page names no `<base>` folder for it, and the site's front page for a page
    that is not it (a template's default)."""
    base = _base_href(doc)
    # (og:url is a meta tag's text, which <base> does not touch: a base resolves link hrefs)
    candidates = [(h, base) for h in _canonical_links(doc)]
    candidates += [(h, None) for h in doc.meta.get("og:url", [])]
    for href, against in candidates:
        href = (href or "").strip()
        resolved = _resolved_canonical(href, doc, against)
        if resolved is not None and not _refused_through_base(resolved, href, doc, against):
            return resolved
    return None


def base_refused(doc: _Doc) -> tuple[str, str] | None:
    """The first canonical link whose relative address `<base href>` puts on another site than
    the page's, not used as its address (`canonical_url`): (the address it resolves to, the
    base), for the editor to be told (walk162 #5); None when there is none."""
    base = _base_href(doc)
    if base is None:
        return None
    for href in _canonical_links(doc):
        href = (href or "").strip()
        resolved = _resolved_canonical(href, doc, base)
        if resolved is not None and _refused_through_base(resolved, href, doc, base):
            # (one no reader may follow, `safe_url`, would not be its address anyway)
            shown = safe_url(resolved)
            return (shown, base) if shown else None
    return None


def _canonical_links(doc: _Doc) -> list[str]:
    """The hrefs of the page's `<link rel="canonical">`, in document order."""
    return [
        link.get("href") or ""
        for link in doc.tree.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]


def _base_href(doc: _Doc) -> str | None:
    """The page's document base: its first `<base>` with an href (HTML's rule), made absolute
    against the page's address; http(s) only (a `javascript:` or `data:` base is none)."""
    for element in doc.tree.iter("base"):
        href = element.get("href")
        if href is None:
            continue
        base = safe_url(href, doc.url)  # (control characters out: the editor is shown it)
        return base if base and base.lower().startswith(("http://", "https://")) else None
    return None


def _resolved_canonical(href: str, doc: _Doc, base: str | None) -> str | None:
    """`href`, a page's own address, made absolute (against `base` when it is relative and the
    page has one, else against its address); None when no site means it as the page's own
    (`_plausible_own_address`) or it is no http(s) address."""
    if not href or not _plausible_own_address(href, doc.url, base):
        return None
    try:
        # an AMP cache's copy names the page it copies (walk167 #9): that page's address
        absolute: str = amp_origin(urljoin(base or doc.url, href))
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme in ("http", "https") and parts.hostname:
        return absolute
    return None


def _refused_through_base(resolved: str, href: str, doc: _Doc, base: str | None) -> bool:
    """Whether `href`, relative, is put by `base` on another site than the page read at
    `doc.url` (a page read from a file is on no site: its base stands)."""
    if base is None or _ABSOLUTE.match(href) or href.startswith("//"):
        return False
    here = site_of(doc.url) if doc.url.lower().startswith(("http://", "https://")) else None
    return here is not None and site_of(resolved) != here


_ABSOLUTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def _plausible_own_address(href: str, url: str, base: str | None = None) -> bool:
    """True when `href` can be the address of the page read at `url`: absolute ("https://...",
    "//host/...") or from the site's root ("/news/1"), or relative to the folder the page's
    `<base href>` names (`base`, absolute), and not the front page of a page that is not one."""
    if not href.startswith("/") and not _ABSOLUTE.match(href) and base is None:
        return False  # "8003098", "story.html", "?id=3": relative to the page's folder
    try:
        path = urlsplit(urljoin(base or url, href)).path
        own = urlsplit(url).path
    except ValueError:
        return False
    return path.strip("/") != "" or own.strip("/") == ""


def description(doc: _Doc) -> str | None:
    """The page's own summary: JSON-LD description, then OpenGraph, HTML, Twitter, DC meta."""
    return _ld_str(_ld_article(doc), "description") or _first_meta(doc, rules.DESCRIPTION_META)


# ----------------------------------------------------------------------------------- date, language


def published(doc: _Doc) -> datetime | None:
    """When the article was published (aware UTC): JSON-LD, meta tags, first <time>."""
    candidates: list[str] = []
    art = _ld_article(doc)
    value = _ld_str(art, "datePublished", "dateCreated")
    if value:
        candidates.append(value)
    for name in rules.PUBLISHED_META:
        candidates += doc.meta.get(name, [])
    candidates += [t.get("datetime") or "" for t in doc.tree.iter("time")][:3]
    for value in candidates:
        when = parse_date(value)
        if when:
            return when
    return None


def parse_date(value: str | None) -> datetime | None:
    """An ISO 8601 or RFC 2822 date as aware UTC (no zone: taken as UTC); else None."""
    value = (value or "").strip()
    if not value or len(value) > 64:
        return None
    when: datetime | None = None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    # The same window and zone rules as a feed's dates (a 2150 page date is a bug, as a feed's is).
    return sane(when)


def language(doc: _Doc) -> str | None:
    """The page's language tag (BCP 47, e.g. "en", "pt-BR"): <html lang>, then meta."""
    raw = doc.tree.get("lang") or doc.tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    raw = raw or _first_meta(doc, rules.LANGUAGE_META)
    tag = (raw or "").strip().replace("_", "-").split(",")[0].strip()
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag):
        return None
    head, *rest = tag.split("-")
    head = rules.COUNTRY_NOT_LANGUAGE.get(head.lower(), head.lower())
    return "-".join([head, *[p.upper() if len(p) == 2 else p for p in rest]])


# ---------------------------------------------------------------------------------------- main text


#: A heading longer than this is a paragraph a page set in a heading's tag, not a heading.
MAX_HEADING_CHARS = 200


def headings(doc: _Doc) -> tuple[str, ...]:
    """The texts of the page's <h1>-<h6> headings, in order, once each: the article's text shows
    them as lines of their own, and only the page's markup tells a section heading that asks a
    question ("Why CPU monitoring is important?") from a sentence of the article."""
    found = (_clean(h.text_content()) for h in doc.tree.iter("h1", "h2", "h3", "h4", "h5", "h6"))
    return tuple(dict.fromkeys(h for h in found if h and len(h) <= MAX_HEADING_CHARS))


def headline(doc: _Doc) -> str:
    """The text of the page's <h1> when it has exactly one (a page with several has no one
    headline among them); "" otherwise."""
    found = [_clean(h.text_content()) for h in doc.tree.iter("h1")]
    return found[0] if len(found) == 1 and len(found[0]) <= MAX_HEADING_CHARS else ""


logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


#: The most visible text a page rendered by script (an SPA: an empty `<div id="app">`, the article in
#: its JSON-LD `articleBody`) shows: a "Loading..." line, a "Sign out" button, a cookie notice.
#: Under it, the JSON-LD's article body, when longer, is the page's text (walk107 #1: two such
#: pages were read as holding no text, so one got no blurb, said to hold no sentence, and the two
#: copies of one story were not told as one).
SCRIPTED_TEXT_CHARS = 200


def article_body(doc: _Doc) -> str | None:
    """The JSON-LD article's `articleBody` (`_ld_article`) as plain text, its paragraphs (lines,
    or HTML blocks when it holds markup) separated by blank lines; None when it has none."""
    obj = _ld_article(doc)
    value = obj.get("articleBody") if obj else None
    if not isinstance(value, str) or not value.strip():
        return None
    plain = html_to_text(value, lines=True) if "<" in value else value
    paragraphs = (_clean(line) for line in plain.splitlines())
    return "\n\n".join(p for p in paragraphs if p) or None


def _scripted_text(text: str | None, body: str | None) -> str | None:
    """The page's text: its visible main text, unless that is next to none
    (`SCRIPTED_TEXT_CHARS`) and its JSON-LD article body says more."""
    if body and len(text or "") < SCRIPTED_TEXT_CHARS and len(body) > len(text or ""):
        return body
    return text


def main_text(doc: _Doc) -> str | None:
    """The article's text (paragraphs separated by blank lines) by trafilatura's fast main-text
    pass.

    Modifies `doc.tree` (trafilatura cleans it in place), so it runs after every metadata field.
    """
    trafilatura = page_reader()

    # Scripts, styles and inline SVG hold no article text, but trafilatura measures text_content()
    # of the whole tree several times before it drops them; on script-heavy pages (Yahoo, Wikipedia)
    # removing them first makes it ~30% faster with the same output.
    etree.strip_elements(doc.tree, *rules.NEVER_TEXT_TAGS, with_tail=False)
    for el in doc.tree.xpath(rules.NEVER_TEXT_XPATH):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text, which belongs to the parent
    _drop_italic_captions(doc.tree)
    joined = _hide_joiners(doc.tree)
    copy_note = _first_appeared_note(doc.tree)
    tree = _article_only(doc.tree)
    _drop_epigraphs(tree)
    text = trafilatura.extract(
        tree,
        include_comments=False,
        include_tables=True,
        fast=True,
        output_format="txt",
    )
    if not text:
        return None
    paragraphs = [_SPACE.sub(" ", p).strip() for p in text.splitlines()]
    if len(paragraphs) == 1 and len(text) <= MAX_GLUED_CHARS:
        paragraphs = _unglued_blocks(tree, paragraphs[0]) or paragraphs
    text = "\n\n".join(p for p in paragraphs if p)
    if copy_note and not rules.FIRST_APPEARED.search(text):
        # The page's word that it is a copy, outside its <article> (walk158 #9): the credit's
        # note reads it in the text, as when it is inside.
        text += "\n\n" + copy_note
    return (_shown_joiners(text) if joined else text) or None


#: The zero-width joiner and non-joiner, each with the printable stand-in it has while trafilatura
#: reads the text: trafilatura drops every character that is not printable, and these are part of
#: the words they are in. A joiner makes one picture of an emoji sequence (a family "👨‍👩‍👧", the
#: rainbow flag "🏳️‍🌈"); a non-joiner spells Persian "می‌خواهد", whose letters would otherwise join
#: into a misspelling. Without them the page's text no longer said its own headline, which then
#: stayed at the blurb's start (walk151 #3). The stand-ins are Old Italic letters, which no news
#: page writes next to a joiner (a page that has them keeps trafilatura's reading).
_JOINERS = {"\u200d": "\U00010300", "\u200c": "\U00010301"}
_HAS_JOINER = etree.XPath(
    "//text()[contains(., '\u200d') or contains(., '\u200c')]", smart_strings=True
)
_HAS_STAND_IN = etree.XPath("//text()[contains(., '\U00010300') or contains(., '\U00010301')]")


def _hide_joiners(tree: Any) -> bool:
    """Replace the joiners in `tree`'s text by their stand-ins (`_JOINERS`); whether any was."""
    found = _HAS_JOINER(tree)
    if not found or _HAS_STAND_IN(tree):
        return False
    for text in found:
        parent = text.getparent()
        if parent is None:
            continue
        hidden = "".join(_JOINERS.get(c, c) for c in text)
        if text.is_tail:
            parent.tail = hidden
        else:
            parent.text = hidden
    return True


def _shown_joiners(text: str) -> str:
    """`text` with the joiners `_hide_joiners` stood in for back."""
    for joiner, stand_in in _JOINERS.items():
        text = text.replace(stand_in, joiner)
    return text


#: A caption written as a paragraph of its own: one sentence of at most this many characters.
MAX_CAPTION_CHARS = 220
#: Elements that are a picture.
_PICTURE_TAGS = ("img", "picture", "figure")
#: One sentence: it ends with . ! or ? and has no other sentence end inside.
_ONE_SENTENCE = re.compile(r"[^.!?]*(?:[.!?](?!\s)[^.!?]*)*[.!?][\"'”’)]*")


def _is_picture(el: Any) -> bool:
    """A picture: an <img>, <picture> or <figure>, or an element of no text holding one (an <a> or
    <p> around the <img>)."""
    if el is None:
        return False
    if el.tag in _PICTURE_TAGS:
        return True
    return not el.text_content().strip() and next(el.iter("img", "picture"), None) is not None


def _sibling(el: Any, step: str) -> Any:
    """The element before (`step` "getprevious") or after ("getnext") `el`, comments skipped."""
    near = getattr(el, step)()
    while near is not None and not isinstance(near.tag, str):
        near = getattr(near, step)()
    return near


def _drop_italic_captions(tree: Any) -> None:
    """Drop each paragraph that is one sentence, all in italics (<em> or <i>), next to a picture:
    a photo's caption written as a plain <p> under (or over) it, with no credit to tell it by
    (walk94 #4: "A customer uses a banking app at a branch in Cardiff." opened a blurb). An
    article's own paragraph next to a picture is not in italics: on the 256 pages of the corpus
    this drops two lines, "Version tested: PC." and a calorie count, and no sentence of a lead."""
    for p in list(tree.iter("p")):
        kids = [c for c in p if isinstance(c.tag, str)]
        if len(kids) != 1 or kids[0].tag not in ("em", "i"):
            continue
        if (p.text or "").strip() or (kids[0].tail or "").strip():
            continue
        text = _SPACE.sub(" ", p.text_content()).strip()
        if not text or len(text) > MAX_CAPTION_CHARS or not _ONE_SENTENCE.fullmatch(text):
            continue
        beside = _is_picture(_sibling(p, "getprevious")) or _is_picture(_sibling(p, "getnext"))
        if beside and p.getparent() is not None:
            p.drop_tree()


#: A short page's text, when trafilatura gives it on one line, is looked at block by block
#: (`_unglued_blocks`) up to this many characters.
MAX_GLUED_CHARS = 3000
#: The blocks a page's text is made of, one paragraph each.
_TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption")


def _unglued_blocks(tree: Any, line: str) -> list[str] | None:
    """The page's blocks (paragraphs, headings, list items), one each, when `line` is all of them
    joined by spaces; else None. trafilatura's fallback for a short page (under ~250 characters
    of text found) gives an <article>'s text as one line: the headline, the byline, the lead and
    a paywall's notice ran together into one "paragraph", which the blurb took for a notice and
    dropped whole (walk90 #5: "no complete sentences found" on a teaser whose lead ends with
    ".") or opened with the headline and byline (walk90 #7: "Video: A day on ... By Sam Vu
    Watch: ...")."""
    blocks = [
        _SPACE.sub(" ", el.text_content()).strip()
        for el in tree.iter(*_TEXT_BLOCKS)
        if not any(a.tag in _TEXT_BLOCKS for a in el.iterancestors())
    ]
    blocks = [b for b in blocks if b]
    if len(blocks) < 2 or " ".join(blocks) != line:
        return None
    return blocks


def _first_appeared_note(tree: Any) -> str:
    """A paragraph of the page's main content saying the article is a copy ("This article
    originally appeared on The Compost Gazette.", `rules.FIRST_APPEARED`), wherever it is in
    <main> (or the body when there is none), not in its navigation, footer or sidebars; "" when
    none does. Why: one placed after `</article>` inside `<main>` was left out with everything
    outside the <article> (`_article_only`), and the draft gave no note (walk158 #9)."""
    region = tree.xpath("//main | //*[@role='main']")[:1] or tree.xpath("//body")[:1]
    for el in region[0].iter("p") if region else ():
        text = _SPACE.sub(" ", el.text_content()).strip()
        if text and rules.FIRST_APPEARED.search(text) and not _in_furniture(el):
            return text
    return ""


def _drop_epigraphs(tree: Any) -> None:
    """A quotation set before the article's first paragraph of prose (`<blockquote>The customer
    is always right.<p>by Maya Angelou</blockquote>`, walk163 N9): an epigraph, someone else's
    words, not the article's own; the text (and so its blurb) opens with the article's. Only when
    prose follows: a page that is a quotation keeps it."""
    epigraphs = []
    for el in tree.iter("p", "blockquote"):
        if el.tag == "blockquote":
            if not any(a.tag == "blockquote" for a in el.iterancestors()):
                epigraphs.append(el)
        elif (
            not any(a.tag in rules.QUOTING_TAGS for a in el.iterancestors())
            and len(_clean(el.text_content()).split()) >= rules.PROSE_MIN_WORDS
        ):
            break
    else:
        return  # no prose after them
    for el in epigraphs:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text, which belongs to the parent


def _article_only(tree: Any) -> Any:
    """The page's one <article>, alone in a new document, when it holds a real article's text.

    A page with a single <article> element puts its story there; handing trafilatura only that
    leaves out the related links, teasers and comments around it. On the scrapinghub benchmark:
    F1 0.962 -> 0.965 (precision 0.946 -> 0.951, recall unchanged). Several <article>s (a list of
    stories) or a short one (a teaser card) leave the page whole.
    """
    found = tree.xpath("//article")
    if len(found) != 1 or len(found[0].text_content()) < rules.MIN_ARTICLE_CHARS:
        return tree
    html = lxml.html.Element("html")
    etree.SubElement(html, "body").append(found[0])
    return html
