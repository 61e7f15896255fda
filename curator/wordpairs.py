"""Adjacent word pairs: terms of the word model's vote alone (exp19, built by exp20).

Two stems side by side in a sentence ("video card", "hard disk", "x server", "window manag") tell
neighbouring subjects apart where each word alone does not: "card" and "disk" are every computer
subject's words, a "video card" is PC hardware's or graphics'. An article's pairs are counted in
the one pass that counts its words (`textfeatures.article_counts`: stop words already out,
field-weighted as the words, never across a sentence's end: . ! ? ; : or a line's end), kept
apart from its words (a pair is "hard+drive", `JOIN`), and read by the vote only: the cosine, the
idf, the fit's table, the matched terms and the subjects' overlap never see one. A pair counts
where PAIR_MIN_DOCS articles of the archive the model learns from use it (`shared_pairs`; a pair
unknown to the model's vote is read by nothing when placing), and a pair an editor's two-word
keyword already counts ("hard drive") counts once, as the keyword.

On 20 Newsgroups' comp.* and sci.*, with exp17's query expansion, the same-field mean rose from
0.848 to 0.853 zero-shot and 0.860 to 0.869 with 20 corrections (benchmarks/README.md, exp19 and
exp20).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import compress, islice, repeat
from operator import and_, mul, ne

#: A pair's term: its two stems joined by this (no stem has it: tokens are letters and digits).
JOIN = "+"
#: The token (and term) a sentence's end reads as while an article is counted; never counted.
MARK = "\x00"
#: The sentence ends an article's text is cut at for its pairs.
SENTENCE_ENDS = ".!?;:\n"
#: A pair counts where this many articles of the archive use it (as numbers: NUMBER_MIN_DOCS).
#: exp19: 2, 3, 4 and 5 articles all gain; 3 most on both halves.
PAIR_MIN_DOCS = 3


def is_pair(term: str) -> bool:
    """Whether `term` is a pair of words (not a word or a phrase)."""
    return JOIN in term


def count_pairs(into: dict[str, float], seq: list[str], weight: float = 1.0) -> None:
    """Add the pairs of `seq` (stems in order, MARK at each sentence's end) to `into`, `weight`
    each: a pair across a MARK, or of a stem with itself, is none."""
    # (all in C: a mask of the pairs that count, then a Counter of them; their terms made last,
    # once a pair: placing an article counts its pairs as it counts its words)
    after = islice(seq, 1, None)
    words = list(map(MARK.__ne__, seq))
    counted = map(
        and_, map(and_, words, islice(words, 1, None)), map(ne, seq, islice(seq, 1, None))
    )
    found = Counter(compress(zip(seq, after, strict=False), counted))
    keys = map(JOIN.join, found)
    values = found.values() if weight == 1.0 else map(mul, found.values(), repeat(weight))
    if not into:
        into.update(zip(keys, values, strict=True))
        return
    for key, x in zip(keys, values, strict=True):
        into[key] = into.get(key, 0.0) + x


def split(counts: Mapping[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """Stored counts (words, phrases and pairs together) as (words and phrases, pairs)."""
    # (the pairs found in C, then moved: the same dicts, in the same order; exp21)
    found = [t for t in counts if JOIN in t]
    words = dict(counts)
    if not found:
        return words, {}
    pop = words.pop
    return words, dict(zip(found, map(pop, found), strict=True))


def keyword_pairs(phrases: Mapping[str, Iterable[tuple[str, ...]]]) -> set[str]:
    """The pairs the editor's two-word keywords count already (`phrases`: first stem -> the
    rests, as the scorer's phrase table)."""
    return {
        first + JOIN + rest[0]
        for first, rests in phrases.items()
        for rest in rests
        if len(rest) == 1
    }


def shared_pairs(
    pairs: Sequence[Mapping[str, float]], counted: Collection[str] = ()
) -> list[dict[str, float]]:
    """Each article's pairs that PAIR_MIN_DOCS of them use, but for those in `counted` (the
    editor's two-word keywords: `keyword_pairs`)."""
    df: Counter[str] = Counter()
    for p in pairs:
        df.update(p.keys())
    kept = {t for t, k in df.items() if k >= PAIR_MIN_DOCS and t not in counted}
    return [{t: x for t, x in p.items() if t in kept} for p in pairs]


__all__ = [
    "JOIN",
    "MARK",
    "PAIR_MIN_DOCS",
    "SENTENCE_ENDS",
    "count_pairs",
    "is_pair",
    "keyword_pairs",
    "shared_pairs",
    "split",
]
