"""Every output of one build: the issue as a page, a fragment, Markdown, email, text and JSON, plus the
archive page and the Atom feed of issues, all rendered from templates an editor can override.

Rendering is pure (`render_outputs` returns names and text); `publish_outputs` writes them atomically.
The output folder's `issue-N.json` files are the archive's record of what was published (with the
editor's edits), so `load_archive` rebuilds index.html and feed.xml from them.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import jinja2
import jinja2.meta

from curator.creditprobe import as_read, lost_parts, marked_issue
from curator.editions import (
    ARCHIVE_FORMATS,
    ISSUE_FORMATS,
    OUTPUTS,
    ArchiveItem,
    add_utm,
    archive_context,
    changed_entries,
    feed_times,
    install_filters,
    md_url,
    output_context,
    published_feed_ids,
    utm_for,
)
from curator.editions import (
    distinct_datetimes as _distinct_datetimes,
)
from curator.editions import (
    later_stamp as _later,
)
from curator.editions import (
    rfc3339 as _rfc3339,
)
from curator.emptysubjects import with_articles_only
from curator.issuedata import issue_data, issue_from_data, published_issues
from curator.markupcheck import has_markup_characters, text_as_markup
from curator.models import Issue
from curator.oldlinks import JsonLink
from curator.outputcheck import (
    email_html,
    refuse_broken_css,
    refuse_broken_front_matter,
    refuse_broken_xml,
    refuse_script,
)
from curator.outputcheck import (
    markup_lines as _markup_lines,
)
from curator.pasting import for_pasting
from curator.publish import write_atomic
from curator.render import issue_texts, plain_words, render, words_and_of
from curator.templatecheck import OWN_PREFIX, TEMPLATE_REFERENCE, builtin_templates
from curator.templateerrors import OutputError, TemplateMistake
from curator.templateerrors import in_editors_terms as _in_editors_terms
from curator.templateerrors import text_or_nothing as _source
from curator.templateloader import COMPILED
from curator.templatewords import copies_without, old_copy
from curator.texttags import text_edition
from curator.views import EntryView

#: Characters XML 1.0 forbids (section 2.2): C0 controls but tab/newline/return, surrogates, U+FFFE/F.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# -- rendering ------------------------------------------------------------------------------------


def _render(env: jinja2.Environment, template: str, context: Mapping[str, object]) -> str:
    return _in_editors_terms(
        env, template, lambda: _XML_INVALID.sub("", render(env, template, dict(context)))
    )


def _fragment(env: jinja2.Environment, context: Mapping[str, object]) -> str:
    """fragment.html rendered, as a blog's WordPress keeps it (`pasting.for_pasting`)."""
    return for_pasting(_render(env, "fragment.html", context))


def check_templates(env: jinja2.Environment, formats: Collection[str] = OUTPUTS) -> None:
    """Load every template a build writing `formats` renders, and each one they include, extend or
    import by name, so that a mistake any line of them holds (a wrong field, a syntax error, a file
    not found) stops the build as a render would say it (`TemplateMistake`), before it fetches
    anything (walk137 #6: a wrong field was said once every feed had been read)."""
    install_filters(env)
    names = ["fragment.html"]
    names += [t for n, (t, _) in ISSUE_FORMATS.items() if n in formats and t is not None]
    names += [f"{n}.html" if n == "index" else "feed.xml" for n in ARCHIVE_FORMATS if n in formats]
    todo, seen = list(dict.fromkeys(names)), set[str]()
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        try:
            loaded = _in_editors_terms(env, name, partial(_load, env, name))
        except jinja2.TemplateNotFound:
            if name in names:
                raise
            continue  # (one a template names: its render says where, `_in_editors_terms`)
        todo += [n for n in loaded if n not in seen]


def _load(env: jinja2.Environment, name: str) -> list[str]:
    """Load (and so check) the template `name`; the names of the templates it refers to."""
    env.get_template(name)
    source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
    return list(COMPILED.referenced(env, source))


