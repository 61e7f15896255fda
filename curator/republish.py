"""Corrections after publishing: `curator render` publishes issues again from their issue-N.json.

`render_issues` renders published issues with today's templates and settings, each as its
issue-N.json has it (the editor's corrections: its date, title, credits, blurbs, articles cut or
added), else as the store recorded it, and keeps in the store what the corrections changed (an
issue whose file is lost comes back from the store as published). The helpers below are its
alone; how it takes the corrections is `curator.republish_corrections`'s; what it shares with a
build (`BuildError`, the warnings on an issue's templates, its date, the feed of issues) is
imported from `curator.app`, which never imports this module: the CLI calls it
(`curator.cli.render`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from curator.app import (
    BuildError,
    dated_out_of_order,
    placeholder_titles,
    plain_blurbs,
    published_feed,
    reader_notes,
    stopped_issue_in,
    unmarked_language,
    unshown_pieces,
    unshown_theme,
    unupdated_feed,
    write_fix,
)
from curator.config import Config
from curator.editions import (
    ISSUE_FORMATS,
    OUTPUTS,
    feed_times,
    published_feed_ids,
    times_moved,
)
from curator.emptysubjects import empty_subjects_said
from curator.errors import CuratorError
from curator.foreignfiles import stop_for_files_not_curators
from curator.htmltext import page_links, page_text, same_links
from curator.issuedata import issue_from_data, published_issues
from curator.jsonedits import edited_json, keep_written_json, templates_showing, unshown_edits
from curator.linksettings import (
    keep_link_settings,
    kept_link_settings,
    link_settings,
    retagged_said,
    settings_change,
)
from curator.models import (
    Issue,
)
from curator.oldlinks import JsonLink, json_links_said, published_addresses, with_bare_links
from curator.outputcheck import clipped_email, html_in_text, linked_stylesheets
from curator.outputs import (
    archive_item,
    former_titles,
    fragment_of,
    render_archive,
    render_outputs,
    unshown_articles,
)
from curator.pasting import nested_headings
from curator.publish import FileSet, write_atomic
from curator.render import (
    environment,
    issue_day,
)
from curator.republish_corrections import (
    blurbs_followed,
    corrections_refused,
    credits_corrected,
    dates_in_text,
    dates_kept,
    headings_in_text,
)
from curator.stalelatest import LATEST, stale_latest
from curator.store import Store
from curator.storedissue import issue_from_store
from curator.takeback import archive_without_issues, listed_issues, record_taken_back_ids
from curator.templatecheck import single_brace_fields
from curator.templateerrors import OutputError, TemplateMistake
from curator.templatelinks import copy_link_warnings
from curator.templatewords import (
    and_joins,
    fragment_headings,
    missing_words,
    untranslated_words,
)


@dataclass(frozen=True)
class RenderResult:
    #: The issues rendered again, by number.
    numbers: tuple[int, ...]
    paths: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    #: The files whose text is new (written before with other text, or not at all).
    changed: tuple[Path, ...] = ()
    #: The issues whose time in feed.xml moved, by number: (the time it had, the time it has).
    feed_times_moved: Mapping[int, tuple[str, str]] = field(default_factory=dict)
    #: The issues whose entry in feed.xml changed, marked updated (its <updated>) at this time.
    feed_updated: tuple[tuple[int, ...], str] = ((), "")
    #: What that time is a second past, for an issue dated after today: "<published>" (its
    #: first correction) or "<updated>" (the time it had); "" for an issue dated today or before.
    feed_updated_past: str = ""
    #: Those of `changed` (pages and text editions) whose text a reader reads is as it was: only
    #: their markup changed (today's templates write it otherwise than the ones that wrote them).
    markup_only: tuple[Path, ...] = ()
    #: The issues whose pages or text editions read otherwise than before though no correction
    #: of theirs was taken in this run (their issue-N.json as the store kept it): rendered by
    #: today's templates and rules, by number, with those files (walk164 N7).
    text_changed: Mapping[int, tuple[Path, ...]] = field(default_factory=dict)
    #: The archive page (index.html) when it reads otherwise than before (its <title>, say)
    #: though no issue's correction was taken in this run: rendered by today's templates and
    #: words (walk171 #3: "only the markup" was said of a title a reader sees).
    archive_changed: tuple[Path, ...] = ()
    #: The newsletter's title before and now, when feeds.yaml's changed since the archive was
    #: last written (walk176 #6: said as templates' words when the title had changed).
    title_changed: tuple[str, str] | None = None
    #: The issues the archive page (index.html) listed before and no longer lists: recorded
    #: nowhere now and their files gone (an issue taken back, as README says): why it changed
    #: (walk177 N2: it was said to read otherwise for the templates, and to be put back).
    archive_dropped: tuple[int, ...] = ()
    #: The files removed: latest.html when no issue is left (every one taken back, walk184 #4).
    removed: tuple[Path, ...] = ()
    #: The issues rendered again whose link settings in feeds.yaml (`site_url`, `utm_*`) are
    #: others than they were last written with, by number: what changed (walk188 #6: said to be
    #: this curator's templates and rules).
    settings_changed: Mapping[int, str] = field(default_factory=dict)
    #: The issues of `text_changed` whose issue-N.json gave a link naming a user (and password),
    #: written without it now, by number: whether that is all that reads otherwise (walk189 #6:
    #: said as "nothing in its issue-N.json was corrected", with a backup advised).
    bare_links: Mapping[int, bool] = field(default_factory=dict)
    #: The language the issues' pages said (`<html lang>`) and feeds.yaml's `language:` now,
    #: when it changed since they were written (walk191 #10: said to be the templates').
    language_changed: tuple[str, str] | None = None
    #: The issues whose issue-N.json the editor edited since curator last wrote it, with a change
    #: the store keeps no record of (a section deleted, say), by number: their pages and text
    #: editions that read otherwise for it, rendered here (walk199 #2: said to be "rendered with
    #: this curator's templates", with the advice to put a backup back over the correction).
    json_edited: Mapping[int, tuple[Path, ...]] = field(default_factory=dict)
    #: Those issues rendered here edited in fields no edition shows (`jsonedits.UNSHOWN`), with
    #: those fields; the editor's templates that name `description` (fixlm #1: unsaid).
    unshown_edited: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    description_templates: tuple[str, ...] = ()
    #: The issues the archive page lists again: a build had left them out, their issue-N.json
    #: unreadable, repaired since (walk199 #2: said to read otherwise for the templates).
    archive_back: tuple[int, ...] = ()
    #: The issues corrected in their issue-N.json, their correction taken in this run (walk197
    #: #8: the archive was said to read otherwise "though no issue-N.json was corrected").
    corrected: tuple[int, ...] = ()


def _written_language(path: Path) -> str:
    """The language an issue's page says it is in (its `<html lang>`), "" when none or unread."""
    try:
        with path.open("rb") as page:
            head = page.read(4096).decode("utf-8", "replace")
    except OSError:
        return ""
    found = re.search(r"<html\b[^>]*?\blang=\"([^\"]*)\"", head, flags=re.IGNORECASE)
    return found.group(1) if found else ""


