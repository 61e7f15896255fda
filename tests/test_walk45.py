"""walk45: managing the feed list through the CLI -- a feed's `name:` or `url:` changed by hand,
`feeds remove`, export and import, `feeds add` of a moved address, two feeds of one name."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import hostile_helpers as h
from test_review import blocks

from conftest import LocalServer, run_cli, sans_config

DESK = "The Support Desk Review"


def _entry(n: int, server: LocalServer) -> str:
    return (
        f"<entry><id>http://news.example/-{n}</id><title>Story number {n} about parcels</title>"
        f'<link href="{server.url(f"/story-{n}.html")}"/>'
        f"<updated>2026-12-0{n}T10:00:00Z</updated>"
        f"<summary>Parcel lockers and customer service, part {n}.</summary></entry>"
    )


def _atom(server: LocalServer, count: int = 3, title: str = "Wire") -> bytes:
    entries = "".join(_entry(n, server) for n in range(1, count + 1))
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:wire</id><updated>2026-12-05T10:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


def _articles(config: Path) -> list[int]:
    code, out, err = run_cli("feeds", "check", "--config", str(config), "--json")
    assert code == 0, err
    return [row["articles"] for row in json.loads(out)]


# -- #1: a changed name: reaches an article added to a draft by its address -----------------------


def test_a_renamed_feed_names_an_article_added_to_the_draft_by_address(demo: Path) -> None:
    assert run_cli("fetch", "--config", str(demo), "-q")[0] == 0
    demo.write_text(
        demo.read_text(encoding="utf-8").replace(f"name: {DESK}", "name: Desk Notes"), "utf-8"
    )
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    parts = blocks(path.read_text(encoding="utf-8"))
    # One of the feed's picked articles cut, and added back by its address alone.
    cut = next(p for p in parts if "publication: Desk Notes" in p)
    url = re.search(r"(?m)^url: (\S+)", cut)[1]  # type: ignore[index]
    path.write_text("".join(p if p is not cut else f"## {url}\n\n" for p in parts), "utf-8")

    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(path), "--json")
    assert code == 0, err
    issue = (demo.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert DESK not in issue
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db")
    (title,) = db.execute("SELECT title FROM articles WHERE url = ?", (url,)).fetchone()
    db.close()
    block = issue[issue.index(title) :].split("\n\n")[:3]
    assert any("Desk Notes" in line for line in block), block


# -- #2: a url: changed by hand keeps the feed's articles --------------------------------------------


def test_a_url_changed_by_hand_carries_the_feeds_articles_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    old = http_server.add("/f/gulp.xml", _atom(http_server, title="Gulp Releases"))
    config = h.write_config(tmp_path, [{"url": old, "fetch_pages": False}])
    assert run_cli("fetch", "--config", str(config), "-q")[0] == 0
    assert _articles(config) == [3]
    # The publisher moved the feed without a redirect; the editor edits the line by hand.
    new = http_server.add("/f/gulp-new.xml", _atom(http_server, title="Gulp Releases"))
    h.write_config(tmp_path, [{"url": new, "name": "Gulp Notes", "fetch_pages": False}])
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0, err
    assert (
        f"Gulp Notes: its entries are the 3 stored article(s) of {old}, no longer in feeds.yaml:"
        f" taken as the same feed at its new address ({new})"
    ) in err, err
    assert _articles(config) == [3]
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0 and "stored article(s) of" not in err, err
    # Its articles are credited to its name: now.
    code, out, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = (tmp_path / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "publication: Gulp Notes" in draft and "Gulp Releases" not in draft


def test_an_aggregator_carrying_one_article_of_a_removed_feed_takes_none(
    tmp_path: Path, http_server: LocalServer
) -> None:
    small = http_server.add("/small.xml", _atom(http_server, count=2, title="Small"))
    config = h.write_config(tmp_path, [{"url": small, "fetch_pages": False}])
    assert run_cli("fetch", "--config", str(config), "-q")[0] == 0
    # The small feed removed; a bigger feed that carries one of its stories added.
    big = _atom(http_server, count=1, title="Big").replace(
        b"</feed>",
        b"".join(
            f'<entry><id>b{n}</id><title>Other {n}</title><link href="{http_server.url(f"/o{n}")}"/>'
            f"<updated>2026-12-01T10:00:00Z</updated></entry>".encode()
            for n in range(4)
        )
        + b"</feed>",
    )
    url = http_server.add("/big.xml", big)
    h.write_config(tmp_path, [{"url": url, "fetch_pages": False}])
    code, _, err = run_cli("fetch", "--config", str(config))
    assert code == 0 and "stored article(s) of" not in err, err
    assert _articles(config) == [4]


# -- #3 and #7: feeds remove says what it removed and what stays -----------------------------------


def test_feeds_remove_names_the_line_removed_and_the_articles_that_stay(
    tmp_path: Path, http_server: LocalServer
) -> None:
    url = http_server.add("/f/aws.xml", _atom(http_server, title="AWS News"))
    config = h.write_config(tmp_path, [{"url": url, "name": "AWS News", "fetch_pages": False}])
    assert run_cli("fetch", "--config", str(config), "-q")[0] == 0
    given = url.replace("http://", "https://") + "/"
    code, out, err = run_cli("feeds", "remove", "--config", str(config), given)
    assert code == 0, err
    assert out.splitlines()[0] == (
        f"Removed {url} (AWS News), the feed listed for the {given} you gave"
    )
    out = sans_config(out)
    assert (
        "Its 3 stored article(s) stay in the archive, and the 3 no issue featured can still be"
        " picked for the next issues. To keep one out, run `curator subjects exclude http"
    ) in out
    assert "aws.xml" not in config.read_text(encoding="utf-8")


# -- #4: export, then import into a fresh newsletter, keeps name:, fetch_pages and the order ----


def test_export_then_import_keeps_names_fetch_pages_and_order(tmp_path: Path) -> None:
    basics = "The basics of customer experience"
    feeds = [
        {"url": "http://aws.example/f/aws.xml", "name": "AWS News", "fetch_pages": False},
        {"url": "http://blog.example/feed", "subjects": [basics]},
        {"url": "http://wire.example/rss", "name": "Daily Wire", "fetch_pages": True},
    ]
    config = h.write_config(tmp_path, feeds)
    opml = tmp_path / "feeds.opml"
    code, _, err = run_cli("feeds", "export", "--config", str(config), "-o", str(opml))
    assert code == 0, err
    fresh = tmp_path / "fresh"
    assert run_cli("init", str(fresh))[0] == 0
    code, out, err = run_cli(
        "feeds", "import", "--no-check", "--config", str(fresh / "feeds.yaml"), str(opml)
    )
    assert code == 0, err
    assert "Imported 3 feed(s)" in out and "OPML title" not in err
    import yaml

    written = yaml.safe_load((fresh / "feeds.yaml").read_text(encoding="utf-8"))["feeds"]
    assert written == feeds
    assert run_cli("feeds", "check", "--config", str(fresh / "feeds.yaml"))[0] == 0


def test_a_plain_opml_title_is_still_judged_as_before(tmp_path: Path) -> None:
    opml = tmp_path / "reader.opml"
    opml.write_text(
        '<opml version="2.0"><head><title>r</title></head><body>'
        '<outline text="World" title="World" xmlUrl="https://www.washingtonpost.com/world/rss"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    fresh = tmp_path / "fresh"
    assert run_cli("init", str(fresh))[0] == 0
    code, _, err = run_cli(
        "feeds", "import", "--no-check", "--config", str(fresh / "feeds.yaml"), str(opml)
    )
    assert code == 0, err
    text = (fresh / "feeds.yaml").read_text(encoding="utf-8")
    assert 'OPML title: "World" -- not the site\'s name, so no name:' in text
    assert "name: World" not in text


# -- #5: feeds add of an address that redirects to a listed feed -----------------------------------


def test_feeds_add_of_an_address_moved_to_a_listed_feed_adds_nothing(
    tmp_path: Path, http_server: LocalServer
) -> None:
    listed = http_server.add("/f/cre.xml", _atom(http_server, title="Cre"))
    config = h.write_config(tmp_path, [{"url": listed}])
    perm = http_server.add("/f/perm.xml", status=301, headers={"Location": "/f/cre.xml"})
    before = config.read_text(encoding="utf-8")
    code, out, err = run_cli("feeds", "add", "--config", str(config), perm)
    assert code != 0 and "Added" not in out
    assert (
        f"{perm} leads to {listed}, which is already in the feeds list as {listed}; nothing added"
    ) in err, err
    assert config.read_text(encoding="utf-8") == before
    # Its https:// form is said to be listed, not read (a TLS error before).
    https = listed.replace("http://", "https://")
    code, _, err = run_cli("feeds", "add", "--config", str(config), https)
    assert code != 0 and f"is already in the feeds list, as {listed}" in err, err


# -- #7: two feeds of one name; the import's advice names the listed line ------------------------


def test_two_feeds_of_one_name_are_warned_of_with_both_lines(tmp_path: Path) -> None:
    config = h.write_config(
        tmp_path,
        [
            {"url": "http://a.example/feed", "name": "Daily News"},
            {"url": "http://b.example/feed", "name": "Daily  news"},
        ],
    )
    lines = config.read_text(encoding="utf-8").splitlines()
    first = lines.index("- url: http://a.example/feed") + 1
    second = lines.index("  name: Daily  news") + 1
    code, out, err = run_cli("feeds", "list", "--config", str(config))
    assert code == 0, err
    assert f"{config}:{second}:" in err, err
    assert (
        f"`name: Daily  news` is also the name of the feed at line {first}"
        " (http://a.example/feed): both are credited as one publication, and fetch and `feeds"
        " check` cannot tell them apart"
    ) in err
    code, out, _ = run_cli("feeds", "check", "--config", str(config))
    assert "Daily News (http://a.example/feed)" in out and "Daily  news (http://b.example" in out


def test_the_imports_advice_names_the_url_line_feeds_yaml_has(tmp_path: Path) -> None:
    basics = "The basics of customer experience"
    config = h.write_config(tmp_path, [{"url": "http://aws.example/f/aws.xml", "name": "AWS"}])
    opml = tmp_path / "reader.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="{basics}">'
        '<outline text="AWS" xmlUrl="https://aws.example/f/aws.xml"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    code, _, err = run_cli("feeds", "import", "--no-check", "--config", str(config), str(opml))
    assert code == 0, err
    assert f"  http://aws.example/f/aws.xml\n      subjects: [{basics}]" in err, err
    assert "  https://aws.example/f/aws.xml (listed as http://aws.example/f/aws.xml)" in err


# -- #6: a flow-style feeds list and CRLF line ends are kept ---------------------------------------

FLOW = (
    "newsletter:\r\n  title: T\r\n  editor: E\r\nsubjects:\r\n  - name: Parcels\r\n"
    "    description: Parcel lockers and deliveries.\r\n    keywords: [parcel, locker, courier]\r\n"
    'feeds: [{url: "http://a.example/feed", name: A},\r\n'
    "        {url: http://b.example/feed}]   # mine\r\n"
)


def test_feeds_add_keeps_a_flow_list_and_crlf_line_ends(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_bytes(FLOW.encode())
    new = "http://c.example/pauldix.xml"
    code, out, err = run_cli("feeds", "add", "--no-check", "--config", str(config), new)
    assert code == 0, err
    text = config.read_bytes().decode()
    assert text == FLOW.replace(
        "{url: http://b.example/feed}]", "{url: http://b.example/feed}, {url: " + new + "}]"
    )
    code, out, err = run_cli("feeds", "list", "--config", str(config))
    assert code == 0 and new in out, err


def test_feeds_remove_from_a_flow_list_says_how_to_by_hand(tmp_path: Path) -> None:
    config = tmp_path / "feeds.yaml"
    config.write_bytes(FLOW.encode())
    code, _, err = run_cli("feeds", "remove", "--config", str(config), "http://b.example/feed")
    assert code != 0
    assert (
        f"{config}:8: its `feeds:` list is written in [ ] (flow style), which curator could not"
        " edit safely; nothing was changed: take the feed http://b.example/feed out of its [ ] by"
        " hand, or write the list one feed a line (`- url: ...`), which curator edits"
    ) in err, err
    assert config.read_bytes() == FLOW.encode()


def test_feeds_add_and_remove_keep_crlf_in_a_block_list(tmp_path: Path) -> None:
    block = FLOW.split("feeds:")[0] + "feeds:\r\n  - url: http://a.example/feed\r\n    name: A\r\n"
    config = tmp_path / "feeds.yaml"
    config.write_bytes(block.encode())
    assert (
        run_cli("feeds", "add", "--no-check", "--config", str(config), "http://c.example/x")[0] == 0
    )
    data = config.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") and b"http://c.example/x" in data
    assert run_cli("feeds", "remove", "--config", str(config), "http://a.example/feed")[0] == 0
    assert (
        config.read_bytes()
        == (block.split("feeds:")[0] + "feeds:\r\n  - url: http://c.example/x\r\n").encode()
    )
