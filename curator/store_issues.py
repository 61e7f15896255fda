"""The store's issues: numbering and recording the one published, the editor's corrections to
it, the copies of a story it told, and reading issues back."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from curator.errors import CuratorError
from curator.models import Article, UsualScores
from curator.oldlinks import without_user
from curator.storebase import NOT_DEAD as _NOT_DEAD
from curator.storebase import NOT_RETOLD as _NOT_RETOLD
from curator.storebase import StoreBase
from curator.storebase import dt as _dt
from curator.storebase import iso as _iso
from curator.storerecords import IssueRecord

#: How many of the latest issues' stories a candidate may not tell again (`placement`).
RETOLD_ISSUES = 12


#: The recorded copies of a story one of the last `RETOLD_ISSUES` issues told (`record_retold`):
#: those a draft lists for the editor to feature one all the same (older ones stay left out).
_RETOLD_NOW = (
    "SELECT r.article_id FROM retold_copies r"
    f" WHERE r.issue > (SELECT COALESCE(MAX(number), 0) FROM issues) - {RETOLD_ISSUES}"
)


def _plan_taken(value: str | None) -> dict[str, Any]:
    """An issue's `plan` column as `IssueRecord.plan` and `plan_entry`."""
    if not value:
        return {}
    data = json.loads(value)
    return {"plan": tuple(tuple(e) for e in data["plan"]), "plan_entry": int(data["entry"])}


