"""walk188 #3, through the CLI against a feed on a real HTTP server on 127.0.0.1 and a real SQLite
store: issue-N.json's "blurb" of a Markdown blurb holding HTML is the text the text edition
publishes (it kept `onclick` and a `javascript:` anchor, and lost a `</b>`)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli, said_as_one

STORY = "Customer journey mapping for service teams. It shows where customers struggle."
HOSTILE = (
    'collect them <span onclick="x()">consistently</span> and act on what the'
    ' <mark title="javascript:alert(2)">survey</mark> tells you.'
)
AS_TEXT = "collect them consistently and act on what the survey tells you."


def _items(site: str, first: int, count: int) -> str:
    return "".join(
        f"<item><title>{site} article {i} on the customer journey</title>"
        f"<link>http://{site}.example/post/{i}</link><guid>{site}-{i}</guid>"
        f"<description>{STORY}</description>"
        "<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>"
        for i in range(first, first + count)
    )


def _newsletter(tmp_path: Path, server: LocalServer, count: int = 3) -> Path:
    url = server.add("/feed.xml", h.rss(_items("kunde", 0, count), title="Kundenblog"))
    return h.write_config(tmp_path, [{"url": url, "fetch_pages": False}], issue_size=3)


def _article(out: Path, number: int, link: str) -> dict:
    data = json.loads((out / f"issue-{number}.json").read_text(encoding="utf-8"))
    (found,) = [a for s in data["sections"] for a in s["articles"] if a["url"] == link]
    return found


def _published(out: Path, number: int) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob(f"issue-{number}.*"))}


def test_the_json_blurb_of_a_blurb_with_html_is_the_text_editions_and_edits_round_trip(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk188 #3: a draft blurb with `<b onclick=...>` and a `javascript:` anchor was published
    in issue-N.json's "blurb" as `<b onclick="x()">consistently and ... <a
    href="javascript:alert(2)">survey</a>`: the `</b>` dropped, the rest kept. README: an
    article's `blurb` is its text, the text edition's. An editor's edit of that "blurb", then
    `curator render N`, publishes the edit in every edition, and nothing unsafe.
    (walk195 #5: `<b>` and `<a>`, which Markdown writes, now stop the build; `<span>` and `<mark>`
    are published as text.)"""
    config = _newsletter(tmp_path, http_server)
    code, out, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, out + err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert STORY in text, text
    draft.write_text(text.replace(STORY, HOSTILE, 1), encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, out + err
    assert "is published as visible text" in said_as_one(err), err  # (warned, as before)

    output = tmp_path / "output"
    link = "http://kunde.example/post/0"
    entry = _article(output, 1, link)
    assert entry["blurb"] == AS_TEXT, entry
    txt = (output / "issue-1.txt").read_text(encoding="utf-8")
    assert f"\n{AS_TEXT}\n" in txt, txt
    # the other editions show the HTML typed as text, from "blurb_markdown", as before
    assert "&lt;span onclick=" in (output / "issue-1.html").read_text(encoding="utf-8")

    # Rendered again untouched: every file as it was.
    before = _published(output, 1)
    code, out, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, out + err
    assert _published(output, 1) == before, said_as_one(out + err)

    # The editor corrects the "blurb" and renders: the correction is published everywhere.
    data = json.loads((output / "issue-1.json").read_text(encoding="utf-8"))
    corrected = "Collect them all, consistently, and act on what the survey tells you."
    for section in data["sections"]:
        for art in section["articles"]:
            if art["url"] == link:
                art["blurb"] = corrected
    (output / "issue-1.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    code, out, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, out + err
    assert _article(output, 1, link)["blurb"] == corrected
    for name, page in _published(output, 1).items():
        assert "onclick" not in page and "javascript:" not in page, (name, page)
        if name != "issue-1.json":
            assert "Collect them all, consistently" in page, (name, page)
    with sqlite3.connect(tmp_path / "state" / "curator.db") as db:
        kept = [row[0] for row in db.execute("SELECT blurb FROM issue_articles")]
    assert corrected in kept, kept
