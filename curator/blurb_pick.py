"""The sentences of a page a blurb may use (not code, captions, furniture or run-on fragments),
the feed's standfirst, and the scoring that picks the best lead window of them."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable

from curator.blurb_furniture import is_furniture as _is_furniture
from curator.blurb_furniture import is_paywall_notice
from curator.blurb_furniture import is_sentence as _is_sentence
from curator.blurb_notices import drops_alone, is_consent_notice
from curator.blurb_sentences import CLOSERS as _CLOSERS
from curator.blurb_sentences import CUT_TAIL as _CUT_TAIL
from curator.blurb_sentences import (
    DANGLING_OPENERS,
    DATELINE,
    MAX_SENTENCES,
    MIN_SENTENCE_CHARS,
    MIN_SENTENCES,
    OTHER_STOPS,
    SITE_BOILERPLATE,
    TEASER_END,
    is_quotation,
    join_sentences,
    leans_back,
    normalise_quotes,
    split_sentences,
)
from curator.blurb_sentences import ELLIPSIS_TAIL as _ELLIPSIS_TAIL
from curator.blurb_sentences import MORE_TAIL as _MORE_TAIL
from curator.blurb_sentences import WIDE as _WIDE
from curator.blurb_sentences import WORD as _WORD
from curator.blurb_sentences import balanced as _balanced
from curator.blurb_sentences import clean_text as _clean_text
from curator.blurb_sentences import content as _content
from curator.blurb_sentences import ends_with_abbreviation as _ends_with_abbreviation
from curator.blurb_sentences import opener as _opener
from curator.blurb_sentences import starts_sentence as _starts_sentence
from curator.blurb_sentences import terms_of as _terms
from curator.blurb_sentences import text_size as _size
from curator.blurb_sentences import words_of as _words
from curator.blurb_sentences import wordset as _wordset
from curator.htmltext import normalise_space
from curator.textfeatures import MAX_TEXT_CHARS, STOP_WORDS


def usable(sentence: str) -> bool:
    """A sentence fit for a blurb: complete, no furniture, no link, and its quotes closed (a quoted
    passage split mid-way would leave a dangling quotation mark)."""
    return (
        _is_sentence(sentence)
        and not _is_furniture(sentence)
        and not is_paywall_notice(sentence)
        and "http" not in sentence
        and _balanced(sentence)
        and sentence.count("(") == sentence.count(")")  # "Not Found, 304 Not Modified)."
        and not _HOVER_CARD.search(sentence)
        and not _SPEC_KEYWORD.match(sentence)
        and not _is_code(sentence)
    )


#: Code in a sentence: a program listing flattened into the text (a <pre> in a feed's summary)
#: splits into "sentences" at its dotted names ("GetStatus() == RPC.OK: if response.", walk69 #2),
#: and a sentence with code in it is no blurb's (`_is_code`). What only code writes: a comparison
#: ("==", "!=", "==="), an arrow glued to its operand ("ptr->next", ") ->"), a statement's end
#: after a call glued to its name ("Close();", "log.Info(result);"; not "(tinkering and
#: modification);" nor "Sales rose in Europe (8%); in Asia ...": walk76 #2), a brace, a call closed
#: by a block's colon ("GetAuthorizedUser(): if ..."), an assignment opening the sentence
#: ("vals = [ParseRow(r) ..."), a walrus (":=" glued to its name, not Go's "i := range" in prose).
_CODE = re.compile(
    r"[!=]==?"
    r"|\w->|\)\s?->"
    r"|\w\([^()]*\);"
    r"|[{}]"
    r"|\w\([^()]*\):"
    r"|^[A-Za-z_][\w.]*\s=\s"
    r"|\w:="
)


#: A name of code mentioned in prose: a call ("gather()", "GetStatus()", "server.Call(request)",
#: "ParseRow(r)", "parse_row("; not "user(s)" nor "Analog(ue)") or a dotted CamelCase name
#: ("asyncio.TaskGroup", "document.getElementById"). One, or two among words of prose, is an
#: article naming an API ("The new asyncio.TaskGroup() API replaces most uses of gather().",
#: "Calling Array.prototype.sort() without a comparator ...": walk74 #3, both were dropped and
#: the blurbs opened mid-thought); `CODE_NAMES` of them, or names with hardly a word of prose
#: between them ("GetRows(): raise EmptyError()"), are a listing.
_CODE_NAME = re.compile(
    r"\b[A-Za-z_][\w.]*\w\(\)"
    r"|\b(?:[A-Z][a-z]+|[a-z]{2,})[A-Z]\w*\("
    r"|\b[A-Za-z]\w*_\w+\("
    r"|\b[A-Za-z_]\w*\.[A-Za-z_][\w.]*\([^()]*\)"
    r"|\b[a-z_]\w*\.(?:[A-Z][a-z]+[A-Z]|[a-z]+[A-Z])\w*"
)


#: How many names of code (`_CODE_NAME`) make a sentence a listing, whatever its words.
CODE_NAMES = 3


#: Words of prose (letters only, outside the names) a sentence needs per name of code in it.
PROSE_WORDS_PER_CODE_NAME = 2


def _is_code(sentence: str) -> bool:
    """Whether `sentence` holds code (`_CODE`, `_CODE_NAME`) or is mostly symbols: fewer than half
    of its characters (spaces aside) letters or digits ("} else { x[i] = y; }")."""
    if _CODE.search(sentence):
        return True
    names = _CODE_NAME.findall(sentence)
    prose = _WORD.findall(_CODE_NAME.sub(" ", sentence))
    if len(names) >= CODE_NAMES or (names and len(prose) < PROSE_WORDS_PER_CODE_NAME * len(names)):
        return True
    solid = [c for c in sentence if not c.isspace()]
    return bool(solid) and sum(map(_letterlike, solid)) * 2 < len(solid)


def _letterlike(ch: str) -> bool:
    """A character of a word: a letter or digit, a vowel sign or other mark on one, or the
    Tibetan tsheg ་ between syllables (walk154 N-a: a Tibetan sentence, half marks and tshegs,
    was taken for symbols, code)."""
    return ch.isalnum() or ch == "\u0f0b" or unicodedata.category(ch).startswith("M")


#: A requirement line of a specification opens with a keyword in capitals ("MUST support chunked
#: transfer coding on PUT requests."): a rule out of a list, not a sentence that says what the
#: document is. The keywords are RFC 2119's.
_SPEC_KEYWORD = re.compile(r"(?:MUST|SHOULD|SHALL|MAY|REQUIRED|RECOMMENDED|OPTIONAL)(?:\s+NOT)?\b")


#: A name's hover card glued to the name in the page's text: "Gov. Kristi NoemKristi Lynn
#: NoemSouth Dakota governor doubles down on ... MORE (R) is defending": the name, then its own
#: first word run into it. Words run together alone are no sign ("MacBook", "StarCraft").
_HOVER_CARD = re.compile(r"\b([A-Z][a-z]+) [A-Z][a-z]+\1\b")


def can_open(sentence: str) -> bool:
    """The sentence can open a blurb: not leaning on one before ("But", "This"), not an aside in
    brackets ("(EDIT: ...)"), and not someone else's words."""
    return (
        not leans_back(sentence)
        and not sentence.startswith(("(", "["))
        and not is_quotation(sentence)
    )


