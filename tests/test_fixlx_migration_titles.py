"""fixlx #5: migration 33 moved the titles corrected in published issues from the meta value
`title_corrected` (a JSON list of [issue, article] pairs) to a column, trusting the value to be
valid JSON: one broken by hand stopped the store opening with a Python traceback. On a real
store file that issue 1 was published into, set back to schema 32, opened through the CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_walk126_stored import first_issue

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def _set_back(store: Path, value: str) -> int:
    """The store as schema 32 left it, its `title_corrected` meta value `value` (`{id}`: the id
    of an article issue 1 published); that id."""
    with sqlite3.connect(store) as db:
        article_id = db.execute("SELECT MIN(article_id) FROM issue_articles").fetchone()[0]
        db.execute("UPDATE issue_articles SET title_corrected = NULL")
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('title_corrected', ?)",
            (value.replace("{id}", str(article_id)),),
        )
        db.execute("PRAGMA user_version = 32")
    db.close()
    return int(article_id)


@pytest.mark.parametrize(
    ("value", "kept", "said"),
    [
        ('[[1, {id}], "junk", [1], [true, 2]]', True, "held 3 item(s) that are not an [issue,"),
        ("[[1, {id}], [2", False, "could not be read (it is not a JSON list"),
        ('{"1": {id}}', False, "could not be read (it is not a JSON list"),
    ],
)
def test_a_hand_broken_title_record_is_read_as_far_as_it_goes(
    tmp_path: Path, http_server: LocalServer, value: str, kept: bool, said: str
) -> None:
    path, _ = first_issue(tmp_path, http_server)
    store = tmp_path / ".curator" / "curator.db"
    article_id = _set_back(store, value)
    code, out, err = run("draft", "--config", str(path), "--no-fetch")
    assert code == 0, out + err
    assert "Traceback" not in out + err, out + err
    message = said_as_one(err)
    assert "upgraded the store" in message and said in message, message
    assert "nothing else is lost" in message, message
    with sqlite3.connect(store) as db:
        marked = {
            r[0] for r in db.execute("SELECT article_id FROM issue_articles WHERE title_corrected")
        }
        left = db.execute(
            "SELECT key FROM meta WHERE key = 'title_corrected' OR key LIKE 'upgrade_note:%'"
        ).fetchall()
        version = db.execute("PRAGMA user_version").fetchone()[0]
    db.close()
    assert marked == ({article_id} if kept else set()), marked
    assert left == [] and version >= 33, (left, version)
    # said once: the next command opens a store that is up to date
    code, _, err = run("draft", "--config", str(path), "--no-fetch", "--force")
    assert code == 0, err
    assert said not in err, err
