"""walk200 #3, a quotation with a short lead-in, then its source on a line of its own: `<p>Quote
of the week: <q>People will forget what you said</q></p><p>By Maya Angelou</p>` credited Maya
Angelou with the article, where the same `<q>` alone in its paragraph credits no one. Through
`curator extract --json` of a page served on 127.0.0.1: the authors it reads."""

from __future__ import annotations

import json

import pytest

from conftest import LocalServer
from conftest import run_cli as run

TEXT = 3 * (
    "<p>Customer experience is the sum of every interaction a customer has with a company, from"
    " the first search to the last support call, and teams that map it find surprises in every"
    " channel.</p>"
)


def page(body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story qe</title>'
        f"</head><body><article><h1>Story qe</h1>{body}{TEXT}</article></body></html>"
    )


def authors(server: LocalServer, body: str) -> list[str]:
    url = server.add("/qe.html", page(body), content_type="text/html; charset=utf-8")
    code, out, err = run("extract", url, "--json", "--allow-private")
    assert code == 0, err
    found: list[str] = json.loads(out.splitlines()[0])["authors"]
    return found


@pytest.mark.parametrize(
    "lead",
    ["Quote of the week: ", "As she put it: ", "Quote of the week:&nbsp;"],
)
def test_a_quotation_after_a_short_lead_in_credits_not_its_source(
    http_server: LocalServer, lead: str
) -> None:
    """#3: the line under the quotation names whom it quotes, not who wrote the article."""
    body = f"<p>{lead}<q>People will forget what you said</q></p><p>By Maya Angelou</p>"
    assert authors(http_server, body) == []


def test_a_byline_after_a_paragraph_that_merely_quotes_is_still_a_byline(
    http_server: LocalServer,
) -> None:
    """A paragraph of the article's own that quotes someone mid-sentence is no quotation: the
    byline after it is the author's."""
    body = (
        "<p>Our survey of twelve support teams, run this autumn with the help of readers, found"
        " what the poet said: <q>People will forget what you said</q></p><p>By Sam Lee</p>"
    )
    assert authors(http_server, body) == ["Sam Lee"]
