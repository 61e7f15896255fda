"""Choosing an issue's articles: per subject, the most relevant ones never featured before (pure)."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from curator.creditsites import first_appeared_in
from curator.models import Article, Assignment, Copy, Retold, Scored, Section, Subject
from curator.stories import (
    Fingerprint,
    content_key,
    copied_from,
    fingerprint,
    lead_of,
    names_publication,
    same_story_reason,
    text_shared,
)

#: Each article already chosen from a publication multiplies the next one's score by this, so that a
#: near-tie goes to another publication but a clearly better article still wins (0.85: two articles
#: within 15% of each other count as a near-tie).
SAME_PUBLICATION_PENALTY = 0.85


def select_sections(
    articles: Sequence[Article],
    assignments: Mapping[str, Assignment],
    subjects: Sequence[Subject],
    issue_size: int,
    boilerplate: frozenset[int] = frozenset(),
    published: Sequence[tuple[int, Article]] = (),
    dropped: dict[str, set[int]] | None = None,
    prints: Memo | None = None,
    found_told: dict[int, tuple[int, int, str]] | None = None,
) -> tuple[Section, ...]:
    """One section per subject that has articles, in the config's subject order; a subject whose
    every candidate told a story published before has one without `entries`, with its `retold`.

    Within a section, articles are chosen by relevance (never by date) and varied by publication
    (`pick_varied`), in the order they were chosen; those left out for variety are its
    `passed_over`. `articles` must already exclude everything an earlier issue featured. Shingles
    of `boilerplate` (`stories.boilerplate_shingles`) are no story text.

    A candidate telling the same story as an article of `published` ((issue number, article) of
    recent issues) is not featured: an issue published that story already. Those that would
    have been featured are the section's `retold`.

    `dropped`, when given, gets per subject the ids of the candidates no place could take: told
    before, or the same story as one chosen (`placement.choose_sections` reads on past them).
    `prints`, when given, keeps each article's fingerprint by id and what comparing two found,
    for a caller selecting again with more candidates read (`boilerplate` the same every time).
    `found_told`, when given, gets each candidate telling a story of `published`, by id, as (the
    issue's number, the id of the article it published, why), for the store to record.
    """
    by_subject: dict[str, list[Scored]] = {s.name: [] for s in subjects}
    # (the most recent issue's first)
    earlier = [
        (_print(a, boilerplate, prints), a, n) for n, a in sorted(published, key=lambda p: -p[0])
    ]
    near = _near_index(earlier)
    retold: dict[str, list[tuple[float, Retold]]] = {s.name: [] for s in subjects}
    for article in articles:
        placed = assignments.get(article.url)
        if placed is None or placed.subject not in by_subject:
            continue
        if not article.url.startswith(("http://", "https://")):
            # Stored by an older curator from a local page naming no web address: there is no
            # link to publish, so never featured (walk61 #2).
            continue
        told = _told_before(article, earlier, boilerplate, prints, near)
        if told is not None:
            before, number, why = told
            told_as = Retold(article, placed.subject, before, number, why)
            if found_told is not None:
                found_told[article.id] = (number, before.id, why)
            retold[placed.subject].append((placed.score, told_as))
            continue
        by_subject[placed.subject].append(Scored(article, placed.score, placed.matched))
    taken: list[tuple[Fingerprint, list[Scored], int]] = []
    exact: dict[int, int] = {}
    copied = copied_from(articles, publication_of)
    sections = []
    for subject in subjects:
        chosen = pick_varied(
            by_subject[subject.name],
            issue_size,
            taken,
            subject=subject.name,
            boilerplate=boilerplate,
            prints=prints,
            exact=exact,
            copied=copied,
        )
        if chosen or retold[subject.name]:
            sections.append((subject, chosen))
    placed_in = {id(chosen): subject.name for subject, chosen in sections}
    _name_left_copies(by_subject, taken, boilerplate, prints, copied, placed_in)
    if dropped is not None:
        for name, told_here in retold.items():
            dropped.setdefault(name, set()).update(r.article.id for _, r in told_here)
        for _, entries, _ in taken:
            for entry in entries:
                for copy in entry.copies:
                    dropped.setdefault(copy.subject, set()).add(copy.article.id)
    # (said of those that would have been featured: a place was free, or they score better)
    lowest = {
        s.name: min(c.score for c in chosen) for s, chosen in sections if len(chosen) >= issue_size
    }
    shown = {
        name: tuple(r for score, r in told if score > lowest.get(name, float("-inf")))
        for name, told in retold.items()
    }
    # (an article told the same story as one featured is no article passed over)
    covered = {url for _, entries, _ in taken for e in entries for _, url in e.also_covered_by}
    return tuple(
        Section(
            s.name,
            s.description,
            tuple(chosen),
            passed_over(by_subject[s.name], chosen, covered),
            shown[s.name],
            frozenset(r.article.id for _, r in retold[s.name]),
        )
        for s, chosen in sections
    )


class Earlier:
    """What recent issues published, ready to tell whether a candidate tells one of its stories
    again, by the comparison `select_sections` makes (the same fingerprints, the same index of
    title words and shingles): for a count of what waits that leaves such copies out (walk111
    #2: a theme was found ripe on a copy, and its issue published with fewer than it needs)."""

    def __init__(
        self,
        published: Sequence[tuple[int, Article]],
        boilerplate: frozenset[int] = frozenset(),
        prints: Memo | None = None,
    ) -> None:
        self.boilerplate = boilerplate
        self.prints = prints if prints is not None else Memo()
        self.earlier = [
            (_print(a, boilerplate, self.prints), a, n)
            for n, a in sorted(published, key=lambda p: -p[0])
        ]
        self.near = _near_index(self.earlier)
        #: Each article's `content_key`, to the first with it: an exact copy is told by that
        #: one's fingerprint, not its own (as `pick_varied` does: an archive holds stories ~100
        #: times over, benchmarks/build.py's `copies` stores).
        self.exact: dict[int, int] = {}
        for i, (_, a, _) in enumerate(self.earlier):
            self.exact.setdefault(content_key(a), i)

    def told(self, article: Article) -> tuple[Article, int, str] | None:
        """The article an issue published that `article` tells the same story as, with that
        issue's number and why; None when it tells none (`select_sections`'s `retold`)."""
        at = self.exact.get(content_key(article))
        if at is not None:
            told, before, number = self.earlier[at]
            if before.id != article.id and (why := _same(before, told, article, told, self.prints)):
                return before, number, why
        return _told_before(article, self.earlier, self.boilerplate, self.prints, self.near)

    def add(self, article: Article, number: int = 0) -> None:
        """Count `article` (of issue `number`; 0: of none yet) among those `told` compares with:
        to tell candidates that are copies of each other (one story at two addresses) as one
        story, by the comparison that names them under one entry in a build (walk117 #1)."""
        at = len(self.earlier)
        told = _print(article, self.boilerplate, self.prints)
        self.earlier.append((told, article, number))
        self.exact.setdefault(content_key(article), at)
        for key in (*told.title_words, *(told.whole | told.shingles)):
            self.near.setdefault(key, []).append(at)


def _near_index(earlier: Sequence[tuple[Fingerprint, Article, int]]) -> dict[object, list[int]]:
    """Per title word and shingle of the articles of `earlier`, the positions of those that
    have it (`_told_before` compares an article only with those sharing one)."""
    index: dict[object, list[int]] = {}
    for i, (told, _, _) in enumerate(earlier):
        for key in (*told.title_words, *(told.whole | told.shingles)):
            index.setdefault(key, []).append(i)
    return index


def _told_before(
    article: Article,
    earlier: Sequence[tuple[Fingerprint, Article, int]],
    boilerplate: frozenset[int],
    prints: Memo | None = None,
    near: Mapping[object, list[int]] | None = None,
) -> tuple[Article, int, str] | None:
    """The article of `earlier` telling the same story as `article` (of several, the one
    sharing the most of its text, `text_shared`; the first in `earlier` of those sharing as
    much), with its issue's number and why; None when none does. With `near` (`_near_index` of `earlier`), only those
    sharing a title word or a shingle with it are compared: two that share none never tell one
    story (`same_story_reason`), and comparing each candidate with every article the last
    issues published made each week's build slower than the last (walk81 #1)."""
    if not earlier:
        return None
    print_ = _print(article, boilerplate, prints)
    scan: Sequence[tuple[Fingerprint, Article, int]] = earlier
    if near is not None:
        keys = (*print_.title_words, *(print_.whole | print_.shingles))
        scan = [earlier[i] for i in sorted({i for k in keys for i in near.get(k, ())})]
    # The one sharing the most of its text, not the first found (walk199 #7c: a copy of an
    # article issue 1 published was named as the same story as one issue 6 published, which
    # shared 63% of its text).
    found = [
        (before, number, why, told)
        for told, before, number in scan
        if before.id != article.id and (why := _same(before, told, article, print_, prints))
    ]
    if not found:
        return None
    before, number, why, _ = max(found, key=lambda f: text_shared(f[3], print_))
    return before, number, why


def told_before(
    articles: Sequence[Article],
    published: Sequence[tuple[int, Article]],
    boilerplate: frozenset[int] = frozenset(),
) -> list[tuple[Article, int, str] | None]:
    """Per article, the article of `published` ((issue number, article) of recent issues) telling
    the same story, with its issue's number and why, by the comparison `select_sections` leaves
    candidates out with (`_told_before`); None for one that tells no story they published. For
    `curator build --draft`, which publishes what a draft names (walk161 #1: a draft an older
    curator wrote published four copies of stories issues 2 and 3 published, with no word)."""
    earlier = [
        (_print(a, boilerplate, None), a, n) for n, a in sorted(published, key=lambda p: -p[0])
    ]
    near = _near_index(earlier)
    return [_told_before(a, earlier, boilerplate, None, near) for a in articles]


def _name_left_copies(
    by_subject: Mapping[str, Sequence[Scored]],
    taken: list[tuple[Fingerprint, list[Scored], int]],
    boilerplate: frozenset[int],
    prints: Memo | None,
    copied: Mapping[str, frozenset[str]],
    placed_in: Mapping[int, str],
) -> None:
    """Name under the featured story it tells each candidate left unchosen that tells one (by
    the comparison that records it as told with the issue, `_told_before`'s, among those
    sharing a title word or a shingle): the places filled before the variety rule reached it,
    or it was weighed with a story another copy leads. Never left out "for variety" while the
    issue features its story, and never the story featured twice by following that advice
    (walk120: Daring Fireball's post on "Bad App Citizens" was listed as left out for variety
    under the featured article itself, named nowhere, then recorded as its copy)."""
    if not taken:
        return
    named = {
        url
        for _, entries, index in taken
        for url in (
            entries[index].article.url,
            *(copy.article.url for copy in entries[index].copies),
        )
    }
    stories = [(t[0], t[1][t[2]].article, i) for i, t in enumerate(taken)]
    near = _near_index(stories)
    for subject, candidates in by_subject.items():
        for scored in candidates:
            if scored.article.url in named:
                continue
            print_ = _print(scored.article, boilerplate, prints)
            keys = (*print_.title_words, *(print_.whole | print_.shingles))
            for i in sorted({i for k in keys for i in near.get(k, ())}):
                t = taken[i]
                first = t[1][t[2]].article
                if first.url != scored.article.url and (
                    why := _same(first, t[0], scored.article, print_, prints)
                ):
                    named.add(scored.article.url)
                    _also_covered(t, scored, subject, why)
                    break
    # A copy named under a story, of its section's subject, that `lead_of` shows to be the
    # original (an earlier day, another's page naming it) leads in its place: it may have been
    # reached after the copy had won the place, by another title and a lower score (walk120 B).
    for i, (_, entries, index) in enumerate(taken):
        entry = entries[index]
        subject = placed_in.get(id(entries), "")
        same = [c for c in entry.copies if c.subject == subject and not c.recorded]
        if not same:
            continue
        at = lead_of([entry.article, *(c.article for c in same)], copied)
        if at == 0:
            continue
        original = next(
            (s for s in by_subject.get(subject, ()) if s.article.url == same[at - 1].article.url),
            None,
        )
        if original is None:
            continue
        print_ = _print(original.article, boilerplate, prints)
        # Each article named under the entry is the same story as the one leading it, for the
        # pair's own reason: one named as the copy's same story but not the original's (a reply
        # quoting the copy's title, the original another title and the copy's text) keeps the
        # copy leading, rather than joined to the original through the copy (walk192 #2).
        reasons: dict[str, str | None] = {}
        for c in entry.copies:
            if c.article.url != original.article.url:
                c_print = _print(c.article, boilerplate, prints)
                reasons[c.article.url] = _same(original.article, print_, c.article, c_print, prints)
        if all(reasons.values()):
            taken[i] = _lead_instead(
                taken[i], original, print_, subject, same[at - 1].reason, reasons
            )


def _lead_instead(
    twin: tuple[Fingerprint, list[Scored], int],
    original: Scored,
    original_print: Fingerprint,
    subject: str,
    why: str,
    reasons: Mapping[str, str | None],
) -> tuple[Fingerprint, list[Scored], int]:
    """Let `original` (shown to be the original of the chosen
    article `twin` holds by `lead_of`) lead that entry in its place, the copy named under it
    with those named before, each with `reasons` (by address: why it is the original's same
    story); the entry `taken` holds for it now (walk120 B: a roundup's copy two months later
    led, its original of Oct 1 named under it, for the copy's better score). The copy is named
    as placed under `subject`, its entry's."""
    _, entries, index = twin
    copy = entries[index]
    entries[index] = replace(
        original,
        also_covered_by=(
            *(a for a in copy.also_covered_by if a[1] != original.article.url),
            (copy.article.publication or copy.article.url, copy.article.url),
        ),
        copies=(
            *(
                replace(c, reason=reasons.get(c.article.url) or c.reason)
                for c in copy.copies
                if c.article.url != original.article.url
            ),
            Copy(copy.article, subject, why),
        ),
    )
    return (original_print, entries, index)


def passed_over(
    candidates: Sequence[Scored], chosen: Sequence[Scored], covered: Collection[str] = ()
) -> tuple[Scored, ...]:
    """The candidates `pick_varied` left out though they score better than one it chose (their
    publication's repeats counted against them), best first; not those in `covered` (the same
    story as one chosen)."""
    if not chosen:
        return ()
    lowest = min(c.score for c in chosen)
    taken = {c.article.url for c in chosen}
    return tuple(
        sorted(
            (
                c
                for c in candidates
                if c.score > lowest and c.article.url not in taken and c.article.url not in covered
            ),
            key=lambda c: (-c.score, c.article.id),
        )
    )


def same_publication(article: Article, chosen: Sequence[Scored]) -> int:
    """How many of `chosen` come from the publication of `article`."""
    return sum(publication_of(c.article) == publication_of(article) for c in chosen)


def last_place(chosen: Sequence[Scored]) -> float:
    """The score the last of `chosen` (as `pick_varied` chose them) won its place with: its own,
    times 0.85 for each article chosen before it from its publication. No place was won with
    less: each greedy pick scores no higher than the one before (the others' scores only ever
    fall as their publications are chosen)."""
    last = chosen[-1]
    return last.score * SAME_PUBLICATION_PENALTY ** same_publication(last.article, chosen[:-1])


def pick_varied(
    candidates: Sequence[Scored],
    size: int,
    taken: list[tuple[Fingerprint, list[Scored], int]] | None = None,
    *,
    subject: str = "",
    boilerplate: frozenset[int] = frozenset(),
    prints: Memo | None = None,
    exact: dict[int, int] | None = None,
    copied: Mapping[str, frozenset[str]] | None = None,
) -> list[Scored]:
    """The best `size` candidates, greedily, each publication's repeat discounted; best first.

    A candidate telling the same story as one already chosen (in this section or, through `taken`, an
    earlier one) is not featured again: its publication is added to that entry's "also covered by",
    and the article (placed under `subject`) with why to its `copies`.

    `exact` (kept with `taken` by the caller) finds an exact copy of a chosen article (the same
    title and text, `stories.content_key`) without comparing it with every one chosen: no
    article chosen before that one tells its story (it was chosen after being compared with them
    all), so that one is the first `taken` names, as the comparisons would find (an archive holding many copies
    of its stories compared each with every article chosen: 154,000 comparisons a build).

    The story a place goes to is led by its original (`stories.lead_of`, with `copied`) when
    something shows which copy that is, not by the copy the variety rule reached first: of the
    candidates within a near-tie of the value the place was won with (those variety or a tie
    kept back), the exact copies of the one reached, those with its title and the one its page
    says it first appeared in, whatever they score, those telling its story are weighed with it
    (walk108 #1, walk119 #2). The story wins its place by the value of the copy reached (the
    best left): a story is never dropped because its original's publication has articles in
    the issue already while a copy could carry it (walk119 #1).
    """
    taken = [] if taken is None else taken
    exact = {} if exact is None else exact
    pool = sorted(candidates, key=lambda s: (-s.score, s.article.id))
    # Each publication's candidates, best first (with their rank in the pool): the best value
    # left is one publication's first, discounted by its repeats (the first in the pool of
    # equals), so a place looks at one candidate per publication, not at the whole pool.
    queues: dict[str, deque[tuple[int, Scored]]] = {}
    for rank, scored in enumerate(pool):
        queues.setdefault(publication_of(scored.article), deque()).append((rank, scored))
    chosen: list[Scored] = []
    used: Counter[str] = Counter()
    same_text: dict[int, list[Scored]] = {}
    titled: dict[str, list[Scored]] = {}
    for scored in pool:
        same_text.setdefault(content_key(scored.article), []).append(scored)
        titled.setdefault(_title_key(scored.article.title), []).append(scored)
    while queues and len(chosen) < size:
        source = max(
            queues,
            key=lambda q: (
                queues[q][0][1].score * SAME_PUBLICATION_PENALTY ** used[q],
                -queues[q][0][0],
            ),
        )
        value = queues[source][0][1].score * SAME_PUBLICATION_PENALTY ** used[source]
        pick = queues[source].popleft()[1]
        if not queues[source]:
            del queues[source]
        key = content_key(pick.article)
        twin = None
        if (
            at := exact.get(key)
        ) is not None:  # an exact copy of one chosen: its print is that one's
            t = taken[at]
            print_ = t[0]
            if why := _same(t[1][t[2]].article, t[0], pick.article, print_, prints):
                twin = (t, why)
        else:
            print_ = _print(pick.article, boilerplate, prints)
        if twin is None:
            twin = next(
                (
                    (t, why)
                    for t in taken
                    if (why := _same(t[1][t[2]].article, t[0], pick.article, print_, prints))
                ),
                None,
            )
        if twin is not None:
            _also_covered(twin[0], pick, subject, twin[1])
            continue
        rivals = _rivals(
            pick,
            value,
            queues,
            [*same_text.get(key, ()), *titled.get(_title_key(pick.article.title), ())],
        )
        group = [(pick, print_, "")]
        for rival in rivals:
            rival_print = print_ if content_key(rival.article) == key else None
            rival_print = rival_print or _print(rival.article, boilerplate, prints)
            if why := _same(pick.article, print_, rival.article, rival_print, prints):
                group.append((rival, rival_print, why))
        lead, lead_print, why = group[lead_of([g[0].article for g in group], copied or {})]
        if lead is not pick:
            lead_source = publication_of(lead.article)
            queue = queues[lead_source]
            del queue[next(i for i, (_, s) in enumerate(queue) if s is lead)]
            if not queue:
                del queues[lead_source]
            key = content_key(lead.article)
        used[publication_of(lead.article)] += 1
        chosen.append(lead)
        exact.setdefault(key, len(taken))
        taken.append((lead_print, chosen, len(chosen) - 1))
        if lead is not pick:
            _also_covered(taken[-1], pick, subject, why)
    # An exact copy of one chosen, left unread when the places were full though it scores better
    # than one chosen, is named under it too, as it would have been read: not left out "for
    # variety" (walk85 D: 363 of a draft's 803 were copies of articles it featured).
    lowest = min((c.score for c in chosen), default=None)
    for queue in queues.values():
        for _, left in queue:
            if lowest is None or left.score <= lowest:
                break  # (each queue is best first)
            at = exact.get(content_key(left.article))
            if at is None:
                continue
            t = taken[at]
            if why := _same(t[1][t[2]].article, t[0], left.article, t[0], prints):
                _also_covered(t, left, subject, why)
    return chosen


def _rivals(
    pick: Scored,
    value: float,
    queues: Mapping[str, deque[tuple[int, Scored]]],
    alike: Sequence[Scored],
) -> list[Scored]:
    """The candidates left that may be `pick`'s story told first elsewhere: each scoring within
    a near-tie of `value` (what `pick` won its place with, times `SAME_PUBLICATION_PENALTY`:
    the variety rule, a tie or a copy's few words of its own kept them back), and, whatever
    they score, `alike` (its exact copies and those with its title: a feed's hint, recency or a
    copy's paragraphs of its own may weigh one copy far above another) and the candidates of the
    publication its page says it first appeared in (walk119 #2), each once, best first."""
    found: dict[int, Scored] = {}
    floor = value * SAME_PUBLICATION_PENALTY
    for queue in queues.values():
        for _, scored in queue:
            if scored.score < floor:
                break  # (each queue is best first)
            found.setdefault(id(scored), scored)
    left = {id(s) for q in queues.values() for _, s in q}
    for scored in alike:
        if scored is not pick and id(scored) in left:
            found.setdefault(id(scored), scored)
    # (an original is weighed whatever it scores: a copy's own paragraphs may weigh it far
    # above the original)
    if said := first_appeared_in(pick.article.text):
        for queue in queues.values():
            if names_publication(said, queue[0][1].article):
                for _, scored in queue:
                    found.setdefault(id(scored), scored)
    return sorted(found.values(), key=lambda s: (-s.score, s.article.id))


def _title_key(title: str) -> str:
    """A title as `_rivals` compares two: its words, case and spacing aside."""
    return " ".join(title.casefold().split())


def _also_covered(
    twin: tuple[Fingerprint, list[Scored], int], copy: Scored, subject: str, why: str
) -> None:
    """Name `copy` (placed under `subject`) under the chosen article `twin` holds: its publication
    in that entry's "also covered by", the article with `why` in its `copies`."""
    _, entries, index = twin
    first = entries[index]
    also = (copy.article.publication or copy.article.url, copy.article.url)
    entries[index] = replace(
        first,
        also_covered_by=(*first.also_covered_by, also),
        copies=(*first.copies, Copy(copy.article, subject, why)),
    )


@dataclass
class Memo:
    """What selecting found, kept for selecting again among the same articles and more: each
    article's fingerprint and, per pair compared, why they tell one story (None: they do not)."""

    prints: dict[int, Fingerprint] = field(default_factory=dict)
    pairs: dict[tuple[int, int], str | None] = field(default_factory=dict)


def _print(article: Article, boilerplate: frozenset[int], memo: Memo | None) -> Fingerprint:
    """The article's `fingerprint`, kept in `memo` by its id when given."""
    if memo is None or not article.id:  # (0: an article not stored)
        return fingerprint(article, boilerplate)
    found = memo.prints.get(article.id)
    if found is None:
        found = memo.prints[article.id] = fingerprint(article, boilerplate)
    return found


def _same(
    a: Article, a_print: Fingerprint, b: Article, b_print: Fingerprint, memo: Memo | None
) -> str | None:
    """`same_story_reason` of the two, kept in `memo` when given."""
    if memo is None or not a.id or not b.id:
        return same_story_reason(a_print, b_print)
    key = (a.id, b.id)
    if key not in memo.pairs:
        memo.pairs[key] = same_story_reason(a_print, b_print)
    return memo.pairs[key]


def publication_of(article: Article) -> str:
    """The publication the variety rule counts an article under."""
    return (article.publication or article.feed_url or "").casefold()
