"""Placing the archive under subjects at scale (issue 17 points 2-3): what is kept between builds
(each article's term counts, the fitted model) and how many articles are re-placed at once (numpy
batches on worker processes) must never change where an article goes.

Real corpus text (BBC and Reuters articles with the subjects an editor wrote for them, as
benchmarks/build.py uses) in a real SQLite store; the CLI on the offline demo where the editor's
view matters."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from conftest import run_cli as run
from curator import batchscore, modelcache, placement, termcounts
from curator import placing as placing_module
from curator.config import Config
from curator.config_load import load_config
from curator.models import Article
from curator.store import Store
from curator.subjectfit import fit
from curator.subjects import SubjectModel, model_fingerprint
from curator.textfeatures import article_counts, reset_caches

BENCHMARK_SUBJECTS = Path(__file__).resolve().parent.parent / "benchmarks" / "subjects"
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
COFFEE = "https://brightline.example/blog/office-coffee-machine"


def topic_rows(corpus: Path) -> list[dict[str, str]]:
    rows = []
    for name in ("bbc-news", "reuters21578"):
        path = corpus / "topics" / name / "articles.jsonl"
        if not path.exists():
            pytest.skip(f"{path} is not in the shared corpus")
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return rows


def articles_of(rows: list[dict[str, str]], start: int = 0) -> list[tuple[str, Article]]:
    """Articles as the fetch stage stores them, each under its own URL."""
    out = []
    for k, row in enumerate(rows, start):
        url = f"https://news{k % 7}.example.com/{row['id']}/{k}"
        text = row["text"]
        when = NOW - timedelta(hours=k)
        out.append(
            (
                url,
                Article(
                    id=0,
                    url=url,
                    title=row["title"],
                    blurb=" ".join(text.split(". ")[:2])[:400],
                    summary=text[:300],
                    published=when,
                    first_seen=when,
                    text=text,
                ),
            )
        )
    return out


def newsletter(folder: Path, extra_keywords: dict[int, list[str]] | None = None) -> Config:
    """A config with the 13 subjects an editor wrote for the BBC and Reuters sets."""
    subjects = []
    for name in ("bbc.yaml", "reuters8.yaml"):
        data = yaml.safe_load((BENCHMARK_SUBJECTS / name).read_text("utf-8"))
        subjects += [
            {"name": s["name"], "description": s["description"], "keywords": s["keywords"]}
            for s in data["subjects"]
        ]
    for i, words in (extra_keywords or {}).items():
        subjects[i]["keywords"] = [*subjects[i]["keywords"], *words]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feeds.yaml"
    config = {
        "newsletter": {"title": "Test Weekly"},
        "subjects": subjects,
        "feeds": [{"url": "https://news0.example.com/feed.xml"}],
        "settings": {"store": str(folder / "store.db"), "output": str(folder / "out")},
    }
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return load_config(path)


def filled(path: Path, items: list[tuple[str, Article]]) -> Store:
    store = Store.open(path)
    store.add_articles(items, feed_url="https://news0.example.com/feed.xml")
    return store


def stored_rows(store: Store) -> dict[int, tuple[str | None, float, tuple[str, ...], str]]:
    return {
        r[0]: (r[1], r[2], tuple(json.loads(r[3])), r[4])
        for r in store.db.execute(
            "SELECT article_id, subject, score, matched, fingerprint FROM assignments"
        )
    }


def one_by_one_from_the_text(model: SubjectModel, articles: list[Article]) -> dict[int, tuple]:
    """Where the scorer puts each article reading its text, as it did before counts were kept
    (every text read first, so that the words shown for terms are those of the whole archive,
    as the store keeps them)."""
    reset_caches()
    for a in articles:
        article_counts(a, model.phrases)
    return {a.id: model.assign_one(a) for a in articles}


def assert_same_places(rows: dict[int, tuple], expected: dict[int, object]) -> None:
    assert rows.keys() == expected.keys()
    subjects = {i: r[0] for i, r in rows.items()}
    assert subjects == {i: a.subject for i, a in expected.items()}  # type: ignore[attr-defined]
    for i, r in rows.items():
        assert r[1] == pytest.approx(expected[i].score, abs=1e-9)  # type: ignore[attr-defined]
    assert {i: r[2] for i, r in rows.items()} == {
        i: tuple(a.matched)
        for i, a in expected.items()  # type: ignore[attr-defined]
    }


@pytest.fixture
def corrected(corpus: Path, tmp_path: Path) -> tuple[Config, list[tuple[str, Article]]]:
    """A newsletter of BBC and Reuters articles, some corrected by the editor."""
    rows = topic_rows(corpus)
    return newsletter(tmp_path / "config"), articles_of(rows[::4])


def correct(store: Store, config: Config) -> None:
    """The editor moves three articles and excludes one (the scorer learns from them)."""
    ids = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY id")]
    names = [s.name for s in config.subjects]
    for k, subject in ((10, names[3]), (20, None), (30, names[7]), (40, names[0])):
        store.set_correction(ids[k], subject, now=NOW)


#: Where `_recording_place_window` notes each window it scored, and in which process.
_WINDOWS_TO: Path | None = None
_place_window = batchscore.place_window


def _recording_place_window(path: Path, after: int, through: int):  # type: ignore[no-untyped-def]
    """`batchscore.place_window`, noting the window and the process that scored it (a module
    function, so the pool can send it to its workers by name)."""
    assert _WINDOWS_TO is not None
    (_WINDOWS_TO / f"{after}-{through}").write_text(str(os.getpid()))
    return _place_window(path, after, through)


def test_the_archive_placed_in_batches_on_workers_goes_where_one_by_one_puts_it(
    corrected, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-placing thousands of articles from their stored counts, with numpy, in windows on
    worker processes, and placing a few one by one from the stored counts, both decide what the
    scorer decides reading each text: the same subject, score (to float rounding) and matched
    words for every article, corrected ones included."""
    config, items = corrected
    monkeypatch.setattr(placing_module, "SCORE_BATCH", 700)
    monkeypatch.setattr(placing_module, "COUNT_BATCH", 300)
    monkeypatch.setattr(placing_module, "BULK_MIN", 1)
    # (more than a fetch's new articles, which are scored in this process: exp18's test)
    monkeypatch.setattr(placing_module, "PLACED_HERE_MAX", 0)
    windows = tmp_path / "windows"
    windows.mkdir()
    monkeypatch.setattr(f"{__name__}._WINDOWS_TO", windows)  # (inherited by the forked workers)
    monkeypatch.setattr(batchscore, "place_window", _recording_place_window)
    bulk = filled(tmp_path / "bulk.db", items)
    correct(bulk, config)
    assert placement.refresh(config, bulk) == len(items)
    # In windows of SCORE_BATCH ids, each scored by a worker process, never this one.
    done = sorted((int(f.name.split("-")[0]), f.read_text()) for f in windows.iterdir())
    assert [a for a, _ in done] == list(range(0, len(items), 700))
    assert str(os.getpid()) not in {pid for _, pid in done}
    # The candidates' index, dropped while everything was placed, is back.
    assert bulk.db.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'assignments_subject_score'"
    ).fetchone()
    monkeypatch.setattr(placing_module, "BULK_MIN", 10**9)
    single = filled(tmp_path / "single.db", items)
    correct(single, config)
    assert placement.refresh(config, single) == len(items)

    model = placement.current_model(config, bulk)
    expected = one_by_one_from_the_text(model, bulk.articles())
    assert_same_places(stored_rows(bulk), expected)
    assert_same_places(stored_rows(single), expected)
    placed = [r for r in stored_rows(bulk).values() if r[0]]
    assert len(placed) > 0.9 * len(items)  # a real placement, not everything nowhere
    moved = bulk.placements(config.subjects[7].name)
    assert any(p.correction == "moved" for p in moved)


