"""walk203 #2: a plain `curator build` published a feed's title carrying a site-name suffix or a
label ("7 Steps to Deliver Customer Experiences | HBR", "[Guest Post] The 4 Most Important
Customer Experience Metrics") when the page's own `<h1>` reads without it, as docs/fetching.md
promises for "VIDEO:" and "WATCH:". Through `curator build` of a newsletter whose feed and pages
are served on 127.0.0.1: the published issue's titles, and what the build says."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import _own_words

from conftest import LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"


def page(headline: str, site: str) -> str:
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{headline}</title>"
        f'<meta property="og:site_name" content="{site}"></head><body><article>'
        f"<h1>{headline}</h1><p class='byline'>By Jane Roe</p>"
        + "".join(f"<p>{_own_words(headline, n)}</p>" for n in range(6))
        + "</article></body></html>"
    )


def newsletter(
    tmp_path: Path, server: LocalServer, items: list[tuple[str, str]], site: str
) -> Path:
    """One feed of (feed title, page headline) items on 127.0.0.1, titled `site`."""
    xml = []
    for n, (title, headline) in enumerate(items):
        link = server.add(f"/p/{n}/", page(headline, site), content_type=HTML)
        xml.append(
            f"<item><title>{title}</title><link>{link}</link>"
            f"<pubDate>Tue, 0{n + 1} Dec 2026 10:00:00 GMT</pubDate></item>"
        )
    feed = server.add(
        "/feed.xml",
        f"<rss version='2.0'><channel><title>{site} Blog</title><link>{server.base}</link>"
        + "".join(xml)
        + "</channel></rss>",
    )
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "newsletter: {title: CX Weekly, issue_size: 20}\n"
        "subjects:\n  - name: Customer experience\n"
        "    keywords: [customer, experience, service, metrics, steps]\n"
        "settings:\n  allow_private_addresses: true\n"
        f"feeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    return path


def built_titles(config: Path) -> tuple[str, str]:
    code, out, err = run("build", "--config", str(config))
    assert code == 0, out + err
    return (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8"), out + err


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        (
            "7 Steps to Deliver Customer Experiences | HBR",
            "7 Steps to Deliver Customer Experiences",
        ),
        ("Customer Service Metrics That Matter - HBR", "Customer Service Metrics That Matter"),
        (
            "[Guest Post] The 4 Most Important Customer Experience Metrics",
            "The 4 Most Important Customer Experience Metrics",
        ),
        (
            "[Webinar] Customer Experience Steps for Service Teams",
            "Customer Experience Steps for Service Teams",
        ),
        ("[Infographic] Customer Service by the Numbers", "Customer Service by the Numbers"),
        ("Customer Experience Metrics Explained (Video)", "Customer Experience Metrics Explained"),
    ],
)
def test_a_feed_titles_suffix_or_label_gives_way_to_the_pages_headline(
    tmp_path: Path, http_server: LocalServer, title: str, headline: str
) -> None:
    config = newsletter(tmp_path, http_server, [(title, headline)], "Harvard Business Review")
    text, _ = built_titles(config)
    assert headline in text, text
    assert title not in text, text


def test_a_kept_feed_title_that_differs_from_the_headline_is_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """A feed title that is no damaged copy of the page's headline stays, and the build says so,
    as the draft's "Check the title" note does."""
    title = "Retailer trials new customer service desk"
    headline = "Retailer scraps customer service desk after trial"
    config = newsletter(tmp_path, http_server, [(title, headline)], "Zeta Post")
    text, said = built_titles(config)
    assert title in text, text
    said = " ".join(said.split())
    assert headline in said, said
