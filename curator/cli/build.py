"""`curator build`, `draft`, `fetch`, `preview` and `backup`: the weekly loop, from feeds to a
published issue (what a build or a draft says after its run is `build_report`'s)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import click

from curator.app import (
    BuildResult,
    FetchSummary,
    build_from_draft,
    gone_issues,
    run_build,
    run_fetch,
    stop_early_for_unrecorded_issue,
    waiting_draft_corrections,
    write_next_draft,
)
from curator.cli.build_report import (
    build_document,
    draft_document,
    issue_summary,
    left_out_lines,
    no_left,
    nothing_new,
    print_warnings,
    report_build,
)
from curator.cli.common import (
    CONFIG_OPTION,
    DB_OPTION,
    JSON_GIVEN,
    JSON_OPTION,
    QUIET_OPTION,
    common_options,
    echo,
    echo_json,
    loaded,
    run_args,
    run_note,
    stopped,
    terminated,
    theme_options,
    usable_path,
    warn,
)
from curator.cli.featured import unmatched_note
from curator.cli.opening import check_store, opened
from curator.cli.report import (
    fetch_summary_dict,
    none_read,
    print_failures,
)
from curator.cli.report_progress import RunProgress
from curator.config import Config
from curator.config_load import load_config
from curator.config_values import home_path
from curator.draftfiles import new_since_edited_draft
from curator.draftmaker import shared_drafts_note
from curator.earlychecks import check_before_store
from curator.errors import CuratorError, InputError, shell_arg
from curator.firstissue import first_issue_ignored
from curator.killedissue import finish_killed_issue
from curator.nearcopies import template_feed_notes
from curator.newsletterchange import newsletter_renamed
from curator.ownership import backup_name, stop_for_another_newsletters_store
from curator.placement import left_out, placed_fetch, refresh
from curator.preview import serve_until_interrupted
from curator.publishissue import stopped_build_draft_note
from curator.store import Store, backup_store, free_name
from curator.strayissues import stray_issues_said
from curator.subjectedit import SubjectEdit
from curator.templatewords import unused_templates
from curator.themes import hand_rename_notes, requested_subjects


def templates_folder(
    _ctx: click.Context, _param: click.Parameter, value: Path | None
) -> Path | None:
    """--templates must name a folder: else a typo would quietly publish with curator's own
    templates (the same typo in `settings: templates:` is a mistake in feeds.yaml, exit 2)."""
    if value is not None and not value.is_dir():
        raise click.BadParameter(
            f"no templates folder at `{value}` (looked for {value.resolve()}); fix the path, "
            "which is relative to the folder you run curator in"
        )
    return value


TEMPLATES_OPTION = click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    callback=templates_folder,
    help="A folder of your templates, used before curator's own.",
)


def out_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--out/-o: the output folder (settings.output when not given)."""
    return click.option(
        "--out", "-o", type=click.Path(path_type=Path), default=None, help=help_text
    )


def require_feeds(config: Config) -> None:
    """Fetching needs at least one feed; say how to add one."""
    if not config.feeds:
        raise InputError(
            f"{config.path}: no feeds yet; add one with `curator feeds add URL` "
            "(a feed, or a site's address), or import a list with `curator feeds import FILE.opml`"
        )


def say_placeholders(
    config: Config,
    *,
    drafting: bool = False,
    subjects: Sequence[str] = (),
    all_subjects: bool = False,
) -> None:
    """What `curator init` wrote for the editor to replace, said before an issue is made of it;
    `drafting`: the draft copies it, so a fix in feeds.yaml alone does not reach that draft.
    The introduction no planned issue publishes is said when the run's `subjects` (or
    `all_subjects`) have none of their own (walk183 #4)."""
    lines = list(config.placeholders)
    if (all_subjects or subjects) and not any(
        name in config.subject_introductions for name in subjects
    ):
        lines += config.unplanned_placeholders
    for line in lines:
        if drafting:
            line += (
                "; the draft copies it into its front matter (and introduction), so fix it there"
                " too, or write the draft again with --force after fixing feeds.yaml"
            )
        # A note of the run, so that --json's `warnings` holds it too (walk143 #7).
        run_note(line)


