"""`curator render`: published issues rendered again, and what changed in them said."""

from __future__ import annotations

from pathlib import Path

import click

from curator.cli.build import TEMPLATES_OPTION, out_option, say_unused_templates
from curator.cli.build_report import print_warnings, warnings_list
from curator.cli.common import common_options, echo, echo_json, usable_path
from curator.cli.opening import opened
from curator.cli.render_said import said_edited
from curator.config import Config
from curator.config_load import load_config
from curator.editions import times_moved_said
from curator.errors import CuratorError, InputError
from curator.foreignfiles import (
    stop_early_for_files_not_curators,
    stop_for_other_newsletters_issues,
)
from curator.linksettings import (
    ARCHIVE_FILES,
    relinked_archive_note,
    relinked_corrected_note,
    relinked_markup,
    relinked_text_note,
)
from curator.oldlinks import bare_links_note
from curator.ownership import stop_for_another_newsletters_store
from curator.republish import RenderResult, render_issues
from curator.republish_files import record_unknown_issues


@click.command()
@common_options
@out_option("The output folder of the published issues. Default: settings.output in the config.")
@TEMPLATES_OPTION
@click.option("--all", "every", is_flag=True, help="Render every published issue again.")
@click.option(
    "--record",
    is_flag=True,
    help="First record in the store the issues the output folder published after the store's"
    " last, from their issue-N.json (a store put back from a backup taken before them).",
)
@click.option(
    "--renamed",
    is_flag=True,
    help="With --record: the output folder's issues are this newsletter's, published under the"
    " title it had before you renamed it in the config.",
)
@click.argument("numbers", nargs=-1, type=click.IntRange(min=1), metavar="[N]...")
def render(
    config: Path,
    db: Path | None,
    quiet: bool,
    as_json: bool,
    out: Path | None,
    templates: Path | None,
    every: bool,
    record: bool,
    renamed: bool,
    numbers: tuple[int, ...],
) -> None:
    """Render published issues again (after a template or settings change): issue N, every issue
    with --all, or the newest; then the archive page, the feed of issues and latest.html.

    Each issue is rendered as it was published (its issue-N.json, with the draft's edits);
    nothing is fetched, and the store records only a date or an article (title, credit, blurb)
    corrected in an issue-N.json, or an article cut from it. With --record, the issues published
    after the store's last are recorded first (their articles count as featured), then rendered.
    """
    if every and numbers:
        raise InputError("give issue numbers or --all, not both")
    if record and (every or numbers):
        raise InputError(
            "--record records and renders the issues the output folder published after the"
            " store's last: give it no issue number, nor --all"
        )
    if renamed and not record:
        raise InputError(
            "--renamed goes with --record (`curator render --record --renamed`): it says the"
            " issues --record takes from the output folder are this newsletter's"
        )
    usable_path(out)
    recorded: tuple[str, ...] = ()
    if record and not renamed and db is None:
        # (walk179 #3: before --record makes a store for another newsletter's issues; said by
        # `opened` as every command says it when the config has a mistake)
        try:
            first: Config | None = load_config(config)
        except CuratorError:
            first = None
        if first is not None and not first.settings.store.exists():
            out_dir = out or first.settings.output
            stop_for_other_newsletters_issues(first, out_dir, (), first.settings.store)
    # --record starts a store when there is none (walk176 #3: the way on from a store lost,
    # which its stop names); a render alone needs the store that published the issues.
    with opened(config, db, create=record, out_dir=out, owner_checked=True) as (conf, store):
        say_unused_templates(conf, templates)
        out_dir = out or conf.settings.output
        # (walk166 #1: an issue-N.json of another newsletter's, its corrections taken into this
        # store, would change that store's issue)
        stop_for_another_newsletters_store(conf, store, out_dir, rendering=True)
        if record:
            # (walk179 #2: before an issue is recorded; render_issues checks it for a render)
            stop_early_for_files_not_curators(
                conf, out_dir, templates, nothing="Nothing was recorded or rendered"
            )
            if not renamed:  # (walk179 #3: another newsletter's issues taken for this one's)
                known = [*store.newsletter_titles(), *(r.title for r in store.issues())]
                stop_for_other_newsletters_issues(conf, out_dir, known, store.path)
            numbers, recorded = record_unknown_issues(conf, store, out_dir)
        result = render_issues(
            conf,
            store,
            numbers,
            every=every,
            out_dir=out_dir,
            templates=templates,
        )
    if not as_json:
        for line in recorded:
            echo(line)
    print_warnings(result.warnings)
    if as_json:
        data = {
            "issues": list(result.numbers),
            "recorded": list(numbers) if record else [],
            "recorded_notes": list(recorded),
            "files": [str(p) for p in result.paths],
            "changed": [str(p) for p in result.changed],
            "markup_only": [str(p) for p in result.markup_only],
            "text_changed": {
                str(n): [str(p) for p in paths] for n, paths in result.text_changed.items()
            },
            "archive_text_changed": [str(p) for p in result.archive_changed],
            "settings_changed": {str(n): c for n, c in result.settings_changed.items()},
            "links_without_user": sorted(result.bare_links),
            "archive_dropped_issues": list(result.archive_dropped),
            "json_edited": {
                str(n): [str(p) for p in paths] for n, paths in result.json_edited.items()
            },
            "archive_back_issues": list(result.archive_back),
            # (fixlm #1: fields edited that no edition shows, by issue)
            "unshown_edited": {str(n): list(f) for n, f in result.unshown_edited.items()},
            "language_changed": (
                dict(zip(("was", "now"), result.language_changed, strict=True))
                if result.language_changed
                else None
            ),
            "removed": [str(p) for p in result.removed],
            "warnings": warnings_list(result.warnings, ()),
        }
        echo_json(data)
        return
    if not result.numbers:  # (every issue taken back: the archive alone, walk184 #4)
        gone = ", ".join(map(str, result.archive_dropped))
        removed = "".join(
            f"; {p.name} was removed (it showed an issue no longer published)"
            for p in result.removed
        )
        echo(
            f"No issue is published now: the archive page and the feed of issues were written"
            f" listing none ({', '.join(p.name for p in result.paths)}): they no longer list"
            f" issue(s) {gone}, which the store does not record and whose files are gone from"
            f" the output folder (an issue taken back){removed}. Keep them so: a backup of them"
            " would link to the issue taken back. The issue published next under that number"
            " gets a new entry id in feed.xml."
        )
        return
    shown = ", ".join(str(n) for n in result.numbers)
    if result.changed:
        names = ", ".join(p.name for p in result.changed)
        what = f"{len(result.changed)} of them changed: {names}"
    else:
        what = "none changed (each already held the same text)"
    echo(f"Rendered issue(s) {shown} again: {len(result.paths)} file(s) written, {what}.")
    # walk188 #6: what feeds.yaml's link settings changed was said to be the templates'
    relinked, said = relinked_markup(result.markup_only, result.settings_changed)
    if said:
        echo(said)
    markup_only = [p for p in result.markup_only if p not in relinked]
    language = result.language_changed
    if language is not None and (markup_only or result.text_changed or result.archive_changed):
        # walk191 #10: a change of `language:` was said to be the templates' (or an upgrade's)
        was, now = language
        echo(
            f"feeds.yaml's `newsletter: language:` changed since these issues were written"
            f' ({was} \u2192 {now}): every HTML edition now says lang="{now}" (the feed of issues'
            f' xml:lang="{now}"), and each article in a language other than {now} is marked with'
            " its own; their files change for it even where nothing a reader reads did. To keep"
            f" them as they were, put `language: {was}` back in feeds.yaml and render them again."
        )
        markup_only = []
    if markup_only:
        # walk161 #5: after an upgrade every old issue's files changed, and nothing said why
        names = ", ".join(p.name for p in markup_only)
        echo(
            f"Only the markup of {names} changed, not what a reader reads in them: they now"
            " follow the templates of this curator (and yours), which write them otherwise than"
            " the ones that published them (an older curator's, or your templates before you"
            " changed them); nothing in their text changed."
        )
    for number, paths in result.text_changed.items() if language is None else ():
        if number in result.settings_changed:
            names = ", ".join(p.name for p in paths)
            echo(relinked_text_note(number, names, result.settings_changed[number]))
            continue
        if number in result.bare_links:  # (walk189 #6: a password masked, said as no change)
            names = ", ".join(p.name for p in paths)
            echo(bare_links_note(number, names, result.bare_links[number]))
            continue
        # walk164 N7: `render --all` after an upgrade changed old issues' text ("Journey Lab
        # (1/2)") and said only that files changed
        echo(
            f"Issue {number} reads otherwise than before in {', '.join(p.name for p in paths)},"
            f" though nothing in its issue-{number}.json was corrected: it was rendered with this"
            " curator's templates and rules (and yours), not the ones that published it."
        )
    said_edited(result)
    for number, change in result.settings_changed.items() if language is None else ():
        # (walk197 #8: a corrected issue's links re-tagged, unsaid)
        retagged = [
            p.name
            for p in _text_changed_of(result, number)
            if p.suffix != ".json" and p not in relinked
        ]
        if number in result.corrected and number not in result.text_changed and retagged:
            echo(relinked_corrected_note(number, ", ".join(retagged), change))
    for path in result.archive_changed if language is None else ():
        if result.title_changed is not None:
            # walk176 #6: the title changed in feeds.yaml was said to be the templates' words
            old, new = result.title_changed
            echo(
                f"The archive page {path.name} reads otherwise than before, though no"
                f" issue-N.json was corrected: the newsletter's title changed in feeds.yaml:"
                f" {old} \u2192 {new} (each issue keeps the title it was published under; the"
                f" archive lists those published as {old} as issues with no title of their own)."
            )
            continue
        if result.settings_changed:  # (said below, with the rest of the archive)
            continue
        # walk171 #3: a title changed by the templates' words was said to be "only the markup"
        echo(
            f"The archive page {path.name} reads otherwise than before, though no issue-N.json"
            " was corrected: it was rendered with this curator's templates and words (and yours),"
            " not the ones that wrote it."
        )
    if result.settings_changed:
        # walk190 #6: index.html was said to read otherwise for the templates, feed.xml not at all
        said_of = result.archive_changed if result.title_changed is not None else ()
        archive = [
            p.name
            for p in result.changed
            if p.name in ARCHIVE_FILES and p not in relinked and p not in said_of
        ]
        if archive and not result.archive_dropped:
            echo(relinked_archive_note(archive, result.settings_changed, result.corrected))
    if result.archive_dropped:
        # walk177 N2: after an issue was taken back, the archive was said to read otherwise for
        # the templates, and to be put back from a backup (which links to the withdrawn issue)
        gone = ", ".join(map(str, result.archive_dropped))
        echo(
            f"The archive page index.html no longer lists issue(s) {gone}, nor does feed.xml:"
            " the store records no such issue and its files are gone from the output folder (an"
            " issue taken back); that is why they changed. Keep them so: a backup of them would"
            " link to the issue taken back."
        )
    unexplained = [
        n
        for n in result.text_changed
        if n not in result.settings_changed and n not in result.bare_links
    ]
    if unexplained and len(result.numbers) > 1:
        echo(
            "To keep an issue's files as they were, render only the issue you mean (`curator"
            " render N`: it writes that issue's files, the archive page and the feed of issues),"
            " and put these files back from your backup of the output folder."
        )
    elif unexplained:  # (the one issue the editor named: no "render only it")
        echo("To keep its files as they were, put them back from your backup of the output folder.")
    elif result.archive_changed and not result.settings_changed:
        echo(
            f"To keep {result.archive_changed[0].name} as it was, put it back from your backup of"
            " the output folder."
        )
    marked, at = result.feed_updated
    if marked:
        # (an issue dated after today: its <updated> is its date and a second past the last one,
        # never before its <published>, walk113 #4)
        past = {
            "<published>": "its <published> time",
            "<updated>": "the <updated> it had",
        }.get(result.feed_updated_past, "")
        echo(
            f"feed.xml marks the entry of issue(s) {', '.join(map(str, marked))} updated ({at}"
            + (
                f": a second past {past}, as the issue is dated after today and an entry is never"
                " updated before it is published"
                if past
                else ""
            )
            + "), whose text changed: feed readers show the change."
        )
        others = [n for n in marked if n not in result.numbers and n not in result.json_edited]
        if others:
            # walk125 #2: `render 3` after a template change marked issues 1 and 2 updated in the
            # feed, whose pages still had the old templates, and did not say why
            listed = ", ".join(map(str, others))
            echo(
                f"feed.xml holds every issue: issue(s) {listed}, not rendered here, are"
                " re-rendered there with today's templates and settings, so their feed entries"
                " no longer match their pages; `curator render --all` to publish their pages"
                " the same way."
            )
    if result.feed_times_moved:
        echo(times_moved_said(result.feed_times_moved))


def _text_changed_of(result: RenderResult, number: int) -> list[Path]:
    """Issue `number`'s files among those `result` changed whose text changed (not their markup
    alone)."""
    return [
        p
        for p in result.changed
        if p.name.startswith(f"issue-{number}.") and p not in result.markup_only
    ]
