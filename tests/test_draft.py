"""The editor's draft: written from an issue, edited as text, read back, and rendered exactly as edited
in every output format; a mistake names its line."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from curator.draft import (
    DraftError,
    DraftMistakes,
    draft_path,
    draft_to_issue,
    parse_draft,
    read_draft,
    write_draft,
)
from curator.editions import OUTPUTS
from curator.models import Article, Scored
from curator.outputs import render_outputs
from curator.render import environment
from tests.test_outputs import make_issue

PATH = Path("drafts/issue-1.md")


def known_articles() -> dict[str, Article | Scored]:
    return {s.article.url: s for sec in make_issue().sections for s in sec.entries}


def test_draft_round_trip_keeps_every_field():
    issue = make_issue()
    draft = parse_draft(write_draft(issue), PATH)
    assert (draft.title, draft.number, draft.date, draft.editor) == (
        "Customer Experience Weekly",
        1,
        datetime(2026, 11, 25, 7, 30, tzinfo=UTC),
        "Maya Horowitz",
    )
    assert draft.introduction == issue.introduction
    assert [s.subject for s in draft.sections] == [s.subject for s in issue.sections]
    assert [(e.url, e.title, e.authors, e.publication, e.blurb) for e in draft.entries] == [
        (a.url, a.title, a.authors, a.publication or "", a.blurb) for a in issue.articles
    ]
    descriptions = {s.subject: s.description for s in issue.sections}
    back, missing = draft_to_issue(draft, known_articles(), descriptions=descriptions)
    assert missing == ()
    assert back == issue


def test_text_that_looks_like_markup_survives_the_round_trip():
    issue = make_issue()
    first = issue.sections[0].entries[0]
    odd = Article(
        id=9,
        url="https://example.com/odd?a=1&b=2",
        title="# Not a heading: url: nope",
        authors=("Ann: The Analyst",),
        publication="url: Weekly",
        blurb="# starts like a heading.\n\nurl: looks like a field. Second paragraph.\n\n"
        "##glued to its hashes, or ### three of them.",
    )
    sections = (
        issue.sections[0].__class__(issue.sections[0].subject, "", (first, Scored(odd, 1.0))),
    )
    weird = issue.__class__(
        issue.number,
        issue.date,
        "CX: Weekly",
        "Ed: Itor",
        "# A heading-like line in the introduction\nand more.",
        sections,
    )
    draft = parse_draft(write_draft(weird), PATH)
    assert draft.title == "CX: Weekly" and draft.editor == "Ed: Itor"
    assert draft.introduction == weird.introduction
    entry = draft.entries[1]
    assert (entry.title, entry.authors, entry.publication, entry.blurb) == (
        odd.title,
        odd.authors,
        odd.publication,
        odd.blurb,
    )


def edit(text: str) -> str:
    """The editor's edits, made on the text: cut one article, rewrite a blurb and the introduction,
    move one article to the other subject, reorder."""
    head = text[: text.index("\n# The basics") + 1]
    blocks = {
        block.split("\n", 1)[0][3:]: block.rstrip("\n") + "\n\n"
        for block in re.findall(r"^## .*?(?=^#{1,2} |\Z)", text, re.M | re.S)
    }
    assert len(blocks) == 4
    del blocks["Delight or Effortless?"]
    seven = blocks["Seven Steps to an Experience Architecture"].replace(
        "Customer experience is not owned by marketing or support alone. The authors define the "
        "concept and list the steps to a unified approach.",
        "Rewritten by the editor: one team, one experience.",
    )
    return (
        head.replace("Welcome to the *first* installment.", "Welcome back. This one is short.")
        + "# The basics of customer experience\n\n"
        + seven
        + "# Measuring the experience\n\n"
        + blocks["The Four Customer Experience Metrics That Matter"]
        + blocks["Service and Experience Are Not the Same Thing"]
    )


def test_edits_in_the_draft_show_in_every_output(tmp_path):
    edited = edit(write_draft(make_issue()))
    path = draft_path(tmp_path, 1)
    path.write_text(edited, encoding="utf-8")
    draft = read_draft(path)
    issue, missing = draft_to_issue(draft, known_articles())
    assert missing == ()
    files = render_outputs(issue, env=environment(), formats=OUTPUTS)
    order = [
        ("The basics of customer experience", "Seven Steps to an Experience Architecture"),
        ("Measuring the experience", "The Four Customer Experience Metrics That Matter"),
        ("Measuring the experience", "Service and Experience Are Not the Same Thing"),
    ]
    rewritten = "Rewritten by the editor: one team, one experience."
    for name in ("issue-1.html", "issue-1.fragment.html", "issue-1.email.html"):
        soup = BeautifulSoup(files[name], "html.parser")
        # The fragment's headings are a level deeper, under the blog post's own <h1>.
        section, entry = ("h3", "h4") if "fragment" in name else ("h2", "h3")
        titles = [h.get_text() for h in soup.find_all(entry)]
        assert titles == [t for _, t in order], name
        assert "Delight or Effortless?" not in soup.get_text(), name
        assert rewritten in soup.get_text(), name
        assert "authors define the concept" not in soup.get_text(), name
        assert "Welcome back. This one is short." in soup.get_text(), name
        # The moved article sits under its new subject's heading.
        h2_of = {h.get_text(): h.find_previous(section).get_text() for h in soup.find_all(entry)}
        assert h2_of == {t: s for s, t in order}, name
    md = files["issue-1.md"]
    assert md.index("## Measuring the experience") < md.index("Service and Experience")
    assert "Delight" not in md and rewritten in md
    assert yaml.safe_load(md[4:].split("\n---\n")[0])["tags"] == [
        "The basics of customer experience",
        "Measuring the experience",
    ]
    txt = files["issue-1.txt"]
    assert txt.index("Measuring the experience") < txt.index("Service and Experience")
    assert "Delight" not in txt and rewritten in txt.splitlines()
    data = json.loads(files["issue-1.json"])
    assert [[a["title"] for a in s["articles"]] for s in data["sections"]] == [
        ["Seven Steps to an Experience Architecture"],
        [
            "The Four Customer Experience Metrics That Matter",
            "Service and Experience Are Not the Same Thing",
        ],
    ]
    assert data["sections"][0]["articles"][0]["blurb"] == rewritten
    feed = feedparser.parse(files["feed.xml"].encode())
    content = feed.entries[0].content[0].value
    assert rewritten in content and "Delight" not in content


def test_an_article_added_by_url_is_listed_for_fetching_then_rendered(tmp_path):
    text = write_draft(make_issue()).replace(
        "# Measuring the experience\n",
        "# Measuring the experience\n\n## https://new.example.com/nps-is-dead?utm_source=x\n",
    )
    draft = parse_draft(text, PATH)
    added = draft.sections[1].entries[0]
    assert added.url_only and added.url == "https://new.example.com/nps-is-dead?utm_source=x"
    issue, missing = draft_to_issue(draft, known_articles())
    assert missing == ("https://new.example.com/nps-is-dead?utm_source=x",)
    assert len(issue.articles) == 4
    fetched = Article(
        id=42,
        url="https://new.example.com/nps-is-dead",
        title="NPS Is Dead, Long Live NPS",
        authors=("Rae Kim",),
        publication="CX Notes",
        blurb="A defence of the much-maligned score.",
    )
    known = {**known_articles(), fetched.url: fetched}
    issue, missing = draft_to_issue(draft, known)
    assert missing == ()
    assert issue.sections[1].entries[0].article == fetched


def test_an_editors_title_and_blurb_win_over_the_stored_ones():
    text = write_draft(make_issue()).replace(
        "## Delight or Effortless?", "## Delight, or Effortless? (editor's title)"
    )
    issue, _ = draft_to_issue(parse_draft(text, PATH), known_articles())
    article = issue.sections[0].entries[2].article
    assert article.title == "Delight, or Effortless? (editor's title)"
    assert article.id == 3


GOOD_FRONT = "---\ntitle: CX Weekly\nnumber: 2\ndate: 2026-11-25\n---\n"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: x\n", 1, "starts with a '---' line"),
        ("---\ntitle: x\nnumber: 2\n", 1, "never closed"),
        ("---\ntitle: CX: Weekly\nnumber: 2\ndate: 2026-11-25\n---\n", 2, "needs quotes"),
        (
            "---\ntitle: x\nnumber: 2\ndate: 2026-11-25\nsubjects: 3\n---\n",
            5,
            "unknown front matter key 'subjects'",
        ),
        ("---\ntitle: x\nnumber: two\ndate: 2026-11-25\n---\n", 3, "not a whole number"),
        (
            "---\ntitle: x\nnumber: 2\ndate: 2026-11-25\nfeature_again: [[1]]\n---\n",
            5,
            "feature_again must be an article's address",
        ),
        ("---\ntitle: x\nnumber: 2\ndate: next week\n---\n", 4, "write it as 2026-11-25"),
        ("---\ntitle: x\nnumber: 2\n---\n", 4, "needs date"),
        (GOOD_FRONT + "\n## Orphan\nurl: https://a.example/1\n", 7, "comes before any subject"),
        (GOOD_FRONT + "\n# S\n\nstray words\n", 9, "belongs to no article"),
        (GOOD_FRONT + "\n# S\n\n## No link here\nauthor: A\n\nBlurb.\n", 9, "has no url"),
        (GOOD_FRONT + "\n# S\n\n## T\nurl: javascript:alert(1)\n", 10, "not an http or https link"),
        (
            GOOD_FRONT
            + "\n# S\n\n## T\nurl: https://a.example/1\n\n## U\nurl: https://a.example/1?utm_source=z\n",
            12,
            "twice (also at line 9)",
        ),
        (
            GOOD_FRONT + "\n# S\n\n## T\nurl: https://a.example/1\nurl: https://a.example/2\n",
            11,
            "two url lines",
        ),
        (
            GOOD_FRONT + "\n# S\n\n<!-- parked\n## T\nurl: https://a.example/1\n",
            9,
            "never closed with -->",
        ),
        (GOOD_FRONT + "\n# S\n", 6, "has no articles"),
    ],
)
def test_a_broken_draft_names_its_line(text, line, words):
    with pytest.raises(DraftError) as caught:
        parse_draft(text, PATH)
    assert caught.value.line == line, str(caught.value)
    assert words in caught.value.message
    assert str(caught.value).startswith(f"drafts/issue-1.md:{line}: ")


def test_mistakes_in_front_matter_and_body_are_collected_in_line_order():
    text = (
        "---\ntitle: x\nnumber: two\ndate: 2026-11-25\nsubject: S\n---\n\n# S\n\n"
        "## \nurl: https://a.example/0\n\n## T\nurl: https://a.example/1\nautor: A\n\nBlurb.\n\n"
        "## U\n\nNo url above.\n"
    )
    with pytest.raises(DraftMistakes) as caught:
        parse_draft(text, PATH)
    assert [(m.line, m.message.split(";")[0]) for m in caught.value.mistakes] == [
        (3, "number 'two' is not a whole number above 0"),
        (5, "unknown front matter key 'subject'"),
        (10, "this heading is empty: give it a subject or title"),
        (15, "unknown field 'autor:'"),
        (19, "article 'U' has no url: add a line 'url: https://...' right under its heading"),
    ]
    assert str(caught.value).startswith(f"{PATH}: 5 mistakes; nothing was published.")
    assert caught.value.line == 3


def test_author_lines_one_person_each_or_an_authors_list():
    text = (
        GOOD_FRONT + "\n# S\n\n## T\nurl: https://a.example/1\nauthor: Sammy Davis, Jr.\n"
        "Publication: The Post\n\nBlurb.\n\n## U\nurl: https://a.example/2\n"
        "authors: Ann Lee; Bo Chan, Cy Roe\n\nBlurb two.\n"
    )
    first, second = parse_draft(text, PATH).entries
    assert first.authors == ("Sammy Davis, Jr.",) and first.publication == "The Post"
    assert second.authors == ("Ann Lee", "Bo Chan", "Cy Roe")


def test_a_parked_article_and_an_empty_subject_are_left_out():
    text = (
        GOOD_FRONT + "\nIntro.\n\n# Kept\n\n## T\nurl: https://a.example/1\n\nBlurb one.\n\n"
        "<!-- parked for next week\n## P\nurl: https://a.example/2\n-->\n\n# Emptied\n"
    )
    draft = parse_draft(text, PATH)
    assert [s.subject for s in draft.sections] == ["Kept"]
    assert [e.url for e in draft.entries] == ["https://a.example/1"]
    assert draft.entries[0].blurb == "Blurb one."
    assert draft.introduction == "Intro."


def test_an_unreadable_draft_is_a_draft_error(tmp_path):
    bad = tmp_path / "issue-3.md"
    bad.write_bytes(GOOD_FRONT.encode() + b"\n# S\n\n## T \xff\xfe\n")
    with pytest.raises(DraftError, match=r"issue-3.md:9: this line is not UTF-8"):
        read_draft(bad)
    with pytest.raises(DraftError, match="cannot read the draft"):
        read_draft(tmp_path / "missing.md")


def test_hostile_draft_text_never_crashes():
    samples = [
        "",
        "---",
        "---\n---\n",
        "---\n- a\n- b\n---\n",
        "---\ntitle: [1, 2]\nnumber: 1\ndate: 2026-01-01\n---\n# S\n## T\nurl: https://a.example\n",
        "---\n" + "a: [" * 200 + "\n---\n",
        "---\na: " + "[" * 50_000 + "\n---\n",
        "---\ntitle: x\nnumber: 99999999999999999999999\ndate: 2026-01-01\n---\n",
        "\x00" * 1000,
        "---\ntitle: x\nnumber: true\ndate: 2026-01-01\n---\n",
    ]
    for text in samples:
        with pytest.raises(DraftError):
            parse_draft(text, PATH)
