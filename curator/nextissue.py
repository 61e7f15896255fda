"""Choosing the issue a build or a draft would publish now (`next_issue`), its progress
step, and the warnings on what it chose (weak fits, one word, like an excluded article,
articles of removed feeds, an issue published minutes ago)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Protocol

from curator.articlewarnings import retold_stories
from curator.config import Config
from curator.draft import draft_path
from curator.errors import shell_arg
from curator.firstread import with_pages_read
from curator.gatedchoice import Held, keywords_held, readable_first, with_held_back
from curator.issuetext import issue_text, repeated_introduction, repeated_subject_introduction
from curator.keywordfit import KeywordsFit, keywords_only
from curator.linkcheck import links_to_check, not_checked, recheck_issue
from curator.models import Issue, Page, Scored
from curator.ownwords import stray_warnings
from curator.placement import (
    choose_sections,
    featured_strays,
    like_excluded,
    one_word_fits,
    weak_bars,
)
from curator.render import issue_day
from curator.store import Store
from curator.subjects import KeywordsOnly, LikeExcluded, OneWord
from curator.themes import choose_theme, history_notes, theme_history
from curator.themes_promise import broken_promise, no_promise_reason, promised_theme
from curator.urls import url_key


class Step(Protocol):
    """A step of a run that takes seconds and has no batches to count, as its progress says it
    (None: it is over, `done` saying what came of it once a line of it was said); the progress
    says it still goes on every ~2 s (`RunProgress.step`)."""

    def __call__(self, what: str | None, /, *, done: str = "") -> None: ...


#: The step of choosing the issue's articles: each candidate compared with the stories told
#: before (45-71 s without a line on a 100,000 store of copies: walk81 #1, #5).
CHOOSING = "choosing the issue's articles (each compared with the stories published before)"


#: The same on a store that has published no issue yet (walk160 #8: issue 1 said "compared
#: with the stories published before", of which there were none).
CHOOSING_FIRST = "choosing the issue's articles (no issue was published before)"


def say_step(step: Step | None, what: str | None, done: str = "") -> None:
    if step is not None:
        step(what, done=done)


def choosing(store: Store) -> str:
    """The choosing step's words: compared with the stories published before, when there are."""
    return CHOOSING if store.next_issue_number() > 1 else CHOOSING_FIRST


def chose(planned: NextIssue | None) -> str:
    """What the choosing step's closing line says came of it (walk160 #8: it had none)."""
    if planned is None:
        return "chose no article"
    count = sum(len(s.entries) for s in planned.issue.sections)
    return f"chose {count} article(s)"


@dataclass(frozen=True)
class NextIssue:
    """The issue a build would publish now, with what the editor should know about it."""

    issue: Issue
    #: The issue takes its theme's place in the plan of themes.
    planned: bool
    warnings: tuple[str, ...] = ()
    #: The URLs of its articles that fit their subject only weakly (`weak_fit_warnings`).
    weak_fits: tuple[str, ...] = ()
    #: The ids of the stories told before its warnings say (of subjects with no place in it):
    #: recorded as said with the issue, when it is published (`publish_issue`'s `said`).
    said: tuple[int, ...] = ()
    #: The copies of stories the last issues told that it found (`Store.record_retold`'s rows):
    #: recorded with the issue, which says them, when it is published (`publish_issue`).
    retold: tuple[tuple[int, int, int, str], ...] = ()
    #: Its articles under their subject mostly on one word (`one_word_warnings`).
    one_word: tuple[OneWord, ...] = ()
    #: Its articles like one the editor excluded (`like_excluded_warnings`), last in their section.
    like_excluded: tuple[LikeExcluded, ...] = ()
    #: Its articles placed through their subject's keywords alone (`keywords_only_warnings`).
    keywords_only: tuple[KeywordsOnly, ...] = ()


def _issue_of(planned: NextIssue | None) -> Issue:
    """The issue planned (`gatedchoice.readable_first` asks only of one chosen)."""
    if planned is None:
        raise ValueError("no issue was chosen")
    return planned.issue