#: The editions that show every article's credit and link, with the template of each (index.html
#: lists issues, latest.html is issue-N.html again, the JSON is curator's own).
_SHOWS_ARTICLES = {
    "issue-{n}.html": "issue.html",
    "issue-{n}.fragment.html": "fragment.html",
    "issue-{n}.md": "issue.md",
    "issue-{n}.email.html": "email.html",
    "issue-{n}.txt": "issue.txt",
    "feed.xml": "feed.xml",
}


#: A Markdown backslash escape: a backslash before any ASCII punctuation (CommonMark 2.4).
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _as_read(text: str, filename: str) -> str:
    """An edition's text as a reader reads it: entities and Markdown escapes undone (twice in the
    feed, whose HTML content is escaped in the XML), runs of spaces as one. A backslash escape is
    one of any ASCII punctuation (CommonMark 2.4), `\\_` too, which is a word character to `\\w`
    (walk149 #6: "Under\\_score\\_ Weekly" in issue-1.md was said to leave out the credit's
    "Under_score_ Weekly")."""
    text = _MD_ESCAPE.sub(r"\1", text)
    text = html.unescape(text)
    if filename.endswith(".xml"):
        text = html.unescape(text)
    return " ".join(text.split())


#: What shows an article's blurb in each edition's template, as curator's own writes it.
_BLURB_VARIABLE = {
    "issue.html": "entry.blurb_html",
    "fragment.html": "entry.blurb_html",
    "email.html": "entry.blurb_html",
    "feed.xml": "entry.blurb_html",
    "issue.txt": "entry.blurb",
    "issue.md": "entry.blurb_markdown | md_intro if entry.blurb_markdown else entry.blurb | md_text",
}
#: What shows the other coverage of an article's story (curator's own templates' loops).
_OTHERS_VARIABLE = "the loops over `entry.also_covered_by` and `entry.pieces_in_publication`"


#: The block of one article (`{% block entry %}`), which a template of the editor's may fill.
_ENTRY_BLOCK = re.compile(r"{%-?\s*block\s+entry\b")


#: What is no word a reader reads: a tag (its attributes too), an address (a blurb's link is
#: written `the study <https://...>` in its text, `[the study](https://...)` in Markdown).
_NOT_READ = re.compile(r"<[^<>]*>|(?:https?:|mailto:)\S+")


def _words_of(text: str) -> list[str]:
    """A text's words, in letter case folded: what is shown of it whatever markup, links, escapes
    or line breaks an edition puts around them."""
    return re.findall(r"\w+", _NOT_READ.sub(" ", text).casefold())


def _shows_words(shown: str, words: list[str]) -> bool:
    """Whether an edition's words (`shown`, joined by spaces) hold a text's first words (`words`)
    in order: a blurb cut short by a template (`truncate`) is shown."""
    return f" {' '.join(words[:8])} " in shown


def _shows_others(entry: EntryView, raw: str, read: str, as_printed: Callable[[str], str]) -> bool:
    """Whether an edition names every other piece and publication of the entry's story: by its
    link, or, one without a link, by its name."""
    for name, url in (*entry.also_covered_by, *entry.pieces_in_publication):
        if url:
            if not _shows_link(url, raw, read):
                return False
        elif " ".join(as_printed(name).split()).casefold() not in read.casefold():
            return False
    return True


def _shows_link(url: str, raw: str, read: str) -> bool:
    """Whether an edition (`raw`, or as read) shows this address whole, as written, escaped or as
    `md_url` writes it: not as the start of a longer one (walk156 #16: `/a/1` was counted shown
    by `/a/10`'s link)."""
    return any(
        re.search(re.escape(v) + r"(?![^\s\"'<>)\]])", text) is not None
        for v in {url, str(md_url(url)), html.escape(url)}
        for text in (raw, read)
    )


