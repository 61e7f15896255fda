"""The feed list's round trip loses nothing (walk152): `feeds export`, then `feeds import` into a
fresh newsletter, gives back the same feeds.yaml entries -- `fetch_pages: no`, a subject whose
name has a comma --; the export never writes over feeds.yaml; an import of reader folders named
`Yes` or `?what` edits the file, and a reader's own folders ("Subscriptions") are no subjects."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import LocalServer, run_cli, said_as_one

#: The editor's feeds.yaml of walk152 (comments, two subjects, four feeds), with `fetch_pages:
#: off` (YAML 1.1's false, which the build obeys) and a subject whose name has a comma.
BASE = """\
# Customer Experience Weekly -- editor's config. Keep feeds grouped by region!
newsletter:
  title: CX Weekly
  editor: Morgan Ellery
  introduction: |
    Welcome to issue {number} of {title}.
  issue_size: 4

subjects:
  - name: "Service, support and operations"
    description: Running a support team day to day.
    keywords: [support team, ticket, staffing, queue]
  - name: Measuring
    description: Measuring the customer experience.
    keywords: [NPS, CSAT, survey, metric]

feeds:
  # --- Europe ---
  - url: https://eu-one.example/feed.xml   # great on metrics
    name: EU One
    subjects: [Measuring]
  - url: https://eu-two.example/rss
    name: EU Two

  # --- Americas ---
  - url: https://am-one.example/atom.xml
    name: AM One
    fetch_pages: off    # paywall
  - url: https://am-two.example/feed/
    subjects: [Measuring, "Service, support and operations"]
  - url: https://am-three.example/feed/
    subjects: ["Service, support and operations", Measuring]

settings:
  output: output
  store: .curator/curator.db
"""


def newsletter(folder: Path, feeds: str | None = None) -> Path:
    """A newsletter folder with BASE as its feeds.yaml (its feeds list replaced by `feeds`)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = BASE
    if feeds is not None:
        start, end = text.index("feeds:\n"), text.index("\nsettings:")
        text = text[:start] + feeds + "\n" + text[end:]
    config = folder / "feeds.yaml"
    config.write_text(text, encoding="utf-8")
    return config


def feeds_of(config: Path) -> list[dict[str, object]]:
    """The feeds list as the build reads it (PyYAML)."""
    return list(yaml.safe_load(config.read_text(encoding="utf-8"))["feeds"])


def test_export_then_import_gives_back_every_feed_as_the_build_reads_it(tmp_path: Path) -> None:
    config = newsletter(tmp_path / "old")
    opml = tmp_path / "feeds.opml"
    code, _, err = run_cli("feeds", "export", "--config", str(config), "-o", str(opml))
    assert code == 0, err
    data = opml.read_bytes()
    assert data.endswith(b"</opml>\n")
    # `fetch_pages: off` is the build's false: the export says so (it was dropped).
    assert b'curator:fetchPages="false"' in data
    fresh = newsletter(tmp_path / "new", "feeds: []")
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(fresh), str(opml))
    assert code == 0, err
    assert out == f"Imported 5 feed(s) into {fresh}.\n"
    back = feeds_of(fresh)
    assert back == [
        {"url": "https://eu-one.example/feed.xml", "name": "EU One", "subjects": ["Measuring"]},
        {"url": "https://eu-two.example/rss", "name": "EU Two"},
        {"url": "https://am-one.example/atom.xml", "name": "AM One", "fetch_pages": False},
        # The subject with a comma in its name came back, beside the other (it was lost).
        {
            "url": "https://am-two.example/feed/",
            "subjects": ["Measuring", "Service, support and operations"],
        },
        {
            "url": "https://am-three.example/feed/",
            "subjects": ["Service, support and operations", "Measuring"],
        },
    ]
    assert back == feeds_of(config)
    # `feeds list` quotes a name with a comma, as feeds.yaml does.
    code, out, err = run_cli("feeds", "list", "--config", str(fresh))
    assert code == 0, err
    assert '[Measuring, "Service, support and operations"]' in out


def test_an_unknown_fetch_pages_word_in_the_opml_is_refused_with_its_line(tmp_path: Path) -> None:
    config = newsletter(tmp_path / "old")
    code, out, _ = run_cli("feeds", "export", "--config", str(config))
    assert code == 0
    opml = tmp_path / "feeds.opml"
    opml.write_text(out.replace('fetchPages="false"', 'fetchPages="maybe"'), encoding="utf-8")
    fresh = newsletter(tmp_path / "new", "feeds: []")
    code, _, err = run_cli("feeds", "import", "--no-check", "--config", str(fresh), str(opml))
    assert code == 2
    line = next(i for i, text in enumerate(out.splitlines(), 1) if "fetchPages" in text)
    assert f"{opml}: line {line}: curator:fetchPages='maybe' is neither true nor false" in err
    assert feeds_of(fresh) == []
    # YAML's own words are read as feeds.yaml reads them.
    opml.write_text(out.replace('fetchPages="false"', 'fetchPages="no"'), encoding="utf-8")
    code, _, err = run_cli("feeds", "import", "--no-check", "--config", str(fresh), str(opml))
    assert code == 0, err
    assert feeds_of(fresh)[2]["fetch_pages"] is False


