"""fixim (walk178 #1): an article whose link leads to a sign-in page is noted in the draft, under
its heading, with what to check; no "if the article names one" advice of a page never read; and
a later run does not say its page "now" asks readers to log in, as it always did."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import newsletter
from test_walk90 import page
from test_walk104 import _short

from conftest import LocalServer
from conftest import run_cli as run


def _gated_newsletter(tmp_path: Path, http_server: LocalServer) -> tuple[Path, str]:
    """A feed of two readable articles and one whose link redirects to a sign-in page."""
    titles = ["Queues that customers never see", "Refund desks learn to say yes"]
    gated = "Members only: the customer service benchmark"
    config = newsletter(tmp_path, http_server, [(t, "", page(t)) for t in [*titles, gated]])
    signin = _short("Sign in | Zeta Post", "Sign in to read on. New here? Create a free account.")
    target = http_server.add("/account/signin", signin, content_type="text/html; charset=utf-8")
    http_server.add("/p/2/", status=302, headers={"Location": target}, content_type=None)
    return config, http_server.url("/p/2/")


def test_the_draft_notes_an_article_whose_link_leads_to_a_sign_in_page(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, link = _gated_newsletter(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    draft = (config.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    block = draft[draft.index("## Members only") :]
    block = block[: block.index("\n## ")] if "\n## " in block else block
    assert f"url: {link}\n" in block, draft
    assert "<!-- Page: its page could not be read (its link leads to a sign-in page" in block
    assert f"open {link} as a reader would" in block, block
    assert "if the article names one" not in block, block
    assert "add an `author:` line if you know who wrote it" in block, block
    # A second run checks the stored link again: the page asked to log in from the start.
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "--force")
    assert code == 0, err
    assert "now asks readers to log in" not in err, err
    assert "asks readers to log in, as it did when curator first read it" in err, err
