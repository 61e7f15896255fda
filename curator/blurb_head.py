"""What opens an article's text before its story, so a blurb starts past it: its title and
headings, a byline (`opening_byline`), a run-in credit and date, and photo credit lines."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from curator import extract_rules_bylines as byline_rules
from curator.blurb_furniture import is_furniture as _is_furniture
from curator.blurb_sentences import CLOSERS as _CLOSERS
from curator.blurb_sentences import DATE as _DATE
from curator.blurb_sentences import DATELINE, MIN_CHARS, split_sentences
from curator.blurb_sentences import clean_text as _clean_text
from curator.blurb_sentences import ends_with_abbreviation as _ends_with_abbreviation
from curator.blurb_sentences import heading_key as _heading_key
from curator.blurb_sentences import past_key as _past_key
from curator.blurb_sentences import starts_sentence as _starts_sentence
from curator.blurb_sentences import words_of as _words
from curator.blurb_sentences import wordset as _wordset
from curator.credits import role_byline

#: How a byline opens at the start of a post's text: "By X", "By: X", "Posted by X", "Written by X",
#: "Author: X". Capital "By" or lower case ("by Ben Yu"), then a capitalised word.
_BYLINE_LEAD = re.compile(
    r"^(?:(?:(?:posted|written|words|reported)\s+)?by\s*:?|authors?\s*:)\s*"
    r"(?:guest (?:blogger|author|writer|contributor|post)\s*:?\s+)?(?=[^\W\d_])",
    re.I,
)


#: What may follow a byline's names in its paragraph: a date, a place, an affiliation ("Posted
#: by Dana Ruiz on March 3", "by Lesley Katzen on behalf of the GTAC Committee", "By Max
#: Kanat-Alexander, Tech Lead for Code Health"). Anything else is a sentence that starts with
#: "By" ("Author Paul Shapiro tried the first foie gras ...").
_AFTER_BYLINE = _wordset("on for in at of from with and & | - – — via")


#: Words a run of names may hold in lower case: separators and particles ("Jan van der Berg").
_NAME_JOINERS = _wordset("and & de del della der di du da dos van von la le al bin ibn y")


#: Words a sentence run into a byline may start with ("By: Patrik Höglund This is the third
#: article ...", "by Adam Bender This article was ..."): a capitalised word after the names starts a
#: sentence only when it is one of these. "By Super Bowl Sunday tickets were gone" and "By New York
#: City standards, ..." go on with a capitalised noun: no byline, no name (walk76 #1).
_RUN_IN_STARTS = _wordset(
    "the this these that those a an it its i we our my you your he she they their there here in "
    "on at as when while after before since during for if so but and one today last now what how "
    "why who many most some each every all over recently"
)


#: A run of names in a byline is 2 to this many capitalised words ("Jan van der Berg" counts 2).
_MAX_NAME_WORDS = 4


#: A byline is looked for in this many opening paragraphs (after a note on the post, such as
#: "A version of this post originally appeared in ...", which is furniture).
_BYLINE_PARAGRAPHS = 3


#: ... and in the first this many characters of each.
_BYLINE_CHARS = 1000


def opening_byline(text: str, credited: Collection[str] = ()) -> tuple[str, str]:
    """The names of the byline a post's text opens with, and the text without the byline: ("Patrik
    Höglund", the rest) for "By: Patrik Höglund ..."; ("", `text`) when it opens with none (walk66
    #1). The names are those up to a word in lower case ("by Lesley Katzen on behalf of the GTAC
    Committee": "Lesley Katzen"), without a label ("by Guest Blogger Patrick Holwell"); the text
    loses the whole paragraph.

    `text` is plain text, a paragraph a line (`read_feed_html`'s `own`). The byline is the first
    of the opening paragraphs' sentences that is not furniture (Blogger's "A version of this post
    originally appeared in ..." may come first), when it opens with a lead-in (`_BYLINE_LEAD`) and
    a capitalised name. It is the whole paragraph when the paragraph ends without a full stop ("By
    Max Kanat-Alexander, Tech Lead for Code Health"), else the names up to where a sentence starts
    (a capitalised word, then a word in lower case): "By: Patrik Höglund This is the third article
    ..." (Blogger runs `<i>By: ...</i><br><i>This is ...</i>` together). "By Monday the market had
    fallen." opens no byline: what follows the name is no sentence of its own; nor does "By Super
    Bowl Sunday tickets were gone": a sentence run into a byline starts with a word such as "This"
    or "The" (`_RUN_IN_STARTS`), after 2 to 4 capitalised words (walk76 #1).

    A paragraph that is a name and a job title and nothing else ("Tomas Berg, Senior Editor",
    `credits.role_byline`) is a byline too, with no lead-in.

    When the feed credits people (`credited`), a byline run into a sentence counts only when it
    names one of them: the lead is cut only where it is clearly a byline."""
    lines = text.split("\n")
    seen = 0
    for at, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _BYLINE_PARAGRAPHS:
            break
        if role_byline(line):
            # "Tomas Berg, Senior Editor", a paragraph of its own with no "By" (fixhk)
            return line.strip(), "\n".join([*lines[:at], *lines[at + 1 :]])
        offset = 0
        # The byline is near the start: the sentences of a paragraph's first characters only.
        for sentence in split_sentences(line[:_BYLINE_CHARS]):
            start = line.find(sentence, offset)
            offset = start + len(sentence)
            byline, rest = _byline_of(line[start:])
            if byline and rest and credited and not _names_one_of(byline, credited):
                byline, rest = "", line[start:]  # run into a sentence, and no one credited
            if not byline and _is_furniture(sentence):
                continue
            if not byline:
                return "", text
            kept = f"{line[:start]}{rest}".strip()
            return byline, "\n".join([*lines[:at], *([kept] if kept else []), *lines[at + 1 :]])
        if offset == 0:
            return "", text  # a paragraph with no sentence at all: no note before a byline
    return "", text


def _names_one_of(byline: str, credited: Collection[str]) -> bool:
    """Whether a byline's names hold one of the `credited` names (case and spacing aside)."""
    held = " ".join(byline.casefold().split())
    return any(" ".join(c.casefold().split()) in held for c in credited if c.strip())


def _byline_of(text: str) -> tuple[str, str]:
    """(The names of the byline `text` opens with, what follows it), or ("", `text`)."""
    lead = _BYLINE_LEAD.match(text)
    if lead is None:
        return "", text
    words = text[lead.end() :].split(" ")
    names = 0  # words of the name being read
    depth = 0  # inside brackets: "(Security Engineers, Chrome Security)"
    stop = len(words)  # where the names end: "on behalf of ...", "on March 3"
    for i, word in enumerate(words):
        depth += word.count("(") - word.count(")")
        bare = word.strip(",;:()")
        if depth > 0 or word.endswith(")") or bare.lower() in _NAME_JOINERS:
            names = 0 if bare.lower() in _NAME_JOINERS else names
            continue
        if not bare[:1].isupper():
            if i == 0:
                return "", text  # "by the way": no name
            stop = i
            break  # "on behalf of the GTAC Committee", "the market had fallen"
        following = words[i + 1] if i + 1 < len(words) else ""
        if (
            2 <= names <= _MAX_NAME_WORDS
            and bare.lower() in _RUN_IN_STARTS
            and following[:1].islower()
            and following.strip(",;:").lower() not in _NAME_JOINERS
        ):
            # "Patrik Höglund This is ...": a sentence starts at "This".
            return " ".join(words[:i]).strip(" ,;:"), " ".join(words[i:])
        names = 0 if word.endswith((",", ";")) else names + 1
    ended = text.rstrip(_CLOSERS).endswith((".", "!", "?")) and not _ends_with_abbreviation(text)
    if ended and stop < len(words):
        return "", text  # a sentence that starts with "By ...", not a byline
    if stop < len(words) and words[stop].lower() not in _AFTER_BYLINE:
        return "", text  # "Author Paul Shapiro tried ...": a sentence, not a byline
    # The whole paragraph is the byline; its names are those before a word in lower case.
    return " ".join(words[:stop]).strip(" ,;:"), ""


#: How many of a text's opening lines may be credits ("By Peter Owner", "Farid Haddad is a guest
#: contributor.") before its prose.
CREDIT_LINES = 3


#: A credit's label opening a part of a byline line: "By", "Written by", "Words by", "Text:",
#: "Photography by", "Additional photography by", "Medically reviewed by", "Photos:" ...
#: The labels are the byline's label table (`byline_rules.WRITING_WORDS`, `byline_rules.PICTURE_WORDS`,
#: `byline_rules.WRITING_AND_PICTURES_LABEL`: "Interview by", "As told to", "Portraits by", "Text and
#: photos:"; walk170 N2: "Interview by Nora Kim. Portraits by Leo Grant" opened the blurb).
_CREDIT_PART_LABEL = re.compile(
    rf"(?:(?:{byline_rules.WRITING_AND_PICTURES_LABEL}\s*:?|(?:{byline_rules.WRITING_WORDS}|{byline_rules.PICTURE_WORDS}|"
    r"(?:medically\s+)?reviewed|fact[- ]checked|edited)\s+by|by|"
    rf"(?:{byline_rules.WRITING_WORDS}|{byline_rules.PICTURE_WORDS}|credits?)\s*:)\s+)",
    re.I,
)


#: The parts of a byline line: its sentences, and the credits a dash, a bar or a semicolon joins
#: ("Medically reviewed by Sam Tate, MD — Written by Tomas Berg").
_CREDIT_PART_BETWEEN = re.compile(r"\s+[—–|]\s+|;\s+|(?<=[a-z])\.\s+(?=[A-Z])")


#: The most words a credit part may have after its label (a name or two and a role).
_CREDIT_PART_WORDS = 8


#: The most words of a date line before a byline ("Last updated on August 25, 2022").
_DATE_LINE_WORDS = 8


def _credit_part(part: str) -> bool:
    """A part of a line that is a credit: a label (`_CREDIT_PART_LABEL`), maybe after a word
    such as "Additional", then names: capitalised words, joiners and a role after a comma ("Sam
    Tate, MD"), no word of a sentence in lower case ("By Monday it was gone." is prose)."""
    part = part.strip().rstrip(".")
    label = _CREDIT_PART_LABEL.match(re.sub(r"^(?:additional|more|extra)\s+", "", part, flags=re.I))
    if not label:
        return False
    rest = re.sub(r"^(?:additional|more|extra)\s+", "", part, flags=re.I)[label.end() :]
    words = rest.replace(",", " ").split()
    return (
        0 < len(words) <= _CREDIT_PART_WORDS
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in words)
    )


def _credit_line(line: str) -> bool:
    """A line that is all credits, one or several: "Written by Nora Kim. Photography by Leo
    Grant", "Medically reviewed by Sam Tate, MD — Written by Tomas Berg" (walk167 #1: such a line
    opened the blurb, "Written by Nora Kim. We live in ...")."""
    parts = [p for p in _CREDIT_PART_BETWEEN.split(line.strip()) if p.strip()]
    return bool(parts) and all(_credit_part(p) for p in parts)


def _date_line(line: str) -> bool:
    """A short line that dates the post and ends without a full stop ("Last updated on August
    25, 2022", "Published 3 December 2026"): no sentence, no credit, but it may stand before one."""
    return (
        len(line.split()) <= _DATE_LINE_WORDS
        and not line.endswith((".", "!", "?"))
        and bool(ANY_DATE.search(line))
    )


def without_credit_lines(text: str) -> str:
    """`text` without the credit lines it opens with: a guest's note ("Farid Haddad is a guest
    contributor.", "Guest post by Farid Haddad"), a short "By ..." line (walk163 N9: the guest's
    note opened the blurb as the article's own words), a line of credits only ("Written by Nora
    Kim. Photography by Leo Grant": `_credit_line`), maybe after a date line (`_date_line`). A
    line that goes on as prose stays."""
    lines = text.split("\n")
    at = 0
    dropped = 0
    while at < len(lines) and dropped < CREDIT_LINES:
        line = lines[at].strip()
        if not line:
            at += 1
            continue
        guest = byline_rules.GUEST_SENTENCE.match(line) or byline_rules.GUEST_CREDIT.match(line)
        # ("By Monday it was gone." is a sentence, no byline)
        byline = (
            byline_rules.BYLINE_PREFIX.match(line)
            and len(line.split()) <= 6
            and not line.endswith((".", "!", "?"))
        )
        if _date_line(line) and not dropped:
            at += 1
            continue  # "Last updated on August 25, 2022" before the byline: kept, not a sentence
        if _credit_line(line):
            lines[at] = ""
            dropped += 1
            at += 1
            continue
        if not (guest or byline) or len(split_sentences(line)) > 1:
            break
        lines[at] = ""
        dropped += 1
        at += 1
    return "\n".join(lines) if dropped else text


#: How far into a page's text its title may stand as a heading (in characters).
TITLE_WITHIN = 2000


def from_title(text: str, title: str | None) -> str:
    """The text from the line after the title's, when the title stands as a heading near its top:
    what comes before it is a sidebar or a teaser of another story the page's text picked up
    ("Night mode is an automatic setting..." above a MacBook article); else the text as it is.

    Lines are compared with quotes, dashes and case made alike (`_heading_key`), and copies of the
    title right after it go too: a page whose <h1> says `It's` and whose first paragraph repeats
    it as `It’s` keeps both in its text (trafilatura drops only an exact repeat), and the blurb
    opened with half the title (walk33 #3)."""
    if not text or not title:
        return text
    heading = _heading_key(title)
    offset = 0
    found = False
    for line in text[:TITLE_WITHIN].splitlines(keepends=True):
        key = _heading_key(line)
        if found and key and key != heading:
            break
        offset += len(line)
        found = found or key == heading
    if not found:
        return text
    rest = text[offset:]
    # Not a list of links at the end of a short page that names the article again.
    return rest if len(rest) >= MIN_CHARS * 2 else text


def without_title_line(text: str, title: str | None) -> str:
    """`text` without its first line when that line is the title (quotes, dashes, case and a
    closing full stop aside), or without its first sentence when that is the title and the line
    goes on: a feed's summary that opens by repeating the item's title ("<p>Five Ways to Cut Hold
    Times</p><p>Long hold times are ...", "Seven Ways to Cut Wait Times. Long waits ...", in a
    heading or in bold: walk167 #4, the blurb opened with the title). Only the first line: a
    title named further down is the text's own."""
    if not text or not title:
        return text
    heading = _heading_key(title).rstrip(".!?:")
    if len(heading) < 4:
        return text
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if at is None:
        return text
    line = lines[at].strip()
    if _heading_key(line).rstrip(".!?:") == heading:
        rest = "\n".join(lines[at + 1 :])
        return rest if rest.strip() else text
    sentences = split_sentences(line)
    if len(sentences) > 1 and _heading_key(sentences[0]).rstrip(".!?:") == heading:
        lines[at] = line[line.find(sentences[0]) + len(sentences[0]) :].strip()
        return "\n".join(lines[at:])
    return text


#: What separates a headline from the text run on after it: spaces, dashes, a colon, a bar.
_AFTER_HEADLINE = re.compile(r"^[\s\-–—―_:：|｜]+")


def past_headline(text: str, title: str | None, headings: Iterable[str]) -> str:
    """`text` without the article's headline run into its start ("短缺药品保供稳价 全力保障临床用药需求
    ---记者17日从…", a description that repeats the title before the lead): the title, or the page's
    heading, then a separator; the headline is no sentence of the blurb. Also a title's part
    before the site's name ("短缺药品保供稳价 全力保障临床用药需求-新华网")."""
    if not text or not title:
        return text
    candidates = {title, *headings, *re.split(r"\s*[|\-–—_｜]\s*[^|\-–—_｜]*$", title)[:1]}
    key = _heading_key(text)
    for headline in sorted(candidates, key=len, reverse=True):
        head = _heading_key(headline)
        if len(head) < 4 or not key.startswith(head):
            continue
        rest = _past_key(_clean_text(text, markup=False), len(head))
        cut = _AFTER_HEADLINE.match(rest)
        if cut and rest[cut.end() :]:
            return rest[cut.end() :]
    return text


#: How far into a text's first line a byline run in after its headline may reach.
_RUN_IN_BYLINE_CHARS = 160


#: A date closing a byline ("December 3, 2026", "3 Dec 2026").
_BYLINE_DATE = re.compile(rf"\b{_DATE}(?:,? \d{{4}})?(?=\s+[A-Z0-9\"'“‘])")


def without_run_in_head(
    text: str, title: str | None, headings: Iterable[str] = (), credited: Collection[str] = ()
) -> str:
    """`text` without the headline and byline its reader ran into its first line (see
    `_run_in_head`), the headline being the entry's title or one of the page's `headings`: a
    feed's title often differs from the page's <h1> (walk83 N2: the feed's "Old n16" over a page
    headed "Talks in Geneva" kept the headline and byline in the stored blurb)."""
    for head in (title, *headings, None):
        if head is None and title:
            continue
        out = _run_in_head(text, head, credited)
        if out != text:
            return out
    return text


def _run_in_head(text: str, title: str | None, credited: Collection[str] = ()) -> str:
    """`text` without the headline and byline its reader ran into its first line: "Talks in
    Geneva By Carl Ng in Geneva, December 3, 2026 GENEVA, Dec 3 - The talks ..." (a short page's
    <h1> and byline paragraph, joined by trafilatura) opens at "GENEVA, Dec 3 - ", a dateline the
    text's sentences lose too (walk78 #3: the blurb published all three). The byline ends where a
    dateline starts or after its date; a copy of the title goes only before such a byline or a
    dateline: "Talks in Geneva ended ..." is the lead's own sentence. A byline in another language,
    and a date line, go the same way (`_credit_and_date`)."""
    if not text:
        return text
    first, newline, rest = text.partition("\n")
    line = first.strip()
    after = past_headline(line, title, ()) if title else line
    # "By Mateus Conceição 2026-11-13 A customer…", "By X November 7, 2026 …": a byline and its
    # date the English rule does not end read as a credit's label, names and date are (walk191 #5)
    cut = _english_byline(after) if _BYLINE_LEAD.match(after) else 0
    # ... the longer cut: "By Anne Archer - 13 November 2026 - A journey…" ends its English byline
    # at "13 November", before the year (walk195 #2)
    if cut := max(cut, _credit_and_date(after, credited, after != line)):
        # "By Mateus Conceição - November 13, 2026 - A customer…": its date too (walk195 #2)
        after = after[_past_date(after, cut) :].strip()
    elif after == line or not DATELINE.match(after):
        return text
    return f"{after}{newline}{rest}"


def _english_byline(after: str) -> int:
    """Where a run-in English byline ("By Carl Ng in Geneva, December 3, 2026") at the start of
    `after` ends: where a dateline starts, or after its date; 0 when it cannot tell."""
    head = after[:_RUN_IN_BYLINE_CHARS]
    end = next(
        (
            m.start()
            for m in re.finditer(r"(?<=\s)(?=[A-Z])", head)
            if DATELINE.match(after[m.start() :])
        ),
        None,
    )
    if end is None:
        date = _BYLINE_DATE.search(head)
        end = date.end() if date else None
    if end is None or not _byline_of(after[:end].strip())[0]:
        return 0
    return end


#: A date as a page in any language sets it under its byline: "2026年12月3日", "2026년 12월 4일",
#: "5 декабря 2026 г.", "3. Dezember 2026", "4 de diciembre de 2026", "٤ ديسمبر ٢٠٢٦", "4 בדצמבר
#: 2026", "December 3, 2026", "2026-12-03", "03.12.2026", "2026.12.04" (Japanese, walk198 #3): a
#: day, a month and a four-digit year (maybe after "le", "am", "el": "le 3 décembre 2026").
ANY_DATE = re.compile(
    r"(?:(?:le|am|el|den|on)\s+)?(?:\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}(?!\d)|\d{4}/\d{1,2}/\d{1,2}(?!\d)"
    r"|\d{1,2}[./]\s?\d{1,2}[./]\s?\d{4}"
    r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?\s+(?:de\s+)?\d{4}(?:\s*(?:г\.|года))?"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4})"
)


#: Separators around a byline's date ("Von Anna Müller | 3. Dezember 2026").
_DATE_SEPARATORS = re.compile(r"[\s|·•,–—-]*")


#: Between the people of a byline: "Anna Müller und Jörg Weiß", "Marie Dubois et Paul Martin".
_NAMES_BETWEEN = re.compile(r"\s*(?:[,&、，]|(?<=\s)(?:and|und|et|y|e|i|en|og|och|и|و)(?=\s))\s*")


#: A Korean, Chinese or Japanese credit's role after the name: "김민수 기자", "佐藤花子 記者".
_ROLE_AFTER = re.compile(
    r"\s*(?:(?:선임|수석|객원)?기자|특파원|记者|記者|特派员|特派員|氏)(?=\s|$)"
)


#: A credited name's affiliation in brackets ("鈴木一郎（テクノマート顧客体験部長）"), before a space.
_AFFILIATION = re.compile(r"\s*[(（][^()（）]{1,60}[)）](?=\s)")


#: The most words a labelled byline with no credited name in it may have before its date.
_BYLINE_WORDS = 6


def _credit_and_date(line: str, credited: Collection[str], after_headline: bool) -> int:
    """How much of `line` a byline and a date line run into its start take, 0 when it opens with
    neither (walk88 #2: "路面電車の復活：富山の挑戦 文・山田太郎 2026年12月3日 富山市の…", "Трамваи
    возвращаются в Москву Автор: Иван Петров 5 декабря 2026 г. Московские…", "Trams in Köln Von
    Anna Müller und Jörg Weiß Die Kölner…": a page's <h1>, byline and date, joined). The byline
    is a credit's label (`byline_rules.BYLINE_PREFIX`, `byline_rules.CJK_CREDIT_LABEL`,
    `byline_rules.WORD_CREDIT_LABEL`: "Von", "Par", "Autor:", "文・", "بقلم", "מאת") or the headline just
    cut (`after_headline`), then the `credited` people, by name, maybe with a role after them
    ("김민수 기자"); or a label, then a few words up to a date. A date alone counts only after the
    headline. What is left must start a sentence: "Von Montag an fahren ..." is the lead."""
    label = next(
        (
            m.end()
            for r in (
                byline_rules.CJK_CREDIT_LABEL,
                byline_rules.WORD_CREDIT_LABEL,
                byline_rules.BYLINE_PREFIX,
            )
            if (m := r.match(line))
        ),
        None,
    )
    at = label or 0
    end = _credited_names(line, at, credited)
    role = _ROLE_AFTER.match(line, end) if end is not None else None
    if end is not None and role is None:
        # "鈴木一郎（テクノマート顧客体験部長） 2026年12月3日": the name's affiliation goes too
        remark = _AFFILIATION.match(line, end)
        end = remark.end() if remark else end
    if end is not None and role is None and not line[end : end + 1].isspace():
        end = None  # "山田太郎は…": the name opens the lead's sentence ("高橋美咲記者" is a byline)
    if end is not None:
        if label is None and role is None and not after_headline:
            end = None
        elif role is not None:
            end = role.end()
    if end is None and label is not None:
        words = list(re.finditer(r"\S+", line[: at + 200]))
        words = [w for w in words if w.start() >= at][: _BYLINE_WORDS + 1]
        for before, word in zip(words, words[1:], strict=False):
            if re.search(r"[.!?。！？:：]", before.group()):
                break  # a sentence, not a byline's names
            if ANY_DATE.match(line, word.start()):
                end = word.start()
                break
    if end is None and not after_headline:
        return 0
    end = _past_date(line, end or 0)
    if not end or not _starts_sentence(line[end:].strip()):
        return 0
    return end


#: What may part a byline's date from the text after it: "· A customer…", "| Eine…", "— Une…",
#: "2026. Un mapa…" (a feed's summary run in one line, walk195 #2).
_AFTER_DATE = re.compile(r"\s*(?:[|·•–—-]|\.(?=\s))\s*")


def _past_date(line: str, end: int) -> int:
    """Where `line` goes on past a date at `end` (after separators: "Von Anna Müller | 3. Dezember
    2026"), and past a separator after it when a sentence starts there; `end` when no date is."""
    separators = _DATE_SEPARATORS.match(line, end)
    date = ANY_DATE.match(line, separators.end() if separators else end)
    if date is None:
        return end
    after = _AFTER_DATE.match(line, date.end())
    if after and after.end() > date.end() and _starts_sentence(line[after.end() :]):
        return after.end()
    return date.end()


def _credited_names(line: str, at: int, credited: Collection[str]) -> int | None:
    """Where the run of `credited` names starting at `at` in `line` ends (names joined by "und",
    "et", commas...), or None when none starts there."""
    names = sorted({n.strip() for n in credited if n.strip()}, key=len, reverse=True)
    end = None
    while True:
        name = next((n for n in names if line.startswith(n, at)), None)
        if name is None:
            return end
        end = at + len(name)
        between = _NAMES_BETWEEN.match(line, end)
        if between is None or between.end() == end:
            return end
        at = between.end()


def without_headings(text: str, headings: Iterable[str]) -> str:
    """The text without its lines that are one of the page's `headings` (case and spaces aside)
    and end as a question or an exclamation: "Why CPU monitoring is important?" heads a section;
    or end with no closing mark but hold one inside, whose first part would read as a sentence
    ("Just What Is Customer Experience? It's Not Just Customer Service", walk203 #3: the blurb
    opened with its half). A heading ending with a full stop stays: a standfirst set in a heading's
    tag ("NFL assaults have led to lawsuits before. But a prosecutor would have difficulty ..."),
    the article's own summary; one with no closing mark at all is no sentence anyway."""
    keys = {_heading_key(h) for h in headings if _sentence_heading(h)}
    keys.discard("")
    if not text or not keys:
        return text
    return "\n".join(line for line in text.splitlines() if _heading_key(line) not in keys)


def _sentence_heading(heading: str) -> bool:
    """A heading a blurb could take a sentence from: it ends as a question or an exclamation, or
    it ends with no closing mark but holds one inside ("What Is CX? It's Not Service")."""
    end = heading.rstrip(_CLOSERS)
    if end.endswith(("?", "!")):
        return True
    return bool(end) and end[-1].isalnum() and bool(_INNER_STOP.search(end))


#: A sentence's end inside a heading: ".", "?" or "!" (or their full-width forms) before a space.
_INNER_STOP = re.compile(r"[.?!。？！]\s")


#: A line of a page's text this short, with no full stop, is a heading ("Highlights", "Key points").
MAX_HEADING_WORDS = 6


#: How many words of the block after a heading show that a text runs the two together.
GLUED_WORDS = 3


def headings_of(text: str) -> dict[str, list[str]]:
    """The headings near the top of a page's text (plain, a block a line), each with the first
    words of the block after it: short lines that end without a sentence's punctuation."""
    lines = [ln for ln in (_clean_text(x, markup=False) for x in text[:TITLE_WITHIN].splitlines())]
    lines = [ln for ln in lines if ln]
    out: dict[str, list[str]] = {}
    for line, after in zip(lines, lines[1:], strict=False):
        if len(line.split()) <= MAX_HEADING_WORDS and line[-1:].isalnum():
            out.setdefault(line, _words(after)[:GLUED_WORDS])
    return out


def unglued(paragraph: str, headings: dict[str, list[str]]) -> str:
    """A description or a summary made from the page's text with its blocks run together loses
    the heading glued to its first sentence: "Highlights Here's our Firefox Year in Review!" is
    "Here's our ..." when the page has the heading "Highlights" and "Here's our Firefox" after
    it; else the paragraph as it is."""
    for heading, after in headings.items():
        rest = paragraph[len(heading) :].lstrip()
        if (
            paragraph.startswith(heading + " ")
            and _starts_sentence(rest)
            and len(after) == GLUED_WORDS
            and _words(rest)[:GLUED_WORDS] == after
        ):
            return rest
    return paragraph


def lead_in(text: str) -> str:
    """The author's line introducing a quote ("Kara Swisher on Travis Kalanick:"), to say whose
    words the quote is; "" when there is none."""
    for line in text.splitlines():
        line = _clean_text(line, markup=False)
        if line.endswith(":") and len(line) <= 120 and _starts_sentence(line):
            return line
    return ""
