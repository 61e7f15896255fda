"""OPML: every real subscription list in the corpus reads completely; exports re-import unchanged;
files that are not OPML fail with one line naming the file."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from curator.opml import OpmlError, OpmlFeed, export_opml, parse_opml, read_opml

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)

#: Counted independently of the parser: a non-empty xmlUrl attribute, in any letter case.
XML_URL = re.compile(rb"""\sxmlUrl\s*=\s*["'][^"']""", re.IGNORECASE)


def opml_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "opml").rglob("*.opml"))


def test_every_corpus_opml_file_reads_every_feed(corpus: Path) -> None:
    files = opml_files(corpus)
    assert len(files) == 36  # 34 awesome-rss-feeds lists and 2 NetNewsWire exports
    counts = {}
    expected = {}
    for file in files:
        data = file.read_bytes()
        feeds = parse_opml(data, str(file))
        counts[file.name] = len(feeds)
        expected[file.name] = len(XML_URL.findall(data))
        assert all(feed.url.startswith(("http://", "https://")) for feed in feeds), file.name
        assert all(feed.title.strip() for feed in feeds), file.name
    assert counts == expected
    assert sum(counts.values()) == 941


def test_netnewswire_export_titles_urls_and_folders(corpus: Path) -> None:
    path = corpus / "opml" / "rsparser" / "Subs.opml"
    data = path.read_bytes()
    feeds = parse_opml(data, str(path))
    assert feeds[0] == OpmlFeed(
        url="http://daringfireball.net/feeds/main",
        title="Daring Fireball",
        html_url="http://daringfireball.net/",
    )
    chat = next(feed for feed in feeds if feed.url.startswith("http://corinnekrych"))
    assert chat.title == "chat & code"  # the &amp; entity decoded
    assert feeds[-1].url == "http://www.gerrold.com/feed/"
    assert feeds[-1].folders == ("Writers",)
    # The "Programming" folder's members, counted in the raw text between its tags.
    start = data.index(b'<outline text="Programming"')
    block = data[start : data.index(b"</outline>", start)]
    programming = [feed for feed in feeds if feed.folders == ("Programming",)]
    assert len(programming) == len(XML_URL.findall(block)) == 33
    assert [f.folders for f in feeds].count(()) == len(XML_URL.findall(data[:start]))
    assert {f.folders for f in feeds} == {
        (),
        ("Programming",),
        ("Macintosh",),
        ("Weblogs",),
        ("Writers",),
    }
    assert read_opml(data, str(path)).title == "Subs"


def test_missing_title_attributes_fall_back_to_text(corpus: Path) -> None:
    folder = corpus / "opml" / "rsparser"
    with_titles = parse_opml((folder / "Subs.opml").read_bytes(), "Subs.opml")
    without = parse_opml((folder / "SubsNoTitleAttributes.opml").read_bytes(), "NoTitles.opml")
    assert (
        b" title=" not in (folder / "SubsNoTitleAttributes.opml").read_bytes().split(b"<body>")[1]
    )
    assert [(f.url, f.title, f.folders) for f in without] == [
        (f.url, f.title, f.folders) for f in with_titles
    ]
    julia = next(feed for feed in without if feed.url == "http://jvns.ca/atom.xml")
    assert julia.title == "Julia Evans"
    assert julia.html_url is None  # no htmlUrl attribute at all


def test_sloppy_real_exports_are_repaired_not_dropped(corpus: Path) -> None:
    """The awesome-rss-feeds lists have raw quotes, markup and &nbsp; inside attributes."""
    folder = corpus / "opml" / "awesome-rss-feeds"
    tech = parse_opml((folder / "Tech.opml").read_bytes(), "Tech.opml")
    reply_all = next(feed for feed in tech if feed.title == "Reply All")
    assert reply_all.url == "https://feeds.megaphone.fm/replyall"
    assert reply_all.folders == ("Tech",)
    android = parse_opml((folder / "Android_Development.opml").read_bytes(), "x")
    assert "https://saket.me/feed/" in [feed.url for feed in android]
    beauty = parse_opml((folder / "Beauty.opml").read_bytes(), "x")
    assert ("From Head To Toe", "http://feeds.feedburner.com/frmheadtotoe") in [
        (feed.title, feed.url) for feed in beauty
    ]
    android_news = parse_opml((folder / "Android.opml").read_bytes(), "x")
    assert ("Phandroid", "http://feeds2.feedburner.com/AndroidPhoneFans") in [
        (feed.title, feed.url) for feed in android_news
    ]


NESTED = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title> My
  feeds </title></head><body>
  <outline text="Work"><outline title="Customer experience" text="CX">
      <outline text="CX Blog" xmlUrl="https://cx.example/feed" htmlUrl="https://cx.example/"/>
      <outline xmlurl="https://upper.example/rss" TEXT="lower-case attribute names"/>
    </outline>
    <outline xmlUrl="https://untitled.example/atom.xml"/>
  </outline>
  <outline><outline text="In an untitled folder" xmlUrl="https://plain.example/feed"/></outline>
  <outline text="Evil" xmlUrl="javascript:alert(1)"/>
  <outline text="Tags" xmlUrl="https://tags.example/feed" category="/Sales/Leads, Support,"/>
  <outline text="Link only" type="link" url="https://example.com/"/>
