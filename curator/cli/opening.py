"""Opening a newsletter for a command: its config read, its store checked, locked and opened.

`opened` is what every command that reads or writes the store runs in: the config loaded and
checked, a store that is not there refused or made (`check_store`, which says a new store made in
a git checkout: `git_checkout`), the run lock taken (or the store only read, in a copy when
something must be worked out first), and what goes wrong around the store while the command runs
(Ctrl-C or SIGTERM, a failed write) said plainly, naming what the run had published. Split from
`curator.cli.common`, which keeps the options, the output and the notes every command shares.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import click

from curator.app import RUN_WAIT, BuildError, build_lock
from curator.cli.common import (
    COPY_GIVEN,
    DB_GIVEN,
    INTERRUPTED,
    STORE_OPENED,
    WAIT,
    interrupted,
    loaded,
    run_note,
    usable_path,
)
from curator.config import Config
from curator.errors import CuratorError
from curator.harvest import FetchStopped
from curator.killedissue import killed_run_said
from curator.olddates import fill_issue_dates
from curator.ownership import stop_for_another_newsletters_store, stop_for_shared_folder_first
from curator.placement import pending
from curator.publishissue import missing_store_said
from curator.runoverlap import drafted_meanwhile, published_meanwhile
from curator.store import Store
from curator.storeerrors import StoreError, file_in_the_way, plain_store_error, read_only_source


def check_store(
    config: Config,
    db: Path | None,
    *,
    create: bool,
    published: str | None = None,
    out_dir: Path | None = None,
) -> None:
    """A store that is not there: a command that only reads one refuses it (a mistyped --db must
    not quietly make an empty store and report on it); `fetch`, `build` and `draft` make one, and
    say so when it is not the config's own (`settings.store`).

    The config's own store missing while its output folder holds published issues is said as
    that (`missing_store_said`) by a command that only reads, and stops one given `published`
    (what it says was not done: `fetch`'s "Nothing was fetched", `build`'s "Nothing was
    published"), before the store is made (fixia: `build` and `draft` made it empty first, and
    the next `fetch` stopped on that empty store with another reason). `out_dir`: the folder
    the command publishes into (`build --out`), when not the config's."""
    store_path = db or config.settings.store
    usable_path(store_path)
    ctx = click.get_current_context(silent=True)
    if ctx is not None and db is not None and db.resolve() != config.settings.store.resolve():
        ctx.meta[DB_GIVEN] = db  # the commands its advice names need it too (`run_args`)
    if store_path.exists():
        return
    own = db is None or os.path.abspath(db) == os.path.abspath(config.settings.store)
    if own and (not create or published is not None):
        # (walk176 #3: "nothing has been fetched yet; run curator fetch", and fetch began a
        # second archive beside the 11 issues published)
        said = missing_store_said(
            store_path, out_dir or config.settings.output, published or "", config
        )
        if said is not None:
            raise BuildError(said)
    if (blocking := file_in_the_way(store_path.parent)) is not None:  # (walk141 #6)
        raise StoreError(
            f"{store_path}: {blocking} is a file, not a folder, so the store cannot be there:"
            " move that file away (the store goes in a folder of that name), or give another"
            " store with --db or settings: store in feeds.yaml"
        )
    if not create:
        if db is not None:
            raise CuratorError(
                f"no store at {db}: check the --db path (the config's store is"
                f" {config.settings.store}), or leave --db out"
            )
        raise CuratorError(
            f"no store at {store_path}: nothing has been fetched for this newsletter yet; run"
            " `curator fetch` (or `curator build`) first"
        )
    # Another newsletter's config file beside this one that would share the new store stops the
    # run before the store is made (fixjp #2: an empty store file was left behind).
    out = out_dir or config.settings.output
    stop_for_shared_folder_first(config, store_path, out, published or "Nothing was done")
    if db is not None and db.resolve() != config.settings.store.resolve():
        click.echo(
            f"curator: a new store at {db} (--db names no existing file; the config's store is"
            f" {config.settings.store})",
            err=True,
        )
    elif (checkout := git_checkout(config.path.parent)) is not None:
        # walk175 #6: a CI job building from a fresh clone (the store is kept out of git by the
        # .gitignore `curator init` writes) made a new store and published issue 1 again, every
        # run, without a word. A new store in a git checkout is said, in --json's `warnings` too.
        run_note(
            f"a new store is made at {store_path} (in the git checkout {checkout}): this is the"
            " newsletter's first run; if it is not (a CI job's fresh checkout, a moved or copied"
            " folder), stop and put the store back (a backup: `curator backup`), or this run"
            " numbers its issue 1 again and publishes articles already sent"
        )


