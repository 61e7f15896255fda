"""`curator feeds ...` as an editor (and cron) uses it: real files, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import hostile_helpers as h
from click.testing import CliRunner

from conftest import EXAMPLES, LocalServer
from curator.cli import cli
from curator.config_load import load_config
from curator.discover import COMMON_FEED_PATHS
from curator.errors import EXIT_FAILED, EXIT_FEEDS_FAILING, EXIT_INPUT, EXIT_OK


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


# -- feeds check: an exit code cron can alert on (issue 12.12) ------------------------------------


def test_feeds_check_exits_4_while_a_feed_fails_and_0_once_it_is_back(
    tmp_path: Path, http_server: LocalServer
) -> None:
    healthy = h.serve_healthy(http_server)
    flaky = http_server.add("/flaky.xml", h.rss("<item><title>One</title></item>", "Flaky"))
    config = h.write_config(tmp_path, [{"url": healthy, "name": "Northwind"}, {"url": flaky}])
    assert invoke("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = invoke("feeds", "check", "--config", str(config))
    assert (code, err) == (EXIT_OK, "")
    assert "need a look" not in out

    http_server.add("/flaky.xml", b"down for maintenance", status=503, content_type="text/plain")
    assert invoke("fetch", "--config", str(config), "-q")[0] == 0
    code, out, err = invoke("feeds", "check", "--config", str(config))
    assert code == EXIT_FEEDS_FAILING == 4
    assert out.splitlines()[-1] == "1 of 2 feed(s) need a look."
    assert err == "curator: 1 of 2 feed(s) failing or gone: Flaky\n"
    code, out, err = invoke("feeds", "check", "--config", str(config), "--json")
    assert code == 4
    assert [row["status"] for row in json.loads(out)] == ["ok", "failing"]

    http_server.add("/flaky.xml", h.rss("<item><title>Two</title></item>", "Flaky"))
    assert invoke("fetch", "--config", str(config), "-q")[0] == 0
    assert invoke("feeds", "check", "--config", str(config))[0] == 0


def test_feeds_check_help_says_which_code_means_what() -> None:
    code, out, _ = invoke("feeds", "check", "--help")
    assert code == 0
    codes = dict(re.findall(r"^\s+(\d)\s+(.+)$", out.split("Exit codes", 1)[1], re.M))
    assert set(codes) == {"0", "1", "2", "4"}
    assert str(EXIT_FEEDS_FAILING) in codes and "failing" in codes[str(EXIT_FEEDS_FAILING)]
    assert "feeds.yaml" in codes[str(EXIT_INPUT)] and "could not run" in codes[str(EXIT_FAILED)]
    # The root table names it too.
    assert "`feeds check` only" in invoke("--help")[1]


# -- feeds add: the reason, once; local paths; offline (issue 12.13) -------------------------------

SOME_FEED = h.rss(
    "<item><title>Closing the loop</title><link>https://a.example/loop</link></item>", "Loop Weekly"
)


def feeds_yaml(folder: Path, feeds: list[dict[str, str]] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return h.write_config(folder, feeds or [], settings={"timeout": 1})


def test_feeds_add_names_the_address_once_and_why_it_cannot_be_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = feeds_yaml(tmp_path)
    before = config.read_text(encoding="utf-8")
    refused = h.refused_url()
    unknown = "http://feeds.curator-test.invalid/feed.xml"
    silent = http_server.add("/silent.xml", handler=h.never_answers(3))
    text = http_server.add("/notes.txt", b"just some notes", content_type="text/plain")
    expected = {
        refused: f"curator: {refused}: connection refused",
        unknown: f"curator: {unknown}: no such server: feeds.curator-test.invalid",
        # The config's `timeout: 1` is the fetch's deadline (it was a fixed 20 s).
        silent: f"curator: {silent}: no answer within 1 s",
        text: f"curator: {text}: not an RSS, Atom or JSON feed",
    }
    for url, line in expected.items():
        code, out, err = invoke("feeds", "add", "--config", str(config), url)
        assert code == 1, (url, err)
        assert out == ""
        assert err.count("\n") == 1 and err.startswith(line), (url, err)
        assert err.count(url) == 1, err
    assert config.read_text(encoding="utf-8") == before


def test_feeds_add_takes_the_local_paths_feeds_yaml_takes(
    tmp_path: Path, monkeypatch, http_server: LocalServer
) -> None:
    folder = tmp_path / "news"
    config = feeds_yaml(folder)
    saved = folder / "saved" / "loop.xml"
    saved.parent.mkdir()
    saved.write_bytes(SOME_FEED)
    elsewhere = tmp_path / "elsewhere.xml"
    elsewhere.write_bytes(SOME_FEED.replace(b"Loop Weekly", b"Elsewhere"))
    monkeypatch.chdir(folder)

    # A file's title names no site a path could tell (walk29 #1): no `name:`, and said so.
    code, out, err = invoke("feeds", "add", "--config", str(config), "saved/loop.xml")
    assert code == 0 and "its title 'Loop Weekly' was not written as `name:`" in err, err
    assert out.startswith("Added saved/loop.xml: read to check it")
    code, out, err = invoke("feeds", "add", "--config", str(config), elsewhere.as_uri())
    assert code == 0 and "its title 'Elsewhere' was not written" in err, err
    assert out.startswith(f"Added {elsewhere}: read to check it")
    entries = [(f.url, f.name) for f in load_config(config).feeds]
    assert entries == [(str(saved), None), (str(elsewhere), None)]
    assert "- url: saved/loop.xml\n" in config.read_text(encoding="utf-8")  # relative to feeds.yaml

    code, _, err = invoke("feeds", "add", "--config", str(config), str(saved))
    assert code == 1
    assert err == f"curator: {config}: saved/loop.xml is already in the feeds list\n"
    code, _, err = invoke("feeds", "add", "--config", str(config), "saved/gone.xml")
    assert code == 1
    assert err == f"curator: saved/gone.xml: no such file: {folder / 'saved' / 'gone.xml'}\n"

    # The build reads what was added.
    code, data, err = h.build_json(config, command="fetch")
    assert code == 0, err
    assert [(f["name"], f["status"], f["entries"]) for f in data["feeds"]] == [
        ("Loop Weekly", "ok", 1),
        ("Elsewhere", "ok", 1),
    ]


def test_feeds_add_no_check_adds_offline_without_reading(tmp_path: Path, monkeypatch) -> None:
    config = feeds_yaml(tmp_path)
    monkeypatch.chdir(tmp_path)
    unknown = "http://feeds.curator-test.invalid/feed.xml"
    code, out, err = invoke(
        "feeds", "add", "--config", str(config), "--no-check", "-n", "Later", unknown
    )
    assert (code, err) == (0, "")
    assert out == f"Added {unknown} without reading it; `curator fetch` will read it\n"
    assert [(f.url, f.name) for f in load_config(config).feeds] == [(unknown, "Later")]
    code, out, _ = invoke("feeds", "list", "--config", str(config))
    assert (code, out) == (0, f"never fetched Later  {unknown}\n")
    # A local file that is not there yet is fine too; a mistyped address is still refused.
    assert invoke("feeds", "add", "--config", str(config), "--no-check", "todo.xml")[0] == 0
    assert "- url: todo.xml\n" in config.read_text(encoding="utf-8")
    code, _, err = invoke("feeds", "add", "--config", str(config), "--no-check", "ftp://x/feed")
    assert code == 2
    assert (
        err == "curator: `ftp://x/feed` uses `ftp:`; a feed is an http(s) address or a path to a"
        " file; nothing added\n"  # feeds.yaml's own words (walk152 #2)
    )


# -- feeds add reads a feed as the build reads it (issue 16.2) ---------------------------------------


def entity_feed(link: str) -> bytes:
    """5 KB that feedparser alone expands into a 2,000,000-character title."""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "' + "x" * 2000 + '">\n]>\n'
        '<rss version="2.0"><channel><title>Big ' + "&a;" * 1000 + "</title>"
        f"<item><title>Closing the loop</title><link>{link}</link></item></channel></rss>"
    ).encode()


def test_feeds_add_and_the_build_read_an_entity_laden_feed_alike(
    tmp_path: Path, http_server: LocalServer
) -> None:
    body = entity_feed("https://a.example/loop")
    assert len(body) < 6000
    url = http_server.add("/big.xml", body)
    added = feeds_yaml(tmp_path / "added")
    code, out, err = invoke("feeds", "add", "--config", str(added), url)
    assert code == 0, err
    assert [f.name for f in load_config(added).feeds] == [None]  # no site in it (walk29 #1)
    assert out.startswith(f"Added {url}: read to check it")
    (name,) = re.findall(r"its title '(.*?)' was not written", " ".join(err.split()))
    assert len(name) <= 2000 and "xxxx" not in name

    built = feeds_yaml(tmp_path / "built", [{"url": url}])  # no name: the feed's title is used
    code, data, err = h.build_json(built, command="fetch")
    assert code == 0, err
    assert data["feeds"][0]["name"] == name


# -- one reader of feeds.yaml for every feeds command (issue 16.4) ---------------------------------


def test_feeds_remove_export_and_import_report_a_broken_feeds_yaml_as_build_does(
    demo: Path, tmp_path: Path
) -> None:
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline xmlUrl="https://a.example/feed"/></body></opml>',
        encoding="utf-8",
    )
    text = demo.read_text(encoding="utf-8")
    broken = text.replace("  issue_size: 4\n", "  issue_size: 4\n   stray: [unclosed\n", 1)
    assert broken != text
    demo.write_text(broken, encoding="utf-8")
    code, _, expected = invoke("build", "--config", str(demo))
    assert code == 2 and re.match(
        rf"curator: {re.escape(str(demo))}:\d+:\d+: not valid YAML", expected
    )
    for command in (
        ("feeds", "remove", "https://a.example/feed"),
        ("feeds", "export"),
        ("feeds", "import", "--no-check", str(opml)),
        ("feeds", "add", "--no-check", "https://a.example/feed"),
    ):
        code, out, err = invoke(*command, "--config", str(demo))
        assert (code, out, err) == (2, "", expected), command
    assert demo.read_text(encoding="utf-8") == broken


# -- feeds import: folders that are not subjects (issue 12.14) --------------------------------------

SUBSCRIPTIONS = """<?xml version="1.0"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="voice of the customer">
    <outline text="Listen" type="rss" xmlUrl="https://listen.example/feed"/>
  </outline>
  <outline text="Tech">
    <outline text="Gadgets" type="rss" xmlUrl="https://gadgets.example/feed"/>
    <outline text="Chips" type="rss" xmlUrl="https://chips.example/rss"/>
  </outline>
  <outline text="Retail  news">
    <outline text="Shops" type="rss" xmlUrl="https://shops.example/feed"/>
  </outline>
  <outline text="Loose" type="rss" xmlUrl="https://loose.example/feed"/>
