"""A draft's front matter (its YAML between the `---` lines): reading it with each mistake
named at its line and the fix (a tab, curly quotes, a quote never closed, an unknown key), its
date, the subjects it names, and the `feature_again:` line a message gives to paste."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from curator.draftmodel import DraftError
from curator.render import local_midnight
from curator.yamlcolon import missing_colon

#: Front matter keys a draft may have, and what each holds (said back in an error).
FRONT_MATTER_KEYS = {
    "title": "the newsletter's title",
    "number": "the issue number, a whole number",
    "date": "the issue's date, e.g. 2026-11-25",
    "editor": "the editor's name (optional)",
    "introduction": "the introduction (optional; usually written below the front matter instead)",
    "theme": "the subject (or [subjects]) the issue is about (optional; none: every subject)",
    "closing": "the closing line after the articles (optional)",
    "extra_sections": "headings of your own that are not subjects, e.g. [Editor's picks]",
    "feature_again": "addresses of articles an earlier issue featured, to feature again on"
    " purpose, e.g. [https://example.com/post]",
}


@dataclass(frozen=True)
class FrontMatter:
    """The front matter's values, each key's line, and the index of the first body line."""

    values: dict[str, object]
    lines: dict[str, int]
    body_start: int
    #: The mistakes found in it (the body is read all the same, for its own).
    mistakes: list[DraftError] = field(default_factory=list)

    def line(self, key: str) -> int:
        return self.lines.get(key, 2)


class _DraftLoader(yaml.SafeLoader):  # type: ignore[misc]
    """YAML's safe loader, but a date that is no date (`date: 2026-13-45`) is left as text, for
    `_draft_date` to name with its line, where the loader raised a bare ValueError (walk38 #5)."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_DraftLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def flow_item(text: str) -> str:
    """`text` as an item of a YAML [...] list, pasteable: bare when YAML reads it back so, else
    in double quotes (a ', ' would split it in two, walk68 #2; a ': ' or '?' would break it)."""
    try:
        bare = yaml.safe_load(f"[{text}]") == [text]
    except yaml.YAMLError:
        bare = False
    return text if bare else json.dumps(text, ensure_ascii=False)


def feature_again_line(url: str) -> str:
    """The front matter line that lets the article at `url` be featured again, as it can be
    pasted: the address in double quotes when YAML would not read it bare in a [...] list (a
    "?" or "&" of a query, a ", ", a ": "), walk53 #3."""
    if _PLAIN_URL.fullmatch(url):
        bare = True  # (YAML reads it bare: no character it minds; a build names thousands)
    else:
        try:
            bare = yaml.safe_load(f"[{url}]") == [url]
        except yaml.YAMLError:
            bare = False
    return f"feature_again: [{url if bare else json.dumps(url)}]"


#: An address YAML reads bare in a [...] list, known without asking it: letters, digits and
#: ._~/%+- after the scheme (no ":" of a port, no "?", "&", "#", ",", quote nor bracket).
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9][A-Za-z0-9._~/%+-]*")


#: Typographic quotes a word processor puts in place of ' and ": YAML reads them as text.
CURLY_QUOTES = "\u2018\u2019\u201c\u201d"


def _yaml_hint(line: str, problem: str = "") -> str:
    """What to fix, for the front matter `line` YAML could not read: a tab or an indent before
    or after the key (walk68 #1: quoting, the advice before, did not help), curly quotes (not
    YAML's), an address in a [...] list (its "?", "&", ", " or ": " breaks the list), else a
    value with ': ' in it (a title)."""
    key, _, value = line.partition(":")
    name = key.strip()
    if "\t" in line or "'\\t'" in problem:
        where = "before the key" if line[:1] in " \t" else f"after `{name}:`"
        return f"a tab {where}: use one space after the colon and no tab; YAML does not allow tabs"
    if line[:1] == " " and name:
        return (
            f"the line starts with a space: start `{name}:` at the beginning of the line, as the "
            "other front matter lines do"
        )
    if value.strip()[:1] in tuple(CURLY_QUOTES):
        return (
            "curly quotes (\u2018 \u2019 \u201c \u201d) are not YAML quotes: write the value in "
            f'straight double quotes, e.g. {name}: "..."'
        )
    if "://" in value and "[" in value:
        return (
            f"an address with ?, &, ',' or ': ' in it needs double quotes in the list: {name}:"
            ' ["https://example.com/post?id=1"]'
        )
    if name and re.fullmatch(r"[\w-]+", name):
        return f"a value of {name}: with ': ' in it needs quotes, e.g. {name}: \"...\""
    return "a title with ': ' in it needs quotes"


