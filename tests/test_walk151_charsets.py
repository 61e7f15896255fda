"""Feeds and pages in legacy CJK and Hebrew charsets are read as browsers read them (walk151).

#1: pages and feeds declaring shift_jis, euc-kr or gb2312 but saved in the Windows supersets
browsers read for those labels (cp932, cp949, GBK) were read strictly: `髙`, `①`, `똠`, `喆` became
"\ufffd", an author "김\ufffdc", a blurb lost its first sentence. #2: a feed with no declaration
(Hebrew in ISO-8859-8, Shift_JIS) or a wrong one published "äøëáú ä÷ìä", said "document declared
as utf-8" of a feed that declared nothing, and preferred its garbled author to the page's.
Through the command line, against a real HTTP server, with one build for every case.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import hostile_helpers as h
from click.testing import CliRunner

from conftest import LocalServer
from curator.cli import cli

SUBJECTS = [
    {
        "name": "Trams",
        "description": "Trams and streetcars.",
        "keywords": ["tram", "路面電車", "트램", "有轨电车", "בירושלים", "新潟"],
    }
]

JA_TITLE = "髙橋さんの路面電車日記①"
JA_TEXT = (
    "髙橋一郎さんは毎朝路面電車で通勤している。車内では①番の席に座るのが習慣だ。"
    "運転士とも顔なじみになった。路面電車は街の背骨だと髙橋さんは話す。"
)
KO_TITLE = "똠방각하와 트램"
KO_TEXT = "똠방각하는 오래된 소설의 제목이다. 트램을 타고 읽기 좋은 책이다. 시민들이 추천했다."
ZH_TITLE = "上海有轨电车新线开通 沿线居民出行更便利"
ZH_TEXT = (
    "上海松江有轨电车新线今天正式开通运营。新线全长十五公里，设站二十座。"
    "市民张喆表示，以后上班再也不用挤公交了！沿线居民期待更多线路早日建成。"
)
HE_TITLE = "הרכבת הקלה בירושלים מאריכה את הקו האדום"
HE_AUTHOR = "דוד כהן"
HE_SITE = "תחבורה היום"
HE_TEXT = (
    "הרכבת הקלה בירושלים תאריך את הקו האדום עד שכונת נווה יעקב. העבודות צפויות להימשך שלוש"
    " שנים ולעלות כמיליארד שקלים. תושבי הצפון מקווים שהנסיעה למרכז העיר תתקצר בחצי."
)
HE2_TITLE = "קו חדש של הרכבת הקלה בירושלים ייפתח בשנה הבאה"
HE2_AUTHOR = "שרה לוי"
HE2_TEXT = (
    "משרד התחבורה אישר את תוכנית הקו הכחול. הקו יחבר את רמות עם מרכז העיר ויכלול עשרים תחנות."
    " ראש העירייה אמר כי מדובר בבשורה גדולה לתושבים."
)
SJ_TITLE = "①番の席に座る髙橋さんの朝"
SJ_TEXT = (
    "髙橋さんは毎朝七時の路面電車に乗る。①番の席はいつも空いているという。窓から見える川が好きだ。"
)
GB_TITLE = "市民张喆：有轨电车让上班更轻松"
GB_TEXT = (
    "家住松江的张喆每天乘坐有轨电车上班。他说车厢干净，准点率高。喆字在很多输入法里很难打出来。"
)


def _page(lang: str, title: str, author: str, site: str, text: str, charset: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">'
        f"<title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}"><meta name="author" content="{author}">'
        f'<meta property="og:title" content="{title}"></head><body><article><h1>{title}</h1>'
        f'<p class="byline">{author}</p><p>{text}</p></article></body></html>'
    )


def _feed(title: str, items: list[tuple[str, str, str, str]], declared: str | None) -> str:
    head = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    body = "".join(
        f"<item><title>{html.escape(t)}</title><link>{link}</link>"
        + (f"<dc:creator>{html.escape(a)}</dc:creator>" if a else "")
        + f"<description>{html.escape(d)}</description></item>"
        for t, link, a, d in items
    )
    return (
        f'{head}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link>{body}</channel></rss>"
    )


def _serve(server: LocalServer) -> dict[str, str]:
    """walk151's pages and feeds, byte for byte as its generator wrote them."""
    ja = _page("ja", JA_TITLE, "髙橋一郎", "交通新聞", JA_TEXT, "shift_jis").encode("cp932")
    ko = _page("ko", KO_TITLE, "김똠", "교통일보", KO_TEXT, "euc-kr").encode("cp949")
    zh = _page("zh-CN", ZH_TITLE, "王小明", "城市交通网", ZH_TEXT, "gb2312").encode("gbk")
    he = _page("he", HE_TITLE, HE_AUTHOR, HE_SITE, HE_TEXT, "windows-1255").encode("cp1255")
    he2 = _page("he", HE2_TITLE, HE2_AUTHOR, HE_SITE, HE2_TEXT, "windows-1255").encode("cp1255")
    urls = {
        name: server.add(f"/{name}.html", body, content_type="text/html")
        for name, body in (("ja", ja), ("ko", ko), ("zh", zh), ("he", he), ("he2", he2))
    }
    # A UTF-8 feed with no titles: what is published comes from the pages.
    cjk = _feed("Legacy CJK", [("", urls[n], "", "") for n in ("ja", "ko", "zh")], "utf-8")
    urls["cjk"] = server.add("/cjk.xml", cjk.encode())
    # Hebrew in ISO-8859-8, with no XML declaration (XML's default is UTF-8).
    he_feed = _feed(HE_SITE, [(HE_TITLE, urls["he"], HE_AUTHOR, HE_TEXT)], None)
    urls["he_feed"] = server.add("/he.xml", he_feed.encode("iso-8859-8"))
    # Declares Shift_JIS, holds ① and 髙 (cp932); declares gb2312, holds 喆 (GBK). Their links are
    # pages of their own, not read (`fetch_pages: false`): what is published is the feed's.
    sj = _feed("交通新聞", [(SJ_TITLE, server.url("/sj.html"), "髙橋一郎", SJ_TEXT)], "Shift_JIS")
    urls["sj_feed"] = server.add("/sj.xml", sj.encode("cp932"))
    gb = _feed("城市交通网", [(GB_TITLE, server.url("/gb.html"), "王小明", GB_TEXT)], "gb2312")
    urls["gb_feed"] = server.add("/gb.xml", gb.encode("gbk"))
    # Hebrew bytes in a feed that says it is in iso-8859-1: its text is a damaged copy of the
    # page's (Latin letters where the page has Hebrew), and the page's title and author win.
    wrong = _feed("Wrong Hebrew", [(HE2_TITLE, urls["he2"], HE2_AUTHOR, "")], "iso-8859-1")
    urls["wrong_feed"] = server.add("/wrong.xml", wrong.encode("iso-8859-8"))
    return urls


