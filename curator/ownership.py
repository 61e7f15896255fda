"""Whether a store and a draft are this newsletter's: a build stops before it publishes another's.

Two newsletters on one machine share a disk, often feeds, sometimes the editor: a `--db` or a
`settings: store:` naming the other's store, a backup of the other put back, or `build --draft`
given the other's draft published the wrong issue into this newsletter's folder and changed the
other's store, with only hints that blamed something else (walk166 #1, #2). Issue numbers alone
tell nothing there: both newsletters have an issue 2.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from curator.config import INIT_PLACEHOLDERS, Config
from curator.config_load import load_config
from curator.draft import front_matter_of
from curator.draftmaker import made_for_another, noted_config, same_file
from curator.editions import OUTPUTS
from curator.errors import CuratorError, InputError, shell_arg
from curator.issuedata import issue_from_data
from curator.models import Issue
from curator.newslettername import same_name, title_words
from curator.store import IssueRecord, Store
from curator.subjectedit import subjects_of
from curator.urls import url_key


class NotThisNewsletter(CuratorError):
    """The store is another newsletter's (exit 1): nothing was published, nothing changed."""


def two_newsletters(
    config: Config, title: str, subjects: Iterable[str], feeds: Sequence[str | None]
) -> bool:
    """The rule that tells another newsletter from this one renamed (walk186 #1): `title` is not
    feeds.yaml's (`same_name`), AND none of feeds.yaml's subjects is among `subjects`, AND most
    of `feeds` are feeds feeds.yaml does not follow. `title`, `subjects`, `feeds`: the other's, a
    store's newest issue's title, the subjects its issues were published under (by their names
    now) and the feed of each of that issue's articles; or another feeds.yaml's own.

    A newsletter renamed keeps its subjects or its feeds; two newsletters may share a feed or a
    few articles (walk186 #1: Tech Notes' issue 1 featured one of CX's, fetched into the store
    the two shared, and CX's build took Tech's issues for its own under a new title)."""
    if same_name(title, config.title):
        return False
    ours = {title_words(s.name) for s in config.subjects}
    if ours & {title_words(s) for s in subjects}:
        return False
    followed = {f.url for f in config.feeds}
    return not feeds or 2 * sum(f in followed for f in feeds) < len(feeds)


def _store_is_anothers(config: Config, store: Store, last: IssueRecord) -> bool:
    """`two_newsletters` for the store whose newest issue is `last`."""
    renames = store.subject_renames()
    known = {a.casefold(): b for a, b in renames}
    subjects = {store.renamed_to(s, known) for s in store.published_subjects()}
    subjects |= {b for _, b in renames}
    return two_newsletters(config, last.title, subjects, store.issue_feeds(last.number))


def _neighbours(config: Config, store_path: Path) -> list[Config]:
    """The other newsletters (`two_newsletters`) whose config file is in feeds.yaml's folder and
    whose store is `store_path`: both left `settings: store` as it is, which is relative to the
    config file's folder (walk186 #1: cx.yaml and tech.yaml side by side shared
    .curator/curator.db and output/, and each published the other's articles)."""
    try:
        paths = sorted({*config.folder.glob("*.yaml"), *config.folder.glob("*.yml")})
    except OSError:
        return []
    found = []
    for path in paths:
        try:
            if path.samefile(config.path) or path.stat().st_size > 1_000_000:
                continue  # (itself, or data rather than a newsletter's config file)
            other = load_config(path)
        except (CuratorError, OSError, UnicodeError, ValueError, RecursionError):
            continue  # (not a newsletter's config, or one its own runs will say is broken)
        if not same_file(other.settings.store, store_path):
            continue
        subjects = [s.name for s in other.subjects]
        if two_newsletters(config, other.title, subjects, [f.url for f in other.feeds]):
            found.append(other)
    return found


