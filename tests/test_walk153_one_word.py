"""walk153, as the editor sees it: a customer-experience newsletter whose subjects share one
field. Generic articles ("Customer Service vs. Customer Experience", the shared seeds) were placed
under "Measuring the customer experience" on the word "experience" of its name, and nothing said so
(#1); a subject whose keywords were a neighbour's got no article, and neither `overlap` nor `list`
said why (#5); removing a subject suggested rename targets other than where its articles went
(#7). Served by a local HTTP server: feeds of seed-like articles, their pages, and the seeds."""

from __future__ import annotations

import html
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import LocalServer, said_as_one, shared_dir
from conftest import run_cli as run

POOLS = {
    "m": [
        "Net Promoter Score asks one question about the likelihood to recommend, and the answer only matters when you segment it.",
        "CSAT surveys sent right after a support interaction measure the interaction, not the relationship.",
        "A customer effort score tells you how hard it was to get something done, which predicts disloyalty better than delight.",
        "Survey response rates fall when the survey is longer than three questions, so keep the instrument short.",
        "Benchmarking your NPS against an industry average hides the sampling differences between companies.",
        "Track the metric over time with confidence intervals rather than celebrating a two point jump.",
        "Relationship surveys and transactional surveys answer different questions and should not be averaged together.",
        "Detractors, passives and promoters are buckets; the distribution beneath them tells you more than the score.",
        "A dashboard of twelve CX metrics is a dashboard nobody reads; pick the two that drive decisions.",
        "Sample size matters: a CSAT of 92 percent from forty responses is noise.",
    ],
    "s": [
        "Contact center staffing starts with forecasting the volume of calls and chats by half hour.",
        "Average handle time is a cost metric; pushing agents to cut it usually raises repeat contacts.",
        "First contact resolution falls when tickets are routed to the wrong queue.",
        "Workforce management software schedules agents against the forecast and the service level target.",
        "A knowledge base that agents trust shortens every call and every chat.",
        "Escalation paths and SLA timers keep the backlog from growing over the weekend.",
        "Self-service deflection only works when the help center article actually resolves the issue.",
        "Shift adherence, occupancy and schedule flexibility decide whether agents burn out.",
        "Ticket tagging discipline is what makes the support backlog analysable at all.",
        "Omnichannel routing sends the chat, the email and the phone call of one customer to the same agent.",
    ],
    "v": [
        "Voice of the customer programs collect feedback from interviews, reviews and open text comments.",
        "Closing the loop means calling back the customer who left the complaint and telling them what changed.",
        "Text analytics on survey verbatims groups thousands of comments into themes a product team can act on.",
        "Customer interviews uncover the why behind the complaint that a rating never will.",
        "A customer advisory board gives a handful of customers a standing seat in roadmap discussions.",
        "Listening posts include call recordings, app store reviews, social media and community forums.",
        "Share the verbatims, not only the themes: a quote from a real customer moves executives.",
        "Feedback without an owner is noise; assign every theme to a team that can fix it.",
        "Sentiment analysis misreads sarcasm, so read a sample of comments yourself every week.",
        "The inner loop fixes one customer's problem; the outer loop fixes the process that caused it.",
    ],
    "c": [
        "Customer success managers own onboarding, adoption and the renewal of each account.",
        "A customer health score combines product usage, support tickets and executive sponsorship.",
        "Churn rarely surprises the account team; the warning signs were in usage data months before renewal.",
        "Quarterly business reviews should show the value the customer got, not a list of features shipped.",
        "Expansion revenue comes from accounts that reached their first outcome quickly during onboarding.",
        "Time to value is the onboarding metric that predicts net revenue retention.",
        "Segment accounts into high-touch, low-touch and tech-touch coverage by annual contract value.",
        "A success plan written with the customer names the outcomes they bought the software for.",
        "Renewal forecasting improves when CSMs flag risk early instead of at ninety days out.",
        "Customer success playbooks turn a good CSM's habits into steps the whole team can follow.",
    ],
    "j": [
        "A customer journey map lays out each stage from awareness to purchase to renewal from the customer's side.",
        "Moments of truth are the touchpoints where a customer decides whether to trust you.",
        "Service blueprints add the backstage processes beneath the journey's frontstage touchpoints.",
        "Personas built from research, not assumptions, keep the journey map honest.",
        "Map the current-state journey before you design the future-state one.",
        "Pain points cluster at handoffs between channels and between departments.",
        "Journey analytics stitches events from web, app and store into one path per customer.",
        "Emotional highs and lows along the journey matter as much as the steps themselves.",
    ],
}
NAMES = {
    "m": "Measuring the customer experience",
    "s": "Service operations",
    "v": "Voice of the customer",
    "c": "Customer success",
    "j": "Customer journeys",
}
TITLES = {
    "m": [
        "5 ways to make your NPS survey mean something",
        "NPS 2026: what the benchmarks hide",
        "CSAT vs CES: which score should you report?",
        "Why your CX dashboard has too many metrics",
        "The statistics of a two point NPS change",
        "Transactional and relationship surveys, explained",
        "10 survey questions that get honest answers",
        "Customer effort score in practice",
        "How many responses does a CSAT need?",
        "Reading the NPS distribution, not the number",
        "3 mistakes in CX benchmarking",
        "Measuring loyalty beyond the score",
    ],
    "s": [
        "Forecasting contact volume by the half hour",
        "Average handle time is not your friend",
        "7 routing rules that raise first contact resolution",
        "Workforce management for small support teams",
        "Building a knowledge base agents trust",
        "SLA timers and the weekend backlog",
        "Self-service deflection that actually deflects",
        "Agent burnout and occupancy",
        "Ticket tagging: a discipline, not a chore",
        "Omnichannel routing in 2026",
        "Episode 412: Running a 24/7 contact center",
        "Staffing the holiday peak",
    ],
    "v": [
        "Closing the loop with detractors",
        "Text analytics for survey verbatims",
        "What customer interviews reveal",
        "Running a customer advisory board",
        "12 listening posts you are ignoring",
        "Let the verbatims speak",
        "Every feedback theme needs an owner",
        "Sentiment analysis and sarcasm",
        "Inner loop, outer loop",
        "Episode 87: Building a VoC program from scratch",
        "From complaint to roadmap",
        "Reading app store reviews at scale",
    ],
    "c": [
        "Onboarding is where churn begins",
        "Designing a customer health score",
        "The QBR your customer wants",
        "Time to value: the metric that matters",
        "4 signals of churn months before renewal",
        "Tech-touch customer success for the long tail",
        "Writing a success plan with your customer",
        "Renewal forecasting for CSMs",
        "Playbooks for customer success teams",
        "Expansion starts at onboarding",
        "Customer success in 2026: 6 predictions",
        "Coverage models by contract value",
    ],
    "j": [
        "Journey mapping for beginners",
        "Moments of truth in the customer journey",
        "Service blueprints behind the journey",
        "Personas that keep journey maps honest",
        "Current state before future state",
        "Pain points at the handoffs",
        "Journey analytics across channels",
        "Emotion curves on the journey map",
    ],
}


