"""The fetch stage of the weekly run: every feed, each new article's page, then the store.

One event loop in this process fetches (`curator.fetch.open_fetcher`); what costs CPU is handed to
the worker processes (`curator.workers`) as each download arrives, so nothing waits for the
slowest feed: a feed is parsed as soon as its bytes are in, its new entries' pages are asked for as
soon as it is parsed, each page is read as soon as it is in, and the feed's articles are built as
soon as its last page is. A huge first fetch is bounded (fixgu): at most `PARSING_AT_ONCE` feeds
parse at once, and at most `BUILT_AT_ONCE` new entries are built and wait to be written, the feed
written next never waiting (`_Storer.may_build`). The editor sees each feed as it is read and the pages as they are
(`progress`, `page_progress`). Stages:

1. `_one_feed` (per feed, in the loop): fetch, then `_settled` decides whether there is anything
   to parse (a failure, a 304, the same bytes as last time), then parse, then `_new_entries` asks
   the store which entries it lacks; a `_Settled` or a `_Fresh` outcome, nothing written yet.
2. `_PageReader` (in the loop): each page fetched once and read (`curator.extract`) in a worker,
   tallied for the report, failures counted by reason.
3. `_Storer` (in the loop, in the configured order): each outcome written as soon as it and every
   feed's before it in feeds.yaml are in (`_store`), a fresh feed's articles and its new
   validators in one transaction, so an interrupted run keeps what it stored and never makes the
   next one skip articles it did not store; the outcome is then let go, so the run's memory is
   that of the feeds not stored yet, not of every article it read (walk160 #2, #3: a run of
   104,000 new articles held them all to the end, 2 GB, and a SIGTERM after 6 minutes stored
   none of them).

Each new article's term counts (what placing it under a subject reads, `curator.termcounts`) are
counted in the worker that builds it, and stored with it: the build's placement step, after the
loop, then only reads them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from curator import articles as article_rules
from curator.config import Config, FeedSource
from curator.discover import find_feed_links, is_comments_feed
from curator.errors import shell_arg
from curator.extract import site_name_note
from curator.feeds import FeedError, parse_feed
from curator.feeds.common import HTML_NOT_FEED, too_many
from curator.fetch import (
    CONNECT_TIMEOUT,
    MAX_RETRY_AFTER,
    NOT_TRIED,
    Fetcher,
    FetchRequest,
    FetchSettings,
    local_file_exists,
    open_fetcher,
    user_agent,
)
from curator.models import (
    FUTURE_SLACK,
    Article,
    Entry,
    ErrorKind,
    FetchResult,
    Page,
    ParsedFeed,
)
from curator.robots import SiteRules, kept, stored
from curator.store import FeedState, PageRetry, Store, dead_page, with_moved_error
from curator.subjectfit import subject_phrases
from curator.termcounts import Counted, Vocabulary, count, phrase_keys, prepare
from curator.textfeatures import Vector, matched_scripts, scripts
from curator.urls import safe_url, url_key
from curator.workers import Workers, worker_pool

#: How one feed went: read ("ok"), nothing new since last time ("unchanged"), "failed", or its
#: server asked curator to wait (Retry-After) until a time not yet come ("waiting"): in this
#: run (the report has its `error`), or before (not asked in this run).
FeedStatus = Literal["ok", "unchanged", "failed", "waiting"]


def _clock(iso: str) -> str:
    """ "14:05 UTC", with the day when it is not today."""
    when = datetime.fromisoformat(iso).astimezone(UTC)
    if when.date() != datetime.now(UTC).date():
        return when.strftime("%Y-%m-%d %H:%M UTC")
    return when.strftime("%H:%M UTC")


@dataclass(frozen=True)
class FeedReport:
    """How one feed went in this run."""

    #: The feed's URL (or path) as configured.
    url: str
    #: The publication name shown to the editor.
    name: str
    status: FeedStatus
    entries: int = 0
    #: New articles: in the summary, those stored; in the progress line of a feed just read, its
    #: entries the store did not have (their articles are stored at the end of the run).
    new: int = 0
    error_kind: ErrorKind | None = None
    error: str | None = None
    #: Set when the feed was read but was not well formed.
    warning: str | None = None
    #: Set when its bytes were not in the charset it named, and were read in a guessed one.
    charset_note: str | None = None
    elapsed: float = 0.0
    #: Seconds the server asked us to wait before asking again (429/503 Retry-After), when it said.
    retry_after: float | None = None
    #: Entries left out because they have no link we may publish (`skip_reason` says why); those
    #: left out for want of a title are `untitled` (the JSON's "skipped" counts both).
    skipped_links: int = 0
    skip_reason: str | None = None
    #: The titles (else ids) of the entries left out for want of a link, named on the feed's line
    #: and in --json, not only counted (walk162 #3).
    skipped_titles: tuple[str, ...] = ()
    #: Entries whose link was unsafe (`javascript:`) and whose permalink guid is their address
    #: instead: (title, the link's scheme), said on the feed's line (walk162 #3).
    guid_links: tuple[tuple[str, str], ...] = ()
    #: New entries left out because neither the feed nor the article's page gave them a title
    #: (known once the pages are read, so not on the line printed as the feed is read).
    untitled: int = 0
    #: Entries left out because they point at the same page as another entry of the feed: the
    #: same link (bar its "#fragment"), or, for new entries, a page naming the other's link as
    #: its address (known once the pages are read).
    duplicates: int = 0
    #: Its new articles' pages asked for in this run, and of them those that could not be read
    #: and those refused as not at a public address (`allow_private_addresses` would read them).
    pages_asked: int = 0
    pages_unread: int = 0
    pages_refused: int = 0
    #: Of those that could not be read, the ones gone for good (404, 410, a redirect away from
    #: the article: `store.dead_page`), whose articles are dead links (walk143 #2).
    pages_gone: int = 0
    #: For a failed feed: when its failures in a row began (ISO), and how many runs they span,
    #: this one included.
    failing_since: str | None = None
    failed_runs: int = 0
    #: For a feed not read again (unchanged): its last document was not well formed (this says
    #: how), since `warning_since`; the feed's entries may still be missing.
    still_malformed: str | None = None
    warning_since: str | None = None
    #: The address its configured one redirects to for good (301/308): feeds.yaml wants updating.
    moved_to: str | None = None
    #: New entries giving the id of an article stored before, with a new link and a new title:
    #: taken as new articles (the id is the publisher's reusing it), said in the run that finds them.
    reused_ids: int = 0
    #: The stored feeds whose articles became this feed's in this run, with how many: their
    #: address is no longer in feeds.yaml and their articles are this feed's entries (the
    #: editor changed its `url:` by hand, `Store.follow_renames`).
    carried_from: tuple[tuple[str, int], ...] = ()
    #: For a feed read (or unchanged) after failing: the runs its failures in a row spanned and
    #: when they began (ISO), so the run says it answers again.
    back_after_runs: int = 0
    back_since: str | None = None
    #: Its server had asked curator to wait (Retry-After) in the run before, and curator waited:
    #: a wait it asked for, not a failure (walk107: "after failing 1 run(s)").
    back_after_wait: bool = False
    #: (the title stored for the feed before this run, its document's title now) when the two
    #: differ (walk91 #1: the old address of a moved feed came to serve another site, unsaid).
    retitled: tuple[str, str] | None = None
    #: `moved_to` was recorded in an earlier run, and the configured address now answers by
    #: itself with a feed of another title: the move is still not made in feeds.yaml.
    moved_before: bool = False
    #: With `moved_before`: its new entries, the other feed's, not stored as articles.
    not_stored: int = 0
    #: For a feed whose address answered with a web page: the feed that page names (`<link
    #: rel="alternate">`), where the feed is now (walk126 #4).
    page_feed: str | None = None
    #: The feed already listed in feeds.yaml this one now leads to (a 301 to it, or a web page
    #: at its address naming it): the editor removes this one's line (walk169 #4).
    leads_to: str | None = None
    #: A feed read with no entry at all, that had this many on its last read (walk126 #2: a
    #: well-formed empty document said "ok ...: 0 entries, 0 new").
    entries_before: int = 0
    #: A feed read before whose entries in this run were all new, all dated after the newest it
    #: gave before, and as many as on its last read: (the newest stored date, the oldest entry's
    #: date, ISO; its entries). The entries between may have left the feed unseen (walk157 #3).
    missed: tuple[str, str, int, str | None] | None = None
    #: A feed that gave nothing new in this run, whose newest article is dated `QUIET_AFTER` ago
    #: or more: that date (ISO).
    quiet_since: str | None = None
    #: When `moved_to` was recorded in an earlier run: its last good read (ISO), which saw it.
    moved_seen: str | None = None
    #: Its configured address failed (this, in one line), and it was read at `moved_to`, where
    #: it moved in an earlier run (walk126 #1).
    old_error: str | None = None
    #: Its configured address failed, and so did the address it moved to in an earlier run
    #: (this, in one line): the feed may be gone from both (walk132 #2).
    moved_error: str | None = None
    #: New entries whose article is one the feed gave before at another address (the same page
    #: text): not new, not stored again (walk126 #2: a feed re-publishing its items at new links
    #: said "6 new", and the next draft paired each with its copy as "Another piece")...
    republished: int = 0
    #: ... of them, those no issue had published, which moved to the address the feed gives now.
    readdressed: int = 0
    #: Stored articles no issue published whose title or authors its entries changed since
    #: curator last took them: taken (title and credit as the feed, and the page read again,
    #: give them now) in this run (walk126 #1).
    retaken: int = 0
    #: ... of them, those whose blurb changed with their page's text (walk169 #1); a blurb the
    #: editor corrected in a draft or issue-N.json is kept.
    reblurbed: int = 0
    #: Stored articles its entries give at a new link under the same id, moved there (walk137
    #: #1: a site restructured, the old address answering 404): (title, old address, new
    #: address, the first issue that published it or 0, why its page was not read there or "").
    moved_by_feed: tuple[tuple[str, str, str, int, str], ...] = ()
    #: ... and those kept at their old address: (title, old address, the new link, why).
    kept_by_feed: tuple[tuple[str, str, str, str], ...] = ()
    #: Articles an issue published whose title or authors its entries changed since: (issue,
    #: its issue-N.json, the title it published, the entry's title now, its authors now). The
    #: issue is left as it is, and the run says how to correct it (walk126 #1: never
    #: republished, never unsaid).
    changed_published: tuple[tuple[int, str, str, str, str], ...] = ()

    @property
    def title_note(self) -> str | None:
        """ "URL now calls itself "Casino Deals Blog", not "Moved Monthly": ..."."""
        if not self.retitled:
            return None
        was, now = self.retitled
        return (
            f'{self.url} now calls itself "{now}", not "{was}": if it is another site, remove it'
            f" (`curator feeds remove {shell_arg(self.url)}`) or update its url in feeds.yaml;"
            f' if it is the same site renamed, its articles are credited "{now}" from now on,'
            f" the ones stored before too (to keep the old name, write `name: {was}` under its"
            " url in feeds.yaml)"
        )

    @property
    def back_note(self) -> str | None:
        """ "answering again after failing 3 run(s) since 2026-12-01 09:00 UTC"; after a wait its
        server asked for, that it answers now that curator waited as asked."""
        if not self.back_after_runs:
            return None
        since = ""
        if self.back_since:
            when = datetime.fromisoformat(self.back_since).astimezone(UTC)
            since = f" since {when.strftime('%Y-%m-%d %H:%M UTC')}"
        if self.back_after_wait:
            # (a wait it asked for is no failure: walk107 read "after failing 1 run(s)")
            before = (
                f"; it had not answered for {self.back_after_runs} run(s){since}"
                if self.back_after_runs > 1
                else ""
            )
            return (
                "answering again: its server had asked curator to wait (Retry-After), and curator"
                f" waited as asked{before}"
            )
        return f"answering again after failing {self.back_after_runs} run(s){since}"

    @property
    def quiet_note(self) -> str | None:
        """ "nothing new since 2026-10-31: it may have stopped publishing or moved"."""
        if not self.quiet_since:
            return None
        return (
            f"nothing new since {self.quiet_since[:10]}: it may have stopped publishing or moved;"
            " open its site in a browser"
        )

    @property
    def emptied_note(self) -> str | None:
        """ "0 entries, 8 on its last read: ..." of a feed that emptied."""
        if not self.entries_before or self.entries or self.status != "ok":
            return None
        return (
            f"0 entries, {self.entries_before} on its last read: the feed may be broken; open it"
            " in a browser"
        )

    @property
    def reuse_note(self) -> str | None:
        """ "1 entry gives the id of an earlier article with a new link and a new title: ..."."""
        if not self.reused_ids:
            return None
        verb = "entry gives" if self.reused_ids == 1 else "entries give"
        return (
            f"{self.reused_ids} {verb} the id of an earlier article with a new link and a new"
            " title: taken as a new article"
        )

    #: With `recency_weight`: new articles with no date curator could read (none given, or
    #: unreadable, such as "Mon, 32 Foo 2026"), and those dated more than a day after they were
    #: fetched: both are dated when curator first saw them (walk49 #5: scored as the newest,
    #: without a word).
    undated: int = 0
    future_dated: int = 0

    @property
    def date_note(self) -> str | None:
        """ "2 new entries had no date curator could read: dated when curator first saw them"."""
        notes = []
        if self.undated:
            one = self.undated == 1
            notes.append(
                f"{self.undated} new {'entry' if one else 'entries'} had no date curator could read"
            )
        if self.future_dated:
            one = self.future_dated == 1
            notes.append(
                f"{self.future_dated} new {'entry was' if one else 'entries were'} dated in the"
                " future"
            )
        if not notes:
            return None
        them = "it" if self.undated + self.future_dated == 1 else "them"
        return f"{' and '.join(notes)}: dated when curator first saw {them}"

    #: The entries its document has, when more than curator reads (only the first were read).
    entries_in_feed: int | None = None
    #: New articles whose feed title was too long to be one, with no page title to use instead:
    #: their links (the title was cut at a word; known once the pages are read).
    cut_titles: tuple[str, ...] = ()
    #: Its new entries (on the line printed as it was read) whose article was stored already when
    #: its turn to be stored came: another feed of this run carried the same page by another link
    #: (a link feed's tracking links to a publisher's own articles), or it was stored before by
    #: another address. Not stored again, so not in `new` (walk53 #6: "6 new", none stored), and
    #: the feeds holding them, by name.
    stored_already: int = 0
    stored_by: tuple[str, ...] = ()
    #: New articles whose page reads as a list of posts (a blog's front page), not one article:
    #: their links (their blurb may join several posts).
    post_lists: tuple[str, ...] = ()
    #: New articles whose title is their feed's, which held markup (`<b>`, `<script>`) that was
    #: removed: their links (walk63 #2: said, not lost without a word).
    markup_titles: tuple[str, ...] = ()
    #: Of those, the titles that lost words with their markup: (link, title published, the words
    #: lost), each said with what to do (walk109 #2).
    lost_titles: tuple[tuple[str, str, str], ...] = ()
    #: New articles whose feed's author field held markup no name is made of, so not used:
    #: (link, title, why), each said (walk110 #6).
    markup_credits: tuple[tuple[str, str, str], ...] = ()
    #: New articles whose page named as its address one readers cannot reach (localhost, a
    #: private or documentation IP address), published at the feed's link instead: (link,
    #: title, that address, why), each said (walk130 #2).
    unreachable: tuple[tuple[str, str, str, str], ...] = ()
    #: New articles published at their page's canonical on another site than the feed's link:
    #: (link, title, address published), each said (walk162 #6).
    elsewhere: tuple[tuple[str, str, str], ...] = ()
    #: New articles whose page's relative canonical link its `<base href>` put on another site
    #: than the page's, not used: (link, title, that address, the base, the address published),
    #: each said (walk162 #5).
    base_refused: tuple[tuple[str, str, str, str, str], ...] = ()
    #: The markup the feed's own title (its name, a credit's publication) held that was removed,
    #: in words ("`<b>`"), "" for none (walk96 D: said of its articles' titles, not of its own);
    #: never when the editor named the feed (`name:`): its articles credit that name (walk110 #5).
    title_markup: str = ""
    #: The scripts each of its new articles is written in (`textfeatures.scripts`), and, when
    #: most of them are in scripts none of the subjects' words use (`other_script`), the script
    #: most of those are in and how many are in it, and each such script with its count, most
    #: first (`other_scripts`): they fit no subject (walk51 #7; walk151 #6: a Russian article
    #: was counted among "all 3 ... written in Japanese").
    new_scripts: tuple[frozenset[str], ...] = ()
    other_script: tuple[str, int] | None = None
    other_scripts: tuple[tuple[str, int], ...] = ()
    #: Its new articles' links, in the order of `new_scripts`; of those, each written in scripts
    #: none of the subjects' words use, with the script it is counted under (`other_new`); and,
    #: once a build or a draft placed them, how many of its new articles a subject took
    #: (`placed_new`, None before: walk154 NEW-1, the note was a guess from scripts alone, and
    #: named a Japanese feed whose article issue 1 featured).
    new_urls: tuple[str, ...] = ()
    other_new: tuple[tuple[str, str], ...] = ()
    placed_new: int | None = None
    #: When its server asked (Retry-After on a 429/503) not to be asked again before, ISO: set on
    #: the run that got the answer, and on the runs that then did not ask ("waiting").
    wait_until: str | None = None
    #: The wait is curator's own: the server answered 429 naming no wait (no Retry-After, or one
    #: curator cannot read), so curator does not ask it again for a while (`own_wait`), and when
    #: it so answered, ISO (walk127 #2: asked again 10 s later).
    own_wait: bool = False
    answered_at: str | None = None

    @property
    def wait_note(self) -> str | None:
        """ "the server asked curator to wait until 14:05 UTC" (with the day when not today); for
        a wait of curator's own, "it answered 429 at 14:00 UTC; asked again after 15:00 UTC"."""
        when = self.wait_when
        if when and self.own_wait:
            at = _clock(self.answered_at) if self.answered_at else None
            answered = f"it answered 429 at {at}" if at else "it answered 429"
            return f"{answered}; asked again after {when}"
        return f"the server asked curator to wait until {when}" if when else None

    @property
    def wait_when(self) -> str | None:
        """ "14:05 UTC" (with the day when not today): when it is asked again, if it waits."""
        return _clock(self.wait_until) if self.wait_until else None

    @property
    def capped_note(self) -> str | None:
        """ "read the first 1000 of its 10,000 entries (curator reads at most 1000 per feed)"."""
        return too_many(self.entries_in_feed) if self.entries_in_feed else None

    @property
    def missed_note(self) -> str | None:
        """ "entries between 2026-07-04 and 2026-08-05 may be missing: ..." (`missed`)."""
        if not self.missed:
            return None
        newest, oldest, entries, site = self.missed
        # How to feature one it missed, said here (walk164 N6: "or add its archive page" was
        # explained nowhere): a draft adds an article by its address.
        where = f" (its site, {site}, may list it)" if site else ""
        return (
            f"entries between {newest[:10]} and {oldest[:10]} may be missing: none of its"
            f" {entries} entries was stored before, all are newer than the newest it gave before,"
            f" and the feed keeps only its latest {entries}: fetch more often (`curator fetch`"
            " daily, say); to feature an article it missed, find its address on the"
            f" web{where} and add it to a draft (`curator draft`) under a subject's heading as a"
            " heading of its own, the line `## https://...` with its address under the line"
            " `# Subject`: curator reads the page and credits it"
        )

    @property
    def entries_note(self) -> str | None:
        """What the feed's entries leave out: `capped_note` and `missed_note`."""
        return "; ".join(n for n in (self.capped_note, self.missed_note) if n) or None

    @property
    def skip_note(self) -> str | None:
        """The line "4 of 5 entries skipped: no http(s) link" (and/or "2 of 5 entries skipped:
        no title"); None when no entry was skipped."""
        named = ", ".join(f'"{t}"' for t in self.skipped_titles[:SKIPPED_NAMED])
        more = len(self.skipped_titles) - SKIPPED_NAMED
        named = f" ({named}{f' and {more} more' if more > 0 else ''})" if named else ""
        notes = [
            f"{n} of {self.entries} entries skipped{which}: {why}"
            for n, which, why in (
                (self.skipped_links, named, self.skip_reason),
                (self.untitled, "", NO_TITLE),
            )
            if n
        ]
        if self.duplicates:
            notes.append(same_page_note(self.duplicates))
        return "; ".join(notes) or None

    @property
    def guid_note(self) -> str | None:
        """ "its link was unsafe (javascript:), its guid used: "Title"" for entries published at
        their permalink guid; None for none."""
        if not self.guid_links:
            return None
        said = "; ".join(
            f'"{title}": its link was unsafe ({scheme or "no http(s) address"}), its guid used'
            for title, scheme in self.guid_links[:SKIPPED_NAMED]
        )
        more = len(self.guid_links) - SKIPPED_NAMED
        return said + (f"; and {more} more so" if more > 0 else "")

    @property
    def left_out(self) -> int:
        """Entries left out, for want of a link or a title, or as another entry's page."""
        return self.skipped_links + self.untitled + self.duplicates

    @property
    def all_skipped(self) -> bool:
        """Read, but not one entry could be used: a warning, not "ok"."""
        return self.status == "ok" and self.entries > 0 and self.left_out == self.entries

    def as_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "name": self.name,
            "status": self.status,
            "entries": self.entries,
            "new": self.new,
            "error_kind": self.error_kind,
            "error": self.error,
            # What the editor should know about a feed that was read, in one line.
            "warning": "; ".join(
                w
                for w in (
                    self.warning,
                    self.charset_note,
                    self.skip_note,
                    self.guid_note,
                    self.reuse_note,
                    self.emptied_note,
                )
                if w
            )
            or None,
            # Its bytes were not in the charset it named: the one they were read in (a guess).
            "charset": self.charset_note,
            # Read with no entry, having had some on its last read: how many.
            "entries_before": self.entries_before or None,
            # Nothing new for `QUIET_AFTER` or more: its newest article's date.
            "quiet_since": self.quiet_since,
            # Every entry left out; `untitled` of them for want of a title, `duplicates` as
            # another entry's page.
            "skipped": self.left_out,
            "untitled": self.untitled,
            "duplicates": self.duplicates,
            # The entries left out for want of a link, by title (walk162 #3).
            "skipped_entries": [
                {"title": title, "why": self.skip_reason} for title in self.skipped_titles
            ],
            # Entries whose unsafe link gave way to their permalink guid.
            "guid_links": [{"title": title, "unsafe": scheme} for title, scheme in self.guid_links],
            "seconds": round(self.elapsed, 3),
            "retry_after": self.retry_after,
            "failing_since": self.failing_since,
            "failed_runs": self.failed_runs,
            # A feed that answers again after failing: how many runs it had failed, since when.
            "back_after_failing": (
                {
                    "runs": self.back_after_runs,
                    "since": self.back_since,
                    "after_wait": self.back_after_wait,
                }
                if self.back_after_runs
                else None
            ),
            # Feeds no longer listed whose stored articles became this one's in this run.
            "carried_from": [{"url": u, "articles": n} for u, n in self.carried_from],
            # An unchanged feed whose last document was not well formed (entries may be missing).
            "not_well_formed": self.warning or self.still_malformed,
            "not_well_formed_since": self.warning_since,
            "moved_to": self.moved_to,
            # The move was recorded in an earlier run; the old address now answers by itself.
            "moved_before": self.moved_before,
            # When the move was seen (an earlier run's good read), and what its configured
            # address answered in this run when it was read at the new one instead.
            "moved_seen": self.moved_seen,
            "old_address_error": self.old_error,
            "moved_address_error": self.moved_error,
            # Its address answered with a web page naming this feed.
            "page_names_feed": self.page_feed,
            "leads_to_listed_feed": self.leads_to,
            "not_stored": self.not_stored,
            # Its document's title changed: {"was", "now"}.
            "retitled": (
                {"was": self.retitled[0], "now": self.retitled[1]} if self.retitled else None
            ),
            "reused_ids": self.reused_ids,
            # New entries dated when curator first saw them: no date it could read, or a future one.
            "undated": self.undated,
            "future_dated": self.future_dated,
            "dates_note": self.date_note,
            "entries_in_feed": self.entries_in_feed,
            "wait_until": self.wait_until,
            "cut_titles": list(self.cut_titles),
            "post_lists": list(self.post_lists),
            "markup_titles": list(self.markup_titles),
            "lost_titles": [
                {"url": link, "title": title, "lost": lost}
                for link, title, lost in self.lost_titles
            ],
            "title_markup": bool(self.title_markup),
            "markup_credits": [
                {"url": link, "title": title, "why": why}
                for link, title, why in self.markup_credits
            ],
            "published_elsewhere": [
                {"url": link, "title": title, "published": published}
                for link, title, published in self.elsewhere
            ],
            "base_canonicals": [
                {"url": link, "title": title, "named": named, "base": base, "published": published}
                for link, title, named, base, published in self.base_refused
            ],
            "unreachable_addresses": [
                {"url": link, "title": title, "named": named, "why": why}
                for link, title, named, why in self.unreachable
            ],
            "entries_note": self.entries_note,
            "stored_already": self.stored_already,
            "stored_by": list(self.stored_by),
            # Stored articles its entries give at a new link under the same id (walk137 #1).
            "moved_by_feed": [
                {"title": t, "from": old, "to": new, "published_in": n or None, "unread": why}
                for t, old, new, n, why in self.moved_by_feed
            ],
            "kept_by_feed": [
                {"title": t, "url": old, "new_link": new, "why": why}
                for t, old, new, why in self.kept_by_feed
            ],
            # Most new articles in scripts no subject's words use: the script most are in
            # {"script", "articles"}, and each such script so, most first.
            "other_script": (
                {"script": self.other_script[0], "articles": self.other_script[1]}
                if self.other_script
                else None
            ),
            "other_scripts": [{"script": s, "articles": n} for s, n in self.other_scripts],
        }