</body></opml>
"""


def removed_lines(before: str, after: str) -> list[str]:
    return [
        line[2:]
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line.startswith("- ")
    ]


def test_feeds_import_reports_the_folders_that_are_not_subjects(demo: Path, tmp_path: Path) -> None:
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(SUBSCRIPTIONS, encoding="utf-8")
    code, out, err = invoke("feeds", "import", "--no-check", "--config", str(demo), str(opml))
    assert code == 0, err
    assert out == f"Imported 5 feed(s) into {demo}.\n"
    assert err == (
        f"2 folder(s) of {opml} are not subjects, so their feeds were added without them as hints:\n"
        "  Tech (2 feeds)\n"
        "  Retail news (1 feed)\n"
        f"To use them, add them under `subjects:` in {demo}; `feeds import --add-subjects` writes a"
        " subject for each folder, and names the `subjects:` line each of its feeds already listed"
        " needs (an import leaves a listed feed as it is).\n"
    )
    hints = {f.url: f.subjects for f in load_config(demo).feeds if f.url.startswith("https")}
    assert hints == {
        "https://listen.example/feed": ("Voice of the customer",),
        "https://gadgets.example/feed": (),
        "https://chips.example/rss": (),
        "https://shops.example/feed": (),
        "https://loose.example/feed": (),
    }


def test_feeds_import_add_subjects_writes_a_stub_per_folder_and_keeps_the_file(
    demo: Path, tmp_path: Path
) -> None:
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(SUBSCRIPTIONS, encoding="utf-8")
    before = demo.read_text(encoding="utf-8")
    code, out, err = invoke(
        "feeds", "import", "--no-check", "--config", str(demo), "--add-subjects", str(opml)
    )
    assert (code, err) == (0, "")
    assert out == (
        f"Imported 5 feed(s) into {demo}.\n"
        "Added 2 subject(s) from the folders: `Tech`, `Retail news`; give each a description and"
        f" keywords in {demo}\n"
    )
    after = demo.read_text(encoding="utf-8")
    assert removed_lines(before, after) == []  # every comment and line of the editor's is kept
    # The stubs come right after the last subject, in the file's own indentation.
    # (the demo's next section, after a blank line, is a `# --- ...` comment)
    last_subject = before[: before.index("\n\n# --- ", before.index("\nsubjects:")) + 1]
    assert last_subject.endswith("listening, reviews]\n")
    assert after.startswith(
        last_subject
        + "  # Added from the folder `Tech` of subscriptions.opml: describe it in one sentence"
        " (`description:`) and give it the keywords its articles use\n"
        "  - name: Tech\n"
        "    keywords: [Tech]\n"
        "  # Added from the folder `Retail news` of subscriptions.opml: describe it in one sentence"
        " (`description:`) and give it the keywords its articles use\n"
        "  - name: Retail news\n"
        "    keywords: [Retail news]\n"
        "\n# --- "
    )
    config = load_config(demo)
    subjects = {s.name: s.keywords for s in config.subjects}
    assert subjects["Tech"] == ("Tech",) and subjects["Retail news"] == ("Retail news",)
    hints = {f.url: f.subjects for f in config.feeds if f.url.startswith("https")}
    assert hints["https://gadgets.example/feed"] == ("Tech",)
    assert hints["https://shops.example/feed"] == ("Retail news",)
    assert hints["https://listen.example/feed"] == ("Voice of the customer",)


def test_feeds_import_add_subjects_after_a_plain_import_names_the_hints_left_to_write(
    demo: Path, tmp_path: Path
) -> None:
    # walk14: `--add-subjects` after a plain import of the same file said it added the subjects,
    # its feeds hinting at them, but every feed was already listed and none got the hint.
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(SUBSCRIPTIONS, encoding="utf-8")
    assert invoke("feeds", "import", "--no-check", "--config", str(demo), str(opml))[0] == 0
    code, out, err = invoke(
        "feeds", "import", "--no-check", "--config", str(demo), "--add-subjects", str(opml)
    )
    assert code == 0, err
    assert out == (
        f"All 5 feed(s) of {opml} were listed already in {demo}; no feed added.\n"
        "Added 2 subject(s) from the folders: `Tech`, `Retail news`; give each a description and"
        f" keywords in {demo}\n"
    )
    assert err.endswith(
        "3 of the feeds already listed are in an OPML folder that is a subject they do not hint"
        f" at, and were not changed: to have them hint at it, write this under each in {demo}:\n"
        "  https://gadgets.example/feed\n      subjects: [Tech]\n"
        "  https://chips.example/rss\n      subjects: [Tech]\n"
        "  https://shops.example/feed\n      subjects: [Retail news]\n"
    )
    assert "Skipped 5 already listed (left as they are):\n" in err
    # What it says is what happened: the listed feeds are as they were.
    hints = {f.url: f.subjects for f in load_config(demo).feeds if f.url.startswith("https")}
    assert hints["https://gadgets.example/feed"] == ()
    assert hints["https://listen.example/feed"] == ("Voice of the customer",)


def test_feeds_add_says_why_each_guessed_address_is_not_a_feed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    # A page that links to no feed: curator tries the common feed addresses of the site, and the
    # editor is told, address by address, what each answered (it said "could not be fetched").
    config = feeds_yaml(tmp_path)
    before = config.read_text(encoding="utf-8")
    page = http_server.add(
        "/page.html",
        "<!doctype html><title>About us</title><p>No feed here.</p>",
        content_type="text/html",
    )
    http_server.add("/feed.json", b"just some notes", content_type="text/plain")

    code, out, err = invoke("feeds", "add", "--config", str(config), page)

    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == (
        f"curator: {page}: no feed found; give the feed's own address if the site has one. Tried:"
    )
    assert lines[1:] == [
        f"  {http_server.url('/' + path)}: "
        + ("not an RSS, Atom or JSON feed" if path == "feed.json" else "HTTP 404 Not Found")
        for path in COMMON_FEED_PATHS
    ]
    assert "could not be fetched" not in err
    assert config.read_text(encoding="utf-8") == before


def test_feeds_export_names_the_local_feeds_it_leaves_out(demo: Path, tmp_path: Path) -> None:
    """walk23: `feeds list` showed 6 feeds, the exported OPML held 5, and nothing said why."""
    url = "https://blog.example.com/feed.xml"
    assert invoke("feeds", "add", "--config", str(demo), "--no-check", url)[0] == 0
    out = tmp_path / "exported.opml"
    code, _, err = invoke("feeds", "export", "--config", str(demo), "-o", str(out))
    assert code == 0, err
    assert url.encode() in out.read_bytes() and b"northwind" not in out.read_bytes()
    assert (
        "curator: 3 local feed(s) left out (OPML holds web addresses, which a feed reader"
        " elsewhere can read): feeds/northwind.xml, feeds/supportdesk-review.xml,"
        " feeds/brightline.json\n"
    ) in err


def test_feeds_import_tells_feeds_repeated_in_the_opml_from_feeds_already_listed(
    tmp_path: Path,
) -> None:
    """walk23: into an empty feeds.yaml, an OPML listing two feeds twice said "Skipped 2 already
    listed"; nothing was listed: the OPML repeats them."""
    config = h.write_config(tmp_path, [{"url": "https://kept.example/feed"}])
    outlines = "".join(
        f'<outline type="rss" text="{name}" xmlUrl="https://{name}.example/feed"/>'
        for name in ("one", "two", "one", "two", "kept")
    )
    opml = tmp_path / "subs.opml"
    opml.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>',
        encoding="utf-8",
    )
    code, out, err = invoke("feeds", "import", "--no-check", "--config", str(config), str(opml))
    assert code == 0, err
    assert out == f"Imported 2 feed(s) into {config}.\n"
    assert "Skipped 1 already listed (left as they are):\n  https://kept.example/feed\n" in err
    assert (
        "2 feed(s) listed more than once in the OPML, each added once, as first listed, with"
        " the subjects of all its folders (an address with or without www., a last / or https"
        " is the same feed):\n"
        "  https://one.example/feed (2 times)\n  https://two.example/feed (2 times)\n"
    ) in err
    assert "Skipped 2" not in err and "Skipped 3" not in err


