"""An editor's months of weekly issues (walk150): a subject renamed in feeds.yaml, a feed removed,
a build run twice."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from conftest import LocalServer, run_cli, said_as_one, sans_config

OLD, NEW = "The basics of customer experience", "CX basics"


def test_a_subject_renamed_in_subjects_and_plan_is_told_from_the_plan(themed_demo: Path) -> None:
    """walk150 #2: renaming a subject under `subjects:` and `plan:` left the plan's next theme on
    the new name (its issue published already), the warning said "NEW NAME" once, and the
    too-thin stop named no rename."""
    config = str(themed_demo)
    code, _, err = run_cli("build", "--config", config, "-q")
    assert code == 0, err
    themed_demo.write_text(themed_demo.read_text(encoding="utf-8").replace(OLD, NEW))
    command = f"curator subjects rename '{OLD}' '{NEW}'"
    for _ in range(2):  # told every time until the rename is run, not once
        code, out, err = run_cli("themes", "--config", config)
        assert code == 0, err
        plan = out.split("\n\n")[0]
        assert "1. Measuring the customer experience" in plan, out
        assert NEW not in plan, out
        said = said_as_one(err)
        assert command in said, err
        assert "NEW NAME" not in said, err
    code, out, err = run_cli("build", "--config", config, "--no-fetch", "--subject", NEW)
    assert code == 3, out + err
    said = said_as_one(err)
    assert f"the theme `{NEW}` is too thin" in said, err
    assert f"`{NEW}` looks renamed from `{OLD}`" in said, err
    assert command in said, err
    # The plain build takes the plan's next theme, and says it publishes right after issue 1
    # (walk150 #7: a cron job run twice published issue 23 right after 22 without a word).
    code, out, err = run_cli("build", "--config", config, "--no-fetch", "-q")
    assert code == 0, err
    assert "Issue 2: 2 article(s) on Measuring the customer experience" in out, out
    said = said_as_one(err)
    assert re.search(
        r"issue 1 was published (less than a minute|\d+ minute\(s\)) ago, and this build"
        " publishes issue 2",
        said,
    ), err
    assert command in said, err
    # The rename the warning names is no merge: it runs, and the warning is said no more.
    code, out, err = run_cli("subjects", "rename", "--config", config, OLD, NEW)
    assert code == 0, err
    assert "merged" not in out, out
    code, out, err = run_cli("themes", "--config", config)
    assert code == 0 and command not in said_as_one(err), err


def _without_basics(text: str) -> str:
    """The demo's feeds.yaml with the subject OLD taken out (its block, plan line and hint)."""
    start = text.index(f"  - name: {OLD}")
    end = text.index("  - name: Measuring the customer experience")
    text = text[:start] + text[end:]
    text = text.replace(f"    - {OLD}\n", "")
    return text.replace(f"subjects: [{OLD}]", "subjects: [Service operations]")


def test_renaming_onto_a_subject_with_issues_asks_to_merge(themed_demo: Path) -> None:
    """walk150 #3: `subjects rename Onboarding "Service desk"`, a subject with issues of its own,
    merged the two histories without a word, said "as in their issues" of articles the issues
    printed under Onboarding, and `explain` later taught a move to the merged name."""
    config = str(themed_demo)
    for fetch in ("-q", "--no-fetch"):  # issue 1 on OLD, issue 2 on Measuring ...
        code, _, err = run_cli("build", "--config", config, "-q", fetch)
        assert code == 0, err
    target = "Measuring the customer experience"
    original = themed_demo.read_text(encoding="utf-8")
    themed_demo.write_text(_without_basics(original), encoding="utf-8")
    code, out, err = run_cli("subjects", "rename", "--config", config, OLD, target)
    assert code != 0, out
    said = said_as_one(err)
    assert f'"{target}" is a subject with a history of its own (issue 2' in said, err
    assert "merges the two" in said, err
    assert f"curator subjects rename '{OLD}' '{target}' --merge" in said, err
    code, out, err = run_cli("subjects", "rename", "--config", config, OLD, target, "--merge")
    assert code == 0, err
    said = said_as_one(out)
    assert f'are under "{target}" now, as their issues printed them under "{OLD}"' in said, out
    assert f'"{OLD}" is merged into "{target}", which has a history of its own (issue 2)' in said
    # OLD written in feeds.yaml again: explain names what issue 1 printed, and teaches no move
    # to the name it was merged into.
    themed_demo.write_text(original, encoding="utf-8")
    with sqlite3.connect(themed_demo.parent / ".curator" / "curator.db") as db:
        rows = db.execute(
            "SELECT a.url FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " JOIN articles a ON a.id = ia.article_id WHERE i.number = 1"
        ).fetchall()
    db.close()
    url = rows[0][0]
    code, out, err = run_cli("subjects", "explain", "--config", config, url)
    assert code == 0, err
    said = said_as_one(out)
    assert f'there because issue 1 printed it under "{OLD}"' in said, out
    assert f"curator subjects move {url} '{OLD}'" in said, out
    assert f"curator subjects move {url} '{target}'" not in said, out