def _templates_of(folder: Path, template: str) -> list[str]:
    """The editor's files (in `folder`) that make an edition: its template and those it includes
    (the feed's entries are the fragment), as far as curator's own templates go."""
    names = ["fragment.html"] if template == "feed.xml" else []
    names.insert(0, template)
    for name in list(names):
        own = folder / name if (folder / name).is_file() else builtin_templates() / name
        names += [n for n in TEMPLATE_REFERENCE.findall(_source(own)) if n not in names]
    return [n for n in names if (folder / n).is_file()]


def _curators_own(folder: Path, template: str) -> bool:
    """Whether an edition made by `template` is curator's own: every file it includes, however
    deep, is curator's or a copy of it byte for byte in `folder` (then it shows all curator's
    shows, and rendering it again with markers to find out is work for nothing)."""
    names = ["fragment.html"] if template == "feed.xml" else []
    names.insert(0, template)
    for name in names:  # (grows as the files found include others)
        own = builtin_templates() / name.removeprefix(OWN_PREFIX)
        mine = folder / name
        if not name.startswith(OWN_PREFIX) and mine.is_file():
            try:
                if mine.read_bytes() != own.read_bytes():
                    return False
            except OSError:
                return False
        names += [n for n in TEMPLATE_REFERENCE.findall(_source(own)) if n not in names]
    return True


def _marked_edition(
    issue: Issue,
    env: jinja2.Environment,
    template: str,
    edition: str,
    *,
    site_url: str | None,
    utm: Mapping[str, str] | None,
) -> str | None:
    """The edition made by `template` of the issue with its articles' credits marked
    (`creditprobe.marked_issue`); None when the template fails on the markers (one that reads
    an author's second word, say), where it had not on the names."""
    marked = marked_issue(issue)
    context = output_context(
        marked,
        site_url=site_url,
        utm=utm_for(utm, edition),
        language=str(env.globals.get("lang") or "en"),
        and_word=words_and_of(env),
    )
    try:
        if template == "feed.xml":  # (its entry of the issue is the fragment)
            item = archive_item(marked, _fragment(env, context))
            feed = render_archive(
                issue.title, issue.editor, [item], env=env, site_url=site_url, formats=("feed",)
            )
            return feed["feed.xml"]
        if template == "fragment.html":
            return _fragment(env, context)
        text = _render(env, template, context)
    except TemplateMistake:
        return None
    return text_edition(text) if template == "issue.txt" else text


