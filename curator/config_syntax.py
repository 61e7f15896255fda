"""feeds.yaml's YAML composed into nodes, and each syntax mistake YAML refuses (a tab, an unclosed
quote, a key with no space after its colon, a bare list item, a misindented line) located and
said with its fix."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import Node

from curator.config import ConfigError
from curator.yamlcolon import missing_colon


def compose(text: str, path: Path) -> Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        fix = "check the indentation and quoting around this point"
        opened = _opened_at(text, exc)
        if opened is not None:
            # Reported where YAML gave up, lines below (a comment's quote, the next key): the
            # mistake is where the quote or bracket was opened (walk68 #5).
            mark, fix = opened
            problem = "a quote or bracket is not closed"
        elif (glued := _no_space_after_colon(text, exc)) is not None:
            mark, problem, fix = glued
        elif (colonless := missing_colon(text, exc)) is not None:  # (walk186 #6)
            mark, problem, fix = colonless
        elif "\t" in problem or "'\\t'" in problem or "tab" in problem.lower():
            fix = _tab_fix(text, mark)
        elif "mapping values are not allowed" in problem:
            fix = (
                _bare_item(text, mark)
                or _curly_quoted(text, mark)
                or _misindented(text, mark)
                or "put quotes around a value that contains ': '"
            )
        elif problem.startswith("expected <block end>"):
            # walk180 #10: YAML's own words ("expected <block end>, but found '<block mapping
            # start>'") came first, the plain ones only as "check the indentation": say what is
            # wrong in plain words, then the parser's, for someone who knows them.
            fix = (
                _misindented(text, mark)
                or "check the indentation (the keys of one section start in the same column, and"
                " so do the `-` of a list's items)"
            ) + f' (the YAML parser says: "{problem}")'
            problem = "this line does not line up with the lines above it"
        elif "found another document" in problem:
            # walk68 #7: "but found another document" said nothing of the `---` line.
            problem = "a line `---` starts a second YAML document"
            fix = "a feeds.yaml is one: delete the `---` line"
        elif "escape" in problem and mark is not None and "\\" in text.splitlines()[mark.line]:
            # A Windows path in double quotes: "C:\Users\..." reads \U as an escape (walk68 #7).
            fix = (
                "in double quotes a backslash starts an escape (\\U, \\n): write the path with"
                " forward slashes (C:/Users/...) or in single quotes ('C:\\Users\\...')"
            )
        elif "found undefined alias" in problem or "found unknown escape" in problem:
            fix = "quote the value"
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise ConfigError(path, line, col, f"not valid YAML: {problem}; {fix}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (NUL, other controls)
        line, col = _line_column(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise ConfigError(
            path, line, col, f"not valid YAML: {exc.reason} (U+{char:04X}); delete it"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, None, None, f"not valid YAML: {exc}") from None
    except RecursionError:
        line, col = _deepest(text)
        raise ConfigError(
            path, line, col, "not valid YAML: nested far too deeply; a feeds.yaml needs 4 levels"
        ) from None


def _tab_fix(text: str, mark: yaml.Mark | None) -> str:
    """The fix for a tab YAML refused: in the indentation, or after a key's colon."""
    if mark is not None:
        lines = text.splitlines()
        line = lines[mark.line] if mark.line < len(lines) else ""
        before = line[: mark.column].rstrip(" \t")
        if before.endswith(":") and before.strip(" \t-"):
            return "put a space after the colon, not a tab; YAML does not allow tabs there"
    return "indent with spaces; YAML does not allow tabs"


def _opened_at(text: str, exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark, str] | None:
    """Where an unclosed quote or [ / { was opened, and the fix, when that is the mistake YAML
    refused lines below it; None for any other mistake."""
    context = exc.context or ""
    if context.startswith("while parsing a flow") and exc.context_mark is not None:
        kind = "mapping" if "mapping" in context else "sequence"
        pair = "{}" if kind == "mapping" else "[]"
        mark = exc.context_mark
        if exc.problem_mark is None or exc.problem_mark.line > mark.line:
            return mark, (
                f"the {pair[0]} opened here is not closed on its line: end the list with"
                f" {pair[1]} on this line (and quote an item with ', ' or ': ' in it)"
            )
        return None
    if context.startswith("while scanning a quoted scalar") and exc.context_mark is not None:
        return exc.context_mark, (
            "the quote opened here is never closed: end the value with the same quote"
        )
    problem = exc.problem_mark
    if problem is None:
        return None
    quoted = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= problem.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                quoted = token
    except yaml.YAMLError:
        pass
    if (
        quoted is None
        or quoted.start_mark.line == quoted.end_mark.line
        or quoted.end_mark.line != problem.line
    ):
        return None
    return quoted.start_mark, (
        f"the {quoted.style} opened here is not closed on this line (YAML read on to line"
        f" {quoted.end_mark.line + 1}): end the value with {quoted.style} on this line"
    )