@dataclass(frozen=True)
class PageFailure:
    """An article page that could not be read (its article is built from what the feed says)."""

    url: str
    #: The cause in words shared by alike failures ("HTTP 404 Not Found", "no such server"), so
    #: that they can be counted together; `error` is the whole line.
    reason: str
    error: str
    #: Gone for good (404, 410, a redirect away from the article, `store.dead_page`): its
    #: article is a dead link, left out of every issue, not built from what the feed says.
    dead: bool = False
    #: Why, as a kind for scripts (`ErrorKind`: "http", "gone", "timeout" ...), as a feed's
    #: failure gives it (walk143 #8: README lists `error_kind` for a page too).
    error_kind: ErrorKind | None = None


@dataclass(frozen=True)
class PageInPart:
    """An article page read, but with fields a reader broke on (`Page.problems`)."""

    url: str
    problems: tuple[str, ...]


@dataclass(frozen=True)
class PageTally:
    """The article pages of this run so far, for a line of progress."""

    #: Pages asked for so far: it grows while feeds are still being read.
    wanted: int
    read: int
    failed: int
    #: Feeds not read yet (whose pages may still be asked for).
    feeds_left: int
    #: Set only on a tick while nothing finishes (`WAITING_TICK`): what the run is waiting on,
    #: the feeds not read yet (by name) then the hosts of pages not read yet ("host (N pages)").
    waiting: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    @property
    def done(self) -> int:
        return self.read + self.failed


#: Pages of a feed asked for in a run, none of which could be read, from which on the report
#: advises `fetch_pages: false` (one page that failed says nothing of the others).
STOP_PAGES_AFTER = 3