def test_a_removed_feeds_articles_are_told_when_featured_and_when_added_back(
    themed_demo: Path, http_server: LocalServer
) -> None:
    """walk150 #6 and #7: after `feeds remove`, an issue featured one of the feed's waiting
    articles without a word; adding the feed back said "Added ..." alone."""
    feed = (themed_demo.parent / "feeds" / "supportdesk-review.xml").read_bytes()
    url = http_server.add("/support.xml", feed, content_type="application/atom+xml")
    text = themed_demo.read_text(encoding="utf-8")
    themed_demo.write_text(
        text.replace(
            "  - url: feeds/supportdesk-review.xml     # Atom 1.0\n",
            f"  - url: {url}\n    fetch_pages: false\n",
        ),
        encoding="utf-8",
    )
    config = str(themed_demo)
    code, out, err = run_cli("build", "--config", config, "-q")
    assert code == 0, err
    code, out, err = run_cli("feeds", "remove", "--config", config, url)
    assert code == 0, err
    said = sans_config(said_as_one(out))
    assert "Its 3 stored article(s) stay in the archive" in said, out
    # (walk180 #7: no `feeds add` first, which refuses a feed gone: remove runs for it again)
    assert f"all out at once: `curator feeds remove {url} --drop-waiting`." in said
    code, out, err = run_cli("build", "--config", config, "--no-fetch", "-q")
    assert code == 0, err
    said = said_as_one(err)
    assert "Issue 2: 2 article(s) on Measuring the customer experience" in out, out
    assert "1 article of issue 2 comes from a feed no longer in" in said, err
    assert f"(The Support Desk Review, from {url})" in said, err
    assert "`curator subjects exclude URL`" in sans_config(said), err
    code, out, err = run_cli("feeds", "add", "--config", config, url)
    assert code == 0, err
    assert (
        "The store still holds 3 article(s) of this feed, from before it was removed: 2 no issue"
        " featured, which can be picked for the next issues again"
    ) in said_as_one(out), out
    # Left out in one command (walk150 #6: one `subjects exclude` per article), and taken back.
    code, out, err = run_cli("feeds", "remove", "--config", config, url, "--drop-waiting")
    assert code == 0, err
    assert "the 2 no issue featured are left out of every issue from now on" in said_as_one(out)
    code, out, err = run_cli("subjects", "list", "--config", config, "-q")
    assert code == 0, err
    assert out.count("[its feed was removed with --drop-waiting: never picked for an issue]") == 2
    code, out, err = run_cli("feeds", "add", "--config", config, url)
    assert code == 0, err
    assert "2 no issue featured, 2 of them left out by its removal until now" in said_as_one(out)
    code, out, err = run_cli("subjects", "list", "--config", config, "-q")
    assert "--drop-waiting" not in out, out
    # walk155 #6: an OPML import listing the feed takes them back as `feeds add` does, and says so
    code, out, err = run_cli("feeds", "remove", "--config", config, url, "--drop-waiting")
    assert code == 0, err
    opml = themed_demo.parent / "back.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>S</title></head><body>'
        f'<outline type="rss" text="Support" xmlUrl="{url}"/></body></opml>',
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "import", "--config", config, str(opml))
    assert code == 0, err
    said = said_as_one(out)
    assert "Imported 1 feed(s)" in said, out
    assert (
        f"The store still holds 3 article(s) of {url}, from before it was removed: 2 no issue"
        " featured, 2 of them left out by its removal until now"
    ) in said, out
    code, out, err = run_cli("subjects", "list", "--config", config, "-q")
    assert "--drop-waiting" not in out, out
