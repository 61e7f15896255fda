"""walk82: an OPML round trip (`feeds import`, `feeds export`, import of the export) keeps each
feed's title, both subject folders of a feed listed twice, and says what it leaves out, where."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
import yaml

from conftest import run_cli

SUBJECTS = [
    {"name": name, "description": f"About {name.lower()}.", "keywords": [name.lower()]}
    for name in ("Service operations", "Customer success")
]


def config(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = h.write_config(folder, [], subjects=SUBJECTS)
    # An editor's comment, which every edit must keep.
    path.write_text("# my newsletter\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def opml(
    folder: Path, body: str, declaration: str = '<?xml version="1.0" encoding="UTF-8"?>'
) -> Path:
    path = folder / "subs.opml"
    path.write_text(
        f'{declaration}\n<opml version="2.0"><head><title>t</title></head><body>\n{body}'
        "\n</body></opml>\n",
        encoding="utf-8",
    )
    return path


def feeds(path: Path) -> dict[str, dict]:
    return {f["url"]: f for f in yaml.safe_load(path.read_text(encoding="utf-8"))["feeds"]}


def test_export_titles_a_feed_by_its_kept_opml_title_through_a_round_trip(tmp_path: Path) -> None:
    """walk82 #1: the OPML title kept as a comment was exported as the feed's address, and a
    re-import left no trace of it (5,000 titles lost)."""
    first = config(tmp_path / "a")
    source = opml(
        tmp_path,
        '<outline type="rss" text="Julia Evans" xmlUrl="http://jvns.ca/atom.xml"/>\n'
        '<outline type="rss" text="顧客体験ブログ" xmlUrl="https://cx.example.jp/feed"/>',
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(first), str(source))
    assert code == 0, err
    exported = tmp_path / "e1.opml"
    code, _, err = run_cli("feeds", "export", "--config", str(first), "--out", str(exported))
    assert code == 0, err
    text = exported.read_text(encoding="utf-8")
    assert 'text="Julia Evans" title="Julia Evans" xmlUrl="http://jvns.ca/atom.xml"' in text
    assert 'text="顧客体験ブログ"' in text
    # Into another newsletter: the title is kept beside the feed again, and exported again.
    second = config(tmp_path / "b")
    code, out, err = run_cli(
        "feeds", "import", "--no-check", "--config", str(second), str(exported)
    )
    assert code == 0, err
    kept = second.read_text(encoding="utf-8")
    assert kept.startswith("# my newsletter\n")
    assert '- url: http://jvns.ca/atom.xml  # OPML title: "Julia Evans"' in kept
    assert "name" not in feeds(second)["http://jvns.ca/atom.xml"]
    again = tmp_path / "e2.opml"
    code, _, err = run_cli("feeds", "export", "--config", str(second), "--out", str(again))
    assert code == 0, err
    assert 'text="Julia Evans"' in again.read_text(encoding="utf-8")
    assert 'text="顧客体験ブログ"' in again.read_text(encoding="utf-8")


def test_a_feed_under_two_subject_folders_hints_at_both(tmp_path: Path) -> None:
    """walk82 #2: only the first folder became a hint, said as "listed twice (each added once)"."""
    path = config(tmp_path / "a")
    source = opml(
        tmp_path,
        '<outline text="Service operations">'
        '<outline type="rss" text="Twice" xmlUrl="https://twice.example.com/feed"/></outline>\n'
        '<outline text="Customer success">'
        '<outline type="rss" text="Twice" xmlUrl="https://twice.example.com/feed/"/></outline>',
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(path), str(source))
    assert code == 0, err
    assert feeds(path)["https://twice.example.com/feed"]["subjects"] == [
        "Service operations",
        "Customer success",
    ]
    assert (
        "1 feed(s) listed more than once in the OPML, each added once, as first listed, with"
        " the subjects of all its folders (an address with or without www., a last / or https"
        " is the same feed):\n  https://twice.example.com/feed (2 times; subjects: Service"
        " operations, Customer success)\n"
    ) in err


