"""An issue's candidates as the build reads them: a subject's best from the store (`Read`,
`light_rows`), each credited to its feed's name now (`feed_names`), weighed by its freshness, and
compared with the stories the last issues told (`story_boilerplate`, `told_check`, `untold_best`,
`told_copies`); the articles placed again where a correction moved them (`placed_again`).

Part of placing stored articles under subjects (`curator.placement`: `choose_sections`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlsplit

from curator.articles_credits import feed_publication
from curator.config import Config
from curator.creditsites import credited
from curator.errors import shell_arg
from curator.models import FUTURE_SLACK, Article, Retold, Section, Subject
from curator.placing import CORPUS_SAMPLE, current_model
from curator.placing import counts_of as _counts
from curator.placing import with_words as _with_words
from curator.select import Earlier, publication_of
from curator.store import RETOLD_ISSUES, LightRow, Store
from curator.stories import boilerplate_shingles
from curator.subjectrenames import Say
from curator.subjects import SubjectModel
from curator.termcounts import phrase_keys

#: Candidates read per place in a section: spares for the variety rule and for near-copies.
CANDIDATES_PER_PLACE = 5


def as_printed(store: Store, sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """`sections` with each story told before (`retold`) naming the article published before by
    the title its issue printed (as the editor corrected it in the draft or issue-N.json).

    Why: the next draft's note said `1 copy of "Customer experience: a checklist" ... published in
    issue 2` after issue 2 published it as "... (updated)", and a build's warning gave the title
    from before the draft (walk149 #12)."""
    ids = sorted({t.earlier.id for sec in sections for t in sec.retold})
    printed = store.published_titles(ids) if ids else {}
    if not printed:
        return sections
    return tuple(
        replace(
            sec,
            retold=tuple(
                replace(t, earlier=replace(t.earlier, title=printed[t.earlier.id]))
                if t.earlier.id in printed
                else t
                for t in sec.retold
            ),
        )
        if sec.retold
        else sec
        for sec in sections
    )


def story_boilerplate(store: Store) -> frozenset[int]:
    """The shingles of the newest `CORPUS_SAMPLE` articles that are no story text
    (`stories.boilerplate_shingles`): worked out once while nothing is written (a build counts
    what waits, then chooses, each comparing candidates with what the last issues published).
    Kept while the newest articles are the same ones (the newest id, the count): the placements a
    build saves before choosing change no text (read again after them, it cost a second
    second on a store of 100,000 in benchmarks/build.py)."""
    newest = (store.newest_article_id(), store.article_count())
    kept = store.memo.get("boilerplate")
    if kept is not None and kept[0] == newest and isinstance(kept[1], frozenset):
        return kept[1]
    found = boilerplate_shingles(store.recent_articles(CORPUS_SAMPLE))
    store.memo["boilerplate"] = (newest, found)
    return found


def told_check(store: Store, building: Collection[int] = ()) -> Earlier | None:
    """What the last `RETOLD_ISSUES` issues published, to find the candidates that tell one of
    its stories again as the build does (`untold_best`); None when no issue is published. With
    `building` (the ids of the issue being built), its articles count as published in it: what
    is left for the next issue once this one is out (walk116 #1: issue 1 promised a theme whose
    only article was a copy of the story issue 1 published)."""
    published = store.recent_published(RETOLD_ISSUES)
    if building:
        number = store.next_issue_number()
        published = [(number, a) for a in store.articles_by_ids(sorted(building))] + published
    return Earlier(published, story_boilerplate(store)) if published else None


@dataclass(frozen=True)
class Untold:
    """A subject's best unfeatured articles that tell no story the last issues published, each
    a story of its own, and the candidates read on the way that are not (`untold_best`)."""

    best: tuple[tuple[Article, float], ...]
    #: The ids of the candidates read that tell a story the last issues published: the build
    #: leaves them out, so nothing counts them as waiting (walk111 #2).
    told: frozenset[int]
    #: The ids of the candidates read that tell the same story as one of `best` (one story at two
    #: addresses, neither published): a build names them under it ("Also covered by"), so they
    #: are no article of their own to count (walk117 #1: a theme was ripe on one story twice).
    copies: frozenset[int] = frozenset()

    @property
    def not_counted(self) -> frozenset[int]:
        """The candidates read that no issue features as an article of their own."""
        return self.told | self.copies


def untold_best(
    store: Store,
    subject: str,
    enough: int,
    earlier: Earlier | None,
    *,
    min_score: float = 0.0,
    exclude: Collection[int] = (),
) -> Untold:
    """The best `enough` unfeatured articles under `subject` scoring at least `min_score` that
    tell no story of `earlier` (none: no issue is published), one per story, leaving out those
    of `exclude` (ids), read best first as a build reads them; and the candidates read on the
    way that tell a story of `earlier` or of one kept. Copies recorded by a build are not read
    (`Store.candidates`), so what is compared here is only what the last build has not seen:
    the newest articles, and subjects it did not read. Two candidates are one story by the
    comparison a build names copies under one entry with (`Earlier.told`), each compared only
    with those sharing a title word or a shingle."""
    best: list[tuple[Article, float]] = []
    told: set[int] = set()
    copies: set[int] = set()
    boilerplate = earlier.boilerplate if earlier is not None else story_boilerplate(store)
    kept = Earlier((), boilerplate, earlier.prints if earlier is not None else None)
    page = max(enough, 1) * CANDIDATES_PER_PLACE
    after: tuple[float, int] | None = None
    while len(best) < enough:
        rows = store.candidates(subject, page, after)
        for article, score, _ in rows:
            if score < min_score:
                return Untold(tuple(best), frozenset(told), frozenset(copies))
            if article.id in exclude:
                continue
            # (a copy of one kept first: an exact copy is found by its text's key, unfingerprinted)
            if kept.told(article) is not None:
                copies.add(article.id)
                continue
            if earlier is not None and earlier.told(article) is not None:
                told.add(article.id)
                continue
            if len(best) < enough:
                best.append((article, score))
            # (the rest of the page read is told apart too, so that a count leaves out every
            # copy among those read)
            kept.add(article)
        if len(rows) < page:
            break
        after = (rows[-1][1], rows[-1][0].id)
    return Untold(tuple(best), frozenset(told), frozenset(copies))


def placed_again(
    config: Config,
    store: Store,
    sections: Sequence[Section],
    model: list[SubjectModel],
    say: Say | None,
) -> bool:
    """Place the articles `sections` feature (not those the editor corrected) again with the
    current model (kept in `model` once read), from their stored counts; store and `say` each
    one it places under no subject or another subject than it was stored under, and return
    whether there was one. Stored articles keep the place an earlier fit gave them until every
    one is placed again (at a move, an exclusion or a change of subjects), while the model is
    learnt again as the archive grows: walk108 #2's issue featured two articles an earlier fit
    placed under "The basics of customer experience" by generic words (experience, basic,
    different) that `subjects explain` said curator now placed under no subject."""
    corrections = store.corrections()
    chosen = [
        (s.subject, e.article)
        for s in sections
        for e in s.entries
        if e.article.id and e.article.url not in corrections
    ]
    if not chosen:
        return False
    if not model:
        model.append(current_model(config, store, corrections, say=say))
    current = model[0]
    ids = [a.id for _, a in chosen]
    counts = _counts(store, phrase_keys(current.phrases), ids)
    placing = _with_words(current, store)
    rows = []
    for subject, article in chosen:
        now = placing.assign_counts(article.url, counts[article.id])
        if now.subject == subject:
            continue
        rows.append((article.id, now.subject, now.score, now.matched))
        if say is not None:
            where = f'under "{now.subject}"' if now.subject else "under no subject"
            say(
                f'"{article.title}" ({article.url}) was stored under "{subject}" by what curator'
                f" had learnt when it placed it; placed again with what it has learnt since, it"
                f' goes {where}, so this issue does not feature it under "{subject}" (`curator'
                f" subjects explain {shell_arg(article.url)}` says why; `curator subjects move"
                f" {shell_arg(article.url)} {shell_arg(subject)}` puts it back)"
            )
    if rows:
        store.save_assignments(rows, current.fingerprint)
    return bool(rows)


