"""The SQLite store: schema versioning, articles unique by URL identity, issues and what they featured."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from curator.models import Article
from curator.store import VERSION, Store
from curator.storeerrors import StoreError
from curator.urls import url_key

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def article(url: str, title: str = "A title", **kw: object) -> tuple[str, Article]:
    return url_key(url), Article(id=0, url=url, title=title, first_seen=NOW, **kw)  # type: ignore[arg-type]


def test_a_new_store_gets_the_current_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "state" / "curator.db"
    with Store.open(path) as store:
        assert store.version == VERSION
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"feeds", "articles", "issues", "issue_articles"} <= tables


def test_articles_are_unique_by_url_identity_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "curator.db"
    with Store.open(path) as store:
        added = store.add_articles(
            [
                article("https://example.com/a?utm_source=x", authors=("Jane Doe",)),
                article("http://www.example.com/a/"),  # the same page
                article("https://example.com/b", publication="Example"),
            ],
            feed_url="https://example.com/feed",
        )
        assert added == 2
    with Store.open(path) as store:
        rows = store.articles()
    assert [(a.url, a.authors, a.feed_url) for a in rows] == [
        ("https://example.com/a?utm_source=x", ("Jane Doe",), "https://example.com/feed"),
        ("https://example.com/b", (), "https://example.com/feed"),
    ]


def test_a_published_issue_takes_its_articles_out_of_the_next_selection(tmp_path: Path) -> None:
    with Store.open(tmp_path / "curator.db") as store:
        store.add_articles([article("https://e.com/1"), article("https://e.com/2")], feed_url=None)
        first, second = store.articles()
        assert store.next_issue_number() == 1
        store.save_assignments(
            [(first.id, "Basics", 0.9, ()), (second.id, "Basics", 0.5, ())], "fp"
        )
        assert [a.url for a, _, _ in store.candidates("Basics", 10)] == [
            "https://e.com/1",
            "https://e.com/2",
        ]
        store.record_issue(1, "Weekly", NOW, [("Basics", first.id)])
        assert store.next_issue_number() == 2
        # Featured once, never a candidate again.
        assert [a.url for a, _, _ in store.candidates("Basics", 10)] == ["https://e.com/2"]
        rows = store.db.execute(
            "SELECT i.number, ia.subject, a.url FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id JOIN articles a ON a.id = ia.article_id"
        ).fetchall()
        assert [tuple(r) for r in rows] == [(1, "Basics", "https://e.com/1")]


def test_counted_candidates_leave_out_the_excluded_ids(tmp_path: Path) -> None:
    with Store.open(tmp_path / "curator.db") as store:
        urls = [f"https://e.com/{n}" for n in range(4)]
        store.add_articles([article(u) for u in urls], feed_url=None)
        ids = [a.id for a in store.articles()]
        scores = [0.9, 0.8, 0.7, 0.1]
        store.save_assignments(
            [(i, "Basics", sc, ()) for i, sc in zip(ids, scores, strict=True)], "fp"
        )
        assert store.count_candidates("Basics", 0.5) == 3
        assert store.count_candidates("Basics", 0.5, exclude=ids[:2]) == 1
        # An excluded id below the score floor does not count twice.
        assert store.count_candidates("Basics", 0.5, exclude=[ids[3]]) == 3
        assert store.count_candidates("Basics", exclude=set(ids)) == 0


def test_a_failed_write_leaves_what_was_stored(tmp_path: Path) -> None:
    with Store.open(tmp_path / "curator.db") as store:
        store.add_articles([article("https://e.com/1")], feed_url=None)
        with pytest.raises(RuntimeError), store.transaction():
            store.add_articles([article("https://e.com/2")], feed_url=None)
            raise RuntimeError("crash in the middle")
        assert [a.url for a in store.articles()] == ["https://e.com/1"]


def test_feed_failures_keep_validators_and_count_from_the_first_failure(tmp_path: Path) -> None:
    url = "https://e.com/feed"
    with Store.open(tmp_path / "curator.db") as store:
        store.record_feed_success(
            url,
            now=NOW,
            status=200,
            title="E",
            etag='"v1"',
            last_modified=None,
            entries=3,
            size=100,
            elapsed=0.1,
            content_hash="abc",
        )
        later = NOW.replace(day=26)
        store.record_feed_failure(
            url, now=NOW, status=503, kind="http", error="HTTP 503", elapsed=1
        )
        store.record_feed_failure(
            url, now=later, status=None, kind="connect", error="refused", elapsed=1
        )
        state = store.feed_state(url)
    assert state.etag == '"v1"'
    assert state.last_error == "refused"
    assert state.failing_since == NOW.isoformat()


def test_a_store_from_a_newer_curator_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "curator.db"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="written by a newer curator"):
        Store.open(path)


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "curator.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a curator store, or damaged"):
        Store.open(path)


def test_an_alias_makes_the_feed_link_a_known_url_of_the_canonical_article(tmp_path: Path) -> None:
    with Store.open(tmp_path / "curator.db") as store:
        key, art = article("https://pub.example/story")
        feed_link_key = url_key("https://feeds.example/click?id=7")
        store.add_articles([(key, art)], feed_url=None, aliases={feed_link_key: key})
        assert store.known_keys([feed_link_key, url_key("https://other.example/")]) == {
            feed_link_key
        }
        assert store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_a_store_from_before_themes_opens_and_keeps_its_issues(tmp_path: Path) -> None:
    """Migration 5 adds each issue's theme, plan place, introduction and closing line; a store
    written before it (schema 4) opens, its issues read as issues of every subject."""
    from test_upgrade import schema_4_store

    path = tmp_path / "old.db"
    schema_4_store(path)
    with Store.open(path) as store:
        assert store.version == VERSION == 34
        (old,) = store.issues(with_articles=True)
        assert (old.number, old.theme, old.planned, old.introduction) == (1, (), False, None)
        assert old.featured == (("Basics", 1),)
        store.record_issue(
            2, "Weekly", NOW, [], theme=("Voice", "Basics"), planned=True, introduction="Hi."
        )
        assert store.issues()[1].theme == ("Voice", "Basics")
    with Store.open(path) as store:  # and it stays readable, the new issue with it
        assert [i.planned for i in store.issues()] == [False, True]


def test_a_store_from_before_credit_sources_opens_and_its_articles_say_nothing_of_them(
    tmp_path: Path,
) -> None:
    """Migration 10 adds where each article's credit came from and whom the other source named; an
    article stored before (schema 8) reads as not known: no source, no other names."""
    from curator.store import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:8]:
        migration(db)
    db.execute("PRAGMA user_version = 8")
    db.execute(
        "INSERT INTO articles (url_key, url, title, authors, first_seen) VALUES ('k',"
        " 'https://a.example/1', 'An old article', '[\"Ann Lee\"]', ?)",
        (NOW.isoformat(),),
    )
    db.close()
    with Store.open(path) as store:
        (old,) = store.articles()
        assert (old.authors, old.authors_from, old.other_authors) == (("Ann Lee",), "", ())
        key, art = article("https://b.example/2")
        stored = replace(art, authors=("Joan Biskupic",), authors_from="page")
        store.add_articles(
            [(key, replace(stored, other_authors=("Max Republish",)))], feed_url=None
        )
        new = store.article_by_url("https://b.example/2")
        assert new is not None
        assert (new.authors_from, new.other_authors) == ("page", ("Max Republish",))


def test_a_store_from_before_dead_links_marks_the_pages_that_answered_404(tmp_path: Path) -> None:
    """Migration 11 marks for good each article whose page answered 404 or 410 when last read (it
    was kept out of issues only while still to be read again); run again on a store whose version
    was set back, it changes nothing and fails on nothing."""
    from curator.store import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:10]:
        migration(db)
    db.execute("PRAGMA user_version = 10")
    for n in (1, 2, 3):
        db.execute(
            "INSERT INTO articles (url_key, url, title, first_seen) VALUES (?, ?, 'A post', ?)",
            (f"k{n}", f"https://a.example/{n}", NOW.isoformat()),
        )
    for n, kind, error in ((1, "http", "HTTP 404 Not Found"), (2, "gone", "HTTP 410 Gone"),
                           (3, "http", "HTTP 503 Service Unavailable")):  # fmt: skip
        db.execute(
            "INSERT INTO page_retries (article_id, link, entry, error_kind, error, last_tried)"
            " VALUES (?, 'x', '{}', ?, ?, ?)",
            (n, kind, error, NOW.isoformat()),
        )
    db.close()
    for _ in range(2):
        with Store.open(path) as store:
            assert store.version == VERSION == 34
            assert store.unread_pages([1, 2, 3]) == {
                1: "HTTP 404 Not Found",
                2: "HTTP 410 Gone",
                3: "HTTP 503 Service Unavailable",
            }
            store.db.execute("DELETE FROM page_retries")  # given up: the mark stays
            assert store.unread_pages([1, 2, 3]) == {1: "HTTP 404 Not Found", 2: "HTTP 410 Gone"}
            store.db.execute("PRAGMA user_version = 10")
            store.db.execute(
                "INSERT INTO page_retries (article_id, link, entry, error_kind, error, last_tried)"
                " VALUES (3, 'x', '{}', 'http', 'HTTP 503 Service Unavailable', ?)",
                (NOW.isoformat(),),
            )
