"""A writer's title before their name, and a team after "and", in the languages besides English
(`extract_rules_languages`): what a credit names beside the person, and no one; a news agency's staff as the agency, and a first name's initials in capitals, and a name written in capitals around a title or a
"Mc" cased as written, and an organisation's acronym as a byline; a name in capitals or in lower
case written as names are (`title_name`, moved from `credits`, fixlq).

Why: "Redakteurin Anna Schmidt" and "Rédacteur en chef Paul Martin" were credited whole, as
"Senior Editor Tomas Berg" no longer is; "Jürgen Groß und das Kundenservice-Team" was one author
and "Élodie Marchand et l’équipe Relation Client" credited the team as a person (walk184 #1, #2).
"""

from __future__ import annotations

import re

from curator import extract_rules_bylines as byline_rules
from curator import extract_rules_languages as languages
from curator import extract_rules_names as name_rules
from curator.textfeatures import COMMON_WORDS, STOP_WORDS, TERM_STOP_WORDS

_NOUNS = frozenset(w for words in languages.ROLE_NOUNS.values() for w in words)
_RANKS = frozenset(w for words in languages.ROLE_RANKS.values() for w in words)
#: The words after a role, each as a list of words, longest first ("en chef" before "chef").
_AFTER = sorted(
    (tuple(p.split()) for words in languages.ROLE_AFTER.values() for p in words),
    key=lambda p: -len(p),
)
_TEAM = frozenset(w for words in languages.TEAM_WORDS.values() for w in words)
_GERMAN_TEAM = tuple(languages.TEAM_WORDS["de"])
_LEADS = tuple(
    sorted(
        {*languages.words_of(languages.ARTICLES), *languages.words_of(languages.OUR_WORDS)},
        key=lambda w: -len(w),
    )
)


def role_lead(words: list[str]) -> int:
    """How many of `words` (a credit's, in order) are a writer's title in another language than
    English before the name: its ranks, its role noun, the words after it ("Leitende Redakteurin",
    "Rédacteur en chef", "Envoyée spéciale"); 0 when they do not open with one."""
    low = [w.lower() for w in words]
    at = 0
    while at < len(low) and low[at] in _RANKS:
        at += 1
    if at >= len(low) or low[at] not in _NOUNS:
        return 0
    at += 1
    for after in _AFTER:
        if tuple(low[at : at + len(after)]) == after:
            return at + len(after)
    return at


#: The small words a job title may hold in lower case ("VP of Marketing at Acme"); any other
#: ("Jane Doe, CEO of Acme, said ...") makes the line a sentence, no byline.
_ROLE_LINE_SMALL = frozenset(["of", "at", "and", "for", "the", "in", "on", "to", "&"])


def english_role(role: str) -> bool:
    """Whether the words after a name's comma are an English job title (`byline_rules.
    ROLE_LINE_TITLES` after its ranks: "Senior Editor", "VP Marketing at Acme"), in capitals but
    for its small words, so that "Tomas Berg, Senior Editor" is a byline (fixhk)."""
    words = [w.lower() for w in re.split(r"[\s&/]+", role) if w]
    at = 0
    while at < len(words) and (words[at] in byline_rules.ROLE_RANKS or words[at] == "co"):
        at += 1
    if at >= len(words) or words[at].removeprefix("co-") not in byline_rules.ROLE_LINE_TITLES:
        return False
    return not any(w.islower() and w not in _ROLE_LINE_SMALL for w in role.split())


#: The most words a role in another language after a name may have ("директор по клиентскому
#: опыту «ТехноМаркета»"): more make the line a sentence.
_ROLE_LINE_WORDS = 8


