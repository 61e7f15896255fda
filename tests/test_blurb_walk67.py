"""Blurbs as walk 67 read them: the page's typography kept in what is published (#4), `extract`
telling that a build falls back to the feed's summary where the page has no sentence (#3), and
the editor told of a blurb that may not say what the article is about (#2)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import LocalServer, run_cli, sans_config
from tests.test_blurb_pages import page_bytes
from tests.test_blurb_walk16 import FIREFOX, FIREFOX_SUMMARY

#: Seed 004's opening, as its page writes it: curly apostrophes and quotation marks.
SEED4_TITLE = "Just What Is Customer Experience? It’s Not Just Customer Service"


def seed_page(seeds: Path, number: str, title: str) -> bytes:
    """A seed's text as an article page, a paragraph a line (as walk 67 served them)."""
    text = next(seeds.glob(f"{number}_*.txt")).read_text(encoding="utf-8")
    paragraphs = "".join(
        f"<p>{escape(line.strip())}</p>"
        for line in text.splitlines()
        if line.strip() and line.strip() != title
    )
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f"<body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>"
    ).encode()


def newsletter(tmp_path: Path, server: LocalServer, items: list[tuple[str, str, bytes]]) -> Path:
    """A newsletter of one feed on 127.0.0.1 whose items (title, summary, page) link to pages
    served there too."""
    xml = "".join(
        f"<item><title>{escape(title)}</title>"
        f"<link>{server.add(f'/p{n}.html', page, content_type='text/html; charset=utf-8')}"
        f"</link><description>{escape(summary)}</description>"
        f"<pubDate>Mon, 23 Nov 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, (title, summary, page) in enumerate(items, 1)
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>CX</title>{xml}</channel></rss>'
    )
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Ed"},
        "subjects": [
            {"name": "News", "keywords": ["customer experience", "firefox", "customer service"]}
        ],
        "feeds": [{"url": server.add("/feed.xml", feed.encode("utf-8"))}],
        "settings": {"fetch_pages": True, "allow_private_addresses": True, "timeout": 10},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_a_published_blurb_keeps_the_pages_curly_quotes(
    tmp_path: Path, http_server: LocalServer, seeds: Path
) -> None:
    """Seed 004 writes `He’s ... “The perception ...”`; every edition printed `He's ... "The
    perception ..."` while the title kept its `It’s`. Seed 000, the model issue, keeps its curly
    quotes."""
    config = newsletter(
        tmp_path, http_server, [(SEED4_TITLE, "", seed_page(seeds, "004", SEED4_TITLE))]
    )
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    for edition in ("issue-1.md", "issue-1.txt", "issue-1.html"):
        issue = (tmp_path / "output" / edition).read_text(encoding="utf-8")
        assert "He’s described customer experience as: “The perception that customers" in issue, (
            edition
        )
        assert "He's described" not in issue and '"The perception' not in issue, edition


def test_extract_says_a_build_falls_back_to_the_feeds_summary(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """The Firefox Nightly page has no sentence that can open a blurb (a list of link texts), and
    `extract` said "(no blurb: no complete sentences found)" while the build published a blurb
    from its feed's summary; its help says it reads pages "exactly as the build reads them"."""
    config = newsletter(
        tmp_path,
        http_server,
        [("These Weeks in Firefox: Issue 85", FIREFOX_SUMMARY, page_bytes(corpus, FIREFOX))],
    )
    url = http_server.url("/p1.html")
    # Not stored yet: the line says what a build would do.
    code, out, err = run_cli("extract", "--allow-private", url)
    assert code == 0, err
    # (its sentences are there, each leaning on one before it: said so since walk74 #1)
    said = " ".join(out.split())
    assert "(no blurb from the page: it has 6 complete sentence(s), but none can open one" in said
    assert "a build falls back to the summary its feed gives, when there is one)" in said, said
    # Stored by a fetch: the blurb the newsletter made (and publishes) follows.
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    code, out, err = run_cli("extract", "--config", str(config), url)
    assert code == 0, err
    assert (
        "your newsletter's blurb: Here's our Firefox Year in Review! Here’s our Performance Year"
        " in Review!"
    ) in out, out
    code, out, err = run_cli("extract", "--help")
    assert "a build also has the feed's summary" in " ".join(out.split())


SEED2_TITLE = "The Difference Between Customer Experience & Service"
SAILING = "I learned to sail when I was young."
FIREFOX_BLURB = "Here's our Firefox Year in Review! Here’s our Performance Year in Review!"


def weak_newsletter(tmp_path: Path, server: LocalServer, seeds: Path, corpus: Path) -> Path:
    """Seed 002, whose blurb is its opening anecdote; Firefox Nightly, whose blurb is two link
    texts from its feed's summary; seed 004, whose blurb says what the article is about."""
    return newsletter(
        tmp_path,
        server,
        [
            (SEED2_TITLE, "", seed_page(seeds, "002", SEED2_TITLE)),
            ("These Weeks in Firefox: Issue 85", FIREFOX_SUMMARY, page_bytes(corpus, FIREFOX)),
            (SEED4_TITLE, "", seed_page(seeds, "004", SEED4_TITLE)),
        ],
    )


def test_a_plain_build_warns_of_a_blurb_that_may_not_say_what_the_article_is_about(
    tmp_path: Path, http_server: LocalServer, seeds: Path, corpus: Path
) -> None:
    """walk67 #2: both blurbs were published without a word (exit 0, stderr silent)."""
    config = weak_newsletter(tmp_path, http_server, seeds, corpus)
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert SAILING in issue and FIREFOX_BLURB in issue  # published as they are
    said = " ".join(sans_config(err).split())
    assert (
        f'the blurb of "{SEED2_TITLE}" (http://127.0.0.1:' in said
        and 'may not say what the article is about (each of its sentences says "I" or "my": it'
        " may tell the author's own story, which the article opens with, rather than what the"
        ' article is about): it is published so (to change it now: its "blurb" in'
        f" {tmp_path / 'output' / 'issue-1.json'}, then `curator render 1`; next time, to check an"
        " issue before it is published: `curator draft`"
        f" (which writes {tmp_path / 'drafts' / 'issue-2.md'}), then `curator build"
        in said
    ), err
    assert (
        'the blurb of "These Weeks in Firefox: Issue 85" (https://blog.nightly.mozilla.org/' in said
        and "may not say what the article is about (it is 73 characters long, where blurbs are"
        " 150-450: it may be a few headlines or link texts"
        in said
    ), err
    assert said.count("may not say what the article is about (") == 2  # not seed 004's


def test_the_draft_notes_a_blurb_that_may_not_say_what_the_article_is_about(
    tmp_path: Path, http_server: LocalServer, seeds: Path, corpus: Path
) -> None:
    config = weak_newsletter(tmp_path, http_server, seeds, corpus)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    blocks = {b.splitlines()[0]: b for b in draft.split("\n## ")[1:]}
    note = "<!-- Check this blurb: "
    assert '<!-- Check this blurb: each of its sentences says "I" or "my"' in blocks[SEED2_TITLE]
    assert (
        "<!-- Check this blurb: it is 73 characters long"
        in (blocks["These Weeks in Firefox: Issue 85"])
    )
    assert note not in blocks[SEED4_TITLE]
    assert "Write what the article does for the reader, or leave it. -->" in blocks[SEED2_TITLE]
    assert " ".join(err.split()).count("may not say what the article is about") == 2
    assert "check it under its heading in" in err
