"""walk94's findings on blurbs: a false "may start mid-story" note where the feed's summary opens
with the article's title, an editor's note at the end of a page costing the page its one-sentence
lead, and a photo caption with no credit opening the blurb."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import LocalServer, run_cli

TOPICS = [
    ("callback queues", "call back within the hour they promised", "keep the slot"),
    ("four-day weeks at call centres", "took fewer sick days", "plan rotas around peaks"),
    ("replies to hotel reviews", "won back unhappy guests", "answer the angry ones first"),
    ("claim forms at insurers", "finished a claim on a phone", "cut every optional field"),
    ("chatbots at banks", "asked for a person less often", "offer the handover early"),
]


def body(n: int) -> str:
    """Three paragraphs of a story of its own (pages alike in text are one story to curator)."""
    topic, found, lesson = TOPICS[n]
    return (
        f"<p>Article {n} looks at how {topic} change the way support desks answer customer"
        f" complaints.</p><p>Researchers found that customers who were helped this way {found}."
        f"</p><p>The lesson for customer service leaders in case {n} is to {lesson}.</p>"
    )


def page(title: str, paras: str) -> str:
    """An article page as walk94's were: an <h1> (the title), a byline, then the paragraphs."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta name="author" content="Tess Long">'
        '<meta property="og:site_name" content="New Desk"></head><body><article>'
        f'<h1>{title}</h1><p class="byline">By Tess Long</p>{paras}</article></body></html>'
    )


def summary(title: str, n: int) -> str:
    """walk94's feed summaries: the title, then a sentence the page does not have."""
    return (
        f"{title}. A feed summary about customer service and support desks for item {n}. It"
        " talks about complaints and agents."
    )


def draft(tmp_path: Path, server: LocalServer, pages: dict[str, str]) -> tuple[str, str]:
    """`curator draft` of a feed linking each of `pages` (title: html), each item's summary opening
    with its title; the draft's text and the run's warnings."""
    items = ""
    for n, (title, html) in enumerate(pages.items()):
        url = server.add(f"/b/{n}", html, content_type="text/html; charset=utf-8")
        items += (
            f"<item><title>{title}</title><link>{url}</link><guid>{url}</guid>"
            f"<pubDate>Tue, 01 Dec 2026 1{n % 10}:00:00 GMT</pubDate>"
            f"<description>{summary(title, n)}</description></item>"
        )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>New Desk</title>'
        f"<link>{server.base}/</link><description>d</description>{items}</channel></rss>"
    )
    config = {
        "newsletter": {"title": "Service Letter", "editor": "Ed"},
        "subjects": [{"name": "Service", "keywords": ["customer", "service", "complaints"]}],
        "feeds": [{"url": server.add("/feed.xml", feed)}],
        "settings": {"allow_private_addresses": True, "timeout": 5},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run_cli("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    return (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8"), err


def under(text: str, title: str) -> str:
    """The blurb under an article's heading in a draft, with the notes after it."""
    section = text[text.index(f"## {title}\n") :].split("\n## ", 1)[0].split("\n# ", 1)[0]
    return section.split("\n\n", 1)[1].strip()


def test_a_feed_summary_opening_with_the_title_is_no_sign_of_a_lost_lead(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk94 #6: the feed's summary opens with the title (5-7 words), which the text read of the
    page does not repeat (it is the page's heading): the draft and the run said the blurb "may
    start mid-story", falsely."""
    titles = [
        "Callback queues that keep their promise",
        "Call centres move to four-day weeks",
        "Hotels answer reviews within the hour",
    ]
    text, err = draft(tmp_path, http_server, {t: page(t, body(n)) for n, t in enumerate(titles)})
    for n, title in enumerate(titles):
        assert under(text, title).startswith(f"Article {n} looks at how "), text
    assert "mid-story" not in text, text
    assert "mid-story" not in err, err


def test_a_pages_one_sentence_lead_is_its_blurb_before_an_editors_note_at_its_end(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk94 #7: a page of a one-sentence lead and an editor's note after it: the note was left
    out, rightly, but the blurb was the feed's summary ("Insurers simplify claim forms. A feed
    summary about ..."), longer than the lead, not the page's own lead."""
    title = "Insurers simplify claim forms"
    lead = (
        "Insurers are cutting their claim forms to a single page so customers can finish them on"
        " a phone."
    )
    html = page(
        title,
        f"<p>{lead}</p><p>Editor's note: This article was updated on Dec. 3 to correct the name"
        " of the survey firm. An earlier version misnamed it.</p>",
    )
    text, _ = draft(tmp_path, http_server, {title: html})
    blurb = under(text, title)
    assert blurb.startswith(f"{lead}\n"), blurb
    assert "A feed summary" not in blurb and "Editor's note" not in blurb, blurb


def test_a_photo_caption_in_italics_next_to_its_picture_does_not_open_the_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk94 #4: a caption with no credit, one sentence in <em> under an <img>, opened the blurb
    ("A customer uses a banking app at a branch in Cardiff. Article 4 ..."), and the only note was
    a false "may start mid-story". Over the picture it is a caption too; an italic paragraph with
    no picture beside it is the article's (an aside the writer set in italics) and stays."""
    caption = "A customer uses a banking app at a branch in Cardiff."
    under_it = "Banks add human fallback to chatbots"
    over_it = "Call centres move to four-day weeks"
    no_picture = "Hotels answer reviews within the hour"
    pages = {
        under_it: page(under_it, f'<img src="/y.jpg" alt=""><p><em>{caption}</em></p>{body(4)}'),
        over_it: page(
            over_it,
            "<p><i>Agents take calls at a contact centre in Leeds on Monday.</i></p>"
            f'<p><a href="/x.jpg"><img src="/x.jpg" alt=""></a></p>{body(1)}',
        ),
        no_picture: page(
            no_picture,
            "<p><em>Hotel managers now read every review the day it is posted, a survey of 300"
            f" of them shows.</em></p>{body(2)}",
        ),
    }
    text, err = draft(tmp_path, http_server, pages)
    assert under(text, under_it).startswith("Article 4 looks at how chatbots at banks"), text
    assert under(text, over_it).startswith("Article 1 looks at how four-day weeks"), text
    assert under(text, no_picture).startswith("Hotel managers now read every review"), text
    assert "Cardiff" not in text and "Leeds" not in text, text
    assert "mid-story" not in err, err
