"""An editor's templates checked as they are loaded, on every line whether or not an issue reaches
it: filters curator has not, values in one brace or among a tag's attributes, mangled text (moved
out of `curator.render`, which had grown past 2,200 lines); curator's own templates and words.
The fields a template uses are checked in `templatefields`, and `templateloader` runs the checks."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import jinja2
import jinja2.compiler
import jinja2.meta
import jinja2.nodes
import jinja2.runtime


def builtin_templates() -> Path:
    """curator's own templates: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


#: The template of the fixed words every edition shares ("Issue 4", "edited by", the date).
WORDS = "_words.txt"
#: The prefix naming curator's own templates, past an editor's of the same name.
OWN_PREFIX = "curator/"


class LoadCheckError(jinja2.TemplateSyntaxError):
    """A mistake the load check finds on a line of an editor's template whether or not an issue
    reaches it (a filter, a field, a name): said as it is, with no guess at a syntax error's
    cause (`templateerrors._syntax_hint`)."""


#: The filters curator.editions gives every environment it renders with (`install_filters`),
#: known to the load check before they are installed.
OUTPUT_FILTERS = ("md_text", "md_url", "md_intro", "yaml", "isolated")


def refuse_unknown_filters(
    environment: jinja2.Environment, source: str, template: str, filename: str
) -> None:
    """Stop at an editor's template that names a filter or a test Jinja and curator have not, on
    any line: Jinja says so when it compiles the template, but of one inside an `{% if %}` only
    when a render takes that branch (walk164 N1: `{{ entry.title | uper }}` in an `{% if %}`
    no issue took passed every build). Raised with the file, the line and the name meant."""
    try:
        ast = environment.parse(source, template, filename)
    except jinja2.TemplateSyntaxError:
        return  # the render says what is wrong
    filters = sorted({*environment.filters, *OUTPUT_FILTERS})
    wrong = [
        (node.lineno, "filter", node.name, filters)
        for node in ast.find_all(jinja2.nodes.Filter)
        if node.name not in filters
    ]
    tests = sorted(environment.tests)
    wrong += [
        (node.lineno, "test", node.name, tests)
        for node in ast.find_all(jinja2.nodes.Test)
        if node.name not in tests
    ]
    if not wrong:
        return
    line, what, name, known = min(wrong)
    close = difflib.get_close_matches(name, known, n=1)
    meant = f": did you mean '{close[0]}'?" if close else " (docs/templates.md lists curator's)"
    raise LoadCheckError(
        f"no {what} named '{name}'{meant} (every line of a template is checked when it is"
        " loaded, whether or not an issue reaches it)",
        line,
        Path(filename).name,
        filename,
    )


#: The names curator's templates are given: `editions.output_context`'s (an issue's page) and
#: `archive_context`'s (index.html, feed.xml), and Jinja's own (`range`, `loop`...).
TEMPLATE_NAMES = sorted(
    {
        *("issue", "title", "number", "date", "date_text", "editor", "introduction_html"),
        *("introduction_text", "introduction_plain", "theme", "theme_subjects", "closing_html"),
        *("closing_text", "closing_plain", "sections", "article_count", "site_url", "slug"),
        *("subjects", "page_url", "index_url", "feed_url", "has_index", "has_feed", "archive"),
        *("updated", "feed_id", "loop", *jinja2.defaults.DEFAULT_NAMESPACE),
    }
)


#: A NUL, or a C1 control (U+0080-U+009F): what a template holds after a UTF-16 file, or a
#: Windows-1252 one, was converted to UTF-8 as if it were Latin-1 (walk125 #5: `iconv -f latin1`,
#: curator's own advice, published "\x92s picks \x96", or the template's source as the issue).
_MANGLED = re.compile("[\x00\x80-\x9f]")


def refuse_mangled(source: str, template: str, filename: str | None) -> None:
    """Stop (a template mistake naming the file and line) at a template whose text holds a NUL or
    a C1 control character: no editor types one, and rendered it would publish garbage."""
    found = _MANGLED.search(source)
    if found is None:
        return
    line = source.count("\n", 0, found.start()) + 1
    column = found.start() - source.rfind("\n", 0, found.start())
    if found.group() == "\x00":
        why = (
            f"holds NUL bytes (line {line}, column {column}): it is UTF-16 text, or was converted"
            " from UTF-16 as another encoding; convert the original with"
            " `iconv -f utf-16 -t utf-8`"
        )
    else:
        why = (
            f"holds the control character U+{ord(found.group()):04X} (line {line}, column"
            f" {column}): a Windows-1252 file converted as Latin-1 (`\u2019` was 0x92); convert the"
            " original with `iconv -f cp1252 -t utf-8`, or type the character again"
        )
    raise jinja2.TemplateSyntaxError(
        f"{why}; nothing was published", line, template, filename or template
    )


