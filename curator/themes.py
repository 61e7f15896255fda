"""Issues about one subject: the plan of themes, which subject is ripe, and the next issue's theme.

The model issue (the seed) is not a digest of every subject: each issue takes one aspect of
customer experience and gathers the best articles on it from any date. `themes: plan:` in
feeds.yaml lists the themes to come, in order; each build takes the first one that has not had its
issue yet. A theme given on the command line (`--subject`) overrides the plan for one issue: the
plan keeps its place, and when that theme is one the plan lists further down, that entry counts as
done (the theme is not repeated weeks later with nothing left to say).

A theme is built only when each of its subjects has `min_articles` unfeatured articles that fit it
(placed there by the scorer, with at least `min_score`); otherwise the build stops with
`ThemeError` (exit 3), naming the ripest subject instead, and publishes nothing.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, ClassVar

from curator.config import Config
from curator.errors import EXIT_THEME, CuratorError, InputError, shell_arg
from curator.keywordfit import KeywordsFit, keywords_only
from curator.keywordsthin import counted, keywords_only_advice, keywords_only_count
from curator.models import Article, Subject, published_in
from curator.placement import (
    Say,
    candidate_strays,
    last_plan,
    refresh,
    renamed_to,
    told_check,
    told_copies,
    untold_best,
    weak_bars,
)
from curator.render import join_names
from curator.store import IssueRecord, Store

#: How many of a subject's best unfeatured articles `curator themes` shows.
BEST_SHOWN = 3


class ThemeError(CuratorError):
    """No issue for this theme: too few articles fit it, or the plan is used up; nothing published."""

    exit_code: ClassVar[int] = EXIT_THEME


def theme_name(theme: Sequence[str]) -> str:
    """A theme as the issue names it: 'Service operations and Voice of the customer'."""
    return join_names(list(theme))


def theme_key(theme: Sequence[str]) -> frozenset[str]:
    return frozenset(name.casefold() for name in theme)


@dataclass(frozen=True)
class ThemeHistory:
    """The published issues as the plan of themes counts them: each theme (and promised theme)
    under the subjects' names in feeds.yaml now, a subject renamed since counting for its new
    name."""

    issues: tuple[IssueRecord, ...]
    #: Names issues used that feeds.yaml no longer has, which curator took for renamed though no
    #: `curator subjects rename` said so: (old name, new name, the numbers of the issues whose
    #: theme it was).
    guessed: tuple[tuple[str, str, tuple[int, ...]], ...] = ()


def theme_history(config: Config, store: Store) -> ThemeHistory:
    """The published issues, oldest first, with their themes under today's subject names: a name
    `curator subjects rename` renamed counts as the new name, and a name feeds.yaml no longer has
    that curator can tell was renamed (`placement.renamed_to`) as the one it most likely became."""
    names = {s.name.casefold(): s.name for s in config.subjects}
    renames = {old.casefold(): new for old, new in store.subject_renames()}
    guesses: dict[str, str | None] = {}
    history = store.issues()
    used: dict[tuple[str, str], list[int]] = {}
    # Each issue's articles, read only when a name must be guessed (`published_until`): every
    # build reads the history several times, and most never guess.
    full: list[IssueRecord] = []

    def published_until(name: str) -> set[str]:
        """The subjects issues were published under up to the last one naming `name` (its
        theme, a section, a promise): a subject first published after it may be its new name."""
        if not full:
            full.extend(store.issues(with_articles=True))
        history = full
        key = name.casefold()
        last = max(
            (
                k
                for k, i in enumerate(history)
                if key in {n.casefold() for n in (*i.theme, *(i.promised or ()))}
                or key in {n.casefold() for n, _ in i.featured}
            ),
            default=len(history) - 1,
        )
        return {n for i in history[: last + 1] for n in (*i.theme, *(s for s, _ in i.featured))}

    def current(name: str, number: int | None) -> str:
        seen: set[str] = set()
        now = name
        while now.casefold() not in names and now.casefold() in renames:
            if now.casefold() in seen:
                break
            seen.add(now.casefold())
            now = renames[now.casefold()]
        if now.casefold() in names:
            return names[now.casefold()]
        if now.casefold() not in guesses:
            guess, _ = renamed_to(
                config, store.corrections(), now, published_until(now), last_plan(history)
            )
            guesses[now.casefold()] = guess
        guess = guesses[now.casefold()]
        if guess is None:
            return now
        if number is not None:  # (a theme: the warning names its issue)
            used.setdefault((now, guess), []).append(number)
        return guess

    def mapped(names_: Sequence[str] | None, number: int | None) -> tuple[str, ...] | None:
        return None if names_ is None else tuple(current(n, number) for n in names_)

    issues = tuple(
        replace(
            i,
            theme=mapped(i.theme, i.number) or (),
            promised=mapped(i.promised, None),
            plan=None if i.plan is None else tuple(mapped(e, None) or () for e in i.plan),
            featured=(),
            copies=(),
        )
        for i in history
    )
    guessed = tuple((old, new, tuple(sorted(set(numbers)))) for (old, new), numbers in used.items())
    return ThemeHistory(issues, guessed)


def guessed_rename_notes(config: Config, history: ThemeHistory) -> tuple[str, ...]:
    """A warning per name past issues used that curator took for renamed on its own."""
    out = []
    for old, new, numbers in history.guessed:
        which = _issues_named(numbers)
        out.append(
            f"{which} had the theme `{old}`, a subject {config.path} no longer has: the plan of"
            f" themes counts {'them' if len(numbers) > 1 else 'it'} as on `{new}`, which it"
            f" looks renamed to; to say so once and for all: `curator subjects rename"
            f' {shell_arg(old)} {shell_arg(new)}` (or name the subject it became instead of "{new}")'
        )
    return tuple(out)


def subject_definition(subject: Subject) -> str:
    """What defines a subject besides its name, to tell it from another of the same name: its
    description and keywords (their case and order aside)."""
    words = sorted({" ".join(k.split()).casefold() for k in subject.keywords})
    return json.dumps([" ".join(subject.description.split()).casefold(), words], ensure_ascii=False)


def _issues_on(store: Store, name: str) -> list[int]:
    """The numbers of the published issues whose theme was `name`, or that published articles
    under it (by the name `curator subjects rename` gave it since)."""
    key = name.casefold()
    return [
        i.number
        for i in store.issues(with_articles=True)
        if any(
            store.renamed_to(n).casefold() == key for n in (*i.theme, *(s for s, _ in i.featured))
        )
    ]


def hand_renamed(config: Config, store: Store) -> list[dict[str, Any]]:
    """The subjects of feeds.yaml renamed by hand onto the name of a subject issues were on and
    that had been removed, not answered yet (walk155 #5: "Service operations" removed and
    renamed "Voice of the customer" in feeds.yaml, the name of a subject removed earlier that
    issue 2 was on, took over issue 2's history without a word: the plan skipped its line, the
    next build had no closing line and the one after said the plan was used up; `curator
    subjects rename` asks for `--merge` in that case, a hand edit was never asked).

    Found by comparing feeds.yaml's subjects with those the last `themes`, `draft` or `build`
    saw (`Store.subjects_seen`), then kept until answered: a subject NEW that issues were on,
    which either was no subject then (a removed subject brought back) or is defined now as the
    subject OLD was then (its description and keywords: only the name was edited), while OLD,
    a subject then, is none now. A removed subject brought back while no other left is no
    rename, and says nothing. Answered (and forgotten) once OLD is renamed NEW (`curator subjects
    rename OLD NEW --merge`), an issue on NEW is published after the edit, NEW is no subject any
    more or OLD is one again. Each as {"old", "new", "issues": [numbers], "since": the first
    issue number published after the edit}."""
    memo = store.memo.get("hand_renamed")
    if memo is not None and isinstance(memo[1], list):  # (asked once per run)
        return memo[1]
    now = {s.name: subject_definition(s) for s in config.subjects}
    names = {n.casefold() for n in now}
    seen = store.subjects_seen()
    found = list(store.hand_renames())
    if seen is not None:
        before = {n.casefold(): (n, d) for n, d in seen.items()}
        gone = [(n, d) for n, d in seen.items() if n.casefold() not in names]
        for name, definition in now.items():
            was = before.get(name.casefold())
            if not gone or (was is not None and was[1] == definition):
                continue
            same = [old for old, d in gone if d == definition]
            if was is not None and not same:
                continue  # (its own words edited, while another subject went)
            olds = same or ([gone[0][0]] if len(gone) == 1 else [])
            if len(olds) != 1 or any(f["new"].casefold() == name.casefold() for f in found):
                continue
            issues = _issues_on(store, name)
            if issues:
                since = store.next_issue_number()
                found.append({"old": olds[0], "new": name, "issues": issues, "since": since})
    kept = []
    for f in found:
        old, new = str(f["old"]), str(f["new"])
        answered = (
            new.casefold() not in names
            or old.casefold() in names
            or store.renamed_to(old).casefold() == new.casefold()
            or any(n >= int(f["since"]) for n in _issues_on(store, new))
        )
        if not answered:
            kept.append(f)
    if seen != now or kept != store.hand_renames():
        store.keep_subjects_seen(now, kept)
    store.memo["hand_renamed"] = ("", kept)
    return kept


def hand_rename_notes(config: Config, store: Store) -> tuple[str, ...]:
    """What `themes`, `draft` and `build` warn of each subject renamed by hand onto the name of
    a removed subject issues were on (`hand_renamed`)."""
    out = []
    for f in hand_renamed(config, store):
        old, new, numbers = str(f["old"]), str(f["new"]), [int(n) for n in f["issues"]]
        which = _issues_named(numbers)
        counts = "counts" if len(numbers) == 1 else "count"
        out.append(
            f'the subject "{new}" in {config.path} has the name of a subject {which} was on'
            f' before it was removed, and "{old}" left {config.path} in the same edit: if you'
            f' renamed "{old}" to "{new}", {which} {counts} as on "{new}" now, in the plan of'
            f" themes (a line on it counts as done) and in what {which} published under it."
            f" If that is meant, say so: `curator subjects rename {shell_arg(old)}"
            f" {shell_arg(new)} --merge`; if it is another subject, give it a name of its own"
            f" in {config.path} (under `subjects:` and `plan:`); if you brought back the subject"
            f" {which} was on, this warning stops once an issue on it is published"
        )
    return tuple(out)


def history_notes(config: Config, history: ThemeHistory) -> tuple[str, ...]:
    """What `themes`, `draft` and `build` warn of how the plan counts published issues: names
    taken for renamed (`guessed_rename_notes`), and lines counted as done out of the plan's
    order by issues published before curator kept the plan (`counted_out_of_order`)."""
    return (*guessed_rename_notes(config, history), *counted_out_of_order(config, history))


def _issues_named(numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return f"issue {numbers[0]}"
    return "issues " + join_names([str(n) for n in numbers])


@dataclass(frozen=True)
class Ripeness:
    """How ready one subject is to be an issue's theme."""

    subject: str
    #: Unfeatured articles the scorer placed under the subject with at least `min_score`.
    fitting: int
    #: The best few of them, best first, with their scores.
    best: tuple[tuple[Article, float], ...]
    #: The last issue whose theme included the subject, if any.
    last_theme: IssueRecord | None
    #: Enough articles for an issue (`themes.min_articles`).
    ripe: bool
    #: Of `fitting`, those that fit the subject only weakly: the scorer placed them there with a
    #: score under the subject's own bar (`placement.weak_bars`).
    weak: int = 0
    #: The ids of those of `best` that fit only weakly.
    weak_best: frozenset[int] = frozenset()
    #: Unfeatured articles under the subject not in `fitting` for they tell the same story as one
    #: of it (`Untold.copies`): a build names them under it (walk148 N5).
    copies: int = 0
    #: The ids of its best (those an issue would take, not only those shown) placed there
    #: through its keywords alone (`keywordfit`; walk185): an issue features them only when no
    #: other article of the subject waits.
    keywords_only: frozenset[int] = frozenset()
    #: How many of its best `keywords_only` is of.
    drawn: int = 0
    #: The ids of those of `fitting` (curator's, not the editor's moves) that use none of the
    #: subject's own words (`ownwords`; walk194 #1).
    strays: frozenset[int] = frozenset()
    #: Most of those use none of its own words (`ownwords.Strays.most`): ranked after the others (walk194 #2: a pasted suggestion of
    #: 144 articles, 79 using none of its words, was the ripest).
    doubtful: bool = False

    @property
    def on_field(self) -> int:
        """Of `fitting`, those not placed through the subject's keywords alone, nor using none
        of its own words: only these count toward `min_articles` and its rank (walk190 #3: a
        theme of three keywords-only articles, a rugby ticket queue among them, was ripe, and
        its issue published; walk194 #1: a subject of nine off-field stories was the ripest)."""
        return max(self.fitting - len(self.keywords_only | self.strays), 0)

    def to_dict(self) -> dict[str, object]:
        last = self.last_theme
        return {
            "subject": self.subject,
            "fitting": self.fitting,
            "copies": self.copies,
            "weak": self.weak,
            "keywords_only": len(self.keywords_only),
            "without_own_words": len(self.strays),
            "off_its_words": self.doubtful,
            "ripe": self.ripe,
            "best": [
                {
                    "title": a.title,
                    "url": a.url,
                    "score": round(score, 4),
                    "weak": a.id in self.weak_best,
                    "keywords_only": a.id in self.keywords_only,
                    "without_own_words": a.id in self.strays,
                }
                for a, score in self.best
            ],
            "last_theme": (
                {"issue": last.number, "date": last.day.date().isoformat()} if last else None
            ),
        }


