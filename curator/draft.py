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
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import yaml

from curator.errors import InputError
from curator.models import Article, Issue, Scored, Section
from curator.urls import clean_url, safe_url

#: Front matter keys a draft may have, and what each holds (said back in an error).
FRONT_MATTER_KEYS = {
    "title": "the newsletter's title",
    "number": "the issue number, a whole number",
    "date": "the issue's date, e.g. 2026-11-25",
    "editor": "the editor's name (optional)",
    "introduction": "the introduction (optional; usually written below the front matter instead)",
}
#: A draft is a text an editor writes; anything bigger is a mistake (a pasted file), not a draft.
MAX_DRAFT_CHARS = 5_000_000

_HEADING = re.compile(r"^(#{1,2})[ \t]+(.*?)[ \t]*$")
_FIELD = re.compile(r"^(url|authors?|publication)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_ESCAPED = re.compile(r"^\\(?=#)")
_NEEDS_ESCAPE = re.compile(r"^(#{1,2}[ \t])")

HELP = """\
<!--
curator draft of issue {number}. Edit anything, then run: curator build --draft {name}
- The introduction is the text below this note, before the first "# Subject" heading.
- "# Heading" starts a subject; "## Heading" starts an article (its title) in that subject,
  with url:, author: (one line per person) and publication: lines under it, then its blurb.
- Cut an article: delete its "##" block. Move or reorder: move the block. Rewrite in place.
- Add an article: a heading with just its URL, e.g. "## https://example.com/post".
- Anything inside an HTML comment like this note is ignored (park an article in one).
-->"""


class DraftError(InputError):
    """A mistake in a draft, with the line it is on and what to do about it."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = Path(path)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class DraftEntry:
    """One article as the draft gives it."""

    #: The article's link as written (http/https).
    url: str
    #: The title; "" when the editor added the article by its URL alone.
    title: str = ""
    authors: tuple[str, ...] = ()
    publication: str = ""
    blurb: str = ""
    #: The line of the article's heading.
    line: int = 0

    @property
    def url_only(self) -> bool:
        """Added by URL: curator fills in title, credit and blurb from the page."""
        return not self.title


@dataclass(frozen=True)
class DraftSection:
    subject: str
    entries: tuple[DraftEntry, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Draft:
    """The whole draft: front matter, introduction and the subjects' articles in order."""

    title: str
    number: int
    #: The issue's date (aware UTC; midnight when the draft gives a day).
    date: datetime
    editor: str = ""
    introduction: str = ""
    sections: tuple[DraftSection, ...] = ()

    @property
    def entries(self) -> tuple[DraftEntry, ...]:
        return tuple(e for s in self.sections for e in s.entries)


# -- writing --------------------------------------------------------------------------------------


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _escape_lines(text: str) -> str:
    """A line that would read as a heading is written with a backslash (parse removes it)."""
    return "\n".join(_NEEDS_ESCAPE.sub(r"\\\1", line) for line in text.splitlines())


def _yaml_line(key: str, value: object) -> str:
    text: str = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=10_000)
    return text.strip()


def draft_path(folder: Path, number: int) -> Path:
    """Where the draft of issue `number` lives: drafts/issue-<N>.md."""
    return folder / f"issue-{number}.md"


def write_draft(issue: Issue, *, name: str | None = None) -> str:
    """The issue as a draft the editor edits (parse_draft reads the same content back)."""
    name = name or f"drafts/issue-{issue.number}.md"
    lines = ["---"]
    lines.append(_yaml_line("title", _one_line(issue.title)))
    lines.append(_yaml_line("number", issue.number))
    day = issue.date.astimezone(UTC)
    lines.append(_yaml_line("date", day.date() if day.time() == time(0) else day))
    if issue.editor:
        lines.append(_yaml_line("editor", _one_line(issue.editor)))
    lines += ["---", HELP.format(number=issue.number, name=name.replace("-->", "")), ""]
    intro = issue.introduction.strip()
    if intro:
        lines += [_escape_lines(intro), ""]
    for section in issue.sections:
        lines += [f"# {_one_line(section.subject)}", ""]
        for entry in section.entries:
            art = entry.article
            lines.append(f"## {_one_line(art.title) or art.url}")
            lines.append(f"url: {art.url}")
            lines += [f"author: {_one_line(a)}" for a in art.authors if _one_line(a)]
            if art.publication:
                lines.append(f"publication: {_one_line(art.publication)}")
            lines.append("")
            paragraphs = [_one_line(p) for p in re.split(r"\n\s*\n", art.blurb)]
            blurb = "\n\n".join(p for p in paragraphs if p)
            if blurb:
                lines += [_escape_lines(blurb), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# -- reading --------------------------------------------------------------------------------------


def _front_matter(lines: list[str], path: Path) -> tuple[dict[str, object], int]:
    """The front matter's values and the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        raise DraftError(
            path, 1, "a draft starts with a '---' line, then title, number and date, then '---'"
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise DraftError(path, 1, "the front matter opened here is never closed: add a '---' line")
    source = "\n".join(lines[1:end])
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        values = yaml.safe_load(source)
    except RecursionError:
        raise DraftError(path, 2, "the front matter is nested too deeply to be a draft's") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DraftError(
            path,
            line,
            f"the front matter is not valid YAML ({problem}); a title with ': ' in it needs quotes",
        ) from None
    if node is None:
        values, key_lines = {}, {}
    elif not isinstance(node, yaml.MappingNode) or not isinstance(values, dict):
        raise DraftError(
            path, 2, "the front matter must be 'key: value' lines (title, number, date)"
        )
    else:
        key_lines = {str(k.value): k.start_mark.line + 2 for k, _ in node.value}
    for key in values:
        if str(key) not in FRONT_MATTER_KEYS:
            known = ", ".join(FRONT_MATTER_KEYS)
            raise DraftError(
                path, key_lines.get(str(key), 2), f"unknown front matter key {key!r}; keys: {known}"
            )
    for key in ("title", "number", "date"):
        if values.get(key) in (None, ""):
            raise DraftError(
                path, end + 1, f"the front matter needs {key}: {FRONT_MATTER_KEYS[key]}"
            )
    for key in ("title", "editor"):
        if key in values and not isinstance(values[key], str | int | float | type(None)):
            raise DraftError(path, key_lines.get(key, 2), f"{key} must be one line of text")
    values["_lines"] = key_lines
    return values, end + 1


def _draft_date(value: object, path: Path, line: int) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=UTC)
    try:
        return _draft_date(datetime.fromisoformat(str(value).strip()), path, line)
    except ValueError:
        raise DraftError(
            path, line, f"date {value!r} is not a date; write it as 2026-11-25"
        ) from None


@dataclass
class _Open:
    """An article being read: its heading, fields so far, and blurb lines."""

    title: str
    line: int
    url: str = ""
    url_line: int = 0
    authors: list[str] | None = None
    publication: str = ""
    in_fields: bool = True
    blurb: list[str] | None = None


def _finish(entry: _Open, path: Path, seen: dict[str, int]) -> DraftEntry:
    title, url = entry.title, entry.url
    bare = title.strip("<>")
    if not url and safe_url(bare) and bare.lower().startswith(("http://", "https://")):
        title, url, entry.url_line = "", bare, entry.line
    if not url:
        raise DraftError(
            path,
            entry.line,
            f"article {title!r} has no url: add a line 'url: https://...' right under its heading",
        )
    link = safe_url(url)
    if link is None or not link.lower().startswith(("http://", "https://")):
        raise DraftError(path, entry.url_line, f"url {url!r} is not an http or https link")
    key = clean_url(link)
    if key in seen:
        raise DraftError(
            path,
            entry.line,
            f"this article is in the draft twice (also at line {seen[key]}); delete one",
        )
    seen[key] = entry.line
    paragraphs = "\n".join(entry.blurb or []).strip()
    blurb = "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", paragraphs) if p.strip())
    return DraftEntry(
        url=link,
        title=title,
        authors=tuple(entry.authors or ()),
        publication=entry.publication,
        blurb=blurb,
        line=entry.line,
    )


def parse_draft(text: str, path: Path) -> Draft:
    """Read a draft; a mistake raises DraftError naming its line and the fix."""
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftError(
            path, 1, f"the draft is over {MAX_DRAFT_CHARS:,} characters; is it a draft?"
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front, start = _front_matter(lines, path)
    key_lines: dict[str, int] = front.pop("_lines")  # type: ignore[assignment]
    number = front["number"]
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise DraftError(
            path, key_lines.get("number", 2), f"number {number!r} is not a whole number above 0"
        )
    when = _draft_date(front["date"], path, key_lines.get("date", 2))
    intro_lines: list[str] = []
    sections: list[DraftSection] = []
    subject: tuple[str, int] | None = None
    entries: list[DraftEntry] = []
    current: _Open | None = None
    seen: dict[str, int] = {}
    comment_from = 0

    def close_entry() -> None:
        nonlocal current
        if current is not None:
            entries.append(_finish(current, path, seen))
            current = None

    def close_section() -> None:
        nonlocal entries
        close_entry()
        if subject is not None and entries:
            sections.append(DraftSection(subject[0], tuple(entries), subject[1]))
        entries = []

    for index in range(start, len(lines)):
        number_ = index + 1
        raw = lines[index]
        stripped = raw.strip()
        if comment_from:
            if "-->" in raw:
                comment_from = 0
            continue
        if stripped.startswith("<!--"):
            if "-->" not in stripped:
                comment_from = number_
            continue
        heading = _HEADING.match(raw)
        if heading:
            level, name = len(heading.group(1)), heading.group(2)
            if not name:
                raise DraftError(path, number_, "this heading is empty: give it a subject or title")
            if level == 1:
                close_section()
                subject = (name, number_)
            else:
                if subject is None:
                    raise DraftError(
                        path,
                        number_,
                        f"article {name!r} comes before any subject: put a '# Subject' heading above it",
                    )
                close_entry()
                current = _Open(name, number_)
            continue
        line = _ESCAPED.sub("", raw.rstrip())
        if current is None:
            if subject is None:
                intro_lines.append(line)
            elif stripped:
                raise DraftError(
                    path,
                    number_,
                    f"text under subject {subject[0]!r} belongs to no article: start an article "
                    "with '## Title' or delete the line",
                )
            continue
        field = _FIELD.match(raw) if current.in_fields else None
        if field:
            key, value = field.group(1).lower(), field.group(2)
            if key == "url":
                if current.url:
                    raise DraftError(path, number_, "this article has two url lines: keep one")
                if not value:
                    raise DraftError(path, number_, "url is empty: give the article's link")
                current.url, current.url_line = value, number_
            elif key == "publication":
                current.publication = value
            else:
                # `author:` is one person (a name may hold a comma: "Smith, Jr."); `authors:` lists
                # several, separated by semicolons or commas.
                names = [value] if key == "author" else re.split(r"\s*[;,]\s*", value)
                current.authors = (current.authors or []) + [n for n in names if n]
            continue
        current.in_fields = False
        current.blurb = (current.blurb or []) + [line]
    if comment_from:
        raise DraftError(path, comment_from, "this <!-- comment is never closed with -->")
    close_section()
    intro = front.get("introduction")
    body_intro = "\n".join(intro_lines).strip()
    if intro and body_intro:
        raise DraftError(
            path,
            key_lines.get("introduction", 2),
            "the introduction is given twice (front matter and text below it): keep one",
        )
    if not sections:
        raise DraftError(path, start + 1, "the draft has no articles: every article was cut")
    return Draft(
        title=" ".join(str(front["title"]).split()),
        number=number,
        date=when,
        editor=" ".join(str(front.get("editor") or "").split()),
        introduction=str(intro).strip() if intro else body_intro,
        sections=tuple(sections),
    )


def read_draft(path: Path) -> Draft:
    """Read and parse a draft file; an unreadable file is a DraftError too."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise DraftError(
            path, line, "this line is not UTF-8 text; save the draft as UTF-8"
        ) from None
    except OSError as exc:
        raise DraftError(path, 0, f"cannot read the draft ({exc.strerror or exc})") from None
    return parse_draft(text, path)


# -- to an issue ----------------------------------------------------------------------------------


def _lookup(known: Mapping[str, Article | Scored], url: str) -> Scored | None:
    found = known.get(url)
    if found is None:
        found = known.get(clean_url(url))
    if found is None:
        return None
    return found if isinstance(found, Scored) else Scored(found, 0.0)


def draft_to_issue(
    draft: Draft,
    known: Mapping[str, Article | Scored],
    *,
    descriptions: Mapping[str, str] | None = None,
) -> tuple[Issue, tuple[str, ...]]:
    """The Issue exactly as the draft says, and the draft's URLs curator does not know yet.

    `known` maps an article's URL (as stored, or as written in the draft) to the stored Article (or
    a Scored, to keep its score and "also covered by"). The draft's title, credit and blurb replace
    the stored ones, except for an article added by URL alone, which shows what was extracted.
    An unknown URL is left out of the Issue and listed: fetch and store it, then call again.
    """
    descriptions = descriptions or {}
    missing: list[str] = []
    sections: list[Section] = []
    for section in draft.sections:
        scored: list[Scored] = []
        for entry in section.entries:
            found = _lookup(known, entry.url)
            if found is None:
                missing.append(entry.url)
                continue
            if not entry.url_only:
                article = Article(
                    id=found.article.id,
                    url=found.article.url,
                    title=entry.title,
                    authors=entry.authors,
                    publication=entry.publication or None,
                    blurb=entry.blurb,
                    summary=found.article.summary,
                    categories=found.article.categories,
                    published=found.article.published,
                    first_seen=found.article.first_seen,
                    feed_url=found.article.feed_url,
                    text=found.article.text,
                    subject_hints=found.article.subject_hints,
                )
                found = Scored(article, found.score, found.matched, found.also_covered_by)
            scored.append(found)
        if scored:
            sections.append(
                Section(section.subject, descriptions.get(section.subject, ""), tuple(scored))
            )
    issue = Issue(
        number=draft.number,
        date=draft.date,
        title=draft.title,
        editor=draft.editor or None,
        introduction=draft.introduction,
        sections=tuple(sections),
    )
    return issue, tuple(missing)


__all__ = [
    "Draft",
    "DraftEntry",
    "DraftError",
    "DraftSection",
    "draft_path",
    "draft_to_issue",
    "parse_draft",
    "read_draft",
    "write_draft",
]
