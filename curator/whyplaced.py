"""Why an article is where it is (`explain_article`), and what a build left out of the issue and why
(`left_out`, `LeftOut`): a feed's articles in another language or script (`other_language_note`,
`placed_fetch`).

Part of placing stored articles under subjects (`curator.placement`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from curator.candidates import story_boilerplate, told_check, untold_best
from curator.config import Config
from curator.errors import shell_arg
from curator.harvest import FetchSummary, after_placing
from curator.models import Article, Issue
from curator.nearcopies import template_copies
from curator.placing import CORPUS_SAMPLE, current_model, refresh
from curator.placing import fitted_model as _fitted
from curator.select import Earlier
from curator.store import Store
from curator.subjectplaces import KeptSubject, like_excluded, one_word_fits
from curator.subjectrenames import Say
from curator.subjects import Explanation, SubjectModel, Uncorrected, model_fingerprint
from curator.subjectwords import resolve
from curator.textfeatures import article_counts, matched_scripts, scripts, terms, words


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
    if article.id in {a.id for a in store.featured_before_articles()}:
        explanation = replace(explanation, featured_before=True)  # (walk205 #3)
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
    Fitted for this question alone (0.5-2 s) and not stored: placing uses the current model.
    Said only when the corrections are what moved it: fitted on the same articles with them, it
    goes where it is (walk187 #7: a stored model fitted before the newest articles came placed
    it, one fitted on today's without corrections did not, and explain blamed the editor's
    corrections, though fitted on today's with them it had no subject either)."""
    sample = store.sample_ids(CORPUS_SAMPLE)
    alone = SubjectModel.of(_fitted(config, store, {}, sample)).assign_one(article).subject
    if alone == explanation.subject:
        return explanation
    corrected = _fitted(config, store, store.corrections(), sample)
    if SubjectModel.of(corrected).assign_one(article).subject == alone:
        return explanation
    nearest = model.nearest_move(article, explanation.subject)
    if nearest is None:
        moves = any(name is not None for name in store.corrections().values())
        return replace(explanation, uncorrected=Uncorrected(alone, moves=moves))
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
    #: Per subject of the issue, those held back for another of it (`Section.held_back`), with
    #: why in a few words: said by a build from a draft as by the draft (fixjz #4).
    held: dict[str, tuple[tuple[Article, str], ...]] = field(default_factory=dict)
    #: Per subject curator's draft had a section for that the issue has not, the sections of the
    #: issue its articles were published under (the draft's heading deleted or renamed, its
    #: articles under another): how many under each (walk204 #4: it was said to have nothing
    #: to feature, no article fitting it).
    regrouped: dict[str, dict[str, int]] = field(default_factory=dict)
    #: Per subject, the articles stored since `curator draft` wrote the draft an issue was built
    #: from, which wait for a later issue (walk204 #5: never said).
    since_draft: dict[str, int] = field(default_factory=dict)

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
            "published_under_another_in_draft": self.regrouped,
            "new_since_draft": self.since_draft,
            "left_out_for_variety": {
                subject: [a.url for a in articles] for subject, articles in self.variety.items()
            },
            "held_back": {
                subject: [{"url": a.url, "why": why} for a, why in held]
                for subject, held in self.held.items()
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
    # What was stored after `curator draft` wrote the draft waits too, neither cut from it nor
    # left by issue_size (fixmb #1: said "past issue_size" under its subject).
    since_draft: dict[str, int] = {}
    newest = store.draft_newest(issue.number) if from_draft and issue is not None else None
    if newest is not None:
        since_draft = store.placed_since(newest, leaving)
    cut = {
        s.subject: min(
            waiting.get(s.subject, 0)
            - min(waiting.get(s.subject, 0), since_draft.get(s.subject, 0)),
            max(0, config.issue_size - len(s.entries) - sum(moved.get(s.subject, {}).values())),
        )
        for s in sections
        if from_draft and s.subject not in added
    }
    cut = {k: v for k, v in cut.items() if v}
    dropped: dict[str, int] = {}
    regrouped: dict[str, dict[str, int]] = {}
    if from_draft and issue is not None:
        shown = {s.subject.casefold() for s in sections}
        taken = set(featured)
        under = {e.article.id: s.subject for s in sections for e in s.entries}
        for subject, ids in store.draft_sections(issue.number).items():
            if subject.casefold() in shown:
                continue
            if any(i not in taken for i in ids):
                dropped[subject] = sum(i not in taken for i in ids)
            for i in ids:
                if i in under:
                    into = regrouped.setdefault(subject, {})
                    into[under[i]] = into.get(under[i], 0) + 1
    empty: tuple[tuple[str, int, int], ...] = ()
    if issue is not None and not issue.theme:
        shown = {s.subject.casefold() for s in sections}
        absent = [s.name for s in config.subjects if s.name.casefold() not in shown]
        idle = store.waiting_counts(absent, leaving)
        if busy := [name for name in absent if idle[name]]:
            # What waits there may be copies of stories issues published, which a draft does not
            # record as a build does (walk181 #3: a subject whose only waiting article was such
            # a copy vanished from the draft's summary): read as the build reads them.
            earlier = told_check(store, featured)
            for name in busy:
                found = untold_best(store, name, 1, earlier, exclude=leaving)
                if not found.best:
                    idle[name] = 0
        sizes = store.subject_sizes([name for name in absent if not idle[name]])
        empty = tuple(
            (name, *sizes[name]) for name in absent if name in sizes and name not in regrouped
        )
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
        {s.subject: s.held_back for s in sections if s.held_back},
        regrouped,
        since_draft,
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


def empty_reason(subject: str, placed: int, featured: int) -> str:
    """Why a subject of feeds.yaml has no section in an issue: no article fits it, or every
    one that does was featured (or cannot be: dead links, stories told before)."""
    if not placed:
        return (
            "no article fits it (`curator subjects explain URL` of an article that belongs there"
            f" says why; `curator subjects move URL {shell_arg(subject)}` teaches curator)"
        )
    if featured == placed:
        return f"all {placed} that fit it were featured before"
    return (
        f"the {placed} that fit it were featured before ({featured}) or cannot be: dead links,"
        " or copies of stories told before"
    )
