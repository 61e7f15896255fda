"""walk180 #5, #6, #7, #9: the feeds list (`feeds import`, feeds.yaml's addresses, `feeds remove`,
a fetch of a feed that moved). Through the CLI, against feeds on a real HTTP server on 127.0.0.1
and a real SQLite store."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
from test_walk126 import _fetch, _items  # (a fetch, and a site's numbered items)

from conftest import LocalServer, run_cli, sans_config


def test_importing_a_copy_of_a_listed_feed_warns_as_feeds_add_does(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk180 #5: /de/feed.xml listed and fetched; an OPML listing /de/atom.xml (the same
    entries) was imported with "Imported 1 feed(s)" and nothing else, while `feeds add` of it
    warns that it serves the same articles as the listed feed. The import warns too."""
    de = http_server.add("/de/feed.xml", h.rss(_items("kunde", 0, 3), title="Kundenblog"))
    atom = http_server.add("/de/atom.xml", h.rss(_items("kunde", 0, 3), title="Kundenblog"))
    other = http_server.add("/other.xml", h.rss(_items("other", 0, 2), title="Other Blog"))
    config = h.write_config(
        tmp_path, [{"url": de, "fetch_pages": False}], settings={"allow_private_addresses": True}
    )
    assert _fetch(config, "--quiet")[0] == 0
    opml = tmp_path / "local.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        f'<outline type="rss" text="Kundenblog" xmlUrl="{atom}"/>'
        f'<outline type="rss" text="Other Blog" xmlUrl="{other}"/></body></opml>',
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "import", str(opml), "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert "Imported 2 feed(s)" in said, said
    assert (
        f"curator: warning: {atom} serves the same articles as {de}, already in the feeds list:"
        f" all of its 3 entries are stored as that feed's. If it is the same feed (a new"
        f" address, a copy), remove one: `curator feeds remove {atom}`"
    ) in said, said
    assert f"{other} serves the same" not in said, said


def test_a_web_address_without_its_scheme_is_one_rule_with_its_fix(tmp_path: Path) -> None:
    """walk180 #6: `url: 127.0.0.1:8180/nodate/feed.xml` (or `192.168.1.10/feed.xml`) in
    feeds.yaml was taken as a file path: `feeds list` said "never fetched -
    /folder/127.0.0.1:8180/...", every fetch failed "no such file", no hint; `example.com:8080/
    feed` was refused as using the scheme `example.com:`, with no fix. Each is refused with its
    file:line and the address to write, as `example.com/feed` was; `feeds add` too."""
    cases = {
        "127.0.0.1:8180/nodate/feed.xml": "http://127.0.0.1:8180/nodate/feed.xml",
        "192.168.1.10/feed.xml": "http://192.168.1.10/feed.xml",
        "localhost:8080/feed": "http://localhost:8080/feed",
        "example.com:8080/feed": "https://example.com:8080/feed",
        "example.com/feed": "https://example.com/feed",
    }
    for given, meant in cases.items():
        config = h.write_config(tmp_path, [{"url": given}])
        line = next(
            n
            for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
            if given in text
        )
        code, out, err = run_cli("feeds", "list", "--config", str(config))
        said = " ".join((out + err).split())
        assert code == 2, said
        assert f"feeds.yaml:{line}:" in said, said
        assert f"looks like a web address without its {meant.split(':')[0]}://" in said, said
        assert f"write `{meant}`" in said, said
        assert "never fetched" not in said, said

        h.write_config(tmp_path, [])
        code, out, err = run_cli("feeds", "add", "--no-check", given, "--config", str(config))
        said = " ".join((out + err).split())
        assert code == 2, said
        assert f"write `{meant}`" in said and "nothing added" in said, said
        assert given not in config.read_text(encoding="utf-8")


