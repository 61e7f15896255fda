"""`curator build`, `draft`, `fetch` and `preview`: the weekly loop, from feeds to a published issue."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import click

from curator.app import (
    BuildResult,
    DraftWritten,
    FetchSummary,
    MissingBlurb,
    build_from_draft,
    draft_then_build,
    gone_issues,
    run_build,
    run_fetch,
    stop_early_for_unrecorded_issue,
    waiting_draft_corrections,
    write_next_draft,
)
from curator.cli.common import (
    CONFIG_OPTION,
    DB_OPTION,
    JSON_GIVEN,
    JSON_OPTION,
    QUIET_OPTION,
    check_store,
    common_options,
    echo,
    echo_json,
    loaded,
    opened,
    pasteable,
    run_args,
    run_note,
    stopped,
    terminated,
    theme_options,
    usable_path,
    warn,
)
from curator.cli.report import (
    Published,
    fetch_summary_dict,
    none_read,
    print_failures,
)
from curator.cli.report_progress import RunProgress
from curator.cli.streams import outcome
from curator.config import Config
from curator.config_load import load_config
from curator.config_values import home_path
from curator.draftmaker import shared_drafts_note
from curator.earlychecks import check_before_store
from curator.editions import times_moved_said
from curator.errors import CuratorError, InputError, shell_arg
from curator.foreignfiles import (
    stop_early_for_files_not_curators,
    stop_for_other_newsletters_issues,
)
from curator.linksettings import relinked_markup, relinked_text_note
from curator.models import Issue
from curator.nearcopies import template_feed_notes
from curator.newsletterchange import newsletter_renamed
from curator.ownership import backup_name, stop_for_another_newsletters_store
from curator.placement import KeptSubject, LeftOut, left_out, placed_fetch, refresh
from curator.preview import serve_until_interrupted
from curator.publishissue import stopped_build_draft_note
from curator.republish import render_issues
from curator.republish_files import record_unknown_issues
from curator.store import Store, backup_store, free_name
from curator.subjectedit import SubjectEdit
from curator.templatewords import unused_templates
from curator.themes import hand_rename_notes, requested_subjects, theme_name
from curator.whyplaced import empty_reason


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
        stop_early_for_unrecorded_issue(conf, store, out_dir)
        # Before anything is fetched or published (walk150 #5: said only after the next issue)
        gone = gone_issues(conf, store, out_dir, "build")
        if gone is not None:
            warn(gone)
        for note in hand_rename_notes(conf, store):  # (walk155 #5: before any stop)
            warn(note)
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
                    gone_said=gone is not None,
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
                    gone_said=gone is not None,
                    edited=edits.append,
                )
        except CuratorError as error:
            # A build that stops after fetching (a theme too thin: walk54 #2) says what the
            # fetch's lines leave to say (stored already, failed feeds ...), as one that builds;
            # --json too, with the keys a build's document always has (walk92 #1: only
            # "error" and "exit", so a script missed the feeds that failed).
            summary = fetched[0] if fetched else FetchSummary((), 0)
            if fetched:  # (before the document, which holds it when stderr is lost)
                print_failures(summary, quiet=quiet, command="build")
                for note in template_feed_notes(conf, store, before):  # (walk155 #9)
                    warn(note)
            if as_json:
                no_issue = BuildResult(summary, None)
                document = build_document(no_issue, no_left(conf), None, edits)
                echo_json(document, failure=error)
            raise
        left = left_out(conf, store, result.issue, None if no_fetch else before)
        result = replace(result, fetch=placed_fetch(conf, store, result.fetch))
        # (walk155 #9: a feed of 2,000 items of one template flooded the archive unsaid)
        for note in template_feed_notes(conf, store, before):
            warn(note)
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
    )
    if failure is not None:
        raise failure


def report_build(
    result: BuildResult,
    quiet: bool,
    as_json: bool,
    *,
    failure: CuratorError | None = None,
    left: LeftOut | None = None,
    config: Config,
    edit: SubjectEdit | None = None,
) -> None:
    issue = result.issue
    main_page = main_page_of(result)
    # (named by the line that says the report was lost on stdout: walk157 #4)
    outcome(
        f"issue {issue.number} was published: {main_page}"
        if issue is not None and main_page is not None
        else "no issue was published"
    )
    print_warnings(result.warnings)
    if failure is not None:
        message = None
    elif issue is None:
        message = nothing_new("issue", left, none_read(result.fetch))
    else:
        # (a path with a space quoted as the commands quote it: walk166 #9)
        counts = len(result.weak_fits), len(result.keywords_only)
        message = f"{issue_line(issue, *counts)} -> {shell_arg(main_page)}"
    # Before the document, and held in it when stderr is lost (walk128 N3, walk175 #5).
    print_failures(
        result.fetch,
        quiet=quiet,
        command="build",
        published=Published(
            issue.number,
            str(main_page),
            str(main_page.with_name(f"issue-{issue.number}.json")),
            draft_then_build(config, issue.number + 1),
        )
        if issue and main_page
        else None,
    )
    if as_json:
        echo_json(build_document(result, left, message, [edit] if edit else []), failure=failure)
    elif edit is not None and not quiet:  # (--quiet: the one line of the issue, walk182 #7)
        echo(edit.text())
    if issue is None:
        if not as_json and message is not None:
            echo(message)
        return
    if not as_json:
        echo(message)
        # --quiet: the one line of the issue (walk181 #6: a cron log had a line per subject too);
        # what waits for a later issue is counted by a build without it, and by --json
        if left is not None and not quiet:
            for line in left_out_lines(issue, left, result.fetch.new_articles):
                echo(line)
        if result.kept_subjects:
            echo(kept_subjects_text(result.kept_subjects))


def main_page_of(result: BuildResult) -> Path | None:
    """The issue's own page among the files a build wrote (else the first of them)."""
    issue = result.issue
    return next(
        (p for p in result.paths if issue and p.name == f"issue-{issue.number}.html"),
        result.paths[0] if result.paths else None,
    )