def say_unused_templates(config: Config, templates: Path | None) -> None:
    """Files in the editor's templates folder that curator never reads (a misnamed issue.html)."""
    folder = templates or config.settings.templates
    if folder is not None:
        for line in unused_templates(folder):
            # (held in --json's `warnings` too: walk156 #3)
            run_note(line)


def announce_fetch(config: Config, quiet: bool) -> None:
    """Before fetching: there must be feeds, and the editor is told how many are read."""
    require_feeds(config)
    if not quiet:
        say_fetching(config)


def say_fetching(config: Config) -> None:
    """The line that says the feeds are being read, and how many."""
    echo(f"Fetching {len(config.feeds)} feed(s) for {config.title}", err=True)


def every_feed_failed_error(summary: FetchSummary, consequence: str) -> CuratorError | None:
    """The error that ends `build`, `draft` and `fetch` (exit 1) when not one feed could be read
    and so nothing came of the run: a scheduled run must not pass for "nothing new"; None when
    some feed was read. Raised after the run's report (the failures, --json) is printed; what
    was stored stays stored."""
    if not summary.every_feed_failed:
        return None
    return CuratorError(f"every feed failed ({len(summary.feeds)}); {consequence}")


#: What `build` and `draft` say after "every feed failed (N); ": nothing came of the run, and
#: how to make the issue from the articles stored before, if that is what the editor wants.
NOTHING_PUBLISHED = (
    "nothing was published; to build from what is stored, `curator build --no-fetch`"
)
NOTHING_DRAFTED = "no draft was written; to draft from what is stored, `curator draft --no-fetch`"


def fetch_with_progress(config: Config, store: Store, quiet: bool) -> FetchSummary:
    """run_fetch, each feed and the pages shown as they are read (unless `quiet`)."""
    with RunProgress(quiet=quiet) as progress:
        return run_fetch(
            config,
            store,
            now=datetime.now(UTC),
            progress=progress.feed,
            page_progress=progress.pages,
            store_progress=progress.stored,
        )


def say_published_state(conf: Config, store: Store, out_dir: Path, command: str) -> bool:
    """What `build` and `draft` (`command`) check of the published issues in `out_dir` before
    anything is fetched, drafted or published: an issue a killed build put in place is recorded
    as it is, and no other is published under its number (fixlv: walk201 #1); a store older than
    the folder's issues stops it (walk171 #5); issues whose files were deleted (walk150 #5: said
    only after the next issue), issue files past the next (walk202 #3), a `first_issue:` the
    store ignores (walk205 #4) and subjects renamed by hand (walk155 #5: before any stop) are
    said. Whether issues whose files were deleted were said."""
    finish_killed_issue(conf, store, out_dir, command)
    stop_early_for_unrecorded_issue(conf, store, out_dir)
    if (gone := gone_issues(conf, store, out_dir, command)) is not None:
        warn(gone)
    if (stray := stray_issues_said(store, out_dir)) is not None:
        warn(stray)
    if (late := first_issue_ignored(conf, store)) is not None:
        warn(late)
    for note in hand_rename_notes(conf, store):
        warn(note)
    return gone is not None


