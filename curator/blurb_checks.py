"""What is said of a finished blurb: too short, weak (the author's own story, a person it never
introduced), its page's lost opening, and a page listing several posts (`listed_posts`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from curator.blurb_furniture import SURNAME_REPORTING as _SURNAME_REPORTING
from curator.blurb_pick import DATE_HEADING as _DATE_HEADING
from curator.blurb_pick import repeats as _repeats
from curator.blurb_pick import sentences_of_text as _text_sentences
from curator.blurb_sentences import (
    DANGLING_OPENERS,
    MAX_CHARS,
    MAX_SENTENCES,
    MIN_CHARS,
    MIN_SENTENCES,
    split_sentences,
)
from curator.blurb_sentences import WORD as _WORD
from curator.blurb_sentences import clean_text as _clean_text
from curator.blurb_sentences import heading_key as _heading_key
from curator.blurb_sentences import terms_of as _terms
from curator.blurb_sentences import text_size as _size
from curator.blurb_sentences import words_of as _words
from curator.blurb_sentences import wordset as _wordset
from curator.textfeatures import MAX_TEXT_CHARS, STOP_WORDS

#: Letters of the scripts that mark no sentence's end (Thai, Lao and Khmer space their phrases and
#: sentences alike; Burmese has ။, which not every page uses).
UNMARKED_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]")


#: A page with this many posts under headings of their own, or days under date headings, reads as
#: a list of posts (a blog's front page), not one article.
MIN_LISTED_POSTS = 3


MIN_LISTED_DAYS = 2


#: The fewest words of a line that is a post's paragraph rather than a heading or a date.
_POST_WORDS = 8


def listed_posts(title: str | None, headings: Iterable[str], text: str | None) -> int:
    """How many posts a page lists when it reads as a list of posts (a blog's front page, an
    archive) rather than one article, else 0 (walk52 #3). Either none of its headings is its title
    (an article's own heading says what its <title> says, in about the same words), and
    `MIN_LISTED_DAYS` of them are dates (a day's posts under each) or `MIN_LISTED_POSTS` of them
    stand as lines of its text, each before a paragraph (a post's title, then the post); or, titled
    or not, `MIN_LISTED_POSTS` of its posts are dated one by one (`_dated_posts`): a blog whose
    front page is headed with its own name, as its <title> is (walk116 #3: "The CX Blog" over
    four posts each with its date, and Blogger's days each over a post). On the benchmark's 252
    article pages, one reads so: a book's chapter titled with the book's name."""
    heads = [h.strip() for h in headings if h.strip()]
    if not heads or not text:
        return 0
    lines = [ln.strip() for ln in text[:MAX_TEXT_CHARS].splitlines() if ln.strip()]
    dated = _dated_posts(heads, lines)
    key, terms = _heading_key(title or ""), _terms(title or "")
    for head in heads:
        shared = len(_terms(head) & terms)
        if _heading_key(head) == key or (
            terms and 2 * shared >= min(len(terms), len(_terms(head)))
        ):
            return dated if dated >= MIN_LISTED_POSTS else 0
    days = sum(1 for h in heads if _DATE_HEADING.match(h))
    keys = {_heading_key(h) for h in heads}
    posts = sum(
        1
        for line, after in zip(lines, lines[1:], strict=False)
        if _heading_key(line) in keys
        and len(after.split()) > _POST_WORDS
        and not after.endswith(":")
    )
    if days >= MIN_LISTED_DAYS or posts >= MIN_LISTED_POSTS or dated >= MIN_LISTED_POSTS:
        return max(days, posts, dated)
    return 0


def _dated_posts(heads: list[str], lines: list[str]) -> int:
    """How many posts a page dates one by one: date headings each followed by a heading that is
    not a date (a day, then its post's title), or lines of its text that are dates each followed
    by a post's paragraph or title (a post's date line, then the post); whichever counts more. None
    of the 169 HTML pages of the shared corpus dates three so (all of them are single articles)."""
    by_heads = sum(
        1
        for head, after in zip(heads, heads[1:], strict=False)
        if _DATE_HEADING.match(head) and not _DATE_HEADING.match(after)
    )
    keys = {_heading_key(h) for h in heads}
    by_lines = 0
    for number, line in enumerate(lines[:-1]):
        after = lines[number + 1]
        if not _DATE_HEADING.match(line) or _DATE_HEADING.match(after):
            continue
        if len(after.split()) > _POST_WORDS or _heading_key(after) in keys:
            by_lines += 1
    return max(by_heads, by_lines)


def short_blurb(blurb: str) -> bool:
    """A blurb of a single sentence (or a fragment), where blurbs are two or three: the editor is
    told, for nothing better could be made of the feed and the page. "" is no blurb at all."""
    text = blurb.strip()
    if not text or blurb_sentences(text) >= MIN_SENTENCES:
        return False
    # Thai, Lao, Khmer: no sentence can be told, so its phrases are counted (walk102 #2: three
    # Thai sentences, the opening paragraphs, were warned about as "one sentence").
    return not unmarked_script(text) or unmarked_phrases(text) < MIN_SENTENCES


#: Double quotation marks, straight, curly and low (a blurb in quotation marks, `_as_quote`'s).
_DOUBLE_QUOTES = re.compile('["\u201c\u201d\u201e\u201f]')


def blurb_sentences(blurb: str) -> int:
    """How many sentences a blurb says, those inside quotation marks too: a quotation holding two
    (`'"As the standoff ... investigation. Fewer Americans ... on the question."'`, or one followed
    by its attribution, '"... OUT. Twitter ...," Noem tweeted.') is two, though `split_sentences`
    keeps it whole, as one sentence of the text around it (walk165 #4: a quoted blurb of two
    sentences was noted as one)."""
    return len(split_sentences(_DOUBLE_QUOTES.sub("", blurb)))


def unmarked_script(text: str) -> bool:
    """Whether `text` is mostly (by its letters) in a script that ends no sentence with a mark
    (`UNMARKED_SCRIPT`)."""
    letters = sum(c.isalpha() for c in text)
    return bool(letters) and len(UNMARKED_SCRIPT.findall(text)) * 2 >= letters


def unmarked_phrases(text: str) -> int:
    """How many phrases of such a script `text` holds: runs between spaces with a letter of it (a
    Thai text spaces its phrases and sentences alike; a number between them is no phrase)."""
    return sum(bool(UNMARKED_SCRIPT.search(chunk)) for chunk in text.split())


#: A sentence that speaks as "I" ("I learned to sail when I was young.", "my first job").
_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I(?:['’](?:m|ve|d|ll))?|[Mm]y|me|myself)\b")


#: Words that open a sentence leaning on someone named before it: a blurb opening with one has
#: nothing in it they point back to (walk122 #1).
_LEANING_PERSON = _wordset("he she they")


#: "It", "This" and "These" point back too ("It also ...", "This approach ...", "These changes
#: ..."), but not before these words: a general claim ("It is hard to ...", "This is ..."), the
#: text's own time ("This week, ...", "These days ...") or the text itself ("This article ...").
_NOT_POINTING = _wordset(
    "is was are were has had have will would may might can could should seems seemed takes took "
    "week weekend year month morning afternoon evening night day days summer winter spring autumn "
    "fall season time article post guide paper tutorial piece story episode issue newsletter "
    "series book video podcast report channel site blog page"
)


#: A capitalised word opening a blurb, standing alone: not followed by another capitalised word
#: (then it is a full name, "Bruce Temkin said"), with its possessive ("Temkin's") cut off.
_OPENING_WORD = re.compile(r"[\"“‘']?([A-Z][a-z]+)(?:['’]s)?(?=[\s,])(?!\s+[A-Z])")


#: A blurb that says "he" or "she" is about a person.
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Hh]ers)\b")


#: A person's whole name in a blurb, not opening a sentence ("How did John M. Ford disappear?"):
#: a blurb opening "He was beloved by ..." that names him later is a teaser, not a lost lead.
_FULL_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z]+")


#: A discourse word opening a sentence that needs one before it: an ordinal or a connective with
#: its comma ("First, it is ...", "However, ..."), or a conjunction ("But", "And", "So", "Yet")
#: or "That"/"Those" pointing back (not "That is why" nor "Those who": general claims).
_DISCOURSE_OPENING = re.compile(
    r"[\"“‘']?(?:(?:First|Second|Third|Fourth|Finally|Lastly|Next|Firstly|Secondly|Thirdly|"
    r"However|Moreover|Furthermore|Besides|Nevertheless|Nonetheless|Meanwhile|Instead|Still|"
    r"Also|Therefore|Thus|Consequently|Otherwise|Similarly|Likewise|Then|Even so|In addition|"
    r"On the other hand|In contrast|By contrast|As a result|For example|For instance),"
    r"|(?:But|And|Or|So|Yet)\s"
    r"|(?:That|Those)\s(?!(?:is|was|said|who|which|of|in|on|at)\b))"
)


def _opens_text(sentence: str, text: str | None) -> bool:
    """`sentence` is where `text` (a page's, plain) opens: no sentence of the text ends before it
    (a headline, a date line, a byline may stand there, none ending with a full stop). False
    when there is no text to tell by, or the sentence is not in it."""
    if not text:
        return False
    at = text.find(sentence[:60])
    if at < 0:
        return False
    return not re.search(r"[.!?。！？][\"'”’)]*(?:\s|$)", text[:at])


def unintroduced_opening(blurb: str, text: str | None = None) -> str:
    """Why a blurb's first sentence opens on someone it never introduced, "" when it does not
    (walk122 #1: "Temkin elaborated by comparing ..."). Either it opens with a word that points
    back ("He", "She", "They"; "It", "This", "These" but not before `_NOT_POINTING`'s words),
    or with a bare surname: a word that `text` (the page's) writes only as the last word of a
    name ("Bruce Temkin", never "temkin"), whose whole name the blurb does not say. Neither
    changes the blurb: the editor is told (`weak_blurb`)."""
    sentences = split_sentences(blurb.strip())
    if not sentences:
        return ""
    first = sentences[0]
    words = [w.lower().replace("’", "'") for w in _WORD.findall(first)]
    if not words:
        return ""
    if (words[0] in _LEANING_PERSON and not _FULL_NAME.search(blurb)) or (
        words[0] in {"it", "this", "these"} and len(words) > 1 and words[1] not in _NOT_POINTING
    ):
        return (
            f'it opens with "{first.split()[0]}", pointing back to someone or something the'
            " blurb never names: the article's lead may have been left out"
        )
    leaning = _DISCOURSE_OPENING.match(first)
    if leaning and not _opens_text(first, text):
        return (
            f'it opens with "{first.split()[0]}", a word that leans on a sentence before it, which'
            " the blurb leaves out: it may not make sense on its own (the article's lead may have"
            " been skipped)"
        )
    found = _OPENING_WORD.match(first)
    if not found or not text:
        return ""
    word = found.group(1)
    if word.lower() in STOP_WORDS or word.lower() in DANGLING_OPENERS:
        return ""
    if re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", text) or re.search(
        rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", blurb
    ):
        return ""  # a word of the language ("Customers"), not a name
    # The name as the page introduces it before the blurb's opening (the paragraph the blurb
    # skipped); the whole page when the blurb opens with the page's description, not its text.
    at = text.find(first[:60])
    before = text[:at] if at > 0 else text
    names = re.findall(
        rf"\b((?:[A-Z][a-z]+|[A-Z]\.)(?: (?:[A-Z][a-z]+|[A-Z]\.))?) {re.escape(word)}\b", before
    )
    names = [n for n in names if n.split()[0].lower() not in STOP_WORDS]
    if any(f"{n} {word}" in blurb for n in names) or not _PERSONAL.search(blurb):
        # no "he" nor "she" says it is a person: a place or a product ("Google Stadia")
        return ""
    if not names:
        if not _SURNAME_REPORTING.match(first[found.end() :]) or re.search(
            rf"[A-Z][a-z]+ {re.escape(word)}\b", text
        ):
            return ""
        return (
            f'it opens with "{word}", someone the page never introduces by their whole name:'
            " the reader may not know who that is (the page may lack its opening paragraph)"
        )
    return (
        f'it opens with "{word}", whom the page introduces as {names[0]} {word} but the blurb'
        " never does: the reader may not know who that is"
    )


#: The length (`_size`) below which a blurb of three sentences or more is a few headlines or link
#: texts ("Read the review! See the photos! Watch the video!") rather than short sentences about
#: the article: three plain sentences are a blurb's shape, in whatever script, and scripts say as
#: much in fewer characters (walk151 #13: "長崎電気軌道は運賃を改定すると発表した。改定は来年四月から。
#: 市民の反応はさまざまだ。", 42 characters, and a Persian blurb of 120 were said to be headlines).
MIN_THREE_CHARS = MIN_CHARS // 2


def weak_blurb(blurb: str, text: str | None = None) -> str:
    """Why a blurb of two or three sentences may not say what its article is about, "" when
    nothing says so (walk67 #2: "Summer is coming to a close ... I learned to sail when I was
    young." for an article on customer experience versus service, and "Here's our Firefox Year in
    Review! Here's our Performance Year in Review!"). Either every sentence speaks as "I": the
    author's own story, an anecdote the article opens with before its subject; or the blurb is
    shorter than blurbs are (`MIN_CHARS`; `MIN_THREE_CHARS` for three sentences): a few headlines
    or link texts. The picker keeps such a
    blurb (an article's lead, skipped, cost more blurbs than it mended on the benchmark's pages):
    the editor is told. On benchmarks/blurbs.py's 252 pages, 6 of 126 (half a) and 4 of 126 (half
    b) are named: a Dropbox engineer's and a mechanic's openings, box scores, a list of headings,
    and some that are merely short or a first-person review. One sentence or none is said
    otherwise (`short_blurb`, no blurb). Whatever its length, a blurb that opens on someone it
    never introduces ("Temkin elaborated ...", "He said ...") is named too
    (`unintroduced_opening`, `text` the page's text the name is looked for in): 2 of the 270
    blurbs the corpus's article pages make."""
    unintroduced = unintroduced_opening(blurb, text)
    if unintroduced:
        return unintroduced
    text = blurb.strip()
    # (counted as `short_blurb` counts them, those inside quotation marks too: a quoted blurb of
    # two sentences is named here or nowhere)
    sentences = split_sentences(_DOUBLE_QUOTES.sub("", text))
    if len(sentences) < MIN_SENTENCES:
        return ""
    if all(_FIRST_PERSON_SINGULAR.search(s) for s in sentences):
        return (
            'each of its sentences says "I" or "my": it may tell the author\'s own story, which'
            " the article opens with, rather than what the article is about"
        )
    if _size(text) < (MIN_CHARS if len(sentences) < MAX_SENTENCES else MIN_THREE_CHARS):
        return (
            f"it is {len(text)} characters long, where blurbs are {MIN_CHARS}-{MAX_CHARS}: it"
            " may be a few headlines or link texts rather than what the article is about"
        )
    return ""


def more_sentences(text: str | None, blurb: str) -> bool:
    """`text` (a page's or a feed's, plain) has a usable sentence that `blurb` does not say."""
    said = split_sentences(blurb)
    return any(not any(_repeats(sentence, s) for s in said) for sentence in _text_sentences(text))


#: How many of its first words a feed's summary must have, none of them found in the page's text
#: in a row, to say the text lacks the article's opening.
OPENING_WORDS = 8


def lost_opening(text: str | None, summary: str | None, blurb: str, title: str = "") -> str:
    """The opening words of a feed's `summary` (plain) that neither the page's `text` nor the
    `blurb` has, when the page was read and the blurb made: the article's lead is missing from
    what curator read of the page (a first paragraph its reader lost), so the blurb may start
    mid-story and curator cannot tell (walk52 #1); "" otherwise, or when the summary opens with
    the title. The words as the feed writes them, up to `OPENING_WORDS` of them."""
    if not text or not summary or not blurb.strip():
        return ""
    opening = _clean_text(summary, markup=False)
    words = _words(opening)[:OPENING_WORDS]
    headline = _words(title)
    if len(words) < OPENING_WORDS or words == headline[:OPENING_WORDS]:
        return ""
    # A summary whose first sentence is the title ("Refund desks learn to say yes. A feed summary
    # ...") opens with the page's own heading, not with a lead its text lacks, however short the
    # title (walk94 #6: titles of 5-7 words were warned about).
    first = split_sentences(opening)[:1]
    if headline and first and _words(first[0]) == headline:
        return ""
    run = " ".join(words)
    if any(run in " ".join(_words(where)) for where in (text[:MAX_TEXT_CHARS], blurb)):
        return ""
    return " ".join(opening.split()[:OPENING_WORDS])
