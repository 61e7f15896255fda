"""walk191 #5: a short English post's headline, "By Name" and a date line were glued into its
blurb ("Journey maps that lead to action By Mateus Conceição 2026-11-13 A customer journey map
…") when a date followed the byline (ISO or "November 7, 2026"); "Von Anna Müller" and "Par X"
with a date already went, as docs/blurbs.md promises. Through the CLI (`curator extract --json`
and a build), against pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fixjf_titles import DATE, HTML

from conftest import LocalServer
from conftest import run_cli as run

LEAD = "A customer journey map shows each step a customer takes to reach support."


def page(byline: str, date: str) -> str:
    when = f'<time datetime="2026-11-13">{date}</time>' if date else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Journey maps that lead to action</title></head><body><article>"
        f'<h1>Journey maps that lead to action</h1><p class="byline">{byline}</p>{when}'
        f"<p>{LEAD} Teams that act on it fix the slowest step first.</p>"
        "<p>Review the map every quarter.</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        ("By Mateus Conceição", "2026-11-13"),
        ("By Mateus Conceição", "November 13, 2026"),
        ("By Mateus Conceição", "13 November 2026"),
        ("By Mateus Conceição", ""),
    ],
    ids=["iso", "month-day-year", "day-month-year", "no-date"],
)
def test_a_byline_and_its_date_leave_the_blurb(
    http_server: LocalServer, byline: str, date: str
) -> None:
    url = http_server.add("/post.html", page(byline, date), content_type=HTML)
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    read = json.loads(out.splitlines()[0])
    assert read["authors"] == ["Mateus Conceição"], read
    assert read["blurb"].startswith(LEAD), read["blurb"]
    assert "By Mateus" not in read["blurb"] and "2026" not in read["blurb"], read["blurb"]


def test_the_issue_publishes_the_blurb_without_byline_and_date(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A build of a feed whose entry gives no summary: the issue's blurb is the lead."""
    link = http_server.add(
        "/post.html", page("By Mateus Conceição", "2026-11-13"), content_type=HTML
    )
    feed = http_server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>CX Notes</title>'
        f"<link>{http_server.url('/')}</link><description>x</description>"
        f"<item><title>Journey maps that lead to action</title><link>{link}</link>"
        f"<guid>{link}</guid><pubDate>{DATE}</pubDate></item></channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Journeys\n"
        "    keywords: [journey, customer, map]\n"
        f"feeds:\n  - url: {feed}\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    (article,) = [a for s in issue["sections"] for a in s["articles"]]
    assert article["blurb"].startswith(LEAD), article["blurb"]
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "By Mateus Conceição 2026-11-13" not in text, text
