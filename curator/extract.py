"""Reading an article page: title, authors, publication, canonical URL, description, text (pure).

`extract(html, url, charset=None)` parses the page once with lxml and asks one small function per
field. Each field is a cascade, first answer wins, in this order (the tables of names are in
`curator.extract_rules`, `curator.extract_rules_bylines` and `curator.extract_rules_names`):

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

`extract`, the authors and the canonical URL, description, date and language readers are here; the
others beside it: the parsed page and its meta/JSON-LD readers in `extract_doc`, the title in
`extract_title`, the publication in `extract_site`, declared authors and bylines in
`extract_bylines`, the main text in `extract_text`.
"""

from __future__ import annotations

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
from curator import extract_rules_bylines as byline_rules
from curator import extract_rules_names as name_rules
from curator.credits import clean_authors, is_person_name, norm_name, paid_label
from curator.creditsites import site_own_name
from curator.deps import DependencyError
from curator.errors import own_bug
from curator.extract_bylines import declared_authors as _declared_authors
from curator.extract_bylines import visible_bylines as _visible_bylines
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
from curator.extract_text import article_body, main_text
from curator.extract_text import scripted_text as _scripted_text
from curator.extract_title import clean_title, one_h1, strip_site_name, title, written_title
from curator.feeds.common import sane
from curator.htmltext import normalise_space
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
        title_written=_safe(problems, written_title, doc) or "",
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
    ...", `byline_rules.GUEST_CREDIT`): what the page declares (JSON-LD, then meta tags), else its
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
    bylines = _visible_bylines(doc)
    if declared and not _one_word(declared):
        fuller = _fuller_byline(declared, bylines, lambda raw: people(raw, True))
        if fuller:
            return fuller[0], _guest(fuller[1]), "its byline", "", fuller[1]
        return declared, _guest(declared_raw), declared_field, "", declared_raw
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
    # "Translated by Paul Quinn", the page's only credit, said when a feed names him (walk193 #5)
    translator = next((raw for raw in bylines if byline_rules.TRANSLATOR_CREDIT.match(raw)), "")
    return (), False, "", paid_credit(doc, bylines), translator


def _fuller_byline(
    declared: tuple[str, ...], bylines: list[str], people: Callable[[str], tuple[str, ...]]
) -> tuple[tuple[str, ...], str] | None:
    """The byline nearest the headline that names everyone the page declares and more, with its
    text (`<meta name="author" content="Jane Doe">` over "By Jane Doe and John Smith", walk193 #7:
    "Jane Doe" was credited alone): the fuller credit, as between a feed and its page. Bylines
    naming only declared people agree and are passed over; the first naming anyone else decides,
    so another story's byline further down never does. None when none names more."""
    wanted = {norm_name(n) for n in declared}
    for raw in bylines:
        names = people(raw)
        shown = {norm_name(n) for n in names}
        if not shown or shown <= wanted:
            continue
        return (names, raw) if wanted <= shown else None
    return None


def _says_guest(doc: _Doc) -> bool:
    """Whether the page's text has the word "guest" (or "written by", `GUEST_LEADS`' words) anywhere: only then are its bylines read for
    a guest's credit before its declared author (most pages declare one, and are read faster)."""
    text = etree.tostring(doc.tree, method="text", encoding="unicode").lower()
    # "This post was written by Carlos Mendes." says so without the word (walk193 #4); German
    # and French say it in their own (walk196 #2: "Ein Gastbeitrag von ...", "notre invité")
    # ... and Russian, Arabic and Japanese ("Гостевой автор:", "كاتب ضيف:", "寄稿：", walk198 #1)
    words = ("guest", "written by", "gastbeitrag", "invité", "гостев", "ضيف", "寄稿")
    return any(word in text for word in words)


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
        # one credit as the page wrote it ("Quay Notes Editors", not the "Quay Notes" of it,
        # walk196 #3): the note names what the editor will find on the page
        written = " ".join(byline_rules.BYLINE_PREFIX.sub("", raw).split())
        one = len(byline_rules.AUTHOR_SPLIT.split(written)) == 1 and "," not in written
        if len(own) == 1 and one and written.startswith(own[0]) and len(written.split()) <= 6:
            return (written,)
        if own:
            return own
    return ()


def paid_credit(doc: _Doc, bylines: Iterable[str]) -> str:
    """The label of paid content a page gives as its author, declared or as its byline
    ("Sponsored Content", "Paid Post", "Press Release", `credits.paid_label`), for the editor to
    be told when the page credits no one (walk158 #5); "" when it gives none."""
    for _, raw in _declared_authors(doc):
        if label := paid_label(byline_rules.BYLINE_PREFIX.sub("", raw)):
            return label
    for raw in bylines:
        if label := paid_label(byline_rules.BYLINE_PREFIX.sub("", raw)):
            return label
    return ""


def _ld_organisations(doc: _Doc) -> set[str]:
    """The names (`norm_name`) the page's JSON-LD gives an author or publisher typed as an
    organisation (`name_rules.JSONLD_ORGANISATION_TYPES`) and not as a person: a plain statement that
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
                if kinds & name_rules.JSONLD_ORGANISATION_TYPES and "person" not in kinds:
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
    return bool(byline_rules.GUEST_CREDIT.search(normalise_space(raw)))


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
    found = one_h1(doc)
    return found if len(found) <= MAX_HEADING_CHARS else ""
