"""What build and render warn of in an editor's templates folder: words of `_words.txt` missing or
left in English, copies made before a field existed or of an old release, files curator does not
read (moved out of `curator.render`, which had grown past 2,200 lines)."""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path

import jinja2
import jinja2.compiler
import jinja2.meta
import jinja2.nodes
import jinja2.runtime

from curator.models import Issue
from curator.render import date_text, join_names, words_and
from curator.templatecheck import (
    OWN_PREFIX,
    TEMPLATE_REFERENCE,
    WORDS,
    builtin_templates,
    own_words_source,
    word_names,
)

#: How many of the places curator's English "and" joins names are named.
AND_PLACES = 3


def and_joins(
    issues: Sequence[Issue],
    archive: Sequence[tuple[int, Sequence[str]]] = (),
    folder: Path | None = None,
) -> list[str]:
    """Where the `issues` rendered join two names or more with `_words.txt`'s `and_word`: an
    article's authors in its credit, the theme (title, introduction, archive page, feed); and
    the themes of the earlier issues the archive page and feed list (`archive`: number, theme).
    Each quoted as published, with the `list_separator` of the `_words.txt` in `folder` between
    the first names (walk200 #4: "A and B and C" where "A、B and C" was published)."""
    and_word = words_and(folder)
    out = []
    for issue in issues:
        if len(issue.theme) > 1:
            out.append(f"issue {issue.number}'s theme ({join_names(issue.theme, and_word)})")
        for article in issue.articles:
            if len(article.authors) > 1:
                out.append(
                    f"issue {issue.number}'s credit of “{article.title or article.url}”"
                    f" ({join_names(article.authors, and_word)})"
                )
    shown = {i.number for i in issues}
    for number, theme in archive:
        if len(theme) > 1 and number not in shown:
            out.append(f"issue {number}'s theme in the archive page and feed")
    return out


