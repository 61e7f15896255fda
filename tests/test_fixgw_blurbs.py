"""walk167's findings on blurbs (fixgw): a byline paragraph ("Written by Nora Kim. Photography by
Leo Grant") opened the blurb (#1); a lead opening with a quotation in double quotes was dropped,
the blurb opening on the paragraph after it (#3); a feed summary whose first line is the item's
title kept the title in the blurb (#4); a blurb was stitched from two sentences that were not
adjacent in the text, the second leaning on the one skipped, with no note (#6). One build of a
feed whose pages are read and one read without its pages; then a draft."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
import yaml

from conftest import LocalServer, run_cli, said_as_one

#: Five articles, each opening with a lead of its own (its first words) after its byline.
ARTICLES = (
    "<p>We live in a competitive world where service desks are judged on every ticket they"
    " close. Most self-service portals fail because nobody owns the articles they hold.</p>"
    "<p>Teams that give each article an owner see fewer repeat tickets within a quarter.</p>",
    "<p>Greenhouse tomatoes ripen faster under red light than under white, growers in Almeria"
    " found. The trial ran for two seasons across forty farms.</p>"
    "<p>Yields rose by a tenth, and the fruit kept its colour longer on the shelf.</p>",
    "<p>The city's oldest ferry will sail its last crossing in June after ninety years of"
    " service. Its engine parts are no longer made anywhere in Europe.</p>"
    "<p>A museum in the harbour has offered to take the wheelhouse.</p>",
    "<p>Chess clubs in rural schools have doubled in number since the pandemic, a survey of"
    " head teachers shows. Most began with a single board in a library.</p>"
    "<p>Teachers credit online games for the first spark of interest.</p>",
    "<p>Sleep apnoea goes undiagnosed in most adults who have it, a review of clinic records"
    " suggests. Snoring alone is rarely enough for a referral.</p>"
    "<p>Home sleep tests could shorten waiting lists by months, its authors say.</p>",
)
#: Each byline paragraph (or two) that opened a page's article, and the article's first words:
#: none of the byline may open the blurb, the article's lead does.
BYLINES = {
    "Portals Need Owners": (
        "<p>Last updated on August 25, 2022</p>"
        "<p><em>Written by Nora Kim. Photography by Leo Grant</em></p>",
        "We live in a competitive world",
    ),
    "Red Light for Tomatoes": (
        "<p>Written by Nora Kim. Photography by Leo Grant</p>",
        "Greenhouse tomatoes ripen faster",
    ),
    "The Last Ferry Crossing": (
        "<p>Words by Tomas Berg. Photography by Leo Grant</p>",
        "The city's oldest ferry",
    ),
    "Chess in Rural Schools": (
        "<p>Written by Kofi Mensah. Photography by Omar Haddad</p>",
        "Chess clubs in rural schools",
    ),
    "Undiagnosed Sleep Apnoea": (
        "<p>Medically reviewed by Sam Tate, MD — Written by Tomas Berg</p>",
        "Sleep apnoea goes undiagnosed",
    ),
}

QUOTE_TITLE = "The Bank That Stopped Surveying"
QUOTE_LEAD = (
    "“We stopped asking customers how we did the moment they hung up, because the ones who"
    " were unhappy had already decided to leave,” said Dana Whitcombe, head of service at"
    " Northwind Bank."
)
QUOTE_PAGE = (
    f"<p>{QUOTE_LEAD}</p>"
    "<p>The bank replaced its post-call satisfaction survey with a follow-up call a week later."
    " Agents now ask what the customer did next, not how the call felt.</p>"
    "<p>Complaints about the survey itself vanished within a month.</p>"
)
STRAIGHT_TITLE = "A Hotel Without a Front Desk"
STRAIGHT_LEAD = (
    '"Nobody enjoys a queue at midnight, least of all after a delayed flight," said Ines Moreau,'
    " general manager of the Hotel Lumen in Lyon."
)
STRAIGHT_PAGE = (
    f"<p>{html.escape(STRAIGHT_LEAD, quote=False)}</p>"
    "<p>The hotel now sends room keys to guests' phones before they arrive. Complaints about"
    " check-in have all but disappeared since the change in spring.</p>"
)
#: A pull quote set apart (a <blockquote>, an <aside>) is still never the blurb's lead.
PULL_TITLE = "Queues Are Moving Online"
PULL_PAGE = (
    "<blockquote><p>“Nobody should queue twice for the same answer, and nobody should have to"
    " explain their problem to three different people,” said the head of the council.</p>"
    "</blockquote><aside><p>“A queue is a promise you keep or break,” said a visitor to the"
    " council's office in March this year.</p></aside>"
    "<p>Virtual queues let customers leave the line and come back when it is their turn. Theme"
    " parks pioneered them; clinics and council offices now use them too.</p>"
)

#: #6: the page's later run scores better on the title's words, but its second sentence follows
#: a sentence of its paragraph the blurb would skip ("…sorry, I should explain ...").
LEANING_TITLE = "Samantha and the Great Big Lie"
LEANING_PAGE = (
    "<p>I have to say something about this article before anything else: the reason I am"
    " writing it makes me furious. I am too cross to swear, which is rare for me. Worse, the"
    " people I am mad at say they want exactly what the piece below offers.</p>"
    "<p>Now, read this post by a podcast fan about the app business. First, it is a"
    " well-written critical piece that raises a few points in a calm, rational fashion, exactly"
    " the kind of thing the pushers of the Great Big Lie say we need more of.</p>"
    "<p>…sorry, I should explain the Great Big Lie. There are several, but in this case, our"
    " specific Great Big Lie is about criticism. Over and over, you hear that we need better"
    " criticism, not rage.</p>"
)

#: #4: each item's title, then its summary, which opens with that title.
TITLED = {
    "Five Ways to Cut Hold Times": "<p>Five Ways to Cut Hold Times</p><p>Long hold times are the"
    " complaint customers mention first. Callback queues and better routing cut them without"
    " hiring more agents.</p>",
    "Seven Ways to Cut Wait Times": "Seven Ways to Cut Wait Times. Long waits at the checkout"
    " drive shoppers to rival stores within a year. Opening tills by forecast, not by habit,"
    " halves them.",
    "Eight Ways to Shorten Queues": "<h2>Eight Ways to Shorten Queues</h2><p>Museum visitors"
    " queue longest on rainy Sunday mornings. Timed tickets and a second entrance spread them"
    " over the day.</p>",
    "Nine Ways to Trim Hold Music": "<p><strong>Nine Ways to Trim Hold Music</strong></p><p>Hold"
    " music annoys callers more than silence does, a phone survey of insurers found. A callback"
    " offer after one minute spares them most of it.</p>",
}


def _page(title: str, body: str) -> bytes:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        '<meta property="og:site_name" content="Service Desk Blog"></head><body><main><article>'
        f"<h1>{html.escape(title)}</h1>{body}</article></main></body></html>"
    ).encode()


def _feed(server: LocalServer, name: str, items: list[tuple[str, str, str]]) -> str:
    now = datetime.now(UTC)
    rows = "".join(
        f"<item><title>{html.escape(title)}</title><link>{url}</link><guid>{url}</guid>"
        f"<pubDate>{format_datetime(now - timedelta(hours=number + 1))}</pubDate>"
        f"<description>{html.escape(summary)}</description></item>"
        for number, (title, url, summary) in enumerate(items)
    )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{name}</title><link>{server.base}/</link><description>x</description>{rows}"
        "</channel></rss>"
    )
    return server.add(f"/{name}.xml", feed.encode("utf-8"))


PAGES = {
    **{
        title: byline + article
        for (title, (byline, _)), article in zip(BYLINES.items(), ARTICLES, strict=True)
    },
    QUOTE_TITLE: QUOTE_PAGE,
    STRAIGHT_TITLE: STRAIGHT_PAGE,
    PULL_TITLE: PULL_PAGE,
    LEANING_TITLE: LEANING_PAGE,
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    """(build's stderr, each article's published blurb by title)."""
    tmp_path = tmp_path_factory.mktemp("fixgw")
    server = LocalServer().start()
    try:
        pages = [
            (
                title,
                server.add(
                    f"/p/{number}.html",
                    _page(title, body),
                    content_type="text/html; charset=utf-8",
                ),
                "",
            )
            for number, (title, body) in enumerate(PAGES.items())
        ]
        summaries = [
            (title, f"{server.base}/s/{number}.html", summary)
            for number, (title, summary) in enumerate(TITLED.items())
        ]
        config = {
            "newsletter": {"title": "Desk Notes", "editor": "Ed", "issue_size": 40},
            "subjects": [
                {
                    "name": "Service",
                    "keywords": ["customer", "portal", "queue", "hold", "bank", "criticism"],
                },
                {
                    "name": "Elsewhere",
                    "keywords": ["tomato", "ferry", "chess", "apnoea", "checkout", "shopper"],
                },
            ],
            "feeds": [
                {"url": _feed(server, "pages", pages), "name": "Desk Pages"},
                {
                    "url": _feed(server, "summaries", summaries),
                    "name": "Desk Summaries",
                    "fetch_pages": False,
                },
            ],
            "settings": {"allow_private_addresses": True, "timeout": 5},
        }
        path = tmp_path / "feeds.yaml"
        path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
        code, _, err = run_cli("build", "--config", str(path), "--all-subjects")
    finally:
        server.stop()
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    blurbs = {
        article["title"]: article["blurb"]
        for section in issue["sections"]
        for article in section["articles"]
    }
    assert set(PAGES) | set(TITLED) <= set(blurbs), err
    return err, blurbs


def test_a_byline_paragraph_never_opens_the_blurb(
    published: tuple[str, dict[str, str]],
) -> None:
    """walk167 #1: "Written by Nora Kim. Photography by Leo Grant" (after a "Last updated" line,
    in italics or not; "Words by ...", "Medically reviewed by ... — Written by ...") opened the
    blurb: "Written by Nora Kim. We live in a competitive world. ...". The article's lead opens it."""
    _, blurbs = published
    for title, (_, lead) in BYLINES.items():
        assert blurbs[title].startswith(lead), (title, blurbs[title])
        for word in ("Written by", "Words by", "Photography", "reviewed by", "Last updated"):
            assert word not in blurbs[title], (title, blurbs[title])


