"""walk176, through the CLI on feeds and pages served from 127.0.0.1 and a real store:

- #1: one `subjects move` of a cycling article to Astronomy pulled all 20 other cycling
  articles (each with several of Cycling's own keywords) into Astronomy and left `Cycling (0)`,
  unsaid; a move that does leave a subject with no article now says so, and what a move or an
  undo says changes is what `subjects list` shows changed;
- #2: a subject with nothing to feature vanished from the draft's and the build's summary and
  from --json without a word;
- #9: the new half of a split subject, which no article fits better than the other half, was
  listed as a bare `Sky events (0)`.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

TOPICS = {
    "Gardening": [
        "tomato",
        "compost",
        "seedling",
        "mulch",
        "pruning",
        "perennial",
        "soil",
        "greenhouse",
        "weeding",
    ],
    "Cycling": [
        "bicycle",
        "derailleur",
        "saddle",
        "cadence",
        "gravel",
        "tyre",
        "chain",
        "peloton",
        "handlebar",
        "pedal",
    ],
    "Baking": [
        "sourdough",
        "flour",
        "oven",
        "yeast",
        "crust",
        "dough",
        "pastry",
        "butter",
        "proofing",
        "loaf",
    ],
    "Astronomy": [
        "telescope",
        "galaxy",
        "nebula",
        "planet",
        "eclipse",
        "orbit",
        "comet",
        "star",
        "meteor",
        "observatory",
    ],
    "Knitting": ["yarn", "knitting", "crochet", "needles", "wool", "stitch"],
}
#: walk176's feeds (gen.py): slug, name, the topics of its items in turn.
FEEDS = [
    ("greenfork", "Green Fork Journal", ["Gardening", "Baking"]),
    ("spoke", "Spoke and Chain", ["Cycling"]),
    ("crumb", "Crumb Weekly", ["Baking"]),
    ("skyward", "Skyward Notes", ["Astronomy"]),
    ("mixed", "The Everyday Almanac", ["Gardening", "Cycling", "Astronomy", "Baking"]),
    ("orbitpost", "Orbit Post", ["Astronomy", "Cycling"]),
    ("loamline", "Loam Line", ["Gardening"]),
]
SUBJECTS = """subjects:
  - name: Gardening
    description: Growing vegetables and flowers at home.
    keywords: [tomato, compost, seedling, mulch, pruning, perennial, raised bed, greenhouse]
  - name: Cycling
    description: Riding and maintaining bicycles.
    keywords: [bicycle, derailleur, saddle, cadence, gravel, tyre, peloton, handlebar]
  - name: Baking
    description: Bread, pastry and cakes.
    keywords: [sourdough, flour, yeast, crust, dough, pastry, proofing, loaf]
  - name: Astronomy
    description: Watching the night sky.
    keywords: [telescope, galaxy, nebula, planet, eclipse, comet, meteor, observatory]
  - name: Knitting
    description: Yarn and needles.
    keywords: [yarn, knitting, crochet]
"""
SPLIT = """  - name: Telescopes
    description: Watching the night sky.
    keywords: [telescope, observatory, galaxy, nebula]
  - name: Sky events
    description: What happens in the sky.
    keywords: [eclipse, comet, meteor, planet, orbit]
"""


def _page(title: str, words: list[str], pick: random.Random) -> tuple[str, str]:
    paras = "".join(
        f"<p>This week we look closely at {w[0]} and how it relates to {w[1]}. Many readers asked"
        f" about the {w[2]} and the {w[3]}, so here is a careful guide to the {w[4]} with"
        f" practical advice on {w[5]} for beginners and experts alike.</p>"
        for w in ([pick.choice(words) for _ in range(6)] for _ in range(5))
    )
    return title, (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'</head><body><article><h1>{title}</h1><p class="byline">By Helena Ashworth</p>'
        f"{paras}</article></body></html>"
    )


def _serve(server: LocalServer) -> list[str]:
    """walk176's seven feeds of twelve articles (and one knitting article), as gen.py wrote
    them; their URLs."""
    pick = random.Random(176)
    urls = []
    for slug, name, topics in FEEDS:
        items = []
        count = 12 if slug != "loamline" else 13
        for i in range(count):
            topic = topics[i % len(topics)] if i < 12 else "Knitting"
            kw = pick.sample(TOPICS[topic], 5)
            title, body = _page(f"{kw[0].capitalize()} and {kw[1]}: notes from {name} #{i + 1}",
                                TOPICS[topic], pick)  # fmt: skip
            link = server.add(f"/posts/{slug}-{i + 1}.html", body, content_type="text/html")
            items.append(
                f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                f"<pubDate>Tue, {1 + i:02} Sep 2026 09:00:00 +0000</pubDate>"
                f"<description>A practical look at {kw[0]} and {kw[1]}.</description></item>"
            )
        urls.append(
            server.add(
                f"/{slug}.xml",
                f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>{name}</title><link>{server.base}/</link>{''.join(items)}"
                "</channel></rss>",
            )
        )
    return urls


@pytest.fixture(scope="module")
def fetched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, LocalServer]]:
    """A newsletter folder with walk176's feeds fetched (copy it before changing it)."""
    server = LocalServer().start()
    try:
        feeds = _serve(server)
        folder = tmp_path_factory.mktemp("walk176") / "hobby"
        folder.mkdir()
        (folder / "feeds.yaml").write_text(
            "newsletter:\n  title: Hobby Digest\n  editor: Rowan Pike\n"
            '  introduction: "Welcome to issue {number} of {title}."\n  issue_size: 2\n'
            + SUBJECTS
            + "feeds:\n"
            + "".join(f"  - url: {u}\n" for u in feeds)
            + "settings:\n  allow_private_addresses: true\n",
            encoding="utf-8",
        )
        code, out, err = run("fetch", "--config", str(folder / "feeds.yaml"), "-q")
        assert code == 0, err
        yield folder, server
    finally:
        server.stop()


