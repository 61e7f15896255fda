"""A feed in trouble is said every run, not once (walk25 #2-5): a document cut off, an entry cut
off in it, an address moved for good, a site down, each through `curator fetch` and `feeds check`
against a real local server."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, run_cli, sans_config


def _entry(n: int, server: LocalServer) -> str:
    return (
        f"<entry><id>http://news.example/-{n}</id><title>Story number {n} about parcels</title>"
        f'<link href="{server.url(f"/story-{n}.html")}"/>'
        f"<updated>2026-12-0{n}T10:00:00Z</updated>"
        f"<summary>Parcel lockers and customer service, part {n}.</summary></entry>"
    )


def _atom(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Wire</title><id>urn:wire</id><updated>2026-12-05T10:00:00Z</updated>" + body
    ).encode()


def _fetch(config: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("fetch", "--config", str(config), *args)


def _folder(tmp_path: Path, url: str) -> Path:
    return h.write_config(tmp_path, [{"url": url, "name": "Wire", "fetch_pages": False}])


def test_a_cut_off_feed_is_said_every_run_and_its_cut_entry_is_no_second_article(
    tmp_path: Path, http_server: LocalServer
) -> None:
    whole = _atom("".join(_entry(n, http_server) for n in (1, 2, 3)) + "</feed>")
    url = http_server.add("/wire.atom", whole)
    config = _folder(tmp_path, url)
    assert _fetch(config)[0] == 0
    # The same feed cut in half: entry 1 whole, then entry 2 cut after its title (no link).
    cut = _atom(_entry(1, http_server) + _entry(2, http_server).split("<link")[0])
    http_server.add("/wire.atom", cut)
    code, _, stderr = _fetch(config)
    assert code == 0, stderr
    line = next(x for x in stderr.splitlines() if "Wire:" in x)
    assert "not well formed" in line
    assert "the document ends early, so entries after the cut may be missing" in line
    assert "entries read)" in line and "all " not in line
    assert "an entry's id is not taken for its link" in stderr
    db = tmp_path / "state" / "curator.db"
    urls = sorted(u for (u,) in h.store_rows(db, "SELECT url FROM articles"))
    # No second article at the address made of the cut entry's id.
    assert urls == sorted(http_server.url(f"/story-{n}.html") for n in (1, 2, 3))
    # Later runs (the same bytes: unchanged) still say it, -q (cron) too.
    for args in ((), ("-q",)):
        code, _, stderr = _fetch(config, *args)
        assert code == 0
        assert "Wire: still not well formed since" in stderr, stderr
        assert "entries may be missing until the publisher fixes it" in stderr
    assert "Wire: unchanged (still not well formed since" in _fetch(config)[2]
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert code == 0
    assert out.splitlines()[1].startswith("malformed")
    assert "not well formed since" in out and "1 of 1 feed(s) need a look." in out
    # Fixed by the publisher: the mark goes.
    http_server.add("/wire.atom", whole)
    _, _, stderr = _fetch(config)
    assert "not well formed" not in stderr
    _, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert out.splitlines()[1].startswith("ok") and "need a look" not in out


def test_an_entry_giving_an_id_seen_before_is_that_article(
    tmp_path: Path, http_server: LocalServer
) -> None:
    url = http_server.add("/wire.atom", _atom(_entry(1, http_server) + "</feed>"))
    config = _folder(tmp_path, url)
    assert _fetch(config)[0] == 0
    # The publisher moves the story to another address, same id.
    moved = _entry(1, http_server).replace("/story-1.html", "/2026/story-1.html")
    http_server.add("/wire.atom", _atom(moved + "</feed>"))
    code, _, stderr = _fetch(config)
    assert code == 0
    assert "Wire: 1 entries, 0 new" in stderr
    db = tmp_path / "state" / "curator.db"
    assert h.store_rows(db, "SELECT COUNT(*) FROM articles") == [(1,)]


def test_a_feed_moved_for_good_is_said_with_the_line_to_write(
    tmp_path: Path, http_server: LocalServer
) -> None:
    new = http_server.add("/new.atom", _atom(_entry(1, http_server) + "</feed>"))
    old = http_server.add("/old.atom", status=301, headers={"Location": "/new.atom"})
    config = _folder(tmp_path, old)
    advice = (
        f"moved permanently to {new}: update feeds.yaml (replace `url: {old}` with `url: {new}`)"
    )
    code, _, stderr = _fetch(config)
    assert code == 0
    assert "Wire: 1 entries, 1 new" in stderr and advice in stderr
    # Unchanged later, still said, -q too; read at the new address meanwhile.
    for args in ((), ("-q",)):
        _, _, stderr = _fetch(config, *args)
        assert advice in stderr, stderr
    assert http_server.seen("/new.atom")
    _, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert out.splitlines()[1].startswith("moved")
    assert advice in out
    # A temporary redirect is no move.
    http_server.add("/old.atom", status=302, headers={"Location": "/new.atom"})
    _, _, stderr = _fetch(config)
    assert "moved permanently" not in stderr


def test_a_301_then_a_302_is_a_move_to_the_address_the_301_gave(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk27 #2: the permanent hops at the start of a chain move the feed, whatever follows."""
    http_server.add("/final.atom", _atom(_entry(1, http_server) + "</feed>"))
    mid = http_server.add("/mid.atom", status=302, headers={"Location": "/final.atom"})
    old = http_server.add("/old.atom", status=301, headers={"Location": "/mid.atom"})
    config = _folder(tmp_path, old)
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    assert json.loads(out)["feeds"][0]["moved_to"] == mid
    assert (
        f"moved permanently to {mid}: update feeds.yaml (replace `url: {old}` with `url: {mid}`)"
    ) in stderr
    _, out, _ = run_cli("feeds", "check", "--config", str(config), "--json")
    feed = json.loads(out)[0]
    assert (feed["status"], feed["moved_to"]) == ("moved", mid)


