"""What the editions do not show of a blurb's (or introduction's) Markdown as Markdown
(`curator.markdowntext`): images as their descriptions, tables, footnotes, links with no words,
lines indented as code; and the advice the draft's warnings give of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from curator.markdowntext_links import CODE_SPAN, COMMONMARK, unsafe_destination

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
    tokens = COMMONMARK.parse(source or "", env)
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
    found += _numbered_sentences(tokens, lines)
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
        spans = [m.group(0) for m in CODE_SPAN.finditer(line)]
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


#: The first number a list of one item starts at to read as a year or an amount (`1986. was the
#: year ...`) rather than an item's place: over 31 (a list of a month's days may start there).
_SENTENCE_NUMBER = 31


def _numbered_sentences(tokens: list[Any], lines: list[str]) -> list[UnshownMarkdown]:
    """Each list of one item numbered over `_SENTENCE_NUMBER` whose text starts in lowercase
    (`1986. was the year the first satisfaction index was published.`): a sentence starting
    with a year, most likely, which Markdown reads as a list numbered from it, every edition
    with it (kind "numbered sentence": walk188 #1, it was "1." in the HTML editions, unsaid)."""
    found = []
    for index, token in enumerate(tokens):
        if token.type != "ordered_list_open" or token.level or not token.map:
            continue
        items = 0
        for inner in tokens[index + 1 :]:
            if inner.type == "ordered_list_close" and inner.level == token.level:
                break
            items += inner.type == "list_item_open" and inner.level == token.level + 1
        item = tokens[index + 1]
        text = next((t.content for t in tokens[index + 1 :] if t.type == "inline"), "")
        number = item.info if item.type == "list_item_open" else ""
        if (
            items == 1
            and number.isdigit()
            and int(number) > _SENTENCE_NUMBER
            and text[:1].islower()
        ):
            found.append(
                UnshownMarkdown(token.map[0] + 1, "numbered sentence", lines[token.map[0]].strip())
            )
    return found


def numbered_sentence_advice(piece: UnshownMarkdown, fix_in: str = "") -> str:
    """What the editor is told of a "numbered sentence" (`_numbered_sentences`)."""
    number = re.match(r"\d+", piece.written)
    digits = number.group(0) if number else ""
    marked = piece.written[len(digits) : len(digits) + 1]
    rest = piece.written[len(digits) + 1 :]
    where = f" in {fix_in}" if fix_in else ""
    return (
        f'"{piece.written}" is read as a list numbered from {digits}, as Markdown reads a line'
        f" starting with a number and {marked!r}: every edition publishes it as that list, its"
        f" number {digits}; if it is a sentence, write a backslash before the {marked!r}"
        f" ({digits}\\{marked}{rest}){where}"
    )


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
    if unsafe_destination(address):
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
