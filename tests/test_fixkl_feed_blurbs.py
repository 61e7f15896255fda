"""walk195 #2: with `fetch_pages: false`, a feed's summary that opens with its byline and date
("Par Anaïs Le Bihan — 13 novembre 2026 — Une carte…", "By Mateus Conceição · November 13, 2026 ·
A customer…") was published so in the blurb, where a page's text loses them (fixkb). Through a
build of a feed on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import DATE

from conftest import LocalServer
from conftest import run_cli as run

ENTRIES = [
    (
        "Par Anaïs Le Bihan",
        "Par Anaïs Le Bihan — 13 novembre 2026 — ",
        "Une carte du parcours client n’est utile que si chaque irritant a un responsable.",
    ),
    (
        "By Mateus Conceição",
        "By Mateus Conceição · November 13, 2026 · ",
        "A customer journey map is only useful if each pain point has an owner and a deadline.",
    ),
    (
        "Von Jürgen Groß",
        "Von Jürgen Groß | 13. November 2026 | ",
        "Eine Customer Journey Map zeigt, an welchen Kontaktpunkten Kunden abspringen.",
    ),
    (
        "",
        "Por María José Fernández, 13 de noviembre de 2026. ",
        "Un mapa del recorrido del cliente solo sirve si cada problema tiene un responsable.",
    ),
    (
        "By Anne Archer",
        "By Anne Archer - 13 November 2026 - ",
        "A journey map without owners is a poster on the wall of the customer team.",
    ),
]


def test_a_feed_summary_loses_its_byline_and_date(tmp_path: Path, http_server: LocalServer) -> None:
    items = []
    for at, (creator, head, lead) in enumerate(ENTRIES):
        link = http_server.url(f"/p{at}.html")
        by = f"<dc:creator>{creator}</dc:creator>" if creator else ""
        items.append(
            f"<item><title>Journey maps {at}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{DATE}</pubDate>{by}<description>{head}{lead} Start with one customer "
            "journey.</description></item>"
        )
    feed = http_server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>CX Notes</title>'
        f"<link>{http_server.url('/')}</link><description>x</description>"
        + "".join(items)
        + "</channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Journeys\n"
        "    keywords: [journey, parcours, Journey, recorrido, customer]\n"
        f"feeds:\n  - url: {feed}\n    name: CX Notes\n    fetch_pages: false\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    blurbs = {a["title"]: a["blurb"] for s in issue["sections"] for a in s["articles"]}
    assert len(blurbs) == len(ENTRIES), blurbs
    for at, (_creator, _head, lead) in enumerate(ENTRIES):
        assert blurbs[f"Journey maps {at}"].startswith(lead), blurbs
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for _creator, head, _lead in ENTRIES:
        assert head.strip(" —·|-.") not in text, text