@click.command()
@common_options
@out_option("Where to write the issue. Default: settings.output in the config.")
@TEMPLATES_OPTION
@click.option("--no-fetch", is_flag=True, help="Build from what is stored; fetch nothing.")
@click.option(
    "--draft",
    "draft_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Publish exactly what this edited draft (from `curator draft`) says.",
)
@theme_options
def build(
    config: Path,
    db: Path | None,
    quiet: bool,
    as_json: bool,
    out: Path | None,
    templates: Path | None,
    no_fetch: bool,
    draft_file: Path | None,
    subject: tuple[str, ...],
    all_subjects: bool,
) -> None:
    """Fetch the feeds and build the next issue (output/issue-N.html).

    The issue is about the next theme of `themes: plan:` in feeds.yaml when there is a plan, else
    every subject; --subject or --all-subjects decide for this one issue (the plan keeps its
    place). A theme with too few articles stops the build (exit 3) and names the ripest subject.
    """
    if draft_file is not None and str(draft_file).startswith("--"):
        # `--draft --no-fetch`: click took the option as the file. A usage mistake, said before
        # anything is read; `--draft --json` asked for JSON too (walk56 #4: stdout was empty).
        if str(draft_file) == "--json":
            click.get_current_context().meta[JSON_GIVEN] = True
        raise InputError(
            f"--draft takes the draft's file, and got the option {draft_file}: write"
            " `curator build --draft drafts/issue-N.md` (a draft publishes what is"
            " stored, and fetches only the articles it adds by address)"
        )
    usable_path(out)
    # The newsletter's own store missing beside published issues stops the build before the
    # store is made (fixia), as it stops `fetch`.
    with opened(
        config,
        db,
        create=True,
        published="Nothing was published",
        out_dir=out,
        checked=partial(check_before_store, templates=templates, out=out),  # (fixie #3)
        owner_checked=True,
        # (a build that waited for one that published meanwhile: walk186 #5)
        one_issue=draft_file is None and not subject and not all_subjects,
    ) as (conf, store):
        out_dir = out or conf.settings.output
        say_unused_templates(conf, templates)
        # Another newsletter's store stops the build first (walk166 #1: it published into this
        # folder and changed that store, saying only that issues were missing here).
        stop_for_another_newsletters_store(conf, store, out_dir)
        # A feeds.yaml that kept nothing of the store's newsletter but changed its title stops
        # too; a rename is said (walk186 #3: a copied folder went on as a rename, unsaid).
        if (renamed := newsletter_renamed(conf, store, out_dir)) is not None:
            warn(renamed)
        # And a store older than the folder's issues (a backup put back): before any feed is read
        # (walk171 #5: the build fetched and warned of a gap in entries issue 2 had featured,
        # then refused).
        gone_said = say_published_state(conf, store, out_dir, "build")
        edits: list[SubjectEdit] = []  # (walk182 #7: what a subject edit changed)
        if draft_file is not None:
            if subject or all_subjects:
                raise InputError(
                    f"{draft_file}: a draft's theme is its front matter's `theme:`; "
                    "drop --subject/--all-subjects, or edit the draft"
                )
            newest = store.newest_article_id()
            try:
                result = build_from_draft(
                    conf,
                    store,
                    draft_file,
                    now=datetime.now(UTC),
                    out_dir=out_dir,
                    templates=templates,
                    gone_said=gone_said,
                    edited=edits.append,
                )
            except CuratorError:
                # A refused draft leaves no page it read stored as an article (walk174: a `url:`
                # cut short stored a directory listing); an address is read again next time. Nor
                # a stored article as its page read now (fixjc: a refusal after they were stored).
                store.forget_added_by_address(newest)
                store.put_back_kept()
                raise
            report_build(
                result,
                quiet,
                as_json,
                left=left_out(
                    conf, store, result.issue, from_draft=True, kept=result.kept_subjects
                ),
                config=conf,
                edit=edits[-1] if edits else None,
            )
            return
        subject = requested_subjects(conf, subject, all_subjects)  # before fetching
        # (a draft publishes its own front matter and introduction)
        say_placeholders(conf, subjects=subject, all_subjects=all_subjects)
        if not no_fetch:
            require_feeds(conf)
        before = store.newest_article_id()
        fetched: list[FetchSummary] = []
        try:
            with RunProgress(quiet=quiet) as progress:
                result = run_build(
                    conf,
                    store,
                    now=datetime.now(UTC),
                    out_dir=out_dir,
                    templates=templates,
                    progress=progress.feed,
                    page_progress=progress.pages,
                    store_progress=progress.stored,
                    fetch=not no_fetch,
                    subjects=subject,
                    all_subjects=all_subjects,
                    place_progress=progress.placing,
                    step=progress.step,
                    fetched=fetched.append,
                    choose_progress=progress.choosing,
                    # said once the templates are checked (walk144 #7a: a template's mistake
                    # stopped the build after "Fetching 2 feed(s)", and nothing was fetched)
                    fetching=None if quiet else partial(say_fetching, conf),
                    gone_said=gone_said,
                    edited=edits.append,
                )
        except CuratorError as error:
            # A build that stops after fetching (a theme too thin: walk54 #2) says what the
            # fetch's lines leave to say (stored already, failed feeds ...), as one that builds;
            # --json too, with the keys a build's document always has (walk92 #1: only
            # "error" and "exit", so a script missed the feeds that failed).
            summary = fetched[0] if fetched else FetchSummary((), 0)
            unmatched = None
            if fetched:  # (before the document, which holds it when stderr is lost)
                print_failures(summary, quiet=quiet, command="build")
                for note in template_feed_notes(conf, store, before):  # (walk155 #9)
                    warn(note)
                unmatched = fetched_unmatched(store)
            if as_json:
                no_issue = BuildResult(summary, None)
                document = build_document(no_issue, no_left(conf), None, edits, unmatched)
                echo_json(document, failure=error)
            elif edits and not quiet:
                # (walk194 #1: placing again after a subject edit said nothing when the build
                # then stopped, a plan used up, and the next command had nothing left to say)
                warn(edits[-1].text())
            raise
        left = left_out(conf, store, result.issue, None if no_fetch else before)
        result = replace(result, fetch=placed_fetch(conf, store, result.fetch))
        # (walk155 #9: a feed of 2,000 items of one template flooded the archive unsaid)
        for note in template_feed_notes(conf, store, before):
            warn(note)
        unmatched = None if no_fetch else fetched_unmatched(store)
    # Not "nothing new": nothing could be read at all, and a scheduled run should say so.
    built = result.issue is not None
    failure = None if built else every_feed_failed_error(result.fetch, NOTHING_PUBLISHED)
    report_build(
        result,
        quiet,
        as_json,
        failure=failure,
        left=left,
        config=conf,
        edit=edits[-1] if edits else None,
        unmatched=unmatched,
    )
    if failure is not None:
        raise failure