@dataclass(frozen=True)
class FetchSummary:
    feeds: tuple[FeedReport, ...]
    new_articles: int
    pages_read: int = 0
    pages_failed: int = 0
    #: Entries parsed in this run (a feed that answered 304, or sent the bytes it sent last time,
    #: is not parsed again).
    parsed_entries: int = 0
    #: Every page that could not be read, in the order they failed.
    page_failures: tuple[PageFailure, ...] = ()
    #: Every page read with a field missing because the page broke its reader.
    pages_in_part: tuple[PageInPart, ...] = ()
    #: Stored articles whose page could not be read before, read in this run (and now credited
    #: from it), and those whose page still could not be read (`PAGE_RETRY_DAYS`).
    pages_read_again: int = 0
    pages_still_unread: int = 0
    #: Of those still unread, the ones given up on: read `PAGE_READS` times now.
    pages_given_up: int = 0
    #: A worker process died during the run (killed for memory, or crashed in a parser); what it
    #: had not finished was done in this process, so nothing is missing, but it is worth knowing.
    worker_died: bool = False
    #: The feeds (by name, as their line says) with pages read again that still could not be read
    #: and will be tried again, and not one of whose pages (at least `STOP_PAGES_AFTER` asked for
    #: in this run, first reads and reads again alike) could be read: `fetch_pages: false` is
    #: advised for them.
    still_unread_feeds: tuple[str, ...] = ()
    #: The feeds file the run read (where `fetch_pages: false` would go).
    config_path: Path | None = None
    #: Hosts given up on in this run after `HOST_FAILURES` failed connections, with how many of
    #: their pages were not tried (they stay due to be tried again in a later run).
    hosts_skipped: tuple[tuple[str, int], ...] = ()
    #: Sites whose robots.txt disallows curator their pages ("example.com"), with how many pages
    #: of this run were therefore not read: their articles are built from their feeds alone.
    robots_disallowed: tuple[tuple[str, int], ...] = ()
    #: Sites whose robots.txt fetched in this run is over `robots.MAX_BYTES`: only that much of
    #: it is read (walk128 N7).
    robots_cut: tuple[str, ...] = ()
    #: Sites whose server answered for their robots.txt with an error, and whose pages were read
    #: all the same: (site, pages read, why, the date of the stored copy followed or None).
    robots_unread: tuple[tuple[str, int, str, datetime | None], ...] = ()
    #: The feeds whose address the editor replaced as their 301 or curator's advice said, their
    #: articles carried over: (old address, new address, articles carried) (walk169 #3).
    moves_followed: tuple[tuple[str, str, int], ...] = ()

    @property
    def failed(self) -> tuple[FeedReport, ...]:
        return tuple(f for f in self.feeds if f.status == "failed")

    @property
    def every_feed_failed(self) -> bool:
        """There were feeds, and not one could be read: not "nothing new", nothing at all."""
        return bool(self.feeds) and len(self.failed) == len(self.feeds)

    @property
    def pages_keep_failing(self) -> tuple[tuple[str, int], ...]:
        """Of the feeds none of whose pages asked for in this run could be read, those with at least `STOP_PAGES_AFTER` pages asked for, with
        how many: not a page or two that failed (walk32 #6), a feed whose pages cannot be read.
        Not those whose pages are all gone (`pages_all_gone`): not reading them would publish
        dead links."""
        return tuple(
            (f.name, f.pages_asked)
            for f in self.feeds
            if f.pages_asked >= STOP_PAGES_AFTER
            and f.pages_unread == f.pages_asked
            and f.pages_gone < f.pages_asked
        )

    @property
    def pages_all_gone(self) -> tuple[tuple[str, int, str], ...]:
        """Of the feeds none of whose pages could be read, those with at least
        `STOP_PAGES_AFTER` pages asked for, every one gone (404, 410, a redirect away): (name,
        pages asked for, address). A feed that links to pages its site no longer has, for the
        editor to check or remove; `fetch_pages: false` would publish its dead links (walk143
        #2)."""
        return tuple(
            (f.name, f.pages_asked, f.url)
            for f in self.feeds
            if f.pages_asked >= STOP_PAGES_AFTER and f.pages_gone == f.pages_asked
        )

    @property
    def pages_all_refused(self) -> tuple[str, ...]:
        """Of the feeds none of whose pages could be read, those whose pages were all refused as not at a public
        address: a site on the editor's own network (or a test site), which
        `allow_private_addresses` reads, not one whose pages fail."""
        return tuple(
            f.name for f in self.feeds if f.pages_asked and f.pages_refused == f.pages_asked
        )

    @property
    def with_skips(self) -> tuple[FeedReport, ...]:
        """The feeds read with entries left out for want of a usable link or a title, or as
        another entry's page."""
        return tuple(f for f in self.feeds if f.left_out)

    @property
    def pages_dead(self) -> int:
        """Pages of this run found gone for good: their articles are dead links."""
        return sum(f.dead for f in self.page_failures)

    def failure_reasons(self) -> list[tuple[str, int]]:
        """Why pages could not be read, most common first: (reason, pages)."""
        return Counter(f.reason for f in self.page_failures).most_common()


#: Called with each feed's report as soon as it is read (for a line of progress).
Progress = Callable[[FeedReport], None]
#: Called with the pages' tally each time a page is asked for or done.
PageProgress = Callable[[PageTally], None]


@dataclass(frozen=True)
class StoreTally:
    """This run's new articles stored so far, for a line of progress (walk160 #1: with
    `fetch_pages: false` a run said nothing for 12 minutes while its articles were built)."""

    #: New articles stored so far in this run.
    stored: int
    #: New entries of the feeds read so far: about what is to be stored (an entry may turn out
    #: stored already, or give no article).
    expected: int
    #: Feeds whose outcome is stored (their articles, or their state), of all the run's feeds.
    feeds_stored: int
    feeds: int
    #: Set on a tick (`WAITING_TICK`) once every feed and page is read (what the run waits on
    #: then is its articles built and stored), not on a feed stored.
    tick: bool = False

    @property
    def complete(self) -> bool:
        return self.feeds_stored >= self.feeds


#: Called with the tally each time a feed's outcome is stored, and on each tick.
StoreProgress = Callable[[StoreTally], None]


