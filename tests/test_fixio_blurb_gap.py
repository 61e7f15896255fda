"""walk178 #3: a blurb is the article's lead, consecutive sentences of it. A page whose meta
description is its first sentence got the blurb "S1. S3": its second sentence, sharing three words
with the first ("customer", "loyalty", "program"), was taken for the description told again and
skipped, and the third joined to the first read as continuous ("... discounts cannot buy. Here is
how to tell the difference ..." with the sentence that sets up "the difference" missing)."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import LocalServer
from conftest import run_cli as run

S1 = (
    "Points programs reward repeat purchases, but customer loyalty is an emotion that discounts"
    " cannot buy."
)
S2 = "The customer experience across every touchpoint earns loyalty; a program only measures it."
S3 = "Here is how to tell the difference in your customer data."
S4 = "Churned customers say what they missed."
TITLE = "Why Loyalty Programs Fail"


def _page(description: bool) -> str:
    meta = f'<meta name="description" content="{S1}">' if description else ""
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{TITLE}</title>{meta}</head>"
        f"<body><article><h1>{TITLE}</h1><p class=byline>By Rafael Costa</p>"
        f"<p>{S1} {S2} {S3} {S4}</p><p>Start with the customers who left and ask them what would"
        " have kept them with you for longer. Compare their answers with what your loyalty"
        " program rewards today and you will see the gap.</p></article></body></html>"
    )


def test_a_blurb_topped_up_from_the_text_skips_no_sentence(http_server: LocalServer) -> None:
    for path, described in (("/described.html", True), ("/plain.html", False)):
        url = http_server.add(path, _page(described), content_type="text/html; charset=utf-8")
        code, out, err = run("extract", "--allow-private", url)
        assert code == 0, err
        said = " ".join(out.split())
        assert f"{S1} {S2}" in said, (path, said)
        assert f"{S1} {S3}" not in said, (path, said)


def test_the_issue_publishes_the_lead_without_a_gap(
    tmp_path: Path, http_server: LocalServer
) -> None:
    link = http_server.add("/p.html", _page(True), content_type="text/html; charset=utf-8")
    feed = http_server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>TQ</title><item><title>{TITLE}</title>'
        f"<link>{link}</link><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>"
        "</channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "Weekly"},
                "subjects": [
                    {
                        "name": "Loyalty",
                        "description": "Customer loyalty programs.",
                        "keywords": ["loyalty", "program"],
                    }
                ],
                "feeds": [{"url": feed}],
                "settings": {"fetch_pages": True, "allow_private_addresses": True},
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    issue = " ".join((tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").split())
    assert TITLE in issue, issue
    assert f"{S1} {S2}" in issue, issue
