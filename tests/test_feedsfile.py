"""Editing feeds.yaml: the editor's comments, blank lines, order and quoting survive every edit;
a refused or failed edit leaves the file exactly as it was."""

from __future__ import annotations

import difflib
import os
import re
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from curator.feedsfile import (
    DuplicateFeedError,
    FeedsFileError,
    FeedSpec,
    add_feed,
    add_feeds,
    read_feeds,
    remove_feed,
)
from curator.feedsfile_init import FEEDS_TEMPLATE, init_newsletter
from curator.feedsfile_opml import export_feeds, import_opml
from curator.opml import OpmlError, parse_opml
from curator.urls import url_key

#: An editor's file: comments everywhere, blank lines, odd quoting, a block scalar, flow mappings,
#: and the feeds list indented under its key.
EDITOR_FILE = """\
# Customer Experience Weekly -- config
# (kept in git; please keep the comments)

newsletter: {title: "Customer Experience Weekly", editor: 'Jo Editor', issue_size: 4}

subjects:
  - name: The basics of customer experience
    description: >
      What CX is and how it differs from customer service.
    keywords: [customer experience, "CX", 'journey']   # seed words

feeds:
  # Core publications
  - url: "https://hbr.org/feed"          # Harvard Business Review
    name: 'Harvard Business Review'
    subjects: [The basics of customer experience]

  # Vendors' blogs (noisy; check monthly)
  - url: https://www.talkdesk.com/blog/feed/
    name: Talkdesk
  - url: feeds/local.xml   # a saved copy, relative to this file

# Output and store
settings:
  output: output      # issues go here
  store: .curator/curator.db
"""


def write(tmp_path: Path, text: str, name: str = "feeds.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between two texts."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_add_keeps_every_line_and_writes_in_the_files_style(tmp_path: Path) -> None:
    path = write(tmp_path, EDITOR_FILE)
    add_feed(
        path, "https://www.cxtoday.com/feed/", "CX Today", ["The basics of customer experience"]
    )
    after = path.read_text()
    assert changes(EDITOR_FILE, after) == (
        [],
        [
            "  - url: https://www.cxtoday.com/feed/",
            "    name: CX Today",
            "    subjects: [The basics of customer experience]",
        ],
    )
    # Inserted after the last entry, before the blank line and the comment that opens `settings`.
    assert (
        "feeds/local.xml   # a saved copy, relative to this file\n  - url: https://www.cx" in after
    )
    assert yaml.safe_load(after)["feeds"][-1] == {
        "url": "https://www.cxtoday.com/feed/",
        "name": "CX Today",
        "subjects": ["The basics of customer experience"],
    }


def test_remove_gives_back_the_file_byte_for_byte(tmp_path: Path) -> None:
    path = write(tmp_path, EDITOR_FILE)
    add_feed(path, "https://www.cxtoday.com/feed/", "CX Today")
    assert remove_feed(path, "https://cxtoday.com/feed") is True
    assert path.read_text() == EDITOR_FILE


def test_remove_a_middle_entry_keeps_the_comments_around_it(tmp_path: Path) -> None:
    path = write(tmp_path, EDITOR_FILE)
    assert remove_feed(path, "http://talkdesk.com/blog/feed?utm_source=x") is True
    after = path.read_text()
    removed, added = changes(EDITOR_FILE, after)
    assert removed == ["  - url: https://www.talkdesk.com/blog/feed/", "    name: Talkdesk"]
    assert added == []
    assert "# Vendors' blogs (noisy; check monthly)" in after
    assert [f.url for f in read_feeds(path)] == ["https://hbr.org/feed", "feeds/local.xml"]


def test_remove_the_first_entry_takes_its_end_of_line_comment_with_it(tmp_path: Path) -> None:
    path = write(tmp_path, EDITOR_FILE)
    assert remove_feed(path, "https://hbr.org/feed/") is True
    removed, added = changes(EDITOR_FILE, path.read_text())
    assert removed == [
        '  - url: "https://hbr.org/feed"          # Harvard Business Review',
        "    name: 'Harvard Business Review'",
        "    subjects: [The basics of customer experience]",
    ]
    assert added == []


def test_remove_every_entry_leaves_an_empty_list(tmp_path: Path) -> None:
    path = write(tmp_path, EDITOR_FILE)
    for url in ("feeds/local.xml", "https://hbr.org/feed", "https://www.talkdesk.com/blog/feed/"):
        assert remove_feed(path, url) is True
    after = path.read_text()
    assert yaml.safe_load(after)["feeds"] == []
    assert "feeds: []\n  # Core publications\n" in after
    assert "# Output and store\nsettings:" in after
    add_feed(path, "https://hbr.org/feed")
    assert yaml.safe_load(path.read_text())["feeds"] == [{"url": "https://hbr.org/feed"}]


def test_remove_unknown_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, EDITOR_FILE)
    before = os.stat(path).st_mtime_ns
    assert remove_feed(path, "https://nowhere.example/feed") is False
    assert path.read_text() == EDITOR_FILE
    assert os.stat(path).st_mtime_ns == before


