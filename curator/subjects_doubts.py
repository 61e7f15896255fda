"""Subjects: where the model is unsure (pure).

`uncertain` lists the articles the model is least sure of (between two subjects, or near the
no-subject bar: where a correction teaches most); `overlaps` says which subjects the model
confuses and which words of the archive would tell them apart (`curator subjects overlap`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from curator.config import MAX_KEYWORDS
from curator.models import Article, Subject
from curator.ownwords import on_field
from curator.subjects_explain import Judgement
from curator.subjects_model import SubjectModel
from curator.subjects_notes import KeywordsOnly, LikeExcluded, OneWord
from curator.subjectwords import queries
from curator.suggest import mixed_word
from curator.termvectors import Vector, dot
from curator.textfeatures import COMMON_WORDS, MAX_TEXT_CHARS, readable, surface_forms, terms, words
from curator.wordmodel import VOTE_LABEL_BAR


@dataclass(frozen=True)
class Uncertain:
    """An article the model is unsure of: between two subjects, or near the no-subject bar."""

    url: str
    title: str
    #: Where it goes now (None: no subject), and the other subject it nearly went to.
    subject: str | None
    runner_up: str | None
    #: "between" (two subjects score alike), "bar" (just over or under the no-subject bar) or
    #: "one word" (placed mostly on one word, far under its subject's usual score: `one_word`).
    #: "weak fit": placed by curator under its subject's own bar (`weak_bar`), as `explain`,
    #: `themes` and the draft say (walk194 #5).
    reason: Literal["between", "bar", "one word", "like excluded", "keywords only", "weak fit"]
    score: float
    margin: float
    fit: float | None
    #: 0 (a coin toss) to 1 (as sure as the model gets), by rank among the articles looked at.
    sureness: float
    #: The same story at other addresses (`curator.stories`), listed once with this one: each
    #: as (url, the subject it is under or None, why it is the same story).
    same_story: tuple[tuple[str, str | None, str], ...] = ()
    #: The runner-up's score.
    second: float = 0.0
    #: The model is unsure of it in fact, not only less sure than the others: its two best
    #: subjects score within `NEAR_MARGIN` of each other ("between"), or it is within
    #: `near_bar` of the no-subject bar ("bar"); `reason` says which.
    unsure: bool = True
    #: True when the store has it under another subject (`stored_under`) than `subject`, where
    #: the model would now place it (see `Explanation.stored_differs`).
    stored_under: str | None = None
    stored_differs: bool = False
    #: True when an earlier run of `subjects uncertain` listed it under the same subject and the
    #: editor left it there: listed after the ones not listed before (walk129 #5).
    listed_before: bool = False
    #: Why it fits on one word, when `reason` is "one word" (walk153 #1).
    one_word: OneWord | None = None
    #: The excluded article it is like, when `reason` is "like excluded" (walk168 #2).
    like_excluded: LikeExcluded | None = None
    #: Why it fits only through its keywords, when `reason` is "keywords only" (walk182 #1).
    keywords_only: KeywordsOnly | None = None
    #: Its subject's own bar, when it scores under it: a weak fit (walk194 #5).
    weak_bar: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "title": self.title,
            "subject": self.subject,
            "listed_before": self.listed_before,
            "one_word": None if self.one_word is None else self.one_word.to_dict(),
            "like_excluded": None if self.like_excluded is None else self.like_excluded.to_dict(),
            "keywords_only": None if self.keywords_only is None else self.keywords_only.to_dict(),
            "weak_fit_bar": None if self.weak_bar is None else round(self.weak_bar, 4),
            "stored_subject": self.stored_under if self.stored_differs else self.subject,
            "runner_up": self.runner_up,
            "reason": self.reason,
            "score": round(self.score, 4),
            "margin": round(self.margin, 4),
            "fit": None if self.fit is None else round(self.fit, 4),
            "sureness": round(self.sureness, 4),
            "unsure": self.unsure,
            "same_story": [
                {"url": url, "subject": subject, "why": why}
                for url, subject, why in self.same_story
            ],
        }


@dataclass(frozen=True)
class Overlap:
    """Two subjects the model confuses: the articles between them and the words that part them."""

    first: str
    second: str
    #: Articles whose two best subjects are these two, scoring within `NEAR_MARGIN` of each other:
    #: (URL, title, the subject it is under now).
    between: tuple[tuple[str, str, str], ...]
    #: Of the articles placed under either subject, the share that sit between them.
    share: float
    #: How alike the two subjects' own words (name, description, keywords) are (cosine).
    words_alike: float
    #: Words of the archive that tell each subject from the other (likelier under it), strongest
    #: first: the `OVERLAP_WORDS` strongest not yet written for it, and those of the
    #: `OVERLAP_WORDS` strongest overall that are.
    first_words: tuple[str, ...]
    second_words: tuple[str, ...]
    #: True when articles between them will be split by chance (see `CHANCE_SHARE`).
    by_chance: bool
    #: Those of the two that have no keywords at all (only a name and a description).
    without_keywords: tuple[str, ...] = ()
    #: Of `first_words` / `second_words`, those not yet in the subject's name, description or
    #: keywords: the ones worth adding (the others the editor has written already).
    first_new: tuple[str, ...] = ()
    second_new: tuple[str, ...] = ()
    #: Those of the two whose new words were cut to the room `MAX_KEYWORDS` leaves them:
    #: (name, how many keywords it has, how many new words are offered to it in all the pairs).
    held_back: tuple[tuple[str, int, int], ...] = ()
    #: The keywords both subjects have (as the first writes them), and the one of the two with
    #: fewer articles under it (None: as many), which needs words of its own (walk153 #5).
    shared_keywords: tuple[str, ...] = ()
    fewer: str | None = None
    #: Words that would be offered to the first / second but that only its off-field articles
    #: use (`ownwords.on_field`): not offered (walk196: "blair", "labour" for "Customer surveys").
    first_drift: tuple[str, ...] = ()
    second_drift: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "subjects": [self.first, self.second],
            "shared_keywords": list(self.shared_keywords),
            "between": [{"url": u, "title": t, "subject": s} for u, t, s in self.between],
            "share_between": round(self.share, 4),
            "words_alike": round(self.words_alike, 4),
            "words": {self.first: list(self.first_words), self.second: list(self.second_words)},
            "split_by_chance": self.by_chance,
            "without_keywords": list(self.without_keywords),
            "new_words": {self.first: list(self.first_new), self.second: list(self.second_new)},
            "held_back": {
                name: {"keywords": has, "offered": offered} for name, has, offered in self.held_back
            },
            "off_field_words": {
                self.first: list(self.first_drift),
                self.second: list(self.second_drift),
            },
        }


#: Two subjects' best scores within this share of the best: the article sits between them. (On
#: the developer sets, half the misplaced articles have margins under 0.79-0.81, three quarters of
#: the rightly placed ones over 0.82-0.89; 0.5 before the vote decided more often, see
#: `curator.wordmodel.VOTE_WEIGHT`, when those were 0.52-0.63 and 0.63-0.78.)
NEAR_MARGIN = 0.8
#: A pair is split by chance when at least CHANCE_SHARE of the articles placed under either sit
#: between them (and at least CHANCE_MIN of them: a handful says nothing), or when the subjects'
#: own words are at least WORDS_ALIKE alike. On the developer sets the pairs over 0.05 (PC / Mac
#: hardware 0.13, Windows / X 0.11, Windows / PC hardware 0.10, currencies / interest rates 0.13,
#: crypto / electronics 0.08, graphics / X 0.07, graphics / Windows 0.06, electronics / space
#: 0.06) are those whose articles were misplaced between them 2-16% of the time; BBC's pairs
#: (0.05 at most: business / politics, misplaced 3%) 0-3%.
CHANCE_SHARE = 0.05
CHANCE_MIN = 5
WORDS_ALIKE = 0.35
#: Words shown per subject of a pair: as many not yet written for it (and those of as many
#: strongest that are).
OVERLAP_WORDS = 8
#: A word tells subject i from j when it is at least this many times likelier under i.
TELLING_RATIO = 2.0
#: A telling word is offered only when at least this many of the articles under the subject use
#: it: a word of one or two posts (a poster's name or address in a signature, one thread's
#: "msg" or "fmgs") parts the subjects in the archive but says nothing of the next articles.
#: Measured with `signature_words` on the sci.* and comp.* archives (benchmarks/overlap_words.py):
#: the share of the held-out posts using an offered word that are under its subject went from
#: 0.40 to 0.48 (80 sci.* posts), 0.61 to 0.66 (218), 0.31 to 0.34 (159 comp.*); never lower.
TELLING_USERS = 3
#: Articles that end in the same this many words end in a signature (or a feed's footer): the
#: words they end in alike are not counted as theirs (a poster's name and address, a motto).
SIGNATURE_WORDS = 6


#: A reply's or a forward's prefix to the title it answers: "Re: ", "Re^2: ", "RE[3]: ", "Fwd: ".
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|sv)(?:\^\d+|\[\d+\]|\(\d+\))?\s*:\s*)+", re.I)


def thread_of(title: str | None) -> str:
    """The thread an article belongs to, by its title: the title without "Re:"-like prefixes,
    in lower case, its spaces collapsed (walk129 #4: "Price drop on C650..." and its replies)."""
    return " ".join(_REPLY_PREFIX.sub("", title or "").casefold().split())


#: An e-mail or web address in an article's text.
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)