def _unrecorded_leftovers(
    store: Store, out_dir: Path, stopped: int | None, published: Collection[int]
) -> list[str]:
    """What `render` says of files in `out_dir` beyond the store's last issue that it does not
    render (no issue-N.json of theirs) and of temporary files (`.*.tmp`) a stopped run left.

    Why: a build killed after 4 of its 9 renames left four issue-3 files and two temporary ones;
    `render --all` said only "Rendered issue(s) 1, 2 again" (walk77 #2)."""
    last = store.next_issue_number() - 1
    found: dict[int, list[str]] = {}
    temps: list[str] = []
    with suppress(OSError):
        for path in sorted(out_dir.iterdir()):
            match = re.fullmatch(r"issue-(\d+)\..+", path.name)
            if match and int(match.group(1)) > last and int(match.group(1)) not in published:
                found.setdefault(int(match.group(1)), []).append(path.name)
            elif path.name.startswith(".") and path.name.endswith(".tmp"):
                temps.append(path.name)
    notes = []
    for number, names in sorted(found.items()):
        if number == stopped:
            why = (
                "a build was stopped (killed, or the machine went down) after it wrote them and"
                " before the store recorded the issue; render leaves them, and the next"
                f" `curator build` records issue {number} as they are (readers may have seen it),"
                f" publishing no other issue {number} (fixlv)"
            )
        else:
            why = "render leaves them (another store's issue, or copied there?)"
        notes.append(
            f"{out_dir} holds {', '.join(names)}, files of issue {number}, which the store does"
            f" not record: {why}"
        )
    if temps:
        notes.append(
            f"{out_dir} holds the temporary files {', '.join(temps)}, left by a run that was"
            " stopped while it wrote (killed, or the machine went down): they are no issue; the"
            " next `curator build` removes them, or delete them"
        )
    return notes


