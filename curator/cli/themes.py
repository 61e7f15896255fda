"""`curator themes`: which subject is ripe for an issue of its own, and what the plan has next."""

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
    warn,
)
from curator.cli.opening import opened
from curator.cli.report_progress import RunProgress
from curator.cli.streams import changes_nothing
from curator.config import Config
from curator.errors import shell_arg
from curator.store import Store
from curator.themes import (
    Ripeness,
    done_ahead,
    hand_rename_notes,
    history_notes,
    pending,
    ripeness,
    ripeness_order,
    ripest,
    theme_history,
    theme_name,
    unfeatured,
)


@click.command()
@CONFIG_OPTION
@DB_OPTION
@WAIT_OPTION
@JSON_OPTION
@QUIET_OPTION
def themes(config: Path, db: Path | None, as_json: bool, quiet: bool) -> None:
    """Which subject is ripe for an issue: per subject, how many unfeatured articles fit it, the
    best few with their scores, and when it was last an issue's theme; and the plan's next themes.

    Builds nothing and fetches nothing (run `curator fetch` first for today's articles).
    """
    changes_nothing()  # (a lost report: run it again, `streams.report_lost` says)
    with (
        opened(config, db, reading=True) as (conf, store),
        RunProgress(quiet=quiet, terminal=False) as progress,
    ):
        # (2.9 s without a line on 100,000 articles: walk101 #4; a line every ~2 s after 2 s)
        progress.step("weighing the unfeatured articles of each subject", "themes")
        rows = ripeness(conf, store, warn)
        progress.step(None)
        upcoming = _upcoming(conf, store)
        ahead = done_ahead(conf, store)
        for note in (
            *hand_rename_notes(conf, store),
            *history_notes(conf, theme_history(conf, store)),
        ):
            warn(note)
    best = ripest(rows, conf.issue_size)
    order = sorted(rows, key=lambda r: ripeness_order(r, conf.issue_size))  # `best` comes first
    if as_json:
        data: dict[str, Any] = {
            "min_articles": conf.themes.min_articles,
            "ripest": best.subject if best else None,
            "plan": [{"theme": list(theme), "next": i == 0} for i, theme in enumerate(upcoming)],
            "plan_done_before_their_turn": ahead,
            "subjects": [r.to_dict() for r in order],
        }
        echo_json(data)
        return
    if conf.themes.plan:
        if upcoming:
            # (the file given, walk124 F7: `--config demo/cx-weekly.yaml` was called feeds.yaml)
            echo(f"The plan's next themes ({config.name}, themes: plan:):")
            for i, theme in enumerate(upcoming, 1):
                echo(f"  {i}. {theme_name(theme)}")
        else:
            echo("The plan of themes is used up: add the next ones under `themes: plan:`.")
        if ahead:
            # (walk117 #2: an issue on a later line's theme did that line, and nothing said so)
            echo(
                "Lines of the plan done before their turn (an issue on their theme, by --subject"
                " or a draft's theme:), which no build takes again:"
            )
            for done in ahead:
                echo(f"  {done}")
    else:
        echo("No plan of themes: each issue has every subject (see `themes:` in README).")
    need = conf.themes.min_articles
    echo(
        f"\nSubjects, ripest first (an issue needs {unfeatured(need)} that"
        f" {'fits' if need == 1 else 'fit'}):"
    )
    for row in order:
        echo(_describe(row, need, row is best))
    if any(row.weak for row in rows):
        echo(WEAK_NOTE)


#: What a weak fit is, and what to do, said once under the subjects when any has one.
WEAK_NOTE = (
    "\nA weak fit scores under its subject's own bar: curator placed it there by how its words"
    " compare with the archive, but it shares few words with the subject, and is often off it"
    " (`curator subjects explain URL` says why). An issue would still feature it: review the issue as a"
    " draft (`curator draft`) and cut it, move it (`curator subjects move URL SUBJECT`, or"
    " `curator subjects exclude URL`), or add keywords to the subject in feeds.yaml."
)


def _upcoming(config: Config, store: Store) -> list[tuple[str, ...]]:
    plan = config.themes.plan
    return [plan[i] for i in pending(plan, theme_history(config, store).issues)]


def _describe(row: Ripeness, need: int, is_best: bool) -> str:
    state = "ripest" if is_best else ("ripe" if row.ripe else f"too thin, needs {need}")
    if row.on_field < row.fitting:
        # (walk190 #3: ripest on three keywords-only articles; walk194 #1: on nine that used
        # none of its words)
        why = []
        if row.keywords_only - row.strays:
            why.append("those fitting only through its keywords")
        if row.strays:
            why.append(f"the {len(row.strays)} using none of its keywords nor its name's words")
        state += f"; {row.on_field} count, {' and '.join(why)} do not"
    if row.doubtful and row.ripe:
        # (walk194 #2: a pasted suggestion, most of whose articles are off its words, ripest)
        state += (
            "; ranked after the others: most of its articles came in on other words than its"
            " keywords and its name's (`curator subjects list --subject"
            f" {shell_arg(row.subject)}` shows them)"
        )
    last = (
        f"last a theme in issue {row.last_theme.number} ({row.last_theme.day:%Y-%m-%d})"
        if row.last_theme
        else "never a theme yet"
    )
    weak = f", {row.weak} fitting it only weakly" if row.weak else ""
    if row.keywords_only:
        # (of its best alone, those an issue would take: walk185)
        weak += (
            f", {len(row.keywords_only)} of its best {row.drawn} fitting it only through its"
            " keywords"
        )
    # (copies of a story it counts are said, as `build` says them: walk148 N5, where `subjects
    # list` showed 8 and this line 1)
    copies = (
        f", and {row.copies} {'copy' if row.copies == 1 else 'copies'} of"
        f" {'it' if row.fitting == 1 else 'them'} (named under the story when featured)"
        if row.copies
        else ""
    )
    lines = [f"  {row.subject}: {row.fitting} article(s){weak}{copies} ({state}); {last}"]
    lines += [
        f"      {score:6.3f}  {article.title}"
        + ("  (weak fit)" if article.id in row.weak_best else "")
        + ("  (keywords only)" if article.id in row.keywords_only else "")
        + ("  (none of its words)" if article.id in row.strays else "")
        for article, score in row.best
    ]
    return "\n".join(lines)