def told_copies(
    store: Store, subjects: Iterable[str], enough: int, *, min_score: float = 0.0
) -> dict[int, tuple[Article, int]]:
    """The unfeatured articles under `subjects` that no issue features for each tells a story one
    of the last issues published, as a build finds them (each subject's best read until `enough`
    others are found, `untold_best`, and the copies a build recorded), by id: the article that
    issue published and its number. For the editor to see why a count leaves them out (walk116
    #1: "0 unfeatured articles fit it" while `subjects list` showed one, a copy, unmarked)."""
    earlier = told_check(store)
    out: dict[int, tuple[Article, int]] = {}
    above = min_score - 1e-9 if min_score > 0 else None
    for subject in subjects:
        found = untold_best(store, subject, enough, earlier, min_score=min_score)
        if earlier is not None and found.told:
            for article in store.articles_by_ids(sorted(found.told)):
                if (told := earlier.told(article)) is not None:
                    out[article.id] = (told[0], told[1])
        for copy, published, number, _ in store.recorded_retold(subject, above):
            out.setdefault(copy.id, (published, number))
    return out


def with_recorded(
    store: Store,
    sections: tuple[Section, ...],
    subjects: Sequence[Subject],
    size: int,
    found: Collection[int],
) -> tuple[Section, ...]:
    """`sections` with, in each subject's `retold`, the copies an earlier run recorded (not
    `found` now) that would have been featured otherwise (scoring over the last entry's)."""
    by_name = {s.subject: s for s in sections}
    out = []
    for subject in subjects:
        section = by_name.get(subject.name)
        entries = section.entries if section is not None else ()
        lowest = min(e.score for e in entries) if len(entries) >= size else None
        recorded = tuple(
            Retold(copy, subject.name, earlier, issue, why, recorded=True)
            for copy, earlier, issue, why in store.recorded_retold(subject.name, lowest)
            if copy.id not in found
        )
        if section is None and recorded:
            section = Section(subject.name, subject.description)
        if section is not None:
            out.append(
                replace(section, retold=(*section.retold, *recorded)) if recorded else section
            )
    return tuple(out)


