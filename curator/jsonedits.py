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


def _meta_json(store: Store, key: str) -> dict[str, object]:
    """The store's meta value `key`, a JSON object by issue number ({} when absent or unreadable)."""
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    try:
        kept = json.loads(row[0]) if row is not None else {}
    except ValueError:
        return {}
    return kept if isinstance(kept, dict) else {}


def _issue_jsons(files: Mapping[str, str]) -> dict[int, str]:
    """The issue-N.json among `files` (name: text), by issue number."""
    return {
        int(name[6:-5]): text
        for name, text in files.items()
        if name.startswith("issue-") and name.endswith(".json") and name[6:-5].isdigit()
    }


def _kept(store: Store) -> dict[int, str]:
    try:
        return {int(n): str(d) for n, d in _meta_json(store, _KEY).items()}
    except ValueError:
        return {}


def keep_written_json(store: Store, files: Mapping[str, str]) -> None:
    """Keep the digest of each issue-N.json among `files` (name: text, as written) as the one
    curator wrote last (a store that cannot be written keeps nothing)."""
    written = {n: _digest(text.encode("utf-8")) for n, text in _issue_jsons(files).items()}
    if not written or store.db.execute("PRAGMA query_only").fetchone()[0]:
        return
    kept = _kept(store)
    kept.update(written)
    with store.transaction():
        store.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (_KEY, json.dumps({str(n): d for n, d in sorted(kept.items())})),
        )
        _keep_unshown(store, files)


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


# -- Edits no edition shows (fixlm #1) ------------------------------------------------------------

#: The store's meta key: {issue number: {field: {where: SHA-256 of its value}}} of the fields of
#: issue-N.json that `curator render` reads and no edition of the default templates shows.
_UNSHOWN_KEY = "issue_json_unshown"

#: Those fields, in the order said: a section's "description" (a template copy may show it as
#: `section.description`), an article's "score" and "matched" (why curator placed it).
UNSHOWN = ("description", "score", "matched")


def _unshown(data: object) -> dict[str, dict[str, str]]:
    """The digests of `data`'s (an issue-N.json's) fields no edition shows, by field and place
    (a section by its subject, an article by its subject and address): an edit told apart from a
    section or article deleted or added."""
    found: dict[str, dict[str, str]] = {name: {} for name in UNSHOWN}
    sections = data.get("sections") if isinstance(data, dict) else None
    for sec in sections if isinstance(sections, list) else ():
        if not isinstance(sec, dict):
            continue
        subject = str(sec.get("subject"))
        if "description" in sec:
            found["description"][subject] = _digest(json.dumps(sec["description"]).encode())
        articles = sec.get("articles")
        for art in articles if isinstance(articles, list) else ():
            if not isinstance(art, dict):
                continue
            where = f"{subject}\n{art.get('url')}"
            for name in ("score", "matched"):
                if name in art:
                    found[name][where] = _digest(json.dumps(art[name]).encode())
    return found


def _kept_unshown(store: Store) -> dict[int, dict[str, dict[str, str]]]:
    try:
        return {
            int(n): {str(f): dict(v) for f, v in d.items()}  # type: ignore[attr-defined]
            for n, d in _meta_json(store, _UNSHOWN_KEY).items()
        }
    except (ValueError, TypeError, AttributeError):
        return {}


def _keep_unshown(store: Store, files: Mapping[str, str]) -> None:
    written: dict[int, dict[str, dict[str, str]]] = {}
    for number, text in _issue_jsons(files).items():
        try:
            written[number] = _unshown(json.loads(text))
        except ValueError:
            continue
    if not written:
        return
    kept = _kept_unshown(store)
    kept.update(written)
    store.db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (_UNSHOWN_KEY, json.dumps({str(n): d for n, d in sorted(kept.items())})),
    )


def unshown_edits(
    store: Store, out_dir: Path, numbers: Collection[int]
) -> dict[int, tuple[str, ...]]:
    """Those of the issues `numbers` whose issue-N.json in `out_dir` the editor edited in a field
    no edition shows (`UNSHOWN`) since curator last wrote it, with those fields; none of an issue
    whose file curator wrote before it kept them, or that cannot be read."""
    kept = _kept_unshown(store)
    edits: dict[int, tuple[str, ...]] = {}
    for number in numbers:
        if number not in kept:
            continue
        try:
            now = _unshown(json.loads((out_dir / f"issue-{number}.json").read_bytes()))
        except (OSError, ValueError):
            continue
        was = kept[number]
        fields = tuple(
            name
            for name in UNSHOWN
            if any(
                now[name][where] != digest
                for where, digest in was.get(name, {}).items()
                if where in now[name]
            )
        )
        if fields:
            edits[number] = fields
    return edits


def templates_showing(folder: Path | None, field: str) -> tuple[str, ...]:
    """The templates in the editor's `folder` that name `field` (`section.description`, say):
    those that may show an edit of it."""
    if folder is None or not folder.is_dir():
        return ()
    names = []
    for path in sorted(folder.iterdir()):
        try:
            if path.is_file() and f".{field}" in path.read_text(encoding="utf-8", errors="replace"):
                names.append(path.name)
        except OSError:
            continue
    return tuple(names)
