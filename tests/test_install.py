"""What a new editor's installation needs: every imported package declared, a broken one named."""

from __future__ import annotations

import ast
import json
import os
import re
import sqlite3
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from curator import deps

#: The package jusText (inside trafilatura) imports as lxml.html.clean; pip before 24 leaves it out
#: of a new venv when it is asked for as `lxml[html_clean]`.
BROKEN = "lxml_html_clean"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {
        _normalise(re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0]) for d in project["dependencies"]
    }


def imported_modules() -> set[str]:
    """Top-level names of every module curator's code imports, at any depth of a function."""
    names: set[str] = set()
    for path in (REPO / "curator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("require",)
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(str(node.args[0].value).split(".")[0])
    return names - set(sys.stdlib_module_names) - {"curator"}


def test_every_package_the_code_imports_is_declared() -> None:
    dists = packages_distributions()
    missing = {
        module: dists.get(module)
        for module in imported_modules()
        if not {_normalise(d) for d in dists.get(module, [module])} & declared()
    }
    assert missing == {}, f"imported but not in pyproject.toml's dependencies: {missing}"
    assert _normalise(BROKEN) in declared()


def _without_lxml_html_clean(tmp_path: Path) -> dict[str, str]:
    """An environment in which `lxml_html_clean` fails to import, as in a venv whose pip left it
    out: a package of that name earlier on the path that raises ImportError."""
    shadow = tmp_path / "shadow" / BROKEN
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(
        f"raise ModuleNotFoundError(\"No module named '{BROKEN}'\", name='{BROKEN}')\n",
        encoding="utf-8",
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(shadow.parent), str(REPO)])
    return env