def _articles(folder: Path) -> dict[str, dict]:
    issue = json.loads((folder / "output" / "issue-1.json").read_text(encoding="utf-8"))
    return {a["url"]: a for s in issue["sections"] for a in s["articles"]}


def test_legacy_cjk_and_hebrew_feeds_and_pages_are_published_as_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    urls = _serve(http_server)
    feeds = [
        {"url": urls["cjk"]},
        {"url": urls["he_feed"]},
        {"url": urls["sj_feed"], "fetch_pages": False},
        {"url": urls["gb_feed"], "fetch_pages": False},
        {"url": urls["wrong_feed"]},
    ]
    config = h.write_config(tmp_path, feeds, subjects=SUBJECTS)
    built = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert built.exit_code == 0, built.stderr
    err = built.stderr
    articles = _articles(tmp_path)

    # #1: pages declaring shift_jis, euc-kr, gb2312 in cp932, cp949, GBK: read whole.
    ja, ko, zh = articles[urls["ja"]], articles[urls["ko"]], articles[urls["zh"]]
    assert (ja["title"], ja["authors"]) == (JA_TITLE, ["髙橋一郎"])
    assert ja["blurb"].startswith("髙橋一郎さんは毎朝")
    assert (ko["title"], ko["authors"]) == (KO_TITLE, ["김똠"])
    assert ko["blurb"].startswith("똠방각하는")
    assert zh["title"] == ZH_TITLE and "市民张喆表示" in zh["blurb"]
    # ... and feeds declaring Shift_JIS and gb2312, in cp932 and GBK: read whole, said nothing.
    sj, gb = articles[http_server.url("/sj.html")], articles[http_server.url("/gb.html")]
    assert (sj["title"], sj["authors"], sj["blurb"]) == (SJ_TITLE, ["髙橋一郎"], SJ_TEXT)
    assert (gb["title"], gb["authors"], gb["blurb"]) == (GB_TITLE, ["王小明"], GB_TEXT)
    assert "  ok         交通新聞: 1 entries, 1 new\n" in err
    assert "  ok         城市交通网: 1 entries, 1 new\n" in err
    assert "not valid" not in err and "parsed as" not in err

    # #2: a Hebrew feed in ISO-8859-8 declaring nothing: read as its bytes say, and said so.
    he = articles[urls["he"]]
    assert (he["title"], he["authors"], he["publication"]) == (HE_TITLE, [HE_AUTHOR], HE_SITE)
    assert (
        f"  ok         {HE_SITE}: 1 entries, 1 new (characters: read as windows-1255, as its bytes"
        " say; it declares none (a guess: check its titles and credits))\n"
    ) in err
    assert "declared as utf-8" not in err and "Latin script" not in err
    # A feed whose text is a damaged copy of its page's: the page's title and author.
    he2 = articles[urls["he2"]]
    assert (he2["title"], he2["authors"]) == (HE2_TITLE, [HE2_AUTHOR])

    page = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "\ufffd" not in page and "äøë" not in page.lower()
    for text in (JA_TITLE, KO_TITLE, SJ_TITLE, GB_TITLE, HE_TITLE, HE2_TITLE, HE2_AUTHOR):
        assert text in page

    # The feeds' names as written, in `feeds list` and in the OPML export.
    listed = CliRunner().invoke(cli, ["feeds", "list", "--config", str(config)])
    exported = CliRunner().invoke(cli, ["feeds", "export", "--config", str(config)])
    for name in (HE_SITE, "交通新聞", "城市交通网"):
        assert name in listed.stdout and name in exported.stdout


def test_curator_extract_reads_a_shift_jis_page_in_cp932(http_server: LocalServer) -> None:
    """walk151 #1: `curator extract` gave "\ufffd煖ｴさんの路面電車日記\ufffd@"."""
    body = _page("ja", JA_TITLE, "髙橋一郎", "交通新聞", JA_TEXT, "shift_jis").encode("cp932")
    url = http_server.add("/sjis.html", body, content_type="text/html")
    result = CliRunner().invoke(cli, ["extract", "--json", "--allow-private", url])
    assert result.exit_code == 0, result.stderr
    page = json.loads(result.stdout)
    assert (page["title"], page["authors"]) == (JA_TITLE, ["髙橋一郎"])
    assert "not valid" not in result.stderr