def ripeness(
    config: Config, store: Store, say: Say | None = None, keywords: KeywordsFit | None = None
) -> list[Ripeness]:
    """Every configured subject's ripeness, in the config's order (placement brought up to date;
    `say` is told when the stored subject model could not be used; `keywords`: what
    `keywords_only` keeps for the run's next call)."""
    refresh(config, store, say=say)
    bars = weak_bars(config, store)
    history = theme_history(config, store).issues
    # Copies of stories the last issues published are no article of a theme's issue: the build
    # leaves them out, so they are not counted (walk111 #2: a theme was ripe on a copy, and its
    # issue published with fewer articles than it needs). Its best are read until there are
    # enough others to tell whether it is ripe, and which come first. One story at two addresses
    # counts once, as a build names the copy under it (walk117 #1: a theme was ripe on one story
    # told twice, and its issue published one article).
    earlier = told_check(store)
    enough = max(config.themes.min_articles, config.issue_size, BEST_SHOWN)
    min_score = config.themes.min_score
    rows = []
    drawn: list[tuple[Article, str]] = []  # (what an issue would take of each subject)
    for subject in config.subjects:
        found = untold_best(store, subject.name, enough, earlier, min_score=min_score)
        drawn += [(a, subject.name) for a, _ in found.best]
        fitting = store.count_candidates(subject.name, min_score, exclude=found.not_counted)
        bar = bars.get(subject.name)
        weak = 0
        if bar is not None:
            weak = store.count_candidates(
                subject.name, min_score, exclude=found.not_counted, weak_under=bar
            )
        best = found.best[:BEST_SHOWN]
        last = next(
            (
                i
                for i in reversed(history)
                if subject.name.casefold() in {n.casefold() for n in i.theme}
            ),
            None,
        )
        weak_best = store.weak_fits({subject.name: bar}, [a.id for a, _ in best]) if bar else ()
        strays = candidate_strays(config, store, subject, min_score, found.not_counted)
        rows.append(
            Ripeness(
                subject.name,
                fitting,
                best,
                last,
                fitting >= config.themes.min_articles,
                weak,
                frozenset(weak_best),
                len(found.copies),
                strays=frozenset(a.id for a, _ in strays.without if a.id is not None),
                doubtful=bool(strays.without) and strays.most,
            )
        )
    only = keywords_only(config, store, drawn, fit=keywords)
    if not only:
        return [replace(r, ripe=r.on_field >= config.themes.min_articles) for r in rows]
    ids = {a.url: a.id for a, _ in drawn if a.id is not None and a.url in only}
    rows = [
        replace(
            r,
            keywords_only=frozenset(ids[u] for u, k in only.items() if k.subject == r.subject),
            drawn=sum(1 for _, s in drawn if s == r.subject),
        )
        for r in rows
    ]
    return [replace(r, ripe=r.on_field >= config.themes.min_articles) for r in rows]


