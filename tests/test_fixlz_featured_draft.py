"""fixlz (walk205 #1): an article recorded with `curator featured add` and added to a draft by
its address is refused by `build --draft`, as an article an earlier issue featured is, with the
same `feature_again:` way out (it was published again with no word)."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixlt_featured_before import DELIGHT, newsletter

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_an_article_featured_before_curator_added_to_a_draft_is_refused(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server)
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run("featured", "add", DELIGHT, "--config", str(config))
    assert code == 0, out + err
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    lines = draft.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[at + 1 : at + 1] = ["", f"## {DELIGHT}", ""]
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    heading = at + 3  # (its line number: 1 first)

    code, out, err = run("build", "--draft", str(draft), "--config", str(config))
    said = said_as_one(out + err)
    assert code == 2, said
    assert f"{draft}:{heading}:" in said, said
    assert "was featured before you moved to curator" in said, said
    assert f"feature_again: [{DELIGHT}]" in said, said
    assert not (config.parent / "output" / "issue-1.json").exists()

    # The way out the message gives: listed in the front matter, it is published on purpose.
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("---\n", f"---\nfeature_again: [{DELIGHT}]\n", 1), "utf-8")
    code, out, err = run("build", "--draft", str(draft), "--config", str(config), "-q")
    assert code == 0, out + err
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    urls = [a["url"] for s in issue["sections"] for a in s["articles"]]
    assert DELIGHT in urls
