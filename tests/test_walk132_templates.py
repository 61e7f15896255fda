"""walk132: an editor's templates, the second round of what curator says of them, through
`curator render` on the offline demo (built once) with curator's real templates copied and
changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import run_cli as run
from conftest import said_as_one
from curator.templatecheck import builtin_templates


def _mine(demo: Path, name: str) -> Path:
    """A fresh copy of curator's templates, as `curator init` makes, for one case."""
    mine = demo.parent / name
    shutil.copytree(builtin_templates(), mine)
    return mine


def _render(demo: Path, mine: Path) -> tuple[int, str]:
    code, out, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert "Traceback" not in err
    return code, said_as_one(out + err)


def _line_of(path: Path, piece: str) -> int:
    return next(n for n, ln in enumerate(path.read_text("utf-8").split("\n"), 1) if piece in ln)


def test_a_full_copy_extending_itself_is_blamed_on_its_own_first_line(
    published_demo: Path,
) -> None:
    """walk132 #4: `{% extends "issue.html" %}` put on line 1 of a full copy of issue.html was
    blamed on curator's own _issue_body.html:4."""
    mine = _mine(published_demo, "extends")
    page = mine / "issue.html"
    page.write_text('{% extends "issue.html" %}\n' + page.read_text("utf-8"), encoding="utf-8")
    code, said = _render(published_demo, mine)
    assert code == 2, said
    assert f"template {page}:1: issue.html extends or includes itself" in said
    assert "_issue_body.html" not in said
    assert 'write {% extends "curator/issue.html" %}' in said


def test_an_unclosed_comment_names_the_file_that_holds_it_and_how_to_close_it(
    published_demo: Path,
) -> None:
    """walk132 #6: an unclosed `{#` on line 24 of _issue_body.html was "template fragment.html:24:
    Missing end of comment tag" (fragment.html has 5 lines); in email.html, no hint."""
    mine = _mine(published_demo, "comment")
    for name in ("_issue_body.html", "email.html"):
        path = mine / name
        source = path.read_text("utf-8")
        lines = source.split("\n")
        lines[23] += " {# note"
        path.write_text("\n".join(lines), encoding="utf-8")
        code, said = _render(published_demo, mine)
        assert code == 2, said
        assert (
            f"template {path}:24: a {{# comment opened on line 24 is never closed: close it"
            " with #}"
        ) in said
        path.write_text(source, encoding="utf-8")


def test_a_typo_in_an_archive_field_a_filter_or_a_missing_words_import_says_what_to_write(
    published_demo: Path,
) -> None:
    """walk132 #8: `{{ item.titel }}` in feed.xml or index.html read "'dict object' has no
    attribute 'titel'"; `|titel` "No filter named 'titel' found." without a suggestion; a copy of
    email.html without its `_words.txt` import "'words' is undefined"."""
    mine = _mine(published_demo, "typos")
    for name, meant, field in (("feed.xml", "title", "titel"), ("index.html", "link", "lnik")):
        path = mine / name
        source = path.read_text("utf-8")
        at = _line_of(path, f"{{{{ item.{meant} }}}}")
        path.write_text(
            source.replace(f"{{{{ item.{meant} }}}}", f"{{{{ item.{field} }}}}"), "utf-8"
        )
        code, said = _render(published_demo, mine)
        assert code == 2, said
        assert (
            f"template {path}:{at}: item (an issue of the archive) has no field '{field}':"
            f" did you mean '{meant}'?"
        ) in said
        path.write_text(source, encoding="utf-8")

    text = mine / "issue.txt"
    source = text.read_text("utf-8")
    at = _line_of(text, "{{ title }}")
    text.write_text(source.replace("{{ title }}", "{{ title | titel }}", 1), encoding="utf-8")
    code, said = _render(published_demo, mine)
    assert code == 2, said
    assert f"template {text}:{at}: no filter named 'titel': did you mean 'title'?" in said
    text.write_text(source, encoding="utf-8")

    email = mine / "email.html"
    email.write_text(
        email.read_text("utf-8").replace('{% import "_words.txt" as words %}\n', ""), "utf-8"
    )
    code, said = _render(published_demo, mine)
    assert code == 2, said
    assert "'words' is undefined: add the line {% import \"_words.txt\" as words %} as the" in said


def test_the_archive_fields_named_in_the_did_you_mean_are_those_an_item_has() -> None:
    """The did-you-mean of walk132 #8 names `ARCHIVE_ITEM_FIELDS`: what `archive_context` makes."""
    from datetime import UTC, datetime

    from curator.editions import ArchiveItem, archive_context
    from curator.templatefields import ARCHIVE_ITEM_FIELDS

    item = ArchiveItem(number=1, title="T", date=datetime(2026, 12, 6, tzinfo=UTC))
    context = archive_context("T", None, [item], site_url=None)
    assert tuple(context["archive"][0]) == ARCHIVE_ITEM_FIELDS  # type: ignore[index]


