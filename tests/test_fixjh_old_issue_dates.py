"""walk187 #3: a store of a curator that kept no issue dates (schema 16 and before), upgraded,
took each old issue for dated the day it was built: `build --draft` said issue 4 was "before
issue 3 (2026-12-07)" and advised a wrong date, `themes` gave that day as the issue's, `render`
said "the store had 2026-12-07" of every issue. The store now takes each old issue's date from
the output folder (its issue-N.json, else feed.xml) when it is opened."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import copy_demo, run_cli, said_as_one
from curator.store import MIGRATIONS

#: The dates the three issues were published with (their drafts' `date:`), a week apart.
DATES = ("2026-11-09", "2026-11-16", "2026-11-23")


def _publish(config: Path, date: str) -> Path:
    """Draft the next issue, date it `date` in its front matter and publish it."""
    code, out, err = run_cli("draft", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, out + err
    path = sorted((config.parent / "drafts").glob("issue-*.md"))[-1]
    text = path.read_text(encoding="utf-8")
    text, dated = re.subn(r"(?m)^date: .*$", f"date: {date}", text, count=1)
    assert dated == 1, text[:400]
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(config), "--draft", str(path), "-q")
    assert code == 0, out + err
    return path


def _as_schema_6(store: Path) -> None:
    """The store as a curator of schema 6 keeps it (bf0cf4e's, walk187), made as test_upgrade
    makes one (its migrations alone), with the rows of `store` it has columns for: its issues
    without their dates."""
    built = store.with_name("built.db")
    store.rename(built)
    for extra in ("-wal", "-shm"):
        store.with_name(store.name + extra).unlink(missing_ok=True)
    db = sqlite3.connect(store, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    for migration in MIGRATIONS[:6]:
        migration(db)
    db.execute("PRAGMA user_version = 6")
    db.execute("ATTACH DATABASE ? AS built", (str(built),))
    tables = [r[0] for r in db.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [r[1] for r in db.execute(f"PRAGMA main.table_info({table})")]
        had = {r[1] for r in db.execute(f"PRAGMA built.table_info({table})")}
        names = ", ".join(c for c in columns if c in had)
        db.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM built.{table}")
    db.execute("DETACH DATABASE built")
    db.close()
    built.unlink()
    assert "issue_date" not in {
        r[1] for r in sqlite3.connect(store).execute("PRAGMA table_info(issues)")
    }


@pytest.fixture(scope="module")
def old_newsletter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with three issues published, dated DATES, then its store made an older
    curator's (no issue dates): the folder as an editor has it on the day of the upgrade."""
    config = copy_demo(tmp_path_factory.mktemp("old"))
    code, out, err = run_cli("fetch", "--config", str(config), "-q")
    assert code == 0, out + err
    for date in DATES:
        _publish(config, date)
    _as_schema_6(config.parent / ".curator" / "curator.db")
    return config.parent


@pytest.fixture
def newsletter(old_newsletter: Path, tmp_path: Path) -> Path:
    """A copy of `old_newsletter` for one test: its feeds.yaml."""
    folder = tmp_path / "demo"
    shutil.copytree(old_newsletter, folder)
    return folder / "feeds.yaml"


def _stored_dates(config: Path) -> list[tuple[int, str | None]]:
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        return db.execute("SELECT number, issue_date FROM issues ORDER BY number").fetchall()


def test_the_upgrade_keeps_each_old_issue_s_date_as_its_json_gives_it(newsletter: Path) -> None:
    code, out, err = run_cli("themes", "--config", str(newsletter))
    assert code == 0, out + err
    said = said_as_one(err)
    assert "upgraded the store" in said
    assert (
        "the store had no date for issues 1-3 (published by an older curator, which kept none"
        in said
    ), said
    assert "(1: 2026-11-09, 2: 2026-11-16, 3: 2026-11-23)" in said
    assert [(n, (d or "")[:10]) for n, d in _stored_dates(newsletter)] == [
        (1, "2026-11-09"),
        (2, "2026-11-16"),
        (3, "2026-11-23"),
    ]
    # The day shown is the issue's, not the day it was built.
    assert "last a theme in issue 1 (2026-11-09)" in out
    # Said once: the store keeps them now.
    code, out, err = run_cli("themes", "--config", str(newsletter))
    assert code == 0, out + err
    assert "no date for" not in err


def test_a_draft_dated_after_the_old_issues_is_not_said_to_come_before_them(
    newsletter: Path,
) -> None:
    draft = newsletter.parent / "drafts"
    shutil.rmtree(draft)
    code, out, err = run_cli("draft", "--config", str(newsletter), "--no-fetch", "-q")
    assert code == 0, out + err
    path = draft / "issue-4.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^date: .*$", "date: 2026-11-30", text, count=1), "utf-8")
    code, out, err = run_cli("build", "--config", str(newsletter), "--draft", str(path))
    assert code == 0, out + err
    said = said_as_one(err)
    assert "before issue" not in said, said
    assert "Issue 4" in out
    assert [(n, (d or "")[:10]) for n, d in _stored_dates(newsletter)][-2:] == [
        (3, "2026-11-23"),
        (4, "2026-11-30"),
    ]


