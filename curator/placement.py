"""Placing stored articles under subjects: the scorer's model, stored assignments, an issue's candidates.

Scoring the whole archive at every build would grow with the archive; instead each article's subject
is stored with the fingerprint of the model that decided it, and only articles scored by another
model (new articles, found above the placed-through watermark, or every article after the editor
changed a subject or made a correction) are scored again. A build then reads each subject's best
unfeatured candidates from an index.

What placing needs is kept between builds too:
- each article's term counts, counted once when it is first placed (`curator.termcounts`), so
  re-placing the archive never reads a text again;
- the fitted model (`curator.modelcache`), fitted from the newest `CORPUS_SAMPLE` articles and the
  corrected ones, and used again while its fingerprint (the scorer, the subjects, the corrections)
  is the store's and the archive has grown by less than `REFIT_SHARE` of what it learnt from;
  otherwise it is fitted again (from the stored counts) and stored.
Re-placing many articles (`BULK_MIN`) scores them in batches of `SCORE_BATCH` with numpy
(`curator.batchscore`), on worker processes, the batches streamed from the store: bounded memory
whatever the archive's size.

The parts live in their own modules, which this one imports (every name they define is
importable from here too): `subjectrenames` (subjects renamed, respelt or gone under stored moves), `placing` (the model, term counts, scoring and storing placements), `candidates` (an issue's candidates read, credited and compared with stories told), `subjectplaces` (where articles are placed, as the subjects commands read it). This one chooses an issue's
articles from the candidates (`choose_sections`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from curator.candidates import (
    CANDIDATES_PER_PLACE,
    RECENCY_HALF_LIFE_DAYS,
    Untold,
    feed_names,
    freshness,
    light_rows,
    placed_again,
    story_boilerplate,
    told_check,
    told_copies,
    untold_best,
)
from curator.candidates import Read as _Read
from curator.candidates import as_printed as _as_printed
from curator.candidates import with_recorded as _with_recorded
from curator.config import Config
from curator.harvest import FetchSummary, after_placing
from curator.models import Article, Assignment, Issue, Section
from curator.nearcopies import template_copies
from curator.placing import (
    BULK_MIN,
    CORPUS_SAMPLE,
    COUNT_BATCH,
    COUNT_SECONDS_PER_10K,
    PLACED_HERE_MAX,
    PLACING,
    REFIT_SHARE,
    SCORE_BATCH,
    PlaceProgress,
    count_window,
    current_model,
    model_corpus,
    pending,
    place,
    refresh,
    weak_bars,
)
from curator.placing import fitted_model as _fitted
from curator.select import Earlier, Memo, last_place, select_sections
from curator.store import RETOLD_ISSUES, Store
from curator.subjectfit import resolve
from curator.subjectplaces import (
    CLOSE_SHARE,
    SUGGEST_SAMPLE,
    KeptSubject,
    correction_effect,
    keep_published_subjects,
    keyword_homes,
    like_excluded,
    one_per_story,
    one_word_fits,
    placed_articles,
    placed_now,
    rescore_published,
    subject_overlaps,
    suggest_subjects,
    uncertain_articles,
)
from curator.subjectrenames import (
    LOCAL_FILES_NAMED,
    NAME_LETTERS_ALIKE,
    NAME_WORDS_ALIKE,
    RENAME_CANDIDATES,
    Say,
    how_chosen,
    last_plan,
    plan_rename,
    renamed_to,
    respell_subjects,
    respelt_line,
    stale_moves,
    stale_moves_advice,
    tell_former_subjects,
    tell_local_files,
    tell_stale_moves,
)
from curator.subjects import Explanation, SubjectModel, Uncorrected, model_fingerprint
from curator.textfeatures import article_counts, matched_scripts, scripts, terms, words

#: A candidate is compared, story by story, with what this many recent issues published: a
#: syndicated copy or a press release's rewrite turns up within weeks of its story, and the
#: whole archive would be read and compared on every build for the rare later one (walk53 #1).
#: (`curator.store`'s: a copy found is recorded, and skipped while its story's issue is one of them)
#: Choosing an issue's articles says what it does once it has been at it this long, and again
#: each time as long after (README: progress within about 2 s).
CHOOSING_QUIET = 2.0


def choose_sections(
    config: Config,
    store: Store,
    now: datetime | None = None,
    *,
    theme: Sequence[str] = (),
    record: list[tuple[int, int, int, str]] | None = None,
    progress: Callable[[str], None] | None = None,
    tell: Say | None = None,
    _model: list[SubjectModel] | None = None,
) -> tuple[Section, ...]:
    """The next issue's sections: per subject, the most relevant articles never featured before;
    only the `theme`'s subjects, in its order, when one is given. A subject whose every
    candidate told a story a recent issue published comes without entries, with its `retold`.

    With `settings.recency_weight` (off by default), newer articles get a boost (see `freshness`).
    With `record`, the candidates found to tell a story one of the
    last `RETOLD_ISSUES` issues published are added to it, as `Store.record_retold` takes them,
    for the build to record once it said them (with the issue it publishes; a draft's, with the
    issue `build --draft` publishes from it): later runs skip
    them, and list them among the `retold` without saying them again (`Retold.recorded`).
    `progress` is told what it does when that takes more than `CHOOSING_QUIET` seconds.

    The articles chosen are placed again with the current model (`placed_again`): one placed
    by an earlier fit that curator would now place under no subject, or another, is stored
    there and the issue chosen again, and `tell` is told (walk108 #2).
    """
    started = time.monotonic()
    # (when a line was last said: none until choosing has taken `CHOOSING_QUIET` seconds)
    said_at: list[float] = []

    def say(line: str, *, first: bool = False) -> None:
        now = time.monotonic()
        if progress is None or now - started < CHOOSING_QUIET:
            return
        if first or (said_at and now - said_at[-1] >= CHOOSING_QUIET):
            said_at.append(now)
            progress(line)

    refresh(config, store)
    weight = config.settings.recency_weight
    named = feed_names(config, store)
    by_name = {s.name: s for s in config.subjects}
    # (one section per subject, a theme naming one twice or not: walk111 #1)
    subjects = [by_name[name] for name in dict.fromkeys(theme)] if theme else list(config.subjects)
    boilerplate = story_boilerplate(store)

    def boosted(article: Article, score: float) -> float:
        return score * (1 + weight * freshness(article, now)) if weight and now else score

    size = config.issue_size
    limit = size * CANDIDATES_PER_PLACE * (3 if weight else 1)
    reads = {s.name: _Read(store, s.name, limit) for s in subjects}
    light = light_rows(named, boosted if weight and now else None)
    published = store.recent_published(RETOLD_ISSUES)
    prints = Memo()  # (each article's fingerprint, and each pair's comparison, made once)
    issues = len({n for n, _ in published})
    told: dict[int, tuple[int, int, str]] = {}
    # (said once choosing has taken `CHOOSING_QUIET` s, from a timer: one round can take long)
    start_line = (
        f"choosing articles for {len(subjects)} subject(s): each one's best candidates,"
        f" compared with the {len(published):,} articles the last {issues} issue(s) published"
    )
    timer = threading.Timer(CHOOSING_QUIET, say, (start_line,), {"first": True})
    timer.daemon = True
    if progress is not None:
        timer.start()
    try:
        while True:
            have = sum(len(r.found) for r in reads.values())
            say(
                f"choosing articles: {have:,} candidates read, {len(told):,} of them left out as"
                " stories published before; reading more"
            )
            candidates: list[Article] = []
            assignments: dict[str, Assignment] = {}
            for subject in subjects:
                for article, score, matched in reads[subject.name].found:
                    if theme and score < config.themes.min_score:
                        continue  # a themed issue features only articles that fit its subjects well
                    candidates.append(named(article))
                    assignments[article.url] = Assignment(
                        subject.name, boosted(article, score), matched=matched
                    )
            dropped: dict[str, set[int]] = {}
            told = {}
            sections = select_sections(
                candidates,
                assignments,
                subjects,
                size,
                boilerplate,
                published,
                dropped,
                prints,
                told,
            )
            chosen = {s.subject: s.entries for s in sections}
            more = False
            for subject in subjects:
                read = reads[subject.name]
                entries = chosen.get(subject.name, ())
                if read.complete:
                    continue
                if len(entries) < size:  # (copies and stories told before took the places read)
                    if not (theme and read.found[-1][1] < config.themes.min_score):
                        read.deepen(store, subject.name)
                        more = True
                    continue
                # An unread article under the last place's score (boosted at most 1 + weight)
                # never wins a place (see `_Read`).
                floor = last_place(entries) / (1 + weight)
                if theme:
                    floor = max(floor, config.themes.min_score)
                drops = dropped.get(subject.name, set())
                if not read.covers(floor, drops, size):
                    read.extend(store, subject.name, floor, drops, size, light)
                    more = True
            if not more:
                break
    finally:
        timer.cancel()
    _model = [] if _model is None else _model
    if placed_again(config, store, sections, _model, tell):
        # (each article is placed again at most once: the model does not change in a run)
        return choose_sections(
            config,
            store,
            now,
            theme=theme,
            record=record,
            progress=progress,
            tell=tell,
            _model=_model,
        )
    # Copies found of stories the last issues told: recorded, so no later run reads them again
    # (walk81 #1: each build read and compared every copy of every story told, deeper each week);
    # the draft still lists those recorded, each once, for the editor to feature one all the same.
    # Recorded by the caller, with what says them (walk85 B: a build stopped by an edited draft
    # recorded 518 copies no run ever named).
    if record is not None:
        record.extend((i, n, e, why) for i, (n, e, why) in told.items())
    if progress is not None and said_at:  # (said what it did: says it is done)
        picked = sum(len(s.entries) for s in sections)
        recorded = (
            " (recorded when the issue is published: later builds skip them)"
            if record is not None and told
            else ""
        )
        progress(
            f"chose {picked} article(s) in {time.monotonic() - started:.0f} s; {len(told):,}"
            f" left out as stories published before{recorded}"
        )
    return _as_printed(store, _with_recorded(store, sections, subjects, size, set(told)))


def explain_article(
    config: Config, store: Store, article: Article, say: Say | None = None
) -> Explanation:
    """Why the article lands where it does: per subject, its score and the terms that matched
    (and the subject the editor moved it to, when feeds.yaml no longer has it)."""
    refresh(config, store, say=say)  # (so that the article's stored place is current)
    corrections = store.corrections()
    model = current_model(config, store, corrections, say=say)
    explanation = model.explain(article)
    moved_to = corrections.get(article.url)
    if moved_to is not None and resolve(moved_to, config.subjects) is None:
        explanation = replace(explanation, moved_to_former=moved_to)
    if article.url not in corrections:
        explanation = _as_published(config, store, article, explanation)
    if (
        corrections
        and article.url not in corrections
        and explanation.published_in is None
        and not store.issues_featuring(article.id)
    ):
        explanation = _without_corrections(config, store, model, article, explanation)
    if article.url not in corrections and explanation.published_in is None:
        placed, subject = store.stored_subject(article.id)
        if placed and subject != explanation.subject:
            explanation = replace(explanation, stored_under=subject, stored_differs=True)
    # (walk155 #9: one of 2,000 articles of one template, said "not typical enough")
    template = template_copies(config, store, article.id, article.feed_url)
    if template is not None:
        explanation = replace(
            explanation, template=(template.count, template.feed_url, template.feed)
        )
    if explanation.published_in is None and not store.issues_featuring(article.id):
        # (walk155 #10: the draft and build said it, explain did not) As a build finds it: one a
        # build recorded (left out for good), else by comparing it with the last issues.
        copy_of = store.retold_copy(article.id)
        if copy_of is None and (earlier := told_check(store)) is not None:
            told = earlier.told(article)
            if told is not None:
                copy_of = (told[1], told[0].title, told[0].url, told[2])
        if copy_of is not None:
            number, title, url, why = copy_of
            day = next((i.day.date().isoformat() for i in store.issues() if i.number == number), "")
            explanation = replace(explanation, copy_of=(number, day, title, url, why))
    if explanation.decision == "placed" and explanation.subject is not None:
        # The bars the draft and `curator themes` hold it to (walk168 #4), said with its verdict.
        subject = explanation.subject
        bars = dict(zip(model.names, model.bars, strict=True))
        usual = store.usual_scores([article.id] if article.id is not None else []).of(
            subject, article.id
        )
        lone = one_word_fits(config, store, [(article, subject, explanation.score)], model)
        # The draft's and `uncertain`'s "like an article you excluded" note, said here too, so
        # explain never contradicts them (CLOSING17: fixhe's note was missing here).
        like = like_excluded(config, store, [(article, subject)], model)
        explanation = replace(
            explanation,
            weak_bar=bars.get(subject),
            usual=usual,
            one_word=lone.get(article.url),
            like_excluded=like.get(article.url),
        )
    return explanation


def _as_published(
    config: Config, store: Store, article: Article, explanation: Explanation
) -> Explanation:
    """The explanation of an article an issue featured under one of feeds.yaml's subjects other
    than the one curator gives it (a draft put it there, or curator learnt since): it stays
    under the issue's subject (see `keep_published_subjects`), and says what curator would do."""
    published = store.published_subject(article.id)
    if published is None or published == explanation.subject:
        return explanation
    if published not in {s.name for s in config.subjects}:  # retired since (walk86 #1)
        return replace(
            explanation,
            published_elsewhere=(store.issues_featuring(article.id)[0], published),
            printed_under=store.printed_subject(article.id),
            own_section=store.printed_own_section(article.id),
        )
    if published == explanation.subject:
        return explanation
    there = next((s.score for s in explanation.scores if s.subject == published), 0.0)
    return replace(
        explanation,
        subject=published,
        score=there,
        decision="published",
        published_in=store.issues_featuring(article.id)[0],
        printed_under=store.printed_subject(article.id),
        curator_verdict=explanation.verdict(),
        curator_subject=explanation.subject,
    )


def _without_corrections(
    config: Config, store: Store, model: SubjectModel, article: Article, explanation: Explanation
) -> Explanation:
    """`explanation`, saying where the article would go if the editor had corrected nothing,
    when that is elsewhere: the editor's moves of other articles pulled it (or pushed it out),
    and the move to where it is now most like it is the one that pulls it there.
    Fitted for this question alone (0.5-2 s) and not stored: placing uses the current model."""
    sample = store.sample_ids(CORPUS_SAMPLE)
    alone = SubjectModel.of(_fitted(config, store, {}, sample)).assign_one(article).subject
    if alone == explanation.subject:
        return explanation
    nearest = model.nearest_move(article, explanation.subject)
    if nearest is None:
        return replace(explanation, uncorrected=Uncorrected(alone))
    url, moved_to = nearest
    found = store.article_by_url(url)
    title = found.title if found is not None else None
    return replace(explanation, uncorrected=Uncorrected(alone, url, title, moved_to))


@dataclass(frozen=True)
class LeftOut:
    """What an issue did not feature, said after a build or a draft (walk53 #5: "9 article(s)
    in 3 subject(s)", and `--json` "unplaced": 0, while 64 articles fit no subject)."""

    #: Articles in no issue yet that fit none of the subjects (`curator subjects list --unplaced`).
    unplaced: int
    #: Of those, the ones this run stored (None when the run fetched nothing).
    unplaced_new: int | None
    #: Per subject of the issue, the articles under it left for a later issue by `issue_size`.
    waiting: dict[str, int]
    #: Per subject of the issue, those left out for variety (`Section.passed_over`), best first.
    variety: dict[str, tuple[Article, ...]]
    #: The articles an issue takes per subject (`newsletter: issue_size`).
    issue_size: int
    #: With no issue: of the `unplaced`, how many declare each language other than the
    #: newsletter's (`lang="de"` on their page), most first (walk97 #6).
    other_languages: tuple[tuple[str, int], ...] = field(default=())
    #: The newsletter's language (`newsletter: language`).
    language: str = "en"
    #: Per subject of an issue built from a draft, how many of those `waiting` the draft left
    #: out while `issue_size` had room for them: cut from it (walk142 #11: said as left by
    #: issue_size).
    cut: dict[str, int] = field(default_factory=dict)
    #: Per subject of an issue built from a draft, the articles curator had under it that the
    #: draft published under another of its sections, by that section: {subject: {section: n}}
    #: (walk153 #3: one moved to "# Service operations" was said "cut from the draft").
    moved: dict[str, dict[str, int]] = field(default_factory=dict)
    #: The sections of an issue built from a draft that the editor added (a subject outside the
    #: draft's `theme:`): curator's draft had none, so nothing of theirs was cut from it nor
    #: left out for variety (walk154 NEW-2: said "3 cut from the draft" of one).
    added: tuple[str, ...] = ()
    #: Per subject curator's draft had a section for that the issue built from it has not (the
    #: editor removed it whole, or the draft was cut off), how many of its articles the issue
    #: does not publish: cut from the draft too (walk174 #1: never said).
    dropped: dict[str, int] = field(default_factory=dict)
    #: The subjects of feeds.yaml the issue has no section for because nothing under them waits
    #: (walk176 #2: they vanished from the summary without a word): (subject, articles placed
    #: under it, how many of those an issue featured). Not the subjects a plan of themes left
    #: out (an issue with a theme says nothing of them).
    empty: tuple[tuple[str, int, int], ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "added_in_draft": list(self.added),
            "unplaced": self.unplaced,
            "unplaced_new": self.unplaced_new,
            "issue_size": self.issue_size,
            "left_for_later": {**self.waiting, **{name: 0 for name, _, _ in self.empty}},
            "empty_subjects": [
                {"subject": name, "fit": placed, "featured_before": featured}
                for name, placed, featured in self.empty
            ],
            "cut_from_draft": {**self.cut, **self.dropped},
            "moved_in_draft": self.moved,
            "left_out_for_variety": {
                subject: [a.url for a in articles] for subject, articles in self.variety.items()
            },
        }


def left_out(
    config: Config,
    store: Store,
    issue: Issue | None,
    after: int | None = None,
    *,
    from_draft: bool = False,
    kept: Sequence[KeptSubject] = (),
) -> LeftOut:
    """What `issue` (None: no issue) leaves out: the articles fitting no subject (with `after`,
    the newest article's id before the run, how many of them the run stored) and, per subject of the issue, how many wait for
    a later one and which were left out for variety. The issue's articles count as featured
    whether it is recorded (a build) or not (a draft). `from_draft`: the issue was built from a
    draft, whose cuts `LeftOut.cut` counts; `kept`, the articles it published under another
    subject than curator had given them (`keep_published_subjects`), which `LeftOut.moved`
    counts under the subject they left."""
    fingerprint = model_fingerprint(config.subjects, store.corrections())
    placed_by, through = store.placement_state()
    if placed_by != fingerprint or through < store.newest_article_id():
        refresh(config, store)  # (a run that placed nothing: every feed failed)
    unplaced = store.unassigned_count(fingerprint)
    new = store.unassigned_count(fingerprint, after) if after is not None else None
    sections = issue.sections if issue is not None else ()
    featured = [a.id for s in sections for e in s.entries for a in (e.article, *e.copy_articles)]
    # (nor do the copies of stories published before wait: no later issue takes them, walk58 #3)
    # (the ids a build said so, for an issue from a draft, whose sections did not look)
    told = [*(i for s in sections for i in s.told_before), *store.retold_said()]
    leaving = {*featured, *told}
    waiting = store.waiting_counts([s.subject for s in sections], leaving)
    if sections:
        # (nor do the copies of this issue's stories, nor a second copy of one that waits: the
        # best of those waiting are read as a build reads them, walk117 #1)
        this = Earlier(
            [(0, e.article) for s in sections for e in s.entries], story_boilerplate(store)
        )
        for section in sections:
            found = untold_best(store, section.subject, config.issue_size, this, exclude=leaving)
            waiting[section.subject] = max(0, waiting[section.subject] - len(found.not_counted))
    variety = {s.subject: tuple(p.article for p in s.passed_over) for s in sections}
    variety = {k: v for k, v in variety.items() if v}
    others: tuple[tuple[str, int], ...] = ()
    if issue is None and unplaced:
        own = _primary(config.language)
        counts: dict[str, int] = {}
        for language, n in store.unassigned_languages(fingerprint).items():
            if language and _primary(language) != own:
                counts[language] = counts.get(language, 0) + n
        others = tuple(sorted(counts.items(), key=lambda c: (-c[1], c[0])))
    # From a draft, the articles it published under another of its sections (walk153 #3), then
    # those `issue_size` had room for besides: the draft's choice, not the cap's.
    moved: dict[str, dict[str, int]] = {}
    names = {s.subject for s in sections}
    for k in kept if from_draft else ():
        if k.curator is not None and k.curator in names and k.subject != k.curator:
            into = moved.setdefault(k.curator, {})
            into[k.subject] = into.get(k.subject, 0) + 1
    # A section of a subject outside the draft's theme is the editor's: curator's draft had
    # none, so nothing was cut from it (walk154 NEW-2).
    theme = {t.casefold() for t in issue.theme} if issue is not None else set()
    subjects = {s.name.casefold() for s in config.subjects}
    added = tuple(
        s.subject
        for s in sections
        if from_draft
        and theme
        and s.subject.casefold() not in theme
        and s.subject.casefold() in subjects
    )
    cut = {
        s.subject: min(
            waiting.get(s.subject, 0),
            max(0, config.issue_size - len(s.entries) - sum(moved.get(s.subject, {}).values())),
        )
        for s in sections
        if from_draft and s.subject not in added
    }
    cut = {k: v for k, v in cut.items() if v}
    dropped: dict[str, int] = {}
    if from_draft and issue is not None:
        shown = {s.subject.casefold() for s in sections}
        taken = set(featured)
        for subject, ids in store.draft_sections(issue.number).items():
            if subject.casefold() not in shown and any(i not in taken for i in ids):
                dropped[subject] = sum(i not in taken for i in ids)
    empty: tuple[tuple[str, int, int], ...] = ()
    if issue is not None and not issue.theme:
        shown = {s.subject.casefold() for s in sections}
        absent = [s.name for s in config.subjects if s.name.casefold() not in shown]
        idle = store.waiting_counts(absent, leaving)
        sizes = store.subject_sizes([name for name in absent if not idle[name]])
        empty = tuple((name, *sizes[name]) for name in absent if name in sizes)
    return LeftOut(
        unplaced,
        new,
        waiting,
        variety,
        config.issue_size,
        others,
        config.language,
        cut,
        moved,
        added,
        dropped,
        empty,
    )


def placed_fetch(config: Config, store: Store, summary: FetchSummary) -> FetchSummary:
    """`summary` with each feed's note of articles in other scripts computed from those of its
    new articles that placing left under no subject (`harvest.after_placing`); call it once the
    run placed them (after `left_out`, which places what is not placed yet)."""
    urls = [url for report in summary.feeds for url in report.new_urls]
    if not urls:
        return summary
    fingerprint = model_fingerprint(config.subjects, store.corrections())
    return after_placing(summary, store.unassigned_urls(fingerprint, urls))


def other_language_note(config: Config, article: Article) -> str:
    """What `subjects explain` says of an article whose page declares another language than the
    newsletter's (walk102 #4: a German article under English subjects showed "best score 0.000"
    alone, though the build pointed there for why one fits none); "" when it declares none or the
    newsletter's, or a subject's word matched one of its words (walk151 #8: the advice was given
    of a French article that matched at 0.469). When a keyword in the article's script is there
    but matched none of its words, that keyword, and the form of it the article uses."""
    language = article.language.strip()
    if not language or _primary(language) == _primary(config.language):
        return ""
    counted = article_counts(article, {})
    said = [(w, True) for s in config.subjects for w in s.keywords]
    said += [(s.name, False) for s in config.subjects]
    if any((found := terms(w)) and all(t in counted for t in found) for w, _ in said):
        return ""
    # walk155 #8: a feeds.yaml with no `language:` line is not cited as having one
    where = (
        f"`language: {config.language}` in {config.path}"
        if config.language_given
        else f"the default, `language: {config.language}`"
    )
    # fixgk: the language is its page's, or its feed's when the page declares none (walk159 #2),
    # and an article does not record which: the words name neither.
    head = (
        f'It is in another language (lang="{language}", as its page or its feed declares) than'
        f" the newsletter's ({where}):"
    )
    text = f"{article.title or ''} {(article.summary or article.text or '')[:1000]}"
    own = scripts(text) - {"Latin"}
    theirs = [w for w, keyword in said if keyword and matched_scripts(w) & own]
    # walk151 #8: a Latin-script keyword of its language ("Straßenbahn") that a longer word of
    # the article holds ("Straßenbahnen") is named too, not only one of another script.
    held = set(words(text))
    theirs += [
        w
        for w, keyword in said
        if keyword
        and w not in theirs
        and len(low := w.lower()) >= 4
        and " " not in low
        and any(low in h and h != low for h in held)
    ]
    if theirs:
        example = _form_used(theirs[0], text)
        use = f" (e.g. '{example}')" if example else ""
        return (
            f"{head} your keyword '{theirs[0]}' is in its language but matched none of its"
            f" words: write the form the article uses{use}, as a keyword of the subject it"
            " belongs under."
        )
    return (
        f"{head} a subject fits an article by the words it uses, so write keywords in its"
        " language too (or a subject of its own) if it belongs in the newsletter."
    )


def _form_used(keyword: str, text: str) -> str:
    """The word of `text` the keyword is likeliest a form of: one that holds it ("الترام" of
    "ترام"), else the one sharing the longest beginning with it (three letters or more); ""
    for none."""
    low = keyword.lower()
    found = [w for w in words(text) if w != low]
    holding = [w for w in found if low in w]
    if holding:
        return min(holding, key=lambda w: (len(w), w))
    best, size = "", 2
    for w in found:
        n = len(os.path.commonprefix([w, low]))
        if n > size:
            best, size = w, n
    return best


def _primary(language: str) -> str:
    """A language tag's language alone: "de" of "de-DE" or "DE_at"."""
    return language.strip().lower().replace("_", "-").split("-", 1)[0]


__all__ = [
    "BULK_MIN",
    "CANDIDATES_PER_PLACE",
    "CHOOSING_QUIET",
    "CLOSE_SHARE",
    "CORPUS_SAMPLE",
    "COUNT_BATCH",
    "COUNT_SECONDS_PER_10K",
    "KeptSubject",
    "LOCAL_FILES_NAMED",
    "LeftOut",
    "NAME_LETTERS_ALIKE",
    "NAME_WORDS_ALIKE",
    "PLACED_HERE_MAX",
    "PLACING",
    "PlaceProgress",
    "RECENCY_HALF_LIFE_DAYS",
    "REFIT_SHARE",
    "RENAME_CANDIDATES",
    "SCORE_BATCH",
    "SUGGEST_SAMPLE",
    "Say",
    "Untold",
    "choose_sections",
    "correction_effect",
    "count_window",
    "current_model",
    "explain_article",
    "feed_names",
    "freshness",
    "how_chosen",
    "keep_published_subjects",
    "keyword_homes",
    "last_plan",
    "left_out",
    "light_rows",
    "like_excluded",
    "model_corpus",
    "one_per_story",
    "one_word_fits",
    "other_language_note",
    "pending",
    "place",
    "placed_again",
    "placed_articles",
    "placed_fetch",
    "placed_now",
    "plan_rename",
    "refresh",
    "renamed_to",
    "rescore_published",
    "respell_subjects",
    "respelt_line",
    "stale_moves",
    "stale_moves_advice",
    "story_boilerplate",
    "subject_overlaps",
    "suggest_subjects",
    "tell_former_subjects",
    "tell_local_files",
    "tell_stale_moves",
    "told_check",
    "told_copies",
    "uncertain_articles",
    "untold_best",
    "weak_bars",
]
