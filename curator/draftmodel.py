"""A draft as curator reads it: `Draft`, its sections (`DraftSection`), articles (`DraftEntry`)
and the copies its same-story notes name (`DraftCopy`); a mistake in it (`DraftError`), and several
said at once (`DraftMistakes`, `stop_for`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from curator.errors import InputError


class DraftError(InputError):
    """A mistake in a draft, with the line it is on and what to do about it."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        # (line 0: the file as a whole, one that cannot be read, say)
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = Path(path)
        self.line = line
        self.message = message


class DraftMistakes(DraftError):
    """Several mistakes in a draft, all said at once in line order: a header line, then one
    indented `path:line: message` line each. `line` and `message` are the first mistake's."""

    def __init__(self, path: Path | str, mistakes: Sequence[DraftError]) -> None:
        self.mistakes = tuple(sorted(mistakes, key=lambda m: m.line))
        first = self.mistakes[0]
        listed = "".join(f"\n  {m}" for m in self.mistakes)
        InputError.__init__(
            self,
            f"{path}: {len(self.mistakes)} mistakes; nothing was published. Fix each, then build"
            f" again:{listed}",
        )
        self.path = Path(path)
        self.line = first.line
        self.message = first.message


def stop_for(path: Path | str, mistakes: Sequence[DraftError]) -> None:
    """Raise the one mistake, or every mistake at once in line order; nothing when there is none."""
    if len(mistakes) == 1:
        raise mistakes[0]
    if mistakes:
        raise DraftMistakes(path, mistakes)


@dataclass(frozen=True)
class DraftEntry:
    """One article as the draft gives it."""

    #: The article's link as written (http/https).
    url: str
    #: The title; "" when the editor added the article by its URL alone.
    title: str = ""
    authors: tuple[str, ...] = ()
    publication: str = ""
    blurb: str = ""
    #: The line of the article's heading.
    line: int = 0
    #: Which credit lines the article has, empty or not: "author" (for author: or authors:),
    #: "publication". A credit whose line was deleted is published as none, with a warning.
    credit_lines: frozenset[str] = frozenset()
    #: The blurb as written, in Markdown (lines and paragraphs kept), and the line it starts on.
    blurb_source: str = ""
    blurb_line: int = 0
    #: Each author: line that wrote a credit line's "Author || Publication": (its line, the line
    #: as written, the publication it names, the publication the draft gave before it).
    split_credits: tuple[tuple[int, str, str, str], ...] = ()
    #: The authors and publication written with `(sic)` after them (without it): spelt so on
    #: purpose, though one or two letters from the credit curator found (`credittypos`).
    as_written: frozenset[str] = frozenset()
    #: Each author: line that opened with another language's "by" ("Von Jürgen Groß"), published
    #: without it: (its line, the lead-in, the name published).
    lead_ins: tuple[tuple[int, str, str], ...] = ()
    #: Each author: line that opened with a byline's label ("Автор: Алексей Смирнов", "寄稿：鈴木一郎",
    #: `creditlabels.credit_label`), published without it: (its line, the label, the name).
    labels: tuple[tuple[int, str, str], ...] = ()

    @property
    def url_only(self) -> bool:
        """Added by URL: curator fills in title, credit and blurb from the page."""
        return not self.title


@dataclass(frozen=True)
class DraftSection:
    subject: str
    entries: tuple[DraftEntry, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class DraftCopy:
    """An article the draft's note of articles left out as the same story (`SAME_STORY`) names:
    `curator build --draft` names it under the article it is the same story as, as "Also covered
    by", and records it as published with the issue."""

    url: str
    #: The address of the article it is the same story as ("" in a note that gives none).
    of_url: str
    #: That article's title, as the note gives it.
    of_title: str
    #: The line of its "##" heading in the note.
    line: int
    #: The `# Subject` heading above the note ("" for none).
    subject: str = ""
    #: The line under its heading still says which article it is the same story as (False: the
    #: editor edited or deleted it, and `of_title` is "").
    explained: bool = True


@dataclass(frozen=True)
class Draft:
    """The whole draft: front matter, introduction and the subjects' articles in order."""

    title: str
    number: int
    #: The issue's date (aware, with the offset written; local midnight for a day alone).
    date: datetime
    editor: str = ""
    #: `date:` gave a time (with its offset, or UTC without one): a moment the editor wrote, to be
    #: compared with now and with other issues as a moment; False for a day alone, whose offset
    #: is that of the run that builds it (walk166 #4).
    date_is_moment: bool = False
    introduction: str = ""
    sections: tuple[DraftSection, ...] = ()
    #: The subjects the issue is about (front matter `theme:`); () for every subject.
    theme: tuple[str, ...] = ()
    #: The closing line after the articles (front matter `closing:`).
    closing: str = ""
    #: Headings of the editor's own that are not subjects (front matter `extra_sections:`).
    extra_sections: tuple[str, ...] = ()
    #: Addresses of articles an earlier issue featured that the editor features again on purpose
    #: (front matter `feature_again:`).
    feature_again: tuple[str, ...] = ()
    #: Each front matter key's line, for messages.
    lines: dict[str, int] = field(default_factory=dict)
    #: The line in the file of each line of `introduction`, for messages.
    introduction_lines: tuple[int, ...] = ()
    #: The articles its same-story notes name (`DraftCopy`), in order.
    copies: tuple[DraftCopy, ...] = ()
    #: The `# Subject` headings with no article under them (left out of the issue): (name, line).
    empty_sections: tuple[tuple[str, int], ...] = ()
    #: A `# Subject` heading written a second time, its articles published with the first's:
    #: (name, its line, the first heading's line).
    merged_sections: tuple[tuple[str, int, int], ...] = ()
    #: The articles its notes on those left out for variety (`PASSED_OVER`) still name, as
    #: (the `# Subject` heading above the note, address): the build counts them as `draft` did.
    passed_over: tuple[tuple[str, str], ...] = ()
    #: The articles its notes on those held back for another of their subject (`HELD_BACK`)
    #: still name, as (the `# Subject` heading above the note, address, why in a few words):
    #: the build says them as `draft` did (fixjz #4).
    held_back: tuple[tuple[str, str, str], ...] = ()
    #: `title:` ended with `(sic)` (left out of `title`): spelt so on purpose, though one or two
    #: letters from the newsletter's (`credittypos`).
    title_as_written: bool = False

    @property
    def entries(self) -> tuple[DraftEntry, ...]:
        return tuple(e for s in self.sections for e in s.entries)
