"""fixkw #1: `feeds export` wrote a feed's `?token=...` (an API key, a signature) into the OPML
without a word, so an editor who shared the file shared the secret. The export names those feeds
(the secret's value left out of what it prints) and says what to do; `--no-secrets` leaves the
secrets out of the OPML, the rest of each address as feeds.yaml has it."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli as _invoke

TOKEN = "https://news.example.com/feed.xml?token=tok3nXYZ&lang=en"
KEYED = "https://api.example.org/rss?api_key=k3yABC"
SIGNED = "https://cdn.example.net/items.rss?sig=s1gDEF"
PASSWORD = "https://bob:hunter2@members.example.com/feed.xml"
PLAIN = "https://blog.example.com/feed.xml?page=2"


def _added(demo: Path, *urls: str) -> None:
    for url in urls:
        code, _, err = _invoke("feeds", "add", "--config", str(demo), "--no-check", url)
        assert code == 0, err


def test_an_export_names_the_feeds_whose_address_holds_a_token(demo: Path, tmp_path: Path) -> None:
    _added(demo, TOKEN, KEYED, SIGNED, PLAIN)
    out = tmp_path / "feeds.opml"
    code, _, err = _invoke("feeds", "export", "--config", str(demo), "-o", str(out))
    assert code == 0, err
    written = out.read_text(encoding="utf-8")
    assert "tok3nXYZ" in written and "k3yABC" in written  # kept for the reader, as before
    said = [line for line in err.splitlines() if "secret" in line]
    assert len(said) == 1, err
    for shown in (
        "https://news.example.com/feed.xml?token=...&lang=en",
        "https://api.example.org/rss?api_key=...",
        "https://cdn.example.net/items.rss?sig=...",
    ):
        assert shown in said[0], said
    assert "blog.example.com" not in said[0]
    assert "keep the file private" in said[0] and "--no-secrets" in said[0]
    assert not any(value in err for value in ("tok3nXYZ", "k3yABC", "s1gDEF"))
    assert "password" not in err


def test_no_secrets_leaves_them_out_of_the_opml(demo: Path) -> None:
    _added(demo, TOKEN, SIGNED, PASSWORD, PLAIN)
    code, out, err = _invoke("feeds", "export", "--config", str(demo), "--no-secrets")
    assert code == 0, err
    for value in ("tok3nXYZ", "s1gDEF", "hunter2", "token=", "sig="):
        assert value not in out, value
    assert 'xmlUrl="https://news.example.com/feed.xml?lang=en"' in out
    assert 'xmlUrl="https://cdn.example.net/items.rss"' in out
    assert 'xmlUrl="https://bob@members.example.com/feed.xml"' in out
    assert 'xmlUrl="https://blog.example.com/feed.xml?page=2"' in out
    said = [line for line in err.splitlines() if "--no-secrets" in line]
    assert len(said) == 1 and "left out of the OPML" in said[0], err
    assert "3 feed address(es)" in said[0], said
    assert not any(value in err for value in ("tok3nXYZ", "s1gDEF", "hunter2"))


def test_an_export_without_secrets_says_nothing_of_them(demo: Path) -> None:
    _added(demo, PLAIN)
    code, out, err = _invoke("feeds", "export", "--config", str(demo))
    assert code == 0, err
    assert "secret" not in err and "page=2" in out
