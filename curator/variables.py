"""Variables in the editor's text: `{number}`, `{theme}`... in an introduction or a closing line (pure).

The configured introduction is the same text every week; variables let it say what changes (the
issue's number, its theme, the next theme, the date). A word in braces that is not a variable is a
mistake the editor is told about with a did-you-mean; `{{` and `}}` write a brace itself.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from curator.blurb_sentences import CLOSERS, OTHER_STOPS, WIDE_STOPS

#: The variables, and what each becomes (said back when one is mistyped).
VARIABLES: dict[str, str] = {
    "number": "the issue's number, e.g. 5",
    "title": "the newsletter's title",
    "editor": "the editor's name",
    "date": "the issue's date as _words.txt writes it, e.g. November 25, 2026",
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


def written_pattern(text: str) -> re.Pattern[str] | None:
    """A pattern that finds `text` filled in with any values of its variables, in a text whose
    whitespace is single spaces (`spaced`): the same text as written, whatever the issue's
    number or theme. None when it says too little of its own (under 4 words outside its
    variables) to tell."""
    text = spaced(text)
    pieces: list[str] = []
    words = 0
    at = 0
    for match in _TOKEN.finditer(text):
        words += len(text[at : match.start()].split())
        pieces.append(re.escape(text[at : match.start()]))
        pieces.append(r".*?" if match.group(1) else re.escape(match.group(0)[0]))
        at = match.end()
    words += len(text[at:].split())
    pieces.append(re.escape(text[at:]))
    return re.compile("".join(pieces), re.DOTALL) if words >= 4 else None


def spaced(text: str) -> str:
    """`text` with each run of whitespace a single space."""
    return " ".join(text.split())


def fill(text: str, values: Mapping[str, object]) -> str:
    """`text` with each variable replaced by its value (check_variables first for the message)."""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        if name not in VARIABLES:
            check_variables(token)
        value = str(values.get(name, "") or "")
        if name in _NAMES and not _at_sentence_start(match.string, match.start()):
            value = _LEADING_ARTICLE.sub(lambda m: m.group(0).lower(), value, count=1)
        return value

    return _TOKEN.sub(one, text)


#: The variables that are subjects' names, written as the editor wrote them in feeds.yaml.
_NAMES = ("theme", "next_theme")
#: A name's leading article, lower-cased when the name stands mid-sentence: "let's review {theme}."
#: reads "let's review the basics of customer experience." (walk165 #6: it read "let's review The
#: basics of ..."). Only an article: English writes "the" in lower case mid-sentence before any
#: name ("the BBC", "the Beatles"), where the first word of another name may be a proper noun
#: ("Apple", "Python") or an acronym ("NPS") that curator cannot tell from a common word.
_LEADING_ARTICLE = re.compile(r"(?:The|An|A)(?=\s)")
#: What stands before a sentence's first word: the text's start, a sentence's end mark (and a
#: closing quote or bracket), a colon (what follows it may be written as a title: "Next time: The
#: basics of customer experience." is kept as it was written), a blank line, or a Markdown block's marker (a list item, a heading,
#: a quote), then spaces and any opening quote, bracket or emphasis.
_SENTENCE_START = re.compile(
    rf"(?:\A|[.!?…:{OTHER_STOPS}][\"'”’)\]]*\s|[{''.join(WIDE_STOPS)}][{re.escape(CLOSERS)}]*"
    r"|\n[ \t]*\n|^[ \t]*(?:[-*+>]|#{1,6}|\d+[.)])[ \t])"
    r"[ \t]*[\"'“‘(\[*_]*[ \t]*\Z",
    re.MULTILINE,
)


def _at_sentence_start(text: str, at: int) -> bool:
    """Whether text[at:] starts a sentence (see `_SENTENCE_START`; the full stop of "e.g." and
    the like ends none)."""
    found = _SENTENCE_START.search(text, 0, at)
    if found is None:
        return False
    return found.group(0)[:1] != "." or _ABBREVIATION.search(text, 0, found.start() + 1) is None


#: Where a sentence ends, at the marks a blurb's sentences end at (`blurb_sentences`): . ! ? … or
#: another script's stop (the Arabic ؟, the Urdu ۔, the Devanagari danda ।), then a closing quote
#: or bracket and a space or the end; or a Chinese or Japanese 。！？ (and a closing 」), with no
#: space after it (walk198 #1: "第{number}号へようこそ。今号のテーマは{theme}です。" was one sentence,
#: and an issue without a theme lost its whole introduction), but for one inside a quotation the
#: sentence goes on after, in kana ("「ようこそ。」と言う", as a blurb reads it).
_CLOSER = f"[{re.escape(CLOSERS)}]"
_SENTENCE_END = re.compile(
    rf"[.!?…{OTHER_STOPS}]+{_CLOSER}*(?=\s|$)"
    rf"|[{''.join(WIDE_STOPS)}]+(?!{_CLOSER}+[\u3041-\u309f]){_CLOSER}*"
)
#: Abbreviations whose full stop ends no sentence ("This issue covers one subject, i.e.
#: {theme}, in depth.": walk127, the sentence was cut after "i.e." and half of it published).
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:i\.e|e\.g|etc|vs|cf|Dr|Mr|Mrs|Ms|Prof|St|No|approx|incl)\.$", re.IGNORECASE
)
#: A blank line: a paragraph ends there.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: A line that starts a Markdown block of its own (a list item, a heading, a quote).
_BLOCK_LINE = re.compile(r"^[ \t]*(?:[-*+>]|#{1,6}|\d+[.)])[ \t]", re.MULTILINE)


@dataclass(frozen=True)
class LeftOut:
    """A sentence `fill_leaving_out` left out: the empty variable it names, the sentence as the
    editor wrote it, and its 1-based line within the text."""

    variable: str
    sentence: str
    line: int


def fill_leaving_out(text: str, values: Mapping[str, object]) -> tuple[str, tuple[LeftOut, ...]]:
    """`text` filled in as `fill` does, but each sentence that names a variable whose value is
    empty is left out (it would read "Next: ."), and said back: (the text, what was left out).

    A sentence runs from the end of the one before it (or its paragraph's, or list item's, start)
    to its own end mark (or its paragraph's or item's end)."""
    spans: list[tuple[int, int]] = []
    left: list[LeftOut] = []
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        if name not in VARIABLES or str(values.get(name, "") or ""):
            continue
        start, end = _sentence(text, match.start(), match.end())
        if any(s <= match.start() < e for s, e in spans):
            continue
        spans.append((start, end))
        line = text.count("\n", 0, match.start()) + 1
        left.append(LeftOut(name, " ".join(text[start:end].split()), line))
    kept = text
    for start, end in sorted(spans, reverse=True):
        start, end = _whole_line(kept, start, end)
        kept = kept[:start] + kept[end:]
    kept = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", kept)
    return fill(kept, values), tuple(left)


def _sentence(text: str, begin: int, finish: int) -> tuple[int, int]:
    """The span of the sentence around text[begin:finish]."""
    start = 0
    for found in _sentence_ends(text, 0, begin):
        start = max(start, found.end())
    for found in _PARAGRAPH_BREAK.finditer(text, 0, begin):
        start = max(start, found.end())
    for found in _BLOCK_LINE.finditer(text, 0, begin):
        start = max(start, found.end())
    while start < begin and text[start].isspace():
        start += 1
    ends = [len(text)]
    mark = next(_sentence_ends(text, finish, len(text)), None)
    if mark:
        ends.append(mark.end())
    blank = _PARAGRAPH_BREAK.search(text, finish)
    if blank:
        ends.append(blank.start())
    item = _BLOCK_LINE.search(text, finish)
    if item:
        ends.append(max(finish, item.start() - 1))  # the line break before the next item
    end = min(ends)
    while end < len(text) and text[end] in " \t":
        end += 1
    return start, end


def _sentence_ends(text: str, begin: int, end: int) -> Iterator[re.Match[str]]:
    """Where sentences end in text[begin:end], but for the full stop of an abbreviation ("i.e.",
    "e.g.", "Dr.": `_ABBREVIATION`)."""
    for found in _SENTENCE_END.finditer(text, begin, end):
        if found.group(0) == "." and _ABBREVIATION.search(text, 0, found.end()):
            continue
        yield found


def _whole_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole lines when nothing but a list marker or spaces would be left of
    them, and to the spaces before it when it ends its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    if text[end:line_end].strip() == "":
        if before.strip() == "" or _BLOCK_LINE.fullmatch(before.rstrip() + " "):
            return line_start, min(line_end + 1, len(text))
        return line_start + len(before.rstrip()), line_end
    return start, end


__all__ = [
    "VARIABLES",
    "LeftOut",
    "VariableError",
    "check_variables",
    "fill",
    "fill_leaving_out",
    "spaced",
    "written_pattern",
]