def fetched_unmatched(store: Store) -> int:
    """After a build's own fetch, `curator fetch`'s line on addresses recorded as featured before
    that match no stored article, said as a run's warning (stderr, --quiet too, and --json's
    `warnings`) when one is new (fixme: a build's fetch never said it); how many there are."""
    count, said = unmatched_note(store)
    if said is not None:
        run_note(said)
    return count


@click.command()
@common_options
@click.option("--force", is_flag=True, help="Replace a draft of the same issue (losing its edits).")
@click.option("--no-fetch", is_flag=True, help="Draft from what is stored; fetch nothing.")
@theme_options
def draft(
    config: Path,
    db: Path | None,
    quiet: bool,
    as_json: bool,
    force: bool,
    no_fetch: bool,
    subject: tuple[str, ...],
    all_subjects: bool,
) -> None:
    """Fetch the feeds, then write the next issue as drafts/issue-N.md to review and edit;
    publishes nothing (`curator build --draft` does)."""
    summary = FetchSummary((), 0)
    placing_notes: list[str] = []  # what placing said, when there is no draft to say it
    edits: list[SubjectEdit] = []  # (walk182 #7: what a subject edit changed)
    # (fixia: the store missing beside published issues stops it before the store is made)
    with opened(
        config,
        db,
        create=True,
        published="No draft was written",
        owner_checked=True,
        # (one that waited for a run that published meanwhile drafts an issue that is out)
        one_issue=not subject and not all_subjects,
    ) as (conf, store):
        subject = requested_subjects(conf, subject, all_subjects)  # before fetching
        say_placeholders(conf, drafting=True, subjects=subject, all_subjects=all_subjects)
        stop_for_another_newsletters_store(conf, store, conf.settings.output)  # (walk166 #1)
        if (renamed := newsletter_renamed(conf, store, conf.settings.output)) is not None:
            warn(renamed)  # (walk186 #3)
        if (shared := shared_drafts_note(conf, store.next_issue_number(), force=force)) is not None:
            warn(shared)  # (walk186 #4: one newsletter's draft replaces the other's)
        # A store older than the folder's issues: refused before any feed is read, as `build`
        # refuses it (walk171 #5: `draft` wrote another issue 2 beside the published one).
        say_published_state(conf, store, conf.settings.output, "draft")
        if not no_fetch:
            announce_fetch(conf, quiet)
        before = store.newest_article_id()
        started = datetime.now(UTC)
        with RunProgress(quiet=quiet) as progress:  # as build shows them: feeds, pages, placing
            if not no_fetch:
                summary = run_fetch(
                    conf,
                    store,
                    now=started,
                    progress=progress.feed,
                    page_progress=progress.pages,
                    store_progress=progress.stored,
                )
            # As `build`: no feed read, no draft (an old articles' draft would pass for new).
            written = None
            if not summary.every_feed_failed:
                try:
                    written = write_next_draft(
                        conf,
                        store,
                        now=datetime.now(UTC),
                        force=force,
                        subjects=subject,
                        all_subjects=all_subjects,
                        place_progress=progress.placing,
                        step=progress.step,
                        say=placing_notes.append,
                        config_arg=draft_build_args(conf, db),
                        choose_progress=progress.choosing,
                        check_links=not no_fetch,
                        read_before=started,
                        edited=edits.append,
                    )
                except CuratorError as error:
                    progress.close()
                    print_failures(summary, quiet=quiet, command="draft")  # (as build)
                    if as_json:  # what the run fetched, with the error (walk92 #1)
                        document = draft_document(None, no_left(conf), summary, (), None, edits)
                        echo_json(document, failure=error)
                    elif edits and not quiet:  # (walk194 #1, as build)
                        warn(edits[-1].text())
                    raise
        left = left_out(
            conf, store, written.issue if written else None, None if no_fetch else before
        )
        summary = placed_fetch(conf, store, summary)
        for note in template_feed_notes(conf, store, before):  # (walk155 #9)
            warn(note)
        if written is not None:  # (walk174, second Minor: a killed build's files of the issue)
            stopped = stopped_build_draft_note(store, conf.settings.output, written.issue.number)
            if stopped is not None:
                warn(stopped)
    print_failures(summary, quiet=quiet, command="draft")
    print_warnings(written.warnings if written is not None else tuple(placing_notes))
    failure = every_feed_failed_error(summary, NOTHING_DRAFTED) if written is None else None
    if failure is not None:
        message = None
    elif written is None:
        message = nothing_new("draft", left, none_read(summary))
    else:
        message = (
            f"Draft of issue {written.issue.number}: {written.path}"
            f" ({issue_summary(written.issue, len(written.weak_fits), len(written.keywords_only))})"
        )
    if as_json:
        document = draft_document(written, left.to_dict(), summary, placing_notes, message, edits)
        echo_json(document, failure=failure)
    if failure is not None:
        raise failure
    if as_json:
        return
    if edits and not quiet:  # (--quiet: the draft's one line, walk182 #7)
        echo(edits[-1].text())
    publish = (
        f"curator build --draft {shell_arg(written.path)}{run_args('curator build')}"
        if written
        else ""
    )
    if written is not None and quiet:
        # walk184: --quiet is the draft's one line, as build's, with the command to publish it
        echo(f"{message}; publish it with: {publish}")
        return
    echo(message)
    if written is None:
        return
    for line in left_out_lines(written.issue, left, summary.new_articles):
        echo(line)
    echo(f"Edit it, then publish it with: {publish}")


