"""walk166 #1, #2: two newsletters on one machine; a build stops before it publishes the other's.

Customer Experience Weekly (Morgan Ellery) and Support Ops Digest (Rangi Parata), each the demo
newsletter in a folder of its own. `build --db` naming the other's store, the other's backup put
back over the store, a new folder whose `store:` names the other's, and `build --draft` given the
other's draft each published the wrong issue into this newsletter's folder (and changed the
other's store), saying only things that blamed something else.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import copy_demo, run_cli, said_as_one

CX = "Customer Experience Weekly"
OPS = "Support Ops Digest"


@dataclass(frozen=True)
class Two:
    cx: Path  # feeds.yaml of each
    ops: Path
    #: CX's draft of issue 1, made in CX's folder without --config, then published.
    draft: Path
    draft_text: str

    @staticmethod
    def store(config: Path) -> Path:
        return config.parent / ".curator" / "curator.db"


def state(store: Path) -> tuple[object, ...]:
    """What a run that fetched or published would change in a store: its issues, articles and
    the feeds' fetch records."""
    with sqlite3.connect(store) as db:
        return (
            db.execute("SELECT number, title FROM issues ORDER BY number").fetchall(),
            db.execute("SELECT COUNT(*) FROM articles").fetchone(),
            db.execute("SELECT * FROM feeds ORDER BY 1").fetchall(),
        )


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Two]:
    """CX with issue 1 published from its draft, Ops with issue 1 on another subject."""
    cx = copy_demo(tmp_path_factory.mktemp("cx"))
    ops = copy_demo(tmp_path_factory.mktemp("ops"))
    text = ops.read_text(encoding="utf-8")
    text = text.replace(f"  title: {CX}\n", f"  title: {OPS}\n", 1)
    ops.write_text(text.replace("  editor: Morgan Ellery\n", "  editor: Rangi Parata\n", 1))
    here = os.getcwd()
    os.chdir(cx.parent)  # (a draft made without --config, as an editor in its folder makes it)
    try:
        code, _, err = run_cli("draft", "-q")
        assert code == 0, err
    finally:
        os.chdir(here)
    draft = cx.parent / "drafts" / "issue-1.md"
    draft_text = draft.read_text(encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(cx), "--draft", str(draft), "-q")
    assert code == 0, err
    subject = "Measuring the customer experience"
    code, _, err = run_cli("build", "--config", str(ops), "--subject", subject, "-q")
    assert code == 0, err
    yield Two(cx, ops, draft, draft_text)


def test_a_build_given_another_newsletters_store_stops_before_anything(two: Two) -> None:
    """From CX's folder, `build --db` Ops' store published Ops' next issue into CX's output and
    changed Ops' store; `draft --db` would have fetched into it. Each stops, exit 1, saying
    whose store it is, with nothing published and neither store changed."""
    ops_store, cx_store = two.store(two.ops), two.store(two.cx)
    before = state(ops_store), state(cx_store)
    for command in ("build", "draft"):
        code, _, err = run_cli(command, "--config", str(two.cx), "--db", str(ops_store))
        said = said_as_one(err)
        assert code == 1, err
        assert (
            f'the store {ops_store} holds issues of "{OPS}" (issue 1, ' in said
            and f'), not of "{CX}" ({two.cx}): its issue 1 ("{OPS}", edited by Rangi Parata,'
            in said
        ), said
        assert f'is not the issue in {two.cx.parent / "output" / "issue-1.json"} ("{CX}"' in said
        assert "0 article(s) in common" in said
        assert f"Most likely --db {ops_store} names another newsletter's store" in said
        assert "Nothing was published, and the store was not changed" in said
    assert sorted(p.name for p in (two.cx.parent / "output").glob("issue-2.*")) == []
    assert not (two.cx.parent / "drafts" / "issue-2.md").exists()
    assert (state(ops_store), state(cx_store)) == before


def test_another_newsletters_backup_put_back_over_the_store_stops_the_build(
    two: Two, tmp_path: Path
) -> None:
    """`curator backup` named both newsletters' copies curator-<day>.db, and Ops' copy moved over
    CX's store published into CX without a word. The copy is named after its newsletter now, and
    put back over the wrong store it stops the build."""
    code, out, err = run_cli("backup", "--config", str(two.ops), f"{tmp_path / 'backups'}/")
    assert code == 0, err
    (copy,) = (tmp_path / "backups").iterdir()
    assert copy.name.startswith("support-ops-digest-") and copy.suffix == ".db", copy.name
    folder = tmp_path / "cx"
    shutil.copytree(two.cx.parent, folder)
    for stale in (folder / ".curator").glob("curator.db*"):
        stale.unlink()
    shutil.copyfile(copy, folder / ".curator" / "curator.db")
    code, _, err = run_cli("build", "--config", str(folder / "feeds.yaml"), "--no-fetch")
    said = said_as_one(err)
    assert code == 1, err
    assert f'holds issues of "{OPS}" (issue 1, ' in said, said
    assert (
        f"Most likely settings: store in {folder / 'feeds.yaml'} names another newsletter's store,"
        " or a backup of another newsletter was put back in its place"
    ) in said, said
    assert (
        "curator backup names each copy after its newsletter, customer-experience-weekly-<day>.db"
        in said
    )
    assert not list((folder / "output").glob("issue-2.*"))


