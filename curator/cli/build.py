"""`curator build`, `draft`, `fetch` and `preview`: the weekly loop, from feeds to a published issue."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from curator.app import (
    BuildResult,
    build_from_draft,
    run_build,
    run_fetch,
    write_next_draft,
)
from curator.cli.common import CONFIG_OPTION, common_options, opened
from curator.cli.report import RunProgress, fetch_summary_dict, print_failures, print_warnings
from curator.config import Config, load_config
from curator.errors import CuratorError, InputError
from curator.preview import serve_until_interrupted


def require_feeds(config: Config) -> None:
    """Fetching needs at least one feed; say how to add one."""
    if not config.feeds:
        raise InputError(
            f"{config.path}: no feeds yet; add one with `curator feeds add URL` "
            "(a feed, or a site's address), or import a list with `curator feeds import FILE.opml`"
        )


@click.command()
@common_options
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write the issue. Default: settings.output in the config.",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="A folder of your templates, used before curator's own.",
)
@click.option("--no-fetch", is_flag=True, help="Build from what is stored; fetch nothing.")
@click.option(
    "--draft",
    "draft_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Publish exactly what this edited draft (from `curator draft`) says.",
)
def build(
    config: Path,
    db: Path | None,
    quiet: bool,
    as_json: bool,
    out: Path | None,
    templates: Path | None,
    no_fetch: bool,
    draft_file: Path | None,
) -> None:
    """Fetch the feeds and build the next issue (output/issue-N.html)."""
    with opened(config, db) as (conf, store):
        out_dir = out or conf.settings.output
        if draft_file is not None:
            result = build_from_draft(
                conf,
                store,
                draft_file,
                now=datetime.now(UTC),
                out_dir=out_dir,
                templates=templates,
            )
            report_build(result, quiet, as_json)
            return
        if not no_fetch:
            require_feeds(conf)
        if not quiet:
            click.echo(f"Fetching {len(conf.feeds)} feed(s) for {conf.title}", err=True)
        progress = RunProgress(quiet=quiet)
        try:
            result = run_build(
                conf,
                store,
                now=datetime.now(UTC),
                out_dir=out_dir,
                templates=templates,
                progress=progress.feed,
                page_progress=progress.pages,
                fetch=not no_fetch,
            )
        finally:
            progress.close()
    feeds = result.fetch.feeds
    # Not "nothing new": nothing could be read at all, and a scheduled run should say so.
    all_failed = result.issue is None and bool(feeds) and len(result.fetch.failed) == len(feeds)
    report_build(result, quiet, as_json, all_failed=all_failed)
    if all_failed:
        raise CuratorError(f"every feed failed ({len(feeds)}); no issue was built")


def report_build(
    result: BuildResult, quiet: bool, as_json: bool, *, all_failed: bool = False
) -> None:
    issue = result.issue
    main_page = next(
        (p for p in result.paths if issue and p.name == f"issue-{issue.number}.html"),
        result.paths[0] if result.paths else None,
    )
    if as_json:
        data: dict[str, Any] = {
            "issue": issue.number if issue else None,
            "path": str(main_page) if main_page else None,
            "files": [str(p) for p in result.paths],
            "articles_per_subject": {s.subject: len(s.entries) for s in issue.sections}
            if issue
            else {},
            **fetch_summary_dict(result.fetch),
            "warnings": list(result.warnings),
        }
        click.echo(json.dumps(data, indent=2))
    print_failures(result.fetch, quiet)
    print_warnings(result.warnings)
    if issue is None:
        if not as_json and not all_failed:
            click.echo("Nothing new to feature: no issue was written.")
        return
    if not as_json:
        count = sum(len(s.entries) for s in issue.sections)
        click.echo(
            f"Issue {issue.number}: {count} article(s) in {len(issue.sections)} subject(s)"
            f" -> {main_page}"
        )


@click.command()
@common_options
@click.option("--force", is_flag=True, help="Replace a draft of the same issue (losing its edits).")
def draft(config: Path, db: Path | None, quiet: bool, as_json: bool, force: bool) -> None:
    """Write the next issue as drafts/issue-N.md to review and edit; publishes nothing."""
    with opened(config, db) as (conf, store):
        written = write_next_draft(conf, store, now=datetime.now(UTC), force=force)
    if written is None:
        click.echo("Nothing new to feature: no draft was written.")
        return
    issue, path = written
    if as_json:
        click.echo(json.dumps({"issue": issue.number, "path": str(path)}))
        return
    click.echo(f"Draft of issue {issue.number}: {path}")
    click.echo(f"Edit it, then publish it with: curator build --draft {path}")


@click.command()
@CONFIG_OPTION
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The folder to serve. Default: settings.output in the config.",
)
@click.option(
    "--port",
    "-p",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="The port on 127.0.0.1 (0: any free port).",
)
def preview(config: Path, out: Path | None, port: int) -> None:
    """Serve the output folder on 127.0.0.1 to look at the issues in a browser."""
    folder = out if out is not None else load_config(config).settings.output
    serve_until_interrupted(folder, port, click.echo)


@click.command()
@common_options
def fetch(config: Path, db: Path | None, quiet: bool, as_json: bool) -> None:
    """Fetch the feeds and store new articles; build nothing."""
    with opened(config, db) as (conf, store):
        require_feeds(conf)
        if not quiet:
            click.echo(f"Fetching {len(conf.feeds)} feed(s) for {conf.title}", err=True)
        progress = RunProgress(quiet=quiet)
        try:
            summary = run_fetch(
                conf,
                store,
                now=datetime.now(UTC),
                progress=progress.feed,
                page_progress=progress.pages,
            )
        finally:
            progress.close()
    if as_json:
        click.echo(json.dumps(fetch_summary_dict(summary), indent=2))
    print_failures(summary, quiet)
    if not as_json:
        click.echo(f"{summary.new_articles} new article(s) stored.")
