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


def hanging_setup(
    tmp_path: Path, server: LocalServer, release: threading.Event, slow_name: str = "Slow"
) -> Path:
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
        {
            "url": server.add("/slow.xml", handler=hang(slow, "application/rss+xml")),
            "name": slow_name,
        },
        {"url": server.add("/quick.xml", h.rss(item)), "name": "Quick"},
    ]
    return h.write_config(tmp_path, feeds, settings={"timeout": 25})


#: The longest the hanging answers are held when no waiting line comes (a failing test ends).
HOLD_AT_MOST = 28.0


def run_for(args: list[str], after: float, release: threading.Event, *, tty: bool) -> str:
    """stderr of `curator <args>` (on a terminal or a pipe), with the hanging answers let go
    `after` seconds after the first "waiting" appears on it (or after `after` seconds from the
    start with --quiet, which says nothing). Timed from what the run says, not from the clock: a
    loaded machine can take seconds to start Python."""
    began = time.monotonic()
    watching = "--quiet" not in args
    if not watching:
        threading.Timer(after, release.set).start()
    threading.Timer(HOLD_AT_MOST, release.set).start()
    seen: list[str] = []

    def heard(text: str) -> None:
        seen.append(text)
        if watching and "waiting" in "".join(seen) and not release.is_set():
            threading.Timer(after, release.set).start()
            watching_done.set()

    watching_done = threading.Event()

    def watch(text: str) -> None:
        if not watching_done.is_set():
            heard(text)
        else:
            seen.append(text)

    if not tty:
        proc = h.curator_process(*args)
        assert proc.stderr is not None
        for line in proc.stderr:
            watch(line)
        proc.communicate(timeout=60)
        assert proc.returncode == 0, "".join(seen)
    else:
        leader, follower = pty.openpty()
        proc2 = subprocess.Popen(
            [sys.executable, "-m", "curator", *args],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=follower,
        )
        os.close(follower)
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            watch(chunk.decode(errors="replace"))
        os.close(leader)
        proc2.communicate(timeout=60)
        assert proc2.returncode == 0
    assert time.monotonic() - began >= after
    return "".join(seen)


def test_a_log_names_the_feeds_and_hosts_it_waits_on(
    tmp_path: Path, http_server: LocalServer
) -> None:
    release = threading.Event()
    # (walk157 #6b: a log cut a long name to 40 characters, as a terminal's line is cut)
    slow = "Slow Times, the weekly letter of the slowest service desks"
    config = hanging_setup(tmp_path, http_server, release, slow)
    err = run_for(["fetch", "--config", str(config)], 3, release, tty=False)
    host = http_server.base.split("//")[1]
    waiting = [ln for ln in err.splitlines() if ln.startswith("  waiting")]
    # Said once (not every second) while nothing finished for 3 s more, nothing cut.
    assert waiting == [f"  waiting for {slow}, {host} (1 page(s))"], err


def test_a_terminal_shows_what_it_waits_on_and_quiet_does_not(
    tmp_path: Path, http_server: LocalServer
) -> None:
    release = threading.Event()
    config = hanging_setup(tmp_path, http_server, release)
    screen = run_for(["fetch", "--config", str(config)], 2, release, tty=True)
    # Cut to the terminal's width (80 columns here).
    assert f"\r  pages      [{'.' * 24}] 0 of 1 done, waiting for Slow, 127.0.0" in screen, screen

    quiet = threading.Event()
    (tmp_path / "q").mkdir()
    config = hanging_setup(tmp_path / "q", http_server, quiet)
    err = run_for(["fetch", "--quiet", "--config", str(config)], 8, quiet, tty=False)
    assert "waiting" not in err
