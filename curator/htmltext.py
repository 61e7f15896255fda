"""HTML to plain text: the one way curator reads text out of markup (pure), and how wide a text
is in columns (`display_width`).

Feed titles, names, summaries and content, and blurb sources all come through `html_to_text`: tags
removed, invisible elements (scripts, styles...) dropped with their content, entities decoded,
whitespace collapsed. Markup is read **once**: an entity that spells a tag (`&lt;div&gt;` in an
HTML title) becomes the text "<div>" and stays text, it is never read as markup again ("decode
twice" turned "Using &lt;div&gt; in templates" into "Using in templates").
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from typing import Any, NamedTuple
from urllib.parse import urljoin, urlsplit

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
#: A terminal's escape sequence, whole (walk173 #2: removing the ESC alone published "pwned title
#: Jane Roe" for `ESC]0;pwned title BEL Jane Roe`, "Cred [1mFeed[0m" for a bold feed title):
#: a control sequence (CSI: ESC [ or its 8-bit form U+009B, parameters, intermediates, a final
#: byte: `ESC[31m`); a control string (OSC ESC ], DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _, or
#: their 8-bit forms U+009D, U+0090, U+0098, U+009E, U+009F) up to its end (BEL, ESC \ or
#: U+009C, or the ESC that opens another sequence, as a terminal aborts it: the window title, the
#: clipboard of OSC 52, OSC 8's link, all of it); any other ESC with the byte it introduces (`ESC
#: c`, `ESC(B`). A control string with no end at all loses its opening alone, and the text after
#: it stays (the ESC goes with `CONTROL`).
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|(?=\x1b))"
    r"|\x1b[ -/]*[0-~]"
)


def without_controls(text: str) -> str:
    """`text` without terminal escape sequences (`ESCAPE_SEQUENCE`, whole) and control characters
    (`CONTROL`: C0 and C1 ones but whitespace, the bidi embeddings, overrides and isolates): what
    curator stores of a feed's or a page's text, and what it prints of it (`terminal_text`)."""
    if not CONTROL.search(text):  # every sequence opens with a control character
        return text
    return CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))


def terminal_text(text: str) -> str:
    """A line curator prints (a warning, a report, a listing) that may quote a feed's or a page's
    text, safe to print: `without_controls`, so that nothing in it is read by the terminal (or a
    cron mail's reader) as a command: no escape sequence (retitle the window, write the clipboard,
    a hidden OSC 8 link), no 8-bit control, no bidi override turning the rest of the line around
    (walk173 #1: the report of authors that held markup printed them raw, with --quiet too).
    Tabs, new lines and carriage returns (a progress bar redrawn in place) stay. An address's
    password is left out (`without_passwords`)."""
    return without_passwords(without_controls(text))


#: An address's user name and password before its site (`https://editor:s3cret@host/x`); group 1:
#: all before the password's colon.
_ADDRESS_PASSWORD = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#@:\"'<>]*):[^\s/?#@\"'<>]*@")


def without_passwords(text: str) -> str:
    """`text` with the password of each address in it left out, its user name kept
    (`https://editor@host/x`): what curator prints never shows one (walk187 #1: an older
    curator's issue-N.json linked such an address, and a build's warning printed its password,
    in the terminal and a cron job's mail)."""
    return _ADDRESS_PASSWORD.sub(r"\1@", text) if "@" in text else text


_LINE_SPACES = re.compile(r"[^\S\n]+")


#: Elements whose content an HTML parser reads as text up to their end tag, or to the end of the
#: fragment when there is none (`plaintext` always): unclosed, lxml also gave the rest with a
#: `</body></html>` of its own ("Customer experience <textarea> mistakes" was published as
#: "Customer experience mistakes</body></html>", walk109 #2).
_RAW_TO_END = ("textarea", "xmp", "plaintext", "title", "noembed", "noframes")
#: What swallows the rest of a title when it is not closed: those, and the invisible elements
#: (`INVISIBLE`), dropped with their content.
_SWALLOWING = frozenset(_RAW_TO_END + INVISIBLE)
#: Elements that are markup in a title even alone ("Part one<br>Part two").
_ALWAYS_MARKUP = frozenset({"br", "wbr", "hr"})
#: A start tag: its name, its attributes (with the space before them), and a self-closing "/".
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*?)?)\s*(/?)>")
#: Any tag or comment, as `read_title` counts what markup removed.
_ANY_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][^<>]*>?|<[!?][^<>]*>?", re.DOTALL)


