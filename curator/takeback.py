"""The archive of a newsletter whose every issue was taken back (README's "Take an issue back").

`archive_without_issues` writes index.html and feed.xml listing no issue and removes latest.html,
for `curator render` when the store records no issue and the output folder holds none, though
the archive there still lists some (their files removed).

Why: taking back issue 1, the only one, stopped `render --all` with "no issue has been published
yet" and left index.html, latest.html and feed.xml listing the issue taken back; the next issue 1
then had its entry id, so feed readers kept the one taken back (walk184 #4)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from curator.config import Config
from curator.editions import published_feed_ids
from curator.outputs import render_archive
from curator.publish import FileSet
from curator.store import Store

_ISSUE_PAGE = re.compile(r"issue-(\d+)\.html")


def listed_issues(out_dir: Path, on_page: Collection[int]) -> tuple[int, ...]:
    """The issues the output folder's archive lists: `on_page` (its index.html's links) and
    the entries of its feed.xml."""
    in_feed = {
        int(m.group(1))
        for page in published_feed_ids(out_dir)
        if (m := _ISSUE_PAGE.fullmatch(page))
    }
    return tuple(sorted({*on_page, *in_feed}))


def record_taken_back_ids(store: Store, ids: Mapping[str, str], dropped: Collection[int]) -> None:
    """Record the ids feed.xml gave (`ids`, `published_feed_ids`) the `dropped` issues as taken
    back, so that the next issue under such a number gets a new one (walk177 N3); nothing when
    the store cannot be written (a render on a read-only disk only reads it)."""
    if store.db.execute("PRAGMA query_only").fetchone()[0]:
        return
    for number in dropped:
        if f"issue-{number}.html" in ids:
            store.record_withdrawn_feed_id(number, ids[f"issue-{number}.html"])


def archive_without_issues(
    config: Config,
    store: Store,
    out_dir: Path,
    dropped: Collection[int],
    *,
    env: Any,
    formats: Collection[str],
    previous_feed: bytes | None,
) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """index.html and feed.xml (those of `formats`) written listing no issue, latest.html
    removed, and the ids feed.xml gave the `dropped` issues recorded as taken back (the next
    issue under such a number gets a new one): (the files written, the files removed)."""
    ids = published_feed_ids(out_dir)
    files = render_archive(
        config.title,
        config.editor,
        (),
        env=env,
        site_url=config.site_url,
        formats=formats,
        known_ids=ids,
        previous_feed=previous_feed,
    )
    writable = not store.db.execute("PRAGMA query_only").fetchone()[0]
    with store.transaction() if writable else nullcontext():
        record_taken_back_ids(store, ids, dropped)
        written = FileSet({out_dir / name: text for name, text in files.items()})
        written.write()
        paths = written.publish()
        written.keep()
    removed: list[Path] = []
    latest = out_dir / "latest.html"
    if latest.is_file():
        latest.unlink()
        removed.append(latest)
    return tuple(paths), tuple(removed)
