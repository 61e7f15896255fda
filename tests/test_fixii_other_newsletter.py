"""walk179 #3: a second newsletter pointed at the first one's output folder was told to "start a
new store from the published issues, `curator render --record`", and doing so took over the
first one's archive and feed under its own title. The stop now says whose issues those are, and
`render --record` refuses them, unless the editor says the newsletter was renamed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import copy_demo, run_cli, said_as_one, sans_config

OTHER = "Support Ops Digest"


@pytest.fixture(scope="module")
def cx_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Customer Experience Weekly (the demo) with issues 1 and 2 published in its output."""
    config = copy_demo(tmp_path_factory.mktemp("cx"))
    for theme in ("The basics of customer experience", "Measuring the customer experience"):
        code, out, err = run_cli("build", "--config", str(config), "--subject", theme, "-q")
        assert code == 0, out + err
    return config.parent / "output"


def _support_ops(tmp_path: Path, cx_folder: Path, title: str = OTHER) -> tuple[Path, Path]:
    """A second newsletter (the demo's feeds.yaml retitled), its output the copy of CX's folder."""
    blog = tmp_path / "blog"
    shutil.copytree(cx_folder, blog)
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    text = text.replace("title: Customer Experience Weekly", f"title: {title}", 1)
    text = text.replace("  output: output ", f"  output: {blog} ", 1)
    config.write_text(text, encoding="utf-8")
    return config, blog


def test_build_says_the_folder_holds_another_newsletters_issues(
    tmp_path: Path, cx_folder: Path
) -> None:
    config, blog = _support_ops(tmp_path, cx_folder)
    code, out, err = run_cli("build", "--config", str(config))
    said = sans_config(said_as_one(err))
    assert code == 1, out + err
    assert f'{blog} holds issues 1-2 of "Customer Experience Weekly"' in said, said
    assert f'not of "{OTHER}"' in said
    assert "another newsletter's" in said
    assert "a folder of its own" in said
    # The advice no longer takes the other newsletter's issues as this one's.
    assert "start a new store from the published issues" not in said
    assert "`curator render --record`" not in said


def test_render_record_refuses_another_newsletters_issues(tmp_path: Path, cx_folder: Path) -> None:
    config, blog = _support_ops(tmp_path, cx_folder)
    before = {p.name: p.read_bytes() for p in blog.iterdir()}
    code, out, err = run_cli("render", "--record", "--config", str(config))
    said = sans_config(said_as_one(err))
    assert code == 1, out + err
    assert 'issues 1-2 of "Customer Experience Weekly"' in said and f'not of "{OTHER}"' in said
    assert "--renamed" in said
    assert {p.name: p.read_bytes() for p in blog.iterdir()} == before
    store = config.parent / ".curator" / "curator.db"
    if store.exists():
        with sqlite3.connect(store) as db:
            assert db.execute("SELECT COUNT(*) FROM issues").fetchone() == (0,)


def test_a_renamed_newsletter_records_its_issues_when_told(tmp_path: Path, cx_folder: Path) -> None:
    """The newsletter renamed in feeds.yaml, its store lost: `render --record --renamed`."""
    config, blog = _support_ops(tmp_path, cx_folder, title="CX Digest")
    code, out, err = run_cli("render", "--record", "--renamed", "--config", str(config))
    assert code == 0, out + err
    assert "issue 2 is recorded" in said_as_one(out)
    feed = (blog / "feed.xml").read_text(encoding="utf-8")
    assert "<title>CX Digest</title>" in feed
    code, out, err = run_cli("build", "--config", str(config), "--all-subjects")
    assert code == 0, out + err
    data = json.loads((blog / "issue-3.json").read_text(encoding="utf-8"))
    assert data["title"] == "CX Digest"


def test_the_same_newsletters_folder_still_records(tmp_path: Path, cx_folder: Path) -> None:
    """Its own store lost: the stop still advises `render --record`, which records them."""
    config, blog = _support_ops(tmp_path, cx_folder, title="Customer Experience Weekly")
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 1, out + err
    assert "`curator render --record`" in sans_config(said_as_one(err))
    code, out, err = run_cli("render", "--record", "--config", str(config))
    assert code == 0, out + err
