"""walk192 #2 (fixkf): an article is named under a story only as the same story as the article
that leads it, for the pair's own reason; never joined to it through a third article (issue 1
said "How does it really work? (was Re: text of White House announcement ...)" was the same
story as "The battle is joined": "their titles share 8 of their words", though those two titles
share no word: the 8 were shared with a third article, "text of White House announcement ...").
Through the CLI, on the corpus's sci.crypt posts, served on 127.0.0.1."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest
import yaml
from test_walk119_copies import HTML, page, rss

from conftest import LocalServer
from conftest import run_cli as run

#: The corpus's posts: a White House announcement, the same text reposted under another title
#: (92% of its text), and a reply whose title quotes the announcement's (8 words shared, ~5% of
#: the text).
ANNOUNCEMENT = "sci.crypt-015183"
REPOST = "sci.crypt-015193"
REPLY = "sci.crypt-015285"
#: The repost's text is its first part (the part compared as its story) and then posts on
#: space, which weigh it well below the announcement for the subject: the announcement is reached
#: first, the repost (the original, the earliest) named under it, then made to lead its story.
FILLER = "sci.space-"


def _posts(corpus: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    path = corpus / "topics" / "20newsgroups" / "sci-train.jsonl"
    if not path.is_file():
        pytest.skip(f"the corpus has no {path}")
    found: dict[str, dict[str, str]] = {}
    filler: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            post = json.loads(line)
            if post["id"] in (ANNOUNCEMENT, REPOST, REPLY):
                found[post["id"]] = post
            elif post["id"].startswith(FILLER) and sum(map(len, filler)) < 12_000:
                filler.append(post["text"])
    if len(found) < 3:
        pytest.skip(f"the corpus's {path.name} lacks the sci.crypt posts this test reads")
    return found, filler


def _paragraphs(text: str) -> list[str]:
    return [escape(" ".join(p.split())) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _lead(paragraphs: list[str]) -> list[str]:
    """The first paragraphs, to 5,000 characters."""
    kept: list[str] = []
    for p in paragraphs:
        if sum(map(len, kept)) > 5_000:
            break
        kept.append(p)
    return kept


def test_an_article_is_never_named_under_a_story_through_a_third_article(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    posts, filler = _posts(corpus)
    feeds = []
    dates = {
        ANNOUNCEMENT: "Fri, 04 Dec 2026 10:00:00 GMT",
        REPLY: "Sat, 05 Dec 2026 10:00:00 GMT",
        # (the repost is the earliest: the original, which `lead_of` lets lead its story)
        REPOST: "Mon, 30 Nov 2026 10:00:00 GMT",
    }
    for n, key in enumerate((ANNOUNCEMENT, REPLY, REPOST)):
        post = posts[key]
        paragraphs = _paragraphs(post["text"])
        if key == REPOST:
            paragraphs = [*_lead(paragraphs), *(p for text in filler for p in _paragraphs(text))]
        title = escape(post["title"])
        link = http_server.add(f"/p{n}/post.html", page(title, paragraphs), content_type=HTML)
        item = (title, link, dates[key], paragraphs[0][:300])
        name = f"Crypt List {n + 1}"
        url = http_server.add(f"/p{n}/feed.xml", rss(name, http_server.url("/"), [item]))
        feeds.append({"url": url, "name": name})
    config = {
        "newsletter": {"title": "Crypto Weekly", "editor": "Dana Reyes", "issue_size": 5},
        "subjects": [
            {
                "name": "Encryption",
                "description": "Encryption policy: the clipper chip, key escrow and wiretaps.",
                "keywords": ["clipper chip", "encryption", "key escrow", "wiretap"],
            }
        ],
        "feeds": feeds,
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("build", "--config", str(path))
    assert code == 0, err
    said = " ".join(err.split())
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    entries = {
        a["title"]: [c["url"] for c in a.get("also_covered_by", [])]
        for s in issue["sections"]
        for a in s["articles"]
    }
    reply_url = http_server.url("/p1/post.html")
    repost_title = posts[REPOST]["title"]
    # The reply is the same story as the announcement (its title quotes it), not as the
    # repost: it is never named under the repost, nor said to be its same story.
    assert reply_url not in entries.get(repost_title, []), (entries, err)
    assert not re.search(
        r'"How does it really work\?[^"]*" \([^)]*\) was judged the same story as'
        r' "The battle is joined"',
        said,
    ), said
    # (the repost, the original, is named under the announcement, whose copy the reply is)
    announced = entries[posts[ANNOUNCEMENT]["title"]]
    assert sorted(announced) == [http_server.url("/p1/post.html"), http_server.url("/p2/post.html")]
    # Every article named under another is said to be its same story for the pair's own reason.
    for title, copies in entries.items():
        for url in copies:
            found = re.search(
                rf"\({re.escape(url)}\) was judged the same story as \"{re.escape(title)}\"",
                said,
            )
            assert found, (title, url, said)
