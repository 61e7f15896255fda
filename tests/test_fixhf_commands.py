"""fixgy's leftovers: commands quoted in messages ran as written gave a usage error
("`curator feeds add`" after `feeds remove --drop-waiting` and in `subjects explain`, with no
URL). Each quoted command parses with the CLI's own parser."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from test_fixgv_credits import _config, _feed, _page
from test_fixgy_walk166 import _parse_command

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_commands_quoted_after_a_feed_removed_with_drop_waiting_run_as_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = []
    for n, title in enumerate(("Support Queues", "Effort Scores")):
        link = http_server.add(f"/p/{n}/", _page(title), content_type="text/html")
        items.append((title, link, ""))
    feed = _feed(http_server, "/feed.xml", items, "Zeta Post")
    config = _config(tmp_path, f"  - url: {feed}\n")
    code, _, err = run("fetch", "--config", str(config))
    assert code == 0, err
    code, out, err = run("feeds", "remove", feed, "--drop-waiting", "--config", str(config))
    assert code == 0, err
    said = said_as_one(out + err)
    assert f"adding the feed back with `curator feeds add {feed} --config" in said, said
    commands = re.findall(r"`(curator [^`]+)`", said)
    code, out, err = run("subjects", "explain", items[0][1], "--config", str(config))
    assert code == 0, err
    said = said_as_one(out + err)
    assert f"Its feed {feed} was removed with --drop-waiting" in said, said
    assert f"adding the feed back (`curator feeds add {feed} --config" in said, said
    commands += re.findall(r"`(curator [^`]+)`", said)
    assert len(commands) >= 2, commands
    for command in commands:
        try:
            _parse_command(command)
        except click.UsageError as exc:
            pytest.fail(f"`{command}` does not run: {exc.format_message()}")
