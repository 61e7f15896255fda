"""Whom an article credits: the people the feed or the page names, and the publication."""

from __future__ import annotations

import re
from collections.abc import Sequence

from curator import extract_rules as rules
from curator import extract_rules_bylines as byline_rules
from curator import extract_rules_names as name_rules
from curator.charsets import misread
from curator.credits import (
    OTHERS,
    is_organisation,
    name_key,
    norm_name,
    publication_like,
    same_name,
)
from curator.extract import clean_authors, resembles_site, weak_site_name
from curator.htmltext import name_text
from curator.models import Entry
from curator.urls import cdn_of, platform_of, platform_place, site_of


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


#: The last word of a feed's title that names it a feed ("Pier Review Feed", "Acme RSS").
_FEED_WORDS = frozenset(["feed", "feeds", "rss", "atom", "posts", "articles", "updates", "stories"])


def feed_itself(name: str, feed_title: str | None, publication: str | None) -> bool:
    """`name` is the feed's own title ("Pier Review Feed" as the dc:creator, or a page's author
    meta tag, of the feed "Pier Review Feed" on "Pier Review", walk193 #3: it was credited as a
    person): the feed itself, no one's credit, as the site's own name is (`creditsites.credited`). A
    feed titled with a person's name stays their credit ("Hana Sato", a personal blog's feed),
    unless the name reads as a feed's: the publication's name and more, a feed's word last
    ("Feed", "RSS"), an organisation's or a publication's name."""
    if not feed_title or not same_name(name, feed_title):
        return False
    own, key = name_key(publication or ""), name_key(name)
    words = norm_name(name).split()
    return (
        (bool(own) and own in key and own != key)
        or (bool(words) and words[-1] in _FEED_WORDS)
        or is_organisation(name)
        or publication_like(name)
    )


def translator_only(feed: Sequence[str], credit: str) -> bool:
    """Whether the page's credit (`Page.credit_text`) names each of the feed's people as its
    translator ("By Olga Petrova. Translated by Paul Quinn", "Translated by Paul Quinn from an
    essay by Olga Petrova", "übersetzt von Paul Quinn"), so that the feed credits the translator,
    not the author (walk193 #5: an aggregator's "Paul Quinn" was published unsaid)."""
    named = " ".join(
        found["names"] for found in byline_rules.TRANSLATOR_CREDIT.finditer(credit or "")
    )
    key = name_key(named)
    return bool(feed) and bool(key) and all(name_key(n) and name_key(n) in key for n in feed)


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


def capitals_recased(authors: Sequence[str], credit: str) -> str:
    """`credit` (the page's byline as written) when it writes a name of `authors` all in capitals
    that curator re-cased with a particle or a "Mc"/"Mac" in it ("PAR MARIE-ÈVE DE LA TOUR"
    credited "Marie-Ève de la Tour", her name having "La"): how such a name is cased is a guess
    the draft notes (walk191 #9); "JOHN SMITH" as "John Smith" is none. Else ""."""
    return (
        credit
        if any(a != a.upper() and a.upper() in credit and _cased_by_guess(a) for a in authors)
        else ""
    )


def _cased_by_guess(name: str) -> bool:
    """Whether a name's capitals are more than each word's first letter: a particle after its
    first word ("de la", "van", "bin"), a "Mc" or "Mac" ("McCarthy", "Macdonald")."""
    pieces = [p.lower() for w in name.split() for p in w.split("-")]
    return any(p in name_rules.CASED_PARTICLES for p in pieces[1:]) or any(
        p.startswith(("mc", "mac")) for p in pieces
    )