def no_left(config: Config) -> dict[str, Any]:
    """`LeftOut.to_dict`'s keys for a run that stopped before counting what it left out
    (`unplaced` null: not counted)."""
    return {
        "added_in_draft": [],
        "unplaced": None,
        "unplaced_new": None,
        "issue_size": config.issue_size,
        "left_for_later": {},
        "empty_subjects": [],
        "cut_from_draft": {},
        "moved_in_draft": {},
        "left_out_for_variety": {},
    }


def build_document(
    result: BuildResult,
    left: LeftOut | dict[str, Any] | None,
    message: str | None,
    edits: Sequence[SubjectEdit] = (),
) -> dict[str, Any]:
    """A build's --json document: the same keys whether it published, found nothing new or
    failed (walk92 #1), a failure adding `error` and `exit`; `message` is the line a plain run
    ends with ("Issue 3: ...", "Nothing new to feature: ...", walk92 #3), null on a failure."""
    issue = result.issue
    main_page = main_page_of(result)
    if isinstance(left, LeftOut):
        left = left.to_dict()
    return {
        "issue": issue.number if issue else None,
        "message": pasteable(message) if message is not None else None,
        "theme": list(issue.theme) if issue else [],
        "path": str(main_page) if main_page else None,
        "files": [str(p) for p in result.paths],
        "articles_per_subject": {s.subject: len(s.entries) for s in issue.sections}
        if issue
        else {},
        "weak_fits": list(result.weak_fits),
        "one_word_fits": [o.to_dict() for o in result.one_word],
        "like_excluded": [o.to_dict() for o in result.like_excluded],
        "keywords_only": [o.to_dict() for o in result.keywords_only],
        "subject_edit": edits[-1].to_dict() if edits else None,
        **(left if left is not None else {"unplaced": 0}),
        "warnings": warnings_list(result.warnings, result.missing_blurbs),
        "not_learnt_from": [
            k.to_dict(run_args("curator subjects move"))
            for k in result.kept_subjects
            if not k.against_correction
        ],
        "against_your_corrections": [
            k.to_dict(run_args("curator subjects move"))
            for k in result.kept_subjects
            if k.against_correction
        ],
        **fetch_summary_dict(result.fetch),
    }


