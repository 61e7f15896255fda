"""walk34 #1-4: no feed entry is merged into another article, or dropped, without a word. Pages
that all name one section as their canonical address, a link that redirects to the front page, an
id reused for a new story, entries sharing one link: each through `curator fetch` and `build`
against a real local server."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli

HTML = "text/html; charset=utf-8"


def _page(n: int, canonical: str) -> str:
    return (
        f'<html><head><title>Customer experience basics {n}</title><link rel="canonical"'
        f' href="{canonical}"><meta name="author" content="Person {n}"></head><body><article>'
        f"<h1>Customer experience basics {n}</h1><p>Customer experience article number {n}"
        " talks about customer service, loyalty and the customer journey at length. It is"
        f" different text {n} for each page so the reader finds a body.</p><p>More about delight"
        f" and effortless touchpoints, paragraph {n}.</p></article></body></html>"
    )


def _item(title: str, link: str, guid: str | None = None) -> str:
    guid_tag = f'<guid isPermaLink="false">{guid}</guid>' if guid else ""
    return (
        f"<item><title>{title}</title><link>{link}</link>{guid_tag}<description>{title}: customer"
        " experience and customer service, loyalty and delight.</description></item>"
    )


def _fetch(config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("fetch", "--config", str(config), *args)


def _urls(tmp_path: Path) -> list[str]:
    db = tmp_path / "state" / "curator.db"
    return sorted(u for (u,) in h.store_rows(db, "SELECT url FROM articles"))


def test_pages_naming_one_section_as_their_address_stay_each_at_its_own_link(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk34 #1: a1-a3 all said rel=canonical "/blog/": one article at /blog/ was published, and
    a4, next week, was "1 new" then "Nothing new to feature", lost for good."""
    links = {n: http_server.url(f"/p/a{n}.html") for n in range(1, 6)}
    for n in range(1, 5):
        http_server.add(f"/p/a{n}.html", _page(n, "/blog/"), content_type=HTML)
    # A page whose canonical is a section above its own link (not "/" only): alone in its fetch.
    http_server.add("/blog/2026/a5.html", _page(5, "/blog/2026/"), content_type=HTML)
    links[5] = http_server.url("/blog/2026/a5.html")
    items = [_item(f"Customer experience basics {n}", links[n]) for n in (1, 2, 3)]
    feed = http_server.add("/feed.xml", h.rss("".join(items), "Test Blog"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "Test Blog"}])
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    assert json.loads(out)["feeds"][0]["new"] == 3
    assert _urls(tmp_path) == sorted(links[n] for n in (1, 2, 3))
    # Next week: a4, alone in its fetch, names the same section; then a5, under /blog/.
    for n in (4, 5):
        items.insert(0, _item(f"Customer experience basics {n}", links[n]))
        http_server.add("/feed.xml", h.rss("".join(items), "Test Blog"))
        code, out, err = _fetch(config)
        assert code == 0, err
        assert f"Test Blog: {len(items)} entries, 1 new" in err
        assert "kept once" not in err
    assert _urls(tmp_path) == sorted(links.values())
    assert http_server.url("/blog/") not in _urls(tmp_path)
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    featured = json.dumps(issue)
    for n in range(1, 6):
        assert links[n] in featured, n
    assert http_server.url("/blog/") + '"' not in featured