class FetchStopped(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) while the feeds were read: raised in its place, saying what this run
    had stored by then (each feed's articles with its state, so the next fetch reads the rest)."""

    def __init__(self, stored: int, feeds_stored: int, feeds: int) -> None:
        super().__init__(stored, feeds_stored, feeds)
        self.stored = stored
        self.feeds_stored = feeds_stored
        self.feeds = feeds

    def said(self) -> str | None:
        """What follows "stopped by SIGTERM" (or "interrupted"); None when nothing new was
        stored."""
        if not self.stored:
            return None
        return (
            f"{self.stored:,} new article(s) this run read are stored ({self.feeds_stored} of"
            f" {self.feeds} feeds done); the next fetch reads the rest"
        )


def _no_progress(report: FeedReport) -> None:
    pass


def _no_page_progress(tally: PageTally) -> None:
    pass


def _no_store_progress(tally: StoreTally) -> None:
    pass


def fetch_settings(config: Config) -> FetchSettings:
    s = config.settings
    # `timeout` is the whole of one request, as README's table says: no shorter limit on a
    # silence within it (it was a fixed 15 s), but connecting, which a live server does at once.
    return FetchSettings(
        deadline=s.timeout,
        read_timeout=s.timeout,
        connect_timeout=min(CONNECT_TIMEOUT, s.timeout),
        max_bytes=s.max_bytes,
        concurrency=s.concurrency,
        per_host=s.per_host,
        allow_private=s.allow_private_addresses,
        user_agent=user_agent(config.site_url, s.contact),
    )


# -- what one feed gave ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Settled:
    """A feed with nothing to store but its state: it failed, or nothing changed since last time."""

    report: FeedReport
    result: FetchResult
    #: For an unchanged feed: the body's size and digest (None after a 304).
    size: int | None = None
    digest: str | None = None


#: An article's term counts as its worker counted them: (url key, counts, the word per stem).
_Counts = tuple[str, Vector, Mapping[str, str]]


@dataclass(frozen=True)
class _Fresh:
    """A feed read and parsed, with the articles built from its new entries (and counted)."""

    source: FeedSource
    result: FetchResult
    parsed: ParsedFeed
    digest: str
    built: article_rules.Built
    counted: tuple[_Counts, ...] = ()
    #: The articles whose page could not be read: (url key, link, entry JSON, kind, error).
    unread: tuple[tuple[str, str, str, str | None, str], ...] = ()
    #: Its new articles' pages asked for, of them those that could not be read, and of those the
    #: ones refused as not at a public address.
    pages_asked: int = 0
    pages_unread: int = 0
    pages_refused: int = 0
    #: Its new entries taken as new articles though they give an id stored before (`_new_entries`).
    reused_ids: int = 0
    #: Of `unread`, those whose page's server asked curator to wait: (url key, until).
    waits: tuple[tuple[str, datetime], ...] = ()
    #: Its entries of articles stored before: changed since, or not recorded yet (`_Known`).
    known: _Known | None = None
    #: Of the changed ones no issue published: (article id, `entry_said`, the article as built
    #: again from the entry and its page, or None when it could not be, and whether its page was
    #: read again (or is not read: `fetch_pages: false`), so that its blurb is built again too).
    retaken: tuple[tuple[int, str, Article | None, bool], ...] = ()
    #: Its stored articles it gives at a new link under the same id (walk137 #1).
    moves: tuple[_Move, ...] = ()
    #: Of `pages_unread`, the pages gone for good (`store.dead_page`).
    pages_gone: int = 0
    #: Entries that may have come and gone unseen before this read (`FeedReport.missed`).
    missed: tuple[str, str, int, str | None] | None = None
    #: The size of the feed's body, which `result` no longer holds once it is parsed.
    size: int = 0


def _held(parsed: ParsedFeed) -> ParsedFeed:
    """`parsed` as writing its feed needs it once its articles are built: each entry's link, id,
    title and credit (`_store`, `_read_report`, `entry_said`), not its text. A feed's outcome
    waits for every feed before it in feeds.yaml to be written (`_Storer`): a 300-feed first
    fetch held every later feed's entries twice over, as entries and as articles (fixgu)."""
    return dataclasses.replace(
        parsed,
        entries=tuple(
            dataclasses.replace(e, summary=None, content=None, subtitle=None, categories=())
            for e in parsed.entries
        ),
    )


def _build_and_count(
    entries: Sequence[Entry],
    *,
    source: FeedSource,
    feed_title: str | None,
    pages: article_rules.PageBatch,
    now: datetime,
    phrases: Sequence[str],
    shared_before: Sequence[str] = (),
    stored_titles: Mapping[str, str] | None = None,
) -> tuple[article_rules.Built, tuple[_Counts, ...]]:
    """In a worker: a feed's new articles (`articles.build_articles`), each counted."""
    built = article_rules.build_articles(
        entries,
        source=source,
        feed_title=feed_title,
        pages=pages,
        now=now,
        shared_before=shared_before,
        stored_titles=stored_titles,
    )
    counted = count([a for _, a in built.articles], phrases)
    return built, tuple(
        (key, c.counts, c.shown) for (key, _), c in zip(built.articles, counted, strict=True)
    )


_Outcome = _Settled | _Fresh

#: An article whose page could not be read is read again on later runs (its feed may be
#: unchanged: nothing else would read it) while it is unfeatured and first seen within this many
#: days -- two weekly issues, past which it is rarely featured -- ...
PAGE_RETRY_DAYS = 14
#: ... and read at most this many times in all, the first read included, ...
PAGE_READS = 6
#: ... each read again once `PAGE_RETRY_WAITS[n - 1]` has passed since the n-th read failed: soon
#: after a blip, ever more rarely after that, so that reads last out about five days of an outage
#: however many runs there are (walk14 #9: an editor previewing a build six times in ten minutes
#: used up every read of 64 pages).
PAGE_RETRY_WAITS = tuple(timedelta(hours=3**n) for n in range(PAGE_READS - 1))


def retry_due(attempts: int, last_tried: datetime | None, now: datetime) -> bool:
    """Whether a page read `attempts` times, last at `last_tried`, is to be read again `now`."""
    wait = PAGE_RETRY_WAITS[min(max(attempts, 1), len(PAGE_RETRY_WAITS)) - 1]
    return last_tried is None or now - last_tried >= wait


def _entry_json(entry: Entry) -> str:
    """A feed entry as the store keeps it for reading its page again (`_entry_from_json`)."""
    return json.dumps(
        dataclasses.asdict(entry), default=lambda v: v.isoformat() if isinstance(v, datetime) else v
    )


def _entry_from_json(text: str) -> Entry:
    """The entry `_entry_json` stored (fields the store knows of; ones it does not are left out)."""
    stored = json.loads(text)
    known = {f.name for f in dataclasses.fields(Entry)}
    fields: dict[str, object] = {k: v for k, v in stored.items() if k in known}
    for name in ("published", "updated"):
        if isinstance(fields.get(name), str):
            fields[name] = datetime.fromisoformat(str(fields[name]))
    for name in ("authors", "categories"):
        fields[name] = tuple(stored.get(name) or ())
    return Entry(**fields)  # type: ignore[arg-type]


@dataclass(frozen=True, repr=False)
class _Reread:
    """A stored article's page read again: its article as the page now makes it, or the failure."""

    retry: PageRetry
    article: Article | None = None
    error_kind: str | None = None
    error: str | None = None
    #: False when the page was not tried (its host could not be reached earlier in the run).
    tried: bool = True
    #: When its server asked (Retry-After) not to be asked again before: this read is not counted.
    wait_until: datetime | None = None
    #: Its site's robots.txt disallows it now: not read, and no longer to be read again.
    disallowed: bool = False


def _request(source: FeedSource, state: FeedState) -> FetchRequest:
    return FetchRequest(
        source.url,
        etag=state.etag,
        last_modified=state.last_modified,
        kind="feed",
        allow_file=source.is_file,
    )


def _feed_base(source: FeedSource, result: FetchResult) -> str:
    """What the feed's relative links are resolved against."""
    return Path(source.url).as_uri() if source.is_file else result.final_url


def _shown_name(source: FeedSource, state: FeedState) -> str:
    """A feed as its line names it when read: the editor's name, else its title as stored."""
    return source.name or state.title or source.url


def told_apart(names: Mapping[str, str]) -> dict[str, str]:
    """Feeds' names by address, those that two feeds or more share followed by their address,
    as `feeds check` names them: "Daring Fireball (https://example.com/feed.json)" (walk143 #6:
    three feeds of one site, in Atom, JSON Feed and RSS, were three lines "ok Daring Fireball")."""
    counts = Counter(names.values())
    return {
        url: f"{name} ({url})" if counts[name] > 1 and name != url else name
        for url, name in names.items()
    }


#: A feed that gave nothing new in a run, whose last new article came this long ago or more,
#: its newest article as old, is said under "need a look": it may have stopped publishing or
#: moved (walk126 #3: five weeks of "unchanged", nothing more).
QUIET_AFTER = timedelta(weeks=4)


#: How long a feed asking curator to wait (Retry-After) may have failed before it is a failure.
ONE_DAY = timedelta(days=1)
#: How long curator waits before asking again a feed that answered 429 naming no wait (no
#: Retry-After, or none it reads), doubled for each run in a row it so answered, up to a day:
#: a 429 asks to be asked less often, and the next run may be seconds away (walk127 #2).
OWN_WAIT = timedelta(hours=1)
#: Marks a stored error after which the wait was curator's own (`_waiting` reads it back).
OWN_WAIT_MARK = "no wait named"
#: The same after a "Retry-After: 0", which asks for no wait (walk128: "asks for no wait; no
#: wait named", which contradicts itself).
LESS_OFTEN = "but a 429 asks curator to ask less often"
#: How `fetch` says a "Retry-After: 0".
_ASKS_NO_WAIT = "its Retry-After asks for no wait"


def own_wait_said(error: str | None) -> bool:
    """Whether a stored error says the wait after it was curator's own (`OWN_WAIT`)."""
    return OWN_WAIT_MARK in (error or "") or LESS_OFTEN in (error or "")


def own_wait(state: FeedState) -> timedelta:
    """Curator's own wait after a 429 naming none: an hour, doubled for each run in a row the
    feed answered so before, at most a day."""
    before = state.failed_runs if state.last_error_kind == "rate-limited" else 0
    wait: timedelta = OWN_WAIT * 2 ** min(before, 5)
    return min(wait, ONE_DAY)


def _sent_to(source: FeedSource, result: FetchResult, exc: FeedError) -> str:
    """A feed's parse error; "this is an HTML page, not a feed" says where its address sent it
    when it was redirected (walk169: a feed 301'd to the site's home page or 302'd to a
    maintenance page said only that it was an HTML page)."""
    error = str(exc)
    final = result.final_url
    if not error.startswith(HTML_NOT_FEED) or source.is_file or not final or final == source.url:
        return error
    how = "moved to" if result.moved_to == final else "sent to"
    # "moved to" for a move for good (301/308 all the way), else "sent to" (a 302, 303, 307).
    return f"{HTML_NOT_FEED}: its address {how} {final}{error[len(HTML_NOT_FEED) :]}"


def _failed(
    source: FeedSource,
    result: FetchResult,
    kind: ErrorKind,
    error: str,
    state: FeedState,
    now: datetime,
) -> _Settled:
    wait_until = _asked_until(result, now)
    own = kind == "rate-limited" and result.status == 429 and wait_until is None
    if own:  # a 429 naming no wait: asked again no sooner than curator's own wait
        wait = own_wait(state)
        wait_until = now + wait
        # "Retry-After: 0" asks for no wait, but a 429 still asks to be asked less often.
        why = f", {LESS_OFTEN}" if error.endswith(_ASKS_NO_WAIT) else f"; {OWN_WAIT_MARK}"
        error = (
            f"{error}{why}: curator does not ask it again for {_hours(wait)}"
            " (longer while it lasts)"
        )
    since = datetime.fromisoformat(state.failing_since) if state.failing_since else now
    # Asked to wait (Retry-After): a wait from the first answer, not a failure, unless it has
    # been failing for a day or more (walk91 #4: the first 429 was "failed", counted so).
    waits = kind == "rate-limited" and wait_until and wait_until > now and now - since < ONE_DAY
    # A move seen in an earlier run stands while its old address fails (walk126 #1: a 404 once
    # it stopped redirecting advised removing the feed, the new address unsaid).
    kept = state.moved_to if not result.moved_to and state.moved_to else None
    report = FeedReport(
        source.url,
        _shown_name(source, state),
        "waiting" if waits else "failed",
        error_kind=kind,
        error=error,
        elapsed=result.elapsed,
        retry_after=result.retry_after,
        failing_since=state.failing_since or now.isoformat(),
        failed_runs=state.failed_runs + 1,
        moved_to=result.moved_to or kept,
        moved_before=bool(kept),
        moved_seen=state.last_success if kept else None,
        moved_error=result.moved_error if kept else None,
        wait_until=wait_until.isoformat() if wait_until else None,
        own_wait=own,
        answered_at=now.isoformat() if own else None,
    )
    return _Settled(report, result)


def _hours(wait: timedelta) -> str:
    hours = round(wait.total_seconds() / 3600)
    return "an hour" if hours == 1 else f"{hours} hours"


def _waiting(source: FeedSource, state: FeedState, now: datetime) -> _Settled | None:
    """The feed's outcome when its server asked curator not to ask again before a time not yet
    come (Retry-After, remembered from an earlier run): not asked, and not a failure; None when
    it is to be asked."""
    if not state.wait_until or datetime.fromisoformat(state.wait_until) <= now:
        return None
    # A wait stored more than a day (the most curator waits) from now was stored while the clock
    # ran ahead: the day from now is kept (walk127 #3: 120 s asked, two weeks kept).
    until = min(datetime.fromisoformat(state.wait_until), now + timedelta(seconds=MAX_RETRY_AFTER))
    own = state.last_error_kind == "rate-limited" and own_wait_said(state.last_error)
    report = FeedReport(
        source.url,
        _shown_name(source, state),
        "waiting",
        wait_until=until.isoformat(),
        own_wait=own,
        answered_at=state.last_fetched if own else None,
    )
    return _Settled(report, FetchResult(source.url, source.url))


def _settled(
    source: FeedSource, result: FetchResult, state: FeedState, digest: str | None, now: datetime
) -> _Settled | None:
    """The feed's outcome when there is nothing to parse: it failed, answered 304, or sent the
    same bytes as last time (servers that ignore validators); None when it must be parsed."""
    if not result.ok:
        kind = result.error_kind or "error"
        return _failed(source, result, kind, result.error or "failed", state, now)
    if not result.not_modified and digest != state.content_hash:
        return None
    # A move recorded before stands while the old address answers by itself (no redirect at all)
    # with the document then read, another site's (walk91 #1; `_store` keeps it).
    kept = state.moved_to if not result.moved_to and result.final_url == source.url else None
    report = FeedReport(
        source.url,
        _shown_name(source, state),
        "unchanged",
        elapsed=result.elapsed,
        still_malformed=state.warning,
        warning_since=state.warning_since if state.warning else None,
        moved_to=result.moved_to or kept,
        moved_before=bool(kept),
        moved_seen=state.last_success if result.old_error else None,
        old_error=result.old_error,
    )
    if result.not_modified:
        return _Settled(report, result)
    return _Settled(report, result, size=len(result.content or b""), digest=digest)


#: Why an entry without a link was left out (`safe_link` keeps only http(s) links, and a local
#: feed's local pages).
NO_LINK = "no http(s) link"
#: How many skipped entries a feed's line names by title (all of them are in --json).
SKIPPED_NAMED = 3
#: Added for a local feed file whose channel gives no web address: its relative links had nothing
#: to be resolved against (`feeds.parse._local_links`).
NO_WEB_BASE = "a local feed file's relative links need its <link> to be the site's web address"
#: Added when a local feed's entries link to local pages that name no web address of their own.
NO_CANONICAL = 'a local page needs <link rel="canonical" href="https://..."> giving its web address'
#: Added when the document was not well formed: an entry's id is then not taken for its link (it
#: may be the cut-off copy of an entry read whole before).
NOT_WELL_FORMED_ID = (
    "in a document that is not well formed, an entry's id is not taken for its link"
)
#: Why a new entry was left out when neither the feed nor its page gave it a title.
NO_TITLE = "no title"


def same_page_note(duplicates: int) -> str:
    """ "2 entries point at the same page as another entry of the feed; kept once"."""
    verb = "entry points" if duplicates == 1 else "entries point"
    return f"{duplicates} {verb} at the same page as another entry of the feed; kept once"


def _read_report(
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
) -> FeedReport:
    """The report of a feed read and parsed, with the entries left out for want of a link, or
    sharing one, (and, once its articles are built, of a title, or as another's page); and
    `unlinked`: a local feed's entries whose local page named no web address. Its entries
    published at their guid are said of those new now (`new_links`, URL keys of their links):
    once, when first stored so (walk162 #6: said at every fetch of the feed)."""
    skipped_links = sum(1 for entry in parsed.entries if not entry.link)
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
    skipped_links += unlinked
    unlinked_entries = [entry for entry in parsed.entries if not entry.link]
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
        skipped_titles=tuple(_entry_name(entry) for entry in unlinked_entries),
        guid_links=tuple(
            (_entry_name(e), e.unsafe_link)
            for e in parsed.entries
            if e.unsafe_link and e.link and url_key(e.link) in new_links
        ),
        untitled=untitled,
        duplicates=article_rules.same_page_entries(parsed.entries) + duplicates,
        moved_to=result.moved_to,
        old_error=result.old_error,
        reused_ids=reused_ids,
        entries_in_feed=parsed.entries_in_document,
    )


def _links_of(entries: Iterable[Entry]) -> set[str]:
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


def _entry_ids(source: FeedSource, parsed: ParsedFeed) -> list[tuple[str, str]]:
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
class _Changed:
    """An entry of an article stored before whose title or authors the feed changed since."""

    entry: Entry
    article_id: int
    said: str
    #: The first issue that published the article (or named it under another), or None.
    published_in: int | None
    #: The title that issue printed (the editor may have corrected it), else the one stored.
    title: str = ""


@dataclass(frozen=True)
class _Relinked:
    """An entry giving the id of an article stored before at a new link, under its title: the
    feed moved the article there (walk137 #1)."""

    entry: Entry
    article_id: int
    #: The article's address and title as stored.
    url: str
    title: str


@dataclass(frozen=True)
class _Known:
    """The feed's entries of articles stored before: those it changed, and those whose entry
    was not recorded yet ((URL key, `entry_said`): kept now, a change noticed from then on);
    and those it gives at a new link (`_Relinked`)."""

    changed: tuple[_Changed, ...] = ()
    unrecorded: tuple[tuple[str, str], ...] = ()
    relinked: tuple[_Relinked, ...] = ()


@dataclass(frozen=True)
class _Move:
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


def _missed(
    store: Store, source: FeedSource, parsed: ParsedFeed, new: Sequence[Entry], before: FeedState
) -> tuple[str, str, int, str | None] | None:
    """`FeedReport.missed`: a feed read before whose entries now are all new, each dated after
    the newest it gave before, and as many as on its last read (a full window that moved past
    what was stored): the entries between may have come and gone between two fetches.

    Why: a feed keeping only its latest 4 entries, fetched at posts 1-4 and then at posts 11-14,
    said "4 entries, 4 new": posts 5-10 were lost without a word (walk157 #3)."""
    entries = parsed.entries
    if not before.entries_last or not entries or len(entries) < before.entries_last:
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


def _found_stored(store: Store, source: FeedSource, built: article_rules.Built) -> bool:
    """Whether any of the feed's new articles, as built, is stored already: by the address its
    page gives (another feed's article), or as an article the feed gave before at another
    address (the same text: `Store.republished`). Entries found so were stored before: the
    feed's window did not move past everything stored (`FeedReport.missed`, walk169 #7)."""
    if store.known_keys(k for k, _ in built.articles):
        return True
    articles = list(built.articles)
    found = store.republished(source.url, articles) if articles else {}
    urls = dict(articles)
    return any(not article_rules.other_story(urls[k].title, t) for k, (_, t) in found.items())


def _new_entries(
    store: Store, parsed: ParsedFeed, source: FeedSource, stored_now: Set[str] = frozenset()
) -> tuple[list[Entry], int, _Known]:
    """The feed's entries the store does not have yet, one per link, in the feed's order; an
    entry whose id the feed gave an article before is that article (its link may have changed),
    unless its title is new too: then the publisher reused the id for a new article, which is
    new (the stored one keeps the id). And how many entries were such new articles; and those
    at a stored article's link whose title or authors the feed changed since (walk126 #1)."""
    keyed = article_rules.keyed_entries(parsed.entries)
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
    relinked: list[_Relinked] = []
    if moves := [k for k in by_id if k not in reused]:
        articles = store.stored_by_entry_ids([ids[k] for k in moves])
        taken = {said[k][0] for k in stored if k in said}
        for k in moves:
            if (found := articles.get(ids[k])) is not None and found[0] not in taken:
                taken.add(found[0])
                relinked.append(_Relinked(fresh[k], *found))
    changed: list[_Changed] = []
    unrecorded: list[tuple[str, str]] = []
    seen: set[int] = set()
    for k in stored:
        if k not in said or said[k][0] in seen:
            continue
        article_id, before, published_in = said[k]
        seen.add(article_id)
        now = entry_said(keyed[k])
        if before is None:
            unrecorded.append((k, now))
        elif before != now and keyed[k].title:
            changed.append(_Changed(keyed[k], article_id, now, published_in))
    if changed:
        stored_titles = store.titles_at_keys([url_key(c.entry.link or "") for c in changed])
        changed = [
            dataclasses.replace(c, title=stored_titles.get(url_key(c.entry.link or ""), ""))
            for c in changed
        ]
        # A published article is named by the title its issue printed, which the editor may have
        # corrected, not the feed's old one (walk133 #4).
        printed = store.published_titles([c.article_id for c in changed if c.published_in])
        changed = [
            dataclasses.replace(c, title=printed.get(c.article_id, c.title)) for c in changed
        ]
    return new, len(reused), _Known(tuple(changed), tuple(unrecorded), tuple(relinked))


# -- the loop --------------------------------------------------------------------------------------

