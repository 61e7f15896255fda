"""OPML and feeds.yaml: `feeds import` (a feed reader's subscriptions added to feeds.yaml in one
edit, folders as subject hints or new subjects) and `feeds export` (feeds.yaml's feeds as OPML).
The edit itself is `feedsfile.add_feeds`; which OPML titles become a feed's `name:` is
`feedsfile_titles`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from curator.feedsecrets import without_secrets
from curator.feedsfile import (
    FeedSpec,
    SubjectStub,
    add_feeds,
    item_url,
    load_rt,
    read_feeds,
    read_text,
    yaml_list,
)
from curator.feedsfile_titles import import_name, title_fault
from curator.opml import READER_FOLDERS, OpmlFeed, export_opml, read_opml
from curator.urls import feed_key


@dataclass(frozen=True)
class OpmlImport:
    """What `import_subscriptions` did."""

    added: tuple[FeedSpec, ...]
    #: Feeds already listed (by normalised URL), left as they are.
    skipped: tuple[FeedSpec, ...]
    #: Outlines that are not web feeds: (xmlUrl, text).
    rejected: tuple[tuple[str, str], ...]
    #: Folders (and categories) that name no subject, with how many feeds they hold; their feeds
    #: were added without that hint (or, with `add_subjects`, the folders became subjects).
    unknown_folders: tuple[tuple[str, int], ...] = ()
    #: The subjects added for those folders (`add_subjects`).
    subjects_added: tuple[SubjectStub, ...] = ()
    #: Folders not made subjects (`add_subjects`) because their names hold markup (`<`, `>` or
    #: `"`), which a page could read as HTML, or what a shell runs ("$(", "${", a backtick):
    #: (the name, its line in the OPML file or 0).
    subjects_refused: tuple[tuple[str, int], ...] = ()
    #: Added feeds whose OPML title is not their `name:` as it stands: (the title, the name
    #: written -- the part of the title that names the site -- or None, the feed's url).
    renamed: tuple[tuple[str, str | None, str], ...] = ()
    #: Feeds already listed (so left as they are) whose OPML folder is a subject they do not hint
    #: at in feeds.yaml: (the url, the `subjects:` the entry would need: its own, then the folders').
    unhinted: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Feeds the OPML file lists more than once (each added once): their second listings.
    repeated: tuple[FeedSpec, ...] = ()
    #: Whether the comments of the feeds added (the OPML title left out of `name:`) were
    #: written beside them: not in a feeds list written in [ ], where a comment would break the
    #: list across lines (walk47 new 4: the import said "each is a comment beside its feed").
    commented: bool = True
    #: The line of each rejected outline in the OPML file, by its value.
    rejected_lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    #: The site's page (htmlUrl) of each rejected outline that gives one, by its value.
    rejected_sites: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: Outlines with no feed address: (line, text, the site address they give or "").
    no_feed: tuple[tuple[int, str, str], ...] = ()
    #: Addresses read otherwise than written (`feed://`, a scheme written twice): (line, given,
    #: read, why).
    converted: tuple[tuple[int, str, str, str], ...] = ()
    #: Titles not written as `name:` for what they hold (`title_fault`): (line, title, why, url).
    faulty_titles: tuple[tuple[int, str, str, str], ...] = ()
    #: A feed reader's own folders ("Subscriptions", "Uncategorized"), passed over as hints and
    #: never made subjects: (the name, how many feeds it held).
    reader_folders: tuple[tuple[str, int], ...] = ()
    #: What to tell the editor when feeds.yaml was rewritten whole (its layout may have changed).
    rewritten: str | None = None
    #: Feeds not added for what the store knows of them, as `feeds add` refuses them (walk169
    #: #6: a feed that moved to a listed one, or whose page names one): (the feed, why).
    refused: tuple[tuple[FeedSpec, str], ...] = ()
    #: Feeds not added because reading them, as `feeds add` reads a feed, found no feed there (an
    #: HTTP 404, a web page, a server that did not answer): (the feed, why, what to do).
    unreadable: tuple[tuple[FeedSpec, str], ...] = ()

    def hint_lines(self) -> tuple[tuple[str, str], ...]:
        """(url, the `subjects: [...]` line to write under it) for each feed of `unhinted`, the
        names quoted wherever YAML needs it."""
        return tuple((url, f"subjects: {yaml_list(names)}") for url, names in self.unhinted)


#: How the comment an import writes beside a feed starts: the OPML title follows, JSON-quoted.
OPML_TITLE = "OPML title:"
_KEPT_TITLE = re.compile(r'#\s*OPML title:\s*("(?:[^"\\]|\\.)*")')


def _kept_titles(text: str, data: CommentedMap) -> dict[str, str]:
    """The OPML title an import kept as a comment beside each feed (`# OPML title: "..."`), by the
    feed's url as feeds.yaml (`text`, read as `data`) has it; feeds without one are not in it."""
    lines = text.splitlines()
    feeds = data.get("feeds")
    titles: dict[str, str] = {}
    if not isinstance(feeds, CommentedSeq):
        return titles
    for index, item in enumerate(feeds):
        url = item_url(item)
        if url is None:
            continue
        try:
            line = (
                item.lc.key("url")[0] if isinstance(item, CommentedMap) else feeds.lc.item(index)[0]
            )
        except (KeyError, TypeError, AttributeError):
            continue
        match = _KEPT_TITLE.search(lines[line]) if 0 <= line < len(lines) else None
        if match is None:
            continue
        try:
            title = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(title, str) and title.strip():
            titles.setdefault(url, " ".join(title.split()))
    return titles


