"""A draft's seal: a line `curator draft` writes just above its closing line, holding a digest of
the rest of the draft as curator wrote it. It tells curator's own draft, not edited since, from
one the editor edited without the store's note of it (`Store.draft_written`): after a backup of
the store is put back, the store does not know the draft curator wrote later, and an untouched
draft was called edited, "your edits would be lost" (walk181 #5)."""

from __future__ import annotations

import hashlib
import re

from curator.draftend import END_LINE

#: The seal's words; `{seal}` is the digest.
SEAL_LINE = (
    "<!-- curator's draft as written: {seal} (this line only tells curator whether the draft"
    " was edited; edit anything) -->"
)
_SEAL = re.compile(
    r"^<!-- curator's draft as written: ([0-9a-f]{16}) \(.*-->[ \t]*\r?\n", re.MULTILINE
)


def _digest(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:16]


def sealed(text: str) -> str:
    """`text`, a draft curator wrote, with its seal just above its closing line (`END_LINE`)."""
    at = text.rfind(END_LINE)
    if at < 0:
        return text
    return text[:at] + SEAL_LINE.format(seal=_digest(text)) + "\n" + text[at:]


def as_curator_wrote(text: str) -> bool:
    """Whether `text` is a draft as curator wrote it: its seal matches the rest of it."""
    found = list(_SEAL.finditer(text))
    if len(found) != 1:
        return False
    match = found[0]
    rest = text[: match.start()] + text[match.end() :]
    return match.group(1) == _digest(rest)
