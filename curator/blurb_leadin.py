"""A dated lead-in a feed's summary opens with before its story: its date, its byline and the
time it was posted, in any order ("13 novembre 2026 — Rédigé par Claire Martin. Le service…",
"Par Claire Martin, publié le 13 novembre 2026 à 08h30. Le service…", "Posted on November 13,
2026 by Jane Roe. Customer…"), so that a blurb made from it opens at the story (pure)."""

from __future__ import annotations

import re
from collections.abc import Collection

from curator import extract_rules_bylines as byline_rules
from curator.blurb_head import ANY_DATE
from curator.blurb_sentences import starts_sentence, wordset
from curator.credits import is_person_name

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
#: comma (Arabic's "،" too), a full stop (Japanese "。", written with no space after it), or only
#: a space ("Posted on November 13, 2026 by Jane Roe").
_BETWEEN = re.compile(r"\s*(?:[—–|·•:,;،。]|-(?=\s)|\.(?=\s))\s*|\s+")

#: An Arabic date ANY_DATE does not read (fixln #2): a day in Arabic-Indic or Western digits, a
#: month by its Egyptian or Levantine name, two words some ("٣ كانون الأول ٢٠٢٦"), a year, maybe
#: "م" (of the common era). "٣ ديسمبر ٢٠٢٦" is ANY_DATE's already.
_ARABIC_DATE = re.compile(
    r"\d{1,2}\s+(?:يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|سبتمبر|"
    r"أكتوبر|نوفمبر|ديسمبر|كانون\s+الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|"
    r"تشرين\s+الأول|تشرين\s+الثاني|كانون\s+الأول)\s+\d{4}(?:\s*م(?!\w))?"
)

#: A Japanese date's weekday in brackets ("2026年12月3日（木）") and its time ("10時30分",
#: "10:30"), after the date (fixln #2).
_JAPANESE_AFTER_DATE = re.compile(
    r"(?:\s*[（(][月火水木金土日](?:曜日?)?[)）])?(?:\s*\d{1,2}(?:時(?:\d{1,2}分)?|:\d{2}))?"
)

#: A name in Arabic script after an Arabic byline's label ("بقلم أحمد علي"), a word or several.
_ARABIC_NAME = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+(?:\s+[\u0621-\u064a\u0671-\u06d3]+)*")

#: A name in Japanese (or Chinese) script after a label ("文：山田太郎"), maybe with a space between
#: its family and given names ("山田 太郎"), then maybe its role ("記者").
_CJK_NAME = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff]{2,8}(?:[ \u3000][\u3040-\u30ff\u3400-\u9fff]{1,6})?"
)

#: A Japanese or Chinese name and the reporter's role after it, with no label ("山田太郎記者。",
#: "佐藤花子特派員　…", fixlq #5): a byline, the role no part of the name.
_CJK_ROLES = ("記者", "特派員", "记者", "特派员")
_CJK_NAME_ROLE = re.compile(
    rf"(?P<name>[\u3400-\u9fff\u3005]{{2,6}})(?:{'|'.join(_CJK_ROLES)})(?=[。\u3000 ])"
)

#: Words a byline's names may hold in lower case: "Jan van der Berg", "Anna und Jörg Weiß".
_JOINERS = wordset("and & und et y e de del della der di du da dos van von la le al bin ibn")

#: Words of a time, not a person's name: "By Christmas Day. The shop…", "By Monday Morning. …"
#: open no byline (fixlg #1).
_CALENDAR = wordset(
    "day days week weeks weekend month months year years morning afternoon evening night noon "
    "midnight today tomorrow tonight eve christmas easter halloween thanksgiving holiday holidays "
    "new next last end monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december spring summer autumn "
    "fall winter noël pâques lundi mardi mercredi jeudi vendredi samedi dimanche"
)

#: The most words of the names of a lead-in's byline.
_NAME_WORDS = 8

#: The most parts (a date, a byline) a lead-in is read in.
_PARTS = 4

