"""Each article's term counts as the store keeps them, so that placing it again never reads its text.

Counting an article (tokenising, stemming, weighting its fields: `textfeatures.article_counts`) is
most of what scoring it costs. The store keeps every article's counts once counted, as a blob of
(term id, count) records over its table of terms, and re-placing the archive after the editor
changes a subject reads those instead of the texts.

Counts depend on the subjects only through their multi-word keywords (a phrase counts as a term of
its own). The store records the phrases its counts include (`counted`): every stored blob counts
every one of them. A phrase new to it is counted into the articles that could contain it (those
with all its words) before anything is scored; a phrase the editor dropped stays counted and is
left out when scoring (`for_phrases`). An article's pairs of adjacent words ("hard+drive", read
by the word model's vote alone: `wordpairs`) are stored among its terms. When how articles are
counted changes (a weight, the stop words, the stemmer: `COUNTS_FORMAT`), every stored count is
forgotten and counted again.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from curator import stemmer, textfeatures
from curator.models import Article
from curator.store import Store
from curator.termvectors import Vector
from curator.textfeatures import article_terms, phrase_key

#: Bump when counting changes in a way `counts_format` cannot see: stored counts are then
#: counted again. 5: an article's pairs of words are stored among its terms (`wordpairs`).
COUNTING_VERSION = "5"
#: Words whose terms `counts_format` includes, so that a change to the tokeniser or the stemmer
#: (Porter's own examples, and the shapes the tokeniser treats specially) changes the format.
_PROBE = (
    "caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled "
    "sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional "
    "rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli "
    "vietnamization predication operator feudalism decisiveness hopefulness callousness "
    "formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical "
    "hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible "
    "irritant replacement adjustment dependent adoption homologou communism activate angulariti "
    "homologous effective bowdlerize probate rate cease controll roll customer's don't x 42 "
    "a1b2 486 7 3.1 thirty-one zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz café straßenbahn трамваи دمشق 宇航员 "
    "ロケット 茶 ภาษาไทย हिन्दी l’expérience d'un dell'ascolto enquêtes réseaux ＮＰＳ "
    "التعليقات مُؤشر"
)

#: Blob layouts: a tag byte, then (id, count) records sorted by id. Counts are whole numbers with
#: the weights in use (3 / 2 / 1), kept in two bytes; any other count keeps all of a float's bits.
_WHOLE = b"\x01"
_EXACT = b"\x02"
_WHOLE_RECORD = struct.Struct("<IH")
_EXACT_RECORD = struct.Struct("<Id")
WHOLE_LIMIT = 65535


def counts_format() -> str:
    """What stored counts depend on besides the text: how fields are weighted and cut, the stop
    words, how a probe of words is tokenised and stemmed, and `COUNTING_VERSION` (stored counts
    from another format are counted again)."""
    parts = [
        COUNTING_VERSION,
        repr(
            (
                textfeatures.TITLE_WEIGHT,
                textfeatures.LEAD_WEIGHT,
                textfeatures.TEXT_WEIGHT,
                textfeatures.MAX_TEXT_CHARS,
                textfeatures.MAX_TITLE_CHARS,
                textfeatures.MAX_CATEGORIES,
                textfeatures.MAX_WORD,
            )
        ),
        " ".join(sorted(textfeatures.TERM_STOP_WORDS)),
        # (words and stem, not terms: they leave the words shown for terms as they were)
        " ".join(stemmer.stem(w) for w in textfeatures.words(_PROBE)),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def encode(counts: Iterable[tuple[int, float]]) -> bytes:
    """(term id, count) pairs as a blob (sorted by id)."""
    pairs = sorted(counts)
    if all(c == int(c) and 0 <= c <= WHOLE_LIMIT for _, c in pairs):
        return _WHOLE + b"".join(_WHOLE_RECORD.pack(i, int(c)) for i, c in pairs)
    return _EXACT + b"".join(_EXACT_RECORD.pack(i, c) for i, c in pairs)


def decode(blob: bytes) -> list[tuple[int, float]]:
    """The (term id, count) pairs of a blob; ValueError when it is not one."""
    tag, body = blob[:1], blob[1:]
    if tag == _WHOLE and len(body) % _WHOLE_RECORD.size == 0:
        return [(i, float(c)) for i, c in _WHOLE_RECORD.iter_unpack(body)]
    if tag == _EXACT and len(body) % _EXACT_RECORD.size == 0:
        return list(_EXACT_RECORD.iter_unpack(body))
    raise ValueError("not a blob of term counts")


def phrases_of(keys: Iterable[str]) -> dict[str, set[tuple[str, ...]]]:
    """Phrase keys ("custom experi") as the scorer's phrase table: first stem -> the rests."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for key in keys:
        first, *rest = key.split(" ")
        if rest:
            out.setdefault(first, set()).add(tuple(rest))
    return out


