"""exp19's experiment switches for the word model's vote, all off unless an EXP19_* variable is
set (benchmarks/README.md, "Tried ... (exp19, 2026-12-07)"): complement naive Bayes (EXP19_CNB
cnb | cnbn, EXP19_SHARP), Rennie's count transforms (EXP19_TFIDF 1 | idf), adjacent word pairs in
the vote (EXP19_BIGRAM min articles, EXP19_BIGRAM_W) and exp17's query expansion (EXP19_EXPAND_W,
EXP19_EXPAND_M). Kept in history for reproducing the table only: removed in the next commit. The
pairs are read from the texts in `fit` alone: placing one article (`SubjectModel.vote`) does not
see them, so only the benchmark's accuracy figures (which reuse fit's scores) are right."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence

from curator.models import Article
from curator.textfeatures import Vector, _fields, terms

CNB = os.environ.get("EXP19_CNB", "")  # "", "cnb", "cnbn"
SHARP = float(os.environ.get("EXP19_SHARP", "1"))
TFIDF = os.environ.get("EXP19_TFIDF", "")  # "", "1" (log tf x idf, L2), "idf" (tf x idf, L2)
BIGRAM = int(os.environ.get("EXP19_BIGRAM", "0"))  # min docs, 0 = off
BIGRAM_W = float(os.environ.get("EXP19_BIGRAM_W", "1"))
ACTIVE = bool(CNB or TFIDF or BIGRAM)

_SENT = re.compile(r"[.!?;:\n]+")


def bigrams(article: Article) -> Vector:
    out: Vector = {}
    for text, weight in _fields(article):
        for piece in _SENT.split(text):
            st = terms(piece)
            for a, b in zip(st, st[1:], strict=False):
                if a != b:
                    k = a + " " + b
                    out[k] = out.get(k, 0.0) + weight
    return out


def vote_counts(
    articles: Sequence[Article], counts: Sequence[Vector]
) -> tuple[list[Vector], list[Vector]] | None:
    """(raw vote counts, transformed vote counts) or None when no switch is on."""
    if not (TFIDF or BIGRAM):
        return None
    raw = [dict(c) for c in counts]
    if BIGRAM:
        grams = [bigrams(a) for a in articles]
        df: dict[str, int] = {}
        for g in grams:
            for t in g:
                df[t] = df.get(t, 0) + 1
        for c, g in zip(raw, grams, strict=True):
            for t, x in g.items():
                if df[t] >= BIGRAM and t not in c:
                    c[t] = BIGRAM_W * x
    if not TFIDF:
        return raw, raw
    n = len(raw)
    df2: dict[str, int] = {}
    for c in raw:
        for t in c:
            df2[t] = df2.get(t, 0) + 1
    idf = {t: math.log(n / k) for t, k in df2.items()}
    avg = sum(sum(c.values()) for c in raw) / (n or 1)
    out = []
    for c in raw:
        if TFIDF == "idf":
            v = {t: x * idf[t] for t, x in c.items()}
        else:
            v = {t: math.log1p(x) * idf[t] for t, x in c.items()}
        v = {t: x for t, x in v.items() if x > 0}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        # unit length, then scaled so the average article's mass is the raw average length
        out.append({t: x / norm for t, x in v.items()})
    mass = sum(sum(c.values()) for c in out) / (n or 1)
    k = avg / (mass or 1.0)
    out = [{t: x * k for t, x in c.items()} for c in out]
    return raw, out


EXPAND_W = float(os.environ.get("EXP19_EXPAND_W", "0"))
EXPAND_M = int(os.environ.get("EXP19_EXPAND_M", "20"))


def expand(asked: list[Vector], counts: Sequence[Vector]) -> list[Vector]:
    """exp17's (A): each subject's unit query plus W x the unit vector of the M archive terms whose
    PPMI with its query terms (weighted by the query) most exceeds any other subject's."""
    from curator.textfeatures import normalise

    n_docs = len(counts)
    if not EXPAND_W or n_docs < 500:
        return asked
    step = max(1, n_docs // 20000)
    docs = [set(c) for c in counts[::step]]
    n = len(docs)
    df: dict[str, int] = {}
    for d in docs:
        for t in d:
            df[t] = df.get(t, 0) + 1
    qterms = set().union(*asked)
    co: dict[str, dict[str, int]] = {s: {} for s in qterms}
    for d in docs:
        for s in qterms & d:
            cs = co[s]
            for t in d:
                cs[t] = cs.get(t, 0) + 1
    sums: list[dict[str, float]] = []
    for q in asked:
        acc: dict[str, float] = {}
        for s, w in q.items():
            if s not in co:
                continue
            ps = df.get(s, 0) / n
            for t, k in co[s].items():
                if k < 3 or df[t] < 5 or t in qterms:
                    continue
                pmi = math.log((k / n) / (ps * df[t] / n))
                if pmi > 0:
                    acc[t] = acc.get(t, 0.0) + w * pmi
        sums.append(acc)
    out = []
    for i, q in enumerate(asked):
        diff = {}
        for t, x in sums[i].items():
            other = max((sums[j].get(t, 0.0) for j in range(len(asked)) if j != i), default=0.0)
            if x - other > 0:
                diff[t] = x - other
        best = dict(sorted(diff.items(), key=lambda kv: (-kv[1], kv[0]))[:EXPAND_M])
        if not best or not q:
            out.append(q)
            continue
        e = normalise(best)
        merged = dict(q)
        for t, x in e.items():
            merged[t] = merged.get(t, 0.0) + EXPAND_W * x
        out.append(normalise(merged))
    return out
