"""walk177's drafts through the CLI on the demo: a whole draft saved with CRLF or CR-only line
endings is built, not refused as cut off (N1); blurbs swapped between two articles of the draft
stop the build, naming both lines, while a blurb the editor rewrote is published (N4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_fixhp_draft_end import _build, _copy, _line_of, drafted_demo

from conftest import said_as_one

DELIGHT = "## Delight or Effortless? Designing for Customers Who Just Want to Get On With Their Day"
DELIGHT_BLURB = "Surprise-and-delight and low-effort service each earn loyalty"
FIVE = "## Five Definitions of Customer Experience, and the One We Use"
FIVE_BLURB = "Customer experience has been defined so many times"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with the draft of issue 1 written, as test_fixhp_draft_end's tests have it."""
    return drafted_demo(tmp_path_factory)


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_a_whole_draft_saved_with_windows_or_old_mac_line_endings_is_built(
    drafted: Path, tmp_path: Path, ending: str
) -> None:
    """walk177 N1: `sed -i 's/$/\\r/'` on a whole draft: refused as "cut off while saved"."""
    config, draft, whole = _copy(drafted, tmp_path)
    own = "Our own words: remove friction first, and keep the delight for the moments that matter."
    lines = whole.split("\n")
    lines[next(n for n, line in enumerate(lines) if line.startswith(DELIGHT_BLURB))] = own
    edited = "\n".join(lines)
    draft.write_bytes(edited.replace("\n", ending).encode("utf-8"))
    code, out, err = _build(config, draft)
    assert code == 0, (out, err)
    assert "cut off" not in err
    html = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    # (an editor's own rewrite is published, never taken for another article's blurb)
    assert own in html and FIVE_BLURB in html
    assert "end of the draft" not in html


def test_blurbs_swapped_between_two_articles_stop_the_build(drafted: Path, tmp_path: Path) -> None:
    """walk177 N4: two articles' blurbs swapped while reordering were published so, silently."""
    config, draft, whole = _copy(drafted, tmp_path)
    lines = whole.split("\n")
    a = next(n for n, line in enumerate(lines) if line.startswith(DELIGHT_BLURB))
    b = next(n for n, line in enumerate(lines) if line.startswith(FIVE_BLURB))
    lines[a], lines[b] = lines[b], lines[a]
    swapped = "\n".join(lines)
    draft.write_text(swapped, encoding="utf-8")
    code, out, err = _build(config, draft, "-q")
    said = said_as_one(err)
    assert code == 2, (out, err)
    assert (
        f'{draft}:{a + 1}: the blurb under "Delight or Effortless? Designing for Customers Who'
        f' Just W..." (line {_line_of(swapped, DELIGHT)}) and the blurb at line {b + 1}, under'
        f' "Five Definitions of Customer Experience, and the One We Use" (line'
        f" {_line_of(swapped, FIVE)}), are each other's, as curator wrote them: the blurbs were"
        " swapped" in said
    ), said
    assert "Move each blurb back under its own article's" in said
    assert said.count("the blurbs were swapped") == 1  # (one pair, said once)
    assert not (config.parent / "output" / "issue-1.html").exists()


def test_a_deleted_subject_heading_is_named_and_no_subjects_move_is_advised(
    drafted: Path, tmp_path: Path
) -> None:
    """walk177 N5: with '# Voice of the customer' deleted, its articles were published under
    'Service operations' and the build advised `curator subjects move ... 'Service operations'`
    for each (which would teach curator the wrong subject)."""
    config, draft, whole = _copy(drafted, tmp_path)
    lines = whole.split("\n")
    heading = lines.index("# Voice of the customer")
    headless = "\n".join(lines[:heading] + lines[heading + 1 :])
    draft.write_text(headless, encoding="utf-8")
    code, out, err = _build(config, draft)
    said = said_as_one(err)
    assert code == 0, (out, err)
    first = next(
        n
        for n, line in enumerate(headless.split("\n"), 1)
        if n > heading and line.startswith("## ")
    )
    assert (
        f"{draft}:{first}: the heading '# Voice of the customer' is not in the draft: its 2"
        " article(s) are under 'Service operations', and were published there" in said
    ), said
    assert f"put the heading back (above line {first})" in said
    assert "under another subject than curator gives them" not in out, out
    assert "subjects move https://brightline.example/blog/voice-of-the-customer" not in out
    assert "Service operations: 4 featured" in out
