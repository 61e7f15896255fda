"""walk92's findings on curator run unattended (cron, scripts reading --json): the document of a
run that failed after fetching says what it fetched, warnings lost on stderr are in the
document that says it holds them, and "nothing new" is said in --json too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_walk73 import on_read_only_disk

from conftest import REPO, LocalServer, run_cli

FULL = Path("/dev/full")


def with_a_gone_feed(demo: Path, server: LocalServer) -> str:
    """The demo with a feed on the local server that answers 404: one feed fails each run."""
    url = server.url("/gone.xml")
    text = demo.read_text(encoding="utf-8")
    at = text.index("  - url: feeds/brightline.json")
    demo.write_text(f"{text[:at]}  - url: {url}\n    name: Gone\n\n{text[at:]}", encoding="utf-8")
    return url


def document(out: str) -> dict[str, Any]:
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_a_build_that_cannot_write_its_issue_keeps_the_fetch_summary_in_json(
    demo: Path, http_server: LocalServer
) -> None:
    """walk92 #1: `build --json --out <unwritable>` gave only {"error", "exit"}, though it stored
    articles and a feed failed: a script reading "feeds" got a KeyError on the failing run."""
    gone = with_a_gone_feed(demo, http_server)
    out_file = demo.parent / "not-a-folder"
    out_file.write_text("a file where the output folder goes\n", encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(demo), "--json", "-q", "--out", str(out_file))
    assert code == 1, err
    failed = document(out)
    assert failed["exit"] == 1
    # Since fixie #3 the output folder is checked before any feed is read: the run stops with
    # nothing fetched or stored, and says so (a failure after the fetch keeps its summary: the
    # draft's test below).
    assert failed["error"].startswith(f"cannot write issues to {out_file}"), failed
    assert "nothing was" in failed["error"], failed

    code, out, err = run_cli("build", "--config", str(demo), "--json", "-q")
    assert code == 0, err
    built = document(out)
    assert built["issue"] == 1
    assert built["feeds_failed"] == 1 and built["new_articles"] > 0
    assert [f["url"] for f in built["feeds"] if f["status"] == "failed"] == [gone]


def test_a_draft_already_there_keeps_the_fetch_summary_in_json(
    demo: Path, http_server: LocalServer
) -> None:
    """walk92 #1: `draft --json` stopped by the draft already written said only its error."""
    with_a_gone_feed(demo, http_server)
    code, out, err = run_cli("draft", "--config", str(demo), "--json", "-q")
    assert code == 0, err
    drafted = document(out)
    assert drafted["message"].startswith("Draft of issue 1: "), drafted
    # (edited: one as curator wrote it is replaced, walk146 #6)
    path = demo.parent / "drafts" / "issue-1.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMy edit.\n", encoding="utf-8")

    code, out, err = run_cli("draft", "--config", str(demo), "--json", "-q")
    assert code == 1, err
    failed = document(out)
    assert failed["exit"] == 1 and "--force" in failed["error"], failed
    assert failed["issue"] is None and failed["message"] is None
    assert failed["feeds_failed"] == 1 and len(failed["feeds"]) == len(drafted["feeds"])
    assert set(failed) == set(drafted) | {"error", "exit"}


