"""walk35 #1: a page's canonical address that is a listing ("/blog/index.html", "/tags/cx/") or
another story's stored address is not the entry's: each entry keeps its own link, week after
week. Through `curator fetch` against a real local server."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli

HTML = "text/html; charset=utf-8"


def _page(n: int, canonical: str) -> str:
    return (
        f'<html><head><title>Customer experience story {n}</title><link rel="canonical"'
        f' href="{canonical}"><meta name="author" content="Nia Stone"></head><body><article>'
        f"<h1>Customer experience story {n}</h1><p>Customer experience story number {n} is about"
        " customer service, loyalty and the customer journey, told at some length. Its text is"
        f" its own ({n}) so that the reader finds a body.</p><p>More on delight and effort,"
        f" paragraph {n}.</p></article></body></html>"
    )


def _item(n: int, link: str) -> str:
    return (
        f"<item><title>Customer experience story {n}</title><link>{link}</link><guid>{link}</guid>"
        "<description>Customer experience and customer service. About loyalty.</description>"
        "</item>"
    )


def _fetch(config: Path) -> dict[str, object]:
    code, out, err = run_cli("fetch", "--config", str(config), "--json")
    assert code == 0, err
    report: dict[str, object] = json.loads(out)["feeds"][0]
    return report


def _urls(tmp_path: Path) -> list[str]:
    db = tmp_path / "state" / "curator.db"
    return sorted(u for (u,) in h.store_rows(db, "SELECT url FROM articles"))


def test_pages_naming_their_blog_index_or_a_tag_page_stay_each_at_its_own_link(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk35 #1: pages whose canonical was "/blog/index.html" or "/tags/cx/" (neither above the
    link) were stored at it; next week's `fetch --json` said "entries": 6, "new": 0."""
    pages = {1: "/blog/post-1.html", 2: "/tag1/post-2.html", 11: "/blog/post-11.html"}
    pages |= {12: "/tag1/post-12.html", 13: "/news/post-13.html", 14: "/news/post-14.html"}
    canonicals = {1: "/blog/index.html", 11: "/blog/index.html", 2: "/tags/cx/", 12: "/tags/cx/"}
    canonicals |= {13: "/category/news/", 14: "/?cat=7"}
    for n, path in pages.items():
        http_server.add(path, _page(n, canonicals[n]), content_type=HTML)
    links = {n: http_server.url(path) for n, path in pages.items()}
    items = _item(1, links[1]) + _item(2, links[2])
    feed = http_server.add("/feed.xml", h.rss(items, "K Blog"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "K Blog"}])
    assert _fetch(config)["new"] == 2
    assert _urls(tmp_path) == sorted([links[1], links[2]])
    items += "".join(_item(n, links[n]) for n in (11, 12, 13, 14))
    http_server.add("/feed.xml", h.rss(items, "K Blog"))
    report = _fetch(config)
    assert (report["entries"], report["new"], report["warning"]) == (6, 4, None)
    assert _urls(tmp_path) == sorted(links.values())


def test_a_canonical_that_is_another_storys_stored_address_is_not_the_entrys(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A page whose template names an older story's address as its own (not a listing, named by
    no other page of its fetch): a different title says it is another story, kept at its own
    link. The same story at a second address (an AMP copy) is still that article."""
    first = http_server.url("/2026/story-1.html")
    http_server.add("/2026/story-1.html", _page(1, first), content_type=HTML)
    http_server.add("/2026/story-2.html", _page(2, first), content_type=HTML)
    http_server.add("/amp/story-1.html", _page(1, first), content_type=HTML)
    items = _item(1, first)
    feed = http_server.add("/feed.xml", h.rss(items, "K Blog"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "K Blog"}])
    assert _fetch(config)["new"] == 1
    items += _item(2, http_server.url("/2026/story-2.html"))
    items += _item(1, http_server.url("/amp/story-1.html"))
    http_server.add("/feed.xml", h.rss(items, "K Blog"))
    report = _fetch(config)
    assert (report["entries"], report["new"]) == (3, 1)
    assert _urls(tmp_path) == [first, http_server.url("/2026/story-2.html")]
