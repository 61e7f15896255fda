"""stdout and stderr that cannot stop a run: what curator prints is its report, not its work.

A cron job's stdout may be a pipe whose reader has gone (`curator build | head`, a closed pipe)
or a file on a full disk; its stderr may be either too. A write that fails there must not end the
run half-way (an issue published but the run ending with exit 1 and no word, a build stopped
before it starts because a progress line could not be written, a traceback). `guard_streams`
puts both behind a writer that keeps the first error and drops what follows; `report_lost` is
the one line, and the exit code, a run ends with when its report on stdout was lost.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import Any, TextIO

from curator.errors import EXIT_OK, EXIT_REPORT_LOST


class _Guarded(io.BufferedWriter):
    """A file descriptor's buffered writer that writes as far as it lets itself be: the first
    failed write (its error kept in `error`, and where it went in `where`) points the descriptor
    at /dev/null, so that what follows, and what the buffer still holds, is dropped quietly.

    Only `write` and `flush` are Python's: the buffer and the writes under it stay io's own, so a
    Ctrl-C landing in the middle of a line cannot make the buffer write it twice."""

    def __init__(self, fd: int) -> None:
        super().__init__(io.FileIO(fd, "w", closefd=False))
        self.error: OSError | None = None
        self.where = ""

    def write(self, data: Any) -> int:
        size = len(memoryview(data).cast("B"))
        if self.error is None:
            try:
                return super().write(data)
            except OSError as error:
                self._lose(error)
        return size

    def flush(self) -> None:
        if self.error is None:
            try:
                super().flush()
                return
            except OSError as error:
                self._lose(error)
        with contextlib.suppress(OSError, ValueError):
            super().flush()

    def _lose(self, error: OSError) -> None:
        self.error = error
        fd = self.fileno()
        self.where = _where(fd)
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)
        with contextlib.suppress(OSError, ValueError):
            super().flush()  # what the buffer held goes to /dev/null: nothing is raised later


#: The guarded writers under sys.stdout and sys.stderr, once `guard_streams` has run.
_GUARDED: dict[str, _Guarded] = {}


def _guarded(stream: TextIO, name: str, *, errors: str, line_buffering: bool) -> TextIO:
    try:
        fd = stream.fileno()
        stream.flush()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture): kept
        return stream
    buffer = _Guarded(fd)
    _GUARDED[name] = buffer
    return io.TextIOWrapper(
        buffer, encoding=stream.encoding, errors=errors, line_buffering=line_buffering
    )


def guard_streams() -> None:
    """Put sys.stdout and sys.stderr behind guarded writers (see the module's docstring)."""
    if _GUARDED:
        return
    out, err = sys.stdout, sys.stderr
    sys.stdout = _guarded(
        out,
        "stdout",
        errors=out.errors or "strict",
        line_buffering=bool(getattr(out, "line_buffering", False)),
    )
    sys.stderr = _guarded(err, "stderr", errors="backslashreplace", line_buffering=True)


def _where(fd: int) -> str:
    """What stdout is, for the message: the file's path when it is one, else `stdout`."""
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return "stdout"
    return f"stdout ({target})" if target.startswith("/") else "stdout"


def stderr_lost() -> str | None:
    """Why the run's progress and warnings were lost on stderr, when they were by a failure
    that ends the run with `EXIT_REPORT_LOST` (a full disk; not a closed pipe): else None."""
    told = _GUARDED.get("stderr")
    if told is None or told.error is None or told.error.errno == errno.EPIPE:
        return None
    return told.error.strerror or str(told.error)


#: The command that ran only reads (`changes_nothing`): running it again is harmless.
_READS_ONLY: list[bool] = []


def changes_nothing() -> None:
    """Say that the command running only reads (themes, feeds list, subjects list, extract...):
    when its report is lost, the way to get it is to run it again, which `report_lost` says
    (walk56 #5: "do not run it again for the report" was said of `themes` too)."""
    _READS_ONLY.append(True)


#: What the run published, said when its report is lost ("issue 26 was published: PATH").
_OUTCOME: list[str] = []


def outcome(what: str) -> None:
    """Say what the run did that its report tells (`issue 26 was published: PATH`, `no issue was
    published`): when that report is lost (a full disk), `report_lost` names it, for the editor
    told not to run it again must know whether it published (walk157 #4)."""
    _OUTCOME.append(what)


def report_lost(code: int) -> int:
    """The exit code a run ends with, given the code its command ended with (`code`), after a
    line on stderr when its report on stdout could not all be written: a reader that went away
    (a closed pipe) changes no exit code; any other failure (a full disk) turns success into
    `EXIT_REPORT_LOST`, for the report a script reads is cut short, but the work is done. So does
    such a failure of stderr, where the run's warnings were lost."""
    guarded = _GUARDED.get("stdout")
    if guarded is None:
        return code
    with contextlib.suppress(OSError, ValueError):  # the guarded writer raises nothing
        sys.stdout.flush()
        sys.stderr.flush()
    error = guarded.error
    if error is None:
        # Warnings lost on a stderr that failed other than by its reader going (a full disk):
        # nothing can say so, so the exit code does (walk58 #2: exit 0, warnings gone).
        told = _GUARDED.get("stderr")
        if code == EXIT_OK and told and told.error and told.error.errno != errno.EPIPE:
            return EXIT_REPORT_LOST
        return code
    did = f": {_OUTCOME[-1]}," if _OUTCOME else ","
    if code != EXIT_OK:
        done = f"the run itself went on to its end (exit {code}, its error said above)"
        if _OUTCOME:
            done += f": {_OUTCOME[-1]}"
    elif _READS_ONLY:  # nothing to lose by running it again: the one way to get the report
        done = "this command changes nothing, so run it again for the report" + (
            "" if error.errno == errno.EPIPE else " (with stdout where there is room)"
        )
    else:
        done = (
            f"the run itself went on to its end{did} and what it did is kept: do not run it"
            " again for the report"
        )
    if error.errno == errno.EPIPE:
        line = (
            f"stdout was closed before curator's report was all written (nothing reads it); {done}"
        )
    else:
        reason = error.strerror or str(error)
        line = f"could not write the report to {guarded.where}: {reason}; {done}"
    sys.stderr.write(f"curator: {line}\n")
    sys.stderr.flush()
    if code == EXIT_OK and error.errno != errno.EPIPE:
        return EXIT_REPORT_LOST
    return code
