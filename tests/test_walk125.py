"""walk125: an editor's templates could publish a feed's markup, an unquoted attribute, a feed.xml
that is not XML, and a stylesheet that breaks the email; each finding through the CLI on the
offline demo, published, then rendered again with the editor's templates."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import run_cli as run
from conftest import said_as_one
from curator.templatecheck import builtin_templates

#: A feed title an editor saw published as a live redirect (walk125 #1).
REFRESH = 'customer service tips <meta http-equiv="refresh" content="0;url=https://evil.example/">'
#: What walk125 saw published under `{% autoescape false %}`.
MARKUP = (
    '<form action="https://evil.example/"><input type=password></form> <base href="https://evil.example/">'
    ' <style>body{display:none}</style> <link rel=stylesheet href="https://evil.example/x.css">'
    ' <a href="https://evil.example/login">Reset your password</a> <video autoplay></video>'
)
#: The ways walk125's templates showed a value as markup; each `V` is the value.
FILTERS = (
    "{{ V|trim|safe }}",
    "{{ V|striptags|safe }}",
    '{{ "%s"|format(V)|safe }}',
    "{{ V|center(200)|safe }}",
    "{{ V|indent|safe }}",
    "{{ V[0:]|safe }}",
    "{{ V|pprint|safe }}",
    "{{ V|upper|safe }}",
    '{{ (V ~ "")|safe }}',
    "{{ V.strip()|safe }}",
    "{{ V|list|join|safe }}",
    "{{ V }}",
)
FIELDS = ("entry.title", "entry.author", "entry.publication", "entry.blurb", "section.description")


class _Tags(HTMLParser):
    """Every element and attribute name a page holds, counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen[tag] += 1
        self.seen.update(f"{tag}@{name}" for name, _ in attrs)


def _tags(markup: str) -> Counter[str]:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    return parser.seen


def _feed_tags(xml: str) -> Counter[str]:
    """The elements of every entry's HTML content in an Atom feed."""
    seen: Counter[str] = Counter()
    for element in ET.fromstring(xml).iter():
        if element.get("type") == "html":
            seen += _tags(element.text or "")
    return seen


def _published(demo: Path) -> Path:
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    return demo.parent / "output"


def _my_templates(demo: Path) -> Path:
    mine = demo.parent / "mytpl"
    shutil.copytree(builtin_templates(), mine)
    return mine


def _fill(out: Path, texts: list[str]) -> None:
    """Issue 1 corrected: each article's title, author, publication and blurb and each section's
    description the next of `texts` (round and round)."""
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    n = 0

    def take() -> str:
        nonlocal n
        n += 1
        return texts[(n - 1) % len(texts)]

    for section in data["sections"]:
        section["description"] = take()
        for article in section["articles"]:
            article["title"] = take()
            article["authors"] = [take()]
            article["publication"] = take()
            article["blurb"] = take()
    path.write_text(json.dumps(data), encoding="utf-8")


def _payloads() -> list[str]:
    """Every payload of the shared corpus's XSS lists, several to a text."""
    from conftest import shared_dir

    folder = shared_dir() / "corpus" / "xss"
    if not folder.is_dir():
        pytest.skip(f"the shared corpus is not at {folder} (set CURATOR_SHARED to its parent)")
    lines = {
        line.strip()
        for name in sorted(folder.glob("*.txt"))
        for line in name.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip() and "\x00" not in line
    }
    ordered = sorted(lines)
    return [" ".join(ordered[i : i + 40]) for i in range(0, len(ordered), 40)]