def _yaml_mapping(source: str, path: Path) -> tuple[dict[str, object], dict[str, int]]:
    """The front matter's YAML as values and the line of each key (1-based in the file)."""
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        values = yaml.load(source, Loader=_DraftLoader)  # noqa: S506 - a safe loader
    except RecursionError:
        raise DraftError(path, 2, "the front matter is nested too deeply to be a draft's") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        opened = getattr(exc, "context_mark", None)
        if getattr(exc, "context", "") == "while scanning a quoted scalar" and opened is not None:
            # walk174 #7b: `title: "Walk Weekly` was named at the closing '---' (line 5) with
            # advice about `editor:`: the mistake is the quote, on the line where it opened.
            at = source.split("\n")[opened.line] if source else ""
            quote = at[opened.column : opened.column + 1] or '"'
            raise DraftError(
                path,
                opened.line + 2,
                f"the front matter is not valid YAML: the quote ({quote}) opened here is never"
                f" closed; end the value with {quote}, or write it without quotes",
            ) from None
        if isinstance(exc, yaml.MarkedYAMLError) and (colonless := missing_colon(source, exc, 2)):
            # walk186 #6: `number 3` was named at the next key's line, with advice about it
            where, problem, fix = colonless
            raise DraftError(
                path, where.line + 2, f"the front matter is not valid YAML: {problem}; {fix}"
            ) from None
        at = source.split("\n")[mark.line] if mark is not None and source else ""
        raise DraftError(
            path, line, f"the front matter is not valid YAML ({problem}); {_yaml_hint(at, problem)}"
        ) from None
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode) or not isinstance(values, dict):
        raise DraftError(
            path, 2, "the front matter must be 'key: value' lines (title, number, date)"
        )
    first: dict[str, int] = {}
    for key, _ in node.value:
        line = key.start_mark.line + 2
        name = str(key.value)
        if name in first:
            # YAML keeps the last silently: a second `editor:` replaced the first (walk68 #3),
            # where feeds.yaml says so.
            raise DraftError(
                path,
                line,
                f"{name}: is given twice in the front matter (lines {first[name]} and {line}):"
                " keep one",
            )
        first[name] = line
    return values, first


def read_front_matter(lines: list[str], path: Path) -> FrontMatter:
    if not lines or lines[0].strip() != "---":
        raise DraftError(
            path, 1, "a draft starts with a '---' line, then title, number and date, then '---'"
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise DraftError(path, 1, "the front matter opened here is never closed: add a '---' line")
    try:
        values, key_lines = _yaml_mapping("\n".join(lines[1:end]), path)
    except DraftError as exc:  # its values are unknown; the body still has its own mistakes
        return FrontMatter({}, {}, end + 1, [exc])
    front = FrontMatter(values, key_lines, end + 1)
    mistake = front.mistakes.append
    for key in values:
        if str(key) not in FRONT_MATTER_KEYS:
            close = difflib.get_close_matches(str(key), list(FRONT_MATTER_KEYS), n=1)
            fix = (
                f"did you mean '{close[0]}'?" if close else "keys: " + ", ".join(FRONT_MATTER_KEYS)
            )
            mistake(
                DraftError(path, front.line(str(key)), f"unknown front matter key {key!r}; {fix}")
            )
    for key in ("title", "number", "date"):
        if values.get(key) in (None, ""):
            typed = lines[key_lines[key] - 1] if key in key_lines else ""
            comment = typed.partition(":")[2].strip()
            if comment.startswith("#") and len(comment) > 1:
                # `number: #1`: YAML reads `#` on as a comment, so the key was empty, and the
                # mistake was said on the closing '---' line as a key left out (walk72 #5).
                fixed = comment.lstrip("#").strip() if key == "number" else f'"{comment}"'
                mistake(
                    DraftError(
                        path,
                        key_lines[key],
                        f"{key}: is empty: `#` starts a comment in YAML, so `{comment}` is not"
                        f" read; write {key}: {fixed}",
                    )
                )
                continue
            mistake(
                DraftError(path, end + 1, f"the front matter needs {key}: {FRONT_MATTER_KEYS[key]}")
            )
    for key in ("title", "editor", "closing"):
        if key in values and not isinstance(values[key], str | int | float | type(None)):
            mistake(DraftError(path, front.line(key), f"{key} must be one line of text"))
    return front


def subject_names(front: FrontMatter, key: str, path: Path) -> tuple[str, ...]:
    """A front matter value that names subjects: one name, or a list of names."""
    value = front.values.get(key)
    if value in (None, ""):
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v.strip() for v in items):
        raise DraftError(
            path, front.line(key), f"{key} must be a subject's name, or a list of them: [A, B]"
        )
    return tuple(" ".join(unicodedata.normalize("NFC", str(v)).split()) for v in items)


def draft_date(value: object, path: Path, line: int, today: date | None = None) -> datetime:
    """The draft's `date:`; a mistake's example is `today`, the date a build gives an issue
    (walk46 N6: a fixed example, followed, dated issue 2 before issue 1). A date and time with
    an offset keeps it: the issue is dated the day written (walk49 #4: 2026-12-14T23:30-12:00 was
    published as December 15, the UTC day)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value
    if isinstance(value, date):  # that day where curator runs, as a build dates one
        return local_midnight(value)
    try:
        return draft_date(datetime.fromisoformat(str(value).strip()), path, line)
    except ValueError as exc:
        example = (
            f"{today.isoformat()} (year-month-day: today, the date a build gives the issue)"
            if today is not None
            else "2026-11-25 (year-month-day)"
        )
        # ("month must be in 1..12": why a date-shaped value is none; else the shape is wrong)
        why = f" ({exc})" if "must be in" in str(exc) else ""
        raise DraftError(
            path,
            line,
            f"date {value!r} is not a date{why}; write it as {example}",
        ) from None


def written_moment(value: object) -> bool:
    """Whether the draft's `date:` gave a time, not a day alone (`_draft_date` reads both)."""
    if isinstance(value, datetime):
        return True
    if isinstance(value, date) or not isinstance(value, str):
        return False
    for day_alone in (True, False):
        try:
            (date if day_alone else datetime).fromisoformat(value.strip())
        except ValueError:
            continue
        return not day_alone
    return False