def _closed(lower: str, name: str, start: int) -> bool:
    """Whether `lower` holds an end tag `</name>` at or after `start` (never for `plaintext`, whose
    end tag no parser honours)."""
    if name == "plaintext":
        return False
    return re.search(rf"</{name}\s*>", lower[start:]) is not None


def _unclosed_raw(markup: str) -> str:
    """`markup` without the start tag of an element read as text to the end when it has no end
    tag (`_RAW_TO_END`): its words stay words, and lxml adds no `</body></html>` to them."""
    lower = markup.lower()
    if not any(f"<{name}" in lower for name in _RAW_TO_END):
        return markup
    out: list[str] = []
    at = 0
    for match in _START_TAG.finditer(markup):
        name = match.group(1).lower()
        if name in _RAW_TO_END and not _closed(lower, name, match.end()):
            out.append(markup[at : match.start()] + " ")
            at = match.end()
    return "".join(out) + markup[at:]


#: What an HTML parser reads as a start or end tag: `<`, a letter, its name up to a space, `/` or
#: `>` (`<PORX.O>`'s is "porx.o", `<CYL<`'s "cyl<"), and what follows up to the `>`, or the end.
_NAMELESS_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)([^>]*)(>?)")
#: A namespaced element (`<o:p>` of a page pasted from Word): markup, though HTML names none.
_PREFIXED = re.compile(r"[a-z][a-z0-9-]*:[a-z][a-z0-9-]*")


def _unnamed_as_text(markup: str) -> str:
    """`markup` with each tag-like text an HTML parser should read as words in a title or a name
    escaped: a tag whose element HTML does not name (`_HTML_ELEMENTS`) and that gives no attribute
    a value, nor closes one that does (`<x onclick=...>b</x>`: a handler is markup, whatever its
    element). Walk192 #1: a wire headline's "<FI-TEK CORP> TO MAKE ACQUISITION" was published
    "TO MAKE ACQUISITION", and "POREX <PORX.O> TO MERGE WITH MEDCO <MCCS.O>" as "POREX TO MERGE
    WITH MEDCO"."""
    if "<" not in markup:
        return markup
    valued = {m.group(2).lower() for m in _NAMELESS_TAG.finditer(markup) if "=" in m.group(3)}

    def text_unless_tag(match: re.Match[str]) -> str:
        name = match.group(2).lower()
        if name in _HTML_ELEMENTS or name in valued or _PREFIXED.fullmatch(name):
            return match.group(0)
        return "&lt;" + match.group(0)[1:]

    return _NAMELESS_TAG.sub(text_unless_tag, markup)


