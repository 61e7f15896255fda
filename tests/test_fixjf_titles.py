"""walk188 #2: a title's subtitle ("NPS vs CSAT - Measuring the Customer Experience", "…の使い分け：
顧客体験を測る") was cut as if it were the site's name, though the page's `<h1>` is the whole title
and the page names no site. Through the CLI, against a feed and pages on a real HTTP server on
127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"
DATE = "Sun, 06 Dec 2026 10:00:00 +0000"
EN_TEXT = (
    "<p>Net Promoter Score (NPS) surveys measure loyalty and customer satisfaction over time for"
    " each customer.</p><p>Customer satisfaction surveys measure one interaction, so benchmark"
    " both metrics as a KPI.</p>"
)
OTHER_TEXT = (
    "<p>Which metric should a support team report to its board each quarter? CSAT asks about one"
    " ticket.</p><p>NPS asks whether a customer would recommend the company to a friend.</p>"
)
JA_TEXT = (
    "<p>ネット・プロモーター・スコア（NPS）は、顧客が企業を勧める可能性を測る指標です。</p>"
    "<p>顧客満足度（CSAT）調査と組み合わせて、ベンチマークとして毎月追跡しましょう。</p>"
)
#: (page, title, author, article text): each page's <title> and <h1> are the feed's title.
ARTICLES = (
    ("w1", "NPS vs CSAT - Measuring the Customer Experience", "Hana Sato", EN_TEXT),
    ("w5", "CSAT と NPS：どちらを使うべきか", "Hana Sato", OTHER_TEXT),
    ("ja", "NPS と CSAT の使い分け：顧客体験を測る", "佐藤 花子", JA_TEXT),
)


def page(title: str, author: str, text: str, lang: str = "") -> str:
    html_lang = f' lang="{lang}"' if lang else ""
    return (
        f'<!doctype html><html{html_lang}><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="author" content="{author}"></head><body><article><h1>{title}</h1>{text}'
        "</article></body></html>"
    )


def serve(server: LocalServer, extra: tuple[tuple[str, str, str, str], ...] = ()) -> str:
    """The feed "CX Reading" (`<language>en</language>`) of `ARTICLES` and `extra`."""
    items = []
    for name, title, author, text in (*ARTICLES, *extra):
        link = server.add(f"/a/{name}.html", page(title, author, text), content_type=HTML)
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{DATE}</pubDate><dc:creator>{author}</dc:creator></item>"
        )
    return server.add(
        "/feed.xml",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>CX Reading</title>'
        f"<link>{server.url('/')}</link><description>x</description><language>en</language>"
        f"{''.join(items)}</channel></rss>",
    )


def config(tmp_path: Path, feed: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 10}\nsubjects:\n  - name: Metrics\n"
        "    keywords: [NPS, CSAT, customer, 顧客, 고객]\n"
        f"feeds:\n  - url: {feed}\n    name: CX Reading\n"
        "settings:\n  output: output\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return path


def test_a_subtitle_the_pages_h1_carries_is_no_site_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The draft's headings, the issue's titles and `curator extract` keep the whole title, and
    credit no subtitle as the publication: the page names no site, and its `<h1>` is the title."""
    path = config(tmp_path, serve(http_server))
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    code, out, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.*)$", draft, flags=re.MULTILINE)
    for _, title, _, _ in ARTICLES:
        assert title in headings, draft
    assert "## NPS vs CSAT\n" not in draft, draft
    assert "Measuring the Customer Experience ||" not in draft
    assert "|| Measuring the Customer Experience" not in draft, draft
    assert "|| 顧客体験を測る" not in draft, draft

    for name, title, author, _ in ARTICLES:
        code, out, err = run(
            "extract", "--allow-private", "--json", http_server.url(f"/a/{name}.html")
        )
        assert code == 0, err
        found = json.loads(out)
        assert (found["title"], found["issue_title"], found["authors"]) == (title, title, [author])
        assert found["publication"] != title.split("：")[-1].split(" - ")[-1], out


def test_a_sites_name_goes_and_a_subtitle_after_a_full_width_colon_stays(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A segment the page's `<h1>` does not carry, which names the site, still goes: "Measuring
    NPS Across Every Support Channel - CX Today" is headed "Measuring NPS Across Every Support
    Channel" on its page."""
    title = "Measuring NPS Across Every Support Channel"
    link = http_server.add(
        "/a/today.html",
        page(f"{title} - CX Today", "Hana Sato", EN_TEXT).replace(
            f"<h1>{title} - CX Today</h1>", f"<h1>{title}</h1>"
        ),
        content_type=HTML,
    )
    code, out, err = run("extract", "--allow-private", "--json", link)
    assert code == 0, err
    found = json.loads(out)
    assert (found["publication"], found["issue_title"]) == ("CX Today", title), out
    # After a full-width colon: a subtitle with no capitals to show it is a name stays, with no
    # <h1> to tell (Readability.js cuts at no colon); a name in capitals goes, as after " - ".
    for name, written, publication, shown in (
        (
            "ja2",
            "NPS と CSAT の使い分け：顧客体験を測る",
            None,
            "NPS と CSAT の使い分け：顧客体験を測る",
        ),
        ("ja3", "NPS と CSAT の使い方：CX Today", "CX Today", "NPS と CSAT の使い方"),
    ):
        link = http_server.add(
            f"/a/{name}.html",
            page(written, "佐藤 花子", JA_TEXT).replace(f"<h1>{written}</h1>", ""),
            content_type=HTML,
        )
        code, out, err = run("extract", "--allow-private", "--json", link)
        assert code == 0, err
        found = json.loads(out)
        assert (found["publication"], found["issue_title"]) == (publication, shown), out
