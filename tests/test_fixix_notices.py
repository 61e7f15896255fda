"""walk185 #N1 (fixix): the notice rules of fixis dropped real sentences and whole paragraphs.

A first paragraph "X Teams that listened saw loyalty rise within a year." lost both sentences
when X named cookies in a sentence that goes on ("We use cookies and similar technologies, and
this is what our customers taught us about them."), lost its lead when X was a note of where the
post first appeared, and a sentence of reported speech about privacy settings was dropped. Feed
descriptions of the same shapes (`fetch_pages: false`) were published with an empty blurb. Here
the pages are served from a real HTTP server on 127.0.0.1 and built through the CLI.
"""

from __future__ import annotations

import html
from pathlib import Path

from hostile_helpers import write_config
from test_fixis_notices import _build, _serve

from conftest import LocalServer, run_cli

LEAD = "Teams that listened saw loyalty rise within a year."

#: Story sentences that name cookies or privacy settings: each stays in its blurb.
STORY = [
    "We use cookies and similar technologies, and this is what our customers taught us about them.",
    "We use cookies to remember what a visitor put in the basket, and customers expect that"
    " memory to work.",
    "You can manage your preferences at any time, we promised customers, and then we made it hard.",
    "You can change your privacy settings at any time, our support agents tell callers, but few"
    " callers know where.",
]

NOTE = "This article was originally published in our internal newsletter in 2019."


def _blurb(issue: str, title: str) -> str:
    """The text after an article's title in the issue: its byline ("Jo Example || Supportdesk
    Journal"), then its blurb."""
    assert title in issue, (title, issue)
    after = issue[issue.index(title) + len(title) :]
    for byline in ("Jo Example || Supportdesk Journal ", "Jane Roe || Service Notes "):
        if after.lstrip().startswith(byline):
            return after.lstrip()[len(byline) :][:400]
    return after[:400]


def test_a_story_sentence_naming_cookies_or_privacy_keeps_its_place_in_the_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    served = _serve(http_server, [[f"{story} {LEAD}"] for story in STORY])
    issue = _build(tmp_path, http_server)
    for story, (title, _) in zip(STORY, served, strict=False):
        blurb = _blurb(issue, title)
        assert blurb.lstrip().startswith(" ".join(story.split()[:8])), (story, blurb)
        assert LEAD in blurb or story in blurb, (story, blurb)


def test_a_first_published_note_drops_only_itself(tmp_path: Path, http_server: LocalServer) -> None:
    served = _serve(http_server, [[f"{NOTE} {LEAD}"]])
    issue = _build(tmp_path, http_server)
    blurb = _blurb(issue, served[0][0])
    assert blurb.lstrip().startswith(LEAD), blurb
    assert "originally published" not in issue, issue


#: Feed descriptions (the feed's pages never read): (description, what its blurb must hold).
DESCRIPTIONS = [
    (
        "We use cookies to remember what a shopper put in the basket, and customers notice when"
        " that memory fails. Here is what our support team learnt from the complaints.",
        "We use cookies to remember what a shopper put in the basket",
    ),
    (
        "This article was originally published in our internal newsletter. Customers who wait on"
        " hold for more than ten minutes rarely come back, our data shows.",
        "Customers who wait on hold for more than ten minutes rarely come back",
    ),
]


def test_a_feed_description_keeps_its_sentences_that_are_no_notice(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = "".join(
        f"<item><title>Feed piece d{n}</title><link>{http_server.url(f'/d{n}.html')}</link>"
        "<dc:creator>Jane Roe</dc:creator><pubDate>Mon, 02 Nov 2026 09:00:00 +0000</pubDate>"
        f"<description>{html.escape(desc)}</description></item>"
        for n, (desc, _) in enumerate(DESCRIPTIONS, 1)
    )
    http_server.add(
        "/feed.xml",
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Service Notes</title><link>http://127.0.0.1/</link>"
        f"<description>x</description>{items}</channel></rss>",
        content_type="application/rss+xml",
    )
    config = write_config(
        tmp_path, [{"url": http_server.url("/feed.xml"), "fetch_pages": False}], issue_size=20
    )
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, out + err
    assert "could be one" not in out + err, out + err
    issue = " ".join((tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").split())
    for n, (_, kept) in enumerate(DESCRIPTIONS, 1):
        assert kept in _blurb(issue, f"Feed piece d{n}"), (kept, issue)
    assert "originally published" not in issue, issue
