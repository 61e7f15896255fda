"""walk155 #5 (fixgc): a subject renamed by hand in feeds.yaml onto the name of a removed subject
an issue was on took over that issue's history without a word (the plan skipped its line, the
next build had no closing line, the one after said the plan was used up), while `curator subjects
rename` asks for `--merge` in that case. Through the CLI, on the offline demo and its real store."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import run_cli as run
from conftest import said_as_one, sans_config

TOOK_OVER = "has the name of a subject issue 2 was on before it was removed"


def without_voice(text: str) -> str:
    """The demo's feeds.yaml without its subject "Voice of the customer" and its plan line."""
    start, end = text.index("  - name: Voice of the customer"), text.index("\n# --- Themes")
    return (text[:start] + text[end:]).replace("    - Voice of the customer\n", "")


def themes_said(config: Path) -> str:
    code, _, err = run("themes", "--config", str(config))
    assert code == 0, err
    return sans_config(said_as_one(err))


def test_a_subject_renamed_by_hand_onto_a_removed_subjects_name_is_said_until_answered(
    themed_demo: Path,
) -> None:
    config = themed_demo
    original = config.read_text(encoding="utf-8")
    for args in (["-q"], ["--no-fetch", "-q", "--subject", "Voice of the customer"]):
        code, _, err = run("build", "--config", str(config), *args)
        assert code == 0, err
    # Removing a subject, then bringing it back while no other left, is no rename: nothing said.
    config.write_text(without_voice(original), encoding="utf-8")
    said = themes_said(config)
    assert TOOK_OVER not in said
    # (walk155: its articles were said to go "under the subjects that fit them", when they went
    # under none: where they went, counted)
    went = re.search(r"are placed by curator from now on: now under (.*?) \(the issues", said)
    assert went is not None, said
    counts = re.findall(r'(?:"[^"]+"|no subject) \((\d+)\)', went.group(1))
    assert sum(int(n) for n in counts) == 2, said
    config.write_text(original, encoding="utf-8")
    assert TOOK_OVER not in themes_said(config)
    # One edit: "Voice of the customer" removed, "Service operations" renamed to its name.
    renamed = without_voice(original).replace("Service operations", "Voice of the customer")
    config.write_text(renamed, encoding="utf-8")
    said = themes_said(config)
    assert said.count(TOOK_OVER) == 1, said
    assert '"Service operations" left ' in said and " in the same edit" in said, said
    merge = "curator subjects rename 'Service operations' 'Voice of the customer' --merge"
    assert merge in said, said
    # Said again until answered (an ordinary later run), once per run.
    assert themes_said(config).count(TOOK_OVER) == 1

    # Answered by publishing an issue on it after the edit (a copy of the newsletter).
    other = config.parent.parent / "published"
    shutil.copytree(config.parent, other)
    copy = other / "feeds.yaml"
    code, _, err = run(
        "build", "--config", str(copy), "--no-fetch", "--subject", "Voice of the customer"
    )
    assert code == 0, err
    assert said_as_one(err).count(TOOK_OVER) == 1, err
    assert TOOK_OVER not in themes_said(copy)

    # Answered by `subjects rename --merge`, which the plain rename asks for.
    code, out, err = run(
        "subjects", "rename", "--config", str(config), "Service operations", "Voice of the customer"
    )
    assert code != 0
    assert merge in sans_config(said_as_one(err)), err
    code, out, err = run(
        "subjects",
        "rename",
        "--config",
        str(config),
        "Service operations",
        "Voice of the customer",
        "--merge",
    )
    assert code == 0, err
    assert 'Recorded "Service operations" as renamed "Voice of the customer"' in said_as_one(out)
    assert TOOK_OVER not in themes_said(config)
    code, _, err = run("draft", "--config", str(config), "--no-fetch")
    assert TOOK_OVER not in said_as_one(err)
