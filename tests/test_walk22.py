"""walk22: what an editor (or a feed) writes is published as text, never as markup that could run,
in every file we publish (issue-N.json and issue-N.md too), and nothing the editor wrote is dropped
or changed without a word: each through the CLI, on the real output files."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from conftest import run_cli as run

#: Raw HTML an introduction might hold, pasted from somewhere or written by a hostile hand.
HOSTILE_INTRO = (
    "Welcome to issue {number}.\n"
    "\n"
    "<script>alert('intro')</script> <svg onload=alert(1)>\n"
    "<a href=\"javascript:alert('a')\">raw</a> and"
    ' <iframe src="data:text/html,<script>alert(2)</script>"></iframe>\n'
)


def _write_intro(demo: Path, text: str) -> Path:
    folder = demo.parent / "introductions"
    folder.mkdir(exist_ok=True)
    own = folder / "issue-1.md"
    own.write_text(text, encoding="utf-8")
    return own


def _said(err: str) -> str:
    return " ".join(err.split())


def _visible(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_issue_json_holds_the_introduction_as_published_not_its_raw_html(demo: Path) -> None:
    """walk22 #1: issue-N.json kept `<script>`, `<svg onload>`, `javascript:` and `data:` raw
    HTML, which any consumer rendering its Markdown with HTML allowed would run."""
    _write_intro(demo, HOSTILE_INTRO)
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    out = demo.parent / "output"
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    # The Markdown, rendered by a renderer that passes raw HTML through, runs nothing...
    rendered = MarkdownIt("commonmark", {"html": True}).render(data["introduction"])
    soup = BeautifulSoup(rendered, "html.parser")
    assert not soup.find_all(["script", "svg", "iframe", "a"]), rendered
    # ... and shows the very text the HTML edition shows.
    page = BeautifulSoup((out / "issue-1.html").read_text(encoding="utf-8"), "html.parser")
    assert "<script>alert('intro')</script>" in _visible(rendered)
    assert "<script>alert('intro')</script>" in page.get_text()
    # The sanitised HTML is there too, for a consumer that wants HTML.
    html = BeautifulSoup(data["introduction_html"], "html.parser")
    assert not html.find_all(["script", "svg", "iframe", "a"])
    assert _visible(data["introduction_html"]) == _visible(rendered)
    # Rendered again from issue-1.json (`curator render`), the issue says the same.
    before = page.find("section", class_="introduction")
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0, err
    again = (out / "issue-1.html").read_text(encoding="utf-8")
    after = BeautifulSoup(again, "html.parser").find("section", class_="introduction")
    assert before is not None and after is not None and str(after) == str(before)
    assert "<script" not in again.lower()
    assert (out / "issue-1.txt").read_text(encoding="utf-8") == text  # not "&lt;script>"


def test_front_matter_of_the_markdown_issue_has_no_markup(demo: Path) -> None:
    """walk22 #2: title, author and tags went into issue-N.md's front matter as they were, for a
    Jekyll theme printing `{{ page.title }}` unescaped to run."""
    text = demo.read_text(encoding="utf-8")
    text = text.replace(
        "title: Customer Experience Weekly",
        "title: 'CX <script>alert(1)</script> \"Weekly\"'",
        1,
    ).replace("editor: Morgan Ellery", "editor: '<img src=x onerror=alert(2)>'", 1)
    demo.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    md = (demo.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    front = md[4:].split("\n---\n", 1)[0]
    assert "<" not in front and '\\"' not in front, front
    meta = yaml.safe_load(front)
    assert meta["title"].startswith("CX &lt;script&gt;alert(1)&lt;/script&gt; &quot;Weekly&quot;")
    assert meta["author"] == "&lt;img src=x onerror=alert(2)&gt;"
    # A page that prints them unescaped shows the text.
    assert _visible(meta["title"]).startswith('CX <script>alert(1)</script> "Weekly"')


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Mine</title></head>
  <body>
    <outline text="Plain">
      <outline type="rss" text="A" xmlUrl="https://a.example/feed"/>
    </outline>
    <outline text="&lt;img src=x onerror=alert(1)&gt;">
      <outline type="rss" text="B" xmlUrl="https://b.example/feed"/>
    </outline>
  </body>
</opml>
"""


def test_an_opml_folder_with_markup_is_not_made_a_subject(demo: Path, tmp_path: Path) -> None:
    """walk22 #2: `feeds import --add-subjects` made the folder `<img src=x onerror=...>` a
    subject, then a tag of issue-N.md, with no warning."""
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(OPML, encoding="utf-8")
    code, out, err = run(
        "feeds", "import", "--no-check", "--add-subjects", "--config", str(demo), str(opml)
    )
    assert code == 0, err
    assert "Added 1 subject(s) from the folders: `Plain`" in _said(out)
    assert (
        f"curator: warning: {opml}:8: the folder '<img src=x onerror=alert(1)>' was not made a"
        ' subject: its name has < > or " in it'
    ) in _said(err)
    assert "Rename the folder" in err
    config = demo.read_text(encoding="utf-8")
    assert "onerror" not in config
    assert "https://b.example/feed" in config  # its feed is imported all the same


