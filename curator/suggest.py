"""Suggested subjects: group the articles that fit none of the editor's subjects into proposals (pure)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from curator.models import Article, Subject
from curator.stemmer import stem
from curator.termvectors import Vector, corpus_stats, dot, kmeans, mean, tfidf
from curator.textfeatures import (
    OTHER_STOP_WORDS,
    article_counts,
    surface_forms,
    terms,
    unspaced_words,
)


@dataclass(frozen=True)
class Lean:
    """An existing subject a proposal reads like: its name or keywords are among the proposal's
    keywords, or most of the proposal's articles come closest to it."""

    subject: str
    #: Of the proposal's articles, how many come closest to the subject (of its own).
    closest: int
    #: The proposal's keywords already in the subject's name or keywords.
    shared: tuple[str, ...]
    #: The proposal's other keywords: what would widen the subject to take its articles.
    wider: tuple[str, ...]
    #: Of `shared`, those that are the subject's own words whole: one of its keywords, or words
    #: of its name ("calls" only shares a word with the keyword "call center": walk168 #7).
    own: tuple[str, ...] = ()
    #: Of `own`, none is one of its keywords: only words of its name ("success" of "Customer
    #: success"); and whether most of the proposal's articles come close to the subject.
    name_only: bool = False
    most: bool = False
    #: The proposal's words not offered to widen it: words of another subject's name or keywords,
    #: or found mostly in the proposal's articles that do not come close to it (walk194 #3).
    left_out: tuple[str, ...] = ()
    #: The proposal's articles that come close to the subject.
    close: tuple[str, ...] = ()

    @property
    def mixed(self) -> bool:
        """Whether the proposal is a mix: few of its articles come close to the subject, and none
        of its other words is one to widen the subject with (walk194 #3)."""
        return not self.wider and bool(self.left_out) and not self.most

    @property
    def widen(self) -> bool:
        """Whether to advise widening the subject: not when the words the proposal shares with
        it are only parts of its keywords, none of its own words whole (walk168 #7: a cluster of
        politics articles was advised into Service operations, 3 of 5 coming close to it, on
        "calls", which only shares "call" with the keyword "call center"). Articles that come
        close sharing no word of it at all are close on their other words (athletics stories
        to an "Athletics" subject of a name and a description): widening is still advised. Nor
        on a word of its name alone when most of the articles do not come close (walk182 #4:
        sport reports' "successes" and "successful" made a Federer / O'Sullivan / Latin America
        group read like "Customer success", 1 of 3 coming close)."""
        if self.name_only and not self.most:
            return False
        return bool(self.own) or not self.shared

    def to_dict(self) -> dict[str, object]:
        return {
            "subject": self.subject,
            "closest": self.closest,
            "shared_keywords": list(self.shared),
            "own_keywords": list(self.own),
            "new_keywords": list(self.wider),
            "advice": (
                ("mixed" if self.mixed else "widen") if self.widen else "own subject or off-field"
            ),
            "name_word_only": self.name_only,
            "left_out_keywords": list(self.left_out),
            "close_urls": list(self.close),
            "mixed": self.mixed,
        }


@dataclass(frozen=True)
class Suggestion:
    """A proposed subject for articles that fit none: what an editor would paste into feeds.yaml."""

    name: str
    description: str
    keywords: tuple[str, ...]
    #: The articles it groups, the most typical first.
    urls: tuple[str, ...]
    #: The existing subject it reads like, if any (see `leaning`).
    leans_to: Lean | None = None

    def to_dict(self) -> dict[str, object]:
        """The subject as feeds.yaml spells one (name, description, keywords), plus its articles
        and the existing subject it reads like (None: none)."""
        return {
            "name": self.name,
            "description": self.description,
            "keywords": list(self.keywords),
            "urls": list(self.urls),
            "leans_to": None if self.leans_to is None else self.leans_to.to_dict(),
        }

    def to_yaml_entry(self) -> dict[str, object]:
        """Just what feeds.yaml needs: name, description and keywords."""
        return {"name": self.name, "description": self.description, "keywords": list(self.keywords)}


