"""What `build` and `fetch` say of one feed: why it failed and what to do about it, that it
moved, waits or is not well formed, and the notes on its entries (stored already, given new
addresses, in scripts no subject uses); the name `feeds check` shows it by.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from curator.errors import feeds_remove_command, shell_arg
from curator.feeds.common import EMPTY_FEED, HTML_NOT_FEED
from curator.feedsecrets import secrets_masked_in, secrets_of, secrets_shown
from curator.fetch_failures import MAX_RETRY_AFTER
from curator.harvest import FeedReport
from curator.harvest_feedreport import days_failing
from curator.render import join_names

#: Days a feed has failed after which its advice is no longer "usually passing" but to check its
#: address, tell the publisher and stop asking it meanwhile (walk201 #6: the same words on the
#: 2nd run and after 21 days, while `feeds check` said "failing for 21 days").
OUTAGE_DAYS = 7


def failing_days(report: FeedReport) -> int:
    """Whole days since the feed began to fail, counted as `feeds check` counts them (0 when it
    is not failing, or began to less than a day ago)."""
    return days_failing(report.failing_since, datetime.now(UTC))


def failing_for(report: FeedReport) -> str:
    """Since when a failed feed has failed: "first failure", "failing for 3 runs, since
    2026-12-04 09:00 UTC", or, a day or more after it began, "failing for 2 runs over 21 days,
    since ..." (the days `feeds check` says: a weekly run makes few runs of a long outage)."""
    if report.failed_runs <= 1 or not report.failing_since:
        return "first failure"
    days = failing_days(report)
    over = f" over {days} day{'s' * (days != 1)}" if days >= 1 else ""
    return f"failing for {report.failed_runs} runs{over}, since {_when(report.failing_since)}"


def _long_outage(report: FeedReport, days: int) -> str:
    """The advice for a feed failing `days` (`OUTAGE_DAYS` or more) for want of an answer."""
    shown = secrets_shown(report.url)
    return (
        f"it has failed for {days} days: open the address in a browser to check it (the site"
        " may have moved its feed: `curator feeds add` with the site's address finds it), and"
        f" tell the publisher; to stop asking it meanwhile, {feeds_remove_command(shown)} (its"
        f" stored articles stay; `curator feeds add {shell_arg(shown)}` brings it back)"
    )


def _when(iso: str) -> str:
    """A stored time for the editor: "2026-12-04 09:00 UTC"."""
    return iso[:16].replace("T", " ") + " UTC"


def gone_advice(report: FeedReport) -> str | None:
    """What to do about a feed whose address answers 404 or 410: it will not come back by itself
    (walk26: a 410 in a list of 35 failures said nothing more than a timeout did)."""
    if report.error_kind != "gone" and not (report.error or "").startswith("HTTP 404"):
        return None
    site = urlsplit(report.url)
    home = f"{site.scheme}://{site.netloc}/" if site.scheme in ("http", "https") else None
    find = f"`curator feeds add {shell_arg(home)}` finds the site's feeds, " if home else ""
    return (
        f"the address is gone: if the feed has moved, {find}put its new address in feeds.yaml;"
        f" else {feeds_remove_command(secrets_shown(report.url))}"
    )


def html_advice(report: FeedReport) -> str | None:
    """What to do about a feed whose address answers with a web page (a login page, the site's
    new front page): the feed may have moved (walk91 #2: said for 5 runs with no advice)."""
    if report.error_kind != "malformed" or not (report.error or "").startswith(HTML_NOT_FEED):
        return None
    if report.page_feed:  # the page names the feed's new address (walk126 #4)
        return (
            f"this page names a feed at {report.page_feed}: replace the url in feeds.yaml (replace"
            f" `url: {secrets_shown(report.url)}` with `url: {report.page_feed}`)"
        )
    site = urlsplit(report.url)
    home = f"{site.scheme}://{site.netloc}/" if site.scheme in ("http", "https") else None
    find = (
        f"`curator feeds add {shell_arg(home)}` finds and adds the site's feed, and "
        if home
        else ""
    )
    return (
        "open the address in a browser to see what it shows (a login page, the site's new"
        f" pages); if the site moved its feed, {find}"
        f"{feeds_remove_command(secrets_shown(report.url))} drops this one; if it has none now, remove it the same way"
    )


