"""walk201 #3 (fixlw): an article page answering 200 with its site's error page ("Something went
wrong" over "Database error. Please try again later.") was read as the article: its error text
published as the blurb, no author. It is a page that could not be read, as a soft 404 is, read
again on a later run; at the link check before publishing it is unchecked, as a 503 is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_credit_formats import built, newsletter
from test_walk90 import page
from test_walk132_links import _ARTICLES, _newsletter

from conftest import LocalServer, run_cli, said_as_one

#: The page walk201's server answered with in its "htmlerr" mode.
ERROR_PAGE = (
    "<!doctype html><html><head><title>Error</title></head><body><h1>Something went wrong</h1>"
    "<p>Database error. Please try again later.</p></body></html>"
)
SOFT_ERROR = (
    'the page is the site\'s error page ("something went wrong", "try again later" or the'
    " like), though its server answered 200 OK: it is read again on a later run"
)


def test_a_site_error_page_served_200_is_not_read_as_the_article(
    tmp_path: Path, http_server: LocalServer
) -> None:
    down = "How one utility cut complaints by half"
    other = "Queues that customers never see"
    blurb = (
        "<description>A utility that answered the oldest tickets first halved its complaints"
        " in a year, its support lead says.</description>"
    )
    config = newsletter(
        tmp_path, http_server, [(down, blurb, ERROR_PAGE), (other, "", page(other))]
    )
    code, _, err = run_cli("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    said = said_as_one(err)
    assert "1 of 2 article page(s) could not be read" in said, said
    assert f"1  {SOFT_ERROR}\n" in err, err
    link = http_server.url("/p/0/")
    assert f'"{down}" ({link}) could not be read ({SOFT_ERROR}): its credit and blurb come' in said
    issue = built(config)
    assert down in issue and "halved its complaints" in issue, issue
    assert "Database error" not in issue and "Something went wrong" not in issue, issue
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        retries = db.execute("SELECT link FROM page_retries").fetchall()
    db.close()
    assert [r[0] for r in retries] == [link], retries  # read again, as after a 500


def test_a_featured_page_now_an_error_page_is_unchecked_as_a_503_is(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    http_server.add("/a/2.html", ERROR_PAGE, content_type="text/html; charset=utf-8")
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'the link of "{_ARTICLES[2][0]}" ({urls[2]}) could not be checked (its page is now the'
        " site's error page" in said
    ), said
    assert "is left out" not in said, said  # (not gone: a 503 is not either)
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f'href="{urls[2]}"' in html