def phrase_keys(phrases: Mapping[str, set[tuple[str, ...]]]) -> set[str]:
    """The phrase table's phrases as keys (the terms they count as)."""
    return {phrase_key((first, *rest)) for first, rests in phrases.items() for rest in rests}


def for_phrases(counts: Mapping[str, float], phrases: Iterable[str]) -> Vector:
    """Stored counts as `article_counts` gives them for a model whose phrases are `phrases`:
    the counts of phrases the store counts but the model does not use left out."""
    keep = set(phrases)
    return {t: c for t, c in counts.items() if " " not in t or t in keep}


@dataclass(frozen=True)
class Counted:
    """One article counted: its term counts (with the phrases asked for) and, per stem, the word
    shown for it (the shortest that produced it in this article)."""

    article_id: int
    counts: Vector
    shown: Mapping[str, str]


def count(articles: Sequence[Article], phrases: Iterable[str]) -> list[Counted]:
    """Count each article (pure; what worker processes run on a batch)."""
    table = phrases_of(phrases)
    out = []
    for a in articles:
        counts, shown = article_terms(a, table)
        out.append(Counted(a.id, counts, shown))
    return out


def _shorter(word: str, than: str) -> bool:
    return (len(word), word) < (len(than), than)


class Vocabulary:
    """The store's table of terms as this process has read it (term -> id and the word shown for
    it), written through: `save` stores counted articles, adding their new terms and any shorter
    word for a known one."""

    #: Terms remembered at most (then forgotten and read again as needed): bounded memory when a
    #: whole archive is counted.
    MAX_KNOWN = 300_000

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known: dict[str, tuple[int, str]] = {}
        self.names: dict[int, str] = {}

    def save(self, counted: Sequence[Counted]) -> None:
        """Store each article's counts (one transaction), its terms first."""
        words: dict[str, str] = {}
        for c in counted:
            for t in c.counts:
                w = c.shown.get(t, t)
                old = words.get(t)
                if old is None or _shorter(w, old):
                    words[t] = w
        unknown = [t for t in words if t not in self.known]
        if unknown:
            self.known.update(self.store.term_rows(unknown))
        changed = [
            (t, w) for t, w in words.items() if t not in self.known or _shorter(w, self.known[t][1])
        ]
        with self.store.transaction():
            if changed:
                self.store.upsert_terms(changed)
                self.known.update(self.store.term_rows([t for t, _ in changed]))
            self.store.save_term_counts(
                (c.article_id, encode((self.known[t][0], x) for t, x in c.counts.items()))
                for c in counted
            )
        if len(self.known) > self.MAX_KNOWN:
            self.known.clear()

    def counts(self, blobs: Mapping[int, bytes]) -> tuple[dict[int, Vector], list[int]]:
        """Stored blobs (article id -> blob) as term counts (every counted phrase included), and
        the ids whose blob is damaged (not a blob of counts, or naming a term the store lacks):
        those are to be counted again."""
        pairs: dict[int, list[tuple[int, float]]] = {}
        damaged: list[int] = []
        for i, b in blobs.items():
            try:
                pairs[i] = decode(b)
            except ValueError:
                damaged.append(i)
        names = self.names
        if len(names) > self.MAX_KNOWN:
            names.clear()
        # (in C where it can be: a blob holds twice the terms since its pairs of words are
        # stored among them; exp21)
        wanted = set(map(itemgetter(0), chain.from_iterable(pairs.values()))).difference(names)
        if wanted:
            names.update(self.store.terms_by_id(wanted))
        out: dict[int, Vector] = {}
        name = names.__getitem__
        for i, p in pairs.items():
            try:
                out[i] = dict(
                    zip(map(name, map(itemgetter(0), p)), map(itemgetter(1), p), strict=True)
                )
            except KeyError:  # (a term the store lacks)
                damaged.append(i)
        return out, damaged


