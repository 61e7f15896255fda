"""Blurbs: two or three clean, complete sentences that say what an article is about."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

#: Sentences that are page furniture, never part of a blurb (matched case-insensitively at the start).
FURNITURE = (
    "read more",
    "continue reading",
    "leave a reply",
    "leave a comment",
    "click here",
    "subscribe",
    "share this",
    "the post ",
    "this post appeared first",
    "image:",
    "photo:",
    "last updated",
    "related posts",
    "sign up",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_ELLIPSIS_TAIL = re.compile(
    r"\s*(\[\s*(\.\.\.|…|&hellip;)\s*\]|\[?\s*(read|continue reading)[^\]]*\]?)\s*$", re.I
)


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment: tags removed, entities decoded, whitespace normalised."""
    if not markup:
        return ""
    if "<" in markup:
        soup = BeautifulSoup(markup, "lxml")
        for tag in soup(["script", "style", "noscript", "template", "iframe", "object"]):
            tag.decompose()
        for br in soup.find_all(["br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"]):
            br.insert_after(" ")
        text = soup.get_text(" ")
    else:
        text = html.unescape(markup)
    return normalise_space(text)


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) into single spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences at ., ! or ? followed by a capital letter or digit."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _is_furniture(sentence: str) -> bool:
    lowered = sentence.lower()
    return lowered.startswith(FURNITURE) or lowered.endswith(
        ("read more", "read more »", "…", "...")
    )


def make_blurb(text: str, *, max_chars: int = 450, max_sentences: int = 3) -> str:
    """Two or three complete sentences from the start of `text` (plain text or HTML), no furniture.

    Never cuts a sentence in half: if even the first sentence is longer than `max_chars`, it is kept whole.
    """
    plain = (
        html_to_text(text) if "<" in (text or "") else normalise_space(html.unescape(text or ""))
    )
    plain = _ELLIPSIS_TAIL.sub("", plain)
    chosen: list[str] = []
    for sentence in split_sentences(plain):
        if _is_furniture(sentence) or sentence[-1:] not in ".!?\"'”’)":
            continue
        if chosen and len(" ".join([*chosen, sentence])) > max_chars:
            break
        chosen.append(sentence)
        if len(chosen) >= max_sentences:
            break
    return " ".join(chosen)