def nothing_new(written: str, left: LeftOut | None, none_read: str | None = None) -> str:
    """What a build or a draft that found nothing to feature says, and of the articles in no
    issue yet that fit none of the subjects (`left.unplaced`), how many and where to see them:
    they may be what the editor expected (walk35 #2: 25 of them, never mentioned); and how many
    of them are in another language than the newsletter's (walk97 #6: German articles under
    English subjects, "fit none", with no word of their language). `none_read`: every feed
    was waiting (`report.none_read`), said first (walk128 N3)."""
    line = f"Nothing new to feature: no {written} was written."
    if none_read is not None:
        line = f"{none_read}: nothing new to feature; no {written} was written."
    unplaced = left.unplaced if left is not None else 0
    if left is None or not unplaced:
        return line
    some, fit, them = (
        ("1 article", "fits", "it") if unplaced == 1 else (f"{unplaced} articles", "fit", "them")
    )
    said = (
        f"{line} {some} not yet in an issue {fit} none of your subjects:"
        f" `curator subjects list --unplaced` lists {them}, `curator subjects explain URL` says why"
        " one fits none, and `curator subjects move URL SUBJECT` puts it under a subject."
    )
    if left.other_languages:
        n = sum(count for _, count in left.other_languages)
        tags = ", ".join(f'{count} lang="{tag}"' for tag, count in left.other_languages)
        are = "is" if n == 1 else "are"
        said += (
            f" {n} of them {are} in another language than the newsletter's (`language:"
            f" {left.language}`), as their pages or feeds declare ({tags}): a subject fits an article by the"
            " words it uses, so write keywords in their language too (or a subject of their"
            " own) if they belong in the newsletter."
        )
    return said


def left_out_lines(issue: Issue, left: LeftOut, new_articles: int) -> list[str]:
    """What the issue did not feature, under its line (walk53 #5: a whole off-topic feed and
    what each subject's cap left out went unmentioned): per subject, how many more fit it and wait
    for a later issue, and which of them variety left out; then the articles fitting no subject,
    with the command that lists them. `--json` has the same numbers (`LeftOut.to_dict`)."""
    lines = []
    for section in issue.sections:
        line = f"  {section.subject}: {len(section.entries)} featured"
        waiting = left.waiting.get(section.subject, 0)
        cut = left.cut.get(section.subject, 0)
        if section.subject in left.added:
            # (not curator's section: nothing of it was cut, walk154 NEW-2)
            line += " (added in the draft)"
            if waiting:
                line += (
                    f"; {waiting} more fit it and wait for a later issue (curator's draft had no"
                    " section for it: none was cut)"
                )
        elif waiting:
            # (what a draft cut is not issue_size's doing: walk142 #11)
            capped = f"issue_size: {left.issue_size} per subject"
            why = (
                "cut from the draft"
                if cut == waiting
                else f"{cut} cut from the draft; {waiting - cut} past {capped}"
                if cut
                else capped
            )
            line += f"; {waiting} more fit it and wait for a later issue ({why})"
        moved = left.moved.get(section.subject, {})
        if moved:  # (not cut, nor waiting: published under another section, walk153 #3)
            line += "; " + ", ".join(
                f"{n} moved to {to} in the draft" for to, n in sorted(moved.items())
            )
        varied = left.variety.get(section.subject, ())
        if varied:
            names = ", ".join(sorted({a.publication or a.feed_url or a.url for a in varied}))
            some = f"{len(varied)} of them" if len(varied) != 1 else "1 of them"
            were = "were" if len(varied) != 1 else "was"
            line += (
                f"; {some}, scoring higher than an article featured, {were} left out for variety"
                f" ({names} featured here already)"
            )
        lines.append(line)
    for subject, n in left.dropped.items():  # (walk174 #1: a section removed whole went unsaid)
        some = "1 article" if n == 1 else f"{n} articles"
        lines.append(f"  {subject}: its section is not in the draft: {some} cut")
    for subject, placed, featured in left.empty:  # (walk176 #2: such a subject went unsaid)
        lines.append(f"  {subject}: nothing to feature: {empty_reason(subject, placed, featured)}")
    if left.unplaced:
        them = "them" if left.unplaced != 1 else "it"
        if left.unplaced_new:
            what = (
                f"{left.unplaced_new} of the {new_articles} new article(s) this run stored fit"
                f" none of your subjects ({left.unplaced} in all, in no issue yet)"
            )
        else:
            what = f"{left.unplaced} article(s) in no issue yet fit none of your subjects"
            if left.unplaced_new == 0:
                what += " (none of them new in this run)"
        lines.append(
            f"{what}, so no issue features {them}: `curator subjects list --unplaced` lists"
            f" {them} (with the articles you excluded, counted apart), `curator subjects explain URL` says why one fits none, and `curator"
            " subjects move URL SUBJECT` puts one under a subject."
        )
    return lines


