"""A byline that gives its date beside the names, under the headline (`extract_bylines`): the
date before the label ("2026年12月8日 12:30　文＝山田太郎", "December 8, 2026 · Text: John Smith ·
Photos: Jane Roe", "08.12.2026 · Текст: Иван Петров") or after the name ("Иван Петров, 8 декабря
2026, 12:30"). Why: such a line opens with no label ("By", "Текст:", "文＝"), so it was read as
no byline and credited no one (walk198, fixlh). So did a Japanese name given with its reading in
brackets, "山田太郎（やまだ・たろう）" (fixlq #2: `reading_byline`), and a role before the name
in Russian or Arabic, "Главный редактор Иван Петров" (fixmf #1: `role_first_byline`)."""

from __future__ import annotations

import re

from curator import extract_rules_bylines as byline_rules
from curator.creditroles import in_capitals, role_lead
from curator.credits import clean_authors

_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
)
_WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|понедельник|вторник|среда|четверг|пятница"
    r"|суббота|воскресенье)\s*,?\s*"
)
#: A date: in digits ("08.12.2026", "2026-12-08", "12/8/26"), in Japanese or Chinese
#: ("2026年12月8日"), with the month's name ("December 8, 2026", "8 декабря 2026 г.").
_DATE = (
    rf"(?:{_WEEKDAY})?(?:\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[（(][^)）]{1,3}[)）])?"
    rf"|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\.?\s+(?:{_MONTH})\s+\d{{4}}(?:\s*г(?:ода|\.)?)?)"
    # ... and its time ("12:30", ", 12:30", "в 12:30", "12:30 pm")
    r"(?:\s*,?\s*(?:в\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?"
)
#: A date that opens a line, and what parts it from the byline after it.
LEADING_DATE = re.compile(rf"^\s*{_DATE}\s*(?:[·•|/—–-]\s*)?(?=\S)", re.I)
#: A date that closes a line after a name and a comma, a dot or a dash.
TRAILING_DATE = re.compile(rf"\s*[,·•|—–-]\s*{_DATE}\s*$", re.I)
#: A capitalised run, its comma and a date, then a dash or the article's text ("Cedar Glen,
#: December 8, 2026 — The city council…", "Cedar Glen, 8 December 2026 The city…"): a dateline,
#: whatever the place's words, where "Jane Roe, December 8, 2026" alone is a byline (fixmf #3). A
#: reading time or an update after the date ("· 5 min read", "— Updated 9:00") is no text.
_DATE_THEN_TEXT = re.compile(
    rf"^(?:[^\W\d_][\w.'’-]*\s+){{0,3}}[^\W\d_][\w.'’-]*\s*,\s*(?:{_DATE})"
    r"(?:\s*[—–]|\s+-\s|\s+(?=[^\W\d_]+\s+\S+\s+\S+))"
    r"(?!\s*(?:\d+\s*min|updated?\b|modified\b|posted\b|published\b|\d{1,2}[:.]\d{2}))",
    re.I,
)


def opens_with_dateline(text: str) -> bool:
    """Whether `text` (a byline element's, under the headline) is a name or a place and a date
    followed by a dash or the article's text: a dateline, no one's credit (`_DATE_THEN_TEXT`)."""
    words = text.split(",", 1)[0].split()
    return all(w[:1].isupper() for w in words) and _DATE_THEN_TEXT.match(text) is not None


#: The first words of places' names of two words, which a dateline gives before its date as a
#: byline gives its writer's name ("New York, December 8, 2026", "Нижний Новгород, 8 декабря").
_PLACE_LEADS = frozenset(
    [
        "new",
        "san",
        "santa",
        "santo",
        "são",
        "sao",
        "los",
        "las",
        "la",
        "le",
        "el",
        "saint",
        "st",
        "st.",
        "sainte",
        "port",
        "fort",
        "mount",
        "cape",
        "rio",
        "buenos",
        "hong",
        "tel",
        "abu",
        "kuala",
        "ho",
        "costa",
        "puerto",
        "palma",
        "st.-petersburg",
        "нижний",
        "новый",
        "санкт",
        "великий",
        "ростов",
    ]
)


