"""walk102's findings: a Thai blurb of three sentences warned about as "one sentence"; `extract
--json` losing its warnings with stderr; `subjects explain` silent on an article's language; markup
in the newsletter's title or editor published without a word."""

from __future__ import annotations

from pathlib import Path

from test_blurb_walk97 import TH1, built, extracted, page

from conftest import LocalServer


def test_a_thai_blurb_of_three_sentences_is_not_warned_about_as_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk102 #2: the build warned that th1's blurb, its three opening Thai paragraphs, "is one
    sentence ... add a sentence", and `extract --json` said "sentences": 0. Thai ends no sentence
    with a mark: its phrases are counted, so a blurb of one phrase is still warned about."""
    html = page("th", "รถรางกลับมาที่ภูเก็ต", '<p class="byline">โดย สมชาย ใจดี</p>', TH1)
    record = extracted(http_server, html, "/a/th1")
    assert record["blurb"] == " ".join(TH1)
    assert isinstance(record["sentences"], int) and record["sentences"] >= 3
    http_server.add("/a/th2", page("th", "รถรางเชียงใหม่", "", []).encode("utf-8"))
    summary = "เชียงใหม่วางแผนสร้างรถรางไฟฟ้าสามสายรอบเมืองเก่า"
    err, text = built(
        tmp_path,
        http_server,
        [("รถรางกลับมาที่ภูเก็ต", "/a/th1", TH1[0]), ("รถรางเชียงใหม่", "/a/th2", summary)],
        ["รถราง"],
    )
    assert " ".join(TH1) in text
    err = " ".join(err.split())
    assert f'"รถรางกลับมาที่ภูเก็ต" ({http_server.base}/a/th1) is one sentence' not in err, err
    assert f'"รถรางเชียงใหม่" ({http_server.base}/a/th2) is one sentence' in err, err
