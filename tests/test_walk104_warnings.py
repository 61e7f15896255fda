"""walk104's findings on grouped warnings and the advice of a plain build's warnings."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import newsletter
from test_walk90 import page

from conftest import LocalServer
from conftest import run_cli as run

WORDS = [
    "Hotels",
    "Banks",
    "Airlines",
    "Grocers",
    "Clinics",
    "Telcos",
    "Insurers",
    "Retailers",
    "Utilities",
    "Schools",
    "Councils",
    "Garages",
    "Cinemas",
    "Bakeries",
]


def _no_author(title: str) -> str:
    return page(title).replace("<p class='byline'>By Oscar Pike</p>", "")


def _fourteen_without_author_and_one_disputed(tmp_path: Path, server: LocalServer) -> Path:
    items = [
        (
            f"{w} answer support tickets within the hour",
            "",
            _no_author(f"{w} answer support tickets within the hour"),
        )
        for w in WORDS
    ]
    disputed = "Refund desks learn to say yes"
    items.insert(5, (disputed, "<dc:creator>Jane Roe</dc:creator>", page(disputed)))
    return newsletter(tmp_path, server, items)


def test_a_disputed_credit_is_said_in_full_among_many_notes_of_no_author(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk104 #4: 14 "no author was found" notes and one whose feed and page name different
    people were said as 3 notes and "and 12 more notes on credits, said alike": "Jane Roe" was
    never printed. Only notes saying the same are counted away."""
    config = _fourteen_without_author_and_one_disputed(tmp_path, http_server)
    code, _out, err = run("build", "--config", str(config))
    assert code == 0, err
    lines = err.splitlines()
    disputed = [line for line in lines if "Refund desks learn to say yes" in line]
    assert len(disputed) == 1, err
    assert "Jane Roe" in disputed[0] and "Oscar Pike" in disputed[0], err
    no_author = [line for line in lines if "no author was found" in line]
    assert len(no_author) == 3, err
    assert (
        "curator: warning: and 11 more notes on credits, said alike (a run with --json lists"
        " every one in its document)" in lines
    ), err


def test_a_plain_builds_credit_advice_works_pasted(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk104 #5: a plain build's notes on credits advised `curator build --draft DRAFT
    --config ...`, which pasted failed "DRAFT: cannot read the draft". They name the draft
    `curator draft` writes for the next issue, and both commands work as printed; and first
    (walk107: the issue is published by then) how to correct this one, which works too."""
    import re
    import shlex

    first = "Hotels answer support tickets within the hour"
    config = newsletter(tmp_path, http_server, [(first, "", _no_author(first))])
    code, _out, err = run("build", "--config", str(config))
    assert code == 0, err
    assert "DRAFT" not in err, err
    note = next(line for line in err.splitlines() if "no author was found" in line)
    draft = config.parent / "drafts" / "issue-2.md"
    commands = re.findall(r"`(curator [^`]*)`", note)
    assert commands == [
        f"curator render 1 --config {config}",
        f"curator draft --config {config}",
        f"curator build --draft {draft} --config {config}",
    ], note
    issue_json = config.parent / "output" / "issue-1.json"
    assert f'its "authors" or "publication" in {issue_json}, then `curator render 1' in note
    data = json.loads(issue_json.read_text(encoding="utf-8"))
    data["sections"][0]["articles"][0]["authors"] = ["Ana Ruiz"]
    issue_json.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = run(*shlex.split(commands.pop(0))[1:])
    assert code == 0, err
    assert "Ana Ruiz" in (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert f"`curator draft --config {config}` (which writes {draft})" in note, note

    second = "Banks answer support tickets within the hour"
    newsletter(
        tmp_path, http_server, [(first, "", _no_author(first)), (second, "", _no_author(second))]
    )
    for command in commands:
        code, _out, err = run(*shlex.split(command)[1:])
        assert code == 0, (command, err)
    assert draft.exists()
    assert second in (config.parent / "output" / "issue-2.md").read_text()


def test_the_weak_fit_advice_names_the_draft_and_works_pasted(
    themed_demo: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk104 #5: the note of articles fitting a subject only weakly advised `curator build
    --draft DRAFT`. A draft names itself; the build it advises publishes it as printed."""
    import re
    import shlex

    from conftest import add_sport_feed

    demo = themed_demo
    add_sport_feed(demo, corpus, http_server, stories=40)
    demo.write_text(demo.read_text(encoding="utf-8").replace("issue_size: 4", "issue_size: 5"))
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, _out, err = run("draft", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    assert "DRAFT" not in err, err
    note = " ".join(err.split())
    note = note[note.index("fitting the subject only weakly") :]
    draft = demo.parent / "drafts" / "issue-1.md"
    build = f"curator build --draft {draft} --config {demo}"
    assert f"cut it in the draft ({draft}; `{build}` publishes it)" in note, note
    assert re.findall(r"`(curator build [^`]*)`", note)[0] == build
    code, _out, err = run(*shlex.split(build)[1:])
    assert code == 0, err
    assert (demo.parent / "output" / "issue-1.md").exists()