def unshown_articles(
    issue: Issue,
    files: Mapping[str, str],
    folder: Path | None,
    *,
    env: jinja2.Environment,
    site_url: str | None = None,
    utm: Mapping[str, str] | None = None,
    feed_entry: bool = False,
) -> tuple[str, ...]:
    """A warning per group of editions made with the editor's templates (in `folder`, rendered by
    `env`) that leave out articles' credits or links which curator's own templates show (walk39
    #2: a template without `entry.credit` and `entry.url` published every issue without them,
    silently). A credit is shown where the templates put it (`creditprobe`). `feed_entry`: the
    issue is in `files`' feed.xml alone, which is named as its entry there (walk179 #1: the
    entries `render` wrote again of the issues it was not asked to render lost their credits,
    unsaid)."""
    if folder is None:
        return ()
    old_pieces = {p.name for p in copies_without(folder, "pieces_in_publication") if old_copy(p)}
    groups: dict[tuple[str, ...], list[tuple[str, str, tuple[str, ...]]]] = {}
    for pattern, template in _SHOWS_ARTICLES.items():
        filename = pattern.format(n=issue.number)
        if filename not in files or _curators_own(folder, template):
            continue
        edition = (
            next(k for k, (t, _) in ISSUE_FORMATS.items() if t == template)
            if (template != "feed.xml")
            else "feed"
        )
        context = output_context(
            issue, site_url=site_url, utm=utm_for(utm, edition), and_word=words_and_of(env)
        )
        entries = [e for s in context["sections"] for e in s.entries]  # type: ignore[attr-defined]
        credited = [e for e in entries if e.credit]
        links = [e.url for e in entries if e.url]
        raw = files[filename]
        read = _as_read(raw, filename)
        missing = []
        # the text edition's texts as it prints them (`text_edition` cuts a tag with attributes:
        # walk130 #2 saw a publication "Pub <meta http-equiv=...>", printed "Pub ", said to be
        # left out of issue-1.txt by init's own templates)
        as_printed = text_edition if filename.endswith(".txt") else str
        marked = _marked_edition(issue, env, template, edition, site_url=site_url, utm=utm)
        lost: list[str] = []
        lacking: set[str] = set()
        if marked is not None:
            for entry, absent in lost_parts(entries, as_read(marked, filename)):
                lost.append(" ".join(as_printed(entry.credit).split()))
                lacking |= absent
        else:
            # (the template failed on the markers, where it had not on the names: the credit
            # is shown when the edition holds it whole)
            for entry in credited:
                credit = " ".join(as_printed(entry.credit).split())
                if credit.casefold() not in read.casefold():
                    lost.append(credit)
                    lacking |= {
                        w
                        for w, v in (("author", entry.author), ("publication", entry.publication))
                        if v
                    }
        if lost:
            what = "the credit" if len(lacking) == 2 else f"the {next(iter(lacking))} in the credit"
            missing.append(f'{what} of {len(lost)} of {len(credited)} articles ("{lost[0]}")')
        gone = [u for u in links if not _shows_link(u, raw, read)]
        if gone:
            missing.append(f"the link of {len(gone)} of {len(links)} articles ({gone[0]})")
        # the blurbs and the other pieces of each story (walk156 #1, #2: an `{% block entry %}`
        # of the editor's own, or a template listing titles alone, published bare titles and
        # dropped "Another piece in X on the same story", unsaid, while the build counted the
        # pieces as published under the article)
        words = f" {' '.join(_words_of(read))} "
        blurbed = [e for e in entries if _words_of(as_printed(e.blurb))]
        unblurbed = [e for e in blurbed if not _shows_words(words, _words_of(as_printed(e.blurb)))]
        if unblurbed:
            missing.append(
                f'the blurb of {len(unblurbed)} of {len(blurbed)} articles ("{unblurbed[0].title}")'
            )
        told = [e for e in entries if e.pieces_in_publication or e.also_covered_by]
        untold = [e for e in told if not _shows_others(e, raw, read, as_printed)]
        if set(_templates_of(folder, template)) & old_pieces:
            # old copies made before pieces were named: `app.unshown_pieces` names them as such
            # (walk156 #19: the same files were told "your templates leave out ...: fine if you
            # meant it" too)
            untold = []
        if untold:
            missing.append(
                'the other coverage of the same story ("Another piece in ... on the same'
                f' story", "Also covered by") under {len(untold)} of {len(told)} articles'
                f' ("{untold[0].title}")'
            )
        if missing:
            wanted = (
                ("entry.credit",) * bool(lost)
                + ("entry.url",) * bool(gone)
                + (_BLURB_VARIABLE[template],) * bool(unblurbed)
                + (_OTHERS_VARIABLE,) * bool(untold)
            )
            # (editions to which different variables are added are said apart: issue.md's
            # blurb is not written as the HTML editions' is)
            groups.setdefault((*missing, *wanted), []).append((filename, template, wanted))
    warnings = []
    for key, editions in groups.items():
        lacks = key[: len(key) - len(editions[0][2])]
        used: list[str] = []
        variables: list[str] = []
        for _, template, wanted in editions:
            variables += [w for w in wanted if w not in variables]
            for name in _templates_of(folder, template):
                # the file that lists the articles (`for entry in section.entries`), or fills
                # the block of one (`{% block entry %}`, walk156 #1)
                # (feed.xml's `entry` block is an issue's)
                source = _source(folder / name)
                shows = "entries" in source or (
                    name != "feed.xml" and _ENTRY_BLOCK.search(source) is not None
                )
                if name not in used and shows:
                    used.append(name)
        mine = ", ".join(str(folder / n) for n in used) or str(folder)
        add = " and ".join(v if v == _OTHERS_VARIABLE else f"`{v}`" for v in variables)
        names = []
        for filename, _, _ in editions:
            names.append(
                f"{filename} (its entry of issue {issue.number})" if feed_entry else filename
            )
            # latest.html is the newest issue's page again, and loses them too (walk46 N7)
            if filename == f"issue-{issue.number}.html" and files.get("latest.html") == files.get(
                filename
            ):
                names.append("latest.html")
        warnings.append(
            f"{mine}: your templates leave out of {', '.join(names)}"
            f" {' and '.join(lacks)}, which curator's own templates show: fine if you meant it;"
            f" to show them, add {add} to them (docs/templates.md), or delete a copy to use"
            " curator's own"
        )
    return tuple(warnings)


