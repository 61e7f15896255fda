"""walk149, as the editor sees it publishing the Markdown edition (issue-N.md) on a Hugo or Jekyll
site: a line of `---` under a line of a blurb or the introduction was published as a heading
(#1); two blurbs' reference links `[1]` both led to the first one's address in issue-N.md (#2); a
feed's `$$` was left for kramdown to read as mathematics (#3); a credit with `_` in it was said to
be left out of issue-N.md by curator's own templates (#6)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from test_credit_formats import newsletter, page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

PRICING = "From $$ to $$$: pricing the customer experience"
STARS = "Customer service stars of the support desk"
AUTHOR = "Jane *Star* Doe"
PUBLICATION = "Under_score_ Weekly"

INTRO = """Welcome to issue 1, sponsored by [Acme][1].

[1]: https://acme.example/sponsor"""
STUDY = """Call centres teach a lot; see [the study][1] for the numbers. It is short.

[1]: https://a.example/study"""
SURVEY = """Hospitals are where customer service matters most; see [the survey][1].
Waiting rooms set the tone.

[1]: https://b.example/survey"""


def _creator(name: str) -> str:
    return f"<dc:creator>{name}</dc:creator>"


def _blocks(draft: str) -> list[tuple[int, int]]:
    """Each article's blurb in the draft: (index of its first line, index after its last)."""
    lines = draft.split("\n")
    found = []
    for at, line in enumerate(lines):
        if line.startswith("## "):
            start = next(i for i in range(at, len(lines)) if not lines[i].strip()) + 1
            end = next(
                (i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines)
            )
            found.append((start, end))
    return found


def _with(draft: str, intro: str, blurbs: list[str]) -> str:
    """The draft with its introduction and its first blurbs replaced."""
    lines = draft.split("\n")
    for (start, end), blurb in reversed(list(zip(_blocks(draft), blurbs, strict=False))):
        lines[start:end] = [*blurb.split("\n"), ""]
    text = "\n".join(lines)
    head, rest = text.split("\n-->\n", 1)
    return f"{head}\n-->\n\n{intro}\n\n{rest[rest.index('# ') :]}"


def _links(markdown: str) -> dict[str, str]:
    """Each link of a Markdown document as CommonMark (Hugo) renders it: {its text: its href}."""
    found: dict[str, str] = {}
    for token in MarkdownIt("commonmark").parse(markdown):
        children = token.children or []
        for at, child in enumerate(children):
            if child.type == "link_open":
                found[children[at + 1].content] = str(child.attrGet("href"))
    return found


@dataclass(frozen=True)
class Published:
    """The newsletter's first issue: its draft refused with lines of `---` under text, then built
    from the draft with reference links in its introduction and blurbs."""

    path: Path
    ruled: list[str]
    refused: tuple[int, str]
    built: tuple[int, str]
    output: Path


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Published]:
    tmp_path = tmp_path_factory.mktemp("walk149")
    server = LocalServer().start()
    try:
        items = [
            (PRICING, _creator("Ravi Patel"), page(PRICING)),
            (STARS, _creator(AUTHOR), page(STARS, site=PUBLICATION)),
            ("Customer support effort in hospitals", _creator("Ana Lima"), page("Hospitals")),
        ]
        config = newsletter(tmp_path, server, items)
        # curator's own templates, copied as docs/templates.md says: the credit check reads them
        shutil.copytree(Path(__file__).parent.parent / "templates", tmp_path / "templates")
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                "settings:\n", "settings:\n  templates: templates\n"
            ),
            encoding="utf-8",
        )
        code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
        assert code == 0, err
        path = tmp_path / "drafts" / "issue-1.md"
        drafted = path.read_text(encoding="utf-8")
        assert len(_blocks(drafted)) == 3, drafted
        path.write_text(_with(drafted, INTRO, [STUDY, SURVEY]), encoding="utf-8")
        code, out, err = run("build", "--config", str(config), "--draft", str(path))
        built = (code, said_as_one(out + err))
        # the next issue's draft, the same articles featured again on purpose
        again = [line[5:] for line in drafted.split("\n") if line.startswith("url: ")]
        ruled = _with(
            drafted.replace("number: 1\n", f"number: 2\nfeature_again: {again}\n", 1),
            "Welcome to issue 2\n---\nThis week is short.\n\n---\n\nThe rest.",
            [STUDY, "Schools have customers too.\nSecond line\n---\nThe piece shows how."],
        )
        second = path.with_name("issue-2.md")
        second.write_text(ruled, encoding="utf-8")
        code, out, err = run("build", "--config", str(config), "--draft", str(second))
        refused = (code, said_as_one(out + err))
        yield Published(second, ruled.split("\n"), refused, built, tmp_path / "output")
    finally:
        server.stop()


