"""fixie #4: `curator --help` with a package curator needs missing: with trafilatura (imported
only by the commands that read pages) missing, the help said nothing of it, and `fetch` stopped
later; with lxml missing, the help's text said "see below" of a repair written on stderr alone,
and `curator build --help` answered with the error only (exit 1)."""

from __future__ import annotations

from pathlib import Path

from test_install import run_without


def test_help_names_a_missing_page_reader_and_its_repair(tmp_path: Path) -> None:
    for args in (["--help"], ["build", "-h"]):
        proc = run_without("trafilatura", args, tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("Usage: curator"), proc.stdout
        said = " ".join(proc.stderr.split())
        assert (
            "curator: warning: curator's installation is broken: trafilatura could not be imported"
            " (No module named 'trafilatura'), and curator needs it to read article pages (fetch,"
            " build, draft, extract); pip install trafilatura, or reinstall curator"
        ) in said, said


def test_help_with_lxml_missing_says_the_repair_in_the_help_itself(tmp_path: Path) -> None:
    for args in (["--help"], ["build", "--help"]):
        proc = run_without("lxml", args, tmp_path)
        assert proc.returncode == 0, proc.stderr
        shown = " ".join(proc.stdout.split())
        assert shown.startswith("Usage: curator [OPTIONS] COMMAND"), shown
        assert "lxml could not be imported (No module named 'lxml'); pip install lxml," in shown
        assert "lxml could not be imported" in proc.stderr
    proc = run_without("lxml", ["build", "--config", "feeds.yaml"], tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""  # a command still stops