def draft_build_args(config: Config, db: Path | None) -> str:
    """What the command a draft's opening note gives ends with: ` --config` with feeds.yaml's
    absolute path, always (and ` --db` with the store's, when the run was given another than
    feeds.yaml's own), so that it publishes into the newsletter the draft was made for from
    whatever folder it is pasted in.

    Why: a draft made with `--config "../Support Ops — digest/feeds.yaml"` recorded that relative
    path, which failed from anywhere else, and one made without --config recorded none, so
    pasted in another newsletter's folder it published there (walk166 #2)."""
    args = f" --config {shell_arg(os.path.abspath(config.path))}"
    if db is not None and os.path.abspath(db) != os.path.abspath(config.settings.store):
        args += f" --db {shell_arg(os.path.abspath(db))}"
    return args


@click.command()
@CONFIG_OPTION
@DB_OPTION
@QUIET_OPTION
@JSON_OPTION
@click.argument("dest", type=click.Path(path_type=str))
def backup(config: Path, db: Path | None, quiet: bool, as_json: bool, dest: str) -> None:
    """Copy the store to DEST (a new file), whole and consistent, also while a build or fetch
    writes to it. The copy is a store of its own: use it with --db, or move it over the store.
    A DEST that is a folder (or ends in "/") gets a file named by the day in it (-2, -3 added
    for another the same day), the folder made if need be."""
    conf = loaded(config)
    check_store(conf, db, create=False)
    store_path = db or conf.settings.store
    target = _backup_file(dest, store_path, conf.title)
    issues, articles = backup_store(store_path, target)
    # --quiet says nothing when the copy is made (walk175 #9: a nightly backup from cron mailed
    # this line every night); --json gives it as a document (where, and what it holds). The
    # copy's full path: where it is, whatever folder the command was run in (walk176 #5).
    where = Path(os.path.abspath(target))
    if as_json:
        echo_json(
            {
                "store": str(store_path.absolute()),
                "backup": str(where),
                "issues": issues,
                "articles": articles,
            }
        )
    elif not quiet:
        echo(f"Copied the store {store_path} to {where}: {issues} issue(s), {articles} article(s).")


