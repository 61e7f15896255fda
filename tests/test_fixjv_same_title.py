"""walk189 #5: a fetch said a published article's title "is now" the very same title.

A feed briefly carried a second entry for one published page (the same link, another id and
title), then dropped it: the next `fetch` said `"Nintendo's first iPhone game…", published in
issue 1, is now "Nintendo's first iPhone game…" in its feed`, a change notice where nothing
changed, with advice to correct the issue. The notice now compares as the editor reads (spaces,
case and character references aside): the same title and credit is no change.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import LocalServer, run_cli

GAMES = [
    (
        "Nintendo&#x27;s first iPhone game will launch in December for $10",
        "Nintendo and Apple announced Super Mario Run, the gaming company's first mobile game."
        " Players pay once to unlock the whole game. It comes to the iPhone in December.",
    ),
    (
        "The console price war is over",
        "Console makers stopped cutting prices this year. A gaming console now costs more two"
        " years after launch than it did at launch. Players who waited are still waiting.",
    ),
    (
        "Why VR headsets still make some players sick",
        "Motion sickness in VR comes from a mismatch between what the eyes see and what the"
        " inner ear feels. Headset makers have tried faster screens and wider lenses.",
    ),
]

#: The entry that came and went: the first game's page, under another id and title.
BRIEF = (
    "<item><title>A brand new browser release</title><link>{base}/games/0</link>"
    "<guid>{base}/games/0-new</guid><pubDate>Sat, 05 Dec 2025 10:00:00 GMT</pubDate>"
    "<description>New release.</description></item>"
)


def _feed(server: LocalServer, extra: str = "", first: str | None = None) -> str:
    items = "".join(
        f"<item><title>{first if n == 0 and first else title}</title>"
        f"<link>{server.base}/games/{n}</link><guid>{server.base}/games/{n}</guid>"
        f"<description>{text}</description>"
        f"<pubDate>Mon, 0{n + 1} Dec 2025 09:00:00 GMT</pubDate></item>"
        for n, (title, text) in enumerate(GAMES)
    )
    body = f'<rss version="2.0"><channel><title>Game Wire</title>{extra}{items}</channel></rss>'
    return server.add("/games.xml", body)


def _newsletter(folder: Path, server: LocalServer) -> Path:
    folder.mkdir()
    config = folder / "feeds.yaml"
    config.write_text(
        f"""\
newsletter:
  title: Game Notes
  editor: Rita Vance
  introduction: Welcome to issue {{number}} of {{title}}.
  issue_size: 3

subjects:
  - name: Games
    description: Video game consoles, mobile games, virtual reality and gaming.
    keywords: [Nintendo, iPhone, console, VR, headset, gaming, players, game]

feeds:
  - url: {_feed(server)}
    name: Game Wire
    fetch_pages: false

settings:
  output: output
  store: .curator/curator.db
  allow_private_addresses: true
""",
        encoding="utf-8",
    )
    return config


def _as_an_older_curator_kept_it(config: Path) -> None:
    """The store's issue as a curator before schema 14 recorded it: without the title and
    credit it printed (walk189's store, upgraded), and no issue-1.json beside it."""
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        db.execute("UPDATE issue_articles SET title = NULL, authors = NULL")
    db.close()
    (config.parent / "output" / "issue-1.json").unlink()


@pytest.mark.parametrize("older", [False, True], ids=["recorded", "older-curator"])
def test_a_brief_second_entry_for_a_published_page_is_no_title_change(
    tmp_path: Path, http_server: LocalServer, older: bool
) -> None:
    config = _newsletter(tmp_path / "games", http_server)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    data = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    published = [a["title"] for s in data["sections"] for a in s["articles"]]
    assert "Nintendo's first iPhone game will launch in December for $10" in published, published
    if older:
        _as_an_older_curator_kept_it(config)
    _feed(http_server, extra=BRIEF.format(base=http_server.base))
    code, out, err = run_cli("fetch", "--config", str(config))
    assert code == 0, out + err
    _feed(http_server)  # the second entry gone: the feed as it was
    code, out, err = run_cli("fetch", "--config", str(config))
    assert code == 0, out + err
    assert "is now" not in out + err, out + err
    assert "another title or credit" not in out + err, out + err
    # The same title as the editor reads it (spaces, case, a character reference): no notice.
    _feed(
        http_server, first="NINTENDO&amp;#x27;S first  iPhone game will launch in December for $10"
    )
    code, out, err = run_cli("fetch", "--config", str(config))
    assert code == 0, out + err
    assert "is now" not in out + err, out + err
    # A title that did change is still said.
    _feed(http_server, first="Super Mario Run comes to the iPhone for $10")
    code, out, err = run_cli("fetch", "--config", str(config))
    assert code == 0, out + err
    assert 'is now "Super Mario Run comes to the iPhone for $10"' in " ".join(err.split()), err