def fragment_of(
    issue: Issue,
    env: jinja2.Environment,
    *,
    site_url: str | None = None,
    utm: Mapping[str, str] | None = None,
    edition: str = "fragment",
) -> str:
    """The issue's body alone (fragment.html): a blog post's content and the feed entry's (with
    `edition` "feed", for the UTM parameters' `{edition}`)."""
    issue = with_articles_only(issue)  # (walk199 #6: a subject with no article, in no output)
    install_filters(env)
    tags = utm_for(utm, edition)
    language = str(env.globals.get("lang") or "en")
    context = output_context(
        issue, site_url=site_url, utm=tags, language=language, and_word=words_and_of(env)
    )
    return _fragment(env, context)


def archive_item(issue: Issue, fragment_html: str) -> ArchiveItem:
    issue = with_articles_only(issue)
    return ArchiveItem(
        issue.number,
        issue.title,
        issue.date,
        tuple(s.subject for s in issue.sections),
        fragment_html,
        issue.theme,
    )


def render_outputs(
    issue: Issue,
    *,
    env: jinja2.Environment,
    site_url: str | None = None,
    archive: Sequence[ArchiveItem] = (),
    formats: Collection[str] = OUTPUTS,
    utm: Mapping[str, str] | None = None,
    known_ids: Mapping[str, str] | None = None,
    newsletter: tuple[str, str | None] | None = None,
    previous_feed: str | bytes | None = None,
    former: Collection[str] = (),
) -> dict[str, str]:
    """Every output as {file name: text}; pure. The issue itself is added to (or replaces its number
    in) `archive` for index.html and feed.xml, which are titled `newsletter` (the newsletter's
    title and editor; default: the issue's)."""
    unknown = sorted(set(formats) - set(OUTPUTS))
    if unknown:
        raise OutputError(f"unknown output {', '.join(unknown)}; choose from {', '.join(OUTPUTS)}")
    issue = with_articles_only(issue)
    install_filters(env)
    per_edition = bool(utm) and any("{edition}" in str(v) for v in (utm or {}).values())

    def context_of(edition: str) -> dict[str, object]:
        tags = utm_for(utm, edition)
        return output_context(
            issue,
            site_url=site_url,
            utm=tags,
            formats=formats,
            language=str(env.globals.get("lang") or "en"),
            and_word=words_and_of(env),
        )

    context = context_of("fragment")
    entries = [e for s in context["sections"] for e in s.entries]  # type: ignore[attr-defined]
    feed_texts = {
        f"entry.{field}": tuple(str(getattr(e, field)) for e in entries)
        for field in ("title", "author", "publication", "credit", "blurb")
    }
    files: dict[str, str] = {}
    #: Each HTML and Markdown edition as its template made it (`refuse_text_as_markup`).
    shown: dict[str, str] = {}
    fragment = _fragment(env, context)
    for name, (template, pattern) in ISSUE_FORMATS.items():
        if name not in formats:
            continue
        filename = pattern.format(n=issue.number)
        if name == "json":
            files[filename] = json.dumps(issue_data(issue), ensure_ascii=False, indent=2) + "\n"
        elif name == "fragment":
            files[filename] = fragment
        else:
            assert template is not None
            text = _render(env, template, context_of(name) if per_edition else context)
            shown[template] = text
            if name == "email":
                refuse_broken_css(env, template, text)
                text = email_html(text)
            elif name == "text":
                text = text_edition(text)
            elif name == "markdown":
                refuse_broken_front_matter(env, template, text)
            files[filename] = text
    for template, pattern in ISSUE_FORMATS.values():
        filename = pattern.format(n=issue.number)
        if template is not None and filename in files:
            refuse_script(env, template, filename, files[filename], feed_texts=feed_texts)
    refuse_text_as_markup(
        issue, env, {**shown, "fragment.html": fragment}, site_url, utm, formats, per_edition
    )
    if "html" in formats:
        files["latest.html"] = files[f"issue-{issue.number}.html"]
    if "index" in formats or "feed" in formats:
        items = {a.number: a for a in archive}
        if per_edition:  # the feed's entries tag their links as the feed's
            fragment = _fragment(env, context_of("feed"))
        items[issue.number] = archive_item(issue, fragment)
        title, editor = newsletter or (issue.title, issue.editor)
        files.update(
            render_archive(
                title,
                editor,
                list(items.values()),
                env=env,
                site_url=site_url,
                formats=formats,
                known_ids=known_ids,
                previous_feed=previous_feed,
                new=(issue.number,),
                former=former,
            )
        )
    return files


