"""walk190 #7: a plain `curator build` published an article a `subjects move` had pulled into its
subject with no word, while `curator draft` notes it (`<!-- Came in with your move of ...`). The
build now says it, a line per such article it published (which article, which subject, that the
editor's move brought it there), and `--json` carries it ("pulled_in"). Served by a local HTTP
server; BBC sport texts from the corpus, as walk182 #6's test has them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from test_fixiz_walk182 import _newsletter, _placed

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_a_plain_build_says_which_articles_a_move_pulled_into_their_subject(
    tmp_path: Path, corpus: Path
) -> None:
    server = LocalServer().start()
    try:
        config = _newsletter(tmp_path, corpus, server, complaints=4, size=8)
        conf = ("--config", str(config))
        code, _, err = run(
            "build", *conf, "--no-fetch", "-q", "--subject", "Measuring the customer experience"
        )
        assert code == 0, err
        placed = _placed(config)
        complaints = {r["title"]: u for u, r in placed.items() if "Complaints" in str(r["title"])}
        assert {placed[u]["subject"] for u in complaints.values()} == {"Service operations"}
        moved = complaints.pop("Complaints note 1")
        code, out, err = run("subjects", "move", *conf, moved, "Voice of the customer")
        assert code == 0, err
        assert "Your move pulled 3 other article(s) with it" in said_as_one(out), out
        today = datetime.now(UTC).date().isoformat()

        code, out, err = run("build", *conf, "--no-fetch", "--json")

        assert code == 0, err
        doc = json.loads(out)
        assert doc["issue"] == 2, doc
        issue = json.loads((config.parent / "output" / "issue-2.json").read_text("utf-8"))
        voice = next(s for s in issue["sections"] if s["subject"] == "Voice of the customer")
        published = {a["url"] for a in voice["articles"]}
        pulled = {t: u for t, u in complaints.items() if u in published}
        assert pulled, voice  # (the move's pulled articles are published under it)
        by_url = {p["url"]: p for p in doc["pulled_in"]}
        assert set(pulled.values()) <= by_url.keys(), doc["pulled_in"]
        for url in pulled.values():
            entry = by_url[url]
            assert entry["subject"] == "Voice of the customer", entry
            assert entry["moved_url"] == moved and entry["moved_title"] == "Complaints note 1"
            assert entry["without_corrections"] == "Service operations", entry
        said = said_as_one(err)
        for title, url in pulled.items():
            assert (
                f'issue 2\'s "{title}" ({url}) came into "Voice of the customer" with your move'
                f' of "Complaints note 1" ({moved}) to it on {today}: without that correction'
                ' curator would place it under "Service operations"; it is published under'
                ' "Voice of the customer".'
            ) in said, said
        # one line each (another the corrections brought in is said too, as the draft notes it);
        # the article moved, and the subjects' own articles, are not said
        assert said.count(" came into ") == len(by_url), said
        assert f'"Complaints note 1" ({moved}) came into' not in said, said
        ours = {u for u, r in placed.items() if " note " in str(r["title"])}
        assert not ours & (by_url.keys() - set(complaints.values())), doc["pulled_in"]
    finally:
        server.stop()