#: A proposed subject needs at least this many articles (one article is a story, not a subject).
MIN_SUGGESTION_SIZE = 2
#: Most subjects suggest() proposes when the caller gives no k.
MAX_SUGGESTIONS = 8
#: A label word must appear in at least this share of a cluster's articles (else a name that one
#: long article repeats would label the whole cluster).
LABEL_MIN_SHARE = 0.25
#: Candidate label terms read per keyword wanted (some are not words the articles spell).
LABEL_SPARES = 3
#: A word as a reader sees it, letters with accents included (the scorer's tokens are ASCII).
_WHOLE_WORD = re.compile(r"\w+")
#: A run of characters with no space is encoded data, not prose, when it is this long (a line of
#: base64) or when at least `ENCODED_MARKS` of it, and `ENCODED_MIN` characters or more, are neither
#: letters nor digits (uuencode: "MAX>'AX>'AX>'"). Words found mostly there name no group (walk41
#: #5: "Ax, max and pl" from a uuencoded picture posted in 14 parts).
ENCODED_RUN = 40
ENCODED_MIN = 8
ENCODED_MARKS = 0.25
_RUN = re.compile(r"\S+")


#: The terms (stems) of other languages' function words: left out of what suggest clusters and
#: names (most never become terms at all; the scorer keeps the few that are English content words
#: too, "dos", "un").
_OTHER_STOP_TERMS: frozenset[str] = frozenset(stem(w) for w in OTHER_STOP_WORDS)


def _content_counts(article: Article) -> Vector:
    """The article's term counts without other languages' function words."""
    counts = article_counts(article, {})
    return {t: x for t, x in counts.items() if t not in _OTHER_STOP_TERMS}


def _label_terms(members: Sequence[Vector], others: Sequence[Vector], n: int) -> list[str]:
    """The terms that best set a cluster apart: weightier in its articles than in the others, and
    present in at least `LABEL_MIN_SHARE` of them."""
    inside, outside = mean(members), mean(others)
    present: dict[str, int] = {}
    for d in members:
        for t in d:
            present[t] = present.get(t, 0) + 1
    floor = LABEL_MIN_SHARE * len(members)
    weight = {
        t: x - outside.get(t, 0.0)
        for t, x in inside.items()
        if present[t] >= floor and " " not in t
    }
    ranked = sorted(weight.items(), key=lambda tw: (-tw[1], tw[0]))
    return [t for t, w in ranked[:n] if w > 0]


def mixed_word(word: str) -> bool:
    """Whether a word mixes letters and digits ("p1", "a7", "1t"): a variable's name, a part
    number or a piece of encoded data, no word to offer the editor (walk41 #5). The editor's own
    ("3d") are kept where they wrote them."""
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _prose_words(texts: Iterable[str]) -> set[str]:
    """The words (lower-cased) of `texts` found more often in prose than in encoded data."""
    prose: Counter[str] = Counter()
    encoded: Counter[str] = Counter()
    for text in texts:
        for run in _RUN.findall(text.lower()):
            marks = sum(not c.isalnum() for c in run)
            coded = len(run) >= ENCODED_RUN or (
                len(run) >= ENCODED_MIN and marks >= ENCODED_MARKS * len(run)
            )
            (encoded if coded else prose).update(_WHOLE_WORD.findall(run))
            if not run.isascii():  # Chinese, Japanese, Thai: the pairs the scorer reads
                (encoded if coded else prose).update(unspaced_words(run))
    return {w for w, n in prose.items() if n > encoded[w]}


#: A word keeps the capitals the articles write it with when at most this share of the times
#: they write it is in lower case ("England", "BT": walk194 #6, suggest wrote "England, italy").
LOWER_AT_MOST = 0.1


def as_written(words: Sequence[str], texts: Iterable[str]) -> list[str]:
    """`words` (lower case) as `texts` write them: a name's capitals ("Italy", "BT") when they
    are seldom written otherwise, else in lower case."""
    wanted = set(words)
    forms: dict[str, Counter[str]] = {w: Counter() for w in wanted}
    for text in texts:
        for form in _WHOLE_WORD.findall(text):
            low = form.lower()
            if low in wanted:
                forms[low][form] += 1
    out = []
    for w in words:
        seen = forms[w]
        total = sum(seen.values())
        upper = [(n, f) for f, n in seen.items() if f != w]
        if total and upper and seen[w] <= LOWER_AT_MOST * total:
            w = max(upper)[1]
        out.append(w)
    return out


def _name(words: Sequence[str]) -> str:
    """A heading from a cluster's top words: "Club, chelsea and arsenal"."""
    head = list(words[:3])
    text = head[0] if len(head) == 1 else ", ".join(head[:-1]) + " and " + head[-1]
    return text[:1].upper() + text[1:]


