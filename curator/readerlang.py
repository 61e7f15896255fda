"""What a reader's software needs to read an article in its language and direction: a language
told by an article's letters when neither its page nor its feed says it, and right-to-left text
isolated in the plain-text editions (walk159, an accessibility walk). Pure."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from curator.models import Issue
from curator.urls import url_key

#: Unicode bidirectional classes of right-to-left letters (Hebrew "R", Arabic "AL").
_RTL_CLASSES = frozenset({"R", "AL"})
#: FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (Unicode's bidi algorithm, UAX #9 2.7): what
#: they hold is laid out in its own direction, and the line around it in its own.
FSI, PDI = "\u2068", "\u2069"

#: A script (the first word of its letters' Unicode names) and the language and direction it
#: decides alone: Hebrew letters are Hebrew (Yiddish writes them too, rarely in a feed), kana is
#: Japanese, Hangul Korean, Thai Thai, Greek Greek; Arabic letters are Arabic, Persian or Urdu,
#: so only their direction is told; Chinese characters without kana are Chinese (Japanese writes
#: kana in every sentence). Any other script not the newsletter's: `dir="auto"` alone.
SCRIPT_LANGUAGES: dict[str, tuple[str, str]] = {
    "HEBREW": ("he", "rtl"),
    "ARABIC": ("", "rtl"),
    "HIRAGANA": ("ja", ""),
    "KATAKANA": ("ja", ""),
    "HANGUL": ("ko", ""),
    "THAI": ("th", ""),
    "GREEK": ("el", ""),
    "CJK": ("zh", ""),
}
#: The script of a newsletter's language (its primary subtag); any other is written in Latin.
_LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    "he": frozenset({"HEBREW"}),
    "yi": frozenset({"HEBREW"}),
    "ar": frozenset({"ARABIC"}),
    "fa": frozenset({"ARABIC"}),
    "ur": frozenset({"ARABIC"}),
    "ja": frozenset({"HIRAGANA", "KATAKANA", "CJK"}),
    "zh": frozenset({"CJK"}),
    "ko": frozenset({"HANGUL", "CJK"}),
    "th": frozenset({"THAI"}),
    "el": frozenset({"GREEK"}),
    "ru": frozenset({"CYRILLIC"}),
    "uk": frozenset({"CYRILLIC"}),
    "bg": frozenset({"CYRILLIC"}),
    "sr": frozenset({"CYRILLIC"}),
    "hi": frozenset({"DEVANAGARI"}),
    "mr": frozenset({"DEVANAGARI"}),
    "ne": frozenset({"DEVANAGARI"}),
    "be": frozenset({"CYRILLIC"}),
    "mk": frozenset({"CYRILLIC"}),
    "kk": frozenset({"CYRILLIC"}),
    "ky": frozenset({"CYRILLIC"}),
    "mn": frozenset({"CYRILLIC", "MONGOLIAN"}),
    "tg": frozenset({"CYRILLIC"}),
    "uz": frozenset({"LATIN", "CYRILLIC"}),
    "az": frozenset({"LATIN", "CYRILLIC"}),
    "bs": frozenset({"LATIN", "CYRILLIC"}),
    "ps": frozenset({"ARABIC"}),
    "ckb": frozenset({"ARABIC"}),
    "sd": frozenset({"ARABIC"}),
    "ug": frozenset({"ARABIC"}),
    "hy": frozenset({"ARMENIAN"}),
    "ka": frozenset({"GEORGIAN"}),
    "bn": frozenset({"BENGALI"}),
    "pa": frozenset({"GURMUKHI", "ARABIC"}),
    "gu": frozenset({"GUJARATI"}),
    "ta": frozenset({"TAMIL"}),
    "te": frozenset({"TELUGU"}),
    "kn": frozenset({"KANNADA"}),
    "ml": frozenset({"MALAYALAM"}),
    "si": frozenset({"SINHALA"}),
    "km": frozenset({"KHMER"}),
    "lo": frozenset({"LAO"}),
    "my": frozenset({"MYANMAR"}),
    "am": frozenset({"ETHIOPIC"}),
    "dv": frozenset({"THAANA"}),
    "bo": frozenset({"TIBETAN"}),
    "yue": frozenset({"CJK"}),
}
#: A language tag's script subtag ("sr-Latn", "pa-Arab", "zh-Hant") and the scripts it names.
_SCRIPT_SUBTAGS: dict[str, frozenset[str]] = {
    "latn": frozenset({"LATIN"}),
    "cyrl": frozenset({"CYRILLIC"}),
    "arab": frozenset({"ARABIC"}),
    "hebr": frozenset({"HEBREW"}),
    "grek": frozenset({"GREEK"}),
    "hans": frozenset({"CJK"}),
    "hant": frozenset({"CJK"}),
    "jpan": frozenset({"HIRAGANA", "KATAKANA", "CJK"}),
    "kore": frozenset({"HANGUL", "CJK"}),
    "deva": frozenset({"DEVANAGARI"}),
}
#: How the run names a script a feed's language is not written in (else "Cyrillic script" ...).
_SCRIPT_SAID = {"HIRAGANA": "Japanese", "HANGUL": "Korean", "CJK": "Chinese characters"}


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (Hebrew, Arabic ...)."""
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text or "")


