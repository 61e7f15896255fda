"""walk39: an editor's own templates and the editions they make, each finding through the CLI on
real files (the offline demo, published, then rendered again with the editor's templates)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import run_cli as run
from curator.templatecheck import builtin_templates

EVIL = "<img src=x onerror=alert(1)>"


def _said(err: str) -> str:
    return " ".join(err.split())


def _published(demo: Path) -> Path:
    """The demo's issue 1 published; its output folder."""
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    return demo.parent / "output"


def _my_templates(demo: Path) -> Path:
    """A copy of curator's templates, as `curator init` makes."""
    mine = demo.parent / "mytpl"
    shutil.copytree(builtin_templates(), mine)
    return mine


def _blurb(out: Path, blurb: str) -> None:
    """Issue 1's first blurb as the editor wrote it in the draft."""
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["sections"][0]["articles"][0]["blurb"] = blurb
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_blurb_shown_with_safe_is_text_in_every_edition(demo: Path) -> None:
    """walk39 #1: `{{ entry.blurb|safe }}` published a draft's `<img onerror>` live in the HTML,
    the fragment and feed.xml."""
    out = _published(demo)
    _blurb(out, EVIL)
    mine = _my_templates(demo)
    body = mine / "_issue_body.html"
    body.write_text(
        body.read_text(encoding="utf-8").replace(
            "{{ entry.blurb_html }}", "{{ entry.blurb|safe }}"
        ),
        encoding="utf-8",
    )
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    for name in ("issue-1.html", "issue-1.fragment.html", "issue-1.email.html", "index.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert "onerror" not in text or "&lt;img src=x onerror=alert(1)&gt;" in text, name
        assert EVIL not in text, name
    assert "&lt;img src=x onerror=alert(1)&gt;" in (out / "issue-1.html").read_text("utf-8")
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "&amp;lt;img src=x onerror=alert(1)&amp;gt;" in feed
    assert "&lt;img src=x onerror" not in feed.replace("&amp;lt;img", "")


def test_a_template_that_publishes_script_stops_naming_it(demo: Path) -> None:
    """walk39 #1: whatever a template does, nothing published carries script: a value made
    another str first (`|replace(...)|safe`) is text still (walk125 #1; it was refused), and a
    template that writes script itself stops the render, exit 2, naming the template and where
    it shows a value as markup."""
    out = _published(demo)
    _blurb(out, EVIL)
    mine = _my_templates(demo)
    body = mine / "_issue_body.html"
    body.write_text(
        body.read_text(encoding="utf-8")
        .replace("{{ entry.blurb_html | headings_under(top + 2) }}", "{{ entry.blurb_html }}")
        .replace("{{ entry.blurb_html }}", "{{ entry.blurb|replace('x', 'x')|safe }}"),
        encoding="utf-8",
    )
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    before = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in before and EVIL not in before
    (mine / "issue.html").write_text(
        "<html><body>{% include '_issue_body.html' %}<img src=x onerror=track()></body></html>\n",
        encoding="utf-8",
    )
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 2, err
    said = _said(err)
    lines = body.read_text(encoding="utf-8").split("\n")
    at = [n for n, line in enumerate(lines, 1) if "|safe" in line]
    assert len(at) == 2
    assert (
        'template issue.html: issue-1.html would publish an event handler "onerror"'
        " (<img src=x onerror=track()>), which runs script in a reader's browser or mail program;"
        " nothing was published; the editor's templates show a value as markup at"
        f" _issue_body.html:{at[0]}, _issue_body.html:{at[1]}: take `|safe` off values curator"
        " gives (they are text)"
    ) in said
    assert (out / "issue-1.html").read_text(encoding="utf-8") == before
    # A <script> written in a template is refused too.
    (mine / "issue.html").write_text(
        "<html><body>{{ title }}<script>track()</script></body></html>\n", encoding="utf-8"
    )
    body.write_text(
        body.read_text(encoding="utf-8").replace("|replace('x', 'x')|safe", ""), encoding="utf-8"
    )
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 2, err
    assert "template issue.html: issue-1.html would publish a <script> element" in _said(err)


def test_a_missing_include_names_the_template_line_and_the_file(demo: Path) -> None:
    """walk39 #3: `{% include "_sponsor.html" %}` of a missing file said "cannot write to
    .../output: fragment.html" (render) or "cannot read ...: make it readable" (build), exit 1."""
    mine = _my_templates(demo)
    body = mine / "_issue_body.html"
    lines = body.read_text(encoding="utf-8").split("\n")
    lines.insert(4, '{% include "_sponsor.html" %}')
    body.write_text("\n".join(lines), encoding="utf-8")
    out = demo.parent / "output"
    for command in (["build", "-q"], ["render", "1"]):
        if command[0] == "render":
            out = _published(demo)
        before = sorted(p.name for p in out.iterdir()) if out.is_dir() else []
        code, _, err = run(*command, "--config", str(demo), "--templates", str(mine))
        said = _said(err)
        assert code == 2, err
        # (said when the template is loaded, at its own path and line: walk156 #12)
        assert f'template {body}:5: "_sponsor.html" not found (searched:' in said
        assert "nothing was published: add the file to your templates folder" in said
        assert "cannot write" not in said and "cannot read" not in said
        assert (sorted(p.name for p in out.iterdir()) if out.is_dir() else []) == before


def test_a_template_saved_in_latin1_is_named_with_the_fix(demo: Path) -> None:
    """walk39 #4: a template saved in Latin-1 stopped with a raw UnicodeDecodeError traceback."""
    mine = _my_templates(demo)
    (mine / "issue.txt").write_bytes("{{ title }} \u2014 \u00c9dition\n".encode("cp1252"))
    for command in (["build", "-q"], ["render", "1"]):
        if command[0] == "render":
            _published(demo)
        code, _, err = run(*command, "--config", str(demo), "--templates", str(mine))
        said = _said(err)
        assert code == 2, err
        assert "Traceback" not in err
        assert f"template {mine / 'issue.txt'}: not UTF-8 text" in said
        assert "save the file as UTF-8" in said


def test_templates_that_leave_out_credits_and_links_are_said_and_render_names_changes(
    demo: Path,
) -> None:
    """walk39 #2: an `_issue_body.html` without `entry.credit` and `entry.url` published the HTML,
    the fragment and the feed without any credit or article link, silently; `render` said only
    "8 file(s) written", as when nothing changed."""
    mine = _my_templates(demo)
    body = mine / "_issue_body.html"
    text = body.read_text(encoding="utf-8")
    text = text.replace('<a href="{{ entry.url }}">{{ entry.title }}</a>', "{{ entry.title }}")
    text = text.replace('<p class="credit">{{ entry.credit_html }}</p>', "")
    body.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--templates", str(mine))
    assert code == 0, err
    said = _said(err)
    assert (
        f"{body}: your templates leave out of issue-1.html, latest.html, issue-1.fragment.html,"
        " feed.xml the credit of"
    ) in said
    assert ' credit of 10 of 10 articles ("' in said
    assert "and the link of 10 of 10 articles (https://" in said
    assert "add `entry.credit` and `entry.url` to them (docs/templates.md)" in said
    assert "issue-1.email.html" not in said and "issue-1.md" not in said
    # render says so too, and which files it changed.
    code, out, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    assert f"{body}: your templates leave out of issue-1.html" in _said(err)
    assert out == (
        "Rendered issue(s) 1 again: 9 file(s) written, none changed (each already held the"
        " same text).\n"
    )
    code, out, err = run("render", "--config", str(demo), "1")
    assert (code, err) == (0, "")
    changed, *notes, marked = out.splitlines()
    # (curator's own templates put back what the editor's left out: its text changed, walk164 N7)
    assert notes == [
        "Issue 1 reads otherwise than before in issue-1.html, issue-1.fragment.html, though"
        " nothing in its issue-1.json was corrected: it was rendered with this curator's"
        " templates and rules (and yours), not the ones that published it.",
        "To keep its files as they were, put them back from your backup of the output folder.",
    ], out
    assert changed == (
        "Rendered issue(s) 1 again: 9 file(s) written, 4 of them changed: issue-1.html,"
        " issue-1.fragment.html, latest.html, feed.xml."
    )
    # (its feed entry's content changed: marked updated, walk86 #3)
    assert marked.startswith("feed.xml marks the entry of issue(s) 1 updated ("), out


def _ids(feed: Path) -> tuple[str, dict[str, str]]:
    """feed.xml's own id, and each entry's id by its link."""
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(feed.read_bytes())
    entries = {
        e.find(f"{atom}link").get("href"): e.findtext(f"{atom}id")  # type: ignore[union-attr]
        for e in root.iter(f"{atom}entry")
    }
    return str(root.findtext(f"{atom}id")), entries


def test_setting_site_url_later_keeps_every_feed_id(demo: Path) -> None:
    """walk39 #5: adding `site_url` after issues were published changed every feed entry's id
    (urn:uuid -> URL), so feed readers showed the old issues as new."""
    text = demo.read_text(encoding="utf-8")
    site = "  site_url: https://blog.example.com/cx-weekly/\n"
    assert site in text
    demo.write_text(text.replace(site, ""), encoding="utf-8")
    out = _published(demo)
    feed_id, entries = _ids(out / "feed.xml")
    issue_1 = entries["issue-1.html"]
    assert feed_id.startswith("urn:uuid:") and issue_1.startswith("urn:uuid:")
    demo.write_text(text.replace(site, "  site_url: https://news.example/cx/\n"), encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "--all")
    assert code == 0, err
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert 'rel="self" type="application/atom+xml" href="https://news.example/cx/feed.xml"' in feed
    assert _ids(out / "feed.xml") == (
        feed_id,
        {"https://news.example/cx/issue-1.html": issue_1},
    )


def test_utm_medium_can_name_each_edition(demo: Path) -> None:
    """walk39 #6: one `utm_medium` tagged the blog's, the feed's and the Markdown's article links
    `utm_medium=email`; `{edition}` in it names each edition."""
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace(
            "newsletter:\n",
            'newsletter:\n  utm_source: cxweekly\n  utm_medium: "{edition}"\n',
            1,
        ),
        encoding="utf-8",
    )
    out = _published(demo)
    for name, medium in (
        ("issue-1.html", "web"),
        ("issue-1.fragment.html", "blog"),
        ("issue-1.md", "markdown"),
        ("issue-1.email.html", "email"),
        ("issue-1.txt", "text"),
        ("feed.xml", "feed"),
    ):
        written = (out / name).read_text(encoding="utf-8")
        assert "utm_source=cxweekly" in written and f"utm_medium={medium}" in written, name
        assert written.count("utm_medium=") == written.count(f"utm_medium={medium}"), name
        assert "{edition}" not in written and "%7Bedition%7D" not in written, name
    # render gives each edition its own too (the feed's entries are rendered again).
    code, _, err = run("render", "--config", str(demo), "--all")
    assert code == 0, err
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "utm_medium=feed" in feed and "utm_medium=blog" not in feed


