"""The store's schema: its numbered migrations, each bringing a store up one version, and VERSION.

Migration N brings a store from schema N-1 to N (`curator.store.Store` runs them when it opens
one, in one transaction). Never edit one that shipped: add the next."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence

from curator.feedsecrets import secrets_masked_in


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run `;`-separated DDL inside the caller's transaction (executescript would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migration_1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            last_fetched TEXT,
            last_success TEXT,
            last_status INTEGER,
            last_error_kind TEXT,
            last_error TEXT,
            failing_since TEXT,
            gone INTEGER NOT NULL DEFAULT 0,
            entries_last INTEGER NOT NULL DEFAULT 0,
            bytes_last INTEGER,
            elapsed_last REAL,
            content_hash TEXT
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url_key TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL,
            title TEXT NOT NULL,
            authors TEXT NOT NULL DEFAULT '[]',
            publication TEXT,
            summary TEXT NOT NULL DEFAULT '',
            blurb TEXT NOT NULL DEFAULT '',
            categories TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            first_seen TEXT NOT NULL,
            feed_id INTEGER REFERENCES feeds(id),
            text TEXT,
            subject_hints TEXT NOT NULL DEFAULT '[]',
            page_status TEXT
        );
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            number INTEGER NOT NULL UNIQUE,
            title TEXT NOT NULL,
            published_at TEXT NOT NULL
        );
        CREATE TABLE issue_articles (
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            article_id INTEGER NOT NULL REFERENCES articles(id),
            subject TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (issue_id, article_id)
        );
        CREATE INDEX issue_articles_article ON issue_articles(article_id);
        """,
    )


def _migration_2(db: sqlite3.Connection) -> None:
    """Other URLs of a stored article (the feed's link when the page named a canonical URL), so the
    same story is recognised, and its page not read again, however it is linked next time."""
    _run_script(
        db,
        """
        CREATE TABLE aliases (
            url_key TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id)
        );
        CREATE TABLE corrections (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            subject TEXT,
            made_at TEXT NOT NULL
        );
        """,
    )


def _migration_3(db: sqlite3.Connection) -> None:
    """Each article's subject as the scorer last placed it, under the model's fingerprint, so a
    build reads its candidates per subject from an index instead of scoring the whole archive."""
    _run_script(
        db,
        """
        CREATE TABLE assignments (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            subject TEXT,
            score REAL NOT NULL,
            matched TEXT NOT NULL DEFAULT '[]',
            fingerprint TEXT NOT NULL
        );
        CREATE INDEX assignments_subject_score ON assignments(subject, score DESC)
        """,
    )


def _migration_4(db: sqlite3.Connection) -> None:
    """Small facts about the store as a whole (e.g. how far subject placement has got)."""
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _migration_5(db: sqlite3.Connection) -> None:
    """What each issue was about and how it opened: its theme (a JSON list of subjects; NULL for an
    issue of every subject), whether it took its theme's place in the plan of themes, and its
    introduction (to warn before the next issue repeats it, and to render it again)."""
    _run_script(
        db,
        """
        ALTER TABLE issues ADD COLUMN theme TEXT;
        ALTER TABLE issues ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE issues ADD COLUMN introduction TEXT;
        ALTER TABLE issues ADD COLUMN closing TEXT
        """,
    )


def _migration_6(db: sqlite3.Connection) -> None:
    """What placing an article again needs without reading its text again: every term the store's
    articles use (with the word shown for it), each article's term counts (a compact blob, see
    `curator.termcounts`), and the subject model as last fitted (plain JSON, see
    `curator.modelcache`). An index on issue_articles already finds the featured ones."""
    _run_script(
        db,
        """
        CREATE TABLE terms (
            id INTEGER PRIMARY KEY,
            term TEXT NOT NULL UNIQUE,
            word TEXT NOT NULL
        );
        CREATE TABLE article_terms (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            counts BLOB NOT NULL
        );
        CREATE TABLE subject_model (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            fingerprint TEXT NOT NULL,
            format TEXT NOT NULL,
            fitted_through INTEGER NOT NULL,
            learnt_from INTEGER NOT NULL,
            fitted_at TEXT NOT NULL,
            body TEXT NOT NULL
        )
        """,
    )


def _migration_7(db: sqlite3.Connection) -> None:
    """The articles whose page could not be read when they were stored, with the feed entry they
    were built from, so a later run reads the page again and credits the article as if it had been
    read the first time (`curator.harvest`); a row goes once the page is read or given up on."""
    _run_script(
        db,
        """
        CREATE TABLE page_retries (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            link TEXT NOT NULL,
            entry TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            error_kind TEXT,
            error TEXT,
            last_tried TEXT NOT NULL
        )
        """,
    )


