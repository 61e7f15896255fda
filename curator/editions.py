"""The editions of one issue as their templates see them: the formats a build writes, the filters
the Markdown, text and feed templates use, the editor's UTM parameters on links, and the variables
of the issue's pages, the archive page and the feed of issues (its entries' ids and times) (moved
out of `curator.outputs`, which had grown past 2,500 lines)."""

from __future__ import annotations

import copy
import html
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import jinja2
import jinja2.meta
from markdown_it import MarkdownIt
from markupsafe import Markup

from curator.htmltext import html_to_text, script_in
from curator.markdowntext_links import (
    cut_unsafe_links,
    inline_references,
    outside_code,
)
from curator.mdliteral import md_text, plain_value
from curator.models import Issue
from curator.readerlang import isolated
from curator.render import AND, Text, date_text, issue_context, join_names
from curator.templatecheck import OUTPUT_FILTERS
from curator.urls import safe_url
from curator.views import EntryView, SectionView
from curator.xmlonce import parsed

#: The issue formats a build can write (config: `outputs:`); "index" and "feed" are the archive page
#: and the Atom feed of every issue. Each maps to (template, file name pattern).
ISSUE_FORMATS: dict[str, tuple[str | None, str]] = {
    "html": ("issue.html", "issue-{n}.html"),
    "fragment": ("fragment.html", "issue-{n}.fragment.html"),
    "markdown": ("issue.md", "issue-{n}.md"),
    "email": ("email.html", "issue-{n}.email.html"),
    "text": ("issue.txt", "issue-{n}.txt"),
    "json": (None, "issue-{n}.json"),
}
ARCHIVE_FORMATS = ("index", "feed")
#: The editions a browser shows as the issue's page on the web, the first of them written being the
#: one the archive, the feed and "Read it on the web" link (walk197 #2).
WEB_EDITIONS = ("html", "email", "fragment", "text")
#: Every output name, in the order they are written.
OUTPUTS: tuple[str, ...] = (*ISSUE_FORMATS, *ARCHIVE_FORMATS)


@dataclass(frozen=True)
class ArchiveItem:
    """One published issue as the archive page and the feed list it."""

    number: int
    title: str
    #: The issue's date (aware, with its own offset: see `Issue.date`).
    date: datetime
    #: The issue's subjects, in issue order.
    subjects: tuple[str, ...] = ()
    #: The rendered fragment (issue-N.fragment.html): the feed entry's content.
    fragment_html: str = ""
    #: The subjects the issue was about; () for an issue of every subject.
    theme: tuple[str, ...] = ()

    @property
    def href(self) -> str:
        """The issue page, relative to the output folder."""
        return f"issue-{self.number}.html"

    @property
    def date_text(self) -> str:
        return date_text(self.date)


# -- text filters for the Markdown, text and feed templates -------------------------------------

#: A tag-like `<` in the editor's Markdown introduction (CommonMark raw HTML); autolinks stay,
#: and so does a `\<` (an even run of backslashes before it is theirs): Markdown shows it as a `<`
#: already, and `\&lt;` would show the letters "&lt;" (walk96 A).
_MD_RAW_HTML = re.compile(r"(?<!\\)((?:\\\\)*)<(?=[A-Za-z/!?])(?!(?:https?://|mailto:))")


def md_url(value: object) -> Markup:
    """A safe link for a Markdown destination: characters that end or break one percent-encoded."""
    url = safe_url(str(plain_value(value) or "")) or ""
    return Markup(quote(url, safe="/:?#[]@!$&'*+,;=%~-._"))


#: A code span (CommonMark 6.1): its backticks, then the shortest run up to as many again.
#: (never across a blank line: a paragraph ends there, and a code span with it).
_MD_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
_MD_BLOCKS = MarkdownIt("commonmark", {"html": True})


class _EveryLink(MarkdownIt):
    """Markdown read with every link kept as written: markdown-it shows a `javascript:` link as
    text, kramdown (Jekyll) and others as a live link, so `refuse_script` must see it."""

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        return True


