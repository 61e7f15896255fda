"""The loader of an editor's templates (`WordsLoader`): each template read from the editor's folder,
else curator's own, with `_words.txt` imported, and checked as it is loaded, on every line whether
or not an issue reaches it (the checks live in `templatecheck` and `templatefields`)."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import jinja2
import jinja2.bccache
import jinja2.meta
import jinja2.nodes

from curator.templatecheck import (
    OWN_PREFIX,
    TEMPLATE_NAMES,
    WORDS,
    LoadCheckError,
    builtin_templates,
    own_word_names,
    own_words_source,
    refuse_mangled,
    refuse_one_brace,
    refuse_unknown_filters,
    refuse_unquoted_values,
    searched_folders,
    word_names,
)
from curator.templatefields import refuse_unknown_fields, view_field

#: curator's own `_words.txt`, under a name the editor's folder cannot shadow: an editor's copy
#: lacking a word takes curator's (`WordsLoader`).
_OWN_WORDS = "curator:_words.txt"

#: Names a template of the editor's may use besides: those curator's templates give the blocks
#: an editor's template fills (`entry`, `section`, `item`, `top`), the `_words.txt` import, and
#: Jinja's own inside blocks and macros.
_BLOCK_NAMES: tuple[str, ...] = ("entry", "section", "item", "top", "words", "super", "self")
_BLOCK_NAMES += ("caller", "varargs", "kwargs")


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
        refuse_mangled(source, template, filename)
        refuse_one_brace(environment, source, template, filename)
        refuse_unquoted_values(source, filename or template)
        if filename is not None and Path(filename).parent != builtin_templates():
            self._refuse_unknown_blocks(environment, source, template, filename)
            refuse_unknown_filters(environment, source, template, filename)
            refuse_unknown_fields(environment, source, template, filename)
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


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process, by file and source: a build loads its templates in
    several environments (the early check, the build's, the publish's, `render`'s), and Jinja
    compiled each template again in each (a third of a small build's time, measured: three
    builds compiled 60 templates, 3.1 s of 6.5 s). Jinja checks each entry against the source's
    checksum, so a template edited since is compiled again, never served stale; only
    `environment()`'s environments, all of one configuration, share it. The newest
    `MAX_TEMPLATES` are kept (a long-lived process rendering many folders' templates)."""

    MAX_TEMPLATES = 256

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._referenced: dict[str, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self._code)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.pop(bucket.key, None)
        if code is not None:
            self._code[bucket.key] = code  # (the newest again)
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code.pop(bucket.key, None)
        self._code[bucket.key] = bucket.bytecode_to_string()
        while len(self._code) > self.MAX_TEMPLATES:
            del self._code[next(iter(self._code))]

    def referenced(self, env: jinja2.Environment, source: str) -> tuple[str, ...]:
        """The names of the templates `source` includes, extends or imports by name, parsed once
        per source (`outputs.check_templates` asks of every template in each environment)."""
        found = self._referenced.get(source)
        if found is None:
            names = jinja2.meta.find_referenced_templates(env.parse(source))
            found = tuple(n for n in names if n is not None)
            if len(self._referenced) >= self.MAX_TEMPLATES:
                self._referenced.clear()
            self._referenced[source] = found
        return found


#: The one cache of `render.environment()`'s environments.
COMPILED = CompiledTemplates()