def test_export_never_writes_over_the_feeds_list_it_reads(tmp_path: Path) -> None:
    config = newsletter(tmp_path)
    code, _, err = run_cli("feeds", "export", "--config", str(config), "-o", str(config))
    assert code == 2
    assert "is the feeds list this export reads" in err and "-o feeds.opml" in err
    assert config.read_text(encoding="utf-8") == BASE
    other = tmp_path / "other.yml"
    other.write_text("a: 1\n", encoding="utf-8")
    code, _, err = run_cli("feeds", "export", "--config", str(config), "-o", str(other))
    assert code == 2
    assert "exists and is a YAML file" in err and "--force" in err
    assert other.read_text(encoding="utf-8") == "a: 1\n"
    code, _, err = run_cli("feeds", "export", "--config", str(config), "-o", str(other), "--force")
    assert code == 0, err
    assert other.read_bytes().startswith(b"<?xml")


READER_OPML = """\
<?xml version="1.0"?>
<opml version="2.0"><head><title>Feedly</title></head><body>
<outline text="Yes" title="Yes"><outline type="rss" text="A" xmlUrl="https://a.example/feed"/></outline>
<outline text="?what" title="?what"><outline type="rss" text="B" xmlUrl="https://b.example/feed"/></outline>
<outline text="Subscriptions"><outline text="Uncategorized">
  <outline type="rss" text="C" xmlUrl="https://c.example/feed"/>
</outline></outline>
<outline text="Must Read"><outline type="rss" text="D" xmlUrl="https://d.example/feed"/></outline>
</body></opml>
"""


def test_add_subjects_quotes_yaml_words_and_passes_over_a_readers_folders(tmp_path: Path) -> None:
    config = newsletter(tmp_path)
    opml = tmp_path / "feedly.opml"
    opml.write_text(READER_OPML, encoding="utf-8")
    code, out, err = run_cli(
        "feeds", "import", "--no-check", "--config", str(config), "--add-subjects", str(opml)
    )
    # `?what` written `[?what]` read back as a mapping: "could not be edited safely", no reason.
    assert code == 0, err
    assert "Imported 4 feed(s)" in out
    assert "Added 2 subject(s) from the folders: `Yes`, `?what`" in out
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["subjects"]][2:] == ["Yes", "?what"]
    hints = {f["url"]: f.get("subjects") for f in data["feeds"]}
    assert hints["https://a.example/feed"] == ["Yes"]
    assert hints["https://b.example/feed"] == ["?what"]
    # A reader's own folders are no subjects and no hints, and the editor is told.
    assert hints["https://c.example/feed"] is None and hints["https://d.example/feed"] is None
    said = said_as_one(err)
    assert (
        "3 folder(s) of" in said
        and "are a feed reader's own, not subjects, and were passed over" in said
        and "Subscriptions (1 feed), Uncategorized (1 feed), Must Read (1 feed)" in said
    )


def test_an_import_over_the_listed_feeds_says_what_its_names_and_fetch_pages_differ_in(
    tmp_path: Path,
) -> None:
    config = newsletter(tmp_path)
    code, out, _ = run_cli("feeds", "export", "--config", str(config))
    assert code == 0
    opml = tmp_path / "feeds.opml"
    opml.write_text(out, encoding="utf-8")
    edited = BASE.replace("name: EU One", "name: EU Uno").replace(
        "    fetch_pages: off    # paywall\n", ""
    )
    config.write_text(edited, encoding="utf-8")
    code, out, err = run_cli("feeds", "import", "--no-check", "--config", str(config), str(opml))
    assert code == 0, err
    # "Skipped 4 already listed (left as they are)" and no word of either (walk152 #10).
    assert (
        "  https://eu-one.example/feed.xml\n"
        "      the OPML has `name: EU One`; to use it, write it under the feed\n"
    ) in err
    assert (
        "  https://am-one.example/atom.xml\n"
        "      the OPML has `fetch_pages: false`; to use it, write it under the feed\n"
    ) in err
    assert err.count("the OPML has") == 2 and "Skipped 5 already listed" in err
    assert config.read_text(encoding="utf-8") == edited


