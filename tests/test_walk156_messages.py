"""walk156 #9-#20 (and walk158 #8): what curator says of an editor's templates must be true and
lead somewhere. One small newsletter (a local feed file of eight articles, two of them titled one
the start of the other, their links one the start of the other) is built once with curator's
templates; each case renders it again with templates of the editor's own, written in the test."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import run_cli as run
from conftest import said_as_one
from curator.templatecheck import builtin_templates
from curator.templatewords import (
    RELEASED_TEMPLATES,
    template_digest,
)

_TEXTS = [
    "A ticket backlog grows when agents triage by age instead of by cause. Sort the queue by"
    " cause and staff for the real load.",
    "Staffing a support team for the Monday peak means reading last quarter's ticket queue by"
    " hour. Agents scheduled to the queue answer faster.",
    "Support agents who write macros for common tickets close the queue sooner. Review each"
    " macro monthly so the answers stay right.",
    "A support team's first response time is the number customers feel. Route urgent tickets"
    " to agents on shift and keep the backlog short.",
    "Escalation rules decide which tickets reach senior agents. Too many escalations swamp the"
    " queue; too few leave customers waiting.",
    "Weekend staffing for a support team is cheaper with a rota. Agents trade shifts and the"
    " ticket backlog stays under a day.",
    "Ticket tags tell a support team what customers ask about. Agents who tag each ticket let"
    " the queue be sorted by topic.",
    "A backlog review every Friday keeps the support team honest. Agents close stale tickets"
    " and the queue starts Monday clean.",
]
#: (title, author, link path): walk158 #8's two titles, one the start of the other, by two people;
#: their links /a/1 and /a/10, one the start of the other (walk156 #16).
_ARTICLES = [
    ("Same credit piece 1", "Jane Doe", "a/1"),
    ("Same credit piece 1 and more", "Bob Ray", "a/10"),
    ("Macros for the ticket queue", "Cy Lin", "a/3"),
    ("First response time", "Di Moe", "a/4"),
    ("Escalation rules", "Ed Poe", "a/5"),
    ("Weekend rota", "Fay Roe", "a/6"),
    ("Ticket tags", "Gus Koh", "a/7"),
    ("The Friday backlog review", "Hal Orr", "a/8"),
]


@pytest.fixture(scope="module")
def newsletter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The newsletter with issue 1 built (curator's own templates): its feeds.yaml."""
    folder = tmp_path_factory.mktemp("walk156m")
    (folder / "feeds").mkdir()
    items = "".join(
        f"<item><title>{title}</title><link>https://s.example/{path}</link>"
        f"<guid>https://s.example/{path}</guid><author>x@s.example ({author})</author>"
        f"<description>{text}</description></item>"
        for (title, author, path), text in zip(_ARTICLES, _TEXTS, strict=True)
    )
    (folder / "feeds" / "s.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Samecredit</title><link>https://s.example/</link><description>d</description>"
        f"{items}</channel></rss>",
        encoding="utf-8",
    )
    config = folder / "feeds.yaml"
    config.write_text(
        "newsletter:\n  title: Messages Test\n  editor: Dana Whitfield\n  issue_size: 8\n"
        "subjects:\n  - name: Service operations\n"
        "    description: Running a support team day to day, from response times and backlogs"
        " to staffing.\n"
        "    keywords: [ticket, backlog, queue, staffing, support team, agents]\n"
        "feeds:\n  - url: feeds/s.xml\n    name: Samecredit\n    fetch_pages: false\n",
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(config), "-q")
    assert code == 0, out + err
    page = (folder / "output" / "issue-1.html").read_text("utf-8")
    assert all(title in page for title, _, _ in _ARTICLES), page
    return config


def _templates(config: Path, name: str, files: dict[str, str]) -> Path:
    folder = config.parent / name
    folder.mkdir()
    for filename, text in files.items():
        (folder / filename).write_text(text, encoding="utf-8")
    return folder


def _render(config: Path, folder: Path, *options: str) -> tuple[int, str, str]:
    code, out, err = run(
        "render", "--config", str(config), "1", "--templates", str(folder), *options
    )
    assert "Traceback" not in err
    return code, out, said_as_one(err)


def _own(name: str) -> str:
    return (builtin_templates() / name).read_text("utf-8")


def test_untouched_copies_leave_nothing_out_when_one_title_starts_another(
    newsletter: Path,
) -> None:
    """walk158 #8: curator's templates copied unchanged (`curator init`) were said to leave out
    "the credit of 1 of 8 articles ("Jane Doe || Samecredit")": "Same credit piece 1" was found
    at the start of "Same credit piece 1 and more"."""
    folder = newsletter.parent / "copies"
    shutil.copytree(builtin_templates(), folder)
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    assert "leave out" not in said, said