#: Articles on two subjects: (the main one, the other, title).
MIXED = [
    ("m", "v", "NPS comments: where measurement meets the voice of the customer"),
    ("s", "c", "When support tickets predict churn"),
    ("v", "j", "Journey maps built from customer feedback"),
    ("c", "m", "Health scores vs NPS for renewal"),
]
#: The shared seeds of generic customer-experience articles, (file, title).
SEEDS = [
    (
        "001_739418a17562dea6.txt",
        "Customer Service vs. Customer Experience: Defining the Difference",
    ),
    (
        "004_5e3bfac5c66e6edd.txt",
        "Just What Is Customer Experience? It's Not Just Customer Service",
    ),
]
SUBJECTS = """subjects:
  - name: Measuring the customer experience
    description: Choosing and reading customer experience metrics such as CSAT, NPS and CES.
    keywords: [CSAT, NPS, Net Promoter Score, customer effort score, survey, benchmark, metric,
      response rate, dashboard]
  - name: Service operations
    description: Running the contact center and support team day to day.
    keywords: [contact center, handle time, staffing, forecast, routing, ticket, SLA, agent,
      backlog, knowledge base]
  - name: Voice of the customer
    description: Collecting customer feedback and acting on it.
    keywords: [voice of the customer, feedback, verbatim, interviews, closing the loop,
      text analytics, listening post, advisory board]
  - name: Customer success
    description: Onboarding, adoption, retention and renewal of customer accounts.
    keywords: [customer success, onboarding, churn, renewal, health score, QBR, CSM, expansion]
  - name: Customer journey mapping
    description: Mapping and designing the customer journey across touchpoints.
    keywords: [journey map, touchpoint, service blueprint, persona, moments of truth, pain point]
"""


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{html.escape(title)}</title>"
        '<meta name="author" content="Walk Editor"></head><body><article>'
        f"<h1>{html.escape(title)}</h1>{body}</article></body></html>"
    )