def opens_at(sentences: list[str], at: int) -> bool:
    """`sentences[at]` can open a blurb (`can_open`); the text's first sentence can too when it is a
    quotation with its attribution ('"We stopped asking ...," said Dana Whitcombe, head of ...'):
    that is the article's lead, a reporter's opening, not a quote picked from further down
    (walk167 #3: the lead was dropped and the blurb opened "The bank replaced ...", the bank never
    named). Quotes set apart from the text (a pull quote's `<blockquote>` or `<aside>`) are no part
    of the sentences a blurb is made from."""
    sentence = sentences[at]
    if can_open(sentence):
        return True
    return (
        at == 0
        and _opener(sentence) not in DANGLING_OPENERS
        and bool(_REPORTED_QUOTE.search(normalise_quotes(sentence)))
    )


#: A quotation closed and attributed as a reporter's lead attributes it, in the past tense
#: ('...," said Dana Whitcombe, head of ...'): a page's deck or pull quote, set as its first
#: paragraph, says it in the present ('"You're going to see ...," says Jack Buser, ...'), and is
#: no lead (the benchmark's scrapinghub/8267acacb9e4).
_REPORTED_QUOTE = re.compile(
    r"[,.!?]\"\s+(?:[\w.'-]+\s+){0,4}?(?:said|told|wrote|added|explained|recalled|insisted|"
    r"argued|asked|noted)\b",
    re.I,
)


