"""walk68: hand-typed mistakes in feeds.yaml and drafts, through the command line. The advice each
mistake gets, followed as written, must work (#1, #2); what a draft said silently is told (#3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli


def swap(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def drafted(themed_demo: Path) -> Path:
    """The demo's draft of issue 1, as `curator draft` writes it."""
    assert run_cli("fetch", "--config", str(themed_demo), "-q")[0] == 0
    code, _, err = run_cli("draft", "--config", str(themed_demo), "-q")
    assert code == 0, err
    return themed_demo.parent / "drafts" / "issue-1.md"


def build_draft(path: Path) -> tuple[int, str, str]:
    config = path.parent.parent / "feeds.yaml"
    return run_cli("build", "--config", str(config), "--draft", str(path), "-q")


def build(config: Path) -> tuple[int, str, str]:
    return run_cli("build", "--config", str(config), "-q")


# --- #1: the advice given must be the fix ------------------------------------------------------


def test_a_subject_without_name_is_told_to_write_name_and_that_works(themed_demo: Path) -> None:
    swap(themed_demo, "  - name: Voice of the customer\n", "  - Voice of the customer\n")
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert "put quotes" not in err, err
    assert "the list item on line " in err and "`- name: Voice of the customer`" in err, err
    # Followed as written, the file builds.
    swap(themed_demo, "  - Voice of the customer\n", "  - name: Voice of the customer\n")
    code, out, err = build(themed_demo)
    assert code == 0, err


@pytest.mark.parametrize(
    ("typed", "words", "fixed"),
    [
        ("editor:\tMorgan Ellery", "a tab after `editor:`", "editor: Morgan Ellery"),
        (" editor: Morgan Ellery", "the line starts with a space", "editor: Morgan Ellery"),
    ],
    ids=["tab-after-colon", "indented-one-space"],
)
def test_a_draft_front_matter_tab_or_indent_is_named_not_quotes(
    drafted: Path, typed: str, words: str, fixed: str
) -> None:
    text = drafted.read_text(encoding="utf-8")
    editor = next(line for line in text.splitlines() if line.startswith("editor: "))
    swap(drafted, editor + "\n", typed.replace("Morgan Ellery", editor[8:]) + "\n")
    code, _, err = build_draft(drafted)
    assert code == 2, err
    assert words in err, err
    assert "needs quotes" not in err, err
    swap(drafted, typed.replace("Morgan Ellery", editor[8:]) + "\n", editor + "\n")
    code, _, err = build_draft(drafted)
    assert code == 0, err


