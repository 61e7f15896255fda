"""A bug in curator's own code is shown as a bug (a traceback), never reported as a bad page or feed.

The `except Exception` boundaries that contain a hostile page's or feed's damage inside a parser
used to absorb curator's own mistakes too (walk34 #7): a TypeError in the byline reader became
"3 article page(s) were read in part", every byline dropped, exit 0; one in the fetcher became a
feed "failing" with "unexpected TypeError". Here a bug is put into curator's code the way a typo
would (a module global of the wrong type, so curator's own line raises) and the run must stop on it.
"""

from __future__ import annotations

import io
import json

import hostile_helpers as h
import pytest
from click.testing import CliRunner

from conftest import LocalServer
from curator import extract as extract_module
from curator import fetch as fetch_module
from curator.cli import cli
from curator.errors import own_bug
from curator.feeds import xmlfeed
from curator.feeds.common import FeedError


def test_a_bug_in_the_byline_reader_stops_the_build(
    tmp_path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "N article page(s) were read in part ... authors: TypeError", exit 0."""
    # authors()'s first line calls _host: a module global of the wrong type makes curator's own
    # line raise on every page, whatever the page holds.
    monkeypatch.setattr(extract_module, "_host", None)
    config = h.write_config(tmp_path, [{"url": h.serve_healthy(http_server)}])
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert isinstance(result.exception, TypeError), result.stderr
    assert result.exit_code == 1
    assert "read in part" not in result.stderr
    assert not (tmp_path / "output" / "issue-1.html").exists()


def test_a_bug_in_the_fetcher_is_not_a_failing_feed(
    tmp_path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the feed was charged as failing ("unexpected AttributeError")."""
    monkeypatch.setattr(fetch_module, "ACCEPT", None)
    config = h.write_config(tmp_path, [{"url": h.serve_healthy(http_server)}])
    result = CliRunner().invoke(cli, ["fetch", "--config", str(config)])
    assert isinstance(result.exception, AttributeError), result.stderr
    assert "unexpected" not in result.stderr


def test_a_hostile_page_still_loses_only_the_field_it_broke(
    tmp_path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A TypeError raised inside a third-party parser (here json's, reached from the byline
    reader) is the page's damage: that field is left out and named, the build goes on."""
    real = extract_module.authors

    def authors(doc, site=None):  # type: ignore[no-untyped-def]
        if "closing-the-loop" in doc.url:
            json.loads(io.BytesIO(b"{}"))  # raises TypeError in json/__init__.py
        return real(doc, site)

    monkeypatch.setattr(extract_module, "authors", authors)
    config = h.write_config(tmp_path, [{"url": h.serve_healthy(http_server)}])
    code, data, stderr = h.build_json(config, command="fetch")
    assert code == 0, stderr
    [part] = data["pages_in_part"]
    assert part["problems"][0].startswith("authors: TypeError: the JSON object must be")


def test_a_crash_inside_feedparser_is_the_feed_s_damage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xmlfeed.feedparser, "parse", lambda data, **kw: json.loads(data))
    with pytest.raises(FeedError, match="not a well-formed feed"):
        xmlfeed.parse_xml_feed(b"<rss/>", "http://x.example/feed", None, None)


def test_a_bug_calling_feedparser_is_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: "not a well-formed feed: ..." for a mistake on curator's own line."""
    monkeypatch.setattr(xmlfeed, "io", None)
    with pytest.raises(AttributeError):
        xmlfeed.parse_xml_feed(b"<rss/>", "http://x.example/feed", None, None)


def test_own_bug_tells_curator_s_mistakes_from_a_parser_s() -> None:
    def raised(fn):  # type: ignore[no-untyped-def]
        try:
            fn()
        except Exception as exc:  # noqa: BLE001
            return exc
        raise AssertionError("did not raise")

    assert own_bug(raised(lambda: extract_module.decode_html(None)))  # type: ignore[arg-type]
    assert not own_bug(raised(lambda: json.loads(io.BytesIO(b""))))  # a TypeError, but json's
    assert not own_bug(raised(lambda: extract_module.decode_html(b"", "x" * 0) + 1))  # a test's
    assert not own_bug(ValueError("a page's bad date"))
