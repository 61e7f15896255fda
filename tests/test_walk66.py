"""walk66: real platforms' feeds, served on 127.0.0.1 with article pages not read.

#1 a Blogger team blog files every post under its group account ("Google Testing Bloggers") and
names the author in a byline that opens the post (`<i>By: Patrik Höglund</i>`): the byline's
person is credited, and the byline is no part of the blurb. #2 platform footers (Medium's
"... was originally published in X on Medium, where people are continuing the conversation ...",
Omny's "See omnystudio.com/listener for privacy information.") and Blogger's note on where a post
first appeared are never blurbs. #3 a podcast whose description and itunes:summary are cut with
"..." gets its blurb from its whole itunes:subtitle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import LocalServer, run_cli

BLOGGER = "feeds/real/rss-parser/input/many-links.rss"
MEDIUM = "feeds/real/rss-parser/input/content-encoded.rss"
OMNY = "feeds/real/feed-rs/rss2/rss_2.0_spiegel.xml"
BBC = "feeds/real/feed-rs/rss2/rss_2.0_bbc.xml"

PILLAR_3 = "Hackable Projects - Pillar 3: Infrastructure"
YAGNI = "Code Health: Eliminate YAGNI Smells"
END_TO_END = "Testing on the Toilet: What Makes a Good End-to-End Test?"
EIGHT_REASONS = "Eight Reasons You Shouldn’t Grow Your Own Food"


def corpus_feed(corpus: Path, name: str, titles: tuple[str, ...] = ()) -> bytes:
    """The corpus feed as it is, or cut down to the items (entries) with these titles, byte for
    byte otherwise (read from the corpus, never copied)."""
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"the corpus feed {path} is missing")
    text = path.read_text(encoding="utf-8")
    if not titles:
        return text.encode("utf-8")
    tag = "item" if "<item>" in text else "entry"
    items = list(re.finditer(rf"<{tag}>.*?</{tag}>", text, re.S))
    kept = [
        m.group(0)
        for m in items
        if any(
            re.search(rf">(?:<!\[CDATA\[)?{re.escape(t)}(?:\]\]>)?</title>", m.group(0))
            for t in titles
        )
    ]
    assert len(kept) == len(titles), f"{name} no longer has the items {titles}"
    return (text[: items[0].start()] + "\n".join(kept) + text[items[-1].end() :]).encode("utf-8")


def newsletter(tmp_path: Path, server: LocalServer, feeds: list[tuple[str, bytes]]) -> Path:
    """A newsletter of one subject every feed is hinted into, reading only the feeds."""
    config = {
        "newsletter": {"title": "Walk Weekly", "editor": "Ed", "issue_size": 10},
        "subjects": [
            {
                "name": "Everything",
                "description": "Software, testing, gardening, food, news and history.",
                "keywords": [
                    "code",
                    "testing",
                    "food",
                    "nachrichten",
                    "history",
                    "emperor",
                    "build",
                ],
            }
        ],
        "feeds": [
            {"url": server.add(path, body), "subjects": ["Everything"]} for path, body in feeds
        ],
        "settings": {"fetch_pages": False, "allow_private_addresses": True, "timeout": 5},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def block(issue: str, title: str) -> str:
    """An article's part of the plain-text issue: its title, credit line, blurb and address."""
    start = issue.index(title)
    end = issue.find("\nhttp", start)
    return issue[start : issue.find("\n", end + 1)]


