"""walk111 #1 and #2 (with walk108 #1, walk110 #4): copies of stories an issue published, left
out of a later issue, are recorded with the issue that leaves them out whichever way it is built,
and are never counted as waiting, promised, or published. Through the CLI, against feeds on a real
HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from xml.sax.saxutils import escape

from test_walk53 import text, title

from conftest import LocalServer
from conftest import run_cli as run

BREW = "https://brewdaily.example/2026"
COPY = "https://beanwire.example/syndicated"


def rss(name: str, items: list[tuple[str, str, str, int]]) -> str:
    """An RSS feed of (title, link, text, day of December) items."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<pubDate>Tue, {day:02d} Dec 2026 08:00:00 GMT</pubDate>"
        f"<description>{escape(x)}</description></item>"
        for t, link, x, day in items
    )
    return f'<rss version="2.0"><channel><title>{name}</title>{body}</channel></rss>'


def newsletter(
    tmp_path: Path, server: LocalServer, articles: int, size: int = 2, extra: str = ""
) -> Path:
    """Bean Notes on coffee, `size` articles an issue, from Brew Daily's `articles` articles (1
    newest) and Bean Wire (no article yet), both served by `server`."""
    server.add(
        "/brew.xml",
        rss(
            "Brew Daily",
            [(title(n), f"{BREW}/coffee-{n}", text(n), 30 - n) for n in range(1, articles + 1)],
        ),
    )
    server.add("/bean.xml", rss("Bean Wire", []))
    config = tmp_path / "feeds.yaml"
    config.write_text(
        f"newsletter:\n  title: Bean Notes\n  issue_size: {size}\n"
        "subjects:\n  - name: Coffee\n"
        "    description: Coffee, espresso and the people who make it.\n"
        "    keywords: [coffee, espresso, beans, roast]\n"
        + extra
        + "settings:\n  allow_private_addresses: true\n  fetch_pages: false\n"
        f"feeds:\n  - url: {server.url('/brew.xml')}\n    name: Brew Daily\n"
        f"  - url: {server.url('/bean.xml')}\n    name: Bean Wire\n",
        encoding="utf-8",
    )
    return config


def syndicate(server: LocalServer, numbers: list[int]) -> list[str]:
    """Bean Wire carries a copy (the same title and text) of Brew Daily's articles `numbers`,
    newer than any; their addresses."""
    items = [(title(n), f"{COPY}/{n}", text(n), 30) for n in numbers]
    server.add("/bean.xml", rss("Bean Wire", items))
    return [url for _, url, _, _ in items]


def featured(tmp_path: Path, number: int) -> list[str]:
    data = json.loads((tmp_path / "output" / f"issue-{number}.json").read_text(encoding="utf-8"))
    return [a["url"] for s in data["sections"] for a in s["articles"]]


def recorded(tmp_path: Path) -> dict[str, int]:
    """The copies the store recorded as stories told before: address -> the issue that told it."""
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as con:
        rows = con.execute(
            "SELECT a.url, r.issue FROM retold_copies r JOIN articles a ON a.id = r.article_id"
        ).fetchall()
    return {str(url): int(issue) for url, issue in rows}


