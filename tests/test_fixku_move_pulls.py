"""walk194 #6: the draft's "Came in with your move of ..." note named the move most like the
article, not the move that pulled it in: an editor who moved two articles to one subject was told
an article came with the second when the first one's move had pulled it, and undid the wrong one.
A move now records which articles it pulled into its subject, and the note names that move; for
moves made before curator recorded it (a store of an older curator), the note says which move it
probably came with.

A customer-experience newsletter (`test_fixiz_walk182._newsletter`: four subjects, five posts on
complaints that curator places under "Service operations", BBC sport stories), served by a local
HTTP server. The editor moves "Complaints note 1" to "Voice of the customer", which pulls the other
complaints posts there, then moves (pins) "Complaints note 4" there too: the post most like note
4, "Complaints note 5", was pulled by the first move."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from test_fixiz_walk182 import _newsletter, _placed

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

VOICE = "Voice of the customer"


def _notes(config: Path) -> dict[str, str]:
    """The draft's blocks of the "Voice of the customer" section, by title, each as one line."""
    text = (config.parent / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    section = text.split(f"\n# {VOICE}\n", 1)[1].split("<!-- Left out", 1)[0]
    return {b.split("\n", 1)[0]: said_as_one(b) for b in section.split("\n## ")[1:]}


def _two_moves(tmp_path: Path, corpus: Path, server: LocalServer) -> tuple[Path, dict[str, str]]:
    """Issue 1 published (on "Measuring the customer experience"), then the two moves: the
    newsletter's feeds.yaml and the complaints posts' addresses by title."""
    config = _newsletter(tmp_path, corpus, server, complaints=5, size=8)
    conf = ("--config", str(config))
    code, _, err = run(
        "build", *conf, "--no-fetch", "-q", "--subject", "Measuring the customer experience"
    )
    assert code == 0, err
    placed = _placed(config)
    complaints = {str(r["title"]): u for u, r in placed.items() if "Complaints" in str(r["title"])}
    assert {placed[u]["subject"] for u in complaints.values()} == {"Service operations"}
    code, out, err = run("subjects", "move", *conf, complaints["Complaints note 1"], VOICE)
    assert code == 0, err
    assert "Your move pulled 4 other article(s) with it" in said_as_one(out), out
    code, out, err = run("subjects", "move", *conf, complaints["Complaints note 4"], VOICE)
    assert code == 0, err
    assert f"Already under {VOICE}: Complaints note 4; now pinned there" in out, out
    return config, complaints


def test_the_note_names_the_move_that_pulled_the_article(tmp_path: Path, corpus: Path) -> None:
    """The draft's note on "Complaints note 5" names the move of "Complaints note 1", which
    pulled it (main named "Complaints note 4", the move most like it); so do the build's line
    and its --json; the record is in the store."""
    server = LocalServer().start()
    try:
        config, complaints = _two_moves(tmp_path, corpus, server)
        conf = ("--config", str(config))
        built = tmp_path / "built"
        shutil.copytree(config.parent, built)
        today = datetime.now(UTC).date().isoformat()

        code, _, err = run("draft", *conf, "--no-fetch", "-q", "--subject", VOICE)

        assert code == 0, err
        blocks = _notes(config)
        assert "Complaints note 5" in blocks, blocks.keys()
        for title in ("Complaints note 2", "Complaints note 3", "Complaints note 5"):
            if title not in blocks:
                continue
            assert (
                f'<!-- Came in with your move of "Complaints note 1" to {VOICE} on {today}:'
                " without that correction curator would place this article under"
                ' "Service operations". Cut it if it does not belong here' in blocks[title]
            ), blocks[title]
        assert not any("Complaints note 4" in b for b in blocks.values() if "Came in" in b)
        assert not any("probably" in b for b in blocks.values()), blocks
        with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
            rows = db.execute(
                "SELECT a.url, m.url FROM move_pulls p JOIN articles a ON a.id = p.article_id"
                " JOIN articles m ON m.id = p.moved_id"
            ).fetchall()
        first = complaints["Complaints note 1"]
        assert (complaints["Complaints note 5"], first) in rows, rows

        code, out, err = run(
            "build", "--config", str(built / "feeds.yaml"), "--no-fetch", "--json",
            "--subject", VOICE,
        )  # fmt: skip
        assert code == 0, err
        lines = [
            line for line in said_as_one(err).split("issue 2's ") if "Complaints note 5" in line
        ]
        assert lines and '"Complaints note 1"' in lines[0] and "probably" not in lines[0], err
        pulled_in = {p["title"]: p for p in json.loads(out)["pulled_in"]}
        assert pulled_in["Complaints note 5"]["moved_url"] == first, pulled_in
        assert pulled_in["Complaints note 5"]["move_recorded"] is True
    finally:
        server.stop()


def test_moves_made_before_the_record_name_the_likeliest_move(tmp_path: Path, corpus: Path) -> None:
    """A store of a curator that did not record what a move pulled (schema 30, no record): the
    note names the move most like the article, as before, and says it probably came with it."""
    server = LocalServer().start()
    try:
        config, _ = _two_moves(tmp_path, corpus, server)
        store = config.parent / ".curator" / "curator.db"
        with sqlite3.connect(store) as db:
            db.execute("DROP TABLE move_pulls")
            db.execute("PRAGMA user_version = 30")
        db.close()
        today = datetime.now(UTC).date().isoformat()

        code, _, err = run("draft", "--config", str(config), "--no-fetch", "-q", "--subject", VOICE)

        assert code == 0, err
        note = _notes(config)["Complaints note 5"]
        assert (
            f'<!-- Came in probably with your move of "Complaints note 4" to {VOICE} on {today}'
            " (the move of yours most like it; curator has no record of which move pulled it):"
            " without your corrections curator would place this article under"
            ' "Service operations".' in note
        ), note
    finally:
        server.stop()
