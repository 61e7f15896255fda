"""walk17: whom an article credits when its feed and its page say different things, an
organisation's byline, an agency after a byline, and a page's implausible canonical address; all
as the editor sees them (the draft, the issue, `curator extract`)."""

from __future__ import annotations

import random
from pathlib import Path

from conftest import LocalServer
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
    # No author rather than "Smith": the byline is a team's.
    assert blocks["Why Refund Policies Matter"][1:] == ["publication: Site of Why"]
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
