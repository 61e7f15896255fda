"""`curator feeds ...` and `curator init`: managing the feed list as editors do."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
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
    QUIET_OPTION,
    WAIT_OPTION,
    composed_names,
    echo,
    echo_json,
    loaded,
    opened,
    said_warnings,
    warn,
)
from curator.cli.common import echo as say
from curator.cli.report_feeds import shown_feed_names
from curator.cli.streams import changes_nothing
from curator.config import Config, ConfigError
from curator.config_load import load_config
from curator.config_values import check_feed_address, name_bars_fault
from curator.discover import read_feed
from curator.errors import CuratorError, FeedsFailing, InputError, shell_arg
from curator.feedsecrets import secrets_said
from curator.feedsfile import (
    DuplicateFeedError,
    FeedSpec,
    add_feed,
    read_feeds,
    remove_feed,
    yaml_list,
    yaml_scalar,
)
from curator.feedsfile_init import init_newsletter
from curator.feedsfile_opml import (
    OpmlImport,
    export_feeds,
    has_markup,
    import_subscriptions,
)
from curator.feedsfile_titles import import_name, title_fault
from curator.fetch import FetchRequest, fetch_all
from curator.harvest import QUIET_AFTER, fetch_settings, own_wait_said
from curator.models import FetchResult
from curator.publish import write_atomic
from curator.publishissue import missing_store_said
from curator.runlock import BuildError
from curator.store import Store, moved_error_of
from curator.urls import address_fault, feed_address, feed_key, scheme_left_out


@click.group()
def feeds() -> None:
    """List, add, remove, import, export and check the feeds in feeds.yaml."""


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
        echo(f"curator: {given} is read as {read}: {why}", err=True)

    def refused(message: str) -> InputError:
        return InputError(f"{message}; nothing added")

    check_feed_address(read, Path.cwd() / "feeds.yaml", refused)
    return read


#: How many of the addresses `feeds add` tried it lists, one a line (a page may declare hundreds).
_TRIED_SHOWN = 25


def _tried(rejected: Sequence[tuple[str, str]]) -> str:
    """The addresses tried for a feed and why each is not one, one a line after the message."""
    if not rejected:
        return ""
    lines = [f"  {address}: {why}" for address, why in rejected[:_TRIED_SHOWN]]
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
    conf = loaded(config)
    if name and "||" in name:  # walk155 #1: feeds.yaml's own check refuses it too
        message = name_bars_fault(name).replace("`name: ", "`--name ", 2)
        raise InputError(f"{message}; nothing added")
    # A subject mistyped in the command: did-you-mean and exit 2 (InputError), as everywhere.
    subjects = conf.subjects_named(subjects)
    fetched, written = _feed_address(conf, _checked_address(url))
    if any(source.is_file and source.url == fetched for source in conf.feeds):
        raise DuplicateFeedError(f"{config}: {written} is already in the feeds list")
    listed = {feed_key(spec.url): spec.url for spec in read_feeds(config)}
    if feed_key(written) in listed:  # its https:// form, say: said before it is read (walk45 #8)
        raise DuplicateFeedError(
            f"{config}: {written} is already in the feeds list, as {listed[feed_key(written)]}"
        )
    if no_check:
        said: list[str] = []
        add_feed(config, written, name, subjects, said)
        echo(f"Added {written} without reading it; `curator fetch` will read it")
        for note in said:
            warn(note)
        _held_already(conf, config, written)
        return
    found = discover_feeds(conf, fetched)
    if found.error:
        raise CuratorError(f"{url}: {found.error}")
    if not found.feeds:
        raise CuratorError(
            f"{url}: no feed found; give the feed's own address if the site has one"
            + _tried(found.rejected)
        )
    if len(found.feeds) > 1 and not found.is_feed:
        echo(f"{url} offers {len(found.feeds)} feeds; adding the first:", err=True)
        for feed in found.feeds:
            echo(f"  {feed.url}  {feed.title or ''}", err=True)
    best = found.feeds[0]
    address = written if found.is_feed else best.url
    moved = found.moved_to if found.is_feed else None
    if moved and feed_key(moved) != feed_key(written):
        # walk178 #6: the address given was added, no word of its move, and the next fetch asked
        # to replace the line just written: the feed's own address is listed, and that is said.
        echo(
            f"{written} has moved permanently to {moved} (its server redirects there for good):"
            " adding the new address",
            err=True,
        )
        address = moved
    # Where the address leads (a 301 to a feed listed already, walk45 #5) is compared too.
    for where in (found.final_url if found.is_feed else None, best.url):
        if where and feed_key(where) in listed:
            raise DuplicateFeedError(
                f"{config}: {url} leads to {where}, which is already in the feeds list as"
                f" {listed[feed_key(where)]}; nothing added"
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
        f"Added {address}"
        + (f" ({own})" if own else "")
        + f": read to check it, a feed of {entries}; its articles are stored at the next"
        " `curator fetch` or `curator build` (until then `curator feeds list` says it was never"
        " fetched)"
    )
    for note in rewritten:
        warn(note)
    _held_already(conf, config, address)
    _same_entries(conf, config, address, best.keys)
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


def _held_already(
    conf: Config, config: Path, address: str, *, named: bool = False, err: bool = False
) -> None:
    """Say what the store holds already of the feed just added: one removed earlier and added
    back (walk150 #7: "Added ..." alone, while 5,000 of its articles were stored). `named`: say
    which feed (`feeds import` adds several; walk155 #6: it took none of them back)."""
    if not conf.settings.store.exists():
        return
    forms = [address]
    if not address.startswith(("http://", "https://")):  # a local file: stored by its full path
        forms.append(str((config.parent / address).resolve()))
    with opened(config, None) as (_, store):
        back = store.undrop_feed_waiting(forms)
        total, unfeatured, dead = store.feed_articles(forms)
    if not total:
        return
    gone = f" ({dead} more are dead links, pages gone: never picked)" if dead else ""
    dropped = f", {back} of them left out by its removal until now" if back else ""
    echo(
        f"The store still holds {total} article(s) of "
        + (address if named else "this feed")
        + ", from before it was removed:"
        f" {unfeatured - dead} no issue featured{dropped}, which can be picked for the next"
        f" issues again{gone}",
        err=err,
    )


def _same_entries(conf: Config, config: Path, address: str, keys: Sequence[str]) -> str | None:
    """Warn when most of the entries of the feed just added are stored articles of a listed feed:
    the same feed at another address (a renamed file, a mirror) adds nothing but a second line
    (walk47 new 3: gulp.xml added beside gulp-new.xml, "Added" and nothing more). Only what the
    store holds is compared: a listed feed never fetched is not. The listed feed's address when
    it warned (`feeds import --json` marks the copy: walk183 #1)."""
    if not keys or not conf.settings.store.exists():
        return None
    specs = {source.url: source for source in conf.feeds}  # as the store has them (resolved)
    with opened(config, None, lock=False, reading=True) as (_, store):
        held = store.feeds_holding(keys)
        moves = store.advised_moves()
        states = {url: store.feed_state(url) for url in held}
    for stored, count in sorted(held.items(), key=lambda item: -item[1]):
        listed = specs.get(stored)
        if listed is None or feed_key(listed.url) == feed_key(address) or count * 2 <= len(keys):
            continue
        named = f" ({listed.name})" if listed.name else ""
        share = "all" if count >= len(keys) else f"{count}"
        # walk169 #5: the listed feed moved here (a 301 recorded, or its page named this feed),
        # or its address is gone: the old line is the one to remove, not the new.
        moved = moves.get(stored)
        state = states[stored]
        why = (
            f"its address moved to {address}"
            if moved and feed_key(moved) == feed_key(address)
            else f"its address now answers {state.last_error}"
            if state.last_error and (state.gone or state.last_error.startswith("HTTP 404"))
            else None
        )
        # (said with warn: `feeds import --json` holds it in `warnings`, walk183 #1)
        if why:
            warn(
                f"{address} serves the same articles as {listed.url}{named},"
                f" already in the feeds list, and {why}: remove the old one, `curator feeds"
                f" remove {shell_arg(listed.url)}`; once it is removed, a fetch carries its"
                f" stored articles over to {address}"
            )
            return listed.url
        warn(
            f"{address} serves the same articles as {listed.url}{named}, already"
            f" in the feeds list: {share} of its {len(keys)} entries are stored as that feed's."
            f" If it is the same feed (a new address, a copy), remove one: `curator feeds remove"
            f" {shell_arg(address)}`; it adds nothing but a second line in {config}"
        )
        return listed.url
    return None


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
    echo(f"Removed {spec.url}{named}")
    load_config(config)  # what is still wrong, with its line, and exit 2


def _moved_to_listed(conf: Config, config: Path) -> dict[str, str]:
    """The feeds the store knows moved (a 301, a page naming its new feed, a replacement the
    editor made as advised) to a feed listed now, by `feed_key`, each with why it is not added
    again: "it moved to URL (line 12), listed already" (walk169 #6: an import re-added them)."""
    if not conf.settings.store.exists():
        return {}
    with opened(config, None, lock=False, reading=True) as (_, store):
        moves = store.recorded_moves()
    listed = {feed_key(s.url): s for s in conf.feeds}
    refuse: dict[str, str] = {}
    for old, new in moves.items():
        spec = listed.get(feed_key(new))
        if spec is None or feed_key(old) in listed:
            continue
        line = f" (line {spec.line})" if spec.line else ""
        refuse[feed_key(old)] = f"it moved to {spec.url}{line}, listed already"
    return refuse


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
        f": it moved to {spec.url}{line}, which replaced it (its stored articles are that"
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
            f"{config}: {url} is not in the feeds list{_moved_where(conf, url, store)};"
            " `curator feeds list` shows them"
        )
    named = f" ({spec.name})" if spec.name else ""
    given = f", the feed listed for the {url} you gave" if spec.url != url.strip() else ""
    echo(f"Removed {spec.url}{named}{given}")
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
        one = shell_arg(store.feed_waiting_article([spec.url, stored or spec.url]) or spec.url)
        echo(
            f"Its {total} stored article(s) stay in the archive, and the {pickable} no issue"
            f" featured can still be picked for the next issues{also}. To keep one out, run"
            f" `curator subjects exclude {one}` (that one; another by its address): it keeps it"
            f" out of every issue (`curator subjects undo {one}` takes it back); cutting it from"
            " a draft keeps it out of that issue only,"
            " and the next `curator draft` can pick it again. To leave them all out at once:"
            # (walk180 #7: `feeds add` first was advised, which refuses a feed gone, 410)
            f" `curator feeds remove {shell_arg(spec.url)} --drop-waiting`."
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
    echo(f"{url} is not in the feeds list (removed already).")
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
        answered = state.last_error or "that it is gone"
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


@feeds.command("import")
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
    done = import_subscriptions(
        config,
        data,
        str(opml_file),
        known,
        add_subjects=add_subjects,
        refuse=_moved_to_listed(conf, config),
        check=None if no_check else _import_check(conf, config, quiet, keys, moves, moved_from),
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
                f"{moved_from[spec.url]} has moved permanently to {spec.url} (its server"
                " redirects there for good): the new address was added",
                err=True,
            )
    for spec in done.added:
        # walk155 #6: a feed removed with --drop-waiting and imported back, as `feeds add` does
        _held_already(conf, config, spec.url, named=True, err=as_json)
        # walk180 #5: a copy of a feed listed already (another address of it) is said, as
        # `feeds add` says it
        if copy := _same_entries(conf, config, spec.url, keys.get(feed_key(spec.url), ())):
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
            f"{opml_file}:{line_no}: the title {odd_title!r} of {url} was not written as `name:`: {why};"
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
                echo(f"  {title} ({url})", err=True)
        if shortened:
            echo(
                f"{len(shortened)} feed title(s) were cut to the part that names the site:",
                err=True,
            )
            for title, name, url in shortened:
                echo(f"  {title} -> name: {name} ({url})", err=True)
        echo(
            "A feed without `name:` is credited to its pages' site name, else the feed's own"
            f" title; to credit a name of your own, write `name:` under the feed in {config}.",
            err=True,
        )
    for left, why_left in (
        (done.unreadable, "Not added: {n} that gave no feed when read"),
        (done.refused, "Skipped {n} that moved to a feed already listed"),
    ):
        if left:
            echo(why_left.format(n=len(left)) + " (as `feeds add` refuses them):", err=True)
            for spec, why in left:
                echo(f"  {spec.url}: {why}", err=True)
    if skipped:
        echo(f"Skipped {len(skipped)} already listed (left as they are):", err=True)
        lines = {feed_key(spec.url): spec for spec in read_feeds(config)}
        for spec in skipped:
            listed = lines.get(feed_key(spec.url))
            line = listed.url if listed else spec.url
            echo(f"  {spec.url}" + (f" (listed as {line})" if line != spec.url else ""), err=True)
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
            echo(f"  {url} ({count} times{subjects})", err=True)
    if done.unhinted:
        # An import adds feeds; it never rewrites one the editor already has.
        echo(
            f"{len(done.unhinted)} of the feeds already listed are in an OPML folder that is a"
            " subject they do not hint at, and were not changed: to have them hint at it, write"
            f" this under each in {config}:",
            err=True,
        )
        for url, line in done.hint_lines():
            echo(f"  {url}\n      {line}", err=True)
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
                "added": [spec.url for spec in done.added],
                "copies": [{"url": url, "same_articles_as": of} for url, of in copied.items()],
                "listed_already": [spec.url for spec in skipped],
                "moved_to_listed": [{"url": spec.url, "why": why} for spec, why in done.refused],
                "not_added": [{"url": spec.url, "why": why} for spec, why in done.unreadable],
                "left_out": [
                    {"url": url, "text": text, **left_why.get(url, {})}
                    for url, text in done.rejected
                ],
            }
        )


