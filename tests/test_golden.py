"""The demo's rendered issue, every file of it, against a committed expected tree (as pelican tests
its output): a change to the templates, the blurbs, the grouping or the credits shows up here as a
diff, and an intended one is accepted by regenerating the tree.

After an intended change to what the demo publishes, regenerate the expected files with

    CURATOR_GOLDEN=regenerate python -m pytest tests/test_golden.py

then read `git diff tests/golden/` (it is the change an editor would see) and commit it with the
change. The build's date is normalised (`YYYY-MM-DD`, `Month D, YYYY`, ...), and so are the last
digits of the scores in issue-1.json (float sums vary in the 16th digit from run to run).
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "demo"
REGENERATE = os.environ.get("CURATOR_GOLDEN") == "regenerate"
COMMAND = "CURATOR_GOLDEN=regenerate python -m pytest tests/test_golden.py"

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: What changes with the day the test runs, and the placeholder it becomes.
NORMALISE = (
    (
        re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"),
        "<datetime>",
    ),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "<date>"),
    (re.compile(rf"\b(?:{_MONTHS}) \d{{1,2}}, \d{{4}}\b"), "<Month D, YYYY>"),
    (
        re.compile(
            r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} [\d:]{8} [+-]\d{4}"
        ),
        "<RFC 822 date>",
    ),
)
#: A float printed with more digits than a score means (0.5799390049371789).
LONG_FLOAT = re.compile(r"\b\d+\.\d{7,}\b")


def normalised(text: str) -> str:
    for pattern, placeholder in NORMALISE:
        text = pattern.sub(placeholder, text)
    return LONG_FLOAT.sub(lambda m: f"{float(m.group()):.6f}", text)


def tree(folder: Path) -> dict[str, str]:
    """Every file below `folder` by its relative path, normalised."""
    return {
        path.relative_to(folder).as_posix(): normalised(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differences(expected: dict[str, str], actual: dict[str, str], limit: int = 120) -> str:
    """A readable report: missing and unexpected files, then a unified diff of each changed one."""
    lines: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        lines.append(f"missing: {name} (the build no longer writes it)")
    for name in sorted(actual.keys() - expected.keys()):
        lines.append(f"new: {name} (the build writes it; the expected tree has no such file)")
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            lines += difflib.unified_diff(
                expected[name].splitlines(),
                actual[name].splitlines(),
                f"expected/{name}",
                f"built/{name}",
                n=2,
                lineterm="",
            )
    if len(lines) > limit:
        lines = [*lines[:limit], f"... ({len(lines) - limit} more lines of diff)"]
    return "\n".join(lines)


def test_the_demo_issue_is_the_expected_one(demo: Path) -> None:
    # In a process of its own, as an editor runs it: curator keeps caches for the life of a
    # process (textfeatures' readable words), and earlier tests in this one would leave theirs.
    result = subprocess.run(
        [sys.executable, "-m", "curator", "build", "--config", str(demo), "-q"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    built = tree(demo.parent / "output")
    assert {"issue-1.html", "issue-1.txt", "index.html", "feed.xml"} <= built.keys()
    if REGENERATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for stale in set(tree(GOLDEN)) - built.keys():
            (GOLDEN / stale).unlink()
        for name, text in built.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
        return
    assert GOLDEN.is_dir(), f"no expected tree at {GOLDEN}; make it with: {COMMAND}"
    report = differences(tree(GOLDEN), built)
    if report:
        pytest.fail(
            "The demo's issue is not the expected one. If the change is intended, regenerate the"
            f" expected tree with\n    {COMMAND}\nand commit tests/golden/ with it.\n\n{report}",
            pytrace=False,
        )


def test_the_comparison_reports_a_change_as_a_readable_diff() -> None:
    expected = {"issue-1.txt": "Title\nAuthor || Pub\nBlurb one.\n", "old.html": "x"}
    actual = {"issue-1.txt": "Title\nAuthor || Pub\nBlurb two.\n", "new.html": "y"}
    report = differences(expected, actual)
    assert report.splitlines() == [
        "missing: old.html (the build no longer writes it)",
        "new: new.html (the build writes it; the expected tree has no such file)",
        "--- expected/issue-1.txt",
        "+++ built/issue-1.txt",
        "@@ -1,3 +1,3 @@",
        " Title",
        " Author || Pub",
        "-Blurb one.",
        "+Blurb two.",
    ]
    assert normalised('"date": "2026-12-04T00:00:00+00:00", "score": 0.5799390049371789') == (
        '"date": "<datetime>", "score": 0.579939'
    )
    assert normalised("Issue 1, December 4, 2026 (2026-12-04)") == (
        "Issue 1, <Month D, YYYY> (<date>)"
    )
