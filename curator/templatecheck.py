"""An editor's templates checked as they are loaded, on every line whether or not an issue reaches
it: filters, fields and names curator has not, values in one brace or among a tag's attributes,
blocks no template fills, mangled text (moved out of `curator.render`, which had grown past 2,200
lines); the loader that runs the checks, and curator's own templates and words."""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from datetime import datetime
from pathlib import Path

import jinja2
import jinja2.compiler
import jinja2.meta
import jinja2.nodes
import jinja2.runtime
from markupsafe import Markup

from curator.views import EntryView, SectionView


def builtin_templates() -> Path:
    """curator's own templates: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


#: The template of the fixed words every edition shares ("Issue 4", "edited by", the date).
WORDS = "_words.txt"
#: curator's own `_words.txt`, under a name the editor's folder cannot shadow: an editor's copy
#: lacking a word takes curator's (`WordsLoader`).
_OWN_WORDS = "curator:_words.txt"
#: The prefix naming curator's own templates, past an editor's of the same name.
OWN_PREFIX = "curator/"


class LoadCheckError(jinja2.TemplateSyntaxError):
    """A mistake the load check finds on a line of an editor's template whether or not an issue
    reaches it (a filter, a field, a name): said as it is, with no guess at a syntax error's
    cause (`templateerrors._syntax_hint`)."""


#: The filters curator.editions gives every environment it renders with (`install_filters`),
#: known to the load check before they are installed.
OUTPUT_FILTERS = ("md_text", "md_url", "md_intro", "yaml", "isolated")


def _refuse_unknown_filters(
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


class WordsLoader(jinja2.ChoiceLoader):
    """The editor's templates, then curator's; an editor's `_words.txt` lacking one of curator's
    words gets curator's for it (`missing_words` warns), so that the archive page of a copy made
    before `atom_feed` existed still renders (walk55 #2: it stopped, naming curator's index.html)."""

    # ChoiceLoader's own `load` asks its loaders directly, past `get_source`.
    load = jinja2.BaseLoader.load

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template == _OWN_WORDS:
            return self.loaders[-1].get_source(environment, WORDS)
        if template.startswith(OWN_PREFIX):
            # curator's own template under its own name, for an editor's template of the same
            # name to build on (`{% extends "curator/issue.html" %}`, walk125 #3)
            return self.loaders[-1].get_source(environment, template[len(OWN_PREFIX) :])
        source, filename, uptodate = super().get_source(environment, template)
        _refuse_mangled(source, template, filename)
        _refuse_one_brace(environment, source, template, filename)
        refuse_unquoted_values(source, filename or template)
        if filename is not None and Path(filename).parent != builtin_templates():
            self._refuse_unknown_blocks(environment, source, template, filename)
            _refuse_unknown_filters(environment, source, template, filename)
            _refuse_unknown_fields(environment, source, template, filename)
            self._refuse_unknown_names(environment, source, template, filename)
        if template != WORDS or filename is None or Path(filename).parent == builtin_templates():
            return source, filename, uptodate
        # After the editor's lines, so that an error still names their line.
        fallback = "".join(
            f"{{%- if {name} is not defined %}}{{% set {name} = _curator_words.{name} %}}"
            "{% endif -%}"
            for name in word_names(environment, own_words_source())
        )
        joined = f'{source}\n{{%- import "{_OWN_WORDS}" as _curator_words -%}}{fallback}'
        return joined, filename, uptodate

    def _refuse_unknown_names(
        self, environment: jinja2.Environment, source: str, template: str, filename: str
    ) -> None:
        """Stop at an editor's template that names a variable curator gives no template, a word
        `_words.txt` does not define, or a template to include that is in no folder searched,
        on any line, whether or not an issue reaches it (walk156 #12: `{{ them }}` for `theme` in
        an `{% if theme %}` passed `render 1` and stopped the first themed build weeks later).
        Raised as a TemplateSyntaxError: it names file and line, with the one meant."""
        try:
            ast = environment.parse(source, template, filename)
            unknown = jinja2.meta.find_undeclared_variables(ast)
        except jinja2.TemplateError:
            return  # the render says what is wrong (a filter not installed yet: it checks it)
        known = {*TEMPLATE_NAMES, *environment.globals, *_BLOCK_NAMES}
        words = set(own_word_names())
        if template != WORDS:
            with suppress(jinja2.TemplateError, OSError, UnicodeDecodeError):
                words |= set(word_names(environment, self._source_of(environment, WORDS)[0]))
        else:
            known |= words
        # (a name the template binds anywhere: a macro defined at its top and called in a block,
        # a name set in one block and used in another, an import)
        known |= {n.name for n in ast.find_all(jinja2.nodes.Name) if n.ctx in ("store", "param")}
        known |= {m.name for m in ast.find_all(jinja2.nodes.Macro)}
        known |= {i.target for i in ast.find_all(jinja2.nodes.Import)}
        for imported in ast.find_all(jinja2.nodes.FromImport):
            known |= {n if isinstance(n, str) else n[-1] for n in imported.names}
        said = Path(filename).name
        candidates = sorted({*TEMPLATE_NAMES, *environment.globals})
        for name in ast.find_all(jinja2.nodes.Name):
            if name.ctx != "load" or name.name not in unknown or name.name in known:
                continue
            # (as a render that reaches the line says it: `templateerrors._in_editors_words`); a
            # function of the environment's too (walk171 #4: `lang_atributes('en')`)
            close = [field] if (field := view_field(name.name)) else []
            close = close or difflib.get_close_matches(name.name, candidates, n=1)
            word = difflib.get_close_matches(name.name, sorted(words), n=1)
            meant = (
                f": did you mean '{close[0]}'?"
                if close
                else f": did you mean '{word[0] if template == WORDS else 'words.' + word[0]}'?"
                if word
                else ""
            )
            # (no guess at a syntax error's cause: walk179 #4 was told of a quote not open)
            raise LoadCheckError(f"'{name.name}' is undefined{meant}", name.lineno, said, filename)
        # (`words`, as curator's templates import it, which a template extending one uses)
        aliases = {"words"} | {
            node.target
            for node in ast.find_all(jinja2.nodes.Import)
            if isinstance(node.template, jinja2.nodes.Const) and node.template.value == WORDS
        }
        for got in ast.find_all(jinja2.nodes.Getattr):
            if (
                isinstance(got.node, jinja2.nodes.Name)
                and got.node.name in aliases
                and got.ctx == "load"
                and got.attr not in words
            ):
                close = difflib.get_close_matches(got.attr, sorted(words), n=1)
                meant = f": did you mean '{close[0]}'?" if close else ""
                raise jinja2.TemplateSyntaxError(
                    f"{WORDS} defines no '{got.attr}'{meant} (every line of a template is checked"
                    " when it is loaded, whether or not an issue reaches it)",
                    got.lineno,
                    said,
                    filename,
                )
        for node in ast.find_all((jinja2.nodes.Include, jinja2.nodes.Import)):
            if not isinstance(node, (jinja2.nodes.Include, jinja2.nodes.Import)):
                continue
            if not isinstance(node.template, jinja2.nodes.Const) or getattr(
                node, "ignore_missing", False
            ):
                continue
            wanted = str(node.template.value)
            try:
                self._source_of(environment, wanted)
            except jinja2.TemplateNotFound:
                # (as a render that reaches the line says it: `templateerrors._in_editors_terms`)
                raise jinja2.TemplateSyntaxError(
                    f'"{wanted}" not found (searched: {searched_folders(environment)}); nothing'
                    " was published: add the file to your templates folder, or correct the name"
                    " (every line of a template is checked when it is loaded, whether or not an"
                    " issue reaches it)",
                    node.lineno,
                    said,
                    filename,
                ) from None
            except (jinja2.TemplateError, OSError, UnicodeDecodeError):
                continue  # the render says what is wrong with it

    def _source_of(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None]:
        """A template's text and file as `get_source` finds them, unchecked."""
        if template.startswith(OWN_PREFIX):
            template = template[len(OWN_PREFIX) :]
            source, filename, _ = self.loaders[-1].get_source(environment, template)
        else:
            source, filename, _ = super().get_source(environment, template)
        return source, filename

    def _blocks_of(
        self, environment: jinja2.Environment, template: str, seen: set[str]
    ) -> dict[str, str]:
        """The blocks a template extending `template` can fill (its own and those of the templates
        it extends), each with the template defining it; {} when one cannot be read or parsed (the
        render says why)."""
        try:
            source, filename = self._source_of(environment, template)
            if filename in seen:  # extends itself: `_render` says so
                return {}
            seen.add(filename or template)
            ast = environment.parse(source, template, filename)
        except (jinja2.TemplateError, OSError, UnicodeDecodeError):
            return {}
        blocks: dict[str, str] = {}
        for parent in ast.find_all(jinja2.nodes.Extends):
            if isinstance(parent.template, jinja2.nodes.Const):
                blocks.update(self._blocks_of(environment, str(parent.template.value), seen))
        blocks.update({b.name: template for b in ast.find_all(jinja2.nodes.Block)})
        return blocks

    def _included_blocks(self, environment: jinja2.Environment, template: str) -> dict[str, str]:
        """The blocks of the templates `template` includes (not fillable from a template extending
        it: Jinja renders an included template's blocks as they are), each with its template."""
        try:
            ast = environment.parse(*self._source_of(environment, template))
        except (jinja2.TemplateError, OSError, UnicodeDecodeError):
            return {}
        found: dict[str, str] = {}
        for include in ast.find_all(jinja2.nodes.Include):
            if isinstance(include.template, jinja2.nodes.Const):
                name = str(include.template.value)
                found.update({b: name for b in self._blocks_of(environment, name, set())})
        return found

    def _refuse_unknown_blocks(
        self, environment: jinja2.Environment, source: str, template: str, filename: str
    ) -> None:
        """Stop at an editor's template that extends another and fills a block the other does not
        define: Jinja drops what it holds without a word (walk132 #7: `{% block sponsor %}` in a
        template extending curator/issue.html rendered, exit 0, with no sponsor line). Raised as
        a TemplateSyntaxError, so it names file and line, with the blocks there are."""
        try:
            ast = environment.parse(source, template, filename)
        except jinja2.TemplateSyntaxError:
            return  # the render says what is wrong
        parents = [
            str(e.template.value)
            for e in ast.find_all(jinja2.nodes.Extends)
            if isinstance(e.template, jinja2.nodes.Const)
        ]
        if not parents:
            return
        parent = parents[0]
        try:
            if self._source_of(environment, parent)[1] == filename:
                return  # it extends itself: `_render` says so, at its line
        except (jinja2.TemplateError, OSError, UnicodeDecodeError):
            return  # not found, or unreadable: the render says so
        blocks = self._blocks_of(environment, parent, {filename})
        every = list(ast.find_all(jinja2.nodes.Block))
        inner = {id(n) for b in every for n in b.find_all(jinja2.nodes.Block)}
        for block in every:
            if id(block) in inner or block.name in blocks:
                continue
            named = parent.removeprefix(OWN_PREFIX)
            there = ", ".join(blocks) if blocks else "none"
            close = difflib.get_close_matches(block.name, list(blocks), n=1)
            meant = f"did you mean {{% block {close[0]} %}}? " if close else ""
            included = self._included_blocks(environment, parent).get(block.name)
            elsewhere = (
                f"; {block.name} is a block of {included}, which {named} includes: fill it in"
                f" your own {included}, starting with"
                f' {{% extends "{OWN_PREFIX}{included}" %}}'
                if included
                else ""
            )
            raise jinja2.TemplateSyntaxError(
                f"{{% block {block.name} %}} is not a block of {named}, so nothing in it would be"
                f" published; {meant}{named}'s blocks: {there} (docs/templates.md says what each"
                f" holds; {{{{ super() }}}} in yours keeps curator's part){elsewhere}",
                block.lineno,
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
#: Names a template of the editor's may use besides: those curator's templates give the blocks
#: an editor's template fills (`entry`, `section`, `item`, `top`), the `_words.txt` import, and
#: Jinja's own inside blocks and macros.
_BLOCK_NAMES: tuple[str, ...] = ("entry", "section", "item", "top", "words", "super", "self")
_BLOCK_NAMES += ("caller", "varargs", "kwargs")


#: What an issue of the archive (`item` in index.html and feed.xml) has, as
#: `editions.archive_context` makes it.
ARCHIVE_ITEM_FIELDS = (
    "number",
    "title",
    "date",
    "date_text",
    "date_rfc3339",
    "updated_rfc3339",
    "subjects",
    "theme",
    "theme_subjects",
    "fragment_html",
    "href",
    "link",
    "entry_id",
)


def _view_fields() -> dict[str, tuple[str, ...]]:
    """The fields of the objects curator gives templates, by kind: an entry, a section, an issue
    of the archive (`item` in `{% for item in archive %}`)."""
    return {
        "entry": tuple(f.name for f in dataclasses.fields(EntryView)),
        "section": tuple(f.name for f in dataclasses.fields(SectionView)),
        "item": ARCHIVE_ITEM_FIELDS,
    }


def view_field(name: str) -> str | None:
    """`entry.X` (else `section.X`, `item.X`) for a name written alone that is a field of an
    article (a section, an issue of the archive): walk179 #4, `{{ credit_html }}` was offered
    'closing_html'."""
    found = (f"{kind}.{name}" for kind, fields in _view_fields().items() if name in fields)
    return next(found, None)


#: Each of curator's objects in an editor's words, beside a name a template gave it
#: (`{% with e = entry %}`: "e (an article) has no field 'titel'").
KIND_SAID = {"entry": "an article", "section": "a section", "item": "an issue of the archive"}
#: The values curator gives templates that have no fields of their own, by kind, in the editor's
#: words, with what they do have (a string's methods: `theme.upper()`).
VALUE_SAID = {"text": "text", "html": "HTML text", "number": "a number", "date": "a date"}
_VALUE_ATTRIBUTES = {
    "text": tuple(a for a in dir(str) if not a.startswith("_")),
    "html": tuple(a for a in dir(Markup) if not a.startswith("_")),
    "number": tuple(a for a in {*dir(int), *dir(float)} if not a.startswith("_")),
    # (an issue's `date` is a Python datetime: `date.year`, `date.strftime('%Y')`)
    "date": tuple(sorted(a for a in dir(datetime) if not a.startswith("_"))),
}
#: What a list curator gives a template has besides its items: a list's methods, no field
#: (walk171 #4: `{{ sections.titel }}` passed the load check, and stopped the render that
#: reached it, "sections is a list, which has no field 'titel'").
_LIST_ATTRIBUTES = tuple(sorted(a for a in {*dir(list), *dir(tuple)} if not a.startswith("_")))
#: What a template sees before it binds a name itself: `entry` and `section` are curator's
#: outside any loop too (a template included in a loop); `sections` and `archive` are lists;
#: the issue's texts, numbers and date (walk164 N1: `{{ theme.colour }}` in an `{% if theme %}`
#: passed every build of no theme, and stopped the first themed one; walk171 #4: `date.yeer`).
_KNOWN_NAMES = {
    "entry": "entry",
    "section": "section",
    "sections": "section[]",
    "archive": "item[]",
    **dict.fromkeys(("title", "date_text", "editor", "theme", "slug", "feed_id"), "text"),
    **dict.fromkeys(("introduction_text", "introduction_plain"), "text"),
    **dict.fromkeys(("closing_text", "closing_plain"), "text"),
    **dict.fromkeys(("introduction_html", "closing_html"), "html"),
    **dict.fromkeys(("number", "article_count"), "number"),
    **dict.fromkeys(("theme_subjects", "subjects"), "text[]"),
    "date": "date",
    "updated": "text",
}
#: The kind of each field of curator's objects that is a value (`entry.title.titel`: text).
_FIELD_KINDS = {
    "entry": {
        **dict.fromkeys(("title", "author", "publication", "credit", "blurb"), "text"),
        **dict.fromkeys(("blurb_html", "credit_html"), "html"),
        "score": "number",
        "matched": "text[]",
    },
    "section": {**dict.fromkeys(("subject", "description", "slug"), "text")},
    "item": {
        **dict.fromkeys(("title", "date_text", "theme", "href", "link", "entry_id"), "text"),
        **dict.fromkeys(("date_rfc3339", "updated_rfc3339"), "text"),
        "number": "number",
        "date": "date",
        **dict.fromkeys(("subjects", "theme_subjects"), "text[]"),
    },
}
#: Filters giving back some of the list they are given, in some order
#: (`{% for e in section.entries | reverse %}` binds `e` to an article still).
_SAME_ITEMS = frozenset(
    {"reverse", "sort", "list", "unique", "select", "reject", "selectattr", "rejectattr"}
)
#: Filters giving back one item of the list they are given.
_ONE_ITEM = frozenset({"first", "last", "random", "min", "max"})


def _kind_of(expr: jinja2.nodes.Node, bound: Mapping[str, str]) -> str | None:
    """Which of curator's objects `expr` is by what the template says: "entry", "section",
    "item", a list of them ("entry[]": `section.entries`, `[entry]`, `sections[1:]`,
    `archive | reverse`), or None when it is none of them or cannot be told."""
    if isinstance(expr, jinja2.nodes.Name):
        return bound.get(expr.name)
    if isinstance(expr, jinja2.nodes.Getattr | jinja2.nodes.Getitem):
        owner = _kind_of(expr.node, bound)
        attr = expr.attr if isinstance(expr, jinja2.nodes.Getattr) else None
        if isinstance(expr, jinja2.nodes.Getitem) and isinstance(expr.arg, jinja2.nodes.Const):
            attr = expr.arg.value if isinstance(expr.arg.value, str) else None
        if owner == "section" and attr == "entries":
            return "entry[]"
        if isinstance(attr, str) and attr in _FIELD_KINDS.get(owner or "", {}):
            return _FIELD_KINDS[owner or ""][attr]
        if isinstance(expr, jinja2.nodes.Getitem) and owner and owner.endswith("[]"):
            if isinstance(expr.arg, jinja2.nodes.Slice):
                return owner
            return owner[:-2] if attr is None else None
        return None
    if isinstance(expr, jinja2.nodes.Filter) and expr.node is not None:
        owner = _kind_of(expr.node, bound)
        if owner and expr.name in {"default", "d"}:
            return owner
        if owner and owner.endswith("[]") and expr.name in _SAME_ITEMS:
            return owner
        if owner and owner.endswith("[]") and expr.name in _ONE_ITEM:
            return owner[:-2]
        return None
    if isinstance(expr, jinja2.nodes.List | jinja2.nodes.Tuple) and expr.items:
        kinds = {_kind_of(item, bound) for item in expr.items}
        one = kinds.pop() if len(kinds) == 1 else None
        return f"{one}[]" if one and not one.endswith("[]") else None
    if isinstance(expr, jinja2.nodes.CondExpr) and expr.expr2 is not None:
        either = _kind_of(expr.expr1, bound)
        return either if either == _kind_of(expr.expr2, bound) else None
    return None


def _bind(
    target: jinja2.nodes.Node,
    value: jinja2.nodes.Node | None,
    into: dict[str, str],
    kinds: Mapping[str, str],
) -> None:
    """Bind the names of `target` in `into` to what `value` is (see `_kind_of`, read in
    `kinds`), or unbind them when it is none of curator's objects."""
    if isinstance(target, jinja2.nodes.Tuple):
        values = value.items if isinstance(value, jinja2.nodes.Tuple | jinja2.nodes.List) else ()
        for n, part in enumerate(target.items):
            _bind(part, values[n] if len(values) == len(target.items) else None, into, kinds)
        return
    names = (
        [target] if isinstance(target, jinja2.nodes.Name) else target.find_all(jinja2.nodes.Name)
    )
    for name in names:
        into.pop(name.name, None)
    kind = _kind_of(value, kinds) if value is not None else None
    if isinstance(target, jinja2.nodes.Name) and kind is not None:
        into[target.name] = kind


def field_owner(name: str, kind: str, passed: str = "") -> str:
    """The name a template wrote before a field, in the editor's words: `entry`, `item (an issue
    of the archive)`, `e (an article)` for `{% with e = entry %}`."""
    if name == kind:
        return f"{name} ({KIND_SAID[kind]})" if kind == "item" else name
    return f"{name} ({KIND_SAID[kind]}{passed})"


def field_hint(kind: str, wrong: str) -> str:
    """What follows "X has no field 'wrong'": the field meant, or the fields there are."""
    have = _view_fields()[kind]
    meant = MEANT_FIELDS.get((kind, wrong), ())
    close = list(meant) or difflib.get_close_matches(wrong, have, n=1)
    if close:
        said = [f"'{c}'" + (f" ({FIELD_SAYS[c]})" if meant else "") for c in close]
        return f": did you mean {' or '.join(said)}?"
    return f" (it has {', '.join(have)})"


#: The fields an editor likely meant by a name a view has not, beyond a misspelling.
MEANT_FIELDS = {
    ("entry", "link"): ("url",),
    ("entry", "summary"): ("blurb",),
    ("entry", "description"): ("blurb",),
    ("entry", "source"): ("publication",),
}
#: What a field holds, said beside its name in a did-you-mean.
FIELD_SAYS = {
    "url": "the article's link",
    "blurb": "two or three sentences, as text",
    "publication": "the publication's name",
}


class _FieldWalk:
    """The fields a template asks of curator's objects, followed through the names it binds
    them to (walk138 NEW-2: `{% with e = entry %}{{ e.titel }}`, `{% set s = section %}`,
    `{% for a in [entry] %}`, a macro's parameter given an article where this template calls
    it), each wrong one kept with its node, kind and owner as said."""

    def __init__(self, ast: jinja2.nodes.Template) -> None:
        self.fields = {**_view_fields(), **_VALUE_ATTRIBUTES}
        #: Each wrong field by its node: (node, field, kind, the owner as said).
        self.found: dict[int, tuple[jinja2.nodes.Node, str, str, str]] = {}
        #: Where a macro's parameter got its object: {(param, id(macro)): ", as line 9 ..."}.
        self.via: dict[tuple[str, int], str] = {}
        names = [m.name for m in ast.find_all(jinja2.nodes.Macro)]
        #: This template's macros (a name defined twice is left alone: which one runs?).
        self.macros = {
            m.name: m for m in ast.find_all(jinja2.nodes.Macro) if names.count(m.name) == 1
        }
        #: What each call of a macro gives each parameter: {macro: {param: {(kind, line)}}}.
        self.passed: dict[str, dict[str, set[tuple[str | None, int]]]] = {}
        #: Each macro's body, with what it sees where it is defined.
        self.bodies: list[tuple[jinja2.nodes.Macro, dict[str, str]]] = []
        #: The fields an enclosing `is defined` / `is undefined` test asks about, as `_guarded`
        #: gives them: asking whether a field is there is not a mistake (walk144 #7b).
        self.guards: list[str] = []
        #: The fields called as methods (`theme.uper()`), by id: a near method is meant there.
        self.called: set[int] = set()

    def run(self, ast: jinja2.nodes.Template) -> None:
        self.walk(ast, dict(_KNOWN_NAMES))
        seen: dict[str, dict[str, set[tuple[str | None, int]]]] | None = None
        # A macro calling another passes its own parameters on: until nothing new is passed.
        while seen != self.passed:
            seen = {m: {p: set(k) for p, k in ps.items()} for m, ps in self.passed.items()}
            for macro, outer in self.bodies:
                inner = {k: v for k, v in outer.items() if k not in {a.name for a in macro.args}}
                given = self.passed.get(macro.name, {})
                for param in macro.args:
                    kinds = {kind for kind, _ in given.get(param.name, set())}
                    if len(kinds) == 1 and (kind := kinds.pop()) is not None:
                        line = min(n for _, n in given[param.name])
                        inner[param.name] = kind
                        self.via[param.name, id(macro)] = (
                            f", as line {line} passes it to {macro.name}()"
                        )
                for child in macro.body:
                    self.walk(child, dict(inner), macro)

    def walk(
        self,
        node: jinja2.nodes.Node,
        bound: dict[str, str],
        macro: jinja2.nodes.Macro | None = None,
    ) -> None:
        """Walk `node`, a field its test (or it, a test) asks `is defined` of accepted in it:
        `{% if entry.autor is defined %}{{ entry.autor }}{% endif %}`, the usual guard."""
        if isinstance(node, jinja2.nodes.If | jinja2.nodes.CondExpr):
            guards = _guarded(node.test)
        else:
            guards = _guarded(node) if isinstance(node, jinja2.nodes.Test) else []
        self.guards += guards
        try:
            self._walk(node, bound, macro)
        finally:
            del self.guards[len(self.guards) - len(guards) :]

    def _walk(
        self,
        node: jinja2.nodes.Node,
        bound: dict[str, str],
        macro: jinja2.nodes.Macro | None = None,
    ) -> None:
        if isinstance(node, jinja2.nodes.Macro):
            for default in node.defaults:
                self.walk(default, bound, macro)
            self.bodies.append((node, dict(bound)))
            # (a macro named as one of curator's values is the macro from here on: _words.txt's
            # `date(day)`)
            bound.pop(node.name, None)
            return
        if isinstance(node, jinja2.nodes.For):
            self.walk(node.iter, bound, macro)
            inner = dict(bound)
            kind = _kind_of(node.iter, bound)
            element = kind[:-2] if kind and kind.endswith("[]") else None
            _bind(node.target, None, inner, bound)
            if element is not None and isinstance(node.target, jinja2.nodes.Name):
                inner[node.target.name] = element
            for child in (*([node.test] if node.test else []), *node.body, *node.else_):
                self.walk(child, inner, macro)
            return
        if isinstance(node, jinja2.nodes.If):
            # a name bound in one branch is known after the `{% if %}` only when every branch
            # (and none taken) binds it alike
            self.walk(node.test, bound, macro)
            after = []
            branches: list[list[jinja2.nodes.Node]] = [node.body]
            branches += [[elif_] for elif_ in node.elif_]
            for branch in (*branches, node.else_):
                inner = dict(bound)
                for child in branch:
                    self.walk(child, inner, macro)
                after.append(inner)
            if not node.else_:
                after.append(dict(bound))
            kept = {k: v for k, v in after[0].items() if all(a.get(k) == v for a in after)}
            bound.clear()
            bound.update(kept)
            return
        if isinstance(node, jinja2.nodes.With):
            inner = dict(bound)
            for target, value in zip(node.targets, node.values, strict=False):
                self.walk(value, bound, macro)
                _bind(target, value, inner, bound)
            for child in node.body:
                self.walk(child, inner, macro)
            return
        if isinstance(node, jinja2.nodes.Assign):
            self.walk(node.node, bound, macro)
            _bind(node.target, node.node, bound, dict(bound))
            return
        if isinstance(node, jinja2.nodes.AssignBlock | jinja2.nodes.CallBlock):
            inner = dict(bound)
            for name in (a.name for a in getattr(node, "args", ())):
                inner.pop(name, None)
            for child in node.iter_child_nodes():
                self.walk(child, inner, macro)
            if isinstance(node, jinja2.nodes.AssignBlock):
                _bind(node.target, None, bound, bound)
            return
        if isinstance(node, jinja2.nodes.Block):  # what a block sets stays in it
            bound = dict(bound)
        if isinstance(node, jinja2.nodes.Call):
            self.called.add(id(node.node))
        if (
            isinstance(node, jinja2.nodes.Call)
            and isinstance(node.node, jinja2.nodes.Name)
            and node.node.name in self.macros
        ):
            self._passes(node, self.macros[node.node.name], bound)
        if isinstance(node, jinja2.nodes.Getattr | jinja2.nodes.Getitem):
            self._check(node, bound, macro)
        for child in node.iter_child_nodes():
            self.walk(child, bound, macro)

    def _passes(
        self, call: jinja2.nodes.Call, macro: jinja2.nodes.Macro, bound: Mapping[str, str]
    ) -> None:
        """Keep what `call` gives each of `macro`'s parameters."""
        given: dict[str, jinja2.nodes.Node] = {}
        for param, arg in zip(macro.args, call.args, strict=False):
            given[param.name] = arg
        given.update({k.key: k.value for k in call.kwargs})
        into = self.passed.setdefault(macro.name, {})
        for param in macro.args:
            passed = given.get(param.name)
            kind = _kind_of(passed, bound) if passed is not None and not call.dyn_args else None
            into.setdefault(param.name, set()).add((kind, call.lineno))

    def _check(
        self,
        node: jinja2.nodes.Getattr | jinja2.nodes.Getitem,
        bound: Mapping[str, str],
        macro: jinja2.nodes.Macro | None,
    ) -> None:
        if isinstance(node, jinja2.nodes.Getattr):
            field = node.attr
        elif isinstance(node.arg, jinja2.nodes.Const) and isinstance(node.arg.value, str):
            field = node.arg.value
        else:
            return
        kind = _kind_of(node.node, bound)
        if kind is None:
            return
        fields = _LIST_ATTRIBUTES if kind.endswith("[]") else self.fields.get(kind)
        if fields is None or field in fields or repr(node) in self.guards:
            return
        if kind in VALUE_SAID or kind.endswith("[]"):
            owner = _written(node.node) or "the value before it"
        elif isinstance(node.node, jinja2.nodes.Name):
            name = node.node.name
            passed = self.via.get((name, id(macro)), "") if macro is not None else ""
            owner = field_owner(name, kind, passed)
        else:
            owner = KIND_SAID[kind]
        self.found[id(node)] = (node, field, kind, owner)


def _list_hint(kind: str, owner: str) -> str:
    """What follows "sections is a list, which has no field 'titel'": what its items are, and how
    a template reads them one by one."""
    item = kind[:-2]
    if item not in KIND_SAID:
        return ""
    said = f": each of its items is {KIND_SAID[item]}, whose fields docs/templates.md lists"
    if not re.fullmatch(r"[A-Za-z_][\w.]*", owner):
        return said
    return f"{said}; `{{% for {item} in {owner} %}}` ... `{{% endfor %}}` reads them one by one"


def _written(node: jinja2.nodes.Node) -> str:
    """`entry.title` as the template writes it, for a name and its fields; "" for another."""
    if isinstance(node, jinja2.nodes.Name):
        return node.name
    if isinstance(node, jinja2.nodes.Getattr):
        before = _written(node.node)
        return f"{before}.{node.attr}" if before else ""
    return ""


def value_hint(kind: str, owner: str, wrong: str, *, called: bool = False) -> str:
    """What follows "theme is text, which has no field 'wrong'": the name meant (a method of
    the value's, `theme.uper()`; a variable, `theme.subjects` for `theme_subjects`), or ""
    when none is near."""
    joined = difflib.get_close_matches(f"{owner}_{wrong}", TEMPLATE_NAMES, n=1, cutoff=0.8)
    if joined:
        return f": did you mean {{{{ {joined[0]} }}}}?"
    if kind == "date":  # (its fields, `year`, and its methods, `strftime()`, alike)
        close = difflib.get_close_matches(wrong, _VALUE_ATTRIBUTES[kind], n=1, cutoff=0.75)
        method = bool(close) and callable(getattr(datetime, close[0]))
        return f": did you mean '{close[0]}{'()' if method else ''}'?" if close else ""
    if not called:  # (`t.titel` is no typo of the method `title`, which capitalises)
        return ""
    close = difflib.get_close_matches(wrong, _VALUE_ATTRIBUTES[kind], n=1, cutoff=0.75)
    return f": did you mean '{close[0]}()'?" if close else ""


#: The tests that ask whether a value is there, which a field curator's objects lack passes.
_PRESENCE_TESTS = frozenset({"defined", "undefined"})


def _guarded(test: jinja2.nodes.Node | None) -> list[str]:
    """The fields `test` asks `is defined` or `is undefined` of (`entry.autor is defined`,
    `not entry.autor is undefined and x`), each as its node's repr (the fields of a node, not
    where it is: the same field written again in the branch compares equal)."""
    if test is None:
        return []
    tests = [test] if isinstance(test, jinja2.nodes.Test) else []
    tests += list(test.find_all(jinja2.nodes.Test))
    return [
        repr(t.node)
        for t in tests
        if t.name in _PRESENCE_TESTS
        and isinstance(t.node, jinja2.nodes.Getattr | jinja2.nodes.Getitem)
    ]


def _refuse_unknown_fields(
    environment: jinja2.Environment, source: str, template: str, filename: str
) -> None:
    """Stop at an editor's template that names a field curator's objects have not (`entry.titel`,
    `section.name`, `item.titel` in a `{% for item in archive %}` loop), wherever it is: inside an
    `{% if %}` branch the current issues never take, it passed every build until one took it
    (walk136 #5: `{{ item.titel }}` on line 33 of index.html, `render --all` exit 0). Read from
    the template's parse tree, so every line is checked, reached or not, and followed through
    the names the template binds curator's objects to (`_FieldWalk`). Raised as a
    TemplateSyntaxError, so it names file and line, with the field meant."""
    try:
        ast = environment.parse(source, template, filename)
    except jinja2.TemplateSyntaxError:
        return  # the render says what is wrong
    walk = _FieldWalk(ast)
    walk.run(ast)
    if not walk.found:
        return
    node, wrong, kind, owner = min(walk.found.values(), key=lambda f: f[0].lineno)
    # (as a render that reaches the line says it: `templateerrors._in_editors_words`)
    checked = "every line of a template is checked when it is loaded, whether or not an issue"
    if kind.endswith("[]"):
        said = (
            f"{owner} is a list, which has no field '{wrong}'{_list_hint(kind, owner)} ({checked}"
        )
    elif kind not in VALUE_SAID:
        said = f"{owner} has no field '{wrong}'{field_hint(kind, wrong)} ({checked}"
    elif hint := value_hint(kind, owner, wrong, called=id(node) in walk.called):
        said = f"{owner} is {VALUE_SAID[kind]}, which has no field '{wrong}'{hint} ({checked}"
    elif kind == "date":
        said = (
            f"{owner} is a date, which has no field '{wrong}' (a date has Python's date and time"
            " fields and methods: year, month, day, strftime('%Y-%m-%d'), isoformat();"
            f" {checked}"
        )
    else:
        said = (
            f"{owner} is {VALUE_SAID[kind]}, which has no field '{wrong}' (an article, a section"
            f" and an issue of the archive have fields: docs/templates.md lists them; {checked}"
        )
    raise LoadCheckError(
        f"{said} reaches it)",
        node.lineno,
        Path(filename).name,
        filename,
    )


#: A NUL, or a C1 control (U+0080-U+009F): what a template holds after a UTF-16 file, or a
#: Windows-1252 one, was converted to UTF-8 as if it were Latin-1 (walk125 #5: `iconv -f latin1`,
#: curator's own advice, published "\x92s picks \x96", or the template's source as the issue).
_MANGLED = re.compile("[\x00\x80-\x9f]")


def _refuse_mangled(source: str, template: str, filename: str | None) -> None:
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


def _refuse_one_brace(
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
