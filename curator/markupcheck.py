"""The last guard on feed text: an edition's tags and attributes are those it has with plain words.

However a template turns a feed's text into markup (`|safe` after a filter, a loop over its
characters, its bytes: walk125 #1, walk130 #1), the markup it publishes then differs from what
the same template makes when every text is plain words (`render.plain_words`): each HTML and
Markdown edition is rendered twice and compared, tag by tag and attribute by attribute.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markdown_it import MarkdownIt

from curator.htmltext import markup_counts


class _EveryLink(MarkdownIt):
    """Markdown read as a site generator that passes raw HTML through shows it, links and all."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        return True


_MARKDOWN = _EveryLink("commonmark", {"html": True})


def markup_of(text: str, filename: str) -> Counter[str]:
    """The elements and attributes an edition holds (a Markdown one as a page shows it)."""
    if filename.endswith(".md"):
        # Its front matter is YAML for a site generator, not Markdown: a newsletter title of
        # "Walk & Talk <Weekly>" there was read as a <weekly> tag from a feed's text.
        if text.startswith("---\n") and (end := text.find("\n---\n", 4)) >= 0:
            text = text[end + 5 :]
        text = _MARKDOWN.render(text)
    return markup_counts(text)


#: The characters markup is made of: `plain_words` leaves none in a text.
_MARKUP_CHARACTERS = "<>\"'"


def has_markup_characters(texts: Sequence[str]) -> bool:
    """Whether any of `texts` holds a character markup is made of (else an edition made with
    plain words in their place is the same edition, and need not be made)."""
    return any(c in t for t in texts for c in _MARKUP_CHARACTERS)


def text_as_markup(
    shown: str, plain: str, filename: str, texts: Sequence[str]
) -> tuple[str, str] | None:
    """What `shown` (an edition) holds as markup that `plain` (the same edition, with plain
    words for every text) does not, in words ("a <meta> tag", "a style= attribute on <p>"),
    with the text of `texts` it most likely came from; None when both hold the same markup."""
    if all(shown.count(c) == plain.count(c) for c in _MARKUP_CHARACTERS):
        return None  # every `<`, `>` and quote is the template's own: the same markup
    mine, theirs = markup_of(shown, filename), markup_of(plain, filename)
    if mine == theirs:
        return None
    extra = list((mine - theirs).keys()) or list((theirs - mine).keys())
    key = extra[0]
    if key == "!--":
        what, needle = "an HTML comment, which hides what follows it,", "<!--"
    elif "@" in key:
        tag, attribute = key.split("@", 1)
        what, needle = f"a {attribute}= attribute on <{tag}>", attribute
    else:
        what, needle = f"a <{key}> tag", f"<{key}"
    return what, _quoted(needle, texts)


def _quoted(needle: str, texts: Sequence[str]) -> str:
    """The text that holds `needle` (else the first with markup characters), cut after it."""
    lower = needle.lower()
    found = next((t for t in texts if lower in t.lower()), None)
    if found is None:
        found = next((t for t in texts if any(c in t for c in "<>\"'")), "")
        at = min((found.find(c) for c in "<>\"'" if c in found), default=len(found))
    else:
        at = found.lower().find(lower)
    start = max(0, at - 40)
    head = ("..." if start else "") + found[start:at]
    cut = found[at : at + len(needle)]
    return f"{head}{cut}{' ...' if at + len(cut) < len(found) else ''}"