def sentences_of_text(
    text: str | None, *, unterminated: bool = False, nested: bool = False
) -> list[str]:
    """The usable sentences of a plain text, in order (`sentences_and_gaps`)."""
    return sentences_and_gaps(text, unterminated=unterminated, nested=nested)[0]


#: What a run of sentences not adjacent in the text scores of its own (`best_window`): the run of
#: the lead beats it unless it is much more on topic.
GAP_PENALTY = 0.5


#: How many words a sentence left out must have to part the ones around it (`sentences_and_gaps`).
GAP_WORDS = 3


def sentences_and_gaps(
    text: str | None, *, unterminated: bool = False, nested: bool = False
) -> tuple[list[str], frozenset[int]]:
    """The usable sentences of a plain text, in order, and the indexes of those that follow a
    sentence of their own paragraph left out (too short, cut, a link: not usable): such a
    sentence is not adjacent in the text to the one before it in the list, and may lean on the
    one skipped ("…sorry, I should explain “The Great Big Lie”. There are several, but ...":
    walk167 #6). Paragraph breaks end sentences, so a heading
    or a credit line without a full stop never glues onto the sentence after it.

    With `unterminated` (a feed's summary, written as a summary) a paragraph's last sentence may
    lack its full stop when the paragraph visibly ended: another paragraph follows (a standfirst,
    then the story or "Continue reading..."), or a "Read more" link closes it. It gets a full stop.
    Not so the text's very end, with nothing after it: feeds cut descriptions at a fixed length
    with no mark ("... and that s"), and a blurb never stops half-way. Nor a paragraph cut with
    "..." or "[...]", nor one that ends on a lead-in (":" or ","), nor a fragment
    (`_standing`); a paragraph running on into the next is joined to it (`_runs_joined`; `nested`:
    the text is a quotation, with those nested in it in place). A summary's Markdown-like
    markers are dropped too (`unmarked`); a page's text keeps them, its list items "- " marked.
    """
    if not text:
        return [], frozenset()
    # Only the start of a text is read, as for subjects: a blurb comes from the opening, key terms
    # show there too, and a huge or hostile text costs no more than a long article.
    text = text[:MAX_TEXT_CHARS]
    out: list[str] = []
    gaps: set[int] = set()
    paragraphs = [p for p in (_clean_text(p, markup=False) for p in text.splitlines()) if p]
    if unterminated:
        paragraphs = _runs_joined(paragraphs, nested=nested)
    advert = ""  # the name of the sponsor whose ad the paragraphs are, while they name it
    for number, paragraph in enumerate(paragraphs, 1):
        paragraph = DATELINE.sub("", unmarked(paragraph) if unterminated else paragraph)
        sponsor = _SPONSOR.match(paragraph)
        if sponsor:
            # The sponsor's paragraph, and those after it that name the sponsor, are its ad.
            advert = sponsor.group(1).lower()
            continue
        if advert and advert in paragraph.lower():
            continue
        advert = ""
        if (
            not paragraph
            or is_paywall_notice(paragraph)
            or is_consent_notice(paragraph)
            or _EDITORS_LABEL.match(paragraph)
        ):
            continue
        sentences = split_sentences(_ELLIPSIS_TAIL.sub("", paragraph))
        if len(sentences) > 1 and _CAPTION_CREDIT.match(sentences[-1]):
            continue  # "Shoppers browse the aisles ... on Tuesday. Photo: Mia Cole": a caption
        # A paragraph opening with furniture is furniture; told by its first sentence too, whole:
        # "Read our privacy policy? Few users do ..." opens with a question, not a notice.
        # A consent notice's sentence or a note of where the post first appeared goes alone: the
        # paragraph went above when it is only a notice (walk185 #N1).
        if (
            _is_furniture(paragraph[:40])
            and (not sentences or _is_furniture(sentences[0]))
            and not (sentences and drops_alone(sentences[0]))
        ):
            continue
        if (
            unterminated
            and sentences
            and _ended(paragraph, last=number == len(paragraphs))
            and _standing(sentences[-1])
        ):
            sentences[-1] = _finished(sentences[-1])
        skipped = False
        for sentence in _short_joined(sentences):
            if not usable(sentence):
                # a sentence of words, not a fragment a stop split off ("Am 12." before
                # "September startet ...": a date, the next sentence is no other's), nor the
                # page's furniture ("This is another post in our Code Health series.", a notice)
                skipped = skipped or (
                    len(_WORD.findall(sentence)) >= GAP_WORDS
                    and not _is_furniture(sentence)
                    and not is_paywall_notice(sentence)
                )
                continue
            if skipped:
                gaps.add(len(out))
            out.append(sentence)
    return out, frozenset(gaps)


