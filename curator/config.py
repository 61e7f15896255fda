"""Reading feeds.yaml into a typed `Config`; every mistake names the file, line, column and the fix."""

from __future__ import annotations

import difflib
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from curator.errors import InputError, init_advice, shell_arg
from curator.extract_rules import COUNTRY_NOT_LANGUAGE
from curator.fetch import CONCURRENCY, PER_HOST, agent_address
from curator.models import Subject
from curator.renamedsubjects import renamed, renamed_in_store
from curator.textfeatures import terms
from curator.texttags import text_markup_cut
from curator.urls import (
    address_fault,
    address_meant,
    feed_address,
    feed_key,
    host_fault,
    lowered_scheme,
    scheme_left_out,
)
from curator.variables import VariableError, check_variables


class ConfigError(InputError):
    """A mistake in the configuration, located in its file."""

    def __init__(
        self, path: Path | str, line: int | None, column: int | None, message: str
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        where = str(path)
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class FeedSource:
    """One feed the editor follows."""

    #: An http(s) URL, or an absolute local path (relative paths are resolved against the config file).
    url: str
    #: The publication's name, when the editor gave one (else the feed's own title is used).
    name: str | None = None
    #: Subjects this feed's articles lean towards.
    subjects: tuple[str, ...] = ()
    #: Read each new article's page (None: the global setting decides).
    fetch_pages: bool | None = None
    #: Where the feed is declared in the config (for messages).
    line: int = 0

    @property
    def is_file(self) -> bool:
        return not self.url.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Settings:
    """How curator runs; every field has a default."""

    output: Path
    store: Path
    #: The editor's templates folder, searched before curator's own.
    templates: Path | None = None
    fetch_pages: bool = True
    allow_private_addresses: bool = False
    #: Seconds one request may take, first byte to last.
    timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    concurrency: int = CONCURRENCY
    per_host: int = PER_HOST
    #: Which files a build writes (curator.outputs.OUTPUTS names); empty means all of them.
    outputs: tuple[str, ...] = ()
    #: Where `curator draft` writes drafts.
    drafts: Path | None = None
    #: 0 (the default): articles are chosen by relevance alone, whatever their age. Above 0, a new
    #: article's relevance is multiplied by up to (1 + weight), halving every 90 days of age.
    recency_weight: float = 0.0
    #: A folder of per-issue introductions (introductions/issue-<N>.md), read when present.
    introductions: Path | None = None
    #: An email address or web page where a site owner can reach the editor: sent in every
    #: request's User-Agent, with the newsletter's `site_url` (walk127).
    contact: str | None = None


#: A planned theme needs this many unfeatured articles that fit each of its subjects (by default).
DEFAULT_MIN_ARTICLES = 3


@dataclass(frozen=True)
class Themes:
    """`themes:` in feeds.yaml: the plan of issues about one subject (or a few) each."""

    #: The themes to come, in order; each is one or more subject names (as the config spells them).
    plan: tuple[tuple[str, ...], ...] = ()
    #: A theme is too thin for an issue when one of its subjects has fewer unfeatured articles
    #: that fit it than this.
    min_articles: int = DEFAULT_MIN_ARTICLES
    #: An article "fits" a subject when the scorer placed it there with at least this score.
    min_score: float = 0.0
    #: The closing line of a themed issue (variables as in the introduction), or "" for none.
    closing: str = ""
    #: Where each plan entry is written (line numbers in feeds.yaml), for messages.
    plan_lines: tuple[int, ...] = ()
    #: Where `closing:` is written (its line in feeds.yaml), or 0, for messages.
    closing_line: int = 0
    #: Line N of the closing text is line closing_offset + N of feeds.yaml (0: not known).
    closing_offset: int = 0
    #: feeds.yaml has a `themes:` block (else these are the defaults, and advice to lower
    #: `themes: min_articles:` must say to add the block: walk57 #7).
    written: bool = False


#: Which issues publish the newsletter's introduction when every theme of the plan has its own.
_UNPLANNED = (
    " in this issue (with --all-subjects, or --subject naming subjects without an"
    " `introduction:` of their own, an issue opens with it; each theme of the plan has its own)"
)

#: What `curator init` writes under `newsletter:` (feedsfile.FEEDS_TEMPLATE) for the editor to
#: replace: a build or draft that would publish one of them says so.
INIT_PLACEHOLDERS: dict[str, str] = {
    "title": "My Newsletter",
    "editor": "Your Name",
    "introduction": "Welcome to issue {number} of {title}.",
}


@dataclass(frozen=True)
class Config:
    """The whole of feeds.yaml."""

    path: Path
    title: str
    editor: str | None
    introduction: str
    issue_size: int
    site_url: str | None
    subjects: tuple[Subject, ...]
    feeds: tuple[FeedSource, ...]
    settings: Settings
    #: UTM tags added to article links (utm_source, utm_medium, utm_campaign), when configured.
    utm: dict[str, str] = field(default_factory=dict)
    #: The language the newsletter is written in (`newsletter: language:`, a BCP 47 tag such as
    #: "en", "zh-CN", "ar"): every HTML edition's `lang` (and `dir="rtl"` for Arabic, Hebrew...)
    #: and the feed's `xml:lang`.
    language: str = "en"
    #: Whether feeds.yaml says `language:` under `newsletter:` (walk155 #8: `explain` cited a line
    #: that was not there).
    language_given: bool = False
    #: Things that are allowed but probably not meant, located as errors are ("path:line:col:
    #: what; the fix"); every command prints them before it runs.
    warnings: tuple[str, ...] = ()
    #: `newsletter:` values still as `curator init` wrote them (located as warnings are); `build`
    #: and `draft` say them, as they would be published.
    placeholders: tuple[str, ...] = ()
    #: Those no issue of the plan publishes (the introduction, when every theme of the plan has
    #: its own): said only by a run on a theme without one (`--all-subjects`, `--subject`).
    unplanned_placeholders: tuple[str, ...] = ()
    themes: Themes = field(default_factory=Themes)
    #: A subject's own introduction (`introduction:` under the subject), for issues on its theme.
    subject_introductions: dict[str, str] = field(default_factory=dict)
    #: The file the newsletter's introduction was read from (`introduction_file`), if it was.
    introduction_file: Path | None = None
    #: Line N of an introduction written in this file (`newsletter: introduction`, a subject's
    #: `introduction:` by its name) is line offset + N of the file; 0 when unknown.
    introduction_offset: int = 0
    subject_introduction_offsets: dict[str, int] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.path.parent

    def subject_named(self, name: str) -> str:
        """The configured subject `name` stands for (case aside); InputError with a did-you-mean."""
        names = [s.name for s in self.subjects]
        name = unicodedata.normalize("NFC", name)  # (as feeds.yaml's are read: `_composed`)
        found = {n.casefold(): n for n in names}.get(" ".join(name.split()).casefold())
        if found is not None:
            return found
        hint = subject_hint(name, names)
        # (fixie #1: the subject renamed, not the one closest in spelling)
        if (became := renamed(renamed_in_store(self.settings.store, names), name)) is not None:
            hint = f"{became.said(name)}: name it `{became.new}`"
        raise InputError(f"{self.path}: no subject `{name}`; {hint}")

    def subjects_named(self, names: Iterable[str]) -> tuple[str, ...]:
        """The configured subjects `names` stand for (`subject_named` each), in order, once each."""
        return tuple(dict.fromkeys(self.subject_named(name) for name in names))


def subject_hint(name: str, names: Sequence[str]) -> str:
    """'did you mean `X`?' for a mistyped or shortened subject name, else the list of subjects."""
    folded = {n.casefold(): n for n in names}
    key = " ".join(name.split()).casefold()
    close = [folded[k] for k in folded if key and (k.startswith(key) or key in k)]
    if len(close) != 1:
        close = [folded[k] for k in difflib.get_close_matches(key, list(folded), n=1, cutoff=0.6)]
    if not close and key:
        # One word of a longer name, mistyped ("medcine" for "Health and medicine").
        close = [
            folded[k] for k in folded if difflib.get_close_matches(key, k.split(), n=1, cutoff=0.8)
        ]
        close = close if len(close) == 1 else []
    if close:
        return f"did you mean `{close[0]}`?"
    return "the subjects are: " + ", ".join(f"`{n}`" for n in names)


# --- the schema, as data: key -> (kind, required) -------------------------------------------------
# kinds: "str", "int", "number", "bool", "strlist", "url", "path"
NEWSLETTER_KEYS: dict[str, tuple[str, bool]] = {
    "title": ("str", True),
    "editor": ("str", False),
    "introduction": ("str", False),
    "introduction_file": ("path", False),
    "issue_size": ("int", False),
    "site_url": ("url", False),
    "language": ("str", False),
    "utm_source": ("str", False),
    "utm_medium": ("str", False),
    "utm_campaign": ("str", False),
}
SUBJECT_KEYS: dict[str, tuple[str, bool]] = {
    "name": ("str", True),
    "description": ("str", False),
    "keywords": ("strlist", False),
    "examples": ("strlist", False),
    "introduction": ("str", False),
}
THEMES_KEYS: dict[str, tuple[str, bool]] = {
    "plan": ("plan", False),
    "min_articles": ("int", False),
    "min_score": ("score", False),
    "closing": ("str", False),
}
FEED_KEYS: dict[str, tuple[str, bool]] = {
    "url": ("str", True),
    "name": ("str", False),
    "subjects": ("strlist", False),
    "fetch_pages": ("bool", False),
}
SETTINGS_KEYS: dict[str, tuple[str, bool]] = {
    "output": ("path", False),
    "store": ("path", False),
    "templates": ("path", False),
    "fetch_pages": ("bool", False),
    "allow_private_addresses": ("bool", False),
    "timeout": ("number", False),
    "max_bytes": ("int", False),
    "concurrency": ("int", False),
    "per_host": ("int", False),
    "outputs": ("strlist", False),
    "drafts": ("path", False),
    "recency_weight": ("weight", False),
    "introductions": ("path", False),
    "contact": ("contact", False),
}
TOP_KEYS: dict[str, tuple[str, bool]] = {
    "newsletter": ("mapping", True),
    "subjects": ("list", True),
    "feeds": ("list", True),
    "themes": ("mapping", False),
    "settings": ("mapping", False),
}
#: The sections of `key: value` lines, by name: where a key put in the wrong one belongs.
_SECTIONS = {"newsletter": NEWSLETTER_KEYS, "themes": THEMES_KEYS, "settings": SETTINGS_KEYS}
#: What each kind looks like, for messages.
KIND_EXAMPLES = {
    "str": "some text",
    "int": "a whole number, e.g. 4",
    "number": "a number, e.g. 30",
    "bool": "true or false",
    "strlist": "a list, e.g. [first, second]",
    "url": "an http(s) address with no spaces, quotes or <>, e.g. https://blog.example.com/",
    "path": "a file or folder path",
    "mapping": "a section of `key: value` lines",
    "list": "a list of `- ` items",
    "plan": "a list of themes, each a subject or [several, subjects]",
    "score": "a number, 0 or more, e.g. 0.5",
    "weight": "a number, 0 or more, e.g. 1",
    "contact": "an email address or an http(s) address, e.g. editor@example.com",
}
#: Kinds that differ from another only in their example: checked as that one.
CHECKED_AS = {"weight": "score"}
#: The YAML tags a value may carry (those of plain scalars); any other (`!secret`, `!!python/...`)
#: is refused rather than constructed.
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
#: Scalars YAML reads as something else than text, which in a list of words are words as written.
WORD_LIKE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool"))
#: Limits that keep a typo from doing harm (issue_size: 1000 would make an unreadable issue).
LIMITS = {
    "issue_size": (1, 50),
    "concurrency": (1, 64),
    "per_host": (1, 16),
    "max_bytes": (1024, 1 << 30),
    "recency_weight": (0, 10),
    "min_articles": (1, 50),
    "min_score": (0, 1000),
}
#: A language tag as HTML's lang= takes it (BCP 47): "en", "zh-CN", "sr-Latn-RS".
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
MAX_KEYWORDS = 30
#: Above this many keywords a subject is accepted with a note: README's measurements cover 3 to 10
#: telling ones, and a vaguer keyword pulls in articles that merely mention it. The note no longer
#: says to cut to 10 (walk41 #4: an editor who cut PC hardware's 13 telling keywords to 10 saw
#: 75.6 % of the posts placed rightly fall to 73.3 %); it says to cut only the vague ones.
ADVISED_KEYWORDS = 10


#: The fields that name a subject or a feed: read in composed Unicode (NFC), as drafts' headings
#: are (walk151 #10: a name saved decomposed, "Vélo" as "Ve" and a combining accent, as some macOS
#: tools save, looks the same as the composed one and compared unequal).
_NAME_FIELDS = ("name", "subjects")


def _composed(key: str, value: Any) -> Any:
    """A field's `value` with its names in NFC when `key` is one of `_NAME_FIELDS`."""
    if key not in _NAME_FIELDS:
        return value
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list | tuple):
        return type(value)(
            unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in value
        )
    return value


