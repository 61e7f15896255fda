"""fixjz #3: a draft's blurb written in HTML (`<p>Great <b>piece</b> ...</p>`) was stored, written
to issue-N.json as typed, and shown with its tags as text in the HTML edition, the build going on
with a warning. It is a mistake that stops `build --draft`, named at its line with the Markdown
to write instead; nothing is published or stored. A tag in a line of Markdown is still warned of
and shown as text (test_draft_markdown), as README says."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, said_as_one

FIRST_BLURB = "Surprise-and-delight and low-effort service each earn loyalty"


def _draft_with_blurb(demo: Path, blurb: str) -> tuple[Path, int]:
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    start = text.index(FIRST_BLURB)
    end = text.index("\n\n", start)
    path.write_text(text[:start] + blurb + text[end:], encoding="utf-8")
    return path, text[:start].count("\n") + 1


def test_a_blurb_written_in_html_stops_the_build_with_its_markdown(demo: Path) -> None:
    path, line = _draft_with_blurb(demo, "<p>Great <b>piece</b> on <i>delight</i>.</p>")
    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(path), "--json")
    assert code != 0, err
    said = said_as_one(err)
    assert f"{path}:{line}: this blurb is written in HTML (<p>, <b>, <i>)" in said, said
    assert "write Markdown: Great **piece** on *delight*." in said, said
    assert json.loads(out)["issue"] is None
    output = demo.parent / "output"
    assert not (output / "issue-1.json").exists() and not (output / "issue-1.html").exists()
    # Written in Markdown as told, it is published as meant.
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "<p>Great <b>piece</b> on <i>delight</i>.</p>", "Great **piece** on *delight*."
        ),
        encoding="utf-8",
    )
    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path), "-q")
    assert code == 0, err
    html = (output / "issue-1.html").read_text(encoding="utf-8")
    assert "Great <strong>piece</strong> on <em>delight</em>." in html
    assert "&lt;b&gt;" not in html


def test_paragraphs_of_html_and_a_link_are_given_as_markdown(demo: Path) -> None:
    path, line = _draft_with_blurb(
        demo,
        '<div>\n<p>Read <a href="https://example.org/study">the study</a>.</p>\n'
        "<p>Then <script>alert(1)</script>act.</p>\n</div>",
    )
    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path))
    assert code != 0
    said = said_as_one(err)
    assert f"{path}:{line}: this blurb is written in HTML (<div>, <p>, <a>" in said, said
    assert (
        "write Markdown: Read [the study](https://example.org/study). (and its 1 other"
        " paragraph(s) so, a blank line between)"
    ) in said, said
