"""The `curator` command line (click): thin commands that call the app and print.

| module     | owns                                                                        |
| ---------- | --------------------------------------------------------------------------- |
| (here)     | `main`: the `curator` command; a missing package named, not a traceback     |
| `root`     | the root group, `-h`, the exit-code table in `--help`, the one error handler |
| `build`    | `build`, `draft`, `fetch`, `preview`, `backup`: the weekly loop              |
| `build_report` | what `build` and `draft` say after their run, and their --json documents |
| `render`   | `render`: published issues rendered again, and what changed in them said      |
| `render_said` | what `render` says of the editor's own changes: an issue-N.json edited, an issue back in the archive |
| `themes`   | `themes`: which subject is ripe for an issue, and the plan's next themes      |
| `feeds`    | `feeds list/add/remove/export/check` and `init`; registers `feeds import`     |
| `feeds_import` | `feeds import`: an OPML file's feeds read, then added to feeds.yaml        |
| `feeds_stored` | what the store knows of a feed being added (`feeds add`, `feeds import`)    |
| `featured` | `featured add/list/remove`: the articles featured before the editor moved to curator |
| `subjects` | the `subjects` group; its commands live in `subjects_fix` and `subjects_list`   |
| `subjects_fix` | `subjects explain/move/exclude/undo/rename`: one article's place, the corrections |
| `subjects_list` | `subjects list/uncertain/overlap/suggest`: the reports on where articles went |
| `subjects_working` | the progress line the `subjects` commands show while they work          |
| `extract`  | `extract`: what curator reads from article pages                             |
| `common`   | the options the commands share, their output and notes, the config read      |
| `opening`  | `opened` (config + store + run lock) and `check_store`: a store refused or made |
| `report`   | what failed in a fetch (feeds, entries, pages), said after it for build/fetch |
| `report_progress` | `RunProgress`: the progress while feeds and pages are read (and subjects' steps) |
| `report_feeds` | what is said of one feed: its failure's advice, a move, its entries' notes |
| `streams`  | stdout and stderr whose failed writes (closed pipe, full disk) stop no run   |

Commands never print an error and exit themselves: they raise a `curator.errors.CuratorError`
(the library's errors all are), and `CuratorGroup.invoke` prints it as one line,
`curator: <message>`, and exits with the error's code.
"""

from __future__ import annotations

import signal
import sys
import warnings

from curator.deps import broken_dependency, lazy_packages_missing
from curator.errors import json_document, refusal_document

try:
    from curator.cli.common import on_sigterm
    from curator.cli.root import cli
    from curator.cli.streams import guard_streams, report_lost
except Exception as _error:  # click, lxml, nh3...: every command needs them (missing or broken)
    _BROKEN = broken_dependency(_error)
    if _BROKEN is None:  # one of curator's own modules: a bug, whose traceback must be seen
        raise
else:
    _BROKEN = None


def quiet_cut_connections() -> None:
    """A run stopped (Ctrl-C, SIGTERM) while a feed's connection was being made leaves httpx's
    unstarted connection attempt (anyio's) behind, and Python printed "RuntimeWarning: coroutine
    'connect_tcp.<locals>.try_connect' was never awaited" under the run's one line (seen in
    test_crash's SIGTERM test): that coroutine alone is not said; one of curator's own never
    awaited still is (a mistake of ours)."""
    warnings.filterwarnings(
        "ignore",
        message=r"coroutine 'connect_tcp\.<locals>\.try_connect' was never awaited",
        category=RuntimeWarning,
    )


#: The root's help options: asked alone, they need none of the packages the commands use.
_HELP = ("--help", "-h")


def _asks_for_help(args: list[str]) -> bool:
    """`curator --help`, `curator build -h`...: the help of curator or of one of its commands."""
    options = args[: args.index("--")] if "--" in args else args
    return any(a in _HELP for a in options)


def _asks_only_about_curator(args: list[str]) -> bool:
    """Answer `curator --version` and `curator --help` when a package the commands need is
    missing or broken (walk175 #10: both ended with exit 1 and the "installation is broken"
    line): the version as click prints it, and the help's usage line with the repair in place
    of its list of commands (which needs them loaded); the broken package is said on stderr.
    False for anything else, which the broken package stops."""
    if args != ["--version"] and not _asks_for_help(args):
        return False
    from curator import __version__

    if args == ["--version"]:
        print(f"curator, version {__version__}")
    else:
        # (fixie #4: the help said "see below", and what was below went to stderr alone)
        print(
            "Usage: curator [OPTIONS] COMMAND [ARGS]...\n\n"
            "  Build a curated newsletter issue, grouped by subject, from the feeds an\n"
            "  editor follows.\n\n"
            "  Its commands and their options are listed here once the installation is\n"
            "  repaired; README.md describes them too. What to repair:\n\n"
            f"  {_BROKEN}"
        )
    print(f"curator: warning: {_BROKEN}", file=sys.stderr)
    return True


def main() -> None:
    """The `curator` command."""
    if _BROKEN is not None:
        args = sys.argv[1:]
        if _asks_only_about_curator(args):
            return
        # No click to print with: the same line and --json answer as `root.fail` gives.
        print(f"curator: {_BROKEN}", file=sys.stderr)
        if "--json" in (args[: args.index("--")] if "--" in args else args):
            command = args[0] if args else None
            document = refusal_document(str(_BROKEN), _BROKEN.exit_code, command)
            print(json_document(document))
        sys.exit(_BROKEN.exit_code)
    # A closed pipe or a full disk on stdout or stderr must not stop the run (walk50 #1-#3).
    guard_streams()
    if _asks_for_help(sys.argv[1:]):
        # The packages imported only by the commands that use them (trafilatura...): the help
        # needs none of them, and said nothing of one missing (fixie #4).
        for line in lazy_packages_missing():
            print(f"curator: warning: {line}", file=sys.stderr)
    # SIGTERM (kill, a service manager) stops a run as Ctrl-C does (walk50 #5).
    signal.signal(signal.SIGTERM, on_sigterm)
    quiet_cut_connections()
    code: int | str | None = 0
    try:
        cli(prog_name="curator")
    except SystemExit as done:
        code = 0 if done.code is None else done.code
    finally:
        # The run is over, its report or its error said: a Ctrl-C now would only cut Python's
        # clean-up short, killing the process with no word and an interrupted run's exit status
        # (walk21 #4: "Issue 1: ..." printed, then nothing).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.exit(report_lost(code) if isinstance(code, int) else code)


__all__ = ["cli", "main", "quiet_cut_connections"]
