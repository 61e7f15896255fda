"""Editing the editor's feeds.yaml: add, import and remove feeds without disturbing anything else.

feeds.yaml is the editor's own file, with their comments, blank lines, key order and quoting; a tool
that rewrites it from a parsed tree loses some of that. So edits are made on the text:
ruamel.yaml's round-trip parser says where each feed entry starts, new entries are written in the
file's own indentation, and a removed entry's lines are cut. Each edit is then checked by re-reading
the result (with PyYAML, as the app reads it) against the intended change; if the text edit cannot
be made or does not check out, ruamel.yaml rewrites the document instead, and that too is checked.
The file is replaced atomically by `curator.publish.write_atomic` (temporary file in the same
folder, then os.replace; its permissions kept): on any error it is untouched.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from curator.deps import reinstall_advice
from curator.errors import EXIT_FAILED, InputError, init_advice
from curator.extract import resembles_site
from curator.extract_rules import TITLE_SEPARATORS
from curator.opml import READER_FOLDERS, OpmlFeed, export_opml, read_opml
from curator.publish import write_atomic
from curator.templatecheck import builtin_templates
from curator.urls import address_fault, feed_key, site_of


class FeedsFileError(InputError):
    """feeds.yaml cannot be read or edited as asked (one line, names the file)."""


class DuplicateFeedError(FeedsFileError):
    """The feed is already in feeds.yaml (compared by normalised URL)."""

    exit_code = EXIT_FAILED


class FeedsFileWriteError(FeedsFileError):
    """feeds.yaml (or a new newsletter folder) could not be written; nothing was changed."""

    exit_code = EXIT_FAILED


@dataclass(frozen=True)
class FeedSpec:
    """One entry of the `feeds:` list, as the editor writes it."""

    #: An http(s) URL, or a path relative to feeds.yaml.
    url: str
    #: The publication's name, when the editor (or an import) gives one.
    name: str | None = None
    #: Subject names this feed hints at.
    subjects: tuple[str, ...] = ()
    #: A comment written after the entry's url (one line): an import says there what the OPML
    #: file called the feed when that is not written as `name:`. Not part of the feed's identity.
    comment: str | None = field(default=None, compare=False)
    #: Its `fetch_pages:` line, when it has one (None: the setting's default).
    fetch_pages: bool | None = None


@dataclass(frozen=True)
class SubjectStub:
    """A subject `feeds import --add-subjects` writes for an OPML folder, for the editor to finish:
    its name, the name as its one keyword, and a comment saying where it came from and what to add."""

    name: str
    #: Where it came from, for the comment above it ("the folder `Tech` of subscriptions.opml").
    origin: str


@dataclass(frozen=True)
class OpmlImport:
    """What `import_subscriptions` did."""

    added: tuple[FeedSpec, ...]
    #: Feeds already listed (by normalised URL), left as they are.
    skipped: tuple[FeedSpec, ...]
    #: Outlines that are not web feeds: (xmlUrl, text).
    rejected: tuple[tuple[str, str], ...]
    #: Folders (and categories) that name no subject, with how many feeds they hold; their feeds
    #: were added without that hint (or, with `add_subjects`, the folders became subjects).
    unknown_folders: tuple[tuple[str, int], ...] = ()
    #: The subjects added for those folders (`add_subjects`).
    subjects_added: tuple[SubjectStub, ...] = ()
    #: Folders not made subjects (`add_subjects`) because their names hold markup (`<`, `>` or
    #: `"`), which a page could read as HTML, or what a shell runs ("$(", "${", a backtick):
    #: (the name, its line in the OPML file or 0).
    subjects_refused: tuple[tuple[str, int], ...] = ()
    #: Added feeds whose OPML title is not their `name:` as it stands: (the title, the name
    #: written -- the part of the title that names the site -- or None, the feed's url).
    renamed: tuple[tuple[str, str | None, str], ...] = ()
    #: Feeds already listed (so left as they are) whose OPML folder is a subject they do not hint
    #: at in feeds.yaml: (the url, the `subjects:` the entry would need: its own, then the folders').
    unhinted: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Feeds the OPML file lists more than once (each added once): their second listings.
    repeated: tuple[FeedSpec, ...] = ()
    #: Whether the comments of the feeds added (the OPML title left out of `name:`) were
    #: written beside them: not in a feeds list written in [ ], where a comment would break the
    #: list across lines (walk47 new 4: the import said "each is a comment beside its feed").
    commented: bool = True
    #: The line of each rejected outline in the OPML file, by its value.
    rejected_lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    #: The site's page (htmlUrl) of each rejected outline that gives one, by its value.
    rejected_sites: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: Outlines with no feed address: (line, text, the site address they give or "").
    no_feed: tuple[tuple[int, str, str], ...] = ()
    #: Addresses read otherwise than written (`feed://`, a scheme written twice): (line, given,
    #: read, why).
    converted: tuple[tuple[int, str, str, str], ...] = ()
    #: Titles not written as `name:` for what they hold (`title_fault`): (line, title, why, url).
    faulty_titles: tuple[tuple[int, str, str, str], ...] = ()
    #: A feed reader's own folders ("Subscriptions", "Uncategorized"), passed over as hints and
    #: never made subjects: (the name, how many feeds it held).
    reader_folders: tuple[tuple[str, int], ...] = ()
    #: What to tell the editor when feeds.yaml was rewritten whole (its layout may have changed).
    rewritten: str | None = None
    #: Feeds not added for what the store knows of them, as `feeds add` refuses them (walk169
    #: #6: a feed that moved to a listed one, or whose page names one): (the feed, why).
    refused: tuple[tuple[FeedSpec, str], ...] = ()
    #: Feeds not added because reading them, as `feeds add` reads a feed, found no feed there (an
    #: HTTP 404, a web page, a server that did not answer): (the feed, why, what to do).
    unreadable: tuple[tuple[FeedSpec, str], ...] = ()

    def hint_lines(self) -> tuple[tuple[str, str], ...]:
        """(url, the `subjects: [...]` line to write under it) for each feed of `unhinted`, the
        names quoted wherever YAML needs it."""
        return tuple((url, f"subjects: {_scalar(list(names))}") for url, names in self.unhinted)


#: Files under the package's templates folder that `init_newsletter` copies for the editor.
TEMPLATE_SUFFIXES = (".html", ".txt", ".md", ".xml", ".css")

#: Lines `init_newsletter` puts in .gitignore: the store (machine state) and generated issues.
GITIGNORE_LINES = (".curator/", "output/")

#: What a new .gitignore says of them: why the store is not committed, and what a job building
#: from a fresh checkout needs (walk175 #6: a CI job from a clone published issue 1 every run).
GITIGNORE_HEADER = """\
# curator: the article store (.curator/) and the generated issues (output/) are not committed:
# the store is a SQLite file that every run changes (git cannot merge it). A job that builds from
# a fresh checkout (CI) must put both back before it runs (from a cache, or a `curator backup`
# copy) and save them after: without its store, curator starts a new one and numbers the next
# issue 1 again (it says so: "a new store is made at ...").
"""

#: The feeds.yaml a new newsletter starts from; every key is explained where it is set.
FEEDS_TEMPLATE = """\
# feeds.yaml: what this newsletter is, the subjects an issue is organised by, the feeds it reads.
# curator keeps your comments and layout when it edits this file (curator feeds add/remove/import).