def refuse_text_as_markup(
    issue: Issue,
    env: jinja2.Environment,
    shown: Mapping[str, str],
    site_url: str | None,
    utm: Mapping[str, str] | None,
    formats: Collection[str],
    per_edition: bool,
) -> None:
    """Stop (exit 2, before anything is written) when an HTML or Markdown edition, as its
    template made it (`shown`, by template), holds a tag or attribute it does not hold with plain
    words in place of every text from a feed (`plain_words`): the template shows a text as
    markup, however it does (walk130 #1: a loop over a title's characters, each `|safe`, or its
    `.encode()|safe`, published a feed's `<meta http-equiv="refresh">` live)."""
    texts: list[str] = []

    def keep(text: str) -> str:
        texts.append(text)
        return text

    issue_texts(issue, keep)
    if not has_markup_characters(texts):
        return  # plain words already: the editions would be made again as they are
    plain = issue_texts(issue, plain_words)
    contexts: dict[str, dict[str, object]] = {}
    for template, text in shown.items():
        if not template.endswith((".html", ".md")):
            continue
        edition = next((k for k, (t, _) in ISSUE_FORMATS.items() if t == template), "fragment")
        edition = edition if per_edition else "fragment"
        if edition not in contexts:
            tags = utm_for(utm, edition)
            contexts[edition] = output_context(
                plain,
                site_url=site_url,
                utm=tags,
                formats=formats,
                language=str(env.globals.get("lang") or "en"),
                and_word=words_and_of(env),
            )
        context = contexts[edition]
        found = text_as_markup(text, _render(env, template, context), template, texts)
        if found is None:
            continue
        what, source = found
        where = _markup_lines(env)
        raise TemplateMistake(
            f'template {template} shows a feed\'s text as markup ({what} from "{source}"):'
            " show it as text; nothing was published: curator gives every text from a feed as"
            " text, escaped wherever a template shows it"
            + (
                f"; your templates show a value as markup at {', '.join(where)} (`|safe`,"
                " `autoescape false`): take it off there"
                if where
                else ""
            )
        )


#: The feed of issues' own <title> (before its first <entry>), as curator's feed.xml writes it.
_FEED_TITLE = re.compile(r"<feed\b[^>]*>(?:(?!<entry\b).)*?<title\b[^>]*>([^<]*)</title>", re.S)