def _keywords_held(planned: NextIssue | None, *, drafting: bool = False) -> dict[int, Held]:
    """Its articles placed through their subject's keywords alone: featured only when their
    subject has no other article to take their place (walk185 on walk182 #1); and those flagged
    otherwise (weak fits, on one word, like an excluded one), which take no held one's place."""
    if planned is None:
        return {}
    flagged = {
        *planned.weak_fits,
        *(o.url for o in planned.one_word),
        *(o.url for o in planned.like_excluded),
    }
    return keywords_held(planned.issue, planned.keywords_only, flagged, alone=drafting)


def _record_held(planned: NextIssue | None, left: Sequence[Held]) -> NextIssue | None:
    """The issue planned, with the held articles it leaves out named in their sections."""
    return None if planned is None else replace(planned, issue=with_held_back(planned.issue, left))


def choose_checked(
    config: Config,
    store: Store,
    *,
    now: datetime,
    subjects: Sequence[str],
    all_subjects: bool,
    progress: Callable[[str], None] | None,
    check: bool,
    read_before: datetime,
    command: str,
    notes: list[str],
) -> NextIssue | None:
    """The issue `build` (or, `command` "draft", `draft`) would publish: with `check`, its stored
    links asked for again and the issue chosen again while some were gone (walk132:
    `linkcheck.recheck_issue`, its findings in `notes`); else said unchecked when it has such
    links. What choosing said goes to `notes` after: the last choice's alone, if chosen again."""
    chosen: list[str] = []
    number = store.next_issue_number()
    keywords = KeywordsFit()  # (once for every choice of this run: fixjy #1)
    drafted = shell_arg(draft_path(config.settings.drafts or config.folder / "drafts", number))

    def how(url: str, subject: str, published: bool) -> str:
        """How to feature an article left out all the same (`readable_first`): in the draft this
        run writes, or the next issue's (walk104 #5: the placeholder DRAFT failed pasted)."""
        where = f'add "## {url}" under "# {subject}"'
        if command == "draft":
            return f"{where} in a draft, {drafted}, then `curator build --draft {drafted}`"
        # (the next issue's: this one's when the build publishes none, walk190 #3)
        return f"{where} in a draft: {draft_then_build(config, number + int(published))}"

    def choose_once(avoid: Collection[int] = ()) -> NextIssue | None:
        chosen.clear()
        return next_issue(
            config,
            store,
            now=now,
            subjects=subjects,
            all_subjects=all_subjects,
            drafting=command == "draft",
            say=chosen.append,
            progress=progress,
            avoid=avoid,
            keywords=keywords,
        )

    def choose() -> NextIssue | None:
        # (a readable article before one whose link leads to a sign-in page: walk178 #1; an
        # article of the subject's field before one placed through its keywords alone: walk185)
        # Each choice kept with what it said, for this round: `readable_first` goes back to the
        # first one when no gated article could be left out, which is then not chosen again.
        kept: dict[frozenset[int], tuple[NextIssue | None, list[str]]] = {}

        def choose_kept(avoid: Collection[int] = ()) -> NextIssue | None:
            key = frozenset(avoid)
            if key not in kept:
                kept[key] = (choose_once(avoid), list(chosen))
            planned, said = kept[key]
            chosen[:] = said
            return planned

        # (a draft shows a subject's keywords-only articles alone, for the editor to decide; a
        # build leaves such a section out: walk190 #3)
        held = partial(_keywords_held, drafting=command == "draft")
        planned, said = readable_first(store, choose_kept, _issue_of, held, how, _record_held)
        chosen.extend(said)
        return planned

    if check:
        # The pages of articles stored in earlier runs may be gone since (walk132): their links
        # are checked, and one gone leaves its article out for the next best. A page never read
        # is read in full, and its article made again from it (walk187 #4: published uncredited).
        pages: dict[int, Page] = {}
        planned = recheck_issue(
            config,
            store,
            choose,
            lambda p: p.issue,
            now=now,
            read_before=read_before,
            published=command == "build",
            say=notes.append,
            pages=pages,
        )
        if planned is not None and pages:
            planned = replace(planned, issue=with_pages_read(config, store, planned.issue, pages))
    else:
        planned = choose()
        if planned is not None and links_to_check(config, planned.issue, now):
            notes.append(not_checked(command))
    notes.extend(chosen)
    return planned


