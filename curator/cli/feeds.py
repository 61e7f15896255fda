"""`curator feeds ...` and `curator init`: managing the feed list as editors do."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import click

from curator.app import discover_feeds
from curator.cli.common import (
    CONFIG_OPTION,
    DB_OPTION,
    JSON_OPTION,
    WAIT_OPTION,
    composed_names,
    echo,
    echo_json,
    loaded,
    warn,
)
from curator.cli.feeds_import import import_
from curator.cli.feeds_stored import gone_error, held_already, same_entries
from curator.cli.opening import opened
from curator.cli.report_feeds import shown_feed_names
from curator.cli.streams import changes_nothing
from curator.config import Config, ConfigError
from curator.config_load import load_config
from curator.config_values import check_feed_address, name_bars_fault
from curator.errors import CuratorError, FeedsFailing, InputError, feeds_remove_command, shell_arg
from curator.feedsecrets import secrets_masked_in, secrets_of, secrets_said, secrets_shown
from curator.feedsfile import (
    DuplicateFeedError,
    add_feed,
    read_feeds,
    remove_feed,
    yaml_list,
)
from curator.feedsfile_init import init_newsletter
from curator.feedsfile_opml import (
    export_feeds,
)
from curator.feedsfile_titles import import_name, title_fault
from curator.harvest import QUIET_AFTER, own_wait_said
from curator.harvest_feedreport import days_failing
from curator.publish import write_atomic
from curator.publishissue import missing_store_said
from curator.runlock import BuildError
from curator.store import Store, moved_error_of
from curator.urls import feed_address, feed_key


@click.group()
def feeds() -> None:
    """List, add, remove, import, export and check the feeds in feeds.yaml."""


feeds.add_command(import_)  # `feeds import` lives in its own module (cli/feeds_import.py)


def _feed_address(config: Config, given: str) -> tuple[str, str]:
    """(what to fetch, what to write in feeds.yaml) for the address an editor typed.

    An http(s) URL is both. A local feed (a path, or a file: URL) is the paths feeds.yaml accepts:
    a path typed on the command line is taken from the current folder, as any command takes it,
    and is written relative to feeds.yaml when the file is in feeds.yaml's folder (so the
    newsletter's folder can move), else in full.
    """
    if given.startswith(("http://", "https://")):
        return given, given
    parts = urlsplit(given)
    if parts.scheme.lower() == "file" and parts.netloc in ("", "localhost"):
        path = Path(url2pathname(parts.path))
    elif parts.scheme and len(parts.scheme) > 1:
        raise InputError(
            f"{given}: uses `{parts.scheme}:`; a feed is an http(s) address or a path to a file"
        )
    else:
        path = Path(given).expanduser()
    path = path.resolve()
    try:
        written = path.relative_to(config.folder.resolve()).as_posix()
    except ValueError:
        written = str(path)
    return str(path), written


def _checked_address(given: str) -> str:
    """The address `feeds add` was given, read as `feeds import` reads an OPML's (`feed://` as
    http://, a scheme written twice once, said; `HTTPS://` lower-cased) and held to feeds.yaml's
    own check before a line is written, with or without --no-check (walk152 #2: a line the check
    refuses was written, and every command then failed on it). A path is taken from the current
    folder, as the command takes it."""
    read, why = feed_address(given)
    if why:
        echo(f"curator: {secrets_shown(given)} is read as {secrets_shown(read)}: {why}", err=True)

    def refused(message: str) -> InputError:
        return InputError(f"{secrets_masked_in(message)}; nothing added")

    check_feed_address(read, Path.cwd() / "feeds.yaml", refused)
    return read


#: How many of the addresses `feeds add` tried it lists, one a line (a page may declare hundreds).
_TRIED_SHOWN = 25


def _tried(rejected: Sequence[tuple[str, str]]) -> str:
    """The addresses tried for a feed and why each is not one, one a line after the message."""
    if not rejected:
        return ""
    lines = [
        f"  {secrets_shown(address)}: {secrets_masked_in(why)}"
        for address, why in rejected[:_TRIED_SHOWN]
    ]
    if len(rejected) > _TRIED_SHOWN:
        lines.append(f"  and {len(rejected) - _TRIED_SHOWN} more")
    return ". Tried:\n" + "\n".join(lines)


@feeds.command("add")
@CONFIG_OPTION
@click.argument("url")
@click.option(
    "--subject",
    "-s",
    "subjects",
    multiple=True,
    callback=composed_names,
    help="A subject this feed hints at.",
)
@click.option("--name", "-n", default=None, help="The publication's name as the issue prints it.")
@click.option(
    "--no-check",
    is_flag=True,
    help="Add it as given, without reading it (offline); `curator fetch` reads it later.",
)
def add(
    config: Path, url: str, subjects: tuple[str, ...], name: str | None, no_check: bool
) -> None:
    """Add a feed, given its address or its website's (curator finds the feed), or a local file."""
    # Each address is said with its secret masked (`?token=...`), as every other command says it
    # (fixlp #1: the address typed and the feeds found were printed whole); feeds.yaml has it whole.
    shown = secrets_shown
    conf = loaded(config)
    if name and "||" in name:  # walk155 #1: feeds.yaml's own check refuses it too
        message = name_bars_fault(name).replace("`name: ", "`--name ", 2)
        raise InputError(f"{message}; nothing added")
    # A subject mistyped in the command: did-you-mean and exit 2 (InputError), as everywhere.
    subjects = conf.subjects_named(subjects)
    fetched, written = _feed_address(conf, _checked_address(url))
    if any(source.is_file and source.url == fetched for source in conf.feeds):
        raise DuplicateFeedError(f"{config}: {shown(written)} is already in the feeds list")
    listed = {feed_key(spec.url): spec.url for spec in read_feeds(config)}
    if feed_key(written) in listed:  # its https:// form, say: said before it is read (walk45 #8)
        raise DuplicateFeedError(
            f"{config}: {shown(written)} is already in the feeds list, as"
            f" {shown(listed[feed_key(written)])}"
        )
    if no_check:
        said: list[str] = []
        add_feed(config, written, name, subjects, said)
        echo(f"Added {shown(written)} without reading it; `curator fetch` will read it")
        for note in said:
            warn(secrets_masked_in(note))
        held_already(conf, config, written)
        return
    found = discover_feeds(conf, fetched)
    if found.error:
        # walk202: a redirect loop was said with no next step.
        step = (
            "; open the address in a browser to check it, and add the feed's own address"
            " (the site's page links to it)"
            if found.error.startswith("redirect loop")
            else ""
        )
        raise CuratorError(f"{shown(url)}: {secrets_masked_in(found.error)}{step}")
    if not found.feeds:
        raise CuratorError(
            f"{shown(url)}: no feed found; give the feed's own address if the site has one"
            + _tried(found.rejected)
        )
    if len(found.feeds) > 1 and not found.is_feed:
        echo(f"{shown(url)} offers {len(found.feeds)} feeds; adding the first:", err=True)
        for feed in found.feeds:
            echo(f"  {shown(feed.url)}  {feed.title or ''}", err=True)
    best = found.feeds[0]
    address = written if found.is_feed else best.url
    moved = found.moved_to if found.is_feed else None
    if moved and feed_key(moved) != feed_key(written):
        # walk178 #6: the address given was added, no word of its move, and the next fetch asked
        # to replace the line just written: the feed's own address is listed, and that is said.
        echo(
            f"{shown(written)} has moved permanently to {shown(moved)} (its server redirects there for good):"
            " adding the new address",
            err=True,
        )
        address = moved
    # Where the address leads (a 301 to a feed listed already, walk45 #5) is compared too.
    for where in (found.final_url if found.is_feed else None, best.url):
        if where and feed_key(where) in listed:
            raise DuplicateFeedError(
                f"{config}: {shown(url)} leads to {shown(where)}, which is already in the feeds"
                f" list as {shown(listed[feed_key(where)])}; nothing added"
            )
    title = " ".join((best.title or "").split())
    # The feed's title becomes `name:` (which every article of it is credited to) only when it
    # names the feed's site, as `feeds import` decides: an aggregator's "Mixed Reading" would be
    # credited for the BBC's and Ars Technica's articles.
    own = name or (import_name(title, best.url, found.final_url) if title else None)
    rewritten: list[str] = []
    add_feed(config, address, own, subjects, rewritten)
    # walk169: "Added", then `feeds list` said "never fetched": said here, as the truth is that
    # it was read to check it and its articles are stored by the next fetch.
    entries = f"{best.entries} entr{'y' if best.entries == 1 else 'ies'}"
    echo(
        f"Added {shown(address)}"
        + (f" ({own})" if own else "")
        + f": read to check it, a feed of {entries}; its articles are stored at the next"
        " `curator fetch` or `curator build` (until then `curator feeds list` says it was never"
        " fetched)"
    )
    for note in rewritten:
        warn(secrets_masked_in(note))
    held_already(conf, config, address)
    same_entries(conf, config, address, best.keys)
    if title and not own:
        why = (
            title_fault(title, best.url, found.final_url) or "nothing says it names the feed's site"
        )
        warn(
            f"its title {title!r} was not written as `name:`: {why}, and `name:` is the"
            " publication every article of the feed is credited to. Each article is credited to"
            " its page's site name, else to this title; if the feed is one publication's, write"
            f" `name:` under it in {config} (or add it with --name)"
        )


