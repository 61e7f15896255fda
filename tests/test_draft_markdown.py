"""A blurb the editor writes in a draft is Markdown, as the introduction is (walk38 #3): links,
emphasis, code and lists are published as such in the HTML, email and feed editions, sanitised by
the introduction's rules, as readable text in the text edition and JSON, and as Markdown in the
Markdown edition. Text curator writes into a draft reads back as the same text (escaped where
Markdown would read it as markup), and a title or credit line holding Markdown is warned about:
they are plain text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import run_cli
from curator.issuedata import published_issues

DELIGHT = "https://brightline.example/blog/delight-or-effortless"
FIRST_BLURB = "Surprise-and-delight and low-effort service each earn loyalty"


def draft_of(demo: Path) -> Path:
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    return demo.parent / "drafts" / "issue-1.md"


def build(demo: Path, draft: Path) -> tuple[int, str, str]:
    return run_cli("build", "--config", str(demo), "--draft", str(draft))


def output(demo: Path, name: str) -> str:
    return (demo.parent / "output" / name).read_text(encoding="utf-8")


def test_a_markdown_blurb_is_published_as_markup_in_every_edition(demo: Path) -> None:
    path = draft_of(demo)
    text = path.read_text(encoding="utf-8")
    start = text.index(FIRST_BLURB)
    end = text.index("\n\n", start)
    blurb = (
        "Read the [full study](https://example.org/study?a=1&b=2) *first*, then run `ls`.\n"
        "Two scores:\n\n"
        "- CSAT for interactions\n"
        "- CES for processes\n\n"
        "Not [this one](javascript:alert(1)) and <u>not bold</u>."
    )
    path.write_text(text[:start] + blurb + text[end:], encoding="utf-8")
    blurb_at = text[:start].count("\n") + 1

    code, _, err = build(demo, path)
    assert code == 0, err

    html = output(demo, "issue-1.html")
    assert '<a href="https://example.org/study?a=1&amp;b=2"' in html
    assert "<em>first</em>" in html and "<code>ls</code>" in html
    assert "<li>CSAT for interactions</li>\n<li>CES for processes</li>" in html
    assert "[full study]" not in html and "javascript:" not in html
    assert "&lt;u&gt;not bold&lt;/u&gt;" in html  # raw HTML is text, as in the introduction
    email = output(demo, "issue-1.email.html")
    assert "full study</a>" in email and "<li" in email and "javascript:" not in email

    feed = output(demo, "feed.xml")  # the fragment, escaped in the Atom entry's content
    assert "&lt;em&gt;first&lt;/em&gt;" in feed and "javascript:" not in feed
    txt = output(demo, "issue-1.txt")
    assert (
        "Read the full study <https://example.org/study?a=1&b=2> first, then run ls. Two scores:"
        "\n\n- CSAT for interactions\n- CES for processes\n\nNot this one and not bold."
    ) in txt  # no tag in the text edition (walk87 #1), a styling one's words alone (walk107 #3)
    md = output(demo, "issue-1.md")
    assert "Read the [full study](https://example.org/study?a=1&b=2) *first*" in md
    assert "- CSAT for interactions\n- CES for processes" in md
    assert "javascript:" not in md
    (entry,) = [
        a
        for s in json.loads(output(demo, "issue-1.json"))["sections"]
        for a in s["articles"]
        if a["url"] == DELIGHT
    ]
    assert entry["blurb"].startswith("Read the full study <https://example.org/study?a=1&b=2>")
    assert entry["blurb_markdown"].startswith("Read the [full study](https://example.org/")
    assert "<em>first</em>" in entry["blurb_html"]

    # A later build re-renders the archive from issue-1.json: the blurb is still Markdown.
    (issue,) = published_issues(demo.parent / "output")[0].values()
    assert issue.sections[0].entries[0].article.blurb_markdown.startswith("Read the [full")

    # The raw HTML and the unsafe link are warned about, each by its line in the draft.
    assert f'{path}:{blurb_at + 6}: the link "this one" goes to javascript:' in err
    assert f"{path}:{blurb_at + 6}: the HTML <u>, </u> is published as visible text" in err


def test_text_curator_writes_into_a_draft_reads_back_as_the_same_text(demo: Path) -> None:
    draft_of(demo)
    literal = "Costs *fell* [sic] by 5_000: run `ls` & <b>bold</b>. - Not a list, ok."
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        db.execute("UPDATE articles SET blurb = ? WHERE url = ?", (literal, DELIGHT))
    assert run_cli("draft", "--config", str(demo), "-q", "--force")[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    assert "Costs \\*fell\\* \\[sic\\] by 5\\_000" in path.read_text(encoding="utf-8")

    code, _, err = build(demo, path)
    assert code == 0, err
    assert "is published as visible text" not in err
    assert (
        "Costs *fell* [sic] by 5_000: run `ls` &amp; &lt;b&gt;bold&lt;/b&gt;. - Not a list, ok."
        in output(demo, "issue-1.html")
    )
    assert literal.replace("<b>bold</b>", "< b>bold< /b>") in output(demo, "issue-1.txt")
    entry = json.loads(output(demo, "issue-1.json"))["sections"][0]["articles"][0]
    assert entry["blurb"] == literal and "blurb_markdown" not in entry


def test_markdown_in_a_title_or_credit_line_is_warned_about(demo: Path) -> None:
    path = draft_of(demo)
    lines = path.read_text(encoding="utf-8").split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("## Delight"))
    lines[heading] = "## Delight or *Effortless*?"
    lines[heading + 3] = "publication: <b>Brightline</b>"
    path.write_text("\n".join(lines), encoding="utf-8")

    code, _, err = build(demo, path)
    assert code == 0, err
    assert (
        f'{path}:{heading + 1}: the title "Delight or *Effortless*?" holds the emphasis *...*,'
        " which the web, email, Markdown and JSON editions show as typed"
    ) in err
    assert f'{path}:{heading + 1}: the publication "<b>Brightline</b>" holds the HTML <b>' in err
    assert "Delight or *Effortless*?</a>" in output(demo, "issue-1.html")


#: Feed texts that look like a draft's own markup: comments, headings, fields, rules.
HOSTILE_TITLES = [
    "Customer <!-- experience",
    "Loyalty <!-- hidden --> wins",
    "Escaped \\<!-- opener",
    "# Hash --> first",
    "url: in a title",
]
HOSTILE_BLURBS = [
    "Customer experience teams closed the </div> gaps in the layout. An unclosed <!-- comment"
    " here breaks nothing, the team said.",
    "An unclosed <!-- comment with nothing else that is markup in the line at all.",
    "Comments end with --> in HTML. Loyalty <!-- a --> wins, and \\<!-- keeps its backslash.",
    "# Not a heading but a hashtag line.\n\n---\n\nurl: https://x.example is where it lives.",
    "<!-- opens the blurb. Less than: a < b and c > d, with C:\\path\\ and a \\ alone.",
]


def test_an_unedited_draft_of_hostile_feed_texts_publishes_as_a_plain_build(
    demo: Path, tmp_path: Path
) -> None:
    """walk77 #1: text curator escaped in a draft (`\\<!--`) was read back as an editor's
    unclosed comment, so the draft curator wrote could not be published. Whatever curator writes
    into a draft reads back as the same text: `build --draft` on the unedited draft publishes the
    titles and blurbs a plain build does."""
    import shutil

    draft_of(demo)
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        urls = [row[0] for row in db.execute("SELECT url FROM articles ORDER BY url")]
        for url, title, blurb in zip(urls, HOSTILE_TITLES * 2, HOSTILE_BLURBS, strict=False):
            db.execute(
                "UPDATE articles SET title = ?, blurb = ? WHERE url = ?", (title, blurb, url)
            )
    plain = tmp_path / "plain"
    shutil.copytree(demo.parent, plain)
    code, _, err = run_cli("build", "--config", str(plain / "feeds.yaml"), "--no-fetch")
    assert code == 0, err
    assert run_cli("draft", "--config", str(demo), "-q", "--force", "--no-fetch")[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"

    code, _, err = build(demo, path)
    assert code == 0, err
    assert "never closed" not in err

    def published(folder: Path) -> dict[str, tuple[str, str]]:
        issue = json.loads((folder / "output" / "issue-1.json").read_text(encoding="utf-8"))
        return {
            a["url"]: (a["title"], a["blurb"]) for s in issue["sections"] for a in s["articles"]
        }

    drafted, built = published(demo.parent), published(plain)
    assert drafted == built
    shown = {text for pair in built.values() for text in pair}
    assert len(shown & {*HOSTILE_TITLES, *HOSTILE_BLURBS}) >= 6
