"""The tags the text edition leaves out of a text (`text_edition`), apart from
the rendering: `curator.markdowntext` warns of them in the editor's Markdown (walk142 #13) and
cuts them from its plain text (a Markdown blurb's, the JSON's "blurb": walk188 #3),
`curator.config` in plain-text settings (walk102 #5), and `editions` renders with `render`, so the
rules live here for all three (a function-level import in `render` made a cycle)."""

from __future__ import annotations

import re

from curator.htmltext import display_width
from curator.markdowntext_links import cut_unsafe_links_per_line

#: What a Markdown or HTML page would read as markup in the text edition's text, which is pasted
#: into blogs and mailing tools that render one or the other (walk87 #1): an HTML comment and a
#: tag (`<img src=x onerror=...>`, `</b>`: a name then a space, `/` or `>`, so `<https://...>` is
#: a link and "x < y" and "<3" text). A `<?php ... ?>` or `<![CDATA[ ... ]]>` runs nothing
#: (a browser reads either as a comment) and stays as the words it is.
_TEXT_MARKUP = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
#: The tags the text edition leaves out, even bare: those that run, load or embed something or
#: take input (`<script>`, `<img>`, `<iframe>`, `<form>` ...). Any other bare tag, `<details>` or
#: `</b>`, is a word the other editions show as text: kept, as `< details>` (walk99 #2).
_TEXT_ACTIVE_TAGS = frozenset(
    [
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "img",
        "image",
        "svg",
        "math",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "link",
        "meta",
        "base",
        "audio",
        "video",
        "source",
    ]
)


#: A closed script or style element, with its code: the text edition leaves out both.
_CODE_ELEMENT = re.compile(
    r"<(script|style)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)


def text_markup_cut(text: str) -> list[str]:
    """The HTML comments and tags the text edition leaves out of `text` (`text_tags_cut`), in
    order: a plain-text setting holding any is warned about (walk102 #5)."""
    kept = text_tags_cut(text)
    return [m.group(0) for m in _TEXT_MARKUP.finditer(text) if m.group(0) not in kept]


def text_tags_cut(text: str) -> str:
    """`text` without its HTML comments and the tags that could do something: an active one
    (`_TEXT_ACTIVE_TAGS`) unless it is a bare word (`_bare_word`), one with an attribute's value (`<a href=...>`, `<b onclick=...>`: no
    handler or link works without one) and the closing tag of either; any other tag stays as
    typed, words after its name too (a wire headline's "<REVENUE PROPERTIES CO LTD> YEAR LOSS",
    walk103 #1)."""
    # a script or a style element goes with its code (walk173 #9: `<script>alert(1)</script>Pub`
    # was published "alert(1)Pub")
    text = _CODE_ELEMENT.sub("", text)
    cut = set(_TEXT_ACTIVE_TAGS)
    for match in _TEXT_MARKUP.finditer(text):
        if match.group(2) and "=" in match.group(3):
            cut.add(match.group(2).lower())
    lower = text.lower()

    def keep_or_cut(match: re.Match[str]) -> str:
        name = match.group(2)
        if name is None or "=" in match.group(3):
            return ""
        if name.lower() in cut and not _bare_word(match, lower):
            return ""
        return match.group(0)

    return _TEXT_MARKUP.sub(keep_or_cut, text)


def _bare_word(match: re.Match[str], lower: str) -> bool:
    """Whether a tag of `_TEXT_MARKUP` is a word ("Why <iframe> embeds slow pages", walk109 #2): a
    start tag with no attributes that no end tag of its name follows, which the other editions
    show as text too. Kept as `< iframe>`, it is no tag to a Markdown or HTML page."""
    name = match.group(2).lower()
    if match.group(1) or match.group(3).strip():
        return False
    return re.search(rf"</{re.escape(name)}[\s/>]", lower[match.end() :]) is None


#: A `<` left that would still open a tag or a comment (unclosed, or a bare tag kept): a space
#: after it makes it text.
#: An address in angle brackets (`<dana@example.com>`, as `<https://...>`) stays as written
#: (walk156 #20: a footer's "Write to me: <dana@example.com>" was published `< dana@...`).
_TEXT_OPENER = re.compile(
    r"<(?=[A-Za-z/]|!--)(?!(?:https?://|mailto:)[^\s<>]*>)"
    r"(?![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*>)"
)


def text_edition(text: str) -> str:
    """The text edition as published: its words with no HTML markup (comments, tags that run,
    load or embed something or give an attribute a value left out; any other tag, and an unclosed `<tag`,
    as `< tag`) and no Markdown link or image to an unsafe address (javascript:, data:,
    vbscript: ...: its text alone), so that pasted where Markdown or HTML is rendered it runs,
    embeds and links to nothing unsafe. (It is no Markdown: such a place still styles what
    Markdown reads in it, a `*word*` or the title's `====`, as README says: walk149 #10.)
    "x < y", "R&D", "<3" and `<https://...>` stay as they are."""
    written = text
    text = text_tags_cut(text)
    text = cut_unsafe_links_per_line(text)
    return _underlines_refitted(written, _TEXT_OPENER.sub("< ", text))


def _underlines_refitted(written: str, published: str) -> str:
    """`published` (the text edition made of `written`) with each `===` underline the template
    fitted to its heading in `written` fitted again to the heading as published (walk188 #7:
    `Editor's picks & <notes>`, published `... & < notes>`, was underlined one `=` short)."""
    before, after = written.split("\n"), published.split("\n")
    if len(before) != len(after):  # (a comment over several lines cut: no line to match)
        return published
    for row in range(1, len(after)):
        rule, heading = before[row], before[row - 1]
        fitted = rule and set(rule) == {"="} and len(rule) == display_width(heading)
        if fitted and after[row] == rule and after[row - 1] != heading and after[row - 1]:
            after[row] = "=" * display_width(after[row - 1].rstrip())
    return "\n".join(after)
