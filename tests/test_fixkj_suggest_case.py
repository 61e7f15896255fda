"""walk194 #6: `suggest` wrote "England, italy": a proposed subject's name, description and
keywords write a name as the articles write it ("Radcliffe", not "radcliffe")."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import LocalServer, add_sport_feed
from conftest import run_cli as run


def test_suggest_writes_names_with_the_capitals_the_articles_give_them(
    demo: Path, corpus: Path, http_server: LocalServer
) -> None:
    add_sport_feed(demo, corpus, http_server, stories=40)
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("subjects", "suggest", "--config", str(demo), "--json")
    assert code == 0, err
    found = json.loads(out)
    words = [w for s in found for w in s["keywords"]]
    assert "Radcliffe" in words and "radcliffe" not in words, words
    named = next(s for s in found if "Radcliffe" in s["keywords"])
    assert "radcliffe" not in named["name"] + named["description"], named
    # (a common word stays in lower case)
    assert all(w == w.lower() for w in words if w.lower() in {"marathon", "race", "world"}), words
