"""The editor's Markdown and the text a feed gives, as curator publishes them: sanitised HTML, unsafe
links cut, what an edition cannot show found and said (moved out of `curator.render`, which had
grown past 2,500 lines). Its links are `curator.markdowntext_links`'s, and what an edition does not
show as Markdown `curator.markdowntext_unshown`'s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from curator.markdowntext_links import COMMONMARK, RELATIVE_BASE, cut_unsafe_links
from curator.markdowntext_unshown import unshown_markdown
from curator.texttags import text_edition, text_markup_cut
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
    "s",
}
#: An ordered list keeps its first number (`1986. was the year ...`, `3) measure`: walk188 #1,
#: every HTML edition numbered them from 1); a number alone (`_attribute_value`).
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
#: Only these schemes survive in a link (no javascript:, data:, vbscript:).
URL_SCHEMES = {"http", "https", "mailto"}


def safe_url_filter(url: str | None, base: str | None = None) -> str:
    """The `safe_url` filter: the link if it is safe to publish, else "" (never the text
    "None", which a template would print as `href="None"`)."""
    return safe_url(url, base) or ""


def _attribute_value(tag: str, attribute: str, value: str) -> str | None:
    """An allowed attribute's value as published: an <ol>'s `start` only as a number."""
    if tag == "ol" and attribute == "start":
        return value if value.isascii() and value.isdigit() else None
    return value


def sanitize_html(markup: str) -> Markup:
    """HTML from anyone but curator, made safe: allow-listed tags, attributes and URL schemes."""
    cleaned = nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_value,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)


#: The same Markdown read as a renderer that allows HTML would: to find the raw HTML in it.
_markdown_with_html = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable(
    "strikethrough"
)
#: The Markdown read for its text, a `\<` or `&lt;` the editor wrote kept apart from the text
#: around it (`text_special`), to tell it from a tag typed as such (walk96 A).
_markdown_plain = (
    MarkdownIt("commonmark", {"html": False, "linkify": False})
    .enable("strikethrough")
    .disable("text_join")
)
#: Where the editor wrote `\<` or `&lt;`: a `<` shown as text, which the text edition keeps.
_LITERAL_LT = "\ue000"
#: Such a `<` before what would read as a tag: a space after it keeps it text (`< script>`), as
#: the text edition does with an unclosed tag, instead of the tag being left out.
_LITERAL_TAG = re.compile(_LITERAL_LT + "(?=[A-Za-z/!?])")

#: An autolink `<scheme:...>` (CommonMark 6.5); one to an unsafe scheme is shown as text.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*)>")
#: The tags (or comment) at the start of a raw HTML block's line.
_BLOCK_TAG = re.compile(r"<!--.*?(?:-->|$)|<[^>]*>?")
#: A tag written in code (`code <b>x</b>`): shown as typed in every format but the text one, which
#: writes it with a space after its `<` (walk197 #5).
_CODE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


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
    spans and code blocks are text, so they hold none), of its text that the text edition
    leaves out as markup, and every tag written in code ("code": the text edition spaces it), in
    order."""
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
        if token.type in ("fence", "code_block"):
            start = first + (token.type == "fence")
            for offset, written in enumerate(token.content.rstrip("\n").split("\n")):
                for piece in _CODE_TAG.findall(written):
                    found.append(RawMarkup(start + offset + 1, piece, "code"))
            continue
        if token.type != "inline":
            continue
        row = first
        for child in token.children or ():
            if child.type == "html_inline":
                pieces = [child.content]
            elif child.type == "code_inline":
                for piece in _CODE_TAG.findall(child.content):
                    row = _row_of(lines, piece, row, last)
                    found.append(RawMarkup(row + 1, piece, "code"))
                continue
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


def markdown_tokens(text: str) -> list[Token]:
    """The editor's Markdown parsed as every edition reads it (CommonMark)."""
    return list(COMMONMARK.parse(text or ""))


