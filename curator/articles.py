"""From feed entries (and their pages) to articles: identity, page reading and the merge rules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from curator import extract_rules as rules
from curator import extract_rules_bylines as byline_rules
from curator import extract_rules_names as name_rules
from curator.blurb import (
    choose_blurb,
    listed_posts,
    opening_byline,
    quote_blurb,
    subtitle_blurb_text,
)
from curator.charsets import misread
from curator.config import Config, FeedSource
from curator.credits import (
    OTHERS,
    credited,
    is_organisation,
    name_key,
    norm_name,
    paid_label,
    publication_like,
    same_name,
)
from curator.deps import page_reader
from curator.extract import (
    clean_authors,
    extract,
    resembles_site,
    strip_site_name,
    weak_site_name,
)
from curator.fetch import FetchRequest, FetchSettings, fetch_all
from curator.htmltext import name_text, read_feed_html
from curator.models import FEED_CODE, Article, Entry, Page
from curator.netguard import unreachable_reason
from curator.urls import (
    amp_origin,
    cdn_of,
    clean_url,
    platform_of,
    platform_place,
    safe_url,
    site_of,
    url_key,
)


def keyed_entries(entries: Sequence[Entry]) -> dict[str, Entry]:
    """Entries by the identity of their link, first one kept; entries with no link are dropped
    (there is nothing to link the reader to). Links that differ only in their fragment ("#one",
    "#two") are one page, so one article (`same_page_entries` counts the others)."""
    keyed: dict[str, Entry] = {}
    for entry in entries:
        if not entry.link:
            continue
        keyed.setdefault(url_key(entry.link), entry)
    return keyed


def same_page_entries(entries: Sequence[Entry]) -> int:
    """How many entries with a link point at the same page as an earlier entry (`keyed_entries`
    keeps only the first)."""
    return sum(1 for e in entries if e.link) - len(keyed_entries(entries))


#: The last segments of a link that make it another copy of the page above it (the AMP,
#: printable or comments view, its index file, a later page of it), not an article of that
#: section: "/story/amp/" names "/story" as its address rightly.
_COPY_SEGMENTS = frozenset(
    {"amp", "print", "comments", "index.html", "index.htm", "index.php", "page", "all"}
)


def _key_parts(key: str) -> tuple[str, str, str]:
    """(host, path, query) of a `url_key`."""
    host, _, rest = key.partition("/")
    path, _, query = f"/{rest}".partition("?")
    return host, path, query


def is_above(url: str, link: str) -> bool:
    """Whether `url` is a page above the one at `link`, not another address of it: the front page
    of any site, or a section of the link's site that the link lies under ("/blog/" above
    "/blog/2026/post.html"). Not a copy's own page ("/story" above "/story/amp/")."""
    target, own = url_key(url), url_key(link)
    if target == own:
        return False
    host, path, query = _key_parts(target)
    if path == "/" and not query:
        return True
    own_host, own_path, _ = _key_parts(own)
    if query or host != own_host or not own_path.startswith(f"{path}/"):
        return False
    return not _copy_tail(own_path[len(path) + 1 :])


def _copy_tail(tail_path: str) -> bool:
    """Whether the rest of a link below a page ("amp/", "page/2") makes it a copy of that page."""
    tail = [s for s in tail_path.lower().split("/") if s]
    return all(s in _COPY_SEGMENTS or (s.isdigit() and "page" in tail) for s in tail)


#: The last segment of a path that makes it the page of its folder ("/blog/index.html": "/blog/").
_INDEX_FILES = frozenset(
    {"index.html", "index.htm", "index.shtml", "index.php", "index.asp", "index.aspx"}
    | {"default.asp", "default.aspx", "default.htm", "default.html"}
)
#: A path segment that begins a listing of articles, when at most one segment follows it
#: ("/tags/cx/", "/blog/category/news", "/author/jane-roe/", "/topics/"); and query parameters
#: that make one ("/?cat=3", "/?tag=cx").
_LISTING_SEGMENTS = frozenset(
    {"tag", "tags", "category", "categories", "topic", "topics", "label", "labels"}
    | {"author", "authors", "archive", "archives"}
)
_LISTING_PARAMS = frozenset({"tag", "cat", "category", "author", "label"})


def is_listing(url: str, link: str) -> bool:
    """Whether `url` is a page listing articles, so not the address of the one at `link` (walk35
    #1: every page of a blog named "/blog/index.html" or its tag page "/tags/cx/"): an index file
    other than the link's own page or a copy of it ("/story/index.html" for "/story/amp/" is
    the story's), a tag, category, topic, author or archive page, unless the link is that page."""
    target, own = url_key(url), url_key(link)
    if target == own:
        return False
    host, path, query = _key_parts(target)
    own_host, own_path, _ = _key_parts(own)
    segments = [s for s in path.split("/") if s]
    if segments and segments[-1].lower() in _INDEX_FILES:
        folder = "/" + "/".join(segments[:-1])
        if host == own_host and not query:
            if own_path == folder:
                return False
            if own_path.startswith(f"{folder.rstrip('/')}/") and _copy_tail(
                own_path[len(folder.rstrip("/")) + 1 :]
            ):
                return False
        return True
    if host == own_host and own_path.startswith(f"{path}/"):
        return False  # the link lies under it: an article of the listing has its own rules
    lowered = [s.lower() for s in segments]
    if any(s in _LISTING_SEGMENTS for s in lowered[-2:]):
        return True
    params = {name.lower() for name, _, _ in (p.partition("=") for p in query.split("&") if p)}
    return bool(params & _LISTING_PARAMS) and not params & {"p", "id", "article", "post"}


def above_or_listing(url: str, link: str) -> bool:
    """Whether a page naming `url` as its address while at `link` names a page above it
    (`is_above`) or a listing of articles (`is_listing`): not its address."""
    return is_above(url, link) or is_listing(url, link)


def other_story(title: str | None, stored: str | None) -> bool:
    """Whether an entry's title is not an article's, in words (case, punctuation and a site's
    name the stored title lost at its end aside): another story; not when either is missing."""
    words, before = (
        " ".join(re.findall(r"\w+", t.casefold())) for t in (title or "", stored or "")
    )
    return bool(words and before) and not (words.startswith(before) or before.startswith(words))


def _title_words(title: str) -> set[str]:
    return {w for w in re.findall(r"\w+", title.casefold()) if len(w) > 2 or w.isdigit()}


def shares_little(title: str, headline: str) -> bool:
    """Whether a feed entry's title and its page's headline share too few words to be one story's:
    under a third of the shorter's words (of three letters or more) are in the other; not when
    either has fewer than two such words (a headline of one word says too little)."""
    words, other = _title_words(title), _title_words(headline)
    if len(words) < 2 or len(other) < 2:
        return False
    return len(words & other) * 3 < min(len(words), len(other))


def canonical_of(page: Page | None) -> str | None:
    """The page's canonical URL when it is an http(s) one we may publish, else None."""
    canonical = safe_url(page.canonical_url) if page and page.canonical_url else None
    return canonical if canonical and canonical.startswith(("http://", "https://")) else None


def read_at(page: Page | None, key: str) -> bool:
    """Whether the page was read at the address of URL key `key`: its link redirected there (by
    HTTP, a meta refresh or a script, `fetch._meta_refresh`), so what was read is the page at that
    address, the same article whatever title another entry gives it (walk103 #2)."""
    address = safe_url(page.url) if page and page.url else None
    return bool(address) and url_key(address or "") == key


def page_address(page: Page | None, link: str | None = None) -> str | None:
    """The address a page gives as its own (`canonical_of`), else the one it was read at when
    that is another than `link` (the entry's link redirected there: a tracker's `/r/3` to
    `/a/3`, walk90 #1), http(s) only; None when neither. Without a `link`, the page's address.
    Neither when it moves the link onto an address readers cannot reach (`unreachable_move`)."""
    origin = link or (page.url if page else None)
    if (canonical := canonical_of(page)) and not unreachable_move(canonical, origin):
        return canonical
    final = safe_url(page.url) if page and page.url else None
    if not final or not final.startswith(("http://", "https://")) or _gate(final):
        return None
    if unreachable_move(final, origin):
        return None
    return final if link is None or url_key(final) != url_key(link) else None


def unreachable_move(address: str, origin: str | None) -> str | None:
    """Why `address`, named by the page read at `origin` as its own, is no address to publish:
    it is on `localhost` or a loopback, private, link-local or documentation IP address
    (`netguard.unreachable_reason`), which readers cannot reach, and on another host (or port)
    than `origin` (walk130 #2: a page's canonical http://localhost:8080/2025/why was published).
    A link already on such an address keeps its own host: a feed on the editor's network or a
    test server (`allow_private_addresses: true`) publishes its own links, and a canonical on
    its own host and port. None when it may be published."""
    reason = unreachable_reason(address)
    if reason is None:
        return None
    if origin:
        try:
            here, there = urlsplit(origin).netloc.lower(), urlsplit(address).netloc.lower()
        except ValueError:
            return reason
        if here == there:
            return None
    return reason


