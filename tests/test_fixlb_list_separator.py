"""walk198 #4: three authors were joined "A, B و C" in an issue whose `_words.txt` sets
`list_separator = "، "` (the Arabic comma) and `and_word = " و"`: the newsletter's list
separator goes between names an issue joins, as between the publications of "Also covered by".
Through `curator build`, against a feed and pages on 127.0.0.1, with curator's own templates and
the editor's `_words.txt`."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import HTML, page
from test_fixka_language import FRENCH
from test_fixkk_and_word import editions, french_issue

from conftest import LocalServer
from conftest import run_cli as run

THREE = "Jean-François Dupré, Anaïs Le Bihan et Marc Lefèvre"


def test_three_authors_are_joined_with_the_newsletters_list_separator(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path = french_issue(tmp_path, http_server, " و")
    words = tmp_path / "templates" / "_words.txt"
    text = words.read_text(encoding="utf-8")
    assert 'set list_separator = ", "' in text, "curator's _words.txt has no list_separator"
    words.write_text(text.replace('set list_separator = ", "', 'set list_separator = "، "'))
    title, body = FRENCH[3][1], FRENCH[3][3]
    http_server.add("/fr/chatbot.html", page(title, THREE, body, "fr"), content_type=HTML)
    code, _, err = run("build", "--config", str(path))
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    authors = [a["authors"] for s in issue["sections"] for a in s["articles"]]
    assert ["Jean-François Dupré", "Anaïs Le Bihan", "Marc Lefèvre"] in authors, authors
    credit = "Jean-François Dupré، Anaïs Le Bihan وMarc Lefèvre"  # و is written onto the name
    for name, edition in editions(tmp_path / "output").items():
        if name in ("index.html", "feed.xml"):
            continue
        shown = edition.replace("<bdi>", "").replace("</bdi>", "")
        shown = shown.replace("\u2068", "").replace("\u2069", "")
        assert credit in shown, (name, shown)
        assert "Jean-François Dupré, Anaïs" not in shown, name