def test_the_way_to_leave_a_removed_gone_feeds_articles_out_can_be_followed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk180 #7: after `feeds remove` of a feed now answering 410, it advised "To leave them
    all out at once: `curator feeds add URL`, then `curator feeds remove URL --drop-waiting`",
    and `feeds add` refuses a 410 (exit 1). `feeds remove URL --drop-waiting` now leaves out the
    stored articles of a feed no longer listed, and the advice says just that."""
    import sqlite3

    gone = http_server.add("/gone/feed.xml", h.rss(_items("gone", 0, 3), title="Gone Blog"))
    kept = http_server.add("/kept/feed.xml", h.rss(_items("kept", 0, 2), title="Kept Blog"))
    feeds = [{"url": gone, "fetch_pages": False}, {"url": kept, "fetch_pages": False}]
    config = h.write_config(tmp_path, feeds, settings={"allow_private_addresses": True})
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/gone/feed.xml", b"gone", status=410, content_type="text/plain")
    assert _fetch(config, "--quiet")[0] == 0
    code, out, err = run_cli("feeds", "remove", gone, "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert "`curator feeds add" not in said, said
    advice = f"To leave them all out at once: `curator feeds remove {gone} --drop-waiting`"
    assert advice in said, said

    code, out, err = run_cli("feeds", "remove", gone, "--drop-waiting", "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert code == 0, said
    assert f"{gone} is not in the feeds list (removed already)" in said, said
    assert "the 3 no issue featured are left out of every issue from now on" in said, said
    with sqlite3.connect(tmp_path / "state" / "curator.db") as db:
        marks = [row[0] for row in db.execute("SELECT error FROM dead_links")]
    assert marks == ["its feed was removed with --drop-waiting"] * 3, marks
    # (a feed never listed nor stored is still "not in the feeds list", exit 1)
    other = http_server.url("/never/feed.xml")
    code, out, err = run_cli("feeds", "remove", other, "--drop-waiting", "--config", str(config))
    assert code == 1 and "is not in the feeds list" in err, err


def test_a_fetch_of_a_gone_address_names_the_listed_feed_it_moved_to(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk180 #9: a feed moved (301 to /ja2/), the editor followed the move, then put the old
    address back by hand, which now answers 410: the fetch said "410 Gone ... if the feed has
    moved, `curator feeds add http://host/` finds the site's feeds", while `feeds add` and
    `feeds import` name the listed feed it moved to. The fetch names it too, and the line to
    remove."""
    ja = http_server.add("/ja/feed.xml", h.rss(_items("ja", 0, 3), title="Kokyaku Lab"))
    ja2 = http_server.url("/ja2/feed.xml")
    settings = {"allow_private_addresses": True}
    config = h.write_config(tmp_path, [{"url": ja, "fetch_pages": False}], settings=settings)
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/ja/feed.xml", b"", status=301, headers={"Location": ja2})
    http_server.add("/ja2/feed.xml", h.rss(_items("ja", 0, 4), title="Kokyaku Lab"))
    assert _fetch(config, "--quiet")[0] == 0
    # The editor follows the move, then the old address, gone, is put back by hand.
    h.write_config(tmp_path, [{"url": ja2, "fetch_pages": False}], settings=settings)
    assert _fetch(config, "--quiet")[0] == 0
    http_server.add("/ja/feed.xml", b"gone", status=410, content_type="text/plain")
    feeds = [{"url": ja2, "fetch_pages": False}, {"url": ja, "fetch_pages": False}]
    h.write_config(tmp_path, feeds, settings=settings)
    code, out, err = _fetch(config)
    said = " ".join(sans_config(out + err).split())
    line = next(
        n
        for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
        if ja2 in text
    )
    assert (
        f"HTTP 410 Gone: the publisher has removed it; it moved to Kokyaku Lab"
        f" ({ja2}, line {line} of feeds.yaml), a feed already listed: remove line"
        f" {line + 2} ({ja}) (`curator feeds remove {ja}`)"
    ) in said, said
    assert "finds the site's feeds" not in said, said


def test_an_opml_address_without_its_scheme_is_left_out_with_its_fix(tmp_path: Path) -> None:
    """walk180 #6, the import's side of the one rule: an OPML's `xmlUrl="192.168.1.10/feed.xml"`
    was left out as "not a web feed's address", with no fix; it names the address to write."""
    config = h.write_config(tmp_path, [])
    opml = tmp_path / "reader.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>\n'
        '<outline type="rss" text="Lan Blog" xmlUrl="192.168.1.10/feed.xml"/></body></opml>',
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "import", str(opml), "--no-check", "--config", str(config))
    said = " ".join(sans_config(out + err).split())
    assert (
        f"{opml}:2: Lan Blog (192.168.1.10/feed.xml) was left out: it looks like a web address"
        " without its http:// (`http://192.168.1.10/feed.xml`); correct its xmlUrl"
    ) in said, said
