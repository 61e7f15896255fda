"""Placing many articles at once from their stored term counts, with numpy (the same decisions as
`SubjectModel.assign_counts`, article by article, to the last bits of a float sum).

Re-placing a million articles after the editor changes a subject costs ~0.15 ms an article scored
one by one in Python (tf-idf, a dot product per subject, the word model's vote and fit, the
matched terms), ~2.5 minutes of CPU; here each batch of thousands is a few array operations over
all its (article, term) entries, ~15x less. The model is first `prepare`d: its tables become arrays
indexed through the store's term ids, once, in the process that then forks the workers (they
inherit it); each worker reads a window of article ids from the store itself and returns the rows
to save.

Imported only for such batches: numpy costs ~0.1 s to import, which a weekly build placing its new
articles never pays.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from curator.store import Store
from curator.subjectcosines import KNN_FLOOR, KNN_WEIGHT
from curator.subjectfit import SCORE_FLOOR
from curator.subjects import MATCHED_TERMS, SubjectModel
from curator.termcounts import decode, phrase_keys
from curator.textfeatures import is_number_term
from curator.wordmodel import VOTE_SHARPNESS, VOTE_WEIGHT
from curator.wordpairs import JOIN, is_pair

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

_WHOLE = np.dtype([("i", "<u4"), ("c", "<u2")])
_EXACT = np.dtype([("i", "<u4"), ("c", "<f8")])


@dataclass(frozen=True)
class Prepared:
    """A model's tables as arrays over the store's term ids (see `prepare`)."""

    fingerprint: str
    names: tuple[str, ...]
    #: Store term id -> the model's own index of that term (the last index, `unseen`, for a term
    #: the model never saw).
    slot: npt.NDArray[np.int32]
    #: Per model term (and `unseen` last): idf; index into `columns`, `voters`, `table`, the
    #: examples (-1: not there); whether any of those uses it; whether to drop it (a phrase the
    #: store counts but the model does not use).
    idf: Floats
    in_columns: Ints
    in_voters: Ints
    in_table: Ints
    in_examples: Ints
    used: npt.NDArray[np.bool_]
    drop: npt.NDArray[np.bool_]
    #: The subjects' vectors side by side (term x subject), and each of their terms' rank among
    #: them in string order (ties in the matched terms go to the larger term, as in heapq).
    columns: Floats
    column_rank: Ints
    column_words: tuple[str, ...]
    #: The same words as JSON strings (a stored assignment's matched terms are a JSON list).
    column_json: tuple[str, ...]
    voters: Floats
    table: Floats
    prior: Floats
    #: The editor's examples: per example term, its postings (example index, weight) as CSR.
    example_ptr: Ints
    example_of: Ints
    example_weight: Floats
    example_subject: Ints
    bars: Floats
    #: Per subject, its fit bar (nan: its cosine bar decides).
    fit_bars: Floats
    #: URL -> the subject index the editor chose (-1: excluded).
    pins: Mapping[str, int]
    #: URL -> an example's scores as a model that had not learnt from it gives them.
    own_scores: Mapping[str, tuple[float, ...]]


def prepare(model: SubjectModel, store: Store, counted_phrases: Sequence[str]) -> Prepared:
    """`model` (with its matched words as the store shows them) as arrays over `store`'s terms.

    `counted_phrases`: every phrase the stored counts include (those the model does not use are
    dropped from each article, as `termcounts.for_phrases` does)."""
    n = len(model.subjects)
    names = tuple(s.name for s in model.subjects)
    column_terms = list(model.columns)
    voter_terms = list(model.words.voters)
    table_terms = list(model.words.table)
    example_terms = list(model.examples.postings)
    used_phrases = phrase_keys(model.phrases)
    phrases = {p for p in counted_phrases if p not in used_phrases}
    terms = list(
        dict.fromkeys(
            [*model.corpus.idf, *column_terms, *voter_terms, *table_terms, *example_terms, *phrases]
        )
    )
    # (a number the model's archive and subjects do not have is no term: NUMBER_MIN_DOCS)
    known = set(terms)
    unknown = [t for t in store.number_terms() if t not in known and is_number_term(t)]
    # (JOIN alone, no stored term, stands for every stored pair of words the vote does not read:
    # dropped, as `SubjectModel.assign_counts` reads none but the vote's)
    terms += [*unknown, JOIN]
    index = {t: k for k, t in enumerate(terms)}
    m = len(terms)  # the index of every term the model never saw
    ids = store.term_rows(terms)
    slot = np.full(store.max_term_id() + 1, m, dtype=np.int32)
    slot[np.array(store.pair_term_ids(), dtype=np.int64)] = index[JOIN]
    for t, (term_id, _) in ids.items():
        slot[term_id] = index[t]
    unseen = model.corpus.unseen_idf
    # (a pair of words weighs nothing in an article's tf-idf: only the vote reads it)
    idf = np.array(
        [0.0 if is_pair(t) else model.corpus.idf.get(t, unseen) for t in terms] + [unseen]
    )

    def where(found: Sequence[str]) -> Ints:
        out = np.full(m + 1, -1, dtype=np.int64)
        for k, t in enumerate(found):
            out[index[t]] = k
        return out

    drop = np.zeros(m + 1, dtype=np.bool_)
    for p in [*phrases, *unknown, JOIN]:
        drop[index[p]] = True
    in_columns, in_voters = where(column_terms), where(voter_terms)
    in_table, in_examples = where(table_terms), where(example_terms)
    used = (in_columns >= 0) | (in_voters >= 0) | (in_table >= 0) | (in_examples >= 0)
    words = tuple(model.word(t) for t in column_terms)
    ranked = sorted(range(len(column_terms)), key=column_terms.__getitem__)
    rank = np.empty(len(column_terms), dtype=np.int64)
    rank[ranked] = np.arange(len(column_terms))
    postings = model.examples.postings
    lengths = [len(postings[t]) for t in example_terms]
    flat = [p for t in example_terms for p in postings[t]]
    return Prepared(
        fingerprint=model.fingerprint,
        names=names,
        slot=slot,
        idf=idf,
        in_columns=in_columns,
        in_voters=in_voters,
        in_table=in_table,
        in_examples=in_examples,
        used=used,
        drop=drop,
        columns=_matrix([model.columns[t] for t in column_terms], n),
        column_rank=rank,
        column_words=words,
        column_json=tuple(json.dumps(w) for w in words),
        voters=_matrix([model.words.voters[t] for t in voter_terms], n),
        table=_matrix([model.words.table[t] for t in table_terms], n),
        prior=np.array(model.words.prior, dtype=np.float64).reshape(-1),
        example_ptr=np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)]).astype(np.int64),
        example_of=np.array([j for j, _ in flat], dtype=np.int64),
        example_weight=np.array([x for _, x in flat], dtype=np.float64),
        example_subject=np.array(model.examples.subject_of, dtype=np.int64),
        bars=np.array(model.bars, dtype=np.float64),
        fit_bars=np.array([np.nan if b is None else b for b in model.fit_bars], dtype=np.float64),
        pins={url: -1 if name is None else names.index(name) for url, name in model.pins.items()},
        own_scores=model.own_scores,
    )


def _matrix(rows: Sequence[Sequence[float]], width: int) -> Floats:
    if not rows:
        return np.zeros((0, width), dtype=np.float64)
    return np.array(rows, dtype=np.float64)


# --- scoring ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entries:
    """A batch's (article, term) entries, article by article: row, store term id, count."""

    rows: Ints
    ids: Ints
    counts: Floats
    n_rows: int