#: New entries whose articles are being built or wait to be written, at most: a feed whose new
#: entries would pass it waits to be built until a feed is written (the feed written next never
#: waits: nothing it waits for can wait on it, nor does a feed when no other is being built). The
#: workers build faster than this process writes: a 300-feed first fetch held the articles of
#: every feed built and not written yet, 60 MB more of them, where a feed waiting here holds its
#: entries only (fixgu). A weekly run's feeds, of a few new entries each, never wait.
BUILT_AT_ONCE = 4_000
#: Feeds parsed at once at most (in the workers, or waiting for one): a feed read waits for its
#: turn, and a parsed feed's articles are built before the next feeds are parsed, instead of
#: behind every feed read (the workers take tasks in the order given). A 300-feed first fetch
#: otherwise parsed every feed before building the first, and held every feed's entries
#: meanwhile (fixgu). Twice the workers at most (`curator.workers.MAX_WORKERS`): they are never
#: left waiting for a parse.
PARSING_AT_ONCE = 8


@dataclass
class _Run:
    """What every feed's task shares in one run."""

    config: Config
    store: Store
    states: dict[str, FeedState]
    now: datetime
    workers: Workers
    fetcher: Fetcher
    pages: _PageReader
    progress: Progress
    #: The phrases new articles are counted with (`termcounts.prepare`).
    phrases: Sequence[str] = ()
    #: Each site's robots.txt, asked for before its pages are (`curator.robots`).
    robots: SiteRules | None = None
    #: Each feed's name as known so far in the run (its stored title, then the one it gives):
    #: a feed's line names its address too when another feed has the same name (`told_apart`).
    names: dict[str, str] = dataclasses.field(default_factory=dict)
    #: Writes each feed's outcome as soon as it can (`_Storer`).
    storer: _Storer = dataclasses.field(default_factory=lambda: _Storer(_unwritten, 0))
    #: Feeds being parsed (`PARSING_AT_ONCE`); released when its parse ends, whatever the storing
    #: waits for, so that no feed waits on another's writing.
    parsing: asyncio.Semaphore = dataclasses.field(
        default_factory=lambda: asyncio.Semaphore(PARSING_AT_ONCE)
    )

    def tell(self, report: FeedReport) -> None:
        """Say `report` on its line as soon as it is read, told apart from any feed of the same
        name read before it or known by that name from earlier runs."""
        self.names[report.url] = report.name
        name = told_apart(self.names)[report.url]
        self.progress(report if name == report.name else dataclasses.replace(report, name=name))

    async def allowed(self, links: Sequence[str]) -> list[str]:
        """Of `links` (article pages on the web), those their site's robots.txt allows."""
        if self.robots is None or not links:
            return list(links)
        robots = self.robots
        verdicts = await asyncio.gather(*(robots.allows(link) for link in links))
        return [link for link, ok in zip(links, verdicts, strict=True) if ok]


async def _one_feed(run: _Run, source: FeedSource, index: int = 0) -> _Outcome:
    """Fetch, parse and build the `index`-th feed, handing the CPU work to the workers; reported
    once read."""
    state = run.states[source.url]
    if (waiting := _waiting(source, state, run.now)) is not None:
        run.tell(waiting.report)
        run.pages.feed_done(source.url)
        return waiting
    run.pages.asking(source.url, True)
    try:
        result = await run.fetcher.fetch(_request(source, state))
        if not result.ok and state.moved_to and not result.moved_to and not source.is_file:
            result = await _read_moved(run, state, result)
    finally:
        run.pages.asking(source.url, False)
    if result.ok and result.moved_to and (onto := _listed_at(run, source, result.moved_to)):
        # Its address leads to a feed read on its own line: that feed's document is not this
        # one's ("unchanged"), and its line is to go, not be replaced (walk169 #4).
        listed = _failed(source, result, "listed", onto[1], state, run.now)
        listed = dataclasses.replace(
            listed, report=dataclasses.replace(listed.report, leads_to=onto[0])
        )
        run.tell(listed.report)
        run.pages.feed_done(source.url)
        return listed
    content = result.content or b""
    digest = hashlib.sha256(content).hexdigest() if result.ok and not result.not_modified else None
    outcome = _settled(source, result, state, digest, run.now)
    if outcome is not None:
        run.tell(came_back(outcome.report, state))
        run.pages.feed_done(source.url)
        return outcome
    assert digest is not None
    try:
        async with run.parsing:
            parsed = await run.workers.run(
                parse_feed,
                content,
                _feed_base(source, result),
                result.content_type,
                page_exists=local_file_exists,
            )
    except FeedError as exc:
        outcome = _failed(
            source, result, "malformed", _sent_to(source, result, exc), state, run.now
        )
        if str(exc).startswith(HTML_NOT_FEED) and not source.is_file:
            named = await run.workers.run(_page_feed, content, result.final_url, source.url)
            onto = _listed_at(run, source, named) if named else None
            report = dataclasses.replace(
                outcome.report,
                page_feed=named,
                leads_to=onto[0] if onto else None,
                error=f"{outcome.report.error}; {onto[1]}" if onto else outcome.report.error,
            )
            outcome = dataclasses.replace(outcome, report=report)
        run.tell(outcome.report)
        run.pages.feed_done(source.url)
        return outcome
    # Its body is let go once parsed (only its size is written): a feed's outcome may wait long
    # for the feeds before it to be written (`_Storer`).
    size = len(content)
    result = dataclasses.replace(result, content=None)
    del content
    new, reused, known = _new_entries(run.store, parsed, source, run.storer.keys)
    missed = _missed(run.store, source, parsed, new, state)
    run.storer.expected += len(new)
    with_pages = article_rules.wants_pages(run.config, source)
    wanted = [e.link for e in new if e.link] if with_pages else []
    # A stored article its feed changed the title or authors of, and no issue published, is
    # built again from the entry; its page is read again then only (walk126 #1).
    retake = [c for c in known.changed if c.published_in is None]
    again = [c.entry.link for c in retake if c.entry.link] if with_pages else []
    # A stored article its feed gives at a new link under the same id: its page is read there,
    # and the article moves there if it serves it (walk137 #1).
    relinked = [r.entry.link for r in known.relinked if r.entry.link] if with_pages else []
    if not source.is_file:
        # A page its site's robots.txt disallows is not read: its article is built from the
        # feed, as with `fetch_pages: false` (walk127).
        wanted = await run.allowed(wanted)
        relinked = await run.allowed(relinked)
    # A feed whose entries may have moved past some unseen is said once its articles are built:
    # those found stored (at new addresses, or as another feed's) are no gap (walk169 #7: the
    # warning stood beside "15 of its new entries give new addresses for articles it gave").
    told_later = source.is_file or missed is not None
    if not told_later:
        report = _read_report(
            source, parsed, result, len(new), reused_ids=reused, new_links=_links_of(new)
        )
        run.tell(came_back(report, state))
    entries = [*new, *(c.entry for c in retake), *(r.entry for r in known.relinked)]
    for credits in (True, False):  # (the feed's `name:` credits the article, or not)
        run.pages.credit(
            [e.link for e in entries if e.link and (bool(source.name) and not e.via) == credits],
            named=credits,
        )
    pages = run.pages.ask(wanted, allow_file=source.is_file)
    again = run.pages.ask(again, allow_file=source.is_file)
    relinked = run.pages.ask(relinked, allow_file=source.is_file)
    run.pages.feed_done(source.url)
    batch = article_rules.PageBatch(await run.pages.wait(pages))
    await run.storer.may_build(index, len(new))
    built, counted = await run.workers.run(
        _build_and_count,
        new,
        source=source,
        feed_title=parsed.title,
        pages=batch,
        now=run.now,
        phrases=run.phrases,
        shared_before=_shared_before(run.store, batch.pages.values(), run.storer.keys),
        stored_titles=_stored_titles(run.store, batch.pages.values(), run.storer.keys),
    )
    if missed is not None and _found_stored(run.store, source, built):
        missed = None
    if not source.is_file and told_later:
        report = _read_report(
            source, parsed, result, len(new), reused_ids=reused, new_links=_links_of(new)
        )
        run.tell(came_back(dataclasses.replace(report, missed=missed), state))
    if source.is_file:
        # A local feed's line waits for its local pages (read at once): an entry whose page names
        # no web address has no link to publish, and the line counts it skipped, not new. Nor
        # is an article stored already by its page's own address new (walk95 #2: a copied
        # folder's feed said "4 entries, 4 new", its articles carried from the old path).
        stored = run.store.known_keys(k for k, _ in built.articles) - run.storer.keys
        report = _read_report(
            source,
            parsed,
            result,
            max(0, len(new) - built.unlinked - len(stored)),
            reused_ids=reused,
            unlinked=built.unlinked,
            new_links=_links_of(new),
        )
        run.tell(came_back(dataclasses.replace(report, missed=missed), state))
    unread = tuple(
        (built.aliases[url_key(e.link)], e.link, _entry_json(e), *run.pages.failed[e.link])
        for e in new
        if e.link and e.link in run.pages.failed and url_key(e.link) in built.aliases
    )
    failed = sum(1 for link in pages if link in run.pages.failed)
    refused = sum(1 for link in pages if run.pages.failed.get(link, (None,))[0] == "blocked")
    gone = sum(1 for link in pages if link in run.pages.dead)
    waits = tuple((row[0], run.pages.waits[row[1]]) for row in unread if row[1] in run.pages.waits)
    retaken: tuple[tuple[int, str, Article | None, bool], ...] = ()
    if retake:
        read_again = await run.pages.wait(again)
        rebuilt = await run.workers.run(
            article_rules.build_articles,
            [c.entry for c in retake],
            source=source,
            feed_title=parsed.title,
            pages=article_rules.PageBatch(read_again),
            now=run.now,
        )
        made = dict(rebuilt.articles)

        def of(change: _Changed) -> Article | None:
            key = url_key(change.entry.link or "")
            return made.get(rebuilt.aliases.get(key, key))

        # Its blurb and text are built again too when its page was read again (or the feed is
        # all curator reads of it): a correction changes the words as well as the title (walk169
        # #1: "5 points" published under the corrected title of "50 points"). A page that
        # could not be read now leaves the stored text and blurb as they are.
        retaken = tuple(
            (c.article_id, c.said, of(c), not with_pages or (c.entry.link or "") in read_again)
            for c in retake
        )
    moves = await _relink(run, source, parsed, known.relinked, relinked, with_pages=with_pages)
    return _Fresh(
        source,
        result,
        _held(parsed),
        digest,
        built,
        counted,
        unread,
        len(pages),
        failed,
        refused,
        reused,
        waits,
        known,
        retaken,
        moves,
        pages_gone=gone,
        missed=missed,
        size=size,
    )


async def _relink(
    run: _Run,
    source: FeedSource,
    parsed: ParsedFeed,
    relinked: Sequence[_Relinked],
    asked: Sequence[str],
    *,
    with_pages: bool,
) -> tuple[_Move, ...]:
    """What becomes of each stored article the feed gives at a new link under the same id
    (walk137 #1), its page read there (`asked`): it moves to the page's address when the page
    serves it (under its title), else stays where it is, said why; with no page read there
    (`fetch_pages: false`, or robots.txt), the feed's link is taken as its address."""
    if not relinked:
        return ()
    read = await run.pages.wait(asked)
    rebuilt = await run.workers.run(
        article_rules.build_articles,
        [r.entry for r in relinked],
        source=source,
        feed_title=parsed.title,
        pages=article_rules.PageBatch(read),
        now=run.now,
        stored_titles=_stored_titles(run.store, read.values()),
    )
    made = dict(rebuilt.articles)
    moves: list[_Move] = []
    for r in relinked:
        link = r.entry.link or ""
        key = rebuilt.aliases.get(url_key(link), url_key(link))
        if (art := made.get(key)) is None:
            continue  # (no title to be an article's: `new` said nothing of it either)
        others = tuple(a for a, k in rebuilt.aliases.items() if k == key and a != key)
        move = _Move(r.article_id, r.title, r.url, art.url, key, others)
        if link in read:
            if article_rules.other_story(art.title, r.title):
                move = dataclasses.replace(
                    move, kept=f'serves another article there ("{art.title}")'
                )
        elif not with_pages:
            move = dataclasses.replace(move, unread="its page is not read: fetch_pages is false")
        elif link not in asked:
            move = dataclasses.replace(
                move, unread="its page is not read: its site's robots.txt disallows it"
            )
        else:
            why = run.pages.failed.get(link, (None, "no answer"))[1]
            move = dataclasses.replace(move, new=link, kept=f"does not answer ({why})")
            run.pages.said_with_article(link)
        moves.append(move)
    return tuple(moves)


def _listed_at(run: _Run, source: FeedSource, url: str) -> tuple[str, str] | None:
    """When `url`, where the feed `source` now leads, is another feed listed in feeds.yaml: (its
    address as listed, what to do: "now leads to Alpha Blog (line 24 of feeds.yaml), a feed
    already listed: remove the Delta Blog line (`curator feeds remove URL`)"); else None."""
    key = url_key(url)
    other = next(
        (f for f in run.config.feeds if f.url != source.url and url_key(f.url) == key), None
    )
    if other is None:
        return None
    state = run.states.get(other.url)
    name = other.name or (state.title if state else None) or other.url
    line = f", line {other.line} of {run.config.path.name}" if other.line else ""
    this = _shown_name(source, run.states[source.url])
    return other.url, (
        f"now leads to {name} ({other.url}{line}), a feed already listed: remove the {this}"
        f" line (`curator feeds remove {shell_arg(source.url)}`)"
    )


def _page_feed(content: bytes, page_url: str, feed_url: str) -> str | None:
    """The feed a web page served at a feed's address names (`<link rel="alternate">`), not a
    comments feed nor the address itself; None when it names none."""
    for link in find_feed_links(content, page_url):
        if url_key(link.url) != url_key(feed_url) and not is_comments_feed(link.url, link.title):
            return link.url
    return None


async def _read_moved(run: _Run, state: FeedState, failed: FetchResult) -> FetchResult:
    """A feed whose address failed, having moved for good (301/308) in an earlier run: read at
    the address it moved to, as the run that saw the move did, the failure kept to be said
    (walk126 #1: once the old address answered 404, the feed's articles were lost and the build
    advised removing it). The failure itself when the new address fails too."""
    assert state.moved_to is not None
    if failed.error_kind == "rate-limited":  # asked to wait: not a failure of the address
        return failed
    request = FetchRequest(
        state.moved_to, etag=state.etag, last_modified=state.last_modified, kind="feed"
    )
    again = await run.fetcher.fetch(request)
    if not again.ok:
        return dataclasses.replace(failed, moved_error=again.error or "failed")
    return dataclasses.replace(
        again, moved_to=again.moved_to or state.moved_to, old_error=failed.error or "failed"
    )


