"""walk198, credits in Russian, Arabic and Japanese that named the people with their labels, or
no one: a plural, a guest's or a contribution's label kept, a job title after a comma credited as
a second author, a Japanese role in brackets cut in half (#1); an Arabic byline in a plain
paragraph under the headline credited no one (#2); a draft's `author:` line naming several
people with the Arabic or Japanese comma, or opening with a byline's label, published unsaid
(#3). Each through `curator draft` and `curator build --draft` of a newsletter whose feed and
pages are served on 127.0.0.1, as the editor meets it: the draft's `author:` lines and notes, the
issue's credit line and the build's warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import SITE, authors, drafted, newsletter

from conftest import LocalServer
from conftest import run_cli as run

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


def _rebuilt(tmp_path: Path, server: LocalServer, line: str) -> tuple[str, str]:
    """The issue's text and the build's warnings after the editor writes `line` as the one
    article's `author:` line of its draft."""
    config = newsletter(
        tmp_path,
        server,
        [("Customer service article", "", page("ru", "Customer", "Автор: Иван Петров"))],
    )
    drafted(config)
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert "author: Иван Петров\n" in text, text
    draft.write_text(text.replace("author: Иван Петров\n", f"author: {line}\n"), encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(draft))
    assert code == 0, err
    text = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    # a right-to-left name is isolated (U+2068 ... U+2069) in the text edition
    return text.replace("\u2068", "").replace("\u2069", ""), err


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("أحمد علي، فاطمة الزهراء", ["أحمد علي", "فاطمة الزهراء"]),
        ("山田太郎、佐藤花子", ["山田太郎", "佐藤花子"]),
        ("Иван Петров и Мария Смирнова", ["Иван Петров", "Мария Смирнова"]),
    ],
)
def test_an_author_line_naming_several_in_another_script_is_warned_about(
    tmp_path: Path, http_server: LocalServer, line: str, people: list[str]
) -> None:
    """#3: `author: أحمد علي، فاطمة الزهراء` (the Arabic comma) and `author: 山田太郎、佐藤花子` were
    published as one person, unsaid, where a Russian "и" is warned about (README: "one that names
    several full names ... is published as one and warned about")."""
    text, err = _rebuilt(tmp_path, http_server, line)
    assert f"{line} || {SITE}" in text, text
    said = " ".join(err.split())
    assert f'the author "{line}" is published as one person' in said, err
    assert " and ".join(f"'author: {p}'" for p in people) in said, err


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Автор: Алексей Смирнов", "Алексей Смирнов"),
        ("寄稿：鈴木一郎", "鈴木一郎"),
        ("بقلم أحمد علي", "أحمد علي"),
    ],
)
def test_an_author_line_opening_with_a_bylines_label_publishes_the_name_and_says_so(
    tmp_path: Path, http_server: LocalServer, line: str, name: str
) -> None:
    """#3: `author: Автор: Алексей Смирнов` and `author: 寄稿：鈴木一郎` were published as typed,
    label and all, unsaid: the label goes, as "By " and "Von " do, and the build says so."""
    text, err = _rebuilt(tmp_path, http_server, line)
    assert f"{name} || {SITE}" in text, text
    assert line not in text, text
    said = " ".join(err.split())
    assert f'"{line}" is published as "{name}"' in said, err
    assert f"'author: {line} (sic)'" in said, err


def test_an_author_line_with_its_label_and_sic_is_published_as_typed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """`(sic)` keeps a line as typed, label and all, unsaid, as it keeps "Von ..." (README)."""
    text, err = _rebuilt(tmp_path, http_server, "Автор: Алексей Смирнов (sic)")
    assert f"Автор: Алексей Смирнов || {SITE}" in text, text
    assert "read as a byline's label" not in err, err
