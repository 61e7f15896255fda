"""The editor's Markdown and the text a feed gives, as curator publishes them: sanitised HTML, unsafe
links cut, what an edition cannot show found and said (moved out of `curator.render`, which had
grown past 2,500 lines)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token
from markupsafe import Markup

from curator.texttags import text_markup_cut
from curator.urls import safe_url

#: Tags an editor's Markdown introduction may produce; everything else is removed (nh3 allow-list).
ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
#: Only these schemes survive in a link (no javascript:, data:, vbscript:).
URL_SCHEMES = {"http", "https", "mailto"}


def safe_url_filter(url: str | None, base: str | None = None) -> str:
    """The `safe_url` filter: the link if it is safe to publish, else "" (never the text
    "None", which a template would print as `href="None"`)."""
    return safe_url(url, base) or ""


def sanitize_html(markup: str) -> Markup:
    """HTML from anyone but curator, made safe: allow-listed tags, attributes and URL schemes."""
    cleaned = nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)


#: A link reference definition `[label]: destination` (its title, if any, follows on the line).
_MD_LINK_DEFINITION = re.compile(
    r"^ {0,3}\[(?:\\.|[^\]\\])+\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|\S+)[^\n]*$", re.MULTILINE
)

#: The base a relative link destination is resolved against to check it (never published).
_RELATIVE_BASE = "https://relative.invalid/"


def _unsafe_destination(dest: str) -> bool:
    """Whether a Markdown link destination, as a renderer decodes it (markdown-it's
    parseLinkDestination undoes backslash escapes and entities: `javascript&colon;` is
    `javascript:`), names a scheme we don't publish.

    A relative link is resolved, so it stays. Text with a `:` before any `/ ? #` reads as a
    scheme to some renderer or reader (`&lt;JavaScript:...>` decodes to `<JavaScript:...>`,
    relative to urljoin): it must be a safe address on its own, so no such text is published.
    """
    if not dest.strip():
        return False
    if safe_url(dest, _RELATIVE_BASE) is None:
        return True
    cleaned = "".join(ch for ch in dest if ord(ch) > 32 and ord(ch) != 127)
    return ":" in re.split(r"[/?#]", cleaned, maxsplit=1)[0] and safe_url(cleaned) is None


def _skip_space(text: str, i: int) -> int:
    """`i` moved past spaces, tabs and line endings (as markdown-it's inline link rule does)."""
    while i < len(text) and text[i] in " \t\n":
        i += 1
    return i


def _inline_link_end(text: str, start: int) -> tuple[int, str] | None:
    """For `](` ending at `start`: (index after the link's `)`, its decoded destination), or None.

    The steps of markdown-it's inline link rule (CommonMark 6.3): spaces, destination, spaces,
    an optional title (only after a space), spaces, then `)`.
    """
    n = len(text)
    pos = _skip_space(text, start)
    if pos >= n:
        return None
    dest = ""
    found = parseLinkDestination(text, pos, n)
    if found.ok:
        dest, pos = found.str, found.pos
        after = pos
        pos = _skip_space(text, pos)
        title = parseLinkTitle(text, pos, n)
        if pos < n and after != pos and title.ok:
            pos = _skip_space(text, title.pos)
    return (pos + 1, dest) if pos < n and text[pos] == ")" else None


def _definition_destination(raw: str) -> str:
    """A reference definition's destination as a renderer decodes it (escapes, entities)."""
    found = parseLinkDestination(raw, 0, len(raw))
    return found.str if found.ok else raw


def _link_opening(text: str, close: int) -> int | None:
    """The index of the `[` that the `]` at `close` ends (brackets balanced, escapes skipped)."""
    depth = 0
    for i in range(close - 1, -1, -1):
        if text[i] not in "[]":
            continue
        backslashes = len(text[:i]) - len(text[:i].rstrip("\\"))
        if backslashes % 2:
            continue
        if text[i] == "]":
            depth += 1
        elif depth == 0:
            return i
        else:
            depth -= 1
    return None


def spaced_unsafe(address: str) -> str | None:
    """The address of a `[text](address)` that is no link for a space in it (`spaced_links`),
    with its spaces taken out as a browser takes out a tab or line break, when that is an address
    never published (`java<TAB>script:alert(1)` is `javascript:alert(1)`); None otherwise."""
    squashed = "".join(address.split())
    if squashed == address or not _unsafe_destination(squashed):
        return None
    # (the `)` its own `(` took from the link's end: `alert(1)`, cut with it)
    return squashed + ")" * (squashed.count("(") - squashed.count(")"))


def _cut_spaced_unsafe(text: str) -> str:
    """Every `[text](address)` that is no link for a space in its address, but whose address
    without its spaces is unsafe, replaced by its text alone (walk173 #9: another Markdown
    renderer may link `[home](java<TAB>script:alert(1))`); a `)` left after it by the address's
    own `(` goes with it."""
    if "](" not in text:
        return text
    out: list[str] = []
    pos = 0
    for match in _SPACED_LINK.finditer(text):
        address = match.group(2)
        if match.start() < pos or spaced_unsafe(address.strip()) is None:
            continue
        end = match.end()
        if address.count("(") > address.count(")") and text[end : end + 1] == ")":
            end += 1
        out += [text[pos : match.start()], match.group(1)]
        pos = end
    return "".join(out) + text[pos:]


def _unlink_unsafe(text: str) -> str:
    """Every inline link or image whose destination is unsafe replaced by its text alone (and
    one that is no link for a space in its address, `_cut_spaced_unsafe`)."""
    text = _cut_spaced_unsafe(text)
    pos = 0
    while (close := text.find("](", pos)) != -1:
        found = _inline_link_end(text, close + 2)
        if found is None or not _unsafe_destination(found[1]):
            pos = close + 2
            continue
        end = found[0]
        opening = _link_opening(text, close)
        if opening is None:  # not a link, but no unsafe address is published even as text
            text, pos = text[: close + 1] + text[end:], close + 1
            continue
        start = opening - 1 if opening and text[opening - 1] == "!" else opening
        text, pos = text[:start] + text[opening + 1 : close] + text[end:], start
    return text


#: A reference link `[text][label]`, `[label][]` or `[label]` (not an inline link, nor a
#: definition): its `!` (an image), its text and its label, if written.
_MD_REFERENCE = re.compile(r"(!?)\[((?:\\.|[^\[\]\\])+)\](?:\[((?:\\.|[^\[\]\\])*)\])?(?![(:\[])")


def _label(text: str) -> str:
    """A link label as CommonMark matches it: case and runs of spaces do not count."""
    return " ".join(text.split()).casefold()


def _unsafe_definitions(text: str) -> dict[str, str]:
    """Every reference definition of `text` to an unsafe address: {matching label: address}."""
    found: dict[str, str] = {}
    for m in _MD_LINK_DEFINITION.finditer(text):
        dest = _definition_destination(m.group(1))
        if _unsafe_destination(dest):
            label = m.group(0).strip().split("]:", 1)[0].lstrip("[")
            found.setdefault(_label(label), dest)
    return found


def _reference_label(m: re.Match[str]) -> str:
    return _label(m.group(3) or m.group(2))


def cut_unsafe_links(text: str) -> str:
    """The editor's Markdown with every link to an unsafe address (javascript:, file:, data: ...)
    replaced by its text alone, and every reference definition naming one left out (a reference
    link `[text][label]` to it is its text alone too): what every format publishes of such a link
    (`unsafe_links` says where each was, for the warning)."""
    unsafe = _unsafe_definitions(text)
    text = _MD_LINK_DEFINITION.sub(
        lambda m: "" if _unsafe_destination(_definition_destination(m.group(1))) else m.group(0),
        text,
    )
    if unsafe:
        text = _MD_REFERENCE.sub(
            lambda m: m.group(2) if _reference_label(m) in unsafe else m.group(0), text
        )
    return _unlink_unsafe(text)


#: A reference definition's label, up to the `]` before its `:`.
_MD_DEFINITION_LABEL = re.compile(r" {0,3}\[(?:\\.|[^\]\\])+\]")


def cut_unsafe_links_per_line(text: str) -> str:
    """Text that is not one Markdown document but fields one after another (the text edition:
    titles, credits, blurbs) with every inline link or image to an unsafe address its text alone,
    and every line that would define a reference to one written `[label] : address`, which no
    Markdown reads as a definition: one field's line never blanked nor read as the definition of
    another's `[text][label]` (walk96 B: a feed title `[1]: javascript:...` was left out, and
    another article's title `... [x][1] ...` printed `... x ...`)."""

    def unbind(m: re.Match[str]) -> str:
        if not _unsafe_destination(_definition_destination(m.group(1))):
            return m.group(0)
        label = _MD_DEFINITION_LABEL.match(m.group(0))
        end = label.end() if label else m.group(0).index("]:") + 1
        return m.group(0)[:end] + " " + m.group(0)[end:]

    return _unlink_unsafe(_MD_LINK_DEFINITION.sub(unbind, text))


def _inline_destination(href: str, title: str) -> str:
    """A link's `(destination "title")` as an inline link writes it: parentheses escaped, so that
    one unbalanced never ends it, and the title quoted."""
    dest = href.replace("\\", "%5C").replace("(", "\\(").replace(")", "\\)")
    if not title:
        return f"({dest})"
    return "(" + dest + ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '")'


def inline_references(text: str) -> str:
    """The editor's Markdown with every reference link (`[the study][1]`, `[the study][]`,
    `[the study]`) written as the inline link it is (`[the study](https://...)`) and its
    definitions (`[1]: https://...`) left out, so that it links the same wherever it is put.

    Why: issue-N.md is one document of the introduction, every blurb and the closing line, where
    a label means the first definition of it in the whole file (CommonMark 4.7): two blurbs'
    `[1]` both led to the first one's address, and the introduction's `[Acme][1]` to a blurb's
    (walk149 #2), where every other edition reads each piece alone. Text that would not read
    the same so (a reference markdown-it resolves and this does not find) is left as written."""
    env: dict[str, Any] = {}
    tokens = _markdown.parse(text or "", env)
    references = env.get("references") or {}
    if not references:
        return text
    lines = text.split("\n")
    code: set[int] = set()
    covered: set[int] = set()
    for token in tokens:
        if token.map and token.type in ("fence", "code_block"):
            code.update(range(*token.map))
        if token.map and token.level == 0:
            covered.update(range(*token.map))
    # a definition's lines: those its reference names, and any other a top-level block lacks
    # (a label defined twice: its second definition is one too, and read as nothing)
    dropped = {row for ref in references.values() for row in range(*ref.get("map", (0, 0)))}
    dropped |= {row for row, line in enumerate(lines) if row not in covered and line.strip()}

    def inline(m: re.Match[str]) -> str:
        found = references.get(normalizeReference(m.group(3) or m.group(2)))
        if found is None:
            return m.group(0)
        href, title = str(found.get("href") or ""), str(found.get("title") or "")
        return f"{m.group(1)}[{m.group(2)}]{_inline_destination(href, title)}"

    written = outside_code(
        [line for row, line in enumerate(lines) if row not in dropped],
        {row - sum(1 for d in dropped if d < row) for row in code if row not in dropped},
        _CODE_SPAN,
        lambda piece: _MD_REFERENCE.sub(inline, piece),
    )
    if _markdown.render(written) != _markdown.render(text):
        return text
    return written


def outside_code(
    lines: Sequence[str],
    code: Collection[int],
    spans: re.Pattern[str],
    change: Callable[[str], str],
) -> str:
    """`lines` joined, each run of lines outside the code blocks (`code`: their 0-based rows)
    changed by `change` but in its code spans (`spans`), where Markdown's text is shown as typed:
    the one walk `outputs`' raw-HTML escape and `inline_references` share."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        joined, pos, pieces = "\n".join(run), 0, []
        for span in spans.finditer(joined):
            pieces += [change(joined[pos : span.start()]), span.group(0)]
            pos = span.end()
        out.append("".join(pieces) + change(joined[pos:]))
        run.clear()

    for row, line in enumerate(lines):
        if row in code:
            if run:
                flush()
            out.append(line)
        else:
            run.append(line)
    if run:
        flush()
    return "\n".join(out)


@dataclass(frozen=True)
class UnsafeLink:
    """A link of the editor's Markdown that `cut_unsafe_links` cuts: its 1-based line within
    the text, its text and its address."""

    line: int
    text: str
    address: str


def unsafe_links(text: str) -> tuple[UnsafeLink, ...]:
    """Every link (or reference definition) of `text` whose address is never published."""
    found: list[UnsafeLink] = []
    unsafe = _unsafe_definitions(text)
    used: set[str] = set()
    # Each reference link to an unsafe definition, by the text the reader sees ("ref link").
    outside = _MD_LINK_DEFINITION.sub(lambda m: " " * len(m.group(0)), text) if unsafe else ""
    for m in _MD_REFERENCE.finditer(outside):
        if (label := _reference_label(m)) in unsafe:
            used.add(label)
            shown = " ".join(m.group(2).split())
            found.append(UnsafeLink(text.count("\n", 0, m.start()) + 1, shown, unsafe[label]))
    for m in _MD_LINK_DEFINITION.finditer(text):
        dest = _definition_destination(m.group(1))
        if _unsafe_destination(dest):
            label = m.group(0).strip().split("]:", 1)[0].lstrip("[")
            if _label(label) not in used:  # a definition no link uses: said by its label
                found.append(UnsafeLink(text.count("\n", 0, m.start()) + 1, label, dest))
    pos = 0
    while (close := text.find("](", pos)) != -1:
        link = _inline_link_end(text, close + 2)
        pos = close + 2
        if link is None or not _unsafe_destination(link[1]):
            continue
        opening = _link_opening(text, close)
        start = close if opening is None else opening
        label = "" if opening is None else " ".join(text[opening + 1 : close].split())
        found.append(UnsafeLink(text.count("\n", 0, start) + 1, label, link[1]))
    return tuple(sorted(found, key=lambda u: u.line))


_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False})
#: The same Markdown read as a renderer that allows HTML would: to find the raw HTML in it.
_markdown_with_html = MarkdownIt("commonmark", {"html": True, "linkify": False})
#: The Markdown read for its text, a `\<` or `&lt;` the editor wrote kept apart from the text
#: around it (`text_special`), to tell it from a tag typed as such (walk96 A).
_markdown_plain = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("text_join")
#: Where the editor wrote `\<` or `&lt;`: a `<` shown as text, which the text edition keeps.
_LITERAL_LT = "\ue000"
#: Such a `<` before what would read as a tag: a space after it keeps it text (`< script>`), as
#: the text edition does with an unclosed tag, instead of the tag being left out.
_LITERAL_TAG = re.compile(_LITERAL_LT + "(?=[A-Za-z/!?])")

#: An autolink `<scheme:...>` (CommonMark 6.5); one to an unsafe scheme is shown as text.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*)>")
#: The tags (or comment) at the start of a raw HTML block's line.
_BLOCK_TAG = re.compile(r"<!--.*?(?:-->|$)|<[^>]*>?")


@dataclass(frozen=True)
class RawMarkup:
    """Markup in the editor's Markdown that no format publishes as markup: raw HTML (`<b>`), an
    HTML comment, or an autolink to an unsafe address (`<javascript:...>`); each is shown as the
    text it is. `line` is 1-based within the text."""

    line: int
    text: str
    #: "html", "comment", "autolink", or "text": text every format shows (Markdown reads no tag
    #: in it: `<svg/onload=...>`, or `&lt;script&gt;` written as entities) that the text
    #: edition leaves out as a tag that runs something or has an attribute (walk142 #13).
    kind: str


def raw_markup(text: str) -> tuple[RawMarkup, ...]:
    """Every piece of raw HTML, HTML comment and unsafe autolink of the editor's Markdown (code
    spans and code blocks are text, so they hold none), and of its text that the text edition
    leaves out as markup, in order."""
    lines = (text or "").split("\n")
    found: list[RawMarkup] = []

    def add(line: int, piece: str) -> None:
        found.append(RawMarkup(line, piece, "comment" if piece.startswith("<!--") else "html"))

    for token in _markdown_with_html.parse(text or ""):
        if token.map is None:
            continue
        first, last = token.map
        if token.type == "html_block":
            for offset, written in enumerate(token.content.rstrip("\n").split("\n")):
                for piece in _BLOCK_TAG.findall(written):
                    add(first + offset + 1, piece)
            continue
        if token.type != "inline":
            continue
        row = first
        for child in token.children or ():
            if child.type == "html_inline":
                pieces = [child.content]
            elif child.type == "text":
                pieces = [m.group(0) for m in _AUTOLINK.finditer(child.content)]
                pieces = [p for p in pieces if safe_url(p[1:-1]) is None]
                for piece in pieces:
                    row = _row_of(lines, piece, row, last)
                    found.append(RawMarkup(row + 1, piece, "autolink"))
                for piece in text_markup_cut(_AUTOLINK.sub(" ", child.content)):
                    row = _row_of(lines, piece, row, last)
                    found.append(RawMarkup(row + 1, piece, "text"))
                continue
            else:
                continue
            for piece in pieces:
                row = _row_of(lines, piece, row, last)
                add(row + 1, piece)
    return tuple(found)


def _row_of(lines: Sequence[str], piece: str, start: int, end: int) -> int:
    """The 0-based line, from `start` on (before `end`), that holds `piece`'s first line."""
    head = piece.split("\n", 1)[0]
    for row in range(start, min(end, len(lines))):
        if head in lines[row]:
            return row
    return start


