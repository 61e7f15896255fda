"""walk200 #2, a WordPress meta line that files the post in its categories before its author:
`<p class="byline">Posted in <a>Customer Experience</a> by <a>Sam Lee</a></p>` credited "Customer
Experience and Sam Lee", and "Posted in A, B by Sam Lee on December 3, 2026" no one. Through
`curator draft` of a newsletter whose feed and page are served on 127.0.0.1: the draft's
`author:` lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_credit_formats import authors, drafted, newsletter

from conftest import LocalServer
from conftest import run_cli as run

TEXT = 3 * (
    "<p>Customer experience is the sum of every interaction a customer has with a company, from"
    " the first search to the last support call, and teams that map it find surprises in every"
    " channel.</p>"
)


def page(byline: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Story p1</title></head><body><article>"
        f'<h1>Story p1</h1><p class="byline">{byline}</p>{TEXT}'
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    "byline",
    [
        'Posted in <a href="/category/cx/">Customer Experience</a> by'
        ' <a href="/author/sam/">Sam Lee</a>',
        "Posted in Customer Experience, Support by Sam Lee on December 3, 2026",
        'Posted in <a href="/c/a/">Customer Experience</a>, <a href="/c/b/">Support</a> by'
        ' <a href="/author/sam/">Sam Lee</a> on December 3, 2026',
    ],
)
def test_a_meta_line_filing_the_post_in_categories_credits_its_author(
    tmp_path: Path, http_server: LocalServer, byline: str
) -> None:
    """#2: the author is credited, never the category, and a date after the name costs nothing."""
    config = newsletter(tmp_path, http_server, [("Customer service article", "", page(byline))])
    block = drafted(config)["Customer service article"]
    assert authors(block) == ["Sam Lee"], block


def test_extract_credits_the_author_not_the_category_link(http_server: LocalServer) -> None:
    """#2, as `curator extract --json` reads the page: the category's link ("/c/cx", no
    /category/ in it) was credited with the author, "Customer Experience and Sam Lee"."""
    byline = 'Posted in <a href="/c/cx">Customer Experience</a> by <a href="/a/sam">Sam Lee</a>'
    url = http_server.add("/p1.html", page(byline), content_type="text/html; charset=utf-8")
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["authors"] == ["Sam Lee"], out


def test_a_byline_by_two_after_its_category_credits_both(http_server: LocalServer) -> None:
    """The words filing the post under a category never hide a second author after "by"."""
    byline = 'Posted in Support by <a href="/a/ann">Ann Lee</a> and <a href="/a/bob">Bob Roe</a>'
    url = http_server.add("/p2.html", page(byline), content_type="text/html; charset=utf-8")
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["authors"] == ["Ann Lee", "Bob Roe"], out
