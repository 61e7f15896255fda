"""Blurbs from real article pages: they open with the article's lead or its standfirst, never with
someone else's words; a quotation keeps its marks and attribution; a page of list items or spec
lines gets no blurb and the editor is told (walk2.md defects 1, 2 and 5)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import LocalServer, run_cli
from curator.cli import cli

SEATTLE = "articles/readability/seattletimes-1/source.html"
GUARDIAN = "articles/readability/guardian-1/source.html"
BREITBART = "articles/readability/breitbart/source.html"
FIREFOX = "articles/readability/firefox-nightly-blog/source.html"
IETF = "articles/readability/ietf-1/source.html"
THE_HILL = (
    "articles/scrapinghub/html/"
    "156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38.html.gz"
)
MACRUMORS = (
    "articles/scrapinghub/html/"
    "232a43fb15abde807427b2a7bf4f772e27b8760554370956d8291df4e8166dbf.html.gz"
)

SEATTLE_DESCRIPTION = (
    "The story of Whole Foods’ halibut deal opens a window into Amazon’s grocery strategy and "
    "draws a line from a Seattle industry with roots in the 19th century to the dominant economic "
    "force of the 21st."
)
NOEM_TWEET = (
    "“Meth is IN SD. Twitter can make a joke of it, but when it comes down to it - Meth is a "
    "serious problem in SD. We are here to Get. It. OUT,” Noem tweeted Monday night."
)


def page_bytes(corpus: Path, name: str) -> bytes:
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"the corpus page {path} is missing")
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def extracted_blurb(corpus: Path, name: str, tmp_path: Path) -> str:
    """The blurb `curator extract --json` shows for the corpus page (a saved .html file)."""
    page = tmp_path / Path(name).name.removesuffix(".gz")
    page.write_bytes(page_bytes(corpus, name))
    result = CliRunner().invoke(cli, ["extract", "--json", str(page)])
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["blurb"])


def test_a_standfirst_without_a_full_stop_then_the_lead(corpus: Path, tmp_path: Path) -> None:
    blurb = extracted_blurb(corpus, GUARDIAN, tmp_path)
    # It was "Seven decades later, Parata, 75, ..." (the third sentence) and then Parata's quote.
    assert blurb == (
        "New Zealand’s whale whisperers worry that manmade changes in the ocean are behind the "
        "spike in beachings. Whale whisperer Hori Parata was just seven years old when he "
        "attended his first mass stranding, a beaching of porpoises in New Zealand’s Northland, "
        "their cries screeching through the air on the deserted stretch of sand."
    )


def test_the_description_beats_two_tweets_quoted_further_down(corpus: Path, tmp_path: Path) -> None:
    blurb = extracted_blurb(corpus, BREITBART, tmp_path)
    # It was 'The tweet from Vulture magazine reads, "#Hamilton ..." Emery retweeted the story, ...'
    assert blurb == (
        "Snopes fact checker and staff writer David Emery posted to Twitter asking if there were "
        "“any un-angry Trump supporters?”"
    )


def test_a_sidebar_above_the_articles_title_is_not_its_lead(corpus: Path, tmp_path: Path) -> None:
    blurb = extracted_blurb(corpus, MACRUMORS, tmp_path)
    # Above the title, the page's text has an iPhone camera sidebar ("Night mode is ...").
    assert "Night mode" not in blurb
    assert blurb.startswith("The report claims the display size will remain 13.3 inches")
    assert "MacBook Pro" in blurb


def test_a_spec_requirement_line_is_no_sentence_of_a_blurb(corpus: Path, tmp_path: Path) -> None:
    # It was "... tree structure. MUST support chunked transfer coding on PUT requests." The
    # remaining prose is too short for a blurb, and only list lines follow: none is made.
    assert extracted_blurb(corpus, IETF, tmp_path) == ""


@pytest.fixture
def newsletter(tmp_path: Path, http_server: LocalServer, corpus: Path) -> Path:
    """A feed of three real pages served on 127.0.0.1: a news story with a standfirst, a story
    quoting a tweet, and a blog post of list items."""
    pages = {
        "Alaskan halibut provides a glimpse of Amazon's strategy with Whole Foods": SEATTLE,
        "South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign": THE_HILL,
        "These Weeks in Firefox: Issue 85": FIREFOX,
    }
    items = "".join(
        f"<item><title>{title}</title><link>{http_server.add(f'/p{n}.html', page_bytes(corpus, name), content_type='text/html; charset=utf-8')}</link>"
        f"<pubDate>Mon, 23 Nov 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, (title, name) in enumerate(pages.items(), 1)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'
    config = {
        "newsletter": {"title": "Test Weekly", "editor": "Ed"},
        "subjects": [{"name": "News", "keywords": ["amazon", "meth", "firefox"]}],
        "feeds": [{"url": http_server.add("/feed.xml", feed.encode("utf-8"))}],
        "settings": {"fetch_pages": True, "allow_private_addresses": True, "timeout": 10},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_the_issue_opens_blurbs_with_the_lead_keeps_quotes_whole_and_warns_of_fragments(
    newsletter: Path,
) -> None:
    code, out, err = run_cli("build", "--config", str(newsletter))
    assert code == 0, err
    issue = (newsletter.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    # Seattle Times: the publisher's standfirst, not '"Whole Foods is one of the better ones, to
    # be honest with you," Bassi said.' (the blurb used to open with it).
    assert SEATTLE_DESCRIPTION in issue
    assert "Bassi said" not in issue
    # The Hill: the governor's tweet, with its quotation marks and "Noem tweeted", after the
    # reporter's sentence; it used to read "... working. Twitter can make a joke of it, but ..."
    # as the reporter's own words.
    assert (
        "The tagline drew a mix of criticism and ridicule across Twitter on Monday, but Noem cited "
        "the backlash as proof that efforts to raise awareness around South Dakota's "
        f"methamphetamine crisis was, in fact, working. {NOEM_TWEET}"
    ) in issue
    assert "working. Twitter can make" not in issue
    # Firefox Nightly: only unrelated list items ("She transferred internally from Marketing
    # Engineering."): no blurb, and the editor is told which article.
    assert "She transferred internally" not in issue
    assert "These Weeks in Firefox: Issue 85" in issue
    assert 'no blurb could be made for "These Weeks in Firefox: Issue 85"' in err
    assert err.count("no blurb could be made") == 1
