"""Placing stored articles under subjects: the scorer's model, stored assignments, an issue's candidates.

Scoring the whole archive at every build would grow with the archive; instead each article's subject
is stored with the fingerprint of the model that decided it, and only articles scored by another
model (new articles, or every article after the editor changed a subject or made a correction) are
scored again. A build then reads each subject's best unfeatured candidates from an index.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from curator.config import Config
from curator.models import Article, Assignment, Placed, Section
from curator.select import select_sections
from curator.store import Store
from curator.subjects import (
    Change,
    Explanation,
    Overlap,
    SubjectModel,
    Suggestion,
    Uncertain,
    changes,
    model_fingerprint,
    overlaps,
    suggest,
    uncertain,
)

#: The scorer learns word statistics (and its feedback) from this many of the newest articles: a few
#: thousand give stable weights, and more would make every build slower for little change.
CORPUS_SAMPLE = 3000
#: Candidates read per place in a section: spares for the variety rule and for near-copies.
CANDIDATES_PER_PLACE = 5
#: At most this many unplaced articles are grouped into suggested subjects.
SUGGEST_SAMPLE = 2000


def model_corpus(store: Store) -> list[Article]:
    """What the scorer learns from: the newest articles and every corrected one."""
    corpus = {a.id: a for a in store.recent_articles(CORPUS_SAMPLE)}
    corpus.update((a.id, a) for a in store.corrected_articles())
    return list(corpus.values())


def subject_model(config: Config, store: Store) -> SubjectModel:
    """The scorer for this config, taught by the editor's corrections."""
    return SubjectModel.build(
        config.subjects, corpus=model_corpus(store), corrections=store.corrections()
    )


def refresh(config: Config, store: Store) -> int:
    """Place every unfeatured article the current model has not placed yet; returns how many.

    When every stored assignment is current (the usual weekly case once new articles are placed),
    the model is not even built: its fingerprint comes from the subjects and corrections alone.
    """
    if store.placement_current(model_fingerprint(config.subjects, store.corrections())):
        return 0
    return refresh_assignments(store, subject_model(config, store))


def refresh_assignments(store: Store, model: SubjectModel) -> int:
    """Score every unfeatured article the current model has not placed yet; returns how many."""
    through = store.newest_article_id()
    stale = store.stale_assignments(model.fingerprint)
    rows = [
        (article.id, placed.subject, placed.score, placed.matched)
        for article, placed in zip(stale, model.assign_many(stale), strict=True)
    ]
    store.save_assignments(rows, model.fingerprint)
    store.mark_placed(model.fingerprint, through)
    return len(rows)


def choose_sections(
    config: Config,
    store: Store,
    now: datetime | None = None,
    *,
    theme: Sequence[str] = (),
) -> tuple[Section, ...]:
    """The next issue's sections: per subject, the most relevant articles never featured before;
    only the `theme`'s subjects, in its order, when one is given.

    With `settings.recency_weight` (off by default), newer articles get a boost (see `freshness`).
    """
    refresh(config, store)
    weight = config.settings.recency_weight
    candidates: list[Article] = []
    assignments: dict[str, Assignment] = {}
    by_name = {s.name: s for s in config.subjects}
    subjects = [by_name[name] for name in theme] if theme else list(config.subjects)
    for subject in subjects:
        limit = config.issue_size * CANDIDATES_PER_PLACE * (3 if weight else 1)
        for article, score, matched in store.candidates(subject.name, limit):
            if theme and score < config.themes.min_score:
                break  # a themed issue features only articles that fit its subjects well
            if weight and now is not None:
                score *= 1 + weight * freshness(article, now)
            candidates.append(article)
            assignments[article.url] = Assignment(subject.name, score, matched=matched)
    return select_sections(candidates, assignments, subjects, config.issue_size)


#: Recency's half-life: an article this many days old gets half the boost of one from today.
RECENCY_HALF_LIFE_DAYS = 90.0


def freshness(article: Article, now: datetime) -> float:
    """1 for an article from today, halving every `RECENCY_HALF_LIFE_DAYS`; 0 when undated."""
    when = article.published or article.first_seen
    if when is None:
        return 0.0
    age = max(0.0, (now - when).total_seconds() / 86400)
    return float(0.5 ** (age / RECENCY_HALF_LIFE_DAYS))


def explain_article(config: Config, store: Store, article: Article) -> Explanation:
    """Why the article lands where it does: per subject, its score and the terms that matched."""
    return subject_model(config, store).explain(article)


def suggest_subjects(config: Config, store: Store, k: int | None = None) -> Sequence[Suggestion]:
    """Proposed subjects for the articles that fit none of the editor's."""
    model = subject_model(config, store)
    refresh_assignments(store, model)
    return suggest(store.unassigned_articles(model.fingerprint, SUGGEST_SAMPLE), k=k)


def placed_articles(
    config: Config,
    store: Store,
    subject: str | None = None,
    *,
    unplaced: bool = False,
    limit: int | None = None,
) -> list[Placed]:
    """The stored articles by subject, with score and who placed them (placement made current
    first): under `subject` only, or only those under no subject with `unplaced`."""
    refresh(config, store)
    return store.placements(subject, unplaced=unplaced, limit=limit)


def uncertain_articles(config: Config, store: Store, limit: int) -> list[Uncertain]:
    """The unfeatured articles the model is least sure of, among the newest `CORPUS_SAMPLE`:
    where the editor's corrections teach the most."""
    return uncertain(
        subject_model(config, store), store.recent_unfeatured(CORPUS_SAMPLE), limit=limit
    )


def subject_overlaps(config: Config, store: Store) -> list[Overlap]:
    """The pairs of subjects the model confuses on the newest articles, most confused first."""
    corpus = model_corpus(store)
    return overlaps(
        SubjectModel.build(config.subjects, corpus=corpus, corrections=store.corrections()),
        corpus,
    )


def correction_effect(config: Config, store: Store, before: dict[str, str | None]) -> list[Change]:
    """What the corrections made since `before` (the store's corrections then) change at the
    next build, among the articles the scorer learns from (the newest `CORPUS_SAMPLE` and the
    corrected ones): each article placed differently, the corrected ones included."""
    return changes(model_corpus(store), config.subjects, before, store.corrections())
