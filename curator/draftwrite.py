"""The draft curator writes (`write_draft`): its front matter, help note, articles with their
notes, the notes of the articles left out (for variety, as the same story, told before), the
closing line; text that would read as a heading or field escaped; where it lives (`draft_path`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import time
from pathlib import Path

import yaml

from curator.blurb import short_blurb, weak_blurb
from curator.draftend import END_LINE, HELP_END
from curator.draftnotes import (
    ANOTHER_STORY,
    LOST_OPENING,
    NEWER_HEADLINE,
    NO_BLURB,
    POST_LIST,
    SHORT_BLURB,
    WEAK_BLURB,
    another_story_of,
    author_note,
    lost_opening_of,
    short_blurb_reason,
)
from curator.draftsyntax import OPENING as _OPENING
from curator.draftsyntax import field_like as _field_like
from curator.draftsyntax import misspelt_field as _misspelt_field
from curator.draftsyntax import one_line as _one_line
from curator.errors import shell_arg
from curator.markdowntext import text_as_markdown
from curator.models import Issue, Retold, Section, published_in
from curator.select import same_publication

#: (Up to 3 spaces before it: Markdown's heading, and the draft's, walk142 #1.)
_NEEDS_ESCAPE = re.compile(r"^ {0,3}(#)")

HELP = """\
<!--
curator draft of issue {number}. Edit anything, then run: curator build --draft {name}{config}
- The introduction is the text below this note, before the first "# Subject" heading.
- "# Heading" starts a subject; "## Heading" starts an article (its title) in that subject,
  with url:, author: (one line per person) and publication: lines under it, then its blurb.