def test_a_stored_model_reads_back_exactly_as_it_was_fitted(corrected) -> None:
    """The stored model (plain JSON) is the fitted one: every vector, table, bar and pin, every
    float to the last bit."""
    config, items = corrected
    articles = [a for _, a in items[:1500]]
    subjects = [*config.subjects[:-1], replace(config.subjects[-1], examples=(articles[7].url,))]
    corrections = {articles[3].url: subjects[2].name, articles[5].url: None}
    fitted, _ = fit(subjects, articles, corrections)
    assert fitted.examples.vectors and fitted.words.voters and fitted.words.table
    assert modelcache.loads(modelcache.dumps(fitted), subjects) == fitted


def test_a_changed_subject_or_a_correction_is_placed_by_a_model_fitted_again(
    corrected, tmp_path: Path
) -> None:
    """The stored model is used only for the subjects and corrections it was fitted for: after
    the editor edits a subject, and after a move, the next placement fits again and places every
    article as a model fitted from scratch does."""
    config, items = corrected
    items = items[:500]
    store = filled(tmp_path / "store.db", items)
    placement.refresh(config, store)
    edited = newsletter(tmp_path / "edited", {0: ["stocks", "shareholders"]})
    assert model_fingerprint(edited.subjects) != model_fingerprint(config.subjects)

    for change in ("edit", "move"):
        if change == "move":
            first = store.articles()[0]
            store.set_correction(first.id, edited.subjects[4].name, now=NOW)
        placement.refresh(edited, store)
        corrections = store.corrections()
        fingerprint = model_fingerprint(edited.subjects, corrections)
        assert store.stored_model().fingerprint == fingerprint  # type: ignore[union-attr]
        rows = stored_rows(store)
        assert {r[3] for r in rows.values()} == {fingerprint}
        fresh = SubjectModel.build(
            edited.subjects, corpus=placement.model_corpus(store), corrections=corrections
        )
        assert_same_places(rows, one_by_one_from_the_text(fresh, store.articles()))
    assert rows[first.id][0] == edited.subjects[4].name