def _shared_before(
    store: Store, pages: Iterable[Page], stored_now: Set[str] = frozenset()
) -> list[str]:
    """Of the canonical URLs these pages name, the keys of those stored as named by several
    pages before (`articles.shared_canonicals`), not counting `stored_now` (this run's)."""
    keys = {url_key(c) for p in pages if (c := article_rules.page_address(p))}
    known = store.known_keys(article_rules.shared_mark(k) for k in keys) - stored_now
    return [k for k in keys if article_rules.shared_mark(k) in known]


def _stored_titles(
    store: Store, pages: Iterable[Page], stored_now: Set[str] = frozenset()
) -> dict[str, str]:
    """Of the canonical URLs these pages name, the keys of those that are a stored article's
    address, with its title (`articles.build_articles` tells another story's address by it);
    not those of `stored_now` (stored in this run)."""
    keys = {url_key(c) for p in pages if (c := article_rules.page_address(p))} - stored_now
    return store.titles_at_keys(sorted(keys)) if keys else {}


async def _read_again(run: _Run, retry: PageRetry, source: FeedSource) -> _Reread:
    """Read a stored article's page again; its article merged as if it had been read the first
    time (the feed entry it was built from, kept with the retry)."""
    if not source.is_file and not await run.allowed([retry.link]):
        return _Reread(retry, tried=False, disallowed=True)
    page, result = await run.pages.fetch(retry.link, source.is_file)
    if page is not None and await run.pages.redirect_disallowed(retry.link, result):
        return _Reread(retry, tried=False, disallowed=True)
    if result is None:  # its host could not be reached this run: not tried, so not an attempt
        return _Reread(retry, error_kind="connect", error=HOST_SKIPPED, tried=False)
    if page is None:
        return _Reread(
            retry,
            error_kind=result.error_kind,
            error=failure_reason(result, run.now),
            wait_until=page_wait(result, run.now),
        )
    if page.problems:
        run.pages.credit(
            [retry.link], named=bool(source.name) and _entry_from_json(retry.entry).via is None
        )
        run.pages.in_part.append(PageInPart(retry.link, page.problems))
    article = await run.workers.run(
        article_rules.merge,
        _entry_from_json(retry.entry),
        page,
        source=source,
        feed_title=run.states[source.url].title,
        now=retry.first_seen or run.now,
        refused=_shared_before(run.store, [page]),
    )
    # The article was stored from this entry with no page, so the entry has the title merge
    # prefers: a page read now cannot take it away.
    assert article is not None, f"a stored article's entry lost its title: {retry.link}"
    return _Reread(retry, article)


def _source_name(source: FeedSource, parsed: ParsedFeed | None) -> str:
    return source.name or (parsed.title if parsed and parsed.title else None) or source.url


#: The longest wait a page's server may ask for (Retry-After) that curator waits out within the
#: run, then reads the page once more: a few seconds hold up no build; a longer wait is kept,
#: and the page read on a run after it (`page_wait`).
SHORT_WAIT = 10.0


async def _fetch_page(
    fetcher: Fetcher,
    workers: Workers,
    link: str,
    allow_file: bool,
    given_up_hosts: Set[str] = frozenset(),
) -> tuple[Page | None, FetchResult]:
    """Fetch the article page at `link` and read it in a worker: the page (None when it could
    not be fetched or was empty, whitespace only too) and the fetch's result, which says why."""
    request = FetchRequest(link, kind="page", allow_file=allow_file, given_up_hosts=given_up_hosts)
    result = await fetcher.fetch(request)
    if result.error_kind == "rate-limited" and 0 < (result.retry_after or 0) <= SHORT_WAIT:
        # Asked to wait a few seconds: waited for within the run, and the page asked once more
        # (walk127 #1: a page's "Retry-After: 30" published its article from its feed at once).
        await asyncio.sleep(result.retry_after or 0)
        result = await fetcher.fetch(request)
    if not (result.ok and result.content and result.content.strip()):
        return None, result
    if away := article_rules.redirected_away(link, result.final_url):
        # Sent to the front page (or a section): the article is gone, as after a 404 or a 410.
        return None, dataclasses.replace(result, content=None, error_kind="gone", error=away)
    page = await workers.run(
        article_rules.read_page, result.content, result.final_url, result.content_type
    )
    if gate := article_rules.gated(link, result.final_url, page, result.content):
        # A sign-in page (or a subscription or consent form): not the article, so its entry is used.
        return None, dataclasses.replace(result, content=None, error_kind="http", error=gate)
    # A local file has no server to answer 200 for a missing page: the editor's own copy is read
    # (walk99 #1: refused, a local feed's entry had no web address to fall back on, and was lost).
    served = result.final_url.startswith(("http://", "https://"))
    if served and (missing := article_rules.soft_404(page)):
        # "Page not found" served with 200: not the article, so its entry is used, as after a 500.
        return None, dataclasses.replace(result, content=None, error_kind="http", error=missing)
    return page, result


#: Connection failures (refused, connect timeout, no such server) to one host in a run after
#: which its other pages in that run are not tried: each would wait out the same failure.
HOST_FAILURES = 3
#: Why a page of such a host was not tried, as the page-failure report counts it.
HOST_SKIPPED = NOT_TRIED


def _unreachable(result: FetchResult) -> str | None:
    """The server ("host:port" as `_host` gives it) `result` failed to reach before any answer:
    the link's own, or the one a redirect sent it to (walk37 #5: those were neither named nor
    given up on); None when it failed otherwise."""
    error = result.error or ""
    if result.final_url != result.url:
        hop = f"redirected to {result.final_url}: "
        if not error.startswith(hop):
            return None
        error = error[len(hop) :]
    if result.error_kind in ("connect", "dns"):
        reached = error.startswith(("connection lost", NOT_TRIED))
    else:
        reached = not (result.error_kind == "timeout" and error.startswith("could not connect"))
    return None if reached else _host(result.final_url)


#: Why a page read in part that ends early is in `pages_in_part`.
ENDS_EARLY = (
    "the page ends early (no </html> after its <html>): it may have been cut off, say by a wrong"
    " Content-Length from its server; what came was read"
)
#: How far from its end a whole page's </body> or </html> may be.
_TAIL = 64 * 1024
_HTML_OPEN = re.compile(rb"<html[\s>]", re.I)
_HTML_CLOSE = re.compile(rb"</(?:html|body)\s*>", re.I)


def _ends_early(content: bytes) -> bool:
    """Whether an HTML page that opens its document with <html> stops before closing it (nor its
    body): cut off, as a body shorter than the page (a Content-Length that lies) is (walk32 #7).
    A feed so cut is "not well formed"; a page is still read, but said to be read in part."""
    head = content[:_TAIL]
    return bool(_HTML_OPEN.search(head)) and not _HTML_CLOSE.search(content[-_TAIL:])


def _host(link: str) -> str:
    parts = urlsplit(link)
    return parts.netloc.lower() or link


class _PageReader:
    """Each article page asked for in a run: fetched once, read in a worker, tallied."""

    def __init__(
        self,
        fetcher: Fetcher,
        workers: Workers,
        feeds: Mapping[str, str],
        progress: PageProgress,
        now: datetime | None = None,
    ) -> None:
        self._now = now or datetime.now(UTC)
        #: Link -> when its server asked (Retry-After) not to be asked again before.
        self.waits: dict[str, datetime] = {}
        self._fetcher = fetcher
        self._workers = workers
        self._progress = progress
        self._tasks: dict[str, asyncio.Task[Page | None]] = {}
        #: The feeds not read yet: URL -> name as its line says.
        self._feeds = dict(feeds)
        #: Of them, those whose request is under way (asked, or waiting its turn to be); the
        #: others were answered and wait on curator's own parsing (walk160 #3).
        self._asking: set[str] = set()
        #: Pages being fetched or waiting their turn, by host.
        self._pending: Counter[str] = Counter()
        self.read = 0
        self.failures: list[PageFailure] = []
        #: Link -> (error kind, reason) of each page that could not be read.
        self.failed: dict[str, tuple[str | None, str]] = {}
        #: The links of those found gone for good (`store.dead_page`).
        self.dead: set[str] = set()
        self.in_part: list[PageInPart] = []
        #: Link -> whether every feed that asked for its page credits its article to the feed's
        #: `name:` (not a link post): then a site name the page passed over changes no credit
        #: (walk148 N3), and `kept_in_part` leaves that note out.
        self._named: dict[str, bool] = {}
        #: Connection failures by host, and the hosts given up on for the rest of the run (set
        #: when a host reaches `HOST_FAILURES`), with how many of their pages were not tried.
        self._host_failures: Counter[str] = Counter()
        self._given_up: dict[str, asyncio.Event] = {}
        #: The same hosts, for redirects to them (`FetchRequest.given_up_hosts`).
        self._given_up_hosts: set[str] = set()
        self.hosts_skipped: Counter[str] = Counter()
        #: Links not tried because they redirect to a host given up on: link -> that host.
        self._skipped_via: dict[str, str] = {}
        #: Each site's robots.txt: a page whose link redirects is kept only if the address it
        #: leads to is allowed by its own site's (`redirect_disallowed`).
        self.robots: SiteRules | None = None

    async def redirect_disallowed(self, link: str, result: FetchResult | None) -> bool:
        """Whether the page at `link` was redirected to an address its site's robots.txt
        disallows (counted there): the page fetched is then not used, its article is built from
        its feed (walk128 N2: /p/x.html redirected to /private/y.html, read and published).
        It is checked once fetched, not before each hop is followed: a hop waiting for a robots.txt
        while it holds its host's connection slot could wait for itself (`per_host: 1`)."""
        if self.robots is None or result is None or not result.final_url:
            return False
        if result.final_url == link or not result.final_url.startswith(("http://", "https://")):
            return False
        return not await self.robots.allows(result.final_url)

    def tally(self) -> PageTally:
        return PageTally(len(self._tasks), self.read, len(self.failures), len(self._feeds))

    def waiting(self) -> tuple[str, ...]:
        """What the run is waiting on: curator's own parsing of the feeds answered (counted),
        the feeds whose request is under way, then the hosts of pages not read yet, most pages
        first. A feed is named only while its request is: walk160 #3 said "waiting for Feed 77,
        Feed 7" every 15 s for minutes while no connection to either was open and curator's
        workers were parsing a backlog of entries."""
        asking = [name for url, name in self._feeds.items() if url in self._asking]
        parsing = len(self._feeds) - len(asking)
        # (walk174 #7c read "curator parsing 1 feed' entries")
        own = (
            [f"curator to parse the entries of {parsing} feed{'s' * (parsing > 1)}"]
            if parsing
            else []
        )
        hosts = [f"{host} ({n} page(s))" for host, n in self._pending.most_common() if n > 0]
        return (*own, *asking, *hosts)

    def asking(self, url: str, under_way: bool) -> None:
        """The feed at `url`'s request is under way (`under_way`), or answered."""
        if under_way:
            self._asking.add(url)
        else:
            self._asking.discard(url)

    def feed_done(self, url: str) -> None:
        """One feed less whose pages may still be asked for (after it asked for its own)."""
        self._feeds.pop(url, None)
        self._asking.discard(url)
        if self._tasks:
            self._progress(self.tally())

    def ask(self, links: Sequence[str], *, allow_file: bool) -> list[str]:
        """Start reading the pages at `links` (each page once per run); the links to wait for."""
        for link in links:
            if link not in self._tasks:
                self._tasks[link] = asyncio.create_task(self._read(link, allow_file))
        return list(dict.fromkeys(links))

    def credit(self, links: Sequence[str], *, named: bool) -> None:
        """The articles of `links` are credited to their feed's `name:` (`named`) or not."""
        for link in links:
            self._named[link] = self._named.get(link, True) and named

    def kept_in_part(self) -> tuple[PageInPart, ...]:
        """The pages read in part, without the note of a site name passed over when the feed's
        `name:` gives the publication whatever the page says (walk148 N3)."""
        kept = []
        for part in self.in_part:
            if self._named.get(part.url, False):
                part = PageInPart(
                    part.url, tuple(p for p in part.problems if not site_name_note(p))
                )
            if part.problems:
                kept.append(part)
        return tuple(kept)

    async def wait(self, links: Sequence[str]) -> dict[str, Page]:
        """The pages at `links` that could be read, by link."""
        pages = await asyncio.gather(*(self._tasks[link] for link in links))
        return {link: page for link, page in zip(links, pages, strict=True) if page is not None}

    async def fetch(self, link: str, allow_file: bool) -> tuple[Page | None, FetchResult | None]:
        """`_fetch_page`, unless the link's host has failed to connect `HOST_FAILURES` times in
        this run (before or while this page waits its turn): then (None, None), not tried."""
        host = _host(link)
        self._pending[host] += 1
        try:
            return await self._fetch(link, host, allow_file)
        finally:
            self._pending[host] -= 1

    async def _fetch(
        self, link: str, host: str, allow_file: bool
    ) -> tuple[Page | None, FetchResult | None]:
        gave_up = self._given_up.setdefault(host, asyncio.Event())
        if gave_up.is_set():
            self.hosts_skipped[host] += 1
            return None, None
        fetching = asyncio.ensure_future(
            _fetch_page(self._fetcher, self._workers, link, allow_file, self._given_up_hosts)
        )
        watching = asyncio.ensure_future(gave_up.wait())
        await asyncio.wait((fetching, watching), return_when=asyncio.FIRST_COMPLETED)
        watching.cancel()
        if not fetching.done():
            fetching.cancel()
            self.hosts_skipped[host] += 1
            return None, None
        page, result = fetching.result()
        target = _host(result.final_url)
        if page is None and target != host and (result.error or "").endswith(NOT_TRIED):
            self.hosts_skipped[target] += 1  # redirected to a host given up on
            self._skipped_via[link] = target
            return None, None
        if page is None:
            self.count_failure(result)
        return page, result

    def said_with_article(self, link: str) -> None:
        """The page at `link` could not be read, and that is said with its stored article (a
        new link its feed gives it, walk137 #1): not among the new articles' pages that could
        not be read, whose articles are built from their feed or left out as dead links."""
        self.failures = [f for f in self.failures if f.url != link]

    def count_failure(self, result: FetchResult) -> None:
        """Count a request to a site's server that failed to reach it (a page, or its site's
        robots.txt): at `HOST_FAILURES` the server is given up on for the rest of the run."""
        if unreachable := _unreachable(result):
            self._host_failures[unreachable] += 1
            if self._host_failures[unreachable] >= HOST_FAILURES:
                self._given_up_hosts.add(unreachable)
                self._given_up.setdefault(unreachable, asyncio.Event()).set()

    async def _read(self, link: str, allow_file: bool) -> Page | None:
        page, result = await self.fetch(link, allow_file)
        if page is not None and await self.redirect_disallowed(link, result):
            page = None
        elif result is None:
            where = self._skipped_via.get(link, _host(link))
            self.failures.append(
                PageFailure(link, HOST_SKIPPED, f"{where}: {HOST_SKIPPED}", error_kind="connect")
            )
            self.failed[link] = ("connect", HOST_SKIPPED)
        elif page is not None:
            self.read += 1
            problems = page.problems
            if _ends_early(result.content or b""):
                problems = (*problems, ENDS_EARLY)
            if problems:
                self.in_part.append(PageInPart(link, problems))
        else:
            error = result.error or "the page is empty"
            dead = dead_page(result.error_kind, result.error)
            reason = failure_reason(result, self._now)
            self.failures.append(
                PageFailure(link, reason, error, dead, result.error_kind or "error")
            )
            self.failed[link] = (result.error_kind, reason)
            if dead:
                self.dead.add(link)
            if (until := page_wait(result, self._now)) is not None:
                self.waits[link] = until
        self._progress(self.tally())
        return page


