"""Who an entry credits (issue 13): the credits of real feeds, as a newsletter's Author line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator.articles import feed_credits
from curator.credits import clean_authors
from curator.feeds import parse_feed
from curator.urls import clean_url

FEED_URL = "https://feeds.example.org/feed.xml"


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        # Real surnames that are also furniture or time words (Juli Min at the NYT).
        ("Juli Min", ("Juli Min",)),
        ("Mark Page", ("Mark Page",)),
        ("Will Long", ("Will Long",)),
        ("Doris Day", ("Doris Day",)),
        ("Theresa May", ("Theresa May",)),
        ("Herbert Read", ("Herbert Read",)),
        ("Thomas More", ("Thomas More",)),
        # ... while the furniture itself is still no one.
        ("5 min read", ()),
        ("Read more", ()),
        ("Share", ()),
        ("Posted 3 hours ago", ()),
        # Roles after the name, whole (the Guardian's feed).
        ("Rowena Mason Deputy political editor", ("Rowena Mason",)),
        ("Alex Hern Technology editor", ("Alex Hern",)),
        ("Jason Burke Africa correspondent", ("Jason Burke",)),
        ("Jane Doe Staff Writer", ("Jane Doe",)),
        ("Guardian community team", ("Guardian community team",)),  # a team, credited whole
        # Places: the credit is the person.
        ("David Smith in Washington and Jon Henley in Paris", ("David Smith", "Jon Henley")),
        ("Ashifa Kassam in Stanstead, Quebec", ("Ashifa Kassam",)),
        # Live-blog shifts in brackets.
        (
            "Maanvi Singh (now); Gloria Oladipo, Joanna Walters and Samantha Lock (earlier)",
            ("Maanvi Singh", "Gloria Oladipo", "Joanna Walters", "Samantha Lock"),
        ),
        ("Richard (R.J.) Eskow", ("Richard (R.J.) Eskow",)),  # brackets inside a name stay
        # Podcasts: the presenters, never the producers.
        (
            "Presented by Nosheen Iqbal with Sirin Kale; produced by Hannah Moore and Courtney "
            "Yusuf; executive producers Mythili Rao and Phil Maynard",
            ("Nosheen Iqbal", "Sirin Kale"),
        ),
        ("Hosted by Anna Smith, produced by John Roe", ("Anna Smith",)),
        ("Ferenc Németh and and István Csarnovics", ("Ferenc Németh", "István Csarnovics")),
        # Surname-first with initials (Science's RSS 1.0 feed).
        ("Ash, C., Mueller, K. L.", ("Ash, C.", "Mueller, K. L.")),
        ("Smith, K. T.", ("Smith, K. T.",)),
        # Handles a feed declares.
        ("/u/llogiq", ("/u/llogiq",)),
        ("L2inc", ("L2inc",)),
        ("kumabook", ("kumabook",)),
        ("Taverncast: www.taverncast.com", ("Taverncast",)),
        ("Dr. Ananth Prabhu G", ("Dr. Ananth Prabhu G",)),
        # "By" in other languages, where the same word begins surnames (bioRxiv's "Di Sora, J."
        # lost its "Di").
        ("Par Sébastien Farcis", ("Sébastien Farcis",)),
        ("Von: Hans Müller", ("Hans Müller",)),
        ("Hickman, R., Di Sora, J.", ("Hickman, R.", "Di Sora, J.")),
        ("Von Miller", ("Von Miller",)),
    ],
)
def test_credits(raw: str, people: tuple[str, ...]) -> None:
    assert clean_authors(raw, feed=True) == people


def test_a_pages_own_name_is_not_its_author_unless_it_looks_like_a_person() -> None:
    assert clean_authors("Rowan Manning", site="Rowan Manning") == ("Rowan Manning",)
    assert clean_authors("Talkdesk", site="Talkdesk", host="talkdesk.com") == ()
    assert clean_authors("Jerusalem Post Staff") == ()
    assert clean_authors("kei_eno") == ()  # a page's meta handle is not a credit


def _rss(items: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Rowan Manning</title><link>https://rowanmanning.com/</link>{items}"
        "</channel></rss>"
    ).encode()


def test_a_feed_crediting_itself_keeps_the_credit() -> None:
    parsed = parse_feed(
        _rss(
            "<item><title>A</title><link>https://rowanmanning.com/posts/a/</link>"
            "<dc:creator>Rowan Manning</dc:creator></item>"
        ),
        "https://rowanmanning.com/feed.xml",
    )
    assert [feed_credits(e) for e in parsed.entries] == [("Rowan Manning",)]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title><id>urn:x</id><updated>2024-05-01T00:00:00Z</updated>
  <author><name>Feed Author</name></author>
  {entries}
</feed>"""


