"""Upgrading curator on a live newsletter (walk31): a store of an older schema is copied before it
is upgraded, and the editor is told once, with where the copy is; what an issue published (its
credits, titles and blurbs as edited in the draft) is kept in the store, so `render` gives it back
without its issue-N.json."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from conftest import run_cli
from curator.store import MIGRATIONS, VERSION

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def store_of(config: Path) -> Path:
    return config.parent / ".curator" / "curator.db"


def schema_4_store(path: Path) -> None:
    """A store as a curator of schema 4 left it (WAL mode, as every curator opens it), with one
    published issue."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    for migration in MIGRATIONS[:4]:
        migration(db)
    db.execute("PRAGMA user_version = 4")
    db.execute(
        "INSERT INTO articles (url_key, url, title, first_seen) VALUES ('k', 'https://a.example/1',"
        " 'An old article', ?)",
        (NOW.isoformat(),),
    )
    db.execute(
        "INSERT INTO issues (number, title, published_at) VALUES (1, 'Weekly', ?)",
        (NOW.isoformat(),),
    )
    db.execute("INSERT INTO issue_articles VALUES (1, 1, 'Basics', 0)")
    db.close()


def test_an_older_store_is_copied_before_its_upgrade_and_the_editor_told_once(demo: Path) -> None:
    # (by a command that writes: one that only reads leaves it as it is, walk150 #4)
    db = store_of(demo)
    schema_4_store(db)
    kept = db.with_name("curator.schema-4.db")

    code, _, err = run_cli("fetch", "-q", "--config", str(demo))
    assert code == 0, err
    assert (
        f"curator: upgraded the store {db} from schema 4 to {VERSION}; the old one is kept as"
        f" {kept}, as it was after issue 1: issues published from now on are not in the kept"
        " copy (an older curator can use it" in err
    )
    assert err.count("upgraded the store") == 1
    # The copy is the store as it was, whole in one file: an older curator opens it as its own.
    assert kept.is_file() and not kept.with_name(kept.name + "-wal").exists()
    with sqlite3.connect(kept) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 4
        assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert old.execute("SELECT number, title FROM issues").fetchall() == [(1, "Weekly")]
    with sqlite3.connect(db) as new:
        assert new.execute("PRAGMA user_version").fetchone()[0] == VERSION

    # Said once: the next run finds the store current, and leaves the copy as it is.
    before = kept.read_bytes()
    code, _, err = run_cli("feeds", "list", "--config", str(demo))
    assert code == 0, err
    assert "upgraded" not in err
    assert kept.read_bytes() == before


def test_a_second_upgrade_from_the_same_schema_keeps_the_first_copy(demo: Path) -> None:
    """A store upgraded, taken back to its copy (the editor went back to the older curator),
    then upgraded again: the first copy is not overwritten."""
    db = store_of(demo)
    schema_4_store(db)
    assert run_cli("fetch", "-q", "--config", str(demo))[0] == 0
    first = db.with_name("curator.schema-4.db")
    schema_4_store(db.with_name("again.db"))
    for suffix in ("", "-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    db.with_name("again.db").rename(db)
    first_bytes = first.read_bytes()

    code, _, err = run_cli("fetch", "-q", "--config", str(demo))
    assert code == 0, err
    second = db.with_name("curator.schema-4.2.db")
    assert f"the old one is kept as {second}" in err
    assert first.read_bytes() == first_bytes and second.is_file()


def test_a_store_from_a_newer_curator_names_the_copy_to_go_back_to(demo: Path) -> None:
    """After an upgrade, the older curator is refused the store; this curator's refusal of a newer
    store says how to go back: the copy the upgrade kept."""
    db = store_of(demo)
    schema_4_store(db)
    assert run_cli("fetch", "-q", "--config", str(demo))[0] == 0
    with sqlite3.connect(db) as newer:
        newer.execute(f"PRAGMA user_version = {VERSION + 1}")

    code, _, err = run_cli("feeds", "list", "--config", str(demo))
    assert code == 1
    assert f"schema {VERSION + 1}; this curator knows up to {VERSION}" in err
    assert str(db.with_name("curator.schema-4.db")) in err
    assert "pip install -U curator" not in err


def test_a_new_store_is_made_without_a_copy_or_a_word_of_upgrading(demo: Path) -> None:
    code, _, err = run_cli("fetch", "--config", str(demo), "-q")
    assert code == 0, err
    assert "upgraded" not in err
    assert sorted(p.name for p in store_of(demo).parent.glob("*.db")) == ["curator.db"]


# -- #4: what an issue published is kept in the store, not only in its issue-N.json ----------------

FIVE = "https://northwind-cx.example/2025/06/five-definitions-of-customer-experience/"
EDITED_TITLE = "Five ways to define customer experience"
EDITED_BLURB = "Our own words on the five definitions. Read it before the next planning day."


def edited(draft: str) -> str:
    """The article at FIVE with its title, credit, publication and blurb rewritten."""
    head, rest = draft.split(f"url: {FIVE}\n", 1)
    head = head.rsplit("## ", 1)[0] + f"## {EDITED_TITLE}\n"
    block, after = rest.split("\n\n## ", 1) if "\n\n## " in rest else (rest, "")
    lines = [
        f"url: {FIVE}",
        "author: Ann Corrected",
        "author: Bo Second",
        "publication: Northwind Quarterly",
        "",
        EDITED_BLURB,
    ]
    return head + "\n".join(lines) + ("\n\n## " + after if after else "\n")


def test_render_without_the_issue_json_gives_back_what_the_draft_published(demo: Path) -> None:
    code, _, err = run_cli("draft", "--config", str(demo))
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    draft = path.read_text(encoding="utf-8")
    assert "author: Tomasz Wielgus" in draft
    path.write_text(edited(draft), encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path), "-q")
    assert code == 0, err
    out = demo.parent / "output"
    published = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "Ann Corrected and Bo Second || Northwind Quarterly" in published
    (out / "issue-1.json").unlink()

    code, _, err = run_cli("render", "1", "--config", str(demo))
    assert code == 0, err
    assert "without edits made in its draft" not in err
    for name in ("issue-1.txt", "issue-1.html", "issue-1.md", "issue-1.json"):
        text = (out / name).read_text(encoding="utf-8")
        assert EDITED_TITLE in text, name
        assert EDITED_BLURB in text, name
        assert "Tomasz Wielgus" not in text, name
    assert (out / "issue-1.txt").read_text(encoding="utf-8") == published


