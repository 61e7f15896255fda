"""URL rules: which links may be published, and one identity per article however it is linked."""

from __future__ import annotations

import difflib
import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from tld import get_fld, get_tld

#: Query parameters that only track the reader; they never change what page is served.
#: From the common campaign/analytics taggers (Google, Facebook, Microsoft, Mailchimp, HubSpot, Marketo).
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "__hstc",
        "__hssc",
        "__hsfp",
        "hsctatracking",
        "mkt_tok",
        "ref_src",
        "cmpid",
        "ncid",
        "sr_share",
        "_ga",
        "_gl",
        "spm",
    }
)
#: Prefixes of tracking parameters (utm_source, utm_medium, ...).
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "oly_")

#: Schemes a published link may have; anything else (javascript:, data:, vbscript:, file:) is dropped.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_url(url: str | None, base: str | None = None) -> str | None:
    """Return `url` (resolved against `base`) if it is safe to publish as a link, else None."""
    if not url:
        return None
    # Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:").
    cleaned = "".join(ch for ch in url.strip() if ord(ch) > 32 and ord(ch) != 127)
    if not cleaned:
        return None
    if base:
        cleaned = urljoin(base, cleaned)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() in {"http", "https"}:
        if not parts.hostname:
            return None
        try:
            parts.port  # noqa: B018 (it raises for a port out of range)
        except ValueError:
            # `https://example.com:99999/why`: no browser reaches it, and a page's canonical so
            # written crashed every run (walk138 NEW-3)
            return None
        if parts.username is not None or parts.password is not None:
            # `https://user:pw@example.com/why`: a user name and password published in every
            # edition, or a look of phishing (walk138 NEW-4)
            return None
    return cleaned


#: What a site's name (an address's host) may hold besides letters and digits: a name's own
#: characters (`-`, `.`, `_` in some subdomains), and an IPv6 address's brackets and colons.
_HOST_CHARS = frozenset("-._[]:")


def host_fault(url: str) -> str:
    """What is wrong with the site's name of an http(s) address as the editor wrote it ("" when
    nothing is, or when it is no http(s) address): a character no site's name can hold. A space
    there is no %20 to write: `https://exa%20mple.com/x` links a site no browser reaches, so the
    advice is to check the address (walk117 #3); a space in the path is what %20 is for. The one
    rule of an issue-N.json's, a draft's and feeds.yaml's addresses."""
    text = url.strip()
    scheme, sep, rest = text.partition("://")
    if not sep or scheme.lower() not in {"http", "https"}:
        return ""
    host = re.split(r"[/?#\\]", rest, maxsplit=1)[0].rpartition("@")[2]
    if not host.startswith("["):
        host = re.sub(r":\d*$", "", host)  # (its port)
    odd = next((ch for ch in host if not (ch.isalnum() or ch in _HOST_CHARS)), None)
    if odd is None:
        return ""
    what = "space" if odd.isspace() else f'"{odd}"'
    return f'a site\'s name holds no {what}: check the address (its site is "{host}")'


def is_tracking(name: str) -> bool:
    """Whether a query parameter's `name` is a tracking one, which curator leaves out of links."""
    return _is_tracking(name)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _without_tracking(query: str) -> str:
    """The query string without its tracking parameters, every other byte as the publisher wrote
    it: "?r123" stays "r123" (re-encoding would make it "r123="), "a=%7e&b=c d" keeps its
    spelling and order."""
    if not query:
        return ""
    pairs = query.split("&")
    kept = [p for p in pairs if not _is_tracking(p.split("=", 1)[0].replace("+", " "))]
    return query if len(kept) == len(pairs) else "&".join(kept)


#: Characters no URL holds (RFC 3986) that a page's link may carry all the same (a canonical
#: `https://x.example/a"><script>...`): percent-encoded, so that every edition links the same
#: address and none can end an attribute or open a tag (walk87 #2).
_NOT_IN_URL = re.compile(r'["<> `]')


def _encoded(part: str) -> str:
    return _NOT_IN_URL.sub(lambda m: f"%{ord(m.group()):02X}", part)


