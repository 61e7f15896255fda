"""walk86's findings over three months of issues: `curator themes` dates a theme's last issue by
its `date:` (2); a corrected issue's entry in feed.xml is marked updated (3)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from conftest import run_cli as run

BASICS = "The basics of customer experience"


def test_themes_dates_the_last_theme_by_the_issue_date_not_the_build_day(
    themed_demo: Path,
) -> None:
    """walk86 #2: `Sport: ... last a theme in issue 9 (2026-12-06)`, the day it was built, while
    issue 9 is dated 2026-11-13 (its draft's `date:`, as issue-9.json and feed.xml say)."""
    demo = themed_demo
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    text = re.sub(r"(?m)^date: .*$", "date: 2021-03-04", draft.read_text(encoding="utf-8"))
    draft.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(draft), "-q")
    assert code == 0, err
    published = json.loads((demo.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    assert published["date"].startswith("2021-03-04"), published

    code, out, err = run("themes", "--config", str(demo))
    assert code == 0, err
    assert (
        f"  {BASICS}: 0 article(s) (too thin, needs 2); last a theme in issue 1 (2021-03-04)" in out
    )
    code, out, err = run("themes", "--config", str(demo), "--json")
    assert code == 0, err
    (row,) = [s for s in json.loads(out)["subjects"] if s["subject"] == BASICS]
    assert row["last_theme"] == {"issue": 1, "date": "2021-03-04"}


def entry_times(demo: Path) -> dict[int, tuple[str, str]]:
    """Each issue's (<published>, <updated>) in the output's feed.xml, by number."""
    feed = (demo.parent / "output" / "feed.xml").read_text(encoding="utf-8")
    return {
        int(n): (published, updated)
        for n, published, updated in re.findall(
            r"issue-(\d+)\.html\"/>\s*<published>([^<]+)</published>\s*<updated>([^<]+)</updated>",
            feed,
        )
    }


def test_a_render_that_corrects_an_issue_marks_its_feed_entry_updated(themed_demo: Path) -> None:
    """walk86 #3: after a blurb corrected in issue-3.json and `curator render 3` ("7 of them
    changed: ... feed.xml"), issue 3's entry kept <updated> equal to <published>: feed readers
    never saw the correction. Its <updated> is the render's time, kept by later renders and
    builds; the other issues' entries and every <published> stay as they were."""
    demo = themed_demo
    for more in ((), ("--no-fetch",)):
        code, _, err = run("build", "--config", str(demo), "-q", *more)
        assert code == 0, err
    before = entry_times(demo)
    assert sorted(before) == [1, 2] and all(p == u for p, u in before.values()), before

    path = demo.parent / "output" / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"][0]["articles"][0]["blurb"] = "A corrected blurb, as the editor wrote it."
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    start = datetime.now(UTC).replace(microsecond=0)
    code, out, err = run("render", "--config", str(demo), "1")
    assert code == 0, err
    assert "feed.xml" in out.split("changed:", 1)[1], out
    after = entry_times(demo)
    published, updated = after[1]
    assert published == before[1][0], after
    assert datetime.fromisoformat(updated) >= start, after
    assert (
        f"feed.xml marks the entry of issue(s) 1 updated ({updated}), whose text changed: feed"
        " readers show the change."
    ) in out, out
    assert after[2] == before[2], after
    feed = (demo.parent / "output" / "feed.xml").read_text(encoding="utf-8")
    assert re.search(r"<feed[^>]*>.*?<updated>([^<]+)</updated>", feed, re.S)[1] == updated

    code, out, err = run("render", "--config", str(demo), "--all")
    assert code == 0, err
    assert "none changed" in out and "marks" not in out, out
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0, err
    later = entry_times(demo)
    assert later[1] == (published, updated) and later[2] == before[2], later
    assert later[3][0] == later[3][1], later


VOICE = "Voice of the customer"


def test_an_article_published_under_a_subject_since_retired_says_so(demo: Path) -> None:
    """walk86 #1: after `Entertainment` was deleted from feeds.yaml, the 28 articles issues 1-7
    published under it went under other subjects without a word: `subjects list` gave
    `0.221  Burren awarded Egyptian contracts  [issue 7]` under Business, `explain` said `Media:
    score 0.117`, naming neither, and the next draft and build said nothing. The first command
    to place them again says so, once; `list` and `explain` name the issue and the subject."""
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    data = json.loads((demo.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    (voice,) = [s for s in data["sections"] if s["subject"] == VOICE]
    urls = [a["url"] for a in voice["articles"]]
    assert urls
    text = demo.read_text(encoding="utf-8")
    start = text.index(f"  - name: {VOICE}")
    demo.write_text(text[:start] + text[text.index("\n\n", start) + 2 :], encoding="utf-8")

    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        f'{len(urls)} article(s) that issue 1 published under "{VOICE}", which {demo} no longer'
        " has as a subject, are placed by curator from now on"
    ) in said, said
    code, _, err = run("draft", "--config", str(demo), "-q", "--force")
    assert code == 0 and VOICE not in err, err  # (said once)

    code, out, err = run("subjects", "list", "--config", str(demo))
    assert code == 0, err
    marker = f'[issue 1 published it under "{VOICE}", not a subject in feeds.yaml now]'
    for url in urls:
        (row,) = [i for i, line in enumerate(out.splitlines()) if line.strip() == url]
        assert out.splitlines()[row - 1].endswith(marker), out
    code, out, err = run("subjects", "list", "--config", str(demo), "--json")
    assert code == 0, err
    assert {r["url"]: r["published_under"] for r in json.loads(out) if r["url"] in urls} == {
        url: VOICE for url in urls
    }

    code, out, err = run("subjects", "explain", "--config", str(demo), urls[0])
    assert code == 0, err
    assert (
        f'  issue 1 published it under "{VOICE}", which is not a subject in feeds.yaml now:'
        " curator places it itself (the issue keeps its text); to keep it under one:"
        f" curator subjects move {urls[0]} SUBJECT"
    ) in out, out


def placed(demo: Path, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """`subjects list --json`: each of `urls`' (subject, published_under)."""
    code, out, err = run("subjects", "list", "--config", str(demo), "--json")
    assert code == 0, err
    return {
        r["url"]: (r["subject"], r["published_under"]) for r in json.loads(out) if r["url"] in urls
    }


def issue_one_basics(demo: Path) -> list[str]:
    """Issue 1 of the themed demo built, the addresses of the articles it published under its
    theme, the basics of customer experience."""
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    data = json.loads((demo.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    (basics,) = [s for s in data["sections"] if s["subject"] == BASICS]
    urls = [a["url"] for a in basics["articles"]]
    assert urls
    return urls


def test_subjects_rename_keeps_what_issues_published_under_the_old_name(
    themed_demo: Path,
) -> None:
    """fixcp (after walk86 #1): the editor renamed a subject as README says (feeds.yaml, then
    `curator subjects rename OLD NEW`), yet `subjects list` warned that the 4 articles issue 1
    published under OLD "are placed by curator from now on", marked each `[issue 1 published it
    under "OLD", not a subject in feeds.yaml now]` and the model placed them again. They stay under
    the new name, as issue 1 published them, through renames twice and back, and an undone move
    puts one back there; a subject renamed in feeds.yaml alone warns with `subjects rename`."""
    demo = themed_demo
    urls = issue_one_basics(demo)

    def rename(old: str, new: str, *, in_feeds_yaml: bool = True) -> str:
        if in_feeds_yaml:
            text = demo.read_text(encoding="utf-8")
            demo.write_text(text.replace(old, new), encoding="utf-8")
        code, out, err = run("subjects", "rename", "--config", str(demo), old, new)
        assert code == 0, err
        return " ".join(out.split())

    said = rename(BASICS, "CX basics")
    assert (
        f'{len(urls)} article(s) that issue 1 published under "{BASICS}" are under "CX basics"'
        " now, as their issues printed them under"
    ) in said, said
    code, out, err = run("subjects", "list", "--config", str(demo))
    assert code == 0, err
    assert "no longer has as a subject" not in err and "not a subject" not in out, (out, err)
    lines = out.splitlines()
    for url in urls:
        (row,) = [i for i, line in enumerate(lines) if line.strip() == url]
        assert lines[row - 1].endswith("  [issue 1]"), out
    assert placed(demo, urls) == {url: ("CX basics", "CX basics") for url in urls}

    # A move undone puts the article back under the issue's subject, by its new name.
    code, _, err = run("subjects", "move", "--config", str(demo), urls[0], "Service operations")
    assert code == 0, err
    code, out, err = run("subjects", "undo", "--config", str(demo), urls[0])
    assert code == 0, err
    assert "curator places it itself again: under CX basics" in out, out
    assert placed(demo, urls)[urls[0]] == ("CX basics", "CX basics")

    # Renamed in feeds.yaml alone: the warning names the command; the command then keeps them.
    demo.write_text(demo.read_text(encoding="utf-8").replace("CX basics", "Basics"), "utf-8")
    code, out, err = run("subjects", "list", "--config", str(demo))
    assert code == 0, err
    assert (
        f'{len(urls)} article(s) that issue 1 published under "{BASICS}" (since renamed "CX'
        f' basics"), which {demo} no longer has as a subject, are placed by curator from now on'
    ) in " ".join(err.split()), err
    assert "`curator subjects rename 'CX basics' " in err, err
    rename("CX basics", "Basics", in_feeds_yaml=False)
    code, out, err = run("subjects", "list", "--config", str(demo))
    assert code == 0 and "no longer has" not in err and "not a subject" not in out, (out, err)
    assert placed(demo, urls) == {url: ("Basics", "Basics") for url in urls}

    # Renamed back to its first name: as issue 1 published them, no mark.
    rename("Basics", BASICS)
    code, out, err = run("subjects", "list", "--config", str(demo))
    assert code == 0 and "no longer has" not in err and "not a subject" not in out, (out, err)
    assert placed(demo, urls) == {url: (BASICS, BASICS) for url in urls}
    code, out, err = run("subjects", "explain", "--config", str(demo), urls[1])
    assert code == 0 and "not a subject" not in out and f"  {BASICS}: " in out, out
