"""Who an article credits: a byline or a feed's author field made into people's names (pure).

`clean_authors(raw)` takes what a page or a feed says ("By David Smith in Washington and Jon Henley
in Paris", "Rowena Mason Deputy political editor", "Presented by Nosheen Iqbal with Sirin Kale;
produced by ...") and returns the people a newsletter's `Author || Publication` line names
(("David Smith", "Jon Henley"), ("Rowena Mason",), ("Nosheen Iqbal", "Sirin Kale")). In order:

1. the credit's clauses: only the presenters' when a podcast names them, never the producers';
2. lead-ins ("By", "Par", "Written by"), "(with ...)" co-authors, remarks in brackets at a name's
   end ("(now)", "(earlier)", "(mailto:...)");
3. several people ("A and B", "A; B", "A, B", "Surname, I., Surname, I."), then for each: a place
   ("in Washington"), the publication written for ("for Zeta Post"), a role ("Deputy political
   editor"), an affiliation or degree after a comma ("MS, RD"), a glued date, trailing furniture
   ("| Twitter");
4. what is left must be a name (`is_person_name`): not a URL, an address, a date, a CMS default
   ("admin"), a licence line.

The tables are in `curator.extract_rules_bylines` and `curator.extract_rules_names`;
benchmarks/credits.py measures the result against the credits of real feeds.
"""

from __future__ import annotations

import html as htmlmod
import re

from curator import extract_rules_bylines as byline_rules
from curator import extract_rules_names as name_rules
from curator.creditroles import (
    agency_staff,
    common_words_only,
    english_role,
    foreign_role,
    in_capitals,
    lower_case_name,
    organisation_acronym,
    press_title,
    role_lead,
    team_credit,
    title_name,
)
from curator.creditteams import function_byline
from curator.htmltext import code_in_name, name_text, normalise_space

_WORD = re.compile(r"\w+", re.U)
#: The last of a credit's names when it counts more people than it names ("Jane Doe and 3
#: others"): published as "Jane Doe and others".
OTHERS = "others"
#: "I.", "K. L.", "P.-L.", "J.-F.": a piece that is only initials (the second half of "Ash, C.").
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.(?:-[^\W\d_]\.)?\s*)+$")
_AND_AND = re.compile(r"\b(and|und|et|y)\s+\1\b", re.I)


def clean_authors(
    raw: str | None,
    *,
    site: str | None = None,
    host: str | None = None,
    strict: bool = False,
    feed: bool = False,
    plain: bool = False,
) -> tuple[str, ...]:
    """The people a byline or a feed credit names, cleaned, in order, each once.

    `site`/`host`: a page's own name and host, which are not its author. `strict`: text found in
    a page rather than declared as its author, held to a name's shape. `feed`: a feed's author
    field, whose handles and desks are credits (see `is_person_name`). `plain`: a feed's field
    that is plain text by definition (JSON Feed's), whose `<` and `\\` are the name's own, and
    whose name wholly in brackets ("[Auth]") is kept as written.
    """
    if not raw:
        return ()
    # markup is no part of a name (walk87 #3): `Dora "><script>...` is Dora
    text = name_text(htmlmod.unescape(raw))
    # code written as text after a name is no one (walk173 #3): `Ann Lee"; DROP TABLE x;--`
    text = code_in_name(text)[0]
    if paid_label(byline_rules.BYLINE_PREFIX.sub("", text)):
        return ()  # "Sponsored by Acme", "In partnership with Acme": no one's (walk163 N1)
    if strict and byline_rules.BYLINE_SENTENCE.search(text):
        return ()  # "By Jane Quote and her team at Acme, the survey was run twice." (walk158 #11)
    counted = byline_rules.CREDIT_OTHERS.search(text)
    if counted:
        text = text[: counted.start()]
    # "By Max Uhl with additional reporting by Ned Vo": the helpers are no authors; "Ana Ruiz,
    # reporting from Kyiv, and Carl Ng": a co-author's dateline is no helper's credit.
    text = byline_rules.CREDIT_HELPERS_TAIL.sub(
        "", byline_rules.CREDIT_REPORTING_FROM.sub("", byline_rules.FILED_IN_LEAD.sub("", text))
    )
    out: list[str] = []
    for clause in _credited_clauses(text):
        clause = _without_interviewee(clause)
        clause = byline_rules.BYLINE_PREFIX.sub("", clause)
        clause = byline_rules.CJK_CREDIT_LABEL.sub("", clause)  # "本报记者 王小明", "文/李雷"
        clause = byline_rules.WORD_CREDIT_LABEL.sub("", clause)  # "글 이영희", "بقلم: سارة حسن"
        # "本报记者 司马相如 通讯员 李娜 责任编辑：韩梅梅": two reporters, and their editor, who
        # is no author (walk151 #5)
        clause = byline_rules.CJK_CREDIT_HELPERS.sub("", clause)
        clause = byline_rules.CREDIT_ROLE_BETWEEN.sub("、", clause)
        # On a page a bar separates the byline from its dateline and date ("Patricio Candia |
        # Palma de Mallorca | 08/01/2014"); in a declared author it may separate two people, and
        # its dateline goes as after a comma (`_without_datelines`).
        clause = clause.split("|")[0] if strict else _without_datelines(clause, site)
        clause = byline_rules.BYLINE_WITH.sub(r" and \1", clause)
        clause = _with_co_author(clause)
        clause = byline_rules.CREDIT_ADDRESS.sub("", clause)
        clause = byline_rules.CREDIT_REMARK.sub("", clause)
        for part in _without_photographers(_people_of(_AND_AND.sub(r"\1", clause))):
            part = byline_rules.CREDIT_PLACE.sub("", part)
            person = byline_rules.CREDIT_FOR.sub("", part)
            if person != part and len(person.split()) >= 2 and _name_shaped(person):
                part = person  # "Jane Roe for Zeta Post": the person, not the publication
            for piece in _split_commas(part, site, surname_first=not strict):
                piece = agency_staff(piece)  # "By Reuters Staff": Reuters (walk193 #8)
                if desk_label(piece):
                    continue  # "KTLA 5 Staff": a desk, never "Ktla" (walk158 #3)
                name = _strip_name(piece)
                if not strict and lower_case_name(name):
                    name = title_name(name)  # "john o'brien", declared: "John O'Brien"
                if (
                    name
                    and is_person_name(
                        name, site=site, host=host, strict=strict, feed=feed, plain=plain
                    )
                    and name not in out
                ):
                    out.append(name)
    whole = text.strip()
    if plain and not out and is_person_name(whole.strip("[]()"), feed=feed, plain=True):
        out.append(whole)  # "[Auth]", read as a bracketed remark: the name as written (walk84 N3)
    if counted and out:
        out.append(OTHERS)  # "Jane Doe and 3 others": not Jane Doe alone
    return tuple(out)


