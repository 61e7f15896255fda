"""exp22 phase 2: corrections that move their neighbours' placements, offline, over what
exp22_cache.py kept (the benchmark's placements and scores), with the figures
`benchmarks/subjects.py --sets computers,science --half even|odd` prints.

    python benchmarks/exp22_spread.py CACHE_DIR VARIANT [key=value ...]

VARIANT: none | spread (label spreading over a kNN graph) | knn (corrected neighbours vote).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np

SETS = ("computers", "science")


def load(cache: Path, name: str, graph: str = "tfidf"):
    with open(cache / f"{name}.pkl", "rb") as fh:
        d = pickle.load(fh)
    meta, records = d["meta"], d["records"]
    # tf-idf: the scorer's vectors; counts: the word model's vote's terms, raw counts
    reps = records[0]["reps" if graph == "tfidf" else "counts"]
    df: dict[str, int] = {}
    for r in reps:
        for t in r:
            df[t] = df.get(t, 0) + 1
    vocab = {t: i for i, t in enumerate(t for t, c in df.items() if c >= 2)}
    x = np.zeros((len(reps), len(vocab)), dtype=np.float32)
    for k, r in enumerate(reps):
        for t, v in r.items():
            j = vocab.get(t)
            if j is not None:
                x[k, j] = v
    norms = np.linalg.norm(x, axis=1)
    norms[norms == 0] = 1
    x /= norms[:, None]
    gram = x @ x.T
    np.fill_diagonal(gram, 0.0)
    return meta, records, gram


def knn_graph(gram: np.ndarray, k: int) -> np.ndarray:
    n = gram.shape[0]
    idx = np.argpartition(-gram, k, axis=1)[:, :k]
    w = np.zeros_like(gram)
    rows = np.repeat(np.arange(n), k)
    w[rows, idx.ravel()] = np.maximum(gram[rows, idx.ravel()], 0)
    w = np.maximum(w, w.T)
    d = w.sum(axis=1)
    d[d == 0] = 1
    inv = 1 / np.sqrt(d)
    return (w * inv[:, None]) * inv[None, :]


def soften(scores: np.ndarray, how: str, temp: float) -> np.ndarray:
    s = np.maximum(scores, 0)
    if how == "norm":
        tot = s.sum(axis=1, keepdims=True)
        tot[tot == 0] = 1
        return s / tot
    z = s / temp
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def variant_placements(rec, meta, gram, graph_cache, opts) -> list[str | None]:
    subj = list(rec["subject"])
    corr = rec["corrections"]
    if opts["variant"] == "none" or not corr:
        return subj
    names = meta["names"]
    pos = {u: i for i, u in enumerate(meta["urls"])}
    scores = np.array(rec["scores"], dtype=np.float64)
    n, m = scores.shape
    y0 = soften(scores, opts["soft"], opts["temp"])
    cidx = np.array([pos[u] for u in corr])
    clab = np.array([names.index(corr[u]) for u in corr])
    onehot = np.zeros((len(cidx), m))
    onehot[np.arange(len(cidx)), clab] = 1
    if opts["variant"] == "spread":
        key = opts["k"]
        if key not in graph_cache:
            graph_cache[key] = knn_graph(gram, key)
        s = graph_cache[key]
        delta = np.zeros((n, m))
        delta[cidx] = opts["W"] * onehot - y0[cidx]
        if opts["moves_only"]:
            own = np.argmax(y0[cidx], axis=1)
            delta[cidx[own == clab]] = 0
        f = delta.copy()
        for _ in range(opts["rounds"]):
            f = opts["alpha"] * (s @ f) + (1 - opts["alpha"]) * delta
        final = y0 + f * opts["gain"]
    else:  # knn: the corrected articles among an article's k nearest vote
        sims = gram[:, cidx]  # n x c
        k = min(opts["k"], len(cidx))
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        rows = np.repeat(np.arange(n), k)
        sv = np.maximum(sims[rows, top.ravel()], 0) ** opts["p"]
        sv[sims[rows, top.ravel()] < opts["floor"]] = 0
        vote = np.zeros((n, m))
        np.add.at(vote, (rows, clab[top.ravel()]), sv)
        if opts["norm_vote"]:
            tot = vote.sum(axis=1, keepdims=True)
            tot[tot == 0] = 1
            vote = vote / tot * np.minimum(tot, opts["cap"])
        final = y0 + opts["beta"] * vote
    srt = np.sort(scores, axis=1)
    top_s = srt[:, -1]
    rel = (top_s - srt[:, -2]) / np.where(top_s > 0, top_s, 1)
    out = list(subj)
    corrected = set(corr)
    for i, u in enumerate(meta["urls"]):
        if u in corrected:
            continue
        cur = subj[i]
        if cur is None and not opts["fill"]:
            continue
        if rel[i] >= opts["mbar"]:
            continue
        best = int(np.argmax(final[i]))
        if cur is None:
            if final[i, best] - y0[i, best] > opts["fillmargin"]:
                out[i] = names[best]
            continue
        ci = names.index(cur)
        if best != ci and final[i, best] - final[i, ci] > opts["margin"]:
            out[i] = names[best]
    return out


def figures(meta, records, gram, opts) -> dict[str, dict[str, float]]:
    ids = meta["ids"]
    urls = meta["urls"]
    truth = meta["truth"]
    graph_cache: dict = {}
    per_half: dict[str, dict[str, float]] = {}
    placed = {}
    for ri, rec in enumerate(records):
        placed[ri] = variant_placements(rec, meta, gram, graph_cache, opts)
    for half in ("even", "odd"):
        par = int(half == "odd")
        f: dict[str, float] = {}
        for ri, rec in enumerate(records):
            kind, k, corr = rec["kind"], rec["k"], rec["corrections"]
            out = placed[ri]
            if kind in ("zero", "curve"):
                sel = [i for i in range(len(urls)) if urls[i] not in corr and ids[i] % 2 == par]
                key = f"c{k}"
            elif kind == f"half{par}":
                sel = [i for i in range(len(urls)) if ids[i] % 2 == par]
                key = "half"
            elif kind == f"active_{half}":
                pick = 0 if half != "even" else 1
                sel = [i for i in range(len(urls)) if ids[i] % 2 != pick]
                key = f"a{k}"
            else:
                continue
            f[key] = sum(out[i] == truth[i] for i in sel) / len(sel)
            if kind == "zero":
                f["unassigned"] = sum(out[i] is None for i in sel) / len(sel)
        per_half[half] = f
    return per_half


DEFAULTS = {
    "variant": "none",
    "soft": "norm",
    "temp": 0.1,
    "k": 10,
    "alpha": 0.8,
    "rounds": 10,
    "W": 1.0,
    "gain": 1.0,
    "mbar": 9.0,
    "margin": 0.0,
    "fill": 0,
    "fillmargin": 0.3,
    "p": 1.0,
    "floor": 0.0,
    "beta": 1.0,
    "norm_vote": 0,
    "cap": 1.0,
    "moves_only": 0,
    "graph": "tfidf",
}


def parse(argv: list[str]) -> dict:
    opts = dict(DEFAULTS)
    opts["variant"] = argv[0]
    for a in argv[1:]:
        key, _, val = a.partition("=")
        opts[key] = type(DEFAULTS[key])(val) if not isinstance(DEFAULTS[key], str) else val
    return opts


LOADED: dict = {}


def run(cache: Path, opts: dict) -> str:
    res = {}
    for name in SETS:
        key = (name, opts["graph"])
        if key not in LOADED:
            LOADED[key] = load(cache, name, opts["graph"])
        res[name] = figures(*LOADED[key], opts)
    cells = []
    for half in ("even", "odd"):
        c, s = res["computers"][half], res["science"][half]
        mean = {k: (c[k] + s[k]) / 2 for k in c if k in s}
        cells.append(
            f"{mean['c0']:.4f} / {mean['c20']:.4f} (.{c['c0'] * 1000:03.0f}/.{c['c5'] * 1000:03.0f}/"
            f".{c['c10'] * 1000:03.0f}/.{c['c20'] * 1000:03.0f}; .{s['c0'] * 1000:03.0f}/"
            f".{s['c5'] * 1000:03.0f}/.{s['c10'] * 1000:03.0f}/.{s['c20'] * 1000:03.0f}; "
            f"active {mean['a5']:.3f}/{mean['a10']:.3f}/{mean['a20']:.3f}; half {mean['half']:.3f})"
        )
    return " | ".join(cells)


def main() -> None:
    cache = Path(sys.argv[1])
    for spec in sys.argv[2:]:
        opts = parse(spec.split())
        print(f"{spec}: {run(cache, opts)}", flush=True)


if __name__ == "__main__":
    main()