def run_curator(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "curator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_a_broken_dependency_stops_the_build_naming_it_and_the_fix(tmp_path: Path) -> None:
    """Before: every page silently lost its text and the issue's blurbs fell back to teasers."""
    out, db = tmp_path / "out", tmp_path / "demo.db"
    args = ["build", "--config", str(EXAMPLES / "feeds.yaml"), "--out", str(out), "--db", str(db)]
    proc = run_curator(args, _without_lxml_html_clean(tmp_path), tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("curator: curator's installation is broken: trafilatura could not be")
    assert f"No module named '{BROKEN}'" in last
    assert f"pip install {BROKEN}" in last
    # Nothing half-made: no issue written, no article stored without its page's text.
    assert not (out / "issue-1.html").exists()
    if db.exists():
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0


def test_a_broken_dependency_stops_extract_too(tmp_path: Path) -> None:
    page = next((EXAMPLES / "pages").rglob("*.html"))
    proc = run_curator(["extract", str(page)], _without_lxml_html_clean(tmp_path), tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"pip install {BROKEN}" in proc.stderr


def test_the_same_demo_page_reads_whole_when_the_installation_is_sound(tmp_path: Path) -> None:
    """The control: with nothing shadowed, the page's text is read (so the tests above fail for
    the reason they name)."""
    page = next((EXAMPLES / "pages").rglob("*.html"))
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = run_curator(["extract", "--json", str(page)], env, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert '"text_chars": 0' not in proc.stdout


def test_without_the_corpus_each_corpus_test_says_why_it_skips(tmp_path: Path) -> None:
    """A fresh clone without ../shared: the tests over corpus files are skipped, each naming what
    is missing and how to point at it, never "got empty parameter set" (which names nothing)."""
    env = dict(os.environ, CURATOR_SHARED=str(tmp_path / "nowhere"))
    files = ["tests/test_feeds.py", "tests/test_extract.py"]
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *files],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "empty parameter set" not in proc.stdout
    skips = [ln for ln in proc.stdout.splitlines() if ln.startswith("SKIPPED")]
    assert skips, proc.stdout[-3000:]
    for line in skips:
        assert "the shared corpus is not at" in line and "set CURATOR_SHARED" in line, line


#: A `python -c` program that runs `curator ARGS...` in a Python where one package cannot be
#: imported, as when pip left it out: a finder ahead of all others refuses it.
WITHOUT = """
import sys

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name == {name!r} or name.startswith({name!r} + "."):
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)

sys.meta_path.insert(0, Refuse())
sys.argv[0] = "curator"
from curator.cli import main
main()
"""

#: Each declared package, by the name Python imports it as, but sniffio: httpcore imports it only
#: if it is there, and curator runs the same without it; and numpy, without which curator places
#: articles one by one and says so (`deps.numeric_missing`, tested below).
NEEDED = sorted(set(deps.PACKAGES) - {"sniffio", "numpy"})


def run_without(module: str, args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-c", WITHOUT.format(name=module), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )


def test_every_declared_package_has_its_pip_name() -> None:
    assert {_normalise(d) for d in deps.PACKAGES.values()} == declared()


@pytest.mark.parametrize("module", NEEDED)
def test_a_missing_package_is_named_with_its_repair(module: str, tmp_path: Path) -> None:
    """Before: "ModuleNotFoundError: No module named 'nh3'" in a traceback, and nothing on stdout
    for --json."""
    out, db = tmp_path / "out", tmp_path / "demo.db"
    args = ["build", "--json", "--config", str(EXAMPLES / "feeds.yaml"), "--out", str(out)]
    proc = run_without(module, [*args, "--db", str(db)], tmp_path)
    package = deps.PACKAGES[module]
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("curator: curator's installation is broken: "), last
    assert f"No module named '{module}" in last and f"pip install {package}," in last, last
    assert "pip install --force-reinstall" in last
    document = json.loads(proc.stdout)
    # (a package the page reader needs is missed after the feeds were read: the document then
    # also says what the run did, as every failed build's does since walk92 #1)
    assert document["error"] == last.removeprefix("curator: ") and document["exit"] == 1, document
    assert document.get("issue") is None, document
    assert not (out / "issue-1.html").exists()


@pytest.mark.parametrize("command", ["fetch", "render", "draft", "feeds list"])
def test_every_command_names_a_missing_package(command: str, tmp_path: Path) -> None:
    args = [*command.split(), "--config", str(EXAMPLES / "feeds.yaml"), "--db", str(tmp_path / "d")]
    proc = run_without("nh3", args, tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert " ".join(proc.stderr.split()) == (
        "curator: curator's installation is broken: nh3 could not be imported (No module named"
        " 'nh3'); pip install nh3, or reinstall curator with its dependencies:"
        f" {deps.reinstall_command()}"
    )
    assert proc.stdout == ""


def test_a_missing_module_of_curators_own_is_a_bug_not_a_package(tmp_path: Path) -> None:
    """curator's own code failing to import is not repaired by pip: its traceback is shown."""
    proc = run_without("curator.store", ["build", "--json"], tmp_path)
    assert proc.returncode == 1
    assert "Traceback" in proc.stderr and "installation is broken" not in proc.stderr


def test_without_numpy_articles_are_placed_the_same_and_the_editor_is_told(
    tmp_path: Path,
) -> None:
    """walk21 #5: with numpy uninstalled, `build`, `subjects list` and `subjects move` exited 0
    saying nothing (and a large archive, placed in bulk, stopped). Now curator places articles
    one by one without it, in the same subjects, and says once that numpy is missing and how
    to install it. (BULK_MIN 1: the demo's archive is placed as a large one is.)"""
    bulk = "import curator.placing\ncurator.placing.BULK_MIN = 1\n"
    config = str(EXAMPLES / "feeds.yaml")

    def curator(db: str, numpy: bool, *args: str) -> subprocess.CompletedProcess:
        refuse = "numpy" if numpy is False else "no-such-module-at-all"
        program = WITHOUT.format(name=refuse).replace("sys.argv[0]", bulk + "sys.argv[0]", 1)
        return subprocess.run(
            [sys.executable, "-c", program, *args, "--config", config, "--db", db],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
            timeout=300,
        )

    placed = {}
    for numpy in (True, False):
        db = str(tmp_path / f"store-{numpy}.db")
        out = str(tmp_path / f"out-{numpy}")
        proc = curator(db, numpy, "build", "--out", out)
        assert proc.returncode == 0, proc.stderr
        # (the test's folder is named after numpy, and a build names the new store it makes there)
        said = [
            line for line in proc.stderr.splitlines() if "numpy" in line.replace(str(tmp_path), "")
        ]
        if numpy:
            assert said == [], proc.stderr
        else:
            assert len(said) == 1, proc.stderr
            flat = " ".join(proc.stderr.split())
            assert (
                "numpy could not be imported (No module named 'numpy'): curator places articles"
                " under subjects without it, one by one, in the same subjects but slower for a"
                " large archive; to place them at full speed, pip install numpy, or reinstall"
            ) in flat, proc.stderr
            # walk24 #5: "pip install --force-reinstall <curator's folder>" was a placeholder.
            assert "<curator's folder>" not in flat
            command = flat[flat.index("with its dependencies: ") :].split(": ", 1)[1].split()
            assert command[:5] == [sys.executable, "-m", "pip", "install", "--force-reinstall"]
            assert (Path(command[-1]) / "pyproject.toml").is_file(), command  # curator's own
        assert (Path(out) / "issue-1.html").exists()
        proc = curator(db, numpy, "subjects", "list", "--json")
        assert proc.returncode == 0, proc.stderr
        placed[numpy] = json.loads(proc.stdout)
    assert placed[False] and placed[False] == placed[True]