def _without_interviewee(clause: str) -> str:
    """A credit without the person its interview is with (walk148 N1): "By Sam Park, in
    conversation with Maya Angelou", "Sam Park talks to Maya Angelou" and "Interview by Sam Park
    with Maya Angelou" credit Sam Park, who wrote it, not the person he interviewed."""
    clause = byline_rules.CREDIT_INTERVIEWEE.sub("", clause)
    if byline_rules.INTERVIEW_LEAD.match(clause):
        clause = byline_rules.CREDIT_WITH.split(
            byline_rules.CREDIT_WITH_AFTER_COMMA.sub(" ", clause)
        )[0]
    return clause


def _without_photographers(parts: list[str]) -> list[str]:
    """A byline's people without those it credits for the pictures in brackets, beside one it
    credits for the words: "Anna Schmidt (Text) und Tom Weber (Fotos)", "Ann Lee and Tom Weber
    (photos)" credit the writer (walk180 #2: the photographer was a co-author). A photographer
    credited alone ("Tom Weber (Fotos)", a photo essay's) is its author, without the bracket."""
    pictures = [bool(byline_rules.PICTURE_REMARK.search(p)) for p in parts]
    if any(pictures) and not all(pictures):
        parts = [p for p, picture in zip(parts, pictures, strict=True) if not picture]
    return [byline_rules.PICTURE_REMARK.sub("", p) for p in parts]


def _with_co_author(clause: str) -> str:
    """ "Ahmed Ali with Sara Lind", "Ahmed Ali alongside Sara Lind": two people, as "A and B" are
    (walk112 #6: the page credited no one, the feed one person "Ahmed Ali with Sara Lind"); "Ahmed
    Ali with Reuters", "Ahmed Ali with the Reuters team": Ahmed Ali, whom an agency, an
    organisation or a desk helped. "Ahmed Ali, with Sara Lind" names two people too (walk118 #3);
    "with additional reporting by" and "with help from" name helpers (`CREDIT_HELPERS_TAIL`)."""
    clause = byline_rules.CREDIT_WITH_AFTER_COMMA.sub(" ", clause)
    pieces = byline_rules.CREDIT_WITH.split(clause)
    if len(pieces) < 2:
        return clause
    kept = [pieces[0]]
    for piece in pieces[1:]:
        # "avec l'AFP", "mit der dpa": the article is no part of the agency's name (walk180 #2)
        bare = byline_rules.ARTICLE_BEFORE.sub("", piece)
        if not any(is_organisation(p) or _organisation_named(p) for p in (piece, bare)):
            kept.append(piece)
    return " and ".join(kept)


def _without_datelines(clause: str, site: str | None) -> str:
    """A declared credit's parts after a bar that are its dateline, left out: "ANA RUIZ | KYIV,
    Ukraine | Dec. 3, 2026" is Ana Ruiz (walk78 #2: credited "Ana Ruiz and Ukraine KYIV"). A part
    is a dateline when, written after a comma, it would be one ("Ana Ruiz, Kyiv", "Ana Ruiz, Dec.
    3": a place's lone word, a date, a role); "Ana Ruiz | Carl Ng" still names two people."""
    bars = [bar.strip() for bar in clause.split("|")]
    if len(bars) < 2 or not bars[0]:
        return clause
    kept = [bars[0]]
    for bar in bars[1:]:
        if bar and _split_commas(f"{bars[0]}, {bar}", site) != [bars[0]]:
            kept.append(bar)
    return " | ".join(kept)


def desk_label(text: str) -> bool:
    """A desk's or a station's label, whole, before a name's tail is cut from it: a desk word last
    and a number in it ("KTLA 5 Staff", "NBC4 Washington Staff", "FOX 5 Digital Team", "Relay4
    Staff"), or a label's last two words after the publication's name ("Post Staff Report", "Zeta
    Digital Team"). walk158 #3: the number was cut as a date's and "Ktla", "NBC", "FOX" credited
    as people. In a feed too: a station's staff is no one's name."""
    tokens = [t.lower() for t in _WORD.findall(text)]
    if len(tokens) < 2:
        return False
    if tokens[-1] in name_rules.DESK_WORDS | name_rules.STAFF_WORDS and any(
        ch.isdigit() for ch in text
    ):
        return True
    # ("Jane Doe Staff Writer" is Jane Doe and her role, "... is a guest contributor" a guest)
    return (
        len(tokens) > 2
        and tokens[-1] in name_rules.DESK_WORDS | name_rules.STAFF_WORDS | {"report", "reports"}
        and " ".join(tokens[-2:]) in name_rules.REJECTED_AUTHORS
    )


