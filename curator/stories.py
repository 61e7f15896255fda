"""One entry per story: telling when two articles are copies of one story (syndication, press releases)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from itertools import chain

from curator.credits import same_name
from curator.creditsites import first_appeared_in
from curator.models import Article
from curator.textfeatures import STOP_WORDS, UNSPACED, script_words

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

#: Word 3-shingles: long enough that unrelated articles on one subject rarely share many, short enough
#: that a lightly rewritten press release still shares most of them.
SHINGLE = 3
#: Two texts share this share of the smaller one's shingles: one story told twice. Syndicated copies
#: measure above 0.8 and rewritten press releases around 0.5-0.7, while different articles on the same
#: subject share under 0.1 (measured on the demo and on tests/test_stories.py's cases).
TEXT_CONTAINMENT = 0.5
#: Below this many shingles there is too little text to judge by text alone.
MIN_SHINGLES = 12
#: Titles sharing this share of their content words (Jaccard) are one story, if long enough...
TITLE_JACCARD = 0.8
MIN_TITLE_WORDS = 4
#: ... unless both texts are long enough to compare and share less than this: two articles on one
#: question ("Customer service vs. customer experience: what is the difference?", "The difference
#: between customer experience & service") have near-identical titles but their own texts (the
#: seeds share under 0.04), while a copy under a near-identical title shares most of its text.
TITLE_TEXT_FLOOR = 0.2
#: Titles sharing at least this many content words, all but a tenth of the shorter title's, are
#: one story whatever their texts: a news event's article and its video page ("Porn actor Stormy
#: Daniels casts doubt on denial of affair with Trump", "Stormy Daniels on Jimmy Kimmel: porn
#: actor casts doubt on denial of Trump affair - video", walk23). On the corpus's BBC news (1,250)
#: and Reuters (5,153) articles this adds no pair; at 6 or 7 words it paired Reuters' templated
#: headlines ("U.K. MONEY MARKET GIVEN 689 MLN STG EARLY HELP" / "... FURTHER 68 MLN STG HELP").
STRONG_TITLE_WORDS = 8
STRONG_TITLE_SHARE = 0.9
#: A passage found in this many stored articles or more is boilerplate (a poster's signature, a
#: feed's footer), not story text, when it is under `BOILERPLATE_SHARE` of half of them or more: two
#: unrelated posts of one poster "shared 51% of their text", their signature (walk41 #1). A story
#: carried by three outlets is most of each copy's text (copies measure above 0.8), so it still counts.
BOILERPLATE_ARTICLES = 3
BOILERPLATE_SHARE = 0.5
#: ... and opens or ends it, within this many shingles (a signature, a footer, a header; a
#: paragraph that three articles on one story share stands within their text: BBC's tobacco case).
EDGE_SLACK = 10
#: ... but two texts sharing this share of all their text, boilerplate and all, are one text (a
#: post copied whole, which many replies quote).
COPY_SHARE = 0.9
#: An article stored with a blurb and no other text (recorded from an old issue's file by `render
#: --record`) is one story with another only when the other holds more than one of its sentences,
#: and at least `TEXT_CONTAINMENT` of them: a blurb is one to three sentences, so sharing "53%" of
#: it was one opening sentence many unrelated articles share (walk205 #2). A sentence is held when
#: this share of its shingles is in the other's text.
BLURB_SENTENCES = 2
SENTENCE_SHARE = 0.8
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)]*\s+")


@dataclass(frozen=True)
class Fingerprint:
    """What two articles are compared by."""

    title_words: frozenset[str]
    shingles: frozenset[int]
    #: All the shingles, boilerplate too.
    whole: frozenset[int] = frozenset()
    #: Where its title numbers it in a series ("Day Two", "Part 1", "Episode 41": `series_marks`).
    series: frozenset[tuple[str, int | str]] = frozenset()
    #: Of an article whose only text stored is its blurb (`blurb_sentences`): the shingles of each
    #: of the blurb's sentences (less boilerplate) long enough to have one; None for any other.
    sentences: tuple[frozenset[int], ...] | None = None


#: Words that number a piece of a series when a number follows them ("Day Two", "Part 1",
#: "Episode 41", "Vol. 3", "#12") or an ordinal comes before them ("Second Day", "3rd Part").
_SERIES_NOUNS = (
    "day|part|pt|episode|ep|chapter|ch|volume|vol|issue|number|season|week|round|lesson|session"
    "|stage|leg|game|edition|installment|instalment|book|act"
)
_NUMBER_WORDS = {
    w: n
    for n, group in enumerate(
        (
            "zero",
            "one first",
            "two second",
            "three third",
            "four fourth",
            "five fifth",
            "six sixth",
            "seven seventh",
            "eight eighth",
            "nine ninth",
            "ten tenth",
            "eleven eleventh",
            "twelve twelfth",
            "thirteen thirteenth",
            "fourteen fourteenth",
            "fifteen fifteenth",
            "sixteen sixteenth",
            "seventeen seventeenth",
            "eighteen eighteenth",
            "nineteen nineteenth",
            "twenty twentieth",
        )
    )
    for w in group.split()
}
_ROMAN = "i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx"
_NUMBER = rf"\d+(?:st|nd|rd|th)?|{'|'.join(_NUMBER_WORDS)}|{_ROMAN}"
_SERIES_AFTER = re.compile(
    rf"(?:\b({_SERIES_NOUNS})\b\.?|(#|\bno\.(?=\s*\d)))\s*[#:.-]?\s*\b({_NUMBER})\b",
    re.IGNORECASE,
)
_SERIES_BEFORE = re.compile(
    rf"\b(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    rf"\s+({_SERIES_NOUNS})\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)


def _number(text: str) -> int | str:
    """ "Two", "2", "2nd", "second", "II" as one value (2)."""
    word = text.casefold()
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    digits = word.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    roman = _ROMAN.split("|")
    return roman.index(word) + 1 if word in roman else word


def series_marks(title: str) -> frozenset[tuple[str, int | str]]:
    """Where a title numbers its piece of a series: ("day", 2) for "E3 2011 Day Two", ("part",
    1) for "Part 1", ("weekday", "monday") for "Live from WWDC: Monday". Two titles alike but for
    these are two pieces of a series, not one story told twice (walk143 #9: "Giant Bombcast E3
    2011 Day Two" and "... Day Three", whose content words are the same, "two" and "three"
    being stop words, were left out as the same story)."""
    found: set[tuple[str, int | str]] = set()
    for noun, _sign, number in _SERIES_AFTER.findall(title):
        # ("#12" and "No. 12" alike; a bare "No" is a word: "No One Asked For This")
        found.add((noun.casefold() if noun else "#", _number(number)))
    for number, noun in _SERIES_BEFORE.findall(title):
        found.add((noun.casefold(), _number(number)))
    found.update(("weekday", day.casefold()) for day in _WEEKDAY.findall(title))
    return frozenset(found)


def words(text: str) -> list[str]:
    """The content words of `text`; a run of a script written without spaces (Chinese, Japanese)
    as its overlapping pairs of characters, as subjects read it (walk51: a Chinese title was one
    "word", so a copy under a title one character apart shared none)."""
    found = [w for w in _WORD.findall(text.casefold()) if w not in STOP_WORDS]
    if text.isascii():
        return found
    return [p for w in found for p in (script_words(w) if UNSPACED.search(w) else (w,))]


def _shingles(article: Article) -> frozenset[int]:
    return frozenset(_placed_shingles(article))


def _body(article: Article) -> str:
    """The text an article's shingles are made of: its blurb, summary and the start of its text."""
    return " ".join(
        part for part in (article.blurb, article.summary, (article.text or "")[:4000]) if part
    )


