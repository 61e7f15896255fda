"""What an issue says around its articles: its introduction and its closing line.

An issue's introduction is, first found:

1. the draft's own (the review flow: the editor writes it in the draft);
2. a file of its own, `introductions/issue-<N>.md` beside feeds.yaml (`settings: introductions:`);
3. for an issue with a theme, the `introduction:` of the theme's subjects in feeds.yaml;
4. the newsletter's `introduction` (or `introduction_file`).

Each may use the variables of `curator.variables` ({number}, {theme}, {next_theme}, {date}...), so
one configured text can still say something new each week. The closing line (`themes: closing:`)
takes the same variables; one that names {next_theme} is left out when the plan has none
(or this issue uses it up: `themes_promise.promised_theme`), with a warning saying so. A sentence of an
introduction that names a variable empty for the issue is left out, with a warning naming the
file, the line and why (`variables.fill_leaving_out`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from curator.config import Config
from curator.errors import InputError
from curator.markdowntext import intro_headings, markdown_tokens, plain_text_markup, raw_markup
from curator.markdowntext_links import (
    reference_definitions,
    relative_links,
    spaced_links,
    spaced_unsafe,
    undefined_references,
    unsafe_links,
)
from curator.markdowntext_unshown import (
    empty_link_advice,
    image_advice,
    numbered_sentence_advice,
    unshown_markdown,
)
from curator.render import join_names, words_and, words_date
from curator.variables import (
    VariableError,
    check_variables,
    fill,
    fill_leaving_out,
    spaced,
    written_pattern,
)


@dataclass(frozen=True)
class IssueText:
    introduction: str
    closing: str
    #: What the editor is told about the introduction and closing line: each sentence (or the
    #: closing line) left out because a variable it names is empty for this issue, where it is
    #: and what to do.
    warnings: tuple[str, ...] = ()


#: Why a variable (other than {next_theme}, whose reason the caller gives) can be empty.
_EMPTY_BECAUSE = {
    "theme": "this issue has every subject, so no theme",
    "editor": "feeds.yaml gives no `newsletter: editor`",
}


def issue_text(
    config: Config,
    *,
    number: int,
    date: datetime,
    theme: Sequence[str] = (),
    next_theme: Sequence[str] = (),
    no_next_theme: str = "the plan of themes has no next theme",
    keep_date: bool = False,
) -> IssueText:
    """The introduction and closing line of issue `number`, variables filled in. A sentence of
    the introduction that names a variable empty for this issue ({next_theme} when there is none:
    `no_next_theme` says why) is left out, and the warnings say which, where and why. With
    `keep_date` (a draft's), {date} stays, for the build to fill in from the draft's `date:`
    (walk49 #3: filled in at draft time, a `date:` changed after left the old date in it)."""
    values = {
        "number": number,
        "title": config.title,
        "editor": config.editor or "",
        "date": "{date}" if keep_date else words_date(config.settings.templates, date),
        "theme": join_names(list(theme), words_and(config.settings.templates)),
        "next_theme": join_names(list(next_theme), words_and(config.settings.templates)),
    }
    # Each text with what it is, and where its line N is written, for the warnings.
    own = issue_file(config, number)
    texts: list[tuple[str, str, Callable[[int], str]]]
    if own is not None:
        texts = [(_read(own), str(own), _file_line(own))]
    else:
        texts = [
            (
                config.subject_introductions[n],
                f"subject `{n}`'s `introduction:` in {config.path}",
                _config_line(
                    config,
                    config.subject_introduction_offsets.get(n, 0),
                    f"subject `{n}`'s `introduction:`",
                ),
            )
            for n in theme
            if n in config.subject_introductions
        ] or [
            (
                config.introduction,
                str(config.introduction_file),
                _file_line(config.introduction_file),
            )
            if config.introduction_file is not None
            else (
                config.introduction,
                f"`newsletter: introduction` in {config.path}",
                _config_line(config, config.introduction_offset, "`newsletter: introduction`"),
            )
        ]
    because = {**_EMPTY_BECAUSE, "next_theme": no_next_theme}
    parts: list[str] = []
    warnings: list[str] = []
    for text, what, at in texts:
        filled, left_out = fill_leaving_out(text, values)
        parts.append(filled.strip())
        for gap in left_out:
            warnings.append(
                f"{at(gap.line)}: {{{gap.variable}}} is empty in issue {number}"
                f" ({because.get(gap.variable, 'it has no value')}), so the sentence"
                f' "{gap.sentence}" was left out of its introduction; to say something there,'
                f" write it without {{{gap.variable}}} in {what}"
                + " (or in the draft, when you review one)"
            )
    closing = config.themes.closing
    if "{next_theme}" in closing and not next_theme:
        # (said, as a sentence of the introduction left out is: the editor expects the line)
        line = f":{config.themes.closing_line}" if config.themes.closing_line else ""
        warnings.append(
            f'{config.path}{line}: issue {number} has no closing line: "{closing.strip()}"'
            f" names {{next_theme}}, and there is none ({no_next_theme}). To close the issue"
            " anyway, write one without {next_theme} there (or `closing:` in a draft)"
        )
        closing = ""
    closing_key = "`themes: closing`"
    closing_line = _config_line(config, config.themes.closing_offset, closing_key)
    closing_at = (
        f"{config.path}:{config.themes.closing_line} ({closing_key})"
        if config.themes.closing_line
        else f"{config.path}: {closing_key}"
    )
    filled_closing = fill(closing, values).strip()
    for text, what, at in texts:
        fix_in = f"{what} (or in the draft, when you review one)"
        warnings += link_warnings(text, at, fix_in, relative=True)
        warnings += repeated_closing(text, filled_closing, at, closing_at, values)
    warnings += link_warnings(
        closing, closing_line, f"{closing_key} in {config.path}", relative=True
    )
    introduction = "\n\n".join(p for p in parts if p)
    if not introduction and any(t.strip() for t, _, _ in texts):
        # (walk198 #1: an issue of every subject lost its whole introduction, unsaid)
        _, what, at = next(text for text in texts if text[0].strip())
        warnings.append(
            f"{at(1)}: issue {number} has no introduction: each of its sentences names a variable"
            " empty in this issue, so all were left out (said above); to open the issue, write"
            f" one that names none in {what} (or in the draft, when you review one)"
        )
    return IssueText(introduction, fill(closing, values).strip(), tuple(warnings))


def _file_line(path: Path) -> Callable[[int], str]:
    """Where line N of a text that is a file of its own is: `path:N`."""
    return lambda line: f"{path}:{line}"


def _config_line(config: Config, offset: int, key: str) -> Callable[[int], str]:
    """Where line N of a text written in feeds.yaml under `key` is: `feeds.yaml:M (key)`, or
    said within the text when its place is not known (`offset` 0)."""
    if offset:
        return lambda line: f"{config.path}:{offset + line} ({key})"
    return lambda line: f"{config.path}: {key}, line {line} of it"


def link_warnings(
    text: str,
    at: Callable[[int], str],
    fix_in: str,
    *,
    relative: bool = False,
    draft: bool = False,
    blurb: bool = False,
    published: str = "",
) -> list[str]:
    """A warning per link of the editor's Markdown to an address never published (javascript:,
    file:, data: ...): every format shows its text alone (`markdowntext_links.cut_unsafe_links`); and per line
    of raw HTML, HTML comment or autolink to such an address, which every format shows as the
    literal text it is (`raw_markup_warnings`); per `[text](address)` whose address holds a space,
    which is no link (`markdowntext_links.spaced_links`). With `relative` (the introduction and closing,
    published with their links as written), per link to no full address too, per paragraph
    indented as code (`indented_code_warnings`), and per image, table, footnote and heading
    published otherwise than written (`intro_markup_warnings`; a `draft`'s headings are `###` by
    its rules, so it is told of no heading's level). A `blurb`'s images, tables, footnotes and
    indented lines are said by `draft_entry_warnings` (a blurb publishes indented lines as a
    paragraph: walk115 #1 had each said three times, twice as the introduction's)."""
    links = [
        (
            link.line,
            f'{at(link.line)}: the link "{link.text}" goes to {link.address}, which is never'
            " published: every format shows its text alone; to keep the link, give it an https:"
            f" address in {fix_in}",
        )
        for link in unsafe_links(text)
    ]
    links += [
        (
            link.line,
            f'{at(link.line)}: the link "{link.text}" goes to {link.address}, which is no full'
            " web address: the web and email editions link it as written and the text edition"
            f' writes it after its text, "{link.text} ({link.address})", which leads nowhere'
            f" from an email{_other_site(link.address)}; write the whole"
            f" address, https://..., in {fix_in}",
        )
        for link in (relative_links(text) if relative else ())
    ]
    spaced = spaced_links(text)
    links += [
        (
            link.line,
            f'{at(link.line)}: the link "{link.text}" goes to {unsafe}, once the spaces in its'
            " address are taken out as a browser takes them out, which is never published: it"
            " is cut as unsafe, and every format shows its text alone; to keep the link, give it"
            f" an https: address in {fix_in}",
        )
        for link in spaced
        if (unsafe := spaced_unsafe(link.address))
    ]
    links += [
        (
            link.line,
            f'{at(link.line)}: "[{link.text}]({link.address})" is no link, as its address holds a'
            " space: the web, email and text editions show it as typed, and other Markdown"
            " renderers link all or part of the address; write each space as %20 (or put the"
            f" address in <...>: [{link.text}](<{link.address}>)) in {fix_in}",
        )
        # (a blurb's too, not the introduction's alone: walk107's blurb link to "a report.pdf"
        # was published as typed, and the build said nothing)
        for link in spaced
        if not spaced_unsafe(link.address)
    ]
    raw = raw_markup_warnings(text, at, fix_in, published)
    intro = relative and not blurb
    code = indented_code_warnings(text, at, fix_in) if intro else []
    if intro:
        raw += intro_markup_warnings(text, at, fix_in, headings=not draft)
    return [message for _, message in sorted(links + raw + code, key=lambda pair: pair[0])]


def _other_site(address: str) -> str:
    """What a link to no full address may do besides lead nowhere: one starting `//` leads to
    whatever site it names, and so does one starting `\\\\`, which browsers read as `//`
    (walk173 #9: it was said of every such link, `%5Cevil%5Cshare` too)."""
    if address.startswith("//"):
        return " (and, starting //, to whatever site it names)"
    if re.match(r"[\\/][\\/]", address):  # (not %5C: a browser reads that as itself)
        return " (and, starting \\\\, which browsers read as //, to whatever site it names)"
    return ""


def _cut(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 3] + "..."


def indented_code_warnings(
    text: str, at: Callable[[int], str], fix_in: str
) -> list[tuple[int, str]]:
    """(line, warning) per paragraph of the introduction or closing line indented by 4 spaces
    or more, which Markdown publishes as a block of code (walk113 #5: a slip published as
    <pre><code>, unwarned); a fenced block (```) is code on purpose and is not said."""
    lines = (text or "").split("\n")
    warnings = []
    for token in markdown_tokens(text or ""):
        if token.type == "code_block" and token.map:
            first = next(
                (ln.strip() for ln in lines[token.map[0] : token.map[1]] if ln.strip()), ""
            )
            line = token.map[0] + 1
            warnings.append(
                (
                    line,
                    f'{at(line)}: "{_cut(first)}" is indented by 4 spaces or more, so it is'
                    " published as a block of code (a box in a fixed-width font, <pre> in the web"
                    " and email editions), not as a paragraph: take the spaces out at the start of"
                    f" its lines in {fix_in} (for code on purpose, put a line ``` above and below"
                    " it instead)",
                )
            )
    return warnings


def intro_markup_warnings(
    text: str, at: Callable[[int], str], fix_in: str, *, headings: bool = True
) -> list[tuple[int, str]]:
    """(line, warning) per image, table and footnote of the introduction or closing line, which
    every edition shows as a blurb does (an image as its description: `published_markdown`), and,
    with `headings`, per heading published at another level than written (`intro_headings`: under
    the issue's title, levels from 2, none skipped), each with what to write (walk110 #2, #3: an
    image and `# `, `#### `, `###### ` headings were lost or moved in the HTML, kept in the .md,
    and nothing was said)."""
    found: list[tuple[int, str]] = []
    # (its indented lines are code, said by `indented_code_warnings`: walk115 #1 had each said
    # as a footnote too)
    for piece in unshown_markdown(text or "", code_blocks=True)[1]:
        where = f"{at(piece.line)}: the introduction (or closing line)"
        if piece.kind == "image":
            message = (
                f"{where} holds the image {piece.written}, and shows no images:"
                f" {image_advice(piece, fix_in)}"
            )
        elif piece.kind == "empty link":
            message = f"{at(piece.line)}: {empty_link_advice(piece, fix_in)}"
        elif piece.kind == "numbered sentence":
            message = f"{where}: {numbered_sentence_advice(piece, fix_in)}"
        elif piece.kind == "table":
            message = (
                f"{where} holds a table (its rule line {piece.written}), and has no tables:"
                " every edition shows its lines as typed, | and --- included; write it as a"
                f" list (- item) or as sentences in {fix_in}"
            )
        elif piece.kind == "footnote":
            message = (
                f"{where} holds the footnote {piece.written}, and has no footnotes: every"
                f" edition shows {piece.written} as typed; write the note into the text in {fix_in}"
            )
        else:
            continue
        found.append((piece.line, message))
    shown = unshown_markdown(text or "", code_blocks=True)[0]
    # A line of --- right under a line of text: a heading to Markdown, meant as a rule most
    # likely (walk149 #1: "Welcome to issue 6" over one was an <h2> in every edition, unsaid).
    # A draft stops at it (`draft.underlined_headings`); the feeds.yaml introduction is warned of.
    for token in markdown_tokens(shown) if headings else ():
        if token.type == "heading_open" and token.markup == "-" and token.map:
            first, end = token.map
            words = " ".join(" ".join(shown.split("\n")[first : end - 1]).split())
            found.append(
                (
                    end,
                    f'{at(end)}: "{_cut(words)}" with a line of --- under it is published as a'
                    " heading in every edition: a line of --- under text makes it a heading;"
                    f" leave a blank line above it for a rule, or delete it, in {fix_in}",
                )
            )
    for heading in intro_headings(shown) if headings else ():
        if heading.published == heading.written:
            continue
        written = "#" * heading.written + " " + heading.text
        meant = "#" * heading.published + " " + heading.text
        why = (
            "the issue's title is its only level-1 heading"
            if heading.written == 1
            else "the introduction's headings start at level 2, under the issue's title, and"
            " in reading order each is at most one level deeper than the heading before it"
            " (none skipped)"
        )
        found.append(
            (
                heading.line,
                f'{at(heading.line)}: the heading "{written}" is published as a level-'
                f'{heading.published} heading ("{meant}" in issue-N.md, <h{heading.published}> on'
                f' the web and in the email): {why}; write "{meant}" in {fix_in}',
            )
        )
    return found


def _shown(pieces: Sequence[str]) -> str:
    """Up to three pieces of markup, each cut short, for a warning."""
    cut = [p if len(p) <= 40 else p[:37] + "..." for p in dict.fromkeys(pieces)]
    return ", ".join(cut[:3]) + (f" (and {len(cut) - 3} more)" if len(cut) > 3 else "")


def raw_markup_warnings(
    text: str, at: Callable[[int], str], fix_in: str, published: str = ""
) -> list[tuple[int, str]]:
    """(line, warning) per line of the editor's Markdown holding raw HTML, an HTML comment or an
    autolink to an unsafe address: no format publishes them as markup (nothing a reader's
    browser would run), so each is shown as the literal text it is; the warning says what to
    write instead, and with `published` (how to correct the issue published so) that too."""
    by_line: dict[tuple[int, str], list[str]] = {}
    for piece in raw_markup(text):
        by_line.setdefault((piece.line, piece.kind), []).append(piece.text)
    warnings = []
    for (line, kind), pieces in sorted(by_line.items()):
        shown = _shown(pieces)
        if kind == "comment":
            message = (
                f"the HTML comment {shown} is published as visible text in every format but the"
                " plain-text one (issue-N.txt leaves it out): delete"
                f" it from {fix_in} (in a draft, a comment on lines of its own, starting with"
                " <!--, is left out of the issue)"
            )
        elif kind == "autolink":
            message = (
                f"the link {shown} is never published as a link: every format shows it as"
                f" text; to keep the link, give it an https: address (<https://...>) in {fix_in}"
            )
        elif kind == "code":
            # (walk197 #5: `code <b>x</b>` was `code < b>x< /b>` in issue-N.txt, unsaid)
            spaced = ", ".join(f"< {p[1:]}" for p in dict.fromkeys(pieces))
            message = (
                f"{shown} in code is shown as typed in every format but the plain-text one,"
                f" which writes it {spaced}, a space after its <, as it does every tag, so that"
                " pasted into a page it is text and no tag (README, `issue-<N>.txt`); to have"
                f" the same there, write the code without it in {fix_in}, or leave it"
            )
        elif kind == "text":
            # (walk142 #13: `<svg/onload=...>`, no tag to Markdown, and `&lt;script&gt;` were
            # left out of issue-N.txt without a word, where `<img onerror=...>` was warned of)
            message = (
                f"{shown} is shown as text in every format but the plain-text one, which leaves it"
                " out (issue-N.txt leaves out a tag that runs or loads something or has"
                " attributes, so that pasted into a page it is still only text): to show it"
                f" there too, write it with a space after its < (< tag) in {fix_in}, or say it"
                " in words"
            )
        else:
            message = (
                f"the HTML {shown} is published as visible text in every format but the plain-text"
                " one (issue-N.txt shows the words of a bare styling tag, <b>, <i>, <em>,"
                " <strong> ..., alone, leaves out a tag that runs or loads something or has"
                " attributes, and writes any other with a space after its <), not as HTML"
                " (the introduction, closing line and blurbs take Markdown only); write Markdown"
                " instead"
                " in " + fix_in + ": **bold**, *italic*, [text](https://...), or \\< to show"
                " a < as it is"
            )
        warnings.append((line, f"{at(line)}: {message}{published}"))
    return warnings


def draft_entry_warnings(
    sections: Sequence[Any],
    path: Path,
    stored: Mapping[str, Any] | None = None,
    published: str = "",
) -> list[str]:
    """What the editor is told about the articles of a draft (`Draft.sections`): per blurb, a link
    to an address never published and raw HTML shown as text (the introduction's rules: a blurb is
    Markdown); per title or credit line holding Markdown or HTML that the editor wrote, that it is
    shown as typed (they are plain text in every edition). A title or credit left as curator wrote
    it (the `stored` article of the entry's address says so) is the feed's, which a build
    publishes without a word too (walk77 #4: "write it as plain text" of a title never typed).
    `published` says how to correct a blurb of the issue published (walk195 #5)."""
    warnings: list[str] = []
    for section in sections:
        for entry in section.entries:
            article = (stored or {}).get(entry.url)
            written = set()
            if article is not None:
                written = {
                    " ".join((text or "").split())
                    for text in (article.title, *article.authors, article.publication)
                }
            for what, value in (
                (f'the title "{entry.title}"', entry.title),
                *((f'the author "{name}"', name) for name in entry.authors),
                (f'the publication "{entry.publication}"', entry.publication),
            ):
                if value and " ".join(value.split()) in written:
                    continue
                markup = plain_text_markup(value)
                if markup:
                    warnings.append(
                        f"{path}:{entry.line}: {what} holds {_shown(markup)}, which the web,"
                        " email, Markdown and JSON editions show as typed and the .txt without"
                        " its HTML comments and tags that run or load something or have"
                        " attributes (any other tag with a space after its <), an unsafe link as"
                        " its text alone, a script with its code; an author or a publication that"
                        " is nothing else is left out of the .txt and Markdown credit line"
                        " (titles, authors and publications are plain text, not Markdown or"
                        " HTML): write"
                        f" it as plain text under the heading at line {entry.line}"
                    )
            publication = (
                entry.publication
                if "publication" in getattr(entry, "credit_lines", ("publication",))
                or not getattr(entry, "url_only", False)
                else (article.publication if article is not None else None)
            )
            found = tuple(article.authors) if article is not None else ()
            warnings += _several_people(entry, path, publication, found)
            warnings += [
                # A word processor's quotes, as on the front matter's editor: line (walk142 #14:
                # `author: “Dana Whitcombe”` published the quotes, unsaid).
                f"{path}:{entry.line}: `{key}: {value}` is published with the quotes, as typed"
                f" (a credit line is plain text): write {key}: {value[1:-1].strip()} under the"
                f" heading at line {entry.line}"
                for key, values in (("author", entry.authors), ("publication", [entry.publication]))
                for value in values
                if len(value) > 2
                and value[0] in '"\u201c\u2018'
                and value[-1] in '"\u201d\u2019'
                and " ".join(value.split()) not in written
            ]
            warnings += _split_credits(entry, path)
            warnings += [
                # (walk191 #7: "Von Jürgen Groß" was published as typed, where "By" goes)
                f'{path}:{line}: "{lead} {name}" is published as "{name}", its "{lead}" read as'
                ' a byline\'s "by"; if it is part of the name, write'
                f" 'author: {lead} {name} (sic)' under the heading at line {entry.line}"
                for line, lead, name in getattr(entry, "lead_ins", ())
            ]
            from curator.creditlabels import label_warning

            warnings += [
                label_warning(path, line, label, name, entry.line)
                for line, label, name in getattr(entry, "labels", ())
            ]
            warnings += [
                # An address is no person's name: published as the author, as typed (walk72 #6).
                f'{path}:{entry.line}: the author "{name}" is a web address, published as the'
                " author's name: write the person's name on the author: line under the heading"
                f" at line {entry.line} (the article's address goes on its url: line)"
                for name in entry.authors
                if re.match(r"(?i)(https?:|www\.)\S", name.strip())
            ]
            if entry.blurb_line:
                first = entry.blurb_line

                def at(line: int, first: int = first) -> str:
                    return f"{path}:{first + line - 1}"

                # By the introduction's rules (README), a link to no full address included
                # (walk109 #3: only an image was named, `[the study](/studies/1)` was not).
                warnings += link_warnings(
                    entry.blurb_source,
                    at,
                    f"the blurb under line {entry.line} of {path}",
                    relative=True,
                    blurb=True,
                    published=published,
                )
                warnings += _unshown_warnings(entry.blurb_source, at, entry.line)
    return warnings


def _split_credits(entry: Any, path: Path) -> list[str]:
    """A warning per author: line written as a credit line, "Author || Publication", whose
    publication is not the one the draft's publication: line gives (or there is none): the
    publication it names is published, said at its line (walk123 #2)."""
    from curator.credits import same_name

    warnings = []
    for line, written, named, before in getattr(entry, "split_credits", ()):
        if before and same_name(before, named):
            continue
        replaced = (
            f', in place of the publication: line\'s "{before}"' if before else " (it had none)"
        )
        warnings.append(
            f'{path}:{line}: "{written}" is read as a credit line: the author before "||" and'
            f' the publication "{named}" after it, which is published{replaced}; an author:'
            " line names the author, and the publication goes on the publication: line under"
            f" the heading at line {entry.line}"
        )
    return warnings


def _several_people(
    entry: Any, path: Path, publication: str | None = None, found: Sequence[str] = ()
) -> list[str]:
    """A warning per `author:` line that names several people ("Jane Doe, Ann Lee", "... and
    ...", "&", ";"): it is published as one name, as typed, for an `author:` line is one person
    and a name may hold a comma ("Smith, Jr."), walk68 #3. Only when every part is a full name
    (two words or more): "Procter & Gamble" is one.

    A part that is the `publication` (its publication: line, else the article's) is no second
    author: it is left out, and the advice is the line without it; a line that is only the
    publication is published as none (walk130 #3: 'author: VoC Notes' was advised, and
    following it published "Kwame Mensah and VoC Notes || VoC Notes"). Not of a name curator
    `found` as the article's author (a personal site's: "Hana Sato || Hana Sato")."""
    from curator.creditlabels import several_people
    from curator.creditsites import other_parts, publication_parts

    warnings = []
    for name in entry.authors:
        who, bar, what = (part.strip() for part in name.partition("|"))
        if bar and who and what and "|" not in what and name not in found:
            # `author: Jane Doe | Pub Weekly`: a slip for the credit line's "||", most likely
            # (walk142 #15: advised to write two author: lines, "Pub Weekly" one of them).
            warnings.append(
                f'{path}:{entry.line}: the author "{name}" holds one "|", and is published as'
                f" typed: if {what!r} is the publication, write 'author: {who} || {what}' (||"
                f" between the author and the publication); if they are two people, write"
                f" 'author: {who}' and 'author: {what}' under the heading at line {entry.line}"
            )
            continue
        parts = () if name in found else publication_parts(name, publication)
        if parts == (name.strip(),):
            warnings.append(
                f'{path}:{entry.line}: the author "{name}" is the publication, so no author is'
                f' published: the credit line names "{publication}" once; if someone wrote it,'
                f" write their name on the author: line under the heading at line {entry.line}"
            )
            continue
        if parts:
            rest = other_parts(name, publication)
            removed = " ".join(f"', {p}'" for p in parts)
            lines = " and ".join(f"'author: {person}'" for person in rest)
            warnings.append(
                f"{path}:{entry.line}: {removed} is the publication: write {lines} under the"
                f" heading at line {entry.line} (it is published without it, and not as a second"
                " author)"
            )
            continue
        # "أحمد علي، فاطمة الزهراء", "山田太郎、佐藤花子" too (walk198 #3)
        people = several_people(name)
        if not people:
            continue
        lines = " and ".join(f"'author: {person}'" for person in people)
        warnings.append(
            f'{path}:{entry.line}: the author "{name}" is published as one person, as typed:'
            f" an author: line is one person; for {len(people)}, write one line each under the"
            f" heading at line {entry.line}: {lines}"
        )
    return warnings


def _unshown_warnings(source: str, at: Callable[[int], str], heading: int) -> list[str]:
    """A warning per image, table and footnote in a blurb, saying what every edition shows in
    its place (walk46 N3: an image gave `<p></p>` in the HTML and a live image in issue-N.md,
    and tables and footnotes were shown as typed, with no word)."""
    warnings = []
    for piece in unshown_markdown(source or "")[1]:
        where = f"{at(piece.line)}: the blurb under line {heading}"
        if piece.kind == "image":
            warnings.append(
                f"{where} holds the image {piece.written}, and blurbs show no images:"
                f" {image_advice(piece)}"
            )
        elif piece.kind == "empty link":
            warnings.append(f"{where}: {empty_link_advice(piece)}")
        elif piece.kind == "numbered sentence":
            warnings.append(f"{where}: {numbered_sentence_advice(piece)}")
        elif piece.kind == "table":
            warnings.append(
                f"{where} holds a table (its rule line {piece.written}), and blurbs have no"
                " tables: every edition shows its lines as typed, | and --- included; write it as"
                " a list (- item) or as sentences"
            )
        elif piece.kind == "indented":
            # (an indented `- item` is published as the list item it reads as without them)
            item = re.match(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)", piece.written)
            what = "a list item" if item else "a paragraph"
            warnings.append(
                f'{where} has {what} indented by 4 spaces or more ("{_cut(piece.written)}"),'
                " which Markdown reads as a block of code (a box in a fixed-width font, <pre> in"
                " the web and email editions): blurbs hold no code, so every edition publishes it"
                f" as {what} (write it without the spaces at the start of its lines, and this is"
                " not said)"
            )
        else:
            warnings.append(
                f"{where} holds the footnote {piece.written}, and blurbs have no footnotes: every"
                f" edition shows {piece.written} as typed; write the note into the text"
            )
    return warnings


#: A sentence of the editor's text: up to its end mark (and a closing quote or bracket), or the
#: end of its line.
_SENTENCE = re.compile(r"[^\s.!?…][^.!?…\n]*(?:[.!?…]+[\"'”’)\]]*|$)", re.MULTILINE)


def repeated_closing(
    introduction: str,
    closing: str,
    at: Callable[[int], str],
    closing_at: str,
    values: Mapping[str, object] | None = None,
) -> list[str]:
    """A warning per sentence of the closing line that the introduction says word for word
    (variables filled in with `values`): the issue would say it twice ("Next time: ..." at the top
    and the bottom). `introduction` is as the editor wrote it, so `at` names its line."""
    said = {" ".join(m.group(0).split()) for m in _SENTENCE.finditer(closing)}
    said.discard("")
    warnings = []
    for match in _SENTENCE.finditer(introduction):
        sentence = match.group(0) if values is None else fill(match.group(0), values)
        sentence = " ".join(sentence.split())
        if sentence in said and len(sentence.split()) > 1:
            line = introduction.count("\n", 0, match.start()) + 1
            warnings.append(
                f'{at(line)}: "{sentence}" is also the closing line of the issue ({closing_at}), so'
                " the issue says it twice; take it out of the introduction (or change the"
                " closing line)"
            )
    return warnings


def issue_file(config: Config, number: int) -> Path | None:
    """introductions/issue-<N>.md when the editor wrote one."""
    folder = config.settings.introductions
    if folder is None:
        return None
    path = folder / f"issue-{number}.md"
    return path if path.is_file() else None


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        check_variables(text)
    except VariableError as exc:
        raise InputError(f"{path}:{exc.line}: {exc.message}") from None
    return text


def repeated_introduction(
    introduction: str,
    number: int,
    previous: tuple[int, str | None] | None,
    config: Config,
    draft: str | None = None,
) -> str | None:
    """A warning when issue `number` would open with the previous issue's introduction, word for
    word; None otherwise."""
    if previous is None or previous[1] is None or not introduction.strip():
        return None
    if introduction.split() != previous[1].split():
        return None
    folder = config.settings.introductions or config.folder / "introductions"
    where = _in_draft(draft) if draft else f"{folder / f'issue-{number}.md'} (or in the draft)"
    return (
        f"issue {number}'s introduction is word for word issue {previous[0]}'s; give it its own in "
        f"{where}, or use variables such as {{number}} and {{theme}} in the configured one"
    )


def _in_draft(draft: str) -> str:
    """Where a draft's own introduction is written, which the issue opens with whatever
    introductions/ holds (walk148 N4: the file was named under `build --draft`, and changed
    nothing)."""
    return (
        f"the draft's introduction ({draft}: the text before its first `# Subject` heading;"
        " the draft's wins over a file in introductions/)"
    )


def repeated_subject_introduction(
    config: Config,
    number: int,
    introduction: str,
    theme: Sequence[str],
    history: Sequence[tuple[int, tuple[str, ...], str | None]],
    draft: str | None = None,
) -> list[str]:
    """A warning per subject of this issue's theme whose `introduction:` in feeds.yaml the issue
    opens with (variables aside) when an earlier issue did too: the last issue on that theme,
    or the previous issue. Compared as written, for {number} makes the filled-in text differ
    every issue while "In our first installment" is said again (walk146 #1). `history` is
    (number, theme, introduction) per published issue, oldest first; `draft`: where the draft
    the issue is built from (or being written) has its introduction, which is where to change
    it then."""
    warnings = []
    for name in theme:
        text = config.subject_introductions.get(name)
        pattern = written_pattern(text) if text else None
        if text is None or pattern is None or not pattern.search(spaced(introduction)):
            continue  # the issue has its own (its file, or the draft's)
        earlier = [h for h in history if name in h[1] and h[2] is not None][-1:]
        if history and history[-1] not in earlier:
            earlier.append(history[-1])
        said = next((h[0] for h in earlier if h[2] and pattern.search(spaced(h[2]))), None)
        if said is None:
            continue
        at = _config_line(
            config,
            config.subject_introduction_offsets.get(name, 0),
            f"subject `{name}`'s `introduction:`",
        )
        first = " ".join(text.split())
        first = first if len(first) <= 60 else first[:57].rstrip(" .,;:") + "..."
        folder = config.settings.introductions or config.folder / "introductions"
        where = (
            _in_draft(draft)
            if draft
            else f"{folder / f'issue-{number}.md'} (or in the draft, when you review one)"
        )
        warnings.append(
            f"{at(1)}: issue {number} opens with subject `{name}`'s introduction from"
            f' feeds.yaml ("{first}"), which issue {said} opened with too, word for word but'
            " for its variables: readers get the same note again. Write issue"
            f" {number}'s own in {where}, or rewrite the subject's `introduction:` in"
            f" {config.path} so it reads right in every issue on `{name}`"
        )
    return warnings


__all__ = [
    "IssueText",
    "repeated_subject_introduction",
    "issue_file",
    "issue_text",
    "draft_entry_warnings",
    "link_warnings",
    "repeated_closing",
    "repeated_introduction",
]


def borrowed_references(draft: Any, path: Path) -> list[str]:
    """A warning per reference link of a draft's blurb or introduction (`[the operator][op]`)
    whose label only another piece of the draft defines (the introduction's `[op]: https://...`):
    the draft is one Markdown file, where it links, but every edition reads each piece alone and
    publishes the brackets as typed (walk154 NEW-5: `[the operator][op]` and `[planned][1]` were
    published so in every edition, unsaid). Said at the link's line, with the inline link to
    write instead."""
    rows = draft.introduction_lines

    def intro_at(line: int) -> int:
        return rows[line - 1] if 0 < line <= len(rows) else 0

    pieces: list[tuple[str, str, Callable[[int], int]]] = [
        ("the introduction", draft.introduction, intro_at)
    ]
    for section in draft.sections:
        for entry in section.entries:
            if entry.blurb_line and entry.blurb_source:
                pieces.append(
                    (
                        f"the blurb under line {entry.line}",
                        entry.blurb_source,
                        partial(_from, int(entry.blurb_line)),
                    )
                )
    defined = [(what, reference_definitions(text), at) for what, text, at in pieces if "]:" in text]
    warnings = []
    for what, text, at in pieces:
        for ref in undefined_references(text) if defined else ():
            where = next(
                (
                    (other, at_other(found[0]), found[1])
                    for other, found_in, at_other in defined
                    if other != what and (found := found_in.get(ref.label))
                ),
                None,
            )
            if where is None:
                continue
            other, line, address = where
            kind = "a blurb's" if what != "the introduction" else "the introduction's"
            warnings.append(
                f"{path}:{at(ref.line)}: `{ref.written}` is defined in {other} (line {line}):"
                f" {kind} links are read within it, so every edition publishes `{ref.written}`"
                f" as typed: write it as [{ref.text}]({address}) in {what}, or define it under"
                " it too"
            )
    return warnings


def _from(first: int, line: int) -> int:
    """Line `line` of a piece that starts at line `first` of its file."""
    return first + line - 1
