"""Which language a text in Latin letters is written in, told by its commonest function words
(walk191 #4: a French feed saying `<language>en-US</language>`, WordPress's default, had its French
articles published as `lang="en-US"`), and the warning of an issue whose articles are mostly in
another language than the newsletter's (walk191 #1: a French newsletter without `language:` was
published as English, unsaid). Another script than Latin is `readerlang`'s. Pure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from curator.config import Config
from curator.models import Issue
from curator.readerlang import guessed_language, primary


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: A few of the commonest function words of each language curator tells apart in Latin letters,
#: each of one language only among these seven ("de", "la", "en", "die", "que", "il", "is" are
#: in two or more, so none has them), nor common in Danish, Norwegian or Swedish ("den", "om",
#: "kan"): a small count of them is enough to tell a paragraph's language, with no dependency
#: (a language model or a dictionary) to install.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and of to that with for this are you your have from not but they their by which"
        " can what how when why who its our has been more about into than it were would should"
        " there these those"
    ),
    "fr": _words(
        "les et est une dans pour qui sur pas par au aux avec ce cette ces sont leur leurs nous"
        " vous elle ils sa être été était ont aussi comme tout plus ses notre votre peut fait"
        " sans très où ainsi lorsque chaque quand qu"
    ),
    "de": _words(
        "der und das ist nicht mit sich auf ein eine einen einem einer eines zu von für"
        " auch wird werden sind oder aber bei nach noch nur im zum zur dass kann sie wir ihre"
        " ihr über wenn durch vom beim diese dieser mehr schon immer nichts ohne um"
    ),
    "es": _words(
        "el los las y más pero sus muy también hay cuando donde ya puede cómo qué mismo"
        " unos unas otro usted"
    ),
    "it": _words(
        "di che è della dei delle nel nella alla sono anche più questo questa gli degli perché"
        " molto essere hanno dal dalla sul sulla cui allo agli tra ed loro"
    ),
    "pt": _words(
        "em não uma na nas ao aos é são muito também pelo pela pelos pelas seu isso isto ele"
        " ela eles foi tem têm já num numa você onde até essa esse mas ainda"
    ),
    "nl": _words(
        "het een van niet op dat zijn voor ook aan maar bij nog wordt worden naar deze dit wel"
        " wat uit hebben heeft geen meer zo dan ze zich hoe waar wij jullie onze moet moeten"
    ),
}
#: The languages `_FUNCTION_WORDS` tells, by name, for messages.
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}
_WORD = re.compile(r"[^\W\d_]+")


def words_language(text: str, *, least: int = 3) -> str:
    """The language (`_FUNCTION_WORDS`'s) `text` plainly is by its function words: at least
    `least` of them, one word in sixteen or more (a tenth or more in a paragraph of these
    languages: a few words met in another language's text are not), and three times as many
    as any other language's; "" when it cannot tell (too few, a mix, another language or
    script)."""
    counts: Counter[str] = Counter()
    lowered = (text or "")[:4000].casefold()
    if "lorem ipsum" in lowered:  # (a placeholder's Latin, whose "et" and "est" read as French)
        return ""
    found = _WORD.findall(lowered)
    for word in found:
        for language, words in _FUNCTION_WORDS.items():
            if word in words:
                counts[language] += 1
    if not counts:
        return ""
    (top, n), *rest = counts.most_common(2) + [("", 0)]
    return top if n >= least and n * 16 >= len(found) and n >= 3 * rest[0][1] else ""


def words_against(declared: str, text: str) -> str:
    """The language `text` (an article's title and page: five of its function words at least)
    plainly is when it is not `declared` (its page's `lang=`, else its feed's `<language>`),
    which is one of the languages curator tells by their words: the declared one gives way to
    it (walk191 #4: `<language>en-US</language>` over French articles). "" when the words agree
    with it, cannot tell, or `declared` is a language curator cannot tell by its words (Polish,
    Swedish: its word stands)."""
    if primary(declared) not in _FUNCTION_WORDS:
        return ""
    found = words_language(text, least=5)
    return found if found and found != primary(declared) else ""


def words_over(declared: str, text: str) -> str:
    """The language an article is marked with: `declared` (its page's, else its feed's), unless
    its words plainly are another (`words_against`); when neither declares one, the language its
    words plainly are (five of its function words at least: walk197 #1, a German feed saying
    none had its articles published unmarked inside `lang="en"`), else ""."""
    if not declared:
        return words_language(text, least=5)
    return words_against(declared, text) or declared


def language_named(language: str) -> str:
    """`fr` as "French (`fr`)", a language curator has no name for as "`xx`"."""
    name = LANGUAGE_NAMES.get(primary(language))
    return f"{name} (`{language}`)" if name else f"`{language}`"


def _article_languages(issue: Issue) -> list[str]:
    """The primary language of each featured article that tells one: its own (page's or
    feed's), else its title's and blurb's words."""
    found = []
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            text = f"{art.title}. {art.blurb or ''}"
            language = art.language or words_language(text) or guessed_language(text, "en")[0]
            found.append(primary(language) if language else "")
    return found


def issue_language_warnings(
    issue: Issue,
    language: str,
    given: bool,
    own_text: Iterable[str],
    feeds_file: str,
    then: str,
) -> list[str]:
    """A warning when most of the issue's featured articles are in one language other than the
    newsletter's `language` (`given`: feeds.yaml says it; else it is English by default), with
    how many, whether feeds.yaml's own words (`own_text`: its title, introduction, subjects) are
    in it too, and the fix, `language:` in feeds.yaml and a translated `_words.txt`, with what
    to run after it (`then`) (walk191 #1: a French issue published as English, `lang="en"`,
    "Issue 1, December 7, 2026, edited by", while 11 of its 12 articles were marked French,
    without a word)."""
    found = _article_languages(issue)
    counts = Counter(lang for lang in found if lang)
    own = primary(language)
    if not counts:
        return []
    top, n = counts.most_common(1)[0]
    if top == own or n * 2 <= len(found):
        return []
    own_words = words_language(" ".join(own_text))
    published = (
        language_named(language)
        if given
        else f"English (`en`), the default, as {feeds_file} says no `language:`"
    )
    too = (
        f"; {feeds_file}'s own title, introduction and subjects are in {LANGUAGE_NAMES[top]} too"
        if own_words == top and top in LANGUAGE_NAMES
        else ""
    )
    return [
        f"{n} of the issue's {len(found)} articles are in {language_named(top)}, as their pages,"
        f" feeds or words say, but the newsletter is published as {published}{too}:"
        f' every HTML edition says lang="{language}", the feed of issues'
        f' xml:lang="{language}", and the words curator adds ("Issue 1", "edited by", the date)'
        f" are in {LANGUAGE_NAMES.get(own, 'that language')}. If the newsletter is in"
        f" {LANGUAGE_NAMES.get(top, f'`{top}`')}, write `language: {top}` under `newsletter:` in"
        f" {feeds_file} and translate the words of your templates' _words.txt (docs/templates.md,"
        f' "A newsletter in another language"), then {then}'
    ]


def newsletter_language_warnings(config: Config, issue: Issue, then: str) -> list[str]:
    """`issue_language_warnings` of `config`'s newsletter (its feeds.yaml's own words: its
    title, introduction and subjects)."""
    own = [config.title, config.introduction]
    own += [f"{s.name}. {s.description}" for s in config.subjects]
    return issue_language_warnings(
        issue, config.language, config.language_given, own, str(config.path), then
    )


def words_language_note(feed: str, said: tuple[tuple[str, str, str, str, str], ...]) -> str:
    """What the run says of a feed's new articles whose page or feed declares a language their
    words plainly are not (`FeedReport.words_language`: (link, title, the language declared,
    "page" or "feed", the language taken)): the words' is taken (walk191 #4: a French feed's
    `<language>en-US</language>`, WordPress's default, marked its French articles `en-US`)."""
    n = len(said)
    some = "1 of its new articles declares" if n == 1 else f"{n} of its new articles declare"
    pairs = sorted({(declared, whose, taken) for _, _, declared, whose, taken in said})
    told = "; ".join(
        f"its {whose} says `{declared}`, its words are {language_named(taken)}"
        for declared, whose, taken in pairs
    )
    return (
        f"{feed}: {some} a language {'its' if n == 1 else 'their'} words plainly are not ({told}):"
        f" the words' language is taken, so that every HTML edition marks"
        f" {'it' if n == 1 else 'them'} in it and screen readers read {'it' if n == 1 else 'them'}"
        ' in its voice. To give another, write it as the article\'s "language" in issue-N.json'
        " once an issue features it, then `curator render N`:"
    )
