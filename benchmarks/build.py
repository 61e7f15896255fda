"""Benchmark the weekly build against the size of the archive, and re-placing the whole archive.

    python benchmarks/build.py [--sizes 0,10000,100000,1000000] [--new 50] [--rounds 3]
        [--stores copies,distinct] [--replace 100000,1000000] [--old-replace 100000]
        [--baseline REF] [--cache DIR] [--check-distinct N]

What the editor waits for, measured as they run it: the installed `curator build` (a wheel of this
repository in a scratch venv, as benchmarks/weekly.py installs it), side by side with the same
command of the curator before issue 17's work on placement (`--baseline`, default 474996d,
extracted with `git archive` and installed the same way), on copies of the same stores:

1. **A week's build** at each `--sizes` articles stored: a local feed (benchmarks/_site.py,
   `--latency-ms` per response) brings `--new` new articles whose pages (real corpus texts) are
   on 10 hosts; `curator build` fetches them, places them under the 13 subjects of
   benchmarks/subjects/{bbc,reuters8}.yaml and writes the issue. Target (issue 17): at 1,000,000
   stored within 0.5 s of the build with none stored. The build in the week the stored model is
   due for fitting again (every ~6th week at 50 new a week, see placement.REFIT_SHARE) is printed
   too, and the build the week after at the biggest size (issue 2, `--no-fetch`) on the first
   subject (`--subject`): its ripeness checked, and articles placed through their subject's
   keywords alone held back, the issue chosen again, as a themed build does.
2. **Re-placing every article after the editor changes a subject** (a keyword added to the first
   subject), at each `--replace` size: the next `curator build --no-fetch`, which places every
   article again and writes the issue. Target: 1,000,000 in < 60 s and < 500 MB. Peak memory is
   sampled every 50 ms over curator and its worker processes: RSS summed (pages the forked
   workers share with their parent counted in each) and PSS summed (shared pages split among
   the processes that share them: what the machine really spends), and the largest single
   process's peak RSS (wait4). The old code is run at the `--old-replace` sizes only (at
   1,000,000 it took 353 s and 2.9 GB in issue 17's measurement).

The stores ("fixtures") are made once and kept in `--cache` (default
/tmp/curator-bench-cache/build, outside the repository; remade when curator's store format, the
counts format, the model format or the corpus changes): N articles from the corpus's labelled
topic sets (BBC, Reuters and 20 Newsgroups comp.* / sci.*: 10,050 real texts, cycled under
distinct URLs, dates spread over five years), placed by this curator as its weekly runs would
have (each article's counts and the stored model kept). Making the 1,000,000 store takes ~8
minutes on 2 cores (counting 1M texts); every later run starts from the cache. The old curator
gets a copy of the same store with the tables it does not know dropped (schema 5): the same
articles, placed under the same fingerprint.

Those stores hold each text ~100 times over at 1,000,000 (`--stores copies`): every week's article
has ~100 exact copies stored, which a build finds and names. `--stores distinct` measures the week's
build on stores of the same size whose articles are each their own story, as a real archive's
mostly are (`distinct_texts`: sentences of the texts of one label, drawn seeded; kept in the cache
as store-N-distinct.db); `--stores copies,distinct` measures both in one run, side by side.
`--check-distinct N` checks N such articles with curator's own `stories` functions and stops.

Prints every run, the medians, and a summary line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from itertools import combinations
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from _site import SiteServer  # noqa: E402
from fetch import Report, _children, _rss_kb  # noqa: E402
from weekly import Run, free_port, install_curator, machine, run  # noqa: E402

from curator import modelcache, stories  # noqa: E402
from curator.config_load import load_config  # noqa: E402
from curator.models import Article  # noqa: E402
from curator.placement import refresh  # noqa: E402
from curator.store import VERSION, Store  # noqa: E402
from curator.subjectfit import SCORER_VERSION  # noqa: E402
from curator.termcounts import counts_format  # noqa: E402
from curator.urls import url_key  # noqa: E402

#: The issue's date; stored articles are spread over the five years before it.
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
PUBLICATIONS = ("Northwind Journal", "Service Review", "The Ledger", "Wire Digest", "CX Daily")
#: The curator before issue 17's placement work (main when this benchmark was written).
BASELINE = "474996d"
#: The keyword the editor adds to the first subject before the re-placing figure.
EDIT = "stocks"
#: The schema the old curator knows (its own migrations end there).
OLD_SCHEMA = 5
#: The week's new pages come from this many hosts (publishers).
PAGE_HOSTS = 10


def default_corpus() -> Path:
    shared = os.environ.get("CURATOR_SHARED")
    return Path(shared) / "corpus" if shared else REPO.parent / "shared" / "corpus"


def load_texts(corpus: Path) -> list[dict[str, str]]:
    """The labelled topic sets' texts: BBC News, Reuters-21578, 20 Newsgroups comp.* and sci.*."""
    rows = []
    for path in sorted((corpus / "topics").glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    if not rows:
        raise SystemExit(f"no topic articles under {corpus / 'topics'}; pass --corpus")
    return rows


def articles(
    texts: list[dict[str, str]], n: int, *, distinct: bool = False
) -> Iterator[tuple[str, Article]]:
    """N articles as the fetch stage stores them: (url key, article), each with its own URL and
    the key curator makes of it (`urls.url_key`: "news3.example.com/...", which `subjects explain
    URL` looks up; generator 2 stored the URL itself); the corpus texts cycled (each text
    ~n / 10,050 exact copies), or `distinct_texts`."""
    span = 5 * 365 * 24 * 3600
    made = distinct_texts(texts) if distinct else None
    for i in range(n):
        row = texts[i % len(texts)]
        text, title = row["text"], row["title"]
        if made is not None:
            row, title, text = next(made)
        url = f"https://news{i % 50}.example.com/{row['id']}/{i}"
        when = NOW - timedelta(seconds=span - i * span // max(n, 1))
        yield (
            url_key(url),
            Article(
                id=0,
                url=url,
                title=title,
                publication=PUBLICATIONS[i % len(PUBLICATIONS)],
                blurb=" ".join(text.split(". ")[:2])[:400],
                summary=text[:300],
                published=when,
                first_seen=when,
                text=text,
            ),
        )


#: A distinct store's article is this many sentences (or its corpus text's count, up to `MOST`)...
FEWEST_SENTENCES, MOST_SENTENCES = 12, 30
#: ... drawn from its label's sentences; a label with fewer than this many (Reuters' small
#: labels, which no subject names) draws from its source's small labels together.
SMALLEST_POOL = 400
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_PROSE = re.compile(r"[(\"']?[A-Za-z][a-z]*(?:['-][a-z]+)?[)\"',.;:!?]*")


def sentences(text: str) -> list[str]:
    """The prose sentences of `text`: of 5 to 40 words (longer runs are listings, code and
    headers that no full stop ends), nine in ten of them words of letters (not addresses, code,
    uuencoded files), its line breaks read as spaces and a quoting '>' dropped."""
    found = []
    for sentence in _SENTENCE.split(" ".join(text.split())):
        said = sentence.lstrip("> |:").split()
        if 5 <= len(said) <= 40 and sum(bool(_PROSE.fullmatch(w)) for w in said) >= 0.9 * len(said):
            found.append(" ".join(said))
    return found


def _title(*drawn: str) -> str:
    """A title of the first two content words of each of three sentences, with the words between
    them: two articles whose first sentences are the same still have their own titles."""
    said: list[str] = []
    for sentence in drawn:
        content = 0
        for word in sentence.rstrip(".!?").split():
            said.append(word)
            content += bool(stories.words(word))
            if content == 2:
                break
    return " ".join(said)


def distinct_texts(texts: list[dict[str, str]]) -> Iterator[tuple[dict[str, str], str, str]]:
    """Endless (corpus row, title, text) for a store without copies: the i-th article is of the
    label of the i-th corpus text (cycled, as `articles` cycles them), its text sentences drawn
    (seeded by i, so the same every time) from all the texts of that label, its title of words of
    its first three (`_title`). So no two articles are copies of one story, while each still
    reads as its label."""
    pools: dict[str, dict[tuple[str, ...], str]] = {}  # (one sentence of the same words)
    for row in texts:
        pool = pools.setdefault(row["label"], {})
        for sentence in sentences(row["text"]):
            pool.setdefault(tuple(stories.words(sentence)), sentence)
    source = {row["label"]: row["id"].split("-")[0].split(".")[0] for row in texts}
    pool_of: dict[str, str] = {}
    for label, pool in list(pools.items()):
        if len(pool) < SMALLEST_POOL:
            pool_of[label] = f"{source[label]}:small"
            pools.setdefault(pool_of[label], {}).update(pool)
        else:
            pool_of[label] = label
    ordered = {label: sorted(pool.values()) for label, pool in pools.items()}
    counts = [len(sentences(row["text"])) for row in texts]
    i = 0
    while True:
        row = texts[i % len(texts)]
        pool = ordered[pool_of[row["label"]]]
        k = min(max(counts[i % len(texts)], FEWEST_SENTENCES), MOST_SENTENCES, len(pool))
        drawn = random.Random(i).sample(pool, k)
        title = _title(*drawn[:3])
        paragraphs = ["  ".join(drawn[j : j + 4]) for j in range(0, k, 4)]
        yield row, title, "\n\n".join(paragraphs)
        i += 1


def subjects(edited: bool = False) -> list[dict[str, object]]:
    """The 13 subjects an editor wrote for the BBC and Reuters sets (an added keyword if
    `edited`)."""
    out: list[dict[str, object]] = []
    for name in ("bbc.yaml", "reuters8.yaml"):
        data = yaml.safe_load((HERE / "subjects" / name).read_text("utf-8"))
        out += [
            {"name": s["name"], "description": s["description"], "keywords": list(s["keywords"])}
            for s in data["subjects"]
        ]
    if edited:
        out[0]["keywords"] = [*out[0]["keywords"], EDIT]  # type: ignore[misc]
    return out


def write_config(folder: Path, feeds: list[str], *, edited: bool = False) -> Path:
    """feeds.yaml with the defaults a user gets: nothing set but what the run needs."""
    config = {
        "newsletter": {"title": "Benchmark Weekly"},
        "subjects": subjects(edited),
        "feeds": [{"url": url} for url in feeds],
        "settings": {
            "store": str(folder / "unused.db"),
            "output": str(folder / "out"),
            "allow_private_addresses": True,
        },
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feeds.yaml"
    path.write_text(json.dumps(config, indent=1), encoding="utf-8")  # JSON is YAML
    return path


# --- the stores -------------------------------------------------------------------------------------


def fixture_key(
    texts: list[dict[str, str]], n: int, *, distinct: bool = False
) -> dict[str, object]:
    """What a cached store depends on: remade when any of it changes."""
    digest = hashlib.sha256(
        json.dumps([texts[0], texts[-1], len(texts), subjects()], sort_keys=True).encode()
    ).hexdigest()[:16]
    return {
        "articles": n,
        "texts": digest,
        "store": VERSION,
        "counts": counts_format(),
        "model": modelcache.FORMAT,
        "scorer": SCORER_VERSION,
        "generator": 3,
    } | ({"distinct": 1} if distinct else {})


def fixture(cache: Path, texts: list[dict[str, str]], n: int, *, distinct: bool = False) -> Path:
    """The store of `n` articles placed by this curator, made once and kept in `cache`; of
    `distinct_texts` if `distinct` (kept under its own name)."""
    name = f"store-{n}" + ("-distinct" if distinct else "")
    path = cache / f"{name}.db"
    key_file = cache / f"{name}.json"
    key = fixture_key(texts, n, distinct=distinct)
    if path.exists() and key_file.exists() and json.loads(key_file.read_text()) == key:
        return path
    cache.mkdir(parents=True, exist_ok=True)
    for stale in cache.glob(f"{name}.db*"):
        stale.unlink()
    began = time.perf_counter()
    print(f"fixture.{name:<20} making it once ({cache})...", flush=True)
    with Store.open(path) as store:
        with store.transaction():
            store.add_articles(
                articles(texts, n, distinct=distinct), feed_url="https://news0.example.com/feed.xml"
            )
        config = load_config(write_config(cache / "fixture-config", []))

        def progress(what: str, done: int, total: int) -> None:
            if done == total or done % max(1, total // 10) == 0:
                print(f"  {what}: {done} of {total} batches", flush=True)

        refresh(config, store, progress=progress)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    key_file.write_text(json.dumps(key), encoding="utf-8")
    size = path.stat().st_size / 1e6
    print(
        f"fixture.{name:<20} made in {time.perf_counter() - began:.0f} s ({size:,.0f} MB)",
        flush=True,
    )
    return path


def check_distinct(texts: list[dict[str, str]], n: int) -> bool:
    """Whether the first `n` articles of `distinct_texts` hold no two of one story, by curator's
    own `stories` functions: no two of one content key, and no pair found the same story among
    those sharing a tenth of the smaller one's shingles or more (pairs found through the shingles
    fewer than 300 of them carry; the rest are phrases, not stories). Prints what it finds."""
    made = [a for _, a in articles(texts, n, distinct=True)]
    prints = [stories.fingerprint(a) for a in made]
    keys = Counter(stories.content_key(a) for a in made)
    carriers: dict[int, list[int]] = defaultdict(list)
    for i, print_ in enumerate(prints):
        for s in print_.whole:
            carriers[s].append(i)
    pairs: Counter[tuple[int, int]] = Counter()
    for where in carriers.values():
        if len(where) <= 300:
            pairs.update(combinations(where, 2))
    same, most = [], 0.0
    for (a, b), shared in pairs.items():
        least = min(len(prints[a].whole), len(prints[b].whole)) or 1
        most = max(most, shared / least)
        if shared >= 0.1 * least and (why := stories.same_story_reason(prints[a], prints[b])):
            same.append(f"  {a} and {b}: {why} ({made[a].title!r}, {made[b].title!r})")
    copies = sum(count > 1 for count in keys.values())
    print(
        f"distinct.{n}: {copies} content keys shared; {len(same)} pairs of one story; at most "
        f"{most:.0%} of the smaller one's shingles shared",
        *same[:20],
        sep="\n",
    )
    return not copies and not same


def old_store_labels(curator: Path) -> tuple[int, str]:
    """The old curator's schema version and counts format (`termcounts.counts_format`)."""
    code = (
        "from curator.store import VERSION; from curator.termcounts import counts_format;"
        " print(VERSION); print(counts_format())"
    )
    python = curator.parent / "python"
    run = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, check=True, cwd=curator.parent
    )
    version, counts = run.stdout.strip().split("\n", 1)
    return int(version), counts


def old_fingerprint(curator: Path, config: Path) -> str:
    """The fingerprint the old curator gives the unedited subjects: its scorer's version is part
    of it, so a store this curator placed would look unplaced to it (and its week's build would
    re-place the whole archive) unless the copy is relabelled with it."""
    code = (
        "import sys; from pathlib import Path; from curator.config_load import load_config;"
        " from curator.subjects import model_fingerprint;"
        " print(model_fingerprint(load_config(Path(sys.argv[1])).subjects, {}))"
    )
    python = curator.parent / "python"
    run = subprocess.run(  # (not from the repository: `-c` would import its curator/ instead)
        [str(python), "-c", code, str(config)],
        capture_output=True,
        text=True,
        check=True,
        cwd=config.parent,
    )
    return run.stdout.strip()


def copy_store(
    source: Path | None,
    target: Path,
    *,
    old: bool,
    fingerprint: str | None = None,
    labels: tuple[int, str] | None = None,
) -> Path:
    """A fresh copy of a fixture (or nothing, for an empty store); for the old curator, without
    the tables it does not know, its placements labelled with the old curator's `fingerprint`
    (the same articles under the same subjects, current for it as they are for this one)."""
    for stale in target.parent.glob(target.name + "*"):
        stale.unlink()
    if source is None:
        return target
    shutil.copyfile(source, target)
    if old and labels is not None and labels[0] > OLD_SCHEMA:
        # An old curator that knows the stored counts and model (a `--baseline` since issue 17):
        # the same store, its labels the old curator's, so that it counts and fits nothing again
        # (the columns added since are left: it reads the ones it knows by name).
        version, counts = labels
        db = sqlite3.connect(target, isolation_level=None)
        new = db.execute("SELECT value FROM meta WHERE key = 'placed_fingerprint'").fetchone()[0]
        if fingerprint is not None:
            db.execute("UPDATE assignments SET fingerprint = ?", (fingerprint,))
            db.execute("UPDATE meta SET value = ? WHERE key = 'placed_fingerprint'", (fingerprint,))
            db.execute(
                "UPDATE subject_model SET fingerprint = ?, body = replace(body, ?, ?)",
                (fingerprint, new, fingerprint),
            )
        db.execute("UPDATE meta SET value = ? WHERE key = 'counts_format'", (counts,))
        db.execute(f"PRAGMA user_version = {version}")
        db.close()
    elif old:
        db = sqlite3.connect(target, isolation_level=None)
        for table in ("terms", "article_terms", "subject_model"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute("DELETE FROM meta WHERE key IN ('counts_format', 'counted_phrases')")
        if fingerprint is not None:
            db.execute("UPDATE assignments SET fingerprint = ?", (fingerprint,))
            db.execute("UPDATE meta SET value = ? WHERE key = 'placed_fingerprint'", (fingerprint,))
        db.execute(f"PRAGMA user_version = {OLD_SCHEMA}")
        db.close()
    with open(target, "rb+") as handle:  # written to disk before the timing, not during it
        os.fsync(handle.fileno())
    return target


def due_for_refit(store_path: Path, new: int) -> None:
    """Make the stored model due for fitting again at the next build (as every ~6th week)."""
    db = sqlite3.connect(store_path, isolation_level=None)
    learnt = db.execute("SELECT learnt_from FROM subject_model").fetchone()[0]
    newest = db.execute("SELECT MAX(id) FROM articles").fetchone()[0]
    through = newest - max(0, int(0.1 * learnt) + 1 - new)
    db.execute("UPDATE subject_model SET fitted_through = ?", (through,))
    db.close()


# --- the week's new articles ------------------------------------------------------------------------


def new_articles_site(folder: Path, texts: list[dict[str, str]], n: int, latency: float) -> Path:
    """A local site: one feed whose `n` items link to pages of real texts (ones near the end of
    the corpus, under URLs no stored article has), the pages spread over `PAGE_HOSTS` hosts as
    a week's articles come from several publishers."""
    port = free_port(PAGE_HOSTS)
    folder.mkdir(parents=True)
    routes: list[dict[str, dict[str, str]]] = [{} for _ in range(PAGE_HOSTS)]
    items = []
    for k in range(n):
        row = texts[-1 - k * 7]
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in row["text"].split("\n\n") if p.strip())
        page = folder / f"{k}.html"
        page.write_text(
            f"<!doctype html><html><head><title>{escape(row['title'])}</title></head><body>"
            f"<article><h1>{escape(row['title'])}</h1>{paragraphs}</article></body></html>",
            encoding="utf-8",
        )
        host = k % PAGE_HOSTS
        routes[host][f"/a/{k}.html"] = {"file": str(page), "type": "text/html"}
        link = f"http://127.0.0.{host + 1}:{port}/a/{k}.html"
        when = (NOW - timedelta(hours=k)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        items.append(
            f"<item><title>{escape(row['title'])}</title><link>{link}</link>"
            f"<pubDate>{when}</pubDate><description>{escape(row['text'][:300])}</description></item>"
        )
    feed = folder / "feed.xml"
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>New this week</title>'
        f"<link>http://127.0.0.1:{port}/</link>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    routes[0]["/feed.xml"] = {"file": str(feed), "type": "application/rss+xml", "kind": "feed"}
    hosts = [{"address": f"127.0.0.{i + 1}", "routes": r} for i, r in enumerate(routes)]
    site_map = folder / "site.json"
    site_map.write_text(
        json.dumps({"latency": latency, "port": port, "hosts": hosts}), encoding="utf-8"
    )
    return site_map


# --- running curator ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    """A run, and the peaks of curator's and its worker processes' RSS and PSS summed, sampled
    every 50 ms (MB); `run.max_rss` is the largest single process's peak (wait4)."""

    run: Run
    tree_rss: float
    tree_pss: float

    @property
    def seconds(self) -> float:
        return self.run.seconds


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measured(command: list[str], cwd: Path) -> Measured:
    """Run a command: wall time, CPU (it and its children), peak memory."""
    peak = [0, 0]

    def sample(pid: int) -> None:
        while os.path.exists(f"/proc/{pid}") and _rss_kb(pid):
            pids = [pid, *_children(pid)]
            peak[0] = max(peak[0], sum(_rss_kb(p) for p in pids))
            peak[1] = max(peak[1], sum(_pss_kb(p) for p in pids))
            time.sleep(0.05)

    result = run(command, cwd, sample)
    return Measured(result, peak[0] / 1024, peak[1] / 1024)


def build(
    curator: Path,
    config: Path,
    db: Path,
    *,
    fetch: bool = True,
    fresh: bool = True,
    subject: str | None = None,
) -> Measured:
    # (each build starts from a fresh copy of a store, so from no issue written: an issue of the
    # run before left in the folder would be one its store does not record, and curator stops;
    # not `fresh`: the next build on the same store, after the issue the folder holds)
    if fresh:
        shutil.rmtree(config.parent / "out", ignore_errors=True)
    command = [str(curator), "build", "--config", str(config), "--db", str(db), "--json", "-q"]
    command += [] if fetch else ["--no-fetch"]
    result = measured(command + ([] if subject is None else ["--subject", subject]), config.parent)
    if result.run.code != 0:
        raise SystemExit(
            f"{curator} build failed ({result.run.code}):\n{result.run.stderr[-3000:]}"
        )
    return result


def install_old(folder: Path, ref: str) -> Path:
    """The curator of commit `ref`, installed as this one is."""
    source = folder / "source"
    source.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", ref], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    return install_curator(folder / "install", source)


def describe(m: Measured, data: dict[str, object] | None = None) -> str:
    issue = f", issue {data.get('issue')}, {data.get('new_articles')} new" if data else ""
    return (
        f"{m.seconds:.2f} s ({m.run.cpu:.2f} s CPU){issue}; peak memory {m.tree_pss:.0f} MB PSS / "
        f"{m.tree_rss:.0f} MB RSS all processes, {m.run.max_rss:.0f} MB largest"
    )


# --- main ---------------------------------------------------------------------------------------------


def sizes_of(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="0,10000,100000,1000000", help="stored articles")
    parser.add_argument("--new", type=int, default=50, help="new articles in the week's build")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--stores",
        default="copies",
        help="the stores the week's build is measured on, side by side: 'copies' (the corpus's "
        "texts cycled, ~100 exact copies each at 1,000,000), 'distinct' (every article its own "
        "story, see distinct_texts) or 'copies,distinct'; re-placing uses 'copies'",
    )
    parser.add_argument(
        "--check-distinct",
        type=int,
        default=0,
        metavar="N",
        help="only check that N distinct articles hold no two of one story, and stop",
    )
    parser.add_argument("--replace", default="100000,1000000", help="sizes re-placed (this code)")
    parser.add_argument("--old-replace", default="100000", help="sizes re-placed (old code)")
    parser.add_argument("--baseline", default=BASELINE, help="the old curator's commit")
    parser.add_argument("--skip-old", action="store_true", help="measure this curator only")
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "curator-bench-cache" / "build"
    )
    args = parser.parse_args()
    sizes, replace = sizes_of(args.sizes), sizes_of(args.replace)
    old_replace = [] if args.skip_old else sizes_of(args.old_replace)
    texts = load_texts(args.corpus)
    kinds = [k.strip() for k in args.stores.split(",") if k.strip()]
    if not kinds or set(kinds) - {"copies", "distinct"}:
        raise SystemExit(f"--stores: 'copies', 'distinct' or both, not {args.stores!r}")
    if args.check_distinct:
        raise SystemExit(0 if check_distinct(texts, args.check_distinct) else 1)
    report = Report()
    print(
        f"build benchmark: {len(texts):,} distinct texts; week's build with {args.new} new at "
        f"{sizes} on stores of {kinds}; re-placing at {replace} (old code at {old_replace}); "
        f"{os.cpu_count()} cores",
        flush=True,
    )
    report.figure("machine", machine())
    stores = {
        (kind, n): fixture(args.cache, texts, n, distinct=kind == "distinct")
        for kind, n in sorted(
            {*((k, n) for k in kinds for n in sizes), *(("copies", n) for n in replace)}
        )
        if n
    }
    with tempfile.TemporaryDirectory(prefix="curator-build-") as tmp_name:
        tmp = Path(tmp_name)
        curators = {"new": install_curator(tmp / "new")}
        if not args.skip_old:
            curators["old"] = install_old(tmp / "old", args.baseline)
        site_map = new_articles_site(tmp / "site", texts, args.new, args.latency_ms / 1000)
        feed = json.loads(site_map.read_text())
        feed_url = f"http://127.0.0.1:{feed['port']}/feed.xml"
        config = write_config(tmp / "config", [feed_url])
        old_fp = old_fingerprint(curators["old"], config) if "old" in curators else None
        labels = old_store_labels(curators["old"]) if "old" in curators else None
        db = tmp / "store.db"
        # (who, size, store): the runs' seconds; a store of copies is named as before
        week: dict[tuple[str, int, str], list[float]] = {}
        cpu: dict[tuple[str, int, str], list[float]] = {}

        def label(kind: str) -> str:
            return "" if kinds == ["copies"] else f".{kind}"

        with SiteServer(site_map):
            for round_ in range(1, args.rounds + 1):
                for n in sizes:
                    for kind in kinds if n else kinds[:1]:  # (none stored is one store)
                        for who, curator in curators.items():
                            copy_store(
                                stores.get((kind, n)),
                                db,
                                old=who == "old",
                                fingerprint=old_fp,
                                labels=labels,
                            )
                            r = build(curator, config, db)
                            data = json.loads(r.run.stdout)
                            week.setdefault((who, n, kind), []).append(r.seconds)
                            cpu.setdefault((who, n, kind), []).append(r.run.cpu)
                            report.figure(
                                f"round{round_}.{who}.week.{n}{label(kind) if n else ''}",
                                describe(r, data),
                            )
            biggest = max(sizes)
            for kind in kinds if biggest else kinds[:1]:
                copy_store(stores.get((kind, biggest)), db, old=False)
                if biggest:
                    due_for_refit(db, args.new)
                refit = build(curators["new"], config, db)
                report.figure(
                    f"new.week.{biggest}{label(kind) if biggest else ''}.refit",
                    describe(refit) + " (the stored model fitted again)",
                )
            if biggest:
                # The week after (issue 2, nothing new: --no-fetch) on one subject asked for: its
                # ripeness is checked, and articles placed through their subject's keywords alone
                # are held back while their subject has others, the issue chosen again (fixjy #1:
                # each check and choice compared every article anew)
                theme = str(subjects()[0]["name"])
                for who, curator in curators.items():
                    copy_store(
                        stores.get((kinds[0], biggest)),
                        db,
                        old=who == "old",
                        fingerprint=old_fp,
                        labels=labels,
                    )
                    build(curator, config, db)
                    r = build(curator, config, db, fetch=False, fresh=False, subject=theme)
                    data = json.loads(r.run.stdout)
                    held = len(data.get("keywords_only") or ())
                    report.figure(
                        f"{who}.week.{biggest}{label(kinds[0])}.next",
                        describe(r, data) + f" (the week after, on {theme}; {held} keywords-only)",
                    )
        for (who, n, kind), runs in sorted(
            week.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])
        ):
            report.figure(
                f"median.{who}.week.{n}{label(kind) if n else ''}",
                f"{statistics.median(runs):.2f} s ({statistics.median(cpu[(who, n, kind)]):.2f} s CPU)",
            )
        if 0 in sizes and biggest:
            zero = kinds[0]
            for kind in kinds:
                gap = statistics.median(week[("new", biggest, kind)]) - statistics.median(
                    week[("new", 0, zero)]
                )
                cpu_gap = statistics.median(cpu[("new", biggest, kind)]) - statistics.median(
                    cpu[("new", 0, zero)]
                )
                old_text = ""
                if ("old", biggest, kind) in week:
                    old_gap = statistics.median(week[("old", biggest, kind)]) - statistics.median(
                        week[("old", 0, zero)]
                    )
                    old_text = f"; old curator: {old_gap:+.2f} s"
                report.target(
                    f"target.week_{biggest}_vs_0{label(kind)}",
                    f"{gap:+.2f} s ({cpu_gap:+.2f} s CPU) over the build with none stored "
                    f"(target <= 0.5 s){old_text}",
                    gap <= 0.5,
                )
        edited = write_config(tmp / "edited", [feed_url], edited=True)
        for n in replace:
            for who in ("new", "old"):
                if who == "old" and n not in old_replace:
                    continue
                copy_store(
                    stores[("copies", n)], db, old=who == "old", fingerprint=old_fp, labels=labels
                )
                r = build(curators[who], edited, db, fetch=False)
                report.figure(f"{who}.replace.{n}", describe(r))
                if who == "new" and n == 1_000_000:
                    report.target(
                        "target.replace_1M",
                        f"{r.seconds:.1f} s, {r.tree_pss:.0f} MB PSS / {r.tree_rss:.0f} MB RSS "
                        f"(target < 60 s and < 500 MB)",
                        r.seconds < 60 and r.tree_rss < 500,
                    )
        db.unlink(missing_ok=True)
    print(report.summary())


if __name__ == "__main__":
    main()
