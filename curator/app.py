"""The weekly run: fetch every feed, store new articles, select by subject, render and publish."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from curator.articlewarnings import (
    MissingBlurb,
    disputed_credits,
    lost_openings,
    lost_title_words,
    missing_blurbs,
    retold_stories,
    same_stories,
    short_blurbs,
    unread_pages,
    weak_blurbs,
)
from curator.buildresult import BuildResult
from curator.config import Config
from curator.discover import Discovery, discover
from curator.draft import credit_notes_line, draft_path, noted_credits
from curator.draftbuild import issue_json as _issue_json
from curator.draftbuild import reader_notes, stored_scores, waiting_draft_corrections
from curator.draftfiles import DraftWritten
from curator.draftfiles import cannot_write_draft as _cannot_write_draft
from curator.draftfiles import digest as _digest
from curator.draftfiles import draft_text as _draft_text
from curator.draftfiles import keep_edited_draft as _keep_edited_draft
from curator.draftfiles import stop_before_replacing_draft as _stop_before_replacing_draft
from curator.draftfiles import stop_early_for_edited_draft as _stop_early_for_edited_draft
from curator.draftfiles import unused_draft as _unused_draft
from curator.draftpublish import build_from_draft
from curator.editions import OUTPUTS
from curator.errors import shell_arg
from curator.fetch import fetch_all
from curator.fetch_request import FetchRequest
from curator.foreignfiles import stop_for_files_not_curators
from curator.harvest import (
    FeedReport,
    FetchSummary,
    PageProgress,
    Progress,
    StoreProgress,
    fetch_settings,
    run_fetch,
)
from curator.issuedates import dated_out_of_order, stored_day
from curator.models import FetchResult
from curator.nextissue import Step, draft_then_build
from curator.nextissue import choose_checked as _choose_checked
from curator.nextissue import choosing as _choosing
from curator.nextissue import chose as _chose
from curator.nextissue import say_step as _step
from curator.oldlinks import published_addresses
from curator.outputs import check_templates
from curator.placement import PlaceProgress, Say, refresh
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
from curator.pullednotes import pulled_articles
from curator.render import environment
from curator.runlock import RUN_WAIT, BuildError, build_lock
from curator.store import Store
from curator.storeerrors import StoreError
from curator.subjectedit import Edited
from curator.templatecheck import single_brace_fields
from curator.templatecopies import (
    plain_blurbs,
    unmarked_language,
    unshown_pieces,
    unshown_theme,
    unupdated_feed,
)
from curator.templatelinks import copy_link_warnings
from curator.templatewords import (
    and_joins,
    fragment_headings,
    missing_words,
    untranslated_words,
)
from curator.themes import requested_subjects
from curator.thinissue import thin_issue
from curator.wordlang import newsletter_language_warnings


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
    edited: Edited | None = None,
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
    # And an index.html or feed.xml curator did not write (walk179 #2: a blog's own, replaced).
    stop_for_files_not_curators(
        out_dir, env, config.settings.outputs or OUTPUTS, nothing="Nothing was fetched or published"
    )
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
    refresh(config, store, progress=place_progress, say=notes.append, held=True, edited=edited)
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
    pulled = pulled_articles(config, store, issue)  # (before the issue makes them old: walk190 #7)
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
        # (walk187 #4: a build that fetches reads a page never read before it publishes it)
        **({} if fetch else {"reads_it": "a build without --no-fetch reads it first"}),
    )
    weak = weak_blurbs(issue, f"it is published so (to change it now: {blurb_now}" + later)
    openings = lost_openings(issue, f"it is published so (to check it now: {blurb_now}" + later)
    openings += lost_title_words(
        issue,
        f'it is published so (to use it now: its "title" in {json_file}, then {render}' + later,
    )
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
        *newsletter_language_warnings(config, issue, f"`curator render {issue.number}`"),
        *plain_blurbs(issue, templates or config.settings.templates),
        *unmarked_language(config.language, templates or config.settings.templates),
        *copy_link_warnings(templates or config.settings.templates),
        *untranslated_words(config.language, templates or config.settings.templates, issue.date),
        *missing_words(
            templates or config.settings.templates,
            and_joins(
                [issue],
                [(r.number, r.theme) for r in store.issues()],
                templates or config.settings.templates,
            ),
        ),
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
        *(p.published(issue.number) for p in pulled),
        *thin_issue(config, issue, two_steps),
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
        planned.keywords_only,
        pulled,
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
    edited: Edited | None = None,
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
    refresh(config, store, progress=place_progress, say=notes.append, held=True, edited=edited)
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
    # (and the authors: a feed's correction since is followed, not taken for an edit: walk199 #1)
    store.record_draft_authors(
        issue.number,
        {
            e.article.id: e.article.authors
            for s in issue.sections
            for e in s.entries
            if e.article.id
        },
    )
    # (and the publications: a feed's new name since is followed, not taken for an edit: fixlx #2)
    store.record_draft_publications(
        issue.number,
        {
            e.article.id: e.article.publication
            for s in issue.sections
            for e in s.entries
            if e.article.id and e.article.publication
        },
    )
    # (the blurbs it wrote, curator's own: one rebuilt since is told from the editor's edit)
    store.record_draft_blurbs(
        issue.number,
        {
            e.article.id: e.article.blurb
            for s in issue.sections
            for e in s.entries
            if e.article.id and e.article.blurb_corrected_in is None
        },
    )
    store.record_draft_retold(issue.number, planned.retold)
    store.record_draft_sections(  # (a section removed whole is said cut: walk174 #1)
        issue.number,
        {s.subject: [e.article.id for e in s.entries if e.article.id] for s in issue.sections},
    )
    # (what came in since, a build of the edited draft says: walk204 #5)
    store.record_draft_newest(issue.number, store.newest_article_id())
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
        *published_addresses(issue, str(path))[1],  # (fixie #6)
        *planned.warnings,
        *copies,
        *retold,
        *(m.message for m in missing),
        *short,
        *weak,
        *openings,
        *unread,
        *filter(None, [credit_notes_line(credit_notes, path)]),
        *newsletter_language_warnings(config, issue, f"`curator build --draft {shell_arg(path)}`"),
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
        planned.keywords_only,
    )


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