class Read:
    """A subject's candidates read from the store: the `limit` best, then, when those cannot show
    that no other could win a place (walk53 #4, walk54 #1), each publication's best down to a
    floor.

    Why reading can stop (`covers`): `pick_varied` fills each place with the best score left (a
    publication's repeats counted against it), and each place's score is no higher than the one
    before (`select.last_place`). An unread article scoring under the last place's score was
    under every place's, so it never was the best left, and with it every place goes as it went.
    Nor can an unread article win while an article of its publication ranking above it (by the
    score the issue weighs, boosted by recency when set) is left: each publication's are taken
    best first. So of each publication, its best down to the floor are read until `issue_size`
    of them are ones the selection did not drop (told before, or copies of a story taken): more
    than a subject has places. Copies and stories told before are known only once selected:
    the selection runs again with what more is read, until it needs nothing more."""

    def __init__(self, store: Store, subject: str, limit: int) -> None:
        self.limit = limit
        self.found = store.candidates(subject, limit)
        # (fewer than `limit`: every candidate is read)
        self.complete = len(self.found) < limit
        # The last of the `limit` best (score, id): `deepen` reads on after it.
        self.last = (self.found[-1][1], self.found[-1][0].id) if self.found else None
        # Every candidate scoring over `floor` is read (and, once `strict`, every one at it),
        # except, of each publication in `cut`, those ranking below its `tops`.
        self.floor = self.found[-1][1] if self.found else math.inf
        self.strict = False
        self.tops: dict[str, list[int]] = {}
        self.cut: set[str] = set()
        # Every candidate scoring at least `light_floor`, read light (`Store.candidates_from`)
        # as (minus its weighed score, id, publication), in the order the issue weighs them: the
        # floor only falls, so each `extend` reads only those under the one before.
        self.light: list[tuple[float, int, str]] = []
        self.light_floor = math.inf

    def deepen(self, store: Store, subject: str) -> None:
        """Read twice as many of the best (the places read went to copies and stories told)."""
        more = self.limit
        self.limit *= 2
        # (`complete` is False: the `limit` best were read, and `last` is the last of them)
        assert self.last is not None
        best = store.candidates(subject, more, after=self.last)
        have = {a.id for a, _, _ in self.found}
        self.found = sorted(
            [*self.found, *(f for f in best if f[0].id not in have)],
            key=lambda f: (-f[1], f[0].id),
        )
        self.complete = len(best) < more
        if best:
            self.last = (best[-1][1], best[-1][0].id)
            if not self.strict:
                self.floor = best[-1][1]

    def covers(self, floor: float, drops: Collection[int], size: int) -> bool:
        """Whether every candidate that could still win a place is read: each scoring at least
        `floor`, but of a publication only down to `size` of its best not in `drops`."""
        below = self.floor <= floor if self.strict else self.floor < floor
        return below and all(
            sum(i not in drops for i in self.tops[source]) >= size for source in self.cut
        )

    def extend(
        self,
        store: Store,
        subject: str,
        floor: float,
        drops: Collection[int],
        size: int,
        light: Callable[[LightRow], tuple[float, str]],
    ) -> None:
        """Read each publication's best scoring at least `floor` (besides those read), down to
        `size` of them not in `drops`; `light` gives a row's weighed score and publication."""
        floor = min(floor, self.floor)
        if floor < self.light_floor:  # (else `floor` is the one read down to last time)
            below = None if self.light_floor == math.inf else self.light_floor
            band = []
            for row in store.candidates_from(subject, floor, below):
                weighed, source = light(row)
                band.append((-weighed, row[0], source))
            # (two runs each in order: sorting merges them)
            self.light = sorted([*self.light, *band])
            self.light_floor = floor
        have = {a.id for a, _, _ in self.found}
        tops: dict[str, list[int]] = {}
        kept: Counter[str] = Counter()
        cut: set[str] = set()
        for _, article_id, source in self.light:
            if kept[source] >= size:
                cut.add(source)
                continue
            tops.setdefault(source, []).append(article_id)
            kept[source] += article_id not in drops
        wanted = [i for ids in tops.values() for i in ids if i not in have]
        more = store.candidates_by_id(subject, wanted) if wanted else []
        self.found = sorted([*self.found, *more], key=lambda f: (-f[1], f[0].id))
        self.floor, self.strict, self.tops, self.cut = floor, True, tops, cut


