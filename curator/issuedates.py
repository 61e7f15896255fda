"""An issue's date against the issues before it: a draft dated before an earlier issue
or ahead of today, issues out of order in the archive (`dated_out_of_order`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from curator.draft import Draft
from curator.render import issue_day
from curator.store import IssueRecord, Store


def dated_before(
    store: Store, draft: Draft, path: Path, now: datetime, out_dir: Path
) -> tuple[str, ...]:
    """A warning when the draft's `date:` is before an earlier issue's date (walk46 N6: the
    archive page and the feed of issues then put issue 2 before issue 1; walk49 #2: any earlier
    issue, not only the one before)."""
    if "date" not in draft.lines:
        return ()
    dates = {r.number: stored_day(r) for r in store.issues() if r.number < draft.number}
    dates[draft.number] = draft.date
    where = f"{path}:{draft.lines['date']}: "
    return dated_out_of_order(
        dates,
        draft.number,
        today=issue_day(now).date(),
        out_dir=out_dir,
        where=where,
        written=draft.date_is_moment,
    )


def dated_ahead(draft: Draft, path: Path, now: datetime, out_dir: Path) -> tuple[str, ...]:
    """A warning when the draft's `date:` is after today where curator runs: published so, as
    written, but a draft written on a machine a day ahead (walk124 F6: Kiritimati's, built in
    UTC) or a slip dates the issue in the future without a word."""
    if "date" not in draft.lines:
        return ()
    today = issue_day(now).date()
    day = draft.date.date()
    fix = (
        f' meant, write "date": "{today.isoformat()}" in {out_dir / f"issue-{draft.number}.json"},'
        f" then run `curator render {draft.number}`"
    )
    if draft.date_is_moment:
        # A time with its offset is a moment, past or to come wherever curator runs (walk166 #4:
        # 2026-12-07T09:00+13:00, built in Los Angeles at 2026-12-06 14:00, was "after today").
        if draft.date <= now:
            return ()
        here = now.astimezone().replace(microsecond=0).isoformat()
        return (
            f"{path}:{draft.lines['date']}: the draft is dated {draft.date.isoformat()}, a time"
            f" still to come (it is {here} here), and the issue is published with that date (Hugo"
            " and Jekyll hide a post dated in the future until that time); if that is not" + fix,
        )
    if day <= today:
        return ()
    return (
        f"{path}:{draft.lines['date']}: the draft is dated {day.isoformat()}, after today"
        f" ({today.isoformat()} here), and the issue is published with that date (Hugo and"
        " Jekyll hide a post dated after today until that day); if that is not" + fix,
    )


def stored_day(record: IssueRecord) -> datetime:
    """The date of a published issue as the store keeps it (one published before the store kept
    it: the day it was published)."""
    return record.day


def _zones_apart(mine: datetime, other: datetime) -> str | None:
    """ "+13:00 and +00:00": the offsets of two issue dates when they differ and the difference
    alone puts `mine` before `other` (each dated the start of its run's day, in its zone)."""
    mine_offset, other_offset = mine.utcoffset(), other.utcoffset()
    if mine_offset is None or other_offset is None or mine_offset == other_offset:
        return None
    if other - mine > abs(mine_offset - other_offset):
        return None
    return f"{mine.isoformat()[-6:]} for this one, {other.isoformat()[-6:]} for the other"


def _utc_text(moment: datetime) -> str:
    """ "2026-12-06 20:00 UTC": a moment in one zone, to compare two written in others."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _before(mine: datetime, other: datetime) -> bool:
    """`mine` is before `other` as moments, or by the day the archive page shows."""
    if other.tzinfo is not None and mine.tzinfo is not None and other > mine:
        return True
    return other.date() > mine.date()


def _moment_fix(number: int, other: int, latest_at: datetime, out_dir: Path) -> str:
    """For a warning that names a draft's `date:` line (walk181 #7: it advised the crontab
    alone): the date that puts the issue, published, in its place, a minute after issue
    `other`'s in its offset."""
    later = (latest_at + timedelta(minutes=1)).astimezone(latest_at.tzinfo)
    return (
        f'; to date this issue in its place, write "date": "{later.isoformat()}" (a minute after'
        f" issue {other}, or later) in {out_dir / f'issue-{number}.json'}, then run `curator"
        f" render {number}` (it takes the date into the store too)"
    )


