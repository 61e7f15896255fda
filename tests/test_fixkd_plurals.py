"""walk191 #8: in a French newsletter, the subject's keywords "enquête", "baromètre" and
"indicateur" earned nothing from an article about "les enquêtes … les baromètres", and it was
placed under no subject (walk195 #8: "réseau" no "réseaux" either): words with accents were read as written, so a plural's "s" made them
another word (Porter's rules, which take an English plural's, are English's alone)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml

from conftest import LocalServer
from conftest import run_cli as run

SUBJECT = "Mesurer l’expérience"
TITLE = "Les enquêtes de satisfaction et leurs baromètres"
PARAS = (
    "Chaque trimestre, nos équipes lancent des enquêtes auprès des clients. Les réponses"
    " alimentent des baromètres suivis par la direction.",
    "Trois études récentes montrent que ces baromètres changent les décisions quand les réponses"
    " sont lues chaque semaine, et les réseaux sociaux en parlent.",
)


def _page(title: str, *paras: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


@pytest.fixture(scope="module")
def fetched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A French newsletter whose subject's keywords are singular words with accents, its feed's
    article using their plurals fetched with its page: (feeds.yaml, the article's URL)."""
    server = LocalServer().start()
    try:
        url = server.add(
            "/fr/enquetes.html", _page(TITLE, *PARAS), content_type="text/html; charset=utf-8"
        )
        item = (
            f"<item><title>{escape(TITLE)}</title><link>{url}</link>"
            "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>"
        )
        feed = server.add(
            "/feed.xml", f'<rss version="2.0"><channel><title>Blog</title>{item}</channel></rss>'
        )
        tmp = tmp_path_factory.mktemp("plurals")
        config = tmp / "feeds.yaml"
        config.write_text(
            yaml.safe_dump(
                {
                    "newsletter": {"title": "Hebdo", "language": "fr"},
                    "subjects": [
                        {
                            "name": SUBJECT,
                            "description": "Ce que disent les chiffres.",
                            "keywords": ["enquête", "baromètre", "étude", "réseau"],
                        },
                        {
                            "name": "Cricket",
                            "description": "Cricket matches.",
                            "keywords": ["cricket", "wicket"],
                        },
                    ],
                    "feeds": [{"url": feed}],
                    "settings": {"fetch_pages": True, "allow_private_addresses": True},
                },
                allow_unicode=True,
            ),
            encoding="utf-8",
        )
        code, out, err = run("fetch", "--config", str(config), "-q")
        assert code == 0, err
        yield config, url
    finally:
        server.stop()


def test_a_keyword_with_accents_matches_its_plural(fetched: tuple[Path, str]) -> None:
    config, url = fetched
    code, out, err = run("subjects", "explain", url, "--config", str(config), "-q")
    assert code == 0, err
    said = " ".join(out.split())
    assert f"{SUBJECT}: score " in said and "no subject" not in said.lower(), said
    # each plural counts toward the subject, as the article writes it
    terms = said.split(f"{SUBJECT} 0.", 1)[1].split("Cricket", 1)[0]
    assert "enquêtes 0." in terms and "baromètres 0." in terms and "études 0." in terms, said
    # French plurals in -x after "au"/"eu" too (walk195 #8)
    assert "réseaux 0." in terms, said


def test_the_article_is_published_under_its_subject(fetched: tuple[Path, str]) -> None:
    config, _ = fetched
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert SUBJECT in issue and TITLE in issue.split(SUBJECT, 1)[1], issue