def test_new_articles_are_placed_by_the_stored_model_until_the_archive_has_grown(
    corrected, tmp_path: Path
) -> None:
    """A build that stores a few new articles places them with the stored model (fitting it
    again costs more than the build); once the articles stored since its fit reach REFIT_SHARE
    of those it learnt from, it is fitted again from the archive as it is."""
    config, items = corrected
    store = filled(tmp_path / "store.db", items[:400])
    placement.refresh(config, store)
    fitted = store.stored_model()
    assert fitted is not None and (fitted.learnt_from, fitted.fitted_through) == (400, 400)

    store.add_articles(items[400:430], feed_url=None)  # 30 new: under 10% of 400
    assert placement.refresh(config, store) == 30
    assert store.stored_model() == fitted
    stored = SubjectModel.of(modelcache.loads(fitted.body, config.subjects))
    rows = stored_rows(store)
    new = [a for a in store.articles() if a.id > 400]
    expected = one_by_one_from_the_text(stored, store.articles())
    assert_same_places({a.id: rows[a.id] for a in new}, {a.id: expected[a.id] for a in new})

    store.add_articles(items[430:445], feed_url=None)  # 45 since the fit: over 40
    assert placement.refresh(config, store) == 15
    refitted = store.stored_model()
    assert refitted is not None and (refitted.learnt_from, refitted.fitted_through) == (445, 445)


def test_a_weekly_placement_reads_its_new_articles_not_the_archive(
    corrected, tmp_path: Path
) -> None:
    """Placing a week's new articles costs the same with 300 or 1,200 stored: the new ones are
    found above the placed-through watermark by the primary key (SQLite's own count of the
    instructions it ran is the measure: it does not depend on the machine's load)."""
    config, items = corrected
    cost = {}
    for size in (300, 1200):
        store = filled(tmp_path / f"store-{size}.db", items[:size])
        placement.refresh(config, store)
        store.add_articles(items[size : size + 20], feed_url=None)
        steps = [0]

        def tick(steps: list[int] = steps) -> int:
            steps[0] += 1
            return 0

        store.db.set_progress_handler(tick, 100)
        assert placement.refresh(config, store) == 20
        store.db.set_progress_handler(None, 100)
        cost[size] = steps[0] * 100
        store.close()
    assert cost[1200] < 1.3 * cost[300], cost