def test_a_link_left_out_is_said_though_another_starts_with_it(newsletter: Path) -> None:
    """walk156 #16: an article's link /a/1 left out was counted shown, being the start of
    /a/10's; a credit left out was counted shown inside another's line."""
    body = _own("_issue_body.html")
    link = '<a href="{{ entry.url }}">'
    assert link in body
    body = body.replace(
        link, "<a href=\"{{ entry.url if entry.title != 'Same credit piece 1' else '#' }}\">"
    )
    folder = _templates(newsletter, "one-link", {"_issue_body.html": body})
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    assert "your templates leave out of issue-1.html" in said, said
    assert "the link of 1 of 8 articles (https://s.example/a/1)" in said, said


def test_a_link_in_a_jinja_comment_is_not_warned_of(newsletter: Path) -> None:
    """walk156 #17: a `<link rel=stylesheet>` kept inside `{# #}` in email.html was warned of as
    if published; one outside a comment still is, at its line."""
    email = (
        '{% extends "curator/email.html" %}\n{% block head %}{{ super() }}\n'
        '{# <link rel="stylesheet" href="https://s.example/old.css"> #}\n'
        '<link rel="stylesheet" href="https://s.example/new.css">\n{% endblock %}\n'
    )
    folder = _templates(newsletter, "commented", {"email.html": email})
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    assert "old.css" not in said, said
    assert 'email.html:4: <link rel="stylesheet" href="https://s.example/new.css">' in said


def test_a_byte_order_mark_at_a_templates_start_is_not_published(newsletter: Path) -> None:
    """walk156 #18: a template saved with a UTF-8 byte-order mark published U+FEFF mid-page:
    before `<article>`, inside feed.xml, before issue.md's `---`."""
    folder = newsletter.parent / "bom"
    folder.mkdir()
    for name in ("fragment.html", "_issue_body.html", "feed.xml", "issue.md", "issue.txt"):
        (folder / name).write_bytes(b"\xef\xbb\xbf" + (builtin_templates() / name).read_bytes())
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    out = newsletter.parent / "output"
    for name in ("issue-1.html", "issue-1.fragment.html", "feed.xml", "issue-1.md", "issue-1.txt"):
        assert "\ufeff" not in (out / name).read_text("utf-8"), name
    assert (out / "issue-1.md").read_text("utf-8").startswith("---")


def test_an_address_in_angle_brackets_in_the_text_edition_stays_as_written(
    newsletter: Path,
) -> None:
    """walk156 #20: issue.txt's footer "Write to me: <dana@example.com>" was published
    `< dana@example.com>`, as `<https://...>` is not."""
    text = (
        '{% extends "curator/issue.txt" %}\n'
        "{% block footer %}{{ super() }}\nWrite to me: <dana@example.com>\n{% endblock %}\n"
    )
    folder = _templates(newsletter, "footer", {"issue.txt": text})
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    txt = (newsletter.parent / "output" / "issue-1.txt").read_text("utf-8")
    assert "Write to me: <dana@example.com>" in txt


def test_an_iframe_is_refused_as_what_it_is(newsletter: Path) -> None:
    """walk156 #15: the editor's own YouTube `<iframe>` was refused as "script ... write no
    script, event handler or javascript: link"; now curator says it publishes no iframe, at the
    template's line, and what to write instead."""
    body = (
        '{% extends "curator/_issue_body.html" %}\n{% block introduction %}{{ super() }}\n'
        '<iframe src="https://www.youtube.com/embed/abc" width="560"></iframe>\n{% endblock %}\n'
    )
    folder = _templates(newsletter, "iframe", {"_issue_body.html": body})
    page = newsletter.parent / "output" / "issue-1.html"
    before = page.read_text("utf-8")
    code, _, said = _render(newsletter, folder)
    assert code == 2, said
    assert "_issue_body.html:3" in said, said
    assert "curator publishes no <iframe>, <object> or <embed>" in said, said
    assert "link to it instead" in said
    assert "javascript: link" not in said
    assert page.read_text("utf-8") == before


