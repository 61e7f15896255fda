"""A feed's entries against what the store holds (`curator.harvest`): which are new, which
were stored before and changed since or moved to a new link under the same id (`new_entries`,
`Known`, `Move`), the entries that may have come and gone unseen between two reads (`missed`), an
entry's id and what it says (`entry_id_key`, `entry_said`), and the notes of a feed's entries
curator could not take as they were (`read_report`); and the canonical addresses a feed's pages
name that the store knows already (`shared_before`, `stored_titles`)."""

from __future__ import annotations

import dataclasses
import html
import json
import unicodedata
from collections.abc import Collection, Iterable, Sequence, Set
from dataclasses import dataclass

from curator import articles as article_rules
from curator import articles_addresses as article_addresses
from curator.config import FeedSource
from curator.feedsecrets import secrets_shown
from curator.harvest_feedreport import (
    NO_CANONICAL,
    NO_LINK,
    NO_WEB_BASE,
    NOT_WELL_FORMED_ID,
    FeedReport,
)
from curator.models import (
    Entry,
    FetchResult,
    Page,
    ParsedFeed,
)
from curator.store import FeedState, Store
from curator.urls import safe_url, url_key


def read_report(
    source: FeedSource,
    parsed: ParsedFeed,
    result: FetchResult,
    new: int,
    untitled: int = 0,
    duplicates: int = 0,
    reused_ids: int = 0,
    unlinked: int = 0,
    *,
    new_links: Collection[str] = (),
    said: Collection[str] = (),
    untitled_links: Sequence[str] = (),
) -> FeedReport:
    """The report of a feed read and parsed, with the entries left out for want of a link, or
    sharing one, (and, once its articles are built, of a title, or as another's page); and
    `unlinked`: a local feed's entries whose local page named no web address. Its entries
    published at their guid are said of those new now (`new_links`, URL keys of their links):
    once, when first stored so (walk162 #6: said at every fetch of the feed). The entries left
    out for want of a link, and the `untitled_links`, whose `skip_key` is in `said` (an earlier
    fetch said them) are counted in `skipped_before`, not named again."""
    unlinked_entries = [entry for entry in parsed.entries if not entry.link]
    fresh = [entry for entry in unlinked_entries if skip_key(entry) not in said]
    titleless = [link for link in untitled_links if untitled_key(link) not in said]
    before = len(unlinked_entries) - len(fresh) + len(untitled_links) - len(titleless)
    if untitled_links:
        untitled = len(titleless)
    skipped_links = len(fresh)
    reason = NO_LINK
    if (
        skipped_links
        and source.is_file
        and not (parsed.link or "").startswith(("http://", "https://"))
    ):
        reason = f"{NO_LINK}; {NO_WEB_BASE}"
    elif skipped_links and parsed.warning:
        reason = f"{NO_LINK}: {NOT_WELL_FORMED_ID}"
    elif unlinked and not skipped_links:
        reason = f"{NO_LINK}; {NO_CANONICAL}"
    refused = list(
        dict.fromkeys(e.unsafe_link for e in fresh if e.unsafe_link and e.unsafe_link[-1] != ":")
    )
    if refused and reason == NO_LINK:
        # A link refused as it was written (a user name before its host) is said, not only
        # "no http(s) link": the feed shows one (walk173 #5).
        reason = f"{NO_LINK} curator may publish ({'; '.join(refused[:2])})"
    skipped_links += unlinked
    return FeedReport(
        source.url,
        _source_name(source, parsed),
        "ok",
        len(parsed.entries),
        new,
        warning=parsed.warning,
        charset_note=parsed.charset_note,
        elapsed=result.elapsed,
        skipped_links=skipped_links,
        skip_reason=reason if skipped_links else None,
        skipped_titles=tuple(_entry_name(entry) for entry in fresh),
        skipped_before=before,
        guid_links=tuple(
            (_entry_name(e), e.unsafe_link)
            for e in parsed.entries
            if e.unsafe_link and e.link and url_key(e.link) in new_links
        ),
        untitled=untitled,
        duplicates=article_addresses.same_page_entries(parsed.entries) + duplicates,
        moved_to=result.moved_to,
        old_error=result.old_error,
        reused_ids=reused_ids,
        entries_in_feed=parsed.entries_in_document,
        newest_read=parsed.newest_read,
    )


def links_of(entries: Iterable[Entry]) -> set[str]:
    """The URL keys of the entries' links."""
    return {url_key(e.link) for e in entries if e.link}


