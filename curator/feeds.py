"""Parsing feeds: bytes of RSS 0.9x/1.0/2.0, Atom or JSON Feed into a `ParsedFeed` (pure)."""

from __future__ import annotations

from curator.models import ParsedFeed


class FeedError(Exception):
    """The bytes are not a feed curator can read (an HTML page, empty, or unparsable)."""


def parse_feed(content: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed's bytes; entry links are resolved against `url`.

    Raises `FeedError` with a one-line reason when the bytes are not a usable feed.
    """
    raise NotImplementedError
