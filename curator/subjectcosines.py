"""The subject scorer's scoring primitives (pure): the subjects' vectors side by side
(`columns_of`, `Columns`), an article's cosine with each of them in one pass over its terms
(`cosines`, `cosine_parts`), the editor's example articles indexed by term with each subject's
nearest example and its pull (`Examples`, `KNN_WEIGHT`, `KNN_FLOOR`), and the score before the
word model's vote (`base_scores`). `curator.subjectfit` learns what they score with.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter, mul

from curator.termvectors import Vector, normalise, strongest

#: The nearest of a subject's examples pulls an article in by KNN_WEIGHT x (cosine - KNN_FLOOR):
#: an article much like one the editor moved follows it, while unrelated articles (cosine below
#: the floor, as two articles on one broad subject usually are) feel nothing. The likeness is
#: read without the other subjects' own words (`subjectwords.foreign_terms`): walk176 #1, one
#: cycling article moved to Astronomy pulled the 20 others by Cycling's keywords alone. Measured
#: on the same-field sets (zero-shot / +20 corrections, even ids; odd ids): before 0.844 / 0.860;
#: 0.853 / 0.861, with it 0.844 / 0.860; 0.853 / 0.860.
KNN_WEIGHT = 1.0
KNN_FLOOR = 0.2
MAX_EXAMPLE_TERMS = 150


#: Term -> each subject's weight for it (the subjects' vectors side by side).
Columns = Mapping[str, tuple[float, ...]]


def columns_of(vectors: Sequence[Mapping[str, float]]) -> Columns:
    """The subjects' vectors as one table, so that an article's cosines with every subject take
    one pass over the terms it shares with any of them (~20% faster than one dot per subject)."""
    rows: dict[str, list[float]] = {}
    for i, v in enumerate(vectors):
        for t, x in v.items():
            rows.setdefault(t, [0.0] * len(vectors))[i] = x
    return {t: tuple(r) for t, r in rows.items()}


_GETTERS: list[itemgetter[float]] = [itemgetter(i) for i in range(64)]


def getters(n: int) -> list[itemgetter[float]]:
    """Getters of a row's first `n` items (kept: making them per call shows in profiles)."""
    if n <= len(_GETTERS):
        return _GETTERS[:n]
    more: list[itemgetter[float]] = [itemgetter(i) for i in range(n)]
    return more


def cosines(rep: Mapping[str, float], columns: Columns, n: int) -> list[float]:
    """`rep`'s dot product with each of the `n` subjects' vectors in `columns`."""
    return cosine_parts(rep, columns, n)[0]


def cosine_parts(
    rep: Mapping[str, float], columns: Columns, n: int
) -> tuple[list[float], list[str], list[float], list[tuple[float, ...]]]:
    """`cosines`, and what they were summed from: the terms `rep` shares with any subject, their
    weights in `rep` and their rows in `columns` (each subject's part of each term's score)."""
    common = list(rep.keys() & columns.keys())
    if not common:
        return [0.0] * n, [], [], []
    xs = list(map(rep.__getitem__, common))
    rows = list(map(columns.__getitem__, common))
    return [sum(map(mul, xs, map(g, rows))) for g in getters(n)], common, xs, rows


@dataclass(frozen=True)
class Examples:
    """The editor's example articles (moved to or listed under a subject), indexed by term so that
    finding each subject's nearest example costs one pass over an article's terms."""

    #: The example vectors (unit length, cut to their strongest terms) and their subjects' indexes.
    vectors: tuple[Mapping[str, float], ...] = ()
    subject_of: tuple[int, ...] = ()
    postings: Mapping[str, tuple[tuple[int, float], ...]] = field(default_factory=dict)
    #: Each example's article URL (an example is not its own neighbour: see `own`).
    urls: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        per_subject: Sequence[Sequence[tuple[str, Vector]]],
        foreign: Sequence[Collection[str]] = (),
    ) -> Examples:
        """From each subject's examples, as (URL, vector) pairs; `foreign`, per subject, the
        terms that are other subjects' own words and not its own (see
        `subjectwords.foreign_terms`): an example's likeness to an article through them is no
        evidence for its subject."""
        vectors: list[Vector] = []
        subject_of: list[int] = []
        urls: list[str] = []
        postings: dict[str, list[tuple[int, float]]] = {}
        for i, group in enumerate(per_subject):
            others = foreign[i] if i < len(foreign) else ()
            for url, v in group:
                j = len(vectors)
                cut = normalise(strongest(v, MAX_EXAMPLE_TERMS))
                if others:
                    # (cut after normalising: the likeness left is the part through its other words)
                    cut = {t: x for t, x in cut.items() if t not in others}
                vectors.append(cut)
                subject_of.append(i)
                urls.append(url)
                for t, x in cut.items():
                    postings.setdefault(t, []).append((j, x))
        return cls(
            tuple(vectors),
            tuple(subject_of),
            {t: tuple(p) for t, p in postings.items()},
            tuple(urls),
        )

    def own(self, url: str) -> int:
        """The example that is the article at `url` itself (-1: none). Its pull on that article
        is no evidence (a cosine of ~1 with itself): a moved article would outscore every
        article of its subject by it."""
        return self._index.get(url, -1)

    @cached_property
    def _index(self) -> dict[str, int]:
        return {url: j for j, url in enumerate(self.urls)}

    def nearest(
        self, rep: Mapping[str, float], n_subjects: int, without: int = -1
    ) -> list[tuple[float, int]]:
        """Per subject, the cosine of `rep` with its nearest example and that example (-1: none),
        leaving example `without` out."""
        best = [(0.0, -1)] * n_subjects
        if not self.vectors:
            return best
        acc = [0.0] * len(self.vectors)
        get = self.postings.get
        for t, x in rep.items():
            for j, w in get(t, ()):
                acc[j] += x * w
        for j, cos in enumerate(acc):
            i = self.subject_of[j]
            if cos > best[i][0] and j != without:
                best[i] = (cos, j)
        return best

    def pulls(self, rep: Mapping[str, float], n_subjects: int, without: int = -1) -> list[float]:
        """Per subject, the nearest example's pull: KNN_WEIGHT x (cosine - KNN_FLOOR), or 0
        (example `without` left out)."""
        return [
            KNN_WEIGHT * (cos - KNN_FLOOR) if cos > KNN_FLOOR else 0.0
            for cos, _ in self.nearest(rep, n_subjects, without)
        ]


def base_scores(
    rep: Mapping[str, float], columns: Columns, n: int, examples: Examples
) -> list[float]:
    """Each subject's score before the word model's vote: cosine plus the nearest example's pull."""
    scores = cosines(rep, columns, n)
    if examples.vectors:
        scores = [x + p for x, p in zip(scores, examples.pulls(rep, n), strict=True)]
    return scores