def _filtered_templates(demo: Path) -> Path:
    """The editor's _issue_body.html showing every field through each of `FILTERS`, the sections
    inside `{% autoescape false %}`, and email.html's title through `|trim|safe`."""
    mine = _my_templates(demo)
    shown = "\n".join(
        f"<p class='shown'>{way.replace('V', field)}</p>" for field in FIELDS for way in FILTERS
    )
    body = mine / "_issue_body.html"
    text = body.read_text(encoding="utf-8")
    anchor = '    <div class="entry"{{ lang_attributes(entry.language, entry.direction) }}>\n'
    assert anchor in text
    text = text.replace(anchor, anchor + shown + "\n")
    text = text.replace(
        "  {% for section in sections %}",
        "{% autoescape false %}\n  {% for section in sections %}",
        1,
    )
    # (inside curator's block of the sections, which it closes: walk132 #7)
    text = text.replace(
        "  {% endfor %}\n  {% endblock %}\n  {% block closing %}",
        "  {% endfor %}\n{% endautoescape %}\n  {% endblock %}\n  {% block closing %}",
        1,
    )
    body.write_text(text, encoding="utf-8")
    email = mine / "email.html"
    email.write_text(
        email.read_text(encoding="utf-8").replace(
            "{{ entry.title }}</a>", "{{ entry.title|trim|safe }}</a>"
        ),
        encoding="utf-8",
    )
    return mine


def _line_of(path: Path, piece: str) -> int:
    """The line of the editor's template `path` that holds `piece` (curator's templates' lines
    move: walk132 #7 gave them blocks)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if piece in line)


def _editions(out: Path) -> dict[str, str]:
    names = (
        "issue-1.html",
        "latest.html",
        "issue-1.fragment.html",
        "issue-1.email.html",
        "feed.xml",
    )
    return {name: (out / name).read_text(encoding="utf-8") for name in names}


def test_feed_text_stays_text_whatever_filter_or_autoescape_the_template_uses(demo: Path) -> None:
    """walk125 #1: `{{ entry.title|trim|safe }}` (and `|striptags|safe`, `|format`, `|center`,
    `|indent`, `[0:]`, `|pprint`), or `{% autoescape false %}`, published a feed title's
    `<meta http-equiv="refresh">`, `<form>`, `<base>`, `<style>`, exit 0. Every payload of the
    shared XSS lists, in every field, through every one of them, is text in every edition: the
    editions hold the same elements as with plain words there, and the editor's own markup."""
    out = _published(demo)
    mine = _filtered_templates(demo)

    _fill(out, ["plain words"])
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    plain = _editions(out)
    shown_count = plain["issue-1.html"].count("class='shown'")
    assert shown_count and shown_count % (len(FIELDS) * len(FILTERS)) == 0

    for texts in ([REFRESH, MARKUP], _payloads()):
        _fill(out, texts)
        code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
        assert code == 0, err
        shown = _editions(out)
        for name, text in shown.items():
            if name == "feed.xml":
                assert _feed_tags(text) == _feed_tags(plain[name]), name
            else:
                assert _tags(text) == _tags(plain[name]), name
        assert texts[0] != REFRESH or "evil.example" in shown["issue-1.html"]
    page = shown["issue-1.html"]
    assert "<style>" in page and '<link rel="canonical"' in page  # the editor's own markup


def test_feed_refresh_is_shown_as_its_words(demo: Path) -> None:
    """walk125 #1: the title walk125 saw published as a redirect reads as its words."""
    out = _published(demo)
    mine = _filtered_templates(demo)
    _fill(out, [REFRESH])
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "<meta http-equiv" not in page
    assert "customer service tips &lt;meta http-equiv=&#34;refresh&#34;" in page


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            '<content type="html">{{ item.fragment_html }}</content>',
            '<content type="html">{{ item.fragment_html|safe }}</content>',
            "(undefined entity &middot; at line ",
        ),
        (
            "<title>{{ title }}</title>",
            "<title>{{ title }}&nbsp;</title>",
            "(undefined entity &nbsp; at line 3, column 36 of the feed.xml it made: <title>Customer Experience"
            " Weekly&nbsp;</title>) (written at feed.xml:4)",
        ),
    ],
)
def test_a_feed_that_is_not_xml_is_refused(demo: Path, old: str, new: str, said: str) -> None:
    """walk125 #3: feed.xml with `{{ item.fragment_html|safe }}`, or `&nbsp;` in its <title>,
    published a feed.xml no reader can parse (undefined entity) over a good one, exit 0. Now
    the render stops (exit 2), nothing is written, and it says where and what to do."""
    out = _published(demo)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _fill(out, ["corrected words"])  # what a render that went ahead would write
    mine = _my_templates(demo)
    feed = mine / "feed.xml"
    text = feed.read_text(encoding="utf-8")
    assert old in text
    new_text = text.replace(old, new)
    feed.write_text(new_text, encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 2, err
    message = said_as_one(err)
    assert "template feed.xml: it made a feed.xml that is not well-formed XML " + said in message
    assert "nothing was published: an HTML entity such as &nbsp; or &middot; is not XML" in message
    assert "take `|safe` off" in message
    if "|safe" in new:
        at = next(n for n, ln in enumerate(new_text.split("\n"), 1) if new in ln)
        assert (
            f'(curator escapes it, as a feed\'s type="html" content is) at feed.xml:{at}' in message
        )
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "issue-1.json"}
    assert after == {k: v for k, v in before.items() if k != "issue-1.json"}