def signature_words(articles: Sequence[Article]) -> set[str]:
    """The words most of the articles using them use only in an ending they share with other
    articles (a poster's signature: "Gordon Banks N3JXP | Skepticism is...", a site's footer;
    quoted in a reply or not) or in e-mail and web addresses ("geb@cadre.dsl.pitt.edu": "edu",
    "cadre")."""
    users: Counter[str] = Counter()
    signing: Counter[str] = Counter()
    stems: dict[str, list[str]] = {}
    for a in articles:
        text = (a.text or a.summary or "")[:MAX_TEXT_CHARS]
        addresses = _ADDRESS.findall(text)
        text = _ADDRESS.sub(" ", text)
        stems[a.url] = terms(text)
        own = set(stems[a.url]) | set(terms(a.title or ""))
        only_addresses = set(terms(" ".join(addresses))) - own
        users.update(own | only_addresses)
        signing.update(only_addresses)
    alike: dict[tuple[str, ...], list[str]] = {}
    for url, found in stems.items():
        if len(found) > SIGNATURE_WORDS:
            alike.setdefault(tuple(found[-SIGNATURE_WORDS:]), []).append(url)
    for urls in alike.values():
        if len(urls) < 2:
            continue
        ends = [stems[u] for u in urls]
        shared = SIGNATURE_WORDS  # the longest ending they all share
        while all(len(e) > shared and e[-shared - 1] == ends[0][-shared - 1] for e in ends):
            shared += 1
        for u in urls:
            signing.update(set(stems[u][-shared:]))
    return {w for w, n in signing.items() if 2 * n >= users[w]}


