"""exp18: a fetch's new articles are scored in curator's own process, not on workers forked from
it once the fetch has grown it (each forked worker counted those pages as its own: 374 MB summed
for a first fetch of 50,000 items); a re-place of the archive still goes to the workers. The
placements are the same either way."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli as run
from curator import batchscore, placing

#: Where `_recording_place_window` notes each window it scored, and in which process.
_WINDOWS_TO: Path | None = None
_place_window = batchscore.place_window


def _recording_place_window(path: Path, after: int, through: int):  # type: ignore[no-untyped-def]
    """`batchscore.place_window`, noting the window and the process that scored it (a module
    function, so the pool can send it to its workers by name)."""
    assert _WINDOWS_TO is not None
    (_WINDOWS_TO / f"{os.getpid()}-{after}-{through}").write_text("")
    return _place_window(path, after, through)


def _scored_by(folder: Path) -> set[int]:
    """The processes that scored the windows noted in `folder` since the last call."""
    pids = {int(f.name.split("-")[0]) for f in folder.iterdir()}
    for f in folder.iterdir():
        f.unlink()
    return pids


def _placements(db: Path) -> dict[str, tuple[str | None, float, str]]:
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT a.url, s.subject, s.score, s.matched FROM articles a"
            " JOIN assignments s ON s.article_id = a.id"
        ).fetchall()
    con.close()
    return {url: (subject, score, matched) for url, subject, score, matched in rows}


def test_a_fetch_places_its_articles_here_a_re_place_on_workers_the_same_places(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(placing, "BULK_MIN", 1)  # (the demo's articles scored in batches, as
    monkeypatch.setattr(placing, "SCORE_BATCH", 2)  # a fetch of thousands is)
    windows = tmp_path / "windows"
    windows.mkdir()
    monkeypatch.setattr(f"{__name__}._WINDOWS_TO", windows)  # (inherited by the forked workers)
    monkeypatch.setattr(batchscore, "place_window", _recording_place_window)

    here = tmp_path / "here.db"
    code, _, err = run("fetch", "--config", str(demo), "--db", str(here), "-q")
    assert code == 0, err
    assert _scored_by(windows) == {os.getpid()}  # (no worker forked from the grown process)
    placed = _placements(here)
    assert len(placed) > 10 and any(subject for subject, _, _ in placed.values())

    # The same fetch with its articles scored on workers (more than PLACED_HERE_MAX of them, as
    # a store placed for the first time may have): the same subject, score and matched words.
    most = placing.PLACED_HERE_MAX
    monkeypatch.setattr(placing, "PLACED_HERE_MAX", 0)
    workers = tmp_path / "workers.db"
    code, _, err = run("fetch", "--config", str(demo), "--db", str(workers), "-q")
    assert code == 0, err
    assert os.getpid() not in _scored_by(windows)
    assert _placements(workers) == placed
    monkeypatch.setattr(placing, "PLACED_HERE_MAX", most)

    # A keyword added: every stored article is placed again, on workers as before.
    text = demo.read_text(encoding="utf-8")
    demo.write_text(text.replace("keywords: [", "keywords: [coffee, ", 1), encoding="utf-8")
    out = str(tmp_path / "out")
    code, _, err = run("build", "--config", str(demo), "--db", str(here), "--no-fetch", "-o", out)
    assert code == 0, err
    assert os.getpid() not in _scored_by(windows)
    assert _placements(here) != placed  # (placed again: the keyword moved some)
