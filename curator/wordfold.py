"""Forms of one word the scorer reads as one (walk198 #5): full-width Latin letters and digits
("ＮＰＳ", "２０２６", common in Japanese text) as the ASCII they stand for, and Arabic without its
vowel marks (tashkeel: "مُؤشر" is "مؤشر") and its tatweel ("مـؤشر"). An article's words and a
subject's keywords go through it alike (`textfeatures._tokens`)."""

from __future__ import annotations

import re

#: Full-width ASCII ("！" to "～", U+FF01-U+FF5E) as ASCII, and the ideographic space as a space:
#: the width folding Unicode's NFKC does, without NFKC's other changes ("①" stays, "ﬁ" stays).
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WIDE = re.compile("[\u3000\uff01-\uff5e]")

#: Arabic's tatweel (U+0640, a stretch of the line between letters) and the marks written over or
#: under its letters: short vowels, shadda, sukun (U+064B-U+065F), the dagger alef (U+0670) and
#: the Quranic marks (U+0610-U+061A). A word with them is the word without them.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u0640\u064b-\u065f\u0670]")


def fold(text: str) -> str:
    """`text` with full-width letters, digits and signs as ASCII, and without Arabic's vowel marks
    and tatweel; `text` itself when it has none (ASCII text is not looked at)."""
    if text.isascii():
        return text
    if _WIDE.search(text):
        text = text.translate(_FULL_WIDTH)
    if _ARABIC_MARKS.search(text):
        text = _ARABIC_MARKS.sub("", text)
    return text
