"""Why an article changes subject when the editor corrects another one (pure).

Two causes, which the editor acts on differently (walk182 #2: excluding an office-coffee post
sent "Women MPs reveal sexist taunts" and a football report to Voice of the customer, and the
command said they changed subject "with it"):

- it is like the corrected article (their cosine, as the scorer reads them, is over
  `KNN_FLOOR`, where a moved article's pull begins): it follows the correction, as the README
  promises;
- it is not: it sat near a bar, and the correction changed how curator weighs the subjects'
  words (their vectors, the word model, the bars), so it crossed it. Such an article is a
  borderline one: `Why.was` and `Why.now` say where each bar left it, before and after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from curator.models import Article
from curator.subjectcosines import KNN_FLOOR
from curator.subjects_model import SubjectModel


@dataclass(frozen=True)
class Why:
    """What set one article moving when the editor corrected others."""

    #: Its cosine with the corrected article most like it (0: it shares no scored word).
    likeness: float
    #: How curator placed it before the correction, and after, as `subjects explain` says it
    #: (score, fit and the bars they were held to).
    was: str
    now: str

    @property
    def like(self) -> bool:
        """Like a corrected article: it follows the correction (see the module's note)."""
        return self.likeness > KNN_FLOOR


def corrected_urls(before: Mapping[str, str | None], after: Mapping[str, str | None]) -> set[str]:
    """The articles whose correction differs between `before` and `after` (made or undone)."""
    missing = object()
    return {u for u in {*before, *after} if before.get(u, missing) != after.get(u, missing)}


def likeness(model: SubjectModel, article: Article, others: Sequence[Article]) -> float:
    """The cosine of `article` with the one of `others` most like it, as `model` reads them."""
    _, rep = model.features(article)
    best = 0.0
    for other in others:
        _, v = model.features(other)
        best = max(best, sum(x * v[t] for t, x in rep.items() if t in v))
    return best


def why_changed(
    article: Article,
    corrected: Sequence[Article],
    old: SubjectModel,
    new: SubjectModel,
) -> Why:
    """Why `article` moved when the articles `corrected` were corrected (`old` and `new` the
    models before and after)."""
    return Why(
        likeness(new, article, corrected),
        old.explain(article).verdict(),
        new.explain(article).verdict(),
    )
