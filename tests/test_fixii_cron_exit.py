"""walk179 #7: README's cron section said "3 nothing to publish", but a build with nothing new
exits 0 (as docs/scripting.md says); 3 is a theme too thin or a plan used up."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, run_cli


def test_a_build_with_nothing_new_exits_0_as_readme_says(demo: Path) -> None:
    config = demo  # (no plan of themes: issue 1 features every subject's articles)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    code, out, err = run_cli("build", "--config", str(config), "--no-fetch")
    assert code == 0, out + err
    assert "Nothing new to feature: no issue was written." in out
    code, out, err = run_cli("build", "--config", str(config), "--no-fetch", "--json")
    assert code == 0, out + err
    assert json.loads(out)["issue"] is None
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "3 nothing to publish" not in readme
    assert (
        "0 done, and also when there was nothing new to feature (`build` prints `Nothing new to"
        " feature: no issue was written.`)" in readme
    )
    assert 'tests `build --json`\'s `"issue"`' in readme