@feeds.command("remove")
@CONFIG_OPTION
@WAIT_OPTION
@click.argument("url")
@click.option(
    "--drop-waiting",
    is_flag=True,
    help="Leave out of every issue its stored articles no issue featured (adding it back takes"
    " them back).",
)
def remove(config: Path, url: str, drop_waiting: bool) -> None:
    """Remove a feed from feeds.yaml. Its stored articles stay in the archive, and those no issue
    featured can still be picked (it says how many), unless --drop-waiting leaves them all out;
    `curator subjects exclude URL` keeps one out (a cut from a draft keeps it out of that issue
    only). While another curator run (a fetch) uses the store, it waits for it to finish, as
    commands that write do."""
    url = _unmasked(config, url)  # "?token=..." as `feeds check` shows it (fixlg #2)
    try:
        conf = load_config(config)
    except ConfigError as error:
        _remove_refused(config, url, error)
        return
    if not conf.settings.store.exists():
        _remove(config, loaded(config), url, None)
        return
    # walk89 #2: removed while a fetch read the feed, it said "Removed" at once, and the fetch
    # then stored the feed's entries unsaid: waiting for the run, what it says is true when said.
    with opened(config, None) as (conf, store):  # a mistake in feeds.yaml is reported as always
        _remove(config, conf, url, store, drop_waiting)


