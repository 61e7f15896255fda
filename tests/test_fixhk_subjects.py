"""The subject notes, through the CLI on feeds served from 127.0.0.1 and a real store:

- walk168 #3 (walk172): the one-word rule compared a score with half the LOWER middle score of
  the subject's other articles when they were an even count, not with half their median (the
  mean of the two middle ones), so an article scoring mostly on the word "experience" of the
  subject's name went unsaid;
- CLOSING17: a flagged article a plain build publishes is last in its section, with its warning
  (one on one word kept its place by score);
- CLOSING17: `subjects explain` did not show the "like an article you excluded" note the draft
  and `uncertain` show (fixhe's), so it contradicted the draft.
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

from test_fixhe_like_excluded import CHAT, CUP, POOLS, RUGBY, SUBJECTS, feed, page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

MEASURING = "Measuring the customer experience"
#: Four articles on measuring (the one-word article's others: an even count), the generic one
#: placed there on the word "experience" of the subject's name, and one on customer service.
ITEMS = [
    (
        "CSAT, NPS and CES compared",
        "CSAT, NPS and CES are the three customer experience metrics most teams use. A survey"
        " after each call gives CSAT; the Net Promoter Score survey asks about recommending; the"
        " customer effort score survey asks how hard it was. Each of these metrics answers a"
        " different question.",
    ),
    (
        "Reading your survey results",
        "Read the results of a survey over a quarter, not a week, and only when enough customers"
        " answered it; results read too soon mislead the whole team about what changed, and the"
        " next quarter's plan goes wrong with them.",
    ),
    (
        "A dashboard of three metrics",
        "Pick three metrics for the dashboard: CSAT for each call, the customer effort score for"
        " each task and NPS for the quarter, and show the metrics' trend to the team every month.",
    ),
    (
        "Customer Experience Is Everyone's Job",
        "Customer experience is everyone's job. The experience a customer has is shaped by every"
        " team, and a good experience comes from people who care about the experience they"
        " create. Experience matters, and experience is built every day.",
    ),
    (
        "Customer Service vs. Customer Experience",
        "Customer service is one touchpoint of the customer journey. The difference matters: a"
        " definition of customer service starts at the touchpoints.",
    ),
    (
        "Notes from the quarterly review",
        "The quarterly review ran long. Sales were up, the new office opens in March, and the"
        " staff survey on parking is due next week; the survey closes on Friday, a survey of the"
        " canteen follows, and the last survey's metrics go to the board.",
    ),
]
#: Posts on none of the subjects: the archive the scorer learns its word statistics from.
OTHERS = [
    ("A new camera for the phone", "The phone gets a new camera and a brighter screen."),
    ("Trains run late again", "The railway blamed signals; commuters waited an hour."),
    ("A recipe for bread", "Flour, water, salt and yeast: knead the dough and bake it."),
    ("The election in Spain", "Voters chose a new parliament; coalition talks begin."),
    ("Football: the cup final", "The home side won the cup final with a late goal."),
    ("Review: a quiet laptop", "The laptop is fast and quiet, its speakers thin."),
    ("Rain floods the valley", "Heavy rain flooded the valley; the river burst its banks."),
    ("A museum reopens", "The museum reopens with a hall of paintings and a garden."),
]
FEEDS_YAML = """newsletter:
  title: Customer Experience Weekly
  editor: Walk Editor
  introduction: "Welcome to issue {{number}}."
  issue_size: 5
subjects:
  - name: Customer service basics
    description: What customer service is, how support teams answer, why it matters.
    keywords: [customer service, customer journey, touchpoints, definition, difference]
  - name: Measuring the customer experience
    description: Choosing and reading customer experience metrics such as CSAT, NPS and CES.
    keywords: [CSAT, NPS, Net Promoter Score, customer effort score, survey, metrics]
feeds:
  - url: {feed}
settings:
  allow_private_addresses: true
  fetch_pages: false