def test_draft_curly_quotes_are_named_as_not_yaml_quotes(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    closing = next(line for line in text.splitlines() if line.startswith("closing: "))
    curly = "closing: \u201cNext time: Measuring it. Won\u2019t you learn with me?\u201d"
    swap(drafted, closing, curly)
    code, _, err = build_draft(drafted)
    assert code == 2, err
    assert "curly quotes" in err and "are not YAML quotes" in err, err


def test_feeds_yaml_curly_quotes_are_named_as_not_yaml_quotes(themed_demo: Path) -> None:
    swap(
        themed_demo,
        'closing: "Next time: {next_theme}. Won\'t you learn with me?"',
        "closing: \u201cNext time: {next_theme}. Won't you learn with me?\u201d",
    )
    code, _, err = build(themed_demo)
    assert code == 2, err
    assert "curly quotes" in err and "put quotes around" not in err, err


# --- #2 and #7: a heading with one # too few or too many ----------------------------------------


def test_an_article_heading_with_one_hash_is_told_to_use_two(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("## "))[3:]
    swap(drafted, f"\n## {title}\n", f"\n# {title}\n")
    code, _, err = build_draft(drafted)
    assert code == 2, err
    assert f"write '## {title[:50]}" in err, err
    assert "extra_sections" not in err and "belongs to no article" not in err, err
    swap(drafted, f"\n# {title}\n", f"\n## {title}\n")
    assert build_draft(drafted)[0] == 0


def test_a_subject_heading_with_two_hashes_is_told_once_to_use_one(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    subject = next(line for line in text.splitlines() if line.startswith("# "))[2:]
    swap(drafted, f"\n# {subject}\n", f"\n## {subject}\n")
    code, _, err = build_draft(drafted)
    assert code == 2, err
    assert f"write '# {subject}'" in err, err
    assert "comes before any subject" not in err, err
    swap(drafted, f"\n## {subject}\n", f"\n# {subject}\n")
    assert build_draft(drafted)[0] == 0


def test_the_extra_sections_advice_pastes_as_one_name(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    subject = next(line for line in text.splitlines() if line.startswith("# "))[2:]
    own = "Five Definitions, and the One We Use"
    swap(drafted, f"\n# {subject}\n", f"\n# {own}\n")
    code, _, err = build_draft(drafted)
    assert code == 2, err
    advice = err.split("list it in the front matter: ", 1)[1].split("\n", 1)[0]
    assert advice == f'extra_sections: ["{own}"]', err
    swap(drafted, "\ntheme:", f"\n{advice}\ntheme:")
    code, _, err = build_draft(drafted)
    assert code == 0, err


# --- #3: what a draft published silently ------------------------------------------------------


def _first_author(drafted: Path) -> str:
    text = drafted.read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith("author: "))


def _published(drafted: Path) -> dict:
    import json

    folder = drafted.parent.parent / "output"
    return json.loads((folder / "issue-1.json").read_text(encoding="utf-8"))


def _authors(issue: dict) -> list[list[str]]:
    return [a["authors"] for s in issue["sections"] for a in s["articles"]]


@pytest.mark.parametrize("joint", [", ", " and ", " & ", "; "])
def test_an_author_line_naming_two_people_is_warned_of(drafted: Path, joint: str) -> None:
    line = _first_author(drafted)
    swap(drafted, line + "\n", f"{line}{joint}Priya Raman\n")
    code, _, err = build_draft(drafted)
    assert code == 0, err
    said = [x for x in err.splitlines() if "is published as one person" in x]
    assert len(said) == 1, err
    assert f"'{line}' and 'author: Priya Raman'" in said[0], said
    published = [name for a in _authors(_published(drafted)) for name in a]
    assert f"{line[8:]}{joint}Priya Raman" in published, published


def test_one_author_line_per_person_is_not_warned_of(drafted: Path) -> None:
    line = _first_author(drafted)
    swap(drafted, line + "\n", f"{line}\nauthor: Priya Raman\nauthor: Procter & Gamble\n")
    code, _, err = build_draft(drafted)
    assert code == 0, err
    assert "is published as one person" not in err, err
    assert any(a[-2:] == ["Priya Raman", "Procter & Gamble"] for a in _authors(_published(drafted)))


def test_an_author_typed_with_by_is_published_without_it(drafted: Path) -> None:
    line = _first_author(drafted)
    swap(drafted, line + "\n", f"author: By {line[8:]}\n")
    code, _, err = build_draft(drafted)
    assert code == 0, err
    authors = [name for a in _authors(_published(drafted)) for name in a]
    assert line[8:] in authors and f"By {line[8:]}" not in authors, authors


def test_a_second_editor_line_is_a_mistake_naming_both(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    editor = next(line for line in text.splitlines() if line.startswith("editor: "))
    swap(drafted, editor + "\n", editor + "\neditor: Sam Lee\n")
    code, _, err = build_draft(drafted)
    assert code == 2, err
    assert "editor: is given twice in the front matter (lines " in err and "keep one" in err, err
    assert not (drafted.parent.parent / "output" / "issue-1.json").exists()


def test_a_trailing_rule_line_is_no_rule_in_the_last_blurb(drafted: Path) -> None:
    text = drafted.read_text(encoding="utf-8")
    drafted.write_text(text.rstrip("\n") + "\n\n---\n", encoding="utf-8")
    code, _, err = build_draft(drafted)
    assert code == 0, err
    html = (drafted.parent.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "<hr" not in html.split("</header>", 1)[-1].split("<footer", 1)[0], html[-3000:]
    issue = _published(drafted)
    last = issue["sections"][-1]["articles"][-1]
    assert "---" not in last["blurb"] and "<hr" not in last.get("blurb_html", ""), last


# --- #4: a feed's address typed as a path that is no file ---------------------------------------


@pytest.mark.parametrize(
    ("typed", "advice"),
    [
        ("customerthink.com/feed/", "write `https://customerthink.com/feed/`"),
        ("feeds\\brightline.json", "forward slashes, even on Windows: `feeds/brightline.json`"),
    ],
    ids=["no-https", "backslashes"],
)
def test_a_feed_path_that_is_a_typing_slip_is_named_with_its_line(
    themed_demo: Path, typed: str, advice: str
) -> None:
    text = themed_demo.read_text(encoding="utf-8")
    line = next(
        n for n, x in enumerate(text.splitlines(), 1) if x.startswith("  - url: feeds/brightline")
    )
    swap(themed_demo, "  - url: feeds/brightline.json", f"  - url: {typed}")
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:") and advice in err, err
    assert not (themed_demo.parent / "output" / "issue-1.html").exists()
    if typed.startswith("feeds"):  # followed as written, it builds
        swap(themed_demo, f"  - url: {typed}", "  - url: feeds/brightline.json")
        assert build(themed_demo)[0] == 0


def test_a_missing_feed_file_is_still_a_feed_that_fails(themed_demo: Path) -> None:
    swap(themed_demo, "  - url: feeds/brightline.json", "  - url: feeds/gone.json")
    code, out, err = run_cli("fetch", "--config", str(themed_demo))
    assert code == 0, err
    assert "no such file:" in err and "gone.json" in err, err


# --- #5: an unclosed quote or bracket is named where it was opened -------------------------------


def test_an_unclosed_quote_is_named_on_its_line_not_at_a_later_comment(themed_demo: Path) -> None:
    text = themed_demo.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(n for n, x in enumerate(lines, 1) if x.startswith('  closing: "Next time'))
    swap(themed_demo, 'learn with me?"\n', "learn with me?\n")
    # A comment a few lines below with a quote in it: YAML reads on to it.
    swap(themed_demo, "\n# --- Feeds", '\n# a "quoted" word\n# --- Feeds')
    code, _, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:12: "), err
    assert 'the " opened here is not closed on this line' in err, err


def test_an_unclosed_bracket_is_named_on_its_line(themed_demo: Path) -> None:
    text = themed_demo.read_text(encoding="utf-8")
    line = next(n for n, x in enumerate(text.splitlines(), 1) if x == "    - Service operations")
    swap(
        themed_demo,
        "    - Service operations\n    - Voice of the customer\n",
        "    - [Service operations, Voice of the customer\n",
    )
    code, _, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:7: "), err
    assert "the [ opened here is not closed on its line: end the list with ]" in err, err
    swap(themed_demo, ", Voice of the customer\n", ", Voice of the customer]\n")
    code, _, err = build(themed_demo)
    assert code == 0, err


def test_a_name_in_curly_quotes_is_warned_of_with_its_line(themed_demo: Path) -> None:
    text = themed_demo.read_text(encoding="utf-8")
    line = next(
        n for n, x in enumerate(text.splitlines(), 1) if x == "    name: Northwind CX Journal"
    )
    swap(
        themed_demo,
        "    name: Northwind CX Journal\n",
        "    name: \u201cNorthwind CX Journal\u201d\n",
    )
    code, _, err = build(themed_demo)
    assert code == 0, err
    said = [x for x in err.splitlines() if "curly quotes" in x]
    assert len(said) == 1, err
    assert f"{themed_demo}:{line}:11:" in said[0], said
    assert "write name: Northwind CX Journal" in said[0], said


# --- #7: vague messages made plain ------------------------------------------------------------


def _line_of(config: Path, start: str) -> int:
    text = config.read_text(encoding="utf-8")
    return next(n for n, x in enumerate(text.splitlines(), 1) if x.startswith(start))


def test_a_stray_document_marker_is_named_and_deleting_it_works(themed_demo: Path) -> None:
    swap(themed_demo, "\nthemes:\n", "\n---\nthemes:\n")
    line = _line_of(themed_demo, "---")
    code, _, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:1: "), err
    assert "a line `---` starts a second YAML document" in err and "delete the `---` line" in err
    swap(themed_demo, "\n---\nthemes:\n", "\nthemes:\n")
    assert build(themed_demo)[0] == 0


def test_a_windows_path_in_double_quotes_is_told_to_use_forward_slashes(themed_demo: Path) -> None:
    swap(themed_demo, "  - url: feeds/brightline.json", '  - url: "C:\\Users\\morgan\\feeds.json"')
    code, _, err = build(themed_demo)
    assert code == 2, err
    assert "in double quotes a backslash starts an escape" in err, err
    assert "forward slashes (C:/Users/...) or in single quotes" in err, err


@pytest.mark.parametrize(
    ("key", "wrong", "right"),
    [
        ("issue_size: 3", "settings:\n", "`newsletter:`"),
        ("timeout: 12", "newsletter:\n", "`settings:`"),
    ],
    ids=["issue_size-under-settings", "timeout-under-newsletter"],
)
def test_a_key_in_the_wrong_section_is_told_where_it_belongs(
    themed_demo: Path, key: str, wrong: str, right: str
) -> None:
    swap(themed_demo, "\n" + wrong, f"\n{wrong}  {key}\n")
    code, _, err = build(themed_demo)
    assert code == 2, err
    assert f"it belongs under {right}: move the line there" in err, err