def test_markup_in_the_introduction_is_said_with_its_line(demo: Path) -> None:
    """walk22 #3: raw HTML (even `<b>`), an HTML comment and a `<javascript:...>` autolink were
    published as literal text without a word, and a reference link to a javascript: definition
    was published as `[ref link][r]` and named "r"."""
    own = _write_intro(
        demo,
        "Some <b>bold</b> words.\n"
        "Mid <!-- a note --> text.\n"
        "An <javascript:alert(1)> autolink.\n"
        "A [ref link][r] here, and `<b>code</b>` stays.\n"
        "\n"
        "[r]: javascript:alert(2)\n",
    )
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    said = _said(err)
    assert f"{own}:1: the HTML <b>, </b> is published as visible text in every format but" in said
    assert "write Markdown instead in" in said and "**bold**" in said
    assert f"{own}:2: the HTML comment <!-- a note --> is published as visible text" in said
    assert f"{own}:3: the link <javascript:alert(1)> is never published as a link" in said
    assert f'{own}:4: the link "ref link" goes to javascript:alert(2)' in said
    assert 'the link "r"' not in said
    assert f"{own}:4: the HTML" not in said  # a code span is text
    out = demo.parent / "output"
    for name in ("issue-1.html", "issue-1.md", "issue-1.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert "[ref link]" not in text and "A ref link here" in text, name
    page = _visible((out / "issue-1.html").read_text(encoding="utf-8"))
    assert "Some <b>bold</b> words." in page and "<b>code</b> stays" in page
    md = (out / "issue-1.md").read_text(encoding="utf-8")
    assert "`<b>code</b>`" in md  # not `&lt;b>`, which a code span shows as it is


def test_text_after_a_comment_in_a_draft_is_published(demo: Path) -> None:
    """walk22 #3: `<!-- note --> Visible sentence.` in a draft's introduction vanished whole."""
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[at:at] = ["<!-- note --> Visible sentence after a comment.", ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path), "-q")
    assert code == 0, err
    out = demo.parent / "output"
    for name in ("issue-1.html", "issue-1.md", "issue-1.txt", "issue-1.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert "Visible sentence after a comment." in text, name
        assert "note" not in text.split("Visible sentence")[0][-30:], name


def test_a_markdown_template_gets_values_escaped_and_safe_url_never_says_none(
    demo: Path,
) -> None:
    """walk22 #4: a custom issue.md printing `{{ introduction_text }}` published `<script>`, and
    `safe_url` on a rejected link rendered `href="None"`."""
    folder = demo.parent / "my-templates"
    folder.mkdir()
    (folder / "issue.md").write_text(
        "# {{ title }}\n\n{{ introduction_text }}\n\n"
        "<a href=\"{{ 'javascript:alert(3)' | safe_url }}\">x</a>"
        " [{{ title | md_text }}]({{ 'https://ok.example/?a=1&b=2' | md_url }})\n",
        encoding="utf-8",
    )
    (folder / "issue.html").write_text(
        "<a href=\"{{ 'javascript:alert(3)' | safe_url }}\">x</a>\n", encoding="utf-8"
    )
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("\nsettings:\n", "\nsettings:\n  templates: my-templates\n", 1),
        encoding="utf-8",
    )
    _write_intro(demo, "Hello <script>alert(1)</script> & welcome.\n")
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    out = demo.parent / "output"
    md = (out / "issue-1.md").read_text(encoding="utf-8")
    assert "<script" not in md and "Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; welcome" in md
    assert "(https://ok.example/?a=1&b=2)" in md  # a filter's output is not escaped twice
    rendered = MarkdownIt("commonmark", {"html": True}).render(md)
    assert not BeautifulSoup(rendered, "html.parser").find_all("script")
    for name in ("issue-1.md", "issue-1.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert 'href="None"' not in text and 'href=""' in text, name


def test_a_url_heading_with_a_space_or_bracket_is_refused(demo: Path) -> None:
    """walk22 #5: `## https://example.com/a b>c` was read as another address (spaces dropped,
    cut at `>`), so the article meant could be featured again."""
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("# ")) + 1
    lines[at:at] = ["", "## https://blog.example/one post>two", ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path), "-q")
    assert code != 0
    assert (
        f"{path}:{at + 2}: the heading 'https://blog.example/one post>two' is not one address:"
        " it has a space in it"
    ) in _said(err)
    assert not (demo.parent / "output" / "issue-1.html").exists()


def test_a_site_url_with_quotes_or_brackets_is_refused(demo: Path) -> None:
    """walk22 #5: `site_url` accepted `"` and `<>`."""
    text = demo.read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("site_url:"))
    lines[at] = "  site_url: 'https://blog.example.com/\"><b>x</b>'"
    demo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code != 0
    assert f"{demo}:{at + 1}" in err
    assert "`site_url` must be an http(s) address with no spaces, quotes or <>" in _said(err)
    assert not (demo.parent / "output").exists()