def unreachable_note(named: str, why: str, published: str = "the feed's address") -> str:
    """What the editor is told of an address `unreachable_named` refused (walk130 #2)."""
    what = "" if why == "loopback" and "localhost" in named.lower() else f" (a {why} address)"
    return (
        f"its page names {named} as its address{what}, which readers cannot reach:"
        f" {published} is published"
    )


def unreachable_named(page: Page | None, link: str | None) -> tuple[str, str] | None:
    """The address the page at `link` names as its own (its canonical) or redirected to, and
    why, when `page_address` refuses it as one readers cannot reach (`unreachable_move`)."""
    origin = link or (page.url if page else None)
    for address in (canonical_of(page), safe_url(page.url) if page and page.url else None):
        if address and address.startswith(("http://", "https://")):
            reason = unreachable_move(address, origin)
            if reason is not None:
                return address, reason
    return None


#: A page a link may redirect to that is a gate before the article, not the article: a sign-in,
#: a subscription offer, a consent form (`/login?next=/p/8`); its address is never the article's.
#: A whole path segment is the word (`/account/signin`, `/login.php`, `/subscribe`), or a sign-in
#: word after one word (`/user-login`, `/member-signin`), or a known compound (`/my-account`,
#: `/cookie-consent`): never a slug that merely starts or ends with a word of the first kind
#: (`/pages/account-based-customer-experience.html`, walk99 #1b; `/blog/cash-register`,
#: `/blog/customer-account`, `/blog/smart-subscription/`, walk104 #2, are articles).
_GATE_PATH = re.compile(
    r"/(?:log-?in|log-?on|sign-?in|sign-?up|register|subscribe|subscription|account|auth|oauth"
    r"|sso|consent|paywall|gdpr|cookies?"
    r"|[a-z0-9]+[-_](?:log-?in|log-?on|sign-?in|sign-?up)|my[-_]account|cookies?[-_]consent)"
    r"(?:\.[a-z0-9]+)?(?:/|$)",
    re.IGNORECASE,
)
_GATE_QUERY = re.compile(
    r"(?:^|&)(?:next|return|return_?url|return_?to|redirect|redirect_?ur[il]|continue|dest"
    r"|destination|goto|came_?from)=",
    re.IGNORECASE,
)


def _gate(url: str) -> bool:
    parts = urlsplit(url)
    return bool(_GATE_PATH.search(parts.path) or _GATE_QUERY.search(parts.query))


#: Why a page was not read whose link redirected to a sign-in page, a subscription offer or a
#: consent form (`_gate`): what was read is that gate, not the article (walk94 #1: "Sign in |
#: New Desk" was read as the article); the same words for every such page, so the run counts them
#: together.
SIGN_IN_PAGE = (
    "its link leads to a sign-in page (or a subscription or consent form), not the article:"
    " readers may not reach the article"
)


def gated(link: str, final_url: str, page: Page | None = None, content: bytes = b"") -> str | None:
    """The error line (`SIGN_IN_PAGE`) of a page whose link redirected to a gate before the article
    (`_gate`), else None; a link that is itself such an address and was not redirected is read,
    and so is a `page` (read from `content`) at such an address that reads as a full article
    (`reads_as_article`): the address alone does not make a gate (walk107 #2: a redirect to
    `/account/refund-desks`, an article about refund desks, was refused as a sign-in page)."""
    if url_key(final_url) == url_key(link) or not _gate(final_url):
        return None
    if page is not None and reads_as_article(page, content):
        return None
    return SIGN_IN_PAGE


def asks_to_log_in(page: Page, content: bytes) -> bool:
    """Whether a page read at an article's own address is a login wall, not the article: a
    password box, or a gate's title (`_GATE_TITLE`), in a page that does not read as a full
    article (`reads_as_article`) (walk136 #1: "Log in | Service Daily", "Subscribers only")."""
    if reads_as_article(page, content):
        return False
    return bool(_PASSWORD_FIELD.search(content) or _GATE_TITLE.search((page.title or "").strip()))


#: The least text a page at a gate's address (`_gate`) holds to read as the article it is: a
#: sign-in, subscription or consent page says what it asks in a sentence or two (walk94's and
#: walk99's hold under 200 characters), an article tells its story in several paragraphs.
GATE_ARTICLE_MIN_CHARS = 800
#: A password box: a page asking for one is a sign-in page, however much text it carries.
_PASSWORD_FIELD = re.compile(rb"<input\b[^>]*\btype\s*=\s*[\"']?password\b", re.IGNORECASE)
#: A title that names a gate ("Sign in | Zeta Post", "Subscribe to read", "Create your account",
#: "Cookie consent"), not an article's headline.
_GATE_TITLE = re.compile(
    r"^\W*(?:sign[-\s]?in|sign[-\s]?up|sign[-\s]?on|log[-\s]?in|log[-\s]?on|register|subscribe"
    r"|my\s+account|create\s+(?:an?\s+|your\s+)?(?:free\s+)?account"
    r"|cookies?\s+(?:consent|settings|preferences)|consent|privacy\s+(?:choices|settings))\b",
    re.IGNORECASE,
)


def reads_as_article(page: Page, content: bytes) -> bool:
    """Whether a page reads as a full article, not a gate before one: a title of its own (not a
    gate's, `_GATE_TITLE`), text of an article's length (`GATE_ARTICLE_MIN_CHARS`) and no
    password box (`_PASSWORD_FIELD`) in its HTML `content`."""
    title = (page.title or "").strip()
    return (
        bool(title)
        and not _GATE_TITLE.search(title)
        and len(page.text or "") >= GATE_ARTICLE_MIN_CHARS
        and not _PASSWORD_FIELD.search(content)
    )


#: The store keeps a canonical URL that several pages of a feed named as their own (a section, a
#: front page) under this prefix and its URL key, beside the article of the first of them: a page
#: naming it in a later run keeps its own link too.
SHARED_CANONICAL = "shared-canonical:"


def shared_mark(canonical_key: str) -> str:
    return f"{SHARED_CANONICAL}{canonical_key}"


