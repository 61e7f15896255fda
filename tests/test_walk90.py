"""walk90: links through tracking redirects, soft 404s, a page's newer headline, a credit note on
a syndicated copy (fixcf)."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import SITE, built, drafted, newsletter
from test_credit_sources import _own_words

from conftest import LocalServer


def page(title: str, before: str = "", head: str = "", h1: str | None = None) -> str:
    """An article page of Zeta Post by Oscar Pike: `before` (a paragraph above its headline),
    its headline (`h1`, else `title`), then its own words."""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
        f'<meta property="og:site_name" content="{SITE}">{head}</head><body><article>'
        + (f'<p class="note">{before}</p>' if before else "")
        + f"<h1>{h1 or title}</h1><p class='byline'>By Oscar Pike</p>"
        + "".join(f"<p>Customer service {_own_words(title, n)}</p>" for n in range(6))
        + "</article></body></html>"
    )


def test_a_copys_credit_note_above_the_headline_names_the_first_site_alone(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk90 #8: "This article originally appeared on Original CX Blog." above the headline gave
    the note `first appeared in Original CX Blog. Loyalty, so ...`: the name ran on past its
    sentence's full stop into the headline."""
    title = "Loyalty is earned in the boring moments"
    note = "This article originally appeared on Original CX Blog."
    config = newsletter(tmp_path, http_server, [(title, "", page(title, before=note))])
    block = drafted(config)[title]
    assert (
        '<!-- Credit: the page says it first appeared in Original CX Blog, so "Zeta Post" may'
        " be the site of a copy: if so, correct the `publication:` line. -->"
    ) in block, block
