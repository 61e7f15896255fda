"""walk93: an editor who added every word `curator subjects overlap` offered gave Computer graphics
38 keywords, and every command then stopped (at most 30); the words offered were vague
("need", "want", "looking", "file") or offered to two rivals at once ("video" to Windows and
PC hardware, "display" to Mac hardware and X), or another subject's own ("windows" for Mac
hardware)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from test_subjects_editor import family

from conftest import run_cli as run
from curator.textfeatures import terms

#: Words every comp.* subject's posts use: none parts one subject from another.
FILLERS = {"need", "want", "think", "help", "looking", "file", "know", "use", "problem", "work"}


def offered_words(pairs: list[dict]) -> dict[str, set[str]]:
    """Each word `overlap --json` offers as new -> the subjects it is offered to."""
    to: dict[str, set[str]] = {}
    for p in pairs:
        for name, words in p["new_words"].items():
            for w in words:
                to.setdefault(w.lower(), set()).add(name)
    return to


def test_overlap_offers_a_word_to_one_subject_at_most_and_no_filler(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    config, _ = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 4)
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json", "-q")
    assert code == 0, err
    to = offered_words(json.loads(out))
    assert to
    shared = {w: sorted(names) for w, names in to.items() if len(names) > 1}
    assert not shared
    assert not set(to) & FILLERS, sorted(set(to) & FILLERS)
    # Nor another subject's keyword or a word of its name.
    subjects = yaml.safe_load(config.read_text(encoding="utf-8"))["subjects"]
    own = {s["name"]: set(terms(" ".join([s["name"], *map(str, s["keywords"])]))) for s in subjects}
    for word, names in to.items():
        (name,) = names
        others = set().union(*(stems for n, stems in own.items() if n != name))
        assert not set(terms(word)) & others, (word, name)
    # The text the editor reads offers the same words.
    code, text, _ = run("subjects", "overlap", "--config", str(config), "-q")
    assert code == 0
    lines = re.findall(r"^  words for (.+?): (.*?)(?: \(already|$)", text, re.MULTILINE)
    seen: dict[str, set[str]] = {}
    for name, words in lines:
        for w in words.split(", "):
            if w != "none you have not written":
                seen.setdefault(w.lower(), set()).add(name)
    assert seen == to


def test_overlap_offers_no_more_words_than_the_keyword_cap_leaves_room_for(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    config, _ = family(tmp_path, http_server, corpus, "comp-train.jsonl", "computers.yaml", 4)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    graphics = next(s for s in data["subjects"] if s["name"] == "Computer graphics")
    extra = [
        "bezier",
        "spline",
        "texture",
        "shader",
        "voxel",
        "raster",
        "sprite",
        "dither",
        "bitmap",
        "vector",
        "font",
    ]
    extra += ["palette", "gamma", "radiosity", "antialiasing", "morphing", "fractal", "wireframe"]
    graphics["keywords"] = [*graphics["keywords"], *extra]
    assert len(graphics["keywords"]) == 28
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    code, text, err = run("subjects", "overlap", "--config", str(config), "-q")
    assert code == 0, err
    note = (
        "  Computer graphics has 28 keywords, room for 2 more (a subject takes at most 30): the 2"
        " that separate best are offered (over all its pairs); to add others as well, remove"
        " vaguer ones."
    )
    assert text.count(note) == 1, text
    code, out, err = run("subjects", "overlap", "--config", str(config), "--json", "-q")
    assert code == 0, err
    pairs = json.loads(out)
    to = offered_words(pairs)
    assert len([w for w, names in to.items() if "Computer graphics" in names]) == 2
    assert any(
        p["held_back"].get("Computer graphics") == {"keywords": 28, "offered": 2} for p in pairs
    )

    # Following the advice to the letter leaves a configuration every command still reads.
    for s in data["subjects"]:
        s["keywords"] += [w for w, names in sorted(to.items()) if s["name"] in names]
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, out, err = run("subjects", "list", "--config", str(config), "--json", "-q")
    assert code == 0, err
    code, text, err = run("subjects", "overlap", "--config", str(config), "-q")
    assert code == 0, err
    assert (
        "  Computer graphics has 30 keywords, the most a subject takes: no new words are offered"
        " for it; remove vaguer ones to add more." in text
    )
    assert re.search(r"^  words for Computer graphics: none you have not written", text, re.M)
