"""The email edition's CSS that cannot go into style="" attributes: found, and kept for the head.

css-inline writes each rule of a `<style>` into the `style=""` of the elements it matches and
drops the rest without a word: an `@media (max-width: 600px) { ... }` for phones, an
`@font-face`, an `@supports`, and every rule of a state or a part of an element (`a:hover`,
`:focus`, `::before`), which no attribute can hold. Mail programs that read a `<style>` in the
`<head>` (Apple Mail, Gmail, Outlook on the web and on phones) honour those, so curator keeps
them there, in one `<style>` after the inlining, rather than losing them (fixgk: a phone layout
of an editor's email.html was lost, unsaid). An `@import` is left out (a mail fetching a
stylesheet is a tracking request; `linked_stylesheets` warns of it).
"""

from __future__ import annotations

import re

#: Pseudo-classes css-inline writes into style="" (the document's own structure decides them;
#: css-inline 0.24 tried: each matched an element). Any other (`:hover`, `:focus`, `:visited`,
#: `:checked`, `:is()`, a `::before` ...) depends on the reader's program or is not matched by
#: css-inline, so its rule is kept in the head too.
_INLINED_PSEUDO = frozenset(
    {
        "first-child",
        "last-child",
        "only-child",
        "nth-child",
        "nth-last-child",
        "first-of-type",
        "last-of-type",
        "only-of-type",
        "nth-of-type",
        "nth-last-of-type",
        "not",
        "has",
        "root",
        "empty",
        "link",
        "any-link",
    }
)
#: A pseudo-class or pseudo-element of a selector: `:hover`, `::before`, `:nth-child(`.
_PSEUDO = re.compile(r"(::?)([a-zA-Z][\w-]*)")
#: What a selector's pseudo-classes are not looked for in: `[href*="a:b"]`, `"..."`.
_QUOTED = re.compile(r"""\[[^\]]*\]|"[^"]*"|'[^']*'""")
_STYLE = re.compile(r"(?is)(<style\b[^>]*>)(.*?)(</style\s*>)")
_HEAD_END = re.compile(r"(?i)</head\s*>")


def _without_comments(css: str) -> str:
    """`css` with its `/* ... */` comments left out (not those inside quotes)."""
    out, i = [], 0
    while i < len(css):
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = len(css) if end < 0 else end + 2
            out.append(" ")
            continue
        if css[i] in "\"'":
            end = css.find(css[i], i + 1)
            end = len(css) if end < 0 else end + 1
            out.append(css[i:end])
            i = end
            continue
        out.append(css[i])
        i += 1
    return "".join(out)


def _statements(css: str) -> list[tuple[str, str | None]]:
    """The top-level statements of a stylesheet (no comments): (prelude, what its braces hold),
    or (prelude, None) for one ended by `;` (`@import url(x.css);`)."""
    found: list[tuple[str, str | None]] = []
    i, start, depth, opened = 0, 0, 0, 0
    while i < len(css):
        ch = css[i]
        if ch in "\"'":
            end = css.find(ch, i + 1)
            i = len(css) if end < 0 else end + 1
            continue
        if ch == "{":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                found.append((css[start:opened].strip(), css[opened + 1 : i]))
                start = i + 1
        elif ch == ";" and depth == 0:
            if css[start:i].strip():
                found.append((css[start:i].strip(), None))
            start = i + 1
        i += 1
    return found


def _selectors(prelude: str) -> list[str]:
    """A rule's selectors, split at the commas outside parentheses (`:is(a, b)` is one)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i].strip())
            start = i + 1
    parts.append(prelude[start:].strip())
    return [p for p in parts if p]


def _not_inlined(selector: str) -> bool:
    """Whether css-inline cannot write `selector`'s rule into style="" (a `:hover`, `::before`)."""
    return any(
        colons == "::" or name.casefold() not in _INLINED_PSEUDO
        for colons, name in _PSEUDO.findall(_QUOTED.sub("", selector))
    )


def _head_rules(css: str) -> str:
    """The rules of a `<style>` that inlining cannot carry, as CSS for the mail's head: every
    @-rule but `@import`, and the rules of selectors with a state or a part (`a:hover`)."""
    kept = []
    for prelude, block in _statements(_without_comments(css)):
        if prelude.startswith("@"):
            if not re.match(r"(?i)@import\b", prelude):
                kept.append(f"{prelude};" if block is None else f"{prelude} {{{block}}}")
        elif block is not None:
            selectors = [s for s in _selectors(prelude) if _not_inlined(s)]
            if selectors:
                kept.append(f"{', '.join(selectors)} {{{block}}}")
    return "\n".join(kept)


def without_imports(html: str) -> str:
    """`html` with every `@import ...;` of its `<style>`s left out: the inliner would keep none,
    and the head's `<style>` must not fetch a stylesheet."""
    return _STYLE.sub(
        lambda m: m.group(1) + re.sub(r"(?i)@import\b[^;\n]*;?", "", m.group(2)) + m.group(3),
        html,
    )


def keep_in_head(inlined: str, rules: str) -> str:
    """The inlined mail with `rules` in one `<style>` at the end of its `<head>`."""
    if not rules.strip():
        return inlined
    style = f"<style>\n{rules}\n</style>\n"
    if _HEAD_END.search(inlined):
        return _HEAD_END.sub(lambda m: style + m.group(), inlined, count=1)
    return style + inlined


def rules_for_head(html: str) -> str:
    """What inlining would drop from every `<style>` of `html`, in their order."""
    return "\n".join(filter(None, (_head_rules(m.group(2)) for m in _STYLE.finditer(html))))
