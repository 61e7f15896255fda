"""Each feed's outcome written to the store (`curator.harvest`), in one transaction
(`store_outcome`): its state, its new articles and their term counts, the changed entries of
articles stored before, its articles moved to a new link, and the report it ends with (a feed
answering again after failing, `came_back`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence, Set
from datetime import datetime
from urllib.parse import urlsplit

from curator import articles as article_rules
from curator import articles_addresses as article_addresses
from curator.articles_addresses import SIGN_IN_PAGE
from curator.articles_credits import feed_publication
from curator.config import FeedSource
from curator.harvest_entries import Move as _Move
from curator.harvest_entries import entry_ids as _entry_ids
from curator.harvest_entries import entry_said, skip_key, untitled_key
from curator.harvest_entries import read_report as _read_report
from curator.harvest_feedreport import FeedReport
from curator.harvest_outcome import Fresh as _Fresh
from curator.harvest_outcome import Outcome as _Outcome
from curator.harvest_outcome import Settled as _Settled
from curator.models import FUTURE_SLACK, Entry
from curator.siteowned import same_links, take_own
from curator.store import FeedState, Store, with_moved_error
from curator.termcounts import Counted, Vocabulary
from curator.textfeatures import scripts
from curator.urls import url_key

# -- storing ---------------------------------------------------------------------------------------


def came_back(report: FeedReport, before: FeedState) -> FeedReport:
    """The report of a feed that answered (read, or unchanged), saying it answers again when it
    had failed in the runs before (`FeedReport.back_note`), or that curator waited as its server
    asked (Retry-After) when that was its last answer."""
    if report.status == "ok" and not report.entries and before.entries_last:
        report = dataclasses.replace(report, entries_before=before.entries_last)
    if report.status in ("ok", "unchanged") and before.failed_runs:
        return dataclasses.replace(
            report,
            back_after_runs=before.failed_runs,
            back_since=before.failing_since,
            back_after_wait=before.last_error_kind == "rate-limited" and bool(before.wait_until),
        )
    return report


def store_outcome(
    store: Store,
    outcome: _Outcome,
    now: datetime,
    vocabulary: Vocabulary | None = None,
    configured: Sequence[str] | None = None,
    states: Mapping[str, FeedState] | None = None,
    written: set[str] | None = None,
) -> FeedReport:
    """Write one feed's outcome; its report, with the articles it really added (and their
    counts, through `vocabulary`), and those of a feed no longer `configured` it carried. The
    URL keys (and aliases) of the articles it added go in `written`, when given."""
    result = outcome.result
    url = outcome.report.url if isinstance(outcome, _Settled) else outcome.source.url
    # As it was before this run's answer is recorded (the run's snapshot, when given).
    before = states[url] if states and url in states else store.feed_state(url)

    def back(report: FeedReport) -> FeedReport:
        return came_back(report, before)

    if isinstance(outcome, _Settled):
        report = back(outcome.report)
        if report.status == "waiting" and report.error is None:  # not asked: nothing to record
            until = datetime.fromisoformat(report.wait_until) if report.wait_until else None
            stored = datetime.fromisoformat(before.wait_until) if before.wait_until else None
            if until and stored and until < stored:  # capped on reading it
                store.set_feed_wait(report.url, until)
            return report
        if report.status in ("failed", "waiting"):  # asked, and told to wait or failed
            store.record_feed_failure(
                report.url,
                now=now,
                status=result.status,
                kind=report.error_kind or "error",
                # Its new address's answer too, when it was read there and failed as well, so
                # that `feeds check` says what this run said (walk136 #132-2).
                error=with_moved_error(
                    report.error or "failed", report.moved_error if report.moved_before else None
                ),
                elapsed=result.elapsed,
                wait_until=datetime.fromisoformat(report.wait_until) if report.wait_until else None,
            )
            if new := report.leads_to or report.page_feed:  # advised replacing or removing it
                store.advise_move(report.url, new)
        else:
            store.record_feed_success(
                report.url,
                now=now,
                status=result.status,
                title=None,
                etag=result.etag,
                last_modified=result.last_modified,
                entries=None,
                size=outcome.size,
                elapsed=result.elapsed,
                content_hash=outcome.digest,
                moved_to=report.moved_to,
                parsed=False,
            )
        return report
    source, parsed, built = outcome.source, outcome.parsed, outcome.built
    retitled = _retitled(before.title, parsed.title)
    # A move recorded before, the old address now answering by itself with a feed of another
    # title: another site may have taken the address (walk91 #1). The move stands, and so does
    # the title it had, until the address answers as that feed again or feeds.yaml follows it.
    kept_move = before.moved_to if before.moved_to and not result.moved_to and retitled else None
    if retitled and not kept_move:
        store.record_feed_renamed(source.url, retitled[0])  # (walk169 #9: one name per issue)
    # (the name its pages gave their site before this run: what credited its articles then)
    sites_before = store.newest_site_names(source.url) if retitled and not kept_move else {}
    # Its entries then are that other site's, not this feed's: not stored as articles, so that
    # following the move (which carries this feed's articles to the new address) carries none
    # of them into the candidates (walk94 #5: a casino's posts scored under a subject).
    not_stored = len(built.articles) if kept_move else 0
    if kept_move:
        built = dataclasses.replace(built, articles=(), aliases={})
    with store.transaction():
        keys = list(article_addresses.keyed_entries(parsed.entries))
        carried = store.follow_renames(source.url, keys, configured) if configured else []
        if configured and not carried and source.is_file:
            # walk89 #6: a local feed in a copied or moved folder links to local pages at the new
            # path too, so its entries' links match nothing stored; the articles read from those
            # pages (by the pages' own addresses) are the stored file's of the same name.
            carried = store.follow_renames(
                source.url, [k for k, _ in built.articles], configured, moved_file=True
            )
        known = store.known_keys(k for k, _ in built.articles)
        republished, readdressed, moved_published, matched = _republished(
            store, source, built, known, kept_move
        )
        # Their new addresses that lead to a sign-in page: not to be linked (walk200 #5).
        gates = _gated_keys(outcome) if moved_published else set()
        moved_gated = tuple(new for _, _, new, _, _ in moved_published if url_key(new) in gates)
        relinked, kept_relinked = ([], []) if kept_move else _move_by_feed(store, outcome.moves)
        if republished:
            built = dataclasses.replace(
                built, articles=tuple((k, a) for k, a in built.articles if k not in republished)
            )
        if written is not None:
            adding = {k for k, _ in built.articles if k not in known}
            aliased = {a for a, k in built.aliases.items() if k in adding and a not in adding}
            written.update(adding)
            written.update(aliased - store.known_keys(aliased))
        added = store.add_articles(built.articles, feed_url=source.url, aliases=built.aliases)
        found = [k for k, _ in built.articles if k in known]
        # Those an aggregator stored, on this feed's own site: this feed's (walk202 #6).
        taken = (
            []
            if kept_move or not found
            else take_own(
                store,
                source.url,
                parsed.link or source.url,
                [(k, a) for k, a in built.articles if k in known],
            )
        )
        taken_keys = {t.key for t in taken}
        already = [k for k in found if k not in taken_keys]
        holders = store.feeds_holding(already) if already else {}
        same_link = same_links(store, parsed.entries, built.aliases, already)
        # Its own articles, carried above, are not "stored already as articles of" itself.
        own = holders.pop(source.url, 0) if carried else 0
        reblurbed = 0
        if not kept_move:
            store.remember_entry_ids(_entry_ids(source, parsed))
            reblurbed = _record_entries(store, outcome, keys)
        unread = [
            row
            for row in outcome.unread
            if row[0] not in known and row[0] not in republished and not kept_move
        ]
        if unread:
            store.add_page_retries(unread, now=now)
            known_waits = {row[0] for row in unread}
            if waits := [(k, u) for k, u in outcome.waits if k in known_waits]:
                store.page_waits(waits)
        if vocabulary is not None and outcome.counted:
            fresh = {
                k: (c, w)
                for k, c, w in reversed(outcome.counted)
                if k not in known and k not in republished
            }
            ids = store.ids_of_keys(list(fresh))
            vocabulary.save([Counted(ids[k], c, w) for k, (c, w) in fresh.items() if k in ids])
        store.record_feed_success(
            source.url,
            now=now,
            status=result.status,
            title=before.title if kept_move else parsed.title,
            etag=result.etag,
            last_modified=result.last_modified,
            entries=len(parsed.entries),
            size=outcome.size,
            elapsed=result.elapsed,
            content_hash=outcome.digest,
            moved_to=result.moved_to or kept_move,
            warning=parsed.warning,
        )
        # Its entries left out, said by this fetch or one before: not named again (fixhj).
        said = store.skips_said(source.url)
        if not kept_move:
            store.record_skips_said(
                source.url,
                [
                    *(skip_key(e) for e in parsed.entries if not e.link),
                    *(untitled_key(link) for link in built.untitled_links),
                ],
            )
    stored_now = {k for k, _ in built.articles if k not in known}
    report = _read_report(
        source,
        parsed,
        result,
        added,
        built.untitled,
        built.duplicates,
        outcome.reused_ids,
        built.unlinked,
        # (an entry's link is its article's alias when its page named another address)
        new_links={link for link, key in built.aliases.items() if key in stored_now},
        said=said,
        untitled_links=built.untitled_links,
    )
    fresh_articles = [a for k, a in built.articles if k not in known]

    def stored_now_at(link: str) -> bool:
        """Whether the entry at `link` is of an article this feed stored now (its page's own
        address, when it named another, is its alias)."""
        return built.aliases.get(url_key(link), url_key(link)) in stored_now

    ahead = now + FUTURE_SLACK
    return dataclasses.replace(
        back(report),
        # (entries found stored, at new addresses or as another feed's articles: no gap)
        missed=None if republished or found else outcome.missed,
        undated=sum(1 for a in fresh_articles if a.published is None),
        future_dated=sum(1 for a in fresh_articles if a.published and a.published > ahead),
        cut_titles=built.cut_titles,
        post_lists=built.post_lists,
        # the articles this feed stored (walk96 D: a feed whose articles another had stored was
        # said to give "5 new article(s)" titles with markup)
        markup_titles=tuple(link for link in built.markup_titles if stored_now_at(link)),
        lost_titles=tuple(said for said in built.lost_titles if stored_now_at(said[0])),
        markup_credits=tuple(said for said in built.markup_credits if stored_now_at(said[0])),
        unreachable=tuple(said for said in built.unreachable if stored_now_at(said[0])),
        elsewhere=tuple(said for said in built.elsewhere if stored_now_at(said[0])),
        base_refused=tuple(said for said in built.base_refused if stored_now_at(said[0])),
        other_language=tuple(said for said in built.other_language if stored_now_at(said[0])),
        words_language=tuple(said for said in built.words_language if stored_now_at(said[0])),
        title_markup="" if kept_move or source.name else parsed.title_markup,
        new_scripts=tuple(
            scripts(f"{a.title or ''} {(a.summary or a.text or '')[:1000]}")
            for k, a in built.articles
            if k not in known
        ),
        new_urls=tuple(a.url for k, a in built.articles if k not in known),
        pages_asked=outcome.pages_asked,
        pages_unread=outcome.pages_unread,
        pages_refused=outcome.pages_refused,
        pages_gone=outcome.pages_gone,
        carried_from=tuple(carried),
        moved_to=result.moved_to or kept_move,
        moved_before=bool(kept_move),
        moved_seen=before.last_success if result.old_error else None,
        not_stored=not_stored,
        republished=len(republished),
        readdressed=readdressed,
        republished_by=matched,
        moved_published=moved_published,
        moved_gated=moved_gated,
        moved_by_feed=tuple(relinked),
        kept_by_feed=tuple(kept_relinked),
        retaken=0 if kept_move else sum(1 for _, _, a, _ in outcome.retaken if a is not None),
        retaken_named=()
        if kept_move
        else tuple((a.title, a.url) for _, _, a, _ in outcome.retaken if a is not None),
        reblurbed=reblurbed,
        changed_published=() if kept_move else _changed_published(outcome),
        retitled=retitled,
        retitled_credit=(
            _credit_change(store, source, retitled, sites_before, built, parsed.entries)
            if retitled and not kept_move
            else None
        ),
        stored_already=len(already) - own,
        stored_by=tuple(sorted(holders, key=lambda f: (-holders[f], f))),
        stored_same_link=same_link,
        taken_own=tuple((t.title, t.url, t.from_feed, t.was, t.now) for t in taken),
    )


def _gated_keys(outcome: _Fresh) -> set[str]:
    """The keys of the feed's new entries whose page led to a sign-in page (`SIGN_IN_PAGE`)."""
    return {row[0] for row in outcome.unread if row[4] == SIGN_IN_PAGE}