#: What the lead-in ends with before the story: a full stop, a colon, a dash, a bar, a comma.
_ENDS = ".:—–-|·•,;،。"


def without_dated_lead_in(text: str) -> str:
    """`text` without the dated lead-in its first line opens with (see the module): a run of a
    date (`ANY_DATE`, maybe after "Posted on", "publié le"…, maybe with its time) and bylines (a
    label curator knows, `byline_rules.BYLINE_PREFIX`: "By", "Posted by", "Par", "Rédigé par",
    "Von", "Geschrieben von", "Por", "Escrito por"…, then capitalised names), each ended by a
    separator, the whole ending with a full stop, a colon or a dash before a sentence. Only a
    lead-in with a date goes (a byline alone is `opening_byline`'s); `text` as it is when its
    first line opens with none. "By Monday, the shop…" is no byline: a sentence does not start
    after it."""
    return _lead_in(text, dated_only=True)[1]


def lead_in_byline(text: str, credited: Collection[str] = ()) -> tuple[str, str]:
    """(The names of the bylines a lead-in of `text`'s first line gives, `text` without the
    lead-in), or ("", `text`) (fixlg #1): a dated lead-in (`without_dated_lead_in`: "13 novembre
    2026 — Rédigé par Claire Martin. Le service…") or a byline alone ("By Jane Roe. Customer…",
    "Rédigé par Claire Martin. Le service…") whose names are a person's (`is_person_name`, no word
    of a time: "By Christmas Day. The shop…" is a sentence) and a sentence follows. When the feed
    credits people (`credited`), the byline counts only when it names one of them."""
    names, rest = _lead_in(text, dated_only=False)
    if not names:
        return "", text
    if credited and not any(
        " ".join(c.casefold().split()) in " ".join(names.casefold().split()) for c in credited
    ):
        return "", text
    return names, rest


def _lead_in(text: str, *, dated_only: bool) -> tuple[str, str]:
    """(The lead-in's bylines' names, `text` without it) for the lead-in of `text`'s first line;
    ("", `text`) when it opens with none (a dated one only, when `dated_only`)."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if at is None:
        return "", text
    line = lines[at].strip()
    cut, names = _lead_in_end(line, dated_only=dated_only)
    if not cut:
        return "", text
    # "Updated December 2, 2016: We added new survey data.": a dated note on the story, left out
    # whole, as "Update:" and "Correction (...):" are (walk203 #5: its label went, its note stayed)
    lines[at] = "" if _DATED_NOTE.match(line[:cut]) else line[cut:]
    return names, "\n".join(lines)


#: A dated lead-in that labels an editor's note, ending with its colon ("Updated December 2,
#: 2016:", "Update, Dec. 2:", "Correction December 2:", "Editor's note, December 2:").
_DATED_NOTE = re.compile(
    r"^(?:(?:last\s+)?updated?|corrections?|corrected|clarifications?|editor['’]?s\s+note)\b"
    r".*:\s*$",
    re.I | re.S,
)


def _lead_in_end(line: str, *, dated_only: bool = True) -> tuple[int, str]:
    """Where the story starts after the lead-in `line` opens with, and the names of its bylines;
    (0, "") when none. Without `dated_only`, a byline alone is a lead-in when its names are a
    person's."""
    pos = 0
    dated = False
    best = (0, "")
    found: list[str] = []
    for _ in range(_PARTS):
        end = _date_part(line, pos)
        if end:
            dated = True
        else:
            end, with_date, names = _byline_part(line, pos)
            if not end:
                break
            dated = dated or with_date
            found.append(names)
        between = _BETWEEN.match(line, end)
        pos = between.end() if between else end
        lead = line[:pos].rstrip()
        # a name and its role end at a (full-width) space ("佐藤花子記者　…") as at a stop
        ended = lead[-1:] in _ENDS or (lead.endswith(_CJK_ROLES) and line[end:pos].isspace())
        if not (ended and pos < len(line) and starts_sentence(line[pos:])):
            continue
        if dated or not dated_only and _undated_byline(line, lead, found):
            best = (pos, " and ".join(n for n in found if n))
    return best


