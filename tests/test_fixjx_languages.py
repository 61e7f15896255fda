"""walk190 #8: a page whose own `<html lang="en-US">` wraps a Japanese article (a site's template
saying one language around every page) had the article marked English, for screen readers too,
and nothing was said. Through the CLI, against a feed and pages on a real HTTP server on
127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixjf_titles import DATE, EN_TEXT, HTML, JA_TEXT, page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

RU_TEXT = (
    "<p>Индекс потребительской лояльности (NPS) показывает, готов ли клиент рекомендовать"
    " компанию друзьям.</p><p>Опрос удовлетворённости клиентов (CSAT) измеряет одно обращение в"
    " поддержку, поэтому отслеживайте оба показателя каждый месяц.</p>"
)
JA2_TEXT = (
    "<p>顧客努力指標（CES）は、問い合わせを解決するまでに顧客がどれだけ苦労したかを尋ねます。</p>"
    "<p>チャットと電話の窓口ごとに集計し、四半期ごとに改善の成果を確かめましょう。</p>"
)
#: (page, its lang=, title, text, the article's language in issue-N.json, as the HTML marks it:
#: an English article of an English newsletter is marked nothing).
ARTICLES = (
    ("ja", "en-US", "顧客満足度調査の設計：NPSとCSAT", JA_TEXT, None, 'lang="ja"'),
    ("ru", "en", "Как измерять NPS и CSAT каждый месяц", RU_TEXT, None, 'dir="auto"'),
    ("en", "en-US", "NPS and CSAT for Support Teams", EN_TEXT, "en-US", ""),
    ("ja2", "ja", "顧客努力指標（CES）の測り方", JA2_TEXT, "ja", 'lang="ja"'),
)


def serve(server: LocalServer) -> str:
    """The feed "CX Notes" (no `<language>`) of `ARTICLES`, each page saying its own lang=."""
    items = []
    for name, lang, title, text, *_ in ARTICLES:
        body = page(title, "Hana Sato", text.replace("</p>", f" ({name})</p>", 1), lang=lang)
        link = server.add(f"/a/{name}.html", body, content_type=HTML)
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{DATE}</pubDate></item>"
        )
    return server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>CX Notes'
        f"</title><link>{server.url('/')}</link><description>x</description>{''.join(items)}"
        "</channel></rss>",
    )


def test_a_pages_language_its_letters_are_not_written_in_is_not_taken_and_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The build says that the pages of the Japanese and the Russian articles declare `en-US`
    and `en`, which their letters are not written in, and names them; every HTML edition marks
    the Japanese one `lang="ja"` and the Russian one `dir="auto"`, not English. A page's lang=
    its letters agree with stands (`en-US` over English, `ja` over Japanese)."""
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Metrics\n"
        "    keywords: [NPS, CSAT, customer, 顧客, клиент]\n"
        f"feeds:\n  - url: {serve(http_server)}\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, out + err
    said = said_as_one(err)
    assert (
        "CX Notes: the pages of 2 of its new articles say they are in `en` or `en-US`, but they"
        " are written in Cyrillic script and Japanese, which `en` or `en-US` is not written in:"
        " their pages' language is not taken for them; every HTML edition marks the language its"
        " letters tell"
    ) in said, err
    for name in ("ja", "ru"):
        title = next(a[2] for a in ARTICLES if a[0] == name)
        assert f'"{title}" ({http_server.url(f"/a/{name}.html")})' in said, err
    assert "its feed says its articles" not in said, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    languages = {
        a["url"].rsplit("/", 1)[-1]: a.get("language")
        for s in issue["sections"]
        for a in s["articles"]
    }
    assert languages == {f"{a[0]}.html": a[4] for a in ARTICLES}, languages
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    for _, _, title, _, _, marked in ARTICLES:
        entry = html[: html.index(title)].rsplit('class="entry"', 1)[1]
        assert marked in entry and 'lang="en' not in entry, (title, entry)


def test_the_json_of_a_fetch_names_the_pages_language_not_taken(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """`curator fetch --json` lists each article whose page's language was not taken, with it."""
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Metrics\n    keywords: [NPS]\n"
        f"feeds:\n  - url: {serve(http_server)}\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    code, out, err = run("fetch", "--config", str(path), "--json")
    assert code == 0, out + err
    (feed,) = json.loads(out)["feeds"]
    assert sorted(feed["language_not_taken"], key=lambda said: said["url"]) == [
        {
            "url": http_server.url("/a/ja.html"),
            "title": "顧客満足度調査の設計：NPSとCSAT",
            "page_language": "en-US",
            "script": "Japanese",
        },
        {
            "url": http_server.url("/a/ru.html"),
            "title": "Как измерять NPS и CSAT каждый месяц",
            "page_language": "en",
            "script": "Cyrillic script",
        },
    ]
