"""Text features for subject scoring: words, stop words, a Porter stemmer, readable forms (pure).

Why our own stemmer: the subject scorer must match an editor's few words ("measuring", "metrics")
with an article's ("measure", "metric"), and the classic Porter (1980) algorithm does that well for
English in ~100 lines with no dependency. It is written here from the published description (M. F.
Porter, "An algorithm for suffix stripping", Program 14(3), 1980), steps 1a-5b, without the later
Porter2 refinements.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

#: A word: letters (with inner apostrophes or hyphen-free digits), lower-cased before matching. Pure
#: numbers are dropped (prices, dates and scores say little about a subject and make vectors long).
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

#: Longest word kept: anything longer is a URL fragment, a hash or junk from a page.
MAX_WORD = 30

#: English stop words: the function words of the classic SMART / Lucene lists, plus a few words
#: that fill news and blog prose in every subject alike ("said", "told", "mr", "year", "new", small
#: number words, the wire's "Reuter" sign-off).
STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all almost along already also although always am among an
    and another any anyone anything are aren't around as at away back be became because become
    becomes been before being below between both but by can can't cannot could couldn't did
    didn't do does doesn't doing don't done down during each either else enough etc even ever
    every few for from further get gets getting give given go goes going got had hadn't has
    hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
    how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just least less
    let let's like made make makes many may me might mine more most mostly much must mustn't my
    myself neither never no nor not now of off often on once one only onto or other others
    otherwise ought our ours ourselves out over own per perhaps put quite rather really said
    same say saying says see seem seemed seems several shall shan't she she'd she'll she's
    should shouldn't since so some something sometimes still such than that that's the their
    theirs them themselves then there there's therefore these they they'd they'll they're
    they've this those though through thus to together too told toward towards under until unto
    up upon us use used using very via was wasn't way we we'd we'll we're we've well were
    weren't what what's whatever when when's where where's whereas whether which while who who's
    whom whose why why's will with within without won't would wouldn't yet you you'd you'll
    you're you've your yours yourself yourselves mr mrs ms dr also said says told added
    according yesterday today week weeks year years month months new last first two three four
    five six seven eight nine ten reuter reuters
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)


def _word(token: str) -> str | None:
    """A raw token as a word ("mike's" -> "mike"), or None for numbers, single letters and junk."""
    if token.endswith("'s"):
        token = token[:-2]
    if len(token) < 2 or len(token) > MAX_WORD or token.isdigit():
        return None
    return token


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def words(text: str) -> Iterator[str]:
    """The lower-cased words of `text`, in order, without numbers, single letters and junk."""
    for token in _tokens(text):
        w = _word(token)
        if w is not None:
            yield w


# --- the Porter stemmer ---------------------------------------------------------------------


def _cv(s: str) -> str:
    """`s` as consonants and vowels ("toy" -> "cvc"); y is a consonant first or after a vowel."""
    out = []
    prev_cons = False
    for i, c in enumerate(s):
        cons = c not in "aeiou" and (c != "y" or i == 0 or not prev_cons)
        out.append("c" if cons else "v")
        prev_cons = cons
    return "".join(out)


_VC = re.compile("v+c+")


def _is_cons(w: str, i: int) -> bool:
    return _cv(w[: i + 1])[-1] == "c"


def _measure(s: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in `s`."""
    return len(_VC.findall(_cv(s)))


def _has_vowel(s: str) -> bool:
    return "v" in _cv(s)


def _double_cons(s: str) -> bool:
    return len(s) >= 2 and s[-1] == s[-2] and _is_cons(s, len(s) - 1)


def _cvc(s: str) -> bool:
    return len(s) >= 3 and _cv(s).endswith("cvc") and s[-1] not in "wxy"


#: Porter's steps 2 and 3: (suffix, replacement), applied when the stem before the suffix has m > 0.
_STEP2 = (
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
)  # fmt: skip
_STEP3 = (
    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
    ("ness", ""),
)  # fmt: skip
#: Porter's step 4: suffixes dropped when the stem before them has m > 1 (longest first).
_STEP4 = (
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
    "ive", "ize", "ion", "al", "er", "ic", "ou",
)  # fmt: skip