def test_a_lead_opening_with_a_quotation_is_the_lead(
    published: tuple[str, dict[str, str]],
) -> None:
    """walk167 #3: a page's lead paragraph opening with a quotation in double quotes (curly or
    straight) was dropped, the blurb opening "The bank replaced ..." (the bank never named). It is
    the lead, and opens the blurb; a pull quote set apart in a <blockquote> or <aside> still never
    does."""
    _, blurbs = published
    assert blurbs[QUOTE_TITLE].startswith(QUOTE_LEAD), blurbs[QUOTE_TITLE]
    assert blurbs[STRAIGHT_TITLE].startswith(STRAIGHT_LEAD), blurbs[STRAIGHT_TITLE]
    assert blurbs[PULL_TITLE].startswith("Virtual queues let customers"), blurbs[PULL_TITLE]


def test_a_summary_opening_with_the_title_loses_the_title(
    published: tuple[str, dict[str, str]],
) -> None:
    """walk167 #4: a feed summary whose first line (a paragraph, a heading, a bold line, or the
    first sentence of plain text) is the item's title kept the title in the blurb: "Five Ways to
    Cut Hold Times. Long hold times are ...". The blurb opens with the lead after it."""
    _, blurbs = published
    for title in TITLED:
        assert title.lower() not in blurbs[title].lower(), (title, blurbs[title])
    assert blurbs["Five Ways to Cut Hold Times"].startswith("Long hold times are"), blurbs
    assert blurbs["Seven Ways to Cut Wait Times"].startswith("Long waits at"), blurbs
    assert blurbs["Eight Ways to Shorten Queues"].startswith("Museum visitors queue"), blurbs
    assert blurbs["Nine Ways to Trim Hold Music"].startswith("Hold music annoys"), blurbs


