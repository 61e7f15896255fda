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
        return _first_key(text, exc)
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
    return _said(mark.name, mark.line, found, gave_up)


def _said(
    name: str, line: int, found: re.Match[str], gave_up: str = ""
) -> tuple[yaml.Mark, str, str]:
    key, value = found[2], found[3]
    at = yaml.Mark(name, 0, line, len(found[1]), None, None)
    dash = "- " if "-" in found[1] else ""
    fix = f"write `{dash}{key}: {value}`" if value else f"write `{dash}{key}:`"
    return at, f"the colon is missing after `{key}`{gave_up}", fix


#: A line that reads as a key without its colon before a quoted or bracketed value.
_KEY_AND_QUOTED = re.compile(r"(\s*(?:-\s+)?)([A-Za-z_][\w-]*)[ \t]+([\"'\[{].*?)\s*$")


def _first_key(text: str, exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark, str, str] | None:
    """The first key of a section or list item written without its colon (walk189 #3): YAML
    reads `  title Customer...` and the next line as one text, and gives up at the next key's
    colon ("mapping values are not allowed here"; "expected <block end>" when a comment ends
    the line); `  closing "Next time: ..."` gives up on its
    own line. None when the lines do not read so (a bare list item, `- Voice of the customer`,
    is said by its own check)."""
    mark = exc.problem_mark
    if mark is None or exc.problem is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    here = lines[mark.line].split(" #", 1)[0]
    quoted = _KEY_AND_QUOTED.match(here)
    if quoted is not None and ":" not in quoted[1] + quoted[2]:
        return _said(mark.name, mark.line, quoted)
    if exc.problem != "mapping values are not allowed here" and not (
        exc.problem.startswith("expected <block end>") and "mapping start" in exc.problem
    ):
        return None  # (the line above ends in a comment: the next key is not read as its text)
    column = len(here) - len(here.lstrip(" -"))
    number = mark.line - 1
    while number >= 0 and (not lines[number].strip() or lines[number].lstrip().startswith("#")):
        number -= 1
    if number < 0:
        return None
    above = lines[number].split(" #", 1)[0]
    found = _KEY_AND_VALUE.match(above)
    if found is None or found[3] is None or len(found[1]) != column:
        return None
    if ": " in above or above.rstrip().endswith(":") or found[3][:1] in "\"'[{|>&*!%@`":
        return None
    if "-" in found[1] and not re.search(rf"(?m)^[ \t]*(?:-[ \t]+)?{found[2]}:", text):
        return None  # (`- Voice of the customer`: bare text, not a key; its name: is left out)
    return _said(mark.name, number, found)
