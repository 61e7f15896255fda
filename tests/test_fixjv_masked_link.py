"""walk189 #6: `curator render 1` after an older curator's issue 1 gave a link with
`user:password@` (in issue-1.json and in every edition): it said "issue-1.json changed" and
"though nothing in its issue-1.json was corrected", blaming the templates, and advised putting the
files back from a backup, which would publish the password again. It now says what it did: the
links written without the user name and password (and the templates, when they changed more),
and that a backup would bring the password back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fixji_old_issue_links import PAGE, STORED, _as_an_older_curator_left_it

from conftest import run_cli, said_as_one

EDITIONS = (
    "issue-1.html",
    "issue-1.fragment.html",
    "issue-1.email.html",
    "issue-1.md",
    "issue-1.txt",
)


@pytest.mark.parametrize("older_words", [False, True], ids=["link-only", "older-templates"])
def test_render_says_it_wrote_links_without_the_password_and_advises_no_backup(
    themed_demo: Path, older_words: bool
) -> None:
    config = str(themed_demo)
    output = _as_an_older_curator_left_it(themed_demo)
    # Every edition as the older curator wrote it: the link with its user name and password.
    for name in EDITIONS:
        path = output / name
        text = path.read_text(encoding="utf-8")
        assert PAGE in text, name
        path.write_text(text.replace(PAGE, STORED), encoding="utf-8")
    if older_words:  # (and the older curator's words: its text edition read otherwise too)
        path = output / "issue-1.txt"
        path.write_text(path.read_text("utf-8") + "\nAn older curator's last line.\n", "utf-8")

    code, out, err = run_cli("render", "1", "--config", config)
    assert code == 0, err
    said = said_as_one(out)
    assert "s3cret" not in out + err
    assert "nothing in its issue-1.json was corrected" not in said, said
    assert "backup of the output folder" not in said, said
    why = (
        "its links that named a user and password before the site (as the warning above says)"
        " are written without them now"
    )
    if older_words:
        assert f"issue-1.txt: {why}, and it was rendered with this curator's templates" in said
    else:
        assert f"issue-1.txt only where {why}." in said, said
    assert "Keep these files so: a backup of them would publish the password again." in said
    for path in output.iterdir():
        assert "s3cret" not in path.read_text(encoding="utf-8"), path
    code, out, err = run_cli("render", "1", "--config", config, "--json")
    assert code == 0, err
    assert json.loads(out)["links_without_user"] == []  # (written so now: nothing to say again)