MD_AS_SHOWN = _EveryLink("commonmark", {"html": True})


#: A `&lt;` that `escape_raw_html` wrote for a tag-like `<`.
_MD_ESCAPED_HTML = re.compile(r"&lt;(?=[A-Za-z/!?])(?!(?:https?://|mailto:))")


def escape_raw_html(text: str, undo: bool = False) -> str:
    """Every tag-like `<` of the editor's Markdown as `&lt;`, but in code spans and code blocks,
    where a `<` is already text (and an entity would be shown as the letters `&lt;`). With
    `undo`, each such `&lt;` back as `<` (every format shows the two alike)."""
    pattern, to = (_MD_ESCAPED_HTML, "<") if undo else (_MD_RAW_HTML, r"\1&lt;")
    lines = text.split("\n")
    code = {
        row
        for token in _MD_BLOCKS.parse(text)
        if token.type in ("fence", "code_block") and token.map
        for row in range(*token.map)
    }
    return outside_code(lines, code, _MD_CODE_SPAN, lambda piece: pattern.sub(to, piece))


def md_intro(value: object) -> Markup:
    """The editor's Markdown introduction for Hugo/Jekyll: raw HTML shown as text, unsafe links cut.

    Jekyll's kramdown passes raw HTML through, so a `<script>` would run there; render.py treats raw
    HTML in the introduction as text, and this keeps the Markdown output the same (a `<` in a code
    span or block is text already, so it stays). A link to an unsafe address (javascript:, file:,
    data: ...) becomes its text alone, and a reference definition naming one is left out, so no
    such address reaches the Markdown file. (Markup: safe in a .md template as it is.)
    """
    # Its reference links written inline, as issue-N.md is one document where a label means the
    # first definition of it in the whole file (walk149 #2: two blurbs' `[1]`).
    return Markup(inline_references(markdown_as_published(value)).strip())


def markdown_as_published(value: object) -> str:
    """The editor's Markdown (an introduction, a closing line, a blurb) with raw HTML as text and
    unsafe links cut (`md_intro`), its reference links as written: a piece read alone, as
    issue-N.json's "blurb_markdown" holds it."""
    # stripped after the cut too: a definition cut at the end leaves its blank line, which the
    # next render's cut would strip (walk87 #4: `render --all` rewrote what the build wrote)
    return cut_unsafe_links(escape_raw_html(str(plain_value(value) or "").strip())).strip()