def feed_advice(report: FeedReport) -> str | None:
    """What to do about a feed that failed, by what went wrong (walk32 #8: only a feed gone or
    too large said anything; a timeout, a 429, a 500, a refused or cut connection did not)."""
    if report.leads_to:  # its error says the line to remove (walk169 #4), not to replace it
        return None
    if report.moved_before and (moved := moved_note(report)):
        # a move seen before, not "the address is gone ... remove it" (walk126 #1)
        return moved
    if gone := gone_advice(report):
        return gone
    if html := html_advice(report):
        return html
    kind, error = report.error_kind, report.error or ""
    days = failing_days(report) if report.failed_runs > 1 else 0
    if days >= OUTAGE_DAYS and kind in ("timeout", "connect", "http", "unavailable", "malformed"):
        return _long_outage(report, days)
    lasts = "usually passing; if it keeps failing for days,"
    if kind == "malformed" and error == EMPTY_FEED:
        # (walk201 #7: said with no advice at all)
        return (
            "its server answered 200 with nothing (no document at all): a fault of the site's,"
            f" {lasts} open the address in a browser, and if it shows nothing there either,"
            " tell the publisher"
        )
    cut = error.startswith("connection lost") or "broke the HTTP protocol" in error
    if kind == "rate-limited" and report.wait_when and (report.retry_after or 0) >= MAX_RETRY_AFTER:
        # It asked for longer than curator waits (walk37 #6): the time is curator's, not its.
        return (
            f"curator does not ask it before {report.wait_when} (a day, the most it waits),"
            " and nothing needs doing unless it keeps asking"
        )
    if kind == "rate-limited" and report.own_wait:
        return "nothing to do unless it lasts; if it does, ask the publisher"
    if kind == "rate-limited" and report.wait_note:
        return f"{report.wait_note}; it is not asked before then, and nothing needs doing"
    if kind == "rate-limited":
        return (
            "the server asks curator to ask less often: nothing to do unless it lasts; if it"
            " does, ask the publisher"
        )
    if kind == "timeout":
        return (
            f"the server was too slow: {lasts} open the address in a browser, and if it is only"
            " slow raise `timeout` under `settings:` in feeds.yaml"
        )
    if kind in ("connect", "http") and cut:
        return (
            f"the server cut the connection before the feed was whole: {lasts} tell the publisher"
        )
    if kind == "connect":
        where = "the address it redirects to" if error.startswith("redirected to") else "the site"
        return f"nothing took the connection ({where} may be down): {lasts} check it in a browser"
    if kind == "unavailable" or (kind == "http" and error.startswith("HTTP 5")):
        return f"the server failed on its side: {lasts} tell the publisher"
    if kind == "http" and error.startswith("HTTP 4"):
        return (
            "the server refused the request: open the address in a browser; if it works there,"
            " the server may be refusing curator (tell the publisher)"
        )
    if kind == "dns":
        return "check the address for a typo; if it is right, the site may have gone"
    if kind == "redirects":
        return (
            "open the address in a browser to see where it leads, and put the feed's address"
            " there in feeds.yaml"
        )
    return None


def waiting_note(report: FeedReport) -> str:
    """A feed asked in this run and told to wait: its answer, and when curator asks again."""
    advice = feed_advice(report)
    return secrets_masked_in(report.error or "") + (f"; {advice}" if advice else "")


