"""Walk 20, findings 5-7, on the corpus pages the walk published: a section heading is no sentence
of a blurb (Node.js: "... Why CPU monitoring is important?"), a lead that tells the description's
news again in other words is left out (Medical News Today: "a-ha!" twice), a site's name with a
tagline after a symbol leaves a feed item's title (" ✩ Mozilla Hacks – the Web developer blog"),
and `curator extract` shows the title as an issue prints it, beside the page's own."""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

from conftest import LocalServer, run_cli
from tests.test_page_titles import build_issue, one_item_feed, saved_page

NODE = "articles/readability/lazy-image-1/source.html"
AHA = "articles/readability/medicalnewstoday/source.html"
FETCH = "articles/readability/002/source.html"
WHALES = "articles/readability/guardian-1/source.html"


def extracted(corpus: Path, tmp_path: Path, name: str) -> dict[str, str]:
    code, out, err = run_cli("extract", "--json", str(saved_page(corpus, name, tmp_path)))
    assert code == 0, err
    record: dict[str, str] = json.loads(out)
    return record


def test_curator_extract_leaves_a_question_heading_out_of_the_blurb(
    corpus: Path, tmp_path: Path
) -> None:
    """The Medium page's first section is headed by an <h1> "Why CPU monitoring is important?",
    which the article's text shows as a line of its own: it read as the blurb's second sentence."""
    record = extracted(corpus, tmp_path, NODE)
    assert record["blurb"] == (
        "How to run a CPU profiling with Node.js on your production in real-time and without"
        " interruption of service. I work at Voodoo, a French company that creates mobile video"
        " games."
    )


def test_a_build_leaves_a_question_heading_out_of_the_blurb(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """The walk's issue, as the build makes it: the page served over HTTP, linked by a feed."""
    page = saved_page(corpus, NODE, tmp_path).read_text(encoding="utf-8")
    feed = one_item_feed(
        http_server,
        "node",
        "Dev Notes",
        page,
        "<title>Node.js and CPU profiling on production (in real-time without downtime)</title>"
        "<description>Node.</description>",
    )
    build_issue(tmp_path, "cpu, node.js, profiling", [feed])
    for name in ("issue-1.txt", "issue-1.html"):
        issue = unescape((tmp_path / "output" / name).read_text(encoding="utf-8"))
        assert "without interruption of service. I work at Voodoo" in issue, name
        assert "Why CPU monitoring is important?" not in issue, name


def test_curator_extract_does_not_tell_the_descriptions_news_twice(
    corpus: Path, tmp_path: Path
) -> None:
    """Medical News Today's description and its lead sentence say the same in other words ("New
    research investigates ... a-ha! moment", "A new study investigates when the 'a-ha!' moment
    ..."): the blurb takes the description and the next sentence that says something new."""
    record = extracted(corpus, tmp_path, AHA)
    blurb = record["blurb"]
    assert blurb.startswith(
        "New research investigates the neurobiological timing of the so-called a-ha! moment"
    )
    assert "A new study investigates" not in blurb
    assert blurb.endswith("when we least think about it.")


def test_a_build_cuts_a_sites_name_and_tagline_after_a_symbol_from_a_feed_items_title(
    corpus: Path, tmp_path: Path, http_server: LocalServer
) -> None:
    """The feed's item is titled as Mozilla Hacks' page is: "This API is so Fetching! ✩ Mozilla
    Hacks – the Web developer blog", the site's name (with its tagline after a dash) after a
    star. The issue shows "This API is so Fetching!"."""
    page = saved_page(corpus, FETCH, tmp_path).read_text(encoding="utf-8")
    feed = one_item_feed(
        http_server,
        "hacks",
        "Dev Notes",
        page,
        "<title>This API is so Fetching! \u2729 Mozilla Hacks \u2013 the Web developer blog"
        "</title><description>Fetch API.</description>",
    )
    credits = build_issue(tmp_path, "fetch, api, xhr", [feed])
    assert list(credits) == ["This API is so Fetching!"]


def test_curator_extract_shows_the_title_an_issue_prints_and_the_pages_own(
    corpus: Path, tmp_path: Path
) -> None:
    """The Guardian's title ends "| Eleanor Ainge Roy", which an issue drops: `curator extract`
    showed it whole, as if the issue would. It now shows the issue's title first and the page's
    own title, labelled, under it; --json gives both."""
    page = saved_page(corpus, WHALES, tmp_path)
    code, out, err = run_cli("extract", str(page))
    assert code == 0, err
    title = "'What is the sea telling us?': M\u0101ori tribes fearful over whale strandings"
    assert out.splitlines()[:3] == [
        title,
        f"  the page's own title: {title} | Eleanor Ainge Roy",
        "  Eleanor Ainge Roy || the Guardian",
    ]
    record = extracted(corpus, tmp_path, WHALES)
    assert (record["issue_title"], record["title"]) == (title, f"{title} | Eleanor Ainge Roy")
