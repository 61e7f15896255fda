"""walk192 #1: a wire headline's `<ME>`, `<FI-TEK CORP>`, `<PORX.O>` (Reuters' way of naming a
company or its ticker) is text, kept in every title path (a feed's title, a page's, an article a
draft adds by its `## URL`), while a real tag (`<script>`, `<img onerror>`) is still removed and
runs in no edition; `fetch` counts the titles that lost words as they are, and a plain `build`
says of a featured title that lost words its page's headline has (walk192 #5: a warning on
featured articles sharing a title gives their count)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
import yaml
from hostile_helpers import build_json, rss, write_config

from conftest import LocalServer, run_cli, said_as_one, shared_dir

REUTERS = shared_dir() / "corpus" / "topics" / "reuters21578" / "articles.jsonl"
SUBJECTS = Path(__file__).resolve().parent.parent / "benchmarks" / "subjects" / "reuters8.yaml"

#: Wire headlines of the walk that lost words, by their corpus id.
WIRE = {
    "reuters-7045": "<FI-TEK CORP> TO MAKE ACQUISITION",
    "reuters-3053": "MCDOWELL <ME> TO MERGER WITH <INTERPHARM INC>",
    "reuters-17538": "POREX <PORX.O> TO MERGE WITH MEDCO <MCCS.O>",
    "reuters-18698": "IMPERIAL OIL <IMO.A> RAISES CRUDE 32 CANADIAN CTS",
    "reuters-8020": "INVESTMENT FIRM HAS 7.1 PCT OF CYCLOPS <CYL<",
}
#: Added to a draft by its address alone (`## URL`): its title is its page's.
ADDED = ("reuters-16277", "BOSTON FIVE <BFCS.O>, NEWORLD <NWOR.O> TO MERGE")
#: A hostile title: real tags, removed (a script's code with it), and its page's headline.
HOSTILE = (
    "reuters-10632",
    "<script>alert(1)</script>OIL <img src=x onerror=alert(2)> PRICES <b onclick=alert(3)>UP</b>",
    "OIL PRICES UP",
)
#: A feed's title without the ticker its page's headline has (no markup lost it): it stays.
STILL = ("reuters-11744", "OPPENHEIMER SELLS SIX PCT CYCLOPS STAKE")
#: A title a tag cut words from, whose page is headed with them (a Vue post's `<template>`).
CUT = ("reuters-10080", "Why <template> and </template> wrap every Vue component", "/a/vue.html")


def _rows() -> dict[str, dict[str, str]]:
    if not REUTERS.is_file():
        pytest.skip(f"the Reuters-21578 corpus file is missing: {REUTERS}")
    wanted = {*WIRE, ADDED[0], HOSTILE[0], CUT[0], STILL[0]}
    rows = {}
    for line in REUTERS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] in wanted:
            rows[row["id"]] = row
    assert set(rows) == wanted
    for key, title in WIRE.items():
        assert rows[key]["title"] == title  # the corpus's own headline
    return rows


def _page(title: str, text: str) -> str:
    """A wire's article page, headed by `title` (escaped as Reuters' pages and feeds escape it)."""
    shown = html.escape(title)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n    ") if p.strip())
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{shown} | Wire</title>'
        f'<meta property="og:title" content="{shown}"><meta property="og:site_name" content="Wire">'
        f"</head><body><article><h1>{shown}</h1><p>By Staff</p>{paragraphs}</article></body></html>"
    )


def _item(url: str, title: str, text: str) -> str:
    summary = html.escape(" ".join(text.split()[:40]))
    return (
        f"<item><title>{html.escape(title)}</title><link>{url}</link><guid>{url}</guid>"
        f"<pubDate>Mon, 06 Jul 2026 08:45:00 +0000</pubDate><description>{summary}</description>"
        "</item>"
    )


def _newsletter(tmp_path: Path, server: LocalServer) -> tuple[Path, dict[str, dict[str, str]]]:
    rows = _rows()
    items = []
    for key in WIRE:
        url = server.add(
            f"/a/{key}.html", _page(WIRE[key], rows[key]["text"]), content_type="text/html"
        )
        items.append(_item(url, WIRE[key], rows[key]["text"]))
    key, title, headline = HOSTILE
    url = server.add(
        "/a/hostile.html", _page(headline, rows[key]["text"]), content_type="text/html"
    )
    items.append(_item(url, title, rows[key]["text"]))
    key, title, path = CUT
    url = server.add(path, _page(title, rows[key]["text"]), content_type="text/html")
    items.append(_item(url, title, rows[key]["text"]))
    key, title = STILL
    url = server.add(
        f"/a/{key}.html", _page(rows[key]["title"], rows[key]["text"]), content_type="text/html"
    )
    items.append(_item(url, title, rows[key]["text"]))
    server.add(
        f"/a/{ADDED[0]}.html", _page(ADDED[1], rows[ADDED[0]]["text"]), content_type="text/html"
    )
    feed = server.add("/feeds/wire.xml", rss("".join(items), title="Wire"))
    subjects = [
        {k: s[k] for k in ("name", "description", "keywords")}
        for s in yaml.safe_load(SUBJECTS.read_text(encoding="utf-8"))["subjects"]
    ]
    config = write_config(
        tmp_path, [{"url": feed, "name": "Wire"}], subjects=subjects, issue_size=20
    )
    return config, rows


def _titles(issue: dict) -> dict[str, str]:
    return {
        e["url"].rsplit("/", 1)[-1]: e["title"] for s in issue["sections"] for e in s["articles"]
    }


def _editions(folder: Path, number: int) -> dict[str, str]:
    return {
        ext: (folder / "output" / f"issue-{number}.{ext}").read_text(encoding="utf-8")
        for ext in ("html", "txt", "md", "json")
    }


def test_wire_headlines_keep_their_bracketed_words(tmp_path: Path, http_server: LocalServer):
    config, _ = _newsletter(tmp_path, http_server)
    code, out, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    # only the hostile title and the one whose <template> was cut held markup; the hostile one
    # lost words with it, the other had them back from its page's headline: the count is real
    assert "1 feed(s) gave new articles titles holding HTML markup" in said, said
    assert "Wire: 2 new article(s)" in said, said
    assert "1 of those title(s) lost words with their markup" in said, said
    assert 'removed `<script>`, `<img>`, `<b>`, and "alert(1)" with it' in said, said
    assert "<fi-tek>" not in said and "<cyl>" not in said

    code, data, err = build_json(config)
    assert code == 0, err
    folder = config.parent
    issue = json.loads((folder / "output" / "issue-1.json").read_text(encoding="utf-8"))
    titles = _titles(issue)
    for key, title in WIRE.items():
        assert titles[f"{key}.html"] == title
    assert titles["hostile.html"] == "OIL PRICES UP"
    assert titles["vue.html"] == CUT[1]  # its page's headline, with the words markup took
    assert titles[f"{STILL[0]}.html"] == STILL[1]  # the feed's, as written
    editions = _editions(folder, 1)
    assert "&lt;FI-TEK CORP&gt; TO MAKE ACQUISITION" in editions["html"]
    assert "MCDOWELL &lt;ME&gt; TO MERGER WITH &lt;INTERPHARM INC&gt;" in editions["html"]
    assert "< FI-TEK CORP> TO MAKE ACQUISITION" in editions["txt"]
    for ext, text in editions.items():
        for hostile in ("<script", "onerror", "onclick", "alert(1)", "<img", "<b "):
            assert hostile not in text, (ext, hostile)
        if ext != "json":  # (the JSON's title is the text; its reader escapes it)
            assert "<FI-TEK" not in text and "<ME>" not in text, ext

    # a title that lacks words its page's headline has: a plain build says so, per article
    warned = [w["message"] for w in data["warnings"] if "lacks words" in w["message"]]
    assert len(warned) == 1, data["warnings"]
    assert f'the title "{STILL[1]}"' in warned[0], warned
    assert 'is headed "OPPENHEIMER SELLS SIX PCT CYCLOPS <CYL> STAKE"' in warned[0], warned
    assert warned[0] in said_as_one(err)


def test_added_by_url_and_hostile_page_titles(tmp_path: Path, http_server: LocalServer):
    config, _ = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    # the editor adds a wire story by its address alone, and puts one of the draft's back so
    first = text.index("\n# ")
    heading_end = text.index("\n", first + 1)
    added = http_server.url(f"/a/{ADDED[0]}.html")
    text = text[: heading_end + 1] + f"\n## {added}\n\n" + text[heading_end + 1 :]
    start = text.index(f"## {STILL[1]}\n")
    end = min(i for i in (text.find("\n## ", start + 1), text.find("\n# ", start + 1)) if i > 0)
    text = text[:start] + f"## {http_server.url(f'/a/{STILL[0]}.html')}\n" + text[end:]
    draft.write_text(text, encoding="utf-8")
    code, data, err = build_json(config, "--draft", str(draft))
    assert code == 0, err
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    titles = _titles(issue)
    assert titles[f"{ADDED[0]}.html"] == ADDED[1]
    assert titles["reuters-7045.html"] == WIRE["reuters-7045"]
    assert titles[f"{STILL[0]}.html"] == STILL[1]
    warned = [w["message"] for w in data["warnings"] if "lacks words" in w["message"]]
    assert len(warned) == 1, data["warnings"]
    assert (
        f'the title "{STILL[1]}"' in warned[0] and "added to the draft by its address" in warned[0]
    )
    for ext, edition in _editions(config.parent, 1).items():
        for hostile in ("<script", "onerror", "onclick", "<img"):
            assert hostile not in edition, (ext, hostile)


NEWSGROUPS = shared_dir() / "corpus" / "topics" / "20newsgroups" / "comp-train.jsonl"
SAME_TITLE = "IDE vs SCSI"


def test_featured_articles_of_one_title_are_counted(tmp_path: Path, http_server: LocalServer):
    if not NEWSGROUPS.is_file():
        pytest.skip(f"the 20 Newsgroups corpus file is missing: {NEWSGROUPS}")
    rows = [json.loads(line) for line in NEWSGROUPS.read_text(encoding="utf-8").splitlines()]
    posts = [r for r in rows if r["title"] == SAME_TITLE and len(r["text"]) > 900][:4]
    assert len(posts) == 4
    items = []
    for post in posts:
        url = http_server.add(
            f"/p/{post['id']}.html", _page(SAME_TITLE, post["text"]), content_type="text/html"
        )
        items.append(_item(url, SAME_TITLE, post["text"]))
    feed = http_server.add("/feeds/pc.xml", rss("".join(items), title="PC hardware"))
    subjects = [
        {k: s[k] for k in ("name", "description", "keywords")}
        for s in yaml.safe_load((SUBJECTS.parent / "computers.yaml").read_text(encoding="utf-8"))[
            "subjects"
        ]
    ]
    config = write_config(tmp_path, [{"url": feed}], subjects=subjects, issue_size=10)
    code, data, err = build_json(config)
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    featured = sum(e["title"] == SAME_TITLE for s in issue["sections"] for e in s["articles"])
    assert featured >= 3, issue  # (the walk's four)
    said = said_as_one(err)
    assert f'{featured} featured articles are titled "{SAME_TITLE}"' in said, said
    assert "two featured articles" not in said
