"""The weekly run: fetch every feed, store new articles, select by subject, render and publish."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from curator import articles as article_rules
from curator.articlewarnings import (
    MissingBlurb,
    disputed_credits,
    lost_openings,
    missing_blurbs,
    retold_stories,
    same_stories,
    short_blurbs,
    unread_pages,
    weak_blurbs,
)
from curator.config import INIT_PLACEHOLDERS, Config
from curator.discover import Discovery, discover
from curator.draft import (
    Draft,
    DraftEntry,
    blurb_mistakes,
    check_blurbs,
    credit_notes_line,
    draft_path,
    draft_to_issue,
    dropped_credits,
    empty_sections,
    excluded_since,
    featured_again,
    merged_sections,
    moved_addresses,
    named_twice,
    noted_credits,
    read_draft,
    same_story_twice,
    stop_for,
)
from curator.draftcheck import (
    changed_addresses,
    renamed_headings,
    swapped_addresses,
    titles_to_look_up,
    url_lines,
)
from curator.draftfiles import DraftWritten
from curator.draftfiles import cannot_write_draft as _cannot_write_draft
from curator.draftfiles import digest as _digest
from curator.draftfiles import draft_text as _draft_text
from curator.draftfiles import keep_edited_draft as _keep_edited_draft
from curator.draftfiles import other_edited_drafts as _other_edited_drafts
from curator.draftfiles import stop_before_replacing_draft as _stop_before_replacing_draft
from curator.draftfiles import stop_early_for_edited_draft as _stop_early_for_edited_draft
from curator.draftfiles import unused_draft as _unused_draft
from curator.editions import OUTPUTS
from curator.errors import CuratorError, InputError, shell_arg
from curator.fetch import FetchRequest, fetch_all
from curator.harvest import (
    FeedReport,
    FetchSummary,
    PageProgress,
    Progress,
    StoreProgress,
    fetch_settings,
    run_fetch,
)
from curator.issuedates import dated_ahead as _dated_ahead
from curator.issuedates import dated_before as _dated_before
from curator.issuedates import dated_out_of_order, stored_day
from curator.issuetext import (
    borrowed_references,
    draft_entry_warnings,
    link_warnings,
    repeated_closing,
)
from curator.linkcheck import recheck_draft
from curator.models import Article, Copy, FetchResult, Issue, Scored, Section
from curator.nextissue import Step, draft_then_build
from curator.nextissue import choose_checked as _choose_checked
from curator.nextissue import choosing as _choosing
from curator.nextissue import chose as _chose
from curator.nextissue import from_removed_feeds as _from_removed_feeds
from curator.nextissue import published_just_now as _published_just_now
from curator.nextissue import repeat_warning as _repeat_warning
from curator.nextissue import say_step as _step
from curator.outputs import check_templates
from curator.ownership import stop_for_another_newsletters_draft
from curator.placement import (
    KeptSubject,
    PlaceProgress,
    Say,
    feed_names,
    refresh,
    story_boilerplate,
)
from curator.publish import write_atomic
from curator.publishissue import (
    gone_issues,
    placeholder_titles,
    publish_issue,
    published_feed,
    record_published,
    stop_early_for_unrecorded_issue,
    stopped_issue_in,
    write_fix,
)
from curator.readerlang import empty_link_warnings, language_warnings, link_text_warnings
from curator.render import date_text, environment, issue_day, join_names
from curator.runlock import RUN_WAIT, BuildError, build_lock
from curator.select import told_before
from curator.store import RETOLD_ISSUES, Store, StoreError
from curator.stories import fingerprint, same_story_reason
from curator.subjects import LikeExcluded, OneWord
from curator.templatecheck import single_brace_fields
from curator.templatecopies import (
    plain_blurbs,
    unmarked_language,
    unshown_pieces,
    unshown_theme,
    unupdated_feed,
)
from curator.templatewords import fragment_headings, missing_words, untranslated_words
from curator.themes import (
    broken_promise,
    closing_mismatch,
    draft_promise,
    draft_thins_promise,
    history_notes,
    plan_gives,
    requested_subjects,
    takes_plan_place,
    theme_history,
    thin_promise,
)
from curator.urls import clean_url, url_key
from curator.variables import VariableError, check_variables, fill, fill_leaving_out


@dataclass(frozen=True)
class BuildResult:
    fetch: FetchSummary
    #: The issue built, or None when there was nothing new to feature.
    issue: Issue | None
    paths: tuple[Path, ...] = field(default_factory=tuple)
    #: What the editor should know although the issue was built (said on stderr).
    warnings: tuple[str, ...] = ()
    #: The articles published without a blurb (their messages are among `warnings` too).
    missing_blurbs: tuple[MissingBlurb, ...] = ()
    #: The articles the issue published under another subject than curator had given them (the
    #: draft put them there): placed there from now on, not learnt from.
    kept_subjects: tuple[KeptSubject, ...] = ()
    #: The URLs of the articles published that fit their subject only weakly (`weak_fit_warnings`).
    weak_fits: tuple[str, ...] = ()
    #: The articles published under their subject mostly on one word (`one_word_warnings`).
    one_word: tuple[OneWord, ...] = ()
    #: The articles published that are like one the editor excluded (`like_excluded_warnings`).
    like_excluded: tuple[LikeExcluded, ...] = ()


def discover_feeds(config: Config, url: str) -> Discovery:
    """The feeds behind `url` (a feed, a site's page, or a local feed file), found and read as the
    build reads feeds: `fetch_all` with the config's fetch settings, each candidate parsed by
    `parse_feed` (see `curator.discover`). A local path is read only when it is `url` itself."""
    settings = fetch_settings(config)
    local = not url.startswith(("http://", "https://"))

    def fetch(address: str) -> FetchResult:
        request = FetchRequest(address, kind="feed", allow_file=local and address == url)
        return fetch_all([request], settings)[0]

    return discover(url, fetch)


def run_build(
    config: Config,
    store: Store,
    *,
    now: datetime,
    out_dir: Path,
    templates: Path | None = None,
    progress: Progress | None = None,
    page_progress: PageProgress | None = None,
    store_progress: StoreProgress | None = None,
    fetch: bool = True,
    subjects: Sequence[str] = (),
    all_subjects: bool = False,
    place_progress: PlaceProgress | None = None,
    fetched: Callable[[FetchSummary], None] | None = None,
    step: Step | None = None,
    choose_progress: Say | None = None,
    fetching: Callable[[], None] | None = None,
    gone_said: bool = False,
) -> BuildResult:
    """The weekly run: fetch, then build and publish the next issue (or nothing, if nothing is new).

    The issue is about `subjects` when given, every subject with `all_subjects`, else the plan's
    next theme (every subject when there is no plan); a theme too thin raises ThemeError before
    anything is published. `fetching` is called when the feeds start to be read (after the
    templates are checked), `fetched` given the fetch's summary as soon as it is done (so that
    a run that stops after it can still report it).
    """
    subjects = requested_subjects(config, subjects, all_subjects)  # before fetching
    # The templates too: a mistake in one is said before the feeds are read (walk137 #6).
    env = environment(templates or config.settings.templates, language=config.language)
    check_templates(env, config.settings.outputs or OUTPUTS)
    # Before the feeds are read: a store older than the folder's issues stored and warned of a gap
    # in entries a published issue had featured, then stopped (walk171 #5); before placing too,
    # which takes minutes after an upgrade (walk101 #2). publish_issue checks it again with the
    # files it renders.
    stop_early_for_unrecorded_issue(config, store, out_dir)
    summary = FetchSummary((), 0)
    if fetch:
        if fetching is not None:
            fetching()
        summary = run_fetch(
            config,
            store,
            now=now,
            progress=progress,
            page_progress=page_progress,
            store_progress=store_progress,
        )
        if fetched is not None:
            fetched(summary)
    if summary.every_feed_failed:
        # Not one feed could be read: a scheduled run publishes nothing rather than an issue of
        # old articles that passes for this week's (walk48 #2); `--no-fetch` builds from the store.
        return BuildResult(summary, None)
    _stop_early_for_edited_draft(config, store)
    notes: list[str] = []
    refresh(config, store, progress=place_progress, say=notes.append, held=True)
    _step(step, _choosing(store))

    planned = _choose_checked(
        config,
        store,
        now=now,
        subjects=subjects,
        all_subjects=all_subjects,
        progress=choose_progress,
        check=fetch,
        read_before=now,
        command="build",
        notes=notes,
    )
    _step(step, None, _chose(planned))
    if planned is None:
        store.local_files_told()  # (in `notes`, which the run says now)
        return BuildResult(summary, None, warnings=tuple(notes))
    stale = _unused_draft(config, store, planned)
    issue = planned.issue
    # (said once, by the first build that leaves it out: walk53 #1's came back every week)
    said = store.retold_said()
    told = (t.article.id for s in issue.sections for t in s.retold if not t.recorded)
    published = publish_issue(
        issue,
        config,
        store,
        out_dir,
        templates,
        now=now,
        planned=planned.planned,
        said=(*planned.said, *told),
        retold=planned.retold,
        gone_said=gone_said,
    )
    # (the issue is out: nothing below writes to the store, whose failure would say otherwise)
    # (the next issue's draft, which `curator draft` writes, in the advice: walk104 #5, the
    # placeholder DRAFT pasted failed "DRAFT: cannot read the draft")
    two_steps = draft_then_build(config, issue.number + 1)
    # (the issue is out: first how to correct it where it is, then how to check the next one
    # before it is published: walk107, the draft's two steps alone came too late for this one)
    json_file = _issue_json(out_dir, issue.number)
    render = f"`curator render {issue.number}`"
    later = "; next time, to check an issue before it is published: " + two_steps + ")"
    missing = missing_blurbs(
        issue,
        f'it is published without one (to add one now: its "blurb" in {json_file}, then {render}'
        + later,
    )
    unread = unread_pages(store, issue, published=True)
    # Dated today, after an issue dated later (walk49 #2: one dated ahead by its draft).
    dates = {r.number: stored_day(r) for r in store.issues() if r.number < issue.number}
    dates[issue.number] = issue.date
    order = dated_out_of_order(dates, issue.number, today=issue.date.date(), out_dir=out_dir)
    blurb_now = f'its "blurb" in {json_file}, then {render}'
    short = short_blurbs(issue, f"it is published so (to add a sentence now: {blurb_now}" + later)
    disputed = disputed_credits(
        issue,
        f'it is published so (to correct it now: its "authors" or "publication" in {json_file},'
        f" then {render}" + later,
        config,
        store,
    )
    weak = weak_blurbs(issue, f"it is published so (to change it now: {blurb_now}" + later)
    openings = lost_openings(issue, f"it is published so (to check it now: {blurb_now}" + later)
    copies = same_stories(
        issue,
        "it is named under that article as {named}, not as an article"
        " of its own, and counts as published with this issue. If they are different stories, to"
        ' feature it in a later issue: add "## {url}" to that issue\'s draft (`curator draft`),'
        " with {again} in its front matter",
        templates or config.settings.templates,
    )
    retold = retold_stories(
        issue,
        "If it is another story, or worth telling again, feature it in a later issue: add"
        ' "## {url}" to that issue\'s draft, and {again} to its front matter ('
        + two_steps.replace("{", "{{").replace("}", "}}")
        + ")",
        said,
    )
    warnings = (
        *notes,
        *planned.warnings,
        *copies,
        *retold,
        *unshown_pieces(issue, templates or config.settings.templates),
        *unshown_theme(issue, templates or config.settings.templates),
        *reader_notes(config, issue, out_dir),
        *plain_blurbs(issue, templates or config.settings.templates),
        *unmarked_language(config.language, templates or config.settings.templates),
        *untranslated_words(config.language, templates or config.settings.templates, issue.date),
        *missing_words(templates or config.settings.templates),
        *fragment_headings(templates or config.settings.templates),
        *single_brace_fields(templates or config.settings.templates),
        *(m.message for m in missing),
        *short,
        *weak,
        *openings,
        *disputed,
        *unread,
        *published.warnings,
        *order,
        *(_stale_draft(path, issue.number) for path in stale),
    )
    return BuildResult(
        summary,
        issue,
        published.paths,
        warnings,
        missing,
        published.kept,
        planned.weak_fits,
        planned.one_word,
        planned.like_excluded,
    )


def _stale_draft(path: Path, number: int) -> str:
    """What a build that published issue `number` past its unedited draft at `path` says (walk89
    #3: another editor's draft went out of date unsaid, and building it later failed)."""
    return (
        f"{path}, a draft of issue {number} not edited since `curator draft` wrote it, is out"
        f" of date now: this build published issue {number} without it, and it cannot be"
        f" published. `curator draft` writes a draft of the next issue, {number + 1}; delete"
        f" {path} so that nobody edits it"
    )


def draft_text_warnings(
    draft: Draft, path: Path, stored: Mapping[str, Article] | None = None
) -> tuple[str, ...]:
    """What the editor is told about a draft's introduction and closing line: a link to an
    address never published, a sentence of the closing line said in the introduction too."""
    lines = draft.introduction_lines

    def at(line: int) -> str:
        return (
            f"{path}:{lines[line - 1] if 0 < line <= len(lines) else draft.lines.get('title', 2)}"
        )

    closing_at = f"{path}:{draft.lines.get('closing', 2)}"
    # Why: the editor fixed feeds.yaml after `curator draft` warned, but the draft kept init's
    # title and editor, and `build --draft` published "My Newsletter ... edited by Your Name".
    placeholders = tuple(
        f"{path}:{draft.lines.get(key, 2)}: `{key}: {value}` is still the placeholder"
        " `curator init` wrote, and is published as it is: write your newsletter's own in the"
        " draft (the draft copied it from feeds.yaml when it was written; a change to feeds.yaml"
        " since does not reach it)"
        for key, value in (("title", draft.title), ("editor", draft.editor))
        if value.split() == INIT_PLACEHOLDERS[key].split()
    )
    # A word processor's quotes are text to YAML: `editor: “Morgan Ellery”` was published
    # "edited by “Morgan Ellery”" without a word, where feeds.yaml warns (walk72 #4).
    curly = tuple(
        f"{path}:{draft.lines.get(key, 2)}: `{key}: {value}` is published with the curly quotes,"
        " which are text to YAML, not quotes: write"
        f" {key}: {value[1:-1]}"
        for key, value in (
            ("title", draft.title),
            ("editor", draft.editor),
            ("closing", draft.closing),
        )
        if len(value) > 2 and value[0] in "“‘" and value[-1] in "”’"
    )
    return (
        *placeholders,
        *curly,
        *link_warnings(
            draft.introduction, at, f"the introduction in {path}", relative=True, draft=True
        ),
        *repeated_closing(draft.introduction, draft.closing, at, f"`closing:` in {path}"),
        *link_warnings(
            draft.closing, lambda _: closing_at, f"`closing:` in {path}", relative=True, draft=True
        ),
        *draft_entry_warnings(draft.sections, path, stored),
        *borrowed_references(draft, path),
    )


def write_next_draft(
    config: Config,
    store: Store,
    *,
    now: datetime,
    force: bool = False,
    subjects: Sequence[str] = (),
    all_subjects: bool = False,
    place_progress: PlaceProgress | None = None,
    say: Say | None = None,
    config_arg: str = "",
    step: Step | None = None,
    choose_progress: Say | None = None,
    check_links: bool = True,
    read_before: datetime | None = None,
) -> DraftWritten | None:
    """Write drafts/issue-<N>.md for the editor to review; records nothing as featured. When
    there is nothing to draft, what placing had to say goes to `say` (else it is among the
    draft's warnings). `config_arg` (` --config PATH` or "") ends the build command the draft's
    first note gives. With `check_links`, the links of articles stored before `read_before`
    (default: `now`) are checked first (`curator.linkcheck`)."""
    folder = config.settings.drafts or config.folder / "drafts"
    # Before placing, which takes minutes after an upgrade (walk101 #2): the draft it would
    # replace (checked again below, with the issue's own number).
    number = store.next_issue_number()
    _stop_before_replacing_draft(draft_path(folder, number), force, store, number)
    notes: list[str] = []
    # (What it says of local files is told only when the run gets to say it: walk76 #4.)
    refresh(config, store, progress=place_progress, say=notes.append, held=True)
    _step(step, _choosing(store))

    planned = _choose_checked(
        config,
        store,
        now=now,
        subjects=subjects,
        all_subjects=all_subjects,
        progress=choose_progress,
        check=check_links,
        read_before=read_before or now,
        command="draft",
        notes=notes,
    )
    _step(step, None, _chose(planned))
    if planned is None:
        if say is not None:
            for note in notes:
                say(note)
            store.local_files_told()
        return None
    issue = planned.issue
    path = draft_path(folder, issue.number)
    _stop_before_replacing_draft(path, force, store, issue.number)
    text = _draft_text(config, store, planned, path, config_arg)
    kept = _keep_edited_draft(store, issue.number, path, text) if path.exists() else None
    if not force and path.exists():
        # walk146 #6: `draft --subject X` run again refused to replace a draft nobody had edited
        notes.append(f"{path} was unchanged since curator wrote it: replaced by this draft")
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise BuildError(_cannot_write_draft(config, path, exc)) from None
    if kept is not None:
        notes.append(
            f"{path} was edited since curator wrote it: --force replaced it, and the"
            f" edited draft is kept as {kept}; copy what you want of it into the new draft"
            " (or delete it)"
        )
    store.record_draft_written(issue.number, _digest(text))
    # (the titles it wrote: a feed's correction since is told from the editor's edit: walk150 #1)
    store.record_draft_titles(
        issue.number,
        {e.article.id: e.article.title for s in issue.sections for e in s.entries if e.article.id},
    )
    store.record_draft_retold(issue.number, planned.retold)
    store.record_draft_compared(
        issue.number,
        [a.id for s in issue.sections for e in s.entries for a in (e.article, *e.copy_articles)],
    )
    missing = missing_blurbs(issue, f"write one under its heading in {path}")
    unread = unread_pages(store, issue, published=False)
    # (the draft's path, not the placeholder DRAFT, which failed pasted: walk104 #5)
    built = shell_arg(path).replace("{", "{{").replace("}", "}}")
    copies = same_stories(
        issue,
        f'{path} names it in a note under "# {{subject}}": `curator build --draft {built}` names'
        " it under that article as {named} and counts it as published with the"
        ' issue; to feature it as an article of its own, move its "##" line out of that note',
        config.settings.templates,
    )
    short = short_blurbs(issue, f"add a sentence under its heading in {path}, or leave it")
    weak = weak_blurbs(issue, f"check it under its heading in {path}")
    retold = retold_stories(
        issue,
        f'{path} lists it in a note under "# {{subject}}": to feature it all the same, put'
        ' "## {url}" on a line of its own above that note',
    )
    openings = lost_openings(issue, f"check it against the page, under its heading in {path}")
    credit_notes = noted_credits(text)
    warnings = (
        *notes,
        *planned.warnings,
        *copies,
        *retold,
        *(m.message for m in missing),
        *short,
        *weak,
        *openings,
        *unread,
        *filter(None, [credit_notes_line(credit_notes, path)]),
    )
    store.local_files_told()  # (in `notes`, which the run says now)
    return DraftWritten(
        issue,
        path,
        warnings,
        missing,
        planned.weak_fits,
        planned.one_word,
        planned.like_excluded,
        credit_notes,
    )


def _credits_by_address(
    config: Config,
    store: Store,
    draft: Draft,
    known: Mapping[str, Article],
    issue: Issue,
    draft_file: Path,
    out_dir: Path,
) -> tuple[str, ...]:
    """What is unsure in the credit of each article the draft added by its address alone (a
    `## URL` heading): the editor saw no draft note on it, so the build says what the note would
    have (`disputed_credits`; walk67 #1: "World News Wire", a feed's title, published for a Yahoo
    page without a word). The issue is published by then: the advice corrects it where it is
    (walk75 #2: "then build again" met "it was published already")."""
    ids = {
        known[e.url].id
        for e in draft.entries
        if e.url_only and not e.credit_lines and e.url in known
    }
    if not ids:
        return ()
    return disputed_credits(
        _only(issue, ids),
        "it was added to the draft by its address and is published so (to correct it: its"
        f' "authors" or "publication" in {_issue_json(out_dir, issue.number)}, then'
        f" `curator render {issue.number}`; in a later draft, an `author:` or `publication:` line"
        " under its heading)",
        config,
        store,
    )


def _blurbs_by_address(
    draft: Draft, known: Mapping[str, Article], issue: Issue, draft_file: Path, out_dir: Path
) -> tuple[str, ...]:
    """A warning per article the draft added by its address alone, with no blurb written under
    it, whose blurb may not say what the article is about (`weak_blurbs`): the editor saw no
    draft note on it, and a plain build says it (walk72 #7, walk67 #2)."""
    ids = {known[e.url].id for e in draft.entries if e.url_only and not e.blurb and e.url in known}
    if not ids:
        return ()
    return weak_blurbs(
        _only(issue, ids),
        "it was added to the draft by its address and is published so (to correct it: its"
        f' "blurb" in {_issue_json(out_dir, issue.number)}, then `curator render {issue.number}`;'
        " in a later draft, a blurb under its heading)",
    )


def reader_notes(
    config: Config, issue: Issue, out_dir: Path, *, rendering: bool = False
) -> list[str]:
    """What readers' software gets wrong in the issue as published (walk159, an accessibility
    walk): link words going to two places or saying nothing, articles whose language is told by
    their letters alone; with `rendering` (`curator render`, which reads issue-N.json and says
    nothing else of its introduction), its links with no words too."""
    json_file = _issue_json(out_dir, issue.number)
    again = f"`curator render {issue.number} --config {shell_arg(str(config.path))}`"
    notes = link_text_warnings(
        issue,
        f"{json_file} (then {again}) or, before it is published, in the issue's draft",
    )
    notes += language_warnings(issue, config.language, f"{json_file}, then {again}")
    if rendering:
        rewritten = "json" in (config.settings.outputs or OUTPUTS)
        notes += empty_link_warnings(issue, str(json_file), rewritten=rewritten)
    return notes


def _issue_json(out_dir: Path, number: int) -> Path:
    """Where issue `number`'s JSON edition is, the file `curator render` gives it back from."""
    return out_dir / f"issue-{number}.json"


def _only(issue: Issue, ids: Collection[int]) -> Issue:
    """`issue` with only the articles of `ids`."""
    sections = tuple(
        replace(s, entries=tuple(e for e in s.entries if e.article.id in ids))
        for s in issue.sections
    )
    return replace(issue, sections=sections)


def _draft_theme_source(config: Config, store: Store, draft: Draft, draft_file: Path) -> str | None:
    """How a draft chose its issue's theme, for a warning about it: its `theme:` line, or, when
    it has none (`draft --all-subjects` writes none), the line's absence (walk48 #4: the warning
    named a `theme:` line that was not there); None (the plan, as `broken_promise` says) when
    its theme is the one the plan gives next, as `curator draft` wrote it (walk111 #3: a plan
    reordered was blamed on the draft's `theme:`, which the editor never touched)."""
    if plan_gives(config, store, draft.theme):
        return None
    if "theme" in draft.lines:
        return f"{draft_file}:{draft.lines['theme']} has it (front matter theme:)"
    return (
        f"{draft_file} has no `theme:` line in its front matter, and a draft without one is of"
        " every subject"
    )


def build_from_draft(
    config: Config,
    store: Store,
    draft_file: Path,
    *,
    now: datetime,
    out_dir: Path,
    templates: Path | None = None,
    gone_said: bool = False,
) -> BuildResult:
    """Publish exactly what the edited draft says; articles added by URL are read first
    (`gone_said`: as `publish_issue`'s)."""
    stop_for_another_newsletters_draft(config, draft_file)  # (walk166 #2: before it is read)
    draft = read_draft(draft_file, [s.name for s in config.subjects], today=issue_day(now).date())
    expected = store.next_issue_number()
    if draft.number != expected:
        # The draft's `number:` is out of step (published already, or edited): a mistake in the
        # draft (exit 2), as README's table of exit codes says.
        if draft.number < expected:
            # walk89 #3: "correct `number:`" then gave an error per article the published issue
            # had featured already; a fresh draft of the next issue is what works.
            # walk149 #7: it gave the new draft as the way to publish the edits, which makes
            # another issue; a correction to this one is made in its issue-N.json.
            n = draft.number
            json_file = out_dir / f"issue-{n}.json"
            raise InputError(
                f"{draft_file}: the draft is issue {n}, which was published already, and a draft"
                f" is built once. To correct issue {n}, edit {json_file} (an article's"
                ' "title", "authors", "publication", "blurb" or "blurb_markdown", "url"; the'
                ' issue\'s "title", "introduction", "closing", "date") and run'
                f" `curator render {n}`. To make a new issue of your edits instead, run `curator"
                f" draft` for a draft of issue {expected} (articles issue {n} featured are not"
                " in it), copy your edits over into it, and build that draft"
            )
        raise InputError(
            f"{draft_file}: the draft is issue {draft.number}, but the next issue is {expected};"
            " run `curator draft` for a fresh one, or correct `number:`"
        )
    # Before an article added by address is read and stored (walk171 #5), and before placing,
    # which takes minutes after an upgrade (walk101 #2).
    stop_early_for_unrecorded_issue(config, store, out_dir, draft.number)
    _check_draft_variables(draft, draft_file)
    descriptions = {s.name: s.description for s in config.subjects}
    known = _known_articles(store, draft.entries)
    fresh, gone = _read_unread(config, store, draft.entries, known, now)
    # Credited as a picked article is: by its feed's `name:` as feeds.yaml gives it now, which
    # may have changed since it was stored (walk45 #1: one added by address kept the old name).
    named = feed_names(config, store)
    fresh = {url: named(article) for url, article in fresh.items()}
    known = {url: named(article) for url, article in known.items()} | fresh
    credits = dropped_credits(draft, known, draft_file)
    issue, missing = draft_to_issue(draft, known, descriptions=descriptions)
    unreachable: list[str] = []
    if missing:
        added, unread = article_rules.articles_from_urls(missing, fetch_settings(config), now=now)
        store.add_articles(added.articles, feed_url=None, aliases=added.aliases)
        lines = {e.url: e.line for e in draft.entries}
        unreachable = [
            f"{draft_file}:{lines.get(link, '?')}: {link}: "
            + article_rules.unreachable_note(named, why, "the address you gave")
            for link, _title, named, why in added.unreachable
        ] + [
            # walk162 #5: a relative canonical its <base href> put on another site, not used
            f"{draft_file}:{lines.get(link, '?')}: {link}: "
            + article_rules.base_refused_note(named, base, published, link, "the address you gave")
            for link, _title, named, base, published in added.base_refused
        ]
        known = {url: named(a) for url, a in _known_articles(store, draft.entries).items()}
        known |= fresh
        issue, missing = draft_to_issue(draft, known, descriptions=descriptions)
    else:
        unread = {}
    # A stored article whose page is gone (404, 410, a redirect away) is a dead link: added by
    # address, it stops the build as an address never stored that cannot be read (walk36 #1).
    unread |= gone
    missing = (*missing, *(u for u in gone if u not in missing))
    if missing:
        lines = {e.url: e.line for e in draft.entries}
        where = "".join(
            f"\n  {draft_file}:{lines.get(u, '?')}: {u}"
            + (f" ({unread[u]})" if u in unread else "")
            for u in sorted(missing, key=lambda u: lines.get(u, 0))
        )
        private = ""
        if any(unread.get(u, "").startswith("refused: ") for u in missing):
            # Refused as not public (walk48 #5): the setting that reads it is the fix to name.
            private = (
                "; one refused as not at a public address is read if you set"
                f" `allow_private_addresses: true` under `settings:` in {config.path} (for a site"
                " on your own network, or a test site)"
            )
        raise BuildError(
            f"{draft_file}: cannot read the article(s) added by URL; check the address, or remove"
            f" it from the draft{private}:{where}"
        )
    if not issue.sections:
        raise BuildError(f"{draft_file}: the draft has no articles left; nothing to publish")
    # An article an earlier issue featured stops the build unless the draft says it is meant.
    ids = [e.article.id for s in issue.sections for e in s.entries]
    # Two addresses the store knows as one article (an alias): one article, named twice; a
    # heading over another stored article's address (walk142 #2), said with them.
    as_written = draft_file.read_text(encoding="utf-8")
    at_url = url_lines(as_written, draft.entries)
    titled = store.articles_titled(titles_to_look_up(draft))
    as_stored = {a.id: a for a in store.articles_by_ids([i for i in ids if i is not None])}
    originals = [as_stored.get(e.article.id, e.article) for s in issue.sections for e in s.entries]
    saved = datetime.fromtimestamp(draft_file.stat().st_mtime, UTC)
    excluded = store.exclusions_made([i for i in ids if i is not None])
    stop_for(
        draft_file,
        named_twice(draft, ids, draft_file)
        + swapped_addresses(draft, originals, draft_file, titled, at_url)
        + excluded_since(draft, ids, excluded, saved, draft_file),
    )
    earlier = [store.issues_featuring(i) for i in ids]
    as_copy = [store.issues_featuring(i, only_copies=True) for i in ids]
    titles: list[str] = []
    if any(earlier):  # the title the last issue featuring each published it under
        as_published = {r.number: r.as_published for r in store.issues(with_articles=True)}
        titles = [
            (as_published.get(numbers[-1], {}).get(i) or Article(id=i, url="", title="")).title
            if numbers
            else ""
            for i, numbers in zip(ids, earlier, strict=True)
        ]
    # An article telling a story a recent issue published (the comparison `curator draft` leaves
    # such candidates out by) is published again only on purpose (walk161 #1: a draft an older
    # curator wrote, or an address added by hand): the draft's own note of them listed those it
    # found, so one moved out of it is meant, as the note says.
    noted = {row[0] for row in store.draft_retold(draft.number)}
    told = told_before(originals, store.recent_published(RETOLD_ISSUES), story_boilerplate(store))
    told_again = [
        None if numbers or article.id in noted else story
        for article, numbers, story in zip(originals, earlier, told, strict=True)
    ]
    # Two articles of the draft telling one story are refused as a copy of an earlier issue's
    # story is (walk169 #8: a syndicated copy and its original were published side by side).
    twice, twins = same_story_twice(
        draft,
        originals,
        draft_file,
        compared=store.draft_compared(draft.number),
        boilerplate=story_boilerplate(store),
    )
    repeats = twice + featured_again(
        draft,
        issue,
        earlier,
        draft_file,
        as_copy=as_copy,
        titles=titles,
        retold=told_again,
        twins=twins,
    )
    if repeats:  # said with the articles left without a blurb, if any
        stop_for(draft_file, repeats + blurb_mistakes(draft, issue, draft_file))
    check_blurbs(draft, issue, draft_file)
    moved = moved_addresses(draft, issue, draft_file)
    moved += changed_addresses(draft, issue, draft_file, at_url)
    issue, unnamed = _with_copies(store, draft, issue, draft_file)
    # Its stored articles' pages may be gone since they were stored (walk132): the draft says
    # what to publish, so one gone stops the build, as an address added that cannot be read.
    checked: list[str] = []
    issue, dead = recheck_draft(
        config,
        store,
        issue,
        now=now,
        skip=[a.id for a in fresh.values() if a.id is not None],
        say=checked.append,
    )
    if dead:
        lines = {e.url: e.line for e in draft.entries}
        # (a copy named under its article is a "## URL" line in the draft's note of them)
        for n, text in enumerate(draft_file.read_text(encoding="utf-8").splitlines(), 1):
            if text.startswith("## "):
                lines.setdefault(text[3:].strip(), n)
        where = "".join(
            f"\n  {draft_file}:{lines[a.url]}: {a.url} ({error})"
            if a.url in lines
            else f"\n  {draft_file}: {a.url} ({error}), named under another article"
            for a, error in dead
        )
        raise BuildError(
            f"{draft_file}: the page of an article the draft features is gone since it was"
            " stored: nothing was published; cut it from the draft (or put another address in"
            f" its place), then build again:{where}"
        )
    copies = same_stories(
        issue,
        "it is named under that article as {named}, not as an article"
        f" of its own, and counts as published with this issue ({draft_file} left it in its note"
        " of articles left out as the same story). If they are different stories, to feature it"
        ' in a later issue: add "## {url}" to that issue\'s draft, with {again} in'
        " its front matter",
        templates or config.settings.templates,
    )
    # Every article this draft publishes (those "also covered by" too), by id.
    published_ids = [
        a.id for s in issue.sections for e in s.entries for a in (e.article, *e.copy_articles)
    ]
    warnings = (
        *history_notes(config, theme_history(config, store)),
        *broken_promise(
            config,
            store,
            issue.number,
            issue.theme,
            _draft_theme_source(config, store, draft, draft_file),
            published_ids,
            [s.subject for s in issue.sections if s.entries],
        ),
        *_repeat_warning(
            config,
            store,
            issue,
            f"{draft_file}:{draft.introduction_lines[0]}"
            if draft.introduction_lines
            else str(draft_file),
        ),
        *draft_text_warnings(draft, draft_file, known),
        *corrected_since_drafted(store, draft, draft_file, known),
        *_own_title(config, draft, draft_file),
        *_dated_before(store, draft, draft_file, now, out_dir),
        *_published_just_now(store, issue.number, now, draft=True),
        *_from_removed_feeds(config, issue),
        *_dated_ahead(draft, draft_file, now, out_dir),
        *empty_sections(draft, draft_file),
        *merged_sections(draft, draft_file),
        *renamed_headings(draft, draft_file, as_written),
        *_other_edited_drafts(config, store, draft.number, draft_file),
        *unreachable,
        *moved,
        *checked,
        *copies,
        *unshown_pieces(issue, templates or config.settings.templates),
        *unshown_theme(issue, templates or config.settings.templates),
        *reader_notes(config, issue, out_dir),
        *plain_blurbs(issue, templates or config.settings.templates),
        *unmarked_language(config.language, templates or config.settings.templates),
        *untranslated_words(config.language, templates or config.settings.templates, issue.date),
        *missing_words(templates or config.settings.templates),
        *fragment_headings(templates or config.settings.templates),
        *single_brace_fields(templates or config.settings.templates),
        *unnamed,
    )
    # Where curator itself places each article now (those added by URL too), to tell the
    # editor which the draft put elsewhere.
    notes: list[str] = []
    refresh(config, store, say=notes.append, held=True)
    planned = takes_plan_place(config, store, issue.theme)
    featured = [
        a.id for s in issue.sections for e in s.entries for a in (e.article, *e.copy_articles)
    ]
    issue, filled = _fill_draft_variables(
        config, store, draft, issue, planned, featured, draft_file
    )
    warnings = (*warnings, *filled)
    closing_at = f"{draft_file}:{draft.lines['closing']}" if "closing" in draft.lines else ""
    mismatch = closing_mismatch(
        config,
        store,
        issue.theme,
        planned,
        issue.closing,
        closing_at or str(draft_file),
        featured,
    )
    draft_thins_promise(  # (before publishing: walk153 #6)
        config,
        store,
        issue.theme,
        planned,
        issue.closing,
        [
            (a.id, a.title, s.subject)
            for s in issue.sections
            for e in s.entries
            for a in (e.article, *e.copy_articles)
            if a.id is not None
        ],
        closing_at or str(draft_file),
    )
    mismatch += thin_promise(
        config,
        store,
        issue.theme,
        planned,
        issue.closing,
        featured,
        closing_at or str(draft_file),
    )
    issue = _draft_passed_over(store, draft, issue)
    issue = stored_scores(store, issue)
    # The copies of stories told before that `curator draft` found and listed: recorded with the
    # issue, as a plain build records them (walk111 #1), but for one the draft now features.
    taken = set(featured)
    retold = [r for r in store.draft_retold(draft.number) if r[0] not in taken]
    published = publish_issue(
        issue,
        config,
        store,
        out_dir,
        templates,
        now=now,
        planned=planned,
        retold=retold,
        gone_said=gone_said,
    )
    not_read = unread_pages(store, issue, published=True, stored=known)
    by_address = _credits_by_address(config, store, draft, known, issue, draft_file, out_dir)
    by_address += _blurbs_by_address(draft, known, issue, draft_file, out_dir)
    warnings = (
        *credits,
        *by_address,
        *notes,
        *warnings,
        *mismatch,
        *not_read,
        *published.warnings,
    )
    return BuildResult(
        FetchSummary((), 0), issue, published.paths, warnings, kept_subjects=published.kept
    )


def _draft_passed_over(store: Store, draft: Draft, issue: Issue) -> Issue:
    """`issue` with each section's articles left out for variety as the draft's notes still
    name them (`Draft.passed_over`), so that `build --draft` says what `curator draft` said
    (walk57 #6); one the editor moved out of its note, or that an issue featured since, is not
    left out."""
    featured = {
        a.url for s in issue.sections for e in s.entries for a in (e.article, *e.copy_articles)
    }
    # Each under the section of the subject curator has it under, the one whose note `draft`
    # wrote it in, not the heading above the note (walk154 NEW-2: a `# Customer success` the
    # editor wrote above the journey section's last article took that section's note, and the
    # build said Customer success had left 3 out for variety; a theme and heading changed to
    # Voice of the customer took Customer success's).
    noted: list[tuple[str, Article]] = []
    for heading, url in draft.passed_over:
        article = store.article_by_url(url) if url not in featured else None
        if article is None or article.url in featured or store.issues_featuring(article.id):
            continue
        _, placed = store.stored_subject(article.id) if article.id is not None else (False, None)
        # (one under a subject no section is waits for its own issue: left out of none here)
        noted.append(((placed if placed is not None else heading).casefold(), article))
    sections = []
    for section in issue.sections:
        left = [Scored(a, 0.0) for under, a in noted if under == section.subject.casefold()]
        sections.append(replace(section, passed_over=tuple(left)))
    return replace(issue, sections=tuple(sections))


def _draft_line(draft: Draft, intro_line: int) -> int:
    """The draft file's line of line `intro_line` (1-based) of its introduction."""
    lines = draft.introduction_lines
    return lines[intro_line - 1] if 0 < intro_line <= len(lines) else draft.lines.get("title", 2)


def _check_draft_variables(draft: Draft, path: Path) -> None:
    """Stop (exit 2) at a word in braces in the draft's introduction or closing line that is no
    variable, by its line, with a did-you-mean, as feeds.yaml's texts are checked."""
    for text, is_intro in ((draft.introduction, True), (draft.closing, False)):
        try:
            check_variables(text or "")
        except VariableError as exc:
            line = _draft_line(draft, exc.line) if is_intro else draft.lines.get("closing", 2)
            raise InputError(f"{path}:{line}: {exc.message}; correct it in the draft") from None


def _fill_draft_variables(
    config: Config,
    store: Store,
    draft: Draft,
    issue: Issue,
    planned: bool,
    featured: Sequence[int],
    path: Path,
) -> tuple[Issue, tuple[str, ...]]:
    """The issue with the variables of its draft's introduction and closing line ({number},
    {next_theme}...) filled in as feeds.yaml's are (walk46 N1: published as typed), and what was
    left out: a sentence of the introduction, or the closing line, naming an empty one."""
    promise, no_promise = draft_promise(config, store, issue.theme, planned, featured)
    values = {
        "number": issue.number,
        "title": issue.title,
        "editor": issue.editor or "",
        "date": date_text(issue.date),
        "theme": join_names(list(issue.theme)),
        "next_theme": join_names(list(promise)),
    }
    because = {
        "theme": "this issue has every subject, so no theme",
        "editor": "the draft gives no `editor:`",
        "next_theme": no_promise,
    }
    introduction, left_out = fill_leaving_out(issue.introduction or "", values)
    warnings = [
        f"{path}:{_draft_line(draft, gap.line)}: {{{gap.variable}}} is empty in issue"
        f" {issue.number} ({because.get(gap.variable, 'it has no value')}), so the sentence"
        f' "{gap.sentence}" was left out of its introduction; to say something there, write it'
        f" without {{{gap.variable}}}"
        for gap in left_out
    ]
    closing = issue.closing or ""
    if "{next_theme}" in closing and not promise:
        warnings.append(
            f'{path}:{draft.lines.get("closing", 2)}: the closing line "{closing.strip()}" was'
            f" left out of issue {issue.number}: it names {{next_theme}}, which is empty because"
            f" {no_promise}; to close the issue all the same, write a closing line without"
            " {next_theme} there"
        )
        closing = ""
    elif "closing" not in draft.lines and "{next_theme}" in config.themes.closing and not promise:
        # `curator draft` left the configured closing line out (and said so); published from the
        # draft, the issue has none, which was said no more (walk122 #2)
        warnings.append(
            f"{path}: issue {issue.number} has no closing line: `themes: closing` in {config.path}"
            f' ("{config.themes.closing.strip()}") names {{next_theme}}, which is empty because'
            f" {no_promise}; to close the issue all the same, add `closing:` with a line without"
            " {next_theme} to the draft's front matter"
        )
    # (a text without braces is kept exactly as written)
    if "{" in (issue.introduction or "") or "}" in (issue.introduction or ""):
        issue = replace(issue, introduction=introduction.strip())
    if closing != issue.closing or "{" in closing or "}" in closing:
        issue = replace(issue, closing=fill(closing, values).strip())
    return issue, tuple(warnings)


def _own_title(config: Config, draft: Draft, path: Path) -> tuple[str, ...]:
    """What becomes of a draft's `title:` other than the newsletter's: the issue is published
    under it, and the archive page and feed of issues keep feeds.yaml's (walk38 #7)."""
    if draft.title.split() == config.title.split():
        return ()
    return (
        f"{path}:{draft.lines.get('title', 2)}: issue {draft.number} is published as"
        f' "{draft.title}" (the draft\'s title:), but the archive page (index.html) and the feed'
        f' of issues (feed.xml) keep the newsletter\'s title, "{config.title}": to rename the'
        f" newsletter, change `newsletter: title:` in {config.path}",
    )


def _with_copies(
    store: Store, draft: Draft, issue: Issue, path: Path
) -> tuple[Issue, tuple[str, ...]]:
    """The issue with each article left in the draft's same-story notes (`Draft.copies`) named
    under the article it is the same story as ("Also covered by", recorded as published with the
    issue, as a plain build does), and a warning for each that could not be: the article it is
    the same story as is no longer in the draft, or curator does not know its address."""
    entries = [(s, e) for s in issue.sections for e in s.entries]
    by_url = {clean_url(d.url): e for d, (_, e) in zip(draft.entries, entries, strict=True)}
    by_url |= {clean_url(e.article.url): e for _, e in entries}
    by_title = {d.title: e for d, (_, e) in zip(draft.entries, entries, strict=True) if d.title}
    by_title |= {e.article.title: e for _, e in entries}
    subject_of = {id(e): s.subject for s, e in entries}
    added: dict[int, list[Copy]] = {}
    warnings = []
    for copy in draft.copies:
        if clean_url(copy.url) in by_url:  # its "##" line is in the draft as an article too
            continue
        entry = by_url.get(clean_url(copy.of_url)) if copy.of_url else None
        entry = entry or (by_title.get(copy.of_title) if copy.explained else None)
        article = store.article_by_url(copy.url)
        where = (
            f"{path}:{copy.line}: {copy.url}, in the note of articles left out as the same story,"
        )
        if entry is None and not copy.explained and article is not None:
            # The line under its "##" was edited (walk113 #2: the copy was left unnamed, unsaid):
            # the article of the note's subject it is the same story as, by their text.
            entry = _same_story_entry(article, entries, copy.subject)
            if entry is None:
                warnings.append(
                    f'{where} is named by no article: the line under its "##" line no longer'
                    " says which article it is the same story as (it said: the same story as"
                    ' "Title" (address): ...), and curator finds none in the draft that tells'
                    " its story; it is not named in the issue nor published with it (a later"
                    " issue may feature it). To name it, write that line again under it, e.g."
                    " '   the same story as \"Title of the article\" (https://...): ', with the"
                    " title and address of the article it goes with"
                )
                continue
        if entry is None:
            warnings.append(
                f'{where} is the same story as "{copy.of_title}", which the draft no longer'
                " features: it is not named in the issue nor published with it (a later issue"
                ' may feature it); to name it, keep that article, or move its "##" line out of'
                " the note to feature it"
            )
            continue
        if article is None:
            warnings.append(
                f"{where} is no article curator knows: it is not named in the issue; check its"
                " address"
            )
            continue
        why = same_story_reason(fingerprint(entry.article), fingerprint(article))
        reason = why or "the draft's note names it so"
        added.setdefault(id(entry), []).append(Copy(article, subject_of[id(entry)], reason))
    if not added:
        return issue, tuple(warnings)

    def named(entry: Scored) -> Scored:
        more = added.get(id(entry), [])
        also = tuple((c.article.publication or c.article.url, c.article.url) for c in more)
        return replace(
            entry,
            also_covered_by=(*entry.also_covered_by, *also),
            copies=(*entry.copies, *more),
        )

    sections = tuple(replace(s, entries=tuple(named(e) for e in s.entries)) for s in issue.sections)
    return replace(issue, sections=sections), tuple(warnings)


def _same_story_entry(
    article: Article, entries: Sequence[tuple[Section, Scored]], subject: str
) -> Scored | None:
    """The article of `entries` that `article` tells the same story as (`same_story_reason`),
    those of `subject` first; None for none."""
    ordered = sorted(entries, key=lambda pair: pair[0].subject != subject)
    mark = fingerprint(article)
    for _, entry in ordered:
        if same_story_reason(fingerprint(entry.article), mark):
            return entry
    return None


def _read_unread(
    config: Config,
    store: Store,
    entries: Sequence[DraftEntry],
    known: Mapping[str, Article],
    now: datetime,
) -> tuple[dict[str, Article], dict[str, str]]:
    """The stored articles the draft adds by address alone whose page was never read (refused as
    not public, failed, or featured before it could be read again), each as its page reads now:
    README promises that an added address is read. An article not featured yet is stored so;
    one an issue featured keeps its stored row (that issue published it so), and this issue
    publishes it as read now. A page that still cannot be read leaves the article as stored,
    but for one gone for good (404, 410, a redirect away: a dead link), returned with why."""
    stale = {
        entry.url: known[entry.url]
        for entry in entries
        if entry.url_only
        and entry.url in known
        and known[entry.url].text is None
        and entry.url.startswith(("http://", "https://"))
    }
    if not stale:
        return {}, {}
    built, errors = article_rules.articles_from_urls(list(stale), fetch_settings(config), now=now)
    read = dict(built.articles)
    found = {}
    gone = {}
    for url, old in stale.items():
        key = url_key(url)
        article = read.get(built.aliases.get(key, key))
        if article is None or article.text is None:
            if url in errors and _gone(errors[url]):
                gone[url] = errors[url]
            continue
        source = next((f for f in config.feeds if f.url == old.feed_url), None)
        article = replace(
            article,
            # A feed's `name:` is the editor's word for every article of it.
            publication=source.name if source and source.name else article.publication,
            id=old.id,
            first_seen=old.first_seen,
            feed_url=old.feed_url,
            subject_hints=old.subject_hints,
        )
        store.update_read_article(old.id, article)
        found[url] = article
    return found, gone


def _gone(reason: str) -> bool:
    """Whether a page's read says it is gone for good: 404, 410 or a redirect away."""
    return reason.startswith(("HTTP 404", "HTTP 410", article_rules.REDIRECTED_AWAY))


def stored_scores(store: Store, issue: Issue) -> Issue:
    """`issue` with each article's score and matched words as the store holds them under its
    section's subject (as a plain build publishes them), or marked unknown (`Scored.scored`)
    when curator placed it under no such subject (the editor moved it there).

    Why: `build --draft` and `render` from the store wrote every article's score as 0.0 with
    no matched words in issue-N.json (walk84 N2)."""
    sections = []
    for section in issue.sections:
        ids = [e.article.id for e in section.entries]
        stored = {
            a.id: (score, matched)
            for a, score, matched in store.candidates_by_id(section.subject, ids)
        }
        entries = tuple(
            replace(e, score=stored[e.article.id][0], matched=stored[e.article.id][1], scored=True)
            if e.article.id in stored
            else replace(e, score=0.0, matched=(), scored=False)
            for e in section.entries
        )
        sections.append(replace(section, entries=entries))
    return replace(issue, sections=tuple(sections))


def corrected_since_drafted(
    store: Store, draft: Draft, path: Path, known: Mapping[str, Article]
) -> tuple[str, ...]:
    """The draft's article titles that their feed corrected since `curator draft` wrote the draft
    (`known`: the stored articles by the draft's addresses). The draft is the editor's text, and
    its title is what the issue publishes: each is said with its line, to edit if the correction
    is wanted.

    Why: a feed's correction between `draft` and `build --draft` was taken into the store and
    said as "taken", but the build published the draft's old headline without a word (walk150
    #1)."""
    written = store.draft_titles(draft.number)
    said: list[str] = []
    for entry in draft.entries:
        article = known.get(entry.url)
        if not entry.title or article is None or article.id is None:
            continue
        was = written.get(article.id)
        now = article.title
        if was is None or now == was or entry.title == now:
            continue  # (an article the editor added, no correction, or the editor took it)
        if entry.title == was:  # the line as curator wrote it
            said.append(
                f'{path}:{entry.line}: "{was}" was corrected in its feed since the draft was'
                f' written: now "{now}"; the draft\'s title is what the issue publishes: edit the'
                " line if you want the correction"
            )
        else:  # the editor's own title
            said.append(
                f'{path}:{entry.line}: its feed corrected "{was}" since the draft was written, to'
                f' "{now}"; your title "{entry.title}" is what the issue publishes: edit the line'
                " if you want the feed's"
            )
    return tuple(said)


def waiting_draft_corrections(config: Config, store: Store, now: datetime) -> tuple[str, ...]:
    """`corrected_since_drafted` for the draft of the next issue waiting in the drafts folder,
    said by `curator fetch` (walk150 #1: the fetch that took the correction said nothing of the
    draft holding the old title). A draft that cannot be read says nothing here: its build
    says what is wrong with it."""
    folder = config.settings.drafts or config.folder / "drafts"
    number = store.next_issue_number()
    path = draft_path(folder, number)
    if not path.is_file() or not store.draft_titles(number):
        return ()
    try:
        draft = read_draft(path, today=issue_day(now).date())
    except CuratorError:  # (its mistakes are said by the build, with their fixes)
        return ()
    if draft.number != number:
        return ()
    return corrected_since_drafted(store, draft, path, _known_articles(store, draft.entries))


def _known_articles(store: Store, entries: Sequence[DraftEntry]) -> dict[str, Article]:
    known = {}
    for entry in entries:
        article = store.article_by_url(entry.url)
        if article is not None:
            known[entry.url] = article
    return known


__all__ = [
    "BuildError",
    "BuildResult",
    "DraftWritten",
    "FeedReport",
    "FetchSummary",
    "MissingBlurb",
    "RUN_WAIT",
    "StoreError",
    "build_from_draft",
    "build_lock",
    "dated_out_of_order",
    "discover_feeds",
    "draft_then_build",
    "gone_issues",
    "placeholder_titles",
    "plain_blurbs",
    "publish_issue",
    "published_feed",
    "reader_notes",
    "record_published",
    "run_build",
    "run_fetch",
    "stop_early_for_unrecorded_issue",
    "stopped_issue_in",
    "stored_day",
    "stored_scores",
    "unmarked_language",
    "unshown_pieces",
    "unshown_theme",
    "unupdated_feed",
    "waiting_draft_corrections",
    "write_fix",
    "write_next_draft",
]
