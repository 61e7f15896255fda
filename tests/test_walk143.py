"""walk143: a real-sized week's run, its messages. A feed whose every page answered 404 was advised
`fetch_pages: false`, which would publish its dead links (#2); entries stored already by other
links were listed under the failed feeds, as if failures, with "1 of its new entry was" (#5);
three feeds titled alike were three lines "ok Daring Fireball" (#6); --json's `warnings` lacked
the placeholder introduction stderr warned of (#7), and its `page_failures` had no `error_kind`
(#8); two episodes, "Day Two" and "Day Three", were left out as one story (#9). One draft (and
a second run of it) through the CLI, against feeds and pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from conftest import LocalServer, said_as_one, sans_config
from conftest import run_cli as run

#: Twelve stories' texts, each its own (a story's copies share their text).
TOPICS = (
    "compiler",
    "debugger",
    "database",
    "linker",
    "profiler",
    "scheduler",
    "allocator",
    "parser",
    "renderer",
    "installer",
    "formatter",
    "packager",
)


def text(n: int) -> str:
    topic = TOPICS[n]
    return (
        f"Engineers ship a new {topic} for the software team in release {n}. The {topic} changes how"
        f" code is written and reviewed, number {n}. Developers who use the {topic} say what it"
        " changes."
    )


def _rss(title: str, items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>Wed, 02 Dec 2026 09:00:00 +0000</pubDate><description>{escape(d)}</description>"
        "</item>"
        for t, link, d in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://site.example/</link>{body}</channel></rss>"
    )


@dataclass(frozen=True)
class Week:
    config: Path
    server: LocalServer
    #: The first draft's (--json) document and stderr, then a second draft's stderr.
    data: dict
    err: str
    again: str


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Week]:
    server = LocalServer().start()
    try:
        tmp = tmp_path_factory.mktemp("walk143")
        dead = [
            (f"A story that is gone {k} about software", server.url(f"/gone-{k}"), text(k))
            for k in range(4)
        ]
        server.add("/dead.xml", _rss("Deadlink Gazette", dead))
        apple = [
            (
                f"Apple ships a new Mac, part of the story {k}",
                f"https://df.example/{k}",
                text(4 + k),
            )
            for k in range(3)
        ]
        server.add("/df.rss", _rss("Daring Fireball", apple))
        # The same site's Atom and JSON-like copies: the same links, one of them its own.
        server.add(
            "/df.atom",
            _rss(
                "Daring Fireball",
                [*apple[:1], ("Apple iPhone notes", "https://df.example/own", text(8))],
            ),
        )
        server.add("/df.json.xml", _rss("Daring Fireball", apple))
        episodes = [
            (
                "Giant Bombcast E3 2011 Day Two",
                "https://gb.example/day-two",
                "The podcast crew talks about E3.",
            ),
            (
                "Giant Bombcast E3 2011 Day Three",
                "https://gb.example/day-three",
                "The podcast crew talks about E3.",
            ),
        ]
        server.add("/gb.xml", _rss("Giant Bombcast", episodes))
        feeds = "".join(
            f"  - url: {server.url(path)}\n"
            + ("" if path == "/dead.xml" else "    fetch_pages: false\n")
            for path in (
                "/dead.xml",
                "/df.rss",
                "/df.atom",
                "/df.json.xml",
                "/gb.xml",
                "/no-such-feed.xml",
            )
        )
        config = tmp / "feeds.yaml"
        config.write_text(
            "newsletter:\n  title: Tech Reading Weekly\n  introduction: |\n"
            "    Welcome to issue {number} of {title}.\n  issue_size: 12\n"
            "settings:\n  allow_private_addresses: true\n"
            "subjects:\n"
            "  - name: Apple\n    description: Apple's products.\n    keywords: [Apple, Mac, iPhone]\n"
            "  - name: Software\n    description: Software engineering.\n"
            "    keywords: [software, compiler, programming, code]\n"
            "  - name: Podcasts\n    description: Podcast episodes.\n    keywords: [podcast, E3, Bombcast]\n"
            f"feeds:\n{feeds}",
            encoding="utf-8",
        )
        code, out, err = run("draft", "--config", str(config), "--json")
        assert code == 0, err
        code, _, again = run("draft", "--config", str(config), "--force")
        assert code == 0, again
        yield Week(config, server, json.loads(out), err, again)
    finally:
        server.stop()


def test_a_feed_whose_pages_are_all_gone_is_not_advised_fetch_pages_false(week: Week) -> None:
    """#2: `fetch_pages: false` on a feed whose every page is 404 would publish its dead links."""
    err = sans_config(said_as_one(week.err))
    url = week.server.url("/dead.xml")
    assert (
        "Not one of the pages of Deadlink Gazette (4 asked for) could be read: every one is gone"
        " (404, 410 or a redirect away from the article), so its articles are left out as dead"
        " links: the feed links to pages its site no longer has; check it (open its address, or"
        f" `curator feeds check`), or stop following it with `curator feeds remove {url}` (not"
        " `fetch_pages: false`: its dead links would be published)."
    ) in err
    assert "set `fetch_pages: false` on it" not in err
    hint = sans_config(week.data["hint"])
    assert (
        hint.startswith("pages of Deadlink Gazette: every one is gone")
        and "set `fetch_pages" not in hint
    )
    # Its dead links are featured nowhere in the draft.
    draft = Path(week.data["path"]).read_text(encoding="utf-8")
    assert "A story that is gone" not in draft


