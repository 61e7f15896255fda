"""`curator extract`: what curator reads from article pages, so an editor can see why it credits them so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from curator.articles import read_page
from curator.blurb import choose_blurb
from curator.cli.common import note_json
from curator.errors import CuratorError
from curator.fetch import FetchRequest, FetchSettings, fetch_all
from curator.models import Page


def page_record(page: Page) -> dict[str, Any]:
    """The fields an editor cares about, JSON-ready."""
    return {
        "url": page.url,
        "title": page.title,
        "authors": list(page.authors),
        "publication": page.publication,
        "canonical_url": page.canonical_url,
        "description": page.description,
        "published": page.published.isoformat() if page.published else None,
        "language": page.language,
        "blurb": choose_blurb(
            description=page.description,
            text=page.text,
            summary=None,
            title=page.title,
            markup=False,
        ),
        "text_chars": len(page.text or ""),
    }


@click.command("extract")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    callback=note_json,
    help='One JSON object per page, per line (on failure, a last one: {"error": ..., "exit": N}).',
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Also read pages at private or local network addresses (an intranet).",
)
def extract(sources: tuple[str, ...], as_json: bool, allow_private: bool) -> None:
    """Show what curator reads from article pages (URLs or saved .html files), read exactly as
    the build reads them."""
    web = [s for s in sources if s.startswith(("http://", "https://"))]
    results = dict(
        zip(
            web,
            fetch_all(
                [FetchRequest(url, kind="page") for url in web],
                FetchSettings(deadline=30, allow_private=allow_private),
            ),
            strict=True,
        )
    )
    # A page that cannot be read is reported as it comes and the others are still shown; the
    # command then fails, saying how many.
    failed = 0
    for source in sources:
        if source in results:
            result = results[source]
            if not result.ok or result.content is None:
                click.echo(f"curator: {source}: {result.error}", err=True)
                failed += 1
                continue
            page = read_page(result.content, result.final_url, result.content_type)
        else:
            path = Path(source)
            try:
                data = path.read_bytes()
            except OSError as exc:
                click.echo(f"curator: {source}: cannot read: {exc.strerror}", err=True)
                failed += 1
                continue
            page = read_page(data, path.resolve().as_uri(), None)
        record = page_record(page)
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            show(record)
    if failed:
        raise CuratorError(f"{failed} of {len(sources)} page(s) could not be read (see above)")


def show(record: dict[str, Any]) -> None:
    authors = " and ".join(record["authors"]) or "(no author found)"
    click.echo(record["title"] or "(no title found)")
    click.echo(f"  {authors} || {record['publication'] or '(no publication found)'}")
    if record["canonical_url"]:
        click.echo(f"  {record['canonical_url']}")
    if record["published"]:
        click.echo(f"  published {record['published']}")
    click.echo(f"  {record['blurb'] or '(no blurb: no complete sentences found)'}")
    click.echo(f"  ({record['text_chars']} characters of article text)\n")
