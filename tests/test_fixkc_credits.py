"""walk191 #7: a typed `author:` line opening with another language's "by" ("Von Jürgen Groß",
"Par Anaïs Le Bihan") was published as typed, where "By Jane Doe" lost its "By". It is published
without it, and the build says so with the line that keeps it (`(sic)`), for "Von" and "Di" also
open surnames."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli


@pytest.fixture
def drafted(themed_demo: Path) -> Path:
    """The demo's draft of issue 1, as `curator draft` writes it."""
    assert run_cli("fetch", "--config", str(themed_demo), "-q")[0] == 0
    code, _, err = run_cli("draft", "--config", str(themed_demo), "-q")
    assert code == 0, err
    return themed_demo.parent / "drafts" / "issue-1.md"


def _retype_first_author(drafted: Path, typed: str) -> tuple[str, int]:
    """The draft's first `author:` line typed as `typed`; the name it had and its line."""
    lines = drafted.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("author: "))
    name = lines[number][len("author: ") :].strip()
    assert len(name.split()) >= 2, name
    lines[number] = f"author: {typed.format(name=name)}\n"
    drafted.write_text("".join(lines), encoding="utf-8")
    return name, number + 1


def _build(drafted: Path) -> tuple[int, str, list[str], str]:
    config = drafted.parent.parent / "feeds.yaml"
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(drafted), "-q")
    out = drafted.parent.parent / "output"
    issue = json.loads((out / "issue-1.json").read_text(encoding="utf-8")) if code == 0 else {}
    authors = [n for s in issue.get("sections", []) for a in s["articles"] for n in a["authors"]]
    text = (out / "issue-1.txt").read_text(encoding="utf-8") if code == 0 else ""
    return code, err, authors, text


@pytest.mark.parametrize("lead", ["Von", "Par", "por", "Door"])
def test_another_languages_by_before_a_typed_author_goes_and_is_said(
    drafted: Path, lead: str
) -> None:
    name, line = _retype_first_author(drafted, lead + " {name}")
    code, err, authors, text = _build(drafted)
    assert code == 0, err
    assert name in authors and f"{lead} {name}" not in authors, authors
    assert f"{name} || " in text and f"{lead} {name}" not in text, text
    said = [x for x in err.splitlines() if f'"{lead} {name}" is published as "{name}"' in x]
    assert len(said) == 1, err
    assert f"issue-1.md:{line}:" in said[0], said
    assert f"'author: {lead} {name} (sic)'" in said[0], said


def test_the_sic_its_warning_gives_keeps_the_lead_in(drafted: Path) -> None:
    name, _ = _retype_first_author(drafted, "Von {name} (sic)")
    code, err, authors, text = _build(drafted)
    assert code == 0, err
    assert f"Von {name}" in authors, authors
    assert f"Von {name} || " in text, text
    assert "is published as" not in err, err


def test_a_surname_opening_with_von_before_one_word_is_kept_unsaid(drafted: Path) -> None:
    # "Von Miller" is a surname, not "by Miller": one word after it, as bylines read it.
    _retype_first_author(drafted, "Von Miller")
    code, err, authors, _ = _build(drafted)
    assert code == 0, err
    assert "Von Miller" in authors, authors
    assert "a byline's" not in err, err
