"""walk69: a byline's helpers ("By Max Uhl with additional reporting by Ned Vo") lost its author:
`curator extract` found no one, the draft credited the feed's owner with no note, and a plain
build said "no author was found". As the editor sees them: `curator extract`, the draft's
`author:` lines and notes, the built issue, the plain build's warnings."""

from __future__ import annotations

from pathlib import Path

from test_credit_formats import NO_AUTHOR, authors, built, drafted, newsletter
from test_credit_walk64 import OWNER, page, plain_build

from conftest import LocalServer
from conftest import run_cli as run

BYLINES = {
    "Compost Note Ten": ("By Max Uhl with additional reporting by Ned Vo", ["Max Uhl"]),
    "Worms In Winter": ("By Ann Lee with reporting by Bo Chu", ["Ann Lee"]),
    "Leaves And Straw": ("By Cal Ito; additional reporting by Dee Fox", ["Cal Ito"]),
    "Bins For Flats": ("By Eve Moss. Finn Ray contributed reporting.", ["Eve Moss"]),
    "Hot Heaps": (
        "By Gil Park and Hal Nye, with contributions from Jon Ebb",
        ["Gil Park", "Hal Nye"],
    ),
}


def test_a_bylines_additional_reporting_ends_its_authors_names(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk69 #1: the byline's author is credited, its helpers are not, and no build says that
    no author was found."""
    items = [(title, "", page(title, byline)) for title, (byline, _) in BYLINES.items()]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    for title, (_, people) in BYLINES.items():
        assert authors(blocks[title]) == people, (title, blocks[title])
        assert not any(NO_AUTHOR in line for line in blocks[title]), blocks[title]
    issue = built(config)
    for helper in ("Ned Vo", "Bo Chu", "Dee Fox", "Finn Ray", "Jon Ebb", "reporting"):
        assert helper not in issue, helper
    assert "Max Uhl || Zeta Post" in issue and "Gil Park and Hal Nye || Zeta Post" in issue

    _, said = plain_build(config)
    assert not any("no author was found" in s for s in said), said

    page_file = tmp_path / "n10.html"
    page_file.write_text(page("Compost Note Ten", BYLINES["Compost Note Ten"][0]), encoding="utf-8")
    code, out, err = run("extract", str(page_file))
    assert code == 0, err
    assert "Max Uhl || Zeta Post" in out and "no author found" not in out, out


def test_a_feeds_owner_is_noted_beside_the_bylines_author_with_helpers(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk69 #1, with the feed naming the site's owner for every entry: the draft credited her
    with no note (the page seemed to name no one). The note now names the byline's author."""
    title = "Compost Note Ten"
    items = [(title, "", page(title, BYLINES[title][0]))]
    config = newsletter(tmp_path, http_server, items, atom_author=OWNER)
    block = drafted(config)[title]
    note = next((line for line in block if line.startswith("<!-- Author:")), "")
    assert "the page names Max Uhl" in note, block
    assert "Ned Vo" not in "\n".join(block)
