"""walk176: an inherited newsletter moved, renamed and restored (brief fixhv), each case through
the CLI with the real demo, a real SQLite store and the real templates."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import LocalServer, copy_demo, run_cli, said_as_one


def test_a_store_missing_beside_published_issues_stops_fetch_and_is_said_by_reports(
    demo: Path, http_server: LocalServer
) -> None:
    """walk176 #3: the store not there (`~/` under another HOME) while output/ holds issues:
    `subjects list` said "nothing has been fetched yet; run curator fetch", and `curator fetch`
    made a new store and stored 86 articles, a second archive beside the 11 issues."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    folder = demo.parent
    store = folder / ".curator" / "curator.db"
    shutil.move(folder / ".curator", folder.parent / "elsewhere")
    # A feed on a real server: fetch must stop before it asks for anything.
    url = http_server.add(
        "/more.xml", '<rss version="2.0"><channel><title>M</title></channel></rss>'
    )
    demo.write_text(
        demo.read_text(encoding="utf-8").replace("feeds:\n", f"feeds:\n  - url: {url}\n", 1),
        encoding="utf-8",
    )
    code, _, err = run_cli("subjects", "list", "--config", str(demo))
    said = said_as_one(err)
    assert code == 1
    assert "nothing has been fetched" not in said
    assert f"no store at {store}, but {folder / 'output'} holds issue 1 published" in said
    code, out, err = run_cli("fetch", "--config", str(demo), "-q")
    said = said_as_one(err)
    assert code == 1, out
    assert f"no store at {store}, but {folder / 'output'} holds issue 1 published" in said
    assert "Nothing was fetched." in said
    assert f"put the store back at {store}" in said
    assert "`settings: store` in feeds.yaml" in said
    assert "`curator render --record" in said and "the articles you excluded" in said
    assert not store.exists()
    assert http_server.requests == []
    # A build stops too, as fetch does, before it makes the store (fixia); fetch then stops all
    # the same.
    code, _, err = run_cli("build", "--no-fetch", "--config", str(demo), "-q")
    said = said_as_one(err)
    assert code == 1 and "Nothing was published." in said
    assert f"no store at {store}, but {folder / 'output'} holds issue 1 published" in said
    assert not store.exists()
    code, _, err = run_cli("fetch", "--config", str(demo), "-q")
    assert code == 1 and "Nothing was fetched." in said_as_one(err)
    assert http_server.requests == []
    # The way on it names works with no store at all: issue 1 recorded, the next build is 2.
    code, out, err = run_cli("render", "--record", "--config", str(demo))
    assert code == 0, err
    assert "issue 1 is recorded in the store" in out
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT number FROM issues").fetchall() == [(1,)]