#: The articles whose move command a build prints (the rest are counted).
MOVES_SHOWN = 5


def kept_subjects_text(kept: Sequence[KeptSubject]) -> str:
    """What a build says of the articles its draft put under another subject than curator gave
    them: they stay there, but curator learnt nothing; the command that teaches it, per article.
    And of those it put against the editor's own correction of them: the correction stands."""
    lines = []
    placed = [k for k in kept if not k.against_correction]
    if placed:
        n = len(placed)
        them, they = ("them", "They") if n != 1 else ("it", "It")
        lines.append(
            f"The issue published {n} article{'s' * (n != 1)} under another subject than curator"
            f" gives {them} now (your draft put {them} there, or your corrections since the draft"
            f" was made moved {them}). {they} stay{'s' * (n == 1)} under the issue's subject"
            " (`curator subjects list` and the next builds agree), but curator did not learn from"
            f" this. If articles like {them} belong there too, teach curator by moving {them}:"
        )
        for k in placed[:MOVES_SHOWN]:
            lines.append(f"  {k.move_command()}{run_args('curator subjects move')}")
            lines.append(f"      {k.title} (curator had it under {k.curator or 'no subject'})")
        if n > MOVES_SHOWN:
            lines.append(f"  and {n - MOVES_SHOWN} more")
    against = [k for k in kept if k.against_correction]
    if against:
        n = len(against)
        lines.append(
            f"Your draft featured {n} article{'s' * (n != 1)} against your own correction of"
            f" {'them' if n != 1 else 'it'}: the issue publishes what the draft says, and your"
            " correction stands for `curator subjects list` and future issues."
        )
        for k in against:
            lines.append(f"  {k.title}: published under {k.subject}")
            if k.correction is None:
                lines.append(
                    f"      you excluded it; to take that back: curator subjects undo {shell_arg(k.url)}{run_args('curator subjects undo')}"
                )
            else:
                lines.append(
                    f"      you moved it to {k.correction}; to move it: {k.move_command()}{run_args('curator subjects move')}"
                )
    return "\n".join(lines)


def issue_line(issue: Issue, weak: int = 0, keywords: int = 0) -> str:
    """'Issue 3: 4 article(s) on Service operations', or '... in 4 subject(s)' for every subject;
    '4 article(s), 2 fitting only weakly, on ...' when `weak` of them fit their subject weakly,
    '1 fitting only through the subject's keywords' when `keywords` of them fit it so (walk185)."""
    return f"Issue {issue.number}: {issue_summary(issue, weak, keywords)}"


def issue_summary(issue: Issue, weak: int = 0, keywords: int = 0) -> str:
    count = sum(len(s.entries) for s in issue.sections)
    flagged = [f"{weak} fitting only weakly"] if weak else []
    if keywords:
        flagged.append(f"{keywords} fitting only through the subject's keywords")
    articles = ", ".join([f"{count} article(s)", *flagged]) + ("," if flagged else "")
    if issue.theme:
        return f"{articles} on {theme_name(issue.theme)}"
    return f"{articles} in {len(issue.sections)} subject(s)"