@dataclass
class PageBatch:
    """Pages read in one run, by the entry link they were read for."""

    pages: dict[str, Page] = field(default_factory=dict)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header ("text/html; charset=ISO-8859-1")."""
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_page(content: bytes, url: str, content_type: str | None) -> Page:
    """An article page as the build reads it: extracted in the charset its server named (a Latin-1
    page sent as "text/html; charset=ISO-8859-1" without a <meta charset> reads as Latin-1).
    `curator extract URL` shows exactly this."""
    return extract(content, url, charset=charset_of(content_type))


def wants_pages(config: Config, source: FeedSource) -> bool:
    return source.fetch_pages if source.fetch_pages is not None else config.settings.fetch_pages


#: Why a page was not read whose link was sent to the site's front page, or a section above it:
#: the article is gone (its site sends dead links home), as a 404 would say; the same words for
#: every such page, so that the run counts them together.
REDIRECTED_AWAY = "a redirect to the site's front page or a section above the article: it is gone"


def redirected_away(link: str, final_url: str) -> str | None:
    """The error line of a page whose link redirected to a page above it (`is_above`: the front
    page, a section the link lies under), else None."""
    if final_url == link or not is_above(final_url, link):
        return None
    return f"{REDIRECTED_AWAY} ({final_url})"


#: Why a page was not read whose server answered 200 but which says it is not there ("Page not
#: found" as its title or first heading, and little else: a "soft 404", walk90 #6): the same words
#: for every such page, so that the run counts them together.
SOFT_404 = (
    "the page says it was not found, though its server answered 200 OK: the article may have"
    " moved or been removed"
)

#: A title or heading saying the page is missing: "Page not found", "404", "Error 404 - Not
#: Found", "This article is no longer available", "The page you are looking for does not exist",
#: "Hmm, we can't seem to find that story", "That page could not be found", "This post no longer
#: exists", "Oops! Not found" (walk94 #2); not "Oops!" alone, nor "Lost and not found: ...".
_CANNOT = r"(?:can\s*not|can['’]?t|could\s*n[o'’]?t)"
#: "no longer exists" and "no longer available" end ordinary sentences too ("Why the Minitel no
#: longer exists", walk107 #3): they say a page is missing only after the word for it ("This page
#: no longer exists", "The article you requested is no longer available"), as in the other
#: languages (`_PAGE_NOUN`); a page word followed by a number names a thing, not the page
#: ("Article 50 no longer exists", `_NOT_NUMBERED`).
_NOT_NUMBERED = r"(?!\s*\d)"
_PAGE_NOUN_EN = rf"\b(?:page|article|story|post|content|link){_NOT_NUMBERED}\b"
_MISSING_PAGE = re.compile(
    r"^\W*(?:error\s*)?404\b|\b(?:page|article|story|post|content)\s+not\s+found\b"
    r"|^\W*(?:oops\W+)?not\s+found\b"
    rf"|{_PAGE_NOUN_EN}[\w\s'’]{{0,30}}\b(?:(?:does\s*n[o'’]t|no\s+longer)\s+exists?"
    r"|no\s+longer\s+available)\b"
    rf"|\b{_CANNOT}\s+be\s+found\b|\b(?:we|i)\s+{_CANNOT}\s+(?:seem\s+to\s+)?find\b"
    rf"|\b{_CANNOT}\s+(?:seem\s+to\s+)?find\s+(?:that|this|the|your|what)\b[\w\s'’]{{0,20}}"
    r"\b(?:page|story|article|post|content|looking)\b",
    re.IGNORECASE,
)

#: The same in French, German, Spanish, Italian, Portuguese and Dutch (walk100 #2: "Oups, nous ne
#: trouvons pas cet article", "Diese Seite gibt es leider nicht mehr", "Lo sentimos, no
#: encontramos esta página" were published), under the same rule: title or first heading, little
#: text. "Error 404" and "page introuvable" stand alone; a phrase that also ends ordinary
#: sentences ("n'existe plus", "existiert nicht mehr", "ya no existe", "nicht gefunden") counts
#: only next to the page it says is missing ("cette page n'existe plus", "l'article n'existe
#: plus", "no encontramos esta página"): "Pourquoi le Minitel n'existe plus" is a headline
#: (walk104 #6), and so is "L'article 49.3 n'existe plus", whose page word is numbered (walk107 #3).
_PAGE_NOUN = (
    r"\b(?:page|article|contenu|lien|ressource|publication|seite|artikel|inhalt|beitrag|dokument"
    r"|p[áa]gina|art[íi]culo|contenido|enlace|publicaci[óo]n|noticia|articolo|contenuto|notizia"
    rf"|conte[úu]do|artigo|not[íi]cia|publica[çc][ãa]o|inhoud|bericht)\b{_NOT_NUMBERED}"
)
_MISSING_PHRASE = (
    # fr
    r"\bn['’]\s*existe\s+(?:plus|pas)\b|\bnous\s+ne\s+(?:trouvons|pouvons\s+pas\s+trouver)\b"
    r"|\bimpossible\s+de\s+trouver\b|\best\s+introuvable\b"
    # de
    r"|\bnicht\s+(?:mehr\s+)?gefunden\b|\bexistiert\s+(?:leider\s+)?(?:nicht|nicht\s+mehr)\b"
    r"|\bgibt\s+es\s+(?:leider\s+)?nicht\s+mehr\b|\bnicht\s+mehr\s+verf[üu]gbar\b"
    # es
    r"|\bno\s+(?:encontrad[ao]|encontramos|hemos\s+encontrado|pudimos\s+encontrar"
    r"|se\s+(?:ha\s+)?(?:encontr[óo]|encontrado|encuentra)|existe)\b"
    r"|\bya\s+no\s+(?:existe|est[áa]\s+disponible)\b"
    # it
    r"|\bnon\s+(?:trovat[ao]|esiste|abbiamo\s+trovato|[èe]\s+stat[ao]\s+trovat[ao]"
    r"|[èe]\s+pi[ùu]\s+disponibile)\b|\bimpossibile\s+trovare\b"
    # pt
    r"|\bn[ãa]o\s+(?:encontrad[ao]|encontramos|existe|foi\s+encontrad[ao]"
    r"|conseguimos\s+encontrar|est[áa]\s+mais\s+dispon[íi]vel)\b"
    # nl
    r"|\bniet\s+(?:meer\s+)?(?:gevonden|beschikbaar)\b|\bbestaat\s+niet\b"
    r"|\b(?:kunnen|konden)\s+we\b[\w\s]{0,30}\bniet\s+vinden\b"
)
_MISSING_PAGE_ELSEWHERE = re.compile(
    r"\b(?:erreur|fehler|errore|erro|fout)\s*404\b"
    r"|\b(?:page|article|contenu|lien)\s+(?:est\s+)?(?:introuvable|non\s+trouv[ée]e?)\b"
    rf"|{_PAGE_NOUN}[^.!?|:]{{0,60}}?(?:{_MISSING_PHRASE})"
    rf"|(?:{_MISSING_PHRASE})[^.!?|:]{{0,40}}?{_PAGE_NOUN}",
    re.IGNORECASE,
)

#: The most text a page saying it is missing may have (an article that merely mentions a "page not
#: found" in its headline has its story below it).
SOFT_404_MAX_CHARS = 600

#: How many words after a not-found phrase and a colon (or a dash) make a headline: "Page Not
#: Found: Five Error Screens Customers Hate" (walk99 #1) and "Sorry, we couldn't find that page — a
#: customer service story" (walk116 #2) are articles' titles, not notices; a notice is the phrase
#: alone or with the site's name ("Page not found | Site", "404 - Site", "Error 404: Not found",
#: "Error 404: The page you requested could not be found").
_HEADLINE_WORDS = 4
#: What parts a headline's lead from the rest of it: a colon, or a dash between words.
_HEADLINE_SPLIT = re.compile(r":|\s[-–—]\s|[–—]")
#: A page with this many paragraphs of an article's (`_ARTICLE_PARAGRAPH_WORDS` words or more,
#: ending as a sentence, none saying the page is missing) tells a story: a notice says one thing
#: and points elsewhere (walk116 #2: two full paragraphs under "Sorry, we couldn't find that page —
#: ...", 290 characters, were thrown away as a soft 404).
_ARTICLE_PARAGRAPHS = 2
_ARTICLE_PARAGRAPH_WORDS = 12
#: The same for a text without spaces between words (Chinese, Japanese): its characters.
_ARTICLE_PARAGRAPH_CHARS = 40


def _says_missing(said: str) -> bool:
    # (the soft 404's own phrases, in every language it knows)
    return bool(_MISSING_PAGE.search(said) or _MISSING_PAGE_ELSEWHERE.search(said))


def _headline(page: Page) -> bool:
    """Whether the page's title or first heading opens with a not-found phrase and goes on, after
    a colon or a dash, with a headline that is not one (`_HEADLINE_WORDS`) nor the site's name:
    an article about such pages."""
    names = {n.casefold() for n in (*page.site_names, page.publication or "") if n}
    for said in (page.title, page.headings[0] if page.headings else None):
        parts = _HEADLINE_SPLIT.split(said or "", maxsplit=1)
        if len(parts) < 2:
            continue
        lead, rest = parts
        words = len(re.findall(r"\w+", rest))
        if (
            words >= _HEADLINE_WORDS
            and _says_missing(lead)
            and not _says_missing(rest)
            and rest.strip().casefold() not in names
        ):
            return True
    return False


def _article_length(text: str | None) -> bool:
    """Whether `text` holds paragraphs of an article's (`_ARTICLE_PARAGRAPHS`)."""
    told = 0
    for paragraph in re.split(r"\n\s*\n", text or ""):
        paragraph = " ".join(paragraph.split())
        long = len(paragraph.split()) >= _ARTICLE_PARAGRAPH_WORDS or (
            len(paragraph) >= _ARTICLE_PARAGRAPH_CHARS and " " not in paragraph
        )
        if long and paragraph.endswith((".", "!", "?", "。", "！", "？")):
            told += not _says_missing(paragraph)
    return told >= _ARTICLE_PARAGRAPHS


def soft_404(page: Page) -> str | None:
    """The error line (`SOFT_404`) of a page whose title or first heading says it is missing and
    whose text is short (`SOFT_404_MAX_CHARS`) and no article's (`_headline`, `_article_length`),
    else None."""
    if len(page.text or "") > SOFT_404_MAX_CHARS or _headline(page) or _article_length(page.text):
        return None
    for said in (page.title, page.headings[0] if page.headings else None):
        if said and _says_missing(said):
            return SOFT_404
    return None


