"""The `curator` command line (click): thin commands that call the app and print."""

from __future__ import annotations

import click

from curator import __version__


@click.group()
@click.version_option(__version__, prog_name="curator")
def cli() -> None:
    """Build a curated newsletter issue, grouped by subject, from the feeds you follow."""


def main() -> None:
    cli()
