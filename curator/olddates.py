"""The dates of issues a curator of schema 16 or before published: its store kept no issue date
(`issue_date` is NULL), so an upgraded store took each for the day it was built. The output
folder still dates each (its issue-N.json, its entry in feed.xml): `issue_dates_found` reads them
there, for `curator.cli.opening.opened` to fill in the store.

Why: after an upgrade, `build --draft` said issue 4 (dated 2026-11-30) was "before issue 3
(2026-12-07)", dated 2026-11-23 in its issue-3.json and in feed.xml, and advised a wrong date;
`themes` and `render` gave the day of the upgrade's builds too (walk187 #3)."""

from __future__ import annotations

import json
from datetime import datetime, time
from pathlib import Path

from curator.config import Config
from curator.editions import feed_times
from curator.issuecheck import issue_mistakes
from curator.issuedata import issue_from_data
from curator.models import Issue
from curator.newslettername import title_words
from curator.outputs import feed_title
from curator.ownership import holds_stores_issues
from curator.publishissue import numbers_text
from curator.store import Store


def issue_dates_found(
    config: Config, store: Store, out_dir: Path
) -> dict[int, tuple[datetime, str]]:
    """The date of each issue the store keeps none for, by number, with the file it was read
    from: its issue-N.json in `out_dir`, else its entry in `out_dir`'s feed.xml. Only from a
    folder that holds this store's issues (`holds_stores_issues`; without any issue-N.json, a
    feed.xml titled as the newsletter or one of its issues): another newsletter's folder dates
    nothing. An issue found in neither is left out (its day of publication stands)."""
    if not store.undated_issues():
        return {}
    try:
        records = store.issues()
    except ValueError:  # (a time written into the store by hand: what reads issues says so)
        return {}
    undated = [r for r in records if r.issue_date is None]
    feed_path = out_dir / "feed.xml"
    try:
        feed = feed_path.read_bytes()
    except OSError:
        feed = b""
    if not holds_stores_issues(config, store, out_dir, records):
        titles = {title_words(t) for t in (config.title, *(r.title for r in records))}
        if any((out_dir / f"issue-{r.number}.json").exists() for r in records):
            return {}  # (issue-N.json files that are not this store's issues)
        if title_words(feed_title(feed) or "") not in titles:
            return {}
    times = feed_times(feed) if feed else {}
    found: dict[int, tuple[datetime, str]] = {}
    for record in undated:
        path = out_dir / f"issue-{record.number}.json"
        issue = _published(path, record.number)
        if issue is not None:
            found[record.number] = (issue.date, str(path))
            continue
        when = _moment(times.get(record.number))
        if when is not None:
            found[record.number] = (when, str(feed_path))
    return found


def _published(path: Path, number: int) -> Issue | None:
    """Issue `number` as its issue-N.json at `path` has it; None when it is not there or cannot
    be read (`render` and the build say so of their own)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if issue_mistakes(data, number):
            return None
        return issue_from_data(data)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None


def _moment(text: str | None) -> datetime | None:
    """A feed entry's <published>, as an issue's date: the seconds the feed of issues adds to
    tell issues of one day apart (`distinct_datetimes`) taken off a date at midnight."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        return None
    if when.time() < time(0, 1):
        when = when.replace(second=0, microsecond=0)
    return when


def fill_issue_dates(config: Config, store: Store, out_dir: Path, *, write: bool) -> str | None:
    """Date the issues the store keeps no date for as the output folder does
    (`issue_dates_found`): in the store when the run may `write` to it, with a note to say,
    else for this run alone (`Store.dates_found`: a command that only reads)."""
    found = issue_dates_found(config, store, out_dir)
    if not found:
        return None
    if not write:
        store.dates_found.update({n: day for n, (day, _) in found.items()})
        return None
    store.fill_issue_dates({n: day for n, (day, _) in found.items()})
    numbers = sorted(found)
    one = len(numbers) == 1
    which = f"issue {numbers[0]}" if one else f"issues {numbers_text(numbers)}"
    kinds = {Path(source).name == "feed.xml" for _, source in found.values()}
    where = (
        "feed.xml"
        if kinds == {True}
        else ("its issue-N.json" if one else "their issue-N.json files")
        + (", else feed.xml," if True in kinds else "")
    )
    dated = ", ".join(f"{n}: {found[n][0].date().isoformat()}" for n in numbers[:5])
    return (
        f"the store had no date for {which} (published by an older curator, which kept none,"
        f" so {'it' if one else 'they'} counted as dated the day {'it was' if one else 'each was'}"
        f" built): it now keeps {'its date' if one else 'their dates'} as {where} in {out_dir}"
        f" {'dates' if where == 'feed.xml' or one else 'date'} {'it' if one else 'them'}"
        f" ({dated}{', ...' if len(numbers) > 5 else ''})"
    )
