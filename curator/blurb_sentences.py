"""A text's sentences as a blurb reads them: where one ends (stops, abbreviations, quotations),
how they join, their words and size, and the dateline, teaser and boilerplate patterns."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from curator.htmltext import html_to_text, normalise_space
from curator.textfeatures import STOP_WORDS, UNSPACED


def wordset(words: str) -> frozenset[str]:
    """A table of words written as one string (easier to read and extend than a list of strings)."""
    return frozenset(words.split())


#: A blurb's bounds, from the issue's spec and the model issue (seeds/000: 2-3 sentences, 150-450
#: chars).
MIN_CHARS = 150


MAX_CHARS = 450


MIN_SENTENCES = 2


MAX_SENTENCES = 3


#: Shorter "sentences" are captions, scores or list items ("Davis 17 points.").
MIN_SENTENCE_CHARS = 20


#: The minimums above are in characters of alphabetic text. A character of Chinese, Japanese or
#: Korean says about as much as a word (three such characters): "人工智能正在改变世界。", 11
#: characters, is "AI is changing the world." (25). Such characters count this many times towards
#: a minimum (`text_size`); maximums count characters as they are.
WIDE_CHAR_WEIGHT = 3


WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60\U00020000-\U0003134f]")


def text_size(text: str) -> int:
    """The length of `text` measured against a minimum (`WIDE_CHAR_WEIGHT`)."""
    if text.isascii():
        return len(text)
    return len(text) + (WIDE_CHAR_WEIGHT - 1) * len(WIDE.findall(text))


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


#: A date as a dateline writes it: "April 17, 2015", "Nov. 3", "17 April 2015".
DATE = rf"(?:{_MONTH} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?)"


#: A press-release service, after a place with its state ("AUSTIN, Texas, Nov. 3, 2025 /PRNewswire/").
_PR_WIRE = r"/[A-Za-z][A-Za-z. -]{1,30}/"


#: The wire: "(Reuters)", "(AP)", or a press-release service's "/PRNewswire/", "/CNW/" (walk90 #3).
_WIRE = r"(?:\([A-Za-z. ]{2,20}\)|/[A-Za-z][A-Za-z. -]{1,30}/)"


#: A news dateline opening a paragraph ("LONDON — ", "BUFFALO, N.Y. — ", "WASHINGTON (AP) — ",
#: "(Reuters) - ", "April 17, 2015 -- ", "LONDON, April 17 (Reuters) - ", a press release's "SAN
#: FRANCISCO, Dec. 1, 2026 /PRNewswire/ -- "): the place, the date and
#: the wire, not the story. Only before a dash: "April 17, 2015 was..." is a sentence.
#: Chinese and Japanese datelines: "【6月18日 AFP】" (AFPBB), "新华社北京11月17日电" and its
#: "（记者 王小明）": the date and the wire, before the lead sentence, which is the story's.
_CJK_DATELINE = (
    r"^\s*(?:【[^】\n]{1,40}】|[^\s，。、]{0,20}?\d{1,2}月\d{1,2}日[电電]"
    r"(?:\s*[（(][^）)\n]{1,30}[）)])?)\s*"
)


#: A Thai dateline: a day, a month's abbreviation ("ม.ค." Jan. ... "ธ.ค." Dec.) or name, a year
#: (Buddhist era, "2561", or its last two digits) and maybe the time ("เวลา(ประมาณ) 12.00 น.", "at
#: (about) 12.00"), before the lead: Prachatai's "21 ม.ค.2561 เวลาประมาณ 12.00 น. ผู้สื่อข่าว..."
#: (walk107 #2). A date with neither year nor time is left ("21 ม.ค. เป็นวัน..." may be a
#: sentence), and so is one the lead's words open ("เมื่อวันที่ 21 ม.ค. ...", "On Jan. 21 ...").
_THAI_MONTH = (
    r"(?:ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\."
    r"|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม"
    r"|พฤศจิกายน|ธันวาคม)"
)


_THAI_TIME = r"เวลา\s*(?:ประมาณ\s*)?\d{1,2}[.:]\d{2}\s*(?:น\.|นาฬิกา)"


_THAI_DATELINE = (
    rf"^\s*\d{{1,2}}\s*{_THAI_MONTH}\s*"
    rf"(?:(?:พ\.ศ\.\s*)?(?:25\d\d|\d\d)(?!\d)(?:\s*{_THAI_TIME})?|{_THAI_TIME})"
    r"(?:\s+[—–-]{1,2})?\s+(?=[\u0e01-\u0e2e\w\"'“‘])"
)


#: A Thai wire dateline: the place, the day and month (maybe the year), maybe the agency in
#: brackets, and a dash, before the lead in any language: "กรุงเทพฯ, 3 ธ.ค. (รอยเตอร์) - The
#: carrier said ...", "กรุงเทพฯ 5 ธ.ค. 2569 - ธนาคาร..." (walk116 #4), as "BANGKOK, Dec 3 (Reuters)
#: - " is in English. Only before a dash, as there, and not after words that open a sentence ("เมื่อ
#: 3 ธ.ค." "on Dec 3", "ใน", "วันที่", "ตั้งแต่", "ถึง").
_THAI_WIRE_DATELINE = (
    rf"^\s*(?:(?!เมื่อ|ใน|วันที่|ตั้งแต่|ถึง)[\u0e01-\u0e4e]{{2,30}}\.?,?\s*)?\d{{1,2}}\s*{_THAI_MONTH}"
    r"(?:\s*(?:พ\.ศ\.\s*)?(?:25\d\d|\d\d)(?!\d))?"
    r"(?:\s*(?:\([^()\n]{2,30}\)|/[^/\n]{2,30}/))?"
    r"\s+[—–-]{1,2}\s+(?=[\u0e01-\u0e2e\w\"'“‘])"
)


DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z.,' ]{{2,40}}?(?:,? {DATE}(?:, \d{{4}})?)?(?:\s*{_WIRE})?"
    rf"|{DATE}(?:\s*{_WIRE})?|{_WIRE}"
    rf"|[A-Z][A-Z.' ]{{2,40}}?, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?, {DATE}(?:, \d{{4}})? {_PR_WIRE})"
    r"\s+[—–-]{1,2}\s+(?=[A-Z0-9\"'“‘])"
    rf"|{_CJK_DATELINE}"
    rf"|{_THAI_DATELINE}"
    rf"|{_THAI_WIRE_DATELINE}"
)


# How a feed summary or a page description ends when it is not the whole text, one fragment each,
# so that every check of a text's end knows the same tails (entities are decoded before: "&hellip;"
# is "…" by then).
#: A cut marked in brackets: "[...]", "[…]".
_CUT = r"\[\s*(?:\.\.\.|…)\s*\]"


#: A cut marked by an ellipsis alone, or in brackets.
ELLIPSIS = rf"(?:{_CUT}|\.\.\.|…)"


#: A "read on" link's words.
MORE = (
    r"(?:read more|continue reading|keep reading|"
    r"read (?:the )?(?:full|whole|rest of the) (?:story|article|post))"
)


#: A "read on" link: its words, or a bracketed one ("[Continue reading ...]", "[Read the rest]").
_MORE_LINK = rf"(?:\[\s*(?:read|continue reading|keep reading)\b[^\]]*\]|\b{MORE}\W*)"


#: A description that ends like this was cut by its CMS: a teaser, not a summary.
TEASER_END = re.compile(rf"(?:{ELLIPSIS}|\[\s*\]|{_MORE_LINK}|more\W*»|»)\s*$", re.I)


#: Descriptions that describe the site, not the article (generic site-wide meta descriptions).
SITE_BOILERPLATE = re.compile(
    r"^(?:welcome to|the official (?:site|website)|official (?:site|website)|latest news|"
    r"breaking news|the latest|get the latest|find (?:the )?latest|read the latest|"
    r"your (?:source|destination) for)\b",
    re.I,
)


#: Words that start a sentence leaning on the one before; a blurb should not open with one.
DANGLING_OPENERS = wordset(
    "but and or so also however this these that those it they he she his her its their then "
    "therefore thus still yet instead meanwhile moreover furthermore additionally"
)


#: Abbreviations after which a full stop does not end a sentence (English newsroom style).
ABBREVIATIONS = wordset(
    "mr mrs ms dr prof st jr sr inc ltd co corp vs etc e.g i.e u.s u.k no fig gen sen rep gov mt "
    "approx dept est jan feb mar apr jun jul aug sep sept oct nov dec"
)


#: Sentence ends of other scripts, spaced like . ! ? (the introduction's sentences end there too:
#: `variables`, walk198 #1): the Arabic question mark ؟, the Urdu full
#: stop ۔, Devanagari's danda । and ॥, the Armenian ։, the Ethiopic ። and the Burmese ။ (walk97 #4:
#: ar1's closing "هل سينجح المشروع…؟" was no sentence, so the blurb left it out), and the Tibetan
#: shad ། and its double ༎ (walk154 N-a: a Tibetan page had "no sentence that could be one"). The
#: Greek question mark ";" is a semicolon too: not here.
OTHER_STOPS = "؟۔।॥։።။།༎"


#: The full stop, question and exclamation marks of Chinese and Japanese: no space follows them.
#: Shared with the introduction's sentences (`variables`: walk198 #1).
WIDE_STOPS = ("。", "！", "？")


#: Every mark that ends a sentence.
SENTENCE_ENDS = (".", "!", "?", *WIDE_STOPS, *OTHER_STOPS)


# A sentence ends at . ! ? (or the CJK full-width 。！？), maybe inside closing quotes or brackets,
# then a space (none needed after a full-width stop), or no space between a lower-case word and a
# capitalised one ("on Wednesday.The stabbing": a CMS that lost the space), but not a dotted name
# of code ("asyncio.TaskGroup", "server.Call(request)": walk74 #3, "The new asyncio." was cut off
# its sentence). What follows must start a sentence: checked in `starts_sentence`.
_BOUNDARY = re.compile(
    r"(?:(?<=[.!?"
    + OTHER_STOPS
    + r"])[\"'”’)\]]*\s+|(?<=["
    + "".join(WIDE_STOPS)
    + r"])[\"'”’)\]」』]*\s*|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]+\b(?!\()))"
)


CLOSERS = "\"'”’)]」』"


_OPENERS = "\"'“‘([「『"


_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"}
)


WORD = re.compile(r"[^\W_][\w'’-]*")


# A feed summary's "[...]" or "Read more" tail ("[Continue reading ...]" in brackets).
# A dash before it goes too after a finished sentence ("... until July. — Continue reading »"): it
# led to the link, and left behind it would end the sentence on a dash, which is no sentence
# (walk52 #4). After a word it stays: "... across Twitter on Mond — Continue reading" was cut.
ELLIPSIS_TAIL = re.compile(
    rf"(?:(?<=[.!?\"'\u201d\u2019)])\s*[\u2014\u2013-]+)?\s*(?:{_CUT}|{_MORE_LINK})\s*$", re.I
)


# A "read on" link ending a summary: what is before it was written whole, unlike a text cut by a
# "[...]" or "...", whose last sentence may stop half-way.
MORE_TAIL = re.compile(rf"\s*{_MORE_LINK}\s*$", re.I)


CUT_TAIL = re.compile(rf"{ELLIPSIS}\s*$")


def normalise_quotes(text: str) -> str:
    """Curly and low quotes to plain ASCII ones, for comparing texts and telling quotations apart
    (never for what is published: a blurb keeps the page's own typography, "He’s", as its title
    does; walk67 #4)."""
    return text.translate(_QUOTES)


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences at . ! ? (or 。！？) followed by the start of a sentence: a
    capital letter, a digit, or a letter of a script without case (Chinese, Japanese, Korean...).

    A full stop after a known abbreviation ("Dr.", "U.S.") or a single initial ("John C. Welch")
    does not end a sentence.
    """
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.end() >= len(text) or not starts_sentence(text[match.end() :]):
            continue
        piece = text[start : match.end()].strip()
        if _quote_runs_on(piece, match.group(), text[match.end() :]):
            continue
        open_mark = _open_quote(piece)
        if open_mark and _closes(text[match.end() : start + MAX_QUOTE_CHARS], open_mark):
            continue  # '"Meth is IN SD. Twitter can ... OUT," Noem tweeted.' is one sentence
        if piece and not ends_with_abbreviation(piece):
            out.append(piece)
            start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _quote_runs_on(piece: str, after_stop: str, rest: str) -> bool:
    """A full-width stop inside quotes or brackets that ends no sentence: the quote closes right
    after it, the sentence goes on with no space and in kana ("市民は「路面電車は街の血管だ。」と
    語る。", walk88 #5: the blurb ended at "。」"), and the quote opened inside the sentence. A
    sentence that is all a quote ends with it ("「行こう。」彼らは出発した。" is two), as does a
    Chinese one followed by a character ("他说：“走吧。”然后离开了。": Chinese ends the sentence
    with the quote)."""
    return (
        bool(after_stop)
        and not after_stop[-1].isspace()
        and "\u3041" <= rest[:1] <= "\u309f"  # hiragana: と, って, という ...
        and piece[:1] not in _OPENERS + "（｢"
    )


#: A quotation is held together as one sentence when it closes within this many characters: a
#: stray or unclosed quote mark (13" for inches) must not glue a paragraph into one "sentence".
MAX_QUOTE_CHARS = 500


#: What a quotation's opening mark follows: the start, a space or opening punctuation, or Arabic's
#: tatweel, which joins a prefix to the word after it (بـ"الجيش الحر": "by" a quoted name). A mark
#: after a letter or a full stop closes a quotation; a mark after a digit is an inch mark (13").
_BEFORE_OPENING = "([{<\u2014\u2013-/\u2018'\u0640"


_QUOTE_MARK = re.compile('["\u201c\u201d]')


def _quote_marks(text: str) -> Iterator[tuple[int, str, bool]]:
    """Each quote mark of `text` that opens or closes a quotation, as (index, mark, opens), a curly
    pair named by its opening mark. Inch marks (after a digit) and marks between spaces are left
    out; a mark after a single quote and before a space closes ('she said \'no.\'" Then')."""
    for found in _QUOTE_MARK.finditer(text):
        char, i = found.group(), found.start()
        if char == "\u201c":
            yield i, "\u201c", True
        elif char == "\u201d":
            yield i, "\u201c", False
        elif char == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isspace() or before in _BEFORE_OPENING:
                if not after.isspace():
                    yield i, '"', True
                elif before in "'\u2019":
                    yield i, '"', False
            elif not before.isdigit():
                yield i, '"', False


def _quotations(text: str) -> tuple[list[tuple[int, int, bool]], bool]:
    """The quotations of `text` as (start, end, closed) spans, marks included (one left open runs
    to the text's end), and whether the marks pair up: none left open, none closing a quotation
    that never opened (half of a quoted passage split mid-way). Inch marks are no quotes."""
    spans: list[tuple[int, int, bool]] = []
    paired = True
    open_at: tuple[int, str] | None = None
    for i, mark, opens in _quote_marks(text):
        if open_at is None:
            if opens:
                open_at = (i, mark)
            else:
                paired = False
        elif mark == open_at[1] and not opens:
            spans.append((open_at[0], i + 1, True))
            open_at = None
    if open_at is not None:
        spans.append((open_at[0], len(text), False))
        paired = False
    return spans, paired


def balanced(sentence: str) -> bool:
    """Every quotation the sentence opens it closes, and it closes none it did not open."""
    return _quotations(sentence)[1]


def _open_quote(piece: str) -> str | None:
    """The mark of a quotation the text opens and does not close, if any ('"' or "“")."""
    open_mark = None
    for _, mark, opens in _quote_marks(piece):
        if open_mark is None:
            if opens:
                open_mark = mark
        elif mark == open_mark and not opens:
            open_mark = None
    return open_mark


def _closes(rest: str, open_mark: str) -> bool:
    """The open quotation is closed in what follows before another one opens (else its mark was
    stray, and holding the text together would glue a paragraph into one "sentence")."""
    for _, mark, opens in _quote_marks(rest):
        if mark == open_mark:
            return not opens
    return False


def quoted_share(sentence: str) -> float:
    """How much of a sentence is inside closed double quotes (0.0-1.0); inch marks are no quotes."""
    spans, _ = _quotations(normalise_quotes(sentence))
    inside = sum(end - start for start, end, closed in spans if closed)
    return inside / len(sentence) if sentence else 0.0


#: An attribution closing a quote: '," Bassi said.', '," says Parata, a ...', '," Noem tweeted.'.
_ATTRIBUTION = re.compile(
    r"[,.!?]\"\s+(?:[\w.'-]+\s+){0,4}?(?:said|says|tweeted|tweets|wrote|writes|added|adds|told|"
    r"asked|asks|explained|noted|recalled|continued|insisted|argued|quipped)\b",
    re.I,
)


def is_quotation(sentence: str) -> bool:
    """Someone else's words rather than the author's: the sentence is mostly a quotation, opens
    with one (not a quoted title or nickname of a few words: '"Scoops" Klepek is in the studio'),
    or closes a quote with its attribution ('," X said.')."""
    plain = normalise_quotes(sentence).lstrip()
    spans, _ = _quotations(plain)
    opening = plain[1 : spans[0][1]].rstrip('"') if spans and spans[0][0] == 0 else ""
    return (
        len(opening.split()) > MAX_QUOTED_NAME_WORDS
        or quoted_share(plain) >= 0.5
        or bool(_ATTRIBUTION.search(plain))
    )


#: A quoted phrase this short opening a sentence is a title or a nickname, not a quotation.
MAX_QUOTED_NAME_WORDS = 5


def join_sentences(sentences: Iterable[str]) -> str:
    """Sentences as one text: a space between them, none after a full-width stop, maybe in a
    closing quote ("。」"): Chinese and Japanese do not space their sentences."""
    out = ""
    for sentence in sentences:
        out += sentence if not out or out.rstrip(CLOSERS).endswith(WIDE_STOPS) else f" {sentence}"
    return out


#: Spanish opens a question and an exclamation with an inverted mark ("¿Por qué ...?", "¡Los
#: vecinos ...!"): the letter after it is the sentence's first (walk88 #6).
_INVERTED = "¿¡"


def starts_sentence(rest: str) -> bool:
    first = rest.lstrip(_OPENERS + _INVERTED).lstrip(_OPENERS)[:1]
    return bool(first) and (first.isupper() or first.isdigit() or _uncased(first))


def _uncased(ch: str) -> bool:
    """A letter of a script without upper and lower case (Han, kana, Hangul, Thai, Arabic...)."""
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def ends_with_abbreviation(sentence: str) -> bool:
    """A full stop that ends no sentence: after a known abbreviation, an initial, or a Thai or Lao
    letter (those scripts end a sentence with a space, never a full stop: "ม.ค." is "Jan.", "น."
    "o'clock", so "21 ม.ค.2561 เวลาประมาณ 12.00 น." is a dateline, not a sentence)."""
    if not sentence.endswith("."):
        return False
    if "\u0e00" <= sentence[-2:-1] <= "\u0eff":
        return True
    last = sentence.rsplit(" ", 1)[-1].rstrip(".").lower()
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha() and last.isascii())


def clean_text(text: str | None, markup: bool = True) -> str:
    """Entities decoded (twice: feeds double-escape), markup removed (when the text may hold any),
    spaces normalised. Quotes stay as the text writes them (curly or straight)."""
    if not text:
        return ""
    if markup and "<" in text and ">" in text:
        text = html_to_text(text)
    for _ in range(2):
        if "&" in text:
            text = html.unescape(text)
    return normalise_space(text)


def heading_key(line: str) -> str:
    """A line as a heading is compared: quotes, dashes, spaces and case alike, and without the
    zero-width characters (`_ZERO_WIDTH`): a headline with its joiners is the same headline
    without them (walk151 #3). As long as the line (made plain) less those, so a headline's length
    cuts it off the text (`past_key`): Turkish "İ" is "i" here, not the "i̇" of `str.lower`
    (walk97: "İstanbul’da tramvay yenileniyor" stayed in the blurb)."""
    key = _DASHES.sub("-", normalise_quotes(clean_text(line, markup=False)))
    key = _ZERO_WIDTH.sub("", key)
    lowered = key.lower()
    return lowered if len(lowered) == len(key) else "".join(c.lower()[:1] for c in key)


#: Characters of no width: a zero-width space, non-joiner and joiner, a word joiner, a byte order
#: mark. A heading is compared without them (`heading_key`).
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")


def past_key(line: str, length: int) -> str:
    """`line` (made plain) after its first `length` characters as `heading_key` counts them (the
    zero-width characters not counted)."""
    counted = 0
    for at, char in enumerate(line):
        if counted == length:
            return line[at:]
        if not _ZERO_WIDTH.match(char):
            counted += 1
    return ""


#: Hyphens, dashes and minus signs, all one "-" when lines are compared.
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def terms_of(text: str) -> set[str]:
    return {w for w in words_of(text) if content(w)}


def content(word: str) -> bool:
    """A word that says what a text is about: no stop word or short word (a pair of Chinese or
    Japanese characters is a word: `words_of`)."""
    return (len(word) > 2 and word not in STOP_WORDS) or (len(word) == 2 and _is_unspaced(word))


def _is_unspaced(word: str) -> bool:
    return not word.isascii() and UNSPACED.fullmatch(word) is not None


def words_of(text: str) -> list[str]:
    """Lower-cased words, plurals folded ("differences" counts as "difference"); a run of a
    script written without spaces (Chinese, Japanese, Thai) as its overlapping pairs of
    characters, as subjects read it."""
    out = [_fold(w.lower().replace("’", "'").strip("'-")) for w in WORD.findall(text)]
    if text.isascii():
        return out
    return [p for w in out for p in (_unspaced_words(w) if UNSPACED.search(w) else (w,))]


def _unspaced_words(word: str) -> list[str]:
    out: list[str] = []
    done = 0
    for m in UNSPACED.finditer(word):
        if m.start() > done:
            out.append(word[done : m.start()])
        run = m.group()
        out += [run[i : i + 2] for i in range(len(run) - 1)] or [run]
        done = m.end()
    if done < len(word):
        out.append(word[done:])
    return out


def _fold(word: str) -> str:
    """A plural to its singular, crudely (English "-s"; not "-ss", "-us", "-is" or short words)."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def opener(sentence: str) -> str:
    words = words_of(sentence)
    return words[0].split("'")[0] if words else ""  # "It's" leans on what came before as "It"


def leans_back(sentence: str) -> bool:
    """The sentence opens with a word leaning on the one before (`DANGLING_OPENERS`): not "This"
    naming the article itself ("This article explains ...", "This guide shows ..."), which leans
    on nothing (walk203 #6: a page's own summary sentence after a quote made no blurb)."""
    words = words_of(sentence)
    if not words or words[0].split("'")[0] not in DANGLING_OPENERS:
        return False
    return not (words[0] == "this" and len(words) > 1 and words[1] in SELF_NAMING)


#: What an article calls itself after "This": "This article ..." leans on no sentence before it.
SELF_NAMING = wordset("article post guide tutorial piece essay episode newsletter")