#: A start tag (`<a href="..." title={{ x }}>`): up to its `>`, across lines.
_START_TAG = re.compile(r"<[A-Za-z][^<>]*")
#: An attribute whose value is a `{{ ... }}` without quotes around it.
#: (A quoted value is passed over whole: `content="0; url={{ x }}"` is quoted.)
_UNQUOTED_VALUE = re.compile(
    r"\"[^\"]*\"|'[^']*'|(?:^|(?<=\s))([A-Za-z_:@][\w:.-]*)\s*=\s*(\{\{.*?\}\})", re.DOTALL
)


#: A tag's quoted attribute values, and Jinja's statements and comments (`{% if %}` in a tag
#: writes markup of the template's own), passed over when looking for a value in a tag.
_QUOTED_OR_STATEMENT = re.compile(r"\"[^\"]*\"|'[^']*'|{%.*?%}|{#.*?#}", re.DOTALL)
#: A `{{ ... }}` in a start tag: `<h{{ top }}` (in the tag's name) is the group `name`.
_VALUE_IN_TAG = re.compile(r"(?P<name>^<[A-Za-z][\w:-]*)?\{\{(?P<expr>.*?)\}\}", re.DOTALL)
#: The values a template may write among a tag's attributes: curator's own markup of attributes.
_ATTRIBUTE_MARKUP = re.compile(r"^\s*lang_attributes\(")


#: A value written with one brace on its left (`{ entry.blurb_html }}`): Jinja reads no
#: expression there and publishes the text as it is. A name, fields, calls and filters between
#: the braces (CSS's `a { color: red }}` and JSON's `{"a": 1}}` are not such).
_ONE_BRACE = re.compile(
    r"(?<!\{)\{\s*[A-Za-z_][\w.]*(?:\([^{}()]*\))?(?:\s*\|\s*\w+(?:\([^{}()]*\))?)*\s*\}\}"
)


def refuse_one_brace(
    environment: jinja2.Environment, source: str, template: str, filename: str | None
) -> None:
    """Stop at a template whose text (outside Jinja's tags) holds `{ name }}`: a `{{` typed with
    one brace, which every article would publish as written (walk156 #4: `{ entry.blurb_html }}`
    in _issue_body.html). Raised as a TemplateSyntaxError, so it names file and line."""
    try:
        tokens = list(environment.lex(source, template, filename))
    except jinja2.TemplateSyntaxError:
        return  # the render says what is wrong
    _refuse_brace_after(tokens, source, template, filename)
    for lineno, kind, value in tokens:
        if kind != "data":
            continue
        found = _ONE_BRACE.search(value)
        if found is None:
            continue
        written = found.group()
        meant = "{{ " + written[1:-2].strip() + " }}"
        raise jinja2.TemplateSyntaxError(
            f"{written} has one brace on its left, so it is published as written, not as the"
            f" value: write {meant}",
            lineno + value.count("\n", 0, found.start()),
            template,
            filename or template,
        )


#: A `<style>` element, whose CSS may close a rule right after a value (`a { color: {{ c }}}`).
_STYLE_ELEMENT = re.compile(r"<style\b.*?</style\s*>", re.DOTALL | re.IGNORECASE)


def _style_lines(source: str, template: str) -> Callable[[int], bool]:
    """Whether a line of `source` is CSS: in a `<style>` element, or any line of a .css file."""
    if template.lower().endswith(".css"):
        return lambda line: True
    spans = [
        (source.count("\n", 0, m.start()) + 1, source.count("\n", 0, m.end()) + 1)
        for m in _STYLE_ELEMENT.finditer(source)
    ]
    return lambda line: any(start <= line <= end for start, end in spans)


