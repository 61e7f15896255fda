"""walk195 #4: a name re-cased from a byline in capitals with a particle or a "Mc" ("PAR
MARIE-ÈVE DE LA TOUR" credited "Marie-Ève de la Tour") was noted in the draft only (fixkb): a plain
build published the guess without a word. It now warns as the draft notes, a byline of two people
in capitals ("PAR JEAN DE LA FONTAINE ET MARIE MCDONALD") too. Through the CLI (`curator build`,
`curator draft`) against a feed and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from test_fixjf_titles import DATE, HTML
from test_fixkb_credit_capitals import page

from conftest import LocalServer
from conftest import run_cli as run

ARTICLES = (
    ("capitals", "Le premier contact décide de tout", "PAR MARIE-ÈVE DE LA TOUR", "l'accueil"),
    (
        "two",
        "Le rappel automatique réduit les abandons",
        "PAR JEAN DE LA FONTAINE ET MARIE MCDONALD",
        "le rappel",
    ),
    ("plain", "Mesurer l'effort client après chaque appel", "PAR CLAIRE MARTIN", "l'effort"),
)


def _newsletter(tmp_path: Path, http_server: LocalServer) -> Path:
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
        f"feeds:\n  - url: {feed}\n    name: Le Blog\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path


def test_a_plain_build_warns_of_a_name_recased_from_capitals(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path = _newsletter(tmp_path, http_server)
    code, out, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, out + err
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Marie-Ève de la Tour" in text and "Jean de la Fontaine" in text, text
    said = " ".join(err.split())
    assert (
        'its page writes its byline in capitals ("PAR MARIE-ÈVE DE LA TOUR"), so the capitals of'
        " Marie-Ève de la Tour are curator's guess"
    ) in said, err
    assert (
        '("PAR JEAN DE LA FONTAINE ET MARIE MCDONALD"), so the capitals of Jean de la Fontaine'
        " and Marie McDonald are curator's guess"
    ) in said, err
    assert "CLAIRE MARTIN" not in said, err


def test_the_draft_notes_a_byline_of_two_people_in_capitals(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path = _newsletter(tmp_path, http_server)
    code, out, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, out + err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    blocks = {b.split("\n", 1)[0]: b for b in draft.split("\n## ")[1:]}
    two = blocks["Le rappel automatique réduit les abandons"]
    assert "author: Jean de la Fontaine\nauthor: Marie McDonald" in two, two
    assert (
        'byline in capitals ("PAR JEAN DE LA FONTAINE ET MARIE MCDONALD"), so the names\''
        " capitals above are curator's guess"
    ) in " ".join(two.split()), two
