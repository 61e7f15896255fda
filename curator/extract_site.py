"""The publication an article page names (`curator.extract`): which of its declared site names is
the site's own, a platform's blog or an agency's copy, and the notes about a name passed over."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from curator import extract_rules as rules
from curator import extract_rules_names as name_rules
from curator.credits import norm_name, same_name
from curator.extract_doc import WORD as _WORD
from curator.extract_doc import Doc as _Doc
from curator.extract_doc import canonical_hrefs as _canonical_hrefs
from curator.extract_doc import clean_text as _clean
from curator.extract_doc import ld_article as _ld_article
from curator.extract_doc import ld_names as _ld_names
from curator.extract_doc import ld_str as _ld_str
from curator.extract_doc import ld_types as _types
from curator.extract_doc import title_text as _title_text
from curator.extract_title import title_parts
from curator.extract_title import title_suffix as _title_suffix
from curator.htmltext import untrusted_name
from curator.urls import HOSTING_PLATFORMS as PLATFORM_DOMAINS
from curator.urls import site_of

# -------------------------------------------------------------------------------------- publication


#: A site's name given as its social handle ("@politifact").
_SITE_HANDLE = re.compile(r"^@[^\W_][\w.]{1,40}$")


def publication(doc: _Doc) -> str | None:
    """The site's name: JSON-LD publisher, og:site_name, WebSite, application-name, <title>; never
    an address given as a name (`_address`: "https://www.epsilon.example/", "www.epsilon.example").

    A hosting platform's name ("Blogger", "Medium") gives way to any other candidate: a blog on
    Blogger names Blogger as publisher, one on Medium names Medium in og:site_name. A name that
    does not resemble the site's address gives way to one that does (`resembles_site`): Reuters
    declares a section ("U.S.") as og:site_name, and a publisher named by the bare word of its
    domain ("Space") to the domain written out ("Space.com"). A news agency named as JSON-LD
    publisher on a site that is not the agency's gives way to the next candidate (walk40 #3: the
    Connecticut Post's wire stories name "Associated Press" as publisher, "Connecticut Post" in
    og:site_name; SFGate's came out right only because "SFGate" resembles sfgate.com).
    """
    art = _ld_article(doc)
    publisher = _ld_names(doc, art.get("publisher"))[:1] if art else []
    candidates: list[str] = [*publisher]
    candidates += doc.meta.get(rules.SITE_META[0], [])[:1]
    candidates += [
        name
        for obj in doc.jsonld
        if _types(obj) & rules.JSONLD_SITE_TYPES and (name := _ld_str(obj, "name"))
    ][:1]
    candidates += [v for name in rules.SITE_META[1:] for v in doc.meta.get(name, [])][:1]
    candidates = [_without_tagline(name) for name in candidates if not _address(name)]
    # "@politifact" (walk163 N6): a social handle given as the site's name; the name is the
    # handle's, without its "@"
    candidates = [name[1:] if _SITE_HANDLE.match(name) else name for name in candidates]
    candidates = [name for name in candidates if not generic_site_name(name)]
    address = _declared_url(doc)
    if (
        len(candidates) > 1
        and publisher
        and candidates[0] == publisher[0]
        and _agency(candidates[0])
        and resembles_site(candidates[0], address) is False
    ):
        # A newspaper's page of a wire story names the agency as JSON-LD publisher ("Associated
        # Press" at ctpost.com) and itself in og:site_name: the credit is the newspaper's.
        candidates = candidates[1:]
    suffix = _title_suffix(doc)
    if suffix and (_address(suffix) or generic_site_name(suffix)):
        suffix = None
    # A bare domain ("zendo.example") or a tagline ("Insights, ideas and inspiration for CX
    # leaders") names the site only when nothing else does (walk112 #4, #5): the <title>'s site
    # part is its name.
    named = [name for name in candidates if not weak_site_name(name)]
    if suffix and not weak_site_name(suffix) and not named:
        return suffix
    candidates = named or candidates
    if not candidates:
        return suffix
    chosen = next(
        (name for name in candidates if norm_name(name) not in rules.HOSTING_PLATFORMS),
        candidates[0],
    )
    if resembles_site(chosen, address) is False:
        chosen = next(
            (n for n in (*candidates, suffix) if n and resembles_site(n, address)), chosen
        )
    domain = _site_domain(address)
    if domain and _common_word(chosen) and _site_key(chosen) == _domain_word(domain):
        chosen = next((n for n in candidates if _site_key(n) == _site_key(domain)), chosen)
    return chosen


def publication_and_note(doc: _Doc) -> tuple[str | None, str]:
    """The publication an issue credits (`publication`), and a line for the run when the name the
    page declares gave way to another: a hosting platform's name for the blog's own (walk139 #4,
    #5), another site's name for the site the page names as its own address (walk139 #6), a
    company's legal name for the site's (walk139 #7). "" when nothing was passed over."""
    chosen = publication(doc)
    if not chosen:
        return chosen, ""
    for rule in (_platform_blog, _syndicated_from, _legal_entity_site):
        found = rule(doc, chosen)
        if found:
            return found
    return chosen, _passed_over(doc, chosen)


#: How a line of `Page.problems` that says a declared site name was passed over for the
#: publication credited begins (`publication_and_note`, `site_name_notes`): a choice curator
#: made and names, no content lost. `site_name_note` tells them from the rest.
_SITE_NAME_NOTE = re.compile(r'^its (?:og:site_name|site name|publisher) "')


def site_name_note(line: str) -> bool:
    """`line` (of `Page.problems`) says which site name was passed over for the publication
    credited, rather than what a page lost (walk147 #2: the fetch report listed such pages as
    "read in part")."""
    return bool(_SITE_NAME_NOTE.match(line))


def _passed_over(doc: _Doc, chosen: str) -> str:
    """A line when `publication` itself passed over the page's first declared site name (JSON-LD
    publisher, else og:site_name) that is a hosting platform's or a company's legal name, for
    a name resembling the page's address ("Garden of Data" at gardenofdata.wordpress.com over
    "WordPress.com"; "Wikipedia" at wikipedia.org over "Wikimedia Foundation, Inc."): said as
    the rules above say it. "" otherwise (a section, an agency, a tagline: said elsewhere or
    not at all, as before)."""
    art = _ld_article(doc)
    fields = [("publisher", n) for n in (_ld_names(doc, art.get("publisher")) if art else [])]
    fields += [("og:site_name", n) for n in doc.meta.get(rules.SITE_META[0], [])]
    if not fields:
        return ""
    field, first = fields[0]
    if any(same_name(n, chosen) for _, n in fields) or chosen in _declared_site_names(doc):
        return ""  # another declared name (a Blogger blog's og:site_name): nothing passed over
    whence = ", from its <title>" if chosen in _title_segments(doc) else ""
    if norm_name(first) in rules.HOSTING_PLATFORMS:
        return (
            f'its {field} "{first}" names the platform that hosts the blog, not the blog; the '
            f'publication is "{chosen}"{whence}'
        )
    if _LEGAL_ENTITY.search(first):
        return (
            f"its {field} \"{first}\" is a company's legal name, not the site's; the "
            f'publication is "{chosen}"{whence}'
        )
    return ""


def _title_segments(doc: _Doc) -> list[str]:
    """The parts of the <title> after its first ("Title — Backchannel — Medium": "Backchannel",
    "Medium"), each a site's name candidate; none when the title has no separator."""
    parts = [p.strip() for p in title_parts(_title_text(doc))]
    return [p for p in parts[1:] if p] if len(parts) > 1 else []


def _plain_name(name: str) -> bool:
    """A name a site may go by: not an address, a theme's stand-in, a tagline, a platform's name
    or a company's legal name."""
    return not (
        _address(name)
        or generic_site_name(name)
        or weak_site_name(name)
        or norm_name(name) in rules.HOSTING_PLATFORMS
        or _LEGAL_ENTITY.search(name)
    )


def _platform_blog(doc: _Doc, chosen: str) -> tuple[str, str] | None:
    """A blog on a hosting platform whose only declared site name is the platform's ("WordPress.com",
    "Medium", walk139 #4, #5): README says such a blog is its own site. Its name is a part of its
    <title> spelled as its address names it (medium.com/backchannel/...: "... — Backchannel —
    Medium"; gardenofdata.wordpress.com: "Garden of Data"), or, on a blog of its own address, the
    <title>'s site part; else that address ("gardenofdata.wordpress.com"). A page at
    medium.com/@handle is a person's page on the platform, no blog: the platform stays, said."""
    if norm_name(chosen) not in rules.HOSTING_PLATFORMS:
        return None
    url = _declared_url(doc)
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    labels = host.split(".")
    segments = [
        s for s in _title_segments(doc) if _plain_name(s) and not rules.TITLE_BYLINE.match(s)
    ]
    said = f'its og:site_name "{chosen}" names the platform that hosts the blog, not the blog;'
    if len(labels) < 2 or ".".join(labels[-2:]) not in PLATFORM_DOMAINS:
        # A blog on the platform at its own domain (uxdesign.cc, og:site_name "Medium", walk147
        # #5): the <title>'s last part names it ("Loyalty | by Jane Roe | UX Collective"). So is
        # a page whose address names no domain, a saved file or one at localhost: nothing says
        # it is on the platform's, and `curator extract` of it credited "Medium" where the
        # build credited the blog (walk158 #12).
        last = _title_segments(doc)[-1:]
        if last and last[0] in segments and norm_name(last[0]) != norm_name(chosen):
            return last[0], f'{said} the publication is "{last[0]}", from its <title>'
        return None
    if len(labels) > 2 and labels[-3] != "www":  # gardenofdata.wordpress.com
        key = _site_key(labels[-3])
        suffix = _title_suffix(doc)
        name = next((s for s in segments if _site_key(s) == key), None)
        if name is None and suffix and suffix in segments:
            name = suffix
        if name:
            return name, f'{said} the publication is "{name}", from its <title>'
        blog = site_of(url) or host
        return blog, f'{said} the publication is "{blog}", the blog\'s address'
    first = next((p for p in parts.path.split("/") if p), "")
    if first.startswith("@"):  # medium.com/@ginaroe: a person's page, no publication's
        # The publication credited is the site name the page declares: nothing was passed over,
        # and nothing is said (walk147 #2: every such page was listed as "read in part").
        return chosen, ""
    key = _site_key(first)
    name = next((s for s in segments if key and _site_key(s) == key), None)
    if name:
        return name, f'{said} the publication is "{name}", from its <title>'
    return None


def _syndicated_from(doc: _Doc, chosen: str) -> tuple[str, str] | None:
    """A page read at one site that names another's address as its own (its canonical link: MSN's
    copy of a Business Insider article, walk139 #6), credited by its site's name only when that
    name names the site it was read at (og:url, or its own address) and not the canonical's: the
    credit names the site its link opens, by a declared name or the <title>'s site part that
    resembles it, else its address ("businessinsider.com")."""
    canonical = next((u for u in _canonical_hrefs(doc)[:1] if "://" in u), None)
    if not canonical or resembles_site(chosen, canonical) is not False:
        return None
    elsewhere = [u for u in (*doc.meta.get("og:url", [])[:1], doc.url) if "://" in u]
    if not any(resembles_site(chosen, u) and site_of(u) != site_of(canonical) for u in elsewhere):
        return None
    names = [*_declared_site_names(doc), *_microdata_publishers(doc), *_title_segments(doc)]
    name = next((n for n in names if _plain_name(n) and resembles_site(n, canonical)), None)
    site = name or site_of(canonical)
    if not site:
        return None
    whence = "" if name else ", its address"
    return site, (
        f'its site name "{chosen}" names the site it was read at, while it names '
        f'{canonical} as its own address: the publication is "{site}"{whence}'
    )


def _microdata_publishers(doc: _Doc) -> list[str]:
    """The names a page's microdata gives its publisher (`itemprop="publisher"`): its
    `itemprop="name"`, else its link's title or its logo's alt text. MSN's copy of a CNN story
    names CNN so, `<span itemprop="publisher"><a href="http://www.cnn.com/" title="CNN"><img
    alt="CNN">` (walk147 #7: it was credited "cnn.com", its canonical's address)."""
    found: list[str] = []
    for el in doc.tree.xpath('//*[@itemprop="publisher"]')[:5]:
        named = el.xpath('.//*[@itemprop="name"]')
        values = [n.get("content") or n.text_content() for n in named[:1]]
        values += [str(v) for v in el.xpath(".//a/@title | .//img/@alt")[:2]]
        found += [v for v in (_clean(v) for v in values) if v and not untrusted_name(v)]
    return list(dict.fromkeys(found))


#: A company's legal form at the end of its name ("Wikimedia Foundation, Inc.", "Acme LLC",
#: "Beispiel GmbH"): a legal entity's name, not a publication's (walk139 #7: Wikipedia's JSON-LD
#: publisher). Readability.js takes it as the site's name; a reader knows the site as "Wikipedia".
_LEGAL_ENTITY = re.compile(
    r"(?:,\s*|\s)(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|GmbH|Corp|Corporation|PLC|LLP"
    r"|S\.A|S\.p\.A|B\.V|N\.V|AG|Pty\.?\s+Ltd)\.?$"
)


def _legal_entity_site(doc: _Doc, chosen: str) -> tuple[str, str] | None:
    """A company's legal name taken as the site's (`_LEGAL_ENTITY`) gives way to a name the page
    gives its site otherwise: another declared one (og:site_name, WebSite), else the <title>'s
    site part."""
    if not _LEGAL_ENTITY.search(chosen):
        return None
    others = [n for n in _declared_site_names(doc) if n != chosen and _plain_name(n)]
    suffix = (_title_segments(doc) or [""])[-1]  # "New Zealand - Wikipedia": a short title
    name = others[0] if others else (suffix if suffix and _plain_name(suffix) else None)
    if not name:
        return None
    whence = "its og:site_name" if others else "its <title>"
    return name, (
        f"its site name \"{chosen}\" is a company's legal name, not the site's; the "
        f'publication is "{name}", from {whence}'
    )


def _declared_site_names(doc: _Doc) -> list[str]:
    """The site names the page declares in meta tags (og:site_name, application-name) and
    JSON-LD WebSite objects."""
    names = [v for name in rules.SITE_META for v in doc.meta.get(name, [])]
    names += [
        n for o in doc.jsonld if _types(o) & rules.JSONLD_SITE_TYPES and (n := _ld_str(o, "name"))
    ]
    return names


def generic_site_name(name: str) -> bool:
    """A theme's or a CMS's stand-in for a site's name ("Home", "My WordPress Blog", "Just
    another WordPress site", "Untitled"): no publication's name (walk112 #3)."""
    return norm_name(name) in rules.GENERIC_SITE_NAMES or not norm_name(name)


#: A domain alone given as a site's name: "zendo.example", "northwind.example".
_BARE_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


def weak_site_name(name: str) -> bool:
    """A site name that names the site only when nothing else does: a domain alone ("zendo.example",
    walk112 #5) or a tagline, a phrase rather than a name (walk112 #4: "Insights, ideas and
    inspiration for CX leaders"; `_tagline_phrase`). The <title>'s site part and the feed's title
    win over it (`publication`, `articles_credits.page_or_feed_name`)."""
    return bool(_BARE_DOMAIN.match(name.strip())) or _tagline_phrase(name)


def _tagline_phrase(name: str) -> bool:
    """Four words or more of which two or more are lower-case words of a sentence ("ideas",
    "inspiration", "leaders"), not small words a name has ("of", "and": "Department of Health and
    Social Care" is a name). A name with a tagline after a dash or a bar is `_without_tagline`'s,
    and stays as the site writes it ("Mozilla Hacks – the Web developer blog")."""
    words = name.split()
    if len(words) < 4 or _TAGLINE_CUT.search(name):
        return False
    lower = [
        w
        for w in words[1:]
        if w[:1].islower()
        and w.isalpha()
        and w not in _NAME_SMALL_WORDS
        and w not in name_rules.NAME_PARTICLES
    ]
    return len(lower) >= 2


def site_name_notes(doc: _Doc, site: str | None) -> tuple[str, ...]:
    """A line when the page's og:site_name was passed over for its <title>'s site part as a
    tagline or a domain alone (walk112 #4): which name was used, and the other."""
    declared = doc.meta.get(rules.SITE_META[0], [])[:1]
    if not declared or not site or same_name(declared[0], site):
        return ()
    if not weak_site_name(declared[0]) or _BARE_DOMAIN.match(declared[0].strip()):
        return ()
    return (
        f'its og:site_name "{declared[0]}" reads as a tagline, not a name; the publication is '
        f'"{site}", from its <title>',
    )


def markup_credits(doc: _Doc) -> tuple[str, ...]:
    """A line for each field naming the page's site or author that held markup no name is made of
    (`htmltext.untrusted_name`): not used, and said with the field's name (walk110 #6: `<a
    href="data:text/html,...">Click Me</a>` in og:site_name was credited "Click Me", unsaid)."""
    art = _ld_article(doc)
    fields: list[tuple[str, str, str]] = []
    if art:
        fields += [
            ("JSON-LD publisher", n, "publication") for n in _ld_names(doc, art.get("publisher"))
        ]
        fields += [("JSON-LD author", n, "author") for n in _ld_names(doc, art.get("author"))]
    fields += [(name, v, "publication") for name in rules.SITE_META for v in doc.meta.get(name, [])]
    fields += [(name, v, "author") for name in rules.AUTHOR_META for v in doc.meta.get(name, [])]
    lines: dict[str, None] = {}
    for field, value, credit in fields:
        if why := untrusted_name(value):
            lines[f"its {field} is not used as its {credit}: {why}"] = None
    return tuple(lines)


def _agency(name: str) -> bool:
    """A news agency's name ("Associated Press", "AFP"): `name_rules.NEWS_AGENCIES`."""
    return (
        norm_name(name) in name_rules.NEWS_AGENCIES
        or name.lower().strip() in name_rules.NEWS_AGENCIES
    )


#: A web address given as a site's name ("https://www.epsilon.example/", "www.epsilon.example",
#: "epsilon.example/news"): no publication's name. A domain alone may be one: cleveland.com's
#: og:site_name is "cleveland.com" (the newspaper4k pages), as Space.com's is "Space.com".
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S*|www\.\S+|[\w-]+(?:\.[\w-]+)+/\S*)$", re.I)


#: Where a site's name may end and its tagline begin: a dash or a bar between spaces.
_TAGLINE_CUT = re.compile(r"\s+(?:\||–|—|-{1,2})\s+")
#: Small words a name may have in lower case ("Department of Energy", "Arts and Letters").
_NAME_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


def _without_tagline(name: str) -> str:
    """A site's name without a tagline after a dash or a bar that lists what it covers ("Alpha
    Times — News, Opinion and Analysis", "Beta Journal | Tech News & Reviews": "Alpha Times",
    "Beta Journal"). Conservative: the part before is a name (one to four words, capitalised but
    for small words) and the part after a list (a comma, or capitalised words joined by "and" or
    "&"). Any other phrase stays: "Gamma - Delta Review", and the corpus of benchmarks/extract.py
    expects "Mozilla Hacks – the Web developer blog" and "LinkNaija | Nigeria's popular news
    platform" whole, as the sites write them."""
    parts = _TAGLINE_CUT.split(name.strip(), maxsplit=1)
    if len(parts) != 2:
        return name
    head, tail = parts[0].split(), parts[1].split()
    named = 1 <= len(head) <= 4 and head[0][:1].isupper() and all(_title_word(w) for w in head)
    listed = len(tail) >= 2 and (
        "," in parts[1]
        or (any(w in ("and", "&") for w in tail) and all(_title_word(w) for w in tail))
    )
    return parts[0] if named and listed else name


def _title_word(word: str) -> bool:
    """A word of a name or a heading: capitalised, a number, or a small word ("of", "and")."""
    return word[:1].isupper() or word[:1].isdigit() or word in _NAME_SMALL_WORDS


def _address(name: str) -> bool:
    """Whether a site name is an address rather than a name (`_ADDRESS`)."""
    return bool(_ADDRESS.match(name.strip()))


def _common_word(name: str) -> bool:
    """One capitalised word ("Space"): as a site's name it may be any word, where the domain
    written out is the site's ("Space.com"); "SpaceNews", "WSJ" and "Live Science" are names."""
    return name.isalpha() and name[:1].isupper() and name[1:].islower()


def _declared_url(doc: _Doc) -> str:
    """The page's own address (canonical, og:url) when it declares one, else where it was read:
    a saved page or one served from a test server still names its site."""
    for url in (*_canonical_hrefs(doc)[:1], *doc.meta.get("og:url", [])[:1]):
        if "://" in url:
            return url
    return doc.url


def _site_key(name: str) -> str:
    """A site's name as the letters and digits of its words: "The Hill" -> "thehill"."""
    return "".join(_WORD.findall(name.lower()))


def _site_domain(url: str | None) -> str | None:
    """The registrable domain of `url` ("www.space.com" -> "space.com"), looked up once per use;
    None when it cannot name a site: no host, an IP address, a single name, a hosting platform.
    `_site_key(domain)` spells it as a name ("spacecom"), `_domain_word` gives its name part."""
    domain = site_of(url) if url and "://" in url else None
    if not domain or "." not in domain or not any(c.isalpha() for c in domain):
        return None
    if ":" in domain or domain.replace(".", "").isdigit():
        return None
    if norm_name(domain.split(".")[0]) in rules.HOSTING_PLATFORMS:
        return None
    return domain


def _domain_word(domain: str) -> str:
    """The name part of a registrable domain: "reuters.com" -> "reuters"."""
    return _site_key(domain.split(".")[0])


def resembles_site(name: str, url: str | None) -> bool | None:
    """Whether `name` names the site at `url`: it contains the registrable domain's name ("BBC
    News" at bbc.co.uk, "TheHill" at thehill.com), is the domain written out ("Space.com") or its
    words' initials are the domain's name ("Wall Street Journal" at wsj.com).
    None when the address cannot tell (no host, an IP address, a hosting platform's domain)."""
    domain = _site_domain(url)
    word = _domain_word(domain) if domain else None
    if not domain or not word:
        return None
    key = _site_key(name)
    initials = "".join(w[0] for w in norm_name(name).split())
    if initials == word and len(word) > 1:
        return True
    if len(word) < 3:
        return key == word or key == _site_key(domain)
    return word in key


def site_names(doc: _Doc, site: str | None = None) -> tuple[str, ...]:
    """Every name the page gives its site, and its host's: the site name chosen, each declared one
    (JSON-LD publisher and WebSite, og:site_name, application-name), and the registrable domain of
    the page's address and of its declared one, whole ("kottke.org") and as a name ("ehow")."""
    names = [site] if site else []
    art = _ld_article(doc)
    if art:
        names += _ld_names(doc, art.get("publisher"))
    names += [v for name in rules.SITE_META for v in doc.meta.get(name, [])]
    names += [
        n for o in doc.jsonld if _types(o) & rules.JSONLD_SITE_TYPES and (n := _ld_str(o, "name"))
    ]
    for url in (doc.url, *doc.meta.get("og:url", [])[:1], *_canonical_hrefs(doc)[:1]):
        domain = site_of(url) if "://" in url else None
        if domain and any(c.isalpha() for c in domain.rsplit(".", 1)[0]):
            names += [domain, domain.split(".")[0]]
    return tuple(dict.fromkeys(n for n in names if n))
