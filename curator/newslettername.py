"""Whether two newsletter titles (or editors) name the same newsletter: the one comparison the
checks of stores, output folders, drafts and renames share (`curator.ownership`,
`curator.draftmaker`, `curator.newsletterchange`)."""

from __future__ import annotations


def title_words(text: str) -> str:
    """`text` as compared: its words, case folded (a title retyped with other spaces is the same)."""
    return " ".join(text.split()).casefold()


def same_name(a: str, b: str) -> bool:
    """Whether two newsletter titles (or editors) name the same: equal as `title_words`, or one
    within the other ("Customer Experience Weekly: holiday special", a draft's own title)."""
    a, b = title_words(a), title_words(b)
    return bool(a and b) and (a == b or a in b or b in a)