@pytest.mark.parametrize(
    "same",
    [
        "https://hbr.org/feed",
        "http://www.hbr.org/feed/",
        "https://HBR.org/feed?utm_source=newsletter#latest",
    ],
)
def test_duplicate_add_is_refused_and_changes_nothing(tmp_path: Path, same: str) -> None:
    path = write(tmp_path, EDITOR_FILE)
    with pytest.raises(DuplicateFeedError, match=r"feeds\.yaml: .* is already in the feeds list"):
        add_feed(path, same, "HBR again")
    assert path.read_text() == EDITOR_FILE


def test_sequence_style_without_indent_is_followed(tmp_path: Path) -> None:
    text = "feeds:\n- url: https://a.example/feed\n  name: A\n# end of feeds\nsettings: {}\n"
    path = write(tmp_path, text)
    add_feeds(path, [FeedSpec("https://b.example/rss", "B: the blog", ("Yes", "1.0"))])
    after = path.read_text()
    assert changes(text, after)[0] == []
    assert "  name: A\n- url: https://b.example/rss\n  name: 'B: the blog'\n" in after
    # PyYAML (YAML 1.1) must not read the subject "Yes" as a boolean, nor "1.0" as a number.
    assert yaml.safe_load(after)["feeds"][1]["subjects"] == ["Yes", "1.0"]


def test_add_after_an_entry_with_nested_lists_and_text(tmp_path: Path) -> None:
    text = (
        "feeds:\n"
        "  - url: https://a.example/feed\n"
        "    subjects:\n"
        "      - Basics\n"
        "      # a comment inside the entry\n"
        "      - Metrics\n"
        "    note: |\n"
        "      Two lines\n"
        "      of text.\n"
        "  # feeds to try next month\n"
        "\n"
        "settings: {}\n"
    )
    path = write(tmp_path, text)
    add_feed(path, "https://b.example/feed")
    after = path.read_text()
    assert "      of text.\n  - url: https://b.example/feed\n  # feeds to try" in after
    assert yaml.safe_load(after)["feeds"][0]["note"] == "Two lines\nof text.\n"
    assert remove_feed(path, "https://a.example/feed") is True
    assert (
        path.read_text()
        == "feeds:\n  - url: https://b.example/feed\n  # feeds to try next month\n\nsettings: {}\n"
    )


def test_crlf_file_keeps_crlf(tmp_path: Path) -> None:
    text = EDITOR_FILE.replace("\n", "\r\n")
    path = write(tmp_path, text)
    add_feed(path, "https://b.example/rss")
    after = path.read_bytes().decode()
    assert "\n" not in after.replace("\r\n", "")
    assert changes(EDITOR_FILE, after.replace("\r\n", "\n")) == (
        [],
        ["  - url: https://b.example/rss"],
    )
    assert remove_feed(path, "https://b.example/rss") is True
    assert path.read_bytes().decode() == text


def test_flow_style_feeds_are_edited_by_the_round_trip_writer(tmp_path: Path) -> None:
    text = (
        "# my feeds\nnewsletter: {title: X}  # the title\n"
        "feeds: [{url: 'https://a.example/feed'}]\n\n# settings below\nsettings: {output: out}\n"
    )
    path = write(tmp_path, text)
    add_feed(path, "https://b.example/feed", "B")
    after = path.read_text()
    assert yaml.safe_load(after)["feeds"] == [
        {"url": "https://a.example/feed"},
        {"url": "https://b.example/feed", "name": "B"},
    ]
    for kept in ("# my feeds", "newsletter: {title: X}  # the title", "# settings below"):
        assert kept in after


def test_file_without_feeds_key_gets_one(tmp_path: Path) -> None:
    text = "newsletter:\n  title: X   # keep me\nsubjects:\n    - name: S\n"
    path = write(tmp_path, text)
    add_feed(path, "https://a.example/feed")
    after = path.read_text()
    assert after.startswith(text)
    assert after[len(text) :] == "feeds:\n    - url: https://a.example/feed\n"


