"""Learning the subject scorer from the editor's subjects, corrections and the archive (pure).

`fit(subjects, articles, corrections)` returns `Fitted`, the plain data a `SubjectModel` scores
with. The steps (each chosen by measurement, see benchmarks/subjects.py):

1. Each subject's query vector from its name, description and keywords (`subjectwords.queries`).
2. Pseudo-relevance feedback (Rocchio, `_feedback`): the articles each subject's vector places most
   confidently there, and the articles the editor put there, add their centroid to the vector.
3. Each subject's cosine bar (`_bars`): a share of what its typical articles score.
4. A word model (`wordmodel.WordModel`): multinomial naive Bayes over the articles the vectors
   place clearly and the editor's examples (self-training over the archive), each subject's vote
   starting from the editor's own words for it (`QUERY_PRIOR`). It votes in every score, and it
   says how typical an article's words are of a subject compared with the archive as a whole (its
   *fit*): an article whose words are no likelier under its best subject than under the archive at
   large belongs to none.

The scoring primitives it learns for (cosines with the subject vectors, the editor's examples and
their pull) are in `curator.subjectcosines`; the word model and its parameters in
`curator.wordmodel`; the editor's own words as queries in `curator.subjectwords`. Here: the
feedback and bar parameters, `fit` and its steps, and `fingerprint`.
"""

from __future__ import annotations

import hashlib
import json
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import mul

from curator.models import Article, Subject
from curator.queryexpand import expand
from curator.subjectcosines import (
    KNN_FLOOR,
    KNN_WEIGHT,
    Columns,
    Examples,
    columns_of,
    cosines,
)
from curator.subjectwords import foreign_terms, queries, query_counts, resolve, subject_phrases
from curator.termvectors import Corpus, Vector, corpus_stats, normalise, strongest, tfidf
from curator.textfeatures import (
    article_counts,
    shared_numbers,
    surface_forms,
)
from curator.votecounts import Teaching, archive_of, teaching
from curator.wordmodel import (
    FIT_BAR_MAX,
    FIT_MIN_ARTICLES,
    FIT_SHARE,
    FIT_SILENT,
    QUERY_PRIOR,
    TEACHER_MAX_LENGTH,
    VOTE_ALPHA,
    VOTE_EXAMPLE_WEIGHT,
    VOTE_LABEL_BAR,
    VOTE_MIN_COUNT,
    VOTE_ROUNDS,
    WordModel,
    trained,
    vote_without,
)
from curator.wordpairs import keyword_pairs, shared_pairs
from curator.wordpairs import split as split_pairs

#: Bumped whenever scoring changes, so stored assignments are re-scored (part of the fingerprint).
SCORER_VERSION = "22"

