"""fetch_all against a real HTTP server on 127.0.0.1: what the editor sees for each outcome."""

from __future__ import annotations

import socket
import threading
import time
import zlib
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from curator.fetch import fetch_all
from curator.fetch_failures import MAX_RETRY_AFTER, parse_retry_after
from curator.fetch_request import FetchRequest, FetchSettings
from curator.models import FetchResult
from curator.netguard import blocked_reason

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>CX Today</title></channel></rss>'
PAGE = b"<!doctype html><html><head><title>Journey maps</title></head><body><p>Hi</p></body></html>"
#: Small limits so that the slow and huge cases finish quickly.
FAST = FetchSettings(deadline=1.0, connect_timeout=1.0, read_timeout=5.0, allow_private=True)


#: What a body over `max_bytes` is told with: the setting that decides it.
CAP = ", the limit `max_bytes` in feeds.yaml's settings sets; raise it to read this one"


def fetch_one(request: FetchRequest | str, settings: FetchSettings = FAST) -> FetchResult:
    if isinstance(request, str):
        request = FetchRequest(request)
    [result] = fetch_all([request], settings)
    return result


def redirect_to(location: str):
    def handler(req: BaseHTTPRequestHandler) -> None:
        req.send_response(302)
        req.send_header("Location", location)
        req.send_header("Content-Length", "0")
        req.end_headers()

    return handler


# --- success and conditional GET ---------------------------------------------------------------


def test_plain_200_returns_body_type_and_validators(http_server):
    url = http_server.add(
        "/feed.xml",
        FEED,
        content_type="application/rss+xml; charset=utf-8",
        headers={"ETag": '"v1"', "Last-Modified": "Tue, 24 Nov 2026 08:00:00 GMT"},
    )
    result = fetch_one(url, FetchSettings())  # a feed at 127.0.0.1 needs no allow_private

    assert result.ok and result.error_kind is None
    assert result.status == 200
    assert result.content == FEED
    assert result.content_type == "application/rss+xml; charset=utf-8"
    assert result.etag == '"v1"'
    assert result.last_modified == "Tue, 24 Nov 2026 08:00:00 GMT"
    assert result.final_url == url
    [seen] = http_server.seen("/feed.xml")
    assert seen.headers["User-Agent"].startswith("curator/")
    assert "gzip" in seen.headers["Accept-Encoding"]
    assert "If-None-Match" not in seen.headers


def test_gzip_body_is_decompressed(http_server):
    url = http_server.add(
        "/gz", zlib.compress(FEED, wbits=31), headers={"Content-Encoding": "gzip"}
    )
    assert fetch_one(url).content == FEED


def test_deflate_with_or_without_zlib_wrapper_and_multi_member_gzip_are_decompressed(http_server):
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    wrapped = http_server.add("/zlib", zlib.compress(FEED), headers={"Content-Encoding": "deflate"})
    bare = http_server.add(
        "/raw", raw.compress(FEED) + raw.flush(), headers={"Content-Encoding": "deflate"}
    )
    half = len(FEED) // 2
    members = zlib.compress(FEED[:half], wbits=31) + zlib.compress(FEED[half:], wbits=31)
    two = http_server.add("/members", members, headers={"Content-Encoding": "gzip"})
    corrupt = http_server.add("/bad", b"not gzip at all", headers={"Content-Encoding": "gzip"})
    results = fetch_all([FetchRequest(u) for u in (wrapped, bare, two, corrupt)], FAST)
    assert [r.content for r in results[:3]] == [FEED, FEED, FEED]
    assert results[3].error_kind == "http"
    assert results[3].error is not None
    assert results[3].error.startswith("the body's gzip compression is corrupt")


