"""Subjects: the model that scores articles against the editor's subjects and places each (pure).

`SubjectModel.build(...)` learns once (how: `curator.subjectfit`); `model.assign_one(article)`
and `model.judge(article)` are pure functions of the model and the article. `assign`,
`judge_all` and `explain` build a model from the articles themselves and use it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import cached_property, partial
from itertools import compress
from operator import itemgetter, mul
from typing import Literal

from curator.models import Article, Assignment, Subject
from curator.subjectcosines import KNN_FLOOR, KNN_WEIGHT, base_scores, cosine_parts
from curator.subjectfit import SCORE_FLOOR, THRESHOLD, Fitted, fingerprint, fit
from curator.subjects_explain import Decision, Explanation, Judgement, SubjectScore, TermScore
from curator.subjects_notes import ONE_WORD_BELOW, ONE_WORD_SHARE, OneWord
from curator.termvectors import Vector, tfidf
from curator.textfeatures import (
    MAX_TEXT_CHARS,
    article_counts,
    known_numbers,
    readable,
    readable_stem,
    surface_forms,
    terms,
    words,
)
from curator.wordmodel import FIT_BAR
from curator.wordpairs import split as split_pairs

#: How many matched terms an assignment keeps, strongest first (the bulk scorer keeps as many).
MATCHED_TERMS = 8


class SubjectModel(Fitted):
    """Subjects turned into term vectors and a word model, ready to score articles.

    Build it once with `SubjectModel.build(subjects, corpus=..., corrections=...)`; it is plain
    data (see `curator.subjectfit.Fitted`), and scoring is a pure function of it and the articles.
    `fingerprint` changes when the subjects, the corrections or the scorer change (not when the
    corpus grows), which is when stored assignments need re-scoring.
    """

    @classmethod
    def build(
        cls,
        subjects: Sequence[Subject],
        *,
        corpus: Sequence[Article] = (),
        corrections: Mapping[str, str | None] | None = None,
    ) -> SubjectModel:
        """Learn from `corpus` (word statistics, feedback, the word model) and the corrections.

        `corpus` is the articles to learn from (for a large store, a recent sample of some
        thousands is plenty); corrections' URLs are looked up in it, so the corrected articles
        must be part of it to teach anything (they are pinned either way)."""
        return cls.of(fit(subjects, corpus, corrections or {})[0])

    @classmethod
    def of(cls, fitted: Fitted) -> SubjectModel:
        return cls(**{f: getattr(fitted, f) for f in Fitted.__dataclass_fields__})

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The subjects' names, in `subjects` order."""
        return tuple(s.name for s in self.subjects)

    # -- scoring ----------------------------------------------------------------------------------

    def _features(self, article: Article, pairs: Vector | None = None) -> tuple[Vector, Vector]:
        """`features`; `pairs`, when given, gets the article's pairs of words (the vote's alone:
        `wordpairs`)."""
        counts = known_numbers(
            article_counts(article, self.phrases, pairs), self.corpus.idf, self.columns
        )
        return counts, tfidf(counts, self.corpus)

    def features(self, article: Article) -> tuple[Vector, Vector]:
        """The article's term counts and its TF-IDF vector (unit length), as this model reads it."""
        return self._features(article)

    def _raw(self, rep: Vector, counts: Vector, pairs: Vector | None = None) -> list[float]:
        """Each subject's score: cosine plus the nearest example's pull, times the word vote."""
        raw = base_scores(rep, self.columns, len(self.subjects), self.examples)
        return [x * m for x, m in zip(raw, self.words.scale(counts, pairs), strict=True)]

    def _judge(
        self, url: str, rep: Vector, counts: Vector, pairs: Vector | None = None
    ) -> Judgement:
        """`judge_scored` of `_raw`'s scores, reusing what scoring looked up: the cosines' terms
        give the matched terms, the vote's give the fit (the same figures, fewer look-ups)."""
        n = len(self.subjects)
        raw, common, xs, rows = cosine_parts(rep, self.columns, n)
        if self.examples.vectors:
            raw = [x + p for x, p in zip(raw, self.examples.pulls(rep, n), strict=True)]
        scale, fit_of = self.words.vote(counts, pairs)

        def matched(i: int) -> tuple[str, ...]:
            # (a term of no subject i's vector has a row of 0 there: it scores 0 and is left out)
            return self._strongest(list(map(mul, xs, map(itemgetter(i), rows))), common)

        scores = [x * m for x, m in zip(raw, scale, strict=True)]
        return self.judge_scored(url, rep, counts, scores, fit_of=fit_of, matched=matched)

    def judge_scored(
        self,
        url: str,
        rep: Vector,
        counts: Vector,
        raw: Sequence[float],
        *,
        fit_of: Callable[[int], float | None] | None = None,
        matched: Callable[[int], tuple[str, ...]] | None = None,
    ) -> Judgement:
        """The decision for an article from its scores (`raw`, in `subjects` order); `fit_of`
        and `matched` give the fit and the matched terms for a subject (by default worked out
        from `counts` and `rep`).

        An article the editor moved (an example) has the scores a model that had not learnt
        from it gives (`own_scores`): it ranks under its subject by how well it matches, like
        any other, not by how well it matches itself."""
        fit = fit_of or partial(self.words.fit, counts)
        terms_of = matched or partial(self._matched, rep)
        names = self.names
        raw = self.own_scores.get(url, raw)
        # (best first; a tie keeps the subjects' order, the sort being stable either way round)
        order = sorted(range(len(names)), key=raw.__getitem__, reverse=True)
        scores = tuple((names[i], raw[i]) for i in order)
        if not order:
            return Judgement(url, None, "weak", (), None, THRESHOLD)
        best = order[0]
        fit_best = fit(best)
        if url in self.pins:
            chosen = self.pins[url]
            if chosen is None:
                return Judgement(url, None, "excluded", scores, fit_best, self.bars[best])
            i = names.index(chosen)
            bar_i = self.fit_bars[i]
            return Judgement(
                url, chosen, "moved", scores, fit(i), self.bars[i],
                FIT_BAR if bar_i is None else bar_i, terms_of(i),
            )  # fmt: skip
        decision: Decision = "placed"
        fit_bar = self.fit_bars[best]
        if fit_bar is None:
            fit_best = None  # the word model does not know the subject well enough to judge
        if raw[best] < SCORE_FLOOR:
            decision = "weak"
        elif fit_best is None or fit_bar is None:
            decision = "placed" if raw[best] >= self.bars[best] else "weak"
        elif fit_best < fit_bar:
            decision = "atypical"
        subject = names[best] if decision == "placed" else None
        return Judgement(
            url,
            subject,
            decision,
            scores,
            fit_best,
            self.bars[best],
            FIT_BAR if fit_bar is None else fit_bar,
            terms_of(best) if subject else (),
        )

    def judge(self, article: Article) -> Judgement:
        """Everything the model decides about `article`."""
        pairs: Vector = {}
        counts, rep = self._features(article, pairs)
        return self._judge(article.url, rep, counts, pairs)

    def assign_counts(self, url: str, counts: Vector) -> Assignment:
        """`assign_one` for an article counted already (`article_counts` with this model's
        phrases, its pairs of words among its terms, as a store keeps them): what placing a
        stored article needs without reading its text again."""
        counts, pairs = split_pairs(counts)
        counts = known_numbers(counts, self.corpus.idf, self.columns)
        return self._judge(url, tfidf(counts, self.corpus), counts, pairs).assignment()

    def vector(self, counts: Vector) -> Vector:
        """The scorer's tf-idf vector (unit length) of an article counted already (its pairs of
        words, stored among its terms, left out)."""
        counts = split_pairs(counts)[0]
        return tfidf(known_numbers(counts, self.corpus.idf, self.columns), self.corpus)

    def assign_one(self, article: Article) -> Assignment:
        """Where `article` goes (its subject or None), with each subject's score and terms."""
        return self.judge(article).assignment()

    # -- why --------------------------------------------------------------------------------------

    def contributions(self, rep: Vector, i: int, url: str = "") -> list[tuple[str, float]]:
        """Each term's part of `rep`'s score for subject `i` before the vote (they sum to it; the
        article at `url` is not its own nearest example)."""
        v = self.vectors[i]
        parts = {t: x * v[t] for t, x in rep.items() if t in v}
        own = self.examples.own(url) if url in self.pins else -1
        cos, j = self.examples.nearest(rep, len(self.subjects), own)[i]
        if j >= 0 and cos > KNN_FLOOR:
            example = self.examples.vectors[j]
            # The nearest example's pull, shared among the terms the two articles have in common.
            scale = KNN_WEIGHT * (cos - KNN_FLOOR) / cos
            for t, x in rep.items():
                if t in example:
                    parts[t] = parts.get(t, 0.0) + scale * x * example[t]
        return sorted(parts.items(), key=lambda tc: -tc[1])

    def _matched(self, rep: Vector, i: int, n: int = MATCHED_TERMS) -> tuple[str, ...]:
        """Subject `i`'s `n` strongest terms in `rep`, as words (the subject's vector's part of
        the score; `explain` adds the nearest example's)."""
        v = self.vectors[i]
        common = list(rep.keys() & v.keys())
        return self._strongest(
            list(map(mul, map(rep.__getitem__, common), map(v.__getitem__, common))), common, n
        )

    def _strongest(
        self, parts: list[float], terms: list[str], n: int = MATCHED_TERMS
    ) -> tuple[str, ...]:
        """The words of the `n` `terms` whose `parts` are largest (and over 0), largest first
        (`heapq.nlargest` of (part, term) pairs: ties go to the larger term)."""
        pairs: Iterable[tuple[float, str]] = zip(parts, terms, strict=True)
        if len(parts) > n:
            # Only the pairs whose part reaches the n-th largest can be among the n largest.
            least = sorted(parts)[-n]
            pairs = compress(pairs, map(least.__le__, parts))
        top = sorted(pairs, reverse=True)[:n]
        return tuple([self.word(t) for c, t in top if c > 0])

    def word(self, term: str) -> str:
        """A term as the subjects' own words spell it, else as the shortest word seen for it."""
        if " " not in term:  # (a single stem: what `readable` gives, without splitting)
            return self.surface.get(term) or readable_stem(term)
        return " ".join(self.surface.get(p) or readable(p) for p in term.split(" "))

    def one_word(
        self, article: Article, counts: Vector, subject: str, score: float, usual: float
    ) -> OneWord | None:
        """`OneWord` when `article` (its term `counts`) is under `subject` with `score` mostly on
        one term, where the articles under it usually score `usual`; else None."""
        if subject not in self.names or usual <= 0 or not 0 < score < ONE_WORD_BELOW * usual:
            return None
        i = self.names.index(subject)
        parts = [
            (t, c)
            for t, c in self.contributions(
                tfidf(split_pairs(counts)[0], self.corpus), i, article.url
            )
        ]
        total = sum(c for _, c in parts if c > 0)
        if not parts or total <= 0 or parts[0][1] < ONE_WORD_SHARE * total:
            return None
        term = parts[0][0]
        own = self.subjects[i]
        stems = set(term.split(" "))
        source: Literal["name", "description"] = "name"
        # (a keyword the editor chose as telling: see ONE_WORD_SHARE). The whole keyword only:
        # walk155 #4: "light" of the keyword "light rail" placed a page on reading-room light
        # under "Trams and light rail", and one word of a phrase is not what the editor chose.
        if any((whole := set(terms(k))) and whole <= stems for k in own.keywords):
            return None
        if not stems <= set(terms(own.name)):
            if not stems <= set(terms(own.description or "")):
                return None
            source = "description"
        return OneWord(
            article.url,
            article.title or article.url,
            subject,
            self.word(term),
            parts[0][1] / total,
            score,
            usual,
            source,
        )

    def nearest_move(
        self, article: Article, to: str | None, among: Collection[str] | None = None
    ) -> tuple[str, str] | None:
        """The article the editor moved to the subject `to` that is most like `article`, as (URL,
        `to`): the move that pulls it there; None when no move to `to` shares a term with it (or
        `to` is None: no move pulls an article to no subject). Only a move to the subject it is
        under can have pulled it there (walk129 #3: a post under Windows was said to be held by
        a move to Mac hardware). With `among`, only the moves of those URLs are looked at."""
        if to is None:
            return None
        _, rep = self._features(article)
        best, found = 0.0, None
        ex = self.examples
        for v, url in zip(ex.vectors, ex.urls, strict=True):
            moved_to = self.pins.get(url)
            if moved_to != to or url == article.url or (among is not None and url not in among):
                continue
            cos = sum(x * v[t] for t, x in rep.items() if t in v)
            if cos > best:
                best, found = cos, (url, moved_to)
        return found

    def explain(self, article: Article, *, top_terms: int = 10) -> Explanation:
        """Every subject's score for `article`, best first, with the terms that contributed most."""
        pairs: Vector = {}
        counts, rep = self._features(article, pairs)
        judged = self.judge_scored(article.url, rep, counts, self._raw(rep, counts, pairs))
        scale = self.words.scale(counts, pairs)
        names = [s.name for s in self.subjects]
        # Show each term as the subjects' words spell it when the article writes it so too ("BIOS"
        # where it also says "Bio" three times: walk41 #7), else as the article most often does.
        text = (article.text or "")[:MAX_TEXT_CHARS]
        fields = [article.title or "", article.blurb, article.summary, text]
        written = {w for f in fields for w in words(f)}
        surface = dict(self.surface)
        surface.update(
            (t, w) for t, w in surface_forms(fields).items() if self.surface.get(t) not in written
        )

        def shown(term: str) -> str:
            return " ".join(surface.get(p, p) for p in term.split(" "))

        # A moved article's scores are those of a model that had not learnt from it (see
        # `judge_scored`), its terms' parts those of the model as it is: scaled so that all of
        # them add up to the score shown, as an unmoved article's do.
        own = self.own_scores.get(article.url)
        rows = []
        for name, score in judged.scores:
            i = names.index(name)
            parts = self.contributions(rep, i, article.url)
            m = scale[i]
            if own is not None:
                total = sum(c for _, c in parts)
                m = max(0.0, own[i]) / total if total > 0 else 0.0
            terms = tuple(TermScore(shown(t), c * m) for t, c in parts[:top_terms] if c > 0)
            rows.append(SubjectScore(name, score, terms))
        correction = judged.decision if judged.decision in ("moved", "excluded") else None
        return Explanation(
            url=article.url,
            subject=judged.subject,
            score=judged.assignment().score if judged.subject else judged.score,
            # (the fit decides "no subject" for a subject the word model knows; the score then
            # only has to reach SCORE_FLOOR, the same for every subject)
            threshold=judged.bar if judged.fit is None else SCORE_FLOOR,
            correction=correction,
            scores=tuple(rows),
            fit=judged.fit,
            fit_bar=judged.fit_bar,
            decision=judged.decision,
            unlearnt=own is not None,
        )


