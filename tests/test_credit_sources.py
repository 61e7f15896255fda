"""walk17: whom an article credits when its feed and its page say different things, an
organisation's byline, an agency after a byline, and a page's implausible canonical address; all
as the editor sees them (the draft, the issue, `curator extract`)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from conftest import LocalServer, sans_config
from conftest import run_cli as run


def page(title: str, head: str = "", byline: str = "", site: str = "") -> str:
    site = site or f"Site of {title.split()[0]}"
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f'<meta property="og:site_name" content="{site}">{head}</head><body><article>'
        f"<h1>{title}</h1>"
        + (f'<p class="byline">{byline}</p>' if byline else "")
        + "".join(f"<p>{_own_words(title, n)}</p>" for n in range(6))
        + "</article></body></html>"
    )


VOCABULARY = [
    "customer",
    "support",
    "service",
    "effort",
    "agents",
    "tickets",
    "satisfaction",
    "loyalty",
    "teams",
    "refunds",
    "callers",
    "queues",
    "scores",
    "surveys",
    "chat",
    "email",
    "phone",
    "managers",
    "training",
    "scripts",
    "complaints",
    "delays",
    "promises",
    "policies",
    "handovers",
    "escalations",
    "feedback",
    "returns",
    "billing",
    "accounts",
    "outages",
    "apologies",
]


def _own_words(title: str, n: int) -> str:
    """Sentences only this page has (its words in its own order), so no two pages read as one
    story told twice."""
    rng = random.Random(f"{title} {n}")
    words = rng.sample(VOCABULARY, len(VOCABULARY))
    sentences = [" ".join(words[i : i + 8]) for i in range(0, 32, 8)]
    return " ".join(f"{s.capitalize()} matter." for s in sentences)


def newsletter(tmp_path: Path, server: LocalServer, items: list[tuple[str, str, str]]) -> Path:
    """A newsletter of one subject and one RSS feed served on 127.0.0.1 whose items are (title,
    page HTML, dc:creator or ""); returns its feeds.yaml."""
    xml = []
    for n, (title, html, creator) in enumerate(items):
        link = server.add(f"/p/{n}/", html, content_type="text/html; charset=utf-8")
        who = f"<dc:creator>{creator}</dc:creator>" if creator else ""
        xml.append(
            f"<item><title>{title}</title><link>{link}</link>{who}"
            f"<pubDate>Tue, 0{n + 1} Dec 2026 10:00:00 GMT</pubDate>"
            "</item>"
        )
    feed = server.add(
        "/feed.xml",
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>Echo Channel</title><link>{server.base}</link>{''.join(xml)}</channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer service\n"
        "    keywords: [customer, support, service, effort]\n"
        "settings:\n  allow_private_addresses: true\n"
        f"feeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    return path


def draft_blocks(config: Path) -> dict[str, list[str]]:
    """`curator draft`'s article blocks by title: the lines from `url:` to the blank line."""
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    lines = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8").splitlines()
    blocks = {}
    for at, line in enumerate(lines):
        if line.startswith("## "):
            blocks[line[3:]] = lines[at + 1 : lines.index("", at)]
    return blocks