#: A Markdown-like marker a feed's text may carry (its writer's tool typed it, nothing renders it):
#: a quote's `>`, a list item's `-`, `+` or `*`, opening the paragraph or a sentence after one, or
#: a run of `===`, `---` or `***` between sentences (a heading's underline or a rule, flattened).
_MARKER = r"(?:[>*+\-](?=\s)|={3,}|-{3,}|\*{3,})"


_MARKER_LEAD = re.compile(rf"^(?:{_MARKER}\s*)+")


_MARKER_BETWEEN = re.compile(rf"(?<=[.!?\"'”’)\]{OTHER_STOPS}。！？])(?:\s+{_MARKER})+\s+")


def unmarked(paragraph: str) -> str:
    """A paragraph of feed or page text without the Markdown-like markers its writer typed (a
    `> ` or `- ` opening it, a `===` between its sentences): punctuation, not a reason to drop
    the sentence it stands before (walk154 NEW-4: "> Trams are late again, ..." lost the lead and
    "... this year. === It now holds ..." two sentences, read as a quote, a list item, code)."""
    return _MARKER_BETWEEN.sub(" ", _MARKER_LEAD.sub("", paragraph))


#: A paragraph opening with an editor's label is a note on the story, not the story (walk90 #2:
#: "Editor's note: This story is part of our series ...", "Correction: An earlier version of this
#: article misstated ..."), dated or not ("Update (Dec. 2):", "UPDATE, 3 p.m.:").
_EDITORS_LABEL = re.compile(
    r"(?:editor(?:['’]?s|s['’])? note|note from the editors?|corrections?|clarifications?|updated?|"
    r"disclosure)(?:\s*\([^)\n]{1,40}\)|,[^:\n]{0,30}?\d[^:\n]{0,15}|\s+(?:on\s+)?_DATE_)?\s*:".replace(
        "_DATE_",
        # "Updated December 2, 2016:", "Correction 2 Dec 2016:" (walk203 #5)
        r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
        r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?:,?\s+\d{4})?",
    ),
    re.I,
)


#: A paragraph's last sentence crediting a photo ("Photo: Mia Cole for Aisle Report", "Photograph:
#: ...", "(Photo by ...)"): the paragraph is the photo's caption, written as a plain <p> (walk90
#: #2: "Shoppers browse the aisles at a store in Bristol on Tuesday." opened a blurb).
_CAPTION_CREDIT = re.compile(
    r"[(\[]?(?:photo(?:graph)?s?|image|picture|pictured|credit|illustration)(?: by\b|\s*:)",
    re.I,
)


#: A paragraph opening with the site's thanks to a sponsor ("My thanks to Igloo for sponsoring this
#: week's DF RSS feed. Collaboration can be ..."): an advertisement, never a blurb (walk52 #3).
_SPONSOR = re.compile(
    r"(?:(?:my|our) )?thanks (?:again )?to ([^.!?]{1,80}?) for sponsoring\b", re.I
)


#: A heading that is a date ("Friday, 4 March 2016", "March 4, 2016"): a day of a blog's front page.
DATE_HEADING = re.compile(
    r"^(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})$"
)