def ripest(rows: Sequence[Ripeness], issue_size: int) -> Ripeness | None:
    """The subject to suggest: a full issue's worth first, then the longest since it was a theme
    (never first), then the most articles; None when no subject is ripe. The one rule for
    `curator themes` and for a build or draft stopped by a thin theme (a ripe subject of a thin
    theme of several subjects is a fine issue on its own)."""
    ripe = [r for r in rows if r.ripe]
    return min(ripe, key=lambda r: ripeness_order(r, issue_size)) if ripe else None


def ripeness_order(row: Ripeness, issue_size: int) -> tuple[bool, bool, int, int, int, int]:
    """Ripest first: a ripe subject before one too thin, then a full issue's worth, then the
    longest since it was a theme (never first), then the most articles."""
    last = row.last_theme.number if row.last_theme else 0
    return (
        not row.ripe,
        row.doubtful,
        -min(row.on_field, issue_size),
        last,
        -row.on_field,
        -row.fitting,
    )


def pending(plan: Sequence[Sequence[str]], history: Sequence[IssueRecord]) -> list[int]:
    """The plan entries (their indexes) that have not had their issue yet, in order."""
    done = done_entries(plan, history)
    return [index for index in range(len(plan)) if index not in done]


def done_entries(
    plan: Sequence[Sequence[str]], history: Sequence[IssueRecord]
) -> dict[int, IssueRecord]:
    """The plan entries (their indexes) that have had their issue, each with that issue.

    An issue that took a theme's place in the plan (`planned`) did the very entry it took: curator
    keeps the plan as it stood then (`IssueRecord.plan`), and finds that entry in today's plan as
    a diff of the two does. An entry deleted since is done by no issue, so deleting published
    themes from the top of the plan is tidying, and an entry of the same subject further down
    (there then, or written since) is still to come (walk111 #2: it was taken as done by the
    issue whose line was deleted, and the plan ran out early). An issue published before curator
    kept the plan does the first entry of its theme not done (as curator counted before), so a
    theme listed twice gets two issues.
    """
    keys = tuple(theme_key(entry) for entry in plan)
    done: dict[int, IssueRecord] = {}
    older = []
    for issue in history:
        if not (issue.planned and issue.theme):
            continue
        if issue.plan is None or issue.plan_entry is None:
            older.append(issue)
            continue
        then = tuple(theme_key(entry) for entry in issue.plan)
        index = _aligned(then, keys).get(issue.plan_entry)
        if index is not None and index not in done and keys[index] == theme_key(issue.theme):
            done[index] = issue
    for issue in older:
        key = theme_key(issue.theme)
        index = next((i for i, k in enumerate(keys) if k == key and i not in done), None)
        if index is not None:
            done[index] = issue
    return done


