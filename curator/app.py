"""The weekly run: fetch every feed, store new articles, select by subject, render and publish."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from curator import articles as article_rules
from curator.blurb import paywall_notice, short_blurb, weak_blurb
from curator.config import INIT_PLACEHOLDERS, Config
from curator.credits import first_appeared_in, may_be_two
from curator.discover import Discovery, discover
from curator.draft import (
    Draft,
    DraftEntry,
    another_story_of,
    blurb_mistakes,
    check_blurbs,
    copy_remark,
    credit_dispute,
    credit_note,
    credit_notes_line,
    draft_path,
    draft_to_issue,
    dropped_credits,
    empty_sections,
    excluded_since,
    feature_again_line,
    featured_again,
    lost_opening_of,
    merged_sections,
    moved_addresses,
    named_twice,
    noted_credits,
    original_copy,
    read_draft,
    same_story_twice,
    short_blurb_reason,
    stop_for,
    write_draft,
    written_for_remark,
)
from curator.draftcheck import (
    changed_addresses,
    merged_blurbs,
    renamed_headings,
    swapped_addresses,
    titles_to_look_up,
    url_lines,
)
from curator.draftend import cut_off_warning
from curator.editions import ISSUE_FORMATS, OUTPUTS, published_feed_ids
from curator.errors import CuratorError, InputError, shell_arg
from curator.extract import resembles_site
from curator.fetch import FetchRequest, fetch_all
from curator.harvest import (
    HOST_SKIPPED,
    READ_AFTER,
    FeedReport,
    FetchSummary,
    PageProgress,
    Progress,
    StoreProgress,
    fetch_settings,
    run_fetch,
)
from curator.issuedata import issue_from_data
from curator.issuetext import (
    borrowed_references,
    draft_entry_warnings,
    issue_text,
    link_warnings,
    repeated_closing,
    repeated_introduction,
    repeated_subject_introduction,
)
from curator.linkcheck import links_to_check, not_checked, recheck_draft, recheck_issue
from curator.models import (
    TAKEN_FOR_SITE,
    Article,
    Copy,
    FetchResult,
    Issue,
    Retold,
    Scored,
    Section,
)
from curator.outputcheck import clipped_email, html_in_text, linked_stylesheets
from curator.outputs import (
    check_templates,
    empty_editions,
    load_archive,
    render_outputs,
    unshown_articles,
)
from curator.ownership import stop_for_another_newsletters_draft
from curator.pasting import nested_headings
from curator.placement import (
    KeptSubject,
    PlaceProgress,
    Say,
    choose_sections,
    feed_names,
    keep_published_subjects,
    like_excluded,
    one_word_fits,
    refresh,
    story_boilerplate,
    weak_bars,
)
from curator.publish import FileSet, write_atomic
from curator.readerlang import empty_link_warnings, language_warnings, link_text_warnings
from curator.render import (
    corrected_credit,
    date_text,
    environment,
    issue_day,
    join_names,
)
from curator.select import told_before
from curator.store import (
    RETOLD_ISSUES,
    IssueRecord,
    Store,
    StoreError,
    file_in_the_way,
    on_read_only_disk,
    read_only_disk,
)
from curator.stories import fingerprint, same_story_reason
from curator.subjects import LikeExcluded, OneWord
from curator.templatecheck import (
    OWN_PREFIX,
    TEMPLATE_REFERENCE,
    builtin_templates,
    single_brace_fields,
)
from curator.templateerrors import OutputError, TemplateMistake
from curator.templatewords import (
    copies_without,
    fragment_headings,
    missing_words,
    old_copy,
    untranslated_words,
)
from curator.themes import (
    broken_promise,
    choose_theme,
    closing_mismatch,
    draft_promise,
    draft_thins_promise,
    history_notes,
    later_line_note,
    no_promise_reason,
    plan_entry,
    plan_gives,
    promise_made,
    promised_theme,
    requested_subjects,
    takes_plan_place,
    theme_history,
    thin_promise,
)
from curator.urls import clean_url, url_key
from curator.variables import VariableError, check_variables, fill, fill_leaving_out
from curator.workers import parent_only


class BuildError(CuratorError):
    """The run cannot go on (another build holds the store, the output folder is not writable...)."""


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


@dataclass(frozen=True)
class MissingBlurb:
    """An article of the issue with no blurb, and the warning that says so."""

    url: str
    title: str
    message: str


#: How long a run waits for another curator run on the same store to finish (`--wait`): a daily
#: cron fetch that starts while the weekly build runs waits for it instead of failing (walk50 #4).
RUN_WAIT = 600.0
#: How often a waiting run tries the lock again.
RUN_WAIT_POLL = 0.25
#: How long a waiting run gives processes left by a run that is gone (killed) to end by themselves
#: before it says which they are (a run's workers end with it, in a moment).
ORPHAN_GRACE = 3.0


def duration(seconds: float) -> str:
    """`10 min`, `90 s`: a wait as the editor reads it."""
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


#: The commands that change the store or feeds.yaml as the editor asked (not a fetch's articles).
_CHANGES = (
    "subjects move",
    "subjects exclude",
    "subjects rename",
    "subjects undo",
    "feeds add",
    "feeds remove",
    "feeds import",
)


def _stopped_remedy(command: str) -> str:
    """What to do after a run of `command` ("curator subjects move") was killed (walk77 #3: a
    killed `render` or `subjects move` was told a fetch or build reads the pages again)."""
    named = " ".join(command.split()[1:3])
    if named.split(" ")[0] in ("fetch", "build", "draft"):
        return "what it had not stored yet is lost (a fetch or build reads those pages again)"
    if named in _CHANGES:
        return "run it again: its change may not have been stored"
    return "run it again"


@contextmanager
def build_lock(
    store_path: Path,
    *,
    wait: float = RUN_WAIT,
    on_wait: Callable[[str], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
    command: str = "curator",
    on_stopped: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """One run at a time per store: a second one waits up to `wait` seconds for the first to
    finish (saying once, through `on_wait`, whom it waits for), then is refused with a clear
    message; `wait` 0 refuses it at once. While it runs the lock file names its pid, `command`
    and start; `on_stopped` is told when the last run that held it was killed before it ended."""
    lock_path = store_path.with_name(store_path.name + ".lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+")  # noqa: SIM115 - held for the whole run
    except OSError as exc:  # walk73 #2: a store on a read-only disk ended in a traceback
        raise _unlockable(store_path, lock_path, exc) from None
    held = False
    try:
        deadline = clock() + wait
        said = False
        gone_since: float | None = None
        looked = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                lines = handle.read().split("\n")
                holder = lines[0].strip() or "another process"
            if not looked and holder.isdigit() and not _alive(int(holder)):
                # The run that took the lock is gone, yet the lock is still held: by processes
                # it started (workers of an older curator outlived a `kill -9`: walk157 #1).
                # Only those seen holding it are named (a run in another container or on
                # another machine sharing the store has a pid this one cannot see).
                if gone_since is None:
                    gone_since = clock()
                if clock() >= min(deadline, gone_since + ORPHAN_GRACE):
                    looked = True
                    if holders := _lock_holders(lock_path):
                        raise _held_by_orphans(store_path, lock_path, lines, holders) from None
            if clock() >= deadline:
                waited = f"; waited {duration(wait)} for it" if wait > 0 else ""
                more = " (or give --wait more seconds)" if wait > 0 else ""
                raise BuildError(
                    f"another curator run is using {store_path} (pid {holder}){waited}; "
                    f"wait for it to finish, then run again{more}"
                ) from None
            if not said and on_wait is not None:
                on_wait(
                    f"another curator run (pid {holder}) is using {store_path}: waiting for it"
                    f" to finish (up to {duration(wait)}; --wait SECONDS to change)"
                )
                said = True
            time.sleep(RUN_WAIT_POLL)
        held = True
        handle.seek(0)
        last = handle.read().split("\n")
        if on_stopped is not None and len(last) >= 3 and last[0].strip():
            # A run that ends in any way but a kill empties the file: one that names a run was
            # killed (or the machine stopped) before it finished (walk73 #5).
            on_stopped(
                f"the last curator run on this store ({last[1]}, pid {last[0].strip()}, started"
                f" {last[2]}) was stopped before it finished (killed, or the machine went down):"
                f" {_stopped_remedy(last[1])}"
            )
        handle.seek(0)
        handle.truncate()
        started = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        handle.write(f"{os.getpid()}\n{command}\n{started}\n")
        handle.flush()
        # Only this process holds the lock: a worker it forks closes its copy, so a worker left
        # behind can never keep it (walk157 #1). (The store's files stay open in a worker:
        # SQLite's state for them, forked with it, is what a worker's own reader uses.)
        with parent_only(lock_path):
            yield
    finally:
        if held:  # this run is over: nothing to say of it to the next
            with suppress(OSError):
                handle.seek(0)
                handle.truncate()
        handle.close()


def _alive(pid: int) -> bool:
    """Whether a process `pid` is there (one of another user's is)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lock_holders(lock_path: Path) -> list[int]:
    """The processes holding `lock_path` open, as /proc shows them (Linux; [] elsewhere, or for
    another user's processes)."""
    target = os.path.realpath(lock_path)
    holders = []
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []
    for pid in pids:
        if int(pid) == os.getpid():
            continue
        try:
            descriptors = os.listdir(f"/proc/{pid}/fd")
        except OSError:  # ended since, or another user's
            continue
        for name in descriptors:
            try:
                if os.readlink(f"/proc/{pid}/fd/{name}") == target:
                    holders.append(int(pid))
                    break
            except OSError:
                continue
    return sorted(holders)


def _held_by_orphans(
    store_path: Path, lock_path: Path, lines: list[str], holders: list[int]
) -> BuildError:
    """The run lock is held by `holders`, but the run that took it is gone: what to do."""
    pid = lines[0].strip()
    what = f"{lines[1].strip()}, pid {pid}" if len(lines) > 1 and lines[1].strip() else f"pid {pid}"
    if len(lines) > 2 and lines[2].strip():
        what += f", started {lines[2].strip()}"
    pids = " ".join(str(holder) for holder in holders)
    left = (
        f"processes it started still hold its lock file {lock_path} (pid {pids}): end them"
        f" with `kill {pids}`"
        if len(holders) > 1
        else f"a process it started still holds its lock file {lock_path} (pid {pids}): end it"
        f" with `kill {pids}`"
    )
    return BuildError(
        f"the curator run that was using {store_path} ({what}) is gone (killed before it"
        f" finished), but {left}, then run again; the next run does again what the killed one"
        " had not stored"
    )


def _unlockable(store_path: Path, lock_path: Path, exc: OSError) -> StoreError:
    """The run's lock file beside the store cannot be made: what, where and what to do."""
    if exc.errno == errno.EROFS or on_read_only_disk(lock_path.parent):
        return read_only_disk(store_path, f"{exc.strerror}: {lock_path}")
    if (blocking := file_in_the_way(lock_path.parent)) is not None:  # (walk141 #6)
        return StoreError(
            f"{store_path}: {blocking} is a file, not a folder, so the store cannot be there:"
            " move that file away (the store goes in a folder of that name), or give another"
            " store with --db or settings: store in feeds.yaml"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        fix = (
            "give your user write permission on that folder (chmod u+w"
            f" {shell_arg(lock_path.parent)})"
        )
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "free some space on its disk"
    else:
        fix = f"check {shell_arg(lock_path.parent)}"
    return StoreError(
        f"{store_path}: cannot make the run's lock file {lock_path} beside the store"
        f" ({exc.strerror or exc}); {fix}, then run again; what was stored before is kept"
    )


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


def _step(step: Step | None, what: str | None, done: str = "") -> None:
    if step is not None:
        step(what, done=done)


def _choosing(store: Store) -> str:
    """The choosing step's words: compared with the stories published before, when there are."""
    return CHOOSING if store.next_issue_number() > 1 else CHOOSING_FIRST


def _chose(planned: NextIssue | None) -> str:
    """What the choosing step's closing line says came of it (walk160 #8: it had none)."""
    if planned is None:
        return "chose no article"
    count = sum(len(s.entries) for s in planned.issue.sections)
    return f"chose {count} article(s)"


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


def unread_pages(
    store: Store, issue: Issue, published: bool, stored: Mapping[str, Article] | None = None
) -> tuple[str, ...]:
    """A warning per article of the issue whose page could not be read yet: its title, credit
    and blurb come from its feed alone, and its link may not work (404s are never picked by
    curator, but a draft can name one). With `stored` (a draft's articles as the store holds
    them), a credit or blurb the editor rewrote in the draft is theirs, not the feed's: only what
    the draft kept as curator wrote it is named, and nothing when both were rewritten (walk83 N3:
    the warning stood after the editor fixed both)."""
    entries = [e.article for section in issue.sections for e in section.entries]
    why = store.unread_pages([a.id for a in entries if a.id])
    then = "it was published" if published else "check its link before you publish"
    by_id = {a.id: a for a in (stored or {}).values()}
    out = []
    for a in entries:
        if a.id not in why:
            continue
        kept: tuple[str, ...] = ("credit", "blurb")
        held = by_id.get(a.id)
        if held is not None:
            kept = tuple(
                what
                for what, mine, theirs in (
                    ("credit", (a.authors, a.publication), (held.authors, held.publication)),
                    ("blurb", _spaced(a.blurb), _spaced(held.blurb)),
                )
                if mine == theirs
            )
        if not kept:
            continue
        which = " and ".join(kept)
        come = "come" if len(kept) > 1 else "comes"
        reason, now = _stored_reason(why[a.id]), then
        if reason.endswith(f": {READ_AFTER}"):  # its server asked curator to wait (walk127 #1)
            reason = reason.removesuffix(f": {READ_AFTER}")
            if not published:
                now = f"a build after that time credits it from its page, or {then}"
        out.append(
            f'the page of "{a.title}" ({a.url}) could not be read ({reason}):'
            f" its {which} {come} from its feed alone; {now}"
        )
    return tuple(out)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _stored_reason(reason: str) -> str:
    """Why a page was not read, as the store keeps it, in words true in any later run too: a page
    skipped because its server could not be reached "earlier in this run" was so in the fetch
    that stored it, not in a build that fetched nothing (walk29 #6)."""
    if reason == HOST_SKIPPED:
        return "not tried: its server could not be reached for its other pages in the same fetch"
    return reason


def missing_blurbs(issue: Issue, what_now: str) -> tuple[MissingBlurb, ...]:
    """A warning per article of the issue that has no blurb: nothing in its feed or page made a
    complete sentence (a title-only feed, a one-word link post, a page that could not be read)."""
    return tuple(
        MissingBlurb(
            entry.article.url,
            entry.article.title,
            f'no blurb could be made for "{entry.article.title}" ({entry.article.url}):'
            f" {_why_no_blurb(entry.article)}; {what_now}",
        )
        for section in issue.sections
        for entry in section.entries
        if not entry.article.blurb.strip()
    )


def _why_no_blurb(article: Article) -> str:
    """Why an article has no blurb, true of what curator had: a page's text with no sentence fit
    for one, or no text from its page at all (not read, or none curator could find in it), which
    says nothing of what the page holds (walk107 #1: a page whose words were in its JSON-LD alone
    was said to hold no sentence)."""
    feed = "its feed's summary holds no sentence that could be one"
    if (article.text or "").strip():
        return (
            "neither its page nor its feed's summary holds a sentence that could be one (a"
            " complete sentence of its own words, not a heading, a credit or a notice)"
        )
    return (
        f"curator has no text from its page (it was not read, or curator found no article text"
        f" in it) and {feed} (a complete sentence of its own words, not a heading, a credit or a"
        " notice)"
    )


def short_blurbs(issue: Issue, what_now: str) -> tuple[str, ...]:
    """A warning per article of the issue whose blurb is a single sentence (blurbs are 2-3),
    saying whether its page or feed had more text to choose from or too little."""
    out = []
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            if not short_blurb(art.blurb):
                continue
            why = short_blurb_reason(art)  # (as the draft's note under it says)
            out.append(
                f'the blurb of "{art.title}" ({art.url}) is one sentence ({why}): {what_now}'
            )
    return tuple(out)


def weak_blurbs(issue: Issue, what_now: str) -> tuple[str, ...]:
    """A warning per article of the issue whose blurb may not say what the article is about
    (`blurb.weak_blurb`: the author's own story, a few headlines, or an opening on someone it never
    introduces), as the draft's note under it says (walk67 #2, walk122 #1: such blurbs were
    published without a word)."""
    return tuple(
        f'the blurb of "{e.article.title}" ({e.article.url}) may not say what the article is'
        f" about ({why}): {what_now}"
        for section in issue.sections
        for e in section.entries
        if (why := weak_blurb(e.article.blurb, e.article.text or e.article.summary))
    )


def another_story(art: Article, what_now: str) -> str:
    """The warning on an article whose page may be another story than its feed's entry
    (`Article.page_headline`): which is which, and what curator took from where (walk75 #7)."""
    return (
        f'"{art.title}" ({art.url}) may be two stories mixed up: the page its feed\'s link led to'
        f' names {art.url} as its address and is headed "{art.page_headline}"; the title is the'
        " feed's, the address, credit and blurb that page's. Check which article is meant, and"
        f" fix the title or the credit and blurb, or cut it: {what_now}"
    )


def lost_openings(issue: Issue, what_now: str) -> tuple[str, ...]:
    """A warning per article of the issue whose page's text lacks the opening its feed's summary
    gives (`draft.lost_opening_of`): its lead may be lost, the blurb starting mid-story, and curator
    cannot tell (a draft notes it under the blurb); and per article whose page showed a paywall's
    notice (`blurb.paywall_notice`): its blurb is made of the page's free part."""
    out = []
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            opening = lost_opening_of(art)
            if opening:
                out.append(
                    f'the blurb of "{art.title}" ({art.url}) may start mid-story: its feed\'s'
                    f' summary opens "{opening}...", which the text read of its page lacks'
                    f" (its lead may be lost): {what_now}"
                )
            if another_story_of(art):
                out.append(another_story(art, what_now))
            if art.post_list:
                out.append(
                    f'the page of "{art.title}" ({art.url}) reads as a list of {art.post_list}'
                    " posts (a blog's front page or an archive), not one article, so its blurb"
                    f" may join several: {what_now}"
                )
            notice = paywall_notice(art.text) if art.blurb.strip() else ""
            if notice:
                # The blurb left the notice out, but the page read is its free part: a teaser,
                # or the description alone (walk55 #1).
                out.append(
                    f'the page of "{art.title}" ({art.url}) is behind a paywall ("{notice}"):'
                    " curator read only what it shows free, so check that its blurb says what the"
                    f" article is: {what_now}"
                )
    return tuple(out)


def from_address(store: Store, art: Article) -> bool:
    """Whether `art`'s publication is only its site's address (`articles.address_name`): no page
    named the site and its feed, if any, has no title (walk123 #1)."""
    if not art.publication or art.link_post or art.site_name:
        return False
    if art.publication != article_rules.address_name(art.url):
        return False
    return not art.feed_url or store.feed_state(art.feed_url).title != art.publication


def disputed_credits(issue: Issue, what_now: str, config: Config, store: Store) -> tuple[str, ...]:
    """A warning per article of the issue whose credit a draft notes (a plain build says it here,
    or no one would), one line each: its publication is its feed's title and nothing says it is
    the site's name (`feed_title_credit`, with `config` and `store`; walk67 #1: a plain build
    published "CX Reading Room" for four articles without a word), its feed and page named
    different people (who is credited, from where, whom the other names: `draft.author_note`), no
    author was found, an author may be two people (`credits.may_be_two`), or its page says it
    first appeared elsewhere (`draft.credit_note`)."""
    out = []
    site_names: dict[str, list[tuple[str, str]]] = {}
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            if art.blurb_corrected_in is not None:
                # The editor's own blurb, from an earlier issue: said as a corrected credit is,
                # for it is not what the feed and the page give (walk167 #5).
                out.append(
                    f'the blurb of "{art.title}" ({art.url}) is published as you corrected it in'
                    f" issue {art.blurb_corrected_in}, not as its page or feed gives it (a blurb"
                    " written under its heading in a draft replaces it)"
                )
            if art.credit_corrected_in is not None:
                # The editor's own credit, from an earlier issue: no doubt of curator's to say,
                # but said, for it is not what the feed and the page give (walk158 #7).
                out.append(
                    f'the credit of "{art.title}" ({art.url}) is published as you corrected it in'
                    f" issue {art.credit_corrected_in}: {corrected_credit(art)}: {what_now}"
                )
                continue
            said = []
            fallback = feed_title_credit(config, store, art, site_names)
            if fallback is not None:
                said.append(
                    f'"{art.publication}" is the title of its feed, and nothing says it is the name'
                    f" of the site ({fallback.host}): if it is not,"
                    f" {fallback.fix(config.path, 'under its heading in a draft')}"
                )
            if from_address(store, art):
                what, unnamed = article_rules.address_credit(art.url)
                said.append(
                    f'"{art.publication}" is {what}: neither its page nor a feed names {unnamed}'
                )
            if platform := article_rules.platform_credit(art.publication, art.site_name, art.url):
                said.append(f'"{art.publication}" is {platform}')  # walk167 #7
            if art.other_authors:
                said.append(credit_dispute(art, "credited"))
            elif not any(a.strip() for a in art.authors):
                said.append(
                    "no author was found"
                    if art.publication
                    else "no author or publication was found (the issue shows no credit line)"
                )
            said.extend(filter(None, map(may_be_two, art.authors)))
            if art.written_for:
                said.append(written_for_remark(art))
            first = first_appeared_in(art.text)
            original = original_copy(entry, first)
            copy = copy_remark(art.publication, first, original)
            if copy and original:
                said.append(
                    f"{copy} ({original}), the one to feature: in a draft, replace this article"
                    f" with a heading holding its address"
                )
            elif copy:
                said.append(copy)
            if said:
                out.append(
                    f'the credit of "{art.title}" ({art.url}): {"; ".join(said)}: {what_now}'
                )
    return tuple(out)


def record_published(
    config: Config, store: Store, issue: Issue, now: datetime, *, planned: bool
) -> tuple[KeptSubject, ...]:
    """Record the issue as published; each article it published under another subject than
    curator had given it (only a draft does that) is placed under the issue's subject from now
    on, as every featured article is (`keep_published_subjects`): those are returned."""
    featured = [(sec.subject, entry.article.id) for sec in issue.sections for entry in sec.entries]
    copies = [
        (copy.subject, copy.article.id, entry.article.id)
        for sec in issue.sections
        for entry in sec.entries
        for copy in entry.copies
        if copy.article.id
    ]
    history = theme_history(config, store)
    promised = promise_made(config, history.issues, issue.theme, planned, issue.closing)
    # (the plan as it stands, and the entry the issue takes: later edits of the plan leave that
    # entry done, and no other: walk111 #2)
    entry = plan_entry(config, history.issues, issue.theme) if planned else None
    # The renames the plan of themes took on its own (and warned of) last from now on, when an
    # issue under the new name would make them hard to tell.
    for old, new, _ in history.guessed:
        store.record_subject_rename(old, new)
    store.record_issue(
        issue.number,
        issue.title,
        now,
        featured,
        theme=issue.theme,
        planned=planned,
        introduction=issue.introduction,
        closing=issue.closing,
        copies=copies,
        promised=promised,
        # (as published: the draft's title, credit and blurb, for `render` without issue-N.json)
        articles={
            art.id: art
            for sec in issue.sections
            for entry in sec.entries
            for art in (entry.article, *entry.copy_articles)
            if art.id
        },
        issue_date=issue.date,
        editor=issue.editor or "",  # ("": none, as against NULL: not kept)
        plan=None if entry is None else (config.themes.plan, entry),
        # (a section no subject of feeds.yaml is the draft's own: `extra_sections:`)
        own_sections=sorted(
            {sec.subject for sec in issue.sections} - {s.name for s in config.subjects}
        ),
    )
    kept = tuple(keep_published_subjects(config, store, featured))
    ids = {entry.article.url: entry.article.id for sec in issue.sections for entry in sec.entries}
    store.record_issue_moves(
        issue.number,
        {
            ids[k.url]: k.curator
            for k in kept
            if not k.against_correction and k.curator is not None and ids.get(k.url) is not None
        },
    )
    return kept


def retold_stories(issue: Issue, then: str, said: Collection[int] = ()) -> tuple[str, ...]:
    """A note per story an earlier issue published of which the issue left out articles (that
    it would have featured otherwise): the article left out (or, of several copies, how many and
    each one's address), the article and issue that published the story, and why; then `then`
    (formatted with the first one's `url` and `subject`). Not those of `said` (a build said so
    before), nor those an earlier run found and said (`Retold.recorded`). One note per story and
    reason, not per copy (walk81 #2: 3,144 warnings, one per copy of every story published)."""
    notes = []
    for section in issue.sections:
        # (and per reason: walk85 C gave 19 copies one copy's "share 100%", 10 shared 53%)
        stories: dict[tuple[int, str, str], list[Retold]] = {}
        for told in section.retold:
            if told.article.id not in said and not told.recorded:
                stories.setdefault((told.issue, told.earlier.url, told.reason), []).append(told)
        for copies in stories.values():
            first = copies[0]
            left = (
                f'"{first.article.title}" ({first.article.url}) was left out'
                if len(copies) == 1
                else f"{len(copies)} articles were left out"
                f" ({', '.join(t.article.url for t in copies)})"
            )
            notes.append(
                f"{left} as the same story as"
                f' "{first.earlier.title}" ({first.earlier.url}), which issue {first.issue}'
                f" published: {first.reason}; one story is featured once. "
                + then.format(
                    url=first.article.url,
                    subject=section.subject,
                    again=feature_again_line(first.article.url),
                )
            )
    return tuple(notes)


def same_stories(issue: Issue, then: str, folder: Path | None = None) -> tuple[str, ...]:
    """A note per article left out of the issue as the same story as one it features (named under
    it as "also covered by"): both articles, and why they were judged one story; then `then`
    (formatted with the article's `url`, how the issue names it, `named`, and `subject`). The
    editor's template copies in `folder` made before pieces were numbered are quoted as they
    write such a line (`_named_as`)."""
    unnumbered = _unnumbered_copies(folder)
    return tuple(
        f'"{copy.article.title}" ({copy.article.url}) was judged the same story as'
        f' "{entry.article.title}" ({entry.article.url}): {copy.reason}; '
        + then.format(
            url=copy.article.url,
            again=feature_again_line(copy.article.url),
            named=_named_as(copy.article, entry, unnumbered),
            subject=section.subject,
        )
        for section in issue.sections
        for entry in section.entries
        for copy in entry.copies
    )


def unshown_pieces(issue: Issue, folder: Path | None) -> tuple[str, ...]:
    """A warning when the issue names another piece of a featured article's own publication
    ("Another piece in X on the same story", `_named_as`) and the editor's template copies in
    `folder` predate it: they would leave the line out without a word (walk28), or, with two
    pieces or more of one publication under an article, write their lines alike (walk140 #5)."""
    # (by the names an entry carries, as the editions show them: an issue read back from its
    # issue-N.json, for `render`, has no `copies`)
    by_entry = [
        (
            entry,
            [
                url
                for name, url in entry.also_covered_by
                if entry.article.publication and name == entry.article.publication
            ],
        )
        for section in issue.sections
        for entry in section.entries
    ]
    pieces = [url for _, urls in by_entry for url in urls]
    if not pieces:
        return ()
    stale = copies_without(folder, "pieces_in_publication")
    if not stale:
        return ()
    unnumbered = list(_unnumbered_copies(folder))
    # (a template of the editor's own writing, not a copy, is said by `unshown_articles`, with
    # what else it leaves out: walk156 #1 saw both warnings for the docs' issue.txt)
    left_out = [path for path in stale if path not in unnumbered and old_copy(path)]
    notes = []
    if left_out:
        names = ", ".join(str(path) for path in left_out)
        notes.append(
            f"{names}: these copies of curator's templates were made before they named another"
            " piece of an article's own publication on the same story, and leave that line out of"
            f" issue {issue.number} ({len(pieces)} piece(s): {', '.join(pieces)}); add curator's"
            " `entry.pieces_in_publication` lines to them (docs/templates.md), or delete a copy"
            " to use curator's own"
        )
    alike = [(entry, urls) for entry, urls in by_entry if len(set(urls)) > 1]
    if unnumbered and alike:
        names = ", ".join(str(path) for path in unnumbered)
        entry, urls = alike[0]
        publication = entry.article.publication
        notes.append(
            f"{names}: these copies of curator's templates were made before they numbered the"
            f" pieces of one publication on the same story, so issue {issue.number} names"
            f' {len(set(urls))} pieces under "{entry.article.title}" with {len(set(urls))} lines'
            f' alike, "Another piece in {publication} on the same story" (curator\'s own'
            f' templates write "{publication} (1/{len(set(urls))})" and so on); loop over'
            " `entry.pieces_in_publication` (name, url) there instead of"
            " `entry.also_in_publication` (docs/templates.md), or delete a copy to use curator's"
            " own"
        )
    return tuple(notes)


#: What shows a blurb written in Markdown, by template: copies made before blurbs could hold
#: links and emphasis write `{{ entry.blurb }}` (its text) instead.
_MARKDOWN_BLURBS = {
    "_issue_body.html": ("blurb_html", "{{ entry.blurb_html }}"),
    "email.html": ("blurb_html", "{{ entry.blurb_html }}"),
    "issue.md": (
        "blurb_markdown",
        "{{ entry.blurb_markdown | md_intro if entry.blurb_markdown else entry.blurb | md_text }}",
    ),
}


def plain_blurbs(issue: Issue, folder: Path | None) -> tuple[str, ...]:
    """A warning per copy of curator's templates in `folder` made before blurbs could hold links
    and emphasis, when the issue's blurbs hold them: such a copy writes `{{ entry.blurb }}` (an
    issue.md `{{ entry.blurb | md_text }}`), and an editor's link `[the study](https://...)` is
    published as the text "the study <https://...>" in the HTML editions (walk156 #9). The
    warning quotes what the copy writes, with its line."""
    marked = [
        entry
        for section in issue.sections
        for entry in section.entries
        if entry.article.blurb_markdown
    ]
    if folder is None or not marked:
        return ()
    notes = []
    for name, (needed, write) in _MARKDOWN_BLURBS.items():
        stale = [p for p in copies_without(folder, needed) if p.name == name and old_copy(p)]
        text = (_template_text(stale[0]) or "") if stale else ""
        # The text the copy holds, quoted as it is with its line (walk164 N4: an old issue.md
        # writes `{{ entry.blurb | md_text }}`, and was told to replace `{{ entry.blurb }}`)
        found = [
            f"`{m.group(0)}` (line {text.count(chr(10), 0, m.start()) + 1})"
            for m in _PLAIN_BLURB.finditer(text)
        ]
        if found:
            where = " and ".join(found)
            notes.append(
                f"{stale[0]}: this copy of curator's {name} was made before blurbs could hold"
                f" links and emphasis: it publishes the blurbs of {len(marked)} article(s) of"
                f' issue {issue.number} ("{marked[0].article.title}") as their text, each link'
                f' "text <address>", not a link; in it, replace {where} with `{write}`'
                " (docs/templates.md), or delete the copy to use curator's own"
            )
    return tuple(notes)


#: A value of the blurb's text in a template, `{{ entry.blurb }}` or `{{ entry.blurb | md_text }}`
#: (not `entry.blurb_html`): what an old copy writes where curator's writes the Markdown blurb.
_PLAIN_BLURB = re.compile(r"{{-?(?:(?!}}).)*?\bentry\.blurb\b(?!_)(?:(?!}}).)*?}}", re.S)


def unupdated_feed(folder: Path | None) -> tuple[str, ...]:
    """A warning when the editor's feed.xml is a copy of curator's made before an issue's entry
    had a time of its own (`item.updated_rfc3339`): it writes the issue's date as the entry's
    <updated>, so a correction rendered again is no change to feed readers (walk156 #10)."""
    stale = [p for p in copies_without(folder, "updated_rfc3339") if p.name == "feed.xml"]
    if not stale or not old_copy(stale[0]):
        return ()
    return (
        f"{stale[0]}: this copy of curator's feed.xml was made before an issue's entry had a time"
        " of its own, and writes the issue's date as its <updated>: feed readers are not shown"
        " that an issue rendered again changed; write <updated>{{ item.updated_rfc3339 }}"
        "</updated> in its <entry> (docs/templates.md), or delete the copy to use curator's own",
    )


def _unnumbered_copies(folder: Path | None) -> tuple[Path, ...]:
    """The editor's copies of curator's templates made before the pieces of one publication were
    numbered: they loop over `entry.also_in_publication`, not `entry.pieces_in_publication`, and
    write each piece's line alike."""
    return tuple(
        path
        for path in copies_without(folder, "pieces_in_publication")
        if "also_in_publication" in (_template_text(path) or "")
    )


def _own_piece(copy: Article, featured: Article) -> bool:
    """Whether the issue names `copy` as another piece of `featured`'s own publication."""
    return bool(featured.publication) and (copy.publication or copy.url) == featured.publication


def unmarked_language(language: str, folder: Path | None) -> tuple[str, ...]:
    """A warning when the newsletter is not in English (`newsletter: language:`) and copies of
    curator's templates in `folder` predate the setting: they say `lang="en"` whatever it is, and
    an Arabic issue is shown left to right (walk51 #4)."""
    if language == "en":
        return ()
    stale = copies_without(folder, "{{ lang }}")
    if not stale:
        return ()
    names = ", ".join(str(path) for path in stale)
    where = "; ".join(f"in {path}, {_lang_tag(path.name)}" for path in stale)
    return (
        f"{names}: these copies of curator's templates were made before `newsletter: language:`"
        f' and do not say the page is in {language}; write lang="{{{{ lang }}}}" into the tag'
        f" curator's own templates write it in: {where} (docs/templates.md, \"A newsletter in"
        " another language\"), or delete a copy to use curator's own",
    )


#: The opening tag of a template that says the page's language (`lang="{{ lang }}"`, the feed's
#: `xml:lang="{{ lang }}"`).
_LANG_TAG = re.compile(r"<(?P<name>[\w:]+)\s[^<>]*{{ lang }}[^<>]*>")


def _lang_tag(name: str) -> str:
    """Where curator's own template `name` says the page's language, as the editor writes it in
    a copy: its opening tag as curator's writes it (walk71 #B: the warning said to write it "where
    they say lang="en"", which a copy of _issue_body.html or feed.xml does not say anywhere)."""
    try:
        own = (builtin_templates() / name).read_text(encoding="utf-8")
    except OSError:
        return 'its lang="{{ lang }}"'
    tag = _LANG_TAG.search(own)
    if tag is None:
        return 'its lang="{{ lang }}"'
    return f"its <{tag['name']} ...> tag as `{tag.group(0)}`"


#: A Jinja expression or statement of a template (not a `{# comment #}`).
_JINJA_TAG = re.compile(r"{{.*?}}|{%.*?%}", re.S)

#: The variables that show an issue's theme and its closing line (docs/templates.md): those of
#: an issue's templates, and the archive's `item.theme`.
_THEME_VARIABLES = {
    "theme": re.compile(r"(?<![\w.])theme\b"),
    "item.theme": re.compile(r"\bitem\.theme\b"),
    "closing_text": re.compile(r"\bclosing_text\b"),
    "closing_plain": re.compile(r"\bclosing_plain\b"),
    "closing_html": re.compile(r"\bclosing_html\b"),
}


def _variables_used(path: Path) -> set[str]:
    """Which of `_THEME_VARIABLES` the template at `path` uses, in its Jinja tags."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set(_THEME_VARIABLES)  # unreadable: the build itself says so
    tags = _JINJA_TAG.findall(text)
    used = {name for name, used in _THEME_VARIABLES.items() if any(map(used.search, tags))}
    for name in TEMPLATE_REFERENCE.findall(text):
        if name.startswith(OWN_PREFIX):  # `{% extends "curator/issue.html" %}` shows what it does
            used |= _variables_used(builtin_templates() / name.removeprefix(OWN_PREFIX))
    if "closing_text" in used:  # (the text edition's closing before `closing_plain`: it shows it)
        used.add("closing_plain")
    return used


def unshown_theme(issue: Issue, folder: Path | None) -> tuple[str, ...]:
    """A warning when template copies in the editor's `folder` leave out the issue's theme or its
    closing line, where curator's own templates of those names show them: copies made before
    issues had themes (`curator init` copies the templates once), which drop them without a word
    (walk31 #1). Names each copy and the variables to add to it."""
    if folder is None or not (issue.theme or issue.closing):
        return ()
    wanted = {
        *(("theme", "item.theme") if issue.theme else ()),
        *(("closing_text", "closing_plain", "closing_html") if issue.closing else ()),
    }
    stale: list[tuple[str, list[str]]] = []
    written: list[tuple[str, list[str]]] = []
    for own in sorted(builtin_templates().iterdir()):
        copy = folder / own.name
        if not (own.is_file() and copy.is_file()):
            continue
        add = [v for v in _THEME_VARIABLES if v in wanted and v in _variables_used(own)]
        add = [v for v in add if v not in _variables_used(copy)]
        if add:
            # a template of the editor's own writing may leave them out on purpose (walk132 #5:
            # docs/templates.md's titles-and-links issue.txt was told it was an old copy)
            old = _template_text(copy) is None or old_copy(copy)
            add = _shown_as(own.name, add, _variables_used(copy))
            if add:
                (stale if old else written).append((own.name, add))
    notes = []
    if stale:
        notes.append(
            f"{folder}: copies of curator's templates made before issues had a theme and a"
            f" closing line leave out of issue {issue.number} {_left_out(issue, stale)}; add"
            " curator's lines with these variables to each (docs/templates.md), or delete a copy"
            f" to use curator's own: {_with_variables(stale)}"
        )
    if written:
        names = ", ".join(name for name, _ in written)
        leaves, shows = ("leaves", f"{names} shows") if len(written) == 1 else ("leave", "show")
        notes.append(
            f"{folder}: your {names} {leaves} out of issue {issue.number}"
            f" {_left_out(issue, written)}, which curator's own {shows}: fine if you meant it;"
            f" to show them, write these variables in (docs/templates.md):"
            f" {_with_variables(written)}"
        )
    return tuple(notes)


def _shown_as(name: str, add: list[str], used: set[str]) -> list[str]:
    """The variables `unshown_theme` asks template `name` to write: of the closing line, the one
    its kind of edition shows, `closing_html` in HTML and XML, `closing_plain` in text (walk156
    #19: email.html was asked for `closing_plain`, a text variable)."""
    closing = [v for v in add if v.startswith("closing_")]
    if not closing:
        return add
    kind = "closing_html" if name.endswith((".html", ".xml")) else "closing_plain"
    if name.endswith(".md"):
        kind = "closing_text"
    return [v for v in add if not v.startswith("closing_")] + [kind] * (kind not in used)


def _left_out(issue: Issue, templates: Sequence[tuple[str, Sequence[str]]]) -> str:
    """What `unshown_theme`'s templates leave out of `issue`: "its theme "..." and its closing
    line "..."", as far as their variables say."""
    added = {v for _, add in templates for v in add}
    left_out = []
    if added & {"theme", "item.theme"}:
        left_out.append(f'its theme "{" and ".join(issue.theme)}"')
    if added & {"closing_text", "closing_plain", "closing_html"}:
        left_out.append(f'its closing line "{issue.closing}"')
    return " and ".join(left_out)


def _with_variables(templates: Sequence[tuple[str, Sequence[str]]]) -> str:
    return "; ".join(f"{name} ({', '.join(f'`{v}`' for v in add)})" for name, add in templates)


def _template_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # unreadable: the build itself says so


def _named_as(copy: Article, entry: Scored, unnumbered: Sequence[Path] = ()) -> str:
    """How the issue names `copy` under `entry`'s article: another outlet's name, or, in the
    featured article's own publication, as another piece of it (not as another outlet); numbered
    "(2/3)" when the entry names more than one piece of that publication, as curator's own
    templates do (`render._told_apart`). The editor's copies in `unnumbered`, made before pieces
    were numbered, write the line unnumbered: quoted too, as they write it (walk147 #6: the
    warning quoted "(1/2)", which their issue did not print)."""
    own = copy.publication or copy.url
    publication = own
    pieces = list(
        dict.fromkeys(
            c.article.url
            for c in entry.copies
            if (c.article.publication or c.article.url) == publication
        )
    )
    if len(pieces) > 1 and copy.url in pieces:
        publication = f"{publication} ({pieces.index(copy.url) + 1}/{len(pieces)})"
    if _own_piece(copy, entry.article):
        named = f'"Another piece in {publication} on the same story"'
        if publication != own and unnumbered:
            names = ", ".join(str(path) for path in unnumbered)
            named += (
                f" (as curator's own templates write it; as your {names} write"
                f'{"s" if len(unnumbered) == 1 else ""} it, "Another piece in {own} on the same'
                ' story")'
            )
        return named
    return f'"Also covered by: {publication}"'


@dataclass(frozen=True)
class Published:
    """An issue written to the output folder and recorded in the store, together."""

    paths: tuple[Path, ...]
    #: A warning per earlier issue the archive had to leave out (its issue-N.json unreadable).
    warnings: tuple[str, ...]
    kept: tuple[KeptSubject, ...]


def publish_issue(
    issue: Issue,
    config: Config,
    store: Store,
    out_dir: Path,
    templates: Path | None,
    *,
    now: datetime,
    planned: bool,
    said: Iterable[int] = (),
    retold: Iterable[tuple[int, int, int, str]] = (),
    gone_said: bool = False,
) -> Published:
    """Render the issue in every configured format, with the archive page and the feed of issues,
    then write the files and record the issue in the store: both, or neither.

    The store's write lock is taken first (another program holding it is waited for, and then
    stops the run before a file is written); the files are written under temporary names, the
    issue recorded, the files renamed into place, and the record committed. A failure at any step
    (a full disk, a store that cannot be written to, Ctrl-C) leaves the output folder and the
    store as they were, so the next build publishes the same issue number once. `gone_said`: the
    run said `gone_issues` before it began, and that is not said again.
    """
    env = environment(templates or config.settings.templates, language=config.language)
    utm = config.utm or None
    formats = config.settings.outputs or OUTPUTS
    try:
        archive, warnings = load_archive(out_dir, env, site_url=config.site_url, utm=utm)
        # The archive page and feed of issues are the newsletter's, titled as feeds.yaml says: a
        # draft's `title:` is its issue's own (walk38 #7: it renamed them for one build).
        rendered = render_outputs(
            issue,
            env=env,
            site_url=config.site_url,
            archive=archive,
            formats=formats,
            utm=utm,
            known_ids=published_feed_ids(out_dir),
            newsletter=(config.title, config.editor),
            previous_feed=published_feed(out_dir),
        )
    except TemplateMistake:  # a mistake in the editor's template: exit 2, as it says
        raise
    except OutputError as exc:
        raise BuildError(str(exc)) from None
    except OSError as exc:  # the folder's earlier issues could not be listed
        raise BuildError(
            f"cannot read {out_dir}: {exc.strerror or exc}; nothing was published: make it"
            " readable for your user (or choose another --out), then run again"
        ) from None
    stop_for_unrecorded_issue(issue.number, config, store, out_dir, rendered)
    found_out = () if gone_said else _missing_issues(config, store, out_dir, issue.number, formats)
    found_out += _stopped_issue(store, out_dir, issue.number, rendered)
    dropped = unshown_articles(
        issue, rendered, templates or config.settings.templates, site_url=config.site_url, utm=utm
    )
    files = FileSet({out_dir / name: text for name, text in rendered.items()})
    # (before it is recorded: which line of the plan it does, when the plan gives another next)
    later_line = later_line_note(config, store, issue.theme, issue.number) if planned else ""
    try:
        store.begin_issue(issue.number, issue_digests(issue.number, rendered))
        with store.transaction():  # the store's write lock, before any file is written
            try:
                files.write()
            except OSError as exc:
                raise BuildError(_cannot_write(issue, out_dir, exc)) from None
            kept = record_published(config, store, issue, now, planned=planned)
            # (the stories told before this build says it left out: said once, with the issue)
            store.mark_retold_said(said)
            # (and the copies found of stories told before, which it says: walk85 B)
            store.record_retold(retold)
            store.finish_issue()
            # The run's notes, said with the issue, are recorded as told in its transaction: a
            # write after the commit that failed (a full disk) ended a build that had published
            # the issue with exit 1, "what was stored before is kept", and the advice to run
            # again published the next issue the same week (walk141 #1).
            store.local_files_told()
            try:
                paths = files.publish()
            except OSError as exc:
                raise BuildError(_cannot_write(issue, out_dir, exc)) from None
    except BaseException as exc:
        if store.has_issue(issue.number):  # committed, and interrupted just after: it is out
            files.keep()
            raise
        left = files.undo()
        if not left and isinstance(exc, BuildError):  # a file could not be written: none is left
            # The mark that this store publishes the issue goes too: a copy of the store taken
            # now (`curator backup`) and put back after the issue was published took the
            # published files for this build's own, and published over them (walk157 #2).
            with suppress(sqlite3.Error, StoreError):
                store.forget_unfinished_issue()
        if left and isinstance(exc, CuratorError):
            names = ", ".join(str(p) for p in left)
            raise BuildError(
                f"{exc}; these files of issue {issue.number} could not be put back as they were"
                f" and may be the new ones: {names}"
            ) from None
        if isinstance(exc, StoreError):
            raise StoreError(
                f"{exc}; issue {issue.number} was not published: none of its files was written"
                f" to {out_dir}"
            ) from None
        raise
    files.keep()
    # Said where the editor looks: the issue is out, but the archive lost an earlier one.
    missing = "; that issue is missing from the archive page and the feed of issues until the file"
    notes = (
        *((later_line,) if later_line else ()),
        *found_out,
        *dropped,
        *clipped_email(issue, rendered),
        *nested_headings(rendered, templates or config.settings.templates),
        *linked_stylesheets(env, rendered),
        *html_in_text(env, rendered),
        *(f"{w}{missing} is repaired or restored{_render_fix(w, store)}" for w in warnings),
        *_empty_editions_said(
            out_dir, store, [a.number for a in archive if a.number != issue.number]
        ),
        *placeholder_titles(
            config, {a.number: a.title for a in archive if a.number != issue.number}, out_dir
        ),
    )
    return Published(paths, notes, kept)


#: An issue-N.json `load_archive` left out of the archive (its warning names it first).
_LEFT_OUT = re.compile(r"issue-(\d+)\.json: left out of the archive: ")


def _render_fix(warning: str, store: Store) -> str:
    """`: `curator render N` writes it again from the store` for an issue-N.json left out of the
    archive (`warning`) when the store records issue N (walk141 #5: "until the file is repaired
    or restored", and not how); else ""."""
    named = _LEFT_OUT.search(warning)
    if named is None or not store.has_issue(int(named.group(1))):
        return ""
    return f": `curator render {named.group(1)}` writes it again from the store"


def _empty_editions_said(out_dir: Path, store: Store, numbers: Sequence[int]) -> tuple[str, ...]:
    """A warning per edition of an issue the archive lists whose file is empty (0 bytes) or cut
    short (an HTML page with no </html>, walk145 N4), with its fix (walk141 #5: index.html linked a
    blank issue-1.html, and nothing said so)."""
    said = []
    for number, path, cut in empty_editions(out_dir, numbers):
        linked = ", and index.html links it" if path.name == f"issue-{number}.html" else ""
        fix = (
            f"`curator render {number}` writes it again from the store"
            if store.has_issue(number)
            else "restore it from a copy"
        )
        what = (
            "is cut short (no </html> at its end: cut by a failed copy, sync or restore)"
            if cut
            else "is empty (0 bytes: emptied by a failed copy, sync or restore)"
        )
        said.append(f"{path}: this edition of issue {number} {what}{linked}; {fix}")
    return tuple(said)


def placeholder_titles(config: Config, titles: Mapping[int, str], out_dir: Path) -> tuple[str, ...]:
    """A warning when published issues (`titles`: their titles by number) are titled with the
    placeholder `curator init` wrote while feeds.yaml's title is the editor's own: index.html
    lists each as "Issue 1: My Newsletter", which nothing said (walk127). feeds.yaml's own
    placeholder is said by every command (`Config.placeholders`)."""
    placeholder = INIT_PLACEHOLDERS["title"]
    if config.title.split() == placeholder.split():
        return ()
    numbers = sorted(n for n, title in titles.items() if title.split() == placeholder.split())
    if not numbers:
        return ()
    listed = numbers_text(numbers)
    return (
        f"issue{'s' * (len(numbers) > 1)} {listed} {'are' if len(numbers) > 1 else 'is'} titled"
        f' "{placeholder}", the placeholder `curator init` wrote, and index.html lists'
        f' {"them" if len(numbers) > 1 else "it"} so ("Issue {numbers[0]}: {placeholder}"), as'
        ' their pages and feed.xml do: if the newsletter\'s title was meant, correct "title" in'
        f" {out_dir / f'issue-{numbers[0]}.json'}"
        + (" (and each such issue-N.json)" if len(numbers) > 1 else "")
        + f", then `curator render {' '.join(map(str, numbers))}`",
    )


def numbers_text(numbers: Sequence[int]) -> str:
    """`1-3, 5`: issue numbers as the editor reads them, runs as ranges."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def _missing_issues(
    config: Config, store: Store, out_dir: Path, number: int, formats: Collection[str]
) -> tuple[str, ...]:
    """A warning when issues the store records are not in `out_dir` (no issue-N.json there): the
    archive page and the feed of issues can list only those found.

    Why: `rm -rf output; curator build` published an archive of the new issue alone, without a
    word, and nothing said that `render --all` brings the others back (walk73 #3). The build does
    not write them again itself: an editor may have taken an issue down on purpose."""
    if "json" not in formats:  # no issue-N.json is written: the archive holds the newest alone
        return ()
    gone = [
        r.number
        for r in store.issues()
        if r.number < number and not (out_dir / f"issue-{r.number}.json").exists()
    ]
    if not gone:
        return ()
    out = (
        ""
        if out_dir.resolve() == Path(config.settings.output).resolve()
        else f" --out {shell_arg(out_dir)}"
    )
    which = f"issue {gone[0]} is" if len(gone) == 1 else f"issues {numbers_text(gone)} are"
    return (
        f"{which} recorded in the store but not in {shell_arg(out_dir)} (no issue-N.json: deleted, or"
        f" published to another folder?): its archive page and feed of issues list only the"
        f" issues found there; `curator render --all{out}` writes the missing ones again",
    )


def gone_issues(config: Config, store: Store, out_dir: Path, command: str) -> str | None:
    """Said before `draft` or `build` goes on (nothing fetched or published yet): the issues the
    store records whose files are gone from `out_dir` (no issue-N.json), whose articles still
    count as featured, and the two ways on.

    Why: after `rm output/issue-16.*`, `curator draft` silently left issue 16's 6 articles out
    and drafted issue 17; only the build that published 17 said 16 was missing (walk150 #5)."""
    formats = config.settings.outputs or OUTPUTS
    if "json" not in formats:  # no issue-N.json is written: nothing tells a deleted issue
        return None
    records = store.issues(with_articles=True)
    gone = [r for r in records if not (out_dir / f"issue-{r.number}.json").exists()]
    if not gone:
        return None
    numbers = [r.number for r in gone]
    articles = sum(len(r.featured) + len(r.copies) for r in gone)
    out = (
        ""
        if out_dir.resolve() == Path(config.settings.output).resolve()
        else f" --out {shell_arg(out_dir)}"
    )
    one = len(gone) == 1
    which = f"issue {numbers[0]} is" if one else f"issues {numbers_text(numbers)} are"
    them = "it" if one else "them"
    render = "--all" if len(gone) == len(records) else " ".join(map(str, numbers))
    return (
        f"{which} recorded in the store but not in {shell_arg(out_dir)} (no issue-N.json: deleted, or"
        f" published to another folder?): {'its' if one else 'their'} {articles} article(s)"
        f" count as featured all the same, so this {command} leaves them out (issue"
        f" {store.next_issue_number()} is the next), and the archive page and feed of issues list"
        f" only the issues found there. To write {them} again: `curator render"
        f" {render}{out}`; to take {them} back (unpublished, {'its' if one else 'their'}"
        " articles free for a later issue), there is no command: put back the copy of the store"
        f" taken before {'it was' if one else 'they were'} published (one `curator backup"
        " ~/backups/` made, say; README,"
        ' "Take an issue back")'
    )


def file_digest(data: str | bytes) -> str:
    """The SHA-256 digest of a file's content (text as the build writes it: UTF-8)."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def issue_digests(number: int, rendered: Mapping[str, str | bytes]) -> dict[str, str]:
    """The digests of issue `number`'s own files among `rendered` (name: content), by name."""
    return {
        name: file_digest(data)
        for name, data in rendered.items()
        if name.startswith(f"issue-{number}.")
    }


def stopped_build_files(
    store: Store,
    out_dir: Path,
    number: int,
    names: Iterable[str],
    rendered: Mapping[str, str | bytes] | None = None,
) -> bool:
    """Whether the files `names` of issue `number` in `out_dir` are those a build of this store
    wrote and was stopped (killed) before recording: the store marks the issue it began
    (`Store.unfinished_issue`) with the digests of its files, and each file here has one of them
    (or is what this build writes, `rendered`). A mark kept by an older curator, without digests,
    is taken at its word.

    Why: a store copied (`curator backup`) after a build failed to write issue 29 kept that
    build's mark; put back after issue 29 was published, it took the published issue for its own
    leftovers, and the next build published another issue 29 over it (walk157 #2)."""
    if store.unfinished_issue() != number:
        return False
    attempt = store.unfinished_files()
    if attempt is None:
        return True
    for name in names:
        try:
            digest = file_digest((out_dir / name).read_bytes())
        except FileNotFoundError:
            continue
        except OSError:  # (unreadable: said when publishing)
            return False
        if digest in attempt.get(name, ()):
            continue
        if rendered is not None and name in rendered and file_digest(rendered[name]) == digest:
            continue  # (the very file this build writes)
        return False
    return True


def stopped_issue_in(store: Store, out_dir: Path) -> int | None:
    """`Store.unfinished_issue` when the files of it in `out_dir` are the stopped build's own
    (`stopped_build_files`); None when there is none, or they are another issue published since."""
    number = store.unfinished_issue()
    if number is None:
        return None
    try:
        names = [p.name for p in out_dir.glob(f"issue-{number}.*")]
    except OSError:
        return number
    return number if stopped_build_files(store, out_dir, number, names) else None


def _stopped_issue(
    store: Store, out_dir: Path, number: int, names: Iterable[str]
) -> tuple[str, ...]:
    """A note when `out_dir` holds files of issue `number` that a build of this store renamed
    into place and was stopped (killed) before recording: this build replaces them.

    Why: the next run replaced them without a word, and the killed build's `.old.tmp` files
    stayed until then (walk73 #4)."""
    if store.unfinished_issue() != number or store.has_issue(number):
        return ()
    found = sorted(n for n in names if n.startswith(f"issue-{number}.") and (out_dir / n).exists())
    if not found or not stopped_build_files(store, out_dir, number, found, _contents(names)):
        return ()
    return (
        f"{out_dir} held issue {number} ({', '.join(found)}) from a build that was stopped (killed,"
        f" or the machine went down) after it wrote those files and before the store recorded"
        f" the issue: this build published issue {number} again over them, and removed the"
        " temporary files (.*.tmp) that build left",
    )


def stop_early_for_unrecorded_issue(
    config: Config, store: Store, out_dir: Path, number: int | None = None
) -> None:
    """`stop_for_unrecorded_issue` for issue `number` (None: the next), with the files of it the
    build's formats would write, before any article is placed (minutes on a large store)."""
    number = store.next_issue_number() if number is None else number
    formats = config.settings.outputs or OUTPUTS
    names = [p.format(n=number) for name, (_, p) in ISSUE_FORMATS.items() if name in formats]
    with suppress(OSError):  # (a folder that cannot be read: said when publishing)
        stop_for_unrecorded_issue(number, config, store, out_dir, names)


def stop_for_unrecorded_issue(
    number: int, config: Config, store: Store, out_dir: Path, names: Iterable[str]
) -> None:
    """Stop before issue `number` replaces files of an issue `number` the store does not record.

    Why: `build --db .curator/curator2.db` (a typo) made a new, empty store and published its
    issue 1 over the folder's published issue 1; a typo in `settings: store` did the same silently.
    """
    if store.has_issue(number):
        return
    names = list(names) if not isinstance(names, Mapping) else names
    found = sorted(
        name for name in names if name.startswith(f"issue-{number}.") and (out_dir / name).exists()
    )
    if not found or stopped_build_files(store, out_dir, number, found, _contents(names)):
        return  # (none, or the files of a build of this store killed before it recorded it)
    what = f"issue {number}"
    try:
        data = json.loads((out_dir / f"issue-{number}.json").read_text(encoding="utf-8"))
        old = issue_from_data(data)
        about = f" on {', '.join(old.theme)}" if old.theme else ""
        what += f' ("{old.title}"{about}, dated {old.date:%Y-%m-%d})'
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, TypeError, KeyError):
        pass
    last = number - 1
    knows = f"records issues up to {last}" if last else "records no issue at all"
    move = f" --out {shell_arg(out_dir)}" if out_dir != config.settings.output else ""
    unknown = [number]
    while (out_dir / f"issue-{unknown[-1] + 1}.json").exists():
        unknown.append(unknown[-1] + 1)
    if store.unfinished_issue() == number or _older_copy(store, out_dir, number):
        # A copy of this store taken before issue `number` was published (a backup put back: walk157
        # #2, walk164 N5), not another store: the ways on that keep the published issue(s).
        them = f"issue {number}" if len(unknown) == 1 else f"issues {number}-{unknown[-1]}"
        json_files = (
            out_dir / f"issue-{number}.json"
            if len(unknown) == 1
            else f"their issue-N.json files in {out_dir}"
        )
        store_files = " and ".join(f"{store.path.name}{end}" for end in ("-wal", "-shm"))
        raise BuildError(
            f"{out_dir} already holds {what} ({', '.join(found)}), but the store {store.path}"
            f" {knows}: the store is older than the published {them}, and does not know"
            f" {'it' if len(unknown) == 1 else 'them'} (most likely it was put back from a"
            f" copy, a backup, taken before issue {number} was published), so its next issue"
            f" would be another issue {number}, and could feature again what {them} featured."
            f" Nothing was published. To go on and keep {them}, either: record {them} in this"
            f" store from {json_files}, `curator render --record{move}` (the next"
            f" build then publishes issue {unknown[-1] + 1}); or put back a copy of the store"
            f" taken after issue {unknown[-1]} was published, if you have one (with no curator"
            f" running, move it over {store.path} and delete {store_files} beside it). To"
            f" publish a new issue {number} over the old one on purpose, move the"
            f" {out_dir / f'issue-{number}'}.* files out of the folder (or choose another --out)"
            " first"
        )
    if store.path.resolve() == Path(config.settings.store).resolve():
        cause = "settings: store in feeds.yaml names another store than the one that published it"
        fix = "correct settings: store (or give --db with the right store)"
    else:
        cause = f"--db {store.path} is not the store that published it"
        fix = "give --db the right store (or leave --db out to use settings: store)"
    if number == 1:  # (a copy taken before the first issue looks like a new store: `_older_copy`)
        fix += (
            "; if it is your store put back from a copy taken before issue 1 was published,"
            f" record issue 1 in it from its issue-1.json instead: `curator render --record{move}`"
        )
    raise BuildError(
        f"{out_dir} already holds {what} ({', '.join(found)}), but the store {store.path}"
        f" {knows}: most likely {cause}. Nothing was published. To go on with the right store:"
        f" {fix}, then run again; to publish a new issue {number} over the old one on purpose,"
        f" move the {out_dir / f'issue-{number}'}.* files out of the folder (or choose another"
        " --out) first"
    )


def _older_copy(store: Store, out_dir: Path, number: int) -> bool:
    """Whether `store` is the one that published `out_dir`'s issues, as it was before issue
    `number` was published: its last issue, `number - 1`, featured most of what the folder's
    issue-(N-1).json publishes, where another store (a typo in --db or `settings: store`, a new
    one, another newsletter's) does not. Before issue 1 the two cannot be told apart: a new store
    fetches the same feeds (`stop_for_unrecorded_issue` names both)."""

    def urls(n: int) -> set[str]:
        try:
            data = json.loads((out_dir / f"issue-{n}.json").read_text(encoding="utf-8"))
            issue = issue_from_data(data)
        except (OSError, UnicodeDecodeError, ValueError, RecursionError, TypeError, KeyError):
            return set()
        return {e.article.url for s in issue.sections for e in s.entries if e.article.url}

    published = urls(number - 1) if number > 1 else set()
    if not published:
        return False
    records = store.issues(with_articles=True)
    record = next((r for r in records if r.number == number - 1), None)
    if record is None:
        return False
    featured = {url_key(url) for _, url in store.urls_of([a for _, a in record.featured])}
    known = {url for url in published if url_key(url) in featured}
    return 2 * len(known) >= len(published)


def _contents(names: Iterable[str]) -> Mapping[str, str | bytes] | None:
    """The files' contents when `names` is the build's rendered files (name: content)."""
    return names if isinstance(names, Mapping) else None


def _cannot_write(issue: Issue, out_dir: Path, exc: OSError) -> str:
    """Why the issue's files could not be written, where, and what to do; nothing was published."""
    where = exc.filename2 or exc.filename or out_dir  # a rename: its target
    return (
        f"cannot write issue {issue.number} to {out_dir}: {exc.strerror or exc} ({where});"
        f" nothing was published and the issue was not recorded: {write_fix(out_dir, exc)},"
        " then run again"
    )


def write_fix(out_dir: Path, exc: OSError) -> str:
    """What to do when a file cannot be written to the output folder `out_dir`."""
    if (blocking := file_in_the_way(out_dir)) is not None:  # (walk141 #6: "File exists")
        return f"{blocking} is a file, not a folder: move it away or choose another --out"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"free some space on the disk of {out_dir} (or choose another --out)"
    if exc.errno == errno.EFBIG:
        return "raise the limit on file size (ulimit -f), or choose another --out"
    if exc.errno == errno.EROFS:
        return f"mount the disk of {out_dir} read-write (or choose another --out)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"make {out_dir} writable for your user (or choose another --out)"
    return f"check {out_dir} (or choose another --out)"


def _cannot_write_draft(config: Config, path: Path, exc: OSError) -> str:
    """Why the draft could not be written at `path`, and what to do (walk56 #1: a drafts folder
    made read-only, a file named `drafts`, a read-only draft under --force gave a traceback)."""
    folder = path.parent
    blocked = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocked is not None:  # mkdir: FileExistsError or NotADirectoryError
        what = f"{blocked} is a file, not a folder"
        fix = (
            f"move that file away (or set `drafts:` under `settings:` in {config.path} to"
            " another folder)"
        )
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = exc.strerror or str(exc)
        fix = f"free some space on the disk of {folder}"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = exc.strerror or str(exc)
        target = path if path.exists() and os.access(folder, os.W_OK) else folder
        fix = (
            f"make {target} writable for your user (`chmod u+w {shell_arg(target)}`; a file"
            f" made immutable needs `chattr -i {shell_arg(target)}`)"
        )
    else:
        what = exc.strerror or str(exc)
        fix = f"check {folder}"
    return (
        f"cannot write the draft {path}: {what}; no draft was written (what was fetched is"
        f" stored): {fix}, then run `curator draft` again"
    )


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


def _choose_checked(
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

    def choose() -> NextIssue | None:
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
        )

    if check:
        # The pages of articles stored in earlier runs may be gone since (walk132): their links
        # are checked, and one gone leaves its article out for the next best.
        planned = recheck_issue(
            config,
            store,
            choose,
            lambda p: p.issue,
            now=now,
            read_before=read_before,
            published=command == "build",
            say=notes.append,
        )
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
) -> NextIssue | None:
    """The issue the weekly build would publish now (nothing is recorded), or None if nothing fits.

    Raises ThemeError when its theme is too thin (or the plan is used up), InputError for an
    unknown subject or a mistake in an introduction file; `drafting` when it is for a draft.
    The articles of a subject left out of it as stories published before, every one, are said
    to `say` when nothing fits (else among its warnings).
    """
    choice = choose_theme(config, store, subjects, all_subjects=all_subjects, drafting=drafting)
    # (a draft keeps them too, for `build --draft` to record with its issue: walk111 #1)
    found: list[tuple[int, int, int, str]] = []
    chosen = choose_sections(
        config, store, now, theme=choice.theme, record=found, progress=progress, tell=say
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
    if like:
        sections = tuple(
            replace(
                s,
                entries=(
                    *(e for e in s.entries if e.article.url not in like),
                    *(e for e in s.entries if e.article.url in like),
                ),
            )
            for s in sections
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
    weak = store.weak_fits(weak_bars(config, store), featured)
    weak_urls = tuple(e.article.url for s in sections for e in s.entries if e.article.id in weak)
    lone = one_word_fits(
        config,
        store,
        [
            (a, s.subject, score)
            for s in sections
            for a, score, _ in store.candidates_by_id(s.subject, [e.article.id for e in s.entries])
        ],
    )
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
        *_repeat_warning(
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
        *alone,
        # (an issue asked for by --subject or --all-subjects is the editor's act, no run twice)
        *(() if drafting or subjects or all_subjects else _published_just_now(store, number, now)),
        *_from_removed_feeds(config, issue),
    )
    # (recorded with the issue: a store that cannot be written then stops the build before it is
    # published, and says so, rather than here)
    ones = tuple(lone[e.article.url] for s in sections for e in s.entries if e.article.url in lone)
    likes = tuple(like[e.article.url] for s in sections for e in s.entries if e.article.url in like)
    return NextIssue(issue, choice.planned, warnings, weak_urls, said, tuple(found), ones, likes)


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
            keep_out = f"`curator subjects exclude {shell_arg(found.url)}`"
            if drafting:
                path = shell_arg(
                    draft_path(config.settings.drafts or config.folder / "drafts", issue.number)
                )
                todo = (
                    f"it comes last in its section: if it is off the subject, cut it in {path},"
                    f" and {keep_out} keeps it out of later issues"
                )
            else:
                todo = (
                    f"it is published, last in its section; if it is off the subject, {keep_out}"
                    " keeps it out of later issues (to take it out of this issue now: delete its"
                    f" entry in issue-{issue.number}.json in your output folder, then `curator"
                    f" render {issue.number}`; next time, to check an issue before it is"
                    f" published: {draft_then_build(config, issue.number + 1)})"
                )
            out.append(
                f'issue {issue.number}\'s "{found.title}" ({found.url}) under'
                f' "{found.subject}" is {found.why()}; {todo}'
            )
    return tuple(out)


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


#: A build publishing an issue less than this after the last one says so (walk150 #7: a cron job
#: run twice published issue 23 right after 22 without a word). A warning, not a refusal: an
#: editor may well publish two issues in a day on purpose.
JUST_PUBLISHED = timedelta(hours=24)


#: How many of the articles `_from_removed_feeds` counts are named.
REMOVED_FEEDS_NAMED = 5


def _from_removed_feeds(config: Config, issue: Issue) -> tuple[str, ...]:
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


def _published_just_now(
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


def _repeat_warning(
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


@dataclass(frozen=True)
class DraftWritten:
    issue: Issue
    path: Path
    warnings: tuple[str, ...] = ()
    #: The articles left without a blurb (their messages are among `warnings` too).
    missing_blurbs: tuple[MissingBlurb, ...] = ()
    #: The URLs of its articles that fit their subject only weakly (`weak_fit_warnings`).
    weak_fits: tuple[str, ...] = ()
    #: Its articles under their subject mostly on one word (`one_word_warnings`).
    one_word: tuple[OneWord, ...] = ()
    #: Its articles like one the editor excluded (`like_excluded_warnings`), last in their section.
    like_excluded: tuple[LikeExcluded, ...] = ()
    #: How many of its articles carry a note on their credit (`draft.noted_credits`).
    credit_notes: int = 0


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
    store.record_draft_sections(  # (a section removed whole is said cut: walk174 #1)
        issue.number,
        {s.subject: [e.article.id for e in s.entries if e.article.id] for s in issue.sections},
    )
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


def draft_then_build(config: Config, number: int) -> str:
    """How to check issue `number` before it is published, in two commands that work pasted:
    `curator draft`, naming the draft it writes, then `curator build --draft` with that path."""
    path = shell_arg(draft_path(config.settings.drafts or config.folder / "drafts", number))
    return f"`curator draft` (which writes {path}), then `curator build --draft {path}`"


def _stop_before_replacing_draft(path: Path, force: bool, store: Store, number: int) -> None:
    """Stop before a draft the editor may have edited is replaced (without --force); one as
    curator wrote it (the store keeps its digest) is replaced, as nothing of the editor's is lost
    (walk146 #6: `draft --subject X` run twice refused, "your edits would be lost")."""
    if path.exists() and not force and not _untouched(store, number, path):
        # (the draft's own path in the advice, not DRAFT: walk97 #7, pasted as printed it
        # failed "DRAFT: cannot read the draft")
        raise BuildError(
            f"{path} exists already (your edits would be lost); "
            f"build it with `curator build --draft {shell_arg(path)}`, or pass --force to"
            " replace it"
        )


def _untouched(store: Store, number: int, path: Path) -> bool:
    """Whether the draft at `path` is as `curator draft` last wrote it for issue `number`."""
    try:
        old = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return _digest(old) == store.draft_written(number)


def _keep_edited_draft(store: Store, number: int, path: Path, text: str) -> Path | None:
    """Before `draft --force` replaces the draft at `path` with `text`: a copy of it when it was
    edited (not as curator wrote it, nor as it writes it now), beside it as
    issue-<N>.md.replaced (-2, -3 ... when taken), which no build reads as a draft (walk95 #3:
    --force replaced the other editor's edited draft without a word). Its path, or None."""
    try:
        old = path.read_bytes()
    except OSError:
        return None
    try:
        old_text = old.decode("utf-8")
    except UnicodeDecodeError:
        old_text = None
    if old_text is not None and _digest(old_text) in (store.draft_written(number), _digest(text)):
        return None
    copy = path.with_name(f"{path.name}.replaced")
    n = 1
    while copy.exists():
        n += 1
        copy = path.with_name(f"{path.name}.replaced-{n}")
    try:
        copy.write_bytes(old)
    except OSError as exc:
        raise BuildError(
            f"{path} was edited since `curator draft` wrote it, and could not be kept as {copy}"
            f" before --force replaced it ({exc.strerror or exc}): nothing was replaced; copy it"
            " elsewhere, then run again"
        ) from None
    return copy


def _draft_text(
    config: Config, store: Store, planned: NextIssue, path: Path, config_arg: str = ""
) -> str:
    """The draft `curator draft` writes of the planned issue, at `path`."""
    notes_by_url: dict[str, list[str]] = {}
    for url, note in credit_notes(config, store, planned.issue).items():
        notes_by_url.setdefault(url, []).append(note)
    for url in planned.weak_fits:
        notes_by_url.setdefault(url, []).append(WEAK_FIT_NOTE)
    for one in planned.one_word:
        notes_by_url.setdefault(one.url, []).append(ONE_WORD_NOTE.format(why=one.why()))
    for found in planned.like_excluded:
        notes_by_url.setdefault(found.url, []).append(
            LIKE_EXCLUDED_NOTE.format(title=found.excluded_title, url=found.excluded_url)
        )
    return write_draft(planned.issue, name=str(path), notes=notes_by_url, config=config_arg)


def _digest(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def _stop_early_for_edited_draft(config: Config, store: Store) -> None:
    """`_unused_draft`'s stop, before any article is placed (minutes on a large store: walk101
    #2), for a draft of the next issue that differs from the one `curator draft` wrote, as the
    store recorded it (one from before the store kept a note is checked after, by
    `_unused_draft`, against the draft curator would write now)."""
    number = store.next_issue_number()
    recorded = store.draft_written(number)
    if recorded is None:
        return
    folder = config.settings.drafts or config.folder / "drafts"
    edited = []
    for path in _drafts_of(folder, number, draft_path(folder, number)):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # (said by `_unused_draft`)
        if _digest(text) != recorded:
            edited.append(path)
    _stop_for_drafts(edited, number)


def _unused_draft(config: Config, store: Store, planned: NextIssue) -> list[Path]:
    """Stop a build without --draft while a draft of the very issue it would publish (in the
    drafts folder: issue-<N>.md, or any name whose `number:` is N) was edited since `curator
    draft` wrote it (walk38 #2: the editor cut an article in the draft,
    and `curator build` published it, saying nothing of the draft). A draft as curator wrote it
    (or as it would write it now: one from before curator kept a note of it) was not reviewed:
    the build goes on; those drafts are returned, for the build to say they are out of date."""
    folder = config.settings.drafts or config.folder / "drafts"
    number = planned.issue.number
    written = draft_path(folder, number)
    unedited: list[Path] = []
    edited: list[Path] = []
    for path in _drafts_of(folder, number, written):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = None
        if text is not None and (
            _digest(text) == store.draft_written(number)
            or _digest(text) == _digest(_draft_text(config, store, planned, written))
        ):
            unedited.append(path)
            continue
        edited.append(path)
    _stop_for_drafts(edited, number)
    return unedited


def _other_edited_drafts(config: Config, store: Store, number: int, built: Path) -> list[str]:
    """A warning per other draft of issue `number` in the drafts folder than the one `built`
    (`build --draft`) that was edited since `curator draft` wrote it: its edits are not in the
    issue (walk142 #10: with drafts/issue-1.md and drafts/mine.md both edited, `build --draft
    drafts/mine.md` published without a word of the other). Only when the store kept a note of
    the draft curator wrote, to tell an edited one by."""
    recorded = store.draft_written(number)
    if recorded is None:
        return []
    folder = config.settings.drafts or config.folder / "drafts"
    try:
        mine = built.resolve()
    except OSError:
        mine = built
    warnings = []
    for path in _drafts_of(folder, number, draft_path(folder, number)):
        try:
            if path.resolve() == mine:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if _digest(text) != recorded:
            warnings.append(
                f"{path} is another draft of issue {number}, edited since `curator draft` wrote"
                f" it: its edits are not in the issue, which was built from {built}; copy any you"
                " want into the next issue's draft, and move it out of the drafts folder (or"
                " delete it)"
            )
    return warnings


#: A draft's `number:` line in its front matter.
_DRAFT_NUMBER = re.compile(r"^number:[ \t]*['\"]?(\d+)['\"]?[ \t]*$", re.MULTILINE)


def _drafts_of(folder: Path, number: int, written: Path) -> list[Path]:
    """The drafts in `folder` of issue `number`: drafts/issue-<N>.md, and any other `.md` file
    whose front matter says `number: N` (walk46 N4: an edited draft renamed cx-2-reviewed.md did
    not stop the build)."""
    found = [written] if written.is_file() else []
    try:
        others = sorted(p for p in folder.glob("*.md") if p.is_file() and p != written)
    except OSError:
        return found
    for path in others:
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                head = handle.read(4096).lstrip("\ufeff")
        except OSError:
            continue
        if not head.startswith("---"):
            continue
        front = head.split("\n---", 2)[0] if head.count("\n---") else head
        match = _DRAFT_NUMBER.search(front)
        if match and int(match.group(1)) == number:
            found.append(path)
    return found


def _stop_for_drafts(paths: Sequence[Path], number: int) -> None:
    """Stop a plain build, naming every edited draft of the issue it would publish (walk142
    #10: of two edited drafts, only drafts/issue-1.md was named)."""
    if not paths:
        return
    if len(paths) == 1:
        _stop_for_draft(paths[0], number)
    listed = "".join(f"\n  {path}: `curator build --draft {shell_arg(path)}`" for path in paths)
    raise BuildError(
        f"{len(paths)} drafts of issue {number}, the issue this build would publish, were edited"
        " since `curator draft` wrote them: nothing was published, for this build would publish"
        " what curator chooses, not your drafts. Keep the edits you want in one of them and"
        " publish it as reviewed with its command below (the build names the others, whose"
        " edits it leaves out); to publish what curator chooses instead, move the drafts out of"
        f" their folder (or delete them), then build again:{listed}"
    )


def _stop_for_draft(path: Path, number: int) -> None:
    raise BuildError(
        f"{path} is a draft of issue {number}, the issue this build would publish,"
        " edited since `curator draft` wrote it: nothing was published, for this build would"
        " publish what curator chooses, not your draft. To publish the draft"
        f" as reviewed: `curator build --draft {shell_arg(path)}`; to publish what curator chooses"
        " instead,"
        " move the draft out of its folder (or delete it), then build again"
    )


#: The draft's note on an article that fits its subject only weakly (`weak_fit_warnings`).
WEAK_FIT_NOTE = (
    "Weak fit: this article scores under its subject's own bar and may be off the subject: cut it"
    " if it is (and `curator subjects exclude URL` keeps it out of later issues)."
)


#: The draft's note on an article like one the editor excluded (`like_excluded_warnings`).
LIKE_EXCLUDED_NOTE = (
    'Like an article you excluded ("{title}", {url}): cut it, or `curator subjects exclude URL`'
    " keeps it out too."
)


#: The draft's note on an article under its subject mostly on one word (`one_word_warnings`).
ONE_WORD_NOTE = (
    "Fits on one word: {why}; cut it if it does not (and `curator subjects exclude URL` keeps it"
    " out of later issues)."
)


@dataclass(frozen=True)
class FeedTitleCredit:
    """An article credited with its feed's title (`feed_title_credit`): where, and what to do."""

    #: The article's host, which the feed's title does not resemble.
    host: str
    #: The feeds.yaml line of its feed.
    line: int
    #: The site names other articles of the feed are credited with, from their own pages: a
    #: `name:` for the feed would replace them too (walk72 #2: an aggregator's ACLU article).
    others: tuple[str, ...] = ()

    def fix(self, config_path: Path, draft: str) -> str:
        """What to do, as the warning and the draft's note say it: give the feed a `name:` (it
        names every article of the feed, README), unless other articles of the feed are
        credited with their own pages' site names, which it would replace: then correct this
        article's `publication:` line (`draft`: where that line is)."""
        if not self.others:
            return (
                f"give the feed a `name:` in {config_path} (line {self.line}) for all its articles"
            )
        shown = ", ".join(f'"{name}"' for name in self.others[:3])
        more = f" and {len(self.others) - 3} more" if len(self.others) > 3 else ""
        return (
            f"correct the `publication:` line {draft}; a `name:` for the feed in {config_path}"
            f" (line {self.line}) would name all its articles so, also those credited with their"
            f" own pages' site names ({shown}{more})"
        )


def feed_title_credit(
    config: Config,
    store: Store,
    art: Article,
    site_names: dict[str, list[tuple[str, str]]],
) -> FeedTitleCredit | None:
    """When `art`'s publication is its feed's title (curator's fallback when the page gives no
    site name, or one unlike the article's site) and does not resemble the article's site (a
    Health Feed credit for a WebMD page), unless the page names its site so too: the article's
    host, the feeds.yaml line of its feed and the site names its other articles' pages give;
    else None. A `name:` the editor configured is their choice: never noted. `site_names` keeps
    each feed's stored site names over the caller's loop: reading them scans the articles table
    (no index on the feed), once per feed, not once per article of it."""
    source = next((f for f in config.feeds if f.url == art.feed_url), None)
    if (
        source is None
        or source.name
        or not art.publication
        or art.publication != store.feed_state(source.url).title
        or art.publication == art.site_name
        or resembles_site(art.publication, art.url) is True
    ):
        return None
    others = tuple(
        name
        for name, url in _feed_site_names(store, source.url, site_names)
        if name != art.publication
        and article_rules.page_or_feed_name(name, art.publication, url) == name
    )
    return FeedTitleCredit(urlsplit(art.url).hostname or art.url, source.line, others)


def _feed_site_names(
    store: Store, feed: str, kept: dict[str, list[tuple[str, str]]]
) -> list[tuple[str, str]]:
    """`Store.feed_site_names` of `feed`, read once into `kept`."""
    if feed not in kept:
        kept[feed] = store.feed_site_names(feed)
    return kept[feed]


def credit_notes(config: Config, store: Store, issue: Issue) -> dict[str, str]:
    """What is unsure in each article's credit (`draft.credit_note`), by URL: a publication that
    is its feed's title (`feed_title_credit`), and no author found."""
    notes = {}
    site_names: dict[str, list[tuple[str, str]]] = {}
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            fallback = feed_title_credit(config, store, art, site_names)
            from_feed = ""
            if from_address(store, art):
                what, unnamed = article_rules.address_credit(art.url)
                from_feed = (
                    f"{what}: neither its page nor a feed names {unnamed}; if it has a name,"
                    " correct the `publication:` line"
                )
            if platform := article_rules.platform_credit(art.publication, art.site_name, art.url):
                # "Substack" (walk167 #7): the platform's name, no blog's, published without a word
                from_feed = (
                    f"{platform}; if the blog has a name, correct the `publication:` line with it"
                )
            if fallback is not None:
                fix = (
                    f"correct the `publication:` line above, or {fallback.fix(config.path, '')}"
                    if not fallback.others
                    else fallback.fix(config.path, "above")
                )
                from_feed = (
                    "the title of its feed, and nothing says it is the name of the site"
                    f" ({fallback.host}): if it is not the publication, {fix}"
                )
            first = first_appeared_in(art.text)
            # names taken for the site's own were found, and the draft says so (`author_note`)
            found = art.other_authors if art.authors_from in TAKEN_FOR_SITE else art.authors
            note = credit_note(
                found,
                art.publication,
                from_feed,
                first,
                original_copy(entry, first),
                written_for=art.written_for,
            )
            if note:
                notes[art.url] = note
    return notes


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
        + excluded_since(draft, ids, excluded, saved, draft_file)
        # (walk174 #2: a blurb left under deleted heading lines merged into the one above)
        + merged_blurbs(
            draft, issue, store.articles_by_ids(list(store.draft_titles(draft.number))), draft_file
        ),
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
        *filter(None, [cut_off_warning(as_written, draft_file)]),
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


def _dated_before(
    store: Store, draft: Draft, path: Path, now: datetime, out_dir: Path
) -> tuple[str, ...]:
    """A warning when the draft's `date:` is before an earlier issue's date (walk46 N6: the
    archive page and the feed of issues then put issue 2 before issue 1; walk49 #2: any earlier
    issue, not only the one before)."""
    if "date" not in draft.lines:
        return ()
    dates = {r.number: stored_day(r) for r in store.issues() if r.number < draft.number}
    dates[draft.number] = draft.date
    where = f"{path}:{draft.lines['date']}: "
    return dated_out_of_order(
        dates,
        draft.number,
        today=issue_day(now).date(),
        out_dir=out_dir,
        where=where,
        written=draft.date_is_moment,
    )


def _dated_ahead(draft: Draft, path: Path, now: datetime, out_dir: Path) -> tuple[str, ...]:
    """A warning when the draft's `date:` is after today where curator runs: published so, as
    written, but a draft written on a machine a day ahead (walk124 F6: Kiritimati's, built in
    UTC) or a slip dates the issue in the future without a word."""
    if "date" not in draft.lines:
        return ()
    today = issue_day(now).date()
    day = draft.date.date()
    fix = (
        f' meant, write "date": "{today.isoformat()}" in {out_dir / f"issue-{draft.number}.json"},'
        f" then run `curator render {draft.number}`"
    )
    if draft.date_is_moment:
        # A time with its offset is a moment, past or to come wherever curator runs (walk166 #4:
        # 2026-12-07T09:00+13:00, built in Los Angeles at 2026-12-06 14:00, was "after today").
        if draft.date <= now:
            return ()
        here = now.astimezone().replace(microsecond=0).isoformat()
        return (
            f"{path}:{draft.lines['date']}: the draft is dated {draft.date.isoformat()}, a time"
            f" still to come (it is {here} here), and the issue is published with that date (Hugo"
            " and Jekyll hide a post dated in the future until that time); if that is not" + fix,
        )
    if day <= today:
        return ()
    return (
        f"{path}:{draft.lines['date']}: the draft is dated {day.isoformat()}, after today"
        f" ({today.isoformat()} here), and the issue is published with that date (Hugo and"
        " Jekyll hide a post dated after today until that day); if that is not" + fix,
    )


def stored_day(record: IssueRecord) -> datetime:
    """The date of a published issue as the store keeps it (one published before the store kept
    it: the day it was published)."""
    return record.day


def _zones_apart(mine: datetime, other: datetime) -> str | None:
    """ "+13:00 and +00:00": the offsets of two issue dates when they differ and the difference
    alone puts `mine` before `other` (each dated the start of its run's day, in its zone)."""
    mine_offset, other_offset = mine.utcoffset(), other.utcoffset()
    if mine_offset is None or other_offset is None or mine_offset == other_offset:
        return None
    if other - mine > abs(mine_offset - other_offset):
        return None
    return f"{mine.isoformat()[-6:]} for this one, {other.isoformat()[-6:]} for the other"


def _utc_text(moment: datetime) -> str:
    """ "2026-12-06 20:00 UTC": a moment in one zone, to compare two written in others."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def dated_out_of_order(
    dates: Mapping[int, datetime],
    number: int,
    *,
    today: date,
    out_dir: Path,
    where: str = "",
    written: bool = False,
) -> tuple[str, ...]:
    """A warning when issue `number` is dated before an earlier issue (`dates`: issue dates by
    number), naming the latest-dated one, with a date that puts it in its place and a command that
    makes it last (walk49 #1: the advice, followed, changed nothing `render` kept). `written`:
    its date is a time the editor wrote in its draft, not the day of the run that built it."""
    mine = dates[number]
    day = mine.date()

    def earlier_moment(other: datetime) -> bool:
        # As moments when both say their offset (walk124 F5: an issue dated 2026-12-06 at
        # -11:00 follows one dated 2026-12-07 at +14:00, an hour later).
        if other.tzinfo is not None and mine.tzinfo is not None:
            return other > mine
        return other.date() > day

    # Before an earlier issue as a moment, or by the day the archive page shows (walk128 N4: the
    # two issues above, in order as moments, show December 7 then December 6, unsaid).
    after = [
        (d, n) for n, d in dates.items() if n < number and (earlier_moment(d) or d.date() > day)
    ]
    if not after:
        return ()
    latest_at, other = max(after, key=lambda pair: (pair[0].date(), pair[1]))
    latest = latest_at.date()
    fix = max(today, latest if latest > day else latest + timedelta(days=1))
    why = (
        "today, the date a build gives it"
        if fix == today
        else f"issue {other}'s date"
        if fix == latest
        else f"the day after issue {other}'s date"
    )
    place = (
        f' "date": "{fix.isoformat()}" ({why}, or later) in {out_dir / f"issue-{number}.json"},'
        f" then run `curator render {number}` (it takes the date into the store too)"
    )
    if not earlier_moment(latest_at):
        # In order as moments, each in its own time zone: only the days shown are not.
        return (
            f"{where}issue {number} is dated {mine.isoformat()}, a day before issue {other}"
            f" ({latest_at.isoformat()}) though it came after it (their time zones differ): the"
            " feed of issues lists them in order, but the archive page shows their days out of"
            f" order; to show them in order, write{place}",
        )
    zones = _zones_apart(mine, latest_at)
    if zones is not None and written:
        # A time the editor wrote with its offset is no run's zone: no advice on TZ (walk166 #4),
        # but which moments, in one zone, put it before the other; in its place: a minute later,
        # written in its own offset.
        later = (latest_at + timedelta(minutes=1)).astimezone(mine.tzinfo)
        return (
            f"{where}issue {number} is dated {mine.isoformat()} (the draft's date:,"
            f" {_utc_text(mine)}), before issue {other} ({latest_at.isoformat()},"
            f" {_utc_text(latest_at)}), which it follows, so the feed of issues lists them out of"
            f' order; to date it in its place, write "date": "{later.isoformat()}" (a minute'
            f" after issue {other}, or later) in {out_dir / f'issue-{number}.json'}, then run"
            f" `curator render {number}` (it takes the date into the store too)",
        )
    if zones is not None:
        # walk157 #6a: a cron build (no TZ: UTC) then one with TZ=Pacific/Auckland dated issue
        # 3 at +13:00 hours before issue 2 at +00:00, and the advice was tomorrow's date.
        return (
            f"{where}issue {number} is dated {mine.isoformat()}, before issue {other}"
            f" ({latest_at.isoformat()}), which it follows: the two runs used different time"
            f" zones ({zones}; a run without TZ, as from cron, uses UTC), so the feed of issues"
            " lists them out of order: set TZ in the crontab (a line `TZ=Pacific/Auckland`, your"
            " zone, above the job) or in the script that runs curator, so that every run uses"
            " the same zone",
        )
    if latest == day:  # (one day, two offsets: the times tell them apart)
        shown, shown_latest = mine.isoformat(), latest_at.isoformat()
    else:
        shown, shown_latest = day.isoformat(), latest.isoformat()
    text = (
        f"{where}issue {number} is dated {shown}, before issue {other}"
        f" ({shown_latest}), which it follows, so the archive page and the feed of issues"
        f" list them out of date order; to date it in its place, write{place}"
    )
    if latest > today:
        text += (
            f"; if issue {other}'s date is the mistake ({latest.isoformat()} is after today),"
            f" correct it in {out_dir / f'issue-{other}.json'} instead, then run"
            f" `curator render {other}`"
        )
    return (text,)


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


def published_feed(out_dir: Path) -> bytes | None:
    """The output folder's feed.xml as published (None: none, or it cannot be read), whose
    entries' <updated> times the next one keeps (`render_archive`)."""
    try:
        return (out_dir / "feed.xml").read_bytes()
    except OSError:
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
    "FeedReport",
    "FetchSummary",
    "StoreError",
    "build_lock",
    "publish_issue",
    "run_build",
    "run_fetch",
]