def specs_from_opml(feeds: Iterable[OpmlFeed]) -> tuple[FeedSpec, ...]:
    """Feeds read from OPML as feeds.yaml entries: the title as name when it names the feed's site
    (`import_name`), else no name and the title in a comment; the enclosing folders and categories
    as subject hints."""
    specs = []
    for feed in feeds:
        if feed.name is not None:  # curator's own export: the `name:` as the editor wrote it
            # A feed exported without `name:` keeps the title the export gave it (the OPML title
            # kept beside it, else its own as read) as the same comment: the next export titles
            # it by that again (walk82 #1: every title became the feed's address after a trip).
            kept = " ".join(feed.title.split())
            comment = (
                f"{OPML_TITLE} {json.dumps(kept, ensure_ascii=False)} -- from curator's export,"
                " which gave it no name:"
                if not feed.name and kept and feed.title != feed.url
                else None
            )
            specs.append(
                FeedSpec(feed.url, feed.name or None, feed.subject_hints, comment, feed.fetch_pages)
            )
            continue
        title = " ".join(feed.title.split())
        name = import_name(title, feed.html_url, feed.url) if feed.title != feed.url else None
        comment = None
        if name != title and feed.title != feed.url:
            what = (
                "name: keeps its part naming the site"
                if name
                else "not the site's name, so no name:"
            )
            comment = f"{OPML_TITLE} {json.dumps(title, ensure_ascii=False)} -- {what}"
        specs.append(FeedSpec(feed.url, name, feed.subject_hints, comment, feed.fetch_pages))
    return tuple(specs)


def import_opml(
    path: Path, data: bytes, source: str, known_subjects: Sequence[str] | None = None
) -> tuple[tuple[FeedSpec, ...], tuple[FeedSpec, ...], tuple[tuple[str, str], ...]]:
    """Add every feed of an OPML file to feeds.yaml in one atomic edit: (added, skipped
    duplicates -- listed before, then repeated in the file --, rejected outlines as (xmlUrl, text)).
    See `import_subscriptions`."""
    done = import_subscriptions(path, data, source, known_subjects)
    return done.added, (*done.skipped, *done.repeated), done.rejected


def has_markup(name: str) -> bool:
    """Whether a name holds `<`, `>` or `"`: a page printing it unescaped would read it as HTML."""
    return any(ch in '<>"' for ch in name)


def has_shell_code(name: str) -> bool:
    """Whether a name holds "$(", "${" or a backtick: a shell runs what they enclose, were the
    name pasted unquoted (walk60 #1: an OPML folder `Zebra $(touch x) news`; curator quotes the
    names in the commands it advises, but the editor may type them elsewhere)."""
    return "`" in name or "$(" in name or "${" in name


def _unsafe_name(name: str) -> bool:
    return has_markup(name) or has_shell_code(name)


