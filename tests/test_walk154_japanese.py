"""Pages and feeds in Japan's legacy charsets are read as browsers read them (walk154).

NEW-3: a page declaring ISO-2022-JP (7-bit bytes, switched by escape sequences) was read as
ASCII: its title "$B7'K\\$NO)LLEE<V$K?77?<VN>(B", no blurb, not a word said. NEW-8: a page
declaring EUC-JP holding NEC's row 13 (`①`) was read by Python's euc_jp, which lacks it: its title
ended "\ufffd\ufffd", its blurb lost its sentences, and the warning said its page "had no more
text". Through the command line, against a real HTTP server, with one build for every case.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import hostile_helpers as h
from click.testing import CliRunner

from conftest import LocalServer
from curator.cli import cli

SUBJECTS = [{"name": "Trams", "description": "Trams.", "keywords": ["路面電車", "停留場"]}]

JIS_TITLE = "熊本の路面電車に新型車両"
JIS_AUTHOR = "中村健"
JIS_SITE = "熊本日報"
JIS_TEXT = "熊本市の路面電車に新型車両が導入された。低床で乗り降りしやすい。市民の評判は上々だ。"
EUC_TITLE = "島屋前の路面電車①"
EUC_AUTHOR = "木村一郎"
EUC_TEXT = "島屋前に路面電車の新しい停留場ができた。停留場の番号は①番だ。買い物客が便利になった。"
EUC_FEED_TITLE = "札幌の路面電車①番線に新車両"
EUC_FEED_TEXT = "札幌の路面電車で①番線の新しい車両が走り始めた。冬でも暖かい車内が好評だ。観光客にも人気がある。"
FEED_TITLE = "長崎の路面電車、一系統を増便"
FEED_TEXT = "長崎電気軌道は一系統を増便する。朝の混雑が和らぐ見込みだ。利用者は歓迎している。"


def _page(title: str, author: str, site: str, text: str, charset: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="ja"><head><meta charset="{charset}">'
        f"<title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}"><meta name="author" content="{author}">'
        f'<meta property="og:title" content="{title}"></head><body><article><h1>{title}</h1>'
        f'<p class="byline">{author}</p><p>{text}</p></article></body></html>'
    )


def _feed(title: str, items: list[tuple[str, str, str, str]], declared: str) -> str:
    body = "".join(
        f"<item><title>{html.escape(t)}</title><link>{link}</link>"
        + (f"<dc:creator>{html.escape(a)}</dc:creator>" if a else "")
        + f"<description>{html.escape(d)}</description></item>"
        for t, link, a, d in items
    )
    return (
        f'<?xml version="1.0" encoding="{declared}"?>\n<rss version="2.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link>{body}</channel></rss>"
    )


def _articles(folder: Path) -> dict[str, dict]:
    issue = json.loads((folder / "output" / "issue-1.json").read_text(encoding="utf-8"))
    return {a["url"]: a for s in issue["sections"] for a in s["articles"]}


def test_iso_2022_jp_and_euc_jp_pages_and_feeds_are_published_as_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    server = http_server
    jis = _page(JIS_TITLE, JIS_AUTHOR, JIS_SITE, JIS_TEXT, "iso-2022-jp").encode("iso2022_jp")
    euc = _page(EUC_TITLE, EUC_AUTHOR, "交通新聞", EUC_TEXT, "euc-jp").encode("euc_jis_2004")
    # A page in EUC-JP with a byte no EUC-JP reads, in its second sentence.
    bad_text = "新しい停留場の工事が今週から始まった。番号は\x01番だ。完成は\x01月の予定だ。"
    bad = _page("停留場の工事", "山田花子", "交通新聞", bad_text, "euc-jp").encode("euc_jp")
    bad = bad.replace(b"\x01", b"\xff\xfe")
    urls = {
        name: server.add(f"/{name}.html", body, content_type="text/html")
        for name, body in (("jis", jis), ("euc", euc), ("bad", bad))
    }
    pages = _feed("Japanese pages", [("", urls[n], "", "") for n in ("jis", "euc", "bad")], "utf-8")
    urls["pages"] = server.add("/pages.xml", pages.encode())
    # Feeds of their own in ISO-2022-JP and EUC-JP (their links not read).
    item = (FEED_TITLE, server.url("/nagasaki.html"), "長崎太郎", FEED_TEXT)
    jis_feed = _feed("長崎新聞", [item], "ISO-2022-JP").encode("iso2022_jp")
    urls["jis_feed"] = server.add("/jis.xml", jis_feed)
    item2 = (EUC_FEED_TITLE, server.url("/euc-feed.html"), EUC_AUTHOR, EUC_FEED_TEXT)
    urls["euc_feed"] = server.add(
        "/euc.xml", _feed("交通新聞", [item2], "EUC-JP").encode("euc_jis_2004")
    )
    feeds = [
        {"url": urls["pages"]},
        {"url": urls["jis_feed"], "fetch_pages": False},
        {"url": urls["euc_feed"], "fetch_pages": False},
    ]
    config = h.write_config(tmp_path, feeds, subjects=SUBJECTS)
    built = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert built.exit_code == 0, built.stderr
    err = built.stderr
    articles = _articles(tmp_path)

    # NEW-3: the ISO-2022-JP page, read as it declares.
    page = articles[urls["jis"]]
    assert (page["title"], page["authors"], page["publication"]) == (
        JIS_TITLE,
        [JIS_AUTHOR],
        JIS_SITE,
    )
    assert page["blurb"].startswith("熊本市の路面電車に新型車両が導入された。低床で")
    # NEW-8: the EUC-JP page with `①`, read whole, its blurb of more than one sentence.
    page = articles[urls["euc"]]
    assert (page["title"], page["authors"]) == (EUC_TITLE, [EUC_AUTHOR])
    assert page["blurb"].startswith("島屋前に路面電車の新しい停留場ができた。停留場の番号は①番だ。")
    # ... and the feeds in those charsets.
    feed = articles[server.url("/nagasaki.html")]
    assert (feed["title"], feed["authors"], feed["blurb"]) == (FEED_TITLE, ["長崎太郎"], FEED_TEXT)
    feed = articles[server.url("/euc-feed.html")]
    assert (feed["title"], feed["authors"], feed["blurb"]) == (
        EUC_FEED_TITLE,
        [EUC_AUTHOR],
        EUC_FEED_TEXT,
    )
    assert "  ok         長崎新聞: 1 entries, 1 new\n" in err
    assert "  ok         交通新聞: 1 entries, 1 new\n" in err
    assert "no author found" not in err

    # A page whose bytes EUC-JP cannot read: said so, and its one-sentence blurb blames them.
    assert (
        f'the blurb of "停留場の工事" ({urls["bad"]}) is one sentence (characters of its page could'
        " not be read in the charset it was read in and show as \ufffd, and the sentences holding"
        " them were left out):"
    ) in err
    assert "had no more text" not in err
    # (the build's list of pages read in part names them)
    assert (
        f"  {urls['bad']}: characters: some bytes are not valid EUC-JP, the charset the page was"
        " read in, and show as \ufffd"
    ) in err
    published = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    for text in (JIS_TITLE, JIS_AUTHOR, EUC_TITLE, FEED_TITLE):
        assert text in published
    assert "$B" not in published


def test_curator_extract_reads_an_iso_2022_jp_page(http_server: LocalServer) -> None:
    """walk154 NEW-3: `curator extract` gave the title "$B7'K\\$NO)LLEE<V$K?77?<VN>(B"."""
    body = _page(JIS_TITLE, JIS_AUTHOR, JIS_SITE, JIS_TEXT, "csISO2022JP").encode("iso2022_jp")
    url = http_server.add("/jis.html", body, content_type="text/html")
    result = CliRunner().invoke(cli, ["extract", "--json", "--allow-private", url])
    assert result.exit_code == 0, result.stderr
    page = json.loads(result.stdout)
    assert (page["title"], page["authors"]) == (JIS_TITLE, [JIS_AUTHOR])
    assert "not valid" not in result.stderr