def test_conditional_get_sends_validators_and_304_is_not_modified(http_server):
    url = http_server.add("/feed.xml", b"", status=304, headers={"ETag": '"v2"'})
    request = FetchRequest(url, etag='"v1"', last_modified="Tue, 24 Nov 2026 08:00:00 GMT")
    result = fetch_one(request)

    [seen] = http_server.seen("/feed.xml")
    assert seen.headers["If-None-Match"] == '"v1"'
    assert seen.headers["If-Modified-Since"] == "Tue, 24 Nov 2026 08:00:00 GMT"
    assert result.ok and result.not_modified
    assert result.status == 304 and result.content is None and result.error is None
    assert result.etag == '"v2"'  # the server's new validator wins
    assert result.last_modified == "Tue, 24 Nov 2026 08:00:00 GMT"  # ours is kept when it sent none


def test_results_come_back_in_request_order_and_on_result_sees_each(http_server):
    slow = http_server.add("/slow", b"slow", delay=0.3)
    fast = http_server.add("/fast", b"fast")
    seen: list[str] = []
    results = fetch_all(
        [FetchRequest(slow), FetchRequest(fast)], FAST, lambda r: seen.append(r.url)
    )
    assert [r.content for r in results] == [b"slow", b"fast"]
    assert seen == [fast, slow]  # reported as each finished


# --- server and network failures --------------------------------------------------------------


def test_connection_refused():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    result = fetch_one(f"http://127.0.0.1:{port}/feed")
    assert (result.error_kind, result.error, result.status) == (
        "connect",
        "connection refused",
        None,
    )
    assert not result.ok


def test_dns_failure():
    result = fetch_one("http://nonexistent.invalid/feed")
    assert result.error_kind == "dns"
    assert result.error is not None and "nonexistent.invalid" in result.error


def test_tls_failure_talking_https_to_a_plain_http_server(http_server):
    url = http_server.add("/feed", FEED).replace("http://", "https://")
    result = fetch_one(url)
    assert result.error_kind == "tls"
    assert result.error is not None and result.error.startswith("TLS handshake failed")


def test_http_error_statuses(http_server):
    urls = [
        http_server.add(f"/status/{status}", b"oops", status=status, content_type="text/plain")
        for status in (404, 410, 500)
    ]
    results = fetch_all([FetchRequest(u) for u in [*urls, http_server.url("/nowhere")]], FAST)
    assert [(r.status, r.error_kind, r.error) for r in results] == [
        (404, "http", "HTTP 404 Not Found"),
        (410, "gone", "HTTP 410 Gone: the publisher has removed it"),
        (500, "http", "HTTP 500 Internal Server Error"),
        (404, "http", "HTTP 404 Not Found"),
    ]
    assert all(r.content is None and not r.ok for r in results)


def test_rate_limited_reports_retry_after(http_server):
    too_many = http_server.add("/429", b"", status=429, headers={"Retry-After": "120"})
    unavailable = http_server.add("/503", b"", status=503, headers={"Retry-After": "7"})
    silent = http_server.add("/503-silent", b"", status=503)
    absurd = http_server.add(
        "/later", b"", status=429, headers={"Retry-After": "Fri, 31 Dec 2100 23:59:59 GMT"}
    )
    results = fetch_all([FetchRequest(u) for u in (too_many, unavailable, silent, absurd)], FAST)
    assert [(r.status, r.error_kind, r.retry_after, r.error) for r in results[:3]] == [
        (429, "rate-limited", 120.0, "HTTP 429 Too Many Requests; asked to wait 120 s"),
        (503, "rate-limited", 7.0, "HTTP 503 Service Unavailable; asked to wait 7 s"),
        (503, "unavailable", None, "HTTP 503 Service Unavailable"),
    ]
    # capped at a day, not 74 years; the error says what was asked, and the cap
    later = results[3]
    assert (later.status, later.error_kind, later.retry_after) == (
        429,
        "rate-limited",
        MAX_RETRY_AFTER,
    )
    assert later.error and later.error.startswith("HTTP 429 Too Many Requests; asked to wait ")
    assert later.error.endswith("days); curator waits at most a day (86400 s), then asks again")


def test_parse_retry_after_forms():
    now = datetime(2026, 11, 25, 8, 0, 0, tzinfo=UTC)
    assert parse_retry_after("30", now) == 30.0
    assert parse_retry_after("Wed, 25 Nov 2026 08:01:30 GMT", now) == 90.0
    assert parse_retry_after("Wed, 25 Nov 2026 07:00:00 GMT", now) == 0.0  # already past
    assert parse_retry_after("99999999999999999999999", now) == MAX_RETRY_AFTER
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("-5", now) is None
    assert parse_retry_after(None, now) is None


