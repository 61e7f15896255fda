"""`curator subjects overlap` offers, as keywords, words that tell subjects apart in the articles
to come: not one poster's signature or address, nor one thread's words (walk15: "words for
Medicine and health: msg, gr, food, problem, gordon, fmgs")."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from test_subjects_editor import family

from conftest import run_cli as run
from curator.textfeatures import terms

ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)


def posts(config: Path) -> list[set[str]]:
    """Each stored post's words (their stems), outside addresses."""
    db = sqlite3.connect(config.parent / ".curator" / "curator.db")
    try:
        rows = db.execute("SELECT title, summary, text FROM articles").fetchall()
    finally:
        db.close()
    return [set(terms(ADDRESS.sub(" ", " ".join(filter(None, r))))) for r in rows]


@pytest.mark.parametrize("every", [22, 4])
def test_overlap_offers_words_many_posts_use(
    tmp_path: Path, http_server, corpus: Path, every: int
) -> None:
    config, _ = family(tmp_path, http_server, corpus, "sci-train.jsonl", "science.yaml", every)
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    pairs = json.loads(out)
    used = posts(config)
    offered = {w for p in pairs for ws in p["new_words"].values() for w in ws}
    few = sorted(w for w in offered if sum(set(terms(w)) <= u for u in used) < 3)
    assert not few
    # The words that do part them stay (the model and their ranking are unchanged).
    named = {}
    for p in pairs:
        for name, ws in p["new_words"].items():
            named.setdefault(name, set()).update(ws)
    assert {"clipper", "escrow"} <= named["Cryptography"]
    assert "ground" in named["Electronics"]


SIGNATURE = (
    '\n\n-- \nGordon Banks  N3JXP      | "Skepticism is the chastity of the intellect, and\n'
    'geb@cadre.dsl.pitt.edu   |  it is shameful to surrender it too soon."'
)


def test_overlap_offers_no_words_of_a_posters_signature(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """walk15: one doctor answers most medical posts, each signed with his name, call sign,
    address and motto; his signature's words were offered as Medicine's keywords ("gordon")."""
    rows = [
        json.loads(line)
        for line in (corpus / "topics" / "20newsgroups" / "sci-train.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    signed = []
    for n, r in enumerate(rows):
        if r["label"] == "sci.med" and n % 3:
            r = {**r, "text": r["text"][:3000] + SIGNATURE}
        signed.append(json.dumps(r))
    mine = tmp_path / "corpus"
    (mine / "topics" / "20newsgroups").mkdir(parents=True)
    (mine / "topics" / "20newsgroups" / "sci-train.jsonl").write_text(
        "\n".join(signed), encoding="utf-8"
    )
    (tmp_path / "nl").mkdir()
    config, _ = family(tmp_path / "nl", http_server, mine, "sci-train.jsonl", "science.yaml", 8)
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    pairs = json.loads(out)
    offered = {w.lower() for p in pairs for ws in p["new_words"].values() for w in ws}
    assert offered
    signing = set(re.findall(r"[a-z0-9]+", SIGNATURE.lower()))
    assert not offered & signing, sorted(offered & signing)


def test_overlap_and_suggest_offer_no_encoded_data_nor_letter_digit_tokens(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    """walk41 #5: on the comp.* posts, `suggest` named groups "Ax, max and pl" and "Cx, scx and
    a7" from uuencoded pictures (roman.bmp in 14 parts), and `overlap` offered "p1, p2" for
    Graphics: pieces of encoded data and variables' names, no word of the articles to come."""
    config, _ = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 1)
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json")
    assert code == 0, err
    offered = {w.lower() for p in json.loads(out) for ws in p["new_words"].values() for w in ws}
    assert offered
    mixed = sorted(w for w in offered if re.search(r"\d", w) and re.search(r"[a-z]", w))
    assert not mixed
    code, out, err = run("subjects", "suggest", "--config", str(config), "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found
    words = {w.lower() for s in found for w in [*s["keywords"], *s["name"].lower().split()]}
    assert not {"ax", "max", "pl", "cx", "scx", "a7"} & words, [s["name"] for s in found]
    mixed = sorted(w for w in words if re.search(r"\d", w) and re.search(r"[a-z]", w))
    assert not mixed
