"""What `build` and `fetch` tell the editor about the fetch: progress while it runs, then what failed.

While it runs (stderr, silenced by --quiet): a line per feed as soon as it is read, and the article
pages being read, as a bar redrawn in place on a terminal, or a plain line every few seconds in a
log. After it (even with --quiet): the feeds that failed, the entries skipped for want of a usable
link or a title, the pages that could not be read with the most common reasons, and the pages a
field reader broke on; --json carries all of it on stdout.

The progress is `report_progress`'s (`RunProgress`); what is said of one feed (its failure's
advice, a move, its entries' notes) is `report_feeds`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import Any, NamedTuple

from curator import robots
from curator.articles import MAX_TITLE_CHARS
from curator.articles_addresses import base_refused_note, elsewhere_note, unreachable_note
from curator.cli.common import echo, hold_note, holding_report
from curator.cli.report_feeds import (
    changed_articles,
    failing_for,
    feed_advice,
    language_note,
    malformed_note,
    moved_note,
    moved_published_notes,
    other_script_note,
    published_change_line,
    relinked_notes,
    republished_note,
    retaken_named,
    stored_already_note,
    taken_own_notes,
    waiting_note,
)
from curator.errors import feeds_remove_command
from curator.extract import site_name_note
from curator.feedsecrets import secrets_masked_in, secrets_shown
from curator.harvest import (
    HOST_FAILURES,
    PAGE_READS,
    PAGE_RETRY_DAYS,
    PAGE_RETRY_WAITS,
    FeedReport,
    FetchSummary,
)
from curator.urls import feed_key, sent_url
from curator.wordlang import words_language_note

#: Most common reasons shown for pages that could not be read; --json lists every page.
TOP_REASONS = 3
#: Pages read in part shown by URL; --json lists every one.
SHOWN_IN_PART = 3
#: Hosts named in the line about servers given up on; the rest are counted.
SHOWN_HOSTS = 5
#: Feeds named in a line about their pages; the rest are counted.
NAMES_SHOWN = 3
#: The waits before a page that failed is read again, in hours: "1, 3, 9, 27 then 81".
_HOURS = [f"{wait.total_seconds() / 3600:g}" for wait in PAGE_RETRY_WAITS]
RETRY_WAITS = f"{', '.join(_HOURS[:-1])} then {_HOURS[-1]}"


def _names(names: Sequence[str]) -> str:
    """Feeds by name: "A", "A and B", "A, B and C", "A, B, C and 2 more"."""
    shown = list(names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        shown.append(f"{len(names) - NAMES_SHOWN} more")
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _stop_pages(summary: FetchSummary, names: Sequence[str]) -> str:
    """How to stop reading the pages of the feeds `names` (whose pages keep failing)."""
    where = summary.config_path or "feeds.yaml"
    if len(names) == 1:
        return (
            f"set `fetch_pages: false` on it in {where} to use what the feed says and stop"
            " reading its pages"
        )
    return (
        f"set `fetch_pages: false` on each in {where}, or once under `settings:` for every feed,"
        " to use what the feeds say and stop reading their pages"
    )


def _pages_gone(urls: Sequence[str]) -> str:
    """What to do about the feeds at `urls`, every page of which is gone (404, 410, a redirect
    away): check the feed, or stop following it; not `fetch_pages: false`, which would publish
    its dead links (walk143 #2)."""
    if len(urls) == 1:
        return (
            "every one is gone (404, 410 or a redirect away from the article), so its articles"
            " are left out as dead links: the feed links to pages its site no longer has; check"
            " it (open its address, or `curator feeds check`), or stop following it with"
            f" {feeds_remove_command(secrets_shown(urls[0]))} (not `fetch_pages: false`: its dead"
            " links would be published)"
        )
    return (
        "every one is gone (404, 410 or a redirect away from the article), so their articles"
        " are left out as dead links: the feeds link to pages their sites no longer have; check"
        " them (open their addresses, or `curator feeds check`), or stop following them with"
        " `curator feeds remove URL` (not `fetch_pages: false`: their dead links would be"
        " published)"
    )


def _allow_private(summary: FetchSummary, names: Sequence[str]) -> str:
    """What to do about the feeds `names`, whose pages were all refused as not public: read them
    (their site is on the editor's own network, or a test site), not stop reading them."""
    where = summary.config_path or "feeds.yaml"
    site = "its site is" if len(names) == 1 else "their sites are"
    return (
        "every one was refused as not at a public address; if"
        f" {site} on your own network (or a test site), set `allow_private_addresses: true`"
        f" under `settings:` in {where} to read them"
    )


def pages_hint(summary: FetchSummary) -> str | None:
    """What to do about the feeds whose pages all failed, or still fail when read again: read
    those refused as not public, stop reading the others."""
    refused = list(summary.pages_all_refused)
    gone = [n for n, _, _ in summary.pages_all_gone]
    names = list(
        dict.fromkeys(
            [*refused, *(n for n, _ in summary.pages_keep_failing), *summary.still_unread_feeds]
        )
    )
    failing = [n for n in names if n not in refused and n not in gone]
    hints = [
        *([f"pages of {_names(failing)}: {_stop_pages(summary, failing)}"] if failing else []),
        *(
            [f"pages of {_names(gone)}: {_pages_gone([u for _, _, u in summary.pages_all_gone])}"]
            if gone
            else []
        ),
        *([f"pages of {_names(refused)}: {_allow_private(summary, refused)}"] if refused else []),
    ]
    return "; ".join(hints) or None


def _lost_lines(summary: FetchSummary) -> list[tuple[str, tuple[str, ...]]]:
    """The pages read in part and what each lost, in address order (not the order the pages
    finished in): the lines saying a site name was passed over are none (`_site_name_lines`)."""
    found = [
        (p.url, tuple(line for line in p.problems if not site_name_note(line)))
        for p in summary.pages_in_part
    ]
    return sorted(((url, lines) for url, lines in found if lines), key=lambda x: x[0])


def _site_name_lines(summary: FetchSummary) -> list[tuple[str, tuple[str, ...]]]:
    """The pages whose declared site name gave way to the publication credited, each with the
    lines saying which and why, in address order."""
    found = [
        (p.url, tuple(line for line in p.problems if site_name_note(line)))
        for p in summary.pages_in_part
    ]
    return sorted(((url, lines) for url, lines in found if lines), key=lambda x: x[0])


def fetch_summary_dict(summary: FetchSummary) -> dict[str, Any]:
    return {
        "feeds_ok": sum(1 for f in summary.feeds if f.status != "failed"),
        "feeds_failed": len(summary.failed),
        "new_articles": summary.new_articles,
        "pages_read": summary.pages_read,
        "pages_failed": summary.pages_failed,
        "page_failure_reasons": dict(summary.failure_reasons()),
        "page_failures": [
            {"url": f.url, "reason": f.reason, "error": f.error, "error_kind": f.error_kind}
            for f in summary.page_failures
        ],
        "hosts_skipped": dict(summary.hosts_skipped),
        # Sites whose robots.txt disallows curator their pages: {site: pages not read}.
        "robots_disallowed": dict(summary.robots_disallowed),
        # Sites whose robots.txt is over 500 KiB: only its first 500 KiB are read.
        "robots_cut": list(summary.robots_cut),
        # Sites whose robots.txt answered an error, whose pages were read all the same: the
        # stored copy followed ("followed": its date) or none (null: every page allowed).
        "robots_unread": [
            {
                "site": site,
                "pages_read": pages,
                "error": why,
                "followed": copy.isoformat() if copy else None,
            }
            for site, pages, why, copy in summary.robots_unread
        ],
        "pages_read_again": summary.pages_read_again,
        "pages_still_unread": summary.pages_still_unread,
        "pages_given_up": summary.pages_given_up,
        # What pages lost; the site names passed over for the publication credited are no
        # loss and have a list of their own (walk147 #2).
        "pages_in_part": [
            {"url": url, "problems": list(lines)} for url, lines in _lost_lines(summary)
        ],
        "site_names_passed_over": [
            {"url": url, "notes": list(lines)} for url, lines in _site_name_lines(summary)
        ],
        "worker_died": summary.worker_died,
        "hint": pages_hint(summary),
        # (an address's secret masked, as `feeds list --json` shows it: fixlg #2)
        # (and any address in its error: a redirect's, fixln #1)
        "feeds": [_shown_feed(f) for f in summary.feeds],
    }


def _shown_feed(report: FeedReport) -> dict[str, Any]:
    """`report.as_dict()`, its address's secret masked, as `feeds list --json` shows it (fixlg
    #2), and any address in its error (a redirect's) and the listed feed it leads to (fixln #1).
    Where it moved stays whole, the address to copy into feeds.yaml, unless that feed is listed
    already (the old line is removed then, nothing copied)."""
    listed = report.leads_to
    return {
        **report.as_dict(),
        "url": secrets_shown(report.url),
        "error": report.error and secrets_masked_in(report.error),
        "leads_to_listed_feed": listed and secrets_shown(listed),
        "moved_to": secrets_shown(report.moved_to)
        if report.moved_to and report.moved_to == listed
        else report.moved_to,
    }


def _echo_links(name: str, links: Sequence[str]) -> None:
    """A feed's links, one a line under its name, the first `SHOWN_IN_PART` of them."""
    for link in links[:SHOWN_IN_PART]:
        echo(f"  {name}: {sent_url(link)}", err=True)
    if len(links) > SHOWN_IN_PART:
        more = len(links) - SHOWN_IN_PART
        echo(f"  {name}: and {more} more (--json lists every one)", err=True)


class Published(NamedTuple):
    """The issue a build published, as its advice names it."""

    number: int
    #: Its page (output/issue-N.html).
    page: str
    #: Its JSON edition, where the editor corrects it before `curator render N`.
    json_file: str
    #: How to check the next issue before it is published (`nextissue.draft_then_build`), with the
    #: draft's real path (walk107: the placeholder DRAFT pasted failed).
    next_time: str


def say_waiting(summary: FetchSummary) -> None:
    """The feeds that asked curator to wait, or were not asked in this run for that (stderr, with
    --quiet too, as README promises of a feed in trouble: walk37 #2), each held in the --json
    document's `warnings` too: a command with --json says them before its document (walk128 N3:
    said after it, and not in it, when every feed was waiting)."""
    # Asked in this run and told to wait (walk91 #4: a failure the first time), and not asked.
    told = [r for r in summary.feeds if r.status == "waiting" and r.error]
    if told:
        echo(
            f"{len(told)} feed(s) asked curator to wait (not a failure): they are not asked"
            " again before then:",
            err=True,
        )
        for report in told:
            echo(f"  {report.name}: {waiting_note(report)}", err=True)
            hold_note(
                f"{report.name}: asked curator to wait (not a failure): {waiting_note(report)}"
            )
    waiting = [r for r in summary.feeds if r.status == "waiting" and not r.error]
    if waiting:
        echo(
            f"{len(waiting)} feed(s) not asked in this run (not a failure): their server asked"
            " curator to wait (or answered 429, asking to be asked less often), and they are"
            " asked again on the first run after that:",
            err=True,
        )
        for report in waiting:
            echo(f"  {report.name}: {report.wait_note}", err=True)
            hold_note(f"{report.name}: not asked in this run (not a failure): {report.wait_note}")


def none_read(summary: FetchSummary) -> str | None:
    """ "No feed was read in this run (2 waiting)" when every feed was waiting (or that and
    failed): what a run that found nothing new begins its last line with (walk128 N3: "Nothing
    new to feature", as if the feeds had been read); None when some feed was read."""
    waiting = sum(1 for f in summary.feeds if f.status == "waiting")
    if not waiting or any(f.status in ("ok", "unchanged") for f in summary.feeds):
        return None
    failed = len(summary.failed)
    return f"No feed was read in this run ({waiting} waiting" + (
        f", {failed} failed)" if failed else ")"
    )


def print_failures(
    summary: FetchSummary,
    *,
    quiet: bool = False,
    command: str = "fetch",
    published: Published | None = None,
    waiting_said: bool = False,
) -> None:
    """The feeds that failed, the entries skipped, the pages that could not be read and those read
    in part (stderr).

    Said even with --quiet, which silences progress, not problems: a cron job run with --quiet
    mails its output only when there is something to say, and then it must be said. The pages
    read again (`print_rereads`) are progress, but for the ones given up on. `command` ran
    ("fetch", "draft", "build"), and `published` the issue it published, if any: what to do
    about a cut title depends on them; `waiting_said`: `say_waiting` was called already.

    Its lines are held for the --json document that follows, whose `warnings` hold them when
    stderr is lost (`holding_report`)."""
    with holding_report():
        _print_failures(
            summary, quiet=quiet, command=command, published=published, waiting_said=waiting_said
        )


def _print_failures(
    summary: FetchSummary,
    *,
    quiet: bool,
    command: str,
    published: Published | None,
    waiting_said: bool,
) -> None:
    print_rereads(summary, quiet=quiet)
    if summary.failed:
        echo(f"{len(summary.failed)} feed(s) failed and were skipped:", err=True)
        for report in summary.failed:
            # Named as its line named it, and where it is, unless its error says so already (a
            # redirect's error names the next address too: walk32 #8).
            where = report.name
            said = report.error_kind != "redirects" and report.url in (report.error or "").split()
            # (a name told apart from another feed's ends with the address already: walk169 #6)
            shown = secrets_shown(report.url)  # (its secret masked: fixlg #2)
            if report.name not in (report.url, shown) and not said and f"({shown})" not in where:
                where += f" ({shown})"
            advice = feed_advice(report)
            echo(
                f"  {where}: {secrets_masked_in(report.error or '')} ({failing_for(report)})"
                + (f"; {advice}" if advice else ""),
                err=True,
            )
    for old, new, count in summary.moves_followed:
        # walk169 #3: following curator's advice carried nothing over, and said nothing.
        echo(
            f"{count} article{'' if count == 1 else 's'} of {old} carried over to {new}:"
            f" {old} is no longer in feeds.yaml and {new} is, as curator advised (its url"
            " replaced, or its line removed where the feed it leads to was listed already), so"
            " they are that feed's now",
            err=True,
        )
    for report in summary.feeds:
        for old, count in report.carried_from:
            # Said once: the run that carries them (walk45 #2: a url: changed by hand).
            local = not old.startswith(("http://", "https://")) and not report.url.startswith(
                ("http://", "https://")
            )
            # walk89 #6: a copied folder's local feeds were said to hold "the same pages by
            # other links", the links being the same.
            where = (
                f"the same feed file at its new path ({secrets_shown(report.url)}): the newsletter's folder was"
                " copied or moved, and the store with it"
                if local and PurePath(old).name == PurePath(report.url).name
                # walk184 #3: the address listed redirects to the stored one, which is the new
                # address, not the one listed
                else f"the same feed, to which {secrets_shown(report.url)} (listed) redirects"
                if report.moved_to and feed_key(report.moved_to) == feed_key(old)
                else f"the same feed at its new address ({secrets_shown(report.url)})"
            )
            echo(
                f"{report.name}: its entries are the {count} stored article(s) of {old}, no"
                f" longer in feeds.yaml: taken as {where}, so they are now this feed's and are"
                " credited as it is",
                err=True,
            )
    if quiet:
        # Its return is said on its progress line, which --quiet silences: an unattended run
        # says it once all the same, one line a feed (walk201 #5: only --json said it).
        for report in summary.feeds:
            if report.back_note and not report.back_after_wait:
                echo(f"{report.name}: {report.back_note}", err=True)
    if not quiet:
        # Its line counted them new; stored once, as the other feed's (walk53 #6). Under a
        # heading of their own: below the failed feeds' lines, they read as failures (walk143 #5).
        if stored := [r for r in summary.feeds if r.stored_already]:
            echo(
                "Entries counted new on their feed's line but stored already (not failures):",
                err=True,
            )
        for report in stored:
            echo(f"  {stored_already_note(report)}", err=True)
    for report in summary.feeds:
        for note in taken_own_notes(report):
            echo(note, err=True)
    for report in summary.feeds:
        if report.republished:
            echo(f"{republished_note(report)}", err=True)
        for note in moved_published_notes(report):
            echo(f"  {note}", err=True)
            # In --json's `warnings` too: a published link that may answer 404 (walk199 #7).
            hold_note(f"published link moved: {note}")
        for note in relinked_notes(report):
            echo(note, err=True)
    if not waiting_said:
        say_waiting(summary)
    look = [
        (report, note)
        for report in summary.feeds
        for note in (
            f"not well formed: {report.warning}" if report.warning else None,
            report.charset_note,
            malformed_note(report),
            moved_note(report) if report.status != "failed" else None,
            report.title_note,
            report.reuse_note,
            report.emptied_note,
            report.missed_note,
            report.quiet_note,
            # Said on the feed's progress line, which --quiet silences: the entries it leaves
            # out are lost (walk175 #8: `fetch -q` stored 1000 of 5,000 and said nothing).
            report.capped_note if quiet else None,
        )
        if note
    ]
    if look:
        echo(f"{len({r.url for r, _ in look})} feed(s) need a look (read, but see why):", err=True)
        for report, note in look:
            echo(f"  {report.name}: {note}", err=True)
    for report in summary.feeds:
        if report.other_script:
            # walk51 #7: an English newsletter given an Arabic feed was told nothing.
            echo(other_script_note(report), err=True)
    if summary.with_skips:
        echo(
            f"{len(summary.with_skips)} feed(s) had entries skipped "
            "(left out: there is no link or no title to publish for them, or another entry"
            " is the same page):",
            err=True,
        )
        for report in summary.with_skips:
            echo(f"  {report.name}: {report.skip_note}", err=True)
    if dated := [r for r in summary.feeds if r.date_note]:
        # (walk49 #5: with recency_weight, an undated entry scored as the newest, without a word)
        echo(
            f"{len(dated)} feed(s) gave new entries no date curator could use (the date"
            " `recency_weight` counts from):",
            err=True,
        )
        for report in dated:
            echo(f"  {report.name}: {report.date_note}", err=True)
    if retaken := [r for r in summary.feeds if r.retaken]:
        # (walk126 #1: a feed's corrected titles and credits went unsaid and unused)
        n = sum(r.retaken for r in retaken)
        what = "article's title or credit" if n == 1 else "articles' titles or credits"
        heading = (
            f"{n} stored {what} changed in {'its feed' if n == 1 else 'their feed'}: taken (an"
            " issue publishes them as the feed, and the page read again, give them now):"
        )
        echo(heading, err=True)
        listed = []
        for report in retaken:
            # walk169 #1: the corrected page's words published under the old blurb, unsaid.
            blurbs = (
                (
                    " (its blurb too, built again from its page as it reads now)"
                    if report.retaken == 1
                    else f" ({report.reblurbed} of them with their blurb, built again from"
                    " their page as it reads now)"
                )
                if report.reblurbed
                else ""
            )
            listed.append(f"  {report.name}: {report.retaken}{blurbs}{retaken_named(report)}")
            echo(listed[-1], err=True)
        # Said once, in the run that takes them: in --json's `warnings` too (walk181 #1).
        hold_note("\n".join([heading, *listed]))
    if changed := changed_articles(summary.feeds):
        # walk170 N3: these were listed under the header above, which counted only the taken
        # ones ("1 stored article's ... changed" and four lines), and named an issue-N.json moved
        # away as the file to edit.
        n = len(changed)
        echo(
            f"{n} published article{'' if n == 1 else 's'}"
            f" {'has' if n == 1 else 'have'} another title or credit in"
            f" {'its feed' if n == 1 else 'their feed'} now: each issue is left as it was"
            " published:",
            err=True,
        )
        for change in changed:
            line = published_change_line(change)
            echo(f"  {line}", err=True)
            # Said once, in the run that finds it: a script reading --json must learn it there
            # (walk181 #1: `warnings` was [] and a published credit stayed wrong).
            hold_note(f"published article with another title or credit in its feed now: {line}")
    if cut := [r for r in summary.feeds if r.cut_titles]:
        echo(
            f"{sum(len(r.cut_titles) for r in cut)} new article(s) had a feed title too long to be"
            f" one (over {MAX_TITLE_CHARS} characters) and no page title to use instead; it was"
            f" cut at a word: {_featured_advice(command, published, 'title', CUT_TITLE_FIX)}:",
            err=True,
        )
        for report in cut:
            _echo_links(report.name, report.cut_titles)
    if marked := [r for r in summary.feeds if r.markup_titles]:
        # walk63 #2: "<script>alert(1)</script>" went from a title without a word.
        echo(
            f"{len(marked)} feed(s) gave new articles titles holding HTML markup, which was"
            " removed: a title is published as text, so `<b>bold</b>` shows as `bold`, and a"
            " `<script>` or `<style>` goes with its text (markup in a title is a feed's mistake,"
            f" or hostile); {_featured_advice(command, published, 'title', MARKUP_TITLE_FIX)}:",
            err=True,
        )
        for report in marked:
            count = len(report.markup_titles)
            echo(
                f"  {report.name}: {count} new article(s), first: {sent_url(report.markup_titles[0])}",
                err=True,
            )
    if lost := [r for r in summary.feeds if r.lost_titles]:
        # walk109 #2: words removed with a title's markup were lost without a word of which.
        echo(
            f"{sum(len(r.lost_titles) for r in lost)} of those title(s) lost words with their"
            f" markup; {_featured_advice(command, published, 'title', LOST_TITLE_FIX)}:",
            err=True,
        )
        for report in lost:
            for link, title, words in report.lost_titles:
                echo(f'  {report.name}: "{title}" ({sent_url(link)}): removed {words}', err=True)
    if credited := [r for r in summary.feeds if r.markup_credits]:
        # walk110 #6: what was left of an attack in an author field was credited as a name.
        echo(
            f"{sum(len(r.markup_credits) for r in credited)} new article(s) had an author in"
            " their feed that held HTML markup or code no name is made of (script, pieces of"
            " markup, code after a name): that is no credit; an article credits the name beside"
            " it where the line says so, else the author its page names, if any:",
            err=True,
        )
        for report in credited:
            for link, title, why in report.markup_credits:
                echo(f'  {report.name}: "{title}" ({sent_url(link)}): {why}', err=True)
    for report in summary.feeds:
        for link, title, named, why in report.unreachable:
            # walk130 #2: a page naming http://localhost:8080/... as its own was published at it.
            echo(
                f'{report.name}: "{title}" ({sent_url(link)}): {unreachable_note(named, why)}',
                err=True,
            )
    for report in summary.feeds:
        for link, title, address in report.elsewhere:
            echo(f'{report.name}: "{title}": {elsewhere_note(address, link)}', err=True)
    for report in summary.feeds:
        for link, title, named, base, address in report.base_refused:
            # walk162 #5: a relative canonical is read against the page's <base href>, never
            # onto another site through it.
            echo(
                f'{report.name}: "{title}" ({sent_url(link)}):'
                f" {base_refused_note(named, base, address, link)}",
                err=True,
            )
    for report in summary.feeds:
        # walk188 #4, walk190 #8: a Japanese article was marked English by its feed, its page
        for by in ("page", "feed"):
            if any(said[4] == by for said in report.other_language):
                echo(language_note(report, by), err=True)
            for link, title, *_ in (s for s in report.other_language if s[4] == by):
                echo(f'  "{title}" ({sent_url(link)})', err=True)
        if report.words_language:  # walk191 #4: French articles marked en-US by their feed
            echo(words_language_note(report.name, report.words_language), err=True)
            for link, title, *_ in report.words_language:
                echo(f'  "{title}" ({sent_url(link)})', err=True)
    for report in summary.feeds:
        if report.title_markup:  # walk96 D: the feed's own title, said as its articles' are
            # walk110 #5: it said "a `<script>` with its text" of any markup, and asked for a
            # `name:` of a feed that had one (such a feed's report has no `title_markup`).
            echo(
                f"{report.name}: the feed's own title held HTML markup, which was removed"
                f" ({report.title_markup}): where it is an article's publication (its page names"
                f' no site), it reads "{report.name}"; to name it otherwise, give the feed a'
                " `name:` line in feeds.yaml",
                err=True,
            )
    if lists := [r for r in summary.feeds if r.post_lists]:
        echo(
            f"{sum(len(r.post_lists) for r in lists)} new article(s) link to a page that reads as"
            " a list of posts (a blog's front page or an archive: several posts under headings of"
            " their own), not one article: the blurb may join several posts;"
            f" {_featured_advice(command, published, 'blurb', POST_LIST_FIX, 'its blurb')}:",
            err=True,
        )
        for report in lists:
            _echo_links(report.name, report.post_lists)
    if summary.pages_failed:
        asked = summary.pages_read + summary.pages_failed
        echo(
            f"{summary.pages_failed} of {asked} article page(s) could not be read; "
            f"{_what_became(summary.pages_failed, summary.pages_dead)}:",
            err=True,
        )
        reasons = summary.failure_reasons()
        for reason, count in reasons[:TOP_REASONS]:
            echo(f"  {count:>4}  {reason}", err=True)
        others = sum(count for _, count in reasons[TOP_REASONS:])
        if others:
            echo(f"  {others:>4}  for other reasons (--json lists every page)", err=True)
        if summary.hosts_skipped:
            skipped = ", ".join(f"{host} ({n})" for host, n in summary.hosts_skipped[:SHOWN_HOSTS])
            if len(summary.hosts_skipped) > SHOWN_HOSTS:
                skipped += f" and {len(summary.hosts_skipped) - SHOWN_HOSTS} more"
            echo(
                f"  Gave up on these servers after {HOST_FAILURES} failed connections each, so"
                f" their other pages (in brackets) were not tried: {skipped}. They will be tried"
                " again on a later fetch.",
                err=True,
            )
        refused = summary.pages_all_refused
        if failing := [(n, k) for n, k in summary.pages_keep_failing if n not in refused]:
            names = [n for n, _ in failing]
            counted = [f"{n} ({k} asked for)" for n, k in failing]
            echo(
                f"  Not one of the pages of {_names(counted)} could be read:"
                f" {_stop_pages(summary, names)}.",
                err=True,
            )
        if gone := summary.pages_all_gone:
            counted = [f"{n} ({k} asked for)" for n, k, _ in gone]
            echo(
                f"  Not one of the pages of {_names(counted)} could be read:"
                f" {_pages_gone([u for _, _, u in gone])}.",
                err=True,
            )
        if refused:
            echo(
                f"  No page of {_names(refused)} could be read: {_allow_private(summary, refused)}.",
                err=True,
            )
    for site, pages in summary.robots_disallowed:
        # (how many, not "pages of SITE": walk134 #1 read it as the whole site, whose other
        # pages were read in the same run)
        echo(
            f"1 page of {site} is not read: its robots.txt disallows it; its article's credit"
            " and blurb come from its feed"
            if pages == 1
            else f"{pages} pages of {site} are not read: its robots.txt disallows them; their"
            " articles' credits and blurbs come from their feeds",
            err=True,
        )
    for site in summary.robots_cut:
        echo(f"{site}: {robots.CUT}", err=True)
    for site, pages, why, copy in summary.robots_unread:
        echo(
            f"{site}: its robots.txt answered {why}; "
            + (
                f"the copy read on {copy:%Y-%m-%d} was followed"
                if copy
                else "it was taken as allowing every page"
            )
            + f" for the {'page' if pages == 1 else f'{pages} pages'} read (it is asked for again"
            " on the next run)",
            err=True,
        )
    in_part = _lost_lines(summary)
    if in_part:
        echo(
            f"{len(in_part)} article page(s) were read in part "
            "(each names what was lost: a field the page broke the reader of, a credit given in a"
            " field holding HTML markup no name is made of, characters that could not be"
            " decoded, or the page's end):",
            err=True,
        )
        # (in address order, not the order the pages finished in, which a busy machine changes
        # run to run: the same pages are shown each time, and test_markup_words holds them)
        for url, lines in in_part[:SHOWN_IN_PART]:
            echo(f"  {sent_url(url)}: {'; '.join(lines)}", err=True)
        more = len(in_part) - SHOWN_IN_PART
        if more > 0:
            echo(f"  and {more} more (--json lists every page)", err=True)
    site_notes = _site_name_lines(summary)
    if site_notes:
        # (no content lost: the page's declared site name, a tagline, a platform's, a company's
        # legal name or another site's, gave way to the publication a reader knows; walk147 #2)
        # What to do fits the command (walk148 N3: "in the draft" after a plain build, which
        # wrote none): the JSON then `curator render N`, or the draft's line.
        advice = _featured_advice(
            command,
            published,
            "publication",
            "correct its `publication:` line {where} if the choice is wrong",
            "the publication credited",
        )
        echo(
            f"{len(site_notes)} article page(s) had a site name passed over for the publication"
            f" credited ({advice}):",
            err=True,
        )
        for url, lines in site_notes[:SHOWN_IN_PART]:
            echo(f"  {sent_url(url)}: {'; '.join(lines)}", err=True)
        more = len(site_notes) - SHOWN_IN_PART
        if more > 0:
            echo(f"  and {more} more (--json lists every page)", err=True)
    if summary.worker_died:
        echo(
            "curator: warning: a worker process died during the run (killed for memory, or a"
            " crash while parsing); what it had not finished was done in this process, so nothing"
            " is missing, only the run was slower. If it happens every week, the machine may be"
            " short of memory.",
            err=True,
        )


def _what_became(failed: int, dead: int) -> str:
    """What became of the articles whose page could not be read: those gone for good (404, 410, a
    redirect away) are left out as dead links, never published (walk35: the line said they used
    what the feed says); the others use what the feed says."""
    gone = "gone (404, 410 or a redirect away from the article)"
    left = (
        "its article is left out as a dead link, never published"
        if dead == 1
        else "their articles are left out as dead links, never published"
    )
    if dead == failed:
        return f"{'it is' if dead == 1 else 'they are'} {gone}, so {left}"
    if dead:
        return (
            f"{dead} {'is' if dead == 1 else 'are'} {gone}: {left}; the articles of the other"
            f" {failed - dead} use what the feed says"
        )
    return "their articles use what the feed says"


def _correct_now(published: Published, field: str) -> str:
    """How to correct the issue just published, then check the next before it goes out (as a
    build's own warnings say: its field in issue-N.json, then `curator render N`)."""
    return (
        f'to correct it now: its "{field}" in {published.json_file}, then `curator render'
        f" {published.number}`; next time, to check an issue before it is published:"
        f" {published.next_time}"
    )


#: What to do in a draft about the articles a note names (`_featured_advice`): a title cut at a
#: word, a title whose markup was removed, one that lost words with it, a page of posts.
CUT_TITLE_FIX = "check these {where}, and edit the title there if need be"
MARKUP_TITLE_FIX = "check their titles {where}, and edit one there if words are missing"
LOST_TITLE_FIX = "to write one as it should read, change its `## ` heading {where}"
POST_LIST_FIX = (
    "check these {where}: write the blurb of the post meant, or cut the article (and"
    " `curator subjects exclude URL`)"
)


def _featured_advice(
    command: str, published: Published | None, field: str, fix: str, what: str = "it"
) -> str:
    """What to do about the articles a note names, for the command that ran: after a plain
    `build`, how to correct the issue it published (`field` in its issue-N.json, then `curator
    render N`) and check the next (walk37 #4, walk107: "check these in the draft", of an issue
    published with no draft written, and a `DRAFT` placeholder pasted with --config); else `fix`,
    its `{where}` the draft or the next one."""
    if published is not None:
        return (
            f"where one is featured, issue {published.number} was published with {what}"
            f" ({published.page}); {_correct_now(published, field)}"
        )
    where = "in the draft" if command == "draft" else "in the next draft (`curator draft`)"
    return fix.format(where=where)


def print_rereads(summary: FetchSummary, *, quiet: bool) -> None:
    """What became of the stored articles whose page could not be read in an earlier run."""
    if summary.pages_read_again and not quiet:
        echo(
            f"{summary.pages_read_again} article page(s) that could not be read before were read"
            " now; their articles are credited from their page.",
            err=True,
        )
    trying = summary.pages_still_unread - summary.pages_given_up
    if trying and not quiet:
        echo(
            f"{trying} article page(s) that could not be read before still could not be read;"
            f" they are read again on later runs, after waits that grow with each read"
            f" ({RETRY_WAITS} hours; {PAGE_READS} reads in all, within {PAGE_RETRY_DAYS} days of"
            " their article being stored)"
            + (
                f"; for {_names(names)}, {_stop_pages(summary, names)}."
                if (names := summary.still_unread_feeds)
                else "."
            ),
            err=True,
        )
    if summary.pages_given_up:
        echo(
            f"{summary.pages_given_up} article page(s) could not be read in {PAGE_READS} tries"
            " and will not be tried again; their articles keep what the feed says.",
            err=True,
        )


__all__ = ["Published", "fetch_summary_dict", "print_failures", "print_rereads"]
