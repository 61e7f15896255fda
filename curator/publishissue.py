"""An issue written to the output folder and recorded in the store, together
(`publish_issue`): what it checks first (files of a stopped build, of another store, issues
missing from the folder) and what it warns of in the archive."""

from __future__ import annotations

import errno
import hashlib
import json
import re
import sqlite3
from collections.abc import Collection, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from curator.config import INIT_PLACEHOLDERS, Config
from curator.editions import (
    ISSUE_FORMATS,
    OUTPUTS,
    published_feed_ids,
    times_moved,
    times_moved_said,
)
from curator.errors import CuratorError, shell_arg
from curator.foreignfiles import (
    issues_named,
    other_newsletter_said,
    other_newsletters_issues,
    stop_for_files_not_curators,
)
from curator.issuedata import issue_from_data, issue_numbers
from curator.jsonedits import keep_written_json
from curator.linksettings import (
    keep_link_settings,
    kept_link_settings,
    link_settings,
    retagged_said,
)
from curator.models import Issue
from curator.oldlinks import JsonLink, json_links_said, published_addresses
from curator.outputcheck import clipped_email, html_in_text, linked_stylesheets
from curator.outputs import (
    empty_editions,
    former_titles,
    load_archive,
    render_outputs,
    unshown_articles,
)
from curator.pasting import nested_headings
from curator.placement import KeptSubject, keep_published_subjects
from curator.publish import FileSet, remove_leftover_temps
from curator.render import environment
from curator.runlock import BuildError
from curator.stalelatest import stale_latest
from curator.store import Store
from curator.storedissue import archive_from_store
from curator.storeerrors import StoreError, file_in_the_way
from curator.strayissues import headless_issues, headless_said
from curator.templateerrors import OutputError, TemplateMistake
from curator.themes import later_line_note, plan_entry, theme_history
from curator.themes_promise import promise_made
from curator.urls import url_key


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


@dataclass(frozen=True)
class Published:
    """An issue written to the output folder and recorded in the store, together."""

    paths: tuple[Path, ...]
    #: A warning per earlier issue the archive had to leave out (its issue-N.json unreadable).
    warnings: tuple[str, ...]
    kept: tuple[KeptSubject, ...]


def _ids_again(
    store: Store, number: int, known: Mapping[str, str]
) -> tuple[dict[str, str], tuple[str, ...]]:
    """The Atom ids of feed.xml for a build of issue `number` (`known`: as the output folder's
    feed.xml gives them), with a new one for an issue published again after an issue of that
    number was taken back (`Store.withdrawn_feed_ids`), and what the build says of it.

    Why: the replacement issue 2 had the withdrawn one's entry id and times, so feed readers kept
    the withdrawn issue and never showed the new one (walk177 N3)."""
    withdrawn = store.withdrawn_feed_ids(number)
    page = f"issue-{number}.html"
    if not withdrawn or known.get(page) not in (None, *withdrawn):
        return dict(known), ()
    fresh = _taken_back_id(withdrawn)
    said = (
        f"issue {number} is published again after an issue {number} was taken back: its entry in"
        f" feed.xml has a new id ({fresh}, the one taken back had {withdrawn[-1]}), so feed"
        " readers show it as a new issue (those that had the one taken back may keep it too)",
    )
    return {**known, page: fresh}, said


#: The "#2", "#3" a build adds to the id of an issue published again (`_ids_again`); "#2#2#2"
#: in ids an older curator wrote.
_AGAIN = re.compile(r"(?:#\d+)+$")


