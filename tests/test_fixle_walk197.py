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


def drafted(tmp_path: Path, corpus: Path, server: LocalServer) -> tuple[Path, Path]:
    """The heise newsletter's feeds.yaml and its first draft, written by `curator draft`."""
    path = heise_config(tmp_path, serve_heise(corpus, server))
    code, _, err = run("draft", "--config", str(path))
    assert code == 0, err
    return path, tmp_path / "drafts" / "issue-1.md"


def test_vague_and_repeated_link_words_of_draft_blurbs_are_said(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk197 #2: `[click here](…)` and `[Read more](…)` in a draft's blurbs (two "Read more"
    going to two places) were said nowhere, while the same words in the introduction were."""
    path, draft = drafted(tmp_path, corpus, http_server)
    text = draft.read_text(encoding="utf-8")
    first = "Lösungsansätze skizziert."
    empty = "<!-- No blurb could be made for this article: write one here (2-3 sentences). -->"
    assert first in text and empty in text, text
    text = text.replace(first, f"{first} [Read more](https://example.org/a)", 1)
    text = text.replace(
        empty,
        "Kurze Meldungen aus der Entwicklerwelt. [click here](https://example.org/b) or"
        " [Read more](https://example.org/c).",
        1,
    )
    draft.write_text(text, encoding="utf-8")
    code, out, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    said = said_as_one(out + err)
    tales = "Tales from the Web side: Patterns und Best Practices in JavaScript"
    snapshots = "Developer Snapshots: Programmierer-News in ein, zwei Sätzen"
    assert f'the blurb of "{tales}' in said, said
    assert (
        f'the blurb of "{snapshots}" link the words "Read more" to 2 different places'
        " (https://example.org/a and https://example.org/c)"
    ) in said, said
    assert (
        f'the blurb of "{snapshots}" links the words "click here" to https://example.org/b: read'
        " out of their sentence"
    ) in said, said


def test_a_template_copys_own_link_words_and_an_image_without_alt_are_said(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk197 #2: a copy of _issue_body.html writing `<a href="{{ entry.url }}">Read more</a>`
    under every article (four "Read more" links to four places) and an `<img>` without alt were
    said nowhere; the build names each, by file and line."""
    path = heise_config(tmp_path, serve_heise(corpus, http_server), "  templates: templates\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    own = (Path(__file__).resolve().parents[1] / "templates" / "_issue_body.html").read_text(
        encoding="utf-8"
    )
    blurb = '<p class="blurb">{{ entry.blurb_html }}</p>'
    assert blurb in own
    copy = own.replace(
        blurb,
        '<p class="blurb">{{ entry.blurb_html }} <a href="{{ entry.url }}">Read more</a></p>'
        '<img src="https://example.com/logo.png">',
    )
    (templates / "_issue_body.html").write_text(copy, encoding="utf-8")
    line = copy[: copy.index("Read more")].count("\n") + 1
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert html.count(">Read more</a>") == 4, html
    copy_path = templates / "_issue_body.html"
    assert f'{copy_path}, line {line}: the link words "Read more" say nothing' in said, said
    assert "every article's link has them, each going to its own place" in said, said
    assert (
        f'{copy_path}, line {line}: the image `<img src="https://example.com/logo.png">` has no'
        " alt=" in said
    ), said


