"""walk46: an editor reviewing drafts, each finding through the CLI on real files and a real HTTP
server on 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli as run

SERVICE, MEASURING = "Service operations", "Measuring the customer experience"


def _said(err: str) -> str:
    return " ".join(err.split())


def _second_draft(demo: Path) -> Path:
    """The themed demo after issue 1 (on the basics), with the draft of issue 2 (on Measuring)."""
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("draft", "--config", str(demo), "--no-fetch", "-q")[0] == 0
    return demo.parent / "drafts" / "issue-2.md"


def test_variables_in_a_drafts_closing_and_introduction_are_filled_in(themed_demo: Path) -> None:
    """walk46 N1: `closing: 'Next time: {next_theme}. ...'` in a draft, as the stale-closing
    warning advised, and `{number}` in its introduction were published as typed in every
    edition. They are filled in as in feeds.yaml's texts."""
    draft = _second_draft(themed_demo)
    text = draft.read_text(encoding="utf-8")
    text = text.replace(f"closing: 'Next time: {SERVICE}.", "closing: 'Next time: {next_theme}.")
    text = text.replace("Welcome to issue 2 of", "Welcome to issue {number} of", 1)
    assert "{next_theme}" in text and "{number}" in text
    draft.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "--draft", str(draft))
    assert code == 0, err
    out = themed_demo.parent / "output"
    for name in ("issue-2.html", "issue-2.md", "issue-2.txt", "latest.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert "{next_theme}" not in page and "{number}" not in page, name
        assert f"Next time: {SERVICE}." in page, name
        assert "Welcome to issue 2 of" in page, name


def test_a_mistyped_variable_in_a_draft_is_named_by_its_line(themed_demo: Path) -> None:
    """walk46 N1: a word in braces that is no variable is a mistake said at its line, as it is in
    feeds.yaml's texts, and nothing is published."""
    draft = _second_draft(themed_demo)
    text = draft.read_text(encoding="utf-8")
    text = text.replace(f"closing: 'Next time: {SERVICE}.", "closing: 'Next time: {nxt_theme}.")
    draft.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "--draft", str(draft))
    assert code == 2, err
    said = _said(err)
    assert f"{draft}:7:" in said and "unknown variable {nxt_theme}" in said, said
    assert "did you mean {next_theme}?" in said
    assert not (themed_demo.parent / "output" / "issue-2.html").exists()


def test_the_stale_closing_advice_names_no_theme_too_thin(themed_demo: Path) -> None:
    """walk46 N1 (#4): the warning about a closing promising another theme than the plan's said
    "write `X` there (or {next_theme})" when X would be too thin after the issue, so obeying it
    gave a second warning. Now it says X will be too thin and to leave the promise out."""
    draft = _second_draft(themed_demo)
    text = draft.read_text(encoding="utf-8")
    # Issue 2 on Service operations: the plan's next is then Measuring, whose two articles
    # this issue features too (moved under Service operations), so it will be too thin.
    text = text.replace(f"theme: {MEASURING}", f"theme: {SERVICE}")
    text = text.replace(f"# {MEASURING}\n", f"# {SERVICE}\n")
    text = text.replace(
        "closing: 'Next time: Service operations.", "closing: 'Next time: Voice of the customer."
    )
    draft.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "--draft", str(draft))
    assert code == 0, err
    said = _said(err)
    assert "Voice of the customer" in said, said
    assert f"write `{MEASURING}` there" not in said, said
    assert f"`{MEASURING}` will have fewer than 2 unfeatured articles after this issue" in said


def _with_blurb(draft: Path, blurb: str) -> str:
    """The draft's first article's blurb replaced by `blurb`; its title."""
    text = draft.read_text(encoding="utf-8")
    head, rest = text.split("\n## ", 1)
    entry, tail = rest.split("\n## ", 1) if "\n## " in rest else (rest, "")
    lines = entry.split("\n")
    keep = [ln for ln in lines[:5] if ln.startswith(("url:", "author:", "publication:"))]
    entry = "\n".join([lines[0], *keep, "", blurb, ""])
    draft.write_text(head + "\n## " + entry + ("\n## " + tail if tail else ""), encoding="utf-8")
    return lines[0]