def _ranks(values: Sequence[float]) -> list[float]:
    """Each value's rank among `values`, 0 (smallest) to 1 (largest), ties sharing the lower."""
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    last, rank = None, 0.0
    for n, k in enumerate(order):
        if values[k] != last:
            last, rank = values[k], n / max(1, len(values) - 1)
        out[k] = rank
    return out


def _from_bar(j: Judgement) -> float:
    """How far an article is from the no-subject bar: its fit's distance from the fit bar, or,
    where the subject's cosine bar decides, the log of its score over that bar."""
    if j.fit is not None:
        return abs(j.fit - j.fit_bar)
    return abs(math.log(max(j.score, 1e-9) / j.bar)) if j.bar > 0 else math.inf


#: An article whose fit is within NEAR_FIT of its subject's fit bar (an average log likelihood
#: ratio per term: its words about a tenth likelier, or less likely, than the bar asks) is near the
#: no-subject bar; where the cosine bar decides, one whose best score is within VOTE_LABEL_BAR
#: times that bar, either side (the model takes an article over VOTE_LABEL_BAR x its bar as placed
#: clearly enough to learn from). On walk20's store, the articles placed clearly that `uncertain
#: --limit 60` listed as near the bar were 4.8-7.7 times their cosine bar, or 0.13-0.99 over
#: their fit bar.
NEAR_FIT = 0.1


def near_bar(j: Judgement) -> bool:
    """The article is close to the no-subject bar, either side (`NEAR_FIT`)."""
    if j.fit is not None:
        return abs(j.fit - j.fit_bar) < NEAR_FIT
    return j.bar > 0 and j.bar / VOTE_LABEL_BAR < j.score < j.bar * VOTE_LABEL_BAR