def test_also_covered_by_one_publication_under_two_articles_reads_apart(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk197 #2: "Also covered by: Beta" under two articles, each linking another of Beta's
    pieces, gave a screen reader's list of links two "Beta" going to two places: the issue
    numbers them apart, as it does under one article."""
    path = heise_config(tmp_path, serve_heise(corpus, http_server))
    code, _, err = run("build", "--config", str(path))
    assert code == 0, err
    json_file = tmp_path / "output" / "issue-1.json"
    issue = json.loads(json_file.read_text(encoding="utf-8"))
    articles = issue["sections"][0]["articles"]
    articles[0]["also_covered_by"] = [{"name": "Beta", "url": "https://beta.example/one"}]
    articles[1]["also_covered_by"] = [{"name": "Beta", "url": "https://beta.example/two"}]
    json_file.write_text(json.dumps(issue), encoding="utf-8")
    code, out, err = run("render", "1", "--config", str(path))
    assert code == 0, out + err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    one = re.search(r'<a href="https://beta\.example/one[^"]*">([^<]*)</a>', html)
    two = re.search(r'<a href="https://beta\.example/two[^"]*">([^<]*)</a>', html)
    assert one and two, html
    assert (one.group(1), two.group(1)) == ("Beta (1/2)", "Beta (2/2)"), html
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Beta (1/2)" in text and "Beta (2/2)" in text, text


def test_a_copy_with_a_bare_html_tag_is_named_in_an_english_newsletter(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk197 #3: a copy of issue.html writing a bare `<html>` (no lang) was named only when the
    newsletter's language was not English; an English one's page said no language either. A copy
    saying `lang="en"` says it, and is not named."""
    path = heise_config(tmp_path, serve_heise(corpus, http_server), "  templates: templates\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    own = (Path(__file__).resolve().parents[1] / "templates" / "issue.html").read_text(
        encoding="utf-8"
    )
    tag = '<html lang="{{ lang }}"{% if dir == "rtl" %} dir="rtl"{% endif %}>'
    assert tag in own
    (templates / "issue.html").write_text(own.replace(tag, "<html>"), encoding="utf-8")
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    copy = templates / "issue.html"
    assert f"{copy}: these copies of curator's templates were made before" in said, said
    assert f"in {copy}, its <html ...> tag as `{tag}`" in said, said

    (templates / "issue.html").write_text(own.replace(tag, '<html lang="en">'), encoding="utf-8")
    code, out, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    assert "these copies of curator's templates" not in said_as_one(out + err), out + err


def test_two_subjects_differing_in_punctuation_get_ids_of_their_own(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk197 #4: subjects "Q&A: Support | Tips & NPS" and "Q&A: Support | Tips & NPS!" gave
    one section id twice in the issue's page: the second is "...-2"."""
    path = heise_config(tmp_path, serve_heise(corpus, http_server))
    text = path.read_text(encoding="utf-8")
    start, end = text.index("subjects:\n"), text.index("feeds:\n")
    subjects = (
        "subjects:\n"
        '  - name: "Q&A: Support | Tips & NPS"\n'
        "    description: Java, servers, runtimes and programming.\n"
        "    keywords: [java, entwickler, server, runtime, code]\n"
        '  - name: "Q&A: Support | Tips & NPS!"\n'
        "    description: HTML, CSS, JavaScript, browsers and programming.\n"
        "    keywords: [html, css, javascript, entwickler, code]\n"
    )
    path.write_text(text[:start] + subjects + text[end:], encoding="utf-8")
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    code, _, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    ids = re.findall(r'<section class="subject" id="([^"]*)"', html)
    assert ids == ["issue-1-q-a-support-tips-nps", "issue-1-q-a-support-tips-nps-2"], ids


def serve_json_feed(server: LocalServer) -> str:
    """A JSON Feed of two customer-experience posts, the first titled with markup-like words
    (plain text by JSON Feed's definition)."""
    items = [
        {
            "id": "1",
            "url": server.url("/j/1"),
            "title": "Customer experience & the <script>alert(1)</script> journey",
            "content_text": "Customer experience is what customers feel across the customer"
            " journey. Customer service is what they get when they ask for help.",
            "date_published": "2026-12-06T10:00:00Z",
            "authors": [{"name": "Cy Dee"}],
        },
        {
            "id": "2",
            "url": server.url("/j/2"),
            "title": "Customer journey maps for customer service teams",
            "content_text": "Map the customer journey first. Then measure the customer"
            " experience at each step, and tell the customer service team.",
            "date_published": "2026-12-06T09:00:00Z",
            "authors": [{"name": "Bo Chen"}],
        },
    ]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON CX",
        "home_page_url": server.url("/"),
        "items": items,
    }
    return server.add("/feed.json", json.dumps(feed), content_type="application/feed+json")


def cx_config(tmp_path: Path, feed: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter:\n  title: CX Weekly\n  introduction: Issue {number}.\n"
        "subjects:\n  - name: Customer experience\n"
        "    description: What customer experience is and the customer journey.\n"
        "    keywords: [customer experience, customer journey, customer service]\n"
        f"feeds:\n  - url: {feed}\n    fetch_pages: false\nsettings:\n  output: output\n",
        encoding="utf-8",
    )
    return path


def test_what_the_text_edition_leaves_out_of_a_feeds_title_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk197 #5: a JSON Feed's title "... & the <script>alert(1)</script> journey", shown as
    text in the other editions, was "... & the  journey" in the text edition, unsaid: the build
    says how it reads there, and where to give it other words."""
    path = cx_config(tmp_path, serve_json_feed(http_server))
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "&amp; the &lt;script&gt;alert(1)&lt;/script&gt; journey" in html
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "<script" not in text
    assert (
        '"Customer experience & the <script>alert(1)</script> journey"'
        f' ({http_server.url("/j/1")}): its title reads "Customer experience & the journey"'
        " in issue-1.txt, where the other editions show it as text"
    ) in said, said
    assert f'correct its "title" in {tmp_path / "output" / "issue-1.json"}' in said, said


def test_a_draft_blurbs_quote_keeps_its_marker_and_its_code_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk197 #5: a draft blurb's `> A quote from a lead.` lost its `>` in issue-N.txt, where it
    read as the blurb's own words; its code block `code <b>x</b>`, `code < b>x< /b>` there (the
    text edition holds no tag), was not said."""
    path = cx_config(tmp_path, serve_json_feed(http_server))
    code, _, err = run("draft", "--config", str(path))
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    blurb = "Map the customer journey first."
    assert blurb in text, text
    quoted = f"> A quote from a lead.\n\n```\ncode <b>x</b>\n```\n\n{blurb}"
    draft.write_text(text.replace(blurb, quoted, 1), "utf-8")
    line = draft.read_text(encoding="utf-8").split("\n").index("code <b>x</b>") + 1
    code, out, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    edition = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "\n> A quote from a lead.\n\ncode < b>x< /b>\n\nMap the customer" in edition, edition
    said = said_as_one(out + err)
    assert (
        f"{draft}:{line}: <b>, </b> in code is shown as typed in every format but the plain-text"
        " one, which writes it < b>, < /b>"
    ) in said, said
