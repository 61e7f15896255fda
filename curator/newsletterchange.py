"""Whether feeds.yaml still describes the newsletter whose issues the store holds, when its title
is not theirs: a rename keeps something (the editor, a subject or a feed); a feeds.yaml whose
title, editor, every subject and every feed all changed at once describes another newsletter,
and one whose title and editor both changed may (a stop that asks for the rename to be confirmed).

Why: walk186 #3, a second newsletter started by copying the first's folder (store, output and
all) and rewriting feeds.yaml was taken for a rename: its first build published "Issue 6" of
"Gadget Digest" into the first newsletter's archive and feed, beside issues 1-5 of Customer
Experience Weekly, with no word that the title had changed. A rename accepted is said once, by
the runs before the first issue under the new title is published (or the archive rendered).

walk189 #4: a copied folder that kept the subjects and feeds, its title and editor changed, went on
as a rename, publishing into the first newsletter's archive before its warning said "if this
folder was copied ... stop here". A new title with a new editor stops before anything is fetched;
`curator render` (which records the new title) confirms the rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from curator.config import INIT_PLACEHOLDERS, Config
from curator.newslettername import same_name, title_words
from curator.ownership import NotThisNewsletter, out_option
from curator.store import IssueRecord, Store
from curator.urls import url_key


@dataclass(frozen=True)
class Kept:
    """What feeds.yaml keeps of the newsletter the store's issues were published as."""

    #: The store's issues' editor, when feeds.yaml names the same one.
    editor: str | None
    #: The subjects feeds.yaml still has (by its names) of those the store knows.
    subjects: tuple[str, ...]
    #: How many of feeds.yaml's feeds the store has fetched before.
    feeds: int

    def __bool__(self) -> bool:
        return bool(self.editor or self.subjects or self.feeds)

    def said(self) -> str:
        """What is kept, in words: `its editor, Morgan Ellery, and 2 of its feeds`."""
        parts = []
        if self.editor:
            parts.append(f"its editor, {self.editor}")
        if self.subjects:
            n = len(self.subjects)
            parts.append(f"{n} of its subjects" if n > 1 else f'its subject "{self.subjects[0]}"')
        if self.feeds:
            parts.append(f"{self.feeds} of its feeds" if self.feeds > 1 else "one of its feeds")
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def _feed_key(url: str) -> str:
    """A feed's address as compared: a local file by its name (a folder copied or moved gives
    its files another absolute path), an address by `url_key`."""
    if "://" not in url:
        return "file:" + PurePosixPath(url.replace("\\", "/")).name.casefold()
    return url_key(url)


def _kept(config: Config, store: Store, records: list[IssueRecord]) -> Kept:
    editors = [r.editor for r in records if r.editor]
    editor = next((e for e in reversed(editors) if same_name(e, config.editor or "")), None)
    # What its issues published, not what a `fetch` or `themes` run under the new feeds.yaml
    # kept since (a daily `curator fetch` would make any feeds.yaml a rename).
    known = set(store.published_subjects())
    for old, new in store.subject_renames():
        known |= {old, new} if old in known or new in known else set()
    for record in records:
        known |= set(record.theme)
    known_words = {title_words(s) for s in known}
    subjects = tuple(s.name for s in config.subjects if title_words(s.name) in known_words)
    published = _published_feeds(store)
    for old, new in store.recorded_moves().items():
        published |= {new} if old in published else set()
    keys = {_feed_key(u) for u in published}
    feeds = sum(1 for f in config.feeds if _feed_key(f.url) in keys)
    return Kept(editor, subjects, feeds)


def _published_feeds(store: Store) -> set[str]:
    """The addresses of the feeds whose articles the store's issues published."""
    rows = store.db.execute(
        """SELECT DISTINCT f.url FROM issue_articles ia JOIN articles a ON a.id = ia.article_id
           JOIN feeds f ON f.id = a.feed_id"""
    )
    return {str(row[0]) for row in rows}


def _former_title(store: Store, records: list[IssueRecord]) -> str:
    """The newsletter's title as last published (or rendered): the store kept it, else its newest
    issue's."""
    kept = store.newsletter_titles()
    return kept[-1] if kept else records[-1].title


def _issues_said(records: list[IssueRecord]) -> str:
    numbers = [r.number for r in records]
    if len(numbers) == 1:
        return f"issue {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"issues {numbers[0]}-{numbers[-1]}"
    return f"{len(numbers)} issues ({numbers[0]} to {numbers[-1]})"