def _undated_byline(line: str, lead: str, found: list[str]) -> bool:
    """Whether `lead`, the bylines (of `found` names) `line` opens with and no date, is a lead-in:
    a full stop ends it and its names are people's. "From" is no label here ("From Monday. …")."""
    return (
        bool(found)
        and lead.endswith((".", "。", *_CJK_ROLES))
        and not re.match(r"\s*from\b", line, re.I)
        and all(map(_person, found))
    )


def _person(names: str) -> bool:
    """Whether a lone byline's `names` are people's ("Jane Roe", "Ana Ruiz and Carl Ng"), not a
    time ("Christmas Day")."""
    people = [n for n in re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", names) if n]
    return bool(people) and all(
        is_person_name(p, strict=True)
        and not any(w.casefold().strip(".") in _CALENDAR for w in p.split())
        for p in people
    )


def _date_part(line: str, pos: int) -> int:
    """Where a post's date (and its time) at `pos` ends; 0 when none starts there."""
    published = _PUBLISHED.match(line, pos)
    start = published.end() if published else pos
    weekday = _WEEKDAY.match(line, start)
    date = (
        ANY_DATE.match(line, start)
        or _ARABIC_DATE.match(line, start)
        or (weekday and ANY_DATE.match(line, weekday.end()))
    )
    if not date:
        return 0
    after = _JAPANESE_AFTER_DATE.match(line, date.end()) if "日" in date.group() else None
    if after and after.end() > date.end():
        return after.end()
    time = _TIME.match(line, date.end())
    return time.end() if time else date.end()


def _byline_part(line: str, pos: int) -> tuple[int, bool, str]:
    """Where a byline at `pos` ends, after its names (whether its label holds a date: "Posted
    on November 13, 2026 by", or it is left out as a dated one is: "政治部記者。", a desk's; and the
    names); (0, False, "") when none starts there."""
    label = byline_rules.BYLINE_PREFIX.match(line[pos:])
    if label is None or not label.group().strip():
        return _script_byline(line, pos)
    start = pos + label.end()
    end = _names_end(line, start)
    if not end:
        return 0, False, ""
    return end, bool(ANY_DATE.search(label.group())), line[start:end].strip()


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


def _script_byline(line: str, pos: int) -> tuple[int, bool, str]:
    """`_byline_part` for a byline of a script without capitals (fixln #2): an Arabic label
    (`byline_rules.WORD_CREDIT_LABEL`: "بقلم أحمد علي") or a Japanese or Chinese one
    (`byline_rules.CJK_CREDIT_LABEL`: "文：山田太郎", "記者 山田太郎"; a label without its mark
    only before a space: "記者会見で" is a word) and the name after it, its role ("記者") left out
    of the name."""
    arabic = byline_rules.WORD_CREDIT_LABEL.match(line[pos:])
    cjk = byline_rules.CJK_CREDIT_LABEL.match(line[pos:])
    if arabic and arabic.group().strip():
        name = _ARABIC_NAME.match(line, pos + arabic.end())
    elif cjk and cjk.group().strip() and not cjk.group()[-1:].isalnum():
        name = _CJK_NAME.match(line, pos + cjk.end())
    elif role := _CJK_NAME_ROLE.match(line, pos):
        if role["name"].endswith("部"):
            # "政治部記者。": a desk (政治部, 経済部), no one's name; a lead-in left out of the
            # blurb as a dated one is, crediting no one (fixmf #2)
            return role.end(), True, ""
        return role.end(), False, role["name"]  # "山田太郎記者。" (fixlq #5)
    else:
        return 0, False, ""
    if name is None or len(name.group().split()) > _NAME_WORDS:
        return 0, False, ""
    names = byline_rules.CJK_CREDIT_ROLE_TAIL.sub("", name.group()).strip()
    return name.end(), False, names
