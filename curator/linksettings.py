"""The settings of feeds.yaml that write an issue's links (`site_url` and the `utm_*` tags), as
each issue was last written with them, kept in the store: walk188 #6, after the editor changed
them, `render --all` said every older issue read otherwise for "this curator's templates and
rules" and advised putting the files back from a backup, and `build` re-tagged the older issues'
entries of feed.xml without a word while their pages kept the links they were published with."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from curator.editions import issue_entries
from curator.store import Store

#: The store's meta key: {issue number: {setting: value}}.
_KEY = "issue_link_settings"
_UTM = ("utm_source", "utm_medium", "utm_campaign")
_ATOM = "{http://www.w3.org/2005/Atom}"


def link_settings(site_url: str | None, utm: Mapping[str, str] | None) -> dict[str, str]:
    """The settings that write an issue's links, "" for one not set."""
    return {"site_url": site_url or "", **{key: (utm or {}).get(key) or "" for key in _UTM}}


def kept_link_settings(store: Store) -> dict[int, dict[str, str]]:
    """The link settings each issue was last written with, by number (none for an issue written
    by a curator from before they were kept)."""
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", (_KEY,)).fetchone()
    try:
        kept = json.loads(row[0]) if row is not None else {}
        return {int(n): {str(k): str(v) for k, v in s.items()} for n, s in kept.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def keep_link_settings(store: Store, numbers: Collection[int], settings: Mapping[str, str]) -> None:
    """Keep `settings` as those issues `numbers` were written with (a store that cannot be
    written, a render from a read-only copy, keeps nothing)."""
    if not numbers or store.db.execute("PRAGMA query_only").fetchone()[0]:
        return
    kept = kept_link_settings(store)
    kept.update({n: dict(settings) for n in numbers})
    with store.transaction():
        store.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (_KEY, json.dumps({str(n): s for n, s in sorted(kept.items())}, ensure_ascii=False)),
        )


def settings_change(was: Mapping[str, str] | None, now: Mapping[str, str]) -> str:
    """What changed from `was` to `now` ("site_url: https://a/ -> https://b/; utm_source: (none)
    -> newsletter"); "" when nothing did, or `was` is not known."""
    if was is None:
        return ""
    changes = [
        f"{key}: {was.get(key) or '(none)'} \u2192 {now.get(key) or '(none)'}"
        for key in now
        if (was.get(key) or "") != (now.get(key) or "")
    ]
    return "; ".join(changes)


def _changes_joined(changes: Iterable[str]) -> str:
    """`settings_change`'s words of several issues as one, each change once, in order."""
    return "; ".join(dict.fromkeys(part for c in changes if c for part in c.split("; ")))


def retagged_entries(before: str | bytes | None, after: str | bytes) -> list[int]:
    """The issues whose entry in the feed of issues `after` links to the same places as in
    `before` but written otherwise (other `utm_` tags, another `site_url`): the feed's entries
    are all written with today's settings."""
    old, new = _entry_links(before or b""), _entry_links(after)
    return sorted(
        n
        for n, links in new.items()
        if n in old
        and links != old[n]
        and [_where(link) for link in links] == [_where(link) for link in old[n]]
    )


def _entry_links(text: str | bytes) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for number, entry in issue_entries(text):
        content = entry.findtext(f"{_ATOM}content") or ""
        hrefs = re.findall(r"""\bhref\s*=\s*["']([^"']*)["']""", content)
        found.setdefault(number, [html.unescape(h) for h in hrefs])
    return found


def _where(href: str) -> tuple[str, str, str, str]:
    """Where a link leads, whatever its `utm_` tags, and the last part of its path alone for one
    to the newsletter's own pages (made absolute by `site_url`, or not)."""
    parts = urlsplit(href)
    query = "&".join(q for q in parts.query.split("&") if q and not q.startswith("utm_"))
    if re.fullmatch(r"(?:.*/)?(?:issue-\d+(?:\.\w+)?\.\w+|index\.html|feed\.xml)", parts.path):
        return "", parts.path.rsplit("/", 1)[-1], query, parts.fragment
    return parts.netloc.lower(), parts.path, query, parts.fragment


