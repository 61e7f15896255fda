"""walk198 #3: a Japanese page's blurb began with its headline, byline and date ("顧客の声を聞く：苦情は
宝の山 高橋美咲記者 2026.11.30 苦情の…", "寄稿：… 寄稿：鈴木一郎（…） 2026年12月3日 …", "2026.12.04
何千件もの…"), where Russian and Arabic pages of the same layout came out clean."""

from __future__ import annotations

import json

import pytest

from conftest import LocalServer, run_cli


def page(title: str, byline: str, date: str, paras: list[str]) -> str:
    """A Japanese article page as walk198's sites set it: <h1>, byline paragraph, <time>, text."""
    return (
        '<!doctype html><html lang="ja"><head><meta charset="utf-8">'
        f"<title>{title} — サービス通信</title>"
        '<meta property="article:published_time" content="2026-12-03T09:00:00+09:00"></head>'
        f'<body><main><article><h1>{title}</h1><p class="byline">{byline}</p>'
        f'<time datetime="2026-12-03T09:00:00+09:00">{date}</time>'
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</article></main></body></html>"
    )


CASES = [
    pytest.param(
        "顧客の声を聞く：苦情は宝の山",
        '<span class="author">高橋美咲記者</span>',
        "2026.11.30",
        [
            "苦情の一つひとつは、まだ競合に移っていない顧客からの無料の助言である。",
            "顧客の声プログラムは、レビューや問い合わせ、SNSのコメントを一つの仕組みに集め、"
            "繰り返し起きる問題を見えるようにする。",
            "大切なのはフィードバックのループを閉じることだ。",
        ],
        ["高橋美咲"],
        id="reporter-suffix",
    ),
    pytest.param(
        "寄稿：カスタマージャーニーは購入前から始まる",
        "寄稿：鈴木一郎（テクノマート顧客体験部長）",
        "2026年12月3日",
        [
            "カスタマージャーニーマップを描くとき、多くの企業は購入の瞬間から始めてしまう。",
            "しかし顧客体験はそれよりずっと前、検索や比較、口コミを読む段階で形づくられている。",
            "マップは顧客に最初の必要が生まれた時点から描くべきだ。",
        ],
        ["鈴木一郎"],
        id="contributed-with-affiliation",
    ),
    pytest.param(
        "レビュー分析：混乱から意思決定へ",
        "文・伊藤健",
        "2026.12.04",
        [
            "何千件ものレビューを手作業で読むことはできないが、無視することもできない。",
            "レビューをテーマ別に分類し、配送と品質に関する苦情を担当チームに回す方法を解説する。",
            "フィードバックは各テーマに社内の担当者がいて初めて機能する。",
        ],
        ["伊藤健"],
        id="dotted-date",
    ),
]


@pytest.mark.parametrize(("title", "byline", "date", "paras", "authors"), CASES)
def test_a_japanese_blurb_starts_with_the_story(
    http_server: LocalServer,
    title: str,
    byline: str,
    date: str,
    paras: list[str],
    authors: list[str],
) -> None:
    """The blurb opens with the article's first sentence, not its headline, byline or date; the
    credit names the writer, without the "寄稿：" label or the affiliation in brackets."""
    html = page(title, byline, date, paras)
    url = http_server.add("/ja/a", html, content_type="text/html; charset=utf-8")
    code, out, err = run_cli("extract", "--json", "--allow-private", url)
    assert code == 0, err
    record = json.loads(out.splitlines()[0])
    blurb = record["blurb"]
    assert blurb.startswith(paras[0]), blurb
    assert date not in blurb
    assert title not in blurb
    assert record["authors"] == authors
