"""Articles an older curator stored at an address naming a user (and a password) before its
site's name, `https://user:pw@host/x`: curator no longer publishes such an address (a password
in every edition, or a look of phishing: `safe_url`), and today's fetch refuses such a link, so
the article was published with no link and no word (fixie #6). It is published at the same
address without its user name and password, the page a reader's browser would open, and the
build says so. The same for such a link in an issue-N.json that curator wrote (walk187 #1), and
`curator render` says that its pages changed for it (walk189 #6: said as "nothing in its
issue-N.json was corrected", with a backup advised that would bring the password back)."""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from curator.htmltext import without_passwords
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
    return without_passwords(url.strip())


@dataclass(frozen=True)
class JsonLink:
    """A link an issue-N.json gives at an address naming a user (`issue_from_data` reads it
    without): issue `number`'s file `path`, the article's `title` (and the name of the piece
    "also covered by" it, when it is that one's link), the address as written, and as read."""

    number: int
    path: Path
    title: str
    other: str | None
    written: str
    bare: str


def json_links(data: object, number: int, path: Path) -> list[JsonLink]:
    """Every link of an issue record (an issue-N.json's `data`, checked by `issue_mistakes`) at
    an address naming a user that curator publishes without it (`without_user`)."""
    found: list[JsonLink] = []
    sections = data.get("sections") if isinstance(data, dict) else None
    for sec in sections if isinstance(sections, list) else ():
        articles = sec.get("articles") if isinstance(sec, dict) else None
        for art in articles if isinstance(articles, list) else ():
            if not isinstance(art, dict):
                continue
            title = str(art.get("title"))
            pieces = [(None, art)] + [
                (str(o.get("name")), o)
                for o in art.get("also_covered_by") or ()
                if isinstance(o, dict)
            ]
            for other, piece in pieces:
                url = piece.get("url")
                bare = without_user(url) if isinstance(url, str) else None
                if isinstance(url, str) and bare is not None:
                    found.append(JsonLink(number, path, title, other, url, bare))
    return found


def json_links_said(links: Iterable[JsonLink], written_again: Collection[int] = ()) -> list[str]:
    """A warning per link of `json_links`, naming its article (its password left out), and
    what writes the file so: `curator render N`, unless this run wrote issue N's file again
    (`written_again`), which gives it so now.

    Why: such a link in an issue an older curator published was read as no address at all
    (walk187 #1: "it names no site after http://", the password printed), the issue left out of
    the archive and the feed, and `curator render` refused it."""
    said = []
    for link in links:
        what = f'"{link.title}"' + (
            f' (its "also covered by" link to {link.other})' if link.other else ""
        )
        done = (
            f", and {link.path.name} now gives it so"
            if link.number in written_again
            else f"; `curator render {link.number}` writes it so in {link.path.name}"
        )
        said.append(
            f"issue {link.number}: {what} is linked in {link.path} at {_shown(link.written)}, an"
            " address that names a user before its site, which curator does not publish: it is"
            f" published at {link.bare}, without the user name and password{done}"
        )
    return said


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


def with_bare_links(text: str, links: Iterable[JsonLink]) -> str:
    """`text` (an issue's page or text edition as an older curator wrote it) with each of
    `links` at the address curator publishes it at now, without the user name and password."""
    for link in links:
        text = text.replace(link.written, link.bare)
        text = text.replace(html.escape(link.written), html.escape(link.bare))
    return text


def bare_links_note(number: int, names: str, only: bool) -> str:
    """What `curator render` says of issue `number`'s files `names` whose links named a user (and
    a password) and are written without now: `only`, all that changed in what they read."""
    why = (
        "its links that named a user and password before the site (as the warning above says)"
        " are written without them now"
    )
    if only:
        return (
            f"Issue {number} reads otherwise than before in {names} only where {why}. Keep these"
            " files so: a backup of them would publish the password again."
        )
    return (
        f"Issue {number} reads otherwise than before in {names}: {why}, and it was rendered with"
        " this curator's templates and rules (and yours), not the ones that published it. Keep"
        " these files so: a backup of them would publish the password again."
    )