def test_import_of_a_real_opml_into_a_new_newsletter(tmp_path: Path, corpus: Path) -> None:
    (tmp_path / "none").mkdir()  # no templates to copy
    init_newsletter(tmp_path, templates_from=tmp_path / "none")
    path = tmp_path / "feeds.yaml"
    before = path.read_text()
    opml = corpus / "opml" / "rsparser" / "Subs.opml"
    added, skipped, rejected = import_opml(path, opml.read_bytes(), str(opml))
    # Subs.opml lists Katie Floyd and Natasha the Robot twice each (with and without a slash/www).
    assert len(added) == 205 and rejected == ()
    assert [s.url for s in skipped] == [
        "http://feed.katiefloyd.com/",
        "http://natashatherobot.com/feed/",
    ]
    feeds = read_feeds(path)
    assert len(feeds) == 205
    assert feeds[0] == FeedSpec("http://daringfireball.net/feeds/main", "Daring Fireball")
    assert FeedSpec("http://www.gerrold.com/feed/", "Gerrold", ("Writers",)) in feeds
    chat = next(f for f in feeds if f.url == "http://corinnekrych.blogspot.com/feeds/posts/default")
    # A blog's title that does not name its address is no `name:` (linkpost3: an OPML title
    # is written as `name:` only when it names the feed's site); it stays as a comment, and the
    # build credits the blog's own name from its pages or feed.
    assert chat.name is None
    assert (
        "- url: http://corinnekrych.blogspot.com/feeds/posts/default"
        '  # OPML title: "chat & code" -- not the site\'s name, so no name:'
    ) in path.read_text()
    assert changes(before, path.read_text())[0] == [
        "feeds: []"
    ]  # the only changed line: it now opens a block list
    # Importing again adds nothing and does not touch the file.
    text = path.read_text()
    added, skipped, _ = import_opml(path, opml.read_bytes(), str(opml))
    assert added == () and len(skipped) == 207
    assert path.read_text() == text


def test_every_corpus_opml_imports(tmp_path: Path, corpus: Path) -> None:
    everything: list[FeedSpec] = []
    for opml in sorted((corpus / "opml").rglob("*.opml")):
        path = write(tmp_path, "feeds: []\n", f"{opml.stem}.yaml")
        added, skipped, rejected = import_opml(path, opml.read_bytes(), opml.name)
        assert len(added) + len(skipped) == len(re.findall(rb"xmlUrl=", opml.read_bytes()))
        assert rejected == ()
        assert read_feeds(path) == added
        everything.extend(added)
    # Subs and SubsNoTitleAttributes each list two feeds twice; iOS_Development lists Swift by
    # Sundell with and without www.
    assert len(everything) == 941 - 2 - 2 - 1
    # All of them in one file: feeds listed by several lists are added once.
    path = write(tmp_path, EDITOR_FILE, "all.yaml")
    added, skipped = add_feeds(path, everything)
    urls = [f.url for f in read_feeds(path)]
    assert len(urls) == 3 + len(added) == len({url_key(u) for u in urls})
    assert len(added) + len(skipped) == len(everything)
    assert "https://feeds.megaphone.fm/replyall" in urls
    assert changes(EDITOR_FILE, path.read_text())[0] == []


@pytest.mark.parametrize(
    "bad",
    [
        b"",
        b"<opml><body><outline text='cut' xmlUrl='https://a.example/feed'",
        b"<!DOCTYPE html><html><body>Not OPML</body></html>",
    ],
)
def test_bad_opml_import_changes_nothing(tmp_path: Path, bad: bytes) -> None:
    path = write(tmp_path, EDITOR_FILE)
    with pytest.raises(OpmlError, match=r"^subscriptions\.opml: "):
        import_opml(path, bad, "subscriptions.opml")
    assert path.read_text() == EDITOR_FILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.yaml"]


