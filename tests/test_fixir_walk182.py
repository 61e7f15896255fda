"""walk182: what corrections and subject edits move, said plainly."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from test_walk47 import _cut, _urls

from conftest import LocalServer, run_cli, said_as_one

#: The demo's post that excluding sends a BBC sport story, unlike it, into a subject.
DELIGHT = "https://brightline.example/blog/delight-or-effortless"
KENYA = "Kenya lift Chepkemei's suspension"


def _with_news(demo: Path, corpus: Path, server: LocalServer) -> None:
    """The demo newsletter with a feed of 50 real BBC stories (ten each of sport, politics,
    entertainment, business and tech; pages not read), none about customer experience."""
    path = corpus / "topics" / "bbc-news" / "articles.jsonl"
    if not path.exists():
        pytest.skip(f"needs the shared corpus's BBC news texts at {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    picked = []
    for label in ("sport", "politics", "entertainment", "business", "tech"):
        picked += [r for r in rows if r["label"] == label][:10]
    items = "".join(
        f"<item><title>{escape(r['title'])}</title><link>https://news.example/{r['id']}</link>"
        f"<description>{escape(r['text'][:1500])}</description></item>"
        for r in picked
    )
    url = server.add(
        "/news.xml", f'<rss version="2.0"><channel><title>News</title>{items}</channel></rss>'
    )
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("feeds:\n", f"feeds:\n  - url: {url}\n    fetch_pages: false\n", 1),
        encoding="utf-8",
    )
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0


def test_an_exclusion_tells_borderline_articles_from_those_like_it(
    demo: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk182 #2: excluding an office post "moved 2 other article(s) with it", a politics story
    and a football report, and explain then blamed "your moves" after an exclusion alone."""
    _with_news(demo, corpus, http_server)

    code, out, err = run_cli("subjects", "exclude", "--config", str(demo), "-q", DELIGHT)

    assert code == 0, err
    said = said_as_one(out)
    assert "change subject with it" not in said, said
    assert "No article like it changes subject with it" in said
    assert "1 article(s) unlike it changed place because the correction changed how" in said
    assert f"no subject -> The basics of customer experience: {KENYA}" in out
    block = out[out.index("Not like it, so not pulled by it: moved because") :]
    assert KENYA in block
    assert "      was no subject: best The basics of customer experience" in block
    assert "      now The basics of customer experience: score" in block
    kenya = next(line for line in out.splitlines() if KENYA in line)
    url = out.splitlines()[out.splitlines().index(kenya) + 1].strip()

    code, out, err = run_cli("subjects", "explain", "--config", str(demo), "-q", url)
    assert code == 0, err
    said = said_as_one(out)
    assert "your moves changed" not in said
    assert "you have moved no article; your exclusions changed how curator weighs" in said

    assert run_cli("subjects", "undo", "--config", str(demo), "-q", DELIGHT)[0] == 0
    code, out, err = run_cli("subjects", "exclude", "--config", str(demo), "--json", DELIGHT)
    assert code == 0, err
    data = json.loads(out)
    entry = data[0] if isinstance(data, list) else data
    (change,) = [c for c in entry["changes"] if c["url"] == url]
    assert change["like_corrected"] is False
    assert change["was"].startswith("no subject") and change["now"].startswith("The basics")


def test_a_themed_issue_cut_below_min_articles_is_published_with_a_warning(
    themed_demo: Path,
) -> None:
    """walk182 #8: cutting a themed draft to fewer than `min_articles` published it without a
    word. Now the build says so, and still publishes it (the editor's choice stands)."""
    demo = themed_demo
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    code, _, err = run_cli("draft", "--config", str(demo), "--no-fetch", "-q")
    assert code == 0, err
    (draft,) = (demo.parent / "drafts").glob("issue-*.md")
    urls = _urls(draft)
    assert len(urls) >= 2, draft.read_text(encoding="utf-8")
    for url in urls[:-1]:  # (the last block holds the draft's end line)
        _cut(draft, url)

    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(draft))

    assert code == 0, err
    said = said_as_one(err)
    assert (
        f"{draft}: issue 1 on The basics of customer experience has 1 on The basics of customer"
        " experience, fewer than the 2 article(s) a subject of a theme needs (`themes:"
        " min_articles: 2` in feeds.yaml); it is published as your draft has it." in said
    ), err
    published = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert urls[-1] in published and urls[0] not in published