def warnings_list(
    warnings: tuple[str, ...], missing_blurbs: tuple[MissingBlurb, ...]
) -> list[dict[str, str]]:
    """The warnings said on stderr, for --json: each a {"message"}; an article published (or
    drafted) without a blurb also has its "url" and "title". Each says what stderr says, its
    advice with the run's --config (`pasteable`) as a failure's "error" does."""
    articles = {m.message: {"url": m.url, "title": m.title} for m in missing_blurbs}
    return [{**articles.get(w, {}), "message": pasteable(w)} for w in warnings]


#: Warnings of one kind said one by one up to this many; past it, the first `WARNINGS_SHOWN`
#: and how many more (walk101 #3: 477 "was judged the same story as" and 65 "no author was
#: found" in every build of a 100,000-article store drowned its progress lines).
WARNINGS_MANY = 10
WARNINGS_SHOWN = 3

#: The kinds of warnings that come by the hundred on a large store: how each begins or what it
#: says, and how the line that counts the rest names them.
WARNING_KINDS = (
    ("was judged the same story as", "articles judged the same story as one the issue features"),
    ('the credit of "', "notes on credits"),
)


#: A note on one article's credit: its title and address, then what it says of the credit.
_CREDIT_NOTE = re.compile(r'the credit of ".*?" \(\S+?\): ')


def _warning_kind(warning: str) -> tuple[str, str] | None:
    """The kind of `warning` (how the line counting the rest names it) and what all of that kind
    say alike. Notes on credits are alike only when they say the same after the article's title
    and address ("no author was found"): one whose feed and page name different people names
    them, and is never counted away among the others (walk104 #4: "Jane Roe" went unsaid)."""
    for says, kind in WARNING_KINDS:
        if warning.startswith(says) or f" {says}" in warning:
            note = _CREDIT_NOTE.search(warning) if says.startswith("the credit") else None
            return kind, warning[note.end() :] if note else ""
    return None


def print_warnings(warnings: tuple[str, ...]) -> None:
    """Warnings go to stderr even with --quiet: they are about what is published. Of a kind
    that comes by the hundred (`WARNING_KINDS`), more than `WARNINGS_MANY`: the first few, and
    how many more (--json lists every one)."""
    kinds = [_warning_kind(w) for w in warnings]
    many = {k for k in kinds if k is not None and kinds.count(k) > WARNINGS_MANY}
    said: dict[tuple[str, str], int] = {}
    for warning, kind in zip(warnings, kinds, strict=True):
        if kind not in many:
            warn(warning)
            continue
        assert kind is not None
        said[kind] = said.get(kind, 0) + 1
        if said[kind] <= WARNINGS_SHOWN:
            warn(warning)
        if said[kind] == WARNINGS_SHOWN:
            more = kinds.count(kind) - WARNINGS_SHOWN
            echo(
                f"curator: warning: and {more:,} more {kind[0]}, said alike (a run with --json"
                " lists every one in its document)",
                err=True,
            )


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
    with opened(config, db, create=True, published="No draft was written", owner_checked=True) as (
        conf,
        store,
    ):
        subject = requested_subjects(conf, subject, all_subjects)  # before fetching
        say_placeholders(conf, drafting=True, subjects=subject, all_subjects=all_subjects)
        stop_for_another_newsletters_store(conf, store, conf.settings.output)  # (walk166 #1)
        if (renamed := newsletter_renamed(conf, store, conf.settings.output)) is not None:
            warn(renamed)  # (walk186 #3)
        if (shared := shared_drafts_note(conf, store.next_issue_number(), force=force)) is not None:
            warn(shared)  # (walk186 #4: one newsletter's draft replaces the other's)
        # A store older than the folder's issues: refused before any feed is read, as `build`
        # refuses it (walk171 #5: `draft` wrote another issue 2 beside the published one).
        stop_early_for_unrecorded_issue(conf, store, conf.settings.output)
        # (walk150 #5: an issue whose files were deleted had its articles left out unsaid)
        gone = gone_issues(conf, store, conf.settings.output, "draft")
        if gone is not None:
            warn(gone)
        for note in hand_rename_notes(conf, store):  # (walk155 #5)
            warn(note)
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


