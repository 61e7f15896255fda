"""walk181 (fixik), through the CLI against feeds and pages on a real HTTP server on 127.0.0.1.

#1: `fetch --json` after a feed retitled a published article: stderr said how to correct the
issue, the document held nothing of it (`warnings` [], no field naming it), nor of the stored
articles whose title or credit was taken.
#2: the feed going back to the title the issue published was said as a change to correct.
#4: after issue-N.json corrected a published article's title, `subjects list` and `subjects
explain` still showed the old one.
#3: after an issue published a subject's only article, a copy of that story came (another
address, the same text): `curator draft` left the subject out of its summary and of its --json
(`empty_subjects`, `left_for_later`), while the build from that draft said "nothing to feature".
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from test_walk58 import TEXTS, feed, page
from test_walk126_stored import STORIES, first_issue, serve_week

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


def test_fetch_json_holds_the_corrections_a_feed_made_to_published_articles(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path, published = first_issue(tmp_path, http_server)
    serve_week(http_server, corrected=True)
    code, out, err = run("fetch", "--config", str(path), "--json")
    assert code == 0, err
    assert "published in issue 1, is now" in err, err
    doc = json.loads(out)
    json_file = str(tmp_path / "output" / "issue-1.json")
    (feed_doc,) = doc["feeds"]
    changed = feed_doc["changed_published"]
    assert len(changed) == len(published), out
    for row in changed:
        assert row["issue"] == 1 and row["json_file"] == json_file, row
        assert row["title"].startswith("Rethinking it: "), row
        assert row["authors"] == "Corrected Person", row
        assert not row["published_title"].startswith("Rethinking it: "), row
    unpublished = len(STORIES) - len(published)
    assert feed_doc["retaken"] == unpublished, out
    messages = [w["message"] for w in doc["warnings"]]
    fixes = [m for m in messages if "published in issue 1, is now" in m]
    assert len(fixes) == len(published), messages
    assert all(f"{json_file}, then `curator render 1" in m for m in fixes), fixes
    taken = [m for m in messages if "changed in their feed: taken" in m]
    assert len(taken) == 1 and f"Service Daily: {unpublished}" in taken[0], messages


def test_a_feed_going_back_to_the_published_title_is_no_change_to_correct(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path, published = first_issue(tmp_path, http_server)
    serve_week(http_server, corrected=True)
    code, _, err = run("fetch", "--config", str(path), "-q")
    assert code == 0, err
    assert err.count("published in issue 1, is now") == len(published), err
    # The week after, the feed gives back what issue 1 published: nothing to correct.
    serve_week(http_server)
    code, out, err = run("fetch", "--config", str(path), "-q", "--json")
    assert code == 0, err
    assert "published in issue 1" not in err, err
    doc = json.loads(out)
    assert doc["feeds"][0]["changed_published"] == [], out
    # The articles no issue published take the feed's title back, as any change.
    unpublished = len(STORIES) - len(published)
    assert doc["feeds"][0]["retaken"] == unpublished, out


def test_subjects_list_and_explain_show_the_title_the_issue_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path, published = first_issue(tmp_path, http_server)
    issue_json = tmp_path / "output" / "issue-1.json"
    issue = json.loads(issue_json.read_text(encoding="utf-8"))
    first = issue["sections"][0]["articles"][0]
    was, first["title"] = first["title"], "The editor's corrected title"
    first["authors"] = ["Jane Ortiz-Corrected"]
    issue_json.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    code, out, err = run("subjects", "list", "--config", str(path))
    assert code == 0, err
    assert "The editor's corrected title  [issue 1]" in out, out
    assert was not in out, out
    code, out, err = run("subjects", "list", "--config", str(path), "--json")
    assert code == 0, err
    rows = {r["url"]: r for r in json.loads(out)}
    assert rows[first["url"]]["title"] == "The editor's corrected title", out
    code, out, err = run("subjects", "explain", first["url"], "--config", str(path))
    assert code == 0, err
    assert out.splitlines()[0] == "The editor's corrected title", out
    code, out, err = run("subjects", "explain", first["url"], "--config", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["title"] == "The editor's corrected title", out


def test_fetch_json_holds_the_corrections_to_the_draft_waiting(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk181 #1: the note that the feed corrected a title the waiting draft holds (walk150
    #1) reached stderr only."""
    path, _ = first_issue(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(path), "--all-subjects", "--no-fetch")
    assert code == 0, err
    serve_week(http_server, corrected=True)
    code, out, err = run("fetch", "--config", str(path), "--json")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    noted = "was corrected in its feed since the draft was written"
    # (its two titles, and its two credits: walk199 #1)
    assert err.count(noted) == 4 and err.count(": the credit of ") == 2, err
    messages = [w["message"] for w in json.loads(out)["warnings"]]
    held = [m for m in messages if noted in m]
    assert len(held) == 4 and all(m.startswith(f"{draft}:") for m in held), messages


def test_draft_json_holds_the_corrections_a_feed_made_to_published_articles(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk181 #1, as `draft` fetches: its document holds them as `fetch --json`'s does."""
    path, published = first_issue(tmp_path, http_server)
    serve_week(http_server, corrected=True)
    code, out, err = run("draft", "--config", str(path), "--all-subjects", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert len(doc["feeds"][0]["changed_published"]) == len(published), out
    messages = [w["message"] for w in doc["warnings"]]
    fixes = [m for m in messages if "published in issue 1, is now" in m]
    assert len(fixes) == len(published), messages