def _step1(w: str) -> str:
    if w.endswith(("sses", "ies")):  # caresses -> caress, ponies -> poni
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    else:
        for suf in ("ed", "ing"):
            if w.endswith(suf) and _has_vowel(w[: -len(suf)]):
                w = w[: -len(suf)]
                if w.endswith(("at", "bl", "iz")):
                    w += "e"
                elif _double_cons(w) and w[-1] not in "lsz":
                    w = w[:-1]
                elif _measure(w) == 1 and _cvc(w):
                    w += "e"
                break
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    return w


def _by_last_letter(table: tuple[tuple[str, str], ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """A suffix table split by the suffixes' last letter, so a word is tried against a few only."""
    out: dict[str, list[tuple[str, str]]] = {}
    for suf, rep in table:
        out.setdefault(suf[-1], []).append((suf, rep))
    return {k: tuple(v) for k, v in out.items()}


_STEP2_BY_LAST = _by_last_letter(_STEP2)
_STEP3_BY_LAST = _by_last_letter(_STEP3)
_STEP4_BY_LAST = _by_last_letter(tuple((suf, "") for suf in _STEP4))


def _replace(w: str, table: dict[str, tuple[tuple[str, str], ...]]) -> str:
    for suf, rep in table.get(w[-1:], ()):
        if w.endswith(suf):
            stem = w[: -len(suf)]
            return stem + rep if _measure(stem) > 0 else w
    return w


def _step4(w: str) -> str:
    for suf, _ in _STEP4_BY_LAST.get(w[-1:], ()):
        if w.endswith(suf):
            stem = w[: -len(suf)]
            if _measure(stem) > 1 and (suf != "ion" or stem.endswith(("s", "t"))):
                return stem
            return w
    return w


def _step5(w: str) -> str:
    if w.endswith("e"):
        stem = w[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _cvc(stem)):
            w = stem
    if w.endswith("ll") and _measure(w) > 1:
        w = w[:-1]
    return w


_STEMS: dict[str, str] = {}
#: The stem cache stops growing here (hostile input with millions of distinct words stays bounded).
_STEM_CACHE_MAX = 200_000


def stem(word: str) -> str:
    """The Porter stem of a lower-case word ("measuring" -> "measur", "customers" -> "custom")."""
    cached = _STEMS.get(word)
    if cached is not None:
        return cached
    w = word
    if len(w) > 2 and w.isalpha():
        w = _step5(_step4(_replace(_replace(_step1(w), _STEP2_BY_LAST), _STEP3_BY_LAST)))
    if len(_STEMS) < _STEM_CACHE_MAX:
        _STEMS[word] = w
    return w


#: Raw token -> its term (stem), or "" for a token that is no term (stop word, number...): one
#: look-up per token on the hot path. Bounded like the stem cache.
_TERMS: dict[str, str] = {}


def _term(token: str) -> str:
    w = _word(token)
    t = "" if w is None or w in STOP_WORDS else stem(w)
    if len(_TERMS) < _STEM_CACHE_MAX:
        _TERMS[token] = t
    return t


def terms(text: str) -> list[str]:
    """The stems of `text`'s content words, in order (stop words dropped)."""
    tokens = _tokens(text)
    found = list(map(_TERMS.get, tokens))
    if None in found:  # words not seen before: stem them once
        found = [t if t is not None else _term(tk) for t, tk in zip(found, tokens, strict=True)]
    return list(filter(None, found))


def surface_forms(texts: Iterable[str]) -> dict[str, str]:
    """For each stem, the word that most often produced it in `texts` ("pricing", not "price")."""
    counts: dict[str, Counter[str]] = {}
    for text in texts:
        for w in words(text):
            if w not in STOP_WORDS:
                counts.setdefault(stem(w), Counter())[w] += 1
    return {s: c.most_common(1)[0][0] for s, c in counts.items()}


def reset_caches() -> None:
    """Forget every word stemmed so far (for benchmarks that time a cold start)."""
    _STEMS.clear()
    _TERMS.clear()