def draft_document(
    written: DraftWritten | None,
    left: dict[str, Any],
    summary: FetchSummary,
    placing_notes: Sequence[str],
    message: str | None,
    edits: Sequence[SubjectEdit] = (),
) -> dict[str, Any]:
    """A draft's --json document: the same keys whether it wrote one, found nothing new or
    failed (walk92 #1), a failure adding `error` and `exit`; `message` as `build_document`'s."""
    return {
        "issue": written.issue.number if written else None,
        "message": pasteable(message) if message is not None else None,
        "theme": list(written.issue.theme) if written else [],
        "path": str(written.path) if written else None,
        "weak_fits": list(written.weak_fits) if written else [],
        "one_word_fits": [o.to_dict() for o in written.one_word] if written else [],
        "like_excluded": [o.to_dict() for o in written.like_excluded] if written else [],
        "keywords_only": [o.to_dict() for o in written.keywords_only] if written else [],
        # how many credits the draft notes (`<!-- Credit:`, `<!-- Author:`; walk158 #13)
        "credit_notes": written.credit_notes if written else 0,
        "subject_edit": edits[-1].to_dict() if edits else None,
        **left,
        "warnings": warnings_list(written.warnings, written.missing_blurbs)
        if written
        else warnings_list(tuple(placing_notes), ()),
        **fetch_summary_dict(summary),
    }


