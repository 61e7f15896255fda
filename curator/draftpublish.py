"""`curator build --draft`: publish exactly what the edited draft says (`build_from_draft`),
its articles added by address read first, every check of the draft said before anything is
published."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from curator import articles as article_rules
from curator import articles_addresses as article_addresses
from curator.articlewarnings import same_stories, unread_pages
from curator.buildresult import BuildResult
from curator.config import Config
from curator.credittypos import stop_for_typos, stop_for_typos_once_read
from curator.draft import (
    blurb_mistakes,
    check_blurbs,
    draft_to_issue,
    dropped_credits,
    empty_sections,
    excluded_since,
    featured_again,
    merged_sections,
    moved_addresses,
    named_twice,
    read_draft,
    same_story_twice,
    stop_for,
)
from curator.draftbuild import (
    below_min_articles,
    corrected_since_drafted,
    credits_since_drafted,
    draft_text_warnings,
    reader_notes,
    rebuilt_since_drafted,
    stored_scores,
)
from curator.draftbuild import blurbs_by_address as _blurbs_by_address
from curator.draftbuild import check_draft_variables as _check_draft_variables
from curator.draftbuild import credits_by_address as _credits_by_address
from curator.draftbuild import draft_passed_over as _draft_passed_over
from curator.draftbuild import draft_theme_source as _draft_theme_source
from curator.draftbuild import fill_draft_variables as _fill_draft_variables
from curator.draftbuild import followed_names as _followed_names
from curator.draftbuild import issue_json as _issue_json
from curator.draftbuild import known_articles as _known_articles
from curator.draftbuild import own_title as _own_title
from curator.draftbuild import read_unread as _read_unread
from curator.draftbuild import store_read as _store_read
from curator.draftbuild import titles_by_address as _titles_by_address
from curator.draftbuild import unread_listed_notes as _unread_notes
from curator.draftbuild import with_copies as _with_copies
from curator.draftbuild import with_read_authors as _with_read_authors
from curator.draftcheck import (
    changed_addresses,
    dropped_editor,
    headless_sections,
    merged_blurbs,
    renamed_headings,
    swapped_addresses,
    titles_to_look_up,
    url_lines,
)
from curator.draftend import cut_off_warning
from curator.draftfiles import other_edited_drafts as _other_edited_drafts
from curator.draftpublication import publications_since_drafted
from curator.errors import InputError
from curator.firstread import read_failed
from curator.foreignfiles import stop_early_for_files_not_curators
from curator.harvest import FetchSummary, fetch_settings
from curator.issuedates import dated_ahead as _dated_ahead
from curator.issuedates import dated_before as _dated_before
from curator.linkcheck import recheck_draft
from curator.models import Article
from curator.nextissue import from_removed_feeds as _from_removed_feeds
from curator.nextissue import published_just_now as _published_just_now
from curator.nextissue import repeat_warning as _repeat_warning
from curator.ownership import stop_for_another_newsletters_draft
from curator.placement import feed_names, refresh, story_boilerplate
from curator.publishissue import publish_issue, stop_early_for_unrecorded_issue
from curator.renamedsubjects import renamed_subjects
from curator.render import issue_day
from curator.runlock import BuildError
from curator.select import told_before
from curator.store import RETOLD_ISSUES, Store
from curator.subjectedit import Edited
from curator.templatecheck import single_brace_fields
from curator.templatecopies import (
    plain_blurbs,
    unmarked_language,
    unshown_pieces,
    unshown_theme,
)
from curator.templatelinks import copy_link_warnings
from curator.templatewords import (
    and_joins,
    fragment_headings,
    missing_words,
    untranslated_words,
)
from curator.themes import history_notes, takes_plan_place, theme_history
from curator.themes_promise import (
    broken_promise,
    closing_mismatch,
    draft_thins_promise,
    thin_promise,
)
from curator.urls import url_key
from curator.wordlang import newsletter_language_warnings


def build_from_draft(
    config: Config,
    store: Store,
    draft_file: Path,
    *,
    now: datetime,
    out_dir: Path,
    templates: Path | None = None,
    gone_said: bool = False,
    edited: Edited | None = None,
) -> BuildResult:
    """Publish exactly what the edited draft says; articles added by URL are read first
    (`gone_said`: as `publish_issue`'s)."""
    stop_for_another_newsletters_draft(config, draft_file)  # (walk166 #2: before it is read)
    names = [s.name for s in config.subjects]
    draft = read_draft(
        draft_file,
        names,
        today=issue_day(now).date(),
        renames=renamed_subjects(store.db, names),  # (fixie #1)
    )
    expected = store.next_issue_number()
    if draft.number != expected:
        # The draft's `number:` is out of step (published already, or edited): a mistake in the
        # draft (exit 2), as README's table of exit codes says.
        if draft.number < expected:
            # walk89 #3: "correct `number:`" then gave an error per article the published issue
            # had featured already; a fresh draft of the next issue is what works.
            # walk149 #7: it gave the new draft as the way to publish the edits, which makes
            # another issue; a correction to this one is made in its issue-N.json.
            n = draft.number
            json_file = out_dir / f"issue-{n}.json"
            raise InputError(
                f"{draft_file}: the draft is issue {n}, which was published already, and a draft"
                f" is built once. To correct issue {n}, edit {json_file} (an article's"
                ' "title", "authors", "publication", "blurb" or "blurb_markdown", "url"; the'
                ' issue\'s "title", "introduction", "closing", "date") and run'
                f" `curator render {n}`. To make a new issue of your edits instead, run `curator"
                f" draft` for a draft of issue {expected} (articles issue {n} featured are not"
                " in it), copy your edits over into it, and build that draft"
            )
        carry_on = (
            # (walk202 #2: a newsletter moved from another tool carries on its numbering)
            f"; or, to carry on the numbering of issues published before curator, add"
            f" `first_issue: {draft.number}` under `settings:` in {config.path}"
            if store.last_issue_number() is None
            else ""
        )
        raise InputError(
            f"{draft_file}: the draft is issue {draft.number}, but the next issue is {expected};"
            f" run `curator draft` for a fresh one, or correct `number:`{carry_on}"
        )
    # Before an article added by address is read and stored (walk171 #5), and before placing,
    # which takes minutes after an upgrade (walk101 #2).
    stop_early_for_unrecorded_issue(config, store, out_dir, draft.number)
    stop_early_for_files_not_curators(config, out_dir, templates)  # (walk179 #2)
    _check_draft_variables(draft, draft_file)
    descriptions = {s.name: s.description for s in config.subjects}
    known = _known_articles(store, draft.entries)
    # Credited as a picked article is: by its feed's `name:` as feeds.yaml gives it now, which
    # may have changed since it was stored (walk45 #1: one added by address kept the old name).
    named = feed_names(config, store)
    # (walk178 #7, walk183: a title or credit a letter or two off, before a page is read)
    drafted = store.draft_titles(draft.number)
    authors = store.draft_authors(draft.number)  # (walk199 #1: as curator wrote them)
    named_known = {u: named(a) for u, a in known.items()}
    stop_for_typos(config, draft, named_known, draft_file, drafted, authors)
    checked_early = set(known)
    failed: dict[str, str] = {}  # (fixjq #2: a page never read that could not be read now)
    fresh, gone = _read_unread(config, store, draft.entries, known, now, failed)
    unread_listed = {url: known[url] for url in failed}
    read_now = dict(fresh)  # (stored once the draft is found fit to publish: walk180 #1)
    chosen_titles = {url_key(a.url): a.title_chosen_from for a in fresh.values()}
    draft = _with_read_authors(draft, fresh)  # (fixjq #2: a page never read, read now)
    fresh = {url: named(article) for url, article in fresh.items()}
    known = {url: named(article) for url, article in known.items()} | fresh
    credits = dropped_credits(draft, known, draft_file)
    # (the blurbs curator wrote into the draft: one rebuilt since is no edit of the editor's)
    written_blurbs = store.draft_blurbs(draft.number)
    written_titles = store.draft_titles(draft.number)  # (likewise its headings)
    written_publications = store.draft_publications(draft.number)  # (and publications: fixlx #2)
    issue, missing = draft_to_issue(
        draft,
        known,
        descriptions=descriptions,
        written_blurbs=written_blurbs,
        written_authors=authors,
        written_titles=written_titles,
        written_publications=written_publications,
    )
    unreachable: list[str] = []
    if missing:
        added, unread = article_rules.articles_from_urls(
            missing, fetch_settings(config), now=now, site_names=_followed_names(config, store)
        )
        store.add_articles(added.articles, feed_url=None, aliases=added.aliases)
        chosen_titles |= {url_key(a.url): a.title_chosen_from for _, a in added.articles}
        lines = {e.url: e.line for e in draft.entries}
        unreachable = [
            f"{draft_file}:{lines.get(link, '?')}: {link}: "
            + article_addresses.unreachable_note(named, why, "the address you gave")
            for link, _title, named, why in added.unreachable
        ] + [
            # walk162 #5: a relative canonical its <base href> put on another site, not used
            f"{draft_file}:{lines.get(link, '?')}: {link}: "
            + article_addresses.base_refused_note(
                named, base, published, link, "the address you gave"
            )
            for link, _title, named, base, published in added.base_refused
        ]
        known = {url: named(a) for url, a in _known_articles(store, draft.entries).items()}
        known |= fresh
        issue, missing = draft_to_issue(
            draft,
            known,
            descriptions=descriptions,
            written_blurbs=written_blurbs,
            written_authors=authors,
            written_titles=written_titles,
        )
    else:
        unread = {}
    # A stored article whose page is gone (404, 410, a redirect away) is a dead link: added by
    # address, it stops the build as an address never stored that cannot be read (walk36 #1).
    unread |= gone
    missing = (*missing, *(u for u in gone if u not in missing))
    if missing:
        lines = {e.url: e.line for e in draft.entries}
        where = "".join(
            f"\n  {draft_file}:{lines.get(u, '?')}: {u}"
            + (f" ({unread[u]})" if u in unread else "")
            for u in sorted(missing, key=lambda u: lines.get(u, 0))
        )
        private = ""
        if any(unread.get(u, "").startswith("refused: ") for u in missing):
            # Refused as not public (walk48 #5): the setting that reads it is the fix to name.
            private = (
                "; one refused as not at a public address is read if you set"
                f" `allow_private_addresses: true` under `settings:` in {config.path} (for a site"
                " on your own network, or a test site)"
            )
        raise BuildError(
            f"{draft_file}: cannot read the article(s) added by URL; check the address, or remove"
            f" it from the draft{private}:{where}"
        )
    stop_for_typos_once_read(draft, known, draft_file, checked_early, drafted, authors)  # walk190
    if not issue.sections:
        raise BuildError(f"{draft_file}: the draft has no articles left; nothing to publish")
    # An article an earlier issue featured stops the build unless the draft says it is meant.
    ids = [e.article.id for s in issue.sections for e in s.entries]
    # Two addresses the store knows as one article (an alias): one article, named twice; a
    # heading over another stored article's address (walk142 #2), said with them.
    as_written = draft_file.read_text(encoding="utf-8")
    at_url = url_lines(as_written, draft.entries)
    titled = store.articles_titled(titles_to_look_up(draft))
    as_stored = {a.id: a for a in store.articles_by_ids([i for i in ids if i is not None])}
    as_stored |= {a.id: a for a in read_now.values()}  # (as the build will store them)
    originals = [as_stored.get(e.article.id, e.article) for s in issue.sections for e in s.entries]
    saved = datetime.fromtimestamp(draft_file.stat().st_mtime, UTC)
    excluded = store.exclusions_made([i for i in ids if i is not None])
    stop_for(
        draft_file,
        named_twice(draft, ids, draft_file)
        + swapped_addresses(draft, originals, draft_file, titled, at_url)
        + excluded_since(draft, ids, excluded, saved, draft_file)
        # (walk174 #2: a blurb left under deleted heading lines merged into the one above)
        + merged_blurbs(
            draft, issue, store.articles_by_ids(list(store.draft_titles(draft.number))), draft_file
        ),
    )
    # (walk177 N5: a `# Subject` heading line deleted merged its articles into the section above)
    headless, merged = headless_sections(
        draft, issue, store.draft_sections(draft.number), draft_file
    )
    earlier = [store.issues_featuring(i) for i in ids]
    as_copy = [store.issues_featuring(i, only_copies=True) for i in ids]
    titles: list[str] = []
    if any(earlier):  # the title the last issue featuring each published it under
        as_published = {r.number: r.as_published for r in store.issues(with_articles=True)}
        titles = [
            (as_published.get(numbers[-1], {}).get(i) or Article(id=i, url="", title="")).title
            if numbers
            else ""
            for i, numbers in zip(ids, earlier, strict=True)
        ]
    # An article telling a story a recent issue published (the comparison `curator draft` leaves
    # such candidates out by) is published again only on purpose (walk161 #1: a draft an older
    # curator wrote, or an address added by hand): the draft's own note of them listed those it
    # found, so one moved out of it is meant, as the note says.
    noted = {row[0] for row in store.draft_retold(draft.number)}
    told = told_before(originals, store.recent_published(RETOLD_ISSUES), story_boilerplate(store))
    told_again = [
        None if numbers or article.id in noted else story
        for article, numbers, story in zip(originals, earlier, told, strict=True)
    ]
    # Two articles of the draft telling one story are refused as a copy of an earlier issue's
    # story is (walk169 #8: a syndicated copy and its original were published side by side).
    twice, twins = same_story_twice(
        draft,
        originals,
        draft_file,
        compared=store.draft_compared(draft.number),
        boilerplate=story_boilerplate(store),
    )
    repeats = twice + featured_again(
        draft,
        issue,
        earlier,
        draft_file,
        as_copy=as_copy,
        titles=titles,
        retold=told_again,
        twins=twins,
        featured_before=store.featured_before_ids(),
    )
    if repeats:  # said with the articles left without a blurb, if any
        stop_for(draft_file, repeats + blurb_mistakes(draft, issue, draft_file))
    check_blurbs(draft, issue, draft_file)
    moved = moved_addresses(draft, issue, draft_file)
    moved += changed_addresses(draft, issue, draft_file, at_url)
    issue, unnamed = _with_copies(store, draft, issue, draft_file)
    # Its stored articles' pages may be gone since they were stored (walk132): the draft says
    # what to publish, so one gone stops the build, as an address added that cannot be read.
    checked: list[str] = []
    issue, dead = recheck_draft(
        config,
        store,
        issue,
        now=now,
        skip=[a.id for a in fresh.values() if a.id is not None],
        say=checked.append,
    )
    if dead:
        lines = {e.url: e.line for e in draft.entries}
        # (a copy named under its article is a "## URL" line in the draft's note of them)
        for n, text in enumerate(draft_file.read_text(encoding="utf-8").splitlines(), 1):
            if text.startswith("## "):
                lines.setdefault(text[3:].strip(), n)
        where = "".join(
            f"\n  {draft_file}:{lines[a.url]}: {a.url} ({error})"
            if a.url in lines
            else f"\n  {draft_file}: {a.url} ({error}), named under another article"
            for a, error in dead
        )
        raise BuildError(
            f"{draft_file}: the page of an article the draft features is gone since it was"
            " stored: nothing was published; cut it from the draft (or put another address in"
            f" its place), then build again:{where}"
        )
    copies = same_stories(
        issue,
        "it is named under that article as {named}, not as an article"
        f" of its own, and counts as published with this issue ({draft_file} left it in its note"
        " of articles left out as the same story). If they are different stories, to feature it"
        ' in a later issue: add "## {url}" to that issue\'s draft, with {again} in'
        " its front matter",
        templates or config.settings.templates,
    )
    # Every article this draft publishes (those "also covered by" too), by id.
    published_ids = [
        a.id for s in issue.sections for e in s.entries for a in (e.article, *e.copy_articles)
    ]
    said_before = _editor_dropped_before(store, draft.number, config.editor)
    dropped = dropped_editor(draft, draft_file, as_written, config.editor, told_before=said_before)
    if dropped and config.editor:
        store.record_editor_dropped(draft.number, config.editor)
    warnings = (
        *history_notes(config, theme_history(config, store)),
        *broken_promise(
            config,
            store,
            issue.number,
            issue.theme,
            _draft_theme_source(config, store, draft, draft_file),
            published_ids,
            [s.subject for s in issue.sections if s.entries],
        ),
        *_repeat_warning(
            config,
            store,
            issue,
            f"{draft_file}:{draft.introduction_lines[0]}"
            if draft.introduction_lines
            else str(draft_file),
        ),
        *draft_text_warnings(draft, draft_file, known, (out_dir, issue.number)),
        *filter(None, [cut_off_warning(as_written, draft_file)]),
        *corrected_since_drafted(
            draft, draft_file, known, written_titles, _issue_json(out_dir, issue.number)
        ),
        *credits_since_drafted(
            draft, draft_file, known, authors, _issue_json(out_dir, issue.number)
        ),
        *publications_since_drafted(
            draft, draft_file, known, written_publications, _issue_json(out_dir, issue.number)
        ),
        *rebuilt_since_drafted(draft, draft_file, known, written_blurbs, out_dir),
        *_own_title(config, draft, draft_file),
        *_dated_before(store, draft, draft_file, now, out_dir),
        *_published_just_now(store, issue.number, now, draft=True),
        *_from_removed_feeds(config, issue),
        *_dated_ahead(draft, draft_file, now, out_dir),
        *empty_sections(draft, draft_file),
        *below_min_articles(config, issue, draft_file),
        *merged_sections(draft, draft_file),
        *renamed_headings(draft, draft_file, as_written),
        *dropped,
        *_other_edited_drafts(config, store, draft.number, draft_file),
        *unreachable,
        *moved,
        *checked,
        *copies,
        *unshown_pieces(issue, templates or config.settings.templates),
        *unshown_theme(issue, templates or config.settings.templates),
        *reader_notes(config, issue, out_dir),
        *newsletter_language_warnings(config, issue, f"`curator render {issue.number}`"),
        *plain_blurbs(issue, templates or config.settings.templates),
        *unmarked_language(config.language, templates or config.settings.templates),
        *copy_link_warnings(templates or config.settings.templates),
        *untranslated_words(config.language, templates or config.settings.templates, issue.date),
        *missing_words(
            templates or config.settings.templates,
            and_joins(
                [issue],
                [(r.number, r.theme) for r in store.issues()],
                templates or config.settings.templates,
            ),
        ),
        *fragment_headings(templates or config.settings.templates),
        *single_brace_fields(templates or config.settings.templates),
        *unnamed,
        *_unread_notes(unread_listed, failed, _issue_json(out_dir, issue.number), issue.number),
    )
    # Where curator itself places each article now (those added by URL too), to tell the
    # editor which the draft put elsewhere.
    notes: list[str] = []
    _store_read(store, read_now)
    for url, why in failed.items():  # (marked as a fetch marks a read that failed)
        read_failed(store, unread_listed[url], why, now)
    refresh(config, store, say=notes.append, held=True, edited=edited)
    planned = takes_plan_place(config, store, issue.theme)
    featured = [
        a.id for s in issue.sections for e in s.entries for a in (e.article, *e.copy_articles)
    ]
    issue, filled = _fill_draft_variables(
        config, store, draft, issue, planned, featured, draft_file
    )
    warnings = (*warnings, *filled)
    closing_at = f"{draft_file}:{draft.lines['closing']}" if "closing" in draft.lines else ""
    mismatch = closing_mismatch(
        config,
        store,
        issue.theme,
        planned,
        issue.closing,
        closing_at or str(draft_file),
        featured,
    )
    draft_thins_promise(  # (before publishing: walk153 #6)
        config,
        store,
        issue.theme,
        planned,
        issue.closing,
        [
            (a.id, a.title, s.subject)
            for s in issue.sections
            for e in s.entries
            for a in (e.article, *e.copy_articles)
            if a.id is not None
        ],
        closing_at or str(draft_file),
    )
    mismatch += thin_promise(
        config,
        store,
        issue.theme,
        planned,
        issue.closing,
        featured,
        closing_at or str(draft_file),
    )
    issue = _draft_passed_over(store, draft, issue)
    issue = stored_scores(store, issue)
    # The copies of stories told before that `curator draft` found and listed: recorded with the
    # issue, as a plain build records them (walk111 #1), but for one the draft now features.
    taken = set(featured)
    retold = [r for r in store.draft_retold(draft.number) if r[0] not in taken]
    published = publish_issue(
        issue,
        config,
        store,
        out_dir,
        templates,
        now=now,
        planned=planned,
        retold=retold,
        gone_said=gone_said,
    )
    not_read = unread_pages(store, issue, published=True, stored=known)
    by_address = _credits_by_address(config, store, draft, known, issue, draft_file, out_dir)
    by_address += _blurbs_by_address(draft, known, issue, draft_file, out_dir)
    by_address += _titles_by_address(draft, known, chosen_titles, issue, out_dir)  # (walk191 #6)
    warnings = (
        *credits,
        *by_address,
        *notes,
        *warnings,
        *mismatch,
        *not_read,
        *published.warnings,
        *headless,
    )
    # (no `subjects move` is advised for the articles of a section whose heading line is gone)
    by_id = {e.article.url: e.article.id for s in issue.sections for e in s.entries}
    kept = tuple(k for k in published.kept if by_id.get(k.url) not in merged)
    return BuildResult(FetchSummary((), 0), issue, published.paths, warnings, kept_subjects=kept)


def _editor_dropped_before(store: Store, number: int, editor: str | None) -> bool:
    """Whether the issue published before issue `number` went out without an editor, its build
    saying that the draft's `editor:` was emptied while feeds.yaml named `editor` (fixmb #4)."""
    earlier = [r for r in store.issues() if r.number < number]
    if not earlier or earlier[-1].editor != "" or not editor:
        return False
    return store.editor_dropped(earlier[-1].number) == editor