def test_render_after_the_upgrade_says_no_date_was_corrected(newsletter: Path) -> None:
    """No date was corrected: none is said to be, and an edition that reads otherwise now (as
    the older curator's templates wrote it) is said to, as for any render (walk164 N7: the
    dates taken into the store had counted as corrections, which hid it)."""
    text = newsletter.parent / "output" / "issue-1.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nAs an older curator wrote it.\n", "utf-8")
    code, out, err = run_cli("render", "--all", "--config", str(newsletter), "--json")
    assert code == 0, out + err
    said = said_as_one(err)
    assert "and the store had" not in said, said
    assert "the store had no date for issues 1-3" in said
    assert json.loads(out)["text_changed"] == {"1": [str(text)]}


def test_an_issue_without_its_json_is_dated_as_feed_xml_has_it(newsletter: Path) -> None:
    (newsletter.parent / "output" / "issue-2.json").unlink()
    code, out, err = run_cli("themes", "--config", str(newsletter))
    assert code == 0, out + err
    said = said_as_one(err)
    assert "as their issue-N.json files, else feed.xml, in" in said, said
    assert [(n, (d or "")[:10]) for n, d in _stored_dates(newsletter)] == [
        (1, "2026-11-09"),
        (2, "2026-11-16"),
        (3, "2026-11-23"),
    ]


def test_a_report_on_a_copy_of_the_store_dates_them_without_writing_it(
    newsletter: Path, tmp_path: Path
) -> None:
    """`themes --db COPY` only reads the copy (walk150 #4): the dates are shown right, and the
    copy is left as it was."""
    copy = tmp_path / "copy.db"
    shutil.copy(newsletter.parent / ".curator" / "curator.db", copy)
    before = copy.read_bytes()
    code, out, err = run_cli("themes", "--config", str(newsletter), "--db", str(copy))
    assert code == 0, out + err
    assert "last a theme in issue 1 (2026-11-09)" in out
    assert copy.read_bytes() == before


def test_another_newsletter_s_folder_dates_nothing(newsletter: Path, tmp_path: Path) -> None:
    """An output folder whose issues are not the store's (another newsletter's) is not read."""
    other = tmp_path / "other"
    shutil.copytree(newsletter.parent / "output", other)
    for path in other.glob("issue-*.json"):
        text = path.read_text(encoding="utf-8")
        text = text.replace('"Customer Experience Weekly', '"Support Ops Digest')
        text = re.sub(r'"url": "https://', '"url": "https://elsewhere.example/', text)
        path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("render", "--all", "--config", str(newsletter), "--out", str(other))
    assert "no date for" not in err
    assert [d for _, d in _stored_dates(newsletter)] == [None, None, None]
