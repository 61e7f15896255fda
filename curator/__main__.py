"""The `curator` command and `python -m curator`: the command line (`curator.cli`), started so
that Ctrl-C while it loads ends with one line, as everywhere else, not a traceback."""

import json
import os
import sys
import traceback
from pathlib import Path

#: What Ctrl-C while curator loads ends with (`curator.errors.Interrupted`'s exit code).
STARTING = "interrupted while starting; nothing was done"
EXIT_INTERRUPTED = 130
#: What a damaged installation of curator's own files ends with (as a broken package's does).
EXIT_DAMAGED = 1


#: stdout was not open when curator started (`curator build >&-`): its report goes nowhere.
STDOUT_CLOSED: list[bool] = []


def open_standard_fds() -> None:
    """Point each of stdin, stdout and stderr that is not open (`curator build 2>&-`) at
    /dev/null, before anything opens a file: else the first file opened (the store's lock) takes
    its number, and a warning written "to stderr" lands in it (walk61 #1: exit 1, no word). What
    would have been said there is lost, as on any stderr that cannot be written."""
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
        except OSError:
            if fd == 1:
                STDOUT_CLOSED.append(True)
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            if getattr(sys, name) is None:
                setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def damaged(exc: BaseException) -> str | None:
    """What is wrong with curator's own files when importing them raised `exc`: a SyntaxError in
    one of its modules, or one of them missing or not holding what another imports from it (a
    damaged or half-upgraded installation: walk175 #3, a traceback and no JSON for --json); None
    when `exc` is anything else (a package's failure, said by `curator.cli`; a bug: raised)."""
    package = Path(__file__).resolve().parent
    if isinstance(exc, SyntaxError):
        try:
            where = Path(exc.filename or "").resolve().relative_to(package.parent)
        except (OSError, ValueError):
            return None
        return f"{where.as_posix()} line {exc.lineno}: {' '.join(str(exc.msg).split())}"
    name = (exc.name or "") if isinstance(exc, ImportError) else ""
    if name.split(".")[0] != "curator":
        return None
    said = " ".join(str(exc).split())
    if isinstance(exc, ModuleNotFoundError):
        return f"{name.replace('.', '/')}.py is missing ({said})"
    return said


def say_damaged(what: str) -> None:
    """Say, as the run's one error (and its --json document), that curator's own files are
    damaged, where, and the reinstall that repairs them; in a source checkout (a developer's
    edit, not a damaged install) its traceback is printed above."""
    try:
        from curator.deps import reinstall_command

        command = reinstall_command()
    except Exception:  # the module that names it may be the damaged one
        command = f"{sys.executable} -m pip install --force-reinstall curator"
    message = f"curator's installation is damaged: {what}; reinstall: {command}"
    print(f"curator: {message}", file=sys.stderr)
    if wants_json():
        # build and draft say `"issue": null` too, as every refusal of theirs (fixjp #1; not
        # `curator.errors.refusal_document`: the module may be the damaged one)
        issue = {"issue": None} if sys.argv[1:2] in (["build"], ["draft"]) else {}
        document = {**issue, "error": message, "exit": EXIT_DAMAGED}
        try:  # its letters as they are, as every --json (`curator.errors.json_document`)
            text = json.dumps(document, indent=2, ensure_ascii=False)
            text.encode(sys.stdout.encoding or "utf-8")
        except (UnicodeEncodeError, LookupError):
            text = json.dumps(document, indent=2)
        print(text)


def wants_json() -> bool:
    args = sys.argv[1:]
    return "--json" in (args[: args.index("--")] if "--" in args else args)


def main() -> None:
    """The `curator` command."""
    open_standard_fds()
    if STDOUT_CLOSED:
        # (walk124 F3: `curator fetch --json >&- 2>>log` in a crontab lost the report, exit 0,
        # and the log never said so, where a closed pipe is said)
        print(
            "curator: warning: stdout is not open (`>&-`), so what curator reports there is"
            " lost: send it to a file (`>> curator.log`), or to /dev/null if it is not wanted",
            file=sys.stderr,
            flush=True,
        )
    try:
        # Loading the command line takes a moment (its libraries): Ctrl-C may come meanwhile.
        from curator.cli import main as run
    except KeyboardInterrupt:
        print(f"curator: {STARTING}", file=sys.stderr)
        if wants_json():
            # As every other failure answers --json (walk21 #4: stdout was empty).
            print(json.dumps({"error": STARTING, "exit": EXIT_INTERRUPTED}, indent=2))
        sys.stdout.flush()
        sys.stderr.flush()
        # Not SystemExit: a Ctrl-C inside a library's import can leave Python bound to end the
        # process by SIGINT at exit, whatever was caught, and nothing is open to clean up.
        os._exit(EXIT_INTERRUPTED)
    except (SyntaxError, ImportError) as exc:
        what = damaged(exc)
        if what is None:
            raise
        if (Path(__file__).resolve().parents[1] / "pyproject.toml").is_file():
            traceback.print_exc()  # a source checkout: an edit of curator's own, to be seen whole
        say_damaged(what)
        sys.exit(EXIT_DAMAGED)
    run()


if __name__ == "__main__":
    main()