def dated_out_of_order(
    dates: Mapping[int, datetime],
    number: int,
    *,
    today: date,
    out_dir: Path,
    where: str = "",
    written: bool = False,
) -> tuple[str, ...]:
    """A warning when issue `number` is dated before an earlier issue (`dates`: issue dates by
    number), naming the latest-dated one, with a date that puts it in its place and a command that
    makes it last (walk49 #1: the advice, followed, changed nothing `render` kept). `written`:
    its date is a time the editor wrote in its draft, not the day of the run that built it."""
    mine = dates[number]
    day = mine.date()

    def earlier_moment(other: datetime) -> bool:
        # As moments when both say their offset (walk124 F5: an issue dated 2026-12-06 at
        # -11:00 follows one dated 2026-12-07 at +14:00, an hour later).
        if other.tzinfo is not None and mine.tzinfo is not None:
            return other > mine
        return other.date() > day

    # Before an earlier issue as a moment, or by the day the archive page shows (walk128 N4: the
    # two issues above, in order as moments, show December 7 then December 6, unsaid).
    after = [
        (d, n) for n, d in dates.items() if n < number and (earlier_moment(d) or d.date() > day)
    ]
    if not after:
        return ()
    latest_at, other = max(after, key=lambda pair: (pair[0].date(), pair[1]))
    latest = latest_at.date()
    fix = max(today, latest if latest > day else latest + timedelta(days=1))
    why = (
        "today, the date a build gives it"
        if fix == today
        else f"issue {other}'s date"
        if fix == latest
        else f"the day after issue {other}'s date"
    )
    place = (
        f' "date": "{fix.isoformat()}" ({why}, or later) in {out_dir / f"issue-{number}.json"},'
        f" then run `curator render {number}` (it takes the date into the store too)"
    )
    if not earlier_moment(latest_at):
        # In order as moments, each in its own time zone: only the days shown are not.
        return (
            f"{where}issue {number} is dated {mine.isoformat()}, a day before issue {other}"
            f" ({latest_at.isoformat()}) though it came after it (their time zones differ): the"
            " feed of issues lists them in order, but the archive page shows their days out of"
            f" order; to show them in order, write{place}",
        )
    zones = _zones_apart(mine, latest_at)
    previous = max((n for n in dates if n < number), default=other)
    if zones is not None and other != previous and not _before(mine, dates[previous]):
        # walk181 #7: one build in another zone dated issue 13 ahead; issue 14 was told, and then
        # every issue after it too, dated as issue 14, until the UTC day passed issue 13's: in
        # order with the issue it directly follows, an issue is in its place, told once.
        return ()
    if zones is not None and written:
        # A time the editor wrote with its offset is no run's zone: no advice on TZ (walk166 #4),
        # but which moments, in one zone, put it before the other; in its place: a minute later,
        # written in its own offset.
        later = (latest_at + timedelta(minutes=1)).astimezone(mine.tzinfo)
        return (
            f"{where}issue {number} is dated {mine.isoformat()} (the draft's date:,"
            f" {_utc_text(mine)}), before issue {other} ({latest_at.isoformat()},"
            f" {_utc_text(latest_at)}), which it follows, so the feed of issues lists them out of"
            f' order; to date it in its place, write "date": "{later.isoformat()}" (a minute'
            f" after issue {other}, or later) in {out_dir / f'issue-{number}.json'}, then run"
            f" `curator render {number}` (it takes the date into the store too)",
        )
    if zones is not None:
        # walk157 #6a: a cron build (no TZ: UTC) then one with TZ=Pacific/Auckland dated issue
        # 3 at +13:00 hours before issue 2 at +00:00, and the advice was tomorrow's date.
        return (
            f"{where}issue {number} is dated {mine.isoformat()}, before issue {other}"
            f" ({latest_at.isoformat()}), which it follows: the two runs used different time"
            f" zones ({zones}; a run without TZ, as from cron, uses UTC), so the feed of issues"
            " lists them out of order: set TZ in the crontab (a line `TZ=Pacific/Auckland`, your"
            " zone, above the job) or in the script that runs curator, so that every run uses"
            " the same zone" + (_moment_fix(number, other, latest_at, out_dir) if where else ""),
        )
    if latest == day:  # (one day, two offsets: the times tell them apart)
        shown, shown_latest = mine.isoformat(), latest_at.isoformat()
    else:
        shown, shown_latest = day.isoformat(), latest.isoformat()
    text = (
        f"{where}issue {number} is dated {shown}, before issue {other}"
        f" ({shown_latest}), which it follows, so the archive page and the feed of issues"
        f" list them out of date order; to date it in its place, write{place}"
    )
    if latest > today:
        text += (
            f"; if issue {other}'s date is the mistake ({latest.isoformat()} is after today),"
            f" correct it in {out_dir / f'issue-{other}.json'} instead, then run"
            f" `curator render {other}`"
        )
    return (text,)