def test_removing_a_feed_that_holds_an_anchor_says_the_file_was_rewritten(tmp_path: Path) -> None:
    text = BASE.replace("subjects: [Measuring]\n", "subjects: &m [Measuring]\n", 1).replace(
        'subjects: [Measuring, "Service, support and operations"]', "subjects: *m"
    )
    config = newsletter(tmp_path)
    config.write_text(text, encoding="utf-8")
    code, out, err = run_cli(
        "feeds", "remove", "--config", str(config), "https://eu-one.example/feed.xml"
    )
    assert code == 0, err
    assert out.startswith("Removed https://eu-one.example/feed.xml (EU One)")
    said = said_as_one(err)
    assert f"{config} was rewritten whole, not edited line by line (it uses YAML anchors" in said
    assert "`git diff` shows how" in said
    # Only the feed went, and the alias is written out: indentation and comments are kept.
    assert config.read_text(encoding="utf-8") == text.replace(
        "  - url: https://eu-one.example/feed.xml   # great on metrics\n    name: EU One\n"
        "    subjects: &m [Measuring]\n",
        "",
    ).replace("subjects: *m", "subjects: [Measuring]")
    # The other feed keeps the subjects its alias gave it.
    assert feeds_of(config)[-2] == {
        "url": "https://am-two.example/feed/",
        "subjects": ["Measuring"],
    }
    # A file edited line by line says nothing of it.
    plain = newsletter(tmp_path / "plain")
    code, _, err = run_cli("feeds", "remove", "--config", str(plain), "https://eu-two.example/rss")
    assert code == 0 and "rewritten" not in err


def test_a_feed_name_with_a_line_break_is_refused_with_its_line(tmp_path: Path) -> None:
    config = newsletter(tmp_path)
    config.write_text(
        BASE.replace("name: EU Two", 'name: "Three\\nCo <i>Ltd</i>"'), encoding="utf-8"
    )
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 2
    line = BASE.splitlines().index("    name: EU Two") + 1
    assert (
        f"{config}:{line}:11: `name:` holds a line break, and a credit is one line: write it on"
        ' one line, `name: "Three Co <i>Ltd</i>"`'
    ) in said_as_one(err)


def test_feed_titles_lose_their_format_labels_and_a_second_escape(
    tmp_path: Path, corpus: Path
) -> None:
    subs = corpus / "opml" / "rsparser" / "Subs.opml"
    extra = tmp_path / "extra.opml"
    extra.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>\n'
        '<outline type="rss" text="Breaking News on Seeking Alpha"'
        ' xmlUrl="https://seekingalpha.com/market_currents.xml"/>\n'
        '<outline type="rss" text="Designer News Feed"'
        ' xmlUrl="https://www.designernews.co/?format=rss"/>\n'
        '<outline type="rss" text="Double &amp;amp; Escaped" xmlUrl="https://double.example/feed"'
        ' htmlUrl="https://double.example/"/>\n'
        "</body></opml>\n",
        encoding="utf-8",
    )
    config = newsletter(tmp_path / "nl", "feeds: []")
    names: dict[str, object] = {}
    errs = ""
    for source in (subs, extra):
        code, _, err = run_cli(
            "feeds", "import", "--no-check", "--config", str(config), str(source)
        )
        assert code == 0, err
        errs += err
    names = {str(f["url"]): f.get("name") for f in feeds_of(config)}
    expected = {
        "http://www.russbishop.net/feed": "Russ Bishop",  # "Russ Bishop (atom)"
        "http://nataliepo.typepad.com/nataliepo/rss.xml": "nataliepo",
        "http://blog.thoughtbrain.com/feed/": "Thoughtbrain Bloggers",  # "Feed: ..."
        "http://feeds.feedburner.com/alistapart/main": "A List Apart",  # ": The Full Feed"
        "https://seekingalpha.com/market_currents.xml": "Seeking Alpha",
        "https://www.designernews.co/?format=rss": "Designer News",
    }
    assert {url: names.get(url) for url in expected} == expected
    # No name keeps a format label (John Nack's "(rss (feedburner))", Gordon Meyer's "(atom)").
    assert not [n for n in names.values() if n and ("(rss" in str(n) or "(atom" in str(n))]
    # Each cut is said, the title whole beside its name.
    assert "  Russ Bishop (atom) -> name: Russ Bishop (http://www.russbishop.net/feed)" in errs
    # Escaped twice by its exporter: read as meant, never "&amp;".
    text = config.read_text(encoding="utf-8")
    assert "&amp;" not in text and "Double & Escaped" in text


def test_feeds_check_says_a_feed_lists_no_articles_and_where_a_broken_one_broke(
    tmp_path: Path, http_server: LocalServer
) -> None:
    empty = http_server.add(
        "/empty.xml",
        '<rss version="2.0"><channel><title>Quiet</title><link>https://quiet.example/</link>'
        "</channel></rss>",
    )
    broken = http_server.add("/broken.xml", "hello\n<rss><")
    config = newsletter(
        tmp_path,
        f"feeds:\n  - url: {empty}\n    name: Quiet\n  - url: {broken}\n    name: Broken\n",
    )
    code, _, err = run_cli("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run_cli("feeds", "check", "--config", str(config))
    assert code == 4
    # "ok ... 0" and nothing more (walk152 #14).
    assert "the feed lists no articles (0 entries on its last read)" in out
    # "<unknown>:2:0: syntax error" leaked feedparser's name for the document.
    assert "<unknown>" not in out + err
    assert "not a well-formed feed: line 2, column 0: syntax error" in out
