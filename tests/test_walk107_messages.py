"""Notes that repeated, misled or showed a placeholder (walk107's and earlier walks' leftovers,
fixdg): a blurb link whose address holds a space, a corrected blurb published but not stored, the
advice on a page that reads as a list of posts, and a feed back after a Retry-After wait."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import hostile_helpers as h
import pytest

from conftest import LocalServer, copy_demo, run_cli

BLURB_END = "then be generous where it counts.\n"


def _items(count: int) -> str:
    return "".join(
        f"<item><title>Wait article {i} on the customer journey</title>"
        f"<link>http://wait.example/post/{i}</link><guid>wait-{i}</guid>"
        "<description>Customer journey mapping for service teams.</description>"
        "<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>"
        for i in range(count)
    )


def test_a_feed_back_after_a_retry_after_wait_says_it_waited_not_that_it_failed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk107: a feed that asked curator to wait (429, Retry-After) and answered after the wait
    said "answering again after failing 1 run(s)", where the wait is no failure (README)."""
    url = http_server.add("/wait.xml", h.rss(_items(2), title="Wait Unit"))
    config = h.write_config(tmp_path, [{"url": url, "name": "Wait", "fetch_pages": False}])
    assert run_cli("fetch", "--config", str(config), "-q")[0] == 0
    http_server.add("/wait.xml", b"slow down", status=429, headers={"Retry-After": "3600"})
    code, _, err = run_cli("fetch", "--config", str(config), "-q")
    assert code == 0 and "asked curator to wait (not a failure)" in err, err
    # The wait is over (as if an hour went by), and the feed answers.
    with sqlite3.connect(tmp_path / "state" / "curator.db") as conn:
        conn.execute("UPDATE feeds SET wait_until = '2000-01-01T00:00:00+00:00'")
    conn.close()
    http_server.add("/wait.xml", h.rss(_items(3), title="Wait Unit"))
    code, out, err = run_cli("fetch", "--config", str(config), "--json")
    assert code == 0, err
    line = next(x for x in err.splitlines() if "Wait:" in x)
    assert "failing" not in line, line
    assert (
        "(answering again: its server had asked curator to wait (Retry-After), and curator"
        " waited as asked)"
    ) in line, line
    back = json.loads(out)["feeds"][0]["back_after_failing"]
    assert back["after_wait"] is True and back["runs"] == 1, back


def _draft(tmp_path: Path, blurb_line: str) -> tuple[Path, Path]:
    """The demo's first draft with `blurb_line` added to its first blurb: (config, draft)."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert BLURB_END in text
    draft.write_text(text.replace(BLURB_END, BLURB_END + blurb_line + "\n", 1), encoding="utf-8")
    return config, draft


def test_a_blurb_link_whose_address_holds_a_space_is_warned_about_with_its_line(
    tmp_path: Path,
) -> None:
    """walk107 (walk106 #3's introduction link, in a blurb): `[report](https://example.com/a
    report.pdf)` was published as typed in every edition, and the build said nothing."""
    config, draft = _draft(
        tmp_path,
        "See [report](https://example.com/a report.pdf), [fine](https://example.com/a%20b.pdf)"
        " and [also fine](<https://example.com/c d.pdf>).",
    )
    lines = draft.read_text(encoding="utf-8").splitlines()
    line = next(n for n, x in enumerate(lines, 1) if "[report]" in x)
    heading = max(n for n, x in enumerate(lines[:line], 1) if x.startswith("## "))
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        f'{draft}:{line}: "[report](https://example.com/a report.pdf)" is no link, as its'
        " address holds a space"
    ) in said, said
    assert "write each space as %20" in said
    assert "[report](<https://example.com/a report.pdf>)" in said
    assert f"in the blurb under line {heading} of {draft}" in said
    assert "[fine]" not in said and "also fine" not in said
    html = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert 'href="https://example.com/a%20b.pdf"' in html
    assert 'href="https://example.com/c%20d.pdf"' in html


def test_a_build_names_the_next_drafts_path_for_a_page_that_reads_as_a_list_of_posts(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    """walk107: after a build, the advice on an article whose page reads as a list of posts
    ended "`curator draft`, then `curator build --draft`", which with --config became the
    placeholder `curator build --draft DRAFT --config ...`: pasted, "DRAFT: cannot read the
    draft". It names the real files now: issue-N.json to correct the issue just published,
    and the next draft's path."""
    from test_walk52 import DARING_FIREBALL, item, newsletter

    path = corpus / DARING_FIREBALL
    if not path.is_file():
        pytest.skip(f"the corpus page {path} is missing")
    page = http_server.add("/df.html", path.read_bytes(), content_type="text/html; charset=utf-8")
    config = newsletter(tmp_path, http_server, [item("Daring Fireball", page, None, 1)], True)
    code, out, err = run_cli("build", "--config", str(config), "--all-subjects")
    assert code == 0 and "Issue 1:" in out, err
    said = " ".join(err.split())
    assert "reads as a list of posts" in said, said
    assert "DRAFT" not in said, said
    out_dir = config.parent / "output"
    draft = config.parent / "drafts" / "issue-2.md"
    assert (
        f"issue 1 was published with its blurb ({out_dir / 'issue-1.html'}); to correct it now:"
        f' its "blurb" in {out_dir / "issue-1.json"}, then `curator render 1 --config {config}`;'
        " next time, to check an issue before it is published: `curator draft --config"
        f" {config}` (which writes {draft}), then `curator build --draft {draft} --config"
        f" {config}`:"
    ) in said, said


def test_a_blurb_corrected_in_issue_json_is_stored_and_said_once(tmp_path: Path) -> None:
    """walk107: a blurb corrected in output/issue-N.json (README's way, then `curator render N`)
    was published but not stored: the store's record of the issue kept the old blurb, so the
    correction was told as new again, and an issue whose file was lost came back without it.
    The store keeps it now, said by the render that publishes it, and by no later one."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    out = config.parent / "output"
    json_file = out / "issue-1.json"
    data = json.loads(json_file.read_text(encoding="utf-8"))
    art = data["sections"][0]["articles"][0]
    title, url = art["title"], art["url"]
    art["blurb"] = "CORRECTED blurb: in the editor words."
    art["publication"] = "Corrected Gazette"
    json_file.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        f'issue 1, "{title}": its "publication" and "blurb" as corrected in {json_file} are'
        " published, and the store now keeps it too"
    ) in said, said
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        (stored,) = db.execute(
            "SELECT ia.blurb, ia.publication FROM issue_articles ia"
            " JOIN articles a ON a.id = ia.article_id WHERE a.url = ?",
            (url,),
        ).fetchall()
    db.close()
    assert stored == ("CORRECTED blurb: in the editor words.", "Corrected Gazette")
    # Said once: the next render has nothing new to say of it.
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0 and "corrected" not in err and "store" not in err, err
    # The file lost, the issue comes back from the store with the correction.
    json_file.unlink()
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    assert "is missing, so it was rendered from the store" in " ".join(err.split()), err
    html = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "CORRECTED blurb: in the editor words." in html and "Corrected Gazette" in html
    assert "CORRECTED blurb" in json.dumps(json.loads(json_file.read_text(encoding="utf-8")))