def light_rows(
    named: Callable[[Article], Article], boosted: Callable[[Article, float], float] | None
) -> Callable[[LightRow], tuple[float, str]]:
    """A candidate read light (`Store.candidates_from`): its score as the issue weighs it
    (`boosted`, None: as it is) and the publication the variety rule counts it under, as
    `named` credits it. The publication is worked out once per feed, stored publication, site
    name, link post and host (all that crediting reads of it), not once per article."""
    sources: dict[tuple[object, ...], str] = {}

    def article(row: LightRow) -> Article:
        i, _, url, publication, published, first_seen, site_name, link_post, feed = row
        return Article(
            id=i,
            url=url,
            title="",
            publication=publication,
            published=datetime.fromisoformat(published) if published else None,
            first_seen=datetime.fromisoformat(first_seen) if first_seen else None,
            feed_url=feed,
            site_name=site_name,
            link_post=bool(link_post),
        )

    def read(row: LightRow) -> tuple[float, str]:
        url = row[2]
        host = url.split("/", 3)[2] if url.startswith(("http://", "https://")) else url
        key = (row[8], row[3], row[6], bool(row[7]), host)
        source = sources.get(key)
        if source is None:
            source = sources[key] = publication_of(named(article(row)))
        return (boosted(article(row), row[1]) if boosted else row[1]), source

    return read


