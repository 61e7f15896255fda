"""walk151 #4, #5, #12: credits in Arabic, Hebrew, Chinese and Korean, as the editor sees them
(the draft's `author:` lines and notes, a build's warnings, the published issue): a four-part
Arabic name whose third name starts with و (وليد, Walid) was published as two people, the second
without its first letter ("محمد أحمد and ليد الخطيب"), and so was Hebrew ורד (Vered); a Chinese
byline naming a reporter and a correspondent ("本报记者 司马相如 通讯员 李娜") was published as one
person with the label inside; an Arabic article's credit in an English issue had nothing to keep
its author and publication in order."""

from __future__ import annotations

import re
from pathlib import Path

from test_credit_formats import authors, drafted, newsletter, page

from conftest import LocalServer
from conftest import run_cli as run

#: title: (the feed's dc:creator, the page's byline, the authors the draft credits)
CREDITS = {
    # #4: a name that starts with the letter of "and" is the name's: one person
    "Walid Queues": ("محمد أحمد وليد الخطيب", "", ["محمد أحمد وليد الخطيب"]),
    "Wael Queues": ("", "خالد عمر وائل سعيد", ["خالد عمر وائل سعيد"]),
    "Vered Queues": ("רות כהן ורד לוי", "", ["רות כהן ורד לוי"]),
    # ... and "and" written onto another name still parts two people (walk51, walk139 #2)
    "Ali Queues": ("محمد الأحمد وعلي حسن", "", ["محمد الأحمد", "علي حسن"]),
    "Sara Queues": ("דוד כהן ושרה לוי", "", ["דוד כהן", "שרה לוי"]),
    # #5: a reporter's role between two names parts them; an editor after them is no author
    "Reporter Queues": ("", "本报记者 司马相如 通讯员 李娜", ["司马相如", "李娜"]),
    "Editor Queues": ("本报记者 王小明 实习生 李娜 责任编辑：韩梅梅", "", ["王小明", "李娜"]),
    "Korean Queues": ("김민수 기자 이영희 기자", "", ["김민수", "이영희"]),
    # #12: an Arabic article in an English issue
    "Doha Tram Support": ("سارة حسن", "", ["سارة حسن"]),
}

MAY_BE_TWO = (
    '"محمد أحمد وليد الخطيب" is credited as one person, "وليد" read as a name; it may be two'
    ' people, "محمد أحمد" and "ليد الخطيب", if its "و" is "and"'
)


def test_arabic_hebrew_and_chinese_bylines_credit_the_people_they_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = []
    for title, (creator, byline, _) in CREDITS.items():
        html = page(title, byline=byline)
        if title == "Doha Tram Support":
            html = html.replace("<html>", '<html lang="ar" dir="rtl">')
        items.append((title, f"<dc:creator>{creator}</dc:creator>" if creator else "", html))
    config = newsletter(tmp_path, http_server, items)

    blocks = drafted(config)
    for title, (_, _, people) in CREDITS.items():
        assert authors(blocks[title]) == people, (title, blocks[title])
    notes = {
        title: " ".join(line for line in block if "<!--" in line) for title, block in blocks.items()
    }
    # the editor is told the credit may be two people, and what to do
    assert f"{MAY_BE_TWO}: if so, write an `author:` line for each" in notes["Walid Queues"]
    assert '"وائل" read as a name' in notes["Wael Queues"], notes["Wael Queues"]
    assert '"ורד" read as a name' in notes["Vered Queues"], notes["Vered Queues"]
    for title in ("Ali Queues", "Sara Queues", "Reporter Queues"):
        assert "read as a name" not in notes[title], notes[title]

    # a build with no draft says it too, as it publishes the credit
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert 'the credit of "Walid Queues"' in said and MAY_BE_TWO in said, err
    out = tmp_path / "output"
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    # (the Arabic side isolated, U+2068 ... U+2069, so that it reads author first: walk159 #3)
    assert "\u2068محمد أحمد وليد الخطيب\u2069 || Zeta Post" in text, text
    assert "محمد أحمد and" not in text and "רות כהן and" not in text, text
    assert "司马相如 and 李娜 || Zeta Post" in text, text
    assert "通讯员" not in text and "韩梅梅" not in text and "记者" not in text, text

    # #12: each side of the credit isolated, in the web page and in the email
    for name in ("issue-1.html", "issue-1.email.html"):
        html = (out / name).read_text(encoding="utf-8")
        # the Arabic article's entry (its element right to left: the <td> has its CSS inlined)
        entry = re.search(
            r'class="entry"[^>]*\bdir="rtl"[^>]*>.*?(<p class="credit".*?</p>)', html, re.S
        )
        assert entry, (name, html)
        # (the publication in Latin letters keeps the newsletter's language: walk159 #6)
        assert entry.group(1).endswith(
            '><bdi>سارة حسن</bdi> || <bdi lang="en">Zeta Post</bdi></p>'
        ), (
            name,
            entry.group(1),
        )
        assert "<bdi>司马相如 and 李娜</bdi> || <bdi>Zeta Post</bdi>" in html, name