def test_export_then_import_gives_the_same_feeds(tmp_path: Path) -> None:
    path = write(tmp_path, EDITOR_FILE)
    add_feed(path, "https://b.example/rss", "B", ["Metrics", "The basics of customer experience"])
    data = export_feeds(path, datetime(2026, 11, 25, tzinfo=UTC))
    assert b"<title>Customer Experience Weekly</title>" in data
    fresh = write(tmp_path, "feeds: []\n", "new.yaml")
    import_opml(fresh, data, "export.opml")
    web_feeds = [f for f in read_feeds(path) if f.url.startswith("http")]
    assert read_feeds(fresh) == tuple(
        sorted(web_feeds, key=lambda f: [s.subjects[:1] for s in web_feeds].index(f.subjects[:1]))
    )
    assert [f.url for f in parse_opml(data, "x")] == [
        "https://hbr.org/feed",
        "https://www.talkdesk.com/blog/feed/",
        "https://b.example/rss",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feeds: [\n  - url: x\n", r"feeds\.yaml: line \d+: not valid YAML"),
        ("- just\n- a list\n", "expected a mapping"),
        ("feeds: https://a.example/feed\n", r"line 1: `feeds` must be a list"),
    ],
)
def test_unreadable_files_are_refused_untouched(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(FeedsFileError, match=message):
        add_feed(path, "https://a.example/feed")
    assert path.read_text() == text


@pytest.mark.parametrize("url", ["javascript:alert(1)", "", "https://", "file:///etc/passwd"])
def test_bad_urls_are_refused(tmp_path: Path, url: str) -> None:
    path = write(tmp_path, EDITOR_FILE)
    with pytest.raises(FeedsFileError):
        add_feed(path, url)
    assert path.read_text() == EDITOR_FILE


def test_missing_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(FeedsFileError, match="curator init"):
        add_feed(tmp_path / "feeds.yaml", "https://a.example/feed")


def test_write_is_atomic_and_keeps_permissions(tmp_path: Path) -> None:
    path = write(tmp_path, EDITOR_FILE)
    path.chmod(0o600)
    inode = os.stat(path).st_ino
    add_feed(path, "https://a.example/feed")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert os.stat(path).st_ino != inode  # replaced, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.yaml"]  # no temp file left


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, EDITOR_FILE)

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(FeedsFileError, match="feeds.yaml: cannot be written"):
        add_feed(path, "https://a.example/feed")
    assert path.read_text() == EDITOR_FILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.yaml"]  # temp file removed


def test_init_makes_a_working_newsletter_folder(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    (shipped / "partials").mkdir(parents=True)
    (shipped / "issue.html").write_text("<h1>{{ issue.title }}</h1>")
    (shipped / "issue.txt").write_text("{{ issue.title }}")
    (shipped / "partials" / "entry.html").write_text("<p>{{ entry }}</p>")
    (shipped / "__init__.py").write_text("")
    target = tmp_path / "cx-weekly"
    written = init_newsletter(target, templates_from=shipped)
    assert sorted(p.relative_to(target).as_posix() for p in written) == [
        ".gitignore",
        "feeds.yaml",
        "templates/issue.html",
        "templates/issue.txt",
        "templates/partials/entry.html",
    ]
    assert (target / "templates" / "issue.html").read_text() == "<h1>{{ issue.title }}</h1>"
    config = yaml.safe_load((target / "feeds.yaml").read_text())
    assert set(config) == {"newsletter", "subjects", "feeds", "settings"}
    assert config["subjects"][0]["name"] == "The basics of customer experience"
    assert config["feeds"] == []
    assert config["settings"] == {
        "output": "output",
        "store": ".curator/curator.db",
        "templates": "templates",
    }
    assert (target / "feeds.yaml").read_text().count("\n#") >= 5  # it explains itself
    # The setting that lets pages at private addresses be read is shown, off, ready to change.
    text = (target / "feeds.yaml").read_text()
    assert "\n  # allow_private_addresses: false\n" in text
    uncommented = yaml.safe_load(
        text.replace("# allow_private_addresses", "allow_private_addresses")
    )
    assert uncommented["settings"]["allow_private_addresses"] is False
    assert (target / ".gitignore").read_text().splitlines()[-2:] == [".curator/", "output/"]
    add_feed(target / "feeds.yaml", "https://a.example/feed", "A")
    removed, added = changes(FEEDS_TEMPLATE, (target / "feeds.yaml").read_text())
    assert removed == ["feeds: []"]
    assert added == ["feeds:", "  - url: https://a.example/feed", "    name: A"]


def test_init_refuses_an_existing_newsletter_and_keeps_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.pyc\noutput/")
    (tmp_path / "nowhere").mkdir()  # no templates to copy
    written = init_newsletter(tmp_path, templates_from=tmp_path / "nowhere")
    assert (tmp_path / ".gitignore").read_text() == "*.pyc\noutput/\n.curator/\n"
    assert tmp_path / ".gitignore" in written
    (tmp_path / "feeds.yaml").write_text("# mine\n")
    with pytest.raises(FeedsFileError, match="already exists; not overwritten"):
        init_newsletter(tmp_path)
    assert (tmp_path / "feeds.yaml").read_text() == "# mine\n"


def test_init_with_no_templates_to_copy_says_so_and_writes_nothing(tmp_path: Path) -> None:
    """A broken installation (curator's templates missing) stops `init` with the fix, rather
    than a newsletter folder without its templates."""
    target = tmp_path / "news"
    with pytest.raises(FeedsFileError, match="no templates to copy.*reinstall curator"):
        init_newsletter(target, templates_from=tmp_path / "missing")
    assert not (target / "feeds.yaml").exists()