def uncertain(
    model: SubjectModel, articles: Sequence[Article], *, limit: int = 20
) -> list[Uncertain]:
    """The `limit` articles the model is least sure of, least sure first: those whose two best
    subjects score alike, and those whose fit is close to the no-subject bar (either side).

    Each article's two distances (the margin between its two best scores; how far its fit is
    from `FIT_BAR`) are ranked among `articles`, and its sureness is the smaller rank, so neither
    kind crowds out the other. Articles the editor has corrected are left out. Each says whether
    the model is unsure of it in fact (`Uncertain.unsure`), and why: the least sure of a store of
    clearly placed articles may be placed clearly all the same."""
    judged = [
        (a, j)
        for a in articles
        if a.url not in model.pins and (j := model.judge(a)).scores and j.score > 0
    ]
    if not judged:
        return []
    margins = _ranks([j.margin for _, j in judged])
    distances = _ranks([_from_bar(j) for _, j in judged])
    out = []
    for (a, j), m, d in zip(judged, margins, distances, strict=True):
        # (an article under no subject sits between none: only the bar decides it)
        between = j.subject is not None and len(j.scores) > 1 and j.margin < NEAR_MARGIN
        near = near_bar(j)
        reason: Literal["between", "bar"] = "between" if m <= d else "bar"
        if between != near:
            reason = "between" if between else "bar"
        runner = j.scores[1][0] if len(j.scores) > 1 else None
        second = j.scores[1][1] if len(j.scores) > 1 else 0.0
        if j.subject is None:
            runner = j.scores[0][0]
        elif runner == j.subject:
            runner = None
        out.append(
            Uncertain(
                a.url,
                a.title,
                j.subject,
                runner,
                reason,
                j.score,
                j.margin,
                j.fit,
                min(m, d),
                second=second,
                unsure=between or near,
            )
        )
    out.sort(key=lambda u: (u.sureness, u.margin, u.url))
    return out[:limit]


def _telling_words(model: SubjectModel, i: int, j: int) -> list[str]:
    """Terms likelier under subject `i` than under `j` in the word model (at least TELLING_RATIO
    times), weighted by how often the archive uses them (a frequent word that parts them is worth
    more than a rare one), strongest first."""
    table = model.words.voters
    if not table or model.words.prior[i] == -math.inf or model.words.prior[j] == -math.inf:
        # No word model for one of them: the subjects' own vectors part them instead.
        vi, vj = model.vectors[i], model.vectors[j]
        diff = {t: x - vj.get(t, 0.0) for t, x in vi.items() if " " not in t}
        return [t for t in sorted(diff, key=lambda t: (-diff[t], t)) if diff[t] > 0]
    # Each word's part of how far subject i's word distribution is from j's (Kullback-Leibler):
    # frequent under i and much likelier under i than under j.
    least = math.log(TELLING_RATIO)
    weight = {
        t: (row[i] - row[j]) * math.exp(row[i])
        for t, row in table.items()
        if row[i] - row[j] >= least and " " not in t
    }
    return sorted(weight, key=lambda t: (-weight[t], t))


def _separating(model: SubjectModel, i: int) -> dict[str, float]:
    """The words likelier under subject `i` than under every other subject (at least
    TELLING_RATIO times, as `_telling_words` asks of a pair), each with its weight as there.
    Only such a word is offered as a keyword (walk93 #2): one that two rivals would share
    ("video" for Windows and PC hardware, "display" for Mac hardware and X) parts neither from
    the other, and a word every subject's articles use alike ("need", "want", "looking",
    "file") parts none; each word is likelier than that under one subject at most."""
    others = [k for k in range(len(model.subjects)) if k != i]
    table = model.words.voters
    if not table or any(model.words.prior[k] == -math.inf for k in (i, *others)):
        vectors = model.vectors
        ahead = {
            t: x - max((vectors[k].get(t, 0.0) for k in others), default=0.0)
            for t, x in vectors[i].items()
            if " " not in t
        }
        return {t: g for t, g in ahead.items() if g > 0}
    least = math.log(TELLING_RATIO)
    out: dict[str, float] = {}
    for t, row in table.items():
        gap = row[i] - max((row[k] for k in others), default=-math.inf)
        if gap >= least and " " not in t:
            out[t] = gap * math.exp(row[i])
    return out