def _remove_refused(config: Path, url: str, error: ConfigError) -> None:
    """`feeds remove` while feeds.yaml's check refuses the file: the feed is taken out all the
    same when it is listed, for its line may be the one refused (walk152 #2: `feeds remove
    'feeds\\bad.xml'` failed on the very line it was to remove); then feeds.yaml is checked
    again, and what is still wrong is said."""
    try:
        listed = read_feeds(config)
    except CuratorError:  # (not YAML at all: feeds.yaml's check says where, and how to fix it)
        raise error from None
    given = url.strip()
    spec = next(
        (s for s in listed if s.url.strip() == given or feed_key(s.url) == feed_key(given)), None
    )
    if spec is None or not remove_feed(config, spec.url):
        raise error
    named = f" ({spec.name})" if spec.name else ""
    echo(f"Removed {secrets_shown(spec.url)}{named}")  # (its secret masked: fixln #1)
    load_config(config)  # what is still wrong, with its line, and exit 2


def _moved_where(conf: Config, url: str, store: Store | None) -> str:
    """What `feeds remove` adds to "is not in the feeds list" when the store recorded the feed
    at `url` moving (a 301, or curator's advice) to a feed listed now: where it went, and its
    line (walk169 #5: after the hand fix, it said only that it is not listed); "" else."""
    if store is None:
        return ""
    moved = store.moved_feed(url, feed_key)
    spec = next((s for s in conf.feeds if moved and feed_key(s.url) == feed_key(moved)), None)
    if spec is None:
        return ""
    line = f" (line {spec.line})" if spec.line else ""
    return (
        f": it moved to {secrets_shown(spec.url)}{line}, which replaced it (its stored articles are that"
        " feed's now): nothing to remove"
    )


