"""walk180 #10: `feeds check` gave a feed whose entries have no dates a "newest" date, the day it
was fetched; and a line indented out of step with the lines above it was told in YAML's own words
("expected <block end>, but found '<block mapping start>'") before the plain ones."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer
from conftest import run_cli as run


def test_feeds_check_says_no_dates_for_a_feed_whose_entries_have_none(
    tmp_path: Path, http_server: LocalServer
) -> None:
    undated = "".join(
        f"<item><title>Customer journey note {i}</title><link>http://undated.example/{i}</link>"
        f"<guid>undated-{i}</guid><description>Customer journey metrics.</description></item>"
        for i in range(3)
    )
    dated = (
        "<item><title>Survey response rates</title><link>http://dated.example/1</link>"
        "<guid>dated-1</guid><pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate>"
        "<description>Customer survey response rates.</description></item>"
    )
    no_dates = http_server.add("/u.xml", h.rss(undated, title="Dateless Digest"))
    with_dates = http_server.add("/d.xml", h.rss(dated, title="Dated Daily"))
    config = h.write_config(
        tmp_path,
        [{"url": no_dates, "fetch_pages": False}, {"url": with_dates, "fetch_pages": False}],
    )
    code, _, err = run("fetch", "--config", str(config), "--quiet")
    assert code == 0, err
    code, out, err = run("feeds", "check", "--config", str(config))
    assert code == 0, err
    lines = out.splitlines()
    undated_row = next(line for line in lines if line.endswith("  Dateless Digest"))
    dated_row = next(line for line in lines if line.endswith("  Dated Daily"))
    assert " no dates " in undated_row, out
    assert " 2026-11-02 " in dated_row and "no dates" not in dated_row, out
    code, out, err = run("feeds", "check", "--config", str(config), "--json")
    listed = {row["name"]: row for row in json.loads(out)}
    assert listed["Dateless Digest"]["newest_entry"] is None, listed
    assert listed["Dateless Digest"]["undated"] is True, listed
    assert listed["Dated Daily"]["newest_entry"].startswith("2026-11-02"), listed
    assert listed["Dated Daily"]["undated"] is False, listed


def test_a_line_out_of_step_is_told_in_plain_words_first(tmp_path: Path) -> None:
    config = h.write_config(
        tmp_path, [{"url": "http://127.0.0.1:9/feed.xml", "name": "Brightline"}]
    )
    text = config.read_text("utf-8")
    assert "\n  name: Brightline\n" in text, text
    config.write_text(text.replace("\n  name: Brightline\n", "\n name: Brightline\n"), "utf-8")
    line = text[: text.index("\n  name: Brightline")].count("\n") + 2
    code, out, err = run("feeds", "list", "--config", str(config))
    assert code == 2 and out == "", (code, out, err)
    said = err.strip()
    assert said.startswith(
        f"curator: {config}:{line}:2: not valid YAML: this line does not line up with the lines"
        " above it; this line is indented 1 space and the key above it 2: check the indentation"
    ), said
    # YAML's own words come last, for whoever knows them
    assert said.endswith(
        "(the YAML parser says: \"expected <block end>, but found '<block mapping start>'\")"
    ), said
