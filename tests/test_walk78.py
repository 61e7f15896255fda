"""walk78: leads that name a footer's words (terms of service, privacy policy, affiliate links)
kept; a declared credit's dateline after a bar is no co-author; a short page's headline and
byline run into its text open no blurb. Each through the CLI on a real local HTTP server."""

from __future__ import annotations

import html
from pathlib import Path

from test_credit_formats import newsletter, page

from conftest import LocalServer
from conftest import run_cli as run

SERVICE = (
    "Customer service teams answered every customer who wrote in, and customer support said the"
    " effort paid off for the service."
)
MORE = "The customer service desk logged each complaint, and support staff replied within a day."


def _txt(tmp_path: Path) -> str:
    return " ".join((tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8").split())


def _credited(tmp_path: Path, http_server: LocalServer, authors: list[str]) -> str:
    items = []
    for n, author in enumerate(authors):
        title = f"Customer service talks {n}"
        head = f'<meta name="author" content="{html.escape(author)}">'
        items.append((title, "", page(title, head=head)))
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    return _txt(tmp_path)


def test_a_dateline_after_a_bar_is_no_co_author(tmp_path: Path, http_server: LocalServer):
    """walk78 #2: a meta author "By ANA RUIZ | KYIV, Ukraine | Dec. 3, 2026" was credited "Ana
    Ruiz and Ukraine KYIV", "By Ana Ruiz | Kyiv" "Ana Ruiz and Kyiv". The parts after the bar
    that would be a dateline after a comma are one here too; two people split by a bar stay two."""
    txt = _credited(
        tmp_path,
        http_server,
        ["By ANA RUIZ | KYIV, Ukraine | Dec. 3, 2026", "By Ana Ruiz | Kyiv", "Ana Ruiz | Carl Ng"],
    )
    assert "Kyiv" not in txt and "KYIV" not in txt and "Ukraine" not in txt, txt
    assert txt.count("Ana Ruiz ||") == 2, txt
    assert "Ana Ruiz and Carl Ng ||" in txt, txt
