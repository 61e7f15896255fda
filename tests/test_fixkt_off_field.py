"""fixkt (walk196's left-alone list): a subject whose articles use none of its words, one step
beyond fixki. A draft on it flagged only the picks using none of its words, not an off-field
story matching one broad keyword of it (walk196: "poll" in a politics story under "Customer
surveys") though its other words were absent, while the subject edit's report said the subject
came in on other words. Set up as fixki's tests: a pasted suggestion beside four CX subjects."""

from __future__ import annotations

import json
import re

from test_fixki_own_words import NAME, SHARES, Newsletter, _add_subject
from test_fixki_own_words import newsletter as newsletter  # noqa: F401 (the fixture)

from conftest import run_cli as run
from conftest import said_as_one


def test_a_draft_flags_every_pick_using_one_word_of_a_subject_off_its_words(
    newsletter: Newsletter,
) -> None:
    n = newsletter
    _add_subject(n, SHARES)
    text = n.config.read_text(encoding="utf-8")
    n.config.write_text(text.replace("issue_size: 4", "issue_size: 40"), encoding="utf-8")
    code, out, err = run("subjects", "list", *n.conf, "-n", "1")
    said = said_as_one(err)
    # the subject edit's report says most of its articles came in on other words
    assert f"`{NAME}`: " in said and "its most used keyword" in said, said
    code, out, err = run("draft", *n.conf, "--no-fetch", "--subject", NAME)
    assert code == 0, err
    said = said_as_one(err)
    flagged = dict(
        re.findall(
            rf'\((http[^)]+)\) is placed under "{NAME}" by words that are none of its keywords'
            r" nor its name's(?: but `([^`]+)`, under a subject whose articles mostly came in on"
            r" other words than its own \(as its subject edit said\))?: ",
            said,
        )
    )
    draft = (n.folder / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    picked = {url for url in n.off.values() if f"url: {url}\n" in draft}
    assert flagged and set(flagged) <= picked, (flagged, picked)
    # those using one of its keywords alone ("stock", "low") are flagged too, and say which
    alone = {url: word for url, word in flagged.items() if word}
    assert alone, said
    words = ("shares", "asia", "failure", "asian", "quake", "low", "insurer", "stock")
    assert set(alone.values()) <= set(words), alone


def test_overlap_offers_no_word_only_the_off_field_picks_share(newsletter: Newsletter) -> None:
    n = newsletter
    _add_subject(n, SHARES)
    code, out, err = run("subjects", "overlap", *n.conf, "-q", "--json")
    assert code == 0, err
    pairs = [o for o in json.loads(out) if NAME in o["subjects"]]
    assert pairs, out
    offered = {w for o in pairs for w in o["new_words"][NAME]}
    # the politics stories it took ("Blair ...", "Labour ...", "Tories ...") give it no word
    assert not offered & {"labour", "tories", "blair", "election"}, offered
    drift = {w for o in pairs for w in o["off_field_words"][NAME]}
    assert {"labour", "tories"} <= drift and not drift & offered, drift
    code, out, err = run("subjects", "overlap", *n.conf, "-q")
    assert code == 0, err
    assert out.count(f"  not offered for {NAME}: ") == 1, out
    line = next(x for x in out.splitlines() if x.startswith(f"  not offered for {NAME}: "))
    assert "labour" in line and "only its articles off its field use them" in line, line
    assert f"`curator subjects list --subject '{NAME}' --config " in line, line
