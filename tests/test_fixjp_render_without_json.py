"""fixjp #4: `render` warned for each issue that its issue-N.json was missing.

A newsletter whose `settings: outputs` leaves out `json` never writes issue-N.json: the store's
record is the source of its issues by design (README), yet every `render --all` warned once per
issue that "issue-N.json is missing, so it was rendered from the store's record". Now that is
not said without the JSON edition, and with it the issues whose file is gone are one line.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def one_per_subject(config: Path, outputs: str | None = None) -> None:
    text = config.read_text(encoding="utf-8")
    text = text.replace("  issue_size: 4\n", "  issue_size: 1\n", 1)
    if outputs is not None:
        text = text.replace("\nsettings:\n", f"\nsettings:\n  outputs: [{outputs}]\n", 1)
    config.write_text(text, encoding="utf-8")


def publish_three(config: Path) -> Path:
    for number in (1, 2, 3):
        code, out, err = run_cli("build", "--config", str(config), "-q", "--no-fetch")
        assert code == 0 and out.startswith(f"Issue {number}:"), err
    return config.parent / "output"


def test_without_the_json_edition_render_says_nothing_of_issue_json(demo: Path) -> None:
    one_per_subject(demo, "html, text, index, feed")
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    output = publish_three(demo)
    assert not list(output.glob("issue-*.json"))
    code, out, err = run_cli("render", "--all", "--config", str(demo))
    assert code == 0, err
    assert ".json" not in err, err
    assert "rendered from the store" not in err, err
    for number in (1, 2, 3):
        assert (output / f"issue-{number}.html").is_file()
        assert (output / f"issue-{number}.txt").is_file()


def test_issue_json_gone_from_several_issues_is_said_once(demo: Path) -> None:
    one_per_subject(demo)
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    output = publish_three(demo)
    for number in (1, 2):
        (output / f"issue-{number}.json").unlink()
    code, out, err = run_cli("render", "--all", "--config", str(demo))
    assert code == 0, err
    said = [line for line in err.splitlines() if "rendered from the store" in line]
    assert said == [
        f"curator: warning: issues 1, 2: their issue-N.json are missing from {output}, so they"
        " were rendered from the store's record of them: their articles as published, with the"
        " edits made in their drafts"
    ], err
    assert (output / "issue-1.json").is_file()  # (written again from the store's record)