def _department_desk(tokens: list[str]) -> bool:
    """A team or desk named only by a function ("Content Team", "Marketing Team", "Customer
    Success Team"): a label, no one's, in a feed too (walk158 #5); "GNOME Sysadmin Team" is
    another's desk, credited as written."""
    words = [t.lower() for t in tokens]
    return (
        len(words) > 1
        and words[-1] in name_rules.DESK_WORDS
        and all(w in name_rules.DEPARTMENT_WORDS for w in words[:-1])
    )


def paid_label(text: str) -> str:
    """`text`, a credit as given, when it is a label of paid content ("Sponsored Content", "Paid
    Post", "Press Release", `name_rules.PAID_CONTENT_LABELS`): the editor is told, who may want to
    mark the article as paid for (walk158 #5). "" otherwise."""
    words = " ".join(_WORD.findall(text.lower()))
    if words in name_rules.PAID_CONTENT_LABELS or name_rules.PAID_CONTENT_LEAD.match(text):
        return text.strip()  # "Sponsored by Acme", "In partnership with Acme" (walk163 N1)
    return ""


def _people_of(clause: str) -> list[str]:
    """A clause split into its people ("A and B", "A; B"), unless the split would cut an
    organisation's name: "Smith and Wesson Customer Team" is one team, not "Smith" and a desk.
    When a part is an organisation or a desk (`_organisation`) and another is a lone word (a
    fragment a name would not be), the clause is one name: a feed credits it whole, as it credits
    any desk; a page's desk is no author (`is_person_name`)."""
    # A separator at either end ("Jane Doe and", a byline cut after its "and") parts no one.
    parts = [p for p in _and_split(clause) if p.strip()] or [clause]
    parts = [q for p in parts for q in _people_joined(p)]
    # "Jane Doe and the Customer Care Team", "Jürgen Groß und das Kundenservice-Team": the team
    # names no one, and the person is credited alone, in every language (walk184 #2)
    if len(parts) > 1 and team_credit(parts[-1]) and all(looks_personal(p) for p in parts[:-1]):
        return parts[:-1]
    # "Jane Roe and Le Monde": a publication she wrote with, no one's name (fixlg #3)
    if len(parts) > 1 and press_title(parts[-1]) and all(looks_personal(p) for p in parts[:-1]):
        return parts[:-1]
    # (a news agency is a word of its own, no fragment: "AFP and Le Monde", "Reuters and AFP",
    # walk196: credited no one)
    lone_word = any(
        len(byline_rules.CREDIT_PLACE.sub("", p).split()) == 1 and not _agency_word(p)
        for p in parts
    )
    if len(parts) > 1 and lone_word and any(is_organisation(p) for p in parts):
        return [clause]
    # "Jane Doe and the Data Team" names her and a team; "Acme Research and Insights Group", one
    # organisation.
    last = parts[-1].split()  # empty when the clause ends in its separator ("Jane Doe and")
    # "Amy Chen and Zeta Post Staff", "Jane Doe and Acme Research": her, and an organisation
    # (no one's name, walk112 #1); "Acme Research and Insights Group" is one organisation.
    people_before = all(looks_personal(p) and not _organisation_named(p) for p in parts[:-1])
    staff = (
        bool(last)
        and people_before
        and (
            last[-1].lower() in name_rules.STAFF_WORDS
            or _firm_named(last)
            or _department_desk(last)
        )
    )
    if (
        len(parts) > 1
        and _organisation_named(parts[-1])
        and last
        and last[0].lower() not in ("the", "our")
        and not staff  # her, and the staff or the firm (no one's name)
    ):
        return [clause]
    return parts


def _agency_word(part: str) -> bool:
    """A clause's part that is a news agency's name or an organisation's acronym alone ("AFP",
    "Reuters", "NASA")."""
    word = part.strip()
    return word.lower() in name_rules.NEWS_AGENCIES or organisation_acronym(word)


def _and_split(clause: str) -> list[str]:
    """`clause` split at `AUTHOR_SPLIT`, but an organisation's name that opens with its kind
    (`ORGANISATION_LEAD`) keeps what "and" or "&" joins to it: "Society for Science & the Public",
    "Department of Health and Human Services" are one name each, never "the Public" (walk144 #2:
    the fragment was published as the author). A semicolon, a bar or a new line still parts it
    from the next credit."""
    parts: list[str] = []
    joined = False  # the last part is an organisation's, and "and" follows it
    parts_end = 0
    at = 0
    for sep in byline_rules.AUTHOR_SPLIT.finditer(clause):
        piece = clause[at : sep.start()]
        if joined and parts:
            parts[-1] += clause[parts_end:at] + piece
        else:
            parts.append(piece)
        parts_end = sep.start()
        hard = any(mark in sep.group() for mark in ";|\n；")
        joined = not hard and bool(name_rules.ORGANISATION_LEAD.match(parts[-1]))
        at = sep.end()
    piece = clause[at:]
    if joined and parts:
        parts[-1] += clause[parts_end:at] + piece
    else:
        parts.append(piece)
    return parts


