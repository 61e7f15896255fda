"""What placing the stored articles again after an upgrade says (walk187 #7): which articles a
new scorer put under another subject, and which an older curator's issues published under
another subject than it had placed them under. Each is one line, naming a few of them.

Part of placing stored articles under subjects (`curator.placement`).
"""

from __future__ import annotations

from collections.abc import Sequence

from curator.draftsyntax import shortened

#: How many articles a line names; the others are counted.
NAMED = 3


def _named(items: Sequence[str], count: int) -> str:
    """`items` joined, and how many more of `count` there are."""
    more = count - len(items)
    return ", ".join(items) + (f", and {more} more" if more > 0 else "")


def _place(subject: str | None) -> str:
    return subject if subject is not None else "no subject"


def rescored_line(count: int, changed: Sequence[tuple[str, str | None, str | None]]) -> str:
    """The line said once after a new scorer placed every stored article again: how many
    changed subject, the first few named as (title, subject before, subject now)."""
    named = [f'"{shortened(t)}" ({_place(a)} -> {_place(b)})' for t, a, b in changed[:NAMED]]
    return (
        f"curator places the stored articles again with its new scorer: {count} changed"
        f" subject: {_named(named, count)} (`curator subjects list` shows where each is now)"
    )


def kept_published_line(published: Sequence[tuple[str, int | None, str]]) -> str:
    """The line said once when articles an older curator's issues published under another
    subject than it had placed them under are listed under the issue's subject from then on:
    the first few named as (title, the issue's number, its subject)."""
    named = [
        f'"{shortened(title)}" ({f"issue {number}, " if number is not None else ""}{subject})'
        for title, number, subject in published[:NAMED]
    ]
    return (
        f"{len(published)} article(s) an issue published under another subject than curator had"
        " placed them under (issues published by an older curator) are listed under their"
        " issue's subject from now on, as `subjects explain` and the issue have them:"
        f" {_named(named, len(published))}"
    )
