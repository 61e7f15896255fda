"""A readable article before a gated one: an issue features an article whose link leads to a
sign-in page (or a subscription or consent form) only when its subject has no readable article
to take its place (walk178 #1: a plain build published "Members Only: CX Benchmark Report 2026"
among six while readable articles of its subject waited, and said so only afterwards)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TypeVar

from curator.articles_addresses import SIGN_IN_PAGE
from curator.models import Article, Issue
from curator.store import Store

T = TypeVar("T")


def _gated(store: Store, issue: Issue) -> dict[int, tuple[Article, str]]:
    """The articles the issue features whose link led to a sign-in page when their page was
    read, by id, each with its subject."""
    featured = {
        e.article.id: (e.article, s.subject)
        for s in issue.sections
        for e in s.entries
        if e.article.id
    }
    why = store.unread_pages(list(featured))
    return {i: featured[i] for i, reason in why.items() if reason == SIGN_IN_PAGE}


def _counts(issue: Issue) -> dict[str, int]:
    return {s.subject: len(s.entries) for s in issue.sections}


def readable_first(
    store: Store,
    choose: Callable[[Collection[int]], T | None],
    issue_of: Callable[[T], Issue],
) -> tuple[T | None, tuple[str, ...]]:
    """The issue `choose` makes (given the ids of articles not to choose), chosen again without
    the gated articles it features (`_gated`) whose subject has a readable article to take their
    place; with what to say of each one left out: which article took its place, and how to
    feature it all the same. A gated article whose subject has no other is kept (its build
    warns of it)."""
    planned = choose(())
    if planned is None:
        return None, ()
    first = issue_of(planned)
    gated = _gated(store, first)
    if not gated:
        return planned, ()
    avoid = set(gated)
    again = choose(avoid)
    # (twice at most: a subject left short keeps its gated article, the rest are chosen again)
    for _ in range(2):
        if again is None:
            break
        after = _counts(issue_of(again))
        short = {s for s, n in _counts(first).items() if after.get(s, 0) < n}
        keep = {i for i in avoid if gated[i][1] in short}
        if not keep:
            break
        avoid -= keep
        again = choose(avoid) if avoid else None
    if again is None or not avoid:
        return choose(()), ()  # (chosen as first, its notes with it)
    return again, _notes(first, issue_of(again), {i: gated[i] for i in avoid})


def _notes(first: Issue, issue: Issue, left: dict[int, tuple[Article, str]]) -> tuple[str, ...]:
    """A line per gated article left out: the article that took its place in its subject."""
    before = {e.article.id for s in first.sections for e in s.entries}
    notes = []
    for art, subject in left.values():
        section = next((s for s in issue.sections if s.subject == subject), None)
        new = [
            e.article for e in (section.entries if section else ()) if e.article.id not in before
        ]
        instead = ", ".join(f'"{a.title}" ({a.url})' for a in new) or "another article"
        notes.append(
            f'"{art.title}" ({art.url}) was left out of this issue for {instead}, whose page'
            f' was read, under "{subject}": {SIGN_IN_PAGE}. To feature it all the same, add'
            f' "## {art.url}" under "# {subject}" in a draft (`curator draft`), then build the'
            " draft with `curator build --draft`"
        )
    return tuple(notes)
