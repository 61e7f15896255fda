"""Articles placed under a subject that use none of its own words (walk194 #1, #2).

A subject added to a newsletter whose other subjects already hold the articles it was meant for
fills with what fit none of them: "Customer surveys", added beside "Measuring the customer
experience" (which kept the survey pieces), took nine off-field stories, tennis, MPs, Stan Lee,
none of which says "survey" or "customer"; it was placed on "teenager" and "history", sure
enough to clear the weak-fit bar. A subject pasted from `subjects suggest` took 144 articles
though the best of its keywords is in 23 of them. Placement is unchanged (no score moves): the
editor is told, by the subject edit's report, `curator themes` (which does not count them toward
an issue, as with keywords-only fits), and the draft or build that features one.

A subject's own words here are the words of its name and its keywords (a keyword of several
words counts whole, as the phrase), or its description's words when it has no keyword: the
description's own words are vaguer ("people", "answer", "design" were in three of the nine).
On walk194's store no article of the five CX subjects (690 placements) used none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from curator.errors import shell_arg
from curator.models import Article, Subject
from curator.termvectors import Vector
from curator.textfeatures import phrase_key, terms

#: A subject of at least COVER_MIN articles of which its most used keyword is in fewer than one
#: in COVER took most of them on other words: said (walk194 #2, the best keyword of a pasted
#: suggestion in 23 of 144; on the same store the five CX subjects' best were in 85-97% of theirs).
COVER = 3
COVER_MIN = 10
#: At most this many of a subject's articles are read (best score first).
LOOKED_AT = 2000
#: How many of the words an article matched are named.
WORDS_NAMED = 3
#: Under a subject the subject edit's report says (`Strays.said`), an article using at most this
#: many of its own words is flagged too (walk196: politics stories under "Customer surveys" that
#: said "poll" and none of its other words were featured unflagged beside those using none).
LONE_OWN = 1

#: The term counts of articles by id (`placing.counts_of` for the subjects' phrases).
Counts = Callable[[Sequence[int]], Mapping[int, Vector]]


def own_keys(subject: Subject) -> frozenset[str]:
    """The subject's own words as terms: its name's and its keywords' (a phrase's key for a
    keyword of several words); its description's too when it has no keyword."""
    keys = set(terms(subject.name)) | keyword_terms(subject).keys()
    if not subject.keywords:
        keys.update(terms(subject.description or ""))
    return frozenset(keys)


def keyword_terms(subject: Subject) -> dict[str, str]:
    """Each of the subject's keywords as a term (a stem, or a phrase's key), with the keyword as
    the editor wrote it (the first written, when two make one term). One word of a keyword phrase
    is not the keyword ("success" of "customer success": walk155 #4). Shared with `keywordfit`
    (which imports this module, through `placing`, so it cannot be the other way round)."""
    out: dict[str, str] = {}
    for keyword in subject.keywords:
        toks = terms(keyword)
        if toks:
            out.setdefault(toks[0] if len(toks) == 1 else phrase_key(toks), keyword)
    return out


def without_own(subject: Subject, counts: Mapping[int, Vector]) -> set[int]:
    """Of the articles counted, those using none of `subject`'s own words (an article with no
    counts is not judged)."""
    keys = own_keys(subject)
    return {i for i, c in counts.items() if c and keys.isdisjoint(c)}


@dataclass(frozen=True)
class Strays:
    """A subject's articles that use none of its own words."""

    subject: str
    #: How many articles curator placed under it (not those the editor moved there).
    placed: int
    #: Those of them using none of its own words, best first, each with the words it matched.
    without: tuple[tuple[Article, tuple[str, ...]], ...]
    #: Its keyword used by the most of `placed`, and by how many (None: it has no keyword).
    keyword: str | None = None
    keyword_uses: int = 0

    @property
    def most(self) -> bool:
        return 2 * len(self.without) > self.placed

    @property
    def thin_keyword(self) -> bool:
        return keyword_in_few(self.placed, None if self.keyword is None else self.keyword_uses)

    @property
    def said(self) -> bool:
        return off_its_words(
            self.placed, len(self.without), None if self.keyword is None else self.keyword_uses
        )

    def text(self) -> str:
        """What the subject edit's report says of the subject."""
        k, n = len(self.without), self.placed
        if k == n:
            said = f"none of the {n} article(s) curator placed under it uses its keywords"
        else:
            said = f"{k} of the {n} article(s) curator placed under it"
            said += f" {'uses' if k == 1 else 'use'} none of its keywords"
        example = ""
        if self.without:
            article, matched = self.without[0]
            words = ", ".join(matched[:WORDS_NAMED])
            on = f", placed on {words}" if words else ""
            example = f" (e.g. “{article.title or article.url}”{on})"
        cover = ""
        if self.thin_keyword:
            cover = (
                f"; its most used keyword, `{self.keyword}`, is in only {self.keyword_uses} of"
                " them: a subject takes every article it fits better than your others, not only"
                " those `subjects suggest` grouped"
            )
        subject = shell_arg(self.subject)
        return (
            f"`{self.subject}`: {said} or its name's words{example}{cover}. If they do not"
            " belong, move one or"
            f" two that do belong to it there (`curator subjects move URL {subject}`) and"
            f" exclude these (`curator subjects list --subject {subject}` lists them);"
            " `curator themes` does not count them toward an issue"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "subject": self.subject,
            "placed": self.placed,
            "without_own_words": [a.url for a, _ in self.without],
            "most_used_keyword": self.keyword,
            "most_used_keyword_articles": self.keyword_uses,
        }