def entries(blobs: Sequence[bytes]) -> Entries:
    """The stored counts blobs of a batch as entries."""
    if all(b[:1] == b"\x01" for b in blobs):
        joined = np.frombuffer(b"".join(b[1:] for b in blobs), dtype=_WHOLE)
        lengths = np.array([(len(b) - 1) // _WHOLE.itemsize for b in blobs], dtype=np.int64)
        ids = joined["i"].astype(np.int64)
        counts = joined["c"].astype(np.float64)
    else:  # some article counted with fractional weights: one blob at a time
        pairs = [decode(b) for b in blobs]
        lengths = np.array([len(p) for p in pairs], dtype=np.int64)
        ids = np.array([i for p in pairs for i, _ in p], dtype=np.int64)
        counts = np.array([c for p in pairs for _, c in p], dtype=np.float64)
    rows = np.repeat(np.arange(len(blobs), dtype=np.int64), lengths)
    return Entries(rows, ids, counts, len(blobs))


def _sums(rows: Ints, values: Floats, n_rows: int) -> Floats:
    return np.bincount(rows, weights=values, minlength=n_rows).astype(np.float64)


def _per_subject(rows: Ints, x: Floats, matrix: Floats, at: Ints, n_rows: int) -> Floats:
    """Per row and subject: the sum of x x matrix[at] over the row's entries."""
    out = np.zeros((n_rows, matrix.shape[1]), dtype=np.float64)
    for j in range(matrix.shape[1]):
        out[:, j] = _sums(rows, x * matrix[at, j], n_rows)
    return out


@dataclass(frozen=True)
class Decided:
    """A batch's decisions: per row, the subject's index (-1: none) and the score; and the
    matched terms, as (row, column term) pairs in order, strongest first within a row."""

    target: Ints
    scores: Floats
    matched_rows: Ints
    matched_columns: Ints

    def groups(self) -> list[Ints]:
        """Per row, its matched column terms."""
        out: list[Ints] = [_NONE] * len(self.target)
        if not len(self.matched_rows):
            return out
        starts = np.flatnonzero(np.diff(self.matched_rows)) + 1
        rows = self.matched_rows[np.concatenate([[0], starts])]
        for row, columns in zip(rows.tolist(), np.split(self.matched_columns, starts), strict=True):
            out[row] = columns
        return out


_NONE: Ints = np.zeros(0, dtype=np.int64)


def decide(p: Prepared, urls: Sequence[str], e: Entries) -> Decided:
    """Each article's subject, score and matched terms, as `assign_counts` decides."""
    n, b = len(p.names), e.n_rows
    if n == 0:
        return Decided(np.full(b, -1, dtype=np.int64), np.zeros(b), _NONE, _NONE)
    unseen = len(p.idf) - 1
    slot = np.full(len(e.ids), unseen, dtype=np.int32)
    inside = e.ids < len(p.slot)
    slot[inside] = p.slot[e.ids[inside]]
    rows, counts = e.rows, e.counts
    if p.drop.any():
        keep = ~p.drop[slot]
        rows, slot, counts = rows[keep], slot[keep], counts[keep]
    # tf-idf, unit length (termvectors.tfidf): every term counts in the length...
    w = (1.0 + np.log(counts)) * p.idf[slot]
    norm = np.sqrt(_sums(rows, w * w, b))
    # ...then only the terms some part of the model uses matter
    used = p.used[slot]
    rows, slot, counts, w = rows[used], slot[used], counts[used], w[used]
    w = w / norm[rows]
    # cosine with each subject's vector (subjectcosines.cosines)
    col = p.in_columns[slot]
    c_sel = col >= 0
    c_rows, c_w, c_at = rows[c_sel], w[c_sel], col[c_sel]
    raw = _per_subject(c_rows, c_w, p.columns, c_at, b)
    # the nearest example's pull (Examples.pulls)
    if len(p.example_subject):
        raw = raw + _pulls(p, rows, w, p.in_examples[slot], b, n)
    # the word model's vote (WordModel.scale)
    if p.voters.shape[0]:
        raw = raw * _scale(p, rows, counts, p.in_voters[slot], b)
    best = np.argmax(raw, axis=1)
    top = raw[np.arange(b), best]
    fit = _fit(p, rows, counts, p.in_table[slot], best, b)
    fit_bar = p.fit_bars[best]
    cosine_decides = np.isnan(fit) | np.isnan(fit_bar)
    placed = np.where(
        top < SCORE_FLOOR,
        False,
        np.where(cosine_decides, top >= p.bars[best], ~(fit < fit_bar)),
    )
    target = np.where(placed, best, -1)
    scores = top.copy()
    pinned = [(k, p.pins[u]) for k, u in enumerate(urls) if u in p.pins]
    for k, i in pinned:
        target[k] = i
        own = p.own_scores.get(urls[k])
        scores[k] = 0.0 if i < 0 else raw[k, i] if own is None else own[i]
    matched_rows, matched_columns = _matched(p, c_rows, c_w, c_at, target)
    return Decided(target, scores, matched_rows, matched_columns)


def _pulls(p: Prepared, rows: Ints, w: Floats, at: Ints, b: int, n: int) -> Floats:
    """Per row and subject: KNN_WEIGHT x (cosine with its nearest example - KNN_FLOOR), or 0."""
    sel = at >= 0
    q, r, x = at[sel], rows[sel], w[sel]
    starts, ends = p.example_ptr[q], p.example_ptr[q + 1]
    lengths = ends - starts
    spread = np.repeat(np.arange(len(q), dtype=np.int64), lengths)
    offsets = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(lengths) - lengths, lengths
    )
    position = starts[spread] + offsets
    j = p.example_of[position]
    n_ex = len(p.example_subject)
    pair = r[spread] * n_ex + j
    unique, inverse = np.unique(pair, return_inverse=True)
    cos = np.bincount(inverse, weights=x[spread] * p.example_weight[position])
    row_of, example = unique // n_ex, unique % n_ex
    best = np.zeros((b, n), dtype=np.float64)
    np.maximum.at(best, (row_of, p.example_subject[example]), cos)
    return np.where(best > KNN_FLOOR, KNN_WEIGHT * (best - KNN_FLOOR), 0.0)


def _scale(p: Prepared, rows: Ints, counts: Floats, at: Ints, b: int) -> Floats:
    """Each subject's multiplier from the word model's vote (1 where no term votes)."""
    sel = at >= 0
    r, x, v = rows[sel], counts[sel], at[sel]
    total = _sums(r, x, b)
    dots = _per_subject(r, x, p.voters, v, b)
    live = np.isfinite(p.prior)
    sharpness = VOTE_SHARPNESS / np.where(total > 0, total, 1.0)
    logs = (p.prior[live][None, :] + dots[:, live]) * sharpness[:, None]
    odds = np.zeros_like(dots)
    odds[:, live] = np.exp(logs - logs.max(axis=1, keepdims=True))
    scale = 1.0 + VOTE_WEIGHT * odds / odds.sum(axis=1, keepdims=True)
    return np.where((total > 0)[:, None], scale, 1.0)


def _fit(p: Prepared, rows: Ints, counts: Floats, at: Ints, best: Ints, b: int) -> Floats:
    """How typical each article's words are of its best subject (nan: the word model knows
    nothing of that subject; 0 where it knows none of the article's terms)."""
    sel = at >= 0
    r, x, t = rows[sel], counts[sel], at[sel]
    ratio = _sums(r, x * p.table[t, best[r]], b) if p.table.shape[0] else np.zeros(b)
    total = _sums(r, x, b)
    fit = np.where(total > 0, ratio / np.where(total > 0, total, 1.0), 0.0)
    return np.where(np.isfinite(p.prior[best]), fit, np.nan)


def _matched(p: Prepared, rows: Ints, w: Floats, at: Ints, target: Ints) -> tuple[Ints, Ints]:
    """The target subject's strongest terms in each article: (row, column term) pairs, by row,
    at most MATCHED_TERMS a row, strongest first (ties: the larger term first, as heapq)."""
    sel = target[rows] >= 0
    r, x, a = rows[sel], w[sel], at[sel]
    c = x * p.columns[a, target[r]]
    pos = c > 0
    r, c, a = r[pos], c[pos], a[pos]
    order = np.lexsort((-p.column_rank[a], -c, r))
    r, a = r[order], a[order]
    first = np.searchsorted(r, r, side="left")
    keep = (np.arange(len(r)) - first) < MATCHED_TERMS
    return r[keep], a[keep]


# --- in a worker -----------------------------------------------------------------------------------

#: The model a worker scores with: set by `install` when the worker starts (forked: inherited).
_INSTALLED: list[Prepared] = []


def install(prepared: Prepared) -> None:
    """The pool's initializer: the model every later `place_window` in this process uses."""
    _INSTALLED[:] = [prepared]


def place_window(
    path: Path, after: int, through: int
) -> tuple[list[tuple[int, str | None, float, str]], list[int]]:
    """Score the unplaced articles with ids in (after, through] (read from the store at `path`)
    with the installed model: rows of (id, subject, score, matched words as JSON) to save, and
    the ids whose stored counts are missing or damaged (to count again and place one by one)."""
    (prepared,) = _INSTALLED
    with Store.reader(path) as store:
        batch = store.placement_batch(prepared.fingerprint, after, through, prepared.names)
    good = [(i, u, blob) for i, u, blob in batch if blob is not None and _sound(blob)]
    e = entries([blob for _, _, blob in good])
    unknown = np.unique(e.rows[e.ids >= len(prepared.slot)]).tolist()
    if unknown:  # a term the store does not have: damaged counts
        keep = np.ones(len(good), dtype=np.bool_)
        keep[unknown] = False
        good = [g for g, k in zip(good, keep.tolist(), strict=True) if k]
        e = entries([blob for _, _, blob in good])
    bad = sorted({i for i, _, _ in batch} - {i for i, _, _ in good})
    d = decide(prepared, [u for _, u, _ in good], e)
    quoted = prepared.column_json
    rows = [
        (
            i,
            prepared.names[t] if t >= 0 else None,
            s,
            "[" + ", ".join(quoted[k] for k in m.tolist()) + "]",
        )
        for (i, _, _), t, s, m in zip(
            good, d.target.tolist(), d.scores.tolist(), d.groups(), strict=True
        )
    ]
    return rows, bad


def _sound(blob: bytes) -> bool:
    """Whether a stored blob has the shape of one (`entries` checks the terms it names)."""
    tag = blob[:1]
    if tag == b"\x01":
        return (len(blob) - 1) % _WHOLE.itemsize == 0
    return tag == b"\x02" and (len(blob) - 1) % _EXACT.itemsize == 0


__all__ = ["Decided", "Prepared", "decide", "entries", "install", "place_window", "prepare"]
