"""walk201 #5 (fixlw): what an unattended run says of a feed's return after an outage: the gap it
leaves blamed on the outage, not on how often curator is run; its return said under --quiet."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
from test_walk157 import _posts

from conftest import LocalServer, run_cli, said_as_one


def test_a_gap_after_failing_runs_blames_the_outage_and_quiet_says_the_return(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#5: posts 1-4 stored, the feed failing for 2 runs, then answering with posts 11-14: the
    gap was blamed on fetching too seldom; `fetch --quiet` said nothing of its return."""
    url = http_server.add("/feed.xml", _posts(http_server, range(1, 5)))
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, _, err = run_cli("fetch", "--config", str(config), "--quiet")
    assert code == 0, err
    http_server.add("/feed.xml", "Server error", status=500, content_type="text/plain")
    for _ in range(2):
        code, _, err = run_cli("fetch", "--config", str(config), "--quiet")
        assert "failed" in err, err
    http_server.add("/feed.xml", _posts(http_server, range(11, 15)))
    code, out, err = run_cli("fetch", "--config", str(config), "--quiet")
    assert code == 0, err
    said = said_as_one(err)
    assert "fetch more often" not in said, said
    assert (
        "and the feed keeps only its latest 4: the feed failed on the 2 run(s) between since"
        in said
    ), said
    assert "so its entries of that time were not read" in said, said
    assert "Weekly Posts: answering again after failing 2 run(s) since" in said, said
    assert said.count("answering again") == 1, said
