"""walk162: hostile feed fields that cost a credit or an article without a word, as the editor
sees them (the draft's `author:` lines and notes, a build's warnings, the published issue)."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import NO_AUTHOR, authors, built, drafted, newsletter, page

from conftest import LocalServer


def creator(name: str) -> str:
    return f"<dc:creator>{name}</dc:creator>"


#: title: (the item's dc:creator, whether its page has a byline "By Jane Plain")
STARRED = {
    "Starred Refunds": ("*NSYNC Fan", False),
    "Starred Returns": ("*Star* Author", False),
    "Scored Queues": ("_Under_ Score", False),
    "Scored Hotlines": ("*NSYNC Fan", True),
    "Plain Starred Surveys": ("Kay *Lee*", False),
}


def test_a_feed_author_opening_with_a_star_or_an_underscore_is_credited_as_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk162 #1: `*NSYNC Fan` was dropped ("no author was found") while `Kay *Lee*` was
    credited as written."""
    config = newsletter(
        tmp_path,
        http_server,
        [
            (t, creator(who), page(t, byline="By Jane Plain" if byline else ""))
            for t, (who, byline) in STARRED.items()
        ],
    )
    blocks = drafted(config)
    for title, (who, _) in STARRED.items():
        assert authors(blocks[title]) == [who], (title, blocks[title])
        assert NO_AUTHOR not in " ".join(blocks[title]), blocks[title]
    # the page's byline names someone else: the usual note says both
    note = " ".join(" ".join(blocks["Scored Hotlines"]).split())
    assert "the feed names *NSYNC Fan, credited above; the page names Jane Plain" in note, note
    text = built(config)
    for who in ("*NSYNC Fan ||", "*Star* Author ||", "_Under_ Score ||"):
        assert who in text, (who, text)
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "*NSYNC Fan" in html and "_Under_ Score" in html
