"""fixky (walk197 #8): issue-1.json corrected and `utm_*` settings added, then `render 1`: each
cause of what changed is named once, the correction and the settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_fixky_corrections import edit, newsletter, render, server

from conftest import LocalServer

__all__ = ["server"]


def _corrected(data: dict[str, Any]) -> None:
    article = data["sections"][0]["articles"][0]
    article.update(title="A Corrected Title", blurb="A corrected blurb.")


def test_a_correction_and_new_link_settings_are_each_said(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk197 #8: `render 1` said "The archive's feed.xml reads otherwise than before, though no
    issue-N.json was corrected" right after saying the corrected issue-1.json was published,
    and not that issue-1.html's article links now carry utm tags they were published without."""
    config = newsletter(tmp_path, server)
    edit(config, 1, _corrected)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("newsletter:\n", "newsletter:\n  utm_source: cxweekly\n", 1), encoding="utf-8"
    )
    said = render(config, 1)
    out = config.parent / "output"
    assert "utm_source=cxweekly" in (out / "issue-1.html").read_text(encoding="utf-8")
    assert "was corrected" not in said, said
    assert '"title" and "blurb" as corrected in' in said, said
    assert (
        "Issue 1's links in issue-1.html, issue-1.fragment.html, issue-1.md, issue-1.email.html,"
        " issue-1.txt are written with feeds.yaml's link settings of today too, which changed"
        " since it was last written (utm_source: (none) \u2192 cxweekly)."
    ) in said, said
    assert (
        "The archive's feed.xml reads otherwise than before, for issue(s) 1 as corrected in"
        " issue-N.json, and as its links are written with feeds.yaml's link settings of today"
    ) in said, said
