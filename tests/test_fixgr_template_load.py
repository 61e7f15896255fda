"""walk164 N1, N2, N8, N9, N10: an editor's own templates and `_words.txt` are checked where
docs/templates.md says. One small newsletter (a feed served on 127.0.0.1, one article's title
holding " #") is built once with curator's templates; each case renders its issue again with
templates of the editor's own, written in the test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import LocalServer, said_as_one
from conftest import run_cli as run
from curator.templatecheck import builtin_templates

#: (title, text): four articles on one subject, each its own story; the first title holds " #".
_ARTICLES = [
    (
        "Queue sizes #3 for weekend agents",
        "Weekend staffing for a support team is cheaper with a rota. Agents trade shifts and the"
        " ticket backlog stays under a day, even when the queue doubles on a holiday.",
    ),
    (
        "Macros for the ticket queue",
        "Support agents who write macros for common tickets close the queue sooner. Review each"
        " macro monthly so the answers stay right and customers are not misled.",
    ),
    (
        "Escalation rules",
        "Escalation rules decide which tickets reach senior agents. Too many escalations swamp"
        " the queue; too few leave customers waiting for an answer nobody owns.",
    ),
    (
        "The Friday backlog review",
        "A backlog review every Friday keeps the support team honest. Agents close stale tickets"
        " and the queue starts Monday clean, with the oldest ticket under a week.",
    ),
]


@pytest.fixture(scope="module")
def newsletter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The newsletter with issue 1 built (curator's own templates) from a feed on a local HTTP
    server: its feeds.yaml."""
    folder = tmp_path_factory.mktemp("fixgr")
    server = LocalServer().start()
    try:
        items = "".join(
            f"<item><title>{title}</title><link>https://s.example/a/{n}</link>"
            f"<guid>https://s.example/a/{n}</guid><author>x@s.example (Jane Doe)</author>"
            f"<description>{text}</description></item>"
            for n, (title, text) in enumerate(_ARTICLES)
        )
        feed = server.add(
            "/feed.xml",
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            "<title>Support Desk</title><link>https://s.example/</link><description>d"
            f"</description>{items}</channel></rss>",
        )
        config = folder / "feeds.yaml"
        config.write_text(
            "newsletter:\n  title: Load Check Weekly\n  editor: Dana Whitfield\n"
            "  issue_size: 4\nsubjects:\n  - name: Service operations\n"
            "    description: Running a support team day to day, from backlogs to staffing.\n"
            "    keywords: [ticket, backlog, queue, staffing, support team, agents]\n"
            f"feeds:\n  - url: {feed}\n    name: Support Desk\n    fetch_pages: false\n"
            "settings:\n  allow_private_addresses: true\n  timeout: 5\n",
            encoding="utf-8",
        )
        code, out, err = run("build", "--config", str(config), "-q")
    finally:
        server.stop()
    assert code == 0, out + err
    page = (folder / "output" / "issue-1.txt").read_text("utf-8")
    assert all(title in page for title, _ in _ARTICLES), page
    return config


def _render(config: Path, name: str, files: dict[str, str]) -> tuple[int, str]:
    """`curator render 1` with a templates folder `name` holding `files`: (exit code, stderr)."""
    folder = config.parent / name
    folder.mkdir()
    for filename, text in files.items():
        (folder / filename).write_text(text, encoding="utf-8")
    code, _, err = run("render", "--config", str(config), "1", "--templates", str(folder))
    assert "Traceback" not in err
    return code, said_as_one(err)


def _output(config: Path, name: str) -> str:
    return (config.parent / "output" / name).read_text("utf-8")


def _entry_block(line: str) -> str:
    """issue.txt extending curator's, `line` (the template's line 3) in its entry block."""
    return (
        '{% extends "curator/issue.txt" %}\n{% block entry %}\n'
        f"{line}\n{{{{ entry.title }}}} {{{{ entry.credit }}}} {{{{ entry.url }}}}\n"
        "{{ entry.blurb }}\n{% endblock %}\n"
    )


