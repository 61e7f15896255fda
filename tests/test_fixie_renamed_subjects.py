"""fixie #1: after a subject was renamed (by hand in feeds.yaml, or with `curator subjects
rename`), a draft written before, or `--subject`, that still names the old name stopped with
"did you mean `The basics of customer experience`?", the subject closest in spelling, not the one
the old name had become; the stop now names the file and line, the new name and what to write."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, said_as_one

MEASURING = "Measuring the customer experience"


def _rename(config: Path, old: str, new: str) -> None:
    config.write_text(config.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_draft_naming_a_subject_renamed_by_hand_names_its_new_name(themed_demo: Path) -> None:
    config = str(themed_demo)
    code, _, err = run_cli("build", "--config", config, "-q")
    assert code == 0, err
    code, _, err = run_cli("draft", "--config", config, "-q")
    assert code == 0, err
    draft = themed_demo.parent / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    assert f"theme: {MEASURING}\n" in text and f"\n# {MEASURING}\n" in text
    heading = text.splitlines().index(f"# {MEASURING}") + 1
    _rename(themed_demo, MEASURING, "Measuring CX")  # (subjects:, plan: and the feeds' hints)
    code, out, err = run_cli("build", "--config", config, "--draft", str(draft), "--no-fetch")
    said = said_as_one(err)
    assert code == 2, err
    assert "did you mean `The basics" not in said, said
    assert (
        f"{draft}:6: the theme names no subject `{MEASURING}`; feeds.yaml has no subject"
        f" `{MEASURING}` any more: most likely it was renamed `Measuring CX`, the one subject of"
        " feeds.yaml that no article was placed under before: write `Measuring CX` in `theme:`"
    ) in said, said
    assert f"{draft}:{heading}: no subject `{MEASURING}`; " in said, said
    assert "write `# Measuring CX` on this line." in said, said
    assert not (themed_demo.parent / "output" / "issue-2.html").exists()
    # the advice followed, the draft is published on the new name
    draft.write_text(text.replace(MEASURING, "Measuring CX"), encoding="utf-8")
    code, _, err = run_cli("build", "--config", config, "--draft", str(draft), "-q")
    assert code == 0, err
    issue = json.loads((themed_demo.parent / "output" / "issue-2.json").read_text("utf-8"))
    assert [s["subject"] for s in issue["sections"]] == ["Measuring CX"]


def test_subject_option_naming_a_renamed_subject_names_its_new_name(themed_demo: Path) -> None:
    config = str(themed_demo)
    code, _, err = run_cli("build", "--config", config, "-q")
    assert code == 0, err
    basics = "The basics of customer experience"
    _rename(themed_demo, f"- name: {basics}", "- name: CX groundwork")
    _rename(themed_demo, f"    - {basics}", "    - CX groundwork")
    _rename(themed_demo, f"subjects: [{basics}]", "subjects: [CX groundwork]")
    code, _, err = run_cli("subjects", "rename", "--config", config, basics, "CX groundwork")
    assert code == 0, err
    code, _, err = run_cli("draft", "--config", config, "--no-fetch", "--subject", basics)
    said = said_as_one(err)
    assert code == 2, err
    assert f"no subject `{basics}`; feeds.yaml has no subject `{basics}` any more: `curator" in said
    assert "made it `CX groundwork`: name it `CX groundwork`" in said, said
    assert not (themed_demo.parent / "drafts").exists()
