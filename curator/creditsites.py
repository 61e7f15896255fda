"""Credits beside the publication (pure): an `author:` line's parts that are the publication's own
name, its team or desk, or the site's name without "Blog" or "News", none of them a person's
credit (`credited`); and the publication an article's text says it first appeared in.

Moved out of `credits` (fixlq: it was 1,109 lines) unchanged; `credits` reads a credit's people,
this module what the `Author || Publication` line does with them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from curator import extract_rules as rules
from curator import extract_rules_names as name_rules
from curator.credits import looks_personal, name_key, norm_name, same_name

_AUTHOR_LINE_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+", re.IGNORECASE)


def _author_line_spans(name: str) -> list[tuple[int, int]]:
    """The (start, end) of each part of an `author:` line between its separators, as written."""
    spans, start = [], 0
    for match in _AUTHOR_LINE_SEPARATOR.finditer(name):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(name)))
    return [(a, b) for a, b in spans if name[a:b].strip()]


def _publication_runs(name: str, publication: str) -> tuple[list[str], list[str]]:
    """An `author:` line's runs of parts that are the publication's own name (`same_name`: case,
    spaces and a leading "The" aside), and its other parts, each as written. Read from the line as
    typed, not from the people `clean_authors` finds in it: that leaves out a part that is no
    person's name ("The Support Desk Review", "Northwind CX Journal"), which is just the part to
    find (walk142 #3: "Ingrid Solberg, The Support Desk Review" was published as one author). A
    run of several parts is one name too ("Procter & Gamble")."""
    spans = _author_line_spans(name)
    taken = [False] * len(spans)
    found = []
    for i in range(len(spans)):
        for j in range(len(spans) - 1, i - 1, -1):
            if any(taken[i : j + 1]):
                continue
            text = name[spans[i][0] : spans[j][1]].strip()
            if same_name(text, publication):
                found.append(text)
                taken[i : j + 1] = [True] * (j - i + 1)
                break
    rest = [name[a:b].strip() for (a, b), gone in zip(spans, taken, strict=True) if not gone]
    return found, rest


def publication_parts(name: str, publication: str | None) -> tuple[str, ...]:
    """The parts of an `author:` line that are the publication's own name (`same_name`): "VoC
    Notes" of "Kwame Mensah, VoC Notes" under `publication: VoC Notes` (walk130 #3), "The Support
    Desk Review" of "Ingrid Solberg and The Support Desk Review" (walk142 #3), or the whole line
    when it names only the publication; () when none is, or there is no publication."""
    if not publication or not name.strip():
        return ()
    if same_name(name, publication):
        return (name.strip(),)
    found, rest = _publication_runs(name, publication)
    return tuple(found) if rest else ()


def other_parts(name: str, publication: str | None) -> list[str]:
    """The parts of an `author:` line left when those that are the publication
    (`publication_parts`) are taken out, each as written: the people to credit."""
    if not publication:
        return [name.strip()]
    return _publication_runs(name, publication)[1]


def without_publication(
    authors: Sequence[str], publication: str | None, found: Sequence[str] = ()
) -> tuple[str, ...]:
    """A draft's `author:` lines as published: a line that names only the publication is none
    ("VoC Notes || VoC Notes" names the publication once, as an article with no author), and a
    part of a line that is the publication is left out ("Kwame Mensah, VoC Notes" under
    `publication: VoC Notes` is "Kwame Mensah"), said at its line (`issuetext`, walk130 #3).
    A name curator `found` as the article's author stays as the draft gave it: "Hana Sato ||
    Hana Sato" is a personal site's author and site (`credited`)."""
    out: list[str] = []
    for name in authors:
        parts = () if name in found else publication_parts(name, publication)
        if not parts:
            out.append(name)
        elif parts != (name.strip(),):
            out.append(", ".join(other_parts(name, publication)))
    return tuple(out)


def credited(authors: tuple[str, ...], publication: str | None) -> tuple[str, ...]:
    """The authors an article's `Author || Publication` line names: each but one that is the
    publication's own name (`same_name`: case, spaces and punctuation aside). DC Rainmaker's feed
    gives the site's name as every item's dc:creator, which read "DC Rainmaker || DC Rainmaker";
    the line names the publication once, as for an article with no author. A person's name stays
    ("Hana Sato || Hana Sato": a personal site named after its author, who wrote the article).
    Nor the publication's own team ("The Zeta Post Team", "Team Zendo" of "Zendo Blog",
    `_publications_desk`)."""
    if not publication:
        return authors
    return tuple(
        name
        for name in authors
        if (not _own_name(name, publication) or looks_personal(name))
        and not _publications_desk(name, publication)
    )


def _own_name(name: str, publication: str) -> bool:
    """`name` is the publication's, or the publication's without "Blog" or "News" ("Zendo" of
    "Zendo Blog", walk112 #1: `site_own_name`)."""
    return same_name(name, publication) or site_own_name(name, publication)


#: A publication's name that is a handle or a path ("~elly/blog", "@elly", "elly.example/blog"):
#: the person's own, not a firm's.
_HANDLE_MARKS = ("~", "/", "@", ".")


def site_own_name(name: str, publication: str | None) -> bool:
    """`name` is the site's own name without "Blog" or "News", written as the site writes it
    ("Zendo" of "Zendo Blog", walk112 #1): the publication, no one's credit. Not a person's
    handle inside a path or a handle's site ("elly" of "~elly/blog", walk118 #1: the one person
    who writes a personal blog lost her credit), nor a person's name ("Hana Sato" of "Hana Sato
    Blog")."""
    if not publication or len(name.split()) > 1 or any(m in publication for m in _HANDLE_MARKS):
        return False
    words = publication.split()
    if len(words) < 2 or norm_name(words[-1]) not in ("blog", "news"):
        return False
    head = " ".join(words[:-1])
    return name.strip() == head.removeprefix("The ").strip()


def site_team(name: str, publication: str | None) -> bool:
    """`name` is the publication's own team or desk ("The Zeta Post Team", "Team Zendo" of "Zendo
    Blog"): `credited` leaves it out, and the editor is told it was taken for the site's team."""
    return bool(publication) and _publications_desk(name, publication or "")


def _publications_desk(name: str, publication: str) -> bool:
    """The publication's own team or desk ("The Zeta Post Team" of Zeta Post): the publication
    itself, no one's credit, as "Zeta Post Staff" is. Another's desk ("GNOME Sysadmin Team") is
    the publisher's credit, kept."""
    words = norm_name(name).split()
    if len(words) < 2:
        return False
    own = {name_key(publication)}
    site_words = norm_name(publication).split()
    if len(site_words) > 1 and site_words[-1] in ("blog", "news"):
        own.add("".join(site_words[:-1]))  # "Team Zendo" of "Zendo Blog" (walk112 #2)
    if words[-1] in name_rules.DESK_WORDS:
        return name_key(" ".join(words[:-1])) in own
    return words[0] in name_rules.TEAM_FIRST_WORDS and name_key(" ".join(words[1:])) in own


def first_appeared_in(text: str | None) -> str:
    """The publication an article's text says it first appeared in ("This article first appeared
    in The Compost Gazette": "The Compost Gazette"), "" when it says none: the page may be a
    copy, credited to the copy's site."""
    return _first_appeared(text or "")


@functools.lru_cache(maxsize=4096)
def _first_appeared(text: str) -> str:
    """`first_appeared_in`, each text searched once per run: choosing an issue asks it of every
    copy of a story at each place (24,477 searches, 1.3 s, of one build of 100,000 stored)."""
    found = rules.FIRST_APPEARED.search(text)
    return found.group(1).rstrip(".") if found else ""