def test_render_without_issue_json_keeps_a_drafts_markdown_blurb(themed_demo: Path) -> None:
    """walk46 N2: `rm output/issue-2.json; curator render 2` joined a draft's Markdown list into
    one line and wrote its link as "text <url>", though it says it renders the issue "with the
    edits made in its draft". The store keeps the blurb's Markdown with the issue."""
    draft = _second_draft(themed_demo)
    _with_blurb(
        draft,
        "Read [the full study](https://example.org/study) first.\n\n- CSAT for moments\n"
        "- CES for processes",
    )
    code, _, err = run("build", "--config", str(themed_demo), "--draft", str(draft))
    assert code == 0, err
    out = themed_demo.parent / "output"
    before = {n: (out / n).read_text(encoding="utf-8") for n in ("issue-2.html", "issue-2.md")}
    assert "<li>CSAT for moments</li>" in before["issue-2.html"]
    (out / "issue-2.json").unlink()
    code, _, err = run("render", "2", "--config", str(themed_demo))
    assert code == 0, err
    for name, text in before.items():
        assert (out / name).read_text(encoding="utf-8") == text, name
    assert "[the full study](https://example.org/study)" in (out / "issue-2.md").read_text(
        encoding="utf-8"
    )
    assert "- CES for processes" in (out / "issue-2.json").read_text(encoding="utf-8")


def test_migration_18_keeps_older_issue_articles_plain_and_can_run_again(tmp_path: Path) -> None:
    """An issue article recorded before the store kept a blurb's Markdown says nothing of it
    (rendered from its plain blurb, as before); run again, the migration fails on nothing."""
    import sqlite3
    from datetime import UTC, datetime

    from curator.store import MIGRATIONS, VERSION, Store

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:17]:
        migration(db)
    db.execute("PRAGMA user_version = 17")
    db.execute(
        "INSERT INTO issues (number, title, published_at) VALUES (1, 'Weekly', ?)",
        (datetime(2026, 12, 6, 9, tzinfo=UTC).isoformat(),),
    )
    db.close()
    for _ in range(2):
        with Store.open(path) as store:
            assert store.version == VERSION == 34
            assert store.issues(with_articles=True)[0].as_published == {}
            store.db.execute("PRAGMA user_version = 17")