def relative_links(text: str) -> tuple[UnsafeLink, ...]:
    """Every link of the editor's Markdown whose address is no full http(s) or mailto: one
    (`/about`, `#top`, `//host/...`, `javascript%3A...`): published as written, it leads nowhere
    from the email or a mailing tool, and `//host` to whatever that host is (walk96 C)."""
    found: list[UnsafeLink] = []
    for token in _markdown.parse(cut_unsafe_links(text or "")):
        if token.type != "inline" or not token.map:
            continue
        line = token.map[0] + 1
        opened: list[tuple[str, int]] = []
        for child in token.children or ():
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                opened.append((str(child.attrGet("href") or ""), len(found)))
                found.append(UnsafeLink(line, "", ""))
            elif child.type == "link_close" and opened:
                href, at = opened.pop()
                found[at] = UnsafeLink(found[at].line, " ".join(found[at].text.split()), href)
            elif child.type in ("text", "code_inline") and opened:
                at = opened[-1][1]
                found[at] = UnsafeLink(found[at].line, found[at].text + child.content, "")
    return tuple(
        link
        for link in found
        if link.address
        and not re.match(r"(?i)(https?://[^/]|mailto:)", link.address)
        and not link.address.startswith("{")  # a variable, filled in by the build
    )


#: `[text](address with a space)`: not a link in CommonMark (the address ends at the space and
#: what follows is no title), so its text as typed (walk106 #3).
_SPACED_LINK = re.compile(
    r"(?<!!)\[([^\[\]\n]+)\]\([ \t]*([^\s<()][^\s()]*[ \t]+[^\s\"'(][^)\n]*)\)"
)