def test_a_blogger_byline_credits_its_author_and_stays_out_of_the_blurb(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    feed = corpus_feed(corpus, BLOGGER, (PILLAR_3, YAGNI, END_TO_END))
    config = newsletter(tmp_path, http_server, [("/testing.xml", feed)])
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    # It published "Google Testing Bloggers || Google Testing Blog" over "By: Patrik Höglund This
    # is the third article ...".
    assert "Google Testing Bloggers" not in issue
    assert "By:" not in issue and "By Marc" not in issue and "by Adam" not in issue
    pillar = block(issue, PILLAR_3)
    assert "Patrik Höglund || Google Testing Blog" in pillar, pillar
    assert "We have seen in our previous articles how Code Health" in pillar, pillar
    # "A version of this post originally appeared in Google bathrooms ... You can download a
    # printer-friendly version ... By Marc Eaddy The majority of ...": the byline comes after
    # the post's note on where it first appeared, which is no blurb either (#2).
    yagni = block(issue, YAGNI)
    assert "Marc Eaddy || Google Testing Blog" in yagni, yagni
    assert "originally appeared" not in yagni and "printer-friendly" not in yagni, yagni
    assert "The majority of software development costs are due to maintenance." in yagni, yagni
    # "by Adam Bender This article was adapted from a Google Testing on the Toilet (TotT)
    # episode.": a byline run into the note.
    assert "Adam Bender || Google Testing Blog" in block(issue, END_TO_END)
    assert "adapted from" not in block(issue, END_TO_END)


def literal_feed(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS feed of (title, dc:creator, HTML content) items."""
    from xml.sax.saxutils import escape

    body = "".join(
        f"<item><title>{escape(title)}</title><link>https://blog.example/{n}</link>"
        f"<dc:creator>{escape(creator)}</dc:creator><description>{escape(html)}</description></item>"
        for n, (title, creator, html) in enumerate(items)
    )
    return (
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>Zeta Blog</title><link>https://blog.example/</link>{body}</channel></rss>"
    ).encode()


STORY = (
    "<p>Testing code well takes a plan that the whole team shares and keeps up to date.</p>"
    "<p>Every build should run the fast tests first, so that a broken change is caught early.</p>"
)
BUDGET = (
    "<p>Test budgets decide how many machines a project can spend on each change it builds.</p>"
    "<p>Spending more on flaky suites buys less than fixing the code that makes them flaky.</p>"
)
HABITS = (
    "<p>Good habits in code review save more time than any testing tool ever bought.</p>"
    "<p>Small changes, read the same day, keep the build green and the reviewers awake.</p>"
)


def test_a_byline_beside_a_persons_credit_and_a_sentence_starting_with_by(
    tmp_path: Path, http_server: LocalServer
) -> None:
    feed = literal_feed(
        [
            # A person's credit in the feed stays; the byline is still no part of the blurb.
            ("Testing plans", "Amy Chen", f"<p>By Ben Okafor</p>{STORY}"),
            # A sentence that opens with "By" is no byline.
            (
                "Testing budgets",
                "Zeta Blog Team",
                "<p>By Monday the build had been broken for a week by untested code.</p>" + BUDGET,
            ),
            # "Posted by X on DATE" under a team's account credits X.
            (
                "Testing habits",
                "Zeta Blog Team",
                f"<p>Posted by Dana Ruiz on March 3, 2024</p>{HABITS}",
            ),
        ]
    )
    config = newsletter(tmp_path, http_server, [("/zeta.xml", feed)])
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    plans = block(issue, "Testing plans")
    assert "Amy Chen || Zeta Blog" in plans and "Ben Okafor" not in plans, plans
    assert "Testing code well takes a plan" in plans, plans
    budgets = block(issue, "Testing budgets")
    assert "By Monday the build had been broken" in budgets, budgets
    assert budgets.splitlines()[2] == "Zeta Blog", budgets  # the publication's own team: no one
    habits = block(issue, "Testing habits")
    assert "Dana Ruiz || Zeta Blog" in habits and "Posted by" not in habits, habits


def test_platform_footers_are_never_blurbs(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    feeds = [
        ("/medium.xml", corpus_feed(corpus, MEDIUM, (EIGHT_REASONS,))),
        ("/omny.xml", corpus_feed(corpus, OMNY)),
    ]
    config = newsletter(tmp_path, http_server, feeds)
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    medium = block(issue, "Eight Reasons")
    for footer in ("originally published", "continuing the conversation", "will be unlocked"):
        assert footer not in medium, medium
    assert "Growing your own food is one of the best ways" in medium, medium
    spiegel = block(issue, "die Wochenvorschau")
    assert "omnystudio" not in spiegel and "privacy" not in spiegel, spiegel
    assert "Die wichtigsten Nachrichten aus der SPIEGEL-Redaktion." in spiegel, spiegel


@pytest.mark.parametrize(
    "line",
    [
        "Learn more about your ad choices. Visit megaphone.fm/adchoices",
        "Hosted on Acast. See acast.com/privacy for more information.",
    ],
)
def test_podcast_hosts_footers_are_never_blurbs(
    tmp_path: Path, http_server: LocalServer, line: str
) -> None:
    lead = "<p>Testing code well takes a plan that the whole team shares and keeps up to date.</p>"
    feed = literal_feed([("Testing week", "Amy Chen", f"{lead}<p>{line}</p>")])
    config = newsletter(tmp_path, http_server, [("/pod.xml", feed)])
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    text = block(issue, "Testing week")
    assert "Testing code well takes a plan" in text, text
    assert "ad choices" not in text and "Acast" not in text, text


def test_a_podcast_cut_short_gets_its_blurb_from_its_subtitle(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = newsletter(tmp_path, http_server, [("/bbc.xml", corpus_feed(corpus, BBC))])
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    # It said: no blurb could be made for "Marcus Aurelius".
    assert "no blurb could be made" not in err, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert (
        "Melvyn Bragg and guests discuss the life and meditations of 'the last good Roman emperor'."
        in block(issue, "Marcus Aurelius")
    )
