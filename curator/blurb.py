"""Blurbs: two or three clean, complete sentences that say what an article is about (pure).

`choose_blurb` prefers the page's own description when it is a real summary, else picks a run of
lead sentences from the main text scored against the title and the text's key terms (an extractive
summariser), else the feed's summary. Page furniture ("Read more", "Leave a Reply", cookie and share
text, image credits, "Last updated on ...") never gets in, and no sentence is cut in half (but
one too long for a blurb, when it is the only one to use, whose cut shows: "...").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

from curator import extract_rules_bylines as byline_rules
from curator.blurb_checks import UNMARKED_SCRIPT as _UNMARKED_SCRIPT
from curator.blurb_checks import (
    listed_posts,
    lost_opening,
    more_sentences,
    short_blurb,
    unmarked_phrases,
    weak_blurb,
)
from curator.blurb_furniture import is_furniture as _is_furniture
from curator.blurb_furniture import is_paywall_notice, paywall_notice
from curator.blurb_furniture import is_sentence as _is_sentence
from curator.blurb_head import from_title as _from_title
from curator.blurb_head import headings_of as _headings
from curator.blurb_head import lead_in as _lead_in
from curator.blurb_head import opening_byline
from curator.blurb_head import past_headline as _after_headline
from curator.blurb_head import unglued as _unglued
from curator.blurb_head import without_credit_lines as _without_credit_lines
from curator.blurb_head import without_headings as _without_headings
from curator.blurb_head import without_run_in_head as _without_run_in_head
from curator.blurb_head import without_title_line as _without_title_line
from curator.blurb_leadin import without_dated_lead_in
from curator.blurb_notices import is_consent_notice
from curator.blurb_pick import LEAD_SENTENCES, MIN_DESCRIPTION_CHARS, unmarked
from curator.blurb_pick import best_window as _best_window
from curator.blurb_pick import can_open as _opens
from curator.blurb_pick import fit as _fit
from curator.blurb_pick import in_bounds as _in_bounds
from curator.blurb_pick import opens_at as _opens_at
from curator.blurb_pick import real_summary as _real_summary
from curator.blurb_pick import repeats as _repeats
from curator.blurb_pick import retells as _retells
from curator.blurb_pick import sentences_and_gaps as _sentences_and_gaps
from curator.blurb_pick import sentences_of_text as _text_sentences
from curator.blurb_pick import standfirst as _standfirst
from curator.blurb_pick import top_up as _top_up
from curator.blurb_pick import usable as _usable
from curator.blurb_sentences import CLOSERS as _CLOSERS
from curator.blurb_sentences import CUT_TAIL as _CUT_TAIL
from curator.blurb_sentences import (
    DATELINE,
    MAX_CHARS,
    MAX_SENTENCES,
    MIN_CHARS,
    MIN_SENTENCES,
    SENTENCE_ENDS,
    is_quotation,
    join_sentences,
    normalise_quotes,
    split_sentences,
)
from curator.blurb_sentences import ELLIPSIS_TAIL as _ELLIPSIS_TAIL
from curator.blurb_sentences import WIDE as _WIDE
from curator.blurb_sentences import clean_text as _clean_text
from curator.blurb_sentences import heading_key as _heading_key
from curator.blurb_sentences import terms_of as _terms
from curator.blurb_sentences import text_size as _size
from curator.htmltext import html_to_text, normalise_space, read_html
from curator.textfeatures import MAX_TEXT_CHARS


def subtitle_blurb_text(text: str, summary: str, subtitle: str | None) -> str | None:
    """A podcast episode's `itunes:subtitle` as the text its blurb is made from, when its text and
    summary are each cut short with "..." or "[...]" or empty, and the subtitle is a complete
    sentence (walk66 #3: BBC's "In Our Time" gives "Melvyn Bragg and guests discuss..." twice, and
    the whole sentence only in the subtitle); else None."""
    whole = _clean_text(subtitle, markup=False)
    if not whole or not all(not t.strip() or _CUT_TAIL.search(t.strip()) for t in (text, summary)):
        return None
    return whole if all(_is_sentence(s) for s in split_sentences(whole)) else None


def make_blurb(
    text: str,
    *,
    max_chars: int = MAX_CHARS,
    max_sentences: int = MAX_SENTENCES,
    markup: bool = True,
) -> str:
    """Two or three complete sentences from the start of `text` (plain text or HTML), no furniture.

    Never cuts a sentence in half: if even the first sentence is longer than `max_chars`, it is kept
    whole.
    """
    plain = _ELLIPSIS_TAIL.sub("", _clean_text(text, markup))
    chosen: list[str] = []
    for sentence in split_sentences(plain):
        if (
            _is_furniture(sentence)
            or is_paywall_notice(sentence)
            or sentence[-1:] not in "".join(SENTENCE_ENDS) + _CLOSERS
        ):
            continue
        if chosen and len(join_sentences([*chosen, sentence])) > max_chars:
            break
        chosen.append(sentence)
        if len(chosen) >= max_sentences:
            break
    return join_sentences(chosen)


# ------------------------------------------------------------------------------------- choose_blurb


def choose_blurb(
    *,
    description: str | None,
    text: str | None,
    summary: str | None,
    title: str | None,
    min_chars: int = MIN_CHARS,
    max_chars: int = MAX_CHARS,
    markup: bool = True,
    quoted: str | None = None,
    headings: Iterable[str] = (),
    credited: Collection[str] = (),
) -> str:
    """Two or three complete sentences (`min_chars`-`max_chars` characters) saying what the article
    is.

    `credited` are the people the article credits: a byline naming them, run into the text's first
    line after its headline, is no part of the blurb.

    `headings` are the page's headings (`Page.headings`): a line of `text` that is one of them is
    a heading, never a sentence of the blurb, even when it reads as one ("Why CPU monitoring is
    important?").

    `quoted` is what the article quotes (a feed's `<blockquote>`s; with `markup`, the blockquotes of
    `text` and `summary` are set apart the same way): never mixed with the author's own sentences,
    it makes the blurb only when their own words make none, and then in quotation marks, as a
    quote, after the author's line that introduces it ("Kara Swisher on Travis Kalanick:"). A feed summary's paragraph that ends without a full stop (a standfirst followed by
    "Continue reading...") is still a sentence, finished with one; not one cut by "..." or "[...]".

    With `markup` the texts may be HTML (a feed's summary as it came) and are read as such; the
    build passes plain text (`markup=False`, each field was made text once), where "<div>" is a
    word of the article, not a tag to remove.

    In order: the page's description when it is a real summary (not a teaser cut with "...", not the
    site's boilerplate), topped up with a lead sentence of the text when it is a single sentence;
    else the best run of 2-3 sentences from the main text; else the feed's summary. When none
    reaches the bounds, the best shorter blurb found; "" when there is no sentence at all.
    """
    fallbacks: list[str] = []
    text, quoted_text = _own_and_quoted(text, markup)
    short_lines = _headings(text)
    headings = tuple(headings)
    text = _without_run_in_head(
        _without_headings(_from_title(text, title), headings), title, headings, credited
    )
    # a feed's content read as the text when its page is not (walk196: its dated lead-in goes, below)
    text = without_dated_lead_in(_without_credit_lines(_without_title_line(text, title)))
    summary, quoted_summary = _own_and_quoted(summary, markup)
    summary = "\n".join(_unglued(line, short_lines) for line in summary.splitlines())
    # "By Mateus Conceição · November 13, 2026 · A customer…": a feed's summary loses its byline
    # and date as the page's text does (walk195 #2)
    summary = _without_run_in_head(_without_title_line(summary, title), title, (), credited)
    # "13 novembre 2026 — Rédigé par Claire Martin. Le service…", "Posted on November 13, 2026 by
    # Jane Roe. Customer…": its dated lead-in too, whatever its order (walk196)
    summary = without_dated_lead_in(summary)
    text_sentences, gaps = _sentences_and_gaps(text)
    desc = unmarked(_clean_text(description, markup))
    desc = _standfirst(
        DATELINE.sub("", _after_headline(_unglued(desc, short_lines), title, headings))
    )
    if desc and not is_consent_notice(desc) and _real_summary(desc, title, text_sentences):
        chosen = _fit([s for s in split_sentences(desc) if _usable(s)], max_chars)
        if len(chosen) < MIN_SENTENCES or _size(join_sentences(chosen)) < min_chars:
            chosen = _top_up(chosen, text_sentences, min_chars, max_chars)
        blurb = join_sentences(chosen)
        # The publisher's own summary is what an editor would use, even when no lead sentence fits
        # beside it: better one sentence about the article than two from its middle.
        if _in_bounds(chosen, min_chars, max_chars) or (
            _size(blurb) >= MIN_DESCRIPTION_CHARS and not is_quotation(chosen[0])
        ):
            return blurb
        fallbacks.append(blurb)
    best = _best_window(text_sentences, title, min_chars, max_chars, gaps)
    summary_sentences = _text_sentences(summary, unterminated=True)
    lead = _lost_lead(summary_sentences, text_sentences, title)
    if best and lead and not any(_repeats(lead, s) or _retells(s, lead) for s in best):
        # The feed's summary opens with a sentence the page's text lacks, or holds only damaged
        # (a hover card fused into it, a first paragraph its reader lost): the article's lead,
        # which a run of the text would skip, starting mid-story (walk52 #1).
        chosen = _top_up([lead], text_sentences, min_chars, max_chars)
        if _in_bounds(chosen, min_chars, max_chars):
            return join_sentences(chosen)
    if best and (
        _opens(best[0]) or (best[0] is text_sentences[0] and _opens_at(text_sentences, 0))
    ):
        return join_sentences(best)
    if best:
        # Every run of the text within the bounds opens leaning on a sentence left out ("That
        # should prevent...", "She transferred...") or with a quote: list items and notes, not
        # prose. No blurb from them: the editor is told there is none rather than shown unrelated
        # fragments. A sentence that opens and is long enough to stand alone is the article's own,
        # though, when it makes no run within the bounds only because the next one is long too: a
        # blurb of one sentence, as the other shorter blurbs are (walk74 #1: a page of three plain
        # sentences, the first opening "This article...", got no blurb at all).
        text_sentences = _standing_alone(text_sentences[:LEAD_SENTENCES], min_chars, max_chars)
    best = _best_window(summary_sentences, title, min_chars, max_chars)
    if best:
        return join_sentences(best)
    fallbacks.append(make_blurb(join_sentences(text_sentences), markup=False))
    if not (
        text_sentences
        and _opens(text_sentences[0])
        and _size(text_sentences[0]) >= MIN_DESCRIPTION_CHARS
    ):
        # The page's own lead, when it opens and is a summary sentence of its own, is the article's
        # opening: a feed's summary that reaches the bounds no better is not preferred to it for
        # being longer (walk94 #7: a page of a one-sentence lead got its feed's "Insurers simplify
        # claim forms. A feed summary about ...").
        fallbacks.append(make_blurb(join_sentences(summary_sentences), markup=False))
    blurb = max(fallbacks, key=len, default="")
    if blurb:
        return cut_long(blurb, min_chars, max_chars)
    # The headline is no paragraph of the blurb: an English page's <h1> is no sentence (no full
    # stop), but a Thai one is as long as a paragraph of phrases (walk116 #4: the blurb opened
    # with it when the text after it was too short for `_from_title` to cut it off).
    heads = {_heading_key(h) for h in (title or "", *headings)} - {""}
    blurb = _unmarked_paragraphs(text, credited, max_chars, heads) or _unmarked_paragraphs(
        summary, credited, max_chars, heads
    )
    if blurb:
        return blurb
    quote = _as_quote(
        _join_nonempty(quoted, quoted_text, quoted_summary), title, min_chars, max_chars
    )
    lead = _lead_in(_join_nonempty(text, summary))
    return f"{lead} {quote}" if quote and lead else quote


#: A paragraph shorter than this is a byline, a date or a caption, not prose.
_UNMARKED_MIN_CHARS = 30


def _unmarked_paragraphs(
    text: str, credited: Collection[str], max_chars: int, heads: Collection[str] = ()
) -> str:
    """The opening paragraphs, up to `max_chars`, of a text in a script that ends no sentence with
    a mark (`_UNMARKED_SCRIPT`), where no sentence can be told: a page in Thai got no blurb at all,
    though its feed had a summary (walk97 #2). A paragraph must be mostly of that script and long
    enough to be prose; a credit line ("โดย สมชาย ใจดี", a name `credited`), a line that is the
    headline or a heading of the page (`heads`, as `_heading_key` makes them) or furniture ends
    nothing but is left out. "" when the text is in another script or has no such paragraph."""
    out: list[str] = []
    for line in text[:MAX_TEXT_CHARS].splitlines():
        # a dateline opening the lead is no part of it, as in a text of sentences (walk107 #2)
        line = DATELINE.sub("", _clean_text(line, markup=False))
        letters = [c for c in line if c.isalpha()]
        if not letters:
            continue  # "5/12/2026"
        if len(_UNMARKED_SCRIPT.findall(line)) * 2 < len(letters):
            if out:
                break
            continue
        if (
            len(line) < _UNMARKED_MIN_CHARS
            or byline_rules.WORD_CREDIT_LABEL.match(line)
            or any(name and name in line for name in credited)
            or _heading_key(line) in heads
            or _is_furniture(line)
            or is_paywall_notice(line)
        ):
            continue
        if out and len(join_sentences([*out, line])) > max_chars:
            break
        out.append(line)
    return cut_long(join_sentences(out), max_chars=max_chars) if out else ""


#: Where an overlong sentence is cut: after a clause (a comma, a semicolon, a colon, a dash), the
#: Arabic comma and semicolon ، ؛ (Persian and Urdu write them too) among them (walk198 #3: an
#: Arabic sentence was cut between words, two past its last "،").
_CLAUSE_CUT = re.compile(r"[,;:،؛]\s|\s[—–-]{1,2}\s")
#: What is left off the end of a sentence cut so, before its "...".
_CLAUSE_TAIL = " ,;:،؛—–-"


#: Where an overlong sentence of Chinese or Japanese (no spaces between words) is cut: after a
#: clause mark, the comma, the enumeration comma, the semicolon or the colon in their full-width
#: forms (walk151 #9: a 585-character Chinese sentence with none of `_CLAUSE_CUT`'s was published
#: whole).
_WIDE_CLAUSE_CUT = re.compile(r"[、，；：]")


def cut_long(blurb: str, min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS) -> str:
    """`blurb` when it is at most `max_chars` characters long; else (a single sentence longer
    than a blurb, the only one the text has: walk90 #9, a page of one 400-word sentence got the
    feed's placeholder, or would have been printed whole) cut after its last clause that ends
    within `max_chars` and after `min_chars`, or else between words, and ended with "...", so the
    reader sees it goes on. Text with no spaces between its words (Chinese, Japanese: walk151 #9)
    is cut after its last full-width clause mark there (`_WIDE_CLAUSE_CUT`), else after its last
    character that fits (a whole one: an emoji sequence or a letter with its accents is never
    split, `_character_end`), and ended with "…"."""
    if len(blurb) <= max_chars:
        return blurb
    room = blurb[: max_chars - 3]
    clauses = [m.start() for m in _CLAUSE_CUT.finditer(room) if m.start() >= min_chars]
    if clauses:
        return room[: clauses[-1]].rstrip(_CLAUSE_TAIL) + "..."
    space = room.rfind(" ")
    if space >= min_chars and not _WIDE.search(room, space):
        return room[:space].rstrip(_CLAUSE_TAIL) + "..."
    room = blurb[: max_chars - 1]
    marks = [
        m.start() for m in _WIDE_CLAUSE_CUT.finditer(room) if _size(room[: m.start()]) >= min_chars
    ]
    end = marks[-1] if marks else _character_end(blurb, len(room))
    if end <= 0:
        return blurb
    return room[:end].rstrip() + "…"


def _character_end(text: str, at: int) -> int:
    """The last place at or before `at` between two user-perceived characters of `text` (Unicode's
    grapheme clusters, as far as a blurb meets them): never before a combining mark, a variation
    selector, an emoji's skin tone or tag, or after or before a zero-width joiner, nor between the
    two regional indicators of a flag."""
    while 0 < at < len(text):
        char, before = text[at], text[at - 1]
        if not (
            unicodedata.category(char).startswith("M")
            or char == "\u200d"
            or before == "\u200d"
            or "\ufe00" <= char <= "\ufe0f"
            or "\U0001f3fb" <= char <= "\U0001f3ff"
            or "\U000e0020" <= char <= "\U000e007f"
            or "\U000e0100" <= char <= "\U000e01ef"
            or (_REGIONAL.match(char) and _regional_run(text, at) % 2 == 1)
        ):
            return at
        at -= 1
    return at


#: A regional indicator letter: two of them make a flag ("🇯🇵").
_REGIONAL = re.compile("[\U0001f1e6-\U0001f1ff]")


def _regional_run(text: str, at: int) -> int:
    """How many regional indicators stand right before `at` in `text`."""
    count = 0
    while at - count > 0 and _REGIONAL.match(text[at - count - 1]):
        count += 1
    return count


def usable_sentences(text: str | None) -> int:
    """How many sentences of a page's plain `text` a blurb could use (complete, no furniture, no
    code): when it has some and `choose_blurb` made none of them, each leans on one left out or
    quotes someone, or is too short or too long to stand alone, and `curator extract URL` says so
    rather than that the page has no sentence (walk74 #1). A text in a script that ends no
    sentence with a mark (Thai) counts the phrases of the opening paragraphs a blurb takes, as a
    build's warning on a short blurb does (walk102 #2: it said 0 of three Thai sentences)."""
    found = len(_text_sentences(text))
    if not found and text:
        return unmarked_phrases(_unmarked_paragraphs(text, (), MAX_CHARS))
    return found


def complete_sentences(text: str | None) -> int:
    """How many complete sentences (`_is_sentence`: ending with . ! or ?) a page's plain `text`
    holds, used or not: when a blurb can use none of them (`usable_sentences`), they were left out
    as furniture, a notice or a label, and the page is not said to have no sentence ending with
    . ! or ? (walk90 #5)."""
    lines = (text or "")[:MAX_TEXT_CHARS].splitlines()
    return sum(_is_sentence(s) for line in lines for s in split_sentences(normalise_space(line)))


def why_no_page_blurb(usable: int, complete: int) -> str:
    """Why a page's text makes no blurb, from its `usable_sentences` and `complete_sentences`: said
    in the same words by `curator extract` and a build's warning (walk203 #6: the build said the
    page held no complete sentence of its own words, extract that each leaned on one before)."""
    if usable:
        return (
            f"it has {usable} complete sentence(s), but none can open one: each leans on a sentence"
            ' before it ("But...", "This...", "It..."), quotes someone, or is too short or too long'
            " to stand alone"
        )
    if complete:
        return (
            f"its {complete} complete sentence(s) all read as page furniture, not the article's"
            " text: a paywall's or sign-up notice, a label, a credit or a link"
        )
    return "no complete sentences found in it"


def _standing_alone(sentences: list[str], min_chars: int, max_chars: int) -> list[str]:
    """The first of `sentences` that opens (`_opens`) and is within the bounds on its own, with
    those after it that still fit (`_fit`); else the first that opens and is long enough to say
    something (`MIN_DESCRIPTION_CHARS`), a shorter blurb of the article's own words (walk203 #6:
    "This article explains ..." after a quotation made none); [] when there is none."""
    for least in (min_chars, MIN_DESCRIPTION_CHARS):
        for number, sentence in enumerate(sentences):
            if _opens(sentence) and least <= _size(sentence) <= max_chars:
                return _fit(sentences[number:], max_chars)
    return []


def _lost_lead(
    summary_sentences: list[str], text_sentences: list[str], title: str | None
) -> str | None:
    """The feed summary's first sentence when it is an article's lead the page's text lacks: it
    opens (`_opens`), is long enough to say something (`MIN_DESCRIPTION_CHARS`), is about the
    article (a content word of the title or the text), and no usable sentence of the text says it
    again; else None."""
    if not summary_sentences or not text_sentences:
        return None
    first = summary_sentences[0]
    if len(first) < MIN_DESCRIPTION_CHARS or not _opens(first):
        return None
    if any(_repeats(first, s) or _retells(s, first) for s in text_sentences):
        return None
    about = _terms(title or "") | _terms(join_sentences(text_sentences[:10]))
    return first if _terms(first) & about else None


def _join_nonempty(*texts: str | None) -> str:
    return "\n".join(t for t in texts if t)


def _own_and_quoted(text: str | None, markup: bool) -> tuple[str, str]:
    """The author's own text (paragraphs one a line) and what it quotes in blockquotes, for HTML;
    plain text is all the author's own."""
    if not text:
        return "", ""
    if markup and "<" in text and ">" in text:
        read = read_html(text[:MAX_TEXT_CHARS])
        return read.own, read.quoted
    return text, ""


def quote_blurb(
    quoted: str | None, title: str | None, *, min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS
) -> str:
    """A blurb from someone else's words alone (plain text, a paragraph a line), in quotation marks,
    with nothing of the text around it: a link post's `<blockquote>` of the article it links to,
    when the linker's own commentary must not read as that article's. "" when it has no sentence."""
    return _as_quote(quoted or "", title, min_chars, max_chars)


def _as_quote(quoted: str, title: str | None, min_chars: int, max_chars: int) -> str:
    """A blurb from quoted text alone, in quotation marks so it reads as the quote it is (its own
    double quotes become single ones); "" when it has no sentence."""
    heading = _terms(title or "")
    # An embed that quotes the article's own title (a tweet announcing it) says nothing more.
    sentences = [
        s for s in _text_sentences(quoted, unterminated=True, nested=True) if _terms(s) != heading
    ]
    chosen = _best_window(sentences, title, min_chars, max_chars - 2) or _fit(
        sentences, max_chars - 2
    )
    if not chosen:
        return ""
    inner = join_sentences(chosen).replace('"', "'").translate(_INNER_QUOTES)
    return f'"{inner}"'


#: A quote's own double quotes as single ones inside the quotation marks `_as_quote` adds, curly
#: ones as curly single ones.
_INNER_QUOTES = str.maketrans({"“": "‘", "”": "’"})


__all__ = [
    "MIN_CHARS",
    "choose_blurb",
    "complete_sentences",
    "html_to_text",
    "is_quotation",
    "listed_posts",
    "lost_opening",
    "make_blurb",
    "more_sentences",
    "normalise_quotes",
    "normalise_space",
    "opening_byline",
    "paywall_notice",
    "quote_blurb",
    "why_no_page_blurb",
    "short_blurb",
    "split_sentences",
    "subtitle_blurb_text",
    "usable_sentences",
    "weak_blurb",
]
