"""The authors an article page declares and the bylines it shows (`curator.extract`): JSON-LD and
meta names, byline elements and role lines found in its markup."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Any

from curator import extract_rules as rules
from curator import extract_rules_bylineplace as byline_place
from curator import extract_rules_bylines as byline_rules
from curator.authorcards import card_byline, spaced_text
from curator.bylinedates import (
    TRAILING_DATE,
    dated_byline,
    opens_with_dateline,
    reading_byline,
    role_first_byline,
)
from curator.credits import role_byline
from curator.extract_doc import WORD as _WORD
from curator.extract_doc import Doc as _Doc
from curator.extract_doc import clean_text as _clean
from curator.extract_doc import first_meta as _first_meta
from curator.extract_doc import ld_article as _ld_article
from curator.extract_doc import ld_names as _ld_names
from curator.extract_doc import title_text as _title_text


def declared_authors(doc: _Doc) -> Iterator[tuple[str, str]]:
    """Author strings the page declares, best first: JSON-LD, then meta tags (all the tags of one
    name together: two `DC.Creator` tags are two authors). These may name an organisation
    ("Contributors to Wikimedia projects"), so they are not held to a person's name's shape. Each
    with where it is, as `curator extract` says it."""
    art = _ld_article(doc)
    if art:
        names = _ld_names(doc, art.get("author")) or _ld_names(doc, art.get("creator"))
        if names:
            yield "its JSON-LD", " and ".join(names) if len(names) > 1 else names[0]
    for name in rules.AUTHOR_META:
        field = f"its {name} meta tag"
        values = list(dict.fromkeys(doc.meta.get(name, ())))
        if len(values) > 1:
            yield field, "; ".join(values)
        for value in values:
            yield field, value


def visible_bylines(doc: _Doc) -> list[str]:
    """Visible bylines (rel=author links, itemprop=author, byline classes, "By ..." lines in the
    corpus' languages), nearest the headline first.

    A page shows other people's bylines too (related stories, "most read", comment authors); the
    article's own sits next to its headline. Distance is counted in elements, in document order,
    from the page's headline (`_headline`); a byline inside the same <article> as the headline
    comes before one outside it. Without a headline the order is the page's.
    """
    found = list(_byline_elements(doc))
    if not found:
        return []
    order = {el: i for i, el in enumerate(doc.tree.iter())}
    head = _headline(doc)
    if head is None:
        return [text for _, text in found]
    head_pos = order.get(head, 0)
    head_article = next((a for a in head.iterancestors("article")), None)
    # A byline's parts (the "By" line, its link, its itemprop=name) are one byline: each is placed
    # where the outermost candidate holding it is, so the sort keeps their cascade order.
    elements = {el for el, _ in found}

    def outermost(el: Any) -> Any:
        for anc in el.iterancestors():
            if anc in elements:
                el = anc
        return el

    def key(item: tuple[Any, str]) -> tuple[int, int]:
        el = outermost(item[0])
        same_article = head_article is not None and any(
            a is head_article for a in el.iterancestors("article")
        )
        return (0 if same_article or head_article is None else 1, abs(order.get(el, 0) - head_pos))

    return [text for _, text in sorted(found, key=key)]


def _headline(doc: _Doc) -> Any | None:
    """The element holding the article's headline: the <h1> or <h2> most of whose words are in the
    page's declared title (og:title, <title>). None when none is (a front page, a list of stories):
    then no element is known to be the article's and bylines keep the page's order."""
    heads = doc.tree.xpath("//h1 | //h2")
    if not heads:
        return None
    declared = f"{_first_meta(doc, rules.TITLE_META) or ''} {_title_text(doc)}"
    wanted = set(_WORD.findall(declared.lower()))
    best, best_score = None, rules.MIN_HEADLINE_OVERLAP
    for el in heads[:50]:
        words = set(_WORD.findall(el.text_content().lower()))
        score = len(words & wanted) / len(words) if words else 0.0
        if score > best_score:
            best, best_score = el, score
    return best


def _byline_elements(doc: _Doc) -> Iterator[tuple[Any, str]]:
    """Visible bylines, each with its element: rel=author links, itemprop=author, byline classes,
    lines opening with "By" (in any language of `BYLINE_PREFIX`), none after the page's comments
    heading."""
    tree = doc.tree
    after_comments = _comments_test(tree)
    for a in tree.xpath('//a[contains(concat(" ", normalize-space(@rel), " "), " author ")]'):
        if not in_furniture(a):
            # "About Omar Haddad", "Omar Haddad's profile" (walk118 #5): the person linked to
            text = byline_place.AUTHOR_LINK_LEAD.sub("", _clean(a.text_content()))
            yield a, byline_place.AUTHOR_LINK_TAIL.sub("", text)
    for el in tree.xpath('//*[@itemprop="author" or @itemprop="creator"]'):
        if in_furniture(el):
            continue
        name = el.xpath('.//*[@itemprop="name"]')
        if name:
            yield el, _clean(name[0].get("content") or name[0].text_content())
        else:
            yield el, _clean(el.get("content") or el.text_content())
    for el in tree.xpath("//*[@class or @id]"):
        if el.tag in ("html", "body", "script", "style", "meta", "link", "img", "svg"):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not byline_place.BYLINE_CLASS.search(marks) or byline_place.BYLINE_NOT_CLASS.search(
            marks
        ):
            continue
        card = card_byline(el)  # an avatar, the name, a job title (walk203 #6)
        if card and not in_furniture(el) and not after_comments(el):
            yield el, card
            continue
        text = spaced_text(el)  # "<span>Maya Horowitz</span><span>Lead</span>" (walk203 #6)
        if (
            text
            and len(text) <= byline_rules.MAX_BYLINE_CHARS
            and not in_furniture(el)
            and not after_comments(el)
            and not _dateline(el, text)
        ):
            # "By <a>Jane Doe</a>, Senior Editor | Games": the linked or marked-up names first.
            inner = _byline_names(el)
            if any(inner):
                yield el, " and ".join(n for n in inner if n)
            # "<p>By Jane Doe</p><p>Principal Consultant</p>": each block is its own line, never
            # glued into "Jane DoePrincipal Consultant".
            lines = _block_lines(el)
            if len(lines) > 1:
                for line in lines:
                    yield el, line
            yield el, text
    # Only the element's own first text is tested: the string value of every <div> would
    # concatenate the whole page's text once per level of nesting.
    for el in tree.iter(*byline_place.BYLINE_TEXT_TAGS):
        first = _lead_text(el)
        # BYLINE_PREFIX is anchored, so it is its own cheap first test. "Jane Roe is a guest
        # contributor" (README's own example, walk139 #1) names its guest before the label.
        if not first:
            continue
        if first.lstrip()[:10].lower() == "translated":
            # "Translated by Paul Quinn from an essay by Olga Petrova.": the essay's author, and
            # the translator said as one (`articles_credits.translator_only`)
            text = _clean(el.text_content())
            translated = byline_rules.TRANSLATED_FROM.match(text)
            if _quoted(el) or in_furniture(el) or after_comments(el):
                continue
            if translated:
                yield el, f"By {translated['author']}. {translated['credit']}"
            elif len(text) <= byline_rules.MAX_BYLINE_CHARS:
                yield el, text  # "Translated by Paul Quinn": no author, the translator said
            continue
        helper_first = False
        if not (
            byline_rules.BYLINE_PREFIX.match(first + " .")
            or byline_rules.GUEST_SENTENCE.match(first)
            # "<p>بقلم أحمد علي</p>", "<p>كتب: أحمد علي</p>" (walk198 #2: credited no one)
            or byline_rules.WORD_CREDIT_LABEL.match(first)
            or byline_rules.CJK_CREDIT_LINE.match(first)
        ):
            if not byline_rules.CREDIT_HELPER_LEAD.match(first):
                continue
            helper_first = True  # "Medically reviewed by Sam Tate — Written by Tomas Berg"
        if byline_place.BYLINE_LINK_LABEL.match(first) and not _in_link(el):
            continue  # "More stories by Jane Roe" labels a link to her page; as text it is none
        if not (el.text and el.text.strip()) and not _inline_byline_placed(el):
            continue
        if _quoted(el) or after_quotation(el):
            continue  # "<blockquote>...<p>by Maya Angelou</p>": a quotation's source (walk158 #1)
        text = _clean(el.text_content())
        if in_furniture(el) or after_comments(el):
            continue
        if helper_first and not byline_rules.CREDIT_WRITER_PART.search(text):
            continue  # "Photo: Leo Grant", a caption's credit: no byline
        if byline_rules.GUEST_CREDIT.search(first.strip()) or byline_rules.INTERVIEWER_LEAD.match(
            first
        ):
            # "Guest post by Farid Haddad. He runs a bike shop in Leeds.": the credit's sentence
            # (walk144 #5: the paragraph was read whole, as no name, and the feed's owner credited)
            sentence = byline_rules.GUEST_SENTENCE_END.split(text, maxsplit=1)[0]
            if sentence != text and len(sentence) <= byline_rules.MAX_BYLINE_CHARS:
                yield el, sentence
            bio = byline_rules.GUEST_BIO_LEAD.match(text)
            if bio:
                yield el, bio.group(0) + _bio_name(text[bio.end() :])
        if len(text) <= byline_rules.MAX_BYLINE_CHARS:
            yield el, text
    yield from _role_lines(doc, after_comments)


def _byline_names(el: Any) -> list[str]:
    """The names a byline element marks up (its links, hCard `fn`...), without a link to a
    category, a tag or a section, nor any after the words that file the post under one ("Posted
    by <a>Farid Haddad</a> in <a>Customer Experience</a>", walk193 #1: "Farid Haddad and Customer
    Experience" was credited)."""
    names: list[str] = []
    for node in el.xpath(byline_place.BYLINE_NAME_XPATH):
        if node.tag == "a" and _category_link(node):
            continue
        if node.tag == "a" and _FILED_UNDER.search(_text_before(el, node)):
            continue  # "Posted in <a href="/c/cx">Customer Experience</a> by ..." (walk200 #2)
        if names and byline_place.CATEGORY_LEAD.search(_text_before(el, node)):
            break
        names.append(_clean(node.text_content()))
    return names


#: The text before a byline's link that files the post under it, and under the links before it:
#: "Posted in ", "Filed under A, ", "Posted in A & ", never " by " after them.
_FILED_UNDER = re.compile(
    r"(?:^|\s)(?:in|under)\s*:?\s*(?:(?:(?!\bby\b)[^,&]){1,40}?\s*(?:,|&|\band\b)\s*){0,5}$",
    re.I,
)


def _category_link(a: Any) -> bool:
    """A link to a category, a tag or a section (`/cat/cx`, `rel="category tag"`)."""
    rel = set((a.get("rel") or "").lower().split())
    return bool(rel & byline_place.CATEGORY_LINK_REL) or bool(
        byline_place.CATEGORY_LINK_PATH.search(a.get("href") or "")
    )


def _text_before(el: Any, node: Any) -> str:
    """The text inside `el` that comes before `node` (a descendant), in document order."""
    holders = set(node.iterancestors())
    parts = [el.text or ""]
    for item in el.iterdescendants():
        if item is node:
            break
        if isinstance(item.tag, str):  # a comment's text is none of the page's
            parts.append(item.text or "")
        if item not in holders:
            parts.append(item.tail or "")
    return "".join(parts)


#: The elements a line of a name and a job title may stand in, under the headline (`_role_lines`).
_ROLE_LINE_TAGS = frozenset(["p", "div", "span", "address", "small", "em", "strong", "b", "i"])
_ROLE_LINE_INLINE = frozenset(["a", "span", "em", "strong", "b", "i", "small", "br"])
#: A paragraph this long is the article's text: a name and a title after it are a quote's speaker
#: or a caption's, no byline.
_PROSE_CHARS = 200


def _role_lines(doc: _Doc, after_comments: Callable[[Any], bool]) -> Iterator[tuple[Any, str]]:
    """A line of a name and a job title with no "By" ("Tomas Berg, Senior Editor",
    `credits.role_byline`) between the headline and the article's first paragraph of text (fixhk:
    such a byline credited no one). Only there: further down, "Jane Doe, CEO of Acme" names whom
    the article quotes; without a headline, nowhere."""
    head = _headline(doc)
    if head is None:
        return
    interview = _reads_as_interview(doc, head)
    under = False
    for el in doc.tree.iter():
        if el is head:
            under = True
            continue
        if not under or not isinstance(el.tag, str) or any(a is head for a in el.iterancestors()):
            continue
        if el.tag == "p" and len(_clean(el.text_content())) >= _PROSE_CHARS:
            return  # the article's text has begun
        card = card_byline(el) if el.tag in ("div", "section", "aside", "header", "figure") else ""
        if card and not interview and not in_furniture(el) and not after_comments(el):
            yield el, card  # an avatar, the name, a job title (walk203 #6)
            continue
        if el.tag not in _ROLE_LINE_TAGS or any(
            isinstance(c.tag, str) and c.tag not in _ROLE_LINE_INLINE for c in el
        ):
            continue  # a block of blocks is no line (and its text is never read whole)
        text = _clean(el.text_content())
        # ... or a byline beside its date ("December 8, 2026 · Text: John Smith", "Иван Петров,
        # 8 декабря 2026": walk198, fixlh: credited no one)
        # ... or a Japanese name and its reading ("山田太郎（やまだ・たろう）", fixlq #2)
        # ... or a role before the name in Russian or Arabic ("Главный редактор Иван Петров", fixmf #1)
        line = text if role_byline(text) else dated_byline(text) or reading_byline(text)
        line = line or role_first_byline(text)
        if line and line != text and _opens_text(el, text):
            line = ""  # "<b>Palm Springs, December 8, 2026</b> — The city…": a dateline (fixlq #6)
        if (
            line
            and not interview
            and not after_quotation(el)
            and not _quoted(el)
            and not in_furniture(el)
            and not after_comments(el)
        ):
            yield el, line


def _opens_text(el: Any, text: str) -> bool:
    """Whether `el` is an inline element whose paragraph goes on after it: a name (or a place) and
    a date there open the article's text ("<strong>Palm Springs, December 8, 2026</strong> — The
    city council…"), a dateline, no byline on a line of its own."""
    parent = el.getparent()
    if el.tag not in _ROLE_LINE_INLINE or parent is None:
        return False
    whole = _clean(parent.text_content())
    return whole.startswith(text) and len(whole) > len(text) + 2


def _dateline(el: Any, text: str) -> bool:
    """Whether a byline element's `text` is a place (or a name) and a date with no label that open
    its paragraph's text (`<span class="dateline">Cedar Glen, December 8, 2026</span> — The
    city…`): a dateline, no one's credit (fixlq #6)."""
    if byline_rules.BYLINE_PREFIX.match(text + " ."):
        return False
    # "<p class="author">Cedar Glen, December 8, 2026 — The city…</p>" (fixmf #3)
    return opens_with_dateline(text) or (
        TRAILING_DATE.search(text) is not None and _opens_text(el, text)
    )


def _reads_as_interview(doc: _Doc, head: Any) -> bool:
    """The page reads as an interview (`byline_place.INTERVIEW_TITLE`, `QUESTION_LINE`): its
    headline says so, or a line asks a question ("Q: ...") or two lines are questions in bold
    (`<p><strong>How big is your team?</strong></p>`). A name and a role under its headline are
    the interviewee's, no byline (walk193 #2: "Maya Torres, Head of Support at Acme" credited)."""
    if byline_place.INTERVIEW_TITLE.search(_clean(head.text_content())):
        return True
    bold = 0
    for p in doc.tree.iter("p"):
        text = _clean(p.text_content())
        if byline_place.QUESTION_LINE.match(text):
            return True
        inner = [c for c in p if isinstance(c.tag, str)]
        if (
            text.endswith("?")
            and len(inner) == 1
            and inner[0].tag in ("strong", "b")
            and _clean(inner[0].text_content()) == text
        ):
            bold += 1
            if bold >= 2:
                return True
    return False


def _bio_name(text: str) -> str:
    """The name a guest's bio opens with: its capitalised words, before the sentence goes on
    ("Carlos Mendes runs support at ..." -> "Carlos Mendes", walk193 #4)."""
    words: list[str] = []
    for word in text.split()[:4]:
        if not word[0].isupper():
            break
        words.append(word.rstrip(".,;:"))
        if word[-1] in ".,;:" and len(word.rstrip(".,;:")) > 1:
            break
    return " ".join(words)


def _lead_text(el: Any) -> str | None:
    """The text a block opens with, also inside its leading inline markup: "Guest post by Farid
    Haddad" of `<p><em>Guest post by Farid Haddad</em></p>`, "Guest author:" of
    `<p><strong>Guest author:</strong> Farid Haddad</p>` (walk139 #1: neither was read, and the
    feed's author was published). Only an element's own first text, and its first child's when
    it opens with an inline one: a block's whole text is never tested."""
    for _ in range(4):  # <p><em><strong>By ...: a few levels, never the page's depth
        if el.text and el.text.strip():
            if el.tail and byline_rules.NOTE_LABEL_ONLY.fullmatch(el.text):
                # "<strong>Editor's note:</strong> This is a guest post by ..." (walk203 #4)
                return f"{el.text} {el.tail.strip()}"
            return str(el.text)
        child = next((c for c in el if isinstance(c.tag, str)), None)
        if child is None or child.tag not in byline_place.BYLINE_INLINE_TAGS:
            return None
        el = child
    return None


def _quoted(el: Any) -> bool:
    """`el` is a quotation, a figure or an aside, or inside one (`byline_place.QUOTING_TAGS`): a "by
    Maya Angelou" there names whom the article quotes, never its author (docs/credits.md)."""
    return el.tag in byline_place.QUOTING_TAGS or any(
        True for _ in el.iterancestors(*byline_place.QUOTING_TAGS)
    )


def after_quotation(el: Any) -> bool:
    """`el` (or the block it opens) comes right after a paragraph that is a quotation in quote
    marks (`byline_place.QUOTATION_PARAGRAPH`): what it names is the quotation's source, as under
    a `<blockquote>` ("“People will forget ...”" then "by Maya Angelou", walk193 #6)."""
    for _ in range(3):
        prev = el.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()  # a comment between them
        if prev is not None:
            return prev.tag in ("p", "div") and _quotation_paragraph(prev)
        el = el.getparent()
        if el is None or el.tag in ("body", "article", "main"):
            return False
    return False


def _quotation_paragraph(el: Any) -> bool:
    """`el` is wholly a quotation: its text in quote marks ("“People will forget ...”"), or one
    `<q>` with nothing but punctuation around it (`<p><q>Do the best you can ...</q></p>`,
    walk196: the `<q>` form credited the person quoted), or after a short lead-in that ends in a
    colon (`<p>Quote of the week: <q>...</q></p>`, walk200 #3)."""
    if byline_place.QUOTATION_PARAGRAPH.match(_clean(el.text_content())):
        return True
    inner = [c for c in el if isinstance(c.tag, str)]
    if len(inner) != 1 or inner[0].tag != "q":
        return False
    lead = _clean(el.text or "")
    if (inner[0].tail or "").strip(_PUNCTUATION) or len(_clean(inner[0].text_content())) < 8:
        return False
    return not lead.strip(_PUNCTUATION) or (
        lead.endswith((":", "：")) and len(lead.split()) <= _LEAD_IN_WORDS
    )


#: What may stand around a quotation's `<q>` in its paragraph, and the words of a lead-in before
#: it ("Quote of the week:", "As she put it:"): a sentence's are more.
_PUNCTUATION = " \t\n\u00a0.,;:!?—–-"
_LEAD_IN_WORDS = 5


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _closing_heading(text: str) -> bool:
    """A heading that opens the page's comments (`byline_place.COMMENTS_HEADING`) or a list of other
    articles ("Related posts", "More from Acme", `byline_place.RELATED_HEADING`, walk163 N7): what
    follows it is no part of the article."""
    return bool(
        byline_place.COMMENTS_HEADING.match(text) or byline_place.RELATED_HEADING.match(text)
    )


def _comments_test(tree: Any) -> Callable[[Any], bool]:
    """Whether an element comes after a heading that opens the page's comments ("Comments", "3
    Responses", "Leave a Reply", `byline_place.COMMENTS_HEADING`), with no other heading between: a "By
    Gary Commenter" there is a reader's comment, not the article's byline (walk158 #2). The
    page's headings are placed once, so a page of thousands of comments is read in one pass."""
    heads = list(tree.iter(*_HEADING_TAGS))
    comments = [_closing_heading(_clean(h.text_content())) for h in heads]
    if not any(comments):
        return lambda el: False
    order = {el: i for i, el in enumerate(tree.iter())}
    places = [order[h] for h in heads]

    def after_comments(el: Any) -> bool:
        at = bisect.bisect_left(places, order.get(el, 0)) - 1
        ancestors = set(el.iterancestors(*_HEADING_TAGS))
        while at >= 0 and heads[at] in ancestors:
            at -= 1  # a byline inside a heading: the heading before that one
        return at >= 0 and comments[at]

    return after_comments


def _in_link(el: Any) -> bool:
    return el.tag == "a" or next(el.iterancestors("a"), None) is not None


def _inline_byline_placed(el: Any) -> bool:
    """A block whose byline is in its leading inline markup (`<p><em>By Jane Roe</em></p>`) is
    one where a byline sits (README): not inside a quotation, a figure or an aside (walk147 #1:
    `<blockquote><p>...</p><p><em>by Maya Angelou</em></p></blockquote>` credited the person
    quoted, with no "no author" warning), and before the article's text begins or as its last
    line, never between its paragraphs. The text has begun when a paragraph of the same
    container before it holds a sentence's worth of words."""
    if _quoted(el):
        return False

    def prose(sib: Any) -> bool:
        return sib.tag == "p" and len(sib.text_content().split()) >= byline_place.PROSE_MIN_WORDS

    if not any(prose(s) for s in el.itersiblings(preceding=True)):
        return True
    return not any(prose(s) for s in el.itersiblings())


#: Elements whose boundaries break a line of text.
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "header",
        "footer",
        "address",
        "figure",
        "figcaption",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "blockquote",
    }
)


def _block_lines(el: Any) -> list[str]:
    """The element's text split where block elements begin and end, each line cleaned."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)
        if node.tag in _BLOCK_TAGS:
            parts.append("\n")

    walk(el)
    return [line for line in (_clean(x) for x in "".join(parts).split("\n")) if line]


def in_furniture(el: Any) -> bool:
    """True inside comments, footers, sidebars, navigation: names there are not the author's."""
    for anc in el.iterancestors():
        if anc.tag in ("body", "html"):
            return False  # <body class="sidebar-primary"> says nothing about one element
        if anc.tag in byline_place.FURNITURE_TAGS:
            return True
        marks = f"{anc.get('class') or ''} {anc.get('id') or ''}"
        if byline_place.FURNITURE_CONTAINER.search(marks) or byline_place.FURNITURE_NAV.search(
            marks
        ):
            return True
    return False