def _people_joined(part: str) -> list[str]:
    """ "محمد الأحمد وعلي حسن", "דוד כהן ושרה לוי", "Иван Петров и Мария Соколова" ("and" in a
    script `AUTHOR_SPLIT` does not read, `byline_rules.NAMES_AND`): two people, when each side is a name
    of two words or more; "أحمد وليد" stays one (Walid is a given name), and so does "Иван и
    Мария Петровы" (Ivan and Maria Petrov: no "Иван" alone). The same for Spanish "y", Polish
    "i", Turkish "ve" and the like (walk144 #1, #4): "Anna Kowalska i Jan Nowak" are two, "José
    Ortega y Gasset" one (Gasset is no one alone); Chinese "王伟和李娜" two, each side a name of two
    or three characters. An "and" written onto a name that starts with its letter
    (`byline_rules.NAMES_STARTING_WITH_AND`) is the name's: "محمد أحمد وليد الخطيب" is one person
    (walk151 #4), whom `may_be_two` names for the editor to check."""
    cuts = [m for m in byline_rules.NAMES_AND.finditer(part) if not _onto_name(part, m)]
    pieces = []
    at = 0
    for cut in cuts:
        pieces.append(part[at : cut.start()].strip())
        at = cut.end()
    pieces.append(part[at:].strip())
    if len(pieces) > 1 and all(len(p.split()) >= 2 or _HAN_NAME.match(p) for p in pieces):
        # "Мария Соколова и РИА Новости": an agency after a name is no co-author, as "Jane Smith
        # and Reuters" is none (walk147 #3): the credit stays whole, as that one does
        if any(is_organisation(p) for p in pieces[1:]):
            return [part]
        return pieces
    return [part]


#: Arabic's short vowels and other marks over its letters (fatha, damma, shadda ...), which a
#: name may be written with or without: "وَليد" is "وليد".
_ARABIC_MARKS = re.compile(r"[\u064b-\u0652\u0670]")
#: The letter "and" is written as in Arabic and Hebrew, onto the next word.
_AND_LETTERS = ("و", "ו")


def _onto_name(part: str, joined: re.Match[str]) -> bool:
    """Whether `joined`, a match of `byline_rules.NAMES_AND` in `part`, is a letter و or ו written onto
    a name that starts with it ("وليد", "ורד"), which is the name's first letter, not "and"."""
    if joined.group().strip() not in _AND_LETTERS or joined.group()[-1].isspace():
        return False
    word = re.match(r"[\w\u064b-\u0652\u0670]+", part[joined.end() - 1 :])
    return (
        word is not None
        and _ARABIC_MARKS.sub("", word.group()) in byline_rules.NAMES_STARTING_WITH_AND
    )


def may_be_two(name: str) -> str:
    """What is unsure in a credited `name` when curator read an "and" written onto a name that
    starts with its letter as the name's (`_people_joined`), for the draft's note and a build's
    warning: "محمد أحمد وليد الخطيب" is one person, or "محمد أحمد" and "ليد الخطيب" (walk151 #4).
    "" when nothing in it is."""
    for joined in byline_rules.NAMES_AND.finditer(name):
        if not _onto_name(name, joined):
            continue
        before, after = name[: joined.start()].strip(), name[joined.end() :].strip()
        if len(before.split()) >= 2 and len(after.split()) >= 2:
            letter = joined.group().strip()
            word = letter + after.split()[0]
            return (
                f'"{name}" is credited as one person, "{word}" read as a name; it may be two'
                f' people, "{before}" and "{after}", if its "{letter}" is "and"'
            )
    return ""


#: A Chinese name written whole: a surname and a given name, two or three characters ("王伟",
#: "李小龙"), the sides of "王伟和李娜".
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")


def _organisation_named(text: str) -> bool:
    """`text` ends like an organisation's name ("Insights Group", "Customer Team") or has a word
    only an organisation's has ("University of Oxford"): "Acme Research and Insights Group" is
    one name, not the people "Acme Research" and "Insights Group". Not a news agency."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words or " ".join(words).removeprefix("the ") in name_rules.NEWS_AGENCIES:
        return False
    # "The Editorial Board", "Zeta Post Editorial Board"; "Jane Board" may be a name.
    board = words[-1] == "board" and (words[0] == "the" or "editorial" in words)
    return (
        board
        or words[-1] in name_rules.ORGANISATION_HEAD_WORDS
        or words[-1] in name_rules.DESK_WORDS
        or bool(set(words) & name_rules.ORGANISATION_NAME_WORDS)
    )


def _firm_named(tokens: list[str]) -> bool:
    """A name ending in an organisation's head word ("Zendo Marketing", "Acme Research Group",
    "Northwind Labs"): a firm's, never a person's, whether a page or a feed gives it. Not a news
    agency ("Thomson Reuters"), whose name credits the story's source."""
    words = [t.lower() for t in tokens]
    if " ".join(words).removeprefix("the ") in name_rules.NEWS_AGENCIES:
        return False
    return words[-1] in name_rules.ORGANISATION_HEAD_WORDS


