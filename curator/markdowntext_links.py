"""The links of the editor's Markdown (`curator.markdowntext`): every link to an address never
published cut (its text kept), reference links written inline, and the links the draft's warnings
name (unsafe, relative, spaced, undefined references)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkDestination, parseLinkTitle

from curator.urls import safe_url

#: A link reference definition `[label]: destination` (its title, if any, follows on the line).
_MD_LINK_DEFINITION = re.compile(
    r"^ {0,3}\[(?:\\.|[^\]\\])+\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|\S+)[^\n]*$", re.MULTILINE
)

#: The base a relative link destination is resolved against to check it (never published).
RELATIVE_BASE = "https://relative.invalid/"


def unsafe_destination(dest: str) -> bool:
    """Whether a Markdown link destination, as a renderer decodes it (markdown-it's
    parseLinkDestination undoes backslash escapes and entities: `javascript&colon;` is
    `javascript:`), names a scheme we don't publish.

    A relative link is resolved, so it stays. Text with a `:` before any `/ ? #` reads as a
    scheme to some renderer or reader (`&lt;JavaScript:...>` decodes to `<JavaScript:...>`,
    relative to urljoin): it must be a safe address on its own, so no such text is published.
    """
    if not dest.strip():
        return False
    if safe_url(dest, RELATIVE_BASE) is None:
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
    if squashed == address or not unsafe_destination(squashed):
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
        if found is None or not unsafe_destination(found[1]):
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
        if unsafe_destination(dest):
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
        lambda m: "" if unsafe_destination(_definition_destination(m.group(1))) else m.group(0),
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
        if not unsafe_destination(_definition_destination(m.group(1))):
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
    tokens = COMMONMARK.parse(text or "", env)
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
        CODE_SPAN,
        lambda piece: _MD_REFERENCE.sub(inline, piece),
    )
    if COMMONMARK.render(written) != COMMONMARK.render(text):
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
        if unsafe_destination(dest):
            label = m.group(0).strip().split("]:", 1)[0].lstrip("[")
            if _label(label) not in used:  # a definition no link uses: said by its label
                found.append(UnsafeLink(text.count("\n", 0, m.start()) + 1, label, dest))
    pos = 0
    while (close := text.find("](", pos)) != -1:
        link = _inline_link_end(text, close + 2)
        pos = close + 2
        if link is None or not unsafe_destination(link[1]):
            continue
        opening = _link_opening(text, close)
        start = close if opening is None else opening
        label = "" if opening is None else " ".join(text[opening + 1 : close].split())
        found.append(UnsafeLink(text.count("\n", 0, start) + 1, label, link[1]))
    return tuple(sorted(found, key=lambda u: u.line))


#: CommonMark and its `~~strikethrough~~`, which Hugo's Markdown (issue-N.md) strikes through:
#: every edition does (walk188 #7: the HTML, email and text editions showed its tildes).
COMMONMARK = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("strikethrough")
#: A code span, left as it is.
CODE_SPAN = re.compile(r"(`+)[^`]*?\1")


def relative_links(text: str) -> tuple[UnsafeLink, ...]:
    """Every link of the editor's Markdown whose address is no full http(s) or mailto: one
    (`/about`, `#top`, `//host/...`, `javascript%3A...`): published as written, it leads nowhere
    from the email or a mailing tool, and `//host` to whatever that host is (walk96 C)."""
    found: list[UnsafeLink] = []
    for token in COMMONMARK.parse(cut_unsafe_links(text or "")):
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
            if "](" in COMMONMARK.renderInline(match.group(0)):
                found.append(UnsafeLink(number, match.group(1), match.group(2).strip()))
    return tuple(found)


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
    COMMONMARK.parse(text or "", env)
    return {
        label: (int(ref.get("map", (0, 0))[0]) + 1, str(ref.get("href") or ""))
        for label, ref in (env.get("references") or {}).items()
    }


def undefined_references(text: str) -> list[Reference]:
    """Each reference link of `text` (outside code) whose label `text` defines nowhere: markdown-it
    reads it as the brackets typed, unless another piece defines it in one file (issue-N.md)."""
    defined = reference_definitions(text)
    code: set[int] = set()
    for token in COMMONMARK.parse(text or ""):
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


#: A Markdown inline link, `[text](address)`, as typed in plain text (walk183 #9).
_TYPED_LINK = re.compile(r"!?\[[^\[\]\n]+\]\([^()\s]+(?:\s+\"[^\"]*\")?\)")


def typed_markdown_link(text: str) -> str | None:
    """The first Markdown inline link (`[this](/more)`) written in `text`, a plain-text field
    that publishes it as typed (a corrected `"blurb"`); None when it has none."""
    found = _TYPED_LINK.search(text or "")
    return found.group(0) if found else None