#: Failure reasons by kind, where the error line names a host, a URL or a file (and so would not
#: count alike failures together); other kinds keep their line ("HTTP 404 Not Found").
_REASONS: dict[ErrorKind, str] = {
    "blocked": (
        "refused: not a public address (pages on your own network are read only with"
        " `allow_private_addresses: true` under `settings:` in feeds.yaml)"
    ),
    "connect": "could not connect",
    "dns": "no such server",
    "error": "an unexpected error",
    "file": "the local file could not be read",
    "invalid-url": "not a usable web address",
    "tls": "a TLS (https) failure",
}


#: Said of a page whose server asked curator to wait: when it is read again (walk127 #1).
READ_AFTER = "read again on a run after it"


def page_wait(result: FetchResult, now: datetime) -> datetime | None:
    """When a page's server asked (Retry-After, capped at a day) not to be asked again before."""
    if result.error_kind != "rate-limited" or not result.retry_after:
        return None
    return _asked_until(result, now)


def _asked_until(result: FetchResult, now: datetime) -> datetime | None:
    """When a server's Retry-After asked not to be asked again before: the time it named when it
    named one (walk128 N6: "03:00:00 GMT" was shown as 02:59, now plus the seconds counted
    a moment later), else `now` plus the seconds (at most a day)."""
    if not result.retry_after:
        return None
    if result.retry_until is not None:
        return datetime.fromisoformat(result.retry_until)
    return now + timedelta(seconds=min(result.retry_after, MAX_RETRY_AFTER))


#: Said of a page whose Retry-After asked for longer than curator waits (`MAX_RETRY_AFTER`).
CAPPED_WAIT = "capped at a day"


def failure_reason(result: FetchResult, now: datetime | None = None) -> str:
    """Why a page could not be read, in words that alike failures share (no URL, no host)."""
    if result.error is None:
        return "the page is empty"
    if (until := page_wait(result, now or datetime.now(UTC))) is not None:
        # A longer wait asked is said as cut to curator's day (walk128 N6).
        capped = f" ({CAPPED_WAIT})" if "curator waits at most a day" in result.error else ""
        return (
            f"HTTP {result.status}: asked to wait until {_clock(until.isoformat())}{capped}:"
            f" {READ_AFTER}"
        )
    if result.error_kind == "rate-limited":
        return f"HTTP {result.status} (asked to wait)"
    if result.error.startswith(article_rules.REDIRECTED_AWAY):
        return article_rules.REDIRECTED_AWAY
    if result.final_url != result.url and (host := _unreachable(result)):
        # Named: it is not the link's own server, which answered (walk37 #5).
        what = "no such server" if result.error_kind == "dns" else "could not connect to"
        return f"{what} {host}, where the link redirects"
    if result.error_kind == "redirects":
        # `fetch._fetch_http`'s and `fetch._web_url`'s lines, without their addresses.
        if result.error.startswith("redirect loop"):
            return "a redirect loop"
        if result.error.startswith("more than"):
            return "too many redirects"
        return "redirected to something that is not a web address"
    if result.error_kind is not None and result.error_kind in _REASONS:
        return _REASONS[result.error_kind]
    return result.error


# No repr: asyncio.run formats the repr of its coroutine's result when it restores the SIGINT
# handler (Python 3.11, signal.signal's enum conversion), which for every feed's bytes and
# articles was 200 MB and half a second.
@dataclass(frozen=True, repr=False)
class _Gathered:
    """What the loop gathered besides each feed's report (`_Storer`): the pages."""

    pages_read: int
    page_failures: tuple[PageFailure, ...]
    pages_in_part: tuple[PageInPart, ...]
    rereads: tuple[_Reread, ...] = ()
    hosts_skipped: tuple[tuple[str, int], ...] = ()
    robots_disallowed: tuple[tuple[str, int], ...] = ()
    robots_cut: tuple[str, ...] = ()
    robots_unread: tuple[tuple[str, int, str, datetime | None], ...] = ()


def _unwritten(outcome: _Outcome) -> tuple[FeedReport, Set[str]]:
    raise AssertionError("a run's outcomes are written by the storer `_gather` gives it")


class _Storer:
    """Each feed's outcome written (`write`, one transaction) as soon as it is in and every feed
    before it in feeds.yaml is written: the configured order decides, as it did when the lot was
    written after the loop, which feed an article two feeds give is stored as. A written outcome
    is let go (its report kept), so a run holds the articles of the feeds not written yet, not
    every article it read (walk160 #3); a stopped run keeps every feed written before
    (walk160 #2)."""

    def __init__(
        self,
        write: Callable[[_Outcome], tuple[FeedReport, Set[str]]],
        feeds: int,
        progress: StoreProgress = _no_store_progress,
    ) -> None:
        self._write = write
        self._progress = progress
        self._held: dict[int, _Outcome] = {}
        self._next = 0
        #: Each feed's report once written, in the configured order.
        self.reports: list[FeedReport] = []
        #: Entries parsed from the feeds read anew (`FetchSummary.parsed_entries`).
        self.parsed = 0
        #: New articles written so far, and about how many there are to write (`StoreTally`).
        self.stored = 0
        self.expected = 0
        self.feeds = feeds
        #: The URL keys (and aliases) of the articles written in this run: a feed read later
        #: takes them as new, as when nothing was written before the loop ended (`_new_entries`).
        self.keys: set[str] = set()
        #: The feeds whose articles are being built or wait to be written (`may_build`), with
        #: their new entries, and the feeds waiting to build theirs.
        self._building: dict[int, int] = {}
        self._waiting: list[asyncio.Future[None]] = []

    async def may_build(self, index: int, entries: int) -> None:
        """Return once the `index`-th feed may have the articles of its `entries` new entries
        built: at once when it is the feed written next, when no feed is being built or waits to
        be written, or when these entries keep those of such feeds within `BUILT_AT_ONCE`; else
        when a feed is written. The feed written next never waits, so every feed gets its turn
        however long a feed above it takes to be read."""
        while (
            index != self._next
            and self._building
            and sum(self._building.values()) + entries > BUILT_AT_ONCE
        ):
            waiter = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
            await waiter
        self._building[index] = entries

    def take(self, index: int, outcome: _Outcome) -> None:
        """The outcome of the `index`-th feed: written now if the feeds before it are, with those
        after it that waited for it."""
        self._held[index] = outcome
        while self._next in self._held:
            held = self._held.pop(self._next)
            if isinstance(held, _Fresh):
                self.parsed += len(held.parsed.entries)
            report, keys = self._write(held)
            del held
            self._building.pop(self._next, None)
            self.reports.append(report)
            self.keys.update(keys)
            if report.status == "ok":
                self.stored += report.new
            self._next += 1
            # Told after each feed written, not once for the feeds a late one let through: when
            # the second feed came in before the first, the only tally was the complete one,
            # and the run said nothing of its storing (the clean-clone CI run, stop 32).
            self._progress(self.tally())
        waiting, self._waiting = self._waiting, []
        for waiter in waiting:  # (each looks again: the feed written next may be among them)
            if not waiter.done():
                waiter.set_result(None)

    def tally(self) -> StoreTally:
        return StoreTally(self.stored, max(self.expected, self.stored), self._next, self.feeds)

    def tick(self) -> None:
        self._progress(dataclasses.replace(self.tally(), tick=True))

    def stopped(self) -> FetchStopped:
        return FetchStopped(self.stored, self._next, self.feeds)


async def _gather(
    config: Config,
    store: Store,
    states: dict[str, FeedState],
    now: datetime,
    workers: Workers,
    progress: Progress,
    page_progress: PageProgress,
    phrases: Sequence[str],
    storer: _Storer,
    retries: Sequence[tuple[PageRetry, FeedSource]] = (),
) -> _Gathered:
    async with open_fetcher(fetch_settings(config)) as fetcher:
        names = {s.url: _shown_name(s, states[s.url]) for s in config.feeds}
        pages = _PageReader(fetcher, workers, told_apart(names), page_progress, now)
        robots = SiteRules(
            fetcher.fetch,
            now,
            failed=pages.count_failure,
            cached=lambda site: stored(store.robots_txt(site)),
            keep=lambda site, text: store.keep_robots_txt(site, kept(text, now)),
        )
        pages.robots = robots
        run = _Run(
            config,
            store,
            states,
            now,
            workers,
            fetcher,
            pages,
            progress,
            phrases,
            robots,
            names,
            storer,
        )
        ticking = asyncio.ensure_future(_tick(pages, page_progress, storer))

        async def read_and_store(index: int, source: FeedSource) -> None:
            storer.take(index, await _one_feed(run, source, index))

        try:
            rereads = asyncio.gather(*(_read_again(run, r, source) for r, source in retries))
            await asyncio.gather(*(read_and_store(i, s) for i, s in enumerate(config.feeds)))
            reread = await rereads
        finally:
            ticking.cancel()
    return _Gathered(
        pages.read,
        tuple(pages.failures),
        pages.kept_in_part(),
        tuple(reread),
        tuple(pages.hosts_skipped.most_common()),
        tuple(robots.disallowed.most_common()),
        tuple(robots.cut),
        tuple(robots.unread),
    )


#: Seconds between ticks that tell the progress what the run is waiting on (it says so once
#: nothing has finished for a while; `curator.cli.report.RunProgress`).
WAITING_TICK = 1.0


async def _tick(pages: _PageReader, progress: PageProgress, storer: _Storer) -> None:
    while True:
        await asyncio.sleep(WAITING_TICK)
        if waiting := pages.waiting():
            progress(dataclasses.replace(pages.tally(), waiting=waiting))
        else:  # every feed and page read: what is left is building and storing articles
            storer.tick()


def _retries(config: Config, store: Store, now: datetime) -> list[tuple[PageRetry, FeedSource]]:
    """The stored articles whose page is to be read again in this run, with their feed: of a
    feed still configured to read pages, once its wait is over (`retry_due`); a page refused as
    not public only once the setting that allows such pages is on (until then, reading it again
    could only be refused again), and then at once."""
    found = store.page_retries(
        seen_since=now - timedelta(days=PAGE_RETRY_DAYS), max_attempts=PAGE_READS
    )
    if not found:
        return []
    sources = {s.url: s for s in config.feeds}
    allow_private = config.settings.allow_private_addresses
    return [
        (r, sources[r.feed_url])
        for r in found
        if r.feed_url in sources
        and article_rules.wants_pages(config, sources[r.feed_url])
        and (
            (allow_private and r.error_kind == "blocked")
            or (r.error_kind != "blocked" and _due(r, now))
        )
    ]


def _due(retry: PageRetry, now: datetime) -> bool:
    """Whether a stored article's page is to be read again `now`: once the time its server asked
    curator to wait until has come, when it so asked (walk127 #1: read again after curator's own
    1 and 3 hours where a day was asked), else once `retry_due`."""
    if retry.wait_until is not None:
        return now >= retry.wait_until
    return retry_due(retry.attempts, retry.last_tried, now)


def _store_rereads(
    store: Store, rereads: Sequence[_Reread], now: datetime
) -> tuple[int, int, int, tuple[str, ...], dict[str, tuple[int, int]]]:
    """Each page read again written: (articles updated, pages still unread, of them given up,
    the URLs of the feeds whose pages are still unread and will be tried again, and per feed URL
    the pages read again that were tried and of them those read)."""
    updated = unread = given_up = 0
    retrying: dict[str, None] = {}
    tally: dict[str, tuple[int, int]] = {}
    for reread in rereads:
        retry = reread.retry
        if reread.disallowed:
            store.drop_page_retry(retry.article_id)
            continue
        if retry.feed_url is not None and reread.tried:
            tried, read = tally.get(retry.feed_url, (0, 0))
            tally[retry.feed_url] = (tried + 1, read + (reread.article is not None))
        if reread.article is not None:
            updated += store.update_read_article(retry.article_id, reread.article)
            continue
        unread += 1
        if reread.wait_until is not None:  # asked to wait: kept, and the read not counted
            error = reread.error or ""
            store.page_retry_waits(
                retry.article_id, reread.error_kind, error, reread.wait_until, now
            )
            if retry.feed_url is not None:
                retrying[retry.feed_url] = None
            continue
        if reread.tried:
            store.page_retry_failed(retry.article_id, reread.error_kind, reread.error or "", now)
        if reread.tried and retry.attempts + 1 >= PAGE_READS:
            given_up += 1
        elif retry.feed_url is not None:
            retrying[retry.feed_url] = None
    return updated, unread, given_up, tuple(retrying), tally


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


