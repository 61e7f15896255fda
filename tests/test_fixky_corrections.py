"""fixky (walk199 #2, #3, #6): after the editor edits an issue's issue-N.json, `curator render N`
says what changed and why, feed.xml marks the entries README says it marks, and a subject left
with no article is in no output."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_crash import serve_demo

from conftest import LocalServer, copy_demo, said_as_one
from conftest import run_cli as run


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    served = LocalServer().start()
    try:
        yield served
    finally:
        served.stop()


def newsletter(tmp_path: Path, server: LocalServer, issues: int = 2) -> Path:
    """The demo's feeds and pages served on 127.0.0.1, every subject in each issue, two articles
    a subject: `issues` issues built (issue 1 has four subjects); its feeds.yaml."""
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    start, end = text.index("\nthemes:\n"), text.index("\n# --- Feeds")
    text = (text[:start] + text[end:]).replace("issue_size: 4", "issue_size: 2")
    for stem, url in serve_demo(server).items():
        text = text.replace(f"url: feeds/{stem}.", f"url: {url} #", 1)
    text = text.replace("settings:\n", "settings:\n  allow_private_addresses: true\n", 1)
    config.write_text(text, encoding="utf-8")
    for number in range(1, issues + 1):
        code, _, err = run("build", "--config", str(config), "-q")
        assert code == 0 and (config.parent / "output" / f"issue-{number}.html").exists(), err
    return config


def edit(config: Path, number: int, change: Any) -> None:
    """Edit output/issue-N.json as an editor does: `change` changes its data."""
    path = config.parent / "output" / f"issue-{number}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def render(config: Path, number: int) -> str:
    code, out, err = run("render", str(number), "--config", str(config))
    said = said_as_one(out + err)
    assert code == 0, said
    return said


def entry_times(config: Path) -> dict[int, tuple[str, str]]:
    """Each issue's (<published>, <updated>) in output/feed.xml."""
    feed = (config.parent / "output" / "feed.xml").read_text(encoding="utf-8")
    times = {}
    for entry in re.findall(r"<entry>.*?</entry>", feed, flags=re.S):
        number = int(re.findall(r"issue-(\d+)\.html", entry)[0])
        published = re.findall(r"<published>([^<]*)</published>", entry)[0]
        updated = re.findall(r"<updated>([^<]*)</updated>", entry)[0]
        times[number] = (published, updated)
    return times


def test_a_correction_the_store_keeps_no_record_of_is_said_as_the_editors(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk199 #2: a change to issue-1.json that the store keeps no record of (the walker
    deleted an emptied subject section; here the sections put in another order) was said to read
    otherwise "though nothing in its issue-1.json was corrected: it was rendered with this
    curator's templates", with the advice to put the files back from a backup, over the
    editor's own correction."""
    config = newsletter(tmp_path, server)
    edit(config, 1, lambda d: d["sections"].reverse())
    said = render(config, 1)
    assert "nothing in its issue-1.json was corrected" not in said, said
    assert "though no issue-N.json was corrected" not in said, said
    assert "from your backup" not in said, said
    assert (
        "Issue 1 reads otherwise than before in issue-1.html, issue-1.fragment.html, issue-1.md,"
        " issue-1.email.html, issue-1.txt, index.html, feed.xml: it is published as its"
        " issue-1.json reads now, which you edited since curator last wrote it"
    ) in said, said
    # rendered again untouched, it is the file curator wrote: nothing to say
    said = render(config, 1)
    assert "reads otherwise" not in said and "none changed" in said, said


def test_a_subject_section_emptied_then_deleted_is_never_said_to_be_the_templates(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk199 #2, as the walker met it: a subject's only article cut ("articles": []), `render
    1`, then that section deleted and `render 1` again."""
    config = newsletter(tmp_path, server)
    subject = "Service operations"

    def empty(data: dict[str, Any]) -> None:
        for sec in data["sections"]:
            if sec["subject"] == subject:
                sec["articles"] = []

    edit(config, 1, empty)
    render(config, 1)
    edit(
        config,
        1,
        lambda d: d.update(sections=[s for s in d["sections"] if s["subject"] != subject]),
    )
    said = render(config, 1)
    assert "nothing in its issue-1.json was corrected" not in said, said
    assert "from your backup" not in said, said
    assert subject not in (config.parent / "output" / "issue-1.html").read_text("utf-8")


def test_an_issue_repaired_comes_back_to_the_archive_said_so(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk199 #2: issue 1's "authors" written "x" (a build leaves it out of the archive), then
    repaired: `render 1` said "The archive page index.html reads otherwise than before, though no
    issue-N.json was corrected" and to put it back from a backup; README: its entry "comes back
    marked updated, at the render's time"."""
    config = newsletter(tmp_path, server, issues=1)
    out = config.parent / "output"
    good = (out / "issue-1.json").read_text(encoding="utf-8")
    edit(config, 1, lambda d: d["sections"][0]["articles"][0].update(authors="x"))
    code, stdout, err = run("build", "--config", str(config))
    said = said_as_one(stdout + err)
    assert code == 0 and "issue-1.json: left out of the archive" in said, said
    assert 1 not in entry_times(config)
    (out / "issue-1.json").write_text(good, encoding="utf-8")
    said = render(config, 1)
    assert "though no issue-N.json was corrected" not in said, said
    assert "put it back from your backup" not in said, said
    assert (
        "The archive page index.html lists issue(s) 1 again, and feed.xml holds its entry again:"
        " a build had left it out while its issue-N.json could not be read, repaired since."
    ) in said, said