def _backup_file(dest: str, store_path: Path, title: str) -> Path:
    """The file a backup to `dest` writes: `dest` itself, or, when it names a folder (one that
    is there, or any name ending in "/", which the shell's completion adds), a file in it named
    by the newsletter (`title`) and the day, e.g. customer-experience-weekly-2026-12-06.db
    (walk36: `backup DIR/` with DIR missing wrote a file named DIR); a second one the same day
    is customer-experience-weekly-2026-12-06-2.db.

    A DEST from `~` is in the home folder, as feeds.yaml's paths are (walk176 #5: `curator backup
    '~/backups/'`, quoted, made a folder named `~` in the current one)."""
    if dest.startswith("~"):
        home = home_path(dest)
        if home is None:
            first = dest.replace("\\", "/").split("/", 1)[0]
            raise InputError(
                f"{dest}: it starts with `{first}`, the home folder, but "
                + (
                    "HOME is not set (is this run from cron or a service without it?)"
                    if first == "~"
                    else f"there is no user {first[1:]!r} on this machine"
                )
                + ": give the full path (from /)"
            )
        dest = str(home) + (os.sep if dest.endswith(("/", os.sep)) else "")
    path = Path(dest)
    if dest.endswith(("/", os.sep)) or path.is_dir():
        day = datetime.now().astimezone().strftime("%Y-%m-%d")
        # Named after the newsletter: two newsletters' backups in one folder were both
        # curator-<day>.db, and the other's was put back without a word (walk166 #1).
        name = backup_name(title) or store_path.stem
        # The day's second backup goes beside the first (-2), never over it (walk48 #6).
        return free_name(path / f"{name}-{day}{store_path.suffix or '.db'}")
    return path