def _republished(
    store: Store, source: FeedSource, built: article_rules.Built, known: Set[str], kept_move: object
) -> tuple[set[str], int, tuple[tuple[str, str, str, int, str], ...], tuple[str, ...]]:
    """The keys of the feed's new articles that are articles it gave before at another address
    (`Store.republished`: the same page text under the same title, the same text but for its
    heading under the same date, or an unread page's entry of the same date and title; the
    same text under another title may be a page every link gives), each kept as that
    article's new address (`Store.readdress`); how many moved there (no issue had published
    them); and those an issue published, which keep the address it gave: (title as published,
    that address, the new one, the first issue, "" for its issue-N.json) (walk199 #7: their
    published links answered 404, unsaid); and how they were matched, each way once
    (`Store.republished`'s "text", "body", "entry", "near": fixlx #4)."""
    if kept_move:
        return set(), 0, (), ()
    fresh = [(k, a) for k, a in built.articles if k not in known]
    urls = dict(fresh)
    matches = {
        key: (article_id, how)
        for key, (article_id, title, sure, how) in (
            store.republished(source.url, fresh, still=known) if fresh else {}
        ).items()
        if sure or not article_rules.other_story(urls[key].title, title)
    }
    found = {key: article_id for key, (article_id, _) in matches.items()}
    matched = tuple(dict.fromkeys(how for _, how in matches.values()))
    moved = 0
    kept: list[tuple[str, str, str, int, str]] = []
    printed = store.published_titles(list(found.values())) if found else {}
    for key, article_id in found.items():
        others = [a for a, k in built.aliases.items() if k == key and a != key]
        if store.readdress(article_id, key, urls[key].url, others):
            moved += 1
        elif (old := store.article_by_id(article_id)) is not None and url_key(old.url) != key:
            issues = store.issues_featuring(article_id)
            title = printed.get(article_id, old.title)
            kept.append((title, old.url, urls[key].url, min(issues) if issues else 0, ""))
    return set(found), moved, tuple(kept), matched