#: How many feeds an import reads between two lines of its progress.
_IMPORT_PROGRESS_EVERY = 25


def _import_check(
    conf: Config,
    config: Path,
    quiet: bool,
    keys: dict[str, tuple[str, ...]],
    moves: dict[str, str],
    moved_from: dict[str, str],
) -> Callable[[Sequence[FeedSpec]], dict[str, str]]:
    """How `feeds import` reads the feeds it is to add before adding them, as `feeds add` reads
    one (walk169 #6: a 404 was imported where `feeds add` refused it): all at once, within the
    fetch settings' limits overall and per host (the build's politeness), a progress line every
    `_IMPORT_PROGRESS_EVERY` feeds unless `quiet`. Those that give no feed, by `feed_key`, with
    why and what to do; the URL keys of the entries of each that is one go in `keys`, and the
    new address of each moved for good (a 301, as `feeds add` adds it) in `moves` (and its
    address given, by the new one, in `moved_from`)."""

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
        if result.error_kind == "gone" or _gone_error(error):
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
        said[xml_url] = {"why": why, "address": web}
        warn(f"{at}: {text or 'an outline'} ({xml_url}) {why}")
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
        days = (now - datetime.fromisoformat(str(failing))).days if failing else None
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
                "name": source.name or row.get("title") or "",
                "subjects": list(source.subjects),
                "status": "never fetched"
                if not row
                else "gone"
                if row.get("gone") or (failing and _gone_error(row.get("last_error")))
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