#: The last words of places' names of two words ("Palm Springs", "Grand Rapids", "Long Beach",
#: "Salt Lake City"), which no name ends with, or rarely (fixlq #6: "Palm Springs, December 8,
#: 2026" credited "Palm Springs"). "Park", "Hill", "Bay" end names too ("Jane Park").
_PLACE_ENDS = frozenset(
    ["springs", "rapids", "falls", "heights", "beach", "city", "valley", "harbor", "harbour"]
    + ["creek", "village", "island", "islands", "junction", "county", "township", "bluffs"]
)


def dated_byline(text: str) -> str:
    """The byline a line under the headline gives beside its date, "" when it gives none: the
    labelled credit after a date ("December 8, 2026 · Text: John Smith · Photos: Jane Roe" ->
    "Text: John Smith · Photos: Jane Roe", which credits the writer), or the one person's name
    before it ("Иван Петров, 8 декабря 2026, 12:30" -> "Иван Петров"). A date alone, or a place
    and a date ("Москва, 8 декабря 2026"), names no one."""
    if len(text) > byline_rules.MAX_BYLINE_CHARS:
        return ""
    lead = LEADING_DATE.match(text)
    if lead:
        rest = text[lead.end() :]
        labelled = (
            byline_rules.BYLINE_PREFIX.match(rest + " .")
            or byline_rules.WORD_CREDIT_LABEL.match(rest)
            or byline_rules.CJK_CREDIT_LINE.match(rest)
        )
        return rest if labelled else ""
    tail = TRAILING_DATE.search(text)
    if not tail:
        return ""
    name = text[: tail.start()].strip()
    words = name.split()
    if not 2 <= len(words) <= 4 or any(not w[:1].isupper() for w in words):
        return ""
    if words[0].lower() in _PLACE_LEADS or words[-1].lower() in _PLACE_ENDS or in_capitals(name):
        return ""  # a dateline's place ("New York", "WASHINGTON"), no one's name
    return name if clean_authors(name, strict=True) == (name,) else ""


#: A Japanese name in kanji and its reading in kana in brackets, full- or half-width ("山田太郎
#: （やまだ・たろう）", "佐藤花子 (さとう はなこ)"): a line of its own under the headline names its writer;
#: a reading of one word after a name of two kanji is a place's as often ("東京（とうきょう）").
_NAME_READING = re.compile(
    r"^(?P<name>[\u4e00-\u9fff\u3005\u30f6]{2,6})\s*[（(]"
    r"[\u3041-\u3096\u30a1-\u30fa\u30fc・･\s]{2,20}[)）]$"
)


def reading_byline(text: str) -> str:
    """The name a line of a Japanese name and its reading in brackets credits ("山田太郎（やまだ・
    たろう）" -> "山田太郎"), "" for any other line: with no label ("文：", "記者"), it was read as
    no byline (fixlq #2)."""
    found = _NAME_READING.match(text.strip())
    if found is None:
        return ""
    name, reading = found["name"], found.group(0)[found.end("name") :]
    if not re.search(r"[・･\s]", reading.strip(" （()）")) and (
        len(name) < 3 or name[-1] in _KANJI_PLACE_ENDS
    ):
        return ""  # "東京（とうきょう）": a place's reading, split by no family name's dot
    return name


#: The last kanji of a place's name ("東京都", "横浜市"), a reading after which is no name's.
_KANJI_PLACE_ENDS = frozenset("都道府県市区町村郡駅島")


def role_first_byline(text: str) -> str:
    """The name a line of a role and then a name credits, in a language besides English
    ("Главный редактор Иван Петров", "رئيس التحرير أحمد علي" -> the name; the role's words are
    `creditroles.role_lead`'s), "" for any other line: with no label, it credited no one where
    "Иван Петров, главный редактор" credits Иван Петров (fixmf #1). The role is in lower case but
    for its first letter, the name two to four words in capitals (Arabic has none)."""
    words = text.split()
    if len(text) > byline_rules.MAX_BYLINE_CHARS or not 3 <= len(words) <= 8:
        return ""
    at = role_lead(words)
    if not at or any(w != w.lower() for w in words[1:at]):
        return ""
    name = " ".join(words[at:])
    if not 2 <= len(words) - at <= 4 or any(w[:1].islower() for w in words[at:]):
        return ""
    return name if clean_authors(name, strict=True) == (name,) else ""
