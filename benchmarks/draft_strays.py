"""A draft's stray check (`placing.featured_strays`, run by every `build --draft`, draft check
and plain build) on a store of ~5,000 articles in 5 subjects, against the check as it was
before fixlo #2 (term counts read subject by subject, and the featured articles' read again),
side by side in one run.

    python benchmarks/draft_strays.py [--articles 5000] [--repeat 5] [--cache DIR]

The store: the BBC News set's texts (5 labels, 1,250 texts) cycled under distinct URLs, placed
by this curator under the 5 subjects an editor wrote for them (benchmarks/subjects/bbc.yaml);
made once and kept in `--cache` (default /tmp/curator-bench-cache/draft_strays), remade when the
store, counts, model or scorer changes. The draft: the best 5 articles of each subject, and the 6th of each under the next subject."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from build import articles, default_corpus, fixture_key  # noqa: E402

from curator.config import Config  # noqa: E402
from curator.config_load import load_config  # noqa: E402
from curator.models import Article  # noqa: E402
from curator.ownwords import LOOKED_AT, strays_of  # noqa: E402
from curator.ownwords import featured_strays as strays_in  # noqa: E402
from curator.placement import refresh  # noqa: E402
from curator.placing import counts_of, featured_strays  # noqa: E402
from curator.store import Store  # noqa: E402
from curator.subjectfit import subject_phrases  # noqa: E402
from curator.termcounts import phrase_keys  # noqa: E402

#: The best articles of each subject the draft features.
PER_SUBJECT = 5

Strays = dict[str, tuple[str, tuple[str, ...]]]


def bbc_texts(corpus: Path) -> list[dict[str, str]]:
    path = corpus / "topics" / "bbc-news" / "articles.jsonl"
    if not path.exists():
        raise SystemExit(f"no BBC News texts at {path}; pass --corpus")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def write_config(folder: Path) -> Path:
    data = yaml.safe_load((HERE / "subjects" / "bbc.yaml").read_text(encoding="utf-8"))
    config = {
        "newsletter": {"title": "Benchmark Weekly"},
        "subjects": [
            {"name": s["name"], "description": s["description"], "keywords": s["keywords"]}
            for s in data["subjects"]
        ],
        "feeds": [],
        "settings": {"store": str(folder / "unused.db"), "output": str(folder / "out")},
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feeds.yaml"
    path.write_text(json.dumps(config, indent=1), encoding="utf-8")  # JSON is YAML
    return path


def fixture(cache: Path, corpus: Path, n: int) -> tuple[Path, Config]:
    """The store of `n` articles placed under the 5 subjects, made once and kept in `cache`."""
    texts = bbc_texts(corpus)
    config = load_config(write_config(cache / "config"))
    path, key_file = cache / f"store-{n}.db", cache / f"store-{n}.json"
    key = fixture_key(texts, n) | {"subjects": "bbc"}
    if path.exists() and key_file.exists() and json.loads(key_file.read_text()) == key:
        return path, config
    for stale in cache.glob(f"store-{n}.db*"):
        stale.unlink()
    began = time.perf_counter()
    print(f"fixture.store-{n:<8} making it once ({cache})...", flush=True)
    with Store.open(path) as store:
        with store.transaction():
            store.add_articles(articles(texts, n), feed_url="https://news0.example.com/feed.xml")
        refresh(config, store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    key_file.write_text(json.dumps(key), encoding="utf-8")
    print(f"fixture.store-{n:<8} made in {time.perf_counter() - began:.0f} s", flush=True)
    return path, config


def before(config: Config, store: Store, entries: list[tuple[Article, str]]) -> Strays:
    """The stray check as it was before fixlo #2: each featured subject's placed articles read
    and their counts read on their own (a `counts_of` each), the featured ones' read again."""
    phrases = phrase_keys(subject_phrases(config.subjects))
    moved = store.corrections()
    featured = {name for _, name in entries}
    off = []
    for subject in config.subjects:
        if subject.name not in featured:
            continue
        rows = store.placed_matched(subject.name, LOOKED_AT)
        counts = counts_of(store, phrases, [a.id for a, _ in rows if a.id is not None])
        if strays_of(subject, rows, counts, moved).said:
            off.append(subject.name)
    return strays_in(
        config.subjects, entries, lambda ids: counts_of(store, phrases, ids), moved, off
    )


def timed(
    check: Callable[[Config, Store, list[tuple[Article, str]]], Strays],
    config: Config,
    store: Store,
    entries: list[tuple[Article, str]],
) -> tuple[float, float, Strays]:
    """One run of `check`: (its CPU time, its wall time, what it found). CPU time is the figure
    to read on a shared machine (the check runs in this one thread; wall time is what the
    editor waits, the machine's load with it)."""
    cpu, wall = time.process_time(), time.perf_counter()
    found = check(config, store, entries)
    return time.process_time() - cpu, time.perf_counter() - wall, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "curator-bench-cache"
    )
    args = parser.parse_args()
    corpus = args.corpus or default_corpus()
    cache = args.cache / "draft_strays"
    cache.mkdir(parents=True, exist_ok=True)
    path, config = fixture(cache, corpus, args.articles)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "curator.db"
        shutil.copy(path, copy)
        with Store.open(copy) as store:
            placed = {s.name: store.placed_matched(s.name, LOOKED_AT) for s in config.subjects}
            entries = [(a, name) for name, rows in placed.items() for a, _ in rows[:PER_SUBJECT]]
            # (and one article of each subject in the next one's section: a stray to flag, its
            # counts read apart from its section's subject's)
            names = list(placed)
            entries += [
                (placed[name][PER_SUBJECT][0], names[(k + 1) % len(names)])
                for k, name in enumerate(names)
                if len(placed[name]) > PER_SUBJECT
            ]
            sizes = ", ".join(f"{name.split()[0]} {len(rows)}" for name, rows in placed.items())
            print(f"store          {args.articles} articles; placed: {sizes}")
            print(f"draft          {len(entries)} featured, {len(placed)} subjects")
            # (warm both up once, then taken in turn: the machine's load falls on both alike)
            runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
            found: dict[str, Strays] = {}
            for turn in range(args.repeat + 1):
                for name, check in (("before", before), ("after", featured_strays)):
                    cpu, wall, found[name] = timed(check, config, store, entries)
                    if turn:
                        runs[name].append((cpu, wall))
    subjects = len({name for _, name in entries})
    cpu = {k: statistics.median(c for c, _ in v) for k, v in runs.items()}
    wall = {k: statistics.median(w for _, w in v) for k, v in runs.items()}
    for name in ("before", "after"):
        print(
            f"{name:<14} {cpu[name]:.3f} s CPU ({cpu[name] / subjects:.3f} s a subject),"
            f" {wall[name]:.3f} s wall; median of {args.repeat}"
        )
    print(f"same strays    {found['before'] == found['after']} ({len(found['after'])} flagged)")
    o, n = cpu["before"], cpu["after"]
    print(
        f"summary: stray check {o:.3f} s CPU before, {n:.3f} s after ({o / max(n, 1e-9):.1f}x),"
        f" {o / subjects:.3f} and {n / subjects:.3f} s a featured subject"
    )


if __name__ == "__main__":
    main()
