"""Articles an older curator stored at an address naming a user (and a password) before its
site's name, `https://user:pw@host/x`: curator no longer publishes such an address (a password
in every edition, or a look of phishing: `safe_url`), and today's fetch refuses such a link, so
the article was published with no link and no word (fixie #6). It is published at the same
address without its user name and password, the page a reader's browser would open, and the
build says so."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

from curator.models import Issue, Scored
from curator.urls import safe_url


def without_user(url: str) -> str | None:
    """`url` without the user name and password before its host, when it has them and is an
    address curator publishes once they are gone; else None."""
    try:
        parts = urlsplit(url.strip())
        if parts.username is None and parts.password is None:
            return None
        host = parts.netloc.rpartition("@")[2]
    except ValueError:
        return None
    bare = urlunsplit(parts._replace(netloc=host))
    return bare if safe_url(bare) == bare else None


def _shown(url: str) -> str:
    """`url` as a warning may quote it: its password left out."""
    parts = urlsplit(url.strip())
    user = parts.netloc.rpartition("@")[0].partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{parts.netloc.rpartition('@')[2]}"))


def published_addresses(issue: Issue, draft: str = "") -> tuple[Issue, tuple[str, ...]]:
    """`issue` with each featured article (and each "Also covered by" piece) stored at an
    address naming a user published at it without the user, and a warning per article (for the
    draft at `draft`, when it is one that `curator draft` writes)."""
    said: list[str] = []
    n = issue.number
    where, fix = "it is published", f'correct "url" in issue-{n}.json and run `curator render {n}`'
    if draft:
        where, fix = f"the draft {draft} gives it", f"correct its url: line in {draft}"

    def entry(scored: Scored) -> Scored:
        art = scored.article
        bare = without_user(art.url)
        if bare is not None:
            said.append(
                f'issue {issue.number}: "{art.title}" was stored (by an older curator) at'
                f" {_shown(art.url)}, an address that names a user before its site, which curator"
                f" does not publish: {where} at {bare}, without the user name and password; to"
                f" link it elsewhere, {fix}"
            )
            art = replace(art, url=bare)
        covered = tuple((name, without_user(url) or url) for name, url in scored.also_covered_by)
        if art is scored.article and covered == scored.also_covered_by:
            return scored
        return replace(scored, article=art, also_covered_by=covered)

    sections = tuple(
        replace(sec, entries=tuple(entry(e) for e in sec.entries)) for sec in issue.sections
    )
    return replace(issue, sections=sections), tuple(said)
