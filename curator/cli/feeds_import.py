"""`curator feeds import`: an OPML file's feeds added to feeds.yaml, each read first as `feeds add`
reads one (the `feeds` group in `feeds` registers it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import click

from curator.cli.common import (
    CONFIG_OPTION,
    JSON_OPTION,
    QUIET_OPTION,
    config_arg,
    echo,
    echo_json,
    loaded,
    said_warnings,
    warn,
)
from curator.cli.common import echo as say
from curator.cli.feeds_stored import gone_error, held_already, moved_to_listed, same_entries
from curator.config import Config
from curator.config_load import load_config
from curator.discover import read_feed
from curator.errors import CuratorError, InputError, shell_arg
from curator.feedsecrets import secrets_masked_in, secrets_shown
from curator.feedsfile import FeedSpec, read_feeds, yaml_scalar
from curator.feedsfile_opml import OpmlImport, has_markup, import_subscriptions
from curator.fetch import fetch_all
from curator.fetch_request import FetchRequest
from curator.harvest import fetch_settings
from curator.models import FetchResult
from curator.urls import address_fault, feed_key, scheme_left_out


@click.command("import")
@CONFIG_OPTION
@click.argument("opml_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--add-subjects",
    is_flag=True,
    help="Make each folder that is not a subject yet a new subject (a stub to finish in feeds.yaml).",
)
@click.option(
    "--no-check",
    is_flag=True,
    help="Add the feeds without reading them (offline); `curator fetch` reads them later.",
)
@QUIET_OPTION
@JSON_OPTION
def import_(
    config: Path, opml_file: Path, add_subjects: bool, no_check: bool, quiet: bool, as_json: bool
) -> None:
    """Add every feed of an OPML file (a feed reader's export); folders become subject hints.
    Each new address is read first, as `feeds add` reads it: one that gives no feed (a 404, a
    web page, a server that does not answer) is not added, and is listed with what to do."""
    conf = loaded(config)

    def echo(message: object = None, *, err: bool = False) -> None:
        # With --json, stdout holds the JSON document only: the report goes to stderr.
        say(message, err=err or as_json)

    known = [subject.name for subject in conf.subjects]
    keys: dict[str, tuple[str, ...]] = {}  # (each feed's entries, as read to check it)
    # (the feeds moved for good, to their new address, and back: walk184 #3)
    moves: dict[str, str] = {}
    moved_from: dict[str, str] = {}
    try:
        data = opml_file.read_bytes()
    except OSError as exc:
        raise InputError(f"{opml_file}: cannot read: {exc.strerror}") from None
    unanswered: dict[str, str] = {}  # (each that did not answer, by `feed_key`: why)
    done = import_subscriptions(
        config,
        data,
        str(opml_file),
        known,
        add_subjects=add_subjects,
        refuse=moved_to_listed(conf, config),
        check=None
        if no_check
        else _import_check(conf, config, quiet, keys, moves, moved_from, unanswered),
        moved=moves,
    )
    skipped = list({feed_key(spec.url): spec for spec in reversed(done.skipped)}.values())[::-1]
    if not done.added and done.unreadable:
        also = f"; {len(skipped)} were listed already" if skipped else ""
        echo(
            f"No feed of {opml_file} added to {config}: {len(done.unreadable)} gave no feed when"
            f" read (below){also}."
        )
    elif not done.added and (skipped or done.refused) and not done.repeated:
        # walk82 #6: "Imported 0 feed(s)" then folders "added without them as hints" misled.
        # walk169 #6: "All 207" of 205 distinct feeds (two listed twice in the OPML).
        moved = f" (or moved to a feed listed there: {len(done.refused)})" if done.refused else ""
        echo(
            f"All {len(skipped) + len(done.refused)} feed(s) of {opml_file} were listed already"
            f" in {config}{moved}; no feed added."
        )
    else:
        stored = (
            ", each read to check it; their articles are stored at the next `curator fetch` or"
            " `curator build`"
            if done.added and not no_check
            else ""
        )
        echo(f"Imported {len(done.added)} feed(s) into {config}{stored}.")
    if done.rewritten:
        warn(done.rewritten)
    copied: dict[str, str] = {}  # (each added feed that is a copy of a listed one: that one)
    for spec in done.added:
        if spec.url in moved_from:
            # walk184 #3: the old address was written, unsaid, as `feeds add` no longer does
            echo(
                f"{secrets_shown(moved_from[spec.url])} has moved permanently to"
                f" {secrets_shown(spec.url)} (its server"
                " redirects there for good): the new address was added",
                err=True,
            )
    for spec in done.added:
        # walk155 #6: a feed removed with --drop-waiting and imported back, as `feeds add` does
        held_already(conf, config, spec.url, named=True, err=as_json)
        # walk180 #5: a copy of a feed listed already (another address of it) is said, as
        # `feeds add` says it
        if copy := same_entries(conf, config, spec.url, keys.get(feed_key(spec.url), ())):
            copied[spec.url] = copy
    if done.subjects_added:
        echo(
            f"Added {len(done.subjects_added)} subject(s) from the folders: "
            + ", ".join(f"`{stub.name}`" for stub in done.subjects_added)
            + f"; give each a description and keywords in {config}"
        )
    if done.reader_folders:
        echo(
            f"{len(done.reader_folders)} folder(s) of {opml_file} are a feed reader's own, not"
            " subjects, and were passed over (their feeds were added without them as hints): "
            + ", ".join(
                f"{name} ({count} feed{'s' if count > 1 else ''})"
                for name, count in done.reader_folders
            )
            + f". If one is a subject of yours, add it under `subjects:` in {config} first.",
            err=True,
        )
    for name, folder_line in done.subjects_refused:
        at = f"{opml_file}:{folder_line}" if folder_line else str(opml_file)
        why = (
            ' < > or " in it, which a web page showing the subject could read as HTML'
            if has_markup(name)
            else " $( ${ or ` in it, which a shell runs as a command were the name pasted unquoted"
        )
        warn(
            f"{at}: the folder {name!r} was not made a subject: its name has"
            f"{why}; its feeds were added without it as a hint. Rename the folder (in your feed reader, or"
            f" in {opml_file}) to plain words and import again, or add the subject yourself"
            f" under `subjects:` in {config}"
        )
    if (
        done.unknown_folders
        and done.added
        and not done.subjects_added
        and not done.subjects_refused
    ):
        echo(
            f"{len(done.unknown_folders)} folder(s) of {opml_file} are not subjects, so their"
            " feeds were added without them as hints:",
            err=True,
        )
        for name, count in done.unknown_folders:
            echo(f"  {name} ({count} feed{'s' if count > 1 else ''})", err=True)
        echo(
            f"To use them, add them under `subjects:` in {config}; `feeds import --add-subjects`"
            " writes a subject for each folder, and names the `subjects:` line each of its feeds"
            " already listed needs (an import leaves a listed feed as it is).",
            err=True,
        )
    for line_no, odd_title, why, url in done.faulty_titles:
        warn(
            f"{opml_file}:{line_no}: the title {odd_title!r} of {secrets_shown(url)} was not written as `name:`: {why};"
            f" its articles are credited to their pages' site name, else the feed's own title"
            f" (write `name:` under the feed in {config} for a name of your own)"
        )
    faulty = {url for _, _, _, url in done.faulty_titles}
    if done.renamed:
        left_out = [
            (title, url) for title, name, url in done.renamed if name is None and url not in faulty
        ]
        shortened = [(title, name, url) for title, name, url in done.renamed if name]
        if left_out:
            echo(
                f"{len(left_out)} feed title(s) of {opml_file} do not name the feed's site, so they"
                ' were not written as `name:` (a section or a reader\'s label such as "World"'
                " would be credited as the publication); "
                + (
                    "each is a comment beside its feed:"
                    if done.commented
                    else f"your feeds list in {config} is written in [ ], where a comment cannot"
                    " go, so they are only listed here:"
                ),
                err=True,
            )
            for title, url in left_out:
                echo(f"  {title} ({secrets_shown(url)})", err=True)
        if shortened:
            echo(
                f"{len(shortened)} feed title(s) were cut to the part that names the site:",
                err=True,
            )
            for title, name, url in shortened:
                echo(f"  {title} -> name: {name} ({secrets_shown(url)})", err=True)
        echo(
            "A feed without `name:` is credited to its pages' site name, else the feed's own"
            f" title; to credit a name of your own, write `name:` under the feed in {config}.",
            err=True,
        )
    for left, why_left in (
        (done.unreadable, "Not added: {n} that gave no feed when read"),
        (done.refused, "Skipped {n} that moved to a feed already listed"),
    ):
        if not left:
            continue
        echo(why_left.format(n=len(left)) + " (as `feeds add` refuses them):", err=True)
        # More than a few that did not answer (offline, say): listed with why only, and what
        # to do said once below them (walk202: 205 lines of the same advice).
        silent = (
            [s for s, _ in left if feed_key(s.url) in unanswered] if left is done.unreadable else []
        )
        compact = len(silent) > _FEW_UNANSWERED
        for spec, why in left:
            if compact and feed_key(spec.url) in unanswered:
                why = unanswered[feed_key(spec.url)]
            echo(f"  {secrets_shown(spec.url)}: {why}", err=True)
        if compact:
            command = f"`curator feeds import --no-check {shell_arg(opml_file)}{config_arg()}`"
            if len(silent) == len(left):
                echo(
                    f"None of these {len(silent)} answered; to add them without checking: {command}",
                    err=True,
                )
            else:
                echo(
                    f"{len(silent)} of them did not answer; to add them without checking: {command}"
                    " (it adds, unread, every feed of the file not listed yet), or `curator feeds"
                    " add URL` for each once it answers",
                    err=True,
                )
    if skipped:
        echo(f"Skipped {len(skipped)} already listed (left as they are):", err=True)
        lines = {feed_key(spec.url): spec for spec in read_feeds(config)}
        for spec in skipped:
            listed = lines.get(feed_key(spec.url))
            line = listed.url if listed else spec.url
            as_listed = f" (listed as {secrets_shown(line)})" if line != spec.url else ""
            echo(f"  {secrets_shown(spec.url)}{as_listed}", err=True)
            # walk152 #10: what the OPML says of it that feeds.yaml does not, as subjects are said.
            for differs in _differences(spec, listed):
                echo(
                    f"      the OPML has `{differs}`; to use it, write it under the feed", err=True
                )
    if done.repeated:
        # Each added once, hinting at the subjects of every folder it was in (walk82 #2).
        # walk152 #14: six copies of one feed said "5 listed more than once", and named the
        # address of a later copy, not the one feeds.yaml got.
        first = {feed_key(spec.url): spec for spec in reversed(done.added)}
        copies: dict[str, int] = {}
        for spec in done.repeated:
            copies[feed_key(spec.url)] = copies.get(feed_key(spec.url), 1) + 1
        echo(
            f"{len(copies)} feed(s) listed more than once in the OPML, each added once, as first"
            " listed, with the subjects of all its folders (an address with or without www., a"
            " last / or https is the same feed):",
            err=True,
        )
        for key, count in copies.items():
            kept = first.get(key)
            url = kept.url if kept else key
            subjects = f"; subjects: {', '.join(kept.subjects)}" if kept and kept.subjects else ""
            echo(f"  {secrets_shown(url)} ({count} times{subjects})", err=True)
    if done.unhinted:
        # An import adds feeds; it never rewrites one the editor already has.
        echo(
            f"{len(done.unhinted)} of the feeds already listed are in an OPML folder that is a"
            " subject they do not hint at, and were not changed: to have them hint at it, write"
            f" this under each in {config}:",
            err=True,
        )
        for url, line in done.hint_lines():
            echo(f"  {secrets_shown(url)}\n      {line}", err=True)
    left_why = _said_left_out(done, opml_file)
    if done.added:
        # walk82 #5: a name the import gave two feeds was warned of by every later command only.
        try:
            after = load_config(config).warnings
        except CuratorError:
            after = ()
        for warning in after:
            # Only the names the import made two feeds share: the stubs `--add-subjects` wrote
            # are said above, and the next command warns of them.
            if warning not in conf.warnings and "is also the name of the feed at line" in warning:
                warn(warning)
    if as_json:
        # walk183 #1: `warnings` holds every warning said (a copy, an outline left out...), a
        # copy added is marked, and an outline left out has why and its fix, as stderr says.
        echo_json(
            {
                "warnings": said_warnings(),
                "added": [secrets_shown(spec.url) for spec in done.added],
                "copies": [
                    {"url": secrets_shown(url), "same_articles_as": secrets_shown(of)}
                    for url, of in copied.items()
                ],
                "listed_already": [secrets_shown(spec.url) for spec in skipped],
                "moved_to_listed": [
                    {"url": secrets_shown(spec.url), "why": secrets_masked_in(why)}
                    for spec, why in done.refused
                ],
                "not_added": [
                    {"url": secrets_shown(spec.url), "why": secrets_masked_in(why)}
                    for spec, why in done.unreadable
                ],
                "left_out": [
                    {"url": secrets_shown(url), "text": text, **left_why.get(url, {})}
                    for url, text in done.rejected
                ],
            }
        )


#: How many feeds an import reads between two lines of its progress.
_IMPORT_PROGRESS_EVERY = 25
#: How many feeds that did not answer an import lists each with its own advice; past that, the
#: advice is said once, after them.
_FEW_UNANSWERED = 3


def _import_check(
    conf: Config,
    config: Path,
    quiet: bool,
    keys: dict[str, tuple[str, ...]],
    moves: dict[str, str],
    moved_from: dict[str, str],
    unanswered: dict[str, str],
) -> Callable[[Sequence[FeedSpec]], dict[str, str]]:
    """How `feeds import` reads the feeds it is to add before adding them, as `feeds add` reads
    one (walk169 #6: a 404 was imported where `feeds add` refused it): all at once, within the
    fetch settings' limits overall and per host (the build's politeness), a progress line every
    `_IMPORT_PROGRESS_EVERY` feeds unless `quiet`. Those that give no feed, by `feed_key`, with
    why and what to do; the URL keys of the entries of each that is one go in `keys`, and the
    new address of each moved for good (a 301, as `feeds add` adds it) in `moves` (and its
    address given, by the new one, in `moved_from`); of those that give none, each that did
    not answer (no such server, refused, no answer in time) in `unanswered`, with why."""

    def check(specs: Sequence[FeedSpec]) -> dict[str, str]:
        total = len(specs)
        if not quiet:
            say(f"Reading the {total} feed(s) to add, as `feeds add` reads one...", err=True)
        done = 0

        def progress(_result: FetchResult) -> None:
            nonlocal done
            done += 1
            if not quiet and done % _IMPORT_PROGRESS_EVERY == 0 and done < total:
                say(f"  {done} of {total} read", err=True)

        requests = [FetchRequest(spec.url, kind="feed") for spec in specs]
        results = fetch_all(requests, fetch_settings(conf), on_result=progress)
        listed = {feed_key(spec.url): spec.url for spec in read_feeds(config)}
        unfit: dict[str, str] = {}
        for spec, result in zip(specs, results, strict=True):
            why, found = _no_feed(spec.url, result, listed)
            if why is not None:
                unfit[feed_key(spec.url)] = why
                if (error := _no_answer(result)) is not None:
                    unanswered[feed_key(spec.url)] = error
            else:
                keys[feed_key(spec.url)] = found
                if result.moved_to and feed_key(result.moved_to) != feed_key(spec.url):
                    moves[feed_key(spec.url)] = result.moved_to
                    moved_from[result.moved_to] = spec.url
                    keys[feed_key(result.moved_to)] = keys[feed_key(spec.url)]
        return unfit

    return check


def _no_feed(
    url: str, result: FetchResult, listed: dict[str, str]
) -> tuple[str | None, tuple[str, ...]]:
    """Why the feed read at `url` (`result`) is not one to add, and what to do, None when it is
    one; and then the URL keys of its entries' links (the body parsed once for both). The
    reasons `feeds add` refuses an address for: it could not be read (an HTTP error, no such
    server, no answer in time), what it gives is no feed (a web page, another document), or it
    leads to a feed already listed."""
    again = (
        f"`curator feeds add {shell_arg(url)}` once it answers (or add it unread with --no-check)"
    )
    if not result.ok or result.content is None:
        error = result.error or "could not be read"
        if _no_answer(result) is None:
            return (
                f"{error}: no feed is at this address now; find the feed's new address on its"
                " site and add that"
            ), ()
        return f"{error}: {again}", ()
    final = result.final_url or url
    found = read_feed(result.content, result.content_type, final)
    if isinstance(found, str):
        if found == "a web page, not a feed":
            return (
                f"{found}: `curator feeds add {shell_arg(url)}` finds the feed the page links"
                " to, if it has one"
            ), ()
        return f"{found}: find the feed's own address on its site and add that", ()
    if feed_key(final) != feed_key(url) and feed_key(final) in listed:
        return (
            f"it leads to {final}, which is already in the feeds list as {listed[feed_key(final)]}"
        ), ()
    return None, found[3]


def _no_answer(result: FetchResult) -> str | None:
    """Why the address read (`result`) gave nothing, when it did not answer with a feed and may
    later (no such server, refused, an error, no answer in time), else None (it answered, or
    said no feed is there now: gone)."""
    if result.ok and result.content is not None:
        return None
    error = result.error or "could not be read"
    return None if result.error_kind == "gone" or gone_error(error) else error


def _differences(given: FeedSpec, listed: FeedSpec | None) -> list[str]:
    """The `name:` and `fetch_pages:` lines an OPML gives a feed already listed otherwise."""
    if listed is None:
        return []
    said = []
    if given.name and " ".join(given.name.split()) != " ".join((listed.name or "").split()):
        said.append(f"name: {yaml_scalar(given.name)}")
    if given.fetch_pages is not None and given.fetch_pages != (listed.fetch_pages is not False):
        said.append(f"fetch_pages: {'true' if given.fetch_pages else 'false'}")
    return said


def _said_left_out(done: OpmlImport, opml_file: Path) -> dict[str, dict[str, str | None]]:
    """The outlines of the OPML that were not imported as they stand, each with its line and
    what to do (walk82 #3, #4: they were dropped unsaid, or named without a line). For --json,
    each left out address's `why` (what was said of it) and the web `address` it likely is (an
    address without its http://), else None (walk183 #1)."""
    said: dict[str, dict[str, str | None]] = {}
    for line, given, read, why in done.converted:
        echo(
            f"curator: {opml_file}:{line}: {given} is read as {read}: {why}",
            err=True,
        )
    for xml_url, text in done.rejected:
        line = done.rejected_lines.get(xml_url, 0)
        at = f"{opml_file}:{line}" if line else str(opml_file)
        # An http(s) address no feed can be read at says why (walk152 #7: a port past 65535).
        fault = address_fault(xml_url) if xml_url.lower().startswith(("http:", "https:")) else ""
        # The commands advised run as written (fixhj #6: `curator feeds add URL`): the site's
        # page the outline gives, else the import again once the OPML gives the right address.
        site = done.rejected_sites.get(xml_url)
        again = (
            f"`curator feeds add {shell_arg(site)}` finds the feed its site's page links to"
            if site
            else f"correct its xmlUrl in {opml_file}, then import the file again (`curator feeds"
            f" import {shell_arg(opml_file)}`: the feeds listed already are left as they are)"
        )
        web = scheme_left_out(xml_url)  # (walk180 #6: feeds.yaml's rule, with its fix)
        why = (
            f"was left out, as no feed can be read at it: {fault}; {again}"
            if fault
            else f"was left out: it looks like a web address without its {web.split(':')[0]}://"
            f" (`{web}`); {again}"
            if web
            else "is not a web feed's address (http or https), so it was left out; find the"
            f" feed's web address (its site's page links it): {again}"
        )
        # (each address's secret masked, in --json too: fixlx #1)
        why = secrets_masked_in(why)
        said[xml_url] = {"why": why, "address": secrets_shown(web) if web else web}
        warn(f"{at}: {text or 'an outline'} ({secrets_shown(xml_url)}) {why}")
    for line, text, site in done.no_feed:
        at = f"{opml_file}:{line}" if line else str(opml_file)
        name = f'"{text}"' if text else "an outline"
        fix = (
            f"`curator feeds add {site}` adds its feed (of a site's page, the feed the page links"
            " to, if it has one)"
            if site
            else f"write its feed's web address as its xmlUrl in {opml_file}, then import the"
            f" file again (`curator feeds import {shell_arg(opml_file)}`: the feeds listed already"
            " are left as they are)"
        )
        warn(f"{at}: {name} gives no feed address (xmlUrl), so it was left out; {fix}")
    return said
