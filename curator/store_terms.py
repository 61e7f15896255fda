"""The store's term counts (`curator.termcounts`) and the subject model as last fitted
(`curator.modelcache`), with the placements it decided and an issue's candidates."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from curator.models import Article, Placed
from curator.storebase import CANDIDATES_INDEX as _CANDIDATES_INDEX
from curator.storebase import NOT_DEAD as _NOT_DEAD
from curator.storebase import NOT_RETOLD as _NOT_RETOLD
from curator.storebase import SAVE_ASSIGNMENT as _SAVE_ASSIGNMENT
from curator.storebase import StoreBase
from curator.storebase import iso as _iso
from curator.storebase import stale as _stale
from curator.storerecords import LightRow, StoredModel
from curator.wordpairs import JOIN


class TermStore(StoreBase):
    """The store's methods about term counts, the model and placements (part of
    `curator.store.Store`)."""

    # -- term counts (see curator.termcounts) ---------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, pairs: Iterable[tuple[str, str]]) -> None:
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", pairs)

    def robots_txt(self, site: str) -> str | None:
        """A site's robots.txt as `keep_robots_txt` kept it (`curator.robots.kept`), or None."""
        return self._meta(f"robots:{site}")

    def keep_robots_txt(self, site: str, value: str) -> None:
        """Keep a site's robots.txt (`curator.robots.kept`: its text and when it was fetched)."""
        self._set_meta([(f"robots:{site}", value)])

    def drop_page_retry(self, article_id: int) -> None:
        """Read the article's page no more (its site's robots.txt disallows it): it stays as its
        feed made it."""
        with self.transaction():
            self.db.execute("DELETE FROM page_retries WHERE article_id = ?", (article_id,))

    def retold_said(self) -> set[int]:
        """The ids of the articles a build has said it left out as stories published before."""
        said = self._meta("retold_said")
        return set(json.loads(said)) if said else set()

    def mark_retold_said(self, ids: Iterable[int]) -> None:
        """Record that a build said these articles were left out as stories published before:
        later builds leave them out without saying it again."""
        said = self.retold_said() | set(ids)
        self._set_meta([("retold_said", json.dumps(sorted(said)))])

    def term_counts_state(self) -> tuple[str | None, list[str]]:
        """How the stored counts were counted (`termcounts.counts_format`; None: none counted
        yet) and the phrases every stored count includes."""
        phrases = self._meta("counted_phrases")
        return self._meta("counts_format"), sorted(json.loads(phrases)) if phrases else []

    def reset_term_counts(self, counts_format: str) -> None:
        """Forget every stored count and term: they are counted again in `counts_format`."""
        with self.transaction():
            self.db.execute("DELETE FROM article_terms")
            self.db.execute("DELETE FROM terms")
            self._set_meta(
                [
                    ("counts_format", counts_format),
                    ("counted_phrases", "[]"),
                    ("recount_unfinished", "1"),
                ]
            )

    def recount_unfinished(self) -> bool:
        """Whether a recount of every article (`reset_term_counts`) was cut short (a Ctrl-C):
        the next run resumes it (walk101 #1: it said "your subjects or corrections changed")."""
        return self._meta("recount_unfinished") is not None

    def recount_finished(self) -> None:
        """Record that every article is counted again (see `recount_unfinished`)."""
        with self.transaction():
            self.db.execute("DELETE FROM meta WHERE key = 'recount_unfinished'")

    def set_counted_phrases(self, phrases: Iterable[str]) -> None:
        """Record that every stored count includes these phrases."""
        self._set_meta([("counted_phrases", json.dumps(sorted(set(phrases))))])

    def uncounted(self, ids: Sequence[int]) -> list[int]:
        """Which of these article ids have no stored counts, in the order given."""
        sql = "SELECT article_id FROM article_terms WHERE article_id IN ({marks})"
        counted = {r[0] for r in self._each_in(sql, ids)}
        return [i for i in ids if i not in counted]

    def all_counted(self, after: int, through: int) -> bool:
        """Whether every article in (after, through] has stored counts (two counts by key)."""
        articles = self.db.execute(
            "SELECT COUNT(*) FROM articles WHERE id > ? AND id <= ?", (after, through)
        ).fetchone()[0]
        counted = self.db.execute(
            "SELECT COUNT(*) FROM article_terms WHERE article_id > ? AND article_id <= ?",
            (after, through),
        ).fetchone()[0]
        return bool(articles == counted)

    def uncounted_after(self, after: int, through: int, limit: int) -> list[int]:
        """Ids in (after, through] with no stored counts, oldest first, at most `limit`."""
        rows = self.db.execute(
            """SELECT a.id FROM articles a WHERE a.id > ? AND a.id <= ?
               AND NOT EXISTS (SELECT 1 FROM article_terms t WHERE t.article_id = a.id)
               ORDER BY a.id LIMIT ?""",
            (after, through, limit),
        )
        return [r[0] for r in rows]

    def term_rows(self, terms: Iterable[str]) -> dict[str, tuple[int, str]]:
        """term -> (id, word shown for it) for the stored ones among `terms`."""
        sql = "SELECT term, id, word FROM terms WHERE term IN ({marks})"
        return {r[0]: (r[1], r[2]) for r in self._each_in(sql, terms)}

    def upsert_terms(self, rows: Iterable[tuple[str, str]]) -> None:
        """Store (term, word) pairs: a new term, or a shorter word (alphabetically first among
        words as short) for a stored one."""
        with self.transaction():
            self.db.executemany(
                """INSERT INTO terms (term, word) VALUES (?, ?) ON CONFLICT(term) DO UPDATE
                   SET word = excluded.word
                   WHERE length(excluded.word) < length(terms.word)
                      OR (length(excluded.word) = length(terms.word) AND excluded.word < terms.word)""",
                rows,
            )

    def number_terms(self) -> list[str]:
        """The stored terms that may be numbers, versions or single letters (a superset:
        `textfeatures.is_number_term` tells)."""
        sql = "SELECT term FROM terms WHERE term GLOB '[0-9]*' OR length(term) = 1"
        return [r[0] for r in self.db.execute(sql)]

    def pair_term_ids(self) -> list[int]:
        """The ids of the stored terms that are pairs of words (`wordpairs.JOIN` in them)."""
        sql = "SELECT id FROM terms WHERE instr(term, ?) > 0"
        return [r[0] for r in self.db.execute(sql, (JOIN,))]

    def terms_by_id(self, ids: Iterable[int]) -> dict[int, str]:
        """id -> term for these term ids."""
        return {
            r[0]: r[1]
            for r in self._each_in("SELECT id, term FROM terms WHERE id IN ({marks})", ids)
        }

    def max_term_id(self) -> int:
        return int(self.db.execute("SELECT MAX(id) FROM terms").fetchone()[0] or 0)

    def save_term_counts(self, rows: Iterable[tuple[int, bytes]]) -> None:
        """Store (article id, counts blob) rows (see `termcounts.encode`)."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO article_terms (article_id, counts) VALUES (?, ?)", rows
            )

    def term_count_blobs(self, ids: Sequence[int]) -> dict[int, bytes]:
        """article id -> stored counts blob, for those of `ids` that have one."""
        sql = "SELECT article_id, counts FROM article_terms WHERE article_id IN ({marks})"
        return {r[0]: r[1] for r in self._each_in(sql, ids)}

    def counted_between(self, after: int, through: int) -> Iterator[tuple[int, bytes]]:
        """(article id, counts blob) of every counted article in (after, through], by id."""
        rows = self.db.execute(
            "SELECT article_id, counts FROM article_terms WHERE article_id > ? AND article_id <= ?"
            " ORDER BY article_id",
            (after, through),
        )
        for row in rows:  # noqa: UP028 (not `yield from`: as in `_each_in`)
            yield row

    def placement_batch(
        self, fingerprint: str, after: int, through: int, subjects: Sequence[str]
    ) -> list[tuple[int, str, bytes | None]]:
        """(id, url, counts blob or None) of the articles in (after, through] to place again
        (`stale_ids`'s), by id."""
        rows = self.db.execute(
            "SELECT a.id, a.url, t.counts FROM articles a"
            " LEFT JOIN assignments s ON s.article_id = a.id"
            " LEFT JOIN article_terms t ON t.article_id = a.id"
            + _stale(subjects)
            + " ORDER BY a.id",
            (after, through, fingerprint, *subjects),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    # -- the subject model as last fitted (see curator.modelcache) ------------------------------
    def stored_model(self) -> StoredModel | None:
        """The subject model as last fitted, or None."""
        row = self.db.execute(
            "SELECT fingerprint, format, fitted_through, learnt_from, body FROM subject_model"
        ).fetchone()
        return None if row is None else StoredModel(*row)

    def save_model(self, model: StoredModel, *, now: datetime) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO subject_model (id, fingerprint, format, fitted_through,"
                " learnt_from, fitted_at, body) VALUES (1, ?, ?, ?, ?, ?, ?)",
                (
                    model.fingerprint,
                    model.format,
                    model.fitted_through,
                    model.learnt_from,
                    _iso(now),
                    model.body,
                ),
            )

    def mark_placed(self, fingerprint: str, through: int, scorer: str) -> None:
        """Record that the model `fingerprint`, of the scorer version `scorer`, has placed every
        article up to id `through`."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [
                    ("placed_fingerprint", fingerprint),
                    ("placed_through", str(through)),
                    ("placed_scorer", scorer),
                ],
            )

    def placed_scorer(self) -> str | None:
        """The scorer version (`subjectfit.SCORER_VERSION`) that placed the archive (None: not
        recorded, by a curator from before it was)."""
        return self._meta("placed_scorer")

    def newest_article_id(self) -> int:
        return int(self.db.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0)

    def save_assignments(
        self, rows: Iterable[tuple[int, str | None, float, Sequence[str]]], fingerprint: str
    ) -> None:
        """Store (article id, subject, score, matched terms) decided by the model `fingerprint`."""
        with self.transaction():
            self.db.executemany(
                _SAVE_ASSIGNMENT,
                [(i, subj, score, json.dumps(list(m)), fingerprint) for i, subj, score, m in rows],
            )

    @contextmanager
    def placing_everything(self) -> Iterator[None]:
        """For placing most of the archive again: without the candidates' index meanwhile (every
        batch saved would rewrite pages all over it), built again, once, at the end (and at the
        next opening if the run is cut short)."""
        self.db.execute("DROP INDEX IF EXISTS assignments_subject_score")
        try:
            yield
        finally:
            if not self.closed:  # (else built at the next opening, as after a cut-short run)
                self.db.execute(_CANDIDATES_INDEX)

    def save_scored(
        self, rows: Iterable[tuple[int, str | None, float, str]], fingerprint: str
    ) -> None:
        """`save_assignments` with the matched terms as JSON already (from a worker process)."""
        with self.transaction():
            self.db.executemany(
                _SAVE_ASSIGNMENT, [(i, s, x, m, fingerprint) for i, s, x, m in rows]
            )

    def candidates(
        self, subject: str, limit: int, after: tuple[float, int] | None = None
    ) -> list[tuple[Article, float, tuple[str, ...]]]:
        """The `limit` unfeatured articles placed under `subject` with the highest scores; not
        those whose page answered 404 or 410 when last read (a dead link: see `unread_pages`).
        With `after` (a score and an id), the `limit` next ones after that one in that order
        (best score first, then the lower id), so a longer list is read without its start again."""
        since = " AND (s.score < ? OR (s.score = ? AND a.id > ?))" if after is not None else ""
        rows = self.db.execute(
            """SELECT a.*, f.url AS feed_url, s.score AS s_score, s.matched AS s_matched
               FROM assignments s JOIN articles a ON a.id = s.article_id
               LEFT JOIN feeds f ON f.id = a.feed_id
               WHERE s.subject = ?
                 AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"""
            + since
            + _NOT_DEAD
            + _NOT_RETOLD
            + " ORDER BY s.score DESC, a.id LIMIT ?",
            (subject, *(() if after is None else (after[0], after[0], after[1])), limit),
        )
        return [
            (self._article(r), float(r["s_score"]), tuple(json.loads(r["s_matched"]))) for r in rows
        ]

    def candidates_from(
        self, subject: str, floor: float, below: float | None = None
    ) -> list[LightRow]:
        """Every unfeatured article placed under `subject` scoring at least `floor` (and under
        `below`, when given) (not dead links), best first: read light, as rows of only what names
        its publication and dates it (`LightRow`: no text, title, authors nor blurb), for
        `placement.choose_sections` to pick the few it reads whole (`candidates_by_id`)."""
        under = " AND s.score < ?" if below is not None else ""
        rows = self.db.cursor()
        rows.row_factory = None  # (plain tuples: a row per article of a large archive)
        rows.execute(
            """SELECT a.id, s.score, a.url, a.publication, a.published, a.first_seen,
                      a.site_name, a.link_post, f.url AS feed_url
               FROM assignments s JOIN articles a ON a.id = s.article_id
               LEFT JOIN feeds f ON f.id = a.feed_id
               WHERE s.subject = ? AND s.score >= ?"""
            + under
            + """ AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"""
            + _NOT_DEAD
            + _NOT_RETOLD
            + " ORDER BY s.score DESC, a.id",
            (subject, floor) if below is None else (subject, floor, below),
        )
        return rows.fetchall()

    def candidates_by_id(
        self, subject: str, ids: Collection[int]
    ) -> list[tuple[Article, float, tuple[str, ...]]]:
        """As `candidates`, the articles of `ids` placed under `subject`, read whole."""
        sql = (
            "SELECT a.*, f.url AS feed_url, s.score AS s_score, s.matched AS s_matched"
            " FROM assignments s JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN feeds f ON f.id = a.feed_id"
            # (by the ids, not the subject's index: that reads every article under the subject)
            " WHERE s.article_id IN (SELECT value FROM json_each(?)) AND +s.subject = ?"
        )
        rows = self.db.execute(sql, (json.dumps(sorted(set(ids))), subject))
        return [
            (self._article(r), float(r["s_score"]), tuple(json.loads(r["s_matched"]))) for r in rows
        ]

    def unassigned_count(self, fingerprint: str, after: int = 0) -> int:
        """How many unfeatured articles the model `fingerprint` placed under no subject: not those
        the editor excluded nor dead links (what `candidates` would offer, had they a subject);
        with `after`, only those stored after the article of that id (a run's new ones, read by
        the primary key).

        When `fingerprint` placed every stored article (`placement_state`, as after `refresh`),
        counted as all those under no subject (the candidates' index alone) less the few
        featured, excluded or dead, so a store of 1,000,000 costs a count of the index, not a
        read of every row (walk58 #4: 0.8 s)."""
        placed_by, through = self.placement_state()
        if not after and placed_by == fingerprint and through >= self.newest_article_id():
            # (every unfeatured article's placement is `fingerprint`'s: only those it placed
            # are left unfeatured, so no row need be read for it)
            alone = self.db.execute(
                "SELECT COUNT(*) FROM assignments WHERE subject IS NULL"
            ).fetchone()[0]
            gone = self.db.execute(
                "SELECT COUNT(*) FROM assignments s WHERE s.subject IS NULL AND s.article_id IN ("
                " SELECT article_id FROM issue_articles UNION SELECT article_id FROM dead_links"
                " UNION SELECT article_id FROM corrections WHERE subject IS NULL)"
            ).fetchone()[0]
            return int(alone) - int(gone)
        row = self.db.execute(
            "SELECT COUNT(*) FROM assignments s JOIN articles a ON a.id = s.article_id"
            " WHERE +s.subject IS NULL AND s.fingerprint = ? AND s.article_id > ?"
            " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            " AND NOT EXISTS (SELECT 1 FROM corrections c"
            " WHERE c.article_id = a.id AND c.subject IS NULL)" + _NOT_DEAD,
            (fingerprint, after),
        ).fetchone()
        return int(row[0])

    def unassigned_urls(self, fingerprint: str, urls: Collection[str]) -> frozenset[str]:
        """Of `urls` (a run's new articles), those `unassigned_count` counts: unfeatured, placed
        by `fingerprint` under no subject, not excluded nor dead."""
        if not urls:
            return frozenset()
        rows = self.db.execute(
            "SELECT a.url FROM assignments s JOIN articles a ON a.id = s.article_id"
            " WHERE +s.subject IS NULL AND s.fingerprint = ?"
            " AND a.url IN (SELECT value FROM json_each(?))"
            " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            " AND NOT EXISTS (SELECT 1 FROM corrections c"
            " WHERE c.article_id = a.id AND c.subject IS NULL)" + _NOT_DEAD,
            (fingerprint, json.dumps(sorted(set(urls)))),
        )
        return frozenset(str(r[0]) for r in rows)

    def unassigned_languages(self, fingerprint: str) -> dict[str, int]:
        """Of the articles `unassigned_count` counts, how many declare each language (their
        page's `lang=`; "" for none)."""
        rows = self.db.execute(
            "SELECT COALESCE(a.language, ''), COUNT(*) FROM assignments s"
            " JOIN articles a ON a.id = s.article_id"
            " WHERE +s.subject IS NULL AND s.fingerprint = ?"
            " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            " AND NOT EXISTS (SELECT 1 FROM corrections c"
            " WHERE c.article_id = a.id AND c.subject IS NULL)" + _NOT_DEAD + " GROUP BY 1",
            (fingerprint,),
        ).fetchall()
        return {str(language): int(n) for language, n in rows}

    def waiting_counts(self, subjects: Sequence[str], leaving: Collection[int]) -> dict[str, int]:
        """Per subject of `subjects`, how many unfeatured articles placed under it are left for a
        later issue (what `candidates` would offer next): not dead links, nor the ids in `leaving`
        (an issue's, featured but not recorded yet, as a draft's). Counted as all those placed
        there (the index alone) less the few featured or dead, so a large store costs little."""
        out = dict.fromkeys(subjects, 0)
        for subject in out:
            out[subject] = int(
                self.db.execute(
                    "SELECT COUNT(*) FROM assignments WHERE subject = ?", (subject,)
                ).fetchone()[0]
            )
        if not out:
            return out
        marks = ", ".join("?" * len(out))
        ids = sorted(set(leaving))
        # (each article counted once: featured, in `leaving` or a dead link)
        gone = self.db.execute(
            f"""SELECT s.subject, COUNT(*) FROM assignments s
                WHERE s.subject IN ({marks}) AND s.article_id IN (
                  SELECT article_id FROM issue_articles
                  UNION SELECT article_id FROM dead_links
                  UNION SELECT article_id FROM retold_copies
                  UNION SELECT value FROM json_each(?))
                GROUP BY s.subject""",
            [*out, json.dumps(ids)],
        )
        for subject, count in gone:
            out[subject] -= int(count)
        return out

    def subject_sizes(self, subjects: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Per subject of `subjects`, how many stored articles are placed under it and how many
        of those an issue featured."""
        out = {}
        for subject in subjects:
            placed, featured = self.db.execute(
                "SELECT COUNT(*), COALESCE(SUM(EXISTS (SELECT 1 FROM issue_articles ia"
                " WHERE ia.article_id = s.article_id)), 0) FROM assignments s WHERE s.subject = ?",
                (subject,),
            ).fetchone()
            out[subject] = (int(placed), int(featured))
        return out

    def placed_best(self, subject: str | None, limit: int) -> list[Article]:
        """The `limit` articles placed under `subject` (None: under no subject) with the highest
        scores, in `placements`' order (best score first, then the lower id), read light: only
        their id, URL and title (`keywordfit` compares up to 1,000 of each subject's on every
        draft and build, and needs no more)."""
        where = "s.subject IS NULL" if subject is None else "s.subject = ?"
        rows = self.db.execute(
            "SELECT a.id, a.url, a.title FROM assignments s JOIN articles a ON a.id = s.article_id"
            f" WHERE {where} ORDER BY s.score DESC, a.id LIMIT ?",
            (limit,) if subject is None else (subject, limit),
        )
        return [Article(id=r[0], url=r[1], title=r[2]) for r in rows]

    def placed_matched(self, subject: str, limit: int) -> list[tuple[Article, tuple[str, ...]]]:
        """As `placed_best`, each with the words it matched under `subject`, the most telling
        first, as stored with its placement (`ownwords` names them)."""
        rows = self.db.execute(
            "SELECT a.id, a.url, a.title, s.matched FROM assignments s"
            " JOIN articles a ON a.id = s.article_id"
            " WHERE s.subject = ? ORDER BY s.score DESC, a.id LIMIT ?",
            (subject, limit),
        )
        return [
            (Article(id=r[0], url=r[1], title=r[2]), tuple(map(str, json.loads(r[3] or "[]"))))
            for r in rows
        ]

    def unassigned_articles(self, fingerprint: str, limit: int) -> list[Article]:
        """Unfeatured articles the model `fingerprint` placed under no subject (newest first),
        but not those the editor excluded: they belong to no subject, a new one included."""
        rows = self.db.execute(
            self._SELECT
            + " JOIN assignments s ON s.article_id = a.id"
            + " WHERE s.subject IS NULL AND s.fingerprint = ?"
            + " AND NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            + " AND NOT EXISTS (SELECT 1 FROM corrections c"
            + " WHERE c.article_id = a.id AND c.subject IS NULL)"
            + " ORDER BY a.id DESC LIMIT ?",
            (fingerprint, limit),
        )
        return [self._article(r) for r in rows]

    def article_count(self, *, unfeatured: bool = False) -> int:
        """How many articles are stored (with `unfeatured`, those no issue has featured)."""
        sql = "SELECT COUNT(*) FROM articles a"
        if unfeatured:
            sql += " WHERE NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
        return int(self.db.execute(sql).fetchone()[0])

    def recent_unfeatured(self, limit: int) -> list[Article]:
        """The `limit` most recently stored articles that no issue has featured, newest first."""
        rows = self.db.execute(
            self._SELECT
            + " WHERE NOT EXISTS (SELECT 1 FROM issue_articles ia WHERE ia.article_id = a.id)"
            + " ORDER BY a.id DESC LIMIT ?",
            (limit,),
        )
        return [self._article(r) for r in rows]

    def placements(
        self,
        subject: str | None = None,
        *,
        unplaced: bool = False,
        limit: int | None = None,
        order: Sequence[str] = (),
    ) -> list[Placed]:
        """Stored articles with their placement, by subject (then best score first): under
        `subject` only when given, or only those under no subject with `unplaced`; at most `limit`
        per subject (no subject counting as one). Subjects come in `order` (feeds.yaml's, as the
        issue has them; any other after, by name), then none."""
        # Each subject's rank (1: its best score) in the inner query, so that `limit` keeps the
        # first of every subject; the outer one orders the subjects.
        inner = """SELECT a.*, f.url AS feed_url, s.subject AS s_subject, s.score AS s_score,
                   ROW_NUMBER() OVER (PARTITION BY s.subject ORDER BY s.score DESC, a.id) AS rank,
                   c.article_id IS NOT NULL AS corrected, c.subject AS c_subject,
                   (SELECT MIN(i.number) FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                    WHERE ia.article_id = a.id) AS featured_in,
                   (SELECT ia.subject FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                    WHERE ia.article_id = a.id ORDER BY i.number LIMIT 1) AS published_under,
                   (SELECT i.own_sections FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                    WHERE ia.article_id = a.id ORDER BY i.number LIMIT 1) AS own_sections,
                   (SELECT ia.title FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id
                    WHERE ia.article_id = a.id AND ia.title IS NOT NULL ORDER BY i.number
                    LIMIT 1) AS printed_title,
                   (SELECT d.error FROM dead_links d WHERE d.article_id = a.id) AS dead_link
                 FROM assignments s JOIN articles a ON a.id = s.article_id
                 LEFT JOIN feeds f ON f.id = a.feed_id
                 LEFT JOIN corrections c ON c.article_id = a.id"""
        params: list[object] = []
        if unplaced:
            inner += " WHERE s.subject IS NULL"
        elif subject is not None:
            inner += " WHERE s.subject = ?"
            params.append(subject)
        sql = f"SELECT * FROM ({inner})"
        if limit is not None:
            sql += " WHERE rank <= ?"
            params.append(limit)
        sql += " ORDER BY s_subject IS NULL"
        if order:
            sql += ", CASE s_subject " + "WHEN ? THEN ? " * len(order) + "ELSE ? END"
            for i, name in enumerate(order):
                params += [name, i]
            params.append(len(order))
        sql += ", s_subject, rank"
        out = []
        renames = {a.casefold(): b for a, b in self.subject_renames()}
        for r in self.db.execute(sql, params):
            # What the editor said, where the placement follows it (a move to a subject that is
            # no longer one decides nothing; `curator.placement.stale_moves` says so).
            correction = None
            moved_to, placed = r["c_subject"], r["s_subject"]
            if r["corrected"] and moved_to is None:
                correction = "excluded"
            elif r["corrected"] and placed is not None and placed.casefold() == moved_to.casefold():
                correction = "moved"
            out.append(
                Placed(
                    self._article(r),
                    r["s_subject"],
                    float(r["s_score"]),
                    correction,
                    r["featured_in"],
                    r["dead_link"],
                    # (by its name now, when renamed since: not a former subject then)
                    None
                    if r["published_under"] is None
                    else self.renamed_to(str(r["published_under"]), renames),
                    r["published_under"],
                    r["published_under"] is not None
                    and r["published_under"] in json.loads(r["own_sections"] or "[]"),
                    printed_title=r["printed_title"],
                )
            )
        return out

    def placement_counts(self) -> dict[str | None, int]:
        """How many stored articles are placed under each subject (None: under none)."""
        rows = self.db.execute("SELECT subject, COUNT(*) FROM assignments GROUP BY subject")
        return {r[0]: r[1] for r in rows}
