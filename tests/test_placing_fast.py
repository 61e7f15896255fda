"""Placing a new article takes shortcuts (issue 14): each must give what the plain definition gives.

The tokeniser splits on separators instead of running the word pattern over the whole text,
`article_counts` counts every field in one pass, and `assign_one` reuses the cosines' and the
vote's look-ups for the matched terms and the fit. Each is checked here against the definition it
replaces, on the shared corpus's BBC and Reuters articles (the corrections path too). The check
against the scorer as it was before these shortcuts, on four labelled sets, is in
benchmarks/README.md (same subject for every article, scores equal to 1e-13).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from labelled import benchmark_subjects, labelled

from curator import stemmer, textfeatures
from curator.models import Article
from curator.subjects import SubjectModel
from curator.subjectwords import subject_phrases
from curator.termvectors import tfidf
from curator.textfeatures import (
    _WORD,
    _fields,
    _stems,
    _tokens,
    article_counts,
    known_numbers,
    reset_caches,
)


def _articles(corpus: Path, name: str) -> list[tuple[Article, str]]:
    return labelled(corpus / "topics" / name / "articles.jsonl")


@pytest.fixture(scope="module")
def bbc(corpus: Path) -> list[tuple[Article, str]]:
    return _articles(corpus, "bbc-news")


@pytest.fixture(scope="module")
def reuters(corpus: Path) -> list[tuple[Article, str]]:
    return _articles(corpus, "reuters21578")


def _pattern_tokens(text: str) -> list[str]:
    """The tokens as the word pattern finds them (the definition; Turkish "İ" read as the "i" it
    is, not as "i" and a combining dot that split "İstanbul": walk97 #8; a version's dots as "v",
    "3.1" one word "3v1": exp14)."""
    low = text.lower().replace("\u2019", "'").replace("i\u0307", "i")
    return _unelided(_WORD.findall(textfeatures._VERSION.sub("v", low)))


def _unelided(tokens: list[str]) -> list[str]:
    """French and Italian elisions taken apart (walk180 #4): "l'écoute" is "écoute", "d'un"
    (a function word after the elided one) nothing, a possessive "'s" kept ("all's")."""
    out = []
    for token in tokens:
        head, _, rest = token.partition("'")
        if head in textfeatures._ELIDED and rest and rest != "s":
            if rest in textfeatures.OTHER_STOP_WORDS:
                continue
            token = rest
        out.append(token)
    return out


def test_tokens_are_what_the_word_pattern_finds(bbc, reuters):
    tricky = [
        "", "'", "''", "don't", "O'Neill's", "rock'n'roll", "'quoted'", "90's", "it’s", "a's b's",
        "café£5 naïve—coöperate", "İstanbul K\u212a", "x'9a y'a9", "end'", "'start", "a''b",
        "tab\tnew\nline", "UPPER'CASE'S", "\u00df's", "mid'\u00e9t\u00e9",
        "l'experience d'un all's AT&T's qu'il dell'ascolto", "l’écoute d’un j’ai",
    ]  # fmt: skip
    texts = tricky + [x for a, _ in bbc + reuters for x in (a.title or "", a.text or "")]
    # (a text with letters beyond ASCII is read by words of every script: walk51 #1)
    other = [x for x in texts if textfeatures._OTHER_LETTER.search(x.lower())]
    differ = [x[:80] for x in texts if x not in other and _tokens(x) != _pattern_tokens(x)]
    assert not differ
    assert [_tokens(x) for x in other] == [
        ["café", "5", "naïve", "coöperate"],
        ["ß's"],
        ["mid'été"],
        ["écoute"],
    ]


def _field_by_field(article: Article, phrases: dict[str, set[tuple[str, ...]]]) -> dict:
    """Each field's term counts times its weight, added field by field, each field's phrases
    after its terms (the definition `article_counts` keeps)."""
    counts: dict[str, float] = {}
    for text, weight in _fields(article):
        toks = _stems(_pattern_tokens(text))
        for t, n in Counter(toks).items():
            counts[t] = counts.get(t, 0.0) + weight * n
        for i, t in enumerate(toks):
            for tail in phrases.get(t, ()):
                if tuple(toks[i + 1 : i + 1 + len(tail)]) == tail:
                    key = t + " " + " ".join(tail)
                    counts[key] = counts.get(key, 0.0) + weight
    return counts


@pytest.fixture
def caches_kept() -> Iterator[None]:
    """The stemmer's caches as they were before the test (it forgets them to count cold)."""
    kept = [dict(c) for c in (stemmer.STEMS, textfeatures._TERMS, textfeatures._READABLE)]
    yield
    for cache, old in zip(
        (stemmer.STEMS, textfeatures._TERMS, textfeatures._READABLE), kept, strict=True
    ):
        cache.clear()
        cache.update(old)


@pytest.mark.parametrize("cold", [True, False], ids=["words-never-seen", "words-seen"])
def test_article_counts_are_each_fields_counts_times_its_weight(bbc, reuters, cold, caches_kept):
    # Reuters' subjects have multi-word keywords whose first word 3 in 4 of its articles use.
    for data, name in ((bbc, "bbc.yaml"), (reuters, "reuters8.yaml")):
        phrases = subject_phrases(list(benchmark_subjects(name).values()))
        assert phrases
        for article, _ in data[:600]:
            if cold:
                reset_caches()
            got = article_counts(article, phrases)
            want = _field_by_field(article, phrases)
            # The same counts, in the same order (the order tf-idf sums them in).
            assert list(got.items()) == list(want.items()), article.url
            assert all(type(x) is float for x in got.values())


def test_tfidf_is_one_plus_log_count_times_idf_at_unit_length(bbc):
    articles = [a for a, _ in bbc[:300]]
    model = SubjectModel.build(list(benchmark_subjects("bbc.yaml").values()), corpus=articles)
    idf, unseen = model.corpus.idf, model.corpus.unseen_idf
    for article in articles + [Article(id=0, url="u:new", title="Zyzzyva quokka", text="")]:
        counts = article_counts(article, model.phrases)
        weights = {t: (1.0 + math.log(c)) * idf.get(t, unseen) for t, c in counts.items()}
        norm = math.sqrt(sum([x * x for x in weights.values()]))
        assert list(tfidf(counts, model.corpus).items()) == [
            (t, x / norm) for t, x in weights.items()
        ]


@pytest.mark.parametrize("corrected", [False, True], ids=["zero-shot", "half-corrected"])
def test_placing_gives_what_scoring_each_part_on_its_own_gives(bbc, corrected):
    subjects = benchmark_subjects("bbc.yaml")
    articles = [a for a, _ in bbc]
    corrections: dict[str, str | None] = {}
    if corrected:  # every other article moved to its labelled subject, a few excluded
        corrections = {a.url: subjects[label].name for a, label in bbc if a.id % 2}
        corrections.update({a.url: None for a, _ in bbc[:40:8]})
    model = SubjectModel.build(list(subjects.values()), corpus=articles, corrections=corrections)
    decisions: Counter[str] = Counter()
    for article in articles:
        got = model.judge(article)
        # The plain way: the scores, then the fit and the matched terms each looked up anew (a
        # number neither the archive nor a subject has is no term: NUMBER_MIN_DOCS, exp15; the
        # vote reads the article's pairs of words too: wordpairs, exp20).
        pairs: dict[str, float] = {}
        counts = known_numbers(
            article_counts(article, model.phrases, pairs), model.corpus.idf, model.columns
        )
        rep = tfidf(counts, model.corpus)
        want = model.judge_scored(article.url, rep, counts, model._raw(rep, counts, pairs))
        assert (got.subject, got.decision, got.matched) == (
            want.subject,
            want.decision,
            want.matched,
        )
        assert [n for n, _ in got.scores] == [n for n, _ in want.scores]
        assert [s for _, s in got.scores] == pytest.approx([s for _, s in want.scores], abs=1e-12)
        assert (got.fit is None) == (want.fit is None)
        if got.fit is not None:
            assert got.fit == pytest.approx(want.fit, abs=1e-12)
        assert model.assign_one(article) == got.assignment()
        decisions[got.decision] += 1
    # Every kind of decision the BBC set gives was compared.
    assert decisions["placed"] > (500 if corrected else 1000)
    if corrected:
        assert decisions["moved"] > 500 and decisions["excluded"] >= 1
