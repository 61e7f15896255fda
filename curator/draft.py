"""The editor's draft: the next issue as a Markdown file with YAML front matter, edited by hand and
rendered exactly as it reads.

Why Markdown and not YAML: the draft reads like the issue itself (a `# Subject` heading, then each
article as a `## Title` heading with its blurb under it), blurbs and the introduction are free text
with no quoting or indentation rules to break, cutting or moving an article is cutting or moving a
block of lines, and every edit is a one-line git diff. Only the few fields that are data (title,
number, date, editor) sit in YAML front matter, the convention Hugo, Jekyll and most editors know.

The shape (every rule is checked; a mistake names its line):

    ---
    title: Customer Experience Weekly
    number: 3
    date: 2026-11-25
    editor: Maya Horowitz
    ---

    The introduction, in Markdown: everything before the first subject heading.

    # The basics of customer experience

    ## Service and Experience Are Not the Same Thing
    url: https://hbr.org/2016/service-vs-experience
    author: Bruna Jonas
    publication: Harvard Business Review

    The blurb: any text down to the next heading.

    ## https://example.com/an-article-to-add

`parse_draft` is pure; `draft_to_issue` turns a Draft into the Issue to render, given the articles
curator already knows, and lists the URLs it does not know (for the app to fetch and extract).

This module reads a draft back (`read_draft`, `parse_draft`) and checks its headings against the
subjects (`check_draft`); every caller imports from here. Its parts: `draftmodel` (the draft as
read, `DraftError`), `draftsyntax` (line shapes writer and reader share), `draftnotes` (what is
noted of an article), `draftfront` (the front matter), `draftwrite` (`write_draft`), `draftbody`
(the body, line by line), `draftissue` (`draft_to_issue` and what a build refuses or warns of).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from curator.config import subject_hint
from curator.draftbody import DraftBody as _Body
from curator.draftbody import NoUrl, underlined_headings
from curator.draftend import cut_off, is_end_line
from curator.draftfront import FrontMatter as _FrontMatter
from curator.draftfront import draft_date as _draft_date
from curator.draftfront import feature_again_line
from curator.draftfront import flow_item as _flow_item
from curator.draftfront import read_front_matter as _front_matter
from curator.draftfront import subject_names as _names
from curator.draftfront import written_moment as _written_moment
from curator.draftissue import (
    blurb_mistakes,
    blurb_rebuilt,
    check_blurbs,
    credit_followed,
    draft_to_issue,
    dropped_credits,
    empty_sections,
    excluded_since,
    featured_again,
    merged_sections,
    moved_addresses,
    named_twice,
    same_story_twice,
)
from curator.draftmodel import (
    Draft,
    DraftCopy,
    DraftEntry,
    DraftError,
    DraftMistakes,
    DraftSection,
    stop_for,
)
from curator.draftnotes import (
    NO_BLURB,
    another_story_of,
    copy_remark,
    credit_dispute,
    credit_note,
    credit_notes_line,
    lost_opening_of,
    noted_credits,
    original_copy,
    short_blurb_reason,
    written_for_remark,
)
from curator.draftsyntax import HEADING as _HEADING
from curator.draftsyntax import as_written
from curator.draftsyntax import shortened as _shortened
from curator.draftwrite import (
    HELD_BACK_START,
    PASSED_OVER_START,
    SAME_STORY_START,
    draft_path,
    write_draft,
)
from curator.errors import shell_arg
from curator.renamedsubjects import Renamed, renamed
from curator.urls import safe_url

#: A draft is a text an editor writes; anything bigger is a mistake (a pasted file), not a draft.
MAX_DRAFT_CHARS = 5_000_000


def parse_draft(text: str, path: Path) -> Draft:
    """Read a draft; its mistakes raise DraftError (DraftMistakes for several, all at once in line
    order), each naming its line and the fix."""
    draft, mistakes = _parse(text, path)
    stop_for(path, mistakes)
    return draft


def _parse(text: str, path: Path, today: date | None = None) -> tuple[Draft, list[DraftError]]:
    """The draft as far as it reads, and every mistake in it (the draft means nothing when there
    is one). Only a draft that cannot be read at all (too big, no front matter) raises."""
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftError(
            path, 1, f"the draft is over {MAX_DRAFT_CHARS:,} characters; is it a draft?"
        )
    # A byte order mark some editors put first (Notepad's "UTF-8 with BOM") is no text of the draft.
    text = text.removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front = _front_matter(lines, path)
    mistakes = list(front.mistakes)
    number = front.values.get("number")
    if number not in (None, "") and (
        isinstance(number, bool) or not isinstance(number, int) or number < 1
    ):
        mistakes.append(
            DraftError(
                path, front.line("number"), f"number {number!r} is not a whole number above 0"
            )
        )
    when = datetime.fromtimestamp(0, UTC)
    if front.values.get("date") not in (None, ""):
        try:
            when = _draft_date(front.values["date"], path, front.line("date"), today)
        except DraftError as exc:
            mistakes.append(exc)
    # A `---` typed as the draft's last line, as if to close it like the front matter, would be
    # a rule (<hr>) at the end of the last blurb (walk68 #3): it is nothing.
    last = len(lines) - 1
    while last >= front.body_start and (not lines[last].strip() or is_end_line(lines[last])):
        last -= 1
    if last >= front.body_start and lines[last].strip() == "---":
        lines[last] = ""
    body = _Body(path)
    body.read(lines, front.body_start)
    mistakes += body.mistakes
    end = cut_off(text, path)  # (walk174 #1: a draft cut off while saved was published)
    if end is not None:
        mistakes.append(DraftError(path, *end))
    intro = front.values.get("introduction")
    body_intro = "\n".join(body.intro).strip()
    if intro and body_intro:
        mistakes.append(
            DraftError(
                path,
                front.line("introduction"),
                "the introduction is given twice (front matter and text below it): keep one",
            )
        )
    theme: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    try:
        theme = _names(front, "theme", path)
    except DraftError as exc:
        mistakes.append(exc)
    try:
        extra = _names(front, "extra_sections", path)
    except DraftError as exc:
        mistakes.append(exc)
    value = front.values.get("feature_again")
    again = tuple(value) if isinstance(value, list) else () if value in (None, "") else (value,)
    if not all(isinstance(u, str) and u.strip() for u in again):
        mistakes.append(
            DraftError(
                path,
                front.line("feature_again"),
                "feature_again must be an article's address, or a list of them: [https://...]",
            )
        )
        again = ()
    if not body.sections and not mistakes:  # (a broken article is not a cut one)
        mistakes.append(
            DraftError(
                path, front.body_start + 1, "the draft has no articles: every article was cut"
            )
        )
    introduction_lines = _intro_lines(body, intro, front)
    intro_text = str(intro).strip() if intro else body_intro
    mistakes += underlined_headings(path, intro_text.split("\n"), introduction_lines, blurb=False)
    title, title_sic = as_written(" ".join(str(front.values.get("title") or "").split()))
    draft = Draft(
        title=title,
        number=number if isinstance(number, int) else 0,
        date=when,
        date_is_moment=_written_moment(front.values.get("date")),
        editor=" ".join(str(front.values.get("editor") or "").split()),
        introduction=str(intro).strip() if intro else body_intro,
        sections=tuple(body.sections),
        theme=theme,
        closing=" ".join(str(front.values.get("closing") or "").split()),
        extra_sections=extra,
        feature_again=tuple(str(u).strip() for u in again),
        lines=dict(front.lines),
        introduction_lines=introduction_lines,
        copies=_same_story_copies(lines, front.body_start),
        empty_sections=tuple(body.empty),
        merged_sections=tuple(body.merged),
        passed_over=_passed_over(lines, front.body_start),
        held_back=_held_back(lines, front.body_start),
        title_as_written=title_sic,
    )
    return draft, mistakes


#: A line of the same-story note under a copy's heading: the article it is the same story as.
_SAME_AS = re.compile(r'the same story as "(?P<title>.*)"(?: \((?P<url>https?://\S+)\))?: ')
#: An address in an edited line of that note.
_ANY_ADDRESS = re.compile(r"https?://[^\s)<>\"]+")


def _same_story_copies(lines: list[str], start: int) -> tuple[DraftCopy, ...]:
    """The articles named in the draft's same-story notes (`SAME_STORY`): each "## address" line
    left in such a note, with the article its next line says it is the same story as. The "##"
    line alone decides (walk113 #2: an explanation line shortened or edited left its copy
    unnamed, unsaid): a copy whose line no longer says which article it goes with gets the
    address that line still holds, if any, and the `# Subject` the note is under."""
    copies = []
    in_note = False
    heading: tuple[str, int] | None = None
    subject = ""

    def unexplained(line: str = "") -> None:
        if heading is not None:
            found = _ANY_ADDRESS.search(line)
            url = found.group(0).rstrip(".,;:") if found else ""
            copies.append(DraftCopy(heading[0], url, "", heading[1], subject, explained=False))

    for number, raw in enumerate(lines[start:], start + 1):
        stripped = raw.strip()
        if not in_note:
            top = _HEADING.match(stripped)
            if top and len(top.group(1)) == 1:
                subject = top.group(2)
            in_note = stripped.startswith(SAME_STORY_START) and "-->" not in stripped
            continue
        if "-->" in stripped:
            unexplained()
            heading = None
            in_note = False
            continue
        found = _HEADING.match(stripped)
        if found and len(found.group(1)) == 2 and safe_url(found.group(2)):
            unexplained()
            heading = (found.group(2), number)
            continue
        if not stripped or heading is None:
            continue
        same = _SAME_AS.search(stripped)
        if same is not None:
            copy = DraftCopy(heading[0], same["url"] or "", same["title"], heading[1], subject)
            copies.append(copy)
        else:
            unexplained(stripped)
        heading = None
    return tuple(copies)


def _passed_over(lines: list[str], start: int) -> tuple[tuple[str, str], ...]:
    """The "## address" lines left in the draft's notes on articles left out for variety
    (`PASSED_OVER`), each with the `# Subject` heading above its note (walk57 #6: `build
    --draft` said nothing of what `draft` had said variety left out)."""
    return tuple((s, url) for s, url, _ in _noted(lines, start, PASSED_OVER_START))


def _held_back(lines: list[str], start: int) -> tuple[tuple[str, str, str], ...]:
    """The "## address" lines left in the draft's notes on articles held back for another of
    their subject (`HELD_BACK`), each with the `# Subject` heading above its note and why, as
    the line under it says (fixjz #4: `build --draft` read the variety note again, not this
    one, and said nothing of what `draft` had said it held back)."""
    found = []
    for subject, url, below in _noted(lines, start, HELD_BACK_START):
        # ("   Title: why": the why is curator's few words, after the title's last colon)
        why = below.rpartition(": ")[2].strip() if ": " in below else ""
        found.append((subject, url, why))
    return tuple(found)


def _noted(lines: list[str], start: int, opening: str) -> list[tuple[str, str, str]]:
    """The "## address" lines of the draft's notes that start with `opening`: (the `# Subject`
    heading above the note, the address, the line under it, stripped)."""
    found: list[tuple[str, str, str]] = []
    in_note = False
    subject = ""
    for index, raw in enumerate(lines[start:], start):
        stripped = raw.strip()
        if not in_note:
            heading = _HEADING.match(stripped)
            if heading and len(heading.group(1)) == 1:
                subject = heading.group(2)
            in_note = stripped.startswith(opening) and "-->" not in stripped
            continue
        if "-->" in stripped:
            in_note = False
            continue
        heading = _HEADING.match(stripped)
        if heading and len(heading.group(1)) == 2 and safe_url(heading.group(2)) and subject:
            below = lines[index + 1].strip() if index + 1 < len(lines) else ""
            found.append((subject, heading.group(2), "" if "-->" in below else below))
    return found


def _intro_lines(body: _Body, intro: object, front: _FrontMatter) -> tuple[int, ...]:
    """The file line of each line of the draft's introduction (its blank first lines dropped)."""
    if intro:
        return (front.line("introduction"),) * (str(intro).strip().count("\n") + 1)
    skip = next((i for i, line in enumerate(body.intro) if line.strip()), len(body.intro))
    return tuple(body.intro_lines[skip:])