def _store(
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
    # Its entries then are that other site's, not this feed's: not stored as articles, so that
    # following the move (which carries this feed's articles to the new address) carries none
    # of them into the candidates (walk94 #5: a casino's posts scored under a subject).
    not_stored = len(built.articles) if kept_move else 0
    if kept_move:
        built = dataclasses.replace(built, articles=(), aliases={})
    with store.transaction():
        keys = list(article_rules.keyed_entries(parsed.entries))
        carried = store.follow_renames(source.url, keys, configured) if configured else []
        if configured and not carried and source.is_file:
            # walk89 #6: a local feed in a copied or moved folder links to local pages at the new
            # path too, so its entries' links match nothing stored; the articles read from those
            # pages (by the pages' own addresses) are the stored file's of the same name.
            carried = store.follow_renames(
                source.url, [k for k, _ in built.articles], configured, moved_file=True
            )
        known = store.known_keys(k for k, _ in built.articles)
        republished, readdressed = _republished(store, source, built, known, kept_move)
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
        already = [k for k, _ in built.articles if k in known]
        holders = store.feeds_holding(already) if already else {}
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
    )
    fresh_articles = [a for k, a in built.articles if k not in known]
    ahead = now + FUTURE_SLACK
    return dataclasses.replace(
        back(report),
        # (entries found stored, at new addresses or as another feed's articles: no gap)
        missed=None if republished or already else outcome.missed,
        undated=sum(1 for a in fresh_articles if a.published is None),
        future_dated=sum(1 for a in fresh_articles if a.published and a.published > ahead),
        cut_titles=built.cut_titles,
        post_lists=built.post_lists,
        # the articles this feed stored (walk96 D: a feed whose articles another had stored was
        # said to give "5 new article(s)" titles with markup)
        markup_titles=tuple(
            link
            for link in built.markup_titles
            if built.aliases.get(url_key(link), url_key(link)) in stored_now
        ),
        lost_titles=tuple(
            lost
            for lost in built.lost_titles
            if built.aliases.get(url_key(lost[0]), url_key(lost[0])) in stored_now
        ),
        markup_credits=tuple(
            said
            for said in built.markup_credits
            if built.aliases.get(url_key(said[0]), url_key(said[0])) in stored_now
        ),
        unreachable=tuple(
            said
            for said in built.unreachable
            if built.aliases.get(url_key(said[0]), url_key(said[0])) in stored_now
        ),
        elsewhere=tuple(
            said
            for said in built.elsewhere
            if built.aliases.get(url_key(said[0]), url_key(said[0])) in stored_now
        ),
        base_refused=tuple(
            said
            for said in built.base_refused
            if built.aliases.get(url_key(said[0]), url_key(said[0])) in stored_now
        ),
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
        moved_by_feed=tuple(relinked),
        kept_by_feed=tuple(kept_relinked),
        retaken=0 if kept_move else sum(1 for _, _, a, _ in outcome.retaken if a is not None),
        reblurbed=reblurbed,
        changed_published=() if kept_move else _changed_published(outcome),
        retitled=retitled,
        stored_already=len(already) - own,
        stored_by=tuple(sorted(holders, key=lambda f: (-holders[f], f))),
    )


def _republished(
    store: Store, source: FeedSource, built: article_rules.Built, known: Set[str], kept_move: object
) -> tuple[set[str], int]:
    """The keys of the feed's new articles that are articles it gave before at another address
    (the same page text, `Store.republished`, under the same title: the same text under another
    title may be a page every link gives), each kept as that article's new address
    (`Store.readdress`); and how many moved there (no issue had published them)."""
    if kept_move:
        return set(), 0
    fresh = [(k, a) for k, a in built.articles if k not in known]
    urls = dict(fresh)
    found = {
        key: article_id
        for key, (article_id, title) in (
            store.republished(source.url, fresh) if fresh else {}
        ).items()
        if not article_rules.other_story(urls[key].title, title)
    }
    moved = 0
    for key, article_id in found.items():
        others = [a for a, k in built.aliases.items() if k == key and a != key]
        moved += store.readdress(article_id, key, urls[key].url, others)
    return set(found), moved


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
    entries = article_rules.keyed_entries(outcome.parsed.entries)
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


def _changed_published(outcome: _Fresh) -> tuple[tuple[int, str, str, str, str], ...]:
    """(issue, "" for its issue-N.json (`run_fetch` names it), title published, entry's title
    now, its authors now) of the feed's articles an issue published whose entry changed its
    title or authors since."""
    if outcome.known is None:
        return ()
    return tuple(
        (c.published_in, "", c.title, c.entry.title or "", ", ".join(c.entry.authors))
        for c in outcome.known.changed
        if c.published_in is not None
    )


def _retitled(was: str | None, now: str | None) -> tuple[str, str] | None:
    """(title stored, title now) when a feed's document calls itself otherwise than before
    (spaces and case aside); None when it does not, or either has no title."""
    was, now = " ".join((was or "").split()), " ".join((now or "").split())
    if not was or not now or was.casefold() == now.casefold():
        return None
    return was, now


def subjects_scripts(config: Config, store: Store) -> frozenset[str]:
    """The scripts of the articles the subjects' words can match (`textfeatures.matched_scripts`:
    a keyword in Chinese characters matches Japanese articles too), and of the articles the
    editor moved under a subject: a move teaches the subject that article's words (walk151 #6:
    a Japanese feed was said to fit no subject though the subject 路面電車 featured it)."""
    moved = {url for url, subject in store.corrections().items() if subject is not None}
    taught = (
        f"{a.title or ''} {(a.summary or a.text or '')[:1000]}"
        for a in (store.corrected_articles() if moved else ())
        if a.url in moved
    )
    return frozenset(
        script
        for text in (
            *(t for s in config.subjects for t in (s.name, s.description or "", *s.keywords)),
            *taught,
        )
        for script in (matched_scripts(text) if text else ())
    )


def other_script(report: FeedReport, used: frozenset[str]) -> FeedReport:
    """The report with `other_script` set when most of the feed's new articles are written in
    scripts none of the subjects' words use (`used`: an English newsletter given an Arabic feed):
    the script most of those are in and how many are in it, and each such script with its
    count."""
    if not report.new_scripts or not used:
        return report
    urls = report.new_urls or ("",) * len(report.new_scripts)
    other = [
        (url, found)
        for url, found in zip(urls, report.new_scripts, strict=False)
        if found and not found & used
    ]
    if not other:
        return report
    # Each article counted once, under its script (one with two, a Latin name in an Arabic
    # article, under the one more articles are in; a tie by name, not by the order of a set,
    # which changes run to run).
    among = Counter(x for _, found in other for x in found)
    each = tuple((url, min(found, key=lambda x: (-among[x], x))) for url, found in other)
    report = dataclasses.replace(report, other_new=each)
    if len(other) * 2 <= len(report.new_scripts):
        return report
    ranked = _ranked(script for _, script in each)
    return dataclasses.replace(report, other_script=ranked[0], other_scripts=ranked)


def _ranked(scripts_of: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Each script with how many articles are counted under it, most first (a tie by name)."""
    return tuple(sorted(Counter(scripts_of).items(), key=lambda kv: (-kv[1], kv[0])))


def after_placing(summary: FetchSummary, unplaced: Collection[str]) -> FetchSummary:
    """The summary with each feed's note of articles in other scripts computed from those of its
    new articles a build or a draft left under no subject (`unplaced`, their links): how many,
    each script, and how many of its new articles a subject took (walk154 NEW-1: "交通新聞: its
    new article is written in Japanese ...: it fits no subject" while issue 1 featured it, and
    the Hebrew article left unplaced went unnamed)."""
    left = set(unplaced)
    reports = []
    for report in summary.feeds:
        if not report.new_urls:
            reports.append(report)
            continue
        ranked = _ranked(script for url, script in report.other_new if url in left)
        reports.append(
            dataclasses.replace(
                report,
                other_script=ranked[0] if ranked else None,
                other_scripts=ranked,
                placed_new=sum(1 for url in report.new_urls if url not in left),
            )
        )
    return dataclasses.replace(summary, feeds=tuple(reports))


def _quiet(store: Store, reports: Sequence[FeedReport], now: datetime) -> tuple[FeedReport, ...]:
    """The reports, each feed read (or unchanged) that gave nothing new, whose last new article
    came `QUIET_AFTER` ago or more and whose newest article is that old too, with its newest
    article's date (`quiet_since`). A feed curator has only just met is not said quiet for the
    dates of its entries: what it says is that curator has seen nothing new for weeks."""
    idle = [r for r in reports if r.status == "unchanged" or (r.status == "ok" and not r.new)]
    if not idle:
        return tuple(reports)
    newest = store.feeds_newest()
    quiet = {
        r.url: newest[r.url][0]
        for r in idle
        if r.url in newest
        and all(now - datetime.fromisoformat(when) >= QUIET_AFTER for when in newest[r.url])
    }
    return tuple(
        dataclasses.replace(r, quiet_since=quiet[r.url]) if r.url in quiet else r for r in reports
    )


def run_fetch(
    config: Config,
    store: Store,
    *,
    now: datetime,
    progress: Progress | None = None,
    page_progress: PageProgress | None = None,
    store_progress: StoreProgress | None = None,
) -> FetchSummary:
    """Fetch every configured feed, read new articles' pages, and store what is new.

    A feed that fails is reported and skipped; a page that cannot be read is counted and its
    article built from what the feed says; what was stored before stays stored. Each feed's
    articles are stored as soon as they are built (`_Storer`, told to `store_progress`); a run
    stopped by Ctrl-C or SIGTERM raises `FetchStopped`, saying how many it stored.
    """
    # A feed whose address the editor updated as its move (or curator's advice) said keeps its
    # articles, and the run says so (walk169 #3).
    followed = tuple(store.follow_moves(s.url for s in config.feeds))
    states = {s.url: store.feed_state(s.url) for s in config.feeds}
    vocabulary = Vocabulary(store)
    phrases = prepare(store, phrase_keys(subject_phrases(config.subjects)), vocabulary)
    retries = _retries(config, store, now)
    configured = [s.url for s in config.feeds]

    def write(outcome: _Outcome) -> tuple[FeedReport, Set[str]]:
        written: set[str] = set()
        report = _store(store, outcome, now, vocabulary, configured, states, written)
        return report, written

    storer = _Storer(write, len(config.feeds), store_progress or _no_store_progress)
    try:
        with worker_pool(len(config.feeds)) as workers:
            gathered = asyncio.run(
                _gather(
                    config,
                    store,
                    states,
                    now,
                    workers,
                    progress or _no_progress,
                    page_progress or _no_page_progress,
                    phrases,
                    storer,
                    retries,
                )
            )
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: each feed written before stays written
        raise storer.stopped() from None
    used = subjects_scripts(config, store) if config.subjects else frozenset()
    reports = tuple(other_script(report, used) for report in storer.reports)
    reports = tuple(
        dataclasses.replace(
            r,
            changed_published=tuple(
                (n, str(config.settings.output / f"issue-{n}.json"), was, title, authors)
                for n, _, was, title, authors in r.changed_published
            ),
        )
        if r.changed_published
        else r
        for r in reports
    )
    if not config.settings.recency_weight:  # an article's date counts for nothing: not said
        reports = tuple(dataclasses.replace(r, undated=0, future_dated=0) for r in reports)
    read_again, still_unread, given_up, retried, tally = _store_rereads(
        store, gathered.rereads, now
    )
    reports = _quiet(store, reports, now)
    # Feeds of the same name, each with its address (walk143 #6), in the run's every line.
    shown = told_apart({r.url: r.name for r in reports})
    reports = tuple(dataclasses.replace(r, name=shown.get(r.url, r.name)) for r in reports)
    # Each feed as its line names it (a feed read anew has the title stored before), told apart
    # from those of the same name as above: "stored already as articles of" named the other
    # feed by its address on a first run (walk143 #5).
    names = {s.url: _shown_name(s, states[s.url]) for s in config.feeds} | shown
    reports = tuple(
        dataclasses.replace(r, stored_by=tuple(names.get(u, u) for u in r.stored_by))
        if r.stored_by
        else r
        for r in reports
    )
    # `fetch_pages: false` is advised for a feed whose pages read again still fail by the rule
    # of first reads (`pages_keep_failing`): at least STOP_PAGES_AFTER pages asked for in this
    # run, first reads and reads again alike, and not one read (walk29 #3: 7 pages read again
    # fine and one 404 got the advice).
    for report in reports:
        tried, read = tally.get(report.url, (0, 0))
        tally[report.url] = (
            tried + report.pages_asked,
            read + report.pages_asked - report.pages_unread,
        )
    retrying = dict.fromkeys(
        names[url]
        for url in retried
        if url in names
        and tally.get(url, (0, 0))[0] >= STOP_PAGES_AFTER
        and tally.get(url, (0, 0))[1] == 0
    )
    return FetchSummary(
        feeds=reports,
        new_articles=sum(r.new for r in reports if r.status == "ok"),
        pages_read=gathered.pages_read,
        pages_failed=len(gathered.page_failures),
        parsed_entries=storer.parsed,
        page_failures=gathered.page_failures,
        pages_in_part=gathered.pages_in_part,
        pages_read_again=read_again,
        pages_still_unread=still_unread,
        pages_given_up=given_up,
        worker_died=workers.died,
        still_unread_feeds=tuple(retrying),
        config_path=config.path,
        hosts_skipped=gathered.hosts_skipped,
        robots_disallowed=gathered.robots_disallowed,
        robots_cut=gathered.robots_cut,
        robots_unread=gathered.robots_unread,
        moves_followed=followed,
    )


__all__ = [
    "HOST_FAILURES",
    "PAGE_READS",
    "PAGE_RETRY_DAYS",
    "PAGE_RETRY_WAITS",
    "QUIET_AFTER",
    "STOP_PAGES_AFTER",
    "FeedReport",
    "FeedStatus",
    "FetchStopped",
    "FetchSummary",
    "PageFailure",
    "PageInPart",
    "PageProgress",
    "PageTally",
    "Progress",
    "StoreProgress",
    "StoreTally",
    "failure_reason",
    "fetch_settings",
    "run_fetch",
]