def serve(server: LocalServer, seeds: Path) -> str:
    """The feed of every article (its pages served too); the feed's URL."""
    pick = random.Random(153)
    items = []
    articles = [(k, None, t) for k, ts in TITLES.items() for t in ts[:8]] + MIXED
    for n, (a, b, t) in enumerate(articles):
        sentences = pick.sample(POOLS[a], 5) + (pick.sample(POOLS[b], 3) if b else [])
        pick.shuffle(sentences)
        paragraphs = [f"{s} {pick.choice(POOLS[a])}" for s in sentences]
        items.append((t, server.add(f"/a{n}.html", page(t, paragraphs), content_type="text/html")))
    for n, (name, t) in enumerate(SEEDS):
        lines = [x.strip() for x in (seeds / name).read_text(encoding="utf-8").splitlines()]
        paragraphs = [x for x in lines if x]
        items.append(
            (t, server.add(f"/seed{n}.html", page(t, paragraphs), content_type="text/html"))
        )
    rss = "".join(
        f"<item><title>{html.escape(t)}</title><link>{url}</link><guid>{url}</guid>"
        f"<pubDate>Mon, {1 + n % 28:02d} Nov 2026 10:00:00 +0000</pubDate></item>"
        for n, (t, url) in enumerate(items)
    )
    return server.add(
        "/feed.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>CX Reading</title>{rss}'
        "</channel></rss>",
    )


@pytest.fixture(scope="module")
def fetched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The newsletter's folder with every article fetched and placed (copy it to change it)."""
    seeds = shared_dir() / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"the shared seeds are not at {seeds} (set CURATOR_SHARED to its parent)")
    server = LocalServer().start()
    try:
        folder = tmp_path_factory.mktemp("walk153")
        feed = serve(server, seeds)
        (folder / "feeds.yaml").write_text(
            "newsletter:\n  title: Customer Experience Weekly\n  issue_size: 12\n"
            f"feeds:\n  - url: {feed}\n{SUBJECTS}settings:\n  allow_private_addresses: true\n",
            encoding="utf-8",
        )
        code, _, err = run("fetch", "--config", str(folder / "feeds.yaml"), "-q")
        assert code == 0, err
        yield folder
    finally:
        server.stop()


def copied(fetched: Path, tmp_path: Path) -> Path:
    """A copy of the fetched newsletter; its feeds.yaml."""
    folder = tmp_path / "nl"
    shutil.copytree(fetched, folder)
    return folder / "feeds.yaml"


def seed_urls(config: Path) -> list[str]:
    feed = config.read_text(encoding="utf-8").split("url: ", 1)[1].split("\n", 1)[0]
    base = feed.rsplit("/", 1)[0]
    return [f"{base}/seed{n}.html" for n in range(len(SEEDS))]


def test_an_article_placed_on_one_word_is_said_in_the_draft_the_build_and_uncertain(
    fetched: Path, tmp_path: Path
) -> None:
    """walk153 #1: the generic seeds went under "Measuring the customer experience" on the word
    "experience" alone (its name's), far under that subject's usual score; `uncertain` never
    listed them, and the draft and the build published them without a word. Each says it now,
    and of the articles on the subjects (scoring as usual) it says nothing."""
    config = copied(fetched, tmp_path)
    seeds = seed_urls(config)
    code, out, err = run("subjects", "uncertain", "--config", str(config), "-q", "--json")
    assert code == 0, err
    listed = {u["url"]: u for u in json.loads(out)}
    lone = [u for u in listed.values() if u["reason"] == "one word"]
    assert sorted(u["url"] for u in lone) == sorted(seeds), listed
    for u in lone:
        assert u["subject"] == "Measuring the customer experience", u
        assert u["one_word"]["word"] == "experience", u
        assert u["one_word"]["word_of"] == "name", u
    code, out, err = run("subjects", "uncertain", "--config", str(config), "-q")
    said = said_as_one(out)
    assert (
        'fits on one word: placed under "Measuring the customer experience" mostly on the word'
        ' "experience", a word of the subject\'s name, not of its keywords ('
    ) in said, said
    # (an issue as long as the subject's articles: the seeds are among them)
    subject = ("--subject", "Measuring the customer experience")
    code, _, err = run("draft", "--config", str(config), *subject, "--no-fetch", "-q")
    assert code == 0, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    blocks = [b.split("\nurl: ", 1)[1] for b in draft.split("\n## ")[1:]]
    noted = [b.split("\n", 1)[0] for b in blocks if "Fits on one word:" in b]
    assert sorted(noted) == sorted(seeds), draft
    said = said_as_one(err)
    for url in noted:
        assert f"({url}) fits on one word: placed under" in said, said
    assert said.count("fits on one word") == len(noted), said
    code, out, err = run("build", "--config", str(config), *subject, "--no-fetch", "-q", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert sorted(o["url"] for o in doc["one_word_fits"]) == sorted(seeds), doc
    warned = [w for w in doc["warnings"] if "fits on one word" in str(w)]
    assert len(warned) == len(noted), doc["warnings"]
    assert "`curator subjects exclude" in str(warned[0]), warned


def without_subject(config: Path, name: str) -> None:
    """feeds.yaml without the subject `name` (its three lines)."""
    lines = config.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"  - name: {name}")
    end = at + 1
    while not lines[end].startswith(("  - name:", "settings:")):
        end += 1
    config.write_text("\n".join(lines[:at] + lines[end:]), encoding="utf-8")


