"""The root group `curator`: the exit-code table in `--help` and the one error handler.

Commands never print an error and exit themselves: they raise a `curator.errors.CuratorError`
(the library's errors all are), and `CuratorGroup.invoke` prints it as one line,
`curator: <message>`, and exits with the error's code.
"""

from __future__ import annotations

import sqlite3
import textwrap
from typing import Any, NoReturn, cast

import click

from curator import __version__
from curator.cli.build import backup, build, draft, fetch, preview
from curator.cli.common import (
    INTERRUPTED,
    JSON_ASKED,
    JSON_GIVEN,
    JSON_PRINTED,
    STORE_OPENED,
    interrupted,
    pasteable,
    stopped,
)
from curator.cli.extract import extract
from curator.cli.featured import featured
from curator.cli.feeds import feeds, init
from curator.cli.render import render
from curator.cli.subjects import subjects
from curator.cli.themes import themes
from curator.deps import missing_package
from curator.errors import EXIT_CODES, CuratorError, json_document, refusal_document
from curator.htmltext import terminal_text, without_passwords
from curator.storeerrors import damaged_in_use, is_damage


def exit_code_table() -> str:
    """The exit codes as `curator --help` shows them (click keeps a `\\b` paragraph as it is)."""
    lines = ["\b", "Exit codes:"]
    for code, meaning in EXIT_CODES:
        lines += textwrap.wrap(
            meaning, width=76, initial_indent=f"  {code:<5}", subsequent_indent=" " * 7
        )
    return "\n".join(lines)


class CuratorGroup(click.Group):
    """The root group: every command runs inside its `invoke`, so this is where an error becomes
    one line on stderr and an exit code (for `curator` and for `CliRunner().invoke(cli)` alike)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # The whole command line passes here first: note --json before anything can go wrong.
        # (a copy: click's parser takes the arguments off the list it is given)
        options = list(args[: args.index("--")] if "--" in args else args)
        if "--json" in options:
            ctx.meta[JSON_ASKED] = True
        ctx.meta[_COMMAND_LINE] = options
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            usage_failed(ctx, self._misplaced(error, options), _named(self, options)[:1])
        except click.ClickException as error:
            usage_failed(ctx, error)

    def _misplaced(self, error: click.NoSuchOption, args: list[str]) -> click.ClickException:
        """`curator --json build`, `curator subjects --json list`: an option of the command
        written before its name, which click answered "No such option '--json'. Did you mean
        '--version'?" (walk124 F7; fixjz #2: a group's command too)."""
        named = _named(self, args)
        command: click.Command = self
        for name in named:
            command = cast(click.Group, command).commands[name]
        if not named or isinstance(command, click.Group):
            return error
        takes = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
        if error.option_name not in takes:
            return error
        return click.UsageError(
            f"{error.option_name} goes after the command's name: curator {' '.join(named)}"
            f" {error.option_name} ...",
            error.ctx,
        )

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CuratorError as error:
            fail(ctx, error)
        except click.NoSuchOption as error:  # a group's (`subjects --json list`) or a command's
            usage_failed(ctx, self._misplaced(error, ctx.meta.get(_COMMAND_LINE, [])))
        except click.ClickException as error:  # a subcommand's options or arguments
            usage_failed(ctx, error)
        except sqlite3.DatabaseError as error:
            # A damaged store met outside the store's own error handling (walk174 #3: build,
            # fetch, subjects list ended in a traceback); any other SQLite error is a mistake
            # of curator's own, raised as it is.
            if not is_damage(error):
                raise
            fail(ctx, damaged_in_use(ctx.meta.get(STORE_OPENED), error))
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (common.on_sigterm)
            # After the store is closed (while the report is printed): what was published is out.
            if INTERRUPTED in ctx.meta:
                numbers, store_path = ctx.meta[INTERRUPTED]
                fail(ctx, interrupted(numbers, store_path))
            fail(ctx, stopped())
        except ImportError as error:  # a package imported only when a command needs it
            broken = missing_package(error)
            if broken is None:
                raise
            fail(ctx, broken)


#: `ctx.meta` key: the command line's options and arguments (up to a `--`), as the root got them.
_COMMAND_LINE = "curator.command_line"


def _named(group: click.Group, args: list[str]) -> list[str]:
    """The names of the command (and the group's command...) on the command line `args`:
    `["subjects", "list"]`."""
    named: list[str] = []
    current: click.Command = group
    for arg in args:
        if isinstance(current, click.Group) and arg in current.commands:
            named.append(arg)
            current = current.commands[arg]
    return named


def fail(ctx: click.Context, error: CuratorError) -> NoReturn:
    """End the run for `error`: `curator: <message>` on stderr, and with --json (unless the
    command already printed its JSON output) `{"error": <message>, "exit": <code>}` on stdout
    (with `"issue": null` first for `build` and `draft`: `refusal_document`)."""
    message = pasteable(str(error), ctx.meta)  # its advice with the run's --config (walk56 #3)
    message = terminal_text(message)  # it may quote a feed's or a page's text (walk173 #1)
    click.echo(f"curator: {message}", err=True)
    if ctx.meta.get(JSON_GIVEN) and not ctx.meta.get(JSON_PRINTED):
        document = refusal_document(message, error.exit_code, ctx.invoked_subcommand)
        click.echo(json_document(document))
    raise click.exceptions.Exit(error.exit_code) from None


def usage_failed(
    ctx: click.Context, error: click.ClickException, command: list[str] | None = None
) -> NoReturn:
    """A mistake on the command line that click found (an unknown option, a missing argument, a
    bad choice): click's usage text on stderr as always, and when --json is on the command line
    (even if click never got to read it) `{"error": <message>, "exit": <code>}` on stdout too,
    `refusal_document`'s, for the `command` named when click had not reached it yet (fixjz #2:
    `curator --json build` gave no `"issue": null`)."""
    if not ctx.meta.get(JSON_ASKED) or ctx.meta.get(JSON_PRINTED):
        raise error
    error.show()
    message = without_passwords(error.format_message())  # (fixjz #1) an argument may hold one
    name = command[0] if command else ctx.invoked_subcommand
    document = refusal_document(message, error.exit_code, name)
    click.echo(json_document(document))
    raise click.exceptions.Exit(error.exit_code) from None


@click.group(
    "curator",
    cls=CuratorGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=exit_code_table(),
)
@click.version_option(__version__, prog_name="curator")
def cli() -> None:
    """Build a curated newsletter issue, grouped by subject, from the feeds you follow."""


for command in (
    build,
    draft,
    render,
    preview,
    fetch,
    backup,
    extract,
    feeds,
    subjects,
    featured,
    themes,
    init,
):
    cli.add_command(command)


__all__ = ["cli"]