newsletter:
  title: My Newsletter            # the heading of every issue, e.g. "Customer Experience Weekly"
  editor: Your Name
  # The note that opens every issue (or keep it in a file: introduction_file: intro.md); {number},
  # {title}, {date} and {theme} become the issue's own (mid-sentence, a theme's leading "The"
  # is written "the").
  introduction: |
    Welcome to issue {number} of {title}.
  issue_size: 4                   # at most this many articles per subject
  # site_url: https://example.com/newsletter/

# Subjects are the sections of an issue: each article goes under the subject it fits best, judged
# by the description and keywords. Add as many as you like.
subjects:
  - name: The basics of customer experience
    description: What customer experience is, how it differs from customer service, why it matters.
    keywords: [customer experience, customer service, customer journey, CSAT, NPS]

# The feeds to read. Add one with `curator feeds add URL` (a feed, or a site's page and curator
# finds its feed), or bring your feed reader's list with `curator feeds import FILE.opml`.
feeds: []

settings:
  output: output                  # where issues are written
  store: .curator/curator.db      # every article ever seen: the newsletter's memory, keep it
  templates: templates            # your copies of the templates: edit them to change the look
  # Article pages are read only at public addresses; true also reads them at private and local
  # ones (an intranet, a test server). Feeds you list are read wherever they are.
  # allow_private_addresses: false
  # Each new article's page is read for its byline, text and blurb; false uses what the feeds
  # say (a feed can say it for itself: `fetch_pages: false` under its url).
  # fetch_pages: true
"""

_FEEDS_KEY_LINE = re.compile(
    r"^(?P<key>\s*feeds\s*:)(?P<value>\s*(?:\[\s*\]|~|null|Null|NULL))?(?P<comment>\s+#.*)?\s*$"
)


# -- reading -------------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FeedsFileError(
            f"{path}: no such file (looked for {path.absolute()}); {init_advice(path)}"
        ) from None
    except OSError as exc:
        raise FeedsFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FeedsFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _round_trip() -> YAML:
    rt = YAML()  # round-trip: keeps comments, order, quoting and flow/block style
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap the editor's long lines
    return rt


def _load_rt(path: Path, text: str) -> CommentedMap:
    try:
        data = _round_trip().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise FeedsFileError(f"{path}: {where}not valid YAML ({exc.problem or exc})") from None
    except YAMLError as exc:
        raise FeedsFileError(f"{path}: not valid YAML ({exc})") from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise FeedsFileError(f"{path}: expected a mapping with newsletter, subjects and feeds keys")
    feeds = data.get("feeds")
    if feeds is not None and not isinstance(feeds, CommentedSeq):
        line = data.lc.key("feeds")[0] + 1
        raise FeedsFileError(f"{path}: line {line}: `feeds` must be a list of feeds")
    return data


def _item_url(item: object) -> str | None:
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and isinstance(item.get("url"), str):
        return str(item["url"])
    return None


def _spec(item: object) -> FeedSpec | None:
    url = _item_url(item)
    if url is None:
        return None
    if not isinstance(item, dict):
        return FeedSpec(url)
    name = item.get("name")
    subjects = item.get("subjects") or ()
    if isinstance(subjects, str):
        subjects = (subjects,)
    fetch_pages = item.get("fetch_pages")
    return FeedSpec(
        url,
        str(name) if name is not None else None,
        tuple(str(s) for s in subjects) if isinstance(subjects, list | tuple) else (),
        fetch_pages=yaml_bool(fetch_pages),
    )


#: YAML 1.1's words for true and false, which the build's reader (PyYAML) obeys in feeds.yaml
#: while the editing reader (ruamel.yaml, YAML 1.2) reads them as words.
_YAML11_BOOLS = {
    **dict.fromkeys(("y", "yes", "true", "on"), True),
    **dict.fromkeys(("n", "no", "false", "off"), False),
}


def yaml_bool(value: object) -> bool | None:
    """`value` as the build reads a `fetch_pages:` (`no` and `off` are false, as PyYAML reads
    them: walk152 #3, an export dropped `fetch_pages: no` and a re-import turned page reading
    back on); None for anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _YAML11_BOOLS.get(value.strip().lower())
    return None


def read_feeds(path: Path) -> tuple[FeedSpec, ...]:
    """The feeds listed in feeds.yaml, in file order (entries without a URL are left out)."""
    data = _load_rt(path, _read_text(path))
    specs = (_spec(item) for item in data.get("feeds") or ())
    return tuple(spec for spec in specs if spec is not None)


# -- checking the result -------------------------------------------------------------------------


def _plain(text: str) -> Any:
    """The document as the app reads it (PyYAML safe loader), or a marker when it does not load."""
    try:
        return pyyaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except pyyaml.YAMLError:
        return _UNREADABLE


_UNREADABLE = object()
#: PyYAML's safe loader, in C when libyaml is there (checking a 1,000-feed file stays fast).
_SAFE_LOADER = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)


def _expected(
    before: Any, change: str, specs: Sequence[FeedSpec], index: int, stubs: Sequence[SubjectStub]
) -> Any:
    """What the document must read as after the edit: `before` with the entries added or removed
    (and the subjects added)."""
    after = dict(before or {})
    feeds = list(after.get("feeds") or [])
    if change == "add":
        feeds.extend(_as_mapping(spec) for spec in specs)
    else:
        del feeds[index]
    after["feeds"] = feeds
    if stubs:
        after["subjects"] = [*(after.get("subjects") or []), *map(_stub_mapping, stubs)]
    return after


def _stub_mapping(stub: SubjectStub) -> dict[str, Any]:
    return {"name": stub.name, "keywords": [stub.name]}


def _as_mapping(spec: FeedSpec, *, comment: bool = True) -> CommentedMap:
    entry = CommentedMap({"url": spec.url})
    if spec.name:
        entry["name"] = spec.name
    if spec.subjects:
        entry["subjects"] = list(spec.subjects)
    if spec.fetch_pages is not None:
        entry["fetch_pages"] = spec.fetch_pages
    if spec.comment and comment:
        entry.yaml_add_eol_comment("# " + spec.comment, "url")
    return entry


# -- text edits ----------------------------------------------------------------------------------


