"""walk181 (fixik), through the CLI against feeds and pages on a real HTTP server on 127.0.0.1.

#3: after an issue published a subject's only article, a copy of that story came (another
address, the same text): `curator draft` left the subject out of its summary and of its --json
(`empty_subjects`, `left_for_later`), while the build from that draft said "nothing to feature".
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from test_walk58 import TEXTS, feed, page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"
BREAD = (
    "Bake bread at home with flour, water, salt and yeast in a hot oven. Knead the dough in the"
    " kitchen until it is smooth and springs back. Let the dough rise in a warm kitchen for two"
    " hours. Shape the loaf and bake it in the oven until the crust is brown and it sounds hollow."
)


def _garden_and_kitchen(tmp_path: Path, server: LocalServer) -> Path:
    """Garden Weekly (issue_size 2): two gardening articles and one bread recipe, the only
    article under Cooking; issue 1 publishes all three."""
    for slug, title, text in [
        ("tomato", "How to grow tomatoes", TEXTS["tomato"]),
        ("roses", "Caring for roses", TEXTS["roses"]),
        ("bread", "Bake your own bread", BREAD),
    ]:
        server.add(
            f"/{slug}.html", page(title, text, "Ann Green", "Garden Gate"), content_type=HTML
        )
    server.add(
        "/a.xml",
        feed(
            server,
            "Garden Gate",
            [
                ("tomato", "How to grow tomatoes", "Mon, 30 Nov 2026 10:00:00 +0000"),
                ("roses", "Caring for roses", "Mon, 30 Nov 2026 11:00:00 +0000"),
                ("bread", "Bake your own bread", "Mon, 30 Nov 2026 12:00:00 +0000"),
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
            {
                "name": "Cooking",
                "description": "Recipes and kitchen technique.",
                "keywords": ["recipe", "bake", "oven", "kitchen", "bread", "dough"],
            },
        ],
        "feeds": [{"url": server.url("/a.xml")}],
    }
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["articles_per_subject"] == {"Gardening": 2, "Cooking": 1}, out
    return config


def test_a_subject_whose_only_waiting_article_is_a_copy_is_said_in_the_draft(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _garden_and_kitchen(tmp_path, http_server)
    # Week 2: a new gardening article, and a copy of issue 1's bread recipe at another address.
    http_server.add(
        "/seeds.html",
        page("Starting seeds indoors", TEXTS["seeds"], "Cy Sprout", "Wire Copies"),
        content_type=HTML,
    )
    http_server.add(
        "/bread-copy.html",
        page("Bake your own bread", BREAD, "Ann Green", "Wire Copies"),
        content_type=HTML,
    )
    http_server.add(
        "/c.xml",
        feed(
            http_server,
            "Wire Copies",
            [
                ("seeds", "Starting seeds indoors", "Tue, 01 Dec 2026 10:00:00 +0000"),
                ("bread-copy", "Bake your own bread", "Tue, 01 Dec 2026 11:00:00 +0000"),
            ],
        ),
    )
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["feeds"].append({"url": http_server.url("/c.xml")})
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err

    code, out, err = run("draft", "--config", str(config), "--no-fetch")
    assert code == 0, err
    said = said_as_one(out)
    assert "Cooking: nothing to feature: the 2 that fit it were featured before (1)" in said, (
        out + err
    )
    draft = tmp_path / "drafts" / "issue-2.md"
    draft.unlink()
    code, out, err = run("draft", "--config", str(config), "--no-fetch", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["empty_subjects"] == [{"subject": "Cooking", "fit": 2, "featured_before": 1}], out
    assert doc["left_for_later"]["Cooking"] == 0, out