@click.command()
@CONFIG_OPTION
@out_option("The folder to serve. Default: settings.output in the config.")
@click.option(
    "--port",
    "-p",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="The port on 127.0.0.1 (0: any free port).",
)
def preview(config: Path, out: Path | None, port: int) -> None:
    """Serve the output folder on 127.0.0.1 to look at the issues in a browser."""
    if out is None:
        conf = load_config(config)
        folder, site_url = conf.settings.output, conf.site_url
    else:  # a folder named: its newsletter's site when feeds.yaml is there to say it
        folder, site_url = out, _site_url_of(config)
    serve_until_interrupted(folder, port, click.echo, site_url=site_url)
    if terminated():  # Ctrl-C is how a preview ends (exit 0); `kill` is SIGTERM's 143
        raise stopped()


def _site_url_of(config: Path) -> str | None:
    """feeds.yaml's `site_url`, for a preview of a folder named with --out, which needs none:
    None without a readable feeds.yaml (the preview then keeps the links as published)."""
    if not Path(config).is_file():
        return None
    try:
        return load_config(config).site_url
    except CuratorError:  # a config the preview does not need; `build` names its mistake
        return None


@click.command()
@common_options
def fetch(config: Path, db: Path | None, quiet: bool, as_json: bool) -> None:
    """Fetch the feeds, store new articles and place them under subjects; build nothing."""
    # The newsletter's store not there while its output folder holds published issues stops the
    # fetch before the store is made (walk176 #3: it began a second archive without a word).
    with opened(config, db, create=True, published="Nothing was fetched") as (conf, store):
        # A store older than the folder's issues (a backup put back) is refused before any feed
        # is read, as `build` and `draft` refuse it: it fetched into the old store, and the
        # build then refused anyway.
        stop_early_for_unrecorded_issue(
            conf, store, conf.settings.output, nothing="Nothing was fetched", older_only=True
        )
        if (stray := stray_issues_said(store, conf.settings.output)) is not None:
            warn(stray)  # (walk202 #3)
        announce_fetch(conf, quiet)
        before = store.newest_article_id()
        summary = fetch_with_progress(conf, store, quiet)
        # Placed now, as README's week says (walk160 #5: every report after a fetch placed the
        # new articles again in a copy of its own, 40-79 s each, and the next build placed them
        # once more); ~2,000 articles a second, and what the next build would do first anyway.
        placing: list[str] = []
        edits: list[SubjectEdit] = []  # (walk182 #7: what a subject edit changed)
        with RunProgress(quiet=quiet, terminal=False) as progress:
            refresh(conf, store, progress=progress.placing, say=placing.append, edited=edits.append)
        summary = placed_fetch(conf, store, summary)
        corrected = waiting_draft_corrections(conf, store, datetime.now(UTC))
        templated = template_feed_notes(conf, store, before)  # (walk155 #9)
        unmatched, unmatched_said = unmatched_note(store)  # (walk205 #1)
        since_draft = new_since_edited_draft(conf, store, before)  # (fixmb #2)
    for line in (*placing, *corrected, *templated, *filter(None, [unmatched_said, since_draft])):
        # (walk150 #1: the draft waiting holds a title its feed corrected), held in --json's
        # `warnings` too (walk181 #1: a script read `"warnings": []`)
        run_note(line)
    failure = every_feed_failed_error(summary, "nothing was fetched")
    # Before the document, and held in it when stderr is lost (walk128 N3, walk175 #5).
    print_failures(summary, quiet=quiet)
    if as_json:
        edit = edits[-1].to_dict() if edits else None
        echo_json(
            {
                **fetch_summary_dict(summary),
                "subject_edit": edit,
                "featured_before_unmatched": unmatched,
                "new_since_edited_draft": since_draft,
            },
            failure=failure,
        )
    if failure is not None:
        raise failure
    if not as_json and not quiet:
        for edit_made in edits:
            echo(edit_made.text())
        # --quiet prints nothing when nothing needs the editor (walk175 #9: `fetch -q` from cron
        # printed "0 new article(s) stored." every run, and cron mailed it); what does need them
        # (a failed feed, entries left out, a waiting draft's correction) is said on stderr above.
        echo(f"{summary.new_articles} new article(s) stored.")
