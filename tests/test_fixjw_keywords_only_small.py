"""walk190 #4: on a small store, `curator subjects uncertain` flagged the wrong article as fitting
"Service operations" only through its keywords.

A new newsletter: six posts on running a support desk, seven on customer-experience metrics, and
a BBC feed of entertainment stories (two of them on concert tickets) and one rugby ticket queue.
The rule compares an article's other words with the articles under no subject; these were all
entertainment pieces, and the on-field "Routing Tickets to the Right Agent the First Time" was
flagged while the rugby queue was not: a U2 ticket record, under the subject with 48% of its
score on "ticket", made the rugby piece's words look like the subject's. It came right only once
15 sport stories were stored. Now every article under the subject is judged for what its
articles look like, each without the one most like it: the rugby queue is flagged, the routing
post and the other support posts are not. Served by a local HTTP server; BBC texts from the
corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fixhe_like_excluded import page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

SUBJECTS = """subjects:
  - name: Service operations
    description: Running customer support day to day, contact centre staffing, ticket queues and service levels.
    keywords: [ticket, queue, backlog, staffing, SLA, help desk, contact centre]
  - name: Measuring the customer experience
    description: Choosing, collecting and interpreting customer experience metrics such as CSAT, NPS and CES.
    keywords: [CSAT, NPS, Net Promoter Score, customer effort score, survey, benchmark, KPI]
