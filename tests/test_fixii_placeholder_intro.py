"""walk179 #5: the placeholder introduction was said to be "published as it is" on every command,
though the plan's theme had an introduction of its own: it is said for the issues that use it."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import copy_demo, run_cli, said_as_one

PLACEHOLDER = "Welcome to issue {number} of {title}."


def _with_placeholder(tmp_path: Path) -> Path:
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    text = text.replace("  introduction_file: intro.md", f'  introduction: "{PLACEHOLDER}"', 1)
    config.write_text(text, encoding="utf-8")
    return config


def test_the_placeholder_is_said_for_issues_on_a_theme_without_its_own(tmp_path: Path) -> None:
    config = _with_placeholder(tmp_path)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    said = said_as_one(err)
    # walk183 #4: every theme of the demo's plan has its own, so no planned issue publishes the
    # placeholder, and it is not said (tests/test_fixiv_walk183.py: when it is).
    assert f"`introduction: {PLACEHOLDER}` is still the placeholder" not in said, said
    # Issue 1 is on the basics, which opens with its own introduction, as the warning says.
    page = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Each issue takes one aspect of" in page
    assert "Welcome to issue 1 of Customer Experience Weekly." in page


def test_without_subject_introductions_it_is_published_in_every_issue(tmp_path: Path) -> None:
    config = _with_placeholder(tmp_path)
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"\n    introduction: \|\n(?:(?:      .*)?\n)*", "\n", text)
    assert "    introduction:" not in text
    config.write_text(text, encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    said = said_as_one(err)
    assert "is still the placeholder `curator init` wrote, and is published as it is;" in said
    page = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Welcome to issue 1 of Customer Experience Weekly." in page