def _taken_back_id(withdrawn: Sequence[str]) -> str:
    """The id for the n-th issue of a number published after one was taken back: the first id
    without its "#n", then "#n", one fragment (a URI may have one), n above every one used.

    Why: putting back a store's backup also puts back its list of the ids taken back, so a
    second take-back found only the last one ("...#2") and the next id was "...#2#2" (walk178
    #5: "#2#2#2#2" after several, an invalid id)."""
    base = _AGAIN.sub("", withdrawn[0])
    used = [len(withdrawn)]
    for taken in withdrawn:
        tail = _AGAIN.search(taken)
        if tail:
            numbers = [int(n) for n in re.findall(r"\d+", tail.group())]
            # "#3" was the third; "#2#2#2", an older curator's, the fourth
            used.append(max(*numbers, len(numbers) + 1))
    return f"{base}#{max(used) + 1}"


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
    issue, relinked = published_addresses(issue)  # (fixie #6: stored by an older curator)
    env = environment(templates or config.settings.templates, language=config.language)
    utm = config.utm or None
    formats = config.settings.outputs or OUTPUTS
    known_ids, again = _ids_again(store, issue.number, published_feed_ids(out_dir))
    try:
        old_links: list[JsonLink] = []  # (walk187 #1: an older curator's, in issue-N.json)
        archive, warnings = load_archive(
            out_dir, env, site_url=config.site_url, utm=utm, relinked=old_links
        )
        listed_from_store: tuple[str, ...] = ()
        if "json" not in formats:  # (walk187 #2: no issue-N.json, so the store's record)
            archive, warnings, listed_from_store = archive_from_store(
                config, store, archive, warnings, env=env, number=issue.number, utm=utm
            )
        previous = published_feed(out_dir)
        # The archive page and feed of issues are the newsletter's, titled as feeds.yaml says: a
        # draft's `title:` is its issue's own (walk38 #7: it renamed them for one build).
        rendered = render_outputs(
            issue,
            env=env,
            site_url=config.site_url,
            archive=archive,
            formats=formats,
            utm=utm,
            known_ids=known_ids,
            newsletter=(config.title, config.editor),
            previous_feed=previous,
            # (walk176 #6: the issues published under the newsletter's title before)
            former=(
                former := former_titles(config.title, store.newsletter_titles(), previous, archive)
            ),
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
    stop_for_files_not_curators(out_dir, env, formats, rendered)  # (walk179 #2)
    found_out = () if gone_said else _missing_issues(config, store, out_dir, issue.number, formats)
    found_out += _stopped_issue(store, out_dir, issue.number, rendered)
    dropped = unshown_articles(
        issue,
        rendered,
        templates or config.settings.templates,
        env=env,
        site_url=config.site_url,
        utm=utm,
    )
    # (walk188 #6: the older issues' entries of feed.xml re-tagged by today's link settings)
    settings = link_settings(config.site_url, utm)
    relinked_feed = retagged_said(
        previous, rendered.get("feed.xml", ""), {issue.number}, kept_link_settings(store), settings
    )
    files = FileSet({out_dir / name: text for name, text in rendered.items()})
    # (before it is recorded: which line of the plan it does, when the plan gives another next)
    later_line = later_line_note(config, store, issue.theme, issue.number) if planned else ""
    try:
        # (every file it writes, the archive's too: the next run knows each of them, in place or
        # not yet renamed, for this build's own when it is killed: fixlv, `killedissue`)
        store.begin_issue(issue.number, {name: file_digest(d) for name, d in rendered.items()})
        with store.transaction():  # the store's write lock, before any file is written
            try:
                files.write()
            except OSError as exc:
                raise BuildError(_cannot_write(issue, out_dir, exc)) from None
            kept = record_published(config, store, issue, now, planned=planned)
            store.keep_newsletter_title(config.title, former)
            keep_link_settings(store, [issue.number], settings)
            keep_written_json(store, rendered)  # (walk199 #2: an edit of it told apart)
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
    # (walk174 #6: another issue's, left by a kill; fixia: with those of the files this build
    # wrote, removed before it wrote them, `.latest.html.*.tmp` among them)
    leftovers = sorted({*files.stale_removed, *remove_leftover_temps(out_dir)})
    found_out += stale_latest(out_dir, formats)  # (walk200 #7: an older issue's page)
    if leftovers:
        found_out += (
            f"removed the temporary files {', '.join(leftovers)} from {out_dir}: a curator run"
            " stopped while it wrote (killed, or the machine went down) had left them",
        )
    # Said where the editor looks: the issue is out, but the archive lost an earlier one.
    missing = "; that issue is missing from the archive page and the feed of issues until the file"
    notes = (
        *relinked,
        *json_links_said(old_links),
        # (walk187 #6: an older curator's issues of one day, a second apart now, were unsaid)
        *filter(None, [times_moved_said(times_moved(previous, rendered.get("feed.xml")))]),
        *((later_line,) if later_line else ()),
        *again,
        *found_out,
        *dropped,
        *relinked_feed,
        *clipped_email(issue, rendered),
        *nested_headings(rendered, templates or config.settings.templates),
        *linked_stylesheets(env, rendered),
        *html_in_text(env, rendered),
        *(f"{w}{missing} is repaired or restored{_render_fix(w, store)}" for w in warnings),
        *listed_from_store,
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
    out = (
        ""
        if out_dir.resolve() == Path(config.settings.output).resolve()
        else f" --out {shell_arg(out_dir)}"
    )
    if "json" not in formats:  # (walk187 #2: the archive lists them from the store)
        return _files_gone(store, out_dir, number, formats, out)
    gone = [
        r.number
        for r in store.issues()
        if r.number < number and not (out_dir / f"issue-{r.number}.json").exists()
    ]
    if not gone:
        return ()
    which = f"issue {gone[0]} is" if len(gone) == 1 else f"issues {numbers_text(gone)} are"
    return (
        f"{which} recorded in the store but not in {shell_arg(out_dir)} (no issue-N.json: deleted, or"
        f" published to another folder?): its archive page and feed of issues list only the"
        f" issues found there; `curator render --all{out}` writes the missing ones again",
    )


def _files_gone(
    store: Store, out_dir: Path, number: int, formats: Collection[str], out: str
) -> tuple[str, ...]:
    """Without issue-N.json (`settings: outputs` without `json`): a warning when issues the store
    records, which the archive page and the feed of issues list from the store's record, have
    none of their editions in `out_dir` (deleted, or published elsewhere): those link a page that
    is not there."""
    patterns = [pattern for name, (_, pattern) in ISSUE_FORMATS.items() if name in formats]
    if not patterns:
        return ()
    gone = [
        r.number
        for r in store.issues()
        if r.number < number
        and not any((out_dir / p.format(n=r.number)).exists() for p in patterns)
    ]
    if not gone:
        return ()
    one = len(gone) == 1
    which = f"issue {gone[0]} is" if one else f"issues {numbers_text(gone)} are"
    return (
        f"{which} recorded in the store but none of {'its' if one else 'their'} files is in"
        f" {shell_arg(out_dir)} (deleted, or published to another folder?): the archive page and"
        f" the feed of issues list {'it' if one else 'them'} as the store recorded"
        f" {'it' if one else 'them'}, linking {'a page' if one else 'pages'} that"
        f" {'is' if one else 'are'} not there; `curator render"
        f" {' '.join(map(str, gone))}{out}` writes {'it' if one else 'them'} again",
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


def stopped_build_draft_note(store: Store, out_dir: Path, number: int) -> str | None:
    """For `curator draft` writing a draft of issue `number`: a note when `out_dir` holds files
    of issue `number` a build of this store wrote and was stopped (killed) before recording
    (`stopped_issue_in`), with latest.html when it is that issue's page; None otherwise.

    Why: walk174 (second Minor): after a killed build, `curator draft` wrote a new draft of
    issue 2 without a word of the unrecorded issue-2 files and latest.html left in output/."""
    if store.has_issue(number) or stopped_issue_in(store, out_dir) != number:
        return None
    try:
        found = sorted(p.name for p in out_dir.glob(f"issue-{number}.*") if p.is_file())
        page = out_dir / f"issue-{number}.html"
        latest = out_dir / "latest.html"
        if page.is_file() and latest.is_file() and latest.read_bytes() == page.read_bytes():
            found.append(latest.name)
    except OSError:  # (a folder that cannot be read: said when publishing)
        return None
    if not found:
        return None
    return (
        f"{out_dir} holds {', '.join(found)}: files of issue {number} no issue recorded (a build"
        f" stopped, killed, before it recorded them); they are not this draft, and the next"
        f" build records issue {number} as they are (readers may have seen it)"
    )


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
    config: Config,
    store: Store,
    out_dir: Path,
    number: int | None = None,
    *,
    nothing: str = "Nothing was published",
    older_only: bool = False,
) -> None:
    """`stop_for_unrecorded_issue` for issue `number` (None: the next), with the files of it the
    build's formats would write, before any article is placed (minutes on a large store).
    `nothing`: what the stop says was not done (`curator fetch`: "Nothing was fetched");
    `older_only`: stop only for this newsletter's store older than the folder's issues (a
    backup put back), not for another store (`fetch --db NEW.db` makes one, and says so)."""
    number = store.next_issue_number() if number is None else number
    formats = config.settings.outputs or OUTPUTS
    names = [p.format(n=number) for name, (_, p) in ISSUE_FORMATS.items() if name in formats]
    with suppress(OSError):  # (a folder that cannot be read: said when publishing)
        stop_for_unrecorded_issue(
            number, config, store, out_dir, names, nothing=nothing, older_only=older_only
        )


def stop_for_unrecorded_issue(
    number: int,
    config: Config,
    store: Store,
    out_dir: Path,
    names: Iterable[str],
    *,
    nothing: str = "Nothing was published",
    older_only: bool = False,
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
            f" {nothing}. To go on and keep {them}, either: record {them} in this"
            f" store from {json_files}, `curator render --record{move}` (the next"
            f" build then publishes issue {unknown[-1] + 1}); or put back a copy of the store"
            f" taken after issue {unknown[-1]} was published, if you have one (with no curator"
            f" running, move it over {store.path} and delete {store_files} beside it). To"
            f" publish a new issue {number} over the old one on purpose, move the"
            f" {out_dir / f'issue-{number}'}.* files out of the folder (or choose another --out)"
            " first"
        )
    own = store.path.resolve() == Path(config.settings.store).resolve()
    if older_only and not (own and last == 0 and not store.newest_article_id()):
        # (`fetch`: the newsletter's own store left empty, by a build that stopped as below
        # when it was not there, is stopped too: walk176 #3, else fetch began a second archive)
        return
    if own:
        cause = "settings: store in feeds.yaml names another store than the one that published it"
        fix = "correct settings: store (or give --db with the right store)"
    else:
        cause = f"--db {store.path} is not the store that published it"
        fix = "give --db the right store (or leave --db out to use settings: store)"
    if last == 0 and (store.made_now or not store.newest_article_id()):
        if other := other_newsletters_issues(out_dir, config.title, store.newsletter_titles()):
            # (walk179 #3: not a store lost; `render --record` would take them for this one's)
            raise BuildError(
                other_newsletter_said(
                    other, config, out_dir, f"the store {store.path} records no issue", nothing
                )
            )
        raise BuildError(
            _new_store_said(store, out_dir, what, found, unknown, cause, fix, move, nothing)
        )
    if number == 1:  # (a copy taken before the first issue looks like a new store: `_older_copy`)
        fix += (
            "; if it is your store put back from a copy taken before issue 1 was published,"
            f" record issue 1 in it from its issue-1.json instead: `curator render --record{move}`"
        )
    raise BuildError(
        f"{out_dir} already holds {what} ({', '.join(found)}), but the store {store.path}"
        f" {knows}: most likely {cause}. {nothing}. To go on with the right store:"
        f" {fix}, then run again; to publish a new issue {number} over the old one on purpose,"
        f" move the {out_dir / f'issue-{number}'}.* files out of the folder (or choose another"
        " --out) first"
    )


def _new_store_said(
    store: Store,
    out_dir: Path,
    what: str,
    found: list[str],
    unknown: list[int],
    cause: str,
    fix: str,
    move: str,
    nothing: str = "Nothing was published",
) -> str:
    """The stop of a build whose store is new or empty while `out_dir` holds issues (`unknown`,
    from 1): its store deleted or moved (walk174 #4: the store deleted during a build, the
    next build blamed settings: store), or named wrongly."""
    them = "issue 1" if len(unknown) == 1 else f"issues 1-{unknown[-1]}"
    files = "its issue-1.json" if len(unknown) == 1 else "their issue-N.json files"
    new = (
        "is new (there was no store there when this run began: it was made empty now)"
        if store.made_now
        else "is empty (it holds no issue and no article)"
    )
    store_files = " and ".join(f"{store.path.name}{end}" for end in ("-wal", "-shm"))
    return (
        f"{out_dir} already holds {what} ({', '.join(found)}), but the store {store.path} {new}"
        f" and records no issue at all: the store that published {them} was deleted or moved,"
        f" or {cause}. {nothing}. To go on and keep {them}, either: put back a"
        f" backup of the store (a file curator backup wrote; with no curator running, move it"
        f" over {store.path} and delete {store_files} beside it); or record {them} in this"
        f" store from {files}, `curator render --record{move}` (their articles"
        f" then count as featured; the next build publishes issue {unknown[-1] + 1}); or, if"
        f" the store is elsewhere, {fix}; then run again. To publish a new issue 1 over the old"
        f" one on purpose, move the {out_dir / 'issue-1'}.* files out of the folder (or choose"
        " another --out) first"
    )


def missing_store_said(
    store_path: Path, out_dir: Path, nothing: str = "", config: Config | None = None
) -> str | None:
    """The stop of a command whose store is not there at all while `out_dir` holds published
    issues (their issue-N.json): None when the store is there, or no issue is published.
    `nothing`: what the stop says was not done ("Nothing was fetched"; "" for a report).
    `config`: the newsletter's, whose title says when the issues are another newsletter's
    (walk179 #3: then no store is missing, and `render --record` is no way on).

    Why: walk176 #3, a folder copied to another machine with `settings: store: ~/stores/x.db`
    (there only under the old HOME): `subjects list` said "nothing has been fetched for this
    newsletter yet; run curator fetch", and `curator fetch` made a new store and stored 86
    articles, starting a second archive without a word about the 11 issues published."""
    if store_path.exists():
        return None
    numbers = issue_numbers(out_dir)  # (none: no output folder, or one that cannot be listed)
    if not numbers:
        return None
    if config is not None and (other := other_newsletters_issues(out_dir, config.title)):
        return other_newsletter_said(other, config, out_dir, f"no store at {store_path}", nothing)
    headless = headless_issues(out_dir)
    if set(headless) == set(numbers):  # (walk205 #2: `render --record` would record none)
        return f"{headless_said(out_dir, headless)}.{' ' + nothing + '.' if nothing else ''}"
    them = issues_named(numbers)
    done = f" {nothing}." if nothing else ""
    home = Path.home()
    # (walk176 #3: `store: ~/stores/hobby.db`, made under another HOME)
    tilde = (
        f" (a path from ~ is read in this run's home folder, {home})"
        if store_path.is_relative_to(home)
        else ""
    )
    return (
        f"no store at {store_path}, but {out_dir} holds {them} published (their issue-N.json"
        f" files): the store that published {'it' if len(numbers) == 1 else 'them'} was moved or"
        " deleted, or `settings: store` in feeds.yaml names another path than where it"
        f" is{tilde}.{done} To go on"
        f" and keep {them}, either: put the store back at {store_path} (or the latest"
        " copy `curator backup` wrote of it); or write its path in `settings: store` in"
        " feeds.yaml; or start a new store from the published issues, `curator render"
        " --record` (it records them from their issue-N.json files, so that their articles count"
        f" as featured and the next build publishes issue {numbers[-1] + 1}; it cannot bring"
        " back what only the old store knew: the articles you excluded, the articles you moved"
        " to another subject and the subjects they taught)"
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


def published_feed(out_dir: Path) -> bytes | None:
    """The output folder's feed.xml as published (None: none, or it cannot be read), whose
    entries' <updated> times the next one keeps (`render_archive`)."""
    try:
        return (out_dir / "feed.xml").read_bytes()
    except OSError:
        return None
