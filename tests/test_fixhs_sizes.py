"""Bodies past `max_bytes` said whole and rightly (fixhs, after walk173 #8 and #9): a compression
bomb's advice never cut, two page bombs one reason, an endless stream not advised a bigger limit;
through the CLI against a real local server and a real store."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, said_as_one

_TEXT = (
    "Customer experience matters to every support team, and customer service is how a company"
    " keeps its word; this story walks through one team's queue and the loyalty it won back."
)


def test_bombs_are_said_whole_and_an_endless_stream_is_not_advised_a_bigger_limit(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """Before: every place ended "... do not raise `max_bytes` for it (it would only fill
    memory); if the feed or page matters to you, tell the…" (--json too); two page bombs were
    two reasons ("44.7 KB" vs "10 KB sent"); an endless stream with no length got "raise it to
    read this one"."""
    h.quiet(http_server)
    gzip = {"Content-Encoding": "gzip"}
    bomb = http_server.add("/bomb.xml", h.gzip_bomb(4 * h.MB), headers=gzip)
    for n, size in ((1, 4), (2, 8)):
        http_server.add(
            f"/page/bomb{n}.html", h.gzip_bomb(size * h.MB), headers=gzip, content_type="text/html"
        )
    endless = http_server.add("/endless.xml", handler=h.stream(64 * h.MB))
    items = "".join(
        f"<item><title>Customer service story {n}</title>"
        f"<link>{http_server.url(f'/page/bomb{n}.html')}</link>"
        f"<description>{_TEXT}</description></item>"
        for n in (1, 2)
    )
    pages = http_server.add("/pages.xml", h.rss(items, "Page Pub"))
    config = h.write_config(
        tmp_path,
        [{"url": bomb, "name": "Bomb"}, {"url": endless, "name": "Endless"}, {"url": pages}],
        settings={"max_bytes": 1 << 20},
    )
    code, data, err = h.build_json(config)
    said = said_as_one(err)
    assert code == 0, said
    advice = "if it matters to you, tell its publisher"
    feeds = {f["name"]: f for f in data["feeds"]}
    assert feeds["Bomb"]["error"].endswith(advice), feeds["Bomb"]
    assert "…" not in feeds["Bomb"]["error"]
    bomb_line = next(x for x in err.splitlines() if x.startswith("  Bomb"))
    assert bomb_line.endswith(advice) or advice in bomb_line, bomb_line
    assert "tell the…" not in said and "tell the publisher…" not in said
    reasons = {f["reason"] for f in data["page_failures"]}
    assert len(reasons) == 1, reasons
    assert all(r.endswith(advice) for r in reasons), reasons
    # An endless stream: not advised to raise the limit.
    line = next(x for x in err.splitlines() if x.startswith("  Endless"))
    assert "raise it" not in line, line
    assert "gave no length and kept sending past 1 MB" in feeds["Endless"]["error"]
    assert "check the address in a browser" in feeds["Endless"]["error"]


def test_a_json_feed_nested_too_deeply_is_said_so(tmp_path: Path, http_server: LocalServer) -> None:
    """Before: a valid JSON Feed holding 100,000 nested arrays failed with "not valid JSON:
    maximum recursion depth exceeded while decoding a JSON array from a unicode string"."""
    deep = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "Deep", "items": [],'
        b' "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    )
    url = http_server.add("/deep.json", deep, content_type="application/feed+json")
    config = h.write_config(tmp_path, [{"url": url, "name": "Deep"}])
    code, data, err = h.build_json(config, command="fetch")
    error = data["feeds"][0]["error"]
    assert error == "nested too deeply to read (100,001 levels)", error
    assert "recursion" not in err and "not valid JSON" not in err, err