@lru_cache(maxsize=256)
def _aligned(then: tuple[frozenset[str], ...], now: tuple[frozenset[str], ...]) -> dict[int, int]:
    """Each entry of the plan `then` that is still in the plan `now`, by index: entries kept in
    the same order, as a diff pairs the lines two versions of a file have in common."""
    matcher = difflib.SequenceMatcher(None, then, now, autojunk=False)
    return {a + k: b + k for a, b, size in matcher.get_matching_blocks() for k in range(size)}


def plan_entry(config: Config, history: Sequence[IssueRecord], theme: Sequence[str]) -> int | None:
    """The plan entry an issue on `theme` published after `history` takes (the first not done
    of its theme), or None."""
    plan = config.themes.plan
    key = theme_key(theme)
    return next((i for i in pending(plan, history) if theme and theme_key(plan[i]) == key), None)


def counted_out_of_order(config: Config, history: ThemeHistory) -> tuple[str, ...]:
    """A warning per plan entry an issue published before curator kept the plan is counted as
    having done though an entry above it is still to come: a published theme's line deleted from
    the top of the plan leaves curator counting a later line of the same subject as done by that
    issue (walk111 #2), which only the editor can tell from an issue on that later entry's theme
    (`--subject`); said with how to say otherwise."""
    plan = config.themes.plan
    done = done_entries(plan, history.issues)
    first_left = next((i for i in range(len(plan)) if i not in done), None)
    out = []
    for index, issue in sorted(done.items()):
        if first_left is None or index < first_left or issue.plan is not None:
            continue
        line = config.themes.plan_lines[index] if index < len(config.themes.plan_lines) else 0
        where = f"{config.path}:{line}" if line else str(config.path)
        name = theme_name(plan[index])
        flow = ", ".join(plan[index])
        entry = plan[index][0] if len(plan[index]) == 1 else f"[{flow}]"
        out.append(
            f"{where}: the plan of themes counts `{name}` on this line as done by issue"
            f" {issue.number} (on it, published before curator kept which line each issue took),"
            f" though `{theme_name(plan[first_left])}` above it is still to come; if this line is"
            f" a theme still to come, write issue {issue.number}'s line back at the top of the"
            f" plan (`- {entry}`: the published lines may stay there), and curator counts it as"
            " done by that line instead"
        )
    return tuple(out)