def _missing_advice(path: Path) -> str:
    """What to do when there is no feeds.yaml at `path`: where there is one (`init_advice`),
    else `curator init`."""
    advice = init_advice(path)
    if advice.startswith(("no feeds.yaml here", "this folder has")):
        end = "" if advice.endswith("?") else "."
        return f"no such file (looked for {path.absolute()}): {advice}{end}"
    return f"no such file (looked for {path.absolute()}). {advice.replace('run', 'Run', 1)}, or pass --config PATH."


def load_config(path: Path | str) -> Config:
    """Read and check the configuration at `path`; raises `ConfigError` for any mistake."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            path,
            None,
            None,
            _missing_advice(path),
        ) from None
    except IsADirectoryError:
        raise ConfigError(
            path, None, None, "is a folder; pass the feeds.yaml file inside it"
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            path, None, None, f"is not UTF-8 text ({exc.reason}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise ConfigError(path, None, None, f"cannot be read: {exc.strerror}") from None
    return parse_config(text, path)


def moved_newsletter_advice(path: Path, command: str, draft: Path | None = None) -> str | None:
    """What to say of a feeds.yaml at `path` that is not there, in a folder that is not there
    either, when the current folder (or, for `build --draft`, the folder above the `draft`'s)
    holds a feeds.yaml: the newsletter's folder moved, and the command (`command`, "curator
    build") to run here instead; None otherwise (`_missing_advice` says the rest).

    Why: walk176 #4, after the newsletter's folder moved, the command a draft's note gave,
    `curator build --draft OLD/drafts/issue-11.md --config OLD/feeds.yaml`, run in the new
    folder, advised `curator init OLD`, beside the feeds.yaml it should have used."""
    old = path.absolute().parent
    if path.exists() or old.exists():
        return None
    here = Path.cwd()
    found = [here / "feeds.yaml"]
    if draft is not None:
        found.append(draft.absolute().parent.parent / "feeds.yaml")
    config = next((f for f in found if f.is_file()), None)
    if config is None:
        return None

    def shown(target: Path) -> str:
        return shell_arg(target.relative_to(here) if target.is_relative_to(here) else target)

    advised = command
    if draft is not None:
        moved = draft
        if not draft.exists() and draft.absolute().is_relative_to(old):
            beside = config.parent / draft.absolute().relative_to(old)
            if beside.is_file():
                moved = beside
        advised += f" --draft {shown(moved.absolute()) if moved != draft else shell_arg(draft)}"
    # (--config always: else the run's own, the missing one, is added to the advice)
    advised += f" --config {shown(config)}"
    where = "here" if config == here / "feeds.yaml" else "above the draft's folder"
    said = (
        f"no such file, nor its folder {old} (moved?); the feeds.yaml {where} ({config}) may be"
        f" it: `{advised}`"
    )
    if draft is None:
        # (with no draft of it, a folder that is not there is as likely a newsletter still to
        # make: walk50's init advice stands beside this one)
        named = "" if path.name == "feeds.yaml" else " (curator init names it feeds.yaml)"
        said += (
            f". Run `curator init {shell_arg(old)}` to create {old / 'feeds.yaml'}{named} if it"
            " is a new newsletter instead"
        )
    return said


def parse_config(text: str, path: Path) -> Config:
    """Check `text` (the contents of `path`) and build the `Config`."""
    root = _compose(text, path)
    if root is None:
        raise ConfigError(
            path, 1, 1, "the file is empty; it needs `newsletter:`, `subjects:` and `feeds:`"
        )
    return _Reader(path).config(root)


def _compose(text: str, path: Path) -> Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        fix = "check the indentation and quoting around this point"
        opened = _opened_at(text, exc)
        if opened is not None:
            # Reported where YAML gave up, lines below (a comment's quote, the next key): the
            # mistake is where the quote or bracket was opened (walk68 #5).
            mark, fix = opened
            problem = "a quote or bracket is not closed"
        elif (glued := _no_space_after_colon(text, exc)) is not None:
            mark, problem, fix = glued
        elif "\t" in problem or "'\\t'" in problem or "tab" in problem.lower():
            fix = _tab_fix(text, mark)
        elif "mapping values are not allowed" in problem:
            fix = (
                _bare_item(text, mark)
                or _curly_quoted(text, mark)
                or _misindented(text, mark)
                or "put quotes around a value that contains ': '"
            )
        elif problem.startswith("expected <block end>"):
            # walk180 #10: YAML's own words ("expected <block end>, but found '<block mapping
            # start>'") came first, the plain ones only as "check the indentation": say what is
            # wrong in plain words, then the parser's, for someone who knows them.
            fix = (
                _misindented(text, mark)
                or "check the indentation (the keys of one section start in the same column, and"
                " so do the `-` of a list's items)"
            ) + f' (the YAML parser says: "{problem}")'
            problem = "this line does not line up with the lines above it"
        elif "found another document" in problem:
            # walk68 #7: "but found another document" said nothing of the `---` line.
            problem = "a line `---` starts a second YAML document"
            fix = "a feeds.yaml is one: delete the `---` line"
        elif "escape" in problem and mark is not None and "\\" in text.splitlines()[mark.line]:
            # A Windows path in double quotes: "C:\Users\..." reads \U as an escape (walk68 #7).
            fix = (
                "in double quotes a backslash starts an escape (\\U, \\n): write the path with"
                " forward slashes (C:/Users/...) or in single quotes ('C:\\Users\\...')"
            )
        elif "found undefined alias" in problem or "found unknown escape" in problem:
            fix = "quote the value"
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise ConfigError(path, line, col, f"not valid YAML: {problem}; {fix}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (NUL, other controls)
        line, col = _line_column(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise ConfigError(
            path, line, col, f"not valid YAML: {exc.reason} (U+{char:04X}); delete it"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, None, None, f"not valid YAML: {exc}") from None
    except RecursionError:
        line, col = _deepest(text)
        raise ConfigError(
            path, line, col, "not valid YAML: nested far too deeply; a feeds.yaml needs 4 levels"
        ) from None


def _tab_fix(text: str, mark: yaml.Mark | None) -> str:
    """The fix for a tab YAML refused: in the indentation, or after a key's colon."""
    if mark is not None:
        lines = text.splitlines()
        line = lines[mark.line] if mark.line < len(lines) else ""
        before = line[: mark.column].rstrip(" \t")
        if before.endswith(":") and before.strip(" \t-"):
            return "put a space after the colon, not a tab; YAML does not allow tabs there"
    return "indent with spaces; YAML does not allow tabs"


def _opened_at(text: str, exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark, str] | None:
    """Where an unclosed quote or [ / { was opened, and the fix, when that is the mistake YAML
    refused lines below it; None for any other mistake."""
    context = exc.context or ""
    if context.startswith("while parsing a flow") and exc.context_mark is not None:
        kind = "mapping" if "mapping" in context else "sequence"
        pair = "{}" if kind == "mapping" else "[]"
        mark = exc.context_mark
        if exc.problem_mark is None or exc.problem_mark.line > mark.line:
            return mark, (
                f"the {pair[0]} opened here is not closed on its line: end the list with"
                f" {pair[1]} on this line (and quote an item with ', ' or ': ' in it)"
            )
        return None
    if context.startswith("while scanning a quoted scalar") and exc.context_mark is not None:
        return exc.context_mark, (
            "the quote opened here is never closed: end the value with the same quote"
        )
    problem = exc.problem_mark
    if problem is None:
        return None
    quoted = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= problem.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                quoted = token
    except yaml.YAMLError:
        pass
    if (
        quoted is None
        or quoted.start_mark.line == quoted.end_mark.line
        or quoted.end_mark.line != problem.line
    ):
        return None
    return quoted.start_mark, (
        f"the {quoted.style} opened here is not closed on this line (YAML read on to line"
        f" {quoted.end_mark.line + 1}): end the value with {quoted.style} on this line"
    )


def _no_space_after_colon(
    text: str, exc: yaml.MarkedYAMLError
) -> tuple[yaml.Mark, str, str] | None:
    """Where, what and the fix when a key is written with no space after its colon
    (`name:Northwind`): YAML reads the line as text and says "could not find expected ':'" on
    the line below, which named neither the line nor the space (walk72 #5)."""
    lines = text.splitlines()
    candidates = [exc.context_mark, exc.problem_mark]
    if exc.problem_mark is not None:  # the line above the one YAML gave up on (`- url:x`)
        above = exc.problem_mark.line - 1
        while above >= 0 and (not lines[above].strip() or lines[above].lstrip()[:1] == "#"):
            above -= 1
        if above >= 0:
            candidates.append(yaml.Mark("", 0, above, 0, None, None))
    for mark in candidates:
        if mark is None or mark.line >= len(lines):
            continue
        match = re.match(r"(\s*(?:-\s+)?)([A-Za-z_][\w-]*):([^\s/:].*)$", lines[mark.line])
        if match:  # (not a bare address, `https://...`)
            break
    else:
        return None
    key, value = match[2], match[3].split(" #", 1)[0].rstrip()
    mark = yaml.Mark("", 0, mark.line, len(match[1]), None, None)
    return (
        mark,
        f"`{key}:{value}` has no space after `{key}:`, so YAML reads the line as text, not a key",
        f"write `{key}: {value}`",
    )


def _curly_quoted(text: str, mark: yaml.Mark | None) -> str | None:
    """The fix when the refused line's value opens with a curly quote (from a word processor):
    YAML reads it as text, so "put quotes around it" was advice already followed (walk68 #6)."""
    if mark is None or mark.line >= len(lines := text.splitlines()):
        return None
    value = lines[mark.line].partition(":")[2].strip()
    if value[:1] not in ("\u2018", "\u2019", "\u201c", "\u201d"):
        return None
    return (
        "curly quotes (\u2018 \u2019 \u201c \u201d) are not YAML quotes: type the value's "
        'quotes as straight double quotes, "..."'
    )


#: Curly quotes that open and close a value (a word processor's, in place of " and ').
_CURLY_OPEN, _CURLY_CLOSE = "\u201c\u2018", "\u201d\u2019"


#: The key each item of a top-level list starts with, for a `- text` item written without it.
_ITEM_KEYS = {"subjects": "name", "feeds": "url"}


def _bare_item(text: str, mark: yaml.Mark | None) -> str | None:
    """The fix when the refused line is a key under a list item written as bare text (`- Voice
    of the customer`, its `name:` left out): YAML reads the key's line as more of that text, so
    quoting the value, the usual advice, does not help (walk68 #1). None for anything else."""
    if mark is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    here = lines[mark.line]
    if not re.match(r"\s+[\w-]+:(\s|$)", here):
        return None
    for number in range(mark.line - 1, -1, -1):
        above = lines[number]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        item = re.match(r"(\s*)-\s+(\S.*)$", above)
        if item is None or re.search(r"^[\w-]+:(\s|$)", item.group(2)):
            return None
        section = next(
            (
                m.group(1)
                for m in (re.match(r"([\w-]+):", line) for line in reversed(lines[:number]))
                if m
            ),
            "",
        )
        key = _ITEM_KEYS.get(section, "name")
        shown = item.group(2).split(" #")[0].strip()
        return (
            f"the list item on line {number + 1}, `- {shown}`, is bare text, so this line reads "
            f"as more of it: write it `- {key}: {shown}`, with this line's key under `{key}:` "
            "in the same column"
        )
    return None


def _misindented(text: str, mark: yaml.Mark | None) -> str | None:
    """The fix when the refused line's key is indented unlike the key on the line above (YAML
    then reads it as the rest of that line's value); None when they line up."""
    if mark is None:
        return None
    lines = text.splitlines()
    if mark.line >= len(lines):
        return None
    above = next(
        (
            line
            for line in reversed(lines[: mark.line])
            if line.strip() and not line.lstrip().startswith("#")
        ),
        None,
    )
    if above is None or above.split(" #")[0].rstrip().endswith(":"):
        return None  # the first key of a section: deeper than the line above is right
    here = lines[mark.line]
    indent = len(here) - len(here.lstrip(" "))
    sibling = len(above) - len(above.lstrip(" -"))
    if indent == sibling:
        return None
    return (
        f"this line is indented {indent} space{'' if indent == 1 else 's'} and the key above it"
        f" {sibling}: check the "
        "indentation (the keys of one section start in the same column)"
    )


def _line_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _deepest(text: str, limit: int = 50) -> tuple[int, int]:
    """Where brackets or indentation first nest more than `limit` deep (for the message when the
    YAML parser runs out of stack); the start of the file when that cannot be told."""
    depth = 0
    for pos, ch in enumerate(text):
        depth += ch in "[{"
        depth -= ch in "]}"
        if depth > limit:
            return _line_column(text, pos)
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) - len(line.lstrip(" ")) > 2 * limit:
            return number, 1
    return 1, 1