def test_blocks_of_curators_templates_can_be_filled_and_an_unknown_block_is_refused(
    published_demo: Path,
) -> None:
    """walk132 #7: `{% extends "curator/issue.html" %}{% block sponsor %}...` rendered, exit 0,
    with no sponsor line: curator's templates defined no blocks, and Jinja drops a block its
    parent lacks without a word."""
    mine = published_demo.parent / "blocks"
    mine.mkdir()
    page = mine / "issue.html"
    sponsor = '<p class="sponsor">Sponsored by Example Co.</p>'
    page.write_text(
        f'{{% extends "curator/issue.html" %}}\n{{% block sponsor %}}{sponsor}{{% endblock %}}\n',
        encoding="utf-8",
    )
    code, said = _render(published_demo, mine)
    assert code == 2, said
    assert (
        f"template {page}:2: {{% block sponsor %}} is not a block of issue.html, so nothing in it"
        " would be published" in said
    )
    assert "issue.html's blocks: head, style, nav, body, footer" in said
    # a block of the body it includes: where to fill it
    page.write_text(
        '{% extends "curator/issue.html" %}\n{% block introduction %}{% endblock %}\n', "utf-8"
    )
    code, said = _render(published_demo, mine)
    assert code == 2, said
    assert (
        "introduction is a block of _issue_body.html, which issue.html includes: fill it in your"
        ' own _issue_body.html, starting with {% extends "curator/_issue_body.html" %}'
    ) in said

    # filled: published, with curator's own around it
    page.write_text(
        '{% extends "curator/issue.html" %}\n'
        f"{{% block footer %}}{sponsor}{{% endblock %}}\n"
        "{% block style %}{{ super() }}.sponsor { color: #59636e; }{% endblock %}\n",
        encoding="utf-8",
    )
    (mine / "_issue_body.html").write_text(
        '{% extends "curator/_issue_body.html" %}\n'
        "{% block introduction %}{{ super() }}<p>Thanks, {{ words.edited_by }} us.</p>\n"
        "{% endblock %}\n"
        "{% block entry %}<p>{{ entry.title }} at level {{ top + 2 }}</p>\n{% endblock %}\n",
        encoding="utf-8",
    )
    (mine / "email.html").write_text(
        '{% extends "curator/email.html" %}\n'
        '{% block closing %}<tr><td class="closing">Sponsored by Example Co.</td></tr>\n'
        "{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    code, said = _render(published_demo, mine)
    assert code == 0, said
    out = published_demo.parent / "output"
    html = (out / "issue-1.html").read_text("utf-8")
    assert sponsor in html and ".sponsor { color: #59636e; }" in html
    assert "_page_style.css" not in html and "max-width" in html  # curator's style kept
    assert "<p>Thanks, edited by us.</p>" in html
    assert '<section class="introduction">' in html
    assert " at level 3</p>" in html and " at level 4</p>" in (
        out / "issue-1.fragment.html"
    ).read_text("utf-8")
    assert '<p class="credit">' not in html
    email = (out / "issue-1.email.html").read_text("utf-8")
    assert "Sponsored by Example Co." in email and 'class="entry-title"' in email


def test_the_documented_titles_and_links_issue_txt_is_told_what_it_leaves_out_not_called_old(
    published_demo: Path,
) -> None:
    """walk132 #5: docs/templates.md's own issue.txt example ("lists only titles and links") was
    told to add `entry.credit`, as if by mistake, and that it was a copy "made before issues had
    a theme and a closing line"."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "templates.md").read_text("utf-8")
    example = docs[docs.index("lists only titles and links") :]
    example = example[example.index("```jinja\n") + len("```jinja\n") :]
    example = example[: example.index("```")]
    mine = published_demo.parent / "titles"
    mine.mkdir()
    (mine / "issue.txt").write_text(example, encoding="utf-8")
    code, said = _render(published_demo, mine)
    assert code == 0, said
    assert "made before" not in said
    assert f"{mine}: your issue.txt leaves out of issue 1 its theme " in said
    assert "which curator's own issue.txt shows: fine if you meant it;" in said
    assert "issue.txt (`theme`, `closing_plain`)" in said
    # (and their blurbs, walk156 #2: a template of titles publishes none)
    assert (
        'the credit of 4 of 4 articles ("Helena Ashworth || Brightline Insights") and the blurb'
        " of 4 of 4 articles"
    ) in said
    assert (
        "which curator's own templates show: fine if you meant it; to show them, add"
        " `entry.credit` and `entry.blurb`"
    ) in said


def test_a_wrong_field_in_a_branch_no_issue_takes_is_refused_when_the_template_is_loaded(
    published_demo: Path,
) -> None:
    """walk136 #5: `{{ item.titel }}` inside an `{% if %}` branch the current issues never take
    (index.html) passed `render --all`, exit 0, and would fail the build that first took it,
    months later. Every line is checked when the template is loaded: refused, with its file and
    line and the field meant; an entry's and a section's too."""
    cases = [
        ("index.html", "{% for item in archive %}", "{% if item.number > 9999 %}{{ item.titel }}{% endif %}", "item (an issue of the archive) has no field 'titel': did you mean 'title'?"),
        ("_issue_body.html", "{% for entry in section.entries %}", "{% if entry.score > 99 %}{{ entry.blurbb }}{% endif %}", "entry has no field 'blurbb': did you mean 'blurb'?"),
        ("issue.txt", "{% for section in sections %}", "{% if not section.entries %}{{ section.name }}{% endif %}", "section has no field 'name' (it has subject, description, slug, entries)"),
    ]  # fmt: skip
    for name, loop, wrong, message in cases:
        mine = _mine(published_demo, f"field-{name}")
        path = mine / name
        path.write_text(
            path.read_text("utf-8").replace(loop, f"{loop}\n{wrong}", 1), encoding="utf-8"
        )
        line = _line_of(path, wrong)
        code, out, err = run(
            "render", "--config", str(published_demo), "--all", "--templates", str(mine)
        )
        said = said_as_one(out + err)
        assert "Traceback" not in said
        assert code != 0, said
        assert f"{path}:{line}: {message}" in said, said
    # curator's own templates, copied unchanged, render as before.
    code, out, err = run(
        "render", "--config", str(published_demo), "--all", "--templates",
        str(_mine(published_demo, "unchanged")),
    )  # fmt: skip
    assert code == 0, out + err
