"""A draft's blurb written in HTML (`<p>Great <b>piece</b></p>`): a mistake that stops the build,
named at its line with the Markdown to write instead (fixjz #3).

Why a stop, not the HTML published: the draft is Markdown, and its introduction, closing line and
blurbs take Markdown only (README); a blurb that is an HTML block is markup from its first line
to its last, which Markdown does not read inside, so every edition would publish its tags as
visible text (`&lt;p&gt;Great &lt;b&gt;piece...`), never what the editor meant. Rendering it
instead would make the blurb the one place of a draft that takes HTML, with an HTML reading of
its own for the text and Markdown editions and issue-N.json. A tag inside a line of Markdown
(`<em>Avant</em> de partir`, `Map<br>zeigt`) whose tag Markdown writes stops the build the same
way, its line given back as Markdown (walk195 #5: it was published with its tags as text, and
the warning came after); any other tag stays what it was: shown as text, with a warning
(`issuetext.raw_markup_warnings`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import lxml.html
from lxml.etree import ParserError
from markdown_it import MarkdownIt

from curator.draftmodel import DraftError
from curator.markdowntext import raw_markup
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
#: Tags a blurb's Markdown writes: one of them inside a line of the blurb stops the build too.
WRITTEN_IN_MARKDOWN = frozenset(
    ["em", "i", "strong", "b", "br", "a", "p", "code", "ul", "ol", "li", "blockquote"]
    + [f"h{n}" for n in range(1, 7)]
)
#: A tag, its name and (for a link) its address.
_ANY_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>", re.DOTALL
)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
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
        return _inline_mistakes(path, lines, numbers)
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


def _inline_mistakes(path: Path, lines: Sequence[str], numbers: Sequence[int]) -> list[DraftError]:
    """A mistake per line of a blurb holding a tag inside its Markdown (not in a code span) that
    Markdown writes (`WRITTEN_IN_MARKDOWN`): the line, as Markdown, is what to write instead."""
    by_line: dict[int, list[str]] = {}
    for piece in raw_markup("\n".join(lines)):
        found = _ANY_TAG.fullmatch(piece.text.strip())
        if piece.kind == "html" and found and found.group(2).lower() in WRITTEN_IN_MARKDOWN:
            by_line.setdefault(piece.line, []).append(piece.text)
    mistakes = []
    for line, pieces in sorted(by_line.items()):
        if not 0 < line <= len(numbers):
            continue
        tags = list(dict.fromkeys(pieces))
        shown = ", ".join(tags[:3]) + (f" (and {len(tags) - 3} more)" if len(tags) > 3 else "")
        mistakes.append(
            DraftError(
                path,
                numbers[line - 1],
                f"this blurb holds the HTML {shown}, which a blurb does not take (it is Markdown,"
                " as the introduction is): every edition would show its tags as text; write"
                f" Markdown: {_line_as_markdown(lines[line - 1], pieces)} (**bold**, *italic*,"
                " [text](https://...); \\< shows a < as it is)",
            )
        )
    return mistakes


def _line_as_markdown(line: str, pieces: Sequence[str]) -> str:
    """`line` with each of its tags in `pieces` (in order) written as Markdown: bold, italic and
    code marked, a link to an address curator publishes as `[text](address)`, a line break or a
    paragraph's tags as a space, any other tag left out."""
    out: list[str] = []
    at = 0
    links: list[str] = []
    for piece in pieces:
        start = line.find(piece, at)
        found = _ANY_TAG.fullmatch(piece.strip())
        if start < 0 or not found:
            continue
        out.append(line[at:start])
        at = start + len(piece)
        closing, tag = found.group(1) == "/", found.group(2).lower()
        if tag in _MARKS:
            out.append(_MARKS[tag])
        elif tag == "a" and not closing:
            href = _HREF.search(found.group(3))
            link = safe_url(next((g for g in href.groups() if g), "")) if href else None
            links.append(link or "")
            out.append("[" if link else "")
        elif tag == "a":
            link = links.pop() if links else ""
            out.append(f"]({link})" if link else "")
        else:
            out.append(" ")
    out.append(line[at:])
    return " ".join("".join(out).split())
