"""latest.html left from an issue published with `html` in `outputs`, once `html` is left out
(walk200 #7: it stayed issue 1's page forever, unsaid, though README calls it "the newest
issue's page"): removed when curator wrote it, left and said when it did not."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from curator.foreignfiles import carries_mark

LATEST = "latest.html"


def stale_latest(out_dir: Path, formats: Collection[str]) -> tuple[str, ...]:
    """What a build publishing without `html` in `formats` does with a latest.html in `out_dir`:
    removes it when it carries curator's mark (it would stay an older issue's page), leaves one
    curator did not write; the note saying which, or none."""
    path = out_dir / LATEST
    if "html" in formats or not path.is_file():
        return ()
    why = "`outputs` leaves out `html`, so no issue page is written for it to follow"
    try:
        ours = carries_mark(LATEST, path.read_text(encoding="utf-8", errors="replace"))
        if ours:
            path.unlink()
    except OSError as exc:
        return (
            f"{path} is an older issue's page ({why}) and could not be removed"
            f" ({exc.strerror or exc}): remove it, or add `html` to `outputs`",
        )
    if not ours:
        return (
            f"{path} was left as it is (curator did not write it), though {why}: it is not"
            " this issue's page",
        )
    return (
        f"removed {path}: {why}, and it would have stayed an older issue's page; add `html` to"
        " `outputs` to have it be the newest issue's page again",
    )
