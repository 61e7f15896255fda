"""walk125/walk123: an editor's own templates, and what curator says of them, through the CLI on
the offline demo with curator's real templates copied and changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import run_cli as run
from conftest import said_as_one
from curator.render import builtin_templates


def _my_templates(demo: Path) -> Path:
    """A copy of curator's templates, as `curator init` makes."""
    mine = demo.parent / "mytpl"
    shutil.copytree(builtin_templates(), mine)
    return mine


CREDIT = '<p class="credit">{{ entry.credit }}</p>'


def test_a_credit_shown_its_own_way_is_not_warned_and_a_missing_part_is_named(demo: Path) -> None:
    """walk125 #1: docs/templates.md's own email example (`{{ entry.publication }}, by
    {{ entry.author }}`) published every credit and was warned "leave out ... the credit of 4 of
    4 articles"; a template showing only the publication is told the author is what it lacks."""
    mine = _my_templates(demo)
    email = mine / "email.html"
    source = email.read_text(encoding="utf-8")
    assert CREDIT in source
    email.write_text(
        source.replace(
            CREDIT,
            '<p class="credit">{{ entry.publication }}{% if entry.author %}, by {{ entry.author }}'
            "{% endif %}</p>",
        ),
        encoding="utf-8",
    )
    body = mine / "_issue_body.html"
    body.write_text(
        body.read_text(encoding="utf-8").replace(
            CREDIT, '<p class="credit">{{ entry.author ~ " / " ~ entry.publication }}</p>'
        ),
        encoding="utf-8",
    )
    text = mine / "issue.txt"
    text.write_text(
        text.read_text(encoding="utf-8").replace("{{ entry.credit }}", "{{ entry.publication }}"),
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 0, err
    said = said_as_one(err)
    out = demo.parent / "output"
    assert ", by " in (out / "issue-1.email.html").read_text(encoding="utf-8")
    assert "issue-1.email.html" not in said and "issue-1.html" not in said, said
    assert f"{text}: your templates leave out of issue-1.txt the author in the credit of" in said


def test_a_template_extending_itself_is_one_line_and_curators_own_can_be_extended(
    demo: Path,
) -> None:
    """walk125 #3: templates/issue.html holding `{% extends "issue.html" %}` (to build on
    curator's own) stopped the build with a 62-line RecursionError traceback, exit 1."""
    mine = _my_templates(demo)
    page = mine / "issue.html"
    page.write_text('{% extends "issue.html" %}\n', encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    said = said_as_one(err)
    assert code == 2, err
    assert "Traceback" not in err and "RecursionError" not in err
    assert f"template {page}:1: issue.html extends or includes itself" in said
    assert 'write {% extends "curator/issue.html" %}' in said
    # following the advice publishes curator's own page
    page.write_text('{% extends "curator/issue.html" %}\n', encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 0, err
    assert "warning" not in err, err
    assert '<p class="credit">' in (demo.parent / "output" / "issue-1.html").read_text("utf-8")
