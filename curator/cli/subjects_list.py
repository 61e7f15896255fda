"""`curator subjects list/uncertain/overlap/suggest`: where articles went, the articles the model
is least sure of, the subjects it confuses, and suggestions for what fits none."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
import yaml

from curator.cli.common import (
    CONFIG_OPTION,
    DB_OPTION,
    JSON_OPTION,
    QUIET_OPTION,
    WAIT_OPTION,
    composed_names,
    echo,
    echo_json,
    warn,
)
from curator.cli.opening import opened
from curator.cli.streams import changes_nothing
from curator.cli.subjects_working import working
from curator.config import MAX_KEYWORDS, Config
from curator.errors import InputError, shell_arg
from curator.models import FEATURED_BEFORE_CURATOR, Placed, published_in
from curator.placement import (
    CORPUS_SAMPLE,
    keyword_homes,
    pending,
    placed_articles,
    renamed_to,
    stale_moves,
    stale_moves_advice,
    subject_overlaps,
    suggest_subjects,
    uncertain_articles,
)
from curator.possessive import possessive
from curator.render import published_mark
from curator.store import FEED_DROPPED, LOCAL_FILE, Store
from curator.storeerrors import StoreError, read_only_source
from curator.subjects import (
    CHANCE_SHARE,
    WORDS_ALIKE,
    shared_keywords,
    shared_keywords_text,
    stored_elsewhere,
)
from curator.suggest import MIN_SUGGESTION_SIZE, Lean

#: What `subjects suggest` says it does, after placing (10 s on a 100,000 store: walk81 #5).
SUGGESTING = "looking for subjects among the articles that fit none of yours"


#: --newest N and --all: how many of the newest articles `uncertain` and `overlap` look at
#: (walk160 #6: they looked at the 3,000 newest of 83,628 and said so only on stderr).
def window_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option(
        "--all",
        "every",
        is_flag=True,
        help="Look at every article, not only the newest (slower on a large archive).",
    )(fn)
    return click.option(
        "--newest",
        type=click.IntRange(1),
        default=None,
        metavar="N",
        help=f"Look at the N newest articles. Default: {CORPUS_SAMPLE:,}.",
    )(fn)


def _scanned(of: int, newest: int | None, every: bool) -> int:
    """How many of the `of` articles `uncertain` or `overlap` look at: the newest
    `CORPUS_SAMPLE`, or `newest`, or with `every` all of them."""
    return of if every else min(newest or CORPUS_SAMPLE, of)


def _among(scanned: int, of: int, kind: str, command: str) -> None:
    """The line on stdout that says which articles a report looked at, when not all of them
    (walk160 #6: README said "the N least sure", of the 3,000 newest alone)."""
    if scanned < of:
        echo(
            f"Among the {scanned:,} newest of {of:,} {kind} (`curator subjects {command} --all`"
            " looks at every one, `--newest N` at the N newest):"
        )


def _homes_hint(subject: str, homes: Sequence[tuple[str, int]]) -> str:
    """Why a subject no article is under is empty while its keywords are used: the subject
    those articles fit better (walk176 #9: a split subject's new half, a bare 0)."""
    (home, n), rest = homes[0], sum(k for _, k in homes[1:])
    more = f" (and in {rest} under other subjects)" if rest else ""
    some = "1 article" if n == 1 else f"{n} articles"
    return (
        f'no article fits "{subject}" better than "{home}"; its keywords are in {some} under'
        f" {home}{more}: move one or two of those that belong to it there to teach it"
        f" (`curator subjects list --subject {shell_arg(home)}` lists them, `curator subjects"
        f" move URL {shell_arg(subject)}` moves one)"
    )


def _unplaced_parts(rows: list[Placed]) -> str:
    """The parts of the articles under no subject, as the build counts them apart: ": 9 in no
    issue yet that fit none of your subjects, 4 you excluded" (walk168 #8: the build said 9, the
    list "No subject (13)"); "" when they are all of the first kind."""
    excluded = sum(p.correction == "excluded" for p in rows)
    featured = sum(bool(p.featured_in) and p.correction != "excluded" for p in rows)
    dead = sum(bool(p.dead_link) and not p.featured_in and p.correction != "excluded" for p in rows)
    rest = len(rows) - excluded - featured - dead
    if rest == len(rows):
        return ""
    parts = [f"{rest} in no issue yet that fit none of your subjects"]
    parts += [f"{excluded} you excluded"] if excluded else []
    parts += [f"{featured} featured by an issue"] if featured else []
    parts += [f"{dead} never picked (link)"] if dead else []
    return ": " + ", ".join(parts)


def _subject_named(conf: Config, store: Store, name: str) -> str:
    """The subject `name` names (`Config.subject_named`); for a subject that feeds.yaml no
    longer has but the editor's moves still name, the error says what became of those moves."""
    left = {n.casefold(): (n, k) for n, k in stale_moves(conf, store.corrections()).items()}
    if name.casefold() in left and name.casefold() not in {
        s.name.casefold() for s in conf.subjects
    }:
        former, n = left[name.casefold()]
        new, candidates = renamed_to(conf, store.corrections(), former, store.published_subjects())
        advice = stale_moves_advice(former, new=new, candidates=candidates)
        raise InputError(
            f'{conf.path}: no subject "{former}" any longer; the {n} article(s) you moved to it'
            f" are placed as if never moved; {advice}"
        )
    return conf.subject_named(name)


#: `subjects list --json`'s row for a subject no article is under: an article's keys, empty.
_NO_ARTICLE: dict[str, object] = {
    "url": None,
    "title": None,
    "publication": None,
    "score": None,
    "placed_by": None,
    "correction": None,
    "featured_in": None,
    "published_under": None,
    "printed_under": None,
    "own_section": False,
    "dead_link": None,
    "copy_of": None,
    "featured_before_curator": False,
}


@click.command("list")
@CONFIG_OPTION
@DB_OPTION
@click.option(
    "--subject",
    "-s",
    metavar="NAME",
    callback=composed_names,
    help="Only the articles under this subject.",
)
@click.option("--unplaced", is_flag=True, help="Only the articles under no subject.")
@click.option(
    "--limit", "-n", type=click.IntRange(1), default=None,
    help="The first N articles of each subject (and of no subject).",
)  # fmt: skip
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def list_(
    config: Path,
    db: Path | None,
    subject: str | None,
    unplaced: bool,
    limit: int | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Every stored article by subject, best score first, with who placed it (the editor or
    curator), the issue that featured it, and whether its link is dead (its page answered 404
    or 410: never picked for an issue)."""
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    if subject is not None and unplaced:
        raise InputError("--subject and --unplaced: give one or the other")
    with opened(config, db, reading=True) as (conf, store):
        name = _subject_named(conf, store, subject) if subject is not None else None
        work = pending(conf, store)
        # (with nothing to place, reading 100,000 articles by subject took 5.5 s without a line:
        # walk101 #4; a line every ~2 s says it goes on)
        reading = None if work else "reading the stored articles by subject"
        with working(quiet, work, reading) as progress:
            found = placed_articles(
                conf, store, name, unplaced=unplaced, limit=limit, say=warn, progress=progress
            )
        totals = store.placement_counts()
        # (walk205 #3: no mark said it was featured before the editor moved to curator)
        before = store.featured_before_ids()
        stored_any = store.newest_article_id() > 0
        # A subject no article is under is listed too, with 0, in its place (walk33 #4: a
        # planned theme left empty by a move disappeared from the list), unless nothing is
        # stored at all; with where the articles using its keywords are (walk176 #9).
        empty: list[str | None] = []
        if found and name is None and not unplaced:
            empty = [s.name for s in conf.subjects if s.name not in {p.subject for p in found}]
        homes = {r: keyword_homes(conf, store, r) for r in empty if r is not None}
    order: dict[str | None, int] = {s.name: i for i, s in enumerate(conf.subjects)}
    rows: list[Placed | str | None] = sorted(
        [*found, *empty],
        key=lambda r: order.get(r.subject if isinstance(r, Placed) else r, len(order)),
    )
    if as_json:
        echo_json(
            [
                {
                    **r.to_dict(),
                    "subject_total": totals.get(r.subject, 0),
                    "featured_before_curator": r.article.id in before,
                }
                if isinstance(r, Placed)
                else {**_NO_ARTICLE, "subject": r, "subject_total": 0}
                for r in rows
            ]
        )
        return
    if not found:
        # (walk127: "there yet" was said with articles stored, none of them unplaced)
        echo(
            "No stored article is unplaced."
            if unplaced and stored_any
            else "No stored article there yet."
        )
        return
    heading: object = object()
    subject_names = [s.name for s in conf.subjects]
    shared = shared_keywords(conf.subjects)
    for r in rows:
        if not isinstance(r, Placed):
            echo(f"\n{r} (0)")
            echo("  no article is under it")
            said = False
            for (i, k), words in shared.items():  # (walk153 #5: why, when it shares keywords)
                if r in (subject_names[i], subject_names[k]):
                    echo(f"  {shared_keywords_text(words, subject_names[i], subject_names[k], r)}")
                    said = True
            if not said and r in homes and homes[r]:
                echo(f"  {_homes_hint(r, homes[r])}")
            continue
        p = r
        if p.subject != heading:
            heading = p.subject
            count = sum(q.subject == p.subject for q in found)
            total = totals.get(p.subject, count)
            shown = f"{count} of {total}" if count < total else f"{count}"
            if p.subject is None and count == total:
                shown += _unplaced_parts([q for q in found if q.subject is None])
            echo(f"\n{p.subject or 'No subject'} ({shown})")
        who = {"moved": "  [moved by you]", "excluded": "  [excluded by you]"}.get(
            p.correction or "", ""
        )
        featured = f"  [issue {p.featured_in}]" if p.featured_in else ""
        if (
            p.featured_in
            and p.published_under is not None
            and p.published_under.casefold()
            not in {n.casefold() for n in (p.subject or "", *subject_names)}
        ):
            # walk86 #1: re-filed without a word after its subject left feeds.yaml
            featured = (
                f"  [issue {p.featured_in} published it under"
                f" {published_mark(str(p.printed_under or p.published_under), p.published_under, subject_names, own=p.own_section)}]"
            )
        if not featured and p.article.id in before:
            featured = f"  [{FEATURED_BEFORE_CURATOR.split(' (')[0]}]"
        dead = ""
        if p.dead_link == LOCAL_FILE and not p.featured_in:
            dead = "  [a local file, not a web address: never picked for an issue]"
        elif p.dead_link == FEED_DROPPED and not p.featured_in:
            dead = f"  [{FEED_DROPPED}: never picked for an issue]"
        elif p.dead_link and not p.featured_in:
            # (a reason that says itself, "its page now says ...", is not "answered" again:
            # walk138 NEW-5 read "its page answered its page now says it is not found")
            why = (
                p.dead_link
                if p.dead_link.startswith(("its link", "its page"))
                else f"its page answered {p.dead_link}"
            )
            dead = f"  [dead link: {why}; never picked for an issue]"
        if p.copy_of and not dead:
            told, number = p.copy_of
            dead = (
                f'  [a copy of "{told.title}", {published_in(number)}: never picked for an issue]'
            )
        echo(f"  {p.score:5.3f}  {p.title}{who}{featured}{dead}")
        echo(f"         {p.article.url}")


@click.command()
@CONFIG_OPTION
@DB_OPTION
@click.option(
    "--limit", "-n", type=click.IntRange(1, 500), default=20, show_default=True,
    help="How many articles to list.",
)  # fmt: skip
@window_options
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def uncertain(
    config: Path,
    db: Path | None,
    limit: int,
    newest: int | None,
    every: bool,
    quiet: bool,
    as_json: bool,
) -> None:
    """The articles the model is least sure of (between two subjects, or near the no-subject
    bar), least sure first: the ones where your `move` or `exclude` teaches the most. It looks
    at the 3,000 newest unfeatured articles (--newest N, --all: more)."""
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    with opened(config, db, reading=True) as (conf, store):
        of = store.article_count(unfeatured=True)
        scanned = _scanned(of, newest, every)
        kind = f"unfeatured article{'s' * (scanned != 1)}"
        with working(quiet, f"scoring the {scanned:,} newest {kind}"):
            found, listing = uncertain_articles(conf, store, limit, warn, newest=scanned)
        current = store.upgraded_in_copy is None
    _remember_listed(conf, db, listing, current)
    if as_json:
        # (each with the window it was found in: the list stays a list for scripts)
        echo_json([{**u.to_dict(), "scanned": scanned, "of": of} for u in found])
        return
    _among(scanned, of, "unfeatured articles", "uncertain")
    if not found:
        echo(
            "No unfeatured article to review: curator is unsure of none (each is well ahead of"
            " any other subject, and well over or under the no-subject bar)."
        )
        return
    for u in found:
        if u.subject is None:
            why = f"no subject, though {u.runner_up} came close (just under the no-subject bar)"
        elif u.one_word is not None:
            why = f"fits on one word: {u.one_word.why()}"
        elif u.like_excluded is not None:
            why = (
                f"{u.subject}, but {u.like_excluded.why()}: if it is off the subject,"
                f" `curator subjects exclude {shell_arg(u.url)}`"
            )
        elif u.keywords_only is not None:
            why = (
                f"{u.keywords_only.why()}: if it is off the subject,"
                f" `curator subjects exclude {shell_arg(u.url)}`"
            )
        elif u.reason == "weak fit" and u.subject and u.weak_bar is not None:
            # (walk194 #5: explain and themes called it a weak fit, uncertain "sure")
            why = (
                f"{u.subject}, but a weak fit: score {u.score:.3f} is under"
                f" {possessive(u.subject)} own bar {u.weak_bar:.3f}, so it may be off the subject:"
                f" if it is, `curator subjects exclude {shell_arg(u.url)}`"
            )
        elif u.reason == "between" and u.runner_up:
            why = (
                f"{u.subject} ({u.score:.3f}), or {u.runner_up} ({u.second:.3f}): not far enough"
                " apart to be sure"
            )
        else:
            why = f"{u.subject}, just over the no-subject bar"
        echo(f"{u.title}\n  {u.url}\n  {why}")
        if u.listed_before:  # (after the others: walk129 #5)
            # Where it is stored, which may not be where the model would now place it: the
            # command pins the subject it is under (walk136 #4: a post under no subject was
            # given `move URL 'Mac hardware'` as pinning it "there", which moved it).
            where = u.stored_under if u.stored_differs else u.subject
            if where:
                pin = f"curator subjects move {shell_arg(u.url)} {shell_arg(where)}"
                echo(f"  listed before, left under {where}: `{pin}` pins it there")
            else:
                pin = f"curator subjects exclude {shell_arg(u.url)}"
                echo(
                    "  listed before, left under no subject: nothing pins it there; to keep it"
                    f" out of every subject (never featured): `{pin}`"
                )
        if u.stored_differs:
            echo(f"  {stored_elsewhere(u.stored_under, u.subject)}")
        for url, subject, same in u.same_story:
            where = subject or "no subject"
            echo(f"  the same story is also at {url} ({same}; under {where}): correct each address")
    if len(found) < limit:
        echo(
            f"\nOnly {len(found)} listed, not {limit}: curator is sure of every other article it"
            " looked at (each well ahead of any other subject, well over or under the"
            " no-subject bar, and over its subject's own bar: no weak fit)."
        )
    echo(
        "\nPut each where it belongs: `curator subjects move URL SUBJECT`, or keep it out of"
        " every subject: `curator subjects exclude URL`."
    )


def _remember_listed(
    conf: Config, db: Path | None, listing: dict[str, str | None], current: bool
) -> None:
    """What `uncertain` listed, remembered in the newsletter's own store (so that the next
    listing puts those left where they are last: walk129 #5), in a write of its own: the one
    thing the command writes. A store given with --db (a backup, a copy) is only read (walk150
    #4: `themes --db BACKUP.db` rewrote the backup), and so is one of an older curator or on a
    read-only file system: not remembered there."""
    path = conf.settings.store
    if not current or (db is not None and Path(os.path.abspath(db)) != Path(os.path.abspath(path))):
        return
    if read_only_source(path) is not None:
        return
    try:
        with Store.open(path) as store:
            store.record_uncertain_listed(listing)
    except StoreError as exc:  # (the listing is shown all the same; only its memory is lost)
        warn(f"the articles listed could not be remembered, to list them last next time: {exc}")


@click.command()
@CONFIG_OPTION
@DB_OPTION
@window_options
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def overlap(
    config: Path, db: Path | None, newest: int | None, every: bool, quiet: bool, as_json: bool
) -> None:
    """The subjects the model confuses: the articles that sit between each pair, and the words
    that tell them apart (add them to a subject's keywords). It looks at the 3,000 newest
    articles (--newest N, --all: more)."""
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    with opened(config, db, reading=True) as (conf, store):
        of = store.article_count()
        scanned = _scanned(of, newest, every)
        kind = f"article{'s' * (scanned != 1)}"
        with working(quiet, f"scoring the {scanned:,} newest {kind}") as progress:
            found = subject_overlaps(conf, store, warn, max(scanned, 1), progress)
    if as_json:
        echo_json([{**o.to_dict(), "scanned": scanned, "of": of} for o in found])
        return
    _among(scanned, of, "articles", "overlap")
    if not found:
        echo("No two subjects are confused: each article's best subject stands out.")
        return
    noted: set[str] = set()
    noted_drift: set[str] = set()
    for o in found:
        # (walk155: "0 % of their articles sit between them" beside "split by chance")
        share = "none" if o.share == 0 else "under 1%" if o.share < 0.005 else f"{o.share:.0%}"
        echo(
            f"{o.first} / {o.second}: {share} of their articles sit between them;"
            f" their names, descriptions and keywords are {o.words_alike:.0%} alike"
        )
        if o.shared_keywords:  # (walk153 #5)
            echo(f"  {shared_keywords_text(o.shared_keywords, o.first, o.second, o.fewer)}.")
        if o.by_chance and o.words_alike >= WORDS_ALIKE and o.share < CHANCE_SHARE:
            # (few articles sit between them now: the words written are what is alike)
            echo(
                "  What you wrote for the two is so alike that curator tells them apart by"
                f" their articles' other words alone: {'none' if o.share == 0 else 'few'} sit"
                " between them now, but any that do are split by chance. Give each keywords the"
                " other does not share, or merge them."
            )
        elif o.by_chance and o.words_alike >= WORDS_ALIKE:
            echo(
                "  What you wrote for the two is so alike that articles between them are split"
                " by chance: give each keywords the other does not share, or merge them."
            )
        elif o.by_chance:
            add = (
                "Add the words below that are not yet keywords, move"
                if o.first_new or o.second_new
                else "Your keywords already are the words that part them: move"
            )
            echo(
                "  Articles between them are split by chance: they use both subjects' words."
                f" {add} the articles listed to where they belong (each move teaches curator),"
                " or merge the two if you cannot tell them apart either."
            )
        elif o.between:
            echo(
                "  A few articles sit between them: move those under the wrong one (`curator"
                " subjects move URL SUBJECT`), and add the words below that tell a subject apart"
                f" to its keywords in {config}."
            )
        for url, title, now in o.between:
            echo(f"    {title}  [now under {now}]\n      {url}")
        for name, words, new, drift in (
            (o.first, o.first_words, o.first_new, o.first_drift),
            (o.second, o.second_words, o.second_new, o.second_drift),
        ):
            old = [w for w in words if w not in new]
            line = f"  words for {name}: {', '.join(new) or 'none you have not written'}"
            if old:
                line += f" (already in its name, description or keywords: {', '.join(old)})"
            echo(line)
            if drift and name not in noted_drift:  # (walk196; once a subject)
                noted_drift.add(name)
                echo(
                    f"  not offered for {name}: {', '.join(drift)}: only its articles off its"
                    " field use them (those using none of its keywords nor its name's words, or"
                    " one when most use none); to see them: `curator subjects list --subject"
                    f" {shell_arg(name)}`"
                )
        for name in o.without_keywords:
            echo(
                f"  `{name}` has no keywords, only a name and a description: add the words"
                f" above that tell it apart to its keywords in {config}."
            )
        for name, has, offered in o.held_back:
            if name not in noted:
                noted.add(name)
                echo(_held_back(name, has, offered))


def _held_back(name: str, has: int, offered: int) -> str:
    """What `overlap` says of a subject whose new words were cut to the room the keyword cap
    leaves it (walk93 #1: adding every offered word gave a subject 38, and every command
    stopped)."""
    if offered == 0:
        return (
            f"  {name} has {has} keywords, the most a subject takes: no new words are offered"
            " for it; remove vaguer ones to add more."
        )
    which = "one that separates best is" if offered == 1 else f"{offered} that separate best are"
    room = MAX_KEYWORDS - has
    # (walk194 #6: "has 15 keywords ...; remove vaguer ones to add more" read as if it were full)
    return (
        f"  {name} has {has} keywords, room for {room} more (a subject takes at most"
        f" {MAX_KEYWORDS}): the {which} offered (over all its pairs); to add others as well,"
        " remove vaguer ones."
    )


def _nothing_to_suggest(left_over: int) -> str:
    """Why `suggest` proposes nothing, given how many articles in no issue yet have no subject."""
    if left_over == 0:
        return (
            "Every article not yet in an issue fits one of your subjects (or you excluded it):"
            " nothing to suggest."
        )
    shown = "`curator subjects list --unplaced` shows " + ("it" if left_over == 1 else "them")
    if left_over < MIN_SUGGESTION_SIZE:
        return (
            f"{left_over} article not yet in an issue has no subject: too few to suggest a subject"
            f" from (a suggestion needs at least {MIN_SUGGESTION_SIZE} articles). {shown}."
        )
    return (
        f"{left_over} articles not yet in an issue have no subject, but no"
        f" {MIN_SUGGESTION_SIZE} of them are alike enough to suggest a subject from. {shown}."
    )


def _reads_like(lean: Lean, size: int, config: Path) -> list[str]:
    """What `suggest` says of a proposal that reads like an existing subject: why, and to widen
    that subject instead (as comment lines, above the entry)."""
    name = lean.subject
    add = f" such as {', '.join(lean.wider[:5])}" if lean.wider else ""
    widen = f"widen {name} (add keywords{add} to it in {config})"
    shared = ", ".join(f'"{w}"' for w in lean.shared)
    mine = ", ".join(f'"{w}"' for w in lean.own)
    own = f"{name} already has {mine} among its own words"
    come = "comes" if lean.closest == 1 else "come"
    if not lean.widen and lean.name_only:
        # (walk182 #4: widening was advised on "success" alone, sport reports' word)
        which = "a word" if len(lean.own) == 1 else "words"
        text = (
            f"Only {lean.closest} of these {size} articles {come} close to {name}, and they share"
            f" only {mine} with it, {which} of its name, none of its keywords: they look like a"
            " subject of their own (the entry below), or off your field (`curator subjects"
            f" exclude URL` keeps one out of every issue), rather than a reason to widen {name}."
        )
    elif not lean.widen:
        # (walk168 #7: widening was advised on "calls", which only shares a word with a keyword)
        text = (
            f"{lean.closest} of these {size} articles {come} close to {name}, but they share none"
            f" of its own keywords (only parts of them: {shared}): they look like a subject of their own (the entry"
            " below), or off your field (`curator subjects exclude URL` keeps one out of every"
            f" issue), rather than a reason to widen {name}."
        )
    elif 2 * lean.closest > size:
        why = f"{lean.closest} of these {size} articles {come} close to it"
        why += f"; {own}"
        text = (
            f"These may belong to {name} ({why}). If they do, rather than add a subject, {widen},"
            f" or move them there (`curator subjects move URL {shell_arg(name)}`); read them first: on a"
            " small archive, coming close says little."
        )
    elif lean.mixed:
        # (walk194 #3: the words offered were another subject's and the off-field articles')
        them = "it" if lean.closest == 1 else "them"
        text = (
            f"{own}, though only {lean.closest} of these {size} articles {come} close to it: the"
            f" group is mixed, and its other words ({', '.join(lean.left_out)}) are your other"
            f" subjects' or those of the articles far from {name}, no keywords to add. Read"
            f" the {'one' if lean.closest == 1 else 'ones'} that {come} close and move {them}"
            f" there if {'it belongs' if lean.closest == 1 else 'they belong'} (`curator"
            f" subjects move URL {shell_arg(name)}`): {', '.join(lean.close)}."
        )
    else:
        text = (
            f"{own}, though only {lean.closest} of these {size} articles {come} close to it: if"
            f" they belong there, {widen} rather than add a subject."
        )
    if lean.left_out and not lean.mixed and lean.widen:
        text += (
            f" (Not offered: {', '.join(lean.left_out)}, words of your other subjects or of the"
            f" articles far from {name}.)"
        )
    return textwrap.wrap(text, width=98, break_on_hyphens=False, break_long_words=False)


@click.command()
@CONFIG_OPTION
@DB_OPTION
@click.option(
    "--count",
    "-k",
    type=click.IntRange(1, 20),
    default=None,
    help="How many subjects to propose (default: as many as the articles support).",
)
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def suggest(config: Path, db: Path | None, count: int | None, quiet: bool, as_json: bool) -> None:
    """Propose subjects for the articles that fit none of yours, ready to paste into feeds.yaml."""
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    with opened(config, db, reading=True) as (conf, store):
        work = pending(conf, store)
        with working(quiet, work, SUGGESTING) as progress:
            found, left_over = suggest_subjects(conf, store, count, warn, progress)
    if as_json:
        echo_json([s.to_dict() for s in found])
        return
    if not found:
        echo(_nothing_to_suggest(left_over))
        return
    for s in found:
        echo(f"# {s.name}: {len(s.urls)} article(s), e.g.")
        for url in s.urls[:3]:
            echo(f"#   {url}")
        if s.leans_to is not None:
            for line in _reads_like(s.leans_to, len(s.urls), config):
                echo(f"# {line}")
        echo(yaml.safe_dump([s.to_yaml_entry()], sort_keys=False, allow_unicode=True, width=100))
