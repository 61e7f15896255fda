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
    """A bug in curator is not repaired by pip: its traceback is shown, no reinstall advised."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(REPO / "curator", copy / "curator")
    urls = copy / "curator" / "urls.py"
    urls.write_text(urls.read_text(encoding="utf-8") + code, encoding="utf-8")
    proc = run_curator(["themes", "--json"], [copy], tmp_path)
    assert proc.returncode == 1
    assert "Traceback" in proc.stderr and str(urls) in proc.stderr, proc.stderr
    assert "installation is broken" not in proc.stderr


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
        said = said_as_one(err)
        assert code == 1, (command, said)
        assert said == (
            f"curator: {shown}/feeds.yaml: the name of the folder {shown} is not UTF-8 text, and"
            " curator cannot store or publish a path with it; rename the folder (its name in"
            " UTF-8, or in plain ASCII letters), then run again; nothing was done"
        ), said
        if "--json" in command:
            assert json.loads(stdout) == {"error": said.removeprefix("curator: "), "exit": 1}
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in good.parent.iterdir())
    # The same for a store or an output folder given there, from a newsletter that is not.
    for option in ("--db", "--out"):
        code, _, err = run("build", "-q", "--config", str(good), option, str(folder / "x"))
        assert code == 1 and f"{shown}/x: the name of the folder {shown} is not" in err, err
    assert not (good.parent / ".curator").exists() and not (folder / "x").exists()
