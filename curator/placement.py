"""Placing stored articles under subjects: the scorer's model, stored assignments, an issue's candidates.

This module chooses an issue's articles from the candidates (`choose_sections`). The parts it
builds on live in their own modules, and every name they define is importable from here too:

- `placing`: the model fitted or read (`current_model`), each article's term counts, the articles
  scored, here or in batches on the workers, and their subjects stored (`refresh`, `place`). Its
  docstring tells what is kept between builds. `BULK_MIN`, `SCORE_BATCH`, `COUNT_BATCH` and
  `PLACED_HERE_MAX` are read there: a test that changes them patches `curator.placing`.
- `candidates`: a subject's candidates read from the store, credited to their feed's name now,
  weighed by freshness and compared with the stories the last issues told.
- `subjectrenames`: what a build says when subjects changed under stored moves (renamed,
  respelt, gone) and of articles read from local files.
- `subjectplaces`: where articles are placed, as the `subjects` commands and a build's warnings
  read it.
- `whyplaced`: why an article is placed where it is (`explain_article`), and what a build left
  out (`left_out`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Sequence
from datetime import datetime

from curator.candidates import (
    CANDIDATES_PER_PLACE,
    RECENCY_HALF_LIFE_DAYS,
    Untold,
    feed_names,
    freshness,
    light_rows,
    placed_again,
    story_boilerplate,
    told_check,
    told_copies,
    untold_best,
)
from curator.candidates import Read as _Read
from curator.candidates import as_printed as _as_printed
from curator.candidates import with_recorded as _with_recorded
from curator.config import Config
from curator.models import Article, Assignment, Section
from curator.placing import (
    BULK_MIN,
    CORPUS_SAMPLE,
    COUNT_BATCH,
    COUNT_SECONDS_PER_10K,
    PLACED_HERE_MAX,
    PLACING,
    REFIT_SHARE,
    SCORE_BATCH,
    PlaceProgress,
    candidate_strays,
    count_window,
    current_model,
    featured_strays,
    model_corpus,
    pending,
    place,
    refresh,
    weak_bars,
)
from curator.select import Memo, last_place, select_sections
from curator.store import RETOLD_ISSUES, Store
from curator.subjectplaces import (
    CLOSE_SHARE,
    SUGGEST_SAMPLE,
    KeptSubject,
    correction_effect,
    keep_published_subjects,
    keyword_homes,
    like_excluded,
    one_per_story,
    one_word_fits,
    placed_articles,
    placed_now,
    rescore_published,
    subject_overlaps,
    suggest_subjects,
    uncertain_articles,
)
from curator.subjectrenames import (
    LOCAL_FILES_NAMED,
    NAME_LETTERS_ALIKE,
    NAME_WORDS_ALIKE,
    RENAME_CANDIDATES,
    Say,
    how_chosen,
    last_plan,
    plan_rename,
    renamed_to,
    respell_subjects,
    respelt_line,
    stale_moves,
    stale_moves_advice,
    tell_former_subjects,
    tell_local_files,
    tell_stale_moves,
)
from curator.subjects import SubjectModel
from curator.whyplaced import LeftOut, explain_article, left_out, other_language_note, placed_fetch

#: A candidate is compared, story by story, with what this many recent issues published: a
#: syndicated copy or a press release's rewrite turns up within weeks of its story, and the
#: whole archive would be read and compared on every build for the rare later one (walk53 #1).
#: (`curator.store`'s: a copy found is recorded, and skipped while its story's issue is one of them)
#: Choosing an issue's articles says what it does once it has been at it this long, and again
#: each time as long after (README: progress within about 2 s).
CHOOSING_QUIET = 2.0


def choose_sections(
    config: Config,
    store: Store,
    now: datetime | None = None,
    *,
    theme: Sequence[str] = (),
    record: list[tuple[int, int, int, str]] | None = None,
    progress: Callable[[str], None] | None = None,
    tell: Say | None = None,
    avoid: Collection[int] = (),
    _model: list[SubjectModel] | None = None,
) -> tuple[Section, ...]:
    """The next issue's sections: per subject, the most relevant articles never featured before;
    only the `theme`'s subjects, in its order, when one is given. A subject whose every
    candidate told a story a recent issue published comes without entries, with its `retold`.

    With `settings.recency_weight` (off by default), newer articles get a boost (see `freshness`).
    With `record`, the candidates found to tell a story one of the
    last `RETOLD_ISSUES` issues published are added to it, as `Store.record_retold` takes them,
    for the build to record once it said them (with the issue it publishes; a draft's, with the
    issue `build --draft` publishes from it): later runs skip
    them, and list them among the `retold` without saying them again (`Retold.recorded`).
    `progress` is told what it does when that takes more than `CHOOSING_QUIET` seconds.

    The articles of `avoid` (by id) are not chosen (`gatedchoice`: a readable article before one
    whose link leads to a sign-in page).

    The articles chosen are placed again with the current model (`placed_again`): one placed
    by an earlier fit that curator would now place under no subject, or another, is stored
    there and the issue chosen again, and `tell` is told (walk108 #2).
    """
    started = time.monotonic()
    # (when a line was last said: none until choosing has taken `CHOOSING_QUIET` seconds)
    said_at: list[float] = []

    def say(line: str, *, first: bool = False) -> None:
        now = time.monotonic()
        if progress is None or now - started < CHOOSING_QUIET:
            return
        if first or (said_at and now - said_at[-1] >= CHOOSING_QUIET):
            said_at.append(now)
            progress(line)

    refresh(config, store)
    weight = config.settings.recency_weight
    named = feed_names(config, store)
    by_name = {s.name: s for s in config.subjects}
    # (one section per subject, a theme naming one twice or not: walk111 #1)
    subjects = [by_name[name] for name in dict.fromkeys(theme)] if theme else list(config.subjects)
    boilerplate = story_boilerplate(store)

    def boosted(article: Article, score: float) -> float:
        return score * (1 + weight * freshness(article, now)) if weight and now else score

    size = config.issue_size
    limit = size * CANDIDATES_PER_PLACE * (3 if weight else 1)
    reads = {s.name: _Read(store, s.name, limit) for s in subjects}
    light = light_rows(named, boosted if weight and now else None)
    published = store.recent_published(RETOLD_ISSUES)
    prints = Memo()  # (each article's fingerprint, and each pair's comparison, made once)
    issues = len({n for n, _ in published if n})  # (0: featured before curator)
    told: dict[int, tuple[int, int, str]] = {}
    # (said once choosing has taken `CHOOSING_QUIET` s, from a timer: one round can take long)
    start_line = (
        f"choosing articles for {len(subjects)} subject(s): each one's best candidates,"
        f" compared with the {len(published):,} articles the last {issues} issue(s) published"
    )
    timer = threading.Timer(CHOOSING_QUIET, say, (start_line,), {"first": True})
    timer.daemon = True
    if progress is not None:
        timer.start()
    try:
        while True:
            have = sum(len(r.found) for r in reads.values())
            say(
                f"choosing articles: {have:,} candidates read, {len(told):,} of them left out as"
                " stories published before; reading more"
            )
            candidates: list[Article] = []
            assignments: dict[str, Assignment] = {}
            for subject in subjects:
                for article, score, matched in reads[subject.name].found:
                    if theme and score < config.themes.min_score:
                        continue  # a themed issue features only articles that fit its subjects well
                    if article.id in avoid:
                        continue
                    candidates.append(named(article))
                    assignments[article.url] = Assignment(
                        subject.name, boosted(article, score), matched=matched
                    )
            dropped: dict[str, set[int]] = {}
            told = {}
            sections = select_sections(
                candidates,
                assignments,
                subjects,
                size,
                boilerplate,
                published,
                dropped,
                prints,
                told,
            )
            chosen = {s.subject: s.entries for s in sections}
            more = False
            for subject in subjects:
                read = reads[subject.name]
                entries = chosen.get(subject.name, ())
                if read.complete:
                    continue
                if len(entries) < size:  # (copies and stories told before took the places read)
                    if not (theme and read.found[-1][1] < config.themes.min_score):
                        read.deepen(store, subject.name)
                        more = True
                    continue
                # An unread article under the last place's score (boosted at most 1 + weight)
                # never wins a place (see `_Read`).
                floor = last_place(entries) / (1 + weight)
                if theme:
                    floor = max(floor, config.themes.min_score)
                drops = dropped.get(subject.name, set())
                if not read.covers(floor, drops, size):
                    read.extend(store, subject.name, floor, drops, size, light)
                    more = True
            if not more:
                break
    finally:
        timer.cancel()
    _model = [] if _model is None else _model
    if placed_again(config, store, sections, _model, tell):
        # (each article is placed again at most once: the model does not change in a run)
        return choose_sections(
            config,
            store,
            now,
            theme=theme,
            record=record,
            progress=progress,
            tell=tell,
            avoid=avoid,
            _model=_model,
        )
    # Copies found of stories the last issues told: recorded, so no later run reads them again
    # (walk81 #1: each build read and compared every copy of every story told, deeper each week);
    # the draft still lists those recorded, each once, for the editor to feature one all the same.
    # Recorded by the caller, with what says them (walk85 B: a build stopped by an edited draft
    # recorded 518 copies no run ever named).
    if record is not None:
        record.extend((i, n, e, why) for i, (n, e, why) in told.items())
    if progress is not None and said_at:  # (said what it did: says it is done)
        picked = sum(len(s.entries) for s in sections)
        recorded = (
            " (recorded when the issue is published: later builds skip them)"
            if record is not None and told
            else ""
        )
        progress(
            f"chose {picked} article(s) in {time.monotonic() - started:.0f} s; {len(told):,}"
            f" left out as stories published before{recorded}"
        )
    return _as_printed(store, _with_recorded(store, sections, subjects, size, set(told)))


__all__ = [
    "BULK_MIN",
    "CANDIDATES_PER_PLACE",
    "CHOOSING_QUIET",
    "CLOSE_SHARE",
    "CORPUS_SAMPLE",
    "COUNT_BATCH",
    "COUNT_SECONDS_PER_10K",
    "KeptSubject",
    "LOCAL_FILES_NAMED",
    "LeftOut",
    "NAME_LETTERS_ALIKE",
    "NAME_WORDS_ALIKE",
    "PLACED_HERE_MAX",
    "PLACING",
    "PlaceProgress",
    "RECENCY_HALF_LIFE_DAYS",
    "REFIT_SHARE",
    "RENAME_CANDIDATES",
    "SCORE_BATCH",
    "SUGGEST_SAMPLE",
    "Say",
    "Untold",
    "choose_sections",
    "correction_effect",
    "count_window",
    "candidate_strays",
    "current_model",
    "featured_strays",
    "explain_article",
    "feed_names",
    "freshness",
    "how_chosen",
    "keep_published_subjects",
    "keyword_homes",
    "last_plan",
    "left_out",
    "light_rows",
    "like_excluded",
    "model_corpus",
    "one_per_story",
    "one_word_fits",
    "other_language_note",
    "pending",
    "place",
    "placed_again",
    "placed_articles",
    "placed_fetch",
    "placed_now",
    "plan_rename",
    "refresh",
    "renamed_to",
    "rescore_published",
    "respell_subjects",
    "respelt_line",
    "stale_moves",
    "stale_moves_advice",
    "story_boilerplate",
    "subject_overlaps",
    "suggest_subjects",
    "tell_former_subjects",
    "tell_local_files",
    "tell_stale_moves",
    "told_check",
    "told_copies",
    "uncertain_articles",
    "untold_best",
    "weak_bars",
]
