"""A draft's `author:` line read as a byline is (pure): a credit's label before the name left out
and said, and several people named in a script whose comma or "and" is its own, warned about.

An editor copying a byline into a draft may copy its label with it (`author: Автор: Алексей
Смирнов`, `author: 寄稿：鈴木一郎`, `author: بقلم أحمد علي`): the label is no part of anyone's name,
so it is left out, as "By " is, and the build says so (walk198 #3: it was published as typed).
And a line naming several people with the Arabic comma "،" or the Japanese "、" ("أحمد علي، فاطمة
الزهراء", "山田太郎、佐藤花子") is published as one person, as "Jane Doe, Ann Lee" is, and warned
about the same way (walk198 #3: it was published unsaid, as a Russian "и" was not).
"""

from __future__ import annotations

import re

from curator import extract_rules_bylines as byline_rules

#: A whole name in a script written without spaces between its parts: Chinese, Japanese (kanji
#: and kana) and Korean, two characters or more ("山田太郎", "王伟", "김민수").
_UNSPACED_NAME = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]{2,}$")
#: The marks a label ends with before the name.
_LABEL_MARKS = (":", "：", "/", "／", "・", "･", "·")


def credit_label(value: str) -> tuple[str, str] | None:
    """(the label as written, the name after it) when an `author:` line's value opens with a
    credit's label: one of a byline's that ends in its colon ("Автор:", "Авторы:", "Text:",
    "Гостевой автор:", "كتب:"), an Arabic, Hebrew, Korean, Turkish, Thai or Vietnamese one
    ("بقلم", "מאת", "글", `byline_rules.WORD_CREDIT_LABEL`), a Chinese or Japanese one ("寄稿：",
    "文：", "记者", `byline_rules.CJK_CREDIT_LABEL`). None when there is none, or nothing after it.
    "By " and another language's "by" are `draftbody`'s own (`OTHER_BY_LEAD`)."""
    for rule, marked in (
        (byline_rules.BYLINE_PREFIX, True),
        (byline_rules.WORD_CREDIT_LABEL, False),
        (byline_rules.CJK_CREDIT_LABEL, False),
    ):
        found = rule.match(value)
        if not found or not found.group().strip():
            continue
        label = found.group().strip()
        if marked and not label.endswith(_LABEL_MARKS):
            continue  # "By Jane Doe", "From ...": not a label with its colon
        name = value[found.end() :].strip()
        if name:
            return label, name
    return None


def label_warning(path: object, line: int, label: str, name: str, heading: int) -> str:
    """What a build says of an `author:` line whose label was left out (`credit_label`)."""
    space = "" if label.endswith(("：", "／", "・", "･")) else " "
    written = f"{label}{space}{name}"
    return (
        f'{path}:{line}: "{written}" is published as "{name}", its "{label}" read as a'
        f" byline's label, no part of the name; if it is part of the name, write"
        f" 'author: {written} (sic)' under the heading at line {heading}"
    )


def several_people(name: str) -> tuple[str, ...]:
    """The people an `author:` line's value names when it names several, each by a full name:
    two words or more, or a whole name in a script without spaces ("山田太郎、佐藤花子"); the Arabic
    comma parts names as a comma does ("أحمد علي، فاطمة الزهراء"), and so does the middle dot between
    two kanji names ("山田太郎・佐藤花子", walk200 #4; `byline_rules.AUTHOR_SPLIT`). () when it names one, or
    when a part is a single word ("Procter & Gamble" is one)."""
    from curator.credits import clean_authors

    people = clean_authors(name.replace("،", ","))
    if len(people) < 2:
        return ()
    if all(len(p.split()) >= 2 or _UNSPACED_NAME.match(p) for p in people):
        return people
    return ()