def check_draft(
    draft: Draft, path: Path, subjects: Sequence[str], renames: Mapping[str, Renamed] = {}
) -> Draft:
    """The draft with every subject heading and theme as the config writes it (letter case and
    spaces aside, as `--subject` and the plan take them); a heading that names no subject, nor an
    extra section the front matter declares, is a DraftError: a misspelt heading would otherwise be
    published as a section of its own. Several are said at once (DraftMistakes)."""
    checked, mistakes = _check(draft, path, subjects, renames)
    stop_for(path, mistakes)
    return checked


def _check(
    draft: Draft, path: Path, subjects: Sequence[str], renames: Mapping[str, Renamed] = {}
) -> tuple[Draft, list[DraftError]]:
    """`check_draft`'s work; `renames` (`renamedsubjects.renamed_subjects`): what a subject
    feeds.yaml no longer names became, for the advice (fixie #1)."""
    configured = {_name_key(n): n for n in subjects}
    extra = {_name_key(n) for n in draft.extra_sections}
    mistakes: list[DraftError] = []

    def configured_name(name: str) -> str | None:
        return configured.get(_name_key(name))

    theme = []
    for name in draft.theme:
        found = configured_name(name)
        if found is None:
            hint = subject_hint(name, subjects)
            if (became := renamed(dict(renames), name)) is not None:
                hint = f"{became.said(name)}: write `{became.new}` in `theme:`"
            mistakes.append(
                DraftError(
                    path,
                    draft.lines.get("theme", 2),
                    f"the theme names no subject `{name}`; {hint}",
                )
            )
            continue
        if found in theme:
            # (walk111 #1: the issue was "on X and X", and featured each article twice)
            mistakes.append(
                DraftError(
                    path,
                    draft.lines.get("theme", 2),
                    f"the theme names `{found}` twice; write each subject once",
                )
            )
            continue
        theme.append(found)
    sections = []
    for section in draft.sections:
        found = configured_name(section.subject)
        if found is None and _name_key(section.subject) not in extra:
            hint = subject_hint(section.subject, subjects)
            if (became := renamed(dict(renames), section.subject)) is not None:
                hint = f"{became.said(section.subject)}: write `# {became.new}` on this line"
            hint += "" if hint.endswith("?") else "."
            mistakes.append(
                DraftError(
                    path,
                    section.line,
                    f"no subject `{section.subject}`; {hint} For a section of your own, list it"
                    f" in the front matter: extra_sections: [{_flow_item(section.subject)}]",
                )
            )
        subject = found or unicodedata.normalize("NFC", section.subject)
        sections.append(replace(section, subject=subject))
    return replace(draft, theme=tuple(theme), sections=tuple(sections)), mistakes


