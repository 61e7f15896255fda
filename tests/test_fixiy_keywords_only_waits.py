"""fixiy (walk185 on walk182 #1): a plain build published two sport ticket queues in "Service
operations" (placed there on its keywords alone, last in their section and warned of) while an
on-field article the editor had moved there waited. Like an article behind a sign-in page
(`gatedchoice`), a keywords-only article is featured now only when its subject has no waiting
article to take its place, by a build and by a draft, which say which was left out, for which,
and how to feature it all the same. Served by a local HTTP server; BBC sport texts from the
corpus, the on-field articles the project's own and a seed article."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_blurb import seed_text
from test_fixhe_like_excluded import CHAT, CUP, POOLS, RUGBY, SUBJECTS, feed, page
from test_fixiq_keywords_only import bbc

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


@dataclass(frozen=True)
class Newsletter:
    folder: Path
    conf: tuple[str, str]
    #: The on-field article the editor moved to "Service operations" (its title, its URL).
    moved: tuple[str, str]
    cup: str
    rugby: str


@pytest.fixture
def newsletter(tmp_path: Path, corpus: Path, seeds: Path) -> Iterator[Newsletter]:
    """Four CX subjects of five articles each, 30 BBC sport stories, two sport ticket queues
    that "Service operations" takes on its keywords alone, and a seed article on customer
    service the editor moved there, which scores under them: 7 articles a subject."""
    pick = random.Random(182)
    server = LocalServer().start()
    try:
        items = []
        for s, (subject, pool) in enumerate(POOLS.items()):
            for n in range(5):
                title = f"{subject.split()[0]} note {n + 1}"
                url = server.add(
                    f"/a{s}-{n}.html", page(title, pick.sample(pool, 5)), content_type="text/html"
                )
                items.append((title, url))
        for n, (title, paragraphs) in enumerate(bbc(corpus, ("sport",), 30)):
            url = server.add(f"/b{n}.html", page(title, paragraphs), content_type="text/html")
            items.append((title, url))
        text, seed_title = seed_text(seeds, "001")
        paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) > 80][:8]
        moved = server.add("/seed.html", page(seed_title, paragraphs), content_type="text/html")
        cup = server.add("/cup.html", page(*CUP), content_type="text/html")
        rugby = server.add("/rugby.html", page(*RUGBY), content_type="text/html")
        chat = server.add("/chat.html", page(*CHAT), content_type="text/html")
        feed(
            server,
            [*items, (seed_title, moved), (CUP[0], cup), (RUGBY[0], rugby), (CHAT[0], chat)],
        )
        folder = tmp_path / "nl"
        folder.mkdir()
        config = folder / "feeds.yaml"
        config.write_text(
            "newsletter:\n  title: CX Weekly\n  issue_size: 7\n"
            f"feeds:\n  - url: {server.url('/feed.xml')}\n{SUBJECTS}"
            "settings:\n  allow_private_addresses: true\n",
            encoding="utf-8",
        )
        conf = ("--config", str(config))
        code, _, err = run("fetch", *conf, "-q")
        assert code == 0, err
        code, _, err = run("subjects", "move", moved, "Service operations", *conf)
        assert code == 0, err
        code, out, err = run("subjects", "list", *conf, "--subject", "Service operations")
        assert code == 0, err
        listed = [line.strip() for line in out.splitlines()]
        # (as walk185 found it: the sport stories score above the moved article)
        ranks = {t: i for i, line in enumerate(listed) for t in (RUGBY[0], seed_title) if t in line}
        assert ranks[RUGBY[0]] < ranks[seed_title], out
        yield Newsletter(folder, conf, (seed_title, moved), cup, rugby)
    finally:
        server.stop()


def _left_out(n: Newsletter, title: str, url: str) -> str:
    return (
        f'"{title}" ({url}) was left out of this issue for "{n.moved[0]}" ({n.moved[1]}), under'
        f' "Service operations": it fits "Service operations" only through its keywords'
    )


def _service_section(html: str) -> str:
    return html.split("Service operations", 1)[1].split("Voice of the customer", 1)[0]


def test_a_plain_build_features_the_waiting_article_before_a_keywords_only_one(
    newsletter: Newsletter,
) -> None:
    n = newsletter
    code, out, err = run("build", *n.conf, "--no-fetch")
    assert code == 0, err
    html = (n.folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert n.moved[0] in _service_section(html), html
    assert RUGBY[0] not in html and CUP[0] not in html, _service_section(html)
    said = said_as_one(err)
    assert _left_out(n, RUGBY[0], n.rugby) in said, said
    # (the cup final queue, which the issue did not choose first, is not said left out)
    assert f"({n.cup}) was left out" not in said, said
    nxt = n.folder / "drafts" / "issue-2.md"
    assert (
        f'To feature it all the same, add "## {n.rugby}" under "# Service operations" in a draft:'
        f" `curator draft {' '.join(n.conf)}` (which writes {nxt}), then `curator build --draft"
        f" {nxt} {' '.join(n.conf)}`; if it is off the subject, `curator subjects exclude"
        f" {n.rugby} {' '.join(n.conf)}` keeps it out of later issues"
    ) in said, said
    assert "it is published, last in its section" not in said, said


def test_the_draft_and_its_build_feature_the_waiting_article(newsletter: Newsletter) -> None:
    n = newsletter
    code, _, err = run("draft", *n.conf, "--no-fetch")
    assert code == 0, err
    path = n.folder / "drafts" / "issue-1.md"
    draft = path.read_text(encoding="utf-8")
    section = draft.split("# Service operations", 1)[1].split("\n# ", 1)[0]
    assert f"## {n.moved[0]}" in section, section
    # (the rugby queue is named only in the note of those held back: fixjq #3)
    blocks = re.sub(r"(?s)<!--.*?-->", "", draft)
    assert RUGBY[0] not in blocks and CUP[0] not in draft, section
    said = said_as_one(err)
    assert _left_out(n, RUGBY[0], n.rugby) in said, said
    assert f"in a draft, {path}, then `curator build --draft {path}" in said, said
    code, _, err = run("build", "--draft", str(path), *n.conf)
    assert code == 0, err
    html = (n.folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert n.moved[0] in _service_section(html), html
    assert RUGBY[0] not in html and CUP[0] not in html, _service_section(html)


def test_themes_and_the_issue_line_count_keywords_only_articles(newsletter: Newsletter) -> None:
    """With room for every article of "Service operations", nothing waits: the sport ticket
    queues are published, and counted as weak fits are, by `themes` and the build's issue line."""
    n = newsletter
    config = Path(n.conf[1])
    config.write_text(
        config.read_text(encoding="utf-8").replace("issue_size: 7", "issue_size: 9"),
        encoding="utf-8",
    )
    code, out, err = run("themes", *n.conf)
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.strip().startswith("Service operations:"))
    assert "2 of its best 9 fitting it only through its keywords" in line, out
    code, out, err = run("themes", *n.conf, "--json")
    assert code == 0, err
    rows = {r["subject"]: r for r in json.loads(out)["subjects"]}
    assert rows["Service operations"]["keywords_only"] == 2, rows
    assert rows["Customer success"]["keywords_only"] == 0, rows
    code, out, err = run("build", *n.conf, "--no-fetch")
    assert code == 0, err
    assert "2 fitting only through the subject's keywords, in 4 subject(s)" in out, out
    html = (n.folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert RUGBY[0] in html and CUP[0] in html and n.moved[0] in html, html
    assert "was left out of this issue" not in err, err