def test_a_build_straight_after_init_names_the_placeholders_it_publishes(
    tmp_path: Path, monkeypatch
) -> None:
    """walk23: a build after `curator init` published "My Newsletter ... edited by Your Name"
    without a word, and init's introduction drew "introduction is word for word issue 1's" on
    every issue after."""
    folder = tmp_path / "news"
    assert invoke("init", str(folder))[0] == 0
    config = folder / "feeds.yaml"
    (folder / "feeds").mkdir()
    for name in ("northwind.xml", "supportdesk-review.xml"):
        (folder / "feeds" / name).write_bytes((EXAMPLES / "feeds" / name).read_bytes())
    # Nothing reaches the internet: the feeds are local files, and their pages are not read.
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  # fetch_pages: true", "  fetch_pages: false"), "utf-8")
    monkeypatch.chdir(folder)  # `feeds add` takes a path as the shell gives it
    assert invoke("feeds", "add", "--config", str(config), "feeds/northwind.xml")[0] == 0
    code, out, err = invoke("build", "--config", str(config), "-q")
    assert code == 0, err
    assert out.startswith("Issue 1: ")
    assert (
        f"curator: warning: {config}:5:10: `title: My Newsletter` is still the placeholder" in err
    )
    assert f"curator: warning: {config}:6:11: `editor: Your Name` is still the placeholder" in err
    assert "`introduction: Welcome to issue {number} of {title}.` is still the placeholder" in err
    page = (folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Welcome to issue 1 of My Newsletter." in page
    assert invoke("feeds", "add", "--config", str(config), "feeds/supportdesk-review.xml")[0] == 0
    code, out, err = invoke("build", "--config", str(config), "-q")
    assert code == 0 and out.startswith("Issue 2: "), err
    assert "word for word" not in err
    # Once the editor writes their own, nothing is said.
    text = config.read_text(encoding="utf-8").replace("My Newsletter", "CX Notes")
    config.write_text(text.replace("Your Name", "Ada").replace("Welcome to", "Hello,"), "utf-8")
    code, _, err = invoke("draft", "--config", str(config), "-q", "--no-fetch", "--all-subjects")
    assert "placeholder" not in err


def test_build_draft_names_the_placeholders_the_draft_kept_from_init(
    tmp_path: Path, monkeypatch
) -> None:
    """walk24 #2: `curator draft` warned of init's placeholders in feeds.yaml; the editor fixed
    feeds.yaml, but the draft kept them and `build --draft` published "My Newsletter ... edited by
    Your Name" without a word."""
    folder = tmp_path / "news"
    assert invoke("init", str(folder))[0] == 0
    config = folder / "feeds.yaml"
    (folder / "feeds").mkdir()
    name = "northwind.xml"
    (folder / "feeds" / name).write_bytes((EXAMPLES / "feeds" / name).read_bytes())
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  # fetch_pages: true", "  fetch_pages: false"), "utf-8")
    monkeypatch.chdir(folder)
    assert invoke("feeds", "add", "--config", str(config), f"feeds/{name}")[0] == 0
    code, _, err = invoke("draft", "--config", str(config), "-q", "--all-subjects")
    assert code == 0, err
    assert "`title: My Newsletter` is still the placeholder" in err
    assert "the draft copies it into its front matter (and introduction), so fix it there too" in (
        " ".join(err.split())
    )
    text = config.read_text(encoding="utf-8").replace("My Newsletter", "CX Notes")
    config.write_text(text.replace("Your Name", "Ada"), "utf-8")
    draft = folder / "drafts" / "issue-1.md"
    lines = draft.read_text(encoding="utf-8").splitlines()
    title_line = lines.index("title: My Newsletter") + 1
    editor_line = lines.index("editor: Your Name") + 1
    code, out, err = invoke("build", "--config", str(config), "-q", "--draft", str(draft))
    assert code == 0 and out.startswith("Issue 1: "), err
    assert (
        f"{draft}:{title_line}: `title: My Newsletter` is still the placeholder `curator init`"
        " wrote" in err
    )
    assert f"{draft}:{editor_line}: `editor: Your Name` is still the placeholder" in err
    assert "write your newsletter's own in the draft" in err