def read_pages(links: Sequence[str], settings: FetchSettings) -> tuple[PageBatch, dict[str, str]]:
    """The pages at `links` (http(s) only) read as the build reads them, and why each of the
    others could not be read (link -> the fetch's reason)."""
    batch = PageBatch()
    errors: dict[str, str] = {}
    if not links:
        return batch, errors
    page_reader()  # a broken installation stops the run here, before any page is fetched
    requests = [FetchRequest(link, kind="page") for link in links]
    for link, result in zip(links, fetch_all(requests, settings), strict=True):
        if result.ok and result.content and (away := redirected_away(link, result.final_url)):
            errors[link] = away
        elif result.ok and result.content:
            page = read_page(result.content, result.final_url, result.content_type)
            if gate := gated(link, result.final_url, page, result.content):
                errors[link] = gate
            elif missing := soft_404(page):
                errors[link] = missing
            else:
                batch.pages[link] = page
        else:
            errors[link] = result.error or "the page is empty"
    return batch, errors


@dataclass(frozen=True)
class Built:
    """New articles from one feed, keyed by URL identity, and the feed links that lead to them."""

    articles: tuple[tuple[str, Article], ...]
    #: The feed link's key -> the article's key (another where the page named another, canonical,
    #: URL); and each canonical refused as shared (`shared_mark`) -> the first article naming it.
    aliases: dict[str, str]
    #: New entries left out because neither the feed nor the page gave them a title.
    untitled: int = 0
    #: New entries whose page named another new entry's link as its address: that article, kept once.
    duplicates: int = 0
    #: The links of new entries whose feed title was too long to be one (`MAX_TITLE_CHARS`) and
    #: whose page gave none to use instead: their title was cut at a word.
    cut_titles: tuple[str, ...] = ()
    #: The links of new entries whose page reads as a list of posts (a blog's front page), not one
    #: article (`blurb.listed_posts`): their blurb may join several posts.
    post_lists: tuple[str, ...] = ()
    #: New entries of a local feed whose local page named no web address (no canonical link): no
    #: http(s) link to publish, so left out like an entry without a link (walk61 #2).
    unlinked: int = 0
    #: The links of the `untitled` entries (each said once: `FeedReport.skipped_before`).
    untitled_links: tuple[str, ...] = ()
    #: The links of new entries whose title is the feed's, which held markup that was removed
    #: (`Entry.title_markup`): said, not lost without a word (walk63 #2).
    markup_titles: tuple[str, ...] = ()
    #: Of those, the titles that lost words with their markup (`Entry.title_lost`): (the entry's
    #: link, the title published, the words lost), each said (walk109 #2).
    lost_titles: tuple[tuple[str, str, str], ...] = ()
    #: New entries whose author field held markup no name is made of, not used as a credit: (the
    #: entry's link, the title published, why: `Entry.author_markup`), each said (walk110 #6).
    markup_credits: tuple[tuple[str, str, str], ...] = ()
    #: New entries whose page named as its own address (canonical, or a redirect's target) one
    #: readers cannot reach (`unreachable_move`): (the entry's link, the title published, that
    #: address, why): published at the link, each said (walk130 #2).
    unreachable: tuple[tuple[str, str, str, str], ...] = ()
    #: New entries published at the address their page names as its own (its canonical) on
    #: another site than the feed's link and the address read: (the entry's link, the title
    #: published, the address published), each said (walk162 #6: `https://evil.example/steal`
    #: replaced the feed's link without a word).
    elsewhere: tuple[tuple[str, str, str], ...] = ()
    #: New entries whose page's canonical link, relative, its `<base href>` put on another site
    #: than the page's, so not used (`Page.base_canonical`): (the entry's link, the title
    #: published, the address it resolved to, the base, the address published), each said
    #: (walk162 #5).
    base_refused: tuple[tuple[str, str, str, str, str], ...] = ()


def canonical_elsewhere(page: Page | None, link: str | None, published: str) -> bool:
    """Whether `published`, an article's address, is its page's canonical on another site than
    both the entry's `link` and the address the page was read at (a redirect's target).

    A page read from a file (a saved copy, as README's demo's pages are) is on no site: its
    canonical is the only address it has, so nothing is said of it."""
    canonical = canonical_of(page)
    if not link or page is None or not canonical or url_key(canonical) != url_key(published):
        return False
    read_at = page.url or link
    if not all(a.lower().startswith(("http://", "https://")) for a in (link, read_at)):
        return False
    return site_of(canonical) not in (site_of(link), site_of(read_at))


def elsewhere_note(published: str, link: str) -> str:
    """What the editor is told of an article published at another site's address (walk162 #6)."""
    return (
        f"its page names {published} as its address, on another site than the feed's link"
        f" ({link}): that address is published; if it is not the article's, publish the feed's"
        ' link instead (a draft\'s url: line, or once published the "url" of issue-N.json and'
        " `curator render N`)"
    )


def base_refused_note(
    address: str, base: str, published: str, link: str, given: str = "the feed's link"
) -> str:
    """What the editor is told of a canonical link its page's `<base href>` put on another site
    (walk162 #5): not used, and the address published instead (`given`, the entry's `link`,
    kept; else the one the page was read at, or its og:url)."""
    kept = (
        f"{given} is kept" if url_key(published) == url_key(link) else f"{published} is published"
    )
    return f"{base_refused_said(address, base)}; {kept}"


def base_refused_said(address: str, base: str) -> str:
    """`base_refused_note`'s opening: what the page's `<base href>` made of its canonical."""
    return (
        f'its page\'s canonical link resolves through its <base href="{base}"> to {address}, on'
        " another site than the page's: not used as its address"
    )


def shared_canonicals(
    entries: Sequence[Entry],
    pages: PageBatch,
    known: Collection[str] = (),
    articles: Collection[str] = (),
) -> set[str]:
    """The URL keys of the canonical URLs that are not the address of the page naming them
    because several entries' pages name them (a section every page of a blog names), in this
    fetch or before (`known`, the keys stored as shared). Not when the canonical is the link of
    an entry of the fetch or a stored article's address (`articles`): its copies (AMP, a
    tracking address) are that article, and other stories are told by their titles."""
    links = {url_key(e.link) for e in entries if e.link} | set(articles)
    named: Counter[str] = Counter()
    for entry in entries:
        canonical = page_address(pages.pages.get(entry.link or ""), entry.link)
        if canonical and entry.link and not above_or_listing(canonical, entry.link):
            key = url_key(canonical)
            if key != url_key(entry.link):
                named[key] += 1
    return {k for k, n in named.items() if k not in links and (n > 1 or k in known)}


#: The longest feed title taken as a title: headlines run to about 150 characters, so one longer
#: is something else in the title field (a whole post, or an attack: walk32 #1 had 1 MB).
MAX_TITLE_CHARS = 300


def _sane(title: str | None) -> bool:
    return bool(title) and len(title or "") <= MAX_TITLE_CHARS


def title_cut(entry: Entry, page: Page | None) -> bool:
    """Whether the entry's title is too long to be one and the page gives no sane title to use
    instead: the article's title is then the feed's cut at a word (`cut_title`)."""
    return bool(entry.title) and not _sane(entry.title) and not (page and _sane(page.title))


def feed_title_markup(entry: Entry, page: Page | None) -> bool:
    """Whether the article's title is the entry's feed title and that held markup, removed: one
    too long to be a title gives way to the page's (`merge`), so its markup is not published."""
    used = bool(entry.title) and not (not _sane(entry.title) and page and _sane(page.title))
    return entry.title_markup and used


def cut_title(title: str) -> str:
    """`title` cut at a word to at most `MAX_TITLE_CHARS`, ending in "…"."""
    head = title[: MAX_TITLE_CHARS - 1]
    space = head.rfind(" ")
    if space > MAX_TITLE_CHARS // 2:
        head = head[:space]
    return head.rstrip(" ,;:-–—") + "…"


