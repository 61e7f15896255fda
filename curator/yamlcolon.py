"""A YAML key written without its colon (`issue_size 4`), said at its own line: YAML gives up
on the next key's line ("could not find expected ':'"), and that was the line named (walk186
#6: feeds.yaml:8:1, `subjects:`, for `  issue_size 4` on line 6). Shared by feeds.yaml and a
draft's front matter."""

from __future__ import annotations

import re

import yaml

#: A line that reads as a key without its colon: the key, then its value (if any).
_KEY_AND_VALUE = re.compile(r"(\s*(?:-\s+)?)([A-Za-z_][\w-]*)(?:[ \t]+(\S.*?))?\s*$")


def missing_colon(
    text: str, exc: yaml.MarkedYAMLError, first_line: int = 1
) -> tuple[yaml.Mark, str, str] | None:
    """Where (the line of the text YAML took for a key), what is wrong and the fix, when YAML
    refused `text` for a key with no colon ("while scanning a simple key"); None otherwise.
    `first_line`: the number of `text`'s first line in its file, for the line the message names
    (the mark stays `text`'s own)."""
    mark = exc.context_mark
    if exc.context != "while scanning a simple key" or mark is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    line = lines[mark.line].split(" #", 1)[0]
    gave_up = (
        f" (YAML looked for it down to line {exc.problem_mark.line + first_line})"
        if exc.problem_mark is not None and exc.problem_mark.line > mark.line
        else ""
    )
    found = _KEY_AND_VALUE.match(line)
    if found is None:
        return (
            mark,
            f"`{line.strip()}` has no colon, so YAML cannot tell its key{gave_up}",
            "write it `key: value`, with a colon and a space after the key",
        )
    key, value = found[2], found[3]
    at = yaml.Mark(mark.name, 0, mark.line, len(found[1]), None, None)
    fix = f"write `{key}: {value}`" if value else f"write `{key}:`"
    return at, f"the colon is missing after `{key}`{gave_up}", fix