def _copy(fetched: tuple[Path, LocalServer], tmp_path: Path) -> tuple[str, str]:
    folder = tmp_path / "hobby"
    shutil.copytree(fetched[0], folder)
    return "--config", str(folder / "feeds.yaml")


def _placed(conf: tuple[str, str]) -> dict[str, str | None]:
    code, out, err = run("subjects", "list", *conf, "--json")
    assert code == 0, err
    return {r["url"]: r["subject"] for r in json.loads(out) if r["url"]}


def _said_changes(before: dict[str, str | None], after: dict[str, str | None], said: dict) -> None:
    """What a move or undo said changes is what `subjects list` shows changed (walk176 #1: a
    move that said "No other article changes subject" pulled articles once another was undone)."""
    changed = {u: (before[u], after[u]) for u in after if before.get(u) != after[u]}
    told = {c["url"]: (c["before"], c["after"]) for c in said["changes"]}
    assert {u: v for u, v in told.items() if v[0] != v[1]} == changed, (told, changed)


def test_one_move_keeps_a_subjects_keyword_articles_and_an_emptied_subject_is_said(
    fetched: tuple[Path, LocalServer], tmp_path: Path
) -> None:
    conf = _copy(fetched, tmp_path)
    base = fetched[1].base
    start = _placed(conf)
    cycling = [u for u, s in start.items() if s == "Cycling"]
    assert len(cycling) == 21, start
    handlebar = f"{base}/posts/orbitpost-2.html"
    assert start[handlebar] == "Cycling"

    code, out, err = run("subjects", "move", handlebar, "Astronomy", *conf, "--json", "-q")
    assert code == 0, err
    said = json.loads(out)
    now = _placed(conf)
    _said_changes(start, now, said)
    # The move pulls none of the 20 cycling articles whose likeness to it is Cycling's keywords.
    assert {u for u, s in now.items() if s == "Cycling"} == set(cycling) - {handlebar}
    assert now[handlebar] == "Astronomy"
    assert said["emptied_subjects"] == [], said

    # The walk's second move, then the first undone: each says what changes, and no more.
    second = f"{base}/posts/mixed-2.html"
    code, out, err = run("subjects", "move", second, "Gardening", *conf, "--json", "-q")
    assert code == 0, err
    after_second = _placed(conf)
    _said_changes(now, after_second, json.loads(out))
    code, out, err = run("subjects", "undo", handlebar, *conf, "--json", "-q")
    assert code == 0, err
    undone = _placed(conf)
    _said_changes(after_second, undone, json.loads(out))
    assert sum(s == "Cycling" for s in undone.values()) == 20, undone

    # A move that does take a subject's every article says so, plainly.
    knit = f"{base}/posts/loamline-13.html"
    assert undone[knit] == "Knitting", undone
    code, out, err = run("subjects", "move", knit, "Baking", *conf, "-q")
    assert code == 0, err
    text = said_as_one(out)
    assert (
        f"Knitting now has no articles: your move took its only article; if that is wrong,"
        f" `curator subjects undo {knit} --config" in text
    ), text

    # walk176 #2: the draft says what it has nothing of, in text and --json.
    code, out, err = run("draft", *conf, "--no-fetch")
    assert code == 0, err
    assert "Knitting: nothing to feature: no article fits it" in said_as_one(out), out
    code, out, err = run("draft", *conf, "--no-fetch", "--json", "--force", "-q")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["left_for_later"]["Knitting"] == 0, doc["left_for_later"]
    assert doc["empty_subjects"] == [{"subject": "Knitting", "fit": 0, "featured_before": 0}]
    draft = (Path(conf[1]).parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "# Knitting" not in draft


def test_a_subject_whose_articles_were_all_featured_is_said_in_the_build(
    fetched: tuple[Path, LocalServer], tmp_path: Path
) -> None:
    conf = _copy(fetched, tmp_path)
    code, out, err = run("build", *conf, "--no-fetch", "--json", "-q")
    assert code == 0, err
    first = json.loads(out)
    assert first["articles_per_subject"]["Knitting"] == 1, first
    assert first["empty_subjects"] == [], first
    code, out, err = run("build", *conf, "--no-fetch")
    assert code == 0, err
    text = said_as_one(out)
    assert "Knitting: nothing to feature: all 1 that fit it were featured before" in text, text
    assert "Cycling: 2 featured" in text, text
    code, out, err = run("draft", *conf, "--no-fetch", "--json", "-q")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["empty_subjects"] == [{"subject": "Knitting", "fit": 1, "featured_before": 1}], doc
    assert doc["left_for_later"]["Knitting"] == 0, doc


def test_the_empty_half_of_a_split_subject_says_where_its_keywords_are(
    fetched: tuple[Path, LocalServer], tmp_path: Path
) -> None:
    conf = _copy(fetched, tmp_path)
    config = Path(conf[1])
    text = config.read_text(encoding="utf-8")
    astronomy = text[text.index("  - name: Astronomy") : text.index("  - name: Knitting")]
    config.write_text(text.replace(astronomy, SPLIT), encoding="utf-8")
    code, out, err = run("subjects", "list", *conf, "-n", "1", "-q")
    assert code == 0, err
    listed = said_as_one(out)
    assert "Sky events (0) no article is under it" in listed, listed
    assert (
        'no article fits "Sky events" better than "Telescopes"; its keywords are in 21 articles'
        " under Telescopes" in listed
    ), listed
    assert "`curator subjects move URL 'Sky events' --config" in listed, listed
