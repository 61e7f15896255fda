"""walk115's recheck of correcting a published issue in its issue-N.json: a deleted "url"
published the article with no link. All through the command line, on the offline demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import copy_demo, run_cli


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with issue 1 built (its feeds.yaml)."""
    config = copy_demo(tmp_path_factory.mktemp("walk115"))
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    return config


def _said(err: str) -> str:
    return " ".join(err.split())


def test_a_deleted_url_is_refused_as_a_deleted_title_is(published: Path) -> None:
    """walk115 #2: with its "url" key deleted, the article was published with no link and the
    file written again with "url": null."""
    out = published.parent / "output"
    path = out / "issue-1.json"
    before = path.read_text(encoding="utf-8")
    data = json.loads(before)
    title = data["sections"][0]["articles"][1]["title"]
    del data["sections"][0]["articles"][1]["url"]
    edited = json.dumps(data, indent=2, ensure_ascii=False)
    path.write_text(edited, encoding="utf-8")
    page = (out / "issue-1.html").read_bytes()
    try:
        code, stdout, err = run_cli("render", "1", "--config", str(published))
        assert code == 2, err
        said = _said(err)
        assert f'{path}: article 2 "{title}" of section 1 (sections[0].articles[1])' in said
        assert '"url" is missing: write an address in quotes ("https://..."), or null' in said
        assert "Rendered issue" not in stdout
        assert path.read_text(encoding="utf-8") == edited
        assert (out / "issue-1.html").read_bytes() == page
    finally:
        path.write_text(before, encoding="utf-8")
