"""`settings: first_issue:` set after the store published an issue (walk205 #4): read only while
the store has published none, it was ignored without a word; `draft` and `build` say so once."""

from __future__ import annotations

import re

from curator.config import Config
from curator.store import Store

_SETTING = re.compile(r"^\s+first_issue\s*:", re.MULTILINE)
_SAID = "first_issue_ignored_said"


def first_issue_ignored(config: Config, store: Store) -> str | None:
    """What to say of a `first_issue:` other than 1 that the store ignores because it published
    an issue already; None when there is none, or it was said for this value before."""
    wanted = config.settings.first_issue
    last = store.last_issue_number()
    if wanted == 1 or last is None or wanted == last + 1:
        return None
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", (_SAID,)).fetchone()
    if row is not None and row[0] == str(wanted):
        return None
    with store.transaction():  # (`draft` and `build` write to the store)
        store.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_SAID, str(wanted))
        )
    where = str(config.path)
    try:
        text = config.path.read_text(encoding="utf-8-sig")
        found = _SETTING.search(text)
        if found is not None:
            where += f" line {text[: found.start()].count(chr(10)) + 1}"
    except (OSError, UnicodeDecodeError):
        pass
    return (
        f"{where}: `first_issue: {wanted}` is not used: it applies only to a store that has"
        f" published no issue, and this one published issue {last}, so the next issue is"
        f" {last + 1}. Issue numbers carry on from the store's; to start from {wanted}, start"
        " a new store (and output folder), or remove the setting"
    )
