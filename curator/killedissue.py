"""An issue a build put in place in the output folder and was killed (`kill -9`, the machine going
down) before the store recorded it: the next `build` or `draft` records that issue as its files
are (`finish_killed_issue`), and publishes no other issue under its number.

Why: a build killed as soon as its first file appeared left all six editions of issue N, with
index.html, feed.xml and latest.html listing it, while the store had not recorded it; readers saw
issue N for a week, and the next build published a different issue N (other articles) over it,
with the same feed.xml id (walk201 #1). A build cannot record its issue and rename its files in
one step; the store records, before the first rename, the digests of every file the build writes
(`Store.begin_issue`), so the next run knows the files (and the temporary ones not yet renamed)
for the killed build's own, and finishes what it began."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from curator.config import Config
from curator.errors import shell_arg
from curator.issuedata import issue_from_data
from curator.publish import put_temp_in_place, remove_leftover_temps
from curator.publishissue import file_digest
from curator.republish_files import record_unknown_issues
from curator.runlock import BuildError
from curator.runoverlap import PublishedMeanwhile
from curator.store import Store


def killed_issue_shown(store: Store, out_dir: Path) -> tuple[int, list[str]] | None:
    """The issue a killed build of this store began (`Store.unfinished_issue`) and the files of
    it in `out_dir` that build put in place (their digests are those it marked), or None when
    it put none there (readers saw nothing of it: the next build publishes the issue anew)."""
    number = store.unfinished_issue()
    if number is None or store.has_issue(number):
        return None
    attempt = store.unfinished_files() or {}
    shown = []
    for name, digests in attempt.items():
        try:
            digest = file_digest((out_dir / name).read_bytes())
        except OSError:
            continue
        if digest in digests:
            shown.append(name)
    return (number, sorted(shown)) if shown else None


#: Where the notice of a killed run (`runlock.build_lock`) says what became of its issue.
_KILLED = "(killed, or the machine went down):"


def killed_run_said(line: str, store: Store, out_dir: Path) -> str:
    """The notice of a killed run (`line`), naming the issue a killed build was publishing:
    whether it was put in place (readers may have seen it) or not, and what the next build does.

    Why: the notice read the same whether issue N went out or not (walk201 #2)."""
    found = killed_issue_shown(store, out_dir)
    number = store.unfinished_issue()
    if found is not None:
        number, shown = found
        said = (
            f" after it put issue {number} in place in {out_dir} ({', '.join(shown)}) and before"
            " the store recorded it: readers may have seen it; the next build or draft records"
            f" issue {number} as it is there, and publishes no other issue {number};"
        )
    elif number is not None and not store.has_issue(number) and "(curator build," in line:
        said = (
            f" before it put any file of issue {number} in place in {out_dir}: issue {number}"
            f" was not published, and the next build publishes it;"
        )
    else:
        return line
    return line.replace(_KILLED, _KILLED[:-1] + said, 1)


def finish_killed_issue(config: Config, store: Store, out_dir: Path, command: str) -> None:
    """When `out_dir` holds files of an issue a killed build put in place and the store did not
    record (`killed_issue_shown`): put the rest of that build's files in place, record the issue
    from its issue-N.json (as `curator render --record` does) and stop, exit 6, saying so; the
    `command` ("build" or "draft") run again publishes or drafts the next issue."""
    found = killed_issue_shown(store, out_dir)
    if found is None:
        return
    number, _ = found
    attempt = store.unfinished_files() or {}
    put: list[str] = []
    lost: list[str] = []
    for name, digests in sorted(attempt.items()):
        try:
            if file_digest((out_dir / name).read_bytes()) in digests:
                continue
        except OSError:
            pass
        if put_temp_in_place(out_dir, name, partial(_marked, frozenset(digests))):
            put.append(name)
        else:
            lost.append(name)
    json_file = out_dir / f"issue-{number}.json"
    if not json_file.is_file():
        raise BuildError(
            f"{out_dir} holds issue {number} from a build that was stopped (killed, or the"
            " machine went down) after it put its files in place and before the store recorded"
            f" it, but no {json_file.name} to record it from (settings: outputs leaves json out)."
            f" Nothing was published, so that readers do not get a second issue {number}. To"
            f" publish a new issue {number} over the one readers may have seen, move the"
            f" {out_dir / f'issue-{number}'}.* files out of the folder first"
        )
    numbers, _ = record_unknown_issues(config, store, out_dir)
    remove_leftover_temps(out_dir)  # (the killed build's: the old files it kept, `.old.tmp`)
    issue = issue_from_data(json.loads(json_file.read_text(encoding="utf-8")))
    featured = sum(len(sec.entries) for sec in issue.sections)
    nxt = numbers[-1] + 1
    again = (
        f"no draft was written; to draft issue {nxt}, run `curator draft` again"
        if command == "draft"
        else f"no other issue was published, so that readers do not get a second issue {number},"
        f" or issue {nxt} right after it; to publish issue {nxt}, run `curator build` again"
    )
    raise PublishedMeanwhile(
        f"issue {number} was in place in {out_dir} (readers may have seen it) from a build that"
        " was stopped (killed, or the machine went down) before the store recorded it: it is"
        f" recorded now as published there ({featured} article(s))"
        + (
            f"; its files that build had not put in place yet ({', '.join(put)}) are now, from"
            " the temporary files it wrote"
            if put
            else ""
        )
        + (
            f"; {', '.join(lost)} are not as that build wrote them (its temporary files of them"
            " are gone: a `curator render` since?), so they may not show the issue yet:"
            f" `curator render --all --config {shell_arg(config.path)}` writes them again"
            if lost
            else ""
        )
        + f"; {again}"
    )


def _marked(digests: frozenset[str], data: bytes) -> bool:
    """Whether `data` is a file the killed build marked (`digests`: its files' digests)."""
    return file_digest(data) in digests