def moved_note(report: FeedReport) -> str | None:
    """What to do about a feed whose address redirects for good to another."""
    if not report.moved_to:
        return None
    # (the new address whole, its secret too, to be copied; the old one masked: fixlg #2)
    whole = (
        " (in full, its secret too: feeds.yaml needs the exact address)"
        if secrets_of(report.moved_to)
        else ""
    )
    replace = (
        f"update feeds.yaml (replace `url: {secrets_shown(report.url)}` with"
        f" `url: {report.moved_to}`{whole})"
    )
    seen = f" ({_when(report.moved_seen)})" if report.moved_seen else ""
    if report.old_error:  # its old address fails now; read at the new one (walk126 #1)
        return (
            f"moved permanently to {report.moved_to} in an earlier run{seen}, and its old address"
            f" now answers {report.old_error}: {replace}; it is read at the new address meanwhile"
        )
    gone = ("HTTP 404", "HTTP 410")
    if report.moved_before and report.status == "failed" and report.moved_error:
        if not report.moved_error.startswith(gone):  # (a timeout, a 5xx: it may answer later)
            return (
                f"moved permanently to {report.moved_to} in an earlier run{seen} (which failed"
                f" too in this run: {report.moved_error}): {replace}"
            )
        # Both addresses failed in this run (walk132 #2: the advice gave the new one, which had
        # just answered 404 too, and following it lost the feed's name).
        parts = urlsplit(report.moved_to)
        site = f"{parts.scheme}://{parts.netloc}/"
        return (
            f"moved permanently to {report.moved_to} in an earlier run{seen}, but that address"
            f" answered {report.moved_error} too: the feed may be gone from both;"
            f" `curator feeds add {shell_arg(site)}` finds the site's feeds, else"
            f" {feeds_remove_command(secrets_shown(report.url))}"
        )
    if report.moved_before and report.status == "failed":  # and the new address failed too
        return f"moved permanently to {report.moved_to} in an earlier run{seen}: {replace}"
    if report.moved_before:  # its old address answers by itself now (walk91 #1)
        return (
            f"moved permanently to {report.moved_to} in an earlier run, and feeds.yaml still"
            " gives its old address, which now answers by itself, as another feed: update"
            f" feeds.yaml (replace `url: {secrets_shown(report.url)}` with `url: {report.moved_to}`)"
            + (
                f"; its {report.not_stored} new entries now, the other feed's, are not stored as"
                " articles"
                if report.not_stored
                else ""
            )
        )
    return f"moved permanently to {report.moved_to}: {replace}; it is read at the new address meanwhile"


def malformed_note(report: FeedReport) -> str | None:
    """An unchanged feed whose last document was not well formed: it may still miss entries."""
    if not report.still_malformed:
        return None
    since = f" since {_when(report.warning_since)}" if report.warning_since else ""
    return (
        f"still not well formed{since} ({report.still_malformed}): entries may be missing until"
        " the publisher fixes it"
    )


def stored_already_note(report: FeedReport) -> str:
    """ "Link Roundup: 6 of its new entries were stored already, as articles of Brew Daily ...":
    the entries its line counted new whose page another feed (or an earlier run, by another
    link) had stored, so that the lines add up to what was stored; by the same link or another,
    as it was (fixlu: "the same page by another link", the link being the same)."""
    count, same = report.stored_already, report.stored_same_link
    one = count == 1  # (walk143 #5: "1 of its new entry was stored already as articles")
    if same >= count:
        how = "the same link" if one else "the same links"
    elif not same:
        how = "the same page by another link" if one else "the same pages by other links"
    else:
        how = f"{same} by the same link, {count - same} by another"
    names = join_names(report.stored_by)
    whose = f" as {'an article' if one else 'articles'} of {names}" if report.stored_by else ""
    were = "1 of its new entries was" if one else f"{count} of its new entries were"
    return f"{report.name}: {were} stored already{whose} ({how}), so {report.new} stored from it"


