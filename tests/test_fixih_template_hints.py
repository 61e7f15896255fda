"""walk179 #4: a name typed wrong in a template (`{{ titl }}`) was said with "a quote opened on
line 10 may not be closed", line 10 being curator's own `<article ...>` whose quotes are
balanced; and `{{ credit_html }}` was offered 'closing_html' where `entry.credit_html` is meant.
Through the CLI on the offline demo, with curator's real templates copied and changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_cli as run
from conftest import said_as_one
from curator.templatecheck import builtin_templates


@pytest.mark.parametrize(
    ("was", "typed", "said_wrong"),
    [
        ("{{ title }}", "{{ titl }}", "'titl' is undefined: did you mean 'title'?"),
        (
            "{{ section.subject }}",
            "{{ sectoin.subject }}",
            "'sectoin' is undefined: did you mean 'sections'?",
        ),
        (
            "{{ entry.credit_html }}",
            "{{ credit_html }}",
            "'credit_html' is undefined: did you mean 'entry.credit_html'?",
        ),
        (
            "{{ section.subject }}",
            "{{ slug_name }}",
            "'slug_name' is undefined",
        ),
        # a syntax mistake near the `<article ...>` line: no quote of it is said to be open
        ("{{ title }}", "{{ title title }}", "expected token 'end of print statement'"),
    ],
    ids=["name", "loop-name", "entry-field", "no-field", "syntax"],
)
def test_a_name_typed_wrong_is_said_without_a_quote_that_is_not_open(
    published_demo: Path, tmp_path: Path, was: str, typed: str, said_wrong: str
) -> None:
    mine = tmp_path / "mytpl"
    shutil.copytree(builtin_templates(), mine)
    body = mine / "_issue_body.html"
    source = body.read_text(encoding="utf-8")
    assert source.count(was) == 1
    line = source[: source.index(was)].count("\n") + 1
    body.write_text(source.replace(was, typed), encoding="utf-8")
    output = published_demo.parent / "output"
    before = (output / "issue-1.html").read_bytes()
    code, _, err = run("render", "1", "--config", str(published_demo), "--templates", str(mine))
    said = said_as_one(err)
    assert code == 2, err
    assert f"template {body}:{line}: {said_wrong}" in said, said
    assert "quote" not in said, said
    assert "entry.credit_html" in said or "did you mean 'closing_html'" not in said, said
    assert (output / "issue-1.html").read_bytes() == before
