"""walk138 NEW-2: a wrong field reached through a name a template binds curator's objects to
(`{% with %}`, `{% set %}`, `{% for %}`, a macro's parameter), through `curator render` on the
offline demo (built once) with curator's real templates copied and changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_credit_formats import newsletter, page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run
from curator.templatecheck import builtin_templates

TITLE = '<a href="{{ entry.url }}">{{ entry.title }}</a>'
LOADED = (
    "(every line of a template is checked when it is loaded, whether or not an issue reaches it)"
)


def _mine(demo: Path, name: str) -> Path:
    """A fresh copy of curator's templates, as `curator init` makes, for one case."""
    mine = demo.parent / name
    shutil.copytree(builtin_templates(), mine)
    return mine


def _render(demo: Path, mine: Path) -> tuple[int, str]:
    code, out, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    said = said_as_one(out + err)
    assert "Traceback" not in said
    return code, said


def _change(path: Path, old: str, new: str) -> int:
    """Put `new` in place of the first `old` in `path`; the line it is on."""
    source = path.read_text("utf-8")
    assert old in source
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return source[: source.index(old)].count("\n") + 1


def test_a_wrong_field_through_with_set_for_or_a_macro_is_refused_when_loaded(
    published_demo: Path,
) -> None:
    """walk138 NEW-2: `{% with e = entry %}{{ e.titel }}` in a branch no issue took rendered,
    exit 0, and where one took it said "'curator.render.Text object' has no attribute 'titel'"
    or nothing of the name; the same through `{% set %}`, a loop over `[entry]` or another of
    curator's lists, and a macro given an article. Each is refused when the template is loaded,
    naming file:line, the name, the field and the one meant."""
    cases = [
        ("_issue_body.html", TITLE, "{% if not entry.url %}{% with e = entry %}{{ e.titel }}{% endwith %}{% endif %}" + TITLE, "e (an article) has no field 'titel': did you mean 'title'?"),
        ("_issue_body.html", TITLE, "{% if not entry.url %}{% for e in [entry] %}{{ e.titel }}{% endfor %}{% endif %}" + TITLE, "e (an article) has no field 'titel': did you mean 'title'?"),
        ("issue.txt", "{{ section.subject }}\n", "{% set s = section %}{% if not s.entries %}{{ s.headng }}{% endif %}{{ section.subject }}\n", "s (a section) has no field 'headng' (it has subject, description, slug, entries)"),
        ("issue.txt", "{{ section.subject }}\n", "{% set s = section %}{% for a in s.entries | reverse if a.score > 99 %}{{ a.autor }}{% endfor %}{{ section.subject }}\n", "a (an article) has no field 'autor': did you mean 'author'?"),
        ("_issue_body.html", TITLE, "{% macro card(x) %}{{ x.titel }}{% endmacro %}{% if not entry.url %}{{ card(entry) }}{% endif %}" + TITLE, "x (an article, as line {line} passes it to card()) has no field 'titel': did you mean 'title'?"),
        ("index.html", "{{ item.theme }}", "{% with t = item %}{{ t.titel }}{% endwith %}", "t (an issue of the archive) has no field 'titel': did you mean 'title'?"),
        ("index.html", "<p class=\"archive-theme\">{{ item.theme }}", "{% macro m(i) %}{{ i.titel }}{% endmacro %}<p class=\"archive-theme\">{{ m(item) }}", "i (an issue of the archive, as line {line} passes it to m()) has no field 'titel': did you mean 'title'?"),
    ]  # fmt: skip
    for n, (name, old, new, message) in enumerate(cases):
        path = _mine(published_demo, f"bound-{n}") / name
        line = _change(path, old, new)
        code, said = _render(published_demo, path.parent)
        assert code == 2, said
        assert f"{path}:{line}: {message.format(line=line)} {LOADED}" in said, said

    # the names bound right, and one bound to two different objects, render as they should
    mine = _mine(published_demo, "bound-right")
    _change(
        mine / "_issue_body.html",
        TITLE,
        "{% macro card(x) %}{{ x.title }}{% endmacro %}{% with e = entry %}"
        "[{{ e.publication }}]{% endwith %}{% for a in [entry] %}{{ card(a) }}{% endfor %}"
        "{% if entry.url %}{% set v = entry %}{% else %}{% set v = section %}{% endif %}"
        "{{ v.title if entry.url else v.subject }}",
    )
    code, said = _render(published_demo, mine)
    assert code == 0, said
    page = (published_demo.parent / "output" / "issue-1.html").read_text("utf-8")
    assert "[Brightline Insights]" in page


