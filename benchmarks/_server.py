"""A local HTTP server for the benchmarks: many feeds on 127.0.0.1, each on its own port, with latency.

Each feed gets its own listening port, so a client that limits requests per host (curator allows
`per_host` at once) sees 300 feeds as 300 hosts, as it would on the web. Every response waits
`latency` seconds before its status line (the round trips and the server's think time of a real
feed host). The server runs in a child process (asyncio, one thread), so its CPU is not charged to
the process being measured and it can hold hundreds of connections at once.

Modes, switched at run time through the control port:
- "honour" (the default): a feed answers 304 to a request whose If-None-Match or If-Modified-Since
  matches what it sent (RFC 9110 section 13.1), 200 with the body otherwise;
- "ignore": the server ignores validators and sends the same bytes again (many feed hosts do).

Also on the control port: `/big` streams `--big-mb` MB of a feed-looking body with no
Content-Length (the client must count and cut), `/big.gz` the same bytes gzip-compressed (a small
download that inflates to the full size), and `/stats` answers JSON counts of what was served.

    with FeedServer(paths, latency=0.2) as server:
        server.urls      # one URL per feed
        server.set_mode("ignore")
        server.stats()   # {"requests": ..., "200": ..., "304": ...}
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import subprocess
import sys
import urllib.request
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import TracebackType

#: A fixed Last-Modified for every feed (any past HTTP-date will do; the server compares strings).
LAST_MODIFIED = "Mon, 02 Nov 2026 08:00:00 GMT"
#: Content types by file name, as feed hosts usually send them.
CONTENT_TYPES = {
    ".json": "application/feed+json",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".rdf": "application/rdf+xml",
}
#: Filler for the big body: one RSS item, repeated until the size is reached.
BIG_ITEM = (
    b"<item><title>Filler</title><link>https://example.com/filler</link>"
    b"<description>" + b"x" * 900 + b"</description></item>\n"
)
BIG_HEAD = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Big</title>\n'
CHUNK = 1 << 20


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(Path(name).suffix.lower(), "application/xml")


class _State:
    """What the child process serves and counts."""

    def __init__(self, paths: list[Path], latency: float, big_mb: int) -> None:
        self.bodies = [p.read_bytes() for p in paths]
        self.names = [p.name for p in paths]
        self.etags = [f'"{hashlib.sha1(b).hexdigest()[:16]}"' for b in self.bodies]
        self.latency = latency
        self.big_bytes = big_mb << 20
        self.mode = "honour"
        self.counts: Counter[str] = Counter()
        self._gzipped: bytes | None = None

    def big_gzip(self) -> bytes:
        """The big body, gzip-compressed once (it is repetitive: 200 MB become about 1 MB)."""
        if self._gzipped is None:
            packer = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            parts = [packer.compress(BIG_HEAD)]
            block = BIG_ITEM * (CHUNK // len(BIG_ITEM))
            for _ in range(self.big_bytes // len(block) + 1):
                parts.append(packer.compress(block))
            parts.append(packer.flush())
            self._gzipped = b"".join(parts)
        return self._gzipped


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, dict[str, str]] | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return None
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) < 2:
        return None
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return parts[1], headers


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def _serve_feed(
    state: _State, index: int, headers: dict[str, str], writer: asyncio.StreamWriter
) -> None:
    await asyncio.sleep(state.latency)
    etag = state.etags[index]
    validated = headers.get("if-none-match") == etag or (
        "if-none-match" not in headers and headers.get("if-modified-since") == LAST_MODIFIED
    )
    if state.mode == "honour" and validated:
        state.counts["304"] += 1
        writer.write(_head("304 Not Modified", {"ETag": etag, "Content-Length": "0"}))
        return
    body = state.bodies[index]
    state.counts["200"] += 1
    state.counts["bytes"] += len(body)
    writer.write(
        _head(
            "200 OK",
            {
                "Content-Type": content_type(state.names[index]),
                "Content-Length": str(len(body)),
                "ETag": etag,
                "Last-Modified": LAST_MODIFIED,
            },
        )
        + body
    )


async def _serve_big(state: _State, gz: bool, writer: asyncio.StreamWriter) -> None:
    """Stream the big body with no Content-Length, then close (HTTP/1.1 section 6.3, rule 8)."""
    headers = {"Content-Type": "application/rss+xml", "Connection": "close"}
    if gz:
        headers["Content-Encoding"] = "gzip"
        data = state.big_gzip()
        writer.write(_head("200 OK", headers))
        for start in range(0, len(data), CHUNK):
            writer.write(data[start : start + CHUNK])
            await writer.drain()
        return
    writer.write(_head("200 OK", headers) + BIG_HEAD)
    block = BIG_ITEM * (CHUNK // len(BIG_ITEM))
    sent = 0
    while sent < state.big_bytes:
        writer.write(block)
        sent += len(block)
        await writer.drain()


#: Answers one request (target, lower-cased headers) on `writer`; True to close the connection.
Answer = Callable[[str, dict[str, str], asyncio.StreamWriter], Awaitable[bool]]


async def keep_alive(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, answer: Answer
) -> None:
    """Serve requests on one connection (keep-alive) until the client closes it."""
    try:
        while True:
            request = await _read_request(reader)
            if request is None:
                break
            target, headers = request
            if await answer(target, headers, writer):
                break
            await writer.drain()
            if headers.get("connection", "").lower() == "close":
                break
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def _connection(
    state: _State, index: int | None, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    async def answer(target: str, headers: dict[str, str], writer: asyncio.StreamWriter) -> bool:
        state.counts["requests"] += 1
        if index is not None:
            await _serve_feed(state, index, headers, writer)
        elif target.startswith("/mode/"):
            state.mode = target.removeprefix("/mode/")
            writer.write(_head("200 OK", {"Content-Length": "2"}) + b"ok")
        elif target == "/stats":
            body = json.dumps({"mode": state.mode, **state.counts}).encode()
            writer.write(_head("200 OK", {"Content-Length": str(len(body))}) + body)
        elif target in ("/big", "/big.gz"):
            await _serve_big(state, target.endswith(".gz"), writer)
            return True
        else:
            writer.write(_head("404 Not Found", {"Content-Length": "0"}))
        return False

    await keep_alive(reader, writer, answer)


async def _main(state: _State) -> None:
    servers = []

    def handler(index: int | None):  # type: ignore[no-untyped-def]
        return lambda r, w: _connection(state, index, r, w)

    control = await asyncio.start_server(handler(None), "127.0.0.1", 0, backlog=64)
    servers.append(control)
    ports = []
    for index in range(len(state.bodies)):
        server = await asyncio.start_server(handler(index), "127.0.0.1", 0, backlog=64)
        servers.append(server)
        ports.append(server.sockets[0].getsockname()[1])
    info = {"control": control.sockets[0].getsockname()[1], "ports": ports}
    print(json.dumps(info), flush=True)
    await serve_until_stdin_closes(servers)


class ChildServer:
    """A server run as `python SCRIPT ARGS` in a child process, which prints one JSON line when it
    is ready and serves until its stdin is closed; a context manager that stops it on exit."""

    _process: subprocess.Popen[str] | None = None

    def _start(self, script: str, args: list[str]) -> dict[str, object]:
        """Start the child; what its first line says."""
        self._process = subprocess.Popen(
            [sys.executable, str(Path(script).resolve()), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError(f"the benchmark server {Path(script).name} did not start")
        return dict(json.loads(line))

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._process is not None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


async def serve_until_stdin_closes(servers: list[asyncio.Server]) -> None:
    """Serve until the parent closes our stdin (or dies), then close `servers`."""
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)
    for server in servers:
        server.close()


class FeedServer(ChildServer):
    """The server in a child process; a context manager that stops it on exit."""

    def __init__(self, paths: list[Path], latency: float, big_mb: int = 0) -> None:
        self.paths = paths
        self.latency = latency
        self.big_mb = big_mb
        self.control = ""
        self.urls: list[str] = []

    def __enter__(self) -> FeedServer:
        args = ["--latency", str(self.latency), "--big-mb", str(self.big_mb), *map(str, self.paths)]
        info = self._start(__file__, args)
        ports = info["ports"]
        assert isinstance(ports, list)
        self.control = f"http://127.0.0.1:{info['control']}"
        self.urls = [
            f"http://127.0.0.1:{port}/{path.name}"
            for port, path in zip(ports, self.paths, strict=True)
        ]
        return self

    def _get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.control + path, timeout=30) as response:
            return bytes(response.read())

    def set_mode(self, mode: str) -> None:
        """ "honour" validators (answer 304) or "ignore" them (send the same bytes)."""
        self._get(f"/mode/{mode}")

    def stats(self) -> dict[str, int | str]:
        return dict(json.loads(self._get("/stats")))

    def big_url(self, gz: bool = False) -> str:
        return self.control + ("/big.gz" if gz else "/big")


def _cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each response")
    parser.add_argument("--big-mb", type=int, default=0, help="size of /big in MB")
    parser.add_argument("paths", nargs="+", type=Path, help="the feed files, one port each")
    args = parser.parse_args()
    asyncio.run(_main(_State(args.paths, args.latency, args.big_mb)))


if __name__ == "__main__":
    _cli()

__all__ = [
    "Answer",
    "ChildServer",
    "FeedServer",
    "content_type",
    "keep_alive",
    "serve_until_stdin_closes",
]
