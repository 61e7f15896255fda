"""Misbehaving servers, as walk32 met them (#1-#8), each through `curator fetch`/`build` and
`feeds check` against a real local server."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli


def _fetch(config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("fetch", "--config", str(config), *args)


def test_a_well_formed_feed_of_10000_entries_is_capped_not_called_malformed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    h.quiet(http_server)
    body = b"".join(h.many_entries(10_000, http_server.url("/many/")))
    url = http_server.add("/many.xml", body, content_type="application/rss+xml")
    config = h.write_config(tmp_path, [{"url": url, "name": "Many", "fetch_pages": False}])
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    line = next(x for x in stderr.splitlines() if "Many:" in x)
    assert "1000 entries, 1000 new" in line
    assert "read the first 1000 of its 10,000 entries (curator reads at most 1000 per feed)" in line
    assert "not well formed" not in stderr
    report = json.loads(out)["feeds"][0]
    assert report["not_well_formed"] is None and report["warning"] is None
    assert report["entries_in_feed"] == 10_000
    # The same bytes again: unchanged, and no lasting "malformed" mark.
    code, _, stderr = _fetch(config)
    assert code == 0 and "not well formed" not in stderr
    assert "until the publisher fixes it" not in stderr
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert code == 0
    assert out.splitlines()[1].startswith("ok"), out
    assert "not well formed" not in out and "need a look" not in out