def foreign_role(role: str) -> bool:
    """Whether the words after a name's comma are a role in a language besides English, written in
    lower case as those languages write it ("главный редактор", "корреспондент", Arabic "محررة":
    `extract_rules_languages.ROLE_NOUNS` after its ranks), so that "Иван Петров, главный редактор"
    under a headline is a byline as "Jane Roe, Senior Editor" is (fixlq #1). A clause after a
    further comma ("директор компании, сказал ...") is a sentence, no role."""
    if re.search(r"[,،;:]", role):
        return False
    words = role.split()
    if not words or len(words) > _ROLE_LINE_WORDS:
        return False
    at = 0
    while at < len(words) and words[at].lower() in _RANKS:
        at += 1
    noun = words[at] if at < len(words) else ""
    return noun.lower() in _NOUNS and noun == noun.lower()  # Arabic has no capitals


def team_credit(part: str) -> bool:
    """Whether a credit's part after "and" is a team, a desk or a newsroom, named with an article
    or "our" before it: "the Customer Care Team", "l’équipe Relation Client", "das
    Kundenservice-Team", "el equipo de Atención al Cliente"."""
    text = part.strip()
    low = text.lower()
    lead = next((a for a in _LEADS if low.startswith(a)), None)
    if lead is None:
        return False
    rest = low[len(lead) :]
    if not lead.endswith(("'", "’")) and not rest[:1].isspace():
        return False  # "Theodore", "Lasse": a word that opens with an article's letters
    words = [w for w in re.split(r"[\s\-–]+", rest) if w]
    return any(w in _TEAM or w.endswith(_GERMAN_TEAM) for w in words)


def agency_staff(piece: str) -> str:
    """The news agency a credit of its staff names ("Reuters Staff", "AFP staff" -> "Reuters",
    "AFP"), else `piece` as it is: an agency that is the only byline is credited as the author,
    as "The Associated Press" is (walk193 #8: "By Reuters Staff" credited no one)."""
    words = piece.split()
    if len(words) < 2 or words[-1].lower() not in name_rules.STAFF_WORDS:
        return piece
    agency = " ".join(words[:-1])
    return agency if agency.lower().removeprefix("the ") in name_rules.NEWS_AGENCIES else piece


def initials_word(word: str) -> bool:
    """A first name in capitals of two letters that no name of two letters is: two consonants
    ("DJ", "TJ", "KC") or a J last ("AJ", "EJ"): a name's initials written without full stops,
    kept in capitals when the name is cased ("AJ Jacobs", walk193 #9: "Aj"; "Al", "Ed", "Bo", "Jo",
    "Ty" are names)."""
    if len(word) != 2 or not word.isupper() or not word.isalpha():
        return False
    return word.endswith("J") or not set(word) & set("AEIOUY")


#: A title before a name, cased as written before a name in capitals ("Dr. JANE DOE").
_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame", "rev"})
#: A "Mc" or "Mac" cased as written at the start of a surname in capitals ("McDONALD").
_MC = re.compile(r"^Ma?c(?=[A-Z]{2})")


#: Words a name in capitals keeps in capitals when re-cased: a country's, a broadcaster's or an
#: agency's acronym ("USA TODAY": "USA Today", never "Usa Today"; fixlg #3).
_ACRONYM_WORDS = frozenset(
    [
        "usa",
        "us",
        "uk",
        "eu",
        "un",
        "nyc",
        "bbc",
        "cnn",
        "nbc",
        "abc",
        "cbs",
        "npr",
        "pbs",
        "espn",
        "hbo",
        "itv",
        "cbc",
        "rte",
        "nhk",
        "msnbc",
        "ap",
        "afp",
        "dpa",
        "upi",
        "aap",
        "anp",
        "efe",
        "ani",
        "pti",
        "ians",
        "tass",
    ]
)


def acronym_word(word: str) -> bool:
    """Whether a word written in capitals is an acronym a re-cased name keeps ("USA", "BBC")."""
    return word.isupper() and word.lower() in _ACRONYM_WORDS


#: The articles a publication's name opens with in French, Spanish and German ("Le Monde", "El
#: País", "Der Spiegel").
_PRESS_ARTICLES = frozenset({"le", "la", "les", "el", "der", "die"})


