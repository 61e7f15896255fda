"""walk191: a newsletter in French, end to end. #1: without `language:` in feeds.yaml, a
newsletter whose articles are French was published as English, unsaid; #4: a French feed saying
`<language>en-US</language>` (WordPress's default) had its French articles marked `en-US`; #3:
`{date}` in the introduction was English inside a French issue; #10: `render` blamed the
templates for what a change of `language:` did. Through the CLI, against feeds and pages on a
real HTTP server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import HTML, page

from conftest import LocalServer, said_as_one, sans_config
from conftest import run_cli as run

DATE = "Sun, 06 Dec 2026 10:00:00 +0000"
#: (page, title, author, text): French articles about customer experience, written for the test.
FRENCH = (
    (
        "nps",
        "Les cinq pièges du Net Promoter Score",
        "Marie-Ève de La Tour",
        "<p>Le Net Promoter Score séduit les directions parce qu'il tient en un seul chiffre. Mais"
        " un score isolé ne dit rien des raisons qui poussent un client à recommander une"
        " marque.</p><p>Croisez toujours le score avec les verbatims et avec le taux de réachat :"
        " c'est la seule façon de savoir si cette enquête mesure vraiment la fidélité des"
        " clients.</p>",
    ),
    (
        "ces",
        "CSAT ou CES : quel indicateur choisir pour votre service client ?",
        "José María Pérez y Gómez",
        "<p>Le score de satisfaction et le score d'effort ne répondent pas à la même question. Le"
        " premier mesure un ressenti, le second la facilité d'une démarche.</p><p>Pour un centre"
        " de contact, le score d'effort prédit mieux le réachat : un client qui a dû appeler trois"
        " fois ne reviendra pas, même s'il a trouvé le conseiller aimable.</p>",
    ),
    (
        "attente",
        "Réduire le temps d'attente au téléphone : ce qui marche vraiment",
        "Éloïse Château",
        "<p>Le temps d'attente reste la première source d'irritation des clients qui appellent un"
        " service client. Le rappel automatique, proposé dès la première minute, divise les"
        " abandons par trois.</p><p>Annoncer la durée prévue compte autant que la réduire :"
        " l'incertitude pèse plus lourd que l'attente elle-même pour les clients.</p>",
    ),
    (
        "chatbot",
        "Chatbots et conseillers : qui répond à quoi ?",
        "Jean-François Dupré",
        "<p>Un chatbot bien conçu absorbe les demandes simples et libère les conseillers pour les"
        " situations délicates. Encore faut-il lui donner une porte de sortie vers un humain.</p>"
        "<p>Dans les centres de contact que nous avons étudiés, le transfert vers un conseiller en"
        " moins de deux échanges réduit de moitié les réclamations des clients.</p>",
    ),
)
SUBJECTS = (
    "subjects:\n  - name: Service client\n"
    "    description: Organiser le service client, les conseillers et le temps d'attente.\n"
    "    keywords: [client, clients, conseiller, conseillers, score, chatbot, attente]\n"
)


def serve_french(server: LocalServer, language: str = "", page_lang: str = "fr") -> str:
    """The feed "Le Blog de la Relation Client" of `FRENCH` (`<language>` `language`, none when
    ""), each page saying `lang=page_lang` (none when "")."""
    items = []
    said = f"<language>{language}</language>" if language else ""
    for name, title, author, text in FRENCH:
        link = server.add(
            f"/fr/{name}.html", page(title, author, text, page_lang), content_type=HTML
        )
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{DATE}</pubDate></item>"
        )
    return server.add(
        "/fr.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Le Blog de la Relation Client</title><link>{server.url('/')}</link>"
        f"<description>x</description>{said}{''.join(items)}</channel></rss>",
    )


def french_config(tmp_path: Path, feed: str, newsletter: str = "") -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter:\n  title: La Lettre de l'Expérience Client\n  issue_size: 10\n"
        "  introduction: |\n    Bienvenue dans le numéro {number} de {title}. Chaque semaine, le"
        " meilleur de ce qui s'écrit sur la relation client, classé par sujet.\n"
        f"{newsletter}{SUBJECTS}feeds:\n  - url: {feed}\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path


def test_a_french_issue_without_language_is_warned_of_by_draft_and_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk191 #1: the draft and the build say that the articles are French while the newsletter
    is published as English, with how many, and the fix; the issue is still built (English, as
    configured). With `language: fr`, neither says it."""
    path = french_config(tmp_path, serve_french(http_server))
    code, out, err = run("draft", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    expected = (
        "4 of the issue's 4 articles are in French (`fr`), as their pages, feeds or words say, but"
        f" the newsletter is published as English (`en`), the default, as {path} says no"
        f" `language:`; {path}'s own title, introduction and subjects are in French too"
    )
    assert expected in said, said
    assert f"write `language: fr` under `newsletter:` in {path}" in said, said
    assert "_words.txt" in said, said
    code, out, err = run(
        "build", "--config", str(path), "--draft", str(tmp_path / "drafts" / "issue-1.md")
    )
    assert code == 0, err
    said = said_as_one(out + err)
    assert expected in said, said
    assert "then `curator render 1`" in sans_config(said), said
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html

    french = tmp_path / "fr"
    french.mkdir()
    path = french_config(french, serve_french(http_server), "  language: fr\n")
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    assert "articles are in French" not in said_as_one(out + err), out + err


def test_init_writes_a_commented_language_line(tmp_path: Path) -> None:
    """walk191 #1: `curator init`'s feeds.yaml says what `language:` does, commented out."""
    code, _, err = run("init", str(tmp_path / "lettre"))
    assert code == 0, err
    text = (tmp_path / "lettre" / "feeds.yaml").read_text(encoding="utf-8")
    assert "\n  # language: en\n" in text, text
    assert "_words.txt" in text.split("# language: en")[0].rsplit("site_url", 1)[1], text


def test_french_articles_of_a_feed_saying_en_us_are_marked_french(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk191 #4: the feed says `<language>en-US</language>` (WordPress's default), the French
    pages say none, or `lang="en"` (a theme's default): the articles are marked French, as their
    words plainly are, the fetch says so, naming them, and the French newsletter publishes them
    with no `lang="en-US"`. An English article of the same feed keeps the feed's `en-US`."""
    english = http_server.add(
        "/fr/en.html",
        page(
            "Why customer effort beats delight",
            "Helena Ashworth",
            "<p>Customers reward the companies that make things easy for them. Reducing the"
            " effort of each call to the contact centre does more for their loyalty than any"
            " surprise.</p><p>Measure the customer effort score after every interaction, and"
            " act on what it says about your service.</p>",
        ),
        content_type=HTML,
    )
    feed = serve_french(http_server, "en-US", page_lang="")
    http_server.add("/fr/nps.html", page(*FRENCH[0][1:], lang="en"), content_type=HTML)
    body = http_server.routes["/fr.xml"].body.decode()
    item = f"<item><title>Why customer effort beats delight</title><link>{english}</link></item>"
    http_server.add("/fr.xml", body.replace("</channel>", item + "</channel>"))
    path = french_config(tmp_path, feed, "  language: fr\n")
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        "Le Blog de la Relation Client: 4 of its new articles declare a language their words"
        " plainly are not (its page says `en`, its words are French (`fr`); its feed says"
        " `en-US`, its words are French (`fr`)): the words' language is taken"
    ) in said, err
    assert f'"{FRENCH[1][1]}" ({http_server.url("/fr/ces.html")})' in said, err
    assert "Why customer effort beats delight" not in said, err
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    assert "articles are in" not in said_as_one(out + err), out + err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    languages = {
        a["url"].rsplit("/", 1)[-1]: a.get("language")
        for s in issue["sections"]
        for a in s["articles"]
    }
    assert languages == {
        "nps.html": "fr",
        "ces.html": "fr",
        "attente.html": "fr",
        "chatbot.html": "fr",
        "en.html": "en-US",
    }, languages
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert html.count('lang="en-US"') == 1, html


FRENCH_MONTHS = (
    '["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",'
    ' "octobre", "novembre", "décembre"]'
)


def french_templates(folder: Path) -> Path:
    """A templates folder whose `_words.txt` is curator's with French months and days first."""
    import re

    from curator.templatecheck import builtin_templates

    text = (builtin_templates() / "_words.txt").read_text(encoding="utf-8")
    text = re.sub(r"set months = \[[^\]]*\]", f"set months = {FRENCH_MONTHS}", text)
    text = text.replace(
        "{{ months[day.month - 1] }} {{ day.day }}, {{ day.year }}",
        "{{ day.day }} {{ months[day.month - 1] }} {{ day.year }}",
    )
    assert "{{ day.day }} {{ months" in text
    (folder / "templates").mkdir()
    (folder / "templates" / "_words.txt").write_text(text, encoding="utf-8")
    return folder / "templates"


def test_date_in_the_introduction_is_written_as_words_txt_writes_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk191 #3: `{date}` in the introduction and closing line is the date as the header writes
    it, by the editor's `_words.txt` ("7 décembre 2026"), not in English ("December 7, 2026"):
    in a build from a draft (its `date:`) and in a plain build."""
    french_templates(tmp_path)
    path = french_config(tmp_path, serve_french(http_server), "  language: fr\n")
    text = path.read_text(encoding="utf-8")
    text = text.replace("classé par sujet.\n", "classé par sujet, daté du {date}.\n")
    text = text.replace("  output: output\n", "  output: output\n  templates: templates\n")
    path.write_text(text, encoding="utf-8")
    code, _, err = run("draft", "--config", str(path))
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    lines = draft.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = ["date: 2026-11-25\n" if line.startswith("date:") else line for line in lines]
    draft.write_text("".join(lines), encoding="utf-8")
    code, out, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "25 novembre 2026" in html.split("Bienvenue")[0], html
    assert "daté du 25 novembre 2026." in html, html
    assert "November" not in html, html

    again = tmp_path / "again"
    again.mkdir()
    french_templates(again)
    second = again / "feeds.yaml"
    second.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(second))
    assert code == 0, err
    issue = json.loads((again / "output" / "issue-1.json").read_text(encoding="utf-8"))
    day = issue["date"][:10]
    month = json.loads(FRENCH_MONTHS)[int(day[5:7]) - 1]
    written = f"daté du {int(day[8:10])} {month} {day[:4]}."
    assert written in (again / "output" / "issue-1.html").read_text(encoding="utf-8"), written


def test_render_after_language_changed_says_the_language_setting(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk191 #10: after `language: fr` is added to feeds.yaml, `render 1` says the files changed
    because the newsletter's language did (en -> fr), not because of "the templates of this
    curator ... (an older curator's, or your templates before you changed them)"."""
    path = french_config(tmp_path, serve_french(http_server))
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    assert '<html lang="en"' in (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    code, out, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    assert "language:` changed" not in said_as_one(out + err), out + err
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  issue_size: 10\n", "  issue_size: 10\n  language: fr\n"))
    code, out, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    assert (
        "feeds.yaml's `newsletter: language:` changed since these issues were written (en \u2192"
        ' fr): every HTML edition now says lang="fr" (the feed of issues xml:lang="fr")'
    ) in said, said
    assert "put `language: en` back in feeds.yaml" in said, said
    assert "templates before you changed them" not in said, said
    assert "this curator's templates and rules" not in said, said
    assert '<html lang="fr"' in (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
