"""The note of a feed's new articles written in scripts no subject's words use (an English
newsletter given an Arabic feed): the scripts the subjects' words and moves can match
(`subjects_scripts`), each feed's new articles in other scripts (`other_script`), and the note
made again from the articles placing left under no subject (`after_placing`).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection, Iterable

from curator.config import Config
from curator.harvest_feedreport import FeedReport
from curator.harvest_report import FetchSummary
from curator.store import Store
from curator.textfeatures import matched_scripts


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
