"""`curator subjects explain/move/exclude/undo/rename`: why one article is where it is, and the
editor's corrections: a move, an exclusion, undoing either, a subject's new name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import click

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
from curator.config import Config
from curator.errors import CuratorError, InputError, shell_arg
from curator.models import Article
from curator.movepulls import pulled_by_move, record_pulls
from curator.placement import (
    CORPUS_SAMPLE,
    correction_effect,
    explain_article,
    other_language_note,
    pending,
    placed_now,
    refresh,
    rescore_published,
    respell_subjects,
    respelt_line,
    stale_moves,
    tell_stale_moves,
)
from curator.render import join_names
from curator.store import FEED_DROPPED, LOCAL_FILE, Store
from curator.subjects import Change
from curator.subjectwords import resolve
from curator.themes import hand_renamed

#: Changes a move or an exclusion lists by name (the rest are counted).
CHANGES_SHOWN = 10


def _article(store: Store, url: str) -> Article:
    article = store.article_by_url(url)
    if article is None:
        raise CuratorError(
            f"no stored article at {url}; run `curator fetch` first, or check the address"
        )
    return article


def _newest(store: Store, *, unfeatured: bool = False) -> str:
    """The newest articles as the commands say it: "the 3,000 newest articles", or as many as
    the store has when fewer (what the scorer learns from and the commands look at)."""
    n = min(CORPUS_SAMPLE, store.article_count(unfeatured=unfeatured))
    return f"the {n:,} newest{' unfeatured' if unfeatured else ''} article{'s' * (n != 1)}"


@click.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("url")
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def explain(config: Path, db: Path | None, url: str, quiet: bool, as_json: bool) -> None:
    """Why the article at URL lands under its subject: scores and matching terms per subject."""
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    with opened(config, db, reading=True) as (conf, store):
        article = _article(store, url)
        explanation = explain_article(conf, store, article, warn)
        # Why: `subjects list` marked it "[dead link ...]", but explain said nothing of it.
        dead = None if store.issues_featuring(article.id) else store.dead_link(article.id)
        retried = bool(dead) and store.retrying_page(article.id)
        # As the issue printed it, when one did (walk181 #4: an issue-N.json correction was
        # published, and explain still showed the old title).
        title = store.published_titles([article.id]).get(article.id, article.title)
    other = other_language_note(conf, article)
    if as_json:
        echo_json(
            {
                "title": title,
                **explanation.to_dict(),
                "dead_link": dead,
                "other_language": other or None,
            }
        )
        return
    echo(title)
    if dead == FEED_DROPPED:
        # fixgy's leftovers: `curator feeds add` without its URL did not run as written
        feed = f" {article.feed_url}" if article.feed_url else ""
        add_back = (
            f"`curator feeds add {shell_arg(article.feed_url)}`"
            if article.feed_url
            else "`curator feeds add URL`, URL its feed's address"
        )
        echo(
            f"Its feed{feed} was removed with --drop-waiting, which left out its"
            " articles no issue featured: never picked for an issue, whatever its subject. To"
            f" feature it, add its address to a draft (`## {article.url}` under a subject's"
            f" heading); adding the feed back ({add_back}) takes all of them back."
        )
    elif dead == LOCAL_FILE:
        echo(
            "A local file, not a web address: no issue can link to it, so it is never picked for"
            " an issue, whatever its subject. To feature it, add its web address to a draft"
            " (`## https://...` under a subject's heading)."
        )
    elif dead:
        # curator does not read a dead link's page again on its own (walk136 #3: "until a later
        # read of its page succeeds" promised a read that never came): the way back is named.
        said = dead if dead.startswith(("its link", "its page")) else f"its page answered {dead}"
        again = (
            "the next fetches read its page again a few times, and a read that succeeds takes the"
            " mark off"
            if retried
            else "curator does not read its page again on its own"
        )
        echo(
            f"Dead link: {said}, so it is never picked for an issue, whatever its subject;"
            f" {again}. If the page is back, add its address to a draft (`## {article.url}`"
            " under a subject's heading): the build reads it again, and once it answers the"
            " mark comes off."
        )
    echo(explanation.to_text(terms=8))
    if other:
        echo(other)


def _place_new(conf: Config, store: Store, quiet: bool, say: Callable[[str], None] | None) -> None:
    """Place the articles not placed yet (a fetch's, after the subjects changed), as `subjects
    list` would first: what a correction changes is counted from where it shows them."""
    doing = pending(conf, store)
    with working(quiet, doing) as progress:
        refresh(conf, store, say=say, progress=progress)


def emptied(totals: Mapping[str | None, int], found: Sequence[Change]) -> list[tuple[str, int]]:
    """The subjects a correction leaves with no article, each with how many it took from it:
    `totals` is how many articles each subject had before (as `subjects list` counted them),
    `found` what the correction changes (walk176 #1: one move left "Cycling (0)" unsaid)."""
    left = dict(totals)
    took: dict[str, int] = {}
    for c in found:
        if c.before is not None:
            left[c.before] = left.get(c.before, 0) - 1
            took[c.before] = took.get(c.before, 0) + 1
        if c.after is not None:
            left[c.after] = left.get(c.after, 0) + 1
    return [(name, n) for name, n in took.items() if left.get(name, 0) <= 0 and totals.get(name)]


def _say_emptied(gone: Sequence[tuple[str, int]], urls: Sequence[str], undoing: bool) -> None:
    """Each subject a correction left with no article, plainly, with the command that takes the
    correction back."""
    back = " ".join(shell_arg(u) for u in urls)
    for name, n in gone:
        took = f"all {n}" if n > 1 else "its only article"
        what = "undoing it" if undoing else f"your {'move' if len(urls) == 1 else 'correction'}"
        fix = (
            f"`curator subjects move URL {shell_arg(name)}` puts one back, and teaches curator"
            if undoing
            else f"`curator subjects undo {back}`"
        )
        echo(
            f"{name} now has no articles: {what} took {took}; if that is wrong, {fix}"
            " (`curator subjects list` shows where they are)."
        )


def _say_changes(
    found: list[Change],
    among: str,
    url: str,
    *more: str,
    pulled: str | None = None,
    pinned: bool = False,
) -> None:
    """The other articles a correction (of the article at `url`, and at `more`) moves, among the
    newest articles `among` says. They move at once: the correction is stored, and the next
    command that reads the placements (`subjects list`, `build`, `draft`) places them again.
    Each with its URL (titles repeat: a thread's replies, reposts), as `list` shows it, and the
    command that puts it back. Those an older fit of the model had placed, which move because
    every stored article is placed again (`Change.refit`), are counted and listed apart (walk47
    new 1). A move to the subject `pulled` says it pulled them: right ones too, even out of the
    subject it moved to (walk129 #2); only those it pulled to that subject, the others that
    changed place said apart (walk136 #4: "Computer graphics -> no subject" was counted among
    the ones a move to Mac hardware "pulled with it"). `pinned`: the move pinned the article
    where curator had placed it already, and still teaches the model (walk168 #5: "Your move
    pulled 2 other article(s)" read as a move that had moved it), so the head says that."""
    corrected = {url, *more}
    others = [c for c in found if c.url not in corrected]
    moved = [c for c in others if not c.refit]
    refit = [c for c in others if c.refit]
    # (walk182 #2: a tennis report "changed subject with" an excluded office post: only those
    # like the corrected article follow it; the others the correction's reweighing of the
    # subjects' words moved (borderline ones, most), said apart, with what placed each)
    like = [c for c in moved if c.like]
    borderline = [c for c in moved if not c.like]
    into = [c for c in like if pulled is None or c.after == pulled]
    elsewhere = [c for c in like if c not in into]
    it = "them" if more else "it"
    if not others:
        echo(f"No other article changes subject (among {among}).")
        return
    if into and pulled and pinned:
        head = (
            f"Pinning it taught curator's model one more {pulled} article (a move counts as"
            f" an example of its subject even where curator had placed it), which pulled"
            f" {len(into)} other article(s) there"
        )
    elif into and pulled:
        head = f"Your move pulled {len(into)} other article(s) with {it}"
    elif pulled and (elsewhere or borderline):
        head = f"Your move pulled no other article with {it}"
    elif into:
        head = f"{len(into)} other article(s) like {it} change subject with {it}"
    else:
        head = f"No article like {it} changes subject with {it}"
    head += f" (among {among})"
    if elsewhere:
        head += f", and {len(elsewhere)} other(s) changed place"
    if borderline:
        head += (
            f", and {len(borderline)} article(s) unlike {it} changed place because"
            " the correction changed how curator weighs the subjects' words"
        )
    if refit:
        head += (
            f", and {len(refit)} {'more' if moved else ('other' if len(refit) == 1 else 'others')}"
            " because curator"
            " now places every stored article again, with its model fitted again since they"
            " were placed (the archive grew)"
        )
    echo(f"{head}, as `curator subjects list` and the next build show:")
    for group in (into, elsewhere, borderline, refit):
        if group is elsewhere and elsewhere and into:
            echo(f"  Changed place, not to {pulled}:")
        if group is borderline and borderline:
            echo(
                f"  Not like {it}, so not pulled by {it}: moved because the"
                " correction changed how curator weighs the subjects' words (what placed each"
                " before, and now):"
            )
        if group is refit and refit and moved:
            echo("  Placed again with the refitted model:")
        for c in group[:CHANGES_SHOWN]:
            echo(f"  {c.before or 'no subject'} -> {c.after or 'no subject'}: {c.title}")
            echo(f"      {c.url}")
            if c.before:
                back = f"curator subjects move {shell_arg(c.url)} {shell_arg(c.before)}"
                echo(f"      put it back: {back}")
            else:  # (exclude is "never feature it", not "under no subject again": walk136 #4)
                echo(
                    "      it was under no subject: nothing pins it there; to keep it out of"
                    f" every subject (never featured): curator subjects exclude {shell_arg(c.url)}"
                )
            if group is borderline and c.why is not None:
                echo(f"      was {c.why.was}")
                echo(f"      now {c.why.now}")
        if len(group) > CHANGES_SHOWN:
            echo(
                f"  ... and {len(group) - CHANGES_SHOWN} more (`curator subjects list` shows"
                " where each is)"
            )
    if moved and pulled:
        echo(
            "Read the list: a move pulls articles like the one moved, right ones too. Move back"
            " a right one it pulled with the command under it (which pins it there)."
        )


def _correct(
    config: Path, db: Path | None, url: str, subject: str | None, quiet: bool, as_json: bool
) -> dict[str, object] | None:
    """Record the editor's word on the article at `url`, then say what it changes (with
    `as_json`, returns it instead, for the caller to print)."""
    with opened(config, db) as (conf, store):
        name = conf.subject_named(subject) if subject is not None else None
        article = _article(store, url)
        before = store.corrections()
        had = article.url in before
        earlier = before.get(article.url)
        if had and (earlier is None if name is None else resolve(earlier, conf.subjects) == name):
            # Said again (walk153 #4: every article was placed again, to no change).
            return _said_already(article, name, store.issues_featuring(article.id), as_json)
        _place_new(conf, store, quiet, warn)
        totals = store.placement_counts()
        placed, where = store.stored_subject(article.id)
        # (walk168 #5: "Moved to S" for an article curator had placed under S already)
        pinned = not had and name is not None and placed and where == name
        made_at = datetime.now(UTC)
        store.set_correction(article.id, name, now=made_at)
        published = store.issues_featuring(article.id)
        with working(quiet, "working out what changes for the other articles"):
            found = correction_effect(conf, store, before)
        if name is not None:  # (for the draft's note: which move pulled it, walk194 #6)
            record_pulls(store, article.id, name, made_at, pulled_by_move(found, article.url, name))
        among = _newest(store)
    if as_json:
        data = {
            "url": article.url,
            "title": article.title,
            "subject": name,
            "published_in": published,
            "replaced": (
                None
                if not had
                else {"was": "excluded" if earlier is None else "moved", "moved_to": earlier}
            ),
            "already": False,
            "pinned": pinned,
        }
        gone = [name for name, _ in emptied(totals, found)]
        return {**data, "changes": [c.to_dict() for c in found], "emptied_subjects": gone}
    if pinned:
        echo(f"Already under {name}: {article.title}; now pinned there (curator keeps it there)")
    else:
        echo(f"Moved to {name}: {article.title}" if name else f"Excluded: {article.title}")
    if had:  # (walk153 #4: an exclusion silently discarded the move it replaced)
        undo = f"curator subjects undo {shell_arg(article.url)}"
        instead = "excluded instead" if name is None else f"moved to {name} instead"
        if earlier is None:
            echo(f"  it was excluded by you; {instead}: `{undo}` excludes it again")
        else:
            echo(
                f"  it was moved to {earlier} by you; {instead}: `{undo}` puts it back under"
                f" {earlier}"
            )
    if name is None and published:
        echo(_already_published(published, conf.settings.output))
    _say_changes(found, among, article.url, pulled=name, pinned=pinned)
    _say_emptied(emptied(totals, found), [article.url], undoing=False)
    return None


def _said_already(
    article: Article, name: str | None, published: list[int], as_json: bool
) -> dict[str, object] | None:
    """What a move or an exclusion the editor had made already says: that nothing changed."""
    if as_json:
        data = {
            "url": article.url,
            "title": article.title,
            "subject": name,
            "published_in": published,
            "replaced": None,
            "already": True,
        }
        return {**data, "changes": []}
    said = f"Already moved to {name} by you" if name else "Already excluded by you"
    echo(
        f"{said}: {article.title} (nothing changed; `curator subjects undo"
        f" {shell_arg(article.url)}` takes it back)"
    )
    return None


