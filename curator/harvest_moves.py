"""Where a feed that failed or moved leads among the feeds listed: its line is the one to remove
(walk169 #4, walk180 #9), and the feed a web page at its address names."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from curator.config import Config, FeedSource
from curator.discover import find_feed_links, is_comments_feed
from curator.errors import feeds_remove_command
from curator.feedsecrets import secrets_shown
from curator.harvest_outcome import Settled
from curator.harvest_outcome import shown_name as _shown_name
from curator.store import FeedState
from curator.urls import url_key


def listed_at(
    config: Config,
    states: Mapping[str, FeedState],
    source: FeedSource,
    url: str,
    verb: str = "now leads to",
) -> tuple[str, str] | None:
    """When `url`, where the feed `source` now leads (or, `verb` "it moved to", where curator knows
    it moved), is another feed listed in feeds.yaml: (its address as listed, what to do: "now
    leads to Alpha Blog (URL, line 24 of feeds.yaml), a feed already listed: remove the Delta
    Blog line (`curator feeds remove URL`)"); else None."""
    key = url_key(url)
    other = next((f for f in config.feeds if f.url != source.url and url_key(f.url) == key), None)
    if other is None:
        return None
    state = states.get(other.url)
    # (each address's secret masked, as `feeds list` shows it: `feeds remove` reads it so: fixln #1)
    listed, shown = secrets_shown(other.url), secrets_shown(source.url)
    name = other.name or (state.title if state else None) or listed
    line = f", line {other.line} of {config.path.name}" if other.line else ""
    this = _shown_name(source, states[source.url])
    # (walk183 #6: both lines named alike, "remove the Kokyaku Lab line" named either)
    which = (
        f"the {this} line"
        if this.casefold() != name.casefold()
        else f"line {source.line} ({shown})"
        if source.line
        else f"the line of {shown}"
    )
    return other.url, (
        f"{verb} {name} ({listed}{line}), a feed already listed: remove {which}"
        f" ({feeds_remove_command(shown)})"
    )


def moved_to_listed(outcome: Settled | None, onto: tuple[str, str] | None) -> Settled | None:
    """The outcome of a feed that failed, whose address curator knows moved (a 301 recorded, its
    advice, a move the editor followed) to `onto`, a feed listed now: its error names that feed
    and the line to remove, as `feeds add` and `feeds import` would (walk180 #9: an old address
    put back by hand, now 410, was told "if the feed has moved, `curator feeds add SITE` finds
    the site's feeds")."""
    if outcome is None or onto is None:
        return outcome
    report = outcome.report
    error = f"{report.error or 'failed'}; {onto[1]}"
    return dataclasses.replace(
        outcome, report=dataclasses.replace(report, leads_to=onto[0], error=error)
    )


def page_feed(content: bytes, page_url: str, feed_url: str) -> str | None:
    """The feed a web page served at a feed's address names (`<link rel="alternate">`), not a
    comments feed nor the address itself; None when it names none."""
    for link in find_feed_links(content, page_url):
        if url_key(link.url) != url_key(feed_url) and not is_comments_feed(link.url, link.title):
            return link.url
    return None