# --- the functions the app calls ------------------------------------------------------------------


def model_fingerprint(
    subjects: Sequence[Subject], corrections: Mapping[str, str | None] | None = None
) -> str:
    """The fingerprint a model built from these subjects and corrections will have, without
    building it: stored assignments under this fingerprint are current."""
    return fingerprint(subjects, corrections or {})


def judge_all(
    articles: Sequence[Article],
    subjects: Sequence[Subject],
    corrections: Mapping[str, str | None] | None = None,
) -> tuple[SubjectModel, list[Judgement]]:
    """The model learnt from `articles` themselves, and its judgement of each (the scores fitting
    computed are reused, not computed twice)."""
    fitted, scored = fit(subjects, articles, corrections or {})
    model = SubjectModel.of(fitted)
    judged = [
        model.judge_scored(a.url, s.rep, s.counts, s.scores)
        for a, s in zip(articles, scored, strict=True)
    ]
    return model, judged


def assign(
    articles: Sequence[Article],
    subjects: Sequence[Subject],
    *,
    corrections: Mapping[str, str | None] | None = None,
) -> dict[str, Assignment]:
    """Place each article under its best subject (or none), keyed by the article's `url`.

    `corrections` maps an article URL to the subject the editor moved it to, or to None when the
    editor excluded it; corrected articles keep the editor's choice and act as labelled examples
    for the rest. The articles themselves are the corpus the model learns from.
    """
    _, judged = judge_all(articles, subjects, corrections)
    return {j.url: j.assignment() for j in judged}


def explain(
    article: Article,
    subjects: Sequence[Subject],
    *,
    corrections: Mapping[str, str | None] | None = None,
    context: Sequence[Article] = (),
) -> Explanation:
    """Why `article` lands where it does among `subjects`, given the stored articles `context`."""
    corpus = list(context)
    if all(a.url != article.url for a in corpus):
        corpus.append(article)
    return SubjectModel.build(subjects, corpus=corpus, corrections=corrections).explain(article)
