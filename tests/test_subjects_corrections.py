"""The editor's corrections as every subjects command sees them, through the CLI on the demo:
excluding an article an issue already used, renaming a subject the editor moved articles to, and
the small things `subjects list` says (its mistakes, its headings, its progress line)."""

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


def test_renaming_a_subject_says_what_became_of_its_moves_and_rename_carries_them(
    demo: Path,
) -> None:
    assert run("build", "--config", str(demo), "-q")[0] == 0  # issue 1 has a Voice section
    assert run("subjects", "move", "--config", str(demo), BACKLOG, VOICE, "-q")[0] == 0
    demo.write_text(
        demo.read_text(encoding="utf-8").replace(f"- name: {VOICE}", "- name: Customer voice"),
        encoding="utf-8",
    )
    warning = (
        f'curator: warning: 1 article(s) you moved to "{VOICE}", which {demo} no longer has,'
        " are placed as if never moved; to keep them, put them under its new name:"
        f' curator subjects rename "{VOICE}" "NEW NAME" (or move them again one by one);'
        f' to forget them, and this warning: curator subjects undo --subject "{VOICE}"\n'
    )

    code, out, err = run("subjects", "list", "--config", str(demo), "-q")
    assert code == 0 and err.count(warning) == 1, err
    assert not any(h.startswith(VOICE) for h in headings(out)), headings(out)  # no such section
    assert "[moved by you]" not in out  # the move decides nothing now
    code, out, err = run("subjects", "explain", "--config", str(demo), BACKLOG, "-q")
    assert code == 0 and err.count(warning) == 1
    assert "excluded" not in out
    assert f'moved by you to "{VOICE}", which is no longer a subject in feeds.yaml' in out
    _, out, _ = run("subjects", "explain", "--config", str(demo), BACKLOG, "--json")
    assert json.loads(out)["moved_to_former_subject"] == VOICE
    code, _, err = run("subjects", "list", "--config", str(demo), "--subject", VOICE)
    assert code == 2
    assert f'no subject "{VOICE}" any longer; the 1 article(s) you moved to it' in err
    for command in (
        ["subjects", "uncertain", "-q"],
        ["subjects", "overlap", "-q"],
        ["subjects", "suggest", "-q"],
        ["themes"],
        ["draft", "--no-fetch", "-q"],  # nothing new to draft: said all the same
        ["build", "--no-fetch", "-q"],
    ):
        code, _, err = run(*command, "--config", str(demo))
        assert err.count(warning) == 1, (command, err)

    code, out, err = run("subjects", "rename", "--config", str(demo), VOICE, "customer voice")
    assert code == 0, err
    assert out == f'1 article(s) you had moved to "{VOICE}" are now under "Customer voice".\n'
    code, out, err = run("subjects", "list", "--config", str(demo), "-q")
    assert "warning" not in err
    assert listed(demo)[BACKLOG]["subject"] == "Customer voice"
    assert listed(demo)[BACKLOG]["correction"] == "moved"
    code, _, err = run("subjects", "rename", "--config", str(demo), VOICE, "Customer voice")
    assert code == 1 and f"you moved no article to `{VOICE}`" in err
    code, _, err = run("subjects", "rename", "--config", str(demo), "Service operations", VOICE)
    assert code == 2 and f"no subject `{VOICE}`" in err


def test_subject_and_unplaced_together_is_a_command_line_mistake(demo: Path) -> None:
    args = ["subjects", "list", "--config", str(demo), "--subject", VOICE, "--unplaced"]
    code, _, err = run(*args)
    assert code == 2 and "--subject and --unplaced: give one or the other" in err
    code, out, _ = run(*args, "--json")
    assert code == 2 and json.loads(out)["exit"] == 2


def test_a_limited_list_says_how_many_of_the_subjects_articles_it_shows(demo: Path) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    everything = listed(demo)
    first = "The basics of customer experience"
    total = sum(r["subject"] == first for r in everything.values())
    assert total > 3
    code, out, _ = run("subjects", "list", "--config", str(demo), "-n", "3", "-q")
    assert code == 0 and headings(out) == [f"{first} (3 of {total})"]
    assert f"{VOICE} (" in run("subjects", "list", "--config", str(demo), "-q")[1]
    code, out, _ = run("subjects", "list", "--config", str(demo), "--subject", first, "-q")
    assert headings(out) == [f"{first} ({total})"]
    rows = listed(demo, "-n", "3")
    assert len(rows) == 3 and {r["subject_total"] for r in rows.values()} == {total}


def test_every_subjects_command_takes_q_and_list_says_placing_only_when_it_places(
    demo: Path,
) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, _, err = run("subjects", "explain", "--config", str(demo), METRICS, "-q")
    assert code == 0 and err == ""
    code, _, err = run("subjects", "suggest", "--config", str(demo), "-q")
    assert code == 0 and err == ""
    placing = "curator: placing new articles under subjects...\n"
    run("subjects", "list", "--config", str(demo))
    code, _, err = run("subjects", "list", "--config", str(demo))
    assert code == 0 and placing not in err  # nothing new: nothing to say
    assert run("subjects", "exclude", "--config", str(demo), METRICS, "-q")[0] == 0
    code, _, err = run("subjects", "list", "--config", str(demo))
    assert code == 0 and placing in err


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