def _within_room(
    model: SubjectModel, new_words: Sequence[Sequence[set[str]]]
) -> tuple[list[set[str]], list[tuple[int, int] | None]]:
    """Of the new words offered to each subject over all its pairs (`new_words[i]`: one set per
    pair), those the keyword cap leaves room for, the ones that separate it best first; and per
    subject (keywords it has, words kept) when some were held back, else None. (walk93 #1:
    adding every offered word gave a subject 38 keywords, and the configuration then stopped
    every command.)"""
    kept: list[set[str]] = []
    held: list[tuple[int, int] | None] = []
    for i, sets in enumerate(new_words):
        offered = set().union(*sets) if sets else set()
        has = len(model.subjects[i].keywords)
        room = max(0, MAX_KEYWORDS - has)
        if len(offered) <= room:
            kept.append(offered)
            held.append(None)
            continue
        weight = _separating(model, i)
        best = sorted(offered, key=lambda t: (-weight.get(t, 0.0), t))[:room]
        kept.append(set(best))
        held.append((has, len(best)))
    return kept, held


def _telling(ranked: Sequence[str], written: set[str], n: int) -> tuple[list[str], list[str]]:
    """The telling words to show, strongest first, and those of them worth adding: of `ranked`
    (strongest first), the `n` strongest not in `written`, and those of the `n` strongest overall
    that are. (What the editor wrote leads the word model's ranking, as it counts as QUERY_PRIOR
    articles' words: the first `n` alone were all written already, pair after pair.)"""
    new = [t for t in ranked if t not in written][:n]
    fresh = set(new)
    return [t for k, t in enumerate(ranked) if t in fresh or (k < n and t in written)], new


def _as_written(
    model: SubjectModel, articles: Sequence[Article], terms: set[str]
) -> Callable[[str], str]:
    """How to show each of `terms`: as the subjects' own words spell it, else as the articles
    (title, feed summary and text, read as far as the model reads them) most often write it. The
    shortest word seen for a stem is no word to show: "bus" and "BU" (Boston University) both
    make "bu". The blurb is left out: it repeats the summary's or the text's words."""
    written = surface_forms(
        (
            part[:MAX_TEXT_CHARS]
            for a in articles
            for part in (a.title or "", a.summary or "", a.text or "")
        ),
        only={p for t in terms for p in t.split(" ")},
    )

    own = editor_forms(model.subjects)

    def shown(term: str) -> str:
        return " ".join(
            own.get(p) or _unversioned(model.surface.get(p) or written.get(p) or readable(p))
            for p in term.split(" ")
        )

    return shown


#: What is left of a word between spaces once the punctuation around it is taken off.
_AROUND = "\"'()[]{},;:.!?"


def editor_forms(subjects: Sequence[Subject]) -> dict[str, str]:
    """Per stem, the dotted word of the subjects' names, descriptions and keywords that makes
    it, where the word is no token as it is written: "3.1" (read as "3v1") and "win.ini" (read
    as "win" and "ini"), not the tokens that `subjects overlap` showed (walk192 #5)."""
    found: dict[str, str] = {}
    for s in subjects:
        for text in (s.name, s.description or "", *s.keywords):
            for chunk in text.split():
                chunk = chunk.strip(_AROUND)
                # (a word of dotted parts only: "IBM-compatible" is shown as "ibm" and
                # "compatible", words the posts write too)
                if "." in chunk and list(words(chunk)) != [chunk.casefold()]:
                    for stem in terms(chunk):
                        found.setdefault(stem, chunk)
    return found


def _unversioned(word: str) -> str:
    """ "3.1" for the token "3v1" that reading "3.1" makes (`textfeatures.NUMBER_DIGITS`)."""
    return word.replace("v", ".") if _VERSIONED.fullmatch(word) else word


_VERSIONED = re.compile(r"\d+(?:v\d+)+")


def shared_keywords(subjects: Sequence[Subject]) -> dict[tuple[int, int], tuple[str, ...]]:
    """The keywords two subjects both have (the same stems: "survey" and "surveys"), by the pair
    of their indexes (first, second in `subjects` order), as the first writes them."""
    found: dict[tuple[int, int], tuple[str, ...]] = {}
    stems = [[(k, tuple(terms(k))) for k in s.keywords] for s in subjects]
    for p, q in combinations(range(len(subjects)), 2):
        theirs = {t for _, t in stems[q] if t}
        both = tuple(dict.fromkeys(k for k, t in stems[p] if t and t in theirs))
        if both:
            found[p, q] = both
    return found


def shared_keywords_text(words: Sequence[str], first: str, second: str, own: str | None) -> str:
    """What the editor is told of keywords two subjects share (walk153 #5: a new subject given
    two of a neighbour's keywords got no article, and nothing said why); `own` is the one that
    needs words of its own (None: either)."""
    listed = [f"`{w}`" for w in words]
    named = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + f" and {listed[-1]}"
    are = "is a keyword" if len(listed) == 1 else "are keywords"
    which = own or "each"
    return (
        f"{named} {are} of both {first} and {second}: articles using"
        f" {'it' if len(listed) == 1 else 'them'} go to whichever fits better on their other"
        f" words; give {which} words of its own"
    )