def _as_words(markup: str) -> tuple[str, list[str]]:
    """A title's or a name's markup with the tag-like words that are plainly text escaped, so that
    an HTML parser reads them as the words they are (walk109 #2: "Why <iframe> embeds slow your
    pages", escaped once as tech blogs write it, was published as "Why"):

    - a tag whose element HTML does not name, with no attribute given a value (a wire's
      `<FI-TEK CORP>`, `<PORX.O>`, `<ME>`: `_unnamed_as_text`), is words, as written;
    - a start tag with no attributes and no end tag after it (`<iframe>`, `<details>`) is a
      word: its `<` becomes "&lt;" (not `<br>`, `<wbr>`, `<hr>`, markup even alone);
    - an element that would swallow the rest of the title (`_SWALLOWING`: a `<noscript>`, an
      `<iframe src=...>`, a `<textarea rows=2>`) and has no end tag loses its start tag alone,
      and the words after it stay;
    - any other tag is markup, and a closed `<script>...</script>` still goes with its text;
    - a title of tags alone ("<b>") is markup: a word is one among other words.

    Also gives the names of the start tags removed here (the second kind).
    """
    markup = _unnamed_as_text(markup)
    lower = markup.lower()
    removed: list[str] = []
    out: list[str] = []
    at = 0
    alone = not any(ch.isalnum() for ch in _ANY_TAG.sub("", markup))
    for match in _START_TAG.finditer(markup):
        name = match.group(1).lower()
        if name in _ALWAYS_MARKUP or _closed(lower, name, match.end()):
            continue
        if not match.group(2).strip() and not match.group(3) and not alone:
            out.append(markup[at : match.start()] + "&lt;")
            at = match.start() + 1
        elif name in _SWALLOWING:
            out.append(markup[at : match.start()] + " ")
            at = match.end()
            removed.append(f"<{name}>")
    return "".join(out) + markup[at:], removed


class TitleText(NamedTuple):
    """A title or a name read from HTML (`read_title`)."""

    #: Its text, as `html_to_text` reads it with no separator.
    text: str
    #: The tags it held that were removed as markup, each once: ("<b>", "<script>").
    removed: tuple[str, ...]
    #: The words that went with them ("alert(1)" of `<script>alert(1)</script>`), "" for none.
    lost: str


