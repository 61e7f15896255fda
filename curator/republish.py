"""Corrections after publishing: `curator render` publishes issues again from their issue-N.json.

`render_issues` renders published issues with today's templates and settings, each as its
issue-N.json has it (the editor's corrections: its date, title, credits, blurbs, articles cut or
added), else as the store recorded it, and keeps in the store what the corrections changed (an
issue whose file is lost comes back from the store as published). The helpers below are its
alone; what it shares with a build (`BuildError`, the warnings on an issue's templates, its
date, the feed of issues) is imported from `curator.app`, which never imports this module: the
CLI calls it (`curator.cli.build`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from curator.app import (
    BuildError,
    dated_out_of_order,
    placeholder_titles,
    plain_blurbs,
    published_feed,
    reader_notes,
    record_published,
    stopped_issue_in,
    stored_day,
    stored_scores,
    unmarked_language,
    unshown_pieces,
    unshown_theme,
    unupdated_feed,
    write_fix,
)
from curator.config import Config
from curator.editions import ISSUE_FORMATS, OUTPUTS, feed_times, published_feed_ids
from curator.errors import CuratorError, InputError, shell_arg
from curator.foreignfiles import stop_for_files_not_curators
from curator.htmltext import html_to_text, page_links, page_text, same_links
from curator.issuecheck import issue_mistakes
from curator.issuedata import issue_data, issue_from_data, published_issues
from curator.issuetext import link_warnings
from curator.markdowntext import markdown_text, plain_text_markup, text_with_links
from curator.models import (
    Article,
    Copy,
    Issue,
    Scored,
    Section,
)
from curator.outputcheck import clipped_email, html_in_text, linked_stylesheets
from curator.outputs import (
    archive_item,
    former_titles,
    fragment_of,
    render_archive,
    render_outputs,
    unshown_articles,
)
from curator.pasting import nested_headings
from curator.publish import FileSet, write_atomic
from curator.render import (
    date_text,
    environment,
    issue_day,
    join_names,
)
from curator.store import (
    IssueRecord,
    Store,
)
from curator.takeback import archive_without_issues, listed_issues
from curator.templatecheck import single_brace_fields
from curator.templateerrors import OutputError, TemplateMistake
from curator.templatewords import (
    fragment_headings,
    missing_words,
    untranslated_words,
)
from curator.themes import plan_entry, theme_history
from curator.urls import url_key


@dataclass(frozen=True)
class RenderResult:
    #: The issues rendered again, by number.
    numbers: tuple[int, ...]
    paths: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    #: The files whose text is new (written before with other text, or not at all).
    changed: tuple[Path, ...] = ()
    #: The issues whose time in feed.xml moved, by number: (the time it had, the time it has).
    feed_times_moved: Mapping[int, tuple[str, str]] = field(default_factory=dict)
    #: The issues whose entry in feed.xml changed, marked updated (its <updated>) at this time.
    feed_updated: tuple[tuple[int, ...], str] = ((), "")
    #: What that time is a second past, for an issue dated after today: "<published>" (its
    #: first correction) or "<updated>" (the time it had); "" for an issue dated today or before.
    feed_updated_past: str = ""
    #: Those of `changed` (pages and text editions) whose text a reader reads is as it was: only
    #: their markup changed (today's templates write it otherwise than the ones that wrote them).
    markup_only: tuple[Path, ...] = ()
    #: The issues whose pages or text editions read otherwise than before though no correction
    #: of theirs was taken in this run (their issue-N.json as the store kept it): rendered by
    #: today's templates and rules, by number, with those files (walk164 N7).
    text_changed: Mapping[int, tuple[Path, ...]] = field(default_factory=dict)
    #: The archive page (index.html) when it reads otherwise than before (its <title>, say)
    #: though no issue's correction was taken in this run: rendered by today's templates and
    #: words (walk171 #3: "only the markup" was said of a title a reader sees).
    archive_changed: tuple[Path, ...] = ()
    #: The newsletter's title before and now, when feeds.yaml's changed since the archive was
    #: last written (walk176 #6: said as templates' words when the title had changed).
    title_changed: tuple[str, str] | None = None
    #: The issues the archive page (index.html) listed before and no longer lists: recorded
    #: nowhere now and their files gone (an issue taken back, as README says): why it changed
    #: (walk177 N2: it was said to read otherwise for the templates, and to be put back).
    archive_dropped: tuple[int, ...] = ()
    #: The files removed: latest.html when no issue is left (every one taken back, walk184 #4).
    removed: tuple[Path, ...] = ()


def _unrecorded_leftovers(
    store: Store, out_dir: Path, stopped: int | None, published: Collection[int]
) -> list[str]:
    """What `render` says of files in `out_dir` beyond the store's last issue that it does not
    render (no issue-N.json of theirs) and of temporary files (`.*.tmp`) a stopped run left.

    Why: a build killed after 4 of its 9 renames left four issue-3 files and two temporary ones;
    `render --all` said only "Rendered issue(s) 1, 2 again" (walk77 #2)."""
    last = store.next_issue_number() - 1
    found: dict[int, list[str]] = {}
    temps: list[str] = []
    with suppress(OSError):
        for path in sorted(out_dir.iterdir()):
            match = re.fullmatch(r"issue-(\d+)\..+", path.name)
            if match and int(match.group(1)) > last and int(match.group(1)) not in published:
                found.setdefault(int(match.group(1)), []).append(path.name)
            elif path.name.startswith(".") and path.name.endswith(".tmp"):
                temps.append(path.name)
    notes = []
    for number, names in sorted(found.items()):
        if number == stopped:
            why = (
                "a build was stopped (killed, or the machine went down) after it wrote them and"
                " before the store recorded the issue; render leaves them, and the next"
                f" `curator build` publishes issue {number} again over them"
            )
        else:
            why = "render leaves them (another store's issue, or copied there?)"
        notes.append(
            f"{out_dir} holds {', '.join(names)}, files of issue {number}, which the store does"
            f" not record: {why}"
        )
    if temps:
        notes.append(
            f"{out_dir} holds the temporary files {', '.join(temps)}, left by a run that was"
            " stopped while it wrote (killed, or the machine went down): they are no issue; the"
            " next `curator build` removes them, or delete them"
        )
    return notes


def _unreadable(path: Path) -> str:
    """Why the issue-N.json at `path`, there, cannot be read ("" when it is not there, or reads).

    Why: a file cut short (a full disk) was said to be "missing" (walk77 #5)."""
    try:
        issue_from_data(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return ""
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at").lower()
        return f"cut short, or not JSON: {what} at line {exc.lineno}, column {exc.colno}"
    except UnicodeDecodeError as exc:
        return _not_utf8(exc)
    except OSError as exc:
        return str(exc.strerror or exc)
    except (ValueError, RecursionError) as exc:
        return f"it is not an issue record curator wrote: {exc}"
    return ""


def _not_utf8(exc: UnicodeDecodeError) -> str:
    """Where a file's text stops being UTF-8: the first bad byte's line and column, and what to do.

    Why: an issue-N.json saved as Latin-1 was said to be "not UTF-8 text", with no line or
    column, though README says render names them (walk115 #1)."""
    data = bytes(exc.object)
    if exc.end >= len(data) and exc.reason == "unexpected end of data":
        # A character cut in two at the very end: the file was cut short (a full disk).
        return "cut short in the middle of a character (a full disk?)"
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return (
        f"it is not UTF-8 text: byte 0x{data[exc.start]:02x} at line {line}, column {column}"
        " is no UTF-8 (saved as Latin-1 or Windows-1252?): save it as UTF-8 (in your editor's"
        ' "Save with encoding" or "Save as" options)'
    )


def _kept_copy(path: Path) -> Path:
    """Where the editor's issue-N.json that cannot be read is kept before render writes it again
    (`issue-N.json.unreadable`, or `...unreadable-2` and on when one holding other bytes is
    there already)."""
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    for n in range(1, 1000):
        copy = path.with_name(path.name + ".unreadable" + (f"-{n}" if n > 1 else ""))
        try:
            if copy.read_bytes() == data:
                return copy
        except FileNotFoundError:
            return copy
        except OSError:
            continue
    return copy


#: The HTML fields of issue-N.json curator writes from another field, and the field to edit.
_OWN_HTML = {
    "introduction_html": "introduction",
    "closing_html": "closing",
    "blurb_html": "blurb_markdown",
}


def _html_words(value: object) -> str:
    return " ".join(html_to_text(value).split()) if isinstance(value, str) else ""


def _own_html_edited(data: dict[str, Any], record: IssueRecord | None) -> list[str]:
    """The HTML fields of an issue record (`introduction_html`, `closing_html`, an article's
    `blurb_html`) whose text differs both from what curator writes from the file's own
    `introduction`, `closing` or `blurb_markdown` and from what it wrote from the store's record
    of them (the field the editor did correct, left as it was: not an edit), each named.

    Why: an edit to one of them was published nowhere and written over without a word (walk115
    #3): curator writes them from the Markdown, which is the field to correct. Compared as text,
    so that a file an older curator wrote (other markup, the same words) is no edit."""
    try:
        issue = issue_from_data(data)
    except ValueError:
        return []
    # What the store recorded, where it did: a field it holds no record of (an issue an older
    # curator published, an article it cannot match) is not checked, since an HTML field left
    # stale beside its corrected Markdown would be taken for an edit and refused.
    stored = issue
    texts_known = record is not None and record.introduction is not None
    by_url: dict[str, Article] = {}
    if record is not None:
        by_url = {a.url: a for a in record.as_published.values()}
        stored = replace(
            issue,
            introduction=record.introduction or "",
            closing=record.closing or "",
            sections=tuple(
                replace(
                    sec,
                    entries=tuple(
                        replace(e, article=by_url[e.article.url]) if e.article.url in by_url else e
                        for e in sec.entries
                    ),
                )
                for sec in issue.sections
            ),
        )
    ours, theirs = issue_data(issue), issue_data(stored)

    def edited(key: str, wrote: object, mine: Mapping[str, Any], was: Mapping[str, Any]) -> bool:
        words = _html_words(wrote)
        return words not in {_html_words(mine.get(key)), _html_words(was.get(key))}

    found = []
    for key in ("introduction_html", "closing_html"):
        if texts_known and key in data and edited(key, data[key], ours, theirs):
            found.append(
                f'"{key}" is not what curator writes from your "{_OWN_HTML[key]}": it is'
                f' curator\'s own rendering of "{_OWN_HTML[key]}", written again from it on'
                f' every render, so your edit would be lost: make the edit in "{_OWN_HTML[key]}"'
                f' (Markdown) instead, and put "{key}" back as it was or delete it'
            )
    sections = data.get("sections") or []
    for s, sec in enumerate(sections):
        mine_sec = ours["sections"][s]["articles"]  # type: ignore[index]
        was_sec = theirs["sections"][s]["articles"]  # type: ignore[index]
        for a, art in enumerate(sec.get("articles") or []):
            if "blurb_html" not in art or art.get("url") not in by_url:
                continue
            mine, was = mine_sec[a], was_sec[a]
            if not mine.get("blurb_html"):  # no Markdown: curator writes "blurb" as the HTML
                mine = {"blurb_html": html.escape(str(art.get("blurb") or ""))}
            if edited("blurb_html", art["blurb_html"], mine, was):
                where = f"article {a + 1}{_titled(art)} of section {s + 1}"
                if art.get("blurb_markdown"):
                    why = (
                        '"blurb_html" is not what curator writes from its "blurb_markdown": it is'
                        ' curator\'s own rendering of "blurb_markdown", written again from it on'
                        " every render, so your edit would be lost: make the edit in"
                        ' "blurb_markdown" (Markdown) instead'
                    )
                else:
                    why = (
                        '"blurb_html" is no field curator publishes for an article with no'
                        ' "blurb_markdown" (it writes its HTML from "blurb_markdown"), so your'
                        ' edit would be lost: make the edit in "blurb" instead (or write the'
                        ' blurb in Markdown as "blurb_markdown")'
                    )
                found.append(
                    f'{where} (sections[{s}].articles[{a}]): {why}, and put "blurb_html" back'
                    " as it was or delete it"
                )
    return found


def _titled(art: Mapping[str, Any]) -> str:
    title = art.get("title")
    return f' "{title}"' if isinstance(title, str) and title.strip() else ""


def _corrections_refused(
    out_dir: Path,
    numbers: Collection[int],
    every: bool,
    records: Mapping[int, IssueRecord] | None = None,
) -> None:
    """Stop (exit 2, before anything is written) when an issue-N.json the editor corrected holds
    what curator would publish wrong or drop: an address it cannot link, a field of the wrong type
    or no field it reads (each named with its article and what to write).

    Why: an article's "url" corrected to `www.example.com/fixed-post` was published with no link
    and the file written again with `"url": null`, the correction erased (walk109 #1). Every
    issue-N.json counts, not only those rendered: the archive page and the feed of issues show
    each issue. A file cut short by a full disk comes back from the store, as `_unreadable` says;
    one whole but with a mistake in its JSON is the editor's (a comma too many), named too."""
    refused = []
    wrong = set()
    with suppress(OSError):
        for path in sorted(out_dir.iterdir()):
            named = re.fullmatch(r"issue-(\d{1,9})\.json", path.name)
            if not named:
                continue
            try:
                text = path.read_text(encoding="utf-8")
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                # A whole file ({...}) with a mistake inside, a comma too many: the editor's,
                # whose edits writing it again from the store would erase. A file cut short (a
                # full disk) ends elsewhere: it comes back from the store, as before.
                kept = text.strip()
                if kept.startswith("{") and kept.endswith("}"):
                    what = exc.msg.removesuffix(" at").lower()
                    refused.append(
                        f"{path}: it is no JSON ({what} at line {exc.lineno}, column"
                        f" {exc.colno}: a comma too many or too few, a quote left open?); to"
                        " publish the issue as the store recorded it instead, delete the file"
                    )
                    wrong.add(int(named.group(1)))
                continue
            except (OSError, UnicodeDecodeError, ValueError, RecursionError):
                continue  # (said, and rendered from the store, as before)
            if not isinstance(data, dict):
                continue
            mistakes = issue_mistakes(data, int(named.group(1)))
            if not mistakes:
                number = int(named.group(1))
                mistakes = _own_html_edited(data, (records or {}).get(number))
            if mistakes:
                refused.append(f"{path}: {'; '.join(mistakes)}")
                wrong.add(int(named.group(1)))
    if refused:
        again = "--all" if every else " ".join(str(n) for n in sorted(wrong | set(numbers)))
        raise InputError(
            f"{' | '.join(refused)} -- nothing was written and the file is as you left it:"
            f" correct it, then run `curator render {again}` again"
        )


def _blurbs_followed(
    store: Store, issues: dict[int, Issue], chosen: Sequence[int], out_dir: Path
) -> list[str]:
    """Make each chosen issue publish the blurb field the editor corrected in its issue-N.json,
    and keep what it publishes in the store (`_corrections_kept`).

    Why: an article with a Markdown blurb has it twice there, `blurb` (its plain text, for the
    text edition) and `blurb_markdown` (the other editions); README says to correct `blurb`, which
    changed the .txt alone, silently (walk106 #1). Each is compared with the store's record of the
    issue: the field that changed is published in every edition."""
    records = {r.number: r for r in store.issues(with_articles=True)}
    notes: list[str] = []
    for number in chosen:
        issue = issues.get(number)
        if issue is None:
            continue
        stored = records[number].as_published.values() if number in records else ()
        sections = []
        dropped: set[str] = set()  # (the articles whose old Markdown was left out, by URL)
        disagree: set[str] = set()
        refreshed: set[str] = set()  # (blurbs written again from their Markdown, edited by no one)
        followed: set[str] = set()  # (blurbs written again from their Markdown, edited alone)
        for sec in issue.sections:
            entries = []
            for e in sec.entries:
                art = e.article
                md = art.blurb_markdown
                if md is not None and " ".join(markdown_text(md).split()) != " ".join(
                    art.blurb.split()
                ):
                    if any((s.blurb, s.blurb_markdown) == (art.blurb, md) for s in stored):
                        # Neither was edited: the text written from the Markdown by an older
                        # curator (walk109 #3: a link to no full address was its text alone).
                        art = replace(art, blurb=markdown_text(md))
                        refreshed.add(art.url)
                    elif any(s.blurb_markdown == md for s in stored):
                        # Its links, `<https://...>` as "blurb" writes them, stay links (walk115
                        # #4: they were published as text, `&lt;https://...&gt;`).
                        art = replace(art, blurb_markdown=text_with_links(art.blurb))
                        dropped.add(art.url)
                    elif any(s.blurb == art.blurb for s in stored):
                        art = replace(art, blurb=markdown_text(md))
                        followed.add(art.url)
                    else:
                        disagree.add(art.url)
                        notes.append(
                            f'issue {number}, "{art.title}": its "blurb" and "blurb_markdown" in'
                            f" issue-{number}.json say different things (the text edition"
                            ' publishes "blurb", the others "blurb_markdown"): make them agree,'
                            ' or delete "blurb_markdown" to publish "blurb" everywhere, and'
                            " render again"
                        )
                entries.append(replace(e, article=art))
            sections.append(replace(sec, entries=tuple(entries)))
        issues[number] = replace(issue, sections=tuple(sections))
        if number in records:
            notes += _corrections_kept(
                store,
                records[number],
                issues[number],
                out_dir,
                dropped,
                disagree,
                refreshed,
                followed,
            )
            notes += _issue_kept(store, records[number], issues[number], out_dir)
            notes += _cuts_kept(store, records[number], issues[number], out_dir)
    return notes


def _cuts_kept(store: Store, record: IssueRecord, issue: Issue, out_dir: Path) -> list[str]:
    """Take out of the store's record of the issue each article it featured that its
    issue-N.json no longer holds (cut there), saying so once: the article is no longer featured
    by the issue, and waits again for a later one.

    Why: an article deleted from issue-4.json was published nowhere, unsaid, while the store
    still said issue 4 published it (`subjects explain`, `subjects list`), and the issue came
    back with it, marked updated, once the file was lost (walk149 #4). When an article of the
    file cannot be told apart (its address and title both corrected), nothing is taken out."""
    if not record.as_published:  # (an older curator's issue: the store kept no articles)
        return []
    ids = _stored_ids(record, issue)
    held = [e.article.url for sec in issue.sections for e in sec.entries]
    # (an article added there that the store holds is recorded by `_corrections_kept`)
    added = {
        url
        for url in held
        if url not in ids
        and (stored := store.article_by_url(url)) is not None
        and issue.number in store.issues_featuring(stored.id)
    }
    if any(url not in ids and url not in added for url in held):
        return []  # (said by `_corrections_kept`: the store keeps the issue as it was)
    kept = set(ids.values())
    cut = [a for _, a in record.featured if a not in kept and a in record.as_published]
    if not cut:
        return []
    store.cut_from_issue(issue.number, cut)
    json_file = out_dir / f"issue-{issue.number}.json"
    named = "; ".join(
        f'"{record.as_published[a].title}" ({record.as_published[a].url})' for a in cut
    )
    one = len(cut) == 1
    # (one the editor excluded, as `subjects exclude` advises before cutting it, waits for none)
    excluded = {url for url, subject in store.corrections().items() if subject is None}
    waiting = [a for a in cut if record.as_published[a].url not in excluded]
    if not waiting:
        after = f"and as you excluded {'it' if one else 'them'}, no later issue features" + (
            " it" if one else " them"
        )
    else:
        after = (
            f"so {'it waits' if one else 'they wait'} again for a later issue"
            + ("" if len(waiting) == len(cut) else " (but those you excluded)")
            + f"; to keep {'it' if len(waiting) == 1 else 'one'} out of every issue, `curator"
            f" subjects exclude"
            f" {shell_arg(record.as_published[waiting[0]].url) if len(waiting) == 1 else 'URL'}`"
        )
    # walk155 #7: every article cut was published, said only as "2 articles cut".
    empty = (
        []
        if held
        else [
            f"issue {issue.number} now has no articles: every edition of it publishes its"
            f" introduction and closing line alone, as {json_file} has it; if you did not mean"
            ' to cut them all, put their entries back in its "sections" and render again'
        ]
    )
    return [
        f"issue {issue.number}: {len(cut)} article{'' if one else 's'} cut from it in"
        f" {json_file}: {named}; {'it is' if one else 'they are'} published in no edition, and"
        f" the store now keeps the cut (an issue whose file is lost comes back from the store"
        f" without {'it' if one else 'them'}): issue {issue.number} no longer features"
        f" {'it' if one else 'them'}, {after}",
        *empty,
    ]


def _credits_corrected(
    issues: dict[int, Issue], chosen: Sequence[int], out_dir: Path, rewritten: bool
) -> list[str]:
    """Publish an article's credit corrected in issue-N.json as one line, in one pass over its
    articles: a blank author left out, a line break or a run of spaces in an author or the
    "publication" read as a space, then an author written as a credit line, "Author ||
    Publication", read as a draft's `author:` line is (the author before "||", the publication
    after it, published in place of the article's "publication"); said in one note per article
    naming every correction made, with the file, the field and the fix.

    Why: `"authors": ["  "]` published "   || The Support Desk Review" (and `<bdi>  </bdi>`),
    and `"publication": "The Support Desk Review\nWeekly"` put "Weekly" on a line of its own in
    the text edition, with only the note that the credit was published as corrected (walk155
    #2); feeds.yaml refuses a `name:` with a line break for the same reason. `"authors": ["Zoë
    Ünal || Schools Weekly"]` published "Zoë Ünal || Schools Weekly || CX Six" (walk149 #8),
    where a draft's `author: X || Y` is split with a warning. The two were two passes, each
    writing its own note for the same article (D2 of the 15th stop's closing note)."""
    from curator.credits import same_name

    notes = []
    again = " ({name} is written again so)" if rewritten else ""
    for number in chosen:
        issue = issues.get(number)
        if issue is None:
            continue
        json_file = out_dir / f"issue-{number}.json"
        sections = []
        for sec in issue.sections:
            entries = []
            for e in sec.entries:
                art = e.article
                said = []
                blank = [a for a in art.authors if not a.strip()]
                broken = [a for a in art.authors if a.strip() and a.strip() != " ".join(a.split())]
                if blank:
                    said.append(
                        'a blank author in its "authors" is left out (to publish no author,'
                        ' write "authors": [])'
                        if len(blank) == 1
                        else f'{len(blank)} blank authors in its "authors" are left out (to'
                        ' publish no author, write "authors": [])'
                    )
                for a in broken:
                    said.append(
                        f'"authors" holds {json.dumps(a, ensure_ascii=False)}, with a line break'
                        f' or a run of spaces, published as "{" ".join(a.split())}" (a credit is'
                        " one line: write it so)"
                    )
                pub = art.publication
                # (said below unless a credit line in "authors" puts another in its place)
                pub_said = ""
                if pub and not pub.strip():
                    pub_said = (
                        'its "publication" is blank, so none is published (to name none, write'
                        ' "publication": null)'
                    )
                elif pub and pub.strip() != " ".join(pub.split()):
                    pub_said = (
                        f'its "publication", {json.dumps(pub, ensure_ascii=False)}, holds a line'
                        f' break or a run of spaces, published as "{" ".join(pub.split())}" (a'
                        " credit is one line: write it so)"
                    )
                if said or pub_said:
                    authors = tuple(" ".join(a.split()) for a in art.authors if a.strip())
                    art = replace(
                        art,
                        authors=authors,
                        publication=" ".join(pub.split()) or None if pub else pub,
                    )
                written = next(
                    (
                        a
                        for a in art.authors
                        if all(part.strip() for part in a.split("||")) and a.count("||") == 1
                    ),
                    None,
                )
                split: tuple[str, str] = ("", "")  # (what was written, and how it is read)
                if written is not None:
                    author, _, named = (part.strip() for part in written.partition("||"))
                    before = art.publication
                    authors = tuple(author if a == written else a for a in art.authors)
                    art = replace(art, authors=authors, publication=named)
                    replaced = (
                        ""
                        if before and same_name(before, named)
                        else f', in place of its "publication", "{before}"'
                        if before
                        else " (it had none)"
                    )
                    split = (
                        f'"{written}" in its "authors"',
                        f' is read as a credit line: the author "{author}" before "||", and the'
                        f' publication "{named}" after it, which is published{replaced};'
                        ' "authors" names the people, and the publication goes in "publication"',
                    )
                elif pub_said:
                    said.append(pub_said)
                if said:
                    # (one note: the credit line last, as it is read from the cleaned authors)
                    notes.append(
                        f'issue {number}, "{art.title}" in {json_file}: '
                        + "; ".join([*said, *(["".join(split)] if written is not None else [])])
                        + again.format(name=json_file.name)
                    )
                elif written is not None:
                    notes.append(
                        f'issue {number}, "{art.title}": {split[0]} in {json_file}{split[1]}'
                        + again.format(name=json_file.name)
                    )
                entries.append(replace(e, article=art))
            sections.append(replace(sec, entries=tuple(entries)))
        issues[number] = replace(issue, sections=tuple(sections))
    return notes


#: The fields of an article an editor corrects in issue-N.json, as README names them.
_CORRECTABLE = ("title", "authors", "publication", "blurb", "blurb_markdown", "url")


def _stored_ids(record: IssueRecord, issue: Issue) -> dict[str, int]:
    """Each article of `issue` (by its address in issue-N.json) with the id of the article the
    store recorded it as: by its address, else (an address the editor corrected) the one
    featured article left unmatched, or the one left with its title."""
    by_url = {a.url: i for i, a in record.as_published.items()}
    urls = [e.article.url for sec in issue.sections for e in sec.entries]
    found = {url: by_url[url] for url in urls if url in by_url}
    left = [a for _, a in record.featured if a not in found.values() and a in record.as_published]
    unmatched = [
        e.article for sec in issue.sections for e in sec.entries if e.article.url not in found
    ]
    for art in unmatched:
        titled = [
            i for i in left if _as_compared(record.as_published[i].title) == _as_compared(art.title)
        ]
        if len(titled) == 1 or (len(left) == 1 and len(unmatched) == 1):
            found[art.url] = (titled or left)[0]
            left.remove(found[art.url])
    return found


def _issue_kept(store: Store, record: IssueRecord, issue: Issue, out_dir: Path) -> list[str]:
    """Keep in the store the issue's title, editor, introduction, closing line and sections'
    subjects as its issue-N.json corrected them, saying so once.

    Why: each was published as corrected but not stored, so an issue whose file was lost came
    back from the store with the old one (walk115 #4). The introduction and closing are compared
    as issue-N.json writes them (their Markdown as published), so that one never edited is
    never taken as corrected."""
    json_file = out_dir / f"issue-{issue.number}.json"
    kept = []
    if _as_compared(issue.title) != _as_compared(record.title) or (
        record.editor is not None and (issue.editor or "") != record.editor
    ):
        store.set_issue_heading(issue.number, issue.title, issue.editor)
        if _as_compared(issue.title) != _as_compared(record.title):
            kept.append('"title"')
        if record.editor is not None and (issue.editor or "") != record.editor:
            kept.append('"editor"')
    if record.introduction is not None:
        was = issue_data(
            replace(issue, introduction=record.introduction, closing=record.closing or "")
        )
        now = issue_data(issue)
        texts = [k for k in ("introduction", "closing") if was[k] != now[k]]
        if texts:
            store.set_issue_text(issue.number, issue.introduction, issue.closing)
            kept += [f'"{k}"' for k in texts]
    ids = _stored_ids(record, issue)
    printed = {a: record.headings.get(a, s) for s, a in record.featured}
    for number, sec in enumerate(issue.sections, 1):
        moved = [
            ids[e.article.url]
            for e in sec.entries
            if e.article.url in ids and printed.get(ids[e.article.url]) != sec.subject
        ]
        if moved:
            store.set_section_heading(issue.number, moved, sec.subject)
            kept.append(f'section {number}\'s "subject" ("{sec.subject}")')
    if not kept:
        return []
    are = "is" if len(kept) == 1 else "are"
    return [
        f"issue {issue.number}: its {join_names(kept)} as corrected in {json_file} {are}"
        f" published, and the store now keeps {'it' if len(kept) == 1 else 'them'} too (an"
        " issue whose file is lost comes back from the store as published)",
        # (walk179 #6: a link to no full address and a `# ` heading, said by draft and build)
        *(
            warning
            for key in ("introduction", "closing")
            if f'"{key}"' in kept
            for warning in link_warnings(
                getattr(issue, key) or "",
                _json_line(json_file, key),
                f'"{key}" in {json_file}',
                relative=True,
            )
        ),
    ]


def _json_line(json_file: Path, key: str) -> Callable[[int], str]:
    """Where line N of the text of an issue-N.json's `key` is, for a warning."""
    return lambda line: f'{json_file}: "{key}", line {line} of it'


def _corrections_kept(
    store: Store,
    record: IssueRecord,
    issue: Issue,
    out_dir: Path,
    dropped: Collection[str],
    disagree: Collection[str],
    refreshed: Collection[str] = (),
    followed: Collection[str] = (),
) -> list[str]:
    """Keep in the store each article of `issue` as its issue-N.json corrected it (its title,
    credit or blurb), saying so once, as `_dates_kept` keeps a corrected date.

    Why: a corrected blurb was published but not stored, so the store's record of the issue kept
    the old one (an issue whose file is lost comes back from it) and the correction was told as
    new on every later render (walk107). Not for an article whose two blurb fields disagree: that
    is said until the editor makes them agree. A blurb in `refreshed` (its text written again from
    its Markdown, which no one edited: an older curator's) is kept without a word."""
    if not record.as_published:  # (an older curator's issue: the store kept no articles)
        return []
    ids = _stored_ids(record, issue)
    json_file = out_dir / f"issue-{issue.number}.json"
    notes = []
    for sec in issue.sections:
        for e in sec.entries:
            art = e.article
            if art.url in disagree:
                continue
            if art.url not in ids:
                notes.append(_added_kept(store, issue.number, sec.subject, art, json_file))
                continue
            article_id = ids[art.url]
            was = record.as_published[article_id]
            changed = [
                name
                for name in _CORRECTABLE
                if _as_compared(getattr(art, name)) != _as_compared(getattr(was, name))
            ]
            if not changed:
                continue
            credit = bool({"authors", "publication"} & set(changed))
            # (a blurb written again from its Markdown is curator's, not a correction)
            blurb = bool({"blurb", "blurb_markdown"} & set(changed)) and art.url not in refreshed
            store.set_published_article(
                issue.number, article_id, art, credit_corrected=credit, blurb_corrected=blurb
            )
            if art.url in refreshed and changed == ["blurb"]:
                continue
            where = f'issue {issue.number}, "{art.title}"'
            if art.url in dropped:
                notes.append(
                    f'{where}: its corrected "blurb" is published in every edition, and the'
                    ' store now keeps it too; its Markdown ("blurb_markdown", the old blurb) was'
                    " left out"
                    + (
                        " (its links, written <https://...>, are published as links)"
                        if art.blurb_markdown
                        else ""
                    )
                )
                continue
            # A credit or title corrected to hold HTML or Markdown is shown as typed, as a
            # draft's is, and said as a draft's `author:` line is (walk162 #4).
            for name in ("title", "authors", "publication"):
                values = art.authors if name == "authors" else [getattr(art, name)]
                for value in values if name in changed else ():
                    if value and (markup := plain_text_markup(value)):
                        notes.append(
                            f'{where}: its "{name}" as corrected in {json_file},'
                            f" {json.dumps(value, ensure_ascii=False)}, holds"
                            f" {', '.join(dict.fromkeys(markup))}, which the web, email,"
                            " Markdown and JSON editions show as typed and the .txt without its"
                            " tags that run or load something (titles, authors and publications"
                            " are plain text, not Markdown or HTML): write it as plain text"
                        )
            # Its "blurb" written from the "blurb_markdown" the editor corrected is no edit of
            # theirs (walk149 #13: an edit of blurb_markdown alone was said to be of both).
            written = art.url in followed and {"blurb", "blurb_markdown"} <= set(changed)
            if written:
                changed.remove("blurb")
            fields = " and ".join(f'"{name}"' for name in changed)
            are = "is" if len(changed) == 1 else "are"
            notes.append(
                f"{where}: its {fields} as corrected in {json_file} {are} published"
                + (
                    ' in every edition (its "blurb", the plain text of the text edition, is'
                    " written again from it)"
                    if written
                    else ""
                )
                + ", and the store now keeps it too (an issue whose file is lost comes back from"
                " the store as published"
                + (
                    "; a later issue featuring it again credits it so, unless its draft's"
                    " `author:` or `publication:` lines say otherwise"
                    if credit
                    else ""
                )
                + (
                    "; a later issue featuring it again publishes this blurb, unless its draft"
                    " gives another"
                    if blurb
                    else ""
                )
                + ")"
            )
    return notes


def _added_kept(store: Store, number: int, subject: str, art: Article, json_file: Path) -> str:
    """Record an article added to published issue `number`'s issue-N.json as featured by it when
    its address is a stored article's, and say what the store keeps of it.

    Why: a stored article added there was published by `render N` and featured again by the next
    build, unsaid (walk155 #3; README: an article is never featured twice), as an article cut
    there came back before `Store.cut_from_issue`."""
    where = f'issue {number}, "{art.title}": its address in {json_file}, {art.url},'
    stored = store.article_by_url(art.url)
    if stored is None:
        return (
            f"{where} is no article the store holds, and it cannot tell which one it replaced:"
            " it is published, but the store keeps the issue's articles as they were, so the"
            f" next issues cannot know issue {number} published it (keep the file: an issue whose"
            " file is lost comes back from the store without it)"
        )
    others = [n for n in store.issues_featuring(stored.id) if n != number]
    store.add_to_issue(number, stored.id, subject, art)
    return (
        f"{where} is an article the store holds, added to the issue: it is published, and the"
        f" store now keeps it as featured by issue {number}, so no later issue features it"
        " (an issue whose file is lost comes back from the store with it)"
        + (
            f"; issue{'s' if len(others) > 1 else ''} {', '.join(map(str, others))} published"
            " it too"
            if others
            else ""
        )
    )


def _as_compared(value: object) -> object:
    """A field of an article as two records of it are compared: text with its runs of spaces
    as one (the JSON edition and the store may wrap it differently), no text as none."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, tuple):
        return tuple(" ".join(str(v).split()) for v in value)
    return value


def record_unknown_issues(
    config: Config, store: Store, out_dir: Path
) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Record in the store the issues `out_dir` published after the store's last (`curator
    render --record`), each from its issue-N.json: its articles the store holds count as featured
    by it (no later issue features them again) and the next build numbers its issue after them.
    Returns the issues recorded and what to say of them.

    Why: a store put back from a backup taken before issue N was published stopped the next build
    (rightly: it would publish another issue N), and the only way on that kept the published issue
    was a newer backup, if there was one (walk164 N5)."""
    last = store.next_issue_number() - 1
    published, warnings = published_issues(out_dir)
    numbers: list[int] = []
    while last + len(numbers) + 1 in published:
        numbers.append(last + len(numbers) + 1)
    if not numbers:
        unread = [w for w in warnings if f"issue-{last + 1}.json" in w]
        later = sorted(n for n in published if n > last)
        raise CuratorError(
            f"{out_dir} holds no issue-{last + 1}.json that the store could record after its last"
            f" issue ({last or 'none'}): "
            + (
                "; ".join(unread)
                if unread
                else f"its next issue there is {later[0]}, not {last + 1}"
                if later
                else "every issue published there is recorded; nothing was changed"
            )
        )
    notes: list[str] = []  # (an issue-N.json that cannot be read: `render` says so)
    for number in numbers:
        issue = published[number]
        json_file = out_dir / f"issue-{number}.json"
        try:  # (when it was published: when its issue-N.json was written)
            at = datetime.fromtimestamp(json_file.stat().st_mtime, UTC)
        except OSError:
            at = datetime.now(UTC)
        unknown: list[str] = []
        untold: list[str] = []
        seen: set[int] = set()
        sections = []
        # One step: the articles the store never held, recorded from issue-N.json, and the issue.
        with store.transaction():
            for sec in issue.sections:
                entries = []
                for entry in sec.entries:
                    stored = store.article_by_url(entry.article.url) if entry.article.url else None
                    if stored is None and entry.article.url:
                        # Kept as issue-N.json published it (address, title, credit, blurb), so
                        # that it counts as featured when a feed gives it again: README's "never
                        # featured twice" (walk174 #4: a store lost, its issues recorded back,
                        # and the next build published issue 1's articles again).
                        art = replace(entry.article, first_seen=at)
                        store.add_articles([(url_key(entry.article.url), art)], feed_url=None)
                        stored = store.article_by_url(entry.article.url)
                        unknown.append(entry.article.url)
                    if stored is None:  # (no address: nothing a feed could give again)
                        untold.append(entry.article.title)
                        continue
                    if stored.id in seen:  # (listed twice in issue-N.json: one entry per article)
                        continue
                    seen.add(stored.id)
                    copies = []
                    for _, url in entry.also_covered_by:
                        copy = store.article_by_url(url) if url else None
                        if copy is not None and copy.id != stored.id:
                            copies.append(Copy(copy, sec.subject, f"named in issue-{number}.json"))
                    # (published as issue-N.json has it: its title, credit and blurb)
                    art = replace(entry.article, id=stored.id)
                    entries.append(replace(entry, article=art, copies=tuple(copies)))
                sections.append(replace(sec, entries=tuple(entries)))
            issue = replace(issue, sections=tuple(sections))
            history = theme_history(config, store).issues
            planned = bool(issue.theme) and plan_entry(config, history, issue.theme) is not None
            record_published(config, store, issue, at, planned=planned)
            if (store.unfinished_issue() or 0) <= number:
                store.finish_issue()
        featured = sum(len(sec.entries) for sec in issue.sections)
        notes.append(
            f"issue {number} is recorded in the store {store.path} from {json_file}: its"
            f" {featured} article(s) count as featured by it, so no later issue features them"
            + (", and it took its theme's place in the plan of themes" if planned else "")
            + (
                f"; {len(unknown)} of them the store did not hold ({', '.join(unknown[:3])}"
                f"{f' and {len(unknown) - 3} more' if len(unknown) > 3 else ''}): they are"
                f" recorded from {json_file.name} as published there, so a feed that gives"
                " them again does not make them new"
                if unknown
                else ""
            )
            + (
                f"; {len(untold)} of its articles have no address there, so the store cannot"
                f" count them as featured ({', '.join(untold[:3])}"
                f"{f' and {len(untold) - 3} more' if len(untold) > 3 else ''})"
                if untold
                else ""
            )
        )
    return tuple(numbers), tuple(notes)


def render_issues(
    config: Config,
    store: Store,
    numbers: Sequence[int] = (),
    *,
    every: bool = False,
    out_dir: Path,
    templates: Path | None = None,
) -> RenderResult:
    """Render published issues again with today's templates and settings (issue `numbers`, every
    issue, or the newest), then the archive page, the feed of issues and latest.html; each issue
    as it was published (its issue-N.json, else the store's record). Records nothing but an
    issue's date (`_dates_kept`), title, editor, introduction, closing line and sections' headings
    (`_issue_kept`), its articles' addresses, titles, credits and blurbs (`_corrections_kept`)
    corrected in its issue-N.json, and the articles cut from it there (`_cuts_kept`). An issue-N.json it cannot read and writes again is kept beside
    it first (`_kept_copy`)."""
    env = environment(templates or config.settings.templates, language=config.language)
    utm = config.utm or None
    formats = config.settings.outputs or OUTPUTS
    # (walk179 #2: an index.html or feed.xml curator did not write, a blog's own, was replaced)
    stop_for_files_not_curators(out_dir, env, formats, nothing="Nothing was rendered")
    records = {r.number: r for r in store.issues(with_articles=True)}
    _corrections_refused(out_dir, numbers, every, records)
    published, warnings = published_issues(out_dir)
    issues = dict(published)
    from_store: dict[int, str] = {}
    # The editor's issue-N.json that cannot be read, kept before it is written again (walk115
    # #1: a file with its last "}" left off lost every correction in it, without a copy).
    copies: dict[int, tuple[Path, Path]] = {}
    for record in store.issues(with_articles=True):
        if record.number not in issues:
            issues[record.number] = _issue_from_store(config, store, record)
            path = out_dir / f"issue-{record.number}.json"
            unreadable = _unreadable(path)
            missing = f"issue {record.number}: {path} " + (
                f"cannot be read ({unreadable})" if unreadable else "is missing"
            )
            rewritten = unreadable and "json" in formats
            again = f"; {path.name} was written again from it" if rewritten else ""
            if rewritten and path.exists():
                copy = _kept_copy(path)
                copies[record.number] = (path, copy)
                again += (
                    f", and the file as it was is kept as {copy}: if you had corrected the issue"
                    f" there, make that copy readable, rename it to {path.name} (over the one"
                    f" written) and run `curator render {record.number}` again; else delete it"
                )
            from_store[record.number] = (
                f"{missing}, so it was rendered from the store's record of it: its articles as"
                f" published, with the edits made in its draft{again}"
                if record.as_published
                else f"{missing}, so it was rendered from the store: the articles as stored,"
                " without edits made in its draft (it was published by a curator that did not"
                f" keep them in the store){again}"
            )
    dropped = listed_issues(out_dir, _listed(out_dir / "index.html"))
    if not issues and dropped and not numbers:
        # walk184 #4: the only issue taken back, its files removed; the archive still listed it
        paths, removed = archive_without_issues(
            config,
            store,
            out_dir,
            dropped,
            env=env,
            formats=formats,
            previous_feed=published_feed(out_dir),
        )
        return RenderResult((), paths, changed=paths, archive_dropped=dropped, removed=removed)
    if not issues:
        # walk84 N1: a first build killed half-way left issue-1 files and `.tmp` ones, unnamed.
        left = _unrecorded_leftovers(store, out_dir, stopped_issue_in(store, out_dir), ())
        raise BuildError(
            "; ".join([f"{out_dir}: no issue has been published yet; run `curator build`", *left])
        )
    unknown = sorted(set(numbers) - set(issues))
    if unknown:
        have = ", ".join(str(n) for n in sorted(issues))
        # Exit 1, as for every name that is not there (`curator --help`'s table).
        raise CuratorError(
            f"issue {', '.join(map(str, unknown))} was never published (published: {have}); "
            "`curator render` with no number renders the newest"
        )
    newest = max(issues)
    chosen = sorted(issues) if every else sorted(set(numbers) or {newest})
    # An unreadable issue-N.json rendered from the store is said once, by `from_store`.
    said = {str(out_dir / f"issue-{n}.json") for n in chosen if n in from_store}
    warnings = tuple(w for w in warnings if w.split(": left out of", 1)[0] not in said)
    notes = [*warnings, *(from_store[n] for n in chosen if n in from_store)]
    # The corrections taken into the store and the files written are one step: the store's
    # changes are committed only once every file is in place (walk174 #5: a render killed in
    # between had stored a corrected title and the introduction it rewrote, and the rerun
    # published the old introduction again, crediting the editor with it).
    with _one_step(store):
        # (what the store keeps of each issue before the corrections below take what changed)
        kept_before = {r.number: r for r in store.issues(with_articles=True)}
        notes += _dates_in_text(store, issues, out_dir)
        notes += _headings_in_text(store, issues, out_dir)
        notes += _dates_kept(store, issues, out_dir)
        notes += _credits_corrected(issues, chosen, out_dir, "json" in formats)
        notes += _blurbs_followed(store, issues, chosen, out_dir)
        notes += placeholder_titles(config, {n: i.title for n, i in issues.items()}, out_dir)
        stopped = stopped_issue_in(store, out_dir)
        if stopped in published and not store.has_issue(stopped):  # walk73 #4: said nothing
            notes.append(
                f"issue {stopped} in {out_dir} is from a build that was stopped (killed, or the machine"
                " went down) after it wrote its files and before the store recorded it: it was"
                f" rendered as it is there, and the next `curator build` publishes issue {stopped}"
                " again over it"
            )
        dates = {n: i.date for n, i in issues.items()}
        today = issue_day(datetime.now(UTC)).date()
        for number in sorted(issues):
            notes += dated_out_of_order(dates, number, today=today, out_dir=out_dir)
        files: dict[str, str] = {}
        of_issue: dict[int, dict[str, str]] = {}
        try:
            for number in chosen:
                issue = issues[number]
                with _which_issue(number, len(chosen) > 1):
                    rendered = render_outputs(
                        issue,
                        env=env,
                        site_url=config.site_url,
                        formats=formats,
                        utm=utm,
                        archive=(),
                    )
                rendered.pop("index.html", None)
                rendered.pop("feed.xml", None)
                if number != newest:
                    rendered.pop("latest.html", None)
                files.update(rendered)
                of_issue[number] = rendered
                with _which_issue(number, len(chosen) > 1):
                    notes += _editions_left(
                        issue, env, out_dir, formats, site_url=config.site_url, utm=utm
                    )
            items = []
            for i in issues.values():
                with _which_issue(i.number, len(issues) > 1, " (its entry in feed.xml)"):
                    fragment = fragment_of(
                        i, env, site_url=config.site_url, utm=utm, edition="feed"
                    )
                items.append(archive_item(i, fragment))
            previous = published_feed(out_dir)
            kept_titles = store.newsletter_titles()
            former = former_titles(config.title, kept_titles, previous, items)
            # The title the archive was last written under, when feeds.yaml's is another now
            was = kept_titles[-1] if kept_titles else (former[-1] if former else None)
            renamed = (was, config.title) if was is not None and was != config.title else None
            files.update(
                render_archive(
                    config.title,
                    config.editor,
                    items,
                    env=env,
                    site_url=config.site_url,
                    formats=formats,
                    known_ids=published_feed_ids(out_dir),
                    previous_feed=previous,
                    former=former,
                    # An issue back in the feed (a build left it out, its issue-N.json unreadable)
                    # whose page is as it was: readers read nothing new (walk145 N1).
                    unchanged={
                        n
                        for n, rendered in of_issue.items()
                        if f"issue-{n}.html" in rendered
                        and _holds(out_dir / f"issue-{n}.html", rendered[f"issue-{n}.html"])
                    },
                )
            )
            folder = templates or config.settings.templates
            for number, rendered in of_issue.items():
                if "feed.xml" in files:
                    rendered["feed.xml"] = files["feed.xml"]
                notes += unshown_articles(
                    issues[number], rendered, folder, env=env, site_url=config.site_url, utm=utm
                )
                # Copies older than an issue's theme, closing line or "Another piece in X" drop them
                # here as in `build`, which says so (walk31 #1: `render` was silent).
                notes += unshown_pieces(issues[number], folder)
                notes += clipped_email(issues[number], rendered, out_dir / f"issue-{number}.json")
                notes += linked_stylesheets(env, rendered)
                notes += html_in_text(env, rendered)
                notes += unshown_theme(issues[number], folder)
                notes += nested_headings(rendered, folder)
                notes += reader_notes(config, issues[number], out_dir, rendering=True)
                notes += plain_blurbs(issues[number], folder)
            # feed.xml's entries of the issues not rendered here, rendered there again with these
            # templates (walk179 #1: they lost their credits, unsaid)
            for number in sorted(set(issues) - set(of_issue)) if "feed.xml" in files else ():
                notes += unshown_articles(
                    issues[number],
                    {"feed.xml": files["feed.xml"]},
                    folder,
                    env=env,
                    site_url=config.site_url,
                    utm=utm,
                    feed_entry=True,
                )
            notes += unmarked_language(config.language, folder)
            # The date quoted is the issue's own when one is rendered (walk151 #14).
            day = issues[next(iter(of_issue))].date if len(of_issue) == 1 else None
            notes += untranslated_words(config.language, folder, day)
            notes += missing_words(folder)
            notes += fragment_headings(folder)
            notes += single_brace_fields(folder)
            changed = tuple(
                out_dir / name for name, text in files.items() if not _holds(out_dir / name, text)
            )
            markup_only = tuple(p for p in changed if _reads_the_same(p, files[p.name]))
            kept_after = {r.number: r for r in store.issues(with_articles=True)}
            text_changed = {
                number: found
                for number in chosen
                if kept_before.get(number) == kept_after.get(number)  # (no correction taken now)
                and (found := _text_changed(number, changed, markup_only))
            }
            dropped = tuple(
                sorted(
                    _listed(out_dir / "index.html")
                    - _listed_in(files.get("index.html", ""))
                    - set(issues)
                )
            )
            # (their ids in feed.xml, for an issue published again under the number: N3)
            before_ids = published_feed_ids(out_dir) if dropped else {}
            if not store.db.execute("PRAGMA query_only").fetchone()[0]:
                for number in dropped:
                    if f"issue-{number}.html" in before_ids:
                        store.record_withdrawn_feed_id(number, before_ids[f"issue-{number}.html"])
            archive_changed = tuple(
                p
                for p in changed
                if p.name == "index.html" and p not in markup_only and p.exists()
                if kept_before == kept_after  # (no correction, no issue recorded, taken now)
                and not dropped  # (why it reads otherwise: `archive_dropped`)
            )
            moved = _feed_times_moved(out_dir, files) if out_dir / "feed.xml" in changed else {}
            if out_dir / "feed.xml" in changed:
                notes += unupdated_feed(folder)
            updated = _feed_updated(previous, files.get("feed.xml"), moved)
            for number, (path, copy) in copies.items():
                if number in chosen and not copy.exists():
                    write_atomic(copy, path.read_bytes())
            past = _second_past(previous, files.get("feed.xml"), updated)
            # All the files, or none: a full disk half-way leaves every file as it was.
            written = FileSet({out_dir / name: text for name, text in files.items()})
            written.write()
            paths = written.publish()
            written.keep()
            if not store.db.execute("PRAGMA query_only").fetchone()[0]:
                store.keep_newsletter_title(config.title, former)
            notes += _unrecorded_leftovers(store, out_dir, stopped, set(published))
        except TemplateMistake:  # a mistake in the editor's template: exit 2, as it says
            raise
        except OutputError as exc:
            raise BuildError(str(exc)) from None
        except OSError as exc:
            where = exc.filename2 or exc.filename or out_dir  # a rename: its target
            raise BuildError(
                f"cannot write to {out_dir}: {exc.strerror or exc} ({where}); no file was changed:"
                f" {write_fix(out_dir, exc)}, then run again"
            ) from None
    return RenderResult(
        tuple(chosen),
        paths,
        tuple(notes),
        changed,
        moved,
        updated,
        past,
        markup_only,
        text_changed,
        archive_changed,
        renamed,
        dropped,
    )


@contextmanager
def _one_step(store: Store) -> Iterator[None]:
    """A transaction of the store around a render, when the store can be written (on a
    read-only file system it cannot, and a render only reads it)."""
    if store.db.execute("PRAGMA query_only").fetchone()[0]:
        yield
        return
    with store.transaction():
        yield


def _text_changed(
    number: int, changed: Collection[Path], markup_only: Collection[Path]
) -> tuple[Path, ...]:
    """Issue `number`'s pages and text editions among `changed` that were there before and read
    otherwise now (not `markup_only`)."""
    return tuple(
        p
        for p in changed
        if p.name.startswith(f"issue-{number}.")
        and p.suffix in {".html", ".txt", ".md"}
        and p not in markup_only
        and p.exists()
    )


def _editions_left(
    issue: Issue,
    env: Any,
    out_dir: Path,
    formats: Collection[str],
    *,
    site_url: str | None,
    utm: Mapping[str, str] | None,
) -> list[str]:
    """A warning naming the editions of `issue` in `out_dir` that `outputs:` no longer lists and
    whose text is not what the issue is now: `render` does not write them, so they still say
    what the issue said before.

    Why: with `outputs: [html, json, index, feed, text]` set after issue 2 had every edition,
    `render 2` rewrote those alone and issue-2.email.html, .fragment.html and .md kept the old
    title, unsaid (walk149 #5). Removing published files would surprise: they are named, with
    what to do. The issue-N.json is the issue itself, never out of date."""
    left = [
        name
        for name, (_, pattern) in ISSUE_FORMATS.items()
        if name not in formats
        and name != "json"
        and (out_dir / pattern.format(n=issue.number)).is_file()
    ]
    if not left:
        return []
    # Rendered as when they were published with the others, and compared as text.
    every = (*formats, *left)
    names = [ISSUE_FORMATS[name][1].format(n=issue.number) for name in left]
    try:
        now = render_outputs(issue, env=env, site_url=site_url, formats=every, utm=utm, archive=())
    except TemplateMistake as exc:
        # (a template of an edition no longer published: no reason to stop the render, and
        # no telling whether the file is out of date)
        return [
            f"issue {issue.number}: {', '.join(names)} in {out_dir}: `outputs:` in feeds.yaml no"
            " longer lists these editions, so render did not write them, and whether they say"
            f" what the issue says now cannot be told ({exc}); delete them if no reader is to"
            " get them"
        ]
    stale = [name for name in names if not _holds(out_dir / name, now[name])]
    if not stale:
        return []
    one = len(stale) == 1
    return [
        f"issue {issue.number}: {', '.join(stale)} in {out_dir} {'is' if one else 'are'} out of"
        f" date: `outputs:` in feeds.yaml no longer lists {'its edition' if one else 'them'},"
        f" so render did not write {'it' if one else 'them'}, and {'it' if one else 'they'}"
        " still say what the issue said when last written, not what it says now; add"
        f" {'it' if one else 'them'} back to `outputs:` and render again, or delete"
        f" {'it' if one else 'them'} so that no reader gets the old text"
    ]


@contextmanager
def _which_issue(number: int, several: bool, what: str = "") -> Iterator[None]:
    """A template mistake met rendering one of several issues names that issue (walk123: `render
    --all` with an error in one issue's text did not say which)."""
    try:
        yield
    except TemplateMistake as exc:
        if not several:
            raise
        raise TemplateMistake(f"issue {number}{what}: {exc}") from None


def _feed_updated(
    before: bytes | None, after: str | None, moved: Mapping[int, tuple[str, str]]
) -> tuple[tuple[int, ...], str]:
    """The issues (not those whose time moved: said apart) whose <updated> in feed.xml `after`
    is new since `before`, and that time (walk86 #3); an issue `before` left out (its
    issue-N.json could not be read) is one when `after` marks it updated (walk115 #3)."""
    if not before or not after:
        return (), ""
    old, new = feed_times(before, "updated"), feed_times(after, "updated")
    published = feed_times(after)
    # (moved forward: a copy made before `updated_rfc3339` writes the entry's date there, back
    # from the time a correction gave it, which no feed reader shows as a change: walk156 #10)
    marked = tuple(
        n
        for n in sorted(new)
        if n not in moved
        and (_later(new[n], old[n]) if n in old else bool(old) and new[n] != published.get(n))
    )
    return marked, (new[marked[0]] if marked else "")


def _later(new: str, old: str) -> bool:
    """Whether RFC 3339 time `new` is after `old` (differs from it, when one cannot be read)."""
    try:
        return datetime.fromisoformat(new) > datetime.fromisoformat(old)
    except (ValueError, TypeError):  # (TypeError: one with a zone, one without)
        return new != old


def _second_past(
    before: bytes | None, after: str | None, updated: tuple[tuple[int, ...], str]
) -> str:
    """What the <updated> time `updated` gave its first issue is a second past when it is dated
    after today (`render_archive`): "<published>", or "<updated>" (the time it had); "" when it is
    no such time (walk115 #4: "a second past the <updated> it had" was said of the first
    correction, a second past <published>)."""
    marked, at = updated
    if not marked or not before or not after:
        return ""
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        return ""
    if when <= datetime.now(UTC):
        return ""
    one = timedelta(seconds=1)
    # (<published> first: the same time as the <updated> it had, it is the one that says why)
    for tag in ("published", "updated"):
        stamp = feed_times(before if tag == "updated" else after, tag).get(marked[0], "")
        with suppress(ValueError):
            if datetime.fromisoformat(stamp) + one == when:
                return f"<{tag}>"
    return ""


def _feed_times_moved(out_dir: Path, files: Mapping[str, str]) -> dict[int, tuple[str, str]]:
    """The issues whose <published> time in the feed.xml about to be written differs from the one
    in `out_dir`'s (walk62 #4: after an upgrade, issues of one day got times a second apart, and
    render said only that feed.xml changed)."""
    try:
        before = feed_times((out_dir / "feed.xml").read_bytes())
    except OSError:
        return {}
    after = feed_times(files.get("feed.xml", ""))
    # (only those moved within their day: a date corrected is said by `_dates_kept`)
    return {
        n: (t, after[n])
        for n, t in sorted(before.items())
        if after.get(n, t) != t and after[n][:10] == t[:10]
    }


def _dates_in_text(store: Store, issues: dict[int, Issue], out_dir: Path) -> list[str]:
    """Each issue whose date was corrected in its issue-N.json (it differs from the store's) has
    its old date, as `{date}` wrote it, replaced by the new one in its introduction and closing
    line, saying so (walk113 #3: the header said December 18 and the introduction "Issue 2 lands
    on December 17", unwarned). The store keeps the new text too (`_dates_kept` its date)."""
    notes = []
    for record in store.issues():
        issue = issues.get(record.number)
        if issue is None or issue.date == stored_day(record):
            continue
        old, new = date_text(stored_day(record)), date_text(issue.date)
        parts = [
            (name, text)
            for name, text in (
                ("introduction", issue.introduction),
                ("closing line", issue.closing),
            )
            if text and old in text
        ]
        if old == new or not parts:
            continue
        issues[record.number] = issue = replace(
            issue,
            introduction=(issue.introduction or "").replace(old, new),
            closing=(issue.closing or "").replace(old, new),
        )
        store.set_issue_text(record.number, issue.introduction, issue.closing)
        where = " and its ".join(name for name, _ in parts)
        notes.append(
            f'issue {record.number}: its {where} said "{old}", its date before it was corrected'
            f' in {out_dir / f"issue-{record.number}.json"}: it now says "{new}" there (if the'
            " old date was meant, write it back there and run `curator render"
            f" {record.number}` again)"
        )
    return notes


def _headings_in_text(store: Store, issues: dict[int, Issue], out_dir: Path) -> list[str]:
    """Each issue whose "title" or "editor" was corrected in its issue-N.json (it differs from the
    store's) has the old one, as `{title}` or `{editor}` wrote it, replaced by the new one in its
    introduction and closing line, saying so, as `_dates_in_text` does for `{date}` (walk123 #3:
    the header said "CX Weekly Test", the introduction "Welcome to issue 1 of My Newsletter" in
    every edition and feed.xml). An editor corrected to none is not taken out of a sentence: said,
    naming the text to correct."""
    notes = []
    for record in store.issues():
        issue = issues.get(record.number)
        if issue is None:
            continue
        json_file = out_dir / f"issue-{record.number}.json"
        for what, old, new in (
            ("title", record.title, issue.title),
            ("editor", record.editor, issue.editor or ""),
        ):
            old, new = " ".join((old or "").split()), " ".join((new or "").split())
            if not old or old == new:
                continue
            said = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
            parts = [
                name
                for name, text in (
                    ("introduction", issue.introduction),
                    ("closing line", issue.closing),
                )
                if text and said.search(text)
            ]
            if not parts:
                continue
            where = " and its ".join(parts)
            if not new:
                notes.append(
                    f'issue {record.number}: its {where} still says "{old}", its {what} before'
                    f" it was corrected in {json_file}: correct the text there too (its"
                    f' "introduction" or "closing"), then run `curator render {record.number}`'
                )
                continue
            # (text the editor corrected too is kept, and said, with their other corrections
            # by `_issue_kept`; text as published is kept here, so it is not told as theirs)
            untouched = _as_compared(issue.introduction) == _as_compared(
                record.introduction
            ) and _as_compared(issue.closing) == _as_compared(record.closing)
            issues[record.number] = issue = replace(
                issue,
                introduction=said.sub(new, issue.introduction or ""),
                closing=said.sub(new, issue.closing or ""),
            )
            if untouched:
                store.set_issue_text(record.number, issue.introduction, issue.closing)
            notes.append(
                f'issue {record.number}: its {where} said "{old}", its {what} before it was'
                f' corrected in {json_file}: it now says "{new}" there (if the old one was meant,'
                f" write it back there and run `curator render {record.number}` again)"
            )
    return notes


def _dates_kept(store: Store, issues: Mapping[int, Issue], out_dir: Path) -> list[str]:
    """The store takes each issue's date from its issue-N.json where the two differ (the editor
    corrected it there, as the out-of-order warning says: walk49 #1, `render` without the file
    went back to the old date), saying so."""
    notes = []
    for record in store.issues():
        issue = issues.get(record.number)
        if issue is None or issue.date == stored_day(record):
            continue
        store.set_issue_date(record.number, issue.date)
        notes.append(
            f"issue {record.number} is dated {issue.date.date().isoformat()} in"
            f" {out_dir / f'issue-{record.number}.json'}, and the store had"
            f" {stored_day(record).date().isoformat()}: the store now keeps"
            f" {issue.date.date().isoformat()} too"
        )
    return notes


def _reads_the_same(path: Path, text: str) -> bool:
    """Whether the page or text edition at `path` (an issue's .html, .txt or .md) reads as `text`
    does: the same visible text, its whitespace aside, though written otherwise (walk161 #5:
    `render --all` after an upgrade rewrote every old issue's files, `<bdi>` credits, `lang`,
    headings a level down, and said only that they changed)."""
    if path.suffix not in {".html", ".txt", ".md"}:
        return False
    try:
        before = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if path.suffix == ".html":  # (its <title> too: walk171 #3; where its links go: walk179 #8)
        if not same_links(page_links(before), page_links(text)):
            return False
        before, text = page_text(before), page_text(text)
    return " ".join(before.split()) == " ".join(text.split())


#: A link of the archive page to an issue's page.
_ISSUE_LINK = re.compile(r"""href=["'][^"']*?\bissue-(\d+)\.html["']""")


def _listed_in(text: str) -> set[int]:
    """The issues (by number) an archive page's text links to."""
    return {int(n) for n in _ISSUE_LINK.findall(text)}


def _listed(path: Path) -> set[int]:
    """The issues the archive page at `path` links to (none when it cannot be read)."""
    try:
        return _listed_in(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return set()


def _holds(path: Path, text: str) -> bool:
    """Whether the file at `path` holds `text` already (as write_atomic writes it)."""
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _issue_from_store(config: Config, store: Store, record: IssueRecord) -> Issue:
    """An issue as the store recorded it (when its issue-N.json is gone): its articles as it
    published them (title, credit, publication and blurb as edited in its draft), or, for an
    issue recorded before the store kept those, as stored."""
    descriptions = {s.name: s.description for s in config.subjects}
    renamed = {old.casefold(): new for old, new in store.subject_renames()}

    def description(subject: str) -> str:
        """The subject's description in feeds.yaml, under the name it has now when the editor
        renamed it since (`curator subjects rename`; walk62 #5: published as "")."""
        seen: set[str] = set()
        key = subject.casefold()
        while subject not in descriptions and key in renamed and key not in seen:
            seen.add(key)
            subject = renamed[key]
            key = subject.casefold()
        return descriptions.get(subject, "")

    sections: list[Section] = []

    def as_published(article_id: int) -> Article | None:
        article = store.article_by_id(article_id)
        shown = record.as_published.get(article_id)
        if article is None or shown is None:
            return article
        return replace(
            article,
            title=shown.title,
            authors=shown.authors,
            publication=shown.publication,
            blurb=shown.blurb,
            blurb_markdown=shown.blurb_markdown,
            url=shown.url,
        )

    for subject, article_id in record.featured:
        article = as_published(article_id)
        if article is None:
            continue
        if not sections or sections[-1].subject != subject:
            sections.append(Section(subject, description(subject)))
        last = sections[-1]
        also = tuple(
            (copy.publication or copy.url, copy.url)
            for of, copy_id in record.copies
            if of == article_id and (copy := as_published(copy_id)) is not None
        )
        entry = Scored(article, 0.0, also_covered_by=also)
        sections[-1] = replace(last, entries=(*last.entries, entry))
    # (its date and editor as published, a draft's edits too; an issue recorded before curator
    # kept them: the day it was published and feeds.yaml's editor)
    day = record.day
    scored = stored_scores(
        store,
        Issue(
            number=record.number,
            date=day,
            title=record.title,
            editor=(record.editor or None) if record.editor is not None else config.editor,
            introduction=record.introduction or "",
            sections=tuple(sections),
            theme=record.theme,
            closing=record.closing or "",
        ),
    )
    # (each section under the heading its issue-N.json corrected, kept by `_issue_kept`; scored
    # under its subject above)
    return replace(
        scored,
        sections=tuple(
            replace(sec, subject=record.headings.get(sec.entries[0].article.id, sec.subject))
            if sec.entries
            else sec
            for sec in scored.sections
        ),
    )