def markdown_html(text: str) -> Markup:
    """The editor's Markdown as sanitised HTML (raw HTML in the Markdown is shown as text)."""
    return sanitize_html(COMMONMARK.render(cut_unsafe_links(text or "")))


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
    tokens = COMMONMARK.parse(source or "")
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
    tokens = COMMONMARK.parse(text)
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


def blurb_markdown(source: str) -> tuple[str, str | None]:
    """A blurb as the editor wrote it in a draft: (its plain text, its Markdown), the Markdown None
    when it holds no markup (a paragraph of text alone, backslash escapes read: `\\*` is `*`), so
    that a blurb curator wrote (escaped where it would read as Markdown) is the same plain text
    again and publishes exactly as in a build without a draft. Links to unsafe addresses are cut
    and raw HTML is text, as in the introduction."""
    source = unshown_markdown((source or "").strip())[0]
    tokens = COMMONMARK.parse(cut_unsafe_links(source))
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
#: has attributes is cut (`texttags.text_edition`).
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
        elif child.type in ("s_open", "s_close"):  # struck through: as written, `~~words~~`
            out.append(child.markup)
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
            if not url and href and safe_url(href, RELATIVE_BASE):
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


def _in_quote(text: str, quoted: int) -> str:
    """`text` with each line marked `> ` once per quote it is in (`quoted`), as Markdown and
    e-mail write a quote in plain text."""
    mark = "> " * quoted
    return "\n".join(f"{mark}{line}".rstrip() for line in text.split("\n")) if quoted else text


def markdown_text(source: str, *, lines: bool = False) -> str:
    """The editor's Markdown as plain text for the text edition and JSON: paragraphs apart, a
    list's items one a line ("- item", "1. item"), a quote's lines marked "> ", code blocks as
    they are, its HTML as the text
    edition prints it (`text_edition`); with `lines`, the line breaks typed inside a paragraph
    kept (the introduction in the text edition)."""
    # (text, the outermost list it is in, counted from 1; 0 outside a list): a list's items one a
    # line, a blank line between two lists (walk188 #7: `- ... argument.` then `1986. was the
    # year` were one list in the text edition and the JSON's "blurb").
    blocks: list[tuple[str, int]] = []
    lists: list[list[int]] = []  # per open list: [ordered, number so far]
    outermost = 0
    item = False
    quoted = 0  # (how many `>` quotes the text is in: each line keeps their markers, walk197 #5)
    for token in _markdown_plain.parse(cut_unsafe_links(source or "")):
        if token.type in ("blockquote_open", "blockquote_close"):
            quoted += 1 if token.type == "blockquote_open" else -1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            outermost += not lists
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
            blocks.append((_in_quote(text, quoted), outermost if lists else 0))
        elif token.type in ("fence", "code_block"):
            blocks.append(
                (_in_quote(token.content.rstrip("\n"), quoted), outermost if lists else 0)
            )
    out = ""
    for index, (text, in_list) in enumerate(blocks):
        if index:
            out += "\n" if in_list and blocks[index - 1][1] == in_list else "\n\n"
        out += text
    # As the text edition prints it, so that the JSON's "blurb" is that text too (walk188 #3:
    # `<b onclick=...>` and a `javascript:` anchor were kept there, a bare `</b>` left out).
    return text_edition(_LITERAL_TAG.sub("< ", out).replace(_LITERAL_LT, "<"))


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
        elif child.type == "s_open":
            found.append("the strikethrough ~~...~~")
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
    tokens = COMMONMARK.parse(cut_unsafe_links(markdown))
    if len(tokens) == 3 and tokens[0].type == "paragraph_open":
        inline = COMMONMARK.renderer.render(tokens[1].children or [], COMMONMARK.options, {})
        return sanitize_html(inline), False
    html = COMMONMARK.renderer.render(tokens, COMMONMARK.options, {})
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