@pytest.mark.parametrize("doctype", ["", "<!DOCTYPE feed>"])  # lxml's fast path, then feedparser
def test_atom_entry_without_author_inherits_the_feeds(doctype: str) -> None:
    body = ATOM.format(
        entries='<entry><title>One</title><id>urn:1</id><link href="https://x.example/1"/>'
        "<updated>2024-05-01T00:00:00Z</updated></entry>"
        '<entry><title>Two</title><id>urn:2</id><link href="https://x.example/2"/>'
        "<updated>2024-05-01T00:00:00Z</updated><author><name>Own Author</name></author></entry>"
    )
    body = body.replace("<feed", doctype + "<feed", 1)
    entries = parse_feed(body.encode(), FEED_URL).entries
    assert [e.authors for e in entries] == [("Feed Author",), ("Own Author",)]


def test_rss_items_do_not_inherit_the_channels_editor() -> None:
    parsed = parse_feed(
        _rss(
            "<managingEditor>ed@example.com (The Editor)</managingEditor>"
            "<item><title>A</title><link>https://x.example/a</link></item>"
        ),
        FEED_URL,
    )
    assert parsed.entries[0].authors == ()


def test_guardian_feed_credits(corpus: Path) -> None:
    """rss-parser's guardian.rss: every credit as the people, checked against hand-read names."""
    folder = corpus / "feeds" / "real" / "rss-parser"
    parsed = parse_feed((folder / "input" / "guardian.rss").read_bytes(), FEED_URL)
    items = json.loads((folder / "output" / "guardian.json").read_text("utf-8"))["feed"]["items"]
    got = {item["creator"]: feed_credits(e) for item, e in zip(items, parsed.entries, strict=True)}
    assert got["David Smith in Washington"] == ("David Smith",)
    assert got["Sam Jones in Madrid and Stephen Burgen in Barcelona"] == (
        "Sam Jones",
        "Stephen Burgen",
    )
    assert got["Nick Ames (now), Ed Aarons and Ben Fisher (earlier)"] == (
        "Nick Ames",
        "Ed Aarons",
        "Ben Fisher",
    )
    assert got["Damian Carrington Environment editor"] == ("Damian Carrington",)
    assert got["Associated Press in Palm Beach, Florida"] == ("Associated Press",)
    assert got["Will Bordell and Jon Robins"] == ("Will Bordell", "Jon Robins")
    assert got["Staff and agencies"] == ()
    assert got[""] == ()


def test_feed_rs_atom_spec_entry_inherits(corpus: Path) -> None:
    path = corpus / "feeds" / "real" / "feed-rs" / "atom" / "atom_spec_1.xml"
    (entry,) = parse_feed(path.read_bytes(), FEED_URL).entries
    assert feed_credits(entry) == ("John Doe",)


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("https://x.example/a?r123", "https://x.example/a?r123"),
        ("https://x.example/a?b=%7e&a=1", "https://x.example/a?b=%7e&a=1"),
        ("https://x.example/a?r123&utm_source=feed", "https://x.example/a?r123"),
        ("https://X.example:443/a?utm_medium=x#top", "https://x.example/a"),
    ],
)
def test_query_strings_kept_byte_for_byte(url: str, published: str) -> None:
    assert clean_url(url) == published


@pytest.mark.parametrize("doctype", ["", "<!DOCTYPE rss>"])
def test_guid_is_a_link_only_when_it_is_a_url(doctype: str) -> None:
    body = (
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>t</title>'
        "<item><title>A</title><guid>aae20190606</guid></item>"
        "<item><title>B</title><guid>/posts/1</guid></item>"
        "<item><title>C</title><guid>https://x.example/c?r1</guid></item>"
        "</channel></rss>"
    ).encode()
    links = [e.link for e in parse_feed(body, "https://ex.example/feeds/rss.xml").entries]
    assert links == [None, "https://ex.example/posts/1", "https://x.example/c?r1"]