@pytest.mark.parametrize(
    ("written", "said_wrong"),
    [
        (
            "{% if theme %}{{ entry.title | uper }}{% endif %}",
            "issue.txt:3: no filter named 'uper': did you mean 'upper'?",
        ),
        (
            "{% if number > 99 %}{% if number is od %}odd{% endif %}{% endif %}",
            "issue.txt:3: no test named 'od': did you mean 'odd'?",
        ),
        (
            "{% if theme %}{{ theme.colour }}{% endif %}",
            "issue.txt:3: theme is text, which has no field 'colour' (an article, a section and"
            " an issue of the archive have fields: docs/templates.md lists them",
        ),
        (
            "{% if theme %}{{ theme.subjects | join(', ') }}{% endif %}",
            "issue.txt:3: theme is text, which has no field 'subjects': did you mean"
            " {{ theme_subjects }}?",
        ),
        (
            "{% if theme %}{{ entry.title.uper() }}{% endif %}",
            "issue.txt:3: entry.title is text, which has no field 'uper': did you mean 'upper()'?",
        ),
    ],
    ids=["filter", "test", "theme-field", "theme-subjects", "text-method"],
)
def test_a_filter_or_field_in_a_branch_no_issue_takes_is_refused_at_load(
    newsletter: Path, written: str, said_wrong: str
) -> None:
    """walk164 N1: a filter typed wrong, or a field of `theme` (text) that is none, in a branch
    no issue takes yet (this newsletter has no themes) passed `render`, exit 0, and would stop
    the first build that took the branch; every line is checked when the template is loaded."""
    before = _output(newsletter, "issue-1.txt")
    code, said = _render(
        newsletter, f"n1-{abs(hash(written))}", {"issue.txt": _entry_block(written)}
    )
    assert code == 2, said
    assert f"{newsletter.parent}" in said and said_wrong in said, said
    assert "whether or not an issue reaches it" in said, said
    assert _output(newsletter, "issue-1.txt") == before


def test_the_values_texts_and_filters_a_template_may_use_pass(newsletter: Path) -> None:
    """What is right is not refused: a method of text, curator's own filters, a name the
    template binds to something else, a field asked `is defined`."""
    line = (
        "{% if theme %}{{ theme.upper() }}{{ title | yaml }}{{ theme | md_text }}"
        "{% set theme = entry %}{{ theme.credit }}{% endif %}"
        "{% for s in subjects %}[{{ s.lower() }}]{% endfor %}"
        "{% if title.colour is defined %}{{ title.colour }}{% endif %}"
    )
    code, said = _render(newsletter, "n1-right", {"issue.txt": _entry_block(line)})
    assert code == 0, said
    assert "[service operations]" in _output(newsletter, "issue-1.txt")


@pytest.mark.parametrize("quote", ["'", '"'], ids=["single", "double"])
def test_a_quote_left_open_in_words_is_said_alike_for_either_quote(
    newsletter: Path, quote: str
) -> None:
    """walk164 N2: `{%- set all_issues = 'All issues -%}` in _words.txt was said at line 15,
    the next apostrophe (of "issue's"), with no hint; a double quote left open was said with
    the line it opened on. Both are now, with the fix."""
    own = (builtin_templates() / "_words.txt").read_text("utf-8")
    assert own.split("\n")[9] == '{%- set all_issues = "All issues" -%}'
    text = own.replace('"All issues"', f"{quote}All issues", 1)
    code, said = _render(newsletter, f"n2-{len(quote)}-{ord(quote)}", {"_words.txt": text})
    assert code == 2, said
    # (a double quote's text runs on to the `"` of line 11, a single one's to "issue's")
    line = 11 if quote == '"' else 15
    assert f"_words.txt:{line}: expected token 'end of statement block'" in said, said
    assert (
        f"a quote opened on line 10 may not be closed: end the text there with {quote}" in said
    ), said


def test_a_brace_after_a_value_is_refused_but_not_in_css(newsletter: Path) -> None:
    """walk164 N8: `{{ entry.title }}}` published a `}` after every title, exit 0; it is refused
    with the line and what to write. A `}` closing a CSS rule right after a value is CSS."""
    before = _output(newsletter, "issue-1.txt")
    code, said = _render(newsletter, "n8", {"issue.txt": _entry_block("{{ entry.publication }}}")})
    assert code == 2, said
    assert (
        "issue.txt:3: {{ entry.publication }}} has one brace too many on its right, so a } is"
        " published after the value: write {{ entry.publication }}"
    ) in said, said
    assert _output(newsletter, "issue-1.txt") == before
    css = (
        '{% extends "curator/issue.html" %}\n{% block style %}{{ super() }}\n'
        '.sponsor { color: {{ "#59636e" }}}\n{% endblock %}\n'
    )
    code, said = _render(newsletter, "n8-css", {"issue.html": css})
    assert code == 0, said
    assert ".sponsor { color: #59636e}" in _output(newsletter, "issue-1.html")


