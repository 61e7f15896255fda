"""The drafts folder: the text `curator draft` writes, drafts of an issue found by number
(`drafts_of`), and the stops before an edited draft is replaced or passed over."""

from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from curator.articlewarnings import MissingBlurb, credit_notes, unread_notes
from curator.config import Config
from curator.draft import draft_path, write_draft
from curator.draftseal import as_curator_wrote, sealed
from curator.errors import shell_arg
from curator.models import Issue
from curator.nextissue import NextIssue
from curator.oldlinks import published_addresses
from curator.pullednotes import pulled_notes
from curator.runlock import BuildError
from curator.store import Store
from curator.subjects import KeywordsOnly, LikeExcluded, OneWord
from curator.whyplaced import empty_reason, left_out


def cannot_write_draft(config: Config, path: Path, exc: OSError) -> str:
    """Why the draft could not be written at `path`, and what to do (walk56 #1: a drafts folder
    made read-only, a file named `drafts`, a read-only draft under --force gave a traceback)."""
    folder = path.parent
    blocked = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocked is not None:  # mkdir: FileExistsError or NotADirectoryError
        what = f"{blocked} is a file, not a folder"
        fix = (
            f"move that file away (or set `drafts:` under `settings:` in {config.path} to"
            " another folder)"
        )
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = exc.strerror or str(exc)
        fix = f"free some space on the disk of {folder}"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = exc.strerror or str(exc)
        target = path if path.exists() and os.access(folder, os.W_OK) else folder
        fix = (
            f"make {target} writable for your user (`chmod u+w {shell_arg(target)}`; a file"
            f" made immutable needs `chattr -i {shell_arg(target)}`)"
        )
    else:
        what = exc.strerror or str(exc)
        fix = f"check {folder}"
    return (
        f"cannot write the draft {path}: {what}; no draft was written (what was fetched is"
        f" stored): {fix}, then run `curator draft` again"
    )


@dataclass(frozen=True)
class DraftWritten:
    issue: Issue
    path: Path
    warnings: tuple[str, ...] = ()
    #: The articles left without a blurb (their messages are among `warnings` too).
    missing_blurbs: tuple[MissingBlurb, ...] = ()
    #: The URLs of its articles that fit their subject only weakly (`weak_fit_warnings`).
    weak_fits: tuple[str, ...] = ()
    #: Its articles under their subject mostly on one word (`one_word_warnings`).
    one_word: tuple[OneWord, ...] = ()
    #: Its articles like one the editor excluded (`like_excluded_warnings`), last in their section.
    like_excluded: tuple[LikeExcluded, ...] = ()
    #: How many of its articles carry a note on their credit (`draft.noted_credits`).
    credit_notes: int = 0
    #: Its articles placed through their subject's keywords alone (`keywords_only_warnings`).
    keywords_only: tuple[KeywordsOnly, ...] = ()


def stop_before_replacing_draft(path: Path, force: bool, store: Store, number: int) -> None:
    """Stop before a draft the editor may have edited is replaced (without --force); one as
    curator wrote it (the store keeps its digest) is replaced, as nothing of the editor's is lost
    (walk146 #6: `draft --subject X` run twice refused, "your edits would be lost")."""
    if path.exists() and not force and not _untouched(store, number, path):
        # (the draft's own path in the advice, not DRAFT: walk97 #7, pasted as printed it
        # failed "DRAFT: cannot read the draft")
        raise BuildError(
            f"{path} exists already (your edits would be lost); "
            f"build it with `curator build --draft {shell_arg(path)}`, or pass --force to"
            " replace it"
        )


def _untouched(store: Store, number: int, path: Path) -> bool:
    """Whether the draft at `path` is as `curator draft` last wrote it for issue `number`."""
    try:
        old = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return digest(old) == store.draft_written(number) or as_curator_wrote(old)


def keep_edited_draft(store: Store, number: int, path: Path, text: str) -> Path | None:
    """Before `draft --force` replaces the draft at `path` with `text`: a copy of it when it was
    edited (not as curator wrote it, nor as it writes it now), beside it as
    issue-<N>.md.replaced (-2, -3 ... when taken), which no build reads as a draft (walk95 #3:
    --force replaced the other editor's edited draft without a word). Its path, or None."""
    try:
        old = path.read_bytes()
    except OSError:
        return None
    try:
        old_text = old.decode("utf-8")
    except UnicodeDecodeError:
        old_text = None
    if old_text is not None and (
        digest(old_text) in (store.draft_written(number), digest(text))
        or as_curator_wrote(old_text)
    ):
        return None
    copy = path.with_name(f"{path.name}.replaced")
    n = 1
    while copy.exists():
        n += 1
        copy = path.with_name(f"{path.name}.replaced-{n}")
    try:
        copy.write_bytes(old)
    except OSError as exc:
        raise BuildError(
            f"{path} was edited since `curator draft` wrote it, and could not be kept as {copy}"
            f" before --force replaced it ({exc.strerror or exc}): nothing was replaced; copy it"
            " elsewhere, then run again"
        ) from None
    return copy