def _gone_error(error: object) -> bool:
    """Whether a feed's last error says its address is gone: a 404 is "gone" as a 410 is, as the
    build's advice and README say of both (walk126 #5: a 404 was listed "failing", a 410
    "gone")."""
    return str(error or "").startswith("HTTP 404")


def _moved_advice(row: dict[str, Any]) -> str:
    """What `feeds check` says of a feed moved for good, as fetch said it (walk136 #132-2: it
    advised the new address right after that address answered 404 too)."""
    replace = f"update feeds.yaml (replace `url: {row['url']}` with `url: {row['moved_to']}`)"
    if row.get("moved_to_line") is not None:  # (walk183 #6: the feed it moved to is listed)
        return (
            f"moved to {row['moved_to']}, listed already (line {row['moved_to_line']}): remove"
            f" this line (`curator feeds remove {shell_arg(row['url'])}`)"
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
        f" the feed may be gone from both; `curator feeds add {shell_arg(site)}` finds the"
        f" site's feeds, else `curator feeds remove {shell_arg(row['url'])}`"
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
    table = _health(config, db)
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
        echo_json(table)
    else:
        _print_health(table, failing)
    if failing:
        shown = shown_feed_names(table)  # (walk192 #5: "Apple, Huge Digest, ..., Apple")
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

    shown = shown_feed_names(table)  # (two feeds of one name: each by its address too)
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
            echo(f"{'':<13} last error: {row['last_error']}{since}")
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