def spaced_links(text: str) -> tuple[UnsafeLink, ...]:
    """Every `[text](address)` of the editor's Markdown that is no link because its address holds
    a space: CommonMark (the web, email and text editions) shows it as typed, while other Markdown
    renderers (Jekyll, Hugo) link all or part of the address."""
    found = []
    for number, line in enumerate((text or "").splitlines(), 1):
        for match in _SPACED_LINK.finditer(line):
            if "](" in _markdown.renderInline(match.group(0)):
                found.append(UnsafeLink(number, match.group(1), match.group(2).strip()))
    return tuple(found)


def markdown_tokens(text: str) -> list[Token]:
    """The editor's Markdown parsed as every edition reads it (CommonMark)."""
    return list(_markdown.parse(text or ""))


def markdown_html(text: str) -> Markup:
    """The editor's Markdown as sanitised HTML (raw HTML in the Markdown is shown as text)."""
    return sanitize_html(_markdown.render(cut_unsafe_links(text or "")))


@dataclass(frozen=True)
class IntroHeading:
    """A heading of the introduction or closing line: its 1-based line, its text, the level the
    editor wrote (`#` is 1) and the level every edition publishes it at (`intro_headings`)."""

    line: int
    text: str
    written: int
    published: int


def intro_headings(source: str) -> tuple[IntroHeading, ...]:
    """The headings of the editor's introduction (or closing line), each with the level every
    edition publishes it at, in reading order: the first is level 2 (under the issue's title, the
    page's only level 1, and level with its subjects' headings); a heading written deeper than the
    one before it is one level deeper than that one's published level, never more; one written at
    the level of an earlier heading it returns to takes that heading's published level (at most
    6). Why: `# A big welcome` was a second title in issue-N.md and bare text in the HTML, `####
    Small print` an <h4> right under the <h1> (walk110 #2), and levels renumbered as a set still
    skipped when read in order (walk116: `##`, `####`, `###` gave h2, h4, h3)."""
    found = []
    tokens = _markdown.parse(source or "")
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            text = " ".join(tokens[index + 1].content.split())
            found.append((token.map[0] + 1, text, int(token.tag[1:])))
    # The headings still open at this point of the reading, each as (written, published).
    open_: list[tuple[int, int]] = []
    headings = []
    for line, text, level in found:
        while open_ and open_[-1][0] > level:
            open_.pop()
        if open_ and open_[-1][0] == level:
            published = open_[-1][1]
        else:
            published = min(6, open_[-1][1] + 1) if open_ else 2
            open_.append((level, published))
        headings.append(IntroHeading(line, text, level, published))
    return tuple(headings)


