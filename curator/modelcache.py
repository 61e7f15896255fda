"""The fitted subject model as plain JSON, so that the store can keep it between builds.

`dumps(fitted)` writes the numbers fitting learnt (the subjects' vectors, the editor's examples, the
word model, the archive's word statistics, the bars); `loads(text, subjects)` reads them back into
the same `Fitted` (every float round-trips exactly), taking from the config what the fingerprint
already vouches for (the subjects). Only JSON is read: nothing in the store can run code.
Anything missing, malformed or of the wrong shape raises `ModelCacheError`, and the caller fits the
model again.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from curator.models import Subject
from curator.subjectcosines import Examples, columns_of
from curator.subjectfit import Fitted
from curator.subjectwords import subject_phrases
from curator.termvectors import Corpus
from curator.wordmodel import WordModel

#: The layout of the JSON below; a stored model of another layout is fitted again.
FORMAT = "1"


class ModelCacheError(ValueError):
    """A stored model that cannot be read back (damaged, or not what this curator writes)."""


def _log(x: float) -> float | None:
    return None if x == -math.inf else x


def dumps(fitted: Fitted) -> str:
    """The fitted model as JSON (the subjects themselves are left to the config)."""
    words = fitted.words
    data = {
        "format": FORMAT,
        "fingerprint": fitted.fingerprint,
        "subjects": [s.name for s in fitted.subjects],
        "vectors": [dict(v) for v in fitted.vectors],
        "examples": {
            "vectors": [dict(v) for v in fitted.examples.vectors],
            "subject_of": list(fitted.examples.subject_of),
            "urls": list(fitted.examples.urls),
        },
        "words": {
            "table": {t: list(row) for t, row in words.table.items()},
            "prior": [_log(p) for p in words.prior],
            "voters": {t: list(row) for t, row in words.voters.items()},
        },
        "corpus": {
            "n_docs": fitted.corpus.n_docs,
            "idf": dict(fitted.corpus.idf),
            "avg_len": fitted.corpus.avg_len,
        },
        "pins": dict(fitted.pins),
        "bars": list(fitted.bars),
        "fit_bars": list(fitted.fit_bars),
        "surface": dict(fitted.surface),
        "own_scores": {url: list(row) for url, row in fitted.own_scores.items()},
    }
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


#: The types JSON numbers decode to (a bool is not one: `type(True)` is bool, not int).
_NUMBERS = frozenset({float, int})
_NUMBERS_OR_NULL = _NUMBERS | {type(None)}


def _floats(value: Any, n: int | None, what: str, *, nullable: bool = False) -> list[Any]:
    if not isinstance(value, list) or (n is not None and len(value) != n):
        raise ModelCacheError(f"{what}: expected a list of {n} numbers")
    # The types are checked all at once (a stored model holds ~750,000 numbers, read at every
    # weekly build that has new articles).
    kinds, allowed = set(map(type, value)), _NUMBERS_OR_NULL if nullable else _NUMBERS
    if not kinds <= allowed:
        bad = next(x for x in value if type(x) not in allowed)
        raise ModelCacheError(f"{what}: expected numbers, found {type(bad).__name__}")
    if kinds <= {float}:
        return value
    return [None if x is None else float(x) for x in value]


def _vector(value: Any, what: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise ModelCacheError(f"{what}: expected an object of term weights")
    if not set(map(type, value.values())) <= _NUMBERS:
        t = next(t for t, x in value.items() if type(x) not in _NUMBERS)
        raise ModelCacheError(f"{what}: the weight of {t!r} is not a number")
    return {t: float(x) for t, x in value.items()}


def _rows(value: Any, what: str) -> dict[str, tuple[float, ...]]:
    """A table of term -> a row of numbers, every row as long."""
    if not isinstance(value, dict):
        raise ModelCacheError(f"{what}: expected an object of rows")
    width = len(next(iter(value.values()), []) or [])
    return {t: tuple(_floats(row, width, f"{what}[{t!r}]")) for t, row in value.items()}


def _examples(value: Any, n_subjects: int) -> Examples:
    if not isinstance(value, dict):
        raise ModelCacheError("examples: expected an object")
    vectors = [_vector(v, "examples.vectors") for v in value.get("vectors") or []]
    subject_of = value.get("subject_of")
    if (
        not isinstance(subject_of, list)
        or len(subject_of) != len(vectors)
        or not all(isinstance(i, int) and 0 <= i < n_subjects for i in subject_of)
    ):
        raise ModelCacheError("examples.subject_of: expected a subject index per example")
    urls = value.get("urls")
    if (
        not isinstance(urls, list)
        or len(urls) != len(vectors)
        or not all(isinstance(u, str) for u in urls)
    ):
        raise ModelCacheError("examples.urls: expected an article URL per example")
    postings: dict[str, list[tuple[int, float]]] = {}
    for j, cut in enumerate(vectors):
        for t, x in cut.items():
            postings.setdefault(t, []).append((j, x))
    return Examples(
        tuple(vectors), tuple(subject_of), {t: tuple(p) for t, p in postings.items()}, tuple(urls)
    )


def _own_scores(value: Any, n_subjects: int) -> dict[str, tuple[float, ...]]:
    if not isinstance(value, dict):
        raise ModelCacheError("own_scores: expected URL -> the example's scores")
    return {
        url: tuple(_floats(row, n_subjects, f"own_scores[{url!r}]")) for url, row in value.items()
    }


def loads(text: str, subjects: Sequence[Subject]) -> Fitted:
    """The model `dumps` wrote, for `subjects` (those it was fitted for: the caller checked the
    fingerprint). Raises ModelCacheError when the text is not such a model."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ModelCacheError(f"not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ModelCacheError("not a stored subject model")
    if data.get("format") != FORMAT:
        raise ModelCacheError(
            f"written in layout {data.get('format')!r}, this curator reads {FORMAT!r}"
        )
    subjects = tuple(subjects)
    n = len(subjects)
    if "subjects" not in data:
        raise ModelCacheError("incomplete (no subjects)")
    if data["subjects"] != [s.name for s in subjects]:
        raise ModelCacheError("fitted for other subjects")
    try:
        words = data["words"]
        corpus = data["corpus"]
        vectors = tuple(_vector(v, "vectors") for v in data["vectors"])
        if len(vectors) != n:
            raise ModelCacheError(f"vectors: expected {n}, found {len(vectors)}")
        prior = tuple(
            -math.inf if p is None else p
            for p in _floats(words["prior"], n, "prior", nullable=True)
        )
        n_docs, avg_len = corpus["n_docs"], corpus["avg_len"]
        if not isinstance(n_docs, int) or not isinstance(avg_len, int | float):
            raise ModelCacheError("corpus: n_docs and avg_len must be numbers")
        pins = data["pins"]
        surface = data["surface"]
        if not isinstance(pins, dict) or not all(
            p is None or isinstance(p, str) for p in pins.values()
        ):
            raise ModelCacheError("pins: expected URL -> subject name or null")
        if not isinstance(surface, dict) or not all(isinstance(w, str) for w in surface.values()):
            raise ModelCacheError("surface: expected stem -> word")
        fingerprint = data["fingerprint"]
        if not isinstance(fingerprint, str):
            raise ModelCacheError("fingerprint: expected text")
        return Fitted(
            subjects=subjects,
            vectors=vectors,
            columns=columns_of(vectors),
            examples=_examples(data["examples"], n),
            words=WordModel(
                table=_rows(words["table"], "table"),
                prior=prior,
                voters=_rows(words["voters"], "voters"),
            ),
            corpus=Corpus(n_docs, _vector(corpus["idf"], "idf"), float(avg_len)),
            phrases=subject_phrases(subjects),
            pins=pins,
            bars=tuple(_floats(data["bars"], n, "bars")),
            fit_bars=tuple(_floats(data["fit_bars"], n, "fit_bars", nullable=True)),
            fingerprint=fingerprint,
            surface=surface,
            own_scores=_own_scores(data["own_scores"], n),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ModelCacheError(f"incomplete ({type(exc).__name__}: {exc})") from None


__all__ = ["FORMAT", "ModelCacheError", "dumps", "loads"]
