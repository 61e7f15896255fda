"""walk89: two editors sharing one newsletter folder (fixcl)."""

from __future__ import annotations

import fcntl
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO, LocalServer, run_cli


def advised(text: str, start: str) -> list[str]:
    """The commands in backticks in `text` that begin with `start`."""
    return [c for c in re.findall(r"`(curator [^`]+)`", text) if c.startswith(start)]


def test_advice_after_a_build_on_another_store_carries_its_db(demo: Path, tmp_path: Path) -> None:
    """walk89 #4: `build --config X --db Y` advised `curator subjects list --unplaced --config X`,
    which, pasted, failed "no store at ..." (the config's own store)."""
    db = tmp_path / "moved-store" / "curator.db"
    code, out, err = run_cli("build", "--config", str(demo), "--db", str(db))
    assert code == 0, err
    [listing] = advised(out, "curator subjects list --unplaced")
    assert listing == f"curator subjects list --unplaced --config {demo} --db {db}"
    code, out, err = run_cli(*shlex.split(listing)[1:])
    assert code == 0, err
    assert "no store at" not in err


def test_advice_names_no_db_when_it_is_the_config_s_own_store(demo: Path) -> None:
    db = demo.parent / ".curator" / "curator.db"
    code, out, err = run_cli("build", "--config", str(demo), "--db", str(db))
    assert code == 0, err
    [listing] = advised(out, "curator subjects list --unplaced")
    assert listing == f"curator subjects list --unplaced --config {demo}"


def slow_feed(server: LocalServer, delay: float) -> str:
    """A feed of 4 entries on `server` that takes `delay` seconds to answer (pages not read)."""
    items = "".join(
        f"<item><title>Slow story {n} about support queues</title>"
        f"<link>https://slow.example/{n}</link>"
        f"<description>How support teams handle customer queues, part {n}.</description></item>"
        for n in range(4)
    )
    body = f'<rss version="2.0"><channel><title>Slow CX</title>{items}</channel></rss>'
    return server.add("/slow.xml", body, delay=delay)


