"""walk175: unattended runs (cron, scripts, CI) and broken installs. A missing anyio is named
before anything is stored (#1); the advice names the distribution pip installs (#2); a damaged
curator install says so in one line, and in JSON (#3); a near-miss --config names the file that
is there (#4); warnings lost with stderr are in the document (#5); a new store in a git checkout is
said (#6); --quiet says a feed's entries were cut (#8), prints nothing when nothing needs the
editor, and backup takes --quiet and --json (#9); --version and --help answer with lxml missing,
and soupsieve's warning does not leak (#10, #11); the progress bar fits the terminal (#12).

Through the CLI: a subprocess where the installation matters (a package refused by an import
finder, curator's own files copied and damaged), the offline demo, a real local HTTP server, a
real SQLite file and the real templates."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import hostile_helpers as h
import pytest
from test_install import run_curator, run_without

from conftest import REPO, LocalServer, copy_demo, run_cli, said_as_one

FULL = Path("/dev/full")


def _demo_without(module: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    config = copy_demo(tmp_path)
    return run_without(module, [*args, "--config", str(config)], tmp_path)


def test_without_anyio_the_build_stops_before_storing_naming_it(tmp_path: Path) -> None:
    """Before: httpcore's RuntimeError "Running with asyncio requires installation of
    'httpcore[asyncio]'" in a 73-line traceback, after the articles were stored; stdout empty."""
    proc = _demo_without("anyio", tmp_path, "build", "--json")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "httpcore[asyncio]" not in proc.stderr
    document = json.loads(proc.stdout)
    assert document["exit"] == 1
    assert document["error"].startswith(
        "curator's installation is broken: anyio could not be imported (No module named"
        " 'anyio'); pip install anyio, or reinstall curator with its dependencies: "
    ), document
    assert "pip install --force-reinstall" in document["error"]
    store = tmp_path / "demo" / ".curator" / "curator.db"
    if store.exists():
        with sqlite3.connect(store) as conn:
            assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    assert not (tmp_path / "demo" / "output").exists()


def test_a_missing_dependency_of_a_dependency_is_advised_by_its_pip_name(
    tmp_path: Path,
) -> None:
    """Before: "pip install dateutil", which pip answers "No matching distribution"."""
    proc = _demo_without("dateutil", tmp_path, "build", "--json")
    assert proc.returncode == 1, proc.stderr
    error = json.loads(proc.stdout)["error"]
    assert "(No module named 'dateutil'); pip install python-dateutil, or reinstall" in error
    assert "pip install dateutil" not in error


def _damaged_copy(tmp_path: Path) -> Path:
    """curator's package copied alone (as pip installs it: no pyproject.toml beside it)."""
    site = tmp_path / "site"
    shutil.copytree(
        REPO / "curator", site / "curator", ignore=shutil.ignore_patterns("__pycache__")
    )
    return site


