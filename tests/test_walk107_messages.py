"""Notes that repeated, misled or showed a placeholder (walk107's and earlier walks' leftovers,
fixdg): a blurb link whose address holds a space, a corrected blurb published but not stored, the
advice on a page that reads as a list of posts, and a feed back after a Retry-After wait."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import hostile_helpers as h

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
