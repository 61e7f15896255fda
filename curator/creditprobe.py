"""Which articles' credits an edition made with the editor's templates shows, decided from where
the templates put the credit: the edition is rendered once more with each article's author and
publication replaced by a word of its own (a marker), and a credit is shown when its markers are
in that edition's text as a reader reads it.

Why: the check looked for the credit's names anywhere in the article's part of the edition, so a
blurb that named them ("In this Forbes piece, Sam O'Neil explains ...") or a link to
`forbes.example.com` counted as the credit shown, and a template that dropped every credit line
was not warned of (walk179 #1)."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Sequence

from curator.models import Issue
from curator.render import join_names
from curator.views import EntryView

#: The letters a marker writes its article's number in (a digit is not kept by every filter).
_DIGITS = "abcdefghij"

#: A tag, its attributes (a `title="..."` a reader does not read) or a comment.
_TAG = re.compile(r"<[^<>]*>")


def marker(kind: str, index: int) -> str:
    """The word standing for the author (`kind` "u") or the publication ("p") of the issue's
    `index`-th article: letters alone (case filters, escaping and the text edition keep them),
    none of them inside another ("qzx" opens one, "xzq" closes it, its number is in a-j)."""
    return f"qzx{kind}{''.join(_DIGITS[int(d)] for d in str(index))}xzq"


def marked_issue(issue: Issue) -> Issue:
    """The issue with each article's authors and publication replaced by its markers; all else
    (titles, blurbs, links, the other coverage of its story) as it is."""
    sections = []
    index = 0
    for section in issue.sections:
        entries = []
        for entry in section.entries:
            art = entry.article
            art = dataclasses.replace(
                art,
                authors=(marker("u", index),) if join_names(art.authors) else (),
                publication=marker("p", index) if art.publication else art.publication,
            )
            entries.append(dataclasses.replace(entry, article=art))
            index += 1
        sections.append(dataclasses.replace(section, entries=tuple(entries)))
    return dataclasses.replace(issue, sections=tuple(sections))


def as_read(text: str, filename: str) -> str:
    """A marked edition's text as a reader reads it, in letter case folded: tags (with their
    attributes) and comments cut, entities undone (the feed's HTML content is escaped in its
    XML: undone first)."""
    if filename.endswith(".xml"):
        text = html.unescape(text)
    return html.unescape(_TAG.sub(" ", text)).casefold()


def lost_parts(entries: Sequence[EntryView], marked: str) -> list[tuple[EntryView, set[str]]]:
    """Each article of `entries` (the issue's, as a template sees them) with a credit whose
    author or publication the marked edition (`marked`, `as_read`) does not show, with what of
    it ("author", "publication") is left out."""
    lost = []
    for index, entry in enumerate(entries):
        if not entry.credit:
            continue
        absent = {
            what
            for what, kind, value in (
                ("author", "u", entry.author),
                ("publication", "p", entry.publication),
            )
            if value and marker(kind, index) not in marked
        }
        if absent:
            lost.append((entry, absent))
    return lost
