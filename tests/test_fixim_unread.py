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


def test_a_plain_build_features_a_readable_article_before_a_gated_one(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk178 #1: a plain build published the gated article among its subject's while a readable
    one waited, warning only afterwards. The readable one takes its place, and the build says
    which and how to feature the gated one all the same."""
    from test_credit_formats import SITE

    readable = "Benchmark your service desk"
    gated = "Members only: customer service benchmark survey of support metrics"
    words = {
        readable: "A service desk benchmark helps support teams. Compare your queue with peers.",
        gated: "Our customer service benchmark survey of support metrics across 400 support"
        " desks. Customer service metrics by industry, with the support benchmark medians.",
    }
    signin = _short("Sign in | Zeta Post", "Sign in to read on. New here? Create a free account.")
    target = http_server.add("/account/signin", signin, content_type="text/html; charset=utf-8")
    http_server.add("/p/1/", status=302, headers={"Location": target}, content_type=None)
    link0 = http_server.add("/p/0/", page(readable), content_type="text/html; charset=utf-8")
    link1 = http_server.url("/p/1/")
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{words[t]}</description>"
        f"<pubDate>Tue, 0{n + 1} Dec 2026 10:00:00 GMT</pubDate></item>"
        for n, (t, link) in enumerate([(readable, link0), (gated, link1)])
    )
    feed = http_server.add(
        "/feed.xml",
        f'<rss version="2.0"><channel><title>{SITE}</title><link>{http_server.base}</link>'
        f"{items}</channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly, issue_size: 1}\n"
        "subjects:\n  - name: Customer service\n"
        "    keywords: [customer service, support, benchmark, survey, metrics]\n"
        f"settings:\n  allow_private_addresses: true\nfeeds:\n  - url: {feed}\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    text = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert readable in text and gated not in text, text
    flat = " ".join(err.split())
    assert (
        f'"{gated}" ({link1}) was left out of this issue for "{readable}" ({link0}), whose page'
        ' was read, under "Customer service": its link leads to a sign-in page'
    ) in flat, err
    assert f'add "## {link1}" under "# Customer service" in a draft' in flat, err
