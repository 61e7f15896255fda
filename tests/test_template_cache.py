"""Templates are compiled once per process (`templateloader.CompiledTemplates`), never served stale:
an editor's template edited in place between two renders of one process (a long-lived process, or
the tests' own in-process runs) is published as it reads now, and curator's own templates keep
rendering beside it."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES
from conftest import run_cli as run
from curator.templateloader import COMPILED


def test_a_template_edited_in_place_between_renders_is_published_as_it_reads_now(
    themed_demo: Path,
) -> None:
    demo = themed_demo
    out = demo.parent / "output"
    mine = demo.parent / "my-templates"
    mine.mkdir()
    body = (EXAMPLES.parent / "templates" / "_issue_body.html").read_text(encoding="utf-8")
    copy = mine / "_issue_body.html"
    copy.write_text(body.replace('<p class="blurb">', '<p class="blurb first">'), encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--templates", str(mine), "-q")
    assert code == 0, err
    assert 'class="blurb first"' in (out / "issue-1.html").read_text(encoding="utf-8")

    # The same file, edited in place: the same name and path as the compiled copy kept.
    copy.write_text(body.replace('<p class="blurb">', '<p class="blurb second">'), encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "--templates", str(mine), "1")
    assert code == 0, err
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert 'class="blurb second"' in page and 'class="blurb first"' not in page, page

    # And without the folder, curator's own template again.
    code, _, err = run("render", "--config", str(demo), "1")
    assert code == 0, err
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert 'class="blurb second"' not in page and '<p class="blurb">' in page


def test_the_cache_keeps_at_most_its_newest_templates(themed_demo: Path) -> None:
    """A process rendering many folders' templates does not keep every one it ever compiled."""
    demo = themed_demo
    body = (EXAMPLES.parent / "templates" / "_issue_body.html").read_text(encoding="utf-8")
    was = COMPILED.MAX_TEMPLATES
    COMPILED.MAX_TEMPLATES = 3
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    try:
        for n in range(5):
            mine = demo.parent / f"templates-{n}"
            mine.mkdir()
            (mine / "_issue_body.html").write_text(body, encoding="utf-8")
            code, _, err = run("render", "--config", str(demo), "--templates", str(mine), "1")
            assert code == 0, err
            assert len(COMPILED) == 3
    finally:
        COMPILED.MAX_TEMPLATES = was