def test_server_that_never_answers_is_cut_at_the_deadline(http_server):
    url = http_server.add("/hang", FEED, delay=3.0)
    result = fetch_one(url)
    assert (result.error_kind, result.error) == ("timeout", "no answer within 1 s")
    assert result.status is None and result.content is None


def test_dripping_server_is_cut_at_the_deadline(http_server):
    def drip(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "application/xml")
        req.send_header("Content-Length", "100")
        req.end_headers()
        try:
            for _ in range(100):
                req.wfile.write(b"x")
                req.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # we hung up, as we should

    url = http_server.add("/drip", handler=drip)
    result = fetch_one(url)
    assert (result.error_kind, result.error) == ("timeout", "not finished within 1 s")
    assert result.content is None


# --- size caps ----------------------------------------------------------------------------------

SMALL = FetchSettings(max_bytes=100 * 1024, deadline=5.0, allow_private=True)


def test_body_over_the_cap_by_content_length(http_server):
    url = http_server.add("/big", b"x" * (5 * 1024 * 1024))
    result = fetch_one(url, SMALL)
    assert result.error_kind == "too-large"
    assert result.error == "body larger than 100 KB (the server says 5 MB)" + CAP
    assert result.content is None


def test_body_over_the_cap_without_content_length_is_cut_while_reading(http_server):
    def unsized(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "application/xml")
        req.send_header("Connection", "close")
        req.end_headers()
        try:
            for _ in range(80):  # 5 MB in 64 KB pieces, no Content-Length
                req.wfile.write(b"x" * 65536)
        except OSError:
            pass
        req.close_connection = True

    url = http_server.add("/unsized", handler=unsized)
    result = fetch_one(url, SMALL)
    # No length given, still sending at the limit: not advised a bigger one (walk173 #9).
    assert (result.error_kind, result.error) == (
        "too-large",
        "body larger than 100 KB, the limit `max_bytes` in feeds.yaml's settings sets: it gave"
        " no length and kept sending past 100 KB; a feed or page is rarely this big: check the"
        " address in a browser",
    )