def test_a_damaged_stored_model_is_fitted_again_and_the_editor_told(
    demo: Path, tmp_path: Path
) -> None:
    """A stored model that cannot be read (damaged, or written in another layout) is fitted
    again from the archive, with one warning line, and the build goes on as with a sound one."""
    db = tmp_path / "demo.db"
    code, _, err = run(
        "build", "--config", str(demo), "--db", str(db), "-q", "-o", str(tmp_path / "a")
    )
    assert code == 0, err
    code, healthy, _ = run(
        "subjects", "explain", COFFEE, "--config", str(demo), "--db", str(db), "--json"
    )
    assert code == 0
    for damage, said in (
        ('body = \'{"format": "1", "vectors": [ 0.3\'', "could not be read (not JSON"),
        ('body = \'{"format": "1"}\'', "could not be read (incomplete"),
        ("format = '0'", "was written by another version of curator"),
    ):
        with sqlite3.connect(db) as conn:
            conn.execute(f"UPDATE subject_model SET {damage}")
        code, out, err = run(
            "subjects", "explain", COFFEE, "--config", str(demo), "--db", str(db), "--json"
        )
        assert code == 0, err
        assert json.loads(out) == json.loads(healthy)
        (line,) = err.splitlines()
        assert line.startswith(f"curator: warning: {db}: the stored subject model ")
        assert said in line and line.endswith("; it was fitted again from the archive")
        # `explain` only reads (walk150 #4): the store is left as it was, and said so again;
        # a build that places articles stores the model it fits.
        code, _, err = run("subjects", "explain", COFFEE, "--config", str(demo), "--db", str(db))
        assert code == 0 and said in err, err

    # And in a build that has a new article to place: said among the build's warnings.
    with Store.open(db) as store:
        store.add_articles(
            [("https://late.example/a", Article(id=0, url="https://late.example/a",
                                                title="Customer feedback loops", first_seen=NOW))],
            feed_url=None,
        )  # fmt: skip
    with sqlite3.connect(db) as conn:  # (the format as a sound model's: the loop left '0')
        conn.execute("UPDATE subject_model SET body = 'null', format = ?", (modelcache.FORMAT,))
    code, _, err = run(
        "build",
        "--config",
        str(demo),
        "--db",
        str(db),
        "--no-fetch",
        "-q",
        "-o",
        str(tmp_path / "b"),
    )
    assert code == 0, err
    assert "curator: warning: " in err and "the stored subject model could not be read" in err


def test_a_new_multi_word_keyword_is_counted_into_the_stored_articles(
    corrected, tmp_path: Path
) -> None:
    """A keyword of several words counts as a term of its own: when the editor adds one, the
    stored counts of the articles that have its words are counted again, so that every article
    is placed as if it had been counted with it from the start."""
    config, items = corrected
    items = items[:800]
    store = filled(tmp_path / "store.db", items)
    placement.refresh(config, store)
    edited = newsletter(tmp_path / "edited", {1: ["film festival", "box office hit"]})
    placement.refresh(edited, store)
    assert {"film festiv", "box offic hit"} <= set(store.term_counts_state()[1])
    fresh = SubjectModel.build(edited.subjects, corpus=placement.model_corpus(store))
    assert_same_places(stored_rows(store), one_by_one_from_the_text(fresh, store.articles()))
    festival = [
        i for i, r in stored_rows(store).items() if any(w.startswith("film festival") for w in r[2])
    ]
    assert festival  # the phrase is matched where it occurs