def test_a_backup_to_a_quoted_tilde_goes_to_the_home_folder_and_says_its_full_path(
    published_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk176 #5: `curator backup '~/backups/'` (the shell left ~ alone) made ./~/backups/ and
    said it copied to "~/backups/...db"."""
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    code, out, err = run_cli("backup", "--config", str(published_demo), "~/backups/")
    assert code == 0, err
    copies = list((home / "backups").glob("*.db"))
    assert len(copies) == 1
    assert f"to {copies[0]}: 1 issue(s)" in out
    assert not (work / "~").exists()
    # A relative folder is said by its full path too.
    code, out, err = run_cli("backup", "--config", str(published_demo), "here/")
    assert code == 0, err
    assert f"to {work / 'here'}/" in out


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo (every subject in each issue) with issue 1 published, then its feeds.yaml edited
    as walk176 edited an inherited newsletter's: the newsletter's title changed, one subject
    renamed (the only change to the subjects) and a `name:` added under a feed that had none."""
    config = copy_demo(tmp_path_factory.mktemp("renamed"))
    text = config.read_text(encoding="utf-8")
    start, end = text.index("\nthemes:\n"), text.index("\n# --- Feeds")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    text = config.read_text(encoding="utf-8")
    for old, new in (
        ("title: Customer Experience Weekly", "title: The Service Letter"),
        ("- name: Service operations", "- name: Running the help desk"),
        (
            "  - url: feeds/brightline.json ",
            "  - url: feeds/brightline.json\n    name: Brightline Review\n   ",
        ),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    text = text.replace("[Service operations, ", "[Running the help desk, ")
    config.write_text(text, encoding="utf-8")
    return config


def test_a_subject_renamed_alone_is_named_in_the_rename_advice(renamed: Path) -> None:
    """walk176 #7: Baking renamed "Bread and pastry", the only change, was advised `curator
    subjects rename Baking "NEW NAME"`."""
    code, _, err = run_cli("subjects", "list", "-n", "1", "--config", str(renamed))
    said = said_as_one(err)
    assert code == 0, err
    assert 'published under "Service operations"' in said
    assert '"NEW NAME"' not in said
    assert (
        'if you renamed "Service operations" to "Running the help desk": `curator subjects'
        " rename 'Service operations' 'Running the help desk'" in said
    )


def test_subjects_list_credits_a_feed_by_the_name_feeds_yaml_gives_it_now(renamed: Path) -> None:
    """walk176 #8: after `name:` was added under a feed, `subjects list --json` gave its
    articles the feed's old publication while the draft printed the new name."""
    code, out, err = run_cli("subjects", "list", "--json", "--config", str(renamed))
    assert code == 0, err
    publications = {row["publication"] for row in json.loads(out) if row.get("url")}
    assert "Brightline Review" in publications
    assert "Brightline Insights" not in publications


def test_render_after_the_newsletter_is_renamed_names_the_change_and_lists_no_old_title(
    renamed: Path,
) -> None:
    """walk176 #6: after the title changed in feeds.yaml, `render --all` said the archive was
    "rendered with this curator's templates and words", and the archive listed "Issue 10:
    Hobby Digest" as if the old title were the issue's own."""
    code, out, err = run_cli("render", "--all", "--config", str(renamed))
    assert code == 0, err
    said = said_as_one(out)
    assert (
        "the newsletter's title changed in feeds.yaml: Customer Experience Weekly \u2192 The"
        " Service Letter" in said
    )
    assert "this curator's templates and words" not in said
    output = renamed.parent / "output"
    page = (output / "index.html").read_text(encoding="utf-8")
    assert "<h1>The Service Letter</h1>" in page
    assert "Customer Experience Weekly" not in page
    # The feed keeps each entry as published (no entry marked updated); a second render and
    # the next build keep the archive as it is.
    feed = (output / "feed.xml").read_text(encoding="utf-8")
    assert "Customer Experience Weekly &#183; Issue 1" in feed
    code, out, err = run_cli("render", "--all", "--config", str(renamed))
    assert code == 0, err
    assert "none changed" in out
    code, out, err = run_cli("build", "--no-fetch", "--config", str(renamed), "-q")
    assert code == 0, err
    assert "Customer Experience Weekly" not in (output / "index.html").read_text(encoding="utf-8")


def test_a_draft_note_of_a_moved_newsletter_names_the_feeds_yaml_here_never_init(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk176 #4: after the newsletter's folder moved, its draft note's command (the old
    folder's paths) run in the new folder advised `curator init OLD`."""
    old = demo.parent
    drafts = old / "drafts"
    drafts.mkdir()
    (drafts / "issue-2.md").write_text("---\nnumber: 2\n---\n", encoding="utf-8")
    new = tmp_path / "moved" / "cx"
    new.parent.mkdir()
    shutil.move(old, new)
    monkeypatch.chdir(new)
    code, _, err = run_cli(
        "build", "--draft", str(drafts / "issue-2.md"), "--config", str(old / "feeds.yaml")
    )
    said = said_as_one(err)
    assert code == 2
    assert "curator init" not in said
    assert (
        f"no such file, nor its folder {old} (moved?); the feeds.yaml here"
        f" ({new / 'feeds.yaml'}) may be it: `curator build --draft drafts/issue-2.md"
        " --config feeds.yaml`" in said
    )
    # From the drafts folder: the feeds.yaml above it.
    monkeypatch.chdir(new / "drafts")
    code, _, err = run_cli("build", "--draft", "issue-2.md", "--config", str(old / "feeds.yaml"))
    said = said_as_one(err)
    assert code == 2 and "curator init" not in said
    assert f"`curator build --draft issue-2.md --config {new / 'feeds.yaml'}`" in said
