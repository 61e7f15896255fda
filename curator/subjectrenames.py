"""What a build tells the editor when subjects changed under stored placements: moves (corrections)
whose subject is gone and the subject it most likely became (`renamed_to`, `tell_stale_moves`),
a subject respelt (`respell_subjects`), former subjects that issues still show
(`tell_former_subjects`), and articles read from local files (`tell_local_files`).

Part of placing stored articles under subjects (`curator.placement`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from curator.config import Config
from curator.errors import shell_arg
from curator.render import join_names, published_as
from curator.store import Store
from curator.subjectwords import resolve
from curator.textfeatures import terms

#: Told what the editor should know (a stored model that could not be used), a line at a time.
Say = Callable[[str], None]


def stale_moves(config: Config, corrections: Mapping[str, str | None]) -> dict[str, int]:
    """The subjects the editor moved articles to that feeds.yaml no longer has (renamed or
    removed), each with how many: those moves decide nothing, the articles are placed as if
    never moved."""
    found: dict[str, int] = {}
    for name in corrections.values():
        if name is not None and resolve(name, config.subjects) is None:
            found[name] = found.get(name, 0) + 1
    return found


#: A subject's new name is close to its old one when their words (stems) are at least this much
#: alike (shared over all: "Medicine and health" / "Health and medicine" 1.0, "Health and
#: medicine" / "Human health" 0.33), leaving out the words several subjects' names share
#: ("customer" in "Voice of the customer" / "Customer success" says nothing); when one holds the
#: other ("Space" / "Spaceflight"); or when their letters are (difflib's ratio, case aside: a
#: fixed typo).
NAME_WORDS_ALIKE = 0.3
NAME_LETTERS_ALIKE = 0.8
#: The subjects a stale move's warning names as what it may have been renamed to, at most.
RENAME_CANDIDATES = 5


def _name_likeness(old: str, new: str, common: Collection[str]) -> float:
    """How close the subject name `new` is to `old` (0: not close; see `NAME_WORDS_ALIKE`), the
    words (stems) `common` left out."""
    a, b = set(terms(old)) - set(common), set(terms(new)) - set(common)
    words = len(a & b) / len(a | b) if a | b else 0.0
    old, new = old.casefold(), new.casefold()
    letters = SequenceMatcher(None, old, new).ratio()
    return max(
        words if words >= NAME_WORDS_ALIKE else 0.0,
        letters if letters >= NAME_LETTERS_ALIKE or old in new or new in old else 0.0,
    )


def renamed_to(
    config: Config,
    corrections: Mapping[str, str | None],
    old: str,
    published: Collection[str] = (),
    last_plan: Sequence[Sequence[str]] | None = None,
) -> tuple[str | None, list[str]]:
    """What feeds.yaml's subject `old` (which it no longer has) was most likely renamed to, when
    that can be told, else None; and the subjects it may have been renamed to. Those are the
    subjects no move names yet (a renamed subject's moves still name its old name); of them, the
    new ones are those no published issue names either (`published`: the subjects issues were
    published under). The answer, in order: the one new subject whose name is closest to `old`,
    the only new subject (when `old` is the only subject gone), the one subject no move names
    whose name is very close to `old` (over NAME_LETTERS_ALIKE). Before those, when the plan of
    themes the last issue recorded (`last_plan`) is known: the one subject of the plan now that
    it lacked, when `old` is the one subject of it feeds.yaml no longer has (`plan_rename`)."""
    planned = plan_rename(config, old, published, last_plan)
    if planned is not None:
        return planned, [planned]
    moved_to = {n.casefold() for n in corrections.values() if n is not None}
    seen = {n.casefold() for n in published}
    unmoved = [s.name for s in config.subjects if s.name.casefold() not in moved_to]
    new = [n for n in unmoved if n.casefold() not in seen]
    used = Counter(t for s in config.subjects for t in set(terms(s.name)))
    common = {t for t, k in used.items() if k > 1}

    def closest(names: list[str], least: float = 0.0) -> str | None:
        scored = sorted(((_name_likeness(old, n, common), n) for n in names), reverse=True)
        scored = [(x, n) for x, n in scored if x > least]
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        return None

    only = new[0] if len(new) == 1 and len(stale_moves(config, corrections)) == 1 else None
    # (A subject an issue was published under may be the new name when an issue was built since
    # the rename, but it may as well be an old neighbour: its name must be very close.)
    guess = closest(new) or only or closest(unmoved, NAME_LETTERS_ALIKE)
    return guess, new or unmoved or [s.name for s in config.subjects]


def how_chosen(
    corrections: Mapping[str, str | None], candidates: Sequence[str], published: Collection[str]
) -> str:
    """How `renamed_to` chose `candidates`, in the editor's words ("": every subject)."""
    moved_to = {n.casefold() for n in corrections.values() if n is not None}
    seen = {n.casefold() for n in published}
    if any(c.casefold() in moved_to for c in candidates):
        return ""
    if not any(c.casefold() in seen for c in candidates):
        return (
            "those no move of yours and no published issue names, as a renamed subject's moves"
            " and issues still name its old name"
        )
    return "those no move of yours names, as a renamed subject's moves still name its old name"


def last_plan(issues: Sequence[Any]) -> tuple[tuple[str, ...], ...] | None:
    """The plan of themes as the newest issue that recorded one had it (`IssueRecord.plan`)."""
    return next((i.plan for i in reversed(issues) if i.plan is not None), None)


def plan_rename(
    config: Config,
    old: str,
    published: Collection[str],
    plan: Sequence[Sequence[str]] | None,
) -> str | None:
    """The subject `old` became, told from the plan of themes alone: `old` is the one subject of
    the plan the last issue recorded (`plan`) that feeds.yaml no longer has, and exactly one
    subject of feeds.yaml's plan now is new to it (no issue recorded or published it). walk150
    #2: "The basics of customer experience" renamed "CX basics" under `subjects:` and `plan:`
    left the plan's next theme on "CX basics", an issue on it already published, and its
    warning said "NEW NAME"; None when it cannot be told so."""
    if plan is None:
        return None
    names = {s.name.casefold() for s in config.subjects}
    before = {n.casefold() for e in plan for n in e}
    gone = {n for n in before if n not in names}
    if gone != {old.casefold()}:
        return None
    seen = before | {n.casefold() for n in published}
    now = {n.casefold(): n for e in config.themes.plan for n in e}
    appeared = [n for k, n in now.items() if k not in seen and k in names]
    return appeared[0] if len(appeared) == 1 else None


def stale_moves_advice(
    name: str,
    forget: str = "to forget them",
    new: str | None = None,
    candidates: Sequence[str] = (),
    went: Sequence[tuple[str | None, int]] = (),
    how: str = "",
) -> str:
    """What the editor can do about the moves to `name`, a subject feeds.yaml no longer has:
    put them under `new` when that is what it was most likely renamed to (see `renamed_to`),
    else under its new name, one of `candidates` when there are any (chosen as `how` says).
    `went`: where curator places the moved articles now, (subject or None, how many), most
    first, said when the new name cannot be told (walk153 #7: the subjects named left out the
    one a removed subject's articles went to, and nothing said how they were chosen)."""
    if new is not None:
        went = ()  # (the rename is the question, not where they went)
    if new is not None:
        rename = (
            f'if you renamed it to "{new}":'
            f" `curator subjects rename {shell_arg(name)} {shell_arg(new)}`"
        )
    else:
        shown = [f'"{n}"' for n in candidates[:RENAME_CANDIDATES]]
        if len(candidates) > RENAME_CANDIDATES:
            shown.append("...")
        which = ", ".join(shown[:-1]) + f" or {shown[-1]}" if len(shown) > 1 else "".join(shown)
        one_of = f", one of {which}{f' ({how})' if how else ''}" if shown else ""
        rename = (
            f"put them under its new name{one_of}:"
            f' `curator subjects rename {shell_arg(name)} "NEW NAME"`'
        )
    now = ""
    if went:
        parts = [f'"{n}" ({k})' if n is not None else f"no subject ({k})" for n, k in went]
        now = f"curator now places them under {join_names(parts)}; "
    return (
        f"{now}to keep them, {rename} (or move them again one by one); {forget}:"
        f" `curator subjects undo --subject {shell_arg(name)}`"
    )


def tell_stale_moves(config: Config, store: Store, say: Say | None) -> None:
    """Tell `say`, a line per subject, about the moves to subjects feeds.yaml no longer has."""
    if say is None:
        return
    corrections = store.corrections()
    left = stale_moves(config, corrections)
    if not left:
        return
    published = store.published_subjects()
    for name, n in sorted(left.items()):
        new, candidates = renamed_to(
            config, corrections, name, published, last_plan(store.issues())
        )
        # (where the moved articles are placed now: not yet placed again, still under `name`)
        went = [(s, k) for s, k in store.moves_placed(name) if s != name]
        advice = stale_moves_advice(
            name,
            "to forget them, and this warning",
            new,
            candidates,
            went,
            how_chosen(corrections, candidates, published),
        )
        say(
            f'{n} article(s) you moved to "{name}", which {config.path} no longer has, are'
            f" placed as if never moved; {advice}"
        )


def respell_subjects(config: Config, store: Store) -> list[tuple[str, str, int, int]]:
    """Store under feeds.yaml's spelling each subject name the store holds that differs from one
    of feeds.yaml's only in case (names that differ only in case are one subject: walk153 #2,
    `Service operations` spelt `Service Operations` in feeds.yaml, was taken for a subject
    removed, its articles placed again and `subjects rename` refused). Returns (the name as
    stored, as feeds.yaml spells it, how many articles were under it, how many moves named it)
    for each respelt."""
    current = {s.name.casefold(): s.name for s in config.subjects}
    exact = set(current.values())
    done = []
    for old in sorted(store.stored_subject_names() - exact, key=str.casefold):
        new = current.get(old.casefold())
        if new is None:
            continue
        placed, moves, named = store.respell_subject(old, new)
        if placed or moves or named:
            done.append((old, new, placed, moves))
    return done


def respelt_line(old: str, new: str, placed: int, moves: int, path: Path) -> str:
    """What `respell_subjects` did for one name, as the editor reads it."""
    parts = [f"the {placed} article(s) stored under it"] if placed else []
    if moves:
        parts.append(f"your {moves} move(s) to it")
    what = f"{join_names(parts)} are under" if parts else "it is stored as"
    return (
        f'{path} spells the subject "{old}" as "{new}" now: names that differ only in case are'
        f' one subject, so {what} "{new}" (issues that published it as "{old}" keep their'
        " text); nothing needs renaming"
    )


def tell_former_subjects(
    config: Config, store: Store, say: Say, former: Mapping[str, Mapping[int, tuple[int, str]]]
) -> None:
    """Tell `say`, a line per subject, of the articles issues published under a subject that
    feeds.yaml no longer has (`former`: `Store.published_under_former` before they were placed
    again), placed again by curator: once, as they are, with where they went (walk86 #1: 28
    articles issues published under a retired subject went under others without a word; walk155:
    "under the subjects that fit them" was said of articles that went under none)."""
    corrections: dict[str, str | None] | None = None
    for name, numbers in former.items():
        issues = sorted({n for n, _ in numbers.values()})
        # (each under the name its issue printed: walk100 #1 named the middle of two renames)
        printed = join_names(
            [published_as(p, name) for p in sorted({p for _, p in numbers.values()})]
        )
        which = ("issue " if len(issues) == 1 else "issues ") + join_names([str(n) for n in issues])
        if corrections is None:
            corrections = store.corrections()
        published = store.published_subjects()
        new, candidates = renamed_to(
            config, corrections, name, published, last_plan(store.issues())
        )
        if new is None and len(former) == 1 and set(stale_moves(config, corrections)) <= {name}:
            # The one subject gone and the one subject of feeds.yaml no issue published: the
            # rename, as `renamed_to` tells it for the one subject of moves gone (walk176 #7:
            # Baking renamed "Bread and pastry", the only change, was advised "NEW NAME").
            seen = {p.casefold() for p in published}
            fresh = [c for c in candidates if c.casefold() not in seen]
            if len(fresh) == 1:
                (new,) = fresh
        # (a section the issues printed that feeds.yaml has again, renamed back by hand: the
        # rename that keeps them under it, walk103 #3's, rather than "NEW NAME")
        current = {s.name.casefold(): s.name for s in config.subjects}
        back = {current[p.casefold()] for _, p in numbers.values() if p.casefold() in current}
        if new is None and len(back) == 1:
            (new,) = back
        to = f'to "{new}"' if new is not None else ""
        rename = f"curator subjects rename {shell_arg(name)} " + (
            shell_arg(new) if new is not None else '"NEW NAME"'
        )
        went = Counter(store.stored_subject(i)[1] for i in numbers)
        where = join_names(
            [
                f'"{s}" ({k})' if s is not None else f"no subject ({k})"
                for s, k in sorted(went.items(), key=lambda p: (-p[1], p[0] is None, p[0] or ""))
            ]
        )
        # (walk192 #3: renamed back by hand, "published under "Space" (since renamed "Space and
        # astronomy"), which feeds.yaml no longer has as a subject", though it has "Space" again)
        again = join_names([f'"{b}"' for b in sorted(back)])
        gone = (
            f", which {config.path} no longer has as a subject, are placed by curator from now on"
            if not back
            else f" are placed by curator from now on, as {config.path} has no subject"
            f' "{name}" any more, but {again} again'
        )
        say(
            f"{len(numbers)} article(s) that {which} published under {printed}{gone}: now"
            f" under {where} (the issues keep their text; `curator subjects list`"
            f' marks each with its issue); if you renamed "{name}"{" " if to else ""}{to}:'
            f" `{rename}` keeps them under the new name, as their issues published them; to"
            " put one under a subject: `curator subjects move URL SUBJECT`"
        )


#: How many of the articles `tell_local_files` marks are named.
LOCAL_FILES_NAMED = 5


def tell_local_files(store: Store, say: Say | None, *, held: bool = False) -> None:
    """Mark the articles an older curator stored at a local file's address (`file:`) dead links,
    never featured nor counted as waiting (walk65 #2: `themes` and `build` counted them, and no
    issue took them), and tell `say`, once, which and what to do. Only with `say`. Told once:
    those the store holds as not told yet (`Store.untold_local_files`), marked told at once, or,
    when `say` holds what it is told until the run's end (`held`: a build's or a draft's notes),
    by the caller once the run gets there (`Store.local_files_told`): a run that stopped before
    saying it (a draft refused, walk76 #4) leaves it to the next."""
    if say is None:
        return
    store.mark_local_files(now=datetime.now(UTC))
    marked = store.untold_local_files()
    if not marked:
        return
    named = ", ".join(f'"{title}" ({url})' for url, title in marked[:LOCAL_FILES_NAMED])
    more = len(marked) - LOCAL_FILES_NAMED
    say(
        f"{len(marked)} stored article(s) have a local file's address, not a web address, so no"
        f" issue can link to them: {named}{f' and {more} more' if more > 0 else ''}. An older"
        " curator stored them from local pages naming no web address; they are left out of every"
        " issue and no longer counted as waiting (`curator subjects list` marks them). To feature"
        " one, add its web address to a draft (`## https://...` under a subject's heading); a"
        " fetch will not read them again. So that local pages to come get stored, give each a"
        ' <link rel="canonical" href="https://..."> naming its web address'
    )
    if not held:
        store.local_files_told()
