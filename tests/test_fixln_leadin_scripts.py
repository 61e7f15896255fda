"""fixln #2: a feed-only blurb (its page robots.txt forbids) whose summary opens with an Arabic
or a Japanese lead-in ("٣ ديسمبر ٢٠٢٦ — بقلم أحمد علي. …", "2026年12月3日　文：山田太郎。…") kept it:
`blurb_leadin` read English, French, German, Spanish and Russian lead-ins only. The blurb opens at
the story and the person the lead-in names is credited, as fixlg's are. Through a build of a feed
on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from test_fixks_feed_blurbs import TAIL, _blurbs
from test_fixlg_leadin_credit import _authors

from conftest import LocalServer

AR = "يجيب فريق خدمة العملاء service أسرع عندما يكون لكل طلب مسؤول واحد."
AR2 = "ينتظر العميل customer وقتا أقل عندما يوجه مكتب الخدمة كل تذكرة إلى موظف واحد."
JA = "顧客サービス（customer service）の担当者は、問い合わせごとに責任者がいると早く答える。"
JA2 = "サービス窓口（service desk）が一人の担当者に回すと、顧客の待ち時間は短くなる。"
TAIL.setdefault(AR, " تترك قائمة الانتظار المشتركة كل رسالة تنتظر حتى يأخذها أحد.")
TAIL.setdefault(AR2, " يكلف تمرير التذاكر بين أفراد الفريق كل عميل يوما من الانتظار.")
TAIL.setdefault(JA, "共有の待ち行列では、誰かが取るまで各メッセージが待たされる。")
TAIL.setdefault(JA2, "チーム内でチケットを回すと、顧客は一日待たされる。")

#: (the summary's lead-in, the lead after it, the person it credits)
CREDITED = [
    ("٣ ديسمبر ٢٠٢٦ — بقلم أحمد علي. ", AR, "أحمد علي"),
    ("٣ كانون الأول ٢٠٢٦ — بقلم فاطمة الزهراء. ", AR2, "فاطمة الزهراء"),
    ("2026年12月3日\u3000文：山田太郎。", JA, "山田太郎"),
    ("2026年12月3日（木）\u3000記者 佐藤花子。", JA2, "佐藤花子"),
]


def test_arabic_and_japanese_lead_ins_leave_the_blurb_and_credit_their_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    blurbs, said = _blurbs(tmp_path, http_server, CREDITED, "description")
    authors = _authors(tmp_path)
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for at, (head, lead, person) in enumerate(CREDITED):
        title = f"Service queues {at}"
        assert blurbs[title].startswith(lead), blurbs[title]
        assert person not in blurbs[title], blurbs[title]
        assert authors[title] == [person], authors
        assert person in text, text
        assert head.strip() not in text, text
