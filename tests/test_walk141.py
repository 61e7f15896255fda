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

from conftest import REPO, copy_demo, said_as_one, sans_config
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
        said = sans_config(said_as_one(err))
        assert code == 1, (command, stdout, err)
        assert f"curator: {store}: {EMPTY}" in said, (command, said)
        assert "Restore it from a backup" in said and "delete the file" in said, said
        assert store.stat().st_size == 0, command  # nothing was made of it
        if "--json" in command:
            document = json.loads(stdout)
            assert EMPTY in document["error"] and document["exit"] == 1
    assert not out.exists() and not (tmp_path / "copy.db").exists()
    assert not (config.parent / "drafts").exists()


def run_curator(args: list[str], path: list[Path], cwd: Path) -> subprocess.CompletedProcess:
    """`python -m curator ARGS...` with `path` first on PYTHONPATH (a package shadowed there)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(str(p) for p in [*path, REPO]))
    return subprocess.run(
        [sys.executable, "-m", "curator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


#: A package that is there but broken, as walk141 broke them: (its folder, its __init__.py, the
#: name pip knows it by, what the error says).
BROKEN = [
    ("ruamel/yaml", "def (\n", "ruamel.yaml", "SyntaxError: {file}, line 1: invalid syntax"),
    ("tld", "raise AttributeError('no attribute get_fld')\n", "tld", "AttributeError: no attr"),
]


@pytest.mark.parametrize(("folder", "code", "package", "error"), BROKEN)
def test_a_dependency_that_is_there_but_broken_is_named_with_its_repair(
    folder: str, code: str, package: str, error: str, tmp_path: Path
) -> None:
    """Before: a traceback, exit 1, and nothing on stdout for --json."""
    shadow = tmp_path / "shadow" / folder
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(code, encoding="utf-8")
    proc = run_curator(["themes", "--json"], [tmp_path / "shadow"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    said = said_as_one(proc.stderr)
    cause = error.format(file=shadow / "__init__.py")
    assert said.startswith(
        f"curator: curator's installation is broken: {package} could not be imported ({cause}"
    ), said
    assert "-m pip install --force-reinstall" in said, said
    document = json.loads(proc.stdout)
    assert document == {"error": said.removeprefix("curator: "), "exit": 1}


@pytest.mark.parametrize("code", ["def (\n", "raise AttributeError('a bug of ours')\n"])
def test_a_broken_module_of_curators_own_stays_a_traceback(code: str, tmp_path: Path) -> None:
    """A bug in curator is not repaired by pip: its traceback is shown, no package named. A file
    of curator's own that cannot be compiled, in an installed copy (no source checkout around
    it), is a damaged installation (walk175 #3): said in one line, with the reinstall, and in
    JSON for --json (test_fixht_unattended); an error its code raises stays a traceback."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(REPO / "curator", copy / "curator")
    urls = copy / "curator" / "urls.py"
    urls.write_text(urls.read_text(encoding="utf-8") + code, encoding="utf-8")
    proc = run_curator(["themes", "--json"], [copy], tmp_path)
    assert proc.returncode == 1
    assert "installation is broken" not in proc.stderr
    if code.startswith("def"):
        assert proc.stderr.startswith(
            "curator: curator's installation is damaged: curator/urls.py line"
        ), proc.stderr
        assert json.loads(proc.stdout)["exit"] == 1
        return
    assert "Traceback" in proc.stderr and str(urls) in proc.stderr, proc.stderr


def test_a_folder_whose_name_is_not_utf8_is_named_and_nothing_is_made(tmp_path: Path) -> None:
    """Before: UnicodeEncodeError "surrogates not allowed" in a traceback (the store keeps a feed
    of local files by its address), nothing on stdout for --json, and an empty store left."""
    import shutil

    good = copy_demo(tmp_path)
    folder = tmp_path / os.fsdecode(b"w_caf\xe9")  # a Latin-1 name, as `printf 'caf\xe9'` makes
    shutil.copytree(good.parent, folder)
    config = folder / "feeds.yaml"
    shown = f"{tmp_path}/w_caf\\xe9"
    for command in (["themes"], ["draft"], ["fetch"], ["build", "--json"], ["feeds", "list"]):
        code, stdout, err = run(*command, "--config", str(config))
        said = sans_config(said_as_one(err))
        assert code == 1, (command, said)
        assert said == (
            f"curator: {shown}/feeds.yaml: the name of the folder {shown} is not UTF-8 text, and"
            " curator cannot store or publish a path with it; rename the folder (its name in"
            " UTF-8, or in plain ASCII letters), then run again; nothing was done"
        ), said
        if "--json" in command:
            document = {"issue": None, "error": said.removeprefix("curator: "), "exit": 1}
            assert json.loads(stdout) == document
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in good.parent.iterdir())
    # The same for a store or an output folder given there, from a newsletter that is not.
    for option in ("--db", "--out"):
        code, _, err = run("build", "-q", "--config", str(good), option, str(folder / "x"))
        assert code == 1 and f"{shown}/x: the name of the folder {shown} is not" in err, err
    assert not (good.parent / ".curator").exists() and not (folder / "x").exists()