def test_one_story_at_two_addresses_in_a_feed_is_still_one_article(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A canonical that is another entry's own link (an AMP copy, a tracking address) is that
    article: kept once, and said."""
    story = http_server.url("/2026/story.html")
    http_server.add("/2026/story.html", _page(1, story), content_type=HTML)
    http_server.add("/amp/story.html", _page(1, story), content_type=HTML)
    items = _item("Customer experience basics", story) + _item(
        "Customer experience basics (AMP)", http_server.url("/amp/story.html")
    )
    feed = http_server.add("/feed.xml", h.rss(items, "Test Blog"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "Test Blog"}])
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    assert _urls(tmp_path) == [story]
    report = json.loads(out)["feeds"][0]
    assert (report["new"], report["duplicates"], report["skipped"]) == (1, 1, 1)
    assert (
        "1 entry points at the same page as another entry of the feed; kept once"
        in (report["warning"])
    )


def test_entries_sharing_one_link_are_counted_and_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk34 #4: three items, their own ids and titles, one link (with #one, #two, #three): "3
    entries, 1 new", `"skipped": 0` and no warning. A "#fragment" is a place in one page, so the
    page is one article; the others are said, not dropped unseen."""
    page = http_server.url("/s/news.html")
    http_server.add("/s/news.html", _page(1, page), content_type=HTML)
    items = "".join(
        _item(f"Customer experience story {word}", f"{page}#{word}", guid=f"n{n}")
        for n, word in enumerate(("one", "two", "three"))
    )
    feed = http_server.add("/feed.xml", h.rss(items, "Same Link Blog"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "Same Link Blog"}])
    said = "2 entries point at the same page as another entry of the feed; kept once"
    code, out, err = _fetch(config)
    assert code == 0, err
    assert f"Same Link Blog: 3 entries, 1 new ({said})" in err
    assert f"  Same Link Blog: {said}" in err  # in the run's closing notes too
    assert _urls(tmp_path) == [page]
    http_server.add("/feed.xml", h.rss(items + " ", "Same Link Blog"))  # read again
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    report = json.loads(out)["feeds"][0]
    assert (report["new"], report["skipped"], report["duplicates"]) == (0, 2, 2)
    assert report["warning"] == said


def test_a_link_redirecting_to_the_front_page_is_a_dead_link_said_in_the_run(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk34 #2: /gone1 and /gone2 answered 301 to "/": the issue published the shop's front
    page ("Latest deals on customer experience software...") under gone1's title, gone2 vanished,
    and nothing was said. A link sent to the front page, or a section above it, is gone."""
    home = (
        '<html><head><title>Redirect Blog - home</title><link rel="canonical" href="/">'
        '<meta name="description" content="Latest deals on customer experience software.">'
        "</head><body><h1>Home</h1><p>Latest deals on customer experience software and customer"
        " service tools, loyalty programs.</p></body></html>"
    )
    http_server.add("/", home, content_type=HTML)
    http_server.add("/news/", home.replace("Home", "News"), content_type=HTML)
    for path, to in (("/gone1", "/"), ("/gone2", "/"), ("/news/gone3", "/news/")):
        http_server.add(path, status=301, headers={"Location": to}, content_type=None)
    http_server.add("/amp/kept", status=301, headers={"Location": "/kept"}, content_type=None)
    http_server.add("/kept", _page(4, "/kept"), content_type=HTML)
    links = [http_server.url(p) for p in ("/gone1", "/gone2", "/news/gone3", "/amp/kept")]
    items = "".join(_item(f"Customer experience basics {n}", u) for n, u in enumerate(links))
    feed = http_server.add("/feed.xml", h.rss(items, "Redirect Blog"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "Redirect Blog"}])
    code, out, err = _fetch(config)
    assert code == 0, err
    said = " ".join(err.split())
    assert "3 of 4 article page(s) could not be read" in said
    assert (
        "3 a redirect to the site's front page or a section above the article: it is gone" in said
    )
    urls = _urls(tmp_path)
    assert http_server.url("/") not in urls and http_server.url("/news/") not in urls
    assert sorted(urls) == sorted([*links[:3], http_server.url("/kept")])
    code, out, err = run_cli("subjects", "list", "--config", str(config))
    assert out.count("[dead link: its page answered a redirect to the site's front page") == 3, out
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    issue = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Latest deals" not in issue
    assert http_server.url("/kept") in issue
    for link in links[:3]:
        assert link not in issue


def test_an_id_reused_for_a_new_link_and_title_is_a_new_article_said_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk34 #3: a new item (new link, new title) giving the id "post" an earlier item gave:
    "3 entries, 0 new", lost for good. The same id with a new link but the same title is still
    the earlier article moved (test_feed_trouble)."""
    first = _item("Customer experience basics one", http_server.url("/x1.html"), guid="post")
    feed = http_server.add("/feed.xml", h.rss(first, "Guid Blog"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "Guid Blog", "fetch_pages": False}])
    assert _fetch(config)[0] == 0
    reused = _item("Measuring CSAT and NPS metrics well", http_server.url("/x3.html"), guid="post")
    moved = _item("Customer experience basics one", http_server.url("/2026/x1.html"), guid="post")
    http_server.add("/feed.xml", h.rss(reused + moved + first, "Guid Blog"))
    code, out, err = _fetch(config, "--json")
    assert code == 0, err
    said = (
        "1 entry gives the id of an earlier article with a new link and a new title: taken as"
        " a new article"
    )
    assert said in err
    report = json.loads(out)["feeds"][0]
    assert (report["new"], report["reused_ids"]) == (1, 1)
    assert said in report["warning"]
    assert _urls(tmp_path) == [http_server.url("/x1.html"), http_server.url("/x3.html")]
    db = tmp_path / "state" / "curator.db"
    assert h.store_rows(db, "SELECT title FROM articles ORDER BY id") == [
        ("Customer experience basics one",),
        ("Measuring CSAT and NPS metrics well",),
    ]
    # Said once: the feed read again (changed) knows the new article by its link.
    http_server.add("/feed.xml", h.rss(reused + moved + first + " ", "Guid Blog"))
    code, out, err = _fetch(config)
    assert code == 0, err
    assert "Guid Blog: 3 entries, 0 new" in err and "the id of an earlier article" not in err