def _short_joined(sentences: list[str]) -> list[str]:
    """A paragraph's sentences, one too short to stand alone ("We messed up.": under
    `MIN_SENTENCE_CHARS` or four words) joined to the sentence after it in the paragraph: an
    article's lead may open so ("We messed up. As technologists, ... we lost track of the user
    experience."), and left out it left the blurb opening mid-thought (walk52 #2). Not one with a
    digit ("Davis 17 points."). The paragraph's last is joined to the one before it when it reads
    as prose (`_closing`); a caption's credit or a score stays out."""
    out: list[str] = []
    carry = ""
    for number, sentence in enumerate(sentences, 1):
        sentence = f"{carry} {sentence}" if carry else sentence
        carry = ""
        if number < len(sentences) and _short_prose(sentence):
            carry = sentence
            continue
        if number == len(sentences) and out and _short_prose(sentence) and _closing(sentence):
            # The paragraph's short closing sentence of prose ("Пассажиры довольны.", "התושבים
            # מרוצים.") ends the one before it: left out, the blurb lost the article's own last
            # words and read as headlines (walk154 N-a).
            out[-1] = f"{out[-1]} {sentence}"
            continue
        out.append(sentence)
    return out


def _closing(sentence: str) -> bool:
    """A short sentence that reads as prose, not as a credit or a caption's name ("Getty
    Images.", "Reuters."): a word after its first that is no capitalised name."""
    words = _WORD.findall(sentence)
    return len(words) >= 2 and not all(w[:1].isupper() for w in words[1:])


def _short_prose(sentence: str) -> bool:
    """A whole sentence of two words or more, but too short to count as one by `_is_sentence`."""
    core = sentence.rstrip(_CLOSERS)
    words = sentence.replace("\u0f0b", " ").split()  # Tibetan's tsheg ་ spaces its syllables
    return (
        core.endswith((".", "!", "?", *OTHER_STOPS))
        and not core.endswith(("...", "…"))
        and (len(sentence) < MIN_SENTENCE_CHARS or len(words) < 4)
        and len(words) >= 2
        and not any(c.isdigit() for c in sentence)
        and _starts_sentence(sentence)
        and not _ends_with_abbreviation(sentence)
    )


def _ended(paragraph: str, *, last: bool) -> bool:
    """The paragraph was written whole: not cut by "..." or "[...]", and followed by another one or
    closed by a "Read more" link."""
    body = _MORE_TAIL.sub("", paragraph)
    return not _CUT_TAIL.search(body) and (not last or body != paragraph)


#: The last word of a block that runs on into the next one: an article, a conjunction or a
#: preposition that no sentence ends on (a sentence may end on "that", "for", "to" or "with": "how's
#: that", "the software I've been waiting for", left as they were).
_RUNS_ON = _wordset("a an the of and or nor but whose whether because than into onto including")


#: A verb that introduces what follows: a block ending on one is a lead-in to a quotation (walk165
#: #3: "<blockquote><p>The question asked was</p><blockquote><p>As you may know, ...?</p>", a
#: quotation nested in the one that introduces it), never a sentence to end with a made-up full
#: stop ("The question asked was. As you may know, ..."). In a quotation, what it introduces is
#: the block after it, joined with a colon ("The question asked was: As you may know, ..."); in
#: the author's own text, the quotation it introduced is set apart, and it is left out: the block
#: after it is the author's again ("Steve Yegge says" over a <blockquote>, then "Why do people
#: make this stuff up?").
_INTRODUCES = _wordset("is are was were be been reads says said asks asked writes wrote")


#: The second word of a credit line opening in lower case ("submitted by /u/name [link]"): no
#: sentence going on from the block before it.
_CREDIT_BY = "by"


def _runs_joined(paragraphs: list[str], *, nested: bool) -> list[str]:
    """The paragraphs of a feed's summary with each that runs on into the next (`_runs_on`) joined
    to it, as the text reads: a space between them, or, in a quotation (`nested`: quotations
    nested in it are kept in place), a colon after a verb introducing one ("The question asked
    was: As you may know, ..."). The last paragraph is left as it is: nothing follows it."""
    out: list[str] = []
    carried = ""
    for number, paragraph in enumerate(paragraphs):
        if carried:
            between = ": " if _introduces(carried) and _starts_sentence(paragraph) else " "
            paragraph = carried + between + paragraph
            carried = ""
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
        if following and _runs_on(paragraph, following, nested=nested):
            carried = paragraph
            continue
        out.append(paragraph)
    return out


