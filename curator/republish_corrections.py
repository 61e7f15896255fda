"""The editor's corrections in a published issue's issue-N.json, as `curator render`
(`curator.republish`) takes them: refused, before anything is written, when curator would publish
them wrong or drop them (`corrections_refused`); a corrected blurb field published in every
edition (`blurbs_followed`); a corrected credit published as one line (`credits_corrected`); an
old date, title or editor replaced in the issue's introduction and closing line
(`dates_in_text`, `headings_in_text`); and what they changed kept in the store (`dates_kept`, and
through `blurbs_followed` the issue's own fields, its articles' and the articles cut from it)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from curator.app import stored_day
from curator.errors import InputError, shell_arg
from curator.htmltext import html_to_text
from curator.issuecheck import issue_mistakes
from curator.issuedata import ISSUE_JSON, issue_data, issue_from_data
from curator.issuetext import link_warnings
from curator.markdowntext import markdown_text, plain_text_markup, text_with_links
from curator.markdowntext_links import typed_markdown_link
from curator.models import (
    Article,
    Issue,
)
from curator.render import (
    date_text,
    join_names,
    words_date,
)
from curator.store import (
    IssueRecord,
    Store,
)

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


def corrections_refused(
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
            named = ISSUE_JSON.match(path.name)
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


def blurbs_followed(
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


def credits_corrected(
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
    credit or blurb), saying so once, as `dates_kept` keeps a corrected date.

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
                issue.number,
                article_id,
                art,
                credit_corrected=credit,
                blurb_corrected=blurb,
                # (carried to an issue featuring it again: walk199 #2)
                title_corrected="title" in changed,
            )
            if art.url in refreshed and changed == ["blurb"]:
                continue
            where = f'issue {issue.number}, "{art.title}"'
            from_markdown = art.url in followed and "blurb_markdown" in changed
            if (
                "blurb" in changed
                and not from_markdown
                and (typed := typed_markdown_link(art.blurb or ""))
            ):
                # walk183 #9: "See [this](/more)." was published as typed, said only "published"
                notes.append(
                    f'{where}: its corrected "blurb" holds {typed}, which is published as typed:'
                    ' "blurb" is plain text; to publish a link, write the blurb in Markdown as'
                    f' its "blurb_markdown" in {json_file}'
                )
            # walk190 #5: a plain "blurb" corrected to hold HTML was published as typed, unsaid
            if "blurb" in changed and (art.blurb_markdown is None or art.url in dropped):
                tags = [m for m in plain_text_markup(art.blurb or "") if m.startswith("the HTML")]
                if tags:
                    notes.append(
                        f'{where}: its "blurb" as corrected in {json_file} holds'
                        f" {', '.join(dict.fromkeys(tags))}, which the web, email, Markdown"
                        " and JSON editions show as typed and the .txt without its tags that run"
                        ' or load something ("blurb" is plain text, not HTML): write it as plain'
                        ' text, or style it in Markdown as its "blurb_markdown"'
                    )
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
                + (
                    "; a later issue featuring it again publishes this title, unless its draft"
                    " gives another"
                    if "title" in changed
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


def dates_in_text(
    store: Store, issues: dict[int, Issue], out_dir: Path, templates: Path | None = None
) -> list[str]:
    """Each issue whose date was corrected in its issue-N.json (it differs from the store's) has
    its old date, as `{date}` wrote it, replaced by the new one in its introduction and closing
    line, saying so (walk113 #3: the header said December 18 and the introduction "Issue 2 lands
    on December 17", unwarned). The store keeps the new text too (`dates_kept` its date)."""
    notes = []
    for record in store.issues():
        issue = issues.get(record.number)
        if issue is None or issue.date == stored_day(record):
            continue
        # (as the templates' _words.txt writes it, walk191 #3; else in English, as {date} was
        # written before)
        old, new = words_date(templates, stored_day(record)), words_date(templates, issue.date)
        if old not in f"{issue.introduction} {issue.closing}":
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


def headings_in_text(store: Store, issues: dict[int, Issue], out_dir: Path) -> list[str]:
    """Each issue whose "title" or "editor" was corrected in its issue-N.json (it differs from the
    store's) has the old one, as `{title}` or `{editor}` wrote it, replaced by the new one in its
    introduction and closing line, saying so, as `dates_in_text` does for `{date}` (walk123 #3:
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


def dates_kept(store: Store, issues: Mapping[int, Issue], out_dir: Path) -> list[str]:
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
