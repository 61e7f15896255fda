"""What the editor's copies of curator's templates would get wrong in an issue: made
before blurbs held links, before pieces were numbered, before the newsletter's language, an
issue's theme or a feed entry's own time were written (each a warning, with its fix)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from curator.models import Issue
from curator.templatecheck import OWN_PREFIX, TEMPLATE_REFERENCE, builtin_templates
from curator.templatewords import copies_without, old_copy


def unshown_pieces(issue: Issue, folder: Path | None) -> tuple[str, ...]:
    """A warning when the issue names another piece of a featured article's own publication
    ("Another piece in X on the same story", `_named_as`) and the editor's template copies in
    `folder` predate it: they would leave the line out without a word (walk28), or, with two
    pieces or more of one publication under an article, write their lines alike (walk140 #5)."""
    # (by the names an entry carries, as the editions show them: an issue read back from its
    # issue-N.json, for `render`, has no `copies`)
    by_entry = [
        (
            entry,
            [
                url
                for name, url in entry.also_covered_by
                if entry.article.publication and name == entry.article.publication
            ],
        )
        for section in issue.sections
        for entry in section.entries
    ]
    pieces = [url for _, urls in by_entry for url in urls]
    if not pieces:
        return ()
    stale = copies_without(folder, "pieces_in_publication")
    if not stale:
        return ()
    unnumbered = list(unnumbered_copies(folder))
    # (a template of the editor's own writing, not a copy, is said by `unshown_articles`, with
    # what else it leaves out: walk156 #1 saw both warnings for the docs' issue.txt)
    left_out = [path for path in stale if path not in unnumbered and old_copy(path)]
    notes = []
    if left_out:
        names = ", ".join(str(path) for path in left_out)
        notes.append(
            f"{names}: these copies of curator's templates were made before they named another"
            " piece of an article's own publication on the same story, and leave that line out of"
            f" issue {issue.number} ({len(pieces)} piece(s): {', '.join(pieces)}); add curator's"
            " `entry.pieces_in_publication` lines to them (docs/templates.md), or delete a copy"
            " to use curator's own"
        )
    alike = [(entry, urls) for entry, urls in by_entry if len(set(urls)) > 1]
    if unnumbered and alike:
        names = ", ".join(str(path) for path in unnumbered)
        entry, urls = alike[0]
        publication = entry.article.publication
        notes.append(
            f"{names}: these copies of curator's templates were made before they numbered the"
            f" pieces of one publication on the same story, so issue {issue.number} names"
            f' {len(set(urls))} pieces under "{entry.article.title}" with {len(set(urls))} lines'
            f' alike, "Another piece in {publication} on the same story" (curator\'s own'
            f' templates write "{publication} (1/{len(set(urls))})" and so on); loop over'
            " `entry.pieces_in_publication` (name, url) there instead of"
            " `entry.also_in_publication` (docs/templates.md), or delete a copy to use curator's"
            " own"
        )
    return tuple(notes)


#: What shows a blurb written in Markdown, by template: copies made before blurbs could hold
#: links and emphasis write `{{ entry.blurb }}` (its text) instead.
_MARKDOWN_BLURBS = {
    "_issue_body.html": ("blurb_html", "{{ entry.blurb_html }}"),
    "email.html": ("blurb_html", "{{ entry.blurb_html }}"),
    "issue.md": (
        "blurb_markdown",
        "{{ entry.blurb_markdown | md_intro if entry.blurb_markdown else entry.blurb | md_text }}",
    ),
}


def plain_blurbs(issue: Issue, folder: Path | None) -> tuple[str, ...]:
    """A warning per copy of curator's templates in `folder` made before blurbs could hold links
    and emphasis, when the issue's blurbs hold them: such a copy writes `{{ entry.blurb }}` (an
    issue.md `{{ entry.blurb | md_text }}`), and an editor's link `[the study](https://...)` is
    published as the text "the study <https://...>" in the HTML editions (walk156 #9). The
    warning quotes what the copy writes, with its line."""
    marked = [
        entry
        for section in issue.sections
        for entry in section.entries
        if entry.article.blurb_markdown
    ]
    if folder is None or not marked:
        return ()
    notes = []
    for name, (needed, write) in _MARKDOWN_BLURBS.items():
        stale = [p for p in copies_without(folder, needed) if p.name == name and old_copy(p)]
        text = (_template_text(stale[0]) or "") if stale else ""
        # The text the copy holds, quoted as it is with its line (walk164 N4: an old issue.md
        # writes `{{ entry.blurb | md_text }}`, and was told to replace `{{ entry.blurb }}`)
        found = [
            f"`{m.group(0)}` (line {text.count(chr(10), 0, m.start()) + 1})"
            for m in _PLAIN_BLURB.finditer(text)
        ]
        if found:
            where = " and ".join(found)
            notes.append(
                f"{stale[0]}: this copy of curator's {name} was made before blurbs could hold"
                f" links and emphasis: it publishes the blurbs of {len(marked)} article(s) of"
                f' issue {issue.number} ("{marked[0].article.title}") as their text, each link'
                f' "text <address>", not a link; in it, replace {where} with `{write}`'
                " (docs/templates.md), or delete the copy to use curator's own"
            )
    return tuple(notes)


#: A value of the blurb's text in a template, `{{ entry.blurb }}` or `{{ entry.blurb | md_text }}`
#: (not `entry.blurb_html`): what an old copy writes where curator's writes the Markdown blurb.
_PLAIN_BLURB = re.compile(r"{{-?(?:(?!}}).)*?\bentry\.blurb\b(?!_)(?:(?!}}).)*?}}", re.S)


def unupdated_feed(folder: Path | None) -> tuple[str, ...]:
    """A warning when the editor's feed.xml is a copy of curator's made before an issue's entry
    had a time of its own (`item.updated_rfc3339`): it writes the issue's date as the entry's
    <updated>, so a correction rendered again is no change to feed readers (walk156 #10)."""
    stale = [p for p in copies_without(folder, "updated_rfc3339") if p.name == "feed.xml"]
    if not stale or not old_copy(stale[0]):
        return ()
    return (
        f"{stale[0]}: this copy of curator's feed.xml was made before an issue's entry had a time"
        " of its own, and writes the issue's date as its <updated>: feed readers are not shown"
        " that an issue rendered again changed; write <updated>{{ item.updated_rfc3339 }}"
        "</updated> in its <entry> (docs/templates.md), or delete the copy to use curator's own",
    )


def unnumbered_copies(folder: Path | None) -> tuple[Path, ...]:
    """The editor's copies of curator's templates made before the pieces of one publication were
    numbered: they loop over `entry.also_in_publication`, not `entry.pieces_in_publication`, and
    write each piece's line alike."""
    return tuple(
        path
        for path in copies_without(folder, "pieces_in_publication")
        if "also_in_publication" in (_template_text(path) or "")
    )


def unmarked_language(language: str, folder: Path | None) -> tuple[str, ...]:
    """A warning when the newsletter is not in English (`newsletter: language:`) and copies of
    curator's templates in `folder` predate the setting: they say `lang="en"` whatever it is, and
    an Arabic issue is shown left to right (walk51 #4); in English too when a copy says no
    language at all (a bare `<html>`: a screen reader reads it in its user's language)."""
    stale = copies_without(folder, "{{ lang }}")
    if language == "en":
        # (one saying lang="en" says it; one saying nothing is named too, walk197 #3: a bare
        # `<html>` was named only in a newsletter not in English)
        stale = tuple(path for path in stale if not _says_a_language(path))
    if not stale:
        return ()
    names = ", ".join(str(path) for path in stale)
    where = "; ".join(f"in {path}, {_lang_tag(path.name)}" for path in stale)
    said = "the page's language, en" if language == "en" else f"the page is in {language}"
    return (
        f"{names}: these copies of curator's templates were made before `newsletter: language:`"
        f' and do not say {said}; write lang="{{{{ lang }}}}" into the tag'
        f" curator's own templates write it in: {where} (docs/templates.md, \"A newsletter in"
        " another language\"), or delete a copy to use curator's own",
    )


#: The opening tag of a template that says the page's language (`lang="{{ lang }}"`, the feed's
#: `xml:lang="{{ lang }}"`).
_LANG_TAG = re.compile(r"<(?P<name>[\w:]+)\s[^<>]*{{ lang }}[^<>]*>")


def _says_a_language(copy: Path) -> bool:
    """Whether the editor's `copy` gives a language (`lang="en"`) in the tag curator's own
    template of its name says it in (`_LANG_TAG`); unreadable, it is not named here."""
    try:
        own = _LANG_TAG.search((builtin_templates() / copy.name).read_text(encoding="utf-8"))
        mine = copy.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return True
    if own is None:
        return True
    tags = re.findall(rf"(?is)<{re.escape(own['name'])}\b[^<>]*>", mine)
    return any(re.search(r"(?i)\s(?:xml:)?lang\s*=", tag) for tag in tags)


def _lang_tag(name: str) -> str:
    """Where curator's own template `name` says the page's language, as the editor writes it in
    a copy: its opening tag as curator's writes it (walk71 #B: the warning said to write it "where
    they say lang="en"", which a copy of _issue_body.html or feed.xml does not say anywhere)."""
    try:
        own = (builtin_templates() / name).read_text(encoding="utf-8")
    except OSError:
        return 'its lang="{{ lang }}"'
    tag = _LANG_TAG.search(own)
    if tag is None:
        return 'its lang="{{ lang }}"'
    return f"its <{tag['name']} ...> tag as `{tag.group(0)}`"


#: A Jinja expression or statement of a template (not a `{# comment #}`).
_JINJA_TAG = re.compile(r"{{.*?}}|{%.*?%}", re.S)


#: The variables that show an issue's theme and its closing line (docs/templates.md): those of
#: an issue's templates, and the archive's `item.theme`.
_THEME_VARIABLES = {
    "theme": re.compile(r"(?<![\w.])theme\b"),
    "item.theme": re.compile(r"\bitem\.theme\b"),
    "closing_text": re.compile(r"\bclosing_text\b"),
    "closing_plain": re.compile(r"\bclosing_plain\b"),
    "closing_html": re.compile(r"\bclosing_html\b"),
}


def _variables_used(path: Path) -> set[str]:
    """Which of `_THEME_VARIABLES` the template at `path` uses, in its Jinja tags."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set(_THEME_VARIABLES)  # unreadable: the build itself says so
    tags = _JINJA_TAG.findall(text)
    used = {name for name, used in _THEME_VARIABLES.items() if any(map(used.search, tags))}
    for name in TEMPLATE_REFERENCE.findall(text):
        if name.startswith(OWN_PREFIX):  # `{% extends "curator/issue.html" %}` shows what it does
            used |= _variables_used(builtin_templates() / name.removeprefix(OWN_PREFIX))
    if "closing_text" in used:  # (the text edition's closing before `closing_plain`: it shows it)
        used.add("closing_plain")
    return used


def unshown_theme(issue: Issue, folder: Path | None) -> tuple[str, ...]:
    """A warning when template copies in the editor's `folder` leave out the issue's theme or its
    closing line, where curator's own templates of those names show them: copies made before
    issues had themes (`curator init` copies the templates once), which drop them without a word
    (walk31 #1). Names each copy and the variables to add to it."""
    if folder is None or not (issue.theme or issue.closing):
        return ()
    wanted = {
        *(("theme", "item.theme") if issue.theme else ()),
        *(("closing_text", "closing_plain", "closing_html") if issue.closing else ()),
    }
    stale: list[tuple[str, list[str]]] = []
    written: list[tuple[str, list[str]]] = []
    for own in sorted(builtin_templates().iterdir()):
        copy = folder / own.name
        if not (own.is_file() and copy.is_file()):
            continue
        add = [v for v in _THEME_VARIABLES if v in wanted and v in _variables_used(own)]
        add = [v for v in add if v not in _variables_used(copy)]
        if add:
            # a template of the editor's own writing may leave them out on purpose (walk132 #5:
            # docs/templates.md's titles-and-links issue.txt was told it was an old copy)
            old = _template_text(copy) is None or old_copy(copy)
            add = _shown_as(own.name, add, _variables_used(copy))
            if add:
                (stale if old else written).append((own.name, add))
    notes = []
    if stale:
        notes.append(
            f"{folder}: copies of curator's templates made before issues had a theme and a"
            f" closing line leave out of issue {issue.number} {_left_out(issue, stale)}; add"
            " curator's lines with these variables to each (docs/templates.md), or delete a copy"
            f" to use curator's own: {_with_variables(stale)}"
        )
    if written:
        names = ", ".join(name for name, _ in written)
        leaves, shows = ("leaves", f"{names} shows") if len(written) == 1 else ("leave", "show")
        notes.append(
            f"{folder}: your {names} {leaves} out of issue {issue.number}"
            f" {_left_out(issue, written)}, which curator's own {shows}: fine if you meant it;"
            f" to show them, write these variables in (docs/templates.md):"
            f" {_with_variables(written)}"
        )
    return tuple(notes)


def _shown_as(name: str, add: list[str], used: set[str]) -> list[str]:
    """The variables `unshown_theme` asks template `name` to write: of the closing line, the one
    its kind of edition shows, `closing_html` in HTML and XML, `closing_plain` in text (walk156
    #19: email.html was asked for `closing_plain`, a text variable)."""
    closing = [v for v in add if v.startswith("closing_")]
    if not closing:
        return add
    kind = "closing_html" if name.endswith((".html", ".xml")) else "closing_plain"
    if name.endswith(".md"):
        kind = "closing_text"
    return [v for v in add if not v.startswith("closing_")] + [kind] * (kind not in used)


def _left_out(issue: Issue, templates: Sequence[tuple[str, Sequence[str]]]) -> str:
    """What `unshown_theme`'s templates leave out of `issue`: "its theme "..." and its closing
    line "..."", as far as their variables say."""
    added = {v for _, add in templates for v in add}
    left_out = []
    if added & {"theme", "item.theme"}:
        left_out.append(f'its theme "{" and ".join(issue.theme)}"')
    if added & {"closing_text", "closing_plain", "closing_html"}:
        left_out.append(f'its closing line "{issue.closing}"')
    return " and ".join(left_out)


def _with_variables(templates: Sequence[tuple[str, Sequence[str]]]) -> str:
    return "; ".join(f"{name} ({', '.join(f'`{v}`' for v in add)})" for name, add in templates)


def _template_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # unreadable: the build itself says so
