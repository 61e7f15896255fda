"""Edits in a draft that are one or two letters from what curator found: a mistyped author or
publication (walk178 #2: "Lucy Akns || eHwo" was published without a word and kept for later
issues) and a mistyped newsletter title in the front matter (walk178 #7: "Customer Experiance
Weekly" in the masthead). Each stops `build --draft` before anything is published or stored,
unless written with `(sic)` after it, spelt so on purpose (walk183: a credit typo was published
with a warning after the fact). A real change (another name, another title) differs by more, and
is the editor's, said of by nothing here."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from curator.config import Config
from curator.draftmodel import Draft, DraftEntry, DraftError, stop_for
from curator.models import Article, Scored
from curator.urls import clean_url

#: The most letters (an insertion, a deletion, a change, two neighbours swapped) a mistype is
#: taken to differ by; names shorter than `_SHORTEST` are too short to tell a typo apart.
MOST_LETTERS = 2
_SHORTEST = 4
#: A name of fewer letters than this may differ by one letter only ("eHow", "Wired").
_TWO_FROM = 8
#: An initial and the space after it, before another initial ("j r smith": "jr smith").
_INITIALS = re.compile(r"\b(\w) (?=\w\b)")
#: Double quotes, left out; a curly apostrophe, a straight one.
_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", **dict.fromkeys('"\u201c\u201d\u201e«»', "")}
)


def letters_apart(a: str, b: str) -> int:
    """How many letters `a` and `b` differ by: insertions, deletions, changes and two neighbours
    swapped, each one (the optimal string alignment distance)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


#: A comma before a generation's suffix ("Smith, Jr.", "Doe, II"): a way of writing the name, as
#: README allows, never a mistype.
_SUFFIX_COMMA = re.compile(r",\s*(?=(?:jr|sr|ii|iii|iv)\b)", re.I)


def _plain(text: str) -> str:
    """`text` as compared: spaces, case, accents, quotes and the full stops of initials aside (a
    change of those alone is the editor's style, "Jose" for "José", "EHow" for "eHow", "J Smith"
    or "JR Smith" for "J. Smith" or "J. R. Smith", "O'Brien" for "O’Brien", never a mistype; a
    name in quotes is said by `issuetext`)."""
    text = text.translate(_QUOTES).strip(" '")
    text = _SUFFIX_COMMA.sub(" ", text)  # "Martin Lopez, Jr." is "Martin Lopez Jr." (walk193 #9)
    folded = unicodedata.normalize("NFKD", text).casefold()
    plain = " ".join("".join(c for c in folded if not unicodedata.combining(c)).split("."))
    return _INITIALS.sub(r"\1", " ".join(plain.split()))


def mistyped(wrote: str, found: str) -> int:
    """How many letters `wrote` is from `found` when it reads as a mistype of it (1 or 2: within
    `MOST_LETTERS`, the names long enough to tell), else 0."""
    if " ".join(wrote.split()) == " ".join(found.split()):
        return 0
    a, b = _plain(wrote), _plain(found)
    if a == b or min(len(a), len(b)) < _SHORTEST:
        return 0
    most = MOST_LETTERS if min(len(a), len(b)) >= _TWO_FROM else 1
    apart = letters_apart(a, b)
    return apart if apart <= most else 0


def _letters(n: int) -> str:
    return "one letter" if n == 1 else f"{n} letters"


def _stored(known: Mapping[str, Article | Scored], url: str) -> Article | None:
    found = known.get(url) or known.get(clean_url(url))
    return found.article if isinstance(found, Scored) else found


def _line_of(lines: list[str], entry: DraftEntry, keys: tuple[str, ...], value: str) -> int:
    """The draft's line (1-based) under `entry`'s heading that gives `value` on a `keys:` line;
    the heading's line when none is found."""
    for n in range(entry.line, len(lines)):
        line = lines[n].strip()
        if line.startswith("#"):
            break
        key, _, rest = line.partition(":")
        if key.strip().lower() in keys and value in rest:
            return n + 1
    return entry.line


