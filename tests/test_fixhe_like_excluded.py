"""walk168 #1/#2, in small: a customer-experience newsletter of four subjects in one field. The
editor excluded an off-field article (a cup final ticket queue, placed under "Service operations"
on its queue, ticket agents and call center); the next week its near-twin (a rugby ticket queue)
came and was placed there again, first in its section, with no note, and `subjects uncertain` did
not list it. It is said now: a note in the draft, last in its section, a line on stderr, and
listed by `uncertain`; a right article of the same week is not. Served by a local HTTP server."""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

POOLS = {
    "Measuring the customer experience": [
        "Net Promoter Score asks one question, how likely a customer is to recommend you, and subtracts detractors from promoters.",
        "CSAT is best read per interaction, right after the moment it measures, while customer effort score tells you how hard the task felt.",
        "A dashboard that shows twelve metrics tells a leadership team nothing; pick three and show their trend over a year.",
        "Benchmark your scores against your own history before you compare them with an industry average from a vendor report.",
        "Response rates to relationship surveys fall every year, so a small swing in the score is often just noise from a thin sample.",
        "Tie each KPI to a money outcome: a point of NPS is worth something only if promoters actually buy more or leave less.",
        "Statistical significance matters: with two hundred responses, a three point change in NPS is inside the margin of error.",
        "Segment the score by customer tier, region and channel, because an average hides the group that is unhappy.",
    ],
    "Service operations": [
        "The contact centre cut its queue in half by moving password resets to a self-service flow.",
        "Agents need fewer scripts and more authority: letting them issue a refund without escalation saved three transfers per call.",
        "Workforce management starts with an honest forecast of call volume by half hour, not by day.",
        "Average handle time rewards speed, so pair it with first call resolution or agents will rush customers off the phone.",
        "Staffing for the Monday peak with part-time shifts was cheaper than paying overtime all week.",
        "A ticket that bounces between three teams is a routing problem, not an agent problem.",
        "Escalation paths should be written down, with a named owner for each tier and a time limit before a ticket moves up.",
        "The support desk added a callback option, so customers keep their place in the queue without waiting on hold.",
    ],
    "Voice of the customer": [
        "Open-ended comments tell you why a customer is unhappy; the score only tells you that they are.",
        "Closing the loop means calling back the customer who complained and telling them what changed.",
        "Text analytics grouped ten thousand comments into themes, and delivery damage came out on top.",
        "Customer interviews with fifteen people revealed a confusing invoice that no survey had ever asked about.",
        "Online reviews are unsolicited feedback, and they often mention problems customers never raise with you directly.",
        "A voice of the customer programme fails when the insights stay in a report that no product team reads.",
        "Listening posts include the complaints log, social media, sales calls and the comments agents hear every day.",
        "Share verbatim quotes with executives; a customer's own words move people more than a chart does.",
    ],
    "Customer success": [
        "Customer success managers own the outcome the customer bought the product for, not just the relationship.",
        "Onboarding is where renewal is won: customers who reach their first result in two weeks renew at twice the rate.",
        "A health score combines product usage, support tickets and executive sponsorship into one early warning.",
        "Expansion revenue from existing accounts grew faster than new sales once the success team ran quarterly business reviews.",
        "Time to value is the most important number in a SaaS onboarding programme.",
        "Adoption of the reporting feature predicted renewal better than seat count did.",
        "An account manager who only calls at renewal time hears about problems far too late.",
        "The success playbook lists what to do when usage drops, a sponsor leaves or a renewal is ninety days away.",
    ],
}
SUBJECTS = """subjects:
  - name: Measuring the customer experience
    description: Choosing, collecting and reading customer experience metrics and the data behind them.
    keywords: [CSAT, NPS, Net Promoter Score, customer effort score, metrics, benchmark, KPI, dashboard, survey score, churn rate]
  - name: Service operations
    description: Running the contact centre and support desk day to day, from staffing to ticket handling.
    keywords: [contact centre, call center, agents, ticket, queue, staffing, first call resolution, average handle time, workforce management, escalation]
  - name: Voice of the customer
    description: Listening to customers through feedback, interviews and reviews and turning what they say into change.
    keywords: [feedback, voice of the customer, VoC, interviews, open-ended comments, reviews, complaints, listening, text analytics, closing the loop]
  - name: Customer success
    description: Helping customers get value from a product after the sale so they renew and grow.
    keywords: [customer success, onboarding, renewal, adoption, expansion, health score, account manager, retention, SaaS, time to value]
"""
#: The off-field article the editor excludes, and its near-twin the next week.
CUP = (
    "Fans Queue Overnight as Cup Final Tickets Sell Out",
    [
        "Thousands of supporters joined the queue outside the stadium on Friday night as cup final tickets went on sale.",
        "Ticket agents sold out the allocation within two hours, and the club said its call center could not cope with demand.",
        "Fans who waited all night complained that touts had bought tickets in bulk.",
        "The club apologised and promised an escalation process for fans with disputed orders.",
        "The final kicks off at three on Saturday, with the manager expected to name an unchanged side.",
    ],
)
RUGBY = (
    "Rugby Fans Face Long Queue for Six Nations Tickets",
    [
        "Rugby supporters queued for hours at the ground as Six Nations tickets were released.",
        "The union's ticket office and its call center were swamped, and agents had to escalate hundreds of complaints about double bookings.",
        "The coach named three new caps in the squad for the opening match against France.",
        "The captain said the team was ready for the championship.",
    ],
)
#: A right article of the same week, under the same subject.
CHAT = (
    "Chat Queues Need Their Own Staffing Model",
    [
        "Chat agents can handle two conversations at once, so the staffing model for the chat queue differs from the phone queue.",
        "Workforce management tools forecast chat volume by half hour, and the contact centre staffs to that forecast.",
        "Average handle time on chat is longer, but agents resolve more tickets per hour.",
        "Escalation from chat to a call should keep the ticket and its history.",
    ],
)


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{html.escape(title)}</title>"
        '<meta name="author" content="Walk Editor"></head><body><article>'
        f"<h1>{html.escape(title)}</h1>{body}</article></body></html>"
    )


