"""A local web of many sites for the benchmarks: each host on its own 127.0.0.x address, with latency.

A site map (JSON) names, for each host, the paths it serves and the file behind each (a `.gz` file
is served decompressed). Every host listens on its own loopback address (127.0.0.1, 127.0.0.2, ...;
Linux routes the whole 127/8 to the loopback interface) and the same port, so a client that limits
requests per host sees them as different hosts, as it would on the web. Every response waits
`latency` seconds before its status line. Feeds carry an ETag and a Last-Modified and answer 304
when the client sends either back (RFC 9110 section 13.1); pages are plain 200s. The server runs in
a child process (asyncio, one thread), so its CPU is not charged to what is measured.

    with SiteServer(site_map_path) as server:
        server.stats()   # {"requests": ..., "200": ..., "304": ...}
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import TracebackType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import LAST_MODIFIED, _head, _read_request  # noqa: E402


class _Route:
    def __init__(self, spec: dict[str, str]) -> None:
        path = Path(spec["file"])
        data = path.read_bytes()
        self.body = gzip.decompress(data) if path.name.endswith(".gz") else data
        self.type = spec["type"]
        self.validated = spec.get("kind") == "feed"
        self.etag = f'"{hashlib.sha1(self.body).hexdigest()[:16]}"'


class _Site:
    def __init__(self, site_map: dict[str, object]) -> None:
        self.latency = float(site_map["latency"])  # type: ignore[arg-type]
        hosts = site_map["hosts"]
        assert isinstance(hosts, list)
        self.addresses = [str(h["address"]) for h in hosts]
        self.routes = [{p: _Route(s) for p, s in h["routes"].items()} for h in hosts]
        self.port = int(site_map["port"])  # type: ignore[call-overload]
        self.counts: Counter[str] = Counter()


async def _answer(
    site: _Site, host: int, target: str, headers: dict[str, str], writer: asyncio.StreamWriter
) -> None:
    await asyncio.sleep(site.latency)
    site.counts["requests"] += 1
    route = site.routes[host].get(target)
    if route is None:
        site.counts["404"] += 1
        writer.write(_head("404 Not Found", {"Content-Length": "0"}))
        return
    if route.validated and (
        headers.get("if-none-match") == route.etag
        or ("if-none-match" not in headers and headers.get("if-modified-since") == LAST_MODIFIED)
    ):
        site.counts["304"] += 1
        writer.write(_head("304 Not Modified", {"ETag": route.etag, "Content-Length": "0"}))
        return
    site.counts["200"] += 1
    head = {"Content-Type": route.type, "Content-Length": str(len(route.body))}
    if route.validated:
        head |= {"ETag": route.etag, "Last-Modified": LAST_MODIFIED}
    writer.write(_head("200 OK", head) + route.body)


async def _connection(
    site: _Site, host: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    """Requests on one connection (keep-alive) until the client closes it."""
    try:
        while True:
            request = await _read_request(reader)
            if request is None:
                break
            target, headers = request
            if target == "/-/stats":
                body = json.dumps(dict(site.counts)).encode()
                writer.write(_head("200 OK", {"Content-Length": str(len(body))}) + body)
            else:
                await _answer(site, host, target, headers, writer)
            await writer.drain()
            if headers.get("connection", "").lower() == "close":
                break
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def _main(site: _Site) -> None:
    servers = []
    for index, address in enumerate(site.addresses):

        def handler(r: asyncio.StreamReader, w: asyncio.StreamWriter, i: int = index):  # type: ignore[no-untyped-def]
            return _connection(site, i, r, w)

        servers.append(await asyncio.start_server(handler, address, site.port, backlog=128))
    print(json.dumps({"ready": True}), flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent closes our stdin
    for server in servers:
        server.close()


class SiteServer:
    """The server in a child process; a context manager that stops it on exit."""

    def __init__(self, site_map: Path) -> None:
        self.site_map = site_map
        data = json.loads(site_map.read_text(encoding="utf-8"))
        self.stats_url = f"http://{data['hosts'][0]['address']}:{data['port']}/-/stats"
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> SiteServer:
        command = [sys.executable, str(Path(__file__).resolve()), str(self.site_map)]
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self._process.stdout is not None
        if not self._process.stdout.readline():
            raise RuntimeError("the benchmark site did not start (is the port taken?)")
        return self

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

    def stats(self) -> dict[str, int]:
        import urllib.request

        with urllib.request.urlopen(self.stats_url, timeout=30) as response:
            return dict(json.loads(response.read()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site_map", type=Path)
    args = parser.parse_args()
    asyncio.run(_main(_Site(json.loads(args.site_map.read_text(encoding="utf-8")))))

__all__ = ["SiteServer"]
