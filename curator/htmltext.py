"""HTML to plain text: the one way curator reads text out of markup (pure), and how wide a text
is in columns (`display_width`).

Feed titles, names, summaries and content, and blurb sources all come through `html_to_text`: tags
removed, invisible elements (scripts, styles...) dropped with their content, entities decoded,
whitespace collapsed. Markup is read **once**: an entity that spells a tag (`&lt;div&gt;` in an
HTML title) becomes the text "<div>" and stays text, it is never read as markup again ("decode
twice" turned "Using &lt;div&gt; in templates" into "Using in templates").
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any, NamedTuple

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup

from curator.errors import own_bug

#: Elements whose content is never text a reader sees.
INVISIBLE = ("script", "style", "noscript", "template", "iframe", "object")
#: Elements that end a run of text: their tail starts after a break ("<p>One</p><p>Two</p>").
BREAKING = ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6")

#: Block elements that end a paragraph too, for `html_paragraphs` (which joins inline elements as a
#: browser shows them: "<b>away</b>." is "away.", not "away .").
_MORE_BLOCKS = (
    "blockquote", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "pre", "hr", "section",
    "article", "aside", "header", "footer", "nav", "figure", "figcaption", "address",
)  # fmt: skip

_SPACES = re.compile(r"\s+")
#: C0 and C1 control characters (tab, newline and the like are whitespace, collapsed by `_SPACES`):
#: an ESC in a feed's or a page's text would reach the editor's terminal as an escape sequence
#: (clear the screen, retitle the window, write the clipboard with OSC 52), and lxml refuses them.
#: With them the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069): an RLO in a
#: title printed in a warning showed the rest of the line reversed ("kcatta" for "attack"), in the
#: terminal as in a mail client (walk60 #3). The marks U+200E/200F stay: Arabic and Hebrew text
#: uses them, and they turn no text around.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_SPACES = re.compile(r"[^\S\n]+")


def html_to_text(markup: str | None, *, separator: str = " ", lines: bool = False) -> str:
    """Plain text of an HTML fragment: tags removed, entities decoded, whitespace normalised.

    `separator` goes between the texts of neighbouring elements: " " reads as BeautifulSoup's
    `get_text(" ")` does (what summaries and content were always read as), "" joins inline
    elements as a browser shows them ("525ft<sup>2</sup>" -> "525ft2", for titles and names).
    Breaking elements (`BREAKING`) always end a run of text; with `lines` they end a line
    ("\\n", kept) where otherwise they are one space, so paragraphs stay apart.

    lxml does this six times faster than BeautifulSoup, to the same text on every field of the
    corpus feeds (it was the largest cost of fetching many feeds); BeautifulSoup remains for the
    fragments lxml refuses.
    """
    if not markup:
        return ""
    brk = "\n" if lines else " "
    if "<" not in markup:
        return _normalise(html.unescape(markup), lines)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception as exc:  # noqa: BLE001 - hostile markup ("<html><html>") trips lxml's own asserts
        if own_bug(exc):
            raise
        root = None
    if root is None:
        soup = BeautifulSoup(markup, "lxml")
        for tag in soup(list(INVISIBLE)):
            tag.decompose()
        if lines:
            for tag in soup.find_all(list(BREAKING)):
                tag.insert_after("\n")
        return _normalise(soup.get_text(separator), lines)
    lxml.etree.strip_elements(root, *INVISIBLE, lxml.etree.Comment, with_tail=False)
    # Read without writing into the tree: lxml refuses to set text holding a control character
    # ("&#27;" in a summary) although its parser read one.
    pieces = (
        brk + (piece or "") if is_tail and element.tag in BREAKING else piece
        for element, piece, is_tail in _texts(root)
    )
    return _normalise(separator.join(p for p in pieces if p is not None), lines)


class HtmlText(NamedTuple):
    """An HTML fragment read once, three ways (see `read_html`)."""

    #: All of its text on one line, exactly as `html_to_text` reads it.
    text: str
    #: The author's own words, one paragraph a line.
    own: str
    #: What it quotes in `<blockquote>` elements, one paragraph a line.
    quoted: str


def read_html(markup: str | None) -> HtmlText:
    """An HTML fragment's text, from one parse: as `html_to_text` reads it, and as paragraphs (one
    a line) split in two, the author's own words and what the fragment quotes in `<blockquote>`.

    A blurb is made from the author's own words only, so a quoted statement never reads as theirs.
    In the paragraphs, whitespace (a feed's hard-wrapped lines) and a single `<br>` are one space;
    block elements, two `<br>` in a row and blockquotes end a line; inline elements join as a
    browser shows them. Markup lxml refuses is read whole as the author's own words.
    """
    if not markup:
        return HtmlText("", "", "")
    if "<" not in markup:
        text = _normalise(html.unescape(markup), lines=False)
        return HtmlText(text, text, "")
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception as exc:  # noqa: BLE001 - hostile markup ("<html><html>") trips lxml's own asserts
        if own_bug(exc):
            raise
        return HtmlText(html_to_text(markup), html_to_text(markup, lines=True), "")
    lxml.etree.strip_elements(root, *INVISIBLE, lxml.etree.Comment, with_tail=False)
    # One walk, reading only: nothing is written back into the tree (lxml refuses control
    # characters on the way back in) and no quote is cut out of it (`drop_tree` per blockquote made
    # many sibling quotes quadratic).
    flat: list[str] = []
    own: list[str] = []
    quoted: list[str] = []
    quote: list[str] = []
    depth = 0  # of open blockquotes
    for element, piece, is_tail in _texts(root):
        if piece is not None:
            flat.append(piece)
        tag = element.tag
        if not is_tail and tag == "blockquote":
            depth += 1
        elif is_tail and tag == "blockquote":
            depth -= 1
            if depth == 0:
                quoted.append(_normalise("".join(quote), lines=True))
                quote = []
        para = piece and _SPACES.sub(" ", piece)
        if tag == "br":
            if is_tail:
                # One <br> is a line break inside a paragraph ("the final cut,<br>and not..."); two
                # in a row end the paragraph, as blog editors write them.
                after = element.getnext()
                blank = not (para or "").strip()
                brk = "\n" if blank and after is not None and after.tag == "br" else " "
                para = brk + (para or "")
        elif tag in BREAKING or tag in _MORE_BLOCKS:
            para = "\n" + (para or "")
        if para is not None:
            (quote if depth else own).append(para)
    return HtmlText(
        _normalise(" ".join(flat), lines=False),
        _normalise("".join(own), lines=True),
        "\n".join(q for q in quoted if q),
    )


def _texts(root: lxml.html.HtmlElement) -> Iterator[tuple[Any, str | None, bool]]:
    """(node, text, is_tail) for each text of `root`'s subtree in document order, as `itertext`
    reads them: an element's text, then its children's, then its tail (not `root`'s own); the
    tail of a processing instruction, never its content. Text is None where the node has none."""
    for event, node in lxml.etree.iterwalk(root, events=("start", "end", "pi", "comment")):
        if event == "start":
            yield node, node.text, False
        elif node is not root:
            yield node, node.tail, True


def display_width(text: str) -> int:
    """How many columns `text` takes in a terminal or a monospaced plain-text file: a wide or
    full-width character (Chinese, Japanese, Korean: `unicodedata.east_asian_width` W or F) takes
    two, a combining mark none, any other one. `"=" * display_width(heading)` underlines a heading
    to its end ("科技与太空" needs ten, not five)."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def pad(text: str, width: int) -> str:
    """`text` with spaces after it up to `width` columns (`display_width`), as f"{text:<{width}}"
    pads to `width` characters."""
    return text + " " * max(0, width - display_width(text))


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) into single spaces."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


#: Markup in a name (an author, a publication) that no person or publication is called by: a
#: script or style element with its code, an HTML comment, a tag, a Markdown image (all of it) or
#: link (its text), and the `">` that closes an attribute before an injected tag (walk87 #3).
_NAME_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_NAME_TAG = re.compile(
    r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.DOTALL
)
_NAME_MD_LINK = re.compile(
    r"(!?)\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_NAME_BREAKOUT = re.compile(r"[\"']\s*/?>")


def name_text(text: str) -> str:
    """A credited name as text: `Dora "><script>alert(4)</script>` is "Dora", `Pub <img src=x
    onerror=alert(2)>` "Pub", `Finn ![i](javascript:alert(19))` "Finn", `[Jane Roe](https://...)`
    "Jane Roe"; a name with none of these ("Ann <!-- Lee", "[Auth]", "*Star* Author") as it is."""
    cleaned = _NAME_TAG.sub(" ", _NAME_SCRIPT.sub(" ", text))
    cleaned = _NAME_MD_LINK.sub(lambda m: " " if m.group(1) else m.group(2), cleaned)
    if cleaned != text:
        cleaned = _NAME_BREAKOUT.sub(" ", cleaned)
    return normalise_space(cleaned)


def _normalise(text: str, lines: bool) -> str:
    text = CONTROL.sub("", text)
    if not lines:
        return normalise_space(text)
    rows = (_LINE_SPACES.sub(" ", row.replace("\u00a0", " ")).strip() for row in text.split("\n"))
    return "\n".join(row for row in rows if row)


#: Attributes whose value a browser follows or loads as an address.
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}


class _ScriptFinder(HTMLParser):
    """The first piece of markup that would run script: a <script>, an event handler (`on...=`)
    or a javascript:/vbscript:/data: address (text, entities and comments are never markup)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is not None:
            return
        piece = self.get_starttag_text() or f"<{tag}>"
        if tag in {"script", "iframe", "object", "embed"}:
            self.found = f"a <{tag}> element ({piece})"
            return
        for name, value in attrs:
            if name.startswith("on"):
                self.found = f'an event handler "{name}" ({piece})'
                return
            if name in _URL_ATTRIBUTES and value is not None:
                address = "".join(ch for ch in value if ord(ch) > 32).lower()
                scripted = address.startswith(("javascript:", "vbscript:")) or (
                    # data: runs script as a page or an SVG (an icon's `data:,` does not)
                    address.startswith("data:")
                    and any(kind in address.split(",", 1)[0] for kind in ("html", "svg", "xml"))
                )
                if scripted or name == "srcdoc":
                    self.found = f"a {address.split(':', 1)[0]}: address ({piece})"
                    return

    handle_startendtag = handle_starttag

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """`<![...` that is no CDATA or conditional section ("Tips <![ and ]]> in XML", walk70
        #2): html.parser raises AssertionError on it, and the build died with a traceback. A
        browser reads it as a bogus comment up to the next ">", and so is it read here: what
        follows is still searched for script."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1


def script_in(markup: str) -> str | None:
    """What in this HTML would run script, or None (see `_ScriptFinder`)."""
    finder = _ScriptFinder()
    finder.feed(markup)
    finder.close()
    return finder.found


#: A text that opens with an HTML tag (`<p>`, `<div class="x">`, `<img ...>`): a feed description
#: whose markup was escaped once more than the feed's format asks ("&lt;p&gt;To help you decide"),
#: HTML still, not words of the article. A tag further in stays text ("Using <div> in templates").
_OPENS_WITH_TAG = re.compile(
    r"\s*<(?:p|div|span|br|img|a|b|i|em|strong|h[1-6]|ul|ol|li|figure|blockquote|section)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)
#: Markdown in a feed description that has no HTML: a link or an image ("[Read more](https://...)",
#: "![photo](x.jpg)"), and strong or emphasised text ("**Title**", "__Title__").
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/)[^)\s]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
#: A strong run opening the description, then a separator: a heading (the title, most often)
#: written on the same line as the text ("**How to Throw a Graduation Party** - Graduation parties
#: are ..."), never a sentence of the blurb.
_MD_LEAD = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*(?:[-\u2013\u2014:|]\s+|\n)")


def read_feed_html(markup: str | None) -> HtmlText:
    """A feed's summary or content read as the markup it is (walk52 #2): `read_html`, then, when
    the text it gives opens with a tag (the feed escaped its HTML twice, "&lt;p&gt;..."), read as
    HTML again (at most twice); a description with no HTML at all loses its Markdown marks, links
    read as their words, and a strong run opening it ("**Title** - ...") is a heading, left out of
    the paragraphs (`own`) a blurb is made of.
    """
    read = read_html(markup)
    for _ in range(2):
        if not _OPENS_WITH_TAG.match(read.text):
            break
        read = read_html(read.text)
    if (
        markup
        and "<" not in markup
        and ("**" in read.text or "__" in read.text or "](" in read.text)
    ):
        read = HtmlText(
            _markdown_text(read.text, lines=False), _markdown_text(read.own), read.quoted
        )
    return read


def _markdown_text(text: str, *, lines: bool = True) -> str:
    """Plain text of a Markdown paragraph: links as their words, images gone, strong marks gone;
    a strong run opening it and followed by a separator (a heading) gone with `lines` (the
    paragraphs), else kept as "Heading - "."""
    text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", text))
    text = _MD_LEAD.sub("" if lines else r"\2 - ", text, count=1)
    return _MD_STRONG.sub(r"\2", text)
