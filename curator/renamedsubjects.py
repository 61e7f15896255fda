"""What a name feeds.yaml no longer has as a subject was renamed to, for the messages that stop at
it: a draft's `theme:` or `# Subject` heading, `--subject` (fixie #1: after `curator subjects
rename` or a subject renamed by hand, a draft written before named the old name, and the stop
said "did you mean `The basics of customer experience`?", the subject closest in spelling, not
the one it had become).

Known two ways: `curator subjects rename OLD NEW` (kept in the store, followed through every
rename), or, when the store holds the old name (articles placed or published under it) and
feeds.yaml has exactly one subject the store has never held, that one (a guess, said so)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Renamed:
    """A subject feeds.yaml no longer names, and the one of feeds.yaml it most likely became."""

    new: str
    #: `curator subjects rename` said so (else: the one subject of feeds.yaml new to the store).
    recorded: bool

    def said(self, old: str) -> str:
        """Why `old` is no subject now, and what it became ("" when nothing is known)."""
        if self.recorded:
            return (
                f"feeds.yaml has no subject `{old}` any more: `curator subjects rename` made it"
                f" `{self.new}`"
            )
        return (
            f"feeds.yaml has no subject `{old}` any more: most likely it was renamed `{self.new}`,"
            " the one subject of feeds.yaml that no article was placed under before"
        )


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def renamed_subjects(db: sqlite3.Connection, names: Sequence[str]) -> dict[str, Renamed]:
    """By the old name (spaces and letter case aside: `_key`): each subject the store knows
    that feeds.yaml (`names`) no longer has, with what it became. Empty when the store cannot
    tell (an older or damaged store, or one that never held the name)."""
    current = {_key(n): n for n in names}
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'subject_renames'").fetchone()
        renames = {_key(a): str(b) for a, b in json.loads(row[0])} if row else {}
        stored = {
            _key(str(r[0]))
            for r in db.execute(
                "SELECT subject FROM assignments WHERE subject IS NOT NULL"
                " UNION SELECT subject FROM corrections WHERE subject IS NOT NULL"
                " UNION SELECT subject FROM issue_articles"
            )
            if r[0]
        }
    except (sqlite3.Error, ValueError, TypeError):  # (only a message's hint depends on it)
        return {}
    found: dict[str, Renamed] = {}
    for old in renames:
        name, seen = old, {old}
        while name in renames and _key(renames[name]) not in seen:
            name = _key(renames[name])
            seen.add(name)
        if name in current and old not in current:
            found[old] = Renamed(current[name], recorded=True)
    stored |= {_key(b) for b in renames.values()}
    new = [n for k, n in current.items() if k not in stored]
    if len(new) == 1:
        for old in stored - current.keys():
            found.setdefault(old, Renamed(new[0], recorded=False))
    return found


def renamed_in_store(path: Path | None, names: Sequence[str]) -> dict[str, Renamed]:
    """`renamed_subjects` of the store at `path`, read only; empty when there is none."""
    if path is None or not path.is_file():
        return {}
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return {}
    try:
        return renamed_subjects(db, names)
    finally:
        db.close()


def renamed(found: dict[str, Renamed], name: str) -> Renamed | None:
    """What `name` became, from `renamed_subjects`'s answer."""
    return found.get(_key(name))