@pytest.mark.parametrize(
    ("name", "text", "said_wrong"),
    [
        (
            "issue.txt",
            '{% extends "curator/issue.txt" %}\n{% block entry %}\n{{ words.edited_bye }}\n'
            "{% endblock %}\n",
            "issue.txt:3: _words.txt defines no 'edited_bye': did you mean 'edited_by'?",
        ),
        (
            "issue.txt",
            '{% extends "curator/issue.txt" %}\n{% block entry %}\n{{ month[1] }}\n'
            "{% endblock %}\n",
            "issue.txt:3: 'month' is undefined: did you mean 'words.months'?",
        ),
        (
            "_issue_body.html",
            '{% extends "curator/_issue_body.html" %}\n{% block entry %}\n'
            '<a href="{{ entry.url }}">{{ entry.title }</a>\n<p>x</p>\n{% endblock %}\n',
            "_issue_body.html:3: unexpected '}'; an expression opened here with {{ may lack its }}",
        ),
        (
            "_words.txt",
            _own("_words.txt").replace('"All issues"', '"All issues'),
            "a quote opened on line 10 may not be closed",
        ),
        (
            "_words.txt",
            _own("_words.txt").replace("months[", "month["),
            "_words.txt:31: 'month' is undefined: did you mean 'months'?",
        ),
    ],
    ids=["words-attribute", "words-name", "one-closing-brace", "open-quote", "words-own-name"],
)
def test_a_word_or_brace_typed_wrong_is_said_with_the_one_meant(
    newsletter: Path, name: str, text: str, said_wrong: str
) -> None:
    """walk156 #13, #14: `words.edited_bye` was "TemplateModule object has no attribute", an
    unclosed quote in _words.txt was said at the next line alone, `month[...]` undefined and
    `{{ entry.title }</a>` ("unexpected '}'") had no hint."""
    assert text.count("\n") > 2
    folder = _templates(newsletter, f"typo-{abs(hash(text))}", {name: text})
    code, _, said = _render(newsletter, folder)
    assert code == 2, said
    assert said_wrong in said, said


def test_html_values_in_the_text_edition_are_said_with_the_text_ones(newsletter: Path) -> None:
    """walk156 #11: `{{ entry.credit_html }}` and `{{ introduction_html }}` in issue.txt published
    `< bdi>Eve< /bdi>`, unsaid."""
    text = (
        '{% extends "curator/issue.txt" %}\n{% block introduction %}{{ introduction_html }}\n'
        "{% endblock %}\n{% block entry %}\n{{ entry.title }}\n{{ entry.credit_html }}\n"
        "{{ entry.url }}\n{{ entry.blurb }}\n{% endblock %}\n"
    )
    folder = _templates(newsletter, "html-in-text", {"issue.txt": text})
    code, _, said = _render(newsletter, folder)
    assert code == 0, said
    assert (
        f"{folder / 'issue.txt'}:6: {{{{ entry.credit_html }}}} is HTML, which the text edition"
        " publishes as text"
    ) in said
    assert "write {{ entry.credit }}" in said
    assert f"{folder / 'issue.txt'}:2: {{{{ introduction_html }}}} is HTML" in said
    assert "write {{ introduction_plain }}" in said


#: curator's `_issue_body.html` as released in 896bc0c, unchanged: a copy an editor made then.
_OLD_BODY = """\
{# The body of an issue: what a blog post holds. Included by issue.html and fragment.html. #}
<article class="curator-issue">
  <header>
    <h1>{{ title }}</h1>
    <p class="issue-meta">Issue {{ number }} &middot; <time datetime="{{ date.strftime('%Y-%m-%d') }}">{{ date_text }}</time>{% if editor %} &middot; edited by {{ editor }}{% endif %}</p>
  </header>
  {% if introduction_text %}
  <section class="introduction">
    {{ introduction_html }}
  </section>
  {% endif %}
  {% for section in sections %}
  <section class="subject" id="{{ section.slug }}">
    <h2>{{ section.subject }}</h2>
    {% for entry in section.entries %}
    <div class="entry">
      <h3>{% if entry.url %}<a href="{{ entry.url }}">{{ entry.title }}</a>{% else %}{{ entry.title }}{% endif %}</h3>
      {% if entry.credit %}
      <p class="credit">{{ entry.credit }}</p>
      {% endif %}
      <p class="blurb">{{ entry.blurb }}</p>
      {% if entry.also_covered_by %}
      <p class="also">Also covered by: {% for name, url in entry.also_covered_by %}{% if url %}<a href="{{ url }}">{{ name }}</a>{% else %}{{ name }}{% endif %}{{ ", " if not loop.last }}{% endfor %}</p>
      {% endif %}
    </div>
    {% endfor %}
  </section>
  {% endfor %}
</article>
"""  # noqa: E501 - as released


