"""Which newsletter a draft was made for, as the draft itself records it: the command its opening
note gives names feeds.yaml by its full path (`cli.build.draft_build_args`).

Why: walk186 #4, two newsletters whose `settings: drafts` named one shared folder; Gadget
Digest's draft of issue 9 (its title, its editor, its note naming gadgets/feeds.yaml) was
published by `curator build --draft` from Tech Notes' folder as Tech Notes' issue 9, because the
draft was "in this newsletter's drafts folder". What the draft records decides, wherever it is;
and `curator draft` says when its drafts folder holds another newsletter's drafts.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
from pathlib import Path

from curator.config import Config
from curator.draft import front_matter_of
from curator.draftwrite import draft_path
from curator.newslettername import same_name
from curator.runlock import BuildError

#: The `--config PATH` in the command a draft's opening note gives (`draftwrite.HELP`).
NOTE_CONFIG = re.compile(r"curator build --draft .*?--config (\S.*?)\s*$", re.MULTILINE)

#: Drafts looked at for `other_newsletters_drafts` (a folder of thousands is not read whole).
_LOOKED_AT = 200


def noted_config(draft_file: Path) -> Path | None:
    """The feeds.yaml the draft's opening note names, when it names one by its full path and that
    file is there; None otherwise (an older draft, a note deleted, a newsletter moved)."""
    try:
        with draft_file.open(encoding="utf-8") as handle:
            head = handle.read(4000)
    except (OSError, UnicodeDecodeError):
        return None
    if (match := NOTE_CONFIG.search(head)) is None:
        return None
    with contextlib.suppress(ValueError):
        for word in shlex.split(match.group(1))[:1]:
            path = Path(word)
            if path.is_absolute() and path.is_file():
                return path
    return None


def same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` are one file (a link or another spelling of its path counts)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def made_for_another(draft_file: Path, config: Config) -> Path | None:
    """The other newsletter's feeds.yaml the draft records it was made for; None when it records
    this newsletter's, or none that is there."""
    noted = noted_config(draft_file)
    return None if noted is None or same_file(noted, config.path) else noted


def _ours(draft_file: Path, config: Config) -> bool:
    """Whether the draft's front matter gives this newsletter's title (a copy of the newsletter's
    folder keeps drafts whose note names the folder it was copied from)."""

    title = front_matter_of(draft_file).get("title")
    return not isinstance(title, str) or same_name(title, config.title)


def other_newsletters_drafts(config: Config) -> dict[Path, list[Path]]:
    """The drafts in this newsletter's drafts folder made for another newsletter, by that
    newsletter's feeds.yaml (`made_for_another`)."""
    folder = config.settings.drafts or config.folder / "drafts"
    try:
        paths = sorted(folder.glob("*.md"))[:_LOOKED_AT]
    except OSError:
        return {}
    found: dict[Path, list[Path]] = {}
    for path in paths:
        if (other := made_for_another(path, config)) is not None and not _ours(path, config):
            found.setdefault(other, []).append(path)
    return found


def shared_drafts_note(config: Config, number: int, *, force: bool = False) -> str | None:
    """What `curator draft` warns when its drafts folder holds another newsletter's drafts: both
    write `issue-N.md` there, one newsletter's draft of an issue replacing the other's. It stops
    (exit 1, without --force) before this newsletter's draft of issue `number` would replace the
    other's draft of that number, which curator would otherwise take for its own unedited one."""
    found = other_newsletters_drafts(config)
    if not found:
        return None
    folder = config.settings.drafts or config.folder / "drafts"
    path = draft_path(folder, number)
    other = made_for_another(path, config)
    if not force and other is not None and not _ours(path, config):
        raise BuildError(
            f"{path} is another newsletter's draft (its first note says it was made for {other}),"
            f" and this newsletter's draft of issue {number} would replace it: the drafts folder"
            f" {folder} (settings: drafts in {config.path}) is both newsletters'. No draft was"
            " written. To go on: give each newsletter a drafts folder of its own (settings:"
            " drafts in each newsletter's feeds.yaml), then run again (or pass --force to replace"
            " it)"
        )
    others = "; ".join(
        f"{', '.join(p.name for p in paths[:3])}{' ...' if len(paths) > 3 else ''}, made for"
        f" {other}"
        for other, paths in found.items()
    )
    return (
        f"the drafts folder {folder} (settings: drafts in {config.path}) holds another"
        f" newsletter's drafts ({others}): newsletters that share a drafts folder write their"
        " drafts there under the same names (issue-N.md), and a draft of one replaces the"
        " other's draft of the same issue number; give each newsletter a drafts folder of its"
        " own (settings: drafts in each newsletter's feeds.yaml)"
    )
