"""What curator's commands share: their options, exit codes, one-line errors, opening a newsletter."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import click

from curator.app import BuildError, build_lock
from curator.config import Config, ConfigError, load_config
from curator.store import Store, StoreError

#: Exit codes: 0 the issue was built (or nothing new), 1 no issue could be built, 2 a configuration
#: mistake, 130 interrupted (Ctrl-C), as shells report SIGINT.
EXIT_FAILED, EXIT_CONFIG, EXIT_INTERRUPTED = 1, 2, 130

CONFIG_OPTION = click.option(
    "--config",
    "-c",
    type=click.Path(path_type=Path),
    default=Path("feeds.yaml"),
    show_default=True,
    help="The newsletter's configuration.",
)
DB_OPTION = click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=None,
    help="The store (SQLite file). Default: settings.store in the config.",
)
QUIET_OPTION = click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
JSON_OPTION = click.option(
    "--json", "as_json", is_flag=True, help="Print machine-readable output on stdout."
)


def fail(message: str, code: int) -> click.exceptions.Exit:
    """Say what went wrong in one line on stderr; raise the result to exit with `code`."""
    click.echo(f"curator: {message}", err=True)
    return click.exceptions.Exit(code)


@contextmanager
def opened(
    config_path: Path, db: Path | None, *, lock: bool = True
) -> Iterator[tuple[Config, Store]]:
    """Load the config and open the store (holding the run lock, for commands that write);
    every error becomes one line and an exit code."""
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise fail(str(exc), EXIT_CONFIG) from None
    store_path = db or config.settings.store
    try:
        with build_lock(store_path) if lock else nullcontext(), Store.open(store_path) as store:
            yield config, store
    except (StoreError, BuildError) as exc:
        raise fail(str(exc), EXIT_FAILED) from None
    except KeyboardInterrupt:
        raise fail("interrupted; what was stored before is kept", EXIT_INTERRUPTED) from None