def next_issue(
    config: Config,
    store: Store,
    *,
    now: datetime,
    subjects: Sequence[str] = (),
    all_subjects: bool = False,
    drafting: bool = False,
    say: Callable[[str], None] | None = None,
    progress: Callable[[str], None] | None = None,
    avoid: Collection[int] = (),
    keywords: KeywordsFit | None = None,
) -> NextIssue | None:
    """The issue the weekly build would publish now (nothing is recorded), or None if nothing fits.

    Raises ThemeError when its theme is too thin (or the plan is used up), InputError for an
    unknown subject or a mistake in an introduction file; `drafting` when it is for a draft.
    The articles of a subject left out of it as stories published before, every one, are said
    to `say` when nothing fits (else among its warnings). `keywords` keeps what `keywords_only`
    needs again in the run's next choice.
    """
    choice = choose_theme(
        config, store, subjects, all_subjects=all_subjects, drafting=drafting, keywords=keywords
    )
    # (a draft keeps them too, for `build --draft` to record with its issue: walk111 #1)
    found: list[tuple[int, int, int, str]] = []
    chosen = choose_sections(
        config,
        store,
        now,
        theme=choice.theme,
        record=found,
        progress=progress,
        tell=say,
        avoid=avoid,
    )
    sections = tuple(s for s in chosen if s.entries)
    # (a subject with no article but stories told before: said here, the issue has no place)
    empty = tuple(s for s in chosen if not s.entries)
    # (the draft named, not the placeholder DRAFT, which failed pasted: walk104 #5): this
    # issue's, or after a build that publishes one, the next one's
    next_draft = store.next_issue_number() + (1 if sections and not drafting else 0)
    folder = config.settings.drafts or config.folder / "drafts"
    where = shell_arg(draft_path(folder, next_draft)).replace("{", "{{").replace("}", "}}")
    alone = retold_stories(
        Issue(0, now, "", sections=empty),
        'If it is another story, or worth telling again, feature it: add "## {url}" under'
        f' "# {{subject}}" in {where}, and {{again}} to its front matter (a draft `curator draft` writes, or one of your own), then'
        f" `curator build --draft {where}`",
        () if drafting else store.retold_said(),
    )
    # (a build says it once; a draft, which publishes nothing, every time)
    said = (
        () if drafting else tuple(t.article.id for s in empty for t in s.retold if not t.recorded)
    )
    if not sections:
        if not drafting:
            store.record_retold(found)  # (nothing is published: said now)
        store.mark_retold_said(said)
        for note in alone:
            if say is not None:
                say(note)
        return None
    number = store.next_issue_number()
    # An issue is dated by its day; the store keeps the exact time it was published.
    day = issue_day(now)
    # (an article named as "also covered by" is published with the issue too)
    featured = [a.id for s in sections for e in s.entries for a in (e.article, *e.copy_articles)]
    # Those like an article the editor excluded come last in their section: a note, not a
    # scoring change (walk168 #2: a near-twin of an excluded article led its section unsaid).
    like = like_excluded(
        config, store, [(e.article, s.subject) for s in sections for e in s.entries]
    )
    # So do those placed through their subject's keywords alone (walk182 #1).
    keys = keywords_only(
        config,
        store,
        [(e.article, s.subject) for s in sections for e in s.entries],
        fit=keywords,
    )
    keys = {url: k for url, k in keys.items() if url not in like}
    weak = store.weak_fits(weak_bars(config, store), featured)
    lone = one_word_fits(
        config,
        store,
        [
            (a, s.subject, score)
            for s in sections
            for a, score, _ in store.candidates_by_id(s.subject, [e.article.id for e in s.entries])
        ],
    )
    # So do those placed on one word, and before them the weak fits: every flagged article a
    # plain build publishes comes after its section's other articles, with its warning, as README
    # says (fixhk: one on one word kept its place by score, before a well-placed one).
    flagged = like.keys() | lone.keys() | keys.keys()

    def rank(e: Scored) -> int:
        return 2 if e.article.url in flagged else 1 if e.article.id in weak else 0

    if flagged or weak:
        sections = tuple(replace(s, entries=tuple(sorted(s.entries, key=rank))) for s in sections)
    # And those using none of their subject's own words, even above the weak-fit bar (walk194 #1)
    strays = featured_strays(
        config, store, [(e.article, s.subject) for s in sections for e in s.entries]
    )
    promise = promised_theme(config, store, choice, featured)
    text = issue_text(
        config,
        number=number,
        date=day,
        theme=choice.theme,
        next_theme=promise,
        no_next_theme=no_promise_reason(config, choice),
        keep_date=drafting,
    )
    issue = Issue(
        number=number,
        date=day,
        title=config.title,
        editor=config.editor,
        introduction=text.introduction,
        sections=sections,
        theme=choice.theme,
        closing=text.closing,
    )
    weak_urls = tuple(e.article.url for s in sections for e in s.entries if e.article.id in weak)
    chosen_by = None
    if subjects:
        chosen_by = "--subject asked for it"
    elif all_subjects:
        chosen_by = "--all-subjects asked for an issue of every subject"
    warnings = (
        *history_notes(config, theme_history(config, store)),
        *broken_promise(
            config,
            store,
            number,
            choice.theme,
            chosen_by,
            featured,
            [s.subject for s in sections if s.entries],
            drafting=drafting,
        ),
        *text.warnings,
        *repeat_warning(
            config,
            store,
            issue,
            shell_arg(draft_path(config.settings.drafts or config.folder / "drafts", number))
            if drafting
            else None,
        ),
        *weak_fit_warnings(config, issue, weak, drafting=drafting),
        *one_word_warnings(config, issue, lone, drafting=drafting),
        *like_excluded_warnings(config, issue, like, drafting=drafting),
        *keywords_only_warnings(config, issue, keys, drafting=drafting),
        *stray_warnings(
            number,
            strays,
            [(e.article, e.matched) for s in sections for e in s.entries],
            draft=shell_arg(draft_path(config.settings.drafts or config.folder / "drafts", number))
            if drafting
            else None,
        ),
        *alone,
        # (an issue asked for by --subject or --all-subjects is the editor's act, no run twice)
        *(() if drafting or subjects or all_subjects else published_just_now(store, number, now)),
        *from_removed_feeds(config, issue),
    )
    # (recorded with the issue: a store that cannot be written then stops the build before it is
    # published, and says so, rather than here)
    ones = tuple(lone[e.article.url] for s in sections for e in s.entries if e.article.url in lone)
    likes = tuple(like[e.article.url] for s in sections for e in s.entries if e.article.url in like)
    only = tuple(keys[e.article.url] for s in sections for e in s.entries if e.article.url in keys)
    return NextIssue(
        issue, choice.planned, warnings, weak_urls, said, tuple(found), ones, likes, only
    )


