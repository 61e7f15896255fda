"""Re-scoring a stored archive after the editor changes a subject gives every article the subject
and score that placing it alone gives (issue 14's re-scoring speed work, speed14).

For each labelled set the benchmark measures (benchmarks/subjects.py), 5,000 of its articles (its
texts cycled under distinct URLs, as the benchmark's re-scoring figure does) are stored in a real
SQLite file; `curator subjects list` places them, the first subject's last keyword is changed
to a two-word one, and `curator subjects list` places them all again: the path curator takes for
a whole archive (the new phrase counted into the stored counts that have its words, the stored
counts scored in batches on worker processes). Every stored subject and score must be
what `SubjectModel.assign_one` gives that article with the model the store kept, the scorer a new
article meets one at a time: the same subject, the same score to 1e-12.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from labelled import BENCHMARK_SUBJECTS, labelled

from curator.cli import cli
from curator.config_load import load_config
from curator.models import Article
from curator.placement import BULK_MIN, current_model
from curator.store import Store
from curator.urls import url_key

#: Articles stored per set: as many as the archive path takes (fewer are placed one by one).
ARCHIVE = max(5000, BULK_MIN)

#: Set -> (its file under corpus/topics, its subjects file, its largest labels), as the benchmark.
SETS = {
    "bbc": ("bbc-news/articles.jsonl", "bbc.yaml", None),
    "reuters8": ("reuters21578/articles.jsonl", "reuters8.yaml", 8),
    "computers": ("20newsgroups/comp-train.jsonl", "computers.yaml", None),
    "science": ("20newsgroups/sci-train.jsonl", "science.yaml", None),
    "bbcsport": ("bbc-news/articles.jsonl", "bbcsport.yaml", None),
}


def _config(folder: Path, subjects: list[dict[str, object]], name: str) -> Path:
    path = folder / name
    data = {
        "newsletter": {"title": "Re-scoring check"},
        "subjects": subjects,
        "feeds": [],
        "settings": {"store": str(folder / "store.db"), "output": str(folder / "out")},
    }
    path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
    return path


def _stored(db: Path) -> dict[str, tuple[str | None, float]]:
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT a.url, s.subject, s.score FROM assignments s JOIN articles a ON a.id = s.article_id"
        ).fetchall()
    finally:
        con.close()
    return {url: (subject, score) for url, subject, score in rows}


def _differences(config: Path, db: Path, articles: list[Article]) -> list[str]:
    """The stored placements that are not what `assign_one` gives, as lines to read."""
    stored = _stored(db)
    with Store.open(db) as store:
        model = current_model(load_config(config), store, store.corrections())
    out = []
    for a in articles:
        alone = model.assign_one(a)
        subject, score = stored[a.url]
        if subject != alone.subject or abs(score - alone.score) > 1e-12:
            out.append(
                f"{a.url}: stored {subject} {score!r}, alone {alone.subject} {alone.score!r}"
            )
    return out


@pytest.mark.parametrize("name", list(SETS))
def test_rescoring_the_archive_places_each_article_as_placing_it_alone(corpus, tmp_path, name):
    data, subjects_file, labels = SETS[name]
    rows = [
        a
        for a, label in labelled(corpus / "topics" / data, labels)
        if name != "bbcsport" or label == "sport"  # (BBC Sport-like: the sport articles)
    ]
    when = datetime(2026, 11, 23, tzinfo=UTC)
    articles = [
        Article(
            id=0,
            url=f"https://news{i % 50}.example.com/{i}",
            title=rows[i % len(rows)].title,
            text=rows[i % len(rows)].text,
            published=when,
            first_seen=when,
        )
        for i in range(ARCHIVE)
    ]
    written = yaml.safe_load((BENCHMARK_SUBJECTS / subjects_file).read_text(encoding="utf-8"))
    subjects = [
        {"name": s["name"], "description": s["description"], "keywords": list(s["keywords"])}
        for s in written["subjects"]
    ]
    db = tmp_path / "store.db"
    with Store.open(db) as store:
        store.add_articles(((url_key(a.url), a) for a in articles), feed_url=None)
    config = _config(tmp_path, subjects, "feeds.yaml")
    runner = CliRunner()
    listed = runner.invoke(cli, ["subjects", "list", "--config", str(config), "--json", "-q"])
    assert listed.exit_code == 0, listed.output
    assert len(_stored(db)) == ARCHIVE

    # The editor changes a keyword to a phrase: the phrase is counted into the stored articles
    # that have its words, and every stored article is placed again.
    subjects[0]["keywords"] = [*subjects[0]["keywords"][:-1], "stock market"]  # type: ignore[index]
    edited = _config(tmp_path, subjects, "feeds.yaml")
    again = runner.invoke(cli, ["subjects", "list", "--config", str(edited), "--json", "-q"])
    assert again.exit_code == 0, again.output
    assert len(_stored(db)) == ARCHIVE
    assert _differences(edited, db, articles) == []
