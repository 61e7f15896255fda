"""walk159 (fixge), an accessibility walk: the issue's HTML where readers and blogs meet it. An
editor checked the published HTML with html-validate, axe-core, WordPress's wpautop and a 360 px
phone view. Through the CLI: the offline demo's draft, edited as an editor would (a hard-wrapped
introduction with a heading, a list and code, a 49-letter German compound as a title), built with
curator's real templates; then rendered again with a copy of `_issue_body.html` that hard-codes
an article's heading level."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import copy_demo, run_cli, said_as_one, sans_config

COMPOUND = "Kundenzufriedenheitsverbesserungsmaßnahmenkatalog"
TITLE = "Delight or Effortless? Designing for Customers Who Just Want to Get On With Their Day"
WRAPPED = "in the order it\nappeared"  # a soft line wrap of the demo's introduction
INTRODUCTION_EXTRA = """
### About this issue

Each article is chosen by subject,
not by date:

- a list item that wraps
  onto a second line
- a short one

```
code keeps
  its lines
```
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo (every subject, no plan of themes) built from its draft as edited: its output
    folder."""
    config = copy_demo(tmp_path_factory.mktemp("walk159"))
    text = config.read_text(encoding="utf-8")
    start, end = text.index("\nthemes:\n"), text.index("\n# --- Feeds")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert WRAPPED in text
    subject = text.index("\n# ")
    text = text[:subject] + INTRODUCTION_EXTRA + text[subject:]
    text = text.replace(f"## {TITLE}\n", f"## {COMPOUND} for Customers\n", 1)
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, err
    return config.parent / "output"


def read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def test_the_fragment_survives_wordpress_wpautop(built: Path) -> None:
    """#1: wpautop makes a newline inside a paragraph a `<br />`, and a line of spaces before
    `</div>` after a `</p>` an empty paragraph (`</p></div>`); the fragment has neither."""
    fragment = read(built, "issue-1.fragment.html")
    paragraphs = re.findall(r"<(p|li)\b[^>]*>(.*?)</\1>", fragment, re.S)
    assert len(paragraphs) > 20
    assert [p for _, p in paragraphs if "\n" in p] == []
    assert "in the order it appeared" in fragment  # the soft wrap, a space
    assert "a list item that wraps onto a second line" in fragment
    assert "code keeps\n  its lines" in fragment  # preformatted text keeps its lines
    assert not re.search(r"</p>\n[ \t]+</", fragment), fragment
    outside_code = re.sub(r"<pre>.*?</pre>", "<pre></pre>", fragment, flags=re.S)
    assert not re.search(r"^[ \t]+\S", outside_code, re.M)  # no indentation wpautop could read
    assert "\n\n" not in outside_code  # no blank line, which wpautop reads as a paragraph
    # The page and the email are not pasted into a blog (README): they keep their layout.
    assert WRAPPED in read(built, "issue-1.html")


def test_long_words_break_in_the_email_and_the_fragment(built: Path) -> None:
    """#2: a 49-letter compound in a title made the email 499 px wide in a 345 px phone view:
    the email's inlined styles and the fragment's own style attribute break long words."""
    email = read(built, "issue-1.email.html")
    breaks = re.compile(r"overflow-wrap: ?anywhere; ?word-break: ?break-word")
    title = re.search(rf'<h3 class="entry-title" style="([^"]*)"><a [^>]*>{COMPOUND}', email)
    assert title and breaks.search(title.group(1)), email
    for cls in ("credit", "blurb", "subject-title", "title"):
        styles = re.findall(rf'class="{cls}" style="([^"]*)"', email)
        assert styles and all(breaks.search(s) for s in styles), (cls, styles)
    fragment = read(built, "issue-1.fragment.html")
    article = re.match(r"<article [^>]*>", fragment)
    assert article and breaks.search(article.group()), fragment[:300]
    assert COMPOUND in fragment


def test_the_pages_have_a_main_landmark_and_the_fragment_none(built: Path) -> None:
    """#3: axe's landmark-one-main and region: the issue's page, latest.html and index.html hold
    their content in one <main>; the fragment goes into a blog's own page, which has its own."""
    for name in ("issue-1.html", "latest.html", "index.html"):
        page = read(built, name)
        assert page.count("<main>") == 1 and page.count("</main>") == 1, name
        main = page[page.index("<main>") : page.index("</main>")]
        assert "<h1>Customer Experience Weekly</h1>" in main, name
    assert "<main" not in read(built, "issue-1.fragment.html")


def test_subject_anchors_carry_the_issue_number(built: Path) -> None:
    """#4: a blog home page showing several issues' fragments had each subject's id once per
    issue (`#service-operations` jumped to another issue's)."""
    for name in ("issue-1.fragment.html", "issue-1.html", "feed.xml"):
        text = html.unescape(read(built, name))
        assert 'id="issue-1-service-operations"' in text, name
        assert 'id="service-operations"' not in text, name
    ids = re.findall(r'id="([^"]+)"', read(built, "issue-1.fragment.html"))
    assert len(ids) == len(set(ids)) == 4


def test_the_introductions_heading_is_styled_like_a_subjects_in_the_email(built: Path) -> None:
    """#6: `### About this issue` in the introduction (as a draft writes it) had no inline style in the email."""
    email = read(built, "issue-1.email.html")
    heading = re.search(r'<h2 style="([^"]*)">About this issue</h2>', email)
    subject = re.search(r'<h2 class="subject-title" style="([^"]*)">', email)
    assert heading and subject, email
    for part in ("font-family: Helvetica, Arial, sans-serif", "font-size: 20px", "color: #1f2328"):
        assert part in heading.group(1) and part in subject.group(1), part


def test_a_copied_template_writing_an_articles_heading_level_is_named(built: Path) -> None:
    """#5: a copy of `_issue_body.html` with `h{{ top + 2 }}` changed to `h3` put each article
    at its subject's level in the fragment, and nothing said so (a hard-coded `<h1>` was named)."""
    config = built.parent / "feeds.yaml"
    folder = built.parent / "my-templates"
    folder.mkdir()
    source = (Path(__file__).parent.parent / "templates" / "_issue_body.html").read_text()
    copy = source.replace("<h{{ top + 2 }}>", "<h3>").replace("</h{{ top + 2 }}>", "</h3>")
    assert copy != source
    (folder / "_issue_body.html").write_text(copy, encoding="utf-8")
    # (the email's own <h3>, of another edition, is not named)
    email = (Path(__file__).parent.parent / "templates" / "email.html").read_text()
    (folder / "email.html").write_text(email, encoding="utf-8")
    line = copy[: copy.index("<h3>")].count("\n") + 1
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("settings:\n", "settings:\n  templates: my-templates\n", 1))
    try:
        code, out, err = run_cli("render", "1", "--config", str(config))
        assert code == 0, err
        said = sans_config(said_as_one(out + err))
        assert f"{folder / '_issue_body.html'}:{line} writes <h3> itself" in said, said
        assert "issue-1.fragment.html: 10 heading(s) under a subject's heading" in said, said
        assert f'("{COMPOUND} for Customers" and 9 more: an <h3> under the subject' in said, said
        assert '"The basics of customer experience", an <h3>)' in said, said
        assert "write `<h{{ top + 2 }}>` for an article's title" in said, said
        assert "email.html:" not in said, said
    finally:
        config.write_text(text, encoding="utf-8")