def weak_fit_warnings(
    config: Config, issue: Issue, weak: Collection[int], *, drafting: bool = False
) -> tuple[str, ...]:
    """A warning per section of the issue with articles that fit its subject only weakly (ids in
    `weak`: the scorer placed them there with a score under the subject's own bar, see
    `placement.weak_bars`). They are picked last, so a section has them only when too few
    articles fit its subject well: they are often off the subject. The draft to cut it from is
    named (walk104 #5: `curator build --draft DRAFT` failed pasted): the one being written, or
    for a build, the next issue's, which `curator draft` writes."""
    out = []
    if drafting:
        path = shell_arg(
            draft_path(config.settings.drafts or config.folder / "drafts", issue.number)
        )
        cut = f"{path}; `curator build --draft {path}` publishes it"
    else:
        cut = draft_then_build(config, issue.number + 1)
    for section in issue.sections:
        entries = [e for e in section.entries if e.article.id in weak]
        if not entries:
            continue
        listed = ", ".join(f'"{e.article.title}" ({e.score:.3f}, {e.article.url})' for e in entries)
        out.append(
            f'issue {issue.number}\'s "{section.subject}" has {len(entries)} of its'
            f" {len(section.entries)} articles fitting the subject only weakly (scoring under the"
            f" subject's own bar, often off it): {listed}; to leave one out, cut it in the draft"
            f" ({cut}) and `curator"
            " subjects exclude URL`, or add keywords to the subject in"
            f" {config.path}; `curator themes` counts each subject's weak fits"
        )
    return tuple(out)