def _last_word(text: str) -> str:
    words = text.split()
    return normalise_quotes(words[-1]).lower() if words else ""


def _runs_on(paragraph: str, after: str, *, nested: bool) -> bool:
    """The paragraph ends with no mark, on a word no sentence ends on (`_RUNS_ON`), or in a
    quotation (`nested`) on a verb introducing the one nested after it (`_INTRODUCES`); or the
    paragraph after it goes on in lower case ("... general XML tools can be</p><p>problematic.
    This article ...", a description's hard-wrapped lines), its first word all lower case (not
    "iPhone ..."), neither a furniture line ("read more") nor a credit ("submitted by ...")."""
    if not paragraph[-1:].isalnum():
        return False
    word = _last_word(paragraph)
    if word in _RUNS_ON or (nested and word in _INTRODUCES):
        return True
    first = after.split(maxsplit=2)
    opening = first[0].rstrip(".,;:!?" + _CLOSERS)
    return (
        opening.isalpha()
        and opening.islower()
        and first[1:2] != [_CREDIT_BY]
        and not _is_furniture(after)
    )


def _introduces(paragraph: str) -> bool:
    return _last_word(paragraph) in _INTRODUCES


#: The fewest words of a paragraph's last sentence, written with no full stop, that is finished
#: with one (`_standing`): a standfirst's sentence, as a description's (`standfirst`).
STANDFIRST_WORDS = 8


def _standing(sentence: str) -> bool:
    """A sentence written with no full stop that reads as whole (a standfirst: "Worried that
    fitness obsessives were making yoga too commercial, ... to caves in India"), not a fragment,
    a label or a lead-in of a few words ("The question we asked", before the quotation it
    introduces): only the first gets a full stop made up for it (walk165 #3)."""
    words = sentence.split() if sentence.isascii() else _words(sentence)
    last = _last_word(sentence)
    return len(words) >= STANDFIRST_WORDS and last not in _RUNS_ON and last not in _INTRODUCES


def _finished(sentence: str) -> str:
    """A sentence that ends on a word (maybe in quotes or brackets) with a full stop added."""
    core = sentence.rstrip(_CLOSERS)
    if core[-1:].isalnum():
        return sentence + "."
    return sentence


#: A page description this long makes a blurb on its own (one sentence of the publisher's summary).
MIN_DESCRIPTION_CHARS = 80


#: A description ending on a word is a standfirst written without a full stop when it is at most
#: this long; longer ones are usually cut at a fixed length (150-160 characters) with no mark.
MAX_STANDFIRST_CHARS = 140


def standfirst(desc: str) -> str:
    """A description written as a standfirst, with no full stop ("New Zealand's whale whisperers
    worry that ... behind the spike in beachings"), finished with one; else as it is."""
    if (
        _size(desc) >= MIN_DESCRIPTION_CHARS
        and len(desc) <= MAX_STANDFIRST_CHARS
        and desc[-1:].isalpha()
        # Chinese and Japanese write no spaces: their words (`_words`) count (walk55 #1).
        and len(desc.split() if desc.isascii() else _words(desc)) >= 8
        # "... and the": cut, not ended
        and normalise_quotes(desc.rsplit(" ", 1)[-1]).lower() not in STOP_WORDS
        and _starts_sentence(desc)
    ):
        return desc + ("。" if _WIDE.match(desc[-1]) else ".")
    return desc


def real_summary(desc: str, title: str | None, text_sentences: list[str]) -> bool:
    """A description worth showing: complete (not a teaser), not furniture or site boilerplate, and
    about the article (shares a content word with its title or its text, when we have them)."""
    if _size(desc) < 60 or TEASER_END.search(desc) or SITE_BOILERPLATE.search(desc):
        return False
    if _is_furniture(desc) or is_paywall_notice(desc) or not _is_sentence(desc):
        return False
    if is_quotation(desc):
        return False  # a quote is someone else's words, not the publisher's summary
    about = _terms(title or "") | _terms(join_sentences(text_sentences[:10]))
    return not about or bool(_terms(desc) & about)


def fit(sentences: list[str], max_chars: int) -> list[str]:
    chosen: list[str] = []
    for sentence in sentences[:MAX_SENTENCES]:
        if chosen and len(join_sentences([*chosen, sentence])) > max_chars:
            break
        chosen.append(sentence)
    return chosen