def test_an_issue_published_before_the_store_kept_its_text_renders_as_before(demo: Path) -> None:
    """An issue an older curator recorded has no text of its own in the store: without its
    issue-N.json it is rendered from its articles as stored, and the editor is told so."""
    schema_4_store(store_of(demo))
    code, _, err = run_cli("render", "1", "--config", str(demo))
    assert code == 0, err
    assert "without edits made in its draft" in err
    assert "An old article" in (demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")


# -- backing up: a copy of the store safe to make while a run writes --------------------------------


def test_backup_copies_the_store_whole_while_a_run_writes_to_it(demo: Path, tmp_path: Path) -> None:
    """`curator backup` makes one self-contained file (what is still in the store's -wal file
    included), consistent while another connection is half-way through a write, which it
    leaves out; the copy opens as a store of its own."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    db = store_of(demo)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # what it commits stays in curator.db-wal
    writer.execute(
        "INSERT INTO issues (number, title, published_at) VALUES (2, 'Weekly', '2026-12-06T09:00:00+00:00')"
    )
    assert db.with_name("curator.db-wal").stat().st_size > 0
    writer.execute("BEGIN IMMEDIATE")  # a run half-way through recording issue 3
    writer.execute(
        "INSERT INTO issues (number, title, published_at) VALUES (3, 'Weekly', '2026-12-06T10:00:00+00:00')"
    )

    dest = tmp_path / "backups" / "curator-2026-12-06.db"
    code, out, err = run_cli("backup", str(dest), "--config", str(demo))
    assert code == 0, err
    assert f"Copied the store {db} to {dest}: 2 issue(s)" in out
    writer.execute("ROLLBACK")
    writer.close()
    assert sorted(p.name for p in dest.parent.iterdir()) == [dest.name]  # no -wal, no .tmp
    with sqlite3.connect(dest) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in copy.execute("SELECT number FROM issues")] == [1, 2]
    code, out, err = run_cli("feeds", "list", "--config", str(demo), "--db", str(dest))
    assert code == 0, err

    # A copy is never written over.
    before = dest.read_bytes()
    code, _, err = run_cli("backup", str(dest), "--config", str(demo))
    assert code == 1
    assert f"{dest} already exists" in err
    assert dest.read_bytes() == before


def test_readme_s_way_back_to_an_older_curator_works_without_db(demo: Path) -> None:
    """walk62 #3: README told an editor going back to the older curator to point it at the kept
    copy with `--db`, which an older curator's `feeds export` (and add, remove, import) does not
    have. It says what every version reads: the copy moved back, or named in feeds.yaml's
    `settings: store:`; here this curator plays the older one, given a newer curator's store."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Upgrading curator") :]
    section = section[: section.index("\n### ", 1)]
    assert "curator at the copy with `--db`" not in section
    assert "`store: .curator/curator.schema-4.db`" in section

    db = store_of(demo)
    schema_4_store(db)
    assert run_cli("fetch", "-q", "--config", str(demo))[0] == 0
    kept = db.with_name(f"curator.schema-{VERSION}.db")
    with sqlite3.connect(db) as store, sqlite3.connect(kept) as copy:
        store.backup(copy)
    with sqlite3.connect(db) as newer:
        newer.execute(f"PRAGMA user_version = {VERSION + 1}")
    assert run_cli("feeds", "export", "--config", str(demo))[0] == 1  # refused: newer

    text = demo.read_text(encoding="utf-8")
    assert "  store: .curator/curator.db" in text
    demo.write_text(
        text.replace("  store: .curator/curator.db", f"  store: .curator/{kept.name}"),
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "export", "--config", str(demo))  # (it has no --db)
    assert code == 0 and "<opml" in out and "upgraded" not in err, err
    assert run_cli("feeds", "list", "--config", str(demo))[0] == 0


def test_render_without_the_issue_json_keeps_a_renamed_subject_s_description(demo: Path) -> None:
    """walk62 #5: an issue published under a subject renamed since (feeds.yaml, then `curator
    subjects rename`), rendered again without its issue-N.json, published the subject's
    description as "": it is the description the subject has under its new name."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    out = demo.parent / "output"
    published = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    section = published["sections"][0]
    old, description = section["subject"], section["description"]
    assert description
    code, listed, err = run_cli("subjects", "list", "--config", str(demo), "--json", "-q")
    assert code == 0, err
    url = next(r["url"] for r in json.loads(listed) if r.get("issue") is None)
    assert run_cli("subjects", "move", "--config", str(demo), url, old, "-q")[0] == 0
    new = f"{old} (renamed)"
    text = demo.read_text(encoding="utf-8")
    assert f"  - name: {old}\n" in text
    demo.write_text(text.replace(old, new), encoding="utf-8")  # (feeds name it too)
    code, _, err = run_cli("subjects", "rename", "--config", str(demo), old, new, "-q")
    assert code == 0, err
    (out / "issue-1.json").unlink()

    code, _, err = run_cli("render", "--all", "--config", str(demo))
    assert code == 0, err
    again = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    assert again["sections"][0]["subject"] == old
    assert again["sections"][0]["description"] == description


def test_the_copy_kept_for_the_older_curator_is_not_upgraded_again_beside_the_upgraded_store(
    demo: Path,
) -> None:
    """walk71 #A: README said to keep both stores and name the copy in feeds.yaml; the new curator
    then upgraded the copy again ("kept as curator.schema-4.schema-4.db") and worked from it,
    without what it had stored in the upgraded curator.db beside it, without a word. It stops,
    naming both files; README keeps the copy in a second feeds.yaml for the older curator only."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Upgrading curator") :]
    section = section[: section.index("\n### ", 1)]
    assert "--config feeds-old.yaml" in section

    db = store_of(demo)
    schema_4_store(db)
    assert run_cli("fetch", "-q", "--config", str(demo))[0] == 0  # the upgrade: copy kept
    kept = db.with_name("curator.schema-4.db")
    kept_bytes = kept.read_bytes()
    files = sorted(p.name for p in db.parent.iterdir())

    text = demo.read_text(encoding="utf-8")
    old = demo.with_name("feeds-old.yaml")
    old.write_text(
        text.replace("  store: .curator/curator.db", f"  store: .curator/{kept.name}"),
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "list", "--config", str(old))
    assert code == 1, (out, err)
    assert f"{kept} is the copy of the store an upgrade kept for an older curator" in err
    assert f"the upgraded store {db} (schema {VERSION}) is beside it" in err
    assert "--config" in err and "nothing was changed" in err
    assert "upgraded the store" not in err
    assert kept.read_bytes() == kept_bytes
    assert sorted(p.name for p in db.parent.iterdir()) == files  # (no -wal, -shm left either)
    assert {"curator.db", kept.name} <= set(files)
    with sqlite3.connect(kept) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 4

    # The copy alone (no upgraded store beside it) is upgraded as any older store is.
    for suffix in ("", "-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    code, _, err = run_cli("fetch", "-q", "--config", str(old))
    assert code == 0, err
    assert f"upgraded the store {kept} from schema 4 to {VERSION}" in err