def isolated(text: str) -> str:
    """`text` between FSI and PDI when it holds a right-to-left letter, else as it is: in a line
    of the text or Markdown edition, "سارة حسن || Global CX Review" then reads author first in
    any viewer (walk159 #3: one taking the line's direction from its first strong letter showed
    "Global CX Review || حسن سارة"), and an English credit stays byte for byte as it was."""
    return f"{FSI}{text}{PDI}" if has_rtl(text) else text


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ", 1)[0]


def letters_script(text: str) -> str:
    """The script most of `text`'s letters are in ("LATIN", "HEBREW", "CJK" ...); "" for none.
    Kana beside Chinese characters is Japanese ("HIRAGANA"), whichever is commoner."""
    counts = Counter(_script(ch) for ch in text or "" if ch.isalpha())
    if not counts:
        return ""
    if counts["HIRAGANA"] or counts["KATAKANA"]:
        return "HIRAGANA"
    script, n = counts.most_common(1)[0]
    return script if n * 2 > counts.total() else ""


def primary(language: str) -> str:
    """A language tag's primary subtag, lower case ("en-US" is "en")."""
    return language.strip().lower().replace("_", "-").split("-", 1)[0]


def language_scripts(language: str) -> frozenset[str]:
    """The scripts a text in `language` is written in (`_LANGUAGE_SCRIPTS`, else Latin)."""
    return _LANGUAGE_SCRIPTS.get(primary(language), frozenset({"LATIN"}))


def script_against(language: str, text: str) -> str:
    """The script most of `text`'s letters are in, as the run names it ("Japanese", "Arabic
    script"), when it is not Latin and `language` (a feed's, "en") is not written in it: the
    feed's language is then no article's whose page says none (walk188 #4: a Japanese article
    of a feed saying `<language>en</language>` was marked English, and read so by screen
    readers). "" when the letters agree with it, are Latin (a language written in Latin letters
    may be any), are mixed with none the most, or `language` names a script curator does not
    know ("mn-Mong")."""
    letters = [ch for ch in (text or "")[:2000] if ch.isalpha()]
    counts = Counter(_script(ch) for ch in letters)
    if not counts:
        return ""
    kana = counts["HIRAGANA"] + counts["KATAKANA"]
    if kana * 10 >= counts.total():  # Japanese: kana and kanji (Chinese characters), one script
        counts["HIRAGANA"] = kana + counts.pop("CJK", 0) + counts.pop("KATAKANA", 0)
    script, n = counts.most_common(1)[0]
    if n * 2 <= counts.total() or script == "LATIN":
        return ""
    subtags = [t for t in language.strip().lower().replace("_", "-").split("-")[1:] if len(t) == 4]
    if subtags and subtags[0] not in _SCRIPT_SUBTAGS:
        return ""  # a script subtag curator does not know: the feed's word stands
    written = _SCRIPT_SUBTAGS[subtags[0]] if subtags else language_scripts(language)
    return "" if script in written else _SCRIPT_SAID.get(script, f"{script.title()} script")


def guessed_language(text: str, newsletter: str) -> tuple[str, str]:
    """(language, direction) an article's `text` (its title and blurb) tells by its letters when
    neither its page nor its feed says its language: ("he", "rtl"), ("", "rtl") for Arabic
    letters, ("zh", ""), ("", "auto") for another script than the newsletter's that tells no
    language alone (Cyrillic, Devanagari ...); ("", "") when it is in the newsletter's script."""
    script = letters_script(text)
    if not script or script in language_scripts(newsletter):
        return "", ""
    return SCRIPT_LANGUAGES.get(script, ("", "auto"))


def latin_only(text: str) -> bool:
    """Whether every letter of `text` is a Latin one (and it has one): a name such as "Global CX
    Review" or "Müller"."""
    letters = [ch for ch in text or "" if ch.isalpha()]
    return bool(letters) and all(_script(ch) == "LATIN" for ch in letters)