- Cut an article: delete its "##" block. Move or reorder: move the block. Rewrite in place.
- Add an article: a heading with just its URL, e.g. "## https://example.com/post".
- Anything inside an HTML comment like this note is ignored (park an article in one).
- Every "# Heading" must be one of your subjects; a mistyped one stops the build. For a section
  of your own, list it in the front matter: extra_sections: [Editor's picks]
- An article an earlier issue featured stops the build; to feature it again on purpose, list its
  address in the front matter: feature_again: [https://example.com/post]
- theme: (front matter) is what the issue is about; closing: is the line after the articles.
- {{date}} in the introduction or closing: becomes the date: above when the issue is built.
{end}
-->"""


def _escape_lines(text: str) -> str:
    """A line that would read as a heading, or as a field at the start of a blurb, is written with
    a backslash (parse removes it)."""
    return "\n".join(_escape(line) for line in text.splitlines())


def _escape_comments(text: str) -> str:
    """A title or credit line with `<!--` in it, as a draft writes it: `\\<!--`, which the draft
    reads as the text `<!--` (`_unescape_comments`), not as an editor's comment (walk77 #1)."""
    return _OPENING.sub(r"\\<!--", _one_line(text))


def _escape(line: str) -> str:
    key = _field_like(line)
    if key is not None and _misspelt_field(key):
        return "\\" + line
    return _NEEDS_ESCAPE.sub(r"\\\1", line)


def _yaml_line(key: str, value: object) -> str:
    text: str = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=10_000)
    return text.strip()


def draft_path(folder: Path, number: int) -> Path:
    """Where the draft of issue `number` lives: drafts/issue-<N>.md."""
    return folder / f"issue-{number}.md"


def write_draft(
    issue: Issue,
    *,
    name: str | None = None,
    notes: Mapping[str, Sequence[str]] = {},
    config: str = "",
    empty: Sequence[tuple[str, str]] = (),
) -> str:
    """The issue as a draft the editor edits (parse_draft reads the same content back).
    `notes` (by article URL) say what is unsure about an article (its credit: `credit_note`; a
    weak fit), each a comment under its fields. `config` (` --config PATH`, or "") ends the
    command the first note gives to build it, so pasting it works where the draft was made.
    `empty`: the subjects of an issue of every subject with nothing this week, each with why
    (`whyplaced.empty_reason`), said in a note at the draft's end (`EMPTY_SUBJECTS`)."""
    name = name or f"drafts/issue-{issue.number}.md"
    lines = ["---"]
    lines.append(_yaml_line("title", _one_line(issue.title)))
    lines.append(_yaml_line("number", issue.number))
    day = issue.date  # (with its own offset: the day it is dated where it was built)
    lines.append(_yaml_line("date", day.date() if day.time() == time(0) else day))
    if issue.editor:
        lines.append(_yaml_line("editor", _one_line(issue.editor)))
    if issue.theme:
        theme: object = issue.theme[0] if len(issue.theme) == 1 else list(issue.theme)
        lines.append(_yaml_line("theme", theme))
    if issue.closing:
        lines.append(_yaml_line("closing", _one_line(issue.closing)))
    lines += [
        "---",
        HELP.format(
            number=issue.number,
            name=shell_arg(name.replace("-->", "")),
            config=config.replace("-->", ""),
            end=HELP_END,
        ),
        "",
    ]
    intro = issue.introduction.strip()
    if intro:
        lines += [_escape_lines(intro), ""]
    for section in issue.sections:
        lines += [f"# {_one_line(section.subject)}", ""]
        for entry in section.entries:
            art = entry.article
            lines.append(f"## {_escape_comments(art.title) or art.url}")
            lines.append(f"url: {art.url}")
            # (one line each: a name twice is refused when the draft is read, walk142 #4)
            names: dict[str, str] = {}
            for author in art.authors:
                names.setdefault(_one_line(author).casefold(), author)
            lines += [f"author: {_escape_comments(a)}" for k, a in names.items() if k]
            if art.other_authors:
                lines.append(author_note(art))
            if art.publication:
                lines.append(f"publication: {_escape_comments(art.publication)}")
            for note in notes.get(art.url, ()):
                lines.append(f"<!-- {_one_line(note).replace('-->', '-- >')} -->")
            lines.append("")
            paragraphs = [_one_line(p) for p in re.split(r"\n\s*\n", art.blurb)]
            blurb = "\n\n".join(p for p in paragraphs if p)
            if blurb:
                # The draft's blurbs are Markdown: text that would read as markup is escaped, so
                # that it reads back as the text it is.
                written = "\n\n".join(text_as_markdown(p) for p in paragraphs if p)
                lines += [_escape_lines(written), ""]
                if short_blurb(blurb):
                    lines += [SHORT_BLURB.format(why=short_blurb_reason(art)), ""]
                weak = weak_blurb(blurb, art.text or art.summary)
                if weak:
                    lines += [WEAK_BLURB.format(why=weak), ""]
                opening = lost_opening_of(art)
                if opening:
                    lines += [LOST_OPENING.format(opening=_one_line(opening)), ""]
            else:  # said on the command line too; the comment is ignored when the draft is read
                lines += [NO_BLURB, ""]
            if art.post_list:
                lines += [POST_LIST.format(count=art.post_list), ""]
            if art.page_headline:
                note = ANOTHER_STORY if another_story_of(art) else NEWER_HEADLINE
                headline = _one_line(art.page_headline).replace("-->", "-- >")
                lines += [note.format(headline=headline), ""]
        if any(entry.copies for entry in section.entries):
            lines += [_same_story_note(section), ""]
        if section.passed_over:
            lines += [_passed_over_note(section), ""]
        if section.held_back:
            lines += [_held_back_note(section), ""]
        if section.retold:
            lines += [_retold_note(section), ""]
    if empty:  # (fixie #2: they were left out of the draft without a word)
        said = "\n".join(f"- {_one_line(name)}: {_one_line(why)}" for name, why in empty)
        lines += [EMPTY_SUBJECTS.format(subjects=said.replace("-->", "-- >")), ""]
    # (the closing line: a draft cut off while saved lacks it, and is not built: walk174 #1)
    return "\n".join(lines).rstrip("\n") + "\n\n" + END_LINE + "\n"


#: The note at a draft's end on the subjects nothing was placed under this week (ignored).
EMPTY_SUBJECTS = (
    "<!-- Nothing was placed under these subjects this week, so this draft has no section for"
    ' them:\n{subjects}\nTo feature an article under one all the same, write its "# Subject"'
    ' heading above\nthe end of the draft and the article\'s "## https://..." line under it. -->'
)


#: The note under a subject's articles on those left out for variety (a comment: ignored).
PASSED_OVER = (
    "<!-- Left out for variety, though each matches better than an article above: an issue takes"
    " fewer articles\nfrom one publication when another's match nearly as well. To feature one,"
    ' move its "##" line out of this note.'
)


#: The note under a subject's articles on those left out as the same story as one of them.
SAME_STORY = (
    "<!-- Left out as the same story as an article above: `curator build --draft` names each"
    ' under it as\n"Also covered by", and it counts as published with this issue. To feature'
    ' one as an article of\nits own, move its "##" line out of this note; to leave it unnamed'
    ' (a later issue may feature it),\ndelete its "##" line.'
)
#: The start of that note, by which `_same_story_copies` finds it in a draft.
SAME_STORY_START = "<!-- Left out as the same story"


def _same_story_note(section: Section) -> str:
    """What `SAME_STORY` says, then each such article as a heading with just its address, its
    title and publication, the article it was judged the same story as, and why."""
    lines = [SAME_STORY]
    for entry in section.entries:
        for copy in entry.copies:
            art = copy.article
            publication = _one_line(art.publication or art.feed_url or art.url)
            lines.append(f"## {art.url}")
            lines.append(
                f"   {_one_line(art.title) or art.url} ({publication}): the same story as"
                f' "{_one_line(entry.article.title)}" ({entry.article.url}): {copy.reason}'
            )
    return "\n".join(line.replace("-->", "-- >") for line in lines) + "\n-->"


#: The note under a subject's articles on those left out as the same story as an article an
#: earlier issue published (a comment: ignored; not `SAME_STORY_START`, which the build reads).
RETOLD = (
    "<!-- Told in an earlier issue, so left out: each is the same story as an article an earlier"
    " issue published,\nand one story is featured once. To feature one all the same (another"
    ' story, or one worth telling again),\nput "## " and its address on a line of its own above'
    " this note."
)


def _retold_note(section: Section) -> str:
    """What `RETOLD` says, then a line per story told before: how many copies of it were left
    out, the article and issue that published it, the copies' addresses, and why; a line per
    story and reason (walk85 C: one copy's reason was given for all), not a `##` block per copy
    (walk81 #2: a 9,780-line draft of 65 articles)."""
    lines = [RETOLD]
    if any(t.issue == 0 for t in section.retold):  # (walk202 #1: `curator featured add`)
        lines = [
            RETOLD.replace(
                " issue published,",
                " issue published (or your newsletter featured before you moved to curator),",
                1,
            )
        ]
    # (and per reason: walk85 C gave 19 copies one copy's "share 100%", 10 shared 53%)
    stories: dict[tuple[int, str, str], list[Retold]] = {}
    for told in section.retold:
        stories.setdefault((told.issue, told.earlier.url, told.reason), []).append(told)
    for copies in stories.values():
        first = copies[0]
        before = first.earlier
        count = f"{len(copies)} copies" if len(copies) > 1 else "1 copy"
        lines.append(
            f'   {count} of "{_one_line(before.title) or before.url}" ({before.url}),'
            f" {published_in(first.issue)}: {', '.join(t.article.url for t in copies)}"
            f" ({first.reason})"
        )
    return "\n".join(line.replace("-->", "-- >") for line in lines) + "\n-->"


def _passed_over_note(section: Section) -> str:
    """What `PASSED_OVER` says, then each such article as a heading with just its address (the
    editor moves it out of the comment to feature it), its title, score and why."""
    lines = [PASSED_OVER]
    for left in section.passed_over:
        art = left.article
        publication = art.publication or art.feed_url or art.url
        n = same_publication(art, section.entries)
        title = _one_line(art.title) or art.url
        lines.append(f"## {art.url}")
        lines.append(f"   {title} ({left.score:.3f}): {n} from {_one_line(publication)} already")
    # (nothing in it may close the comment early)
    return "\n".join(line.replace("-->", "-- >") for line in lines) + "\n-->"


#: The start of `PASSED_OVER`, by which `_passed_over` finds it in a draft.
PASSED_OVER_START = "<!-- Left out for variety"


#: The note under a subject's articles on those held back while another of the subject took
#: their place (`gatedchoice`; a comment: ignored).
HELD_BACK = (
    "<!-- Held back, another article of this subject taking its place (said when the draft was"
    ' made): to feature one,\nmove its "##" line out of this note.'
)


#: The start of `HELD_BACK`, by which `draft._held_back` finds it in a draft (fixjz #4).
HELD_BACK_START = "<!-- Held back"


def _held_back_note(section: Section) -> str:
    """What `HELD_BACK` says, then each such article as a heading with just its address (the
    editor moves it out of the comment to feature it), its title and why (fixjq #3)."""
    lines = [HELD_BACK]
    for art, why in section.held_back:
        lines.append(f"## {art.url}")
        lines.append(f"   {_one_line(art.title) or art.url}: {_one_line(why)}")
    # (nothing in it may close the comment early)
    return "\n".join(line.replace("-->", "-- >") for line in lines) + "\n-->"