def _scalar(value: object) -> str:
    """`value` as YAML on one line, quoted wherever YAML 1.1 or 1.2 would misread it ("yes", "1.0",
    "a: b"). PyYAML decides the quoting (it knows YAML 1.1's booleans); lists are written in flow
    style, `[a, b]`, as in the documented format."""
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    out: str = pyyaml.safe_dump(
        [value], default_flow_style=False, allow_unicode=True, width=1 << 30
    )
    line = out.rstrip("\n")
    if (
        "\n" in line
        or not line.startswith("- ")
        or any(ch in line for ch in ",[]{}")
        # Plain in a block but not inside [ ] (walk152 #9: a folder `?what` written
        # `subjects: [?what]` read back as a mapping): each form read back, else quoted.
        or _plain(f"k: [{line[2:]}]") != {"k": [value]}
        or _plain(f"k: {line[2:]}") != {"k": value}
    ):
        return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar, safe anywhere
    return line[2:]


def yaml_list(names: Sequence[str]) -> str:
    """Names as a YAML list on one line, `[One, "Two, three"]`: quoted where YAML needs it."""
    return _scalar(list(names))


def yaml_scalar(text: str) -> str:
    """`text` as a YAML value on one line, quoted where YAML needs it."""
    return _scalar(text)


def _render(spec: FeedSpec, dash_col: int, key_offset: int, newline: str) -> str:
    pad = " " * dash_col
    inner = " " * (dash_col + key_offset)
    lines = [f"{pad}-{' ' * (key_offset - 1)}url: {_scalar(spec.url)}"]
    if spec.comment:
        lines[0] += f"  # {spec.comment}"
    if spec.name:
        lines.append(f"{inner}name: {_scalar(spec.name)}")
    if spec.subjects:
        lines.append(f"{inner}subjects: {_scalar(list(spec.subjects))}")
    if spec.fetch_pages is not None:
        lines.append(f"{inner}fetch_pages: {'true' if spec.fetch_pages else 'false'}")
    return "".join(line + newline for line in lines)


def _dash(lines: list[str], line: int, col: int) -> tuple[int, int] | None:
    """(line, column) of the `-` opening the sequence item whose content starts at (line, col)."""
    before = lines[line][:col].rstrip()
    if before.endswith("-") and not before[:-1].strip():
        return line, len(before) - 1
    if line > 0:
        above = lines[line - 1].rstrip()
        if above.endswith("-") and not above[:-1].strip():
            return line - 1, len(above) - 1
    return None


def _item_end(lines: list[str], start: int, dash_col: int) -> int:
    """The item's last line of content: the blank and comment lines after it are not its own."""
    end = start
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[index]) - len(lines[index].lstrip(" ")) <= dash_col:
            break
        end = index
    return end


def _sequence_style(data: CommentedMap, lines: list[str]) -> tuple[int, int]:
    """(dash indent relative to its key, key offset after the dash) of the file's block lists."""
    for key in ("subjects", "feeds"):
        seq = data.get(key)
        if isinstance(seq, CommentedSeq) and seq and not seq.fa.flow_style():
            line, col = seq.lc.item(0)
            dash = _dash(lines, line, col)
            if dash is not None:
                return dash[1] - data.lc.key(key)[1], max(col - dash[1], 2)
    return 2, 2


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


#: Writes items into a block list: (dash column, key offset after the dash, newline) -> lines.
_Renderer = Callable[[int, int, str], str]


def _lines(text: str) -> tuple[list[str], str]:
    """The text's lines (the last one ended too) and its newline."""
    lines = text.splitlines(keepends=True)
    newline = _newline(text)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    return lines, newline


def _after_last_item(
    lines: list[str], seq: CommentedSeq, newline: str, render: _Renderer
) -> str | None:
    """The text with `render`'s lines after the last item of the block list `seq`, in its
    indentation (None when its layout is not one handled here)."""
    line, col = seq.lc.item(len(seq) - 1)
    dash = _dash(lines, line, col)
    if dash is None:
        return None
    end = _item_end(lines, dash[0], dash[1])
    key_offset = max(col - dash[1], 2) if isinstance(seq[-1], dict) else 2
    return (
        "".join(lines[: end + 1]) + render(dash[1], key_offset, newline) + "".join(lines[end + 1 :])
    )


def _text_add(data: CommentedMap, text: str, specs: Sequence[FeedSpec]) -> str | None:
    """The text with `specs` appended to the feeds list, or None for a layout not handled here."""
    lines, newline = _lines(text)

    def render(dash_col: int, key_offset: int, newline: str) -> str:
        return "".join(_render(spec, dash_col, key_offset, newline) for spec in specs)

    feeds = data.get("feeds")
    if isinstance(feeds, CommentedSeq) and feeds and not feeds.fa.flow_style():
        return _after_last_item(lines, feeds, newline, render)
    dash_indent, key_offset = _sequence_style(data, lines)
    if "feeds" not in data:
        return "".join(lines) + "feeds:" + newline + render(dash_indent, key_offset, newline)
    if feeds:  # a non-empty flow list: added to in its style
        return _text_add_flow(data, text, specs)
    key_line, key_col = data.lc.key("feeds")
    match = _FEEDS_KEY_LINE.match(lines[key_line].rstrip("\r\n"))
    if match is None:
        return None
    lines[key_line] = match["key"] + (match["comment"] or "") + newline
    block = render(key_col + dash_indent, key_offset, newline)
    return "".join(lines[: key_line + 1]) + block + "".join(lines[key_line + 1 :])


def _flow_end(text: str, start: int) -> int | None:
    """The offset of the `]` closing the flow list whose `[` is at `start` (quotes, nested
    brackets and comments skipped), or None when it cannot be told."""
    depth, index, end = 0, start, len(text)
    while index < end:
        char = text[index]
        if char in "\"'":
            index += 1
            while index < end:
                if char == '"' and text[index] == "\\":
                    index += 2
                    continue
                if text[index] == char:
                    if char == "'" and text[index + 1 : index + 2] == "'":
                        index += 2
                        continue
                    break
                index += 1
        elif char == "#" and text[index - 1] in " \t\r\n":
            newline = text.find("\n", index)
            if newline < 0:
                return None
            index = newline
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index if char == "]" else None
        index += 1
    return None


def _flow_item(spec: FeedSpec) -> str:
    """A feed as an item of a flow list: `{url: ..., name: ...}`."""
    pairs = [f"url: {_scalar(spec.url)}"]
    if spec.name:
        pairs.append(f"name: {_scalar(spec.name)}")
    if spec.subjects:
        pairs.append(f"subjects: {_scalar(list(spec.subjects))}")
    if spec.fetch_pages is not None:
        pairs.append(f"fetch_pages: {'true' if spec.fetch_pages else 'false'}")
    return "{" + ", ".join(pairs) + "}"


def _text_add_flow(data: CommentedMap, text: str, specs: Sequence[FeedSpec]) -> str | None:
    """The text with `specs` added at the end of a flow-style feeds list (`feeds: [{url: a}]`),
    in its style (walk45 #6: the round-trip writer mangled it); None when it cannot be told
    where the list ends."""
    if not isinstance(data.get("feeds"), CommentedSeq):
        return None
    line, col = data.lc.value("feeds")
    lines = text.splitlines(keepends=True)
    start = sum(len(x) for x in lines[:line]) + col
    if text[start : start + 1] != "[":
        return None
    end = _flow_end(text, start)
    if end is None:
        return None
    last = end
    while text[last - 1] in " \t\r\n":
        last -= 1
    added = ", ".join(_flow_item(spec) for spec in specs)
    return text[:last] + (", " if last > start + 1 else "") + added + text[last:]