@dataclass(frozen=True)
class ThemeChoice:
    """The next issue's theme, and where it stands in the plan."""

    #: The subjects the issue is about, in order; () for an issue of every subject.
    theme: tuple[str, ...] = ()
    #: The issue takes this theme's place in the plan (recorded with the issue).
    planned: bool = False
    #: The theme the plan has next after this issue, or () (`promised_theme` says whether the
    #: issue may promise it).
    next_theme: tuple[str, ...] = ()


def requested_subjects(
    config: Config, subjects: Sequence[str], all_subjects: bool
) -> tuple[str, ...]:
    """The subjects `--subject` names, as configured: checked before anything is fetched, so a
    typo (InputError with a did-you-mean) or both flags at once stop the run at once."""
    if subjects and all_subjects:
        raise InputError("give --subject or --all-subjects, not both")
    return config.subjects_named(subjects)


def choose_theme(
    config: Config,
    store: Store,
    subjects: Sequence[str] = (),
    *,
    all_subjects: bool = False,
    check: bool = True,
    drafting: bool = False,
    keywords: KeywordsFit | None = None,
) -> ThemeChoice:
    """The theme of the next issue: the given `subjects`, every subject, or the plan's next theme.

    Raises InputError for a subject that is not configured (with a did-you-mean), and ThemeError
    when the plan is used up or (with `check`) the theme has too few articles; its message says
    nothing was drafted (`drafting`) or published.
    """
    nothing = "nothing was drafted" if drafting else "nothing was published"
    plan = config.themes.plan
    todo = pending(plan, theme_history(config, store).issues)
    chosen = requested_subjects(config, subjects, all_subjects)
    consumed: int | None = None
    if chosen:
        theme = chosen
        consumed = next((i for i in todo if theme_key(plan[i]) == theme_key(theme)), None)
    elif all_subjects or not plan:
        theme = ()
    elif not todo:
        raise ThemeError(_used_up(config, store, "draft" if drafting else "build"))
    else:
        consumed = todo[0]
        theme = plan[consumed]
    following = next((plan[i] for i in todo if i != consumed), ())
    if theme and check:
        _check_ripe(
            config,
            store,
            theme,
            planned_line=_line(config, consumed, subjects),
            nothing=nothing,
            keywords=keywords,
        )
    return ThemeChoice(theme, consumed is not None, tuple(following))


