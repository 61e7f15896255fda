"""`curator feeds ...` as an editor (and cron) uses it: real files, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import hostile_helpers as h
from click.testing import CliRunner

from conftest import LocalServer
from curator.cli import cli
from curator.errors import EXIT_FAILED, EXIT_FEEDS_FAILING, EXIT_INPUT, EXIT_OK


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


# -- feeds check: an exit code cron can alert on (issue 12.12) ------------------------------------


def test_feeds_check_exits_3_while_a_feed_fails_and_0_once_it_is_back(
    tmp_path: Path, http_server: LocalServer
) -> None:
    healthy = h.serve_healthy(http_server)
    flaky = http_server.add("/flaky.xml", h.rss("<item><title>One</title></item>", "Flaky"))
    config = h.write_config(tmp_path, [{"url": healthy, "name": "Northwind"}, {"url": flaky}])
    assert invoke("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = invoke("feeds", "check", "--config", str(config))
    assert (code, err) == (EXIT_OK, "")
    assert "need a look" not in out

    http_server.add("/flaky.xml", b"down for maintenance", status=503, content_type="text/plain")
    assert invoke("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = invoke("feeds", "check", "--config", str(config))
    assert code == EXIT_FEEDS_FAILING == 3
    assert out.splitlines()[-1] == "1 of 2 feed(s) need a look."
    assert err == "curator: 1 of 2 feed(s) failing or gone: Flaky\n"
    code, out, err = invoke("feeds", "check", "--config", str(config), "--json")
    assert code == 3
    assert [row["status"] for row in json.loads(out)] == ["ok", "failing"]

    http_server.add("/flaky.xml", h.rss("<item><title>Two</title></item>", "Flaky"))
    assert invoke("fetch", "--config", str(config), "-q")[0] == 0
    assert invoke("feeds", "check", "--config", str(config))[0] == 0


def test_feeds_check_help_says_which_code_means_what() -> None:
    code, out, _ = invoke("feeds", "check", "--help")
    assert code == 0
    codes = dict(re.findall(r"^\s+(\d)\s+(.+)$", out.split("Exit codes", 1)[1], re.M))
    assert set(codes) == {"0", "1", "2", "3"}
    assert str(EXIT_FEEDS_FAILING) in codes and "failing" in codes[str(EXIT_FEEDS_FAILING)]
    assert "feeds.yaml" in codes[str(EXIT_INPUT)] and "could not run" in codes[str(EXIT_FAILED)]
    # The root table names it too.
    assert "`feeds check` only" in invoke("--help")[1]
