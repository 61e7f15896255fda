"""walk186 #3: a second newsletter started by copying the first's folder was taken for a rename.

Customer Experience Weekly's folder (store, output, drafts) copied to start "Gadget Digest", its
feeds.yaml rewritten (title, editor, every subject, every feed): the first build published
"Issue 2" of Gadget Digest into CX's archive and feed.xml, beside CX's issue 1, with no word that
the title changed. A rename keeps something (the editor, a subject or a feed); when everything
changed at once the build stops before it fetches; a rename it accepts is said.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import LocalServer, copy_demo, run_cli, said_as_one

CX = "Customer Experience Weekly"

GAMES = [
    (
        "The console price war is over",
        "Console makers stopped cutting prices this year. A gaming console now costs more two"
        " years after launch than it did at launch. Players who waited for a discount are still"
        " waiting.",
    ),
    (
        "Why VR headsets still make some players sick",
        "Motion sickness in VR comes from a mismatch between what the eyes see and what the inner"
        " ear feels. Headset makers have tried faster screens and wider lenses. Some players"
        " still cannot play for more than ten minutes.",
    ),
    (
        "A gaming headset for every budget",
        "We tried twelve gaming headsets, from the cheapest to the most expensive. The best"
        " sound came from a mid-priced model. The cheapest one broke in a week.",
    ),
    (
        "PlayStation and Xbox players can finally play together",
        "Cross-play between PlayStation and Xbox consoles is now the rule for new games. Players"
        " keep their friends whatever console they bought. Gaming servers had to change to allow"
        " it.",
    ),
]


def gadgets_feed(server: LocalServer) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>https://games.example/{n}</link>"
        f"<description>{text}</description>"
        f"<pubDate>Mon, 0{n + 1} Dec 2025 09:00:00 GMT</pubDate></item>"
        for n, (title, text) in enumerate(GAMES)
    )
    return server.add(
        "/gadgets.xml",
        f'<rss version="2.0"><channel><title>Gadget Wire</title>{items}</channel></rss>',
    )


def gadgets_yaml(url: str) -> str:
    return f"""\
newsletter:
  title: Gadget Digest
  editor: Rita Vance
  introduction: Welcome to issue {{number}} of {{title}}.
  issue_size: 3

subjects:
  - name: Games and headsets
    description: Video game consoles, virtual reality games and gaming headsets.
    keywords: [Xbox, PlayStation, console, VR, headset, headsets, gaming, players]

feeds:
  - url: {url}
    name: Gadget Wire
    fetch_pages: false

settings:
  output: output
  store: .curator/curator.db
  allow_private_addresses: true
"""


def _state(folder: Path) -> tuple[object, ...]:
    with sqlite3.connect(folder / ".curator" / "curator.db") as db:
        return (
            db.execute("SELECT number, title FROM issues ORDER BY number").fetchall(),
            db.execute("SELECT COUNT(*) FROM articles").fetchone(),
            db.execute("SELECT url FROM feeds ORDER BY url").fetchall(),
            (folder / "output" / "feed.xml").read_bytes(),
            (folder / "output" / "index.html").read_bytes(),
        )


@pytest.fixture
def cx(tmp_path: Path) -> Path:
    """Customer Experience Weekly (the offline demo) with issue 1 published: its folder."""
    config = copy_demo(tmp_path / "cx")
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    return config.parent


def test_a_copied_folder_rewritten_for_another_newsletter_stops_before_fetching(
    cx: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """The copy's feeds.yaml keeps nothing of CX (title, editor, subjects, feeds): `build`
    stops, exit 1, before it reads a feed, naming whose issues the folder holds and the ways on;
    `curator render` (the rename confirmed, as the stop says) lets the next build go on."""
    folder = tmp_path / "gadgets"
    shutil.copytree(cx, folder)
    config = folder / "feeds.yaml"
    config.write_text(gadgets_yaml(gadgets_feed(http_server)), encoding="utf-8")
    before = _state(folder)
    for command in ("build", "draft"):
        code, out, err = run_cli(command, "--config", str(config), "-q")
        said = said_as_one(err)
        assert code == 1, (out, err)
        assert (
            f"this folder's store ({folder / '.curator' / 'curator.db'}) and output"
            f' ({folder / "output"}) hold issue 1 of "{CX}", edited by Morgan Ellery;'
            f' {config} now describes another newsletter: its title ("Gadget Digest"), editor,'
            " every subject and every feed are not that newsletter's. Nothing was fetched or"
            " published, and the store was not changed."
        ) in said, said
        assert "for a new newsletter, run `curator init` in a new folder" in said, said
        assert f'if you renamed "{CX}" on purpose and changed everything else with it, run' in said
        assert http_server.seen("/gadgets.xml") == []
        assert not list((folder / "output").glob("issue-2.*"))
        assert not (folder / "drafts" / "issue-2.md").exists()
        assert _state(folder) == before
    # The rename confirmed: the archive retitled, the new title recorded; the build goes on.
    code, out, err = run_cli("render", "--config", str(config))
    assert code == 0, err
    assert "<title>Gadget Digest</title>" in (folder / "output" / "feed.xml").read_text("utf-8")
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    assert "Gadget Digest" in (folder / "output" / "issue-2.txt").read_text(encoding="utf-8")
    assert http_server.seen("/gadgets.xml")


def test_a_renamed_newsletter_that_keeps_its_feeds_goes_on_and_says_so(cx: Path) -> None:
    """A new title, the same editor, subjects and feeds: a rename. The build goes on and says so
    in one line (also under --quiet), once: the next build says nothing of it. (What is kept
    counts the subjects and feeds issue 1 published: its theme, and the feeds of its articles.
    A new editor as well stops the build: tests/test_fixjv_copied_folder.py, walk189 #4.)"""
    config = cx / "feeds.yaml"
    text = config.read_text(encoding="utf-8").replace(f"  title: {CX}\n", "  title: CX Digest\n")
    config.write_text(text)
    args = ("--config", str(config), "--no-fetch", "--all-subjects", "-q")
    code, out, err = run_cli("build", *args)
    said = said_as_one(err)
    assert code == 0, err
    assert (
        f'curator: warning: {config} titles the newsletter "CX Digest", and its issue 1 was'
        f' published as "{CX}": taken as a rename (feeds.yaml keeps its editor, Morgan Ellery, its'
        ' subject "The basics of customer experience" and 2 of its feeds), so this issue, the archive page (index.html)'
        " and feed.xml in"
        f' {cx / "output"} are titled "CX Digest" from now on'
    ) in said, said
    assert "<title>CX Digest</title>" in (cx / "output" / "feed.xml").read_text("utf-8")
    code, out, err = run_cli("build", *args)
    assert code == 0, err
    assert "taken as a rename" not in err