def _move_by_feed(
    store: Store, moves: Sequence[_Move]
) -> tuple[list[tuple[str, str, str, int, str]], list[tuple[str, str, str, str]]]:
    """Move each stored article its feed gives at a new link (walk137 #1) there, as
    `_relink` found (`Store.move_by_feed`): (`FeedReport.moved_by_feed`,
    `FeedReport.kept_by_feed`)."""
    moved: list[tuple[str, str, str, int, str]] = []
    kept: list[tuple[str, str, str, str]] = []
    # Named by the title its issue printed (the editor's correction, walk144 #7c), not the
    # feed's first one, when an issue published it; else by the title stored now.
    printed = store.published_titles([m.article_id for m in moves]) if moves else {}
    moves = [dataclasses.replace(m, title=printed.get(m.article_id, m.title)) for m in moves]
    for m in moves:
        if m.kept is not None:
            kept.append((m.title, m.old, m.new, m.kept))
            continue
        if m.key == url_key(m.old):  # (its page names the address it has: nothing moves)
            continue
        done, issue = store.move_by_feed(m.article_id, m.key, m.new, m.others)
        if not done:
            kept.append((m.title, m.old, m.new, "is another stored article's address"))
            continue
        moved.append((m.title, m.old, m.new, issue or 0, m.unread or ""))
        if m.unread is None:
            # Its page answered at its new address in this run: not asked for again before the
            # issue is published (`linkcheck.recheck_issue`).
            store.pages_read_now.add(m.article_id)
    return moved, kept


