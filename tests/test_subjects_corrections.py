"""The editor's corrections as every subjects command sees them, through the CLI on the demo:
excluding an article an issue already used, renaming a subject the editor moved articles to, and
the small things `subjects list` says (its mistakes, its headings, its progress line)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli, sans_config
from curator import placing

BACKLOG = "https://supportdesk-review.example/operations/taming-the-ticket-backlog"
METRICS = "https://brightline.example/blog/choosing-cx-metrics"
VOICE = "Voice of the customer"


def run(*args: str) -> tuple[int, str, str]:
    """`curator ARGS` as `run_cli` runs it, without the --config its advice adds (walk56 #3)."""
    code, out, err = run_cli(*args)
    return code, sans_config(out), sans_config(err)


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


def test_explain_of_a_moved_article_shows_terms_that_add_up_to_no_more_than_its_scores(
    demo: Path,
) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    unlearnt = "  scored as if curator had not learnt from it (it would match itself perfectly)"
    code, out, _ = run("subjects", "explain", "--config", str(demo), BACKLOG, "-q")
    assert code == 0 and unlearnt not in out
    assert run("subjects", "move", "--config", str(demo), BACKLOG, VOICE, "-q")[0] == 0
    code, out, err = run("subjects", "explain", "--config", str(demo), BACKLOG, "-q")
    assert code == 0, err
    assert f"  {VOICE}: moved there by the editor\n{unlearnt}\n" in out
    rows = out[out.index("matching terms (contribution)") :].splitlines()[1:]
    assert len(rows) == 4
    for row in rows:
        found = re.fullmatch(r"  (.+?)  +(\d\.\d{3})  (.*)", row)
        assert found, row
        score, terms = found.group(2, 3)
        parts = [float(t.rsplit(" ", 1)[1]) for t in terms.split(", ")] if terms != "-" else []
        assert sum(parts) <= float(score) + 0.0005 * len(parts), row
    _, out, _ = run("subjects", "explain", "--config", str(demo), BACKLOG, "--json")
    data = json.loads(out)
    assert data["scored_as_if_not_learnt_from"] is True
    for s in data["scores"]:
        assert sum(t["contribution"] for t in s["terms"]) <= s["score"] + 0.001, s
    # ...and explain a fair part of it (0.24 of it here; 0.09 when they were scaled by a total
    # that counted the article's pull on itself, 8-18 % on a walker's moved posts).
    moved_to = next(s for s in data["scores"] if s["subject"] == VOICE)
    assert sum(t["contribution"] for t in moved_to["terms"]) >= 0.2 * moved_to["score"], moved_to


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
        ' are placed as if never moved; to keep them, if you renamed it to "Customer voice":'
        f" `curator subjects rename '{VOICE}' 'Customer voice'` (or move them again one by one);"
        f" to forget them, and this warning: `curator subjects undo --subject '{VOICE}'`\n"
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
    assert out.startswith(
        f'1 article(s) you had moved to "{VOICE}" are now under "Customer voice".\n'
    )
    # (and what issue 1 published under the old name, which `themes` had placed there: walk100)
    assert f'that issue 1 published under "{VOICE}" are under "Customer voice" now' in out, out
    code, out, err = run("subjects", "list", "--config", str(demo), "-q")
    assert "warning" not in err
    assert listed(demo)[BACKLOG]["subject"] == "Customer voice"
    assert listed(demo)[BACKLOG]["correction"] == "moved"
    code, _, err = run("subjects", "rename", "--config", str(demo), VOICE, "Customer voice")
    assert code == 1 and f"you moved no article to `{VOICE}`" in err
    code, _, err = run("subjects", "rename", "--config", str(demo), "Service operations", VOICE)
    assert code == 2 and f"no subject `{VOICE}`" in err


def test_the_rename_warning_names_the_new_subject_when_it_can_tell(demo: Path) -> None:
    """A new editor renamed a subject in feeds.yaml and was told to run `curator subjects rename
    "Medicine and health" "NEW NAME"`, though feeds.yaml had exactly one subject that was not
    there before. The warning now names it when it can tell (the one subject no move and no
    published issue names, or one whose name is close to the old one), and otherwise keeps the
    placeholder and lists the subjects it may be."""
    measuring = "Measuring the customer experience"
    assert run("build", "--config", str(demo), "-q")[0] == 0  # an issue under every subject
    assert run("subjects", "move", "--config", str(demo), BACKLOG, VOICE, "-q")[0] == 0
    assert run("subjects", "move", "--config", str(demo), METRICS, measuring, "-q")[0] == 0
    text = demo.read_text(encoding="utf-8")

    def warning(old: str, advice: str) -> str:
        return (
            f'curator: warning: 1 article(s) you moved to "{old}", which {demo} no longer has,'
            f" are placed as if never moved; to keep them, {advice} (or move them again one by"
            f" one); to forget them, and this warning: `curator subjects undo --subject '{old}'`\n"
        )

    # A name unlike the old one, but the only subject new to the newsletter.
    demo.write_text(text.replace(f"- name: {VOICE}", "- name: Listening"), encoding="utf-8")
    code, _, err = run("subjects", "list", "--config", str(demo), "-q")
    listening = f"if you renamed it to \"Listening\": `curator subjects rename '{VOICE}' Listening`"
    assert code == 0 and warning(VOICE, listening) in err, err

    # Two subjects renamed to names unlike theirs (everywhere feeds.yaml names them): no telling
    # which is which.
    demo.write_text(
        text.replace(f"- name: {VOICE}", "- name: Listening").replace(measuring, "Numbers"),
        encoding="utf-8",
    )
    code, _, err = run("subjects", "list", "--config", str(demo), "-q")
    assert code == 0
    # (where curator places them now is said, walk153 #7, and how the subjects named were chosen)
    for old, now in ((VOICE, "Service operations"), (measuring, "Numbers")):
        advice = (
            'put them under its new name, one of "Numbers" or "Listening" (those no move of yours'
            " and no published issue names, as a renamed subject's moves and issues still name its"
            " old name): `curator subjects"
            f" rename '{old}' \"NEW NAME\"`"
        )
        said = warning(old, advice).replace(
            "; to keep them", f'; curator now places them under "{now}" (1); to keep them'
        )
        assert said in err, err
    code, _, err = run("subjects", "list", "--config", str(demo), "--subject", VOICE)
    assert code == 2 and 'one of "Numbers" or "Listening"' in err, err

    # One of them close to its old name: that one is told.
    demo.write_text(
        text.replace(f"- name: {VOICE}", "- name: Listening").replace(
            measuring, "Measuring customer experience"
        ),
        encoding="utf-8",
    )
    code, _, err = run("subjects", "list", "--config", str(demo), "-q")
    assert code == 0
    advice = (
        'if you renamed it to "Measuring customer experience": `curator subjects rename'
        f" '{measuring}' 'Measuring customer experience'`"
    )
    assert warning(measuring, advice) in err, err
    code, out, err = run(
        "subjects", "rename", "--config", str(demo), measuring, "Measuring customer experience"
    )
    assert code == 0, err
    # Then Listening is the only new subject left for Voice's moves.
    code, _, err = run("subjects", "list", "--config", str(demo), "-q")
    assert code == 0 and err == warning(VOICE, listening), err


def test_subject_and_unplaced_together_is_a_command_line_mistake(demo: Path) -> None:
    args = ["subjects", "list", "--config", str(demo), "--subject", VOICE, "--unplaced"]
    code, _, err = run(*args)
    assert code == 2 and "--subject and --unplaced: give one or the other" in err
    code, out, _ = run(*args, "--json")
    assert code == 2 and json.loads(out)["exit"] == 2


def test_a_limited_list_shows_the_first_n_of_every_subject_and_says_how_many_of_each(
    demo: Path,
) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    everything = listed(demo)
    totals: dict[str | None, int] = {}
    for r in everything.values():
        totals[r["subject"]] = totals.get(r["subject"], 0) + 1
    assert len(totals) == 5 and all(n > 1 for s, n in totals.items() if s is not None)
    _, whole, _ = run("subjects", "list", "--config", str(demo), "-q")

    # `-n 1`: the best article of every subject, and of no subject, each heading saying of how many.
    code, out, _ = run("subjects", "list", "--config", str(demo), "-n", "1", "-q")
    assert code == 0
    assert headings(out) == [
        f"{s or 'No subject'} (1 of {n})" if n > 1 else f"{s or 'No subject'} (1)"
        for s, n in totals.items()
    ]
    for heading in headings(whole):  # each subject's first article, as the whole list has it
        first = whole[whole.index(heading) :].splitlines()[1]
        assert first in out
    rows = listed(demo, "-n", "1")
    assert sorted(r["subject"] or "" for r in rows.values()) == sorted(s or "" for s in totals)
    assert all(r["subject_total"] == totals[r["subject"]] for r in rows.values())

    first = "The basics of customer experience"
    code, out, _ = run("subjects", "list", "--config", str(demo), "-n", "3", "-q")
    assert headings(out)[0] == f"{first} (3 of {totals[first]})"
    assert f"{VOICE} ({totals[VOICE]})" in headings(out)  # fewer than 3: all of them
    code, out, _ = run("subjects", "list", "--config", str(demo), "--subject", first, "-n", "2")
    assert headings(out) == [f"{first} (2 of {totals[first]})"]
    code, out, _ = run("subjects", "list", "--config", str(demo), "--subject", first, "-q")
    assert headings(out) == [f"{first} ({totals[first]})"]
    code, out, _ = run("subjects", "list", "--config", str(demo), "--unplaced", "-n", "1", "-q")
    assert headings(out) == [f"No subject ({totals[None]})"]


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
    # After a correction every stored article is placed again, and the line says that (walk 11:
    # it said "placing new articles" with nothing new).
    again = "curator: placing every stored article again under subjects (your subjects or"
    assert code == 0 and again in err and placing not in err


def test_the_progress_lines_count_the_articles_the_store_has_not_3000(demo: Path) -> None:
    """walk 10: `scoring the 3,000 newest articles` with 100 stored."""
    assert run("build", "--config", str(demo), "-q")[0] == 0  # issue 1 features some
    stored = len(listed(demo))
    unfeatured = sum(not r["featured_in"] for r in listed(demo).values())
    assert 0 < unfeatured < stored < 3000
    code, _, err = run("subjects", "uncertain", "--config", str(demo))
    articles = "article" if unfeatured == 1 else "articles"
    assert (
        code == 0 and f"curator: scoring the {unfeatured} newest unfeatured {articles}...\n" in err
    )
    code, _, err = run("subjects", "overlap", "--config", str(demo))
    assert code == 0 and f"curator: scoring the {stored} newest articles...\n" in err


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


def test_json_keeps_the_progress_lines_on_stderr_and_stdout_one_document(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk81 #4: `subjects list -n 1 --json` placed every article again in 10.6 s with no
    progress line (7 without --json). With --json the progress still goes to stderr (only -q
    silences it), and stdout stays one JSON document, for every command that places (in batches
    of 20 here, as a large store is)."""
    monkeypatch.setattr(placing, "BULK_MIN", 1)
    monkeypatch.setattr(placing, "SCORE_BATCH", 20)
    assert run("fetch", "--config", str(demo), "--json")[0] == 0
    again = "curator: placing every stored article again under subjects (your subjects or"
    batches = re.compile(
        r"^  subjects   placing articles under subjects: (\d+) of \1 batches done$"
    )
    assert run("subjects", "exclude", "--config", str(demo), METRICS, "-q")[0] == 0
    code, out, err = run("subjects", "list", "--config", str(demo), "-n", "1", "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)
    assert again in err and any(batches.match(line) for line in err.splitlines()), err

    for command in (["draft", "--no-fetch"], ["build", "--no-fetch"]):
        undo = ["undo", METRICS] if command[0] == "draft" else ["exclude", METRICS]
        assert run("subjects", *undo, "--config", str(demo), "-q")[0] == 0
        code, out, err = run(*command, "--config", str(demo), "--json")
        assert code == 0, err
        assert isinstance(json.loads(out), dict)
        assert any(batches.match(line) for line in err.splitlines()), (command, err)

    for command in ("overlap", "uncertain"):
        code, out, err = run("subjects", command, "--config", str(demo), "--json")
        assert code == 0, err
        json.loads(out)
        assert err.startswith("curator: "), (command, err)
    code, out, err = run("subjects", "list", "--config", str(demo), "--json", "-q")
    assert code == 0 and err == "" and json.loads(out)


def slow_steps(monkeypatch: pytest.MonkeyPatch, *steps: tuple[object, str]) -> None:
    """Progress lines every tenth of a second (`LINE_EVERY`), and each of `steps` (a module and
    the name of a function in it) slowed to 0.5 s, so that a step says it goes on."""
    import time

    from curator.cli import report_progress

    monkeypatch.setattr(report_progress, "LINE_EVERY", 0.1)
    monkeypatch.setattr(report_progress, "TICK_EVERY", 0.02, raising=False)
    for module, name in steps:
        fn = getattr(module, name)

        def slow(*args, _fn=fn, **kwargs):  # type: ignore[no-untyped-def]
            time.sleep(0.5)
            return _fn(*args, **kwargs)

        monkeypatch.setattr(module, name, slow)


def test_a_step_without_batches_says_it_goes_on_every_two_seconds(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk81 #5: a build said nothing for 6-10 s (45-71 s on later issues) while it chose the
    issue's articles, `subjects overlap` one line in 10.8 s and `suggest` none in 10.1 s. Each
    such step now says it goes on, with the time so far, every `LINE_EVERY` seconds (2; here a
    tenth of a second, and each step slowed to 0.5 s); -q silences it."""
    from curator import nextissue
    from curator.cli import subjects_list as subjects_cli

    slow_steps(
        monkeypatch,
        (nextissue, "choose_sections"),
        (subjects_cli, "subject_overlaps"),
        (subjects_cli, "suggest_subjects"),
    )
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    # walk160 #8: issue 1 said "compared with the stories published before" of none, and the
    # step ended on its last "8 s so far": now true of issue 1, and closed by what it chose.
    first = re.compile(
        r"^  issue      choosing the issue's articles \(no issue was published before\):"
        r" \d+ s so far$",
        re.M,
    )
    chose = re.compile(r"^  issue      chose (\d+) article\(s\) in \d+ s$", re.M)
    for command in ("draft", "build"):
        code, out, err = run(command, "--no-fetch", "--config", str(demo), "--json")
        assert code == 0, err
        assert json.loads(out) and len(first.findall(err)) >= 2, (command, err)
        assert "stories published before" not in err, (command, err)
        closing = chose.findall(err)
        assert len(closing) == 1 and int(closing[0]) > 0, (command, err)
        assert err.index("s so far") < err.index("  issue      chose "), err
    choosing = re.compile(
        r"^  issue      choosing the issue's articles \(each compared with the stories published"
        r" before\): \d+ s so far$",
        re.M,
    )
    code, out, err = run("draft", "--no-fetch", "--config", str(demo), "--json")
    assert code == 0, err
    assert len(choosing.findall(err)) >= 2, err
    assert re.search(r"^  issue      chose (\d+ article\(s\)|no article) in \d+ s$", err, re.M), err
    overlap = re.compile(r"^  subjects   scoring the \d+ newest articles: \d+ s so far$", re.M)
    code, out, err = run("subjects", "overlap", "--config", str(demo))
    assert code == 0 and len(overlap.findall(err)) >= 2, err
    suggesting = re.compile(
        r"^  subjects   looking for subjects among the articles that fit none of yours: \d+ s"
        r" so far$",
        re.M,
    )
    code, out, err = run("subjects", "suggest", "--config", str(demo))
    assert code == 0 and len(suggesting.findall(err)) >= 2, err
    code, out, err = run("subjects", "overlap", "--config", str(demo), "-q")
    assert code == 0 and err == ""
