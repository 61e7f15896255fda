"""walk191 #2: in a French newsletter with a translated `_words.txt`, two authors were credited
"Jean-François Dupré and Anaïs Le Bihan" in every edition, and a theme of two subjects was
"Mesurer l'expérience client and Service client" in the title, the archive, the feed and the
introduction: `_words.txt` had no word for "and". Through the CLI, against feeds and pages on a
real HTTP server on 127.0.0.1 and a real SQLite store, with curator's own templates."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import HTML, page
from test_fixka_language import FRENCH, french_templates, serve_french

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

AUTHORS = "Jean-François Dupré et Anaïs Le Bihan"
SUBJECTS = (
    "subjects:\n  - name: Mesurer l'expérience client\n"
    "    description: Choisir et interpréter les indicateurs de l'expérience client.\n"
    "    keywords: [score, satisfaction, effort, indicateur, verbatims]\n"
    "  - name: Service client\n"
    "    description: Organiser le service client, les conseillers et le temps d'attente.\n"
    "    keywords: [conseiller, conseillers, chatbot, attente, téléphone]\n"
    "themes:\n  plan:\n    - [Mesurer l'expérience client, Service client]\n"
    "  min_articles: 2\n"
)
THEME = "Mesurer l'expérience client {and_} Service client"


def french_issue(tmp_path: Path, server: LocalServer, and_word: str | None) -> Path:
    """A French newsletter (`language: fr`) whose `_words.txt` has French months and, unless
    `and_word` is None, `and_word` set as its "and"; the chatbot article is by two people."""
    templates = french_templates(tmp_path)
    if and_word is not None:
        words = templates / "_words.txt"
        text = words.read_text(encoding="utf-8")
        assert "set and_word" in text, "curator's _words.txt has no and_word"
        text = text.replace('set and_word = " and "', f'set and_word = "{and_word}"')
        words.write_text(text, encoding="utf-8")
    feed = serve_french(server)
    title, text = FRENCH[3][1], FRENCH[3][3]
    server.add("/fr/chatbot.html", page(title, AUTHORS, text, "fr"), content_type=HTML)
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter:\n  title: La Lettre de l'Expérience Client\n  issue_size: 10\n"
        "  language: fr\n"
        "  introduction: |\n    Bienvenue dans le numéro {number}. Cette semaine : {theme}.\n"
        f"{SUBJECTS}feeds:\n  - url: {feed}\n"
        "settings:\n  output: output\n  templates: templates\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path


def editions(out: Path) -> dict[str, str]:
    names = ("issue-1.html", "issue-1.txt", "issue-1.md", "issue-1.email.html", "feed.xml")
    return {name: (out / name).read_text(encoding="utf-8") for name in (*names, "index.html")}


def test_a_translated_and_word_joins_authors_and_theme_in_every_edition(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """With `and_word = " et "` in the editor's `_words.txt`, the two authors are credited
    "A et B" in the HTML, text, Markdown and email editions and the feed, and the theme is
    joined with "et" in the title, the introduction, the archive page and the feed; no
    English "and" is published and nothing is said of a missing word."""
    path = french_issue(tmp_path, http_server, " et ")
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    assert "`and_word`" not in said_as_one(out + err), out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    assert len(issue["theme"]) == 2, issue["theme"]
    authors = [a["authors"] for s in issue["sections"] for a in s["articles"]]
    assert ["Jean-François Dupré", "Anaïs Le Bihan"] in authors, authors
    files = editions(tmp_path / "output")
    theme = THEME.format(and_="et")
    for name, text in files.items():
        if name != "index.html":
            assert "Jean-François Dupré et Anaïs Le Bihan" in text.replace("&#39;", "'"), name
        assert theme in text.replace("&#39;", "'").replace("&#x27;", "'"), (name, text)
        assert " and " not in text.replace("&#39;", "'"), (name, text)
    assert f"Cette semaine : {theme}." in files["issue-1.txt"], files["issue-1.txt"]


def test_a_words_txt_without_and_word_publishes_english_and_says_so(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """An editor's `_words.txt` made before `and_word` existed: curator's English " and " joins
    the authors and the theme, and the build says the copy has no `and_word`, with the line to
    add."""
    path = french_issue(tmp_path, http_server, None)
    words = tmp_path / "templates" / "_words.txt"
    text = words.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if "set and_word" not in line]
    words.write_text("".join(lines), encoding="utf-8")
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    assert f"{words}: has no `and_word`, so curator's English was published for it" in said, said
    assert '{%- set and_word = " and " -%}' in said, said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Jean-François Dupré and Anaïs Le Bihan" in html, html
    assert THEME.format(and_="and") in html.replace("&#39;", "'"), html


PARCOURS = (
    (
        "cartographie",
        "Cartographier le parcours sans se perdre dans les post-it",
        "Jürgen Groß",
        "<p>Une cartographie du parcours n'est utile que si elle part des moments de vérité"
        " vécus par les clients, et non de l'organigramme de l'entreprise.</p><p>Commencez par"
        " un seul parcours, interrogez dix clients, puis identifiez les trois points de contact"
        " où les départs sont les plus nombreux.</p>",
    ),
    (
        "fidelite",
        "Programmes de fidélité : la fin des points ?",
        "Hélène Van der Meulen",
        "<p>Les programmes de fidélité à points s'essoufflent : les clients veulent de la"
        " reconnaissance, pas une calculette. La fidélité passe désormais par des attentions"
        " personnalisées.</p><p>Chez Maison Aubert, la suppression des points au profit"
        " d'avantages choisis a fait progresser la fidélité de 12 % en un an.</p>",
    ),
)


def test_a_closing_line_naming_the_next_theme_with_the_and_word_keeps_its_promise(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The closing line "Prochain numéro : {next_theme}." names the plan's next theme of two
    subjects joined with `and_word` ("A et B"): issue 1 promised that theme, not its first
    subject alone, so issue 2 on it is not said to break the promise."""
    path = french_issue(tmp_path, http_server, " et ")
    items = []
    for name, title, author, text in PARCOURS:
        link = http_server.add(
            f"/fr/{name}.html", page(title, author, text, "fr"), content_type=HTML
        )
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            "<pubDate>Sun, 06 Dec 2026 10:00:00 +0000</pubDate></item>"
        )
    body = http_server.routes["/fr.xml"].body.decode()
    http_server.add("/fr.xml", body.replace("</channel>", "".join(items) + "</channel>"))
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "themes:\n  plan:\n    - [Mesurer l'expérience client, Service client]\n",
        "  - name: Parcours client\n"
        "    description: Cartographier le parcours et fidéliser les clients.\n"
        "    keywords: [parcours, cartographie, fidélité, points]\n"
        "themes:\n  plan:\n    - Service client\n"
        "    - [Mesurer l'expérience client, Parcours client]\n"
        '  closing: "Prochain numéro : {next_theme}."\n',
    )
    path.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    closing = "Prochain numéro : Mesurer l'expérience client et Parcours client."
    assert closing in html.replace("&#39;", "'"), html
    code, out, err = run("build", "--config", str(path), "--no-fetch")
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-2.json").read_text(encoding="utf-8"))
    assert issue["theme"] == ["Mesurer l'expérience client", "Parcours client"], issue["theme"]
    assert "promised" not in said_as_one(out + err), out + err