def is_organisation(text: str) -> bool:
    """A news agency ("Reuters", "AFP") or words of an organisation or a desk ("Wesson Customer
    Team", "Associated Press", "Tampa Bay Times"): not a person."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return False
    if " ".join(words) in name_rules.NEWS_AGENCIES or norm_name(text) in name_rules.NEWS_AGENCIES:
        return True
    if words[-1] in name_rules.DESK_WORDS or name_rules.ORGANISATION_LEAD.match(text):
        return True  # a desk; "Council on Foreign Relations" (walk139 #8)
    found = set(words) & name_rules.ORGANISATION_WORDS
    # "Mark Post", "Emily Herald": a surname may be such a word; "The Washington Post" is not one.
    return bool(found - name_rules.SURNAME_ORGANISATION_WORDS) or (
        bool(found) and words[0] == "the"
    )


def publication_like(name: str) -> bool:
    """A credit that reads as a publication's name, not a person's: two words or more, the last
    one a publication's name ends with ("Support Weekly", "CX Daily", "The Zeta Post";
    `name_rules.PUBLICATION_NAME_WORDS`). A surname may be one ("Emily Post"): such a credit gives way
    to a byline naming someone else (`articles_credits.house_credit`, `articles_credits.choose_authors`), and is
    never left out for it alone."""
    words = _WORD.findall(name.lower())
    return len(words) >= 2 and words[-1] in name_rules.PUBLICATION_NAME_WORDS


def _credited_clauses(text: str) -> list[str]:
    """The clauses of a credit that name the credited people: the presenters' when there are any,
    else every clause but the producers', editors' and the like."""
    clauses = [c for c in byline_rules.CREDIT_CLAUSE_SPLIT.split(text) if c.strip()]
    presenters = [
        byline_rules.CREDIT_PRESENTERS.sub("", c).replace(" with ", " and ")
        for c in clauses
        if byline_rules.CREDIT_PRESENTERS.match(c)
    ]
    if presenters:
        return presenters
    return [c for c in clauses if not byline_rules.CREDIT_BEHIND_THE_SCENES.match(c)]


def _split_commas(part: str, site: str | None, *, surname_first: bool = False) -> list[str]:
    """Split at commas: "A B, C D" is two people, "Jane Doe, Senior Editor" one and a role, "Jong,
    Michiel de" one, "Ash, C., Mueller, K. L." two (surname and initials); "Tom Watkins, CNN"
    drops the site's name, "Rachael Link, MS, RD" the degrees. `surname_first` (a declared
    credit): "Doe, Jane", two single words, is Jane Doe."""
    stop = _SITE_AFTER_STOP.match(part)
    if stop and site and _names_site(stop.group(2), site):
        part = stop.group(1)  # "Finian Cunningham. Sputnik International" (walk163 N6)
    # ... and at the Arabic comma: "خالد المنصور، مدير تجربة العملاء" is a name and a job title
    # (fixlh: credited whole), "أحمد علي، فاطمة الزهراء" two people
    pieces = [p.strip() for p in re.split("[,\u060c]", part) if p.strip()]
    # "Gartner, Inc.", "Jane Doe, Gartner, Inc." (walk118 #2): the company is no one's name
    pieces = [
        p
        for at, p in enumerate(pieces)
        if not byline_rules.COMPANY_SUFFIX.match(p)
        and not (at + 1 < len(pieces) and byline_rules.COMPANY_SUFFIX.match(pieces[at + 1]))
    ]
    if site and len(pieces) > 1:
        pieces = [pieces[0], *(p for p in pieces[1:] if not _names_site(p, site))]
    if (
        surname_first
        and len(pieces) >= 2
        and _surname_first(*pieces[:2])
        and all(_DEGREE.match(p) or p.lower() in byline_rules.ROLE_WORDS for p in pieces[2:])
    ):
        return [f"{pieces[1]} {pieces[0]}"]  # "Roe, Jane, PhD": Jane Roe
    if len(pieces) < 2:
        return pieces
    pairs = list(zip(pieces[::2], pieces[1::2], strict=False))
    if (
        surname_first
        and len(pieces) >= 4
        and len(pieces) % 2 == 0
        and all(_surname_first(a, b) for a, b in pairs)
    ):
        # "Kooman, F., Jong, M. de", "Doe, Jane, Smith, John" (walk118 #4): each surname and its
        # given names or initials, turned round
        return [f"{b} {a}" for a, b in pairs]
    if len(pieces) % 2 == 0 and all(_INITIALS.match(p) for p in pieces[1::2]):
        if surname_first and all(_surname_first(a, b) for a, b in pairs):
            return [
                f"{b} {a}" for a, b in pairs
            ]  # "Ash, C., Mueller, K. L.": C. Ash, K. L. Mueller
        return [f"{a}, {b}" for a, b in pairs]
    kept = [pieces[0]]
    for p in pieces[1:]:
        if name_rules.NAME_SUFFIX.match(p):
            kept[-1] = f"{kept[-1]}, {p}"  # "Jane Doe, II", as "Jane Doe, Jr." (walk193 #9)
            continue
        words = {w.lower() for w in _WORD.findall(p)}
        if words & byline_rules.ROLE_WORDS or any(ch.isdigit() for ch in p):
            break  # a role or a date: the rest is not names
        if is_organisation(p):
            break  # "John Smith, Associated Press": the agency or paper they write for
        if words and words <= name_rules.DEPARTMENT_WORDS:
            break  # "Jane Doe, Customer Experience": her department (walk158 #4)
        if p.split()[0] in name_rules.AFFILIATION_LEAD and len(p.split()) > 1:
            break  # "Maria Silva, da Redação": her desk or paper, no person (walk163 N2)
        if p in byline_rules.KOREAN_DATELINE_PLACES:
            break  # "김민수, 서울": the city the reporter wrote from (walk147 #3)
        if len(kept[-1].split()) >= 2 and len(p.split()) == 1:
            break  # "Victor Tangermann, Futurism", "Rachael Link, MS, RD": an affiliation or degree
        kept.append(p)
    if len(kept) > 1 and all(len(p.split()) >= 2 or _hangul_name(p) for p in kept):
        return kept
    return [", ".join(kept)]


#: A Korean name: a surname and a given name written as one word of two or three syllables
#: ("김민수", "이영희"), then a reporter's role or none ("이영희 기자"). Four syllables are no
#: name's here: "연합뉴스" (Yonhap News) is an agency's.
_HANGUL_NAME = re.compile(r"^[\uac00-\ud7a3]{2,3}$")


def _hangul_name(piece: str) -> bool:
    """A Korean name, with its role or without ("김민수", "이영희 기자"): a whole name in one word,
    as "Ann Lee" is in two, so "김민수, 이영희 기자" names two people (walk139 #3: one author
    "김민수, 이영희" was published)."""
    name = byline_rules.KOREAN_CREDIT_ROLE_TAIL.sub("", piece).strip()
    return bool(_HANGUL_NAME.match(name))


#: A name, a full stop, then more: the site's name when `_names_site` says so.
_SITE_AFTER_STOP = re.compile(r"^(.*?[^\W\d_]{2})\.\s+(\S.*)$")

_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


#: A degree after a name ("PhD", "MD", "M.D.", "MBA").
_DEGREE = re.compile(r"^(?=(?:.*[A-Z]){2})(?:[A-Z][a-z]?\.?){1,4}$")


def _surname_first(surname: str, given: str) -> bool:
    """A credit written surname first, "Doe, Jane", "Van Halen, Eddie", "de la Cruz, María", "Jong,
    Michiel de", "Kooman, F.": a surname (particles, then one word) and one given name (or its
    initials, or it and the surname's particles), neither an organisation's, a role's or a label's
    ("Reuters, Washington", "Doe, Editor", "Doe, PhD"). A surname of more words without particles
    is no surname: "Victor Tangermann, Futurism" is a name and a site."""
    *particles, surname = surname.split()
    if any(p.lower() not in name_rules.NAME_PARTICLES for p in particles):
        return False
    # "Jong, Michiel de", "Jong, M. de": the surname's particles written after the given name
    head = given.split() or [""]
    while len(head) > 1 and head[-1].lower() in name_rules.NAME_PARTICLES:
        head.pop()
    initials = bool(_INITIALS.match(" ".join(head)))
    if initials:
        # "Kooman, F.", "Mueller, K. L." (walk112 #7): a surname and the given names' initials
        given = "".join(ch for ch in " ".join(head) if ch.isalpha())
    elif len(head) > 1:
        return False
    else:
        given = head[0]
    words = (surname, given)
    return (
        all(_NAME_WORD.match(w) and w[0].isupper() for w in words)
        and not any(is_organisation(w) for w in words)
        and not any(
            w.lower() in byline_rules.ROLE_WORDS | name_rules.REJECTED_AUTHORS for w in words
        )
        and not (surname.isupper() and len(surname) <= 3)
        and not (given.isupper() and len(given) <= 3 and not initials)
    )


def only_role(name: str) -> bool:
    """Whether a credit is a job title and no one's name: "Senior Editor", "CEO", "Chief
    Executive Officer" (fixhk: "Tomas Berg, Co-founder & CEO" credited "CEO" as a co-author)."""
    words = [w.lower() for w in re.split(r"[\s&/-]+", name) if w]
    return (
        bool(words)
        and all(w in byline_rules.ROLE_WORDS or w in byline_rules.ROLE_TITLE_GLUE for w in words)
        and any(w in byline_rules.ROLE_WORDS for w in words)
    )