def build_articles(
    entries: Sequence[Entry],
    *,
    source: FeedSource,
    feed_title: str | None,
    pages: PageBatch,
    now: datetime,
    shared_before: Collection[str] = (),
    stored_titles: Mapping[str, str] | None = None,
) -> Built:
    """Articles for new entries; entries with no usable title are left out (and counted), and
    so are entries whose page names another's link as its address (that article, kept once). A
    canonical URL several pages name (`shared_canonicals`; `shared_before`: the keys stored as
    such) is not their address: each keeps its own link. Nor is one that is the address of an
    article with another title (`other_story`): a stored one (`stored_titles`: URL key -> the
    title of the article stored at it) or another entry's of this fetch; unless the link
    redirected there (`read_at`): the page read is that article's, so the two are one."""
    built: dict[str, Article] = {}
    aliases: dict[str, str] = {}
    untitled = duplicates = unlinked = 0
    untitled_links: list[str] = []
    cut: list[str] = []
    lists: list[str] = []
    markup: list[str] = []
    lost: list[tuple[str, str, str]] = []
    credits: list[tuple[str, str, str]] = []
    unreachable: list[tuple[str, str, str, str]] = []
    elsewhere: list[tuple[str, str, str]] = []
    based: list[tuple[str, str, str, str, str]] = []
    shared = shared_canonicals(entries, pages, shared_before, stored_titles or {})
    titles = {**{url_key(e.link): e.title for e in entries if e.link}, **(stored_titles or {})}
    for entry in entries:
        page = pages.pages.get(entry.link or "")
        refused: Collection[str] = shared
        if entry.link and (canonical := page_address(page, entry.link)):
            key = url_key(canonical)
            if (
                key != url_key(entry.link)
                and not read_at(page, key)
                and other_story(entry.title, titles.get(key))
            ):
                refused = shared | {key}
        article = merge(entry, page, source=source, feed_title=feed_title, now=now, refused=refused)
        if article is None:
            untitled += 1
            untitled_links.append(entry.link or "")
            continue
        if not article.url.startswith(("http://", "https://")):
            unlinked += 1
            continue
        if title_cut(entry, page):
            cut.append(entry.link or article.url)
        if article.post_list:
            lists.append(entry.link or article.url)
        if feed_title_markup(entry, page):
            markup.append(entry.link or article.url)
            if entry.title_lost:
                lost.append((entry.link or article.url, article.title, entry.title_lost))
        if entry.author_markup and not entry.via:
            credits.append((entry.link or article.url, article.title, entry.author_markup))
        if entry.link and (named := unreachable_named(page, entry.link)):
            unreachable.append((entry.link, article.title, *named))
        if entry.link and canonical_elsewhere(page, entry.link, article.url):
            elsewhere.append((entry.link, article.title, article.url))
        if entry.link and page is not None and page.base_canonical:
            based.append((entry.link, article.title, *page.base_canonical, article.url))
        key = url_key(article.url)
        if key in built:
            duplicates += 1
        else:
            built[key] = article
        aliases[url_key(entry.link or article.url)] = key
        if (canonical := page_address(page, entry.link)) and url_key(canonical) in shared:
            aliases.setdefault(shared_mark(url_key(canonical)), key)
    return Built(
        tuple(built.items()),
        aliases,
        untitled,
        duplicates,
        tuple(cut),
        tuple(lists),
        unlinked=unlinked,
        untitled_links=tuple(untitled_links),
        markup_titles=tuple(markup),
        lost_titles=tuple(lost),
        markup_credits=tuple(credits),
        unreachable=tuple(unreachable),
        elsewhere=tuple(elsewhere),
        base_refused=tuple(based),
    )


def page_or_feed_name(site: str | None, feed_title: str | None, url: str) -> str | None:
    """The publication of an article of a feed: the page's site name, else the feed's title; the
    feed's title also when the page's name does not resemble the article's registrable domain
    while the feed's does and does not contain the page's name (a section such as Reuters'
    "U.S." under the feed "Reuters"; "Voodoo Engineering" under "Voodoo Engineering - Medium"
    stays). Where the address cannot tell (an IP address, a hosting platform), the page's name.
    The feed's title too when the page's name is only a domain ("zendo.example") or a tagline
    (walk112 #4, #5: `extract.weak_site_name`), unless the feed's title names another site than
    the article's address while the domain is that address's own (walk139 #6: MSN's feed of a
    copy whose own address is businessinsider.com is credited "businessinsider.com", not "MSN")."""
    if (
        site
        and feed_title
        and weak_site_name(site)
        and not weak_site_name(feed_title)
        and not (site == site_of(url) and resembles_site(feed_title, url) is False)
    ):
        return feed_title
    if (
        site
        and feed_title
        and resembles_site(site, url) is False
        and resembles_site(feed_title, url)
        and f" {norm_name(site)} " not in f" {norm_name(feed_title)} "
    ):
        return feed_title
    return site or feed_title


def feed_publication(
    name: str | None, site: str | None, feed_title: str | None, url: str
) -> str | None:
    """The publication of an article of a feed (not a link post): the feed's `name:` when the
    editor gave one, else `page_or_feed_name`. `placement.feed_names` works it out again at draft
    and build from the stored site name, so that a `name:` changed after a fetch reaches the
    articles stored before."""
    return name or page_or_feed_name(site or None, feed_title, url) or address_name(url)


def address_name(url: str | None) -> str | None:
    """The site's name its address gives when nothing else names it ("exitsurveys.example" for
    https://www.exitsurveys.example/...: its registrable domain, `site_of`), the last of a
    publication's sources as README lists them (walk123 #1: an article added to a draft by its
    address, whose page named no site, was published with no credit line at all). None for an
    address that names no site: an IP address, a single name ("localhost"). An international
    name is shown as its readers write it ("bücher.example", not "xn--bcher-kva.example":
    walk130 #7); a blog on a hosting platform is its own site ("janedoe.substack.com",
    "janedoe.neocities.org"), a page at the platform's own address the platform's ("medium.com"
    for medium.com/@janedoe/why: `address_credit` says so)."""
    domain = site_of(url) if url and "://" in url else None
    if not domain or "." not in domain or ":" in domain or domain.replace(".", "").isdigit():
        return None
    return ".".join(_unicode_label(label) for label in domain.split("."))


def address_credit(url: str | None) -> tuple[str, str]:
    """What a publication that is `url`'s address (`address_name`) is, and what neither its page
    nor a feed named, in words for a message: ("the site's address", "the site"); for a page at
    a hosting platform's own address, the platform's, not a blog's (walk137 #5: an article at
    medium.com/@janedoe/why was credited "medium.com", said to be "the site's address"): ("the
    address of the platform it is posted on", "the blog or publication (its address puts it
    under medium.com/@janedoe)"). For a content-delivery network's address (`urls.cdn_of`),
    that it is one."""
    if cdn_of(url) is not None:
        # "d1a2b3c4d5e6f7.cloudfront.net" (walk167 #9): a network's address that serves some
        # site's files, no name a reader knows the site by
        return (
            f"the address of a content-delivery network ({cdn_of(url)}) that serves the site's"
            " pages, not the site's name",
            "the site",
        )
    if platform_of(url) is None:
        return "the site's address", "the site"
    place = platform_place(url)
    return (
        "the address of the platform it is posted on",
        "the blog or publication" + (f" (its address puts it under {place})" if place else ""),
    )


def platform_credit(publication: str | None, site_name: str | None, url: str) -> str:
    """What the editor is told of a publication that is a hosting platform's own name as the page
    declares it ("Substack", "WordPress.com", "Ghost"; `extract_rules.HOSTING_PLATFORMS`) where no
    blog's name was found in its <title> and its address is no blog's on the platform (walk167 #7:
    "Jane Roe || Substack" was published without a word): that it names the platform, and how to
    correct it, in words after '"Substack" is '. "" for any other publication, and for a page at
    the platform's own address (medium.com/@janedoe/why: a person's page on the platform, credited
    to the platform it declares, README)."""
    if not publication or publication != site_name or platform_of(url) is not None:
        return ""
    if norm_name(publication) not in rules.HOSTING_PLATFORMS:
        return ""
    address = address_name(url)
    where = (
        f"its page names no blog, and its address is {address}"
        if address
        else "neither its page nor its address names the blog"
    )
    return f"the name of the platform that hosts the blog, not the blog's: {where}"


def _unicode_label(label: str) -> str:
    """A label of a host name as Unicode ("bücher" for "xn--bcher-kva"); as it is when it is not
    valid punycode (IDNA 2003, the standard library's codec)."""
    if not label.startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except UnicodeError:
        return label


def page_title(page: Page, publication: str | None) -> str:
    """The page's title as an issue shows it: without a segment at either end that names the
    site (" | eHow", "TheHill | ...") -- the publication credited, any name the page declares for
    its site, its registrable domain whole or as a word (`Page.site_names`) -- nor a byline
    segment that such a name follows (" - John C. Welch - Medium"). `Page.title` keeps them, as
    the page writes it (the figure `benchmarks/extract.py` measures against Readability's)."""
    names = [publication, *page.site_names] if publication else list(page.site_names)
    # A word of a site's name names it too: "Digitizing CX | Acme" on "Acme Insights" (walk165 #5).
    names += [w for n in names for w in _name_words(n)]
    title = strip_site_name(page.title or "", names, page.authors)
    if title != (page.title or "") and _fuller(page.headline, title, names):
        # The <title> carried the site's name and the page's one <h1> is a fuller headline than
        # what is left ("Digitizing CX" beside "Key Drivers of Customer Experience Digitization").
        title = page.headline
    # "…の成否（写真＝ロイター）": the photo's credit, not the headline's words.
    return rules.TITLE_PHOTO_CREDIT.sub("", title) or title


#: Words of a site's name that name no site alone ("The Daily News": "Daily", "News" do not).
_COMMON_NAME_WORDS = frozenset(
    {
        "the",
        "and",
        "for",
        "news",
        "daily",
        "blog",
        "online",
        "magazine",
        "times",
        "post",
        "journal",
        "weekly",
        "review",
        "today",
        "group",
        "media",
        "press",
        "world",
        "network",
        "digital",
        "official",
        "site",
        "home",
        "page",
    }
)


