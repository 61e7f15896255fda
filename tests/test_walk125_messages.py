"""walk125/walk123: an editor's own templates, and what curator says of them, through the CLI on
the offline demo with curator's real templates copied and changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import LocalServer, said_as_one, sans_config
from conftest import run_cli as run
from curator.templatecheck import builtin_templates


def _my_templates(demo: Path) -> Path:
    """A copy of curator's templates, as `curator init` makes."""
    mine = demo.parent / "mytpl"
    shutil.copytree(builtin_templates(), mine)
    return mine


CREDIT = '<p class="credit">{{ entry.credit_html }}</p>'


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


def test_a_credit_shown_in_capitals_or_title_case_is_not_said_to_be_left_out(demo: Path) -> None:
    """walk144 #6: `{{ entry.credit.upper() }}` in _issue_body.html published "JANE DOE ||
    JANEDOE.NEOCITIES.ORG" and was warned "your templates leave out of issue-1.html ... the credit
    of 7 of 7 articles"; a filter that changes only the case keeps the credit shown."""
    mine = _my_templates(demo)
    body = mine / "_issue_body.html"
    body.write_text(
        body.read_text(encoding="utf-8").replace(
            CREDIT, '<p class="credit">{{ entry.credit.upper() }}</p>'
        ),
        encoding="utf-8",
    )
    text = mine / "issue.txt"
    text.write_text(
        text.read_text(encoding="utf-8").replace(
            "{{ entry.credit }}", "{{ entry.credit | title | trim }}"
        ),
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 0, err
    page = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    credits = [
        line.split('"credit">')[1].split("<")[0]
        for line in page.splitlines()
        if '"credit">' in line
    ]
    assert credits and all(c == c.upper() for c in credits), credits
    assert "leave out of" not in said_as_one(err), err


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


def test_a_template_in_windows_1252_or_utf16_gets_advice_that_works(demo: Path) -> None:
    """walk125 #5: a template saved as Windows-1252 was advised `iconv -f latin1 -t utf-8`, which
    published C1 controls ("\\x92s picks \\x96"); a UTF-16 one converted so held NULs, and Jinja
    published the template's source as issue-1.email.html, exit 0."""
    mine = _my_templates(demo)
    text = mine / "issue.txt"
    source = "This week\u2019s picks \u2013 {{ title }}\n" + text.read_text(encoding="utf-8")
    out = demo.parent / "output"

    def build() -> tuple[int, str]:
        code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
        return code, said_as_one(err)

    text.write_bytes(source.encode("cp1252"))
    code, said = build()
    assert code == 2 and "Traceback" not in said, said
    assert f"template {text}: not UTF-8 text (byte 0x92 at line 1, column 10)" in said
    assert "Windows-1252" in said and "iconv -f cp1252 -t utf-8" in said
    assert "latin1" not in said
    # the old advice, followed: refused, never published
    text.write_text(source.encode("cp1252").decode("latin1"), encoding="utf-8")
    code, said = build()
    assert code == 2, said
    assert f"template {text}:1: holds the control character U+0092 (line 1, column 10)" in said
    assert "iconv -f cp1252 -t utf-8" in said
    assert not out.exists() or not (out / "issue-1.txt").exists()

    email = mine / "email.html"
    html = email.read_text(encoding="utf-8")
    email.write_bytes(html.encode("utf-16"))
    text.write_text(source, encoding="utf-8")
    code, said = build()
    assert code == 2, said
    assert f"template {email}: not UTF-8 text (byte 0xff at line 1, column 1)" in said
    assert "it is UTF-16 (it starts with the bytes FF FE)" in said
    assert "iconv -f utf-16 -t utf-8" in said
    email.write_text(html.encode("utf-16").decode("latin1"), encoding="utf-8")
    code, said = build()
    assert code == 2, said
    assert f"template {email}:1: holds NUL bytes" in said
    assert not out.exists() or not (out / "issue-1.email.html").exists()
    # converted as advised: published
    email.write_text(html.encode("utf-16").decode("utf-16"), encoding="utf-8")
    code, said = build()
    assert code == 0, said
    assert "This week\u2019s picks \u2013" in (out / "issue-1.txt").read_text(encoding="utf-8")


def test_template_mistakes_name_the_editors_line_and_what_was_meant(demo: Path) -> None:
    """walk125 #4: a mistake in a call of a word was blamed on _words.txt's line; a field typed
    wrong was "'curator.render.EntryView object' has no attribute 'credt'"; a `{% if ... %`
    without its `}` was "unexpected '<'" on the next line; a removed `{% endfor %}` was named at
    the end of the file."""
    mine = _my_templates(demo)
    body = mine / "_issue_body.html"
    source = body.read_text(encoding="utf-8")
    lines = source.split("\n")
    call = next(n for n, line in enumerate(lines, 1) if "words.issue_number(number)" in line)
    credit = next(n for n, line in enumerate(lines, 1) if line.strip() == CREDIT)

    def build(text: str) -> tuple[int, str]:
        body.write_text(text, encoding="utf-8")
        code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
        assert "Traceback" not in err
        return code, said_as_one(err)

    code, said = build(source.replace("words.issue_number(number)", "words.issue_number(numbr)"))
    assert code == 2, said
    # (said at the editor's own line when the template is loaded: walk156 #12)
    assert f"template {body}:{call}: 'numbr' is undefined: did you mean 'number'?" in said

    code, said = build(source.replace(CREDIT, CREDIT.replace("entry.credit_html", "entry.credt")))
    assert code == 2, said
    assert f"template {body}:{credit}: entry has no field 'credt': did you mean 'credit'?" in said

    code, said = build(source.replace("{% if entry.credit %}", "{% if entry.credit %"))
    assert code == 2, said
    assert f"template {body}:{credit}: unexpected '<'" in said
    assert f"a tag opened on line {credit - 1} may lack its %}}" in said

    loop = next(n for n, line in enumerate(lines, 1) if "for entry in section.entries" in line)
    indent = lines[loop - 1].split("{%")[0]
    end = next(n for n in range(loop, len(lines)) if lines[n] == f"{indent}{{% endfor %}}")
    code, said = build("\n".join(lines[:end] + lines[end + 1 :]))
    assert code == 2, said
    # (Jinja meets the `{% endblock %}` of curator's block around it: walk132 #7)
    assert "Unexpected end of template" in said or "Encountered unknown tag 'endblock'" in said
    assert f"the {{% for %}} opened on line {loop} is never closed: add its {{% endfor %}}" in said

    body.write_text(source, encoding="utf-8")
    index = mine / "index.html"
    archive = index.read_text(encoding="utf-8")
    at = next(n for n, ln in enumerate(archive.split("\n"), 1) if "words.date(item.date)" in ln)
    index.write_text(archive.replace("words.date(item.date)", "words.date(item.dat)"), "utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 2, err
    # (found when the template is loaded, before any render reaches it: walk136 #5)
    assert (
        f"template {index}:{at}: item (an issue of the archive) has no field 'dat': did you mean"
        " 'date'?" in said_as_one(err)
    ), err


def test_render_of_one_issue_says_the_feed_rerenders_the_others_and_all_names_the_issue(
    themed_demo: Path,
) -> None:
    """walk125 #2: `curator render 2` after a template change marked issues 1 and 2 updated in
    feed.xml, whose page of issue 1 kept the old template, unsaid; walk123: `render --all` with a
    mistake met in one issue only did not say which."""
    demo = themed_demo
    for _ in range(2):
        code, _, err = run("build", "--config", str(demo), "-q")
        assert code == 0, err
    out = demo.parent / "output"
    assert (out / "issue-2.html").is_file()
    mine = _my_templates(demo)
    body = mine / "_issue_body.html"
    body.write_text(
        body.read_text(encoding="utf-8").replace(CREDIT, CREDIT.replace("{{", "By: {{")),
        encoding="utf-8",
    )
    code, said, err = run("render", "--config", str(demo), "2", "--templates", str(mine))
    assert code == 0, err
    said = sans_config(said_as_one(said))
    assert "feed.xml marks the entry of issue(s) 1, 2 updated" in said
    assert (
        "feed.xml holds every issue: issue(s) 1, not rendered here, are re-rendered there with"
        " today's templates and settings, so their feed entries no longer match their pages;"
        " `curator render --all` to publish their pages the same way."
    ) in said
    assert "By: " not in (out / "issue-1.html").read_text(encoding="utf-8")

    text = mine / "issue.txt"
    text.write_text(
        "{% if number == 1 %}{{ entry.credt }}{% endif %}\n" + text.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    code, _, err = run("render", "--config", str(demo), "--all", "--templates", str(mine))
    assert code == 2, err
    assert said_as_one(err).startswith(f"curator: issue 1: template {text}:1:"), err


def test_a_templates_folder_mistyped_gets_the_folder_meant(demo: Path) -> None:
    """walk125 #4: `templates: tempaltes` in feeds.yaml was refused without a did-you-mean."""
    (demo.parent / "templates").mkdir()
    text = demo.read_text(encoding="utf-8")
    demo.write_text(text.replace("\nsettings:\n", "\nsettings:\n  templates: tempaltes\n", 1))
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 2, err
    assert "no templates folder at `tempaltes`" in err
    assert "did you mean `templates`?" in said_as_one(err)


def test_a_script_link_from_a_feed_title_in_markdown_is_blamed_on_the_feed_text(
    demo: Path, http_server: LocalServer
) -> None:
    """walk125 #6: a custom issue.md writing `[{{ entry.title }}]({{ entry.url }})`, with a feed
    title `[Read the full report](javascript:...)`, was refused with "write no script, event
    handler or javascript: link in a template", though the editor wrote none."""
    evil = "[Read the full report](javascript:alert(document.cookie))"
    url = http_server.add(
        "/cx.xml",
        '<rss version="2.0"><channel><title>P Pub</title><item>'
        f"<title>Customer service tips for customer experience {evil}</title>"
        "<link>https://cx.example/tips</link><description>Why customer service matters for"
        " customer experience, and how customer experience differs from customer service: the"
        " basics of customer experience.</description></item></channel></rss>",
    )
    demo.write_text(
        demo.read_text(encoding="utf-8").replace(
            "feeds:\n", f"feeds:\n  - url: {url}\n    fetch_pages: false\n", 1
        ),
        encoding="utf-8",
    )
    mine = demo.parent / "mine"
    mine.mkdir()
    (mine / "issue.md").write_text(
        "# {{ title }}\n{% for section in sections %}\n## {{ section.subject }}\n"
        "{% for entry in section.entries %}\n"
        "- [{{ entry.title }}]({{ entry.url }})\n"
        "{% endfor %}\n{% endfor %}\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    said = said_as_one(err)
    assert code == 2, err
    assert "javascript:" in said and "write no script" not in said
    assert "it came from a feed's text (entry.title)" in said
    assert f"({mine / 'issue.md'}:5)" in said and "`| md_text`" in said


def test_three_pieces_of_one_other_publication_are_told_apart_in_every_edition(
    demo: Path,
) -> None:
    """walk123 #7: a story with three pieces in one publication read "Also covered by: Beta,
    Beta, Beta"."""
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    out = demo.parent / "output"
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"][0]["articles"][0]["also_covered_by"] = [
        *({"name": "Beta", "url": f"https://beta.example/{n}"} for n in range(3)),
        {"name": "Gamma", "url": "https://gamma.example/1"},
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "1")
    assert code == 0, err
    for name in ("issue-1.html", "issue-1.md", "issue-1.txt", "issue-1.email.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert "Beta (1/3)" in text and "Beta (3/3)" in text, name
        assert "Gamma (" not in text and "Gamma" in text, name
        assert "beta.example/2" in text, name