def _remove(
    config: Path, conf: Config, url: str, store: Store | None, drop_waiting: bool = False
) -> None:
    """`feeds remove` with the store held (or none made yet)."""
    # The entry removed, as feeds.yaml has it: the address given may differ from it (https, a
    # trailing slash), and the editor is told which line went (walk45 #7).
    listed = read_feeds(config)
    at = next((i for i, s in enumerate(listed) if feed_key(s.url) == feed_key(url.strip())), None)
    spec = listed[at] if at is not None else None
    # Its address as the store has it (a local file's resolved path): the loaded config's.
    stored = conf.feeds[at].url if at is not None and len(conf.feeds) == len(listed) else None
    said: list[str] = []
    if (
        spec is None
        and drop_waiting
        and store is not None
        and _drop_unlisted(config, conf, url, store)
    ):
        return
    if spec is None or not remove_feed(config, url, said):
        raise CuratorError(
            f"{config}: {secrets_shown(url)} is not in the feeds list"
            f"{_moved_where(conf, url, store)};"
            " `curator feeds list` shows them"
        )
    named = f" ({spec.name})" if spec.name else ""
    given = (
        f", the feed listed for the {secrets_shown(url)} you gave"
        if spec.url != url.strip()
        else ""
    )
    echo(f"Removed {secrets_shown(spec.url)}{named}{given}")
    for note in said:
        warn(note)
    if store is None:
        return
    total, unfeatured, dead = store.feed_articles([spec.url, stored or spec.url])
    # walk146 #2: a dead link (its page gone) was counted among those that "can still be picked"
    pickable = unfeatured - dead
    are = "is a dead link" if dead == 1 else "are dead links"
    if pickable and drop_waiting:  # walk150 #6: one `subjects exclude` per article, 3 s each
        _drop_waiting(conf, store, [spec.url, stored or spec.url], total)
    elif pickable:  # walk45 #3: the next build featured a removed feed's articles, unsaid
        also = f"; {dead} more {are} (pages gone), never picked" if dead else ""
        # (a command with a real address, that runs as written: fixhj #6)
        one = shell_arg(
            store.feed_waiting_article([spec.url, stored or spec.url]) or secrets_shown(spec.url)
        )
        echo(
            f"Its {total} stored article(s) stay in the archive, and the {pickable} no issue"
            f" featured can still be picked for the next issues{also}. To keep one out, run"
            f" `curator subjects exclude {one}` (that one; another by its address): it keeps it"
            f" out of every issue (`curator subjects undo {one}` takes it back); cutting it from"
            " a draft keeps it out of that issue only,"
            " and the next `curator draft` can pick it again. To leave them all out at once:"
            # (walk180 #7: `feeds add` first was advised, which refuses a feed gone, 410)
            f" {feeds_remove_command(secrets_shown(spec.url), drop_waiting=True)}."
        )
    elif dead:
        echo(
            f"Its {total} stored article(s) stay in the archive; the {dead} no issue featured"
            f" {are} (pages gone, answering 404 or the like), never picked for an issue."
        )


def _drop_unlisted(config: Path, conf: Config, url: str, store: Store) -> bool:
    """`feeds remove URL --drop-waiting` of a feed no longer listed whose articles the store
    holds: they are left out all the same (walk180 #7: the advice to add it back first could not
    be followed for a feed gone, which `feeds add` refuses). False when the store holds none."""
    forms = [url.strip()]
    if not forms[0].startswith(("http://", "https://")):  # a local file: stored by its full path
        forms.append(str((config.parent / forms[0]).resolve()))
    total, unfeatured, dead = store.feed_articles(forms)
    if not total:
        return False
    echo(f"{secrets_shown(url)} is not in the feeds list (removed already).")
    if unfeatured - dead:
        _drop_waiting(conf, store, forms, total)
    else:
        echo(f"Its {total} stored article(s) stay in the archive; none is left to leave out.")
    return True


def _add_back(store: Store, url: str) -> str:
    """The command that adds the removed feed at `url` back (walk183 #3: `feeds add URL` was
    advised for a feed answering 410, which `feeds add` refuses; `--no-check` adds it unread)."""
    add = f"`curator feeds add {shell_arg(url)}"
    if not url.startswith(("http://", "https://")):
        return add + "`"
    state = store.feed_state(url)
    if state.gone or (state.last_error or "").startswith(("HTTP 404", "HTTP 410")):
        answered = secrets_masked_in(state.last_error or "that it is gone")
        return f"{add} --no-check` (its address answered {answered} when last read)"
    return f"{add}` (`{add[1:]} --no-check` if its address no longer gives the feed)"