def _migration_8(db: sqlite3.Connection) -> None:
    """Placement now also places again the featured articles the editor corrected after their
    issue, and those under a subject feeds.yaml no longer has (their stored subject contradicted
    the correction, or named no subject): forget how far placement had got, so that the next run
    places them (only the articles stored under another model are scored again)."""
    db.execute("DELETE FROM meta WHERE key IN ('placed_fingerprint', 'placed_through')")


def _add_columns(db: sqlite3.Connection, table: str, columns: Sequence[tuple[str, str]]) -> None:
    """Add each (name, declaration) column `table` lacks: a store whose user_version was set back
    keeps the columns a later migration added, and running that migration again must not fail
    ("duplicate column name")."""
    present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    for name, declaration in columns:
        if name not in present:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")


def _migration_9(db: sqlite3.Connection) -> None:
    """An article named under another as "Also covered by" (the same story, `curator.stories`) is
    published with that issue too, so that no later issue features it again: issue_articles keeps
    it, with the id of the article it is named under in `also_of` (NULL for a featured article)."""
    _add_columns(db, "issue_articles", [("also_of", "INTEGER REFERENCES articles(id)")])


def _migration_10(db: sqlite3.Connection) -> None:
    """Where each article's credit came from (the feed's author or the page's byline) and whom the
    other named instead, so the draft can show the editor a credit feed and page disagree on.
    Articles stored before say nothing (empty)."""
    _add_columns(
        db,
        "articles",
        [
            ("authors_from", "TEXT NOT NULL DEFAULT ''"),
            ("other_authors", "TEXT NOT NULL DEFAULT '[]'"),
        ],
    )


def _migration_11(db: sqlite3.Connection) -> None:
    """A lasting mark on each article whose page answered 404 or 410 (a dead link), so that it
    stays out of issues and themes once its page is no longer read again (its `page_retries` row
    goes after six reads or 14 days); a later read of the page that succeeds takes it off. The
    pages that answered so when last read are marked at once."""
    _run_script(
        db,
        """
        CREATE TABLE IF NOT EXISTS dead_links (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            error TEXT NOT NULL,
            since TEXT NOT NULL
        );
        INSERT OR IGNORE INTO dead_links (article_id, error, since)
            SELECT article_id, COALESCE(error, 'HTTP 404 Not Found'), last_tried FROM page_retries
            WHERE error_kind = 'gone' OR error LIKE 'HTTP 404%'
        """,
    )


def _migration_12(db: sqlite3.Connection) -> None:
    """What a feed's last read said beyond success or failure, kept until a later read says
    otherwise: that it was not well formed (`warning`, with since when), where its address has
    moved for good (`moved_to`), and how many runs in a row it has failed (`failed_runs`)."""
    _add_columns(
        db,
        "feeds",
        [
            ("warning", "TEXT"),
            ("warning_since", "TEXT"),
            ("moved_to", "TEXT"),
            ("failed_runs", "INTEGER NOT NULL DEFAULT 0"),
        ],
    )
    # A feed failing already has failed at least once: its next failure is not its "first".
    db.execute(
        "UPDATE feeds SET failed_runs = 1 WHERE failing_since IS NOT NULL AND failed_runs = 0"
    )


def _migration_13(db: sqlite3.Connection) -> None:
    """The theme each issue promised as the next one (its closing line named the plan's next
    theme: a JSON list of subjects; NULL for none, or an issue published before curator kept it),
    so that the next issue is warned when it is on another theme."""
    _add_columns(db, "issues", [("promised", "TEXT")])


def _migration_14(db: sqlite3.Connection) -> None:
    """Each issue article as the issue published it (its title, credit, publication and blurb, as
    edited in the draft), so that `render` gives the issue back as published without its
    issue-N.json. Issues recorded before say nothing (NULL): they render from the articles as
    stored, as before."""
    _add_columns(
        db,
        "issue_articles",
        [("title", "TEXT"), ("authors", "TEXT"), ("publication", "TEXT"), ("blurb", "TEXT")],
    )


