"""walk137 #1 (fixes): a feed moves its articles to new links under the same entry ids (a site
restructured, the old addresses answering 404). curator kept the old addresses, and the check
before publishing left the articles out as gone, though the feed named where they live now.
Through the CLI, against a feed and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import yaml
from test_walk108 import BACKLOG, DETRACTORS, SURVEYS, VOC, page

from conftest import EXAMPLES, LocalServer, said_as_one
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"
DATE = "Tue, 01 Dec 2026 10:00:00 GMT"
STORIES = [*VOC, DETRACTORS, SURVEYS, BACKLOG]


def old_link(n: int) -> str:
    return f"/2026/01/post-{n}.html"


def new_link(n: int) -> str:
    return f"/blog/post-{n}/"


def serve(server: LocalServer, moved: bool = False, unanswered: int | None = None) -> None:
    """Service Daily's articles under ids post-N at /2026/01/post-N.html; `moved`: the same ids
    at /blog/post-N/, the old pages gone (404), except article `unanswered`'s, whose new link
    answers 404 and whose old page still answers."""
    items = []
    for n, (title, text) in enumerate(STORIES):
        body = page(title, text, "Jane Ortiz")
        link = server.add(old_link(n), body, content_type=HTML)
        if moved and n != unanswered:
            server.routes.pop(old_link(n))
            link = server.add(new_link(n), body, content_type=HTML)
        elif moved:
            link = server.url(new_link(n))  # (no page there)
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>post-{n}</guid>"
            f"<author>desk@example.com (Jane Ortiz)</author><pubDate>{DATE}</pubDate></item>"
        )
    server.add(
        "/daily.xml",
        '<rss version="2.0"><channel><title>Service Daily</title>'
        f"<link>{server.url('/')}</link>{''.join(items)}</channel></rss>",
    )


def newsletter(tmp_path: Path, server: LocalServer, **feed: object) -> Path:
    demo = yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 2},
        "subjects": demo["subjects"],
        "feeds": [{"url": server.url("/daily.xml"), "name": "Service Daily", **feed}],
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def issue_urls(tmp_path: Path, number: int) -> set[str]:
    issue = json.loads((tmp_path / "output" / f"issue-{number}.json").read_text(encoding="utf-8"))
    return {a["url"] for s in issue["sections"] for a in s["articles"]}


def stored_urls(tmp_path: Path) -> dict[str, str]:
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        return {t: u for t, u in db.execute("SELECT title, url FROM articles")}


def test_a_feed_moving_its_articles_under_the_same_ids_has_them_published_at_the_new_links(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Week 2's feed gives every article at /blog/post-N/ under its id, the old pages 404: each
    moves there, said once ("moved by its feed to NEW"), and issue 2 publishes them there, none
    left out as gone; issue 1's are stored at their new address too, issue 1 keeping the one it
    published. One whose new link does not answer stays at its old address, which still
    answers, and is said so."""
    path = newsletter(tmp_path, http_server)
    serve(http_server)
    code, _, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    published = issue_urls(tmp_path, 1)
    first = {n for n in range(len(STORIES)) if http_server.url(old_link(n)) in published}
    assert first and len(first) < len(STORIES) - 1, published
    unanswered = max(set(range(len(STORIES))) - first)
    # (walk144 #7c: the editor corrects a title issue 1 printed; the move is said under it)
    issue_json = tmp_path / "output" / "issue-1.json"
    issue = json.loads(issue_json.read_text(encoding="utf-8"))
    corrected = issue["sections"][0]["articles"][0]
    corrected["title"] = "The editor's own title for it"
    issue_json.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    serve(http_server, moved=True, unanswered=unanswered)

    code, _, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    said = said_as_one(err)
    assert "is left out" not in said, err
    for n, (title, _) in enumerate(STORIES):
        old, new = http_server.url(old_link(n)), http_server.url(new_link(n))
        if n == unanswered:
            assert (
                f'Service Daily: "{title}" ({old}): its feed gives it a new link, {new}, which'
                " does not answer (HTTP 404" in said
            ), err
            assert "it is kept at its old address" in said, err
            continue
        if corrected["url"] == old:
            assert f'"{title}" ({old})' not in said, err
            title = corrected["title"]
        moved = f'Service Daily: "{title}" ({old}) moved by its feed to {new} (its page answers'
        assert said.count(moved) == 1, err
        if n in first:
            assert f"{moved} there); issue 1 keeps the address it published" in said, err
        else:
            assert f"{moved} there); it is linked there from now on" in said, err
    # Issue 2 publishes the moved articles at their new links; the one kept, at its old one.
    second = issue_urls(tmp_path, 2)
    assert second, second
    for url in second:
        n = next(n for n in range(len(STORIES)) if url.endswith((old_link(n), new_link(n))))
        assert n not in first, second
        assert url == http_server.url(old_link(n) if n == unanswered else new_link(n)), second
    # Stored: each at the address its feed gives now (issue 1's too), the kept one at its old.
    urls = stored_urls(tmp_path)
    assert len(urls) == len(STORIES), urls  # nothing stored twice
    for n, (title, _) in enumerate(STORIES):
        want = old_link(n) if n == unanswered else new_link(n)
        assert urls[title] == http_server.url(want), urls
    # Issue 1, rendered again, keeps the addresses it published.
    code, _, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    assert issue_urls(tmp_path, 1) == published

    # Said once: the next run moves nothing again.
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    assert "moved by its feed" not in err, err


def test_a_feed_not_read_for_pages_moving_an_article_gives_it_the_new_link(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """With `fetch_pages: false` no page is read: the feed's new link is taken as the article's
    address, and said so."""
    path = newsletter(tmp_path, http_server, fetch_pages=False)
    serve(http_server)
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    serve(http_server, moved=True)
    code, out, err = run("fetch", "--config", str(path), "--json")
    assert code == 0, err
    moved = json.loads(out)["feeds"][0]["moved_by_feed"]
    assert [m["to"] for m in moved] == [http_server.url(new_link(n)) for n in range(len(STORIES))]
    said = said_as_one(err)
    title = STORIES[0][0]
    assert (
        f'Service Daily: "{title}" ({http_server.url(old_link(0))}) moved by its feed to'
        f" {http_server.url(new_link(0))} (its page is not read: fetch_pages is false; its feed's"
        " link is taken as its address); it is linked there from now on"
    ) in said, err
    assert stored_urls(tmp_path) == {
        t: http_server.url(new_link(n)) for n, (t, _) in enumerate(STORIES)
    }