def _refuse_brace_after(
    tokens: Sequence[tuple[int, str, str]], source: str, template: str, filename: str | None
) -> None:
    """Stop at a `}` typed right after the `}}` closing a value (`{{ entry.title }}}`), which
    every article would publish after the value (walk164 N8); in CSS (a `<style>`, a .css file,
    or after a `{` of the template's text still open: `a { color: {{ c }}}` in a block of a
    `<style>` of the template extended) it closes a rule, and is left alone."""
    is_css = _style_lines(source, template)
    opened = 0
    for (line, kind, value), (_, next_kind, after) in itertools.pairwise(tokens):
        if kind == "data":
            opened = max(0, opened + value.count("{") - value.count("}"))
        if kind != "variable_end" or next_kind != "data" or not after.startswith("}"):
            continue
        if opened or is_css(line):
            continue
        lines = source.split("\n")
        written = re.search(r"\{\{[^{}]*\}\}\}", lines[line - 1] if line <= len(lines) else "")
        shown = written.group() if written else "{{ ... }}}"
        raise jinja2.TemplateSyntaxError(
            f"{shown} has one brace too many on its right, so a }} is published after the value:"
            f" write {shown[:-1]}",
            line,
            template,
            filename or template,
        )


#: `{name}` or `{entry.title}` in a template's text: a value typed with one brace on each side,
#: filters and all (walk171 #4: `{theme|upper}` was published as written, unsaid).
_SINGLE_BRACES = re.compile(
    r"(?<![{$\w])\{\s*([A-Za-z_]\w*)((?:\.\w+)*)"
    r"((?:\s*\|\s*\w+(?:\([^{}()]*\))?)*)\s*\}(?!\})"
)
#: One filter of those `_SINGLE_BRACES` reads, with its arguments.
_FILTER_WRITTEN = re.compile(r"\|\s*(\w+(?:\([^{}()]*\))?)")


def single_brace_fields(folder: Path | None) -> tuple[str, ...]:
    """A warning per `{x}` in the text of an editor's template (outside CSS) where `x` is a
    variable curator gives templates (`{entry.title}`, `{theme}`): it is published as written,
    braces and all (walk164 N9: only "leave out the blurb" was said of `{entry.blurb}`)."""
    if folder is None or not folder.is_dir():
        return ()
    env = jinja2.Environment()
    names = set(TEMPLATE_NAMES) - set(jinja2.defaults.DEFAULT_NAMESPACE) - {"loop"}
    names |= {"entry", "section", "item", "words"}
    warnings = []
    for path, source in _templates_read(folder):
        try:
            tokens = list(env.lex(source, path.name))
        except jinja2.TemplateSyntaxError:
            continue  # the render says what is wrong with it
        is_css = _style_lines(source, path.name)
        for lineno, kind, value in tokens:
            if kind != "data":
                continue
            for found in _SINGLE_BRACES.finditer(value):
                line = lineno + value.count("\n", 0, found.start())
                if found.group(1) not in names or is_css(line):
                    continue
                value_of = " | ".join(
                    [found.group(1) + found.group(2), *_FILTER_WRITTEN.findall(found.group(3))]
                )
                warnings.append(
                    f"{path}:{line}: `{found.group()}` is published as written, braces and all;"
                    f" a field is written `{{{{ {value_of} }}}}`"
                )
    return tuple(warnings)