#: An ATX heading's opening `#`s (after the `>` of a quote or the marker of a list item, if any).
_ATX = re.compile(r"^((?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])[ \t]?)*[ \t]{0,3})(#{1,6})(?=[ \t]|$)")


def published_markdown(source: str) -> str:
    """The editor's introduction (or closing line) as every edition publishes it: an image as its
    description, a table's rule line and a footnote's mark as typed (as in a blurb:
    `unshown_markdown`; walk110 #3: an image was an empty <p> in the HTML and a live image in
    issue-N.md), and each heading at its published level (`intro_headings`), written with `#`s
    (an underlined heading too), so that issue-N.md says what the HTML says."""
    text = unshown_markdown(source or "", code_blocks=True)[0]
    tokens = _markdown.parse(text)
    lines = text.split("\n")
    headings = {h.line: h for h in intro_headings(text)}
    dropped: set[int] = set()
    for token in tokens:
        if token.type != "heading_open" or not token.map:
            continue
        first, last = token.map
        level = headings[first + 1].published
        if token.markup.startswith("#"):
            atx = _ATX.match(lines[first])
            if atx:
                lines[first] = atx.group(1) + "#" * level + lines[first][atx.end() :]
        else:  # underlined (`===` or `---`): its lines as one `#` heading
            words = " ".join(" ".join(lines[first : last - 1]).split())
            lines[first] = "#" * level + " " + words
            dropped.update(range(first + 1, last))
    return "\n".join(line for index, line in enumerate(lines) if index not in dropped)


#: A heading tag of the sanitised HTML (no attributes: `ALLOWED_ATTRIBUTES` allows none).
_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")


def headings_under(html: str, top: int = 1) -> Markup:
    """The `headings_under` filter: `html` (the introduction's or closing line's) with each heading
    one level deeper per level the page's title is below 1 (`top`: the fragment's title is an
    <h2>, under the post's own <h1>), at most <h6>."""
    shift = max(0, int(top) - 1)
    if not shift:
        return Markup(html)
    return Markup(
        _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}>", str(html))
    )


# -- a blurb the editor wrote in a draft: Markdown, by the introduction's rules --------------------

#: Inline tokens that are the text itself (everything else is markup: a link, emphasis, code ...).
_PLAIN_INLINE = {"text", "softbreak"}


