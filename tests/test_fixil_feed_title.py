"""walk180 #3: "URL now calls itself ..." said the feed's articles would be credited by its new
title from now on, when its `name:` or its pages' site name credits them. Through the CLI,
against feeds and pages on a real HTTP server on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixhc_changes import hotel_page
from test_walk126_stored import DATE, HTML, STORIES

from conftest import LocalServer
from conftest import run_cli as run


def serve(server: LocalServer, path: str, title: str, site: str | None) -> str:
    """A feed at `path` titled `title` with stories of its own, whose pages name their site
    `site` (None: no page is served, the feed is read alone with `fetch_pages: false`)."""
    items = []
    first = {"/en": 0, "/ja": 2}.get(path, 4)
    for n, (story, text) in enumerate(STORIES[first : first + 2]):
        link = server.url(f"{path}/{n}.html")
        if site is not None:
            server.add(f"{path}/{n}.html", hotel_page(story, text, site), content_type=HTML)
        items.append(
            f"<item><title>{story}</title><link>{link}</link><guid>{path}-{n}</guid>"
            f"<pubDate>{DATE}</pubDate></item>"
        )
    return server.add(
        f"{path}.xml",
        f'<rss version="2.0"><channel><title>{title}</title>'
        f"<link>{server.url(path + '/')}</link>{''.join(items)}</channel></rss>",
    )


def test_a_feed_that_renames_itself_says_the_credit_its_articles_really_get(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The feed with `name: Brightline` came to call itself "MegaCorp Customer Blog": the run
    said its articles are credited "MegaCorp Customer Blog" from now on, and to keep the old
    name to write `name: Brightline Insights`, though `name:` credits them "Brightline". A feed
    with no `name:` whose pages name their site "顧客体験ラボ" was said to be credited by its new
    title "顧客体験ラボ（新）". Each now says the credit it keeps; a feed read without its pages
    says the new credit, with the `name:` that keeps the old one."""
    en = serve(http_server, "/en", "Brightline Insights", "Brightline Insights")
    ja = serve(http_server, "/ja", "顧客体験ラボ", "顧客体験ラボ")
    bare = serve(http_server, "/bare", "Loyalty Letters", None)
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    keywords: [feedback, customer, surveys, backlog, detractors]\n"
        f"feeds:\n  - url: {en}\n    name: Brightline\n  - url: {ja}\n"
        f"  - url: {bare}\n    fetch_pages: false\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    serve(http_server, "/en", "MegaCorp Customer Blog", "Brightline Insights")
    serve(http_server, "/ja", "顧客体験ラボ（新）", "顧客体験ラボ")
    serve(http_server, "/bare", "Loyalty Letters Weekly", None)
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    said = " ".join(err.split())
    assert f'{en} now calls itself "MegaCorp Customer Blog", not "Brightline Insights"' in said
    assert 'credited "MegaCorp Customer Blog"' not in said, err
    assert "name: Brightline Insights" not in said, err
    assert 'its articles are still credited "Brightline" (its `name:` in feeds.yaml)' in said, err
    assert f'{ja} now calls itself "顧客体験ラボ（新）", not "顧客体験ラボ"' in said, err
    assert 'credited "顧客体験ラボ（新）"' not in said, err
    assert 'its articles are still credited "顧客体験ラボ" (the site name its pages give)' in said
    assert (
        'its articles are credited "Loyalty Letters Weekly" from now on, the ones stored before'
        " too (to keep the old name, write `name: Loyalty Letters` under its url in feeds.yaml)"
    ) in said, err

    code, _, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    credits = {
        a["url"].split("/")[-2]: a["publication"] for s in issue["sections"] for a in s["articles"]
    }
    assert credits == {"en": "Brightline", "ja": "顧客体験ラボ", "bare": "Loyalty Letters Weekly"}