def _source(article: Article, what: str) -> str:
    """Where the credit curator has came from, in words."""
    if article.credit_corrected_in is not None:
        return f"as you corrected it in issue {article.credit_corrected_in}"
    if what == "publication":
        if article.site_name and article.publication == article.site_name:
            return "as its page names its site"
        return "as its feed (or its feed's `name:`) gives it"
    if article.authors_from.startswith("page"):
        return "as its page gives it"
    if article.authors_from.startswith("feed"):
        return "as its feed gives it"
    return "as curator found it"


def misspelt_credits(
    draft: Draft,
    known: Mapping[str, Article | Scored],
    path: Path,
    checked: Collection[str] | None = None,
    drafted: Mapping[int, str] | None = None,
    drafted_authors: Mapping[int, Sequence[str]] | None = None,
) -> list[DraftError]:
    """A mistake for each `author:` or `publication:` of the draft that is one or two letters
    from the one curator found for its article (`mistyped`), unless written with `(sic)` after
    it: where, what curator found, and the two fixes. It stops the build, as a mistyped title
    does (walk183: published with a warning after the fact, a misspelt name went out in the
    issue, its feed and its email, and a correction meant publishing again)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    mistakes: list[DraftError] = []
    for entry in draft.entries:
        if checked is None:  # (before pages are read: the articles the draft names by title)
            stored = None if entry.url_only else _stored(known, entry.url)
        elif entry.url_only or entry.url not in checked:  # (once read: walk190 #1)
            stored = _stored(known, entry.url)
        else:
            continue
        if stored is None:
            continue
        # (a title as `curator draft` wrote it is no typo of the editor's: one published before)
        ours = (drafted or {}).get(stored.id) if stored.id is not None else None
        n = 0 if entry.title == ours else retyped_title(entry.title, stored)
        if n and entry.title not in entry.as_written:
            mistakes.append(_title_mistake(path, entry, stored.title, n))
        pairs: list[tuple[str, str, tuple[str, ...], str, int]] = []
        theirs = [a for a in stored.authors if a.strip()]
        # (`author:` lines as `curator draft` wrote them are no typo of the editor's either: a
        # feed that fixed the name's spelling since is followed, walk199 #1)
        wrote_ours = (drafted_authors or {}).get(stored.id) if stored.id is not None else None
        if wrote_ours is not None and _spelt(entry.authors) == _spelt(wrote_ours):
            theirs = []
        for wrote in entry.authors:
            if not wrote.strip() or any(_plain(wrote) == _plain(a) for a in theirs):
                continue
            close = [(n, a) for a in theirs if (n := mistyped(wrote, a))]
            if close:
                n, found = min(close)
                pairs.append(("author", wrote, ("author", "authors"), found, n))
        if stored.publication and (n := mistyped(entry.publication, stored.publication)):
            pairs.append(
                ("publication", entry.publication, ("publication",), stored.publication, n)
            )
        for what, wrote, keys, found, n in pairs:
            if wrote in entry.as_written:
                continue
            line = _line_of(lines, entry, keys, wrote)
            typed = lines[line - 1].strip() if 0 < line <= len(lines) else ""
            if typed.partition(":")[0].strip().lower() not in keys:
                typed = f"{keys[0]}: {wrote}"
            marked = typed.replace(wrote, f"{wrote} (sic)", 1)
            mistakes.append(
                DraftError(
                    path,
                    line,
                    f'the {what} "{wrote}" of "{entry.title or entry.url}" is {_letters(n)} from "{found}",'
                    f' {_source(stored, what)}: did you mean "{found}"? Nothing was published:'
                    f' correct the `{typed.partition(":")[0]}:` line, or, if "{wrote}" is'
                    f" spelt so on purpose, write (sic) after it (`{marked}`), then build again",
                )
            )
    return mistakes


def retyped_title(wrote: str, article: Article) -> int:
    """How many letters an article's `## Title` is from its title as curator found it when it
    reads as a mistype of it (walk190 #2: "Verdict delya for Greek sprinters"), else 0: not
    when punctuation, case, accents or a number alone differ, nor when more than `MOST_LETTERS`
    do (a headline rewritten is the editor's), nor when each word the editor put in is a word of
    the article's own text (a misprint of the page's, corrected)."""
    if not wrote.strip():
        return 0
    a, b = _words(wrote), _words(article.title)
    if a == b or not a or [w for w in a if w.isdigit()] != [w for w in b if w.isdigit()]:
        return 0
    n = mistyped(" ".join(a), " ".join(b))
    if not n:
        return 0
    new = set(a) - set(b)
    if article.text and new and new <= set(_words(article.text)):
        return 0
    return n


def _words(text: str) -> list[str]:
    """`text`'s words as compared (`_plain`), their letters and digits alone."""
    return re.findall(r"\w+", _plain(text))


def _title_mistake(path: Path, entry: DraftEntry, found: str, n: int) -> DraftError:
    return DraftError(
        path,
        entry.line,
        f'the title "{entry.title}" is {_letters(n)} from "{found}", as curator found it: did'
        f' you mean "{found}"? Nothing was published: correct the `##` heading, or, if'
        f' "{entry.title}" is spelt so on purpose, write (sic) after it (`## {entry.title}'
        " (sic)`), then build again",
    )


def _spelt(authors: Sequence[str]) -> list[str]:
    """Authors as compared with those a draft was written with (spaces aside)."""
    return [" ".join(a.split()) for a in authors if a.strip()]


def stop_for_typos_once_read(
    draft: Draft,
    known: Mapping[str, Article],
    path: Path,
    checked: Collection[str],
    drafted: Mapping[int, str],
    drafted_authors: Mapping[int, Sequence[str]] | None = None,
) -> None:
    """Stop the build for the `misspelt_credits` (and titles) of the articles whose pages were
    read after `stop_for_typos` (those added by address, whose credit and title curator learns
    then, and those not `checked` before: walk190 #1), before anything is published or stored
    (the build's refusal forgets the pages read, `Store.forget_added_by_address`)."""
    stop_for(path, misspelt_credits(draft, known, path, checked, drafted, drafted_authors))


def mistyped_title(config: Config, draft: Draft, path: Path) -> list[DraftError]:
    """The mistake of a draft whose `title:` is one or two letters from the newsletter's
    (`mistyped`), unless written with `(sic)` after it: the masthead would carry the typo
    (walk178 #7). A title that differs by more is the editor's own for the issue
    (`draftbuild.own_title` says what comes of it)."""
    n = mistyped(draft.title, config.title) if draft.title.strip() else 0
    if not n or draft.title_as_written:
        return []
    return [
        DraftError(
            path,
            draft.lines.get("title", 2),
            f"the draft's title, \"{draft.title}\", is {_letters(n)} from the newsletter's,"
            f' "{config.title}": did you mean "{config.title}"? Nothing was published: correct'
            f" the `title:` line (or set `newsletter: title:` in {config.path} if the newsletter"
            " is renamed; or, if the issue's title is spelt so on purpose, write (sic) after it:"
            f" `title: {draft.title} (sic)`), then build again",
        )
    ]


def stop_for_typos(
    config: Config,
    draft: Draft,
    known: Mapping[str, Article | Scored],
    path: Path,
    drafted: Mapping[int, str] | None = None,
    drafted_authors: Mapping[int, Sequence[str]] | None = None,
) -> None:
    """Stop the build for the draft's `mistyped_title` and `misspelt_credits`, every one said at
    once, before a page is read or anything is stored (`drafted`, `drafted_authors`: the titles
    and authors `curator draft` wrote, no typos of the editor's)."""
    stop_for(
        path,
        mistyped_title(config, draft, path)
        + misspelt_credits(draft, known, path, None, drafted, drafted_authors),
    )