def feed_title(previous_feed: str | bytes | None) -> str | None:
    """The newsletter's title as the output folder's feed.xml (`published_feed`) gives it."""
    if not previous_feed:
        return None
    text = (
        previous_feed.decode("utf-8", "replace")
        if isinstance(previous_feed, bytes)
        else previous_feed
    )
    found = _FEED_TITLE.search(text)
    return html.unescape(found.group(1)).strip() if found else None


def former_titles(
    title: str,
    kept: Sequence[str],
    previous_feed: str | bytes | None,
    archive: Iterable[ArchiveItem],
) -> tuple[str, ...]:
    """The titles the newsletter had before `title` (feeds.yaml's now), the latest last: those
    the store kept (`Store.newsletter_titles`), and the one the output folder's feed.xml was
    written under when an issue was published under it (a store from before curator kept them;
    an editor's feed template may title the feed otherwise, which is then no title of the
    newsletter's)."""
    found = [t for t in kept if t != title]
    was = feed_title(previous_feed)
    if was and was != title and was not in found and any(a.title == was for a in archive):
        found.append(was)
    return tuple(found)


def render_archive(
    title: str,
    editor: str | None,
    archive: Sequence[ArchiveItem],
    *,
    env: jinja2.Environment,
    site_url: str | None = None,
    formats: Collection[str] = OUTPUTS,
    known_ids: Mapping[str, str] | None = None,
    previous_feed: str | bytes | None = None,
    new: Collection[int] = (),
    unchanged: Collection[int] = (),
    former: Collection[str] = (),
) -> dict[str, str]:
    """index.html and feed.xml (those of them in `formats`) listing every issue in `archive`.
    An issue's entry keeps the <published> and <updated> times `previous_feed` (the output
    folder's feed.xml) gave it, or, when its entry is no longer as that feed had it (its content
    corrected in its issue-N.json, its title, its time), gets now (walk86 #3); so does an issue
    that feed left out (its issue-N.json could not be read then) other than those `new` (the one
    being built): it comes back, corrected, to readers who had it (walk115 #3: it was marked
    as published, its <updated> moved back to its date), but not one of `unchanged` (its page is
    what it was: walk145 N1, an issue-N.json emptied and written again from the store was said to
    be "marked updated, whose text changed", its page byte-identical).

    An issue published under one of the newsletter's `former` titles is listed on index.html
    under its title now, as an issue with no title of its own (walk176 #6: "Issue 10: Hobby
    Digest" after the newsletter became The Hobby Weekly, as if that were the issue's own title);
    feed.xml keeps each entry's title as published (its readers see no change)."""
    install_filters(env)
    listed = [
        dataclasses.replace(a, title=title) if a.title in former and a.title != title else a
        for a in archive
    ]
    updated = feed_times(previous_feed, "updated") if previous_feed else {}
    published = feed_times(previous_feed) if previous_feed else {}

    def archive_files() -> dict[str, str]:
        arch = archive_context(
            title,
            editor,
            archive,
            site_url=site_url,
            formats=formats,
            known_ids=known_ids,
            updated=updated,
            published=published,
            and_word=words_and_of(env),
        )
        files = {}
        if "index" in formats:
            page = arch
            if listed != list(archive):
                page = archive_context(
                    title,
                    editor,
                    listed,
                    site_url=site_url,
                    formats=formats,
                    known_ids=known_ids,
                    updated=updated,
                    published=published,
                    and_word=words_and_of(env),
                )
            files["index.html"] = _render(env, "index.html", page)
        if "feed" in formats:
            files["feed.xml"] = refuse_broken_xml(env, "feed.xml", _render(env, "feed.xml", arch))
        return files

    files = archive_files()
    if previous_feed and "feed.xml" in files:
        changed = changed_entries(previous_feed, files["feed.xml"])
        if published:  # (a feed that could be read, with entries)
            back = {a.number for a in archive} - set(published) - set(new)
            changed |= back - set(unchanged)
        if changed:
            now = datetime.now(UTC)
            times = _distinct_datetimes(archive, published)
            for number in changed:
                # Never before its <published>, and for an issue dated after today past the
                # <updated> it had: its <updated> was equal to its date, so a correction was never
                # shown (walk113 #4). An issue dated today or before gets the render's time, even
                # when an earlier date after today had left its <updated> later still (walk117 #5:
                # a date corrected back to today left <updated> nine days ahead, said to be "as the
                # issue is dated after today").
                pub = times.get(number)
                if pub is not None and pub > now:
                    shown = _later(pub, updated.get(number))
                    updated[number] = _rfc3339(shown + timedelta(seconds=1))
                else:
                    later = pub + timedelta(seconds=1) if pub is not None else now
                    updated[number] = _rfc3339(max(now, later))
            files = archive_files()
    for name, text in files.items():
        refuse_script(env, name, name, text)
    return files


