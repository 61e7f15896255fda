"""run_fetch with worker processes: the same articles as one process, nothing parsed twice."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import hostile_helpers as h
import pytest
from click.testing import CliRunner

from conftest import LocalServer
from curator import app, articles, articles_pages, workers
from curator.app import FeedReport, run_fetch
from curator.cli import cli
from curator.config import Config
from curator.config_reader import parse_config
from curator.models import Page
from curator.store import Store

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

#: Real captured feeds (RSS, Atom, JSON Feed; some read by the fast path, some by feedparser).
FEEDS = (
    "feeds/real/feedjira/AmazonWebServicesBlog.xml",
    "feeds/real/feedjira/TechCrunch.xml",
    "feeds/real/rsparser/DaringFireball.atom",
    "feeds/real/rsparser/russcox.atom",
    "feeds/real/rsparser/inessential.json",
    "feeds/real/rss-parser/input/guardian.rss",
    "feeds/real/rss-parser/input/heise.atom",
    "feeds/real/node-feedparser/wapowellness.xml",
    "feeds/real/feed-rs/rss2/rss_2.0_bbc.xml",
    "feeds/real/rsparser/cloudblog.rss",
)


def serve(server: LocalServer, path: str, body: bytes, honour_validators: list[bool]) -> str:
    """Serve `body` with an ETag; answer 304 to it while `honour_validators[0]` is true."""
    return server.add_with_etag(path, body, honour=lambda: honour_validators[0])


@pytest.fixture
def honour() -> list[bool]:
    return [True]


@pytest.fixture
def config(tmp_path: Path, http_server: LocalServer, corpus: Path, honour: list[bool]) -> Config:
    urls = [
        serve(http_server, f"/{i}/{Path(name).name}", (corpus / name).read_bytes(), honour)
        for i, name in enumerate(FEEDS)
    ]
    urls.append(http_server.add("/broken.xml", b"<rss version='2.0'><channel><title>x</rss>"))
    urls.append(
        http_server.add(
            "/page.html", b"<!DOCTYPE html><html><body>hi</body></html>", content_type="text/html"
        )
    )
    lines = [
        "newsletter:",
        "  title: Test Weekly",
        "subjects:",
        "  - name: Everything\n    keywords: [news]",
        "settings:",
        "  fetch_pages: false",
        "feeds:",
        *[f"  - url: {url}" for url in urls],
    ]
    path = tmp_path / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse_config(path.read_text(encoding="utf-8"), path)


def stored(store: Store) -> list[tuple[object, ...]]:
    return sorted(
        (a.url, a.title, a.authors, a.publication, a.blurb, a.summary, a.published, a.categories)
        for a in store.articles()
    )


def fetch(config: Config, path: Path) -> tuple[app.FetchSummary, list[FeedReport], list]:
    seen: list[FeedReport] = []
    with Store.open(path) as store:
        summary = run_fetch(config, store, now=NOW, progress=seen.append)
        return summary, seen, stored(store)


def test_workers_store_what_one_process_stores(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(config.feeds) >= workers.PARALLEL_MIN_FEEDS  # so the first run uses the workers
    parallel, progress, articles = fetch(config, tmp_path / "parallel.db")
    monkeypatch.setattr(workers, "PARALLEL_MIN_FEEDS", 10_000)
    serial, _, serial_articles = fetch(config, tmp_path / "serial.db")

    assert articles == serial_articles
    assert len(articles) > 100
    assert [(r.url, r.status, r.entries, r.new) for r in parallel.feeds] == [
        (r.url, r.status, r.entries, r.new) for r in serial.feeds
    ]
    # Every feed is reported once as it is done; the two broken ones fail with a reason.
    assert sorted(r.url for r in progress) == sorted(f.url for f in config.feeds)
    failed = {r.url.rsplit("/", 1)[-1]: r.error for r in parallel.failed}
    assert set(failed) == {"broken.xml", "page.html"}
    assert "HTML page" in (failed["page.html"] or "")
    assert (
        parallel.parsed_entries == serial.parsed_entries == sum(r.entries for r in parallel.feeds)
    )
    assert parallel.new_articles == len(articles)


def test_nothing_is_parsed_again_after_a_304_or_the_same_bytes(
    config: Config, tmp_path: Path, honour: list[bool]
) -> None:
    db = tmp_path / "store.db"
    first, _, articles = fetch(config, db)
    assert first.parsed_entries > 100

    again, _, _ = fetch(config, db)  # the server answers 304 to the validators sent back
    assert again.parsed_entries == 0
    assert {r.status for r in again.feeds} == {"unchanged", "failed"}

    honour[0] = False  # now it ignores them and sends the same bytes
    same, _, after = fetch(config, db)
    assert same.parsed_entries == 0
    assert same.new_articles == 0
    assert [r.status for r in same.feeds] == [r.status for r in again.feeds]
    assert after == articles


#: The test process, where `build_or_die` builds; in a forked worker it kills the worker.
MAIN_PID = os.getpid()
REAL_BUILD = articles.build_articles


def build_or_die(*args: Any, **kwargs: Any) -> articles.Built:
    """build_articles, except in a worker process, which it kills (module level: picklable)."""
    if os.getpid() != MAIN_PID:
        os._exit(1)
    return REAL_BUILD(*args, **kwargs)


def test_a_worker_that_dies_leaves_the_work_to_this_process(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker killed mid-run (out of memory, say) breaks the pool; every feed it had not
    # finished is then parsed and built here, and the run stores the same articles.
    expected = fetch(config, tmp_path / "healthy.db")[2]
    monkeypatch.setattr(articles, "build_articles", build_or_die)
    summary, progress, stored_articles = fetch(config, tmp_path / "broken.db")
    assert stored_articles == expected
    assert summary.new_articles == len(expected) > 100
    assert len(progress) == len(config.feeds)
    assert summary.worker_died


def test_the_editor_is_told_when_a_worker_died(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is lost when a worker dies, but it is not silent: a warning after the run, and
    `worker_died` in --json; a run whose workers all lived says nothing of them."""
    args = ["fetch", "--config", str(tmp_path / "feeds.yaml"), "-q"]
    healthy = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "healthy.db"), "--json"])
    assert healthy.exit_code == 0, healthy.stderr
    assert json.loads(healthy.stdout)["worker_died"] is False
    monkeypatch.setattr(articles, "build_articles", build_or_die)
    broken = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "broken.db")])
    assert broken.exit_code == 0, broken.stderr
    assert "curator: warning: a worker process died during the run" in broken.stderr
    assert "nothing is missing" in broken.stderr
    assert "worker process died" not in healthy.stderr