def _name_key(name: str) -> str:
    """A subject's or a section's name as a draft's heading is compared: in composed Unicode
    (walk151 #10: a heading saved decomposed, NFD, as some macOS tools save, "Vélo" as "Ve" and a
    combining accent, named no subject, and the advice to list it in extra_sections published a
    look-alike section), spaces and letter case aside."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


#: The lines of a draft not in UTF-8 that its mistake names one by one (the rest are counted).
BAD_LINES_NAMED = 10


def _not_utf8(path: Path) -> DraftError:
    """The mistake of a draft saved in another encoding than UTF-8 (Windows-1252, say): at its
    first line that is not UTF-8, naming every other such line (walk38 #6: only the first was)."""
    bad = []
    for number, raw in enumerate(path.read_bytes().split(b"\n"), 1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
    others = [str(n) for n in bad[1:BAD_LINES_NAMED]]
    more = len(bad) - 1 - len(others)
    also = ""
    if others:
        listed = ", ".join(others) + (f" and {more} more" if more else "")
        also = f" (nor line{'s' * (len(bad) > 2)} {listed})"
    return DraftError(
        path,
        bad[0] if bad else 1,
        f"this line is not UTF-8 text{also}: the draft was saved in another encoding (such as"
        ' Windows-1252); save it as UTF-8 in your editor ("Save with encoding: UTF-8"), then'
        " build again",
    )


def _subject_demoted(mistake: DraftError, subjects: Sequence[str]) -> DraftError:
    """An article heading with no url: that names a subject (`## Service operations`) is that
    subject's heading given two #s, said so (walk142 #9: "article 'Service operations' has no
    url", and its articles were read as the subject's above)."""
    if not isinstance(mistake, NoUrl):
        return mistake
    key = " ".join(mistake.title.split()).casefold()
    found = next((s for s in subjects if " ".join(s.split()).casefold() == key), None)
    if found is None:
        return mistake
    return DraftError(
        mistake.path,
        mistake.line,
        f"'## {_shortened(mistake.title)}' names your subject {found!r}, but '## ' starts an"
        f" article (and this one has no url: line): for the subject, write"
        f" '# {_shortened(mistake.title)}' (# starts a subject, ## an article)",
    )


def _not_text(path: Path, data: bytes) -> DraftError | None:
    """The mistake of a draft that is empty, or saved as UTF-16 (walk142 #16: an emptied draft
    was told "a draft starts with a '---' line", and a UTF-16 one that its line 1 "is not UTF-8
    ... (such as Windows-1252)"); None for another."""
    marked = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if marked or data.count(b"\x00") * 4 >= len(data) > 0:
        # (iconv reads "UTF-16" by its byte order mark; without one, the order is named)
        encoding = "UTF-16" if marked else "UTF-16LE" if data[1:2] == b"\x00" else "UTF-16BE"
        why = (
            "its byte order mark says so" if marked else "the NUL bytes between its letters say so"
        )
        converted = path.with_name(path.stem + "-utf8" + path.suffix)
        return DraftError(
            path,
            0,
            f"the draft was saved as {encoding} ({why}), not UTF-8: save it as UTF-8 in"
            ' your editor ("Save with encoding: UTF-8"), or convert it:'
            f" iconv -f {encoding} -t UTF-8 {shell_arg(path)} > {shell_arg(converted)}"
            f" && mv {shell_arg(converted)} {shell_arg(path)}",
        )
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        what = "empty" if not data else "blank (nothing but spaces and blank lines)"
        return DraftError(
            path,
            0,
            f"the draft is {what}: was it saved after editing? Undo in your editor and save"
            " it again, or write a new one: run `curator draft --force` (which replaces it) with"
            " the options you made this one with (--all-subjects or --subject NAME: without"
            " them the new draft is of the plan's subjects only)",
        )
    return None


def front_matter_of(path: Path) -> dict[str, object]:
    """A draft's front matter values as far as they read; {} when the file or its front matter
    cannot be read (`read_draft` says why). For a look at its title and editor before the draft
    is read against this newsletter's subjects (`ownership.stop_for_another_newsletters_draft`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    if len(text) > MAX_DRAFT_CHARS:
        return {}
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        front = _front_matter(lines, path)
    except DraftError:
        return {}
    return {str(key): value for key, value in front.values.items()}


def read_draft(
    path: Path,
    subjects: Sequence[str] | None = None,
    *,
    today: date | None = None,
    renames: Mapping[str, Renamed] = {},
) -> Draft:
    """Read and parse a draft file, and with `subjects` check its headings and theme against them
    (as check_draft); every mistake is said at once, in line order. An unreadable file is a
    DraftError too."""
    try:
        data = path.read_bytes()
        if (mistake := _not_text(path, data)) is not None:
            raise mistake
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except OSError as exc:
        raise DraftError(path, 0, f"cannot read the draft ({exc.strerror or exc})") from None
    draft, mistakes = _parse(text, path, today)
    if subjects is not None:
        draft, more = _check(draft, path, subjects, renames)
        mistakes = [_subject_demoted(m, subjects) for m in mistakes] + more
    stop_for(path, mistakes)
    return draft


__all__ = [
    "blurb_mistakes",
    "blurb_rebuilt",
    "check_blurbs",
    "check_draft",
    "credit_followed",
    "Draft",
    "DraftCopy",
    "DraftEntry",
    "DraftError",
    "DraftMistakes",
    "DraftSection",
    "draft_path",
    "empty_sections",
    "merged_sections",
    "moved_addresses",
    "draft_to_issue",
    "featured_again",
    "parse_draft",
    "read_draft",
    "stop_for",
    "write_draft",
    "another_story_of",
    "copy_remark",
    "credit_dispute",
    "credit_note",
    "credit_notes_line",
    "dropped_credits",
    "excluded_since",
    "feature_again_line",
    "front_matter_of",
    "lost_opening_of",
    "named_twice",
    "NO_BLURB",
    "noted_credits",
    "original_copy",
    "same_story_twice",
    "short_blurb_reason",
    "written_for_remark",
]
