"""The fields, names and values an editor's template uses, checked as it is loaded: a field the view
it reads has not (`entry.titel`), a list used as one value, a value written among a tag's
attributes unquoted; and what each view holds, for the messages that name the field meant (moved
out of `templatecheck`)."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import jinja2
import jinja2.nodes
from markupsafe import Markup

from curator.templatecheck import TEMPLATE_NAMES, LoadCheckError
from curator.views import EntryView, SectionView

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


def refuse_unknown_fields(
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
