"""The typed `Config` feeds.yaml is read into (its feeds, settings and themes), `ConfigError`, and
the schema of feeds.yaml as data: the keys each section takes, their kinds and limits."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from curator.errors import InputError
from curator.fetch_request import CONCURRENCY, PER_HOST
from curator.models import Subject
from curator.renamedsubjects import renamed, renamed_in_store


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
    #: The number of the first issue this store publishes, read only while it has published none:
    #: a newsletter moved from another tool carries on its numbering (walk202 #2).
    first_issue: int = 1


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


#: What `curator init` writes under `newsletter:` (feedsfile_init.FEEDS_TEMPLATE) for the editor to
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
    "first_issue": ("int", False),
}
TOP_KEYS: dict[str, tuple[str, bool]] = {
    "newsletter": ("mapping", True),
    "subjects": ("list", True),
    "feeds": ("list", True),
    "themes": ("mapping", False),
    "settings": ("mapping", False),
}
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
    "first_issue": (1, 1_000_000),
}
#: A language tag as HTML's lang= takes it (BCP 47): "en", "zh-CN", "sr-Latn-RS".
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
MAX_KEYWORDS = 30
#: Above this many keywords a subject is accepted with a note: README's measurements cover 3 to 10
#: telling ones, and a vaguer keyword pulls in articles that merely mention it. The note no longer
#: says to cut to 10 (walk41 #4: an editor who cut PC hardware's 13 telling keywords to 10 saw
#: 75.6 % of the posts placed rightly fall to 73.3 %); it says to cut only the vague ones.
ADVISED_KEYWORDS = 10