#: Stored counts read at a time when a new phrase is looked for, and articles counted again at a
#: time (bounded memory).
SCAN_BATCH = 5000
RECOUNT_BATCH = 2000


def prepare(store: Store, phrases: set[str], vocabulary: Vocabulary | None = None) -> list[str]:
    """The phrases every stored count includes, `phrases` among them: the stored counts are
    forgotten when counting changed (`counts_format`), and a phrase new to the store is counted
    into the stored articles that have all its words. Returns the phrases to count new articles
    with."""
    vocabulary = vocabulary or Vocabulary(store)
    stored_format, counted = store.term_counts_state()
    if stored_format != counts_format():
        store.reset_term_counts(counts_format())
        vocabulary.known.clear()  # (term ids may be given again)
        vocabulary.names.clear()
        counted = []
    new = sorted(phrases - set(counted))
    if not new:
        return counted
    everything = sorted(set(counted) | phrases)
    wanted = _phrase_ids(store, new)
    through = store.newest_article_id()
    for after in range(0, through, SCAN_BATCH) if wanted else ():
        candidates = [
            i
            for i, blob in store.counted_between(after, min(after + SCAN_BATCH, through))
            if _may_contain(blob, wanted)
        ]
        for start in range(0, len(candidates), RECOUNT_BATCH):
            chunk = store.articles_by_ids(candidates[start : start + RECOUNT_BATCH])
            vocabulary.save(count(chunk, everything))
    store.set_counted_phrases(everything)
    return everything


def _phrase_ids(store: Store, phrases: Sequence[str]) -> list[frozenset[int]]:
    """Each phrase's words as stored term ids (a phrase with a word no stored article uses is
    in no stored article, and left out)."""
    rows = store.term_rows({p for phrase in phrases for p in phrase.split(" ")})
    return [
        frozenset(rows[p][0] for p in phrase.split(" "))
        for phrase in phrases
        if all(p in rows for p in phrase.split(" "))
    ]


#: A record's term id as a blob holds it (the first four bytes of either layout's records).
_ID = struct.Struct("<I")


def _may_contain(blob: bytes, wanted: Sequence[frozenset[int]]) -> bool:
    """Whether the counts `blob` has every term id of one of `wanted`; ValueError when it is not
    a blob of term counts (as `decode`).

    A new phrase makes every stored blob be asked this (100,000 of them after the editor adds a
    two-word keyword: 8 s of a 20 s re-score decoding each into pairs, speed14): each id is found
    instead as its four bytes at a record's start, by `bytes.find`, reading no other record."""
    tag = blob[:1]
    size = {_WHOLE: _WHOLE_RECORD.size, _EXACT: _EXACT_RECORD.size}.get(tag, 0)
    if not size or (len(blob) - 1) % size:
        decode(blob)  # (raises what decoding it would)
    return any(all(_has_id(blob, _ID.pack(i), size) for i in w) for w in wanted)


def _has_id(blob: bytes, key: bytes, size: int) -> bool:
    """Whether a record of `size` bytes in `blob` (after its tag byte) starts with `key`."""
    at = blob.find(key, 1)
    while at != -1:
        if (at - 1) % size == 0:
            return True
        at = blob.find(key, at + 1)
    return False


__all__ = [
    "COUNTING_VERSION",
    "Counted",
    "Vocabulary",
    "count",
    "counts_format",
    "decode",
    "encode",
    "for_phrases",
    "phrase_keys",
    "phrases_of",
    "prepare",
]