def publish_outputs(
    issue: Issue,
    *,
    env: jinja2.Environment,
    out_dir: Path,
    site_url: str | None = None,
    archive: Sequence[ArchiveItem] = (),
    formats: Collection[str] = OUTPUTS,
    utm: Mapping[str, str] | None = None,
) -> tuple[Path, ...]:
    """Render every chosen output and write each file atomically; returns the paths written."""
    files = render_outputs(
        issue, env=env, site_url=site_url, archive=archive, formats=formats, utm=utm
    )
    return tuple(write_atomic(out_dir / name, text) for name, text in files.items())


def load_archive(
    out_dir: Path,
    env: jinja2.Environment,
    *,
    site_url: str | None = None,
    utm: Mapping[str, str] | None = None,
    relinked: list[JsonLink] | None = None,
) -> tuple[tuple[ArchiveItem, ...], tuple[str, ...]]:
    """Every issue published in `out_dir` (from its issue-N.json), newest first, with its fragment
    re-rendered; and a warning per record that could not be read (it is left out, never fatal).
    `relinked`: as `published_issues` takes it."""
    issues, warnings = published_issues(out_dir, relinked)
    items = [
        archive_item(issue, fragment_of(issue, env, site_url=site_url, utm=utm, edition="feed"))
        for issue in issues.values()
    ]
    items.sort(key=lambda a: a.number, reverse=True)
    return tuple(items), warnings


def empty_editions(out_dir: Path, numbers: Iterable[int]) -> list[tuple[int, Path, bool]]:
    """The editions of the issues `numbers` (the archive lists them) whose file in `out_dir` is
    there but empty (0 bytes: emptied by a failed copy or sync), or an HTML page cut short (it
    opens `<html` and has no `</html>` at its end, walk145 N4; a Markdown or text edition cannot
    be judged), by issue: index.html links a blank page (walk141 #5: nothing said it). Each with
    True when it is cut short, False when empty."""
    found = []
    for number in sorted(numbers):
        for _template, pattern in ISSUE_FORMATS.values():
            path = out_dir / pattern.format(n=number)
            try:
                if not path.is_file():
                    continue
                size = path.stat().st_size
                if size == 0:
                    found.append((number, path, False))
                elif path.name.endswith((f"-{number}.html", ".email.html")) and _cut_page(path):
                    found.append((number, path, True))
            except OSError:
                continue
    return found


def _cut_page(path: Path) -> bool:
    """An HTML page that opens `<html` (after its doctype) and has no `</html>` in its end."""
    with path.open("rb") as file:
        head = file.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        file.seek(max(0, path.stat().st_size - 4096))
        tail = file.read().lower()
    opens = head.startswith((b"<!doctype html", b"<html"))
    return opens and b"</html>" not in tail


__all__ = [
    "OUTPUTS",
    "ArchiveItem",
    "OutputError",
    "TemplateMistake",
    "add_utm",
    "archive_item",
    "feed_title",
    "former_titles",
    "fragment_of",
    "issue_data",
    "issue_from_data",
    "unshown_articles",
    "empty_editions",
    "load_archive",
    "published_feed_ids",
    "published_issues",
    "publish_outputs",
    "render_archive",
    "render_outputs",
]
