"""What `curator render` says of the changes the editor made in the output folder: an
issue-N.json edited since curator wrote it, an issue a build had left out back in the archive."""

from __future__ import annotations

from curator.cli.common import echo
from curator.republish import RenderResult


def said_edited(result: RenderResult) -> None:
    """Say why the files of an issue whose issue-N.json the editor edited changed (a correction
    the store keeps no record of), and why the archive lists again an issue a build had left out
    (walk199 #2: both were said to be this curator's templates', with the advice to put a backup
    back over the correction)."""
    archive = [
        p.name
        for p in result.changed
        if p.name in ("index.html", "feed.xml") and p not in result.markup_only
    ]
    for number, paths in result.json_edited.items():
        if number in result.numbers:
            if not paths and not archive:
                continue
            names = ", ".join([*(p.name for p in paths), *archive])
            echo(
                f"Issue {number} reads otherwise than before in {names}: it is published as its"
                f" issue-{number}.json reads now, which you edited since curator last wrote it"
                " (your correction: keep the file so to keep it)."
            )
        elif archive:
            echo(
                f"issue-{number}.json was edited since curator last wrote it:"
                f" {' and '.join(archive)} publish{'es' if len(archive) == 1 else ''} issue"
                f" {number} as the file reads now, but its own pages do not yet:"
                f" `curator render {number}` publishes them so too."
            )
    for number, fields in result.unshown_edited.items():
        echo(unshown_said(number, fields, result.description_templates))
    if result.archive_back:
        listed = ", ".join(map(str, result.archive_back))
        one = len(result.archive_back) == 1
        echo(
            f"The archive page index.html lists issue(s) {listed} again, and feed.xml holds"
            f" {'its entry' if one else 'their entries'} again: a build had left"
            f" {'it' if one else 'them'} out while {'its' if one else 'their'} issue-N.json could"
            " not be read, repaired since."
        )


#: What each field of issue-N.json no edition shows is, said to the editor.
_WHAT = {
    "description": "a section's \"description\" (its subject's, from feeds.yaml)",
    "score": 'an article\'s "score"',
    "matched": 'an article\'s "matched" (the words it was placed for)',
}


def unshown_said(number: int, fields: tuple[str, ...], templates: tuple[str, ...]) -> str:
    """The line saying that issue `number`'s issue-N.json was edited in `fields`, which no edition
    shows (fixlm #1: render said only "1 of them changed", the edit seemingly discarded)."""
    named = " and ".join(_WHAT[f] for f in fields)
    shown = (
        f"; your templates {', '.join(templates)} name `description`: they show it, where they do"
        if "description" in fields and templates
        else (
            "; a template of yours can show it as `section.description` (docs/templates.md)"
            if "description" in fields
            else ""
        )
    )
    return (
        f"issue-{number}.json: your edit of {named} is kept in the file, but no edition of"
        f" issue {number} shows {'it' if len(fields) == 1 else 'them'}, so no page changed for"
        f" it{shown}."
    )
