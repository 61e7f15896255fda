"""fixlq: credits one step beyond fixlh's. A name and a role in Russian or Arabic with no label
("Иван Петров, главный редактор", "سارة حسن، محررة") credited no one (#1); a Japanese name with its
reading in brackets ("山田太郎（やまだ・たろう）") credited no one and an Arabic writer's word after
بقلم ("بقلم الكاتبة سارة حسن") was kept as part of the name (#2); "By BBC NEWS" credited no one
(#3); "Jane Roe and Le Minh" lost Lê Minh as a publication (#4); a dateline's place of two words
("Palm Springs, December 8, 2026") was credited as a person (#6). Each through `curator draft` of a
newsletter whose feed and pages are served on 127.0.0.1: the draft's `author:` lines, as the
editor meets them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import authors, drafted, newsletter
from test_fixlh_bylines import SENTENCES

from conftest import LocalServer

#: How the page writes its byline under the headline: a plain paragraph, a `<p class="author">`,
#: a byline element.
HOLDERS = {
    "p": "<p>{}</p>",
    "author": '<p class="author">{}</p>',
    "byline": '<div class="byline">{}</div>',
}


def page(lang: str, byline: str, holder: str = "p") -> str:
    """An article page in `lang` with `byline` under its headline, held as `holder` says."""
    rtl = ' dir="rtl"' if lang == "ar" else ""
    title = "Customer service"
    return (
        f'<!doctype html><html lang="{lang}"{rtl}><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><article><h1>{title}</h1>"
        + HOLDERS[holder].format(byline)
        + "".join(f"<p>{t}</p>" for t in SENTENCES[lang])
        + "</article></body></html>"
    )


def drafted_authors(
    tmp_path: Path, server: LocalServer, lang: str, byline: str, holder: str = "p"
) -> list[str]:
    """The draft's `author:` lines for the one article whose page shows `byline`."""
    config = newsletter(
        tmp_path, server, [("Customer service article", "", page(lang, byline, holder))]
    )
    return authors(drafted(config)["Customer service article"])


@pytest.mark.parametrize("holder", ["p", "author", "byline"])
@pytest.mark.parametrize(
    ("lang", "byline", "people"),
    [
        ("ru", "Иван Петров, главный редактор", ["Иван Петров"]),
        ("ru", "Мария Соколова, корреспондент", ["Мария Соколова"]),
        ("ar", "سارة حسن، محررة", ["سارة حسن"]),
        ("ar", "خالد المنصور، مراسل", ["خالد المنصور"]),
    ],
)
def test_a_name_and_a_role_in_russian_or_arabic_credit_the_name(
    tmp_path: Path,
    http_server: LocalServer,
    lang: str,
    byline: str,
    people: list[str],
    holder: str,
) -> None:
    """#1: a line of a name and a lower-case role after the comma (the Arabic comma "،" too), with
    no label: the draft had no `author:` line, where "Jane Roe, Senior Editor" credits Jane Roe."""
    assert drafted_authors(tmp_path, http_server, lang, byline, holder) == people


@pytest.mark.parametrize(
    ("lang", "byline", "people"),
    [
        ("ja", "山田太郎（やまだ・たろう）", ["山田太郎"]),
        ("ja", "山田太郎 (やまだ たろう)", ["山田太郎"]),
        ("ja", "佐藤花子（さとう・はなこ）", ["佐藤花子"]),
        ("ar", "بقلم الكاتبة سارة حسن", ["سارة حسن"]),
        ("ar", "بقلم الصحفي أحمد علي", ["أحمد علي"]),
        ("ar", "بقلم مراسلة سارة حسن", ["سارة حسن"]),
    ],
)
def test_a_japanese_names_reading_and_an_arabic_writers_word_are_no_part_of_the_credit(
    tmp_path: Path, http_server: LocalServer, lang: str, byline: str, people: list[str]
) -> None:
    """#2: a Japanese name and its reading in brackets, with no label, credited no one; "بقلم
    الكاتبة سارة حسن" (by the writer Sara Hassan) credited "الكاتبة سارة حسن", the role word kept
    as part of her name, where "By Staff Writer Ann Lee" credits Ann Lee."""
    assert drafted_authors(tmp_path, http_server, lang, byline) == people


def test_a_places_reading_under_the_headline_credits_no_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#2: a reading of one word after two kanji is a place's as often as a name's."""
    assert drafted_authors(tmp_path, http_server, "ja", "東京（とうきょう）") == []


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By BBC NEWS", ["BBC News"]),
        ("By SKY NEWS", ["Sky News"]),
        ("By NBC News", ["NBC News"]),
        ("By NASA", ["NASA"]),  # as before
        ("By JANE", ["JANE"]),  # one word in capitals stays as written: a limit (docs/credits.md)
    ],
)
def test_a_news_organisation_in_capitals_is_credited_in_its_usual_case(
    tmp_path: Path, http_server: LocalServer, byline: str, people: list[str]
) -> None:
    """#3: "By BBC NEWS" credited no one, its "News" read as a firm's word, where "By NASA" and
    "By USA TODAY" are credited."""
    assert drafted_authors(tmp_path, http_server, "en", byline) == people


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("By Jane Roe and Le Minh", ["Jane Roe", "Le Minh"]),
        ("By Jane Roe and La Toya", ["Jane Roe", "La Toya"]),
        ("By Jane Roe and Le Monde", ["Jane Roe"]),  # a publication, as before (fixlg #3)
        ("By Jane Roe and El País", ["Jane Roe"]),
        ("By Jane Roe and La Gazette", ["Jane Roe"]),  # a publication's word
    ],
)
def test_a_name_of_two_words_opening_like_an_article_is_a_person_after_and(
    tmp_path: Path, http_server: LocalServer, byline: str, people: list[str]
) -> None:
    """#4: "Jane Roe and Le Minh" credited Jane Roe alone, Lê Minh read as a publication such as
    "Le Monde": a person was lost."""
    assert drafted_authors(tmp_path, http_server, "en", byline) == people


@pytest.mark.parametrize(
    "byline",
    [
        "Palm Springs, December 8, 2026",
        "Grand Rapids, Dec. 8, 2026",
        "<strong>Palm Springs, December 8, 2026</strong> — The city council voted to extend the"
        " customer service hours.",
        '<span class="dateline">Cedar Glen, December 8, 2026</span> — The city council voted to'
        " extend the customer service hours.",
    ],
)
def test_a_datelines_place_of_two_words_credits_no_one(
    tmp_path: Path, http_server: LocalServer, byline: str
) -> None:
    """#6: a dateline's place of two words that is not in the short list of places' first words
    ("Palm Springs, December 8, 2026 — …") was credited as a person, on a line of its own and at
    the start of the article's text."""
    assert drafted_authors(tmp_path, http_server, "en", byline) == []


@pytest.mark.parametrize(
    "byline", ["John Smith, December 8, 2026", '<span class="byline">By John Smith</span>']
)
def test_a_name_and_a_date_on_a_line_of_their_own_still_credit_the_name(
    tmp_path: Path, http_server: LocalServer, byline: str
) -> None:
    """#6: fixlh's byline of a name and a date is still one."""
    assert drafted_authors(tmp_path, http_server, "en", byline) == ["John Smith"]
