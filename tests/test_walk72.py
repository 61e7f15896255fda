"""walk72: hand-typed mistakes in feeds.yaml and drafts, through the command line. Each is told
with its line and the fix, and the advice given, followed, does what it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_walk68 import build_draft
from test_walk68 import drafted as drafted  # noqa: F401 (the fixture, for this file's tests)

from conftest import LocalServer, run_cli, sans_config


def swap(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(config: Path) -> tuple[int, str, str]:
    return run_cli("build", "--config", str(config), "-q")


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, x in enumerate(lines, 1) if x.startswith(start))


# --- #1: a feed's address with its https:// mistyped -------------------------------------------


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("http//customerthink.com/feed/", "http://customerthink.com/feed/"),
        ("https//customerthink.com/feed/", "https://customerthink.com/feed/"),
        ("htp://customerthink.com/feed/", "http://customerthink.com/feed/"),
        ("http;//customerthink.com/feed/", "http://customerthink.com/feed/"),
        ("'http:\\\\customerthink.com\\feed'", "http://customerthink.com/feed"),
        ("https:/customerthink.com/feed/", "https://customerthink.com/feed/"),
    ],
    ids=["no-colon", "https-no-colon", "htp", "semicolon", "backslashes", "one-slash"],
)
def test_a_feed_address_with_its_scheme_mistyped_is_refused_with_the_fix(
    themed_demo: Path, typed: str, fixed: str
) -> None:
    line = line_of(themed_demo, "  - url: feeds/brightline")
    swap(themed_demo, "  - url: feeds/brightline.json", f"  - url: {typed}")
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:"), err
    assert "mistyped" in err and f"write `{fixed}`" in err, err
    assert not (themed_demo.parent / "output" / "issue-1.html").exists()


def test_a_path_starting_with_a_mistyped_scheme_but_no_host_is_refused(themed_demo: Path) -> None:
    line = line_of(themed_demo, "  - url: feeds/brightline")
    swap(themed_demo, "  - url: feeds/brightline.json", "  - url: http//feeds/brightline")
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:") and "https:// mistyped" in err, err


# --- #3: a subject named in curly quotes ---------------------------------------------------------


def test_a_subject_named_in_curly_quotes_is_refused_on_its_own_line(themed_demo: Path) -> None:
    line = line_of(themed_demo, "  - name: Voice of the customer")
    curly = "  - name: \u201cVoice of the customer\u201d\n"
    swap(themed_demo, "  - name: Voice of the customer\n", curly)
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:"), err
    assert "curly quotes" in err and "write `- name: Voice of the customer`" in err, err
    assert "did you mean" not in err, err
    # Followed as written, it builds.
    swap(themed_demo, curly, "  - name: Voice of the customer\n")
    assert build(themed_demo)[0] == 0


# --- #4, #5, #6: a draft's front matter and credit lines ---------------------------------------


def _published(drafted: Path) -> dict:
    import json

    folder = drafted.parent.parent / "output"
    return json.loads((folder / "issue-1.json").read_text(encoding="utf-8"))


def test_a_draft_editor_in_curly_quotes_is_warned_of(drafted: Path) -> None:
    editor = next(
        x for x in drafted.read_text(encoding="utf-8").splitlines() if x[:8] == "editor: "
    )
    line = line_of(drafted, "editor: ")
    name = editor[8:]
    swap(drafted, editor + "\n", f"editor: \u201c{name}\u201d\n")
    code, _, err = build_draft(drafted)
    assert code == 0, err
    said = [x for x in err.splitlines() if "curly quotes" in x]
    assert len(said) == 1 and f"{drafted}:{line}: `editor: \u201c" in said[0], err
    assert f"write editor: {name}" in said[0], said


def test_a_draft_number_written_with_hash_is_told_it_is_a_comment(drafted: Path) -> None:
    line = line_of(drafted, "number: ")
    swap(drafted, "\nnumber: 1\n", "\nnumber: #1\n")
    code, _, err = build_draft(drafted)
    assert code == 2, err
    assert f"{drafted}:{line}: number: is empty: `#` starts a comment in YAML" in err, err
    assert "write number: 1" in err and "the front matter needs number" not in err, err


def test_a_draft_author_that_is_an_address_is_warned_of(drafted: Path) -> None:
    author = next(
        x for x in drafted.read_text(encoding="utf-8").splitlines() if x[:8] == "author: "
    )
    swap(drafted, author + "\n", "author: https://example.com/people/jane\n")
    code, _, err = build_draft(drafted)
    assert code == 0, err
    said = [x for x in err.splitlines() if "is a web address" in x]
    assert len(said) == 1 and "write the person's name on the author: line" in said[0], err


@pytest.mark.parametrize(
    ("line_start", "typed", "fixed"),
    [
        ("    name: Northwind CX Journal", "    name:Northwind", "name: Northwind"),
        ("  - url: feeds/northwind.xml", "  - url:feeds/northwind.xml", "url: feeds/northwind.xml"),
    ],
    ids=["name", "first-key-of-an-item"],
)
def test_a_key_with_no_space_after_its_colon_is_named_on_its_line(
    themed_demo: Path, line_start: str, typed: str, fixed: str
) -> None:
    line = line_of(themed_demo, line_start)
    text = themed_demo.read_text(encoding="utf-8")
    whole = next(x for x in text.splitlines() if x.startswith(line_start))
    swap(themed_demo, whole + "\n", typed + "\n")
    code, out, err = build(themed_demo)
    assert code == 2, err
    assert err.startswith(f"curator: {themed_demo}:{line}:"), err
    assert "no space after" in err and f"write `{fixed}`" in err, err
    # Followed as written, it builds.
    swap(themed_demo, typed + "\n", typed.replace(fixed.replace(": ", ":"), fixed) + "\n")
    assert build(themed_demo)[0] == 0


# --- #2: the credit advice for an aggregator's feed ----------------------------------------------

PARAGRAPH = (
    "Customer experience teams measure customer effort, customer satisfaction and net promoter"
    " score after every support ticket. Customers who resolve a support issue with little effort"
    " stay loyal, and customer service agents who cut effort raise satisfaction scores. "
)
OTHER = (
    "Support leaders track the net promoter score and customer satisfaction survey results each"
    " quarter. Customer service managers coach agents on empathy, first contact resolution and"
    " loyalty, and customer experience budgets follow the survey scores. "
)
TITLES = ("Why Customer Effort Beats Delight", "Customer Effort Scores After Every Ticket")


def _page(title: str, site: str | None, paragraph: str, byline: str) -> str:
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
        f'<p class="byline">By {byline}</p>'
        + "".join(f"<p>{paragraph * 2} Paragraph {n}.</p>" for n in range(6))
        + "</article></body></html>"
    )


def test_the_feed_name_advice_is_not_given_where_the_name_would_replace_other_sites(
    demo: Path, http_server: LocalServer
) -> None:
    """An aggregator's feed ("CX Reading Room") links one page naming its own site (the ACLU's)
    and one naming none. The build advised a `name:` for the second, which then replaced the
    first's site name too, silently; and `extract` called that `name:` "the page's byline"."""
    aclu = http_server.add(
        "/r/aclu/",
        _page(TITLES[0], "American Civil Liberties Union", PARAGRAPH, "Daniel Kahn Gillmor"),
        content_type="text/html; charset=utf-8",
    )
    seed = http_server.add(
        "/cx/seed/",
        _page(TITLES[1], None, OTHER, "Priya Natarajan"),
        content_type="text/html; charset=utf-8",
    )
    feed = http_server.add(
        "/cx.xml",
        f'<rss version="2.0"><channel><title>CX Reading Room</title>'
        f"<link>{http_server.base}</link>"
        + "".join(
            f"<item><title>{t}</title><link>{u}</link><description>{d}</description></item>"
            for t, u, d in zip(TITLES, (aclu, seed), (PARAGRAPH, OTHER), strict=True)
        )
        + "</channel></rss>",
    )
    text = demo.read_text(encoding="utf-8")
    text = text.replace("feeds:\n", f"feeds:\n  - url: {feed}\n", 1)
    text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n")
    demo.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"  - url: {feed}") + 1

    code, _, err = run_cli("build", "--config", str(demo), "-q", "--all-subjects")
    assert code == 0, err
    said = [x for x in err.splitlines() if "is the title of its feed" in x]
    assert len(said) == 1 and f"({seed})" in said[0], err
    assert "give the feed a `name:`" not in said[0], said
    assert "correct the `publication:` line under its heading in a draft" in said[0], said
    assert (
        f"a `name:` for the feed in {demo} (line {line}) would name all its articles so, also"
        ' those credited with their own pages\' site names ("American Civil Liberties Union")'
    ) in said[0], said

    # Given a `name:` all the same, `extract` says where each part of the credit came from.
    demo.write_text(
        text.replace(f"  - url: {feed}\n", f"  - url: {feed}\n    name: CX Library\n", 1),
        encoding="utf-8",
    )
    code, out, err = run_cli("extract", "--config", str(demo), aclu)
    assert code == 0, err
    assert (
        "your newsletter credits it as: Daniel Kahn Gillmor || CX Library (the author the page's"
        f" byline names; the publication from the feed's `name:` in {demo} (line {line}))"
    ) in out, out


