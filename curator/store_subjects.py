"""The store's subjects: the editor's corrections and moves, subject renames, what a draft
recorded, the subjects issues published articles under, and articles read back by id or address."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from curator.models import Article
from curator.storebase import SAVE_ASSIGNMENT as _SAVE_ASSIGNMENT
from curator.storebase import StoreBase
from curator.storebase import iso as _iso
from curator.storebase import stale as _stale


class SubjectStore(StoreBase):
    """The store's methods about subjects and the editor's corrections (part of
    `curator.store.Store`)."""

    # -- subjects: corrections and stored assignments --------------------------------------------
    def set_correction(self, article_id: int, subject: str | None, *, now: datetime) -> None:
        """The editor's word on an article: it belongs to `subject`, or (None) to no subject. A
        word that replaces another keeps that one (`replaced_correction`), for `curator subjects
        undo` to restore (walk153 #4: an exclusion silently discarded a move, and undo forgot
        both)."""
        with self.transaction():
            row = self.db.execute(
                "SELECT subject FROM corrections WHERE article_id = ?", (article_id,)
            ).fetchone()
            replaced = self._replaced()
            if row is None:
                replaced.pop(str(article_id), None)
            elif row[0] != subject:
                replaced[str(article_id)] = row[0]
            self._set_meta([("replaced_corrections", json.dumps(replaced, ensure_ascii=False))])
            self.db.execute(
                "INSERT INTO corrections (article_id, subject, made_at) VALUES (?, ?, ?)"
                " ON CONFLICT(article_id) DO UPDATE SET subject = excluded.subject,"
                " made_at = excluded.made_at",
                (article_id, subject, _iso(now)),
            )

    def exclusions_made(self, article_ids: Sequence[int]) -> dict[int, datetime]:
        """When the editor excluded each of `article_ids` that is excluded now."""
        sql = (
            "SELECT article_id, made_at FROM corrections WHERE subject IS NULL AND article_id"
            " IN ({marks})"
        )
        return {int(i): datetime.fromisoformat(made) for i, made in self._each_in(sql, article_ids)}

    def _replaced(self) -> dict[str, str | None]:
        return dict(json.loads(self._meta("replaced_corrections") or "{}"))

    def replaced_correction(self, article_id: int) -> tuple[bool, str | None]:
        """The editor's earlier word on an article that their current one replaced: (whether
        there was one, its subject: None for an exclusion)."""
        replaced = self._replaced()
        key = str(article_id)
        return key in replaced, replaced.get(key)

    def restore_correction(self, article_id: int, *, now: datetime) -> bool:
        """Put back the editor's earlier word on an article, the one their current word replaced
        (`replaced_correction`), forgetting the current one; False when there was none."""
        with self.transaction():
            had, subject = self.replaced_correction(article_id)
            if not had:
                return False
            self.db.execute(
                "UPDATE corrections SET subject = ?, made_at = ? WHERE article_id = ?",
                (subject, _iso(now), article_id),
            )
            replaced = self._replaced()
            replaced.pop(str(article_id), None)
            self._set_meta([("replaced_corrections", json.dumps(replaced, ensure_ascii=False))])
        return True

    def corrections(self) -> dict[str, str | None]:
        """Every correction, as article URL -> subject (None: excluded)."""
        rows = self.db.execute(
            "SELECT a.url, c.subject FROM corrections c JOIN articles a ON a.id = c.article_id"
        )
        return {r[0]: r[1] for r in rows}

    def corrections_made(self) -> dict[str, tuple[str | None, datetime]]:
        """Every correction, as article URL -> (subject or None: excluded, when it was made)."""
        rows = self.db.execute(
            "SELECT a.url, c.subject, c.made_at FROM corrections c"
            " JOIN articles a ON a.id = c.article_id"
        )
        return {r[0]: (r[1], datetime.fromisoformat(r[2])) for r in rows}

    # -- what a subject edit changed (walk182 #7) -------------------------------------------------

    def placed_subjects(self) -> str | None:
        """The subjects (`subjectedit.subjects_blob`) the archive was last placed under."""
        return self._meta("placed_subjects")

    def set_placed_subjects(self, blob: str) -> None:
        self._set_meta([("placed_subjects", blob)])

    def keep_placements(self) -> None:
        """Keep where every stored article is placed now, for `placements_changed` to compare
        with once they are placed again (a temporary table, this connection's own)."""
        with self.transaction():  # (a command that only reads: on its working copy)
            self.db.execute("DROP TABLE IF EXISTS temp.kept_placements")
            self.db.execute(
                "CREATE TEMP TABLE kept_placements AS SELECT article_id, subject FROM assignments"
            )

    def placements_changed(self) -> tuple[list[tuple[str | None, str | None, int]], int]:
        """Since `keep_placements`: how many articles went from each subject to each other
        (None: no subject), most first, and how many of them an issue featured; the kept copy
        is dropped."""
        changed = " FROM kept_placements k JOIN assignments s ON s.article_id = k.article_id"
        changed += " WHERE s.subject IS NOT k.subject"
        rows = self.db.execute(
            f"SELECT k.subject, s.subject, COUNT(*){changed} GROUP BY k.subject, s.subject"
            " ORDER BY COUNT(*) DESC, k.subject, s.subject"
        ).fetchall()
        featured = self.db.execute(
            f"SELECT COUNT(*){changed} AND k.article_id IN (SELECT article_id FROM issue_articles)"
        ).fetchone()[0]
        with self.transaction():
            self.db.execute("DROP TABLE IF EXISTS temp.kept_placements")
        return [(r[0], r[1], int(r[2])) for r in rows], int(featured)

    def moved_since_kept(self, limit: int) -> list[tuple[str, str, str | None, str | None]]:
        """Since `keep_placements`: the first `limit` articles (by id) under another subject, as
        (address, title, subject then, subject now; None: no subject); the kept copy stays."""
        rows = self.db.execute(
            "SELECT a.url, a.title, k.subject, s.subject FROM kept_placements k"
            " JOIN assignments s ON s.article_id = k.article_id"
            " JOIN articles a ON a.id = k.article_id WHERE s.subject IS NOT k.subject"
            " ORDER BY k.article_id LIMIT ?",
            (limit,),
        ).fetchall()
        return [(str(r[0]), str(r[1] or r[0]), r[2], r[3]) for r in rows]

    def changed_since_kept(
        self, limit: int
    ) -> tuple[int, list[tuple[str, str | None, str | None]]]:
        """Since `keep_placements`: how many articles are under another subject, and the first
        `limit` of them (by id) as (title, subject then, subject now; None: no subject); the
        kept copy is dropped."""
        changed = (
            " FROM kept_placements k JOIN assignments s ON s.article_id = k.article_id"
            " JOIN articles a ON a.id = k.article_id WHERE s.subject IS NOT k.subject"
        )
        (count,) = self.db.execute(f"SELECT COUNT(*){changed}").fetchone()
        rows = self.db.execute(
            f"SELECT a.title, k.subject, s.subject{changed} ORDER BY k.article_id LIMIT ?",
            (limit,),
        ).fetchall()
        with self.transaction():
            self.db.execute("DROP TABLE IF EXISTS temp.kept_placements")
        return int(count), [(str(r[0]), r[1], r[2]) for r in rows]

    def placed_before(self) -> bool:
        """Whether any stored article has a placement (by this curator or an older one)."""
        return bool(self.db.execute("SELECT EXISTS (SELECT 1 FROM assignments)").fetchone()[0])

    def moves_kept(self) -> tuple[int, int]:
        """How many of the editor's moves hold (the article stored under the subject it was
        moved to), of how many moves."""
        row = self.db.execute(
            "SELECT COUNT(*), SUM(s.subject = c.subject) FROM corrections c"
            " LEFT JOIN assignments s ON s.article_id = c.article_id WHERE c.subject IS NOT NULL"
        ).fetchone()
        return int(row[1] or 0), int(row[0])

    def moves_placed(self, subject: str) -> list[tuple[str | None, int]]:
        """Where the articles the editor moved to `subject` are stored now, as (subject or None,
        how many), most first."""
        rows = self.db.execute(
            "SELECT s.subject, COUNT(*) FROM corrections c"
            " JOIN assignments s ON s.article_id = c.article_id"
            " WHERE c.subject = ? GROUP BY s.subject ORDER BY COUNT(*) DESC, s.subject",
            (subject,),
        )
        return [(None if r[0] is None else str(r[0]), int(r[1])) for r in rows]

    def rename_corrections(self, old: str, new: str) -> int:
        """Point every move to subject `old` at subject `new` instead; returns how many."""
        with self.transaction():
            self._rename_replaced(old, new)
            return self.db.execute(
                "UPDATE corrections SET subject = ? WHERE subject = ?", (new, old)
            ).rowcount

    def _rename_replaced(self, old: str, new: str) -> None:
        """The earlier moves to `old` that corrections replaced (`replaced_correction`), to `new`."""
        replaced = self._replaced()
        if old in replaced.values():
            renamed = {k: new if v == old else v for k, v in replaced.items()}
            self._set_meta([("replaced_corrections", json.dumps(renamed, ensure_ascii=False))])

    def subject_renames(self) -> list[tuple[str, str]]:
        """The subjects the editor renamed (`curator subjects rename`), as (old, new), oldest first:
        past issues' themes count for the new name in the plan of themes."""
        return [(str(a), str(b)) for a, b in json.loads(self._meta("subject_renames") or "[]")]

    def record_subject_rename(self, old: str, new: str) -> None:
        """Remember that subject `old` is now called `new` (a rename back forgets the first)."""
        renames = [
            (a, b)
            for a, b in self.subject_renames()
            if a.casefold() != old.casefold() and a.casefold() != new.casefold()
        ]
        renames.append((old, new))
        self._set_meta([("subject_renames", json.dumps(renames, ensure_ascii=False))])

    def subjects_seen(self) -> dict[str, str] | None:
        """feeds.yaml's subjects as `themes`, `draft` or `build` last saw them: {name: what
        defines it (`themes.subject_definition`)}; None before any of them kept it."""
        kept = self._meta("subjects_seen")
        return None if kept is None else {str(k): str(v) for k, v in json.loads(kept).items()}

    def hand_renames(self) -> list[dict[str, Any]]:
        """The subjects feeds.yaml renamed by hand onto the name of a removed subject issues were
        on, as `themes.hand_renamed` found them and not yet answered: {"old", "new", "issues",
        "since"} each."""
        return list(json.loads(self._meta("hand_renames") or "[]"))

    def keep_subjects_seen(
        self, seen: Mapping[str, str], found: Sequence[Mapping[str, Any]]
    ) -> None:
        """Keep feeds.yaml's subjects as seen now (`subjects_seen`) and the hand renames not yet
        answered (`hand_renames`)."""
        self._set_meta(
            [
                ("subjects_seen", json.dumps(dict(seen), ensure_ascii=False, sort_keys=True)),
                ("hand_renames", json.dumps(list(found), ensure_ascii=False)),
            ]
        )

    def record_issue_moves(self, number: int, moves: Mapping[int, str]) -> None:
        """Keep, for issue `number`, the subject curator had given each article its draft
        published under another section ({article id: subject}), so that a theme's stop names
        this issue among those that took its articles (walk153 #6: it named issue 3 alone)."""
        if moves:
            data = {str(k): v for k, v in moves.items()}
            self._set_meta([(f"issue_moves:{number}", json.dumps(data, ensure_ascii=False))])

    def issue_moves(self, number: int) -> dict[int, str]:
        """What `record_issue_moves` kept for issue `number` ({} for none, or an issue published
        by an older curator)."""
        kept = json.loads(self._meta(f"issue_moves:{number}") or "{}")
        return {int(k): str(v) for k, v in kept.items()}

    def uncertain_listed(self) -> dict[str, str | None]:
        """The articles `curator subjects uncertain` listed on earlier runs, by URL, with the
        subject each was under then (None: no subject)."""
        return dict(json.loads(self._meta("uncertain_listed") or "{}"))

    def record_uncertain_listed(self, listed: Mapping[str, str | None]) -> None:
        """Remember that `subjects uncertain` listed these articles under these subjects (the
        latest listing of an article replaces an earlier one)."""
        kept = {**self.uncertain_listed(), **listed}
        self._set_meta([("uncertain_listed", json.dumps(kept, ensure_ascii=False))])

    def draft_written(self, number: int) -> str | None:
        """The SHA-256 (hex) of the draft of issue `number` as `curator draft` last wrote it (None:
        none written), to tell an edited draft from an untouched one."""
        return self._meta(f"draft_written:{number}")

    def record_draft_written(self, number: int, digest: str) -> None:
        self._set_meta([(f"draft_written:{number}", digest)])

    def draft_titles(self, number: int) -> dict[int, str]:
        """The title of each article (by id) as `curator draft` last wrote it into the draft of
        issue `number` (empty: none written, or by a curator that did not keep them), to tell a
        feed's correction since from the editor's edit."""
        value = self._meta(f"draft_titles:{number}")
        return {int(k): str(v) for k, v in json.loads(value).items()} if value else {}

    def record_draft_titles(self, number: int, titles: Mapping[int, str]) -> None:
        self._set_meta([(f"draft_titles:{number}", json.dumps(titles, ensure_ascii=False))])

    def draft_authors(self, number: int) -> dict[int, tuple[str, ...]]:
        """The authors of each article (by id) as `curator draft` last wrote them into the draft
        of issue `number` (empty: none written, or by a curator that did not keep them), to tell
        a feed's correction of its credit since from the editor's edit (walk199 #1)."""
        value = self._meta(f"draft_authors:{number}")
        return (
            {int(k): tuple(str(a) for a in v) for k, v in json.loads(value).items()}
            if value
            else {}
        )

    def record_draft_authors(self, number: int, authors: Mapping[int, Sequence[str]]) -> None:
        kept = {k: list(v) for k, v in authors.items()}
        self._set_meta([(f"draft_authors:{number}", json.dumps(kept, ensure_ascii=False))])

    def draft_publications(self, number: int) -> dict[int, str]:
        """The publication of each article (by id) as `curator draft` last wrote it into the draft
        of issue `number` (its `publication:` line; empty: none written, or by a curator that did
        not keep them), to tell a feed's new name since from the editor's edit (fixlx #2)."""
        value = self._meta(f"draft_publications:{number}")
        return {int(k): str(v) for k, v in json.loads(value).items()} if value else {}

    def record_draft_publications(self, number: int, publications: Mapping[int, str]) -> None:
        self._set_meta(
            [(f"draft_publications:{number}", json.dumps(publications, ensure_ascii=False))]
        )

    def draft_sections(self, number: int) -> dict[str, list[int]]:
        """The articles (by id) under each subject of the draft of issue `number` as `curator
        draft` last wrote it (empty: none written, or by a curator that did not keep them), to
        tell a section the editor removed whole (walk174 #1: never said)."""
        value = self._meta(f"draft_sections:{number}")
        return {str(k): [int(i) for i in v] for k, v in json.loads(value).items()} if value else {}

    def record_draft_sections(self, number: int, sections: Mapping[str, Sequence[int]]) -> None:
        kept = {k: list(v) for k, v in sections.items()}
        self._set_meta([(f"draft_sections:{number}", json.dumps(kept, ensure_ascii=False))])

    def draft_newest(self, number: int) -> int | None:
        """The newest article's id when `curator draft` last wrote the draft of issue `number`
        (None: none written, or by a curator that did not keep it)."""
        value = self._meta(f"draft_newest:{number}")
        return int(value) if value else None

    def record_draft_newest(self, number: int, article_id: int) -> None:
        self._set_meta([(f"draft_newest:{number}", str(article_id))])

    def editor_dropped(self, number: int) -> str | None:
        """feeds.yaml's editor when the build of issue `number` said its draft's `editor:` was
        emptied (`draftcheck.dropped_editor`), or None: not said."""
        return self._meta(f"editor_dropped:{number}")

    def record_editor_dropped(self, number: int, editor: str) -> None:
        self._set_meta([(f"editor_dropped:{number}", editor)])

    def placed_since(self, after: int, leaving: Collection[int]) -> dict[str, int]:
        """Per subject, how many articles stored after the id `after` are placed under it, but
        those of `leaving` (an issue's) and those an issue featured (walk204 #5)."""
        rows = self.db.execute(
            "SELECT a.article_id, a.subject FROM assignments a WHERE a.article_id > ?"
            " AND a.subject IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM issue_articles f WHERE f.article_id = a.article_id)",
            (after,),
        ).fetchall()
        counts: dict[str, int] = {}
        for article_id, subject in rows:
            if article_id not in leaving:
                counts[subject] = counts.get(subject, 0) + 1
        return counts

    def withdrawn_feed_ids(self, number: int) -> list[str]:
        """The Atom ids feed.xml gave issue `number` before it was taken back (a backup of the
        store put back and its files removed), as `curator render` found it gone ([]: none), so
        that the issue published again under that number gets a new one (walk177 N3: feed readers
        kept the withdrawn issue, the new one having its id)."""
        return [str(i) for i in json.loads(self._meta(f"withdrawn_feed_ids:{number}") or "[]")]

    def record_withdrawn_feed_id(self, number: int, entry_id: str) -> None:
        kept = self.withdrawn_feed_ids(number)
        if entry_id not in kept:
            self._set_meta(
                [
                    (
                        f"withdrawn_feed_ids:{number}",
                        json.dumps([*kept, entry_id], ensure_ascii=False),
                    )
                ]
            )

    def record_draft_retold(self, number: int, rows: Iterable[tuple[int, int, int, str]]) -> None:
        """Keep the copies of stories told before that the draft of issue `number` found and
        listed (as `record_retold` takes them), for `curator build --draft` to record with the
        issue it publishes, as a plain build records those it finds (walk111 #1: they were
        never recorded, so counted as waiting, and published once out of the compared issues)."""
        self._set_meta([(f"draft_retold:{number}", json.dumps([list(r) for r in rows]))])

    def record_draft_compared(self, number: int, ids: Iterable[int | None]) -> None:
        """Keep the ids of the articles `curator draft` wrote into the draft of issue `number`,
        featured or in its note of copies: it compared them (`draft_compared`)."""
        kept = sorted({i for i in ids if i is not None})
        self._set_meta([(f"draft_compared:{number}", json.dumps(kept))])

    def draft_compared(self, number: int) -> frozenset[int]:
        """The articles `record_draft_compared` kept for the draft of issue `number` (none for a
        draft written by an older curator, or by hand): two of them telling one story were
        featured on purpose (`draft.same_story_twice`)."""
        return frozenset(int(i) for i in json.loads(self._meta(f"draft_compared:{number}") or "[]"))

    def draft_retold(self, number: int) -> list[tuple[int, int, int, str]]:
        """The copies the draft of issue `number` found (`record_draft_retold`); [] for a draft
        written by an older curator, or by hand."""
        kept = self._meta(f"draft_retold:{number}")
        return [(int(a), int(n), int(e), str(why)) for a, n, e, why in json.loads(kept or "[]")]

    def record_draft_blurbs(self, number: int, blurbs: Mapping[int, str]) -> None:
        """Keep the blurb curator wrote into the draft of issue `number` for each article (by id)
        whose blurb was its own (not an editor's correction from an earlier issue), to tell a
        blurb rebuilt since (its page or feed corrected and read again) from the editor's edit
        (`draft_blurbs`)."""
        self._set_meta([(f"draft_blurbs:{number}", json.dumps(blurbs, ensure_ascii=False))])

    def draft_blurbs(self, number: int) -> dict[int, str]:
        """The blurbs `record_draft_blurbs` kept for the draft of issue `number` ({}: none
        written, or by a curator that did not keep them)."""
        value = self._meta(f"draft_blurbs:{number}")
        return {int(k): str(v) for k, v in json.loads(value).items()} if value else {}

    def forget_corrections(self, article_ids: Sequence[int]) -> int:
        """Forget the editor's word on these articles, so that curator places them itself again;
        returns how many had one. An article an issue featured goes back under the subject its
        first issue published it under: an issue's articles keep that subject, and placement
        does not place them again once uncorrected (see `_stale`), until a new correction: the
        model's fingerprint is cleared from its placement, so that any model places it again."""
        forgotten = 0
        with self.transaction():
            for article_id in article_ids:
                n = self.db.execute(
                    "DELETE FROM corrections WHERE article_id = ?", (article_id,)
                ).rowcount
                replaced = self._replaced()
                if str(article_id) in replaced:  # (the word it had replaced goes with it)
                    del replaced[str(article_id)]
                    self._set_meta(
                        [("replaced_corrections", json.dumps(replaced, ensure_ascii=False))]
                    )
                published = self.published_subject(article_id)
                if n and published is not None:
                    self.db.execute(
                        # (no model's decision now: a later correction places it again)
                        "UPDATE assignments SET subject = ?, fingerprint = '' WHERE article_id = ?",
                        (published, article_id),
                    )
                forgotten += n
        return forgotten

    def published_under_former(
        self, subjects: Sequence[str]
    ) -> dict[str, dict[int, tuple[int, str]]]:
        """The articles still stored under the subject an issue published them under (by the
        name `curator subjects rename` gave it since, if any) that is not
        one of `subjects` (feeds.yaml's) and that the editor has not corrected: by that subject,
        {article id: (the number of the first issue that published it there, the name that issue
        printed)} (the next placement places them again, as curator would)."""
        marks = ",".join("?" * len(subjects))
        rows = self.db.execute(
            "SELECT s.subject, s.article_id, i.number, ia.subject FROM assignments s"
            " JOIN issue_articles ia ON ia.article_id = s.article_id"
            " JOIN issues i ON i.id = ia.issue_id"
            f" WHERE s.subject NOT IN ({marks})"
            " AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = s.article_id)"
            " ORDER BY i.number",
            list(subjects),
        )
        renames = {a.casefold(): b for a, b in self.subject_renames()}
        out: dict[str, dict[int, tuple[int, str]]] = {}
        for subject, article_id, number, published in rows:
            # (published under that name, or under one `curator subjects rename` renamed to it)
            if published == subject or self.renamed_to(str(published), renames) == subject:
                out.setdefault(str(subject), {}).setdefault(
                    int(article_id), (int(number), str(published))
                )
        return out

    def published_subjects(self) -> set[str]:
        """The subjects published issues have sections under."""
        return {str(r[0]) for r in self.db.execute("SELECT DISTINCT subject FROM issue_articles")}

    def published_ids(self, limit: int = 2000) -> dict[str, list[int]]:
        """The articles issues published under each subject (its name now, `renamed_to`), the
        newest `limit` of them (newest first)."""
        rows = self.db.execute(
            "SELECT ia.article_id, ia.subject FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id ORDER BY i.number DESC LIMIT ?",
            (limit,),
        )
        out: dict[str, list[int]] = {}
        for article_id, subject in rows.fetchall():
            out.setdefault(self.renamed_to(str(subject)), []).append(int(article_id))
        return out

    def published_subject(self, article_id: int) -> str | None:
        """The subject the first issue that featured the article published it under, by the name
        it has now when the editor renamed it since (`renamed_to`; None: no issue featured it)."""
        row = self.db.execute(
            "SELECT ia.subject FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " WHERE ia.article_id = ? ORDER BY i.number LIMIT 1",
            (article_id,),
        ).fetchone()
        return None if row is None else self.renamed_to(str(row[0]))

    def printed_own_section(self, article_id: int) -> bool:
        """Whether the first issue that featured the article printed it under a section of its
        draft's own (`extra_sections:`), not a subject (known for issues published since
        curator kept it)."""
        row = self.db.execute(
            "SELECT ia.subject, i.own_sections FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id WHERE ia.article_id = ? ORDER BY i.number"
            " LIMIT 1",
            (article_id,),
        ).fetchone()
        return row is not None and str(row[0]) in json.loads(row[1] or "[]")

    def printed_subject(self, article_id: int) -> str | None:
        """The section the first issue that featured the article published it under, as that
        issue printed it (None: no issue featured it)."""
        row = self.db.execute(
            "SELECT ia.subject FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " WHERE ia.article_id = ? ORDER BY i.number LIMIT 1",
            (article_id,),
        ).fetchone()
        return None if row is None else str(row[0])

    def renamed_to(self, subject: str, renames: dict[str, str] | None = None) -> str:
        """`subject` by the name `curator subjects rename` gave it since, through every rename
        (renamed twice, or back: `record_subject_rename`, or spelt anew, case aside:
        `respell_subject`); itself when never renamed."""
        if renames is None:
            renames = {a.casefold(): b for a, b in self.subject_renames()}
        # (names seen as spelt: a respelling leads from a name to itself, case aside)
        seen = {subject}
        while subject.casefold() in renames and renames[subject.casefold()] not in seen:
            subject = renames[subject.casefold()]
            seen.add(subject)
        return subject

    def stored_subject_names(self) -> set[str]:
        """Every subject name the store holds: where articles are placed, the editor's moves,
        the sections issues published and the names `curator subjects rename` gave."""
        rows = self.db.execute(
            "SELECT subject FROM assignments WHERE subject IS NOT NULL"
            " UNION SELECT subject FROM corrections WHERE subject IS NOT NULL"
            " UNION SELECT subject FROM issue_articles"
        )
        return {str(r[0]) for r in rows} | {b for _, b in self.subject_renames()}

    def respell_subject(self, old: str, new: str) -> tuple[int, int, bool]:
        """Store the subject `old` as `new`, a name that differs from it only in case (walk153
        #2: feeds.yaml's `Service operations` became `Service Operations`, and the articles
        placed, moved and published under it were taken for a retired subject's): the articles
        under it and the moves to it take the new spelling, and the sections issues published
        under it (their text kept) count as under the new one, as a rename's do. Returns (how
        many articles were under it, how many moves named it, whether issues' sections did)."""
        with self.transaction():
            placed = self.db.execute(
                "UPDATE assignments SET subject = ? WHERE subject = ?", (new, old)
            ).rowcount
            moves = self.db.execute(
                "UPDATE corrections SET subject = ? WHERE subject = ?", (new, old)
            ).rowcount
            self._rename_replaced(old, new)
            printed = (
                old in self.published_subjects() or old in dict(self.subject_renames()).values()
            )
            named = printed and self.renamed_to(old) != new
            if named:
                self.record_subject_rename(old, new)
        return placed, moves, named

    def published_renamed(self, subject: str) -> dict[int, tuple[int, str]]:
        """The articles the editor has not corrected whose first issue published them under
        `subject` or a name `curator subjects rename` renamed since to it: {article id: (that
        issue's number, the name it printed)}."""
        renames = {a.casefold(): b for a, b in self.subject_renames()}
        rows = self.db.execute(
            "SELECT ia.article_id, i.number, ia.subject FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id"
            " WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = ia.article_id)"
            " ORDER BY i.number"
        )
        first: dict[int, tuple[int, str]] = {}
        for article_id, number, printed in rows:
            first.setdefault(int(article_id), (int(number), str(printed)))
        return {
            i: (n, printed)
            for i, (n, printed) in first.items()
            if self.renamed_to(printed, renames) == subject
        }

    def published_elsewhere(self, subjects: Sequence[str]) -> list[tuple[int, str]]:
        """(article id, its issue's subject) of each article an issue was the first to feature
        (not only name as "also covered by") under one of `subjects`, by its name now, that the
        editor has not corrected and that is stored under another subject or none: what an older
        curator's issue published under another subject than it had placed the article under
        (walk161 #4: its builds left the article where it scored best, so `subjects list` named
        that subject while `explain` and the issue named the issue's). Today's builds place such
        an article under the issue's subject as they record the issue (`keep_published_subjects`)."""
        rows = self.db.execute(
            "SELECT ia.article_id, ia.subject, ia.also_of, s.article_id, s.subject"
            " FROM issue_articles ia JOIN issues i ON i.id = ia.issue_id"
            " LEFT JOIN assignments s ON s.article_id = ia.article_id"
            " WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = ia.article_id)"
            " ORDER BY i.number, ia.position"
        )
        first: dict[int, tuple[str, bool, bool, str | None]] = {}
        for article_id, published, also_of, has_row, stored in rows:
            first.setdefault(
                int(article_id), (str(published), also_of is not None, has_row is not None, stored)
            )
        names = set(subjects)
        found = []
        for article_id, (published, copy, has_row, stored) in first.items():
            now = self.renamed_to(published)
            if copy or now not in names or (has_row and stored == now):
                continue
            found.append((article_id, now))
        return found

    def keep_renamed_published(self, subjects: Sequence[str]) -> list[tuple[int, str | None, str]]:
        """Place under its issue's subject, by its name now, each article an issue published
        under a name `curator subjects rename` renamed since to one of `subjects`, that the
        editor has not corrected and that is stored elsewhere (under the old name, or where
        curator placed it once the old name left feeds.yaml): it keeps its issue's subject, as
        every featured article does (see `_stale`). Returns (article id, the subject it was
        stored under, the one it is under now)."""
        renames = {a.casefold(): b for a, b in self.subject_renames()}
        if not renames:
            return []
        names = set(subjects)
        rows = self.db.execute(
            "SELECT ia.article_id, ia.subject, s.subject FROM issue_articles ia"
            " JOIN issues i ON i.id = ia.issue_id JOIN assignments s ON s.article_id = ia.article_id"
            " WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.article_id = ia.article_id)"
            " ORDER BY i.number"
        )
        first: dict[int, tuple[str, str | None]] = {}
        for article_id, published, stored in rows:
            first.setdefault(int(article_id), (str(published), stored))
        moved: list[tuple[int, str | None, str]] = []
        for article_id, (published, stored) in first.items():
            now = self.renamed_to(published, renames)
            if stored == now or now not in names:
                continue
            # Published under the name it has now (a rename back): only when stored under a
            # name renamed to it, not where a draft or the editor's earlier word put it.
            if published == now and (stored is None or self.renamed_to(stored, renames) != now):
                continue
            moved.append((article_id, stored, now))
        if moved:
            with self.transaction():
                for article_id, _, now in moved:
                    self.db.execute(
                        "UPDATE assignments SET subject = ? WHERE article_id = ?", (now, article_id)
                    )
        return moved

    def stored_subject(self, article_id: int) -> tuple[bool, str | None]:
        """Whether the article has a stored placement, and its subject there (None: none)."""
        row = self.db.execute(
            "SELECT subject FROM assignments WHERE article_id = ?", (article_id,)
        ).fetchone()
        return (False, None) if row is None else (True, row[0])

    def stored_subjects(self, article_ids: Sequence[int]) -> dict[int, str | None]:
        """The stored subject (None: none) of each of `article_ids` that has a placement."""
        sql = "SELECT article_id, subject FROM assignments WHERE article_id IN ({marks})"
        return {int(i): subject for i, subject in self._each_in(sql, article_ids)}

    def keep_subject(
        self, article_id: int, subject: str, score: float, matched: Sequence[str], fingerprint: str
    ) -> None:
        """Place the article under `subject`, whatever the model says: the subject an issue
        published it under (placement does not place it again while uncorrected, see `_stale`)."""
        with self.transaction():
            self.db.execute(
                _SAVE_ASSIGNMENT,
                (article_id, subject, score, json.dumps(list(matched)), fingerprint),
            )

    def corrected_articles(self) -> list[Article]:
        rows = self.db.execute(self._SELECT + " WHERE a.id IN (SELECT article_id FROM corrections)")
        return [self._article(r) for r in rows]

    def stale_ids(
        self, fingerprint: str, after: int, through: int, subjects: Sequence[str]
    ) -> list[int]:
        """The ids of the articles in (after, through] to place again, oldest first (`after` is
        the placed-through watermark, so a weekly build reads its new articles by the primary
        key, not the whole archive): see `_stale`."""
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN assignments s ON s.article_id = a.id"
            + _stale(subjects)
            + " ORDER BY a.id",
            (after, through, fingerprint, *subjects),
        )
        return [r[0] for r in rows]

    def placement_state(self) -> tuple[str | None, int]:
        """The fingerprint of the model that placed the archive, and the id it placed through."""
        rows = dict(
            self.db.execute(
                "SELECT key, value FROM meta WHERE key IN ('placed_fingerprint', 'placed_through')"
            ).fetchall()
        )
        return rows.get("placed_fingerprint"), int(rows.get("placed_through", -1))

    def articles_after(self, article_id: int) -> int:
        """How many articles were stored after the one with id `article_id` (by the primary key)."""
        return int(
            self.db.execute("SELECT COUNT(*) FROM articles WHERE id > ?", (article_id,)).fetchone()[
                0
            ]
        )

    def _each_in(self, sql: str, values: Iterable[object]) -> Iterator[sqlite3.Row]:
        """The rows of `sql` (its `{marks}` an IN list) for `values`, 500 at a time (SQLite's
        limit on parameters is far above, but long IN lists plan slower)."""
        values = list(values)
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            # A plain loop, not `yield from`: closing a generator left half-read (a Ctrl-C between
            # rows) closes what it delegates to, and a cursor closed after its store says "Exception
            # ignored ... Cannot operate on a closed database" (walk24, after "interrupted").
            for row in self.db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk):  # noqa: UP028
                yield row

    def articles_by_ids(self, ids: Sequence[int]) -> list[Article]:
        """The articles with these ids, in the order of `ids` (missing ones left out)."""
        found = {r["id"]: self._article(r) for r in self._each_in(self._SELECT_IDS, ids)}
        return [found[i] for i in ids if i in found]

    def titles_of_keys(self, keys: Sequence[str]) -> dict[str, str]:
        """key -> the title of the stored article it is an alias of (a feed entry's id key)."""
        sql = (
            "SELECT l.url_key, a.title FROM aliases l JOIN articles a ON a.id = l.article_id"
            " WHERE l.url_key IN ({marks})"
        )
        return {r[0]: r[1] for r in self._each_in(sql, keys)}

    def titles_at_keys(self, keys: Sequence[str]) -> dict[str, str]:
        """URL key -> the title of the stored article at that address (its own or an alias)."""
        own = "SELECT url_key, title FROM articles WHERE url_key IN ({marks})"
        return self.titles_of_keys(keys) | {r[0]: r[1] for r in self._each_in(own, keys)}

    def published_titles(self, ids: Sequence[int]) -> dict[int, str]:
        """Article id -> the title the first issue that published it printed (as the editor
        corrected it in the draft or issue-N.json), for those among `ids` an issue recorded with
        its title (issues recorded before schema 14 kept none)."""
        sql = (
            "SELECT ia.article_id, ia.title FROM issue_articles ia JOIN issues i"
            " ON i.id = ia.issue_id WHERE ia.article_id IN ({marks}) AND ia.title IS NOT NULL"
            " ORDER BY i.number DESC"
        )
        return {r[0]: r[1] for r in self._each_in(sql, ids)}  # the first issue's, written last

    def published_credits(self, ids: Sequence[int]) -> dict[int, tuple[str, tuple[str, ...]]]:
        """Article id -> (title, authors) as the first issue that published it printed them
        (`published_titles`), for those among `ids` an issue recorded with both."""
        sql = (
            "SELECT ia.article_id, ia.title, ia.authors FROM issue_articles ia JOIN issues i"
            " ON i.id = ia.issue_id WHERE ia.article_id IN ({marks}) AND ia.title IS NOT NULL"
            " AND ia.authors IS NOT NULL ORDER BY i.number DESC"
        )
        return {r[0]: (r[1], tuple(json.loads(r[2]))) for r in self._each_in(sql, ids)}

    def ids_of_keys(self, keys: Sequence[str]) -> dict[str, int]:
        """url key -> id, for the stored articles among `keys`."""
        sql = "SELECT url_key, id FROM articles WHERE url_key IN ({marks})"
        return {r[0]: r[1] for r in self._each_in(sql, keys)}

    def urls_of(self, ids: Sequence[int]) -> list[tuple[int, str]]:
        """(id, url) of the articles with these ids."""
        return [
            (r[0], r[1])
            for r in self._each_in("SELECT id, url FROM articles WHERE id IN ({marks})", ids)
        ]

    def sample_ids(self, limit: int) -> list[tuple[int, str]]:
        """(id, url) of what the scorer learns from, in `recent_articles` order: the `limit`
        newest articles, newest first, then every corrected article not among them, by id."""
        newest = [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT id, url FROM articles ORDER BY id DESC LIMIT ?", (limit,)
            )
        ]
        seen = {i for i, _ in newest}
        corrected = self.db.execute(
            "SELECT a.id, a.url FROM corrections c JOIN articles a ON a.id = c.article_id"
            " ORDER BY a.id"
        )
        return newest + [(r[0], r[1]) for r in corrected if r[0] not in seen]