def _record_entries(store: Store, outcome: _Fresh, keys: Sequence[str]) -> int:
    """Keep what the feed's entries say of their stored articles (`entry_said`): of the
    articles stored now and those not recorded yet, as they are; of those it changed, the
    title and credit built again, and the blurb when the page was read again (an issue's
    article only recorded: said, not changed). Only its own articles: another feed giving one
    of them its own title changes nothing. Returns how many blurbs changed."""
    entries = article_addresses.keyed_entries(outcome.parsed.entries)
    store.record_entries_said(
        ((k, entry_said(entries[k])) for k in keys if k in entries), outcome.source.url
    )
    if outcome.known is None:
        return 0
    return store.retake_articles(
        [
            *outcome.retaken,
            *(
                (c.article_id, c.said, None, False)
                for c in outcome.known.changed
                if c.published_in is not None
            ),
        ]
    )


def _changed_published(
    outcome: _Fresh,
) -> tuple[tuple[int, str, str, str, str, tuple[str, ...]], ...]:
    """(issue, "" for its issue-N.json (`run_fetch` names it), title published, entry's title
    now, its authors now, the fields changed: fixlm #2) of the feed's articles an issue published whose entry changed its
    title or authors since: one per issue that published it (walk199 #3), in order."""
    if outcome.known is None:
        return ()
    return tuple(
        (number, "", c.title, c.entry.title or "", ", ".join(c.entry.authors), c.fields)
        for c in outcome.known.changed
        if c.published_in is not None and not c.as_printed
        for number in (c.published_in, *c.also_in)
    )