def top_up(
    chosen: list[str], text_sentences: list[str], min_chars: int, max_chars: int
) -> list[str]:
    """Add the text's lead sentences that say something new (none that says a sentence of `chosen`,
    the description, again in other words: `retells`) until the blurb has two sentences and
    `min_chars`; two are enough when the first is a summary sentence of its own
    (`MIN_DESCRIPTION_CHARS`): a third from further down restates or drifts from it.

    The sentences added are consecutive in the text, and follow the description's own when the
    text has it: once one is added, a sentence that cannot be (it retells or repeats another)
    ends the blurb rather than being skipped, and a text that opens with the description goes on
    from the sentence after it, which only goes on with the story (walk178 #3: "S1. S3", the
    second sentence taken for the description told again for sharing three of its words, the
    third read as following the first)."""
    out = list(chosen)
    start = _after_own(chosen, text_sentences[:6])
    added = False
    for sentence in text_sentences[start:6]:
        if start == 0 and any(retells(sentence, s) for s in chosen):
            if added:
                break
            continue
        if len(out) >= MIN_SENTENCES and (
            _size(join_sentences(out)) >= min_chars or _size(out[0]) >= MIN_DESCRIPTION_CHARS
        ):
            break
        if len(out) >= MAX_SENTENCES or len(join_sentences([*out, sentence])) > max_chars:
            break
        if any(repeats(sentence, s) for s in out) or (not out and not can_open(sentence)):
            if added:
                break
            continue
        out.append(sentence)
        added = True
    return out


def _after_own(chosen: list[str], lead: list[str]) -> int:
    """Where the text goes on after the description `chosen` when its `lead` opens with it (each
    of its sentences again, `repeats`, in order from the first): the index after the last; else 0."""
    if not chosen or len(lead) < len(chosen):
        return 0
    if all(repeats(t, c) for t, c in zip(lead, chosen, strict=False)):
        return len(chosen)
    return 0


def _similar(a: str, b: str) -> bool:
    ta, tb = _terms(a), _terms(b)
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) > 0.6


#: A lead sentence that shares this many content words with the page's description, and a good
#: part of each one's (`retells`), tells the description's news again in other words.
RETOLD_TERMS = 3


def retells(sentence: str, summary: str) -> bool:
    """`sentence` tells again what the publisher's `summary` sentence says, in other words: they
    share at least `RETOLD_TERMS` content words, a third of the shorter's and a quarter of the
    longer's. Medical News Today's description "New research investigates the neurobiological
    timing of the so-called a-ha! moment ..." and its lead "A new study investigates when the
    'a-ha!' moment takes place in the brain ..." share three of nine and twelve; a lead that goes
    on to other news ("The Steelers spent Monday ...") shares a smaller part of its own words."""
    ta, tb = _terms(sentence), _terms(summary)
    shared = len(ta & tb)
    shorter, longer = sorted((len(ta), len(tb)))
    return shared >= RETOLD_TERMS and 3 * shared >= shorter and 4 * shared >= longer


#: A sentence that opens with this many words of one before it says the same thing again ("The
#: Xbox One X is the most powerful ... The Xbox One X is the ultimate ...").
SAME_OPENING_WORDS = 4


def repeats(sentence: str, before: str) -> bool:
    """`sentence` says again what `before` said: mostly the same terms (`_similar`), or
    `_restates`."""
    return _similar(sentence, before) or _restates(sentence, before)


def _restates(sentence: str, before: str) -> bool:
    """`sentence` is `before` again, or nearly (nearly all the terms of the longer of the two),
    or opens with the same words."""
    if _same_text(sentence, before):
        return True
    ta, tb = _terms(sentence), _terms(before)
    if min(len(ta), len(tb)) >= SAME_OPENING_WORDS and len(ta & tb) >= 0.8 * max(len(ta), len(tb)):
        return True
    # Each goes on well past the opening: "Lorem ipsum dolor sit amet." before "Lorem ipsum dolor
    # sit amet, consectetur ..." is a short line the next one extends, which the terms tell.
    a, b = _words(sentence), _words(before)
    long = min(len(a), len(b)) >= 2 * SAME_OPENING_WORDS
    return long and a[:SAME_OPENING_WORDS] == b[:SAME_OPENING_WORDS]