def test_a_field_tested_with_is_defined_is_the_usual_guard_not_a_mistake(
    published_demo: Path,
) -> None:
    """walk144 #7b: `{% if entry.autor is defined %}` was refused when loaded ("entry has no
    field 'autor'"): asking whether a field is there is how a template guards one, so the test,
    and the field in what it guards, pass; a wrong field beside them is still refused."""
    mine = _mine(published_demo, "defined")
    body = mine / "_issue_body.html"
    _change(
        body,
        TITLE,
        TITLE + "{% if entry.autor is defined %}{{ entry.autor }}{% else %}[no autor]{% endif %}"
        "{{ '[none]' if section.headng is undefined else section.headng }}",
    )
    code, said = _render(published_demo, mine)
    assert code == 0, said
    page = (published_demo.parent / "output" / "issue-1.html").read_text("utf-8")
    assert "[no autor]" in page and "[none]" in page
    line = _change(body, "[no autor]", "{{ entry.titel }}")
    code, said = _render(published_demo, mine)
    assert code == 2, said
    assert f"{body}:{line}: entry has no field 'titel': did you mean 'title'?" in said, said


def test_a_wrong_field_reached_at_render_is_said_in_plain_words(published_demo: Path) -> None:
    """walk138 NEW-2: `{% with t = entry.title %}{{ t.titel }}` said "'curator.render.Text
    object' has no attribute 'titel'"; a macro of another file given an article (which this
    file's load cannot follow) names the parameter as an article, with the field meant."""
    mine = _mine(published_demo, "render-text")
    body = mine / "_issue_body.html"
    line = _change(
        body,
        TITLE,
        '<a href="{{ entry.url }}">{% with t = entry.title %}{{ t.titel }}{% endwith %}</a>',
    )
    code, said = _render(published_demo, mine)
    assert code == 2, said
    assert "curator.render" not in said and "object" not in said
    assert (
        f"template {body}:{line}: t is text, which has no field 'titel' (an article, a section"
        " and an issue of the archive have fields: docs/templates.md lists them"
    ) in said

    mine = _mine(published_demo, "render-macro")
    (mine / "_cards.html").write_text(
        "{% macro card(x) %}\n<b>{{ x.titel }}</b>\n{% endmacro %}\n", encoding="utf-8"
    )
    body = mine / "_issue_body.html"
    _change(body, "{% block header %}", '{% from "_cards.html" import card %}{% block header %}')
    _change(body, TITLE, "{{ card(entry) }}")
    code, said = _render(published_demo, mine)
    assert code == 2, said
    assert (
        f"template {mine / '_cards.html'}:2: x (an article) has no field 'titel': did you mean"
        " 'title'?"
    ) in said


def test_a_template_mistake_stops_the_build_before_a_feed_is_read(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk137 #6: a wrong field in the editor's template was said only after every feed had
    been read (minutes, on a real list of feeds); it is said before the first request, and a
    mistake in a template the editor's includes is found as well."""
    config = newsletter(tmp_path, http_server, [("Customer experience", "", page("CX"))])
    mine = _mine(config, "templates")
    line = _change(mine / "_issue_body.html", TITLE, TITLE + "{{ entry.autor }}")
    code, _, err = run("build", "--config", str(config), "--templates", str(mine))
    assert code == 2, err
    assert f"_issue_body.html:{line}" in said_as_one(err), err
    assert "entry has no field 'autor': did you mean 'author'?" in said_as_one(err), err
    assert http_server.seen("/feed.xml") == [], "no feed is read before the templates are checked"
    # (walk144 #7a: nor said to be: "Fetching 1 feed(s)" was printed before the mistake)
    assert "Fetching" not in err, err
