"""walk191 #6: articles added to a draft by their address (`## URL`) took a wrong title, unsaid.
"Le Blog de la Relation Client » Le premier contact décide de tout" was published as the site's
name (the name of a followed feed, and the <h1> the other side); "« Nos clients veulent des
humains » : entretien avec …" was cut inside its quotes. Through the CLI (`draft`, then `build
--draft`), against a feed and pages on a real HTTP server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import DATE, HTML

from conftest import LocalServer, sans_config
from conftest import run_cli as run

BLOG = "Le Blog de la Relation Client"


def page(title: str, h1: str, topic: str) -> str:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article>{heading}"
        f"<p>Cet article explique {topic}, pour les équipes du service client.</p>"
        f"<p>Nos conseillers ont étudié {topic} pendant quatre ans de service client.</p>"
        "</article></body></html>"
    )


#: (page, its <title>, its <h1>, the issue's title, whether the build says it chose it).
ADDED = (
    # the followed feed's name leads: it goes, whatever the <h1> (none here)
    (
        "lead",
        f"{BLOG} » Le premier contact décide de tout",
        "",
        "Le premier contact décide de tout",
        False,
    ),
    # a name no feed has: the <h1> agreeing with one side decides, and the build says so
    (
        "carnet",
        "Le Carnet CX » La promesse client tient en une phrase",
        "La promesse client tient en une phrase",
        "La promesse client tient en une phrase",
        True,
    ),
    (
        "magazine",
        "Expérience Client Magazine | Le selfcare rebute encore les clients",
        "Le selfcare rebute encore les clients",
        "Le selfcare rebute encore les clients",
        True,
    ),
    # quotes are never cut inside, and an <h1> that is the whole <title> keeps it whole
    (
        "quote",
        *["« Nos clients veulent des humains » : entretien avec Éloïse Château"] * 3,
        False,
    ),
    # nor a subtitle after " : " that opens in lower case, with no <h1> to tell
    (
        "interview",
        "« Le client n’attend plus » : entretien avec Paul Roux",
        "",
        "« Le client n’attend plus » : entretien avec Paul Roux",
        False,
    ),
)

TOPICS = {
    "lead": "le délai de première réponse sur chaque canal",
    "carnet": "la promesse faite aux clients en une seule phrase",
    "magazine": "les formulaires de selfcare que les clients abandonnent",
    "quote": "le retour des conseillers humains dans une mutuelle",
    "interview": "les conseillers qui rappellent chaque client mécontent",
    "feed": "les enquêtes de satisfaction après chaque appel",
}


def newsletter(tmp_path: Path, server: LocalServer) -> Path:
    link = server.add(
        "/a/nps.html", page("Les enquêtes après appel", "", TOPICS["feed"]), content_type=HTML
    )
    feed = server.add(
        "/feed.xml",
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{BLOG}</title>'
        f"<link>{server.url('/')}</link><description>x</description><language>fr</language>"
        f"<item><title>Les enquêtes après appel</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{DATE}</pubDate><author>anne@example.org (Anne Roux)</author></item>"
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
    return path


def test_titles_of_articles_added_by_address(tmp_path: Path, http_server: LocalServer) -> None:
    """The issue titles each added page by the side of its <title> that is not the site's name
    (a followed feed's, or the side its <h1> is not), keeps a quoted title whole, and the build
    says which titles it chose from a <title> with no known name to decide."""
    path = newsletter(tmp_path, http_server)
    code, out, err = run("draft", "--config", str(path), "--all-subjects", "-q")
    assert code == 0, out + err
    draft = tmp_path / "drafts" / "issue-1.md"
    urls = {
        name: http_server.add(f"/t/{name}.html", page(title, h1, TOPICS[name]), content_type=HTML)
        for name, title, h1, *_ in ADDED
    }
    with draft.open("a", encoding="utf-8") as f:
        f.write("".join(f"\n## {url}\n" for url in urls.values()))
    code, out, err = run("build", "--config", str(path), "--draft", str(draft), "-q")
    assert code == 0, out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    titles = {a["url"]: a["title"] for s in issue["sections"] for a in s["articles"]}
    assert {name: titles.get(url) for name, url in urls.items()} == {
        name: shown for name, _, _, shown, _ in ADDED
    }, titles
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert f"\n{BLOG}\n" not in text and "Le Carnet CX" not in text, text
    assert "« Nos clients veulent des humains » : entretien avec Éloïse Château" in text
    said = " ".join(sans_config(err).split())
    json_file = tmp_path / "output" / "issue-1.json"
    for name, title, _, shown, told in ADDED:
        warning = (
            f'the title of "{shown}" ({urls[name]}) was chosen from its page\'s <title> "{title}";'
            " it was added to the draft by its address and is published so (to correct it: its"
            f' "title" in {json_file}, then `curator render 1`; in a later draft, the title as'
            " its heading over a `url:` line)"
        )
        assert (warning in said) is told, (name, err)
