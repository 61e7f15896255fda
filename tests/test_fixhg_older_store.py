"""walk171 #5: a store put back from a backup older than the published issues is refused before
any feed is read: `build` fetched (and stored, and warned of a gap in the entries the published
issue 2 had featured) before it refused; `draft` wrote another draft of issue 2."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from test_fixgs_walk164 import two_issues_and_a_backup

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def _articles(store: Path) -> int:
    with sqlite3.connect(store) as db:
        (count,) = db.execute("SELECT count(*) FROM articles").fetchone()
    return int(count)


def test_a_store_older_than_the_published_issues_is_refused_before_any_fetch(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, store, out, backup = two_issues_and_a_backup(tmp_path)
    published = {p.name: p.read_bytes() for p in out.glob("issue-2.*")}
    assert published
    shutil.copyfile(backup, store)
    for end in ("-wal", "-shm"):
        store.with_name(store.name + end).unlink(missing_ok=True)
    # A feed on a local server beside the demo's files: a fetch would read it
    feed = http_server.add(
        "/wire.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<link>https://w.example/</link><description>d</description><item><title>Queue"
        " staffing</title><link>https://w.example/a</link><description>Support agents and the"
        " ticket queue.</description></item></channel></rss>",
    )
    text = config.read_text("utf-8")
    text = text.replace(
        "\nfeeds:\n", f"\nfeeds:\n  - url: {feed}\n    name: Wire\n    fetch_pages: false\n\n", 1
    )
    text = text.replace("\nsettings:\n", "\nsettings:\n  allow_private_addresses: true\n", 1)
    config.write_text(text, "utf-8")
    stored = _articles(store)

    for command in ("build", "draft"):
        code, _, err = run(command, "--config", str(config))
        said = said_as_one(err)
        assert code == 1, said
        assert "the store is older than the published issue 2" in said, said
        assert "may be missing" not in said and "fetch more often" not in said, said
        assert http_server.seen("/wire.xml") == [], command
        assert _articles(store) == stored, command
    assert not (config.parent / "drafts" / "issue-2.md").exists()
    assert {p.name: p.read_bytes() for p in out.glob("issue-2.*")} == published
