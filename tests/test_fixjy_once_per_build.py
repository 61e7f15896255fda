"""fixjy: work a build did more than once. #1: `keywordfit.keywords_only` loaded the subject model
and counted every compared article's words again on each choice of the issue, and a build chooses
it again while articles are held back (`gatedchoice.readable_first`), checking its theme's
ripeness (`themes.ripeness`, which runs it too) on each choice. The same build now counts each
article once, and says and publishes what it said before (the newsletter of fixiy's tests:
two sport ticket queues under "Service operations" on its keywords alone, held back for the
article the editor moved there)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

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
