"""What can go wrong, as the editor is told it: one base error carrying the exit code (pure).

Every error a command can end with derives from `CuratorError`; its message is one line in the
shape `where: what is wrong; the fix` (file:line:column or a URL first, when there is one), or,
when it lists several things, a header line and one indented line per item. `curator.cli`
prints it as `curator: <message>` on stderr and exits with the error's `exit_code`.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from pathlib import Path
from typing import ClassVar

#: The exit codes, and what each means (`curator --help` shows this table).
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_THEME = 3
EXIT_FEEDS_FAILING = 4
EXIT_REPORT_LOST = 5
EXIT_PUBLISHED_MEANWHILE = 6
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "done, or nothing new to feature"),
    (
        EXIT_FAILED,
        "the run failed: every feed failed (build, draft, fetch), no issue could be built, the"
        " store is damaged, in use or cannot be written (read-only, disk full), a page or file"
        " could not be read or written, or what you named is not there",
    ),
    (
        EXIT_INPUT,
        "a mistake in what you wrote: feeds.yaml, a draft (or its `number:` out of step), a"
        " template, an OPML file, or the command's options and arguments, including a"
        " feeds.yaml or draft named that is not there",
    ),
    (
        EXIT_THEME,
        "no issue for this theme: too few unfeatured articles fit it, or the plan of themes is"
        " used up; nothing was published (or drafted), and the message names the ripest subject",
    ),
    (
        EXIT_FEEDS_FAILING,
        "`feeds check` only: it ran, and one or more feeds are failing or gone (so cron can alert)",
    ),
    (
        EXIT_REPORT_LOST,
        "the run went on to its end, but its report could not all be written to stdout (a full"
        " disk, an I/O error; a closed pipe, whose reader went away as with `| head`, is not"
        " exit 5: the run keeps its own exit code, 0, 3 or another above): what it did"
        " is kept, so do not run it again for the report; a command that only reads (themes,"
        " feeds list, subjects list, extract...) says to run it again; 5 too, without a line,"
        " when its warnings were lost on a stderr that could not be written (a full disk)",
    ),
    (
        EXIT_PUBLISHED_MEANWHILE,
        "`build` and `draft`: it waited for another run on the same store, which published an issue"
        " meanwhile (two schedules, a scheduled and a manual run); nothing was published, so"
        " readers do not get a second issue at once; run `curator build` again to publish the"
        " next one on purpose (a draft writes none: the issue it was drafting is out; run"
        " `curator draft` again to draft the next)",
    ),
    (
        EXIT_INTERRUPTED,
        "interrupted (Ctrl-C); what was stored before is kept, and an issue published before"
        " the Ctrl-C is named",
    ),
    (EXIT_TERMINATED, "stopped by SIGTERM (kill, a service manager), as Ctrl-C stops it"),
)


#: The commands whose --json document a script reads for the issue they published (`"issue"`, its
#: number or null: README's "Run it unattended"): their refusals say `"issue": null` too.
ISSUE_COMMANDS = ("build", "draft")


def refusal_document(message: str, exit_code: int, command: str | None) -> dict[str, object]:
    """A refusal as --json prints it when the command printed no document of its own: `error`
    and `exit`, and for `build` and `draft` `"issue": null` (fixjp #1: a refusal met while the
    store was opened had no `issue`, the key a script tests)."""
    issue: dict[str, object] = {"issue": None} if command in ISSUE_COMMANDS else {}
    return {**issue, "error": message, "exit": exit_code}


#: What a --json document escapes though it writes other letters as they are: the controls JSON
#: leaves (DEL, the 8-bit C1 controls, a CSI among them) and the bidi embeddings, overrides and
#: isolates, as nothing curator prints holds them raw (`htmltext.CONTROL`; JSON escapes the rest).
_JSON_CONTROL = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_document(data: object, *, indent: int | None = 2) -> str:
    """`data` as a --json document: its letters written as they are ("Иван", "ليلى", walk198 #4:
    `build --json` wrote "\\u0418..." where `themes --json` wrote the letters), or escaped
    ("\\u0418") only when stdout cannot write them (a locale of ASCII alone), as JSON allows;
    a control character escaped always (`_JSON_CONTROL`)."""
    text = json.dumps(data, indent=indent, default=str, ensure_ascii=False)
    text = _JSON_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return json.dumps(data, indent=indent, default=str)
    return text


def shell_arg(value: object) -> str:
    """A path (or URL) as a command curator advises must have it to work when pasted into a
    shell: quoted when it holds a space or another character the shell reads (walk50 #6:
    "curator build --config Résumé news/feeds.yaml" failed with "Got unexpected extra argument")."""
    return shlex.quote(str(value))


def feeds_remove_command(address: str, *, drop_waiting: bool = False) -> str:
    """The command removing the feed of `address` (given masked or whole, as the message names the
    feed), written between backquotes as every message advises it: "`curator feeds remove URL`",
    with ` --drop-waiting` when asked (fixlp #4: eleven messages wrote it by hand)."""
    waiting = " --drop-waiting" if drop_waiting else ""
    return f"`curator feeds remove {shell_arg(address)}{waiting}`"


def init_advice(config: Path) -> str:
    """How to make the missing feeds.yaml `config` where it was looked for: `curator init`
    writes `feeds.yaml` into the folder it is given (the current one by default), so the
    command names that folder (walk50 #8: "Run `curator init`" wrote into the current folder)."""
    folder = config.parent
    command = "curator init" if str(folder) == "." else f"curator init {shell_arg(folder)}"
    if config.name == "feeds.yaml":
        return _newsletters_near(config) or f"run `{command}` to create one there"
    near = _near_miss(config)
    if near:
        return near
    made = folder / "feeds.yaml"
    return (
        f"run `{command}` to create {made} (curator init names it feeds.yaml), then pass"
        f" --config {shell_arg(made)}"
    )


#: How many entries of a folder `_near_miss` reads at most (a folder of thousands is not listed
#: whole to say a file is not there).
_NEAR_LISTED = 500


def _near_miss(config: Path) -> str:
    """ "this folder has feeds.yaml: did you mean --config feeds.yaml?" when the missing `config`
    is a near miss of a file in its folder (feeds.yml, feed.yaml, Feeds.yaml), or its folder
    holds a feeds.yaml, which `curator init` would refuse to overwrite; "" when neither.

    Why: walk175 #4, `--config feeds.yml` in a folder with feeds.yaml advised `curator init`,
    which then refused: "feeds.yaml: already exists; not overwritten"."""
    import difflib
    import itertools

    folder = config.parent
    try:
        names = [
            entry.name
            for entry in itertools.islice(os.scandir(folder), _NEAR_LISTED)
            if entry.name.lower().endswith((".yaml", ".yml")) and entry.is_file()
        ]
    except OSError:  # no such folder, or one curator may not list: nothing to name
        return ""
    close = difflib.get_close_matches(config.name, names, n=1, cutoff=0.75)
    if not close and "feeds.yaml" in names:
        close = ["feeds.yaml"]
    if not close:
        return ""
    return f"this folder has {close[0]}: did you mean --config {shell_arg(folder / close[0])}?"


#: How many newsletters in subfolders a missing feeds.yaml's message names.
_NEARBY_SHOWN = 5


def _newsletters_near(config: Path) -> str:
    """Where the feeds.yaml looked for at `config` is, when curator runs in a newsletter's
    drafts/ or output/ folder (the one above has one) or in the folder that holds several
    newsletters (its subfolders have one): "" when neither, for `curator init` (walk166 #6: run
    from drafts/, curator advised `curator init` there)."""
    folder = config.absolute().parent
    above = folder.parent / "feeds.yaml"
    if above != config.absolute() and above.is_file():
        return (
            f"no feeds.yaml here; the newsletter in {shell_arg(folder.parent)} has one: run from"
            f" there, or pass --config {shell_arg(above)}"
        )
    try:
        below = sorted(
            sub for sub in folder.iterdir() if (sub / "feeds.yaml").is_file() and sub.is_dir()
        )
    except OSError:  # (a folder curator may not list: nothing to name)
        below = []
    if not below:
        return ""
    names = ", ".join(shell_arg(sub.name) for sub in below[:_NEARBY_SHOWN])
    more = f" and {len(below) - _NEARBY_SHOWN} more" if len(below) > _NEARBY_SHOWN else ""
    if len(below) == 1:
        where = f"the newsletter in the folder {names} here has one: run from there"
    else:
        where = f"the newsletters in the folders {names}{more} here have one each: run from one"
    return f"no feeds.yaml here; {where}, or pass --config {shell_arg(below[0] / 'feeds.yaml')}"


class CuratorError(Exception):
    """A problem the editor is told in one line (the message); ends a command with `exit_code`."""

    exit_code: ClassVar[int] = EXIT_FAILED


class InputError(CuratorError):
    """A mistake in what the editor wrote or typed: the message says where and how to fix it."""

    exit_code: ClassVar[int] = EXIT_INPUT


class FeedsFailing(CuratorError):
    """`feeds check` found feeds that are failing or gone (its table says which)."""

    exit_code: ClassVar[int] = EXIT_FEEDS_FAILING


class Interrupted(CuratorError):
    """The editor pressed Ctrl-C."""

    exit_code: ClassVar[int] = EXIT_INTERRUPTED


class Terminated(Interrupted):
    """SIGTERM (`kill`, a service manager stopping cron's job): handled as Ctrl-C is."""

    exit_code: ClassVar[int] = EXIT_TERMINATED


#: Exceptions that say the code raising them is wrong, whatever it was given: when curator's own
#: code raises one, it is a bug to show (a traceback), never a bad page or feed to report.
BUG_TYPES: tuple[type[Exception], ...] = (TypeError, AttributeError, NameError, AssertionError)

_OWN_CODE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def own_bug(error: BaseException) -> bool:
    """Whether `error` is a programming error raised by curator's own code (a `BUG_TYPES` whose
    traceback's last frame is in the curator package), as opposed to a third-party parser
    breaking on hostile input, which the `except Exception` boundaries contain. Those boundaries
    re-raise what this is true of, so a bug in curator is seen rather than reported as a page
    "read in part" or a feed "failing"."""
    if not isinstance(error, BUG_TYPES):
        return False
    frame = error.__traceback__
    if frame is None:
        return False
    while frame.tb_next is not None:
        frame = frame.tb_next
    return os.path.abspath(frame.tb_frame.f_code.co_filename).startswith(_OWN_CODE)