def test_a_line_of_dashes_under_text_is_no_heading_of_the_issue(published: Published) -> None:
    """#1: `Welcome to issue 2` over `---` in the introduction, and a blurb's `Second line` over
    `---`, were <h2>s in every edition (the subjects' rank), unsaid: each stops the build, named
    with its line and the fix; a `---` after a blank line is a rule, and is not named."""
    code, said = published.refused
    assert code == 2, said
    fix = (
        "a line of --- under text makes it a heading; leave a blank line above it for a rule,"
        " or delete it"
    )
    lines, path = published.ruled, published.path
    intro_rule = lines.index("---", lines.index("Welcome to issue 2")) + 1
    blurb_rule = lines.index("---", lines.index("Second line")) + 1
    assert f"{path}:{intro_rule}: 'Welcome to issue 2' with this line of --- under it" in said
    assert f"{path}:{blurb_rule}: 'Second line' with this line of --- under it" in said
    assert said.count(fix) == 2, said


def test_reference_links_lead_where_each_piece_says(published: Published) -> None:
    """#2: in issue-1.md, one document, the second blurb's `[the survey][1]` and the
    introduction's `[Acme][1]` led to the first blurb's `[1]` (a.example): each link is written
    inline, as CommonMark (Hugo) renders it."""
    code, said = published.built
    assert code == 0, said
    markdown = (published.output / "issue-1.md").read_text(encoding="utf-8")
    links = _links(markdown.split("\n---\n", 1)[1])
    assert links["Acme"] == "https://acme.example/sponsor", markdown
    assert links["the study"] == "https://a.example/study", markdown
    assert links["the survey"] == "https://b.example/survey", markdown
    html = (published.output / "issue-1.html").read_text(encoding="utf-8")
    assert '<a href="https://b.example/survey"' in html


def test_a_feeds_dollar_signs_are_no_mathematics(published: Published) -> None:
    """#3: `From $$ to $$$` was written as it is, which kramdown (Jekyll) reads as maths."""
    markdown = (published.output / "issue-1.md").read_text(encoding="utf-8")
    assert r"From \$\$ to \$\$\$: pricing the customer experience" in markdown, markdown
    assert PRICING in _links(markdown), markdown


def test_a_credit_with_markdown_characters_is_not_said_to_be_left_out(
    published: Published,
) -> None:
    """#6: curator's own templates were said to leave out of issue-1.md the publication of
    "Jane *Star* Doe || Under_score_ Weekly", which issue-1.md shows (escaped)."""
    code, said = published.built
    assert code == 0, said
    credit = f"{AUTHOR} || {PUBLICATION}"
    assert credit in (published.output / "issue-1.txt").read_text(encoding="utf-8")
    markdown = (published.output / "issue-1.md").read_text(encoding="utf-8")
    rendered = MarkdownIt("commonmark").render(markdown)
    assert f"<em>{credit}</em>" in rendered, rendered
    assert "leave out of" not in said, said


def test_a_heading_corrected_into_a_blurb_is_ranked_under_its_article(
    published: Published, tmp_path: Path
) -> None:
    """#1: a heading that still reaches a blurb (written in issue-1.json's "blurb_markdown", which
    `curator render` publishes) was an <h2>, the subjects' rank, in the fragment too (not shifted
    as the rest): it is ranked under its article's heading in every HTML edition."""
    import json

    folder = shutil.copytree(published.output.parent, tmp_path / "nl")
    path = folder / "output" / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    article = data["sections"][0]["articles"][0]
    article["blurb_markdown"] = (
        "Why queues matter\n---\nThe piece shows how.\n\n### In short\n\nIt does."
    )
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("render", "1", "--config", str(folder / "feeds.yaml"))
    assert code == 0, err
    for name, article_level in (("issue-1.html", 3), ("issue-1.fragment.html", 4)):
        html = (folder / "output" / name).read_text(encoding="utf-8")
        below = article_level + 1
        assert f"<h{below}>Why queues matter" in html, html
        assert f"<h{below + 1}>In short</h{below + 1}>" in html, html
    email = (folder / "output" / "issue-1.email.html").read_text(encoding="utf-8")
    assert re.search(r"<h4( style=\"[^\"]*\")?>Why queues matter", email), email


def test_a_line_of_dashes_under_the_introductions_text_in_its_file_is_said(demo: Path) -> None:
    """#1, without a draft: intro.md's `Welcome to issue 1` over `---` was published as an <h2>
    in every edition, unsaid; the build warns at the line of `---`, with the fix."""
    intro = (demo.parent / "intro.md").resolve()
    intro.write_text(
        "Welcome to issue {number}\n---\nThis week is short.\n\n---\n\nThe rest.\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(demo), "-q")
    said = said_as_one(err)
    assert code == 0, said
    assert (
        f'{intro}:2: "Welcome to issue {{number}}" with a line of --- under it is published as a'
        " heading in every edition: a line of --- under text makes it a heading; leave a blank"
        f" line above it for a rule, or delete it, in {intro}"
    ) in said, said
    assert f"{intro}:5:" not in said, said  # the rule after a blank line