def content_key(article: Article) -> int:
    """A hash of all its `fingerprint` is made of (title and `_body`): equal for exact copies,
    whose fingerprints are then equal (`select.pick_varied` finds them by it)."""
    return hash((article.title, _body(article)))


def _hashed_shingles(text: str) -> Iterator[int]:
    """The hashed shingles of `text`'s words, in order."""
    tokens = words(text)
    # (hashed as tuples of `SHINGLE` words: no word holds a space, so as distinct as the words
    # joined, and hashed without a string made per shingle; hashes are never stored)
    runs = zip(*(tokens[k:] for k in range(SHINGLE)), strict=False)  # (the shorter runs end it)
    return map(hash, runs)


def _placed_shingles(article: Article) -> dict[int, int]:
    """Each shingle with where it last stands in the article's words (0 first)."""
    return {s: i for i, s in enumerate(_hashed_shingles(_body(article)))}


def fingerprint(article: Article, boilerplate: frozenset[int] = frozenset()) -> Fingerprint:
    """The article's content words of its title, and hashed shingles of its blurb, summary and
    text, less those of `boilerplate` (see `boilerplate_shingles`)."""
    whole = _shingles(article)
    return Fingerprint(
        frozenset(words(article.title)),
        whole - boilerplate,
        whole,
        series_marks(article.title),
        blurb_sentences(article, boilerplate),
    )