def test_page_failures_give_their_error_kind(week: Week) -> None:
    """#8: README lists `error_kind` for a page as for a feed."""
    failures = week.data["page_failures"]
    assert len(failures) == 4
    assert {f["error_kind"] for f in failures} == {"http"}
    assert all(f["error"] == "HTTP 404 Not Found" for f in failures)


def test_entries_stored_already_have_a_heading_of_their_own_after_the_failures(week: Week) -> None:
    """#5: under "1 feed(s) failed and were skipped:" they read as failures; and one entry is
    said in the singular."""
    lines = week.err.splitlines()
    failed = lines.index("1 feed(s) failed and were skipped:")
    heading = lines.index(
        "Entries counted new on their feed's line but stored already (not failures):"
    )
    assert heading > failed
    below = lines[heading + 1 : heading + 3]
    atom, rss = week.server.url("/df.atom"), week.server.url("/df.rss")
    assert (
        f"  Daring Fireball ({atom}): 1 of its new entries was stored already as an article of"
        f" Daring Fireball ({rss}) (the same link), so 1 stored from it"
    ) in below, below
    assert any("3 of its new entries were stored already as articles of" in line for line in below)
    assert "1 of its new entry was" not in week.err


def test_feeds_of_the_same_title_are_told_apart_by_their_address(week: Week) -> None:
    """#6: three lines "ok Daring Fireball" told nothing apart; as `feeds check` does, each
    names its address. The first run learns the titles as it reads the feeds, so the first
    read may not; a later run knows them all."""
    urls = [week.server.url(p) for p in ("/df.rss", "/df.atom", "/df.json.xml")]
    first = [
        line for line in week.err.splitlines() if line.startswith("  ok         Daring Fireball")
    ]
    assert len(first) == 3 and len(set(first)) == 3, first
    assert sum(any(f"Daring Fireball ({u})" in line for u in urls) for line in first) >= 2
    again = [
        line
        for line in week.again.splitlines()
        if "Daring Fireball" in line and "unchanged" in line
    ]
    assert sorted(again) == sorted(f"  unchanged  Daring Fireball ({u})" for u in urls), again
    names = {f["url"]: f["name"] for f in week.data["feeds"]}
    assert all(names[u] == f"Daring Fireball ({u})" for u in urls)


def test_the_placeholder_introduction_is_in_the_json_warnings(week: Week) -> None:
    """#7: stderr warned of it, --json's `warnings` (which README says holds every one) did not."""
    messages = [w["message"] for w in week.data["warnings"]]
    said = [m for m in messages if "is still the placeholder `curator init` wrote" in m]
    assert len(said) == 1 and "`introduction: Welcome to issue {number} of {title}.`" in said[0]
    assert said[0] in said_as_one(week.err)


def test_episodes_of_a_series_are_not_one_story(week: Week) -> None:
    """#9: "Day Two" and "Day Three" share every content word ("two" and "three" are stop words),
    and their feed's summaries are too short to compare: two episodes, not one story."""
    draft = Path(week.data["path"]).read_text(encoding="utf-8")
    assert "## Giant Bombcast E3 2011 Day Two" in draft
    assert "## Giant Bombcast E3 2011 Day Three" in draft
    assert "same story" not in said_as_one(week.err)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Giant Bombcast E3 2011 Day Two", "Giant Bombcast E3 2011 Day Three", False),
        ("Building a compiler in Rust, Part 1", "Building a compiler in Rust, Part 2", False),
        ("The Changelog Episode 41: databases", "The Changelog Episode 42: databases", False),
        ("Live from WWDC keynote news: Monday", "Live from WWDC keynote news: Tuesday", False),
        # The same piece of a series under a title told two ways is still one story.
        ("Building a compiler in Rust, Part 1", "Building a compiler in Rust: Part One", True),
        ("Building a compiler in Rust, Part 1", "Building a compiler in Rust, part 1", True),
    ],
)
def test_titles_numbering_pieces_of_a_series_are_not_one_story(a: str, b: str, same: bool) -> None:
    """#9's rule, as the same-story check reads two articles whose texts are too short."""
    from datetime import UTC, datetime

    from curator.models import Article
    from curator.stories import fingerprint, same_story

    def article(title: str, n: int) -> Article:
        return Article(
            id=n,
            url=f"https://series.example/{n}",
            title=title,
            summary="Short.",
            feed_url="https://series.example/feed",
            first_seen=datetime(2026, 12, 2, tzinfo=UTC),
        )

    assert same_story(fingerprint(article(a, 1)), fingerprint(article(b, 2))) is same