def clean_url(url: str) -> str:
    """The URL to publish: tracking parameters and the fragment removed, host lower-cased, and
    `"`, `<`, `>`, spaces and backticks in its path and query percent-encoded (`%22`); the rest of
    the query string kept byte for byte."""
    parts = urlsplit(url.strip())
    query = _encoded(_without_tracking(parts.query))
    netloc = parts.netloc.lower()
    try:
        port = parts.port
    except ValueError:  # (out of range: kept as written; `safe_url` refuses such an address)
        port = None
    if port and (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme.lower(), netloc, _encoded(parts.path) or "/", query, ""))


def sent_url(url: str) -> str:
    """The address as a message shows it: without its `#fragment`, which a browser keeps to itself
    and no server is sent (walk107 #4: the markup note showed `.../p/0/#comments`); the rest as
    the feed wrote it."""
    return url.split("#", 1)[0] if "#" in url else url


def url_key(url: str) -> str:
    """The identity of the page behind `url`: the same for http/https, www./bare host, tracking
    parameters, parameter order, a trailing slash and a fragment."""
    try:
        parts = urlsplit(clean_url(url))
    except ValueError:  # `http://[zz]/feed`: no page's address, but a key all the same (walk152 #7)
        return url.strip().lower()
    host = (parts.hostname or "").removeprefix("www.")
    try:
        port = parts.port
    except ValueError:  # (out of range: the page behind it is none, but a key all the same)
        port = None
        host = parts.netloc.lower()
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{host}{path}" + (f"?{query}" if query else "")


#: A percent-escape (`%65`), and the characters RFC 3986 calls unreserved, which an escape of one
#: spells otherwise (`%65` is `e`).
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _unescaped(part: str) -> str:
    """A URL's path or query with each escape of an unreserved character decoded (`/f%65ed` is
    `/feed`), the others upper-cased, and characters outside ASCII escaped in UTF-8, as they are
    sent (`/フィード` is `/%E3%83%95...`)."""

    def one(m: re.Match[str]) -> str:
        char = chr(int(m.group(1), 16))
        return char if char in _UNRESERVED else m.group().upper()

    part = _ESCAPE.sub(one, part)
    return part if part.isascii() else quote(part, safe="".join(map(chr, range(0x21, 0x7F))))