def test_a_new_folder_whose_store_names_another_newsletters_stops(two: Two, tmp_path: Path) -> None:
    """A new newsletter folder whose feeds.yaml `store:` named CX's store published its first
    issue as issue 3 into its empty output. Nothing in that folder vouches for the store, and
    none of the store's issues was published under its title: it stops."""
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8").replace(f"  title: {CX}\n", "  title: Billing Desk\n")
    text = text.replace("  store: .curator/curator.db", f"  store: {two.store(two.cx)}")
    config.write_text(text, encoding="utf-8")
    before = state(two.store(two.cx))
    code, _, err = run_cli("build", "--config", str(config), "--no-fetch")
    said = said_as_one(err)
    assert code == 1, err
    assert (
        f'the store {two.store(two.cx)} holds issues of "{CX}" (issue 1, ' in said
        and f'), not of "Billing Desk" ({config}): {config.parent / "output"} holds none of its'
        " issues (no issue-N.json of theirs), and none of its 1 issue(s) was published as"
        ' "Billing Desk"'
        in said
    ), said
    assert not (config.parent / "output").exists() or not list((config.parent / "output").iterdir())
    assert state(two.store(two.cx)) == before


def test_a_renamed_newsletter_goes_on(two: Two, tmp_path: Path) -> None:
    """An editor who renames the newsletter on purpose is not locked out: while the output
    folder holds its issues (issue-N.json), they vouch for the store; into a folder that holds
    none, the stop says how to go on (`curator render N` there first), and that works."""
    folder = tmp_path / "cx"
    shutil.copytree(two.cx.parent, folder)
    config = folder / "feeds.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"  title: {CX}\n", "  title: CX Weekly\n", 1))
    args = ("--config", str(config), "--no-fetch", "--all-subjects", "-q")
    # Into its own folder, whose issue-1.json is the store's issue 1, the rename is no question.
    code, out, err = run_cli("draft", *args)
    assert code == 0, err
    assert (folder / "drafts" / "issue-2.md").is_file(), out
    fresh = tmp_path / "site"
    code, _, err = run_cli("build", *args, "--out", str(fresh))
    said = said_as_one(err)
    assert code == 1, err
    advised = f"curator render 1 --out {fresh} --config {config}"
    assert (
        f'if you renamed the newsletter from "{CX}" on purpose, write its latest issue into'
        f" {fresh} first (`{advised}`)"
    ) in said, said
    code, _, err = run_cli(*advised.split()[1:])
    assert code == 0, err
    code, out, err = run_cli("build", *args, "--out", str(fresh))
    assert code == 0, err
    assert "CX Weekly" in (fresh / "issue-2.html").read_text(encoding="utf-8")


def test_a_draft_of_another_newsletter_is_not_published(two: Two) -> None:
    """`build --draft ../CX/drafts/issue-N.md` from Ops' folder published CX's draft (title,
    editor, articles) as Ops' issue. A draft whose title and editor are both not feeds.yaml's,
    and that is not in this newsletter's drafts folder, stops (exit 2) naming both newsletters
    and the command that publishes it where it was made: the draft's own note gives feeds.yaml's
    absolute path, also when it was made without --config."""
    cx_config = os.path.abspath(two.cx)
    assert (
        f"Edit anything, then run: curator build --draft {two.draft} --config {cx_config}\n"
    ) in two.draft_text
    before = state(two.store(two.ops))
    code, _, err = run_cli("build", "--config", str(two.ops), "--draft", str(two.draft))
    said = said_as_one(err)
    assert code == 2, err
    assert (
        f'{two.draft}: a draft of another newsletter? Its front matter says "{CX}", edited by'
        f' Morgan Ellery, but this build would publish it into "{OPS}", edited by Rangi Parata'
        f" ({os.path.abspath(two.ops)}), and it is not in that newsletter's drafts folder"
        f" ({two.ops.parent / 'drafts'}). Nothing was published. To publish it in the newsletter"
        f" it was made for: `curator build --draft {two.draft} --config {cx_config}`"
    ) in said, said
    assert f"write `title: {OPS}` in its front matter" in said
    assert not list((two.ops.parent / "output").glob("issue-2.*"))
    assert state(two.store(two.ops)) == before


def test_render_given_another_newsletters_store_whose_issue_shares_articles_stops(
    two: Two, tmp_path: Path
) -> None:
    """walk170 N1: from Ops' folder, `render 1 --db` CX's store took Ops' issue-1.json (another
    title, another editor, but the same feeds' articles) as corrections of CX's issue 1: its
    articles were cut from CX's issue and waited again, and CX's next issue featured them once
    more. It stops, exit 1, with CX's store and Ops' files as they were."""
    ops = copy_demo(tmp_path)
    text = ops.read_text(encoding="utf-8").replace(f"  title: {CX}\n", f"  title: {OPS}\n", 1)
    ops.write_text(text.replace("  editor: Morgan Ellery\n", "  editor: Rangi Parata\n", 1))
    code, _, err = run_cli("build", "--config", str(ops), "-q")  # (every subject, as CX's)
    assert code == 0, err
    cx_store = two.store(two.cx)
    before = state(cx_store)
    ops_json = ops.parent / "output" / "issue-1.json"
    written = ops_json.read_bytes()
    code, out, err = run_cli("render", "--config", str(ops), "1", "--db", str(cx_store))
    said = said_as_one(err)
    assert code == 1, (out, err)
    assert f'the store {cx_store} holds issues of "{CX}" (issue 1,' in said, said
    assert "Nothing was rendered, and the store was not changed." in said, said
    assert state(cx_store) == before
    assert ops_json.read_bytes() == written