# --- #7: a weak blurb of an article added by its address ----------------------------------------


def test_build_draft_warns_of_a_weak_blurb_of_an_article_added_by_its_address(
    tmp_path: Path, http_server: LocalServer, seeds: Path, corpus: Path
) -> None:
    """walk67 #2 left: a plain build warns of seed 002's blurb (the author's own story); added to
    a draft by its address alone, the editor saw no note on it, and it was published silently."""
    from tests.test_blurb_walk67 import SAILING, SEED2_TITLE, weak_newsletter

    config = weak_newsletter(tmp_path, http_server, seeds, corpus)
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    path = tmp_path / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(f"\n## {SEED2_TITLE}\n")
    block, sep, tail = rest.partition("\n## ")
    url = next(x[5:] for x in block.splitlines() if x.startswith("url: "))
    path.write_text(f"{head}\n## {url}\n{sep}{tail}", encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 0, err
    assert SAILING in (tmp_path / "output" / "issue-1.txt").read_text(encoding="utf-8")
    said = " ".join(sans_config(err).split())
    assert f'the blurb of "{SEED2_TITLE}" ({url}) may not say what the article is about' in said, (
        err
    )
    assert said.count("may not say what the article is about") == 1, err
    assert (
        "it was added to the draft by its address and is published so (to correct it: its"
        f' "blurb" in {tmp_path / "output" / "issue-1.json"}, then `curator render 1`; in a later'
        " draft, a blurb under its heading)"
    ) in said, err
