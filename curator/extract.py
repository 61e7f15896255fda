"""Reading an article page: title, authors, publication, canonical URL, description, text (pure)."""

from __future__ import annotations

from curator.models import Page


def extract(html: str | bytes, url: str) -> Page:
    """What the page at `url` says about itself; fields it does not give are None/empty."""
    raise NotImplementedError
