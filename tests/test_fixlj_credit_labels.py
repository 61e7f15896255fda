"""walk200 #1, credits whose label was kept, or which credited the label alone: "Автор — Иван
Петров" credited "Автор"; "Беседовала Анна Иванова" (the interviewer), "Материал подготовили: ...",
"Гостевой автор Ольга Кузнецова" (no colon), "كتبته: سارة حسن", "كتبه أحمد علي", "مقال رأي بقلم
هدى سمير" and "取材・文：佐藤花子" were credited label and all; "文：山田太郎・佐藤花子" as one person;
"بقلم أحمد علي، وفاطمة الزهراء، ومنى سالم" with each name's Arabic comma kept ("أحمد علي،, فاطمة
الزهراء، and منى سالم"). Each through `curator draft` (and `build --draft`) of a newsletter whose
feed and pages are served on 127.0.0.1: the draft's `author:` lines and the issue's credit."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import SITE, authors, drafted, newsletter
from test_fixlb_credits import page

from conftest import LocalServer
from conftest import run_cli as run


@pytest.mark.parametrize(
    ("lang", "byline", "people"),
    [
        ("ru", "Автор — Иван Петров", ["Иван Петров"]),
        ("ru", "Беседовала Анна Иванова", ["Анна Иванова"]),
        (
            "ru",
            "Материал подготовили: Иван Петров, Мария Смирнова",
            ["Иван Петров", "Мария Смирнова"],
        ),
        ("ru", "Гостевой автор Ольга Кузнецова (ТехноМаркет)", ["Ольга Кузнецова"]),
        ("ar", "كتبته: سارة حسن", ["سارة حسن"]),
        ("ar", "كتبه أحمد علي", ["أحمد علي"]),
        ("ar", "مقال رأي بقلم هدى سمير", ["هدى سمير"]),
        (
            "ar",
            "بقلم أحمد علي، وفاطمة الزهراء، ومنى سالم",
            ["أحمد علي", "فاطمة الزهراء", "منى سالم"],
        ),
        ("ja", "取材・文：佐藤花子", ["佐藤花子"]),
        ("ja", "文：山田太郎・佐藤花子", ["山田太郎", "佐藤花子"]),
    ],
)
def test_a_labelled_byline_credits_its_people_without_the_label(
    tmp_path: Path, http_server: LocalServer, lang: str, byline: str, people: list[str]
) -> None:
    """#1: the draft's `author:` lines name the people, each alone, without the label."""
    html = page(lang, "Customer service", byline)
    config = newsletter(tmp_path, http_server, [("Customer service article", "", html)])
    block = drafted(config)["Customer service article"]
    assert authors(block) == people, block


def test_a_katakana_name_with_its_middle_dot_stays_one_person(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The middle dot that joins two kanji names parts a foreign name's given name from its
    surname in katakana ("ジョン・スミス"): that one is one person."""
    html = page("ja", "Customer service", "文：ジョン・スミス")
    config = newsletter(tmp_path, http_server, [("Customer service article", "", html)])
    block = drafted(config)["Customer service article"]
    assert authors(block) == ["ジョン・スミス"], block


def test_three_arabic_names_are_published_without_their_commas(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#1: the issue credited "أحمد علي،, فاطمة الزهراء، and منى سالم"."""
    html = page("ar", "Customer service", "بقلم أحمد علي، وفاطمة الزهراء، ومنى سالم")
    config = newsletter(tmp_path, http_server, [("Customer service article", "", html)])
    drafted(config)
    code, _, err = run(
        "build", "--config", str(config), "--draft", str(config.parent / "drafts" / "issue-1.md")
    )
    assert code == 0, err
    text = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    text = text.replace("\u2068", "").replace("\u2069", "")
    assert "،," not in text, text
    assert f"أحمد علي, فاطمة الزهراء and منى سالم || {SITE}" in text, text