#: An inline image `![alt](address "title")`.
_IMAGE = re.compile(
    r"!\[([^\]\n]*)\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
#: A reference-style image, `![chart][c]`, `![chart][]` or `![chart]`: an image only where a
#: definition `[c]: https://...` of its label is in the text (walk116: the HTML lost it silently).
_REF_IMAGE = re.compile(r"(?<!\\)!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?")
#: The end of a link whose words an image is (`[![logo](a.png)](https://example.com/)`).
_LINK_END = re.compile(r"\]\(\s*(<[^>\n]*>|[^()\s]*)")
#: A table's rule line (`|---|:---:|`), which GitHub-flavoured Markdown reads as a table.
_TABLE_RULE = re.compile(r"^[ \t]*(?=[^\n]*\|)\|?(?:[ \t]*:?-+:?[ \t]*\|?)+[ \t]*$")
#: A footnote's mark or definition, `[^1]`.
_FOOTNOTE = re.compile(r"(?<!\\)\[\^([^\]\s]*)\]")
#: A code span, left as it is.
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")
#: An inline link with no words, `[](https://acme.example.com/ "title")` (or words of spaces
#: alone), not an image's `![](...)` nor an escaped `\[`: what a linked picture with no
#: description leaves once the picture is its description (walk159 #1).
_EMPTY_LINK = re.compile(
    r"(?<![!\\])\[[ \t]*\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))+)"
    r"((?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\))"
)


@dataclass(frozen=True)
class UnshownMarkdown:
    """Markdown in a blurb that the editions do not show as Markdown: an image (its description
    is shown in its place), a table or a footnote (shown as typed), lines indented as code (shown
    as a paragraph: `kind` "indented"). `line` is 1-based."""

    line: int
    kind: str
    written: str
    #: An image's description and address.
    alt: str = ""
    address: str = ""
    #: Where the link goes whose words the image is (`[![logo](a.png)](https://...)`), if it is;
    #: of a link with no words ("empty link"), the picture that was its words, if one was.
    link: str = ""


def link_words(address: str) -> str:
    """The words every edition gives a link the editor wrote with none (`[](address)`): the
    address's host without "www." ("acme.example.com"), an e-mail address, else the address
    (walk159 #1: `<a href="https://acme.example.com/"></a>` read as "sponsored by .", and a
    screen reader announced an unnamed link)."""
    address = address.strip().strip("<>")
    if address.lower().startswith("mailto:"):
        return address[7:].split("?", 1)[0] or address
    host = urlsplit(address).hostname if "//" in address else None
    if host:
        return host[4:] if host.startswith("www.") else host
    return address


def unshown_markdown(
    source: str, *, code_blocks: bool = False
) -> tuple[str, tuple[UnshownMarkdown, ...]]:
    """A blurb's Markdown as every edition shows it, and what in it is not shown as Markdown:
    an image becomes its description (the HTML editions leave images out: walk46 N3 published
    `<p></p>` there and a live image in issue-N.md), a table's rule line and a footnote's `[^`
    are escaped so that Hugo and Jekyll show them as typed, as the HTML edition does, and lines
    indented as code are a paragraph. Fenced code is left as it is, and so are indented lines with
    `code_blocks` (the introduction and closing line, which publish them as Markdown does: walk115
    #1, a block of code there was published as a paragraph and said to be code)."""
    lines = (source or "").split("\n")
    code: set[int] = set()
    indented: set[int] = set()
    found: list[UnshownMarkdown] = []
    env: dict[str, Any] = {}
    tokens = _markdown.parse(source or "", env)
    references: dict[str, Any] = env.get("references", {})
    for token in tokens:
        if token.type == "code_block" and token.map and code_blocks:
            code.update(range(token.map[0], token.map[1]))
        elif token.type == "code_block" and token.map:
            # A paragraph indented by 4 spaces by a slip (walk113 #5: published as <pre><code>,
            # unwarned): a blurb is prose, so it is published as the paragraph it was meant as.
            first = next(
                (ln.strip() for ln in lines[token.map[0] : token.map[1]] if ln.strip()), ""
            )
            found.append(UnshownMarkdown(token.map[0] + 1, "indented", first))
            indented.update(range(token.map[0], token.map[1]))
        elif token.type == "fence" and token.map:
            code.update(range(token.map[0], token.map[1]))
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in code:
            out.append(line)
            continue
        line = line.lstrip() if index in indented else line
        if _TABLE_RULE.match(line) and "-" in line:
            found.append(UnshownMarkdown(index + 1, "table", line.strip()))
            out.append(line.replace("-", "\\-", 1))
            continue
        spans = [m.group(0) for m in _CODE_SPAN.finditer(line)]
        pieces = re.split(r"(`+[^`]*?`+)", line) if spans else [line]
        kept: list[str] = []
        for piece in pieces:
            if piece.startswith("`") and piece in spans:
                kept.append(piece)
                continue
            piece = _IMAGE.sub(partial(_image_seen, line=index + 1, found=found), piece)
            piece = _REF_IMAGE.sub(
                partial(_reference_image, references=references, line=index + 1, found=found),
                piece,
            )
            piece = _EMPTY_LINK.sub(partial(_empty_link, line=index + 1, found=found), piece)
            for match in _FOOTNOTE.finditer(piece):
                found.append(UnshownMarkdown(index + 1, "footnote", match.group(0)))
            kept.append(_FOOTNOTE.sub(lambda m: "[\\^" + m.group(1) + "]", piece))
        out.append("".join(kept))
    return "\n".join(out), tuple(found)


def _image_seen(
    match: re.Match[str], line: int, found: list[UnshownMarkdown], address: str | None = None
) -> str:
    """An image of the editor's text noted in `found` (with the link it is the words of, if any),
    replaced by its description."""
    piece, alt = match.string, match.group(1)
    if address is None:  # an inline image, `![alt](address)`
        address = match.group(2).strip("<>")
    link = ""
    if match.start() > 0 and piece[match.start() - 1] == "[":
        end = _LINK_END.match(piece, match.end())
        if end:
            link = end.group(1).strip("<>")
    found.append(UnshownMarkdown(line, "image", match.group(0), alt, address, link))
    return alt


def _empty_link(match: re.Match[str], line: int, found: list[UnshownMarkdown]) -> str:
    """A link with no words (`_EMPTY_LINK`) noted in `found` and given words: its title when it
    has one (`[](https://acme.example.com/ "Acme")`), else its address's host (`link_words`); a
    picture with no description that was its words is noted with it (its image, noted just
    before, is then said no more apart). A link to an address never published is left as it is:
    `cut_unsafe_links` cuts it, and the editor is told of it."""
    address = match.group(1).strip("<>")
    if _unsafe_destination(address):
        return match.group(0)
    # The picture with no description that was its words: the first of the line's not yet said
    # (walk163 N11: of two sponsors' logos on one line, `[![](a.png)](a) and [![ ](b.png)](b)`,
    # only the last image noted was looked at, so neither was found and the warning quoted
    # `[](a)`, which the editor never wrote).
    picture = ""
    written = match.group(0)
    for index, seen in enumerate(found):
        blank = seen.kind == "image" and seen.line == line and not seen.alt.strip()
        if blank and seen.link == address:
            picture = found.pop(index).address
            written = f"[{seen.written}{written[written.index(']') :]}"
            break
    title = match.group(2).strip().rstrip(")").strip()[1:-1].strip()
    words = " ".join(title.split()) or link_words(address)
    found.append(UnshownMarkdown(line, "empty link", written, words, address, picture))
    return f"[{escaped_words(words)}]({match.group(1)}{match.group(2)}"


def escaped_words(words: str) -> str:
    """Link words as Markdown writes them: a backslash or a bracket escaped."""
    return words.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _reference_image(
    match: re.Match[str], references: dict[str, Any], line: int, found: list[UnshownMarkdown]
) -> str:
    """A reference-style image (`![chart][c]`) as its description, when its label is defined
    (markdown-it's label rule: spaces collapsed, case ignored); otherwise the text as written."""
    label = match.group(2) or match.group(1)
    defined = references.get(re.sub(r"\s+", " ", label.strip()).lower().upper())
    if not defined:
        return match.group(0)
    return _image_seen(match, line, found, str(defined.get("href", "")))


def image_advice(piece: UnshownMarkdown, fix_in: str = "") -> str:
    """What an image of the editor's Markdown (`unshown_markdown`) is shown as, and how to link to
    the picture instead: after the link it is the words of, never inside it (a link in a link)."""
    where = f" in {fix_in}" if fix_in else ""
    shown = f'its description, "{piece.alt}",' if piece.alt else "nothing"
    link = f"[{piece.alt or 'the picture'}]({piece.address})"
    if piece.link:
        return (
            f"every edition shows {shown} in its place, as the words of its link to {piece.link};"
            f" to link to the picture too, write ([the picture]({piece.address})) after that link"
            f"{where}, not inside it"
        )
    return f"every edition shows {shown} in its place; to link to the picture, write {link}{where}"


def empty_link_advice(piece: UnshownMarkdown, fix_in: str = "") -> str:
    """What a link with no words (`unshown_markdown`'s "empty link") is published as, and what to
    write: the words inside its brackets (walk159 #1: a sponsor's logo with no description was an
    empty link in every HTML edition, "sponsored by .", and the warning said "nothing")."""
    where = f" in {fix_in}" if fix_in else ""
    source = "its address's host" if piece.alt == link_words(piece.address) else "its title"
    name = _example_name(piece.address)
    if piece.link:
        what = f"a picture with no description ({piece.link}), which no edition shows,"
        fix = f"[![{name}]({piece.link})]({piece.address})"
    else:
        what = "no words"
        fix = f"[{name}]({piece.address})"
    return (
        f"the link {piece.written} to {piece.address} has {what} and would be published as an"
        " empty link (nothing to read or click, and a screen reader announces an unnamed link):"
        f' every edition publishes {source}, "{piece.alt}", as its words; write the'
        f" words readers should see inside the brackets, a sponsor's name for instance: {fix}"
        f"{where}"
    )


def _example_name(address: str) -> str:
    """A name to show in `empty_link_advice`'s example: the first word of the address's host
    ("Acme" of acme.example.com, "B" of b.example.com), else "NAME" (walk163 N11: every sponsor
    was offered "Acme")."""
    host = link_words(address)
    first = host.split(".", 1)[0] if "." in host and "/" not in host and "@" not in host else ""
    return first.capitalize() if first.isalpha() else "NAME"


def blurb_markdown(source: str) -> tuple[str, str | None]:
    """A blurb as the editor wrote it in a draft: (its plain text, its Markdown), the Markdown None
    when it holds no markup (a paragraph of text alone, backslash escapes read: `\\*` is `*`), so
    that a blurb curator wrote (escaped where it would read as Markdown) is the same plain text
    again and publishes exactly as in a build without a draft. Links to unsafe addresses are cut
    and raw HTML is text, as in the introduction."""
    source = unshown_markdown((source or "").strip())[0]
    tokens = _markdown.parse(cut_unsafe_links(source))
    paragraphs: list[str] = []
    plain = True
    for token in tokens:
        if token.type in ("paragraph_open", "paragraph_close"):
            continue
        if token.type == "inline" and all(c.type in _PLAIN_INLINE for c in token.children or ()):
            paragraphs.append(_text_of(token))
            continue
        plain = False
        break
    styled = any(_STYLE_TAG.fullmatch(piece.text) for piece in raw_markup(source))
    if plain and len(paragraphs) <= 1 and not styled:
        return "".join(paragraphs), None
    return markdown_text(source), source


def _text_of(token: Token) -> str:
    return " ".join("".join(_inline_text(token.children or ())).split())


#: A bare tag of the editor's that only styles its words (`<b>`, `</em>`): HTML in the editor's
#: Markdown is shown as typed in the web and email editions (and warned about), but the text
#: edition shows such a tag's words alone, as it does `**bold**`'s, not "< b>bold< /b>"
#: (walk107 #3). Any other tag stays a word there (`< details>`), and one that runs, loads or
#: has attributes is cut (`editions.text_edition`).
_STYLE_TAG = re.compile(
    r"</?(?:b|strong|i|em|u|s|strike|del|ins|mark|small|big|sub|sup|tt|cite|q|span)\s*>", re.I
)


def _autolink_text(label: str, href: str) -> str:
    """An autolink as the text edition writes it: as the editor wrote it, in its brackets
    (`<https://例え.jp/記事>`, walk107 #1: a non-ASCII one lost them), when that is an http(s) or
    mailto: address the text edition keeps as written; an e-mail autolink (`<ann@example.com>`,
    which an HTML page would read as a tag) is its address alone, as before."""
    if not re.match(r"(?i)(https?://|mailto:)", label):
        return label
    if any(ch.isspace() or ch in "<>" for ch in label):  # a `%20` markdown-it decoded
        return f"<{href}>"
    return f"<{label}>"


def _inline_text(
    children: Sequence[Token], *, lines: bool = False, styles: bool = False
) -> list[str]:
    """An inline run as plain text: a link as its text and <address> (unless that is its text),
    an autolink as written, an image as its alt text, code as its code, emphasis as its words;
    a line break the editor typed inside a paragraph a space, or kept with `lines`. With
    `styles` (text read with `\\<` kept apart), a bare styling tag typed as such (`<b>`) is left
    out, its words kept."""
    out: list[str] = []
    opened: list[tuple[str, int]] = []
    for child in children:
        if child.type == "text" and styles:
            out.append(_STYLE_TAG.sub("", child.content))
        elif child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type == "text_special":  # a backslash escape or an entity: its character
            out.append(_LITERAL_LT if child.content == "<" else child.content)
        elif child.type == "softbreak":
            out.append("\n" if lines else " ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "link_open":
            # An autolink (`<https://...>`) is its address as written: once, not again as
            # percent-encoded (walk106 #2: `café.html` was followed by `<...caf%C3%A9.html>`).
            autolink = child.markup in ("autolink", "linkify")
            href = str(child.attrGet("href") or "")
            opened.append((("<" + href) if autolink else href, len(out)))
        elif child.type == "link_close" and opened:
            href, start = opened.pop()
            label = "".join(out[start:]).strip()
            if href.startswith("<"):
                out[start:] = [_autolink_text(label, href[1:])]
                continue
            url = safe_url(href) if href else ""
            if not url and href and safe_url(href, _RELATIVE_BASE):
                # A link to no full address (`/studies/1`, `#top`) is linked as written in the
                # web and email editions, so written here too, never its text alone (walk109 #3:
                # "the study" lost its address); `draft` and `build` name it (`relative_links`).
                # In brackets: `</studies/1>` or `<index.html>` would read as an HTML tag, which
                # the text edition cuts or breaks (`text_edition`).
                if label != href:
                    out.append(f" ({href})")
            elif url and label != url and "mailto:" + label != url:
                out.append(f" <{url}>")
        elif child.type == "image":
            out.append(child.content)
    return out


def markdown_text(source: str, *, lines: bool = False) -> str:
    """The editor's Markdown as plain text for the text edition and JSON: paragraphs apart, a
    list's items one a line ("- item", "1. item"), code blocks as they are; with `lines`, the
    line breaks typed inside a paragraph kept (the introduction in the text edition)."""
    blocks: list[tuple[str, bool]] = []  # (text, is a list item's)
    lists: list[list[int]] = []  # per open list: [ordered, number so far]
    item = False
    for token in _markdown_plain.parse(cut_unsafe_links(source or "")):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) - 1
            lists.append([token.type == "ordered_list_open", start])
        elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif token.type == "list_item_open" and lists:
            lists[-1][1] += 1
            item = True
        elif token.type == "inline":
            children = token.children or ()
            text = "".join(_inline_text(children, lines=lines, styles=True)).strip()
            if item and lists:
                ordered, number = lists[-1]
                marker = f"{number}." if ordered else "-"
                text = "  " * (len(lists) - 1) + f"{marker} {text}"
                item = False
            blocks.append((text, bool(lists)))
        elif token.type in ("fence", "code_block"):
            blocks.append((token.content.rstrip("\n"), bool(lists)))
    out = ""
    for index, (text, in_list) in enumerate(blocks):
        if index:
            out += "\n" if in_list and blocks[index - 1][1] else "\n\n"
        out += text
    return _LITERAL_TAG.sub("< ", out).replace(_LITERAL_LT, "<")


#: What a backslash keeps from reading as Markdown inside a line (CommonMark 2.4), and a line's
#: start that would begin a list or a rule.
_MD_ESCAPABLE = re.compile(r"([\\`*_\[\]<>&~])")
_MD_LINE_START = re.compile(r"^([-+]|\d{1,9}[.)])(?=[ \t]|$)")


def text_as_markdown(line: str) -> str:
    """One line of plain text (a blurb curator made) as a draft writes it: as it is when Markdown
    reads it as that same text, else with a backslash before each character that could start
    markup, so that `blurb_markdown` reads it back as the same text (`*` from a feed stays `*`).
    `<!--` is escaped even where Markdown reads it as text: a draft would read it as a comment."""
    if "<!--" not in line and _reads_as_text(line, line):
        return line
    escaped = _MD_ESCAPABLE.sub(r"\\\1", line)
    return _MD_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


#: A link as the text edition and a JSON's "blurb" write it: `<https://...>` (`markdown_text`).
_TEXT_LINK = re.compile(r"<https?://[^\s<>]+>", re.IGNORECASE)


def text_with_links(text: str) -> str | None:
    """Plain text (a "blurb" corrected in issue-N.json) as Markdown that reads as that same text
    but for its links, written `<https://...>` as `markdown_text` writes them, which stay links;
    None when it has none. Why: a Markdown blurb corrected in its "blurb" alone was published as
    text, its links as `&lt;https://...&gt;` in the HTML editions (walk115 #4)."""
    if not _TEXT_LINK.search(text or ""):
        return None
    lines = []
    for line in text.split("\n"):
        pieces = _TEXT_LINK.split(line)
        links = _TEXT_LINK.findall(line)
        out = ""
        for index, piece in enumerate(pieces):
            escaped = _MD_ESCAPABLE.sub(r"\\\1", piece)
            if index == 0:
                escaped = _MD_LINE_START.sub(
                    lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped
                )
                escaped = re.sub(r"^([ \t]*)#", r"\1\\#", escaped)
            out += escaped + (links[index] if index < len(links) else "")
        lines.append(out)
    return "\n".join(lines)


def _reads_as_text(markdown: str, text: str) -> bool:
    tokens = _markdown_with_html.parse(markdown)
    if len(tokens) != 3 or tokens[0].type != "paragraph_open":
        return False
    children = tokens[1].children or []
    return all(c.type == "text" for c in children) and "".join(c.content for c in children) == text


def plain_text_markup(text: str) -> list[str]:
    """The Markdown or HTML in a text every edition shows as typed (a title, a credit line), each
    said in a few words ("the link [...](...)", "the emphasis *...*", "the HTML <b>"); empty when
    it reads as the text it is."""
    tokens = _markdown_with_html.parseInline(" ".join((text or "").split()))
    found: list[str] = []
    for child in (tokens[0].children or []) if tokens else []:
        if child.type == "link_open":
            found.append("the link [...](...)")
        elif child.type in ("em_open", "strong_open"):
            found.append(f"the emphasis {child.markup}...{child.markup}")
        elif child.type == "code_inline":
            found.append(f"the code {child.markup}...{child.markup}")
        elif child.type == "html_inline":
            found.append(f"the HTML {child.content}")
        elif child.type == "image":
            found.append("the image ![...](...)")
        elif child.type == "text":
            # What Markdown leaves as text but is still markup typed into a credit (walk162 #4:
            # `author: <img src=x onerror=alert('a')>Jane Doe`, whose quote in an unquoted value
            # is no HTML to CommonMark, and `author: [Auth](javascript:alert(1))`, a link it
            # refuses): the .txt leaves the tag out, every other edition shows it, unsaid.
            found += [f"the HTML {tag}" for tag in text_markup_cut(child.content)]
            if _UNTAKEN_LINK.search(child.content):
                found.append("the link [...](...)")
    return found


#: A Markdown link CommonMark did not take as one (its address unsafe): `[Auth](javascript:...)`.
_UNTAKEN_LINK = re.compile(r"!?\[[^\[\]]*\]\([^()\s]*(?:\([^()]*\)[^()\s]*)*\)")


def blurb_html(blurb: str, markdown: str | None) -> tuple[Markup, bool]:
    """The blurb as the HTML and email editions publish it, and whether that is blocks (several
    paragraphs, a list: for a `<div>`, not a `<p>`): its text, or its Markdown as sanitised HTML by
    the introduction's rules (raw HTML shown as text, unsafe links cut)."""
    if markdown is None:
        return Markup("%s") % blurb, False
    tokens = _markdown.parse(cut_unsafe_links(markdown))
    if len(tokens) == 3 and tokens[0].type == "paragraph_open":
        inline = _markdown.renderer.render(tokens[1].children or [], _markdown.options, {})
        return sanitize_html(inline), False
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return _ranked_headings(sanitize_html(html.strip())), True


def _ranked_headings(html: str) -> Markup:
    """A blurb's HTML with its headings at the levels an introduction's are published at
    (`intro_headings`: the first an <h2>, each deeper one a level under the one before), for the
    templates to put under the article's heading with `headings_under(top + 2)`. A draft refuses
    a heading in a blurb; one written in issue-N.json's "blurb_markdown" was an <h2> of the
    subjects' rank in every edition, the fragment's too (walk149 #1)."""
    open_: list[tuple[int, int]] = []

    def ranked(m: re.Match[str]) -> str:
        written = int(m.group(2))
        if m.group(1):  # a closing tag: the level its heading opened at
            return f"</h{open_[-1][1] if open_ else written}>"
        while open_ and open_[-1][0] > written:
            open_.pop()
        if open_ and open_[-1][0] == written:
            published = open_[-1][1]
        else:
            published = min(6, open_[-1][1] + 1) if open_ else 2
            open_.append((written, published))
        return f"<h{published}>"

    return Markup(_HEADING_TAG.sub(ranked, str(html)))


@dataclass(frozen=True)
class Reference:
    """A reference link of a piece of the editor's Markdown (`[the operator][op]`) as written,
    its line in the piece (from 1) and its label as CommonMark matches it."""

    line: int
    written: str
    text: str
    label: str


def reference_definitions(text: str) -> dict[str, tuple[int, str]]:
    """Each reference definition of `text` (`[op]: https://...`): {label as CommonMark matches
    it: (its line, from 1; its address)}."""
    env: dict[str, Any] = {}
    _markdown.parse(text or "", env)
    return {
        label: (int(ref.get("map", (0, 0))[0]) + 1, str(ref.get("href") or ""))
        for label, ref in (env.get("references") or {}).items()
    }


def undefined_references(text: str) -> list[Reference]:
    """Each reference link of `text` (outside code) whose label `text` defines nowhere: markdown-it
    reads it as the brackets typed, unless another piece defines it in one file (issue-N.md)."""
    defined = reference_definitions(text)
    code: set[int] = set()
    for token in _markdown.parse(text or ""):
        if token.map and token.type in ("fence", "code_block"):
            code.update(range(*token.map))
    found = []
    for row, line in enumerate((text or "").split("\n")):
        if row in code or _MD_LINK_DEFINITION.match(line):
            continue
        for m in _MD_REFERENCE.finditer(re.sub(r"`[^`]*`", _blanked, line)):
            label = normalizeReference(m.group(3) or m.group(2))
            if m.group(1) or label in defined:
                continue
            found.append(Reference(row + 1, m.group(0), m.group(2), label))
    return found


def _blanked(m: re.Match[str]) -> str:
    """Inline code as spaces: its brackets are no link."""
    return " " * len(m.group(0))
