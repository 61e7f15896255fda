"""walk199 #8 (fixkz): a page that now asks readers to log in, found while publishing, is named
with the fix (its issue-N.json, then `curator render N`), as the short-blurb and credit
warnings name theirs; a feed's correction taken for an unpublished article names it. Through the CLI, against a feed and pages on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from test_walk126_stored import STORIES, first_issue, serve_week
from test_walk132_links import _newsletter
from test_walk136_links import _LOGIN

from conftest import LocalServer, run_cli, said_as_one

HTML = "text/html; charset=utf-8"


def test_a_published_page_now_behind_a_sign_in_names_how_to_take_it_out(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk199 #8: `build` said "... its page now asks readers to log in; it was published all
    the same: readers without an account may not reach it", and no more: no word of how to
    take it out of the issue just published."""
    config, urls = _newsletter(tmp_path, http_server)
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    walled = urls[3]
    http_server.add("/a/3.html", _LOGIN, content_type=HTML)
    # (a draft, written first, flags it before anything is published)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    assert (
        f"({walled}): its page now asks readers to log in; check its link before you publish"
        in said_as_one(err)
    ), err
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert f"({walled}): its page now asks readers to log in; it was published all the same" in (
        said
    ), said
    json_file = tmp_path / "output" / "issue-1.json"
    assert (
        f"to take it out of issue 1: delete its entry in {json_file}, then `curator render 1"
        in said
    ), said


def test_a_taken_correction_names_the_articles_it_was_taken_for(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk199 #8: "1 stored article's title or credit changed in its feed: taken ..." was
    followed by "Alpha CX Review: 1" alone: which article, the editor could not tell."""
    path, published = first_issue(tmp_path, http_server)
    serve_week(http_server, corrected=True)
    code, _, err = run_cli("fetch", "--config", str(path))
    assert code == 0, err
    line = next(x for x in err.splitlines() if x.startswith("  Service Daily: "))
    base = http_server.base
    unpublished = [n for n in range(len(STORIES)) if f"{base}/daily/{n}.html" not in published]
    assert line.startswith(f"  Service Daily: {len(unpublished)}"), err
    for n in unpublished:
        title = STORIES[n][0]
        new = "Rethinking it: " + title[0].lower() + title[1:]
        assert f'"{new}" ({base}/daily/{n}.html)' in line, line
