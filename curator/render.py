"""Rendering an issue with Jinja2: the editor's templates first, then curator's; everything escaped."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, time
from functools import partial, wraps
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.meta
import jinja2.nodes
import jinja2.runtime
from markupsafe import Markup, escape

from curator.errors import shell_arg
from curator.htmltext import display_width
from curator.markdowntext import (
    blurb_html,
    headings_under,
    markdown_html,
    markdown_text,
    published_markdown,
    safe_url_filter,
)
from curator.markdowntext_links import cut_unsafe_links, cut_unsafe_links_per_line
from curator.models import Article, Issue, Scored
from curator.plainblurb import plain_blurb_markdown
from curator.readerlang import guessed_language, isolated, language_scripts, latin_only
from curator.templatecheck import WORDS, builtin_templates
from curator.templateloader import COMPILED, WordsLoader
from curator.texttags import text_tags_cut
from curator.urls import safe_url
from curator.views import EntryView, SectionView

#: The languages written right to left (their primary subtag): Arabic, Hebrew, Persian, Urdu,
#: Yiddish, Pashto, Sindhi, Uyghur, Dhivehi, Central Kurdish, Syriac, Kashmiri, Western Punjabi
#: (Shahmukhi), Aramaic, N'Ko, Mandaic, and the old codes of Hebrew and Yiddish.
RTL_LANGUAGES = frozenset(
    {"ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "ug", "dv", "ckb", "syr", "ks", "pnb"}
    | {"arc", "nqo", "mid", "bal", "glk", "mzn", "prs", "lrc", "azb", "skr", "khw", "bqi"}
)

#: The scripts (ISO 15924, a tag's four-letter subtag) written right to left: Arabic, Hebrew,
#: Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan. A script subtag decides over
#: the language: "pa-Arab" (Punjabi in Shahmukhi) is right to left, "ar-Latn" (Arabizi) is not
#: (walk110 #8: both were given the language's usual direction).
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr"})


def text_direction(language: str) -> str:
    """ "rtl" for a language written right to left (`RTL_LANGUAGES`: "ar", "he-IL", or any tag
    whose script subtag is one of `RTL_SCRIPTS`: "pa-Arab"), else "ltr" ("ar-Latn" too)."""
    parts = language.lower().replace("_", "-").split("-")
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0] in RTL_LANGUAGES else "ltr"


#: A language tag (BCP 47) as a page declares it: "en", "pt-BR", "zh-Hant-TW".
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def lang_attributes(language: str, direction: str = "", *, newsletter: str = "en") -> Markup:
    """` lang="ar" dir="rtl"` for an element in `language` inside a newsletter in another
    (`newsletter`; the primary subtags differ: "en-US" in an "en" one is no other language), with
    `dir` when the two are written in different directions; "" otherwise. Templates give it an
    article's `entry.language`, so that a reader's browser and screen reader read its title and
    blurb as what they are (an Arabic article right to left in an English issue). With no language,
    `direction` alone (`entry.direction`: "rtl" or "auto" for an article whose letters tell its
    direction but not its language, walk159 #2) is ` dir="rtl"` or ` dir="auto"`."""
    if not language or not _LANGUAGE_TAG.fullmatch(language):
        if direction in ("rtl", "auto") and direction != text_direction(newsletter):
            return Markup(' dir="{}"').format(direction)
        return Markup("")
    if language.split("-")[0].lower() == newsletter.split("-")[0].lower():
        return Markup("")
    direction = text_direction(language)
    turned = f' dir="{direction}"' if direction != text_direction(newsletter) else ""
    return Markup(' lang="{}"{}').format(language, Markup(turned))


def environment(user_templates: Path | None = None, *, language: str = "en") -> jinja2.Environment:
    """A Jinja2 environment searching the editor's folder (when given), then curator's templates.

    Every template gets the newsletter's `language` as `lang` (`<html lang>`, the feed's
    `xml:lang`) and its writing direction as `dir` ("rtl" or "ltr", `text_direction`)."""
    loaders: list[jinja2.BaseLoader] = []
    # utf-8-sig: a byte-order mark some editors save at a file's start is not published mid-page
    # (walk156 #18: U+FEFF before `<article>`, inside feed.xml, before issue.md's `---`).
    if user_templates is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_templates), encoding="utf-8-sig"))
    loaders.append(jinja2.FileSystemLoader(str(builtin_templates()), encoding="utf-8-sig"))
    env = _Environment(
        loader=WordsLoader(loaders),
        # .md too: what a Markdown file holds reaches a site generator's HTML, and an HTML
        # entity there reads as its character (`&lt;script&gt;` is the text "<script>").
        autoescape=_AUTOESCAPE,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=COMPILED,
    )
    env.filters["safe_url"] = safe_url_filter
    env.filters["headings_under"] = headings_under
    env.globals["lang"] = language
    env.globals["dir"] = text_direction(language)
    env.globals["lang_attributes"] = partial(lang_attributes, newsletter=language)
    # Columns, not characters: a plain-text heading's underline ("=" * (subject | width)).
    env.filters["width"] = display_width
    env.filters = TextFilters(env.filters)
    return env


