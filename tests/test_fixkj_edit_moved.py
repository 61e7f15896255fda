"""walk194 #4: a subject edit (keywords changed) that moved articles said only "1 from Service
operations to no subject ... `curator subjects list` shows where each is", while a move names
each article it changes: the edit names the articles it moved (the first ten, then how many
more), with their addresses; --json lists them all."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixiz_walk182 import SERVICE_KEYWORDS, _newsletter

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_a_subject_edit_names_the_articles_it_moved(tmp_path: Path, corpus: Path) -> None:
    server = LocalServer().start()
    try:
        config = _newsletter(tmp_path, corpus, server)
        conf = ("--config", str(config))
        code, out, err = run("subjects", "list", *conf, "-q", "--json")
        assert code == 0, err
        before = {r["url"]: r for r in json.loads(out)}
        text = config.read_text(encoding="utf-8")
        config.write_text(
            text.replace(SERVICE_KEYWORDS, "keywords: [workforce management, forecast]"),
            encoding="utf-8",
        )
        code, out, err = run("subjects", "list", *conf, "--json")
        assert code == 0, err
        after = {r["url"]: r for r in json.loads(out)}
        moved = [u for u, r in after.items() if r["subject"] != before[u]["subject"]]
        assert moved, "the edit moved no article: the test needs one it moves"
        said = said_as_one(err)
        assert "Subject edit (Service operations)" in said, err
        assert len(moved) <= 10, len(moved)  # (all named)
        for url in moved:
            row = after[url]
            was = before[url]["subject"] or "no subject"
            now = row["subject"] or "no subject"
            assert f"{was} -> {now}: {row['title']} {url}" in said, (url, said)
        assert "more (`curator subjects list`" not in said, said
        # --json lists them all too (`subject_edit`, as a build's).
    finally:
        server.stop()
