"""A mistake of an editor's template in the editor's words: the errors a render raises
(`OutputError`, `TemplateMistake`), and Jinja's errors (a syntax error, a name or field a template
is not given, a file not found or not UTF-8, a template that includes itself) said with the file,
the line, its likely cause and what to write (moved out of `curator.outputs`, which had grown past
2,500 lines)."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, TypeVar

import jinja2
import jinja2.meta

from curator.errors import EXIT_INPUT, CuratorError
from curator.templatecheck import (
    OWN_PREFIX,
    TEMPLATE_NAMES,
    WORDS,
    LoadCheckError,
    builtin_templates,
    own_word_names,
    searched_folders,
)
from curator.templatefields import (
    ARCHIVE_ITEM_FIELDS,
    KIND_SAID,
    field_hint,
    field_owner,
    view_field,
)


class OutputError(CuratorError):
    """An output could not be produced (unknown format, a template error); the message says which."""


class TemplateMistake(OutputError):
    """A template cannot be read or rendered (a mistake in what the editor wrote, so exit 2 as a
    mistake in feeds.yaml or a draft is); the message names the file and line."""

    exit_code: ClassVar[int] = EXIT_INPUT


#: What a render or a load gives (`in_editors_terms`).
_T = TypeVar("_T")


def in_editors_terms(env: jinja2.Environment, template: str, action: Callable[[], _T]) -> _T:
    """What `action` (a render or a load of `template`) gives; a mistake of the editor's template
    raised as a `TemplateMistake` saying it in the editor's words."""
    try:
        return action()
    except jinja2.TemplateNotFound as exc:
        if exc.name == template:
            raise
        # One the template includes, extends or imports (walk39 #3: it was taken for a file
        # the output folder could not write, as TemplateNotFound is an OSError).
        where = _where(exc, template)
        raise TemplateMistake(
            f'template {Path(where).name}: "{exc.name}" not found (searched:'
            f" {searched_folders(env)}); nothing was published: add the file to your templates"
            " folder, or correct the name"
        ) from None
    except UnicodeDecodeError as exc:
        raise TemplateMistake(_not_utf8(exc, template)) from None
    except RecursionError as exc:
        # `{% extends "issue.html" %}` in the editor's issue.html finds itself, again and again
        # (walk125 #3: a 62-line traceback)
        where = _looping(exc, template)
        name = Path(where.rsplit(":", 1)[0]).name
        raise TemplateMistake(
            f"template {where}: {name} extends or includes itself (your templates folder is"
            f' searched first, so "{name}" is this file), without end; nothing was published:'
            f' to build on curator\'s own, write {{% extends "{OWN_PREFIX}{name}" %}}'
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        # (Jinja's lexer gives its own errors, an unclosed `{#`, the file as their name: walk132 #6)
        raise TemplateMistake(
            f"template {exc.filename or exc.name or template}:{exc.lineno}:"
            f" {_syntax_message(exc, env)}"
        ) from None
    except jinja2.TemplateError as exc:
        where = _where(exc, template, past_words=True)
        also = "" if Path(where).name.startswith(f"{template}:") else f" (rendering {template})"
        raise TemplateMistake(f"template {where}: {_in_editors_words(exc, where)}{also}") from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError) as exc:
        # An expression of the editor's template that Python cannot do (`(entry.url|length) +
        # "a"`, `entry.title|xmlattr`): a traceback and exit 1 (walk135 N5), where every other
        # template mistake is one line and exit 2. Only when the failing line is the editor's
        # own template: one of curator's failing so is curator's bug, raised as it is.
        at = _editors_frame(exc)
        if at is None:
            raise
        raise TemplateMistake(
            f"template {at}: {type(exc).__name__}: {exc} (rendering {template}); nothing was"
            " published: correct the expression on that line"
        ) from None