def _without_role_lead(words: list[str]) -> list[str]:
    """The words of a name without a writer's title before it: "Senior Editor Tomas Berg",
    "Staff Writer Ann Lee" (fixhk); never down to one word, and only a title of ranks and a
    writer's role noun ("Photo Editor Sam Tate" is a picture desk's label, read elsewhere)."""
    # "Redakteurin Anna Schmidt", "Rédacteur en chef Paul Martin" (walk184 #1)
    lead = role_lead(words)
    rest = words[lead:]
    if lead and len(rest) >= 2 and _name_shaped(" ".join(rest)) and not words[0][:1].islower():
        return rest  # "الكاتبة سارة حسن" too: Arabic has no capitals (fixlq #2)
    at = 0
    while at < len(words) and words[at].lower() in byline_rules.ROLE_RANKS:
        at += 1
    noun = words[at].lower() if at < len(words) else ""
    # a bare "Producer Sam Tate" may be a credit beside the writer's: a rank first, or a
    # writer's noun ("Reporter Ann Lee"), makes it the writer's title; a bare "Editor Sam Tate"
    # names Sam Tate all the same (fixie #5: "Editor Sam Tate" was credited whole)
    if (
        noun in byline_rules.ROLE_NOUNS
        and (at > 0 or noun not in _EDITING_NOUNS)
        and at + 1 < len(words)
    ):
        rest = words[at + 1 :]
        if len(rest) >= 2 and _name_shaped(" ".join(rest)) and words[0][:1].isupper():
            return rest
    return words


_EDITING_NOUNS = frozenset(["producer", "presenter", "photographer", "critic"])

#: A line that is a name and a job title, with no "By": "Tomas Berg, Senior Editor", "Ann Lee —
#: Head of Research" (fixhk), "Иван Петров, главный редактор", "سارة حسن، محررة" (fixlq #1): the
#: title is `creditroles.english_role` or `creditroles.foreign_role`.
_ROLE_LINE = re.compile(
    r"^(?P<name>[^,،|–—:;()]{3,60}?)\s*(?:[,،]|\s[-–—|]\s)\s*(?P<role>[^.!?]{2,80})\.?$"
)


def role_byline(text: str) -> str:
    """The person a line made of a name and their job title credits ("Tomas Berg, Senior Editor":
    "Tomas Berg"; "Ann Lee, VP Marketing at Acme": "Ann Lee"), "" for any other line. Such a
    line has no "By" (`byline_rules.BYLINE_PREFIX`); a name alone, or a name and a desk ("Jane Doe,
    Customer Experience"), is no byline here: a caption or a quote's speaker reads so too."""
    text = normalise_space(text)
    found = _ROLE_LINE.match(text) if len(text) <= byline_rules.MAX_BYLINE_CHARS else None
    if found is None:
        return ""
    if not foreign_role(found["role"]) and not english_role(found["role"]):
        return ""
    name = found["name"].strip()
    if name.split()[0].lower() == "the":
        return ""  # "The Survey, Senior Editor": no one's name
    names = clean_authors(name, strict=True)
    if len(names) != 1 or names[0] != name or not 2 <= len(name.split()) <= 4:
        return ""
    return name