class TextFilters(dict[str, Any]):
    """An environment's filters, each kept as `_keeps_text` makes it (those added later too:
    curator.editions' and a test's)."""

    def __init__(self, filters: dict[str, Any]) -> None:
        super().__init__()
        for name, f in filters.items():
            self[name] = f

    def __setitem__(self, name: str, f: Any) -> None:
        super().__setitem__(name, _keeps_text(f) if callable(f) else f)

    def setdefault(self, name: str, f: Any = None) -> Any:
        if name not in self:
            self[name] = f
        return self[name]


class Text(str):
    """Plain text a template shows: escaped in an HTML or XML template even under `|safe` (its
    `__html__` is the escaped text, which `|safe` and autoescaping both use), as it is in a text
    one. Why: `{{ entry.blurb|safe }}` published a draft's `<img onerror=...>` live (walk39 #1).

    What a template makes of it stays Text: its string methods, slices and `+` (set up below,
    `_TEXT_METHODS`), every filter given one (`_keeps_text`) and `~` (`_TextCodeGenerator`), so
    `{{ entry.title|trim|safe }}` or `entry.title[0:]|safe` publish text too (walk125 #1: they
    published a feed title's `<meta http-equiv="refresh">` live)."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return escape(str.__str__(self))

    def __radd__(self, other: object) -> object:
        if isinstance(other, str) and not hasattr(other, "__html__"):
            return Text(other + str.__str__(self))
        return NotImplemented

    def __iter__(self) -> Iterator[Text]:
        """Its characters, each Text: `{% for c in entry.title %}{{ c|safe }}{% endfor %}`
        published a feed title's `<meta http-equiv="refresh">` live (walk130 #1)."""
        return (Text(c) for c in str.__str__(self))

    def encode(self, encoding: str = "utf-8", errors: str = "strict") -> TextBytes:
        """Its bytes, which stay text (`TextBytes`): `{{ entry.title.encode()|safe }}` published
        the markup in it (walk130 #1)."""
        return TextBytes(str.encode(str.__str__(self), encoding, errors))


