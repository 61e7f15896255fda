"""fixlx #2: a draft's `publication:` line left as curator wrote it did not follow the feed's new
`name:` (its `author:` and `## Title` lines do since fixkx/fixli): `build --draft` published the
old name, and kept it as the editor's correction of the credit. Through the CLI against a feed and
pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import yaml
from test_walk58 import TEXTS, feed, page

from conftest import LocalServer, said_as_one, sans_config
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"


def _garden(tmp_path: Path, server: LocalServer) -> Path:
    for slug, title in [("tomato", "How to grow tomatoes"), ("roses", "Caring for roses")]:
        server.add(
            f"/{slug}.html", page(title, TEXTS[slug], "Ann Green", "Garden Gate"), content_type=HTML
        )
    server.add(
        "/a.xml",
        feed(
            server,
            "Garden Gate",
            [
                ("tomato", "How to grow tomatoes", "Mon, 30 Nov 2026 10:00:00 +0000"),
                ("roses", "Caring for roses", "Mon, 30 Nov 2026 11:00:00 +0000"),
            ],
        ),
    )
    config = tmp_path / "feeds.yaml"
    data = {
        "newsletter": {"title": "Garden Weekly", "editor": "Ed", "issue_size": 2},
        "settings": {"allow_private_addresses": True, "output": str(tmp_path / "output")},
        "subjects": [
            {
                "name": "Gardening",
                "description": "Growing plants, vegetables and flowers in the garden.",
                "keywords": ["garden", "tomatoes", "roses", "compost", "seeds", "soil", "pruning"],
            },
        ],
        "feeds": [{"url": server.url("/a.xml"), "name": "Garden Gate"}],
    }
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return config


def _renamed(config: Path, name: str) -> None:
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["feeds"][0]["name"] = name
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _published(tmp_path: Path) -> dict[str, str | None]:
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    return {a["title"]: a["publication"] for s in issue["sections"] for a in s["articles"]}


def test_a_publication_line_left_as_curator_wrote_it_follows_the_feeds_new_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _garden(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(config))
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert text.count("publication: Garden Gate\n") == 2, text
    # The editor writes a publication of their own for one article, leaves the other's.
    head, _, roses = text.partition("## Caring for roses\n")
    roses = roses.replace("publication: Garden Gate\n", "publication: The Rose Society\n", 1)
    draft.write_text(f"{head}## Caring for roses\n{roses}", encoding="utf-8")
    _renamed(config, "Green Gate Journal")
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    said = sans_config(said_as_one(err))
    line = next(
        n
        for n, row in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1)
        if row == "## How to grow tomatoes"
    )
    assert (
        f'{draft}:{line}: the publication of "How to grow tomatoes" is now "Green Gate Journal"'
        " (the name its feed is credited by now); the draft has curator's line"
        ' ("Garden Gate")'
    ) in said, said
    code, _, err = run("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, err
    said = sans_config(said_as_one(err))
    assert _published(tmp_path) == {
        "How to grow tomatoes": "Green Gate Journal",
        "Caring for roses": "The Rose Society",
    }
    assert (
        f'{draft}:{line}: the publication of "How to grow tomatoes" is now "Green Gate Journal"'
        ' (the name its feed is credited by now): published "Green Gate Journal", not'
        ' "Garden Gate"'
    ) in said, said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Green Gate Journal" in html and "Garden Gate" not in html, html
    # curator's old line is no correction of the editor's: not kept as one for a later issue
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        corrected = dict(
            db.execute(
                "SELECT a.title, ia.credit_corrected FROM issue_articles ia"
                " JOIN articles a ON a.id = ia.article_id"
            ).fetchall()
        )
    assert {t: bool(c) for t, c in corrected.items()} == {
        "How to grow tomatoes": False,
        "Caring for roses": True,
    }, corrected
