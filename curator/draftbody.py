"""Reading a draft's body line by line (`DraftBody`): the introduction, then subjects and their
articles, every mistake said at its line with the fix: headings that look like ones but are not
(indented, glued, full-width, quoted, underlined, an invisible character), fields misspelt or
misplaced, an article's address in quotes or missing, comments left open."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from curator.creditlabels import credit_label
from curator.draftblurbhtml import html_blurb_mistakes
from curator.draftcolon import (
    BLURB_LABELS,
    ESCAPED_NAME,
    blurb_label_advice,
    colonless_advice,
    colonless_field,
)
from curator.draftmodel import DraftEntry, DraftError, DraftSection
from curator.draftsyntax import ARTICLE_FIELDS
from curator.draftsyntax import HEADING as _HEADING
from curator.draftsyntax import OPENING as _OPENING
from curator.draftsyntax import as_written as _as_written
from curator.draftsyntax import field_like as _field_like
from curator.draftsyntax import misspelt_field as _misspelt_field
from curator.draftsyntax import shortened as _shortened
from curator.draftsyntax import unescape_comments as _unescape_comments
from curator.extract_rules_bylines import OTHER_BY_LEAD
from curator.issuecheck import url_advice
from curator.markdowntext import markdown_tokens
from curator.urls import host_fault, safe_url, url_key

#: A comment opened and closed on one line, with the blanks before it. `\\<!--` is no comment:
#: the text `<!--`, as curator writes it into a draft (`_escape_comments`).
_CLOSED_COMMENT = re.compile(r"[ \t]*(?<!\\)<!--.*?-->")

#: A backslash that keeps a line from reading as a heading or a field (parse removes it).
_ESCAPED = re.compile(r"^\\(?=#|[A-Za-z][\w-]{0,30}[ \t]*:|" + ESCAPED_NAME + ")")


def _text_line(raw: str) -> str:
    """A line of the introduction or of a blurb as kept: its backslash before a `#` or a field
    name taken away, its blanks at the end too, but for the two spaces or more after its text
    that make a Markdown hard break (walk188 #7: "line  " then "next" lost its line break in
    every edition)."""
    line = _ESCAPED.sub("", raw.rstrip())
    hard_break = line.strip() and raw.rstrip("\r\n").endswith("  ")
    return line + "  " if hard_break else line


#: A line that starts like a heading but is none: `##Title` (no space), `### Title` (too deep).
_GLUED_HEADING = re.compile(r"^#{1,2}[^#\s]")
_NOT_HEADING = re.compile(r"^(#+)\s*(.*?)\s*$")
#: A line of hashes only (`#`, `##`, `###`): an empty heading, which Markdown publishes as one
#: (walk148 N2: a lone `#` in the introduction was published as `<h2></h2>`).
_BARE_HASHES = re.compile(r"^(#{1,6})\s*$")
#: Characters that show as nothing: a heading or field line starting with one was read as text
#: (walk145 N3/N6: `\u200b# Voice of the customer` filed its articles under the subject above).
_INVISIBLE = {
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a byte order mark",
}
#: Lines that look like a heading to the eye and to Markdown, but are none in a draft (walk145
#: N3): a full-width ＃, a quoted heading (`> # ...`), a Setext underline (a line of `=`).
_FULL_WIDTH_HASH = re.compile("^ {0,3}(\uff03{1,2})[ \u3000\t]+(\\S.*?)\\s*$")
_QUOTED_HEADING = re.compile(r"^ {0,3}>[ \t]*(#{1,2})\s+(\S.*?)\s*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$")
#: The indentation before a `#`: up to 3 spaces (Markdown's heading, read as one), or more.
_INDENTED_HASH = re.compile(r"^([ \t]+)#")


class NoUrl(DraftError):
    """An article heading with no url: line; `read_draft` says so otherwise of one that names a
    subject (`## Service operations`, a subject's heading given two #s)."""

    def __init__(self, path: Path | str, line: int, message: str, title: str) -> None:
        super().__init__(path, line, message)
        self.title = title


#: Quotes an address may be pasted in: straight, a word processor's curly ones, guillemets.
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
#: A Markdown link, `[text](address)`.
_MARKDOWN_LINK = re.compile(r"^\[[^\]]*\]\(\s*(?P<url><?[^()\s]+>?)\s*\)$")
_ADDRESSES = re.compile(r"https?://", re.IGNORECASE)


def _wrapped_url(url: str) -> str:
    """What to do about a url: line holding an address in quotes, angle brackets or a Markdown
    link, or two addresses; "" for none of these (walk142 #7: each was told it "is a path with
    no site ... write the whole address", and two addresses to join them with %20)."""
    url = url.strip()
    link = _MARKDOWN_LINK.match(url)
    if link:
        inner = link.group("url").strip("<>")
        return f"a Markdown link is no address: write the address alone, url: {inner}"
    for quoted, what in (
        (url[:1] in _QUOTES and url[-1:] in _QUOTES, "the quotes"),
        (url[:1] == "<" and url[-1:] == ">", "the angle brackets"),
    ):
        inner = url[1:-1].strip()
        if quoted and len(url) > 2 and _ADDRESSES.match(inner) and not _wrapped_url(inner):
            return f"remove {what} around the address: url: {inner}"
    if len(_ADDRESSES.findall(url)) > 1 and any(ch.isspace() for ch in url):
        return "two addresses on one line: keep one (an article has one url: line)"
    return ""


@dataclass
class _Open:
    """An article being read: its heading, fields so far, and blurb lines."""

    title: str
    line: int
    url: str = ""
    url_line: int = 0
    authors: list[str] = field(default_factory=list)
    publication: str = ""
    #: The line of its publication: line (0: none yet).
    publication_line: int = 0
    #: Each author named so far (casefolded, spaces as one), and the line naming it.
    named: dict[str, int] = field(default_factory=dict)
    credit_lines: set[str] = field(default_factory=set)
    #: Each author: line holding "||": (its line, as written, the publication after "||").
    credit_publications: list[tuple[int, str, str]] = field(default_factory=list)
    #: The credits written with `(sic)` after them, without it: spelt so on purpose.
    sic: set[str] = field(default_factory=set)
    #: Each author: line opening with another language's "by" ("Von Jürgen Groß"): its line, the
    #: lead-in and the name published.
    lead_ins: list[tuple[int, str, str]] = field(default_factory=list)
    #: Each author: line opening with a byline's label ("Автор:", "寄稿："): the same.
    labels: list[tuple[int, str, str]] = field(default_factory=list)
    in_fields: bool = True
    blurb: list[str] = field(default_factory=list)
    #: The line in the file of each of `blurb`.
    blurb_numbers: list[int] = field(default_factory=list)
    #: The line of the blurb's first line (0: none yet).
    blurb_line: int = 0
    #: A mistake was said of it already (its heading, its url): its lines are read, not checked.
    broken: bool = False
    #: The blurb paragraph read so far is one line shaped like a field without its colon
    #: ("author Jane Editor", walk204 #2): its line, as written, and the field it means.
    colonless: tuple[int, str, str] | None = None

    def finish(self, path: Path, seen: dict[str, int]) -> DraftEntry | None:
        if self.broken:
            return None
        title, url, url_line = self.title, self.url, self.url_line
        if url:  # (a `## Title (sic)` heading: its spelling meant, the mark not published)
            title, marked = _as_written(title)
            if marked:
                self.sic.add(title)
        bare = title.strip("<>")
        if not url and bare.lower().startswith(("http://", "https://")):
            odd = [ch for ch in bare if ch.isspace() or ch in '<>"']
            if fault := host_fault(bare):
                # (no %20 to write there: a site's name holds none, walk117 #3)
                raise DraftError(path, self.line, f"the heading {title!r}: {fault}")
            if odd:
                what = "a space" if odd[0].isspace() else f"a {odd[0]}"
                raise DraftError(
                    path,
                    self.line,
                    f"the heading {title!r} is not one address: it has {what} in it, so curator"
                    " cannot tell which article you mean; write the article's address alone"
                    " (a space in it as %20), e.g. '## https://example.com/post', or give the"
                    " article a title and a 'url: https://...' line under it",
                )
        if not url and safe_url(bare) and bare.lower().startswith(("http://", "https://")):
            title, url, url_line = "", bare, self.line
        if not url:
            raise NoUrl(
                path,
                self.line,
                f"article {title!r} has no url: add a line 'url: https://...' right under its heading",
                title,
            )
        if wrapped := _wrapped_url(url):
            raise DraftError(path, url_line, f"url {url!r}: {wrapped}")
        if fault := host_fault(url):
            raise DraftError(path, url_line, f"url {url!r}: {fault}")
        if any(ch.isspace() for ch in url.strip()):
            # (`safe_url` drops whitespace, as browsers do in a scheme: the article was looked for
            # at the address run together, and called one added by URL that could not be read)
            raise DraftError(path, url_line, f"url {url!r}: {url_advice(url)[1]}")
        link = safe_url(url)
        if link is None or not link.lower().startswith(("http://", "https://")):
            # (`htp://...`, `www.example.com/post`: the did-you-mean issue-N.json's check gives
            # for the same slip, walk113 #6, walk115 #2)
            said = url_advice(url)[1]
            if not said:  # (a mailto: link, which is no article's page)
                said = "an article's url: is its web page's address, https://..."
            raise DraftError(path, url_line, f"url {url!r} is not an http or https link: {said}")
        # (by the store's key: an address with a trailing slash, http or www. is the same
        # article, and was published twice over, walk53 #2)
        key = url_key(link)
        if key in seen:
            raise DraftError(
                path,
                self.line,
                f"this article is in the draft twice (also at line {seen[key]}); delete one",
            )
        seen[key] = self.line
        text = "\n".join(self.blurb).strip()
        blurb = "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())
        # (a line the draft wrote as `\# ...` keeps its backslash: in Markdown, too, it is text)
        source = "\n".join("\\" + ln if ln.startswith("#") else ln for ln in self.blurb).strip()
        publication, credit_lines = self.publication, set(self.credit_lines)
        split: list[tuple[int, str, str, str]] = []
        for line, written, named in self.credit_publications:
            if named:
                # (the publication it names is published: the draft's publication: line, if it
                # says another, is replaced, and the build says so at this line)
                split.append((line, written, named, publication))
                publication = named
                credit_lines.add("publication")
        return DraftEntry(
            link,
            title,
            tuple(self.authors),
            publication,
            blurb,
            self.line,
            frozenset(credit_lines),
            source,
            self.blurb_line,
            tuple(split),
            frozenset(self.sic),
            tuple(self.lead_ins),
            tuple(self.labels),
        )


class DraftBody:
    """Reads the draft's body line by line: the introduction, then subjects and their articles."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.intro: list[str] = []
        #: The line in the file of each of `intro`.
        self.intro_lines: list[int] = []
        self.sections: list[DraftSection] = []
        self.subject: tuple[str, int] | None = None
        self.entries: list[DraftEntry] = []
        self.current: _Open | None = None
        #: An article heading was read under the current subject (broken or not).
        self.had_article = False
        #: The subject headings with no article under them: (name, line).
        self.empty: list[tuple[str, int]] = []
        self.seen: dict[str, int] = {}
        #: A `# Subject` heading the draft has twice: (name, its line, the first one's line).
        self.merged: list[tuple[str, int, int]] = []
        self.comment_from = 0
        #: Every mistake found, so the editor hears of all of them at once.
        self.mistakes: list[DraftError] = []
        #: The last line of text that belonged to no article (one mistake per paragraph).
        self.stray = 0
        #: The draft's lines (`read`), to see what follows a line.
        self.lines: list[str] = []
        #: The lines of `=` under a line read as a Setext heading (`disguised`).
        self.underlines: set[int] = set()

    def error(self, line: int, message: str) -> DraftError:
        return DraftError(self.path, line, message)

    def read(self, lines: list[str], start: int) -> None:
        self.lines = lines
        for index in range(start, len(lines)):
            try:
                self.line(lines[index], index + 1)
            except DraftError as exc:  # said with the others at the end; read on
                self.mistakes.append(exc)
        if self.comment_from:
            self.mistakes.append(
                self.error(self.comment_from, "this <!-- comment is never closed with -->")
            )
        self.close_section()

    def line(self, raw: str, number: int) -> None:
        stripped = raw.strip()
        if self.comment_from:
            if "-->" in raw:
                self.comment_from = 0
                self.after_comment(raw, number)
            return
        if stripped.startswith("<!--"):
            if "-->" not in stripped:
                self.comment_from = number
            else:
                self.after_comment(raw, number)
            return
        if number in self.underlines:
            return  # a Setext underline, said with its heading (`disguised`)
        raw = self.disguised(raw, number)
        indented = _INDENTED_HASH.match(raw)
        if indented:
            raw = self.indented_hash(raw, indented.group(1), number)
            stripped = raw.strip()
        if (self.subject is not None or raw.startswith("#")) and "-->" in raw:
            # A comment closed on its line is left out of a heading or an article, as one on lines
            # of its own is ("...easy half. <!-- check this -->" was published as text, walk35
            # #5). In the introduction, Markdown, it is published as the text it is, and warned
            # about (`issuetext.raw_markup_warnings`).
            raw = _CLOSED_COMMENT.sub("", raw)
            stripped = raw.strip()
        openings = [m.start() for m in _OPENING.finditer(raw)]
        opened = openings[-1] if openings else -1
        if opened >= 0 and "-->" not in raw[opened:]:
            # Only a comment starting its line runs on to later lines: one opened mid-line and
            # never closed on it was published as text ("...easy half. <!-- check this", walk34
            # #9). Said, and the line read on, so the mistakes after it are said too.
            self.mistakes.append(
                self.error(
                    number,
                    f"'{_shortened(raw[opened:].strip())}': this <!-- comment, in the middle of"
                    " the line, is never closed on it, so it would be published as text; put the"
                    " comment on lines of its own (a line starting with <!-- and ending with -->"
                    " is left out of the issue), or delete it",
                )
            )
        bare = _BARE_HASHES.match(raw)
        if bare and len(bare.group(1)) > 2:
            # `###` alone: an empty heading of the introduction or a blurb; said as `# ` is
            raise self.error(number, "this heading is empty: give it a subject or title")
        heading = _HEADING.match(raw)
        hashes = heading or bare  # `#` or `##` alone: the empty heading `# ` is (walk148 N2)
        if hashes:
            self.heading(len(hashes.group(1)), heading.group(2) if heading else "", number)
        elif raw.startswith("#") and (self.subject is not None or _GLUED_HEADING.match(raw)):
            self.not_heading(raw, number)
        elif self.current is None:
            self.outside_article(raw, stripped, number)
        elif self.current.in_fields and stripped:
            self.field(raw, number)
        else:
            self.blurb_line(raw, stripped, number)

    def _article_below(self, level: int, number: int) -> bool:
        """What follows line `number` starts an article: for a `#` line, a `## ` heading (the
        first article under a subject); for a `##` line, a field line right under it."""
        following = self._next_line(number).lstrip().lstrip("".join(_INVISIBLE))
        if level == 1:
            return following.startswith("## ")
        return _field_like(following) in ARTICLE_FIELDS

    def disguised(self, raw: str, number: int) -> str:
        """A line that looks like a heading or a field but would be read as text: said (the build
        stops, naming the line and what to write), and read as what it looks like, so the lines
        under it are not told of too (walk145 N3, N6)."""
        lead = len(raw) - len(raw.lstrip(" \t" + "".join(_INVISIBLE)))
        hidden = [(column, char) for column, char in enumerate(raw[:lead], 1) if char in _INVISIBLE]
        rest = raw[lead:]
        if hidden and (
            rest.startswith(("#", ">", "\uff03")) or _field_like(rest) in ARTICLE_FIELDS
        ):
            column, char = hidden[0]
            self.mistakes.append(
                self.error(
                    number,
                    f"'{_shortened(rest.strip())}' has {_INVISIBLE[char]} (U+{ord(char):04X}, an"
                    f" invisible character) before it, at column {column}, so curator would not"
                    " read it as the heading or field it looks like: delete the character (the"
                    " start of the line, in your editor, up to the first visible character)",
                )
            )
            raw = "".join(c for c in raw[:lead] if c not in _INVISIBLE) + rest
        for pattern, what in (
            (
                _FULL_WIDTH_HASH,
                "starts with a full-width \uff03 (U+FF03), which is no heading mark",
            ),
            (_QUOTED_HEADING, "is a quote (the '>' before it), no heading"),
        ):
            found = pattern.match(raw)
            if not found:
                continue
            level = len(found.group(1))
            if self.subject is None and not self._article_below(level, number):
                continue
            if pattern is _QUOTED_HEADING and not self._article_below(level, number):
                continue  # a quoted heading inside a blurb: the editor's own
            heading = "#" * level + " " + found.group(2)
            self.mistakes.append(
                self.error(
                    number,
                    f"'{_shortened(raw.strip())}' {what}, so it would be printed as text of the"
                    f" blurb above and what is under it published with that article's subject:"
                    f" write '{_shortened(heading)}'",
                )
            )
            return heading
        text = raw.strip()
        if (
            self.subject is not None
            and text
            and number < len(self.lines)
            and _SETEXT_UNDERLINE.match(self.lines[number])
            and not text.startswith(("#", ">", "-", "*", "|", "\\"))
            and (number < 2 or not self.lines[number - 2].strip())
        ):
            self.underlines.add(number + 1)
            self.mistakes.append(
                self.error(
                    number,
                    f"'{_shortened(text)}' underlined with '=' on the next line is a heading in"
                    " Markdown, but not in a draft: it would be printed as text of the blurb above"
                    " and what is under it published with that article's subject. Write"
                    f" '# {_shortened(text)}' (and delete the line of '=') to start a subject",
                )
            )
            return "# " + text
        return raw

    def indented_hash(self, raw: str, indent: str, number: int) -> str:
        """A line starting with spaces or a tab, then `#`: the line to read in its place.

        Up to 3 spaces: a heading, as Markdown reads it (walk142 #1: ` # Voice of the customer`
        filed that subject's articles under the one above, unsaid, and printed the line inside
        its last blurb, where a site generator rendered it as a heading). A tab or more spaces,
        under a subject: a `# Subject` line, or an article's `## Title` with its fields under it,
        is said (not published as blurb text) and read as the heading it looks like, so the
        lines under it are not each told of as well. Other such lines are text (Markdown code)."""
        text = raw[len(indent) :]
        if "\t" not in indent and len(indent) <= 3:
            return text
        heading = _HEADING.match(text)
        if self.subject is None or heading is None or not heading.group(2):
            return raw
        level = len(heading.group(1))
        if level == 2 and _field_like(self._next_line(number).lstrip()) not in ARTICLE_FIELDS:
            return raw
        what = "a tab" if "\t" in indent else f"{len(indent)} spaces"
        starts = "a subject" if level == 1 else "an article"
        hashes = heading.group(1)
        self.mistakes.append(
            self.error(
                number,
                f"'{_shortened(text.strip())}' is indented ({what} before its '{hashes}'), so it"
                " is no heading: it would be printed as text of the blurb above. To start"
                f" {starts}, write the line with nothing before its '{hashes}'; to keep it as"
                f" text, start the line with a backslash (\\{hashes}...)",
            )
        )
        return text

    def after_comment(self, raw: str, number: int) -> None:
        """The text after a comment's `-->` on its line is the editor's, read as a line of its
        own (only the comment is left out)."""
        rest = raw.split("-->", 1)[1].strip()
        if rest:
            self.line(rest, number)

    def heading(self, level: int, name: str, number: int) -> None:
        following = self._next_line(number)
        right_under = self.lines[number] if number < len(self.lines) else ""
        if level == 1 and name and _field_like(right_under.lstrip()) == "url":
            # `# Title` over an article's url: line: an article's heading given one # (walk68 #2:
            # told to list it in extra_sections:, its lines then each "belong to no article").
            # (With a blank line between, a subject's heading over an article whose `## Title`
            # was deleted, said at its url: line: walk142 #9.)
            self.close_entry()
            self.current = _Open(name, number, broken=True)
            raise self.error(
                number,
                f"'# {_shortened(name)}' has a url: line right under it, as an article's heading"
                f" does: for an article, write '## {_shortened(name)}' (## starts an article, #"
                " a subject)",
            )
        if level == 2 and name and self.subject is None and following.lstrip().startswith("## "):
            # `## Subject` over the first subject's articles: each of them was told it "comes
            # before any subject" (walk68 #7). Read as the subject it names.
            self.close_entry()
            self.subject = (name, number)
            raise self.error(
                number,
                f"'## {_shortened(name)}' has no url: line and articles follow it: if it names"
                f" a subject, write '# {_shortened(name)}' (# starts a subject, ## an article)",
            )
        if not name or (level == 2 and self.subject is None):
            # The lines under it are its own, read as an article's but not checked again.
            self.close_entry()
            self.current = _Open(name, number, broken=True)
            if not name:
                raise self.error(number, "this heading is empty: give it a subject or title")
            if not safe_url(name.strip("<>")) and self._text_follows(number):
                # `## Why this issue` with a paragraph under it, no url: line: a heading of the
                # introduction (walk38 #8: it was told to put a '# Subject' above it).
                raise self.error(
                    number,
                    f"'## {_shortened(name)}' in the introduction would start an article, and"
                    " none can come before the first '# Subject': for a heading inside the"
                    f" introduction, use ### ('### {_shortened(name)}'); if it is an article, put"
                    " a '# Subject' heading above it",
                )
            raise self.error(
                number,
                f"article {name!r} comes before any subject: put a '# Subject' heading above it",
            )
        if level == 1:
            self.close_section()
            self.subject = (name, number)
            return
        self.close_entry()
        self.current = _Open(_unescape_comments(name), number)

    def not_heading(self, raw: str, number: int) -> None:
        """A line under a subject that starts with # but is not `# Subject` or `## Title`: read
        as text it would end up inside the article above, url: and author: lines and all. (In
        the introduction, only `#Title` with no space: `### Heading` may be the editor's own.)"""
        match = _NOT_HEADING.match(raw)
        assert match is not None
        hashes, name = match.groups()
        if self.subject is None and name and self._text_follows(number):
            # `#Why this issue` with a paragraph under it: a heading of the introduction (walk21
            # #3: told to write '# Why this issue', the editor was then told its text "belongs to
            # no article"). The lines under it stay the introduction's.
            self.intro.append(raw.rstrip())
            self.intro_lines.append(number)
            raise self.error(
                number,
                f"'{_shortened(raw.strip())}' is not a heading: for a heading inside the"
                f" introduction, write '{_shortened('### ' + name)}' ('# ' would start a subject,"
                " and '## ' an article, which the text under it cannot be), or start the line"
                f" with a backslash (\\{hashes}...) to keep it as text",
            )
        if len(hashes) > 1:  # an article's heading, most likely: its lines are its own
            self.close_entry()
            self.current = _Open(name, number, broken=True)
        elif name:  # a subject's: its articles are not each "before any subject" as well
            self.close_section()
            self.subject = (name, number)
        meant = f"{'#' * min(len(hashes), 2)} {name or 'Title'}"
        raise self.error(
            number,
            f"'{_shortened(raw.strip())}' is not a heading: write '{_shortened(meant)}' (# for a"
            " subject, ## for an article, then a space), or start the line with a backslash"
            f" (\\{hashes}...) to keep it as text",
        )

    def _next_line(self, number: int) -> str:
        """Line `number`'s next line with something on it, outside a one-line comment ("" at
        the end of the draft)."""
        for raw in self.lines[number:]:
            if raw.strip() and not (raw.strip().startswith("<!--") and "-->" in raw):
                return raw
        return ""

    def _text_follows(self, number: int) -> bool:
        """Line `number`'s next line with something on it is text: no heading, no field, not
        the end of the draft."""
        for raw in self.lines[number:]:
            if not raw.strip() or raw.strip().startswith("<!--"):
                continue
            return not raw.lstrip().startswith("#") and _field_like(raw.lstrip()) is None
        return False

    def outside_article(self, raw: str, stripped: str, number: int) -> None:
        if self.subject is None:
            self.intro.append(_text_line(raw))
            self.intro_lines.append(number)
        elif stripped:
            follows, self.stray = self.stray == number - 1, number
            if _field_like(stripped) == "url":
                # (an article's `## Title` deleted: its lines are read as its, not each said)
                self.current = _Open("", number, broken=True)
                self.field(stripped, number)
                raise self.error(number, _no_heading_above(stripped, number))
            if follows:  # the same paragraph: said once
                return
            heading = ""
            if not self.sections and not self.entries and self.current is None:
                # Right under the draft's first heading: meant, most likely, as a heading of
                # the introduction, which a `# ` heading ends.
                heading = (
                    f"; if '{_shortened(self.subject[0])}' is a heading inside the introduction,"
                    f" write '### {_shortened(self.subject[0])}' ('# ' starts a subject)"
                )
            raise self.error(
                number,
                f"text under subject {self.subject[0]!r} belongs to no article: start an article "
                f"with '## Title' or delete the line{heading}",
            )

    def field(self, raw: str, number: int) -> None:
        """A line right under an article's heading: url:, author:, authors:, publication:."""
        assert self.current is not None
        key = _field_like(raw)
        if key is None and _field_like(raw.lstrip()) in ARTICLE_FIELDS:
            # ` author: Priya Natarajan`, indented by a slip among the fields: the field it names
            # (walk113 #1: read as the blurb's first line, the next field was then told to take a
            # backslash, which published "author: ... publication: ..." as the blurb).
            raw = raw.lstrip()
            key = _field_like(raw)
        if key is None:  # the blurb starts without a blank line before it
            self.current.in_fields = False
            self.note_colonless(self.current, raw, number)
            self.current.blurb_line = self.current.blurb_line or number
            self.current.blurb.append(_text_line(raw))
            self.current.blurb_numbers.append(number)  # (fixmb #3: the two fell out of step)
            return
        value = _unescape_comments(raw.split(":", 1)[1].strip())
        if key not in ARTICLE_FIELDS:
            raise self.error(number, _unknown_field(key, value))
        article = self.current
        if key == "url":
            if article.url:
                raise self.error(number, "this article has two url lines: keep one")
            if not value:
                article.broken = True  # not "has no url" as well
                raise self.error(number, "url is empty: give the article's link")
            article.url, article.url_line = value, number
        elif key == "publication":
            if article.publication_line:
                # (walk142 #4: the second one was published, the first dropped, unsaid)
                raise self.error(
                    number,
                    "this article has two publication lines (the other at line"
                    f" {article.publication_line}): keep one",
                )
            article.publication, article.publication_line = self.sic(article, value), number
            article.credit_lines.add("publication")
        else:
            article.credit_lines.add("author")
            if key == "author":
                # "By Jane Doe", as a byline says it: the name is Jane Doe (walk68 #3).
                value = re.sub(r"^by\s+(?=\S)", "", value, flags=re.IGNORECASE)
                # "Von Jürgen Groß", "Par Anaïs Le Bihan": the same in other languages, said
                # (walk191 #7), since "Von"/"Di" also open surnames: `(sic)` keeps it.
                lead = OTHER_BY_LEAD.match(value)
                if lead and not _as_written(value)[1]:
                    value = value[lead.end() :]
                    name = _as_written(value)[0].strip()
                    article.lead_ins.append((number, lead.group(1), name))
                # "Автор: Алексей Смирнов", "寄稿：鈴木一郎": a byline's label, said (walk198 #3)
                label = credit_label(value)
                if label and not _as_written(value)[1]:
                    value = label[1]
                    article.labels.append((number, label[0], _as_written(value)[0].strip()))
            # `author:` is one person (a name may hold a comma: "Smith, Jr."); `authors:` lists
            # several, separated by semicolons or commas.
            if "||" in value:
                # `author: Hana Kobayashi || VoC Notes`, the credit line as an issue prints it
                # (the seed's style): the author and the publication (walk123 #2: published
                # "Hana Kobayashi || VoC Notes || VoC Notes", and advised two author: lines).
                value, _, publication = (
                    self.sic(article, part.strip()) for part in value.partition("||")
                )
                if not value or not publication:
                    raise self.error(number, _empty_credit_side(key, value, publication))
                if "||" in publication:
                    raise self.error(
                        number,
                        f"{raw.strip()!r} holds '||' twice: an {key}: line names the author;"
                        " write the publication on a 'publication: ...' line under it",
                    )
                article.credit_publications.append(
                    (number, raw.split(":", 1)[1].strip(), publication)
                )
            names = [value] if key == "author" else re.split(r"\s*[;,]\s*", value)
            for name in (n for n in (self.sic(article, n) for n in names) if n):
                said = " ".join(name.split()).casefold()
                if said in article.named:
                    # (walk142 #4: "Dana Whitcombe and Dana Whitcombe" was published)
                    raise self.error(
                        number,
                        f"{name!r} is this article's author twice (also at line"
                        f" {article.named[said]}): keep one line for each person",
                    )
                article.named[said] = number
                article.authors.append(name)

    @staticmethod
    def sic(article: _Open, value: str) -> str:
        """A credit without the `(sic)` that keeps its spelling (fixjb), noted in `article`."""
        kept, marked = _as_written(value)
        if marked and kept:
            article.sic.add(kept)
        return kept

    def blurb_line(self, raw: str, stripped: str, number: int) -> None:
        assert self.current is not None
        article = self.current
        starts_paragraph = not article.blurb or not article.blurb[-1].strip()
        key = _field_like(raw)
        # Inside a paragraph only the fields themselves: a wrapped line may start "Note: ...".
        field = key is not None and (
            key in ARTICLE_FIELDS or starts_paragraph and _misspelt_field(key)
        )
        if stripped and key == "url" and article.url and starts_paragraph:
            # Another article's lines, its `## Title` deleted (walk142 #9: told to move this url:
            # line up under the heading above, which has its own). (One inside a paragraph is a
            # line pasted into the blurb: said so below.)
            # Its lines are read as that article's, not each told of as well.
            self.close_entry()
            self.current = _Open("", number, broken=True)
            self.field(raw, number)
            raise self.error(number, _no_heading_above(stripped, number))
        if stripped and key in BLURB_LABELS and not article.blurb_line:
            raise self.error(number, blurb_label_advice(stripped))
        colonless, article.colonless = article.colonless, None
        if stripped and field:
            above = ""
            if colonless is not None:  # its colon missing, the line above ended the fields
                at, line, meant = colonless
                above = f" (line {at}, '{line}', has no colon: did you mean '{meant}'?)"
            raise self.error(
                number,
                f"'{stripped[:40]}' looks like a field, but it is in the blurb{above}: move it up"
                " right under the heading (no blank line above it), or put a backslash at the"
                f" start of the line (\\{stripped.split(':', 1)[0]}: ...) to keep it as text",
            )
        if not stripped:
            self.say_colonless(colonless)
        elif starts_paragraph:
            self.note_colonless(article, raw, number)
        article.in_fields = False
        if stripped and not article.blurb_line:
            article.blurb_line = number
        article.blurb.append(_text_line(raw))
        article.blurb_numbers.append(number)

    @staticmethod
    def note_colonless(article: _Open, raw: str, number: int) -> None:
        """Note a blurb paragraph's first line shaped like a field without its colon."""
        meant = colonless_field(raw)
        article.colonless = (number, raw.strip(), meant) if meant else None

    def say_colonless(self, colonless: tuple[int, str, str] | None) -> None:
        """The mistake of a blurb paragraph that was one field-like line without its colon."""
        if colonless is not None:
            at, line, meant = colonless
            self.mistakes.append(self.error(at, colonless_advice(line, meant)))

    def close_entry(self) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        self.say_colonless(current.colonless)
        self.had_article = True
        if not current.broken:
            self.mistakes += underlined_headings(
                self.path, current.blurb, current.blurb_numbers, blurb=True
            )
            self.mistakes += html_blurb_mistakes(self.path, current.blurb, current.blurb_numbers)
        try:
            entry = current.finish(self.path, self.seen)
        except DraftError as exc:
            self.mistakes.append(exc)
            return
        if entry is not None:
            self.entries.append(entry)

    def close_section(self) -> None:
        self.close_entry()
        if self.subject is not None and self.entries:
            name, line = self.subject
            key = name.strip().casefold()
            same = next(
                (i for i, s in enumerate(self.sections) if s.subject.strip().casefold() == key),
                None,
            )
            if same is None:
                self.sections.append(DraftSection(name, tuple(self.entries), line))
            else:
                # The heading written again above an article, to move it there (fixdi: the
                # issue showed the subject twice, unsaid): one section, and said.
                first = self.sections[same]
                joined = DraftSection(
                    first.subject, first.entries + tuple(self.entries), first.line
                )
                self.sections[same] = joined
                self.merged.append((name, line, first.line))
        elif self.subject is not None and not self.had_article:
            self.empty.append(self.subject)
        self.entries = []
        self.had_article = False


def underlined_headings(
    path: Path, lines: Sequence[str], numbers: Sequence[int], *, blurb: bool
) -> list[DraftError]:
    """A mistake for each line of `---` (and in a blurb, of `===`) right under a line of text in
    the introduction or a blurb (`lines`, each at its line of the file in `numbers`): Markdown
    reads the two as a heading (a "Setext" heading), which every edition would publish as one,
    ranked with the issue's subjects (walk149 #1: "Welcome to issue 6" over `---`, meant as a
    rule, was an <h2> in every edition, unsaid). A `===` under the first line of a paragraph
    under a subject is said as a subject's heading (`_Body.disguised`)."""
    found = []
    for token in markdown_tokens("\n".join(lines)):
        if token.type != "heading_open" or not token.map or token.markup not in ("-", "="):
            continue
        if token.markup == "=" and not blurb:
            continue  # an introduction's heading, written the other way (`### Heading`)
        first, end = token.map
        if end - 1 >= len(numbers):
            continue
        text = " ".join(lines[end - 2].split()) if end >= 2 else ""
        rule = "---" if token.markup == "-" else "==="
        where = "a blurb" if blurb else "the introduction"
        fix = (
            "leave a blank line above it for a rule, or delete it"
            if token.markup == "-"
            else "delete it (to start a subject, write '# ' and the subject's name)"
        )
        found.append(
            DraftError(
                path,
                numbers[end - 1],
                f"'{_shortened(text)}' with this line of {rule} under it is a heading in"
                f" Markdown, which every edition would publish in {where} as a heading: a line"
                f" of {rule} under text makes it a heading; {fix}",
            )
        )
    return found


def _no_heading_above(line: str, number: int) -> str:
    """The mistake of an article's `url:` line with no `## Title` line above it."""
    return (
        f"'{_shortened(line, 50)}' starts an article, but its '## Title' line is missing"
        f" above it: write the article's '## Title' line right above line {number}"
    )


def _empty_credit_side(key: str, author: str, publication: str) -> str:
    """The mistake of an `author: Name || Publication` line with nothing on a side of `||`
    (walk142 #5: `author: ||` dropped the author, unsaid; `author: Jane Doe ||` kept the
    publication: line's publication, unsaid)."""
    written = "'" + " ".join(f"{key}: {author} || {publication}".split()) + "'"
    if not author and not publication:
        return (
            f"{written} names no author and no publication: write 'author: Name || Publication',"
            " or leave the line empty ('author:') to publish the article without an author"
        )
    if not author:
        return (
            f"{written} names no author before '||': write the author's name before it"
            f" ('author: Jane Doe || {publication}'), or, to publish no author, write 'author:'"
            f" and 'publication: {publication}' on lines of their own"
        )
    return (
        f"{written} names no publication after '||': write the publication after it"
        f" ('author: {author} || Publication'), or delete the '||' (the article's publication:"
        " line then gives it)"
    )


def _unknown_field(key: str, value: str) -> str:
    fields = ", ".join(f"{f}:" for f in ARTICLE_FIELDS)
    if value.startswith("//"):
        return f"a bare link under the heading: write it as 'url: {key}:{value}'"
    near = _misspelt_field(key)
    if near is not None:
        return f"unknown field '{key}:'; did you mean '{near}:'?"
    return (
        f"unknown field '{key}:' under this article (the fields are {fields}); if the line is "
        "the blurb, leave a blank line above it"
    )
