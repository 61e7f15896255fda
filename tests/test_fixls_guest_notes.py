"""walk203 #4: "Editor's note: This is a guest post by Duff Anderson" (plain, or its label in
`<strong>` or `<em>`) credited no one, while the same line without its label credited Duff
Anderson. Through `curator draft` of a newsletter whose feed and pages are served on 127.0.0.1:
the draft's `author:` lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import _own_words, authors, drafted, newsletter

from conftest import LocalServer

TITLE = "Omnichannel customer support effort"


def page(note: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{TITLE}</title>"
        '<meta property="og:site_name" content="Zeta Post"></head><body><article>'
        f"<h1>{TITLE}</h1><p>{note}</p>"
        + "".join(f"<p>{_own_words(TITLE, n)}</p>" for n in range(6))
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    "note",
    [
        "This is a guest post by Duff Anderson, co-founder of iPerceptions.",
        "Editor’s note: This is a guest post by Duff Anderson, co-founder of iPerceptions.",
        "Editor's Note: This is a guest post by Duff Anderson, co-founder of iPerceptions.",
        "<em>Editor’s note: This is a guest post by Duff Anderson, co-founder of iPerceptions.</em>",
        "<strong>Editor’s note:</strong> This is a guest post by Duff Anderson, co-founder of"
        " iPerceptions.",
        "<em>Ed. note:</em> This is a guest post by Duff Anderson.",
        "Note: This is a guest post by Duff Anderson.",
    ],
)
def test_a_guest_post_note_credits_its_guest_through_its_label(
    tmp_path: Path, http_server: LocalServer, note: str
) -> None:
    config = newsletter(tmp_path, http_server, [(TITLE, "", page(note))])
    block = drafted(config)[TITLE]
    assert authors(block) == ["Duff Anderson"], block