def _name_words(name: str) -> list[str]:
    """The words of a site's name of two or more words that could name it alone: capitalised,
    three letters or more, not a word many sites' names share ("Acme" of "Acme Insights")."""
    words = name.split()
    if len(words) < 2:
        return []
    return [
        w
        for w in words
        if len(w) >= 3
        and w[:1].isupper()
        and w.isalpha()
        and w.casefold() not in _COMMON_NAME_WORDS
    ]


def _fuller(headline: str, title: str, names: Sequence[str]) -> bool:
    """Whether the page's one <h1> is a fuller headline than `title` (a <title> without the site's
    name): longer by two words or more, of four words or more, and not a name of the site."""
    if not headline or headline == title:
        return False
    words = len(headline.split())
    if words < 4 or words < len(title.split()) + 2:
        return False
    keys = {name_key(n) for n in names}
    return name_key(headline) not in keys


def feed_item_title(
    title: str,
    page: Page | None,
    publication: str | None,
    feed_title: str | None,
    authors: Sequence[str],
    url: str = "",
) -> str:
    """A feed item's title without a segment at its end that names the site or the author ("... |
    Eleanor Ainge Roy", "... – Firefox Nightly News"): the publication credited, the feed's title,
    a name the page gives its site (with no page, the registrable domain of the article's `url`,
    whole or as a word), a person the page or the feed credits. Any other segment
    stays: "Dropbox's ATF - an async task framework" is one title with a dash inside."""
    names = [n for n in (publication, feed_title) if n]
    people = list(authors)
    if page is not None:
        names += page.site_names
        people += page.authors
    else:
        # No page read (fetch_pages: false, or it failed): the article's address still names its
        # site, whole and as a word ("thehill.com", "thehill"), as a page's `site_names` do, so
        # "... | TheHill" goes from a feed-only title as from a page's (walk52 #5).
        domain = site_of(url) if url and "://" in url else None
        if domain and any(c.isalpha() for c in domain.rsplit(".", 1)[0]):
            names += [domain, domain.split(".")[0]]
    return strip_site_name(title, names, people, lead=False)


#: A feed title cut short: "... in U.S. state…", "... signal a...", "... […]".
_CUT_OFF = re.compile(r"\s*(?:\u2026|\.\.\.|\[(?:\u2026|\.\.\.)\])$")
#: Labels a feed puts on a headline, naming what the link shows or that it changed, not what it
#: says ("VIDEO: ...", "... (updated)"). Dropped only when the page's own headline is the rest:
#: a genre label ("Analysis:", "Column:", "Opinion:") tells the reader what kind of piece it is
#: and stays.
_LABEL_LEAD = re.compile(r"^(?:video|watch|photos?|gallery|listen|audio)\s*:\s+", re.I)
_LABEL_END = re.compile(r"\s*[(\[](?:updated?|video|photos?|watch)[)\]]$", re.I)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _plain(text: str) -> str:
    """For comparing two writings of a title: quotes straightened, spaces collapsed, case folded."""
    return " ".join(text.translate(_QUOTES).split()).casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.translate(_QUOTES).casefold())


def _shouting(text: str) -> bool:
    """All capitals, with at least a few letters ("INTENSIFIED ISRAELI SURVEILLANCE ...")."""
    return sum(c.isalpha() for c in text) >= 8 and text == text.upper() and text != text.lower()


def repaired_title(title: str, page: Page | None, publication: str | None) -> str:
    """The page's headline in place of a feed's title that is a damaged copy of it (walk40 #1): cut
    off ("... in U.S. state…" where the page has "... in U.S. States Where Weed is Legal"), in
    capitals where the page writes the same words in normal case, or with a label the page's
    headline does not carry ("VIDEO:", "(updated)": `_LABEL_LEAD`, `_LABEL_END`). The page's
    headline is its title as an issue shows it (`page_title`), else one of its headings (the LA
    Times' <h1> is whole where its <title> is another wording), or in Latin letters that are the
    bytes of the page's script read in the wrong charset ("äøëáú ä÷ìä" for a Hebrew headline, from a
    feed that names the wrong charset: `charsets.misread`, walk151 #2). Any other feed title stays."""
    if page is None:
        return title
    shown = page_title(page, publication) if page.title else ""
    candidates = [c for c in (shown, *page.headings) if c and _sane(c)]
    if not candidates:
        return title
    for candidate in candidates:
        if misread(title, candidate):
            return candidate
    cut = _CUT_OFF.search(title)
    if cut:
        head = _plain(title[: cut.start()])
        if sum(c.isalnum() for c in head) >= 8:
            for candidate in candidates:
                whole = _plain(candidate)
                if whole.startswith(head) and len(whole) > len(head) and not _CUT_OFF.search(whole):
                    return candidate
        return title
    if _shouting(title):
        for candidate in candidates:
            if not _shouting(candidate) and _words(candidate) == _words(title):
                return candidate
        return title
    bare = _LABEL_END.sub("", _LABEL_LEAD.sub("", title))
    if bare != title and bare:
        for candidate in candidates:
            if _plain(candidate) == _plain(bare):
                return candidate
    return title


