"""A plain "blurb" (no "blurb_markdown") that holds line breaks, as the editor writes one when
correcting an issue in its issue-N.json: walk190 #5, its paragraphs and lines were one `<p>` of
raw newlines in the web and email editions (a browser shows one run of text) and one line in
issue-N.md, while issue-N.txt kept them. Here it is Markdown that reads as exactly that text,
escaped, its paragraphs apart and each line break a hard break, for every edition but the text
one and the JSON (which keep the "blurb" as it is)."""

from __future__ import annotations

import re

from curator.mdliteral import md_text

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def plain_blurb_markdown(blurb: str) -> str | None:
    """`blurb` as literal Markdown, its blank lines paragraph breaks and its other line breaks
    hard breaks (a backslash at the end of the line); None for a blurb of one line, published
    as it always was."""
    text = (blurb or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\n" not in text:
        return None
    paragraphs = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        lines = [str(md_text(line)) for line in paragraph.split("\n") if line.strip()]
        paragraphs.append("\\\n".join(lines))
    return "\n\n".join(p for p in paragraphs if p)