def read_title(markup: str) -> TitleText:
    """A title's text (or a name's) with its tag-like words kept as words (`_as_words`),
    what markup was removed from it, and the words that went with that markup."""
    if "<" not in markup:
        return TitleText(html_to_text(markup, separator=""), (), "")
    kept, unclosed = _as_words(markup)
    text = html_to_text(kept, separator="")
    names = [m.group(0) for m in _ANY_TAG.finditer(kept)]
    removed = tuple(
        dict.fromkeys(
            unclosed
            + [
                "<!-- -->" if n.startswith("<!--") else f"<{_tag_name(n)}>"
                for n in names
                if n.startswith("<!--") or _tag_name(n)
            ]
        )
    )
    if not removed:
        return TitleText(text, (), "")
    # A comment's words are lost with it too ("<!-- draft -->").
    every = _ANY_TAG.sub(
        lambda m: f" {m[0][4:].removesuffix('-->')} " if m[0].startswith("<!--") else " ", kept
    )
    every = _normalise(html.unescape(every), lines=False)
    if "".join(every.split()) == "".join(text.split()):
        return TitleText(text, removed, "")
    had, has = every.split(), text.split()
    gone: list[str] = []
    for op, i1, i2, _, _ in difflib.SequenceMatcher(a=had, b=has, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            gone.append(" ".join(had[i1:i2]))
    return TitleText(text, removed, " … ".join(g for g in gone if g))


def _tag_name(tag: str) -> str:
    """The lower-case name of a tag's element ("<B class=x>" -> "b"), "" for none."""
    match = re.match(r"</?([A-Za-z][A-Za-z0-9-]*)", tag)
    return match.group(1).lower() if match else ""


def page_text(markup: str) -> str:
    """What a reader reads of a whole HTML page, on one line: its `<title>` (a browser's tab, a
    bookmark, a search result), the text of its body (`html_to_text`), and its images' alt text
    (read aloud, or shown when an image does not load). `html_to_text` reads a fragment's text,
    and drops the `<head>` with the page's title (walk171 #3: a changed title was called
    "only the markup")."""
    head: list[str] = []
    try:
        root = lxml.html.document_fromstring(markup)
    except Exception as exc:  # noqa: BLE001 - hostile markup trips lxml's own asserts
        if own_bug(exc):
            raise
        root = None
    if root is not None:
        head = [root.findtext(".//title") or "", *(i.get("alt") or "" for i in root.iter("img"))]
    return " ".join(" ".join([*head, html_to_text(markup)]).split())


def page_links(markup: str) -> list[str]:
    """The addresses a whole HTML page's links (`<a href>`, `<area href>`) go to, in order."""
    try:
        root = lxml.html.document_fromstring(markup)
    except Exception as exc:  # noqa: BLE001 - hostile markup trips lxml's own asserts
        if own_bug(exc):
            raise
        return []
    return [(a.get("href") or "").strip() for a in root.iter("a", "area")]


def same_links(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether two pages' links (`page_links`) go to the same places: each as it was, or made
    absolute (`issue-1.html` as `https://blog.example/news/issue-1.html`, after `site_url` was
    set). A link that goes elsewhere is a change a reader meets (walk179 #8: the email's "Read it
    on the web" moved with `site_url` and was said to be "only the markup")."""
    return len(before) == len(after) and all(
        a == b or (not urlsplit(a).scheme and urljoin(b, a) == b)
        for a, b in zip(before, after, strict=True)
    )


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
    markup = _unclosed_raw(markup)
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
    markup = _unclosed_raw(markup)
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
#: A word in angle brackets with nothing else in them (`<Blog>`, `<Notes>`): text of the name
#: when the word names no element of HTML (`_HTML_ELEMENTS`), as a site that writes `&lt;Blog&gt;`
#: in its og:site_name means it (walk149 #11: "Ben & Jerry's <Blog>" was credited "Ben &
#: Jerry's"). Published escaped, as a title's `<Guide>` is.
_NAME_BRACKETED = re.compile(r"<([A-Za-z][A-Za-z0-9]*)>")
#: The elements of HTML (the WHATWG HTML standard's list, with the obsolete ones browsers still
#: read as elements and SVG's and MathML's roots): a tag of one of them is markup, never text.
_HTML_ELEMENTS = frozenset(
    """a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big
    blink blockquote body br button canvas caption center cite code col colgroup data datalist dd
    del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form
    frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins
    isindex kbd keygen label legend li link listing main map mark marquee math menu menuitem meta
    meter nav nobr noembed noframes noscript object ol optgroup option output p param picture
    plaintext portal pre progress q rb rp rt rtc ruby s samp script search section select slot
    small source spacer span strike strong style sub summary sup svg table tbody td template
    textarea tfoot th thead time title tr track tt u ul var video wbr xmp""".split()  # noqa: SIM905 - a list of words, read as one
)


def name_text(text: str) -> str:
    """A credited name as text (`name_reading`, which also says why one is none): `Dora "><script>alert(4)</script>` is "Dora", `Pub <img src=x
    onerror=alert(2)>` "Pub", `Finn ![i](javascript:alert(19))` "Finn", `[Jane Roe](https://...)`
    "Jane Roe"; a name with none of these ("Ann <!-- Lee", "[Auth]", "*Star* Author") as it is."""
    return name_reading(text)[0]


def _name_text(text: str) -> str:
    """`name_text` with no regard to script: markup removed, a script with its code."""
    cleaned = _NAME_TAG.sub(_tag_or_text, _NAME_SCRIPT.sub(" ", text))
    cleaned = _NAME_MD_LINK.sub(lambda m: " " if m.group(1) else m.group(2), cleaned)
    if cleaned != text:
        cleaned = _NAME_BREAKOUT.sub(" ", cleaned)
    return normalise_space(cleaned)


def _tag_or_text(match: re.Match[str]) -> str:
    """A tag found in a name, removed (a space), unless it is a word in angle brackets that names
    no element of HTML (`_NAME_BRACKETED`), kept as the name's text."""
    bracketed = _NAME_BRACKETED.fullmatch(match.group(0))
    if bracketed and bracketed.group(1).lower() not in _HTML_ELEMENTS:
        return match.group(0)
    return " "


def _normalise(text: str, lines: bool) -> str:
    text = without_controls(text)
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


#: Signs of script in a name's markup that `_ScriptFinder` does not look for: an address a browser
#: would run written in backticks or unquoted (`<IMG SRC=`javascript:...`>`), a CSS
#: `expression(...)`, an unclosed `<script` (searched with whitespace and controls removed:
#: "java\tscript:").
_SCRIPT_SIGNS = re.compile(r"javascript:|vbscript:|livescript:|expression\(|<script", re.I)
_NO_SPACE = re.compile(r"[\x00-\x20\u2000-\u200b\u3000]+")
#: What no name holds once its markup is removed: pieces of markup or code ("SRC=", "alert(1)").
_CODE_LEFT = re.compile(r"[<>=`{}\\\"]|\w\([^()]*\)|//|/\*")
#: A tag or a comment: a name without one held no markup.
_MARKUP_START = re.compile(r"<[A-Za-z/!]")


#: A start tag as a browser reads one, up to its first ">" (an attribute in backticks holds none).
_A_TAG = re.compile(r"<[A-Za-z][^>]*>?")


def _scripted_tag(raw: str) -> int:
    """Where the first tag that would run script starts in `raw` (`script_in`, or `_SCRIPT_SIGNS`
    in it or, for a `<style>`, in its rules), -1 for none."""
    for match in _A_TAG.finditer(raw):
        tag = match.group(0)
        if tag[1:6].lower() == "style":  # its rules load script too: url("javascript:...")
            end = raw.lower().find("</style", match.end())
            tag += raw[match.end() : end if end >= 0 else len(raw)]
        if script_in(tag if tag.endswith(">") else tag + ">") is not None:
            return match.start()
        if _SCRIPT_SIGNS.search(_NO_SPACE.sub("", html.unescape(tag))):
            return match.start()
    return -1


def name_reading(raw: str | None) -> tuple[str, str]:
    """A credited name (an author, a publication) read as `name_text` reads it, and why a name that
    held markup is no name to publish ("" when it is one, or held none).

    A name followed by markup that would run script is the name before it (`Dora "><script>...`
    is "Dora", `Pub <img src=x onerror=...>` "Pub": an attribute broken out of); one with words in
    or after such markup is none, for those words are the attack's (walk110 #6: `<a
    href="data:text/html,...">Click Me</a>` was credited as the publication "Click Me",
    `<svg><script>MsgBox+1` as "MsgBox+1", an author `ABC<div style="x:expression(...)">DEF` as
    "Abc Def"); and so is one left as pieces of markup or code once markup is removed ("SRC=").
    """
    if not raw:
        return "", ""
    # A terminal's escape sequence is no part of a name, nor code: it goes whole (walk173 #2).
    raw = without_controls(raw)
    if not _MARKUP_START.search(raw):
        return _name_text(raw), ""
    written = normalise_space(raw)
    at = _scripted_tag(raw)
    if at >= 0:
        after = _name_text(raw[at:])
        if after or not _name_text(raw[:at]):
            tag = _A_TAG.match(raw, at)
            shown = " ".join((tag.group(0) if tag else raw[at:])[:80].split())
            if not after:
                return (
                    "",
                    f"it holds markup that would run script (`{shown}`) and no name apart from it",
                )
            # The words are there ("Mal Author"), but they came with the script: not credited,
            # and said so, not that there is no name (walk162 #7).
            words = after if len(after) <= 60 else after[:59] + "…"
            return "", (
                f'it holds markup that would run script (`{shown}`); the name beside it ("{words}")'
                " is left out with it, since a field that held script is no one's credit"
            )
        raw = _NAME_BREAKOUT.sub(" ", raw[:at])
    name = _name_text(raw)
    if name and name != written and _CODE_LEFT.search(name):
        return "", (
            f'what is left once its markup is removed ("{name}") is only pieces of markup or code'
        )
    return name, ""


#: Signs that a name field holds code written as text, with no tag (walk173 #3: `Jane Doe
#: \";alert('XSS');//`, `Ann Lee"; DROP TABLE x;--` were split at ";" and credited as "Jane Doe \"
#: and "alert", "Ann Lee" and "DROP TABLE x"): a quote or a backslash closing a string before a
#: ";", a ";" before a comment, a call with a literal or a page's object, SQL's statements.
_CODE_SIGN = re.compile(
    r"[\"'`\\]\s*;|;\s*(?://|--|/\*|#)|\w\(\s*(?:['\"`\d]|document\b|window\b)"
    r"|\b(?:drop\s+(?:table|database)|delete\s+from|insert\s+into|union\s+(?:all\s+)?select)\b"
    r"|['\"]\s*or\s+['\"]?\w+['\"]?\s*=",
    re.I,
)
#: A part of such a field (between its ";") that is code, no name: a call ("alert('XSS')"), a
#: comment ("//", "--"), SQL's words in sequence ("DROP TABLE x", "SELECT * FROM users"), an
#: assignment or a comparison, a brace, a backtick, no letter at all.
_CODE_PART = re.compile(
    r"\w\([^()]*\)|^\s*(?://|--|/\*|\*/|#)|[=<>{}`]|\|\||&&"
    r"|\b(?:drop|create|alter|truncate)\s+(?:table|database|schema|index|view)\b"
    r"|\b(?:delete\s+from|insert\s+into|union\s+(?:all\s+)?select|select\s+\S.*\sfrom"
    r"|update\s+\w+\s+set|exec(?:ute)?\s+\w)\b",
    re.I,
)


def code_in_name(text: str) -> tuple[str, str]:
    """A name field that holds code written as text (`_CODE_SIGN`), cut where the code starts:
    (the name before it, without the quote or backslash that closed a string: "Jane Doe"; the code
    as written: `";alert('XSS');//`). The name is "" when the field is all code; the code is ""
    when it holds none (`text` is given back whole: "Jane Doe; Bo Chen" is two people)."""
    if not _CODE_SIGN.search(text):
        return text, ""
    at = 0
    for part in text.split(";"):
        coded = not any(ch.isalpha() for ch in part) or _CODE_PART.search(part) is not None
        if coded and (part.strip() or at):
            break
        at += len(part) + 1
    else:
        return text, ""  # a ";" after a quote, and names each side: '"Jane Doe"; "Bo Chen"'
    head = text[:at]
    # the quote, backslash or bracket that closed a string ("Jane Doe \\", "Robert')")
    while head and (
        head[-1] in " ;\"'`\\" or (head[-1] == ")" and head.count("(") < head.count(")"))
    ):
        head = head[:-1]
    code = text[len(head) :].strip()
    name = head.strip(" \t\"'`")
    return (name if any(ch.isalpha() for ch in name) else ""), code


def untrusted_name(raw: str | None) -> str:
    """Why a credited name that held markup is no name to publish, "" when it is one
    (`name_reading`)."""
    return name_reading(raw)[1]


class _Tags(HTMLParser):
    """Every element (`meta`) and attribute (`meta@http-equiv`) of a page, counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen[tag] += 1
        self.seen.update(f"{tag}@{name}" for name, _ in attrs)

    def handle_comment(self, data: str) -> None:
        self.seen["!--"] += 1


def markup_counts(markup: str) -> Counter[str]:
    """Every element (`meta`) and attribute (`meta@http-equiv`) of `markup`, counted, and its
    comments (`!--`): what `markupcheck` compares between two renders of an edition."""
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    return parser.seen


def element_texts(el: Any) -> list[str]:
    """The text pieces of the lxml element `el` and its descendants, in document order: each
    element's text and tail apart, so that a caller can tell where one element's text ends and the
    next begins (`authorcards.spaced_text`: two spans' names never glued into one word)."""
    return [str(piece) for piece in el.itertext()]
