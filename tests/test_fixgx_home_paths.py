"""walk166 #3: `~` at the start of a path in feeds.yaml is the home folder, as in a shell.

`settings: {store: ~/ops-store/curator.db, output: ~/ops-out}` made folders literally named `~`
inside the newsletter's folder, without a word, though README itself writes `~/backups/`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli, said_as_one


def home_config(demo: Path) -> Path:
    """The demo newsletter with its store, output, templates, drafts and introduction file
    written from the home folder (`~/...`)."""
    text = demo.read_text(encoding="utf-8")
    text = text.replace("introduction_file: intro.md", "introduction_file: ~/cx/intro.md")
    start = text.index("\nsettings:\n")
    end = text.index("\n", text.index("store:", start))
    settings = (
        "\nsettings:\n"
        "  output: ~/cx/output\n"
        "  store: ~/cx/.curator/curator.db\n"
        "  templates: ~/cx/templates\n"
        "  drafts: ~/cx/drafts\n"
    )
    demo.write_text(text[:start] + settings + text[end:], encoding="utf-8")
    return demo


def test_a_path_from_the_home_folder_is_the_home_folder(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "cx" / "templates").mkdir(parents=True)
    (home / "cx" / "intro.md").write_text(
        "Welcome to issue {number}, from the intro in my home folder.\n", encoding="utf-8"
    )
    config = home_config(demo)
    monkeypatch.setenv("HOME", str(home))
    code, out, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = home / "cx" / "drafts" / "issue-1.md"
    assert f"Draft of issue 1: {draft}" in out, out
    code, out, err = run_cli("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, err
    page = home / "cx" / "output" / "issue-1.html"
    assert f"-> {page}" in out, out
    assert "from the intro in my home folder" in page.read_text(encoding="utf-8")
    with sqlite3.connect(home / "cx" / ".curator" / "curator.db") as db:
        assert db.execute("SELECT number FROM issues").fetchall() == [(1,)]
    assert not (config.parent / "~").exists(), "a folder named ~ in the newsletter's folder"

    # Where HOME is not set (a stripped cron), curator does not guess: it names the line.
    monkeypatch.delenv("HOME")
    code, _, err = run_cli("themes", "--config", str(config))
    assert code == 2, err
    line = next(
        n
        for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
        if "output: ~/cx/output" in text
    )
    assert (
        f"{config}:{line}:11: `~/cx/output` starts with `~`, the home folder, but HOME is not set"
    ) in said_as_one(err), err
    assert "write the full path" in err
    assert not (config.parent / "~").exists()
