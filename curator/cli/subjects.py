"""`curator subjects ...`: where articles went and why, the editor's corrections, the articles the
model is least sure of, the subjects it confuses, and suggestions for what fits none."""

from __future__ import annotations

import click

from curator.cli.subjects_fix import exclude, explain, move, rename, undo
from curator.cli.subjects_list import list_, overlap, suggest, uncertain


@click.group()
def subjects() -> None:
    """See, explain and correct how articles are grouped by subject.

    `move` and `exclude` store your word on an article, and curator learns from it; `undo`
    forgets it (`undo URL`, or `undo --subject NAME` for every move to a subject), and curator
    places the article itself again."""


for _command in (explain, move, exclude, undo, list_, uncertain, overlap, suggest, rename):
    subjects.add_command(_command)
