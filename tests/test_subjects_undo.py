"""Taking a correction back, through the CLI on the demo: `subjects undo URL...` forgets a move or
an exclusion, `subjects undo --subject NAME` every move to a subject (the way out after removing
it from feeds.yaml, which the warning offers), and `suggest` leaves the excluded articles alone."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import add_sport_feed, sans_config
from conftest import run_cli as run

BACKLOG = "https://supportdesk-review.example/operations/taming-the-ticket-backlog"
BACKLOG_TITLE = "Taming a Ticket Backlog Without Burning Out the Team"
METRICS = "https://brightline.example/blog/choosing-cx-metrics"
METRICS_TITLE = "How to Choose Customer Experience Metrics Your Teams Will Actually Use"
COFFEE = "https://brightline.example/blog/office-coffee-machine"
VOICE = "Voice of the customer"
MEASURING = "Measuring the customer experience"


def listed(config: Path) -> dict[str, dict]:
    code, out, err = run("subjects", "list", "--config", str(config), "--json", "-q")
    assert code == 0, err
    return {r["url"]: r for r in json.loads(out)}


def stored_corrections(config: Path) -> dict[str, str | None]:
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    rows = dict(
        db.execute(
            "SELECT a.url, c.subject FROM corrections c JOIN articles a ON a.id = c.article_id"
        )
    )
    db.close()
    return rows


def test_undo_forgets_a_move_and_an_exclusion_and_says_what_each_was(demo: Path) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    before = listed(demo)
    assert before[BACKLOG]["subject"] == "Service operations"
    assert before[METRICS]["subject"] == MEASURING
    assert run("subjects", "move", "--config", str(demo), BACKLOG, VOICE, "-q")[0] == 0
    assert run("subjects", "exclude", "--config", str(demo), METRICS, "-q")[0] == 0
    assert listed(demo)[METRICS]["correction"] == "excluded"

    # An unknown URL among them, as `move` and `exclude` say it; and nothing is forgotten.
    code, _, err = run(
        "subjects", "undo", "--config", str(demo), BACKLOG, "https://nowhere.example/x"
    )
    assert code == 1 and "no stored article at https://nowhere.example/x" in err
    assert "; nothing was undone" in err  # the known URL was not undone either
    assert stored_corrections(demo) == {BACKLOG: VOICE, METRICS: None}

    code, out, err = run("subjects", "undo", "--config", str(demo), BACKLOG, METRICS, COFFEE)
    assert code == 0, err
    assert "working out what changes for the other articles" in err
    assert (
        f'Undone, it was moved to "{VOICE}": {BACKLOG_TITLE}\n'
        "  curator places it itself again: under Service operations\n"
        f"  {BACKLOG}\n"
        f"Undone, it was excluded: {METRICS_TITLE}\n"
        f"  curator places it itself again: under {MEASURING}\n"
        f"  {METRICS}\n"
        # what changes with the articles undone comes before the one that had nothing to undo
        "No other article changes subject (among the 11 newest articles).\n"
        "Nothing to undo, you had neither moved nor excluded it: The Office Coffee Machine"
    ) in out
    assert stored_corrections(demo) == {}
    after = listed(demo)
    for url in (BACKLOG, METRICS):
        assert (after[url]["subject"], after[url]["correction"]) == (
            before[url]["subject"],
            None,
        )

    # Nothing left to undo: said, and exit 1 (the command did nothing), in JSON too.
    code, out, err = run("subjects", "undo", "--config", str(demo), BACKLOG)
    assert code == 1
    assert "nothing to undo: you had neither moved nor excluded this article" in err
    code, out, _ = run("subjects", "undo", "--config", str(demo), BACKLOG, "--json")
    data = json.loads(out)
    assert code == 1 and data["exit"] == 1 and data["undone"] == []
    assert data["not_corrected"] == [{"url": BACKLOG, "title": BACKLOG_TITLE}]

    assert run("subjects", "exclude", "--config", str(demo), METRICS, "-q")[0] == 0
    code, out, err = run("subjects", "undo", "--config", str(demo), METRICS, "--json")
    # --json: the document on stdout, progress still on stderr (walk81 #4: only -q silences it)
    assert code == 0 and all(line.startswith("curator: ") for line in err.splitlines()), err
    (undone,) = json.loads(out)["undone"]
    assert undone == {
        "url": METRICS,
        "title": METRICS_TITLE,
        "was": "excluded",
        "moved_to": None,
        "subject": MEASURING,
        "restored": None,  # (no earlier word it had replaced: walk153 #4)
    }
    assert run("subjects", "move", "--config", str(demo), METRICS, VOICE, "-q")[0] == 0
    code, _, err = run("subjects", "undo", "--config", str(demo), METRICS, "-q")
    assert code == 0 and err == ""


def test_undoing_the_exclusion_of_a_published_article_puts_it_back_under_its_issues_subject(
    demo: Path,
) -> None:
    assert run("build", "--config", str(demo), "-q")[0] == 0
    published = listed(demo)[METRICS]
    assert published["featured_in"] == 1
    assert run("subjects", "exclude", "--config", str(demo), METRICS, "-q")[0] == 0
    assert listed(demo)[METRICS]["subject"] is None

    code, out, err = run("subjects", "undo", "--config", str(demo), METRICS)
    assert code == 0, err
    assert f"  curator places it itself again: under {published['subject']}\n" in out
    row = listed(demo)[METRICS]
    assert (row["subject"], row["correction"]) == (published["subject"], None)


def test_a_removed_subjects_warning_offers_undo_and_undo_subject_forgets_its_moves(
    demo: Path,
) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    assert run("subjects", "move", "--config", str(demo), BACKLOG, VOICE, "-q")[0] == 0
    assert run("subjects", "move", "--config", str(demo), METRICS, VOICE, "-q")[0] == 0
    assert run("subjects", "exclude", "--config", str(demo), COFFEE, "-q")[0] == 0
    text = demo.read_text(encoding="utf-8")
    start = text.index(f"  - name: {VOICE}")
    demo.write_text(text[:start] + text[text.index("\n# ---", start) :], encoding="utf-8")

    code, _, err = run("subjects", "list", "--config", str(demo), "-q")
    assert code == 0
    err = sans_config(err)
    assert f'2 article(s) you moved to "{VOICE}", which {demo} no longer has' in err
    assert f"to forget them, and this warning: `curator subjects undo --subject '{VOICE}'`\n" in err
    code, _, err = run("subjects", "list", "--config", str(demo), "--subject", VOICE)
    err = sans_config(err)
    assert code == 2 and f"to forget them: `curator subjects undo --subject '{VOICE}'`" in err

    # Mistakes: both or neither way of naming them, a subject nobody moved to, a misspelt one.
    code, _, err = run("subjects", "undo", "--config", str(demo), BACKLOG, "--subject", VOICE)
    assert code == 2 and "the URLs of the articles, or --subject NAME: one or the other" in err
    assert run("subjects", "undo", "--config", str(demo))[0] == 2
    code, _, err = run("subjects", "undo", "--config", str(demo), "-s", "Service operations")
    assert code == 1 and 'you moved no article to "Service operations": nothing to undo' in err
    code, _, err = run("subjects", "undo", "--config", str(demo), "-s", "Servce operations")
    assert code == 2 and "did you mean `Service operations`?" in err

    code, out, err = run("subjects", "undo", "--config", str(demo), "--subject", VOICE.lower())
    assert code == 0, err
    gone = f'moved to "{VOICE}" (no longer a subject in feeds.yaml)'
    assert f"Undone, it was {gone}: {BACKLOG_TITLE}\n" in out
    assert f"Undone, it was {gone}: {METRICS_TITLE}\n" in out
    assert "warning" not in err
    assert stored_corrections(demo) == {COFFEE: None}  # the exclusion is not a move: kept
    code, _, err = run("build", "--config", str(demo), "--no-fetch", "-q")
    assert code == 0 and "warning" not in err, err


def test_suggest_leaves_out_the_articles_the_editor_excluded(
    demo: Path, corpus: Path, http_server
) -> None:
    """Real BBC sport stories in a CX newsletter fit no subject, and `suggest` groups them; one
    the editor excluded belongs to no subject, a new one included."""
    add_sport_feed(demo, corpus, http_server)
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("subjects", "suggest", "--config", str(demo), "--json", "-q")
    assert code == 0, err
    grouped = [u for s in json.loads(out) for u in s["urls"]]
    excluded = grouped[:2]
    assert excluded
    for u in excluded:
        assert run("subjects", "exclude", "--config", str(demo), u, "-q")[0] == 0

    code, out, err = run("subjects", "suggest", "--config", str(demo), "--json", "-q")
    assert code == 0, err
    suggestions = json.loads(out)
    assert suggestions  # the other sport stories still make a subject
    assert not {u for s in suggestions for u in s["urls"]} & set(excluded)
    _, text, _ = run("subjects", "suggest", "--config", str(demo), "-q")
    assert not any(u in text for u in excluded)


def test_suggest_does_not_count_an_excluded_article_as_one_to_suggest_a_subject_for(
    demo: Path,
) -> None:
    """The demo's one article under no subject is the coffee machine; excluded, nothing is left."""
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    assert run("subjects", "exclude", "--config", str(demo), COFFEE, "-q")[0] == 0
    code, out, err = run("subjects", "suggest", "--config", str(demo), "-q")
    assert code == 0, err
    assert out == (
        "Every article not yet in an issue fits one of your subjects (or you excluded it):"
        " nothing to suggest.\n"
    )
