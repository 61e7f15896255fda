"""What the `curator subjects` commands share: the progress line while they work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from curator.cli.common import echo
from curator.cli.report_progress import RunProgress
from curator.placement import PlaceProgress


@contextmanager
def working(quiet: bool, what: str | None, step: str | None = None) -> Iterator[PlaceProgress]:
    """One progress line on stderr before work that takes seconds on a large store (`what`;
    none when None); yields what placing tells how far it got, a line every `LINE_EVERY`
    seconds (walk62 #1: 28 s of silence after this line), and between and after its batches,
    while the work goes on, `step` (else `what`) again every ~2 s with the time so far (walk81
    #5: `subjects overlap` said one line in 10.8 s)."""
    if what is not None and not quiet:
        echo(f"curator: {what}...", err=True)
    with RunProgress(quiet=quiet, terminal=False) as progress:
        progress.step(step or what, "subjects")
        yield progress.placing