def taken_own_notes(report: FeedReport) -> list[str]:
    """ "Service Desk Journal: "Churn Signals ..." (link), stored already as an article of Mixed
    Reading, is on this feed's own site: taken as its article, credited as its entry says"
    (walk202 #6: the aggregator's byline was published over the publisher's)."""
    return [
        f'{report.name}: "{title}" ({url}), stored already as an article of {holder}, is on'
        " this feed's own site: taken as its article"
        + (
            f" and credited as its entry says ({now}; it was {was or 'no one'})"
            if was != now
            else ""
        )
        for title, url, holder, was, now in report.taken_own
    ]


#: How `Store.republished` found an article the feed gave before at a new address, in words
#: (fixlx #4: one found by its date and title was said to have "the same page text").
REPUBLISHED_HOW = {
    "text": "the same page text",
    "body": "the same page text but for its heading, under the same date",
    "entry": "the same date and title, its page giving no text",
    "near": "most of the same page text, under the same title",
}


def republished_note(report: FeedReport) -> str:
    """ "Service Daily: 6 of its new entries give new addresses for articles it gave before ...":
    not new articles, and where each is now linked (walk126 #2)."""
    count, moved = report.republished, report.readdressed
    kept = count - moved
    one = count == 1
    where = []
    if moved:
        where.append(
            f"{'it is' if moved == 1 else f'{moved} are'} linked at the new address from now on"
            " (the old one still known as the same article)"
        )
    if kept:
        where.append(
            f"{'one' if kept == 1 else kept} an issue published"
            f" keep{'s' if kept == 1 else ''} the address the issue gave"
        )
    ways = report.republished_by or ("text",)
    how = "; or ".join(words for way, words in REPUBLISHED_HOW.items() if way in ways)
    return (
        f"{report.name}: {count} of its new entries"
        f" {'gives a new address' if one else 'give new addresses'}"
        f" for {'an article' if one else 'articles'} it gave before ({how}): not"
        f" new, so {report.new} new from it; {'; '.join(where)}"
    )


def moved_published_notes(report: FeedReport) -> list[str]:
    """Each published article the feed now gives at a new address, its issue keeping the old
    one (walk199 #7: seven published links answered 404, unsaid, though curator knew where
    each had gone): the issue, the new address, and how to link it there."""
    notes = []
    for title, old, new, issue, json_file in report.moved_published:
        where = f"issue {issue}" if issue else "an issue"
        fix = (
            f'to link it there, edit its "url" in {json_file or f"issue-{issue}.json"}, then'
            f" `curator render {issue}`"
            if issue
            else 'to link it there, edit its "url" in that issue\'s issue-N.json, then'
            " `curator render N`"
        )
        if new in report.moved_gated:
            # A sign-in page at the new address: no link to advise (walk200 #5).
            fix = (
                "its new address asks readers to log in (it leads to a sign-in page), so it is no"
                " link to give them: check whether the old address still answers, or take the"
                f" article out of {json_file or 'its issue-N.json'}, then"
                f" `curator render {issue or 'N'}`"
            )
        notes.append(
            f'{report.name}: "{title}", published in {where} at {old}, is now at {new} (its'
            f" feed's new address; the old one may no longer answer): {where} is left as it"
            f" was published (said on this fetch only: the next ones know the new address as"
            f" this article's and do not repeat it); {fix}"
        )
    return notes


def relinked_notes(report: FeedReport) -> list[str]:
    """What became of each stored article the feed gives at a new link under the same id
    (walk137 #1): "moved by its feed to NEW", or kept at its old address, and why."""
    notes = []
    for title, old, new, issue, unread in report.moved_by_feed:
        how = (
            f"{unread}; its feed's link is taken as its address"
            if unread
            else "its page answers there"
        )
        then = (
            f"; issue {issue} keeps the address it published, and its link is checked at the new"
            " one from now on"
            if issue
            else "; it is linked there from now on (the old address still known as the same"
            " article)"
        )
        notes.append(f'{report.name}: "{title}" ({old}) moved by its feed to {new} ({how}){then}')
    for title, old, new, why in report.kept_by_feed:
        notes.append(
            f'{report.name}: "{title}" ({old}): its feed gives it a new link, {new}, which {why};'
            " it is kept at its old address"
        )
    return notes


