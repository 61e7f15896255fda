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
importable from here too): `subjectrenames` (subjects renamed, respelt or gone under stored moves), `placing` (the model, term counts, scoring and storing placements), `candidates` (an issue's candidates read, credited and compared with stories told). This one chooses an issue's
articles from the candidates (`choose_sections`).
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
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
from curator.errors import shell_arg
from curator.harvest import FetchSummary, after_placing
from curator.models import Article, Assignment, Issue, Placed, Section
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
from curator.placing import counts_of as _counts
from curator.placing import fitted_model as _fitted
from curator.placing import place_under as _place_under
from curator.placing import with_words as _with_words
from curator.select import Earlier, Memo, last_place, select_sections
from curator.store import RETOLD_ISSUES, Store
from curator.stories import Fingerprint, boilerplate_shingles, fingerprint, same_story_reason
from curator.subjectfit import SCORE_FLOOR, resolve, subject_phrases
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
from curator.subjects import (
    ONE_WORD_BELOW,
    Change,
    Explanation,
    LikeExcluded,
    OneWord,
    Overlap,
    SubjectModel,
    Suggestion,
    Uncertain,
    Uncorrected,
    changes,
    like_excluded_of,
    model_fingerprint,
    overlaps,
    suggest,
    uncertain,
)
from curator.suggest import leaning
from curator.termcounts import phrase_keys
from curator.textfeatures import (
    Vector,
    article_counts,
    matched_scripts,
    phrase_key,
    scripts,
    terms,
    words,
)

#: A candidate is compared, story by story, with what this many recent issues published: a
#: syndicated copy or a press release's rewrite turns up within weeks of its story, and the
#: whole archive would be read and compared on every build for the rare later one (walk53 #1).
#: (`curator.store`'s: a copy found is recorded, and skipped while its story's issue is one of them)
#: Choosing an issue's articles says what it does once it has been at it this long, and again
#: each time as long after (README: progress within about 2 s).
CHOOSING_QUIET = 2.0
#: At most this many unplaced articles are grouped into suggested subjects.
SUGGEST_SAMPLE = 2000
#: An unplaced article comes close to its best subject when it scores at least this share of the
#: subject's bar there. (On the sci.* posts an editor's subjects left unplaced, those of a subject
#: scored 0.5-1 of its bar, half to three quarters of them over 0.5; real sport stories in a
#: customer experience newsletter 0.05-0.4 of their best subject's, but one.)
CLOSE_SHARE = 0.5


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


def suggest_subjects(
    config: Config,
    store: Store,
    k: int | None = None,
    say: Say | None = None,
    progress: PlaceProgress | None = None,
) -> tuple[Sequence[Suggestion], int]:
    """Proposed subjects for the articles that fit none of the editor's, and how many such
    articles (in no issue yet, at most `SUGGEST_SAMPLE`) they were drawn from (placement made
    current first, `progress` told how far it got)."""
    refresh(config, store, say=say, progress=progress)
    fingerprint = model_fingerprint(config.subjects, store.corrections())
    left_over = store.unassigned_articles(fingerprint, SUGGEST_SAMPLE)
    found = suggest(left_over, k=k)
    if not found:
        return found, len(left_over)
    # The subject each of them comes close to: its best, when its score there comes near the
    # subject's bar (`CLOSE_SHARE`). A proposal most of whose articles come close to one subject
    # reads like that subject, a wider one. (Every article has a best subject: a sport story's,
    # in a customer experience newsletter, says nothing.)
    model = current_model(config, store, store.corrections(), say=say)
    grouped = {url for s in found for url in s.urls}
    nearest = {}
    for a in left_over:
        if a.url in grouped:
            j = model.judge(a)
            if j.scores and j.score >= max(CLOSE_SHARE * j.bar, SCORE_FLOOR):
                nearest[a.url] = j.scores[0][0]
    leans = [leaning(s, config.subjects, nearest) for s in found]
    return [replace(s, leans_to=lean) for s, lean in zip(found, leans, strict=True)], len(left_over)


def placed_articles(
    config: Config,
    store: Store,
    subject: str | None = None,
    *,
    unplaced: bool = False,
    limit: int | None = None,
    say: Say | None = None,
    progress: PlaceProgress | None = None,
) -> list[Placed]:
    """The stored articles by subject in feeds.yaml's order, with score and who placed them
    (placement made current first, `progress` told how far it got): under `subject` only, or
    only those under no subject with `unplaced`. Each is credited as the next issue credits it
    (`feed_names`: walk176 #8, a feed's `name:` added in feeds.yaml was the draft's publication,
    while `subjects list --json` still gave the feed's old title)."""
    refresh(config, store, say=say, progress=progress)
    order = [s.name for s in config.subjects]
    found = store.placements(subject, unplaced=unplaced, limit=limit, order=order)
    named = feed_names(config, store)
    found = [
        p if (art := named(p.article)) == p.article else replace(p, article=art) for p in found
    ]
    if unplaced:
        return found
    # (a copy of a published story is listed as one: walk116 #1)
    names = [subject] if subject is not None else order
    enough = max(config.themes.min_articles, config.issue_size)
    copies = told_copies(store, names, enough, min_score=config.themes.min_score)
    return [
        replace(p, copy_of=copies[p.article.id])
        if p.article.id in copies and not p.featured_in
        else p
        for p in found
    ]


def keyword_homes(config: Config, store: Store, subject: str) -> list[tuple[str, int]]:
    """Where the articles that use a keyword of `subject` are placed, among the articles the
    scorer learns from (the newest `CORPUS_SAMPLE` and the corrected ones): (subject, how many),
    most first, other subjects only (walk176 #9: a subject split in two listed its empty half as
    a bare 0, while its keywords were in articles under the other half)."""
    wanted = next((s for s in config.subjects if s.name == subject), None)
    if wanted is None:
        return []
    keys = set()
    for kw in wanted.keywords:
        toks = terms(kw)
        if toks:
            keys.add(toks[0] if len(toks) == 1 else phrase_key(toks))
    if not keys:
        return []
    phrases = phrase_keys(subject_phrases(config.subjects))
    ids = [a.id for a in model_corpus(store)]
    counts = _counts(store, phrases, ids)
    using = [i for i, c in counts.items() if not keys.isdisjoint(c)]
    where = Counter(s for s in store.stored_subjects(using).values() if s and s != subject)
    return where.most_common()


def uncertain_articles(
    config: Config, store: Store, limit: int, say: Say | None = None, newest: int = CORPUS_SAMPLE
) -> tuple[list[Uncertain], dict[str, str | None]]:
    """The unfeatured articles the model is least sure of, among the `newest` (`CORPUS_SAMPLE`
    unless the editor widens it: walk160 #6):
    where the editor's corrections teach the most. Only those it is unsure of in fact
    (`Uncertain.unsure`): fewer than `limit` when the others are placed clearly. One story is
    listed once: a copy at another address is named with the first of them (`one_per_story`).
    Those an earlier run listed under the subject they are under now (the editor left them as
    placed) come after the others, marked `listed_before` (walk129 #5: the same three correctly
    placed posts took 3 of 10 places every week); the ones returned are remembered. A dead
    link (its page gone: no issue can feature it) is left out (walk146 #3). Returned with what
    to remember (`Store.record_uncertain_listed`): each address listed, with where it is."""
    refresh(config, store, say=say)  # (so that each article's stored place is current)
    corrections = store.corrections()
    articles = store.recent_unfeatured(newest)
    model = current_model(config, store, corrections, say=say)
    found = uncertain(model, articles, limit=len(articles))
    earlier = store.uncertain_listed()
    ids = {a.url: a.id for a in articles}
    stored = store.stored_subjects([ids[u.url] for u in found if u.unsure])

    def where(url: str, subject: str | None) -> str | None:
        """Where the article is stored (its subject, None: none); where the model would place
        it when it has no stored placement."""
        return stored[ids[url]] if url in ids and ids[url] in stored else subject

    # Listed before and left where it is stored: marked, whatever the model would place it
    # under now (walk136 #129-5: the mark was dropped whenever that changed, as a week's new
    # articles made it, and the same articles came back first, unmarked).
    # Those placed mostly on one word, far under their subject's usual score, come first: the
    # model is sure of them (no subject comes near), and wrong (walk153 #1).
    by_url = {a.url: a for a in articles}
    lone = one_word_fits(
        config,
        store,
        [(by_url[u.url], u.subject, u.score) for u in found if u.subject and u.url in by_url],
        model,
    )
    # So do those like an article the editor excluded, with no note of their own before
    # (walk168 #2: a near-twin of an excluded article was placed, and not listed).
    like = like_excluded(
        config,
        store,
        [(by_url[u.url], u.subject) for u in found if u.subject and u.url in by_url],
        model,
    )
    found = [
        *(
            replace(u, reason="one word", unsure=True, sureness=0.0, one_word=lone[u.url])
            for u in found
            if u.url in lone
        ),
        *(
            replace(u, reason="like excluded", unsure=True, sureness=0.0, like_excluded=like[u.url])
            for u in found
            if u.url in like and u.url not in lone
        ),
        *(u for u in found if u.url not in lone and u.url not in like),
    ]
    unsure = [
        replace(u, listed_before=u.url in earlier and earlier[u.url] == where(u.url, u.subject))
        for u in found
        if u.unsure and not (u.url in ids and store.dead_link(ids[u.url]))
    ]
    unsure.sort(key=lambda u: u.listed_before)  # (stable: least sure first within each)
    listed = [_with_stored(store, ids[u.url], u) for u in one_per_story(unsure, articles, limit)]
    # (the same story's other addresses were shown too, named with it: walk19 #7)
    remember = {
        url: where(url, subject)
        for u in listed
        for url, subject in ((u.url, u.subject), *((s[0], s[1]) for s in u.same_story))
    }
    return listed, remember


def one_word_fits(
    config: Config,
    store: Store,
    placed: Sequence[tuple[Article, str, float]],
    model: SubjectModel | None = None,
) -> dict[str, OneWord]:
    """Of the `placed` articles, (article, its subject, its score), those under the subject
    mostly on one word, scoring far below its usual articles (`subjects.OneWord`), by URL: the
    editor is told to check them (walk153 #1: generic articles were published under "Measuring
    the customer experience" on the word "experience" of its name, and nothing said so). The
    articles the editor moved there are left out: they said where those belong."""
    usual_scores = store.usual_scores([a.id for a, _, _ in placed if a.id is not None])
    corrections = store.corrections()
    usual = {a.url: usual_scores.of(subject, a.id) or 0.0 for a, subject, _ in placed}
    low = [
        (a, subject, score)
        for a, subject, score in placed
        if a.url not in corrections and 0 < score < ONE_WORD_BELOW * usual[a.url]
    ]
    if not low:
        return {}
    model = _with_words(model or current_model(config, store, corrections), store)
    counts = _counts(store, phrase_keys(model.phrases), [a.id for a, _, _ in low if a.id])
    found = {}
    for a, subject, score in low:
        if a.id is None or a.id not in counts:
            continue
        one = model.one_word(a, counts[a.id], subject, score, usual[a.url])
        if one is not None:
            found[a.url] = one
    return found


def like_excluded(
    config: Config,
    store: Store,
    placed: Sequence[tuple[Article, str]],
    model: SubjectModel | None = None,
) -> dict[str, LikeExcluded]:
    """Of the `placed` articles, (article, the subject it is under), those more like an article
    the editor excluded than like any article accepted under their subject (published there or
    moved there), by URL: `LIKE_EXCLUDED_FLOOR` (walk168 #2: the week after the editor excluded
    a cup final ticket queue from "Service operations", a rugby ticket queue was placed there,
    first in its section, and nothing said so). A note only: placement is unchanged. The
    articles the editor moved there are left out: they said where those belong. The vectors are
    the scorer's own, from the stored counts: nothing is read again."""
    corrections = store.corrections()
    excluded_urls = [url for url, subject in corrections.items() if subject is None]
    wanted = [(a, s) for a, s in placed if a.id is not None and a.url not in corrections]
    if not excluded_urls or not wanted:
        return {}
    excluded = [a for a in map(store.article_by_url, excluded_urls) if a and a.id is not None]
    if not excluded:
        return {}
    # (an article published under one subject and moved to another counts where it was moved)
    moved: dict[int, str | None] = {}
    for url, said in corrections.items():
        article = store.article_by_url(url) if said is not None else None
        if article is not None and article.id is not None:
            moved[article.id] = resolve(said or "", config.subjects)
    accepted = {s: {i for i in ids if i not in moved} for s, ids in store.published_ids().items()}
    for article_id, subject in moved.items():
        if subject is not None:
            accepted.setdefault(subject, set()).add(article_id)
    model = model or current_model(config, store, corrections)
    phrases = phrase_keys(model.phrases)

    def vectors_of(ids: Collection[int]) -> dict[int, Vector]:
        return {i: model.vector(c) for i, c in _counts(store, phrases, list(ids)).items()}

    vectors = vectors_of({a.id for a, _ in wanted if a.id} | {a.id for a in excluded if a.id})
    gone = [vectors.get(a.id or 0, {}) for a in excluded]
    # (first against the few excluded articles: the subjects' published ones are read only for
    # the articles near one of them, seldom any)
    near = [(a, s) for a, s in wanted if like_excluded_of(vectors.get(a.id or 0, {}), gone, ())]
    if not near:
        return {}
    vectors.update(vectors_of({i for _, s in near for i in accepted.get(s, ())} - vectors.keys()))
    found: dict[str, LikeExcluded] = {}
    for article, subject in near:
        ours = (vectors.get(i, {}) for i in accepted.get(subject, ()) if i != article.id)
        like = like_excluded_of(vectors.get(article.id or 0, {}), gone, ours)
        if like is not None:
            other = excluded[like[0]]
            found[article.url] = LikeExcluded(
                article.url, article.title, subject, other.url, other.title, like[1], like[2]
            )
    return found


def _with_stored(store: Store, article_id: int, u: Uncertain) -> Uncertain:
    """`u`, saying where the article is stored when the model would now place it elsewhere (see
    `stored_elsewhere`)."""
    placed, subject = store.stored_subject(article_id)
    if not placed or subject == u.subject:
        return u
    return replace(u, stored_under=subject, stored_differs=True)


def one_per_story(
    found: Sequence[Uncertain], articles: Sequence[Article], limit: int
) -> list[Uncertain]:
    """The first `limit` of `found` (least sure first), each story once: an article that tells the
    same story as one listed before it (the same article at two addresses, a syndicated copy) is
    named in that one's `same_story`, with where it is and why, rather than listed again (a
    correction is for one address: the editor corrects each)."""
    by_url = {a.url: a for a in articles}
    boilerplate = boilerplate_shingles(articles)
    kept: list[tuple[Fingerprint | None, Uncertain]] = []
    for item in found:
        if len(kept) >= limit:
            break
        article = by_url.get(item.url)
        print_ = fingerprint(article, boilerplate) if article is not None else None
        twin = None
        if print_ is not None:
            twin = next(
                (
                    (k, why)
                    for k, (other, _) in enumerate(kept)
                    if other is not None and (why := same_story_reason(other, print_))
                ),
                None,
            )
        if twin is None:
            kept.append((print_, item))
            continue
        k, why = twin
        first = kept[k][1]
        kept[k] = (
            kept[k][0],
            replace(first, same_story=(*first.same_story, (item.url, item.subject, why))),
        )
    return [item for _, item in kept]


def subject_overlaps(
    config: Config, store: Store, say: Say | None = None, newest: int = CORPUS_SAMPLE
) -> list[Overlap]:
    """The pairs of subjects the model confuses on the `newest` articles (and the corrected
    ones), most confused first; the model learns from the newest `CORPUS_SAMPLE` whatever
    `newest` is (walk160 #6: the window is the editor's to widen)."""
    corpus = model_corpus(store)
    corrections = store.corrections()
    tell_stale_moves(config, store, say)
    model = SubjectModel.build(config.subjects, corpus=corpus, corrections=corrections)
    if newest != CORPUS_SAMPLE:
        scanned = {a.id: a for a in store.recent_articles(newest)}
        scanned.update((a.id, a) for a in store.corrected_articles())
        corpus = list(scanned.values())
    return overlaps(model, corpus)


def correction_effect(
    config: Config,
    store: Store,
    before: dict[str, str | None],
    also: Sequence[Article] = (),
) -> list[Change]:
    """What the corrections made since `before` (the store's corrections then) change, among
    the articles the scorer learns from (the newest `CORPUS_SAMPLE` and the corrected ones, and
    `also`: the articles whose corrections were forgotten since, which the first two may no
    longer include): each article placed differently, the corrected ones included. It changes
    at once: the next command that reads the placements (`subjects list`, a build) places them
    again. An article an issue featured keeps the subject it was published under unless the
    editor corrects it (see `curator.storebase.stale`): it is not among them. Each is said from
    the subject it is stored under (where `subjects list` shows it): one an older fit of the model
    placed elsewhere moves too, as every stored article is placed again (`Change.refit`), so
    place the new articles (`refresh`) before the correction is stored."""
    corpus = {a.id: a for a in model_corpus(store)}
    corpus.update((a.id, a) for a in also)
    after = store.corrections()
    ids = {a.url: a.id for a in corpus.values()}
    held = store.stored_subjects(list(ids.values()))
    stored = {url: held[i] for url, i in ids.items() if i in held}
    return [
        c
        for c in changes(list(corpus.values()), config.subjects, before, after, stored)
        if c.url in after or not store.issues_featuring(ids[c.url])
    ]


def placed_now(
    config: Config, store: Store, articles: Sequence[Article], say: Say | None = None
) -> dict[str, str | None]:
    """Where curator itself places each of `articles` (by URL) under the store's corrections
    now, as placement will store it: an article an issue featured under the subject that issue
    published it under, any other under its best subject by the current model (fitted now
    and stored when the corrections changed, so the next placement uses it as it is)."""
    out: dict[str, str | None] = {}
    model: SubjectModel | None = None
    for article in articles:
        published = store.published_subject(article.id)
        if published is not None and resolve(published, config.subjects) == published:
            out[article.url] = published
            continue
        if model is None:
            model = current_model(config, store, say=say)
        out[article.url] = model.assign_one(article).subject
    return out


@dataclass(frozen=True)
class KeptSubject:
    """An article an issue published under another subject than curator had given it (the
    editor's draft put it there): placed under the issue's subject from then on, as every
    article an issue featured is, but not learnt from (only a correction teaches curator)."""

    url: str
    title: str
    #: The subject the issue published it under.
    subject: str
    #: The subject curator had given it (None: no subject).
    curator: str | None
    #: True when the editor had corrected it otherwise (moved it elsewhere, or excluded it): the
    #: correction stands, for `subjects list` and future issues; `correction` is what it says.
    against_correction: bool = False
    correction: str | None = None

    def move_command(self) -> str:
        """The command that teaches curator the issue's subject for it."""
        return f"curator subjects move {shell_arg(self.url)} {shell_arg(self.subject)}"

    def to_dict(self, config_arg: str = "") -> dict[str, object]:
        """For --json; `config_arg` (` --config PATH` or "") ends `to_teach_it`, as the run
        prints the command."""
        data: dict[str, object] = {
            "url": self.url,
            "title": self.title,
            "subject": self.subject,
            "curator_subject": self.curator,
            "to_teach_it": self.move_command() + config_arg,
        }
        if self.against_correction:
            data["your_correction"] = (
                "excluded" if self.correction is None else f"moved to {self.correction}"
            )
        return data


def keep_published_subjects(
    config: Config,
    store: Store,
    featured: Sequence[tuple[str, int]],
    say: Say | None = None,
) -> list[KeptSubject]:
    """After an issue is recorded, with what it featured as (subject, article id): each article
    it was the first to feature, under one of feeds.yaml's subjects (not an extra section), that
    the editor has not corrected and that curator had placed elsewhere is placed under the
    issue's subject, with its score there, so that `subjects list`, `explain` and the next
    builds agree with the issue (see `curator.storebase.stale`); returns those articles, and those
    it featured against the editor's correction of them (moved elsewhere or excluded: the
    correction stands). curator does not learn from them: the model is as it was."""
    corrections = store.corrections()
    names = {s.name for s in config.subjects}
    model: SubjectModel | None = None
    kept: list[KeptSubject] = []
    for subject, article_id in featured:
        article = store.article_by_id(article_id)
        if article is None or subject not in names:
            continue
        if article.url in corrections:
            # The editor's own word on it stands; the issue published it elsewhere all the same.
            said = corrections[article.url]
            if said is None or resolve(said, config.subjects) != subject:
                kept.append(KeptSubject(article.url, article.title, subject, said, True, said))
            continue
        if store.published_subject(article_id) != subject:
            continue  # an earlier issue featured it: that issue's subject stays
        has_row, stored = store.stored_subject(article_id)
        if has_row and stored == subject:
            continue
        if model is None:
            model = current_model(config, store, corrections, say=say)
        curator = _place_under(store, model, article, subject)
        kept.append(
            KeptSubject(article.url, article.title, subject, stored if has_row else curator)
        )
    return kept


def rescore_published(
    config: Config, store: Store, articles: Sequence[Article], say: Say | None = None
) -> None:
    """After the editor's corrections of `articles` are forgotten: each one an issue featured,
    back under the subject that issue published it under (`Store.forget_corrections`), gets its
    score there (not the one it had under the subject it was moved to), as `explain` says."""
    names = {s.name for s in config.subjects}
    model: SubjectModel | None = None
    for article in articles:
        published = store.published_subject(article.id)
        if published is None or published not in names or article.url in store.corrections():
            continue
        if model is None:
            model = current_model(config, store, say=say)
        _place_under(store, model, article, published)


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
