"""The shapes of a draft's lines that curator writes and reads alike: its headings, its article
fields (`url:`, `author:`...) and a field misspelt, a comment's start and its escape, a line
shortened for a message."""

from __future__ import annotations

import difflib
import re

#: The lines an article may have right under its heading.
ARTICLE_FIELDS = ("url", "author", "authors", "publication")

#: A comment's start, but not `\\<!--`.
OPENING = re.compile(r"(?<!\\)<!--")
#: (Any space after the #s: a non-breaking one, typed by a word processor or a Mac's Option-Space,
#: was told "write '# Service operations'" with the same non-breaking space in it, walk142 #8.)
HEADING = re.compile(r"^(#{1,2})\s+(.*?)\s*$")
#: A line shaped like a field: one word, then a colon (`url: ...`, or a typo such as `autor: ...`).
_KEY_LIKE = re.compile(r"^([A-Za-z][\w-]{0,30})[ \t]*:")


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def unescape_comments(text: str) -> str:
    return text.replace("\\<!--", "<!--")


def field_like(line: str) -> str | None:
    """The key of a line shaped like a field (`word: ...`), lowercased; None for other text."""
    match = _KEY_LIKE.match(line)
    return match.group(1).lower() if match else None


def misspelt_field(key: str) -> str | None:
    """The field a key-like word is, or is a misspelling of (`autor` -> `author`)."""
    if key in ARTICLE_FIELDS:
        return key
    close = difflib.get_close_matches(key, list(ARTICLE_FIELDS), n=1, cutoff=0.75)
    return close[0] if close else None


def shortened(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 3] + "..."


#: `(sic)` (or `[sic]`) at the end of a name or title: spelt so on purpose, one or two letters
#: from what curator found though it is (`credittypos`); it is not published.
_SIC = re.compile(r"\s*(?:\(sic\)|\[sic\])\s*$", re.IGNORECASE)


def as_written(value: str) -> tuple[str, bool]:
    """`value` without a `(sic)` at its end, and whether it had one."""
    kept = _SIC.sub("", value)
    return kept, kept != value