def _same_text(a: str, b: str) -> bool:
    """The same text, spaces, case and quote marks (curly or straight) aside."""
    return (
        normalise_quotes(normalise_space(a)).lower() == normalise_quotes(normalise_space(b)).lower()
    )


def in_bounds(chosen: list[str], min_chars: int, max_chars: int) -> bool:
    joined = join_sentences(chosen)
    return (
        MIN_SENTENCES <= len(chosen) <= MAX_SENTENCES
        and _size(joined) >= min_chars
        and len(joined) <= max_chars
    )


#: How many lead sentences the summariser considers: blurbs come from an article's opening, and the
#: seeds' best sentences are within the first dozen.
LEAD_SENTENCES = 20


#: How fast a run's score falls with its distance from the opening (per sentence). An article's
#: lead says what it is about; a run further down must be much more on topic to beat it.
LEAD_DECAY = 2.0


def best_window(
    sentences: list[str],
    title: str | None,
    min_chars: int,
    max_chars: int,
    gaps: Collection[int] = (),
) -> list[str] | None:
    """The best run of 2-3 consecutive lead sentences within the bounds.

    Each sentence scores by the title's words it repeats and the text's key terms it uses (terms
    that recur in the text); a run scores the mean of its sentences, weighted towards the lead. A
    run that opens with a word leaning on a sentence left out ("But", "This", "They") or with a
    quotation is chosen only when no run that opens (`can_open`) fits, however well it scores; so is
    a run opening with a sentence that follows one of its paragraph left out (`gaps`, as
    `sentences_and_gaps` gives them), and a run with such a sentence inside scores
    `GAP_PENALTY` of its own: its sentences are not adjacent in the text, and the one after the
    gap may lean on the sentence skipped (walk167 #6). The text's first sentence opens
    a run even when it opens with a quotation (`opens_at`): it is the article's lead.
    """
    lead = sentences[:LEAD_SENTENCES]
    if not lead:
        return None
    counts = Counter(w for s in sentences for w in _words(s) if _content(w))
    keys = {w: math.log1p(c) for w, c in counts.most_common(12) if c >= 2}
    title_terms = _terms(title or "")
    scores = [_sentence_score(s, title_terms, keys) for s in lead]
    opens = [opens_at(lead, i) for i in range(len(lead))]
    best: tuple[tuple[bool, float], list[str]] | None = None
    for start in range(len(lead)):
        for size in (MIN_SENTENCES, MAX_SENTENCES):
            window = lead[start : start + size]
            if len(window) < size:
                continue
            joined = join_sentences(window)
            if _size(joined) < min_chars or len(joined) > max_chars:
                continue
            if any(_restates(b, a) for i, a in enumerate(window) for b in window[i + 1 :]):
                continue  # a run that says a thing twice
            score = sum(scores[start : start + size]) / size
            score *= 1.0 / (1.0 + LEAD_DECAY * start)  # openings say what an article is
            score *= 1.0 + 0.05 * (size - MIN_SENTENCES)  # a third sentence, when it fits, helps
            # A run that opens beats every run that leans, whatever their scores: a leaning run
            # is chosen only when nothing else is left.
            if any(start + i in gaps for i in range(1, size)):
                score *= GAP_PENALTY  # its sentences are not adjacent in the text
            key = (opens[start] and start not in gaps, score)
            if best is None or key > best[0]:
                best = (key, window)
    return best[1] if best else None


def _sentence_score(sentence: str, title_terms: set[str], keys: dict[str, float]) -> float:
    words = set(_words(sentence))
    title_hit = len(words & title_terms) / len(title_terms) if title_terms else 0.0
    key_total = sum(keys.values()) or 1.0
    key_hit = sum(weight for w, weight in keys.items() if w in words) / key_total
    score = 0.2 + 2.0 * title_hit + 1.5 * key_hit
    if _size(sentence) < 50:
        score *= 0.6  # short lines are usually captions or asides
    if _first_person(words):
        score *= 0.8  # "I was reminiscing...": anecdote rather than what the article is about
    return score


def _first_person(words: Iterable[str]) -> bool:
    return bool({"i", "i'm", "i've", "my", "me"} & set(words))