def test_a_blurb_is_not_stitched_across_a_skipped_sentence(
    published: tuple[str, dict[str, str]],
) -> None:
    """walk167 #6: "First, it is a well-written critical piece ... There are several, but ...":
    two sentences not adjacent in the text ("…sorry, I should explain the Great Big Lie." between
    them, skipped), the second leaning on the one skipped, published with no note. The blurb's
    sentences follow each other in the text."""
    _, blurbs = published
    blurb = blurbs[LEANING_TITLE]
    assert "There are several" not in blurb, blurb
    assert not blurb.startswith("First, it"), blurb


LONG_LEAD_TITLE = "Why Ticket Queues Grow"
LONG_LEAD_PAGE = (
    "<p>Every service desk that has grown past a handful of agents knows the feeling of a queue"
    " that keeps growing however many tickets are closed each day, because each closed ticket"
    " seems to bring two more with it, from the same customers, about the same products, asking"
    " the same questions that the knowledge base was supposed to answer years ago when it was"
    " first written by a team that has long since moved on to other work in other parts of the"
    " company.</p>"
    "<p>First, the queue grows because answers go stale in the knowledge base. Second, nobody is"
    " asked to retire an answer once the product it describes has changed.</p>"
)


def test_a_blurb_opening_on_a_discourse_word_gets_a_note(tmp_path: Path) -> None:
    """walk167 #6, the note: a blurb that opens with a word needing a sentence before it
    ("First, ...", "However, ...") where the page's text does not open so is noted in the draft
    and warned about by a plain build, as one opening on "He" is."""
    server = LocalServer().start()
    try:
        url = server.add(
            "/p/a.html", _page(LONG_LEAD_TITLE, LONG_LEAD_PAGE), content_type="text/html"
        )
        config = {
            "newsletter": {"title": "Desk Notes", "editor": "Ed"},
            "subjects": [{"name": "Service", "keywords": ["queue", "ticket"]}],
            "feeds": [{"url": _feed(server, "pages", [(LONG_LEAD_TITLE, url, "")])}],
            "settings": {"allow_private_addresses": True, "timeout": 5},
        }
        path = tmp_path / "feeds.yaml"
        path.write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
        code, _, draft_err = run_cli("draft", "--config", str(path), "--all-subjects")
        assert code == 0, draft_err
        draft = sorted((tmp_path / "drafts").glob("*.md"))[-1].read_text(encoding="utf-8")
        code, _, err = run_cli("build", "--config", str(path), "--all-subjects")
    finally:
        server.stop()
    assert code == 0, err
    assert "First, the queue grows" in draft, draft
    assert '<!-- Check this blurb: it opens with "First,"' in said_as_one(draft), draft
    assert 'opens with "First,"' in said_as_one(err), err
