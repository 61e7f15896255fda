"""fixmf: credits one step beyond fixlq's. A role before the name in Russian or Arabic, with no
label ("Главный редактор Иван Петров", "رئيس التحرير أحمد علي") credited no one, where "Иван
Петров, главный редактор" credits Иван Петров (#1); a place of two words with no place's word,
its date and a dash or the article's text in a byline element ("Cedar Glen, December 8, 2026 —
The city…") was credited as a person (#3). Each through `curator extract URL` and
`curator draft` of a newsletter whose feed and pages are served on 127.0.0.1: the authors the
editor is shown and the draft's `author:` lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fixlq_credits import drafted_authors, page

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"


def extracted_authors(server: LocalServer, lang: str, byline: str, holder: str = "p") -> list[str]:
    """The authors `curator extract` shows for a page with `byline` under its headline."""
    link = server.add(f"/a/{abs(hash(byline))}.html", page(lang, byline, holder), content_type=HTML)
    code, out, err = run("extract", "--allow-private", "--json", link)
    assert code == 0, err
    authors: list[str] = json.loads(out.splitlines()[0])["authors"]
    return authors


@pytest.mark.parametrize(
    ("lang", "byline", "people"),
    [
        ("ru", "Главный редактор Иван Петров", ["Иван Петров"]),
        ("ru", "главный редактор Иван Петров", ["Иван Петров"]),
        ("ru", "Корреспондент Мария Соколова", ["Мария Соколова"]),
        ("ar", "رئيس التحرير أحمد علي", ["أحمد علي"]),
        ("ar", "مراسل خالد المنصور", ["خالد المنصور"]),
    ],
)
def test_a_role_before_the_name_in_russian_or_arabic_credits_the_name(
    tmp_path: Path, http_server: LocalServer, lang: str, byline: str, people: list[str]
) -> None:
    """#1: in a plain `<p>` under the headline, the role first and no label: no one was credited,
    in `curator extract` nor in the draft."""
    assert extracted_authors(http_server, lang, byline) == people
    assert drafted_authors(tmp_path, http_server, lang, byline) == people


@pytest.mark.parametrize(
    ("lang", "byline"),
    [
        ("ru", "Главный редактор"),  # a role alone names no one
        ("ru", "Редактор отдела политики"),  # a role and its desk, in lower case
        ("ar", "رئيس التحرير"),
    ],
)
def test_a_role_with_no_name_after_it_credits_no_one(
    http_server: LocalServer, lang: str, byline: str
) -> None:
    assert extracted_authors(http_server, lang, byline) == []


TEXT = " The city council voted to extend the customer service hours."


@pytest.mark.parametrize("holder", ["author", "byline"])
@pytest.mark.parametrize(
    "byline",
    [
        "Cedar Glen, December 8, 2026 —" + TEXT,
        "Cedar Glen, December 8, 2026 — …",
        "Cedar Glen, 8 December 2026 —" + TEXT,
        "Cedar Glen, December 8, 2026" + TEXT,
    ],
)
def test_a_datelines_place_of_two_words_before_the_text_credits_no_one(
    tmp_path: Path, http_server: LocalServer, byline: str, holder: str
) -> None:
    """#3: a place of two words with no place's word ("Cedar Glen"), its date and then a dash or
    the article's text, in a byline element under the headline, was credited as a person."""
    assert extracted_authors(http_server, "en", byline, holder) == []
    assert drafted_authors(tmp_path, http_server, "en", byline, holder) == []


@pytest.mark.parametrize(
    ("byline", "holder"),
    [
        *[
            (line, holder)
            for line in [
                "Jane Roe, December 8, 2026",
                "By Jane Roe, December 8, 2026",
                "By Jane Roe, December 8, 2026 —" + TEXT,
            ]
            for holder in ["p", "author", "byline"]
        ],
        ("Jane Roe, December 8, 2026 · 5 min read", "author"),  # a reading time is no text
        ("Jane Roe, December 8, 2026 · 5 min read", "byline"),
    ],
)
def test_a_name_and_a_date_as_a_byline_still_credit_the_name(
    tmp_path: Path, http_server: LocalServer, byline: str, holder: str
) -> None:
    """#3: fixlh's byline of a name and a date, with "By" or in a byline element, is still one."""
    assert extracted_authors(http_server, "en", byline, holder) == ["Jane Roe"]
    assert drafted_authors(tmp_path, http_server, "en", byline, holder) == ["Jane Roe"]
