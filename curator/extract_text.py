"""An article page's main text (`curator.extract`): trafilatura's fast pass on the page's tree, with
the captions, epigraphs and joiners it would misread handled first."""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.html
from lxml import etree

from curator import extract_rules as rules
from curator import extract_rules_bylineplace as byline_place
from curator.deps import page_reader
from curator.extract_bylines import in_furniture as _in_furniture
from curator.extract_doc import SPACE as _SPACE
from curator.extract_doc import Doc as _Doc
from curator.extract_doc import clean_text as _clean
from curator.extract_doc import ld_article as _ld_article
from curator.htmltext import html_to_text

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


#: The most visible text a page rendered by script (an SPA: an empty `<div id="app">`, the article in
#: its JSON-LD `articleBody`) shows: a "Loading..." line, a "Sign out" button, a cookie notice.
#: Under it, the JSON-LD's article body, when longer, is the page's text (walk107 #1: two such
#: pages were read as holding no text, so one got no blurb, said to hold no sentence, and the two
#: copies of one story were not told as one).
SCRIPTED_TEXT_CHARS = 200


def article_body(doc: _Doc) -> str | None:
    """The JSON-LD article's `articleBody` (`_ld_article`) as plain text, its paragraphs (lines,
    or HTML blocks when it holds markup) separated by blank lines; None when it has none."""
    obj = _ld_article(doc)
    value = obj.get("articleBody") if obj else None
    if not isinstance(value, str) or not value.strip():
        return None
    plain = html_to_text(value, lines=True) if "<" in value else value
    paragraphs = (_clean(line) for line in plain.splitlines())
    return "\n\n".join(p for p in paragraphs if p) or None


def scripted_text(text: str | None, body: str | None) -> str | None:
    """The page's text: its visible main text, unless that is next to none
    (`SCRIPTED_TEXT_CHARS`) and its JSON-LD article body says more."""
    if body and len(text or "") < SCRIPTED_TEXT_CHARS and len(body) > len(text or ""):
        return body
    return text


def main_text(doc: _Doc) -> str | None:
    """The article's text (paragraphs separated by blank lines) by trafilatura's fast main-text
    pass.

    Modifies `doc.tree` (trafilatura cleans it in place), so it runs after every metadata field.
    """
    trafilatura = page_reader()

    # Scripts, styles and inline SVG hold no article text, but trafilatura measures text_content()
    # of the whole tree several times before it drops them; on script-heavy pages (Yahoo, Wikipedia)
    # removing them first makes it ~30% faster with the same output.
    etree.strip_elements(doc.tree, *rules.NEVER_TEXT_TAGS, with_tail=False)
    for el in doc.tree.xpath(rules.NEVER_TEXT_XPATH):
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text, which belongs to the parent
    _drop_italic_captions(doc.tree)
    joined = _hide_joiners(doc.tree)
    copy_note = _first_appeared_note(doc.tree)
    tree = _article_only(doc.tree)
    _drop_epigraphs(tree)
    text = trafilatura.extract(
        tree,
        include_comments=False,
        include_tables=True,
        fast=True,
        output_format="txt",
    )
    if not text:
        return None
    paragraphs = [_SPACE.sub(" ", p).strip() for p in text.splitlines()]
    if len(paragraphs) == 1 and len(text) <= MAX_GLUED_CHARS:
        paragraphs = _unglued_blocks(tree, paragraphs[0]) or paragraphs
    text = "\n\n".join(p for p in paragraphs if p)
    if copy_note and not rules.FIRST_APPEARED.search(text):
        # The page's word that it is a copy, outside its <article> (walk158 #9): the credit's
        # note reads it in the text, as when it is inside.
        text += "\n\n" + copy_note
    return (_shown_joiners(text) if joined else text) or None


#: The zero-width joiner and non-joiner, each with the printable stand-in it has while trafilatura
#: reads the text: trafilatura drops every character that is not printable, and these are part of
#: the words they are in. A joiner makes one picture of an emoji sequence (a family "👨‍👩‍👧", the
#: rainbow flag "🏳️‍🌈"); a non-joiner spells Persian "می‌خواهد", whose letters would otherwise join
#: into a misspelling. Without them the page's text no longer said its own headline, which then
#: stayed at the blurb's start (walk151 #3). The stand-ins are Old Italic letters, which no news
#: page writes next to a joiner (a page that has them keeps trafilatura's reading).
_JOINERS = {"\u200d": "\U00010300", "\u200c": "\U00010301"}
_HAS_JOINER = etree.XPath(
    "//text()[contains(., '\u200d') or contains(., '\u200c')]", smart_strings=True
)
_HAS_STAND_IN = etree.XPath("//text()[contains(., '\U00010300') or contains(., '\U00010301')]")


def _hide_joiners(tree: Any) -> bool:
    """Replace the joiners in `tree`'s text by their stand-ins (`_JOINERS`); whether any was."""
    found = _HAS_JOINER(tree)
    if not found or _HAS_STAND_IN(tree):
        return False
    for text in found:
        parent = text.getparent()
        if parent is None:
            continue
        hidden = "".join(_JOINERS.get(c, c) for c in text)
        if text.is_tail:
            parent.tail = hidden
        else:
            parent.text = hidden
    return True


def _shown_joiners(text: str) -> str:
    """`text` with the joiners `_hide_joiners` stood in for back."""
    for joiner, stand_in in _JOINERS.items():
        text = text.replace(stand_in, joiner)
    return text