</body></opml>"""


def test_nested_folders_fallbacks_and_rejections() -> None:
    document = read_opml(NESTED, "nested.opml")
    assert document.title == "My feeds"
    assert [(f.url, f.title, f.folders) for f in document.feeds] == [
        ("https://cx.example/feed", "CX Blog", ("Work", "Customer experience")),
        (
            "https://upper.example/rss",
            "lower-case attribute names",
            ("Work", "Customer experience"),
        ),
        ("https://untitled.example/atom.xml", "https://untitled.example/atom.xml", ("Work",)),
        ("https://plain.example/feed", "In an untitled folder", ()),
        ("https://tags.example/feed", "Tags", ()),
    ]
    assert document.feeds[0].html_url == "https://cx.example/"
    assert document.feeds[-1].categories == ("Sales/Leads", "Support")
    assert document.rejected == (("javascript:alert(1)", "Evil"),)


def test_export_then_import_gives_the_same_list(corpus: Path) -> None:
    path = corpus / "opml" / "rsparser" / "Subs.opml"
    feeds = parse_opml(path.read_bytes(), str(path))
    exported = export_opml(feeds, "Customer Experience Weekly", NOW)
    assert parse_opml(exported, "exported.opml") == feeds
    assert read_opml(exported, "exported.opml").title == "Customer Experience Weekly"


def test_export_is_opml_2_grouped_by_first_subject() -> None:
    feeds = (
        OpmlFeed("https://a.example/feed", "A & Co", "https://a.example/", ("Basics",)),
        OpmlFeed("https://b.example/rss", "B", None, ("Metrics", "Basics")),
        OpmlFeed("https://c.example/atom", "C\x00\x0b title", None, ()),
        OpmlFeed("https://d.example/feed", "D", None, ("Basics",)),
    )
    data = export_opml(feeds, "CX Weekly", NOW)
    root = etree.fromstring(data)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "CX Weekly"
    assert root.findtext("head/dateCreated") == "Wed, 25 Nov 2026 09:30:00 GMT"
    body = root.find("body")
    assert [o.get("text") for o in body] == ["Basics", "Metrics", "C title"]
    basics = body[0]
    assert [(o.get("type"), o.get("title"), o.get("xmlUrl")) for o in basics] == [
        ("rss", "A & Co", "https://a.example/feed"),
        ("rss", "D", "https://d.example/feed"),
    ]
    assert basics[0].get("htmlUrl") == "https://a.example/"
    assert body[1][0].get("category") == "Metrics,Basics"
    again = parse_opml(data, "again.opml")
    assert {f.url: f.subject_hints for f in again} == {
        "https://a.example/feed": ("Basics",),
        "https://d.example/feed": ("Basics",),
        "https://b.example/rss": ("Metrics", "Basics"),
        "https://c.example/atom": (),
    }


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.opml", lambda corpus: b"", "the file is empty"),
        ("blank.opml", lambda corpus: b"  \n\t\n", "the file is empty"),
        (
            "truncated.opml",
            lambda corpus: (corpus / "opml/rsparser/Subs.opml").read_bytes()[:3000],
            "line 22, column 99: not valid XML",
        ),
        (
            "page.opml",
            lambda corpus: (corpus / "articles/rsparser-html/DaringFireball.html").read_bytes(),
            "a web page (HTML), not an OPML subscription list",
        ),
        ("nobody.opml", lambda corpus: b"<opml version='2.0'><head/></opml>", "no <body>"),
        (
            "rss.opml",
            lambda corpus: b"<rss><channel/></rss>",
            "not an OPML file (the document is <rss>",
        ),
        (
            "laughs.opml",
            lambda corpus: (
                b'<!DOCTYPE o [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                b'<opml><body><outline text="&b;" xmlUrl="http://x.example/"/></body></opml>'
            ),
            "declares XML entities",
        ),
        ("binary.opml", lambda corpus: bytes(range(256)) * 4, "line 1, column 1: not valid XML"),
        (
            "unclosed.opml",
            lambda corpus: b"<opml><body>" + b'<outline a="' * 50_000,
            "line 1, column 25: not valid XML",
        ),
        (
            "xhtml.opml",
            lambda corpus: b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>',
            "not an OPML file (the document is <html>, expected <opml>)",
        ),
    ],
)
def test_bad_files_raise_one_line_naming_the_file(
    corpus: Path, name: str, make, message: str
) -> None:
    with pytest.raises(OpmlError) as caught:
        parse_opml(make(corpus), f"/home/editor/{name}")
    text = str(caught.value)
    assert text.startswith(f"/home/editor/{name}: ")
    assert message in text
    assert "\n" not in text