def _editors_frame(exc: BaseException) -> str | None:
    """`file:line` of the innermost template frame of `exc`'s traceback when that template is the
    editor's own (not curator's built-in one); None otherwise."""
    found: str | None = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and Path(filename).is_file():
            found = None if Path(filename).parent == builtin_templates() else filename
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"{found}:{line}" if found is not None else None


def _looping(exc: RecursionError, template: str) -> str:
    """`file:line` of the template that extends, includes or imports itself: the file most frames
    of the recursion are in, at its line naming itself (walk132 #4: a full copy of issue.html with
    `{% extends "issue.html" %}` put on line 1 was blamed on the innermost frame, curator's own
    _issue_body.html:4)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and Path(filename).is_file():
            frames.append(filename)
        tb = tb.tb_next
    if not frames:
        return _where(exc, template)
    counts = Counter(frames)
    looping = max(counts, key=lambda f: (counts[f], Path(f).parent != builtin_templates()))
    source = text_or_nothing(Path(looping))
    for found in _REFERENCE_AT.finditer(source):
        if found.group(1) == Path(looping).name:
            return f"{looping}:{source.count(chr(10), 0, found.start()) + 1}"
    return _where(exc, template)


#: A template's reference to another (`{% extends "issue.html" %}`), by where it is.
_REFERENCE_AT = re.compile(r"""{%[-+]?\s*(?:include|extends|import|from)\s+["']([^"']+)["']""")


#: Jinja's words for a field a value has not: "'curator.views.EntryView object' has no attribute
#: 'credt'", "'None' has no attribute 'host'".
_NO_ATTRIBUTE = re.compile(r"^'(?:(?:[\w.]+\.)?(\w+) object|(None))' has no attribute '([^']*)'$")
#: The views a template sees, by the kind curator's templates name them.
_VIEWS = {"EntryView": "entry", "SectionView": "section"}
#: A value with no fields of its own, by the type Jinja names, in the editor's words (walk138
#: NEW-2: `{% with t = entry.title %}{{ t.titel }}` was "'curator.render.Text object' has no
#: attribute 'titel'").
_VALUES_SAID = {
    "Text": "text",
    "str": "text",
    "Markup": "HTML text",
    "TextBytes": "bytes of text",
    "bytes": "bytes of text",
    "tuple": "a list",
    "list": "a list",
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "datetime": "a date",
    "date": "a date",
    "None": "empty (None)",
}


#: Jinja's words for a name a template is not given: "'edtior' is undefined".
_UNDEFINED = re.compile(r"^'(\w+)' is undefined$")


def _in_editors_words(exc: jinja2.TemplateError, where: str = "") -> str:
    """A rendering error in the editor's words: a field an entry, section or archive item has not
    is named with the one meant (walk125 #4: "'curator.render.EntryView object' has no attribute
    'credt'"; walk132 #8: the archive's "'dict object' has no attribute 'titel'"), by the name
    the line gives it (walk138 NEW-2: `e` of `{% with e = entry %}`, a macro's parameter); a
    field asked of text, a number or a list says what the value is; and `words` undefined says
    the import line to add (walk132 #8: a copy of email.html without it)."""
    message = exc.message or str(exc)
    if message == f"'{_WORDS_AS}' is undefined":
        return (
            f'{message}: add the line {{% import "{WORDS}" as {_WORDS_AS} %}} as the'
            " template's first line, as curator's own templates have it"
        )
    undefined = _UNDEFINED.match(message)
    if undefined is not None:
        # walk146 #5: `{{ edtior }}` was "'edtior' is undefined", where a field gets a did-you-mean
        close = [field] if (field := view_field(undefined.group(1))) else []
        close = close or difflib.get_close_matches(undefined.group(1), TEMPLATE_NAMES, n=1)
        if close:
            return f"{message}: did you mean '{close[0]}'?"
        # a word of _words.txt (walk156 #14: `month[...]` in its `date` macro, for `months`)
        words = difflib.get_close_matches(undefined.group(1), list(own_word_names()), n=1)
        if not words:
            return message
        # (the innermost place `where` names: "issue.txt:3", "_issue_body.html:12 (in
        # _words.txt:31)")
        places = re.findall(r"([^\s()]+):\d+", where)
        in_words = bool(places) and places[-1].endswith(WORDS)
        meant = words[0] if in_words else f"{_WORDS_AS}.{words[0]}"
        return f"{message}: did you mean '{meant}'?"
    found = _NO_ATTRIBUTE.match(message)
    if found is None:
        return message
    of, wrong = found.group(1) or found.group(2), found.group(3)
    if of == "TemplateModule":
        # walk156 #14: `words.edited_bye` was "'jinja2.environment.TemplateModule object' has
        # no attribute 'edited_bye'"
        close = difflib.get_close_matches(wrong, list(own_word_names()), n=1)
        meant = f": did you mean '{close[0]}'?" if close else " (docs/templates.md lists its words)"
        return f"{WORDS} defines no '{wrong}'{meant}"
    # the name the line writes before the field: `e` of `e.titel`, `x` of `x["titel"]`
    shown = re.search(
        rf"""([\w.]+)(?:\.{re.escape(wrong)}\b|\[\s*["']{re.escape(wrong)}["']\s*\])""",
        _line_at(where),
    )
    name = shown.group(1) if shown is not None else ""
    if of == "dict":
        # the archive's items (index.html, feed.xml) are dicts
        if name and re.search(rf"for\s+{re.escape(name)}\s+in\s+archive\b", _file_at(where)):
            return f"{field_owner(name, 'item')} has no field '{wrong}'{field_hint('item', wrong)}"
        close = difflib.get_close_matches(wrong, ARCHIVE_ITEM_FIELDS, n=1)
        meant = f": did you mean '{close[0]}'?" if close else ""
        return f"{name or 'a value here'} has no field '{wrong}'{meant}"
    if of in _VIEWS:
        kind = _VIEWS[of]
        owner = field_owner(name, kind) if name.isidentifier() else KIND_SAID[kind]
        return f"{owner} has no field '{wrong}'{field_hint(kind, wrong)}"
    if of in _VALUES_SAID:
        return (
            f"{name or 'the value before it'} is {_VALUES_SAID[of]}, which has no field"
            f" '{wrong}' (an article, a section and an issue of the archive have fields:"
            " docs/templates.md lists them)"
        )
    return message


#: Block tags, each closed by its `end...` tag (`set` only as a block: `{% set x %}...`).
_BLOCK_TAGS = (
    "for",
    "if",
    "macro",
    "call",
    "filter",
    "block",
    "with",
    "raw",
    "autoescape",
    "trans",
)
_TAG = re.compile(r"{%[-+]?\s*(\w+)(.*?)[-+]?%}", re.DOTALL)


#: The name curator's templates import `_words.txt` as.
_WORDS_AS = "words"
#: Jinja's words for a filter it does not know: "No filter named 'titel' found."
_NO_FILTER = re.compile(r"^No filter named '([^']*)'(?: found)?\.?$")


def _line_at(where: str) -> str:
    """The text of the template line `where` (`file:line`) names, or ""."""
    path, _, line = where.partition(" ")[0].rpartition(":")
    lines = text_or_nothing(Path(path)).split("\n") if path and line.isdigit() else []
    return lines[int(line) - 1] if 0 < int(line or 0) <= len(lines) else ""


def _file_at(where: str) -> str:
    """The text of the template file `where` (`file:line`) names, or ""."""
    path = where.partition(" ")[0].rpartition(":")[0]
    return text_or_nothing(Path(path)) if path else ""


def _syntax_message(exc: jinja2.TemplateSyntaxError, env: jinja2.Environment) -> str:
    """A template's syntax mistake in the editor's words, with where its cause likely is and what
    to write (walk132 #6, #8: an unclosed `{#` was "Missing end of comment tag", a filter typed
    wrong "No filter named 'titel' found.", neither saying what to do)."""
    message = exc.message or ""
    if isinstance(exc, LoadCheckError):
        return message
    if message == "Missing end of comment tag":
        return f"a {{# comment opened on line {exc.lineno} is never closed: close it with #}}"
    if message == "Missing end of raw directive":
        return (
            f"the {{% raw %}} opened on line {exc.lineno} is never closed: add its {{% endraw %}}"
        )
    unknown = _NO_FILTER.match(message)
    if unknown is not None:
        close = difflib.get_close_matches(unknown.group(1), sorted(env.filters), n=1)
        meant = f": did you mean '{close[0]}'?" if close else " (docs/templates.md lists curator's)"
        return f"no filter named '{unknown.group(1)}'{meant}"
    return f"{message.rstrip('.')}{_syntax_hint(exc)}"


def _syntax_hint(exc: jinja2.TemplateSyntaxError) -> str:
    """Where a syntax error's cause likely is, when Jinja names a later line (walk125 #4): a tag
    left without its `%}` on the line before, or the block left unclosed at the end of the file."""
    source = exc.source
    if source is None and exc.filename:
        source = text_or_nothing(Path(exc.filename))
    if not source:
        return ""
    # (a comment's text is none of the template's tags: walk171 #2 was sent to a quote in the
    # comment at the top of _words.txt)
    lines = _without_comments(source).split("\n")
    here = lines[exc.lineno - 1] if 1 <= exc.lineno <= len(lines) else ""
    if exc.message == "unexpected '}'" and here.count("{{") > here.count("}}"):
        # walk156 #14: `{{ entry.title }</a>` was "unexpected '}'"
        return "; an expression opened here with {{ may lack its }} (write }} to close it)"
    if hint := _brace_hint(here) or _ended_text_hint(here, exc.message or "", exc.lineno):
        return hint
    before = lines[exc.lineno - 2] if 2 <= exc.lineno <= len(lines) + 1 else ""
    if before.count("{%") > before.count("%}"):
        return f"; a tag opened on line {exc.lineno - 1} may lack its %}}"
    # walk156 #14: `{%- set all_issues = "All issues -%}` in _words.txt was said at the next
    # line ("expected token 'end of statement block', got 'Every'"): a string runs on past it;
    # walk164 N2: one opened with ' ran on to the next apostrophe, five lines on, unsaid
    run_on = _string_run_on(source, exc.lineno)
    if run_on is not None:
        line, quote = run_on
        return (
            f"; a quote opened on line {line} may not be closed: end the text there with"
            f" {quote} (as written, it runs on to the next {quote}, on line {exc.lineno})"
        )
    for n in range(exc.lineno - 1, max(0, exc.lineno - 4), -1):
        # (the quotes inside its tags, to their end or the line's: walk179 #4 was sent to the
        # balanced quotes of `lang="{{ lang }}"{% if dir == "rtl" %} dir="rtl"`, HTML's own)
        tags = "".join(_TAG_BODY.findall(lines[n - 1] if n <= len(lines) else ""))
        if tags.count('"') % 2 or tags.count("'") % 2:
            return f"; a quote opened on line {n} may not be closed"
    # (an `{% end... %}` of another block met while a block in it is open: walk132 #7 gave
    # curator's templates blocks, so a removed `{% endfor %}` is met at an `{% endblock %}`)
    if not exc.message or not exc.message.startswith(
        ("Unexpected end of template", "Encountered unknown tag 'end")
    ):
        return ""
    # Each block with the indent of its line when it opens it alone; an `end` tag alone on its
    # line closes the open block of its indent, as the editor's layout says, and any opened in it
    # since were left unclosed.
    opened: list[tuple[str, int, str | None]] = []
    unclosed: tuple[str, int, str | None] | None = None
    for tag in _TAG.finditer(source):
        name, rest = tag.group(1), tag.group(2)
        start = source.rfind("\n", 0, tag.start()) + 1
        line = source.count("\n", 0, tag.start()) + 1
        ahead = source[start : tag.start()]
        indent = ahead if not ahead.strip() else None
        if name in _BLOCK_TAGS or (name == "set" and "=" not in rest):
            opened.append((name, line, indent))
        elif (
            name.startswith("end")
            and line == exc.lineno
            and all(n != name[3:] for n, _, _ in opened)
        ):
            # walk184 #5: a stray `{% endif %}` was said as a `{% for %}` left open
            return (
                f"; an {{% {name} %}} with no {{% {name[3:]} %}} open: remove it (or add the"
                f" {{% {name[3:]} %}} it was to close)"
            )
        elif name.startswith("end") and opened:
            same = [
                i
                for i, (n, _, k) in enumerate(opened)
                if n == name[3:] and indent is not None and k == indent
            ]
            at = same[-1] if same else len(opened) - 1
            if at < len(opened) - 1 and unclosed is None:
                unclosed = opened[at + 1]
            del opened[at:]
    if unclosed is None and not opened:
        return ""
    name, line, _ = unclosed or opened[-1]
    return f"; the {{% {name} %}} opened on line {line} is never closed: add its {{% end{name} %}}"


#: What is inside a tag or a value (`{% ... %}`, `{{ ... }}`), to its end or the line's.
_TAG_BODY = re.compile(r"{[{%](.*?)(?:[-+]?[%}]}|$)")


def _without_comments(source: str) -> str:
    """`source` with the text of its `{# ... #}` comments blanked, its lines kept."""
    return re.sub(r"{#.*?#}", lambda m: re.sub(r"[^\n]", " ", m.group()), source, flags=re.DOTALL)


#: A value written with three braces on its left (`{{{ title }}}`, as in Handlebars): Jinja
#: reads the third as a dict's, and said only "expected token ':', got '}'" (walk171 #4).
_TRIPLE_BRACES = re.compile(r"\{\{\{\s*([^{}]*?)\s*\}\}(\}?)")


def _brace_hint(here: str) -> str:
    """What to write for a `{{{ value }}}` on the line of a syntax error, or ""."""
    found = _TRIPLE_BRACES.search(here)
    if found is None:
        return ""
    side = "on each side" if found.group(2) else "on its left"
    return (
        f"; {found.group()} has one brace too many {side} (Jinja reads a third {{ as the start"
        f" of a dict): write {{{{ {found.group(1)} }}}}"
    )


#: Jinja's words when a text in quotes ended before the editor meant: the word after its quote
#: is met where the tag should go on (`'L'archive'`: "expected token 'end of statement block',
#: got 'archive'").
_GOT_WORD = re.compile(r"^expected token '[^']*', got '(\w+)'$")


def _ended_text_hint(here: str, message: str, lineno: int) -> str:
    """Where a text in quotes ended early, at a quote it holds (an apostrophe: `'L'archive'`,
    walk171 #2, likely in a French or Italian `_words.txt`), and how to write it; or ""."""
    got = _GOT_WORD.match(message)
    if got is None:
        return ""
    found = re.search(rf"""(['"])((?:(?!\1).)*)\1{re.escape(got.group(1))}(?!\w)""", here)
    if found is None:
        return ""
    quote, text = found.group(1), found.group(2)
    other = '"' if quote == "'" else "'"
    mark = "apostrophe" if quote == "'" else "quote"
    said = (
        f"; the text {quote}{text}{quote} ends on line {lineno} at the {mark} before"
        f" {got.group(1)} (a text in {quote} quotes ends at its next {quote})"
    )
    # (to the tag's last quote of its kind: the text meant, `'l'archive d'aujourd'hui'`)
    rest = re.split(r"[-+]?%}|[-+]?}}", here[found.end() :], maxsplit=1)[0]
    if quote not in rest:
        return (
            f"{said}: write the text in {other} quotes, or put a \\ before the {mark} (\\{quote})"
        )
    whole = f"{text}{quote}{got.group(1)}{rest[: rest.rindex(quote)]}"
    escaped = quote + whole.replace(quote, "\\" + quote) + quote
    if other in whole:
        return f"{said}: write {escaped}, a \\ before each {mark} the text holds"
    return f"{said}: write {other}{whole}{other} ({other} quotes around it), or {escaped}"


#: The lexer reading a template as curator's environments do (their syntax is Jinja's default).
_LEXER_ENV = jinja2.Environment()


def _string_run_on(source: str, lineno: int) -> tuple[int, str] | None:
    """The line and quote of a string in a tag that starts on an earlier line and ends on line
    `lineno`, where a syntax error was met: a quote left open, whose string ran on across lines
    to the next quote of its kind (`'All issues -%}` in _words.txt to the `'` of "issue's")."""
    found = None
    try:
        for line, kind, value in _LEXER_ENV.lex(source):
            if line > lineno:
                break
            if kind == "string" and "\n" in value and line + value.count("\n") == lineno:
                found = (line, value[0])
    except jinja2.TemplateSyntaxError:
        pass  # (past the mistake: what was read before it is kept)
    return found


def _not_utf8(exc: UnicodeDecodeError, template: str) -> str:
    """Which template file is not UTF-8 (the loader's frame names it), where (line and column),
    and the fix for the encoding it was likely saved in (walk39 #4: a template saved in Latin-1
    stopped the build with a raw traceback; walk125 #5: the advice `iconv -f latin1`, followed
    for a Windows-1252 or a UTF-16 file, published garbage)."""
    path = template
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_locals.get("filename")
        if tb.tb_frame.f_code.co_name == "get_source" and isinstance(filename, str):
            path = filename
        tb = tb.tb_next
    data = bytes(exc.object)
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return (
        f"template {path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}, column"
        f" {column}); nothing was published: {_encoding_fix(data)}, then run again"
    )


def _encoding_fix(data: bytes) -> str:
    """How to save a template's bytes as UTF-8, by the encoding they were likely saved in: a BOM
    says UTF-16; bytes 0x80-0x9F are Windows-1252's quotes and dashes (Latin-1's are controls)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return (
            f"it is UTF-16 (it starts with the bytes {data[0]:02X} {data[1]:02X}): save the file as"
            " UTF-8 (e.g. iconv -f utf-16 -t utf-8)"
        )
    if any(0x80 <= b <= 0x9F for b in data):
        return (
            "it looks saved as Windows-1252: save the file as UTF-8 in your editor"
            " (e.g. iconv -f cp1252 -t utf-8)"
        )
    return "save the file as UTF-8 in your editor (e.g. iconv -f latin1 -t utf-8)"


def _where(exc: BaseException, template: str, *, past_words: bool = False) -> str:
    """`file:line` of the template line that failed: the innermost template frame of the traceback
    (Jinja2 gives template code its file and line), so a mistake in an included template names that
    template, not the one that included it.

    With `past_words`, a failure inside a word of `_words.txt` names the line that called it, the
    word's line after it (walk125 #4: `words.issue_number(numbr)` in _issue_body.html was said to
    be "_words.txt:25: 'numbr' is undefined")."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and Path(filename).is_file():
            frames.append(f"{filename}:{tb.tb_lineno}")
        tb = tb.tb_next
    if not frames:
        return template
    inner = frames[-1]
    if past_words and Path(inner.rsplit(":", 1)[0]).name == WORDS:
        callers = [f for f in frames if Path(f.rsplit(":", 1)[0]).name != WORDS]
        if callers:
            return f"{callers[-1]} (in {WORDS}:{inner.rsplit(':', 1)[1]})"
    return inner


def text_or_nothing(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