#: A front matter value that would run script where a theme prints it unescaped has these as
#: entities; every other value is written as it is.
_FRONT_MATTER_ESCAPES = {"<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def _runs_script_unescaped(text: str) -> bool:
    """Whether `text` would run script printed unescaped into a page, as a theme printing
    `{{ page.title }}` without `| escape` would: as text, or in a quoted attribute."""
    forms = (text, f"{text} >", f'<a title="{text}">', f"<a title='{text}'>")
    return any(script_in(form) is not None for form in forms)


def yaml_scalar(value: object) -> Markup:
    """A YAML double-quoted scalar (JSON strings are valid YAML 1.2 and PyYAML reads them) holding
    the text as written: Hugo escapes front matter where it prints it, and Jekyll's themes do
    (minima's `{{ page.title | escape }}`), so an entity here would be shown as its letters
    (walk63 #1: `&lt;Weekly&gt;` in Hugo's title). A value that would run script where a theme
    prints it unescaped (`<script>`, an `on...=` handler, `" onmouseover="...`) has `<`, `>`,
    `"` and `'` as entities instead: shown so by Hugo, but never run."""
    text = str(plain_value(value))
    if _runs_script_unescaped(text):
        text = "".join(_FRONT_MATTER_ESCAPES.get(ch, ch) for ch in text)
    return Markup(json.dumps(text, ensure_ascii=False))


def install_filters(env: jinja2.Environment) -> jinja2.Environment:
    """The filters the output templates use (an editor's overrides may use them too)."""
    filters = {
        "md_text": md_text,
        "md_url": md_url,
        "md_intro": md_intro,
        "yaml": yaml_scalar,
        # a name in a line of other words, in the text and Markdown editions (walk159 #3)
        "isolated": isolated,
    }
    # (each named in templatecheck.OUTPUT_FILTERS, which a template's load check knows before this)
    for name in OUTPUT_FILTERS:
        env.filters.setdefault(name, filters[name])
    return env


# -- UTM ------------------------------------------------------------------------------------------


def add_utm(url: str | None, utm: Mapping[str, str] | None, *, number: int) -> str | None:
    """`url` with the editor's UTM parameters (http/https links only; `{number}` is the issue's)."""
    if not url or not utm:
        return url
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        return url
    given = {k: str(v).replace("{number}", str(number)) for k, v in utm.items() if v}
    given = {k if k.startswith("utm_") else f"utm_{k}": v for k, v in given.items()}
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in given]
    query.extend(given.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


#: What `{edition}` in a UTM value becomes in each edition (walk39 #6: one utm_medium tagged the
#: blog's, the feed's and the Markdown's links `email`); the feed's is its entries' fragments'.
EDITIONS = {
    "html": "web",
    "fragment": "blog",
    "markdown": "markdown",
    "email": "email",
    "text": "text",
    "feed": "feed",
}


def utm_for(utm: Mapping[str, str] | None, edition: str) -> Mapping[str, str] | None:
    """The editor's UTM parameters for one edition (a name of `EDITIONS`): `{edition}` replaced."""
    if not utm:
        return utm
    return {k: str(v).replace("{edition}", EDITIONS[edition]) for k, v in utm.items()}


def _utm_sections(
    sections: Sequence[SectionView], utm: Mapping[str, str] | None, number: int
) -> tuple[SectionView, ...]:
    if not utm:
        return tuple(sections)

    def entry(e: EntryView) -> EntryView:
        also = tuple((name, add_utm(u, utm, number=number)) for name, u in e.also_covered_by)
        return replace(e, url=add_utm(e.url, utm, number=number), also_covered_by=also)

    return tuple(replace(s, entries=tuple(entry(e) for e in s.entries)) for s in sections)


# -- contexts -------------------------------------------------------------------------------------


def _base(site_url: str | None) -> str | None:
    url = safe_url(site_url) if site_url else None
    return url.rstrip("/") + "/" if url else None


def _page_url(base: str | None, name: str) -> str | None:
    return base + name if base else None


def web_page(number: int, formats: Collection[str]) -> str | None:
    """The file that stands for issue `number`'s page on the web: issue-N.html, or with `html`
    left out of `outputs` the first edition of `WEB_EDITIONS` written (walk197 #2: index.html,
    feed.xml, the email's footer and the text edition linked issue-N.html, never written: a 404
    for every reader, unsaid); None when no such edition is written."""
    for name in WEB_EDITIONS:
        if name in formats:
            return ISSUE_FORMATS[name][1].format(n=number)
    return None


def _archive_link(base: str | None, number: int, formats: Collection[str]) -> str:
    """The address index.html and feed.xml link issue `number` at (`web_page`); "" for none."""
    page = web_page(number, formats)
    return (_page_url(base, page) or page) if page else ""


def output_context(
    issue: Issue,
    *,
    site_url: str | None = None,
    utm: Mapping[str, str] | None = None,
    formats: Collection[str] = OUTPUTS,
    language: str = "en",
    and_word: str = AND,
) -> dict[str, object]:
    """issue_context with the editor's UTM parameters on article links, and which archive files
    this build writes (a page links only those) (docs/templates.md), for a newsletter in
    `language` whose `_words.txt` joins names with `and_word`."""
    context = issue_context(issue, site_url=site_url, language=language, and_word=and_word)
    context.update(_written(formats))
    if context["page_url"]:
        page = web_page(issue.number, formats)
        context["page_url"] = _page_url(_base(site_url), page) if page else None
    sections = _utm_sections(context["sections"], utm, issue.number)  # type: ignore[arg-type]
    context["sections"] = sections
    return context


def _written(formats: Collection[str]) -> dict[str, object]:
    """`has_index` and `has_feed`: the archive page and the Atom feed are among the outputs, so a
    page may link them (a link to a file the build does not write is a broken link)."""
    return {"has_index": "index" in formats, "has_feed": "feed" in formats}


def _feed_id(title: str, base: str | None, suffix: str) -> str:
    """A stable Atom id: the page's URL when the site's URL is known, else a name-based UUID URN."""
    if base:
        return base + suffix
    return uuid.uuid5(uuid.NAMESPACE_URL, f"curator:{title}/{suffix}").urn


def rfc3339(value: datetime) -> str:
    """RFC 3339 with the time's own offset ("Z" for UTC): an issue dated midnight in Honolulu
    stays on its day in a feed reader (walk57 #4: 2026-12-14T23:30:00-12:00 was written as
    2026-12-15T11:30:00Z)."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    stamp = aware.replace(microsecond=0).isoformat()
    return stamp[:-6] + "Z" if stamp.endswith("+00:00") else stamp


_ATOM = "{http://www.w3.org/2005/Atom}"


def published_feed_ids(out_dir: Path) -> dict[str, str]:
    """The Atom ids the output folder's feed.xml gave: {"feed.xml": the feed's, "issue-N.html":
    each entry's (by its link's file name)}; {} when there is no such feed (or it is unreadable).

    Why: the ids were name-based `urn:uuid:`s without `site_url` and the pages' URLs with it, so
    setting `site_url` later changed every id and feed readers showed old issues as new (walk39
    #5). An id once published is kept."""
    try:
        root = parsed((out_dir / "feed.xml").read_bytes())
    except (OSError, ET.ParseError, ValueError):
        return {}
    ids: dict[str, str] = {}
    own = root.findtext(f"{_ATOM}id")
    if own and own.strip():
        ids["feed.xml"] = own.strip()
    for entry in root.iter(f"{_ATOM}entry"):
        entry_id = (entry.findtext(f"{_ATOM}id") or "").strip()
        for link in entry.iter(f"{_ATOM}link"):
            if link.get("rel", "alternate") == "alternate" and entry_id:
                name = urlsplit(link.get("href") or "").path.rsplit("/", 1)[-1]
                if re.fullmatch(r"issue-\d+\.html", name):
                    ids.setdefault(name, entry_id)
    return ids


def feed_times(text: str | bytes, tag: str = "published") -> dict[int, str]:
    """Each issue's <published> time (or the element `tag` names: "updated") in a feed of issues,
    by number (from the entry's link to its issue-N.html); {} for a feed that cannot be read."""
    times: dict[int, str] = {}
    for number, entry in issue_entries(text):
        if published := (entry.findtext(f"{_ATOM}{tag}") or "").strip():
            times.setdefault(number, published)
    return times


def times_moved(before: str | bytes | None, after: str | None) -> dict[int, tuple[str, str]]:
    """The issues whose <published> time in feed.xml `after` differs from the one feed.xml
    `before` gave them, within their day (a date corrected is said apart), as (before, after) by
    number (walk62 #4: after an upgrade, issues of one day got times a second apart)."""
    if not before or not after:
        return {}
    old, new = feed_times(before), feed_times(after)
    return {
        n: (t, new[n])
        for n, t in sorted(old.items())
        if new.get(n, t) != t and new[n][:10] == t[:10]
    }


def times_moved_said(moved: Mapping[int, tuple[str, str]]) -> str:
    """What is said of the issues `times_moved` found ("" for none), by `render` and `build`
    (walk187 #6: the build that first followed an upgrade moved them, unsaid)."""
    if not moved:
        return ""
    listed = "; ".join(f"issue {n}: {old} -> {new}" for n, (old, new) in moved.items())
    return (
        f"feed.xml gives issues new times ({listed}): issues published on the same day now have"
        " times a second apart, so that feed readers list each of them (a reader may show them as"
        " updated once)."
    )


def _entries(text: str | bytes) -> dict[int, tuple[object, ...]]:
    """Each issue's entry in a feed of issues, by number, as what a reader reads of it (its
    title, summary, categories, the visible text of its content and where its links lead), not
    its markup: walk161 #5, `render --all` after an upgrade marked issue 1 updated in the feed
    though only its markup had changed (`<bdi>` credits, headings a level down, `lang`, links
    made absolute by `site_url`); {} for a feed that cannot be read."""
    entries: dict[int, tuple[object, ...]] = {}
    for number, entry in issue_entries(text):
        entries.setdefault(number, _entry_as_read(entry))
    return entries


def issue_entries(text: str | bytes) -> list[tuple[int, ET.Element]]:
    """Each entry of a feed of issues with the issue number its first alternate link to an
    issue-N.html gives, in the feed's order; [] for a feed that cannot be read. Each entry is a
    copy (fixkp #2): the tree `parsed` keeps is shared by the run's other readers of the same
    text, and a caller changing an entry must not change what they read (about 1 ms a build of
    the demo)."""
    try:
        root = parsed(text)
    except (ET.ParseError, ValueError):
        return []
    found: list[tuple[int, ET.Element]] = []
    for entry in root.iter(f"{_ATOM}entry"):
        for link in entry.iter(f"{_ATOM}link"):
            name = urlsplit(link.get("href") or "").path.rsplit("/", 1)[-1]
            number = re.fullmatch(r"issue-(\d+)\.html", name)
            if number and link.get("rel", "alternate") == "alternate":
                found.append((int(number.group(1)), copy.deepcopy(entry)))
                break
    return found


def _entry_as_read(entry: ET.Element) -> tuple[object, ...]:
    """What a feed reader shows of an entry of the feed of issues (`_entries`): its <updated>
    and whitespace aside (walk115 #3: an untouched issue was marked updated when an older one
    came back under it)."""

    def text(name: str) -> str:
        return " ".join("".join(entry.findtext(f"{_ATOM}{name}") or "").split())

    content = entry.findtext(f"{_ATOM}content") or ""
    links = tuple(
        _link_read(str(href)) for href in re.findall(r"""\bhref\s*=\s*["']([^"']*)["']""", content)
    )
    return (
        text("title"),
        text("id"),
        text("published"),
        text("summary"),
        tuple(c.get("term") for c in entry.findall(f"{_ATOM}category")),
        " ".join(html_to_text(content).split()),
        links,
    )


#: The last part of the path of a link to one of the newsletter's own files, which `site_url`
#: makes absolute.
_OWN_FILE = re.compile(r"issue-\d+(\.[a-z]+)+|index\.html|feed\.xml|latest\.html|")


def _link_read(href: str) -> tuple[str, str, str]:
    """Where a link leads, as a reader follows it: the last part of its path for one of the
    newsletter's own files (the same whether the link is relative or made absolute by
    `site_url`), the site and whole path for an article's (walk199 #3: an address corrected to
    another folder of its site, its last part kept, was no change), its query (without the
    `utm_` tags an edition adds) and its fragment."""
    parts = urlsplit(html.unescape(href))
    query = "&".join(sorted(q for q in parts.query.split("&") if q and not q.startswith("utm_")))
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    where = last if not parts.netloc or _OWN_FILE.fullmatch(last) else parts.netloc.lower() + path
    return where, query, parts.fragment


def changed_entries(before: str | bytes, after: str | bytes) -> set[int]:
    """The issues whose entry in feed of issues `after` differs from the one `before` had (apart
    from its <updated>); an issue new to `after` is not one."""
    old, new = _entries(before), _entries(after)
    return {n for n, entry in new.items() if n in old and old[n] != entry}


def distinct_datetimes(
    items: Sequence[ArchiveItem], published: Mapping[int, str] | None = None
) -> dict[int, datetime]:
    """Each issue's time in the feed of issues, by number: its date, a second later per earlier
    issue of the same date (walk49 #6: two issues built on one day had the same <published>,
    which a feed reader may take for one entry). The newest is the feed's <updated>: compared as
    times, not as text, for their offsets may differ.

    An issue keeps the time `published` (the output folder's feed.xml, by number) gave it while
    that is still its date's (its date, or seconds after it): walk115 #3, issue 1 left out of the
    feed for a mistake in its issue-N.json and then repaired took back its second, and issue 2,
    untouched, got a new <published> and was marked updated."""
    times: dict[int, datetime] = {}
    taken: set[datetime] = set()
    ordered = sorted(items, key=lambda a: a.number)
    dates = {a.number: a.date if a.date.tzinfo else a.date.replace(tzinfo=UTC) for a in ordered}
    for item in ordered:
        had = later_stamp(datetime.min.replace(tzinfo=UTC), (published or {}).get(item.number))
        when = dates[item.number]
        if timedelta(0) <= had - when < timedelta(seconds=len(ordered)) and had not in taken:
            taken.add(had)
            times[item.number] = had
    for item in ordered:
        if item.number in times:
            continue
        when = dates[item.number]
        while when in taken:
            when += timedelta(seconds=1)
        taken.add(when)
        times[item.number] = when
    return times


def later_stamp(when: datetime, stamp: str | None) -> datetime:
    """`when`, or the RFC 3339 time `stamp` when it is a later one (not a time: `when`)."""
    try:
        other = datetime.fromisoformat(stamp or "")
    except ValueError:
        return when
    other = other if other.tzinfo else other.replace(tzinfo=UTC)
    return other if other > when else when


def archive_context(
    title: str,
    editor: str | None,
    archive: Sequence[ArchiveItem],
    *,
    site_url: str | None,
    formats: Collection[str] = OUTPUTS,
    known_ids: Mapping[str, str] | None = None,
    updated: Mapping[int, str] | None = None,
    published: Mapping[int, str] | None = None,
    and_word: str = AND,
) -> dict[str, object]:
    """The variables of index.html and feed.xml (a theme's subjects joined with `and_word`,
    `render.words_and`); an Atom id in `known_ids` (published_feed_ids)
    is kept as it was published. An issue's time in `updated` (RFC 3339, by number: when a render
    last changed it, as the output folder's feed.xml says, or now) is its entry's <updated> when
    later than its date (walk86 #3: a corrected issue kept <updated> equal to <published>, so
    feed readers never saw the correction). An issue keeps its time in `published` (the
    <published> times the output folder's feed.xml gave) while it is its date's
    (`distinct_datetimes`)."""
    known = known_ids or {}
    base = _base(site_url)
    items = sorted(archive, key=lambda a: a.number, reverse=True)
    times = distinct_datetimes(items, published)
    stamps = {number: rfc3339(when) for number, when in times.items()}
    changed = {n: later_stamp(when, (updated or {}).get(n)) for n, when in times.items()}
    entries = [
        {
            "number": a.number,
            "title": Text(a.title),
            "date": a.date,
            "date_text": a.date_text,
            "date_rfc3339": stamps[a.number],
            "updated_rfc3339": rfc3339(changed[a.number]),
            "subjects": tuple(Text(s) for s in a.subjects),
            "theme": Text(join_names(a.theme, and_word)),
            "theme_subjects": tuple(Text(t) for t in a.theme),
            "fragment_html": a.fragment_html,
            "href": a.href,
            "link": _archive_link(base, a.number, formats),
            "entry_id": known.get(a.href) or _feed_id(title, base, a.href),
        }
        for a in items
    ]
    newest = rfc3339(max(changed.values(), default=datetime(1970, 1, 1, tzinfo=UTC)))
    return {
        "title": Text(title),
        "editor": Text(editor or ""),
        "archive": entries,
        "updated": newest,
        "feed_id": known.get("feed.xml") or _feed_id(title, base, "feed.xml"),
        "site_url": base,
        "index_url": _page_url(base, "index.html"),
        "feed_url": _page_url(base, "feed.xml"),
        **_written(formats),
    }
