"""fixjy: work a build did more than once. #1: `keywordfit.keywords_only` loaded the subject model
and counted every compared article's words again on each choice of the issue, and a build chooses
it again while articles are held back (`gatedchoice.readable_first`), checking its theme's
ripeness (`themes.ripeness`, which runs it too) on each choice. The same build now counts each
article once, and says and publishes what it said before (the newsletter of fixiy's tests:
two sport ticket queues under "Service operations" on its keywords alone, held back for the
article the editor moved there). #4: the output folder's feed.xml, and the one a build writes,
were parsed four to six times each per build; now once (the demo's second issue)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest
from test_fixhe_like_excluded import CUP, RUGBY
from test_fixiy_keywords_only_waits import Newsletter, _left_out, _service_section, newsletter

from conftest import run_cli as run
from conftest import said_as_one
from curator import keywordfit, placing

__all__ = ["newsletter"]


def test_a_build_with_held_back_articles_counts_each_compared_article_once(
    newsletter: Newsletter, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = newsletter
    counted: Counter[int] = Counter()
    models = []
    real_counts, real_model = keywordfit.counts_of, placing.current_model

    def counts_of(store: object, phrases: set[str], ids: Collection[int]) -> object:
        counted.update(ids)
        return real_counts(store, phrases, list(ids))  # type: ignore[arg-type]

    def current_model(*args: object, **kwargs: object) -> object:
        models.append(1)
        return real_model(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(keywordfit, "counts_of", counts_of)
    monkeypatch.setattr(keywordfit, "current_model", current_model)
    # (a theme: its ripeness is checked, keywords-only articles found, on every choice)
    code, out, err = run("build", *n.conf, "--no-fetch", "--subject", "Service operations")
    assert code == 0, err
    html = (n.folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert n.moved[0] in _service_section(html), html
    assert RUGBY[0] not in html and CUP[0] not in html, html
    said = said_as_one(err)
    assert _left_out(n, RUGBY[0], n.rugby) in said, said
    # (chosen twice, the theme's ripeness checked each time: one model, each article counted once)
    assert counted and max(counted.values()) == 1, counted
    assert len(models) == 1, models


def test_a_build_parses_the_published_feed_and_its_own_once_each(
    themed_demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#4: the output folder's feed.xml was parsed four to six times per build (its ids, its
    times twice, its entries, their links, the times moved), and the one it writes four or five
    times. The second issue of the demo: each is parsed once, and the feed lists both issues."""
    conf = ("--config", str(themed_demo))
    code, _, err = run("build", *conf, "-q")
    assert code == 0, err
    out = themed_demo.parent / "output"
    before = (out / "feed.xml").read_bytes()
    parses: Counter[bytes] = Counter()
    real = ET.fromstring

    def fromstring(text: str | bytes, *args: Any, **kwargs: Any) -> ET.Element:
        parses[text.encode("utf-8") if isinstance(text, str) else text] += 1
        return real(text, *args, **kwargs)

    monkeypatch.setattr(ET, "fromstring", fromstring)
    code, _, err = run("build", *conf, "--subject", "Measuring the customer experience", "-q")
    assert code == 0, err
    after = (out / "feed.xml").read_bytes()
    assert b"issue-1.html" in after and b"issue-2.html" in after, after
    assert parses[before] == 1, parses[before]
    assert parses[after] == 1, parses[after]
