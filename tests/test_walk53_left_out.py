"""What an issue leaves out, through the CLI against feeds on a real HTTP server on 127.0.0.1.

walk53 #4: the variety rule (an article already taken from a publication makes its next one count
at 0.85 of its score) never met Garden Gate's best article: a feed of 160 gardening articles filled
every place read for the subject, so issue 1's Gardening was three Big Garden articles, though
Garden Gate's best (3.583) beat Big Garden's second at 0.85 of its score (3.21), and no "Left out
for variety" note named anything. walk53 #5: the build said only "Issue 1: 9 article(s) in 3
subject(s)" and `--json` "unplaced": 0, while `subjects list --unplaced` listed a whole off-topic
feed, and nothing counted what each subject's `issue_size` left for later.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import LocalServer, sans_config
from conftest import run_cli as run

WORDS = {
    "garden": "compost soil seedlings tomatoes pruning mulch perennials watering beds weeds harvest"
    " fertiliser roses shrubs trowel greenhouse bulbs aphids",
    "cycling": "bicycle saddle derailleur chain cadence gears tyres pedal frame peloton climb"
    " descent handlebar brakes wheelset commute helmet sprint cassette",
    "off": "tax celebrity premiere election lawsuit stock dividends concert senator merger"
    " box-office quarterly earnings verdict album referendum",
}


def text(subject: str, seed: int) -> str:
    pick = random.Random(seed)
    out = []
    for _ in range(4):
        w = pick.sample(WORDS[subject].split(), 7)
        out.append(
            f"The {w[0]} and the {w[1]} matter when you think about {w[2]}, {w[3]} and {w[4]};"
            f" our {w[5]} notes cover {w[6]}."
        )
    return " ".join(out)


def title(subject: str, seed: int) -> str:
    w = random.Random(seed * 7 + 1).sample(WORDS[subject].split(), 3)
    return f"{w[0].capitalize()}, {w[1]} and {w[2]}: notes {seed}"


def feed(name: str, items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        f"<description>{escape(d)}</description></item>"
        for t, u, d in items
    )
    return f'<rss version="2.0"><channel><title>{name}</title>{body}</channel></rss>'


def newsletter(tmp_path: Path, server: LocalServer) -> Path:
    """walk53's feeds: Big Garden (160 gardening articles, 20 on cycling), Garden Gate (5 on
    gardening), Lone Rider (1 on cycling), and Daily Gossip (12 that fit no subject)."""
    feeds = {
        "Big Garden": [
            (
                title(s, 1000 + i),
                f"https://biggarden.example/p/{i}",
                text(s, 1000 + i),
            )
            for i in range(1, 181)
            for s in ["garden" if i % 9 else "cycling"]
        ],
        "Garden Gate": [
            (title("garden", 600 + i), f"https://gardengate.example/g/{i}", text("garden", 600 + i))
            for i in range(1, 6)
        ],
        "Lone Rider": [
            (title("cycling", 301), "https://lonerider.example/only", text("cycling", 301))
        ],
        "Daily Gossip": [
            (title("off", 400 + i), f"https://gossip.example/{i}", text("off", 400 + i))
            for i in range(12)
        ],
    }
    urls = [
        server.add(f"/feed-{n}.xml", feed(name, items))
        for n, (name, items) in enumerate(feeds.items())
    ]
    config = {
        "newsletter": {"title": "Hobby Weekly", "issue_size": 3},
        "subjects": [
            {
                "name": "Cycling",
                "description": "Riding bicycles, components, gears, tyres and racing.",
                "keywords": ["bicycle", "saddle", "derailleur", "cadence", "peloton", "tyres"],
            },
            {
                "name": "Gardening",
                "description": "Growing plants, compost, soil, pruning and harvest.",
                "keywords": ["compost", "soil", "seedlings", "tomatoes", "pruning", "mulch"],
            },
        ],
        "feeds": [{"url": url, "name": name} for url, name in zip(urls, feeds, strict=True)],
        "settings": {"fetch_pages": False, "allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def listed(config: Path, *args: str) -> list[dict[str, object]]:
    code, out, err = run("subjects", "list", "--config", str(config), "--json", "-q", *args)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_another_publications_good_article_is_featured_over_a_third_from_one_feed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server)
    # (without --quiet: a quiet build prints the issue's line alone, walk181 #6)
    code, out, err = run("build", "--config", str(config))
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    featured = {s["subject"]: [a["url"] for a in s["articles"]] for s in issue["sections"]}
    rows = listed(config)
    for subject, other in (("Gardening", "gardengate"), ("Cycling", "lonerider")):
        ranked = [r for r in rows if r["subject"] == subject]
        big = [float(r["score"]) for r in ranked if "biggarden" in str(r["url"])]  # type: ignore[arg-type]
        best_other = max(
            (r for r in ranked if other in str(r["url"])),
            key=lambda r: float(r["score"]),  # type: ignore[arg-type]
        )
        # What walk53 saw: the other publication's best is far down the list (past the 15 places
        # read for a section of 3), yet beats Big Garden's second at 0.85 of its score.
        assert ranked.index(best_other) >= 15
        assert float(best_other["score"]) > big[1] * 0.85  # type: ignore[arg-type]
        assert best_other["url"] in featured[subject], (subject, featured[subject])
        # One publication does not fill the subject, and the build says what variety left out.
        line = next(x for x in out.splitlines() if x.startswith(f"  {subject}: "))
        assert re.search(
            r"; \d+ of them, scoring higher than an article featured, (was|were) left out for"
            r" variety \(Big Garden featured here already\)",
            line,
        ), line

    # The draft of the next issue names what it left out for variety, under its subject.
    code, _, err = run("draft", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    gardening = draft.split("# Gardening", 1)[1]
    assert "gardengate.example" in gardening.split("<!-- Left out for variety", 1)[0]
    assert "<!-- Left out for variety" in gardening


def test_the_build_counts_what_fits_no_subject_and_what_each_cap_left_for_later(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server)
    # (without --quiet: a quiet build prints the issue's line alone, walk181 #6)
    code, out, err = run("build", "--config", str(config))
    assert code == 0, err
    assert out.startswith("Issue 1: 6 article(s) in 2 subject(s)"), out
    unplaced = listed(config, "--unplaced")
    assert len(unplaced) == 12 and all("gossip.example" in str(r["url"]) for r in unplaced)
    out = sans_config(out)
    assert (
        "12 of the 198 new article(s) this run stored fit none of your subjects (12 in all, in no"
        " issue yet), so no issue features them: `curator subjects list --unplaced` lists them"
    ) in " ".join(out.split()), out
    rows = listed(config)
    for subject in ("Cycling", "Gardening"):
        waiting = sum(1 for r in rows if r["subject"] == subject and r["featured_in"] is None)
        assert f"  {subject}: 3 featured; {waiting} more fit it and wait for a later issue" in out

    # --json says the same numbers, for the next issue.
    code, out, err = run("build", "--config", str(config), "--no-fetch", "--json", "-q")
    assert code == 0, err
    data = json.loads(out)
    rows = listed(config)
    assert data["unplaced"] == 12 and data["unplaced_new"] is None
    assert data["issue_size"] == 3
    assert data["left_for_later"] == {
        subject: sum(1 for r in rows if r["subject"] == subject and r["featured_in"] is None)
        for subject in ("Cycling", "Gardening")
    }
    for subject, urls in data["left_out_for_variety"].items():
        assert urls and all(r["featured_in"] is None for r in rows if r["url"] in urls), subject
