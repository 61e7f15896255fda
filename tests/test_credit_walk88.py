"""walk88 #4: a Japanese, Korean, Arabic and Hebrew newsletter published its bylines' labels as
part of the author: "文・山田太郎", "김민수 기자", "글 이영희", "بقلم محمد الأحمد", "بقلم: سارة حسن",
"מאת דוד כהן". As the editor sees them: the draft's `author:` lines and the issue built from it,
for a credit the feed gives and for a byline on the page."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from test_credit_formats import authors, built, drafted, newsletter, page

from conftest import LocalServer

CREDITS = {
    "Refund Queues": ("文・山田太郎", ["山田太郎"]),
    "Chat Support Hours": ("김민수 기자", ["김민수"]),
    "Help Desk Scripts": ("글 이영희", ["이영희"]),
    "Billing Errors": ("بقلم محمد الأحمد", ["محمد الأحمد"]),
    "Warranty Claims": ("بقلم: سارة حسن", ["سارة حسن"]),
    "Loyalty Cards": ("מאת דוד כהן", ["דוד כהן"]),
    "Call Scripts": ("박지원기자", ["박지원"]),
    # Names that begin like a label are names: "글로리아" (Gloria), 文 (a surname) with no dot.
    "Queue Times": ("글로리아 김", ["글로리아 김"]),
    "Ticket Tags": ("文在寅", ["文在寅"]),
}


def test_bylines_labels_are_not_published_as_the_authors_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    feed_items = [
        (title, f"<dc:creator>{who}</dc:creator>", page(title))
        for title, (who, _) in CREDITS.items()
    ]
    config = newsletter(tmp_path, http_server, feed_items)
    blocks = drafted(config)
    for title, (who, expected) in CREDITS.items():
        assert authors(blocks[title]) == expected, (who, blocks[title])
    issue = built(config)
    for label in ("文・", "기자", "글 ", "بقلم", "מאת"):
        assert label not in issue, label
    for name in ("山田太郎", "김민수", "이영희", "محمد الأحمد", "سارة حسن", "דוד כהן"):
        # walk159: a right-to-left side of a credit is isolated (U+2068 ... U+2069) in the text
        # edition, so it reads author first in any viewer
        rtl = unicodedata.bidirectional(name[0]) in ("R", "AL")
        side = f"\u2068{name}\u2069" if rtl else name
        assert f"{side} || Zeta Post" in issue, (name, issue)


def test_page_bylines_labels_are_not_published_as_the_authors_name(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page_items = [(title, "", page(title, byline=who)) for title, (who, _) in CREDITS.items()]
    config = newsletter(tmp_path, http_server, page_items)
    blocks = drafted(config)
    for title, (who, expected) in CREDITS.items():
        assert authors(blocks[title]) == expected, (who, blocks[title])