def _no_space_after_colon(
    text: str, exc: yaml.MarkedYAMLError
) -> tuple[yaml.Mark, str, str] | None:
    """Where, what and the fix when a key is written with no space after its colon
    (`name:Northwind`): YAML reads the line as text and says "could not find expected ':'" on
    the line below, which named neither the line nor the space (walk72 #5)."""
    lines = text.splitlines()
    candidates = [exc.context_mark, exc.problem_mark]
    if exc.problem_mark is not None:  # the line above the one YAML gave up on (`- url:x`)
        above = exc.problem_mark.line - 1
        while above >= 0 and (not lines[above].strip() or lines[above].lstrip()[:1] == "#"):
            above -= 1
        if above >= 0:
            candidates.append(yaml.Mark("", 0, above, 0, None, None))
    for mark in candidates:
        if mark is None or mark.line >= len(lines):
            continue
        match = re.match(r"(\s*(?:-\s+)?)([A-Za-z_][\w-]*):([^\s/:].*)$", lines[mark.line])
        if match:  # (not a bare address, `https://...`)
            break
    else:
        return None
    key, value = match[2], match[3].split(" #", 1)[0].rstrip()
    mark = yaml.Mark("", 0, mark.line, len(match[1]), None, None)
    return (
        mark,
        f"`{key}:{value}` has no space after `{key}:`, so YAML reads the line as text, not a key",
        f"write `{key}: {value}`",
    )


def _curly_quoted(text: str, mark: yaml.Mark | None) -> str | None:
    """The fix when the refused line's value opens with a curly quote (from a word processor):
    YAML reads it as text, so "put quotes around it" was advice already followed (walk68 #6)."""
    if mark is None or mark.line >= len(lines := text.splitlines()):
        return None
    value = lines[mark.line].partition(":")[2].strip()
    if value[:1] not in ("\u2018", "\u2019", "\u201c", "\u201d"):
        return None
    return (
        "curly quotes (\u2018 \u2019 \u201c \u201d) are not YAML quotes: type the value's "
        'quotes as straight double quotes, "..."'
    )


#: The key each item of a top-level list starts with, for a `- text` item written without it.
_ITEM_KEYS = {"subjects": "name", "feeds": "url"}


def _bare_item(text: str, mark: yaml.Mark | None) -> str | None:
    """The fix when the refused line is a key under a list item written as bare text (`- Voice
    of the customer`, its `name:` left out): YAML reads the key's line as more of that text, so
    quoting the value, the usual advice, does not help (walk68 #1). None for anything else."""
    if mark is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    here = lines[mark.line]
    if not re.match(r"\s+[\w-]+:(\s|$)", here):
        return None
    for number in range(mark.line - 1, -1, -1):
        above = lines[number]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        item = re.match(r"(\s*)-\s+(\S.*)$", above)
        if item is None or re.search(r"^[\w-]+:(\s|$)", item.group(2)):
            return None
        section = next(
            (
                m.group(1)
                for m in (re.match(r"([\w-]+):", line) for line in reversed(lines[:number]))
                if m
            ),
            "",
        )
        key = _ITEM_KEYS.get(section, "name")
        shown = item.group(2).split(" #")[0].strip()
        return (
            f"the list item on line {number + 1}, `- {shown}`, is bare text, so this line reads "
            f"as more of it: write it `- {key}: {shown}`, with this line's key under `{key}:` "
            "in the same column"
        )
    return None


def _misindented(text: str, mark: yaml.Mark | None) -> str | None:
    """The fix when the refused line's key is indented unlike the key on the line above (YAML
    then reads it as the rest of that line's value); None when they line up."""
    if mark is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    above = next(
        (
            line
            for line in reversed(lines[: mark.line])
            if line.strip() and not line.lstrip().startswith("#")
        ),
        None,
    )
    if above is None or above.split(" #")[0].rstrip().endswith(":"):
        return None  # the first key of a section: deeper than the line above is right
    here = lines[mark.line]
    indent = len(here) - len(here.lstrip(" "))
    sibling = len(above) - len(above.lstrip(" -"))
    if indent == sibling:
        return None
    return (
        f"this line is indented {indent} space{'' if indent == 1 else 's'} and the key above it"
        f" {sibling}: check the "
        "indentation (the keys of one section start in the same column)"
    )


def _line_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _deepest(text: str, limit: int = 50) -> tuple[int, int]:
    """Where brackets or indentation first nest more than `limit` deep (for the message when the
    YAML parser runs out of stack); the start of the file when that cannot be told."""
    depth = 0
    for pos, ch in enumerate(text):
        depth += ch in "[{"
        depth -= ch in "]}"
        if depth > limit:
            return _line_column(text, pos)
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) - len(line.lstrip(" ")) > 2 * limit:
            return number, 1
    return 1, 1
