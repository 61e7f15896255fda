"""Subjects: score articles against the editor's subjects and place each under its best one (pure).

How the scorer learns is in `curator.subjectfit`; in short, each article becomes a TF-IDF vector
of Porter-stemmed content words (title and lead weighted up), each subject a vector from its name,
description and keywords grown by pseudo-relevance feedback over the archive, and a naive Bayes
word model trained by self-training over the archive (and the editor's corrections) votes in every
score. An article goes to the subject with the highest score (cosine, plus a pull towards the
nearest example the editor gave, times the word model's vote), unless its words are not typical
enough of that subject against the archive as a whole (its fit bar, at most `FIT_BAR_MAX`), or it
scores under the floor (`SCORE_FLOOR`; a subject the word model knows too little of has its own
cosine bar instead, at least `THRESHOLD`): then it goes to no subject. A moved article is pinned to
the editor's subject, an excluded one to none.

`SubjectModel.build(...)` learns once (from subjects, corrections and a corpus); then
`model.assign_one(article)` is a pure function of the model and the article (a tokenisation and
some dictionary look-ups), so an app can store each article's assignment and re-score
only when `model.fingerprint` changes.

For the editor: `explain` says why an article landed where it did, `uncertain` lists the articles
the model is least sure of (where a correction teaches most), and `overlaps` says which subjects
the model confuses and which words would tell them apart.

The code lives in parts, each imported back here so that callers import from `curator.subjects`:
`curator.subjects_model` (`SubjectModel`, `assign`, `judge_all`, `explain`),
`curator.subjects_explain` (`Judgement`, `Explanation`), `curator.subjects_notes` (the one-word
and like-excluded notes) and `curator.subjects_doubts` (`uncertain`, `overlaps`); what a
correction moves (`changes`) is here. A test or benchmark that patches a name patches it where
the code reading it lives (`benchmarks/overlap_words.py` patches `curator.subjects_doubts`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from curator.correction_why import Why, corrected_urls, why_changed
from curator.models import Article, Subject
from curator.subjectfit import THRESHOLD
from curator.subjects_doubts import (
    CHANCE_MIN,
    CHANCE_SHARE,
    NEAR_FIT,
    NEAR_MARGIN,
    OVERLAP_WORDS,
    SIGNATURE_WORDS,
    TELLING_RATIO,
    TELLING_USERS,
    WORDS_ALIKE,
    Overlap,
    Uncertain,
    near_bar,
    overlaps,
    shared_keywords,
    shared_keywords_text,
    signature_words,
    thread_of,
    uncertain,
)
from curator.subjects_explain import (
    Decision,
    Explanation,
    Judgement,
    SubjectScore,
    TermScore,
    Uncorrected,
    stored_elsewhere,
    told_apart,
)
from curator.subjects_model import (
    MATCHED_TERMS,
    SubjectModel,
    assign,
    explain,
    judge_all,
    model_fingerprint,
)
from curator.subjects_notes import (
    LIKE_EXCLUDED_FLOOR,
    ONE_WORD_BELOW,
    ONE_WORD_SHARE,
    KeywordsOnly,
    LikeExcluded,
    OneWord,
    cosine,
    like_excluded_of,
)
from curator.suggest import Suggestion, suggest
from curator.wordmodel import FIT_BAR

__all__ = [
    "FIT_BAR",
    "THRESHOLD",
    "Change",
    "Explanation",
    "OneWord",
    "Overlap",
    "SubjectModel",
    "SubjectScore",
    "Suggestion",
    "TermScore",
    "Uncertain",
    "assign",
    "changes",
    "explain",
    "model_fingerprint",
    "overlaps",
    "shared_keywords",
    "shared_keywords_text",
    "suggest",
    "told_apart",
    "uncertain",
    "CHANCE_MIN",
    "CHANCE_SHARE",
    "Decision",
    "Judgement",
    "LIKE_EXCLUDED_FLOOR",
    "KeywordsOnly",
    "LikeExcluded",
    "MATCHED_TERMS",
    "NEAR_FIT",
    "NEAR_MARGIN",
    "ONE_WORD_BELOW",
    "ONE_WORD_SHARE",
    "OVERLAP_WORDS",
    "SIGNATURE_WORDS",
    "TELLING_RATIO",
    "TELLING_USERS",
    "Uncorrected",
    "WORDS_ALIKE",
    "cosine",
    "judge_all",
    "like_excluded_of",
    "near_bar",
    "signature_words",
    "stored_elsewhere",
    "thread_of",
]


@dataclass(frozen=True)
class Change:
    """An article a correction moves: where it was placed before, and where after."""

    url: str
    title: str
    before: str | None
    after: str | None
    #: True when the correction alone would not move it: it was stored by an earlier fit of the
    #: model, and moves because every stored article is placed again by the current one.
    refit: bool = False
    #: Why the correction moved it (None: not worked out, as for a `refit` one): like the
    #: corrected article, or a borderline one the reweighed words moved (walk182 #2).
    why: Why | None = None

    @property
    def like(self) -> bool:
        """It follows the correction, being like the corrected article (unknown: said so)."""
        return self.why is None or self.why.like

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "title": self.title,
            "before": self.before,
            "after": self.after,
            "refit": self.refit,
            "like_corrected": None if self.why is None else self.why.like,
            "likeness": None if self.why is None else round(self.why.likeness, 3),
            "was": None if self.why is None else self.why.was,
            "now": None if self.why is None else self.why.now,
        }


def changes(
    articles: Sequence[Article],
    subjects: Sequence[Subject],
    before: Mapping[str, str | None],
    after: Mapping[str, str | None],
    stored: Mapping[str, str | None] | None = None,
) -> list[Change]:
    """The articles placed differently under corrections `after` than under `before` (each
    model learnt from `articles`), in the order of `articles`.

    With `stored` (URL -> the subject the archive has the article under now, as `subjects list`
    shows it), each article whose stored subject differs from where it goes under `after`, from
    the stored subject: an older fit of the model may have placed it, and every stored article
    is placed again once the corrections change (walk47 new 1: a move named 39 others while 150
    changed). Those the corrections alone would not move are marked `refit`; the others say why
    they moved (`Change.why`: like a corrected article, or borderline)."""
    old_model, old_judged = judge_all(articles, subjects, before)
    new_model, new_judged = judge_all(articles, subjects, after)
    old = {j.url: j.subject for j in old_judged}
    new = {j.url: j.subject for j in new_judged}
    touched = corrected_urls(before, after)
    corrected = [a for a in articles if a.url in touched]
    out = []
    for a in articles:
        was, now = old[a.url], new[a.url]
        shown = stored.get(a.url, was) if stored is not None else was
        if shown == now:
            continue
        why = None
        if was != now and a.url not in touched:
            why = why_changed(a, corrected, old_model, new_model)
        out.append(Change(a.url, a.title, shown, now, refit=was == now, why=why))
    return out