def test_outlines_without_a_feed_address_are_named_with_their_line(tmp_path: Path) -> None:
    """walk82 #3: htmlUrl only, an empty xmlUrl and type="link" url= were dropped without a word."""
    path = config(tmp_path / "a")
    source = opml(
        tmp_path,
        '<outline text="Service operations">\n'
        '<outline text="Only HTML" type="rss" htmlUrl="https://onlyhtml.example.com/"/>\n'
        '<outline text="Empty XML" type="rss" xmlUrl="" htmlUrl="https://emptyxml.example.com/"/>\n'
        '<outline text="Link Blog" type="link" url="https://linkblog.example.com/feed"/>\n'
        '<outline text="Real" type="rss" xmlUrl="https://real.example.com/feed"/>\n'
        "</outline>",
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(path), str(source))
    assert code == 0, err
    assert out == f"Imported 1 feed(s) into {path}.\n"
    for line, text, site in (
        (4, "Only HTML", "https://onlyhtml.example.com/"),
        (5, "Empty XML", "https://emptyxml.example.com/"),
        (6, "Link Blog", "https://linkblog.example.com/feed"),
    ):
        assert (
            f'curator: warning: {source}:{line}: "{text}" gives no feed address (xmlUrl), so it was'
            f" left out; `curator feeds add {site} --config {path}` adds its feed"
        ) in err
    assert list(feeds(path)) == ["https://real.example.com/feed"]


def test_a_feed_scheme_address_is_read_as_http_and_said(tmp_path: Path) -> None:
    """walk82 #4: `Not a web feed, left out: Feed scheme (feed://...)`, with no line or fix."""
    path = config(tmp_path / "a")
    source = opml(
        tmp_path,
        '<outline type="rss" text="Feed scheme" xmlUrl="feed://feedscheme.example.com/rss"/>\n'
        '<outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>',
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(path), str(source))
    assert code == 0, err
    assert list(feeds(path)) == ["http://feedscheme.example.com/rss"]
    assert (
        f"curator: {source}:3: feed://feedscheme.example.com/rss is read as"
        " http://feedscheme.example.com/rss: `feed:` only asks a feed reader to open the address"
        " after it\n"
    ) in err
    assert (
        f"curator: warning: {source}:4: Script (javascript:alert(1)) is not a web feed's address"
        " (http or https), so it was left out;"
    ) in err


def test_an_undeclared_latin1_file_is_named_with_line_column_and_fix(tmp_path: Path) -> None:
    """walk82 #4: "line 3: not valid XML (Invalid bytes ...)" gave no column and no fix."""
    path = config(tmp_path / "a")
    source = tmp_path / "latin1.opml"
    source.write_bytes(
        b'<?xml version="1.0"?>\n<opml version="1.0"><head><title>x</title></head><body>\n'
        b'<outline text="Caf\xe9 Undeclared" type="rss" xmlUrl="https://u.example.fr/feed"/>\n'
        b"</body></opml>\n"
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(path), str(source))
    assert code == 2
    assert (
        f"{source}: line 3, column 19: not valid XML (Invalid bytes in character encoding);"
        " the file is not UTF-8 and does not say what it is: save it as UTF-8, or declare its"
        ' encoding in its first line, e.g. <?xml version="1.0" encoding="ISO-8859-1"?>'
    ) in err


def test_a_name_given_to_two_feeds_is_said_at_import(tmp_path: Path) -> None:
    """walk82 #5: two `name: Daring Fireball` were said only by every later command."""
    path = config(tmp_path / "a")
    source = opml(
        tmp_path,
        '<outline type="rss" text="Daring Fireball" xmlUrl="https://daringfireball.net/feeds/main"'
        ' htmlUrl="https://daringfireball.net/"/>\n'
        '<outline type="rss" text="Daring Fireball" xmlUrl="https://daringfireball.net/linked"'
        ' htmlUrl="https://daringfireball.net/"/>',
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(path), str(source))
    assert code == 0, err
    assert "`name: Daring Fireball` is also the name of the feed at line" in err
    assert "curator: warning: " in err


def test_importing_the_same_file_again_says_nothing_was_added(tmp_path: Path) -> None:
    """walk82 #6: "Imported 0 feed(s)", then folders "added without them as hints"."""
    path = config(tmp_path / "a")
    source = opml(
        tmp_path,
        '<outline text="Tech"><outline type="rss" text="A" xmlUrl="https://a.example.com/feed"/>'
        '<outline type="rss" text="B" xmlUrl="https://b.example.com/feed"/></outline>',
    )
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(path), str(source))
    assert code == 0 and "folder(s)" in err, err
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(path), str(source))
    assert code == 0, err
    assert out == f"All 2 feed(s) of {source} were listed already in {path}; no feed added.\n"
    assert "folder(s)" not in err and "Imported" not in out
