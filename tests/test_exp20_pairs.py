"""exp20: adjacent word pairs in the word model's vote, through the CLI on a stored archive of real
20 Newsgroups comp.* posts. Two questions with the same words, one saying "video card" and one
where "video" and "card" are apart ("Video: which card..."), were placed alike, by their words
alone (both under PC hardware, the same score, on main); the pair, which 3+ of the archive's
posts use, now places the first under Microsoft Windows."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import yaml
from test_subjects_editor import family, listed

from conftest import run_cli as run

PAIRED = "https://questions.example/video-card"
APART = "https://questions.example/video-apart"


def test_a_stored_article_is_placed_by_the_pair_of_words_it_says(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    config, _ = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 6)
    items = "".join(
        f"<item><title>{title}</title><link>{url}</link><description>{text}</description></item>"
        for url, title, text in (
            (PAIRED, "Which video card should I get?", "Which video card should I get?"),
            (APART, "Video: which card should I get?", "Video: which card should I get?"),
        )
    )
    feed = http_server.add(
        "/questions.xml", f'<rss version="2.0"><channel><title>Q</title>{items}</channel></rss>'
    )
    written = yaml.safe_load(config.read_text(encoding="utf-8"))
    written["feeds"].append({"url": feed})
    config.write_text(yaml.safe_dump(written, sort_keys=False), encoding="utf-8")
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err

    placed = {r["url"]: r for r in listed(config)}
    paired, apart = placed[PAIRED], placed[APART]
    # The same words: only the pair tells them apart, and it moves the first where the archive's
    # posts that say "video card" are.
    assert paired["subject"] != apart["subject"], (paired, apart)
    assert paired["subject"] == "Microsoft Windows", paired
    assert apart["subject"] == "PC hardware", apart
    # The pair is the vote's alone: explain's matched words are words.
    code, out, err = run("subjects", "explain", "--config", str(config), PAIRED, "--json")
    assert code == 0, err
    explained = json.loads(out)
    assert "video" in json.dumps(explained["scores"]), out
    assert "+" not in json.dumps(explained["scores"]), out
    # The store keeps the pair among the article's counted terms.
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        assert db.execute("SELECT 1 FROM terms WHERE term = 'video+card'").fetchone()
