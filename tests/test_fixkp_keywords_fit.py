"""fixkp #3: `KeywordsFit.found` kept what it found by subject and articles alone, and gave it
back under other corrections (relying on `model()` having been called for them); `keywords_only`
given both a `fit` and a `model` used the fit's model without a word. The keywords-only
newsletter of fixiy's tests (a local HTTP server, BBC sport texts from the corpus)."""

from __future__ import annotations

import pytest
from test_fixiy_keywords_only_waits import Newsletter, newsletter

from curator.config_load import load_config
from curator.keywordfit import KeywordsFit, keywords_only
from curator.store import Store

__all__ = ["newsletter"]


def test_keywords_found_for_other_corrections_are_not_given_back(
    newsletter: Newsletter,
) -> None:
    """#3: what `found` made under one set of corrections is not handed out under another (the
    model is made for the corrections: `model()` first), and a `fit` with a `model` is refused."""
    config = load_config(newsletter.conf[1])
    with Store.open(config.settings.store) as store:
        corrections = store.corrections()
        placed = [(a, "Service operations") for a in store.placed_best("Service operations", 50)]
        fit = KeywordsFit()
        said = keywords_only(config, store, placed, fit=fit)
        assert newsletter.rugby in said, said
        # (the same call again: what was found is kept)
        own = next(s for s in config.subjects if s.name == "Service operations")
        articles = [a for a, _ in placed]
        off_ids = [a.id for a in store.placed_best(None, 1000) if a.id is not None]
        vectors = fit.vectors(store, set())
        kept = fit.found(own, articles, vectors, off_ids, corrections)
        assert fit.found(own, articles, vectors, off_ids, dict(corrections)) is kept
        # (the rugby queue excluded: found again under a model made for that, not given back)
        other = {**corrections, newsletter.rugby: None}
        with pytest.raises(AssertionError, match="for these corrections"):
            fit.found(own, articles, vectors, off_ids, other)
        fit.model(config, store, other)
        vectors = fit.vectors(store, {a.id for a in articles if a.id} | set(off_ids))
        assert newsletter.rugby not in fit.found(own, articles, vectors, off_ids, other)
        # (`fit` has its model: another one beside it is refused, not ignored)
        model = fit.model(config, store, corrections)
        with pytest.raises(TypeError, match="not both"):
            keywords_only(config, store, placed, model, fit)