def plan_next(
    config: Config, history: Sequence[IssueRecord], theme: Sequence[str], planned: bool
) -> tuple[str, ...]:
    """The theme the plan has next after an issue on `theme` (taking its place in the plan, or
    not) published after `history`; () when the plan has none left."""
    plan = config.themes.plan
    todo = pending(plan, history)
    consumed = None
    if planned and theme:
        consumed = next((i for i in todo if theme_key(plan[i]) == theme_key(theme)), None)
    return tuple(next((plan[i] for i in todo if i != consumed), ()))


def takes_plan_place(config: Config, store: Store, theme: Sequence[str]) -> bool:
    """True when an issue on `theme` takes the place of a plan entry not yet done."""
    plan = config.themes.plan
    todo = pending(plan, theme_history(config, store).issues)
    return bool(theme) and any(theme_key(plan[i]) == theme_key(theme) for i in todo)


def plan_gives(config: Config, store: Store, theme: Sequence[str]) -> bool:
    """True when `theme` is the one the plan of themes gives the next issue (a plain `curator
    draft` or `build` would take it)."""
    plan = config.themes.plan
    todo = pending(plan, theme_history(config, store).issues)
    return bool(theme) and bool(todo) and theme_key(plan[todo[0]]) == theme_key(theme)


def done_ahead(config: Config, store: Store) -> list[str]:
    """Each line of the plan an issue did before its turn (on its theme by `--subject` or a
    draft's `theme:`, while a line above it is still to come), as `curator themes` lists it:
    'feeds.yaml:12: Service operations, by issue 3'; no later build takes those lines
    (walk117 #2)."""
    plan = config.themes.plan
    history = theme_history(config, store).issues
    done = done_entries(plan, history)
    first_left = next((i for i in range(len(plan)) if i not in done), None)
    out = []
    for index, issue in sorted(done.items()):
        if first_left is None or index < first_left or issue.plan is None:
            continue  # (one published before curator kept the plan is warned of instead)
        line = _line(config, index, ())
        where = f"{config.path}:{line}" if line else str(config.path)
        out.append(f"{where}: {theme_name(plan[index])}, by issue {issue.number}")
    return out


def later_line_note(config: Config, store: Store, theme: Sequence[str], number: int) -> str:
    """What a build says of an issue on `theme` (number `number`, about to be recorded as taking
    the plan's place) that does a line of the plan below the one the plan gives next: that line
    is done by it, and no later build takes it (walk117 #2: a `draft --subject` issue did the
    plan's later line of its subject without a word, and 15 issues later the plan skipped it);
    "" when it does the plan's next line, or none."""
    plan = config.themes.plan
    history = theme_history(config, store).issues
    todo = pending(plan, history)
    entry = plan_entry(config, history, theme)
    if entry is None or not todo or entry == todo[0]:
        return ""
    line = _line(config, entry, ())
    where = f"{config.path}:{line}" if line else str(config.path)
    return (
        f"{where}: issue {number}, on `{theme_name(theme)}`, counts as the plan's line for it"
        f" here, done now, though `{theme_name(plan[todo[0]])}` comes first (the next plain"
        " build takes that): no later build takes this line, so the plan has no other issue on"
        f" `{theme_name(theme)}` there; to have one, write the line again under `themes: plan:`"
    )


def _line(config: Config, index: int | None, subjects: Sequence[str]) -> int | None:
    """The plan entry's line in feeds.yaml, when the theme came from the plan."""
    if subjects or index is None or index >= len(config.themes.plan_lines):
        return None
    return config.themes.plan_lines[index]