"""
SERVICE = [
    (
        "Clearing a Support Ticket Backlog in Two Weeks",
        [
            "Our support ticket backlog had grown to 4,000 open tickets, and customers waited nine"
            " days for a first reply from the contact centre.",
            "We triaged the queue by customer impact, closed duplicate tickets and asked agents to"
            " work the oldest tickets first each morning.",
            "Within two weeks the backlog was under 500 tickets and first response time met our"
            " SLA again.",
        ],
    ),
    (
        "Staffing the Contact Centre for Monday Peaks",
        [
            "Every Monday the contact centre queue doubles, and customers abandon calls after four"
            " minutes on hold.",
            "Workforce management forecasts let us schedule more agents for the Monday peak and"
            " move back-office work to Friday.",
            "Abandonment fell by half and agent overtime dropped, because staffing now follows the"
            " queue rather than the calendar.",
        ],
    ),
    (
        "Service Level Agreements That Customers Feel",
        [
            "An SLA measured in hours means little to a customer whose ticket bounces between three"
            " support teams.",
            "Set service levels on resolution, not first touch, and report breaches to the team"
            " that owns the ticket queue.",
            "Publish your support hours and expected reply times so customers know what to expect"
            " from the help desk.",
        ],
    ),
    (
        "Routing Tickets to the Right Agent the First Time",
        [
            "Skills-based routing sends each support ticket to an agent who can resolve it, so"
            " fewer tickets are transferred.",
            "Tag tickets by product and language at intake, and let the routing rules keep the"
            " queue balanced across the help desk.",
            "Transfers fell from one ticket in five to one in twenty after we rebuilt the routing.",
        ],
    ),
    (
        "Escalation Paths for Urgent Support Cases",
        [
            "When a customer reports an outage, the ticket must reach the on-call engineer in"
            " minutes, not sit in the general support queue.",
            "Define escalation tiers, who owns each, and the service level for every tier in the"
            " help desk.",
            "Review escalated tickets weekly to find the defects that generate them.",
        ],
    ),
    (
        "Self-Service Deflection Without Frustration",
        [
            "A good help centre answers the common questions before a customer opens a support"
            " ticket, shrinking the queue for agents.",
            "Measure deflection honestly: a customer who reads an article and then opens a ticket"
            " anyway was not helped.",
            "Update help articles from the top ticket reasons every month.",
        ],
    ),
]
METRICS = [
    (
        "Metrics for Every Stage of the Customer Journey",
        [
            "Measuring the customer journey means choosing metrics for each stage: CSAT after"
            " support, NPS for the relationship, CES for self-service.",
            "Survey each stage with one question and benchmark the KPI over time.",
            "Tie every metric to an ROI figure the board understands.",
        ],
    ),
    (
        "Customer Effort Score, Step by Step",
        [
            "Customer effort score asks one survey question after a service interaction: how easy"
            " was it to solve your problem?",
            "Collect CES alongside CSAT and NPS, benchmark it monthly and treat it as the KPI of"
            " your self-service channel.",
            "Low effort is the metric most tied to loyalty in the research.",
        ],
    ),
    (
        "Benchmark NPS Against Yourself First",
        [
            "A Net Promoter Score benchmark is only as good as the survey behind it: ask at the"
            " same moment of the customer journey each quarter.",
            "Compare your NPS and CSAT against the same KPI a year ago before comparing with"
            " rivals.",
            "Publish the metric with its response rate and ROI case.",
        ],
    ),
    (
        "When CSAT and NPS Disagree",
        [
            "Customer satisfaction and Net Promoter Score often disagree: a customer can be"
            " satisfied with a support ticket yet unlikely to recommend the company.",
            "Use CSAT survey results for the interaction and NPS as the relationship benchmark,"
            " and report each KPI with its sample size.",
        ],
    ),
    (
        "CSAT per Agent: Fair or Not?",
        [
            "A customer satisfaction survey after every support ticket gives a CSAT metric per"
            " agent, which is a fair KPI only when the sample is large.",
            "Benchmark CSAT by channel, and compare the NPS of customers who contacted support"
            " with those who did not.",
            "The ROI of support shows in the NPS gap.",
        ],
    ),
    (
        "Build a KPI Tree for Customer Experience",
        [
            "A KPI tree links each customer experience metric, from CSAT and NPS to effort, to the"
            " business result it drives.",
            "Start from revenue and churn, and place every survey metric under the outcome it"
            " predicts.",
            "The tree shows which benchmark deserves a dashboard and which does not.",
        ],
    ),
    (
        "How Acme Telecom Raised Its NPS 22 Points",
        [
            "Acme Telecom has raised its Net Promoter Score by 22 points in one year after"
            " rebuilding its customer satisfaction survey around a single question, the company"
            " said.",
            "Acme now benchmarks NPS and CSAT every month and ties each KPI to churn, which it says"
            " proved the ROI of the programme.",
            "The survey response rate doubled once the questionnaire shrank to two questions, its"
            " head of CX said.",
        ],
    ),
]
RUGBY = (
    "Rugby fans queue overnight for cup final tickets",
    [
        "Thousands of rugby fans queued overnight outside the stadium ticket office for cup final"
        " tickets, and the queue stretched for a mile by dawn.",
        "The club said its ticket office had a backlog of online orders after the website crashed,"
        " and extra staffing was brought in to clear the queue.",
        "Season ticket holders were promised priority, but many said they had waited hours in the"
        " queue without a ticket.",
        "The final, between Leicester and Wasps, kicks off at Twickenham on Saturday, with the"
        " winners lifting the trophy for a record fourth time.",
    ],
)
#: The corpus's two entertainment stories on concert tickets the walker's feed carried.
TICKETS = ("bbc-entertainment-137", "bbc-entertainment-140")


def entertainment(corpus: Path, n: int) -> list[tuple[str, list[str]]]:
    """The two concert-ticket stories, then the first `n` other entertainment stories that say
    neither "ticket" nor "queue" (the BBC feed of the walker's newsletter)."""
    path = corpus / "topics" / "bbc-news" / "articles.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing (the shared corpus's BBC news texts)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in rows}
    if not all(i in by_id for i in TICKETS):
        pytest.skip(f"{path} lacks {TICKETS} (the corpus's concert-ticket stories)")
    others = [
        r
        for r in rows
        if r["label"] == "entertainment"
        and "ticket" not in r["text"].lower()
        and "queue" not in r["text"].lower()
    ][:n]
    picked = [by_id[i] for i in TICKETS] + others
    return [(r["title"], [p for p in r["text"].split("\n") if p.strip()]) for r in picked]


def test_a_small_store_flags_the_rugby_queue_not_the_routing_post(
    tmp_path: Path, corpus: Path
) -> None:
    server = LocalServer().start()
    try:
        items = []
        for n, (title, paragraphs) in enumerate(SERVICE + METRICS):
            url = server.add(f"/s{n}.html", page(title, paragraphs), content_type="text/html")
            items.append((title, url))
        for n, (title, paragraphs) in enumerate(entertainment(corpus, 30)):
            url = server.add(f"/b{n}.html", page(title, paragraphs), content_type="text/html")
            items.append((title, url))
        rugby = server.add("/rugby.html", page(*RUGBY), content_type="text/html")
        items.append((RUGBY[0], rugby))
        feed(server, items)
        folder = tmp_path / "nl"
        folder.mkdir()
        config = folder / "feeds.yaml"
        config.write_text(
            "newsletter:\n  title: Service Notes\n  issue_size: 3\n"
            f"feeds:\n  - url: {server.url('/feed.xml')}\n{SUBJECTS}"
            "settings:\n  allow_private_addresses: true\n",
            encoding="utf-8",
        )
        conf = ("--config", str(config))
        code, _, err = run("fetch", *conf, "-q")
        assert code == 0, err
        code, out, err = run("subjects", "list", *conf, "-q", "--json")
        assert code == 0, err
        placed = {r["title"]: r["subject"] for r in json.loads(out)}
        # (as the walker's store had them: the rugby queue under "Service operations", and the
        # unplaced articles all entertainment)
        assert placed[RUGBY[0]] == "Service operations", placed
        assert all(placed[t] == "Service operations" for t, _ in SERVICE), placed

        code, out, err = run("subjects", "uncertain", *conf, "-q", "--json", "--limit", "60")

        assert code == 0, err
        noted = {
            u["title"]: u["keywords_only"]
            for u in json.loads(out)
            if u["reason"] == "keywords only"
        }
        assert RUGBY[0] in noted, noted
        assert noted[RUGBY[0]]["subject"] == "Service operations", noted
        assert not noted.keys() & {t for t, _ in SERVICE + METRICS}, noted  # (no false alarm)
        code, out, err = run("subjects", "uncertain", *conf, "-q", "--limit", "60")
        assert code == 0, err
        text = said_as_one(out)
        assert 'fits "Service operations" only through its keywords' in text, text
        assert f"`curator subjects exclude {rugby} --config" in text, text
    finally:
        server.stop()


def feed(server: LocalServer, items: list[tuple[str, str]]) -> None:
    """One RSS feed of `items` (title, URL), each dated a day of November."""
    import html

    rss = "".join(
        f"<item><title>{html.escape(t)}</title><link>{url}</link><guid>{url}</guid>"
        f"<pubDate>Mon, {1 + n % 28:02d} Nov 2026 10:00:00 +0000</pubDate></item>"
        for n, (t, url) in enumerate(items)
    )
    server.add(
        "/feed.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Service Reading</title>{rss}'
        "</channel></rss>",
    )