def draft_text(
    config: Config, store: Store, planned: NextIssue, path: Path, config_arg: str = ""
) -> str:
    """The draft `curator draft` writes of the planned issue, at `path`."""
    notes_by_url: dict[str, list[str]] = {}
    for url, note in unread_notes(store, planned.issue).items():
        notes_by_url.setdefault(url, []).append(note)
    for url, note in credit_notes(config, store, planned.issue).items():
        notes_by_url.setdefault(url, []).append(note)
    for url in planned.weak_fits:
        notes_by_url.setdefault(url, []).append(WEAK_FIT_NOTE)
    for one in planned.one_word:
        notes_by_url.setdefault(one.url, []).append(ONE_WORD_NOTE.format(why=one.why()))
    for key in planned.keywords_only:
        notes_by_url.setdefault(key.url, []).append(KEYWORDS_ONLY_NOTE.format(why=key.why()))
    for url, note in pulled_notes(config, store, planned.issue).items():  # (walk182 #6)
        notes_by_url.setdefault(url, []).append(note)
    for found in planned.like_excluded:
        notes_by_url.setdefault(found.url, []).append(
            LIKE_EXCLUDED_NOTE.format(title=found.excluded_title, url=found.excluded_url)
        )
    # (an address an older curator stored with a user name: as the build will publish it)
    issue = published_addresses(planned.issue, str(path))[0]
    empty = [
        (name, empty_reason(name, placed, featured))
        for name, placed, featured in left_out(config, store, issue).empty
    ]
    return sealed(
        write_draft(issue, name=str(path), notes=notes_by_url, config=config_arg, empty=empty)
    )


