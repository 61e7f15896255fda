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
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import (  # noqa: E402
    LAST_MODIFIED,
    ChildServer,
    _head,
    keep_alive,
    serve_until_stdin_closes,
)


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
    async def answer(target: str, headers: dict[str, str], writer: asyncio.StreamWriter) -> bool:
        if target == "/-/stats":
            body = json.dumps(dict(site.counts)).encode()
            writer.write(_head("200 OK", {"Content-Length": str(len(body))}) + body)
        else:
            await _answer(site, host, target, headers, writer)
        return False

    await keep_alive(reader, writer, answer)


async def _main(site: _Site) -> None:
    servers = []
    for index, address in enumerate(site.addresses):

        def handler(r: asyncio.StreamReader, w: asyncio.StreamWriter, i: int = index):  # type: ignore[no-untyped-def]
            return _connection(site, i, r, w)

        servers.append(await asyncio.start_server(handler, address, site.port, backlog=128))
    print(json.dumps({"ready": True}), flush=True)
    await serve_until_stdin_closes(servers)


class SiteServer(ChildServer):
    """The server in a child process; a context manager that stops it on exit."""

    def __init__(self, site_map: Path) -> None:
        self.site_map = site_map
        data = json.loads(site_map.read_text(encoding="utf-8"))
        self.stats_url = f"http://{data['hosts'][0]['address']}:{data['port']}/-/stats"

    def __enter__(self) -> SiteServer:
        self._start(__file__, [str(self.site_map)])
        return self

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
