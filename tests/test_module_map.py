"""README's module map (issue 16.8) names every module of curator/, and only those, so the first
place a maintainer looks stays true as modules come and go."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "curator"


def readme_map() -> list[tuple[str, str, str]]:
    """(module, stage, what it owns) for each row of the table under README's "How it works"."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## How it works\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$", section, re.M)
    return [(name, stage.strip(), owns.strip()) for name, stage, owns in rows]


def test_the_module_map_names_every_module_once() -> None:
    rows = readme_map()
    names = [name for name, _, _ in rows]
    assert len(names) == len(set(names)), names
    modules = {p.name for p in PACKAGE.glob("*.py") if not p.name.startswith("__")}
    packages = {f"{p.parent.name}/" for p in PACKAGE.glob("*/__init__.py")}
    missing = (modules | packages) - set(names)
    assert not missing, f"add a row to README's module map (How it works) for: {sorted(missing)}"
    assert not set(names) - (modules | packages), "README's module map names modules that are gone"
    assert all(stage and owns for _, stage, owns in rows)


def test_each_package_maps_its_own_modules() -> None:
    for package in ("cli", "feeds"):
        doc = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text()))
        assert doc
        for module in (PACKAGE / package).glob("*.py"):
            if module.name != "__init__.py":
                assert f"`{module.stem}`" in doc, (package, module.name)


def test_readme_names_every_key_feeds_yaml_takes() -> None:
    # `fetch_pages`, `timeout`, `max_bytes`, `concurrency`, `per_host` and `site_url` were read
    # from feeds.yaml but written nowhere an editor looks: a new editor whose pages always failed
    # offline had no way to find the switch that skips them.
    from curator import config

    text = (REPO / "README.md").read_text(encoding="utf-8")
    tables = (
        config.NEWSLETTER_KEYS,
        config.SUBJECT_KEYS,
        config.THEMES_KEYS,
        config.FEED_KEYS,
        config.SETTINGS_KEYS,
        config.TOP_KEYS,
    )
    keys = {key for table in tables for key in table}
    missing = sorted(k for k in keys if not re.search(rf"\b{re.escape(k)}\b", text))
    assert not missing, f"README does not say what these feeds.yaml keys do: {missing}"


def test_readme_names_every_shared_folder_whose_absence_skips_tests() -> None:
    # walk14: the tests also skip when ../shared/seeds is missing, and README, where it explains
    # the skips, named only ../shared/corpus: an editor could not tell why those were skipped.
    fixtures = (REPO / "tests" / "conftest.py").read_text(encoding="utf-8")
    folders = set(re.findall(r'shared_dir\(\) / "(\w+)"', fixtures))
    assert {"corpus", "seeds"} <= folders, folders
    text = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    running = text[text.index("never reach the internet") :][:800]
    missing = sorted(f for f in folders if f"../shared/{f}/" not in running)
    assert not missing, f"README's word on skipped tests does not name: {missing}"


def test_readme_customise_the_templates_can_be_followed_from_an_empty_folder(
    tmp_path: Path,
) -> None:
    # walk14: in a new editor's own folder, README's `cp templates/_issue_body.html my-templates/`
    # failed with `cannot stat`: nothing had made templates/ (`curator init` came later).
    from conftest import run_cli

    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Customise the templates") :]
    block = section[section.index("```sh\n") + 6 :]
    block = block[: block.index("```")]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands[0].startswith("curator init "), "the block starts where the editor starts"
    folder = tmp_path
    named: list[str] = []
    for command in commands:
        for step in (part.strip() for part in command.split("&&")):
            words = step.split()
            if words[:2] == ["curator", "init"]:
                code, _, err = run_cli("init", str(folder / words[2]))
                assert code == 0, err
            elif words[0] == "cd":
                folder = folder / words[1]
            named += [w for w in words if w.startswith("templates/")]
    assert named, "the block names the template to edit"
    for name in named:
        assert (folder / name).is_file(), f"{name} is not in the folder `curator init` made"
    from curator.config_load import load_config

    assert load_config(folder / "feeds.yaml").settings.templates == folder / "templates"
