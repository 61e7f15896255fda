"""The last leftovers of lost stores and killed runs (brief fixia, from CLOSING18's "Stores and
drafts" and walk174), each through the CLI with the real demo, a real SQLite store and the real
templates:

1. `build` and `draft` with the newsletter's own store missing while output/ holds issues made an
   empty store before they stopped (with another reason than `fetch` gives);
2. `feeds list` with the store missing called every feed "never fetched" and said nothing of the
   published issues;
3. the build's note on the temporary files it removed left out those of the files it wrote
   (`.latest.html.*.tmp`: 12 of 13 named);
4. walk174's second Minor: after a killed build, `curator draft` wrote a new draft of issue 2
   without a word of the unrecorded issue-2 files and latest.html the killed build left.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from test_walk73 import KILLED_AFTER_RENAME  # (curator killed right after it renames)

from conftest import REPO, run_cli, said_as_one


def test_a_missing_store_beside_published_issues_stops_build_draft_and_feeds_list(
    demo: Path,
) -> None:
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    folder = demo.parent
    store = folder / ".curator" / "curator.db"
    shutil.move(folder / ".curator", folder.parent / "elsewhere")
    published = f"no store at {store}, but {folder / 'output'} holds issue 1 published"

    # 2. `feeds list` (and `feeds check`) say the store is missing, as the other reports do.
    for command in ("list", "check"):
        code, out, err = run_cli("feeds", command, "--config", str(demo))
        said = said_as_one(err)
        assert code == 1, out
        assert published in said
        assert "never fetched" not in out
        assert f"put the store back at {store}" in said

    # 1. `build` and `draft` stop as `fetch` does, before the store is made.
    code, out, err = run_cli("build", "--no-fetch", "--config", str(demo), "-q")
    said = said_as_one(err)
    assert code == 1, out
    assert published in said and "Nothing was published." in said
    assert "`curator render --record" in said
    code, out, err = run_cli("draft", "--no-fetch", "--config", str(demo), "-q")
    said = said_as_one(err)
    assert code == 1, out
    assert published in said and "No draft was written." in said
    # No file is left behind: no store (nor its folder), no draft, no issue 2.
    assert not (folder / ".curator").exists()
    assert not list(folder.glob("drafts/*.md"))
    assert not (folder / "output" / "issue-2.html").exists()
    # And `fetch` still gives the same reason, not another store's (none was made to mislead it).
    code, _, err = run_cli("fetch", "--config", str(demo), "-q")
    assert code == 1 and published in said_as_one(err)


def test_after_a_killed_build_draft_names_its_files_and_the_build_names_every_temp_removed(
    themed_demo: Path,
) -> None:
    config = str(themed_demo)
    out = themed_demo.parent / "output"
    code, _, err = run_cli("build", "--config", config, "-q")
    assert code == 0, err
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_RENAME, "build", "--config", config, "--no-fetch"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == 137, killed.stderr
    assert (out / "issue-2.html").exists() and (out / "latest.html").exists()

    # 4. The draft of issue 2 says what the killed build left in output/: since fixlv, it
    # records that issue 2 (readers may have seen it) and writes no draft of another issue 2.
    code, stdout, err = run_cli("draft", "--no-fetch", "--config", config)
    assert code == 6, err
    said = said_as_one(err)
    assert f"issue 2 was in place in {out} (readers may have seen it)" in said
    assert "no draft was written; to draft issue 3, run `curator draft" in said
    assert not list(out.parent.glob("drafts/issue-*.md"))

    # 3. The build names every temporary file it removed: the killed build's old copies of
    # latest.html, index.html and feed.xml (removed as it writes them), and another run's.
    (out / ".issue-1.html.k3j_x9q2.tmp").write_text("<html>half an issue", encoding="utf-8")
    (out / ".latest.html.ab12cd34.tmp").write_text("<html>half an issue", encoding="utf-8")
    temps = sorted(p.name for p in out.glob(".*.tmp"))
    assert len(temps) == 2
    code, stdout, err = run_cli("build", "--no-fetch", "--config", config)
    assert code == 0, err
    assert stdout.startswith("Issue 3: ")
    assert (
        f"removed the temporary files {', '.join(temps)} from {out}: a curator run stopped while"
        " it wrote (killed, or the machine went down) had left them"
    ) in said_as_one(err)
    assert not list(out.glob(".*.tmp"))