def missing_words(folder: Path | None, joined: Sequence[str] | None = None) -> tuple[str, ...]:
    """A warning naming the words of curator's `_words.txt` that the editor's copy in `folder` lacks
    (a copy made before the word existed, or one deleted): curator's own is published for it.
    `joined` (`and_joins`): where the English "and" joins names in what is rendered; when given,
    a lacking `and_word` is said only when it is published, naming where (walk196: said of
    issues with one author to an article and a theme of one subject)."""
    if folder is None or not (folder / WORDS).is_file():
        return ()
    env = jinja2.Environment()
    try:
        theirs = word_names(env, (folder / WORDS).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
        return ()  # rendering says what is wrong with the file
    own_source = own_words_source()
    own_lines = own_source.splitlines()
    lacking = {n: line for n, line in word_names(env, own_source).items() if n not in theirs}
    if joined is not None and not joined:
        lacking.pop("and_word", None)  # (nothing it would join is published)
    if not lacking:
        return ()
    lines = []
    for line in lacking.values():
        # The whole statement: `months` spans lines.
        end = line - 1
        while end < len(own_lines) - 1 and "%}" not in own_lines[end]:
            end += 1
        lines.append(" ".join(part.strip() for part in own_lines[line - 1 : end + 1]))
    names = ", ".join(f"`{name}`" for name in lacking)
    where = ""
    if joined and "and_word" in lacking:
        more = f" and {len(joined) - AND_PLACES} more" if len(joined) > AND_PLACES else ""
        where = f" (“and” joins names in {'; '.join(joined[:AND_PLACES])}{more})"
    return (
        f"{folder / WORDS}: has no {names}, so curator's English was published for"
        f" {'it' if len(lacking) == 1 else 'them'}{where}; to write"
        f" {'it' if len(lacking) == 1 else 'them'}"
        " in your newsletter's language, add to your _words.txt (and translate the quoted words): "
        + " ".join(lines),
    )


def untranslated_words(
    language: str, folder: Path | None, day: datetime | None = None
) -> tuple[str, ...]:
    """A warning when the newsletter is not in English (`newsletter: language:`) but the fixed
    words of every edition are curator's English ones: no `_words.txt` in the editor's templates
    folder, or an untouched copy (walk55 #3: `lang="ja"` beside "Issue 1 · ... · edited by");
    and one naming the copies of templates that write English words themselves (`own_words`,
    which quotes `day`, the issue's date, as such a copy writes it)."""
    if language.split("-")[0].lower() == "en":
        return ()
    return (
        *_words_file_untranslated(language, folder, day),
        *own_words(language, folder, day),
        *_own_same_story(language, folder),
        *own_colon(language, folder),
    )


def _own_same_story(language: str, folder: Path | None) -> tuple[str, ...]:
    """A warning naming the editor's copies of curator's templates that read `_words.txt` but
    write "Another piece in ... on the same story" in English themselves: copied before it was a
    word of `_words.txt` (walk110 #1: a Japanese newsletter published it in every issue grouping
    copies of one story). (A copy that reads no `_words.txt` is `own_words`'s.)"""
    if folder is None:
        return ()
    older = set(copies_without(folder, WORDS))
    found = []
    for own in sorted(builtin_templates().iterdir()):
        copy = folder / own.name
        if own.name == WORDS or copy in older or not copy.is_file():
            continue
        try:
            text = _JINJA_COMMENT.sub(" ", copy.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if "Another piece" in text:
            found.append(str(copy))
    if not found:
        return ()
    return (
        f"newsletter: language: {language}, but {', '.join(found)}"
        f' write{"s" if len(found) == 1 else ""} "Another piece in ... on the same story" in'
        f" English (copied before it was a word of {WORDS}), so translating {WORDS} changes"
        " nothing there: write `{% call words.another_piece() %}{{ name }}{% endcall %}` in its"
        " place, in a loop `{% for name, url in entry.pieces_in_publication %}` (in issue.md,"
        " `{{ name | md_text }}` inside), as curator's templates do (a copy's loop over"
        " `entry.also_in_publication` takes `{{ entry.publication }}` there, unnumbered), and"
        f" translate `another_piece` in your {WORDS}",
    )


#: A ": " a template copied before `colon` was a word of `_words.txt` writes itself: after the
#: issue's number (`{{ words.issue_number(number) }}{% if theme %}: `, `Issue {{ number }}: `),
#: before the address of another piece on the same story (`{% if url %}: <{{ url }}>`), and
#: issue.md's `": " ~ theme`. The group is what to replace.
_OWN_COLON = re.compile(
    r"(?:(?:issue_number\([^)]*\)|\bnumber)\s*-?}}(?:\s*{%-?[^%]*?-?%})?(?P<text>: ))"
    r"|(?:{%-?\s*if\s+url\s*-?%}(?P<url>: )<)"
    r"|(?P<md>\"\: \"\s*~|': '\s*~)"
)


def own_colon(language: str, folder: Path | None) -> tuple[str, ...]:
    """A warning naming each line of the editor's copies of curator's templates that writes ": "
    itself where curator's templates write `{{ words.colon }}` (copied before `colon` was a word of
    `_words.txt`): walk116 #1, a Japanese newsletter still published "第1号: 顧客体験" after the
    warnings about `_words.txt` were followed, and nothing named those copies."""
    if folder is None or language.split("-")[0].lower() == "en":
        return ()
    found = []
    for own in sorted(builtin_templates().iterdir()):
        copy = folder / own.name
        if own.name == WORDS or not copy.is_file():
            continue
        text = _copy_lines(copy)
        if text is None:
            continue
        for number, line in enumerate(text.split("\n"), start=1):
            for match in _OWN_COLON.finditer(line):
                if match["md"]:
                    fix = f"`words.colon ~` in place of `{match['md'].rstrip(' ~')} ~`"
                else:
                    fix = '`{{ words.colon }}` in place of ": "'
                found.append(f"{copy}:{number} (write {fix})")
    if not found:
        return ()
    return (
        f"newsletter: language: {language}, but these lines of your copies of curator's templates"
        f' write ": " themselves (copied before `colon` was a word of {WORDS}), so your {WORDS}'
        " changes nothing there; write there what curator's templates write now, which publishes"
        f" the `colon` of your {WORDS}: {'; '.join(found)}",
    )


def _copy_lines(copy: Path) -> str | None:
    """An editor's copy of a template with its Jinja comments blanked out, line for line (so that
    a line named is the line in the file); None when it cannot be read as UTF-8 text."""
    try:
        text = copy.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return _JINJA_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


#: A heading tag an editor's copy of `_issue_body.html` or `fragment.html` writes at a fixed level.
_FIXED_H1 = re.compile(r"<h1[\s>]", re.I)


def fragment_headings(folder: Path | None) -> tuple[str, ...]:
    """A warning naming the editor's copies of `fragment.html` and `_issue_body.html` made before
    the fragment's headings started at <h2> (README: the blog post's theme prints its title as the
    post's <h1>): a copy of `_issue_body.html` writing `<h1>` itself, or a `fragment.html` not
    setting `top` (walk116: the fragment still had its own <h1>, and nothing named the copy)."""
    if folder is None:
        return ()
    found = []
    for name in ("_issue_body.html", "fragment.html"):
        copy = folder / name
        if not copy.is_file():
            continue
        text = _copy_lines(copy)
        if text is None:
            continue
        lines = [n for n, line in enumerate(text.split("\n"), start=1) if _FIXED_H1.search(line)]
        if lines and name == "_issue_body.html":
            found.append(
                f"{copy}:{lines[0]} writes <h1> itself, so the fragment (and the feed of issues)"
                " has a second <h1> under the blog post's: write `<h{{ top }}>` for the title"
                " (`{{ top + 1 }}` for a subject's heading, `{{ top + 2 }}` for an article's),"
                " with `{% set top = top if top is defined else 1 %}` before them and"
                " `{{ introduction_html | headings_under(top) }}`, as curator's _issue_body.html does"
            )
        elif lines:
            found.append(
                f"{copy}:{lines[0]} writes <h1>, under the blog post's own <h1>: write <h2> there"
            )
        elif (
            name == "fragment.html"
            and "_issue_body.html" in text
            and not re.search(r"{%-?\s*set\s+top\b", text)
        ):
            found.append(
                f"{copy} (made before it set `top`) publishes the issue's title as an <h1> under"
                " the blog post's own: write `{% set top = 2 %}` before its"
                ' `{% include "_issue_body.html" %}`, as curator\'s fragment.html does'
            )
    if not found:
        return ()
    return (
        "issue-N.fragment.html's headings start at <h2> (the blog post's theme prints its title as"
        f" the post's <h1>), but {'; and '.join(found)}; or delete the copy to use curator's own",
    )


#: The English words of curator's `_words.txt` a template copied before it existed writes
#: itself, as they appear in such a copy.
_ENGLISH_WORDS = (
    "Issue ",
    "edited by",
    "All issues",
    "Every issue, newest first",
    "Atom feed",
    "Also covered by",
    "Read it on the web",
    "Another piece",
)


def own_words(language: str, folder: Path | None, day: datetime | None = None) -> tuple[str, ...]:
    """A warning naming the editor's copies of curator's templates that do not read `_words.txt`
    (copied before it existed) and write its English words themselves, with which words: a
    translated `_words.txt` changes nothing in them (walk62 #2: "Issue 1", "edited by" and "All
    issues" stayed English after the advice to translate `_words.txt` was followed). A date so
    written is quoted as `day` (the issue's) is, or else as an example (walk151 #14: the issue
    of December 7 was told its copy wrote "December 6, 2026", a fixed example's date)."""
    shown = f"{date_text(day)!r}" if day is not None else f"for example {date_text(_A_DAY)!r}"
    found = []
    for copy in copies_without(folder, WORDS):
        try:
            text = _JINJA_COMMENT.sub(" ", copy.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        english = [f"{w.strip()!r}" for w in _ENGLISH_WORDS if w in text]
        parts = [", ".join(english)] if english else []
        parts += [
            f"`{tag}`, the date in English ({shown}): write `{fix}` instead"
            for tag, fix in dict(_english_dates(text)).items()
        ]
        parts += [
            f"the footer's {footer.group(0)!r}: write `{{{{ words.issue_number(number) }}}}`"
            " instead"
            for footer in _ENGLISH_ISSUE.finditer(text)
        ][:1]
        if parts:
            found.append(f"In {copy}: {'; '.join(parts)}.")
    if not found:
        return ()
    return (
        f"newsletter: language: {language}, but these copies of curator's templates were made"
        f" before {WORDS} and write its English words themselves, so translating {WORDS} changes"
        f" nothing in them. {' '.join(found)} Translate those words in each copy, and where it"
        f" writes the date or the issue number so, write what is named instead, with"
        f" `{{% import \"{WORDS}\" as words %}}` as the copy's first line, as curator's templates"
        f" do now (they follow your {WORDS}); or copy curator's templates again (`curator init"
        " scratch` writes them to scratch/templates/) and make your changes to them again, or"
        f" delete a copy to use curator's own (it reads {WORDS})",
    )


#: The day an example date is written for.
_A_DAY = datetime(2026, 12, 6)

#: `{{ date_text }}` and `{{ item.date_text }}` in a copy made before `_words.txt`: the date in
#: English ("December 6, 2026") whatever `_words.txt` says (walk71 #C).
_DATE_TEXT = re.compile(r"{{-?\s*(?:(?P<owner>\w+)\.)?date_text\s*-?}}")

#: The email footer's "issue 4" in a copy made before `_words.txt` ("Walk Weekly, issue 1.").
_ENGLISH_ISSUE = re.compile(r"(?<![\w-])issue {{-?\s*number\s*-?}}")


def _english_dates(text: str) -> Iterator[tuple[str, str]]:
    """Each `{{ date_text }}` of a template copy, with what curator's templates write instead."""
    for found in _DATE_TEXT.finditer(text):
        owner = f"{found['owner']}." if found["owner"] else ""
        yield found.group(0), f"{{{{ words.date({owner}date) }}}}"


#: A template's Jinja comments (what a copy writes, in its text or its expressions' strings, is
#: the rest).
_JINJA_COMMENT = re.compile(r"{#.*?#}", re.S)


def _words_file_untranslated(
    language: str, folder: Path | None, day: datetime | None = None
) -> tuple[str, ...]:
    """`untranslated_words`'s warning on the editor's `_words.txt` (none when translated), the
    date among its English words the issue's own (`day`), else said to be an example (walk154
    W151-14: an issue of December 7, then of December 25, was told "December 6, 2026")."""
    copy = folder / WORDS if folder is not None else None
    try:
        if copy is not None and copy.is_file():
            text = copy.read_text(encoding="utf-8")
            if text.strip() != own_words_source().strip():
                return _partly_translated(language, copy, text)
            where = f"your {copy} is curator's English one, untranslated"
            how = "translate its quoted words and its `date` and `issue_number` macros"
        else:
            where = (
                f"your templates folder {folder} has no {WORDS}"
                if folder is not None
                else "no templates folder is set (`settings: templates:`)"
            )
            how = (
                f"copy curator's {WORDS} (`curator init scratch` writes one to"
                f" scratch/templates/{WORDS}) into "
                + ("it" if folder is not None else "a folder that `settings: templates:` names")
                + " and translate its quoted words and its `date` and `issue_number` macros"
            )
    except (OSError, UnicodeDecodeError):
        return ()
    date = f'"{date_text(day)}"' if day is not None else f'a date such as "{date_text(_A_DAY)}"'
    return (
        f'newsletter: language: {language}, but every edition\'s fixed words ("Issue 1",'
        f' "edited by", {date}, "All issues") are in English: {where}; to publish'
        f' them in {language}, {how} (docs/templates.md, "A newsletter in another language")',
    )


def _statements(source: str) -> dict[str, str]:
    """Each word a `_words.txt` defines -> its whole statement (`months` spans lines), its
    spaces evened out."""
    lines = source.splitlines()
    found = {}
    for name, line in word_names(jinja2.Environment(), source).items():
        end = line - 1
        while end < len(lines) - 1 and "%}" not in lines[end]:
            end += 1
        found[name] = " ".join(" ".join(lines[line - 1 : end + 1]).split())
    return found


#: A `_words.txt` statement's quoted strings, and its Jinja tags and expressions.
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_JINJA = re.compile(r"{%.*?%}|{{.*?}}")


def _has_words(statement: str) -> bool:
    """Whether a statement publishes words: letters in its quoted strings or in the text a macro
    prints (`date`'s "{{ day.day }}, {{ day.year }}" has none; the separators neither)."""
    quoted = "".join(_QUOTED.findall(statement))
    printed = _JINJA.sub("", statement)
    return any(c.isalpha() for c in quoted + printed)


def _partly_translated(language: str, copy: Path, text: str) -> tuple[str, ...]:
    """A warning naming the words of a translated `_words.txt` still written as curator's
    English (walk61 #4: months and "All issues" left in English, without a word). Separators,
    which hold no letters, are no words."""
    try:
        theirs = _statements(text)
    except jinja2.TemplateSyntaxError:
        return ()  # rendering says what is wrong with the file
    own = _statements(own_words_source())
    kept = [
        name
        for name, statement in own.items()
        if theirs.get(name) == statement and _has_words(statement)
    ]
    if "months" in kept and "months" not in theirs.get("date", "months"):
        kept.remove("months")  # a `date` that writes the month as a number uses no month names
    if not kept:
        return ()
    names = ", ".join(f"`{name}`" for name in kept)
    return (
        f"newsletter: language: {language}, but {copy} keeps curator's English for {names}:"
        f" every edition publishes {'it' if len(kept) == 1 else 'them'} in English; translate"
        f" {'it' if len(kept) == 1 else 'them'} there (a word that is the same in {language}:"
        " write it with single quotes, 'like this', and this warning leaves it)",
    )


#: A block tag of curator's templates (`{% block entry scoped %}`, `{% endblock %}`): lines a copy
#: made before they had blocks lacks.
_BLOCK_LINE = re.compile(r"^\s*{%-?\s*(?:block\s+\w+(?:\s+scoped)?|endblock)\s*-?%}\s*$")


def looks_copied(own: str, mine: str) -> bool:
    """Whether the editor's template `mine` is a copy of curator's `own` (changed here and there),
    rather than one of their own writing (walk132 #5: docs/templates.md's ten-line issue.txt was
    told it was a copy "made before issues had a theme"): most of its lines are curator's."""
    lines = [ln.strip() for ln in own.split("\n") if ln.strip() and not _BLOCK_LINE.match(ln)]
    theirs = [ln.strip() for ln in mine.split("\n") if ln.strip()]
    # (half: a copy made before themes lacks a few of curator's lines, not most of them)
    return difflib.SequenceMatcher(None, lines, theirs, autojunk=False).ratio() >= 0.5


#: Every version of curator's templates ever committed, by name and `template_digest` (written by
#: tests/released_templates.py): an editor's file identical to one is an old copy, however far
#: curator's own has moved since (walk156 #19: an unchanged old `_issue_body.html` was told "your
#: templates leave out ...: fine if you meant it", its siblings named as old copies).
RELEASED_TEMPLATES = Path(__file__).with_name("released_templates.txt")


def template_digest(text: str) -> str:
    """A template's text as a digest, its line endings, byte-order mark and trailing spaces aside."""
    lines = [line.rstrip() for line in text.lstrip("\ufeff").splitlines()]
    return hashlib.sha256("\n".join(lines).strip("\n").encode("utf-8")).hexdigest()


@cache
def _released() -> frozenset[str]:
    try:
        return frozenset(RELEASED_TEMPLATES.read_text(encoding="utf-8").split("\n"))
    except OSError:
        return frozenset()


def old_copy(copy: Path) -> bool:
    """Whether the editor's template `copy` is a copy of curator's of its name: a version curator
    released, or one changed here and there (`looks_copied`); not one of their own writing."""
    try:
        mine = copy.read_text(encoding="utf-8-sig")
        own = (builtin_templates() / copy.name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return f"{copy.name} {template_digest(mine)}" in _released() or looks_copied(own, mine)


def copies_without(folder: Path | None, field: str) -> tuple[Path, ...]:
    """The editor's copies of curator's templates that never mention `field` where curator's own
    template of that name does: copies made before the field existed (`curator init` copies the
    templates once), which leave out what it shows without a word."""
    if folder is None:
        return ()
    stale = []
    for own in sorted(builtin_templates().iterdir()):
        copy = folder / own.name
        if not (own.is_file() and copy.is_file()):
            continue
        try:
            mine = copy.read_text(encoding="utf-8")
            # a copy that extends curator's own (`{% extends "curator/issue.html" %}`) shows it
            if f"{OWN_PREFIX}{own.name}" in TEMPLATE_REFERENCE.findall(mine):
                continue
            if field in own.read_text(encoding="utf-8") and field not in mine:
                stale.append(copy)
        except (OSError, UnicodeDecodeError):
            continue
    return tuple(stale)


def unused_templates(folder: Path) -> tuple[str, ...]:
    """A warning per file in the editor's templates folder that curator never reads: not one of
    its templates' names, nor included by one; with the name it probably meant.

    Why: a folder holding `issues.html` (for issue.html) rendered curator's own template silently.
    """
    known = sorted(p.name for p in builtin_templates().iterdir() if p.is_file())
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    except OSError:
        return ()
    if not any(path.name in known for path in files):
        return (*_nothing_at_top(folder, known, bool(files)), *_strays(folder, files, known))
    return _strays(folder, files, known)


def _nothing_at_top(folder: Path, known: Sequence[str], strays: bool) -> tuple[str, ...]:
    """A warning when the editor's templates folder holds none of curator's templates at its top
    level, where curator looks: every edition then has curator's own look, unsaid (walk156 #3:
    the files moved into `templates/v2/`, or the folder left empty)."""
    try:
        subfolders = sorted(
            p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
        )
    except OSError:
        return ()
    holding = []
    for sub in subfolders:
        count = sum(1 for name in known if (sub / name).is_file())
        if count:
            holding.append((sub, count))
    if holding:
        sub, count = holding[0]
        others = (
            f" (and {len(holding) - 1} other subfolder(s) of templates)" if len(holding) > 1 else ""
        )
        return (
            f"{folder}: your templates folder has none of curator's templates at its top level,"
            f" only a subfolder {sub.name}/ with {count} template(s){others}, so every edition"
            f" is made with curator's own templates: curator reads a templates folder's top level"
            f" only; set `templates: {sub}` under settings: in feeds.yaml (or --templates {sub}),"
            f" or move the files up into {folder}",
        )
    if strays:  # each said, with the name it probably meant (`_strays`)
        return ()
    return (
        f"{folder}: your templates folder is empty (of curator's templates: issue.html,"
        " email.html, issue.txt ...), so every edition is made with curator's own templates:"
        " copy the ones you change into it (`curator init scratch` makes a folder with them),"
        " or remove `templates:` from feeds.yaml",
    )


def _strays(folder: Path, files: Sequence[Path], known: Sequence[str]) -> tuple[str, ...]:
    """A warning per file of `files` (in the editor's `folder`) that curator never reads."""
    used = set(known)
    for path in files:
        try:
            used.update(TEMPLATE_REFERENCE.findall(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    warnings = []
    for path in files:
        if path.name in used:
            continue
        close = difflib.get_close_matches(path.name, known, n=1, cutoff=0.75)
        if close and (folder / close[0]).is_file():
            # Renaming it as told would overwrite the editor's own template (walk29 #5).
            warnings.append(
                f"{path}: curator uses no template of that name, so it ignores this file; your"
                f" {close[0]} beside it is the one used. If this file is an old copy, it can be"
                f" deleted; to use something of it, copy that into {close[0]} (renaming it to"
                f" {close[0]} would overwrite yours)"
            )
        elif close:
            warnings.append(
                f"{path}: curator uses no template of that name, so it ignores this file and"
                f" renders with its own {close[0]}: did you mean {close[0]}? Rename the file to"
                f" {close[0]} to use it"
            )
        else:
            names = ", ".join(n for n in known if not n.startswith("_"))
            warnings.append(
                f"{path}: curator uses no template of that name and ignores this file (the"
                f" templates it reads: {names}, and files they include)"
            )
    return tuple(warnings)
