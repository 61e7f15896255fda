"""A published issue as the store recorded it, for when its issue-N.json is not there: `render`
writes it again from there, and a build without the JSON edition (`settings: outputs` without
`json`) lists it so on the archive page and in the feed of issues (`archive_from_store`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

import jinja2

from curator.config import Config
from curator.draftbuild import stored_scores
from curator.models import Article, Issue, Scored, Section
from curator.oldlinks import published_addresses
from curator.outputs import ArchiveItem, archive_item, fragment_of
from curator.store import IssueRecord, Store


def issue_from_store(config: Config, store: Store, record: IssueRecord) -> Issue:
    """An issue as the store recorded it (when its issue-N.json is gone): its articles as it
    published them (title, credit, publication and blurb as edited in its draft), or, for an
    issue recorded before the store kept those, as stored."""
    descriptions = {s.name: s.description for s in config.subjects}
    renamed = {old.casefold(): new for old, new in store.subject_renames()}

    def description(subject: str) -> str:
        """The subject's description in feeds.yaml, under the name it has now when the editor
        renamed it since (`curator subjects rename`; walk62 #5: published as "")."""
        seen: set[str] = set()
        key = subject.casefold()
        while subject not in descriptions and key in renamed and key not in seen:
            seen.add(key)
            subject = renamed[key]
            key = subject.casefold()
        return descriptions.get(subject, "")

    sections: list[Section] = []

    def as_published(article_id: int) -> Article | None:
        article = store.article_by_id(article_id)
        shown = record.as_published.get(article_id)
        if article is None or shown is None:
            return article
        return replace(
            article,
            title=shown.title,
            authors=shown.authors,
            publication=shown.publication,
            blurb=shown.blurb,
            blurb_markdown=shown.blurb_markdown,
            url=shown.url,
        )

    for subject, article_id in record.featured:
        article = as_published(article_id)
        if article is None:
            continue
        if not sections or sections[-1].subject != subject:
            sections.append(Section(subject, description(subject)))
        last = sections[-1]
        also = tuple(
            (copy.publication or copy.url, copy.url)
            for of, copy_id in record.copies
            if of == article_id and (copy := as_published(copy_id)) is not None
        )
        entry = Scored(article, 0.0, also_covered_by=also)
        sections[-1] = replace(last, entries=(*last.entries, entry))
    # (its date and editor as published, a draft's edits too; an issue recorded before curator
    # kept them: the day it was published and feeds.yaml's editor)
    day = record.day
    scored = stored_scores(
        store,
        Issue(
            number=record.number,
            date=day,
            title=record.title,
            editor=(record.editor or None) if record.editor is not None else config.editor,
            introduction=record.introduction or "",
            sections=tuple(sections),
            theme=record.theme,
            closing=record.closing or "",
        ),
    )
    # (each section under the heading its issue-N.json corrected, kept by `_issue_kept`; scored
    # under its subject above)
    return replace(
        scored,
        sections=tuple(
            replace(sec, subject=record.headings.get(sec.entries[0].article.id, sec.subject))
            if sec.entries
            else sec
            for sec in scored.sections
        ),
    )


#: The warning `load_archive` gives of an issue-N.json it could not read: its path, its number,
#: why.
_LEFT_OUT = re.compile(r"^(.*issue-(\d+)\.json): left out of the archive: (.*)$", re.DOTALL)


def archive_from_store(
    config: Config,
    store: Store,
    archive: Sequence[ArchiveItem],
    warnings: Sequence[str],
    *,
    env: jinja2.Environment,
    number: int,
    utm: Mapping[str, str] | None = None,
) -> tuple[tuple[ArchiveItem, ...], tuple[str, ...], tuple[str, ...]]:
    """The archive of a build that writes no issue-N.json (`settings: outputs` without `json`):
    `archive` (the issues whose issue-N.json the folder holds, from a build that wrote it) with
    every other issue the store records before issue `number`, as the store recorded it, newest
    first; those of `warnings` (of the issue-N.json files that could not be read) whose issue
    is still left out; and a note per such file whose issue is listed from the store.

    Why: without `json`, the archive page and the feed of issues listed the newest issue alone,
    every build, without a word (walk187 #2), though `render --all` could list them all."""
    listed = {a.number for a in archive}
    items = list(archive)
    for record in store.issues(with_articles=True):
        if record.number in listed or record.number >= number:
            continue
        # (an address naming a user, as its build published it: without the user; walk187 #1)
        issue, _said = published_addresses(issue_from_store(config, store, record))
        fragment = fragment_of(issue, env, site_url=config.site_url, utm=utm, edition="feed")
        items.append(archive_item(issue, fragment))
    from_store = {a.number for a in items} - listed
    left, said = [], []
    for warning in warnings:
        found = _LEFT_OUT.match(warning)
        if found is None or int(found.group(2)) not in from_store:
            left.append(warning)
            continue
        said.append(
            f"{found.group(1)} cannot be read ({found.group(3)}): the archive page and the feed of"
            f" issues list issue {found.group(2)} as the store recorded it instead (settings:"
            " outputs writes no issue-N.json now: repair that file, or delete it)"
        )
    items.sort(key=lambda a: a.number, reverse=True)
    return tuple(items), tuple(left), tuple(said)