def _render_subject(stub: SubjectStub, dash_col: int, key_offset: int, newline: str) -> str:
    pad = " " * dash_col
    return (
        f"{pad}# Added from {stub.origin}: describe it in one sentence (`description:`) and give"
        f" it the keywords its articles use{newline}"
        f"{pad}-{' ' * (key_offset - 1)}name: {_scalar(stub.name)}{newline}"
        f"{' ' * (dash_col + key_offset)}keywords: {_scalar([stub.name])}{newline}"
    )


def _text_add_subjects(data: CommentedMap, text: str, stubs: Sequence[SubjectStub]) -> str | None:
    """The text with `stubs` after the last subject, or None for a layout not handled here (a
    flow-style or empty subjects list)."""
    subjects = data.get("subjects")
    if not isinstance(subjects, CommentedSeq) or not subjects or subjects.fa.flow_style():
        return None
    lines, newline = _lines(text)

    def render(dash_col: int, key_offset: int, newline: str) -> str:
        return "".join(_render_subject(stub, dash_col, key_offset, newline) for stub in stubs)

    return _after_last_item(lines, subjects, newline, render)


def _text_import(
    path: Path,
    data: CommentedMap,
    text: str,
    specs: Sequence[FeedSpec],
    stubs: Sequence[SubjectStub],
) -> str | None:
    """The text with the subjects, then the feeds, added; None for a layout not handled here."""
    if not stubs:
        return _text_add(data, text, specs)
    with_subjects = _text_add_subjects(data, text, stubs)
    if with_subjects is None or not specs:
        return with_subjects
    return _text_add(_load_rt(path, with_subjects), with_subjects, specs)


def _text_remove(data: CommentedMap, text: str, index: int) -> str | None:
    """The text without the feeds list's item `index`, or None for a layout not handled here."""
    feeds = data["feeds"]
    if feeds.fa.flow_style():
        return None
    lines = text.splitlines(keepends=True)
    line, col = feeds.lc.item(index)
    dash = _dash(lines, line, col)
    if dash is None:
        return None
    end = _item_end(lines, dash[0], dash[1])
    kept = lines[: dash[0]] + lines[end + 1 :]
    if len(feeds) == 1:  # the list becomes empty: say so, rather than leave `feeds:` null
        key_line = data.lc.key("feeds")[0]
        match = _FEEDS_KEY_LINE.match(kept[key_line].rstrip("\r\n"))
        if match is None:
            return None
        kept[key_line] = match["key"] + " []" + (match["comment"] or "") + _newline(text)
    return "".join(kept)


# -- whole-document fallback ---------------------------------------------------------------------


def _dump_rt(data: CommentedMap, text: str) -> str:
    out = StringIO()
    rt = _round_trip()
    # The file's own list indentation ("  - url:" under `feeds:`), not ruamel's default (the
    # dash at the key's column): walk152 #11, a rewrite re-indented every list.
    dash, key = _sequence_style(data, text.splitlines(keepends=True))
    rt.indent(mapping=2, sequence=dash + key, offset=dash)
    rt.dump(data, out)
    return out.getvalue()


def _rt_add(
    data: CommentedMap, text: str, specs: Sequence[FeedSpec], stubs: Sequence[SubjectStub] = ()
) -> str:
    feeds = data.get("feeds")
    # A comment inside a flow list ([a, b]) would break it across lines: none there.
    block = not (isinstance(feeds, CommentedSeq) and feeds.fa.flow_style())
    for key, items in (
        ("subjects", [_stub_mapping(stub) for stub in stubs]),
        ("feeds", [_as_mapping(spec, comment=block) for spec in specs]),
    ):
        seq = data.get(key)
        if not isinstance(seq, CommentedSeq) and (items or key == "feeds"):
            seq = data[key] = CommentedSeq()
        for item in items:
            seq.append(item if isinstance(item, CommentedMap) else CommentedMap(item))
    return _dump_rt(data, text)


def _rt_remove(data: CommentedMap, text: str, index: int) -> str:
    del data["feeds"][index]
    return _dump_rt(data, text)


# -- writing -------------------------------------------------------------------------------------


def _edit(
    path: Path,
    text: str,
    data: CommentedMap,
    change: str,
    specs: Sequence[FeedSpec] = (),
    index: int = -1,
    stubs: Sequence[SubjectStub] = (),
) -> str | None:
    """Apply one add (feeds, and subjects for them) or remove to `text` (read from `path`, parsed
    as `data`), check the result, and write it atomically. Returns what to tell the editor when
    the file was rewritten whole rather than edited line by line (its layout may have changed),
    else None."""
    before = _plain(text)
    if before is _UNREADABLE:
        raise FeedsFileError(f"{path}: not valid YAML")
    wanted = _expected(before, change, specs, index, stubs)
    attempts: tuple[Callable[[], str | None], ...] = (
        (lambda: _text_import(path, data, text, specs, stubs))
        if change == "add"
        else (lambda: _text_remove(data, text, index)),
        # The round-trip writer changes the tree it is given: it gets a fresh one.
        (lambda: _rt_add(_load_rt(path, text), text, specs, stubs))
        if change == "add"
        else (lambda: _rt_remove(_load_rt(path, text), text, index)),
    )
    feeds = data.get("feeds")
    if isinstance(feeds, CommentedSeq) and feeds and feeds.fa.flow_style():
        # The round-trip writer would rewrite a flow list, and re-indent the rest of the file
        # (walk45 #6): only the text edit, else the editor is told how to do it by hand.
        attempts = attempts[:1]
    newline = _newline(text)
    why = "its layout is not one curator edits"
    for tried, attempt in enumerate(attempts):
        result = attempt()
        if result is not None and newline == "\r\n":  # the round-trip writer writes "\n"
            result = result.replace("\r\n", "\n").replace("\n", "\r\n")
        got = _plain(result) if result is not None else _UNREADABLE
        if result is not None and got != wanted:
            why = _difference(got, wanted)
        if result is not None and got == wanted:
            try:
                write_atomic(path, result)
            except OSError as exc:
                raise FeedsFileWriteError(
                    f"{path}: cannot be written ({exc.strerror or exc})"
                ) from None
            if not tried or result == text:
                return None
            # walk152 #11: a feed holding a YAML anchor removed, the whole file was re-indented
            # unsaid, while README says layout is kept.
            if _ANCHOR.search(text):
                why = "it uses YAML anchors and aliases (&name, *name), which cutting lines would break"
            return (
                f"{path} was rewritten whole, not edited line by line ({why}): its comments are"
                " kept, but its indentation and the spaces before comments may have changed"
                " (`git diff` shows how)"
            )
    if attempts[1:]:
        # walk152 #9: said with no reason; the reason is curator's, so it is said as one.
        raise FeedsFileWriteError(
            f"{path}: could not be edited safely: {why}; nothing was changed. This is a fault"
            " of curator's: please report it with the file; meanwhile make the change by hand"
        )
    line = data.lc.key("feeds")[0] + 1
    if change == "add":
        how = "add " + ", ".join(_flow_item(spec) for spec in specs) + " inside its [ ]"
    else:
        how = f"take the feed {_item_url(feeds[index])} out of its [ ]"
    raise FeedsFileWriteError(
        f"{path}:{line}: its `feeds:` list is written in [ ] (flow style), which curator could"
        f" not edit safely; nothing was changed: {how} by hand, or write the list one feed a"
        " line (`- url: ...`), which curator edits"
    )


