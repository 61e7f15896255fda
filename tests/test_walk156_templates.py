"""walk156: an editor's own templates must never drop or mangle what an issue publishes without a
word. One small newsletter (a local feed file, as the walk had: three pieces of one story in one
publication, and an article whose title holds Liquid) is built once with curator's templates;
each case renders it again with templates of the editor's own, written in the test."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import run_cli as run
from conftest import said_as_one
from curator.templatecheck import builtin_templates

_BACKLOG = (
    "A ticket backlog grows when agents triage by age instead of by cause. Sort the queue by"
    " cause and staff for the real load. Protect the support team from burnout."
)
_STAFFING = (
    "Staffing a support team for the Monday peak means reading last quarter's ticket queue by"
    " hour. Agents scheduled to the queue answer faster. The backlog stays small all week."
)
_LIQUID_TITLE = "Staffing the support team: {{ site.secret }} and {% include secrets.txt %}"


def _item(n: int, title: str, text: str) -> str:
    return (
        f"<item><title>{title}</title><link>https://p.example/{n}</link>"
        f"<guid>https://p.example/{n}</guid><author>a@p.example (Ann Lee)</author>"
        f"<description>{text}</description></item>"
    )


@pytest.fixture(scope="module")
def newsletter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The walk's newsletter with issue 1 built (curator's own templates): its feeds.yaml."""
    folder = tmp_path_factory.mktemp("walk156")
    (folder / "feeds").mkdir()
    items = [_item(n, f"Taming the ticket backlog, part {n + 1}", _BACKLOG) for n in range(3)]
    items.append(_item(3, _LIQUID_TITLE, _STAFFING))
    (folder / "feeds" / "p.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Queue Weekly</title><link>https://p.example/</link><description>d</description>"
        + "".join(items)
        + "</channel></rss>",
        encoding="utf-8",
    )
    config = folder / "feeds.yaml"
    config.write_text(
        "newsletter:\n  title: Pieces Test\n  editor: Dana Whitfield\n"
        "subjects:\n  - name: Service operations\n"
        "    description: Running a support team day to day, from response times and backlogs"
        " to staffing.\n"
        "    keywords: [ticket, backlog, queue, staffing, support team, agents]\n"
        "feeds:\n  - url: feeds/p.xml\n    name: Queue Weekly\n    fetch_pages: false\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, out + err
    return config


def _templates(config: Path, name: str, files: dict[str, str]) -> Path:
    folder = config.parent / name
    folder.mkdir()
    for filename, text in files.items():
        path = folder / filename
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def _render(config: Path, folder: Path, *options: str) -> tuple[int, str, str]:
    code, out, err = run(
        "render", "--config", str(config), "1", "--templates", str(folder), *options
    )
    assert "Traceback" not in err
    return code, out, said_as_one(err)


#: An `{% block entry %}` of the editor's own, as docs/templates.md shows blocks: title and credit.
_ENTRY_BLOCK = (
    '{% extends "curator/_issue_body.html" %}\n'
    '{% block entry %}<h3><a href="{{ entry.url }}">{{ entry.title }}</a></h3>\n'
    '<p class="credit">{{ entry.credit_html }}</p>{% endblock %}\n'
)
_EMAIL_BLOCK = (
    '{% extends "curator/email.html" %}\n'
    '{% block entry %}<tr><td><a href="{{ entry.url }}">{{ entry.title }}</a>'
    "<p>{{ entry.credit_html }}</p></td></tr>{% endblock %}\n"
)
#: docs/templates.md's issue.txt of titles and links.
_TITLES_TXT = (
    "{{ title }}, issue {{ number }} ({{ date_text }})\n{% for section in sections %}\n\n"
    "{{ section.subject }}\n{% for entry in section.entries %}\n"
    "- {{ entry.title }}{% if entry.url %} <{{ entry.url }}>{% endif %}\n\n"
    "{% endfor %}\n{% endfor %}\n"
)
_TITLES_MD = (
    '{% extends "curator/issue.md" %}\n'
    "{% block entry %}\n### [{{ entry.title }}]({{ entry.url | md_url }})\n\n"
    "*{{ entry.credit | md_text }}*\n\n{% endblock %}\n"
)


def test_templates_leaving_out_blurbs_and_same_story_pieces_say_so_in_every_edition(
    newsletter: Path,
) -> None:
    """walk156 #1, #2: an `{% block entry %}` of title and credit only dropped the blurbs and
    "Another piece in Queue Weekly on the same story", and issue.txt, issue.md and email.html of
    titles published bare titles, exit 0 and unsaid, while the build counted the pieces as
    published under the article. Said in text, --quiet and --json, with what to add."""
    folder = _templates(
        newsletter,
        "no-blurbs",
        {
            "_issue_body.html": _ENTRY_BLOCK,
            "email.html": _EMAIL_BLOCK,
            "issue.txt": _TITLES_TXT,
            "issue.md": _TITLES_MD,
        },
    )
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    out = newsletter.parent / "output"
    assert "A ticket backlog grows" not in (out / "issue-1.html").read_text("utf-8")
    for edition, template, add in (
        ("issue-1.html", "_issue_body.html", "`entry.blurb_html`"),
        ("issue-1.email.html", "email.html", "`entry.blurb_html`"),
        ("issue-1.txt", "issue.txt", "`entry.blurb`"),
        ("issue-1.md", "issue.md", "`entry.blurb_markdown | md_intro if"),
    ):
        warning = next(
            (
                w
                for w in said.split("curator: warning: ")
                if str(folder / template) in w
                and edition in w.split("leave out of ", 1)[-1].split(" the ", 1)[0].split(", ")
            ),
            "",
        )
        assert warning, said
        assert "the blurb of 2 of 2 articles" in warning, warning
        assert "Another piece in ... on the same story" in warning, warning
        assert add in warning, warning
        assert "`entry.pieces_in_publication`" in warning, warning
    # not said as a copy "made before" pieces were named: these are the editor's own
    assert "were made before they named another piece" not in said
    code, _, quiet = _render(newsletter, folder, "-q")
    assert code == 0 and "the blurb of 2 of 2 articles" in quiet
    code, out_json, _ = _render(newsletter, folder, "--json")
    assert code == 0
    warnings = json.dumps(json.loads(out_json)["warnings"])
    assert "the blurb of 2 of 2 articles" in warnings
    assert "on the same story" in warnings


def test_a_templates_folder_with_none_at_its_top_level_is_said(newsletter: Path) -> None:
    """walk156 #3: a templates folder whose files were moved into `v2/`, or left empty, gave
    curator's own look silently; a folder of a few overrides stays quiet."""
    moved = newsletter.parent / "moved"
    shutil.copytree(builtin_templates(), moved / "v2")
    count = len([p for p in builtin_templates().iterdir() if p.is_file()])
    code, _, said = _render(newsletter, moved)
    assert code == 0, said
    assert (
        f"{moved}: your templates folder has none of curator's templates at its top level,"
        f" only a subfolder v2/ with {count} template(s)"
    ) in said
    assert f"set `templates: {moved / 'v2'}`" in said
    code, out, _ = _render(newsletter, moved, "--json")
    assert "only a subfolder v2/" in json.dumps(json.loads(out)["warnings"])
    empty = _templates(newsletter, "empty", {})
    code, _, said = _render(newsletter, empty)
    assert f"{empty}: your templates folder is empty" in said
    # a build says it too, before anything else
    code, _, err = run("build", "--config", str(newsletter), "--templates", str(moved), "-q")
    assert "only a subfolder v2/" in said_as_one(err)
    partial = _templates(newsletter, "partial", {"issue.txt": _TITLES_TXT})
    code, _, said = _render(newsletter, partial)
    assert "templates folder" not in said


def test_a_value_typed_with_one_brace_is_refused_at_load(newsletter: Path) -> None:
    """walk156 #4: `{ entry.blurb_html }}` published itself in every article, exit 0. CSS and
    JSON braces (`a { color: red }}` of nested rules) are no mistake."""
    own = (builtin_templates() / "_issue_body.html").read_text("utf-8")
    assert '<p class="blurb">{{ entry.blurb_html }}</p>' in own
    typo = own.replace(
        '<p class="blurb">{{ entry.blurb_html }}</p>', '<p class="blurb">{ entry.blurb_html }}</p>'
    )
    line = (
        typo.split("\n").index(next(ln for ln in typo.split("\n") if "{ entry.blurb_html }}" in ln))
        + 1
    )
    folder = _templates(
        newsletter,
        "one-brace",
        {
            "_issue_body.html": typo,
            "issue.html": '{% extends "curator/issue.html" %}{% block style %}{{ super() }}'
            "@media print { .entry { color: black }}{% endblock %}",
        },
    )
    page = newsletter.parent / "output" / "issue-1.html"
    before = page.read_text("utf-8")
    code, _, said = _render(newsletter, folder)
    assert code == 2, said
    assert (
        f"{folder / '_issue_body.html'}:{line}: {{ entry.blurb_html }}}} has one brace on its"
        " left, so it is published as written, not as the value: write {{ entry.blurb_html }}"
    ) in said
    assert page.read_text("utf-8") == before
    (folder / "_issue_body.html").unlink()
    code, _, said = _render(newsletter, folder)
    assert code == 0, said


def test_feed_braces_in_the_markdown_edition_are_never_liquid(newsletter: Path) -> None:
    """walk156 #5: an issue.md of the editor's own without `| md_text` let a feed title's
    `{% include secrets.txt %}` and `{{ site.secret }}` through to Jekyll; now every brace of a
    feed's text in a Markdown edition is an entity, whatever the template."""
    folder = _templates(newsletter, "md-plain", {"issue.md": _TITLES_MD})
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    md = (newsletter.parent / "output" / "issue-1.md").read_text("utf-8")
    assert "Staffing the support team" in md
    assert "{%" not in md and "{{" not in md
    assert "&#123;% include secrets.txt %&#125;" in md


def test_front_matter_that_is_not_yaml_stops_the_render(newsletter: Path) -> None:
    """walk156 #6: `description: {{ ... title }}` without `| yaml`, a title with a colon,
    published invalid YAML front matter, exit 0."""
    front = (
        '{% extends "curator/issue.md" %}\n{% block front_matter %}\n---\n'
        "title: {{ title | yaml }}\n"
        "description: {{ sections[0].entries[-1].title }}\n---\n{% endblock %}\n"
    )
    folder = _templates(newsletter, "front", {"issue.md": front})
    md = newsletter.parent / "output" / "issue-1.md"
    before = md.read_text("utf-8")
    code, _, said = _render(newsletter, folder)
    assert code == 2, said
    assert f"its front matter is not YAML ({folder / 'issue.md'}:5:" in said
    assert "`description: {{ ... | yaml }}`" in said
    assert "nothing was published" in said
    assert md.read_text("utf-8") == before
    (folder / "issue.md").write_text(
        front.replace("entries[-1].title }}", "entries[-1].title | yaml }}"), encoding="utf-8"
    )
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    assert 'description: "Staffing the support team: ' in md.read_text("utf-8")


def test_a_style_for_some_screens_only_is_kept_in_the_emails_head_as_media(
    newsletter: Path,
) -> None:
    """walk156 #7: `<style media="screen and (max-width: 600px)">` was inlined for every screen
    (desktop mail got the phone layout), unsaid; fixgf then left it out with a warning, while
    fixgk kept the same rules written as an `@media` block: now both are kept in the head, as
    `@media screen and (max-width: 600px) { ... }`, unsaid; media="screen" is inlined."""
    email = (
        '{% extends "curator/email.html" %}\n{% block head %}{{ super() }}\n'
        '<style media="screen and (max-width: 600px)">\n'
        "  .entry { font-size: 30px; }\n</style>\n"
        '<style media="screen">\n  .credit { letter-spacing: 3px; }\n</style>\n'
        '<style media="print}">\n  .entry { color: red; }\n</style>\n{% endblock %}\n'
    )
    folder = _templates(newsletter, "media", {"email.html": email})
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    mail = (newsletter.parent / "output" / "issue-1.email.html").read_text("utf-8")
    head = mail[: mail.index("</head>")]
    assert re.search(
        r"<style>[^<]*@media screen and \(max-width: 600px\) \{\s*\.entry \{ font-size: 30px; \}",
        head,
    ), head
    # not inlined: desktop mail keeps its layout
    assert "font-size: 30px" not in mail[mail.index("</head>") :], mail
    assert 'class="credit" style="' in mail and "letter-spacing: 3px" in mail
    assert "email.html:3" not in said and "email.html:6" not in said, said
    # a media= that would break the block is left out, and said
    assert "color: red" not in mail
    assert (
        'email.html:9: <style media="print}">: its media= holds a brace, a semicolon or a `<`'
    ) in said, said


@pytest.mark.parametrize(
    "tag",
    [
        '<a href="{{ entry.url }}" {{ entry.title }}>x</a>',
        '<p class="credit" {{ entry.publication }}>',
    ],
)
def test_a_value_among_a_tags_attributes_is_refused_at_load(newsletter: Path, tag: str) -> None:
    """walk156 #8: feed text in a tag's attribute-name position became attributes (`hidden`,
    `style=position:fixed...`), and a word of a title was called an "event handler"."""
    body = (
        '{% extends "curator/_issue_body.html" %}\n{% block entry %}\n'
        '<h3 class="t"{{ lang_attributes(entry.language) }}>{{ entry.title }}</h3>\n'
        f"{tag}\n{{{{ entry.blurb_html }}}}{{% endblock %}}\n"
    )
    folder = _templates(newsletter, f"attr-{len(tag)}", {"_issue_body.html": body})
    code, _, said = _render(newsletter, folder)
    assert code == 2, said
    value = tag.split(" {{", 1)[1].split("}}")[0]
    assert (
        f"{folder / '_issue_body.html'}:4: {{{{{value}}}}} is written among the attributes of a"
        " tag, outside any quoted value"
    ) in said
    assert f'title="{{{{{value}}}}}"' in said
    assert "event handler" not in said


def test_a_value_inside_a_style_is_refused_at_load(newsletter: Path) -> None:
    """walk164 N3: `style="color: {{ entry.publication }}"` published a feed title's
    "x; position:fixed; ...; background:red" as the page's CSS (escaping keeps the text inside
    the quotes, not out of the CSS), with no word."""
    body = (
        '{% extends "curator/_issue_body.html" %}\n{% block entry %}\n'
        '<p><a href="{{ entry.url }}"\n   style="color: {{ entry.publication }}">'
        "{{ entry.title }}</a></p>{{ entry.blurb_html }}{% endblock %}\n"
    )
    folder = _templates(newsletter, "style-value", {"_issue_body.html": body})
    code, _, said = _render(newsletter, folder)
    assert code == 2, said
    assert (
        f"{folder / '_issue_body.html'}:4: {{{{ entry.publication }}}} is written inside a style="
        " value: what it shows (a feed's title, say) becomes CSS of the page"
    ) in said
