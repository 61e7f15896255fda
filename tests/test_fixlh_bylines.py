"""walk198 (fixlb's leftovers): bylines under the headline that give a date, a photographer or a
job title beside the writer's name. A date before the label ("2026年12月8日 12:30　文＝山田太郎",
"December 8, 2026 · Text: John Smith · Photos: Jane Roe") or after the name ("Иван Петров, 8
декабря 2026, 12:30") credited no one (#1); an Arabic job title after the Arabic comma ("بقلم
خالد المنصور، مدير تجربة العملاء") was credited as part of the name (#2). Each through `curator
draft` of a newsletter whose feed and pages are served on 127.0.0.1: the draft's `author:`
lines, as the editor meets them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import authors, drafted, newsletter
from test_fixlb_credits import TEXT

from conftest import LocalServer

#: English sentences long enough to be the page's text, beside fixlb's Russian, Arabic, Japanese.
SENTENCES = {
    **TEXT,
    "en": [
        "Successful companies measure satisfaction after every important contact.",
        "It helps them find problems before they become public complaints.",
        "In the end the customer becomes a partner in improvement.",
    ],
}


def page(lang: str, byline: str) -> str:
    """An article page in `lang` with `byline` in a plain `<p>` under its headline, as the
    walker's pages (/tmp/walk198/site/t/d-*.html) write it."""
    rtl = ' dir="rtl"' if lang == "ar" else ""
    title = "Customer service"
    return (
        f'<!doctype html><html lang="{lang}"{rtl}><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><article><h1>{title}</h1><p>{byline}</p>"
        + "".join(f"<p>{t}</p>" for t in SENTENCES[lang])
        + "</article></body></html>"
    )


def drafted_authors(tmp_path: Path, server: LocalServer, lang: str, byline: str) -> list[str]:
    """The draft's `author:` lines for the one article whose page shows `byline`."""
    config = newsletter(tmp_path, server, [("Customer service article", "", page(lang, byline))])
    block = drafted(config)["Customer service article"]
    found = authors(block)
    assert found or block, block
    return found


@pytest.mark.parametrize(
    ("lang", "byline", "people"),
    [
        ("ja", "2026年12月8日 12:30\u3000文＝山田太郎", ["山田太郎"]),
        ("ja", "文＝山田太郎", ["山田太郎"]),
        ("ja", "2026年12月8日\u3000文＝山田太郎\u3000写真＝佐藤花子", ["山田太郎"]),
        ("ru", "Иван Петров, 8 декабря 2026, 12:30", ["Иван Петров"]),
        ("ru", "08.12.2026 · Текст: Иван Петров · Фото: Анна Смирнова", ["Иван Петров"]),
        ("en", "December 8, 2026 · Text: John Smith · Photos: Jane Roe", ["John Smith"]),
        ("en", "John Smith, December 8, 2026", ["John Smith"]),
    ],
)
def test_a_byline_with_a_date_or_a_photographer_credits_the_writer(
    tmp_path: Path, http_server: LocalServer, lang: str, byline: str, people: list[str]
) -> None:
    """#1: a date before the byline's label or after its name, and a photographer's credit
    beside the writer's: the draft had no `author:` line at all. The writer is credited, never
    the photographer."""
    assert drafted_authors(tmp_path, http_server, lang, byline) == people


@pytest.mark.parametrize(
    "byline",
    [
        "8 декабря 2026, 12:30",  # a date alone names no one
        "Москва, 8 декабря 2026",  # a city and a date: a dateline, no one
        "Нижний Новгород, 8 декабря 2026, 12:30",
        "New York, December 8, 2026",
        "SAN FRANCISCO, December 8, 2026",
    ],
)
def test_a_date_line_under_the_headline_credits_no_one(
    tmp_path: Path, http_server: LocalServer, byline: str
) -> None:
    """#1: only a name before the date is credited; a dateline's place is no person."""
    lang = "ru" if byline[0] in "МН" or byline[0].isdigit() else "en"
    assert drafted_authors(tmp_path, http_server, lang, byline) == []


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("بقلم خالد المنصور، مدير تجربة العملاء", ["خالد المنصور"]),
        ("بقلم خالد المنصور، مراسل", ["خالد المنصور"]),
        ("بقلم خالد المنصور، رئيس التحرير", ["خالد المنصور"]),
    ],
)
def test_an_arabic_job_title_after_the_arabic_comma_is_no_part_of_the_name(
    tmp_path: Path, http_server: LocalServer, byline: str, people: list[str]
) -> None:
    """#2: "بقلم خالد المنصور، مدير تجربة العملاء" was credited whole, the job title kept as
    part of the name, where "By Jane Doe, Director of Customer Experience" credits Jane Doe."""
    assert drafted_authors(tmp_path, http_server, "ar", byline) == people
