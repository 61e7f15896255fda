"""Options shared by curator's commands, defined once so every command says the same."""

from __future__ import annotations

from pathlib import Path

import click

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