def _published_at(value: object, number: int, path: Path) -> datetime:
    """An issue's stored time of publishing; a value that is not one (a store edited by hand:
    fixjp #3, a bare ValueError ended `themes` and `build`) stops the run, naming the issue and
    the way back. Only this field's parse is caught: any other error is raised as it is."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    shown = repr(value) if len(repr(value)) <= 40 else f"{repr(value)[:37]}..."
    raise CuratorError(
        f"the store {path} is damaged: issue {number}'s time of publishing reads {shown}, not a"
        " date and time (the store edited by hand, or by another program); this run stopped"
        " there, and what was stored before is kept: restore the store from a backup (curator"
        " backup's copies: the newest one taken before the damage): with no curator running,"
        f" move it over {path} and delete {path.name}-wal and {path.name}-shm beside it; then"
        " run again"
    )


class IssueStore(StoreBase):
    """The store's methods about published issues (part of `curator.store.Store`)."""

    # -- issues ----------------------------------------------------------------------------------
    def next_issue_number(self) -> int:
        """The number of the issue to publish next: the last one's plus 1; while none is
        published, `first_issue` (feeds.yaml's `settings: first_issue:`, walk202 #2)."""
        last = self.last_issue_number()
        return last + 1 if last is not None else self.first_issue

    def last_issue_number(self) -> int | None:
        """The number of the last issue published, None while none is."""
        row = self.db.execute("SELECT MAX(number) FROM issues").fetchone()
        return None if row[0] is None else int(row[0])

    def unfinished_issue(self) -> int | None:
        """The issue a build began to publish from this store and did not finish (killed between
        renaming its files into place and recording it), if any: its files in the output folder
        are this store's own, to be replaced, not another store's."""
        value = self._meta("publishing_issue")
        return int(value) if value else None

    def unfinished_files(self) -> dict[str, list[str]] | None:
        """The SHA-256 digests of the files of `unfinished_issue` the builds that began it were
        writing, by name (None: it was begun by a curator that kept none)."""
        value = self._meta("publishing_files")
        if not value:
            return None
        try:
            files = json.loads(value)
        except ValueError:
            return None
        if not isinstance(files, dict):
            return None
        return {
            str(name): [str(d) for d in digests]
            for name, digests in files.items()
            if isinstance(digests, list)
        }

    def begin_issue(self, number: int, files: Mapping[str, str] | None = None) -> None:
        """Say, committed before any file of issue `number` is renamed into place, that this store
        publishes it (`unfinished_issue`), with the digests of the `files` (by name) it writes,
        added to those of the builds that began the same issue before and did not finish: a copy
        of the store taken then and put back later knows its own files from an issue published
        since (walk157 #2). `finish_issue`, in the transaction recording it, ends it."""
        kept = self.unfinished_files() if self.unfinished_issue() == number else None
        digests = dict(kept or {})
        for name, digest in (files or {}).items():
            digests[name] = [*digests.get(name, []), digest][-8:]
        self._set_meta(
            [("publishing_issue", str(number)), ("publishing_files", json.dumps(digests))]
        )

    def forget_unfinished_issue(self) -> None:
        """The build that began `unfinished_issue` failed and put every file back as it was."""
        with self.transaction():
            self.finish_issue()

    def newsletter_titles(self) -> list[str]:
        """The titles feeds.yaml gave the newsletter when an issue was published or the archive
        rendered, oldest first (the last: the title it had then), as `keep_newsletter_title`
        kept them; [] for a store from before curator kept them."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'newsletter_titles'").fetchone()
        try:
            titles = json.loads(row[0]) if row is not None else []
        except ValueError:
            return []
        return [str(t) for t in titles] if isinstance(titles, list) else []

    def keep_newsletter_title(self, title: str, former: Iterable[str] = ()) -> None:
        """Keep `title` as the newsletter's title now, after those it had (and `former`, found
        otherwise: `outputs.former_titles`). Why: walk176 #6, an issue published under a title
        the newsletter no longer has was listed in the archive as if that were the issue's own."""
        titles = list(dict.fromkeys([*self.newsletter_titles(), *former]))
        titles = [t for t in titles if t != title] + [title]
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('newsletter_titles', ?)",
                (json.dumps(titles[-20:], ensure_ascii=False),),
            )

    def finish_issue(self) -> None:
        self.db.execute("DELETE FROM meta WHERE key IN ('publishing_issue', 'publishing_files')")

    def has_issue(self, number: int) -> bool:
        """Issue `number` is recorded as published."""
        row = self.db.execute("SELECT 1 FROM issues WHERE number = ?", (number,)).fetchone()
        return row is not None

    def record_issue(
        self,
        number: int,
        title: str,
        published_at: datetime,
        featured: Iterable[tuple[str, int]],
        *,
        theme: Sequence[str] = (),
        planned: bool = False,
        introduction: str | None = None,
        closing: str | None = None,
        copies: Iterable[tuple[str, int, int]] = (),
        promised: Sequence[str] = (),
        articles: Mapping[int, Article] | None = None,
        issue_date: datetime | None = None,
        editor: str | None = None,
        plan: tuple[Sequence[Sequence[str]], int] | None = None,
        own_sections: Sequence[str] = (),
    ) -> None:
        """Record a published issue and the articles it featured, as (subject, article id) in order;
        with its theme (the subjects it was about; () for every subject), whether it took its
        theme's place in the plan, and its introduction. `copies` are the articles it named as
        "also covered by", as (subject, article id, id of the featured article named with): they
        count as published (no later issue features them), never as featured entries.
        `articles` are the articles as the issue published them, by id: their title, credit,
        publication and blurb are kept with the issue (`IssueRecord.as_published`). `plan` is
        the plan of themes as it stands and the index of the entry the issue takes, if any.
        `own_sections` are its sections that are no subject (a draft's `extra_sections:`).

        An article featured twice is refused (ValueError, before anything is written): an issue
        has one entry per article, and a caller that gives one twice has a bug (walk111 #1 met it
        as sqlite3.IntegrityError, the theme `[X, X]` featuring each article twice)."""
        featured = list(featured)
        twice = [art_id for art_id, n in Counter(a for _, a in featured).items() if n > 1]
        if twice:
            raise ValueError(
                f"issue {number} would feature article {twice[0]} more than once"
                f" (under {', '.join(s for s, a in featured if a == twice[0])}): a bug in curator,"
                " which publishes each article once; nothing was recorded"
            )
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO issues (number, title, published_at, theme, planned, introduction,"
                " closing, promised, issue_date, editor, plan, own_sections)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    title,
                    _iso(published_at),
                    json.dumps(list(theme), ensure_ascii=False) if theme else None,
                    int(planned),
                    introduction,
                    closing,
                    json.dumps(list(promised), ensure_ascii=False),
                    # (the date as the issue names it: its own day, not converted to UTC)
                    issue_date.isoformat() if issue_date else None,
                    editor,
                    None
                    if plan is None
                    else json.dumps(
                        {"plan": [list(e) for e in plan[0]], "entry": plan[1]},
                        ensure_ascii=False,
                    ),
                    json.dumps(list(own_sections), ensure_ascii=False),
                ),
            )
            issue_id = cursor.lastrowid
            self.db.executemany(
                "INSERT INTO issue_articles (issue_id, article_id, subject, position)"
                " VALUES (?, ?, ?, ?)",
                [
                    (issue_id, art_id, subject, pos)
                    for pos, (subject, art_id) in enumerate(featured)
                ],
            )
            after = self.db.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM issue_articles WHERE issue_id = ?",
                (issue_id,),
            ).fetchone()[0]
            # (one row per article and issue: a copy named twice, or also featured, is kept once)
            self.db.executemany(
                "INSERT OR IGNORE INTO issue_articles (issue_id, article_id, subject, position,"
                " also_of) VALUES (?, ?, ?, ?, ?)",
                [
                    (issue_id, art_id, subject, after + pos, of)
                    for pos, (subject, art_id, of) in enumerate(copies)
                ],
            )
            self.db.executemany(
                "UPDATE issue_articles SET title = ?, authors = ?, publication = ?, blurb = ?,"
                " blurb_markdown = ? WHERE issue_id = ? AND article_id = ?",
                [
                    (
                        art.title,
                        json.dumps(list(art.authors), ensure_ascii=False),
                        art.publication,
                        art.blurb,
                        art.blurb_markdown,
                        issue_id,
                        art_id,
                    )
                    for art_id, art in (articles or {}).items()
                ],
            )
            # (a credit its draft corrected: the one an issue featuring it again publishes)
            self.db.executemany(
                "UPDATE issue_articles SET credit_corrected = 1 WHERE issue_id = ?"
                " AND article_id = ?",
                [
                    (issue_id, art_id)
                    for art_id, art in (articles or {}).items()
                    if art.credit_corrected_in == number
                ],
            )
            # (a blurb its draft corrected, likewise: walk167 #5)
            self.db.executemany(
                "UPDATE issue_articles SET blurb_corrected = 1 WHERE issue_id = ?"
                " AND article_id = ?",
                [
                    (issue_id, art_id)
                    for art_id, art in (articles or {}).items()
                    if art.blurb_corrected_in == number
                ],
            )
            # (a title its draft corrected, likewise: walk199 #2)
            self.db.executemany(
                "UPDATE issue_articles SET title_corrected = 1 WHERE issue_id = ?"
                " AND article_id = ?",
                [
                    (issue_id, art_id)
                    for art_id, art in (articles or {}).items()
                    if art.title_corrected_in == number
                ],
            )

    def set_published_article(
        self,
        number: int,
        article_id: int,
        article: Article,
        *,
        credit_corrected: bool = False,
        blurb_corrected: bool = False,
        title_corrected: bool = False,
    ) -> None:
        """Keep the address, title, credit and blurb issue `number` publishes article
        `article_id` with anew (as its corrected issue-N.json has them), as `record_issue` kept
        them (the address only when it is not the article's own). `credit_corrected`: its
        credit is the editor's correction, which an issue featuring it again publishes
        (`credit_corrections`); `blurb_corrected` likewise its blurb (`blurb_corrections`), and
        `title_corrected` its title (`title_corrections`; walk199 #2)."""
        with self.transaction():
            self.db.execute(
                "UPDATE issue_articles SET title = ?, authors = ?, publication = ?, blurb = ?,"
                " blurb_markdown = ?, url = (CASE WHEN ? = (SELECT url FROM articles WHERE id = ?)"
                " THEN NULL ELSE ? END), credit_corrected = (CASE WHEN ? THEN 1 ELSE"
                " credit_corrected END), blurb_corrected = (CASE WHEN ? THEN 1 ELSE"
                " blurb_corrected END), title_corrected = (CASE WHEN ? THEN 1 ELSE"
                " title_corrected END) WHERE article_id = ? AND issue_id ="
                " (SELECT id FROM issues WHERE number = ?)",
                (
                    article.title,
                    json.dumps(list(article.authors), ensure_ascii=False),
                    article.publication,
                    article.blurb,
                    article.blurb_markdown,
                    article.url,
                    article_id,
                    article.url,
                    int(credit_corrected),
                    int(blurb_corrected),
                    int(title_corrected),
                    article_id,
                    number,
                ),
            )

    def record_feed_renamed(self, feed_url: str, was: str) -> None:
        """The feed at `feed_url` called itself `was` before the title it gives now: its
        publisher may have renamed itself (`renamed_feed`)."""
        self._set_meta([(f"feed_renamed:{feed_url}", json.dumps([was], ensure_ascii=False))])

    def renamed_feed(self, feed_url: str) -> bool:
        """Whether the feed at `feed_url` was seen calling itself by a new title
        (`record_feed_renamed`)."""
        return self._meta(f"feed_renamed:{feed_url}") is not None

    def newest_site_names(self, feed_url: str) -> dict[str, str]:
        """Host -> the site name the newest page of the feed at `feed_url` on that host gave
        (`Article.site_name`; link posts and pages that gave none left out): a publisher that
        renamed itself is credited under one name (walk169 #9)."""
        newest: dict[str, str] = {}
        rows = self.db.execute(
            "SELECT url, site_name FROM articles WHERE feed_id = (SELECT id FROM feeds WHERE"
            " url = ?) AND site_name IS NOT NULL AND site_name != '' AND NOT link_post"
            " ORDER BY first_seen, id",
            (feed_url,),
        )
        for url, site_name in rows:
            newest[urlsplit(str(url)).hostname or ""] = str(site_name)
        return newest

    def credit_corrections(self) -> dict[int, tuple[int, tuple[str, ...], str | None]]:
        """The credit the editor last corrected each article's to, by article id: (the number of
        the issue that corrected it, its authors, its publication). One mechanism for both ways
        of correcting it: a draft's `author:`/`publication:` lines (`record_issue`) and
        issue-N.json with `curator render` (`set_published_article`). An issue featuring the
        article again publishes it so, unless its draft corrects it anew (walk158 #7)."""
        found: dict[int, tuple[int, tuple[str, ...], str | None]] = {}
        for article_id, number, authors, publication in self.db.execute(
            "SELECT ia.article_id, i.number, ia.authors, ia.publication FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id WHERE ia.credit_corrected = 1"
            " AND ia.authors IS NOT NULL ORDER BY i.number"
        ):
            found[article_id] = (number, tuple(json.loads(authors)), publication)
        return found

    def title_corrections(self) -> dict[int, tuple[int, str]]:
        """The title the editor last corrected each article's to, by article id: (the number of
        the issue that corrected it, the title that issue publishes now), as `credit_corrections`
        gives credits; an issue featuring the article again publishes it so, unless its draft
        gives another. An issue that no longer features the article corrects nothing."""
        found: dict[int, tuple[int, str]] = {}
        for article_id, number, title in self.db.execute(
            "SELECT ia.article_id, i.number, ia.title FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id WHERE ia.title_corrected = 1"
            " AND ia.title IS NOT NULL ORDER BY i.number"
        ):
            if str(title).strip():
                found[article_id] = (number, str(title))
        return found

    def blurb_corrections(self) -> dict[int, tuple[int, str, str | None]]:
        """The blurb the editor last corrected each article's to, by article id: (the number of
        the issue that corrected it, its blurb, its Markdown or None). Both ways of correcting it,
        as `credit_corrections`: a draft's blurb (`record_issue`) and issue-N.json with `curator
        render` (`set_published_article`). An issue featuring the article again publishes it so,
        unless its draft corrects it anew (walk167 #5)."""
        found: dict[int, tuple[int, str, str | None]] = {}
        for article_id, number, blurb, markdown in self.db.execute(
            "SELECT ia.article_id, i.number, ia.blurb, ia.blurb_markdown FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id WHERE ia.blurb_corrected = 1"
            " AND ia.blurb IS NOT NULL ORDER BY i.number"
        ):
            found[article_id] = (number, blurb, markdown)
        return found

    def cut_from_issue(self, number: int, article_ids: Collection[int]) -> None:
        """Take articles `article_ids` out of published issue `number` (cut from its corrected
        issue-N.json), with the ones named under them as "also covered by": none is featured by
        the issue any more, and each waits again for a later one, as an article never featured."""
        with self.transaction():
            self.db.executemany(
                "DELETE FROM issue_articles WHERE (article_id = ? OR also_of = ?) AND issue_id ="
                " (SELECT id FROM issues WHERE number = ?)",
                [(article_id, article_id, number) for article_id in article_ids],
            )

    def add_to_issue(self, number: int, article_id: int, subject: str, article: Article) -> None:
        """Record stored article `article_id` as featured by published issue `number` under
        `subject`, after its other articles, published as `article` (added to its corrected
        issue-N.json): as `cut_from_issue` does the reverse, so no later issue features it again.
        An entry of it the issue had as "also covered by" becomes this one."""
        with self.transaction():
            issue_id = self.db.execute(
                "SELECT id FROM issues WHERE number = ?", (number,)
            ).fetchone()[0]
            self.db.execute(
                "DELETE FROM issue_articles WHERE issue_id = ? AND article_id = ?",
                (issue_id, article_id),
            )
            after = self.db.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM issue_articles WHERE issue_id = ?",
                (issue_id,),
            ).fetchone()[0]
            self.db.execute(
                "INSERT INTO issue_articles (issue_id, article_id, subject, position)"
                " VALUES (?, ?, ?, ?)",
                (issue_id, article_id, subject, after),
            )
        self.set_published_article(number, article_id, article)

    def set_section_heading(self, number: int, article_ids: Collection[int], heading: str) -> None:
        """Keep the heading issue `number` prints articles `article_ids` under anew (their
        section's `subject` as its corrected issue-N.json has it); the subject they were
        published under, which placement keeps them under, stays."""
        with self.transaction():
            self.db.executemany(
                "UPDATE issue_articles SET heading = (CASE WHEN subject = ? THEN NULL ELSE ? END)"
                " WHERE article_id = ? AND issue_id = (SELECT id FROM issues WHERE number = ?)",
                [(heading, heading, article_id, number) for article_id in article_ids],
            )

    def set_issue_heading(self, number: int, title: str, editor: str | None) -> None:
        """Keep published issue `number`'s title and editor as corrected ("" for no editor)."""
        with self.transaction():
            self.db.execute(
                "UPDATE issues SET title = ?, editor = ? WHERE number = ?",
                (title, editor if editor is not None else "", number),
            )

    def set_issue_date(self, number: int, issue_date: datetime) -> None:
        """Date published issue `number` anew (as its corrected issue-N.json dates it)."""
        with self.transaction():
            self.db.execute(
                "UPDATE issues SET issue_date = ? WHERE number = ?",
                (issue_date.isoformat(), number),
            )

    def undated_issues(self) -> list[int]:
        """The issues the store keeps no date for (published by a curator of schema 16 or
        before), unless this run found theirs (`dates_found`)."""
        rows = self.db.execute("SELECT number FROM issues WHERE issue_date IS NULL")
        return [int(r[0]) for r in rows if int(r[0]) not in self.dates_found]

    def fill_issue_dates(self, dates: Mapping[int, datetime]) -> None:
        """Date the issues `dates` names that the store keeps no date for (an older curator's):
        as their issue-N.json or feed.xml dates them (`curator.olddates`)."""
        with self.transaction():
            self.db.executemany(
                "UPDATE issues SET issue_date = ? WHERE number = ? AND issue_date IS NULL",
                [(day.isoformat(), number) for number, day in dates.items()],
            )

    def set_issue_text(self, number: int, introduction: str, closing: str) -> None:
        """Keep published issue `number`'s introduction and closing line as corrected."""
        with self.transaction():
            self.db.execute(
                "UPDATE issues SET introduction = ?, closing = ? WHERE number = ?",
                (introduction, closing, number),
            )

    def issues(self, *, with_articles: bool = False) -> list[IssueRecord]:
        """Every published issue, oldest first (with what each featured, when asked)."""
        rows = self.db.execute(
            "SELECT id, number, title, published_at, theme, planned, introduction, closing,"
            " promised, issue_date, editor, plan FROM issues ORDER BY number"
        ).fetchall()
        featured: dict[int, list[tuple[str, int]]] = {}
        copies: dict[int, list[tuple[int, int]]] = {}
        published: dict[int, dict[int, Article]] = {}
        headings: dict[int, dict[int, str]] = {}
        if with_articles:
            for r in self.db.execute(
                "SELECT ia.issue_id, ia.subject, ia.article_id, ia.also_of, ia.title, ia.authors,"
                " ia.publication, ia.blurb, COALESCE(ia.url, a.url), ia.blurb_markdown, a.language,"
                " ia.heading FROM issue_articles ia"
                " LEFT JOIN articles a ON a.id = ia.article_id ORDER BY ia.issue_id, ia.position"
            ):
                if r[3] is None:
                    featured.setdefault(r[0], []).append((r[1], r[2]))
                else:
                    copies.setdefault(r[0], []).append((r[3], r[2]))
                if r[11] is not None:
                    headings.setdefault(r[0], {})[r[2]] = r[11]
                if r[4] is not None:
                    published.setdefault(r[0], {})[r[2]] = Article(
                        id=r[2],
                        # (an older curator's address naming a user: published without it,
                        # fixie #6; walk187 #1: told as corrected by the next render)
                        url=without_user(r[8] or "") or r[8],
                        title=r[4],
                        authors=tuple(json.loads(r[5] or "[]")),
                        publication=r[6],
                        blurb=r[7] or "",
                        blurb_markdown=r[9],
                        language=r[10] or "",
                    )
        return [
            IssueRecord(
                number=r["number"],
                title=r["title"],
                published_at=_published_at(r["published_at"], r["number"], self.path),
                theme=tuple(json.loads(r["theme"])) if r["theme"] else (),
                planned=bool(r["planned"]),
                introduction=r["introduction"],
                closing=r["closing"],
                featured=tuple(featured.get(r["id"], ())),
                copies=tuple(copies.get(r["id"], ())),
                promised=None if r["promised"] is None else tuple(json.loads(r["promised"])),
                as_published=published.get(r["id"], {}),
                headings=headings.get(r["id"], {}),
                issue_date=_dt(r["issue_date"]) or self.dates_found.get(r["number"]),
                editor=r["editor"],
                **_plan_taken(r["plan"]),
            )
            for r in rows
        ]

    def recent_published(self, issues: int) -> list[tuple[int, Article]]:
        """The articles the last `issues` issues published (featured, or named as "also covered
        by"), as stored, each with its issue's number, newest issue first; then those the editor
        recorded as featured before they moved to curator (`curator featured add`), as issue 0:
        a copy of one is the same story too (walk202 #1)."""
        rows = self.db.execute(
            "SELECT a.*, f.url AS feed_url, i.number AS issue_number FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id JOIN articles a ON a.id = ia.article_id"
            " LEFT JOIN feeds f ON f.id = a.feed_id"
            " WHERE i.number > (SELECT MAX(number) FROM issues) - ?"
            " ORDER BY i.number DESC, ia.position",
            (issues,),
        )
        found = [(int(r["issue_number"]), self._article(r)) for r in rows]
        return found + [(0, a) for a in self.featured_before_articles()]

    def record_retold(self, rows: Iterable[tuple[int, int, int, str]]) -> None:
        """Record unfeatured articles found to tell a story an issue published, as (article id,
        issue number, id of the article it published, why): `candidates` skips them from then
        on (walk81 #1), and no count counts them as waiting."""
        rows = list(rows)
        if not rows:
            return  # (no write: nothing waits for the store's lock)
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO retold_copies (article_id, issue, earlier_id, reason)"
                " VALUES (?, ?, ?, ?)",
                rows,
            )

    def feed_texts(
        self, feed_url: str | None = None, after: int = 0
    ) -> list[tuple[int, str | None, str, str, str]]:
        """The articles first brought by the feed at `feed_url` (every feed's: None), stored after
        the article id `after`, read for their words alone: (id, feed address, title, summary,
        text), by id."""
        where = " AND f.url = ?" if feed_url is not None else ""
        rows = self.db.execute(
            "SELECT a.id, f.url, a.title, a.summary, COALESCE(a.text, '') FROM articles a"
            " LEFT JOIN feeds f ON f.id = a.feed_id WHERE a.id > ?" + where + " ORDER BY a.id",
            (after,) if feed_url is None else (after, feed_url),
        )
        return [(int(r[0]), r[1], str(r[2]), str(r[3]), str(r[4])) for r in rows]

    def feed_title(self, feed_url: str) -> str | None:
        """The title the feed at `feed_url` gave itself when last read (None: none, or unknown)."""
        row = self.db.execute("SELECT title FROM feeds WHERE url = ?", (feed_url,)).fetchone()
        return None if row is None or not row[0] else str(row[0])

    def retold_copy(self, article_id: int) -> tuple[int, str, str, str] | None:
        """What `record_retold` recorded of the article: (the issue that published its story,
        the title and address of the article it published, why); None when nothing."""
        row = self.db.execute(
            "SELECT r.issue, e.title, e.url, r.reason FROM retold_copies r"
            " JOIN articles e ON e.id = r.earlier_id WHERE r.article_id = ?",
            (article_id,),
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]), str(row[2]), str(row[3]))

    def recorded_retold(
        self, subject: str, above: float | None = None
    ) -> list[tuple[Article, Article, int, str]]:
        """The recorded copies (`record_retold`) still left out, placed under `subject` (scoring
        over `above`, when given), best first: each as (the copy, the article the issue
        published, its number, why), read light (no text)."""
        over = " AND s.score > ?" if above is not None else ""
        rows = self.db.execute(
            "SELECT a.id, a.url, a.title, a.publication, e.id, e.url, e.title, e.publication,"
            " r.issue, r.reason FROM retold_copies r"
            " JOIN assignments s ON s.article_id = r.article_id"
            " JOIN articles a ON a.id = r.article_id JOIN articles e ON e.id = r.earlier_id"
            f" WHERE s.subject = ? AND r.article_id IN ({_RETOLD_NOW})"
            + over
            + " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            + _NOT_DEAD
            + " ORDER BY s.score DESC, a.id",
            (subject,) if above is None else (subject, above),
        )
        return [
            (
                Article(id=r[0], url=r[1], title=r[2], publication=r[3]),
                Article(id=r[4], url=r[5], title=r[6], publication=r[7]),
                int(r[8]),
                str(r[9]),
            )
            for r in rows
        ]

    def issue_urls(self, number: int) -> list[str]:
        """The addresses of the articles issue `number` featured, as it published them, in issue
        order (none named "also covered by"); [] when the store does not record it."""
        rows = self.db.execute(
            "SELECT COALESCE(ia.url, a.url) FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id LEFT JOIN articles a ON a.id = ia.article_id"
            " WHERE i.number = ? AND ia.also_of IS NULL ORDER BY ia.position",
            (number,),
        )
        return [str(r[0]) for r in rows if r[0]]

    def issue_feeds(self, number: int) -> list[str | None]:
        """The feed each article issue `number` featured came from, in issue order (None for one
        added by address); [] when the store does not record it."""
        rows = self.db.execute(
            "SELECT f.url FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " LEFT JOIN articles a ON a.id = ia.article_id LEFT JOIN feeds f ON f.id = a.feed_id"
            " WHERE i.number = ? AND ia.also_of IS NULL ORDER BY ia.position",
            (number,),
        )
        return [None if r[0] is None else str(r[0]) for r in rows]

    def issues_featuring(self, article_id: int, *, only_copies: bool = False) -> list[int]:
        """The numbers of the published issues that featured the article (or named it as "also
        covered by", which counts as published too; with `only_copies`, only those), oldest
        first."""
        rows = self.db.execute(
            "SELECT DISTINCT i.number FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " WHERE ia.article_id = ?"
            + (" AND ia.also_of IS NOT NULL" if only_copies else "")
            + " ORDER BY i.number",
            (article_id,),
        )
        return [int(r[0]) for r in rows]

    def article_by_id(self, article_id: int) -> Article | None:
        row = self.db.execute(self._SELECT + " WHERE a.id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def usual_scores(self, ids: Collection[int] = ()) -> UsualScores:
        """What the articles placed under each subject with at least two score around their
        middle, for an article scoring under what the subject's other articles usually score
        (`subjects.ONE_WORD_BELOW`; `UsualScores.of`: their median, the article's own score left
        out), with the subjects and scores of the articles `ids`. walk165 #1: a middle taken
        with the article's own score in it was its own score when a subject had two articles,
        so one placed under it on the single word "measures" of its name (0.051, beside 0.205)
        went unsaid; walk168 #3: for an even count of others it was the lower middle one, not
        their median."""
        middles: dict[str, tuple[int, int, list[float]]] = {}
        rows = self.db.execute(
            """SELECT subject, n, k, score FROM (
                 SELECT subject, score,
                        ROW_NUMBER() OVER (PARTITION BY subject ORDER BY score) - 1 AS k,
                        COUNT(*) OVER (PARTITION BY subject) AS n
                 FROM assignments WHERE subject IS NOT NULL)
               WHERE n >= 2 AND k BETWEEN (n - 2) / 2 AND (n - 1) / 2 + 1
               ORDER BY subject, k"""
        )
        for subject, count, rank, score in rows:
            kept = middles.setdefault(str(subject), (int(count), int(rank), []))
            kept[2].append(float(score))
        own = {
            int(r[0]): (str(r[1]), float(r[2]))
            for r in self._each_in(
                "SELECT article_id, subject, score FROM assignments"
                " WHERE subject IS NOT NULL AND article_id IN ({marks})",
                sorted(set(ids)),
            )
        }
        return UsualScores(middles, own)

    def weak_fits(self, bars: Mapping[str, float], ids: Collection[int]) -> set[int]:
        """Of the unfeatured articles whose ids are in `ids`, those the scorer placed under a
        subject with a score under its bar in `bars` (see `placement.weak_bars`); not those the
        editor moved there."""
        found: set[int] = set()
        wanted = tuple(ids)
        if not wanted:
            return found
        only = f" AND s.article_id IN ({', '.join('?' * len(wanted))})"
        for subject, bar in bars.items():
            rows = self.db.execute(
                """SELECT s.article_id FROM assignments s
                   WHERE s.subject = ? AND s.score < ?
                     AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = s.article_id)
                     AND NOT EXISTS (SELECT 1 FROM issue_articles ia
                                     WHERE ia.article_id = s.article_id)"""
                + only,
                (subject, bar, *wanted),
            )
            found.update(int(r[0]) for r in rows)
        return found

    def count_candidates(
        self,
        subject: str,
        min_score: float = 0.0,
        exclude: Collection[int] = (),
        *,
        weak_under: float | None = None,
    ) -> int:
        """How many unfeatured articles are placed under `subject` with at least `min_score`,
        leaving out the articles whose ids are in `exclude` (and dead links, as `candidates`).
        With `weak_under` (the subject's bar, `placement.weak_bars`), only those of them that
        score under it and that the scorer placed there (not the editor): the weak fits."""
        ids = tuple(exclude)
        leave_out = f" AND s.article_id NOT IN ({', '.join('?' * len(ids))})" if ids else ""
        weak = ""
        if weak_under is not None:
            weak = (
                " AND s.score < ? AND NOT EXISTS"
                " (SELECT 1 FROM corrections c WHERE c.article_id = s.article_id)"
            )
        row = self.db.execute(
            """SELECT COUNT(*) FROM assignments s
               WHERE s.subject = ? AND s.score >= ?
                 AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = s.article_id)"""
            + _NOT_DEAD.replace("a.id", "s.article_id")
            + _NOT_RETOLD.replace("a.id", "s.article_id")
            + leave_out
            + weak,
            (subject, min_score, *ids, *(() if weak_under is None else (weak_under,))),
        ).fetchone()
        return int(row[0])
