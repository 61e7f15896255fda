"""Misbehaving servers, second pass, as walk37 met them (new findings 1-6), each through the CLI
against a real local server."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli


def _fetch(config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("fetch", "--config", str(config), *args)


def test_feeds_check_shows_a_feed_only_waiting_as_waiting_not_failing(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: `failing  never ... Slow down`, `1 of 1 feed(s) failing or gone`, exit 4."""
    url = http_server.add("/slow.xml", b"slow down", status=429, headers={"Retry-After": "3600"})
    config = h.write_config(tmp_path, [{"url": url, "name": "Slow", "fetch_pages": False}])
    _fetch(config, "--quiet")
    code, out, err = run_cli("feeds", "check", "--config", str(config))
    assert code == 0, (out, err)
    row = next(x for x in out.splitlines() if x.endswith("Slow"))
    assert row.split()[0] == "waiting", out
    assert "the server asked curator to wait until" in out
    assert "failing for" not in out and "failing or gone" not in out + err
    assert "need a look" not in out
    code, out, _ = run_cli("feeds", "check", "--config", str(config), "--json")
    assert code == 0 and json.loads(out)[0]["status"] == "waiting"


def test_fetch_quiet_still_says_a_feed_is_waiting(tmp_path: Path, http_server: LocalServer) -> None:
    """Before: `--quiet` printed only `0 new article(s) stored.` on the runs that did not ask."""
    url = http_server.add("/slow.xml", b"slow down", status=429, headers={"Retry-After": "3600"})
    good = h.serve_healthy(http_server)
    config = h.write_config(
        tmp_path,
        [
            {"url": url, "name": "Slow", "fetch_pages": False},
            {"url": good, "name": "Good", "fetch_pages": False},
        ],
    )
    _fetch(config, "--quiet")
    code, _, err = _fetch(config, "--quiet")
    assert code == 0, err
    assert "1 feed(s) not asked in this run (not a failure)" in err
    assert "  Slow: the server asked curator to wait until" in err
