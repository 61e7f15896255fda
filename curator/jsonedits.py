"""Which issue-N.json the editor edited since curator last wrote it: the digest of each as a
build or `render` wrote it, kept in the store.

Why: walk199 #2, an issue-2.json whose emptied subject section the editor deleted was rendered
and said to read otherwise "though nothing in its issue-2.json was corrected: it was rendered
with this curator's templates", with the advice to put the files back from a backup, over the
editor's own correction (a change the store keeps no record of, so the store could not tell);
and feed.xml took a correction pending in another issue's file without a word of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from pathlib import Path

from curator.store import Store

#: The store's meta key: {issue number: SHA-256 of its issue-N.json as curator last wrote it}.
_KEY = "issue_json_written"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _kept(store: Store) -> dict[int, str]:
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", (_KEY,)).fetchone()
    try:
        kept = json.loads(row[0]) if row is not None else {}
        return {int(n): str(d) for n, d in kept.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def keep_written_json(store: Store, files: Mapping[str, str]) -> None:
    """Keep the digest of each issue-N.json among `files` (name: text, as written) as the one
    curator wrote last (a store that cannot be written keeps nothing)."""
    written = {
        int(name[6:-5]): _digest(text.encode("utf-8"))
        for name, text in files.items()
        if name.startswith("issue-") and name.endswith(".json") and name[6:-5].isdigit()
    }
    if not written or store.db.execute("PRAGMA query_only").fetchone()[0]:
        return
    kept = _kept(store)
    kept.update(written)
    with store.transaction():
        store.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (_KEY, json.dumps({str(n): d for n, d in sorted(kept.items())})),
        )


def edited_json(store: Store, out_dir: Path, numbers: Collection[int]) -> set[int]:
    """Those of the issues `numbers` whose issue-N.json in `out_dir` holds other bytes than the
    one curator last wrote (edited by the editor since); none of an issue whose file curator
    wrote before it kept their digests, or that cannot be read."""
    kept = _kept(store)
    edited = set()
    for number in numbers:
        if number not in kept:
            continue
        try:
            data = (out_dir / f"issue-{number}.json").read_bytes()
        except OSError:
            continue
        if _digest(data) != kept[number]:
            edited.add(number)
    return edited