def _entry_name(entry: Entry) -> str:
    """An entry as the editor can find it in its feed: its title, else its id, else "(no title
    or id)"."""
    name = entry.title or (entry.guid or "").strip() or "(no title or id)"
    return name if len(name) <= 80 else name[:79] + "…"


def entry_id_key(feed_url: str, guid: str) -> str:
    """The key a feed's entry id is kept under, beside the URL keys of the article it gave (ids
    are the feed's own: two feeds may use the same)."""
    return f"entry-id:{feed_url} {guid.strip()}"


def entry_ids(source: FeedSource, parsed: ParsedFeed) -> list[tuple[str, str]]:
    """(id key, link's URL key) of each entry that gives both."""
    return [
        (entry_id_key(source.url, e.guid), url_key(e.link))
        for e in parsed.entries
        if e.guid and e.link
    ]


def entry_said(entry: Entry) -> str:
    """What a feed entry says of its article that an editor publishes: its title and authors
    (spaces aside), as kept with the stored article (`Store.entries_said`)."""
    return json.dumps(
        [" ".join((entry.title or "").split()), [" ".join(a.split()) for a in entry.authors]],
        ensure_ascii=False,
    )


@dataclass(frozen=True)
class Changed:
    """An entry of an article stored before whose title or authors the feed changed since."""

    entry: Entry
    article_id: int
    said: str
    #: The first issue that published the article (or named it under another), or None.
    published_in: int | None
    #: The title that issue printed (the editor may have corrected it), else the one stored.
    title: str = ""
    #: Published, and what changed since the entry was last seen went back to what the issue
    #: printed (walk181 #2: a feed undoing its retitle was said as a correction to make).
    as_printed: bool = False
    #: The later issues that published it too (featured again), each to correct as the first
    #: (walk199 #3: only the first was named).
    also_in: tuple[int, ...] = ()
    #: Which of "title" and "authors" the entry gives otherwise than the issue printed them, the
    #: fields to correct (fixlm #2: a credit changed alone named the "title" to edit too).
    fields: tuple[str, ...] = ("title", "authors")


@dataclass(frozen=True)
class Relinked:
    """An entry giving the id of an article stored before at a new link, under its title: the
    feed moved the article there (walk137 #1)."""

    entry: Entry
    article_id: int
    #: The article's address and title as stored.
    url: str
    title: str


@dataclass(frozen=True)
class Known:
    """The feed's entries of articles stored before: those it changed, and those whose entry
    was not recorded yet ((URL key, `entry_said`): kept now, a change noticed from then on);
    and those it gives at a new link (`_Relinked`)."""

    changed: tuple[Changed, ...] = ()
    unrecorded: tuple[tuple[str, str], ...] = ()
    relinked: tuple[Relinked, ...] = ()


@dataclass(frozen=True)
class Move:
    """What became of a stored article its feed gives at a new link (`_Relinked`)."""

    article_id: int
    title: str
    #: Its stored address; the new one (the page's own, read there, or the feed's link).
    old: str
    new: str
    #: The new address's URL key, and more keys of the article there (the feed's link).
    key: str
    others: tuple[str, ...] = ()
    #: Why it stays at its old address (the new link could not be read, or serves another
    #: article); None when it moves.
    kept: str | None = None
    #: Why its page was not read at the new link (`fetch_pages: false`, robots.txt), if not.
    unread: str | None = None


def missed(
    store: Store, source: FeedSource, parsed: ParsedFeed, new: Sequence[Entry], before: FeedState
) -> tuple[str, str, int, str | None] | None:
    """`FeedReport.missed`: a feed read before whose entries now are all new, each dated after
    the newest it gave before (a window that moved past what was stored, however many entries
    it holds): the entries between may have come and gone between two fetches.

    Why: a feed keeping only its latest 4 entries, fetched at posts 1-4 and then at posts 11-14,
    said "4 entries, 4 new": posts 5-10 were lost without a word (walk157 #3); one read at 300
    entries, then at 20 all newer, said nothing either (walk202 #7: it had to hold as many)."""
    entries = parsed.entries
    if not before.entries_last or not entries:
        return None
    if len(new) != len(entries):  # one of them was stored before: the windows overlap
        return None
    dates = [e.published for e in entries]
    if any(d is None for d in dates):
        return None
    newest = store.feed_newest_published(source.url)
    oldest = min(d for d in dates if d is not None)
    if newest is None or oldest <= newest:
        return None
    site = safe_url(parsed.link)
    if (
        site is None
        or not site.startswith(("http://", "https://"))
        or any(c.isspace() for c in site)
    ):
        site = None  # (the feed's own home page, where one may look: an address, nothing else)
    return newest.isoformat(), oldest.isoformat(), len(entries), site


