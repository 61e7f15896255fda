"""fixie #2: a draft of every subject left a subject with nothing this week out without a word
in the draft (only the command's summary said why); the draft now says, in a comment at its end,
which subjects have nothing this week, why, and how to feature an article under one."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

BASICS = "The basics of customer experience"
MEASURING = "Measuring the customer experience"


def test_a_draft_says_which_subjects_have_nothing_this_week_and_why(demo: Path) -> None:
    config = str(demo)
    code, _, err = run_cli("fetch", "--config", config, "-q")
    assert code == 0, err
    for url in (
        "https://supportdesk-review.example/metrics/csat-nps-ces-compared",
        "https://brightline.example/blog/choosing-cx-metrics",
    ):
        code, _, err = run_cli("subjects", "exclude", "--config", config, url, "-q")
        assert code == 0, err
    code, _, err = run_cli("build", "--config", config, "--no-fetch", "--subject", BASICS, "-q")
    assert code == 0, err
    code, _, err = run_cli("draft", "--config", config, "--no-fetch", "-q")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    assert f"# {BASICS}\n" not in text and f"# {MEASURING}\n" not in text
    assert (
        "<!-- Nothing was placed under these subjects this week, so this draft has no section for"
        f" them:\n- {BASICS}: all 4 that fit it were featured before\n- {MEASURING}: no article"
        " fits it (`curator subjects explain URL` of an article that belongs there says why;"
        f" `curator subjects move URL '{MEASURING}'` teaches curator)\nTo feature an article"
        ' under one all the same, write its "# Subject" heading above\nthe end of the draft'
        ' and the article\'s "## https://..." line under it. -->\n'
    ) in text, text
    # the note is a comment: the draft builds as it is
    code, _, err = run_cli("build", "--config", config, "--draft", str(draft), "-q")
    assert code == 0, err
    issue = json.loads((demo.parent / "output" / "issue-2.json").read_text(encoding="utf-8"))
    assert [s["subject"] for s in issue["sections"]] == [
        "Service operations",
        "Voice of the customer",
    ]
