"""From feed entries (and their pages) to articles: the merge rules, field by field."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from curator import extract_rules_bylines as byline_rules
from curator.articles_addresses import (
    above_or_listing,
    canonical_elsewhere,
    page_address,
    read_at,
    shared_mark,
    unreachable_named,
)
from curator.articles_credits import (
    capitals_recased,
    choose_authors,
    feed_credits,
    feed_itself,
    feed_publication,
    house_credit,
    translator_only,
    writing_for,
)
from curator.articles_pages import PageBatch, read_pages
from curator.articles_titles import (
    feed_item_title,
    page_headlines,
    page_title,
    rechosen,
    restored_title,
    title_choice,
    words_within,
)
from curator.blurb import (
    choose_blurb,
    listed_posts,
    opening_byline,
    quote_blurb,
    subtitle_blurb_text,
)
from curator.blurb_leadin import lead_in_byline
from curator.charsets import misread
from curator.config import FeedSource
from curator.credits import name_key, paid_label, same_name
from curator.creditsites import credited
from curator.extract import clean_authors, resembles_site
from curator.fetch_request import FetchSettings
from curator.htmltext import name_text, read_feed_html
from curator.models import FEED_CODE, Article, Entry, Page
from curator.readerlang import primary, script_against
from curator.urls import amp_origin, clean_url, site_of, url_key
from curator.wordlang import words_over


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
    #: New entries whose page declares no language and whose feed's language is not written in
    #: their letters, so not taken (`language_refusals`), or whose page declares one not
    #: written in them (`page_language_refused`, walk190 #8): (the entry's link, the title
    #: published, that language, the script they are written in, "feed" or "page" as who
    #: declared it), each said (walk188 #4).
    other_language: tuple[tuple[str, str, str, str, str], ...] = ()
    #: New entries whose page's or feed's language their words plainly are not (`words_over`):
    #: (the entry's link, the title, the language declared, "page" or "feed", the words'), each
    #: said (walk191 #4).
    words_language: tuple[tuple[str, str, str, str, str], ...] = ()


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
    languages: list[tuple[str, str, str, str, str]] = []
    worded: list[tuple[str, str, str, str, str]] = []
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
        made = _merged(entry, page, source=source, feed_title=feed_title, now=now, refused=refused)
        if made is None:
            untitled += 1
            untitled_links.append(entry.link or "")
            continue
        article, (page_refused, feed_refused) = made
        if not article.url.startswith(("http://", "https://")):
            unlinked += 1
            continue
        if title_cut(entry, page):
            cut.append(entry.link or article.url)
        if article.post_list:
            lists.append(entry.link or article.url)
        if feed_title_markup(entry, page):
            markup.append(entry.link or article.url)
            # (not one whose page's headline gave the words back: walk192 #1)
            if entry.title_lost and not words_within(entry.title or "", article.title):
                lost.append((entry.link or article.url, article.title, entry.title_lost))
        if entry.author_markup and not entry.via:
            credits.append((entry.link or article.url, article.title, entry.author_markup))
        if entry.link and (named := unreachable_named(page, entry.link)):
            unreachable.append((entry.link, article.title, *named))
        if entry.link and canonical_elsewhere(page, entry.link, article.url):
            elsewhere.append((entry.link, article.title, article.url))
        if entry.link and page is not None and page.base_canonical:
            based.append((entry.link, article.title, *page.base_canonical, article.url))
        link = entry.link or article.url
        # the script its letters are in, when its page's or feed's language is refused for them
        # (both worked out once, as `merge` marked its language: `language_refusals`)
        refused = ""
        if page is not None and (refused := page_refused):
            languages.append((link, article.title, page.language or "", refused, "page"))
        elif entry.language and not article.language:
            refused = feed_refused
            if refused:
                languages.append((link, article.title, entry.language, refused, "feed"))
        declared = (page.language if page else "") or entry.language
        # (one refused for its letters is said above alone)
        # (none declared: the words' language is taken unsaid, as a page's letters tell one)
        if (
            not refused
            and declared
            and article.language
            and primary(article.language) != primary(declared)
        ):
            whose = "page" if page is not None and page.language else "feed"
            worded.append((link, article.title, declared, whose, article.language))
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
        other_language=tuple(languages),
        words_language=tuple(worded),
    )


#: A feed title cut short: "... in U.S. state…", "... signal a...", "... […]".
_CUT_OFF = re.compile(r"\s*(?:\u2026|\.\.\.|\[(?:\u2026|\.\.\.)\])$")
#: Labels a feed puts on a headline, naming what the link shows or that it changed, not what it
#: says ("VIDEO: ...", "... (updated)"). Dropped only when the page's own headline is the rest:
#: a genre label ("Analysis:", "Column:", "Opinion:") tells the reader what kind of piece it is
#: and stays.
_LABEL_LEAD = re.compile(r"^(?:video|watch|photos?|gallery|listen|audio)\s*:\s+", re.I)
_LABEL_END = re.compile(r"\s*[(\[](?:updated?|video|photos?|watch)[)\]]$", re.I)
#: A label in brackets at either end ("[Guest Post] ...", "... [Webinar]", "(Video)"), and a last
#: segment after " | " or " - " (a site's name: "... | HBR"): dropped too only when the page's own
#: headline is the rest (walk203 #2).
_BRACKET_LEAD = re.compile(r"^\s*[\[(][^\[\]()]{1,40}[\])]\s*")
_BRACKET_END = re.compile(r"\s*[\[(][^\[\]()]{1,40}[\])]\s*$")
_SITE_SUFFIX = re.compile(r"\s+[|\-\u2013\u2014]\s+[^|\u2013\u2014]{1,40}$")
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
    headline does not carry ("VIDEO:", "(updated)", "[Guest Post]", a last " | HBR": `_LABEL_LEAD`,
    `_LABEL_END`, `_BRACKET_LEAD`, `_BRACKET_END`, `_SITE_SUFFIX`). The page's
    headline is its title as an issue shows it (`page_title`), else one of its headings (the LA
    Times' <h1> is whole where its <title> is another wording), or in Latin letters that are the
    bytes of the page's script read in the wrong charset ("äøëáú ä÷ìä" for a Hebrew headline, from a
    feed that names the wrong charset: `charsets.misread`, walk151 #2). Any other feed title stays."""
    if page is None:
        return title
    candidates = [c for c in page_headlines(page, publication) if c and _sane(c)]
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
    labelled = _LABEL_END.sub("", _LABEL_LEAD.sub("", title))
    bracketed = _BRACKET_END.sub("", _BRACKET_LEAD.sub("", title))
    for bare in (labelled, bracketed, _SITE_SUFFIX.sub("", title), _SITE_SUFFIX.sub("", bracketed)):
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
    """One article from what the feed and the page say (`_merged`, whose docstring says how,
    field by field); None when neither gives it a title."""
    made = _merged(entry, page, source=source, feed_title=feed_title, now=now, refused=refused)
    return made[0] if made is not None else None