def found_stored(store: Store, source: FeedSource, built: article_rules.Built) -> bool:
    """Whether any of the feed's new articles, as built, is stored already: by the address its
    page gives (another feed's article), as an article the feed gave before at another address
    (the same text: `Store.republished`), or as another feed's by its text. Entries found so were stored before: the
    feed's window did not move past everything stored (`FeedReport.missed`, walk169 #7)."""
    if store.known_keys(k for k, _ in built.articles):
        return True
    articles = list(built.articles)
    found = store.republished(source.url, articles) if articles else {}
    urls = dict(articles)
    if any(
        sure or not article_rules.other_story(urls[k].title, t)
        for k, (_, t, sure, _) in found.items()
    ):
        return True
    # Or as another feed's article by its text, its page naming no address of its own (a
    # syndication feed's copies: walk169 #7, the warning stood every week).
    return bool(articles) and store.text_stored_elsewhere(source.url, articles)


def new_entries(
    store: Store, parsed: ParsedFeed, source: FeedSource, stored_now: Set[str] = frozenset()
) -> tuple[list[Entry], int, Known]:
    """The feed's entries the store does not have yet, one per link, in the feed's order; an
    entry whose id the feed gave an article before is that article (its link may have changed),
    unless its title is new too: then the publisher reused the id for a new article, which is
    new (the stored one keeps the id). And how many entries were such new articles; and those
    at a stored article's link whose title or authors the feed changed since (walk126 #1)."""
    keyed = article_addresses.keyed_entries(parsed.entries)
    ids = {k: entry_id_key(source.url, e.guid) for k, e in keyed.items() if e.guid}
    # (the articles other feeds stored in this run are new to this one too, as when every feed
    # was stored after the loop: its report says they were "stored already as articles of" them)
    known = store.known_keys([*keyed, *ids.values()]) - stored_now
    fresh = {k: e for k, e in keyed.items() if k not in known}
    by_id = [k for k in fresh if ids.get(k) in known]
    titles = store.titles_of_keys([ids[k] for k in by_id]) if by_id else {}
    reused = {k for k in by_id if article_rules.other_story(fresh[k].title, titles.get(ids[k]))}
    new = [e for k, e in fresh.items() if ids.get(k) not in known or k in reused]
    stored = [k for k in keyed if k in known]
    said = store.entries_said(stored, source.url) if stored else {}
    # The others are that article at a new link: the feed moved it (walk137 #1), one link each;
    # not when the feed still gives it at a link it has too.
    relinked: list[Relinked] = []
    if moves := [k for k in by_id if k not in reused]:
        articles = store.stored_by_entry_ids([ids[k] for k in moves])
        taken = {said[k][0] for k in stored if k in said}
        for k in moves:
            if (found := articles.get(ids[k])) is not None and found[0] not in taken:
                taken.add(found[0])
                relinked.append(Relinked(fresh[k], *found))
    changed: list[Changed] = []
    unrecorded: list[tuple[str, str]] = []
    seen: set[int] = set()
    said_before: dict[int, str] = {}
    for k in stored:
        if k not in said or said[k][0] in seen:
            continue
        article_id, before, issues = said[k]
        seen.add(article_id)
        now = entry_said(keyed[k])
        if before is None:
            unrecorded.append((k, now))
        elif before != now and keyed[k].title:
            first = issues[0] if issues else None
            changed.append(Changed(keyed[k], article_id, now, first, also_in=issues[1:]))
            said_before[article_id] = before
    if changed:
        stored_titles = store.titles_at_keys([url_key(c.entry.link or "") for c in changed])
        changed = [
            dataclasses.replace(c, title=stored_titles.get(url_key(c.entry.link or ""), ""))
            for c in changed
        ]
        # A published article is named by the title its issue printed, which the editor may have
        # corrected, not the feed's old one (walk133 #4).
        printed = store.published_titles([c.article_id for c in changed if c.published_in])
        credits = store.published_credits([c.article_id for c in changed if c.published_in])
        changed = [
            dataclasses.replace(
                c,
                title=printed.get(c.article_id, c.title),
                as_printed=_back_to_printed(
                    said_before[c.article_id],
                    c.said,
                    printed.get(c.article_id, c.title),
                    credits.get(c.article_id),
                ),
                fields=_fields_changed(
                    said_before[c.article_id],
                    c.said,
                    printed.get(c.article_id, c.title),
                    credits.get(c.article_id),
                ),
            )
            for c in changed
        ]
    return new, len(reused), Known(tuple(changed), tuple(unrecorded), tuple(relinked))


