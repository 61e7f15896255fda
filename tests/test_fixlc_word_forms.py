"""walk198 #5 and #10: a subject's keywords matched no full-width letters ("ＮＰＳ", "ＣＳＡＴ", common
in Japanese text: "no subject: best score 0.047"), no Arabic word with the article and a sound
plural ("التعليقات" for the keyword "تعليق", "الملاحظات" for "ملاحظة") and no Arabic word written
with its vowel marks or a tatweel ("مُؤشر", "مـؤشر" for "مؤشر")."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import LocalServer, run_cli

ITEMS = [
    ("ＮＰＳとＣＳＡＴの使い分け", "ＮＰＳは推奨度を、ＣＳＡＴは満足度を測る。"),
    ("تحليل التعليقات والملاحظات", "نقرأ التعليقات والملاحظات التي تصلنا كل أسبوع بعناية."),
    ("مُؤشر جديد للأداء", "نشرت الشركة مـؤشر الأداء السنوي ومُؤشر الجودة للفروع."),
    ("سوق السيارات في الخليج", "ارتفعت مبيعات السيارات الجديدة في الخليج هذا العام."),
    ("新しい駅が開業", "駅前の商店街もにぎわっている。"),
]

SUBJECTS = [
    {"name": "測定", "keywords": ["NPS", "CSAT"]},
    {"name": "صوت العميل", "keywords": ["تعليق", "ملاحظة"]},
    {"name": "الأداء", "keywords": ["مؤشر"]},
    {"name": "سيارات", "keywords": ["سيارة", "مبيعات"]},
]


def explained(tmp_path: Path, server: LocalServer, index: int) -> dict[str, object]:
    """`curator subjects explain --json` of item `index` of a feed of ITEMS, after a fetch."""
    body = "".join(
        f"<item><title>{t}</title><link>{server.base}/w/{i}</link>"
        f"<guid>{server.base}/w/{i}</guid><description>{d}</description></item>"
        for i, (t, d) in enumerate(ITEMS)
    )
    feed = f'<rss version="2.0"><channel><title>Feed</title>{body}</channel></rss>'
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "Forms"},
                "subjects": SUBJECTS,
                "feeds": [{"url": server.add("/w.xml", feed.encode("utf-8"))}],
                "settings": {"fetch_pages": False, "allow_private_addresses": True},
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    code, _, err = run_cli("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run_cli(
        "subjects", "explain", f"{server.base}/w/{index}", "--config", str(config), "--json"
    )
    assert code == 0, err
    record: dict[str, object] = json.loads(out)
    return record


def terms_of(record: dict[str, object], subject: str) -> dict[str, float]:
    """The matching terms `record` gives `subject`, with their contributions."""
    scores = record["scores"]
    assert isinstance(scores, list)
    row = next(s for s in scores if s["subject"] == subject)
    return {t["term"]: t["contribution"] for t in row["terms"]}


def test_full_width_letters_match_a_keyword_in_ascii(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """ "ＮＰＳとＣＳＡＴの使い分け" is placed under the subject of the keywords NPS and CSAT."""
    record = explained(tmp_path, http_server, 0)
    assert record["subject"] == "測定", record["curator_verdict"]
    terms = terms_of(record, "測定")
    assert terms["nps"] > 0 and terms["csat"] > 0, terms


def test_arabic_sound_plurals_match_their_singular_keyword(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """ "التعليقات" and "الملاحظات" count for the keywords "تعليق" and "ملاحظة"."""
    record = explained(tmp_path, http_server, 1)
    assert record["subject"] == "صوت العميل", record["curator_verdict"]
    terms = terms_of(record, "صوت العميل")
    assert terms.get("تعليق", 0) > 0 and terms.get("ملاحظة", 0) > 0, terms


def test_arabic_vowel_marks_and_tatweel_are_no_other_word(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """ "مُؤشر" and "مـؤشر" count for the keyword "مؤشر"."""
    record = explained(tmp_path, http_server, 2)
    assert record["subject"] == "الأداء", record["curator_verdict"]
    assert terms_of(record, "الأداء").get("مؤشر", 0) > 0, record["scores"]
