"""An article's title as an issue shows it: a page's or a feed's, less the site's name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from curator import extract_rules as rules
from curator.credits import name_key
from curator.extract import strip_site_name
from curator.extract_title import headed_side, without_site_lead
from curator.models import Article, Page
from curator.urls import site_of


def page_title(page: Page, publication: str | None) -> str:
    """The page's title as an issue shows it: without a segment at either end that names the
    site (" | eHow", "TheHill | ...") -- the publication credited, any name the page declares for
    its site, its registrable domain whole or as a word (`Page.site_names`) -- nor a byline
    segment that such a name follows (" - John C. Welch - Medium"). `Page.title` keeps them, as
    the page writes it (the figure `benchmarks/extract.py` measures against Readability's)."""
    names = [publication, *page.site_names] if publication else list(page.site_names)
    # A word of a site's name names it too: "Digitizing CX | Acme" on "Acme Insights" (walk165 #5).
    names += [w for n in names for w in _name_words(n)]
    # "Acme Blog: NPS - What It Measures": a name leading before ":" goes too (walk190 #9)
    title = strip_site_name(page.title or "", names, page.authors)
    # "Mozilla - Wikipedia" headed "Mozilla": the side its <h1> is (walk191 #6)
    if title == page.title_written and page.headline:
        title = headed_side(title, page.headline) or title
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


def title_choice(page: Page, publication: str | None, title: str) -> str:
    """The page's <title> as written (`Page.title_written`) when `title` is one side of it that no
    name of the site decided: the other side is no name the page gives its site nor the
    publication credited, so its <h1> or the length of what was left chose (walk191 #6: "Le Blog
    de la Relation Client" was published for "Le premier contact décide de tout"); else ""."""
    written = page.title_written
    if not written or not title or title == written or title not in written:
        return ""
    names = [n for n in (publication, *page.site_names) if n]
    if strip_site_name(written, names) == title:
        return ""
    return written


def rechosen(article: Article, names: Sequence[str]) -> Article:
    """`article` with the title its page's <title> gives once a whole segment naming a site of
    `names` (the followed feeds' names) goes from either end, when its title was chosen from that
    <title> (`Article.title_chosen_from`): "Le Blog de la Relation Client » Le premier contact
    décide de tout", added by address, is "Le premier contact décide de tout" where a followed feed
    is named "Le Blog de la Relation Client" (walk191 #6: the site's name was published). A name
    decided it: the choice is no longer said."""
    written = article.title_chosen_from
    if not written or not names:
        return article
    title = without_names(written, names)
    if title == written:
        return article
    return replace(article, title=title, title_chosen_from="")


def without_names(written: str, names: Sequence[str]) -> str:
    """A page's <title> without a whole segment naming a site of `names` at either end (as
    `rechosen` takes it; `curator extract` shows it so too, walk195 #7)."""
    return strip_site_name(written, names)


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
    # Only a name the site is known by leads: "Acme Blog: NPS - What It Measures" of the feed
    # "Acme Blog" (walk190 #9), not the address's word or a person.
    known = (publication, feed_title, page.publication if page is not None else None)
    return without_site_lead(
        strip_site_name(title, names, people, lead=False), [n for n in known if n]
    )


def page_headlines(page: Page, publication: str | None) -> tuple[str, ...]:
    """What may stand for a feed's damaged title (`articles.repaired_title`, `restored_title`):
    the page's title as an issue shows it (`page_title`; "" when it has none), then its
    headings."""
    return (page_title(page, publication) if page.title else "", *page.headings)


def restored_title(title: str, page: Page | None, publication: str | None) -> str:
    """The page's headline in place of a feed's title that lost words with its markup (the
    entry's `title_lost`) when the headline is that title with more words (`words_within`: "Why
    <template> and </template> wrap every Vue component" for the feed's "Why wrap every Vue
    component"): a damaged copy of it, which gives way to it as a cut one does (walk192 #1)."""
    if page is None:
        return title
    for candidate in page_headlines(page, publication)[:2]:  # (its title, its first heading)
        candidate = " ".join(candidate.split())
        if candidate and len(candidate) <= 3 * len(title) and words_within(title, candidate):
            return candidate
    return title


#: A word of a title, as `words_within` compares two.
_TITLE_WORD = re.compile(r"\w+")


def words_within(title: str, headline: str) -> bool:
    """Whether `headline` has the words of `title` in their order, and more (case aside): the
    title lacks words of the headline, lost ones perhaps."""
    words = _TITLE_WORD.findall(title.casefold())
    have = _TITLE_WORD.findall(headline.casefold())
    if not words or len(have) <= len(words):
        return False
    rest = iter(have)
    return all(word in rest for word in words)
