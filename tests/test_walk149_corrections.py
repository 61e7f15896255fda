"""walk149, as the editor sees it correcting published issues through output/issue-N.json and
`curator render N`: editions `outputs:` no longer lists kept the old text unsaid (#5); a JSON
credit `X || Y` was published whole (#8); an edit of `blurb_markdown` alone was said to be one of
`blurb` too (#13); the Gmail warning counted an article past the cut as seen (#14)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import said_as_one
from conftest import run_cli as run


def _edit(config: Path, number: int, change: Any) -> Path:
    path = config.parent / "output" / f"issue-{number}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_editions_outputs_no_longer_lists_are_said_out_of_date(demo: Path) -> None:
    """#5: after `outputs: [html, json, index, feed, text]`, `render 1` of a corrected title
    left issue-1.email.html, .fragment.html and .md with the old title, unsaid."""
    assert run("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("settings:\n", "settings:\n  outputs: [html, json, index, feed, text]\n", 1),
        encoding="utf-8",
    )
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0 and "out of date" not in err  # (nothing corrected: they say the same)

    def retitle(data: dict[str, Any]) -> None:
        data["title"] = "Corrected title"

    _edit(demo, 1, retitle)
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0
    assert "Corrected title" in (out / "issue-1.html").read_text(encoding="utf-8")
    assert "Corrected title" not in (out / "issue-1.md").read_text(encoding="utf-8")
    assert (
        f"issue 1: issue-1.fragment.html, issue-1.md, issue-1.email.html in {out} are out of"
        " date: `outputs:` in feeds.yaml no longer lists them, so render did not write them,"
        " and they still say what the issue said when last written, not what it says now; add"
        " them back to `outputs:` and render again, or delete them so that no reader gets the"
        " old text"
    ) in said_as_one(err)
