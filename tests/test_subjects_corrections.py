"""The editor's corrections as every subjects command sees them, through the CLI on the demo:
excluding (or moving) an article an issue already used."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import run_cli as run

BACKLOG = "https://supportdesk-review.example/operations/taming-the-ticket-backlog"
METRICS = "https://brightline.example/blog/choosing-cx-metrics"
VOICE = "Voice of the customer"


def listed(config: Path, *args: str) -> dict[str, dict]:
    code, out, err = run("subjects", "list", "--config", str(config), "--json", "-q", *args)
    assert code == 0, err
    return {r["url"]: r for r in json.loads(out)}


def headings(out: str) -> list[str]:
    return [line for line in out.splitlines() if line[:1].isalpha()]


def stored_subject(config: Path, url: str) -> str | None:
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    (subject,) = db.execute(
        "SELECT s.subject FROM assignments s JOIN articles a ON a.id = s.article_id"
        " WHERE a.url = ?",
        (url,),
    ).fetchone()
    db.close()
    return subject


def test_an_article_excluded_after_its_issue_is_excluded_in_list_and_explain_alike(
    demo: Path,
) -> None:
    assert run("build", "--config", str(demo), "-q")[0] == 0
    before = listed(demo)
    assert before[METRICS]["featured_in"] == 1 and before[METRICS]["subject"] is not None
    assert run("subjects", "exclude", "--config", str(demo), METRICS, "-q")[0] == 0

    row = listed(demo)[METRICS]
    assert (row["subject"], row["correction"], row["featured_in"]) == (None, "excluded", 1)
    assert stored_subject(demo, METRICS) is None  # the stored row says so too
    code, out, _ = run("subjects", "list", "--config", str(demo), "-q")
    assert code == 0
    assert headings(out)[-1].startswith("No subject (")
    no_subject = out[out.index("\nNo subject (") :]
    assert "Will Actually Use  [excluded by you]  [issue 1]\n" + f"         {METRICS}" in no_subject
    assert "[moved by you]  [issue 1]" not in out
    code, out, _ = run("subjects", "explain", "--config", str(demo), METRICS)
    assert code == 0 and "no subject: excluded by the editor" in out

    # Moving an article an issue used puts it under the subject moved to, in list as in explain.
    featured = next(u for u, r in before.items() if r["featured_in"] and r["subject"] != VOICE)
    assert run("subjects", "move", "--config", str(demo), featured, VOICE, "-q")[0] == 0
    row = listed(demo)[featured]
    assert (row["subject"], row["correction"]) == (VOICE, "moved")
    assert stored_subject(demo, featured) == VOICE


def test_a_store_that_kept_an_excluded_published_article_under_its_subject_is_mended(
    demo: Path,
) -> None:
    """A store written before migration 8 kept a published article's subject after the editor
    excluded it (and placement stood as current); opened now, the next list places it again."""
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("subjects", "exclude", "--config", str(demo), METRICS, "-q")[0] == 0
    listed(demo)
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db", isolation_level=None)
    db.execute(
        "UPDATE assignments SET subject = 'Measuring the customer experience', score = 1.5,"
        " fingerprint = 'the model before the exclusion'"
        " WHERE article_id = (SELECT id FROM articles WHERE url = ?)",
        (METRICS,),
    )
    db.execute("PRAGMA user_version = 7")
    db.close()
    row = listed(demo)[METRICS]
    assert (row["subject"], row["correction"], row["score"]) == (None, "excluded", 0.0)