def test_a_field_in_single_braces_is_warned_of(newsletter: Path) -> None:
    """walk164 N9: `{entry.title}` published `{entry.title}` under every article, and only
    "leaves out the title" was said; it is warned of with its line and how a field is written.
    Braces around words that are no field of curator's are text, and said nothing of, and so
    is a file beside the templates that is none (notes with a UTM campaign's `{number}`)."""
    line = "{entry.publication} {not a field} {nothing}"
    notes = "utm_campaign: issue-{number}\n"
    code, said = _render(newsletter, "n9", {"issue.txt": _entry_block(line), "notes.md": notes})
    assert code == 0, said
    assert (
        "n9/issue.txt:3: `{entry.publication}` is published as written, braces and all; a field"
        " is written `{{ entry.publication }}`"
    ) in said, said
    assert "{nothing}" not in said and "{not" not in said and "{number}" not in said, said
    assert "{entry.publication}" in _output(newsletter, "issue-1.txt")


def _front_matter(description: str) -> str:
    return (
        '{% extends "curator/issue.md" %}\n{% block front_matter %}\n---\n'
        "title: {{ title | yaml }}\ndraft: false # until the editor says\n"
        f"description: {description}\n---\n{{% endblock %}}\n"
    )


def test_a_front_matter_value_yaml_would_cut_at_a_hash_is_refused(newsletter: Path) -> None:
    """walk164 N10: `description: {{ sections[0].entries[0].title }}` with a title holding
    " #" published a front matter Hugo and Jekyll read as "Queue sizes", the rest a comment,
    exit 0. It stops the render, naming the field, the line and `| yaml`; written so, the whole
    title is published. The template's own comment (`draft: false # ...`) is no mistake."""
    before = _output(newsletter, "issue-1.md")
    value = "{{ sections[0].entries[0].title }}"
    code, said = _render(newsletter, "n10", {"issue.md": _front_matter(value)})
    assert code == 2, said
    assert (
        "its front matter's description was cut short (" in said
        and "n10/issue.md:6): the value `Queue sizes #3 for weekend agents` holds ` #`" in said
        and "Jekyll would publish `Queue sizes`; nothing was published: write the value"
        " through the yaml filter, `description: {{ ... | yaml }}`"
        in said
    ), said
    assert _output(newsletter, "issue-1.md") == before
    value = "{{ sections[0].entries[0].title | yaml }}"
    code, said = _render(newsletter, "n10-yaml", {"issue.md": _front_matter(value)})
    assert code == 0, said
    published = _output(newsletter, "issue-1.md").split("---\n")[1]
    assert yaml.safe_load(published) == {
        "title": "Load Check Weekly",
        "draft": False,
        "description": "Queue sizes #3 for weekend agents",
    }


def test_a_front_matter_list_item_yaml_would_cut_at_a_hash_is_refused(newsletter: Path) -> None:
    """walk171 #1: a list item written without `| yaml` (`  - {{ ... }}` under `tags:`) whose
    value holds " #" was published as a tag cut there, exit 0 (the check held only for `key:
    value` lines). It stops as a value does; written `| yaml`, the whole title is the tag."""
    before = _output(newsletter, "issue-1.md")
    item = "{{ sections[0].entries[0].title }}"
    matter = (
        '{% extends "curator/issue.md" %}\n{% block front_matter %}\n---\n'
        "title: {{ title | yaml }}\ntags:\n  - ITEM\n---\n{% endblock %}\n"
    )
    code, said = _render(newsletter, "n10-items", {"issue.md": matter.replace("ITEM", item)})
    assert code == 2, said
    assert (
        "an item of its front matter's tags was cut short (" in said
        and "n10-items/issue.md:6): the value `Queue sizes #3 for weekend agents` holds ` #`"
        in said
        and "Jekyll would publish `Queue sizes`; nothing was published" in said
    ), said
    assert _output(newsletter, "issue-1.md") == before
    item = "{{ sections[0].entries[0].title | yaml }}"
    code, said = _render(newsletter, "n10-items-yaml", {"issue.md": matter.replace("ITEM", item)})
    assert code == 0, said
    published = _output(newsletter, "issue-1.md").split("---\n")[1]
    assert yaml.safe_load(published)["tags"] == ["Queue sizes #3 for weekend agents"]
