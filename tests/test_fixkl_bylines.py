"""walk195 #3: a page's byline in another language than English ("Écrit par Anaïs Le Bihan, le 21
novembre 2026", "Geschrieben von ...", "Escrito por ...") or with its date between "Posted on" and
"by" credited no one, where "Written by Anne Archer, on ..." credited her; a feed's
`<dc:creator>Escrito por María José Fernández</dc:creator>` was published with its lead-in.
Through the CLI (`curator extract --json`, a build) against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fixjf_titles import DATE, HTML

from conftest import LocalServer
from conftest import run_cli as run


def page(byline: str, lang: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>Le rappel automatique</title></head><body><article>"
        f'<h1>Le rappel automatique</h1><p class="meta">{byline}</p>'
        "<p>Le rappel automatique réduit les abandons de moitié dans les centres d’appel.</p>"
        "<p>Proposez-le dès la première minute.</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "lang", "name"),
    [
        ("Écrit par Anaïs Le Bihan, le 21 novembre 2026", "fr", "Anaïs Le Bihan"),
        ("Publié le 21/11/2026 par Anaïs Le Bihan", "fr", "Anaïs Le Bihan"),
        ("Rédigé par Anaïs Le Bihan", "fr", "Anaïs Le Bihan"),
        ("Publié par Anaïs Le Bihan", "fr", "Anaïs Le Bihan"),
        ("Geschrieben von Jürgen Groß am 21. November 2026", "de", "Jürgen Groß"),
        (
            "Escrito por María José Fernández el 21 de noviembre de 2026",
            "es",
            "María José Fernández",
        ),
        ("Posted on 21/11/2026 by Anne Archer", "en", "Anne Archer"),
        ("Written by Anne Archer, on November 21, 2026", "en", "Anne Archer"),
    ],
)
def test_a_byline_in_another_language_credits_its_author(
    http_server: LocalServer, byline: str, lang: str, name: str
) -> None:
    url = http_server.add("/post.html", page(byline, lang), content_type=HTML)
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, out + err
    read = json.loads(out.splitlines()[0])
    assert read["authors"] == [name], read


def test_a_feed_creator_loses_its_lead_in(tmp_path: Path, http_server: LocalServer) -> None:
    """A feed-only entry (`fetch_pages: false`) whose creator opens with "Escrito por"."""
    link = http_server.url("/es.html")
    feed = http_server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>CX Notas</title>'
        f"<link>{http_server.url('/')}</link><description>x</description>"
        f"<item><title>Recorrido del cliente</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{DATE}</pubDate><dc:creator>Escrito por María José Fernández</dc:creator>"
        "<description>Un mapa del recorrido del cliente solo sirve si cada problema tiene un "
        "responsable. Empiece por un recorrido.</description></item></channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Semanal, issue_size: 10, language: es}\nsubjects:\n"
        "  - name: Recorridos\n    keywords: [recorrido, cliente]\n"
        f"feeds:\n  - url: {feed}\n    name: CX Notas\n    fetch_pages: false\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    (article,) = [a for s in issue["sections"] for a in s["articles"]]
    assert article["authors"] == ["María José Fernández"], article
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Escrito por" not in text, text
