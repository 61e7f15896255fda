"""The editor's own words for each subject, as the subject scorer reads them (pure): the
multi-word keywords (`subject_phrases`), the name, description and keywords as weighted term
counts (`query_counts`) and query vectors (`queries`), the terms that are other subjects' words
and not a subject's own (`foreign_terms`), and the configured subject a correction names
(`resolve`).
"""

from __future__ import annotations

from collections.abc import Sequence

from curator.models import Subject
from curator.termvectors import Corpus, Vector, normalise, tfidf
from curator.textfeatures import (
    phrase_key,
    terms,
)

#: Query weights: the editor's keywords and the subject's name are the strongest signal, the
#: description's words support them; the words inside a multi-word keyword count little on their
#: own (the phrase counts in full): "net" of "net promoter score" put tennis news under measuring.
#: (Counting a word several subjects' queries share less in each was measured: no gain.)
NAME_WEIGHT = 2.0
KEYWORD_WEIGHT = 2.0
PHRASE_WORD_WEIGHT = 0.5
DESCRIPTION_WEIGHT = 1.0


def subject_phrases(subjects: Sequence[Subject]) -> dict[str, set[tuple[str, ...]]]:
    """First stem -> the rest of each multi-word keyword (as stem tuples)."""
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for s in subjects:
        for kw in s.keywords:
            toks = terms(kw)
            if len(toks) > 1:
                phrases.setdefault(toks[0], set()).add(tuple(toks[1:]))
    return phrases


def query_counts(subject: Subject) -> Vector:
    """The subject's own words as weighted term counts: name, description and keywords."""
    counts: Vector = {}
    for text, weight in ((subject.name, NAME_WEIGHT), (subject.description, DESCRIPTION_WEIGHT)):
        for t in terms(text or ""):
            counts[t] = counts.get(t, 0.0) + weight
    for kw in subject.keywords:
        toks = terms(kw)
        word_weight = KEYWORD_WEIGHT if len(toks) == 1 else PHRASE_WORD_WEIGHT
        for t in toks:
            counts[t] = counts.get(t, 0.0) + word_weight
        if len(toks) > 1:
            key = phrase_key(toks)
            counts[key] = counts.get(key, 0.0) + KEYWORD_WEIGHT
    return counts


def queries(subjects: Sequence[Subject], corpus: Corpus) -> list[Vector]:
    """Each subject's query vector (its own words, TF-IDF weighted, unit length)."""
    return [normalise(tfidf(query_counts(s), corpus)) for s in subjects]


def foreign_terms(subjects: Sequence[Subject]) -> list[frozenset[str]]:
    """Per subject, the terms of the other subjects' own words (name, description, keywords)
    that are not its own words too.

    An example the editor moved to a subject is evidence for it through the words that make it
    that subject's, not through those that are another subject's by the editor's own say: walk176
    #1, a cycling article moved to Astronomy was like every other cycling article by Cycling's
    eight keywords (cosines of 0.74-1.0), pulled all 20 of them, which then taught Astronomy's
    vote cycling's words and left Cycling empty (measured: see KNN_WEIGHT)."""
    own = [set(query_counts(s)) for s in subjects]
    out = []
    for i, words in enumerate(own):
        others = set().union(*(w for j, w in enumerate(own) if j != i))
        out.append(frozenset(others - words))
    return out


def resolve(name: str | None, subjects: Sequence[Subject]) -> str | None:
    """The configured subject a correction names (exact, then case-insensitive), or None."""
    if name is None:
        return None
    for s in subjects:
        if s.name == name:
            return s.name
    for s in subjects:
        if s.name.casefold() == name.casefold():
            return s.name
    return None
