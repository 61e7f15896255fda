"""A feed's address: one rule for feeds.yaml, `feeds add`, `feeds remove` and `feeds import`
(walk152 #1, #2, #7, #8).

#1: `url: HTTPS://...` passed `feeds list`, then crashed every fetch and build (read as a file:
"relative path can't be expressed as a file URI"); import wrote it as given. #7: a port past 65535
failed as "unexpected ExceptionGroup", `http://[zz]/feed` crashed fetch and `feeds add --no-check`.
#8: `feed://https://ff.example/rss` was imported as `http://https://...` and failed every run as
"no such server: https". #2: `feeds add --no-check` wrote lines feeds.yaml's check refuses, after
which every command failed, `feeds remove` of that line too. Through the command line, against a
real HTTP server.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import LocalServer, copy_demo, run_cli, said_as_one

FEED = """<rss version="2.0"><channel><title>Capitals Weekly</title>
<item><title>Customer journeys written in capitals</title><link>https://caps.example/a1</link>
<description>Customer experience teams map the customer journey. Service matters to customers.
Every step is measured.</description></item></channel></rss>"""


def _with_feeds(config: Path, lines: str) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("feeds:\n", f"feeds:\n{lines}", 1), encoding="utf-8")


def test_a_capitalised_scheme_feed_builds_with_the_rest(
    tmp_path: Path, http_server: LocalServer
) -> None:
    url = http_server.add("/three.xml", FEED)
    caps = url.replace("http://", "HtTp://")
    config = copy_demo(tmp_path)
    _with_feeds(config, f"  - url: {caps}\n    fetch_pages: false\n")
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    assert "Traceback" not in err and "file URI" not in err
    assert http_server.seen("/three.xml")  # read at its http:// address, not as a file
    store = config.parent / ".curator" / "curator.db"
    with sqlite3.connect(store) as db:
        titles = {row[0] for row in db.execute("SELECT title FROM articles")}
    assert "Customer journeys written in capitals" in titles
    assert len(titles) > 1  # the demo's own feeds too
    # One mistake of a feed's address among good feeds: said with its line and the fix.
    for bad, said in [
        ("http://127.0.0.1:99999/feed", "its port `99999` is none a server can have"),
        ('"http://[zz]/feed"', 'its site "[zz]" is no IPv6 address'),
        ("https://https://ff.example/rss", "write `https://ff.example/rss`"),
        ("https:///feed", "it names no site"),
        ("feed://ff.example/rss", "write `http://ff.example/rss`"),
    ]:
        broken = copy_demo(tmp_path / bad.strip('"').replace("/", "_").replace(":", "_"))
        _with_feeds(broken, f"  - url: {bad}\n")
        code, _, err = run_cli("fetch", "--config", str(broken))
        assert code == 2, (bad, err)
        assert "Traceback" not in err and "ExceptionGroup" not in err
        assert f"{broken}:107:10:" in err and said in said_as_one(err), err


def test_fetch_names_an_impossible_port_it_is_redirected_to(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The `:99999` feeds.yaml refuses, met after a redirect: that feed fails, said in words, and
    the rest is read (it failed as "unexpected ExceptionGroup")."""
    gone = http_server.add(
        "/moved.xml", status=301, headers={"Location": "http://127.0.0.1:99999/feed"}
    )
    good = http_server.add("/three.xml", FEED)
    config = copy_demo(tmp_path)
    _with_feeds(config, f"  - url: {gone}\n  - url: {good}\n    fetch_pages: false\n")
    code, out, err = run_cli("fetch", "--config", str(config))
    text = said_as_one(out + err)
    assert "ExceptionGroup" not in text and "unexpected" not in text
    assert "a port is a number from 1 to 65535" in text
    assert http_server.seen("/three.xml")
    assert code != 2