def feed(server: LocalServer, items: list[tuple[str, str]]) -> None:
    rss = "".join(
        f"<item><title>{html.escape(t)}</title><link>{url}</link><guid>{url}</guid>"
        f"<pubDate>Mon, {1 + n % 28:02d} Nov 2026 10:00:00 +0000</pubDate></item>"
        for n, (t, url) in enumerate(items)
    )
    server.add(
        "/feed.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>CX Reading</title>{rss}'
        "</channel></rss>",
    )


def test_an_article_like_one_the_editor_excluded_is_noted_in_the_draft_and_uncertain(
    tmp_path: Path,
) -> None:
    """walk168 #2: after the editor excluded the cup final ticket queue, the rugby ticket queue
    of the next week led "Service operations" unsaid. Now the draft notes it (last in its
    section), says it on stderr, and `uncertain` lists it; the right chat article is not."""
    pick = random.Random(168)
    server = LocalServer().start()
    try:
        items = []
        for s, (subject, pool) in enumerate(POOLS.items()):
            for n in range(5):
                paragraphs = pick.sample(pool, 5)
                title = f"{subject.split()[0]} note {n + 1}"
                url = server.add(
                    f"/a{s}-{n}.html", page(title, paragraphs), content_type="text/html"
                )
                items.append((title, url))
        cup = server.add("/cup.html", page(*CUP), content_type="text/html")
        items.append((CUP[0], cup))
        feed(server, items)
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
        code, _, err = run("fetch", *conf, "-q")
        assert code == 0, err
        code, _, err = run("subjects", "exclude", cup, *conf)
        assert code == 0, err
        code, _, err = run("build", *conf, "--no-fetch", "-q")
        assert code == 0, err
        # The next week: the near-twin, and a right article on the same subject.
        rugby = server.add("/rugby.html", page(*RUGBY), content_type="text/html")
        chat = server.add("/chat.html", page(*CHAT), content_type="text/html")
        feed(server, [*items, (RUGBY[0], rugby), (CHAT[0], chat)])
        code, _, err = run("fetch", *conf, "-q")
        assert code == 0, err
        code, out, err = run("draft", *conf, "--no-fetch", "-q", "--json")
        assert code == 0, err
        doc = json.loads(out)
        assert [o["url"] for o in doc["like_excluded"]] == [rugby], doc
        assert doc["like_excluded"][0]["excluded_url"] == cup, doc
        draft = Path(doc["path"]).read_text(encoding="utf-8")
        section = draft.split("# Service operations", 1)[1]
        headings = [line[3:] for line in section.split("\n") if line.startswith("## ")]
        assert RUGBY[0] in headings and CHAT[0] in headings, draft
        assert headings[-1] == RUGBY[0], headings  # (last in its section)
        blocks = {b.split("\n", 1)[0]: b for b in section.split("\n## ")[1:]}
        assert (
            f'<!-- Like an article you excluded ("{CUP[0]}", {cup}): cut it, or'
            " `curator subjects exclude URL` keeps it out too. -->"
        ) in blocks[RUGBY[0]], blocks[RUGBY[0]]
        assert "Like an article you excluded" not in blocks[CHAT[0]], blocks[CHAT[0]]
        said = said_as_one(err)
        assert f'"{RUGBY[0]}" ({rugby}) under "Service operations" is like an article you' in said
        assert f"cut it in {doc['path']}, and `curator subjects exclude {rugby}" in said, said
        assert CHAT[0] not in said, said
        code, out, err = run("subjects", "uncertain", *conf, "-q", "--json")
        assert code == 0, err
        listed = {u["url"]: u for u in json.loads(out)}
        assert listed[rugby]["reason"] == "like excluded", listed
        assert listed[rugby]["like_excluded"]["excluded_title"] == CUP[0], listed
        assert chat not in listed or listed[chat]["reason"] != "like excluded", listed
        code, out, err = run("subjects", "uncertain", *conf, "-q")
        assert f'Service operations, but like an article you excluded ("{CUP[0]}"' in (
            said_as_one(out)
        ), out
        # A plain build publishes it as placed (as it does weak fits), and says so.
        Path(doc["path"]).unlink()
        code, out, err = run("build", *conf, "--no-fetch", "-q", "--json")
        assert code == 0, err
        doc = json.loads(out)
        assert [o["url"] for o in doc["like_excluded"]] == [rugby], doc
        warned = [str(w) for w in doc["warnings"] if "like an article you excluded" in str(w)]
        assert len(warned) == 1 and "it is published, last in its section" in warned[0], warned
        assert "then `curator render 2" in warned[0], warned
    finally:
        server.stop()
