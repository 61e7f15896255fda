"""Temporary files a killed run left in the output folder (walk174 #6).

A killed `render --record` left `.issue-2.*.tmp` files; render's note said "the next curator
build removes them", but a build removed only its own issue's, so they stayed through every
later build (and were uploaded with the folder). A build now removes every temporary file of
curator's in the output folder once it has published (it holds the run lock: no other run is
writing there), and says so.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, said_as_one


def test_a_build_removes_the_temporary_files_another_issue_s_killed_run_left(
    themed_demo: Path,
) -> None:
    config = str(themed_demo)
    code, _, err = run_cli("build", "--config", config, "-q")
    assert code == 0, err
    out = themed_demo.parent / "output"
    left = [
        ".issue-1.html.k3j_x9q2.tmp",
        ".issue-1.json.0a1b2c3d.tmp",
        ".index.html.0123456789ab.old.tmp",
    ]
    for name in left:
        (out / name).write_text("<html>half an issue", encoding="utf-8")
    (out / ".htaccess").write_text("Options -Indexes\n", encoding="utf-8")  # the editor's own
    code, _, err = run_cli("build", "--no-fetch", "--config", config)
    assert code == 0, err
    assert (out / "issue-2.html").exists()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".htaccess"]
    said = said_as_one(err)
    # (the archive page's own, removed as the build wrote index.html, is named too: fixia)
    assert (
        f"removed the temporary files {', '.join(sorted(left))} from {out}: a curator run"
        " stopped while it wrote (killed, or the machine went down) had left them"
    ) in said