class TextBytes(bytes):
    """Text's bytes: escaped wherever a template shows them (`|safe` too), as Text is, and Text
    again when decoded."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return escape(str(self))

    def decode(self, encoding: str = "utf-8", errors: str = "strict") -> Text:
        return Text(bytes.decode(self, encoding, errors))

    def __getitem__(self, key: Any) -> Any:
        part = bytes.__getitem__(self, key)
        return TextBytes(part) if isinstance(part, bytes) else part


#: The str methods whose result is made of the text they are called on: each returns Text (or
#: a list or tuple of Text) when called on Text.
_TEXT_METHODS = (
    "__add__",
    "__getitem__",
    "__mod__",
    "__mul__",
    "__rmul__",
    "capitalize",
    "casefold",
    "center",
    "expandtabs",
    "format",
    "format_map",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
)


def as_text(value: object) -> object:
    """`value` with every plain str in it (a str, or the strs of a list, tuple or iterator) made
    Text; Markup and everything else as it is."""
    if isinstance(value, str):
        return value if hasattr(value, "__html__") else Text(value)
    if isinstance(value, list | tuple):
        return type(value)(as_text(v) for v in value) if type(value) in (list, tuple) else value
    if isinstance(value, Iterator):
        return (as_text(v) for v in value)
    return value


def _text_method(name: str) -> Callable[..., object]:
    method = getattr(str, name)

    def kept(self: Text, *args: object, **kwargs: object) -> object:
        result = method(self, *args, **kwargs)
        return result if result is NotImplemented else as_text(result)

    kept.__name__ = name
    kept.__doc__ = method.__doc__
    return kept


for _name in _TEXT_METHODS:
    setattr(Text, _name, _text_method(_name))


def _has_text(value: object, depth: int = 2) -> bool:
    """Whether `value` is Text (or its bytes) or holds one (in a list, tuple, set or dict,
    `depth` deep)."""
    if isinstance(value, Text | TextBytes):
        return True
    if depth and isinstance(value, list | tuple | set | frozenset):
        return any(_has_text(v, depth - 1) for v in value)
    if depth and isinstance(value, dict):
        return any(_has_text(v, depth - 1) for v in value.values())
    return False


def _keeps_text(f: Callable[..., object]) -> Callable[..., object]:
    """Filter `f`, returning Text where it returns a plain str made from Text it was given
    (`|trim`, `|striptags`, `"%s"|format(...)`, `|center`, `|indent`, `|pprint`, `|join`...):
    `|safe` after it then shows that text, never the markup in it (walk125 #1)."""

    @wraps(f)
    def kept(*args: object, **kwargs: object) -> object:
        # An iterator (|map, |select) is read once here, so that the Text in it can be seen.
        args = tuple(list(a) if isinstance(a, Iterator) else a for a in args)
        result = f(*args, **kwargs)
        if _has_text(args) or _has_text(kwargs):
            return as_text(result)
        return result

    return kept


#: Which templates autoescape: HTML, XML and Markdown ones (`.md` too: what a Markdown file holds
#: reaches a site generator's HTML, and an entity there reads as its character).
_AUTOESCAPE = jinja2.select_autoescape(
    enabled_extensions=("html", "htm", "xml", "md"), default_for_string=True
)


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: object) -> object:
    """Every `{{ ... }}`'s value: Text escaped in an HTML, XML or Markdown template even inside
    `{% autoescape false %}` (walk125 #1: a feed's `<form>`, `<base href>`, `<style>` were
    published there), as it is everywhere else in such a template."""
    if isinstance(value, Text | TextBytes) and _AUTOESCAPE(context.name):
        if isinstance(value, Text) and (context.name or "").endswith(".md"):
            return _braces_as_entities(value.__html__())
        return value.__html__()
    return value


def _braces_as_entities(text: Markup) -> Markup:
    """A feed's text in a Markdown edition with `{` and `}` as entities: Jekyll reads `{{ }}` and
    `{% %}` in a Markdown file as Liquid, Hugo `{{< >}}` as a shortcode, before the Markdown
    (walk156 #5: a title's `{% include secrets.txt %}` was run, a lone `{% raw %}` broke the
    site's whole build); an entity reads as its character."""
    if "{" not in text and "}" not in text:
        return text
    return Markup(str(text).replace("{", "&#123;").replace("}", "&#125;"))


