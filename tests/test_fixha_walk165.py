"""walk165: an off-topic post published under "Measuring the customer experience" on the single word
"measures" of the subject's name, unsaid (#1). Served by a local HTTP server, placed in a real
SQLite store, written with the real templates."""

from __future__ import annotations

import html
from pathlib import Path

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

ITEMS = [
    (
        "The 4 Most Important Customer Experience Metrics",
        "Customer experience can seem like an amorphous goal without data. As with any"
        " significant initiative, businesses should use metrics to benchmark, set goals and track"
        " improvement in customer experience. This article lays out a few of the many ways"
        " businesses can use data to keep tabs on their customer experience: satisfaction,"
        " effort (CES), likelihood to recommend (NPS) and task completion.",
    ),
    (
        "Customer Service vs. Customer Experience",
        "Customer experience is not customer service. The customer journey crosses every"
        " touchpoint, and the difference matters: customer service is one touchpoint of the"
        " customer experience. A definition of customer experience starts with the journey.",
    ),
    (
        "Touchpoints of the customer journey",
        "Map each touchpoint of the customer journey: the customer experience is the sum of"
        " them. Customer service answers at one touchpoint; the customer journey has many.",
    ),
    (
        "What Goes Up",
        "Apple wasn't wrong: fiscal 2015 was Apple's most successful year ever, by the objective"
        " measures of both revenue and profit. You can decide to define most successful in terms"
        " of something else, like percentage growth or stock price gains, but revenue and profit"
        " are pretty fair measures. Apple lives and dies by the iPhone; iPad sales are flat, Mac"
        " sales are up, and the stock price went up two percent the day after earnings.",
    ),
]
#: Other posts of the feed, on none of the subjects (a link blog's day): the archive the scorer learns
#: its word statistics from, as a real feed's is.
OTHERS = [
    (
        "A new camera for the phone",
        "The phone gets a new camera, a bigger battery and a brighter screen.",
    ),
    (
        "Trains run late again",
        "The railway blamed signals; commuters waited an hour at the station.",
    ),
    (
        "A recipe for bread",
        "Flour, water, salt and yeast: knead the dough and bake it for forty minutes.",
    ),
    (
        "The election in Spain",
        "Voters chose a new parliament; the coalition talks begin next week.",
    ),
    ("Football: the cup final", "The home side won the cup final with a late goal in extra time."),
    (
        "Review: a quiet laptop",
        "The laptop is fast and quiet, its keyboard good, its speakers thin.",
    ),
    (
        "Rain floods the valley",
        "Heavy rain flooded the valley; the river burst its banks overnight.",
    ),
    ("A museum reopens", "The museum reopens with a hall of paintings and a new garden café."),
]
FEEDS_YAML = """newsletter:
  title: Customer Experience Weekly
  editor: Walk Editor
  introduction: "{intro}"
  issue_size: 4
subjects:
  - name: The basics of customer experience
    description: What customer experience is, how it differs from customer service, why it matters.
    keywords: [customer experience, customer service, customer journey, touchpoints, definition, difference]
  - name: Measuring the customer experience
    description: Choosing and reading customer experience metrics such as CSAT, NPS and CES.
    keywords: [CSAT, NPS, Net Promoter Score, customer effort score, survey, metrics]
{themes}feeds:
  - url: {feed}
settings:
  allow_private_addresses: true
  fetch_pages: false
"""


def _newsletter(
    tmp_path: Path,
    http_server: LocalServer,
    intro: str = "Welcome to issue {number}.",
    themes: str = "",
) -> Path:
    """feeds.yaml of a newsletter reading the feed of ITEMS and OTHERS, served."""
    items = "".join(
        f"<item><title>{html.escape(t)}</title><link>{http_server.url(f'/a/{i}')}</link>"
        f"<description>{html.escape(d)}</description>"
        f"<pubDate>Tue, {i + 1:02} Dec 2026 10:00:00 GMT</pubDate></item>"
        for i, (t, d) in enumerate([*ITEMS, *OTHERS])
    )
    feed = http_server.add(
        "/feed.xml", f'<rss version="2.0"><channel><title>CX</title>{items}</channel></rss>'
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(FEEDS_YAML.format(feed=feed, intro=intro, themes=themes), encoding="utf-8")
    return config


def test_a_post_placed_on_one_word_of_a_small_subjects_name_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = _newsletter(tmp_path, http_server)
    assert run("fetch", "--config", str(config))[0] == 0
    up = http_server.url(f"/a/{len(ITEMS) - 1}")
    code, out, err = run("subjects", "explain", "--config", str(config), up)
    assert code == 0, err
    assert "Measuring the customer experience: score" in out, out
    code, out, err = run("subjects", "uncertain", "--config", str(config))
    assert code == 0, err
    assert "fits on one word" in said_as_one(out), out
    code, out, err = run("draft", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'"What Goes Up" ({up}) fits on one word: placed under "Measuring the customer experience"'
        ' mostly on the word "measuring", a word of the subject\'s name'
    ) in said, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "<!-- Fits on one word" in draft, draft


def test_theme_mid_sentence_starts_with_a_lower_case_article(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk165 #6: "First things first: let's review {theme}." read "let's review The basics of
    customer experience."; at a sentence's start the name is written as it is."""
    config = _newsletter(
        tmp_path,
        http_server,
        intro="First things first: let's review {theme}. {theme} comes first.",
        themes="themes:\n  plan: [The basics of customer experience]\n  min_articles: 1\n",
    )
    code, out, err = run("build", "--config", str(config))
    assert code == 0, err
    page = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert (
        "let's review the basics of customer experience. The basics of customer experience"
        " comes first."
    ) in " ".join(page.replace("&#x27;", "'").replace("&#39;", "'").split()), page