def one_word_warnings(
    config: Config, issue: Issue, lone: Mapping[str, OneWord], *, drafting: bool = False
) -> tuple[str, ...]:
    """A warning per article of the issue placed under its subject mostly on one word, far below
    its subject's usual score (`placement.one_word_fits`; walk153 #1: generic articles were
    published under "Measuring the customer experience" on the word "experience", unsaid). The
    draft to cut one from is named as in `weak_fit_warnings`."""
    cut = ""
    if drafting:
        path = shell_arg(
            draft_path(config.settings.drafts or config.folder / "drafts", issue.number)
        )
        cut = f"cut it in {path}, and "
    out = []
    for section in issue.sections:
        for e in section.entries:
            one = lone.get(e.article.url)
            if one is not None:
                out.append(
                    f'issue {issue.number}\'s "{one.title}" ({one.url}) fits on one word:'
                    f" {one.why()}; if it does not, {cut}`curator subjects exclude"
                    f" {shell_arg(one.url)}` keeps it out of later issues; to place such articles"
                    f' elsewhere, give "{one.subject}" words of its own in {config.path}'
                )
    return tuple(out)


def like_excluded_warnings(
    config: Config, issue: Issue, like: Mapping[str, LikeExcluded], *, drafting: bool = False
) -> tuple[str, ...]:
    """A warning per article of the issue more like an article the editor excluded than like any
    published under or moved to its subject (`placement.like_excluded`; walk168 #2: the week
    after the editor excluded a cup final ticket queue, a rugby ticket queue led "Service
    operations", unsaid). A draft names the draft to cut it from; a build has published it (a
    plain build publishes what curator places, as with weak fits) and says how to take it back."""
    out = []
    for section in issue.sections:
        for e in section.entries:
            found = like.get(e.article.url)
            if found is None:
                continue
            todo = _last_in_section(config, issue, found.url, drafting=drafting, next_time=True)
            out.append(
                f'issue {issue.number}\'s "{found.title}" ({found.url}) under'
                f' "{found.subject}" is {found.why()}; {todo}'
            )
    return tuple(out)


def _last_in_section(
    config: Config, issue: Issue, url: str, *, drafting: bool, next_time: bool = False
) -> str:
    """What to do of a flagged article a draft or a build put last in its section: cut it from the
    draft, or take it out of the published issue; and keep it out of later issues."""
    keep_out = f"`curator subjects exclude {shell_arg(url)}`"
    if drafting:
        path = shell_arg(
            draft_path(config.settings.drafts or config.folder / "drafts", issue.number)
        )
        return (
            f"it comes last in its section: if it is off the subject, cut it in {path},"
            f" and {keep_out} keeps it out of later issues"
        )
    check = (
        f"; next time, to check an issue before it is published:"
        f" {draft_then_build(config, issue.number + 1)}"
        if next_time
        else ""
    )
    return (
        f"it is published, last in its section; if it is off the subject, {keep_out}"
        " keeps it out of later issues (to take it out of this issue now: delete its"
        f" entry in issue-{issue.number}.json in your output folder, then `curator"
        f" render {issue.number}`{check})"
    )


def keywords_only_warnings(
    config: Config, issue: Issue, keys: Mapping[str, KeywordsOnly], *, drafting: bool = False
) -> tuple[str, ...]:
    """A warning per article of the issue placed through its subject's keywords alone, its other
    words the articles' under no subject (`keywordfit.keywords_only`; walk182 #1: two sport
    ticket queues made half of "Service operations", unsaid). Said as `like_excluded_warnings`
    says its articles."""
    out = []
    for section in issue.sections:
        for e in section.entries:
            found = keys.get(e.article.url)
            if found is None:
                continue
            todo = _last_in_section(config, issue, found.url, drafting=drafting)
            out.append(
                f'issue {issue.number}\'s "{found.title}" ({found.url}) {found.why()}; {todo}'
            )
    return tuple(out)