def test_a_markdown_template_that_publishes_script_stops_naming_it(demo: Path) -> None:
    """Hugo and Jekyll show raw HTML in Markdown as HTML: a <script> or an event handler written
    into issue.md stops the render as it does in issue.html; a blurb that writes about
    `<script>` is text there, and is published."""
    out = _published(demo)
    _blurb(out, "Why `<script>` tags in feeds are dangerous.")
    mine = _my_templates(demo)
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
    assert "Why \\`&lt;script&gt;\\` tags" in (out / "issue-1.md").read_text(encoding="utf-8")
    before = (out / "issue-1.md").read_text(encoding="utf-8")
    md = mine / "issue.md"
    md.write_text(
        md.read_text(encoding="utf-8") + '\n<img src="x.png" onload="track()">\n', encoding="utf-8"
    )
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 2, err
    assert 'template issue.md: issue-1.md would publish an event handler "onload"' in _said(err)
    assert "nothing was published" in _said(err)
    assert (out / "issue-1.md").read_text(encoding="utf-8") == before


def test_a_markdown_template_that_publishes_a_script_link_stops(demo: Path) -> None:
    """walk60 #2: the Markdown check read links as markdown-it shows them (a `javascript:` link
    as text), so `[x](javascript:...)` in issue-1.md passed; kramdown makes it a live link."""
    _published(demo)
    mine = _my_templates(demo)
    md = mine / "issue.md"
    plain = md.read_text(encoding="utf-8")
    for link in (
        "[x](javascript:alert(5))",
        "[x](java&#115;cript:alert(1))",
        "<javascript:alert(1)>",
        "![x](vbscript:msgbox(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
    ):
        md.write_text(f"{plain}\n{link}\n", encoding="utf-8")
        code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
        assert code == 2, (link, err)
        assert "template issue.md: issue-1.md would publish" in _said(err), link
    md.write_text(f"{plain}\n[fine](https://example.com/a)\n", encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "1", "--templates", str(mine))
    assert code == 0, err
