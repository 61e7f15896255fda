"""walk197: what a screen reader and a plain-text reader get. #1: a German feed declaring no
language had its entries published unmarked inside `<html lang="en">`; #2: vague or repeated
link words were checked only in the introduction and closing; #3: a template copy's bare
`<html>` was named only in a newsletter not in English; #4: two subjects whose names differ in
punctuation only gave one section id twice; #5: the text edition dropped text the others show.
Through the CLI, against feeds on a real HTTP server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def heise_config(tmp_path: Path, feed: str, extra: str = "") -> Path:
    """walk197's news8none: an English newsletter (no `language:`) reading heise developer."""
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter:\n  title: Dev Weekly\n  editor: Dee Vee\n  introduction: |\n"
        "    Issue {number}.\n  issue_size: 4\n"
        "subjects:\n  - name: Web development\n"
        "    description: HTML, CSS, JavaScript, Java, browsers and programming.\n"
        "    keywords: [html, css, javascript, java, entwickler, code]\n"
        f"feeds:\n  - url: {feed}\n    fetch_pages: false\n"
        f"settings:\n  output: output\n{extra}",
        encoding="utf-8",
    )
    return path


def serve_heise(corpus: Path, server: LocalServer) -> str:
    source = corpus / "feeds" / "real" / "rss-parser" / "input" / "heise.atom"
    if not source.is_file():
        pytest.skip(
            f"the corpus's heise.atom (a German feed declaring no language) is not at {source}"
        )
    return server.add("/heise.atom", source.read_bytes(), content_type="application/atom+xml")


def test_german_entries_of_a_feed_declaring_no_language_are_marked_german(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk197 #1: heise developer's feed says no language; its entries' words are German. Each
    is marked `lang="de"` in the HTML editions and its "language" is "de" in issue-1.json, as
    when the feed declares one its words are not."""
    path = heise_config(tmp_path, serve_heise(corpus, http_server))
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    assert "articles are in German (`de`)" in said_as_one(out + err), out + err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    entries = re.findall(r'<div class="entry"[^>]*>', html)
    assert entries, html
    assert all('lang="de"' in tag for tag in entries), entries
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    languages = [e["language"] for s in issue["sections"] for e in s["articles"]]
    assert languages and all(language == "de" for language in languages), languages