def other_script_note(report: FeedReport) -> str:
    """What the run says of a feed new articles of which are in scripts none of the subjects'
    words use (`FeedReport.other_scripts`), each script with its count (walk151 #6:
    "all 3 ... written in Japanese" counted a Russian article as Japanese). Once placed
    (`placed_new`), only those placing left under no subject are counted, and removing the feed
    is advised only when a subject took none of its new articles (walk154 NEW-1)."""
    scripts = report.other_scripts or ((report.other_script,) if report.other_script else ())
    n = sum(k for _, k in scripts)
    new = len(report.new_scripts)
    some = (
        f"{n} of its {new} new articles {'is' if n == 1 else 'are'}"
        if n < new
        else ("its new article is" if n == 1 else f"all {n} of its new articles are")
    )
    if len(scripts) == 1:
        written = f"written in {scripts[0][0]}, which none of your subjects' words use"
    else:
        each = ", ".join(f"{k} in {script}" for script, k in scripts)
        written = f"written in scripts none of your subjects' words use ({each})"
    they = "it" if n == 1 else "them"
    placed = report.placed_new
    if placed:
        took = (
            f" (a subject took the other {placed}"
            if placed > 1
            else " (a subject took the other one"
        ) + ", so the feed is worth keeping)"
        fits = "it fits" if n == 1 else "they fit"
        return (
            f"{report.name}: {some} {written}: {fits} no subject{took}, and no issue will feature"
            f" {they} unless you move {they} under a subject (`curator subjects list --unplaced`"
            f" lists {they}). To feature articles like {'it' if n == 1 else 'these'}, write a"
            f" subject (or keywords) in {'its' if n == 1 else 'their'} language in feeds.yaml"
        )
    return (
        f"{report.name}: {some} {written}: {'it fits' if n == 1 else 'they fit'} no subject, and"
        f" no issue will feature {they} unless you move {they} under a subject. To feature"
        f" {they}, write a subject (or keywords) in {'its' if n == 1 else 'their'} language in"
        f" feeds.yaml; else {feeds_remove_command(secrets_shown(report.url))}"
    )


def language_note(report: FeedReport, by: str) -> str:
    """What the run says of a feed's new articles whose letters the language their feed (`by`
    "feed": `<language>en</language>` over Japanese articles whose pages say none, walk188 #4) or
    their page (`by` "page": `<html lang="en-US">` around a Japanese article, walk190 #8)
    declares is not written in (`FeedReport.other_language`): that language is not taken, their
    letters tell theirs, and where to give another."""
    said = [one for one in report.other_language if one[4] == by]
    n = len(said)
    language = "` or `".join(sorted({one[2] for one in said}))
    written = " and ".join(sorted({one[3] for one in said}))
    it = "it" if n == 1 else "them"
    if by == "feed":
        some = "1 of its new articles is" if n == 1 else f"{n} of its new articles are"
        pages = "its page says" if n == 1 else "their pages say"
        head = (
            f"{report.name}: its feed says its articles are in `{language}`, but {some} written in"
            f" {written}, which `{language}` is not written in, and {pages} no language: the"
            f" feed's is not taken for {it}"
        )
    else:
        some = (
            "the page of 1 of its new articles says it is"
            if n == 1
            else f"the pages of {n} of its new articles say they are"
        )
        head = (
            f"{report.name}: {some} in `{language}`, but {'it is' if n == 1 else 'they are'}"
            f" written in {written}, which `{language}` is not written in:"
            f" {'its page' if n == 1 else 'their pages'}' language is not taken for {it}"
        )
    return (
        f"{head}; every HTML edition marks the language its letters tell (kana `ja`, Hangul `ko`,"
        f" Hebrew `he`...), or its direction alone, so that screen readers do not read {it} in"
        f' the voice of `{language}`. To give another, write it as the article\'s "language" in'
        " issue-N.json once an issue features it, then `curator render N`:"
    )