def _run_from(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """curator run from the copy of it in `site` (test_install's runner, with PYTHONPATH)."""
    return run_curator(list(args), dict(os.environ, PYTHONPATH=str(site)), cwd)


def test_a_damaged_curator_install_is_said_in_one_line_and_in_json(tmp_path: Path) -> None:
    """Before: a SyntaxError or "No module named 'curator.blurb'" traceback, stdout empty."""
    site = _damaged_copy(tmp_path)
    render = site / "curator" / "render.py"
    lines = render.read_text(encoding="utf-8").count("\n")
    with render.open("a", encoding="utf-8") as file:
        file.write("def (:\n")
    config = copy_demo(tmp_path)
    proc = _run_from(site, tmp_path, "build", "--config", str(config), "--json")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    said = proc.stderr.strip()
    assert said.startswith(
        f"curator: curator's installation is damaged: curator/render.py line {lines + 1}:"
        " invalid syntax; reinstall: "
    ), said
    assert "-m pip install --force-reinstall" in said
    document = {"issue": None, "error": said.removeprefix("curator: "), "exit": 1}
    assert json.loads(proc.stdout) == document  # (build's `issue` too: fixjp #1)

    render.write_text(render.read_text(encoding="utf-8").replace("def (:\n", ""), "utf-8")
    (site / "curator" / "blurb.py").unlink()
    proc = _run_from(site, tmp_path, "build", "--config", str(config))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith(
        "curator: curator's installation is damaged: curator/blurb.py is missing (No module"
        " named 'curator.blurb'); reinstall: "
    ), proc.stderr
    assert not (config.parent / "output").exists()


def test_a_bug_of_curators_own_at_run_time_still_shows_its_traceback(tmp_path: Path) -> None:
    """Only an import of curator's own files counts as a damaged install: an error its code
    raises while running is a bug, and its traceback is seen (the control of the test above)."""
    site = _damaged_copy(tmp_path)
    init = site / "curator" / "cli" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    init.write_text(
        text.replace('    """The `curator` command."""\n', '    """x"""\n    1 / 0\n', 1), "utf-8"
    )
    proc = _run_from(site, tmp_path, "themes", "--json")
    assert proc.returncode == 1
    assert "Traceback" in proc.stderr and "ZeroDivisionError" in proc.stderr
    assert "installation is damaged" not in proc.stderr


def test_a_mistyped_config_names_the_feeds_yaml_beside_it_never_init(tmp_path: Path) -> None:
    """Before: "Run `curator init` to create feeds.yaml", and `curator init` then refused:
    "feeds.yaml: already exists; not overwritten"."""
    config = copy_demo(tmp_path)
    for typed in ("feeds.yml", "feed.yaml", "newsletter.yaml"):
        code, out, err = run_cli("build", "--config", str(config.with_name(typed)))
        said = said_as_one(err)
        assert code != 0 and out == ""
        assert (
            f"no such file (looked for {config.with_name(typed)}): this folder has feeds.yaml:"
            f" did you mean --config {config}?"
        ) in said, said
        assert "curator init" not in said
    # A folder with no feeds.yaml and nothing like it is still advised `curator init`.
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run_cli("build", "--config", str(empty / "feeds.yml"))
    assert code != 0 and f"curator init {empty}" in said_as_one(err)


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
def test_warnings_lost_with_stderr_are_in_the_document(tmp_path: Path) -> None:
    """Before: "this document holds the warnings", and `warnings` was []: the failed feed's
    report was only on the lost stderr."""
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("feeds:\n", "feeds:\n  - url: feeds/missing.xml\n    name: Missing Feed\n", 1),
        encoding="utf-8",
    )
    with FULL.open("w") as lost:
        proc = subprocess.run(
            [sys.executable, "-m", "curator", "build", "--json", "--config", str(config)],
            stdout=subprocess.PIPE,
            stderr=lost,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=tmp_path,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
            timeout=300,
        )
    document = json.loads(proc.stdout)
    assert proc.returncode == 5 and document["exit"] == 5
    assert "this document holds the warnings" in document["stderr_lost"]
    messages = [w["message"] for w in document["warnings"]]
    failed = [m for m in messages if m.startswith("1 feed(s) failed and were skipped:")]
    assert len(failed) == 1, messages
    assert "\n  Missing Feed: no such file: " in failed[0], failed
    assert document["issue"] is not None  # published all the same


def test_a_new_store_in_a_git_checkout_is_said_and_init_says_why(tmp_path: Path) -> None:
    """Before: a CI job building a fresh clone published issue 1 on every run, without a word
    (the .gitignore `curator init` writes keeps the store out of git)."""
    code, _, err = run_cli("init", str(tmp_path / "made"))
    assert code == 0, err
    ignore = (tmp_path / "made" / ".gitignore").read_text(encoding="utf-8")
    assert "a fresh checkout (CI) must put both back before it runs" in ignore
    assert ".curator/\noutput/\n" in ignore

    config = copy_demo(tmp_path)
    (config.parent / ".git").mkdir()  # a clone's checkout
    code, out, err = run_cli("build", "-q", "--json", "--config", str(config))
    assert code == 0, err
    store = config.parent / ".curator" / "curator.db"
    line = (
        f"a new store is made at {store} (in the git checkout {config.parent}): this is the"
        " newsletter's first run; if it is not (a CI job's fresh checkout"
    )
    assert line in said_as_one(err), err
    assert any(w["message"].startswith(line) for w in json.loads(out)["warnings"]), out
    # Once: the store is there on the next run.
    code, _, err = run_cli("build", "-q", "--config", str(config))
    assert code == 0 and "a new store" not in err, err