def _strip_name(piece: str) -> str:
    name = byline_rules.BYLINE_PREFIX.sub("", normalise_space(piece))
    name = byline_rules.WORD_CREDIT_LABEL.sub("", byline_rules.CJK_CREDIT_LABEL.sub("", name))
    unlabelled = byline_rules.CJK_CREDIT_ROLE_TAIL.sub("", name)
    unlabelled = byline_rules.KOREAN_CREDIT_ROLE_TAIL.sub("", unlabelled)
    if len(unlabelled.replace(" ", "")) >= 2:
        name = unlabelled  # "佐藤花子記者", "山田太郎氏", "김민수 기자": the name, without its role
    name = name_rules.AUTHOR_TAIL.sub("", name)
    name = name_rules.DATE_TAIL.sub("", name)
    name = " ".join(_without_degrees(_without_role(_without_role_lead(name.split()))))
    name = name.strip(" ,:;-–—|•·'\"“”()[]（）【】：／｜・")
    if name.endswith(".") and not re.search(r"\b(?:[A-Z]|Jr|Sr)\.$", name):
        name = name.rstrip(".")  # a sentence's full stop, not an initial's ("F.", "Jr.")
    if in_capitals(name) and len(name) > 3 and len(name.split()) > 1:
        if common_words_only(name):
            return ""  # "By THE WAY": a sentence's words in capitals, no one's name
        name = title_name(name)  # "By GILLIAN MOHNEY"; "ACLU" is an acronym (walk193 #9)
    return name


def _without_degrees(words: list[str]) -> list[str]:
    """A name's words without the degrees after it ("Jane Doe PhD", "Jane Doe M.D.": Jane Doe,
    walk163 N10), as a degree after a comma is left out ("Jane Doe, MBA"); never down to one
    word. A title before a name ("Dr. Jane Doe") is how its publisher names the person, kept."""
    words = list(words)
    while len(words) > 2 and words[-1].lower().replace(".", "") in name_rules.NAME_DEGREES:
        words.pop()
    return words


def _without_role(words: list[str]) -> list[str]:
    """The words of a name without a role after it: "Rowena Mason Deputy political editor",
    "Alex Hern Technology editor", "Jason Burke Africa correspondent", "Jane Doe Staff Writer"."""
    original, words = words, list(words)
    if len(words) <= 2 or words[-1].lower().strip(".,") not in byline_rules.ROLE_NOUNS:
        return words
    words.pop()
    qualified = False
    while len(words) > 2 and (
        words[-1].lower() in byline_rules.ROLE_QUALIFIERS or words[-1] == words[-1].lower()
    ):
        words.pop()
        qualified = True
    if not qualified and len(words) > 2 and words[-1][:1].isupper():
        words.pop()  # one desk or region: "Africa"
    # What is left must be a name; "Guardian staff reporter" is a desk, credited as written.
    return words if _name_shaped(" ".join(words)) else original


def norm_name(text: str) -> str:
    """Lower-case words only, without a leading "the": how two names of a site are compared."""
    text = " ".join(_WORD.findall(text.lower()))
    return text[4:] if text.startswith("the ") else text


def name_key(text: str) -> str:
    """`norm_name` without its spaces: "The Verge" and "theverge" share "verge"."""
    return norm_name(text).replace(" ", "")


#: Where a site's name ends and its tagline starts: " | ", " - ", " – ", " — ".
_SITE_TAGLINE = re.compile(r"\s+[|\-–—]\s+")


def _names_site(piece: str, site: str) -> bool:
    """A piece after a byline's comma that names the page's site or a part of it: the site's
    name itself, or one starting with the other's words ("Jill Disis, CNN Business" on CNN;
    "Tanza Loudenback, Business Insider" on Business Insider Deutschland)."""
    if same_name(piece, site):
        return True
    a, b = f"{norm_name(piece)} ", f"{norm_name(site)} "
    return len(a) > 1 and len(b) > 1 and (a.startswith(b) or b.startswith(a))


def same_name(a: str, b: str) -> bool:
    """True when two names are the same words, spaces aside ("The Verge", "theverge")."""
    ka = name_key(a)
    return bool(ka) and ka == name_key(b)


#: What separates two names on an `author:` line: a comma, a semicolon, "and", "&".
def _site_edition(name: str, site: str) -> bool:
    """`name` is the site's name and words for its edition or kind ("India Post News Weekly" on
    India Post, walk163 N6): the site, no one's credit."""
    words, own = norm_name(name).split(), norm_name(site).split()
    return (
        bool(own)
        and len(words) > len(own)
        and words[: len(own)] == own
        and all(w in name_rules.SITE_EDITION_WORDS for w in words[len(own) :])
    )


