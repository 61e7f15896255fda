"""What curator's commands share: their options, their output and notes, and reading the config.

Opening a newsletter's store for a command (the store checked, locked and opened) is
`curator.cli.opening`."""

from __future__ import annotations

import asyncio
import difflib
import math
import os
import re
import signal
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import click

from curator.app import RUN_WAIT
from curator.cli.streams import stderr_lost
from curator.config import Config, ConfigError
from curator.config_load import load_config, moved_newsletter_advice
from curator.errors import (
    EXIT_REPORT_LOST,
    CuratorError,
    Interrupted,
    Terminated,
    json_document,
    shell_arg,
)
from curator.htmltext import terminal_text, without_passwords

#: `ctx.meta` key: the --config the run was given, for the commands its advice names.
CONFIG_GIVEN = "curator.config_given"


def note_config(ctx: click.Context, _param: click.Parameter, value: Path) -> Path:
    ctx.meta[CONFIG_GIVEN] = value
    return value


CONFIG_OPTION = click.option(
    "--config",
    "-c",
    type=click.Path(path_type=Path),
    default=Path("feeds.yaml"),
    show_default=True,
    callback=note_config,
    help="The newsletter's configuration.",
)


def config_arg(meta: dict[str, Any] | None = None) -> str:
    """` --config PATH` (shell-quoted) when the run was given a config other than ./feeds.yaml,
    else "": what a command curator advises needs to work when pasted in the same folder
    (walk56 #3: "add one with `curator feeds add URL`" failed for `--config 'Résumé news/...'`)."""
    if meta is None:
        ctx = click.get_current_context(silent=True)
        meta = ctx.meta if ctx is not None else {}
    given = meta.get(CONFIG_GIVEN)
    if given is None:
        return ""
    try:
        same = _is_default(str(given), os.getcwd())
    except OSError:
        same = False
    return "" if same else f" --config {shell_arg(given)}"


#: `ctx.meta` key: the --db the run was given, when it is not the config's own store (noted by
#: `check_store`, which knows both), for the commands its advice names that take --db.
DB_GIVEN = "curator.db_given"
#: `ctx.meta` key: a report run on a store given with --db that is not the newsletter's own (a
#: backup, a copy): (that store, the newsletter's own). The commands it advises are aimed at the
#: newsletter's own store, without --db, and it says so once (walk160 #7: `curator subjects move
#: URL SUBJECT --db BACKUP`, pasted, wrote the moves into the backup, never the newsletter).
COPY_GIVEN = "curator.copy_given"
#: `ctx.meta` key: set once the line saying so was said.
COPY_SAID = "curator.copy_said"


def run_args(command: str, meta: dict[str, Any] | None = None) -> str:
    """What the advised `command` (``curator subjects list ...``) needs added to work when
    pasted where the run was started: the run's --config (`config_arg`), and its --db when it
    named a store other than the config's own and `command` takes --db (walk89 #4: advice
    without it failed, "no store at ...")."""
    if meta is None:
        ctx = click.get_current_context(silent=True)
        meta = ctx.meta if ctx is not None else {}
    extra = config_arg(meta)
    db = meta.get(DB_GIVEN)
    if db is not None and "--db" not in command.split() and _takes_db(command):
        extra += f" --db {shell_arg(db)}"
    return extra


def _takes_db(command: str) -> bool:
    """Whether the curator command `command` starts with (its words up to the first that is
    no subcommand) has a --db option, as the command tree says."""
    # (the tree from the run's own context: importing curator.cli.root here would be a cycle,
    # root importing the commands, which import this)
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return False
    cli = ctx.find_root().command
    found: click.Command = cli
    for word in command.split()[1:]:
        if not isinstance(found, click.Group):
            break
        sub = found.commands.get(word)
        if sub is None:
            break
        found = sub
    return found is not cli and any(
        isinstance(param, click.Option) and "--db" in param.opts for param in found.params
    )