def feed_names(config: Config, store: Store) -> Callable[[Article], Article]:
    """An article of a configured feed credited at draft and build as a fetch now would credit
    it (`articles_credits.feed_publication`): the feed's `name:` in feeds.yaml, else the name its page
    gave its site (stored with it), else the feed's title. So a `name:` added, changed or removed
    after a fetch reaches the articles stored before (walk33 #1), and a credit that names the
    publication itself is dropped as a fetch drops it (`creditsites.credited`). A link post keeps its
    page's publication. An article stored before curator kept its page's site name gets a
    `name:` only when it was credited with the feed's title or nothing: for it, the store cannot
    tell an earlier name from the page's.

    An article whose credit the editor corrected in an issue (`Store.credit_corrections`: its
    draft's `author:` lines, or its issue-N.json) is credited as corrected, whatever its feed
    and page say, and says in which issue (`Article.credit_corrected_in`; walk158 #7: an issue
    featuring it again published the old credit). So is one whose blurb the editor corrected
    (`Store.blurb_corrections`, `Article.blurb_corrected_in`; walk167 #5), and one whose title
    the editor corrected in an issue-N.json (`Store.title_corrections`,
    `Article.title_corrected_in`; walk199 #2)."""
    names = {f.url: f.name for f in config.feeds}
    titles: dict[str, str | None] = {}
    newest: dict[str, dict[str, str]] = {}
    corrected = store.credit_corrections()
    blurbs = store.blurb_corrections()
    titles_fixed = store.title_corrections()

    def named(article: Article) -> Article:
        retitled = titles_fixed.get(article.id) if article.id else None
        if retitled is not None:  # the editor's title, from the issue that corrected it
            article = replace(article, title=retitled[1], title_corrected_in=retitled[0])
        rewritten = blurbs.get(article.id) if article.id else None
        if rewritten is not None:
            # the editor's blurb, from the issue that corrected it (walk167 #5)
            number, blurb, markdown = rewritten
            article = replace(
                article, blurb=blurb, blurb_markdown=markdown, blurb_corrected_in=number
            )
        fixed = corrected.get(article.id) if article.id else None
        if fixed is None:
            return by_feed(article)
        number, authors, publication = fixed
        # (whom the feed or the page named otherwise is no doubt left to the editor: decided)
        return replace(
            article,
            authors=authors,
            publication=publication,
            other_authors=(),
            credit_corrected_in=number,
        )

    def title(feed: str) -> str | None:
        if feed not in titles:
            titles[feed] = store.feed_state(feed).title
        return titles[feed]

    def site_name(feed: str, url: str) -> str | None:
        if feed not in newest:
            renamed = store.renamed_feed(feed)
            newest[feed] = store.newest_site_names(feed) if renamed else {}
        return newest[feed].get(urlsplit(url).hostname or "")

    def by_feed(article: Article) -> Article:
        feed = article.feed_url or ""
        if feed not in names or article.link_post:
            return article
        name = names[feed]
        if article.site_name is None:  # stored before curator kept its page's site name
            if name is None or article.publication == name:
                return article
            if article.publication and article.publication != title(feed):
                return article
            return replace(article, publication=name)
        site = article.site_name
        if site and name is None:
            # A publisher that renamed itself ("Hotel Weekly" -> "Hotel Weekly by MegaCorp": its
            # feed's title changed) is credited by the name its newest page on that site gives,
            # whatever the page of an older article said (walk169 #9: one issue credited it
            # under both names).
            site = site_name(feed, article.url) or site
        fresh = feed_publication(name, site, title(feed), article.url)
        if fresh is None or fresh == article.publication:
            return article
        return replace(article, publication=fresh, authors=credited(article.authors, fresh))

    return named


#: Recency's half-life: an article this many days old gets half the boost of one from today.
RECENCY_HALF_LIFE_DAYS = 90.0


def freshness(article: Article, now: datetime) -> float:
    """1 for an article from today, halving every `RECENCY_HALF_LIFE_DAYS`; 0 when undated. An
    article dated more than a day after curator first saw it is as old as that sighting (walk49
    #5: one dated next year stayed the newest until then)."""
    when = article.published or article.first_seen
    seen = article.first_seen
    if seen is not None and when is not None and when > seen + FUTURE_SLACK:
        when = seen
    if when is None:
        return 0.0
    age = max(0.0, (now - when).total_seconds() / 86400)
    return float(0.5 ** (age / RECENCY_HALF_LIFE_DAYS))