def merge(
    entry: Entry,
    page: Page | None,
    *,
    source: FeedSource,
    feed_title: str | None,
    now: datetime,
    refused: Collection[str] = (),
) -> Article | None:
    """One article from what the feed and the page say, field by field:

    - url: the page's canonical URL (http/https), else the address the link redirected to
      (`page_address`), over the entry's link, unless the canonical is
      above the link (`is_above`: the front page, a section the link lies under), a listing
      (`is_listing`: an index file, a tag or category page) or one refused (its URL key in
      `refused`: one several pages name, `shared_canonicals`, or another story's address);
      tracking parameters removed.
    - title: the feed's title (feeds carry the clean headline), else the page's.
    - authors: the feed's or the page's people (both already exclude "Admin", "Staff", URLs...),
      as `choose_authors` decides; never the publication's own name (`credits.credited`). The
      feed's are the people of a byline its text opens with (`blurb.opening_byline`) when its own
      credit names no one who wrote it (`house_credit`: a group's account, the publication).
    - publication: the name the editor configured, else the page's site name, else the feed's title;
      the feed's title also when the page's site name does not resemble the article's domain and
      the feed's does (`feed_publication`, `page_or_feed_name`: Reuters pages name a section,
      "U.S."). The page's site name is kept (`Article.site_name`) to work it out again.
    - a title read from the page loses the site's name at either end (`page_title`); the feed's
      own title loses a last segment naming the site, the feed or the author (`feed_item_title`),
      and gives way to the page's headline when it is a damaged copy of it: cut off, in
      capitals, with a label such as "VIDEO:" (`repaired_title`).
    - a link post (`Entry.via`: the feed's item links to another site's article) is that site's
      article: the page's authors and site name, else no author and the site's domain; never the
      feed's author, the feed's title or the name the editor gave the feed.
    - blurb: the page's description or main text, else the feed's summary (without a byline it
      opens with; a podcast's `itunes:subtitle` when both are cut short: `subtitle_blurb_text`);
      for a link post, only the linked article's words (`link_post_blurb`), never the linker's
      commentary.
    """
    link = entry.link or ""
    canonical = page_address(page, link)
    if canonical and link and (above_or_listing(canonical, link) or url_key(canonical) in refused):
        canonical = None
    if canonical:
        url = clean_url(canonical)
    elif link.startswith(("http://", "https://")):
        url = clean_url(amp_origin(link))  # a link to an AMP cache's copy: the page (walk167 #9)
    else:
        url = link
    # The feed's title is plain text already (the parser read its markup once): cleaning it again
    # would read "<div>" in "Using <div> in templates" as a tag. One too long to be a title gives
    # way to the page's, else is cut at a word (`title_cut`).
    long_title = bool(entry.title) and not _sane(entry.title)
    feed_title_used = bool(entry.title) and not (long_title and page and _sane(page.title))
    title = (entry.title if feed_title_used else None) or (
        page.title if page and page.title else ""
    )
    if not title:
        return None
    # a name, cleaned as an author's is (walk87 #3): `Pub <img src=x onerror=...>` is "Pub"
    site = (name_text(page.publication) or None) if page and page.publication else None
    # Each piece of feed HTML is parsed once (this is the costliest step of a large fetch), and read
    # as text (stored) and by paragraph for the blurb, with what it quotes (<blockquote>) set apart:
    # a quoted statement must not read as the author's own words.
    content = read_feed_html(entry.content)
    summary = read_feed_html(entry.summary) if entry.summary else content
    # A byline the post's text opens with ("By: Patrik Höglund") names its author, and is no
    # sentence of its blurb (walk66 #1). When the feed credits a person, a lead run into a
    # sentence is cut only when it names them (walk76 #1: "By Super Bowl Sunday tickets ...").
    from_feed = () if entry.via else feed_credits(entry)
    names = (feed_publication(source.name, site, feed_title, url), site, feed_title)
    people = () if house_credit(from_feed, names) else from_feed
    byline, own_text = opening_byline(content.own, people)
    summary_byline, own_summary = opening_byline(summary.own, people)
    written = clean_authors(byline or summary_byline, strict=True)
    if not written:
        own_text, own_summary = content.own, summary.own
    own_summary = subtitle_blurb_text(own_text, own_summary, entry.subtitle) or own_summary
    others: tuple[str, ...] = ()
    if entry.via:
        publication = site or site_of(url)
        authors, origin = (page.authors, "page") if page and page.authors else ((), "")
        # "Mike Masnick, writing for TechDirt:" over the quote: the post names the article's
        # author and its publication (walk165 #3: credited nobody, published "techdirt.com").
        lead = writing_for(content.own) or writing_for(summary.own)
        if lead and not authors:
            authors, origin = lead[:1], "feed"
        if lead and lead[1] and not site and resembles_site(lead[1], url):
            publication = lead[1]
    else:
        publication = feed_publication(source.name, site, feed_title, url)
        own_site = site_of(source.url) is not None and site_of(source.url) == site_of(url)
        if written and house_credit(from_feed, names):
            from_feed = written
        authors, origin, others = choose_authors(
            from_feed,
            page.authors if page else (),
            names=names,
            own_site=own_site,
            guest=page is not None and page.guest_author,
        )
    if publication:  # the feed's title or the name configured, cleaned as the site's name is
        publication = name_text(publication) or site_of(url) or ""
    kept = credited(tuple(authors), publication)
    taken_for_site = ""
    if authors and not kept and not others:
        # "Zendo" on "Zendo Blog": the names given were the site's own; the draft and the build
        # say so, not that no author was found (walk118 #1)
        others, taken_for_site = tuple(authors), f"{origin or 'feed'}-site"
    elif not authors and not others and page is not None and page.site_authors:
        # "The Churn Letter" as the author of "The Churn Letter" (walk139 #9): the page's name,
        # left out as the site's, is said as such, not only that no author was found
        others, taken_for_site = page.site_authors, "page-site"
    elif not authors and not others:
        # "Sponsored Content" as the author (walk158 #5): no one, and the editor is told it marks
        # paid content, not only that no author was found
        feed_label = next(filter(None, map(paid_label, () if entry.via else entry.authors)), "")
        if feed_label:
            others, taken_for_site = (feed_label,), "feed-paid"
        elif page is not None and page.paid_label:
            others, taken_for_site = (page.paid_label,), "page-paid"
    if kept and not others and origin == "feed" and entry.author_code and not entry.via:
        # `Jane Doe \";alert('XSS');//`: the code after the name is no one's, and the draft and
        # the build say what was left out (walk173 #3)
        others, taken_for_site = (entry.author_code,), FEED_CODE
    authors = kept
    written_for = _written_for(entry.authors, kept, publication) or (
        # the page's own byline "By Bea Kahn for The Compost Gazette" too (fixgk): "for" the
        # page's own site ("for Relay" on Relay's page) says nothing
        _written_for((page.credit_text,), kept, publication, (site or "", *page.site_names))
        if page is not None and page.credit_text
        else ""
    )
    if not feed_title_used and page is not None:
        title = page_title(page, publication)
    elif long_title:
        title = cut_title(title)
    elif not entry.via:
        title = feed_item_title(title, page, publication, feed_title, authors, url)
        title = repaired_title(title, page, publication)
    if entry.via:
        blurb = link_post_blurb(page, summary.quoted or content.quoted, title)
    else:
        blurb = choose_blurb(
            description=page.description if page else None,
            text=(page.text if page else None) or own_text,
            summary=own_summary,
            title=title,
            markup=False,  # each field above is plain text already: a "<div>" in it is a word
            quoted=summary.quoted or content.quoted,
            headings=page.headings if page else (),
            credited=authors,
        )
    return Article(
        id=0,
        url=url,
        title=title,
        authors=tuple(authors),
        publication=publication,
        blurb=blurb,
        summary=summary.text,
        categories=entry.categories,
        # An Atom entry's <updated> (required there; <published> is not) when nothing else
        # dates it: the last time it changed is nearer its date than none (walk49 #5).
        published=entry.published or (page.published if page else None) or entry.updated,
        first_seen=now,
        feed_url=source.url,
        text=page.text if page else None,
        subject_hints=source.subjects,
        authors_from=taken_for_site or (origin if authors else ""),
        other_authors=others,
        site_name=site or "",
        link_post=entry.via is not None,
        # the page's language, else its feed's (walk159 #2: a feed's <language>fa-IR</language>
        # was ignored, and a Persian article whose page says none was published as English)
        language=(page.language if page else "") or entry.language,
        post_list=listed_posts(page.title, page.headings, page.text) if page else 0,
        page_headline=_page_headline(entry, page, canonical, title if feed_title_used else "")
        or _newer_headline(entry, page, publication, title if feed_title_used else ""),
        written_for=written_for,
    )


def _page_headline(entry: Entry, page: Page | None, canonical: str | None, title: str) -> str:
    """The page's headline when the page names another address than the entry's link as its own
    (`canonical`, taken as the article's URL) and the headline shares little with the feed's
    `title` (`shares_little`): the page may be another story (`Article.page_headline`)."""
    link = entry.link or ""
    if not (page and page.title and canonical and title and link) or entry.via:
        return ""
    if url_key(canonical) == url_key(link) or not shares_little(title, page.title):
        return ""
    return " ".join(page.title.split())


def _newer_headline(entry: Entry, page: Page | None, publication: str | None, title: str) -> str:
    """The page's headline when its title (less the site's name, `page_title`) and its first
    heading agree on one whose words are not the feed's `title`'s, yet one story's (not
    `shares_little`): the headline was changed after the feed was written ("Retailer trials new
    returns desk" now "Retailer scraps returns desk after trial", walk90 #4), and the draft says so
    (`Article.page_headline`, told from another story's by `shares_little`)."""
    if not (page and page.title and page.headings and title) or entry.via:
        return ""
    shown = " ".join(page_title(page, publication).split())
    words = _title_words(shown)
    if not words or words != _title_words(page.headings[0]) or words == _title_words(title):
        return ""
    return "" if shares_little(title, shown) else shown


def choose_authors(
    feed: Sequence[str],
    page: Sequence[str],
    *,
    names: Sequence[str | None] = (),
    own_site: bool = False,
    guest: bool = False,
) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """Whom an article credits when its feed entry and its page may each name people: (the
    authors, "feed" or "page" or "", the people the other names whom the credit leaves out).

    - One of them names nobody: the other.
    - The feed's names are a damaged copy of the page's (`charsets.misread`): the page's.
    - The feed names only an organisation -- a news agency ("Reuters"), a desk, the publication
      or the feed's own name (`names`) -- and the page a person: the page's person. An agency in
      dc:creator says where the story came from; the byline says who wrote it. So too when the
      feed names only what reads as a publication ("Support Weekly", `publication_like`), whom
      the draft shows as left out (a surname may read so: "Emily Post").
    - One names everyone the other does, and more ("By Ivan Petrov and Mei Chen" on the page,
      "Ivan Petrov" in the feed; "Jane Roe and 2 others" in the feed, the page naming all three):
      the fuller list; both agree on the rest.
    - The feed names only one-word handles ("jroe") and the page full names ("Jane Roe"): the
      page's, as a page's handle gives way to the feed's full name below; a handle that is no part
      of the page's names ("kumabook") is kept as one left out.
    - The page names a guest (`guest`: "Guest post by Carlos Mendes") and the feed someone else:
      the page's guest. A blog's feed often names its owner as every entry's author; a page that
      says its author is a guest says the feed's name is not theirs.
    - They name different people on the feed's own site (`own_site`: the feed and the article
      share a registrable domain, or a host): the feed's, the publisher's own structured
      statement, where the page's byline is our reading of its markup (benchmarks/extract.py:
      0.79 exact).
    - They name different people otherwise: the page's, when it names people by full name, for
      the credit sits under a link to that page and a reader who follows it sees that byline (a
      feed that carries other sites' stories names whoever posted them); else the feed's (a
      page's one-word handle). Either way the people left out are kept (`Article.other_authors`) and the draft
      shows them to the editor (`draft.author_note`): nothing the two disagree on is published
      unseen.
    """
    feed, page = tuple(feed), tuple(page)
    if not page:
        return feed, ("feed" if feed else ""), ()
    if not feed:
        return page, "page", ()
    people = tuple(
        n
        for n in feed
        if not is_organisation(n) and not any(other and same_name(n, other) for other in names)
    )
    if not people:
        return page, "page", ()
    if all(publication_like(n) for n in people) and all(" " in n or not n.isascii() for n in page):
        # "Support Weekly" in the feed, "By Amy Chen" on the page (walk167 #8): a publication's
        # name gives way to the byline, and the draft says whom the feed named
        return page, "page", people
    if all(misread(n, " ".join(page)) for n in people):
        # The feed's names are the page's read in the wrong charset ("Ãåã Ëäï" for "דוד כהן",
        # walk151 #2): the page's, and no one is left out.
        return page, "page", ()
    feed_keys = {name_key(n) for n in people if n != OTHERS}
    page_keys = {name_key(n) for n in page if n != OTHERS}
    if feed_keys <= page_keys and not (
        feed_keys == page_keys and OTHERS in feed and OTHERS not in page
    ):
        # Also "Jane Roe and 2 others" in the feed, the page naming all three: the fuller list.
        return page, "page", ()
    if page_keys <= feed_keys:
        return feed, "feed", ()
    if guest:
        return page, "page", tuple(n for n in people if name_key(n) not in page_keys)
    if all(_handle(n) for n in people) and all(" " in n or not n.isascii() for n in page):
        # "jroe" in the feed, "Jane Roe" on the page: the full name, as a page's handle gives way
        # to the feed's full name; a handle that is no part of the page's names is said.
        left = tuple(n for n in people if not any(_handle_of(n, p) for p in page))
        return page, "page", left
    if not own_site and all(" " in n or not n.isascii() for n in page):
        return page, "page", tuple(n for n in people if name_key(n) not in page_keys)
    return feed, "feed", tuple(n for n in page if name_key(n) not in feed_keys)


