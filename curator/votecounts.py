"""What the word model learns from, counted once (exp21: exp20's fit counted it twice).

The fit's table reads an article's words (`counts`); the vote reads its words and its pairs of
words (`voting`: `wordpairs`). Counted apart, each teaching article's words were summed twice and
the archive's terms twice, and `_own_scores` summed both again. Here they are summed once, to the
same floats in the same order, so that every score stays exactly as it was:

- the archive's words are its terms with the pairs left out (a word's sum is made of the same
  additions in the same order; the words keep their order among the terms);
- a subject's teaching counts for the vote are the fit's for its words wherever no teaching
  article of its was cut to a different weight (a long post is cut to TEACHER_MAX_LENGTH x the
  average length, and the average with pairs is not the average without): only the words of the
  articles so cut are summed again, in the labels' order, at the vote's weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from curator.termvectors import Vector
from curator.wordpairs import JOIN


@dataclass(frozen=True)
class Teaching:
    """What the labels teach, for the fit's table (`totals`: words alone) and for the vote
    (`voted`, and `voted_used`, each label's weight: words and pairs); `weights`, how many
    articles teach each subject."""

    totals: list[dict[str, float]]
    weights: list[float]
    voted: list[dict[str, float]]
    voted_used: list[float]


def archive_of(counts: Sequence[Vector]) -> dict[str, float]:
    """The whole archive's term counts."""
    archive: dict[str, float] = {}
    for c in counts:
        for t, x in c.items():
            archive[t] = archive.get(t, 0.0) + x
    return archive


def words_of(archive: dict[str, float]) -> dict[str, float]:
    """`archive_of(counts)` from `archive_of(voting)` (voting: counts with pairs after them)."""
    return {t: x for t, x in archive.items() if JOIN not in t}


def _lengths(counts: Sequence[Vector], most: float) -> tuple[list[float], float]:
    """Each article's length, and the longest a teaching article counts for."""
    lengths = [sum(c.values()) for c in counts]
    return lengths, most * sum(lengths) / (len(counts) or 1)


def teaching(
    counts: Sequence[Vector],
    pairs: Sequence[Vector],
    labels: Sequence[tuple[int, int, float]],
    n_subjects: int,
    most: float,
) -> Teaching:
    """Per subject, the weighted term counts of its teaching articles and how many they are, and
    each label's weight (a post longer than `most` x the average is cut to it), as
    `_teaching(counts)` and `_teaching(voting)` give them (`voting[k]`: `counts[k]` then
    `pairs[k]`)."""
    lengths, longest = _lengths(counts, most)
    # (sum(p, x) adds p's counts after x, as summing the words then the pairs one by one does)
    voted_lengths = [sum(p.values(), x) if p else x for p, x in zip(pairs, lengths, strict=True)]
    voted_longest = most * sum(voted_lengths) / (len(counts) or 1)
    totals: list[dict[str, float]] = [{} for _ in range(n_subjects)]
    paired: list[dict[str, float]] = [{} for _ in range(n_subjects)]
    weights = [0.0] * n_subjects
    voted_used: list[float] = []
    apart: list[set[str]] = [set() for _ in range(n_subjects)]
    for k, i, w in labels:
        weights[i] += 1.0
        wc = wv = w
        if lengths[k] > longest:
            wc = w * (longest / lengths[k])
        if voted_lengths[k] > voted_longest:
            wv = w * (voted_longest / voted_lengths[k])
        voted_used.append(wv)
        tot = totals[i]
        for t, x in counts[k].items():
            tot[t] = tot.get(t, 0.0) + wc * x
        pt = paired[i]
        for t, x in pairs[k].items():
            pt[t] = pt.get(t, 0.0) + wv * x
        if wv != wc:
            apart[i].update(counts[k])
    voted = []
    for i in range(n_subjects):
        again: dict[str, float] = {}
        if apart[i]:  # (these words' sums, at the vote's weights, in the labels' order)
            for (k, j, _), wv in zip(labels, voted_used, strict=True):
                if j == i:
                    c = counts[k]
                    for t in apart[i].intersection(c):
                        again[t] = again.get(t, 0.0) + wv * c[t]
        voted.append({**totals[i], **again, **paired[i]})
    return Teaching(totals, weights, voted, voted_used)


__all__ = ["Teaching", "archive_of", "teaching", "words_of"]