class _TextCodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja2's code generator, with `~` giving Text when it joins Text outside autoescaping
    (Jinja2 gives a plain str there, which `|safe` would publish as markup), and every call going
    through `_Environment.call` (as a sandbox's do), so that `"{}".format(entry.title)` is Text."""

    def visit_Call(  # noqa: N802 (Jinja2's name)
        self, node: jinja2.nodes.Call, frame: Any, forward_caller: bool = False
    ) -> None:
        self.write("environment.call(context, ")
        self.visit(node.node, frame)
        extra_kwargs = {"caller": "caller"} if forward_caller else None
        loop_kwargs = {"_loop_vars": "_loop_vars"} if frame.loop_frame else {}
        block_kwargs = {"_block_vars": "_block_vars"} if frame.block_frame else {}
        if extra_kwargs:
            extra_kwargs.update(loop_kwargs, **block_kwargs)
        elif loop_kwargs or block_kwargs:
            extra_kwargs = dict(loop_kwargs, **block_kwargs)
        self.signature(node, frame, extra_kwargs)
        self.write(")")

    def visit_Concat(self, node: jinja2.nodes.Concat, frame: Any) -> None:  # noqa: N802
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else environment.text_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "environment.text_join"
        self.write(f"{func_name}((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _Environment(jinja2.Environment):
    """curator's template environment: what a template makes of Text stays Text (`Text`)."""

    code_generator_class = _TextCodeGenerator

    def call(self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call a template makes (`x.strip()`, `"{}".format(x)`, a macro): Text when it
        returns a plain str and was given Text (or is a method of one)."""
        result = __context.call(__obj, *args, **kwargs)
        if isinstance(result, str) and (
            isinstance(getattr(__obj, "__self__", None), Text)
            or _has_text(args)
            or _has_text(kwargs)
        ):
            return as_text(result)
        return result

    @staticmethod
    def text_join(values: Iterable[object]) -> str:
        """`a ~ b` outside autoescaping: Text when a part is."""
        parts = list(values)
        joined = "".join(map(str, parts))
        return Text(joined) if any(isinstance(p, Text) for p in parts) else joined


def issue_day(now: datetime) -> datetime:
    """The date a build gives an issue at `now`: the day where curator runs (its local time zone,
    the `TZ` variable), as midnight of that day with its local offset (walk49 #4: it was the UTC
    day, so a build on a Saturday evening west of London was dated Sunday; walk57 #4: stored as
    midnight UTC, the .json, .md and feed.xml said the day before, west of London)."""
    return local_midnight(now.astimezone().date())


def local_midnight(day: date) -> datetime:
    """Midnight starting `day` where curator runs (the `TZ` variable), with that time's offset,
    so that every reader of the timestamp (a site generator, a feed reader) sees that day."""
    return datetime.combine(day, time(0)).astimezone()


def date_text(day: datetime) -> str:
    """A date as every edition writes it: "December 4, 2026"."""
    return f"{day:%B} {day.day}, {day:%Y}"


def words_date(templates: Path | None, day: datetime) -> str:
    """`day` as the `date` of the `_words.txt` in `templates` (the editor's folder, else
    curator's) writes it, the date the header of every edition shows: what `{date}` becomes in an
    introduction or closing line (walk191 #3: "daté du December 7, 2026" under a header of "7
    décembre 2026"). `date_text` when that `_words.txt` cannot be rendered (the build's check of
    the templates says why)."""
    try:
        words = environment(templates).get_template(WORDS).module
        return " ".join(str(words.date(day)).split()) or date_text(day)  # type: ignore[attr-defined]
    except (jinja2.TemplateError, OSError, UnicodeDecodeError):
        return date_text(day)


#: The "and" of `join_names` in English: what messages say, and curator's own `_words.txt`'s
#: `and_word`.
AND = " and "


def words_and(templates: Path | None) -> str:
    """The `and_word` of the `_words.txt` in `templates` (the editor's folder, else curator's;
    an editor's copy lacking it gets curator's, and build and render say so), which joins the
    names an issue publishes: two authors, the subjects of a theme (walk191 #2: "Jean-François
    Dupré and Anaïs Le Bihan" in every edition of a French issue)."""
    return words_and_of(environment(templates))


class AndWord(str):
    """A newsletter's `and_word` that knows its `list_separator` too: what goes between the
    names before the last two ("A، B و C"), as between the publications of "Also covered by"
    (walk198 #4: three authors were joined with ", " in an Arabic issue)."""

    separator: str = ", "

    def __new__(cls, word: str, separator: str = ", ") -> AndWord:
        made = super().__new__(cls, word)
        made.separator = separator
        return made


def words_and_of(env: jinja2.Environment) -> str:
    """`words_and` of the `_words.txt` that `env` (the editions' environment) imports; `AND`
    when that `_words.txt` cannot be rendered (the render of the editions says why), or when
    its `and_word` is nothing but spaces (names run together would read as one). With its
    `list_separator` (`AndWord`), when that is not only spaces."""
    try:
        words = env.get_template(WORDS).module
        word = str(words.and_word)  # type: ignore[attr-defined]
        separator = str(getattr(words, "list_separator", ", "))
    except (jinja2.TemplateError, OSError, UnicodeDecodeError):
        return AND
    if not separator.strip():
        separator = ", "
    return AndWord(word, separator) if word.strip() else AndWord(AND, separator)


def join_names(names: Sequence[str], and_word: str = AND) -> str:
    """'A', 'A and B', 'A, B and C'; 'Ash, C.; Mueller, K. L.' when a name holds a comma
    (written surname first, as IETF and journals do), which "A, B and C" would read as four.
    `and_word` in place of " and " (`words_and`: the newsletter's, for what an issue
    publishes), and its `list_separator` in place of ", " (`AndWord`)."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    if any("," in n for n in names):
        return "; ".join(names)
    separator = getattr(and_word, "separator", ", ")  # the newsletter's `list_separator`
    return separator.join(names[:-1]) + and_word + names[-1]


def published_as(printed: str, now: str | None = None) -> str:
    """'"Entertainment"', or '"Entertainment" (since renamed "Culture")' when the section an
    issue printed has been renamed since (walk100 #1: the name now read as the issue's)."""
    if now is None or now.casefold() == printed.casefold():  # (one subject, case aside)
        return f'"{printed}"'
    return f'"{printed}" (since renamed "{now}")'


def published_mark(
    printed: str, now: str | None, subjects: Sequence[str], *, own: bool = False
) -> str:
    """What an issue published an article under that feeds.yaml has no subject for now: the
    section it printed (`published_as`), "not a subject in feeds.yaml now"; with `own`, "the
    draft's own section, not a subject" (walk108 #3: "now" read as a subject renamed or removed,
    of a draft's `extra_sections:`); or, when feeds.yaml
    has the printed name as a subject again though `curator subjects rename` renamed it since
    (walk103 #3: renamed "Culture" and back to "Entertainment" in feeds.yaml), that, and the
    rename back that keeps the article under it."""
    names = {s.casefold() for s in subjects}
    if now is not None and now.casefold() != printed.casefold() and printed.casefold() in names:
        return (
            f'"{printed}", a subject in feeds.yaml again, though a rename since calls it "{now}":'
            f' to keep it under "{printed}": curator subjects rename {shell_arg(now)}'
            f" {shell_arg(printed)}"
        )
    if own:
        return f"{published_as(printed, now)}, the draft's own section, not a subject"
    return f"{published_as(printed, now)}, not a subject in feeds.yaml now"


def credit_line(author: str, publication: str) -> str:
    """`Author || Publication` as in the seed issue, or whichever is known alone."""
    return " || ".join(part for part in (author, publication) if part)


def corrected_credit(article: Article) -> str:
    """An article's credit said in a message, each side named even when empty ("no author ||
    Zeta Post"): a credit the editor corrected to no one is said so, not as a blank."""
    author = join_names(article.authors) or "no author"
    return f"{author} || {article.publication or 'no publication'}"


def credit_html(author: str, publication: str, *, own: str = "") -> Markup:
    """`credit_line` for the HTML editions, the author and the publication each isolated in
    `<bdi>` (walk151 #12: in an English issue an Arabic article's "سارة حسن || Al Jazeera Net"
    showed as "Al Jazeera Net || سارة حسن" read left to right; an Arabic name beside an Arabic
    publication ran together as one right-to-left phrase in an English line, publication first).
    Isolated, each side is laid out in its own direction and the line's order is its element's:
    author first, left to right in an English entry, right to left in an Arabic one. With `own`
    (the newsletter's language, given for an entry marked with a language not written in Latin
    letters), a side written in Latin letters alone is marked `lang` of it (walk159 #6: "Global CX
    Review" was read with the entry's Persian or Japanese voice)."""
    return Markup(" || ").join(
        Markup('<bdi lang="{}">{}</bdi>').format(own, part)
        if own and latin_only(part)
        else Markup("<bdi>{}</bdi>").format(part)
        for part in (author, publication)
        if part
    )


def credit_text(author: str, publication: str) -> str:
    """`credit_line` for the text and Markdown editions: a side holding right-to-left letters
    between FSI and PDI (`readerlang.isolated`), so that "سارة حسن || Global CX Review" reads
    author first in any viewer (walk159 #3); an English credit as it is."""
    return credit_line(isolated(author), isolated(publication))


def _text_credit(authors: Sequence[str], author: str, publication: str, and_word: str = AND) -> str:
    """`credit_text` of the names that show words in the text edition (`_shows_words`); the
    whole credit when none does, so that a credit is there (or not) in every edition alike (a
    template's `{% if entry.credit %}` shows the HTML editions' credit line too)."""
    shown = [a for a in authors if _shows_words(a)]
    named = publication if _shows_words(publication) else ""
    if not shown and not named:
        return credit_text(author, publication)
    return credit_text(join_names(shown, and_word), named)


def _shows_words(name: str) -> bool:
    """Whether a credited name shows any words in the text edition, which cuts the markup that
    runs or loads something and an unsafe link's address (`texttags.text_edition`): one that is
    nothing else (a draft's `author: <img src=x onerror=alert(1)>`) is left out of `credit` (the
    text and Markdown editions' line), so no "and" is left dangling (walk173 #9: " and Bob")."""
    return bool(text_tags_cut(cut_unsafe_links_per_line(name)).strip())


def slugify(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in out.split("-") if part) or "section"


def section_slugs(issue: Issue) -> list[str]:
    """Each section's id, "issue-3-customer-support", unique within the issue: a second subject
    whose name differs in punctuation alone ("Q&A: Support" and "Q&A - Support!") gets "-2", and
    so on (walk197 #4: one id twice in issue-3.html, a link to the second jumped to the first)."""
    slugs: list[str] = []
    for section in issue.sections:
        base = f"issue-{issue.number}-{slugify(section.subject)}"
        slug, n = base, 1
        while slug in slugs:
            n += 1
            slug = f"{base}-{n}"
        slugs.append(slug)
    return slugs


def _told_apart(
    covered: Sequence[tuple[str, str | None]],
) -> tuple[tuple[str, str | None], ...]:
    """Other pieces on the story, a link listed twice listed once (numbered apart by
    `_numbered_apart`, here or across the issue)."""
    pieces: list[tuple[str, str | None]] = []
    for piece in covered:
        if piece[1] is None or piece not in pieces:
            pieces.append(piece)
    return tuple(pieces)


def _numbered_apart(
    groups: Sequence[Sequence[tuple[str, str | None]]],
) -> list[tuple[tuple[str, str | None], ...]]:
    """`groups` (each entry's other pieces on its story, in the issue's order), a publication
    named for more than one piece numbered "Beta (1/3)", "Beta (2/3)" ... (each linking its
    piece), so that a reader tells them apart (walk123 #7: "Also covered by: Beta, Beta, Beta";
    walk140 #5: "Another piece in CX Lab on the same story" three times), across the issue's
    entries too (walk197 #2: "Also covered by: Beta" under two articles, linking two places, read
    alike in a screen reader's list of links); one piece named twice keeps one number."""
    places: dict[str, list[object]] = {}
    for g, group in enumerate(groups):
        for n, (name, url) in enumerate(group):
            place = places.setdefault(name, [])
            key: object = url if url is not None else (g, n)
            if key not in place:
                place.append(key)
    named: list[tuple[tuple[str, str | None], ...]] = []
    for g, group in enumerate(groups):
        pieces: list[tuple[str, str | None]] = []
        for n, (name, url) in enumerate(group):
            place = places[name]
            key = url if url is not None else (g, n)
            shown = f"{name} ({place.index(key) + 1}/{len(place)})" if len(place) > 1 else name
            pieces.append((Text(shown), url))
        named.append(tuple(pieces))
    return named


def entry_view(
    entry: Scored, language: str = "en", and_word: str = AND, *, numbered: bool = True
) -> EntryView:
    """What a template sees of an article of an issue in `language` (the newsletter's), its
    authors joined with `and_word` (`words_and`); its other pieces on the story numbered apart
    (`_numbered_apart`) unless not `numbered` (`issue_context` numbers them across the issue)."""
    art = entry.article
    author = join_names(art.authors, and_word)
    publication = art.publication or ""
    # (a plain blurb's paragraphs and line breaks kept, walk190 #5)
    markdown = art.blurb_markdown
    if markdown is None:
        markdown = plain_blurb_markdown(art.blurb)
    html, blocks = blurb_html(art.blurb, markdown)
    own = [
        (publication, safe_url(url))
        for name, url in entry.also_covered_by
        if publication and name == publication
    ]

    def apart(pieces: Sequence[tuple[str, str | None]]) -> tuple[tuple[str, str | None], ...]:
        listed = _told_apart(pieces)
        return _numbered_apart([listed])[0] if numbered else listed

    declared = art.language if _LANGUAGE_TAG.fullmatch(art.language) else ""
    guessed, direction = (
        ("", "") if declared else guessed_language(f"{art.title} {art.blurb}", language)
    )
    direction = "" if guessed else direction  # (a language's own direction comes with it)
    marked = declared or guessed
    # (a language not written in Latin letters, or letters of another script than the newsletter's)
    other_script = bool(marked or direction) and (
        "LATIN" not in language_scripts(marked) if marked else True
    )
    newsletters = (
        language
        if other_script
        and "LATIN" in language_scripts(language)
        and lang_attributes(marked, direction, newsletter=language)
        else ""
    )
    return EntryView(
        title=Text(art.title),
        url=safe_url(art.url),
        author=Text(author),
        authors=tuple(Text(a) for a in art.authors if a),
        publication=Text(publication),
        credit=Text(_text_credit(art.authors, author, publication, and_word)),
        credit_html=credit_html(author, publication, own=newsletters),
        blurb=Text(art.blurb),
        score=entry.score,
        matched=tuple(Text(m) for m in entry.matched),
        also_covered_by=apart(
            [(name, safe_url(url)) for name, url in entry.also_covered_by if name != publication]
        ),
        also_in_publication=tuple(url for _, url in own),
        pieces_in_publication=apart(own),
        blurb_html=html,
        blurb_blocks=blocks,
        blurb_markdown=markdown,
        language=marked,
        direction=direction,
    )


def issue_context(
    issue: Issue, *, site_url: str | None = None, language: str = "en", and_word: str = AND
) -> dict[str, object]:
    """Every variable a template gets (documented in docs/templates.md) except `has_index` and
    `has_feed`, which depend on the build's formats: curator.editions.output_context adds them.
    Names are joined with `and_word` (`words_and`: the theme's subjects, an article's authors)."""
    views = [
        tuple(entry_view(e, language, and_word, numbered=False) for e in sec.entries)
        for sec in issue.sections
    ]
    every = [view for entries in views for view in entries]
    covered = iter(_numbered_apart([view.also_covered_by for view in every]))
    pieces = iter(_numbered_apart([view.pieces_in_publication for view in every]))
    views = [
        tuple(
            replace(view, also_covered_by=next(covered), pieces_in_publication=next(pieces))
            for view in entries
        )
        for entries in views
    ]
    sections = tuple(
        SectionView(Text(sec.subject), Text(sec.description), slug, entries)
        for sec, slug, entries in zip(issue.sections, section_slugs(issue), views, strict=True)
    )
    introduction = published_markdown(issue.introduction)
    closing = published_markdown(issue.closing)
    return {
        "issue": issue,
        "title": Text(issue.title),
        "number": issue.number,
        "date": issue.date,
        "date_text": Text(date_text(issue.date)),
        "editor": Text(issue.editor or ""),
        "introduction_html": markdown_html(introduction),
        "introduction_text": Text(cut_unsafe_links(introduction).strip()),
        "theme": Text(join_names(issue.theme, and_word)),
        "theme_subjects": tuple(Text(t) for t in issue.theme),
        "closing_html": markdown_html(closing),
        "closing_text": Text(cut_unsafe_links(closing).strip()),
        # The text edition's: the Markdown read (walk75 #6: `**words**` stayed as typed).
        "introduction_plain": Text(markdown_text(introduction, lines=True)),
        "closing_plain": Text(markdown_text(closing, lines=True)),
        "sections": sections,
        "article_count": sum(len(s.entries) for s in sections),
        "site_url": safe_url(site_url) if site_url else None,
        # Added for the output formats (curator/outputs.py); documented in docs/templates.md.
        "slug": f"issue-{issue.number}",
        "subjects": tuple(Text(s.subject) for s in sections),
        "page_url": _site_page(site_url, f"issue-{issue.number}.html"),
        "index_url": _site_page(site_url, "index.html"),
        "feed_url": _site_page(site_url, "feed.xml"),
    }


def issue_texts(issue: Issue, change: Callable[[str], str]) -> Issue:
    """`issue` with `change` made to every text a template shows as Text (the issue's title,
    editor and theme, each section's name and description, each article's title, credit, blurb,
    matched terms and the names of other pieces on its story); the editor's Markdown
    (introduction, closing line, a blurb's Markdown), whose markup every edition publishes, as
    it is."""

    def scored(entry: Scored) -> Scored:
        art = entry.article
        return replace(
            entry,
            article=replace(
                art,
                title=change(art.title),
                authors=tuple(change(a) for a in art.authors),
                publication=change(art.publication) if art.publication else art.publication,
                blurb=change(art.blurb),
            ),
            matched=tuple(change(m) for m in entry.matched),
            also_covered_by=tuple((change(n), u) for n, u in entry.also_covered_by),
        )

    return replace(
        issue,
        title=change(issue.title),
        editor=change(issue.editor) if issue.editor else issue.editor,
        theme=tuple(change(t) for t in issue.theme),
        sections=tuple(
            replace(
                sec,
                subject=change(sec.subject),
                description=change(sec.description),
                entries=tuple(scored(e) for e in sec.entries),
            )
            for sec in issue.sections
        ),
    )


#: Each character markup is made of, as a look-alike that makes none (`plain_words`).
_LOOK_ALIKES = str.maketrans({"<": "\u2039", ">": "\u203a", '"': "\u201d", "'": "\u2019"})


def plain_words(text: str) -> str:
    """`text` with no character markup is made of (`<`, `>`, quotes: look-alikes in their
    place), its words and length as they are: what an edition made from it holds no tag nor
    attribute of its own, whatever a template does with it."""
    return text.translate(_LOOK_ALIKES)


def _site_page(site_url: str | None, name: str) -> str | None:
    """A file's full URL on the editor's site (`site_url` + name), or None when no site is set."""
    base = safe_url(site_url) if site_url else None
    return base.rstrip("/") + "/" + name if base else None


def render(env: jinja2.Environment, template: str, context: dict[str, object]) -> str:
    """Render one template; a missing template names every folder searched."""
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateNotFound as exc:
        if exc.name != template:  # one it includes (curator.templateerrors says where)
            raise
        searched = [
            getattr(loader, "searchpath", [])
            for loader in getattr(env.loader, "loaders", [env.loader])
        ]
        folders = ", ".join(p for paths in searched for p in paths)
        raise jinja2.TemplateNotFound(f"{template} (searched: {folders})") from None
