"""`curator subjects ...`: why an article landed where it did, the editor's corrections, suggestions."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
import yaml

from curator.cli.common import CONFIG_OPTION, DB_OPTION, JSON_OPTION, opened
from curator.config import Config
from curator.errors import CuratorError
from curator.models import Article
from curator.placement import explain_article, suggest_subjects
from curator.store import Store
from curator.subjects import Suggestion


def _article(store: Store, url: str) -> Article:
    article = store.article_by_url(url)
    if article is None:
        raise CuratorError(
            f"no stored article at {url}; run `curator fetch` first, or check the address"
        )
    return article


def _subject_name(config: Config, name: str) -> str:
    for subject in config.subjects:
        if subject.name.casefold() == name.casefold():
            return subject.name
    names = ", ".join(f"`{s.name}`" for s in config.subjects)
    raise CuratorError(f"{config.path}: no subject `{name}`; the subjects are: {names}")


@click.group()
def subjects() -> None:
    """Explain, correct and suggest how articles are grouped by subject."""


@subjects.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("url")
@JSON_OPTION
def explain(config: Path, db: Path | None, url: str, as_json: bool) -> None:
    """Why the article at URL lands under its subject: scores and matching terms per subject."""
    with opened(config, db) as (conf, store):
        article = _article(store, url)
        explanation = explain_article(conf, store, article)
    # The text below reads the JSON form; its values are plain data of known shape.
    data: dict[str, Any] = explanation.to_dict()
    if as_json:
        click.echo(json.dumps(data, indent=2, default=str))
        return
    click.echo(f"{article.title}\n{article.url}")
    placed = data.get("subject") or "no subject"
    why = {"moved": " (moved there by the editor)", "excluded": " (excluded by the editor)"}
    click.echo(
        f"-> {placed}{why.get(str(data.get('correction')), '')}"
        f"; a subject needs a score of {float(data['threshold']):.3f}"
    )
    for row in data.get("scores", []):
        terms = ", ".join(f"{t['term']} {t['contribution']:.3f}" for t in row.get("terms", [])[:8])
        click.echo(
            f"  {row['score']:.3f}  {row['subject']}" + (f"\n         {terms}" if terms else "")
        )


@subjects.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("url")
@click.argument("subject")
def move(config: Path, db: Path | None, url: str, subject: str) -> None:
    """Put the article at URL under SUBJECT; similar articles will follow it there."""
    with opened(config, db) as (conf, store):
        name = _subject_name(conf, subject)
        article = _article(store, url)
        store.set_correction(article.id, name, now=datetime.now(UTC))
    click.echo(f"Moved to {name}: {article.title}")


@subjects.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("url")
def exclude(config: Path, db: Path | None, url: str) -> None:
    """Keep the article at URL out of every subject (and so out of every issue)."""
    with opened(config, db) as (conf, store):
        article = _article(store, url)
        store.set_correction(article.id, None, now=datetime.now(UTC))
    click.echo(f"Excluded: {article.title}")


@subjects.command()
@CONFIG_OPTION
@DB_OPTION
@click.option(
    "--count",
    "-k",
    type=click.IntRange(1, 20),
    default=None,
    help="How many subjects to propose (default: as many as the articles support).",
)
@JSON_OPTION
def suggest(config: Path, db: Path | None, count: int | None, as_json: bool) -> None:
    """Propose subjects for the articles that fit none of yours, ready to paste into feeds.yaml."""
    with opened(config, db) as (conf, store):
        found = suggest_subjects(conf, store, count)
    items: list[dict[str, Any]] = [_suggestion(s) for s in found]
    if as_json:
        click.echo(json.dumps(items, indent=2))
        return
    if not items:
        click.echo(
            "Every stored article fits one of your subjects (or there are too few left over)."
        )
        return
    for item in items:
        click.echo(f"# {item['name']}: {len(item['urls'])} article(s), e.g.")
        for url in item["urls"][:3]:
            click.echo(f"#   {url}")
        snippet = {
            "name": item["name"],
            "description": item["description"],
            "keywords": item["keywords"],
        }
        click.echo(yaml.safe_dump([snippet], sort_keys=False, allow_unicode=True, width=100))


def _suggestion(s: Suggestion) -> dict[str, Any]:
    return {
        "name": s.name,
        "description": s.description,
        "keywords": list(s.keywords),
        "urls": list(s.urls),
    }
