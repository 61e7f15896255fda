"""walk194 #5: `subjects uncertain --limit 10` listed 5 and ended "Only 5 listed, not 10: curator
is sure of every other article it looked at" while `explain` called another "placed, but a weak
fit ... may be off the subject" and `themes` counted weak fits: a weak fit is listed."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import LocalServer, add_sport_feed
from conftest import run_cli as run

BASICS = "The basics of customer experience"
#: The demo's off-field post, a weak fit under the basics once 40 sport stories are stored.
COFFEE = "https://brightline.example/blog/office-coffee-machine"


def test_uncertain_lists_the_weak_fits_themes_counts(
    themed_demo: Path, http_server: LocalServer, corpus: Path
) -> None:
    demo = themed_demo
    # (the demo's office coffee machine post is placed under the basics, under its own bar)
    add_sport_feed(demo, corpus, http_server, stories=40)
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("themes", "--config", str(demo), "--json")
    assert code == 0, err
    basics = next(s for s in json.loads(out)["subjects"] if s["subject"] == BASICS)
    assert basics["weak"] == 1, basics
    weak = [COFFEE]
    code, out, err = run("subjects", "explain", "--config", str(demo), COFFEE, "-q")
    assert "placed, but a weak fit" in " ".join(out.split()), out
    code, out, err = run("subjects", "uncertain", "--config", str(demo), "--limit", "60", "--json")
    assert code == 0, err
    listed = {u["url"]: u for u in json.loads(out)}
    for url in weak:
        assert url in listed, (url, list(listed))
        assert listed[url]["reason"] == "weak fit" and listed[url]["unsure"], listed[url]
    code, out, err = run("subjects", "uncertain", "--config", str(demo), "--limit", "60", "-q")
    assert code == 0, err
    said = " ".join(out.split())
    assert "a weak fit: score" in said and f"under {BASICS}'s own bar" in said, said
