"""A server that trickles its article pages (fixhs, after walk173 #6): given up on after a few
timeouts in a row, its other pages kept to read on a later run; through the CLI against a real
local server and a real store."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, said_as_one

_TEXT = (
    "Customer experience matters to every support team, and customer service is how a company"
    " keeps its word to customers; story {n} walks through one team's queue, its replies and the"
    " loyalty it won back."
)


def _page(n: int) -> bytes:
    return (
        f"<html><head><title>Quick story {n}</title></head><body><article><h1>Quick story {n}"
        f"</h1><p>{_TEXT.format(n=n)}</p></article></body></html>"
    ).encode()


def _trickle(req: BaseHTTPRequestHandler) -> None:
    """An HTML page sent a byte at a time, a byte every 0.2 s (until the client hangs up)."""
    req.send_response(200)
    req.send_header("Content-Type", "text/html")
    req.send_header("Connection", "close")
    req.end_headers()
    req.close_connection = True
    try:
        for byte in b"<html><head><title>Slow</title></head><body>" * 10:
            if h.STOP.wait(0.2):
                return
            req.wfile.write(bytes([byte]))
            req.wfile.flush()
    except OSError:
        return


def test_a_host_trickling_its_pages_is_given_up_on_after_three_timeouts_in_a_row(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: each of a server's trickling pages waited out its whole timeout, 10 minutes for
    40 pages at the defaults (30 s, two at a time), 4 hours for 1000; now after 3 timeouts in a
    row the rest of its pages are not asked for in this run, said, and kept to read again on a
    later run; another server's pages are read."""
    h.quiet(http_server)
    trickling = 12
    for n in range(trickling):
        http_server.add(f"/slow/{n}.html", handler=_trickle)
    for n in range(3):
        http_server.add(f"/quick/{n}.html", _page(n), content_type="text/html")
    slow_host = http_server.base.removeprefix("http://")
    quick = http_server.base.replace("127.0.0.1", "localhost")
    items = "".join(
        f"<item><title>Slow story {n} on customer service</title>"
        f"<link>{http_server.url(f'/slow/{n}.html')}</link>"
        f"<description>{_TEXT.format(n=n)}</description></item>"
        for n in range(trickling)
    ) + "".join(
        f"<item><title>Quick story {n} on customer service</title>"
        f"<link>{quick}/quick/{n}.html</link><description>{_TEXT.format(n=n)}</description></item>"
        for n in range(3)
    )
    feed = http_server.add("/trickle.xml", h.rss(items, "Trickle Pub"))
    config = h.write_config(tmp_path, [{"url": feed}], settings={"timeout": 1, "per_host": 2})
    code, data, err = h.build_json(config, command="fetch")
    said = said_as_one(err)
    assert code == 0, said
    asked = [r.path for r in http_server.requests if r.path.startswith("/slow/")]
    # Three timed out in a row (a fourth may have been under way): the rest never asked.
    assert len(asked) <= 4, asked
    why = f"not read: {slow_host} timed out on 3 pages in a row; they are tried again next run"
    reasons = [f["reason"] for f in data["page_failures"]]
    assert reasons.count(why) >= trickling - 4, reasons
    assert why in said
    assert "Gave up on these servers after 3 failed connections" not in said
    quick_read = [r.path for r in http_server.requests if r.path.startswith("/quick/")]
    assert len(quick_read) == 3, quick_read
    # Kept to read again on a later run.
    retries = h.store_rows(
        tmp_path / "state" / "curator.db",
        "SELECT link FROM page_retries WHERE link LIKE '%/slow/%'",
    )
    assert len(retries) == trickling, retries
