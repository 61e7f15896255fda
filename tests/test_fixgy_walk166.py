"""walk166 (two newsletters on one machine, awkward paths and zones), findings 4-9: a draft's date
written with its offset, subject names in another Unicode form, curator run from a newsletter's
drafts/ folder, commands quoted in messages that did not run, the C locale, and wording."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from test_walk124 import _draft_dated

from conftest import run_cli, said_as_one


@pytest.fixture
def west_of_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """curator runs at UTC-12 (as a build in Los Angeles is west of the draft's Auckland)."""
    monkeypatch.setenv("TZ", "<ZZZ>+12")  # (POSIX: the sign is west of Greenwich)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_date_written_with_its_offset_is_a_moment(themed_demo: Path, west_of_utc: None) -> None:
    """#4: `date: 2026-12-07T09:00:00+13:00` (past as a moment) built at UTC-8 was "dated
    2026-12-07, after today", and "before issue 3 ... different time zones ... set TZ in the
    crontab", advice for a run's zone, not a time the editor wrote."""
    now = datetime.now(UTC).replace(microsecond=0)
    # Issue 1 at a time half an hour ago, written in UTC.
    first = _draft_dated(themed_demo, 1, f"date: {(now - timedelta(minutes=30)).isoformat()}")
    code, _, err = run_cli("build", "--config", str(themed_demo), "--draft", str(first), "-q")
    assert code == 0, err
    # Issue 2 an hour ago, written at +13:00: its day there is tomorrow or later here (UTC-12).
    written = (now - timedelta(hours=1)).astimezone(timezone(timedelta(hours=13)))
    second = _draft_dated(themed_demo, 2, f"date: {written.isoformat()}")
    code, _, err = run_cli("build", "--config", str(themed_demo), "--draft", str(second), "-q")
    assert code == 0, err
    said = said_as_one(err)
    assert "after today" not in said and "still to come" not in said, said
    assert "crontab" not in said and "time zones" not in said, said
    before = (now - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M UTC")
    assert (
        f"issue-2.md:4: issue 2 is dated {written.isoformat()} (the draft's date:, {before}),"
        f" before issue 1 ({(now - timedelta(minutes=30)).isoformat()},"
    ) in said, said
    # In its place: a minute after issue 1, in the offset the editor wrote.
    later = (now - timedelta(minutes=29)).astimezone(timezone(timedelta(hours=13)))
    assert f'"date": "{later.isoformat()}" (a minute after issue 1, or later)' in said, said
    # A time still to come is said so, with the time here.
    ahead = (now + timedelta(hours=2)).astimezone(timezone(timedelta(hours=13)))
    third = _draft_dated(themed_demo, 3, f"date: {ahead.isoformat()}")
    code, _, err = run_cli("build", "--config", str(themed_demo), "--draft", str(third), "-q")
    assert code == 0, err
    said = said_as_one(err)
    assert f"issue-3.md:4: the draft is dated {ahead.isoformat()}, a time still to come" in said


def test_a_subject_name_typed_decomposed_is_the_subject(demo: Path) -> None:
    """#5: "Qualité du service" typed in NFD (e and a combining accent, as a macOS terminal may
    paste it) to `--subject` and `subjects move URL NAME` was "no subject 'Qualité du service';
    did you mean 'Qualité du service'?", exit 2. Compared in NFC; published as feeds.yaml has it
    (and a plan in feeds.yaml written in NFD names the subject too)."""
    import json
    import unicodedata

    composed = "Qualité du service"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    text = demo.read_text(encoding="utf-8").replace("Service operations", composed)
    demo.write_text(
        text
        + f"\nthemes:\n  plan:\n    - {decomposed}\n    - Voice of the customer\n  min_articles: 1\n",
        encoding="utf-8",
    )
    backlog = "https://supportdesk-review.example/operations/taming-the-ticket-backlog"
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run_cli("subjects", "move", "--config", str(demo), backlog, decomposed)
    assert code == 0, err
    # (the backlog post is under the subject already: pinned there, fixhb's "Already under")
    assert f"Already under {composed}: " in out, out
    code, out, err = run_cli(
        "subjects", "list", "--config", str(demo), "--subject", decomposed, "--json", "-q"
    )
    assert code == 0, err
    assert {r["subject"] for r in json.loads(out)} == {composed}
    code, out, err = run_cli("build", "--config", str(demo), "--subject", decomposed, "-q")
    assert code == 0, err
    issue = json.loads((demo.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    assert [s["subject"] for s in issue["sections"]] == [composed]
    code, out, err = run_cli("subjects", "undo", "--config", str(demo), "--subject", decomposed)
    assert code == 0, err


def test_run_from_drafts_or_above_names_the_newsletter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#6: run from a newsletter's drafts/ folder (or the folder of several newsletters), curator
    said "Run `curator init` to create one there": a second newsletter inside the first's drafts.
    It names the feeds.yaml one level up, or the newsletters in the folders below."""
    from curator.errors import shell_arg

    letters = tmp_path / "Éditions 2026"
    for name in ("CX weekly", "Support Ops — digest"):
        code, _, err = run_cli("init", str(letters / name))
        assert code == 0, err
    drafts = letters / "CX weekly" / "drafts"
    drafts.mkdir(exist_ok=True)
    monkeypatch.chdir(drafts)
    code, _, err = run_cli("build")
    said = said_as_one(err)
    assert code == 2 and "curator init" not in said, said
    assert (
        f"no feeds.yaml here; the newsletter in {shell_arg(letters / 'CX weekly')} has one: run"
        f" from there, or pass --config {shell_arg(letters / 'CX weekly' / 'feeds.yaml')}"
    ) in said, said
    monkeypatch.chdir(letters)
    code, _, err = run_cli("subjects", "list")
    said = said_as_one(err)
    assert code == 2 and "curator init" not in said, said
    assert (
        "no feeds.yaml here; the newsletters in the folders 'CX weekly', 'Support Ops — digest'"
        " here have one each"
    ) in said, said


def _parse_command(command: str) -> None:
    """Parse `command` ("curator ...") as the CLI would run it, with click's own parser (its
    arguments and options checked, nothing run): raises click.UsageError for a missing DEST."""
    import shlex

    import click

    from curator.cli import cli

    words = shlex.split(command)
    assert words[0] == "curator", command
    found: click.Command = cli
    name, rest = "curator", words[1:]
    # Each command's context made under its group's, as the CLI makes them: click keeps the
    # help option a command was first asked for, and one made without curator's
    # context_settings ("-h" beside "--help") left later tests' `-h` "No such option".
    ctx = click.Context(cli, info_name="curator", **cli.context_settings)
    while isinstance(found, click.Group):
        sub = found.get_command(ctx, rest[0])
        assert sub is not None, command
        found, name, rest = sub, rest[0], rest[1:]
        if isinstance(found, click.Group):
            ctx = click.Context(found, info_name=name, parent=ctx)
    found.make_context(name, rest, parent=ctx, resilient_parsing=False)


def test_commands_quoted_in_warnings_run_as_written(themed_demo: Path) -> None:
    """#7: "put back the copy of the store taken before they were published (`curator backup
    --config ...`)": run as written, "Error: Missing argument 'DEST'". Every command the build
    and the draft quote, and the one the draft records, parses with the CLI's own parser."""
    import re

    import click

    code, _, err = run_cli("build", "--config", str(themed_demo))
    assert code == 0, err
    commands = re.findall(r"`(curator [^`]+)`", said_as_one(err))
    (themed_demo.parent / "output" / "issue-1.json").unlink()
    code, _, err = run_cli("draft", "--config", str(themed_demo), "--no-fetch")
    assert code == 0, err
    said = said_as_one(err)
    assert "recorded in the store but not in" in said, said
    commands += re.findall(r"`(curator [^`]+)`", said)
    assert any(c.startswith("curator backup ") for c in commands), said
    draft = (themed_demo.parent / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    (recorded,) = re.findall(r"then run: (curator build --draft .*)", draft)
    for command in [*commands, recorded]:
        try:
            _parse_command(command)
        except click.UsageError as exc:
            pytest.fail(f"`{command}` does not run: {exc.format_message()}")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS reads file names as UTF-8 always")
def test_a_utf8_folder_under_the_c_locale_says_to_run_with_utf8(tmp_path: Path) -> None:
    """#8: under `LC_ALL=C PYTHONCOERCECLOCALE=0 PYTHONUTF8=0`, Python reads file names as ASCII,
    and the UTF-8 name "Éditions 2026" was "not UTF-8 text ... rename the folder". It says to
    run with a UTF-8 locale or PYTHONUTF8=1 (a name that truly is not UTF-8: test_walk141)."""
    import os
    import subprocess

    folder = tmp_path / "Éditions 2026" / "CX weekly"
    assert run_cli("init", str(folder))[0] == 0
    env = {**os.environ, "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    env.pop("LANG", None)
    done = subprocess.run(
        [sys.executable, "-m", "curator", "themes"],
        cwd=folder,
        env=env,
        capture_output=True,
        check=False,
    )
    said = said_as_one(done.stderr.decode("utf-8", "replace"))
    assert done.returncode == 1, said
    assert "not UTF-8 text" not in said and "rename the folder" not in said, said
    assert (
        "is UTF-8 text, but Python is running with the C locale (it reads file names as ascii)"
    ) in said, said
    assert "run with LC_ALL=C.UTF-8 or PYTHONUTF8=1" in said, said


def test_a_draft_built_by_hand_and_paths_with_spaces_read_right(themed_demo: Path) -> None:
    """#9: after `build --draft`, the under-24-hours warning said "make sure your schedule runs
    `curator build` once a week" (a draft is built by hand); the "-> path" line and the "not in
    <output>" warning printed a path with a space bare (`-> site news/issue-3.html`)."""
    import json

    from curator.errors import shell_arg

    text = themed_demo.read_text(encoding="utf-8")
    themed_demo.write_text(text.replace("  output: output ", "  output: site news "), "utf-8")
    site = themed_demo.parent / "site news"
    config = ("--config", str(themed_demo))
    code, out, err = run_cli("build", *config, "-q")
    assert code == 0, err
    assert f" -> {shell_arg(site / 'issue-1.html')}\n" in out, out
    (site / "issue-1.json").unlink()
    code, _, err = run_cli("draft", *config, "-q")
    assert code == 0, err
    draft = themed_demo.parent / "drafts" / "issue-2.md"
    code, out, err = run_cli("build", *config, "--draft", str(draft), "-q", "--json")
    assert code == 0, err
    said = said_as_one(err)
    assert f"issue 1 is recorded in the store but not in {shell_arg(site)} (no issue-N.json" in said
    assert "and this draft publishes issue 2 right after it; both issues stay published" in said
    assert "schedule" not in said, said
    assert json.loads(out)["message"].endswith(f" -> {shell_arg(site / 'issue-2.html')}")


def test_a_too_thin_subject_s_advice_is_a_sentence(demo: Path) -> None:
    """#9: "...nothing was published. for an issue of every subject instead: ..." (lowercase)."""
    assert run_cli("build", "--config", str(demo), "-q")[0] == 0
    code, _, err = run_cli(
        "build", "--config", str(demo), "-q", "--no-fetch", "--subject", "Voice of the customer"
    )
    said = said_as_one(err)
    assert code == 3, said
    assert "nothing was published. For an issue of every subject instead: `curator build" in said