def shown_feed_names(table: list[dict[str, Any]]) -> dict[int, str]:
    """Each row of `feeds check`'s table by the name it shows (by the row's `id`): the feed's
    name, with its address when two feeds have one name (walk192 #5: the summary named two
    "Apple"); its address when it has none."""

    def same(name: str) -> str:
        return " ".join(name.split()).casefold()

    names = Counter(same(row["name"]) for row in table if row["name"])
    return {
        id(row): (
            row["url"]
            if not row["name"]
            else f"{row['name']} ({row['url']})"
            if names[same(row["name"])] > 1
            else row["name"]
        )
        for row in table
    }


#: A published article whose feed changed its title or credit since: (its feed's name, the title
#: published, its title now, its authors now, each issue that published it with its issue-N.json,
#: which of "title" and "authors" changed).
Changed = tuple[str, str, str, str, list[tuple[int, str]], tuple[str, ...]]


def changed_articles(reports: Sequence[FeedReport]) -> list[Changed]:
    """The feeds' published articles whose title or credit their entry changed since, one each
    with every issue that published it (`FeedReport.changed_published` gives one per issue).

    Why: an article issues 2 and 6 published was said as published in issue 2 alone, its fix
    naming only issue-2.json (walk199 #3)."""
    grouped: dict[tuple[int, str, str, str, tuple[str, ...]], list[tuple[int, str]]] = {}
    for i, report in enumerate(reports):
        for number, json_file, was, title, authors, fields in report.changed_published:
            grouped.setdefault((i, was, title, authors, fields), []).append((number, json_file))
    return [
        (reports[i].name, was, title, authors, files, fields)
        for (i, was, title, authors, fields), files in grouped.items()
    ]


def published_change_line(change: Changed) -> str:
    """The line `changed_articles`' article is said by: each issue left as published, and the
    issue-N.json to correct in each, then its `curator render N`."""
    name, was, title, authors, files, changed = change
    by = f" by {authors}" if authors else ""
    # (fixlm #2: a credit changed alone named the "title" to edit too, undoing the editor's own)
    named = ", ".join(f'"{field}"' for field in changed)
    fields = f'{named} (and "blurb", if its page changed too)'
    if len(files) == 1:
        number, json_file = files[0]
        fix = (
            f"to correct it, edit its {fields} in {json_file}, then `curator render {number}`"
            if not json_file or Path(json_file).is_file()
            else f"{json_file} is not there: to correct it, write it first (`curator"
            f" render {number}`), then edit its {fields} in it and run `curator render {number}`"
            " again"
        )
        return (
            f'{name}: "{was}", published in issue {number}, is now "{title}"{by} in its feed:'
            f" issue {number} is left as it was published, its blurb too; {fix}"
        )
    numbers = [str(n) for n, _ in files]
    issues = f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    each = [
        f"in {json_file}, then `curator render {number}`"
        if not json_file or Path(json_file).is_file()
        else f"in {json_file} (not there: write it first with `curator render {number}`), then"
        f" `curator render {number}` again"
        for number, json_file in files
    ]
    return (
        f'{name}: "{was}", published in issues {issues}, is now "{title}"{by} in its feed:'
        f" issues {issues} are left as they were published, their blurb too; to correct them,"
        f" edit its {fields} {', and '.join(each)}"
    )


#: How many of a feed's articles taken with their feed's correction are named.
_NAMED = 5


def retaken_named(report: FeedReport) -> str:
    """The articles a feed's corrections were taken for, named (walk199 #8: "Alpha CX Review:
    1" named none): ': "Title" (URL); ...', and how many more."""
    named = report.retaken_named
    if not named:
        return ""
    listed = "; ".join(f'"{title}" ({url})' for title, url in named[:_NAMED])
    more = f"; and {len(named) - _NAMED} more" if len(named) > _NAMED else ""
    return f": {listed}{more}"
