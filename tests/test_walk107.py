"""walk107's leftovers on the text edition and on blurbs in other scripts: a non-ASCII autolink
of the editor's lost its brackets in the .txt, an editor's `<b>` was shown there as "< b>", and
a Thai page's dateline ("21 ม.ค.2561 เวลาประมาณ 12.00 น.") opened its blurb."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import LocalServer, copy_demo, run_cli
from tests.test_walk48 import extracted, served

BLURB_END = "then be generous where it counts.\n"
INTRO_END = "shares it.\n"


def test_an_editors_autolinks_and_styling_tags_in_the_text_edition(tmp_path: Path) -> None:
    """walk107 #1: `<https://例え.jp/記事>` in an introduction or a blurb was written in the .txt
    without its brackets, though README says an autolink stays as written there. walk107 #3: the
    editor's `<b>bold</b>` was "< b>bold< /b>" in the .txt, where `**bold**` is its words alone;
    the web edition still shows the tag as the text it is (and the build warns), and any other tag
    stays a word, "< details>"."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert INTRO_END in text and BLURB_END in text
    intro = (
        "Read <https://例え.jp/記事> and <https://example.com/café>: <b>bold words</b>,"
        " <EM>this</em> and <details>.\n"
    )
    blurb = "Links <https://example.com/café> and <mark>strong claims</mark> and <u>it</u>.\n"
    text = text.replace(INTRO_END, INTRO_END + intro, 1).replace(BLURB_END, BLURB_END + blurb, 1)
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    out = config.parent / "output"
    txt = " ".join((out / "issue-1.txt").read_text(encoding="utf-8").split())
    assert (
        "Read <https://例え.jp/記事> and <https://example.com/café>: bold words, this and"
        " < details>." in txt
    ), txt
    assert "Links <https://example.com/café> and strong claims and it." in txt, txt
    assert "< b>" not in txt and "< /em>" not in txt and "< mark>" not in txt

    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;bold words&lt;/b&gt;" in page  # shown as typed, as before
    assert "&lt;mark&gt;strong claims&lt;/mark&gt;" in page
    assert 'href="https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B"' in page
    md = (out / "issue-1.md").read_text(encoding="utf-8")
    assert "<https://例え.jp/記事>" in md and "Links <https://example.com/café>" in md

    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    (art,) = [a for s in data["sections"] for a in s["articles"] if "strong claims" in a["blurb"]]
    assert art["blurb"].endswith("and strong claims and it.")
    assert "<https://example.com/café>" in art["blurb"]
    said = " ".join(err.split())
    assert "the HTML <b>, </b>, <EM> (and 2 more) is published as visible text" in said, said
    assert "issue-N.txt shows the words of a bare styling tag" in said

    # A render from issue-1.json publishes the same .txt.
    before = (out / "issue-1.txt").read_text(encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    assert (out / "issue-1.txt").read_text(encoding="utf-8") == before


THAI_NEWS = "ผู้สื่อข่าวได้รับแจ้งว่าเจ้าหน้าที่ได้ตรวจสอบพื้นที่ริมแม่น้ำโขงแล้วและพบหลักฐานเพิ่มเติมในคดีนี้"
THAI_MORE = "ครอบครัวของผู้สูญหายกล่าวว่ายังคงรอผลการตรวจสอบอย่างเป็นทางการจากเจ้าหน้าที่ต่อไปอีกหลายวัน"


def _thai_page(lead: str) -> str:
    return (
        '<html lang="th"><head><meta charset="utf-8"><title>ข่าวริมโขง</title></head><body>'
        f"<article><h1>ข่าวริมโขง</h1><p>{lead}</p><p>{THAI_MORE}</p></article></body></html>"
    )


def test_a_thai_dateline_opens_no_blurb(corpus: Path, http_server: LocalServer) -> None:
    """walk107 #2: Prachatai's lead opens "21 ม.ค.2561 เวลาประมาณ 12.00 น." (a date in the
    Buddhist era, "at about 12.00"), and the blurb began with it. It begins with the news now, as
    an English or a Chinese dateline is dropped; a date the lead mentions later stays, and so does
    one its words open ("เมื่อวันที่ ...", "On the ...")."""
    blurb = extracted(served(corpus, "thai_article", http_server))["blurb"]
    assert blurb.startswith("ผู้สื่อข่าวได้รับแจ้ง"), blurb

    for name, lead, expected in [
        ("dateline", f"21 ม.ค.2561 เวลาประมาณ 12.00 น. {THAI_NEWS}", THAI_NEWS),
        ("full-month", f"3 ธันวาคม 2566 {THAI_NEWS}", THAI_NEWS),
        ("later", f"{THAI_NEWS} เมื่อ 21 ม.ค.2561 เวลา 12.00 น.", THAI_NEWS + " เมื่อ 21 ม.ค.2561"),
        ("words-first", f"เมื่อวันที่ 21 ม.ค.2561 {THAI_NEWS}", "เมื่อวันที่ 21 ม.ค.2561 "),
    ]:
        url = http_server.add(f"/{name}.html", _thai_page(lead), content_type="text/html")
        blurb = extracted(url)["blurb"]
        assert blurb.startswith(expected), (name, blurb)