def _unreadable(path: Path) -> str:
    """Why the issue-N.json at `path`, there, cannot be read ("" when it is not there, or reads).

    Why: a file cut short (a full disk) was said to be "missing" (walk77 #5)."""
    try:
        issue_from_data(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return ""
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at").lower()
        return f"cut short, or not JSON: {what} at line {exc.lineno}, column {exc.colno}"
    except UnicodeDecodeError as exc:
        return _not_utf8(exc)
    except OSError as exc:
        return str(exc.strerror or exc)
    except (ValueError, RecursionError) as exc:
        return f"it is not an issue record curator wrote: {exc}"
    return ""


def _not_utf8(exc: UnicodeDecodeError) -> str:
    """Where a file's text stops being UTF-8: the first bad byte's line and column, and what to do.

    Why: an issue-N.json saved as Latin-1 was said to be "not UTF-8 text", with no line or
    column, though README says render names them (walk115 #1)."""
    data = bytes(exc.object)
    if exc.end >= len(data) and exc.reason == "unexpected end of data":
        # A character cut in two at the very end: the file was cut short (a full disk).
        return "cut short in the middle of a character (a full disk?)"
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return (
        f"it is not UTF-8 text: byte 0x{data[exc.start]:02x} at line {line}, column {column}"
        " is no UTF-8 (saved as Latin-1 or Windows-1252?): save it as UTF-8 (in your editor's"
        ' "Save with encoding" or "Save as" options)'
    )


def _kept_copy(path: Path) -> Path:
    """Where the editor's issue-N.json that cannot be read is kept before render writes it again
    (`issue-N.json.unreadable`, or `...unreadable-2` and on when one holding other bytes is
    there already)."""
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    for n in range(1, 1000):
        copy = path.with_name(path.name + ".unreadable" + (f"-{n}" if n > 1 else ""))
        try:
            if copy.read_bytes() == data:
                return copy
        except FileNotFoundError:
            return copy
        except OSError:
            continue
    return copy


def _missing_json_said(missing: dict[int, bool], out_dir: Path) -> list[str]:
    """The issues rendered from the store's record because their issue-N.json is not in
    `out_dir` (`missing`: whether the store kept each one's draft edits): one line for those it
    kept them of, one for those an older curator published."""
    lines = []
    for edits in (True, False):
        numbers = sorted(n for n, kept in missing.items() if kept is edits)
        if len(numbers) == 1:
            number = numbers[0]
            line = f"issue {number}: {out_dir / f'issue-{number}.json'} is missing, so it was"
            line += (
                " rendered from the store's record of it: its articles as published, with the"
                " edits made in its draft"
                if edits
                else " rendered from the store: the articles as stored, without edits made in its"
                " draft (it was published by a curator that did not keep them in the store)"
            )
        elif numbers:
            line = f"issues {', '.join(map(str, numbers))}: their issue-N.json are missing from"
            line += (
                f" {out_dir}, so they were rendered from the store's record of them: their"
                " articles as published, with the edits made in their drafts"
                if edits
                else f" {out_dir}, so they were rendered from the store: the articles as stored,"
                " without edits made in their drafts (they were published by a curator that did"
                " not keep them in the store)"
            )
        else:
            continue
        lines.append(line)
    return lines


def render_issues(
    config: Config,
    store: Store,
    numbers: Sequence[int] = (),
    *,
    every: bool = False,
    out_dir: Path,
    templates: Path | None = None,
) -> RenderResult:
    """Render published issues again with today's templates and settings (issue `numbers`, every
    issue, or the newest), then the archive page, the feed of issues and latest.html; each issue
    as it was published (its issue-N.json, else the store's record). Records nothing but an
    issue's date (`dates_kept`), title, editor, introduction, closing line and sections' headings
    (`_issue_kept`), its articles' addresses, titles, credits and blurbs (`_corrections_kept`)
    corrected in its issue-N.json, and the articles cut from it there (`_cuts_kept`). An issue-N.json it cannot read and writes again is kept beside
    it first (`_kept_copy`)."""
    env = environment(templates or config.settings.templates, language=config.language)
    utm = config.utm or None
    formats = config.settings.outputs or OUTPUTS
    # (walk179 #2: an index.html or feed.xml curator did not write, a blog's own, was replaced)
    stop_for_files_not_curators(out_dir, env, formats, nothing="Nothing was rendered")
    records = {r.number: r for r in store.issues(with_articles=True)}
    corrections_refused(out_dir, numbers, every, records)
    old_links: list[JsonLink] = []  # (walk187 #1: an older curator's, in issue-N.json)
    published, warnings = published_issues(out_dir, old_links)
    issues = dict(published)
    from_store: dict[int, str] = {}
    # The editor's issue-N.json that cannot be read, kept before it is written again (walk115
    # #1: a file with its last "}" left off lost every correction in it, without a copy).
    copies: dict[int, tuple[Path, Path]] = {}
    store_links: dict[int, tuple[str, ...]] = {}
    missing_json: dict[int, bool] = {}  # an issue-N.json not there: kept its draft's edits?
    for record in store.issues(with_articles=True):
        if record.number not in issues:
            # (an older curator's address naming a user: published without it, and said)
            issues[record.number], store_links[record.number] = published_addresses(
                issue_from_store(config, store, record)
            )
            path = out_dir / f"issue-{record.number}.json"
            unreadable = _unreadable(path)
            if not unreadable:
                # Said once for them all (fixjp #4: a line per issue), and not at all without
                # the JSON edition, whose issues the store's record is the source of by design.
                if "json" in formats:
                    missing_json[record.number] = bool(record.as_published)
                continue
            missing = f"issue {record.number}: {path} cannot be read ({unreadable})"
            rewritten = "json" in formats
            again = f"; {path.name} was written again from it" if rewritten else ""
            if rewritten and path.exists():
                copy = _kept_copy(path)
                copies[record.number] = (path, copy)
                again += (
                    f", and the file as it was is kept as {copy}: if you had corrected the issue"
                    f" there, make that copy readable, rename it to {path.name} (over the one"
                    f" written) and run `curator render {record.number}` again; else delete it"
                )
            from_store[record.number] = (
                f"{missing}, so it was rendered from the store's record of it: its articles as"
                f" published, with the edits made in its draft{again}"
                if record.as_published
                else f"{missing}, so it was rendered from the store: the articles as stored,"
                " without edits made in its draft (it was published by a curator that did not"
                f" keep them in the store){again}"
            )
    # (read only when no issue is left to render: not on every render)
    dropped = () if issues or numbers else listed_issues(out_dir, _listed(out_dir / "index.html"))
    if dropped:
        # walk184 #4: the only issue taken back, its files removed; the archive still listed it
        paths, removed = archive_without_issues(
            config,
            store,
            out_dir,
            dropped,
            env=env,
            formats=formats,
            previous_feed=published_feed(out_dir),
        )
        return RenderResult((), paths, changed=paths, archive_dropped=dropped, removed=removed)
    if not issues:
        # walk84 N1: a first build killed half-way left issue-1 files and `.tmp` ones, unnamed.
        left = _unrecorded_leftovers(store, out_dir, stopped_issue_in(store, out_dir), ())
        raise BuildError(
            "; ".join([f"{out_dir}: no issue has been published yet; run `curator build`", *left])
        )
    unknown = sorted(set(numbers) - set(issues))
    if unknown:
        have = ", ".join(str(n) for n in sorted(issues))
        # Exit 1, as for every name that is not there (`curator --help`'s table).
        raise CuratorError(
            f"issue {', '.join(map(str, unknown))} was never published (published: {have}); "
            "`curator render` with no number renders the newest"
        )
    newest = max(issues)
    chosen = sorted(issues) if every else sorted(set(numbers) or {newest})
    # An unreadable issue-N.json rendered from the store is said once, by `from_store`.
    said = {str(out_dir / f"issue-{n}.json") for n in chosen if n in from_store}
    warnings = tuple(w for w in warnings if w.split(": left out of", 1)[0] not in said)
    notes = [*warnings, *(from_store[n] for n in chosen if n in from_store)]
    notes += _missing_json_said({n: missing_json[n] for n in chosen if n in missing_json}, out_dir)
    notes += json_links_said(old_links, chosen if "json" in formats else ())
    old_numbers = {k.number for k in old_links}
    notes += [line for n in chosen for line in store_links.get(n, ())]
    # The corrections taken into the store and the files written are one step: the store's
    # changes are committed only once every file is in place (walk174 #5: a render killed in
    # between had stored a corrected title and the introduction it rewrote, and the rerun
    # published the old introduction again, crediting the editor with it).
    with _one_step(store):
        # (what the store keeps of each issue before the corrections below take what changed)
        kept_before = {r.number: r for r in store.issues(with_articles=True)}
        # (before the corrections are taken and the files written again: walk199 #2)
        # (one whose links named a user and password is said so: `bare_links`)
        edited = edited_json(store, out_dir, [n for n in published if n not in old_numbers])
        unshown = unshown_edits(store, out_dir, [n for n in chosen if n in edited])
        settings = link_settings(config.site_url, utm)
        was_written = kept_link_settings(store)
        relinked = {
            n: change for n in chosen if (change := settings_change(was_written.get(n), settings))
        }
        notes += dates_in_text(store, issues, out_dir, templates or config.settings.templates)
        notes += headings_in_text(store, issues, out_dir)
        notes += dates_kept(store, issues, out_dir)
        notes += credits_corrected(issues, chosen, out_dir, "json" in formats)
        notes += blurbs_followed(store, issues, chosen, out_dir)
        notes += placeholder_titles(config, {n: i.title for n, i in issues.items()}, out_dir)
        # (walk199 #6: a subject left with no article is in no output; said, and why its
        # files read otherwise)
        emptied = {
            n: empty_subjects_said(issues[n], out_dir, rendered=n in chosen) for n in sorted(issues)
        }
        notes += [line for lines in emptied.values() for line in lines]
        stopped = stopped_issue_in(store, out_dir)
        if stopped in published and not store.has_issue(stopped):  # walk73 #4: said nothing
            notes.append(
                f"issue {stopped} in {out_dir} is from a build that was stopped (killed, or the machine"
                " went down) after it wrote its files and before the store recorded it: it was"
                " rendered as it is there, and the next `curator build` records it as it is there"
                f" (readers may have seen it), publishing no other issue {stopped}"
            )
        dates = {n: i.date for n, i in issues.items()}
        today = issue_day(datetime.now(UTC)).date()
        for number in sorted(issues):
            notes += dated_out_of_order(dates, number, today=today, out_dir=out_dir)
        files: dict[str, str] = {}
        of_issue: dict[int, dict[str, str]] = {}
        try:
            for number in chosen:
                issue = issues[number]
                with _which_issue(number, len(chosen) > 1):
                    rendered = render_outputs(
                        issue,
                        env=env,
                        site_url=config.site_url,
                        formats=formats,
                        utm=utm,
                        archive=(),
                    )
                rendered.pop("index.html", None)
                rendered.pop("feed.xml", None)
                if number != newest:
                    rendered.pop("latest.html", None)
                files.update(rendered)
                of_issue[number] = rendered
                with _which_issue(number, len(chosen) > 1):
                    notes += _editions_left(
                        issue, env, out_dir, formats, site_url=config.site_url, utm=utm
                    )
            items = []
            for i in issues.values():
                with _which_issue(i.number, len(issues) > 1, " (its entry in feed.xml)"):
                    fragment = fragment_of(
                        i, env, site_url=config.site_url, utm=utm, edition="feed"
                    )
                items.append(archive_item(i, fragment))
            previous = published_feed(out_dir)
            kept_titles = store.newsletter_titles()
            former = former_titles(config.title, kept_titles, previous, items)
            # The title the archive was last written under, when feeds.yaml's is another now
            was = kept_titles[-1] if kept_titles else (former[-1] if former else None)
            renamed = (was, config.title) if was is not None and was != config.title else None
            files.update(
                render_archive(
                    config.title,
                    config.editor,
                    items,
                    env=env,
                    site_url=config.site_url,
                    formats=formats,
                    known_ids=published_feed_ids(out_dir),
                    previous_feed=previous,
                    former=former,
                    # An issue back in the feed (a build left it out, its issue-N.json unreadable)
                    # whose page is as it was: readers read nothing new (walk145 N1).
                    # (not one whose issue-N.json the editor repaired: README, it comes back
                    # marked updated, walk199 #2)
                    unchanged={
                        n
                        for n, rendered in of_issue.items()
                        if n in from_store
                        and f"issue-{n}.html" in rendered
                        and _holds(out_dir / f"issue-{n}.html", rendered[f"issue-{n}.html"])
                    },
                )
            )
            folder = templates or config.settings.templates
            for number, rendered in of_issue.items():
                if "feed.xml" in files:
                    rendered["feed.xml"] = files["feed.xml"]
                notes += unshown_articles(
                    issues[number], rendered, folder, env=env, site_url=config.site_url, utm=utm
                )
                # Copies older than an issue's theme, closing line or "Another piece in X" drop them
                # here as in `build`, which says so (walk31 #1: `render` was silent).
                notes += unshown_pieces(issues[number], folder)
                notes += clipped_email(issues[number], rendered, out_dir / f"issue-{number}.json")
                notes += linked_stylesheets(env, rendered)
                notes += html_in_text(env, rendered)
                notes += unshown_theme(issues[number], folder)
                notes += nested_headings(rendered, folder)
                notes += reader_notes(config, issues[number], out_dir, rendering=True)
                notes += plain_blurbs(issues[number], folder)
            # feed.xml's entries of the issues not rendered here, rendered there again with these
            # templates (walk179 #1: they lost their credits, unsaid)
            for number in sorted(set(issues) - set(of_issue)) if "feed.xml" in files else ():
                notes += unshown_articles(
                    issues[number],
                    {"feed.xml": files["feed.xml"]},
                    folder,
                    env=env,
                    site_url=config.site_url,
                    utm=utm,
                    feed_entry=True,
                )
            # (walk188 #6: feed.xml's entries of the issues not rendered here, re-tagged)
            notes += retagged_said(
                previous, files.get("feed.xml", b""), of_issue, was_written, settings
            )
            notes += unmarked_language(config.language, folder)
            notes += copy_link_warnings(folder)
            # The date quoted is the issue's own when one is rendered (walk151 #14).
            day = issues[next(iter(of_issue))].date if len(of_issue) == 1 else None
            notes += untranslated_words(config.language, folder, day)
            notes += missing_words(
                folder,
                and_joins(
                    [issues[n] for n in of_issue],
                    [(n, i.theme) for n, i in issues.items()],
                    folder,
                ),
            )
            notes += fragment_headings(folder)
            notes += single_brace_fields(folder)
            changed = tuple(
                out_dir / name for name, text in files.items() if not _holds(out_dir / name, text)
            )
            markup_only = tuple(p for p in changed if _reads_the_same(p, files[p.name]))
            langs = {_written_language(out_dir / f"issue-{n}.html") for n in chosen} - {""}
            language_changed = (
                (langs.pop(), config.language)
                if len(langs) == 1 and config.language not in langs
                else None
            )
            kept_after = {r.number: r for r in store.issues(with_articles=True)}
            text_changed = {
                number: found
                for number in chosen
                if kept_before.get(number) == kept_after.get(number)  # (no correction taken now)
                and number not in edited
                and not emptied.get(number)
                and (found := _text_changed(number, changed, markup_only))
            }
            bare_links = {
                number: all(
                    _reads_the_same(p, files[p.name], [k for k in old_links if k.number == number])
                    for p in paths
                )
                for number, paths in text_changed.items()
                if any(k.number == number for k in old_links)
            }
            dropped = tuple(
                sorted(
                    _listed(out_dir / "index.html")
                    - _listed_in(files.get("index.html", ""))
                    - set(issues)
                )
            )
            # (their ids in feed.xml, for an issue published again under the number: N3)
            if dropped:
                record_taken_back_ids(store, published_feed_ids(out_dir), dropped)
            back = tuple(
                sorted(
                    _listed_in(files.get("index.html", "")) - _listed(out_dir / "index.html")
                    if (out_dir / "index.html").exists()
                    else ()
                )
            )
            json_edited = {
                number: _text_changed(number, changed, markup_only) if number in chosen else ()
                for number in sorted(edited)
                # (one not rendered here: feed.xml publishes its correction, its pages not yet)
                if number not in chosen or kept_before.get(number) == kept_after.get(number)
            }
            archive_changed = tuple(
                p
                for p in changed
                if p.name == "index.html" and p not in markup_only and p.exists()
                if kept_before == kept_after  # (no correction, no issue recorded, taken now)
                and not dropped  # (why it reads otherwise: `archive_dropped`)
                and not back  # (`archive_back`)
                and not any(emptied.values())  # (a subject with no article left out: said)
                and not edited  # (`json_edited`)
            )
            moved = _feed_times_moved(out_dir, files) if out_dir / "feed.xml" in changed else {}
            if out_dir / "feed.xml" in changed:
                notes += unupdated_feed(folder)
            updated = _feed_updated(previous, files.get("feed.xml"), moved)
            for number, (path, copy) in copies.items():
                if number in chosen and not copy.exists():
                    write_atomic(copy, path.read_bytes())
            past = _second_past(previous, files.get("feed.xml"), updated)
            # All the files, or none: a full disk half-way leaves every file as it was.
            written = FileSet({out_dir / name: text for name, text in files.items()})
            written.write()
            paths = written.publish()
            written.keep()
            if not store.db.execute("PRAGMA query_only").fetchone()[0]:
                store.keep_newsletter_title(config.title, former)
            keep_link_settings(store, chosen, settings)
            keep_written_json(store, files)
            notes += _unrecorded_leftovers(store, out_dir, stopped, set(published))
            # (fixlm #3: an older issue's latest.html, `html` left out: as a build does)
            latest = out_dir / LATEST
            was_there = latest.is_file()
            notes += stale_latest(out_dir, formats)
            removed = (latest,) if was_there and not latest.exists() else ()
        except TemplateMistake:  # a mistake in the editor's template: exit 2, as it says
            raise
        except OutputError as exc:
            raise BuildError(str(exc)) from None
        except OSError as exc:
            where = exc.filename2 or exc.filename or out_dir  # a rename: its target
            raise BuildError(
                f"cannot write to {out_dir}: {exc.strerror or exc} ({where}); no file was changed:"
                f" {write_fix(out_dir, exc)}, then run again"
            ) from None
    return RenderResult(
        tuple(chosen),
        paths,
        tuple(notes),
        changed,
        moved,
        updated,
        past,
        markup_only,
        text_changed,
        archive_changed,
        renamed,
        dropped,
        settings_changed=relinked,
        bare_links=bare_links,
        language_changed=language_changed,
        json_edited=json_edited,
        removed=removed,
        unshown_edited=unshown,
        # (read only when an edit of a field no edition shows is said: not every render)
        description_templates=templates_showing(
            templates or config.settings.templates, "description"
        )
        if any("description" in f for f in unshown.values())
        else (),
        archive_back=back,
        corrected=tuple(
            n for n in sorted(issues) if n in edited or kept_before.get(n) != kept_after.get(n)
        ),
    )


@contextmanager
def _one_step(store: Store) -> Iterator[None]:
    """A transaction of the store around a render, when the store can be written (on a
    read-only file system it cannot, and a render only reads it)."""
    if store.db.execute("PRAGMA query_only").fetchone()[0]:
        yield
        return
    with store.transaction():
        yield


def _text_changed(
    number: int, changed: Collection[Path], markup_only: Collection[Path]
) -> tuple[Path, ...]:
    """Issue `number`'s pages and text editions among `changed` that were there before and read
    otherwise now (not `markup_only`)."""
    return tuple(
        p
        for p in changed
        if p.name.startswith(f"issue-{number}.")
        and p.suffix in {".html", ".txt", ".md"}
        and p not in markup_only
        and p.exists()
    )


def _editions_left(
    issue: Issue,
    env: Any,
    out_dir: Path,
    formats: Collection[str],
    *,
    site_url: str | None,
    utm: Mapping[str, str] | None,
) -> list[str]:
    """A warning naming the editions of `issue` in `out_dir` that `outputs:` no longer lists and
    whose text is not what the issue is now: `render` does not write them, so they still say
    what the issue said before.

    Why: with `outputs: [html, json, index, feed, text]` set after issue 2 had every edition,
    `render 2` rewrote those alone and issue-2.email.html, .fragment.html and .md kept the old
    title, unsaid (walk149 #5). Removing published files would surprise: they are named, with
    what to do. The issue-N.json is the issue itself, never out of date."""
    left = [
        name
        for name, (_, pattern) in ISSUE_FORMATS.items()
        if name not in formats
        and name != "json"
        and (out_dir / pattern.format(n=issue.number)).is_file()
    ]
    if not left:
        return []
    # Rendered as when they were published with the others, and compared as text.
    every = (*formats, *left)
    names = [ISSUE_FORMATS[name][1].format(n=issue.number) for name in left]
    try:
        now = render_outputs(issue, env=env, site_url=site_url, formats=every, utm=utm, archive=())
    except TemplateMistake as exc:
        # (a template of an edition no longer published: no reason to stop the render, and
        # no telling whether the file is out of date)
        return [
            f"issue {issue.number}: {', '.join(names)} in {out_dir}: `outputs:` in feeds.yaml no"
            " longer lists these editions, so render did not write them, and whether they say"
            f" what the issue says now cannot be told ({exc}); delete them if no reader is to"
            " get them"
        ]
    stale = [name for name in names if not _holds(out_dir / name, now[name])]
    if not stale:
        return []
    one = len(stale) == 1
    return [
        f"issue {issue.number}: {', '.join(stale)} in {out_dir} {'is' if one else 'are'} out of"
        f" date: `outputs:` in feeds.yaml no longer lists {'its edition' if one else 'them'},"
        f" so render did not write {'it' if one else 'them'}, and {'it' if one else 'they'}"
        " still say what the issue said when last written, not what it says now; add"
        f" {'it' if one else 'them'} back to `outputs:` and render again, or delete"
        f" {'it' if one else 'them'} so that no reader gets the old text"
    ]


@contextmanager
def _which_issue(number: int, several: bool, what: str = "") -> Iterator[None]:
    """A template mistake met rendering one of several issues names that issue (walk123: `render
    --all` with an error in one issue's text did not say which)."""
    try:
        yield
    except TemplateMistake as exc:
        if not several:
            raise
        raise TemplateMistake(f"issue {number}{what}: {exc}") from None


def _feed_updated(
    before: bytes | None, after: str | None, moved: Mapping[int, tuple[str, str]]
) -> tuple[tuple[int, ...], str]:
    """The issues (not those whose time moved: said apart) whose <updated> in feed.xml `after`
    is new since `before`, and that time (walk86 #3); an issue `before` left out (its
    issue-N.json could not be read) is one when `after` marks it updated (walk115 #3)."""
    if not before or not after:
        return (), ""
    old, new = feed_times(before, "updated"), feed_times(after, "updated")
    published = feed_times(after)
    # (moved forward: a copy made before `updated_rfc3339` writes the entry's date there, back
    # from the time a correction gave it, which no feed reader shows as a change: walk156 #10)
    marked = tuple(
        n
        for n in sorted(new)
        if n not in moved
        and (_later(new[n], old[n]) if n in old else bool(old) and new[n] != published.get(n))
    )
    return marked, (new[marked[0]] if marked else "")


def _later(new: str, old: str) -> bool:
    """Whether RFC 3339 time `new` is after `old` (differs from it, when one cannot be read)."""
    try:
        return datetime.fromisoformat(new) > datetime.fromisoformat(old)
    except (ValueError, TypeError):  # (TypeError: one with a zone, one without)
        return new != old


def _second_past(
    before: bytes | None, after: str | None, updated: tuple[tuple[int, ...], str]
) -> str:
    """What the <updated> time `updated` gave its first issue is a second past when it is dated
    after today (`render_archive`): "<published>", or "<updated>" (the time it had); "" when it is
    no such time (walk115 #4: "a second past the <updated> it had" was said of the first
    correction, a second past <published>)."""
    marked, at = updated
    if not marked or not before or not after:
        return ""
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        return ""
    if when <= datetime.now(UTC):
        return ""
    one = timedelta(seconds=1)
    # (<published> first: the same time as the <updated> it had, it is the one that says why)
    for tag in ("published", "updated"):
        stamp = feed_times(before if tag == "updated" else after, tag).get(marked[0], "")
        with suppress(ValueError):
            if datetime.fromisoformat(stamp) + one == when:
                return f"<{tag}>"
    return ""


def _feed_times_moved(out_dir: Path, files: Mapping[str, str]) -> dict[int, tuple[str, str]]:
    """The issues whose <published> time in the feed.xml about to be written differs from the one
    in `out_dir`'s (walk62 #4: after an upgrade, issues of one day got times a second apart, and
    render said only that feed.xml changed): `times_moved`."""
    try:
        before = (out_dir / "feed.xml").read_bytes()
    except OSError:
        return {}
    return times_moved(before, files.get("feed.xml", ""))


def _reads_the_same(path: Path, text: str, bare: Sequence[JsonLink] = ()) -> bool:
    """Whether the page or text edition at `path` (an issue's .html, .txt or .md) reads as `text`
    does: the same visible text, its whitespace aside, though written otherwise (walk161 #5:
    `render --all` after an upgrade rewrote every old issue's files, `<bdi>` credits, `lang`,
    headings a level down, and said only that they changed); its links `bare` taken as written
    without their user name and password (`with_bare_links`)."""
    if path.suffix not in {".html", ".txt", ".md"}:
        return False
    try:
        before = with_bare_links(path.read_text(encoding="utf-8"), bare)
    except (OSError, UnicodeDecodeError):
        return False
    if path.suffix == ".html":  # (its <title> too: walk171 #3; where its links go: walk179 #8)
        if not same_links(page_links(before), page_links(text)):
            return False
        before, text = page_text(before), page_text(text)
    return " ".join(before.split()) == " ".join(text.split())


#: A link of the archive page to an issue's page.
_ISSUE_LINK = re.compile(r"""href=["'][^"']*?\bissue-(\d+)\.html["']""")


def _listed_in(text: str) -> set[int]:
    """The issues (by number) an archive page's text links to."""
    return {int(n) for n in _ISSUE_LINK.findall(text)}


def _listed(path: Path) -> set[int]:
    """The issues the archive page at `path` links to (none when it cannot be read)."""
    try:
        return _listed_in(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return set()


def _holds(path: Path, text: str) -> bool:
    """Whether the file at `path` holds `text` already (as write_atomic writes it)."""
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False
