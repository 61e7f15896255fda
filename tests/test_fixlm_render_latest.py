"""fixlm #3: `curator render N` with `html` left out of `outputs` left an older issue's
latest.html in place, unsaid (only `build` removed it, fixli). Through the CLI, on the demo."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import copy_demo, run_cli, said_as_one


def _without_html(tmp_path: Path) -> tuple[Path, Path]:
    """The demo with issue 1 built (latest.html written), then `html` left out of `outputs`."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    latest = config.parent / "output" / "latest.html"
    assert latest.is_file()
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data.setdefault("settings", {})["outputs"] = ["json", "markdown", "text", "index", "feed"]
    config.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return config, latest


def test_render_without_html_removes_the_stale_latest_page_and_says_so(tmp_path: Path) -> None:
    config, latest = _without_html(tmp_path)

    code, out, err = run_cli("render", "1", "--config", str(config))

    assert code == 0, err
    said = said_as_one(out + err)
    assert not latest.exists(), said
    assert (
        f"removed {latest}: `outputs` leaves out `html`, so no issue page is written for it to"
        " follow, and it would have stayed an older issue's page"
    ) in said, said


def test_render_without_html_leaves_a_latest_page_curator_did_not_write(tmp_path: Path) -> None:
    config, latest = _without_html(tmp_path)
    latest.write_text("<html><body>My own page</body></html>\n", encoding="utf-8")

    code, _, err = run_cli("render", "1", "--config", str(config))

    assert code == 0, err
    assert latest.read_text(encoding="utf-8") == "<html><body>My own page</body></html>\n"
    assert f"{latest} was left as it is (curator did not write it)" in said_as_one(err), err


def test_render_without_html_json_names_the_removed_page(tmp_path: Path) -> None:
    config, latest = _without_html(tmp_path)
    code, out, err = run_cli("render", "1", "--config", str(config), "--json")
    assert code == 0, err
    assert json.loads(out)["removed"] == [str(latest)]