def or_fewer(config: Config) -> str:
    """', or lower `themes: min_articles:` in PATH' (`_fewer_needed`), or '' when an issue
    cannot need fewer: `min_articles:` is 1 already (walk116 #1: its advice could not be
    followed, 0 is refused)."""
    fewer = _fewer_needed(config)
    return f", or {fewer}" if fewer else ""


def _fewer_needed(config: Config, fewer: int | None = None) -> str:
    """How to let an issue have fewer articles: lower `themes: min_articles:`, or, when
    feeds.yaml has no `themes:` block (the default is used), add one (walk57 #7), with `fewer`
    as its value when given; "" when no issue can need fewer than `min_articles:` says (it is 1
    already, or `fewer` is 0: walk116 #1 was told to lower 1)."""
    if config.themes.min_articles <= 1 or fewer == 0:
        return ""
    if config.themes.written:
        return f"lower `themes: min_articles:` in {config.path}"
    value = f"`themes: {{min_articles: {fewer}}}`" if fewer else "`themes:` with `min_articles:`"
    return f"add {value} to {config.path}, which has no `themes:` block"


def _suggestion(config: Config, rows: Sequence[Ripeness]) -> str:
    """The ripest subject, as `curator themes` names it, and the command that drafts an issue on
    it for review (not `build`, which would publish it unseen)."""
    best = ripest(rows, config.issue_size)
    if best is None:
        fewer = _fewer_needed(config)
        return (
            f"No subject has {unfeatured(config.themes.min_articles)} that"
            f" {'fits' if config.themes.min_articles == 1 else 'fit'} it yet: "
            "fetch more (`curator fetch`)"
            + (f", or {fewer}" if fewer else ", and build when `curator themes` says one is ripe")
        )
    return (
        f"The ripest subject is `{best.subject}` ({best.on_field} articles); to review an issue on"
        f" it: `curator draft --subject {shell_arg(best.subject)}`; `curator themes` shows every subject"
    )


def _check_ripe(
    config: Config,
    store: Store,
    theme: Sequence[str],
    *,
    planned_line: int | None,
    nothing: str = "nothing was published",
    keywords: KeywordsFit | None = None,
) -> None:
    rows = ripeness(config, store, keywords=keywords)
    by_name = {r.subject: r for r in rows}
    need = config.themes.min_articles
    drafting = "drafted" in nothing
    for name in theme:
        row = by_name[name]
        # (keywords-only articles count only for a draft: walk190 #3)
        if counted(row, drafting) >= need:
            continue
        what = "planned theme" if planned_line is not None else "theme"
        where = f"{config.path}:{planned_line}: " if planned_line is not None else ""
        count = f"{row.fitting} unfeatured article{'s' if row.fitting != 1 else ''} fit it"
        count += keywords_only_count(row)
        if row.copies:
            # (walk148 N5: "1 unfeatured article fit it" while `subjects list` showed 8: 7 were
            # copies of one story, which a build names under it)
            every = row.fitting + row.copies
            stories = f"{row.fitting} stor{'y' if row.fitting == 1 else 'ies'}"
            count = (
                f"{every} unfeatured articles fit it, but they tell {stories} ({row.copies}"
                f" {'is a copy' if row.copies == 1 else 'are copies'} of another: named under it"
                " when featured)"
            )
        setting = "themes: min_articles"
        advice = ""
        command = "draft" if "drafted" in nothing else "build"
        fewer = _fewer_needed(config, counted(row, drafting))
        if not config.themes.written:  # the default: say what to add, not what to lower
            setting = f"the default, as {config.path.name} sets no `themes: min_articles:`"
            whole = f"an issue of every subject instead: `curator {command}` without --subject."
            # (a sentence of its own when there is no fewer to advise: walk166 #9, "...nothing
            # was published. for an issue")
            advice = (
                f" For an issue on it with fewer: {fewer}; for {whole}"
                if fewer
                else f" For {whole}"
            )
        raise ThemeError(
            f"{where}the {what} `{name}` is too thin: {count}, and an issue needs "
            f"{need} ({setting}){_used_by(store, name)}{_copies_left_out(config, store, name)};"
            f" {nothing}.{advice}{keywords_only_advice(row)}"
            f"{_renamed_from(config, store, name)} " + _suggestion(config, rows)
        )


def _renamed_from(config: Config, store: Store, subject: str) -> str:
    """' `CX basics` looks renamed from `OLD` ...': the subject feeds.yaml no longer has that the
    plan counts as `subject` (`ThemeHistory.guessed`), with the rename that says so (walk150 #2:
    a renamed subject's stop named no rename); "" when there is none."""
    said = []
    for old, new, numbers in theme_history(config, store).guessed:
        if new.casefold() != subject.casefold():
            continue
        said.append(
            f" `{subject}` looks renamed from `{old}`, a subject {config.path} no longer has"
            f" ({_issues_named(numbers)} had it as {'its' if len(numbers) == 1 else 'their'}"
            f" theme, counted as on `{subject}`): its articles are placed by curator again, and"
            f" `curator subjects rename {shell_arg(old)} {shell_arg(subject)}` keeps your moves"
            " to it and says so once and for all."
        )
    return "".join(said)


