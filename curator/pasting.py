"""The fragment as a blog meets it: HTML that survives WordPress's wpautop, and headings that nest.

README tells the editor to paste `issue-N.fragment.html` into a WordPress post (Code editor).
WordPress runs `wpautop` on a post's HTML (wp-includes/formatting.php; its JavaScript port is
`@wordpress/autop`): a newline between words becomes `<br />`, and a line of spaces before `</div>`
becomes a paragraph of its own (`<p>([^<]+)</div>` gives `</p></div>`, a stray end tag). walk159
#1 found both in the demo's first issue: the hard-wrapped introduction broke mid-sentence and
every article ended in an empty paragraph. A newline in HTML text is a space, and indentation
between tags is nothing, so the fragment is written without either: the same HTML to a browser.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import lxml.etree
import lxml.html

#: The elements wpautop treats as blocks (`allBlocks` of @wordpress/autop, wp-includes/formatting.php):
#: a newline next to one of their tags is never a `<br />`.
_BLOCKS = frozenset(
    re.findall(
        r"\w+",
        "table thead tfoot caption col colgroup tbody tr td th div dl dd dt ul ol li pre form map"
        " area blockquote address math style p h1 h2 h3 h4 h5 h6 hr fieldset legend section"
        " article aside hgroup header footer nav figure figcaption details menu summary",
    )
)

#: What is kept exactly as written: preformatted text (its newlines are its lines), a comment, and
#: a tag (a newline in an attribute's value is the value's).
_KEPT = re.compile(
    r"<(pre|textarea|script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL
)
#: Whitespace holding a line break.
_BREAK = re.compile(r"[ \t\f\r]*\n\s*")
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def _block(tag: str) -> bool:
    name = _TAG_NAME.match(tag)
    return bool(name) and name.group(1).lower() in _BLOCKS  # type: ignore[union-attr]


def for_pasting(html: str) -> str:
    """`html` as the same HTML with no line break inside a run of text (a space in its place) and
    no indentation: a line break is kept, alone on its line, only beside a block's tag, where
    wpautop reads it as nothing. What `<pre>`, `<textarea>`, a comment or a tag holds is kept."""
    out: list[str] = []
    last = 0
    before = ""  # the tag (or kept piece) just before the text in hand

    def text(piece: str, after: str) -> str:
        def one(m: re.Match[str]) -> str:
            at_start = m.start() == 0
            at_end = m.end() == len(piece)
            if (at_start and _block(before)) or (at_end and _block(after)):
                return "\n"
            return " "

        return _BREAK.sub(one, piece)

    for kept in _KEPT.finditer(html):
        out.append(text(html[last : kept.start()], kept.group()))
        out.append(kept.group())
        before = kept.group()
        last = kept.end()
    out.append(text(html[last:], ""))
    return "".join(out).strip() + "\n"


#: A heading's level.
_LEVEL = re.compile(r"h([1-6])")


def _heading_level(element: lxml.html.HtmlElement) -> int:
    tag = element.tag if isinstance(element.tag, str) else ""
    match = _LEVEL.fullmatch(tag.lower())
    return int(match.group(1)) if match else 0


def _misnested(fragment: str) -> list[tuple[str, int, str, int]]:
    """(subject, its heading's level, a heading under it, that heading's level) for each heading
    inside a subject's section that is at its subject's level or above it."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for section in root.iter():
        if "subject" not in (section.get("class") or "").split():
            continue
        headings = [e for e in section.iter() if _heading_level(e)]
        if not headings:
            continue
        subject, level = headings[0], _heading_level(headings[0])
        name = " ".join(subject.text_content().split())
        for heading in headings[1:]:
            if _heading_level(heading) <= level:
                text = " ".join(heading.text_content().split())
                found.append((name, level, text, _heading_level(heading)))
    return found


#: The templates that make the fragment, first those that write its headings.
_FRAGMENT_TEMPLATES = ("_issue_body.html", "fragment.html")
#: Curator's templates of other editions: their headings are not the fragment's (a partial of
#: the editor's own, `_entry.html`, may be).
_OTHER_EDITIONS = ("issue.html", "email.html", "index.html")


def _writing(folder: Path, level: int) -> list[str]:
    """`file:line` of each line of the editor's templates in `folder` that writes `<hN>` itself."""
    tag = re.compile(rf"<h{level}[\s>]", re.IGNORECASE)
    names = [*_FRAGMENT_TEMPLATES]
    try:
        names += sorted(
            p.name
            for p in folder.glob("*.html")
            if p.name not in names and p.name not in _OTHER_EDITIONS
        )
    except OSError:
        return []
    lines = []
    for name in names:
        try:
            text = (folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # not there, or said by the template checks
            continue
        lines += [
            f"{folder / name}:{n}"
            for n, line in enumerate(text.split("\n"), start=1)
            if tag.search(line)
        ]
    return lines


def nested_headings(rendered: Mapping[str, str], folder: Path | None) -> tuple[str, ...]:
    """A warning for each fragment in `rendered` whose article headings are not below their
    subject's (walk159 #5: a copy of `_issue_body.html` writing `<h3>` for an article's title put
    it at its subject's level in the fragment, where `top` is 2, and nothing said so), naming the
    editor's template lines that write that heading level themselves. A second `<h1>` is
    `templatewords.fragment_headings`' to say."""
    notes = []
    for name, html in rendered.items():
        if not name.endswith(".fragment.html"):
            continue
        wrong = [m for m in _misnested(html) if m[3] > 1]
        if not wrong:
            continue
        subject, level, title, at = wrong[0]
        others = f" and {len(wrong) - 1} more" if len(wrong) > 1 else ""
        lines = _writing(folder, at) if folder is not None else []
        if lines:
            where = f"{', '.join(lines)} write{'s' if len(lines) == 1 else ''} <h{at}> itself"
        else:
            where = f"your templates in {folder} write it" if folder else "a template writes it"
        notes.append(
            f"{name}: {len(wrong)} heading(s) under a subject's heading are at its level or above"
            f' ("{title}"{others}: an <h{at}> under the subject "{subject}", an <h{level}>), so a'
            " blog's reader and a screen reader take each for a subject of its own, not an"
            f" article of that subject; {where}: write `<h{{{{ top + 2 }}}}>` for an article's"
            " title (`{{ top + 1 }}` for a subject's), as curator's _issue_body.html does, so"
            " that each is a level below the heading above it in every edition (the fragment's"
            " title is an <h2>, the page's an <h1>)"
        )
    return tuple(notes)
