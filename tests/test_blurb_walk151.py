"""walk151's findings on blurbs read from pages in more scripts: zero-width joiners and
non-joiners dropped from a page's text (emoji sequences split, Persian misspelt, the headline and
byline left at the blurb's start), a Chinese sentence of 585 characters published whole, and
three-sentence Japanese and Persian blurbs said to be "a few headlines or link texts"."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import yaml

from conftest import LocalServer, run_cli


def page(lang: str, title: str, author: str, site: str, paras: list[str]) -> bytes:
    """An article page as walk151's gen.py wrote them: a site name, an author meta tag, an <h1>,
    a byline paragraph, then the paragraphs."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | {html.escape(site)}</title>"
        f'<meta property="og:site_name" content="{html.escape(site)}">'
        f'<meta name="author" content="{html.escape(author)}">'
        f'<meta property="og:title" content="{html.escape(title)}"></head><body>'
        f'<header><nav><a href="/">{site}</a></nav></header><article><h1>{title}</h1>'
        f'<p class="byline">{author}</p>'
        + "".join(f"<p>{p}</p>" for p in paras)
        + f"</article><footer>© {site}</footer></body></html>"
    ).encode("utf-8")


FA_TITLE = "تهران می\u200cخواهد تراموا را بازگرداند"
FA_BLURB = (
    "شهرداری تهران می\u200cگوید تراموا به خیابان\u200cهای مرکزی بازمی\u200cگردد. این طرح سه سال"
    " طول می\u200cکشد. شهروندان از آن استقبال کرده\u200cاند."
)
EM_TITLE = "Family day on the tram 👨\u200d👩\u200d👧 and a 🏳\ufe0f\u200d🌈 parade"
EM_BLURB = (
    "Families 👨\u200d👩\u200d👧 rode the Lisbon tram for free on Sunday. The rainbow"
    " 🏳\ufe0f\u200d🌈 parade followed Line 28. Officials counted twenty thousand riders."
)
ZH_TITLE = "上海有轨电车（超长句）"
ZH_BASE = "上海松江有轨电车新线今天正式开通运营新线全长十五公里设站二十座沿线串联起大学城工业园区和多个大型居住社区"
ZH_TEXT = ZH_BASE * 12 + "。第二句话在这里。第三句话。"
JA_TITLE = "路面電車（絵文字）"
JA_FILLER = "路面電車の新しい路線が開業し沿線の住民は大きな期待を寄せている"
JA_TEXT = (
    (JA_FILLER * 14)[:425]
    + "👩\u200d👩\u200d👧\u200d👦" * 5
    + "か\u309aき\u309aく\u309aけ\u309aこ\u309a" * 4
    + "🇯🇵🇯🇵🇯🇵"
    + JA_FILLER * 3
    + "。次の文です。"
)
SHORT_TITLE = "長崎の路面電車、運賃を改定"
SHORT_BLURB = "長崎電気軌道は運賃を改定すると発表した。改定は来年四月から。市民の反応はさまざまだ。"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str], str]:
    """One build of walk151's pages (one feed): (its stderr, each article's published blurb by
    title from issue-1.json, the published issue's text)."""
    tmp_path = tmp_path_factory.mktemp("walk151")
    server = LocalServer().start()
    try:
        pages = [
            (FA_TITLE, "/z/fa.html", "fa", "علی رضایی", [FA_BLURB], FA_BLURB),
            (EM_TITLE, "/z/em.html", "en", "Rita Sousa", [EM_BLURB], EM_BLURB),
            (ZH_TITLE, "/y/zh.html", "zh", "记者 王小明", [ZH_TEXT], ""),
            (JA_TITLE, "/y/ja.html", "ja", "山田太郎", [JA_TEXT], ""),
            (SHORT_TITLE, "/x/ja.html", "ja", "高橋次郎", [SHORT_BLURB], ""),
        ]
        now = datetime.now(UTC)
        items = []
        for number, (title, path, lang, author, paras, summary) in enumerate(pages):
            body = page(lang, title, author, "Tram World", paras)
            url = server.add(path, body, content_type="text/html; charset=utf-8")
            items.append(
                f"<item><title>{html.escape(title)}</title><link>{url}</link><guid>{url}</guid>"
                f"<dc:creator>{html.escape(author)}</dc:creator>"
                f"<pubDate>{format_datetime(now - timedelta(hours=number + 1))}</pubDate>"
                f"<description>{html.escape(summary)}</description></item>"
            )
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Tram World</title>'
            f"<link>{server.base}/</link><description>x</description>{''.join(items)}"
            "</channel></rss>"
        )
        config = {
            "newsletter": {"title": "Trams", "editor": "Ed"},
            "subjects": [{"name": "Trams", "keywords": ["tram", "تراموا", "有轨电车", "路面電車"]}],
            "feeds": [{"url": server.add("/feed.xml", feed.encode("utf-8")), "name": "Tram World"}],
            "settings": {"allow_private_addresses": True, "timeout": 5},
        }
        path = tmp_path / "feeds.yaml"
        path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
        code, _, err = run_cli("build", "--config", str(path), "--all-subjects")
    finally:
        server.stop()
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    blurbs = {
        article["title"]: article["blurb"]
        for section in issue["sections"]
        for article in section["articles"]
    }
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    return err, blurbs, text


def test_joiners_stay_in_blurbs_read_from_pages(
    published: tuple[str, dict[str, str], str],
) -> None:
    """walk151 #3: the page's text lost its zero-width joiners and non-joiners (a family emoji
    became three people, the rainbow flag two flags, Persian "می‌خواهد" a misspelling), and so
    no longer said its own headline: headline and byline stayed at the blurb's start. The blurb
    is the paragraph as the page writes it."""
    _, blurbs, text = published
    assert blurbs[EM_TITLE] == EM_BLURB, blurbs[EM_TITLE]
    assert blurbs[FA_TITLE] == FA_BLURB, blurbs[FA_TITLE]
    assert EM_BLURB in " ".join(text.split())
    assert "Rita Sousa Families" not in text and "علی رضایی شهرداری" not in text


def test_a_cjk_sentence_longer_than_a_blurb_is_cut(
    published: tuple[str, dict[str, str], str],
) -> None:
    """walk151 #9: a Chinese sentence of 585 characters and a Japanese one of 625, with no clause
    mark or space, were published whole. Each is cut near 450 characters, between whole
    characters (the emoji families, the flags and the kana with their combining marks whole),
    and ends with "…"."""
    _, blurbs, _ = published
    for title, whole in ((ZH_TITLE, ZH_TEXT), (JA_TITLE, JA_TEXT)):
        blurb = blurbs[title]
        assert 400 <= len(blurb) <= 450 and blurb.endswith("…"), (len(blurb), blurb)
        kept = blurb.removesuffix("…")
        assert whole.startswith(kept), blurb
        # Where it is cut, one character ends and the next begins.
        assert whole[len(kept)] not in "\u200d\u309a\ufe0f" and kept[-1] != "\u200d", blurb
        assert kept.count("🇯🇵") * 2 == kept.count("🇯") + kept.count("🇵"), blurb


def test_a_three_sentence_cjk_blurb_is_not_called_a_list_of_headlines(
    published: tuple[str, dict[str, str], str],
) -> None:
    """walk151 #13: three plain Japanese sentences (42 characters) and Persian ones (120) were
    said to be "a few headlines or link texts" for being under 150 characters. (A blurb of link
    texts is still named: tests/test_blurb_walk67.py.)"""
    err, blurbs, _ = published
    assert blurbs[SHORT_TITLE] == SHORT_BLURB
    assert "characters long, where blurbs are" not in err, err
