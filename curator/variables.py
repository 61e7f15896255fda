"""Variables in the editor's text: `{number}`, `{theme}`... in an introduction or a closing line (pure).

The configured introduction is the same text every week; variables let it say what changes (the
issue's number, its theme, the next theme, the date). A word in braces that is not a variable is a
mistake the editor is told about with a did-you-mean; `{{` and `}}` write a brace itself.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

#: The variables, and what each becomes (said back when one is mistyped).
VARIABLES: dict[str, str] = {
    "number": "the issue's number, e.g. 5",
    "title": "the newsletter's title",
    "editor": "the editor's name",
    "date": "the issue's date, e.g. November 25, 2026",
    "theme": "the issue's theme, e.g. Measuring the customer experience ('' for every subject)",
    "next_theme": "the next theme in the plan ('' when there is none, or this issue uses it up)",
}

#: `{word}`: a variable (or a mistyped one); `{{` and `}}` are braces written as text.
_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_ ]{0,40})\}")


class VariableError(ValueError):
    """An unknown variable: its 1-based line within the text, and the message (with the fix)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def check_variables(text: str) -> None:
    """Raise VariableError for the first `{word}` in `text` that is not a variable."""
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        if name is None or name in VARIABLES:
            continue
        line = text.count("\n", 0, match.start()) + 1
        close = difflib.get_close_matches(name.strip().lower(), list(VARIABLES), n=1, cutoff=0.6)
        hint = f"did you mean {{{close[0]}}}? The" if close else "the"
        known = ", ".join(f"{{{v}}}" for v in VARIABLES)
        raise VariableError(
            line,
            f"unknown variable {{{name}}}; {hint} variables are {known} "
            "(write {{ and }} for a brace itself)",
        )


def fill(text: str, values: Mapping[str, object]) -> str:
    """`text` with each variable replaced by its value (check_variables first for the message)."""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name not in VARIABLES:
            check_variables(token)
        return str(values.get(name, "") or "")

    return _TOKEN.sub(one, text)


__all__ = ["VARIABLES", "VariableError", "check_variables", "fill"]
