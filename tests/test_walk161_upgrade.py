"""walk161: an editor who used an older curator for weeks, then today's, then went back. Through
the CLI, against feeds on a real HTTP server on 127.0.0.1, with a real SQLite store."""

from __future__ import annotations

from pathlib import Path

from test_walk111_copies import featured, newsletter, syndicate

from conftest import LocalServer
from conftest import run_cli as run


def test_build_draft_stops_for_a_story_an_earlier_issue_published_unless_said_again(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk161 #1: `build --draft` of a draft an older curator wrote (before drafts left out
    stories told before) published articles telling the same story (100% shared text) as ones
    issues 2 and 3 published, with no word, where `curator draft` leaves them out. Any draft
    naming one (an address added by hand too) stops, as one naming an article featured before
    does, until `feature_again:` lists it."""
    config = newsletter(tmp_path, http_server, articles=4, size=1)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    (first,) = featured(tmp_path, 1)
    # The draft of issue 2 is written before the copy appears (as by a curator that did not
    # look for stories told before); the editor then adds the copy by its address.
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    (copy,) = syndicate(http_server, [int(first.rsplit("-", 1)[1])])
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    drafted = draft.read_text(encoding="utf-8")
    heading = drafted.index("\n## ", drafted.index("\n# Coffee"))
    draft.write_text(drafted[:heading] + f"\n## {copy}\n" + drafted[heading:], encoding="utf-8")

    code, out, err = run("build", "--config", str(config), "--draft", str(draft))
    flat = " ".join(err.split())
    assert code == 2, (out, err)
    assert f"({copy}) is the same story as" in flat, flat
    assert f"({first}), which issue 1 published" in flat, flat
    assert f"feature_again: [{copy}]" in flat, flat
    assert not (tmp_path / "output" / "issue-2.json").exists()

    # Listed under feature_again:, it is published as the editor says.
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("---\n", f"---\nfeature_again: [{copy}]\n", 1), encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, (out, err)
    assert copy in featured(tmp_path, 2)