def git_checkout(folder: Path) -> Path | None:
    """The git work tree `folder` lies in (the folder holding `.git`), or None; None too when it
    is curator's own source tree (README's demo, `examples/`, run from a clone of curator: its
    first build makes a store, and that is no newsletter's checkout)."""
    try:
        here = folder.resolve()
        own = Path(__file__).resolve()
    except OSError:
        return None
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return None if own.is_relative_to(candidate) else candidate
    return None


def _say_copies(config: Config, store: Store, store_path: Path) -> None:
    """For a command that only reads: a line on stderr (unless --quiet) when it works in a copy
    of the store, with why: what it shows is as the next
    build will have it, and the store is left as it is (walk150 #4)."""
    kept = "the store itself is left as it is"
    if store.upgraded_in_copy is not None:
        click.echo(
            f"curator: the store {store_path} is of an older curator (schema"
            f" {store.upgraded_in_copy}): this command only reads it, so it shows it upgraded, in"
            f" a copy; {kept}, and the next `curator fetch` or `curator build` upgrades it",
            err=True,
        )
        return

    def copied() -> None:
        # (a copy made for a note kept, or a model fitted again, which says itself, changes
        # nothing of what is shown: said only when articles are placed there)
        ctx = click.get_current_context(silent=True)
        if (why := pending(config, store)) and not (ctx and ctx.params.get("quiet")):
            click.echo(
                f"curator: {why[0].upper()}{why[1:]}: not done in the store yet, so this command"
                f" did it in a copy, and shows what the next build will place; this command only"
                f" reads {store_path}: {kept}",
                err=True,
            )

    store.on_copy = copied


