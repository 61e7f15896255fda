"""The end of a draft: the closing line `curator draft` writes last, and a draft cut off before it.

Why: a draft saved in part (an editor killed, a disk full, a sync that stopped) ends mid-blurb
with the last articles and sections gone, and read as it was, it published the cut blurb
("Analysts that protect s") and never said a section was missing (walk174 #1). A draft
curator writes ends with `END_LINE`, and its first note says so (`HELP_END`): a draft whose note
says so and that lacks the line was cut off, and is not built. A draft an older curator wrote
(no such note), or one written by hand, is read as before; when it ends without a final newline
in the middle of a word of a blurb, the build warns (`cut_off_warning`).
"""

from __future__ import annotations

import re
from pathlib import Path

#: The line `curator draft` writes last in every draft (a comment: nothing of it is published).
END_LINE = (
    "<!-- end of the draft: keep this line last; a draft without it was cut off while saved,"
    " and curator does not build it -->"
)
#: The line of the draft's first note that says so: a draft that has it was written with
#: `END_LINE` (no `-->` in it: the note is one comment).
HELP_END = (
    '- The draft ends with an "end of the draft" note: keep it last. A draft without it was cut'
    "\n  off while saved (its last articles lost), and is not built."
)
#: `END_LINE` as an editor may have retyped it: any comment line that opens "end of the draft".
_END = re.compile(r"^[ \t]*<!--[ \t]*end of the draft\b.*-->[ \t]*$", re.IGNORECASE | re.MULTILINE)
#: `HELP_END`'s first words, as found in a draft's first note.
_HELP_MARK = '- The draft ends with an "end of the draft" note'
#: What ends a sentence, or a line that may end a blurb: punctuation, a closing quote or
#: bracket, the `-->` of a comment, a Markdown line break or emphasis.
_ENDS_SENTENCE = tuple(".!?…:;)]}\"'”’»*_`>|")


def is_end_line(line: str) -> bool:
    """Whether `line` is the draft's closing line (`END_LINE`, or a retyping of it)."""
    return bool(_END.match(line.rstrip("\r\n")))


def _unix(text: str) -> str:
    """`text` with CRLF and CR-only line endings read as newlines, as the rest of the draft
    reader reads them (walk177 N1: a whole draft saved with CRLF was refused as cut off)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _last_line(lines: list[str]) -> tuple[int, str]:
    """The last line with text (1-based) and its text; (0, "") for none."""
    for n in range(len(lines), 0, -1):
        if lines[n - 1].strip():
            return n, lines[n - 1].strip()
    return 0, ""


def _mid_word(text: str) -> bool:
    """Whether `text`, a draft's last line, reads as text stopped in the middle: words, not a
    heading, field or comment, and no punctuation that ends a sentence at its end."""
    if not text or text.startswith(("#", "<!--", "url:", "author:", "publication:", "---")):
        return False
    return not text.endswith(_ENDS_SENTENCE) and bool(re.search(r"[^\W\d_]$", text))


def _shown(text: str, most: int = 40) -> str:
    return text if len(text) <= most else "…" + text[-most:]


def cut_off(text: str, path: Path) -> tuple[int, str] | None:
    """(line, message) when `text`, a draft written with `END_LINE` (its note says so), lacks
    it: cut off while saved. None for a whole draft, and for one whose note does not say so."""
    text = _unix(text)
    if _HELP_MARK not in text or _END.search(text):
        return None
    lines = text.split("\n")
    line, last = _last_line(lines)
    stops = (
        f', in the middle of a sentence ("{_shown(last)}")'
        if _mid_word(last) and not text.endswith("\n")
        else ""
    )
    return (
        line,
        f"the draft stops here{stops}, without its last line `{END_LINE}`: it was cut off"
        " while saved, and the articles (and sections) that followed are not in it; nothing was"
        f" published. Restore the whole draft (your editor's backup or undo, git), or write a"
        f" fresh one with `curator draft --force`; if you meant the draft to end here, put the"
        " line back as its last line",
    )


def cut_off_warning(text: str, path: Path) -> str | None:
    """A warning for a draft without `END_LINE`'s note (an older curator's, or written by hand)
    that ends with no final newline in the middle of a word of its last line: most likely cut off
    while saved (walk174 #1), though it is built as it reads."""
    text = _unix(text)
    if _HELP_MARK in text or _END.search(text) or text.endswith("\n"):
        return None
    lines = text.split("\n")
    line, last = _last_line(lines)
    if not _mid_word(last):
        return None
    return (
        f'{path}:{line}: the draft stops in the middle of a sentence ("{_shown(last)}"), with no'
        " newline after it: it may have been cut off while saved, and any articles after that"
        " point are not in the issue published; check that the draft is whole (what was there,"
        f" if cut off, can be published in the next issue), and correct the issue in its"
        " issue-<N>.json, then `curator render <N>`"
    )
