"""walk122: a blurb that opens on someone it never introduced is said (#1), and a draft's issue
published without its closing line says so (#2)."""

from __future__ import annotations

from pathlib import Path

from conftest import LocalServer, run_cli, sans_config
from tests.test_blurb_walk67 import newsletter

ELABORATED = (
    "<p>Temkin elaborated by comparing customer experience with customer service. “Customer"
    " service is an organizational function, like marketing and sales, that manages a subset of"
    " interactions with customers,” he wrote.</p>"
)
#: Each page's own rest, so that no two are taken for copies of one story.
REST = {
    "kept": "<p>Retail banks now measure how long a complaint stays open before anyone calls"
    " back. Branches that answered within a day kept more of their savers.</p>",
    "headed": "<p>Airlines rebuilt their rebooking desks around the traveller stranded at night."
    " Gate agents gained the power to issue hotel vouchers without a supervisor.</p>",
    "missing": "<p>Hospitals started sending a nurse's note home with every discharged patient."
    " Readmissions fell where the note named a number that someone actually answered.</p>",
}
INTRODUCED = (
    "<p>Bruce Temkin, head of the XM Institute, is one of the leading thinkers on customer"
    " experience. His research informs his influential blog.</p>"
)


def page(title: str, intro: str, rest: str) -> bytes:
    """An article by Jane Writer that quotes Bruce Temkin, introduced by `intro`."""
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="author" content="Jane Writer"></head><body><article>'
        f'<h1>{title}</h1><p class="byline">By Jane Writer</p>{intro}{ELABORATED}{rest}'
        "</article></body></html>"
    ).encode()


KEPT = "What Customer Experience Is Not"
HEADED = "Customer Experience Versus Customer Service"
MISSING = "Customer Experience Is More Than Service"


def test_a_blurb_opening_on_a_bare_surname_gets_a_note_in_the_draft_and_the_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk122 #1: the blurb "Temkin elaborated by comparing ..." was published without a word.
    The paragraph introducing him is the blurb's opening, no author's bio (the byline names Jane
    Writer); where the page names him only in a heading, or never in full, the draft and the
    build say the blurb opens on someone it never introduces."""
    config = newsletter(
        tmp_path,
        http_server,
        [
            (KEPT, "", page(KEPT, INTRODUCED, REST["kept"])),
            (HEADED, "", page(HEADED, "<h2>Bruce Temkin on service</h2>", REST["headed"])),
            (MISSING, "", page(MISSING, "", REST["missing"])),
        ],
    )
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    text = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    blocks = {b.split("\n", 1)[0]: b for b in text.split("\n## ")[1:]}
    assert set(blocks) == {KEPT, HEADED, MISSING}, text
    assert "\nBruce Temkin, head of the XM Institute, is one of" in blocks[KEPT]
    assert "Check this blurb" not in blocks[KEPT]
    assert "\nTemkin elaborated by comparing" in blocks[HEADED]
    assert (
        '<!-- Check this blurb: it opens with "Temkin", whom the page introduces as Bruce Temkin'
        " but the blurb never does: the reader may not know who that is."
    ) in blocks[HEADED], blocks[HEADED]
    assert (
        '<!-- Check this blurb: it opens with "Temkin", someone the page never introduces by'
        " their whole name"
    ) in blocks[MISSING], blocks[MISSING]
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 0, err
    said = " ".join(sans_config(err).split())
    for title in (HEADED, MISSING):
        url = next(x[5:] for x in blocks[title].splitlines() if x.startswith("url: "))
        assert (
            f'the blurb of "{title}" ({url}) may not say what the article is about (it opens'
            ' with "Temkin"'
        ) in said, said
    assert said.count('opens with "Temkin"') == 2, said
    assert f'the blurb of "{KEPT}"' not in said, said


def test_build_draft_says_the_closing_line_is_left_out_when_the_plan_is_used_up(
    themed_demo: Path,
) -> None:
    """walk122 #2: `curator draft` said the closing line naming {next_theme} was left out (the
    plan of themes used up); `build --draft` then published the issue without it, silently."""
    themed_demo.write_text(
        themed_demo.read_text(encoding="utf-8").replace(
            "    - Service operations\n    - Voice of the customer\n", "", 1
        ),
        encoding="utf-8",
    )
    config = str(themed_demo)
    assert run_cli("build", "--config", config, "-q")[0] == 0
    code, _, err = run_cli("draft", "--config", config, "--no-fetch")
    assert code == 0 and "issue 2 has no closing line" in err, err
    draft = themed_demo.parent / "drafts" / "issue-2.md"
    code, _, err = run_cli("build", "--config", config, "--draft", str(draft), "--no-fetch")
    assert code == 0, err
    said = " ".join(err.split())
    assert said.count("closing line") == 1, said
    assert (
        f'{draft}: issue 2 has no closing line: `themes: closing` in {config} ("Next time:'
        " {next_theme}. Won't you learn with me?\") names {next_theme}, which is empty because"
        " the plan of themes has no theme left after this issue; to close the issue all the"
        " same, add `closing:` with a line without {next_theme} to the draft's front matter"
    ) in said, said
    issue = (themed_demo.parent / "output" / "issue-2.txt").read_text(encoding="utf-8")
    assert "Next time" not in issue