def _back_to_printed(
    before: str, now: str, shown: str, printed: tuple[str, tuple[str, ...]] | None
) -> bool:
    """Whether each of title and authors that an entry changed (`entry_said` `before` and `now`)
    is now what the issue printed (`printed`: its title and authors; None: not recorded), as
    the editor reads them (`_as_read`): the feed took back a change, and the issue needs no
    correction. The title is also compared with `shown`, the one a notice would give as
    published (the issue's, else the stored one), and the authors with those the entry gave
    before: walk189 #5, an entry that came and went for a page an older curator published (its
    title and credit not recorded) had the next fetch say its title "is now" the same title."""
    (title_was, authors_were), (title, authors) = json.loads(before), json.loads(now)
    titles = {_as_read(title_was), _as_read(shown), *([_as_read(printed[0])] if printed else [])}
    if _as_read(title) not in titles:
        return False
    names = [_as_read(a) for a in authors]
    return names == [_as_read(a) for a in authors_were] or (
        printed is not None and names == [_as_read(a) for a in printed[1]]
    )


def _fields_changed(
    before: str, now: str, shown: str, printed: tuple[str, tuple[str, ...]] | None
) -> tuple[str, ...]:
    """Which of "title" and "authors" the entry (`entry_said` `now`) gives otherwise than the
    issue printed them (`shown` its title; `printed` its title and authors, None: not recorded,
    then those the entry gave `before`), as the editor reads them; both when neither reads
    otherwise (a change `_back_to_printed` did not take for one)."""
    (_, authors_were), (title, authors) = json.loads(before), json.loads(now)
    were = printed[1] if printed is not None else authors_were
    fields = (
        *(("title",) if _as_read(title) != _as_read(shown) else ()),
        *(("authors",) if [_as_read(a) for a in authors] != [_as_read(a) for a in were] else ()),
    )
    return fields or ("title", "authors")


def _as_read(text: str) -> str:
    """A title or name as an editor reads it: character references read, compatibility forms
    folded (NFKC), spaces and case aside."""
    return " ".join(unicodedata.normalize("NFKC", html.unescape(text)).split()).casefold()


def _source_name(source: FeedSource, parsed: ParsedFeed | None) -> str:
    # (an address's secret masked: fixlg #2)
    return (
        source.name
        or (parsed.title if parsed and parsed.title else None)
        or secrets_shown(source.url)
    )


def skip_key(entry: Entry) -> str:
    """How an entry left out for want of a link is known from one fetch to the next: by its id,
    else its title and date (`Store.skips_said`)."""
    if entry.guid and entry.guid.strip():
        return "id " + entry.guid.strip()
    published = entry.published.isoformat() if entry.published else ""
    return f"title {entry.title or ''} {published}"


def untitled_key(link: str) -> str:
    """How an entry left out for want of a title is known from one fetch to the next: its link."""
    return "link " + url_key(link)


def shared_before(
    store: Store, pages: Iterable[Page], stored_now: Set[str] = frozenset()
) -> list[str]:
    """Of the canonical URLs these pages name, the keys of those stored as named by several
    pages before (`articles.shared_canonicals`), not counting `stored_now` (this run's)."""
    keys = {url_key(c) for p in pages if (c := article_addresses.page_address(p))}
    known = store.known_keys(article_addresses.shared_mark(k) for k in keys) - stored_now
    return [k for k in keys if article_addresses.shared_mark(k) in known]


def stored_titles(
    store: Store, pages: Iterable[Page], stored_now: Set[str] = frozenset()
) -> dict[str, str]:
    """Of the canonical URLs these pages name, the keys of those that are a stored article's
    address, with its title (`articles.build_articles` tells another story's address by it);
    not those of `stored_now` (stored in this run)."""
    keys = {url_key(c) for p in pages if (c := article_addresses.page_address(p))} - stored_now
    return store.titles_at_keys(sorted(keys)) if keys else {}
