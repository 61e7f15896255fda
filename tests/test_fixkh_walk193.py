"""walk193 #2, #4, #6, #8, #9: credits as the editor meets them (the draft's `author:` lines and
notes, a build's warnings and the published issue): an interviewee or a quoted customer under
the headline, a guest named in a sentence, a quotation's source after a curly-quoted paragraph, a
news agency as the sole byline, and names in capitals or with a suffix after a comma."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import authors, drafted, newsletter
from test_credit_walk158 import creator, meta, page

from conftest import LocalServer
from conftest import run_cli as run


def _built_text(config: Path) -> tuple[str, str]:
    """A build without a draft: the issue's text and what the build said."""
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    text = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    return text, " ".join(err.split())


def _notes(block: list[str]) -> str:
    return " ".join(" ".join(line for line in block if "<!--" in line).split())


def test_a_guest_named_in_a_sentence_is_credited_over_the_blogs_owner(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk193 #4: the feed and the meta tag name the blog's owner; the page names its guest in a
    sentence ("Today's post comes from our guest, ...", "This post was written by ...", "About
    the guest author: ... runs ..."): the owner was credited."""
    owner = meta("Dana Owner")
    items = {
        "Guest Refunds": page(
            "Guest Refunds",
            head=owner,
            before="<p><em>Today&rsquo;s post comes from our guest, Carlos Mendes.</em></p>",
        ),
        "Guest Slopes": page(
            "Guest Slopes",
            head=owner,
            before="<p><em>This post was written by Carlos Mendes.</em></p>",
        ),
        "Guest Nights": page(
            "Guest Nights",
            head=owner,
            outside='<div class="guest-bio"><p><strong>About the guest author:</strong> Carlos'
            " Mendes runs support at a hotel group in Lisbon.</p></div>",
        ),
    }
    config = newsletter(
        tmp_path, http_server, [(t, creator("Dana Owner"), html) for t, html in items.items()]
    )
    blocks = drafted(config)
    for title in items:
        assert authors(blocks[title]) == ["Carlos Mendes"], (title, blocks[title])
        assert "its feed names Dana Owner" in _notes(blocks[title]), blocks[title]
    text, _ = _built_text(config)
    assert "Dana Owner ||" not in text and text.count("Carlos Mendes || Zeta Post") == 3, text
