"""walk141: a broken machine said in plain words. An empty store file is never made a new store
(#2); a dependency that is there but broken is named with its repair (#3); a folder whose name is
not UTF-8 is named, not a crash (#4); an issue's emptied files are warned with `curator render N`
(#5); an output folder, a .curator folder or a store that is something else is said so (#6).
Through the CLI, with the offline demo (its feeds are local files), a real SQLite file and the
real templates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, copy_demo, said_as_one
from conftest import run_cli as run

EMPTY = "the store is empty (0 bytes)"


def test_an_empty_store_file_is_never_made_a_new_store(tmp_path: Path) -> None:
    """Before: `themes` made it a new store of 110 KB, `feeds list` showed every feed never
    fetched, `backup` copied 0 issues, `fetch` stored old articles as new, `build` published a
    second issue 1."""
    config = copy_demo(tmp_path)
    store = config.parent / ".curator" / "curator.db"
    store.parent.mkdir()
    store.write_bytes(b"")
    out = config.parent / "output"
    commands = [
        ["themes"],
        ["feeds", "list"],
        ["fetch", "-q"],
        ["draft", "-q"],
        ["build", "-q", "--json"],
        ["backup", str(tmp_path / "copy.db")],
    ]
    for command in commands:
        code, stdout, err = run(*command, "--config", str(config))
        said = said_as_one(err)
        assert code == 1, (command, stdout, err)
        assert f"curator: {store}: {EMPTY}" in said, (command, said)
        assert "Restore it from a backup" in said and "delete the file" in said, said
        assert store.stat().st_size == 0, command  # nothing was made of it
        if "--json" in command:
            document = json.loads(stdout)
            assert EMPTY in document["error"] and document["exit"] == 1
    assert not out.exists() and not (tmp_path / "copy.db").exists()
    assert not (config.parent / "drafts").exists()