def _drop_waiting(conf: Config, store: Store, forms: Sequence[str], total: int) -> None:
    """Leave out of every issue the articles no issue featured of the feed stored at `forms`
    (`--drop-waiting`), and say so."""
    dropped, moved = store.drop_feed_waiting(forms, datetime.now(UTC), [f.url for f in conf.feeds])
    if dropped:
        echo(
            f"Its {total} stored article(s) stay in the archive; the {dropped} no issue"
            f" featured{' (nor a feed still listed gives)' if moved else ''} are left out"
            " of every issue from now on (`curator subjects list` marks them; adding the"
            f" feed back with {_add_back(store, forms[0])} takes them back; to"
            " feature one, add its address to a draft)."
        )
    else:
        echo(f"Its {total} stored article(s) stay in the archive.")
    if moved:
        # walk169 #2: an article the publisher's own feed lists too was dropped with the
        # syndication feed that was stored first.
        echo(
            f"{len(moved)} of them that a feed still listed gives too are that feed's now,"
            " not left out (they can still be picked for the next issues):"
        )
        for title, address, feed in moved:
            echo(f'  "{title}" ({address}): now an article of {feed}')


@feeds.command("export")
@CONFIG_OPTION
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write over an existing .yaml/.yml file with --out (never over feeds.yaml itself).",
)
@click.option(
    "--no-secrets",
    is_flag=True,
    help="Leave out of the addresses their passwords and secret query parameters (token=, key=,"
    " sig=...), to share the OPML.",
)
def export(config: Path, out: Path | None, force: bool, no_secrets: bool) -> None:
    """Write the feed list as OPML 2.0, for a feed reader."""
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    conf = loaded(config)  # a mistake in feeds.yaml is reported as every command reports it
    if out is not None:
        _check_out(config, out, force)
    titles: dict[str, str] = {}
    if conf.settings.store.exists():  # a feed without `name:` goes by its own title, as read
        with opened(config, None, lock=False, reading=True) as (_, store):
            titles = {str(r["url"]): str(r["title"]) for r in store.feed_rows() if r.get("title")}
    data = export_feeds(config, datetime.now(UTC), feed_titles=titles, no_secrets=no_secrets)
    urls = [spec.url for spec in read_feeds(config)]
    local = [url for url in urls if urlsplit(url).scheme.lower() not in {"http", "https"}]
    if local:  # left out by export_feeds: said, so the editor does not miss them in the reader
        echo(
            f"curator: {len(local)} local feed(s) left out (OPML holds web addresses, which a"
            f" feed reader elsewhere can read): {', '.join(local)}",
            err=True,
        )
    if said := secrets_said(urls, left_out=no_secrets):  # named, their secrets shown as "..."
        echo(said, err=True)
    if out:
        write_atomic(out, data)
        echo(f"Wrote {out}", err=True)
    else:
        sys.stdout.buffer.write(data)


def _check_out(config: Path, out: Path, force: bool) -> None:
    """Refuse to write the OPML over the feeds.yaml it was read from, or over another existing
    YAML file without --force (walk152 #5: `-o feeds.yaml` replaced the newsletter's own config
    with OPML, "Wrote feeds.yaml", exit 0)."""
    if out.exists() and out.resolve() == config.resolve():
        raise InputError(
            f"{out}: is the feeds list this export reads ({config}); nothing written. Name the"
            " OPML file, e.g. `-o feeds.opml`"
        )
    if out.exists() and out.suffix.lower() in {".yaml", ".yml"} and not force:
        raise InputError(
            f"{out}: exists and is a YAML file, not an OPML list; nothing written. Name the OPML"
            " file, e.g. `-o feeds.opml`, or add --force to write over it"
        )