def retagged_note(
    numbers: Collection[int], kept: Mapping[int, Mapping[str, str]], now: Mapping[str, str]
) -> str:
    """The build's word on the older issues whose entries in feed.xml it re-tagged."""
    shown = ", ".join(map(str, sorted(numbers)))
    changes = [settings_change(kept.get(n), now) for n in sorted(numbers)]
    parts = _changes_joined(changes)
    why = (
        f"feeds.yaml's link settings changed since they were written ({parts})"
        if parts
        else "feeds.yaml's `site_url` or `utm_*` settings changed since they were written"
    )
    return (
        f"feed.xml's entries of issue(s) {shown} link otherwise than before: {why}, and every"
        " entry of the feed of issues is written with today's; those issues' own files"
        f" (issue-{min(numbers)}.html ...) keep the links they were published with. `curator"
        " render --all` writes them with today's settings too"
    )


def retagged_said(
    before: str | bytes | None,
    after: str | bytes,
    written: Collection[int],
    kept: Mapping[int, Mapping[str, str]],
    now: Mapping[str, str],
) -> list[str]:
    """The word of a build or `render` on the entries of feed.xml (`before` -> `after`) of the
    issues it did not write (`written`) that it re-tagged (`retagged_entries`), or none."""
    retagged = [n for n in retagged_entries(before, after) if n not in written]
    return [retagged_note(retagged, kept, now)] if retagged else []


def relinked_text_note(number: int, names: str, change: str) -> str:
    """`render`'s word on issue `number`, whose files `names` read otherwise than before because
    feeds.yaml's link settings changed (`change`) since it was last written."""
    return (
        f"Issue {number} reads otherwise than before in {names}, though nothing in its"
        f" issue-{number}.json was corrected: its links are written with feeds.yaml's link"
        f" settings of today, which changed since it was last written ({change}). To keep its"
        " links as they were, put those settings back in feeds.yaml and render it again."
    )


#: The files of the archive, written with every issue's links.
ARCHIVE_FILES = ("index.html", "latest.html", "feed.xml")


def relinked_corrected_note(number: int, names: str, change: str) -> str:
    """`render`'s word on issue `number`, corrected in its issue-N.json in this run (said
    apart), whose files `names` also have their links written with feeds.yaml's link settings of
    today, which changed (`change`) since it was last written (walk197 #8: unsaid)."""
    return (
        f"Issue {number}'s links in {names} are written with feeds.yaml's link settings of today"
        f" too, which changed since it was last written ({change}). To keep its links as they"
        " were, put those settings back in feeds.yaml and render it again."
    )


def relinked_markup(
    markup_only: Collection[Path], settings_changed: Mapping[int, str]
) -> tuple[list[Path], str]:
    """Those of `markup_only` (files whose words are as they were) that are an issue's whose link
    settings changed, or the archive's when any did, and `render`'s word on them ("" for none)."""
    if not settings_changed:
        return [], ""
    mine = [
        p
        for p in markup_only
        if p.name in ARCHIVE_FILES
        or ((n := re.match(r"issue-(\d+)\.", p.name)) and int(n.group(1)) in settings_changed)
    ]
    if not mine:
        return [], ""
    changes = _changes_joined(settings_changed.values())
    return mine, (
        f"Only the markup of {', '.join(p.name for p in mine)} changed, not what a reader reads"
        f" in them: their links are written with feeds.yaml's link settings of today ({changes})."
    )


def relinked_archive_note(
    names: Sequence[str], settings_changed: Mapping[int, str], corrected: Collection[int] = ()
) -> str:
    """`render`'s word on the archive's files `names` (index.html, latest.html, feed.xml), which
    read otherwise than before while feeds.yaml's link settings changed since issues
    `settings_changed` were last written (walk190 #6: index.html was said to be this curator's
    templates and words, to be put back from a backup, and feed.xml was not named)."""
    shown = ", ".join(map(str, sorted(settings_changed)))
    changes = _changes_joined(settings_changed.values())
    one = len(names) == 1
    # (walk197 #8: "though no issue-N.json was corrected" right after a correction was said)
    why = (
        f" though no issue-N.json was corrected: {'its' if one else 'their'} links are written"
        if not corrected
        else f" for issue(s) {', '.join(map(str, sorted(corrected)))} as corrected in"
        f" issue-N.json, and as {'its' if one else 'their'} links are written"
    )
    return (
        f"The archive's {', '.join(names)} {'reads' if one else 'read'} otherwise than before,"
        f"{why}"
        f" with feeds.yaml's link settings of today, which changed since issue(s) {shown} were"
        f" last written ({changes}). To keep {'its' if one else 'their'} links as they were, put"
        " those settings back in feeds.yaml and render again."
    )