@lru_cache(maxsize=16)
def _is_default(given: str, cwd: str) -> bool:
    """Whether the config `given` is ./feeds.yaml in `cwd` (resolved once per run and folder,
    not for each of the thousands of lines a build with many copies says)."""
    return Path(given).resolve() == Path(cwd, "feeds.yaml").resolve()


#: A command curator advises, in backticks: `curator feeds add URL` (not `curator init`, which
#: takes a folder, nor one that names its --config already). A backtick inside a quoted value
#: (`errors.shell_arg`'s '...', or "...") is the value's, not the command's end.
_ADVISED = re.compile(r"""`(curator (?!init\b)[a-z](?:[^`'"]|'[^']*'|"[^"]*")*)`""")


def pasteable(text: str, meta: dict[str, Any] | None = None) -> str:
    """`text` with the run's --config and --db (`run_args`) added to each command it advises in
    backticks, so that pasting one works where the run was started; `curator build --draft`
    given without its file gets the placeholder DRAFT before it (the draft's path, as URL and
    SUBJECT stand for theirs elsewhere)."""
    if meta is None:
        ctx = click.get_current_context(silent=True)
        meta = ctx.meta if ctx is not None else {}
    if not (config_arg(meta) or meta.get(DB_GIVEN)) or "`curator " not in text:
        return text

    def add(match: re.Match[str]) -> str:
        command = match.group(1)
        if "--config" in command.split() or " -c " in f" {command} ":
            return match.group(0)
        extra = run_args(command, meta)
        if not extra:
            return match.group(0)
        if command.split()[-1] == "--draft":
            # `curator build --draft` names no file: with --config after it, the draft option
            # took "--config" as its file (walk85 #2: "Got unexpected extra argument").
            command += " DRAFT"
        return f"`{command}{extra}`"

    return _ADVISED.sub(add, text)


def echo(message: object = None, *, err: bool = False, nl: bool = True) -> None:
    """click.echo, the commands curator advises in `message` made `pasteable`; before the first
    of them in a report run on a copy of the store, the line that says they are aimed at the
    newsletter's own store (`COPY_GIVEN`). What it quotes of a feed or a page reaches the terminal
    as text, never as an escape sequence (`htmltext.terminal_text`), as in every line below."""
    if isinstance(message, str):
        _say_copy_once(message, err)
        message = terminal_text(pasteable(message))
        if err:
            _hold_report_line(message)
    click.echo(message, err=err, nl=nl)


#: `ctx.meta` keys: whether the report of what needs the editor (`holding_report`) is being said
#: now, and its lines so far, each heading with the indented lines under it as one.
HOLDING = "curator.holding"
REPORTED = "curator.reported"