def suggest(
    articles: Sequence[Article], *, k: int | None = None, keywords: int = 8
) -> tuple[Suggestion, ...]:
    """Group articles that fit no subject into proposed subjects, largest first.

    Clusters the articles' TF-IDF vectors (the features the scorer uses) with spherical k-means;
    `k` defaults to about sqrt(n / 2), at most `MAX_SUGGESTIONS`. Each proposal has a name from its
    top terms, a draft description, up to `keywords` keywords and its articles' URLs (the most
    typical first), ready to adopt into feeds.yaml; clusters smaller than `MIN_SUGGESTION_SIZE` are
    left out.
    """
    unique = list({a.url: a for a in articles}.values())
    counts = [_content_counts(a) for a in unique]
    corpus = corpus_stats(counts)
    docs = [tfidf(c, corpus) for c in counts]
    keep = [i for i, d in enumerate(docs) if d]
    if len(keep) < MIN_SUGGESTION_SIZE:
        return ()
    if k is None:
        k = min(MAX_SUGGESTIONS, round(math.sqrt(len(keep) / 2)))
    k = max(1, min(k, len(keep) // MIN_SUGGESTION_SIZE))
    labels = kmeans([docs[i] for i in keep], k)
    clusters: dict[int, list[int]] = {}
    for i, j in zip(keep, labels, strict=True):
        clusters.setdefault(j, []).append(i)
    out = []
    for members in sorted(clusters.values(), key=lambda m: (-len(m), m[0])):
        if len(members) < MIN_SUGGESTION_SIZE:
            continue
        inside = set(members)
        centre = mean([docs[i] for i in members])
        members = sorted(members, key=lambda i: -dot(docs[i], centre))
        top = _label_terms(
            [docs[i] for i in members],
            [docs[i] for i in keep if i not in inside],
            keywords * LABEL_SPARES,
        )
        texts = [
            " ".join(
                [unique[i].title, unique[i].blurb, unique[i].summary, unique[i].text or ""]
                + list(unique[i].categories)
            )
            for i in members
        ]
        surface = surface_forms(texts)
        whole = _prose_words(texts)
        # A label is a word the articles spell: not a stem ("televis"), nor the ASCII piece of a
        # word with accents that the scorer's tokeniser sees ("ber" of "über"); in their prose, not
        # only in encoded data; and no mix of letters and digits ("a7", "p1").
        # Nor a character of Chinese or Japanese standing alone ("本", "册": a measure word).
        words = [
            w
            for w in (surface.get(t, t) for t in top)
            if w in whole and not mixed_word(w) and len(w) > 1
        ][:keywords]
        if not words:
            continue
        words = as_written(words, texts)
        examples = [unique[i].title for i in members[:2] if unique[i].title]
        description = f"Articles about {', '.join(words[:4])}"
        if examples:
            description += ", such as " + " and ".join(f"\u201c{t}\u201d" for t in examples)
        out.append(
            Suggestion(
                name=_name(words),
                description=description + ".",
                keywords=tuple(words),
                urls=tuple(unique[i].url for i in members),
            )
        )
    return tuple(out)


def leaning(
    suggestion: Suggestion, subjects: Sequence[Subject], nearest: Mapping[str, str | None]
) -> Lean | None:
    """The existing subject `suggestion` reads like, if any (`nearest`: an article's URL -> the
    subject it comes close to, though not close enough to be placed there, or None): one that
    most of its articles come close to, or one whose name (or two of whose keywords) is among its
    keywords, when some of its articles come close to it. (A keyword alone says little: "team",
    a keyword of service operations, labelled sport stories none of which came close to it.) Of
    several, the one most of its articles come close to, then the one sharing most keywords."""
    found = []
    for subject in subjects:
        named = set(terms(subject.name))
        own = named.union(*(terms(k) for k in subject.keywords))
        shared = tuple(w for w in suggestion.keywords if set(terms(w)) & own)
        closest = sum(nearest.get(url) == subject.name for url in suggestion.urls)
        most = 2 * closest > len(suggestion.urls)
        by_words = any(set(terms(w)) & named for w in shared) or len(shared) >= 2
        if most or (by_words and closest):
            wider = tuple(w for w in suggestion.keywords if w not in shared)
            whole = [set(terms(k)) for k in subject.keywords]
            mine = tuple(w for w in shared if set(terms(w)) in whole or set(terms(w)) <= named)
            name_only = bool(mine) and not any(set(terms(w)) in whole for w in mine)
            lean = Lean(subject.name, closest, shared, wider, mine, name_only, most)
            found.append(((most, closest, len(shared)), lean))
    if not found:
        return None
    return max(found, key=lambda found: found[0])[1]
