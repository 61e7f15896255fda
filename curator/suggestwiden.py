"""Which of a suggested group's words `suggest` may offer to widen the existing subject it reads
like (walk194 #3: "widen Measuring the customer experience (add keywords such as service, bt,
broadband, internet, phone)", on a group of 12 articles only 1 of which came close to it:
"service" was a word of the neighbouring "Service operations", the others came from the group's
off-field tech stories, and following the advice moved one of those and none of the others).

A word offered is neither a word of another subject's name or keywords (it would pull that
subject's articles in: README's "Write subjects" warns of it) nor one found mostly in the group's
articles that do not come close to the subject. When no word is left and few of the group come
close, the group is mixed: `suggest` says so and names the ones that come close, to move.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from curator.models import Article, Subject
from curator.suggest import Lean, Suggestion
from curator.textfeatures import article_counts, terms


def _words_of(subject: Subject) -> set[str]:
    """The terms of a subject's name and keywords."""
    return set(terms(subject.name)).union(*(terms(k) for k in subject.keywords))


def narrowed(
    lean: Lean,
    suggestion: Suggestion,
    subjects: Sequence[Subject],
    articles: Mapping[str, Article],
    nearest: Mapping[str, str | None],
) -> Lean:
    """`lean` with only the words worth adding to its subject in `wider` (the others in
    `left_out`) and the group's articles that come close to it in `close` (`articles`: the
    group's, by URL; `nearest`: URL -> the subject it comes close to)."""
    others: set[str] = set().union(*(_words_of(s) for s in subjects if s.name != lean.subject))
    close = tuple(url for url in suggestion.urls if nearest.get(url) == lean.subject)
    far = [url for url in suggestion.urls if url not in close]
    counts = {url: article_counts(a, {}) for url, a in articles.items()}

    def used_in(urls: Sequence[str], stems: set[str]) -> int:
        return sum(1 for url in urls if url in counts and stems <= counts[url].keys())

    kept, left = [], []
    for word in lean.wider:
        stems = set(terms(word))
        if not stems or stems & others or used_in(far, stems) > used_in(close, stems):
            left.append(word)
        else:
            kept.append(word)
    return replace(lean, wider=tuple(kept), left_out=tuple(left), close=close)