#: Rocchio weights: the editor's query, and the centroid of the articles feedback found plus the
#: editor's examples. The centroid's weight grows with the articles behind it, n / (n +
#: FEEDBACK_PRIOR): four articles are a hint, a hundred are the subject. (Subtracting the corpus
#: mean, or the other subjects' vectors, was measured too: fewer articles placed, none better.)
QUERY_WEIGHT = 1.0
FEEDBACK_WEIGHT = 4.0
FEEDBACK_PRIOR = 30.0
#: Rounds of pseudo-relevance feedback (2 beat 1 and 3 on BBC and Reuters by a few tenths).
FEEDBACK_ROUNDS = 2
#: Which articles teach a subject in feedback: its top FEEDBACK_SHARE, with a cosine of at least
#: FEEDBACK_MIN and at least FEEDBACK_RELATIVE of what the previous round's teachers score now.
#: Without these floors a subject that no stored article is really about (the seeds' "Measuring
#: the customer experience" among 1,250 BBC articles) learned from its best junk and took 385.
FEEDBACK_SHARE = 0.6
FEEDBACK_MIN = 0.08
FEEDBACK_RELATIVE = 0.5
#: A subject vector keeps its strongest terms only (fast scoring, readable explanations).
MAX_SUBJECT_TERMS = 400
#: An article this close to one of the editor's examples retells it, and teaches no subject in
#: feedback (it follows its example by the pull above).
RETELL_FLOOR = 0.4
#: An example the editor gave counts as this many of the articles feedback found (5 before the
#: same-field work; 1, 3 and 5 measured alike within noise, 3 kept the learning curve rising on
#: the comp.* set where 1 and 5 each dipped once)...
EXAMPLE_BOOST = 3.0
#: ...and, apart from feedback, the examples' own mean pulls with EXAMPLE_WEIGHT x n / (n +
#: EXAMPLE_PRIOR) (one example is a hint, ten are a lesson). (Subtracting an article the editor
#: moved away from the subject it had been placed under, as evidence about both subjects, was
#: measured at weights 0.5 and 1: no better on the learning curves, dropped.) This pull is why five
#: corrections that only confirm can cost sci.* and Reuters-8 a point (it moves which articles
#: teach the vote), and also most of what 20 corrections gain on comp.*: see benchmarks/README.md,
#: "Why the first five corrections cost a point", for what was tried.
EXAMPLE_WEIGHT = 1.5
EXAMPLE_PRIOR = 5.0
#: The cosine bars: a subject's bar is max(THRESHOLD, RELATIVE_THRESHOLD x the median score of its
#: teaching articles), UNTAUGHT_BAR for a subject no stored article teaches. They choose the word
#: model's teachers (see VOTE_LABEL_BAR) and decide "no subject" for a subject the word model
#: knows nothing of (the fit decides for the others).
THRESHOLD = 0.03
RELATIVE_THRESHOLD = 0.13
UNTAUGHT_BAR = 0.05
#: An article whose best score is under SCORE_FLOOR goes nowhere (it shares next to no word with
#: any subject). 0.03 before the fit bar: on the sci.* set it left 73 short posts (4%) nowhere,
#: 58% of them with the right best subject.
SCORE_FLOOR = 0.01


# --- what the model depends on --------------------------------------------------------------------


