"""walk171 #2-#4: an editor's templates and `_words.txt` checked where docs/templates.md says,
with what to write; `render` says a page reads otherwise when its <title> changed. The small
newsletter of test_fixgr_template_load (built once, on a feed served on 127.0.0.1) is rendered
again with templates written in each test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_fixgr_template_load import _entry_block, _output, _render, newsletter

from conftest import run_cli as run
from conftest import said_as_one
from curator.templatecheck import builtin_templates

__all__ = ["newsletter"]  # (the module's fixture, shared)


@pytest.mark.parametrize(
    ("written", "said_wrong"),
    [
        (
            "{% if number > 9999 %}{{ date.yeer }}{% endif %}",
            "issue.txt:3: date is a date, which has no field 'yeer': did you mean 'year'?",
        ),
        (
            "{% if number > 9999 %}{{ date.strftme('%Y') }}{% endif %}",
            "issue.txt:3: date is a date, which has no field 'strftme': did you mean 'strftime()'?",
        ),
        (
            "{% if number > 9999 %}{{ sections.titel }}{% endif %}",
            "issue.txt:3: sections is a list, which has no field 'titel': each of its items is a"
            " section",
        ),
        (
            "{% if number > 9999 %}{{ lang_atributes('en') }}{% endif %}",
            "issue.txt:3: 'lang_atributes' is undefined: did you mean 'lang_attributes'?",
        ),
        (
            "{{{ entry.title }}}",
            "issue.txt:3: expected token ':', got '}'; {{{ entry.title }}} has one brace too many"
            " on each side (Jinja reads a third { as the start of a dict): write"
            " {{ entry.title }}",
        ),
    ],
    ids=["date-field", "date-method", "list-field", "function", "three-braces"],
)
def test_a_date_list_or_function_typed_wrong_is_refused_at_load_with_the_one_meant(
    newsletter: Path, written: str, said_wrong: str
) -> None:
    """walk171 #4: `date.yeer`, `date.strftme()`, `sections.titel` in a branch no issue takes
    passed the load check (the first build that took it stopped); a function typed wrong had
    no "did you mean"; `{{{ x }}}` got Jinja's words alone."""
    before = _output(newsletter, "issue-1.txt")
    code, said = _render(
        newsletter, f"hg4-{abs(hash(written))}", {"issue.txt": _entry_block(written)}
    )
    assert code == 2, said
    assert said_wrong in said, said
    assert _output(newsletter, "issue-1.txt") == before


def test_a_date_and_lists_used_right_pass_and_a_filter_in_single_braces_is_warned(
    newsletter: Path,
) -> None:
    """What a date and a list have passes; `{theme|upper}` (one brace each side, a filter) is
    warned of as `{theme}` is (walk171 #4: published as written, unsaid)."""
    line = (
        "[{{ date.year }}/{{ date.strftime('%Y') }}/{{ sections | length }}"
        "/{{ sections.index(sections[0]) }}] {title|upper}"
    )
    code, said = _render(newsletter, "hg4-right", {"issue.txt": _entry_block(line)})
    assert code == 0, said
    page = _output(newsletter, "issue-1.txt")
    year = page.split("[", 1)[1][:4]
    assert f"[{year}/{year}/1/0] {{title|upper}}" in page, page
    assert (
        "hg4-right/issue.txt:3: `{title|upper}` is published as written, braces and all; a field"
        " is written `{{ title | upper }}`"
    ) in said, said


def _words(old: str, new: str) -> str:
    own = (builtin_templates() / "_words.txt").read_text("utf-8")
    assert own.split("\n")[9] == '{%- set all_issues = "All issues" -%}'
    return own.replace(old, new, 1)


def test_an_apostrophe_in_a_single_quoted_word_is_said_at_its_line_with_the_fix(
    newsletter: Path,
) -> None:
    """walk171 #2: `'L'archive'` in _words.txt was said with "a quote opened on line 7 may not be
    closed", a line of the comment at the top of the file, and no fix."""
    code, said = _render(newsletter, "hg2", {"_words.txt": _words('"All issues"', "'L'archive'")})
    assert code == 2, said
    assert (
        "_words.txt:10: expected token 'end of statement block', got 'archive'; the text 'L'"
        " ends on line 10 at the apostrophe before archive (a text in ' quotes ends at its next"
        """ '): write "L'archive" (" quotes around it), or 'L\\'archive'"""
    ) in said, said
    assert "line 7" not in said, said


def test_a_changed_page_title_is_said_to_read_otherwise_not_markup_only(newsletter: Path) -> None:
    """walk171 #3: rendered with a _words.txt whose all_issues is "L'archive", then with
    curator's own: the <title> of index.html changed back, and `render` said "Only the markup
    of index.html changed, not what a reader reads in them"."""
    code, said = _render(newsletter, "hg3", {"_words.txt": _words('"All issues"', '"L\'archive"')})
    assert code == 0, said
    assert "L&#39;archive</title>" in _output(newsletter, "index.html")
    code, out, err = run("render", "--config", str(newsletter), "1")
    said = said_as_one(out + err)
    assert code == 0, said
    assert "All issues</title>" in _output(newsletter, "index.html")
    assert not re.search(r"Only the markup of [^.]*index\.html", said), said
    assert (
        "The archive page index.html reads otherwise than before, though no issue-N.json was"
        " corrected"
    ) in said, said
    # Rendered again as it is: nothing reads otherwise
    code, out, err = run("render", "--config", str(newsletter), "1")
    assert code == 0, err
    assert "reads otherwise" not in said_as_one(out + err)