#: A YAML anchor or alias outside a comment (`subjects: &m [Measuring]`, `subjects: *m`).
_ANCHOR = re.compile(r"(?m)^[^#\n]*?(?:^|[\s\[{,])[&*][^\s\[\]{},]+")


def _difference(got: Any, wanted: Any, where: str = "") -> str:
    """Where the edited document would read differently from what the edit meant, in words."""
    if got is _UNREADABLE:
        return "the edited text would not be valid YAML"
    if isinstance(got, dict) and isinstance(wanted, dict):
        for key in dict.fromkeys([*wanted, *got]):
            if got.get(key) != wanted.get(key):
                return _difference(got.get(key), wanted.get(key), f"{where} `{key}`".strip())
    if isinstance(got, list) and isinstance(wanted, list) and len(got) == len(wanted):
        for at, (one, other) in enumerate(zip(got, wanted, strict=True), 1):
            if one != other:
                return _difference(one, other, f"{where} item {at}".strip())
    return f"{where or 'the document'} would read as {got!r}, not {wanted!r}"


# -- the public edits ----------------------------------------------------------------------------


def _check_spec(path: Path, spec: FeedSpec) -> FeedSpec:
    url = spec.url.strip() if isinstance(spec.url, str) else ""
    if not url or any(ch in url for ch in "\r\n\t") or any(ord(ch) < 32 for ch in url):
        raise FeedsFileError(f"{path}: {spec.url!r} is not a feed URL")
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # `http://[zz]/feed`: `address_fault` says what is wrong (walk152 #7)
        scheme = url.partition(":")[0].lower()
    if scheme and len(scheme) > 1 and scheme not in {"http", "https"}:
        raise FeedsFileError(f"{path}: {url}: only http and https feeds (or a local path) are read")
    if scheme in {"http", "https"} and (fault := address_fault(url)):
        raise FeedsFileError(f"{path}: {url}: {fault}")
    name = " ".join(spec.name.split()) if spec.name else None
    subjects = tuple(dict.fromkeys(" ".join(s.split()) for s in spec.subjects if s and s.strip()))
    comment = " ".join(spec.comment.split()) if spec.comment else None
    return FeedSpec(url, name or None, subjects, comment or None, spec.fetch_pages)


def _existing_keys(data: CommentedMap) -> dict[str, int]:
    keys: dict[str, int] = {}
    for index, item in enumerate(data.get("feeds") or ()):
        url = _item_url(item)
        if url is not None:
            keys.setdefault(feed_key(url), index)
    return keys


def add_feeds(
    path: Path,
    feeds: Iterable[FeedSpec],
    subjects: Sequence[SubjectStub] = (),
    said: list[str] | None = None,
) -> tuple[tuple[FeedSpec, ...], tuple[FeedSpec, ...]]:
    """Append the feeds not already listed (by normalised URL), and the `subjects` stubs after the
    last subject, in one atomic edit.

    Returns (added, skipped duplicates), each in the order given; a feed repeated within `feeds`
    is added once. Raises `FeedsFileError` (nothing written) for an unreadable file or a bad URL.
    What the editor must be told of the edit (the file rewritten whole) is added to `said`.
    """
    path = Path(path)
    text = _read_text(path)
    data = _load_rt(path, text)
    seen = set(_existing_keys(data))
    added: list[FeedSpec] = []
    skipped: list[FeedSpec] = []
    for spec in feeds:
        clean = _check_spec(path, spec)
        key = feed_key(clean.url)
        if key in seen:
            skipped.append(clean)
            continue
        seen.add(key)
        added.append(clean)
    if added or subjects:
        note = _edit(path, text, data, "add", added, stubs=subjects)
        if note and said is not None:
            said.append(note)
    return tuple(added), tuple(skipped)


def add_feed(
    path: Path,
    url: str,
    name: str | None = None,
    subjects: Sequence[str] = (),
    said: list[str] | None = None,
) -> None:
    """Append one feed to feeds.yaml; `DuplicateFeedError` if its URL is already listed."""
    added, skipped = add_feeds(path, [FeedSpec(url, name, tuple(subjects))], said=said)
    if skipped:
        raise DuplicateFeedError(f"{Path(path)}: {skipped[0].url} is already in the feeds list")


def remove_feed(path: Path, url: str, said: list[str] | None = None) -> bool:
    """Remove the feed whose URL matches `url` (normalised); False, file untouched, if none does.
    What the editor must be told of the edit (the file rewritten whole) is added to `said`."""
    path = Path(path)
    text = _read_text(path)
    data = _load_rt(path, text)
    index = _existing_keys(data).get(feed_key(url.strip()))
    if index is None:
        return False
    note = _edit(path, text, data, "remove", index=index)
    if note and said is not None:
        said.append(note)
    return True


#: How the comment an import writes beside a feed starts: the OPML title follows, JSON-quoted.
OPML_TITLE = "OPML title:"
_KEPT_TITLE = re.compile(r'#\s*OPML title:\s*("(?:[^"\\]|\\.)*")')


def _kept_titles(text: str, data: CommentedMap) -> dict[str, str]:
    """The OPML title an import kept as a comment beside each feed (`# OPML title: "..."`), by the
    feed's url as feeds.yaml (`text`, read as `data`) has it; feeds without one are not in it."""
    lines = text.splitlines()
    feeds = data.get("feeds")
    titles: dict[str, str] = {}
    if not isinstance(feeds, CommentedSeq):
        return titles
    for index, item in enumerate(feeds):
        url = _item_url(item)
        if url is None:
            continue
        try:
            line = (
                item.lc.key("url")[0] if isinstance(item, CommentedMap) else feeds.lc.item(index)[0]
            )
        except (KeyError, TypeError, AttributeError):
            continue
        match = _KEPT_TITLE.search(lines[line]) if 0 <= line < len(lines) else None
        if match is None:
            continue
        try:
            title = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(title, str) and title.strip():
            titles.setdefault(url, " ".join(title.split()))
    return titles