def test_a_feed_whose_move_the_editor_followed_keeps_its_articles(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk27 #4: after replacing the url: line as the move says, the feed still has its articles."""
    new = http_server.add(
        "/new.atom", _atom(_entry(1, http_server) + _entry(2, http_server) + "</feed>")
    )
    old = http_server.add("/old.atom", status=301, headers={"Location": "/new.atom"})
    config = _folder(tmp_path, old)
    assert _fetch(config)[0] == 0

    def articles() -> int:
        _, out, _ = run_cli("feeds", "check", "--config", str(config), "--json")
        return json.loads(out)[0]["articles"]

    assert articles() == 2
    _folder(tmp_path, new)  # the editor follows the move
    code, _, stderr = _fetch(config)
    assert code == 0 and "moved permanently" not in stderr, stderr
    assert "Wire: 2 entries, 0 new" in stderr, stderr
    assert articles() == 2


def test_a_failing_feed_says_since_when_and_a_503_is_unavailable(
    tmp_path: Path, http_server: LocalServer
) -> None:
    url = http_server.add("/wire.atom", b"down", status=503, content_type="text/plain")
    config = _folder(tmp_path, url)
    code, out, stderr = _fetch(config, "--json")
    feed = json.loads(out)["feeds"][0]
    assert (feed["error_kind"], feed["failed_runs"]) == ("unavailable", 1)
    assert "HTTP 503 Service Unavailable (first failure)" in stderr
    code, out, stderr = _fetch(config, "-q")
    assert "HTTP 503 Service Unavailable (failing for 2 runs, since 20" in stderr, stderr
    # A 503 that says when to come back asks us to wait: rate-limited, as a 429 is.
    http_server.add(
        "/wire.atom", b"down", status=503, content_type="text/plain", headers={"Retry-After": "60"}
    )
    _, out, stderr = _fetch(config, "--json")
    feed = json.loads(out)["feeds"][0]
    assert (feed["error_kind"], feed["failed_runs"]) == ("rate-limited", 3)


def test_a_feed_answering_again_after_failing_is_said_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk45 #8: a feed back after failing (a 410, a 503) said only "ok" or "unchanged", so the
    editor could not tell it had come back; the run that reads it again says so, once."""
    url = http_server.add("/wire.atom", b"down", status=503, content_type="text/plain")
    config = _folder(tmp_path, url)
    _fetch(config, "-q")
    _fetch(config, "-q")
    http_server.add("/wire.atom", _atom(_entry(1, http_server) + "</feed>"))
    code, out, stderr = _fetch(config, "--json")
    assert code == 0, stderr
    assert "ok         Wire: 1 entries, 1 new (answering again after failing 2 run(s) since 20" in (
        stderr
    ), stderr
    back = json.loads(out)["feeds"][0]["back_after_failing"]
    assert back["runs"] == 2 and back["since"].startswith("20"), back
    # Said once: the next run is a plain one.
    code, out, stderr = _fetch(config, "--json")
    assert "answering again" not in stderr, stderr
    assert json.loads(out)["feeds"][0]["back_after_failing"] is None


def test_a_feed_gone_for_good_is_told_what_to_do(tmp_path: Path, http_server: LocalServer) -> None:
    """walk26 #4: a feed answering 410 (or 404) was listed among timeouts with nothing more; it will
    not come back by itself: the report says how to find its new address, or remove it."""
    gone = http_server.add("/gone.xml", b"gone", status=410, content_type="text/plain")
    missing = http_server.add("/missing.xml", b"no", status=404, content_type="text/plain")
    config = h.write_config(
        tmp_path,
        [
            {"url": gone, "name": "Gone", "fetch_pages": False},
            {"url": missing, "name": "Missing", "fetch_pages": False},
        ],
    )
    code, _, stderr = _fetch(config, "-q")
    assert code == 1, stderr  # every feed failed
    flat = " ".join(sans_config(stderr).split())
    home = http_server.url("/")
    for url in (gone, missing):
        assert (
            f"the address is gone: if the feed has moved, `curator feeds add {home}` finds the"
            f" site's feeds, put its new address in feeds.yaml; else `curator feeds remove {url}`"
        ) in flat, stderr