def _already_published(numbers: list[int], out_dir: Path) -> str:
    """What excluding an article that issues `numbers` featured does, and does not, change."""
    which = ", ".join(str(n) for n in numbers)
    issue = f"issue {which}" if len(numbers) == 1 else f"issues {which}"
    n = numbers[-1]
    return (
        f"It was already published in {issue}, which stays as published: excluding it keeps it"
        f" out of future issues only. `curator render {n}` renders issue {n} again from"
        f" {out_dir / f'issue-{n}.json'}; to take the article out of it, delete its entry there"
        f" first."
    )


@click.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("url")
@click.argument("subject", callback=composed_names)
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def move(config: Path, db: Path | None, url: str, subject: str, quiet: bool, as_json: bool) -> None:
    """Put the article at URL under SUBJECT; similar articles will follow it there. Says which
    other articles change subject with it; `curator subjects undo URL` takes it back."""
    data = _correct(config, db, url, subject, quiet, as_json)
    if data is not None:
        echo_json(data)


@click.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("urls", metavar="URL...", nargs=-1, required=True)
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def exclude(
    config: Path, db: Path | None, urls: tuple[str, ...], quiet: bool, as_json: bool
) -> None:
    """Keep the articles at URL... out of every subject (and so out of every issue). Says which
    other articles change subject with each; `curator subjects undo URL...` takes them back."""
    urls = tuple(dict.fromkeys(urls))
    if len(urls) > 1:  # all known, or none excluded (walk168: exclude took one URL, undo several)
        with opened(config, db) as (_, store):
            for url in urls:
                try:
                    _article(store, url)
                except CuratorError as exc:
                    raise CuratorError(f"{exc}; nothing was excluded") from None
    done = []
    for url in urls:
        data = _correct(config, db, url, None, quiet, as_json)
        if data is not None:
            done.append(data)
    if as_json:
        echo_json(done[0] if len(urls) == 1 else done)


