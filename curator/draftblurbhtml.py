"""A draft's blurb written in HTML (`<p>Great <b>piece</b></p>`): a mistake that stops the build,
named at its line with the Markdown to write instead (fixjz #3).

Why a stop, not the HTML published: the draft is Markdown, and its introduction, closing line and
blurbs take Markdown only (README); a blurb that is an HTML block is markup from its first line
to its last, which Markdown does not read inside, so every edition would publish its tags as
visible text (`&lt;p&gt;Great &lt;b&gt;piece...`), never what the editor meant. Rendering it
instead would make the blurb the one place of a draft that takes HTML, with an HTML reading of
its own for the text and Markdown editions and issue-N.json. A tag inside a line of Markdown
(`Great <b>piece</b>`) stays what it was: shown as text, with a warning
(`issuetext.raw_markup_warnings`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import lxml.html
from lxml.etree import ParserError
from markdown_it import MarkdownIt

from curator.draftmodel import DraftError
from curator.mdliteral import md_text
from curator.urls import safe_url

#: The blurb read as a Markdown renderer that allows HTML would: an `html_block` is HTML written
#: as a block (CommonMark 4.6), its lines HTML to the first blank one.
_WITH_HTML = MarkdownIt("commonmark", {"html": True, "linkify": False})
#: A block of HTML that starts with a tag (not a comment, `<?...` or `<!DOCTYPE`).
_TAG_FIRST = re.compile(r"\s*</?[A-Za-z]")
#: A start tag, as the message names it.
_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*")
#: Tags whose words a blurb's Markdown marks so; a link by its address; the others' words alone.
_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`"}
#: Elements that end a paragraph (each is one of the Markdown's paragraphs).
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "table",
        "tr",
    ]
)
#: Elements whose content is no text of the blurb.
_DROPPED = frozenset(("script", "style", "template", "noscript", "iframe", "object"))


def html_blurb_mistakes(
    path: Path, lines: Sequence[str], numbers: Sequence[int]
) -> list[DraftError]:
    """A mistake for a blurb (`lines`, each at its line of the file in `numbers`) that holds HTML
    written as a block, at that block's first line: what to write instead is its Markdown."""
    text = "\n".join(lines)
    blocks = [
        t
        for t in _WITH_HTML.parse(text)
        if t.type == "html_block" and t.map and _TAG_FIRST.match(t.content)
    ]
    if not blocks or not blocks[0].map or blocks[0].map[0] >= len(numbers):
        return []
    tags = list(dict.fromkeys(m.group(0) + ">" for b in blocks for m in _TAG.finditer(b.content)))
    shown = ", ".join(tags[:3]) + (f" (and {len(tags) - 3} more)" if len(tags) > 3 else "")
    paragraphs = as_markdown(text)
    meant = f": {paragraphs[0]}" if paragraphs else ""
    if len(paragraphs) > 1:
        meant += f" (and its {len(paragraphs) - 1} other paragraph(s) so, a blank line between)"
    return [
        DraftError(
            path,
            numbers[blocks[0].map[0]],
            f"this blurb is written in HTML ({shown}), which a blurb does not take (it is"
            " Markdown, as the introduction is): every edition would show its tags as text;"
            f" write Markdown{meant} (**bold**, *italic*, [text](https://...); \\< shows a <"
            " as it is)",
        )
    ]


def as_markdown(html: str) -> list[str]:
    """The paragraphs of `html` as Markdown: bold, italic and code marked, a link to an address
    curator publishes as `[text](address)`, script and styles left out, any other tag's words."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return []
    paragraphs: list[str] = []
    current: list[str] = []

    def end_paragraph() -> None:
        words = " ".join("".join(current).split())
        if words:
            paragraphs.append(words)
        current.clear()

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _DROPPED or not tag:
            current.append(_literal(element.tail))
            return
        if tag in _BLOCKS:
            end_paragraph()
        inner: list[str] = [_literal(element.text)]
        outer, current[:] = list(current), []
        for child in element:
            walk(child)
        inner += current
        current[:] = outer
        words = "".join(inner)
        if tag in _MARKS and words.strip():
            mark = _MARKS[tag]
            lead, core, trail = _spaced(words)
            words = f"{lead}{mark}{core}{mark}{trail}"
        elif tag == "a" and words.strip() and (link := safe_url(element.get("href") or "")):
            lead, core, trail = _spaced(words)
            words = f"{lead}[{core}]({link}){trail}"
        elif tag == "br":
            words = " "
        current.append(words)
        if tag in _BLOCKS:
            end_paragraph()
        current.append(_literal(element.tail))

    walk(root)
    end_paragraph()
    return paragraphs


def _literal(text: str | None) -> str:
    """Text of the HTML made literal in Markdown, a space kept at each end it had one."""
    if not text:
        return ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return f"{lead}{md_text(text)}{trail}"


def _spaced(words: str) -> tuple[str, str, str]:
    """`words` as (its leading space, its words, its trailing space), for marks around the words."""
    core = words.strip()
    return (
        " " if words[:1].isspace() else "",
        core,
        " " if words[-1:].isspace() and core else "",
    )