"""


def test_the_one_word_rule_takes_the_real_median_and_a_flagged_article_comes_last(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = "".join(
        f"<item><title>{html.escape(t)}</title><link>{http_server.url(f'/a/{i}')}</link>"
        f"<description>{html.escape(d)}</description>"
        f"<pubDate>Tue, {i + 1:02} Dec 2026 10:00:00 GMT</pubDate></item>"
        for i, (t, d) in enumerate([*ITEMS, *OTHERS])
    )
    url = http_server.add(
        "/feed.xml", f'<rss version="2.0"><channel><title>CX</title>{items}</channel></rss>'
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(FEEDS_YAML.format(feed=url), encoding="utf-8")
    conf = ("--config", str(config))
    assert run("fetch", *conf, "-q")[0] == 0
    job = http_server.url("/a/3")
    code, out, err = run("subjects", "list", *conf, "--subject", MEASURING, "--json")
    assert code == 0, err
    scores = {r["url"]: r["score"] for r in json.loads(out)}
    others = sorted(s for u, s in scores.items() if u != job)
    assert len(others) == 4, scores  # an even count: their median is the two middle ones' mean
    median = (others[1] + others[2]) / 2
    # (the lower middle one, which the rule took, lets the article pass; the median does not)
    assert others[1] / 2 < scores[job] < median / 2, (scores, median)

    code, out, err = run("subjects", "explain", *conf, job, "--json")
    assert code == 0, err
    said = json.loads(out)
    assert abs(said["one_word_rule"]["usual_score"] - median) < 0.001, (said, median)
    assert said["one_word"]["word"] == "experience", said
    code, out, err = run("subjects", "explain", *conf, job)
    text = said_as_one(out)
    assert f'placed, but on one word: placed under "{MEASURING}" mostly on the word' in text
    assert f"(half the {median:.3f} its other articles usually score, their median)" in text, text
    assert "flagged: 'experience' makes" in text, text

    # A plain build publishes it, last in its section (by score it came before the review
    # notes), and says so.
    code, out, err = run("build", *conf, "--no-fetch", "-q", "--json")
    assert code == 0, err
    built = json.loads(out)
    assert [o["url"] for o in built["one_word_fits"]] == [job], built
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    section = next(s for s in issue["sections"] if s["subject"] == MEASURING)
    titles = [a["title"] for a in section["articles"]]
    # (the off-field quarterly notes, placed on the keywords "survey" and "metrics" alone, are
    # said too since walk182 #1, and come last with it: both after the articles said of nothing)
    assert set(titles[-2:]) == {
        "Customer Experience Is Everyone's Job",
        "Notes from the quarterly review",
    }, titles
    assert [o["title"] for o in built["keywords_only"]] == ["Notes from the quarterly review"], (
        built
    )
    assert any("fits on one word" in str(w) for w in built["warnings"]), built["warnings"]


def test_explain_shows_the_like_an_article_you_excluded_note(tmp_path: Path) -> None:
    """The draft notes the rugby ticket queue as like the cup final one the editor excluded
    (tests/test_fixhe_like_excluded.py); explain says so too, in text and --json, and not of the
    right chat article of the same week."""
    pick = random.Random(168)
    server = LocalServer().start()
    try:
        items = []
        for s, (subject, pool) in enumerate(POOLS.items()):
            for n in range(5):
                title = f"{subject.split()[0]} note {n + 1}"
                url = server.add(
                    f"/a{s}-{n}.html", page(title, pick.sample(pool, 5)), content_type="text/html"
                )
                items.append((title, url))
        cup = server.add("/cup.html", page(*CUP), content_type="text/html")
        feed(server, [*items, (CUP[0], cup)])
        folder = tmp_path / "nl"
        folder.mkdir()
        config = folder / "feeds.yaml"
        config.write_text(
            "newsletter:\n  title: CX Weekly\n  issue_size: 5\n"
            f"feeds:\n  - url: {server.url('/feed.xml')}\n{SUBJECTS}"
            "settings:\n  allow_private_addresses: true\n",
            encoding="utf-8",
        )
        conf = ("--config", str(config))
        assert run("fetch", *conf, "-q")[0] == 0
        assert run("subjects", "exclude", cup, *conf, "-q")[0] == 0
        assert run("build", *conf, "--no-fetch", "-q")[0] == 0
        rugby = server.add("/rugby.html", page(*RUGBY), content_type="text/html")
        chat = server.add("/chat.html", page(*CHAT), content_type="text/html")
        feed(server, [*items, (CUP[0], cup), (RUGBY[0], rugby), (CHAT[0], chat)])
        assert run("fetch", *conf, "-q")[0] == 0

        code, out, err = run("subjects", "explain", *conf, rugby)
        assert code == 0, err
        text = said_as_one(out)
        assert (
            "Service operations: score" in text
            and f'placed, but like an article you excluded ("{CUP[0]}", {cup}):' in text
            and f"`curator subjects exclude {rugby}" in text
        ), text
        code, out, err = run("subjects", "explain", *conf, rugby, "--json")
        said = json.loads(out)
        assert said["like_excluded"]["excluded_url"] == cup, said
        assert "like an article you excluded" in said["curator_verdict"], said
        code, out, err = run("subjects", "explain", *conf, chat, "--json")
        said = json.loads(out)
        assert said["like_excluded"] is None, said
        assert "like an article you excluded" not in said["curator_verdict"], said
    finally:
        server.stop()
