"""walk191 #9: "PAR MARIE-ÈVE DE LA TOUR" was credited "Marie-Ève de la Tour" (her name has "La")
and the draft said nothing of the guess. The draft now notes a name re-cased from capitals, one
line under its credit like the other credit notes, when its capitals are a guess (a particle,
"Mc"/"Mac"), not for "CLAIRE MARTIN". Through the CLI (`curator draft`), against a
feed and pages on a real HTTP server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

from pathlib import Path

from test_fixjf_titles import DATE, HTML

from conftest import LocalServer
from conftest import run_cli as run


def page(title: str, byline: str, topic: str) -> str:
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        f'</head><body><article><h1>{title}</h1><p class="byline">{byline}</p>'
        f"<p>Cet article explique {topic}, pour les équipes du service client.</p>"
        f"<p>Nos conseillers ont étudié {topic} pendant quatre ans.</p></article></body></html>"
    )


ARTICLES = (
    ("capitals", "Le premier contact décide de tout", "PAR MARIE-ÈVE DE LA TOUR", "l'accueil"),
    ("cased", "Le rappel automatique réduit les abandons", "Par Anaïs Le Bihan", "le rappel"),
    # capitals with no particle, no "Mc": each word's first letter is no guess
    ("plain", "Mesurer l'effort client après chaque appel", "PAR CLAIRE MARTIN", "l'effort"),
)


def test_a_name_recased_from_capitals_is_noted_in_the_draft(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = []
    for name, title, byline, topic in ARTICLES:
        link = http_server.add(f"/a/{name}.html", page(title, byline, topic), content_type=HTML)
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{DATE}</pubDate></item>"
        )
    feed = http_server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Le Blog</title>'
        f"<link>{http_server.url('/')}</link><description>x</description>{''.join(items)}"
        "</channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: La Lettre, issue_size: 10, language: fr}\nsubjects:\n"
        "  - name: Service client\n    keywords: [client, clients, conseillers, service]\n"
        f"feeds:\n  - url: {feed}\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, out + err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    blocks = {b.split("\n", 1)[0]: b for b in draft.split("\n## ")[1:]}
    capitals = blocks["Le premier contact décide de tout"]
    assert "author: Marie-Ève de la Tour" in capitals, capitals
    note = (
        'the page writes its byline in capitals ("PAR MARIE-ÈVE DE LA TOUR"), so the name\'s'
        " capitals above are curator's guess: check them"
    )
    assert note in " ".join(capitals.split()), capitals
    cased = blocks["Le rappel automatique réduit les abandons"]
    assert "author: Anaïs Le Bihan" in cased and "capitals" not in cased, cased
    plain = blocks["Mesurer l'effort client après chaque appel"]
    assert "author: Claire Martin" in plain and "capitals" not in plain, plain
    assert "carry a note: search the draft for <!-- Credit" in " ".join(err.split()), err
