"""Which OPML titles become a feed's `name:` in feeds.yaml (`feeds import`): the part of a title
that names the feed's site, without a reader's format labels; why a title never does (an address,
a feeds.yaml field, another site's domain).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from curator.extract import resembles_site
from curator.extract_rules import TITLE_SEPARATORS
from curator.urls import site_of


def import_name(title: str, *addresses: str | None) -> str | None:
    """An OPML outline's title as the feed's `name:`, which beats every other name for the credit
    line: only when it names the feed's site (`extract.resembles_site` on the outline's htmlUrl or
    its feed URL: "The Verge", "Wall Street Journal" at wsj.com). Of a title in parts ("World news
    | The Guardian", "Top stories - Google News"), the one part that names the site. None for a
    section or a reader's own label ("World", "World News" at reddit.com), and where the address
    cannot tell (an IP address, a hosting platform): then the build credits the page's site name,
    else the feed's own title, both the publisher's words."""

    def names_site(text: str) -> bool:
        if _FIELD_OR_ADDRESS.search(text):
            return False
        for domain in _DOMAIN.findall(text):
            if _same_site(domain, addresses):
                return True
            text = text.replace(domain, " ")  # another site's domain names not this one
        return any(resembles_site(text, url) is True for url in addresses if url)

    if not title or title_fault(title, *addresses):
        return None
    bare = without_feed_labels(title)
    if bare != title:  # "Russ Bishop (atom)", "Feed: Thoughtbrain Bloggers" (walk152 #6)
        return import_name(bare, *addresses) if bare else None
    if not names_site(title):
        return None
    section, on, site = title.rpartition(" on ")
    if on and section.strip() and names_site(site) and not names_site(section):
        return import_name(site.strip(), *addresses)  # "Breaking News on Seeking Alpha"
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    naming = [p.strip() for p in parts if names_site(p)]
    if len(parts) < 2 or len(naming) != 1:
        return title
    # A part cut inside brackets ("Collin Donnell (collin donnell » feed)") is no name: what comes
    # before the bracket left open is, when it still names the site; else the title whole.
    part = naming[0]
    opened = unclosed_bracket(part)
    if opened is None:
        return part
    before = part[:opened].strip()
    if before and unclosed_bracket(before) is None and names_site(before):
        return before
    return title


#: A web address, or a feeds.yaml field written into a title ("Name\n  - url: https://..."): no
#: part of a publication's name (walk127: written as `name: 'url: https://injected...'`).
_FIELD_OR_ADDRESS = re.compile(
    r"(?i)[a-z][a-z0-9+.-]*://|\bwww\.|(?:^|\s|-)(?:url|name|subjects|fetch_pages)\s*:"
)
#: A domain written in a title ("otherpaper.example.org", "Space.com").
_DOMAIN = re.compile(r"(?i)\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b")


def _same_site(domain: str, addresses: Iterable[str | None]) -> bool:
    """Whether `domain` (written in a title) is the site of one of `addresses`."""
    site = site_of(f"https://{domain.lower()}")
    return any(url and site_of(url) == site for url in addresses)


def title_fault(title: str, *addresses: str | None) -> str:
    """Why an OPML title is never a feed's `name:`, though it may resemble its site: it holds a
    web address or a feeds.yaml field, or names another site's domain (walk127: "Tech Roundup -
    otherpaper.example.org" for blog.myown.example.com was written `name:
    otherpaper.example.org`); "" when it is none of these."""
    if _FIELD_OR_ADDRESS.search(title):
        return "it holds a web address or a feeds.yaml field (`url:`), no publication's name"
    if "||" in title:  # (walk155 #1: feeds.yaml refuses such a name, so the import writes none)
        return (
            'it holds "||", which an issue prints between an article\'s author and its publication'
        )
    other = [d for d in _DOMAIN.findall(title) if not _same_site(d, addresses)]
    if other:
        return f"it names another site ({other[0]}) than the feed's"
    return ""


_BRACKETS = {")": "(", "]": "[", "}": "{"}

#: A feed reader's or feed's own label of the format, no part of the publication's name: at the
#: start ("Feed: ...", "RSS: ..."), at the end ("... Feed", "... RSS Feed", ": The Full Feed"),
#: and a last bracket naming it ("(atom)", "(rss 2.0)", "(rss (feedburner))", "(posts on
#: 'nataliepo' (rss 2.0))"): walk152 #6, each written as the `name:` credited as the publication.
_LABEL_START = re.compile(r"(?i)^(?:rss|atom|feed)\s*:\s*")
_LABEL_END = re.compile(
    r"(?i)(?:\s*[-:|\u2013\u2014]\s*|\s+)(?:the\s+)?(?:full\s+)?(?:(?:rss|atom|xml)\s+)?(?:feed|rss)$"
)
_LABEL_WORDS = re.compile(r"(?i)\b(?:rss|atom|feed|feedburner|posts on)\b")


def without_feed_labels(title: str) -> str:
    """`title` without the format labels a feed or reader adds to it (see `_LABEL_END`)."""
    text = title.strip()
    while True:
        before = text
        text = _LABEL_START.sub("", text).strip()
        text = _LABEL_END.sub("", text).strip()
        if text.endswith(")"):
            depth = 0
            for at in range(len(text) - 1, -1, -1):
                depth += {")": 1, "(": -1}.get(text[at], 0)
                if depth == 0:
                    if _LABEL_WORDS.search(text[at:]) and text[:at].strip():
                        text = text[:at].strip()
                    break
        if not _NAME_WORD.search(text):  # "The Feed" is a name, not "The" and a label
            return before
        if text == before:
            return text


_NAME_WORD = re.compile(r"(?i)\b(?!(?:the|a|an|my|our)\b)\w{2,}")


def unclosed_bracket(text: str) -> int | None:
    """Where the first bracket of `text` left open (or closed without opening) is; None when every
    bracket is closed in order."""
    stack: list[tuple[str, int]] = []
    for at, char in enumerate(text):
        if char in "([{":
            stack.append((char, at))
        elif char in _BRACKETS:
            if not stack or stack[-1][0] != _BRACKETS[char]:
                return stack[0][1] if stack else at
            stack.pop()
    return stack[0][1] if stack else None