def feed_key(url: str) -> str:
    """`url_key` of a feed's address as it is sent: its site's name in IDNA's ASCII form
    (`例え.jp` is `xn--r8jz45g.jp`) and its path's escapes of unreserved characters decoded
    (`_unescaped`). Two spellings of one feed's address are one feed of the feeds list (walk154
    N-c: `http://例え.jp/feed` and `http://xn--r8jz45g.jp/feed` were both added, and `feeds
    remove` of the one the fetch named said it was "not in the feeds list"). Articles keep
    `url_key`, the key they are stored under."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:  # (no address: `url_key` keys it all the same)
        return url_key(url)
    netloc = parts.netloc
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:  # (not a name IDNA spells: kept as written)
            ascii_host = host
        netloc = netloc.lower().replace(host, ascii_host, 1)
    path, query = _unescaped(parts.path), _unescaped(parts.query)
    return url_key(urlunsplit((parts.scheme, netloc, path, query, parts.fragment)))


#: Hosting platforms where each subdomain is someone's own site ("janedoe.substack.com" is Jane
#: Doe's newsletter, not Substack's) that the Public Suffix List's private section does not list
#: (walk130 #7: credits named "substack.com", "wordpress.com"; walk135: "neocities.org",
#: "micro.blog", "glitch.me"). `site_of` reads that section first (`tld` searches it unless told
#: not to); each entry of the first two groups was checked against the copy `tld` 0.13.2 bundles
#: (2026-03-06): it is missing there. The last group is in that copy, and here too: an install
#: gets whichever `tld` PyPI has that day, and a copy that drops one (as the list dropped
#: Blogger's country addresses, `_BLOGGER`'s rule) must not credit its blogs to the platform.
HOSTING_PLATFORMS = frozenset(
    (
        # in the list's copy of 2026-03-06, kept in case a later copy drops them
        "github.io",
        "gitlab.io",
        "codeberg.page",
        "netlify.app",
        "pages.dev",
        "vercel.app",
        "wixsite.com",
        "blogspot.com",
        "bearblog.dev",
        "hatenablog.com",
        "notion.site",
        # blogs and newsletters
        "substack.com",
        "wordpress.com",
        "medium.com",
        "tumblr.com",
        "ghost.io",
        "typepad.com",
        "blogs.com",  # (Typepad's other address)
        "livejournal.com",
        "dreamwidth.org",
        "hashnode.dev",
        "micro.blog",
        "mataroa.blog",
        "beehiiv.com",
        "svbtle.com",
        "posthaven.com",
        "pika.page",
        "write.as",  # (walk147 #5: "janedoe.write.as" was credited "write.as")
        "prose.sh",
        "weblog.lol",
        "over-blog.com",
        "canalblog.com",
        "eklablog.com",
        "unblog.fr",
        "hautetfort.com",
        "skyrock.com",
        "blogg.se",
        "blog.hu",
        "blogs.sapo.pt",
        "diary.ru",
        "blogfa.com",
        "tistory.com",
        "blog.fc2.com",
        "exblog.jp",
        "cocolog-nifty.com",
        "livedoor.blog",
        "blog.jp",
        # personal sites and site builders
        "neocities.org",
        "glitch.me",
        "surge.sh",
        "itch.io",
        "weebly.com",
        "weeblysite.com",
        "squarespace.com",
        "jimdofree.com",
        "jimdosite.com",
        "mystrikingly.com",
        "tilda.ws",
        "cargo.site",
    )
)

#: Content-delivery networks' own addresses (walk167 #9: a page's canonical on
#: "d1a2b3c4d5e6f7.cloudfront.net" was credited to that address as its site): a host under one
#: serves some site's files and names no site a reader knows (`cdn_of`).
CDN_DOMAINS = frozenset(
    {
        "cloudfront.net",  # Amazon CloudFront
        "azureedge.net",  # Azure CDN
        "azurefd.net",  # Azure Front Door
        "akamaized.net",  # Akamai
        "akamaihd.net",
        "edgesuite.net",
        "edgekey.net",
        "fastly.net",  # Fastly
        "fastlylb.net",
        "b-cdn.net",  # Bunny
        "cdn77.org",
        "kxcdn.com",  # KeyCDN
        "stackpathcdn.com",
        "cdn.ampproject.org",  # the AMP cache, when its address holds no site (`amp_origin`)
    }
)


def cdn_of(url: str | None) -> str | None:
    """The content-delivery network whose address `url` is at ("cloudfront.net" for
    https://d1a2b3c4d5e6f7.cloudfront.net/posts/x), None for any other address."""
    try:
        host = (urlsplit(url or "").hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    return next((d for d in CDN_DOMAINS if host == d or host.endswith("." + d)), None)


#: An AMP cache's copy of a page: https://www-voc-notes-example.cdn.ampproject.org/c/s/
#: www.voc-notes.example/amp/x (the cache's kind of copy, "c" for a page, "v" in its viewer;
#: "s/" when the page is at an https address), or Google's viewer, www.google.com/amp/s/HOST/...
_AMP_CACHE = re.compile(
    r"^https?://(?:[a-z0-9-]+\.cdn\.ampproject\.org/(?:c|v|wp)/|(?:www\.)?google\.[a-z.]+/amp/)"
    r"(s/)?([a-z0-9.-]+\.[a-z]{2,}(?::\d+)?)(/[^?#]*)?(\?[^#]*)?",
    re.I,
)


def amp_origin(url: str) -> str:
    """The page an AMP cache's address is a copy of (walk167 #9: a canonical at
    "https://www-voc-notes-example.cdn.ampproject.org/c/s/www.voc-notes.example/amp/churn-signals"
    was published at the cache and credited "ampproject.org"): the address its path names,
    "https://www.voc-notes.example/amp/churn-signals"; `url` itself for any other address."""
    found = _AMP_CACHE.match(url.strip())
    if found is None:
        return url
    scheme = "https" if found.group(1) else "http"
    return f"{scheme}://{found.group(2).lower()}{found.group(3) or '/'}{found.group(4) or ''}"


#: Blogger's address in every country it served: "janedoe.blogspot.co.uk", "janedoe.blogspot.de"
#: (the list dropped these; blogspot.com it still has).
_BLOGGER = "blogspot"


def _public_suffix(host: str) -> str | None:
    """The public suffix of `host` by the list's ICANN section ("co.uk"), None when it has none."""
    suffix = get_tld(host, fix_protocol=True, fail_silently=True, search_private=False)
    return suffix if isinstance(suffix, str) else None


def _hosted_site(host: str) -> str | None:
    """The site of a blog at `host` on a hosting platform that `HOSTING_PLATFORMS` or `_BLOGGER`
    names ("janedoe.neocities.org", "janedoe.blogspot.co.uk", "x.blog.fc2.com"), else None: the
    platform's own address or its "www." is not a blog."""
    labels = host.split(".")
    for start in range(1, len(labels) - 1):
        platform = labels[start:]
        if ".".join(platform) in HOSTING_PLATFORMS or (
            platform[0] == _BLOGGER and ".".join(platform[1:]) == _public_suffix(host)
        ):
            return None if labels[start - 1] == "www" else ".".join(labels[start - 1 :])
    return None


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to: its registrable domain by the Public Suffix List, as a reader
    would name it ("m.imore.com" -> "imore.com", "blog.example.co.uk" -> "example.co.uk", a
    blog on a hosting platform stays its own: "x.github.io" by the list's private section,
    "janedoe.substack.com" and "janedoe.neocities.org" by `HOSTING_PLATFORMS`); the host itself
    when it has none (an IP address, "localhost"); None for a URL without a host. A top-level
    name the list does not know ("blog.shop.example") counts as one label, as the list's own
    default rule says.

    Why the list (the `tld` package's bundled copy, read offline): "the last two labels" is wrong
    for "bbc.co.uk" and "foo.github.io", and a link post on another site must not be taken for
    the feed's own page, nor a page on "blog.example.com" for another site than "example.com".
    """
    try:
        host = urlsplit(url or "").hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    labels = host.split(".")
    hosted = _hosted_site(host)
    if hosted:
        return hosted  # a blog on a platform the list's private section misses
    for platform in _SUBDOMAIN_PATH_PLATFORMS:
        if host == platform or host.endswith("." + platform):
            return platform  # a platform on a subdomain of a big site, not the big site's
    domain = get_fld(host, fix_protocol=True, fail_silently=True, search_private=True)
    if isinstance(domain, str):
        return domain
    if ":" in host or len(labels) < 2 or labels[-1].isdigit():
        return host  # an IP address or a single name ("localhost")
    return ".".join(labels[-2:])  # a suffix not on the list is one label (the list's "*" rule)


#: Platforms that file each blog, author or publication under the first part of the address's
#: path, not a subdomain ("medium.com/@janedoe/why", "medium.com/support-notes/why",
#: "dev.to/janedoe/why"): the site is the platform's, so an address credit names the platform,
#: and says so (walk137 #5). The value: what that part begins with when it is a blog's ("@"),
#: "" when any part is but the platform's own (`_PLATFORM_PATHS`).
PATH_PLATFORMS: dict[str, str] = {
    "medium.com": "",
    "substack.com": "@",
    "hashnode.com": "@",
    "dev.to": "",
    "tumblr.com": "",
    "write.as": "",
    "buttondown.com": "",
    "buttondown.email": "",
    "note.com": "",
    "qiita.com": "",
    "zenn.dev": "",
    "velog.io": "@",
    "sites.google.com": "",
}
#: Path platforms whose blogs are filed one folder down, under one of these first parts
#: ("sites.google.com/view/janedoe/pipes", the classic "sites.google.com/site/janedoe"): the
#: place is the first two parts (walk144 #5).
_PATH_PLATFORM_FOLDERS: dict[str, frozenset[str]] = {
    "sites.google.com": frozenset({"view", "site"}),
}
#: Path platforms at a subdomain of a big site, which are their own site, not the big site's
#: (walk144 #5: a page at sites.google.com/view/janedoe was credited "google.com").
_SUBDOMAIN_PATH_PLATFORMS = tuple(
    platform for platform in PATH_PLATFORMS if platform.count(".") >= 2
)
#: First parts of a path that are a platform's own pages, not a blog's: a post by its number
#: ("medium.com/p/1a2b"), a tag, a search, the reader's home.
_PLATFORM_PATHS = frozenset(
    {"p", "t", "tag", "tags", "tagged", "topic", "topics", "search", "home", "m", "s"}
)


def platform_of(url: str | None) -> str | None:
    """The hosting platform whose own address `url` is at, as `site_of` names it: "medium.com"
    for medium.com/@janedoe/why, "substack.com" for substack.com/@janedoe/p-1, "blogspot.de" for
    blogspot.de; None for a blog's own site ("janedoe.substack.com") and any other site."""
    site = site_of(url)
    if not site:
        return None
    if site in HOSTING_PLATFORMS or site in PATH_PLATFORMS:
        return site
    head, _, rest = site.partition(".")
    return site if head == _BLOGGER and rest == _public_suffix(site) else None


def platform_place(url: str | None) -> str:
    """Where on a hosting platform's own address (`platform_of`) `url` is filed, when its path
    says: "medium.com/@janedoe" for https://medium.com/@janedoe/why, "dev.to/janedoe" for
    https://dev.to/janedoe/why; "" when it does not (medium.com/p/1a2b) or `url` is elsewhere."""
    platform = platform_of(url)
    if platform not in PATH_PLATFORMS:
        return ""
    parts = urlsplit(url or "").path.strip("/").split("/")
    if platform in _PATH_PLATFORM_FOLDERS:
        if len(parts) < 2 or parts[0].lower() not in _PATH_PLATFORM_FOLDERS[platform]:
            return ""
        return f"{platform}/{parts[0]}/{parts[1]}" if parts[1] else ""
    first = parts[0]
    if not first.startswith(PATH_PLATFORMS[platform]) or first.lower() in _PLATFORM_PATHS:
        return ""
    return f"{platform}/{first}" if len(first) > len(PATH_PLATFORMS[platform]) else ""


#: A web address whose `https://` is mistyped: a short word, maybe a `:` or `;`, then slashes.
#: (`[:;.]` twice: `http:://`, a colon too many, walk115 #2.)
_SCHEME_SLIP = re.compile(r"([a-z]{2,6})\s*(?:[:;.]\s*){0,2}[/\\]+\s*(\S+)", re.IGNORECASE)
#: A link written so as not to be followed (security reports' `hxxp://`): the scheme it stands for.
_DEFANGED = {"hxxp": "http", "hxxps": "https"}
#: The host a mistyped address names: a host name, `localhost` or an IPv4 address, maybe a port.
_HOST = re.compile(
    r"(?:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}|localhost|\d{1,3}(?:\.\d{1,3}){3})"
    r"(?::\d+)?",
    re.IGNORECASE,
)


def address_meant(url: str) -> str | None:
    """The web address `url` was meant to be when its `http://` or `https://` is mistyped
    (`http//`, `https:/`, `htp://`, `http;//`, `http:\\\\`, `http:://`, `hxxp://`): a word close to
    http(s) before the slashes, then a host. None when it does not look like one."""
    match = _SCHEME_SLIP.fullmatch(url.strip())
    if not match:
        return None
    word = _DEFANGED.get(match[1].lower(), match[1].lower())
    if not difflib.get_close_matches(word, ["http", "https"], n=1, cutoff=0.7):
        return None
    rest = match[2].replace("\\", "/")
    if not _HOST.fullmatch(rest.split("/", 1)[0]):
        return None
    return f"{'https' if word.endswith('s') else 'http'}://{rest}"


# -- a feed's address: one rule for feeds.yaml, `feeds add` and `feeds import` (walk152) ---------

#: `https://https://x.example/rss` (a feed reader's `feed://https://...` read as http://): the
#: scheme written twice, the second the one meant.
_DOUBLED_SCHEME = re.compile(r"(https?):/+(https?):/+(.+)", re.IGNORECASE)


def from_feed_scheme(url: str) -> str | None:
    """The http(s) address a `feed:` URL stands for (`feed://x/rss` is http://x/rss,
    `feed:https://x/rss` is https://x/rss), or None for any other URL."""
    if url[:5].lower() != "feed:":
        return None
    rest = url[5:]
    if rest[:2] == "//":
        return "http:" + rest
    return rest if rest.lower().startswith(("http://", "https://")) else None


def _lowered(url: str) -> str:
    """`url` with its scheme and site's name lower-cased (`HTTPS://EU.EXAMPLE/Feed` is
    `https://eu.example/Feed`): both are read so (RFC 3986 section 6.2.2.1); the rest as written."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
    user, at, host = netloc.rpartition("@")
    return f"{scheme.lower()}://{user}{at}{host.lower()}{rest[len(netloc) :]}"


def lowered_scheme(url: str) -> str:
    """`url` with its scheme lower-cased (`HtTp://...` is `http://...`), the rest as written."""
    scheme, sep, rest = url.partition("://")
    return f"{scheme.lower()}://{rest}" if sep else url


def feed_address(url: str) -> tuple[str, str]:
    """The http(s) address a feed's link `url` stands for, as `feeds add` and `feeds import`
    write it, and what was read differently from how it is written ("" when only the case of its
    scheme or site's name was): a `feed:` link's address, a scheme written twice once
    (`feed://https://ff.example/rss` is https://ff.example/rss, walk152 #8). Scheme and site's
    name are lower-cased (walk152 #1: `HTTPS://...` was written as given, and read as a file)."""
    text = url.strip()
    said: list[str] = []
    if (web := from_feed_scheme(text)) is not None:
        said.append("`feed:` only asks a feed reader to open the address after it")
        text = web
    if match := _DOUBLED_SCHEME.fullmatch(text):
        said.append("its scheme is written twice, the second the one meant")
        text = f"{match[2]}://{match[3]}"
    return _lowered(text), "; ".join(said)


def address_fault(url: str) -> str:
    """What makes the http(s) address `url` one no feed reader reaches, with the fix ("" when
    nothing does): a scheme written twice, no site's name, a site's name no site has (a space,
    `[zz]` that is no IPv6 address), a port past 65535 (walk152 #7: they crashed every fetch, or
    failed it as "no such server: https"). The one rule of feeds.yaml, `feeds add` and
    `feeds import`."""
    text = url.strip()
    if match := _DOUBLED_SCHEME.fullmatch(text):
        return (
            f"its scheme is written twice (`{match[1]}://` then `{match[2]}://`): write"
            f" `{_lowered(match[2] + '://' + match[3])}`"
        )
    if fault := host_fault(text):
        return fault
    netloc = re.split(r"[/?#]", text.partition("://")[2], maxsplit=1)[0].rpartition("@")[2]
    try:
        parts = urlsplit(text)
    except ValueError:  # `http://[zz]/feed`: brackets hold an IPv6 address, and nothing else
        return f'its site "{netloc}" is no IPv6 address nor a site\'s name: check the address'
    if not parts.hostname:
        return "it is not a valid address (it names no site): write it as https://site/feed"
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 0 < port <= 65535:
        given = netloc.rpartition(":")[2]
        return (
            f"its port `{given}` is none a server can have (a port is a number from 1 to 65535):"
            " check the address, or leave the port out"
        )
    return ""


#: A host name: the first part of a web address typed without its https://.
_BARE_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}", re.IGNORECASE)
_IPV4 = re.compile(r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)")
#: The endings of a feed's file name, which look like a host name's last part (`feed.xml`).
_FEED_FILE_TYPES = {
    "xml",
    "json",
    "rss",
    "atom",
    "rdf",
    "opml",
    "txt",
    "html",
    "htm",
    "yaml",
    "yml",
}


def scheme_left_out(url: str) -> str | None:
    """The web address `url` is with its scheme left out, when it starts with a site's name, an
    IPv4 address or `localhost` (a port after it or not) and then `/` or nothing: `https://` for
    a site's name, `http://` for the others (a server on one's own network, which seldom has
    https). The one rule of feeds.yaml and `feeds add` (walk180 #6: `127.0.0.1:8180/feed.xml`
    was taken as a file's path, `example.com:8080/feed` as a scheme `example.com:`)."""
    text = url.strip()
    host, colon, port = text.split("/", 1)[0].partition(":")
    if colon and not (port.isascii() and port.isdigit()):
        return None
    if _IPV4.fullmatch(host) or host.lower() == "localhost":
        return f"http://{text}"
    if _BARE_DOMAIN.fullmatch(host) and host.rsplit(".", 1)[1].lower() not in _FEED_FILE_TYPES:
        return f"https://{text}"
    return None