def test_feeds_remove_during_a_fetch_waits_for_it_and_counts_what_it_stored(
    demo: Path, http_server: LocalServer
) -> None:
    """walk89 #2: `feeds remove URL` while a fetch read that feed said "Removed" at once; the
    fetch then stored its 4 entries unsaid, and the next build published one."""
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0  # the store exists
    url = slow_feed(http_server, 3.0)
    demo.write_text(
        demo.read_text(encoding="utf-8").replace(
            "feeds:\n", f"feeds:\n  - url: {url}\n    name: Slow CX\n    fetch_pages: false\n", 1
        ),
        encoding="utf-8",
    )
    seen = len(http_server.seen("/slow.xml"))
    fetch = subprocess.Popen(
        [sys.executable, "-m", "curator", "fetch", "--config", str(demo), "-q"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while len(http_server.seen("/slow.xml")) == seen and time.monotonic() < deadline:
            time.sleep(0.05)
        code, out, err = run_cli("feeds", "remove", url, "--config", str(demo))
    finally:
        fetch.wait(timeout=60)
    assert code == 0, err
    assert fetch.returncode == 0, fetch.stderr
    assert "another curator run" in err and "waiting for it to finish" in err
    assert out.startswith(f"Removed {url} (Slow CX)\nIts 4 stored article(s) stay in the archive")
    assert url not in demo.read_text(encoding="utf-8")


def test_feeds_remove_while_the_store_is_in_use_too_long_removes_nothing(demo: Path) -> None:
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    before = demo.read_text(encoding="utf-8")
    store = demo.parent / ".curator" / "curator.db"
    with open(store.with_name(store.name + ".lock"), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        handle.write("4242")
        handle.flush()
        code, out, err = run_cli(
            "feeds", "remove", "feeds/northwind.xml", "--config", str(demo), "--wait", "0.3"
        )
    assert code == 1, err
    assert out == ""
    assert err.splitlines()[-1] == (
        f"curator: another curator run is using {store} (pid 4242); waited 0.3 s for it; wait"
        " for it to finish, then run again (or give --wait more seconds)"
    )
    assert demo.read_text(encoding="utf-8") == before


def test_a_build_past_an_unedited_draft_says_it_is_out_of_date(demo: Path) -> None:
    """walk89 #3a: a plain build published issue 1 past the unedited drafts/issue-1.md, unsaid."""
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    draft = demo.parent / "drafts" / "issue-1.md"
    code, out, err = run_cli("build", "--config", str(demo), "--no-fetch")
    assert code == 0, err
    assert out.startswith("Issue 1: ")
    assert (
        f"curator: warning: {draft}, a draft of issue 1 not edited since `curator draft"
        f" --config {demo}` wrote it, is out of date now: this build published issue 1 without"
        f" it, and it cannot be published. `curator draft --config {demo}` writes a draft of the"
        f" next issue, 2; delete {draft} so that nobody edits it"
    ) in err.splitlines()


def test_a_draft_of_an_issue_published_already_advises_a_new_draft(demo: Path) -> None:
    """walk89 #3b: building that draft later advised "correct `number:`", which then failed
    with an error per article the published issue had featured."""
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    draft = demo.parent / "drafts" / "issue-1.md"
    assert run_cli("build", "--config", str(demo), "--no-fetch", "-q")[0] == 0
    draft.write_text(draft.read_text(encoding="utf-8") + "\nMy edit.\n", encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(draft))
    assert code == 2
    # walk149 #7: a correction to issue 1 is made in its issue-1.json, the new draft only for
    # a new issue.
    json_file = demo.parent / "output" / "issue-1.json"
    assert err.splitlines()[-1] == (
        f"curator: {draft}: the draft is issue 1, which was published already, and a draft is"
        f' built once. To correct issue 1, edit {json_file} (an article\'s "title",'
        ' "authors", "publication", "blurb" or "blurb_markdown", "url"; the issue\'s "title",'
        f' "introduction", "closing", "date") and run `curator render 1 --config {demo}`. To'
        f" make a new issue of your edits instead, run `curator draft --config {demo}` for a"
        " draft of issue 2 (articles issue 1 featured are not in it), copy your edits over into"
        " it, and build that draft"
    )
    assert "number:" not in err


def test_readme_s_keep_both_gives_the_older_curator_its_own_output_folder(demo: Path) -> None:
    """walk89 #1: README's "keep both" (`feeds-old.yaml` naming the kept copy of the store) let
    the older curator publish its issue over the new one's issue-3.html, index.html and feed.xml,
    while README said the output files "stay". feeds-old.yaml is written as README says (its
    store a copy, for the new curator refuses the kept copy beside the upgraded store) and run."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Upgrading curator") :]
    section = " ".join(section[: section.index("\n### ", 1)].split())
    settings = dict(re.findall(r"`(store|output|drafts): ([^`\s]+)`", section))
    assert settings["store"] == ".curator/curator.schema-4.db"
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    store = demo.parent / ".curator" / "curator.db"
    (demo.parent / ".curator" / "old.db").write_bytes(store.read_bytes())
    text = demo.read_text(encoding="utf-8")
    old = demo.with_name("feeds-old.yaml")
    lines = {"store": "  store: .curator/old.db"}
    lines |= {key: f"  {key}: {value}" for key, value in settings.items() if key != "store"}
    for key, line in lines.items():
        text = (
            re.sub(rf"(?m)^  {key}: .*$", line, text)
            if re.search(rf"(?m)^  {key}: ", text)
            else text.replace("\nsettings:\n", f"\nsettings:\n{line}\n", 1)
        )
    old.write_text(text, encoding="utf-8")

    assert run_cli("build", "--config", str(demo), "--no-fetch", "-q")[0] == 0
    output = demo.parent / "output"
    published = {p.name: p.read_bytes() for p in output.iterdir() if p.is_file()}
    assert {"issue-1.html", "index.html", "feed.xml"} <= set(published)
    code, out, err = run_cli("build", "--config", str(old), "--no-fetch", "-q")
    assert code == 0, err
    assert f"-> {demo.parent / settings['output'] / 'issue-1.html'}" in out
    assert {p.name: p.read_bytes() for p in output.iterdir() if p.is_file()} == published


def test_a_copied_folder_s_local_feeds_keep_their_stored_articles(
    demo: Path, tmp_path: Path
) -> None:
    """walk89 #6: in a copy of the folder (the demo's feeds are local files), fetch said each
    feed's entries were "stored already as articles of <the old path> (the same pages by other
    links)", the links being the same; the file of the same name is taken as the same feed."""
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    copy = tmp_path / "copy"
    shutil.copytree(demo.parent, copy)
    config = copy / "feeds.yaml"
    code, out, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    assert "by other links" not in err
    old, new = demo.parent / "feeds" / "northwind.xml", copy / "feeds" / "northwind.xml"
    assert (
        f"Northwind CX Journal: its entries are the 4 stored article(s) of {old}, no longer in"
        f" feeds.yaml: taken as the same feed file at its new path ({new}): the newsletter's"
        " folder was copied or moved, and the store with it, so they are now this feed's and are"
        " credited as it is"
    ) in err.splitlines()
    assert sum("the same feed file at its new path" in line for line in err.splitlines()) == 3
    assert out.endswith("0 new article(s) stored.\n")
    with sqlite3.connect(copy / ".curator" / "curator.db") as db:
        held = db.execute(
            "SELECT f.url, COUNT(*) FROM articles a JOIN feeds f ON f.id = a.feed_id GROUP BY f.url"
        ).fetchall()
    assert {url for url, _ in held} == {str(p) for p in (copy / "feeds").iterdir()}
