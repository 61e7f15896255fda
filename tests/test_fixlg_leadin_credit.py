"""fixlg #1: a feed-only article (its page robots.txt forbids) whose feed names no author and
whose summary opens with a byline ("13 novembre 2026 — Rédigé par Claire Martin. Le service…",
"By Jane Roe. Customer service…"): the blurb loses the lead-in (fixks) and the person it names is
credited, as a byline on a page is. "By Christmas Day. …" names no one and stays. Through a
build of a feed on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixks_feed_blurbs import EN, EN2, FR, FR2, TAIL, _blurbs

from conftest import LocalServer

DE = "Der Kundendienst antwortet schneller, wenn jede Anfrage einen Verantwortlichen hat."
TAIL.setdefault(
    DE, " Eine geteilte Warteschlange lässt jede Nachricht warten, bis jemand sie nimmt."
)

#: (the summary's lead-in, the lead after it, the person it credits)
CREDITED = [
    ("13 novembre 2026 — Rédigé par Claire Martin. ", FR, "Claire Martin"),
    ("November 13, 2026 - Posted by Dana Ruiz. ", EN2, "Dana Ruiz"),
    ("By Jane Roe. ", EN, "Jane Roe"),
    ("Rédigé par Léa Dubois. ", FR2, "Léa Dubois"),
]


def _authors(tmp_path: Path) -> dict[str, list[str]]:
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    return {
        a["title"]: list(a.get("authors") or []) for s in issue["sections"] for a in s["articles"]
    }


def test_a_summary_lead_ins_byline_is_credited(tmp_path: Path, http_server: LocalServer) -> None:
    blurbs, said = _blurbs(tmp_path, http_server, CREDITED, "description")
    authors = _authors(tmp_path)
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for at, (head, lead, person) in enumerate(CREDITED):
        title = f"Service queues {at}"
        assert blurbs[title].startswith(lead), blurbs[title]
        assert person not in blurbs[title], blurbs[title]
        assert authors[title] == [person], authors
        assert person in text, text
        assert head.strip() not in text, text


def test_by_a_day_is_no_byline(tmp_path: Path, http_server: LocalServer) -> None:
    entries = [("By Christmas Day. ", EN, ""), ("Par Claire Martin. ", DE, "Claire Martin")]
    blurbs, _said = _blurbs(tmp_path, http_server, entries, "description")
    authors = _authors(tmp_path)
    assert blurbs["Service queues 0"].startswith("By Christmas Day. " + EN), blurbs
    assert authors["Service queues 0"] == [], authors
    assert authors["Service queues 1"] == ["Claire Martin"], authors