def _migration_15(db: sqlite3.Connection) -> None:
    """When a feed's server asked curator (429 or 503 with Retry-After) not to ask again before
    (`wait_until`, ISO): until then the feed is not fetched (walk32 #3). And a feed marked not
    well formed only for having more entries than curator reads (its own limit, walk32 #2) is
    not marked so any more."""
    _add_columns(db, "feeds", [("wait_until", "TEXT")])
    db.execute(
        "UPDATE feeds SET warning = NULL, warning_since = NULL"
        " WHERE warning GLOB '[0-9]* entries; only the first [0-9]* were read'"
    )


def _migration_16(db: sqlite3.Connection) -> None:
    """The name each article's page gives its site (og:site_name or the like: "" when it gave
    none), and whether the article is a link post, so that a feed's `name:` changed or removed
    after a fetch reaches its stored articles as a fresh fetch would credit them. Articles stored
    before say nothing (NULL): they are credited as before."""
    _add_columns(
        db,
        "articles",
        [("site_name", "TEXT"), ("link_post", "INTEGER NOT NULL DEFAULT 0")],
    )


def _migration_17(db: sqlite3.Connection) -> None:
    """Each issue's date and editor as published (a draft's `date:` and `editor:` may differ
    from the day it was built and feeds.yaml's editor), so that `render` gives them back without
    its issue-N.json (walk36 #3). Issues recorded before say nothing (NULL): they render with
    the day they were published and feeds.yaml's editor, as before."""
    _add_columns(db, "issues", [("issue_date", "TEXT"), ("editor", "TEXT")])


def _migration_18(db: sqlite3.Connection) -> None:
    """Each issue article's blurb as the editor wrote it in Markdown in the draft (a list, a link),
    so that `render` without issue-N.json gives it back as published, not its plain text with the
    list joined into one line (walk46 N2). Articles recorded before, or whose blurb is plain text,
    say nothing (NULL): they render from the plain blurb, as before."""
    _add_columns(db, "issue_articles", [("blurb_markdown", "TEXT")])


def _migration_19(db: sqlite3.Connection) -> None:
    """The language each article's page declares (`Article.language`), so that an issue in
    another language marks the article's title and blurb with it (walk51 #4). Articles stored
    before say nothing (NULL): they are not marked."""
    _add_columns(db, "articles", [("language", "TEXT")])


def _migration_20(db: sqlite3.Connection) -> None:
    """How many posts each article's page lists when it reads as a list of posts
    (`Article.post_list`), so that the draft notes it under the article (walk52 #3: `fetch` said
    to check them in the next draft, which never named them). Articles stored before: 0."""
    _add_columns(db, "articles", [("post_list", "INTEGER NOT NULL DEFAULT 0")])


def _migration_21(db: sqlite3.Connection) -> None:
    """The headline of an article's page when the page names another address as its own under a
    headline that shares little with the feed's title (`Article.page_headline`), so that the draft
    and the build say the article may be another story (walk75 #7). Articles stored before: ""."""
    _add_columns(db, "articles", [("page_headline", "TEXT NOT NULL DEFAULT ''")])


def _migration_22(db: sqlite3.Connection) -> None:
    """The unfeatured articles a build or draft found to tell the story an issue published
    (walk81 #1-#2): recorded once found, so later runs' candidate queries skip them instead of
    reading and comparing every copy of every story the last issues told again (a build took
    4 s for issue 1, 72 s for issue 7). With the issue, the article it published and why."""
    _run_script(
        db,
        """
        CREATE TABLE IF NOT EXISTS retold_copies (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            issue INTEGER NOT NULL,
            earlier_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            reason TEXT NOT NULL
        );
        """,
    )


def _migration_23(db: sqlite3.Connection) -> None:
    """The plan of themes as it stood when each issue was published, and which of its entries the
    issue took (walk111 #2: with only the theme kept, deleting a published theme from the top of
    the plan used up a later entry of the same subject). Issues published before say nothing
    (NULL): the plan counts them as before, each doing the first entry of its theme left."""
    _add_columns(db, "issues", [("plan", "TEXT")])


def _migration_24(db: sqlite3.Connection) -> None:
    """The sections of each issue that were its draft's own (`extra_sections:`, not subjects),
    so that `subjects list` and `explain` call them so, not subjects gone from feeds.yaml (walk108
    #3: "Editor's picks", not a subject in feeds.yaml now). Issues published before: none known."""
    _add_columns(db, "issues", [("own_sections", "TEXT NOT NULL DEFAULT '[]'")])