#: A build publishing an issue less than this after the last one says so (walk150 #7: a cron job
#: run twice published issue 23 right after 22 without a word). A warning, not a refusal: an
#: editor may well publish two issues in a day on purpose.
JUST_PUBLISHED = timedelta(hours=24)


#: How many of the articles `_from_removed_feeds` counts are named.
REMOVED_FEEDS_NAMED = 5


def from_removed_feeds(config: Config, issue: Issue) -> tuple[str, ...]:
    """'1 article comes from a feed no longer in feeds.yaml: ...': the issue's articles whose
    feed the editor removed (walk150 #6: after `feeds remove`, issue 25 featured one of the
    feed's 4,996 waiting articles without a word)."""
    listed = {url_key(f.url) for f in config.feeds}
    found = [
        e.article
        for sec in issue.sections
        for e in sec.entries
        if e.article.feed_url and url_key(e.article.feed_url) not in listed
    ]
    if not found:
        return ()
    named = "; ".join(
        f'"{a.title}" ({a.publication + ", " if a.publication else ""}from {a.feed_url})'
        for a in found[:REMOVED_FEEDS_NAMED]
    )
    more = len(found) - REMOVED_FEEDS_NAMED
    one = len(found) == 1
    return (
        f"{len(found)} article{'' if one else 's'} of issue {issue.number}"
        f" come{'s' if one else ''} from a feed no longer in {config.path}: {named}"
        f"{f' and {more} more' if more > 0 else ''}. A feed taken out of feeds.yaml (removed,"
        " or its url replaced by another) keeps its stored articles, and they can still be"
        " picked; to keep one out of every issue from now on:"
        " `curator subjects exclude URL`",
    )


def published_just_now(
    store: Store, number: int, now: datetime, *, draft: bool = False
) -> tuple[str, ...]:
    """'issue 22 was published 3 minute(s) ago ...' when the last issue was published less than
    `JUST_PUBLISHED` before `now` (the build about to publish issue `number`): for a plain build
    and a draft's (`draft`: one built by hand, said without a schedule), not for one asked for
    by --subject or --all-subjects, which README's demo builds one after another on purpose
    (walk150 #7)."""
    history = store.issues()
    if not history:
        return ()
    last = history[-1]
    ago = now - last.published_at
    if not timedelta(0) <= ago < JUST_PUBLISHED:
        return ()
    minutes = int(ago.total_seconds() // 60)
    when = (
        "less than a minute ago"
        if minutes < 1
        else f"{minutes} minute(s) ago"
        if minutes < 120
        else f"{minutes // 60} hour(s) ago"
    )
    if draft:
        # A draft is built by hand: no schedule ran it (walk166 #9: "make sure your schedule
        # runs `curator build` once a week" after `build --draft`).
        return (
            f"issue {last.number} was published {when}, and this draft publishes issue {number}"
            f" right after it; both issues stay published (if issue {last.number} was not meant"
            ' to be out, README\'s section "Take an issue back" says what to do)',
        )
    return (
        f"issue {last.number} was published {when}, and this build publishes issue {number}"
        " right after it: if that was not meant (a scheduled build run twice, say), make sure"
        " your schedule runs `curator build` once a week; both issues stay published",
    )


def repeat_warning(
    config: Config, store: Store, issue: Issue, draft: str | None = None
) -> tuple[str, ...]:
    """`draft`: where the draft the issue is built from (or being written) has its introduction:
    the place to change it then (walk148 N4)."""
    history = store.issues()
    previous = (history[-1].number, history[-1].introduction) if history else None
    warning = repeated_introduction(issue.introduction, issue.number, previous, config, draft)
    if warning:
        return (warning,)
    return tuple(
        repeated_subject_introduction(
            config,
            issue.number,
            issue.introduction,
            issue.theme,
            [(h.number, h.theme, h.introduction) for h in history],
            draft,
        )
    )


def draft_then_build(config: Config, number: int) -> str:
    """How to check issue `number` before it is published, in two commands that work pasted:
    `curator draft`, naming the draft it writes, then `curator build --draft` with that path."""
    path = shell_arg(draft_path(config.settings.drafts or config.folder / "drafts", number))
    return f"`curator draft` (which writes {path}), then `curator build --draft {path}`"
