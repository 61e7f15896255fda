"""Plain text made literal in Markdown (`md_text`): the escaping the Markdown edition's templates
and a plain "blurb" with line breaks (`curator.plainblurb`) share, apart from the editions'
other filters so that `curator.render` can use it without importing `curator.editions`."""

from __future__ import annotations

import re

from markupsafe import Markup

#: Markdown punctuation that could start markup inside a line (CommonMark 2.4 backslash escapes);
#: `.` `-` `+` `(` `)` are left alone except where they would start a list (handled below). `$`
#: too: kramdown (Jekyll's default) reads `$$...$$` as mathematics (walk149 #3: a feed title "From
#: $$ to $$$: pricing ..." was mangled), and Hugo's passthrough of `$...$` likewise; `\$` is the
#: character in CommonMark and kramdown alike.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|!$])")
#: Punctuation written as an entity, not a backslash escape: Python-Markdown (MkDocs, Pelican)
#: knows no `\<` or `\~` and shows the backslash (walk63 #5), while CommonMark, Python-Markdown
#: and kramdown all read an entity as the character. (`\|` it reads with its tables extension,
#: which MkDocs and Pelican load: the credits' "A || B" stays readable in the file.) `{` and `}`
#: too: Jekyll runs Liquid over the file before kramdown reads it, and Liquid still finds the tag
#: `{%` in `\{\{%` (walk70 #1: a feed title `{{% gist ... %}}` stopped `jekyll build`), and
#: Hugo would take `{{<` for a shortcode; neither reads `&#123;`, which every Markdown shows as `{`.
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "~": "&#126;", "{": "&#123;", "}": "&#125;"}
_MD_AS_ENTITY = re.compile("[<>~{}]")
_MD_LIST_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)
#: What Hugo's (Goldmark's) and Jekyll's (kramdown's) typographers make other characters of: `--`
#: an en dash, `...` an ellipsis, `"` curly quotes (walk154 NEW-7: a title "Why the --no-check
#: flag..." showed "–no-check", "C++ -> C--" "C–"). As entities, which neither typographer reads
#: and every Markdown shows as the characters (Python-Markdown knows no `\"`).
_MD_TYPOGRAPHY = re.compile(r'-{2,}|\.{3,}|"')
_MD_TYPOGRAPHY_ENTITIES = {"-": "&#45;", ".": "&#46;", '"': "&quot;"}


def plain_value(value: object) -> object:
    """A filter's value, Markup (what `~` makes of curator's text values in an escaping template,
    `title ~ " · Issue 1"`) back as its text, so it is not escaped twice."""
    return value.unescape() if isinstance(value, Markup) else value


def md_text(value: object) -> Markup:
    """Plain text made literal in Markdown: punctuation escaped, `&`, `<`, `>` and `~` as
    entities, and `--`, `...` and `"` too (`_MD_TYPOGRAPHY`), one line. (Markup: safe in a .md
    template, which escapes every other value.)"""
    text = " ".join(str(plain_value(value) or "").split())
    text = text.replace("&", "&amp;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_AS_ENTITY.sub(lambda m: _MD_ENTITIES[m.group()], text)
    text = _MD_TYPOGRAPHY.sub(
        lambda m: "".join(_MD_TYPOGRAPHY_ENTITIES[c] for c in m.group()), text
    )
    text = _MD_LIST_START.sub(r"\1\2\\\3", text)
    if text[:1] in {"-", "+", "="}:
        text = "\\" + text
    return Markup(text)
