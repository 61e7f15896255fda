"""An article's address: a link's identity, pages above or listing it, its page's, a gate's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from curator.models import Entry, Page
from curator.netguard import unreachable_reason
from curator.urls import safe_url, site_of, url_key


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


def canonical_of(page: Page | None) -> str | None:
    """The page's canonical URL when it is an http(s) one we may publish, else None."""
    canonical = safe_url(page.canonical_url) if page and page.canonical_url else None
    return canonical if canonical and canonical.startswith(("http://", "https://")) else None


def read_at(page: Page | None, key: str) -> bool:
    """Whether the page was read at the address of URL key `key`: its link redirected there (by
    HTTP, a meta refresh or a script, `fetch_refresh.meta_refresh`), so what was read is the page at that
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