def stop_for_shared_folder_first(
    config: Config, store_path: Path, out_dir: Path, nothing: str
) -> None:
    """Before a new store is made (`cli.opening.check_store`): another newsletter's config file
    in feeds.yaml's folder that would share it stops the run, as `stop_for_another_newsletters_
    store` stops it once the store is there (fixjp #2: the store was made first, and the stop's
    "the store was not changed" left an empty store file behind). `nothing`: what was not done."""
    for other in _neighbours(config, store_path)[:1]:
        done = f"{nothing}, and no store was made"
        raise _stop_for_shared_folder(config, store_path, out_dir, [], other, done)


def _stop_for_shared_folder(
    config: Config,
    store_path: Path,
    out_dir: Path,
    records: list[IssueRecord],
    other: Config,
    done: str,
) -> NotThisNewsletter:
    """The stop for two newsletters' config files in one folder that share its store."""
    output = (
        f", and one output folder, {out_dir}" if same_file(other.settings.output, out_dir) else ""
    )
    if records:
        first, last = records[0], records[-1]
        span = f"{first.number}-{last.number}" if first is not last else str(last.number)
        holds = f'it holds issues {span} of "{last.title}"'
    elif not store_path.exists():
        holds = "it is not made yet"
    else:
        holds = "it holds no issue yet"
    name, stem = config.path.name, config.path.stem
    return NotThisNewsletter(
        f'{config.path} ("{config.title}") and {other.path} ("{other.title}") are two'
        f" newsletters in one folder sharing one store, {store_path}{output}: {holds}."
        " Both settings: store and output are relative to the config file's folder"
        " (.curator/curator.db and output/ there unless set), so two newsletters' config files"
        f" side by side share them, and each would publish the other's articles. {done}. To go"
        " on: give each newsletter a folder of its own (one folder per newsletter: move"
        f" {name} into a new"
        " folder, with its templates and drafts), or write settings of its own in"
        f" {config.path} (store: .curator/{stem}.db and output: output-{stem}), then run again;"
        f" if {other.path.name} is no longer used, move it out of the folder"
    )


def out_option(config: Config, out_dir: Path) -> str:
    """` --out DIR` for a command to advise, when `out_dir` is not settings: output ("" when it is)."""
    same = out_dir.resolve() == config.settings.output.resolve()
    return "" if same else f" --out {shell_arg(out_dir)}"