# -- what the editor is told of them ---------------------------------------------------------------

#: Link words that say nothing of where a link goes once read out of their sentence, as a screen
#: reader's list of links reads them (WCAG 2.4.4, "Link Purpose"): walk159 #5.
VAGUE_LINK_WORDS = frozenset(
    {"here", "click here", "read more", "more", "link", "this", "this link", "learn more"}
)


def _links(markdown: str) -> list[tuple[str, str]]:
    """(words, address) of each link of the editor's published Markdown, in order."""
    from curator.markdowntext import markdown_tokens

    found: list[tuple[str, str]] = []
    for token in markdown_tokens(markdown):
        children = token.children or []
        for index, child in enumerate(children):
            if child.type != "link_open":
                continue
            words = []
            for inner in children[index + 1 :]:
                if inner.type == "link_close":
                    break
                words.append(inner.content)
            found.append((" ".join("".join(words).split()), str(child.attrGet("href") or "")))
    return found


def _places(addresses: list[str]) -> list[str]:
    """The places `addresses` go to, each as first written: two addresses of one page (`url_key`:
    a last "/", a default port, a host's capitals, a `#fragment`, http or https) are one place
    (walk163 N12: `https://x.example/b` and `https://x.example/b/` were said to be two)."""
    first: dict[str, str] = {}
    for address in addresses:
        first.setdefault(url_key(address), address)
    return list(first.values())


def link_text_warnings(issue: Issue, where: str) -> list[str]:
    """A warning per link text of the issue that goes to two places (two featured articles of
    the same title, two "click here" of the introduction, closing line or the draft's blurbs,
    across them too), and per link of these whose words say nothing out of their sentence ("here",
    "read more"; a blurb's too, walk197 #2): a screen reader's
    list of links, and a reader scanning the page, cannot tell where each goes (walk159 #5).
    `where` says where the editor corrects them ("the draft", "issue-1.json")."""
    from curator.markdowntext import published_markdown

    warnings: list[str] = []
    titles: dict[str, list[str]] = {}
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            if art.url:
                titles.setdefault(" ".join(art.title.split()).casefold(), []).append(art.url)
    for entry_title, urls in titles.items():
        addresses = _places(urls)
        if len(addresses) > 1:
            shown = next(
                e.article.title
                for s in issue.sections
                for e in s.entries
                if " ".join(e.article.title.split()).casefold() == entry_title
            )
            # (walk192 #5: four were said to be "two")
            count = "two" if len(urls) == 2 else str(len(urls))
            spread = "" if len(addresses) == len(urls) else f"{len(addresses)} "
            which = "one title" if len(addresses) == 2 else "all titles but one"
            warnings.append(
                f'{count} featured articles are titled "{shown}" and link to {spread}different'
                f" places ({' and '.join(addresses)}): a reader, or a screen reader's list of"
                f" links, cannot tell them apart; correct {which} in {where}"
            )
    # (the draft's blurbs too, walk197 #2: `[click here](…)` in a blurb was not said)
    parts = [("the introduction", published_markdown(issue.introduction))]
    parts.append(("the closing line", published_markdown(issue.closing)))
    for section in issue.sections:
        for entry in section.entries:
            if entry.article.blurb_markdown:
                parts.append(
                    (f'the blurb of "{entry.article.title}"', entry.article.blurb_markdown)
                )
    links = [(part, words, href) for part, text in parts for words, href in _links(text)]
    grouped: dict[str, list[tuple[str, str, str]]] = {}
    for link in links:
        grouped.setdefault(link[1].casefold(), []).append(link)
    for words, found in grouped.items():
        distinct = _places([href for _, _, href in found])
        shown = found[0][1]
        in_parts = list(dict.fromkeys(part for part, _, _ in found))
        if len(distinct) > 1:
            said = (
                f"{in_parts[0]} links"
                if len(in_parts) == 1
                else f"{', '.join(in_parts[:-1])} and {in_parts[-1]} link"
            )
            warnings.append(
                f'{said} the words "{shown}" to {len(distinct)} different places'
                f" ({' and '.join(distinct)}): a reader, or a screen reader's list of links,"
                f" cannot tell where each goes; give each link words of its own in {where}"
                ' ("the timetable", "the map")'
            )
        elif words.strip(" .!:") in VAGUE_LINK_WORDS:
            warnings.extend(
                f'{part} links the words "{shown}" to {distinct[0]}: read out of their'
                " sentence (a screen reader's list of links) they say nothing of where it"
                f" goes; link words that say it instead in {where}"
                for part in in_parts
            )
    return warnings


