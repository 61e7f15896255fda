"""What the editor is told about an issue's introduction through the CLI: a link to an address
never published (walk16.7), a sentence of the closing line said in the introduction too (walk16.8)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli as run

INTRO = "Welcome to issue {number}.\n\nSee [our notes](javascript:alert(1)) first.\n"


def test_an_intro_link_to_javascript_is_its_text_in_every_format_and_said(demo: Path) -> None:
    """walk16.7: printed as literal text in HTML, email and feed.xml, as "See our notes" in the
    Markdown file, and nothing said."""
    folder = demo.parent / "introductions"
    folder.mkdir()
    own = folder / "issue-1.md"
    own.write_text(INTRO, encoding="utf-8")
    said = (
        f'{own}:3: the link "our notes" goes to javascript:alert(1), which is never published:'
        " every format shows its text alone; to keep the link, give it an https: address in"
    )
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    assert said in " ".join(err.split())

    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0, err
    assert said in " ".join(err.split())
    out = demo.parent / "output"
    names = ("issue-1.html", "issue-1.fragment.html", "issue-1.email.html", "feed.xml")
    # (walk20 #2: issue-1.json kept the link as written)
    for name in (*names, "issue-1.md", "issue-1.txt", "issue-1.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert "javascript" not in text and "[our notes]" not in text, name
        assert "See our notes first." in text, name


def test_an_intro_link_to_javascript_in_a_draft_names_the_drafts_line(demo: Path) -> None:
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[at:at] = ["See [our notes](javascript:alert(1)).", ""]
    lines.insert(1, 'closing: "Read [more](javascript:alert(2))."')
    at += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path), "-q")
    assert code == 0, err
    assert (
        f'{path}:{at + 1}: the link "our notes" goes to javascript:alert(1), which is never'
        " published" in " ".join(err.split())
    )
    for name in ("issue-1.html", "issue-1.json"):
        page = (demo.parent / "output" / name).read_text(encoding="utf-8")
        assert "See our notes." in page and "Read more." in page, name
        assert "javascript" not in page, name


def test_a_closing_sentence_repeated_in_the_introduction_is_said(themed_demo: Path) -> None:
    """walk16.8: "Next time: ..." in the introduction and again as the closing line, no word."""
    folder = themed_demo.parent / "introductions"
    folder.mkdir()
    own = folder / "issue-1.md"
    own.write_text("Welcome to issue {number}.\nNext time: {next_theme}.\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "-q")
    assert code == 0, err
    issue = json.loads((themed_demo.parent / "output" / "issue-1.json").read_text("utf-8"))
    sentence = next(s for s in issue["closing"].split(". ") if s.startswith("Next time"))
    assert (
        f'{own}:2: "{sentence}." is also the closing line of the issue ({themed_demo}:98 (`themes:'
        " closing`)), so the issue says it twice; take it out of the introduction (or change the"
        " closing line)"
    ) in " ".join(err.split())


def test_warnings_about_an_introduction_file_name_it_and_its_line(demo: Path) -> None:
    """walk20 #3: said as "feeds.yaml: `newsletter: introduction` (or its introduction_file),
    line 3 of it", and the {next_theme} warning gave no line at all."""
    intro = (demo.parent / "intro.md").resolve()
    intro.write_text(
        "Welcome to issue {number}.\n\nNext time: {next_theme}.\n\nSee [x](javascript:void(0)).\n",
        encoding="utf-8",
    )
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    flat = " ".join(err.split())
    assert f"{intro}:3: {{next_theme}} is empty in issue 1 (" in flat, err
    assert f"write it without {{next_theme}} in {intro} (or in the draft" in flat
    assert f'{intro}:5: the link "x" goes to javascript:void(0), which is never published' in flat
    assert f"give it an https: address in {intro} (or in the draft" in flat
    assert "introduction_file)" not in flat and "line 5 of it" not in flat


def test_warnings_about_an_introduction_in_feeds_yaml_name_its_line(demo: Path) -> None:
    text = demo.read_text(encoding="utf-8")
    lines = text.splitlines()
    at = lines.index("  introduction_file: intro.md")
    lines[at : at + 1] = [
        "  introduction: |",
        "    Welcome to issue {number}.",
        "    Next time: {next_theme}. See [x](javascript:void(0)).",
    ]
    demo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    flat = " ".join(err.split())
    where = f"{demo}:{at + 3} (`newsletter: introduction`)"
    assert f"{where}: {{next_theme}} is empty in issue 1 (" in flat, err
    assert f'{where}: the link "x" goes to javascript:void(0)' in flat
    assert f"in `newsletter: introduction` in {demo} (or in the draft" in flat


def test_a_javascript_link_in_the_closing_line_names_its_line_in_feeds_yaml(
    themed_demo: Path,
) -> None:
    """walk21 #6: said as "feeds.yaml: `themes: closing`: the link ...", with no line, where the
    {next_theme} closing warning gives "feeds.yaml:24"."""
    lines = themed_demo.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  closing:"))
    lines[at : at + 1] = [
        "  closing: |",
        "    Next time: {next_theme}.",
        "    Read [more](javascript:alert(2)).",
    ]
    themed_demo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(themed_demo), "-q")
    assert code == 0, err
    flat = " ".join(err.split())
    assert (
        f'{themed_demo}:{at + 3} (`themes: closing`): the link "more" goes to javascript:alert(2),'
        " which is never published: every format shows its text alone; to keep the link, give it"
        f" an https: address in `themes: closing` in {themed_demo}"
    ) in flat, err
