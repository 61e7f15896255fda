"""fixjs (walk190 #3): a subject whose only unfeatured articles fit it through its keywords alone
(`keywordfit`) was ripe by them: `curator themes` ranked it, a themed build published an issue of
three such articles (a rugby ticket queue, a U2 ticket record, a film festival) and a plain build a
section of them, warned only after publishing. Such articles no longer count toward a theme's
`min_articles`: the themed build stops as too thin, naming them and how to feature them anyway;
the plain build leaves the section out, saying so. Reuses fixiy's newsletter: its first build
features every on-field article, leaving "Service operations" its two sport ticket queues."""

from __future__ import annotations

from pathlib import Path

from test_fixhe_like_excluded import CUP, RUGBY
from test_fixiy_keywords_only_waits import Newsletter
from test_fixiy_keywords_only_waits import newsletter as newsletter  # noqa: F401 (the fixture)

from conftest import run_cli as run
from conftest import said_as_one


def _first_issue(n: Newsletter) -> None:
    """An issue on "Service operations" features its seven on-field articles: it keeps only its
    two sport ticket queues; the other subjects keep their five each."""
    code, _, err = run("build", *n.conf, "--no-fetch", "-q", "--subject", "Service operations")
    assert code == 0, err
    html = (n.folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert n.moved[0] in html and RUGBY[0] not in html and CUP[0] not in html, html


def _themed(n: Newsletter) -> None:
    config = Path(n.conf[1])
    text = config.read_text(encoding="utf-8").replace("settings:\n", "", 1)
    text = text.replace(
        "  allow_private_addresses: true\n",
        "themes:\n  plan:\n    - Service operations\n  min_articles: 2\n"
        "settings:\n  allow_private_addresses: true\n",
    )
    config.write_text(text, encoding="utf-8")


def test_a_theme_of_keywords_only_articles_is_too_thin(newsletter: Newsletter) -> None:
    n = newsletter
    _first_issue(n)
    _themed(n)
    code, out, err = run("themes", *n.conf)
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.strip().startswith("Service operations:"))
    assert "(too thin, needs 2; 0 count, those fitting only through its keywords do not)" in line, (
        out
    )
    code, out, err = run("build", *n.conf, "--no-fetch")
    assert code == 3, (out, err)
    assert not (n.folder / "output" / "issue-2.html").exists()
    said = said_as_one(err)
    assert "the planned theme `Service operations` is too thin" in said, said
    assert RUGBY[0] in said and CUP[0] in said, said
    assert "only through its keywords" in said, said
    assert "curator draft" in said and "curator subjects move" in said, said


def test_a_plain_build_leaves_out_a_section_of_keywords_only_articles(
    newsletter: Newsletter,
) -> None:
    n = newsletter
    _first_issue(n)
    code, out, err = run("build", *n.conf, "--no-fetch")
    assert code == 0, err
    html = (n.folder / "output" / "issue-2.html").read_text(encoding="utf-8")
    assert "Voice of the customer" in html and "Customer success" in html, html
    assert "Service operations" not in html, html
    assert RUGBY[0] not in html and CUP[0] not in html, html
    said = said_as_one(err)
    nxt = n.folder / "drafts" / "issue-3.md"
    for title, url in ((RUGBY[0], n.rugby), (CUP[0], n.cup)):
        assert (
            f'"{title}" ({url}) was left out of this issue, under "Service operations": it fits'
            ' "Service operations" only through its keywords'
        ) in said, said
        assert (
            f'add "## {url}" under "# Service operations" in a draft: `curator draft'
            f" {' '.join(n.conf)}` (which writes {nxt})"
        ) in said, said
        assert f"`curator subjects move {url} 'Service operations' {' '.join(n.conf)}`" in said
    assert 'so the issue has no "Service operations" section' in said, said


def test_a_plain_build_of_keywords_only_articles_alone_publishes_nothing(
    newsletter: Newsletter,
) -> None:
    """Every other subject used up: the build publishes no issue of two sport ticket queues, and
    its advice names the draft of the issue still to come (issue 2, not 3)."""
    n = newsletter
    code, _, err = run("build", *n.conf, "--no-fetch", "-q")
    assert code == 0, err
    code, out, err = run("build", *n.conf, "--no-fetch")
    assert code == 0, err
    assert "no issue was written" in out, out
    assert not (n.folder / "output" / "issue-2.html").exists()
    said = said_as_one(err)
    assert f'"{RUGBY[0]}" ({n.rugby}) was left out of this issue' in said, said
    assert f"(which writes {n.folder / 'drafts' / 'issue-2.md'})" in said, said


def test_a_draft_still_shows_them(newsletter: Newsletter) -> None:
    """A draft on the subject shows its keywords-only articles, for the editor to decide."""
    n = newsletter
    _first_issue(n)
    _themed(n)
    code, _, err = run("draft", *n.conf, "--no-fetch", "--subject", "Service operations")
    assert code == 0, err
    draft = (n.folder / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    assert f"url: {n.rugby}" in draft and f"url: {n.cup}" in draft, draft
    assert "only through its keywords" in said_as_one(err), err
