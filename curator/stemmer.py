"""The Porter stemmer (pure), and the stems of Cyrillic and accented Latin words (moved out of
`textfeatures`).

Why our own stemmer: the subject scorer must match an editor's few words ("measuring", "metrics")
with an article's ("measure", "metric"), and the classic Porter (1980) algorithm does that well for
English in ~100 lines with no dependency. It is written here from the published description (M. F.
Porter, "An algorithm for suffix stripping", Program 14(3), 1980), steps 1a-5b, without the later
Porter2 refinements.
"""

from __future__ import annotations

import re

#: Every letter but a, e, i, o, u is a consonant ("c"), before the rule for y.
_CV_TABLE = str.maketrans({chr(c): "v" if chr(c) in "aeiou" else "c" for c in range(128)})


def _cv(s: str) -> str:
    """`s` as consonants and vowels ("toy" -> "cvc"); y is a consonant first or after a vowel."""
    cv = s.translate(_CV_TABLE)
    if "y" not in s:
        return cv
    out = list(cv)
    for i in range(1, len(s)):
        if s[i] == "y" and out[i - 1] == "c":  # a y after a consonant sounds as a vowel
            out[i] = "v"
    return "".join(out)


def _is_cons(w: str, i: int) -> bool:
    return _cv(w[: i + 1])[-1] == "c"


def _measure(s: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in `s`."""
    return _cv(s).count("vc")  # each vowel run followed by consonants ends in one "vc"


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


#: Russian, Ukrainian and Belarusian words are stemmed by their endings alone: a case ending
#: that ends in a consonant ("-ами", "-ов", "-ем"...), then the vowels, "й" and "ь" the word ends
#: in, as long as `CYRILLIC_STEM` letters are left, so "трамвай", "трамваи", "трамваев",
#: "трамвая" and "трамваем" are one term (walk151 #8: the keyword "трамвай" matched no
#: "Трамваи"), as Porter makes "trams" "tram". A shorter word is left whole ("Пермь", "Перми").
CYRILLIC_STEM = 5


#: Words in Latin letters with accents longer than this lose a plural's final "s" (`stem`).
PLURAL_STEM = 4


_LATIN_WORD = re.compile("[a-z\u00c0-\u024f]+")


_LATIN_PLURAL = re.compile("(?:[^s]s|[ae]ux)$")


_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")


_CYRILLIC_CASE_ENDINGS = tuple(
    "ами ями ыми ими ов ев ів їв ам ям ах ях ом ем ых их ым им".split()  # noqa: SIM905
)


_CYRILLIC_LAST_LETTERS = "аеёиоуыэюяіїєйь"


def _cyrillic_stem(w: str) -> str:
    """A Cyrillic word without its inflection (`CYRILLIC_STEM`)."""
    for end in _CYRILLIC_CASE_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= CYRILLIC_STEM:
            w = w[: -len(end)]
            break
    while len(w) > CYRILLIC_STEM and w[-1] in _CYRILLIC_LAST_LETTERS:
        w = w[:-1]
    return w


#: Arabic words lose a sound plural's ending ("ات", "ون", "ين") or a final "ة" (ta marbuta) when
#: `ARABIC_STEM` letters or more are left: "تعليقات" is "تعليق", "ملاحظات" and "ملاحظة" are one
#: term (walk198 #5: the keywords "تعليق" and "ملاحظة" matched no "التعليقات" or "الملاحظات"; the
#: article "ال" goes first: `textfeatures`). A shorter word is left whole.
ARABIC_STEM = 3


_ARABIC_WORD = re.compile("[\u0620-\u064a\u0671-\u06d3]+")


_ARABIC_ENDINGS = ("ات", "ون", "ين", "ة")


def _arabic_stem(w: str) -> str:
    """An Arabic word without a sound plural's ending or its ta marbuta (`ARABIC_STEM`)."""
    for end in _ARABIC_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= ARABIC_STEM:
            return w[: -len(end)]
    return w


STEMS: dict[str, str] = {}


#: The stem cache stops growing here (hostile input with millions of distinct words stays bounded).
STEM_CACHE_MAX = 200_000


def stem(word: str) -> str:
    """The Porter stem of a lower-case word ("measuring" -> "measur", "customers" -> "custom"); other
    scripts' words by their endings (Cyrillic, Arabic, accented Latin)."""
    cached = STEMS.get(word)
    if cached is not None:
        return cached
    w = word
    if "ß" in w or "ς" in w:
        # German's "ß" is the "ss" Swiss German writes (walk151 #8: the keyword "Straßenbahn"
        # matched no "Strassenbahn"), Greek's final sigma a sigma: as str.casefold() reads them
        # (the word shown stays as written).
        w = w.replace("ß", "ss").replace("ς", "σ")
    if len(w) > 2 and w.isalpha() and w.isascii():  # (Porter's rules are English's)
        w = _step5(_step4(_replace(_replace(_step1(w), _STEP2_BY_LAST), _STEP3_BY_LAST)))
    elif len(w) > CYRILLIC_STEM and _CYRILLIC_WORD.fullmatch(w):
        w = _cyrillic_stem(w)
    elif len(w) > ARABIC_STEM and _ARABIC_WORD.fullmatch(w):
        w = _arabic_stem(w)
    elif len(w) > PLURAL_STEM and _LATIN_PLURAL.search(w) and _LATIN_WORD.fullmatch(w):
        # A word with accents, in Latin letters (French, Spanish, Portuguese, Catalan...): its
        # plural's "s" goes, as Porter's rules take English's (walk191 #8: the keyword "enquête"
        # matched no "enquêtes", "baromètre" no "baromètres"). "succès" and "accès" lose theirs
        # in every form alike, so they still match themselves. French's plurals in -x after
        # "au"/"eu" too ("réseaux", "jeux vidéo": walk195 #8).
        w = w[:-1]
    if len(STEMS) < STEM_CACHE_MAX:
        STEMS[word] = w
    return w
