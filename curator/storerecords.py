"""The records the store hands out: a published issue, the stored model, a page to read again,
a feed's state, an issue's candidate as read in bulk."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from curator.models import Article


@dataclass(frozen=True)
class IssueRecord:
    """A published issue as the store remembers it."""

    number: int
    title: str
    published_at: datetime
    #: The subjects it was about, in order; () for an issue of every subject.
    theme: tuple[str, ...] = ()
    #: True when the issue took its theme's place in the plan of themes.
    planned: bool = False
    #: Its introduction; None for an issue published before curator kept it.
    introduction: str | None = None
    closing: str | None = None
    #: (subject, article id) in issue order.
    featured: tuple[tuple[str, int], ...] = ()
    #: (id of the featured article, id of one named under it as "also covered by"), in order.
    copies: tuple[tuple[int, int], ...] = ()
    #: The theme its closing line promised as the next one; () for none, None when unknown (an
    #: issue published before curator kept it).
    promised: tuple[str, ...] | None = None
    #: Its articles (featured and named "also covered by") as it published them, by article id:
    #: title, credit, publication and blurb as edited in the draft (the rest as stored); empty for
    #: an issue published before curator kept them.
    as_published: Mapping[int, Article] = field(default_factory=dict)
    #: The heading its sections print over articles, by article id, where the editor corrected
    #: it in issue-N.json (the others print their subject's name).
    headings: Mapping[int, str] = field(default_factory=dict)
    #: Its date and editor as published (a draft's `date:` and `editor:`); None for an issue
    #: published before curator kept them.
    issue_date: datetime | None = None
    editor: str | None = None
    #: The plan of themes (`themes: plan:`) as it stood when the issue was published, and the
    #: index of the entry it took; None for an issue that took none, or was published before
    #: curator kept them.
    plan: tuple[tuple[str, ...], ...] | None = None
    plan_entry: int | None = None

    @property
    def day(self) -> datetime:
        """Its date as published (a draft's `date:`); for an issue published before curator kept
        it, the day it was published."""
        return self.issue_date or self.published_at.replace(
            hour=0, minute=0, second=0, microsecond=0
        )


@dataclass(frozen=True)
class StoredModel:
    """The subject model as the store keeps it between builds."""

    #: The fingerprint of what it was fitted from: the scorer, the subjects, the corrections.
    fingerprint: str
    #: The layout of `body` (`modelcache.FORMAT`).
    format: str
    #: The newest article id when it was fitted, and how many articles it learnt from.
    fitted_through: int
    learnt_from: int
    #: The fitted model as JSON.
    body: str


@dataclass(frozen=True)
class PageRetry:
    """An unfeatured article whose page could not be read yet, as `Store.page_retries` lists it."""

    article_id: int
    #: The page's address, as the feed linked it.
    link: str
    #: The feed entry the article was built from (JSON, `curator.harvest` reads it).
    entry: str
    feed_url: str | None
    #: Reads so far, the first one included.
    attempts: int
    error_kind: str | None
    first_seen: datetime | None
    #: When it was last read (and failed).
    last_tried: datetime | None = None
    #: When its server asked (Retry-After) not to be asked again before, if its last read was so
    #: answered: it is not read again before then.
    wait_until: datetime | None = None


@dataclass(frozen=True)
class FeedState:
    """What the store remembers about a feed between runs."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    failing_since: str | None = None
    gone: bool = False
    content_hash: str | None = None
    #: Set while the feed's last document read was not well formed (from `warning_since`).
    warning: str | None = None
    warning_since: str | None = None
    #: Where the feed's address redirected for good (301/308) when it was last read.
    moved_to: str | None = None
    #: Runs in a row that it failed (0 when the last run read it).
    failed_runs: int = 0
    #: When its server asked not to be asked again before (Retry-After on a 429/503), ISO.
    wait_until: str | None = None
    #: What kind of failure its last one was (`models.ErrorKind`; None when it was read).
    last_error_kind: str | None = None
    #: When it was last asked, ISO.
    last_fetched: str | None = None
    #: The entries its last document read had (0 before any).
    entries_last: int = 0


#: An article as `Store.candidates_from` reads it: (id, score, url, publication, published,
#: first_seen, site_name, link_post, feed_url), the dates as stored (ISO text or None).
LightRow = tuple[int, float, str, str | None, str | None, str | None, str | None, int, str | None]