def looks_personal(name: str) -> bool:
    """Two to four capitalised words and none of an organisation's: "Haki Benita", "Rowan
    Manning" (personal blogs named after their authors) but not "BBC News", "eHow", "The Verge"."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    if words[0].lower() == "the":
        return False  # "The Verge": no one's name
    return not {w.lower() for w in words} & name_rules.ORGANISATION_WORDS


def _name_shaped(name: str) -> bool:
    """Every word capitalised, bar particles ("de", "van") and words with a capital inside ("McKay",
    "eHow"): "Monday the market had fallen" (a sentence opening "By Monday ...") is not a name.
    Scripts without case (Chinese, Thai...) and lower-case words outside ASCII pass."""
    for word in name.replace("-", " ").split():
        core = word.strip("().,'\"")
        if not core or not core[0].isalpha() or not core.isascii():
            continue
        if (
            core[0].islower()
            and core.lower() not in name_rules.NAME_PARTICLES
            and core == core.lower()
        ):
            return False
    return True


def is_person_name(
    name: str,
    *,
    site: str | None = None,
    host: str | None = None,
    strict: bool = False,
    feed: bool = False,
    plain: bool = False,
) -> bool:
    """True when `name` can be a person's (or an agency's) name: not a URL, e-mail, date, CMS
    default ("Admin", "Staff"), relative time ("3 hours ago"), licence line, a desk ("Jerusalem
    Post Staff"), or the site's own name (its `site` name unless that looks like a person's, its
    `host`'s name).

    `strict` (text found in the page): also every word capitalised and, in Latin script, at
    least two words, so a sentence or a heading that happens to start with "By" is not taken for
    a name. `feed` (a feed's author field, the publisher's own choice): a handle ("kumabook",
    "L2inc", "/u/llogiq") and a desk ("Guardian sport") are credits as written. `plain` (a
    feed's field that is plain text by definition, JSON Feed's `name`): `<`, `\\` and
    a first character that is not a letter ("*Star* Author") are the name's as written, not
    signs of markup or a template's leftovers (walk84 N3).
    """
    if (
        not name
        or len(name) > name_rules.MAX_NAME_CHARS
        or len(name.split()) > name_rules.MAX_NAME_WORDS
    ):
        return False
    if name_rules.REDDIT_USER.match(name):
        return feed
    # A feed's name may open with a Markdown emphasis mark ("*NSYNC Fan", "_Under_ Score"): the
    # publisher's text, credited as written as "Kay *Lee*" is (walk162 #1); a page's may not.
    lead = plain or (feed and name[0] in "*_")
    if not name[0].isalpha() and not (lead and any(ch.isalpha() for ch in name)):
        return False
    # (a bracket inside a plain name stays a sign of debris: "pwned]52" of an escape sequence)
    marks = ("@", "/", "://", "www.", "=", "{", "[", "]") + (() if plain else ("<", "\\"))
    if any(mark in name for mark in marks):
        return False
    lowered = name.lower()
    if (
        lowered in name_rules.REJECTED_AUTHORS
        or lowered.removeprefix("the ") in name_rules.REJECTED_AUTHORS
    ):
        return False  # "Staff", "The Editorial Board", "The Staff"
    if only_role(name):
        return False  # "Senior Editor", "CEO": a job title, no one's name (fixhk)
    if paid_label(name) or name_rules.NO_ONE_CREDIT.match(name):
        return False  # "Sponsored Content", "No author", "wpadmin", "jane.doe" (walk158 #5)
    if name_rules.COLLECTIVE_LABEL.match(name):
        return False  # "Contributors to Wikimedia projects": a label, no one's name
    tokens = _WORD.findall(name)
    digits = any(ch.isdigit() for ch in name)
    if digits and not feed:
        return False
    if any(t.isdigit() and len(t) > 2 for t in tokens):
        return False  # a year, a time, a count: "Posted 2019", "1200 words"
    if any(t.lower() in name_rules.REJECTED_AUTHOR_WORDS for t in tokens):
        return False
    if any(
        t in name_rules.FURNITURE_WORDS or (digits and t.lower() in name_rules.FURNITURE_WORDS)
        for t in tokens
    ):
        return False  # "5 min read", "share"; "Juli Min" keeps its capital
    months = [t for t in tokens if t.lower() in name_rules.MONTH_WORDS]
    if months and (digits or len(months) == len(tokens)):
        return False
    if any(t.lower() in name_rules.NOT_NAME_WORDS for t in tokens):
        return False
    # an agency as it spells itself ("dpa", walk196 #1: "Von dpa" credited no one)
    agency = lowered in name_rules.NEWS_AGENCIES or organisation_acronym(name)
    lower_case = name.isascii() and not any(w[:1].isupper() for w in name.split())
    if lower_case and not agency and (not feed or len(name.split()) > 1 or len(name) < 3):
        return False  # "the way": a name has a capital somewhere, bar a feed's handle ("tobi")
    if (
        strict
        and not agency
        and (not _name_shaped(name) or (name.isascii() and len(name.split()) < 2))
    ):
        return False  # one word; a news agency ("By Reuters", "By AFP") wrote it (walk193 #8)
    if len(tokens) > 1 and tokens[-1].lower() in name_rules.STAFF_WORDS:
        return False  # "Zeta Post Staff": the publication's staff, the publication itself
    if byline_rules.COMPANY_SUFFIX.search(name):
        return False  # "Acme Research Inc." (walk118 #2): a company's, in a feed too
    if len(tokens) > 1 and _firm_named(tokens):
        return False  # "Zendo Marketing", "Acme Research" (walk112 #1): a firm's, in a feed too
    if name_rules.ORGANISATION_LEAD.match(name):
        return False  # "Organization for Transformative Works" (walk139 #8), in a feed too
    if _department_desk(tokens) or desk_label(name):
        return False  # "Marketing Team", "Post Staff Report" (walk158 #3, #5), in a feed too
    if function_byline(name, None if feed else site, None if feed else host):
        return False  # "Customer Support", a page's "Zendesk Support" (walk203 #1)
    if feed:
        return True  # a team in a feed ("Team Ghost") is its publisher's credit (`credited`)
    if len(tokens) > 1 and tokens[0].lower() in name_rules.TEAM_FIRST_WORDS:
        return False  # "Team Zendo" (walk112 #2): a team, as "The Zendo Team" is, no one
    if tokens[-1].lower() in name_rules.DESK_WORDS:
        return False  # "Jerusalem Post Staff", "News Nation Bureau": the publication itself
    if _organisation_named(name):
        return False  # "Acme Research and Insights Group": an organisation's, no one's
    if site:
        # The site's name, or its name before a tagline ("LinkNaija | Nigeria's popular news
        # platform"), or its name and its edition's ("Quay Notes Podcast", walk196 #3: it looks
        # like a person's name): the publication, not its author.
        head = _SITE_TAGLINE.split(site, maxsplit=1)[0]
        if _site_edition(name, head) or (
            not looks_personal(name) and (same_name(name, site) or same_name(name, head))
        ):
            return False
    if host:
        label = host.lower().removeprefix("www.").split(".")[0]
        if label and name_key(name) == label:
            return False
    return True
