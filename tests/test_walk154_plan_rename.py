"""walk154 N-b: a subject renamed in feeds.yaml's `subjects:` but left in `themes: plan` stopped
every command with "unknown subject `Customer success` in `plan`; the subjects are: ...", and no
word of the new name nor of `curator subjects rename`. The message now names the one subject new
to feeds.yaml (the store never held it) and the rename that carries the old name's history."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli as run

OLD, NEW = "The basics of customer experience", "First principles"


def test_a_plan_naming_a_renamed_subject_names_the_new_one(themed_demo: Path) -> None:
    code, out, err = run("build", "--config", str(themed_demo), "-q")
    assert code == 0, err
    text = themed_demo.read_text(encoding="utf-8")
    # Renamed under `subjects:` only; and a plan that names not every subject, so the new name
    # is not the one subject the plan leaves out.
    assert f"  - name: {OLD}\n" in text and "    - Measuring the customer experience\n" in text
    text = text.replace(f"  - name: {OLD}\n", f"  - name: {NEW}\n")
    text = text.replace(f"subjects: [{OLD}]", f"subjects: [{NEW}]")
    text = text.replace("    - Measuring the customer experience\n", "", 1)
    themed_demo.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(themed_demo), "--no-fetch", "-q")
    assert code == 2, (code, err)
    said = " ".join(err.split())
    assert f"unknown subject `{OLD}` in `plan`; did you mean `{NEW}`, the one subject new" in said
    assert f"curator subjects rename '{OLD}' '{NEW}'" in said, said
    # The advice, followed, works.
    themed_demo.write_text(text.replace(f"    - {OLD}\n", f"    - {NEW}\n"), encoding="utf-8")
    code, out, err = run("subjects", "rename", OLD, NEW, "--config", str(themed_demo))
    assert code == 0, err
    # A name the store never held (a mistake, not a rename) is told no rename.
    themed_demo.write_text(text.replace(f"    - {OLD}\n", "    - Cheese\n"), encoding="utf-8")
    code, out, err = run("build", "--config", str(themed_demo), "--no-fetch", "-q")
    assert code == 2 and "unknown subject `Cheese`" in err and "subjects rename" not in err, err
