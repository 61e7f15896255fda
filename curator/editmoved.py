"""The articles a subject edit moved, named (walk194 #4: an edit of the keywords that dropped an
article said only "1 from Service operations to no subject ... `curator subjects list` shows where
each is", while a move names each article it changes)."""

from __future__ import annotations

from collections.abc import Sequence

from curator.draftsyntax import shortened

#: How many of the articles a subject edit moved its summary names; the others are counted.
MOVED_NAMED = 10

#: Most articles a subject edit's `--json` lists (its text names `MOVED_NAMED`).
MOVED_LISTED = 2000

#: An article a subject edit moved: (address, title, subject before, subject now; None: none).
Moved = tuple[str, str, str | None, str | None]


def moved_lines(moved: Sequence[Moved], count: int) -> str:
    """The lines naming the first `MOVED_NAMED` of `moved`, and how many more of `count`."""
    lines = [
        f"\n  {before or 'no subject'} -> {after or 'no subject'}: {shortened(title)}\n      {url}"
        for url, title, before, after in moved[:MOVED_NAMED]
    ]
    more = count - len(lines)
    if more > 0:
        lines.append(
            f"\n  ... and {more} more (`curator subjects list` shows where each is now; a"
            " build's or draft's `--json` lists them all, under `subject_edit`)"
        )
    return "".join(lines)
