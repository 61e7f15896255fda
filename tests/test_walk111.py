"""walk111: editing the plan of themes, through the CLI on the offline demo.

#1 a plan theme naming one subject twice was accepted, promised "Next time: X and X.", drafted each
article twice and crashed the next build (sqlite3.IntegrityError); #2 deleting a published theme
from the top of the plan used up a later entry of the same subject; #3 a warning blamed the
draft's `theme:` for a plan reordered, with advice that stopped when pasted.
"""

from __future__ import annotations

import re
import shlex
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import run_cli as run
from curator.models import Article
from curator.store import Store
from curator.urls import url_key

BASICS = "The basics of customer experience"
MEASURING = "Measuring the customer experience"
SERVICE = "Service operations"
VOICE = "Voice of the customer"


def set_themes(demo: Path, block: str) -> None:
    """Replace the demo's `themes:` section with `block`."""
    text = demo.read_text(encoding="utf-8")
    start = text.index("\nthemes:\n")
    end = text.index("\n# --- Feeds")
    demo.write_text(text[:start] + "\n" + block.rstrip("\n") + "\n" + text[end:], encoding="utf-8")


def issues(demo: Path) -> list[tuple[int, str]]:
    path = demo.parent / ".curator" / "curator.db"
    if not path.exists():
        return []
    with sqlite3.connect(path) as db:
        return db.execute("SELECT number, theme FROM issues ORDER BY number").fetchall()


def test_a_plan_theme_naming_a_subject_twice_is_a_mistake_on_its_line(themed_demo: Path) -> None:
    """#1: `[X, X]` was accepted; `themes` listed "X and X", the issue before it promised "Next
    time: X and X.", the draft had each article twice and the build crashed. Now every command
    stops (exit 2) at the second name's line and column, with the fix; the same in a draft's
    `theme:`, and nothing is published."""
    demo = themed_demo
    set_themes(
        demo,
        f"themes:\n  plan:\n    - {BASICS}\n    - [{MEASURING}, {MEASURING.lower()}]\n"
        "  min_articles: 2\n",
    )
    lines = demo.read_text(encoding="utf-8").splitlines()
    line = lines.index(f"    - [{MEASURING}, {MEASURING.lower()}]") + 1
    column = len(f"    - [{MEASURING}, ") + 1
    for command in (("themes",), ("build", "-q"), ("draft", "-q")):
        code, out, err = run(*command, "--config", str(demo))
        assert code == 2, (command, err)
        assert err == (
            f"curator: {demo}:{line}:{column}: the theme names `{MEASURING}` twice in `plan`;"
            f" write each subject once (`[{MEASURING}]`, or just `{MEASURING}`, for an issue on"
            " it alone)\n"
        ), command
        assert out == ""
    assert issues(demo) == []
    assert not (demo.parent / "output").exists()
    assert not (demo.parent / "drafts").exists()

    # A draft's `theme:` naming a subject twice stops its build on that line.
    set_themes(demo, f"themes:\n  plan:\n    - {MEASURING}\n  min_articles: 2\n")
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert f"\ntheme: {MEASURING}\n" in text
    draft.write_text(
        text.replace(f"\ntheme: {MEASURING}\n", f"\ntheme: [{MEASURING}, {MEASURING}]\n"),
        encoding="utf-8",
    )
    line = (
        draft.read_text(encoding="utf-8").splitlines().index(f"theme: [{MEASURING}, {MEASURING}]")
    )
    code, out, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--draft", str(draft))
    assert code == 2, err
    assert (
        f"issue-1.md:{line + 1}: the theme names `{MEASURING}` twice; write each subject once"
        in err
    )
    assert issues(demo) == []
    assert not (demo.parent / "output").exists()


def test_the_store_refuses_an_issue_featuring_one_article_twice(tmp_path: Path) -> None:
    """#1: the store relied on its caller, and a theme `[X, X]` crashed the build with
    sqlite3.IntegrityError; a caller's bug of the kind is now said as one, nothing recorded."""
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    path = tmp_path / "curator.db"
    with Store.open(path) as store:
        url = "https://e.com/1"
        store.add_articles(
            [(url_key(url), Article(id=0, url=url, title="One", first_seen=now))], feed_url=None
        )
        (art,) = store.articles()
        with pytest.raises(ValueError, match="would feature article .* more than once"):
            store.record_issue(1, "Weekly", now, [("Basics", art.id), ("Basics", art.id)])
        assert store.issues() == []
        assert store.next_issue_number() == 1


def advised(err: str, start: str) -> list[str]:
    """The arguments of the command in backticks starting with `start` that `err` advises, as a
    shell would split it when pasted."""
    found = re.search(r"`(" + re.escape(start) + r"[^`]*)`", err)
    assert found, err
    words = shlex.split(found.group(1))
    assert words[0] == "curator"
    return words[1:]


