"""A plain build that waited for another run on the same store, which published an issue
meanwhile, publishes none (walk186 #5: two overlapping `curator build --quiet` from cron both
exited 0, the second publishing issue 8 of what issue 7 had left, a minute after it). A plain
`curator draft` that waited so writes none: the issue it was drafting is out (a draft of what
that issue left, written as if nothing had happened, would pass for the one the editor ran it
for)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from curator.errors import EXIT_PUBLISHED_MEANWHILE, CuratorError, shell_arg
from curator.store import Store


class PublishedMeanwhile(CuratorError):
    """Another run published an issue while this build waited for it: nothing was published."""

    exit_code: ClassVar[int] = EXIT_PUBLISHED_MEANWHILE


def published_meanwhile(
    store: Store, since: datetime, *, drafting: bool = False
) -> PublishedMeanwhile | None:
    """The refusal when issues were published from `since` on (the start of the first run this
    one waited for: `runlock.build_lock`), by that run or another that took the lock before
    this one; None when none was. A warning would not do: this build would already have
    published, and README's "Take an issue back" is work for the editor and a mail readers
    got (the "published less than a minute ago" warning stays for two builds that did not
    overlap, which may be meant). `drafting`: the run is `curator draft`."""
    numbers = [i.number for i in store.issues() if i.published_at >= since]
    if not numbers:
        return None
    named = (
        f"issue {numbers[0]}"
        if len(numbers) == 1
        else f"issues {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"
    )
    last = numbers[-1]
    if drafting:
        return PublishedMeanwhile(
            f"another curator run on this store published {named} while this draft waited for"
            " it to finish: the issue it was drafting is out; no draft was written. To draft"
            f" issue {last + 1}, of what issue {last} left, run `curator draft` again"
        )
    return PublishedMeanwhile(
        f"another curator run on this store published {named} while this build waited for it"
        f" to finish; nothing was published, so that readers do not get issue {last + 1} of"
        f" what issue {last} left right after it. If two schedules build this newsletter (two cron"
        " entries, say), keep one; to publish issue"
        f" {last + 1} now on purpose, run `curator build` again"
    )


def drafted_meanwhile(store: Store, since: datetime, drafts: Path) -> PublishedMeanwhile | None:
    """The refusal of a plain build when the draft of the issue it is to publish
    (drafts/issue-<N>.md in `drafts`) was written from `since` on, by the run it waited for:
    the editor is drafting that issue, and publishing curator's own choice would make the draft
    theirs no more. None when no such draft was written meanwhile."""
    number = store.next_issue_number()
    draft = drafts / f"issue-{number}.md"
    try:
        written = datetime.fromtimestamp(draft.stat().st_mtime, since.tzinfo)
    except OSError:  # none (or none to see: the build goes on as it would have)
        return None
    if written < since:
        return None
    return PublishedMeanwhile(
        f"another curator run on this store wrote {draft}, the draft of issue {number}, while"
        " this build waited for it to finish; nothing was published, so that the draft the"
        f" editor is to edit stays the one of issue {number}. To publish it once edited, run"
        f" `curator build --draft {shell_arg(draft)}`; to publish curator's own choice instead (the draft"
        " then no longer counts), run `curator build` again"
    )
