"""curator from cron and scripts, rechecked (walk56): a draft that cannot be written, --wait on
every command that waits for another run, advice that pastes with the run's --config, usage
mistakes answered in JSON, and what exit 5 says of a command that changed nothing."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import REPO, run_cli


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`path` made unwritable: chmod for a user, `chattr +i` for root (who writes through
    chmod); skipped where neither holds."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not allowed here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def one_json(out: str) -> dict[str, object]:
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


# -- #1: a draft that cannot be written -------------------------------------------------------


def test_a_draft_where_drafts_is_a_file_says_so_in_one_line_and_json(demo: Path) -> None:
    drafts = demo.parent / "drafts"
    drafts.write_text("not a folder\n")
    code, out, err = run_cli("draft", "--config", str(demo), "--json", "-q")
    assert code == 1, err
    assert "Traceback" not in err and "FileExistsError" not in err
    [line] = err.strip().splitlines()
    assert line.startswith(f"curator: cannot write the draft {drafts / 'issue-1.md'}: ")
    assert f"{drafts} is a file, not a folder; no draft was written" in line
    assert "move that file away" in line
    answer = one_json(out)  # the draft's document, with the error (walk92 #1)
    assert (answer["error"], answer["exit"], answer["issue"]) == (
        line.removeprefix("curator: "),
        1,
        None,
    )


def test_a_draft_force_over_a_read_only_draft_says_so_in_one_line_and_json(demo: Path) -> None:
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    before = path.read_text()
    with immutable(path):
        code, out, err = run_cli("draft", "--config", str(demo), "--json", "-q", "--force")
    assert code == 1, err
    assert "Traceback" not in err and "PermissionError" not in err
    [line] = err.strip().splitlines()
    assert line.startswith(f"curator: cannot write the draft {path}: ")
    assert "no draft was written" in line and "writable for your user" in line
    assert one_json(out)["exit"] == 1
    assert path.read_text() == before


def test_a_draft_into_a_read_only_drafts_folder_says_so_in_one_line(demo: Path) -> None:
    drafts = demo.parent / "drafts"
    drafts.mkdir()
    with immutable(drafts):
        code, out, err = run_cli("draft", "--config", str(demo), "--json", "-q")
    assert code == 1, err
    [line] = err.strip().splitlines()
    assert line.startswith(f"curator: cannot write the draft {drafts / 'issue-1.md'}: ")
    assert f"make {drafts} writable for your user" in line
    assert one_json(out)["exit"] == 1


# -- #2: every command that waits for another run takes --wait ---------------------------------


@contextmanager
def store_in_use(demo: Path) -> Iterator[Path]:
    """The demo's store held by "another run": its lock file locked, naming pid 4242."""
    import fcntl

    store = demo.parent / ".curator" / "curator.db"
    with open(store.with_name(store.name + ".lock"), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        handle.seek(0)
        handle.truncate()
        handle.write("4242")
        handle.flush()
        yield store


@pytest.mark.parametrize(
    "command",
    [
        ("themes",),
        ("subjects", "exclude", "https://example.com/x"),
        ("subjects", "list"),
        ("subjects", "explain", "https://example.com/x"),
        ("subjects", "uncertain"),
    ],
)
def test_commands_that_wait_for_another_run_take_the_wait_they_advise(
    demo: Path, command: tuple[str, ...]
) -> None:
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    with store_in_use(demo) as store:
        code, out, err = run_cli(*command, "--config", str(demo), "--wait", "0.3", "--json")
    assert code == 1, err
    assert err.splitlines() == [
        f"curator: another curator run (pid 4242) is using {store}: waiting for it to finish"
        " (up to 0.3 s; --wait SECONDS to change)",
        f"curator: another curator run is using {store} (pid 4242); waited 0.3 s for it; wait"
        " for it to finish, then run again (or give --wait more seconds)",
    ]
    assert one_json(out)["exit"] == 1


# -- #4: a usage mistake with --json is answered in JSON ---------------------------------------


def test_build_draft_json_a_usage_mistake_is_answered_in_json(demo: Path) -> None:
    code, out, err = run_cli("build", "--config", str(demo), "--draft", "--json")
    assert code == 2
    [line] = err.strip().splitlines()
    assert line.startswith("curator: --draft takes the draft's file, and got the option --json")
    assert one_json(out) == {"issue": None, "error": line.removeprefix("curator: "), "exit": 2}
    assert not (demo.parent / ".curator").exists()  # said before anything was read or made


# -- #5: a lost report of a command that changes nothing: run it again ---------------------------

FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "command", [("themes",), ("feeds", "list"), ("subjects", "list"), ("feeds", "export")]
)
def test_a_read_only_command_whose_report_is_lost_says_to_run_it_again(
    demo: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    err = tmp_path / "err"
    with FULL.open("wb") as out, err.open("wb") as stderr:
        done = subprocess.run(
            [sys.executable, "-m", "curator", *command, "--config", str(demo)],
            cwd=REPO,
            stdout=out,
            stderr=stderr,
            timeout=120,
        )
    assert done.returncode == 5, err.read_text()
    assert err.read_text().splitlines()[-1] == (
        "curator: could not write the report to stdout (/dev/full): No space left on device;"
        " this command changes nothing, so run it again for the report (with stdout where"
        " there is room)"
    )


# -- #3: the commands curator advises carry the run's --config ---------------------------------


def advised_commands(text: str) -> list[list[str]]:
    """Each command curator advises in backticks in `text`, as the shell splits it."""
    return [shlex.split(c) for c in text.split("`")[1::2] if c.startswith("curator ")]


def test_the_advice_after_init_elsewhere_pastes_in_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("init", "Résumé news")
    assert code == 0, err
    build = shlex.split(out.splitlines()[-1].split("then run: ", 1)[1])
    assert build == ["curator", "build", "--config", "Résumé news/feeds.yaml"]
    code, out, err = run_cli(*build[1:])
    assert code == 2
    assert (
        "no feeds yet; add one with `curator feeds add URL --config 'Résumé news/feeds.yaml'`"
        in err
    )
    commands = [c for c in advised_commands(err) if c[1] != "init"]  # (init takes a folder)
    assert commands and all(c[-2:] == ["--config", "Résumé news/feeds.yaml"] for c in commands)
    add = commands[0]
    url = "https://example.com/feed.xml"
    code, out, err = run_cli(*[url if a == "URL" else a for a in add[1:]], "--no-check")
    assert code == 0, err
    assert url in (tmp_path / "Résumé news" / "feeds.yaml").read_text(encoding="utf-8")


def test_advice_in_warnings_and_results_carries_the_config_the_default_does_not(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(demo.parent.parent)
    relative = Path(demo.parent.name) / demo.name
    code, out, err = run_cli("draft", "--config", str(relative), "-q", "--all-subjects")
    assert code == 0, err
    last = out.splitlines()[-1]
    assert last.endswith(
        f"curator build --draft {demo.parent / 'drafts' / 'issue-1.md'} --config {relative}"
    )
    # A plain build over the edited draft names the draft's build, with the config too.
    draft = demo.parent / "drafts" / "issue-1.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(relative), "-q", "--all-subjects")
    assert code == 1
    [command] = [c for c in advised_commands(err) if c[:3] == ["curator", "build", "--draft"]]
    assert command[-2:] == ["--config", str(relative)]
    # Run in the newsletter's own folder with its feeds.yaml, the advice is as it was.
    monkeypatch.chdir(demo.parent)
    code, out, err = run_cli("build", "-q", "--all-subjects")
    assert code == 1
    assert all("--config" not in c for c in advised_commands(err)), err