@contextmanager
def holding_report() -> Iterator[None]:
    """The lines said on stderr meanwhile are the report of what needs the editor (the feeds that
    failed, the entries left out...): held for a --json document, whose `warnings` hold them
    when stderr is lost (`with_lost_warnings`; walk175 #5: the document said it held the
    warnings, and `warnings` was empty while the failed feed and the skipped entries were lost)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        yield
        return
    before = ctx.meta.get(HOLDING, False)
    ctx.meta[HOLDING] = True
    try:
        yield
    finally:
        ctx.meta[HOLDING] = before


def _hold_report_line(line: str) -> None:
    ctx = click.get_current_context(silent=True)
    if ctx is None or not ctx.meta.get(HOLDING) or not line.strip():
        return
    lines: list[str] = ctx.meta.setdefault(REPORTED, [])
    if line[:1].isspace() and lines:
        lines[-1] += "\n" + line.rstrip()
    else:
        lines.append(line.strip())


def _say_copy_once(text: str, err: bool) -> None:
    ctx = click.get_current_context(silent=True)
    if ctx is None or ctx.meta.get(COPY_SAID) or not _ADVISED.search(text):
        return
    given = ctx.meta.get(COPY_GIVEN)
    if given is None:
        return
    ctx.meta[COPY_SAID] = True
    copy, own = given
    click.echo(
        f"(--db {shell_arg(copy)}: this is a copy: the commands below change the newsletter's"
        f" own store, {shell_arg(own)}, as they have no --db)",
        err=err,
    )


DB_OPTION = click.option(
    "--db",
    type=click.Path(path_type=Path),
    default=None,
    help="The store (SQLite file). Default: settings.store in the config.",
)
QUIET_OPTION = click.option("--quiet", "-q", is_flag=True, help="No progress lines on stderr.")
#: `ctx.meta` key: --wait, how long a run waits for another curator run on the store to finish.
WAIT = "curator.wait"


def note_wait(ctx: click.Context, _param: click.Parameter, value: float) -> float:
    ctx.meta[WAIT] = value
    return value


class Seconds(click.FloatRange):
    """A number of seconds, 0 or more, and a real one: "nan" and "inf" are refused like any bad
    value (walk61 #5: `--wait nan` ran "up to nan s")."""

    name = "seconds"

    def __init__(self) -> None:
        super().__init__(min=0)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        seconds = super().convert(value, param, ctx)
        if not math.isfinite(seconds):
            self.fail(
                f"{value!r} is no number of seconds: give one such as 0, 30 or 2.5", param, ctx
            )
        return seconds


WAIT_OPTION = click.option(
    "--wait",
    type=Seconds(),
    default=RUN_WAIT,
    show_default=True,
    metavar="SECONDS",
    expose_value=False,
    callback=note_wait,
    help="When another curator run is using the store, wait this long for it to finish"
    " (0: stop at once).",
)
#: `ctx.meta` keys (the dict every context of one run shares): --json was given; the command has
#: printed its JSON output.
JSON_GIVEN = "curator.json_given"
#: --json is on the command line (noted before click parses it, for click's own usage errors).
JSON_ASKED = "curator.json_asked"
JSON_PRINTED = "curator.json_printed"


def note_json(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    """Remember that --json was given, so that the root error handler answers in JSON too."""
    if value:
        ctx.meta[JSON_GIVEN] = True
    return value


JSON_OPTION = click.option(
    "--json",
    "as_json",
    is_flag=True,
    callback=note_json,
    help='Print machine-readable output on stdout (on failure: {"error": ..., "exit": N}).',
)


def echo_json(data: object, *, failure: CuratorError | None = None) -> None:
    """Print a command's --json output (one JSON document on stdout); after it, a failure is
    not printed again as JSON, so stdout stays one document. With `failure` (the error the
    command raises next), its `error_fields` are merged into `data` (a dict)."""
    if failure is not None:
        assert isinstance(data, dict), "a failure is merged into a JSON object only"
        data = {**data, **error_fields(failure)}
    if isinstance(data, list) and stderr_lost() is not None:
        # A list (`subjects list`, `feeds list` ...) has no room for the warnings stderr lost
        # (walk97 #1): on that exit 5 only, its rows go in an object that holds them, as a
        # failure's document is an object too.
        data = {"rows": data}
    if isinstance(data, dict):
        # Every document has `warnings`, [] when the run had none: any command may warn (of the
        # config, of a killed run before it), and a script reading it must not find the key
        # only some days (walk157 #5: `fetch --json` had none, `build --json` always has it).
        data = with_run_notes(with_lost_warnings({"warnings": [], **data}))
    # An address's password is left out, as in every line curator prints (fixjz #1: `subjects
    # list --json` gave the address an older curator stored, `https://editor:s3cret@host/x`).
    click.echo(without_passwords(json_document(data)))
    click.get_current_context().meta[JSON_PRINTED] = True


def with_run_notes(data: dict[str, Any]) -> dict[str, Any]:
    """`data` (a --json document) with the run's notes (`run_note`) first in its `warnings`, each
    once: what a script reading only the document must know of the run as a whole."""
    notes = click.get_current_context().meta.get(RUN_NOTES, [])
    held = list(data.get("warnings") or [])
    said = {w.get("message") for w in held if isinstance(w, dict)}
    missing = [{"message": line} for line in notes if line not in said]
    return {**data, "warnings": missing + held} if missing else data


def with_lost_warnings(data: dict[str, Any]) -> dict[str, Any]:
    """`data` (a --json document, or `extract`'s last line) and, when the run ends with exit 5
    for the warnings lost on stderr, `warnings`, `exit` and `stderr_lost` saying so."""
    if "exit" in data or (lost := stderr_lost()) is None:
        return data
    # The run ends with exit 5 for the warnings lost on stderr: the document says so, and
    # holds them (walk61 #3: exit 5, and no "exit" here; walk92 #2: it said it held them,
    # and `render` and `fetch` had no "warnings"): every warning said, in `warnings`.
    held = list(data.get("warnings") or [])
    said = {w.get("message") for w in held if isinstance(w, dict)}
    meta = click.get_current_context().meta
    # every warning said, and the report of what needs the editor (the feeds that failed...)
    warned = [*meta.get(WARNED, []), *meta.get(REPORTED, [])]
    held += [{"message": line} for line in dict.fromkeys(warned) if line not in said]
    return {
        **data,
        "warnings": held,
        "exit": EXIT_REPORT_LOST,
        "stderr_lost": f"stderr could not be written ({lost}): its progress and warnings"
        " were lost; this document holds the warnings",
    }


def error_fields(error: CuratorError) -> dict[str, object]:
    """A failure as --json reports it: the message `curator: ` prints, and the exit code."""
    return {"error": pasteable(str(error)), "exit": error.exit_code}


def composed_names(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A click callback: subject names typed on the command line in composed Unicode (NFC), as
    feeds.yaml's and drafts' headings are read (walk166 #5: "Qualité" typed decomposed, as a
    macOS terminal may paste it, was "no subject 'Qualité'; did you mean 'Qualité'?")."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, tuple):
        return tuple(unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in value)
    return value


SUBJECT_OPTION = click.option(
    "--subject",
    "-s",
    multiple=True,
    callback=composed_names,
    metavar="NAME",
    help="Make the issue about this subject (repeat for several); overrides the plan of themes "
    "for this one issue.",
)
ALL_SUBJECTS_OPTION = click.option(
    "--all-subjects",
    is_flag=True,
    help="An issue of every subject, whatever the plan of themes says (this one issue).",
)


def theme_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--subject NAME (repeatable) and --all-subjects: what the next issue is about."""
    return SUBJECT_OPTION(ALL_SUBJECTS_OPTION(func))


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--config, --db, --quiet, --json and --wait."""
    for option in (WAIT_OPTION, JSON_OPTION, QUIET_OPTION, DB_OPTION, CONFIG_OPTION):
        func = option(func)
    return func


#: `ctx.meta` key: the warnings the run said on stderr (`warn`), for a --json document when
#: stderr lost them.
WARNED = "curator.warned"


def warn(line: str) -> None:
    """A warning on stderr, said even with --quiet (it is about what curator did, not progress)."""
    _say_copy_once(line, True)
    line = terminal_text(pasteable(line))
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta.setdefault(WARNED, []).append(line)
    click.echo(f"curator: warning: {line}", err=True)


def said_warnings() -> list[dict[str, str]]:
    """Every warning the run said so far (`warn`, `run_note`), each once, as a --json document's
    `warnings` holds them (walk183 #1: `feeds import --json` had `[]` while it warned)."""
    ctx = click.get_current_context(silent=True)
    lines = ctx.meta.get(WARNED, []) if ctx is not None else []
    return [{"message": line} for line in dict.fromkeys(lines)]


#: `ctx.meta` key: what was said of the run as a whole before the command's own report (the
#: config's warnings, a killed run before it): each --json document holds them in `warnings`.
RUN_NOTES = "curator.run_notes"


def hold_note(line: str) -> None:
    """A line about the run as a whole, said on stderr by its caller in its own form, held in the
    --json document's `warnings` as `run_note`'s are (walk128 N3: the notice that every feed was
    waiting reached neither the document nor, on exit 5, its held warnings)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        line = terminal_text(pasteable(line))
        ctx.meta.setdefault(WARNED, []).append(line)
        ctx.meta.setdefault(RUN_NOTES, []).append(line)


def run_note(line: str, *, prefix: str = "curator: warning: ") -> None:
    """A warning about the run as a whole, said on stderr (with --quiet too) and held in the
    --json document's `warnings` (walk124 F2: the notice that the last run was killed, its work
    lost, never reached the document a script reads)."""
    line = terminal_text(pasteable(line))
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta.setdefault(WARNED, []).append(line)
        ctx.meta.setdefault(RUN_NOTES, []).append(line)
    click.echo(f"{prefix}{line}", err=True)


def shown_path(path: Path | str) -> str:
    """`path` as it can be printed: a byte of its name that is not UTF-8 (which Python holds as a
    lone surrogate) written as `\\xe9`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def usable_path(path: Path | None) -> None:
    """Stop, before anything is read or made, when `path` (a path the run uses: its feeds.yaml,
    store, output or drafts folder) lies in a folder whose name is not UTF-8 text (a Latin-1 name,
    `caf\\xe9`): curator stores and publishes paths as text (a feed of local files is stored by
    its address) and cannot (walk141 #4: UnicodeEncodeError "surrogates not allowed" in a
    traceback, nothing for --json, and an empty store left behind)."""
    if path is None:
        return
    full = path.absolute()
    try:
        str(full).encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return
    bad = full
    for part in (full, *full.parents):
        try:
            part.name.encode("utf-8")
        except UnicodeEncodeError:
            bad = part
    try:
        os.fsencode(bad.name).decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Its bytes are UTF-8: Python reads names in ASCII, as under LC_ALL=C without UTF-8 mode
        # (walk166 #8: "É" was "not UTF-8 text ... rename the folder").
        raise CuratorError(
            f"{shown_path(full)}: the name of the folder {shown_path(bad)} is UTF-8 text, but"
            f" Python is running with the C locale (it reads file names as"
            f" {sys.getfilesystemencoding()}), and curator cannot store or publish a path with it;"
            " run with LC_ALL=C.UTF-8 or PYTHONUTF8=1 (before the command, or as a line of"
            " the crontab or service file that runs it); nothing was done"
        )
    raise CuratorError(
        f"{shown_path(full)}: the name of the folder {shown_path(bad)} is not UTF-8 text,"
        " and curator cannot store or publish a path with it; rename the folder (its name"
        " in UTF-8, or in plain ASCII letters), then run again; nothing was done"
    )


def loaded(config_path: Path) -> Config:
    """The config, read and checked as every command reads it (`ConfigError` for a mistake), its
    warnings printed first: what is allowed but probably not meant is said before anything runs.
    A path it names in a folder whose name is not UTF-8 stops the run first (`usable_path`)."""
    usable_path(config_path)
    ctx = click.get_current_context(silent=True)
    if ctx is not None and not config_path.exists():  # (walk176 #4: the newsletter moved)
        draft = ctx.params.get("draft_file")
        command = "curator " + " ".join(ctx.command_path.split()[1:])
        moved = moved_newsletter_advice(
            config_path, command, draft if isinstance(draft, Path) else None
        )
        if moved is not None:
            raise ConfigError(config_path, None, None, moved)
    config = load_config(config_path)
    settings = config.settings
    for used in (
        settings.store,
        settings.output,
        settings.drafts,
        settings.templates,
        settings.introductions,
    ):
        usable_path(used)
    for warning in config.warnings:
        run_note(warning)
    if (zone := unknown_time_zone(os.environ.get("TZ"))) is not None:
        run_note(zone)
    return config


#: A POSIX TZ rule rather than a zone's name: "UTC0", "EST5EDT", "<+14>-14".
_TZ_RULE = re.compile(r"(<[^>]+>|[A-Za-z]{3,})[+-]?\d")


def unknown_time_zone(value: str | None) -> str | None:
    """What to say of a `TZ` that names no time zone this machine knows (None: nothing): the C
    library then takes the time as UTC, and the issue is dated by the UTC day without a word
    (walk124 F1: `TZ=Pacific/Aukland` in a crontab dated an issue a day before Auckland's)."""
    if not value:
        return None  # (unset, or empty: UTC on purpose)
    name = value[1:] if value.startswith(":") else value
    if _TZ_RULE.match(name) or (name.startswith("/") and Path(name).is_file()):
        return None
    try:
        ZoneInfo(name)
    except (ValueError, OSError, KeyError):  # (ZoneInfoNotFoundError is a KeyError)
        pass
    else:
        return None
    zones = {z.casefold(): z for z in sorted(available_timezones())}
    near = difflib.get_close_matches(name.casefold(), list(zones), n=1, cutoff=0.8)
    meant = f"did you mean TZ={zones[near[0]]}? " if near else ""
    return (
        f"TZ={value} names no time zone this machine knows, so the time is taken as UTC and the"
        f" issue is dated by the UTC day: {meant}(the zones' names are in /usr/share/zoneinfo,"
        " e.g. Europe/Paris)"
    )


#: `ctx.meta` key: what a Ctrl-C (or SIGTERM) after the store is closed must name: the issues
#: the run published and the store they are recorded in (see `interrupted`).
INTERRUPTED = "curator.interrupted"

#: The store the run opened (`opened`): named when it turns out damaged (`cli.root`).
STORE_OPENED = "curator.store_opened"


#: SIGTERM came (see `on_sigterm`): the KeyboardInterrupt that stops the run is its doing.
_SIGTERM: list[int] = []


def on_sigterm(_signum: int, frame: FrameType | None) -> None:
    """SIGTERM (kill, a service manager ending cron's job) stops the run as Ctrl-C does: by
    whatever handles Ctrl-C now (asyncio's, while feeds are read, which cancels the reading
    first), so the store is closed and what was published is named the same way."""
    _SIGTERM.append(1)
    handler = signal.getsignal(signal.SIGINT)
    if callable(handler) and handler is not on_sigterm:
        handler(signal.SIGINT, frame)
        return
    # Ctrl-C ignored (a background job): SIGTERM still stops the run. Inside an event loop it is
    # raised by the loop, between two tasks' steps, not in the task running now: raised there,
    # the task ended with it and asyncio printed "Task exception was never retrieved" and a
    # traceback (seen in CI); the loop lets a KeyboardInterrupt of a callback through.
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        raise KeyboardInterrupt from None
    loop.call_soon_threadsafe(_interrupt)


def _interrupt() -> None:
    raise KeyboardInterrupt


def terminated() -> bool:
    """True once SIGTERM came: a command that takes Ctrl-C as its way to end (`preview`) still
    ends a `kill` with exit 143, as --help says (walk57 #7)."""
    return bool(_SIGTERM)


def stopped() -> Interrupted:
    """Ctrl-C (or SIGTERM) with nothing more to say."""
    if _SIGTERM:
        return Terminated("stopped by SIGTERM")
    return Interrupted("interrupted")


def interrupted(
    published: Sequence[int], store_path: Path, fetched: str | None = None
) -> Interrupted:
    """Ctrl-C (or SIGTERM), said truthfully: what the run had published by then, if anything,
    is out; what its fetch had stored by then (`FetchStopped.said`), if anything, is kept."""
    error = stopped()
    kind, what = type(error), str(error)
    if fetched and not published:  # (walk160 #2: stopped after 6 min, 82,000 entries read)
        return kind(f"{what}: {fetched}")
    if not published:
        return kind(f"{what}; what was stored before is kept")
    numbers = " and ".join(str(n) for n in published)
    return kind(
        f"{what} after issue {numbers} was published: it is recorded in {store_path} and"
        " its files are written; only the rest of this run's report was cut short"
    )