def _migration_25(db: sqlite3.Connection) -> None:
    """Each issue article's address as the issue publishes it, when the editor corrected it in
    issue-N.json (walk115 #4: the correction was published, but `render` without the file gave
    the old address back), and the heading of its section as the issue prints it when the editor
    corrected it there (`subject` stays the subject it was published under, which placement
    keeps it under). NULL: the article's own address, the subject's name, as before."""
    _add_columns(db, "issue_articles", [("url", "TEXT"), ("heading", "TEXT")])


def _migration_26(db: sqlite3.Connection) -> None:
    """When an article page's server asked curator (429 or 503 with Retry-After) not to ask again
    before (`wait_until`, ISO): until then the page is not read again, and reads so answered do not
    count (walk127 #1: a page asking for a day was read again after 2 and 5 hours, each read
    using up one of its reads). NULL: its last read failed otherwise, as before."""
    _add_columns(db, "page_retries", [("wait_until", "TEXT")])


def _migration_27(db: sqlite3.Connection) -> None:
    """What the feed said of each article when curator last took it (its entry's title and
    authors, `Store.entries_said`), so that a feed correcting a stored article's title or credit
    is noticed (walk126 #1: "Rethinking it: ..." by "Corrected Person", the build saying nothing
    and issue 3 publishing the old title and credit). Articles stored before: NULL, filled in the
    next time their feed is read (a change from then on is noticed). And an index finding a
    feed's articles by the opening of their text (walk126 #2: re-published at new addresses)."""
    _add_columns(db, "articles", [("entry_said", "TEXT")])
    # A feed's new article is looked up by its text among the feed's (`Store.republished`): by
    # the opening of its text, so that each lookup reads the few articles opening alike.
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_feed_opening ON articles(feed_id, substr(text, 1, 80))"
    )


def _migration_28(db: sqlite3.Connection) -> None:
    """Whether the editor corrected each issue article's credit there (its draft's `author:` or
    `publication:` lines, or its issue-N.json's "authors" or "publication" and `curator
    render`), so that an issue featuring it again credits it as corrected (walk158 #7: issue 2
    published the old credit). NULL: as curator credited it, or not known (before)."""
    _add_columns(db, "issue_articles", [("credit_corrected", "INTEGER")])
    # And the publication an article's feed credit says it was written for ("Bea Kahn for The
    # Compost Gazette" on "Relay"), for the draft's note (walk158 #9: dropped unsaid).
    _add_columns(db, "articles", [("written_for", "TEXT NOT NULL DEFAULT ''")])


def _migration_29(db: sqlite3.Connection) -> None:
    """Whether the editor corrected each issue article's blurb there (its draft's blurb, or its
    issue-N.json's "blurb" and `curator render`), so that an issue featuring it again publishes
    it as corrected, as a corrected credit is (walk167 #5: issue 3 published curator's own blurb
    again, and said nothing). NULL: as curator wrote it, or not known (before)."""
    _add_columns(db, "issue_articles", [("blurb_corrected", "INTEGER")])


def _migration_30(db: sqlite3.Connection) -> None:
    """A page's credit written in capitals that curator re-cased a name from ("PAR MARIE-ÈVE DE
    LA TOUR"), for the draft's note on the guess (walk191 #9: "de la Tour" for "de La Tour",
    unsaid). '': none, or not known (before)."""
    _add_columns(db, "articles", [("credit_capitals", "TEXT NOT NULL DEFAULT ''")])


def _migration_31(db: sqlite3.Connection) -> None:
    """Which articles each move of the editor's pulled into its subject (`curator.movepulls`), so
    that the draft's note names the move that pulled an article, not the move most like it
    (walk194 #6: an editor who moved two articles to one subject was told an article came with
    the second, when the first one's move had pulled it). `made_at` is the move's, as the
    correction stored it: a move made again, or undone, no longer matches. Moves made before:
    none recorded (the note says which move it probably came with)."""
    _run_script(
        db,
        """
        CREATE TABLE IF NOT EXISTS move_pulls (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            moved_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            subject TEXT NOT NULL,
            made_at TEXT NOT NULL,
            PRIMARY KEY (article_id, moved_id, made_at)
        );
        """,
    )


def _migration_32(db: sqlite3.Connection) -> None:
    """Each feed's stored error with the secret of each address in it masked (`?token=...`), as
    `record_feed_failure` stores one from now on (fixlp #2: a redirect loop's error kept the
    token whole, masked only when printed). The feed's own `url` stays whole, to fetch it."""
    for feed_id, error in db.execute(
        "SELECT id, last_error FROM feeds WHERE last_error IS NOT NULL"
    ).fetchall():
        masked = secrets_masked_in(error)
        if masked != error:
            db.execute("UPDATE feeds SET last_error = ? WHERE id = ?", (masked, feed_id))