def test_an_address_added_to_a_draft_that_redirects_to_the_front_page_is_not_published(
    demo: Path, http_server: LocalServer
) -> None:
    """The same for an article the editor adds by URL: the build stops and says why."""
    from test_draft_blurbs import fresh_draft

    http_server.add("/", _page(1, "/"), content_type=HTML)
    http_server.add("/old-story", status=301, headers={"Location": "/"}, content_type=None)
    url = http_server.url("/old-story")
    path = fresh_draft(demo)
    text = path.read_text(encoding="utf-8")
    text = text.replace("# Service operations\n", f"# Service operations\n\n## {url}\n\n", 1)
    path.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path))
    assert code == 1, err
    assert "cannot read the article(s) added by URL" in err
    assert f"{url} (a redirect to the site's front page or a section above the article" in err
    assert not (demo.parent / "output" / "issue-1.html").exists()


def test_pages_found_gone_are_said_to_be_left_out_not_to_use_the_feed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk35 on walk34 #2: "2 of 3 article page(s) could not be read; their articles use what
    the feed says: 2 a redirect ... it is gone", though dead links are never published."""
    http_server.add(
        "/", "<html><head><title>Home</title></head><body>Home</body></html>", content_type=HTML
    )
    http_server.add("/gone1", status=301, headers={"Location": "/"}, content_type=None)
    http_server.add("/kept", _page(4, "/kept"), content_type=HTML)
    links = [http_server.url(p) for p in ("/gone1", "/missing", "/kept")]
    items = "".join(_item(f"Customer experience basics {n}", u) for n, u in enumerate(links))
    feed = http_server.add("/feed.xml", h.rss(items, "Redirect Blog"))
    config = h.write_config(tmp_path, [{"url": feed, "name": "Redirect Blog"}])
    code, _, err = _fetch(config)
    assert code == 0, err
    assert (
        "2 of 3 article page(s) could not be read; they are gone (404, 410 or a redirect away"
        " from the article), so their articles are left out as dead links, never published:"
    ) in err.splitlines(), err
    assert "use what the feed says" not in err
    # One gone, one that failed otherwise: each said for what became of it.
    http_server.add("/error", b"oops", status=500, content_type="text/plain")
    more = [http_server.url(p) for p in ("/missing2", "/error")]
    items += "".join(_item(f"Customer experience extras {n}", u) for n, u in enumerate(more))
    http_server.add("/feed.xml", h.rss(items, "Redirect Blog"))
    code, _, err = _fetch(config)
    assert code == 0, err
    assert (
        "2 of 2 article page(s) could not be read; 1 is gone (404, 410 or a redirect away from"
        " the article): its article is left out as a dead link, never published; the articles of"
        " the other 1 use what the feed says:"
    ) in err.splitlines(), err
