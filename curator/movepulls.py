"""Which articles each move of the editor's pulled into its subject, kept in the store (walk194
#6: the draft's "Came in with your move of ..." note named the move most like the article, so an
editor who moved two articles to one subject was told an article came with the second when the
first one's move had pulled it, and undid the wrong one).

`subjects move` records, with the move, the articles it says it pulled ("Your move pulled N other
article(s) with it": like the article moved, now under its subject, not those the refit of the
archive or the reweighing of the subjects' words moved). A record holds while the move stands as
it was made (its `made_at`): one made again, replaced or undone no longer matches. Moves made
before this was kept (a store of an older curator) have none: `curator.pullednotes` then names
the move most like the article, as probably the one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from curator.store import Store
from curator.storebase import iso
from curator.subjects import Change

#: Ids per query (SQLite's limit on bound parameters is 32,766; well under it).
_CHUNK = 900


@dataclass(frozen=True)
class PullingMove:
    """A move that pulled an article into its subject, as it stands now."""

    #: The address of the article the editor moved.
    url: str
    #: The subject the move names now (as stored: `subjects rename` renames it).
    subject: str
    made_at: datetime


def pulled_by_move(found: Sequence[Change], moved_url: str, subject: str) -> list[str]:
    """The addresses of the articles a move of the article at `moved_url` to `subject` pulled
    there, among the changes `found` (`placement.correction_effect`): those `subjects move` lists
    under "Your move pulled N other article(s) with it"."""
    return [
        c.url for c in found if c.url != moved_url and not c.refit and c.like and c.after == subject
    ]


def record_pulls(
    store: Store, moved_id: int, subject: str, made_at: datetime, urls: Iterable[str]
) -> None:
    """Keep that the move of article `moved_id` to `subject`, made at `made_at` (as its correction
    was stored), pulled the articles at `urls` there."""
    ids = [a.id for a in (store.article_by_url(u) for u in dict.fromkeys(urls)) if a is not None]
    if not ids:
        return
    with store.transaction():
        store.db.executemany(
            "INSERT OR IGNORE INTO move_pulls (article_id, moved_id, subject, made_at)"
            " VALUES (?, ?, ?, ?)",
            [(i, moved_id, subject, iso(made_at)) for i in ids if i != moved_id],
        )


def pulling_moves(store: Store, article_ids: Sequence[int]) -> dict[int, list[PullingMove]]:
    """For each of `article_ids` a recorded move pulled into its subject, those moves that still
    stand as they were made, newest first."""
    out: dict[int, list[PullingMove]] = {}
    ids = list(dict.fromkeys(article_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = store.db.execute(
            "SELECT p.article_id, a.url, c.subject, c.made_at FROM move_pulls p"
            " JOIN corrections c ON c.article_id = p.moved_id AND c.made_at = p.made_at"
            " JOIN articles a ON a.id = p.moved_id"
            f" WHERE c.subject IS NOT NULL AND p.article_id IN ({marks})"  # noqa: S608 - marks
            " ORDER BY c.made_at DESC",
            chunk,
        )
        for article_id, url, subject, made in rows:
            move = PullingMove(str(url), str(subject), datetime.fromisoformat(made))
            out.setdefault(int(article_id), []).append(move)
    return out
