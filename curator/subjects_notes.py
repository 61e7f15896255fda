"""Subjects: the notes on an article placed under a subject that may not belong there (pure).

An article placed mostly on one word of its subject's name or description, scoring far below the
subject's usual articles (`OneWord`, the one-word rule), and one more like an article the editor
excluded than like any article accepted under its subject (`LikeExcluded`), and one placed through its keywords alone (`KeywordsOnly`, see
`curator.keywordfit`). A note only: the
placement is unchanged. The draft, the build, `curator subjects explain` and `uncertain` show them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

#: An article "fits on one word" when its strongest term is a word of its subject's name or
#: description that is none of its keywords, carries at least ONE_WORD_SHARE of its score for
#: the subject, and that score is under ONE_WORD_BELOW of what the articles under the subject
#: usually score (the median of its other articles: `Store.usual_scores`). walk153 #1: three generic "customer service vs customer
#: experience" pages were placed under "Measuring the customer experience" on the word
#: "experience" of its name, which carried 40-60% of scores of 0.54-0.71, where the subject's
#: articles score 2.2 (0.22-0.29 of it); of the walk's 87 other articles none had a term over 25%
#: of its score, nor a score under 0.65 of its subject's, and the demo's none over 32% or under
#: 0.63. All three must hold: on the sci.* posts (tests/test_subjects_editor.py) the share and
#: the score alone flagged 27 of 871 short posts, 3 of them misplaced (11%, fewer than the 13%
#: of all): a post on "orbit" or "moon", keywords the editor chose as telling, is on the subject
#: however little else it says, where a word of a subject's name or description is the field's
#: ("customer", "experience") and tells nothing; with it, 3 posts are, 2 of them misplaced
#: (a Space post on "exploration", an Electronics one on "devices", words of their descriptions).
ONE_WORD_SHARE = 0.35
ONE_WORD_BELOW = 0.5


#: An article placed under a subject is "like one you excluded" when its cosine (the scorer's
#: tf-idf vectors) with an article the editor excluded is at least LIKE_EXCLUDED_FLOOR and higher
#: than with any article accepted under the subject (published there, or moved there): walk168
#: #2, a rugby ticket queue placed under "Service operations" the week after the editor excluded
#: a cup final ticket queue. A note only: placement is unchanged. Chosen on even ids, confirmed
#: on odd ids by `benchmarks/subjects.py --like-excluded` (see benchmarks/README.md).
LIKE_EXCLUDED_FLOOR = 0.12


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two unit vectors (`SubjectModel.vector`)."""
    if len(b) < len(a):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def like_excluded_of(
    vector: Mapping[str, float],
    excluded: Sequence[Mapping[str, float]],
    accepted: Iterable[Mapping[str, float]],
    floor: float = LIKE_EXCLUDED_FLOOR,
) -> tuple[int, float, float] | None:
    """Whether an article (its `vector`) placed under a subject is like one the editor excluded
    (see `LIKE_EXCLUDED_FLOOR`): (which of `excluded`, its cosine, the best cosine with the
    subject's `accepted` articles), or None."""
    best, like = 0.0, -1
    for j, other in enumerate(excluded):
        cos = cosine(vector, other)
        if cos > best:
            best, like = cos, j
    if like < 0 or best < floor:
        return None
    near = max((cosine(vector, other) for other in accepted), default=0.0)
    return (like, best, near) if best > near else None


@dataclass(frozen=True)
class LikeExcluded:
    """An article placed under `subject` that is more like an article the editor excluded than
    like any article accepted under the subject (see `LIKE_EXCLUDED_FLOOR`)."""

    url: str
    title: str
    subject: str
    #: The excluded article it is most like, and how alike (cosine).
    excluded_url: str
    excluded_title: str
    similarity: float
    #: Its best cosine with an article published under or moved to the subject (0: none).
    accepted: float

    def why(self) -> str:
        """Why it is said, in the editor's words."""
        return (
            f'like an article you excluded ("{self.excluded_title}", {self.excluded_url}):'
            f" {self.similarity:.2f} alike, more than it is like any article published under or"
            f' moved to "{self.subject}" ({self.accepted:.2f})'
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "title": self.title,
            "subject": self.subject,
            "excluded_url": self.excluded_url,
            "excluded_title": self.excluded_title,
            "similarity": round(self.similarity, 4),
            "best_accepted_similarity": round(self.accepted, 4),
        }


@dataclass(frozen=True)
class OneWord:
    """An article placed under its subject mostly on one term, scoring far below the subject's
    usual articles (see `ONE_WORD_SHARE`): often a generic article that shares a word with the
    subject's name or one keyword, not an article on the subject."""

    url: str
    title: str
    subject: str
    #: The term, as the subjects' words spell it, and its share of the article's score.
    word: str
    share: float
    score: float
    #: What the articles under the subject usually score (their median).
    usual: float
    #: Where the subject's own words have it: "name" or "description" (none of its keywords).
    source: Literal["name", "description"] = "name"

    def why(self) -> str:
        """Why it is said, in the editor's words (no URL)."""
        return (
            f'placed under "{self.subject}" mostly on the word "{self.word}", a word of the'
            f" subject's {self.source}, not of its keywords ({self.share:.0%}"
            f" of its score of {self.score:.3f}, where the articles under it usually score"
            f" {self.usual:.3f}): check it belongs"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "title": self.title,
            "subject": self.subject,
            "word": self.word,
            "share": round(self.share, 4),
            "score": round(self.score, 4),
            "usual_score": round(self.usual, 4),
            "word_of": self.source,
        }


@dataclass(frozen=True)
class KeywordsOnly:
    """An article placed under `subject` whose score is mostly its keywords' and whose other
    words are more like the articles under no subject than like the subject's (see
    `KEYWORDS_SHARE`)."""

    url: str
    title: str
    subject: str
    #: The subject's keywords it matched, strongest first, as the editor wrote them.
    keywords: tuple[str, ...]
    #: Their share of its score.
    share: float
    #: Apart from the keywords, how much likelier its words are among the subject's other
    #: articles than among those under no subject (a log-likelihood ratio: under 0).
    leaning: float

    def why(self) -> str:
        """Why it is said, in the editor's words (no URL)."""
        words = ", ".join(self.keywords)
        return (
            f'fits "{self.subject}" only through its keywords {words} ({self.share:.0%} of its'
            f" score): its other words are those of the articles under no subject, not of the"
            f' other articles under "{self.subject}"'
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "title": self.title,
            "subject": self.subject,
            "keywords": list(self.keywords),
            "keyword_share": round(self.share, 4),
            "leaning": round(self.leaning, 4),
        }
