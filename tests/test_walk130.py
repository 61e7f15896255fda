"""walk130: feed text split into characters or bytes by a template, the text edition's text values,
and three template mistakes said in the editor's words; through the CLI on the offline demo,
published, then rendered again with the editor's templates (test_walk125's helpers)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from test_walk125 import REFRESH, _editions, _fill, _my_templates, _published, _tags

from conftest import run_cli as run
from conftest import said_as_one

#: A publication's name walk130 saw lose its markup, and with it its credit, in issue-1.txt.
PUB = 'Pub <meta http-equiv="refresh" content="0;url=https://evil.example/">'
#: A title about an element, which the text edition printed as "< input".
INPUT = "Customer service and the <input> element"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_feed_text_split_into_characters_or_bytes_stays_text(demo: Path) -> None:
    """walk130 #1: `{% for c in entry.title %}{{ c|safe }}{% endfor %}` in _issue_body.html (and on
    entry.credit in email.html, entry.title in issue.md), and `{{ entry.title.encode()|safe }}`,
    published a feed title's `<meta http-equiv="refresh">` live in every edition, exit 0. Now each
    character and the bytes are text: the editions hold the markup they hold with plain words."""
    out = _published(demo)
    mine = _my_templates(demo)
    loop = "{% for c in entry.title %}{{ c|safe }}{% endfor %}"
    _edit(
        mine / "_issue_body.html",
        '<a href="{{ entry.url }}">{{ entry.title }}</a>',
        f'<a href="{{{{ entry.url }}}}">{loop}</a> <i>{{{{ entry.title.encode()|safe }}}}</i>'
        " <b>{{ entry.title.encode().decode()|safe }}</b>",
    )
    email = mine / "email.html"
    text = email.read_text(encoding="utf-8")
    assert text.count("{{ entry.credit_html }}") == 1
    email.write_text(
        text.replace(
            "{{ entry.credit_html }}", "{% for c in entry.credit %}{{ c|safe }}{% endfor %}"
        ),
        encoding="utf-8",
    )
    md = mine / "issue.md"
    text = md.read_text(encoding="utf-8")
    assert "{{ entry.title | md_text }}" in text
    md.write_text(text.replace("{{ entry.title | md_text }}", loop, 1), encoding="utf-8")

    _fill(out, ["plain words"])
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    plain = {**_editions(out), "issue-1.md": (out / "issue-1.md").read_text(encoding="utf-8")}

    _fill(out, [REFRESH, PUB])
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    shown = {**_editions(out), "issue-1.md": (out / "issue-1.md").read_text(encoding="utf-8")}
    for name, page in shown.items():
        assert "<meta http-equiv" not in page.replace("&lt;meta http-equiv", ""), name
        if name.endswith(".html"):
            assert _tags(page) == _tags(plain[name]), name
    assert "customer service tips &lt;meta http-equiv=&#34;refresh&#34;" in shown["issue-1.html"]


def test_a_template_that_still_shows_feed_text_as_markup_is_refused(demo: Path) -> None:
    """walk130 #1, the last guard: however a template turns a feed's text into markup (here the
    bytes of a title made upper case, `|safe`), the render stops (exit 2, nothing written) naming
    the template, the tag and the feed's text, as the editions' tags differ from those made with
    plain words in place of every text."""
    out = _published(demo)
    mine = _my_templates(demo)
    _edit(
        mine / "_issue_body.html",
        '<a href="{{ entry.url }}">{{ entry.title }}</a>',
        '<a href="{{ entry.url }}">{{ entry.title.encode().upper()|safe }}</a>',
    )
    _fill(out, [REFRESH])
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "issue-1.json"}
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 2, err
    message = said_as_one(err)
    assert (
        "template issue.html shows a feed's text as markup (a <meta> tag from"
        ' "customer service tips <meta ..."): show it as text; nothing was published'
    ) in message
    assert "_issue_body.html:" in message and "take it off there" in message
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "issue-1.json"}
    assert after == before


def test_no_credit_is_said_left_out_of_the_text_edition_for_the_markup_it_cuts(demo: Path) -> None:
    """walk130 #2: a publication named `Pub <meta http-equiv=...>` is "Pub" in issue-1.txt (the
    text edition publishes no markup from a feed, walk87 #1), and curator then warned, with init's
    own templates, "your templates leave out of issue-1.txt the credit of 1 of 1 articles ... add
    entry.credit to them" (false: following it changes nothing). Now the credit is looked for as
    the text edition prints it: no warning."""
    out = _published(demo)
    mine = _my_templates(demo)
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    article = data["sections"][0]["articles"][0]
    article.update(title=INPUT, authors=["Ann <b onclick=x>Author</b>"], publication=PUB)
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    assert "leave out of" not in said_as_one(err), err
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "Ann Author || Pub \n" in text and "<meta" not in text
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "<meta http-equiv" not in page and "Pub &lt;meta http-equiv" in page


def test_an_import_a_json_ld_script_and_entry_authors_are_said_in_the_editors_words(
    demo: Path,
) -> None:
    """walk130 #3: an `@import` in email.html's <style> disappeared from the mail unsaid (a
    <link rel=stylesheet> is warned); a `<script type="application/ld+json">` was refused as if
    it "runs script in a reader's browser"; `{% for a in entry.authors %}` was told "'EntryView
    object' has no attribute 'authors'". Each is now said for what it is."""
    out = _published(demo)
    mine = _my_templates(demo)
    email = mine / "email.html"
    css = "@import url(https://cdn.example/mail.css);"
    _edit(email, "\n<style>\n", f"\n<style>\n  {css}\n")
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    line = email.read_text(encoding="utf-8").splitlines().index(f"  {css}") + 1
    assert (
        f"email.html:{line}: {css}: email clients ignore imported stylesheets; curator removes it"
        " from the email edition: put its rules in the <style> of email.html"
    ) in said_as_one(err)

    body = mine / "_issue_body.html"
    source = body.read_text(encoding="utf-8")
    anchor = "{% for section in sections %}"
    ld = '<script type="application/ld+json">{"@context": "https://schema.org"}</script>'
    _edit(body, anchor, f"{ld}\n  {anchor}")
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 2, err
    said = said_as_one(err)
    assert "runs script" not in said
    assert (
        "a <script> element of any type (this one's is application/ld+json) is not published;"
        " JSON-LD for search engines belongs in your site's page template, not the issue"
    ) in said
    assert "_issue_body.html:" in said

    old = '<a href="{{ entry.url }}">{{ entry.title }}</a>'
    body.write_text(
        source.replace(old, old + "{% for a in entry.authors %} {{ a }}{% endfor %}", 1),
        encoding="utf-8",
    )
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    # (walk191 #2: `entry.authors` is a field now, each name alone, for a template to join)
    assert code == 0, err
    assert "has no field 'authors'" not in said_as_one(err), err
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    first = data["sections"][0]["articles"][0]
    title = html.escape(first["title"], quote=False)
    names = "".join(f" {html.escape(a, quote=False)}" for a in first["authors"])
    assert first["authors"] and f"{title}</a>{names}" in (out / "issue-1.html").read_text("utf-8")