#: A caption written as a paragraph of its own: one sentence of at most this many characters.
MAX_CAPTION_CHARS = 220
#: Elements that are a picture.
_PICTURE_TAGS = ("img", "picture", "figure")
#: One sentence: it ends with . ! or ? and has no other sentence end inside.
_ONE_SENTENCE = re.compile(r"[^.!?]*(?:[.!?](?!\s)[^.!?]*)*[.!?][\"'”’)]*")


def _is_picture(el: Any) -> bool:
    """A picture: an <img>, <picture> or <figure>, or an element of no text holding one (an <a> or
    <p> around the <img>)."""
    if el is None:
        return False
    if el.tag in _PICTURE_TAGS:
        return True
    return not el.text_content().strip() and next(el.iter("img", "picture"), None) is not None


def _sibling(el: Any, step: str) -> Any:
    """The element before (`step` "getprevious") or after ("getnext") `el`, comments skipped."""
    near = getattr(el, step)()
    while near is not None and not isinstance(near.tag, str):
        near = getattr(near, step)()
    return near


def _drop_italic_captions(tree: Any) -> None:
    """Drop each paragraph that is one sentence, all in italics (<em> or <i>), next to a picture:
    a photo's caption written as a plain <p> under (or over) it, with no credit to tell it by
    (walk94 #4: "A customer uses a banking app at a branch in Cardiff." opened a blurb). An
    article's own paragraph next to a picture is not in italics: on the 256 pages of the corpus
    this drops two lines, "Version tested: PC." and a calorie count, and no sentence of a lead."""
    for p in list(tree.iter("p")):
        kids = [c for c in p if isinstance(c.tag, str)]
        if len(kids) != 1 or kids[0].tag not in ("em", "i"):
            continue
        if (p.text or "").strip() or (kids[0].tail or "").strip():
            continue
        text = _SPACE.sub(" ", p.text_content()).strip()
        if not text or len(text) > MAX_CAPTION_CHARS or not _ONE_SENTENCE.fullmatch(text):
            continue
        beside = _is_picture(_sibling(p, "getprevious")) or _is_picture(_sibling(p, "getnext"))
        if beside and p.getparent() is not None:
            p.drop_tree()


#: A short page's text, when trafilatura gives it on one line, is looked at block by block
#: (`_unglued_blocks`) up to this many characters.
MAX_GLUED_CHARS = 3000
#: The blocks a page's text is made of, one paragraph each.
_TEXT_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption")


def _unglued_blocks(tree: Any, line: str) -> list[str] | None:
    """The page's blocks (paragraphs, headings, list items), one each, when `line` is all of them
    joined by spaces; else None. trafilatura's fallback for a short page (under ~250 characters
    of text found) gives an <article>'s text as one line: the headline, the byline, the lead and
    a paywall's notice ran together into one "paragraph", which the blurb took for a notice and
    dropped whole (walk90 #5: "no complete sentences found" on a teaser whose lead ends with
    ".") or opened with the headline and byline (walk90 #7: "Video: A day on ... By Sam Vu
    Watch: ...")."""
    blocks = [
        _SPACE.sub(" ", el.text_content()).strip()
        for el in tree.iter(*_TEXT_BLOCKS)
        if not any(a.tag in _TEXT_BLOCKS for a in el.iterancestors())
    ]
    blocks = [b for b in blocks if b]
    if len(blocks) < 2 or " ".join(blocks) != line:
        return None
    return blocks


def _first_appeared_note(tree: Any) -> str:
    """A paragraph of the page's main content saying the article is a copy ("This article
    originally appeared on The Compost Gazette.", `rules.FIRST_APPEARED`), wherever it is in
    <main> (or the body when there is none), not in its navigation, footer or sidebars; "" when
    none does. Why: one placed after `</article>` inside `<main>` was left out with everything
    outside the <article> (`_article_only`), and the draft gave no note (walk158 #9)."""
    region = tree.xpath("//main | //*[@role='main']")[:1] or tree.xpath("//body")[:1]
    for el in region[0].iter("p") if region else ():
        text = _SPACE.sub(" ", el.text_content()).strip()
        if text and rules.FIRST_APPEARED.search(text) and not _in_furniture(el):
            return text
    return ""


def _drop_epigraphs(tree: Any) -> None:
    """A quotation set before the article's first paragraph of prose (`<blockquote>The customer
    is always right.<p>by Maya Angelou</blockquote>`, walk163 N9): an epigraph, someone else's
    words, not the article's own; the text (and so its blurb) opens with the article's. Only when
    prose follows: a page that is a quotation keeps it."""
    epigraphs = []
    for el in tree.iter("p", "blockquote"):
        if el.tag == "blockquote":
            if not any(a.tag == "blockquote" for a in el.iterancestors()):
                epigraphs.append(el)
        elif (
            not any(a.tag in byline_place.QUOTING_TAGS for a in el.iterancestors())
            and len(_clean(el.text_content()).split()) >= byline_place.PROSE_MIN_WORDS
        ):
            break
    else:
        return  # no prose after them
    for el in epigraphs:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text, which belongs to the parent


def _article_only(tree: Any) -> Any:
    """The page's one <article>, alone in a new document, when it holds a real article's text.

    A page with a single <article> element puts its story there; handing trafilatura only that
    leaves out the related links, teasers and comments around it. On the scrapinghub benchmark:
    F1 0.962 -> 0.965 (precision 0.946 -> 0.951, recall unchanged). Several <article>s (a list of
    stories) or a short one (a teaser card) leave the page whole.
    """
    found = tree.xpath("//article")
    if len(found) != 1 or len(found[0].text_content()) < rules.MIN_ARTICLE_CHARS:
        return tree
    html = lxml.html.Element("html")
    etree.SubElement(html, "body").append(found[0])
    return html