def fingerprint(subjects: Sequence[Subject], corrections: Mapping[str, str | None]) -> str:
    """What a model's assignments depend on besides the archive: the scorer, the subjects and the
    corrections (stored assignments under this fingerprint are current)."""
    blob = json.dumps(
        {
            "version": SCORER_VERSION,
            "subjects": [
                [s.name, s.description, list(s.keywords), list(s.examples)] for s in subjects
            ],
            "corrections": sorted(corrections.items(), key=lambda kv: kv[0]),
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


# --- fitting --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fitted:
    """Everything a `SubjectModel` scores with (plain data: vectors, tables, numbers)."""

    subjects: tuple[Subject, ...]
    #: One vector per subject, in `subjects` order (unit length), and the same side by side.
    vectors: tuple[Mapping[str, float], ...]
    columns: Columns
    #: The articles the editor moved to a subject or listed as its examples.
    examples: Examples
    words: WordModel
    corpus: Corpus
    phrases: Mapping[str, set[tuple[str, ...]]]
    #: URL -> the corrected subject name (None for excluded).
    pins: Mapping[str, str | None]
    #: Per subject, the cosine bar (see `THRESHOLD`).
    bars: tuple[float, ...]
    #: Per subject, the fit an article needs (see `FIT_SHARE`; None: the subject has too few
    #: articles for its words to be known, and its cosine bar decides).
    fit_bars: tuple[float | None, ...]
    fingerprint: str
    #: Stem -> a readable word for it (from the subjects' own words), for explanations.
    surface: Mapping[str, str] = field(default_factory=dict)
    #: URL of each of the editor's examples -> its scores (in `subjects` order) as a model
    #: that had not learnt from it would give them (see `_own_scores`): what ranks it.
    own_scores: Mapping[str, tuple[float, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Scored:
    """One training article as fitting scored it (to reuse, not compute twice)."""

    rep: Vector
    counts: Vector
    #: Per subject: cosine plus the nearest example's pull, times the word model's vote.
    scores: list[float]


@dataclass(frozen=True)
class Training:
    """What fitting knows about the archive it learns from (positions index `articles`)."""

    subjects: tuple[Subject, ...]
    articles: Sequence[Article]
    counts: Sequence[Vector]
    corpus: Corpus
    docs: Sequence[Vector]
    pins: Mapping[str, str | None]
    #: (article position, subject index) of every article the editor put under a subject.
    examples_at: Sequence[tuple[int, int]]
    near: Examples
    #: Per article, each subject's nearest-example pull (empty without examples).
    pulls: Sequence[Sequence[float]]
    #: Articles that may teach a subject in feedback: unpinned, and retelling no example.
    scorable_at: Sequence[int]
    #: Per article, its pairs of words (`wordpairs`), and the counts the word model's vote learns
    #: from: `counts` with them (`counts` itself when there are none).
    pairs: Sequence[Vector] = ()
    voting: Sequence[Vector] = ()


def _pins(
    subjects: Sequence[Subject], corrections: Mapping[str, str | None]
) -> dict[str, str | None]:
    # A move to a subject feeds.yaml no longer has pins nothing: the article is placed as if it
    # had never been moved (`curator.placement.stale_moves` tells the editor), not excluded.
    pins: dict[str, str | None] = {
        url: resolve(name, subjects)
        for url, name in corrections.items()
        if name is None or resolve(name, subjects) is not None
    }
    for s in subjects:
        for url in s.examples:
            pins.setdefault(url, s.name)
    return pins


def _training(
    subjects: tuple[Subject, ...],
    articles: Sequence[Article],
    counts: Sequence[Vector],
    corrections: Mapping[str, str | None],
    pairs: Sequence[Vector] = (),
) -> Training:
    corpus = corpus_stats(counts)
    pins = _pins(subjects, corrections)
    index = {s.name: i for i, s in enumerate(subjects)}
    docs = [tfidf(c, corpus) for c in counts]
    examples_at = [
        (k, index[name]) for k, a in enumerate(articles) if (name := pins.get(a.url)) is not None
    ]
    per_subject: list[list[tuple[str, Vector]]] = [[] for _ in subjects]
    for k, i in examples_at:
        per_subject[i].append((articles[k].url, docs[k]))
    near = Examples.of(per_subject, foreign_terms(subjects))
    n = len(subjects)
    nearest = [near.nearest(d, n) for d in docs] if near.vectors else []
    pulls = [
        [KNN_WEIGHT * (c - KNN_FLOOR) if c > KNN_FLOOR else 0.0 for c, _ in p] for p in nearest
    ]
    scorable_at = [
        k
        for k, a in enumerate(articles)
        if a.url not in pins and not (nearest and max(nearest[k])[0] > RETELL_FLOOR)
    ]
    pairs = pairs or [{} for _ in counts]
    voting = [{**c, **p} if p else c for c, p in zip(counts, pairs, strict=True)]
    return Training(
        subjects,
        articles,
        counts,
        corpus,
        docs,
        pins,
        examples_at,
        near,
        pulls,
        scorable_at,
        pairs,
        voting,
    )


def _centroid(feedback: Sequence[Vector], examples: Sequence[Vector]) -> tuple[Vector, float]:
    """The feedback articles' mean, and how many articles it stands for (the editor's examples,
    when there are any, add their own mean with EXAMPLE_WEIGHT, scaled like feedback)."""
    out: Vector = {}
    n, shares = _shares(len(feedback), len(examples))
    if not n:
        return out, 0.0
    for group, share in zip((feedback, examples), shares, strict=True):
        for d in group:
            for t, x in d.items():
                out[t] = out.get(t, 0.0) + share * x
    return out, n


def _shares(n_feedback: int, n_examples: int) -> tuple[float, tuple[float, float]]:
    """How many articles a centroid of `n_feedback` feedback articles and `n_examples` examples
    stands for, and the share of it each feedback article and each example has."""
    n = n_feedback + EXAMPLE_BOOST * n_examples
    if not n:
        return 0.0, (0.0, 0.0)
    weights = (n_feedback / n, EXAMPLE_BOOST * n_examples / n)
    if EXAMPLE_WEIGHT and n_examples:
        # A separate, stronger pull: w(n_ex) / w(n) relative to the feedback mean's weight.
        w_fb = n / (n + FEEDBACK_PRIOR)
        w_ex = EXAMPLE_WEIGHT * n_examples / (n_examples + EXAMPLE_PRIOR) / FEEDBACK_WEIGHT
        weights = (n_feedback / n, EXAMPLE_BOOST * n_examples / n + w_ex / w_fb)
    return n, (
        weights[0] / n_feedback if n_feedback else 0.0,
        weights[1] / n_examples if n_examples else 0.0,
    )


def _rocchio_weight(n: float) -> float:
    """The weight of a centroid standing for `n` articles against the editor's query."""
    return FEEDBACK_WEIGHT * n / (n + FEEDBACK_PRIOR) if n else 0.0


def _rocchio(queries: Sequence[Vector], centroids: Sequence[tuple[Vector, float]]) -> list[Vector]:
    """Rocchio: each subject's query plus its centroid, weighted by the articles behind it; unit
    length, cut to the strongest terms."""
    out = []
    for q, (c, n) in zip(queries, centroids, strict=True):
        v: Vector = {t: QUERY_WEIGHT * x for t, x in q.items()}
        weight = _rocchio_weight(n)
        for t, x in c.items():
            v[t] = v.get(t, 0.0) + weight * x
        out.append(normalise(strongest(v, MAX_SUBJECT_TERMS)))
    return out


def _members(
    scores: Mapping[int, Sequence[float]], n_subjects: int, floor: float
) -> list[list[tuple[float, int]]]:
    """Per subject, (score, position) of the articles whose best subject it is with at least
    `floor`, best first."""
    members: list[list[tuple[float, int]]] = [[] for _ in range(n_subjects)]
    for k, sc in scores.items():
        if sc:
            best = max(range(n_subjects), key=sc.__getitem__)
            if sc[best] >= floor:
                members[best].append((sc[best], k))
    for m in members:
        m.sort(key=lambda sk: -sk[0])
    return members


def _confident(members: Sequence[tuple[float, int]], before: Sequence[float]) -> list[int]:
    """A subject's confident articles for feedback: its top `FEEDBACK_SHARE`, scoring at least
    `FEEDBACK_MIN` and at least `FEEDBACK_RELATIVE` of what last round's confident articles
    (`before`, scored now) typically score. Precision matters more than recall here: a few
    articles that share the editor's words teach more than many that share everyday words."""
    floor = FEEDBACK_MIN
    if before:
        floor = max(floor, FEEDBACK_RELATIVE * statistics.median(before))
    take = math.ceil(len(members) * FEEDBACK_SHARE)
    return [k for sc, k in members[:take] if sc >= floor]


def _feedback(t: Training, asked: Sequence[Vector]) -> tuple[list[Vector], list[list[int]]]:
    """Pseudo-relevance feedback: the subjects' vectors, and each subject's teaching articles.

    Feedback starts from the editor's words alone (with the examples already in, the few
    articles a query finds first would be chosen for resembling one example), and scores without
    the nearest example's pull: an article near one the editor moved follows it, but does not
    teach the subject what that one story is about."""
    n = len(t.subjects)
    per_subject: list[list[Vector]] = [[] for _ in t.subjects]
    for k, i in t.examples_at:
        per_subject[i].append(t.docs[k])
    vectors = _rocchio(asked, [({}, 0.0)] * n)
    confident: list[list[int]] = [[] for _ in t.subjects]
    for _ in range(FEEDBACK_ROUNDS if n else 0):
        columns = columns_of(vectors)
        current = {k: cosines(t.docs[k], columns, n) for k in t.scorable_at}
        members = _members(current, n, THRESHOLD)
        confident = [
            _confident(m, [current[k][i] for k in confident[i]]) for i, m in enumerate(members)
        ]
        centroids = [
            _centroid([t.docs[k] for k in c], ex)
            for c, ex in zip(confident, per_subject, strict=True)
        ]
        vectors = _rocchio(asked, centroids)
    return vectors, confident


def _bars(
    t: Training,
    confident: Sequence[Sequence[int]],
    scores: Sequence[Sequence[float]],
    own: Sequence[float],
) -> list[float]:
    """Each subject's cosine bar: a share of the score its confident articles and the editor's
    examples (`own`: each example's score for its subject without its own pull) reach, never
    below THRESHOLD."""
    out = []
    for i in range(len(t.subjects)):
        typical = [scores[k][i] for k in confident[i]]
        typical += [x for x, (_, j) in zip(own, t.examples_at, strict=True) if j == i]
        bar = RELATIVE_THRESHOLD * statistics.median(typical) if typical else UNTAUGHT_BAR
        out.append(max(THRESHOLD, bar))
    return out


def _prior_counts(t: Training) -> list[Vector]:
    """Each subject's own words as the counts of QUERY_PRIOR articles of the archive's average
    length (see `QUERY_PRIOR`)."""
    if not t.counts:
        return []
    length = sum(sum(c.values()) for c in t.counts) / len(t.counts)
    out = []
    for s in t.subjects:
        q = query_counts(s)
        scale = QUERY_PRIOR * length / (sum(q.values()) or 1.0)
        out.append({term: scale * x for term, x in q.items()})
    return out


def _word_model(
    t: Training,
    confident: Sequence[Sequence[int]],
    base: Sequence[Sequence[float]],
    own: Sequence[float],
) -> tuple[
    WordModel,
    list[list[float]],
    list[float],
    list[tuple[int, int, float]],
    tuple[Teaching, dict[str, float]] | None,
]:
    """Self-training: the articles the scores place clearly (at least VOTE_LABEL_BAR x their
    subject's bar) and the editor's examples teach a word model, whose vote makes the next
    round's scores. Returns the model, the final scores, the bars, the labels it learnt from
    (the examples' first, in `examples_at` order) and what the last round counted for its vote
    (`trained`)."""
    n = len(t.subjects)
    words, final = WordModel(prior=(-math.inf,) * n), [list(sc) for sc in base]
    bars = _bars(t, confident, final, own)
    labels: list[tuple[int, int, float]] = []
    counted: tuple[Teaching, dict[str, float]] | None = None
    for _ in range(int(VOTE_ROUNDS) if n else 0):
        labels = [(k, i, VOTE_EXAMPLE_WEIGHT) for k, i in t.examples_at]
        for k, (a, sc) in enumerate(zip(t.articles, final, strict=True)):
            if a.url not in t.pins and sc:
                i = max(range(n), key=sc.__getitem__)
                if sc[i] >= VOTE_LABEL_BAR * bars[i]:
                    labels.append((k, i, 1.0))
        words, taught, archive = trained(t.counts, labels, n, _prior_counts(t), t.voting, t.pairs)
        counted = (taught, archive)
        # (the counts and the pairs apart, as placing an article reads them: the same sums)
        scales = [words.scale(c, p) for c, p in zip(t.counts, t.pairs, strict=True)]
        final = [
            [x * m for x, m in zip(sc, ms, strict=True)]
            for sc, ms in zip(base, scales, strict=True)
        ]
        scaled_own = [x * scales[k][i] for x, (k, i) in zip(own, t.examples_at, strict=True)]
        bars = _bars(t, confident, final, scaled_own)
    return words, final, bars, labels, counted


def _own_scores(
    t: Training,
    asked: Sequence[Vector],
    vectors: Sequence[Mapping[str, float]],
    confident: Sequence[Sequence[int]],
    plain: Sequence[Sequence[float]],
    words: WordModel,
    labels: Sequence[tuple[int, int, float]],
    counted: tuple[Teaching, dict[str, float]] | None = None,
) -> dict[str, tuple[float, ...]]:
    """Each example's scores as a model that had not learnt from it would give them (`counted`:
    what `trained` counted for the vote from `labels`, counted again when not given).

    An article the editor moved is in its subject's vector (with the weight of several feedback
    articles), teaches the word model (whose vote for it then nears 1: its rarest words are
    its subject's alone) and is its own nearest example (a cosine of 1): scored by the model as
    it is, it outscored every article of its subject (4.0-5.0 where they score 0.5-1.2), and led
    every issue's section. Here each of the three leaves it out: its subject's vector is made
    again without it (over the vector's own terms), its label is taken out of the word model's
    counts (the vote's other terms and the teaching articles feedback found stay as they are),
    and its nearest example is another one. Refitting without it would cost a fit per example.
    """
    n = len(t.subjects)
    if not t.examples_at or not n:
        return {}
    # Per subject: the feedback articles' and the examples' summed vectors, and how many.
    found: list[Vector] = [{} for _ in range(n)]
    for i, ks in enumerate(confident):
        for k in ks:
            for term, x in t.docs[k].items():
                found[i][term] = found[i].get(term, 0.0) + x
    given: list[Vector] = [{} for _ in range(n)]
    n_given = [0] * n
    for k, i in t.examples_at:
        n_given[i] += 1
        for term, x in t.docs[k].items():
            given[i][term] = given[i].get(term, 0.0) + x
    # The word model's counts, as `trained` had them for its vote.
    if counted is None or not counted[1]:
        taught = teaching(
            t.counts, t.pairs or [{} for _ in t.counts], labels, n, TEACHER_MAX_LENGTH
        )
        counted = (taught, archive_of(t.voting or t.counts))
    totals, weights, used = counted[0].voted, counted[0].weights, counted[0].voted_used
    archive = counted[1]
    vocabulary_size = sum(1 for x in archive.values() if x >= VOTE_MIN_COUNT)
    prior_counts = _prior_counts(t)
    sizes = [
        sum(
            tot.get(term, 0.0) + (prior_counts[i].get(term, 0.0) if prior_counts else 0.0)
            for term, x in archive.items()
            if x >= VOTE_MIN_COUNT
        )
        + VOTE_ALPHA * vocabulary_size
        for i, tot in enumerate(totals)
    ]
    out = {}
    # Per subject, each of its vector's terms' weight without an example, but for the example's
    # own part: QUERY_WEIGHT x query + feedback part (the same for each of its examples), and that
    # plus the examples' part, which is each example's for the terms it does not have.
    parts: dict[int, tuple[float, dict[str, float], dict[str, float]]] = {}
    for i in {i for _, i in t.examples_at}:
        size, (fb_share, ex_share) = _shares(len(confident[i]), n_given[i] - 1)
        weight = _rocchio_weight(size)
        from_feedback, from_examples = weight * fb_share, weight * ex_share
        base = {
            term: QUERY_WEIGHT * asked[i].get(term, 0.0) + from_feedback * found[i].get(term, 0.0)
            for term in vectors[i]
        }
        whole = {term: x + from_examples * given[i].get(term, 0.0) for term, x in base.items()}
        parts[i] = (from_examples, base, whole)
    for e, (k, i) in enumerate(t.examples_at):
        doc = t.docs[k]
        # Its subject's vector without it, over the vector's own terms.
        from_examples, base, whole = parts[i]
        without = dict(whole)
        for term in doc.keys() & whole.keys():
            without[term] = base[term] + from_examples * (given[i].get(term, 0.0) - doc[term])
        scores = list(plain[k])
        unit = normalise(without)
        scores[i] = sum(map(mul, unit.values(), map(doc.get, unit, repeat(0.0))))
        pulls = t.near.pulls(doc, n, t.near.own(t.articles[k].url))
        # The word model's vote without its label.
        vote = vote_without(words, t.voting[k], i, used[e], sizes[i], weights, archive)
        scale = vote.scale(t.counts[k], t.pairs[k])
        out[t.articles[k].url] = tuple(
            (x + p) * m for x, p, m in zip(scores, pulls, scale, strict=True)
        )
    return out


def _fit_bars(
    words: WordModel, counts: Sequence[Vector], scores: Sequence[Sequence[float]]
) -> list[float | None]:
    """Each subject's fit bar: -FIT_SHARE x the median fit of the articles whose best subject it
    is (None when fewer than FIT_MIN_ARTICLES are), so that a subject whose articles are all
    alike (earnings reports) asks less of a report told as a story than one whose articles vary;
    never stricter than FIT_BAR_MAX."""
    n = len(words.prior)
    fits: list[list[float]] = [[] for _ in range(n)]
    for c, sc in zip(counts, scores, strict=True):
        if sc:
            i = max(range(n), key=sc.__getitem__)
            fit = words.fit(c, i)
            if fit is not None and sc[i] > 0:
                fits[i].append(fit)
    out: list[float | None] = []
    for found in fits:
        if len(found) < FIT_MIN_ARTICLES:
            out.append(None)  # too few articles to know the subject's words: its cosine bar decides
        elif statistics.median([abs(f) for f in found]) < FIT_SILENT:
            out.append(None)  # its words are the archive's: the fit cannot tell (FIT_SILENT)
        else:
            out.append(min(FIT_BAR_MAX, -FIT_SHARE * max(0.0, statistics.median(found))))
    return out


def fit(
    subjects: Sequence[Subject],
    articles: Sequence[Article],
    corrections: Mapping[str, str | None],
    counts: Sequence[Vector] | None = None,
) -> tuple[Fitted, list[Scored]]:
    """Learn the scorer from `subjects`, the editor's `corrections` and the `articles` of the
    archive; also returns how it scored each of `articles` (to reuse)."""
    subjects = tuple(subjects)
    phrases = subject_phrases(subjects)
    if counts is None:
        pairs: list[Vector] = [{} for _ in articles]
        counts = [article_counts(a, phrases, p) for a, p in zip(articles, pairs, strict=True)]
    else:  # (stored counts: the pairs among the terms)
        split = [split_pairs(c) for c in counts]
        counts, pairs = [c for c, _ in split], [p for _, p in split]
    # (a number one article alone uses is no term: see NUMBER_MIN_DOCS; nor a pair of words
    # fewer than PAIR_MIN_DOCS use, or one the editor's two-word keywords count already)
    counts = shared_numbers(counts, set().union(*map(query_counts, subjects)))
    t = _training(
        subjects, articles, counts, corrections, shared_pairs(pairs, keyword_pairs(phrases))
    )
    n = len(subjects)
    asked = expand(queries(subjects, t.corpus), t.counts)
    vectors, confident = _feedback(t, asked)
    columns = columns_of(vectors)
    plain = [cosines(d, columns, n) for d in t.docs]
    own = [plain[k][i] for k, i in t.examples_at]
    base = plain
    if t.pulls:
        base = [
            [x + p for x, p in zip(sc, ps, strict=True)]
            for sc, ps in zip(plain, t.pulls, strict=True)
        ]
    words, final, bars, labels, counted = _word_model(t, confident, base, own)
    fit_bars = _fit_bars(words, t.counts, final)
    fitted = Fitted(
        subjects=subjects,
        vectors=tuple(vectors),
        columns=columns,
        examples=t.near,
        words=words,
        corpus=t.corpus,
        phrases=phrases,
        pins=t.pins,
        bars=tuple(bars),
        fit_bars=tuple(fit_bars),
        fingerprint=fingerprint(subjects, corrections),
        surface=surface_forms([" ".join([s.name, s.description, *s.keywords]) for s in subjects]),
        own_scores=_own_scores(t, asked, vectors, confident, plain, words, labels, counted),
    )
    scored = [Scored(d, c, sc) for d, c, sc in zip(t.docs, t.counts, final, strict=True)]
    return fitted, scored