def test_damaged_or_outdated_counts_are_counted_again(
    corrected, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored counts that cannot be read (a damaged blob, a term the store lacks) are counted
    again from the article's text, in the batch path as one by one; counts of another format
    (a weight changed) are all counted again."""
    config, items = corrected
    items = items[:400]
    store = filled(tmp_path / "store.db", items)
    placement.refresh(config, store)
    expected = stored_rows(store)
    edited = newsletter(tmp_path / "edited", {2: ["ballot"]})
    for bulk in (True, False):
        monkeypatch.setattr(placing_module, "BULK_MIN", 1 if bulk else 10**9)
        store.db.execute("UPDATE article_terms SET counts = x'0102' WHERE article_id = 5")
        store.db.execute(
            "UPDATE article_terms SET counts = ? WHERE article_id = 9",
            (termcounts.encode([(10**8, 1.0)]),),
        )
        placement.refresh(edited if bulk else config, store)
        rows = stored_rows(store)
        if not bulk:
            assert {i: r[:3] for i, r in rows.items()} == {i: r[:3] for i, r in expected.items()}
    monkeypatch.setattr(termcounts, "COUNTING_VERSION", "another")
    placement.refresh(edited, store)
    assert store.term_counts_state()[0] == termcounts.counts_format()
    assert store.db.execute("SELECT COUNT(*) FROM article_terms").fetchone()[0] == len(items)


def test_subjects_are_fitted_from_stored_counts_as_from_the_texts(
    corrected, tmp_path: Path
) -> None:
    """The model fitted from the stored counts of the newest articles is the model fitted from
    their texts (the same terms everywhere; the same numbers, to float rounding: the counts are
    summed in another order)."""
    config, items = corrected
    store = filled(tmp_path / "store.db", items[:500])
    correct(store, config)
    placement.refresh(config, store)
    stored = modelcache.loads(store.stored_model().body, config.subjects)  # type: ignore[union-attr]
    corpus = placement.model_corpus(store)
    from_text = fit(config.subjects, corpus, store.corrections())[0]
    assert (stored.fingerprint, stored.pins, stored.corpus.idf) == (
        from_text.fingerprint, from_text.pins, from_text.corpus.idf,
    )  # fmt: skip
    for mine, theirs in zip(stored.vectors, from_text.vectors, strict=True):
        assert mine == pytest.approx(theirs, abs=1e-12)
    assert stored.words.table.keys() == from_text.words.table.keys()
    assert stored.words.voters.keys() == from_text.words.voters.keys()
    assert stored.bars == pytest.approx(from_text.bars, abs=1e-12)
    assert stored.fit_bars == pytest.approx(from_text.fit_bars, abs=1e-12)


def test_the_word_shown_for_a_term_does_not_depend_on_which_article_came_first(
    tmp_path: Path,
) -> None:
    """The word a matched term is shown as is the shortest any stored article used for it
    (alphabetically first among words as short), whichever article was counted first."""
    shown = []
    for order in ((0, 1), (1, 0)):
        store = Store.open(tmp_path / f"store-{order[0]}.db")
        texts = ["The prices defined it", "Priced and defines"]
        vocabulary = termcounts.Vocabulary(store)
        for k in order:
            a = Article(id=0, url=f"https://a.example/{k}", title=texts[k], first_seen=NOW)
            store.add_articles([(a.url, a)], feed_url=None)
            vocabulary.save(termcounts.count([replace(a, id=store.newest_article_id())], []))
        shown.append(dict(store.db.execute("SELECT term, word FROM terms").fetchall()))
    assert shown[0] == shown[1]
    assert shown[0]["price"] == "priced" and shown[0]["defin"] == "defined"


@pytest.mark.parametrize("in_workers", [False, True], ids=["here", "in-workers"])
def test_new_articles_are_counted_as_they_are_stored(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_workers: bool
) -> None:
    """The fetch stores each new article's term counts with it (counted by the process that
    built it), so placing it reads them: they are what counting the stored article gives."""
    from curator import workers
    from curator.subjectwords import subject_phrases

    monkeypatch.setattr(workers, "PARALLEL_MIN_FEEDS", 1 if in_workers else 10_000)
    db = tmp_path / "demo.db"
    code, _, err = run("fetch", "--config", str(demo), "--db", str(db), "-q")
    assert code == 0, err
    table = subject_phrases(load_config(demo).subjects)
    with Store.open(db) as store:
        stored = store.articles()
        counts, damaged = termcounts.Vocabulary(store).counts(
            store.term_count_blobs([a.id for a in stored])
        )
        assert len(stored) == len(counts) == 11 and not damaged
        assert set(store.term_counts_state()[1]) == termcounts.phrase_keys(table)
        for a in stored:
            # (with the article's pairs of words among its terms: exp20, wordpairs)
            pairs: dict[str, float] = {}
            assert counts[a.id] == {**article_counts(a, table, pairs), **pairs}


def test_a_store_left_without_its_candidates_index_gets_it_back(tmp_path: Path) -> None:
    """A run cut short while it re-placed the archive (the index dropped meanwhile) leaves the
    store without the index a build reads its candidates from: the next opening builds it."""
    path = tmp_path / "store.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX assignments_subject_score")
    with Store.open(path) as store:
        plan = " ".join(
            str(r[3])
            for r in store.db.execute(
                "EXPLAIN QUERY PLAN SELECT article_id FROM assignments WHERE subject = 'x'"
                " ORDER BY score DESC"
            )
        )
        assert "assignments_subject_score" in plan


def fetched_then_edited(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str]:
    """The demo fetched into a store, then a keyword added to its first subject (placing in
    batches of 2 articles, to have several): the store and the config's text before the edit."""
    monkeypatch.setattr(placing_module, "BULK_MIN", 1)
    monkeypatch.setattr(placing_module, "SCORE_BATCH", 2)
    db = tmp_path / "demo.db"
    code, _, err = run("fetch", "--config", str(demo), "--db", str(db), "-q")
    assert code == 0, err
    text = demo.read_text(encoding="utf-8")
    demo.write_text(text.replace("keywords: [", "keywords: [coffee, ", 1), encoding="utf-8")
    return db, text


