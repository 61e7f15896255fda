"""fixie #3: a build with a mistake in its configuration's templates said "a new store is made
at ...", made it, then stopped on the template (and the next run took the empty store for the
newsletter's); one whose output folder could not be made read every feed first. The
configuration is checked first, and no store is made when it fails."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import copy_demo, run_cli, said_as_one


def _checkout(tmp_path: Path) -> Path:
    config = copy_demo(tmp_path)
    (config.parent / ".git").mkdir()  # a clone's checkout: a new store is said there
    return config


def test_a_template_mistake_stops_the_build_before_a_store_is_made(tmp_path: Path) -> None:
    config = _checkout(tmp_path)
    folder = config.parent / "mine"
    folder.mkdir()
    (folder / "issue.html").write_text("<h1>{{ issue.title }}</h1>\n{% if %}\n", encoding="utf-8")
    with config.open("a", encoding="utf-8") as file:
        file.write("  templates: mine\n")
    code, out, err = run_cli("build", "--json", "--config", str(config))
    assert code == 2, err
    assert f"template {folder / 'issue.html'}:2: " in said_as_one(err), err
    assert "a new store" not in err, err
    assert json.loads(out)["exit"] == 2
    assert not (config.parent / ".curator").exists()
    assert not (config.parent / "output").exists()
    # mended, the build makes the store and says so, once
    (folder / "issue.html").unlink()
    code, _, err = run_cli("build", "-q", "--config", str(config))
    assert code == 0, err
    assert "a new store is made at" in said_as_one(err), err


def test_an_output_folder_that_cannot_be_made_stops_before_anything_is_read(
    tmp_path: Path,
) -> None:
    config = _checkout(tmp_path)
    (config.parent / "output").write_text("a file where the output folder goes\n", "utf-8")
    code, out, err = run_cli("build", "--config", str(config))
    said = said_as_one(err)
    assert code == 1, err
    assert (
        f"cannot write issues to {config.parent / 'output'}; nothing was fetched or published:"
        f" {config.parent / 'output'} is a file, not a folder: move it away or choose another"
        " --out, then run again"
    ) in said, said
    assert "a new store" not in said and "Fetching" not in said, said
    assert not (config.parent / ".curator").exists()
