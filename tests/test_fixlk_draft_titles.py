"""walk200 #3: a title the editor corrected in a draft's `## Title` heading went back to the
feed's, without a word, when a later issue featured the article again; one corrected in
issue-N.json was carried. A draft's own heading is now the editor's correction, carried and said
as issue-N.json's is. (walk200 #9, a heading left as curator wrote it following the feed, is
tests/test_walk150.py.) Through the CLI, against a feed and pages on 127.0.0.1."""

from __future__ import annotations

import re
from pathlib import Path

from test_fixkx_corrections import _feature_again, _published
from test_walk126_stored import first_issue

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_a_title_corrected_in_a_drafts_heading_is_carried_when_featured_again(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path, _ = first_issue(tmp_path, http_server)
    out = tmp_path / "output"
    code, _, err = run("draft", "--config", str(path), "--all-subjects", "--no-fetch")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    heading = re.search(r"^## (?!\w+://)(.+)$", text, re.M)
    assert heading is not None, text
    was = heading.group(1)
    draft.write_text(text.replace(f"## {was}\n", "## The editor's own headline\n", 1), "utf-8")
    code, _, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    url = next(
        u for u, a in _published(out, 2).items() if a["title"] == "The editor's own headline"
    )
    # the issue that corrected it says nothing of a correction "in issue 2" of itself
    assert "is published as you corrected it in issue 2" not in said_as_one(err), err

    subject = re.search(r"^# (.+)$", text, re.M)
    assert subject is not None
    again = _feature_again(tmp_path, 3, [url], subject.group(1))
    code, _, err = run("build", "--config", str(path), "--draft", str(again))
    assert code == 0, err
    assert _published(out, 3)[url]["title"] == "The editor's own headline"
    html = (out / "issue-3.html").read_text(encoding="utf-8")
    assert was not in html
    assert (
        f'the title of "The editor\'s own headline" ({url}) is published as you corrected it in'
        f' issue 2, not as its page or feed gives it ("{was}")'
    ) in said_as_one(err), err
