"""What a screen reader makes of the links and images the editor's template copies write
themselves (walk197 #2: `<a href="{{ entry.url }}">Read more</a>` under every article, four
"Read more" links to four places, and an `<img>` without `alt`, were said nowhere, while the same
words in the introduction were). Read from the copies' source, each named by file and line."""

from __future__ import annotations

import re
from pathlib import Path

from curator.readerlang import VAGUE_LINK_WORDS

#: A link of a template: its attributes (group 1) and what it holds (group 2).
_LINK = re.compile(r"(?is)<a\b([^>]*)>(.*?)</a\s*>")
#: An image of a template.
_IMAGE = re.compile(r"(?is)<img\b[^>]*>")
_ALT = re.compile(r"(?is)\salt\s*=")
_HREF = re.compile(r"""(?is)\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
#: A Jinja comment, expression or statement.
_COMMENT = re.compile(r"(?s){#.*?#}")
_JINJA = re.compile(r"(?s){{.*?}}|{%.*?%}")
_TAG = re.compile(r"(?s)<[^>]*>")
_FOR = re.compile(r"{%-?\s*for\b")
_ENDFOR = re.compile(r"{%-?\s*endfor\b")


def _blanked(found: re.Match[str]) -> str:
    """A comment as blank lines: what follows keeps its line number."""
    return "\n" * found.group(0).count("\n")


def _in_loop(text: str, at: int) -> bool:
    """Whether position `at` of a template is inside a `{% for %}` loop."""
    before = text[:at]
    return len(_FOR.findall(before)) > len(_ENDFOR.findall(before))


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def copy_link_warnings(folder: Path | None) -> tuple[str, ...]:
    """A warning per link of the editor's HTML template copies in `folder` whose words are the
    template's own and say nothing of where it goes out of their sentence ("Read more", "here"),
    or are the same under every article of a loop while each goes to its own place; and per
    image without `alt`, which a screen reader reads out as its address."""
    if folder is None or not folder.is_dir():
        return ()
    warnings: list[str] = []
    for path in sorted(folder.glob("*.html")):
        try:
            text = _COMMENT.sub(_blanked, path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            continue  # unreadable: the build itself says so
        for link in _LINK.finditer(text):
            held = link.group(2)
            if _JINJA.search(held) or _IMAGE.search(held):
                continue  # its words are the (a title, a name) or an image's alt
            words = " ".join(_TAG.sub(" ", held).split())
            href = _HREF.search(link.group(1))
            address = next((a for a in href.groups() if a is not None), "") if href else ""
            looped = _in_loop(text, link.start()) and "{{" in address
            vague = words.casefold().strip(" .!:…›»→") in VAGUE_LINK_WORDS
            if not words or not (vague or looped):
                continue
            where = f"{path}, line {_line(text, link.start())}"
            alike = (
                f"; and every article's link has them, each going to its own place ({address}),"
                " so a screen reader's list of links reads them alike"
                if looped
                else ""
            )
            said = (
                "say nothing of where it goes read out of their sentence, as a screen reader's"
                " list of links reads them"
                if vague
                else "are the template's own"
            )
            warnings.append(
                f'{where}: the link words "{words}" {said}{alike}; write words that say where it'
                ' goes, e.g. `<a href="{{ entry.url }}">{{ entry.title }}</a>`, or add them:'
                f' `{words}: {{{{ entry.title }}}}` (docs/templates.md, "Link words")'
            )
        for image in _IMAGE.finditer(text):
            if _ALT.search(image.group(0)):
                continue
            warnings.append(
                f"{path}, line {_line(text, image.start())}: the image `{image.group(0)}` has no"
                ' alt=: a screen reader reads out its address instead; write alt="" when it'
                ' shows nothing a reader needs (a logo, a rule), else alt="what it shows"'
            )
    return tuple(warnings)