def digest(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def stop_early_for_edited_draft(config: Config, store: Store) -> None:
    """`_unused_draft`'s stop, before any article is placed (minutes on a large store: walk101
    #2), for a draft of the next issue that differs from the one `curator draft` wrote, as the
    store recorded it (one from before the store kept a note is checked after, by
    `_unused_draft`, against the draft curator would write now)."""
    number = store.next_issue_number()
    recorded = store.draft_written(number)
    if recorded is None:
        return
    folder = config.settings.drafts or config.folder / "drafts"
    edited = []
    for path in drafts_of(folder, number, draft_path(folder, number)):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # (said by `_unused_draft`)
        if digest(text) != recorded and not as_curator_wrote(text):
            edited.append(path)
    _stop_for_drafts(edited, number)


def unused_draft(config: Config, store: Store, planned: NextIssue) -> list[Path]:
    """Stop a build without --draft while a draft of the very issue it would publish (in the
    drafts folder: issue-<N>.md, or any name whose `number:` is N) was edited since `curator
    draft` wrote it (walk38 #2: the editor cut an article in the draft,
    and `curator build` published it, saying nothing of the draft). A draft as curator wrote it
    (or as it would write it now: one from before curator kept a note of it) was not reviewed:
    the build goes on; those drafts are returned, for the build to say they are out of date."""
    folder = config.settings.drafts or config.folder / "drafts"
    number = planned.issue.number
    written = draft_path(folder, number)
    unedited: list[Path] = []
    edited: list[Path] = []
    for path in drafts_of(folder, number, written):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = None
        if text is not None and (
            digest(text) == store.draft_written(number)
            or as_curator_wrote(text)
            or digest(text) == digest(draft_text(config, store, planned, written))
        ):
            unedited.append(path)
            continue
        edited.append(path)
    _stop_for_drafts(edited, number)
    return unedited


def other_edited_drafts(config: Config, store: Store, number: int, built: Path) -> list[str]:
    """A warning per other draft of issue `number` in the drafts folder than the one `built`
    (`build --draft`) that was edited since `curator draft` wrote it: its edits are not in the
    issue (walk142 #10: with drafts/issue-1.md and drafts/mine.md both edited, `build --draft
    drafts/mine.md` published without a word of the other). Only when the store kept a note of
    the draft curator wrote, to tell an edited one by."""
    recorded = store.draft_written(number)
    if recorded is None:
        return []
    folder = config.settings.drafts or config.folder / "drafts"
    try:
        mine = built.resolve()
    except OSError:
        mine = built
    warnings = []
    for path in drafts_of(folder, number, draft_path(folder, number)):
        try:
            if path.resolve() == mine:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if digest(text) != recorded and not as_curator_wrote(text):
            warnings.append(
                f"{path} is another draft of issue {number}, edited since `curator draft` wrote"
                f" it: its edits are not in the issue, which was built from {built}; copy any you"
                " want into the next issue's draft, and move it out of the drafts folder (or"
                " delete it)"
            )
    return warnings


#: A draft's `number:` line in its front matter.
_DRAFT_NUMBER = re.compile(r"^number:[ \t]*['\"]?(\d+)['\"]?[ \t]*$", re.MULTILINE)


def drafts_of(folder: Path, number: int, written: Path) -> list[Path]:
    """The drafts in `folder` of issue `number`: drafts/issue-<N>.md, and any other `.md` file
    whose front matter says `number: N` (walk46 N4: an edited draft renamed cx-2-reviewed.md did
    not stop the build)."""
    found = [written] if written.is_file() else []
    try:
        others = sorted(p for p in folder.glob("*.md") if p.is_file() and p != written)
    except OSError:
        return found
    for path in others:
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                head = handle.read(4096).lstrip("\ufeff")
        except OSError:
            continue
        if not head.startswith("---"):
            continue
        front = head.split("\n---", 2)[0] if head.count("\n---") else head
        match = _DRAFT_NUMBER.search(front)
        if match and int(match.group(1)) == number:
            found.append(path)
    return found


def _stop_for_drafts(paths: Sequence[Path], number: int) -> None:
    """Stop a plain build, naming every edited draft of the issue it would publish (walk142
    #10: of two edited drafts, only drafts/issue-1.md was named)."""
    if not paths:
        return
    if len(paths) == 1:
        _stop_for_draft(paths[0], number)
    listed = "".join(f"\n  {path}: `curator build --draft {shell_arg(path)}`" for path in paths)
    raise BuildError(
        f"{len(paths)} drafts of issue {number}, the issue this build would publish, were edited"
        " since `curator draft` wrote them: nothing was published, for this build would publish"
        " what curator chooses, not your drafts. Keep the edits you want in one of them and"
        " publish it as reviewed with its command below (the build names the others, whose"
        " edits it leaves out); to publish what curator chooses instead, move the drafts out of"
        f" their folder (or delete them), then build again:{listed}"
    )


def _stop_for_draft(path: Path, number: int) -> None:
    raise BuildError(
        f"{path} is a draft of issue {number}, the issue this build would publish,"
        " edited since `curator draft` wrote it: nothing was published, for this build would"
        " publish what curator chooses, not your draft. To publish the draft"
        f" as reviewed: `curator build --draft {shell_arg(path)}`; to publish what curator chooses"
        " instead,"
        " move the draft out of its folder (or delete it), then build again"
    )


#: The draft's note on an article that fits its subject only weakly (`weak_fit_warnings`).
WEAK_FIT_NOTE = (
    "Weak fit: this article scores under its subject's own bar and may be off the subject: cut it"
    " if it is (and `curator subjects exclude URL` keeps it out of later issues)."
)


#: The draft's note on an article like one the editor excluded (`like_excluded_warnings`).
LIKE_EXCLUDED_NOTE = (
    'Like an article you excluded ("{title}", {url}): cut it, or `curator subjects exclude URL`'
    " keeps it out too."
)


#: The draft's note on an article placed through its subject's keywords alone (walk182 #1).
KEYWORDS_ONLY_NOTE = (
    "Keywords only: it {why}; cut it if it is off the subject (and `curator subjects exclude URL`"
    " keeps it out of later issues)."
)


#: The draft's note on an article under its subject mostly on one word (`one_word_warnings`).
ONE_WORD_NOTE = (
    "Fits on one word: {why}; cut it if it does not (and `curator subjects exclude URL` keeps it"
    " out of later issues)."
)


def new_since_edited_draft(config: Config, store: Store, before: int) -> str | None:
    """What `curator fetch` says when it stored articles of the subjects after `curator draft`
    wrote the next issue's draft, and that draft was edited since (`before`: the newest article's
    id before the fetch; None when this fetch brought none of them): how many came in since, by
    subject, and that the edited draft is published as written while `curator draft --force`
    would offer them (fixmb #2: the fetch said only "1 new article(s) stored.").

    Only an edited draft: one as curator wrote it is written anew by the next `curator draft`."""
    number = store.next_issue_number()
    newest, recorded = store.draft_newest(number), store.draft_written(number)
    if newest is None or recorded is None or not store.placed_since(max(newest, before), ()):
        return None
    folder = config.settings.drafts or config.folder / "drafts"
    edited = []
    for path in drafts_of(folder, number, draft_path(folder, number)):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # (what is wrong with it, its build says)
        if digest(text) != recorded and not as_curator_wrote(text):
            edited.append(path)
    if not edited:
        return None
    since = store.placed_since(newest, ())
    n = sum(since.values())
    where = ", ".join(f"{k} under {s}" for s, k in sorted(since.items()))
    names = " and ".join(str(p) for p in edited)
    first = edited[0]
    return (
        f"{n} new article(s) of your subjects came in since {names} {'was' if len(edited) == 1 else 'were'} written ({where}): your"
        f" edited draft does not have them, and `curator build --draft {shell_arg(first)}`"
        f" publishes it as you wrote it; `curator draft --force` would offer them in a new"
        f" draft, keeping yours as {first.name}.replaced to copy your edits from."
    )