def newsletter_renamed(config: Config, store: Store, out_dir: Path) -> str | None:
    """Before a build or draft fetches anything: None when feeds.yaml's title is the one the
    store's issues were last published under; the line that says the rename when feeds.yaml
    keeps the newsletter's editor, a subject or a feed; and a stop (`NotThisNewsletter`, exit
    1: nothing fetched, published or changed) when it keeps none of them, or names another
    editor than the issues'."""
    records = store.issues()
    if not records:
        return None
    was = _former_title(store, records)
    if title_words(was) == title_words(config.title):
        return None
    titles = [*store.newsletter_titles(), *(r.title for r in records)]
    placeholder = title_words(INIT_PLACEHOLDERS["title"])
    if title_words(was) == placeholder:
        return None  # (`curator init`'s title, not the newsletter's own yet)
    kept = _kept(config, store, records)
    known = any(same_name(t, config.title) for t in titles)
    if not kept and not known:
        raise NotThisNewsletter(_stop(config, store, out_dir, records, was))
    if known:
        return None  # (a title it had, or its title with words added: no new name to say)
    if (editor := _other_editor(config, records, kept)) is not None:
        # A new title and a new editor: a copied folder as often as a rename (walk189 #4: it
        # published into the first newsletter's archive, its warning after the issue was out).
        raise NotThisNewsletter(
            _stop_new_editor(config, store, out_dir, records, was, editor, kept)
        )
    return (
        f'{config.path} titles the newsletter "{config.title}", and its {_issues_said(records)}'
        f' {"was" if len(records) == 1 else "were"} published as "{was}": taken as a rename (feeds.yaml keeps {kept.said()}), so'
        f" this issue, the archive page (index.html) and feed.xml in {out_dir} are titled"
        f' "{config.title}" from now on; if this folder was copied to start another newsletter,'
        " stop here and run `curator init` in a new folder instead"
    )


def _last_editor(records: list[IssueRecord]) -> str | None:
    return next((r.editor for r in reversed(records) if r.editor), None)


def _other_editor(config: Config, records: list[IssueRecord], kept: Kept) -> str | None:
    """The store's issues' (latest) editor when feeds.yaml names another, none of them edited;
    None when it names none (or `curator init`'s placeholder) or the issues name none."""
    placeholder = title_words(INIT_PLACEHOLDERS["editor"])
    editor = _last_editor(records)
    if kept.editor or not config.editor or not editor:
        return None
    if placeholder in (title_words(config.editor), title_words(editor)):
        return None
    return editor


def _ways_on(config: Config, store: Store, out_dir: Path) -> tuple[str, str]:
    """A new newsletter's way on, and the command that confirms a rename (`curator render`)."""
    here = store.path.parent if store.path.parent.name == ".curator" else store.path
    return (
        "for a new newsletter, run `curator init` in a new folder and copy this feeds.yaml"
        f" there (or, to start it here, delete {here} and {out_dir})",
        f"curator render{out_option(config, out_dir)}",
    )


def _stop(config: Config, store: Store, out_dir: Path, records: list[IssueRecord], was: str) -> str:
    editor = _last_editor(records)
    by = f", edited by {editor}" if editor else ""
    new, render = _ways_on(config, store, out_dir)
    return (
        f"this folder's store ({store.path}) and output ({out_dir}) hold"
        f' {_issues_said(records)} of "{was}"{by}; {config.path} now describes another'
        f' newsletter: its title ("{config.title}"), editor, every subject and every feed are'
        " not that newsletter's. Nothing was fetched or published, and the store was not"
        f" changed. To go on: {new};"
        f' if you renamed "{was}" on purpose and changed everything else with it, run'
        f' `{render}` first, which retitles its archive page and feed.xml "{config.title}" and'
        " records the new title in the store: the build then goes on"
    )


def _stop_new_editor(
    config: Config,
    store: Store,
    out_dir: Path,
    records: list[IssueRecord],
    was: str,
    editor: str,
    kept: Kept,
) -> str:
    new, render = _ways_on(config, store, out_dir)
    return (
        f"this folder's store ({store.path}) and output ({out_dir}) hold"
        f' {_issues_said(records)} of "{was}", edited by {editor}; {config.path} titles the'
        f' newsletter "{config.title}" and names another editor, {config.editor}: a folder'
        " copied to start another newsletter, or a rename with a new editor? (feeds.yaml keeps"
        f" {kept.said()}.) Nothing was fetched or published, and the store was not changed."
        f' To go on: {new}; if you renamed "{was}" and gave it a new editor on purpose, run'
        f' `{render}` first, which retitles its archive page and feed.xml "{config.title}" and'
        " records the new title in the store: the build then goes on"
    )
