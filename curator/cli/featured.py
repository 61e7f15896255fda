"""`curator featured add/list/remove`: the articles an earlier newsletter featured, before the
editor moved to curator (walk202 #1). No issue features one, stored now or fetched later, nor a
copy of one at another link (its canonical link, or the same text: the "same story" check of
the articles issues published); nothing of it teaches the subjects' model, as `subjects exclude`
does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from curator.cli.common import (
    CONFIG_OPTION,
    DB_OPTION,
    JSON_OPTION,
    QUIET_OPTION,
    WAIT_OPTION,
    echo,
    echo_json,
    shown_path,
)
from curator.cli.opening import opened
from curator.errors import CuratorError, InputError
from curator.models import FEATURED_BEFORE_CURATOR, Article
from curator.store import Store
from curator.urls import address_fault, scheme_left_out, url_key


def address_wrong(text: str) -> str:
    """What makes `text` (a line of the editor's list) no article's web address, with the fix;
    "" when it is one."""
    if not text.lower().startswith(("http://", "https://")):
        meant = scheme_left_out(text)
        if meant is not None:
            return f"it has no http:// or https:// in front: write {meant}"
        return "it is no web address (one starts with http:// or https://)"
    return address_fault(text)


def read_addresses(given: tuple[str, ...], from_file: Path | None) -> tuple[list[str], list[str]]:
    """The addresses of `given` and of the lines of `from_file` (blank lines and `#` comments
    skipped), and what is wrong with each one that is none (named by its line, or as typed)."""
    found: list[tuple[str, str]] = [(f'"{u}"', u.strip()) for u in given]
    if from_file is not None:
        try:
            text = from_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise InputError(
                f"{shown_path(from_file)} could not be read ({why}): give a text file of"
                " addresses, one a line; nothing was recorded"
            ) from None
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if line and not line.startswith("#"):
                found.append((f"{shown_path(from_file)} line {number}", line))
    good, bad = [], []
    for where, url in found:
        wrong = address_wrong(url)
        if wrong:
            bad.append(f'{where}: "{url}": {wrong}' if where[0] != '"' else f"{where}: {wrong}")
        else:
            good.append(url)
    return good, bad


@click.group()
def featured() -> None:
    """The articles your newsletter featured before you moved to curator.

    `add` records their addresses (stored articles or not yet fetched): no issue features them,
    nor a copy of one at another link. Unlike `subjects exclude`, nothing is learnt from them
    about your subjects."""


@featured.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("urls", metavar="[URL]...", nargs=-1)
@click.option(
    "--from", "from_file", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False),
    help="A text file of addresses, one a line (blank lines and # comments skipped).",
)  # fmt: skip
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def add(
    config: Path,
    db: Path | None,
    urls: tuple[str, ...],
    from_file: Path | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Record the articles at URL... (or listed in --from FILE) as featured before you moved
    to curator: no draft or build features them, stored now or fetched later, nor a copy of
    one. A line that is no address is named, and the others recorded. Exits 2 when one was."""
    if not urls and from_file is None:
        raise InputError("give the articles' addresses, or --from FILE (one address a line)")
    good, bad = read_addresses(urls, from_file)
    with opened(config, db, create=True) as (_, store):
        given = rows = list({url_key(u): u for u in good}.items())
        found = {k: article for k, u in rows if (article := store.article_by_url(u)) is not None}
        # (walk205 #4: one curator's own issue featured was "recorded as featured before you
        # moved to curator"; that issue keeps it out of later ones already)
        issued = {k: n for k, a in found.items() if (n := _issue_featuring(store, a)) is not None}
        rows = [(k, u) for k, u in rows if k not in issued]
        new = set(store.record_featured_before(rows))
        stored = {k for k, _ in rows if k in found}
    recorded = [u for k, u in rows if k in new]
    again = [u for k, u in rows if k not in new]
    data: dict[str, Any] = {
        "recorded": recorded,
        "recorded_before": again,
        "stored": [u for k, u in rows if k in stored],
        "not_stored_yet": [u for k, u in rows if k not in stored],
        "refused": bad,
        "featured_by_issue": [{"url": u, "issue": issued[k]} for k, u in given if k in issued],
    }
    said = [
        f"Not recorded: issue {issued[k]} featured {u} (no later issue features it again)."
        for k, u in given
        if k in issued
    ]
    if recorded:
        waiting = sum(1 for k, _ in rows if k in new and k not in stored)
        said.append(
            f"Recorded {len(recorded)} address{'es' if len(recorded) != 1 else ''} as"
            f" {FEATURED_BEFORE_CURATOR.split(' (')[0]}: no issue features"
            f" {'them' if len(recorded) != 1 else 'it'}, nor a copy at another link"
            + (
                f" ({waiting} not fetched yet: left out when a fetch stores them)"
                if waiting
                else ""
            )
            + "."
        )
    if again:
        said.append(f"{len(again)} recorded before already: {', '.join(again)}.")
    failure = None
    if bad:
        failure = InputError(
            f"{len(bad)} line{'s are' if len(bad) != 1 else ' is'} no article's address, not"
            f" recorded (the others were): " + "; ".join(bad)
        )
    if as_json:
        echo_json(data, failure=failure)
    else:
        for line in said:
            echo(line)
    if failure is not None:
        raise failure


def _issue_featuring(store: Store, article: Article) -> int | None:
    """The first issue of the store that featured the stored `article`, if one did."""
    if article.id is None:
        return None
    issues = store.issues_featuring(article.id)
    return issues[0] if issues else None


@featured.command("list")
@CONFIG_OPTION
@DB_OPTION
@click.option(
    "--unmatched", is_flag=True,
    help="Only the addresses no stored article is at (a typo, an old link that now redirects"
    " elsewhere: record the article's address as its feed gives it).",
)  # fmt: skip
@JSON_OPTION
def list_(config: Path, db: Path | None, unmatched: bool, as_json: bool) -> None:
    """The addresses recorded as featured before you moved to curator, and whether the article
    at each is stored yet."""
    with opened(config, db, reading=True) as (_, store):
        rows = store.featured_before()
    if unmatched:
        rows = [r for r in rows if r[2] is None]
    if as_json:
        echo_json([{"url": u, "recorded_at": at, "stored_title": title} for u, at, title in rows])
        return
    if not rows:
        echo(
            "Every address recorded as featured before you moved to curator is a stored article's."
            if unmatched
            else "No address is recorded as featured before you moved to curator."
        )
        return
    for url, _, title in rows:
        echo(f"{url}  {title if title is not None else '(not fetched yet)'}")


@featured.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("urls", metavar="URL...", nargs=-1, required=True)
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def remove(
    config: Path, db: Path | None, urls: tuple[str, ...], quiet: bool, as_json: bool
) -> None:
    """Forget that the articles at URL... were featured before: an issue may feature them
    again. Exits 1 when none of them was recorded."""
    with opened(config, db) as (_, store):
        gone = set(store.forget_featured_before([url_key(u) for u in urls]))
    forgotten = [u for u in dict.fromkeys(urls) if url_key(u) in gone]
    unknown = [u for u in dict.fromkeys(urls) if url_key(u) not in gone]
    if as_json:
        echo_json({"removed": forgotten, "not_recorded": unknown})
    else:
        if forgotten:
            echo(f"Forgot {len(forgotten)}: an issue may feature {', '.join(forgotten)} again.")
        if unknown:
            echo(f"Not recorded as featured before: {', '.join(unknown)}.", err=True)
    if not forgotten:
        raise CuratorError("none of these addresses was recorded as featured before")


def unmatched_note(store: Store) -> tuple[int, str | None]:
    """How many addresses recorded as featured before match no stored article, and the line a
    fetch says of them when one is new since it last said it (None otherwise): a typo or an old
    link that redirects never matches the article its feed gives (walk205 #1)."""
    count, new = store.unmatched_unsaid()
    if not new:
        return count, None
    return count, (
        f"{count} address{'es' if count != 1 else ''} recorded as featured before"
        f" match{'' if count != 1 else 'es'} no stored article: `curator featured list"
        " --unmatched` (a typo, or an old link that redirects: record the article's address"
        " as its feed gives it; one not fetched yet is left out when a fetch stores it)"
    )
