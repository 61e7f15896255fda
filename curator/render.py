"""Rendering an issue with Jinja2: the editor's templates first, then curator's; everything escaped."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import cache, partial, wraps
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.meta
import jinja2.nodes
import jinja2.runtime
from markupsafe import Markup, escape

from curator.errors import shell_arg
from curator.htmltext import display_width
from curator.markdowntext import (
    blurb_html,
    cut_unsafe_links,
    headings_under,
    markdown_html,
    markdown_text,
    published_markdown,
    safe_url_filter,
)
from curator.models import Article, Issue, Scored
from curator.readerlang import guessed_language, isolated, language_scripts, latin_only
from curator.urls import safe_url


def builtin_templates() -> Path:
    """curator's own templates: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


#: The languages written right to left (their primary subtag): Arabic, Hebrew, Persian, Urdu,
#: Yiddish, Pashto, Sindhi, Uyghur, Dhivehi, Central Kurdish, Syriac, Kashmiri, Western Punjabi
#: (Shahmukhi), Aramaic, N'Ko, Mandaic, and the old codes of Hebrew and Yiddish.
RTL_LANGUAGES = frozenset(
    {"ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "ug", "dv", "ckb", "syr", "ks", "pnb"}
    | {"arc", "nqo", "mid", "bal", "glk", "mzn", "prs", "lrc", "azb", "skr", "khw", "bqi"}
)

#: The scripts (ISO 15924, a tag's four-letter subtag) written right to left: Arabic, Hebrew,
#: Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan. A script subtag decides over
#: the language: "pa-Arab" (Punjabi in Shahmukhi) is right to left, "ar-Latn" (Arabizi) is not
#: (walk110 #8: both were given the language's usual direction).
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr"})


def text_direction(language: str) -> str:
    """ "rtl" for a language written right to left (`RTL_LANGUAGES`: "ar", "he-IL", or any tag
    whose script subtag is one of `RTL_SCRIPTS`: "pa-Arab"), else "ltr" ("ar-Latn" too)."""
    parts = language.lower().replace("_", "-").split("-")
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0] in RTL_LANGUAGES else "ltr"


#: A language tag (BCP 47) as a page declares it: "en", "pt-BR", "zh-Hant-TW".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def lang_attributes(language: str, direction: str = "", *, newsletter: str = "en") -> Markup:
    """` lang="ar" dir="rtl"` for an element in `language` inside a newsletter in another
    (`newsletter`; the primary subtags differ: "en-US" in an "en" one is no other language), with
    `dir` when the two are written in different directions; "" otherwise. Templates give it an
    article's `entry.language`, so that a reader's browser and screen reader read its title and
    blurb as what they are (an Arabic article right to left in an English issue). With no language,
    `direction` alone (`entry.direction`: "rtl" or "auto" for an article whose letters tell its
    direction but not its language, walk159 #2) is ` dir="rtl"` or ` dir="auto"`."""
    if not language or not _LANGUAGE_TAG.fullmatch(language):
        if direction in ("rtl", "auto") and direction != text_direction(newsletter):
            return Markup(' dir="{}"').format(direction)
        return Markup("")
    if language.split("-")[0].lower() == newsletter.split("-")[0].lower():
        return Markup("")
    direction = text_direction(language)
    turned = f' dir="{direction}"' if direction != text_direction(newsletter) else ""
    return Markup(' lang="{}"{}').format(language, Markup(turned))


