"""walk189 #2: `settings: store` naming a NEW newsletter's store (fetched, nothing published):
the check for another newsletter's store (walk186 #2) returned early for a store with no issue,
so CX's `fetch` stored all its articles there (exit 0) with a notice of subjects changed that
mixed both newsletters' subjects, and `subjects move --db` wrote there too. What such a store
records of its newsletter, its feeds and the subjects it last placed under, now says whose it is.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_fixjl_shared_store import CX, set_paths, sport_newsletter, store_state

from conftest import LocalServer, copy_demo, run_cli, said_as_one


def test_fetch_into_a_new_newsletters_store_stops(
    tmp_path: Path, corpus: Path, http_server: LocalServer
) -> None:
    sport = sport_newsletter(tmp_path / "sport", corpus, http_server)
    code, _, err = run_cli("fetch", "--config", str(sport), "-q")  # (nothing published yet)
    assert code == 0, err
    store = sport.parent / ".curator" / "curator.db"
    with sqlite3.connect(store) as db:
        sport_url = db.execute("SELECT url FROM articles ORDER BY id").fetchone()[0]
    cx = copy_demo(tmp_path / "cx")
    set_paths(cx, store)
    before = store_state(store)

    code, out, err = run_cli("fetch", "--config", str(cx), "--quiet")
    said = said_as_one(err)
    assert code == 1, err
    assert f"the store {store} holds no issue yet, and it is another newsletter's" in said, said
    assert f'not "{CX}"\'s ({cx})' in said, said
    assert "none of the subjects its articles were last placed under (Athletics" in said, said
    assert "Nothing was fetched, and the store was not changed" in said, said
    assert "Subject edit" not in said
    code, out, _ = run_cli("fetch", "--config", str(cx), "--json")
    assert code == 1
    assert "holds no issue yet" in json.loads(out)["error"]
    code, _, err = run_cli("build", "--config", str(cx), "-q")
    assert code == 1, err
    assert not (cx.parent / "output" / "issue-1.html").exists()

    set_paths(cx, cx.parent / ".curator" / "curator.db")  # (back) and --db names Sport's
    code, _, err = run_cli(
        "subjects", "move", sport_url, "Service operations", "--config", str(cx), "--db", str(store)
    )
    assert code == 1, err
    assert "holds no issue yet, and it is another newsletter's" in said_as_one(err), err
    assert store_state(store) == before

    # Sport's own runs, and CX's with its own new store, go on
    code, _, err = run_cli("build", "--config", str(sport), "-q")
    assert code == 0, err
    code, _, err = run_cli("fetch", "--config", str(cx), "-q")
    assert code == 0, err
    code, _, err = run_cli("fetch", "--config", str(cx), "-q")
    assert code == 0, err