def test_old_copies_are_named_for_markdown_blurbs_the_feeds_updated_and_the_closing_line(
    newsletter: Path, tmp_path: Path
) -> None:
    """walk156 #9, #10, #19: copies made before Markdown blurbs published "[the study](...)" as
    "the study <https://...>" unsaid; an old feed.xml put <updated> back to the issue's date while
    render said "feed readers show the change"; an unchanged released `_issue_body.html` was told
    "your templates leave out ...: fine if you meant it"; email.html was asked for a text
    variable of the closing line."""
    shutil.copytree(newsletter.parent, tmp_path / "nl")
    config = tmp_path / "nl" / "feeds.yaml"
    out = config.parent / "output"
    data = json.loads((out / "issue-1.json").read_text("utf-8"))
    first = data["sections"][0]["articles"][0]
    first["blurb"] = "See the study <https://s.example/study> on queues."
    first["blurb_markdown"] = "See [the study](https://s.example/study) on *queues*."
    data["closing"] = "Next time: more queues."
    data["closing_html"] = "<p>Next time: more queues.</p>"
    (out / "issue-1.json").write_text(json.dumps(data), "utf-8")
    code, _, said = _render(config, builtin_templates())
    assert code == 0, said
    feed = (out / "feed.xml").read_text("utf-8")
    corrected = re.findall(r"<updated>([^<]+)</updated>", feed)[-1]
    assert not corrected.endswith("T00:00:00Z")
    # an old copy of feed.xml: its <updated> goes back to the date; not said to be shown
    email = _own("email.html")
    assert "{{ closing_html }}" in email
    folder = _templates(
        config,
        "old",
        {
            "_issue_body.html": _OLD_BODY,
            "feed.xml": _own("feed.xml").replace("item.updated_rfc3339", "item.date_rfc3339"),
            "email.html": email.replace("{{ closing_html }}", "").replace("closing_text", "0"),
        },
    )
    code, out_text, said = _render(config, folder)
    assert code == 0, said
    feed = (out / "feed.xml").read_text("utf-8")
    assert "feed readers show the change" not in out_text
    assert (
        f"{folder / 'feed.xml'}: this copy of curator's feed.xml was made before an issue's entry"
        " had a time of its own"
    ) in said
    assert "write <updated>{{ item.updated_rfc3339 }}</updated>" in said
    assert (
        f"{folder / '_issue_body.html'}: this copy of curator's _issue_body.html was made before"
        " blurbs could hold links and emphasis: it publishes the blurbs of 1 article(s)"
    ) in said
    assert "replace `{{ entry.blurb }}` (line 21) with `{{ entry.blurb_html }}`" in said, said
    assert "the study &lt;https://s.example/study&gt;" in (out / "issue-1.html").read_text("utf-8")
    # the released copy is an old copy, never "yours"
    assert "your templates leave out" not in said, said
    assert "your _issue_body.html" not in said, said
    assert "_issue_body.html (`closing_html`); email.html (`closing_html`)" in said, said
    assert "closing_plain" not in said and "`closing_text`" not in said


def test_every_template_of_curators_is_listed_as_released() -> None:
    """The list an old copy is known by (walk156 #19) holds curator's templates as they are now:
    after changing one, run `python tests/released_templates.py` and commit the list."""
    listed = set(RELEASED_TEMPLATES.read_text("utf-8").split("\n"))
    for path in builtin_templates().iterdir():
        assert f"{path.name} {template_digest(path.read_text('utf-8'))}" in listed, path.name


@pytest.mark.parametrize(
    ("written", "said_wrong"),
    [
        ("{{ them }}", "issue.txt:3: 'them' is undefined: did you mean 'theme'?"),
        ("{{ words.edited_bye }}", "issue.txt:3: _words.txt defines no 'edited_bye': did you"),
        ('{% include "_sponsor.txt" %}', 'issue.txt:3: "_sponsor.txt" not found (searched:'),
    ],
    ids=["name", "word", "include"],
)
def test_names_in_a_branch_no_issue_takes_yet_are_checked_at_load(
    newsletter: Path, written: str, said_wrong: str
) -> None:
    """walk156 #12: `{{ them }}` for `theme` in `{% if theme %}` passed `render 1` (an issue of
    every subject, no theme) and would have stopped the first themed build weeks later; so did a
    word of `_words.txt` typed wrong and an include of a file that is not there."""
    text = (
        '{% extends "curator/issue.txt" %}\n{% block entry %}\n'
        f"{{% if theme %}}{written}{{% endif %}}{{{{ entry.title }}}} {{{{ entry.credit }}}}\n"
        "{% endblock %}\n"
    )
    folder = _templates(newsletter, f"unreached-{len(written)}", {"issue.txt": text})
    code, _, said = _render(newsletter, folder)
    assert code == 2, said
    assert said_wrong in said, said
