"""Reading feeds.yaml into a typed `Config`; every mistake names the file, line, column and the fix."""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from curator.config import (
    ADVISED_KEYWORDS,
    CHECKED_AS,
    DEFAULT_MIN_ARTICLES,
    FEED_KEYS,
    INIT_PLACEHOLDERS,
    KIND_EXAMPLES,
    LANGUAGE_TAG,
    LIMITS,
    MAX_KEYWORDS,
    NEWSLETTER_KEYS,
    PLAIN_TAGS,
    SETTINGS_KEYS,
    SUBJECT_KEYS,
    THEMES_KEYS,
    TOP_KEYS,
    WORD_LIKE_TAGS,
    Config,
    ConfigError,
    FeedSource,
    Settings,
    Themes,
    subject_hint,
)
from curator.config_syntax import compose
from curator.config_values import (
    CURLY_CLOSE,
    CURLY_OPEN,
    check_feed_address,
    home_path,
    name_bars_fault,
    one_line_name,
)
from curator.errors import shell_arg
from curator.extract_rules import COUNTRY_NOT_LANGUAGE
from curator.fetch_request import CONCURRENCY, PER_HOST, agent_address
from curator.models import Subject
from curator.textfeatures import terms
from curator.texttags import text_markup_cut
from curator.urls import feed_key, host_fault
from curator.variables import VariableError, check_variables


def parse_config(text: str, path: Path) -> Config:
    """Check `text` (the contents of `path`) and build the `Config`."""
    root = compose(text, path)
    if root is None:
        raise ConfigError(
            path, 1, 1, "the file is empty; it needs `newsletter:`, `subjects:` and `feeds:`"
        )
    return _Reader(path).config(root)


#: The sections of `key: value` lines, by name: where a key put in the wrong one belongs.
_SECTIONS = {"newsletter": NEWSLETTER_KEYS, "themes": THEMES_KEYS, "settings": SETTINGS_KEYS}


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


#: Which issues publish the newsletter's introduction when every theme of the plan has its own.
_UNPLANNED = (
    " in this issue (with --all-subjects, or --subject naming subjects without an"
    " `introduction:` of their own, an issue opens with it; each theme of the plan has its own)"
)


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
            if len(value) > 2 and value[0] in CURLY_OPEN and value[-1] in CURLY_CLOSE:
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
        key = " ".join(name.strip(CURLY_OPEN + CURLY_CLOSE).split()).casefold()
        for named, node in self.subject_name_nodes.items():
            bare = named.strip(CURLY_OPEN + CURLY_CLOSE)
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
            self._pageless(where, tuple(raw["outputs"]))
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
            first_issue=raw.get("first_issue", 1),
        )

    def _pageless(self, where: Node, outputs: tuple[str, ...]) -> None:
        """Say, at `outputs`' line, what the issue's links go to without `html` (walk197 #2:
        index.html, feed.xml, the email's footer and the text edition linked issue-N.html, which
        was never written, unsaid)."""
        from curator.editions import ISSUE_FORMATS, web_page

        linking = [n for n in ("index", "feed", "email", "text") if n in outputs]
        if "html" in outputs or not linking:
            return
        page = web_page(0, outputs)
        if page is not None:
            name = next(n for n, (_, p) in ISSUE_FORMATS.items() if p.format(n=0) == page)
            self.warn(
                where,
                f"`outputs` leaves out `html`: no issue-N.html is written, so "
                f"{_linkers(linking)} link each issue's {name} edition"
                f" ({page.replace('-0.', '-N.')}) instead, and latest.html is not written (the"
                " next build or render removes one an earlier build wrote); add `html` to give each issue"
                " a page",
            )
        else:
            self.warn(
                where,
                "`outputs` leaves out `html` and every edition a browser shows (email, fragment,"
                " text), so the archive links no page of the issue: index.html and feed.xml name"
                " each issue without a link, and latest.html is not written (the next build"
                " removes one an earlier build wrote); add `html` to give each issue a page",
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


#: The variables a UTM value may use, and a `{word}` in one.
UTM_VARIABLES = ["number", "edition"]
_UTM_VARIABLE = re.compile(r"\{([^{}\n]{1,40})\}")


def _text_offset(node: Node) -> int:
    """Line N of a text value is line offset + N of the file (a block scalar, `key: |`, starts
    on the line after the key)."""
    return int(node.start_mark.line) + (1 if getattr(node, "style", None) in ("|", ">") else 0)


def _linkers(outputs: Sequence[str]) -> str:
    """The files that link an issue's page among `outputs`, named as an editor sees them."""
    names = {
        "index": "index.html",
        "feed": "feed.xml",
        "email": 'the email\'s "Read it on the web"',
        "text": 'the text edition\'s "Read it on the web"',
    }
    shown = [names[n] for n in outputs]
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