def house_credit(feed: Sequence[str], names: Sequence[str | None]) -> bool:
    """Whether a feed entry's credit names no one who wrote it, so that a byline its text opens
    with is the credit instead (walk66 #1): it names no one, or only an organisation, a desk or a
    group account ("Google Testing Bloggers", Blogger's account every post of a team blog is
    filed under: `extract_rules_names.GROUP_ACCOUNT_WORDS`), a name that reads as a publication's
    ("Support Weekly", `credits.publication_like`), or the publication or the feed itself
    (`names`)."""
    return all(
        is_organisation(name)
        or publication_like(name)  # "Support Weekly" (walk167 #8)
        or norm_name(name).rsplit(" ", 1)[-1] in name_rules.GROUP_ACCOUNT_WORDS
        or any(other and same_name(name, other) for other in names)
        for name in feed
    )


def _handle(name: str) -> bool:
    """A handle-like credit: one word in lower case ("jroe", "kumabook", "jane_roe")."""
    return " " not in name and name == name.lower() and any(ch.isalpha() for ch in name)


def _handle_of(handle: str, name: str) -> bool:
    """Whether a handle is made of a name ("jroe", "janeroe", "jane_roe" of "Jane Roe"): it holds
    a word of the name of three letters or more."""
    key = name_key(handle)
    return any(len(w) >= 3 and w in key for w in norm_name(name).split())


#: A link post's opening line naming whom it quotes and where: "Mike Masnick, writing for
#: TechDirt:", "Jane Roe writes in The Atlantic:", "Kara Swisher, writing at Recode, broke the
#: news:", "Josh Centers, writing for TidBITS on ...:" (Daring Fireball's linked list). The
#: publication is its capitalised words ("the NY Post" is "NY Post"), without a kind of
#: publication after them in lower case ("Randy Nelson, writing for the Sensor Tower blog:":
#: "Sensor Tower", fixhk).
_KINDS = "blog|website|site|newsletter|magazine|column|podcast|substack|journal"
_WRITING_FOR = re.compile(
    r"^(?P<name>[^\W\d_][\w.'\u2019-]*(?:\s+[^\W\d_][\w.'\u2019-]*){0,3}),?\s+"
    r"(?:writing|writes)\s+(?:for|in|at|on)\s+(?:(?:the|his|her|their|its)\s+)?"
    r"(?P<pub>[^\W_][\w.&'\u2019-]*(?:\s+(?:[A-Z0-9&][\w.&'\u2019-]*|of|and|for|the)){0,5}?)"
    rf"(?:\s+(?:official\s+)?(?:engineering\s+|company\s+|corporate\s+|news\s+)?(?:{_KINDS}))?"
    r"\s*(?:[:,]|\s+on\s)"
)


def writing_for(own: str) -> tuple[str, str] | None:
    """The person and publication a link post's first line names as its quote's ("Mike Masnick,
    writing for TechDirt:" -> ("Mike Masnick", "TechDirt"); "Randy Nelson, writing for the Sensor
    Tower blog:" -> ("Randy Nelson", "Sensor Tower"); "..., writing for the blog:" names no
    publication, ""); None when it opens otherwise or the name is no person's (`clean_authors`)."""
    first = own.lstrip().split("\n", 1)[0]
    found = _WRITING_FOR.match(first)
    if not found:
        return None
    names = clean_authors(found["name"], strict=True)
    pub = name_text(found["pub"]).strip()
    if len(names) != 1 or not pub or len(pub.split()) > 6:
        return None
    if re.fullmatch(_KINDS, pub):
        return names[0], ""  # "writing for the blog:": the person, and no publication's name
    return names[0], pub


def link_post_blurb(page: Page | None, quoted: str, title: str) -> str:
    """A link post's blurb, in the linked article's words only, for it is credited to that article's
    site: the page's blurb when the page was read and makes one; else what the feed quotes from it
    (its `<blockquote>`s, plain text), in quotation marks; else none (the build warns). Never the
    linker's own commentary: under "techdirt.com" it would read as Techdirt's opinion."""
    if page is not None:
        blurb = choose_blurb(
            description=page.description,
            text=page.text,
            summary=None,
            title=title,
            markup=False,
            headings=page.headings,
            credited=page.authors,
        )
        if blurb:
            return blurb
    return quote_blurb(quoted, title)


def _written_for(
    raw: Sequence[str],
    credited_people: Sequence[str],
    publication: str | None,
    own_names: Sequence[str] = (),
) -> str:
    """The publication a feed's credit of a person credited says the article was written for
    ("Bea Kahn for The Compost Gazette": "The Compost Gazette"), when it is not `publication`;
    "" otherwise. The credit is the person (`byline_rules.CREDIT_FOR`), and the publication is no
    co-author, but it may be where the article first appeared: the draft says so (walk158 #9:
    "Bea Kahn || Relay" was published, "for The Compost Gazette" dropped unsaid). A page's
    byline ("By Bea Kahn for The Compost Gazette | May 4") is read the same way, without its
    "By" and what follows a bar; "for" one of `own_names` (the page's own site) says nothing."""
    people = {name_key(p) for p in credited_people}
    for credit in raw:
        text = byline_rules.BYLINE_PREFIX.sub("", name_text(credit).split("|")[0])
        found = byline_rules.CREDIT_FOR.search(text)
        if found is None or name_key(text[: found.start()]) not in people:
            continue
        named = re.sub(r"^\s*for\s+", "", found.group()).strip().rstrip(".,;:").strip()
        own = (publication, *own_names)
        if named and not any(name and same_name(named, name) for name in own):
            return named
    return ""


def feed_credits(entry: Entry) -> tuple[str, ...]:
    """The people a feed entry credits, held to the same rules as a page's byline ("admin", a
    desk, a URL are no author; roles, places and lead-ins are cut). benchmarks/credits.py measures
    this function against the publishers' own credits."""
    names: dict[str, None] = {}
    for raw in entry.authors:
        # No site or host check: a feed that names itself ("Giant Bomb" on giantbomb.com, "Rowan
        # Manning" on rowanmanning.com) credits itself on purpose, unlike a page's template meta.
        for name in clean_authors(raw, feed=True, plain=entry.authors_plain):
            names.setdefault(name, None)
    return tuple(names)


def articles_from_urls(
    urls: Sequence[str], settings: FetchSettings, *, now: datetime
) -> tuple[Built, dict[str, str]]:
    """Articles the editor added by URL alone: each page is read and credited as a feed entry
    would be; and why each page that could not be read was not (url -> reason)."""
    source = FeedSource(url="", name=None)
    entries = [Entry(link=url) for url in urls if url.startswith(("http://", "https://"))]
    pages, errors = read_pages([e.link or "" for e in entries], settings)
    built = build_articles(entries, source=source, feed_title=None, pages=pages, now=now)
    return built, errors