def specs_from_opml(feeds: Iterable[OpmlFeed]) -> tuple[FeedSpec, ...]:
    """Feeds read from OPML as feeds.yaml entries: the title as name when it names the feed's site
    (`import_name`), else no name and the title in a comment; the enclosing folders and categories
    as subject hints."""
    specs = []
    for feed in feeds:
        if feed.name is not None:  # curator's own export: the `name:` as the editor wrote it
            # A feed exported without `name:` keeps the title the export gave it (the OPML title
            # kept beside it, else its own as read) as the same comment: the next export titles
            # it by that again (walk82 #1: every title became the feed's address after a trip).
            kept = " ".join(feed.title.split())
            comment = (
                f"{OPML_TITLE} {json.dumps(kept, ensure_ascii=False)} -- from curator's export,"
                " which gave it no name:"
                if not feed.name and kept and feed.title != feed.url
                else None
            )
            specs.append(
                FeedSpec(feed.url, feed.name or None, feed.subject_hints, comment, feed.fetch_pages)
            )
            continue
        title = " ".join(feed.title.split())
        name = import_name(title, feed.html_url, feed.url) if feed.title != feed.url else None
        comment = None
        if name != title and feed.title != feed.url:
            what = (
                "name: keeps its part naming the site"
                if name
                else "not the site's name, so no name:"
            )
            comment = f"{OPML_TITLE} {json.dumps(title, ensure_ascii=False)} -- {what}"
        specs.append(FeedSpec(feed.url, name, feed.subject_hints, comment, feed.fetch_pages))
    return tuple(specs)


def import_name(title: str, *addresses: str | None) -> str | None:
    """An OPML outline's title as the feed's `name:`, which beats every other name for the credit
    line: only when it names the feed's site (`extract.resembles_site` on the outline's htmlUrl or
    its feed URL: "The Verge", "Wall Street Journal" at wsj.com). Of a title in parts ("World news
    | The Guardian", "Top stories - Google News"), the one part that names the site. None for a
    section or a reader's own label ("World", "World News" at reddit.com), and where the address
    cannot tell (an IP address, a hosting platform): then the build credits the page's site name,
    else the feed's own title, both the publisher's words."""

    def names_site(text: str) -> bool:
        if _FIELD_OR_ADDRESS.search(text):
            return False
        for domain in _DOMAIN.findall(text):
            if _same_site(domain, addresses):
                return True
            text = text.replace(domain, " ")  # another site's domain names not this one
        return any(resembles_site(text, url) is True for url in addresses if url)

    if not title or title_fault(title, *addresses):
        return None
    bare = without_feed_labels(title)
    if bare != title:  # "Russ Bishop (atom)", "Feed: Thoughtbrain Bloggers" (walk152 #6)
        return import_name(bare, *addresses) if bare else None
    if not names_site(title):
        return None
    section, on, site = title.rpartition(" on ")
    if on and section.strip() and names_site(site) and not names_site(section):
        return import_name(site.strip(), *addresses)  # "Breaking News on Seeking Alpha"
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    naming = [p.strip() for p in parts if names_site(p)]
    if len(parts) < 2 or len(naming) != 1:
        return title
    # A part cut inside brackets ("Collin Donnell (collin donnell » feed)") is no name: what comes
    # before the bracket left open is, when it still names the site; else the title whole.
    part = naming[0]
    opened = unclosed_bracket(part)
    if opened is None:
        return part
    before = part[:opened].strip()
    if before and unclosed_bracket(before) is None and names_site(before):
        return before
    return title


#: A web address, or a feeds.yaml field written into a title ("Name\n  - url: https://..."): no
#: part of a publication's name (walk127: written as `name: 'url: https://injected...'`).
_FIELD_OR_ADDRESS = re.compile(
    r"(?i)[a-z][a-z0-9+.-]*://|\bwww\.|(?:^|\s|-)(?:url|name|subjects|fetch_pages)\s*:"
)
#: A domain written in a title ("otherpaper.example.org", "Space.com").
_DOMAIN = re.compile(r"(?i)\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b")


def _same_site(domain: str, addresses: Iterable[str | None]) -> bool:
    """Whether `domain` (written in a title) is the site of one of `addresses`."""
    site = site_of(f"https://{domain.lower()}")
    return any(url and site_of(url) == site for url in addresses)


def title_fault(title: str, *addresses: str | None) -> str:
    """Why an OPML title is never a feed's `name:`, though it may resemble its site: it holds a
    web address or a feeds.yaml field, or names another site's domain (walk127: "Tech Roundup -
    otherpaper.example.org" for blog.myown.example.com was written `name:
    otherpaper.example.org`); "" when it is none of these."""
    if _FIELD_OR_ADDRESS.search(title):
        return "it holds a web address or a feeds.yaml field (`url:`), no publication's name"
    if "||" in title:  # (walk155 #1: feeds.yaml refuses such a name, so the import writes none)
        return (
            'it holds "||", which an issue prints between an article\'s author and its publication'
        )
    other = [d for d in _DOMAIN.findall(title) if not _same_site(d, addresses)]
    if other:
        return f"it names another site ({other[0]}) than the feed's"
    return ""


_BRACKETS = {")": "(", "]": "[", "}": "{"}

#: A feed reader's or feed's own label of the format, no part of the publication's name: at the
#: start ("Feed: ...", "RSS: ..."), at the end ("... Feed", "... RSS Feed", ": The Full Feed"),
#: and a last bracket naming it ("(atom)", "(rss 2.0)", "(rss (feedburner))", "(posts on
#: 'nataliepo' (rss 2.0))"): walk152 #6, each written as the `name:` credited as the publication.
_LABEL_START = re.compile(r"(?i)^(?:rss|atom|feed)\s*:\s*")
_LABEL_END = re.compile(
    r"(?i)(?:\s*[-:|\u2013\u2014]\s*|\s+)(?:the\s+)?(?:full\s+)?(?:(?:rss|atom|xml)\s+)?(?:feed|rss)$"
)
_LABEL_WORDS = re.compile(r"(?i)\b(?:rss|atom|feed|feedburner|posts on)\b")


def without_feed_labels(title: str) -> str:
    """`title` without the format labels a feed or reader adds to it (see `_LABEL_END`)."""
    text = title.strip()
    while True:
        before = text
        text = _LABEL_START.sub("", text).strip()
        text = _LABEL_END.sub("", text).strip()
        if text.endswith(")"):
            depth = 0
            for at in range(len(text) - 1, -1, -1):
                depth += {")": 1, "(": -1}.get(text[at], 0)
                if depth == 0:
                    if _LABEL_WORDS.search(text[at:]) and text[:at].strip():
                        text = text[:at].strip()
                    break
        if not _NAME_WORD.search(text):  # "The Feed" is a name, not "The" and a label
            return before
        if text == before:
            return text


_NAME_WORD = re.compile(r"(?i)\b(?!(?:the|a|an|my|our)\b)\w{2,}")