def import_subscriptions(
    path: Path,
    data: bytes,
    source: str,
    known_subjects: Sequence[str] | None = None,
    *,
    add_subjects: bool = False,
    refuse: Mapping[str, str] | None = None,
    check: Callable[[Sequence[FeedSpec]], Mapping[str, str]] | None = None,
    moved: Mapping[str, str] | None = None,
) -> OpmlImport:
    """Add every feed of an OPML file to feeds.yaml in one atomic edit.

    `refuse`: feeds not to add, by `feed_key`, each with why (what the store knows: it moved to
    a feed listed now); they are reported in `OpmlImport.refused`. `check`: given the feeds to
    add (none listed already), those that are no feed to add, by `feed_key`, each with why and
    what to do (`feeds add` reads an address before it adds it, and so does an import: walk169
    #6, a 404 was added); they are reported in `OpmlImport.unreadable`. `moved`: the feeds
    `check` found moved for good (a 301), by `feed_key`, each with its new address, which is
    written instead (walk184 #3: the old one was, unsaid).

    With `known_subjects`, folder names become subject hints only where they name one of them; the
    others are reported in `OpmlImport.unknown_folders`, or with `add_subjects` become subjects
    themselves (a stub each, after the last subject, for the editor to finish). A file that is not
    OPML raises `OpmlError` (naming `source`) before feeds.yaml is touched.
    """
    document = read_opml(data, source)
    specs = specs_from_opml(document.feeds)
    unknown: dict[str, tuple[str, int]] = {}
    stubs: list[SubjectStub] = []
    refused: tuple[tuple[str, int], ...] = ()
    passed: dict[str, tuple[str, int]] = {}
    if known_subjects is not None:
        by_fold = {name.casefold(): name for name in known_subjects}
        specs, passed = _without_reader_folders(specs, by_fold)
        for spec in specs:
            for hint in dict.fromkeys(" ".join(h.split()) for h in spec.subjects if h.strip()):
                if hint.casefold() not in by_fold:
                    name, count = unknown.get(hint.casefold(), (hint, 0))
                    unknown[hint.casefold()] = (name, count + 1)
        if add_subjects:
            stubs = [
                SubjectStub(name, f"the folder `{name}` of {Path(source).name}")
                for name, _ in unknown.values()
                if not _unsafe_name(name)
            ]
            refused = tuple(
                (name, document.hint_lines.get(name, 0))
                for name, _ in unknown.values()
                if _unsafe_name(name)
            )
            known_subjects = [*known_subjects, *(stub.name for stub in stubs)]
        specs = tuple(_known_hints(spec, known_subjects) for spec in specs)
    specs = _merged_repeats(specs)
    not_added: list[tuple[FeedSpec, str]] = []
    if refuse:
        kept: list[FeedSpec] = []
        for spec in specs:
            why = refuse.get(feed_key(spec.url))
            if why is None:
                kept.append(spec)
            elif all(feed_key(r.url) != feed_key(spec.url) for r, _ in not_added):
                not_added.append((spec, why))
        specs = tuple(kept)
    before = read_feeds(Path(path))
    listed = {feed_key(spec.url): spec.subjects for spec in before}
    unreadable: list[tuple[FeedSpec, str]] = []
    if check is not None:
        fresh: dict[str, FeedSpec] = {}
        for spec in specs:  # (each once, as first listed: a repeat is the same feed)
            if feed_key(spec.url) not in listed:
                fresh.setdefault(feed_key(spec.url), spec)
        found = check(list(fresh.values())) if fresh else {}
        if found:
            unreadable = [(spec, found[key]) for key, spec in fresh.items() if key in found]
            specs = tuple(spec for spec in specs if feed_key(spec.url) not in found)
        specs = tuple(
            replace(spec, url=moved[feed_key(spec.url)])
            if moved and feed_key(spec.url) in moved
            else spec
            for spec in specs
        )
    # The url: line as feeds.yaml has it (the OPML may give its https:// form, walk45 #7).
    lines = {feed_key(spec.url): spec.url for spec in before}
    flow = _in_brackets(Path(path))
    said: list[str] = []
    added, duplicates = add_feeds(path, specs, stubs, said)
    # Skipped: listed in feeds.yaml before; repeated: in the OPML twice (added once).
    skipped = tuple(spec for spec in duplicates if feed_key(spec.url) in listed)
    repeated = tuple(spec for spec in duplicates if feed_key(spec.url) not in listed)
    unhinted = tuple(
        (lines[feed_key(spec.url)], (*own, *missing))
        for spec in skipped
        for own in [listed.get(feed_key(spec.url), ())]
        for missing in [
            [h for h in spec.subjects if h.casefold() not in {o.casefold() for o in own}]
        ]
        if missing
    )
    # A feed listed twice is added as first listed, its title kept beside it from there too
    # (walk83 N4: the report named its second title, "World", the comment its first).
    titles: dict[str, str] = {}
    for feed in document.feeds:
        titles.setdefault(feed.url, " ".join(feed.title.split()))
    own = {feed.url for feed in document.feeds if feed.name is not None}
    renamed = tuple(
        (titles[spec.url], spec.name, spec.url)
        for spec in added
        if spec.comment and spec.url in titles and spec.url not in own
    )
    added_urls = {spec.url for spec in added if spec.name is None}
    faulty = tuple(
        (feed.line, title, why, feed.url)
        for feed in document.feeds
        if feed.url in added_urls and feed.name is None
        for title in [" ".join(feed.title.split())]
        if (why := title_fault(title, feed.html_url, feed.url))
    )
    return OpmlImport(
        added,
        skipped,
        document.rejected,
        tuple(unknown.values()),
        tuple(stubs),
        renamed=renamed,
        unhinted=unhinted,
        subjects_refused=refused,
        repeated=repeated,
        commented=not flow,
        rejected_lines=document.rejected_lines,
        rejected_sites=document.rejected_sites,
        no_feed=document.no_feed,
        converted=document.converted,
        faulty_titles=faulty,
        reader_folders=tuple(passed.values()),
        rewritten=said[0] if said else None,
        refused=tuple(not_added),
        unreadable=tuple(unreadable),
    )