def _was(subject: str | None, conf: Config) -> str:
    """What a correction said, as `undo` names it: `moved to "X"`, or `excluded`."""
    if subject is None:
        return "excluded"
    gone = " (no longer a subject in feeds.yaml)" if resolve(subject, conf.subjects) is None else ""
    return f'moved to "{subject}"{gone}'


def _spelt(name: str, names: Iterable[str]) -> list[str]:
    """The subject names of `names` that `name` means: itself, else those equal case aside (moves
    are stored as the subject was spelt when they were made)."""
    names = set(names)
    return [name] if name in names else [n for n in names if n.casefold() == name.casefold()]


def _moves_to(conf: Config, store: Store, name: str) -> list[str]:
    """The URLs of the articles the editor moved to the subject `name` (as stored, else case
    aside); InputError when neither feeds.yaml nor any move names such a subject."""
    moves = store.corrections()
    stored = _spelt(name, (s for s in moves.values() if s is not None))
    if not stored:
        conf.subject_named(name)  # a mistyped subject: did you mean
    return [url for url, s in moves.items() if s is not None and s in stored]


@click.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("urls", metavar="[URL]...", nargs=-1)
@click.option(
    "--subject", "-s", metavar="NAME", callback=composed_names,
    help="Forget every move to this subject (one feeds.yaml no longer has, say) instead.",
)  # fmt: skip
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def undo(
    config: Path,
    db: Path | None,
    urls: tuple[str, ...],
    subject: str | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Forget your move or exclusion of the article at each URL (or, with --subject NAME, every
    move to that subject): curator places them itself again. Says what each was and which other
    articles change subject with them. Exits 1 when none of them had a move or exclusion."""
    if bool(urls) == (subject is not None):
        raise InputError("give the URLs of the articles, or --subject NAME: one or the other")
    with opened(config, db) as (conf, store):
        if subject is not None:
            urls = tuple(_moves_to(conf, store, subject))
            if not urls:
                raise CuratorError(
                    f'you moved no article to "{subject}": nothing to undo'
                    " (`curator subjects list --subject NAME` shows what you moved where)"
                )
        try:
            articles = [_article(store, url) for url in dict.fromkeys(urls)]  # all known, or none
        except CuratorError as exc:
            if len(urls) > 1:  # say that the other URLs were not undone either
                raise CuratorError(f"{exc}; nothing was undone") from None
            raise
        _place_new(conf, store, quiet, None)  # (stale moves are told below)
        totals = store.placement_counts()
        before = store.corrections()
        undone = [a for a in articles if a.url in before]
        # A word that replaced an earlier one gives that one back (walk153 #4: an exclusion
        # that replaced a move, undone, forgot both); the others are forgotten.
        restored: dict[str, str | None] = {}
        for a in undone:
            had, earlier = store.replaced_correction(a.id)
            if had and store.restore_correction(a.id, now=datetime.now(UTC)):
                restored[a.url] = earlier
        forgotten = [a for a in undone if a.url not in restored]
        store.forget_corrections([a.id for a in forgotten])
        tell_stale_moves(conf, store, warn)
        if undone:
            with working(quiet, "working out what changes for the other articles"):
                found = correction_effect(conf, store, before, also=undone)
            now = placed_now(conf, store, forgotten, warn)
            now.update({u: resolve(s, conf.subjects) for u, s in restored.items()})
            rescore_published(conf, store, forgotten, warn)
        else:
            found, now = [], {}
        among = _newest(store)
    kept = [a for a in articles if a.url not in before]
    failure = (
        None
        if undone
        else CuratorError(
            "nothing to undo: you had neither moved nor excluded "
            + ("this article" if len(articles) == 1 else "any of these articles")
            + "; curator places "
            + ("it" if len(articles) == 1 else "them")
            + " itself already"
        )
    )
    if as_json:
        data = {
            "undone": [
                {
                    "url": a.url,
                    "title": a.title,
                    "was": "excluded" if before[a.url] is None else "moved",
                    "moved_to": before[a.url],
                    "subject": now[a.url],
                    # (the word it had replaced, given back: walk153 #4)
                    "restored": (
                        None
                        if a.url not in restored
                        else {
                            "was": "excluded" if restored[a.url] is None else "moved",
                            "moved_to": restored[a.url],
                        }
                    ),
                }
                for a in undone
            ],
            "not_corrected": [{"url": a.url, "title": a.title} for a in kept],
            "changes": [c.to_dict() for c in found],
            "emptied_subjects": [name for name, _ in emptied(totals, found)],
        }
        echo_json(data, failure=failure)
    else:
        for a in undone:
            echo(f"Undone, it was {_was(before[a.url], conf)}: {a.title}")
            if a.url not in restored:
                echo(f"  curator places it itself again: under {now[a.url] or 'no subject'}")
            elif restored[a.url] is None:
                echo("  your earlier exclusion of it is back: under no subject, never featured")
            elif now[a.url] is not None:
                echo(f"  your earlier move of it is back: under {now[a.url]}")
            else:
                echo(
                    f'  your earlier move of it to "{restored[a.url]}" is back (no longer a'
                    " subject in feeds.yaml: placed as if never moved)"
                )
            echo(f"  {a.url}")
        if undone:  # (first: "with it" / "with them" are the articles just undone)
            _say_changes(found, among, *(a.url for a in undone))
            _say_emptied(emptied(totals, found), [a.url for a in undone], undoing=True)
        for a in kept:
            echo(f"Nothing to undo, you had neither moved nor excluded it: {a.title}")
            echo(f"  {a.url}")
    if failure is not None:
        raise failure


@click.command()
@CONFIG_OPTION
@DB_OPTION
@click.argument("old", callback=composed_names)
@click.argument("new", callback=composed_names)
@click.option(
    "--merge",
    is_flag=True,
    help="NEW has issues of its own already: merge OLD's history into it.",
)
@QUIET_OPTION
@WAIT_OPTION
@JSON_OPTION
def rename(
    config: Path, db: Path | None, old: str, new: str, merge: bool, quiet: bool, as_json: bool
) -> None:
    """After renaming a subject in feeds.yaml from OLD to NEW: put the articles you had moved to
    OLD under NEW (until then they are placed as if never moved), and count the issues whose
    theme OLD was for NEW in the plan of themes. When NEW is a subject issues were published on
    already, renaming merges the two histories: say so with --merge."""
    with opened(config, db) as (conf, store):
        target = conf.subject_named(new)
        if " ".join(old.split()).casefold() == target.casefold():
            # Names that differ only in case are one subject (walk153 #2: refused as "still a
            # subject"); what a case-only rename would do, any command did already.
            _respell(conf, store, old, new, target, as_json)
            return
        names = {s.name.casefold() for s in conf.subjects}
        if old.casefold() in names:
            raise InputError(
                f"{conf.path}: `{old}` is still a subject; rename it there first, then run this"
                " again (to move single articles: `curator subjects move URL SUBJECT`)"
            )
        left = stale_moves(conf, store.corrections())
        stored = _spelt(old, left)
        renamed = {a.casefold(): b for a, b in store.subject_renames()}

        def names_of(name: str) -> set[str]:
            """The names an issue's theme `name` went by, through every rename since (renamed
            twice, or back)."""
            seen = {name.casefold()}
            while name.casefold() in renamed and renamed[name.casefold()].casefold() not in seen:
                name = renamed[name.casefold()]
                seen.add(name.casefold())
            return seen

        issues = store.issues()

        # NEW's own history: issues on it, or publishing under it, by a name that was never OLD
        # (walk150 #3: "Onboarding" renamed onto "Service desk", a subject of its own, merged
        # their published histories without a word).
        def own(name: str) -> bool:
            went_by = names_of(name)
            return target.casefold() in went_by and old.casefold() not in went_by

        # (none when OLD went by NEW already: a build recorded the rename the plan told, walk150
        # #2, and issues on NEW since are OLD's own)
        own_issues = (
            []
            if target.casefold() in names_of(old)
            else [
                i.number
                for i in store.issues(with_articles=True)
                if any(own(n) for n in (*i.theme, *(name for name, _ in i.featured)))
            ]
        )
        themed = [i.number for i in issues if any(old.casefold() in names_of(n) for n in i.theme)]
        # Issues whose own theme was the new name: this rename undoes an earlier one.
        back = [
            i.number
            for i in issues
            if i.number in themed and target.casefold() in {n.casefold() for n in i.theme}
        ]
        # Sections of issues published under the old name (or one it was renamed from).
        already = renamed.get(old.casefold(), "").casefold() == target.casefold()
        sections = not already and any(
            old.casefold() in names_of(n) for n in store.published_subjects()
        )
        # (walk155 #5: renamed by hand in feeds.yaml onto a removed subject's name that issues
        # were on: OLD has nothing of its own, and --merge is the answer `themes`, `draft` and
        # `build` asked for)
        by_hand = any(
            f["old"].casefold() == old.casefold() and f["new"].casefold() == target.casefold()
            for f in hand_renamed(conf, store)
        )
        if not stored and not themed and not sections and not by_hand:
            if already:
                raise CuratorError(
                    f"you moved no article to `{old}` since you renamed it to `{target}`:"
                    " nothing is left to rename (`curator subjects list` shows its articles)"
                )
            which = ", ".join(f'"{n}"' for n in sorted(left)) or "none"
            raise CuratorError(
                f"you moved no article to `{old}`, no issue had it as its theme and none published"
                f" articles under it; subjects your moves name that {conf.path} no longer has:"
                f" {which}"
            )
        if own_issues and not merge:
            raise InputError(
                f'"{target}" is a subject with a history of its own ({_issues(own_issues).lower()}'
                f' published on it or under it): renaming "{old}" to it merges the two, so'
                f' that "{old}"\'s issues count as on "{target}" in the plan of themes and the'
                f' articles they printed under "{old}" go under "{target}". If "{old}" became'
                f" another subject, give that name instead; to merge them:"
                f" `curator subjects rename {shell_arg(old)} {shell_arg(target)} --merge`"
            )
        moved = sum(store.rename_corrections(n, target) for n in stored)
        store.record_subject_rename(old, target)
        # The articles issues published under the old name keep their issue's subject, by its
        # new name, rather than being placed again as under a retired subject (fixcp).
        kept = store.keep_renamed_published([target])
        elsewhere = [i for i, was, _ in kept if was is None or store.renamed_to(was) != target]
        if elsewhere:  # placed by the model meanwhile: their score under the new name
            rescore_published(conf, store, store.articles_by_ids(elsewhere), warn)
        tell_stale_moves(conf, store, warn)
        # What issues published under the old name (or one renamed to it), said whether this
        # run moved them or an earlier run had placed them there already (walk100: silent).
        back_ids = {i for i, _, _ in kept}
        published = {
            i: (n, printed)
            for i, (n, printed) in store.published_renamed(target).items()
            if printed != target or i in back_ids
        }
    if as_json:
        echo_json(
            {
                "from": old,
                "to": target,
                "moved": moved,
                "published_articles": len(published),
                "theme_of_issues": themed,
                # (walk150 #3: NEW's own issues, when --merge merged two histories)
                "merged_with_issues": own_issues,
            }
        )
        return
    if stored:
        echo(f'{moved} article(s) you had moved to "{stored[0]}" are now under "{target}".')
    if published:
        numbers = sorted({n for n, _ in published.values()})
        printed = sorted({p for _, p in published.values()}, key=str.casefold)
        echo(
            f"{len(published)} article(s) that {_issues(numbers).lower()} published under"
            f" {join_names([f'{chr(34)}{p}{chr(34)}' for p in printed])} are under"
            f' "{target}" now, as their issues printed them under'
            f" {join_names([f'{chr(34)}{p}{chr(34)}' for p in printed])} (the issues keep their"
            " text; `curator subjects list` shows them)."
        )
    if own_issues:
        echo(
            f'"{old}" is merged into "{target}", which has a history of its own'
            f' ({_issues(own_issues).lower()}): both count as one subject, "{target}", from'
            " now on."
        )
    onward = [n for n in themed if n not in back]
    if onward:
        echo(
            f'{_issues(onward)}, on "{old}", now count{"s" if len(onward) == 1 else ""} as on'
            f' "{target}" in the plan of themes (`curator themes` shows what it has next);'
            " published issues keep their text."
        )
    if back:
        echo(
            f'{_issues(back)}, published on "{target}" and counted as on "{old}" since your'
            f' earlier rename, count{"s" if len(back) == 1 else ""} as on "{target}" again in the'
            " plan of themes (`curator themes` shows what it has next)."
        )
    if not (stored or published or themed) and not by_hand:
        echo(
            f'Recorded "{old}" as renamed "{target}"; no article or issue needed changing (you'
            " moved elsewhere every article issues published under it)."
        )
    elif not (stored or published or themed):
        echo(
            f'Recorded "{old}" as renamed "{target}" in {conf.path}; "{old}" had no issue and'
            " no move of its own, so nothing else changed."
        )


def _respell(conf: Config, store: Store, old: str, new: str, target: str, as_json: bool) -> None:
    """`subjects rename OLD NEW` where the two differ only in case: store the subject under
    feeds.yaml's spelling (`respell_subjects`), and say what that changed, or that nothing
    needed to."""
    done = [d for d in respell_subjects(conf, store) if d[1] == target]
    if as_json:
        echo_json(
            {
                "from": old,
                "to": target,
                "moved": sum(d[3] for d in done),
                "case_only": True,
                "respelt": [{"from": d[0], "articles": d[2], "moves": d[3]} for d in done],
            }
        )
        return
    for was, now, placed, moves in done:
        echo(respelt_line(was, now, placed, moves, conf.path))
    if not done:
        echo(
            f'Nothing to rename: "{old}" and "{target}" differ only in case, and names that differ'
            " only in case are one subject: its articles, your moves and the issues on it are"
            f' under "{target}" already (`curator subjects list --subject {shell_arg(target)}`'
            " shows them)."
        )
    if new != target:
        echo(
            f'{conf.path} spells it "{target}": to spell it "{new}", change it there (under'
            " `subjects:` and `plan:`); curator follows on its own."
        )


def _issues(numbers: list[int]) -> str:
    """'Issue 2', 'Issues 2 and 3', 'Issues 2, 3 and 5'."""
    return ("Issue " if len(numbers) == 1 else "Issues ") + join_names([str(n) for n in numbers])