def _merged(
    entry: Entry,
    page: Page | None,
    *,
    source: FeedSource,
    feed_title: str | None,
    now: datetime,
    refused: Collection[str] = (),
) -> tuple[Article, tuple[str, str]] | None:
    """One article from what the feed and the page say, field by field:

    - url: the page's canonical URL (http/https), else the address the link redirected to
      (`page_address`), over the entry's link, unless the canonical is
      above the link (`is_above`: the front page, a section the link lies under), a listing
      (`is_listing`: an index file, a tag or category page) or one refused (its URL key in
      `refused`: one several pages name, `shared_canonicals`, or another story's address);
      tracking parameters removed.
    - title: the feed's title (feeds carry the clean headline), else the page's.
    - authors: the feed's or the page's people (both already exclude "Admin", "Staff", URLs...),
      as `choose_authors` decides; never the publication's own name (`creditsites.credited`). The
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

    With the article, its `language_refusals` (the page's, the feed's), worked out once for it.
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
    if not (byline or summary_byline):
        # "13 novembre 2026 — Rédigé par Claire Martin. Le service…", "Rédigé par Claire Martin.
        # Le service…": a lead-in's byline names the author too, as a page's does (fixlg #1)
        byline, own_text = lead_in_byline(content.own, people)
        summary_byline, own_summary = lead_in_byline(summary.own, people)
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
            # a page naming the feed's person as its translator says whom it credits (walk193 #5)
            guest=page is not None
            and (page.guest_author or translator_only(from_feed, page.credit_text)),
        )
    if publication:  # the feed's title or the name configured, cleaned as the site's name is
        publication = name_text(publication) or site_of(url) or ""
    # nor the feed's own title ("Pier Review Feed", walk193 #3), as the site's name is none
    kept = tuple(
        n
        for n in credited(tuple(authors), publication)
        if not feed_itself(n, feed_title, publication)
    )
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
    if (
        kept
        and origin == "feed"
        and page is not None
        and not page.authors
        and translator_only(kept, page.credit_text)
    ):
        # "Paul Quinn" in the feed, "Translated by Paul Quinn" the page's only credit (walk193
        # #5): no author's credit; the draft and the build say whom the feed named
        others, taken_for_site, kept = kept, "feed-translator", ()
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
        if entry.title_lost:
            title = restored_title(title, page, publication)
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
    languages = language_refusals(entry, page, title, summary.text)
    article = Article(
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
        # was ignored, and a Persian article whose page says none was published as English),
        # unless its letters are in a script the feed's is not written in (walk188 #4), nor the
        # page's (walk190 #8: `<html lang="en-US">` over a Japanese article)
        # (or its words', when they plainly are another language in Latin letters: walk191 #4)
        language=words_over(
            (page.language if page and not languages[0] else "")
            or ("" if languages[1] else entry.language),
            f"{title}. {(page.text if page else None) or summary.text or ''}",
        ),
        post_list=listed_posts(page.title, page.headings, page.text) if page else 0,
        page_headline=_page_headline(entry, page, canonical, title if feed_title_used else "")
        or _newer_headline(entry, page, publication, title if feed_title_used else ""),
        written_for=written_for,
        credit_capitals=capitals_recased(authors, page.credit_text if page else ""),
        title_chosen_from=title_choice(page, publication, title)
        if not feed_title_used and page is not None
        else "",
    )
    return article, languages


def language_refusals(entry: Entry, page: Page | None, title: str, summary: str) -> tuple[str, str]:
    """The page's and the feed's language refused for the article's letters, worked out once per
    article (`merge` marks its language by them, `build_articles` says them): the page's is
    `page_language_refused`; the feed's (`Entry.language`, "en") is the script the article is
    written in (`readerlang.script_against`: "Japanese") when its page declares no language (or
    one refused) and the feed's is not written in that script: the feed's is then not the
    article's, its letters tell it (walk188 #4). "" for either when it is taken, or there is none
    to take."""
    page_refused = page_language_refused(page, title) if page is not None else ""
    if not entry.language or (page is not None and page.language and not page_refused):
        return page_refused, ""
    text = (page.text if page is not None else None) or summary
    return page_refused, script_against(entry.language, f"{title} {text[:1000]}")


def page_language_refused(page: Page, title: str) -> str:
    """The script the article is written in ("Japanese") when its page declares a language not
    written in it (`readerlang.script_against`): a site's template says `<html lang="en-US">`
    around every page, a Japanese article's too, which was then marked English, unsaid (walk190
    #8); its letters tell its language instead, as when the page says none. "" when the page
    declares none, or one its letters agree with (or they are Latin: any language may be)."""
    if not page.language:
        return ""
    return script_against(page.language, f"{title} {(page.text or '')[:1000]}")


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


def articles_from_urls(
    urls: Sequence[str], settings: FetchSettings, *, now: datetime, site_names: Sequence[str] = ()
) -> tuple[Built, dict[str, str]]:
    """Articles the editor added by URL alone: each page is read and credited as a feed entry
    would be; and why each page that could not be read was not (url -> reason). A title chosen
    from a side of the page's <title> is the side that is not one of `site_names` (the followed
    feeds' names: `articles_titles.rechosen`, walk191 #6)."""
    source = FeedSource(url="", name=None)
    entries = [Entry(link=url) for url in urls if url.startswith(("http://", "https://"))]
    pages, errors = read_pages([e.link or "" for e in entries], settings)
    built = build_articles(entries, source=source, feed_title=None, pages=pages, now=now)
    if site_names:
        articles = tuple((key, rechosen(a, site_names)) for key, a in built.articles)
        built = replace(built, articles=articles)
    return built, errors
