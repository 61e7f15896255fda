"""Text features for subject scoring (pure): words, stop words, terms and an article's weighted
term counts.

A term is a word's Porter stem (`stemmer`); articles become sparse TF-IDF vectors (`termvectors`)
that the subject scorer compares by cosine and `suggest` clusters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Container, Iterable, Iterator, Mapping, Sequence
from itertools import filterfalse
from typing import cast

from curator.models import Article
from curator.stemmer import STEM_CACHE_MAX, STEMS, stem
from curator.termvectors import Vector
from curator.wordfold import fold
from curator.wordpairs import MARK, SENTENCE_ENDS, count_pairs

#: A word: letters (with inner apostrophes or hyphen-free digits), lower-cased before matching. Pure
#: numbers are dropped (prices, dates and scores say little about a subject and make vectors long).
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

#: Longest word kept: anything longer is a URL fragment, a hash or junk from a page.
MAX_WORD = 30

#: English stop words: the function words of the classic SMART / Lucene lists, plus a few words
#: that fill news and blog prose in every subject alike ("said", "told", "mr", "year", "new", small
#: number words, the wire's "Reuter" sign-off).
STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all almost along already also although always am among an
    and another any anyone anything are aren't around as at away back be became because become
    becomes been before being below between both but by can can't cannot could couldn't did
    didn't do does doesn't doing don't done down during each either else enough etc even ever
    every few for from further get gets getting give given go goes going got had hadn't has
    hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
    how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just least less
    let let's like made make makes many may me might mine more most mostly much must mustn't my
    myself neither never no nor not now of off often on once one only onto or other others
    otherwise ought our ours ourselves out over own per perhaps put quite rather really said
    same say saying says see seem seemed seems several shall shan't she she'd she'll she's
    should shouldn't since so some something sometimes still such than that that's the their
    theirs them themselves then there there's therefore these they they'd they'll they're
    they've this those though through thus to together too told toward towards under until unto
    up upon us use used using very via was wasn't way we we'd we'll we're we've well were
    weren't what what's whatever when when's where where's whereas whether which while who who's
    whom whose why why's will with within without won't would wouldn't yet you you'd you'll
    you're you've your yours yourself yourselves mr mrs ms dr also said says told added
    according yesterday today week weeks year years month months new last first two three four
    five six seven eight nine ten reuter reuters
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)


#: The commonest function words of other languages written in Latin or Cyrillic letters (German,
#: French, Spanish, Portuguese, Italian, Dutch, Polish, Swedish, Danish, Norwegian, Russian,
#: Ukrainian): articles, pronouns, prepositions, conjunctions and auxiliaries, lower-cased as the
#: tokeniser reads them (accented words whole; an elided "c'", "l'", "d'" is taken off the word it
#: precedes, `_unelide`: of the elided forms listed here only "aujourd'hui" occurs). Every article
#: in one of these languages is full of them, so a subject scored on them placed a German bread
#: recipe under "Straßenbahn in Deutschland" for its "die, und, der" (walk88). Left out on purpose:
#: words that are common English content words too (war, man, men, want, door, son, car, plus, art,
#: come, era, par, sea, bin, bare, solo, co, dove, mod; and été, French for
#: summer as well as been).
OTHER_STOP_WORDS: frozenset[str] = frozenset(
    """
    der die das den dem des ein eine einer einem einen eines kein keine keinen und oder aber
    auch nicht nichts ist sind sein seine seiner seinen ihr ihre ihrer ihren wir sie er es ich
    du ihm ihn uns euch mich mir dich dir sich mit von vom zu zum zur im ins auf aus bei nach
    vor noch nur schon sehr wie wenn dass da dann doch ja nein als hatte haben habe wird werden
    wurde wurden kann mehr dies diese dieser dieses diesem diesen jetzt hier ob um bis durch
    gegen ohne unter immer wieder etwas alle alles viel viele wo wer warum welche welcher weil
    denn mal gibt geht hat für über während können könnte müssen muss würde würden wäre hätte
    soll sollen sollte seit sowie bereits jedoch sondern zwischen damit dort beim ihm ihnen
    le la les un une des du de et ou mais est sont pas ne que qui quoi dans sur pour avec ce
    cette ces cet il ils elle elles nous vous je tu on se sa ses leur leurs mon ma mes ton ta
    tes au aux en lui dont donc si ni ainsi chez vers sous avant encore deux comme tout tous
    toute toutes aussi bien fait faire entre ont avoir cela à où être était sont très déjà
    après même là ça selon depuis puis sans sera peu lors dès près également notamment alors
    contre chaque autre autres c'est n'est d'un d'une qu'il qu'ils qu'elle qu'on s'est l'on
    j'ai n'a qu'un qu'une jusqu'à aujourd'hui
    el los las unos unas del al pero es no con por para sin sobre como su sus lo le ya muy
    este esta estos estas ese esa eso esto cuando donde porque hay fue ser han ha yo nos mi
    una uno más también está están eran había será desde hasta según todo todos toda todas
    otro otra otros otras sino mientras tras cada así qué
    il lo gli di della dei delle degli dello alla ai alle nel nella nei per tra fra che non ed
    ma anche sono stato essere hanno questo questa questi quello quella suo sua loro molto tutto
    tutti quando è più già così perché però ancora sempre senza sul sulla sui dal dalla dai
    dalle nell dell all ci si ne stata stati sia ho abbiamo chi quale
    het een en van dat niet op te voor zijn er om ook als aan nog dan wat wel uit naar zo hun
    haar hij zij ze ik je geen meer kan worden wordt werd tot nu moet heeft hebben waren deze
    dit bij met zal zou kunnen wij jullie mijn onze wie waar hoe omdat maar dus toch na tegen
    tussen zonder sinds echter alleen werden zich
    os um uma uns umas do da dos das em na nas ao aos pelo pela seu seus suas ele ela eles
    elas isso isto tem muito mas mais não é são foi estão pelos pelas num numa às após ainda
    onde qual quem pois esse essa aquele aquela ter há têm vai vão
    nie się że jest są jak po od za przez dla oraz ale czy już tak tylko jego jej ich tego tej
    tym który która które którzy którego której być był była było były będzie może można
    bardzo także również przy pod nad przed między jako gdy jeśli ze sobie mu nas tam też aby
    żeby gdzie kiedy więc lub bo ani
    och att det som på är av för med till den har inte om ett de så var jag hon ni sig sitt
    sina från ska skulle eller när efter också bara mot hade vid detta dessa här där vad hur
    alla mycket några andra blir blev varit
    og er af ikke et jeg hun vi fra skal vil når også kun havde ved disse der hvad hvem
    hvordan meget nogle andre bliver været seg etter hadde nå hva mye noen ble vært
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только
    ее её мне было вот от меня еще ещё нет о из ему когда даже ну ли если уже или ни быть был
    него до вас опять уж вам ведь там потом себя ей может они тут где есть надо ней для мы
    тебя их чем была сам чтоб без чего раз тоже себе под будет тогда кто этот того потому
    этого какой ним здесь этом мой тем чтобы нее сейчас были куда можно при об хоть после
    над больше тот через эти нас про всего них какая много эту моя этой перед том им более
    между также это этих который которая которые которых которой котором свой своих своей
    і у з що та як це від але її їх або є була було були буде який яка які вже ще тільки
    після коли де чи
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)