def unclosed_bracket(text: str) -> int | None:
    """Where the first bracket of `text` left open (or closed without opening) is; None when every
    bracket is closed in order."""
    stack: list[tuple[str, int]] = []
    for at, char in enumerate(text):
        if char in "([{":
            stack.append((char, at))
        elif char in _BRACKETS:
            if not stack or stack[-1][0] != _BRACKETS[char]:
                return stack[0][1] if stack else at
            stack.pop()
    return stack[0][1] if stack else None


def import_opml(
    path: Path, data: bytes, source: str, known_subjects: Sequence[str] | None = None
) -> tuple[tuple[FeedSpec, ...], tuple[FeedSpec, ...], tuple[tuple[str, str], ...]]:
    """Add every feed of an OPML file to feeds.yaml in one atomic edit: (added, skipped
    duplicates -- listed before, then repeated in the file --, rejected outlines as (xmlUrl, text)).
    See `import_subscriptions`."""
    done = import_subscriptions(path, data, source, known_subjects)
    return done.added, (*done.skipped, *done.repeated), done.rejected


def has_markup(name: str) -> bool:
    """Whether a name holds `<`, `>` or `"`: a page printing it unescaped would read it as HTML."""
    return any(ch in '<>"' for ch in name)


def has_shell_code(name: str) -> bool:
    """Whether a name holds "$(", "${" or a backtick: a shell runs what they enclose, were the
    name pasted unquoted (walk60 #1: an OPML folder `Zebra $(touch x) news`; curator quotes the
    names in the commands it advises, but the editor may type them elsewhere)."""
    return "`" in name or "$(" in name or "${" in name


def _unsafe_name(name: str) -> bool:
    return has_markup(name) or has_shell_code(name)


def import_subscriptions(
    path: Path,
    data: bytes,
    source: str,
    known_subjects: Sequence[str] | None = None,
    *,
    add_subjects: bool = False,
    refuse: Mapping[str, str] | None = None,
    check: Callable[[Sequence[FeedSpec]], Mapping[str, str]] | None = None,
    moved: Mapping[str, str] | None = None,
) -> OpmlImport:
    """Add every feed of an OPML file to feeds.yaml in one atomic edit.

    `refuse`: feeds not to add, by `feed_key`, each with why (what the store knows: it moved to
    a feed listed now); they are reported in `OpmlImport.refused`. `check`: given the feeds to
    add (none listed already), those that are no feed to add, by `feed_key`, each with why and
    what to do (`feeds add` reads an address before it adds it, and so does an import: walk169
    #6, a 404 was added); they are reported in `OpmlImport.unreadable`. `moved`: the feeds
    `check` found moved for good (a 301), by `feed_key`, each with its new address, which is
    written instead (walk184 #3: the old one was, unsaid).

    With `known_subjects`, folder names become subject hints only where they name one of them; the
    others are reported in `OpmlImport.unknown_folders`, or with `add_subjects` become subjects
    themselves (a stub each, after the last subject, for the editor to finish). A file that is not
    OPML raises `OpmlError` (naming `source`) before feeds.yaml is touched.
    """
    document = read_opml(data, source)
    specs = specs_from_opml(document.feeds)
    unknown: dict[str, tuple[str, int]] = {}
    stubs: list[SubjectStub] = []
    refused: tuple[tuple[str, int], ...] = ()
    passed: dict[str, tuple[str, int]] = {}
    if known_subjects is not None:
        by_fold = {name.casefold(): name for name in known_subjects}
        specs, passed = _without_reader_folders(specs, by_fold)
        for spec in specs:
            for hint in dict.fromkeys(" ".join(h.split()) for h in spec.subjects if h.strip()):
                if hint.casefold() not in by_fold:
                    name, count = unknown.get(hint.casefold(), (hint, 0))
                    unknown[hint.casefold()] = (name, count + 1)
        if add_subjects:
            stubs = [
                SubjectStub(name, f"the folder `{name}` of {Path(source).name}")
                for name, _ in unknown.values()
                if not _unsafe_name(name)
            ]
            refused = tuple(
                (name, document.hint_lines.get(name, 0))
                for name, _ in unknown.values()
                if _unsafe_name(name)
            )
            known_subjects = [*known_subjects, *(stub.name for stub in stubs)]
        specs = tuple(_known_hints(spec, known_subjects) for spec in specs)
    specs = _merged_repeats(specs)
    not_added: list[tuple[FeedSpec, str]] = []
    if refuse:
        kept: list[FeedSpec] = []
        for spec in specs:
            why = refuse.get(feed_key(spec.url))
            if why is None:
                kept.append(spec)
            elif all(feed_key(r.url) != feed_key(spec.url) for r, _ in not_added):
                not_added.append((spec, why))
        specs = tuple(kept)
    before = read_feeds(Path(path))
    listed = {feed_key(spec.url): spec.subjects for spec in before}
    unreadable: list[tuple[FeedSpec, str]] = []
    if check is not None:
        fresh: dict[str, FeedSpec] = {}
        for spec in specs:  # (each once, as first listed: a repeat is the same feed)
            if feed_key(spec.url) not in listed:
                fresh.setdefault(feed_key(spec.url), spec)
        found = check(list(fresh.values())) if fresh else {}
        if found:
            unreadable = [(spec, found[key]) for key, spec in fresh.items() if key in found]
            specs = tuple(spec for spec in specs if feed_key(spec.url) not in found)
        specs = tuple(
            replace(spec, url=moved[feed_key(spec.url)])
            if moved and feed_key(spec.url) in moved
            else spec
            for spec in specs
        )
    # The url: line as feeds.yaml has it (the OPML may give its https:// form, walk45 #7).
    lines = {feed_key(spec.url): spec.url for spec in before}
    flow = _in_brackets(Path(path))
    said: list[str] = []
    added, duplicates = add_feeds(path, specs, stubs, said)
    # Skipped: listed in feeds.yaml before; repeated: in the OPML twice (added once).
    skipped = tuple(spec for spec in duplicates if feed_key(spec.url) in listed)
    repeated = tuple(spec for spec in duplicates if feed_key(spec.url) not in listed)
    unhinted = tuple(
        (lines[feed_key(spec.url)], (*own, *missing))
        for spec in skipped
        for own in [listed.get(feed_key(spec.url), ())]
        for missing in [
            [h for h in spec.subjects if h.casefold() not in {o.casefold() for o in own}]
        ]
        if missing
    )
    # A feed listed twice is added as first listed, its title kept beside it from there too
    # (walk83 N4: the report named its second title, "World", the comment its first).
    titles: dict[str, str] = {}
    for feed in document.feeds:
        titles.setdefault(feed.url, " ".join(feed.title.split()))
    own = {feed.url for feed in document.feeds if feed.name is not None}
    renamed = tuple(
        (titles[spec.url], spec.name, spec.url)
        for spec in added
        if spec.comment and spec.url in titles and spec.url not in own
    )
    added_urls = {spec.url for spec in added if spec.name is None}
    faulty = tuple(
        (feed.line, title, why, feed.url)
        for feed in document.feeds
        if feed.url in added_urls and feed.name is None
        for title in [" ".join(feed.title.split())]
        if (why := title_fault(title, feed.html_url, feed.url))
    )
    return OpmlImport(
        added,
        skipped,
        document.rejected,
        tuple(unknown.values()),
        tuple(stubs),
        renamed=renamed,
        unhinted=unhinted,
        subjects_refused=refused,
        repeated=repeated,
        commented=not flow,
        rejected_lines=document.rejected_lines,
        rejected_sites=document.rejected_sites,
        no_feed=document.no_feed,
        converted=document.converted,
        faulty_titles=faulty,
        reader_folders=tuple(passed.values()),
        rewritten=said[0] if said else None,
        refused=tuple(not_added),
        unreadable=tuple(unreadable),
    )


