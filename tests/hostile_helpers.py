"""Helpers for the hostile-input tests: misbehaving HTTP handlers, configs and build runners.

Every handler writes a real HTTP response (or none) on the `http_server` fixture's socket. Handlers
that could run long stop as soon as the client hangs up, or when `STOP` is set at teardown, so a
test never leaves a thread writing for minutes.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from conftest import EXAMPLES, REPO, LocalServer
from curator.cli import cli

Handler = Callable[[BaseHTTPRequestHandler], None]

#: Set by tests at teardown: long-running handlers return at once.
STOP = threading.Event()

MB = 1 << 20


# -- addresses -------------------------------------------------------------------------------------


def refused_url(path: str = "/feed.xml") -> str:
    """An address on this machine where nothing listens (the port was free a moment ago)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}{path}"


# -- handlers --------------------------------------------------------------------------------------


def _headers(req: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
    req.send_response(status)
    for name, value in headers.items():
        req.send_header(name, value)
    req.end_headers()


def never_answers(seconds: float = 30.0) -> Handler:
    """Reads the request, then says nothing at all (until the client gives up or `seconds`)."""

    def handler(req: BaseHTTPRequestHandler) -> None:
        STOP.wait(seconds)
        req.close_connection = True

    return handler


def drip(byte: bytes = b"<", every: float = 1.0, seconds: float = 30.0) -> Handler:
    """A 200 with headers at once, then one byte per `every` seconds, for up to `seconds`."""

    def handler(req: BaseHTTPRequestHandler) -> None:
        _headers(req, 200, {"Content-Type": "application/rss+xml", "Connection": "close"})
        req.close_connection = True
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end and not STOP.is_set():
                req.wfile.write(byte)
                req.wfile.flush()
                STOP.wait(every)
        except OSError:
            return

    return handler


def stream(
    total: int, chunk: bytes = b"<!-- padding -->" * 4096, declare_length: bool = False
) -> Handler:
    """A 200 whose body is `total` bytes produced chunk by chunk (never held in memory); by default
    with no Content-Length, so only counting while reading can cut it."""

    def handler(req: BaseHTTPRequestHandler) -> None:
        headers = {"Content-Type": "application/rss+xml", "Connection": "close"}
        if declare_length:
            headers["Content-Length"] = str(total)
        _headers(req, 200, headers)
        req.close_connection = True
        sent = 0
        try:
            req.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
            while sent < total and not STOP.is_set():
                piece = chunk[: total - sent]
                req.wfile.write(piece)
                sent += len(piece)
        except OSError:
            return

    return handler


def gzip_bomb(decompressed: int = 1024 * MB) -> bytes:
    """A gzip body that inflates to `decompressed` bytes of XML-ish padding (about 1000:1)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * MB
    parts = [comp.compress(b'<?xml version="1.0"?><rss version="2.0"><channel><title>')]
    parts += [comp.compress(block) for _ in range(decompressed // MB)]
    parts.append(comp.flush())
    return b"".join(parts)


def redirect_loop(server: LocalServer, a: str, b: str) -> str:
    """`a` redirects to `b` and `b` back to `a`; returns a's URL."""
    server.add(a, status=302, headers={"Location": b}, content_type="text/plain")
    server.add(b, status=302, headers={"Location": a}, content_type="text/plain")
    return server.url(a)


def redirect_chain(server: LocalServer, prefix: str, hops: int, target: str) -> str:
    """`prefix/0` -> `prefix/1` -> ... -> `prefix/{hops-1}` -> `target`; returns the first URL."""
    for i in range(hops):
        nxt = f"{prefix}/{i + 1}" if i + 1 < hops else target
        server.add(f"{prefix}/{i}", status=301, headers={"Location": nxt}, content_type=None)
    return server.url(f"{prefix}/0")


# -- feeds -----------------------------------------------------------------------------------------


def rss(items: str, title: str = "A feed") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.com/</link>{items}</channel></rss>"
    ).encode()