def test_a_copy_left_out_by_a_built_draft_is_recorded_and_never_counted_or_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk111 #1: a copy the draft's note "Told in an earlier issue" listed, left as it was, was
    not recorded by `curator build --draft`: `themes` and `draft` kept counting it as waiting,
    a plain build named it as a copy again, and once its story's issue was more than 12 issues
    back a plain build published it. Recorded as a plain build records it."""
    config = newsletter(tmp_path, http_server, articles=14, size=1)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    first = featured(tmp_path, 1)
    (copy,) = syndicate(http_server, [int(first[0].rsplit("-", 1)[1])])

    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    drafted = draft.read_text(encoding="utf-8")
    note = drafted[drafted.index("<!-- Told in an earlier issue") :]
    assert copy in note[: note.index("-->")], drafted
    code, _, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    assert copy not in featured(tmp_path, 2)
    assert recorded(tmp_path) == {copy: 1}

    # Counted nowhere as waiting: 12 of Brew Daily's 14 are left, and the copy is no 13th.
    code, out, err = run("themes", "--config", str(config), "--json")
    assert code == 0, err
    (coffee,) = json.loads(out)["subjects"]
    assert coffee["fitting"] == 12, coffee
    assert copy not in [a["url"] for a in coffee["best"]], coffee
    # Nor named again, nor published by the plain builds that follow, the 12 that keep issue 1
    # among the issues a candidate is compared with, and those after them.
    for number in range(3, 15):
        code, out, err = run("build", "--config", str(config), "--no-fetch")
        assert code == 0, err
        assert copy not in " ".join(err.split()), err
        assert f"Issue {number}: 1 article(s)" in out, out
        waiting = 14 - number
        assert (f"{waiting} more fit it and wait" in out) == bool(waiting), out
        assert copy not in featured(tmp_path, number)
    code, out, err = run("build", "--config", str(config), "--no-fetch")
    assert code == 0, err
    assert "Nothing new to feature" in " ".join(out.split()), out
    assert not (tmp_path / "output" / "issue-15.json").exists()


def test_a_theme_ripe_only_by_a_copy_of_a_published_story_is_too_thin(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk111 #2 (walk108 #1): `themes` said the theme had 2 articles, listing a copy of a story
    issue 1 published first; the build then left the copy out as the same story and published an
    issue of 1 article, though `min_articles: 2`, exit 0. The copy is not counted: `themes` says
    the theme is too thin, and each build stops with exit 3, publishing nothing."""
    plan = "themes:\n  plan: [Coffee, Coffee, Coffee]\n  min_articles: 2\n"
    config = newsletter(tmp_path, http_server, articles=3, extra=plan)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    first = featured(tmp_path, 1)
    (left,) = {f"{BREW}/coffee-{n}" for n in (1, 2, 3)} - set(first)
    (copy,) = syndicate(http_server, [int(first[0].rsplit("-", 1)[1])])
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err

    code, out, err = run("themes", "--config", str(config), "--json")
    assert code == 0, err
    (coffee,) = json.loads(out)["subjects"]
    assert (coffee["fitting"], coffee["ripe"]) == (1, False), coffee
    assert [a["url"] for a in coffee["best"]] == [left], coffee
    code, out, err = run("themes", "--config", str(config))
    assert "Coffee: 1 article(s) (too thin, needs 2)" in out, out
    for _ in range(2):  # (the same state, the same answer)
        code, out, err = run("build", "--config", str(config), "--no-fetch")
        flat = " ".join(err.split())
        assert code == 3, (out, err)
        assert "the planned theme `Coffee` is too thin: 1 unfeatured article fit it" in flat, flat
        assert not (tmp_path / "output" / "issue-2.json").exists()


TEA = "https://leafpost.example/2026/tea"
_TEA_VOCABULARY = (
    "oolong sencha matcha gyokuro pu-erh darjeeling assam leaf steep infusion teapot gaiwan"
    " kyusu whisk oxidation withering rolling terroir estate flush tippy bud chawan cha caddy"
)
_TEA_WORDS = _TEA_VOCABULARY.split()


def tea_text(n: int) -> str:
    pick = random.Random(1000 + n)
    return "Tea leaves and green tea: " + " ".join(pick.choice(_TEA_WORDS) for _ in range(60)) + "."


def test_next_time_promises_no_theme_whose_only_article_is_a_copy(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk110 #4: issue 2's "Next time: Tea" was promised though the theme's only article was a
    copy of the story issue 1 published; the next build then said "Nothing new to feature" (exit
    0), and the same state "too thin" (exit 3) on the run after it. No promise is made, and each
    build after it stops with exit 3."""
    tea_title = "Tea notes: steeping a green leaf oolong in a gaiwan"
    http_server.add("/leaf.xml", rss("Leaf Post", [(tea_title, f"{TEA}-1", tea_text(1), 28)]))
    extra = (
        "  - name: Tea\n    description: Tea leaves, steeping and teapots.\n"
        "    keywords: [tea, oolong, matcha, steep, leaf]\n"
        "themes:\n  plan: [Tea, Coffee, Tea]\n  min_articles: 1\n"
        '  closing: "Next time: {next_theme}."\n'
    )
    config = newsletter(tmp_path, http_server, articles=3, extra=extra)
    config.write_text(
        config.read_text(encoding="utf-8")
        + f"  - url: {http_server.url('/leaf.xml')}\n    name: Leaf Post\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert featured(tmp_path, 1) == [f"{TEA}-1"]
    copy = f"{COPY}/tea-1"
    http_server.add("/bean.xml", rss("Bean Wire", [(tea_title, copy, tea_text(1), 29)]))

    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-2.json").read_text(encoding="utf-8"))
    assert issue["theme"] == ["Coffee"], issue
    assert "Tea" not in (issue.get("closing") or ""), issue.get("closing")
    for _ in range(2):  # (the same state, the same answer)
        code, out, err = run("build", "--config", str(config), "--no-fetch")
        assert code == 3, (out, err)
        assert "the planned theme `Tea` is too thin" in " ".join(err.split()), err
