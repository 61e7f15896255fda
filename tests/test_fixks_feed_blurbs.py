"""walk196 (left alone): a feed-only blurb, made from the feed's summary when the article's page
robots.txt forbids, kept a date and byline that open the summary ("13 novembre 2026 — Rédigé par Claire
Martin. Le service client…"), kept a byline's time ("Par Claire Martin, publié le 13 novembre
2026 à 08h30. Le service…"), or lost everything ("Posted on November 13, 2026 by Jane Roe.
Customer service…": no blurb could be made). Through a build of a feed on a real HTTP server on
127.0.0.1 whose robots.txt forbids the article pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fixjf_titles import DATE

from conftest import LocalServer
from conftest import run_cli as run

FR = "Le service client répond plus vite quand chaque demande a un responsable nommé."
EN = "Customer service teams answer faster when each request has a named owner."
DE = "Der Kundendienst antwortet schneller, wenn jede Anfrage einen Verantwortlichen hat."
ES = "El servicio al cliente responde más rápido cuando cada solicitud tiene un responsable."
EN2 = "A customer waits less when the service desk routes each ticket to one agent."
FR2 = "Un client attend moins quand le service confie chaque ticket à un seul agent."

#: (the summary's lead-in, the lead after it, a part of the lead-in the blurb must not hold)
DATED = [
    ("13 novembre 2026 — Rédigé par Claire Martin. ", FR, "novembre 2026"),
    ("November 13, 2026 - Posted by Jane Roe. ", EN, "Jane Roe"),
    ("2026-11-13: ", EN2, "2026-11-13"),
    ("13. November 2026 – Geschrieben von Jürgen Groß. ", DE, "Jürgen Groß"),
    ("13 de noviembre de 2026 — Escrito por María José Fernández. ", ES, "María José"),
]

TIMED = [
    ("Par Claire Martin, publié le 13 novembre 2026 à 08h30. ", FR, "08h30"),
    ("Von Jürgen Groß, veröffentlicht am 13. November 2026 um 08:30 Uhr. ", DE, "08:30"),
    ("By Jane Roe, published Nov 13, 2026 at 8:30 a.m. ", EN, "8:30"),
    ("Por María José Fernández, publicado el 13 de noviembre de 2026 a las 08:30. ", ES, "08:30"),
]

POSTED = [
    ("Posted on November 13, 2026 by Jane Roe. ", EN2, "Jane Roe"),
    ("Publié le 13 novembre 2026 par Claire Martin. ", FR2, "Claire Martin"),
    # no one's name after the date: the line is still no sentence of the story
    ("Published on November 13, 2026 in Customer Service. ", EN, "in Customer Service"),
    ("Last updated on November 13, 2026 by the editors. ", DE, "the editors"),
]

#: The sentence after each lead, so that no two summaries are the same.
TAIL = {
    FR: " Une file partagée laisse chaque message attendre que quelqu’un le prenne.",
    EN: " A shared queue leaves every message waiting until somebody picks it up.",
    DE: " Eine geteilte Warteschlange lässt jede Nachricht warten, bis jemand sie nimmt.",
    ES: " Una cola compartida deja cada mensaje esperando hasta que alguien lo tome.",
    EN2: " Handing tickets around a team costs each customer a day of waiting.",
    FR2: " Passer un ticket de main en main coûte un jour d’attente à chaque client.",
}


#: Where the feed gives the text: its summary, or its full content (read as the page's text).
FIELDS = ["description", "content:encoded"]


def _blurbs(
    tmp_path: Path, server: LocalServer, entries: list[tuple[str, str, str]], field: str
) -> tuple[dict[str, str], str]:
    """The blurbs of an issue built from a feed of `entries` (each its `field`), whose pages
    robots.txt forbids, and what the build said."""
    server.add("/robots.txt", "User-agent: *\nDisallow: /missing/\n", content_type="text/plain")
    items = []
    for at, (head, lead, _gone) in enumerate(entries):
        link = server.url(f"/missing/p{at}.html")
        items.append(
            f"<item><title>Service queues {at}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{DATE}</pubDate><{field}>{head}{lead}{TAIL[lead]}</{field}></item>"
        )
    feed = server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content='
        '"http://purl.org/rss/1.0/modules/content/"><channel><title>CX Notes'
        f"</title><link>{server.url('/')}</link><description>x</description>"
        + "".join(items)
        + "</channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    keywords: [service, client, customer, Kundendienst, cliente]\n"
        f"feeds:\n  - url: {feed}\n    name: CX Notes\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, out + err
    assert server.seen("/robots.txt") and not server.seen("/missing/p0.html")
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    return {a["title"]: a["blurb"] for s in issue["sections"] for a in s["articles"]}, out + err


def _opens_at_the_lead(
    tmp_path: Path, server: LocalServer, entries: list[tuple[str, str, str]], field: str
) -> None:
    blurbs, said = _blurbs(tmp_path, server, entries, field)
    assert len(blurbs) == len(entries), blurbs
    assert "no blurb could be made" not in said, said
    for at, (_head, lead, gone) in enumerate(entries):
        blurb = blurbs[f"Service queues {at}"]
        assert blurb.startswith(lead), blurb
        assert gone not in blurb, blurb
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for head, lead, _gone in entries:
        assert lead in text, text
        assert head.strip() not in text, text


@pytest.mark.parametrize("field", FIELDS)
def test_a_summary_opening_with_its_date_and_byline_loses_both(
    tmp_path: Path, http_server: LocalServer, field: str
) -> None:
    _opens_at_the_lead(tmp_path, http_server, DATED, field)


@pytest.mark.parametrize("field", FIELDS)
def test_a_byline_with_its_time_goes_whole(
    tmp_path: Path, http_server: LocalServer, field: str
) -> None:
    _opens_at_the_lead(tmp_path, http_server, TIMED, field)


@pytest.mark.parametrize("field", FIELDS)
def test_a_posted_on_line_leaves_the_sentences_after_it(
    tmp_path: Path, http_server: LocalServer, field: str
) -> None:
    _opens_at_the_lead(tmp_path, http_server, POSTED, field)