def _templates_read(folder: Path) -> list[tuple[Path, str]]:
    """The files of the editor's `folder` curator reads as templates, each with its text: those
    named as curator's templates, and the files they include, extend or import (not a
    `feeds.yaml` or notes beside them, whose `{number}` is no template's)."""
    known = {p.name for p in builtin_templates().iterdir() if p.is_file()}
    texts: dict[str, tuple[Path, str]] = {}
    todo = sorted(known)
    while todo:
        name = todo.pop()
        path = folder / name
        if name in texts or not path.is_file():
            continue
        try:
            texts[name] = (path, path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            continue  # the render says what is wrong with it
        todo += TEMPLATE_REFERENCE.findall(texts[name][1])
    return [texts[name] for name in sorted(texts)]


def _refuse_values_as_attributes(tag: re.Match[str], source: str, filename: str) -> None:
    """Stop at a `{{ ... }}` a start tag holds outside a quoted attribute value (`<a href="..."
    {{ entry.title }}>`): a feed's text there is attributes (walk156 #8: "x hidden", "x
    style=position:fixed;..." were published as attributes, and a title's word "Onboarding" was
    called an event handler)."""
    text = _QUOTED_OR_STATEMENT.sub(lambda m: "_" * len(m.group()), tag.group())
    for found in _VALUE_IN_TAG.finditer(text):
        expr = found.group("expr")
        if found.group("name") or _ATTRIBUTE_MARKUP.match(expr):
            continue
        before = text[: found.start()].rstrip()
        if before.endswith("="):  # `title={{ x }}`: `refuse_unquoted_values` says it
            continue
        value = "{{ " + " ".join(expr.split()) + " }}"
        line = source.count("\n", 0, tag.start() + found.start()) + 1
        raise jinja2.TemplateSyntaxError(
            f"{value} is written among the attributes of a tag, outside any quoted value: the"
            " text it shows (a feed's title, say) becomes attributes of the tag (hidden,"
            f' style=, onmouseover=); put it in a quoted value, title="{value}", or between'
            " the tags (for attributes of your own, write them with {% if %})",
            line,
            Path(filename).name,
            filename,
        )


#: A style attribute's quoted value holding a `{{ ... }}`.
_VALUE_IN_STYLE = re.compile(
    r"(?:^|(?<=\s))style\s*=\s*(?:\"[^\"]*?(\{\{.*?\}\})[^\"]*\"|'[^']*?(\{\{.*?\}\})[^']*')",
    re.DOTALL | re.IGNORECASE,
)


def _refuse_values_in_style(tag: re.Match[str], source: str, filename: str) -> None:
    """Stop at a `{{ ... }}` inside a tag's `style="..."`: escaping keeps a feed's text inside
    the quotes, not out of the CSS, so a feed title "x; position:fixed; inset:0; background:red"
    covered the page (walk164 N3, after walk156 #8 refused values among the attributes)."""
    found = _VALUE_IN_STYLE.search(tag.group())
    if found is None:
        return
    expr = found.group(1) or found.group(2)
    value = "{{ " + " ".join(expr[2:-2].split()) + " }}"
    line = source.count("\n", 0, tag.start() + found.start()) + 1
    raise jinja2.TemplateSyntaxError(
        f"{value} is written inside a style= value: what it shows (a feed's title, say) becomes"
        " CSS of the page (position:fixed, a background over everything); write the style"
        f" yourself, and {value} between the tags",
        line,
        Path(filename).name,
        filename,
    )


def refuse_unquoted_values(source: str, filename: str) -> None:
    """Stop at a template (HTML or XML) that gives an attribute a `{{ ... }}` value without quotes
    (`title={{ entry.title }}`): a space in the value ends it, and the rest of a feed's title
    becomes attributes of its own (walk125 #2: `x style=position:fixed;...` was published as a
    style attribute from the feed). Raised as a TemplateSyntaxError, so it names file and line."""
    if Path(filename).suffix.lower() not in {".html", ".htm", ".xml"}:
        return
    for tag in _START_TAG.finditer(source):
        _refuse_values_as_attributes(tag, source, filename)
        _refuse_values_in_style(tag, source, filename)
        for found in _UNQUOTED_VALUE.finditer(tag.group()):
            if found.group(1) is None:
                continue
            name, value = found.group(1), " ".join(found.group(2).split())
            line = source.count("\n", 0, tag.start() + found.start(1)) + 1
            raise jinja2.TemplateSyntaxError(
                f"{name}={value} is an attribute value without quotes: a space in what it shows"
                " ends the value, and the rest (a feed's title, say) becomes attributes of its"
                f' own (style=, onmouseover=); write {name}="{value}" (quoted)',
                line,
                Path(filename).name,
                filename,
            )


def own_words_source() -> str:
    return (builtin_templates() / WORDS).read_text(encoding="utf-8")


def word_names(env: jinja2.Environment, source: str) -> dict[str, int]:
    """The words a `_words.txt` defines (`set` and `macro`), with the line of each."""
    parsed = env.parse(source)
    names: dict[str, int] = {}
    for node in parsed.find_all(
        (jinja2.nodes.Assign, jinja2.nodes.AssignBlock, jinja2.nodes.Macro)
    ):
        if isinstance(node, jinja2.nodes.Macro):
            names.setdefault(node.name, node.lineno)
        elif isinstance(node, (jinja2.nodes.Assign, jinja2.nodes.AssignBlock)) and isinstance(
            node.target, jinja2.nodes.Name
        ):
            names.setdefault(node.target.name, node.lineno)
    return names


def own_word_names() -> tuple[str, ...]:
    """The words curator's own `_words.txt` defines (`set` and `macro`), in order."""
    return tuple(word_names(jinja2.Environment(), own_words_source()))


#: A template's name where another template includes, extends or imports it.
TEMPLATE_REFERENCE = re.compile(r"""{%-?\s*(?:include|extends|import|from)\s+["']([^"']+)["']""")


def searched_folders(env: jinja2.Environment) -> str:
    """Every folder `env` looks for a template in, in order."""
    searched = [
        getattr(loader, "searchpath", []) for loader in getattr(env.loader, "loaders", [env.loader])
    ]
    return ", ".join(p for paths in searched for p in paths)
