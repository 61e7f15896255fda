"""walk189 #4: a copied folder that keeps the subjects and feeds was taken for a rename.

Customer Experience Weekly's folder (store, output and all) copied to start a second newsletter
whose feeds.yaml keeps CX's subjects and feeds but changes the title AND the editor: the build
published the next issue under the new title into CX's archive and feed.xml, and its warning "if
this folder was copied to start another newsletter, stop here" came with the issue already out.
A title changed together with the editor now stops before anything is fetched (exit 1), naming
what changed and the two ways on; a title changed alone stays a rename, said once.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import LocalServer, copy_demo, run_cli, said_as_one

CX = "Customer Experience Weekly"


@pytest.fixture
def cx(tmp_path: Path) -> Path:
    """Customer Experience Weekly (the offline demo) with issue 1 published: its folder."""
    config = copy_demo(tmp_path / "cx")
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    return config.parent


def _state(folder: Path) -> tuple[object, ...]:
    with sqlite3.connect(folder / ".curator" / "curator.db") as db:
        return (
            db.execute("SELECT number, title FROM issues ORDER BY number").fetchall(),
            db.execute("SELECT COUNT(*) FROM articles").fetchone(),
            db.execute("SELECT url FROM feeds ORDER BY url").fetchall(),
            (folder / "output" / "feed.xml").read_bytes(),
            (folder / "output" / "index.html").read_bytes(),
        )


def _retitled(config: Path, title: str, editor: str | None, extra_feed: str = "") -> None:
    text = config.read_text(encoding="utf-8").replace(f"  title: {CX}\n", f"  title: {title}\n")
    line = "" if editor is None else f"  editor: {editor}\n"
    text = text.replace("  editor: Morgan Ellery\n", line)
    if extra_feed:
        text = text.replace(
            "\nfeeds:\n",
            f"\nfeeds:\n  - url: {extra_feed}\n    name: Extra Wire\n    fetch_pages: false\n",
            1,
        )
        text = text.replace("\nsettings:\n", "\nsettings:\n  allow_private_addresses: true\n", 1)
    config.write_text(text, encoding="utf-8")


def test_a_copied_folder_with_a_new_title_and_editor_stops_before_fetching(
    cx: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """The copy keeps CX's subjects and feeds, its title and editor changed: `build` and `draft`
    stop, exit 1, before any feed is read, saying what changed and the two ways on; nothing is
    published into CX's archive. `curator render` (a rename with a new editor, confirmed) lets
    the next build go on."""
    folder = tmp_path / "second"
    shutil.copytree(cx, folder)
    config = folder / "feeds.yaml"
    feed = http_server.add(
        "/extra.xml",
        '<rss version="2.0"><channel><title>Extra Wire</title></channel></rss>',
    )
    _retitled(config, "Service Desk Digest", "Rita Vance", extra_feed=feed)
    before = _state(folder)
    for command in ("build", "draft"):
        code, out, err = run_cli(command, "--config", str(config), "-q")
        said = said_as_one(err)
        assert code == 1, (out, err)
        assert (
            f"this folder's store ({folder / '.curator' / 'curator.db'}) and output"
            f' ({folder / "output"}) hold issue 1 of "{CX}", edited by Morgan Ellery;'
            f' {config} titles the newsletter "Service Desk Digest" and names another editor,'
            " Rita Vance: a folder copied to start another newsletter, or a rename with a new"
            ' editor? (feeds.yaml keeps its subject "The basics of customer experience" and 2'
            " of its feeds.) Nothing was fetched or published, and the store was not changed."
        ) in said, said
        assert "for a new newsletter, run `curator init` in a new folder" in said, said
        assert (
            f'if you renamed "{CX}" and gave it a new editor on purpose, run `curator render'
        ) in said, said
        assert "taken as a rename" not in said, said
        assert http_server.seen("/extra.xml") == []
        assert not list((folder / "output").glob("issue-2.*"))
        assert not (folder / "drafts" / "issue-2.md").exists()
        assert _state(folder) == before
    # The rename confirmed: the archive retitled, the new title recorded; the build goes on.
    code, out, err = run_cli("render", "--config", str(config))
    assert code == 0, err
    feed_xml = (folder / "output" / "feed.xml").read_text("utf-8")
    assert "<title>Service Desk Digest</title>" in feed_xml
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    assert "Service Desk Digest" in (folder / "output" / "issue-2.txt").read_text("utf-8")
    assert http_server.seen("/extra.xml")


@pytest.mark.parametrize("editor", ["Morgan Ellery", None], ids=["same-editor", "no-editor"])
def test_a_title_changed_alone_is_a_rename_said_once(cx: Path, editor: str | None) -> None:
    """The same editor (or none named in feeds.yaml) and a new title: a rename, as before. The
    build goes on and says so once; the next build says nothing of it."""
    config = cx / "feeds.yaml"
    _retitled(config, "CX Digest", editor)
    args = ("--config", str(config), "--no-fetch", "--all-subjects", "-q")
    code, out, err = run_cli("build", *args)
    said = said_as_one(err)
    assert code == 0, err
    assert (
        f'curator: warning: {config} titles the newsletter "CX Digest", and its issue 1 was'
        f' published as "{CX}": taken as a rename'
    ) in said, said
    assert "<title>CX Digest</title>" in (cx / "output" / "feed.xml").read_text("utf-8")
    code, out, err = run_cli("build", *args)
    assert code == 0, err
    assert "taken as a rename" not in err
