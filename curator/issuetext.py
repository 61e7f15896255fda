"""What an issue says around its articles: its introduction and its closing line.

An issue's introduction is, first found:

1. the draft's own (the review flow: the editor writes it in the draft);
2. a file of its own, `introductions/issue-<N>.md` beside feeds.yaml (`settings: introductions:`);
3. for an issue with a theme, the `introduction:` of the theme's subjects in feeds.yaml;
4. the newsletter's `introduction` (or `introduction_file`).

Each may use the variables of `curator.variables` ({number}, {theme}, {next_theme}, {date}...), so
one configured text can still say something new each week. The closing line (`themes: closing:`)
takes the same variables; one that names {next_theme} is left out when the plan has none
(or this issue uses it up: `themes.promised_theme`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from curator.config import Config
from curator.errors import InputError
from curator.render import date_text, join_names
from curator.variables import VariableError, check_variables, fill


@dataclass(frozen=True)
class IssueText:
    introduction: str
    closing: str


def issue_text(
    config: Config,
    *,
    number: int,
    date: datetime,
    theme: Sequence[str] = (),
    next_theme: Sequence[str] = (),
) -> IssueText:
    """The introduction and closing line of issue `number`, variables filled in."""
    values = {
        "number": number,
        "title": config.title,
        "editor": config.editor or "",
        "date": date_text(date),
        "theme": join_names(list(theme)),
        "next_theme": join_names(list(next_theme)),
    }
    own = issue_file(config, number)
    if own is not None:
        text = _read(own)
    else:
        by_subject = [
            config.subject_introductions[n] for n in theme if n in config.subject_introductions
        ]
        text = "\n\n".join(t.strip() for t in by_subject) if by_subject else config.introduction
    closing = config.themes.closing
    if "{next_theme}" in closing and not next_theme:
        closing = ""
    return IssueText(fill(text, values).strip(), fill(closing, values).strip())


def issue_file(config: Config, number: int) -> Path | None:
    """introductions/issue-<N>.md when the editor wrote one."""
    folder = config.settings.introductions
    if folder is None:
        return None
    path = folder / f"issue-{number}.md"
    return path if path.is_file() else None


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        check_variables(text)
    except VariableError as exc:
        raise InputError(f"{path}:{exc.line}: {exc.message}") from None
    return text


def repeated_introduction(
    introduction: str, number: int, previous: tuple[int, str | None] | None, config: Config
) -> str | None:
    """A warning when issue `number` would open with the previous issue's introduction, word for
    word; None otherwise."""
    if previous is None or previous[1] is None or not introduction.strip():
        return None
    if introduction.split() != previous[1].split():
        return None
    folder = config.settings.introductions or config.folder / "introductions"
    return (
        f"issue {number}'s introduction is word for word issue {previous[0]}'s; give it its own in "
        f"{folder / f'issue-{number}.md'} (or in the draft), or use variables such as {{number}} "
        "and {theme} in the configured one"
    )


__all__ = ["IssueText", "issue_file", "issue_text", "repeated_introduction"]
