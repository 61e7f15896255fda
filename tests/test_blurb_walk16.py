"""Blurbs as walk 16 (finding 5) read them on real pages: no dateline at their start, no sentence
said twice, no heading glued to the first sentence, and the editor is told of a blurb of one
sentence (blurbs are two or three) in the draft, under the blurb, and in the build's warnings."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import LocalServer, run_cli, sans_config
from tests.test_blurb_pages import extracted_blurb, page_bytes

WEBMD = "articles/readability/webmd-2/source.html"
ENGADGET = "articles/readability/engadget/source.html"
FIREFOX = "articles/readability/firefox-nightly-blog/source.html"
TELEGRAPH = "articles/readability/telegraph/source.html"

#: The Firefox Nightly page's own description (and its feed's): the heading "Highlights" and the
#: list under it run together.
FIREFOX_SUMMARY = (
    "Highlights Here's our Firefox Year in Review! Here\u2019s our Performance Year in Review! "
    "We've just landed Bug 1553982, which aims to prevent starting an update while another "
    "Firefox instance ..."
)
MUGABE = (
    "Zimbabwe President Robert Mugabe, his wife Grace and two key figures from her G40 political "
    "faction are under house arrest"
)
#: A page with one sentence and nothing else to say.
ONE_LINER = (
    "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
    "<p>The old harbour of Kirkwall reopened to ferries on Monday after a winter of repairs.</p>"
    "</article></body></html>"
)


def test_extract_drops_a_dateline_before_the_lead(corpus: Path, tmp_path: Path) -> None:
    """WebMD's blurb opened "April 17, 2015 -- Imagine being sick ..."."""
    blurb = extracted_blurb(corpus, WEBMD, tmp_path)
    assert blurb.startswith("Imagine being sick in the hospital with a bacterial infection"), blurb
    assert "2015" not in blurb


def test_extract_never_says_the_same_thing_twice(corpus: Path, tmp_path: Path) -> None:
    """Engadget's blurb was the description "The Xbox One X is the most powerful gaming console
    ever, ..." then the lead "The Xbox One X is the ultimate video game system."."""
    blurb = extracted_blurb(corpus, ENGADGET, tmp_path)
    assert blurb.startswith("The Xbox One X is the most powerful gaming console ever"), blurb
    assert blurb.count("The Xbox One X is") == 1, blurb
    assert "It sports more horsepower than any system ever." in blurb


def newsletter(tmp_path: Path, http_server: LocalServer, corpus: Path) -> Path:
    """A feed of real pages served on 127.0.0.1, with the summaries walk 16's feed gave them, and
    a page of a single sentence."""
    items = [
        ("These Weeks in Firefox: Issue 85", FIREFOX_SUMMARY, page_bytes(corpus, FIREFOX)),
        ("Mugabe under house arrest", "", page_bytes(corpus, TELEGRAPH)),
        ("Harbour reopens", "", ONE_LINER.encode("utf-8")),
    ]
    xml = "".join(
        f"<item><title>{escape(title)}</title>"
        f"<link>{http_server.add(f'/p{n}.html', page, content_type='text/html; charset=utf-8')}"
        f"</link><description>{escape(summary)}</description>"
        f"<pubDate>Mon, 23 Nov 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, (title, summary, page) in enumerate(items, 1)
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{xml}</channel></rss>'
    )
    config = {
        "newsletter": {"title": "Test Weekly", "editor": "Ed"},
        "subjects": [{"name": "News", "keywords": ["firefox", "mugabe", "harbour"]}],
        "feeds": [{"url": http_server.add("/feed.xml", feed.encode("utf-8"))}],
        "settings": {"fetch_pages": True, "allow_private_addresses": True, "timeout": 10},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_build_unglues_a_heading_and_warns_of_one_sentence_blurbs(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = newsletter(tmp_path, http_server, corpus)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    # The feed's summary, without the heading glued on.
    # (As the feed writes it: "Here's" straight, then "Here’s" curly.)
    assert "Here's our Firefox Year in Review! Here’s our Performance Year in Review!" in issue
    assert "Highlights Here" not in issue
    # One sentence each, published as they are (never padded), and the editor told which and why.
    assert MUGABE in issue
    assert (
        'the blurb of "Mugabe under house arrest" (http://www.telegraph.co.uk/news/2017/' in err
        and "is one sentence (its page has more text, but no second sentence that fit" in err
    ), err
    assert (
        'the blurb of "Harbour reopens" (http://127.0.0.1:' in err
        and "is one sentence (its feed and page had no more text" in err
    ), err
    assert err.count("is one sentence") == 2
    draft = tmp_path / "drafts" / "issue-2.md"
    assert (
        f"`curator draft` (which writes {draft}), then `curator build --draft {draft}`"
        in sans_config(err)
    ), err


def test_draft_notes_a_one_sentence_blurb_under_it(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = newsletter(tmp_path, http_server, corpus)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    note = "<!-- This blurb is one sentence (blurbs are 2-3)"
    assert draft.count(note) == 2, draft
    for block in draft.split("\n## ")[1:]:
        title = block.splitlines()[0]
        assert (note in block) == (title != "These Weeks in Firefox: Issue 85"), block
    assert err.count("is one sentence") == 2
    assert "add a sentence under its heading in" in err
    # The note is a comment: the draft builds as written, the blurb without it.
    code, _, err = run_cli(
        "build", "--config", str(config), "--draft", str(tmp_path / "drafts" / "issue-1.md")
    )
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "This blurb is one sentence" not in issue
    assert MUGABE in issue


def test_the_drafts_note_and_the_warning_give_one_reason_for_a_one_sentence_blurb(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk20 #8: the Zimbabwe blurb's note said "nothing more fit from its feed or page" while
    stderr said "its page has more text"."""
    config = newsletter(tmp_path, http_server, corpus)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    flat = " ".join(err.split())
    for title, why in (
        ("Mugabe under house arrest", "its page has more text, but no second sentence that fit"),
        ("Harbour reopens", "its feed and page had no more text to make one of 2-3 sentences"),
    ):
        block = next(b for b in draft.split("\n## ")[1:] if b.startswith(title))
        assert f"<!-- This blurb is one sentence (blurbs are 2-3): {why}" in block, block
        assert f'the blurb of "{title}" (' in flat
        assert (
            flat.split(f'the blurb of "{title}" (', 1)[1]
            .split(")", 1)[1]
            .startswith(f" is one sentence ({why}")
        ), err
    assert "nothing more fit" not in draft
