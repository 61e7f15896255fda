"""fixlp #2: a feed's stored `last_error` kept the secret of an address in it whole (a redirect
loop's `?token=`), masked only when printed. It is stored masked now, the feed's own `url` whole
(to fetch it); a store an older curator wrote has its errors masked once when opened (migration
32). Through `fetch` of feeds on 127.0.0.1 and the SQLite store it writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run

TOKEN = "lOOpTOK"


def _newsletter(tmp_path: Path, server: LocalServer) -> tuple[Path, str]:
    back = server.url(f"/loop2.xml?token={TOKEN}")
    server.add(f"/loop.xml?token={TOKEN}", "", status=302, headers={"Location": back})
    there = server.url(f"/loop.xml?token={TOKEN}")
    server.add(f"/loop2.xml?token={TOKEN}", "", status=302, headers={"Location": there})
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Service\n"
        "    description: Service teams.\n    keywords: [service, support, agents]\nfeeds:\n"
        f"  - url: {there}\n    name: Loop Notes\n"
        "settings:\n  fetch_pages: false\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path, there


def _rows(config: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        rows = db.execute("SELECT url, last_error FROM feeds").fetchall()
    db.close()
    return [(str(url), error) for url, error in rows]


def test_a_feeds_error_is_stored_with_its_secret_masked(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, there = _newsletter(tmp_path, http_server)
    code, out, err = run("fetch", "--config", str(config))
    assert code == 1 and "every feed failed" in err, out + err
    [(url, error)] = _rows(config)
    assert url == there  # the feed's own address whole: it is fetched by it
    assert error and http_server.url("/loop2.xml?token=...") in error, error
    assert TOKEN not in error, error


def test_an_older_stores_errors_are_masked_once_when_opened(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, there = _newsletter(tmp_path, http_server)
    code, out, err = run("fetch", "--config", str(config))
    assert code == 1 and "every feed failed" in err, out + err
    whole = f"redirect loop: {there} sends us back to {there}"
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        db.execute("UPDATE feeds SET last_error = ?", (whole,))  # as an older curator kept it
        db.execute("PRAGMA user_version = 31")
    db.close()
    code, out, err = run("feeds", "list", "--config", str(config))
    assert code in (0, 4), out + err
    [(url, error)] = _rows(config)
    assert url == there, url
    shown = http_server.url("/loop.xml?token=...")
    assert error == f"redirect loop: {shown} sends us back to {shown}", error