@click.command()
@common_options
@out_option("The output folder of the published issues. Default: settings.output in the config.")
@TEMPLATES_OPTION
@click.option("--all", "every", is_flag=True, help="Render every published issue again.")
@click.option(
    "--record",
    is_flag=True,
    help="First record in the store the issues the output folder published after the store's"
    " last, from their issue-N.json (a store put back from a backup taken before them).",
)
@click.option(
    "--renamed",
    is_flag=True,
    help="With --record: the output folder's issues are this newsletter's, published under the"
    " title it had before you renamed it in the config.",
)
@click.argument("numbers", nargs=-1, type=click.IntRange(min=1), metavar="[N]...")
def render(
    config: Path,
    db: Path | None,
    quiet: bool,
    as_json: bool,
    out: Path | None,
    templates: Path | None,
    every: bool,
    record: bool,
    renamed: bool,
    numbers: tuple[int, ...],
) -> None:
    """Render published issues again (after a template or settings change): issue N, every issue
    with --all, or the newest; then the archive page, the feed of issues and latest.html.

    Each issue is rendered as it was published (its issue-N.json, with the draft's edits);
    nothing is fetched, and the store records only a date or an article (title, credit, blurb)
    corrected in an issue-N.json, or an article cut from it. With --record, the issues published
    after the store's last are recorded first (their articles count as featured), then rendered.
    """
    if every and numbers:
        raise InputError("give issue numbers or --all, not both")
    if record and (every or numbers):
        raise InputError(
            "--record records and renders the issues the output folder published after the"
            " store's last: give it no issue number, nor --all"
        )
    if renamed and not record:
        raise InputError(
            "--renamed goes with --record (`curator render --record --renamed`): it says the"
            " issues --record takes from the output folder are this newsletter's"
        )
    usable_path(out)
    recorded: tuple[str, ...] = ()
    if record and not renamed and db is None:
        # (walk179 #3: before --record makes a store for another newsletter's issues; said by
        # `opened` as every command says it when the config has a mistake)
        try:
            first: Config | None = load_config(config)
        except CuratorError:
            first = None
        if first is not None and not first.settings.store.exists():
            out_dir = out or first.settings.output
            stop_for_other_newsletters_issues(first, out_dir, (), first.settings.store)
    # --record starts a store when there is none (walk176 #3: the way on from a store lost,
    # which its stop names); a render alone needs the store that published the issues.
    with opened(config, db, create=record, out_dir=out, owner_checked=True) as (conf, store):
        say_unused_templates(conf, templates)
        out_dir = out or conf.settings.output
        # (walk166 #1: an issue-N.json of another newsletter's, its corrections taken into this
        # store, would change that store's issue)
        stop_for_another_newsletters_store(conf, store, out_dir, rendering=True)
        if record:
            # (walk179 #2: before an issue is recorded; render_issues checks it for a render)
            stop_early_for_files_not_curators(
                conf, out_dir, templates, nothing="Nothing was recorded or rendered"
            )
            if not renamed:  # (walk179 #3: another newsletter's issues taken for this one's)
                known = [*store.newsletter_titles(), *(r.title for r in store.issues())]
                stop_for_other_newsletters_issues(conf, out_dir, known, store.path)
            numbers, recorded = record_unknown_issues(conf, store, out_dir)
        result = render_issues(
            conf,
            store,
            numbers,
            every=every,
            out_dir=out_dir,
            templates=templates,
        )
    if not as_json:
        for line in recorded:
            echo(line)
    print_warnings(result.warnings)
    if as_json:
        data = {
            "issues": list(result.numbers),
            "recorded": list(numbers) if record else [],
            "recorded_notes": list(recorded),
            "files": [str(p) for p in result.paths],
            "changed": [str(p) for p in result.changed],
            "markup_only": [str(p) for p in result.markup_only],
            "text_changed": {
                str(n): [str(p) for p in paths] for n, paths in result.text_changed.items()
            },
            "archive_text_changed": [str(p) for p in result.archive_changed],
            "settings_changed": {str(n): c for n, c in result.settings_changed.items()},
            "archive_dropped_issues": list(result.archive_dropped),
            "removed": [str(p) for p in result.removed],
            "warnings": warnings_list(result.warnings, ()),
        }
        echo_json(data)
        return
    if not result.numbers:  # (every issue taken back: the archive alone, walk184 #4)
        gone = ", ".join(map(str, result.archive_dropped))
        removed = "".join(
            f"; {p.name} was removed (it showed an issue no longer published)"
            for p in result.removed
        )
        echo(
            f"No issue is published now: the archive page and the feed of issues were written"
            f" listing none ({', '.join(p.name for p in result.paths)}): they no longer list"
            f" issue(s) {gone}, which the store does not record and whose files are gone from"
            f" the output folder (an issue taken back){removed}. Keep them so: a backup of them"
            " would link to the issue taken back. The issue published next under that number"
            " gets a new entry id in feed.xml."
        )
        return
    shown = ", ".join(str(n) for n in result.numbers)
    if result.changed:
        names = ", ".join(p.name for p in result.changed)
        what = f"{len(result.changed)} of them changed: {names}"
    else:
        what = "none changed (each already held the same text)"
    echo(f"Rendered issue(s) {shown} again: {len(result.paths)} file(s) written, {what}.")
    # walk188 #6: what feeds.yaml's link settings changed was said to be the templates'
    relinked, said = relinked_markup(result.markup_only, result.settings_changed)
    if said:
        echo(said)
    markup_only = [p for p in result.markup_only if p not in relinked]
    if markup_only:
        # walk161 #5: after an upgrade every old issue's files changed, and nothing said why
        names = ", ".join(p.name for p in markup_only)
        echo(
            f"Only the markup of {names} changed, not what a reader reads in them: they now"
            " follow the templates of this curator (and yours), which write them otherwise than"
            " the ones that published them (an older curator's, or your templates before you"
            " changed them); nothing in their text changed."
        )
    for number, paths in result.text_changed.items():
        if number in result.settings_changed:
            names = ", ".join(p.name for p in paths)
            echo(relinked_text_note(number, names, result.settings_changed[number]))
            continue
        # walk164 N7: `render --all` after an upgrade changed old issues' text ("Journey Lab
        # (1/2)") and said only that files changed
        echo(
            f"Issue {number} reads otherwise than before in {', '.join(p.name for p in paths)},"
            f" though nothing in its issue-{number}.json was corrected: it was rendered with this"
            " curator's templates and rules (and yours), not the ones that published it."
        )
    for path in result.archive_changed:
        if result.title_changed is not None:
            # walk176 #6: the title changed in feeds.yaml was said to be the templates' words
            old, new = result.title_changed
            echo(
                f"The archive page {path.name} reads otherwise than before, though no"
                f" issue-N.json was corrected: the newsletter's title changed in feeds.yaml:"
                f" {old} \u2192 {new} (each issue keeps the title it was published under; the"
                f" archive lists those published as {old} as issues with no title of their own)."
            )
            continue
        # walk171 #3: a title changed by the templates' words was said to be "only the markup"
        echo(
            f"The archive page {path.name} reads otherwise than before, though no issue-N.json"
            " was corrected: it was rendered with this curator's templates and words (and yours),"
            " not the ones that wrote it."
        )
    if result.archive_dropped:
        # walk177 N2: after an issue was taken back, the archive was said to read otherwise for
        # the templates, and to be put back from a backup (which links to the withdrawn issue)
        gone = ", ".join(map(str, result.archive_dropped))
        echo(
            f"The archive page index.html no longer lists issue(s) {gone}, nor does feed.xml:"
            " the store records no such issue and its files are gone from the output folder (an"
            " issue taken back); that is why they changed. Keep them so: a backup of them would"
            " link to the issue taken back."
        )
    unexplained = [n for n in result.text_changed if n not in result.settings_changed]
    if unexplained and len(result.numbers) > 1:
        echo(
            "To keep an issue's files as they were, render only the issue you mean (`curator"
            " render N`: it writes that issue's files, the archive page and the feed of issues),"
            " and put these files back from your backup of the output folder."
        )
    elif unexplained:  # (the one issue the editor named: no "render only it")
        echo("To keep its files as they were, put them back from your backup of the output folder.")
    elif result.archive_changed:
        echo(
            f"To keep {result.archive_changed[0].name} as it was, put it back from your backup of"
            " the output folder."
        )
    marked, at = result.feed_updated
    if marked:
        # (an issue dated after today: its <updated> is its date and a second past the last one,
        # never before its <published>, walk113 #4)
        past = {
            "<published>": "its <published> time",
            "<updated>": "the <updated> it had",
        }.get(result.feed_updated_past, "")
        echo(
            f"feed.xml marks the entry of issue(s) {', '.join(map(str, marked))} updated ({at}"
            + (
                f": a second past {past}, as the issue is dated after today and an entry is never"
                " updated before it is published"
                if past
                else ""
            )
            + "), whose text changed: feed readers show the change."
        )
        others = [n for n in marked if n not in result.numbers]
        if others:
            # walk125 #2: `render 3` after a template change marked issues 1 and 2 updated in the
            # feed, whose pages still had the old templates, and did not say why
            listed = ", ".join(map(str, others))
            echo(
                f"feed.xml holds every issue: issue(s) {listed}, not rendered here, are"
                " re-rendered there with today's templates and settings, so their feed entries"
                " no longer match their pages; `curator render --all` to publish their pages"
                " the same way."
            )
    if result.feed_times_moved:
        echo(times_moved_said(result.feed_times_moved))


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
    folder = out if out is not None else load_config(config).settings.output
    serve_until_interrupted(folder, port, click.echo)
    if terminated():  # Ctrl-C is how a preview ends (exit 0); `kill` is SIGTERM's 143
        raise stopped()


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
    for line in (*placing, *corrected, *templated):
        # (walk150 #1: the draft waiting holds a title its feed corrected), held in --json's
        # `warnings` too (walk181 #1: a script read `"warnings": []`)
        run_note(line)
    failure = every_feed_failed_error(summary, "nothing was fetched")
    # Before the document, and held in it when stderr is lost (walk128 N3, walk175 #5).
    print_failures(summary, quiet=quiet)
    if as_json:
        edit = edits[-1].to_dict() if edits else None
        echo_json({**fetch_summary_dict(summary), "subject_edit": edit}, failure=failure)
    if failure is not None:
        raise failure
    if not as_json and not quiet:
        for edit_made in edits:
            echo(edit_made.text())
        # --quiet prints nothing when nothing needs the editor (walk175 #9: `fetch -q` from cron
        # printed "0 new article(s) stored." every run, and cron mailed it); what does need them
        # (a failed feed, entries left out, a waiting draft's correction) is said on stderr above.
        echo(f"{summary.new_articles} new article(s) stored.")
