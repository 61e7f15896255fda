"""walk190 #9: "Acme Blog: NPS - What It Measures", on a page whose `og:site_name` is "Acme Blog"
in the feed "Acme Blog", kept "Acme Blog: " in the issue's title (" | Acme Blog" at the end, or
"Acme Blog | " at the start, went). Through the CLI, against a feed and pages on a real HTTP server
on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
import re
from pathlib import Path

from test_fixjf_titles import DATE, HTML

from conftest import LocalServer
from conftest import run_cli as run

#: (page, the feed item's title or "" for none, the page's <title>, the issue's title).
ARTICLES = (
    ("lead", *["Acme Blog: NPS - What It Measures"] * 2, "NPS - What It Measures"),
    (
        "untitled",
        "",
        "Acme Blog: Why CSAT Surveys Get Few Answers",
        "Why CSAT Surveys Get Few Answers",
    ),
    (
        "dash",
        *["ACME BLOG — Customer Effort Score Explained"] * 2,
        "Customer Effort Score Explained",
    ),
    # what would be left is too short, or a subtitle follows the colon: kept whole
    ("short", *["Acme Blog: NPS"] * 3),
    ("subtitle", *["NPS vs CSAT: Measuring the Customer Experience"] * 3),
    ("other", *["Acme Insights: Customer Loyalty Benchmarks"] * 3),
)


#: A text of its own for each page (one text on every page is one story, published once).
TOPICS = {
    "lead": "what a Net Promoter Score measures and what it leaves out",
    "untitled": "why customers leave satisfaction surveys unanswered",
    "dash": "how much effort customers spend to solve one problem",
    "short": "the questions of a Net Promoter Score survey",
    "subtitle": "how NPS and CSAT each measure the customer experience",
    "other": "loyalty benchmarks for customer programmes in retail",
}


def page(title: str, name: str) -> str:
    topic = TOPICS[name]
    text = (
        f"<p>This article explains {topic}, for teams that survey each customer.</p>"
        f"<p>Our customer research on {topic} covers four years of NPS and CSAT surveys.</p>"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="og:site_name" content="Acme Blog">'
        '<meta name="author" content="Hana Sato"></head><body><article>'
        f"{text}</article></body></html>"
    )


def serve(server: LocalServer) -> str:
    items = []
    for name, item_title, page_title, _ in ARTICLES:
        link = server.add(f"/a/{name}.html", page(page_title, name), content_type=HTML)
        titled = f"<title>{item_title}</title>" if item_title else ""
        items.append(
            f"<item>{titled}<link>{link}</link><guid>{link}</guid><pubDate>{DATE}</pubDate>"
            "<dc:creator>Hana Sato</dc:creator></item>"
        )
    return server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Acme Blog</title>'
        f"<link>{server.url('/')}</link><description>x</description>{''.join(items)}"
        "</channel></rss>",
    )


def test_a_sites_name_before_the_title_and_a_colon_goes(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The issue (its JSON, HTML and text editions) titles "Acme Blog: NPS - What It Measures"
    "NPS - What It Measures", from the feed's title as from the page's; a title left too short,
    a subtitle after the colon and another site's name stay whole."""
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Metrics\n"
        "    keywords: [NPS, CSAT, customer]\n"
        f"feeds:\n  - url: {serve(http_server)}\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    titles = {
        a["url"].rsplit("/", 1)[-1]: a["title"] for s in issue["sections"] for a in s["articles"]
    }
    assert titles == {f"{name}.html": shown for name, *_, shown in ARTICLES}, titles
    assert {a["publication"] for s in issue["sections"] for a in s["articles"]} == {"Acme Blog"}
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    for edition in (text, html):
        assert "NPS - What It Measures" in edition
        assert not re.search(r"Acme Blog: (NPS -|Why)|ACME BLOG", edition), edition
        assert "Acme Blog: NPS" in edition  # the short one, whole
