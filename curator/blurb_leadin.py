"""A dated lead-in a feed's summary opens with before its story: its date, its byline and the
time it was posted, in any order ("13 novembre 2026 — Rédigé par Claire Martin. Le service…",
"Par Claire Martin, publié le 13 novembre 2026 à 08h30. Le service…", "Posted on November 13,
2026 by Jane Roe. Customer…"), so that a blurb made from it opens at the story (pure)."""

from __future__ import annotations

import re

from curator import extract_rules_bylines as byline_rules
from curator.blurb_head import ANY_DATE
from curator.blurb_sentences import starts_sentence, wordset

#: A word saying the date is the post's ("Posted on", "publié le", "veröffentlicht am",
#: "publicado el", "Updated:"): the date after it is `ANY_DATE` (which reads "on", "le", "am", "el").
_PUBLISHED = re.compile(
    r"(?:(?:last\s+)?(?:posted|published|updated|modified)|publiée?|postée?|mise?\s+à\s+jour|"
    r"modifiée?|veröffentlicht|aktualisiert|publicad[oa]|actualizad[oa])\s*:?\s+",
    re.I,
)

#: A weekday before the date, with its comma ("Friday, November 13, 2026").
_WEEKDAY = re.compile(r"[^\W\d_]{3,12}\.?,\s+")

#: The time after a post's date: "à 08h30", "um 08:30 Uhr", "at 8:30 a.m.", "a las 08:30",
#: "10:00 UTC". A bare number is no time: its minutes, or "a.m.", "Uhr", "h" after it, say it is.
_TIME = re.compile(
    r"(?:\s*,)?\s+(?:(?:at|à|um|a\s+las?|vers|om|alle)\s+)?"
    r"(?:\d{1,2}\s*[:h.]\s*\d{2}|\d{1,2}(?=\s*(?:[ap]\.?\s?m\b|uhr\b|h\b)))"
    r"(?:\s*(?:[ap]\.?\s?m\.?|uhr|h|hrs?|horas)(?!\w))?"
    r"(?:\s+(?:UTC|GMT|CES?T|E[SD]T|P[SD]T|BST)(?:[+-]\d{1,2})?\b)?",
    re.I,
)

#: What ends one part of the lead-in and may start the next: a dash, a bar, a dot, a colon, a
#: comma, a full stop, or only a space ("Posted on November 13, 2026 by Jane Roe").
_BETWEEN = re.compile(r"\s*(?:[—–|·•:,;]|-(?=\s)|\.(?=\s))\s*|\s+")

#: Words a byline's names may hold in lower case: "Jan van der Berg", "Anna und Jörg Weiß".
_JOINERS = wordset("and & und et y e de del della der di du da dos van von la le al bin ibn")

#: The most words of the names of a lead-in's byline.
_NAME_WORDS = 8

#: The most parts (a date, a byline) a lead-in is read in.
_PARTS = 4

#: What the lead-in ends with before the story: a full stop, a colon, a dash, a bar, a comma.
_ENDS = ".:—–-|·•,;"


def without_dated_lead_in(text: str) -> str:
    """`text` without the dated lead-in its first line opens with (see the module): a run of a
    date (`ANY_DATE`, maybe after "Posted on", "publié le"…, maybe with its time) and bylines (a
    label curator knows, `byline_rules.BYLINE_PREFIX`: "By", "Posted by", "Par", "Rédigé par",
    "Von", "Geschrieben von", "Por", "Escrito por"…, then capitalised names), each ended by a
    separator, the whole ending with a full stop, a colon or a dash before a sentence. Only a
    lead-in with a date goes (a byline alone is `opening_byline`'s); `text` as it is when its
    first line opens with none. "By Monday, the shop…" is no byline: a sentence does not start
    after it."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if at is None:
        return text
    line = lines[at].strip()
    cut = _lead_in_end(line)
    if not cut:
        return text
    lines[at] = line[cut:]
    return "\n".join(lines)


def _lead_in_end(line: str) -> int:
    """Where the story starts after the dated lead-in `line` opens with; 0 when none."""
    pos = 0
    dated = False
    best = 0
    for _ in range(_PARTS):
        end = _date_part(line, pos)
        if end:
            dated = True
        else:
            end, with_date = _byline_part(line, pos)
            if not end:
                break
            dated = dated or with_date
        between = _BETWEEN.match(line, end)
        pos = between.end() if between else end
        lead = line[:pos].rstrip()
        if dated and lead[-1:] in _ENDS and pos < len(line) and starts_sentence(line[pos:]):
            best = pos
    return best


def _date_part(line: str, pos: int) -> int:
    """Where a post's date (and its time) at `pos` ends; 0 when none starts there."""
    published = _PUBLISHED.match(line, pos)
    start = published.end() if published else pos
    weekday = _WEEKDAY.match(line, start)
    date = ANY_DATE.match(line, start) or (weekday and ANY_DATE.match(line, weekday.end()))
    if not date:
        return 0
    time = _TIME.match(line, date.end())
    return time.end() if time else date.end()


def _byline_part(line: str, pos: int) -> tuple[int, bool]:
    """Where a byline at `pos` ends, after its names (and whether its label holds a date:
    "Posted on November 13, 2026 by"); (0, False) when none starts there."""
    label = byline_rules.BYLINE_PREFIX.match(line[pos:])
    if label is None or not label.group().strip():
        return 0, False
    end = _names_end(line, pos + label.end())
    return end, bool(end) and bool(ANY_DATE.search(label.group()))


def _names_end(line: str, at: int) -> int:
    """Where the run of capitalised names at `at` ends (an initial's full stop goes on, "Jane Q.
    Roe"; any other mark ends it); 0 when no name starts there or the run is too long to be one."""
    end = 0
    words = 0
    for m in re.finditer(r"\S+", line[at : at + 200]):
        word = m.group()
        bare = word.rstrip(".,;:")
        if words and bare.lower() in _JOINERS and word == bare:
            continue
        if not (bare[:1].isalpha() and bare[:1].isupper()):
            break
        words += 1
        if words > _NAME_WORDS:
            return 0
        end = at + m.start() + len(bare)
        if word != bare and not (len(bare) == 1 and word == f"{bare}."):
            break
    return end
