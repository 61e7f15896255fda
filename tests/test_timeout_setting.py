"""`settings: timeout` is what README's table says: the seconds one request may take, connecting
to last byte, with no shorter fixed limit on a silence within it (walk14 #2: with `timeout: 60`,
a feed silent for 20 s failed with `no answer within 15 s`). Against a real server on 127.0.0.1."""

from __future__ import annotations

import functools
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import hostile_helpers as h
import pytest

from conftest import LocalServer
from curator import harvest
from curator.fetch_request import FetchSettings


def slow_feed(server: LocalServer, silent: float) -> str:
    """A feed that says nothing for `silent` seconds, then the whole feed at once."""
    stop = threading.Event()

    def handler(req: BaseHTTPRequestHandler) -> None:
        stop.wait(silent)
        body = h.rss("<item><title>Late news</title><link>http://example.com/late</link></item>")
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    return server.add("/slow.xml", handler=handler)


def test_a_feed_silent_for_less_than_the_timeout_is_read(
    tmp_path: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fixed 15 s silence limit, scaled down to 1 s so that the test takes 2 s, not 20: any
    # limit of the fetch's own that is shorter than the setting must give way to it.
    monkeypatch.setattr(harvest, "FetchSettings", functools.partial(FetchSettings, read_timeout=1))
    h.quiet(http_server)
    url = slow_feed(http_server, silent=2)
    config = h.write_config(
        tmp_path,
        [{"url": url, "name": "Slow Times"}],
        settings={"timeout": 4, "fetch_pages": False},
    )
    code, data, err = h.build_json(config, command="fetch")
    assert code == 0, err
    (feed,) = data["feeds"]
    assert (feed["status"], feed["new"], feed["error"]) == ("ok", 1, None), err
    assert "no answer" not in err


def test_a_feed_silent_for_longer_than_the_timeout_is_named_with_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    h.quiet(http_server)
    url = slow_feed(http_server, silent=3)
    config = h.write_config(
        tmp_path,
        [{"url": url, "name": "Slow Times"}],
        settings={"timeout": 1, "fetch_pages": False},
    )
    code, data, err = h.build_json(config, command="fetch")
    assert code != 0
    (feed,) = data["feeds"]
    assert (feed["status"], feed["error"]) == ("failed", "no answer within 1 s"), err