def test_an_issues_emptied_files_are_said_with_curator_render(tmp_path: Path) -> None:
    """Before: with issue-1.html emptied, the next build published issue 2 without a word while
    index.html linked the blank page; with issue-1.json emptied too it said "left out of the
    archive ... until the file is repaired or restored", and not that `curator render 1` does."""
    import shutil

    config = copy_demo(tmp_path)  # (its plan of themes: issue 1, then issue 2 on another)
    folder, out = config.parent, config.parent / "output"
    code, _, err = run("build", "-q", "--config", str(config))
    assert code == 0, err
    kept = tmp_path / "kept"
    shutil.copytree(folder, kept)

    for name in ("issue-1.html", "issue-1.email.html"):
        (out / name).write_bytes(b"")
    code, _, err = run("build", "-q", "--config", str(config))
    said = sans_config(said_as_one(err))
    assert code == 0 and (out / "issue-2.html").is_file(), said
    assert (
        f"curator: warning: {out}/issue-1.html: this edition of issue 1 is empty (0 bytes: emptied"
        " by a failed copy, sync or restore), and index.html links it; `curator render 1` writes"
        " it again from the store"
    ) in said, said
    assert f"{out}/issue-1.email.html: this edition of issue 1 is empty (0 bytes" in said, said
    assert "issue-1.md: this edition" not in said  # (the editions that are whole are not named)
    code, _, err = run("render", "1", "-q", "--config", str(config))  # the fix it gives works
    assert code == 0 and (out / "issue-1.html").stat().st_size > 0, err

    shutil.rmtree(folder)
    shutil.copytree(kept, folder)
    (out / "issue-1.json").write_bytes(b"")
    code, _, err = run("build", "-q", "--config", str(config))
    said = sans_config(said_as_one(err))
    assert code == 0, said
    assert (
        f"curator: warning: {out}/issue-1.json: left out of the archive: Expecting value: line 1"
        " column 1 (char 0); that issue is missing from the archive page and the feed of issues"
        " until the file is repaired or restored: `curator render 1` writes it again from the"
        " store"
    ) in said, said

    # walk141 #6: an output folder that is a file (before: "File exists (.../output); ...
    # check .../output").
    shutil.rmtree(folder)
    shutil.copytree(kept, folder)
    (tmp_path / "blocked").write_text("not a folder", encoding="utf-8")
    for command in (["build", "--no-fetch"], ["render", "1"]):
        code, _, err = run(
            *command, "-q", "--config", str(config), "--out", str(tmp_path / "blocked")
        )
        said = sans_config(said_as_one(err))
        assert code == 1, said
        assert (
            f"{tmp_path}/blocked is a file, not a folder: move it away or choose another --out,"
            " then run again"
        ) in said, said


def test_a_store_folder_that_is_a_file_or_a_store_that_is_not_one_says_what_to_do(
    tmp_path: Path,
) -> None:
    """Before: "cannot make the run's lock file .../curator.db.lock beside the store (File
    exists)" (a build) or "no store at ..." (themes) for a .curator that is a file; "not a
    curator store, or damaged (file is not a database)" and no next step for a store that is
    not SQLite."""
    config = copy_demo(tmp_path)
    dot = config.parent / ".curator"
    dot.write_text("", encoding="utf-8")
    for command in (["themes"], ["build", "-q"]):
        code, _, err = run(*command, "--config", str(config))
        assert code == 1, err
        assert sans_config(said_as_one(err)) == (
            f"curator: {dot}/curator.db: {dot} is a file, not a folder, so the store cannot be"
            " there: move that file away (the store goes in a folder of that name), or give"
            " another store with --db or settings: store in feeds.yaml"
        )
    dot.unlink()
    dot.mkdir()
    (dot / "curator.db").write_text("notes, not a store\n" * 100, encoding="utf-8")
    for command in (["themes"], ["build", "-q"], ["backup", str(tmp_path / "copy.db")]):
        code, _, err = run(*command, "--config", str(config))
        assert code == 1, err
        assert sans_config(said_as_one(err)) == (
            f"curator: {dot}/curator.db: not a curator store, or damaged (file is not a"
            " database); nothing was changed: restore it from a backup (a file that curator"
            " backup wrote: move it over this file), or check that --db or settings: store in"
            " feeds.yaml names your store"
        )
    assert not (config.parent / "output").exists()
