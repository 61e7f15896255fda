"""What a fetch says of one feed (`curator.harvest`): its `FeedReport` (its status, its counts
and every note the editor reads on its line: moved, retitled, back after failing, waiting as its
server asked, entries missed or left out, articles moved or retaken, in `--json` too), the
time it names (`clock`), and the notes of entries a feed gave that curator could not take as
they were (`NO_LINK`, `NO_TITLE` ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from curator.errors import feeds_remove_command
from curator.feeds.common import too_many
from curator.feedsecrets import secrets_shown
from curator.models import ErrorKind

#: How one feed went: read ("ok"), nothing new since last time ("unchanged"), "failed", or its
#: server asked curator to wait (Retry-After) until a time not yet come ("waiting"): in this
#: run (the report has its `error`), or before (not asked in this run).
FeedStatus = Literal["ok", "unchanged", "failed", "waiting"]


def clock(iso: str) -> str:
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
    #: Entries left out (for want of a link or a title) that an earlier fetch said already:
    #: counted, not named again (fixhj: the same entries were named at every fetch of a feed
    #: that changed). `skipped_links`, `skipped_titles` and `untitled` are those said now.
    skipped_before: int = 0
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
    #: With `retitled`: (the publication its articles were credited before, the one now, what
    #: gives it: "name", "site", "title" or ""), when the run could tell (walk180 #3).
    retitled_credit: tuple[str, str, str] | None = None
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
    #: gave before, however many (walk202 #7): (the newest stored date, the oldest entry's
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
    #: ... how they were found, each way once (`Store.republished`: "text", the same page text;
    #: "body", the same text but for its heading under the same date; "entry", the same date
    #: and title, the page giving no text; "near", most of the text under the same title).
    republished_by: tuple[str, ...] = ()
    #: ... and those an issue published, kept at the address it gave, which may answer no more:
    #: (title as published, that address, the new one, the first issue that published it, its
    #: issue-N.json) (walk199 #7).
    moved_published: tuple[tuple[str, str, str, int, str], ...] = ()
    #: ... of their new addresses, those that lead to a sign-in page: never advised as the link
    #: to publish (walk200 #5: a login wall was).
    moved_gated: tuple[str, ...] = ()
    #: Stored articles no issue published whose title or authors its entries changed since
    #: curator last took them: taken (title and credit as the feed, and the page read again,
    #: give them now) in this run (walk126 #1).
    retaken: int = 0
    #: ... their titles and addresses as taken, to name them (walk199 #8: "Alpha CX Review: 1").
    retaken_named: tuple[tuple[str, str], ...] = ()
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
    #: its issue-N.json, the title it published, the entry's title now, its authors now, which of
    #: "title" and "authors" changed: fixlm #2). The
    #: issue is left as it is, and the run says how to correct it (walk126 #1: never
    #: republished, never unsaid).
    changed_published: tuple[tuple[int, str, str, str, str, tuple[str, ...]], ...] = ()

    @property
    def title_note(self) -> str | None:
        """ "URL now calls itself "Casino Deals Blog", not "Moved Monthly": ..."."""
        if not self.retitled:
            return None
        was, now = self.retitled
        shown = secrets_shown(self.url)  # (its secret masked, as `feeds list` shows it: fixln #1)
        said = (
            f'{shown} now calls itself "{now}", not "{was}": if it is another site, remove it'
            f" ({feeds_remove_command(shown)}) or update its url in feeds.yaml;"
        )
        credit_was, credit, how = self.retitled_credit or (was, now, "title")
        if credit == credit_was:  # (its `name:` or its pages' site name credits it: walk180 #3)
            by = {"name": " (its `name:` in feeds.yaml)", "site": " (the site name its pages give)"}
            return f'{said} its articles are still credited "{credit}"{by.get(how, "")}'
        return (
            f'{said} if it is the same site renamed, its articles are credited "{credit}" from now'
            " on, the ones stored before too (to keep the old name, write"
            f" `name: {credit_was}` under its url in feeds.yaml)"
        )

    @property
    def _since_text(self) -> str:
        """ " since 2026-12-01 09:00 UTC": when the failures it is back after began, or ""."""
        if not self.back_since:
            return ""
        when = datetime.fromisoformat(self.back_since).astimezone(UTC)
        return f" since {when.strftime('%Y-%m-%d %H:%M UTC')}"

    @property
    def back_note(self) -> str | None:
        """ "answering again after failing 3 run(s) since 2026-12-01 09:00 UTC"; after a wait its
        server asked for, that it answers now that curator waited as asked."""
        if not self.back_after_runs:
            return None
        since = self._since_text
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

    #: The entries its document has, when more than curator reads.
    entries_in_feed: int | None = None
    #: Those read were its newest by date, not its first (`ParsedFeed.newest_read`).
    newest_read: bool = False
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
    #: Of those, the entries whose link is the stored article's own (fixlu: said to be "the same
    #: page by another link", the link being the same).
    stored_same_link: int = 0
    #: Articles another feed (an aggregator) had stored, on this feed's own site: taken as its
    #: own, with its entry's credit (`siteowned.take_own`, walk202 #6): (title, link, the feed
    #: that had it, its credit before, now).
    taken_own: tuple[tuple[str, str, str, str, str], ...] = ()
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
    #: New articles whose letters their feed's language (their page saying none) or their page's is
    #: not written in: (link, title, it, their script, "feed" or "page"), each said (walk190 #8).
    other_language: tuple[tuple[str, str, str, str, str], ...] = ()
    #: New articles whose page's or feed's language their words plainly are not, taken from
    #: their words: (link, title, declared, "page" or "feed", taken), each said (walk191 #4).
    words_language: tuple[tuple[str, str, str, str, str], ...] = ()
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
            at = clock(self.answered_at) if self.answered_at else None
            answered = f"it answered 429 at {at}" if at else "it answered 429"
            return f"{answered}; asked again after {when}"
        return f"the server asked curator to wait until {when}" if when else None

    @property
    def wait_when(self) -> str | None:
        """ "14:05 UTC" (with the day when not today): when it is asked again, if it waits."""
        return clock(self.wait_until) if self.wait_until else None

    @property
    def capped_note(self) -> str | None:
        """ "read the first 1000 of its 10,000 entries (curator reads at most 1000 per feed)"."""
        return too_many(self.entries_in_feed, self.newest_read) if self.entries_in_feed else None

    @property
    def missed_note(self) -> str | None:
        """ "entries between 2026-07-04 and 2026-08-05 may be missing: ..." (`missed`)."""
        if not self.missed:
            return None
        newest, oldest, entries, site = self.missed
        # How to feature one it missed, said here (walk164 N6: "or add its archive page" was
        # explained nowhere): a draft adds an article by its address.
        where = f" (its site, {site}, may list it)" if site else ""
        # The runs between failed (walk201 #5: "fetch more often" blamed how often curator is
        # run, after an outage of the feed's own): the outage is the cause, not the schedule.
        why = (
            f"the feed failed on the {self.back_after_runs} run(s) between"
            f"{self._since_text}, so its entries of that time were not read (fetching more"
            " often would not have helped)"
            if self.back_after_runs and not self.back_after_wait
            else "fetch more often (`curator fetch` daily, say)"
        )
        return (
            f"entries between {newest[:10]} and {oldest[:10]} may be missing: none of its"
            f" {entries} entries was stored before, all are newer than the newest it gave before,"
            f" and the feed keeps only its latest {entries}: {why}; to feature an article it"
            " missed, find its address on the"
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
        if self.skipped_before:
            them = "entry" if self.skipped_before == 1 else "entries"
            before = f"{self.skipped_before} skipped {them} reported before"
            notes.append(f"and {before}" if notes else before)
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
        """Entries left out, for want of a link or a title, or as another entry's page (those
        said before too)."""
        return self.skipped_links + self.untitled + self.duplicates + self.skipped_before

    @property
    def left_out_now(self) -> int:
        """Of `left_out`, those said in this run (not said by an earlier fetch)."""
        return self.left_out - self.skipped_before

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
            # Of them, those left out for want of a link or a title that a fetch said before.
            "skipped_before": self.skipped_before,
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
            # ... and the publication its articles were credited before and are now (walk180
            # #3: a `name:` or its pages' site name credits them, not the title).
            "retitled": (
                {"was": self.retitled[0], "now": self.retitled[1]}
                | (
                    {"credited_was": self.retitled_credit[0], "credited": self.retitled_credit[1]}
                    if self.retitled_credit
                    else {}
                )
                if self.retitled
                else None
            ),
            "reused_ids": self.reused_ids,
            # Stored articles no issue published whose title or credit its entries changed:
            # taken in this run (`reblurbed` of them with their blurb built again).
            "retaken": self.retaken,
            "retaken_articles": [{"title": t, "url": u} for t, u in self.retaken_named],
            "reblurbed": self.reblurbed,
            # Published articles whose title or credit its entries changed since: each issue is
            # left as published; the editor corrects its `json_file`, then `curator render N`
            # (walk181 #1: said on stderr only).
            # Published articles the feed now gives at a new address: the issue keeps the old
            # one; the editor corrects its "url" in `json_file`, then `curator render N`.
            "moved_published": [
                {
                    "issue": number,
                    "json_file": json_file,
                    "title": title,
                    "url": old,
                    "new_url": new,
                    "new_url_asks_to_log_in": new in self.moved_gated,
                }
                for title, old, new, number, json_file in self.moved_published
            ],
            "changed_published": [
                {
                    "issue": number,
                    "json_file": json_file,
                    "published_title": was,
                    "title": title,
                    "authors": authors,
                    "changed": list(fields),
                }
                for number, json_file, was, title, authors, fields in self.changed_published
            ],
            # New entries dated when curator first saw them: no date it could read, or a future one.
            "undated": self.undated,
            "future_dated": self.future_dated,
            "dates_note": self.date_note,
            "entries_in_feed": self.entries_in_feed,
            "entries_read": (
                ("newest" if self.newest_read else "first") if self.entries_in_feed else None
            ),
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
            "language_not_taken": [
                {"url": link, "title": title, f"{by}_language": language, "script": script}
                for link, title, language, script, by in self.other_language
            ],
            "language_from_words": [
                {"url": u, "title": t, "declared": d, "declared_by": w, "language": taken}
                for u, t, d, w, taken in self.words_language
            ],
            "unreachable_addresses": [
                {"url": link, "title": title, "named": named, "why": why}
                for link, title, named, why in self.unreachable
            ],
            "entries_note": self.entries_note,
            "stored_already": self.stored_already,
            "stored_by": list(self.stored_by),
            "stored_same_link": self.stored_same_link,
            "taken_from_other_feeds": [
                {"title": t, "url": u, "from": f, "authors_before": was, "authors": now}
                for t, u, f, was, now in self.taken_own
            ],
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


def failing_since_at(stamp: str) -> datetime:
    """A feed's stored `failing_since` as an aware time: one written without a zone (an older
    store's, or one edited by hand) is UTC, as curator writes it. `feeds check`, a fetch's line on
    a failed feed and whether a feed asked to wait has been failing for a day all count from it
    (fixme #3: each handled a time without a zone its own way, two of them by crashing)."""
    since = datetime.fromisoformat(stamp)
    return since.replace(tzinfo=UTC) if since.tzinfo is None else since


def days_failing(failing_since: str | None, now: datetime) -> int:
    """Whole days from `failing_since` (`failing_since_at`) to `now`: 0 when the feed is not
    failing, or began to less than a day ago."""
    if not failing_since:
        return 0
    return max(0, (now - failing_since_at(failing_since)).days)
