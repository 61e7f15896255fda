"""walk198, credits in Russian, Arabic and Japanese that named the people with their labels, or
no one: a plural, a guest's or a contribution's label kept, a job title after a comma credited as
a second author, a Japanese role in brackets cut in half (#1); an Arabic byline in a plain
paragraph under the headline credited no one (#2). Each through `curator draft` of a newsletter
whose feed and pages are served on 127.0.0.1, as the editor meets it: the draft's `author:`
lines and notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import authors, drafted, newsletter

from conftest import LocalServer

#: Sentences in the page's own language, long enough to be its text.
TEXT = {
    "ru": [
        "Когда мы рисуем карту пути клиента, мы часто начинаем с момента покупки.",
        "Но клиентский опыт складывается гораздо раньше: на сайте, в отзывах и в разговорах.",
        "Совет коллегам простой: начинайте карту с того места, где возникает потребность.",
    ],
    "ar": [
        "تعتمد الشركات الناجحة على قياس رضا العملاء بعد كل تفاعل مهم.",
        "ويساعد ذلك على اكتشاف المشكلات قبل أن تتحول إلى شكاوى علنية.",
        "وفي النهاية يصبح العميل شريكا في التحسين.",
    ],
    "ja": [
        "カスタマージャーニーマップを描くとき、多くの企業は購入の瞬間から始めてしまう。",
        "しかし顧客体験はそれよりずっと前、検索や比較、口コミを読む段階で形づくられている。",
        "マップは顧客に最初の必要が生まれた時点から描くべきだ。",
    ],
}


def page(lang: str, title: str, byline: str, *, plain: bool = False) -> str:
    """An article page in `lang` with `byline` under its headline: in a `<p class="byline">`, or
    in a plain `<p>` (`plain`) as many sites write it."""
    mark = "" if plain else ' class="byline"'
    rtl = ' dir="rtl"' if lang == "ar" else ""
    return (
        f'<!doctype html><html lang="{lang}"{rtl}><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p{mark}>{byline}</p>"
        + "".join(f"<p>{t}</p>" for t in TEXT[lang])
        + "</article></body></html>"
    )


def _drafted_authors(
    tmp_path: Path, server: LocalServer, html: str, creator: str = ""
) -> tuple[list[str], list[str]]:
    """The draft's `author:` lines for the one article, and its block's lines."""
    who = f"<dc:creator>{creator}</dc:creator>" if creator else ""
    config = newsletter(tmp_path, server, [("Customer service article", who, html)])
    block = drafted(config)["Customer service article"]
    return authors(block), block


@pytest.mark.parametrize(
    ("lang", "byline", "people"),
    [
        (
            "ru",
            "Гостевой автор: Ольга Кузнецова, директор по клиентскому опыту «ТехноМаркета»",
            ["Ольга Кузнецова"],
        ),
        ("ru", "Авторы: Иван Петров и Мария Смирнова", ["Иван Петров", "Мария Смирнова"]),
        ("ru", "Автор материала: Иван Петров", ["Иван Петров"]),
        ("ar", "كاتب ضيف: خالد المنصور", ["خالد المنصور"]),
        ("ar", "الكاتب: خالد المنصور", ["خالد المنصور"]),
        ("ja", "寄稿：鈴木一郎（テクノマート顧客体験部長）", ["鈴木一郎"]),
        ("ja", "筆者：山田太郎（やまだ・たろう）、佐藤花子", ["山田太郎", "佐藤花子"]),
    ],
)
def test_a_labelled_byline_credits_its_people_without_the_label(
    tmp_path: Path, http_server: LocalServer, lang: str, byline: str, people: list[str]
) -> None:
    """#1: "Гостевой автор: Ольга Кузнецова, директор ..." was drafted as two authors, the label
    kept and the job title the second; "Авторы: Иван Петров" kept its label; "كاتب ضيف: خالد
    المنصور" its label; "寄稿：鈴木一郎（テクノマート顧客体験部長" its label and half a bracket."""
    found, block = _drafted_authors(tmp_path, http_server, page(lang, "Customer service", byline))
    assert found == people, block


@pytest.mark.parametrize(
    ("lang", "byline", "guest"),
    [
        ("ru", "Гостевой автор: Ольга Кузнецова", "Ольга Кузнецова"),
        ("ar", "كاتب ضيف: خالد المنصور", "خالد المنصور"),
        ("ja", "寄稿：鈴木一郎（テクノマート顧客体験部長）", "鈴木一郎"),
    ],
)
def test_a_guests_label_credits_the_guest_over_the_blogs_owner(
    tmp_path: Path, http_server: LocalServer, lang: str, byline: str, guest: str
) -> None:
    """#1: a guest named so in Russian, Arabic or Japanese is credited over the feed's owner, as
    "Guest author: Ian Ford" is, and the draft says whom the feed named."""
    found, block = _drafted_authors(
        tmp_path, http_server, page(lang, "Customer service", byline), creator="Peter Owner"
    )
    assert found == [guest], block
    assert any("Peter Owner" in line for line in block if line.startswith("<!--")), block


@pytest.mark.parametrize(
    ("lang", "byline", "people"),
    [
        ("ar", "بقلم أحمد علي", ["أحمد علي"]),
        ("ar", "كتب: أحمد علي", ["أحمد علي"]),
        ("ar", "بقلم أحمد علي — ٨ ديسمبر ٢٠٢٦", ["أحمد علي"]),
        ("ar", "بقلم أحمد علي وفاطمة الزهراء", ["أحمد علي", "فاطمة الزهراء"]),
        ("ja", "文：山田太郎", ["山田太郎"]),
        ("ru", "Автор: Иван Петров", ["Иван Петров"]),
    ],
)
def test_a_byline_in_a_plain_paragraph_under_the_headline_credits_its_people(
    tmp_path: Path, http_server: LocalServer, lang: str, byline: str, people: list[str]
) -> None:
    """#2: "<p>بقلم أحمد علي</p>" under the h1 credited no one (it was left out of the blurb, so
    read as a byline), where "<p>By John Smith — December 8, 2026</p>" credits John Smith."""
    html = page(lang, "Customer service", byline, plain=True)
    found, block = _drafted_authors(tmp_path, http_server, html)
    assert found == people, block
