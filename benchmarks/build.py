"""Benchmark building one issue from a large store: selecting, grouping by subject and rendering.

    python benchmarks/build.py --articles 10000,100000 [--corpus ../shared/corpus] [--profile]

For each size N, a fresh store is filled with N articles (titles and texts from the labelled topic
sets in `<corpus>/topics/*/articles.jsonl`, cycled; distinct URLs; publication dates spread over
five years; a few publications), then `curator.app.run_build(config, store, now=..., out_dir=...,
fetch=False)` is timed: everything between "the articles are stored" and "the issue is written".
The subjects are the 13 an editor wrote for those sets (benchmarks/subjects/*.yaml).

Targets: under 1 s at 100,000 articles, and the 100,000 figure under 3x the 10,000 one.
`--profile` runs the largest size once more under cProfile (on a copy of the same store) and prints
the top functions by cumulative time. Prints one line per figure and a final summary line.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from curator.app import run_build  # noqa: E402
from curator.config import load_config  # noqa: E402
from curator.models import Article  # noqa: E402
from curator.placement import refresh  # noqa: E402
from curator.store import Store  # noqa: E402

#: The issue's date; articles are spread over the five years before it.
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
PUBLICATIONS = ("Northwind Journal", "Service Review", "The Ledger", "Wire Digest", "CX Daily")


def default_corpus() -> Path:
    shared = os.environ.get("CURATOR_SHARED")
    return Path(shared) / "corpus" if shared else REPO.parent / "shared" / "corpus"


def load_texts(corpus: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted((corpus / "topics").glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    if not rows:
        raise SystemExit(f"no topic articles under {corpus / 'topics'}; pass --corpus")
    return rows


def articles(texts: list[dict[str, str]], n: int) -> Iterator[tuple[str, Article]]:
    """N articles as the fetch stage stores them: (url key, article), each with its own URL."""
    span = 5 * 365 * 24 * 3600
    for i in range(n):
        row = texts[i % len(texts)]
        text = row["text"]
        blurb = " ".join(text.split(". ")[:2])[:400]
        url = f"https://news{i % 50}.example.com/{row['id']}/{i}"
        when = NOW - timedelta(seconds=(i * 7919) % span)
        yield (
            url,
            Article(
                id=0,
                url=url,
                title=row["title"],
                publication=PUBLICATIONS[i % len(PUBLICATIONS)],
                blurb=blurb,
                summary=text[:300],
                published=when,
                first_seen=when,
                text=text,
            ),
        )


def write_config(folder: Path) -> Path:
    """feeds.yaml with the editor's subjects for the topic sets (13 subjects)."""
    subjects = []
    for name in ("bbc.yaml", "reuters8.yaml"):
        data = yaml.safe_load((REPO / "benchmarks" / "subjects" / name).read_text("utf-8"))
        subjects += [
            {"name": s["name"], "description": s["description"], "keywords": s["keywords"]}
            for s in data["subjects"]
        ]
    config = {
        "newsletter": {"title": "Benchmark Weekly", "issue_size": 4},
        "subjects": subjects,
        "feeds": [{"url": "https://news0.example.com/feed.xml"}],
        "settings": {"store": str(folder / "unused.db"), "output": str(folder / "out")},
    }
    path = folder / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def fill(path: Path, texts: list[dict[str, str]], n: int) -> float:
    began = time.perf_counter()
    with Store.open(path) as store:
        with store.transaction():
            store.add_articles(articles(texts, n), feed_url="https://news0.example.com/feed.xml")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - began


def score(config_path: Path, store_path: Path) -> float:
    """Place every stored article under a subject, as the weekly runs would have done as the
    articles arrived (each article is scored once, when new; again only if subjects change)."""
    config = load_config(config_path)
    with Store.open(store_path) as store:
        began = time.perf_counter()
        refresh(config, store)
        return time.perf_counter() - began


def build_once(config_path: Path, store_path: Path, out: Path) -> tuple[float, int]:
    """Seconds to build one issue from the store at `store_path`, and how many articles it has."""
    config = load_config(config_path)
    with Store.open(store_path) as store:
        began = time.perf_counter()
        result = run_build(config, store, now=NOW, out_dir=out, fetch=False)
        seconds = time.perf_counter() - began
    featured = len(result.issue.articles) if result.issue else 0
    return seconds, featured


def profile_once(config_path: Path, store_path: Path, out: Path, top: int) -> str:
    config = load_config(config_path)
    with Store.open(store_path) as store:
        profiler = cProfile.Profile()
        profiler.enable()
        run_build(config, store, now=NOW, out_dir=out, fetch=False)
        profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return text.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", default="10000,100000", help="store sizes, comma-separated")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size")
    parser.add_argument("--top", type=int, default=15, help="functions shown by --profile")
    args = parser.parse_args()
    sizes = [int(x) for x in args.articles.split(",") if x.strip()]
    texts = load_texts(args.corpus)
    print(f"build benchmark: sizes {sizes}, {len(texts)} distinct texts, {os.cpu_count()} cores")
    figures: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as tmp_name:
        tmp = Path(tmp_name)
        config = write_config(tmp)
        for n in sizes:
            store = tmp / f"store-{n}.db"
            filled = fill(store, texts, n)
            size_mb = store.stat().st_size / 1e6
            print(f"fill.{n:<22} {filled:.1f} s to store {n} articles ({size_mb:.0f} MB)")
            scored = score(config, store)
            print(
                f"score.{n:<21} {scored:.1f} s to place each article under a subject, once "
                f"({n / scored:,.0f} articles/s; the app does this as articles arrive)",
                flush=True,
            )
            pristine = tmp / f"pristine-{n}.db"
            if args.profile and n == max(sizes):
                shutil.copy(store, pristine)
            seconds, featured = build_once(config, store, tmp / f"out-{n}")
            figures[n] = seconds
            print(f"build.{n:<21} {seconds:.2f} s ({featured} articles featured)", flush=True)
            if args.profile and n == max(sizes):
                print(profile_once(config, pristine, tmp / "out-profile", args.top))
            store.unlink()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak_rss':<27} {peak:.0f} MB")
    results = []
    if 100000 in figures:
        ok = figures[100000] < 1.0
        results.append(ok)
        print(
            f"{'target.100k_under_1s':<27} {figures[100000]:.2f} s (ratio {figures[100000]:.2f} "
            f"to 1 s)  {'PASS' if ok else 'MISS'}"
        )
    if 100000 in figures and 10000 in figures:
        ratio = figures[100000] / figures[10000]
        ok = ratio < 3
        results.append(ok)
        print(
            f"{'target.100k_over_10k':<27} {ratio:.2f}x (target < 3x)  {'PASS' if ok else 'MISS'}"
        )
    print(
        f"summary: {sum(results)}/{len(results)} targets met; "
        + ", ".join(f"{n}: {s:.2f} s" for n, s in figures.items())
    )


if __name__ == "__main__":
    main()
