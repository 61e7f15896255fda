"""Placing stored articles under subjects: the scorer's model fitted or read, each article's term
counts, the articles scored and their subjects stored (`refresh`, `place`).

Scoring the whole archive at every build would grow with the archive; instead each article's subject
is stored with the fingerprint of the model that decided it, and only articles scored by another
model (new articles, found above the placed-through watermark, or every article after the editor
changed a subject or made a correction) are scored again. A build then reads each subject's best
unfeatured candidates from an index.

What placing needs is kept between builds too:
- each article's term counts, counted once when it is first placed (`curator.termcounts`), so
  re-placing the archive never reads a text again;
- the fitted model (`curator.modelcache`), fitted from the newest `CORPUS_SAMPLE` articles and the
  corrected ones, and used again while its fingerprint (the scorer, the subjects, the corrections)
  is the store's and the archive has grown by less than `REFIT_SHARE` of what it learnt from;
  otherwise it is fitted again (from the stored counts) and stored.
Re-placing many articles (`BULK_MIN`) scores them in batches of `SCORE_BATCH` with numpy
(`curator.batchscore`), on worker processes, the batches streamed from the store: bounded memory
whatever the archive's size.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from curator import deps, modelcache
from curator.config import Config
from curator.editmoved import MOVED_LISTED
from curator.models import Article, Subject
from curator.ownwords import LOOKED_AT, Strays, own_keys, strays_of
from curator.ownwords import featured_strays as strays_in
from curator.rescored import NAMED, kept_published_line, rescored_line
from curator.store import Store, StoredModel
from curator.subjectedit import Edited, SubjectEdit, edited_names, subjects_blob, subjects_of
from curator.subjectfit import SCORER_VERSION, Fitted, fit
from curator.subjectrenames import (
    Say,
    respell_subjects,
    respelt_line,
    tell_former_subjects,
    tell_local_files,
    tell_stale_moves,
)
from curator.subjects import MATCHED_TERMS, SubjectModel, model_fingerprint
from curator.subjectwords import subject_phrases
from curator.termcounts import (
    Counted,
    Vocabulary,
    count,
    counts_format,
    decode,
    for_phrases,
    phrase_keys,
    prepare,
)
from curator.termvectors import Vector
from curator.workers import MAX_WORKERS, forked, give_back

#: The scorer learns word statistics (and its feedback) from this many of the newest articles: a few
#: thousand give stable weights, and more would make every build slower for little change.
CORPUS_SAMPLE = 3000
#: The stored model is fitted again once the articles stored since its fit reach this share of
#: those it learnt from (a weekly 50 new articles on a full sample of 3,000: every 6th build;
#: while a store is young, at nearly every build). Until then new articles are placed by it as it
#: is: 50 articles move the weights of 3,000 by little, and fitting costs 0.5-1 s.
REFIT_SHARE = 0.1
#: From this many articles to place (by id span), they are scored in batches with numpy on worker
#: processes; fewer are scored here one by one (no numpy import, no fork).
BULK_MIN = 5000
#: Articles (by id span) a worker scores, or counts, at a time: bounded memory per task. Counting
#: takes 500 at a time, about a second's work on two busy cores, so that a progress line comes
#: every two seconds (2,000 at a time: gaps of 6-7 s between lines, walk71 #D).
SCORE_BATCH = 5000
COUNT_BATCH = 500
#: New articles (a fetch's: not a re-place of the archive) up to this many are scored in this
#: process, not on workers forked for it: after a fetch this process has grown (126 MB after a
#: first fetch of 50,000 items, against 64 MB at its start) and each forked worker counted those
#: pages as its own (fixgu: 122 + 125 + 125 = 374 MB in all). Scoring 50,000 here took 1.2-1.8 s
#: against 1.7-2.1 s on two forked workers (exp18: the fork costs what the second core saves), and
#: a first fetch of an editor's 300 feeds stored ~104,000 (walk160). A re-place of the archive
#: (subjects or corrections changed), or more new articles than this, keeps the workers.
PLACED_HERE_MAX = 150_000
#: What a progress line says while articles are placed.
PLACING = "placing articles under subjects"

#: Told how far a long placing has got: (what, done, total).
PlaceProgress = Callable[[str, int, int], None]


def model_corpus(store: Store) -> list[Article]:
    """What the scorer learns from: the newest articles and every corrected one."""
    corpus = {a.id: a for a in store.recent_articles(CORPUS_SAMPLE)}
    corpus.update((a.id, a) for a in store.corrected_articles())
    return list(corpus.values())


def current_model(
    config: Config,
    store: Store,
    corrections: dict[str, str | None] | None = None,
    *,
    say: Say | None = None,
    vocabulary: Vocabulary | None = None,
) -> SubjectModel:
    """The model placing uses now (`say` is told when the stored one could not be used).

    The stored model is used when it was fitted for the same scorer, subjects and corrections
    and the archive has grown by less than `REFIT_SHARE` since; else the model is fitted from the
    stored counts of the newest articles (and the corrected ones) and stored. A stored model
    that cannot be read is fitted again, and said."""
    if corrections is None:
        corrections = store.corrections()
    fingerprint = model_fingerprint(config.subjects, corrections)
    stored = store.stored_model()
    tell = say or (lambda _: None)
    if stored is not None and stored.fingerprint == fingerprint:
        if stored.format != modelcache.FORMAT:
            tell(
                f"{store.path}: the stored subject model was written by another version of"
                " curator; it was fitted again from the archive"
            )
        elif store.articles_after(stored.fitted_through) < REFIT_SHARE * stored.learnt_from:
            try:
                return SubjectModel.of(_read_stored(stored, config.subjects))
            except modelcache.ModelCacheError as exc:
                tell(
                    f"{store.path}: the stored subject model could not be read ({exc}); it was"
                    " fitted again from the archive"
                )
    sample = store.sample_ids(CORPUS_SAMPLE)
    fitted = fitted_model(config, store, corrections, sample, vocabulary)
    model = SubjectModel.of(fitted)
    store.save_model(
        StoredModel(
            fingerprint,
            modelcache.FORMAT,
            max((i for i, _ in sample), default=0),
            len(sample),
            modelcache.dumps(fitted),
        ),
        now=datetime.now(UTC),
    )
    return model


#: The stored model this process read last, with what it was read for (the subjects) and as:
#: a build reads it to place the week's articles and again for the subjects' bars (`weak_bars`).
_last_read: tuple[StoredModel, list[Subject], Fitted] | None = None


def _read_stored(stored: StoredModel, subjects: Sequence[Subject]) -> Fitted:
    """`modelcache.loads` of the stored model, read once while it and the subjects stay the
    same (6 MB of JSON at 1,000,000 stored: 0.2 s each time)."""
    global _last_read
    if _last_read is not None and _last_read[0] == stored and _last_read[1] == list(subjects):
        return _last_read[2]
    fitted = modelcache.loads(stored.body, subjects)
    _last_read = (stored, list(subjects), fitted)
    return fitted


def fitted_model(
    config: Config,
    store: Store,
    corrections: Mapping[str, str | None],
    sample: Sequence[tuple[int, str]],
    vocabulary: Vocabulary | None = None,
) -> Fitted:
    """The model fitted from the stored counts of the `sample` articles, (id, URL) pairs.

    The last fit is kept with what it was fitted from: one asked again of the same subjects,
    sample, corrections and counts is not fitted again (revE: a draft after a correction fitted
    the model for placing, then the same one again for `pullednotes`, 1-2 s at 100,000)."""
    global _last_fit
    phrases = phrase_keys(subject_phrases(config.subjects))
    counts = counts_of(store, phrases, [i for i, _ in sample], vocabulary)
    asked = (
        tuple(config.subjects),
        tuple(sample),
        dict(corrections),
        [counts[i] for i, _ in sample],
    )
    if _last_fit is not None and _last_fit[0] == asked:
        return _last_fit[1]
    fitted, _ = fit(
        config.subjects,
        [Article(id=i, url=url, title="") for i, url in sample],
        corrections,
        counts=asked[3],
    )
    _last_fit = (asked, fitted)
    return fitted


#: The model `fitted_model` fitted last, with what it was fitted from (fitting is deterministic).
_last_fit: (
    tuple[
        tuple[
            tuple[Subject, ...], tuple[tuple[int, str], ...], dict[str, str | None], list[Vector]
        ],
        Fitted,
    ]
    | None
) = None


def weak_bars(config: Config, store: Store) -> dict[str, float]:
    """Each subject's cosine bar in the model placing uses now (`subjectfit.THRESHOLD`): a score
    under it is the scorer's own "weak" (no subject), which decides for a subject its word model
    does not know yet. An article placed under a subject the word model knows (its fit decides)
    can score under it: it fits the subject only weakly. Read from the stored model, fitting
    nothing (placement is not changed); {} when there is none for these subjects yet."""
    stored = store.stored_model()
    if stored is None or stored.format != modelcache.FORMAT:
        return {}
    if stored.fingerprint != model_fingerprint(config.subjects, store.corrections()):
        return {}
    try:
        model = SubjectModel.of(_read_stored(stored, config.subjects))
    except modelcache.ModelCacheError:
        return {}
    return dict(zip(model.names, model.bars, strict=True))


#: Seconds counting takes per 10,000 stored articles, about, as the line before a recount says
#: it: from a quiet machine to a busy one (33,000 articles on two cores: 25-40 s here at load 4-5,
#: 45-70 s for walk71 at load 5-7, whose "10 s" was 2.5x off); the progress lines then say the
#: time left as measured.
COUNT_SECONDS_PER_10K = (10, 30)


def new_scorer(store: Store, placed_by: str | None) -> bool:
    """Whether the stored placements were made by another version of the scorer than this
    curator's (an upgrade), given the fingerprint of the model that placed them (`placed_by`,
    None when an upgrade's migration forgot it: then an older curator's, which recorded no
    version, placed any there are)."""
    scorer = store.placed_scorer()
    if placed_by is None:
        return scorer != SCORER_VERSION and store.placed_before()
    return scorer is not None and scorer != SCORER_VERSION


def pending(config: Config, store: Store) -> str | None:
    """What `refresh` has to do, as a progress line says it, with why: place the new articles,
    or every stored one again because this curator counts words differently from the one that
    stored the counts (an upgrade: every article is counted again first), places them
    differently, or the subjects or the corrections changed (None: nothing)."""
    fingerprint = model_fingerprint(config.subjects, store.corrections())
    placed_by, through = store.placement_state()
    # (an upgrade's migration may forget how far placement got: an older curator's placements)
    forgotten = placed_by is None and store.placed_before()
    if (placed_by is not None and placed_by != fingerprint) or forgotten:
        stored_format, _ = store.term_counts_state()
        if stored_format is not None and stored_format != counts_format():
            return (
                "this curator counts words differently from the one that stored them: every"
                f" article's words ({store.article_count():,}) are counted again once, about"
                f" {COUNT_SECONDS_PER_10K[0]}-{COUNT_SECONDS_PER_10K[1]} s per 10,000 (the more"
                " other programs keep the machine busy, the longer), then every article is placed"
                " under subjects again"
            )
        if store.recount_unfinished() and not store.all_counted(0, store.newest_article_id()):
            return (
                "resuming the recount of every article's words that an earlier run left"
                " unfinished, then every article is placed under subjects again"
            )
        if new_scorer(store, placed_by):
            return (
                "this curator places articles differently from the one that placed them:"
                " placing every stored article again under subjects, once"
            )
        if forgotten:
            return "placing every stored article again under subjects (the store was upgraded)"
        return (
            "placing every stored article again under subjects"
            " (your subjects or corrections changed)"
        )
    if placed_by is None or through < store.newest_article_id():
        return "placing new articles under subjects"
    return None


def refresh(
    config: Config,
    store: Store,
    *,
    progress: PlaceProgress | None = None,
    say: Say | None = None,
    held: bool = False,
    edited: Edited | None = None,
) -> int:
    """Place every unfeatured article the current model has not placed yet (and the featured
    ones placed against the editor's word or under a subject that is no longer one); returns
    how many. `say` is told of moves to subjects feeds.yaml no longer has, of a stored model
    that could not be used, and of articles at local files' addresses (`tell_local_files`; with
    `held`, the caller records that notice told when its run gets to say it). After an edit of
    the subjects, what placing every article again changed goes to `edited` (else, said, to
    `say`: walk182 #7).

    When every stored assignment is current (the usual weekly case once new articles are placed),
    the model is not even read: its fingerprint comes from the subjects and corrections alone.
    """
    for old, new, placed, moves in respell_subjects(config, store):
        if say is not None:  # (said once: the store holds the new spelling from now on)
            say(respelt_line(old, new, placed, moves, config.path))
    corrections = store.corrections()
    # What issues published under a subject renamed since keeps its issue's subject by the new
    # name (a rename a build took on its own, or one an older curator recorded).
    store.keep_renamed_published([s.name for s in config.subjects])
    tell_local_files(store, say, held=held)
    fingerprint = model_fingerprint(config.subjects, corrections)
    placed_by, through = store.placement_state()
    former = (
        store.published_under_former([s.name for s in config.subjects])
        if say is not None and placed_by != fingerprint
        else {}
    )
    newest = store.newest_article_id()
    blob, placed_under = subjects_blob(config.subjects), store.placed_subjects()
    if placed_by == fingerprint and through >= newest:
        # (not recorded by a curator from before it was kept: recorded now, unless only read)
        if placed_under != blob and not store.reading:
            store.set_placed_subjects(blob)
        _keep_older_issues_subjects(config, store, corrections, say)
        tell_stale_moves(config, store, say)
        return 0
    told = say
    telling = edited or (None if told is None else lambda e: told(e.text()))
    edit = placed_under is not None and placed_under != blob and placed_by is not None
    # (walk187 #7: after an upgrade two articles changed subject, said as "placing new articles")
    rescoring = (
        say is not None
        and placed_by != fingerprint
        and not (edit and telling)
        and new_scorer(store, placed_by)
    )
    if (edit and telling) or rescoring:
        store.keep_placements()
    vocabulary = Vocabulary(store)
    after = through if placed_by == fingerprint else 0
    if newest - after >= BULK_MIN:
        # Counted first, on workers and said as it goes: fitting the model below reads the
        # newest articles' counts, and counted them here, one by one and silently, when none
        # were stored (a new curator counting differently: walk62 #1).
        phrases = phrase_keys(subject_phrases(config.subjects))
        _count_archive(store, phrases, after, newest, progress)
        if progress:  # (fitting the model comes first: said before it, not after)
            progress(PLACING, 0, len(range(after, newest, SCORE_BATCH)))
    model = current_model(config, store, corrections, say=say, vocabulary=vocabulary)
    no_numpy = deps.numeric_missing()
    if no_numpy is not None and say is not None:
        say(no_numpy)
    placed = place(
        store,
        model,
        after=after,
        through=newest,
        progress=progress,
        vocabulary=vocabulary,
        numeric=no_numpy is None,
        here=placed_by in (None, fingerprint) and newest - after <= PLACED_HERE_MAX,
    )
    store.mark_placed(fingerprint, newest, SCORER_VERSION)
    store.set_placed_subjects(blob)
    if rescoring and say is not None:
        count, changed = store.changed_since_kept(NAMED)
        if count:
            say(rescored_line(count, changed))
    _keep_older_issues_subjects(config, store, corrections, say, model)
    if say is not None and former:  # (after placing: where they went is said)
        tell_former_subjects(config, store, say, former)
    # (after placing: where the articles moved to a subject gone went is said, walk153 #7)
    tell_stale_moves(config, store, say)
    if edit and telling and placed_under is not None:
        moved = store.moved_since_kept(MOVED_LISTED)  # (walk194 #4: named, as a move's)
        flows, published = store.placements_changed()
        kept, moves = store.moves_kept()
        names = edited_names(placed_under, config.subjects)
        edited_from = subjects_of(placed_under)
        # (placed under the old subjects with other corrections than the store's now)
        also = edited_from is None or model_fingerprint(edited_from, corrections) != placed_by
        strays = edit_strays(config, store, [a for _, a, _ in flows if a in names])
        telling(
            SubjectEdit(
                names, tuple(flows), published, kept, moves, also, strays, moved=tuple(moved)
            )
        )
    return placed


def edit_strays(config: Config, store: Store, names: Sequence[str | None]) -> tuple[Strays, ...]:
    """Of the subjects `names` (those a subject edit gave articles), those most of whose articles
    use none of their own words, or whose best keyword is in few of them (walk194 #1, #2)."""
    phrases = phrase_keys(subject_phrases(config.subjects))
    moved = store.corrections()
    out = []
    for subject in config.subjects:
        if subject.name not in names:
            continue
        found = _placed_strays(store, subject, phrases, moved)
        if found.said:
            out.append(found)
    return tuple(out)


def _placed_strays(
    store: Store,
    subject: Subject,
    phrases: set[str],
    moved: Collection[str],
    counts: Callable[[Sequence[int]], dict[int, Vector]] | None = None,
) -> Strays:
    """`Strays` of the articles placed under `subject` (the best `LOOKED_AT`), as the subject
    edit's report judges them; their counts read by `counts` (`counts_of` when None)."""
    rows = store.placed_matched(subject.name, LOOKED_AT)
    ids = [a.id for a, _ in rows if a.id is not None]
    found = counts(ids) if counts is not None else counts_of(store, phrases, ids)
    return strays_of(subject, rows, found, moved)


def candidate_strays(
    config: Config, store: Store, subject: Subject, min_score: float, exclude: Collection[int]
) -> Strays:
    """Of the unfeatured articles placed under `subject` (scoring `min_score` or more, not those
    of `exclude` nor those the editor moved there), those using none of its own words
    (`ownwords`; walk194 #1: a subject of nine off-field stories was the ripest), read light."""
    rows = store.candidates_from(subject.name, min_score)[:LOOKED_AT]
    moved = store.corrections()
    light = [
        (Article(id=r[0], url=r[2], title=""), ())
        for r in rows
        if r[0] not in exclude and r[2] not in moved
    ]
    if not light:
        return Strays(subject.name, 0, ())
    phrases = phrase_keys(subject_phrases(config.subjects))
    counts = counts_of(store, phrases, [a.id for a, _ in light if a.id is not None])
    return strays_of(subject, light, counts, moved)


def featured_strays(
    config: Config, store: Store, entries: Sequence[tuple[Article, str]]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Of an issue's `entries` (article, its section's subject), those using none of the
    subject's own words, by URL: their subject and the own words they use; under a subject the
    subject edit's report would say (`Strays.said`, judged as it does), those using one of its
    words only too (`ownwords.featured_strays`; walk196).

    Of each article only the counts of the featured subjects' own words are read (`key_counts`;
    fixlo #2: naming every term of every article of every featured subject was most of a
    draft's check, benchmarks/draft_strays.py), the store's terms once for every subject, and
    the featured articles' counts once, with their subject's articles."""
    phrases = phrase_keys(subject_phrases(config.subjects))
    moved = store.corrections()
    featured = {name for _, name in entries}
    subjects = [s for s in config.subjects if s.name in featured]
    keys = frozenset().union(*(own_keys(s) for s in subjects))
    wanted = {a.id for a, _ in entries if a.id is not None}
    vocabulary = Vocabulary(store)
    kept: dict[int, Vector] = {}

    def own_counts(ids: Sequence[int]) -> dict[int, Vector]:
        counts = key_counts(store, phrases, ids, keys, vocabulary)
        kept.update((i, c) for i, c in counts.items() if i in wanted)
        return counts

    off = [s.name for s in subjects if _placed_strays(store, s, phrases, moved, own_counts).said]

    def featured_counts(ids: Sequence[int]) -> dict[int, Vector]:
        rest = [i for i in ids if i not in kept]
        found = key_counts(store, phrases, rest, keys, vocabulary) if rest else {}
        return {i: c for i in ids if (c := kept.get(i, found.get(i))) is not None}

    return strays_in(config.subjects, entries, featured_counts, moved, off)


def _keep_older_issues_subjects(
    config: Config,
    store: Store,
    corrections: dict[str, str | None],
    say: Say | None,
    model: SubjectModel | None = None,
) -> None:
    """Place under its issue's subject each article an issue published under another subject
    than it is stored under, which an older curator's build left so (`Store.published_elsewhere`;
    walk161 #4: `subjects list` listed it under the subject it scored best, `explain` and the
    issue under the issue's), with its score there, as today's builds do as they record an issue
    (`keep_published_subjects`); said once, as the store keeps it from then on."""
    found = store.published_elsewhere([s.name for s in config.subjects])
    if not found:
        return
    if model is None:
        model = current_model(config, store, corrections, say=say)
    named = []
    for article_id, subject in found:
        article = store.article_by_id(article_id)
        if article is not None:
            place_under(store, model, article, subject)
            issues = store.issues_featuring(article_id)
            named.append((article.title or article.url, issues[0] if issues else None, subject))
    if say is not None and named:  # (walk187 #7: which article, said)
        say(kept_published_line(named))


def place(
    store: Store,
    model: SubjectModel,
    *,
    after: int,
    through: int,
    progress: PlaceProgress | None = None,
    vocabulary: Vocabulary | None = None,
    numeric: bool = True,
    here: bool = False,
) -> int:
    """Score the unfeatured articles with ids in (after, through] that `model` has not placed,
    and store where each goes; returns how many. Without numpy (`numeric` False) many are placed
    one by one, a window at a time: the same subjects, slower. `here`: many are scored with numpy
    in this process, not on forked workers (a fetch's new articles, `PLACED_HERE_MAX`)."""
    if through - after < BULK_MIN:
        stale = store.stale_ids(model.fingerprint, after, through, _names(model))
        return _place_ids(store, model, stale, vocabulary)
    phrases = phrase_keys(model.phrases)
    _count_archive(store, phrases, after, through, progress)
    if not numeric:
        windows = [
            (lo, min(lo + SCORE_BATCH, through)) for lo in range(after, through, SCORE_BATCH)
        ]
        placed = 0
        if progress:
            progress(PLACING, 0, len(windows))
        for n, (lo, hi) in enumerate(windows, 1):
            stale = store.stale_ids(model.fingerprint, lo, hi, _names(model))
            placed += _place_ids(store, model, stale, vocabulary)
            if progress:
                progress(PLACING, n, len(windows))
        return placed
    return _score_archive(store, model, after, through, progress, here=here)


def _names(model: SubjectModel) -> tuple[str, ...]:
    return tuple(s.name for s in model.subjects)


def _place_ids(
    store: Store, model: SubjectModel, ids: Sequence[int], vocabulary: Vocabulary | None = None
) -> int:
    """Place the articles `ids` here, one by one, from their stored counts."""
    counts = counts_of(store, phrase_keys(model.phrases), ids, vocabulary)
    urls = dict(store.urls_of(ids))
    placing = with_words(model, store)
    rows = []
    for i in ids:
        a = placing.assign_counts(urls[i], counts[i])
        rows.append((i, a.subject, a.score, a.matched))
    store.save_assignments(rows, model.fingerprint)
    return len(rows)


def with_words(model: SubjectModel, store: Store) -> SubjectModel:
    """`model`, its matched terms shown as the store's words (the shortest word any stored
    article used for a stem) where the subjects' own words do not say: the same words whichever
    process places an article, whatever it read before."""
    stems = {p for t in model.columns for p in t.split(" ")} - model.surface.keys()
    words = {t: w for t, (_, w) in store.term_rows(stems).items()}
    return replace(model, surface={**words, **model.surface})


# --- counting ---------------------------------------------------------------------------------------


def counts_of(
    store: Store, phrases: set[str], ids: Sequence[int], vocabulary: Vocabulary | None = None
) -> dict[int, Vector]:
    """The term counts of the articles `ids` as a model with `phrases` counts them: read from
    the store, or counted now (and stored) for those not counted yet or whose stored counts are
    damaged."""
    vocabulary = vocabulary or Vocabulary(store)
    counted = _count_missing(store, phrases, ids, vocabulary)
    found, damaged = vocabulary.counts(store.term_count_blobs(ids))
    if damaged:
        vocabulary.save(count(store.articles_by_ids(damaged), counted))
        found.update(vocabulary.counts(store.term_count_blobs(damaged))[0])
    return {i: for_phrases(c, phrases) for i, c in found.items()}


def _count_missing(
    store: Store, phrases: set[str], ids: Sequence[int], vocabulary: Vocabulary
) -> list[str]:
    """Count (and store) those of the articles `ids` not counted yet; the phrases counted."""
    counted = prepare(store, phrases, vocabulary)
    missing = store.uncounted(list(ids))
    for start in range(0, len(missing), COUNT_BATCH):
        chunk = store.articles_by_ids(missing[start : start + COUNT_BATCH])
        vocabulary.save(count(chunk, counted))
    return counted


#: Stands, in `key_counts`, for the terms of an article's counts that were not asked for.
OTHER_TERMS = ""


def key_counts(
    store: Store,
    phrases: set[str],
    ids: Sequence[int],
    keys: Collection[str],
    vocabulary: Vocabulary | None = None,
) -> dict[int, Vector]:
    """As `counts_of`, each article's counts of the terms `keys` only (`OTHER_TERMS` for the
    rest: an article counted is never {}, as with `counts_of`): what a stray check reads of
    them, without naming every term of every article (fixlo #2: most of the check's time)."""
    vocabulary = vocabulary or Vocabulary(store)
    _count_missing(store, phrases, ids, vocabulary)
    keys = {k for k in keys if " " not in k or k in phrases}  # (as `for_phrases` keeps them)
    wanted = {term_id: term for term, (term_id, _) in store.term_rows(keys).items()}
    last = store.max_term_id()
    out: dict[int, Vector] = {}
    damaged: list[int] = []
    for i, blob in store.term_count_blobs(ids).items():
        try:
            pairs = decode(blob)
        except ValueError:
            damaged.append(i)
            continue
        if pairs and pairs[-1][0] > last:  # (a term the store lacks: sorted by id)
            damaged.append(i)
            continue
        found = {wanted[t]: c for t, c in pairs if t in wanted}
        out[i] = found or ({OTHER_TERMS: 1.0} if pairs else {})
    for i, c in counts_of(store, phrases, damaged, vocabulary).items() if damaged else ():
        out[i] = {t: x for t, x in c.items() if t in keys} or ({OTHER_TERMS: 1.0} if c else {})
    return out


def _count_archive(
    store: Store, phrases: set[str], after: int, through: int, progress: PlaceProgress | None
) -> None:
    """Count every article in (after, through] not counted yet (a store from before counts were
    kept), on worker processes: once, and said as it goes."""
    vocabulary = Vocabulary(store)
    stored_format, _ = store.term_counts_state()
    counted = prepare(store, phrases, vocabulary)  # (forgets counts of another format)
    if store.all_counted(after, through):
        if after == 0:
            store.recount_finished()
        return
    what = "counting the words of stored articles"
    if stored_format is not None and stored_format != counts_format():
        what += " again (this curator counts them differently from the one that stored them)"
    elif store.recount_unfinished():
        what += " again, resuming where an earlier run stopped"
    windows = [(lo, min(lo + COUNT_BATCH, through)) for lo in range(after, through, COUNT_BATCH)]
    # Only the windows not counted yet: those an earlier run counted before it was cut short
    # (a Ctrl-C) are counted as done from the start, and the time left is measured from the
    # batches counted here (walk101 #1: "125 of 200 batches done, about 1 s left", 48 s early).
    todo = [(lo, hi) for lo, hi in windows if not store.all_counted(lo, hi)]
    tasks = [(store.worker_path, lo, hi, counted) for lo, hi in todo]
    already = len(windows) - len(todo)
    if progress:
        progress(what, already, len(windows))
    for done, found in enumerate(_in_workers(count_window, tasks), already + 1):
        vocabulary.save(found)
        if progress:
            progress(what, done, len(windows))
    if after == 0:
        store.recount_finished()


def count_window(path: Path, after: int, through: int, phrases: Sequence[str]) -> list[Counted]:
    """In a worker: count the articles in (after, through] that have no stored counts."""
    with Store.reader(path) as store:
        ids = store.uncounted_after(after, through, through - after)
        return count(store.articles_by_ids(ids), phrases)


def _score_archive(
    store: Store,
    model: SubjectModel,
    after: int,
    through: int,
    progress: PlaceProgress | None,
    *,
    here: bool = False,
) -> int:
    """Score the unplaced articles in (after, through] in batches, with numpy, on worker
    processes (in this process with `here`); store each batch as it comes back."""
    deps.numeric()  # a broken installation is named here, before any work
    from curator import batchscore

    _, counted = store.term_counts_state()
    prepared = batchscore.prepare(with_words(model, store), store, counted)
    windows = [(lo, min(lo + SCORE_BATCH, through)) for lo in range(after, through, SCORE_BATCH)]
    placed = 0
    damaged: list[int] = []
    tasks = [(store.worker_path, lo, hi) for lo, hi in windows]
    if progress:
        progress(PLACING, 0, len(windows))
    with store.placing_everything():
        for n, (rows, bad) in enumerate(
            _in_workers(batchscore.place_window, tasks, batchscore.install, (prepared,), here=here),
            1,
        ):
            store.save_scored(rows, model.fingerprint)
            placed += len(rows)
            damaged += bad
            if progress:
                progress(PLACING, n, len(windows))
    # Articles whose stored counts were damaged: counted again, and placed here.
    return placed + _place_ids(store, model, damaged) if damaged else placed


def _in_workers(
    fn: Callable[..., Any],
    tasks: Sequence[tuple[Any, ...]],
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    *,
    here: bool = False,
) -> Iterator[Any]:
    """`fn(*task)` for each task, in order, on forked worker processes (at most two tasks each in
    flight, so memory stays bounded), or here when there are none, the pool broke or `here`."""
    if here:
        give_back()  # (what a fetch freed goes back to the system first, as before a fork)
    with nullcontext(None) if here else forked(initializer, initargs) as pool:
        pending: deque[tuple[tuple[Any, ...], Future[Any]]] = deque()
        queue = deque(tasks)
        while pool is not None and (queue or pending):
            while queue and len(pending) < 2 * _workers():
                task = queue.popleft()
                pending.append((task, pool.submit(fn, *task)))
            task, future = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:  # a worker died (killed for memory, say): go on here
                queue.extendleft(reversed([task] + [t for t, _ in pending]))
                pending.clear()
                pool = None
        if initializer is not None and queue:
            initializer(*initargs)
        for task in queue:
            yield fn(*task)


def _workers() -> int:
    return min(os.cpu_count() or 1, MAX_WORKERS)


def place_under(store: Store, model: SubjectModel, article: Article, subject: str) -> str | None:
    """Store `article` under `subject` with its score there; returns where `model` puts it."""
    explained = model.explain(article, top_terms=MATCHED_TERMS)
    there = next(s for s in explained.scores if s.subject == subject)
    matched = [t.term for t in there.terms]
    store.keep_subject(article.id, subject, there.score, matched, model.fingerprint)
    return explained.subject
