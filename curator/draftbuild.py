"""What `build --draft` reads, checks and fills in of the edited draft beyond choosing:
its variables, title, same-story notes, articles added by address, corrected titles, and the
readers' notes and credits said of the issue as published."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from curator import articles as article_rules
from curator import articles_pages as article_pages
from curator.articlewarnings import disputed_credits, lost_title_words, weak_blurbs
from curator.candidates import feed_names
from curator.config import INIT_PLACEHOLDERS, Config
from curator.draft import (
    Draft,
    DraftEntry,
    blurb_rebuilt,
    credit_followed,
    draft_path,
    read_draft,
)
from curator.draftfiles import drafts_of
from curator.draftpublication import publications_since_drafted
from curator.editions import OUTPUTS
from curator.errors import CuratorError, InputError, shell_arg
from curator.firstread import ROBOTS_DISALLOWED, disallowed_first_reads, never_read
from curator.harvest import fetch_settings
from curator.issuetext import (
    borrowed_references,
    draft_entry_warnings,
    link_warnings,
    repeated_closing,
)
from curator.models import Article, Copy, Issue, Scored, Section
from curator.readerlang import (
    empty_link_warnings,
    language_warnings,
    link_text_warnings,
    text_edition_warnings,
)
from curator.render import issue_day, join_names, words_and, words_date
from curator.store import Store
from curator.stories import fingerprint, same_story_reason
from curator.themes import plan_gives, theme_name
from curator.themes_promise import draft_promise
from curator.urls import clean_url, url_key
from curator.variables import VariableError, check_variables, fill, fill_leaving_out


def draft_text_warnings(
    draft: Draft,
    path: Path,
    stored: Mapping[str, Article] | None = None,
    published: tuple[Path, int] | None = None,
) -> tuple[str, ...]:
    """What the editor is told about a draft's introduction and closing line: a link to an
    address never published, a sentence of the closing line said in the introduction too. With
    `published` (the output folder and number of the issue the draft published), a blurb's
    markup shown as text says how to correct that issue (walk195 #5: only the next draft's fix)."""
    fix = (
        f' (the issue is published so: to correct it, its "blurb" in'
        f" {issue_json(*published)}, then `curator render {published[1]}`)"
        if published
        else ""
    )
    lines = draft.introduction_lines

    def at(line: int) -> str:
        return (
            f"{path}:{lines[line - 1] if 0 < line <= len(lines) else draft.lines.get('title', 2)}"
        )

    closing_at = f"{path}:{draft.lines.get('closing', 2)}"
    # Why: the editor fixed feeds.yaml after `curator draft` warned, but the draft kept init's
    # title and editor, and `build --draft` published "My Newsletter ... edited by Your Name".
    placeholders = tuple(
        f"{path}:{draft.lines.get(key, 2)}: `{key}: {value}` is still the placeholder"
        " `curator init` wrote, and is published as it is: write your newsletter's own in the"
        " draft (the draft copied it from feeds.yaml when it was written; a change to feeds.yaml"
        " since does not reach it)"
        for key, value in (("title", draft.title), ("editor", draft.editor))
        if value.split() == INIT_PLACEHOLDERS[key].split()
    )
    # A word processor's quotes are text to YAML: `editor: “Morgan Ellery”` was published
    # "edited by “Morgan Ellery”" without a word, where feeds.yaml warns (walk72 #4).
    curly = tuple(
        f"{path}:{draft.lines.get(key, 2)}: `{key}: {value}` is published with the curly quotes,"
        " which are text to YAML, not quotes: write"
        f" {key}: {value[1:-1]}"
        for key, value in (
            ("title", draft.title),
            ("editor", draft.editor),
            ("closing", draft.closing),
        )
        if len(value) > 2 and value[0] in "“‘" and value[-1] in "”’"
    )
    return (
        *placeholders,
        *curly,
        *link_warnings(
            draft.introduction, at, f"the introduction in {path}", relative=True, draft=True
        ),
        *repeated_closing(draft.introduction, draft.closing, at, f"`closing:` in {path}"),
        *link_warnings(
            draft.closing, lambda _: closing_at, f"`closing:` in {path}", relative=True, draft=True
        ),
        *draft_entry_warnings(draft.sections, path, stored, fix),
        *borrowed_references(draft, path),
    )


def credits_by_address(
    config: Config,
    store: Store,
    draft: Draft,
    known: Mapping[str, Article],
    issue: Issue,
    draft_file: Path,
    out_dir: Path,
) -> tuple[str, ...]:
    """What is unsure in the credit of each article the draft added by its address alone (a
    `## URL` heading): the editor saw no draft note on it, so the build says what the note would
    have (`disputed_credits`; walk67 #1: "World News Wire", a feed's title, published for a Yahoo
    page without a word). The issue is published by then: the advice corrects it where it is
    (walk75 #2: "then build again" met "it was published already")."""
    ids = {
        known[e.url].id
        for e in draft.entries
        if e.url_only and not e.credit_lines and e.url in known
    }
    if not ids:
        return ()
    return disputed_credits(
        _only(issue, ids),
        "it was added to the draft by its address and is published so (to correct it: its"
        f' "authors" or "publication" in {issue_json(out_dir, issue.number)}, then'
        f" `curator render {issue.number}`; in a later draft, an `author:` or `publication:` line"
        " under its heading)",
        config,
        store,
    )


def blurbs_by_address(
    draft: Draft, known: Mapping[str, Article], issue: Issue, draft_file: Path, out_dir: Path
) -> tuple[str, ...]:
    """A warning per article the draft added by its address alone, with no blurb written under
    it, whose blurb may not say what the article is about (`weak_blurbs`), and per article it
    added so whose title lacks words its page's headline has (`lost_title_words`): the editor saw
    no draft note on it, and a plain build says it (walk72 #7, walk67 #2, walk192 #1)."""
    ids = {known[e.url].id for e in draft.entries if e.url_only and not e.blurb and e.url in known}
    json_file = issue_json(out_dir, issue.number)
    # and per article so added whose title lacks words its page's headline has (walk192 #1)
    titled = {known[e.url].id for e in draft.entries if e.url_only and e.url in known}
    lost = lost_title_words(
        _only(issue, titled),
        "it was added to the draft by its address and is published so (to use it: its"
        f' "title" in {json_file}, then `curator render {issue.number}`)',
    )
    if not ids:
        return lost
    return lost + weak_blurbs(
        _only(issue, ids),
        "it was added to the draft by its address and is published so (to correct it: its"
        f' "blurb" in {json_file}, then `curator render {issue.number}`;'
        " in a later draft, a blurb under its heading)",
    )


def titles_by_address(
    draft: Draft,
    known: Mapping[str, Article],
    chosen: Mapping[str, str],
    issue: Issue,
    out_dir: Path,
) -> tuple[str, ...]:
    """A warning per article the draft added by its address alone whose title was chosen from its
    page's <title> as one side of a separator (`Article.title_chosen_from`, by `url_key` of the
    article's address in `chosen`): the editor saw no draft note on it, and the other side may be
    the title (walk191 #6: the site's name was published, silently)."""
    ids = {known[e.url].id for e in draft.entries if e.url_only and e.url in known}
    said = []
    for art in (e.article for s in issue.sections for e in s.entries):
        written = chosen.get(url_key(art.url), "") if art.id in ids else ""
        if written:
            said.append(
                f'the title of "{art.title}" ({art.url}) was chosen from its page\'s <title>'
                f' "{written}"; it was added to the draft by its address and is published so (to'
                f' correct it: its "title" in {issue_json(out_dir, issue.number)}, then `curator'
                f" render {issue.number}`; in a later draft, the title as its heading over a"
                " `url:` line)"
            )
    return tuple(said)


def reader_notes(
    config: Config, issue: Issue, out_dir: Path, *, rendering: bool = False
) -> list[str]:
    """What readers' software gets wrong in the issue as published (walk159, an accessibility
    walk): link words going to two places or saying nothing, articles whose language is told by
    their letters alone; with `rendering` (`curator render`, which reads issue-N.json and says
    nothing else of its introduction), its links with no words too."""
    json_file = issue_json(out_dir, issue.number)
    again = f"`curator render {issue.number} --config {shell_arg(str(config.path))}`"
    notes = link_text_warnings(
        issue,
        f"{json_file} (then {again}) or, before it is published, in the issue's draft",
    )
    notes += language_warnings(issue, config.language, f"{json_file}, then {again}")
    if "text" in (config.settings.outputs or OUTPUTS):
        notes += text_edition_warnings(issue, f"{json_file}, then {again}")
    if rendering:
        rewritten = "json" in (config.settings.outputs or OUTPUTS)
        notes += empty_link_warnings(issue, str(json_file), rewritten=rewritten)
    return notes


def issue_json(out_dir: Path, number: int) -> Path:
    """Where issue `number`'s JSON edition is, the file `curator render` gives it back from."""
    return out_dir / f"issue-{number}.json"


def _only(issue: Issue, ids: Collection[int]) -> Issue:
    """`issue` with only the articles of `ids`."""
    sections = tuple(
        replace(s, entries=tuple(e for e in s.entries if e.article.id in ids))
        for s in issue.sections
    )
    return replace(issue, sections=sections)


def draft_theme_source(config: Config, store: Store, draft: Draft, draft_file: Path) -> str | None:
    """How a draft chose its issue's theme, for a warning about it: its `theme:` line, or, when
    it has none (`draft --all-subjects` writes none), the line's absence (walk48 #4: the warning
    named a `theme:` line that was not there); None (the plan, as `broken_promise` says) when
    its theme is the one the plan gives next, as `curator draft` wrote it (walk111 #3: a plan
    reordered was blamed on the draft's `theme:`, which the editor never touched)."""
    if plan_gives(config, store, draft.theme):
        return None
    if "theme" in draft.lines:
        return f"{draft_file}:{draft.lines['theme']} has it (front matter theme:)"
    return (
        f"{draft_file} has no `theme:` line in its front matter, and a draft without one is of"
        " every subject"
    )


def draft_passed_over(store: Store, draft: Draft, issue: Issue) -> Issue:
    """`issue` with each section's articles left out for variety as the draft's notes still
    name them (`Draft.passed_over`), so that `build --draft` says what `curator draft` said
    (walk57 #6), and those held back for another of their subject as its notes on them still
    name them (`Draft.held_back`, fixjz #4: not read again, the build said nothing of them);
    one the editor moved out of its note, or that an issue featured since, is not left out."""
    featured = {
        a.url for s in issue.sections for e in s.entries for a in (e.article, *e.copy_articles)
    }

    def still_left(heading: str, url: str) -> tuple[str, Article] | None:
        """The article a note names, under the subject whose section leaves it out; None for
        one featured, by this issue or one since."""
        article = store.article_by_url(url) if url not in featured else None
        if article is None or article.url in featured or store.issues_featuring(article.id):
            return None
        _, placed = store.stored_subject(article.id) if article.id is not None else (False, None)
        # (one under a subject no section is waits for its own issue: left out of none here)
        return (placed if placed is not None else heading).casefold(), article

    # Each under the section of the subject curator has it under, the one whose note `draft`
    # wrote it in, not the heading above the note (walk154 NEW-2: a `# Customer success` the
    # editor wrote above the journey section's last article took that section's note, and the
    # build said Customer success had left 3 out for variety; a theme and heading changed to
    # Voice of the customer took Customer success's).
    noted = [n for heading, url in draft.passed_over if (n := still_left(heading, url))]
    held = [
        (*n, why or "held back when the draft was made")
        for heading, url, why in draft.held_back
        if (n := still_left(heading, url))
    ]
    sections = []
    for section in issue.sections:
        under = section.subject.casefold()
        left = [Scored(a, 0.0) for subject, a in noted if subject == under]
        back = tuple((a, why) for subject, a, why in held if subject == under)
        sections.append(replace(section, passed_over=tuple(left), held_back=back))
    return replace(issue, sections=tuple(sections))


def _draft_line(draft: Draft, intro_line: int) -> int:
    """The draft file's line of line `intro_line` (1-based) of its introduction."""
    lines = draft.introduction_lines
    return lines[intro_line - 1] if 0 < intro_line <= len(lines) else draft.lines.get("title", 2)


def check_draft_variables(draft: Draft, path: Path) -> None:
    """Stop (exit 2) at a word in braces in the draft's introduction or closing line that is no
    variable, by its line, with a did-you-mean, as feeds.yaml's texts are checked."""
    for text, is_intro in ((draft.introduction, True), (draft.closing, False)):
        try:
            check_variables(text or "")
        except VariableError as exc:
            line = _draft_line(draft, exc.line) if is_intro else draft.lines.get("closing", 2)
            raise InputError(f"{path}:{line}: {exc.message}; correct it in the draft") from None


def fill_draft_variables(
    config: Config,
    store: Store,
    draft: Draft,
    issue: Issue,
    planned: bool,
    featured: Sequence[int],
    path: Path,
) -> tuple[Issue, tuple[str, ...]]:
    """The issue with the variables of its draft's introduction and closing line ({number},
    {next_theme}...) filled in as feeds.yaml's are (walk46 N1: published as typed), and what was
    left out: a sentence of the introduction, or the closing line, naming an empty one."""
    promise, no_promise = draft_promise(config, store, issue.theme, planned, featured)
    values = {
        "number": issue.number,
        "title": issue.title,
        "editor": issue.editor or "",
        "date": words_date(config.settings.templates, issue.date),
        "theme": join_names(list(issue.theme), words_and(config.settings.templates)),
        "next_theme": join_names(list(promise), words_and(config.settings.templates)),
    }
    because = {
        "theme": "this issue has every subject, so no theme",
        "editor": "the draft gives no `editor:`",
        "next_theme": no_promise,
    }
    introduction, left_out = fill_leaving_out(issue.introduction or "", values)
    warnings = [
        f"{path}:{_draft_line(draft, gap.line)}: {{{gap.variable}}} is empty in issue"
        f" {issue.number} ({because.get(gap.variable, 'it has no value')}), so the sentence"
        f' "{gap.sentence}" was left out of its introduction; to say something there, write it'
        f" without {{{gap.variable}}}"
        for gap in left_out
    ]
    if not introduction.strip():
        warnings += _no_introduction(config, draft, issue, path, bool(left_out))
    closing = issue.closing or ""
    if "{next_theme}" in closing and not promise:
        warnings.append(
            f'{path}:{draft.lines.get("closing", 2)}: the closing line "{closing.strip()}" was'
            f" left out of issue {issue.number}: it names {{next_theme}}, which is empty because"
            f" {no_promise}; to close the issue all the same, write a closing line without"
            " {next_theme} there"
        )
        closing = ""
    elif "closing" not in draft.lines and "{next_theme}" in config.themes.closing and not promise:
        # `curator draft` left the configured closing line out (and said so); published from the
        # draft, the issue has none, which was said no more (walk122 #2)
        warnings.append(
            f"{path}: issue {issue.number} has no closing line: `themes: closing` in {config.path}"
            f' ("{config.themes.closing.strip()}") names {{next_theme}}, which is empty because'
            f" {no_promise}; to close the issue all the same, add `closing:` with a line without"
            " {next_theme} to the draft's front matter"
        )
    # (a text without braces is kept exactly as written)
    if "{" in (issue.introduction or "") or "}" in (issue.introduction or ""):
        issue = replace(issue, introduction=introduction.strip())
    if closing != issue.closing or "{" in closing or "}" in closing:
        issue = replace(issue, closing=fill(closing, values).strip())
    return issue, tuple(warnings)


def _no_introduction(
    config: Config, draft: Draft, issue: Issue, path: Path, left_out: bool
) -> list[str]:
    """What is said of a draft published with no introduction (walk198 #1: an all-subjects
    issue's draft had none, its one "sentence" left out by `curator draft`, and `build --draft`
    published it so unsaid): every sentence of the draft's was `left_out`, or it has none while
    feeds.yaml gives this issue one. Nothing when feeds.yaml gives none either."""
    if left_out:
        line = _draft_line(draft, 1)
        return [
            f"{path}:{line}: issue {issue.number} has no introduction: each sentence of the"
            " draft's names a variable empty in this issue, so all were left out (said above);"
            " to open the issue, write one there that names none"
        ]
    configured = config.introduction.strip() or any(
        n in config.subject_introductions for n in issue.theme
    )
    if not configured:
        return []
    return [
        f"{path}: issue {issue.number} has no introduction: the draft has none before its first"
        " `# Subject` heading (`curator draft` leaves out each sentence of feeds.yaml's that names"
        " a variable empty in the issue, and says so), so it is published without one; to open"
        " the issue, write one there"
    ]


def own_title(config: Config, draft: Draft, path: Path) -> tuple[str, ...]:
    """What becomes of a draft's `title:` other than the newsletter's: the issue is published
    under it, and the archive page and feed of issues keep feeds.yaml's (walk38 #7)."""
    if draft.title.split() == config.title.split():
        return ()
    return (
        f"{path}:{draft.lines.get('title', 2)}: issue {draft.number} is published as"
        f' "{draft.title}" (the draft\'s title:), but the archive page (index.html) and the feed'
        f' of issues (feed.xml) keep the newsletter\'s title, "{config.title}": to rename the'
        f" newsletter, change `newsletter: title:` in {config.path}",
    )


def with_copies(
    store: Store, draft: Draft, issue: Issue, path: Path
) -> tuple[Issue, tuple[str, ...]]:
    """The issue with each article left in the draft's same-story notes (`Draft.copies`) named
    under the article it is the same story as ("Also covered by", recorded as published with the
    issue, as a plain build does), and a warning for each that could not be: the article it is
    the same story as is no longer in the draft, or curator does not know its address."""
    entries = [(s, e) for s in issue.sections for e in s.entries]
    by_url = {clean_url(d.url): e for d, (_, e) in zip(draft.entries, entries, strict=True)}
    by_url |= {clean_url(e.article.url): e for _, e in entries}
    by_title = {d.title: e for d, (_, e) in zip(draft.entries, entries, strict=True) if d.title}
    by_title |= {e.article.title: e for _, e in entries}
    subject_of = {id(e): s.subject for s, e in entries}
    added: dict[int, list[Copy]] = {}
    warnings = []
    for copy in draft.copies:
        if clean_url(copy.url) in by_url:  # its "##" line is in the draft as an article too
            continue
        entry = by_url.get(clean_url(copy.of_url)) if copy.of_url else None
        entry = entry or (by_title.get(copy.of_title) if copy.explained else None)
        article = store.article_by_url(copy.url)
        where = (
            f"{path}:{copy.line}: {copy.url}, in the note of articles left out as the same story,"
        )
        if entry is None and not copy.explained and article is not None:
            # The line under its "##" was edited (walk113 #2: the copy was left unnamed, unsaid):
            # the article of the note's subject it is the same story as, by their text.
            entry = _same_story_entry(article, entries, copy.subject)
            if entry is None:
                warnings.append(
                    f'{where} is named by no article: the line under its "##" line no longer'
                    " says which article it is the same story as (it said: the same story as"
                    ' "Title" (address): ...), and curator finds none in the draft that tells'
                    " its story; it is not named in the issue nor published with it (a later"
                    " issue may feature it). To name it, write that line again under it, e.g."
                    " '   the same story as \"Title of the article\" (https://...): ', with the"
                    " title and address of the article it goes with"
                )
                continue
        if entry is None:
            warnings.append(
                f'{where} is the same story as "{copy.of_title}", which the draft no longer'
                " features: it is not named in the issue nor published with it (a later issue"
                ' may feature it); to name it, keep that article, or move its "##" line out of'
                " the note to feature it"
            )
            continue
        if article is None:
            warnings.append(
                f"{where} is no article curator knows: it is not named in the issue; check its"
                " address"
            )
            continue
        why = same_story_reason(fingerprint(entry.article), fingerprint(article))
        reason = why or "the draft's note names it so"
        added.setdefault(id(entry), []).append(Copy(article, subject_of[id(entry)], reason))
    if not added:
        return issue, tuple(warnings)

    def named(entry: Scored) -> Scored:
        more = added.get(id(entry), [])
        also = tuple((c.article.publication or c.article.url, c.article.url) for c in more)
        return replace(
            entry,
            also_covered_by=(*entry.also_covered_by, *also),
            copies=(*entry.copies, *more),
        )

    sections = tuple(replace(s, entries=tuple(named(e) for e in s.entries)) for s in issue.sections)
    return replace(issue, sections=sections), tuple(warnings)


def _same_story_entry(
    article: Article, entries: Sequence[tuple[Section, Scored]], subject: str
) -> Scored | None:
    """The article of `entries` that `article` tells the same story as (`same_story_reason`),
    those of `subject` first; None for none."""
    ordered = sorted(entries, key=lambda pair: pair[0].subject != subject)
    mark = fingerprint(article)
    for _, entry in ordered:
        if same_story_reason(fingerprint(entry.article), mark):
            return entry
    return None


def read_unread(
    config: Config,
    store: Store,
    entries: Sequence[DraftEntry],
    known: Mapping[str, Article],
    now: datetime,
    failed: dict[str, str] | None = None,
) -> tuple[dict[str, Article], dict[str, str]]:
    """The stored articles the draft adds by address alone whose page was never read (refused as
    not public, failed, or featured before it could be read again), each as its page reads now:
    README promises that an added address is read; and those it lists with no `author:` line
    whose page was never read at all (`firstread.never_read`). Nothing is stored here: the build stores
    them (`store_read`) once the draft is found fit to publish, so that a refused build changes
    no stored article (walk180 #1); an issue featured one keeps its stored row (that issue
    published it so), and this issue publishes it as read now. The article of a feed whose
    pages are not read (`fetch_pages: false`) is not read either: it is published as its feed
    gave it (walk180 #1: a paywall page took its feed's title and credit). A page that still
    cannot be read leaves the article as stored, but for one gone for good (404, 410, a redirect
    away: a dead link), returned with why; into `failed`, those the draft lists (with their
    title) whose page, never read, could not be read now either, with why (fixjq #2)."""
    stale = {
        entry.url: known[entry.url]
        for entry in entries
        if entry.url_only
        and entry.url in known
        and known[entry.url].text is None
        and entry.url.startswith(("http://", "https://"))
        and pages_read(config, known[entry.url])
    }
    # A block the draft lists whose page was never read and that has no `author:` line is read
    # too, as a plain build reads it (fixjq #2: `draft --no-fetch`, then `build --draft`,
    # published it uncredited); its credit is then the page's (`with_read_authors`).
    listed = {
        entry.url: known[entry.url]
        for entry in entries
        if not entry.url_only
        and "author" not in entry.credit_lines
        and entry.url in known
        and entry.url.startswith(("http://", "https://"))
        and pages_read(config, known[entry.url])
    }
    unread = never_read(store, listed.values())
    reading = {url: a for url, a in listed.items() if a.id in unread}
    # (not one its site's robots.txt disallows, which a fetch and a plain build do not read
    # either: said and marked as a read that failed, fixjz #5)
    for url in disallowed_first_reads(config, reading):
        del reading[url]
        if failed is not None:
            failed[url] = ROBOTS_DISALLOWED
    stale |= reading
    if not stale:
        return {}, {}
    built, errors = article_rules.articles_from_urls(
        list(stale), fetch_settings(config), now=now, site_names=followed_names(config, store)
    )
    read = dict(built.articles)
    found = {}
    gone = {}
    for url, old in stale.items():
        key = url_key(url)
        article = read.get(built.aliases.get(key, key))
        if article is None or article.text is None:
            if url in errors and _gone(errors[url]):
                gone[url] = errors[url]
            elif url in listed and failed is not None:
                failed[url] = errors.get(url) or "its page gave no text"
            continue
        source = next((f for f in config.feeds if f.url == old.feed_url), None)
        article = replace(
            article,
            # A feed's `name:` is the editor's word for every article of it.
            publication=source.name if source and source.name else article.publication,
            id=old.id,
            first_seen=old.first_seen,
            feed_url=old.feed_url,
            subject_hints=old.subject_hints,
        )
        found[url] = article
    return found, gone


def followed_names(config: Config, store: Store) -> list[str]:
    """The followed feeds' names: each feed's `name:` in feeds.yaml, else its title as fetched
    (the names a title added by address may lead or end with, walk191 #6)."""
    names = [f.name or store.feed_state(f.url).title for f in config.feeds]
    return [n for n in names if n]


def with_read_authors(draft: Draft, read: Mapping[str, Article]) -> Draft:
    """`draft` with the authors of each block it lists (not a `## URL` heading) that has no
    `author:` line and whose page `read_unread` read (`read`, by the draft's address): the
    page's, as a plain build credits an article whose page was never read (fixjq #2)."""

    def credited(entry: DraftEntry) -> DraftEntry:
        article = read.get(entry.url)
        if entry.url_only or "author" in entry.credit_lines or article is None:
            return entry
        return replace(entry, authors=tuple(article.authors))

    sections = tuple(
        replace(s, entries=tuple(credited(e) for e in s.entries)) for s in draft.sections
    )
    return replace(draft, sections=sections)


def unread_listed_notes(
    listed: Mapping[str, Article], failed: Mapping[str, str], json_file: Path, number: int
) -> tuple[str, ...]:
    """A warning per article the draft lists whose page, never read, `read_unread` could not
    read either (`failed`: why, by address): published uncredited, and how to credit it now."""
    return tuple(
        f'the page of "{a.title}" ({url}) could not be read ({failed[url]}), so no author is'
        f' known: it is published without one (to credit it now: its "authors" in {json_file},'
        f" then `curator render {number}`)"
        for url, a in listed.items()
    )


def pages_read(config: Config, article: Article) -> bool:
    """Whether the page of a stored article is read: not for a feed listed with `fetch_pages:
    false` (or, for a feed no longer listed, with `fetch_pages: false` under `settings:`); an
    article added by address alone is read."""
    if article.feed_url is None:
        return True
    source = next((f for f in config.feeds if f.url == article.feed_url), None)
    if source is None:
        return config.settings.fetch_pages
    return article_pages.wants_pages(config, source)


def store_read(store: Store, read: Mapping[str, Article]) -> None:
    """Store the articles `read_unread` read, as their pages read now (the build goes on); a
    refusal of the draft after this puts them back as they were (`Store.put_back_kept`)."""
    store.keep_as_stored([a.id for a in read.values() if a.id is not None])
    for article in read.values():
        if article.id is not None:
            store.update_read_article(article.id, article)


def _gone(reason: str) -> bool:
    """Whether a page's read says it is gone for good: 404, 410 or a redirect away."""
    return reason.startswith(("HTTP 404", "HTTP 410", article_pages.REDIRECTED_AWAY))


def stored_scores(store: Store, issue: Issue) -> Issue:
    """`issue` with each article's score and matched words as the store holds them under its
    section's subject (as a plain build publishes them), or marked unknown (`Scored.scored`)
    when curator placed it under no such subject (the editor moved it there).

    Why: `build --draft` and `render` from the store wrote every article's score as 0.0 with
    no matched words in issue-N.json (walk84 N2)."""
    sections = []
    for section in issue.sections:
        ids = [e.article.id for e in section.entries]
        stored = {
            a.id: (score, matched)
            for a, score, matched in store.candidates_by_id(section.subject, ids)
        }
        entries = tuple(
            replace(e, score=stored[e.article.id][0], matched=stored[e.article.id][1], scored=True)
            if e.article.id in stored
            else replace(e, score=0.0, matched=(), scored=False)
            for e in section.entries
        )
        sections.append(replace(section, entries=entries))
    return replace(issue, sections=tuple(sections))


def corrected_since_drafted(
    draft: Draft,
    path: Path,
    known: Mapping[str, Article],
    written: Mapping[int, str],
    json_file: Path | None = None,
) -> tuple[str, ...]:
    """The draft's article titles that their feed corrected since `curator draft` wrote the draft
    (`known`: the stored articles by the draft's addresses; `written`: the headings curator wrote
    into it, `Store.draft_titles`), each said with its line. A heading
    left as curator wrote it follows the feed (`draftissue.title_followed`), as an `author:`
    line does; the editor's own heading is what the issue publishes. Said by `build --draft`
    (`json_file`: the issue-N.json it publishes) and, before it, by the fetch that took the
    correction (`json_file` None).

    Why: a feed's correction between `draft` and `build --draft` was taken into the store and
    said as "taken", but the build published the draft's old headline without a word (walk150
    #1); then it said "edit the line" of an issue it had just published, while the `author:`
    line beside it followed the feed (walk200 #9)."""
    said: list[str] = []
    for entry in draft.entries:
        article = known.get(entry.url)
        if not entry.title or article is None or article.id is None:
            continue
        was = written.get(article.id)
        now = article.title
        if was is None or now == was or entry.title == now:
            continue  # (an article the editor added, no correction, or the editor took it)
        if entry.title == was and article.title_corrected_in is None:  # curator's line
            which = f'{path}:{entry.line}: "{was}" was corrected in its feed since the draft was written'
            said.append(
                f'{which}: published "{now}", as your draft had curator\'s heading, not an edit'
                f' of yours; to publish another, correct its "title" in {json_file} and run'
                f" `curator render {draft.number}`"
                if json_file is not None
                else f'{which}: now "{now}"; the draft has curator\'s heading, and `curator build'
                f" --draft {shell_arg(path)}` publishes the feed's (write your own title in the"
                " heading to publish that)"
            )
        else:  # the editor's own title
            fix = (
                f'correct its "title" in {json_file} and run `curator render {draft.number}`'
                if json_file is not None
                else "edit the line"
            )
            said.append(
                f'{path}:{entry.line}: its feed corrected "{was}" since the draft was written, to'
                f' "{now}"; your title "{entry.title}" is what the issue publishes: {fix}'
                " if you want the feed's"
            )
    return tuple(said)


def credits_since_drafted(
    draft: Draft,
    path: Path,
    known: Mapping[str, Article],
    written: Mapping[int, Sequence[str]],
    json_file: Path | None = None,
) -> tuple[str, ...]:
    """A line per article of the draft whose `author:` lines are the ones curator wrote into it
    (`written`: `Store.draft_authors`) while its feed (or page) corrected its credit since
    (`credit_followed`; `known`: the stored articles by the draft's addresses, as credited at
    build): the feed's credit is published, not the draft's old one. Said by `build --draft`
    (`json_file`: the issue-N.json it publishes) and, before it, by the fetch that took the
    correction (`json_file` None).

    Why: the build said the title line corrected in its feed, not the author line, and
    published the old credit (walk199 #1)."""
    said: list[str] = []
    for entry in draft.entries:
        article = known.get(entry.url)
        if article is None or article.id is None:
            continue
        followed = credit_followed(entry, article, written)
        if followed is None:
            continue
        now, was = join_names(list(followed)), join_names(list(written[article.id]))
        which = (
            f'{path}:{entry.line}: the credit of "{entry.title}" ({article.url}) was corrected in'
            " its feed since the draft was written"
        )
        said.append(
            f'{which}: published "{now}", not "{was}", as your draft had curator\'s line, not an'
            f' edit of yours; to publish another, correct its "authors" in'
            f" {json_file} and run `curator render {draft.number}`"
            if json_file is not None
            else f'{which}: now "{now}"; the draft has curator\'s line ("{was}"), and `curator'
            f" build --draft {shell_arg(path)}` publishes the feed's (write your own `author:`"
            " line over it to publish that)"
        )
    return tuple(said)


def rebuilt_since_drafted(
    draft: Draft,
    path: Path,
    known: Mapping[str, Article],
    written: Mapping[int, str],
    out_dir: Path | None = None,
) -> tuple[str, ...]:
    """A line per article of the draft whose blurb curator rebuilt after the draft was written
    (`draft.blurb_rebuilt`; `known`: the stored articles by the draft's addresses, `written`: the
    blurbs curator wrote into the draft, `Store.draft_blurbs`): the draft's blurb, curator's old
    text, gives way to the new one; or the editor's own blurb is published over it, and the page
    may have changed under it. Said by `build --draft` (`out_dir`: where the issue it published
    is) and, before it, by the fetch that rebuilt them (`out_dir` None).

    Why: such a draft's old blurb was taken for the editor's correction, published and kept for
    every later issue featuring the article, without a word (fixhi)."""
    said: list[str] = []
    for entry in draft.entries:
        article = known.get(entry.url)
        if not entry.blurb or article is None:
            continue
        rebuilt = blurb_rebuilt(entry, article, written)
        if not rebuilt:
            continue
        which = (
            f"{path}:{entry.blurb_line or entry.line}: the blurb of"
            f' "{entry.title or article.title}" ({article.url})'
            " was rebuilt after the draft was written (its page or feed changed, or curator's"
            " rules for blurbs did)"
        )
        if rebuilt == "old" and out_dir is not None:
            json_file = out_dir / f"issue-{draft.number}.json"
            said.append(
                f"{which}; published the new one, as your draft had curator's old text, not an"
                f' edit of yours. To publish another, correct its "blurb" in {json_file} and run'
                f" `curator render {draft.number}`"
            )
        elif rebuilt == "old":
            said.append(
                f"{which}; the draft has curator's old text, and `curator build --draft"
                f" {shell_arg(path)}` publishes the new one (write your own over it in the draft"
                " to publish that)"
            )
        else:
            new = _one_line_quote(article.blurb)
            publishes = "published" if out_dir is not None else "what the issue publishes"
            said.append(
                f"{which}: your own blurb in the draft is {publishes}, but the page may have"
                f' changed under it; curator\'s now reads "{new}"'
            )
    return tuple(said)


def _one_line_quote(text: str, limit: int = 120) -> str:
    """`text` on one line, cut after `limit` characters with "...", to quote in a message."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit].rstrip() + "..."


def waiting_draft_corrections(config: Config, store: Store, now: datetime) -> tuple[str, ...]:
    """`corrected_since_drafted` and `rebuilt_since_drafted` for the draft of the next issue
    waiting in the drafts folder, said by `curator fetch` (walk150 #1: the fetch that took the
    correction said nothing of the draft holding the old title). A draft that cannot be read
    says nothing here: its build says what is wrong with it."""
    folder = config.settings.drafts or config.folder / "drafts"
    number = store.next_issue_number()
    # (each draft of the issue: walk204 #6, of issue-2.md and "issue-2 (copy).md" one was named)
    said: list[str] = []
    for path in drafts_of(folder, number, draft_path(folder, number)):
        said += _draft_corrections(config, store, now, path, number)
    return tuple(said)


def _draft_corrections(
    config: Config, store: Store, now: datetime, path: Path, number: int
) -> tuple[str, ...]:
    """`waiting_draft_corrections` of the one draft at `path`."""
    written_titles = store.draft_titles(number)
    if not path.is_file() or not written_titles:
        return ()
    try:
        draft = read_draft(path, today=issue_day(now).date())
    except CuratorError:  # (its mistakes are said by the build, with their fixes)
        return ()
    if draft.number != number:
        return ()
    known = known_articles(store, draft.entries)
    named = feed_names(config, store)
    credited = {u: named(a) for u, a in known.items()}
    credits = credits_since_drafted(draft, path, credited, store.draft_authors(number))
    # (and a publication: line curator wrote, its feed named anew since: fixlx #2)
    credits += publications_since_drafted(draft, path, credited, store.draft_publications(number))
    return (
        corrected_since_drafted(draft, path, known, written_titles)
        + credits
        + rebuilt_since_drafted(draft, path, known, store.draft_blurbs(number))
    )


def known_articles(store: Store, entries: Sequence[DraftEntry]) -> dict[str, Article]:
    known = {}
    for entry in entries:
        article = store.article_by_url(entry.url)
        if article is not None:
            known[entry.url] = article
    return known


def below_min_articles(config: Config, issue: Issue, path: Path) -> tuple[str, ...]:
    """A themed issue the editor cut below `themes: min_articles` articles of a subject of its
    theme (walk182 #8: "Issue 2: 2 article(s) on Customer success" was published without a word,
    where curator itself makes no issue that thin). The editor's choice stands: this only says
    so."""
    need = config.themes.min_articles
    if not issue.theme:
        return ()
    have = {s.subject.casefold(): len(s.entries) for s in issue.sections}
    thin = [(name, have.get(name.casefold(), 0)) for name in issue.theme]
    thin = [(name, n) for name, n in thin if n < need]
    if not thin:
        return ()
    counts = ", ".join(f"{n} on {name}" for name, n in thin)
    return (
        f"{path}: issue {issue.number} on {theme_name(issue.theme)} has {counts}, fewer than the"
        f" {need} article(s) a subject of a theme needs (`themes: min_articles: {need}` in"
        " feeds.yaml); it is published as your draft has it. If you cut one by mistake, add it"
        " back (`## URL` under its subject's heading) and build again",
    )