def _without_reader_folders(
    specs: Sequence[FeedSpec], subjects: Mapping[str, str]
) -> tuple[tuple[FeedSpec, ...], dict[str, tuple[str, int]]]:
    """`specs` without the hints that are a feed reader's own folders (`READER_FOLDERS`) and no
    subject of `subjects` (by casefolded name); with those passed over: (name, feeds)."""
    passed: dict[str, tuple[str, int]] = {}
    kept: list[FeedSpec] = []
    for spec in specs:
        hints = []
        for hint in spec.subjects:
            fold = " ".join(hint.split()).casefold()
            if fold in READER_FOLDERS and fold not in subjects:
                name, count = passed.get(fold, (" ".join(hint.split()), 0))
                passed[fold] = (name, count + 1)
            else:
                hints.append(hint)
        kept.append(
            spec
            if len(hints) == len(spec.subjects)
            else FeedSpec(spec.url, spec.name, tuple(hints), spec.comment, spec.fetch_pages)
        )
    return tuple(kept), passed


def _merged_repeats(specs: Sequence[FeedSpec]) -> tuple[FeedSpec, ...]:
    """`specs` with the first listing of a feed the OPML lists more than once (by normalised URL)
    hinting at the subjects of all its listings: a feed under two folders that are both subjects
    kept only the first (walk82 #2). The later listings stay, for `add_feeds` to skip."""
    hints: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        key = feed_key(spec.url)
        hints[key] = tuple(dict.fromkeys((*hints.get(key, ()), *spec.subjects)))
    merged: list[FeedSpec] = []
    seen: set[str] = set()
    for spec in specs:
        key = feed_key(spec.url)
        if key not in seen and hints[key] != spec.subjects:
            spec = FeedSpec(spec.url, spec.name, hints[key], spec.comment, spec.fetch_pages)
        seen.add(key)
        merged.append(spec)
    return tuple(merged)


def _in_brackets(path: Path) -> bool:
    """Whether feeds.yaml's feeds list is a non-empty one written in [ ] (flow style), which an
    add keeps (an empty `feeds: []` becomes a block list)."""
    feeds = _load_rt(path, _read_text(path)).get("feeds")
    return isinstance(feeds, CommentedSeq) and bool(feeds) and feeds.fa.flow_style()


def _known_hints(spec: FeedSpec, known_subjects: Sequence[str]) -> FeedSpec:
    """Keep only the hints that name a configured subject (in its configured spelling): an OPML
    folder such as "Tech" that is no subject of this newsletter would make feeds.yaml invalid."""
    by_fold = {name.casefold(): name for name in known_subjects}
    hints = tuple(
        by_fold[h.casefold()]
        for h in (" ".join(h.split()) for h in spec.subjects)
        if h.casefold() in by_fold
    )
    return FeedSpec(spec.url, spec.name, hints, spec.comment, spec.fetch_pages)


def export_feeds(
    path: Path,
    now: datetime,
    title: str | None = None,
    feed_titles: Mapping[str, str] | None = None,
) -> bytes:
    """feeds.yaml's feeds as an OPML 2.0 list (folders by first subject hint) for a feed reader.

    `title` defaults to the newsletter's title in feeds.yaml. Each feed's title is its `name:`,
    else the OPML title an import kept beside it (`_kept_titles`), else its own title as last read
    (`feed_titles`, by URL), else its address. Feeds given as
    local paths are left out: a feed reader elsewhere cannot read them.
    """
    feed_titles = feed_titles or {}
    path = Path(path)
    text = _read_text(path)
    data = _load_rt(path, text)
    kept = _kept_titles(text, data)
    if title is None:
        newsletter = data.get("newsletter")
        name = newsletter.get("title") if isinstance(newsletter, dict) else None
        title = str(name) if name else "curator feeds"
    # Each feed's `name:` (or none), `fetch_pages:` and place in the list ride along as curator's
    # own attributes, which a feed reader ignores and `feeds import` reads back (walk45 #4).
    feeds = [
        OpmlFeed(
            spec.url,
            spec.name or kept.get(spec.url) or feed_titles.get(spec.url) or spec.url,
            None,
            spec.subjects,
            name=spec.name or "",
            fetch_pages=spec.fetch_pages,
            position=position,
        )
        for position, spec in enumerate(read_feeds(path), 1)
        if urlsplit(spec.url).scheme.lower() in {"http", "https"}
    ]
    return export_opml(feeds, title, now)


# -- a new newsletter ----------------------------------------------------------------------------


def init_newsletter(directory: Path, templates_from: Path | None = None) -> list[Path]:
    """Start a newsletter folder: a commented feeds.yaml with a sample subject, a templates/ folder
    holding copies of the built-in templates to customise, and a .gitignore for the store and the
    output. Returns the files written. Refuses (`FeedsFileError`) if feeds.yaml already exists;
    existing template files and .gitignore lines are kept. `templates_from` overrides where the
    built-in templates are read (default: the renderer's own, `templatecheck.builtin_templates()`).
    """
    directory = Path(directory)
    config = directory / "feeds.yaml"
    if config.exists():
        raise FeedsFileWriteError(f"{config}: already exists; not overwritten")
    source = templates_from if templates_from is not None else builtin_templates()
    if not source.is_dir():
        raise FeedsFileWriteError(
            f"{source}: no templates to copy (curator's installation is incomplete); "
            + reinstall_advice()
        )
    written: list[Path] = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(config, FEEDS_TEMPLATE)
        written.append(config)
        templates = directory / "templates"
        templates.mkdir(exist_ok=True)
        for file in sorted(source.rglob("*")):
            if not file.is_file() or file.suffix.lower() not in TEMPLATE_SUFFIXES:
                continue
            target = templates / file.relative_to(source)
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
            written.append(target)
        ignore = directory / ".gitignore"
        current = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
        missing = [line for line in GITIGNORE_LINES if line not in current.splitlines()]
        if missing:
            prefix = "" if not current or current.endswith("\n") else "\n"
            header = "" if current else GITIGNORE_HEADER
            write_atomic(ignore, current + prefix + header + "\n".join(missing) + "\n")
            written.append(ignore)
    except OSError as exc:
        raise FeedsFileWriteError(f"{directory}: cannot set up the newsletter ({exc})") from None
    return written
