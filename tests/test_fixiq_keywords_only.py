"""walk182 #1, in small: a customer-experience newsletter with sport and entertainment stories in
its feed. Two sport ticket queues went under "Service operations" on its keywords (queue,
ticket, agents, call center...), sure enough that `subjects uncertain` listed neither and the
draft said nothing: half of a themed issue was sport. Apart from those keywords their words are
the sport stories' (under no subject), not the subject's other articles': `uncertain` lists them
now ("only through its keywords"), and the draft notes them, last in their section. The
subject's right articles are not said. Served by a local HTTP server; BBC texts from the corpus."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from test_fixhe_like_excluded import CHAT, CUP, POOLS, RUGBY, SUBJECTS, feed, page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def bbc(corpus: Path, labels: tuple[str, ...], n: int) -> list[tuple[str, list[str]]]:
    path = corpus / "topics" / "bbc-news" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing (the shared corpus's BBC news texts)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    found = [r for r in rows if r["label"] in labels]
    picked = found[:: max(1, len(found) // n)][:n]  # (spread: the first are all athletics)
    return [(r["title"], [p for p in r["text"].split("\n\n") if p.strip()][:6]) for r in picked]


def test_articles_placed_through_keywords_alone_are_listed_and_noted(
    tmp_path: Path, corpus: Path
) -> None:
    pick = random.Random(182)
    server = LocalServer().start()
    try:
        items = []
        ours: dict[str, str] = {}
        for s, (subject, pool) in enumerate(POOLS.items()):
            for n in range(5):
                title = f"{subject.split()[0]} note {n + 1}"
                url = server.add(
                    f"/a{s}-{n}.html", page(title, pick.sample(pool, 5)), content_type="text/html"
                )
                items.append((title, url))
                ours[url] = subject
        for n, (title, paragraphs) in enumerate(bbc(corpus, ("sport",), 30)):
            url = server.add(f"/b{n}.html", page(title, paragraphs), content_type="text/html")
            items.append((title, url))
        cup = server.add("/cup.html", page(*CUP), content_type="text/html")
        rugby = server.add("/rugby.html", page(*RUGBY), content_type="text/html")
        chat = server.add("/chat.html", page(*CHAT), content_type="text/html")
        feed(server, [*items, (CUP[0], cup), (RUGBY[0], rugby), (CHAT[0], chat)])
        folder = tmp_path / "nl"
        folder.mkdir()
        config = folder / "feeds.yaml"
        config.write_text(
            "newsletter:\n  title: CX Weekly\n  issue_size: 8\n"
            f"feeds:\n  - url: {server.url('/feed.xml')}\n{SUBJECTS}"
            "settings:\n  allow_private_addresses: true\n",
            encoding="utf-8",
        )
        conf = ("--config", str(config))
        code, _, err = run("fetch", *conf, "-q")
        assert code == 0, err
        code, out, err = run("subjects", "list", *conf, "--subject", "Service operations")
        assert code == 0, err
        assert RUGBY[0] in out and CUP[0] in out, out  # (placed there, as walk182 found)

        code, out, err = run("subjects", "uncertain", *conf, "-q", "--json", "--limit", "30")
        assert code == 0, err
        listed = {u["url"]: u for u in json.loads(out)}
        noted = {u for u, e in listed.items() if e["reason"] == "keywords only"}
        assert {cup, rugby} <= noted, listed
        # (false alarms: none of the subjects' own articles, nor the right chat article)
        assert not noted & (ours.keys() | {chat}), noted
        assert listed[rugby]["keywords_only"]["subject"] == "Service operations", listed
        code, out, err = run("subjects", "uncertain", *conf, "-q", "--limit", "30")
        assert code == 0, err
        text = said_as_one(out)
        assert 'fits "Service operations" only through its keywords' in (text), text
        assert f"`curator subjects exclude {rugby} --config" in text, text

        code, out, err = run(
            "draft", *conf, "--no-fetch", "-q", "--json", "--subject", "Service operations"
        )
        assert code == 0, err
        doc = json.loads(out)
        assert {o["url"] for o in doc["keywords_only"]} == {cup, rugby}, doc
        draft = Path(doc["path"]).read_text(encoding="utf-8")
        section = draft.split("# Service operations", 1)[1]
        headings = [line[3:] for line in section.split("\n") if line.startswith("## ")]
        assert set(headings[-2:]) == {RUGBY[0], CUP[0]}, headings  # (last in their section)
        blocks = {b.split("\n", 1)[0]: b for b in section.split("\n## ")[1:]}
        assert "<!-- Keywords only: it fits" in blocks[RUGBY[0]], blocks[RUGBY[0]]
        assert "Keywords only" not in blocks[CHAT[0]], blocks[CHAT[0]]
        said = said_as_one(err)
        assert f'"{RUGBY[0]}" ({rugby}) fits "Service operations" only through its keywords' in said
        assert CHAT[0] not in said, said
    finally:
        server.stop()