def test_re_placing_the_archive_shows_its_progress(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build after a subject edit places every article again and says how far it has got
    (here in batches of 2, to have several); --quiet silences it."""
    db, text = fetched_then_edited(demo, tmp_path, monkeypatch)
    code, _, err = run(
        "build", "--config", str(demo), "--db", str(db), "--no-fetch", "-o", str(tmp_path / "a")
    )
    assert code == 0, err
    lines = [ln for ln in err.splitlines() if ln.startswith("  subjects   ")]
    assert (
        lines and lines[-1] == "  subjects   placing articles under subjects: 6 of 6 batches done"
    )
    demo.write_text(text.replace("keywords: [", "keywords: [espresso, ", 1), encoding="utf-8")
    code, _, err = run(
        "build",
        "--config",
        str(demo),
        "--db",
        str(db),
        "--no-fetch",
        "-q",
        "-o",
        str(tmp_path / "b"),
    )
    assert code == 0 and "subjects   " not in err


def test_a_draft_after_a_subject_edit_shows_the_re_placing_too(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`curator draft` places the archive again after a subject edit as `build` does, and says
    so as build does (it was silent, however long it took)."""
    db, _ = fetched_then_edited(demo, tmp_path, monkeypatch)
    code, _, err = run("draft", "--config", str(demo), "--db", str(db), "--no-fetch")
    assert code == 0, err
    lines = [ln for ln in err.splitlines() if ln.startswith("  subjects   ")]
    assert (
        lines and lines[-1] == "  subjects   placing articles under subjects: 6 of 6 batches done"
    )
    assert (demo.parent / "drafts" / "issue-1.md").exists()


def test_the_first_command_after_an_upgrade_says_why_it_counts_again_and_how_far_it_got(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk62 #1: a store counted and placed by an older curator that counted words differently.
    The first `subjects list` gave a false reason ("your subjects or corrections changed") and
    no progress for 28-63 s on 33,000 articles: it says the true reason, with how long, and a
    line as the counting and the placing go (-q silences both). A curator that only places
    differently (its scorer changed) says that."""
    db, text = fetched_then_edited(demo, tmp_path, monkeypatch)
    demo.write_text(text, encoding="utf-8")  # (the subjects as they were: nothing changed)
    monkeypatch.setattr(placing_module, "COUNT_BATCH", 2)
    # (placed by a command that writes: `subjects list` only reads, walk150 #4)
    assert run("draft", "--no-fetch", "--config", str(demo), "--db", str(db), "-q")[0] == 0

    def older_curator(counts_format: str) -> None:
        with sqlite3.connect(db) as con:
            con.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [
                    ("counts_format", counts_format),
                    ("placed_fingerprint", "0123456789abcdef"),
                    ("placed_scorer", "0"),
                ],
            )
        con.close()

    older_curator("an older way of counting")
    code, _, err = run("subjects", "list", "--config", str(demo), "--db", str(db), "-n", "1")
    assert code == 0, err
    # (without the lines that say a batch goes on, when one takes 2 s on a busy machine: see
    # test_a_step_without_batches_says_it_goes_on_every_two_seconds)
    # (a step's own "goes on" line too, ": 1 s so far", which a busy machine reaches before the
    # first batch's: it failed CI's run at a load of 10)
    lines = [
        line
        for line in err.splitlines()
        if not re.search(r" s so far\)?$", line) and "not done in the store yet" not in line
    ]
    n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert lines[0] == (
        "curator: this curator counts words differently from the one that stored them: every"
        f" article's words ({n:,}) are counted again once, about 10-30 s per 10,000 (the more"
        " other programs keep the machine busy, the longer), then every article is placed under"
        " subjects again..."
    )
    batches = -(-n // 2)
    assert (
        "  subjects   counting the words of stored articles again (this curator counts them"
        f" differently from the one that stored them): {batches} of {batches}"
    ) in err
    assert lines[-1].startswith("  subjects   placing articles under subjects: ")
    assert "your subjects or corrections changed" not in err

    older_curator("an older way of counting")  # build says it too, on its progress line
    code, _, err = run(
        "build", "--config", str(demo), "--db", str(db), "--no-fetch", "-o", str(tmp_path / "o")
    )
    assert code == 0, err
    assert "  subjects   counting the words of stored articles again (this curator" in err

    older_curator(termcounts.counts_format())
    code, _, err = run("subjects", "list", "--config", str(demo), "--db", str(db), "-n", "1")
    assert code == 0, err
    assert err.splitlines()[0] == (
        "curator: this curator places articles differently from the one that placed them:"
        " placing every stored article again under subjects, once..."
    )
    older_curator("an older way of counting")
    code, _, err = run("subjects", "list", "--config", str(demo), "--db", str(db), "-n", "1", "-q")
    assert code == 0 and err == ""


def test_the_recount_after_an_upgrade_speaks_from_its_start_and_says_the_time_left(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk71 #D: the first progress line of the recount came 11 s after the announcement (after
    the first batch of 2,000), lines were up to 7.6 s apart, and the fixed "about 10 s per
    10,000" was 2.5x off on a busy machine. Each phase says it has started before its first batch
    (the placing, before fitting the model), and the lines between say the time left as measured
    so far; the announcement gives a range."""
    db, text = fetched_then_edited(demo, tmp_path, monkeypatch)
    demo.write_text(text, encoding="utf-8")
    monkeypatch.setattr(placing_module, "COUNT_BATCH", 2)
    # (placed by a command that writes: `subjects list` only reads, walk150 #4)
    assert run("draft", "--no-fetch", "--config", str(demo), "--db", str(db), "-q")[0] == 0
    with sqlite3.connect(db) as con:
        con.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [("counts_format", "an older way of counting"), ("placed_fingerprint", "0" * 16)],
        )
    con.close()
    from curator.cli import report_progress

    monkeypatch.setattr(report_progress, "LINE_EVERY", 0.0)  # (every batch's line, to see them all)
    code, _, err = run("subjects", "list", "--config", str(demo), "--db", str(db), "-n", "1")
    assert code == 0, err
    # (without the lines that say a batch or a step goes on, every 0 s here: see
    # test_a_step_without_batches_says_it_goes_on_every_two_seconds)
    # (a step's own "goes on" line too, ": 1 s so far", which a busy machine reaches before the
    # first batch's: it failed CI's run at a load of 10)
    lines = [
        line
        for line in err.splitlines()
        if not re.search(r" s so far\)?$", line) and "not done in the store yet" not in line
    ]
    n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    counting = (
        "  subjects   counting the words of stored articles again (this curator counts them"
        " differently from the one that stored them): "
    )
    batches, placing = -(-n // 2), "  subjects   placing articles under subjects: "
    assert "about 10-30 s per 10,000" in lines[0]
    assert lines[1] == f"{counting}0 of {batches} batches done", lines[:3]
    # No estimate from the first batch alone: it carries the start-up (workers forked, the model
    # loaded), and "1 of 20 batches done, about 83 s left" finished 6.5 s later (walk81 #6); the
    # time left is measured from the rate since it ended.
    assert lines[2] == f"{counting}1 of {batches} batches done", lines[:4]
    assert re.fullmatch(
        rf"{re.escape(counting)}2 of {batches} batches done, about \d+ s left", lines[3]
    )
    done = lines.index(f"{counting}{batches} of {batches} batches done")
    assert lines[done + 1] == f"{placing}0 of {-(-n // 2)} batches done", lines[done:]
    assert re.fullmatch(rf"{re.escape(placing)}1 of \d+ batches done", lines[done + 2])
    assert re.fullmatch(
        rf"{re.escape(placing)}2 of \d+ batches done, about \d+ s left", lines[done + 3]
    )
    assert lines[-1] == f"{placing}{-(-n // 2)} of {-(-n // 2)} batches done"


def test_a_recount_cut_short_is_resumed_as_such_and_its_time_left_measured_here(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk101 #1: after a Ctrl-C halfway through the recount after an upgrade, the rerun said
    "placing every stored article again under subjects (your subjects or corrections changed)"
    (nothing had changed) and "125 of 200 batches done, about 1 s left" 48 s before the end: the
    batches counted before the cut were measured as done here, at once. The rerun says it resumes
    the recount, starts at the batches done, and gives no time left from those."""
    db, text = fetched_then_edited(demo, tmp_path, monkeypatch)
    demo.write_text(text, encoding="utf-8")  # (the subjects as they were: nothing changed)
    monkeypatch.setattr(placing_module, "COUNT_BATCH", 2)
    # (placed by a command that writes: `subjects list` only reads, walk150 #4)
    assert run("draft", "--no-fetch", "--config", str(demo), "--db", str(db), "-q")[0] == 0
    with sqlite3.connect(db) as con:
        con.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [
                ("counts_format", "an older way of counting"),
                ("placed_fingerprint", "0123456789abcdef"),
                ("placed_scorer", "0"),
            ],
        )
    con.close()
    n = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    batches = -(-n // 2)
    cut = batches // 2
    workers = placing_module._in_workers

    def cut_short(fn, tasks, *args, **kwargs):  # type: ignore[no-untyped-def]
        for done, found in enumerate(workers(fn, tasks, *args, **kwargs), 1):
            if fn is placement.count_window and done > cut:
                raise KeyboardInterrupt  # (the editor's Ctrl-C)
            yield found

    monkeypatch.setattr(placing_module, "_in_workers", cut_short)
    # (by a command that writes: `subjects list` only reads, and keeps no count: walk150 #4)
    draft = ("draft", "--no-fetch", "--force", "--config", str(demo), "--db", str(db))
    code, _, err = run(*draft)
    assert code == 130, err
    assert "interrupted" in err
    monkeypatch.setattr(placing_module, "_in_workers", workers)

    from curator.cli import report_progress

    monkeypatch.setattr(report_progress, "LINE_EVERY", 0.0)  # (every batch's line, to see them all)
    code, _, err = run(*draft)
    assert code == 0, err
    # (a step's own "goes on" line too, ": 1 s so far", which a busy machine reaches before the
    # first batch's: it failed CI's run at a load of 10)
    lines = [
        line
        for line in err.splitlines()
        if not re.search(r" s so far\)?$", line) and "not done in the store yet" not in line
    ]
    assert "your subjects or corrections changed" not in err
    counting = (
        "  subjects   counting the words of stored articles again, resuming where an earlier"
        " run stopped: "
    )
    # (draft's progress lines: no announcement before them, as the `subjects` reports give)
    first = lines.index(f"{counting}{cut} of {batches} batches done")
    # The first batch counted here carries the start-up: no time left from it, nor from the
    # batches the earlier run counted; the next one measures the rate of this run.
    assert lines[first + 1] == f"{counting}{cut + 1} of {batches} batches done", lines
    assert re.fullmatch(
        rf"{re.escape(counting)}{cut + 2} of {batches} batches done, about \d+ s left",
        lines[first + 2],
    )
    assert f"{counting}{batches} of {batches} batches done" in lines

    # Resumed and finished: the next change of subjects gives its own reason again.
    demo.write_text(text.replace("keywords: [", "keywords: [coffee, ", 1), encoding="utf-8")
    code, _, err = run("subjects", "list", "--config", str(demo), "--db", str(db), "-n", "1")
    assert code == 0, err
    assert "(your subjects or corrections changed)" in err.splitlines()[0]
    assert "resuming" not in err


def test_a_build_that_would_stop_says_so_before_placing_every_article(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk101 #2: `build --no-fetch` into an output folder holding an issue 1 the store does not
    record stopped ("already holds issue 1 ... Nothing was published") after 2:55 of placing
    every article again. It stops before placing; so does `draft` over a draft of the next issue,
    and `build --draft` into such a folder."""
    db, _ = fetched_then_edited(demo, tmp_path, monkeypatch)
    out = tmp_path / "out"
    published = tmp_path / "published.db"
    assert run("build", "--config", str(demo), "--db", str(published), "-o", str(out), "-q")[0] == 0
    assert (out / "issue-1.html").exists()

    code, _, err = run(
        "build", "--config", str(demo), "--db", str(db), "--no-fetch", "-o", str(out)
    )
    assert code == 1, err
    assert "already holds issue 1" in err and "Nothing was published" in err
    assert "placing" not in err, err

    drafts = demo.parent / "drafts"
    drafts.mkdir(exist_ok=True)
    (drafts / "issue-1.md").write_text("an edited draft\n", encoding="utf-8")
    code, _, err = run("draft", "--config", str(demo), "--db", str(db), "--no-fetch")
    assert code == 1, err
    assert "issue-1.md exists already (your edits would be lost)" in err
    assert "placing" not in err, err
    assert (drafts / "issue-1.md").read_text(encoding="utf-8") == "an edited draft\n"

    # A draft curator wrote of issue 1, edited, and the subjects changed since: the build
    # stops before placing.
    (drafts / "issue-1.md").unlink()
    assert run("draft", "--config", str(demo), "--db", str(db), "--no-fetch", "-q")[0] == 0
    draft = drafts / "issue-1.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nAn edit.\n", encoding="utf-8")
    demo.write_text(
        demo.read_text(encoding="utf-8").replace("keywords: [", "keywords: [espresso, ", 1),
        encoding="utf-8",
    )
    o2 = tmp_path / "o2"
    code, _, err = run("build", "--config", str(demo), "--db", str(db), "--no-fetch", "-o", str(o2))
    assert code == 1, err
    assert f"{draft} is a draft of issue 1, the issue this build would publish, edited" in err
    assert "placing" not in err, err

    # The placing was left for later: without the draft, the build places, then publishes.
    draft.unlink()
    code, _, err = run("build", "--config", str(demo), "--db", str(db), "--no-fetch", "-o", str(o2))
    assert code == 0, err
    assert "  subjects   placing articles under subjects: " in err