def test_a_reordered_plan_is_named_as_why_and_the_advice_works_when_pasted(
    themed_demo: Path,
) -> None:
    """#3: after the plan was reordered, `build --draft` blamed the draft's `theme:` (which
    `curator draft` wrote from the plan) and advised `curator draft --subject ...`, which stopped
    as the draft existed. Now both say the plan was reordered, `draft` advises replacing the
    draft it wrote (--force), a build the next issue, and each command works pasted."""
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0  # issue 1 promises Measuring
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace(
            f"    - {MEASURING}\n    - {SERVICE}\n    - {VOICE}\n",
            f"    - [{SERVICE}, {VOICE}]\n    - {MEASURING}\n",
        ),
        encoding="utf-8",
    )
    why = (
        f'issue 1 promised `{MEASURING}` as the next theme (its closing line: "Next time:'
        f" {MEASURING}. Won't you learn with me?\"), but issue 2 is on {SERVICE} and {VOICE}:"
        f" {demo}'s plan of themes (themes: plan:) now has it before; to keep the promise"
    )
    code, _, err = run("draft", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0, err
    assert why + ": `curator draft --force --subject" in err
    assert "which replaces the draft of issue 2 just written" in err
    draft = demo.parent / "drafts" / "issue-2.md"
    planned = draft.read_text(encoding="utf-8")
    assert f"\ntheme:\n- {SERVICE}\n- {VOICE}\n" in planned
    # Pasted, the advice replaces the draft with one on the promised theme.
    code, _, err2 = run(*advised(err, "curator draft --force"), "-q", "--no-fetch")
    assert code == 0, err2
    assert f"\ntheme: {MEASURING}\n" in draft.read_text(encoding="utf-8")
    assert "promised" not in err2

    # The editor goes with the plan's theme after all: the build says the same reason.
    draft.write_text(planned, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch", "--draft", str(draft))
    assert code == 0, err
    assert why + " in the next issue: `curator draft --subject" in err
    assert "front matter theme:" not in err
    assert issues(demo)[-1] == (2, f'["{SERVICE}", "{VOICE}"]')
    code, _, err2 = run(*advised(err, "curator draft --subject"), "-q", "--no-fetch")
    assert code == 0, err2
    assert f"\ntheme: {MEASURING}\n" in (demo.parent / "drafts" / "issue-3.md").read_text("utf-8")


def plan_lines(demo: Path) -> list[str]:
    lines = demo.read_text(encoding="utf-8").splitlines()
    start = lines.index("  plan:") + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("    - "))
    return lines[start:end]


def test_deleting_published_themes_from_the_top_of_the_plan_is_tidying(themed_demo: Path) -> None:
    """#2: with the plan [basics, Service, Voice, basics] and issue 1 published on basics,
    deleting the first line made curator count the later basics as done by issue 1: `themes`
    listed two themes, and the issue on Voice had no closing line (the plan "used up"). Now the
    later basics, in the plan when issue 1 was published, is still to come."""
    demo = themed_demo
    demo.write_text(
        demo.read_text(encoding="utf-8").replace("  issue_size: 4\n", "  issue_size: 2\n"),
        encoding="utf-8",
    )
    set_themes(
        demo,
        f"themes:\n  plan:\n    - {BASICS}\n    - {SERVICE}\n    - {VOICE}\n    - {BASICS}\n"
        "  min_articles: 2\n  closing: 'Next time: {next_theme}.'\n",
    )
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    # The editor tidies: issue 1's line goes.
    demo.write_text(
        demo.read_text(encoding="utf-8").replace(f"  plan:\n    - {BASICS}\n", "  plan:\n", 1),
        encoding="utf-8",
    )
    assert plan_lines(demo) == [f"    - {SERVICE}", f"    - {VOICE}", f"    - {BASICS}"]
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert f"  1. {SERVICE}\n  2. {VOICE}\n  3. {BASICS}\n" in out
    assert "counts" not in err
    for number, theme, closing in (
        (2, SERVICE, f"Next time: {VOICE}."),
        (3, VOICE, f"Next time: {BASICS}."),
    ):
        code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
        assert code == 0, err
        assert issues(demo)[-1] == (number, f'["{theme}"]')
        text = (demo.parent / "output" / f"issue-{number}.md").read_text(encoding="utf-8")
        assert text.rstrip().endswith(closing), text[-200:]
        assert "counts" not in err and "used up" not in err
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0, err
    assert issues(demo)[-1] == (4, f'["{BASICS}"]')
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 3 and "the plan of themes is used up (its 3 themes have had their issues)" in err


def test_an_issue_from_before_curator_kept_the_plan_says_which_line_it_counts(
    themed_demo: Path,
) -> None:
    """#2, a store of an older curator: its issues say nothing of the plan they were published
    with, so curator counts each as doing the first line of its theme; when that line stands
    below a theme still to come, `themes`, `draft` and `build` say so, naming the line and the
    issue, and how to say otherwise, which works."""
    demo = themed_demo
    set_themes(demo, f"themes:\n  plan:\n    - {BASICS}\n    - {SERVICE}\n  min_articles: 2\n")
    assert run("build", "--config", str(demo), "-q")[0] == 0
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        db.execute("UPDATE issues SET plan = NULL")  # (as an older curator recorded it)
    set_themes(
        demo,
        f"themes:\n  plan:\n    - {SERVICE}\n    - {VOICE}\n    - {BASICS}\n  min_articles: 2\n",
    )
    line = (
        plan_lines(demo).index(f"    - {BASICS}")
        + demo.read_text(encoding="utf-8").splitlines().index("  plan:")
        + 2
    )
    said = (
        f"curator: warning: {demo}:{line}: the plan of themes counts `{BASICS}` on this line as"
        " done by issue 1 (on it, published before curator kept which line each issue took),"
        f" though `{SERVICE}` above it is still to come; if this line is a theme still to come,"
        f" write issue 1's line back at the top of the plan (`- {BASICS}`: the published lines"
        " may stay there), and curator counts it as done by that line instead\n"
    )
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert said in err
    assert f"  1. {SERVICE}\n  2. {VOICE}\n\n" in out
    code, _, err = run("draft", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0 and said in err
    # Doing as it says: the later line is a theme to come, and nothing is said any more.
    demo.write_text(
        demo.read_text(encoding="utf-8").replace("  plan:\n", f"  plan:\n    - {BASICS}\n", 1),
        encoding="utf-8",
    )
    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert f"  1. {SERVICE}\n  2. {VOICE}\n  3. {BASICS}\n" in out
    assert "counts" not in err
