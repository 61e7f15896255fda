"""While nothing finishes, the progress says what the run is waiting on (walk26 #1: a build
printed nothing on stderr for 68 s while it waited on 2 slow feeds and a hanging one, and
"(13 feed(s) still to read)" stood for 45 s without naming them).

Through the command line as a real process, against a real HTTP server on 127.0.0.1 with a feed
and a page that hang until the test lets them go.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import hostile_helpers as h

from conftest import REPO, LocalServer

PAGE = (
    b"<html><head><title>Service desks</title></head><body><article><h1>Service desks</h1>"
    b"<p>Customer experience starts at the service desk, where teams listen to customers and fix"
    b" the causes of their complaints.</p></article></body></html>"
)


def hanging_setup(tmp_path: Path, server: LocalServer, release: threading.Event) -> Path:
    """A feed that hangs ("Slow Times") and a quick feed whose one page hangs, until `release`."""

    def hang(body: bytes, content_type: str):  # type: ignore[no-untyped-def]
        def handler(req: BaseHTTPRequestHandler) -> None:
            release.wait(30)
            req.send_response(200)
            req.send_header("Content-Type", content_type)
            req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            req.wfile.write(body)

        return handler

    h.quiet(server)
    page = server.add("/story.html", handler=hang(PAGE, "text/html"))
    item = f"<item><title>Service desks</title><link>{page}</link></item>"
    slow = h.rss("<item><title>Late</title><link>http://example.com/late</link></item>")
    feeds = [
        {"url": server.add("/slow.xml", handler=hang(slow, "application/rss+xml")), "name": "Slow"},
        {"url": server.add("/quick.xml", h.rss(item)), "name": "Quick"},
    ]
    return h.write_config(tmp_path, feeds, settings={"timeout": 25})


def run_for(args: list[str], seconds: float, release: threading.Event, *, tty: bool) -> str:
    """stderr of `curator <args>` (on a terminal or a pipe), with the hanging answers let go after
    `seconds`."""
    threading.Timer(seconds, release.set).start()
    if not tty:
        proc = h.curator_process(*args)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        return err
    leader, follower = pty.openpty()
    proc2 = subprocess.Popen(
        [sys.executable, "-m", "curator", *args], cwd=REPO, stdout=subprocess.PIPE, stderr=follower
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc2.communicate(timeout=60)
    assert proc2.returncode == 0
    return b"".join(chunks).decode()


def test_a_log_names_the_feeds_and_hosts_it_waits_on(
    tmp_path: Path, http_server: LocalServer
) -> None:
    release = threading.Event()
    config = hanging_setup(tmp_path, http_server, release)
    began = time.monotonic()
    err = run_for(["fetch", "--config", str(config)], 8, release, tty=False)
    assert time.monotonic() - began >= 8
    host = http_server.base.split("//")[1]
    waiting = [ln for ln in err.splitlines() if ln.startswith("  waiting")]
    # Said once (not every second) while nothing finished for 8 s.
    assert waiting == [f"  waiting    for Slow, {host} (1 page(s))"], err


def test_a_terminal_shows_what_it_waits_on_and_quiet_does_not(
    tmp_path: Path, http_server: LocalServer
) -> None:
    release = threading.Event()
    config = hanging_setup(tmp_path, http_server, release)
    screen = run_for(["fetch", "--config", str(config)], 7, release, tty=True)
    # Cut to the terminal's width (80 columns here).
    assert f"\r  pages      [{'.' * 24}] 0 of 1 done, waiting for Slow, 127.0.0" in screen, screen

    quiet = threading.Event()
    (tmp_path / "q").mkdir()
    config = hanging_setup(tmp_path / "q", http_server, quiet)
    err = run_for(["fetch", "--quiet", "--config", str(config)], 7, quiet, tty=False)
    assert "waiting" not in err
