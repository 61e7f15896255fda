"""fixlm: what `curator render` says of an edit it reads that no edition publishes, of a feed's
changed credit, and of a stale latest.html."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import copy_demo, run_cli, said_as_one


def _built(tmp_path: Path) -> tuple[Path, Path]:
    config = copy_demo(tmp_path)
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    return config, config.parent / "output"


def test_description_edit_is_said_shown_by_no_edition(tmp_path: Path) -> None:
    """fixlm #1: a section's "description" edited in issue-1.json changed no page and render
    said only that issue-1.json changed: the edit looked discarded."""
    config, out = _built(tmp_path)
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"][0]["description"] = "Our own words for this subject."
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    pages = {
        p.name: p.read_text(encoding="utf-8") for p in out.glob("issue-1.*") if p.suffix != ".json"
    }

    code, out_text, err = run_cli("render", "1", "--config", str(config))

    assert code == 0, err
    said = said_as_one(out_text + err)
    assert (
        "issue-1.json: your edit of a section's \"description\" (its subject's, from feeds.yaml)"
        " is kept in the file, but no edition of issue 1 shows it, so no page changed for it;"
        " a template of yours can show it as `section.description`"
    ) in said
    assert json.loads(path.read_text(encoding="utf-8"))["sections"][0]["description"] == (
        "Our own words for this subject."
    )
    for name, text in pages.items():
        assert (out / name).read_text(encoding="utf-8") == text, name


def test_score_edit_is_said_and_a_template_showing_description_named(tmp_path: Path) -> None:
    """fixlm #1: a "score" edited is said too; a template copy naming `description` is named as
    the one that shows a description edited."""
    config, out = _built(tmp_path)
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"][0]["articles"][0]["score"] = 0.99
    data["sections"][0]["description"] = "Edited."
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "section.html").write_text("<p>{{ section.description }}</p>\n", encoding="utf-8")

    code, out_text, err = run_cli("render", "1", "--config", str(config), "--templates", str(mine))

    said = said_as_one(out_text + err)
    assert code == 0, err
    assert (
        "your edit of a section's \"description\" (its subject's, from feeds.yaml) and an"
        ' article\'s "score" is kept in the file, but no edition of issue 1 shows them'
    ) in said
    assert "your templates section.html name `description`" in said


def test_render_unedited_says_nothing_of_unshown_fields(tmp_path: Path) -> None:
    config, _ = _built(tmp_path)
    code, out_text, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    assert "no edition of issue 1 shows" not in out_text + err