def _retitled(was: str | None, now: str | None) -> tuple[str, str] | None:
    """(title stored, title now) when a feed's document calls itself otherwise than before
    (spaces and case aside); None when it does not, or either has no title."""
    was, now = " ".join((was or "").split()), " ".join((now or "").split())
    if not was or not now or was.casefold() == now.casefold():
        return None
    return was, now


def _credit_change(
    store: Store,
    source: FeedSource,
    retitled: tuple[str, str],
    sites_before: Mapping[str, str],
    built: article_rules.Built,
    entries: Sequence[Entry],
) -> tuple[str, str, str] | None:
    """(the publication the feed's articles were credited under its old title, the one they are
    credited now, what gives it: "name" for its `name:`, "site" for the site name its pages
    give, "title" for its title, "" otherwise), worked out for its first entry as
    `candidates.feed_names` credits it at draft and build (walk180 #3: the run said its new
    title credited them when its `name:` or its pages' site name did). None without an entry."""
    links = [a.url for _, a in built.articles if not a.link_post] + [e.link for e in entries]
    url = next((link for link in links if link), None)
    if url is None:
        return None
    host = urlsplit(url).hostname or ""
    site = store.newest_site_names(source.url).get(host)
    was = feed_publication(source.name or None, sites_before.get(host), retitled[0], url)
    now = feed_publication(source.name or None, site, retitled[1], url)
    if was is None or now is None:
        return None
    how = (
        "name"
        if source.name
        else "site"
        if site and now == site
        else "title"
        if now == retitled[1]
        else ""
    )
    return was, now, how
