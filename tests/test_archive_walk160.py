"""What a big archive's reports say (walk160: an editor with 300 feeds and 166,000 articles):
a fetch's feed lines, what `fetch` leaves for the reports, and the reports run on a backup."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import hostile_helpers as h
import pytest

from conftest import LocalServer, run_cli, said_as_one

#: What curator reads of one feed at most (curator.feeds.MAX_ENTRIES), written out.
MAX_ENTRIES = 1000


def add_feed(config: Path, url: str) -> None:
    """`url` as the first feed of the newsletter at `config`, its pages not read."""
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("feeds:\n", f"feeds:\n  - url: {url}\n    fetch_pages: false\n", 1),
        encoding="utf-8",
    )


def test_a_long_feed_not_well_formed_says_so_once(demo: Path, http_server: LocalServer) -> None:
    """walk160 #9: `Feed 243 ...: 1000 entries, 1000 new (not well formed: not well formed:
    PCDATA invalid Char value 8)`, and the same doubled under "need a look": a feed of more
    than curator reads, with a control character in it, is said not well formed once."""
    chunks = list(h.many_entries(MAX_ENTRIES + 5, "https://long.example/"))
    chunks[1] = chunks[1].replace(b"Entry number 0", b"Entry\x08 number 0")
    add_feed(demo, http_server.add("/long.xml", b"".join(chunks)))
    code, out, err = run_cli("fetch", "--config", str(demo))
    assert code == 0, err
    assert "not well formed: not well formed" not in said_as_one(err), err
    line = next(x for x in err.splitlines() if f"{MAX_ENTRIES} entries" in x)
    assert "(not well formed: PCDATA invalid Char value 8)" in line, line


def test_waiting_on_parsing_names_no_feed(
    tmp_path: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk160 #3: "waiting for Feed 77 ..., Feed 7 ..." every 15 s for minutes while no
    connection to either was open: curator's workers had a backlog of parsing. A feed is named
    only while its request is under way; after its answer, the wait is curator's own parsing.
    (Here the parsing waits its turn a moment, as behind a backlog, and the run says what it
    waits on at once, and again when that changes.)"""
    from curator import harvest
    from curator.cli import report_progress
    from curator.workers import Workers

    monkeypatch.setattr(report_progress, "WAITING_AFTER", 0.0)
    monkeypatch.setattr(harvest, "WAITING_TICK", 0.02)
    run = Workers.run

    async def behind_a_backlog(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        if fn is harvest.parse_feed:
            await asyncio.sleep(0.3)  # (the event loop goes on, as with busy workers)
        return await run(self, fn, *args, **kwargs)

    monkeypatch.setattr(Workers, "run", behind_a_backlog)
    feeds = [
        {"url": http_server.add(f"/{name}.xml", h.rss(items)), "name": name.title()}
        for name, items in (
            ("seventy", "<item><title>Service desks</title><link>http://a.example/1</link></item>"),
            ("seven", "<item><title>Complaints</title><link>http://a.example/2</link></item>"),
        )
    ]
    config = h.write_config(tmp_path, feeds, settings={"fetch_pages": False})
    code, out, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    waiting = [line for line in err.splitlines() if line.startswith("  waiting")]
    # (a line may say first the feeds whose requests were under way then, true then, and one
    # the feed parsed last alone)
    # (walk174 #7c: "waiting    for curator parsing 1 feed' entries": one phrase now)
    assert "  waiting for curator to parse the entries of 2 feeds" in waiting, err
    assert not any("feeds' entries" in line or "waiting    " in line for line in waiting), err


def test_a_report_on_a_backup_advises_commands_for_the_newsletter(
    demo: Path, tmp_path: Path
) -> None:
    """walk160 #7: reports run on a backup (`--db BACKUP`) advised `curator subjects move URL
    SUBJECT --db BACKUP`: pasted, the moves went into the backup, never the newsletter. They
    now advise the commands without --db, and say once that they change the newsletter's own
    store."""
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    backup = tmp_path / "backup.db"
    assert run_cli("backup", str(backup), "--config", str(demo))[0] == 0
    code, out, err = run_cli("subjects", "uncertain", "--config", str(demo), "--db", str(backup))
    assert code == 0, err
    commands = re.findall(r"`(curator [^`]+)`", out)
    assert commands and not [c for c in commands if "--db" in c], out
    own = demo.parent / ".curator" / "curator.db"
    note = (
        f"(--db {backup}: this is a copy: the commands below change the newsletter's own store,"
        f" {own}, as they have no --db)"
    )
    assert said_as_one(out).count(note) == 1, out
    assert said_as_one(out).index(note) < said_as_one(out).index("`curator ")


def test_uncertain_and_overlap_say_which_articles_they_looked_at(demo: Path) -> None:
    """walk160 #6: `subjects uncertain` and `overlap` looked at the 3,000 newest articles only
    (of 83,628 unfeatured), said on stderr alone, while README presented "the N least sure".
    stdout says the window when it is not every article, --newest N and --all set it, and
    --json gives it (`scanned`, `of`)."""
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run_cli("subjects", "uncertain", "--config", str(demo), "--json")
    assert code == 0, err
    listed = json.loads(out)
    assert listed, out
    of = listed[0]["of"]
    assert of > 5 and all((u["scanned"], u["of"]) == (of, of) for u in listed), out
    code, out, err = run_cli("subjects", "uncertain", "--config", str(demo), "--newest", "5")
    assert code == 0, err
    assert out.startswith(
        f"Among the 5 newest of {of:,} unfeatured articles (`curator subjects uncertain --all"
    ), out
    assert "scoring the 5 newest unfeatured articles" in err
    code, out, err = run_cli("subjects", "uncertain", "--config", str(demo), "--all")
    assert code == 0 and not out.startswith("Among"), out
    code, out, err = run_cli("subjects", "overlap", "--config", str(demo), "--newest", "5")
    assert code == 0, err
    assert re.match(r"Among the 5 newest of [\d,]+ articles \(`curator subjects overlap --all", out)
    code, out, err = run_cli(
        "subjects", "overlap", "--config", str(demo), "--newest", "5", "--json"
    )
    assert code == 0 and all(o["scanned"] == 5 for o in json.loads(out)), out


def test_fetch_places_what_it_stored(demo: Path, tmp_path: Path) -> None:
    """walk160 #5: README's week says `curator fetch  # read the feeds: new articles stored and
    placed`, but fetch did not place: every report after it (`subjects list`, `themes`,
    `subjects uncertain`, on a backup) said "Placing new articles under subjects: not done in the
    store yet, so this command did it in a copy" (40-79 s each), and the next build placed the
    whole archive. fetch places them now: the reports find nothing to do."""
    code, out, err = run_cli("fetch", "--config", str(demo))
    assert code == 0, err
    backup = tmp_path / "backup.db"
    assert run_cli("backup", str(backup), "--config", str(demo))[0] == 0
    for command in (("subjects", "list"), ("themes",), ("subjects", "uncertain")):
        code, out, err = run_cli(*command, "--config", str(demo), "--db", str(backup))
        assert code == 0, err
        assert "not done in the store yet" not in said_as_one(err), (command, err)
    code, out, err = run_cli("subjects", "list", "--config", str(demo))
    assert code == 0 and "placing new articles" not in err.lower(), err
