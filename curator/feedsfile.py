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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from curator.errors import EXIT_FAILED, InputError, init_advice
from curator.publish import write_atomic
from curator.urls import address_fault, feed_key


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


_FEEDS_KEY_LINE = re.compile(
    r"^(?P<key>\s*feeds\s*:)(?P<value>\s*(?:\[\s*\]|~|null|Null|NULL))?(?P<comment>\s+#.*)?\s*$"
)


# -- reading -------------------------------------------------------------------------------------


def read_text(path: Path) -> str:
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


def load_rt(path: Path, text: str) -> CommentedMap:
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


def item_url(item: object) -> str | None:
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and isinstance(item.get("url"), str):
        return str(item["url"])
    return None


def _spec(item: object) -> FeedSpec | None:
    url = item_url(item)
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
    data = load_rt(path, read_text(path))
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
    return _text_add(load_rt(path, with_subjects), with_subjects, specs)


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
        (lambda: _rt_add(load_rt(path, text), text, specs, stubs))
        if change == "add"
        else (lambda: _rt_remove(load_rt(path, text), text, index)),
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
        how = f"take the feed {item_url(feeds[index])} out of its [ ]"
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
        url = item_url(item)
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
    text = read_text(path)
    data = load_rt(path, text)
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
    text = read_text(path)
    data = load_rt(path, text)
    index = _existing_keys(data).get(feed_key(url.strip()))
    if index is None:
        return False
    note = _edit(path, text, data, "remove", index=index)
    if note and said is not None:
        said.append(note)
    return True
