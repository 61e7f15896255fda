"""No file: link is ever published (issue 12.15): a feed kept as a local file, through the CLI.

A saved copy of a real feed has relative links; they are the publisher's pages on the web (the
feed's own base, its channel link), not files on the editor's disk. Only a link to a local page
that exists beside the feed (the offline demo in examples/) stays local.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import hostile_helpers as h
from click.testing import CliRunner

from conftest import EXAMPLES
from curator.cli import cli

GUARDIAN = "real/rss-parser/input/guardian.rss"


def test_a_saved_feed_with_relative_links_gets_the_publishers_links(
    tmp_path: Path, corpus: Path
) -> None:
    # The Guardian's real feed as a browser's "save as" might keep it: links relative to the site.
    data = (corpus / "feeds" / GUARDIAN).read_bytes()
    head, first, items = data.partition(b"<item>")
    items = re.sub(
        rb"<link>https://www\.theguardian\.com(/[^<]+)</link>", rb"<link>\1</link>", items
    )
    saved = head + first + items
    assert saved.count(b"<link>/") > 20
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "guardian.xml").write_bytes(saved)
    config = h.write_config(
        tmp_path, [{"url": str(folder / "guardian.xml"), "fetch_pages": False}], issue_size=20
    )
    code, data_json, stderr = h.build_json(config)
    assert code == 0, stderr
    assert data_json["feeds"][0]["status"] == "ok"

    urls = [
        u for (u,) in h.store_rows(tmp_path / "state" / "curator.db", "SELECT url FROM articles")
    ]
    assert len(urls) > 20
    assert all(u.startswith("https://www.theguardian.com/") for u in urls), urls[:5]
    for path in h.published_files(tmp_path):
        assert b"file:" not in path.read_bytes(), path

    result = CliRunner().invoke(cli, ["subjects", "suggest", "--config", str(config), "--json"])
    assert result.exit_code == 0, result.output
    suggested = [u for item in json.loads(result.stdout) for u in item["urls"]]
    assert suggested and not any(u.startswith("file:") for u in suggested), suggested


def test_a_link_to_a_local_file_the_feed_does_not_sit_beside_is_never_read(
    tmp_path: Path,
) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<html><head><title>secret</title></head><body>secret</body></html>")
    folder = tmp_path / "news" / "feeds"
    folder.mkdir(parents=True)
    feed = folder / "saved.xml"
    feed.write_bytes(
        h.rss(
            f"<item><title>Customer feedback, absolutely</title><link>{secret.as_uri()}</link>"
            "<description>Closing the loop on customer feedback.</description></item>"
            "<item><title>Customer feedback, relatively</title><link>../../secret.html</link>"
            "<description>Closing the loop on customer feedback.</description></item>",
            title="Saved",
        ).replace(b"http://example.com/", b"https://saved.example/")
    )
    config = h.write_config(tmp_path / "news", [{"url": str(feed), "fetch_pages": False}])
    code, _, stderr = h.build_json(config)
    assert code == 0, stderr
    db = tmp_path / "news" / "state" / "curator.db"
    urls = sorted(u for (u,) in h.store_rows(db, "SELECT url FROM articles"))
    # Both name the secret file, but neither is beside the feed: they are read as the site's
    # paths, on the web, and nothing opened the file (the pages were not even fetched).
    assert urls == [f"https://saved.example{secret}"], urls


def test_the_offline_demo_still_reads_its_local_pages(tmp_path: Path) -> None:
    config = h.write_config(tmp_path, [{"url": str(EXAMPLES / "feeds" / "northwind.xml")}])
    code, data, stderr = h.build_json(config)
    assert code == 0, stderr
    assert data["pages_read"] >= 4 and data["pages_failed"] == 0
    urls = [
        u for (u,) in h.store_rows(tmp_path / "state" / "curator.db", "SELECT url FROM articles")
    ]
    # Each page was read from disk and names its canonical web address.
    assert urls and all(u.startswith("https://northwind-cx.example/") for u in urls), urls