def environment(user_templates: Path | None = None, *, language: str = "en") -> jinja2.Environment:
    """A Jinja2 environment searching the editor's folder (when given), then curator's templates.

    Every template gets the newsletter's `language` as `lang` (`<html lang>`, the feed's
    `xml:lang`) and its writing direction as `dir` ("rtl" or "ltr", `text_direction`)."""
    loaders: list[jinja2.BaseLoader] = []
    # utf-8-sig: a byte-order mark some editors save at a file's start is not published mid-page
    # (walk156 #18: U+FEFF before `<article>`, inside feed.xml, before issue.md's `---`).
    if user_templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_templates), encoding="utf-8-sig"))
    loaders.append(jinja2.FileSystemLoader(str(builtin_templates()), encoding="utf-8-sig"))
    env = _Environment(
        loader=_WordsLoader(loaders),
        # .md too: what a Markdown file holds reaches a site generator's HTML, and an HTML
        # entity there reads as its character (`&lt;script&gt;` is the text "<script>").
        autoescape=_AUTOESCAPE,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_url"] = safe_url_filter
    env.filters["headings_under"] = headings_under
    env.globals["lang"] = language
    env.globals["dir"] = text_direction(language)
    env.globals["lang_attributes"] = partial(lang_attributes, newsletter=language)
    # Columns, not characters: a plain-text heading's underline ("=" * (subject | width)).
    env.filters["width"] = display_width
    env.filters = TextFilters(env.filters)
    return env


class TextFilters(dict[str, Any]):
    """An environment's filters, each kept as `_keeps_text` makes it (those added later too:
    curator.outputs' and a test's)."""

    def __init__(self, filters: dict[str, Any]) -> None:
        super().__init__()
        for name, f in filters.items():
            self[name] = f

    def __setitem__(self, name: str, f: Any) -> None:
        super().__setitem__(name, _keeps_text(f) if callable(f) else f)

    def setdefault(self, name: str, f: Any = None) -> Any:
        if name not in self:
            self[name] = f
        return self[name]


#: The template of the fixed words every edition shares ("Issue 4", "edited by", the date).
WORDS = "_words.txt"
#: curator's own `_words.txt`, under a name the editor's folder cannot shadow: an editor's copy
#: lacking a word takes curator's (`_WordsLoader`).
_OWN_WORDS = "curator:_words.txt"
#: The prefix naming curator's own templates, past an editor's of the same name.
OWN_PREFIX = "curator/"


class LoadCheckError(jinja2.TemplateSyntaxError):
    """A mistake the load check finds on a line of an editor's template whether or not an issue
    reaches it (a filter, a field, a name): said as it is, with no guess at a syntax error's
    cause (`outputs._syntax_hint`)."""


#: The filters curator.outputs gives every environment it renders with (`install_filters`),
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


class _WordsLoader(jinja2.ChoiceLoader):
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
            for name in _word_names(environment, _own_words_source())
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
                words |= set(_word_names(environment, self._source_of(environment, WORDS)[0]))
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
        for name in ast.find_all(jinja2.nodes.Name):
            if name.ctx != "load" or name.name not in unknown or name.name in known:
                continue
            # (as a render that reaches the line says it: `outputs._in_editors_words`)
            close = difflib.get_close_matches(name.name, TEMPLATE_NAMES, n=1)
            word = difflib.get_close_matches(name.name, sorted(words), n=1)
            meant = (
                f": did you mean '{close[0]}'?"
                if close
                else f": did you mean '{word[0] if template == WORDS else 'words.' + word[0]}'?"
                if word
                else ""
            )
            raise jinja2.TemplateSyntaxError(
                f"'{name.name}' is undefined{meant}", name.lineno, said, filename
            )
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
                # (as a render that reaches the line says it: `outputs._in_editors_terms`)
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


#: The names curator's templates are given: `outputs.output_context`'s (an issue's page) and
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
#: `outputs.archive_context` makes it.
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


#: Each of curator's objects in an editor's words, beside a name a template gave it
#: (`{% with e = entry %}`: "e (an article) has no field 'titel'").
KIND_SAID = {"entry": "an article", "section": "a section", "item": "an issue of the archive"}
#: The values curator gives templates that have no fields of their own, by kind, in the editor's
#: words, with what they do have (a string's methods: `theme.upper()`).
VALUE_SAID = {"text": "text", "html": "HTML text", "number": "a number"}
_VALUE_ATTRIBUTES = {
    "text": tuple(a for a in dir(str) if not a.startswith("_")),
    "html": tuple(a for a in dir(Markup) if not a.startswith("_")),
    "number": tuple(a for a in {*dir(int), *dir(float)} if not a.startswith("_")),
}
#: What a template sees before it binds a name itself: `entry` and `section` are curator's
#: outside any loop too (a template included in a loop); `sections` and `archive` are lists;
#: the issue's texts and numbers (walk164 N1: `{{ theme.colour }}` in an `{% if theme %}`
#: passed every build of no theme, and stopped the first themed one).
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


#: The fields an editor likely meant by a name a view has not, beyond a misspelling (walk130 #3:
#: `{% for a in entry.authors %}`, as issue-N.json names them).
MEANT_FIELDS = {
    ("entry", "authors"): ("author", "credit"),
    ("entry", "link"): ("url",),
    ("entry", "summary"): ("blurb",),
    ("entry", "description"): ("blurb",),
    ("entry", "source"): ("publication",),
}
#: What a field holds, said beside its name in a did-you-mean.
FIELD_SAYS = {
    "author": 'the names, joined: "Jane Doe and John Roe"',
    "credit": '"Author || Publication"',
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
        if kind not in self.fields or field in self.fields[kind] or repr(node) in self.guards:
            return
        if kind in VALUE_SAID:
            owner = _written(node.node) or "the value before it"
        elif isinstance(node.node, jinja2.nodes.Name):
            name = node.node.name
            passed = self.via.get((name, id(macro)), "") if macro is not None else ""
            owner = field_owner(name, kind, passed)
        else:
            owner = KIND_SAID[kind]
        self.found[id(node)] = (node, field, kind, owner)


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
    # (as a render that reaches the line says it: `outputs._in_editors_words`)
    checked = "every line of a template is checked when it is loaded, whether or not an issue"
    if kind not in VALUE_SAID:
        said = f"{owner} has no field '{wrong}'{field_hint(kind, wrong)} ({checked}"
    elif hint := value_hint(kind, owner, wrong, called=id(node) in walk.called):
        said = f"{owner} is {VALUE_SAID[kind]}, which has no field '{wrong}'{hint} ({checked}"
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


#: `{name}` or `{entry.title}` in a template's text: a value typed with one brace on each side.
_SINGLE_BRACES = re.compile(r"(?<![{$\w])\{\s*([A-Za-z_]\w*)((?:\.\w+)*)\s*\}(?!\})")


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
                value_of = found.group(1) + found.group(2)
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


def _own_words_source() -> str:
    return (builtin_templates() / WORDS).read_text(encoding="utf-8")


def _word_names(env: jinja2.Environment, source: str) -> dict[str, int]:
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
    return tuple(_word_names(jinja2.Environment(), _own_words_source()))


def missing_words(folder: Path | None) -> tuple[str, ...]:
    """A warning naming the words of curator's `_words.txt` that the editor's copy in `folder` lacks
    (a copy made before the word existed, or one deleted): curator's own is published for it."""
    if folder is None or not (folder / WORDS).is_file():
        return ()
    env = jinja2.Environment()
    try:
        theirs = _word_names(env, (folder / WORDS).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
        return ()  # rendering says what is wrong with the file
    own_source = _own_words_source()
    own_lines = own_source.splitlines()
    lacking = {n: line for n, line in _word_names(env, own_source).items() if n not in theirs}
    if not lacking:
        return ()
    lines = []
    for line in lacking.values():
        # The whole statement: `months` spans lines.
        end = line - 1
        while end < len(own_lines) - 1 and "%}" not in own_lines[end]:
            end += 1
        lines.append(" ".join(part.strip() for part in own_lines[line - 1 : end + 1]))
    names = ", ".join(f"`{name}`" for name in lacking)
    return (
        f"{folder / WORDS}: has no {names}, so curator's English was published for"
        f" {'it' if len(lacking) == 1 else 'them'}; to write {'it' if len(lacking) == 1 else 'them'}"
        " in your newsletter's language, add to your _words.txt (and translate the quoted words): "
        + " ".join(lines),
    )


def untranslated_words(
    language: str, folder: Path | None, day: datetime | None = None
) -> tuple[str, ...]:
    """A warning when the newsletter is not in English (`newsletter: language:`) but the fixed
    words of every edition are curator's English ones: no `_words.txt` in the editor's templates
    folder, or an untouched copy (walk55 #3: `lang="ja"` beside "Issue 1 · ... · edited by");
    and one naming the copies of templates that write English words themselves (`own_words`,
    which quotes `day`, the issue's date, as such a copy writes it)."""
    if language.split("-")[0].lower() == "en":
        return ()
    return (
        *_words_file_untranslated(language, folder, day),
        *own_words(language, folder, day),
        *_own_same_story(language, folder),
        *own_colon(language, folder),
    )


def _own_same_story(language: str, folder: Path | None) -> tuple[str, ...]:
    """A warning naming the editor's copies of curator's templates that read `_words.txt` but
    write "Another piece in ... on the same story" in English themselves: copied before it was a
    word of `_words.txt` (walk110 #1: a Japanese newsletter published it in every issue grouping
    copies of one story). (A copy that reads no `_words.txt` is `own_words`'s.)"""
    if folder is None:
        return ()
    older = set(copies_without(folder, WORDS))
    found = []
    for own in sorted(builtin_templates().iterdir()):
        copy = folder / own.name
        if own.name == WORDS or copy in older or not copy.is_file():
            continue
        try:
            text = _JINJA_COMMENT.sub(" ", copy.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if "Another piece" in text:
            found.append(str(copy))
    if not found:
        return ()
    return (
        f"newsletter: language: {language}, but {', '.join(found)}"
        f' write{"s" if len(found) == 1 else ""} "Another piece in ... on the same story" in'
        f" English (copied before it was a word of {WORDS}), so translating {WORDS} changes"
        " nothing there: write `{% call words.another_piece() %}{{ name }}{% endcall %}` in its"
        " place, in a loop `{% for name, url in entry.pieces_in_publication %}` (in issue.md,"
        " `{{ name | md_text }}` inside), as curator's templates do (a copy's loop over"
        " `entry.also_in_publication` takes `{{ entry.publication }}` there, unnumbered), and"
        f" translate `another_piece` in your {WORDS}",
    )


#: A ": " a template copied before `colon` was a word of `_words.txt` writes itself: after the
#: issue's number (`{{ words.issue_number(number) }}{% if theme %}: `, `Issue {{ number }}: `),
#: before the address of another piece on the same story (`{% if url %}: <{{ url }}>`), and
#: issue.md's `": " ~ theme`. The group is what to replace.
_OWN_COLON = re.compile(
    r"(?:(?:issue_number\([^)]*\)|\bnumber)\s*-?}}(?:\s*{%-?[^%]*?-?%})?(?P<text>: ))"
    r"|(?:{%-?\s*if\s+url\s*-?%}(?P<url>: )<)"
    r"|(?P<md>\"\: \"\s*~|': '\s*~)"
)


def own_colon(language: str, folder: Path | None) -> tuple[str, ...]:
    """A warning naming each line of the editor's copies of curator's templates that writes ": "
    itself where curator's templates write `{{ words.colon }}` (copied before `colon` was a word of
    `_words.txt`): walk116 #1, a Japanese newsletter still published "第1号: 顧客体験" after the
    warnings about `_words.txt` were followed, and nothing named those copies."""
    if folder is None or language.split("-")[0].lower() == "en":
        return ()
    found = []
    for own in sorted(builtin_templates().iterdir()):
        copy = folder / own.name
        if own.name == WORDS or not copy.is_file():
            continue
        text = _copy_lines(copy)
        if text is None:
            continue
        for number, line in enumerate(text.split("\n"), start=1):
            for match in _OWN_COLON.finditer(line):
                if match["md"]:
                    fix = f"`words.colon ~` in place of `{match['md'].rstrip(' ~')} ~`"
                else:
                    fix = '`{{ words.colon }}` in place of ": "'
                found.append(f"{copy}:{number} (write {fix})")
    if not found:
        return ()
    return (
        f"newsletter: language: {language}, but these lines of your copies of curator's templates"
        f' write ": " themselves (copied before `colon` was a word of {WORDS}), so your {WORDS}'
        " changes nothing there; write there what curator's templates write now, which publishes"
        f" the `colon` of your {WORDS}: {'; '.join(found)}",
    )


def _copy_lines(copy: Path) -> str | None:
    """An editor's copy of a template with its Jinja comments blanked out, line for line (so that
    a line named is the line in the file); None when it cannot be read as UTF-8 text."""
    try:
        text = copy.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return _JINJA_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


#: A heading tag an editor's copy of `_issue_body.html` or `fragment.html` writes at a fixed level.
_FIXED_H1 = re.compile(r"<h1[\s>]", re.I)


def fragment_headings(folder: Path | None) -> tuple[str, ...]:
    """A warning naming the editor's copies of `fragment.html` and `_issue_body.html` made before
    the fragment's headings started at <h2> (README: the blog post's theme prints its title as the
    post's <h1>): a copy of `_issue_body.html` writing `<h1>` itself, or a `fragment.html` not
    setting `top` (walk116: the fragment still had its own <h1>, and nothing named the copy)."""
    if folder is None:
        return ()
    found = []
    for name in ("_issue_body.html", "fragment.html"):
        copy = folder / name
        if not copy.is_file():
            continue
        text = _copy_lines(copy)
        if text is None:
            continue
        lines = [n for n, line in enumerate(text.split("\n"), start=1) if _FIXED_H1.search(line)]
        if lines and name == "_issue_body.html":
            found.append(
                f"{copy}:{lines[0]} writes <h1> itself, so the fragment (and the feed of issues)"
                " has a second <h1> under the blog post's: write `<h{{ top }}>` for the title"
                " (`{{ top + 1 }}` for a subject's heading, `{{ top + 2 }}` for an article's),"
                " with `{% set top = top if top is defined else 1 %}` before them and"
                " `{{ introduction_html | headings_under(top) }}`, as curator's _issue_body.html does"
            )
        elif lines:
            found.append(
                f"{copy}:{lines[0]} writes <h1>, under the blog post's own <h1>: write <h2> there"
            )
        elif (
            name == "fragment.html"
            and "_issue_body.html" in text
            and not re.search(r"{%-?\s*set\s+top\b", text)
        ):
            found.append(
                f"{copy} (made before it set `top`) publishes the issue's title as an <h1> under"
                " the blog post's own: write `{% set top = 2 %}` before its"
                ' `{% include "_issue_body.html" %}`, as curator\'s fragment.html does'
            )
    if not found:
        return ()
    return (
        "issue-N.fragment.html's headings start at <h2> (the blog post's theme prints its title as"
        f" the post's <h1>), but {'; and '.join(found)}; or delete the copy to use curator's own",
    )


#: The English words of curator's `_words.txt` a template copied before it existed writes
#: itself, as they appear in such a copy.
_ENGLISH_WORDS = (
    "Issue ",
    "edited by",
    "All issues",
    "Every issue, newest first",
    "Atom feed",
    "Also covered by",
    "Read it on the web",
    "Another piece",
)


def own_words(language: str, folder: Path | None, day: datetime | None = None) -> tuple[str, ...]:
    """A warning naming the editor's copies of curator's templates that do not read `_words.txt`
    (copied before it existed) and write its English words themselves, with which words: a
    translated `_words.txt` changes nothing in them (walk62 #2: "Issue 1", "edited by" and "All
    issues" stayed English after the advice to translate `_words.txt` was followed). A date so
    written is quoted as `day` (the issue's) is, or else as an example (walk151 #14: the issue
    of December 7 was told its copy wrote "December 6, 2026", a fixed example's date)."""
    shown = f"{date_text(day)!r}" if day is not None else f"for example {date_text(_A_DAY)!r}"
    found = []
    for copy in copies_without(folder, WORDS):
        try:
            text = _JINJA_COMMENT.sub(" ", copy.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        english = [f"{w.strip()!r}" for w in _ENGLISH_WORDS if w in text]
        parts = [", ".join(english)] if english else []
        parts += [
            f"`{tag}`, the date in English ({shown}): write `{fix}` instead"
            for tag, fix in dict(_english_dates(text)).items()
        ]
        parts += [
            f"the footer's {footer.group(0)!r}: write `{{{{ words.issue_number(number) }}}}`"
            " instead"
            for footer in _ENGLISH_ISSUE.finditer(text)
        ][:1]
        if parts:
            found.append(f"In {copy}: {'; '.join(parts)}.")
    if not found:
        return ()
    return (
        f"newsletter: language: {language}, but these copies of curator's templates were made"
        f" before {WORDS} and write its English words themselves, so translating {WORDS} changes"
        f" nothing in them. {' '.join(found)} Translate those words in each copy, and where it"
        f" writes the date or the issue number so, write what is named instead, with"
        f" `{{% import \"{WORDS}\" as words %}}` as the copy's first line, as curator's templates"
        f" do now (they follow your {WORDS}); or copy curator's templates again (`curator init"
        " scratch` writes them to scratch/templates/) and make your changes to them again, or"
        f" delete a copy to use curator's own (it reads {WORDS})",
    )


#: The day an example date is written for.
_A_DAY = datetime(2026, 12, 6)

#: `{{ date_text }}` and `{{ item.date_text }}` in a copy made before `_words.txt`: the date in
#: English ("December 6, 2026") whatever `_words.txt` says (walk71 #C).
_DATE_TEXT = re.compile(r"{{-?\s*(?:(?P<owner>\w+)\.)?date_text\s*-?}}")

#: The email footer's "issue 4" in a copy made before `_words.txt` ("Walk Weekly, issue 1.").
_ENGLISH_ISSUE = re.compile(r"(?<![\w-])issue {{-?\s*number\s*-?}}")


def _english_dates(text: str) -> Iterator[tuple[str, str]]:
    """Each `{{ date_text }}` of a template copy, with what curator's templates write instead."""
    for found in _DATE_TEXT.finditer(text):
        owner = f"{found['owner']}." if found["owner"] else ""
        yield found.group(0), f"{{{{ words.date({owner}date) }}}}"


#: A template's Jinja comments (what a copy writes, in its text or its expressions' strings, is
#: the rest).
_JINJA_COMMENT = re.compile(r"{#.*?#}", re.S)


def _words_file_untranslated(
    language: str, folder: Path | None, day: datetime | None = None
) -> tuple[str, ...]:
    """`untranslated_words`'s warning on the editor's `_words.txt` (none when translated), the
    date among its English words the issue's own (`day`), else said to be an example (walk154
    W151-14: an issue of December 7, then of December 25, was told "December 6, 2026")."""
    copy = folder / WORDS if folder is not None else None
    try:
        if copy is not None and copy.is_file():
            text = copy.read_text(encoding="utf-8")
            if text.strip() != _own_words_source().strip():
                return _partly_translated(language, copy, text)
            where = f"your {copy} is curator's English one, untranslated"
            how = "translate its quoted words and its `date` and `issue_number` macros"
        else:
            where = (
                f"your templates folder {folder} has no {WORDS}"
                if folder is not None
                else "no templates folder is set (`settings: templates:`)"
            )
            how = (
                f"copy curator's {WORDS} (`curator init scratch` writes one to"
                f" scratch/templates/{WORDS}) into "
                + ("it" if folder is not None else "a folder that `settings: templates:` names")
                + " and translate its quoted words and its `date` and `issue_number` macros"
            )
    except (OSError, UnicodeDecodeError):
        return ()
    date = f'"{date_text(day)}"' if day is not None else f'a date such as "{date_text(_A_DAY)}"'
    return (
        f'newsletter: language: {language}, but every edition\'s fixed words ("Issue 1",'
        f' "edited by", {date}, "All issues") are in English: {where}; to publish'
        f' them in {language}, {how} (docs/templates.md, "A newsletter in another language")',
    )


def _statements(source: str) -> dict[str, str]:
    """Each word a `_words.txt` defines -> its whole statement (`months` spans lines), its
    spaces evened out."""
    lines = source.splitlines()
    found = {}
    for name, line in _word_names(jinja2.Environment(), source).items():
        end = line - 1
        while end < len(lines) - 1 and "%}" not in lines[end]:
            end += 1
        found[name] = " ".join(" ".join(lines[line - 1 : end + 1]).split())
    return found


#: A `_words.txt` statement's quoted strings, and its Jinja tags and expressions.
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_JINJA = re.compile(r"{%.*?%}|{{.*?}}")


def _has_words(statement: str) -> bool:
    """Whether a statement publishes words: letters in its quoted strings or in the text a macro
    prints (`date`'s "{{ day.day }}, {{ day.year }}" has none; the separators neither)."""
    quoted = "".join(_QUOTED.findall(statement))
    printed = _JINJA.sub("", statement)
    return any(c.isalpha() for c in quoted + printed)


def _partly_translated(language: str, copy: Path, text: str) -> tuple[str, ...]:
    """A warning naming the words of a translated `_words.txt` still written as curator's
    English (walk61 #4: months and "All issues" left in English, without a word). Separators,
    which hold no letters, are no words."""
    try:
        theirs = _statements(text)
    except jinja2.TemplateSyntaxError:
        return ()  # rendering says what is wrong with the file
    own = _statements(_own_words_source())
    kept = [
        name
        for name, statement in own.items()
        if theirs.get(name) == statement and _has_words(statement)
    ]
    if "months" in kept and "months" not in theirs.get("date", "months"):
        kept.remove("months")  # a `date` that writes the month as a number uses no month names
    if not kept:
        return ()
    names = ", ".join(f"`{name}`" for name in kept)
    return (
        f"newsletter: language: {language}, but {copy} keeps curator's English for {names}:"
        f" every edition publishes {'it' if len(kept) == 1 else 'them'} in English; translate"
        f" {'it' if len(kept) == 1 else 'them'} there (a word that is the same in {language}:"
        " write it with single quotes, 'like this', and this warning leaves it)",
    )


#: A template's name where another template includes, extends or imports it.
TEMPLATE_REFERENCE = re.compile(r"""{%-?\s*(?:include|extends|import|from)\s+["']([^"']+)["']""")


#: A block tag of curator's templates (`{% block entry scoped %}`, `{% endblock %}`): lines a copy
#: made before they had blocks lacks.
_BLOCK_LINE = re.compile(r"^\s*{%-?\s*(?:block\s+\w+(?:\s+scoped)?|endblock)\s*-?%}\s*$")


def looks_copied(own: str, mine: str) -> bool:
    """Whether the editor's template `mine` is a copy of curator's `own` (changed here and there),
    rather than one of their own writing (walk132 #5: docs/templates.md's ten-line issue.txt was
    told it was a copy "made before issues had a theme"): most of its lines are curator's."""
    lines = [ln.strip() for ln in own.split("\n") if ln.strip() and not _BLOCK_LINE.match(ln)]
    theirs = [ln.strip() for ln in mine.split("\n") if ln.strip()]
    # (half: a copy made before themes lacks a few of curator's lines, not most of them)
    return difflib.SequenceMatcher(None, lines, theirs, autojunk=False).ratio() >= 0.5


#: Every version of curator's templates ever committed, by name and `template_digest` (written by
#: tests/released_templates.py): an editor's file identical to one is an old copy, however far
#: curator's own has moved since (walk156 #19: an unchanged old `_issue_body.html` was told "your
#: templates leave out ...: fine if you meant it", its siblings named as old copies).
RELEASED_TEMPLATES = Path(__file__).with_name("released_templates.txt")


def template_digest(text: str) -> str:
    """A template's text as a digest, its line endings, byte-order mark and trailing spaces aside."""
    lines = [line.rstrip() for line in text.lstrip("\ufeff").splitlines()]
    return hashlib.sha256("\n".join(lines).strip("\n").encode("utf-8")).hexdigest()


@cache
def _released() -> frozenset[str]:
    try:
        return frozenset(RELEASED_TEMPLATES.read_text(encoding="utf-8").split("\n"))
    except OSError:
        return frozenset()


def old_copy(copy: Path) -> bool:
    """Whether the editor's template `copy` is a copy of curator's of its name: a version curator
    released, or one changed here and there (`looks_copied`); not one of their own writing."""
    try:
        mine = copy.read_text(encoding="utf-8-sig")
        own = (builtin_templates() / copy.name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return f"{copy.name} {template_digest(mine)}" in _released() or looks_copied(own, mine)


def copies_without(folder: Path | None, field: str) -> tuple[Path, ...]:
    """The editor's copies of curator's templates that never mention `field` where curator's own
    template of that name does: copies made before the field existed (`curator init` copies the
    templates once), which leave out what it shows without a word."""
    if folder is None:
        return ()
    stale = []
    for own in sorted(builtin_templates().iterdir()):
        copy = folder / own.name
        if not (own.is_file() and copy.is_file()):
            continue
        try:
            mine = copy.read_text(encoding="utf-8")
            # a copy that extends curator's own (`{% extends "curator/issue.html" %}`) shows it
            if f"{OWN_PREFIX}{own.name}" in TEMPLATE_REFERENCE.findall(mine):
                continue
            if field in own.read_text(encoding="utf-8") and field not in mine:
                stale.append(copy)
        except (OSError, UnicodeDecodeError):
            continue
    return tuple(stale)


def unused_templates(folder: Path) -> tuple[str, ...]:
    """A warning per file in the editor's templates folder that curator never reads: not one of
    its templates' names, nor included by one; with the name it probably meant.

    Why: a folder holding `issues.html` (for issue.html) rendered curator's own template silently.
    """
    known = sorted(p.name for p in builtin_templates().iterdir() if p.is_file())
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    except OSError:
        return ()
    if not any(path.name in known for path in files):
        return (*_nothing_at_top(folder, known, bool(files)), *_strays(folder, files, known))
    return _strays(folder, files, known)


def _nothing_at_top(folder: Path, known: Sequence[str], strays: bool) -> tuple[str, ...]:
    """A warning when the editor's templates folder holds none of curator's templates at its top
    level, where curator looks: every edition then has curator's own look, unsaid (walk156 #3:
    the files moved into `templates/v2/`, or the folder left empty)."""
    try:
        subfolders = sorted(
            p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
        )
    except OSError:
        return ()
    holding = []
    for sub in subfolders:
        count = sum(1 for name in known if (sub / name).is_file())
        if count:
            holding.append((sub, count))
    if holding:
        sub, count = holding[0]
        others = (
            f" (and {len(holding) - 1} other subfolder(s) of templates)" if len(holding) > 1 else ""
        )
        return (
            f"{folder}: your templates folder has none of curator's templates at its top level,"
            f" only a subfolder {sub.name}/ with {count} template(s){others}, so every edition"
            f" is made with curator's own templates: curator reads a templates folder's top level"
            f" only; set `templates: {sub}` under settings: in feeds.yaml (or --templates {sub}),"
            f" or move the files up into {folder}",
        )
    if strays:  # each said, with the name it probably meant (`_strays`)
        return ()
    return (
        f"{folder}: your templates folder is empty (of curator's templates: issue.html,"
        " email.html, issue.txt ...), so every edition is made with curator's own templates:"
        " copy the ones you change into it (`curator init scratch` makes a folder with them),"
        " or remove `templates:` from feeds.yaml",
    )


def _strays(folder: Path, files: Sequence[Path], known: Sequence[str]) -> tuple[str, ...]:
    """A warning per file of `files` (in the editor's `folder`) that curator never reads."""
    used = set(known)
    for path in files:
        try:
            used.update(TEMPLATE_REFERENCE.findall(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    warnings = []
    for path in files:
        if path.name in used:
            continue
        close = difflib.get_close_matches(path.name, known, n=1, cutoff=0.75)
        if close and (folder / close[0]).is_file():
            # Renaming it as told would overwrite the editor's own template (walk29 #5).
            warnings.append(
                f"{path}: curator uses no template of that name, so it ignores this file; your"
                f" {close[0]} beside it is the one used. If this file is an old copy, it can be"
                f" deleted; to use something of it, copy that into {close[0]} (renaming it to"
                f" {close[0]} would overwrite yours)"
            )
        elif close:
            warnings.append(
                f"{path}: curator uses no template of that name, so it ignores this file and"
                f" renders with its own {close[0]}: did you mean {close[0]}? Rename the file to"
                f" {close[0]} to use it"
            )
        else:
            names = ", ".join(n for n in known if not n.startswith("_"))
            warnings.append(
                f"{path}: curator uses no template of that name and ignores this file (the"
                f" templates it reads: {names}, and files they include)"
            )
    return tuple(warnings)


class Text(str):
    """Plain text a template shows: escaped in an HTML or XML template even under `|safe` (its
    `__html__` is the escaped text, which `|safe` and autoescaping both use), as it is in a text
    one. Why: `{{ entry.blurb|safe }}` published a draft's `<img onerror=...>` live (walk39 #1).

    What a template makes of it stays Text: its string methods, slices and `+` (set up below,
    `_TEXT_METHODS`), every filter given one (`_keeps_text`) and `~` (`_TextCodeGenerator`), so
    `{{ entry.title|trim|safe }}` or `entry.title[0:]|safe` publish text too (walk125 #1: they
    published a feed title's `<meta http-equiv="refresh">` live)."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return escape(str.__str__(self))

    def __radd__(self, other: object) -> object:
        if isinstance(other, str) and not hasattr(other, "__html__"):
            return Text(other + str.__str__(self))
        return NotImplemented

    def __iter__(self) -> Iterator[Text]:
        """Its characters, each Text: `{% for c in entry.title %}{{ c|safe }}{% endfor %}`
        published a feed title's `<meta http-equiv="refresh">` live (walk130 #1)."""
        return (Text(c) for c in str.__str__(self))

    def encode(self, encoding: str = "utf-8", errors: str = "strict") -> TextBytes:
        """Its bytes, which stay text (`TextBytes`): `{{ entry.title.encode()|safe }}` published
        the markup in it (walk130 #1)."""
        return TextBytes(str.encode(str.__str__(self), encoding, errors))


class TextBytes(bytes):
    """Text's bytes: escaped wherever a template shows them (`|safe` too), as Text is, and Text
    again when decoded."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return escape(str(self))

    def decode(self, encoding: str = "utf-8", errors: str = "strict") -> Text:
        return Text(bytes.decode(self, encoding, errors))

    def __getitem__(self, key: Any) -> Any:
        part = bytes.__getitem__(self, key)
        return TextBytes(part) if isinstance(part, bytes) else part


#: The str methods whose result is made of the text they are called on: each returns Text (or
#: a list or tuple of Text) when called on Text.
_TEXT_METHODS = (
    "__add__",
    "__getitem__",
    "__mod__",
    "__mul__",
    "__rmul__",
    "capitalize",
    "casefold",
    "center",
    "expandtabs",
    "format",
    "format_map",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
)


def as_text(value: object) -> object:
    """`value` with every plain str in it (a str, or the strs of a list, tuple or iterator) made
    Text; Markup and everything else as it is."""
    if isinstance(value, str):
        return value if hasattr(value, "__html__") else Text(value)
    if isinstance(value, list | tuple):
        return type(value)(as_text(v) for v in value) if type(value) in (list, tuple) else value
    if isinstance(value, Iterator):
        return (as_text(v) for v in value)
    return value


def _text_method(name: str) -> Callable[..., object]:
    method = getattr(str, name)

    def kept(self: Text, *args: object, **kwargs: object) -> object:
        result = method(self, *args, **kwargs)
        return result if result is NotImplemented else as_text(result)

    kept.__name__ = name
    kept.__doc__ = method.__doc__
    return kept


for _name in _TEXT_METHODS:
    setattr(Text, _name, _text_method(_name))


def _has_text(value: object, depth: int = 2) -> bool:
    """Whether `value` is Text (or its bytes) or holds one (in a list, tuple, set or dict,
    `depth` deep)."""
    if isinstance(value, Text | TextBytes):
        return True
    if depth and isinstance(value, list | tuple | set | frozenset):
        return any(_has_text(v, depth - 1) for v in value)
    if depth and isinstance(value, dict):
        return any(_has_text(v, depth - 1) for v in value.values())
    return False


def _keeps_text(f: Callable[..., object]) -> Callable[..., object]:
    """Filter `f`, returning Text where it returns a plain str made from Text it was given
    (`|trim`, `|striptags`, `"%s"|format(...)`, `|center`, `|indent`, `|pprint`, `|join`...):
    `|safe` after it then shows that text, never the markup in it (walk125 #1)."""

    @wraps(f)
    def kept(*args: object, **kwargs: object) -> object:
        # An iterator (|map, |select) is read once here, so that the Text in it can be seen.
        args = tuple(list(a) if isinstance(a, Iterator) else a for a in args)
        result = f(*args, **kwargs)
        if _has_text(args) or _has_text(kwargs):
            return as_text(result)
        return result

    return kept


#: Which templates autoescape: HTML, XML and Markdown ones (`.md` too: what a Markdown file holds
#: reaches a site generator's HTML, and an entity there reads as its character).
_AUTOESCAPE = jinja2.select_autoescape(
    enabled_extensions=("html", "htm", "xml", "md"), default_for_string=True
)


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: object) -> object:
    """Every `{{ ... }}`'s value: Text escaped in an HTML, XML or Markdown template even inside
    `{% autoescape false %}` (walk125 #1: a feed's `<form>`, `<base href>`, `<style>` were
    published there), as it is everywhere else in such a template."""
    if isinstance(value, Text | TextBytes) and _AUTOESCAPE(context.name):
        if isinstance(value, Text) and (context.name or "").endswith(".md"):
            return _braces_as_entities(value.__html__())
        return value.__html__()
    return value


def _braces_as_entities(text: Markup) -> Markup:
    """A feed's text in a Markdown edition with `{` and `}` as entities: Jekyll reads `{{ }}` and
    `{% %}` in a Markdown file as Liquid, Hugo `{{< >}}` as a shortcode, before the Markdown
    (walk156 #5: a title's `{% include secrets.txt %}` was run, a lone `{% raw %}` broke the
    site's whole build); an entity reads as its character."""
    if "{" not in text and "}" not in text:
        return text
    return Markup(str(text).replace("{", "&#123;").replace("}", "&#125;"))


class _TextCodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja2's code generator, with `~` giving Text when it joins Text outside autoescaping
    (Jinja2 gives a plain str there, which `|safe` would publish as markup), and every call going
    through `_Environment.call` (as a sandbox's do), so that `"{}".format(entry.title)` is Text."""

    def visit_Call(  # noqa: N802 (Jinja2's name)
        self, node: jinja2.nodes.Call, frame: Any, forward_caller: bool = False
    ) -> None:
        self.write("environment.call(context, ")
        self.visit(node.node, frame)
        extra_kwargs = {"caller": "caller"} if forward_caller else None
        loop_kwargs = {"_loop_vars": "_loop_vars"} if frame.loop_frame else {}
        block_kwargs = {"_block_vars": "_block_vars"} if frame.block_frame else {}
        if extra_kwargs:
            extra_kwargs.update(loop_kwargs, **block_kwargs)
        elif loop_kwargs or block_kwargs:
            extra_kwargs = dict(loop_kwargs, **block_kwargs)
        self.signature(node, frame, extra_kwargs)
        self.write(")")

    def visit_Concat(self, node: jinja2.nodes.Concat, frame: Any) -> None:  # noqa: N802
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else environment.text_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "environment.text_join"
        self.write(f"{func_name}((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _Environment(jinja2.Environment):
    """curator's template environment: what a template makes of Text stays Text (`Text`)."""

    code_generator_class = _TextCodeGenerator

    def call(self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call a template makes (`x.strip()`, `"{}".format(x)`, a macro): Text when it
        returns a plain str and was given Text (or is a method of one)."""
        result = __context.call(__obj, *args, **kwargs)
        if isinstance(result, str) and (
            isinstance(getattr(__obj, "__self__", None), Text)
            or _has_text(args)
            or _has_text(kwargs)
        ):
            return as_text(result)
        return result

    @staticmethod
    def text_join(values: Iterable[object]) -> str:
        """`a ~ b` outside autoescaping: Text when a part is."""
        parts = list(values)
        joined = "".join(map(str, parts))
        return Text(joined) if any(isinstance(p, Text) for p in parts) else joined


@dataclass(frozen=True)
class EntryView:
    """One article as a template sees it; every string is plain text, escaped by the template."""

    #: The article's title.
    title: str
    #: A link safe to publish (http/https), or None (the template shows the title unlinked).
    url: str | None
    #: The people credited, joined for reading: "Jane Doe", "Jane Doe and John Roe".
    author: str
    #: The publication's name, or "".
    publication: str
    #: The credit line: "Author || Publication", or whichever of the two is known (never a bare "||").
    credit: str
    #: Two or three sentences.
    blurb: str
    #: Relevance to the section's subject.
    score: float
    #: Subject terms that matched.
    matched: tuple[str, ...]
    #: Other publications that carried the same story: (name, safe url or None).
    also_covered_by: tuple[tuple[str, str | None], ...]
    #: Other pieces on the same story in the article's own publication (safe url or None): named
    #: apart, as "Also covered by: The Guardian" under a Guardian article read as another outlet.
    also_in_publication: tuple[str | None, ...] = ()
    #: The same pieces as (name, safe url or None), the name numbered when the publication has
    #: more than one ("CX Lab (1/3)"), as `also_covered_by` numbers another outlet's: three lines
    #: "Another piece in CX Lab on the same story" read alike (walk140 #5).
    pieces_in_publication: tuple[tuple[str, str | None], ...] = ()
    #: The blurb as the HTML editions publish it: sanitised, safe as it is; blocks (`<p>`, `<ul>`)
    #: when `blurb_blocks` (a Markdown blurb of several paragraphs or a list: put it in a <div>).
    blurb_html: Markup = Markup("")
    blurb_blocks: bool = False
    #: The blurb as the editor wrote it in a draft, when it holds Markdown (links, emphasis ...);
    #: None when `blurb` is plain text. The Markdown edition publishes it (through md_intro).
    blurb_markdown: str | None = None
    #: The language the article's page declares ("ar", "pt-BR"), or "" (`lang_attributes` marks
    #: it where it is not the newsletter's).
    language: str = ""
    #: The credit line as the HTML editions publish it (`credit_html`): each side in `<bdi>`, so
    #: that it reads "Author || Publication" in the article's direction whatever their scripts.
    credit_html: Markup = Markup("")
    #: The direction its letters tell when no language is known ("rtl" for Arabic letters,
    #: "auto" for another script than the newsletter's that names no language alone), else "";
    #: `lang_attributes(entry.language, entry.direction)` writes it.
    direction: str = ""


@dataclass(frozen=True)
class SectionView:
    """One subject's part of the issue, as a template sees it."""

    #: The subject's name (the section heading).
    subject: str
    description: str
    #: A stable id for an anchor, with the issue's number, e.g.
    #: "issue-3-the-basics-of-customer-experience": unique on a blog's home page that shows several
    #: issues' fragments, where "#customer-support" alone jumped to another issue's (walk159 #4).
    slug: str
    entries: tuple[EntryView, ...]


def issue_day(now: datetime) -> datetime:
    """The date a build gives an issue at `now`: the day where curator runs (its local time zone,
    the `TZ` variable), as midnight of that day with its local offset (walk49 #4: it was the UTC
    day, so a build on a Saturday evening west of London was dated Sunday; walk57 #4: stored as
    midnight UTC, the .json, .md and feed.xml said the day before, west of London)."""
    return local_midnight(now.astimezone().date())


def local_midnight(day: date) -> datetime:
    """Midnight starting `day` where curator runs (the `TZ` variable), with that time's offset,
    so that every reader of the timestamp (a site generator, a feed reader) sees that day."""
    return datetime.combine(day, time(0)).astimezone()


def date_text(day: datetime) -> str:
    """A date as every edition writes it: "December 4, 2026"."""
    return f"{day:%B} {day.day}, {day:%Y}"


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'; 'Ash, C.; Mueller, K. L.' when a name holds a comma
    (written surname first, as IETF and journals do), which "A, B and C" would read as four."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    if any("," in n for n in names):
        return "; ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def published_as(printed: str, now: str | None = None) -> str:
    """'"Entertainment"', or '"Entertainment" (since renamed "Culture")' when the section an
    issue printed has been renamed since (walk100 #1: the name now read as the issue's)."""
    if now is None or now.casefold() == printed.casefold():  # (one subject, case aside)
        return f'"{printed}"'
    return f'"{printed}" (since renamed "{now}")'


def published_mark(
    printed: str, now: str | None, subjects: Sequence[str], *, own: bool = False
) -> str:
    """What an issue published an article under that feeds.yaml has no subject for now: the
    section it printed (`published_as`), "not a subject in feeds.yaml now"; with `own`, "the
    draft's own section, not a subject" (walk108 #3: "now" read as a subject renamed or removed,
    of a draft's `extra_sections:`); or, when feeds.yaml
    has the printed name as a subject again though `curator subjects rename` renamed it since
    (walk103 #3: renamed "Culture" and back to "Entertainment" in feeds.yaml), that, and the
    rename back that keeps the article under it."""
    names = {s.casefold() for s in subjects}
    if now is not None and now.casefold() != printed.casefold() and printed.casefold() in names:
        return (
            f'"{printed}", a subject in feeds.yaml again, though a rename since calls it "{now}":'
            f' to keep it under "{printed}": curator subjects rename {shell_arg(now)}'
            f" {shell_arg(printed)}"
        )
    if own:
        return f"{published_as(printed, now)}, the draft's own section, not a subject"
    return f"{published_as(printed, now)}, not a subject in feeds.yaml now"


def credit_line(author: str, publication: str) -> str:
    """`Author || Publication` as in the seed issue, or whichever is known alone."""
    return " || ".join(part for part in (author, publication) if part)


def corrected_credit(article: Article) -> str:
    """An article's credit said in a message, each side named even when empty ("no author ||
    Zeta Post"): a credit the editor corrected to no one is said so, not as a blank."""
    author = join_names(article.authors) or "no author"
    return f"{author} || {article.publication or 'no publication'}"


def credit_html(author: str, publication: str, *, own: str = "") -> Markup:
    """`credit_line` for the HTML editions, the author and the publication each isolated in
    `<bdi>` (walk151 #12: in an English issue an Arabic article's "سارة حسن || Al Jazeera Net"
    showed as "Al Jazeera Net || سارة حسن" read left to right; an Arabic name beside an Arabic
    publication ran together as one right-to-left phrase in an English line, publication first).
    Isolated, each side is laid out in its own direction and the line's order is its element's:
    author first, left to right in an English entry, right to left in an Arabic one. With `own`
    (the newsletter's language, given for an entry marked with a language not written in Latin
    letters), a side written in Latin letters alone is marked `lang` of it (walk159 #6: "Global CX
    Review" was read with the entry's Persian or Japanese voice)."""
    return Markup(" || ").join(
        Markup('<bdi lang="{}">{}</bdi>').format(own, part)
        if own and latin_only(part)
        else Markup("<bdi>{}</bdi>").format(part)
        for part in (author, publication)
        if part
    )


def credit_text(author: str, publication: str) -> str:
    """`credit_line` for the text and Markdown editions: a side holding right-to-left letters
    between FSI and PDI (`readerlang.isolated`), so that "سارة حسن || Global CX Review" reads
    author first in any viewer (walk159 #3); an English credit as it is."""
    return credit_line(isolated(author), isolated(publication))


def slugify(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in out.split("-") if part) or "section"


def _told_apart(
    covered: Sequence[tuple[str, str | None]],
) -> tuple[tuple[str, str | None], ...]:
    """Other pieces on the story, a publication named more than once numbered "Beta (1/3)",
    "Beta (2/3)" ... (each linking its piece), so that a reader tells them apart (walk123 #7:
    "Also covered by: Beta, Beta, Beta"; walk140 #5: "Another piece in CX Lab on the same story"
    three times); a link listed twice is listed once."""
    pieces: list[tuple[str, str | None]] = []
    for piece in covered:
        if piece[1] is None or piece not in pieces:
            pieces.append(piece)
    count = Counter(name for name, _ in pieces)
    seen: Counter[str] = Counter()
    named = []
    for name, url in pieces:
        seen[name] += 1
        shown = f"{name} ({seen[name]}/{count[name]})" if count[name] > 1 else name
        named.append((Text(shown), url))
    return tuple(named)


def entry_view(entry: Scored, language: str = "en") -> EntryView:
    """What a template sees of an article of an issue in `language` (the newsletter's)."""
    art = entry.article
    author = join_names(art.authors)
    publication = art.publication or ""
    html, blocks = blurb_html(art.blurb, art.blurb_markdown)
    own = [
        (publication, safe_url(url))
        for name, url in entry.also_covered_by
        if publication and name == publication
    ]
    declared = art.language if _LANGUAGE_TAG.fullmatch(art.language) else ""
    guessed, direction = (
        ("", "") if declared else guessed_language(f"{art.title} {art.blurb}", language)
    )
    direction = "" if guessed else direction  # (a language's own direction comes with it)
    marked = declared or guessed
    # (a language not written in Latin letters, or letters of another script than the newsletter's)
    other_script = bool(marked or direction) and (
        "LATIN" not in language_scripts(marked) if marked else True
    )
    newsletters = (
        language
        if other_script
        and "LATIN" in language_scripts(language)
        and lang_attributes(marked, direction, newsletter=language)
        else ""
    )
    return EntryView(
        title=Text(art.title),
        url=safe_url(art.url),
        author=Text(author),
        publication=Text(publication),
        credit=Text(credit_text(author, publication)),
        credit_html=credit_html(author, publication, own=newsletters),
        blurb=Text(art.blurb),
        score=entry.score,
        matched=tuple(Text(m) for m in entry.matched),
        also_covered_by=_told_apart(
            [(name, safe_url(url)) for name, url in entry.also_covered_by if name != publication]
        ),
        also_in_publication=tuple(url for _, url in own),
        pieces_in_publication=_told_apart(own),
        blurb_html=html,
        blurb_blocks=blocks,
        blurb_markdown=art.blurb_markdown,
        language=marked,
        direction=direction,
    )


def issue_context(
    issue: Issue, *, site_url: str | None = None, language: str = "en"
) -> dict[str, object]:
    """Every variable a template gets (documented in docs/templates.md) except `has_index` and
    `has_feed`, which depend on the build's formats: curator.outputs.output_context adds them."""
    sections = tuple(
        SectionView(
            Text(sec.subject),
            Text(sec.description),
            f"issue-{issue.number}-{slugify(sec.subject)}",
            tuple(entry_view(e, language) for e in sec.entries),
        )
        for sec in issue.sections
    )
    introduction = published_markdown(issue.introduction)
    closing = published_markdown(issue.closing)
    return {
        "issue": issue,
        "title": Text(issue.title),
        "number": issue.number,
        "date": issue.date,
        "date_text": Text(date_text(issue.date)),
        "editor": Text(issue.editor or ""),
        "introduction_html": markdown_html(introduction),
        "introduction_text": Text(cut_unsafe_links(introduction).strip()),
        "theme": Text(join_names(issue.theme)),
        "theme_subjects": tuple(Text(t) for t in issue.theme),
        "closing_html": markdown_html(closing),
        "closing_text": Text(cut_unsafe_links(closing).strip()),
        # The text edition's: the Markdown read (walk75 #6: `**words**` stayed as typed).
        "introduction_plain": Text(markdown_text(introduction, lines=True)),
        "closing_plain": Text(markdown_text(closing, lines=True)),
        "sections": sections,
        "article_count": sum(len(s.entries) for s in sections),
        "site_url": safe_url(site_url) if site_url else None,
        # Added for the output formats (curator/outputs.py); documented in docs/templates.md.
        "slug": f"issue-{issue.number}",
        "subjects": tuple(Text(s.subject) for s in sections),
        "page_url": _site_page(site_url, f"issue-{issue.number}.html"),
        "index_url": _site_page(site_url, "index.html"),
        "feed_url": _site_page(site_url, "feed.xml"),
    }


def issue_texts(issue: Issue, change: Callable[[str], str]) -> Issue:
    """`issue` with `change` made to every text a template shows as Text (the issue's title,
    editor and theme, each section's name and description, each article's title, credit, blurb,
    matched terms and the names of other pieces on its story); the editor's Markdown
    (introduction, closing line, a blurb's Markdown), whose markup every edition publishes, as
    it is."""

    def scored(entry: Scored) -> Scored:
        art = entry.article
        return replace(
            entry,
            article=replace(
                art,
                title=change(art.title),
                authors=tuple(change(a) for a in art.authors),
                publication=change(art.publication) if art.publication else art.publication,
                blurb=change(art.blurb),
            ),
            matched=tuple(change(m) for m in entry.matched),
            also_covered_by=tuple((change(n), u) for n, u in entry.also_covered_by),
        )

    return replace(
        issue,
        title=change(issue.title),
        editor=change(issue.editor) if issue.editor else issue.editor,
        theme=tuple(change(t) for t in issue.theme),
        sections=tuple(
            replace(
                sec,
                subject=change(sec.subject),
                description=change(sec.description),
                entries=tuple(scored(e) for e in sec.entries),
            )
            for sec in issue.sections
        ),
    )


#: Each character markup is made of, as a look-alike that makes none (`plain_words`).
_LOOK_ALIKES = str.maketrans({"<": "\u2039", ">": "\u203a", '"': "\u201d", "'": "\u2019"})


def plain_words(text: str) -> str:
    """`text` with no character markup is made of (`<`, `>`, quotes: look-alikes in their
    place), its words and length as they are: what an edition made from it holds no tag nor
    attribute of its own, whatever a template does with it."""
    return text.translate(_LOOK_ALIKES)


def _site_page(site_url: str | None, name: str) -> str | None:
    """A file's full URL on the editor's site (`site_url` + name), or None when no site is set."""
    base = safe_url(site_url) if site_url else None
    return base.rstrip("/") + "/" + name if base else None


def render(env: jinja2.Environment, template: str, context: dict[str, object]) -> str:
    """Render one template; a missing template names every folder searched."""
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateNotFound as exc:
        if exc.name != template:  # one it includes (curator.outputs says where)
            raise
        searched = [
            getattr(loader, "searchpath", [])
            for loader in getattr(env.loader, "loaders", [env.loader])
        ]
        folders = ", ".join(p for paths in searched for p in paths)
        raise jinja2.TemplateNotFound(f"{template} (searched: {folders})") from None


def searched_folders(env: jinja2.Environment) -> str:
    """Every folder `env` looks for a template in, in order."""
    searched = [
        getattr(loader, "searchpath", []) for loader in getattr(env.loader, "loaders", [env.loader])
    ]
    return ", ".join(p for paths in searched for p in paths)