#: Publications whose name is an article and a word ("Le Monde", "El País"), lower-cased: after
#: "and" in a credit, a publication; another two words opening so may be a person's name ("Le
#: Minh", Lê Minh written without its accent: fixlq #4 lost him as a publication).
_PRESS_TITLES = frozenset(
    p.strip()
    for p in """
    le monde|le figaro|le parisien|le point|le temps|le soir|le devoir|le matin|le journal
    |les echos|la croix|la presse|la libre|la stampa|la repubblica|la nazione|la nación|la nacion
    |la razón|la razon|la tercera|la jornada|la vanguardia|la prensa|la república|la republica
    |el país|el pais|el mundo|el universal|el tiempo|el comercio|el mercurio|el espectador
    |el confidencial|el periódico|el periodico|el diario|el nacional|el heraldo|der spiegel
    |der standard|der tagesspiegel|der bund|der freitag|die zeit|die welt|die presse
    |die tageszeitung|die furche
    """.split("|")  # noqa: SIM905 (a list of names reads better as prose)
)
#: A publication's word as the second of two after an article ("La Gazette", "El Diario", "Die
#: Zeitung"), besides `extract_rules_names.PUBLICATION_NAME_WORDS`' English ones.
_PRESS_WORDS = name_rules.PUBLICATION_NAME_WORDS | frozenset(
    """
    gazette courrier quotidien hebdo diario periódico periodico gaceta tribuna correo heraldo
    noticias zeitung presse nachrichten rundschau kurier gazzetta corriere giornale
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)


def press_title(part: str) -> bool:
    """Whether a credit's part is a publication's name of two words opening with an article ("Le
    Monde", "La Nación", "El País", "Der Spiegel", "Die Zeit"), as "and" joins it to a person
    ("By Jane Roe and Le Monde": fixlg #3 credited "Le Monde" as a person): one curator knows, or
    one whose second word is a publication's ("La Gazette"). Any other is a person's name ("Jane
    Roe and Le Minh", fixlq #4)."""
    words = part.split()
    return (
        len(words) == 2
        and words[0].lower() in _PRESS_ARTICLES
        and words[0][:1].isupper()
        and words[1][:1].isupper()
        and (part.lower() in _PRESS_TITLES or words[1].lower() in _PRESS_WORDS)
    )


def in_capitals(name: str) -> bool:
    """Whether a name is written in capitals, also when a title before it ("Dr. JANE DOE") or
    a surname's "Mc" or "Mac" ("RONALD McDONALD") is cased as written (walk196: both were
    credited in capitals where "JANE DOE" is re-cased "Jane Doe")."""
    words = name.split()
    if len(words) > 2 and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join("-".join(_MC.sub("", p) for p in w.split("-")) for w in words).isupper()


#: Organisations whose acronym is also an English word, credited after "By" all the same.
_WORD_ACRONYMS = frozenset({"who"})
#: Words a byline may write in capitals that name no organisation: English's commonest (curator's
#: word lists) and a byline's own ("By FAR", "By HAND", "By EMAIL", "By STAFF", "By ADMIN"), and
#: a placeholder's ("By TBD").
_NOT_ACRONYMS = (
    STOP_WORDS
    | TERM_STOP_WORDS
    | COMMON_WORDS
    | name_rules.REJECTED_AUTHOR_WORDS
    | name_rules.FURNITURE_WORDS
    | name_rules.NOT_NAME_WORDS
    | name_rules.DESK_WORDS
    | name_rules.STAFF_WORDS
    | name_rules.MONTH_WORDS
    | frozenset(
        [
            "far",
            "hand",
            "law",
            "mail",
            "email",
            "post",
            "design",
            "admin",
            "anon",
            "guest",
            "team",
            "news",
            "wire",
            "none",
            "unknown",
            "me",
            "us",
            "you",
            "we",
            "him",
            "her",
            "them",
            "ok",
            "yes",
            "no",
            # placeholders and formats, no one's credit ("By TBD", "By RSS")
            "tbd",
            "tba",
            "tbc",
            "na",
            "rss",
            "pdf",
            "faq",
        ]
    )
)


def organisation_acronym(name: str) -> bool:
    """Whether a byline's one word is an organisation's acronym: 2 to 6 capitals that are no
    common English word ("NASA", "UNICEF", and "WHO"), credited after "By" as "By Reuters" is
    (walk196: "By NASA" credited no one). "By THE WAY" is two words; "By FAR" is a word."""
    if not (2 <= len(name) <= 6 and name.isascii() and name.isalpha() and name.isupper()):
        return False
    low = name.lower()
    return low in _WORD_ACRONYMS or low not in _NOT_ACRONYMS


def common_words_only(name: str) -> bool:
    """Whether every word of a name in capitals is one of English's commonest (curator's word
    lists): a sentence's words ("By THE WAY"), never re-cased as a name's."""
    words = name.lower().split()
    return bool(words) and all(w.strip(".,") in STOP_WORDS | COMMON_WORDS for w in words)


_LOWER_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’.-][^\W\d_]*)*$")
_ROMAN = frozenset({"ii", "iii", "iv"})
#: Words no lower-case name has: a label's, a sentence's, an organisation's, a desk's, a role's.
_NOT_LOWER_NAME = (
    name_rules.NOT_LOWER_NAME_WORDS
    | name_rules.ORGANISATION_WORDS
    | name_rules.ORGANISATION_HEAD_WORDS
    | name_rules.DESK_WORDS
    | byline_rules.ROLE_NOUNS
    | byline_rules.ROLE_WORDS
    | name_rules.REJECTED_AUTHORS
)


def lower_case_name(name: str) -> bool:
    """Two to four words in lower case that may be a name ("jane roe", "john o'brien", "jan van
    der berg"), not words of a sentence or a label ("the way", "read more", "guest writer")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or name != name.lower() or name == name.upper():
        return False
    pieces = [p for w in words for p in w.split("-")]
    return (
        all(_LOWER_NAME_WORD.match(w) for w in words)
        and not any(p in _NOT_LOWER_NAME for p in pieces)
        and sum(w not in name_rules.NAME_PARTICLES for w in words) >= 2
    )


def title_name(name: str) -> str:
    """A name written in capitals or in lower case, as names are written: each word capitalised,
    also after an apostrophe or a hyphen ("O'Neill-McDonald"), "Mc" before a capital ("Mary
    McCarthy"), particles inside the name in lower case ("Jan van der Berg", "María de la Cruz",
    "Ahmed bin Rashid al-Maktoum"), a numeral in capitals ("John Smith III")."""
    words = name.split()
    out = []
    for at, word in enumerate(words):
        pieces = word.split("-")
        cased = []
        for i, piece in enumerate(pieces):
            low = piece.lower()
            inside = 0 < at < len(words) - 1 or (at > 0 and i < len(pieces) - 1)
            if low in name_rules.CASED_PARTICLES and inside:
                cased.append(low)
            elif at == 0 and len(words) > 1 and initials_word(piece):
                cased.append(piece)  # "AJ JACOBS": AJ Jacobs, never "Aj" (walk193 #9)
            elif acronym_word(piece):
                cased.append(piece)  # "USA TODAY": USA Today, never "Usa" (fixlg #3)
            elif low in _ROMAN and at == len(words) - 1 and at > 0:
                cased.append(low.upper())
            else:
                mac = piece.startswith("Mac") and piece[3:5].isupper()  # "MacLEOD" as written
                piece = low.title()
                if piece.startswith("Mc") and len(piece) > 3 and piece[2].isalpha():
                    piece = "Mc" + piece[2].upper() + piece[3:]
                elif mac:
                    piece = "Mac" + piece[3:].title()
                cased.append(piece)
        out.append("-".join(cased))
    return " ".join(out)