def off_its_words(placed: int, without: int, keyword_uses: int | None) -> bool:
    """Whether the subject edit's report says a subject of `placed` articles, `without` of which
    use none of its own words and its most used keyword is in `keyword_uses` (None: it has no
    keyword): most use none, or its best keyword is in few of them (`COVER`)."""
    return without > 0 and (2 * without > placed or keyword_in_few(placed, keyword_uses))


def keyword_in_few(placed: int, keyword_uses: int | None) -> bool:
    """Whether a subject of `placed` articles (`COVER_MIN` or more) has its most used keyword
    in few of them (`keyword_uses`, None: it has no keyword; `COVER`)."""
    return keyword_uses is not None and placed >= COVER_MIN and COVER * keyword_uses < placed


def on_field(subject: Subject, counted: Sequence[Vector]) -> list[bool]:
    """For each of `subject`'s articles (their term counts), whether it is on the subject's field
    as a draft judges it (`featured_strays`): it uses one of its own words, or more than
    `LONE_OWN` of them when the subject edit's report says the subject (`off_its_words`). Its
    other articles are the off-field picks whose words are none to offer it (walk196: `subjects
    overlap` offered "blair" and "labour" for "Customer surveys")."""
    keys = own_keys(subject)
    used = [len(keys.intersection(c)) for c in counted]
    uses = [sum(1 for c in counted if key in c) for key in keyword_terms(subject)]
    off = off_its_words(len(used), used.count(0), max(uses) if uses else None)
    return [n > (LONE_OWN if off else 0) for n in used]


def strays_of(
    subject: Subject,
    rows: Sequence[tuple[Article, tuple[str, ...]]],
    counts: Mapping[int, Vector],
    moved: Collection[str],
) -> Strays:
    """`Strays` of the articles `rows` placed under `subject` (with the words each matched),
    leaving out those the editor moved there (URLs in `moved`)."""
    mine = [(a, m) for a, m in rows if a.id is not None and a.url not in moved]
    lacking = without_own(subject, {a.id: counts.get(a.id, {}) for a, _ in mine if a.id})
    keyword, uses = None, 0
    for key, written in keyword_terms(subject).items():
        n = sum(1 for a, _ in mine if a.id is not None and key in counts.get(a.id, {}))
        if keyword is None or n > uses:
            keyword, uses = written, n
    return Strays(
        subject.name,
        len(mine),
        tuple((a, m) for a, m in mine if a.id in lacking),
        keyword,
        uses,
    )


def featured_strays(
    subjects: Sequence[Subject],
    entries: Sequence[tuple[Article, str]],
    counts: Counts,
    moved: Collection[str],
    off: Collection[str] = (),
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Of an issue's `entries` (article, its section's subject), those using none of the
    subject's own words (not those the editor moved there), by URL: their subject, and the own
    words they use. Under a subject of `off` (those the subject edit's report says: most of its
    articles use none of its words, or its best keyword is in few of them), those using only
    one of its own words too (`LONE_OWN`), named (walk196: "poll" in a politics story)."""
    by_name = {s.name: s for s in subjects}
    wanted = [(a, by_name[n]) for a, n in entries if n in by_name and a.id is not None]
    wanted = [(a, s) for a, s in wanted if a.url not in moved]
    if not wanted:
        return {}
    found = counts([a.id for a, _ in wanted if a.id is not None])
    out = {}
    for a, s in wanted:
        c = found.get(a.id) if a.id is not None else None
        if not c:
            continue
        keys = own_keys(s)
        used = keys.intersection(c)
        if not used or (s.name in off and len(used) <= LONE_OWN):
            out[a.url] = (s.name, _as_written(s, used))
    return out


def _as_written(subject: Subject, used: Collection[str]) -> tuple[str, ...]:
    """The own words `used` (terms) as the subject writes them: a keyword as the editor wrote it,
    else the term."""
    written = keyword_terms(subject)
    return tuple(sorted(written.get(k, k) for k in used))


def stray_warnings(
    number: int,
    strays: Mapping[str, tuple[str, tuple[str, ...]]],
    entries: Sequence[tuple[Article, tuple[str, ...]]],
    *,
    draft: str | None,
) -> tuple[str, ...]:
    """A warning per article of issue `number` in `strays` (URL: subject, the own words it uses:
    at most one, under a subject most of whose articles use none), with the words it was
    placed on (`entries`: each featured article with the words it matched), even when it clears
    the weak-fit bar (walk194 #1: a tennis story was published under "Customer surveys" unsaid).
    `draft`: the draft being written (None: a build, which published it)."""
    out = []
    for article, matched in entries:
        found = strays.get(article.url)
        if found is None:
            continue
        subject, used = found
        words = ", ".join(matched[:WORDS_NAMED]) or "words of other articles"
        by = "none of its keywords nor its name's"
        if used:
            by = (
                f"none of its keywords nor its name's but `{'`, `'.join(used)}`, under a subject"
                " whose articles mostly came in on other words than its own (as its subject edit"
                " said)"
            )
        todo = (
            f"if it does not belong there, cut it in {draft} and"
            if draft is not None
            else "if it does not belong there,"
        )
        out.append(
            f'issue {number}\'s "{article.title}" ({article.url}) is placed under "{subject}"'
            f" by words that are {by}: {words}; {todo}"
            f" `curator subjects exclude {shell_arg(article.url)}` keeps it out of later issues"
        )
    return tuple(out)
