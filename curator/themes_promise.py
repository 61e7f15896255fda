"""A theme's promises: an issue's closing line naming the next issue's theme, and whether the plan
(or a draft) can keep it (moved out of `themes`, which plans the themes).

An issue's closing line may promise the theme of the issue after it (`promise_made`); these check
that promise against the plan and the store as the draft is made, rendered and built (a theme too
thin to keep it, a closing line naming another theme), and name the theme promised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from curator.config import Config
from curator.errors import shell_arg
from curator.placement import told_check, untold_best
from curator.render import AND, join_names, words_and
from curator.store import IssueRecord, Store
from curator.themes import (
    ThemeChoice,
    ThemeError,
    fewer_than,
    or_fewer,
    pending,
    plan_next,
    theme_history,
    theme_key,
    theme_name,
)


def promised_theme(
    config: Config, store: Store, choice: ThemeChoice, featured: Iterable[int]
) -> tuple[str, ...]:
    """The theme this issue's closing line may promise: the plan's next theme when it will still
    be ripe once this issue's `featured` articles (their ids) are used, else () (no promise).

    The next plain build takes that theme or stops with exit 3, so an issue that uses up the
    next theme's articles (`--all-subjects`, or `--subject` on it) must not promise it.
    """
    if not choice.next_theme or _thin_after(config, store, choice.next_theme, featured):
        return ()
    return choice.next_theme


def _names_in(text: str, name: str) -> int:
    """Where `name` stands as whole words in `text` (both casefolded), or -1."""
    found = re.search(r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)", text)
    return found.start() if found else -1


def closing_names(
    config: Config, closing: str | None, theme: Sequence[str], following: Sequence[str] = ()
) -> tuple[str, ...]:
    """The theme an issue on `theme` names in its `closing` line as the next one: `following`
    (the plan's next theme) when the line names it, else the first theme of the plan or subject
    of feeds.yaml the line names (the longest name where two start at one place), other than the
    issue's own theme; () when it names none."""
    text = " ".join((closing or "").split()).casefold()
    if not text:
        return ()
    and_word = words_and(config.settings.templates)

    def named_at(names: Sequence[str]) -> int:
        # (joined as {next_theme} joins them, with `_words.txt`'s and_word: walk191 #2)
        found = [
            _names_in(text, join_names(list(names), w)) for w in dict.fromkeys((AND, and_word))
        ]
        return min((at for at in found if at >= 0), default=-1)

    if following and named_at(following) >= 0:
        return tuple(following)
    candidates = [tuple(t) for t in config.themes.plan] + [(s.name,) for s in config.subjects]
    best: tuple[int, int, tuple[str, ...]] | None = None
    for cand in candidates:
        if theme_key(cand) == theme_key(theme):
            continue
        at = named_at(cand)
        if at < 0:
            continue
        rank = (at, -len(theme_name(cand)), cand)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else ()


def promise_made(
    config: Config,
    history: Sequence[IssueRecord],
    theme: Sequence[str],
    planned: bool,
    closing: str | None,
) -> tuple[str, ...]:
    """The theme an issue on `theme` (taking its place in the plan, or not) published after
    `history` promises as the next one: the theme its closing line names ("Next time:
    {next_theme}", or a line the editor wrote), the plan's next theme first; else ()."""
    return closing_names(config, closing, theme, plan_next(config, history, theme, planned))


def _promises_own(closing: str | None, theme: Sequence[str]) -> bool:
    """The closing line names the issue's own theme after the word "next" ("Next time: ...")."""
    text = " ".join((closing or "").split()).casefold()
    at = _names_in(text, theme_name(theme)) if theme else -1
    return at >= 0 and re.search(r"(?<!\w)next(?!\w)", text[:at]) is not None


def draft_promise(
    config: Config, store: Store, theme: Sequence[str], planned: bool, featured: Iterable[int]
) -> tuple[tuple[str, ...], str]:
    """What a draft's {next_theme} becomes for an issue on `theme` featuring `featured` (ids), as
    a plain build's does (`promised_theme`): the plan's next theme when it will still be ripe once
    this issue is published, else (), with why it is empty, in the editor's words."""
    following = plan_next(config, theme_history(config, store).issues, theme, planned)
    if not config.themes.plan:
        return (), "feeds.yaml has no `themes: plan`, so there is no next theme"
    if not following:
        return (), "the plan of themes has no theme left after this issue"
    if _thin_after(config, store, following, featured):
        return (), (
            f"the plan's next theme, {join_names(list(following))}, will have"
            f" {fewer_than(config.themes.min_articles)} after this issue"
            " (themes: min_articles)"
        )
    return following, ""


def _thin_after(
    config: Config, store: Store, theme: Sequence[str], featured: Iterable[int]
) -> bool:
    """True when a subject of `theme` will have too few unfeatured articles for an issue once the
    `featured` articles (ids) are published."""
    return bool(_thin_counts(config, store, theme, featured))


def _thin_counts(
    config: Config, store: Store, theme: Sequence[str], featured: Iterable[int]
) -> list[tuple[str, int]]:
    """Each subject of `theme` that will have too few unfeatured articles for an issue once the
    `featured` articles (ids) are published, with how many it will have."""
    used = set(featured)
    need, min_score = config.themes.min_articles, config.themes.min_score
    # (not the copies of stories told before, which no issue features: walk110 #4 promised a
    # theme whose only article was one; nor those of this issue's stories: walk116 #1)
    earlier = told_check(store, used)
    out = []
    for name in theme:
        found = untold_best(store, name, need, earlier, min_score=min_score, exclude=used)
        count = store.count_candidates(name, min_score, exclude=used | found.not_counted)
        if count < need:
            out.append((name, count))
    return out


def closing_mismatch(
    config: Config,
    store: Store,
    theme: Sequence[str],
    planned: bool,
    closing: str | None,
    where: str,
    featured: Iterable[int] = (),
) -> tuple[str, ...]:
    """A warning when an issue on `theme` closes naming another next theme than the plan of themes
    will give after it (a draft's closing written for another theme, or edited): the next plain
    build would break the promise. The advice names the plan's next theme only when it will still
    be ripe once this issue's `featured` articles (ids) are used (walk46 #4: obeying it named a
    theme too thin, and the next build stopped)."""
    history = theme_history(config, store).issues
    following = plan_next(config, history, theme, planned)
    named = closing_names(config, closing, theme, following)
    own = ""
    if not named and _promises_own(closing, theme):
        # "Next time: Service operations" kept after theme: was changed to Service operations
        # (walk38 #4): a promise of the issue's own theme, which the next build will not keep.
        named, own = tuple(theme), ", this issue's own theme,"
    if not named or theme_key(named) == theme_key(following):
        return ()
    about = f"on {theme_name(theme)}" if theme else "of every subject"
    if following and _thin_after(config, store, following, featured):
        plan_says = (
            f"the plan of themes (themes: plan:) has `{theme_name(following)}` next, and"
            f" `{theme_name(following)}` will have {fewer_than(config.themes.min_articles)}"
            " after this issue (themes: min_articles), so the next plain build"
            " stops (exit 3) unless more are fetched"
        )
        fix = (
            "leave the next theme out of it ({next_theme} is left out too), or fetch more"
            f" articles on `{theme_name(following)}` (`curator themes` shows when it is ripe)"
        )
    elif following:
        plan_says = f"the plan of themes (themes: plan:) has `{theme_name(following)}` next"
        fix = f"write `{theme_name(following)}` there (or {{next_theme}})"
    else:
        plan_says = "the plan of themes (themes: plan:) has no theme left"
        fix = "leave the next theme out of it"
    keep = " ".join(f"--subject {shell_arg(n)}" for n in named)
    return (
        f'{where} closes with "{closing}", naming `{theme_name(named)}`{own} as the next theme,'
        " but"
        f" after this issue {about} {plan_says}, and the next plain build takes that: to keep"
        f" the line true, {fix} (closing: in the front matter), or make the next issue with"
        f" curator draft {keep}",
    )


def thin_promise(
    config: Config,
    store: Store,
    theme: Sequence[str],
    planned: bool,
    closing: str | None,
    featured: Iterable[int],
    where: str,
) -> tuple[str, ...]:
    """A warning when an issue on `theme` closes promising a next theme that will be too thin
    once this issue's `featured` articles (their ids) are used: a draft's closing line written
    while the theme was ripe, then articles excluded or moved. A plain build leaves such a line
    out and says so (`issue_text`); a draft's line is the editor's, so it is published as written
    and named, for the next plain build would stop with exit 3 (walk33 #2)."""
    history = theme_history(config, store).issues
    named = promise_made(config, history, theme, planned, closing)
    if not named:
        return ()
    need = config.themes.min_articles
    thin = _thin_counts(config, store, named, featured)
    if not thin:
        return ()
    counts = ", ".join(f"`{name}` {count}" for name, count in thin)
    # Said once the issue is published (walk33 #2): the draft's line is the editor's, published
    # as written, so the advice is what still works then, not "change `closing:` in the draft"
    # (building that draft again says it was published already).
    return (
        f'{where}: the closing line "{" ".join((closing or "").split())}" was published'
        f" promising `{theme_name(named)}` as the next theme, but it has {fewer_than(need)}"
        f" left ({counts}; themes: min_articles), so the next plain"
        " `curator build` stops (exit 3) instead of keeping the promise; before the next issue,"
        " fetch more articles on it (`curator fetch`; `curator themes` shows when it is ripe)"
        f"{or_fewer(config)}, or draft the next issue on another subject (`curator draft"
        ' --subject "NAME"`, which says the promise is broken)',
    )


def draft_thins_promise(
    config: Config,
    store: Store,
    theme: Sequence[str],
    planned: bool,
    closing: str | None,
    featured: Sequence[tuple[int, str, str]],
    where: str,
) -> None:
    """Stop (exit 3, nothing published) a draft whose closing line promises a next theme that
    its own articles leave too thin: ripe without this issue, too thin once `featured` ((id,
    title, section) of every article it publishes) are published (walk153 #6: a draft that added
    an article of the promised theme under another section was published, "Next time: Customer
    journey mapping" and all, and warned of only then). The promise is the editor's line, so
    the editor chooses: cut those articles, or change the line. A theme thin before this draft
    took anything (articles excluded since it was drafted) is published and warned of instead
    (`thin_promise`)."""
    history = theme_history(config, store).issues
    named = promise_made(config, history, theme, planned, closing)
    if not named:
        return
    ids = [i for i, _, _ in featured]
    thin = _thin_counts(config, store, named, ids)
    if not thin or _thin_counts(config, store, named, ()):
        return
    keys = {n.casefold() for n in named}
    stored = store.stored_subjects(ids)
    taken = [
        (title, section)
        for i, title, section in featured
        if (stored.get(i) or "").casefold() in keys and section.casefold() not in keys
    ] or [(title, section) for i, title, section in featured if section.casefold() in keys]
    which = "; ".join(f'"{title}" (under {section})' for title, section in taken[:5])
    if len(taken) > 5:
        which += f"; and {len(taken) - 5} more"
    counts = ", ".join(f"`{name}` {count}" for name, count in thin)
    them = "it" if len(taken) == 1 else "them"
    raise ThemeError(
        f'{where}: the closing line "{" ".join((closing or "").split())}" promises'
        f" `{theme_name(named)}` as the next theme, but this draft features"
        f" {len(taken)} of its articles ({which}), which leaves it"
        f" {fewer_than(config.themes.min_articles)} ({counts}; themes: min_articles), so the"
        " next plain `curator build` would stop (exit 3) instead of keeping the promise; nothing"
        f" was published. Cut {them} from the draft, or change the closing line (`closing:` in"
        " its front matter: {next_theme} names the plan's next theme only while it is ripe, or"
        " write a line that promises nothing), then build again"
    )


def broken_promise(
    config: Config,
    store: Store,
    number: int,
    theme: Sequence[str],
    chosen_by: str | None = None,
    featured: Iterable[int] = (),
    covered: Iterable[str] = (),
    drafting: bool = False,
) -> tuple[str, ...]:
    """A warning when issue `number`, on `theme` (() every subject), is not on the theme the
    previous issue promised as the next one, naming both and why: `chosen_by` (how the command
    chose the theme, e.g. "--subject asked for it"), else what changed in the plan. The advice
    to keep the promise is given only when it works: once this issue's `featured` articles (ids)
    are used, a theme left too thin is said to be so, with what to do (walk57 #2: "to keep the
    promise: curator draft --subject ..." after an issue of every subject took its articles
    stopped with exit 3). An issue of every subject with a section on each promised subject
    (`covered`, its sections' subjects) keeps the promise: no warning (walk75 #3: the demo's
    issue of every subject, Voice of the customer its one section, was warned of as breaking
    the promise of Voice of the customer). `drafting`: said by `curator draft`, whose draft of
    this issue is written, so the advice replaces it (`--force`: walk111 #3, pasted without it
    stopped as the draft existed); else the issue is published, and the advice is for the next."""
    history = theme_history(config, store).issues
    if not history:
        return ()
    last = history[-1]
    promised = last.promised
    if promised is None:  # (published before curator kept its promise)
        promised = promise_made(config, history[:-1], last.theme, last.planned, last.closing)
    if not promised or theme_key(promised) == theme_key(theme):
        return ()
    if not theme and theme_key(promised) <= theme_key(tuple(covered)):
        return ()
    plan = config.themes.plan
    if chosen_by is None:
        left = [plan[i] for i in pending(plan, history)]
        if not any(theme_key(t) == theme_key(promised) for t in left):
            chosen_by = (
                f"`{theme_name(promised)}` is no longer among the themes still to come in"
                f" {config.path} (themes: plan:)"
            )
        else:
            chosen_by = f"{config.path}'s plan of themes (themes: plan:) now has it before"
    about = f"on {theme_name(theme)}" if theme else "of every subject"
    keep = " ".join(f"--subject {shell_arg(n)}" for n in promised)
    said = f' (its closing line: "{last.closing}")' if last.closing else ""
    head = (
        f"issue {last.number} promised `{theme_name(promised)}` as the next theme{said}, but"
        f" issue {number} is {about}: {chosen_by}"
    )
    need = config.themes.min_articles
    thin = _thin_counts(config, store, promised, featured)
    if thin:
        counts = ", ".join(f"`{name}` {count}" for name, count in thin)
        return (
            f"{head}; after this issue `{theme_name(promised)}` has {fewer_than(need)}"
            f" left ({counts}; themes: min_articles), so a draft on it stops (exit 3): to"
            " keep the promise later, fetch more (`curator fetch`) and draft it when `curator"
            f" themes` says it is ripe{or_fewer(config)}; or tell"
            " readers why in this issue's introduction",
        )
    if drafting:
        return (
            f"{head}; to keep the promise: `curator draft --force {keep}` (which replaces the"
            f" draft of issue {number} just written; or tell readers why in this issue's"
            " introduction)",
        )
    return (
        f"{head}; to keep the promise in the next issue: `curator draft {keep}`"
        " (or tell readers why in this issue's introduction)",
    )


def no_promise_reason(config: Config, choice: ThemeChoice) -> str:
    """Why an issue promises no next theme (its {next_theme} is empty), in the editor's words."""
    if not config.themes.plan:
        return "feeds.yaml has no `themes: plan`, so there is no next theme"
    if not choice.next_theme:
        return "the plan of themes has no theme left after this issue"
    return (
        f"the plan's next theme, {join_names(list(choice.next_theme))}, will have"
        f" {fewer_than(config.themes.min_articles)} after this issue (themes: min_articles)"
    )