def blurb_sentences(
    article: Article, boilerplate: frozenset[int] = frozenset()
) -> tuple[frozenset[int], ...] | None:
    """When its blurb is all the text stored of `article` (no summary, no text: an article an old
    issue's file recorded, walk205 #2), the shingles of each of its sentences, less those of
    `boilerplate`, leaving out those with none; None when more of its text is stored."""
    if (article.text or "").strip() or (article.summary or "").strip() or not article.blurb:
        return None
    found = []
    for sentence in _SENTENCE_END.split(article.blurb.strip()):
        if shingles := frozenset(_hashed_shingles(sentence)) - boilerplate:
            found.append(shingles)
    return tuple(found)


def _blurb_held(brief: Fingerprint, other: Fingerprint) -> tuple[int, int]:
    """How many of the sentences of `brief`'s blurb `other` holds, and of how many."""
    sentences = brief.sentences or ()
    held = sum(len(s & other.whole) >= SENTENCE_SHARE * len(s) for s in sentences)
    return held, len(sentences)


def boilerplate_shingles(articles: Iterable[Article]) -> frozenset[int]:
    """The shingles of passages that `BOILERPLATE_ARTICLES` or more of `articles` carry and that
    are under `BOILERPLATE_SHARE` of the text of half of them or more: a signature, a footer. A passage is
    the shingles carried by exactly the same articles."""
    prints = [_placed_shingles(a) for a in articles]
    # (only the shingles enough articles carry are followed to their carriers: most are one's)
    counts = Counter(chain.from_iterable(prints))
    common = {s for s, n in counts.items() if n >= BOILERPLATE_ARTICLES}
    carriers: dict[int, list[int]] = defaultdict(list)
    for i, shingles in enumerate(prints):
        for s in common.intersection(shingles):
            carriers[s].append(i)
    passages: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for s, where in carriers.items():
        if len(where) >= BOILERPLATE_ARTICLES:
            passages[tuple(where)].append(s)
    found: set[int] = set()
    for carried_by, passage in passages.items():
        short = sum(
            len(passage) < BOILERPLATE_SHARE * len(prints[i]) and _at_an_edge(passage, prints[i])
            for i in carried_by
        )
        if 2 * short >= len(carried_by):
            found.update(passage)
    return frozenset(found)


def _at_an_edge(passage: list[int], placed: dict[int, int]) -> bool:
    """Whether the passage opens or ends the article (within `EDGE_SLACK` shingles)."""
    where = [placed[s] for s in passage]
    return min(where) <= EDGE_SLACK or max(where) >= len(placed) - 1 - EDGE_SLACK


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    """True when the two fingerprints tell one story."""
    return same_story_reason(a, b) is not None


def text_shared(a: Fingerprint, b: Fingerprint) -> float:
    """How much of the shorter's text the two share (0 to 1): of several articles telling one
    story as another does, the one it is a copy of shares the most (walk199 #7c)."""
    smaller = min(len(a.whole), len(b.whole))
    return len(a.whole & b.whole) / smaller if smaller else 0.0


def same_story_reason(a: Fingerprint, b: Fingerprint) -> str | None:
    """Why the two fingerprints tell one story, in the editor's words; None when they do not.
    One of them a blurb alone (`Fingerprint.sentences`) is judged by the sentences of the blurb
    the other holds (`_blurb_reason`)."""
    if a.sentences is not None or b.sentences is not None:
        return _blurb_reason(a, b)
    smaller = min(len(a.shingles), len(b.shingles))
    shared = len(a.shingles & b.shingles) / smaller if smaller >= MIN_SHINGLES else None
    if shared is not None and shared >= TEXT_CONTAINMENT:
        return f"they share {shared:.0%} of their text"
    least = min(len(a.whole), len(b.whole))
    if least >= MIN_SHINGLES and (copied := len(a.whole & b.whole) / least) >= COPY_SHARE:
        return f"they share {copied:.0%} of their text"
    if (titles := _titles_alike(a, b)) != _MOST_WORDS:
        return titles
    if shared is None:
        return "their titles share most words, and one is too short to compare by its text"
    if shared < TITLE_TEXT_FLOOR:
        return None
    return f"their titles share most words, and {shared:.0%} of their text"


#: `_titles_alike`'s answer for titles sharing most words: their text decides.
_MOST_WORDS = "their titles share most words"


