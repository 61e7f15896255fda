"""walk187 #5: `subjects overlap` said an article was "now under" the subject it scored best
("move those under the wrong one"), while `subjects list`, `subjects explain` and the issue that
published it had it under another. Through the CLI, with 20 Newsgroups posts from the shared
corpus served on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_subjects_editor import family, listed

from conftest import run_cli as run


def test_overlap_lists_an_article_under_the_subject_its_issue_published_it_under(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    config, _ = family(tmp_path, http_server, corpus, "sci-train.jsonl", "science.yaml", 22)
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    pair = next(p for p in json.loads(out) if p["between"])
    between = pair["between"][0]
    url, best = between["url"], between["subject"]
    (other,) = [s for s in pair["subjects"] if s != best]
    code, _, err = run("build", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    # Issue 1 published it under the other subject of the two (the editor's draft put it there).
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        (article_id,) = db.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        (issue_id,) = db.execute("SELECT id FROM issues WHERE number = 1").fetchone()
        db.execute("DELETE FROM issue_articles WHERE article_id = ?", (article_id,))
        db.execute(
            "INSERT INTO issue_articles (issue_id, article_id, subject, position)"
            " VALUES (?, ?, ?, 99)",
            (issue_id, article_id, other),
        )
    (row,) = [a for a in listed(config) if a["url"] == url]
    assert row["subject"] == other, row

    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    said = {b["url"]: b["subject"] for p in json.loads(out) for b in p["between"]}
    assert said[url] == other, said
    code, out, err = run("subjects", "overlap", "--config", str(config))
    assert code == 0, err
    assert f"[now under {best}]\n      {url}" not in out, out
