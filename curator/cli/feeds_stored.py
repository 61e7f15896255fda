"""What the store knows of a feed being added, as `feeds add` and `feeds import` say it: its articles
stored from before it was removed, entries the same as a listed feed's, a move to a feed listed
now, an address gone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from curator.cli.common import echo, warn
from curator.cli.opening import opened
from curator.config import Config
from curator.errors import feeds_remove_command
from curator.feedsecrets import secrets_masked_in, secrets_shown
from curator.urls import feed_key


def held_already(
    conf: Config, config: Path, address: str, *, named: bool = False, err: bool = False
) -> None:
    """Say what the store holds already of the feed just added: one removed earlier and added
    back (walk150 #7: "Added ..." alone, while 5,000 of its articles were stored). `named`: say
    which feed (`feeds import` adds several; walk155 #6: it took none of them back)."""
    if not conf.settings.store.exists():
        return
    forms = [address]
    if not address.startswith(("http://", "https://")):  # a local file: stored by its full path
        forms.append(str((config.parent / address).resolve()))
    with opened(config, None) as (_, store):
        back = store.undrop_feed_waiting(forms)
        total, unfeatured, dead = store.feed_articles(forms)
    if not total:
        return
    gone = f" ({dead} more are dead links, pages gone: never picked)" if dead else ""
    dropped = f", {back} of them left out by its removal until now" if back else ""
    echo(
        f"The store still holds {total} article(s) of "
        + (secrets_shown(address) if named else "this feed")
        + ", from before it was removed:"
        f" {unfeatured - dead} no issue featured{dropped}, which can be picked for the next"
        f" issues again{gone}",
        err=err,
    )


def same_entries(conf: Config, config: Path, address: str, keys: Sequence[str]) -> str | None:
    """Warn when most of the entries of the feed just added are stored articles of a listed feed:
    the same feed at another address (a renamed file, a mirror) adds nothing but a second line
    (walk47 new 3: gulp.xml added beside gulp-new.xml, "Added" and nothing more). Only what the
    store holds is compared: a listed feed never fetched is not. The listed feed's address when
    it warned (`feeds import --json` marks the copy: walk183 #1)."""
    if not keys or not conf.settings.store.exists():
        return None
    specs = {source.url: source for source in conf.feeds}  # as the store has them (resolved)
    with opened(config, None, lock=False, reading=True) as (_, store):
        held = store.feeds_holding(keys)
        moves = store.advised_moves()
        states = {url: store.feed_state(url) for url in held}
    for stored, count in sorted(held.items(), key=lambda item: -item[1]):
        listed = specs.get(stored)
        if listed is None or feed_key(listed.url) == feed_key(address) or count * 2 <= len(keys):
            continue
        named = f" ({listed.name})" if listed.name else ""
        # (each address's secret masked, as every command says it: fixlp #1)
        new, old = secrets_shown(address), secrets_shown(listed.url)
        share = "all" if count >= len(keys) else f"{count}"
        # walk169 #5: the listed feed moved here (a 301 recorded, or its page named this feed),
        # or its address is gone: the old line is the one to remove, not the new.
        moved = moves.get(stored)
        state = states[stored]
        why = (
            f"its address moved to {new}"
            if moved and feed_key(moved) == feed_key(address)
            else f"its address now answers {secrets_masked_in(state.last_error)}"
            if state.last_error and (state.gone or state.last_error.startswith("HTTP 404"))
            else None
        )
        # (said with warn: `feeds import --json` holds it in `warnings`, walk183 #1)
        if why:
            warn(
                f"{new} serves the same articles as {old}{named},"
                f" already in the feeds list, and {why}: remove the old one,"
                f" {feeds_remove_command(old)}; once it is removed, a fetch carries its"
                f" stored articles over to {new}"
            )
            return listed.url
        warn(
            f"{new} serves the same articles as {old}{named}, already"
            f" in the feeds list: {share} of its {len(keys)} entries are stored as that feed's."
            f" If it is the same feed (a new address, a copy), remove one:"
            f" {feeds_remove_command(new)}; it adds nothing but a second line in {config}"
        )
        return listed.url
    return None


def moved_to_listed(conf: Config, config: Path) -> dict[str, str]:
    """The feeds the store knows moved (a 301, a page naming its new feed, a replacement the
    editor made as advised) to a feed listed now, by `feed_key`, each with why it is not added
    again: "it moved to URL (line 12), listed already" (walk169 #6: an import re-added them)."""
    if not conf.settings.store.exists():
        return {}
    with opened(config, None, lock=False, reading=True) as (_, store):
        moves = store.recorded_moves()
    listed = {feed_key(s.url): s for s in conf.feeds}
    refuse: dict[str, str] = {}
    for old, new in moves.items():
        spec = listed.get(feed_key(new))
        if spec is None or feed_key(old) in listed:
            continue
        line = f" (line {spec.line})" if spec.line else ""
        refuse[feed_key(old)] = f"it moved to {secrets_shown(spec.url)}{line}, listed already"
    return refuse


def gone_error(error: object) -> bool:
    """Whether a feed's last error says its address is gone: a 404 is "gone" as a 410 is, as the
    build's advice and README say of both (walk126 #5: a 404 was listed "failing", a 410
    "gone")."""
    return str(error or "").startswith("HTTP 404")