def test_keywords_two_subjects_share_are_named_by_overlap_and_list(
    fetched: Path, tmp_path: Path
) -> None:
    """walk153 #5: "Customer surveys", given `survey` and `response rate` (already keywords of
    Measuring the customer experience), got no article; `overlap` said nothing of it and `list`
    only "no article is under it"."""
    config = copied(fetched, tmp_path)
    text = config.read_text(encoding="utf-8").replace(
        "settings:",
        "  - name: Customer surveys\n"
        "    description: Designing customer surveys and raising response rates.\n"
        "    keywords: [surveys, response rate, questionnaire]\nsettings:",
    )
    config.write_text(text, encoding="utf-8")
    want = (
        "`survey` and `response rate` are keywords of both Measuring the customer experience and"
        " Customer surveys: articles using them go to whichever fits better on their other words;"
        " give Customer surveys words of its own"
    )
    code, out, err = run("subjects", "list", "--config", str(config), "-q")
    assert code == 0, err
    empty = out.split("\nCustomer surveys (0)\n", 1)[1].split("\n\n", 1)[0]
    assert "no article is under it" in empty, out
    assert want in said_as_one(empty), empty
    code, out, err = run("subjects", "overlap", "--config", str(config), "-q")
    assert code == 0, err
    assert "Measuring the customer experience / Customer surveys:" in out, out
    assert want in said_as_one(out), out
    code, out, err = run("subjects", "overlap", "--config", str(config), "-q", "--json")
    pair = next(o for o in json.loads(out) if "Customer surveys" in o["subjects"])
    assert pair["shared_keywords"] == ["survey", "response rate"], pair


def test_a_removed_subjects_moves_are_said_where_they_went(fetched: Path, tmp_path: Path) -> None:
    """walk153 #7: removing "Customer journey mapping" (the editor had moved articles to it)
    suggested rename targets that left out the subject its articles went to, and nothing said
    how they were chosen. The warning says where curator places them now, by count, and how the
    subjects it may have been renamed to were chosen."""
    config = copied(fetched, tmp_path)
    code, out, err = run("subjects", "list", "--config", str(config), "-q", "--json")
    rows = json.loads(out)
    # (two of the subject's own articles, and one on both it and Voice of the customer)
    journeys = [r["url"] for r in rows if r["subject"] == "Customer journey mapping"][:2]
    journeys += [
        r["url"] for r in rows if r["title"] == "Journey maps built from customer feedback"
    ]
    for url in journeys:
        code, _, err = run(
            "subjects", "move", "--config", str(config), url, "Customer journey mapping", "-q"
        )
        assert code == 0, err
    without_subject(config, "Customer journey mapping")
    code, out, err = run("subjects", "list", "--config", str(config), "-q", "--json")
    assert code == 0, err
    now = [r["subject"] for r in json.loads(out) if r["url"] in journeys]
    counts = sorted((-now.count(s), s or "") for s in set(now))
    said = said_as_one(err)
    assert '3 article(s) you moved to "Customer journey mapping"' in said, said
    placed = [f'"{s}" ({-k})' if s else f"no subject ({-k})" for k, s in counts]
    assert "curator now places them under " + placed[0] in said, said
    for part in placed:
        assert part in said.split("curator now places them under ", 1)[1].split(";", 1)[0], said
    assert (
        "(those no move of yours and no published issue names, as a renamed subject's moves and"
        " issues still name its old name)"
    ) in said, said
