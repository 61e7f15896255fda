"""walk150 (fixfq): an archive kept for months. A feed's correction made between `curator draft`
and `curator build --draft` is said (by the fetch, and by the build, which publishes the draft's
title); an issue whose files were deleted is said by `draft` and `build` before they go on.
Through the CLI, against a feed and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from test_walk126_stored import first_issue, serve_week

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def _headings(draft: Path) -> dict[str, int]:
    """The draft's article headings, by title, with their line."""
    lines = draft.read_text(encoding="utf-8").splitlines()
    return {t[3:]: n for n, t in enumerate(lines, 1) if t.startswith("## ") and "://" not in t}


def test_a_correction_since_the_draft_was_written_is_said_by_fetch_and_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk150 #1: the feed corrected an article's title after `curator draft` wrote it into
    drafts/issue-N.md; `fetch` said "taken", and `build --draft` published the old title without
    a word. The draft is the editor's text and its titles are published, but each corrected
    line is said, with its line: the one the editor left as written (which follows the feed,
    walk200 #9), and the one they edited (published as they wrote it)."""
    path, _ = first_issue(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(path), "--all-subjects", "--no-fetch")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    titles = _headings(draft)
    assert len(titles) == 2, titles
    (left, left_line), (edited, edited_line) = sorted(titles.items(), key=lambda t: t[1])
    draft.write_text(
        draft.read_text(encoding="utf-8").replace(f"## {edited}\n", "## My own headline\n"),
        encoding="utf-8",
    )

    serve_week(http_server, corrected=True)  # "Rethinking it: ..." in the feed and on the pages
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    said = said_as_one(err)
    fixed = "Rethinking it: " + left[0].lower() + left[1:]
    assert (
        f'{draft}:{left_line}: "{left}" was corrected in its feed since the draft was written:'
        f' now "{fixed}"; the draft has curator\'s heading, and `curator build --draft'
    ) in said, err  # (walk200 #9: a heading left as written follows the feed, as `author:` does)
    fixed_edit = "Rethinking it: " + edited[0].lower() + edited[1:]
    assert (
        f'{draft}:{edited_line}: its feed corrected "{edited}" since the draft was written, to'
        f' "{fixed_edit}"; your title "My own headline" is what the issue publishes'
    ) in said, err

    code, _, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    said = said_as_one(err)
    assert f'{draft}:{left_line}: "{left}" was corrected in its feed' in said, err
    assert f'{draft}:{edited_line}: its feed corrected "{edited}"' in said, err
    issue = json.loads((tmp_path / "output" / "issue-2.json").read_text(encoding="utf-8"))
    published = [a["title"] for s in issue["sections"] for a in s["articles"]]
    assert sorted(published) == sorted([fixed, "My own headline"]), published
    assert f'published "{fixed}", as your draft had curator\'s heading' in said, err


def test_an_issue_whose_files_were_deleted_is_said_before_the_next_is_drafted_or_built(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk150 #5: after `rm output/issue-1.*`, `curator draft` left issue 1's articles out of
    issue 2 without a word; only the build that published issue 2 said issue 1 was missing.
    `draft` and `build` say it first, before anything is fetched or published: its articles
    count as featured, `curator render 1` writes it again, and a backup is the way to take it
    back."""
    path, published = first_issue(tmp_path, http_server)
    out = tmp_path / "output"
    for file in out.glob("issue-1.*"):
        file.unlink()
    expected = (
        f"issue 1 is recorded in the store but not in {out} (no issue-N.json: deleted, or"
        f" published to another folder?): its {len(published)} article(s) count as featured all"
        " the same, so this draft leaves them out (issue 2 is the next)"
    )
    code, stdout, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    said = said_as_one(err)
    assert expected in said, err
    # (every issue recorded is gone: `--all`; else their numbers, `curator render 1 3`)
    assert "To write it again: `curator render --all --config" in said, err
    assert (
        "there is no command: put back the copy of the store taken before it was published" in said
    )
    # Said before the fetch's report and the draft, not after.
    first = err.index("issue 1 is recorded")
    assert all(err.index(line) > first for line in err.splitlines() if "Service Daily" in line)
    draft = tmp_path / "drafts" / "issue-2.md"
    assert not set(re.findall(r"^url: (\S+)$", draft.read_text(encoding="utf-8"), re.M)) & published

    code, stdout, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    said = said_as_one(err)
    assert expected.replace("this draft", "this build") in said, err
    assert said.count("issue 1 is recorded in the store") == 1, err  # not again after publishing
    assert stdout.startswith("Issue 2: "), stdout
    # What it advises writes issue 1 again.
    assert run("render", "--all", "--config", str(path), "-q")[0] == 0
    assert (out / "issue-1.json").exists()


def _sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def test_commands_that_only_read_never_write_the_store_nor_leave_a_lock(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk150 #4: `curator themes --db BACKUP.db` placed the backup's articles again (the
    subjects had changed since), rewrote it (a new sha1) and left BACKUP.db.lock beside it,
    though README and docs/scripting.md call it a command that changes nothing. Every command
    docs/scripting.md says only reads leaves the store's bytes as they were, and no file beside
    it; what it would have placed is worked out in a copy, and said, its report as the next
    build will have it."""
    path, published = first_issue(tmp_path, http_server)
    backup = tmp_path / "copies" / "backup.db"
    code, _, err = run("backup", "--config", str(path), str(backup))
    assert code == 0, err
    # The subjects change after the backup: every article is to be placed again.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("keywords:\n", "keywords:\n  - churn\n", 1), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    url = next(iter(published))
    store = tmp_path / ".curator" / "curator.db"
    main_before = _sha1(store)
    reports: list[list[str]] = [
        ["themes"],
        ["subjects", "list"],
        ["subjects", "explain", url],
        ["subjects", "uncertain"],
        ["subjects", "overlap"],
        ["subjects", "suggest"],
        ["feeds", "list"],
        ["feeds", "check"],
    ]
    before = _sha1(backup)
    listed: list[str] = []
    for args in reports:
        code, out, err = run(*args, "--config", str(path), "--db", str(backup))
        assert code == 0, (args, err)
        assert _sha1(backup) == before, args
        assert sorted(p.name for p in backup.parent.iterdir()) == ["backup.db"], args
        if args == ["subjects", "list"]:
            listed.append(out)
        if args[0] == "themes":
            said = said_as_one(err)
            assert "placing every stored article again under subjects (your subjects or" in (
                said.lower()
            ), err
            assert f"this command only reads {backup}: the store itself is left as it is" in said, (
                err
            )
    # Shown as the next build places them, every time alike.
    code, out, _ = run("subjects", "list", "--config", str(path), "--db", str(backup))
    assert code == 0 and [out] == listed
    # `feeds export` and `extract` (which have no --db) leave the newsletter's own store as
    # it was. (Its reports still place first what the next build would: left for later.)
    for args in (["feeds", "export"], ["extract", url]):
        code, _, err = run(*args, "--config", str(path))
        assert code == 0, (args, err)
        assert _sha1(store) == main_before, args
    assert not list(store.parent.glob("*-wal")) and not list(store.parent.glob("*-shm"))