def many_entries(count: int, link_base: str) -> Iterator[bytes]:
    """An RSS feed of `count` entries, as chunks."""
    yield b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Many</title>'
    for i in range(count):
        yield (
            f"<item><title>Entry number {i} about customer feedback</title>"
            f"<link>{link_base}{i}</link><guid>many-{i}</guid>"
            f"<pubDate>Mon, 06 Jul 2026 08:45:00 +0000</pubDate>"
            f"<description>Entry {i} says something about closing the loop on customer"
            " feedback. It has two sentences.</description></item>"
        ).encode()
    yield b"</channel></rss>"


# -- the demo's healthy feed -----------------------------------------------------------------------


def serve_healthy(server: LocalServer) -> str:
    """The demo's Northwind feed and every demo page, over HTTP; returns the feed's URL."""
    for page in (EXAMPLES / "pages").glob("*.html"):
        server.add(
            f"/pages/{page.name}", page.read_bytes(), content_type="text/html; charset=utf-8"
        )
    return server.add(
        "/feeds/northwind.xml",
        (EXAMPLES / "feeds" / "northwind.xml").read_bytes(),
        content_type="application/rss+xml",
    )


def demo_subjects() -> list[dict[str, Any]]:
    demo = yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))
    return demo["subjects"]


def write_config(
    folder: Path,
    feeds: list[dict[str, Any]],
    *,
    title: str = "Customer Experience Weekly",
    issue_size: int = 10,
    settings: dict[str, Any] | None = None,
    subjects: list[dict[str, Any]] | None = None,
) -> Path:
    """A feeds.yaml in `folder` with the demo's subjects; output/ and state/ beside it."""
    config = {
        "newsletter": {"title": title, "editor": "Test Editor", "issue_size": issue_size},
        "subjects": subjects or demo_subjects(),
        "feeds": feeds,
        "settings": {
            "output": "output",
            "store": "state/curator.db",
            "allow_private_addresses": True,
            "timeout": 2,
            **(settings or {}),
        },
    }
    path = folder / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


# -- running curator -------------------------------------------------------------------------------


def build_json(config: Path, *args: str, command: str = "build") -> tuple[int, dict, str]:
    """`curator <command> --config ... --json` in-process; (exit code, parsed stdout, stderr)."""
    result = CliRunner().invoke(cli, [command, "--config", str(config), "--json", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    data = json.loads(result.stdout) if result.stdout.strip().startswith(("{", "[")) else {}
    return result.exit_code, data, result.stderr


def curator_process(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`python -m curator <args>` as a real process, run from the repository."""
    return subprocess.Popen(
        [sys.executable, "-m", "curator", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


#: Runs a command in a child and prints its peak resident memory (ru_maxrss, KB on Linux) as JSON.
PEAK_MEMORY_SCRIPT = """
import json, resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": proc.returncode, "peak_kb": peak, "stdout": proc.stdout,
                  "stderr": proc.stderr}))
"""


def peak_memory(*args: str, timeout: float = 120) -> dict[str, Any]:
    """Run `python -m curator <args>` and return its exit code, output and peak memory in MB."""
    proc = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY_SCRIPT, sys.executable, "-m", "curator", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=timeout,
    )
    data = json.loads(proc.stdout)
    data["peak_mb"] = data["peak_kb"] / 1024
    return data


def quiet(server: LocalServer) -> LocalServer:
    """Keep the test server from printing a traceback when curator hangs up on it mid-answer
    (it would land in the captured stderr of the build under test)."""
    server.httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
    return server


def rounded(value: object) -> object:
    """Floats in a JSON document (an issue's scores) to 9 places: sums over sets change their last
    digits from one process to the next (set order follows the hash seed)."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list):
        return [rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    return value


def store_rows(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def published_files(folder: Path) -> list[Path]:
    """Every file curator published in `folder` (not its temporary files)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
