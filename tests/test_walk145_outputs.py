"""walk145: what `curator render` says of the output folder's files is true."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_demo, said_as_one, sans_config
from conftest import run_cli as run


def test_an_issue_back_in_the_feed_unchanged_is_not_marked_updated(tmp_path: Path) -> None:
    """walk145 N1: issue-1.json emptied, a build (issue 2) left issue 1 out of feed.xml, warned,
    then `curator render 1` wrote it again from the store: "feed.xml marks the entry of issue(s)
    1 updated (...), whose text changed: feed readers show the change", its page byte-identical
    (readers who had it read nothing new)."""
    config = copy_demo(tmp_path)
    out = config.parent / "output"
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    page = (out / "issue-1.html").read_bytes()
    (out / "issue-1.json").write_text("", encoding="utf-8")
    code, stdout, err = run("build", "--config", str(config))
    said = said_as_one(stdout + err)
    assert code == 0 and (out / "issue-2.html").exists(), said
    assert "issue-1.json: left out of the archive" in said, said
    code, stdout, err = run("render", "--config", str(config), "1")
    said = said_as_one(stdout + err)
    assert code == 0, said
    assert (out / "issue-1.html").read_bytes() == page
    assert "marks the entry" not in said and "feed readers show the change" not in said, said
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 2, feed


def test_a_page_cut_short_is_said_with_curator_render(tmp_path: Path) -> None:
    """walk145 N4: issue-1.html cut to 1500 bytes (`truncate -s 1500`), the next build published
    issue 2 without a word while index.html linked the cut page (only an empty one was said)."""
    config = copy_demo(tmp_path)
    out = config.parent / "output"
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    page = out / "issue-1.html"
    page.write_bytes(page.read_bytes()[:1500])
    code, stdout, err = run("build", "--config", str(config))
    said = sans_config(said_as_one(stdout + err))
    assert code == 0 and (out / "issue-2.html").exists(), said
    assert (
        f"{page}: this edition of issue 1 is cut short (no </html> at its end: cut by a failed"
        " copy, sync or restore), and index.html links it; `curator render 1` writes it again"
        " from the store"
    ) in said, said
    assert "email.html: this edition" not in said, said  # (a whole page is not named)
    code, _, err = run("render", "1", "-q", "--config", str(config))  # the fix it gives works
    assert code == 0 and page.read_text(encoding="utf-8").rstrip().endswith("</html>"), err