def _titles_alike(a: Fingerprint, b: Fingerprint) -> str | None:
    """How the titles of two fingerprints tell one story: the reason when they alone say so
    (many words shared), `_MOST_WORDS` when their text is to decide, None when they do not."""
    if len(a.title_words) < MIN_TITLE_WORDS or len(b.title_words) < MIN_TITLE_WORDS:
        return None
    if a.series != b.series and a.series and b.series:
        return None  # two pieces of a series ("Day Two", "Day Three"), not one story twice
    common = len(a.title_words & b.title_words)
    shorter = min(len(a.title_words), len(b.title_words))
    if common >= STRONG_TITLE_WORDS and common >= STRONG_TITLE_SHARE * shorter:
        return f"their titles share {common} of their words"
    if common / len(a.title_words | b.title_words) < TITLE_JACCARD:
        return None
    return _MOST_WORDS


def _blurb_reason(a: Fingerprint, b: Fingerprint) -> str | None:
    """`same_story_reason` when one of the two is a blurb alone (both: the shorter): the other
    holds more than one of its sentences, and at least `TEXT_CONTAINMENT` of them; or their titles
    are one story's (as `same_story_reason` tells), unless the other holds none of them. The
    share said is of the blurb's sentences, all that was compared (walk205 #2: "they share 100%
    of their text" of an article holding the 3 sentences of an old issue's blurb)."""
    brief, other = (a, b) if len(a.sentences or ()) <= len(b.sentences or ()) else (b, a)
    if brief.sentences is None:
        brief, other = other, brief
    held, of = _blurb_held(brief, other)
    said = f"{held} of the {of} sentences of a blurb, all the text stored of one of them"
    if held >= BLURB_SENTENCES and held >= TEXT_CONTAINMENT * of:
        return f"one holds {said}"
    if (titles := _titles_alike(a, b)) != _MOST_WORDS:
        return titles
    if not of:
        return "their titles share most words, and one is too short to compare by its text"
    if held < TITLE_TEXT_FLOOR * of:
        return None
    return f"their titles share most words, and one holds {said}"


def lead_of(copies: Sequence[Article], copied: Mapping[str, frozenset[str]]) -> int:
    """Which of `copies` (articles telling one story, the one the variety rule reached first
    at 0) is the original, to lead the story's entry: the index of the first by `_originality`,
    on positive evidence only; 0 when nothing shows one of them to be the original (walk119:
    the publication where the author had most candidates made a linkblog's comment lead over
    the article it linked to). `copied` (`copied_from`) names, per publication, those its own
    pages say they first appeared in: such a publication carries copies of theirs (walk108
    #1: a roundup carrying an author's article, same date and text, whose other copy said it
    first appeared at the author's own publication)."""
    named = {
        j
        for i, copy in enumerate(copies)
        if (said := first_appeared_in(copy.text))
        for j, other in enumerate(copies)
        if j != i and names_publication(said, other)
    }
    ranks = [
        _originality(i in named, copy, [c for j, c in enumerate(copies) if j != i], copied)
        for i, copy in enumerate(copies)
    ]
    return min(range(len(copies)), key=ranks.__getitem__)


def copied_from(
    articles: Iterable[Article], publication: Callable[[Article], str]
) -> dict[str, frozenset[str]]:
    """Per publication (as `publication` counts it), the publications its articles' pages say
    they first appeared in, other than itself: it carries their copies (`lead_of`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        said = first_appeared_in(article.text)
        if said and not names_publication(said, article):
            found[publication(article)].add(said)
    return {k: frozenset(v) for k, v in found.items()}


def _originality(
    named: bool, copy: Article, others: Sequence[Article], copied: Mapping[str, frozenset[str]]
) -> tuple[object, ...]:
    """An article's rank among copies of its story, the original's lowest, by what shows it:
    one another copy says it first appeared in; not one that says it first appeared elsewhere;
    not one at a publication whose pages say they first appeared in another copy's; the linked
    article of a link post (`Article.link_post`: the feed quoted it), never the linker's post
    about it; published first (by the day, UTC: a feed's pubDate and a page's own date of one
    post differ by minutes or by a time zone's hours). Equal ranks keep the order given."""
    said = first_appeared_in(copy.text)
    elsewhere = bool(said) and not names_publication(said, copy)
    carries = copied.get(_publication(copy), frozenset())
    carrier = any(names_publication(name, other) for name in carries for other in others)
    when = copy.published or copy.first_seen
    day = when.astimezone(UTC).date().toordinal() if when else math.inf
    return (not named, elsewhere, carrier, not copy.link_post, day)


def names_publication(said: str, article: Article) -> bool:
    """Whether `said` (a publication a page says it first appeared in) names `article`'s."""
    return any(same_name(said, name) for name in (article.publication, article.site_name) if name)


def _publication(article: Article) -> str:
    """The publication `copied_from` counts an article under (as `select.publication_of`)."""
    return (article.publication or article.feed_url or "").casefold()