def test_a_plain_build_stops_while_an_edited_draft_of_its_issue_waits_under_another_name(
    themed_demo: Path,
) -> None:
    """walk46 N4: an edited draft renamed drafts/cx-2-reviewed.md (`number: 2`) did not stop a
    plain build as drafts/issue-2.md does: the article it cut was published. Any draft in the
    folder whose `number:` is the issue about to be published counts; one as curator wrote it
    does not stop the build."""
    draft = _second_draft(themed_demo)
    text = draft.read_text(encoding="utf-8")
    renamed = draft.with_name("cx-2-reviewed.md")
    draft.rename(renamed)
    head, rest = text.split("\n## ", 1)
    renamed.write_text(head + "\n## " + rest.split("\n## ", 1)[1], encoding="utf-8")  # one cut
    code, _, err = run("build", "--config", str(themed_demo), "--no-fetch")
    assert code == 1, err
    said = _said(err)
    assert f"{renamed} is a draft of issue 2, the issue this build would publish" in said, said
    assert f"curator build --draft {renamed}" in said
    assert not (themed_demo.parent / "output" / "issue-2.html").exists()
    # As curator wrote it, under its new name, it stops nothing; nor does a draft of issue 3.
    renamed.write_text(text, encoding="utf-8")
    (renamed.parent / "later.md").write_text(text.replace("number: 2", "number: 3"), "utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "--no-fetch")
    assert code == 0, err


def test_an_image_table_or_footnote_in_a_blurb_is_said_and_the_editions_agree(
    themed_demo: Path,
) -> None:
    """walk46 N3: an image in a blurb gave `<p></p>` in the HTML and a live image in issue-2.md,
    with no word; a table and a footnote were shown as typed, unwarned. Each is now said at its
    draft line with what is shown, and the Markdown edition shows what the HTML does."""
    draft = _second_draft(themed_demo)
    _with_blurb(
        draft,
        "Three scores, three questions.\n\n![Score chart](https://example.org/chart.png)\n\n"
        "| Score | Asks |\n|---|---|\n| CES | effort |\n\nIt is new[^1].",
    )
    lines = draft.read_text(encoding="utf-8").splitlines()
    image = lines.index("![Score chart](https://example.org/chart.png)") + 1
    rule, note = lines.index("|---|---|") + 1, lines.index("It is new[^1].") + 1
    code, _, err = run("build", "--config", str(themed_demo), "--draft", str(draft))
    assert code == 0, err
    said = _said(err)
    assert (
        f"{draft}:{image}: the blurb under line" in said
        and "holds the image ![Score chart](https://example.org/chart.png), and blurbs show no"
        ' images: every edition shows its description, "Score chart", in its place'
        in said
    ), said
    assert f"{draft}:{rule}: the blurb under line" in said and "holds a table" in said
    assert f"{draft}:{note}: the blurb under line" in said and "the footnote [^1]" in said
    out = themed_demo.parent / "output"
    html = (out / "issue-2.html").read_text(encoding="utf-8")
    md = (out / "issue-2.md").read_text(encoding="utf-8")
    assert "<p></p>" not in html and "<p>Score chart</p>" in html
    assert "![Score chart]" not in md and "\nScore chart\n" in md
    # Hugo and Jekyll would make a table and a footnote of them; escaped, they show as typed.
    assert "|\\---|---|" in md and "[\\^1]" in md
    assert "|---|---|" in html and "[^1]" in html


def test_a_misspelt_variable_in_a_utm_value_is_named_with_its_line(demo: Path) -> None:
    """walk46 N5: `utm_medium: "{editon}"` tagged every link `utm_medium=%7Bediton%7D`, silently.
    It is a mistake in feeds.yaml, named by its line with a did-you-mean; nothing is published."""
    text = demo.read_text(encoding="utf-8")
    text = text.replace(
        "  editor: Morgan Ellery\n", '  editor: Morgan Ellery\n  utm_medium: "{editon}"\n'
    )
    demo.write_text(text, encoding="utf-8")
    line = text.splitlines().index('  utm_medium: "{editon}"') + 1
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 2, err
    said = _said(err)
    assert f"{demo}:{line}:" in said and "{editon}" in said, said
    assert "did you mean {edition}?" in said
    assert not (demo.parent / "output" / "issue-1.html").exists()
    # Spelt right, it tags each edition's links.
    demo.write_text(text.replace("{editon}", "{edition}"), encoding="utf-8")
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert "utm_medium=web" in (demo.parent / "output" / "issue-1.html").read_text("utf-8")


def test_a_bad_date_is_told_todays_date_and_a_date_before_the_last_issue_is_said(
    themed_demo: Path,
) -> None:
    """walk46 N6: the bad-date message's example, "write it as 2026-11-25", followed literally,
    dated issue 2 before issue 1 in feed.xml and the archive, with no warning. The example is
    today's date (what a build gives the issue), and a date before the last issue's is said."""
    from datetime import UTC, datetime, timedelta

    draft = _second_draft(themed_demo)
    text = draft.read_text(encoding="utf-8")
    today = datetime.now(UTC).date().isoformat()
    draft.write_text(re.sub(r"\ndate: .*\n", "\ndate: 2026-13-45\n", text), encoding="utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "--draft", str(draft))
    assert code == 2, err
    assert f"write it as {today} (year-month-day: today, the date a build gives the issue)" in (
        _said(err)
    )
    earlier = (datetime.now(UTC).date() - timedelta(days=9)).isoformat()
    draft.write_text(re.sub(r"\ndate: .*\n", f"\ndate: {earlier}\n", text), encoding="utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "--draft", str(draft))
    assert code == 0, err
    said = _said(err)
    assert (
        f"{draft}:4: issue 2 is dated {earlier}, before issue 1 ({today}), which it follows, so"
        " the archive page and the feed of issues list them out of date order" in said
    ), said
    assert f'"date": "{today}"' in said and "curator render 2" in said
