"""walk140: five pages of one publication telling one story (the same four paragraphs under their
own titles and openings). A theme counts them once and is too thin (#1); an issue of every subject
features the story once and numbers the other pieces of its own publication, "Another piece in
CX Lab (1/4) on the same story", in every edition and in the build's warnings (#5); an editor's
template copy made before the numbering is named. Through the CLI, against pages on a real HTTP
server on 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, LocalServer
from conftest import run_cli as run

BASICS = "The basics of customer experience"
BODY = [
    "Customer experience is the sum of every interaction a customer has with a company, across"
    " every touchpoint and channel.",
    "Customer service is one part of it: the help a customer gets when something goes wrong or a"
    " question comes up.",
    "Teams that confuse the two end up polishing the help desk while the customer journey stays"
    " broken elsewhere.",
    "The fix starts with a shared definition and a map of the journey that every team can read.",
]
#: (title, the page's own opening paragraphs), as walk140's CX Lab served them.
PAGES = [
    (
        "Customer Experience, Defined for Busy Teams",
        ["Estimated reading time: 6 minutes", "This post may contain affiliate links."],
    ),
    (
        "What Customer Service Leaders Get Wrong About Customer Experience",
        ["Listen to this article · 5:32 min", "Editor's note: this article was updated for 2026."],
    ),
    (
        "The Customer Journey Is Not a Funnel",
        ["Updated: March 3, 2026", "Subscribe to our newsletter for customer experience insights."],
    ),
    (
        "Touchpoints, Loyalty and the Basics of Customer Experience",
        ["We use cookies to personalise content and ads. By clicking Accept you agree."],
    ),
    ("Customer Experience vs. Customer Service: A Field Guide", []),
]


def cx_lab(tmp_path: Path, server: LocalServer) -> Path:
    items = []
    for n, (title, opening) in enumerate(PAGES, 1):
        url = server.url(f"/g/g{n}.html")
        paras = "".join(f"<p>{p}</p>" for p in (*opening, *BODY))
        server.add(
            f"/g/g{n}.html",
            f'<!doctype html><html><head><meta charset="utf-8"><title>{title} - CX Lab</title>'
            f'<meta property="og:site_name" content="CX Lab"><link rel="canonical" href="{url}">'
            f"</head><body><article><h1>{title}</h1><div>{paras}</div></article></body></html>",
            content_type="text/html; charset=utf-8",
        )
        items.append(
            f"<item><title>{title}</title><link>{url}</link><guid>{url}</guid>"
            "<pubDate>Wed, 02 Dec 2026 09:00:00 +0000</pubDate></item>"
        )
    server.add(
        "/g/feed.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>CX Lab</title>'
        f"{''.join(items)}</channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter:\n  title: CX Weekly\n  issue_size: 6\nsubjects:\n"
        f"  - name: {BASICS}\n"
        "    description: What customer experience is, how it differs from customer service.\n"
        "    keywords: [customer experience, customer service, customer journey, touchpoints,"
        " loyalty]\n"
        "  - name: Measuring the customer experience\n"
        "    description: Choosing and reading metrics such as CSAT, NPS and CES.\n"
        "    keywords: [CSAT, NPS, Net Promoter Score, customer effort score, metrics]\n"
        f"themes:\n  plan:\n    - {BASICS}\n  min_articles: 3\n"
        f"feeds:\n  - url: {server.url('/g/feed.xml')}\n"
        "settings:\n  allow_private_addresses: true\n",
        encoding="utf-8",
    )
    return config


def test_one_publications_pieces_on_one_story_are_counted_once_and_numbered(
    tmp_path: Path, http_server: LocalServer
):
    config = str(cx_lab(tmp_path, http_server))
    output = tmp_path / "output"
    code, out, err = run("fetch", "--config", config, "-q")
    assert code == 0, out + err
    # (#1) Five addresses, one story: counted once, the theme too thin, nothing published.
    code, out, err = run("themes", "--config", config)
    assert code == 0, err
    assert (
        f"{BASICS}: 1 article(s), and 4 copies of it (named under the story when featured)"
        " (too thin, needs 3)"
    ) in out
    for extra in ((), ("--subject", BASICS)):
        code, out, err = run("build", "--config", config, "--no-fetch", *extra)
        assert code == 3, out + err
        # (walk148 N5: the four copies are counted and said, not left unsaid)
        assert (
            f"`{BASICS}` is too thin: 5 unfeatured articles fit it, but they tell 1 story (4 are"
            " copies of another: named under it when featured)"
        ) in err
        assert not output.exists() or not list(output.glob("issue-*"))
    # (#5) An issue of every subject features the story once, the four other pieces numbered.
    code, out, err = run("build", "--config", config, "--no-fetch", "--all-subjects")
    assert code == 0, err
    assert "Issue 1: 1 article(s)" in out
    said = " ".join(err.split())
    for k in range(1, 5):
        assert (
            f'named under that article as "Another piece in CX Lab ({k}/4) on the same story"'
            in said
        )
    assert "CX Lab on the same story" not in said
    editions = {
        name: (output / name).read_text(encoding="utf-8")
        for name in (
            "issue-1.html",
            "issue-1.fragment.html",
            "issue-1.email.html",
            "issue-1.md",
            "issue-1.txt",
            "feed.xml",
        )
    }
    for name, text in editions.items():
        lines = re.findall(r"Another piece in CX Lab[^<\]:]* on the same story", text)
        assert lines == [
            f"Another piece in CX Lab ({k}/4) on the same story" for k in range(1, 5)
        ], (
            name,
            lines,
        )
    # Each numbered line links its own piece, none twice.
    links = re.findall(r"\(\d/4\) on the same story\]\((\S+?)\)", editions["issue-1.md"])
    assert len(set(links)) == 4
    # An editor's issue.txt copied before the pieces were numbered writes four lines alike: named.
    own = (REPO / "templates" / "issue.txt").read_text(encoding="utf-8")
    old = own.replace(
        "{% for name, url in entry.pieces_in_publication %}\n"
        "{% call words.another_piece() %}{{ name | isolated }}{% endcall %}",
        "{% for url in entry.also_in_publication %}\n"
        "{% call words.another_piece() %}{{ entry.publication }}{% endcall %}",
    )
    assert old != own
    mine = tmp_path / "my-templates"
    mine.mkdir()
    (mine / "issue.txt").write_text(old, encoding="utf-8")
    code, out, err = run("render", "1", "--config", config, "--templates", str(mine), "-q")
    assert code == 0, err
    txt = (output / "issue-1.txt").read_text(encoding="utf-8")
    assert txt.count("Another piece in CX Lab on the same story") == 4
    said = " ".join(err.split())
    assert (
        f"{mine / 'issue.txt'}: these copies of curator's templates were made before they"
        " numbered the pieces of one publication on the same story, so issue 1 names 4 pieces"
        ' under "'
    ) in said, err
    assert "`entry.pieces_in_publication`" in said


def test_a_warning_quotes_a_piece_as_an_unnumbered_template_copy_writes_it(
    tmp_path: Path, http_server: LocalServer
):
    """walk147 #6: with an issue.txt copied before pieces were numbered, the build's per-article
    warnings quoted "Another piece in CX Lab (1/4) on the same story", which that edition does
    not print: they say what curator's own templates write and what the copy writes."""
    config = cx_lab(tmp_path, http_server)
    own = (REPO / "templates" / "issue.txt").read_text(encoding="utf-8")
    mine = tmp_path / "my-templates"
    mine.mkdir()
    (mine / "issue.txt").write_text(
        own.replace(
            "{% for name, url in entry.pieces_in_publication %}\n"
            "{% call words.another_piece() %}{{ name | isolated }}{% endcall %}",
            "{% for url in entry.also_in_publication %}\n"
            "{% call words.another_piece() %}{{ entry.publication }}{% endcall %}",
        ),
        encoding="utf-8",
    )
    code, out, err = run(
        "build", "--config", str(config), "--all-subjects", "--templates", str(mine), "-q"
    )
    assert code == 0, out + err
    txt = (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert txt.count("Another piece in CX Lab on the same story") == 4, txt
    said = " ".join(err.split())
    for k in range(1, 5):
        assert (
            f'named under that article as "Another piece in CX Lab ({k}/4) on the same story" (as'
            f" curator's own templates write it; as your {mine / 'issue.txt'} writes it,"
            ' "Another piece in CX Lab on the same story")'
        ) in said, said