@contextmanager
def opened(
    config_path: Path,
    db: Path | None,
    *,
    lock: bool = True,
    create: bool = False,
    reading: bool = False,
    published: str | None = None,
    out_dir: Path | None = None,
    checked: Callable[[Config], None] | None = None,
    owner_checked: bool = False,
    one_issue: bool = False,
) -> Iterator[tuple[Config, Store]]:
    """Load the config and open the store (holding the run lock, for commands that write: when
    another curator run holds it, this one waits up to --wait seconds, saying so, with --quiet too).

    Raises `ConfigError`, `StoreError` or `BuildError` (the lock is held) as they come, a
    `StoreError` saying what to do when the store's file or disk fails a write (read-only, full,
    locked by another program), and `Interrupted` for Ctrl-C while the store is open, naming the
    issue the run published if it got that far. While a write waits for another program to
    release the store, a line on stderr says so (with --quiet too: a run that seems to hang
    should say why). A store that is not there is made only with `create` (see `check_store`).

    With `reading` (a command that only reads: `themes`, the `subjects` reports, `feeds list`),
    no lock is taken and the store is never written (`Store.open_for_reading`): what the command
    would write first (the articles placed again after the subjects changed) is worked out in a
    copy, and a line on stderr says so (walk150 #4). `published`, `out_dir`: see `check_store`.
    `checked`: what else of the config the command needs right (its templates), checked before
    a new store is made (fixie #3: "a new store is made", then a template's mistake stopped it).

    A command that writes stops when the store is another newsletter's, as `build` does
    (`stop_for_another_newsletters_store`; walk186 #2: `fetch` from cron stored one newsletter's
    articles in the other's store, which then published them); `owner_checked`: the command
    checks that itself, where it says more (`build`, `draft`, `render`).
    `one_issue` (a plain build or draft): a run that waited for another which published an
    issue meanwhile stops (`runoverlap.PublishedMeanwhile`, walk186 #5).
    """
    config = loaded(config_path)
    if checked is not None:
        checked(config)
    check_store(config, db, create=create, published=published, out_dir=out_dir)
    store_path = db or config.settings.store
    ctx = click.get_current_context(silent=True)
    published_now: list[int] = []
    fetched: str | None = None  # what a stopped fetch stored (`FetchStopped.said`)
    meta = ctx.meta if ctx is not None else {}
    meta[STORE_OPENED] = store_path
    quiet = ctx is not None and bool(ctx.params.get("quiet"))

    def waiting(line: str) -> None:  # what a run that seems to hang is doing
        # with --quiet too, as a store that is busy (walk186 #5: a cron log never said that
        # the build had waited for another one)
        click.echo(f"curator: {line}", err=True)

    command = " ".join(["curator", *(ctx.command_path.split()[1:] if ctx is not None else [])])
    stopped: list[str] = []  # the notice of a killed run (`killed_run_said`)
    run_lock = build_lock(
        store_path,
        wait=meta.get(WAIT, RUN_WAIT),
        on_wait=waiting,
        command=command,
        # once, with --quiet too, when the store is open (fixlv: naming its issue)
        on_stopped=stopped.append,
    )
    # A store on a read-only file system is only read by the commands that do not make one
    # (walk92 #4): nothing can change it, so no lock is needed; `fetch`, `build` and `draft`
    # stop at the lock as before, saying so, before they fetch anything.
    read_only = None if create else read_only_source(store_path)
    # Left for later (walk150 #4): the reports on the newsletter's own store still place what
    # they show there first (many runs and tests lean on it); a store given with --db that is
    # not it (a backup, a copy), or one on a read-only file system, is only read.
    own = db is None or os.path.abspath(db) == os.path.abspath(config.settings.store)
    # (a report that places what it shows in the store first: stopped by another's as a write)
    nothing = published or ("Nothing was shown" if reading else "Nothing was done")
    reading = reading and (not own or read_only is not None)
    if reading and not own and ctx is not None and config.settings.store.exists():
        # A report on a copy: what it advises is done on the newsletter's own store (walk160 #7)
        ctx.meta.pop(DB_GIVEN, None)
        ctx.meta[COPY_GIVEN] = (store_path, config.settings.store)
    if read_only is not None:  # once, with --quiet too: why a command that changes it stops
        click.echo(
            f"curator: the store {store_path} is on a read-only file system: it is only read"
            " (a command that would change it stops, saying so)",
            err=True,
        )

    def open_store() -> Store:
        if reading:
            return Store.open_for_reading(store_path, read_only)
        if read_only is None:
            return Store.open(store_path)
        return Store.open_read_only(store_path, read_only)

    held = lock and not reading and read_only is None
    try:
        with run_lock if held else nullcontext() as since, open_store() as store:
            for line in stopped:  # what a killed run had not stored, and its issue (fixlv)
                run_note(
                    killed_run_said(line, store, out_dir or config.settings.output),
                    prefix="curator: ",
                )
            stopped.clear()
            store.on_wait = lambda line: click.echo(f"curator: {line}", err=True)
            store.first_issue = config.settings.first_issue  # (walk202 #2)
            if create:  # `fetch`, `build`, `draft`: a read-only store stops them before fetching
                store.check_writable()
                store.check_whole()  # and so does a damaged one (walk174 #3)
            if store.upgraded is not None:  # once, with --quiet too: the way back is its copy
                click.echo(f"curator: {store.upgraded.message()}", err=True)
            drafting = command.split()[1:2] == ["draft"]
            drafts = config.settings.drafts or config.folder / "drafts"
            if (
                one_issue
                and since is not None
                and (
                    stop := published_meanwhile(store, since, drafting=drafting)
                    or (None if drafting else drafted_meanwhile(store, since, drafts))
                )
            ):
                raise stop
            if reading:
                _say_copies(config, store, store_path)
            elif not owner_checked:  # (before anything is written: walk186 #2)
                stop_for_another_newsletters_store(
                    config,
                    store,
                    out_dir or config.settings.output,
                    nothing=nothing,
                )
            # (walk187 #3: an older curator's issues, which its store kept no date for)
            filled = fill_issue_dates(config, store, out_dir or config.settings.output, write=held)
            if filled is not None and not quiet:
                click.echo(f"curator: {filled}", err=True)
            before = store.next_issue_number()
            try:
                yield config, store
            except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (on_sigterm)
                published_now = list(range(before, store.next_issue_number()))
                done = stop if isinstance(stop, FetchStopped) else None
                if done is None and store.fetched_this_run is not None:
                    stored, feeds = store.fetched_this_run  # (the fetch was done: walk192 #4)
                    done = FetchStopped(stored, feeds, feeds)
                fetched = done.said() if done is not None else None
                raise
            except sqlite3.Error as exc:
                plain = plain_store_error(exc, store.path)
                if plain is None:  # a mistake of curator's own: raised as it is
                    raise
                raise plain from None
            published_now = list(range(before, store.next_issue_number()))
            if ctx is not None and published_now:
                ctx.meta[INTERRUPTED] = (published_now, store_path)
    except KeyboardInterrupt:
        raise interrupted(published_now, store_path, fetched) from None
    finally:
        for line in stopped:  # (the store could not be opened)
            run_note(line, prefix="curator: ")
