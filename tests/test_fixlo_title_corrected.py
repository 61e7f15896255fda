"""fixlo #1: a title the editor corrected in a published issue is kept as an `issue_articles`
column, as a corrected credit or blurb is (schema 33), no longer as the meta key
`title_corrected` (a JSON list of [issue, article] pairs, read pair by pair on every build). A
store of schema 31 keeping its pairs in meta is upgraded once, said as every upgrade is, and
the title is still carried to a later issue. Through the CLI, against a feed and pages on a
real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_fixkx_corrections import _feature_again, _published
from test_walk126_stored import first_issue

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

CORRECTED = "The editor's corrected title"


def test_a_schema_31_stores_title_corrections_move_to_the_column_and_are_carried(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Issue 1's title corrected in issue-1.json and `curator render 1`, the store then set back
    to what schema 31 kept of it (the pair in meta, no column); the next build upgrades it from
    schema 31 to 34, says so once, moves the pair into the column, deletes the meta key, and
    issue 2 featuring the article again publishes the corrected title, said as before."""
    path, _ = first_issue(tmp_path, http_server)
    out = tmp_path / "output"
    issue_json = out / "issue-1.json"
    issue = json.loads(issue_json.read_text(encoding="utf-8"))
    first = issue["sections"][0]["articles"][0]
    subject = issue["sections"][0]["subject"]
    was, first["title"] = first["title"], CORRECTED
    issue_json.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(path))
    assert code == 0, err

    # What a curator of schema 31 kept of that correction: the title in issue_articles, and
    # the pair (issue 1, the article) under the meta key `title_corrected`.
    store = tmp_path / ".curator" / "curator.db"
    db = sqlite3.connect(store, isolation_level=None)
    (article_id,) = db.execute("SELECT id FROM articles WHERE url = ?", (first["url"],)).fetchone()
    db.execute("ALTER TABLE issue_articles DROP COLUMN title_corrected")
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('title_corrected', ?)",
        (json.dumps([[1, article_id]]),),
    )
    db.execute("PRAGMA user_version = 31")
    db.close()

    draft = _feature_again(tmp_path, 2, [first["url"]], subject)
    code, _, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    said = said_as_one(err)
    assert f"upgraded the store {store} from schema 31 to 34" in said, err
    again = _published(out, 2)[first["url"]]
    assert again["title"] == CORRECTED, again
    assert (
        f'the title of "{CORRECTED}" ({first["url"]}) is published as you corrected it in'
        f' issue 1, not as its page or feed gives it ("{was}")'
    ) in said, err

    with sqlite3.connect(store) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'title_corrected'").fetchall() == []
        flagged = db.execute(
            "SELECT i.number, ia.article_id FROM issue_articles ia JOIN issues i"
            " ON i.id = ia.issue_id WHERE ia.title_corrected = 1"
        ).fetchall()
        version = db.execute("PRAGMA user_version").fetchone()[0]
    assert ((1, article_id) in flagged, version) == (True, 34), flagged

    code, _, err = run("feeds", "list", "--config", str(path))  # upgraded once, not again
    assert code == 0, err
    assert "upgraded the store" not in err, err