def overlaps(
    model: SubjectModel,
    articles: Sequence[Article],
    *,
    examples: int = 5,
    under: Mapping[str, str | None] | None = None,
) -> list[Overlap]:
    """Every pair of subjects the model confuses, most confused first.

    A pair is confused when articles' two best subjects are that pair, scoring within
    `NEAR_MARGIN` of each other, or when the subjects' own words are alike. Each pair lists up to
    `examples` such articles and, per subject, the words that tell it from the other. `under`
    gives the subject an article is stored under (by URL; None: no subject), as `subjects list`
    lists it: an issue published it there, or the editor moved it (walk187 #5: "now under" the
    subject it scored best, while the list, `explain` and the issue had it under another); an
    article not in it is under the one the model gives it."""
    names = [s.name for s in model.subjects]
    index = {name: i for i, name in enumerate(names)}
    between: dict[tuple[int, int], list[tuple[float, Article, str]]] = {}
    placed = [0] * len(names)
    # How many of each subject's articles use each word (see TELLING_USERS).
    users: list[Counter[str]] = [Counter() for _ in names]
    # Each subject's articles, as (their thread, their words): see `one_thread`.
    threads: list[list[tuple[str, Vector]]] = [[] for _ in names]
    # Each subject's articles, as (their words, their counts, moved there by the editor).
    under_it: list[list[tuple[set[str], Vector, bool]]] = [[] for _ in names]
    signed = signature_words(articles)
    for a in articles:
        pairs: Vector = {}
        counts, rep = model._features(a, pairs)
        j = model._judge(a.url, rep, counts, pairs)
        now = j.subject
        if under is not None and a.url in under:
            stored = under[a.url]
            now = stored if stored is None or stored in index else now
        if now is None:
            continue  # an article under no subject confuses none
        placed[index[now]] += 1
        own = counts.keys() - signed
        users[index[now]].update(own)
        # (the editor's moves are on the field by the editor's word)
        under_it[index[now]].append((own, counts, a.url in model.pins))
        threads[index[now]].append((thread_of(a.title), counts))
        if a.url in model.pins:
            continue  # the editor has decided where it goes: it is not between them any more
        if j.subject is not None and len(j.scores) > 1 and j.margin < NEAR_MARGIN:
            pair = tuple(sorted((index[j.scores[0][0]], index[j.scores[1][0]])))
            between.setdefault(pair, []).append((j.margin, a, now))  # type: ignore[arg-type]
    asked = queries(model.subjects, model.corpus)
    # How many of each subject's articles on its field use each word: a word only its off-field
    # picks share is none to offer (`ownwords.on_field`; walk196: "blair", "labour" for
    # "Customer surveys", from the politics stories it took on other words than its own).
    on_users: list[Counter[str]] = [Counter() for _ in names]
    for i, rows in enumerate(under_it):
        fields = on_field(model.subjects[i], [c for _, c, _ in rows])
        for (own, _, moved), on in zip(rows, fields, strict=True):
            if on or moved:
                on_users[i].update(own)
    # The stems of each subject's name, description and keywords: a telling word among them is
    # written already.
    written = [
        set(terms(" ".join((s.name, s.description or "", *s.keywords)))) for s in model.subjects
    ]
    # The stems of each subject's name and keywords: none is offered to another subject.
    claimed = [set(terms(" ".join((s.name, *s.keywords)))) for s in model.subjects]
    separating = [_separating(model, i) for i in range(len(names))]

    # How the articles write each word that may be offered: a common English word as they
    # write it is none to offer (`COMMON_WORDS`; "generator" and "general" share a stem).
    spelt = _as_written(
        model,
        articles,
        {t for i in range(len(names)) for t in separating[i] if users[i][t] >= TELLING_USERS},
    )
    one_threads: dict[tuple[int, str], bool] = {}

    def one_thread(i: int, t: str) -> bool:
        """Whether most of the uses of `t` among subject `i`'s articles (title words weigh
        more, as in scoring) are in one thread of two or more posts, by their titles without
        "Re:" (`thread_of`). walk129 #4: "drop", 2 posts of "Price drop on C650..." using it
        again and again, 3 others once; a thread's one-off word says nothing of the articles to
        come. (A rule by posts alone, most of the posts using it one thread's, kept "drop".)"""
        if (i, t) not in one_threads:
            uses: dict[str, float] = defaultdict(float)
            posts: Counter[str] = Counter()
            for thread, counts in threads[i]:
                if t in counts:
                    uses[thread] += counts[t]
                    posts[thread] += 1
            top = max(uses, key=uses.__getitem__, default="")
            one_threads[i, t] = posts[top] >= 2 and 2 * uses[top] > sum(uses.values())
        return one_threads[i, t]

    def offerable(i: int, t: str, drift: bool = False) -> bool:
        """Whether `t` may be offered to subject `i` (`drift`: whether it would be but for
        the off-field picks' uses)."""
        return (
            users[i][t] >= TELLING_USERS
            and (on_users[i][t] < TELLING_USERS if drift else on_users[i][t] >= TELLING_USERS)
            and not mixed_word(t)
            and t in separating[i]
            and not any(t in claimed[k] for k in range(len(names)) if k != i)
            and spelt(t).casefold() not in COMMON_WORDS
            and not one_thread(i, t)
        )

    found = []
    shared = shared_keywords(model.subjects)
    drift: dict[tuple[int, int], list[str]] = {}
    for p, q in combinations(range(len(names)), 2):
        near = sorted(between.get((p, q), []), key=lambda m: (m[0], m[1].url))
        alike = dot(asked[p], asked[q])
        if not near and alike < WORDS_ALIKE and (p, q) not in shared:
            continue
        ranked = {(i, k): _telling_words(model, i, k) for i, k in ((p, q), (q, p))}
        telling = tuple(
            _telling(
                [t for t in ranked[i, k] if t in written[i] or offerable(i, t)],
                written[i],
                OVERLAP_WORDS,
            )
            for i, k in ((p, q), (q, p))
        )
        for i, k in ((p, q), (q, p)):  # (those the off-field picks alone would have offered)
            _, would = _telling(
                [t for t in ranked[i, k] if t in written[i] or offerable(i, t, drift=True)],
                written[i],
                OVERLAP_WORDS,
            )
            drift[i, k] = [t for t in would if offerable(i, t, drift=True)]
        found.append((p, q, near, alike, telling))
    offered: list[list[set[str]]] = [[] for _ in names]
    for p, q, *_, ((_, new_p), (_, new_q)) in found:
        offered[p].append(set(new_p))
        offered[q].append(set(new_q))
    room, held = _within_room(model, offered)
    found = [
        (
            p,
            q,
            near,
            alike,
            tuple(
                (
                    [t for t in words if t not in new or t in room[i]],
                    [t for t in new if t in room[i]],
                )
                for i, (words, new) in zip((p, q), telling, strict=True)
            ),
        )
        for p, q, near, alike, telling in found
    ]
    shown = _as_written(
        model,
        articles,
        {t for *_, pair in found for words, _ in pair for t in words}
        | {t for words in drift.values() for t in words},
    )
    out = []
    for p, q, near, alike, ((words_p, new_p), (words_q, new_q)) in found:
        share = len(near) / max(1, placed[p] + placed[q])
        out.append(
            Overlap(
                names[p],
                names[q],
                tuple((a.url, a.title, now) for _, a, now in near[:examples]),
                share,
                alike,
                # (once each: "win" and "ini" are both "win.ini" as the editor wrote it)
                tuple(dict.fromkeys(map(shown, words_p))),
                tuple(dict.fromkeys(map(shown, words_q))),
                (share >= CHANCE_SHARE and len(near) >= CHANCE_MIN) or alike >= WORDS_ALIKE,
                tuple(names[k] for k in (p, q) if not model.subjects[k].keywords),
                tuple(dict.fromkeys(map(shown, new_p))),
                tuple(dict.fromkeys(map(shown, new_q))),
                tuple((names[k], *h) for k in (p, q) if (h := held[k]) is not None),
                shared.get((p, q), ()),
                None if placed[p] == placed[q] else names[p if placed[p] < placed[q] else q],
                tuple(dict.fromkeys(map(shown, drift[p, q]))),
                tuple(dict.fromkeys(map(shown, drift[q, p]))),
            )
        )
    out.sort(key=lambda o: (-o.share, -o.words_alike, o.first, o.second))
    return out