def test_feeds_add_holds_every_address_to_feeds_yaml_s_check(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    before = config.read_text(encoding="utf-8")
    refused = [
        ("eu-one.example/feed.xml", "write `https://eu-one.example/feed.xml`"),
        ("feeds\\local.xml", "write a path with forward slashes"),
        ("https://x.example/my feed", 'write "https://x.example/my%20feed"'),
        ("https:/typo.example/feed", "write `https://typo.example/feed`"),
        ("http://[zz]/feed2", 'its site "[zz]" is no IPv6 address'),
        ("http://ok.example:99999/feed", "a port is a number from 1 to 65535"),
    ]
    import os

    here = os.getcwd()
    os.chdir(config.parent)
    try:
        for given, fix in refused:
            for check in (["--no-check"], []):
                code, out, err = run_cli("feeds", "add", "--config", str(config), *check, given)
                assert code == 2, (given, check, out, err)
                assert fix in said_as_one(err) and "nothing added" in err, (given, err)
                assert "Added" not in out
        assert config.read_text(encoding="utf-8") == before
        # What an import reads, `feeds add` reads: capitals, feed://, a scheme written twice.
        for given, written in [
            ("HTTPS://EU-ONE.EXAMPLE/feed.xml", "https://eu-one.example/feed.xml"),
            ("feed://added.example/rss", "http://added.example/rss"),
            ("feed://https://ff.example/rss", "https://ff.example/rss"),
        ]:
            code, out, err = run_cli("feeds", "add", "--config", str(config), "--no-check", given)
            assert code == 0, err
            assert f"Added {written} without reading it" in out
            assert f"- url: {written}\n" in config.read_text(encoding="utf-8")
        assert "is read as https://ff.example/rss" in said_as_one(err)
        code, out, err = run_cli("feeds", "list", "--config", str(config))
        assert code == 0, err
    finally:
        os.chdir(here)


def test_feeds_remove_takes_out_a_line_feeds_yaml_refuses(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    _with_feeds(config, "  - url: feeds\\bad.xml\n")
    code, _, err = run_cli("feeds", "list", "--config", str(config))
    assert code == 2 and "forward slashes" in err
    code, out, err = run_cli("feeds", "remove", "--config", str(config), "feeds\\bad.xml")
    assert code == 0, err
    assert "Removed feeds\\bad.xml" in out
    assert "bad.xml" not in config.read_text(encoding="utf-8")
    code, out, err = run_cli("feeds", "list", "--json", "--config", str(config))
    assert code == 0, err
    assert len(json.loads(out)) == 3


def test_import_reads_capitals_and_a_doubled_scheme_as_feeds_yaml_does(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?>\n<opml version="2.0"><head><title>t</title></head><body>\n'
        '<outline text="Up" xmlUrl="HTTPS://Up.Example/feed"/>\n'
        '<outline text="FF" xmlUrl="feed://https://ff.example/rss"/>\n'
        '<outline text="Port" xmlUrl="http://port.example:99999/rss"/>\n'
        "</body></opml>\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(config), str(opml))
    assert code == 0, err
    text = config.read_text(encoding="utf-8")
    assert "- url: https://up.example/feed" in text
    assert "- url: https://ff.example/rss" in text and "https://https" not in text
    assert "port.example" not in text
    said = said_as_one(err)
    assert f"{opml}:4: feed://https://ff.example/rss is read as https://ff.example/rss" in said
    assert (
        f"{opml}:5: Port (http://port.example:99999/rss) was left out, as no feed can be read at"
        " it: its port `99999` is none a server can have" in said
    )
    code, _, err = run_cli("feeds", "list", "--config", str(config))
    assert code == 0, err


def test_feeds_yaml_mistakes_say_the_fix(tmp_path: Path) -> None:
    """walk152 #12: the line was named, the fix not."""
    cases = [
        (
            "  - url: https://a.example/f\n    name: 1843\n",
            ':108:11: `name` must be some text, not `1843`; write `name: "1843"`',
        ),
        ("  - url: https://a.example/f\n    name: 24:7\n", 'write `name: "24:7"`'),
        ("  - url: https://a.example/f\n    name: Yes\n", 'write `name: "Yes"`'),
        (
            "  - url: \u201chttps://eu-two.example/rss\u201d\n",
            ":107:10: `\u201chttps://eu-two.example/rss\u201d` is in curly quotes, which YAML reads as part of the address, not as quotes: write `url: https://eu-two.example/rss`",
        ),
        (
            "  - https://bare.example/feed\n",
            ":107:5: a feed must be a section of `key: value` lines: write `- url: https://bare.example/feed`",
        ),
        (
            "  - url: https://a.example/f\n    subjects: [Nope one, Service operaions]\n",
            "unknown subjects `Nope one`, `Service operaions` (did you mean `Service operations`?)",
        ),
    ]
    for number, (lines, said) in enumerate(cases):
        config = copy_demo(tmp_path / str(number))
        _with_feeds(config, lines)
        code, out, err = run_cli("feeds", "list", "--config", str(config))
        assert code == 2, (lines, out, err)
        assert said in said_as_one(err), err


def test_import_reads_a_path_xmlurl_on_its_site(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    opml = tmp_path / "rel.opml"
    opml.write_text(
        '<?xml version="1.0"?>\n<opml version="2.0"><head><title>t</title></head><body>\n'
        '<outline text="Rel" xmlUrl="/feed.xml" htmlUrl="https://rel.example/blog/"/>\n'
        "</body></opml>\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(config), str(opml))
    assert code == 0, err
    assert "- url: https://rel.example/feed.xml" in config.read_text(encoding="utf-8")
    assert (
        f"{opml}:3: /feed.xml is read as https://rel.example/feed.xml: a path, read on its site"
        " (its htmlUrl, https://rel.example/blog/)" in said_as_one(err)
    )
