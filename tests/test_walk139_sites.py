"""walk139 #4-#7, walk140 #2: a publication that names the wrong thing. A page's declared site
name that is a hosting platform's ("WordPress.com", "Medium"), the site it was read at rather than
the one its link opens (MSN's copy of a Business Insider article), a company's legal name
("Wikimedia Foundation, Inc.") or a tagline gives way to the name the page gives its site
otherwise, and the run says so. As the editor sees it: the built issue's credit lines, the run's
lines, and `curator extract`'s credit."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_sources import _own_words

from conftest import LocalServer
from conftest import run_cli as run

FEED_TITLE = "Many Voices"


def _page(title: str, head: str, site: str | None = None) -> str:
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    heading = title.split(" — ")[0].split(" - ")[0]
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{meta}{head}"
        f"</head><body><article><h1>{heading}</h1>"
        + "".join(f"<p>{_own_words(title, n)}</p>" for n in range(6))
        + "</article></body></html>"
    )


def _canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


def _publisher(name: str) -> str:
    data = {"@context": "https://schema.org", "@type": "Article", "publisher": {"name": name}}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


#: heading -> (the page's <title>, its <head> extras, og:site_name): the publication credited and
#: the line the run says.
PAGES: dict[str, tuple[str, str, str, str, str]] = {
    # 4: a blog on WordPress.com names the platform; its <title> names the blog
    "Compost Support Queues": (
        "Compost Support Queues – Garden of Data",
        _canonical("https://gardenofdata.wordpress.com/2026/12/01/compost-support-queues/"),
        "WordPress.com",
        "Garden of Data",
        'its og:site_name "WordPress.com" names the platform that hosts the blog, not the blog; '
        'the publication is "Garden of Data", from its <title>',
    ),
    # 5: a publication on Medium: its <title> names it between the title and "Medium"
    "Inside the Support Lab": (
        "Inside the Support Lab — Backchannel — Medium",
        _canonical("https://medium.com/backchannel/inside-the-support-lab-9718cd0fe504"),
        "Medium",
        "Backchannel",
        'its og:site_name "Medium" names the platform that hosts the blog, not the blog; the '
        'publication is "Backchannel", from its <title>',
    ),
    # 4: a person's page on Medium names no blog: Medium it is, the name it declares, so nothing
    # was passed over and nothing is said (walk147 #2: it was listed as "read in part")
    "Customer Effort Notes": (
        "Customer Effort Notes – Medium",
        _canonical("https://medium.com/@ginaroe/customer-effort-notes-1234"),
        "Medium",
        "Medium",
        "",
    ),
    # 6: MSN's copy of an article whose own address is businessinsider.com
    "Service Desks Launch Chat in December": (
        "Service Desks Launch Chat in December",
        '<meta property="og:url" content="https://www.msn.com/en-us/news/ar-AAkm7Xj">'
        + _canonical("https://www.businessinsider.com/service-desks-chat-2026-12"),
        "MSN",
        "businessinsider.com",
        'its site name "MSN" names the site it was read at, while it names '
        "https://www.businessinsider.com/service-desks-chat-2026-12 as its own address: the "
        'publication is "businessinsider.com", its address',
    ),
    # walk147 #7: MSN's copy whose publisher markup names its source: by that name, not address
    "Support Lines Close for the Storm": (
        "Support Lines Close for the Storm",
        '<meta property="og:url" content="https://www.msn.com/en-us/news/ar-AAkm7Xk">'
        + _canonical("https://www.cnn.com/2026/12/02/support-lines-storm")
        + '<span itemprop="publisher" itemscope itemtype="http://schema.org/Organization">'
        '<a href="http://www.cnn.com/" title="CNN"><img alt="CNN" src="/cnn.png"></a></span>',
        "MSN",
        "CNN",
        'its site name "MSN" names the site it was read at, while it names '
        "https://www.cnn.com/2026/12/02/support-lines-storm as its own address: the publication is"
        ' "CNN"',
    ),
    # 7: a company's legal name as JSON-LD publisher; the <title> names the site
    "Customer Support Hours - Wikipedia": (
        "Customer Support Hours - Wikipedia",
        _publisher("Wikimedia Foundation, Inc.")
        + _canonical("https://en.wikipedia.org/wiki/Customer_support_hours"),
        "",
        "Wikipedia",
        "its publisher \"Wikimedia Foundation, Inc.\" is a company's legal name, not the site's; "
        'the publication is "Wikipedia", from its <title>',
    ),
    # walk140 #2: a superlative tagline as og:site_name; the <title> names the site
    "Customer Service vs. Experience: A Field Guide": (
        "Customer Service vs. Experience: A Field Guide - CX Lab",
        "",
        "The best place on the web for customer experience ideas, tips and news",
        "CX Lab",
        'its og:site_name "The best place on the web for customer experience ideas, tips and '
        'news" reads as a tagline, not a name; the publication is "CX Lab", from its <title>',
    ),
}


def _newsletter(tmp_path: Path, server: LocalServer) -> tuple[Path, list[str]]:
    xml, links = [], []
    for n, (heading, (title, head, site, _, _)) in enumerate(PAGES.items()):
        link = server.add(f"/p/{n}/", _page(title, head, site), content_type="text/html")
        links.append(link)
        xml.append(
            f"<item><title>{heading}</title><link>{link}</link>"
            f"<pubDate>Tue, {n + 1:02d} Dec 2026 10:00:00 GMT</pubDate></item>"
        )
    feed = server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>{FEED_TITLE}</title><link>{server.base}</link>'
        f"{''.join(xml)}</channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 30}\n"
        "subjects:\n  - name: Customer service\n"
        "    keywords: [customer, support, service, effort]\n"
        "settings:\n  allow_private_addresses: true\n"
        f"feeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    return path, links


def test_a_platform_a_company_or_another_site_gives_way_to_the_publication_and_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, links = _newsletter(tmp_path, http_server)
    code, out, err = run("build", "--config", str(config), "--json")
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    # the run lists the first pages whose site name was passed over under a heading of their
    # own, no page "read in part" (walk147 #2: nothing was lost); --json lists every one
    data = json.loads(out)
    lines = {p["url"]: p["notes"] for p in data["site_names_passed_over"]}
    said = " ".join(" ".join(lines.get(link, [])) for link in links)
    assert "read in part" not in err and data["pages_in_part"] == [], (err, data["pages_in_part"])
    assert "6 article page(s) had a site name passed over for the publication credited" in err
    wrong = []  # every credit or line that is wrong, so a failure names them all
    for heading, (*_, site, line) in PAGES.items():
        shown = heading.removesuffix(" - Wikipedia")
        if f"{shown}\n\n{site}\n" not in issue:
            wrong.append((heading, issue.split(f"{shown}\n\n", 1)[-1][:60]))
        if line and line not in said:
            wrong.append((heading, "unsaid", line))
    assert wrong == [], "\n".join(map(str, wrong))
    # (the person's page on Medium: credited to the name it declares, and nothing said of it)
    assert links[2] not in lines and "names no blog of its own" not in err, err
    for name in ("WordPress.com", "MSN", "Wikimedia", "The best place"):
        assert name not in issue, name


def test_extract_names_a_platform_blog_by_its_address_when_nothing_else_names_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk139 #4: with no feed and no name in its <title>, a blog on WordPress.com is its own
    address (README: a hosted blog "is its own site"), not "WordPress.com"."""
    link = http_server.add(
        "/wp/",
        _page(
            "Why Compost Heaps Stall in Winter",
            _canonical("https://gardenofdata.wordpress.com/2026/12/01/compost/"),
            "WordPress.com",
        ),
        content_type="text/html",
    )
    pages = http_server.add(
        "/gh/",
        _page(
            "Three Loyalty Experiments",
            _canonical("https://bochen.github.io/posts/loyalty-experiments/"),
            "GitHub Pages",
        ),
        content_type="text/html",
    )
    code, out, err = run("extract", "--allow-private", link, pages)
    assert code == 0, err
    assert "|| gardenofdata.wordpress.com" in out, out
    assert "|| bochen.github.io" in out, out
    assert "WordPress.com" not in out and "GitHub Pages" not in out, out
