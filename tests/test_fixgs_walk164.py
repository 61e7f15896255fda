"""walk164 N4-N7: what curator says must name what the editor will find, and lead somewhere: the
line of an old template copy to replace, a store put back from a backup older than the last
issue, a feed that moved past what was stored, old issues rendered anew by today's templates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import copy_demo, said_as_one
from conftest import run_cli as run
from curator.render import builtin_templates


def test_an_old_issue_md_copy_is_told_the_text_it_holds(
    published_demo: Path, tmp_path: Path
) -> None:
    """N4: the advice for a copy of issue.md made before Markdown blurbs named `{{ entry.blurb }}`,
    which the copy does not hold: it writes `{{ entry.blurb | md_text }}`. The advice quotes the
    copy's own text, with its line, and the text to write in its place."""
    shutil.copytree(published_demo.parent, tmp_path / "nl")
    config = tmp_path / "nl" / "feeds.yaml"
    out = config.parent / "output"
    data = json.loads((out / "issue-1.json").read_text("utf-8"))
    first = data["sections"][0]["articles"][0]
    first["blurb"] = "See the study <https://s.example/study> on queues."
    first["blurb_markdown"] = "See [the study](https://s.example/study) on *queues*."
    (out / "issue-1.json").write_text(json.dumps(data), "utf-8")
    own = (builtin_templates() / "issue.md").read_text("utf-8")
    now = "{{ entry.blurb_markdown | md_intro if entry.blurb_markdown else entry.blurb | md_text }}"
    assert now in own
    old = own.replace(now, "{{ entry.blurb | md_text }}")
    line = old[: old.index("{{ entry.blurb | md_text }}")].count("\n") + 1
    folder = config.parent / "old"
    folder.mkdir()
    (folder / "issue.md").write_text(old, "utf-8")
    code, _, err = run("render", "--config", str(config), "1", "--templates", str(folder))
    said = said_as_one(err)
    assert code == 0, said
    assert (
        f"{folder / 'issue.md'}: this copy of curator's issue.md was made before blurbs could"
        " hold links and emphasis"
    ) in said, said
    assert f"replace `{{{{ entry.blurb | md_text }}}}` (line {line}) with `{now}`" in said, said
    # The advice, followed, publishes the link as a link
    (folder / "issue.md").write_text(old.replace("{{ entry.blurb | md_text }}", now), "utf-8")
    code, _, err = run("render", "--config", str(config), "1", "--templates", str(folder))
    assert code == 0, err
    assert "made before blurbs could hold" not in said_as_one(err)
    assert "[the study](https://s.example/study)" in (out / "issue-1.md").read_text("utf-8")