def _copies_left_out(config: Config, store: Store, subject: str) -> str:
    """'; 1 more fits it but tells the same story as "TITLE", published in issue 1': the articles
    placed under `subject` that no issue features for they copy a story an issue published, so
    the editor sees why the count leaves them out (walk116 #1: "0 unfeatured articles fit it",
    while `subjects list` showed one); "" when there is none."""
    copies = told_copies(
        store, [subject], config.themes.min_articles, min_score=config.themes.min_score
    )
    if not copies:
        return ""
    published, number = next(iter(copies.values()))
    # The title issue `number` printed, as corrected in its draft or issue-N.json, not the
    # feed's (walk149 #12, the themes stop: the draft note and the build warning name it so).
    title = store.published_titles([published.id]).get(published.id, published.title)
    published = replace(published, title=title)
    if len(copies) == 1:
        return (
            f'; 1 more fits it but tells the same story as "{published.title}", {published_in(number)}'
            " (no issue publishes a story twice)"
        )
    return (
        f"; {len(copies)} more fit it but tell stories issues published (the first the same as"
        f' "{published.title}", {published_in(number)}; no issue publishes a story twice)'
    )


def _used_by(store: Store, subject: str) -> str:
    """'; issue 3 (of every subject) featured 2 of its articles': every issue that featured the
    subject's articles, so the editor sees why a theme is thin ('; issue 1 (of every subject)
    featured 1 of its articles and issue 2 (of every subject) 1': walk48 #7 named only the
    latest); '' when there is none."""
    said = []
    key = subject.casefold()
    for issue in store.issues(with_articles=True):
        used = sum(1 for name, _ in issue.featured if name.casefold() == key)
        # Those its draft published under another section (walk153 #6: issue 5 took one under
        # Service operations, and the stop named issue 3 alone).
        moves = store.issue_moves(issue.number)
        taken = [
            name
            for name, i in issue.featured
            if name.casefold() != key and moves.get(i, "").casefold() == key
        ]
        moved, elsewhere = len(taken), sorted(set(taken))
        if used or moved:
            about = f"on {theme_name(issue.theme)}" if issue.theme else "of every subject"
            under = (
                f" ({moved} under {join_names(elsewhere)}, where its draft put"
                f" {'it' if moved == 1 else 'them'})"
                if moved
                else ""
            )
            said.append((f"issue {issue.number} ({about})", used + moved, under))
    if not said:
        return ""
    (head, count, under), *rest = said
    first = f"{head} featured {count} of its articles{under}"
    others = [f"{h} {n}{u}" for h, n, u in rest]
    if not others:
        return f"; {first}"
    return f"; {', '.join([first, *others[:-1]])} and {others[-1]}"


def _used_up(config: Config, store: Store, command: str = "build") -> str:
    rows = ripeness(config, store)
    count = len(config.themes.plan)
    return (
        f"{config.path}: the plan of themes is used up (its {count} theme"
        f"{'s have' if count != 1 else ' has'} had their issues); add the next ones under "
        f"`themes: plan:`, or {command} one issue with --subject NAME or --all-subjects. "
        + _suggestion(config, rows)
    )


__all__ = [
    "Ripeness",
    "ThemeHistory",
    "ThemeChoice",
    "ThemeError",
    "plan_gives",
    "plan_next",
    "choose_theme",
    "guessed_rename_notes",
    "hand_rename_notes",
    "hand_renamed",
    "history_notes",
    "theme_history",
    "pending",
    "plan_entry",
    "done_entries",
    "counted_out_of_order",
    "ripeness",
    "ripest",
    "takes_plan_place",
    "later_line_note",
    "done_ahead",
    "theme_name",
    "unfeatured",
]


def unfeatured(count: int) -> str:
    """ "3 unfeatured articles", "an unfeatured article" (walk121, walk122: "No subject has 1
    unfeatured articles", "fewer than 1 unfeatured articles")."""
    return "an unfeatured article" if count == 1 else f"{count} unfeatured articles"


def fewer_than(count: int) -> str:
    """ "fewer than 3 unfeatured articles", or "no unfeatured article" for fewer than one."""
    return "no unfeatured article" if count <= 1 else f"fewer than {count} unfeatured articles"