class _Reader:
    """Walks the YAML node tree, checking each value where it stands."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.loader = yaml.SafeLoader("")
        self.warnings: list[str] = []
        self.subject_intros: dict[str, str] = {}
        self.subject_intro_offsets: dict[str, int] = {}
        #: Each subject's `name:` value node, to point at a name written in curly quotes.
        self.subject_name_nodes: dict[str, Node] = {}
        #: The store `settings:` names, read for the subject names it holds only to explain a
        #: `plan` naming an unknown one (`stored_subjects`).
        self.store_path: Path | None = None

    # -- locating --------------------------------------------------------------------------------
    def error(self, node: Node, message: str) -> ConfigError:
        mark = node.start_mark
        return ConfigError(self.path, mark.line + 1, mark.column + 1, message)

    def warn(self, node: Node, message: str) -> None:
        self.warnings.append(str(self.error(node, message)))

    def mapping(
        self, node: Node, where: str, schema: dict[str, tuple[str, bool]]
    ) -> dict[str, Node]:
        if not isinstance(node, MappingNode):
            raise self.error(node, f"{where} must be {KIND_EXAMPLES['mapping']}")
        found: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str) or key not in schema:
                hint = difflib.get_close_matches(str(key), list(schema), n=1)
                known = ", ".join(schema)
                fix = f"did you mean `{hint[0]}`?" if hint else f"the keys here are: {known}"
                owners = [f"`{name}:`" for name, keys in _SECTIONS.items() if key in keys]
                if owners and schema is not TOP_KEYS:
                    # walk68 #7: `issue_size` under settings: was given this section's keys only.
                    fix = f"it belongs under {' or '.join(owners)}: move the line there"
                raise self.error(key_node, f"unknown key `{key}` in {where}; {fix}")
            if key in found:
                raise self.error(key_node, f"`{key}` is given twice in {where}; keep one")
            found[key] = value_node
        for key, (_, required) in schema.items():
            if required and key not in found:
                raise self.error(node, f"{where} is missing `{key}`; add `{key}: ...`")
        return found

    def value(self, node: Node, key: str, kind: str) -> Any:
        if kind == "plan":
            return self.plan(node)
        if kind in ("strlist",):
            if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
                return ()
            if not isinstance(node, SequenceNode):
                raise self.error(node, f"`{key}` must be {KIND_EXAMPLES[kind]}")
            items = []
            for item in node.value:
                if isinstance(item, ScalarNode) and item.tag in WORD_LIKE_TAGS and item.value:
                    # `keywords: [486, 3D, no]`: in a list of words a number or a yes/no is a word,
                    # as written (YAML would read 486 as a number and no as false).
                    items.append(item.value.strip())
                    continue
                items.append(self.scalar(item, key, "str"))
            return tuple(items)
        return self.scalar(node, key, kind)

    def scalar(self, node: Node, key: str, kind: str) -> Any:
        if not isinstance(node, ScalarNode):
            raise self.error(node, f"`{key}` must be {KIND_EXAMPLES[kind]}, not a list or section")
        if node.tag not in PLAIN_TAGS:  # !secret, !!python/name:os.system...
            raise self.error(
                node, f"`{key}` has a tag curator does not read ({node.tag}); remove it"
            )
        try:
            value = self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, AttributeError):
            # !!float abc, !!timestamp nope, a 5000-digit number (int() refuses over 4300 digits)
            raise self.error(
                node, f"`{key}` must be {KIND_EXAMPLES[kind]}, not `{node.value[:40]}`"
            ) from None
        checked = CHECKED_AS.get(kind, kind)
        ok: Callable[[Any], bool] = {
            "str": lambda v: isinstance(v, str) and bool(v.strip()),
            "path": lambda v: isinstance(v, str) and bool(v.strip()),
            "url": lambda v: (
                isinstance(v, str)
                and urlsplit(v).scheme in ("http", "https")
                and not any(ch.isspace() or ch in '"<>' for ch in v.strip())
            ),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and v > 0,
            "score": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and v >= 0,
            "bool": lambda v: isinstance(v, bool),
            "contact": _contact,
        }[checked]
        if checked == "url" and isinstance(value, str) and (fault := host_fault(value)):
            raise self.error(node, f"`{key}` is `{node.value}`: {fault}")
        if not ok(value):
            shown = "nothing" if value is None or value == "" else f"`{node.value}`"
            if node.style in ("'", '"') and value:
                quote = node.style
                shown = f"the quoted text {quote}{node.value}{quote}"
                if checked in ("int", "number", "score", "bool"):
                    shown += "; remove the quotes"
            elif checked == "str" and value is not None and node.value.strip():
                # `name: 1843`, `Yes`, `24:7`, `2026-01-01`: YAML reads a number, yes/no or a
                # date, and quotes make it text (walk152 #12 said what, not how).
                shown += f'; write `{key}: "{node.value}"` (in quotes, it is text)'
            raise self.error(node, f"`{key}` must be {KIND_EXAMPLES[kind]}, not {shown}")
        if kind in ("str", "path"):
            value = value.strip()
            if len(value) > 2 and value[0] in _CURLY_OPEN and value[-1] in _CURLY_CLOSE:
                # A word processor's quotes are text to YAML: published as typed (walk68 #6).
                self.warn(
                    node,
                    f"`{key}` is {value}, with the curly quotes, which are text to YAML, not"
                    f" quotes: it is published with them; write {key}: {value[1:-1]}, or type"
                    ' straight double quotes "..." where a value needs quotes',
                )
        if key in LIMITS:
            low, high = LIMITS[key]
            if not low <= value <= high:
                raise self.error(node, f"`{key}` must be between {low} and {high}, not {value}")
        return value

    def fields(self, node: Node, where: str, schema: dict[str, tuple[str, bool]]) -> dict[str, Any]:
        nodes = self.mapping(node, where, schema)
        return {key: _composed(key, self.value(n, key, schema[key][0])) for key, n in nodes.items()}

    def items(self, node: Node, key: str) -> list[Node]:
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, SequenceNode):
            raise self.error(node, f"`{key}` must be {KIND_EXAMPLES['list']}")
        return list(node.value)

    # -- the sections ----------------------------------------------------------------------------
    def config(self, root: Node) -> Config:
        top = self.mapping(root, "the file", TOP_KEYS)
        news = self.fields(top["newsletter"], "`newsletter`", NEWSLETTER_KEYS)
        settings = self.settings(top.get("settings"))
        self.store_path = settings.store
        subjects = self.subjects(top["subjects"])
        feeds = self.feeds(top["feeds"], {s.name for s in subjects})
        news_nodes = self.mapping(top["newsletter"], "`newsletter`", NEWSLETTER_KEYS)
        introduction = news.get("introduction", "")
        intro_file = None
        if "introduction" in news:
            self.variables(news_nodes["introduction"], introduction, "introduction")
        if "introduction_file" in news:
            if "introduction" in news:
                node = news_nodes["introduction_file"]
                raise self.error(node, "give `introduction` or `introduction_file`, not both")
            introduction = self.read_intro(top["newsletter"], news["introduction_file"])
            intro_file = self.local_path(news_nodes["introduction_file"], news["introduction_file"])
        for key in ("utm_source", "utm_medium", "utm_campaign"):
            if key in news:
                self.utm_variables(news_nodes[key], str(news[key]), key)
        site_url = str(news.get("site_url") or "").strip()
        if site_url and agent_address(site_url) is None:
            # It goes in every request's User-Agent (walk128 N5: left out of it unsaid).
            self.warn(
                news_nodes["site_url"],
                f"`site_url: {site_url}` cannot go in the User-Agent every request sends, which"
                " gives site owners your address: it holds `(`, `)` or `;` (which would end"
                " the part of the header it goes in), or cannot be written in ASCII; it is"
                " left out of it: write it with %28, %29 and %3B for them, or give"
                " `contact:` under `settings:`",
            )
        for key in ("title", "editor"):
            if key in news and (tags := text_markup_cut(str(news[key] or ""))):
                # (walk102 #5: the .txt read `Weekly alert(90) ">`, `edited by Ed `, unwarned,
                # where the introduction's markup is warned about)
                shown = ", ".join(t if len(t) <= 40 else t[:37] + "..." for t in tags[:3])
                self.warn(
                    news_nodes[key],
                    f"the newsletter's `{key}` holds HTML markup ({shown}), which issue-N.txt"
                    " leaves out (a tag that runs or loads something or has attributes) and every"
                    f" other format shows as the text it is, never as HTML: write the {key} as"
                    " plain text",
                )
        themes = self.themes(top.get("themes"), subjects)
        language = str(news.get("language", "en")).strip()
        if not LANGUAGE_TAG.fullmatch(language):
            dashed = language.replace("_", "-")
            hint = (
                f" (did you mean `language: {dashed}`?)" if LANGUAGE_TAG.fullmatch(dashed) else ""
            )
            raise self.error(
                news_nodes["language"],
                f"`language: {language}` is no language code{hint}; write the code of the language"
                " the newsletter is written in, as HTML's lang= takes it: en, de, fr, zh, zh-CN,"
                " ja, ar, he",
            )
        head, _, rest = language.partition("-")
        if (meant := COUNTRY_NOT_LANGUAGE.get(head.lower())) is not None:
            raise self.error(
                news_nodes["language"],
                f"`language: {language}`: {head} is a country's code or a withdrawn one, not a"
                " language's code as browsers and screen readers know it; write the language's code:"
                f" did you mean `language: {meant}{'-' + rest if rest else ''}`?",
            )
        placeholders: list[str] = []
        unplanned: list[str] = []
        for key, placeholder in INIT_PLACEHOLDERS.items():
            if key not in news or str(news[key]).split() != placeholder.split():
                continue
            used = self.used_by(key, themes.plan)
            (placeholders if used is not None else unplanned).append(
                str(
                    self.error(
                        news_nodes[key],
                        f"`{key}: {placeholder}` is still the placeholder `curator init` wrote,"
                        f" and is published as it is{_UNPLANNED if used is None else used}; write your"
                        " newsletter's own",
                    )
                )
            )
        return Config(
            path=self.path,
            title=news["title"],
            editor=news.get("editor"),
            introduction=introduction,
            issue_size=news.get("issue_size", 5),
            site_url=news.get("site_url"),
            subjects=subjects,
            feeds=feeds,
            settings=settings,
            utm={k: v for k, v in news.items() if k.startswith("utm_")},
            language=language,
            language_given="language" in news,
            warnings=tuple(self.warnings),
            placeholders=tuple(placeholders),
            unplanned_placeholders=tuple(unplanned),
            themes=themes,
            subject_introductions=self.subject_intros,
            introduction_file=intro_file,
            introduction_offset=(
                _text_offset(news_nodes["introduction"]) if "introduction" in news else 0
            ),
            subject_introduction_offsets=self.subject_intro_offsets,
        )

    def used_by(self, key: str, plan: Sequence[Sequence[str]]) -> str | None:
        """Which issues the newsletter's `key` goes in, when not all: its introduction only in
        those whose theme has none of its own (walk179 #5: the placeholder was said to be
        published, on every command, where the plan's theme had its own); None when no issue
        of the `plan` does (walk183 #4: every theme of the plan had its own, and it was said)."""
        own = list(self.subject_intros)
        if key != "introduction" or not own:
            return ""
        if plan and all(any(name in self.subject_intros for name in theme) for theme in plan):
            return None
        more = [f"{len(own) - 3} more"] if len(own) > 3 else []
        shown = [*own[:3], *more]
        named = " and ".join([", ".join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)
        issues = "an issue on" if len(own) == 1 else "issues on"
        opens = "opens with its subject's" if len(own) == 1 else "open with their subject's"
        return (
            f" in an issue whose theme has no `introduction:` of its own ({issues} {named} {opens})"
        )

    def read_intro(self, news_node: Node, name: str) -> str:
        node = self.mapping(news_node, "`newsletter`", NEWSLETTER_KEYS)["introduction_file"]
        file = self.local_path(node, name)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or "not readable UTF-8 text"
            raise self.error(
                node,
                f"introduction_file `{name}` cannot be read ({reason}); "
                f"the path is relative to {self.path.name}",
            ) from None
        try:
            check_variables(text)
        except VariableError as exc:
            raise ConfigError(file, exc.line, None, exc.message) from None
        return text

    def variables(self, node: Node, text: str, key: str) -> None:
        """An unknown `{variable}` in `text` (the value of `node`) is a mistake, located."""
        try:
            check_variables(text)
        except VariableError as exc:
            raise ConfigError(
                self.path, _text_offset(node) + exc.line, None, f"in `{key}`: {exc.message}"
            ) from None

    def utm_variables(self, node: Node, value: str, key: str) -> None:
        """A `{word}` in a UTM value that is neither {number} nor {edition} is a mistake, located,
        with a did-you-mean (walk46 N5: `{editon}` tagged every link `%7Bediton%7D`)."""
        for match in _UTM_VARIABLE.finditer(value):
            name = match.group(1)
            if name in UTM_VARIABLES:
                continue
            close = difflib.get_close_matches(name.strip().lower(), UTM_VARIABLES, n=1, cutoff=0.6)
            hint = f"did you mean {{{close[0]}}}? " if close else ""
            raise self.error(
                node,
                f"`{key}: {value}` names {{{name}}}, which is no variable, and would tag every"
                f" link {{{name}}} as typed; {hint}A UTM value may use {{number}} (the issue's"
                " number) and {edition} (web, blog, markdown, email, text or feed)",
            )

    def plan(self, node: Node) -> tuple[tuple[str, ...], ...]:
        """`plan:` as read: each entry a subject name, or a list of names (checked in themes)."""
        entries = []
        for item in self.items(node, "plan"):
            if isinstance(item, SequenceNode):
                names = tuple(self.scalar(n, "plan", "str") for n in item.value)
                if not names:
                    raise self.error(item, "an empty theme `[]` in `plan`; name its subjects")
            else:
                names = (self.scalar(item, "plan", "str"),)
            # (in NFC, as subjects' names are read: `_composed`; walk166 #5)
            entries.append(tuple(unicodedata.normalize("NFC", n) for n in names))
        return tuple(entries)

    def themes(self, node: Node | None, subjects: tuple[Subject, ...]) -> Themes:
        """`themes:`: the plan (every name a configured subject), its threshold and closing line."""
        if node is None:
            return Themes()
        raw = self.fields(node, "`themes`", THEMES_KEYS)
        nodes = self.mapping(node, "`themes`", THEMES_KEYS)
        names = [s.name for s in subjects]
        plan: list[tuple[str, ...]] = []
        lines: list[int] = []
        items = self.items(nodes["plan"], "plan") if "plan" in nodes else []
        planned = {" ".join(n.split()).casefold() for entry in raw.get("plan", ()) for n in entry}
        # The subjects no theme names: one of them, when it is the only one, is most likely the
        # new name of a subject the plan still calls by its old one (walk154 N-b).
        unplanned = [n for n in names if n.casefold() not in planned]
        for item, entry in zip(items, raw.get("plan", ()), strict=True):
            theme = tuple(self.plan_subject(item, name, names, unplanned) for name in entry)
            self.plan_repeats(item, theme)
            plan.append(theme)
            lines.append(item.start_mark.line + 1)
        if "closing" in raw:
            self.variables(nodes["closing"], raw["closing"], "closing")
        return Themes(
            plan=tuple(plan),
            min_articles=raw.get("min_articles", DEFAULT_MIN_ARTICLES),
            min_score=float(raw.get("min_score", 0.0)),
            closing=raw.get("closing", ""),
            plan_lines=tuple(lines),
            closing_line=nodes["closing"].start_mark.line + 1 if "closing" in nodes else 0,
            closing_offset=_text_offset(nodes["closing"]) if "closing" in nodes else 0,
            written=True,
        )

    def curly_subject(self, name: str) -> None:
        """Refuse, on the subject's own line, a subject named in curly quotes that `name` (in
        `plan` or a feed's `subjects`) names without them: "did you mean `“X”`?" led the
        editor to copy the quotes into the issue too (walk72 #3)."""
        key = " ".join(name.strip(_CURLY_OPEN + _CURLY_CLOSE).split()).casefold()
        for named, node in self.subject_name_nodes.items():
            bare = named.strip(_CURLY_OPEN + _CURLY_CLOSE)
            if bare != named and " ".join(bare.split()).casefold() == key:
                raise self.error(
                    node,
                    f"the subject is named {named}, with curly quotes, which are text to YAML, not"
                    f" quotes, so `{name}` does not name it: write `- name: {bare}` on this line",
                )

    def plan_subject(
        self, item: Node, name: str, names: list[str], unplanned: Sequence[str] = ()
    ) -> str:
        found = {n.casefold(): n for n in names}.get(" ".join(name.split()).casefold())
        if found is None:
            self.curly_subject(name)
            hint = subject_hint(name, names)
            close = hint.split("`")[1] if hint.startswith("did you mean") else None
            stored, used = self.stored_subjects()
            key = " ".join(name.split()).casefold()
            new_names = [n for n in names if n.casefold() not in stored]
            if key in stored and len(new_names) == 1:
                # A name the store held is no typo of another: the subject renamed is most likely
                # the one of feeds.yaml the store has never held (walk154 N-b).
                close = new_names[0]
                hint = f"did you mean `{close}`, the one subject new to feeds.yaml?"
            elif close is None and len(unplanned) == 1:
                # (renamed in `subjects:` and not here: the one subject the plan does not name)
                close = unplanned[0]
                hint = f"did you mean `{close}`, the one subject `plan` does not name?"
            if close is None or key not in used or close.casefold() in stored:
                # (no issue nor move of it, or a subject of its own: nothing a rename carries)
                raise self.error(item, f"unknown subject `{name}` in `plan`; {hint}")
            new = close
            raise self.error(
                item,
                f"unknown subject `{name}` in `plan`; {hint} If you renamed `{name}` to"
                f" `{new}` in `subjects:`, write `{new}` here too, then run `curator subjects"
                f" rename {shell_arg(name)} {shell_arg(new)}`: the issues published on `{name}`"
                " and the articles you moved to it then count for it",
            )
        return found

    def stored_subjects(self) -> tuple[set[str], set[str]]:
        """The subject names (casefolded) the store holds (where articles are placed, the
        editor's moves, the sections issues published), and of those the ones an issue or a move
        used (what `curator subjects rename OLD NEW` carries over); empty when there is no store yet or it
        cannot be read (only a message's hint depends on them)."""
        path = self.store_path
        if path is None or not path.is_file():
            return set(), set()
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            try:
                used = db.execute(
                    "SELECT subject FROM corrections WHERE subject IS NOT NULL"
                    " UNION SELECT subject FROM issue_articles"
                ).fetchall()
                placed = db.execute(
                    "SELECT DISTINCT subject FROM assignments WHERE subject IS NOT NULL"
                ).fetchall()
            finally:
                db.close()
        except sqlite3.Error:  # (an old, locked or damaged store: the hint goes without it)
            return set(), set()
        names = {" ".join(str(r[0]).split()).casefold() for r in used if r[0]}
        return names | {" ".join(str(r[0]).split()).casefold() for r in placed if r[0]}, names

    def plan_repeats(self, item: Node, theme: tuple[str, ...]) -> None:
        """A theme naming one subject twice (`[Personalization, Personalization]`) is a mistake,
        located at the second name (walk111 #1: it was accepted, published "Next time:
        Personalization and Personalization.", and its issue featured each article twice)."""
        if not isinstance(item, SequenceNode):
            return
        seen: set[str] = set()
        for node, name in zip(item.value, theme, strict=True):
            if name in seen:
                raise self.error(
                    node,
                    f"the theme names `{name}` twice in `plan`; write each subject once"
                    f" (`[{name}]`, or just `{name}`, for an issue on it alone)",
                )
            seen.add(name)

    def local_path(self, node: Node, text: str) -> Path:
        """A path feeds.yaml gives (`settings: store:`, `output:` ...; `introduction_file:`): one
        starting with `~` is in the home folder, as in a shell; any other relative one is read
        relative to feeds.yaml's folder.

        Why: `store: ~/ops-store/curator.db` made a folder literally named `~` inside the
        newsletter's folder, without a word (walk166 #3), and README itself writes `~/backups/`."""
        if not text.startswith("~"):
            return (self.path.parent / text).resolve()
        home = home_path(text)
        if home is None:
            first = text.replace("\\", "/").split("/", 1)[0]
            why = (
                "HOME is not set (is this run from cron or a service without it?)"
                if first == "~"
                else f"there is no user {first[1:]!r} on this machine"
            )
            raise self.error(
                node,
                f"`{text}` starts with `{first}`, the home folder, but {why}: write the full"
                f" path (from /), or one relative to {self.path.name}'s folder",
            )
        return home.resolve()

    def settings(self, node: Node | None) -> Settings:
        raw = self.fields(node, "`settings`", SETTINGS_KEYS) if node is not None else {}

        def place(key: str, default: str) -> Path:
            if key not in raw:
                return (self.path.parent / default).resolve()
            assert node is not None  # (a key of `settings:` is written under it)
            return self.local_path(self.mapping(node, "`settings`", SETTINGS_KEYS)[key], raw[key])

        output = place("output", "output")
        store = place("store", ".curator/curator.db")
        templates = place("templates", "") if "templates" in raw else None
        if node is not None and templates is not None and not templates.is_dir():
            # Else a typo here would quietly publish with curator's own templates; the folder
            # meant, beside the one written (walk125 #4: `templates: tempaltes` had no hint).
            try:
                near = [p.name for p in templates.parent.iterdir() if p.is_dir()]
            except OSError:
                near = []
            meant = difflib.get_close_matches(templates.name, near, n=1)
            hint = (
                f": did you mean `{Path(raw['templates']).parent / meant[0]}`?"
                if meant
                else "; fix the path, which is relative to this config file"
            )
            raise self.error(
                self.mapping(node, "`settings`", SETTINGS_KEYS)["templates"],
                f"no templates folder at `{raw['templates']}` (looked for {templates}){hint}",
            )
        if "outputs" in raw:
            from curator.outputs import OUTPUTS  # the output formats are the renderer's to name

            where = self.mapping(node, "`settings`", SETTINGS_KEYS)["outputs"]
            for name in raw["outputs"]:
                if name not in OUTPUTS:
                    close = difflib.get_close_matches(name, list(OUTPUTS), n=1)
                    fix = (
                        f"did you mean `{close[0]}`?"
                        if close
                        else "the formats are: " + ", ".join(OUTPUTS)
                    )
                    raise self.error(where, f"unknown output `{name}`; {fix}")
        return Settings(
            output=output,
            store=store,
            templates=templates,
            fetch_pages=raw.get("fetch_pages", True),
            allow_private_addresses=raw.get("allow_private_addresses", False),
            timeout=float(raw.get("timeout", 30.0)),
            max_bytes=raw.get("max_bytes", 10 * 1024 * 1024),
            concurrency=raw.get("concurrency", CONCURRENCY),
            per_host=raw.get("per_host", PER_HOST),
            outputs=tuple(raw.get("outputs", ())),
            drafts=place("drafts", "drafts"),
            recency_weight=float(raw.get("recency_weight", 0.0)),
            introductions=place("introductions", "introductions"),
            contact=str(raw["contact"]).strip() if "contact" in raw else None,
        )

    def subjects(self, node: Node) -> tuple[Subject, ...]:
        items = self.items(node, "subjects")
        if not items:
            raise self.error(
                node, "`subjects` is empty; add at least one `- name: ...` with keywords"
            )
        subjects: list[Subject] = []
        seen: set[str] = set()
        for item in items:
            raw = self.fields(item, "a subject", SUBJECT_KEYS)
            self.subject_name_nodes[raw["name"]] = self.mapping(item, "a subject", SUBJECT_KEYS)[
                "name"
            ]
            if "introduction" in raw:
                node = self.mapping(item, "a subject", SUBJECT_KEYS)["introduction"]
                self.variables(node, raw["introduction"], "introduction")
                self.subject_intros[raw["name"]] = raw["introduction"]
                self.subject_intro_offsets[raw["name"]] = _text_offset(node)
            if raw["name"].lower() in seen:
                raise self.error(item, f"the subject `{raw['name']}` is listed twice; merge them")
            seen.add(raw["name"].lower())
            keywords = raw.get("keywords", ())
            if len(keywords) > MAX_KEYWORDS:
                raise self.error(
                    item,
                    f"`{raw['name']}` has {len(keywords)} keywords; "
                    f"keep at most {MAX_KEYWORDS}, the telling ones",
                )
            if len(keywords) > ADVISED_KEYWORDS:
                self.warn(
                    self.mapping(item, "a subject", SUBJECT_KEYS)["keywords"],
                    f"`{raw['name']}` has {len(keywords)} keywords, more than the 3 to "
                    f"{ADVISED_KEYWORDS} measured in README; that is fine for words only its "
                    "articles would use (keep those: cutting telling ones costs accuracy), but "
                    "remove vaguer ones, which pull in articles that merely mention them",
                )
            if not keywords and not raw.get("description"):
                raise self.error(
                    item,
                    f"the subject `{raw['name']}` needs a `description` or "
                    "`keywords` so curator can tell which articles belong to it",
                )
            if not keywords:
                self.warn(
                    self.mapping(item, "a subject", SUBJECT_KEYS).get("keywords", item),
                    f"`{raw['name']}` has no keywords: curator places its articles from its name"
                    " and description alone, and places fewer of them rightly; add `keywords:"
                    " [...]` with 3 to 10 words or phrases only its articles would use",
                )
            wordless = [k for k in keywords if not terms(k)]
            if wordless:
                # walk51 #1: a keyword curator reads no word in matches nothing, without a word.
                self.warn(
                    self.mapping(item, "a subject", SUBJECT_KEYS)["keywords"],
                    f"`{raw['name']}`: "
                    + ", ".join(f"`{k}`" for k in wordless)
                    + (" gives" if len(wordless) == 1 else " give")
                    + " curator no word to match (a common word, a number or a single letter"
                    " counts for nothing), so no article is placed by "
                    + ("it" if len(wordless) == 1 else "them")
                    + "; write words its articles would use instead",
                )
            if (
                not raw.get("description")
                and [k.casefold() for k in keywords] == [raw["name"].casefold()]
                # walk155 #11: a stub whose one keyword has no word is told that just above;
                # "placed by that one word" would contradict it.
                and not wordless
            ):
                self.warn(
                    item,
                    f"`{raw['name']}` is still the stub `feeds import --add-subjects` wrote (no"
                    " description, its name as its one keyword): its articles are placed by that"
                    " one word, and an issue may publish off-subject ones under it; give it a"
                    " `description:` and 3 to 10 keywords only its articles would use",
                )
            subjects.append(
                Subject(raw["name"], raw.get("description", ""), keywords, raw.get("examples", ()))
            )
        return tuple(subjects)

    def feeds(self, node: Node, subject_names: set[str]) -> tuple[FeedSource, ...]:
        # An empty list is a newsletter just started (`curator init`): `feeds add` must work on it;
        # fetching says what to do (see cli.require_feeds).
        items = self.items(node, "feeds")
        feeds: list[FeedSource] = []
        seen: dict[str, int] = {}
        names: dict[str, tuple[int, str]] = {}
        for item in items:
            if isinstance(item, ScalarNode) and item.value.strip():
                # `- https://bare.example/feed` (walk152 #12: said what, not how)
                raise self.error(
                    item,
                    f"a feed must be a section of `key: value` lines: write `- url: {item.value}`",
                )
            nodes = self.mapping(item, "a feed", FEED_KEYS)
            raw = {key: self.value(n, key, FEED_KEYS[key][0]) for key, n in nodes.items()}
            url = self.feed_url(nodes["url"], raw["url"])
            key = feed_key(url) if not url.startswith("/") else url
            line = item.start_mark.line + 1
            if key in seen:
                raise self.error(
                    item, f"this feed is already listed at line {seen[key]}; remove one"
                )
            seen[key] = line
            name = raw.get("name")
            if name and "||" in str(name):
                # walk155 #1: `name: "Small Weekly || Journal"` was credited as "Ann Bee || Small
                # Weekly || Journal": "||" is what an issue prints between author and publication.
                raise self.error(nodes["name"], name_bars_fault(str(name)))
            if name and any(ch in str(name).strip() for ch in "\n\r\x85\u2028\u2029"):
                # walk152 #13: `name: "Three\nCo"` broke the issue's credit over two lines.
                one = json.dumps(one_line_name(str(name)), ensure_ascii=False)
                raise self.error(
                    nodes["name"],
                    f"`name:` holds a line break, and a credit is one line: write it on one line,"
                    f" `name: {one}`",
                )
            if name and (first := names.get(" ".join(str(name).split()).casefold())):
                # walk45 #7: credits, fetch and `feeds check` could not tell the two apart.
                self.warn(
                    nodes["name"],
                    f"`name: {name}` is also the name of the feed at line {first[0]} ({first[1]}):"
                    " both are credited as one publication, and fetch and `feeds check` cannot"
                    " tell them apart; give each its own name, unless they are one publication's",
                )
            elif name:
                names[" ".join(str(name).split()).casefold()] = (line, url)
            unknown = [hint for hint in raw.get("subjects", ()) if hint not in subject_names]
            for hint in unknown:
                self.curly_subject(hint)
            if len(unknown) == 1:
                close = difflib.get_close_matches(unknown[0], list(subject_names), n=1)
                fix = f"did you mean `{close[0]}`?" if close else "name one of the subjects above"
                raise self.error(nodes["subjects"], f"unknown subject `{unknown[0]}`; {fix}")
            if unknown:  # each named, not the first only (walk152 #12)
                named = []
                for hint in unknown:
                    close = difflib.get_close_matches(hint, list(subject_names), n=1)
                    named.append(f"`{hint}`" + (f" (did you mean `{close[0]}`?)" if close else ""))
                raise self.error(
                    nodes["subjects"],
                    f"unknown subjects {', '.join(named)}; name subjects of the list above",
                )
            feeds.append(
                FeedSource(
                    url, raw.get("name"), raw.get("subjects", ()), raw.get("fetch_pages"), line
                )
            )
        return tuple(feeds)

    def feed_url(self, node: Node, url: str) -> str:
        """The feed's address as curator reads it, or the error naming the fix: the one check of
        a feed's address, which `feeds add` applies too (`check_feed_address`)."""
        return check_feed_address(url, self.path, lambda message: self.error(node, message))


def one_line_name(name: str) -> str:
    """A feed's `name:` as one line of a credit: its lines joined by a space, and any "||" (which
    an issue prints between an article's author and its publication) left out (walk155 #1: the
    line-break refusal advised `name: "Small Weekly || Journal"`, published as a third part)."""
    return " ".join(name.replace("||", " ").split())


def name_bars_fault(name: str) -> str:
    """Why a feed's name holding "||" is refused, and the name to write instead."""
    written = json.dumps(name, ensure_ascii=False)
    one = json.dumps(one_line_name(name), ensure_ascii=False)
    return (
        f'`name: {written}` holds "||", which an issue prints between an article\'s author and'
        " its publication (the author comes from each article): write the publication's name"
        f" alone, `name: {one}`"
    )


def home_path(text: str) -> Path | None:
    """`~/x` (or `~` alone, `~user/x`) with the home folder written out, as a shell reads it; None
    when it cannot be: `~` with HOME unset (a stripped cron or service environment, where
    curator will not guess whose home is meant), or `~user` of no user here."""
    first = text.replace("\\", "/").split("/", 1)[0]
    if first == "~" and not os.environ.get("HOME"):
        return None
    expanded = os.path.expanduser(text)
    return None if expanded.startswith("~") else Path(expanded)


def check_feed_address(url: str, path: Path, error: Callable[[str], Exception]) -> str:
    """The feed's address `url` (as feeds.yaml at `path` has it) as curator reads it: an http(s)
    address with its scheme lower-cased (`HTTPS://...`, walk152 #1: read as a file, it crashed
    every build), or a local file's resolved path; else raises `error(the fix)`. feeds.yaml's
    check, and `feeds add`'s before it writes a line (walk152 #2)."""
    text = url.strip()
    if len(text) > 2 and text[0] in _CURLY_OPEN and text[-1] in _CURLY_CLOSE:
        # A word processor's quotes are text to YAML, part of the address (walk152 #12).
        raise error(
            f"`{url}` is in curly quotes, which YAML reads as part of the address, not as quotes:"
            f" write `url: {text[1:-1].strip()}`"
        )
    try:
        parts = urlsplit(url)
    except ValueError:  # `http://[zz]/feed` (walk152 #7): `address_fault` says what is wrong
        parts = None
    meant = address_meant(url)
    scheme = parts.scheme if parts is not None else url.strip().partition(":")[0].lower()
    if scheme in ("http", "https"):
        if parts is not None and not parts.hostname and meant and meant != url:
            raise error(_mistyped_scheme(url, meant))  # `https:/site/feed`
        if fault := address_fault(url):
            raise error(f"`{url}`: {fault}")
        if any(ch.isspace() for ch in url.strip()):
            fixed = re.sub(r"\s", "%20", url.strip())
            raise error(f'`{url}` holds a space: write "{fixed}" (a space as %20)')
        return lowered_scheme(url.strip())
    if parts is None:
        raise error(f"`{url}` is not a valid address; write it as https://site/feed")
    if scheme == "file":
        return str(Path(parts.path).resolve())
    if scheme == "feed" and (read := feed_address(url)[0]).startswith(("http://", "https://")):
        # What `feeds import` reads it as, and `feeds add` writes (walk152 #2).
        raise error(
            f"`{url}` is a feed reader's link (`feed:` only asks a feed reader to open the"
            f" address after it): write `{read}`"
        )
    if scheme and len(scheme) > 1:
        if meant:
            raise error(_mistyped_scheme(url, meant))
        if web := scheme_left_out(url):  # `example.com:8080/feed` (walk180 #6)
            raise error(_web_without_scheme(url, web))
        raise error(f"`{url}` uses `{scheme}:`; a feed is an http(s) address or a path to a file")
    # A missing file is a feed that fails, as a feed whose server is down does: the build
    # reports it (with the path it looked at) and builds the rest of the issue. But not a
    # path that is a typing slip, which would fail every build, said with no line (walk68 #4).
    local = path.parent / url
    if not local.exists():
        if meant:  # `http//site/feed`, `http;//site/feed`, `http\\site\feed` (walk72 #1)
            raise error(_mistyped_scheme(url, meant))
        word = re.split(r"[/\\]", url, maxsplit=1)[0].rstrip(":;. ").lower()
        if difflib.get_close_matches(word, ["http", "https"], n=1, cutoff=0.7):
            raise error(
                f"no file `{url}`, and it starts like a web address with its https:// mistyped:"
                " write the feed's address as https://site/feed",
            )
        if "\\" in url:
            raise error(
                f"no file `{url}`: write a path with forward slashes, even on Windows:"
                f" `{url.replace(chr(92), '/')}`",
            )
        if web := scheme_left_out(url):
            raise error(_web_without_scheme(url, web))
    return str(local.resolve())


def _web_without_scheme(url: str, web: str) -> str:
    scheme = web.split(":", 1)[0]
    other = "https" if scheme == "http" else "http"
    return (
        f"no file `{url}`, and it looks like a web address without its {scheme}://: write"
        f" `{web}` (or {other}:// if that is what the site uses)"
    )


#: An email address as a User-Agent can carry it: no spaces, quotes, brackets or `;`.
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _contact(value: object) -> bool:
    """`settings: contact:` is an email address or an http(s) address of printable ASCII with no
    `(`, `)` or `;`, which would break the User-Agent it is sent in (RFC 9110 section 10.1.5)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not text or not text.isascii() or not text.isprintable() or any(c in text for c in "();"):
        return False
    if _EMAIL.fullmatch(text.removeprefix("mailto:")):
        return True
    parts = urlsplit(text)
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and not any(ch.isspace() or ch in '"<>' for ch in text)
    )


def _mistyped_scheme(url: str, meant: str) -> str:
    scheme = meant.split(":", 1)[0]
    return f"`{url}` is no web address (its `{scheme}://` is mistyped) and no file: write `{meant}`"


#: The variables a UTM value may use, and a `{word}` in one.
UTM_VARIABLES = ["number", "edition"]
_UTM_VARIABLE = re.compile(r"\{([^{}\n]{1,40})\}")


def _text_offset(node: Node) -> int:
    """Line N of a text value is line offset + N of the file (a block scalar, `key: |`, starts
    on the line after the key)."""
    return int(node.start_mark.line) + (1 if getattr(node, "style", None) in ("|", ">") else 0)