#: The meta key a migration leaves a note for the editor under, said with the upgrade's message
#: (`Store._migrate`) and then removed (fixlx #5).
UPGRADE_NOTE = "upgrade_note:"


def upgrade_notes(db: sqlite3.Connection) -> tuple[str, ...]:
    """The notes the migrations just run left (`UPGRADE_NOTE`), taken out of the store: said
    with the upgrade's message."""
    key = f"{UPGRADE_NOTE}%"
    rows = db.execute("SELECT value FROM meta WHERE key LIKE ? ORDER BY key", (key,))
    notes = tuple(str(row[0]) for row in rows)
    db.execute("DELETE FROM meta WHERE key LIKE ?", (key,))
    return notes


def _title_marks(value: object) -> tuple[list[tuple[int, int]], int | None]:
    """The [issue, article] pairs of the meta value `title_corrected`, as (article, issue), and
    how many of its items were not such a pair (None: the value is not a JSON list at all). A
    value broken by hand is read as far as it goes (fixlx #5: it stopped the store opening with
    a Python traceback)."""
    try:
        data = json.loads(value) if isinstance(value, (str, bytes)) else None
    except ValueError:
        data = None
    if not isinstance(data, list):
        return [], None
    pairs = [
        (item[1], item[0])
        for item in data
        if isinstance(item, list)
        and len(item) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in item)
    ]
    return pairs, len(data) - len(pairs)


def _migration_33(db: sqlite3.Connection) -> None:
    """Whether the editor corrected each issue article's title there (its draft's `## Title`
    heading, or its issue-N.json's "title" and `curator render`), as a corrected credit or
    blurb is kept (migrations 28, 29), so that an issue featuring it again publishes it as
    corrected (walk199 #2). The titles corrected before were kept as the meta key
    `title_corrected` (a JSON list of [issue, article] pairs, read pair by pair on every build):
    they move to the column, and the key goes. NULL: as curator titled it, or not known. A
    value that is not such a list, or items of it that are no pair, are skipped and said
    (`UPGRADE_NOTE`): the store opens all the same (fixlx #5)."""
    _add_columns(db, "issue_articles", [("title_corrected", "INTEGER")])
    row = db.execute("SELECT value FROM meta WHERE key = 'title_corrected'").fetchone()
    if row is None:
        return
    pairs, skipped = _title_marks(row[0])
    db.executemany(
        "UPDATE issue_articles SET title_corrected = 1 WHERE article_id = ? AND issue_id ="
        " (SELECT id FROM issues WHERE number = ?)",
        pairs,
    )
    db.execute("DELETE FROM meta WHERE key = 'title_corrected'")
    if skipped != 0:
        what = (
            "could not be read (it is not a JSON list of [issue, article] pairs)"
            if skipped is None
            else f"held {skipped} item(s) that are not an [issue, article] pair; the"
            f" {len(pairs)} pair(s) it held were kept"
        )
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (
                f"{UPGRADE_NOTE}33",
                f"its record of the titles you corrected in published issues (meta"
                f" `title_corrected`) {what}: the titles those marks named are published as"
                " curator titles them when an issue features them again, until you correct them"
                " again; nothing else is lost (the kept copy has the record as it was)",
            ),
        )


def _migration_34(db: sqlite3.Connection) -> None:
    """The addresses the editor says an earlier newsletter featured, before they moved to
    curator (`curator featured add`; walk202 #1): no issue features the article at one, stored
    now or fetched later, nor a copy of it. By `url_key` (`urls.url_key`), as articles and
    aliases are; `url` as the editor gave it. Nothing of the subjects' model is taught by it."""
    _run_script(
        db,
        """
        CREATE TABLE IF NOT EXISTS featured_before (
            url_key TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        """,
    )


#: Numbered migrations; migration N brings a store from version N-1 to N. Never edit one that shipped.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
    _migration_9,
    _migration_10,
    _migration_11,
    _migration_12,
    _migration_13,
    _migration_14,
    _migration_15,
    _migration_16,
    _migration_17,
    _migration_18,
    _migration_19,
    _migration_20,
    _migration_21,
    _migration_22,
    _migration_23,
    _migration_24,
    _migration_25,
    _migration_26,
    _migration_27,
    _migration_28,
    _migration_29,
    _migration_30,
    _migration_31,
    _migration_32,
    _migration_33,
    _migration_34,
)


VERSION = len(MIGRATIONS)
