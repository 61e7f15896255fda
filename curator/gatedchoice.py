"""An article the issue should rather not feature waits while its subject has another to take
its place: one whose link leads to a sign-in page (or a subscription or consent form; walk178 #1:
a plain build published "Members Only: CX Benchmark Report 2026" among six while readable
articles of its subject waited, and said so only afterwards), and one placed under its subject
through the subject's keywords alone (`keywordfit`; walk185 on walk182 #1: two sport ticket
queues were published in "Service operations" while an article the editor had moved there
waited). Either is featured only when its subject has no other article to take its place."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from curator.articles_addresses import SIGN_IN_PAGE
from curator.errors import shell_arg
from curator.models import Article, Issue
from curator.store import Store
from curator.subjects import KeywordsOnly

T = TypeVar("T")

#: How many times the issue is chosen again at most: each time, a subject left short takes back
#: as many of its held articles as it lacks, and an article held for the same reasons that took
#: another's place is held too (a third sport story after two).
ROUNDS = 4


@dataclass(frozen=True)
class Held:
    """An article the issue features only when its subject has no other to take its place."""

    article: Article
    subject: str
    #: Its score under `subject`: the best of those held come back first to a subject left short.
    score: float
    #: Why it is held, in the editor's words, after "left out of this issue for ...".
    why: str
    #: Said of the article that took its place (", whose page was read"), or "".
    instead: str = ""
    #: What to say after how to feature it all the same, or "".
    after: str = ""
    #: Why it is held, in a few words, for the draft's note of those held back (fixjq #3).
    short: str = ""
    #: Held only as an article that would take a held one's place (a weak fit, say: no better
    #: than the one it replaces); featured where the issue chose it first.
    replacing_only: bool = False
    #: Featured only beside an article of its subject that is not held: a subject of such
    #: articles alone has no section (walk190 #3: a section of three keywords-only articles, a
    #: rugby ticket queue among them, was published).
    not_alone: bool = False


def _gated(store: Store, issue: Issue) -> dict[int, Held]:
    """The articles the issue features whose link led to a sign-in page when their page was
    read, by id."""
    featured = {
        e.article.id: Held(
            e.article,
            s.subject,
            e.score,
            f'under "{s.subject}": {SIGN_IN_PAGE}',
            ", whose page was read",
            short="its link leads to a sign-in page",
        )
        for s in issue.sections
        for e in s.entries
        if e.article.id
    }
    why = store.unread_pages(list(featured))
    return {i: featured[i] for i, reason in why.items() if reason == SIGN_IN_PAGE}


def keywords_held(
    issue: Issue,
    found: Collection[KeywordsOnly],
    flagged: Collection[str] = (),
    *,
    alone: bool = False,
) -> dict[int, Held]:
    """The articles of `issue` placed through their subject's keywords alone (`found`), by id,
    featured only beside an on-field article of their subject unless `alone` (a draft shows
    them, for the editor to decide); and those of `flagged` (URLs: weak fits, ...), held only
    as taking a held one's place."""
    urls = {k.url: k for k in found}
    out: dict[int, Held] = {}
    for section in issue.sections:
        for e in section.entries:
            k = urls.get(e.article.url)
            if k is None and e.article.url in flagged and e.article.id:
                out[e.article.id] = Held(
                    e.article, section.subject, e.score, "", replacing_only=True
                )
            if k is not None and e.article.id:
                out[e.article.id] = Held(
                    e.article,
                    section.subject,
                    e.score,
                    f'under "{section.subject}": it {k.why()}',
                    after=f"; if it is off the subject, `curator subjects exclude"
                    f" {shell_arg(k.url)}` keeps it out of later issues",
                    short="it fits this subject only through its keywords",
                    not_alone=not alone,
                )
    return out


def _counts(issue: Issue | None) -> dict[str, int]:
    return {s.subject: len(s.entries) for s in issue.sections} if issue else {}


