"""fixme (walk203 #6): a page opening with a quotation, then the article's own sentence, got no
blurb, and the build and `curator extract` gave different reasons for a page with none; through
the CLI, with a real local HTTP server."""

from __future__ import annotations

from pathlib import Path

from test_blurb_walk97 import built, extracted, page

from conftest import LocalServer
from conftest import run_cli as run

TITLE = "What Mercedes learned about customer experience"
QUOTE = (
    "“We had to rethink how every dealer talks to a customer, from the first call to the last"
    " service visit,” says Steve Cannon, CEO of Mercedes-Benz USA."
)
OWN = "This article explains what Mercedes changed and what other brands can learn from it."


def test_a_page_opening_with_a_quotation_gets_its_own_sentence_as_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk203 #6: the quotation leans on nothing of the article's, and "This article explains
    ..." is the article's own sentence: the blurb, in extract and in the built issue."""
    html = page("en", TITLE, "", [QUOTE, OWN])
    record = extracted(http_server, html, "/a/mercedes-x")
    assert record["blurb"] == OWN, record
    http_server.add("/a/mercedes", html.encode("utf-8"), content_type="text/html; charset=utf-8")
    err, issue = built(tmp_path, http_server, [(TITLE, "/a/mercedes", "")], ["Mercedes"])
    assert OWN in issue, issue
    assert "no blurb could be made" not in err, err


def test_build_and_extract_give_the_same_reason_for_no_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk203 #6: the build said the page held no "complete sentence of its own words" where
    `curator extract` said each of its sentences leaned on one before it: both say the latter."""
    leaning = [
        "But the council never said when the new compost bins would arrive in the flats.",
        "They were promised for the spring, and then again for the first week of the summer.",
        "It is now autumn, and the residents are still carrying their scraps to the allotment.",
    ]
    title = "Compost bins for the flats"
    html = page("en", title, "", leaning)
    url = http_server.add("/a/bins", html.encode("utf-8"), content_type="text/html; charset=utf-8")
    reason = "it has 3 complete sentence(s), but none can open one: each leans on a sentence before"
    code, out, err = run("extract", "--allow-private", url)
    assert code == 0, err
    assert reason in " ".join(out.split()), out
    err, _ = built(tmp_path, http_server, [(title, "/a/bins", "")], ["compost"])
    said = " ".join(err.split())
    assert f'no blurb could be made for "{title}" ({url})' in said, said
    assert reason in said, said