def test_feed_and_page_credits_follow_one_rule_and_a_disagreement_is_shown_in_the_draft(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(
        tmp_path,
        http_server,
        [
            # A wire agency in the feed, a person on the page: the person.
            (
                "Airline Refund Rules Tighten",
                page("Airline Refund Rules Tighten", byline="By Daniel Ortiz"),
                "Reuters",
            ),
            # The page names the feed's author and another: both.
            (
                "Two Views on Service Recovery",
                page("Two Views on Service Recovery", byline="By Ivan Petrov and Mei Chen"),
                "Ivan Petrov",
            ),
            # Two different people, the feed on the article's own site: the feed's author, with the
            # page's named in the draft (the other way round for another site's feed: below).
            (
                "Courts Weigh Support Lines",
                page(
                    "Courts Weigh Support Lines",
                    head='<meta name="author" content="Joan Biskupic">',
                    site="CNN",
                ),
                "Max Republish",
            ),
            # The same person: nothing to say.
            ("Agents Who Stay", page("Agents Who Stay", byline="By Ruth Okoye"), "Ruth Okoye"),
            # A one-word handle on the page against a full name in the feed: the feed's, noted.
            (
                "Handles and Names",
                page("Handles and Names", head='<meta name="author" content="Kwalker">'),
                "Kim Walker",
            ),
        ],
    )
    blocks = draft_blocks(config)
    assert blocks["Airline Refund Rules Tighten"][1:] == [
        "author: Daniel Ortiz",
        "publication: Site of Airline",
    ]
    assert blocks["Two Views on Service Recovery"][1:] == [
        "author: Ivan Petrov",
        "author: Mei Chen",
        "publication: Site of Two",
    ]
    url = blocks["Courts Weigh Support Lines"][0].removeprefix("url: ")
    assert blocks["Courts Weigh Support Lines"][1:] == [
        "author: Max Republish",
        "<!-- Author: the feed names Max Republish, credited above; the page names Joan Biskupic."
        " If the credit is wrong, change the `author:` lines"
        f" (`curator extract {url}` shows what the page says). -->",
        "publication: CNN",
    ]
    assert blocks["Agents Who Stay"][1:] == ["author: Ruth Okoye", "publication: Site of Agents"]
    url = blocks["Handles and Names"][0].removeprefix("url: ")
    assert blocks["Handles and Names"][1:] == [
        "author: Kim Walker",
        "<!-- Author: the feed names Kim Walker, credited above; the page names Kwalker. If the"
        " credit is wrong, change the `author:` lines"
        f" (`curator extract {url}` shows what the page says). -->",
        "publication: Site of Handles",
    ]

    code, _, err = run(
        "build", "--config", str(config), "--draft", str(config.parent / "drafts/issue-1.md")
    )
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Daniel Ortiz || Site of Airline" in issue
    assert "Ivan Petrov and Mei Chen || Site of Two" in issue
    assert "Max Republish || CNN" in issue
    assert "Reuters" not in issue and "Joan Biskupic" not in issue and "Author:" not in issue


def test_extract_shows_how_the_newsletter_credits_a_stored_page(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """`curator extract` reads the page; run beside the newsletter, it also says how the issue
    credits the article and from where, which may not be the page's byline."""
    config = newsletter(
        tmp_path,
        http_server,
        [
            ("Agents Who Stay", page("Agents Who Stay", byline="By jo"), "Ruth Okoye"),
            ("Queues at Noon", page("Queues at Noon", byline="By Ann Lee"), "Ruth Okoye"),
        ],
    )
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    first, second = http_server.url("/p/0/"), http_server.url("/p/1/")
    code, out, err = run("extract", "--config", str(config), first, second)
    assert code == 0, err
    shown = out.split("\n\n")
    # The page names no one ("By jo" is no name): the feed's author is credited.
    assert "\n  (no author found) || Site of Agents\n" in shown[0]
    assert (
        "\n  your newsletter credits it as: Ruth Okoye || Site of Agents (the author its feed"
        " names; the publication from the site name its page gives)" in shown[0]
    )
    # The feed on the article's own site names another person than the page: the feed's.
    assert "\n  Ann Lee || Site of Queues\n" in shown[1]
    assert (
        "\n  your newsletter credits it as: Ruth Okoye || Site of Queues (the author its feed"
        " names; the publication from the site name its page gives)\n  the page names Ann Lee instead"
        in shown[1]
    )
    code, out, err = run("extract", "--config", str(config), "--json", first, second)
    assert code == 0, err
    stored = [json.loads(line)["stored"] for line in out.splitlines()]
    assert [(s["authors"], s["authors_from"], s["other_authors"]) for s in stored] == [
        (["Ruth Okoye"], "feed", []),
        (["Ruth Okoye"], "feed", ["Ann Lee"]),
    ]


def test_a_feed_of_another_sites_articles_credits_the_pages_byline(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A feed that is not on the article's site (here a file beside feeds.yaml; on the web an
    aggregator's or a planet's feed) names whoever posted the story: the byline a reader sees
    on the page is credited, and the draft names the feed's author."""
    link = http_server.add(
        "/p/0/",
        page("Courts Weigh Support Lines", head='<meta name="author" content="Joan Biskupic">'),
        content_type="text/html; charset=utf-8",
    )
    (tmp_path / "feed.xml").write_text(
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        "<title>Echo Digest</title><link>https://digest.example/</link>"
        f"<item><title>Courts Weigh Support Lines</title><link>{link}</link>"
        "<dc:creator>Max Republish</dc:creator>"
        "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer service\n"
        "    keywords: [customer, support, service, effort]\n"
        "settings:\n  allow_private_addresses: true\n"
        "feeds:\n  - url: feed.xml\n",
        encoding="utf-8",
    )
    block = draft_blocks(config)["Courts Weigh Support Lines"]
    assert block[1:3] == [
        "author: Joan Biskupic",
        "<!-- Author: the page names Joan Biskupic, credited above; its feed names Max Republish."
        " If the credit is wrong, change the `author:` lines"
        f" (`curator extract {block[0].removeprefix('url: ')}` shows what the page says). -->",
    ]


def test_an_organisations_byline_is_no_fragment_of_a_person_and_an_agency_no_co_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(
        tmp_path,
        http_server,
        [
            (
                "Why Refund Policies Matter",
                page(
                    "Why Refund Policies Matter",
                    head='<meta name="author" content="Smith and Wesson Customer Team">',
                ),
                "",
            ),
            (
                "Utilities Face Billing Complaints",
                page("Utilities Face Billing Complaints", byline="By JOHN SMITH, Associated Press"),
                "",
            ),
        ],
    )
    blocks = draft_blocks(config)
    # No author rather than "Smith": the byline is a team's. (Comments aside: a draft may say
    # that no author was found.)
    credit = [
        line for line in blocks["Why Refund Policies Matter"][1:] if not line.startswith("<!--")
    ]
    assert credit == ["publication: Site of Why"]
    assert blocks["Utilities Face Billing Complaints"][1:] == [
        "author: John Smith",
        "publication: Site of Utilities",
    ]


def test_a_canonical_address_relative_to_the_pages_folder_is_not_the_articles_link(
    tmp_path: Path, http_server: LocalServer
) -> None:
    og = http_server.url("/food/2014/12/let_me_google_that_for_you.html")
    config = newsletter(
        tmp_path,
        http_server,
        [
            (
                "Let Me Google That",
                page(
                    "Let Me Google That",
                    head=f'<meta property="og:url" content="{og}">'
                    '<link rel="canonical" href="8003098">',
                ),
                "",
            ),
            (
                "Front Page Canonical",
                page(
                    "Front Page Canonical",
                    head=f'<link rel="canonical" href="{http_server.base}/">',
                ),
                "",
            ),
        ],
    )
    blocks = draft_blocks(config)
    assert blocks["Let Me Google That"][0] == f"url: {og}"
    assert blocks["Front Page Canonical"][0] == f"url: {http_server.url('/p/1/')}"


def test_extract_still_reads_the_page_when_the_newsletters_store_cannot_be_opened(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(
        tmp_path, http_server, [("Queues at Noon", page("Queues at Noon", byline="By Ann Lee"), "")]
    )
    store = tmp_path / ".curator" / "curator.db"
    store.parent.mkdir()
    store.write_bytes(b"not a store" * 100)
    code, out, err = run("extract", "--config", str(config), http_server.url("/p/0/"))
    assert code == 0, err
    assert "\n  Ann Lee || Site of Queues\n" in out
    assert "not a curator store, or damaged" in err
    assert "how your newsletter credits these pages is not shown" in err


def test_a_byline_of_an_organisation_credits_no_one_and_a_lone_agency_is_credited(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk21 #2: "By Acme Research and Insights Group" was credited as two people, "Acme
    Research" and "Insights Group". An organisation's byline credits no one (the draft says no
    author was found); a news agency alone wrote the story and is credited."""
    config = newsletter(
        tmp_path,
        http_server,
        [
            (
                "Support Costs Survey Results",
                page("Support Costs Survey Results", byline="By Acme Research and Insights Group"),
                "",
            ),
            (
                "Loyalty Schemes Under Review",
                page(
                    "Loyalty Schemes Under Review",
                    head='<meta name="author" content="The Brookings Institution">',
                ),
                "",
            ),
            (
                "Refund Queues Grow Longer",
                page("Refund Queues Grow Longer", byline="By The Associated Press"),
                "",
            ),
            (
                "Callers Wait For Agents",
                page("Callers Wait For Agents", head='<meta name="author" content="Reuters">'),
                "",
            ),
        ],
    )
    blocks = draft_blocks(config)
    for title in ("Support Costs Survey Results", "Loyalty Schemes Under Review"):
        block = blocks[title]
        assert not any(line.startswith("author:") for line in block), block
        assert any(line.startswith("<!-- Credit:") for line in block), block
    assert "author: Associated Press" in blocks["Refund Queues Grow Longer"] or (
        "author: The Associated Press" in blocks["Refund Queues Grow Longer"]
    )
    assert "author: Reuters" in blocks["Callers Wait For Agents"]


def test_a_plain_build_says_which_credit_it_chose_between_a_feed_and_a_page(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk34 #6: without a draft, the feed's author beat the page's byline without a word."""
    config = newsletter(
        tmp_path,
        http_server,
        [
            (
                "Courts Weigh Support Lines",
                page(
                    "Courts Weigh Support Lines",
                    head='<meta name="author" content="Joan Biskupic">',
                    site="CNN",
                ),
                "Max Republish",
            ),
            ("Agents Who Stay", page("Agents Who Stay", byline="By Ruth Okoye"), "Ruth Okoye"),
        ],
    )
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Max Republish || CNN" in issue and "Ruth Okoye || Site of Agents" in issue
    said = [line for line in err.splitlines() if "the credit of" in line]
    assert len(said) == 1, err
    assert 'the credit of "Courts Weigh Support Lines" (' in said[0]
    said = [sans_config(s) for s in said]
    assert (
        "the feed names Max Republish, credited; the page names Joan Biskupic: it is published so"
        ' (to correct it now: its "authors" or "publication" in'
    ) in said[0]


def test_a_bylines_affiliation_and_a_sites_own_name_are_no_authors(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk40 #2, #4: "Jill Disis, CNN Business" on a CNN page credited CNN Business as a second
    author; a JSON-LD author that is the site's name before its tagline ("LinkNaija" on "LinkNaija |
    Nigeria's popular news platform") was credited as a person."""
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Nigerian'
        ' Support Lines", "author": {"@type": "Person", "name": "LinkNaija"}}</script>'
    )
    config = newsletter(
        tmp_path,
        http_server,
        [
            (
                "Banks Answer Complaints",
                page(
                    "Banks Answer Complaints",
                    head='<meta name="author" content="Jill Disis, CNN Business">',
                    site="CNN",
                ),
                "",
            ),
            (
                "Nigerian Support Lines",
                page(
                    "Nigerian Support Lines",
                    head=ld,
                    site="LinkNaija | Nigeria's popular news platform",
                ),
                "",
            ),
        ],
    )
    blocks = draft_blocks(config)
    assert blocks["Banks Answer Complaints"][1:] == ["author: Jill Disis", "publication: CNN"]
    assert not [line for line in blocks["Nigerian Support Lines"] if line.startswith("author:")], (
        blocks["Nigerian Support Lines"]
    )