def test_gzip_bomb_is_cut_at_the_cap(http_server):
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1024 * 1024)
    bomb = b"".join(packer.compress(zeros) for _ in range(50)) + packer.flush()  # 50 MB inflated
    assert len(bomb) < SMALL.max_bytes  # so the Content-Length check cannot be what stops it
    url = http_server.add("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    result = fetch_one(url, SMALL)
    assert result.error_kind == "too-large"
    assert (result.error or "").startswith(
        "body unpacks to more than 100 KB (the limit `max_bytes`"
    )
    assert "do not raise `max_bytes` for it" in (result.error or "")


# --- redirects ----------------------------------------------------------------------------------


def test_two_hop_redirect_reports_final_url(http_server):
    final = http_server.add("/final.xml", FEED)
    http_server.add("/hop2", handler=redirect_to("/final.xml"))
    start = http_server.add("/hop1", handler=redirect_to(http_server.url("/hop2")))
    result = fetch_one(start)
    assert result.ok and result.content == FEED
    assert result.url == start and result.final_url == final


def test_redirect_loop(http_server):
    http_server.add("/a", handler=redirect_to("/b"))
    http_server.add("/b", handler=redirect_to("/a"))
    result = fetch_one(http_server.url("/a"))
    assert result.error_kind == "redirects"
    assert result.error == f"redirect loop: {http_server.url('/b')} sends us back to " + (
        http_server.url("/a")
    )


def test_redirect_chain_longer_than_the_limit(http_server):
    for hop in range(20):
        http_server.add(f"/chain/{hop}", handler=redirect_to(f"/chain/{hop + 1}"))
    http_server.add("/chain/20", FEED)
    result = fetch_one(http_server.url("/chain/0"))
    assert result.error_kind == "redirects"
    assert result.error == f"more than 5 redirects (next: {http_server.url('/chain/6')})"
    assert len(http_server.seen("/chain/5")) == 1 and not http_server.seen("/chain/6")


def test_redirect_to_a_non_web_address(http_server):
    url = http_server.add("/sneaky", handler=redirect_to("file:///etc/passwd"))
    result = fetch_one(url)
    assert result.error_kind == "redirects"
    assert result.error == "redirected to something that is not a web address: file:///etc/passwd"


# --- local files ------------------------------------------------------------------------------


def test_local_file_read_when_allowed(tmp_path: Path):
    path = tmp_path / "local.xml"
    path.write_bytes(FEED)
    by_path = fetch_one(FetchRequest(str(path), allow_file=True))
    by_url = fetch_one(FetchRequest(path.as_uri(), allow_file=True))
    for result in (by_path, by_url):
        assert result.ok and result.content == FEED
        assert result.status is None
        assert result.content_type == "application/xml"


def test_local_file_refused_when_not_allowed(tmp_path: Path):
    path = tmp_path / "local.xml"
    path.write_bytes(FEED)
    for url in (str(path), path.as_uri()):
        result = fetch_one(FetchRequest(url))
        assert result.error_kind == "blocked"
        assert result.error == f"reading local files is not allowed here: {url}"
        assert result.content is None


def test_local_file_missing_too_large_or_a_folder(tmp_path: Path):
    missing = fetch_one(FetchRequest(str(tmp_path / "gone.xml"), allow_file=True))
    assert (missing.error_kind, missing.error) == ("file", f"no such file: {tmp_path / 'gone.xml'}")
    folder = fetch_one(FetchRequest(str(tmp_path), allow_file=True))
    assert (folder.error_kind, folder.error) == ("file", f"{tmp_path} is a folder, not a file")
    big = tmp_path / "big.xml"
    big.write_bytes(b"x" * 200 * 1024)
    result = fetch_one(FetchRequest(str(big), allow_file=True), SMALL)
    assert result.error_kind == "too-large"
    assert result.error == f"body larger than 100 KB ({big} is 200 KB)" + CAP


@pytest.mark.parametrize("url", ["ftp://example.com/feed", "javascript:alert(1)", "http:///feed"])
def test_invalid_urls(url):
    result = fetch_one(url)
    assert result.error_kind == "invalid-url"
    assert result.error == f"not a web address: {url}"


def test_empty_url():
    result = fetch_one("  ")
    assert (result.error_kind, result.error) == ("invalid-url", "no address given")


# --- pages and the address guard -------------------------------------------------------------


def test_page_that_is_a_pdf_is_not_html(http_server):
    url = http_server.add("/paper.pdf", b"%PDF-1.7", content_type="application/pdf")
    result = fetch_one(FetchRequest(url, kind="page"))
    assert (result.error_kind, result.error) == ("not-html", "not an HTML page (application/pdf)")
    assert result.status == 200 and result.content is None


def test_page_at_loopback_refused_unless_private_allowed(http_server):
    url = http_server.add("/article", PAGE, content_type="text/html; charset=utf-8")
    refused = fetch_one(FetchRequest(url, kind="page"), FetchSettings())
    assert refused.error_kind == "blocked"
    assert refused.error == (
        "refused: 127.0.0.1 is a loopback address (pages are read only from public addresses)"
    )
    assert http_server.seen("/article") == []  # refused before connecting

    allowed = fetch_one(FetchRequest(url, kind="page"), FetchSettings(allow_private=True))
    assert allowed.ok and allowed.content == PAGE


def test_page_redirected_to_a_private_host_is_refused(http_server):
    # 127.0.0.1 stands in for a public host (allow_hosts); 'localhost' must still be refused.
    port = http_server.httpd.server_address[1]
    http_server.add("/secret", b"internal", content_type="text/html")
    start = http_server.add("/article", handler=redirect_to(f"http://localhost:{port}/secret"))
    settings = FetchSettings(allow_hosts=("127.0.0.1",))
    result = fetch_one(FetchRequest(start, kind="page"), settings)
    assert result.error_kind == "blocked"
    assert result.error == (
        "refused: localhost is at 127.0.0.1, a loopback address "
        "(pages are read only from public addresses)"
    )
    assert result.final_url == f"http://localhost:{port}/secret"
    assert http_server.seen("/secret") == []


def test_page_redirected_to_cloud_metadata_is_refused(http_server):
    start = http_server.add("/go", handler=redirect_to("http://169.254.169.254/latest/meta-data/"))
    result = fetch_one(FetchRequest(start, kind="page"), FetchSettings(allow_hosts=("127.0.0.1",)))
    assert result.error_kind == "blocked"
    assert result.error is not None and "a cloud metadata address" in result.error


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("10.0.0.1", "private"),
        ("192.168.1.10", "private"),
        ("172.20.0.1", "private"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("fc00::5", "private"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("255.255.255.255", "reserved"),
        ("::ffff:10.1.2.3", "private"),  # IPv4-mapped
        ("64:ff9b::a9fe:a9fe", "cloud metadata"),  # NAT64 to 169.254.169.254
        ("not-an-address", "unrecognised"),
        ("8.8.8.8", None),
        ("1.1.1.1", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:8.8.8.8", None),
    ],
)
def test_address_guard(address, reason):
    assert blocked_reason(address) == reason


def test_feeds_are_not_address_checked(http_server):
    url = http_server.add("/feed.xml", FEED)
    assert fetch_one(FetchRequest(url, kind="feed"), FetchSettings()).content == FEED


# --- concurrency ----------------------------------------------------------------------------------


def test_per_host_limit(http_server):
    lock = threading.Lock()
    in_flight = 0
    most = 0

    def counted(req: BaseHTTPRequestHandler) -> None:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        time.sleep(0.15)
        with lock:
            in_flight -= 1
        req.send_response(200)
        req.send_header("Content-Type", "application/xml")
        req.send_header("Content-Length", str(len(FEED)))
        req.end_headers()
        req.wfile.write(FEED)

    urls = [http_server.add(f"/feed/{i}", handler=counted) for i in range(6)]
    settings = FetchSettings(per_host=2, concurrency=16, deadline=5.0)
    results = fetch_all([FetchRequest(u) for u in urls], settings)
    assert [r.content for r in results] == [FEED] * 6
    assert most == 2


def test_waiting_for_a_busy_host_does_not_count_against_the_deadline(http_server):
    # Many feeds redirect to one feed service; a hop queued behind another for that host must not
    # be cut for waiting. Here "localhost" redirects to 127.0.0.1, which is busy with the other
    # request for 0.7 s; both take 0.7 s of the server's time, well within the 1 s deadline.
    port = http_server.httpd.server_address[1]
    direct = http_server.add("/slow/direct", FEED, delay=0.7)
    http_server.add("/slow/redirected", FEED, delay=0.7)
    http_server.add("/go", handler=redirect_to(http_server.url("/slow/redirected")))
    via = f"http://localhost:{port}/go"
    settings = FetchSettings(per_host=1, deadline=1.0)
    results = fetch_all([FetchRequest(via), FetchRequest(direct)], settings)
    assert [(r.error_kind, r.content) for r in results] == [(None, FEED)] * 2
    assert results[0].final_url == http_server.url("/slow/redirected")


def test_one_bad_request_does_not_spoil_the_others(http_server, tmp_path: Path):
    good = http_server.add("/feed.xml", FEED)
    requests = [
        FetchRequest("http://nonexistent.invalid/feed"),
        FetchRequest("not a url at all \n\x00"),
        FetchRequest(good, etag="bad\r\nInjected: yes"),
        FetchRequest(str(tmp_path / "missing.xml"), allow_file=True),
    ]
    results = fetch_all(requests, FAST)
    assert [r.error_kind for r in results] == ["dns", "blocked", None, "file"]
    assert results[2].content == FEED
    assert "Injected" not in http_server.seen("/feed.xml")[0].headers  # bad validator not sent
    assert fetch_all([], FAST) == []
