"""An author card under a headline: an avatar whose `alt` is the author's name, the name, then a
job title, with no "By" (pure, on lxml elements).

`<div class="author"><img alt="Maya Horowitz"><span>Maya Horowitz</span><span>Customer Success
Lead</span></div>` credited "Maya HorowitzCustomer Success Lead" (the spans' texts glued), and the
same card in blocks or after a `<br>` credited no one (walk203 #6): the avatar's `alt` repeating
the name beside it says whose card it is.
"""

from __future__ import annotations

from typing import Any

from curator.credits import clean_authors
from curator.extract_doc import clean_text
from curator.htmltext import element_texts

#: The most words of the job title after the name on a card.
_TITLE_WORDS = 8


def spaced_text(el: Any) -> str:
    """`el`'s text, with a space where two elements' texts would glue two words into one
    ("Maya Horowitz" + "Customer Success Lead"), never inside a word its markup parts ("Ma<b>ya</b>")."""
    out = ""
    for piece in element_texts(el):
        if out and piece and out[-1].isalnum() and piece[0].isupper():
            out += " "
        out += piece
    return clean_text(out)


def card_byline(el: Any) -> str:
    """ "By NAME" when `el` is an author card: its first text is the `alt` of an image inside it,
    a person's name, and its next text a short job title; "" otherwise."""
    alts = [a for a in (img.get("alt") for img in el.iter("img")) if a and a.strip()]
    if len(alts) != 1:
        return ""
    name = clean_text(alts[0])
    pieces = [p for p in (clean_text(t) for t in element_texts(el)) if p]
    if len(pieces) < 2 or pieces[0] != name or not 2 <= len(name.split()) <= 4:
        return ""
    title = pieces[1]
    if len(title.split()) > _TITLE_WORDS or title.rstrip().endswith((".", "?", "!")):
        return ""
    if not title[:1].isupper() or list(clean_authors(name, strict=True)) != [name]:
        return ""
    return f"By {name}"
