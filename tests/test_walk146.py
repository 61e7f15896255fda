"""walk146's findings through the CLI: a subject's introduction said again word for word (but for
its variables) in a later issue on that subject, unheard of (#1); `feeds remove` counted a dead
link among the articles that "can still be picked" (#2); `subjects uncertain` listed a dead link
for review (#3); `feeds remove` said a stub subject's warning twice (#4). Feeds and pages on a
real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli as run

BASICS = "The basics of customer experience"


def test_a_subjects_introduction_said_again_in_a_later_issue_on_it_is_warned_about(
    themed_demo: Path,
) -> None:
    """walk146 #1: "Welcome to issue {number} ... In our first installment" opened issue 4 on the
    subject again; {number} made the texts differ, so the word-for-word warning never fired."""
    text = themed_demo.read_text(encoding="utf-8")
    themed_demo.write_text(text.replace("  issue_size: 4", "  issue_size: 2", 1), encoding="utf-8")
    line = text.splitlines().index("    introduction: |") + 2
    code, _, err = run("build", "--config", str(themed_demo), "-q")
    assert code == 0, err
    assert "opens with subject" not in err
    said = (
        f"{themed_demo}:{line} (subject `{BASICS}`'s `introduction:`): issue 2 opens with subject"
        f" `{BASICS}`'s introduction from feeds.yaml (\"Welcome to issue {{number}} of Customer"
        ' Experience Weekly..."), which issue 1 opened with too, word for word but for its'
        " variables: readers get the same note again. Write issue 2's own in"
        f" {themed_demo.parent / 'introductions' / 'issue-2.md'} (or in the draft, when you"
        " review one), or rewrite the subject's `introduction:` in"
    )
    code, _, err = run(
        "draft", "--config", str(themed_demo), "-q", "--subject", BASICS, "--no-fetch"
    )
    assert code == 0, err
    assert said in " ".join(err.split())
    draft = themed_demo.parent / "drafts" / "issue-2.md"
    code, _, err = run("build", "--config", str(themed_demo), "-q", "--draft", str(draft))
    assert code == 0, err
    assert said in " ".join(err.split())
    # An introduction of its own in the draft is no repeat.
    page = draft.read_text(encoding="utf-8")
    assert "Welcome to issue 2 of Customer Experience Weekly." in page