#: The commonest function words of languages written in other scripts: Hindi, Urdu, Arabic,
#: Persian, Hebrew and Bengali (postpositions, pronouns, conjunctions, the verbs "to be" and "to
#: do" as news prose inflects them), as the tokeniser reads them (a vowel sign inside its word,
#: Persian's "می" apart from its verb: the zero-width non-joiner parts them). A Hindi cricket
#: report fitted "Trams and light rail" by "की, ने, के, में, है, कर" after two Hindi tram
#: articles were moved there (walk151 #7): a correction taught Hindi, not trams. Short lists of
#: words no subject is about; content words stay ("शुरू", start; "عام", year, also general).
SCRIPT_STOP_WORDS: frozenset[str] = frozenset(
    """
    का की के को में से पर ने है हैं था थी थे हो होगा होगी होंगे हुआ हुई हुए और या कि जो यह वह ये
    वे इस उस इन उन एक भी तो ही तक लिए साथ बाद कर करने करते करती किया किए गया गई गए रहा रही रहे
    कहा अपने अपनी अपना नहीं कुछ सभी जब तब लेकिन पहले अब द्वारा वाले वाली वाला जा जाएगी जाएगा
    दे दी दिया ली लिया अगले अगला अगली पहली पहला
    کے کی کا میں سے نے کو ہے ہیں اور پر یہ وہ ایک تھا تھی تھے بھی کہ جو لیے گیا گئی
    في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين اللذين أو ثم لا لم لن ما قد كان كانت
    يكون تكون أن إن إنه أنه بين كل بعد قبل حتى عند أي هو هي هم هن نحن أنا أنت أيضا أيضاً غير منذ
    خلال حول لكن بل وقد وفي ومن وعلى وإلى كما إذا فقط وهو وهي التى
    و در به از که این آن را با برای است بود شد شده می نمی یک تا هم بر خود او ما شما آنها اند
    ها کرد کرده کند کنند دارد داشت باید نیز اما یا هر پس اگر چه همه دیگر وی خواهد
    של את על עם זה זו זאת הוא היא הם הן אני אתה אנחנו לא כי אם או גם רק כל כמו אשר היה היתה
    היו יהיה יש אין מה מי לפי בין אחרי לפני עוד כבר אבל עד אל כך כן שם
    এবং ও এই সেই যে এ তার তিনি করে করা হয় হয়েছে ছিল থেকে জন্য সঙ্গে সাথে না কি একটি এক আর
    বা কিন্তু যা তা পর আগে মধ্যে দিয়ে হবে করেন বলে
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)

#: Words of `OTHER_STOP_WORDS` that English articles use as content words, names or
#: abbreviations ("DOS", "OS/2", "DES", "UN", "AI", "MIT", "ESA", "Mir", "med", "dir", "vi", "et
#: al", "El Guerrouj", "Andre"): the scorer keeps them, as dropping them cost the English
#: benchmarks (the computers and science subjects list "dos" and "des"; without the others 20
#: Newsgroups' computers posts were placed 0.4 points less rightly, BBC sport's one article
#: fewer); and English words and acronyms an editor's keywords use ("CES", the customer effort
#: score of the demo's own subjects, was dropped; "NAS", "hat", "van", "till", "Met", "MOT":
#: walk99 #3; "la", "los", "las" stay dropped, French and Spanish articles being full of them);
#: `suggest` still leaves them out of its labels.
_ENGLISH_TOO: frozenset[str] = frozenset(
    """
    dos os des un ton hay han con sin dies el dir ma mi al ed mu po ai su ya ci em vi ho av mon
    sig dat andre mit non med esa mir
    ces nas var hat van ale ska tot till met mot den pod als dan bo num vid hoe
    """.split()  # noqa: SIM905
)

#: Common English words that say nothing of what an article is about, whatever its field: greetings
#: and sign-offs, vague nouns, verbs, adjectives and adverbs of everyday prose, and the reply
#: prefix "Re". Not stop words (the scorer keeps them: SCORER_VERSION's figures stand); only
#: `subjects overlap` leaves them out of the words it offers as keywords (walk129 #4: it offered
#: "hi", "book", "free", "someone", "thing", "keep", "plus", "take", "soon", "feel", "next" as
#: words that tell a subject apart). Hand-picked from the commonest words of English prose;
#: matched against an offered word as the articles write it ("generator" is not "general"), so
#: the inflections an article would write are listed too. Words a field may own ("line", "file",
#: "drive", "board", "point", "price", "power") are left out on purpose.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    hi hello hey dear thanks thank thanked please sorry regards cheers yes yeah ok okay oh re fwd
    someone somebody anybody everybody everyone nobody people person persons guy guys folks
    friend friends
    thing things stuff lot lots kind kinds sort sorts case cases fact facts idea ideas question
    questions answer answers problem problems reason reasons example examples info information
    help advice reply replies post posts posting postings article articles message messages
    book books free list lists listing listed world life home money job jobs side end place
    places part parts number numbers word words time times day days night
    want wants wanted need needs needed needing try tries tried trying know knows knew known
    think thinks thought feel feels felt feeling seem seems seemed look looks looked looking
    find finds found finding keep keeps kept keeping take takes took taken taking give gives gave
    giving bring brings brought call calls called calling come comes came coming tell tells ask
    asks asked asking wonder wondering wondered hope hoped hoping guess mean means meant believe
    remember understand suppose supposed appreciate appreciated apply applied based described
    describe interested interesting write writes wrote written writing read reads reading send
    sent sending happen happens happened start starts started starting appear appears appeared
    mention mentioned note noted
    good better best bad worse worst great nice fine sure certain possible likely probably maybe
    actually basically simply pretty real really right wrong next soon later early late ago
    anyway extra plus different similar various whole full true important easy able unable
    available top none general
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)

#: Single letters that are no term (see NUMBER_DIGITS): English's "a" and "I", and the function
#: words of the languages of `OTHER_STOP_WORDS` ("e", "o", "y", "w", "z", "u": and, or, in, with),
#: which would place a Spanish article under a subject described in Spanish (walk88).
LETTER_STOP_WORDS: frozenset[str] = frozenset({"a", "e", "i", "o", "u", "y", "w", "z"})
#: The words the subject scorer drops before stemming: English stop words, the other
#: languages' function words (`OTHER_STOP_WORDS`, `SCRIPT_STOP_WORDS`) and those letters: a word of
#: them never becomes a term, in an article or a subject.
TERM_STOP_WORDS: frozenset[str] = (
    STOP_WORDS | (OTHER_STOP_WORDS - _ENGLISH_TOO) | SCRIPT_STOP_WORDS | LETTER_STOP_WORDS
)


#: A number is a word when it has NUMBER_DIGITS digits or more: a model or part number ("486",
#: "68040", "040") names a thing as a word does, where a small count ("2", "16") tells nothing of
#: a subject. A version ("3.1", "7.0.1") is one word, its dots read as "v" ("3v1": `_VERSION`),
#: so "Windows 3.1" and "System 7.1" keep what tells them apart. And a single ASCII letter is a
#: word ("X" of "The X Window System", "C"), but for those of `LETTER_STOP_WORDS`. Until
#: SCORER_VERSION 17 numbers and single letters were dropped (15 was exp14's first try, taken out
#: the same day: see NUMBER_MIN_DOCS): on 20 Newsgroups' comp.* set "486", "386", "040" and "X"
#: are what tells PC from Mac hardware and X from graphics (benchmarks/README.md, exp14, exp15).
NUMBER_DIGITS = 3
#: (the dot first: the pattern then looks only at dots, 15x faster than a look-behind first)
_VERSION = re.compile(r"\.(?<=\d\.)(?=\d)")
_NUMBER_TERM = re.compile(r"\d+(?:v\d+)*|[a-z]")


#: ...and such a term counts only when NUMBER_MIN_DOCS articles of the archive the model learns
#: from use it (or a subject's own words have it; else it is dropped from an article's counts,
#: on every path: `shared_numbers` when fitting, `known_numbers` when placing, batchscore's
#: `prepare` for the stored archive). A number of one article alone ("Notes 1001", "Episode
#: 412", in a title that weighs three) is no word of any subject, and as a word the archive has
#: once it took most of the article's tf-idf weight and left it under every subject's bar
#: (test_walk53_left_out: 177 of 198 articles placed nowhere instead of 12, exp14). 3, not 2: a
#: story and its copy share their numbers (test_walk120_copies' featured story lost its place
#: with 2). Same-field mean zero-shot / +20, even | odd ids: 2 articles 0.843 / 0.859 | 0.856 /
#: 0.858, 3 articles 0.844 / 0.860 | 0.853 / 0.861 (benchmarks/README.md, exp15).
NUMBER_MIN_DOCS = 3


def is_number_term(term: str) -> bool:
    """Whether `term` is a number, a version or a single letter (see NUMBER_DIGITS)."""
    return _NUMBER_TERM.fullmatch(term) is not None


def shared_numbers(counts: Sequence[Vector], keep: Collection[str] = ()) -> list[Vector]:
    """`counts` without the number terms fewer than NUMBER_MIN_DOCS of them use (those in `keep`
    stay)."""
    df: dict[str, int] = {}
    for c in counts:
        for t in c:
            if (len(t) == 1 or t[0] <= "9") and is_number_term(t):
                df[t] = df.get(t, 0) + 1
    rare = {t for t, k in df.items() if k < NUMBER_MIN_DOCS and t not in keep}
    if not rare:
        return list(counts)
    return [
        c if rare.isdisjoint(c) else {t: x for t, x in c.items() if t not in rare} for c in counts
    ]


def known_numbers(counts: Vector, *known: Collection[str]) -> Vector:
    """`counts` without the number terms none of `known` has (a model's archive, its subjects'
    words: see NUMBER_MIN_DOCS)."""
    unknown = list(filterfalse(known[0].__contains__, counts)) if known else list(counts)
    drop = [t for t in unknown if is_number_term(t) and not any(t in k for k in known[1:])]
    if not drop:
        return counts
    return {t: x for t, x in counts.items() if t not in drop}


def _word(token: str) -> str | None:
    """A raw token as a word ("mike's" -> "mike"), or None for short numbers, single letters of
    other scripts and junk (a single character of an unspaced script is a word: `UNSPACED`; see
    NUMBER_DIGITS)."""
    if token.endswith("'s"):
        token = token[:-2]
    if len(token) > MAX_WORD:
        return None
    if token.isdigit():
        return token if len(token) >= NUMBER_DIGITS and token.isascii() else None
    if len(token) < 2 and (token.isascii() or not UNSPACED.match(token)):
        return token if "a" <= token <= "z" else None
    return token


#: Every ASCII character that is no letter, digit or apostrophe, as a space (see `_tokens`).
_SEPARATORS = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "'")}
)
#: The same, with a sentence's end as MARK (an article's pairs stop there: `wordpairs`), spaced
#: after (one character for one keeps `str.translate` on its fast path).
_SENTENCE_SEPARATORS = str.maketrans(
    {
        chr(c): MARK if chr(c) in SENTENCE_ENDS else " "
        for c in range(128)
        if not (chr(c).isalnum() or chr(c) == "'")
    }
)
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")


#: A letter or digit of any script but ASCII (a mark inside a word too: Hindi's vowel signs):
#: text without one is read by the ASCII rule alone.
_OTHER_LETTER = re.compile(r"[^\W\x00-\x7f]")
#: A word in any script: letters, digits and the marks that join them (an inner apostrophe as in
#: English), lower-cased before matching.
_ANY_WORD = re.compile(
    r"(?:[^\W_][\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    r"\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    r"\u0981-\u0983\u09bc-\u09d7\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u3099\u309a]*)+"
    r"(?:'[^\W\d_]+)?"
)
#: Scripts written without spaces between words: Han, Hiragana, Katakana, Thai, Lao, Khmer and
#: Myanmar. With no dictionary to find their words, each run of them is read as its overlapping
#: pairs of characters ("宇航员" -> "宇航", "航员"), the usual rule for searching such text: a
#: keyword matches wherever its characters stand in the same order. A character standing alone
#: is a word of its own.
UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3005\u3040-\u30ff\u31f0-\u31ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]+"
)


def _pairs(run: str) -> list[str]:
    """A run of unspaced script as its overlapping pairs of characters (itself when alone)."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def unspaced_words(text: str) -> list[str]:
    """The words the scorer reads in `text`'s runs of unspaced scripts (`UNSPACED`): their pairs
    of characters, and a character standing alone."""
    return [p for m in UNSPACED.finditer(text.lower()) for p in _pairs(m.group())]


def script_words(low: str) -> list[str]:
    """The raw tokens of lower-cased text with letters beyond ASCII: words of every script, and
    unspaced scripts as pairs of characters (`UNSPACED`). ASCII words come out as `_tokens`
    reads them."""
    out: list[str] = []
    for token in _ANY_WORD.findall(low):
        if token.isascii() or not UNSPACED.search(token):
            out.append(token)
            continue
        done = 0
        for m in UNSPACED.finditer(token):
            if m.start() > done:
                out += _ANY_WORD.findall(token, done, m.start())
            out += _pairs(m.group())
            done = m.end()
        if done < len(token):
            out += _ANY_WORD.findall(token, done)
    return out


#: The articles, pronouns and conjunctions French and Italian elide against the next word with an
#: apostrophe ("l’expérience", "d’un", "qu’il", "jusqu’à", "dell’ascolto", "un’auto"). No English
#: word starts so ("o'", "rock 'n' roll" are not among them; "d'Arcy" reads as "arcy").
_ELIDED = frozenset(
    """
    l d j m n s t c qu jusqu lorsqu puisqu quoiqu quelqu presqu
    dell all dall nell sull coll un quest quell nessun buon sant tutt anch
    """.split()  # noqa: SIM905
)


def _unelide(tokens: list[str]) -> list[str]:
    """`tokens` with an elided word before an apostrophe (`_ELIDED`) taken off the word it
    precedes: "l'écoute" is "écoute" (walk180 #4: the keyword "écoute" matched none of an
    article's "l’écoute"). The elided word is a function word, no term; so is what follows it
    when that is one of `OTHER_STOP_WORDS` ("d'un", "j'ai", "l'un": French, not the UN or AI),
    and such a token is dropped. "aujourd'hui" and English words stay as they are: a possessive
    "'s" is no elision ("all's", "AT&T's")."""
    out: list[str] = []
    for token in tokens:
        i = token.find("'")
        if i > 0 and token[:i] in _ELIDED and token[i + 1 :] != "s":
            rest = token[i + 1 :]
            if rest in OTHER_STOP_WORDS:
                continue
            token = rest
        out.append(token)
    return out


def _tokens(text: str, marks: bool = False) -> list[str]:
    """The raw tokens of `text`: what `_WORD` finds in it, lower-cased (and with letters beyond
    ASCII, words of every script: `script_words`), French and Italian elisions taken apart
    (`_unelide`); with `marks`, MARK at each sentence's end (`wordpairs.SENTENCE_ENDS`)."""
    # "ＮＰＳ" is "NPS", "مُؤشر" is "مؤشر" (walk198 #5)
    low = fold(text).lower().replace("\u2019", "'")
    if "\u0307" in low:
        # Turkish "İ" lowers to "i" and a combining dot, which split "İstanbul" into "i" and
        # "stanbul" (walk97 #8): read as the "i" it is.
        low = low.replace("i\u0307", "i")
    # The same tokens as `_WORD.findall(low)`, about twice as fast: a token is a run of ASCII
    # letters and digits, so with every other character a space, the runs are what split()
    # finds. Only a word with an apostrophe ("don't", "o'neill's", "'quoted'") is left to the
    # pattern, word by word (a run cannot span a space either way).
    if "." in low:
        low = _VERSION.sub("v", low)  # "3.1" -> "3v1" (see NUMBER_DIGITS)
    if not low.isascii():
        if _OTHER_LETTER.search(low):
            if marks:
                found = [
                    w for part in _SENTENCE_END.split(low) for w in (*script_words(part), MARK)
                ]
            else:
                found = script_words(low)
            return _unelide(found) if "'" in low else found
        low = low.encode("ascii", "replace").decode("ascii")  # (then "?", a separator)
    if marks:
        spaced = low.translate(_SENTENCE_SEPARATORS).replace(MARK, f" {MARK} ")
    else:
        spaced = low.translate(_SEPARATORS)
    i = spaced.find("'")
    if i < 0:
        return spaced.split()
    out: list[str] = []
    done = 0
    while i >= 0:
        start = spaced.rfind(" ", 0, i) + 1
        end = spaced.find(" ", i)
        if end < 0:
            end = len(spaced)
        out += spaced[done:start].split()
        # (only a token with an apostrophe may be an elision: those found here)
        out += _unelide(_WORD.findall(spaced, start, end))
        done = end
        i = spaced.find("'", end)
    out += spaced[done:].split()
    return out


#: Letters read to tell a text's script, and the share of them a script needs to count as one
#: the text is written in (a Japanese text is kana and Han; a name in Latin letters in a Chinese
#: article is not its script).
SCRIPT_LETTERS = 400
SCRIPT_SHARE = 0.2
#: Scripts by what Unicode names their letters ("CJK UNIFIED IDEOGRAPH-5B87": CJK), as an editor
#: calls them.
_SCRIPT_NAMES = {
    "CJK": "Chinese characters",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
}


def _script(ch: str) -> str:
    if ch.isascii():
        return "Latin"
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first in _SCRIPT_NAMES:
        return _SCRIPT_NAMES[first]
    return f"{first.title()} script" if first else "other"


def scripts(text: str) -> frozenset[str]:
    """The scripts `text` is written in ("Latin", "Arabic script", "Chinese characters",
    "Japanese", "Cyrillic script"...): each that has at least `SCRIPT_SHARE` of its first
    `SCRIPT_LETTERS` letters. Empty for a text without letters."""
    if text.isascii():
        return frozenset({"Latin"}) if any(c.isalpha() for c in text) else frozenset()
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            counts[_script(ch)] += 1
            if counts.total() >= SCRIPT_LETTERS:
                break
    total = counts.total()
    found = {k for k, n in counts.items() if n >= SCRIPT_SHARE * total}
    if "Japanese" in found or "Korean" in found:
        # Japanese is written in kana and Chinese characters (kanji), Korean at times with them
        # (hanja): one language, not two scripts (walk131 #2: a Japanese feed was said, by the
        # hash order of a set, to be "written in Chinese characters").
        found.discard("Chinese characters")
    return frozenset(found)


#: The scripts an article is in that a word with a letter of a script matches (walk151 #6: a
#: keyword 路面電車, Chinese characters alone, is a word of Japanese articles too: Japanese writes
#: its nouns in them, and `scripts` names a Japanese text "Japanese" alone).
_MATCHED_SCRIPTS = {
    "Chinese characters": frozenset({"Chinese characters", "Japanese"}),
    "Japanese": frozenset({"Japanese"}),
    "Korean": frozenset({"Korean"}),
}


def matched_scripts(text: str) -> frozenset[str]:
    """The scripts of the articles `text`'s words can match (of a subject's name, description or
    keyword): `scripts`, and for any Chinese character, kana or Hangul in it at all, the
    languages written with them (`_MATCHED_SCRIPTS`)."""
    found = set(scripts(text))
    if not text.isascii():
        for m in UNSPACED.finditer(text):
            for ch in set(m.group()):
                found |= _MATCHED_SCRIPTS.get(_script(ch), frozenset())
        if _HANGUL.search(text):
            found.add("Korean")
    return frozenset(found)


def words(text: str) -> Iterator[str]:
    """The lower-cased words of `text`, in order, without numbers, single letters and junk."""
    for token in _tokens(text):
        w = _word(token)
        if w is not None:
            yield w


# --- terms: the stems of words (`stemmer.stem`) -----------------------------------------------


#: Raw token -> its term (stem), or "" for a token that is no term (stop word, number...): one
#: look-up per token on the hot path. Bounded like the stem cache. A sentence's end (MARK) is a
#: term of its own here, which an article's counts leave out (see `article_counts`).
_TERMS: dict[str, str] = {MARK: MARK}


#: Stem -> the shortest word seen to produce it ("custom" -> "customer"), the first in alphabetical
#: order among words as short, so what an issue shows does not depend on what was read before.
_READABLE: dict[str, str] = {}


def _term(token: str) -> str:
    w = _word(token)
    t = "" if w is None or w in TERM_STOP_WORDS else stem(w)
    if len(_TERMS) < STEM_CACHE_MAX:
        _TERMS[token] = t
        shown = w or t
        if t and (t not in _READABLE or (len(shown), shown) < (len(_READABLE[t]), _READABLE[t])):
            _READABLE[t] = shown
    return t


def readable(term: str) -> str:
    """A term as a word a reader knows ("custom experi" -> "customer experience")."""
    return " ".join(_READABLE.get(part, part) for part in term.split(" "))


def readable_stem(stem: str) -> str:
    """`readable` of a single stem (no space in it)."""
    return _READABLE.get(stem, stem)


def terms(text: str) -> list[str]:
    """The stems of `text`'s content words, in order (stop words dropped)."""
    return _stems(_tokens(text))


def _stems(tokens: list[str]) -> list[str]:
    found = list(map(_TERMS.get, tokens))
    if None in found:  # words not seen before: stem them once
        found = [t if t is not None else _term(tk) for t, tk in zip(found, tokens, strict=True)]
    return list(filter(None, found))


def surface_forms(texts: Iterable[str], only: Container[str] | None = None) -> dict[str, str]:
    """For each stem (of those in `only`, when given), the word that most often produced it in
    `texts` ("pricing", not "price"), the first seen among words as frequent."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words(text))
    best: dict[str, tuple[int, str]] = {}
    for w, n in counts.items():  # in the order words were first seen
        if w in TERM_STOP_WORDS:
            continue
        s = stem(w)
        if (only is None or s in only) and n > best.get(s, (0, ""))[0]:
            best[s] = (n, w)
    return {s: w for s, (_, w) in best.items()}


def reset_caches() -> None:
    """Forget every word stemmed so far (for benchmarks that time a cold start)."""
    STEMS.clear()
    _TERMS.clear()
    _TERMS[MARK] = MARK
    _READABLE.clear()


# --- articles as weighted term vectors ----------------------------------------------------------

#: Field weights: a title names the subject far more reliably than a sentence deep in the text; a
#: blurb or feed summary is the author's own short statement of it. On the developer splits, a
#: title counted 2 or 5 times moved BBC accuracy by 0.1 point; 5 cost Reuters 0.7 (its titles are
#: upper-case wire slugs), so 3.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
TEXT_WEIGHT = 1.0
#: Only the first this-many characters of the main text are read: the lead says what a piece is
#: about, and a hostile or huge page cannot make scoring slow.
MAX_TEXT_CHARS = 12_000
#: The same bound for a title and a category, and how many categories are read (feeds that tag an
#: entry with hundreds of categories are spam or broken).
MAX_TITLE_CHARS = 1_000
MAX_CATEGORIES = 50


def phrase_key(stems: Sequence[str]) -> str:
    """The term a multi-word keyword counts as ("custom experi")."""
    return " ".join(stems)


def _count_into(
    counts: Vector, toks: list[str], weight: float, phrases: Mapping[str, set[tuple[str, ...]]]
) -> None:
    """Add `toks` (and the phrases among them: first stem -> tails) to `counts`, `weight` each."""
    for t, n in Counter(toks).items():
        counts[t] = counts.get(t, 0.0) + weight * n
    if phrases and not phrases.keys().isdisjoint(toks):
        _add_phrases(counts, toks, weight, phrases)


def _fields(article: Article) -> list[tuple[str, float]]:
    """The parts of an article the scorer reads, each with its weight: title, lead (blurb, feed
    summary and categories), main text."""
    out = [((article.title or "")[:MAX_TITLE_CHARS], TITLE_WEIGHT)]
    lead = " \n ".join(x[:MAX_TEXT_CHARS] for x in (article.blurb, article.summary) if x)
    lead += " \n " + " \n ".join(c[:MAX_TITLE_CHARS] for c in article.categories[:MAX_CATEGORIES])
    if lead.strip():
        out.append((lead, LEAD_WEIGHT))
    if article.text:
        out.append((article.text[:MAX_TEXT_CHARS], TEXT_WEIGHT))
    return out


#: The field weights are whole numbers, so an article's weighted counts are plain counts of its
#: tokens with each field's repeated as many times as it weighs (see `article_counts`).
_WHOLE_WEIGHTS = all(
    w > 0 and float(w).is_integer() for w in (TITLE_WEIGHT, LEAD_WEIGHT, TEXT_WEIGHT)
)


def _add_phrases(
    counts: Vector,
    toks: list[str],
    weight: float,
    phrases: Mapping[str, set[tuple[str, ...]]],
    heads: Iterable[str] | None = None,
) -> None:
    """Add the phrases among `toks` (first stem -> tails) to `counts`, `weight` each; `heads`
    are the phrases' first stems that `toks` has, when known."""
    # (where each phrase's first stem occurs, found by list.index: the same positions, in the
    # same order, as reading every stem)
    at = []
    for head in phrases.keys() & set(toks) if heads is None else heads:
        i = toks.index(head)
        while True:
            at.append(i)
            try:
                i = toks.index(head, i + 1)
            except ValueError:
                break
    at.sort()
    for i in at:
        t = toks[i]
        for tail in phrases[t]:
            if tuple(toks[i + 1 : i + 1 + len(tail)]) == tail:
                key = t + " " + " ".join(tail)
                counts[key] = counts.get(key, 0.0) + weight


#: Hangul, Korean's letters (precomposed syllables).
_HANGUL = re.compile("[\uac00-\ud7a3]")
#: A Korean word of three syllables or more.
_HANGUL_WORD = re.compile("[\uac00-\ud7a3]{3,}")


#: A Turkish case or possessive suffix set off from a proper name by an apostrophe ("İstanbul’da",
#: "İSTANBUL’un", "Talas’a", "Kayseri’nin"): none is an English contraction ('s, 't, 're, 'll, 've,
#: 'd, 'm).
_SUFFIX_AFTER_APOSTROPHE = re.compile(
    r"(?<=\w\w)'(?:[dt][ae](?:n|ki)?|n?[ıiuü]n|y?[ıiuü]|y?[ae]|y?l[ae]|[cç][ae]|l[ıiuü]|"
    r"l[ae]r\w*|[dt][ıiuü]r)$"
)


def _apart(extra: list[str], marks: bool) -> list[str]:
    """Tokens `_article_tokens` adds after a field's own, each after a MARK with `marks` (no pair
    of words is made of them)."""
    return [x for w in extra for x in (MARK, w)] if marks and extra else extra


def _article_tokens(text: str, marks: bool = False) -> list[str]:
    """`_tokens` of an article's field, and after them the beginnings (two syllables or more) of
    its Korean words: Korean joins a particle to the noun it follows (트램의, 트램을, 트램은), so
    a keyword 트램 matches a word it starts. Only an article's words are read so: a keyword's own
    beginnings would match words it does not name (대한 of 대한민국). Other scripts as written.
    A word with a Turkish suffix after an apostrophe counts as its part before it too (walk97
    #8: the keyword "İstanbul" matched neither "İstanbul’da" nor "İSTANBUL’un"). With `marks`,
    MARK at each sentence's end (`_tokens`)."""
    toks = _tokens(text, marks)
    if "'" in text or "\u2019" in text:
        toks += _apart(
            [
                w[: m.start()]
                for w in toks
                if "'" in w and (m := _SUFFIX_AFTER_APOSTROPHE.search(w))
            ],
            marks,
        )
    if text.isascii():
        return toks
    if _PREFIXED.search(text):
        toks += _apart([w for t in toks for w in _without_prefixes(t)], marks)
    if not _HANGUL.search(text):
        return toks
    starts = [w[:i] for w in toks if _HANGUL_WORD.fullmatch(w) for i in range(2, len(w))]
    return toks + _apart(starts, marks)


#: Arabic and Hebrew write the article and one-letter words (and, in, to, from, that, as) as the
#: first letters of the word they go with: "الترام" is "ترام" with "the", "הרכבת" is "רכבת"
#: with "the", "ובירושלים" is "and in Jerusalem" (walk151 #8: the keywords "ترام" and "רכבת"
#: scored 0.000 on articles about just that). An article's word also counts as itself without
#: them, when three letters or more are left (a keyword's own first letters are its word: "מים"
#: is no "ים"). The longest prefix first, one way only.
_PREFIXED = re.compile("[\u0590-\u05ff\u0600-\u06ff]")
_ARABIC_PREFIXES = tuple(
    "وبال وال بال فال كال لل ال و ب ل ف ك".split()  # noqa: SIM905
)
_HEBREW_PREFIXES = tuple(
    "וכש ושה וה וב ול ומ וש וכ שה שב של מה כש כה לה בה ה ב ו ל מ ש כ".split()  # noqa: SIM905
)
_ARABIC_WORD = re.compile("[\u0620-\u06ff]{3,}")
_HEBREW_WORD = re.compile("[\u0591-\u05f4]{3,}")


def _without_prefixes(token: str) -> list[str]:
    """`token` without the prefixes Arabic or Hebrew join to a word (`_PREFIXED`): [] when it
    has none, or too little would be left."""
    if _ARABIC_WORD.fullmatch(token):
        prefixes = _ARABIC_PREFIXES
    elif _HEBREW_WORD.fullmatch(token):
        prefixes = _HEBREW_PREFIXES
    else:
        return []
    for p in prefixes:
        if token.startswith(p) and len(token) - len(p) >= 3:
            return [token[len(p) :]]
    return []


def article_counts(
    article: Article,
    phrases: Mapping[str, set[tuple[str, ...]]],
    pairs: dict[str, float] | None = None,
) -> Vector:
    """Field-weighted term counts of an article; `phrases` (first stem -> tuples of the rest) are
    the multi-word keywords to count as terms of their own. `pairs`, when given, gets the
    article's pairs of adjacent words, field-weighted as its words (`wordpairs`)."""
    marks = pairs is not None
    fields = [(_article_tokens(text, marks), weight) for text, weight in _fields(article)]
    counts: Vector = {}
    if not _WHOLE_WEIGHTS:
        for toks, weight in fields:
            stems = _stems(toks)
            if pairs is not None:
                count_pairs(pairs, stems, weight)
                stems = list(filter(MARK.__ne__, stems))
            _count_into(counts, stems, weight, phrases)
        return counts
    # Placing an article is mostly this. Every token's term counted in one pass in C, a title's
    # tokens repeated TITLE_WEIGHT times (and so on), gives the counts that adding each field's
    # counts times its weight gives, in the same order (where each term first occurs).
    tokens: list[str] = []
    found: Counter[str]
    if pairs is not None:
        # (each field ends a sentence: its repeats make no pairs across their ends)
        for toks, weight in fields:
            tokens += [*toks, MARK] * int(weight)
        seq = _stems(tokens)
        count_pairs(pairs, seq)
        found = Counter(seq)
        del found[MARK]
    else:
        for toks, weight in fields:
            tokens += toks * int(weight)
        looked_up: Counter[str | None] = Counter(map(_TERMS.get, tokens))
        if None in looked_up:  # words not seen before: stem them once
            found = Counter(_stems(tokens))
        else:
            looked_up.pop("", None)  # tokens that are no term
            found = cast("Counter[str]", looked_up)
    if not phrases or phrases.keys().isdisjoint(found):
        return dict(zip(found, map(float, found.values()), strict=True))
    # Each field's phrases follow the terms first seen in it, as field by field.
    terms, totals = list(found), list(map(float, found.values()))
    seen: set[str] = set()
    for toks, weight in fields:
        stems = _stems(toks)
        if marks:
            stems = list(filter(MARK.__ne__, stems))
        in_field = set(stems)
        first = len(seen)
        seen |= in_field
        counts.update(zip(terms[first : len(seen)], totals[first : len(seen)], strict=True))
        heads = phrases.keys() & in_field
        if heads:
            _add_phrases(counts, stems, weight, phrases, heads)
    return counts


def article_terms(
    article: Article, phrases: Mapping[str, set[tuple[str, ...]]]
) -> tuple[Vector, dict[str, str]]:
    """`article_counts` with its pairs among its terms (as a store keeps them: `wordpairs`), and
    for each of its stems the word `readable` would show for it given this article alone (the
    shortest word that produced it, the first alphabetically among words as short), so that a
    store can keep the words of every article it counted."""
    counts: Vector = {}
    pairs: Vector = {}
    shown: dict[str, str] = {}
    for text, weight in _fields(article):
        tokens = _article_tokens(text, marks=True)
        stems = _stems(tokens)
        count_pairs(pairs, stems, weight)
        _count_into(counts, list(filter(MARK.__ne__, stems)), weight, phrases)
        for token in set(tokens):
            t = _TERMS.get(token)
            if t is None:
                t = _term(token)
            if not t or t == MARK:
                continue
            w = _word(token) or t
            old = shown.get(t)
            if old is None or (len(w), w) < (len(old), old):
                shown[t] = w
    counts.update(pairs)
    return counts, shown
