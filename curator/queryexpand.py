"""Each subject's query widened with the archive's words that go with its own (exp17's (A)).

The editor names a subject in a few words; the archive says which other words keep company with
them. For each term t of the archive, subject i's pull on it is the sum, over i's query terms s,
of s's query weight x PPMI(s, t) (positive pointwise mutual information of their article-level
co-occurrence), less the most any other subject's query pulls on t: a word the field shares,
found beside every subject's words, adds nothing. The EXPAND_TERMS terms pulled hardest, at unit
length, join the unit query at EXPAND_WEIGHT, and the query is made unit length again (feedback,
the Rocchio vectors and `own_scores` all start from it). What it draws in on 20 Newsgroups'
comp.*: autoexec, bat, workgroup for Windows; jumper, mfm, dma, maxtor for PC hardware; lciii,
q800, 68040 for Mac; mwm, x11r5, xsun for X (benchmarks/README.md, exp17, exp19, exp20).

Not for an archive of fewer than EXPAND_MIN_ARTICLES: on the demo's small archive it drew
"nobody" into a subject (a matched word in the golden issue).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from curator.termvectors import Vector, normalise

#: The expansion's weight beside the unit query (exp17: 0.5-0.8 all gain, 0.6 best on both halves).
EXPAND_WEIGHT = 0.6
#: How many of the archive's terms join each query.
EXPAND_TERMS = 20
#: No expansion for an archive under this many articles (too few to know what goes together).
EXPAND_MIN_ARTICLES = 500
#: Articles read at most (every k-th): co-occurrences of a larger archive cost more, say no more.
EXPAND_SAMPLE = 20_000
#: A term joins only if this many sampled articles use it, and this many share it with the query
#: term whose PPMI counts.
EXPAND_MIN_DOCS = 5
EXPAND_MIN_SHARED = 3


def expand(asked: Sequence[Vector], counts: Sequence[Vector]) -> list[Vector]:
    """`asked` (each subject's unit query) widened from `counts` (the archive's term counts), or
    as they are when the archive is small (EXPAND_MIN_ARTICLES)."""
    if len(counts) < EXPAND_MIN_ARTICLES:
        return list(asked)
    step = max(1, len(counts) // EXPAND_SAMPLE)
    docs = counts[::step]
    n = len(docs)
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    asked_terms = set().union(*asked)
    together: dict[str, Counter[str]] = {s: Counter() for s in asked_terms}
    for d in docs:
        for s in asked_terms.intersection(d):
            together[s].update(d.keys())
    pulls: list[dict[str, float]] = []
    for q in asked:
        pull: dict[str, float] = {}
        for s, w in q.items():
            shared = together[s]
            if not shared:
                continue
            p_s = df[s] / n
            for t, k in shared.items():
                if k < EXPAND_MIN_SHARED or df[t] < EXPAND_MIN_DOCS or t in asked_terms:
                    continue
                pmi = math.log((k / n) / (p_s * df[t] / n))
                if pmi > 0:
                    pull[t] = pull.get(t, 0.0) + w * pmi
        pulls.append(pull)
    out = []
    for i, q in enumerate(asked):
        own: dict[str, float] = {}
        for t, x in pulls[i].items():
            other = max((p.get(t, 0.0) for j, p in enumerate(pulls) if j != i), default=0.0)
            if x > other:
                own[t] = x - other
        best = dict(sorted(own.items(), key=lambda kv: (-kv[1], kv[0]))[:EXPAND_TERMS])
        if not best or not q:
            out.append(dict(q))
            continue
        merged = dict(q)
        for t, x in normalise(best).items():
            merged[t] = merged.get(t, 0.0) + EXPAND_WEIGHT * x
        out.append(normalise(merged))
    return out


__all__ = [
    "EXPAND_MIN_ARTICLES",
    "EXPAND_TERMS",
    "EXPAND_WEIGHT",
    "expand",
]