def readable_first(
    store: Store,
    choose: Callable[[Collection[int]], T | None],
    issue_of: Callable[[T], Issue],
    held_of: Callable[[T], Mapping[int, Held]] | None = None,
    how: Callable[[str, str, bool], str] = lambda url, subject, published: (
        f'add "## {url}" under "# {subject}" in a draft (`curator draft`), then build the draft'
        " with `curator build --draft`"
    ),
    record: Callable[[T, Sequence[Held]], T] | None = None,
) -> tuple[T | None, tuple[str, ...]]:
    """The issue `choose` makes (given the ids of articles not to choose), chosen again without
    the articles it features that are held (`_gated`, and those `held_of` says) whose subject
    has another article to take their place; with what to say of each one left out: which
    article took its place, and how to feature it all the same. A subject left short takes back
    the best of its held articles, as many as it lacks (its build warns of them). `how` says
    how to feature one all the same, given its URL, its subject and whether an issue is
    chosen (its number taken: the next draft's is one more); `record`, given the issue chosen
    and the held articles it leaves out, returns it with them (for the draft's note of them)."""
    planned = choose(())
    if planned is None:
        return None, ()

    def held_in(chosen: T) -> dict[int, Held]:
        issue = issue_of(chosen)
        return {**_gated(store, issue), **(held_of(chosen) if held_of else {})}

    first = issue_of(planned)
    before = {e.article.id for s in first.sections for e in s.entries}
    held = {i: h for i, h in held_in(planned).items() if not h.replacing_only}
    if not held:
        return planned, ()
    wanted = _counts(first)
    avoid = set(held)
    for _ in range(ROUNDS):
        again = choose(avoid)
        after = _counts(issue_of(again) if again is not None else None)
        back: set[int] = set()
        for subject, n in wanted.items():
            lacking = n - after.get(subject, 0)
            if lacking > 0:
                alone = after.get(subject, 0) == 0  # (none but held ones: walk190 #3)
                mine = sorted(
                    (i for i in avoid if held[i].subject == subject)
                    if not (
                        alone and all(h.not_alone for h in held.values() if h.subject == subject)
                    )
                    else (),
                    key=_best(held),
                )
                back.update(mine[:lacking])
        new = {
            i: h
            for i, h in (held_in(again) if again is not None else {}).items()
            if i not in held and not (h.replacing_only and i in before)
        }
        if not back and not new:
            left = {i: held[i] for i in avoid if i in before}  # (said: those it had chosen)
            if again is None:  # (every section was of such articles alone: walk190 #3)
                return None, _notes(first, replace(first, sections=()), left, how)
            notes = _notes(first, issue_of(again), left, how)
            return (again if record is None else record(again, list(left.values()))), notes
        held.update(new)
        avoid = (avoid - back) | new.keys()
        if not avoid:
            break
    return choose(()), ()  # (chosen as first, its notes with it)


def _best(held: Mapping[int, Held]) -> Callable[[int], tuple[float, int]]:
    return lambda i: (-held[i].score, i)


def _notes(
    first: Issue, issue: Issue, left: dict[int, Held], how: Callable[[str, str, bool], str]
) -> tuple[str, ...]:
    """A line per held article left out: the article that took its place in its subject."""
    before = {e.article.id for s in first.sections for e in s.entries}
    notes = []
    for h in left.values():
        art, subject = h.article, h.subject
        section = next((s for s in issue.sections if s.subject == subject), None)
        if section is None and h.not_alone:
            notes.append(
                f'"{art.title}" ({art.url}) was left out of this issue, {h.why}, and no other'
                f' article of "{subject}" waits to go with it, so the issue has no "{subject}"'
                f" section (such articles do not make one alone). To feature it all the same,"
                f" {how(art.url, subject, bool(issue.sections))}; or, if it does belong on the subject, confirm it with"
                f" `curator subjects move {shell_arg(art.url)} {shell_arg(subject)}`{h.after}"
            )
            continue
        new = [
            e.article for e in (section.entries if section else ()) if e.article.id not in before
        ]
        instead = ", ".join(f'"{a.title}" ({a.url})' for a in new) or "another article"
        notes.append(
            f'"{art.title}" ({art.url}) was left out of this issue for {instead}{h.instead},'
            f" {h.why}. To feature it all the same, {how(art.url, subject, bool(issue.sections))}{h.after}"
        )
    return tuple(notes)


def with_held_back(issue: Issue, left: Sequence[Held]) -> Issue:
    """`issue` with each of `left` (held articles left out for another of their subject) named
    under its subject's section (`Section.held_back`), with why in a few words (fixjq #3: said
    on the command line alone, a draft's editor could not see or feature it)."""
    if not left:
        return issue
    sections = tuple(
        replace(
            s,
            held_back=(
                *s.held_back,
                *((h.article, h.short) for h in left if h.subject == s.subject),
            ),
        )
        for s in issue.sections
    )
    return replace(issue, sections=sections)