def _health(config_path: Path, db: Path | None) -> list[dict[str, Any]]:
    """Each configured feed with what the store remembers of it."""
    # Read-only: no run lock, so the health of feeds can be checked while a build runs.
    if db is None and not load_config(config_path).settings.store.exists():
        config = loaded(config_path)  # nothing fetched yet: every feed "never fetched", no store
        # Unless issues are published here: their store is missing, said as the other reports
        # say it (fixia: every feed was "never fetched", the published issues unmentioned).
        said = missing_store_said(config.settings.store, config.settings.output, config=config)
        if said is not None:
            raise BuildError(said)
        rows: dict[str, Any] = {}
        newest: dict[str, tuple[str, str]] = {}
        undated: set[str] = set()
        moves: dict[str, str] = {}
    else:
        with opened(config_path, db, lock=False, reading=True) as (config, store):
            rows = {str(r["url"]): r for r in store.feed_rows()}
            newest = store.feeds_newest()
            undated = store.feeds_undated()
            moves = {feed_key(old): new for old, new in store.recorded_moves().items()}
    listed = {feed_key(source.url): source for source in config.feeds}
    now = datetime.now(UTC)
    table = []
    for source in config.feeds:
        row = rows.get(source.url, {})
        failing = row.get("failing_since")
        days = days_failing(str(failing), now) if failing else None
        # Only waiting: its server asked (Retry-After) not to be asked before a time to come, and
        # it has not failed for a day or more (walk37 #1: a 429 made cron alert, exit 4). One
        # refusing for longer is failing, its wait still said.
        waiting = bool(
            row.get("wait_until") and str(row["wait_until"]) > now.isoformat() and (days or 0) < 1
        )
        elapsed = row.get("elapsed_last") if row else None
        # walk183 #6: an address curator knows moved to another feed listed (a 301 followed, the
        # old line put back by hand) was "ok": it is "moved", to that feed, its line to remove.
        onto = listed.get(feed_key(moves.get(feed_key(source.url), "")))
        moved_to = row.get("moved_to") or (
            onto.url if onto is not None and onto.url != source.url else None
        )
        table.append(
            {
                "url": source.url,
                # its line in feeds.yaml: where to act when its address is not shown whole (fixlg #2)
                "line": source.line,
                "name": source.name or row.get("title") or "",
                "subjects": list(source.subjects),
                "status": "never fetched"
                if not row
                else "gone"
                if row.get("gone") or (failing and gone_error(row.get("last_error")))
                else "waiting"
                if waiting
                else "failing"
                if failing
                else "malformed"
                if row.get("warning")
                else "moved"
                if moved_to
                else "ok",
                "last_success": row.get("last_success"),
                "last_error": row.get("last_error"),
                "failing_since": failing,
                "failing_days": days,
                # Its last document read was not well formed (entries may be missing), since when.
                "not_well_formed": row.get("warning"),
                "not_well_formed_since": row.get("warning_since"),
                # Where its address redirects for good (301/308): feeds.yaml wants updating.
                "moved_to": moved_to,
                # ...to a feed listed already: that feed's line (the old one is to be removed)
                "moved_to_line": onto.line if onto is not None and moved_to == onto.url else None,
                # Its server asked (Retry-After) not to be asked before then: fetch skips it.
                "wait_until": row.get("wait_until"),
                # Its newest article's date, and when it last gave a new one (walk126 #3).
                # (none when no entry had a date: the day it was fetched is no entry's date)
                "newest_entry": None
                if source.url in undated
                else newest.get(source.url, (None, None))[0],
                "undated": source.url in undated,
                "last_new_article": newest.get(source.url, (None, None))[1],
                # Nothing new for `QUIET_AFTER` or more, as the build says under "need a look".
                "quiet": source.url in newest
                and all(
                    now - datetime.fromisoformat(when) >= QUIET_AFTER for when in newest[source.url]
                ),
                "entries": row.get("entries_last", 0),
                "articles": row.get("articles", 0),
                # Read well with no entry, though curator stored articles from it: as the build
                # says it, "the feed may be broken" (walk132 #3: `feeds check` said "ok").
                "emptied": bool(
                    row
                    and not failing
                    and row.get("last_success")
                    and not row.get("entries_last")
                    and row.get("articles")
                ),
                "bytes": row.get("bytes_last"),
                # (rounded as fetch's document rounds it, walk124 F7)
                "seconds": None if elapsed is None else round(elapsed, 3),
            }
        )
    return table


