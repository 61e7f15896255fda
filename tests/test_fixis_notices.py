"""walk182 #3 (fixis): a cookie notice published as a blurb's first sentence, with no warning.

The Brightline pages put "Brightline uses cookies and similar technologies for analytics. You can
change your choice at any time in Cookie settings." inside `<article>`, before the lead, and their
feed's `<description>` was the same notice: issue 1 published "Brightline uses cookies and
similar technologies for analytics. Voice of the customer sounds like ...". Here the demo's
articles are served from a real HTTP server on 127.0.0.1, each page opening with a consent notice
(in English, German, French, Spanish and Japanese, of several shapes) or with other furniture a
page opens with (reading time, "Listen to this article", "Advertisement", a newsletter's offer, a
note of where the post first appeared), and the feed's description of each is the notice: the
built issue's blurbs open with each article's lead.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hostile_helpers import write_config

from conftest import EXAMPLES, LocalServer, run_cli

#: Consent notices, as pages and feeds carry them (walk182's is the first).
NOTICES = [
    "Brightline uses cookies and similar technologies for analytics. You can change your choice"
    " at any time in Cookie settings.",
    "Northwind Media and its partners use cookies to personalise content and measure audiences."
    " Learn more in our Privacy policy.",
    "We use cookies to understand how readers use this site. By continuing to browse you agree to"
    " our use of cookies.",
    "Diese Website verwendet Cookies. Mit der Nutzung der Seite stimmen Sie der Verwendung von"
    " Cookies zu.",
    "Ce site utilise des cookies à des fins de mesure d’audience. Vous pouvez modifier vos choix"
    " dans les paramètres des cookies.",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa"
    " navegando, consideramos que acepta su uso.",
    "当サイトではCookieを使用しています。",
]

#: Other furniture a page opens with, before its lead, each a paragraph of its own.
FURNITURE = [
    "Listen to this article · 6 min",
    "5 min read",
    "Advertisement",
    "Get the latest customer experience stories delivered to your inbox every week.",
    "Originally published at www.brightline.example on 9 March 2026.",
    "Reading time: 4 minutes.",
]

#: The demo's articles: (page file, title).
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TITLE = re.compile(r'<meta property="og:title" content="([^"]+)"')


def _articles() -> list[tuple[str, str, list[str]]]:
    """Each demo page's name, title and plain paragraphs (`<p>` without attributes: the
    article's own)."""
    out = []
    for page in sorted((EXAMPLES / "pages").glob("*.html")):
        source = page.read_text(encoding="utf-8")
        title = _TITLE.search(source)
        paragraphs = [
            html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in _PARAGRAPH.findall(source)
        ]
        # the article's own paragraphs, not the demo page's cookie banner
        paragraphs = [p for p in paragraphs if len(p) > 120 and "cookie" not in p.lower()]
        if title and len(paragraphs) >= 3:
            out.append((page.stem, html.unescape(title.group(1)), paragraphs))
    return out


def _page(title: str, opening: list[str], paragraphs: list[str]) -> str:
    """A page as walk182's gen.py wrote them: the notice inside `<article>`, after the byline."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in [*opening, *paragraphs])
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="author" content="Jo Example"><meta property="og:site_name" '
        f'content="Supportdesk Journal"></head><body><article><h1>{html.escape(title)}</h1>'
        f'<p class="byline">By Jo Example</p>\n{body}</article></body></html>'
    )


def _serve(server: LocalServer, openings: list[list[str]]) -> list[tuple[str, list[str]]]:
    """Serve one demo article per opening, each page opening with it and the feed's description
    its first paragraph; returns each article's title and paragraphs."""
    articles = _articles()
    if len(articles) < len(openings):
        pytest.skip(f"the demo's pages ({EXAMPLES / 'pages'}) hold too few articles")
    items, served = [], []
    for (slug, title, paragraphs), opening in zip(articles, openings, strict=False):
        server.add(
            f"/pages/{slug}.html",
            _page(title, opening, paragraphs),
            content_type="text/html; charset=utf-8",
        )
        items.append(
            f"<item><title>{html.escape(title)}</title><link>{server.url(f'/pages/{slug}.html')}"
            f"</link><dc:creator>Jo Example</dc:creator>"
            "<pubDate>Mon, 02 Nov 2026 09:00:00 +0000</pubDate>"
            f"<description>{html.escape((opening or paragraphs)[0])}</description></item>"
        )
        served.append((title, paragraphs))
    server.add(
        "/feed.xml",
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Supportdesk Journal</title><link>http://127.0.0.1/</link>"
        f"<description>x</description>{''.join(items)}</channel></rss>",
        content_type="application/rss+xml",
    )
    return served


def _build(tmp_path: Path, server: LocalServer) -> str:
    config = write_config(tmp_path, [{"url": server.url("/feed.xml")}], issue_size=20)
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, out + err
    issues = sorted((tmp_path / "output").glob("issue-*.txt"))
    assert issues, out + err
    return " ".join(issues[-1].read_text(encoding="utf-8").split())


def _lead(paragraphs: list[str]) -> str:
    """The first words of an article's lead, as a blurb opens with them."""
    return " ".join(paragraphs[0].split()[:8])


def test_a_consent_notice_opening_a_page_and_its_feed_is_no_part_of_a_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    served = _serve(http_server, [[notice] for notice in NOTICES])
    issue = _build(tmp_path, http_server)
    for phrase in ("cookie", "Cookie", "privacy", "Privacy", "navegando", "クッキー"):
        assert phrase not in issue, issue
    for title, paragraphs in served:
        assert title in issue, issue
        assert f"{title} {_lead(paragraphs)}" in issue or _lead(paragraphs) in issue, (
            title,
            issue,
        )


def test_a_page_label_or_note_opening_a_page_is_no_part_of_a_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    served = _serve(http_server, [[label] for label in FURNITURE])
    issue = _build(tmp_path, http_server)
    for label in FURNITURE:
        assert label.rstrip(".") not in issue, (label, issue)
    for _, paragraphs in served:
        assert _lead(paragraphs) in issue, (paragraphs[0], issue)


#: Leads about cookies and consent, news rather than notices: each opens its article's blurb.
COOKIE_NEWS = [
    "Google uses cookies to track users across websites, regulators said on Tuesday as they"
    " opened an inquiry into the company's advertising business.",
    "Cookie consent banners have become ubiquitous since the GDPR took effect, and most customers"
    " now click through them without reading a word.",
    "Facebook uses cookies to improve ad targeting, a practice that European privacy law has"
    " restricted since 2018.",
    "Die Verwendung von Cookies ist seit dem Urteil des Bundesgerichtshofs deutlich"
    " zurückgegangen, berichten Datenschützer.",
]


def test_a_lead_that_reports_news_of_cookies_still_opens_its_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    articles = _articles()
    if len(articles) < len(COOKIE_NEWS):
        pytest.skip(f"the demo's pages ({EXAMPLES / 'pages'}) hold too few articles")
    served = _serve(http_server, [[lead] for lead in COOKIE_NEWS])
    issue = _build(tmp_path, http_server)
    for lead, (title, _) in zip(COOKIE_NEWS, served, strict=False):
        assert " ".join(lead.split()[:8]) in issue, (title, lead, issue)
