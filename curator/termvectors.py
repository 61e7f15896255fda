"""Articles as sparse TF-IDF vectors (pure; dicts, no numpy: a few hundred terms per article) that the
subject scorer compares by cosine and `suggest` clusters by k-means: a corpus's document
frequencies, tf-idf weights, unit length, means and centres (moved out of `textfeatures`, which
counts an article's terms)."""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import mul, truediv

from curator.stemmer import STEM_CACHE_MAX

#: Pseudo-documents assumed to contain none of a term, so that idf stays informative with a few
#: articles (with 4 articles that all say "customer", plain idf would be 0 for every shared word).
IDF_PRIOR_DOCS = 20

#: A sparse vector: term (a stem, or stems joined by spaces for a phrase) -> weight.
Vector = dict[str, float]


def normalise(v: Vector) -> Vector:
    """`v` at unit length (empty when it is all zeros)."""
    norm = math.sqrt(sum(map(mul, v.values(), v.values())))
    return dict(zip(v, map(truediv, v.values(), repeat(norm)), strict=True)) if norm > 0 else {}


def strongest(v: Vector, n: int) -> Vector:
    """`v` cut to its `n` largest weights; of terms that tie (to 12 places: the same sums added
    in another order), the last alphabetically, so that the cut does not depend on the order
    the terms were first counted in (stored counts and texts count them in different orders:
    exp14 found two placement tests telling them apart once more terms tied)."""
    if len(v) <= n:
        return v
    return dict(heapq.nlargest(n, v.items(), key=lambda kv: (round(kv[1], 12), kv[0])))


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The dot product (the cosine, for unit vectors)."""
    # The set intersection runs in C; sparse vectors share few terms.
    return sum([a[t] * b[t] for t in a.keys() & b.keys()])


@dataclass(frozen=True)
class Corpus:
    """Word statistics of the articles the model was built from: idf per term, average length."""

    n_docs: int
    idf: Mapping[str, float]
    avg_len: float

    @property
    def unseen_idf(self) -> float:
        """The idf of a term no corpus article has."""
        return math.log(self.n_docs + IDF_PRIOR_DOCS + 1)


def corpus_stats(counts: Sequence[Vector]) -> Corpus:
    """Smoothed idf (`IDF_PRIOR_DOCS`) and average length of the articles' term counts."""
    df: dict[str, int] = {}
    total = 0.0
    for c in counts:
        total += sum(c.values())
        for t in c:
            df[t] = df.get(t, 0) + 1
    n = len(counts) + IDF_PRIOR_DOCS + 1
    idf = {t: math.log(n / (k + 1)) for t, k in df.items()}
    return Corpus(len(counts), idf, total / len(counts) if counts else 1.0)


class _OnePlusLog(dict[float, float]):
    """Count -> 1 + ln count, remembered: an article's counts are a few small whole numbers, and a
    look-up costs less than the logarithm."""

    def __missing__(self, count: float) -> float:
        value = 1.0 + math.log(count)
        if len(self) < STEM_CACHE_MAX:
            self[count] = value
        return value


_ONE_PLUS_LOG = _OnePlusLog()


def tfidf(counts: Vector, corpus: Corpus) -> Vector:
    """(1 + ln tf) x idf, unit length: the representation the scorer and `suggest` use."""
    idf, unseen = corpus.idf.get, corpus.unseen_idf
    if counts and min(counts.values()) > 0:
        # (every count positive, as an article's are: the same arithmetic as below, in C)
        weights = list(
            map(
                mul,
                map(_ONE_PLUS_LOG.__getitem__, counts.values()),
                map(idf, counts, repeat(unseen)),
            )
        )
        norm = math.sqrt(sum(map(mul, weights, weights)))
        return (
            dict(zip(counts, map(truediv, weights, repeat(norm)), strict=True)) if norm > 0 else {}
        )
    log = math.log
    pairs = [(t, (1.0 + log(c)) * idf(t, unseen)) for t, c in counts.items() if c > 0]
    norm = math.sqrt(sum([x * x for _, x in pairs]))
    return {t: x / norm for t, x in pairs} if norm > 0 else {}


def mean(vectors: Sequence[Vector]) -> Vector:
    """The centroid of `vectors`."""
    out: Vector = {}
    for d in vectors:
        for t, x in d.items():
            out[t] = out.get(t, 0.0) + x
    n = max(len(vectors), 1)
    return {t: x / n for t, x in out.items()}


#: k-means rounds (it settles in a handful on news text) and the terms each centre keeps.
KMEANS_ROUNDS = 12


MAX_CENTRE_TERMS = 300


def nearest_centre(doc: Vector, centres: Sequence[Vector]) -> int:
    """The index of the centre most similar to `doc`."""
    scores = [dot(doc, c) for c in centres]
    return scores.index(max(scores))


def kmeans(docs: Sequence[Vector], k: int) -> list[int]:
    """Spherical k-means (cosine) with k-means++ seeding from a fixed seed: each doc's cluster.

    `docs` are unit vectors; at most `k` clusters (fewer when the docs run out of distinct ones)."""
    rng = random.Random(0)  # deterministic: the same articles always give the same suggestions
    centres: list[Vector] = [docs[rng.randrange(len(docs))]]
    closest = [dot(d, centres[0]) for d in docs]
    while len(centres) < k:
        weights = [max(0.0, 1.0 - c) ** 2 for c in closest]
        if sum(weights) <= 0:
            break
        pick = rng.choices(range(len(docs)), weights=weights)[0]
        centres.append(docs[pick])
        closest = [max(c, dot(d, docs[pick])) for c, d in zip(closest, docs, strict=True)]
    labels = [-1] * len(docs)
    for _ in range(KMEANS_ROUNDS):
        new = [nearest_centre(d, centres) for d in docs]
        if new == labels:
            break
        labels = new
        members: list[list[Vector]] = [[] for _ in centres]
        for d, j in zip(docs, labels, strict=True):
            members[j].append(d)
        centres = [
            normalise(strongest(mean(m), MAX_CENTRE_TERMS)) if m else c
            for m, c in zip(members, centres, strict=True)
        ]
    return labels