def test_nothing_new_is_said_in_the_json_of_build_and_draft(demo: Path) -> None:
    """walk92 #3: a build --json with nothing new gave "issue": null and no word of why."""
    code, out, err = run_cli("build", "--config", str(demo), "--json", "-q", "--all-subjects")
    assert code == 0, err
    assert document(out)["message"].startswith("Issue 1: "), out
    code, plain, err = run_cli("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0, err
    line = plain.strip()
    assert line.startswith("Nothing new to feature: no issue was written."), plain
    code, out, err = run_cli("build", "--config", str(demo), "--json", "-q", "--all-subjects")
    assert code == 0, err
    again = document(out)
    assert again["issue"] is None and "exit" not in again
    assert again["message"] == line
    code, out, err = run_cli("draft", "--config", str(demo), "--json", "-q", "--no-fetch")
    assert code == 0, err
    assert document(out)["message"].startswith("Nothing new to feature: no draft was written.")


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
def test_render_json_with_stderr_lost_holds_the_warnings_it_says_it_holds(demo: Path) -> None:
    """walk92 #2: `render --all --json 2>/dev/full` said "this document holds the warnings", and
    had no warnings: that issue-1.json was missing and was rendered from the store was lost."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    missing = demo.parent / "output" / "issue-1.json"
    missing.unlink()
    with FULL.open("wb") as stderr:
        done = subprocess.run(
            [sys.executable, "-m", "curator", "render", "--all", "--json", "--config", str(demo)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=stderr,
            timeout=120,
        )
    assert done.returncode == 5
    answer = document(done.stdout.decode())
    assert "this document holds the warnings" in answer["stderr_lost"]
    (warning,) = answer["warnings"]
    assert warning["message"].startswith(f"issue 1: {missing} is missing"), warning


def test_a_store_on_a_read_only_disk_is_read_by_commands_that_only_read(
    demo: Path, tmp_path: Path
) -> None:
    """walk92 #4: with the store on a read-only file system, `themes`, `feeds list`, `subjects
    list` and `backup` stopped (exit 1) because the run's lock file could not be opened. They
    read the store as it is, without the lock file or SQLite's -shm (which could not be made),
    and say it is read-only; a command that changes it still stops, saying why."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    url = next(  # an article to exclude, a change the store cannot take
        line.strip()
        for line in run_cli("subjects", "list", "--config", str(demo))[1].splitlines()
        if line.strip().startswith("https://")
    )
    folder = demo.parent / ".curator"
    store = folder / "curator.db"
    (folder / "curator.db.lock").unlink()
    before = store.read_bytes()
    said = f"curator: the store {store} is on a read-only file system: it is only read"
    for command in (("themes",), ("feeds", "list"), ("subjects", "list"), ("render", "--all")):
        proc = on_read_only_disk(folder, *command, "--config", str(demo))
        assert proc.returncode == 0, (command, proc.stderr)
        assert said in proc.stderr, (command, proc.stderr)
        assert proc.stdout.strip(), command
    copy = tmp_path / "copy.db"
    proc = on_read_only_disk(folder, "backup", str(copy), "--config", str(demo))
    assert proc.returncode == 0, proc.stderr
    assert f"to {copy}: 1 issue(s)" in proc.stdout
    proc = on_read_only_disk(folder, "subjects", "exclude", url, "--config", str(demo))
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1].startswith(
        f"curator: {store}: the store cannot be written to: its folder {folder} is on a read-only"
        " file system"
    ), proc.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["curator.db"]  # no lock, -wal or -shm
    assert store.read_bytes() == before


def test_fetch_and_themes_json_have_warnings_when_there_are_none(demo: Path) -> None:
    """walk157 #5: `fetch --json` had no `warnings` key on a run without any (`build --json`
    always has `"warnings": []`): a script reading it failed only on the quiet days. Every
    document of an object has it, on success and on failure alike."""
    code, out, err = run_cli("fetch", "--config", str(demo), "--json", "-q")
    assert code == 0, err
    fetched = document(out)
    assert fetched["warnings"] == []
    code, out, err = run_cli("themes", "--config", str(demo), "--json")
    assert code == 0, err
    assert document(out)["warnings"] == []
    # Every feed failing: the same keys, plus the error and its exit code.
    text = demo.read_text(encoding="utf-8")
    feeds = text.index("\nfeeds:\n")
    settings = text.index("\nsettings:", feeds)
    demo.write_text(
        f"{text[:feeds]}\nfeeds:\n  - url: feeds/gone.xml\n{text[settings:]}", encoding="utf-8"
    )
    code, out, err = run_cli("fetch", "--config", str(demo), "--json", "-q")
    failed = document(out)
    assert code != 0 and "error" in failed, (code, out, err)
    assert set(failed) == set(fetched) | {"error", "exit"}