def language_warnings(issue: Issue, newsletter: str, where: str) -> list[str]:
    """A warning per featured article whose page and feed say no language and whose letters are
    in another script than the newsletter's (`guessed_language`), saying what every HTML edition
    marks it with, and where to write its language (walk159 #2: Chinese, Persian and Hebrew were
    published inside `lang="en"`, silently)."""
    warnings = []
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            if art.language:
                continue
            language, direction = guessed_language(f"{art.title} {art.blurb}", newsletter)
            if not (language or direction):
                continue
            marked = f'lang="{language}"' if language else f'dir="{direction}"'
            if direction == "auto":
                told = "so that browsers lay it out in its own direction; no language is set,"
                told += " and screen readers read it in the newsletter's voice"
            elif language:
                told = "as its letters tell"
            else:
                told = "as its letters are Arabic (Arabic, Persian or Urdu: no language is set)"
            warnings.append(
                # (its feed may say one its letters are not written in: not taken, walk188 #4)
                f'"{art.title}" ({art.url}): neither its page nor its feed says a language its'
                f" letters are written in, and they are not your newsletter's: every HTML edition"
                f" marks it {marked}, {told}; to give its language, write it as the article's"
                f' "language" ("zh-Hant", "fa", "ru") in {where}'
            )
    return warnings


def empty_link_warnings(issue: Issue, where: str, *, rewritten: bool = False) -> list[str]:
    """A warning per link with no words in the issue's introduction or closing line (`curator
    render` of a corrected issue-N.json said none, walk159 #1), as the build says them: the link
    as the editor wrote it, and, when render wrote `where` again (`rewritten`), what it holds now
    in its place, the link as published (walk163 N11: the link quoted was no longer there)."""
    from curator.markdowntext_unshown import (
        empty_link_advice,
        escaped_words,
        unshown_markdown,
    )

    warnings = []
    for part, text in (("introduction", issue.introduction), ("closing", issue.closing)):
        for piece in unshown_markdown(text or "", code_blocks=True)[1]:
            if piece.kind != "empty link":
                continue
            fix_in = where
            if rewritten:
                fix_in += (
                    f" in place of [{escaped_words(piece.alt)}]({piece.address}), which it holds"
                    " now, as published"
                )
            warnings.append(
                f"the {part} in {where}, line {piece.line}: {empty_link_advice(piece, fix_in)}"
            )
    return warnings


def _as_words(text: str) -> str:
    """`text` with its spacing evened out, and no space after a `<` (the text edition writes a tag
    kept as a word with one, `< details>`: its words are all there)."""
    return re.sub(r"<\s+", "<", " ".join(text.split()))


#: A tag as the text edition may leave it out, its words (the text between tags) kept.
_TAG = re.compile(r"<[^<>]*>")


def text_edition_warnings(issue: Issue, where: str) -> list[str]:
    """A warning per featured article's title, credit or plain blurb that the text edition
    publishes with words left out (a feed's text holding `<script>...</script>`, shown as text in
    the other editions: `texttags.text_edition` leaves it out, with its code, so that pasted into
    a page it runs nothing), saying how it reads there and where to give it other words (walk197
    #5: a JSON Feed's title "... & the <script>alert(1)</script> journey" was "... & the
    journey" in issue-2.txt, unsaid). A tag left out with every word around it kept
    (`<b onclick="x()">all</b>` read "all") is no word lost: said once by the correction's own
    "holds the HTML" warning, not at every render."""
    from curator.texttags import text_edition

    warnings = []
    for section in issue.sections:
        for entry in section.entries:
            art = entry.article
            fields = [("title", art.title), ("publication", art.publication)]
            fields += [("authors", author) for author in art.authors]
            if art.blurb_markdown is None:  # (a draft's Markdown blurb: the draft's checks say it)
                fields.append(("blurb", art.blurb))
            for field, text in fields:
                shown = text_edition(text or "")
                if _as_words(shown) in (
                    _as_words(text or ""),
                    _as_words(_TAG.sub(" ", text or "")),
                ):
                    continue  # (every word there: at most a tag's own markup left out)
                warnings.append(
                    f'"{art.title}" ({art.url}): its {field.removesuffix("s")} reads'
                    f' "{" ".join(shown.split())}" in issue-{issue.number}.txt, where the other'
                    " editions show it as text: the text edition leaves out a <script> or"
                    " <style> with its code, and a tag that runs, loads or embeds something or"
                    " has an attribute, so that pasted into a page it runs nothing (README,"
                    f' `issue-<N>.txt`); to publish other words, correct its "{field}" in {where}'
                )
    return warnings