def backup_name(title: str) -> str:
    """The newsletter's title as a file name's start: its words, lower case, joined by `-`
    ("Support Ops — digest" -> support-ops-digest); "" for a title of no word."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", title).casefold())
    return "-".join(words)[:60].strip("-")


@dataclass(frozen=True)
class _Compared:
    """An issue the store records beside the issue-N.json of the same number in the output folder."""

    record: IssueRecord
    published: Issue
    path: Path
    #: How many of the issue's articles both list, and how many each lists.
    common: int
    stored: int
    written: int

    @property
    def same_articles(self) -> bool:
        """At least half of the fewer articles are the same pages (an editor's edit to
        issue-N.json not rendered yet changes a few, never the issue)."""
        fewer = min(self.stored, self.written)
        return fewer == 0 or 2 * self.common >= fewer

    @property
    def same_title(self) -> bool:
        return title_words(self.record.title) == title_words(self.published.title)

    @property
    def same_day(self) -> bool:
        return self.record.day.date() == self.published.date.date()

    @property
    def agrees(self) -> bool:
        """The same issue: two of its title, its day and its articles agree (one alone may be an
        edit of issue-N.json not rendered yet; two newsletters built the same day from the same
        feeds share a day and articles, never a title... unless both keep `curator init`'s: so
        a day and articles without the title agree unless the editor differs too and feeds.yaml's
        title is not among the store's issues' titles, `_elsewhere`, walk170 N1)."""
        return sum((self.same_articles, self.same_title, self.same_day)) >= 2


def _compared(store: Store, out_dir: Path, records: list[IssueRecord]) -> _Compared | None:
    """The newest issue the store records whose issue-N.json the output folder holds (and can be
    read), compared; None when there is none."""
    for record in reversed(records):
        path = out_dir / f"issue-{record.number}.json"
        try:
            published = issue_from_data(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            continue  # (not there, or unreadable: `render` and the build say so of their own)
        stored = {url_key(u) for u in store.issue_urls(record.number)}
        written = {
            url_key(e.article.url) for s in published.sections for e in s.entries if e.article.url
        }
        return _Compared(record, published, path, len(stored & written), len(stored), len(written))
    return None


def _elsewhere(compared: _Compared, records: list[IssueRecord], config: Config) -> bool:
    """Whether an issue-N.json that shares a day and most articles with the store's issue but not
    its title is still another newsletter's: its editor is not the store's issue's, and none of
    the store's issues was published under feeds.yaml's title. Two newsletters that follow the
    same feeds share articles (walk170 N1: `render 1 --db` with the other newsletter's store
    took its issue-1.json as corrections, and that newsletter's next issue featured four
    articles again). An editor correcting an issue's title and editor in issue-N.json
    (test_walk115, test_walk123_127) leaves feeds.yaml's title among the store's titles; once
    render has recorded a corrected title, a second correction of the title alone leaves the
    editor as recorded. Two newsletters with one editor and no title in common are not told
    apart here."""
    stored, written = compared.record.editor, compared.published.editor
    if not stored or not written or title_words(stored) == title_words(written):
        return False
    return not any(same_name(r.title, config.title) for r in records)


def _issue_text(title: str, editor: str | None, day: str, articles: int) -> str:
    by = f", edited by {editor}" if editor else ""
    return f'"{title}"{by}, dated {day}, {articles} article(s)'


def holds_stores_issues(
    config: Config, store: Store, out_dir: Path, records: list[IssueRecord]
) -> bool:
    """Whether `out_dir` holds the store's issues (`records`), as
    `stop_for_another_newsletters_store` judges it: its newest issue-N.json of a number the store
    records is that issue (False when it holds none)."""
    return _holds(_compared(store, out_dir, records), records, config)


def _holds(compared: _Compared | None, records: list[IssueRecord], config: Config) -> bool:
    """`holds_stores_issues` for the folder's issue already `compared` with the store's."""
    return (
        compared is not None
        and compared.agrees
        and (compared.same_title or not _elsewhere(compared, records, config))
    )


def _in_its_folder(config: Config, store_path: Path, out_dir: Path) -> bool:
    """Whether the store and the output folder are both inside feeds.yaml's own folder (as a
    copied newsletter's are), not another folder's that settings name."""
    home = config.path.parent.resolve()
    return store_path.resolve().is_relative_to(home) and out_dir.resolve().is_relative_to(home)


def stop_for_another_newsletters_store(
    config: Config,
    store: Store,
    out_dir: Path,
    *,
    rendering: bool = False,
    nothing: str = "Nothing was published",
) -> None:
    """Stop before a build or draft fetches or publishes anything when the store is another
    newsletter's: its newest issue that the output folder holds too (issue-N.json) is not that
    issue (`_Compared.agrees`), or, the folder holding none of its issues, none of its issues
    was published under feeds.yaml's title (a renamed newsletter goes on once its latest issue
    is written into the folder, `curator render N`; with no issue-N.json written at all,
    `settings: outputs` without json, only the first comparison can be made).

    Why: `build --db "../Support Ops — digest/.curator/curator.db"` from Customer Experience
    Weekly's folder published Support Ops' issue 4 into CX's output and changed Ops' store,
    saying only that issue 3 was missing from the output and that the subjects had changed;
    a build from a new folder whose `store:` named CX's store published its first issue as
    issue 3 (walk166 #1).

    `rendering` (`curator render`, which records an issue-N.json's corrections in the store):
    an issue-N.json with the store's issue's title goes on; one whose articles are mostly the
    store's issue's goes on unless it is another newsletter's all the same (`_elsewhere`: its
    editor, or feeds.yaml's title, is not the store's); one whose title or date the editor
    corrected is what render is for, and render writes the
    store's issues into a folder that holds none (as the stop of a renamed newsletter advises).

    The folder's issues vouch for the store unless the newsletter they are of is another by
    `two_newsletters` (walk186 #1: tech.yaml's issues in the store and output/ it shared with
    cx.yaml were taken for CX renamed); and another newsletter's config file in feeds.yaml's
    folder that uses the same store stops it (`_neighbours`), unless the store holds this
    newsletter's issues. `nothing`: what was not done, for the message ("Nothing was fetched").
    Every command that writes the store calls this (`cli.opening.opened`; walk186 #2)."""
    done = f"{'Nothing was rendered' if rendering else nothing}, and the store was not changed"
    records = store.issues()
    if not records or not same_name(records[-1].title, config.title):
        # Another newsletter's config file beside this one, sharing the store (walk186 #1)
        for other in _neighbours(config, store.path)[:1]:
            raise _stop_for_shared_folder(config, store.path, out_dir, records, other, done)
    if not records:
        # (a new store: `stop_for_unrecorded_issue` guards the folder's issues; what it records
        # of its newsletter, its feeds and subjects, says whose it is: walk189 #2)
        _stop_for_new_store(config, store, db_given=not _own_store(config, store), done=done)
        return
    last = records[-1]
    compared = _compared(store, out_dir, records)
    taken = False  # the folder's issues are the store's, but another newsletter's (walk186 #1)
    if _holds(compared, records, config):
        if not _store_is_anothers(config, store, last):
            return  # (the folder's issue is the store's: a title changed in feeds.yaml is a rename)
        if _in_its_folder(config, store.path, out_dir):
            # (a folder copied to start another newsletter: its own store and output, no other
            # newsletter's harmed; `newsletterchange.newsletter_renamed` says so to build and
            # draft, naming the two ways on: walk186 #3)
            return
        taken = True
    if (
        rendering
        and not taken
        and (
            compared is None
            or compared.same_title
            or (compared.same_articles and not _elsewhere(compared, records, config))
        )
    ):
        return
    formats = config.settings.outputs or OUTPUTS
    if compared is None:
        if "json" not in formats:
            return  # (no issue-N.json is written: nothing here to compare the store's with)
        placeholder = INIT_PLACEHOLDERS["title"]
        titles = [r.title for r in records if title_words(r.title) != title_words(placeholder)]
        if not titles or any(same_name(t, config.title) for t in titles):
            return
    own = _own_store(config, store)
    out = out_option(config, out_dir)
    # What the editor typed is said first: a --out of another newsletter's folder beside this
    # newsletter's own store (walk186 #7: led with "settings: store ... names another's store").
    wrong_out = own and bool(out) and compared is not None and same_name(last.title, config.title)
    if wrong_out:
        lead = (
            f"--out {out_dir} is not this newsletter's output folder: the store {store.path}"
            " did not publish the issues in it"
        )
    elif taken:
        lead = (
            f"the store {store.path} and the output folder {out_dir} hold issues of"
            f' "{last.title}" (issue {last.number}, {last.day:%Y-%m-%d}), not of'
            f' "{config.title}" ({config.path})'
        )
    elif compared is None or not same_name(last.title, config.title):
        lead = (
            f'the store {store.path} holds issues of "{last.title}" (issue {last.number},'
            f' {last.day:%Y-%m-%d}), not of "{config.title}" ({config.path})'
        )
    else:
        lead = f"the store {store.path} is not the one that published the issues in {out_dir}"
    if taken:
        feeds = store.issue_feeds(last.number)
        followed = {f.url for f in config.feeds}
        evidence = (
            f"another title, none of the subjects in {config.path} among those its issues were"
            f" published under, and {sum(f not in followed for f in feeds)} of the"
            f" {len(feeds)} article(s) of its issue {last.number} from feeds {config.path} does"
            " not follow: another newsletter, not this one renamed"
        )
    elif compared is None:
        evidence = (
            f"{out_dir} holds none of its issues (no issue-N.json of theirs), and none of its"
            f' {len(records)} issue(s) was published as "{config.title}"'
        )
    else:
        r, p = compared.record, compared.published
        evidence = (
            f"its issue {r.number} ("
            + _issue_text(r.title, r.editor, f"{r.day:%Y-%m-%d}", compared.stored)
            + f") is not the issue in {compared.path} ("
            + _issue_text(p.title, p.editor, f"{p.date:%Y-%m-%d}", compared.written)
            + f"; {compared.common} article(s) in common)"
        )
    if wrong_out:
        cause = f"--out {out_dir} names another newsletter's output folder"
        fix = (
            "give --out this newsletter's output folder (or leave --out out to use settings:"
            f" output, {config.settings.output})"
        )
    elif taken:
        cause = (
            "two newsletters share one store and one output folder: settings: store and output"
            f" in {config.path} name the other's (they are relative to the config file's folder)"
        )
        fix = (
            "give each newsletter a store and output folder of its own (one folder per"
            f" newsletter, or settings: store and output of its own in {config.path})"
        )
    else:
        cause, fix = _cause_and_fix(config, store, own)
    ways = [f"{fix}, then run again"]
    if taken:
        ways.append(
            f'if this is "{last.title}" renamed, with new subjects and feeds as well: change'
            " its title alone first and build, then its subjects and feeds"
        )
    elif compared is None:
        ways.append(
            f'if you renamed the newsletter from "{last.title}" on purpose, write its latest'
            f" issue into {out_dir} first (`curator render {last.number}{out}`): with its"
            " issue-N.json there, the build goes on under the new title"
        )
    else:
        if not wrong_out:
            ways.append(
                f"if {out_dir} is another newsletter's folder, not this one's, give --out this"
                " newsletter's (or correct settings: output)"
            )
        if compared.same_title or compared.same_articles:
            ways.append(
                f"if you edited {compared.path} by hand, run `curator render"
                f" {compared.record.number}{out}`"
                " first, which records your edits in the store"
            )
    raise NotThisNewsletter(
        f"{lead}: {evidence}. Most likely {cause}. {done}. To go on: {'; '.join(ways)}"
    )


def _own_store(config: Config, store: Store) -> bool:
    """Whether the store is the one settings: store names (not one given with --db)."""
    return store.path.resolve() == config.settings.store.resolve()


def _cause_and_fix(config: Config, store: Store, own: bool) -> tuple[str, str]:
    """The most likely cause of another newsletter's store being opened, and its fix."""
    if own:
        return (
            f"settings: store in {config.path} names another newsletter's store, or a backup of"
            " another newsletter was put back in its place",
            "correct settings: store (or put back this newsletter's own backup: curator backup"
            f" names each copy after its newsletter, {backup_name(config.title) or 'curator'}"
            "-<day>.db), or give --db with the right store",
        )
    return (
        f"--db {store.path} names another newsletter's store (or a backup of one)",
        "give --db this newsletter's store (or leave --db out to use settings: store)",
    )


def _stop_for_new_store(config: Config, store: Store, *, db_given: bool, done: str) -> None:
    """Stop when a store that holds no issue yet is another newsletter's: the feeds it fetched
    and the subjects it last placed its articles under are not feeds.yaml's (`two_newsletters`).
    A store that fetched no feed is new, and goes on.

    Why: a `settings: store` naming a new newsletter's store (fetched, nothing published) let
    `fetch` store all of CX Weekly's articles there, with a notice of subjects changed that
    mixed both newsletters' subjects, and `subjects move --db` wrote there too (walk189 #2)."""
    feeds = sorted({str(row["url"]) for row in store.feed_rows()})
    placed = subjects_of(store.placed_subjects() or "[]") or []
    subjects = {s.name for s in placed} | {b for _, b in store.subject_renames()}
    if not feeds:
        return  # (a store that fetched nothing holds nothing of another's; `init` may place)
    if not two_newsletters(config, "", subjects, feeds):
        return
    followed = {f.url for f in config.feeds}
    stranger = [f for f in feeds if f not in followed]
    evidence = [
        f"{len(stranger)} of its {len(feeds)} feed(s) are feeds {config.path} does not follow"
    ]
    if subjects:
        shown = ", ".join(sorted(subjects)[:4]) + (", ..." if len(subjects) > 4 else "")
        evidence.append(
            f"none of the subjects its articles were last placed under ({shown}) is one of"
            f" {config.path}'s"
        )
    cause, fix = _cause_and_fix(config, store, not db_given)
    raise NotThisNewsletter(
        f"the store {store.path} holds no issue yet, and it is another newsletter's, not"
        f' "{config.title}"\'s ({config.path}): {" and ".join(evidence)}. Most likely {cause}.'
        f" {done}. To go on: {fix}, then run again; if it is this newsletter's own store from"
        " before you changed all its feeds and subjects, move it aside (it holds no issue), and"
        " the next fetch makes a new one"
    )


def _made_for(draft_file: Path, config: Config) -> Path | None:
    """The feeds.yaml the draft was made from, as far as can be told: the one its opening note's
    command names (`draftmaker.noted_config`), else the feeds.yaml beside its folder (drafts/ is
    in the newsletter's); None when neither is there, or it is this newsletter's."""
    path = noted_config(draft_file) or draft_file.absolute().parent.parent / "feeds.yaml"
    if not path.is_file():
        return None
    return None if same_file(path, config.path) else path


def stop_for_another_newsletters_draft(config: Config, draft_file: Path) -> None:
    """Stop `build --draft` before it reads the draft's articles when the draft is most likely
    another newsletter's: its front matter's title is not feeds.yaml's, and the command its
    first note gives names another newsletter's feeds.yaml (`draftmaker.made_for_another`),
    wherever the draft is; or, the note naming none that is there, its editor is not feeds.yaml's
    either and it is not in this newsletter's drafts folder. (A draft's own title, or one moved
    elsewhere, has the newsletter's editor or folder.) A shared drafts folder: walk186 #4.

    Why: `curator build --draft "../CX weekly/drafts/issue-4.md"` from Support Ops' folder
    published CX's issue into Ops' output, edited by CX's editor, and read articles from a feed
    Ops does not follow, warning only that the archive page keeps Ops' title (walk166 #2)."""
    front = front_matter_of(draft_file)
    title, editor = front.get("title"), front.get("editor")
    if not isinstance(title, str) or not isinstance(editor, str):
        return  # (none written: nothing says it is another's; `read_draft` names mistakes)
    if not title.strip() or not editor.strip():
        return
    if same_name(title, config.title):
        return
    drafts = (config.settings.drafts or config.folder / "drafts").resolve()
    # What the draft records decides, wherever it is (its editor may edit both newsletters); the
    # editor and the folder, when it records none (walk186 #4: another newsletter's draft in a
    # drafts folder both share was published here).
    recorded = made_for_another(draft_file, config)
    if recorded is None and (
        same_name(editor, config.editor or "")
        or noted_config(draft_file) is not None
        or draft_file.resolve().is_relative_to(drafts)
    ):
        return
    theirs = f'"{" ".join(title.split())}", edited by {" ".join(editor.split())}'
    ours = f'"{config.title}"' + (f", edited by {config.editor}" if config.editor else "")
    other = recorded or _made_for(draft_file, config)
    ways = []
    if other is not None:
        ways.append(
            f"to publish it in the newsletter it was made for: `curator build --draft"
            f" {shell_arg(os.path.abspath(draft_file))} --config {shell_arg(other)}`"
        )
    ways.append(
        f"to publish it in {ours.split(', edited by')[0]} on purpose: write `title:"
        f" {config.title}` in its front matter"
        f"{'' if recorded else f' (or move it into {drafts})'}, then run again"
    )
    where = (
        f"its first note says it was made for {recorded} (a drafts folder both newsletters share?)"
        if draft_file.resolve().is_relative_to(drafts)
        else f"it is not in that newsletter's drafts folder ({drafts})"
    )
    raise InputError(
        f"{draft_file}: a draft of another newsletter? Its front matter says {theirs}, but this"
        f" build would publish it into {ours} ({os.path.abspath(config.path)}), and {where}."
        f" Nothing was published. {_sentence(ways)}"
    )


def _sentence(ways: list[str]) -> str:
    """The ways on, as one sentence (its first letter a capital, after a full stop)."""
    text = "; ".join(ways)
    return text[:1].upper() + text[1:]
