"""The weekly run: fetch every feed, store new articles, select by subject, render and publish."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from curator import articles as article_rules
from curator.config import Config
from curator.draft import DraftEntry, draft_path, draft_to_issue, read_draft, write_draft
from curator.errors import CuratorError
from curator.harvest import (
    FeedReport,
    FetchSummary,
    PageProgress,
    Progress,
    fetch_settings,
    run_fetch,
)
from curator.models import Article, Issue
from curator.outputs import OUTPUTS, OutputError, load_archive, publish_outputs
from curator.placement import choose_sections
from curator.publish import write_atomic
from curator.render import environment
from curator.store import Store, StoreError


class BuildError(CuratorError):
    """The run cannot go on (another build holds the store, the output folder is not writable...)."""


@dataclass(frozen=True)
class BuildResult:
    fetch: FetchSummary
    #: The issue built, or None when there was nothing new to feature.
    issue: Issue | None
    paths: tuple[Path, ...] = field(default_factory=tuple)
    #: What the editor must hear about though the issue was published: a past issue's record that
    #: could not be read and so is missing from the archive page and the feed of issues.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Published:
    """The files an issue was written to, and what was left out of the archive on the way."""

    paths: tuple[Path, ...]
    warnings: tuple[str, ...] = ()


@contextmanager
def build_lock(store_path: Path) -> Iterator[None]:
    """One run at a time per store: a second one is refused at once with a clear message."""
    lock_path = store_path.with_name(store_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")  # noqa: SIM115 - held for the whole run
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildError(
                f"another curator run is using {store_path} (pid {holder}); "
                "wait for it to finish, then run again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def run_build(
    config: Config,
    store: Store,
    *,
    now: datetime,
    out_dir: Path,
    templates: Path | None = None,
    progress: Progress | None = None,
    page_progress: PageProgress | None = None,
    fetch: bool = True,
) -> BuildResult:
    """The weekly run: fetch, then build and publish the next issue (or nothing, if nothing is new)."""
    summary = FetchSummary((), 0)
    if fetch:
        summary = run_fetch(config, store, now=now, progress=progress, page_progress=page_progress)
    issue = next_issue(config, store, now=now)
    if issue is None:
        return BuildResult(summary, None)
    published = publish_issue(issue, config, out_dir, templates)
    store.record_issue(
        issue.number,
        issue.title,
        now,
        [(sec.subject, entry.article.id) for sec in issue.sections for entry in sec.entries],
    )
    return BuildResult(summary, issue, published.paths, published.warnings)


def publish_issue(issue: Issue, config: Config, out_dir: Path, templates: Path | None) -> Published:
    """Render the issue in every configured format and write the files atomically, with the archive
    page and the feed of issues; the paths written, and a warning per past issue whose record could
    not be read (it is missing from the archive page and the feed until the file is repaired)."""
    env = environment(templates or config.settings.templates)
    utm = config.utm or None
    formats = config.settings.outputs or OUTPUTS
    try:
        archive, warnings = load_archive(out_dir, env, site_url=config.site_url, utm=utm)
        paths = publish_outputs(
            issue,
            env=env,
            out_dir=out_dir,
            site_url=config.site_url,
            archive=archive,
            formats=formats,
            utm=utm,
        )
    except OutputError as exc:
        raise BuildError(str(exc)) from None
    except OSError as exc:
        raise BuildError(f"cannot write the issue to {out_dir}: {exc.strerror or exc}") from None
    # Said where the editor looks: the issue is out, but the archive lost an earlier one.
    missing = "; that issue is missing from the archive page and the feed of issues until the file"
    return Published(paths, tuple(f"{w}{missing} is repaired or restored" for w in warnings))


def next_issue(config: Config, store: Store, *, now: datetime) -> Issue | None:
    """The issue the weekly build would publish now (nothing is recorded), or None if nothing fits."""
    sections = choose_sections(config, store, now)
    if not sections:
        return None
    return Issue(
        number=store.next_issue_number(),
        # An issue is dated by its day; the store keeps the exact time it was published.
        date=now.replace(hour=0, minute=0, second=0, microsecond=0),
        title=config.title,
        editor=config.editor,
        introduction=config.introduction,
        sections=sections,
    )


def write_next_draft(
    config: Config, store: Store, *, now: datetime, force: bool = False
) -> tuple[Issue, Path] | None:
    """Write drafts/issue-<N>.md for the editor to review; records nothing as featured."""
    issue = next_issue(config, store, now=now)
    if issue is None:
        return None
    folder = config.settings.drafts or config.folder / "drafts"
    path = draft_path(folder, issue.number)
    if path.exists() and not force:
        raise BuildError(
            f"{path} exists already (your edits would be lost); "
            "build it with `curator build --draft`, or pass --force to replace it"
        )
    write_atomic(path, write_draft(issue, name=str(path)))
    return issue, path


def build_from_draft(
    config: Config,
    store: Store,
    draft_file: Path,
    *,
    now: datetime,
    out_dir: Path,
    templates: Path | None = None,
) -> BuildResult:
    """Publish exactly what the edited draft says; articles added by URL are read first."""
    draft = read_draft(draft_file)
    expected = store.next_issue_number()
    if draft.number != expected:
        raise BuildError(
            f"{draft_file}: the draft is issue {draft.number}, but the next issue is {expected}"
            + ("; it was published already" if draft.number < expected else "")
            + "; run `curator draft` for a fresh one, or correct `number:`"
        )
    descriptions = {s.name: s.description for s in config.subjects}
    known = _known_articles(store, draft.entries)
    issue, missing = draft_to_issue(draft, known, descriptions=descriptions)
    if missing:
        added = article_rules.articles_from_urls(config, missing, fetch_settings(config), now=now)
        store.add_articles(added.articles, feed_url=None, aliases=added.aliases)
        known = _known_articles(store, draft.entries)
        issue, missing = draft_to_issue(draft, known, descriptions=descriptions)
    if missing:
        lines = {e.url: e.line for e in draft.entries}
        where = ", ".join(f"line {lines.get(u, '?')}: {u}" for u in missing)
        raise BuildError(
            f"{draft_file}: cannot read the article(s) added by URL ({where}); "
            "check the address, or remove it from the draft"
        )
    if not issue.sections:
        raise BuildError(f"{draft_file}: the draft has no articles left; nothing to publish")
    published = publish_issue(issue, config, out_dir, templates)
    store.record_issue(
        issue.number,
        issue.title,
        now,
        [(sec.subject, entry.article.id) for sec in issue.sections for entry in sec.entries],
    )
    return BuildResult(FetchSummary((), 0), issue, published.paths, published.warnings)


def _known_articles(store: Store, entries: Sequence[DraftEntry]) -> dict[str, Article]:
    known = {}
    for entry in entries:
        article = store.article_by_url(entry.url)
        if article is not None:
            known[entry.url] = article
    return known


__all__ = [
    "BuildError",
    "BuildResult",
    "FeedReport",
    "FetchSummary",
    "Published",
    "StoreError",
    "build_lock",
    "publish_issue",
    "run_build",
    "run_fetch",
]