def test_feeds_read_before_get_their_new_entries_built_by_workers_too(
    tmp_path: Path, http_server: LocalServer, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Week 1: half the feeds have no items yet. Week 2: they have all theirs. The feeds known to
    # the store then take the ordinary way (parse, ask the store, build the new ones) rather than
    # the first-read one; it must store what one process stores.
    week = [0]
    empty = b"<rss version='2.0'><channel><title>Soon</title></channel></rss>"
    urls = []
    for i, name in enumerate(FEEDS):
        bodies = [(corpus / name).read_bytes()] * 2
        if i % 2:
            bodies[0] = empty

        def handler(req: BaseHTTPRequestHandler, bodies: list[bytes] = bodies) -> None:
            body = bodies[week[0]]
            req.send_response(200)
            req.send_header("Content-Type", "application/xml")
            req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            req.wfile.write(body)

        urls.append(http_server.add(f"/{i}.xml", handler=handler))
    lines = ["newsletter:", "  title: T", "subjects:", "  - name: All", "    keywords: [x]"]
    lines += ["settings:", "  fetch_pages: false", "feeds:", *[f"  - url: {u}" for u in urls]]
    path = tmp_path / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = parse_config(path.read_text(encoding="utf-8"), path)

    def two_weeks(db: Path) -> tuple[app.FetchSummary, list[tuple[object, ...]]]:
        week[0] = 0
        fetch(config, db)
        week[0] = 1
        summary, _, articles = fetch(config, db)
        return summary, articles

    parallel, articles = two_weeks(tmp_path / "parallel.db")
    monkeypatch.setattr(workers, "PARALLEL_MIN_FEEDS", 10_000)
    serial, serial_articles = two_weeks(tmp_path / "serial.db")
    assert articles == serial_articles
    assert parallel.new_articles == serial.new_articles > 50
    assert [r.status for r in parallel.feeds] == [r.status for r in serial.feeds]
    assert {r.status for r in parallel.feeds} == {"ok", "unchanged"}


# -- article pages read in the workers -------------------------------------------------------------

#: The folder where `extract_noting_the_process` leaves one file per process that read a page.
READERS = "CURATOR_TEST_PAGE_READERS"


_read_page = articles_pages.read_page


def read_page_noting_the_process(*args: Any, **kwargs: Any) -> Page:
    """curator.articles_pages.read_page, leaving a file named for the process it ran in (module level,
    so a worker process can be handed it)."""
    (Path(os.environ[READERS]) / str(os.getpid())).touch()
    return _read_page(*args, **kwargs)


def published(output: Path) -> dict[str, object]:
    return {
        p.name: h.rounded(json.loads(p.read_text("utf-8")))
        if p.suffix == ".json"
        else p.read_bytes()
        for p in sorted(output.iterdir())
    }


def build_demo(config: Path, kept: Path, monkeypatch: pytest.MonkeyPatch, min_feeds: int):
    """`curator build` on the demo, with workers for `min_feeds` feeds or more; the issue's files,
    the stored rows (less the times of this run) and the processes that read pages. The output
    and the store are then moved to `kept`, for the next build to start afresh in the same place
    (local feeds are stored by their path)."""
    readers = kept / "readers"
    readers.mkdir(parents=True)
    monkeypatch.setenv(READERS, str(readers))
    monkeypatch.setattr(workers, "PARALLEL_MIN_FEEDS", min_feeds)
    monkeypatch.setattr("curator.articles_pages.read_page", read_page_noting_the_process)
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert result.exit_code == 0, result.stderr
    for name in ("output", ".curator"):
        (config.parent / name).rename(kept / name)
    with sqlite3.connect(kept / ".curator" / "curator.db") as conn:
        articles = conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
        columns = [d[0] for d in conn.execute("SELECT * FROM articles").description]
        aliases = conn.execute("SELECT * FROM aliases ORDER BY url_key").fetchall()
        feeds = conn.execute(
            "SELECT id, url, title, entries_last, bytes_last, content_hash FROM feeds ORDER BY id"
        ).fetchall()
    first_seen = columns.index("first_seen")
    rows = [row[:first_seen] + row[first_seen + 1 :] for row in articles]
    processes = {int(p.name) for p in readers.iterdir()}
    return published(kept / "output"), (rows, aliases, feeds), processes


def test_pages_read_in_workers_give_the_same_issue_and_rows_as_read_here(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17 point 1: each page is read in a worker as it arrives, where it was read in this
    process after the last one had arrived. Nothing else changes: the demo's issue and the stored
    articles are the same either way."""
    here_files, here_rows, here_readers = build_demo(
        demo, tmp_path / "read-here", monkeypatch, min_feeds=10_000
    )
    pool_files, pool_rows, pool_readers = build_demo(
        demo, tmp_path / "read-by-workers", monkeypatch, min_feeds=1
    )
    assert here_readers == {os.getpid()}
    assert os.getpid() not in pool_readers and len(pool_readers) >= 1
    assert pool_rows == here_rows
    # every page's text
    with sqlite3.connect(tmp_path / "read-here" / ".curator" / "curator.db") as conn:
        texts = conn.execute("SELECT text FROM articles").fetchall()
    assert len(texts) == len(here_rows[0]) == 11 and all(text for (text,) in texts)
    assert pool_files == here_files
    assert "issue-1.html" in here_files
