"""What curator checks in the editions its templates made, before anything is written: it refuses
(exit 2, nothing published) an email's <style> whose braces do not balance, Markdown front matter
that is not YAML or that YAML cuts short, markup that runs script, a feed that is not XML; and it
warns of linked stylesheets, HTML values in the text edition and an email longer than Gmail shows.
The email edition's CSS inlined too (moved out of `curator.outputs`, which had grown past 2,500
lines)."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path

import css_inline
import jinja2
import jinja2.meta
import yaml

from curator.editions import ISSUE_FORMATS
from curator.editions import MD_AS_SHOWN as _MD_AS_SHOWN
from curator.htmltext import script_in
from curator.mailstyle import keep_in_head, rules_for_head, without_imports
from curator.models import Issue
from curator.templatecheck import TEMPLATE_REFERENCE, builtin_templates
from curator.templateerrors import OutputError, TemplateMistake
from curator.xmlonce import parsed

#: One inliner for all email: never fetch a remote stylesheet (an email render makes no requests).
_INLINER = css_inline.CSSInliner(
    keep_style_tags=False, keep_link_tags=False, load_remote_stylesheets=False
)


#: A <style> element of a page, its rules as group 1.
_STYLE = re.compile(r"(?is)<style\b[^>]*>(.*?)</style\s*>")
#: A <link rel="stylesheet"> (any order of attributes, quoted or not).
_STYLESHEET_LINK = re.compile(r"""(?is)<link\b[^>]*\brel\s*=\s*["']?[^"'>]*\bstylesheet\b[^>]*>""")


#: A <style> for some media only (`<style media="screen and (max-width: 600px)">`), with its
#: rules: the inliner would put them in style="" for every screen (walk156 #7: desktop mail got
#: the phone layout). `media="all"` or `"screen"` is every screen a mail is read on.
_MEDIA_STYLE = re.compile(
    r"""(?is)<style\b[^>]*?\bmedia\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))"""
    r"""[^>]*>(?P<css>.*?)</style\s*>"""
)
_EVERY_SCREEN = {"", "all", "screen", "only screen"}
#: A template's value or tag, `{{ ... }}` or `{% ... %}` (kept in length, its lines counted).
_JINJA_VALUE = re.compile(r"(?s)\{\{.*?\}\}|\{%.*?%\}")


def _blanked(found: re.Match[str]) -> str:
    """A template's value as spaces, its line breaks kept (so lines are counted as written)."""
    return re.sub(r"[^\n]", " ", found.group())


def _media_of(found: re.Match[str]) -> str:
    return " ".join((found.group("dq") or found.group("sq") or found.group("bare") or "").split())


def _media_only(found: re.Match[str]) -> bool:
    return _media_of(found).casefold() not in _EVERY_SCREEN


def _unkeepable_media(found: re.Match[str]) -> bool:
    """Whether a <style> for some media only (`_media_only`) cannot be kept as an `@media` block:
    its media= holds what would end or open a block of CSS (`{`, `}`, `;`, `<`), so it is left out,
    as said (`linked_stylesheets`)."""
    return _media_only(found) and any(ch in _media_of(found) for ch in "{};<")


def _as_media_block(found: re.Match[str]) -> str:
    """A <style media="X"> for some screens only as a plain <style> of `@media X { its rules }`,
    which the inliner leaves alone and `mailstyle` keeps in the mail's head, as it keeps an
    `@media` block written in a plain <style> (fixgk); media="all" or "screen" as it is
    (inlined); one `_unkeepable_media` left out."""
    if not _media_only(found):
        return found.group()
    if _unkeepable_media(found):
        return ""
    return f"<style>@media {_media_of(found)} {{\n{found.group('css')}\n}}</style>"


#: The `{% block style %}` of an email.html extending curator's, its CSS as group 1 (fixgk: an
#: `@import` written there was left out unsaid, as only a `<style>` of the file was looked in).
_STYLE_BLOCK = re.compile(r"(?s)\{%-?\s*block\s+style\s*-?%\}(.*?)\{%-?\s*endblock\b")
#: An `@import` of a stylesheet, up to its `;` (or the line's end).
_CSS_IMPORT = re.compile(r"(?i)@import\b[^;\n]*;?")


def _css_trouble(css: str) -> tuple[int, str] | None:
    """Where (offset) and what is wrong with a stylesheet's braces or comments, or None: a
    `/*` never closed, a `}` closing nothing, a rule's `{` never closed (a `{` opened inside a
    rule's declarations is one: email programs know no nested rules)."""
    opened: list[tuple[int, bool]] = []  # (offset of the "{", is it an @-rule's)
    i, start = 0, 0
    while i < len(css):
        ch = css[i]
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            if end < 0:
                return i, "a comment /* ... that is never closed with */"
            i = end + 2
            continue
        if ch in "\"'":
            end = css.find(ch, i + 1)
            i = len(css) if end < 0 else end + 1
            continue
        if ch == "{":
            if opened and not opened[-1][1]:
                return opened[-1][0], "a rule whose { is never closed with }"
            opened.append((i, css[start:i].lstrip().startswith("@")))
            start = i + 1
        elif ch == "}":
            if not opened:
                return i, "a } that closes no {"
            opened.pop()
            start = i + 1
        elif ch == ";" and (not opened or opened[-1][1]):
            start = i + 1  # after `@import ...;` or `@charset ...;`
        i += 1
    if opened:
        return opened[-1][0], "a rule whose { is never closed with }"
    return None


def _template_line(env: jinja2.Environment, template: str, text: str, offset: int) -> str:
    """`email.html:14`: the line of `template`'s source holding the line of `text` at `offset`
    (found by its words), else the line of the edition (`line 14 of the edition`)."""
    row = text.count("\n", 0, offset) + 1
    line = text.splitlines()[row - 1].strip() if text else ""
    names = [template, *TEMPLATE_REFERENCE.findall(_template_source(env, template)[0])]
    for name in names:
        source, filename = _template_source(env, name)
        for n, written in enumerate(source.splitlines(), 1):
            if line and written.strip() == line:
                return f"{Path(filename).name}:{n}"
    return f"line {row} of the edition it made"


def _template_source(env: jinja2.Environment, template: str) -> tuple[str, str]:
    try:
        source, filename, _ = env.loader.get_source(env, template)  # type: ignore[union-attr]
    except (jinja2.TemplateError, OSError, UnicodeDecodeError):
        return "", template
    return source, filename or template


def refuse_broken_css(env: jinja2.Environment, template: str, html: str) -> None:
    """Stop (exit 2, nothing written) when a <style> of the email edition does not balance its
    braces or comments: the inliner then drops every rule after the mistake, unsaid (walk125 #4:
    a `}` deleted or a `/*` left open took style= attributes from 32 to 15 or 11, exit 0)."""
    for style in _STYLE.finditer(html):
        trouble = _css_trouble(style.group(1))
        if trouble is None:
            continue
        offset, what = trouble
        where = _template_line(env, template, html, style.start(1) + offset)
        raise TemplateMistake(
            f"template {template}: its <style> has {what} ({where}); nothing was published:"
            " every rule after it would be lost from the mail; close it there (each rule is"
            " `selector { property: value; }`, each comment `/* ... */`)"
        )


def refuse_broken_front_matter(env: jinja2.Environment, template: str, text: str) -> None:
    """Stop (exit 2, nothing written) when the Markdown edition's YAML front matter (between its
    first two `---` lines) is not YAML: Hugo and Jekyll stop at it, or publish the page without
    its title and date (walk156 #6: `description: {{ sections[0].entries[0].title }}` with a
    colon in the title, unsaid). Names the template line that writes the value, and `| yaml`."""
    lines = text.split("\n")
    start = next((n for n, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].rstrip() != "---":
        return
    end = next((n for n in range(start + 1, len(lines)) if lines[n].rstrip() == "---"), None)
    if end is None:
        return
    try:
        read = yaml.safe_load("\n".join(lines[start + 1 : end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if getattr(exc, "context", None) == "while scanning a simple key":
            # (a key without its colon: its own line, not the next key's: walk186 #6)
            mark = getattr(exc, "context_mark", None) or mark
        row = start + 1 + (mark.line if mark is not None else 0)
        written = lines[min(row, end - 1)]
        key = written.split(":", 1)[0].strip()
        where = (
            _template_line_of_key(env, template, key) or f"line {row + 1} of {template}'s edition"
        )
        problem = getattr(exc, "problem", None) or "not YAML"
        raise TemplateMistake(
            f"template {template}: its front matter is not YAML ({where}: {problem}, in the"
            f" line written `{written.strip()}`); nothing was published: Hugo and Jekyll would"
            f" stop at it or lose the page's title and date; write each value through the yaml"
            f" filter, `{key}: {{{{ ... | yaml }}}}`, which quotes it"
        ) from None
    if isinstance(read, dict):
        _refuse_cut_values(env, template, lines[start + 1 : end], read)
        _refuse_cut_items(env, template, lines[start + 1 : end], read)


#: A top-level `key: value` line of front matter whose value is a plain (unquoted) scalar.
_PLAIN_VALUE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+([^\s\"'\[{|>&*!%@`].*?)\s*$")
#: Jinja's tags in a template line, taken out to see the line's own text.
_JINJA_TAG = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}")


def _refuse_cut_values(
    env: jinja2.Environment, template: str, lines: Sequence[str], read: Mapping[object, object]
) -> None:
    """Stop when a front matter value was cut short by YAML: a value written without `| yaml`
    whose text (a feed's title, say) holds ` #` is read up to it, the rest as a comment, so Hugo
    and Jekyll would publish the title "Queue tips" for "Queue tips #3 for agents", unsaid
    (walk164 N10). A ` #` the template's own line writes (`draft: false  # for now`) is its
    comment, and left alone."""
    for written in lines:
        found = _PLAIN_VALUE.match(written)
        if found is None or " #" not in found.group(2):
            continue
        key, value = found.groups()
        kept = read.get(key)
        if not isinstance(kept, str) or kept == value:
            continue
        line = _template_key_line(env, template, key)
        if line is None or " #" in _JINJA_TAG.sub("", line[1]) or "{{" not in line[1]:
            continue
        raise TemplateMistake(
            f"template {template}: its front matter's {key} was cut short ({line[0]}): the"
            f" value `{value}` holds ` #`, where YAML reads the rest as a comment, so Hugo and"
            f" Jekyll would publish `{kept}`; nothing was published: write the value through"
            f" the yaml filter, `{key}: {{{{ ... | yaml }}}}`, which quotes it"
        )


#: A front matter list item (`  - value`) whose value is a plain (unquoted) scalar.
_PLAIN_ITEM = re.compile(r"^\s*-[ \t]+([^\s\"'\[{|>&*!%@`].*?)\s*$")


def _texts(value: object) -> Iterator[str]:
    """Every text in a front matter's values, in lists and maps at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _refuse_cut_items(
    env: jinja2.Environment, template: str, lines: Sequence[str], read: Mapping[object, object]
) -> None:
    """`_refuse_cut_values` for list items: `tags:` written `  - {{ section.subject }}` with a
    subject "CX basics #1" was published as the tag "CX basics", unsaid (walk171 #1)."""
    kept = set(_texts(read))
    key = ""
    for written in lines:
        if _PLAIN_VALUE.match(written) or re.match(r"^[A-Za-z_][\w-]*:\s*$", written):
            key = written.split(":", 1)[0]
        found = _PLAIN_ITEM.match(written)
        if found is None or " #" not in found.group(1) or found.group(1) in kept:
            continue
        value = found.group(1)
        line = _template_item_line(env, template)
        if line is None:
            continue
        cut = value.split(" #", 1)[0].rstrip()
        raise TemplateMistake(
            f"template {template}: an item of its front matter's {key or 'list'} was cut short"
            f" ({line}): the value `{value}` holds ` #`, where YAML reads the rest as a comment,"
            f" so Hugo and Jekyll would publish `{cut}`; nothing was published: write the item"
            " through the yaml filter, `- {{ ... | yaml }}`, which quotes it"
        )


def _template_item_line(env: jinja2.Environment, template: str) -> str | None:
    """`issue.md:9`: the first line of `template` (or a template it names) that writes a list
    item from a value (`- {{ ... }}` without `| yaml`), and no ` #` of its own."""
    names = [template, *TEMPLATE_REFERENCE.findall(_template_source(env, template)[0])]
    for name in names:
        source, filename = _template_source(env, name)
        for n, written in enumerate(source.splitlines(), 1):
            text = written.strip()
            if (
                text.startswith("- ")
                and "{{" in text
                and "yaml" not in text
                and " #" not in _JINJA_TAG.sub("", text)
            ):
                return f"{filename}:{n}"
    return None


def _template_line_of_key(env: jinja2.Environment, template: str, key: str) -> str | None:
    """`issue.md:14`: the line of `template` (or a template it names) that writes `key:`."""
    found = _template_key_line(env, template, key)
    return found[0] if found else None


def _template_key_line(env: jinja2.Environment, template: str, key: str) -> tuple[str, str] | None:
    """`issue.md:14` and its text: the line of `template` (or a template it names) that writes
    `key:`."""
    if not key:
        return None
    names = [template, *TEMPLATE_REFERENCE.findall(_template_source(env, template)[0])]
    for name in names:
        source, filename = _template_source(env, name)
        for n, written in enumerate(source.splitlines(), 1):
            if written.strip().startswith(f"{key}:"):
                return f"{filename}:{n}", written
    return None


#: A value shown as HTML (`entry.credit_html`, `introduction_html`) in a `{{ }}` or a tag.
_HTML_VALUE = re.compile(r"{[{%][^}]*?\b((?:\w+\.)?(\w+)_html)\b")
#: The text variable for each HTML one a text template may show by mistake.
_PLAIN_OF = {
    "introduction": "introduction_plain",
    "closing": "closing_plain",
    "credit": "credit",
    "blurb": "blurb",
}


def html_in_text(env: jinja2.Environment, files: Mapping[str, str]) -> tuple[str, ...]:
    """A warning per line of the editor's text templates (issue.txt and what it includes) that
    shows an `_html` value: the text edition publishes its tags as text, each `<` spaced (walk156
    #11: `{{ entry.credit_html }}` published `< bdi>Eve< /bdi>`)."""
    if not any(n.endswith(".txt") for n in files):
        return ()
    names = ["issue.txt"]
    warnings = []
    for name in names:
        source, filename = _template_source(env, name)
        if not source:
            continue
        names += [n for n in TEMPLATE_REFERENCE.findall(source) if n not in names]
        if Path(filename).parent == builtin_templates() or not filename.endswith(".txt"):
            continue
        source = _JINJA_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)
        for n, line in enumerate(source.split("\n"), 1):
            for found in _HTML_VALUE.finditer(line):
                written, stem = found.group(1), found.group(2)
                plain = written[: -len(stem) - 5] + _PLAIN_OF.get(stem, f"{stem}_plain")
                warnings.append(
                    f"{filename}:{n}: {{{{ {written} }}}} is HTML, which the text edition"
                    f" publishes as text, its tags spaced (`< bdi>`): write {{{{ {plain} }}}},"
                    " the same as plain text (docs/templates.md lists the variables)"
                )
    return tuple(warnings)


#: A Jinja comment, `{# ... #}` (its `-` forms too), which no render publishes.
_JINJA_COMMENT = re.compile(r"(?s)\{#.*?#\}")


def linked_stylesheets(env: jinja2.Environment, files: Mapping[str, str]) -> tuple[str, ...]:
    """A warning for each <link rel="stylesheet"> the email template writes, when `files` has an
    email edition: mail programs ignore a linked stylesheet and curator removes it (walk125 #4:
    one was deleted, unsaid)."""
    if not any(name.endswith(".email.html") for name in files):
        return ()
    source, filename = _template_source(env, "email.html")
    # what a `{# ... #}` comment holds is never published (walk156 #17: a <link> kept there
    # was warned of): blanked, its lines kept, so that the lines named stay the file's
    source = _JINJA_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)
    # an @import in its <style> too (walk130 #3: it disappeared, unsaid)
    imports = {
        found.start(): found
        for style in [*_STYLE.finditer(source), *_STYLE_BLOCK.finditer(source)]
        for found in _CSS_IMPORT.finditer(source, style.start(1), style.end(1))
    }.values()
    media = tuple(
        f"{Path(filename).name}:{source.count(chr(10), 0, style.start()) + 1}:"
        f" {' '.join(style.group().split('>', 1)[0].split())}>: its media= holds a brace, a"
        " semicolon or a `<`, so its rules cannot be kept as an `@media`"
        " block in the mail's head, and curator removes it and its rules from the email edition;"
        " write the media query itself (`screen and (max-width: 600px)`), or put its rules in"
        " an `@media` block of the <style>"
        for style in _MEDIA_STYLE.finditer(_JINJA_VALUE.sub(_blanked, source))
        if _unkeepable_media(style)
    )
    return media + tuple(
        f"{Path(filename).name}:{source.count(chr(10), 0, link.start()) + 1}:"
        f" {' '.join(link.group().split())}: email clients ignore"
        f" {'imported' if link.group().startswith('@') else 'linked'} stylesheets; curator"
        " removes it from the email edition: put its rules in the <style> of email.html"
        for link in sorted([*_STYLESHEET_LINK.finditer(source), *imports], key=lambda m: m.start())
    )


def email_html(html: str) -> str:
    """Inline every <style> rule into style attributes and drop the <style> (and any <script>);
    what no attribute can hold (`@media`, `@font-face`, `a:hover` ...) is kept in one <style>
    in the head (`mailstyle`), as mail programs that read one honour it (fixgk), and so are the
    rules of a `<style media="...">` for some screens only, as an `@media` block (fixgq: it was
    left out, while the same rules in an `@media` block were kept)."""
    html = without_imports(_MEDIA_STYLE.sub(_as_media_block, html))
    kept = rules_for_head(html)
    try:
        inlined = _INLINER.inline(html)
    except (css_inline.InlineError, ValueError) as exc:
        raise OutputError(f"template email.html: its CSS cannot be inlined ({exc})") from None
    return keep_in_head(re.sub(r"(?is)<script\b.*?</script\s*>", "", inlined), kept)


def script_in_feed(text: str) -> str | None:
    """What in this Atom/RSS XML would run script in a reader: its markup, and the HTML of every
    element of type "html" (escaped in the XML: a reader shows it as HTML)."""
    try:
        root = parsed(text)
    except ET.ParseError:
        return script_in(text)
    for element in root.iter():
        markup = "".join(f' {k}="{html.escape(v)}"' for k, v in element.attrib.items())
        found = script_in(f"<x{markup}>")
        if found is None and element.get("type") in {"html", "xhtml"}:
            found = script_in(element.text or "")
        if found is not None:
            return found
    return None


#: Where a template shows a value as markup: `|safe`, `autoescape false`, `Markup`.
_AS_MARKUP = re.compile(r"\|\s*safe\b|autoescape\s+false|\bMarkup\b")


def markup_lines(env: jinja2.Environment) -> list[str]:
    """`file:line` of every place in the editor's templates that shows a value as markup."""
    loaders = getattr(env.loader, "loaders", [env.loader])
    found = []
    for loader in loaders[:-1]:  # the last is curator's own
        for folder in getattr(loader, "searchpath", []):
            try:
                files = sorted(p for p in Path(folder).iterdir() if p.is_file())
            except OSError:
                continue
            for path in files:
                try:
                    lines = path.read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    continue
                found += [
                    f"{path.name}:{n}" for n, line in enumerate(lines, 1) if _AS_MARKUP.search(line)
                ]
    return found


def refuse_script(
    env: jinja2.Environment,
    template: str,
    filename: str,
    text: str,
    *,
    feed_texts: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Stop (exit 2, before anything is written) when an HTML, XML or Markdown edition would
    publish markup that runs script, whatever the template does (walk39 #1); names the template
    and where it shows a value as markup, or, in Markdown, the feed's text that wrote the link
    (`feed_texts`: the articles' fields, by the name a template gives them)."""
    if filename.endswith(".xml"):
        found = script_in_feed(text)
    elif filename.endswith(".html"):
        found = script_in(text)
    elif filename.endswith(".md"):
        # Hugo and Jekyll pass raw HTML in Markdown through: read it as they would show it (a
        # code span or block is text there, so `<script>` written about stays allowed), every
        # link kept (walk60 #2: `[x](javascript:...)` written by a template).
        found = script_in(_MD_AS_SHOWN.render(text))
    else:
        return
    if found is None:
        return
    from_feed = (
        [
            name
            for name, values in (feed_texts or {}).items()
            if any(script_in(_MD_AS_SHOWN.render(v)) for v in values)
        ]
        if filename.endswith(".md")
        else []
    )
    if from_feed:
        # walk125 #6: a feed's title `[Read](javascript:...)` shown as `{{ entry.title }}` in a
        # custom issue.md was blamed on the editor ("write no script ... in a template")
        lines = _unfiltered_lines(env, template, from_feed)
        at = f" ({', '.join(lines)})" if lines else ""
        raise TemplateMistake(
            f"template {template}: {filename} would publish {found}, which runs script in a"
            f" reader's browser; nothing was published: it came from a feed's text"
            f" ({', '.join(from_feed)}), which the template shows as Markdown{at}: write it"
            " through `| md_text` (`{{ entry.title | md_text }}`, docs/templates.md), which"
            " shows it as text"
        )
    data = _DATA_SCRIPT.search(found)
    if data is not None:
        # walk130 #3: a `<script type="application/ld+json">` was refused as if it ran script
        names = [template, *TEMPLATE_REFERENCE.findall(_template_source(env, template)[0])]
        rows = [
            f"{Path(name).name}:{n}"
            for source, name in map(partial(_template_source, env), names)
            for n, line in enumerate(source.splitlines(), 1)
            if data.group(1) in line
        ]
        raise TemplateMistake(
            f"template {template}: {filename} would publish {found}"
            + (f" ({', '.join(rows)})" if rows else "")
            + f"; nothing was published: a <script> element of any type (this one's is"
            f" {data.group(1)}) is not published; JSON-LD for search engines belongs in your"
            " site's page template, not the issue: take it out of the template"
        )
    embed = re.match(r"a <(iframe|object|embed)> element", found)
    if embed is not None:
        # walk156 #15: an editor's own YouTube `<iframe>` was refused as "script ... write no
        # script, event handler or javascript: link", which it is not, to the editor's eyes
        tag = embed.group(1)
        names = [template, *TEMPLATE_REFERENCE.findall(_template_source(env, template)[0])]
        rows = [
            f"{Path(name).name}:{n}"
            for source, name in map(partial(_template_source, env), names)
            for n, line in enumerate(source.splitlines(), 1)
            if f"<{tag}" in line.lower()
        ]
        raise TemplateMistake(
            f"template {template}: {filename} would publish {found}"
            + (f" ({', '.join(rows)})" if rows else "")
            + f"; nothing was published: curator publishes no <iframe>, <object> or <embed> (a"
            " video player or another site's page embedded runs that site's script in readers'"
            " browsers and mail programs, and mail programs show none): link to it instead,"
            f' <a href="https://...">Watch the video</a>, and take the <{tag}> out of the template'
        )
    where = markup_lines(env)
    hint = (
        f"; the editor's templates show a value as markup at {', '.join(where)}: take `|safe`"
        " off values curator gives (they are text), and write no script in a template"
        if where
        else "; write no script, event handler or javascript: link in a template"
    )
    raise TemplateMistake(
        f"template {template}: {filename} would publish {found}, which runs script in a"
        f" reader's browser or mail program; nothing was published{hint}"
    )


#: A <script> of a type that is data, not a program (JSON-LD, a template, JSON): its type.
_DATA_SCRIPT = re.compile(
    r"""(?i)<script\b[^>]*\btype\s*=\s*["']?((?!(?:text|application)/(?:x-)?(?:java|ecma)script"""
    r"""|module\b)[\w./+-]+)"""
)


def _written_at(env: jinja2.Environment, template: str, piece: str) -> str:
    """` (written at feed.xml:4)`: the lines of `template` holding `piece`, or ""."""
    try:
        source, filename, _ = env.loader.get_source(env, template)  # type: ignore[union-attr]
    except (jinja2.TemplateNotFound, OSError, UnicodeDecodeError):
        return ""
    name = Path(filename).name if filename else template
    rows = [f"{name}:{n}" for n, line in enumerate(source.splitlines(), 1) if piece in line]
    return f" (written at {', '.join(rows)})" if rows else ""


def refuse_broken_xml(env: jinja2.Environment, template: str, text: str) -> str:
    """`text`, an XML edition `template` made, if it is well-formed XML; else stop (exit 2,
    before anything is written) naming the template, where in the file the problem is and the
    likely fix. Why: a feed.xml with `&nbsp;` in its <title>, or a fragment shown `|safe` in it,
    replaced a good feed with one no feed reader could read, exit 0 (walk125 #3)."""
    try:
        parsed(text)
    except ET.ParseError as exc:
        row, column = exc.position
        lines = text.splitlines()
        shown = lines[row - 1].strip() if 0 < row <= len(lines) else ""
        if len(shown) > 120:
            start = max(0, lines[row - 1].find(shown[:20]))
            piece = lines[row - 1][max(column - 40, start) : column + 60]
            shown = f"...{piece.strip()}..."
        reason = str(exc).split(":", 1)[0]
        entity = re.match(r"&[A-Za-z][\w.-]*;", lines[row - 1][column:] if shown else "")
        where = _written_at(env, template, entity.group()) if entity else ""
        named = f" {entity.group()}" if entity and "entity" in reason else ""
        marked = [w for w in markup_lines(env) if w.startswith(f"{template}:")]
        if "entity" in reason:
            fix = (
                "an HTML entity such as &nbsp; or &middot; is not XML: write the character"
                " itself, or its number (&#160;, &#183;)"
            )
        else:
            fix = "markup written into the XML must be XML: every tag closed, & written &amp;"
        raise TemplateMistake(
            f"template {template}: it made a {template} that is not well-formed XML ({reason}{named}"
            f" at line {row}, column {column + 1} of the {template} it made: {shown}){where};"
            f" nothing was published:"
            f" {fix}; HTML shown `|safe` in it (e.g. `item.fragment_html|safe`) is HTML, not XML:"
            ' take `|safe` off (curator escapes it, as a feed\'s type="html" content is)'
            + (f" at {', '.join(marked)}" if marked else "")
        ) from None
    return text


def _unfiltered_lines(env: jinja2.Environment, template: str, names: Sequence[str]) -> list[str]:
    """`file:line` of each place in the editor's `template` that shows one of `names` (such as
    `entry.title`) without a filter."""
    try:
        source, filename, _ = env.loader.get_source(env, template)  # type: ignore[union-attr]
    except (jinja2.TemplateError, OSError, UnicodeDecodeError):
        return []
    if filename is None or Path(filename).parent == builtin_templates():
        return []
    shown = re.compile(r"{{-?\s*(" + "|".join(re.escape(n) for n in names) + r")\s*-?}}")
    return [f"{filename}:{n}" for n, line in enumerate(source.split("\n"), 1) if shown.search(line)]


#: Gmail shows no more than this many bytes of a message's HTML: the rest (the last articles, the
#: closing line, the "Read it on the web" link) hides behind "[Message clipped]" (walk109 #5: an
#: issue of 109 articles made a 132 KB email edition, unwarned).
EMAIL_CLIP_BYTES = 102 * 1024


def clipped_email(
    issue: Issue, files: Mapping[str, str], json_file: Path | None = None
) -> tuple[str, ...]:
    """A warning when the issue's email edition is longer than Gmail shows (`EMAIL_CLIP_BYTES`),
    with about how many of its articles fit and what to do."""
    name = ISSUE_FORMATS["email"][1].format(n=issue.number)
    if name not in files:
        return ()
    size = len(files[name].encode("utf-8"))
    if size <= EMAIL_CLIP_BYTES:
        return ()
    count = sum(len(s.entries) for s in issue.sections)
    # The articles whose link comes before the cut, where each is found in the mail (walk149 #14:
    # a 110 KB introduction left the one article's link past it, and "its first 1 of 1" was
    # said); else about as many as fit, by size.
    mail = files[name].encode("utf-8")
    links = [
        mail.find(f'href="{html.escape(e.article.url.split("#")[0])}'.encode())
        for s in issue.sections
        for e in s.entries
    ]
    if links and all(at >= 0 for at in links):
        fit = sum(1 for at in links if at < EMAIL_CLIP_BYTES)
    else:
        fit = max(1, count * EMAIL_CLIP_BYTES // size)
    intro = len(issue.introduction.encode("utf-8"))
    # (an introduction of half the cut or more is named, and shortening it advised)
    long_intro = intro * 2 >= EMAIL_CLIP_BYTES
    # (what comes after the articles, as the mail has it: walk115 #4 named a closing line the
    # issue had none of)
    after = [
        what
        for what, there in (
            ("its closing line", bool(issue.closing.strip())),
            ("its link to the web page", f'issue-{issue.number}.html"' in files[name]),
        )
        if there
    ]
    missed = f", and not {' nor '.join(after)}" if after else ""
    seen = (
        f"about its first {fit} of {count} article(s)" if fit else f"none of its {count} article(s)"
    )
    because = f" (its introduction alone is {intro / 1024:.0f} KB)" if long_intro else ""
    shorten = "shorten the introduction or the blurbs" if long_intro else "shorten the blurbs"
    return (
        f"{name} is {size / 1024:.0f} KB: Gmail shows a mail's first 102 KB and hides the rest"
        f' behind "[Message clipped]", so readers of a mail made from it see {seen}'
        f"{because}{missed}; to send it whole, "
        + (
            # A published issue rendered again: its draft is gone (walk155 #12).
            f"cut some articles from {json_file} or {shorten} there and render again"
            if json_file is not None
            else "feature fewer articles (`issue_size:` in feeds.yaml, or cut some in a draft)"
            f" or {shorten}"
        )
        + ", or mail a shorter note that links to the web page",
    )
