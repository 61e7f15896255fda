"""Feeds whose articles are one text with only its numbers changed (an automated report, a
listing generated from a template): walk155 #9, a feed of 2,000 such items flooded the archive,
and `curator subjects explain` said one was "not typical enough" of its subject, a wrong reason.

Such articles are told apart from copies of one story (`curator.select`): every one is new, but
they share all their words, so the archive's counts of those words are theirs, and the subject
model finds nothing typical in them. Curator names them for what they are: in `explain`, and in
the warnings of the run that stores them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from curator.config import Config
from curator.errors import feeds_remove_command
from curator.feedsecrets import secrets_shown
from curator.store import Store

#: How many articles of one feed must share one text (but for their numbers) to be named so.
TEMPLATE_COPIES = 10
#: The least words a text must have to be compared (a title alone tells nothing).
TEMPLATE_WORDS = 12
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")


def template_key(title: str, summary: str, text: str) -> str | None:
    """An article's words with every number masked: equal for two articles that differ only
    in their numbers. None for a text too short to tell (`TEMPLATE_WORDS`)."""
    body = text if len(text.split()) >= len(summary.split()) else summary
    if len(body.split()) < TEMPLATE_WORDS:
        return None
    return _NUMBER.sub("#", " ".join(f"{title} | {body}".split()).casefold())


@dataclass(frozen=True)
class TemplateCopies:
    """The articles of one feed that share one text but for their numbers."""

    #: How many (the article asked about among them).
    count: int
    #: The feed that brought them: its address and its name as the editor reads it.
    feed_url: str
    feed: str

    def to_dict(self) -> dict[str, object]:
        return {"count": self.count, "feed_url": self.feed_url, "feed": self.feed}


def feed_label(config: Config, store: Store, url: str) -> str:
    """The feed at `url` by its `name:` in feeds.yaml, else its own title, else its address."""
    named = next((f.name for f in config.feeds if f.url == url and f.name), None)
    return named or store.feed_title(url) or secrets_shown(url)


def template_copies(
    config: Config, store: Store, article_id: int, feed_url: str | None
) -> TemplateCopies | None:
    """The articles of the feed at `feed_url` that share the text of the article `article_id`
    but for their numbers, when there are at least `TEMPLATE_COPIES` (else None)."""
    if feed_url is None:
        return None
    rows = store.feed_texts(feed_url)
    keys = {i: template_key(title, summary, text) for i, _, title, summary, text in rows}
    key = keys.get(article_id)
    if key is None:
        return None
    count = sum(1 for k in keys.values() if k == key)
    if count < TEMPLATE_COPIES:
        return None
    return TemplateCopies(count, feed_url, feed_label(config, store, feed_url))


def template_feed_notes(config: Config, store: Store, after: int) -> list[str]:
    """A warning per feed whose articles stored after the article id `after` are mostly one
    text but for their numbers (at least `TEMPLATE_COPIES` of them): the feed, how many, and
    what the editor can do."""
    by_feed: dict[str, list[str | None]] = {}
    for _, url, title, summary, text in store.feed_texts(None, after):
        if url is not None:
            by_feed.setdefault(url, []).append(template_key(title, summary, text))
    notes = []
    for url, keys in by_feed.items():
        counted = Counter(k for k in keys if k is not None).most_common(1)
        if not counted:
            continue
        _, same = counted[0]
        if same < TEMPLATE_COPIES or same * 2 <= len(keys):
            continue
        shown = secrets_shown(url)  # (its secret masked, as every message says it: fixlx #1)
        notes.append(
            f"{feed_label(config, store, url)} ({shown}): {same} of the {len(keys)} new"
            " article(s) this run stored from it are one text with only its numbers changed"
            " (an automated report or a listing, not articles of their own): they fill the"
            " archive with the same words, which then look common everywhere rather than"
            " typical of a subject (`curator subjects explain URL` of one says so)."
            " If the feed is not one for your readers:"
            f" {feeds_remove_command(shown, drop_waiting=True)} stops reading it and"
            " leaves its articles out of every issue"
        )
    return notes