def test_quiet_fetch_says_a_cut_feed_and_nothing_else(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `fetch -q` said only "1000 new article(s) stored." of a feed of 1,005 entries, and
    "0 new article(s) stored." on every run after, which cron mailed."""
    url = http_server.add("/many.xml", b"".join(h.many_entries(1005, "https://many.example/")))
    config = h.write_config(tmp_path, [{"url": url, "name": "Many", "fetch_pages": False}])
    code, out, err = run_cli("fetch", "-q", "--config", str(config))
    assert code == 0, err
    assert out == ""
    cut = "Many: read the first 1000 of its 1,005 entries (curator reads at most 1000 per feed)"
    assert said_as_one(err).count(cut) == 1, err
    code, out, err = run_cli("fetch", "-q", "--config", str(config))  # nothing new: nothing
    assert (code, out, err) == (0, "", "")
    code, out, err = run_cli("fetch", "--config", str(config))  # (without -q, as before)
    assert code == 0 and out == "0 new article(s) stored.\n"

    backup = tmp_path / "copy.db"
    code, out, err = run_cli("backup", "-q", "--config", str(config), str(backup))
    assert (code, out, err) == (0, "", "")
    code, out, err = run_cli("backup", "--json", "--config", str(config), str(tmp_path / "b2.db"))
    assert code == 0, err
    assert json.loads(out) == {
        "store": str(tmp_path / "state" / "curator.db"),
        "backup": str(tmp_path / "b2.db"),
        "issues": 0,
        "articles": 1000,
        "warnings": [],
    }
    assert backup.stat().st_size > 0


def test_version_and_help_answer_with_lxml_missing(tmp_path: Path) -> None:
    """Before: both ended with exit 1 and the "installation is broken" line only."""
    proc = run_without("lxml", ["--version"], tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("curator, version "), proc
    assert "lxml could not be imported" in proc.stderr
    proc = run_without("lxml", ["--help"], tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("Usage: curator [OPTIONS] COMMAND")
    assert "lxml could not be imported" in proc.stderr and "pip install lxml" in proc.stderr
    proc = run_without("lxml", ["themes"], tmp_path)  # a command still stops
    assert proc.returncode == 1 and proc.stdout == ""


def test_soupsieve_missing_leaks_no_warning(tmp_path: Path) -> None:
    """Before: "bs4/css.py:40: UserWarning: The soupsieve package is not installed" on stderr."""
    page = next((REPO / "examples" / "pages").rglob("*.html"))
    proc = run_without("soupsieve", ["extract", "--json", str(page)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "soupsieve" not in proc.stderr and "UserWarning" not in proc.stderr
    assert json.loads(proc.stdout)["text_chars"] > 0


def test_the_pages_bar_fits_a_narrow_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a ~70-character bar redrawn with \\r on a 40-column terminal wrapped, leaving a
    line behind at each redraw."""
    from curator.cli.report_progress import RunProgress
    from curator.harvest_report import PageTally

    monkeypatch.setenv("COLUMNS", "40")
    progress = RunProgress(quiet=False, terminal=True, clock=lambda: 0.0)
    progress._show(PageTally(wanted=120, read=2, failed=1, feeds_left=2))  # noqa: SLF001
    bar = capsys.readouterr().err.split("\r")[-1]
    assert bar.startswith("  pages      [") and len(bar) <= 39, repr(bar)