def shown_rows(table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`table` as `feeds list` and `feeds check` show it: each feed's address with the secret its
    query holds shown as `token=...`, as `feeds export` names it (fixlg #2: printed whole, in a
    cron mail or over the editor's shoulder). Where it moved to stays whole: the editor copies it
    into feeds.yaml (`_moved_advice` says so)."""
    # (and any address in its stored error: a redirect's, fixln #1)
    return [
        {
            **row,
            "url": secrets_shown(row["url"]),
            "last_error": row["last_error"] and secrets_masked_in(row["last_error"]),
            # (and where it moved when that feed is listed already: nothing to copy then)
            "moved_to": secrets_shown(row["moved_to"])
            if row["moved_to"] and row["moved_to_line"] is not None
            else row["moved_to"],
        }
        for row in table
    ]


def _shown_names(table: list[dict[str, Any]]) -> dict[int, str]:
    """`shown_feed_names` of `table` (by each row's `id`), an address shown with its secret
    masked (fixlg #2)."""
    shown = shown_rows(table)
    names = shown_feed_names(shown)
    return {id(row): names[id(masked)] for row, masked in zip(table, shown, strict=True)}


def _unmasked(config: Path, url: str) -> str:
    """The address feeds.yaml lists for `url` given with its secret masked as curator shows it
    (`token=...`: fixlg #2; a path's secret segment, `/u/.../rss`: fixlp #3), so that the command
    curator advised runs as written; else `url`."""
    if "..." not in url:
        return url
    try:
        listed = [s.url for s in read_feeds(config) if secrets_shown(s.url) == url.strip()]
    except ConfigError:
        return url  # (the check refusing feeds.yaml is said by the command itself)
    return listed[0] if len(listed) == 1 else url


def _moved_advice(row: dict[str, Any]) -> str:
    """What `feeds check` says of a feed moved for good, as fetch said it (walk136 #132-2: it
    advised the new address right after that address answered 404 too). An address holding a
    secret is shown masked, but for the one to copy into feeds.yaml, said to be in full (fixlg #2)."""
    url, line = row["url"], row.get("line") or 0  # (its line: where to act, its secret masked)
    old = (
        f"the `url:` of line {line}" if secrets_of(url) and line else f"`url: {secrets_shown(url)}`"
    )
    whole = (
        " (in full, its secret too: feeds.yaml needs the exact address)"
        if secrets_of(row["moved_to"])
        else ""
    )
    replace = f"update feeds.yaml (replace {old} with `url: {row['moved_to']}`{whole})"
    if row.get("moved_to_line") is not None:  # (walk183 #6: the feed it moved to is listed)
        return (
            f"moved to {secrets_shown(row['moved_to'])}, listed already (line"
            f" {row['moved_to_line']}): remove this line ({feeds_remove_command(secrets_shown(url))})"
        )
    moved_error = moved_error_of(row["last_error"]) if row["failing_since"] else None
    if moved_error is None:
        return f"moved permanently to {row['moved_to']}: {replace}"
    if not moved_error.startswith(("HTTP 404", "HTTP 410")):  # it may answer later
        return (
            f"moved permanently to {row['moved_to']} (which failed too on its last read:"
            f" {moved_error}): {replace}"
        )
    parts = urlsplit(row["moved_to"])
    site = f"{parts.scheme}://{parts.netloc}/"
    return (
        f"moved permanently to {row['moved_to']}, but that address answered {moved_error} too:"
        f" the feed may be gone from both; `curator feeds add {shell_arg(secrets_shown(site))}`"
        f" finds the site's feeds, else {feeds_remove_command(secrets_shown(url))}"
    )


def _failing_for(row: dict[str, Any]) -> str:
    """How long a feed has failed, e.g. ", failing for 3 days (since 2026-11-22)". A feed that
    first failed less than a day ago says so too (it used to say nothing at all)."""
    if not row["failing_since"]:
        return ""
    days = row["failing_days"] or 0
    if days < 1:
        return ", failing for less than a day"
    return f", failing for {days} day{'s' if days > 1 else ''} (since {row['failing_since'][:10]})"


@feeds.command("list")
@CONFIG_OPTION
@DB_OPTION
@JSON_OPTION
def list_(config: Path, db: Path | None, as_json: bool) -> None:
    """The feeds: name, address, subject hints and health."""
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    table = shown_rows(_health(config, db))
    if as_json:
        echo_json(table)
        return
    for row in table:
        # A name with a comma is quoted, as feeds.yaml writes it (walk152 #4: `[Measuring,
        # Service, support and operations]` read as three subjects).
        hints = f"  {yaml_list(row['subjects'])}" if row["subjects"] else ""
        echo(f"{row['status']:<13} {row['name'] or '-'}  {row['url']}{hints}")


@feeds.command("check")
@CONFIG_OPTION
@DB_OPTION
@JSON_OPTION
def check(config: Path, db: Path | None, as_json: bool) -> None:
    """Each feed's health: last success, last error, entries, size, time, how long it has failed.

    \b
    Exit codes, for cron:
      0  no feed is failing (a feed never fetched yet is not a failure, nor one waiting until
         the time its server asked for)
      1  the check could not run (the store is damaged, say)
      2  a mistake in feeds.yaml
      4  one or more feeds are failing or gone: the table says which
    """
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    table = _health(config, db)
    failing = [r for r in table if r["status"] in ("failing", "gone")]
    if as_json:
        echo_json(shown_rows(table))
    else:
        _print_health(table, failing)
    if failing:
        shown = _shown_names(table)  # (walk192 #5: "Apple, Huge Digest, ..., Apple")
        raise FeedsFailing(
            f"{len(failing)} of {len(table)} feed(s) failing or gone: "
            + ", ".join(shown[id(row)] for row in failing)
        )


def _print_health(table: list[dict[str, Any]], failing: list[dict[str, Any]]) -> None:
    # (the times are UTC, as every time curator stores: said, walk124 F4)
    echo(
        f"{'status':<13} {'last success (UTC)':<20} {'newest':<10} {'entries':>7} {'KB':>7}"
        f" {'sec':>6}  feed"
    )

    shown = _shown_names(table)  # (two feeds of one name: each by its address too)
    for row in table:
        name = shown[id(row)]
        success = (row["last_success"] or "never")[:19].replace("T", " ")
        size = f"{(row['bytes'] or 0) / 1024:.0f}" if row["bytes"] is not None else "-"
        secs = f"{row['seconds']:.2f}" if row["seconds"] is not None else "-"
        newest = "no dates" if row.get("undated") else (row["newest_entry"] or "-")[:10]
        echo(
            f"{row['status']:<13} {success:<20} {newest:<10} {row['entries']:>7} {size:>7}"
            f" {secs:>6}  {name}"
        )
        if row["last_error"]:
            since = "" if row["status"] == "waiting" else _failing_for(row)
            # (an address in it, a redirect's, masked: fixln #1)
            echo(f"{'':<13} last error: {secrets_masked_in(row['last_error'])}{since}")
        if row["not_well_formed"]:
            since = (row["not_well_formed_since"] or "")[:16].replace("T", " ")
            echo(
                f"{'':<13} not well formed since {since} UTC: {row['not_well_formed']};"
                " entries may be missing until the publisher fixes it"
            )
        if row["wait_until"] and row["wait_until"] > datetime.now(UTC).isoformat():
            until = row["wait_until"][:16].replace("T", " ")
            who = (
                "it answered 429 naming no wait, and curator waits until"
                if own_wait_said(row["last_error"])
                else "the server asked curator to wait until"
            )
            echo(f"{'':<13} {who} {until} UTC: it is not asked before then")
        if row["moved_to"]:
            echo(f"{'':<13} {_moved_advice(row)}")
        if row["emptied"]:
            echo(
                f"{'':<13} its last read found 0 entries, though curator stored"
                f" {row['articles']} article(s) from it: the feed may be broken; open it in a"
                " browser"
            )
        elif row["status"] == "ok" and row["last_success"] and not row["entries"]:
            # walk152 #14: "ok ... 0" and nothing more, as if all were well with it.
            echo(
                f"{'':<13} the feed lists no articles (0 entries on its last read): it gives the"
                " issue nothing until it does"
            )
    look = [
        r for r in table if r in failing or r["not_well_formed"] or r["moved_to"] or r["emptied"]
    ]
    if look:
        echo(f"{len(look)} of {len(table)} feed(s) need a look.")


@click.command("init")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
def init(directory: Path) -> None:
    """Start a new newsletter folder: a commented feeds.yaml, templates to customise, .gitignore."""
    written = init_newsletter(directory)
    for path in written:
        echo(f"  wrote {path}")
    config = directory / "feeds.yaml"
    echo(f"Edit {config}, then run: curator build --config {shell_arg(config)}")


__all__ = ["feeds", "init"]
