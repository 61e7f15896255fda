"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with `json` (pure)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from curator.feeds.common import (
    MAX_ENTRIES,
    FeedError,
    FeedItem,
    author_field_code,
    author_field_markup,
    author_names,
    build_entry,
    feed_base,
    markup_said,
    newest_first,
    plain_text,
    safe_link,
    sane,
    short,
)
from curator.htmltext import untrusted_name
from curator.models import ParsedFeed

#: JSON Feed versions we read: https://jsonfeed.org/version/1 and /version/1.1 (and any later 1.x,
#: which stays compatible). Others (reader's unknown.json says /version/1234) are refused.
JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(?:\.(\d+))?/?$")


def _string(value: object) -> str | None:
    """`value` when it is a non-blank string (JSON Feed fields may hold anything)."""
    return value if isinstance(value, str) and value.strip() else None


def _json_date(value: object) -> datetime | None:
    """An RFC 3339 date (JSON Feed's format), or an RFC 822 one as a courtesy; None otherwise."""
    text = _string(value)
    if text is None:
        return None
    text = text.strip()
    try:
        return sane(datetime.fromisoformat(text.replace("z", "Z")))
    except ValueError:
        pass
    try:
        return sane(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _raw_names(item: Mapping[str, Any]) -> tuple[object, ...]:
    """The `name`s, as the feed wrote them, of 1.1 `authors` (a list), else of 1.0 `author` (one
    object)."""
    people = item.get("authors")
    if not isinstance(people, list) or not people:
        people = [item.get("author")]
    return tuple(p.get("name") for p in people if isinstance(p, dict))


def _authors(item: Mapping[str, Any]) -> tuple[object, ...]:
    """Names from 1.1 `authors` (a list), else 1.0 `author` (one object), as plain text (as a
    title: walk84 N3, "Ann <!-- Lee" was credited as "Ann"); a name holding markup that would run
    script (`<img src=x onerror=...>Feed Author`) is none, as in an RSS or Atom feed, and said
    there (`author_field_markup`, walk162 #2: it was dropped later, said only as "no author")."""
    return tuple(
        _as_text(name)
        for name in _raw_names(item)
        if not (isinstance(name, str) and untrusted_name(name))
    )


def _as_text(value: object) -> object:
    """A field JSON Feed defines as plain text (`title`, `summary`, `content_text`), made safe to
    read as HTML as every feed's text is read: each `<` as `&lt;`, so that `<?php echo $cx; ?>`,
    `<![CDATA[ raw ]]>` or "Die Rückkehr von <i> und <b>" stays in it as the words it is instead of
    being removed as markup (walk74 #5: cut from the middle of a sentence, unsaid). Entities are
    still read, as before: feeds escape "&" in plain text too."""
    return value.replace("<", "&lt;") if isinstance(value, str) else value


def _item(item: Mapping[str, Any], language: object = None) -> FeedItem:
    """One JSON Feed item's fields, for `build_entry`; fields of the wrong type are ignored. Its
    language is JSON Feed 1.1's `language`, the item's own, else the feed's (`language`)."""
    raw_id = item.get("id")
    usable = isinstance(raw_id, (str, int, float)) and not isinstance(raw_id, bool)
    guid = str(raw_id).strip() or None if usable else None
    tags = item.get("tags")
    return FeedItem(
        link=item.get("url"),
        alternates=(item.get("external_url"),),
        guid=guid,
        guidislink=False,
        title=_as_text(item.get("title")),
        authors=_authors(item),
        author=None,
        summary=_as_text(item.get("summary")),
        contents=(
            (item.get("content_html"), "text/html"),
            (_as_text(item.get("content_text")), "text/plain"),
        ),
        published=_json_date(item.get("date_published")),
        updated=_json_date(item.get("date_modified")),
        tags=tuple(tags) if isinstance(tags, list) else (),
        language=item.get("language") or language,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")
#: A JSON escape of a surrogate ("\\ud800"): only documents holding one are searched for lone ones.
_SURROGATE_ESCAPE = re.compile(rb"\\[uU][dD][89a-fA-F]")


def _without_surrogates(value: Any) -> tuple[Any, int]:
    """`value` with every lone surrogate in its strings replaced by U+FFFD, and how many there
    were. JSON may escape one ("\\ud800"); Python keeps it, and SQLite, the terminal and every
    output refuse to encode it, so one title would cost the feed."""
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        pairs = [_without_surrogates(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        pairs2 = {k: _without_surrogates(v) for k, v in value.items()}
        return {k: v for k, (v, _) in pairs2.items()}, sum(n for _, n in pairs2.values())
    return value, 0


def _newest(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items read of a feed of more than `MAX_ENTRIES`: the newest by `date_published`
    (else `date_modified`) when most are dated, else the first (`common.newest_first`)."""
    if len(items) <= MAX_ENTRIES:
        return items[:MAX_ENTRIES]
    kept = newest_first(_times(items))
    return items[:MAX_ENTRIES] if kept is None else [items[i] for i in kept]


def _times(items: list[dict[str, Any]]) -> list[float | None]:
    """Each item's date as a number to compare, or None."""
    moments = (
        _json_date(item.get("date_published")) or _json_date(item.get("date_modified"))
        for item in items
    )
    return [moment.timestamp() if moment else None for moment in moments]


#: A JSON string (skipped whole) or a bracket: what `_depth` counts nesting by.
_JSON_NESTING = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


def _depth(content: bytes) -> int:
    """How deep the document's arrays and objects nest, at their deepest."""
    depth = deepest = 0
    for match in _JSON_NESTING.finditer(content):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


def parse_json_feed(content: bytes, url: str) -> ParsedFeed:
    """A JSON Feed 1.0/1.1 document (https://jsonfeed.org/version/1.1)."""
    try:
        # strict=False: real feeds put raw control characters (tabs, newlines) inside strings
        # (RSParser's allthis-partial.json has one), which JSON forbids but which do no harm.
        document = json.loads(content, strict=False)
    except RecursionError as error:
        # Valid JSON all the same: "maximum recursion depth exceeded" said nothing of the
        # document (walk173 #9).
        raise FeedError(f"nested too deeply to read ({_depth(content):,} levels)") from error
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError too
        raise FeedError(f"not valid JSON: {short(error)}") from error
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise FeedError("a JSON document, but not a JSON Feed (no jsonfeed.org version)")
    match = JSON_FEED_VERSION.match(version.strip())
    if match is None:
        raise FeedError(f"unsupported JSON Feed version: {short(version)}")
    surrogates = 0
    if _SURROGATE_ESCAPE.search(content):
        document, surrogates = _without_surrogates(document)
    items = document.get("items")
    if not isinstance(items, list):
        raise FeedError("not a well-formed JSON Feed: 'items' is not a list")
    base = feed_base(url)
    listed = len(items)
    items = [item for item in items if isinstance(item, dict)]
    # An item that is not an object (a string, a number, null) has no fields to read: said, not
    # dropped unnoticed (walk34).
    not_objects = listed - len(items)
    # JSON Feed 1.1: "if not specified in an item, then the top-level authors, if present, are
    # the authors of the item" (an item naming an author without a name keeps none).
    feed_authors = author_names(_authors(document), None)
    feed_markup = author_field_markup(_raw_names(document))
    feed_code = author_field_code(_raw_names(document))
    entries = tuple(
        replace(
            entry,
            authors=feed_authors,
            authors_plain=True,
            author_markup=feed_markup,
            author_code=feed_code,
        )
        if not entry.authors and not (item.get("authors") or item.get("author"))
        else replace(
            entry,
            authors_plain=True,
            author_markup=author_field_markup(_raw_names(item)),
            author_code=author_field_code(_raw_names(item)),
        )
        for item in _newest(items)
        for entry in [build_entry(_item(item, document.get("language")), base, is_rss=False)]
    )
    return ParsedFeed(
        title=plain_text(document.get("title")),
        link=safe_link(document.get("home_page_url"), base),
        entries=entries,
        version="json1" + (match.group(1) or "0"),
        warning="; ".join(
            x
            for x in (
                surrogates
                and f"{surrogates} lone surrogate escape(s) (\\ud800 and the like) shown as \ufffd",
                not_objects
                and f"{not_objects} of its {listed} items left out: not a JSON object (an item"
                " must be {...} with a url and a title)",
            )
            if x
        )
        or None,
        entries_in_document=len(items) if len(items) > MAX_ENTRIES else None,
        newest_read=len(items) > MAX_ENTRIES and newest_first(_times(items)) is not None,
        # (read as RSS's and Atom's is, HTML: its markup removed, and said, walk162 #2)
        title_markup=markup_said(document.get("title")),
    )