def _without_reader_folders(
    specs: Sequence[FeedSpec], subjects: Mapping[str, str]
) -> tuple[tuple[FeedSpec, ...], dict[str, tuple[str, int]]]:
    """`specs` without the hints that are a feed reader's own folders (`READER_FOLDERS`) and no
    subject of `subjects` (by casefolded name); with those passed over: (name, feeds)."""
    passed: dict[str, tuple[str, int]] = {}
    kept: list[FeedSpec] = []
    for spec in specs:
        hints = []
        for hint in spec.subjects:
            fold = " ".join(hint.split()).casefold()
            if fold in READER_FOLDERS and fold not in subjects:
                name, count = passed.get(fold, (" ".join(hint.split()), 0))
                passed[fold] = (name, count + 1)
            else:
                hints.append(hint)
        kept.append(
            spec
            if len(hints) == len(spec.subjects)
            else FeedSpec(spec.url, spec.name, tuple(hints), spec.comment, spec.fetch_pages)
        )
    return tuple(kept), passed


def _merged_repeats(specs: Sequence[FeedSpec]) -> tuple[FeedSpec, ...]:
    """`specs` with the first listing of a feed the OPML lists more than once (by normalised URL)
    hinting at the subjects of all its listings: a feed under two folders that are both subjects
    kept only the first (walk82 #2). The later listings stay, for `add_feeds` to skip."""
    hints: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        key = feed_key(spec.url)
        hints[key] = tuple(dict.fromkeys((*hints.get(key, ()), *spec.subjects)))
    merged: list[FeedSpec] = []
    seen: set[str] = set()
    for spec in specs:
        key = feed_key(spec.url)
        if key not in seen and hints[key] != spec.subjects:
            spec = FeedSpec(spec.url, spec.name, hints[key], spec.comment, spec.fetch_pages)
        seen.add(key)
        merged.append(spec)
    return tuple(merged)


def _in_brackets(path: Path) -> bool:
    """Whether feeds.yaml's feeds list is a non-empty one written in [ ] (flow style), which an
    add keeps (an empty `feeds: []` becomes a block list)."""
    feeds = load_rt(path, read_text(path)).get("feeds")
    return isinstance(feeds, CommentedSeq) and bool(feeds) and feeds.fa.flow_style()


def _known_hints(spec: FeedSpec, known_subjects: Sequence[str]) -> FeedSpec:
    """Keep only the hints that name a configured subject (in its configured spelling): an OPML
    folder such as "Tech" that is no subject of this newsletter would make feeds.yaml invalid."""
    by_fold = {name.casefold(): name for name in known_subjects}
    hints = tuple(
        by_fold[h.casefold()]
        for h in (" ".join(h.split()) for h in spec.subjects)
        if h.casefold() in by_fold
    )
    return FeedSpec(spec.url, spec.name, hints, spec.comment, spec.fetch_pages)


def export_feeds(
    path: Path,
    now: datetime,
    title: str | None = None,
    feed_titles: Mapping[str, str] | None = None,
    no_secrets: bool = False,
) -> bytes:
    """feeds.yaml's feeds as an OPML 2.0 list (folders by first subject hint) for a feed reader.

    `title` defaults to the newsletter's title in feeds.yaml. Each feed's title is its `name:`,
    else the OPML title an import kept beside it (`_kept_titles`), else its own title as last read
    (`feed_titles`, by URL), else its address. Feeds given as
    local paths are left out: a feed reader elsewhere cannot read them. With `no_secrets`, each
    address is written without its password and secret query parameters (`without_secrets`).
    """
    feed_titles = feed_titles or {}
    path = Path(path)
    text = read_text(path)
    data = load_rt(path, text)
    kept = _kept_titles(text, data)
    if title is None:
        newsletter = data.get("newsletter")
        name = newsletter.get("title") if isinstance(newsletter, dict) else None
        title = str(name) if name else "curator feeds"
    # Each feed's `name:` (or none), `fetch_pages:` and place in the list ride along as curator's
    # own attributes, which a feed reader ignores and `feeds import` reads back (walk45 #4).
    written = without_secrets if no_secrets else str
    feeds = [
        OpmlFeed(
            written(spec.url),
            spec.name or kept.get(spec.url) or feed_titles.get(spec.url) or written(spec.url),
            None,
            spec.subjects,
            name=spec.name or "",
            fetch_pages=spec.fetch_pages,
            position=position,
        )
        for position, spec in enumerate(read_feeds(path), 1)
        if urlsplit(spec.url).scheme.lower() in {"http", "https"}
    ]
    return export_opml(feeds, title, now)