def test_an_unquoted_attribute_value_is_refused_naming_the_line(demo: Path) -> None:
    """walk125 #2: `<a href="{{ entry.url }}" title={{ entry.title }}>` published a feed title's
    `x style=position:fixed;...` as a style attribute, exit 0. Now the template is refused where
    it says so (exit 2, nothing written), with the quoted form to write; curator's own pass."""
    out = _published(demo)
    _fill(out, ["x style=position:fixed;top:0;left:0;width:100%;height:100%"])
    before = (out / "issue-1.html").read_bytes()
    mine = _my_templates(demo)
    body = mine / "_issue_body.html"
    text = body.read_text(encoding="utf-8")
    old = '<a href="{{ entry.url }}">{{ entry.title }}</a>'
    assert old in text
    body.write_text(
        text.replace(
            old, '<a href="{{ entry.url }}" title={{ entry.title }}>{{ entry.title }}</a>'
        ),
        encoding="utf-8",
    )
    at = _line_of(body, "title={{")
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 2, err
    assert (
        f"_issue_body.html:{at}: title={{{{ entry.title }}}} is an attribute value without quotes: a"
        " space in what it shows ends the value, and the rest (a feed's title, say) becomes"
        ' attributes of its own (style=, onmouseover=); write title="{{ entry.title }}" (quoted)'
    ) in said_as_one(err)
    assert (out / "issue-1.html").read_bytes() == before
    assert "style=position" not in (out / "issue-1.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            ".header { padding: 28px 28px 8px 28px; }",
            ".header { padding: 28px 28px 8px 28px;",
            "template email.html: its <style> has a rule whose { is never closed with }"
            " (email.html:{line}); nothing was published",
        ),
        (
            ".theme { color: #1f2328; }",
            "/* the theme .theme { color: #1f2328; }",
            "template email.html: its <style> has a comment /* ... that is never closed with */"
            " (email.html:{line}); nothing was published",
        ),
    ],
)
def test_an_email_stylesheet_that_does_not_balance_is_refused(
    demo: Path, old: str, new: str, said: str
) -> None:
    """walk125 #4: email.html's <style> with a `}` deleted or a `/*` left open lost most inlined
    styles from the mail (style= attributes 32 -> 15 or 11), exit 0. Now refused, naming the
    line, nothing written."""
    out = _published(demo)
    before = (out / "issue-1.email.html").read_bytes()
    _fill(out, ["corrected words"])
    mine = _my_templates(demo)
    email = mine / "email.html"
    text = email.read_text(encoding="utf-8")
    assert old in text
    email.write_text(text.replace(old, new), encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 2, err
    assert said.replace("{line}", str(_line_of(email, new))) in said_as_one(err)
    assert (out / "issue-1.email.html").read_bytes() == before


def test_a_linked_stylesheet_in_the_email_is_warned(demo: Path) -> None:
    """walk125 #4: a `<link rel="stylesheet">` added to email.html was deleted from the mail,
    unsaid. Now the render says where it is and what to do instead."""
    out = _published(demo)
    mine = _my_templates(demo)
    email = mine / "email.html"
    link = '<link rel="stylesheet" href="https://cdn.example/mail.css">'
    text = email.read_text(encoding="utf-8")
    email.write_text(text.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n{link}'))
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    assert (
        f"email.html:{_line_of(email, link)}: {link}: email clients ignore linked stylesheets; curator removes it from"
        " the email edition: put its rules in the <style> of email.html"
    ) in said_as_one(err)
    assert "cdn.example" not in (out / "issue-1.email.html").read_text(encoding="utf-8")
