"""Benchmark `curator fetch` against a loop of feedparser.parse(url) and against the floor, side by side.

    python benchmarks/fetch.py --feeds 300 --latency-ms 200 [--corpus ../shared/corpus]

A local server (benchmarks/_server.py) serves `--feeds` feed URLs on 127.0.0.1, one port each, made
of the real captured feeds in `<corpus>/feeds/real/` cycled, every response `--latency-ms` late.
Then, in one run (this machine is shared and noisy, so only ratios measured side by side count):

1. (a) `python -m curator fetch` into a fresh store (pages not read: only the feeds are measured);
   (b) the obvious alternative: `feedparser.parse(url)` for each URL in turn;
   (c) the floor: one latency plus the CPU time feedparser takes to parse every body once here.
   Targets: b/a >= 30 and a <= c.
2. Second pass with the same store, server honouring validators (every feed answers 304), then a
   third with the server ignoring them (the same bytes again). Targets: the 304 pass <= one latency +
   curator's start-up (`python -m curator --help`) + 0.5 s; the same-bytes pass <= the 304 pass + 1 s;
   no entry parsed again in either (the feeds curator reports "ok" rather than "unchanged").
3. Memory: peak RSS of every `curator fetch` above (the largest single process, from wait4, and the
   sum over curator and its worker processes, sampled); then one feed that answers a `--big-mb` body
   (plain, and gzip-compressed) with no Content-Length, under byte caps of 10 MB and 100 MB.
   Targets: the 300-feed fetch < 300 MB; the big body adds at most the cap + 50 MB to curator's
   start-up RSS. Both are judged on the sampled figures: wait4's peak for a child starts at the
   RSS of the process that spawned it.

The corpus is `--corpus`, else $CURATOR_SHARED/corpus, else ../shared/corpus beside the repository.
Prints one line per figure and a final summary line.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import feedparser

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _server import FeedServer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def default_corpus() -> Path:
    shared = os.environ.get("CURATOR_SHARED")
    return Path(shared) / "corpus" if shared else REPO.parent / "shared" / "corpus"


def feed_files(corpus: Path) -> list[Path]:
    """Every captured feed under feeds/real (not licences, nor the expected-output files)."""
    root = corpus / "feeds" / "real"
    files = [
        p
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and not p.name.startswith("LICENSE")
        and not p.name.endswith((".serde.json", ".gz"))
        and "output" not in p.relative_to(root).parts
    ]
    if not files:
        raise SystemExit(f"no feeds found under {root}; pass --corpus or set CURATOR_SHARED")
    return files


def cycled(files: list[Path], n: int) -> list[Path]:
    return [files[i % len(files)] for i in range(n)]


# --- running curator ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One run of the curator command line."""

    seconds: float
    stdout: str
    stderr: str
    code: int
    #: Peak RSS of the largest single process (curator or one of its workers), from wait4. Linux
    #: starts a child's count at its parent's RSS when it is spawned, so this is never less than
    #: the benchmark's own RSS at that moment; the sampled figure below has no such floor.
    max_rss_mb: float
    #: Peak of curator's RSS plus its children's, sampled every 10 ms.
    tree_rss_mb: float
    #: CPU seconds (user + system) of curator and the worker processes it waited for.
    cpu: float = 0.0


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(x) for x in handle.read().split()]
    except OSError:
        return []


def run_curator(args: list[str], cwd: Path) -> Run:
    """Run `python -m curator ARGS` from the repository and measure it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        began = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "curator", *args], cwd=cwd, env=env, stdout=out, stderr=err
        )
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                total = _rss_kb(process.pid) + sum(_rss_kb(c) for c in _children(process.pid))
                peak[0] = max(peak[0], total)
                done.wait(0.01)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            out.read(),
            err.read(),
            process.returncode,
            usage.ru_maxrss / 1024,
            peak[0] / 1024,
            usage.ru_utime + usage.ru_stime,
        )


def write_config(
    folder: Path,
    urls: list[str],
    *,
    concurrency: int,
    per_host: int,
    max_bytes: int | None = None,
    timeout: float = 60.0,
) -> Path:
    lines = [
        "newsletter:",
        "  title: Benchmark Weekly",
        "subjects:",
        "  - name: Everything",
        "    keywords: [news]",
        "settings:",
        "  fetch_pages: false",
        f"  concurrency: {concurrency}",
        f"  per_host: {per_host}",
        f"  timeout: {timeout}",
    ]
    if max_bytes is not None:
        lines.append(f"  max_bytes: {max_bytes}")
    lines.append("feeds:")
    lines += [f"  - url: {url}" for url in urls]
    path = folder / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class FetchFigures:
    run: Run
    ok: int
    unchanged: int
    failed: int
    new_articles: int
    #: Entries parsed in this run: the entries of every feed reported "ok" (not "unchanged").
    parsed_entries: int


def curator_fetch(config: Path, db: Path) -> FetchFigures:
    import json

    run = run_curator(["fetch", "--config", str(config), "--db", str(db), "--json", "-q"], REPO)
    if run.code != 0:
        raise SystemExit(f"curator fetch failed ({run.code}):\n{run.stderr[-2000:]}")
    data = json.loads(run.stdout)
    feeds = data["feeds"]
    return FetchFigures(
        run,
        ok=sum(f["status"] == "ok" for f in feeds),
        unchanged=sum(f["status"] == "unchanged" for f in feeds),
        failed=sum(f["status"] == "failed" for f in feeds),
        new_articles=int(data["new_articles"]),
        parsed_entries=sum(int(f["entries"]) for f in feeds if f["status"] == "ok"),
    )


def startup_seconds(repeat: int = 3) -> tuple[float, float]:
    """Median wall time and peak RSS (MB, sampled) of `python -m curator --help`."""
    runs = [run_curator(["--help"], REPO) for _ in range(repeat)]
    return statistics.median(r.seconds for r in runs), max(r.tree_rss_mb for r in runs)


# --- the alternatives -----------------------------------------------------------------------------


def feedparser_loop(urls: list[str]) -> tuple[float, int]:
    """(b): what a script without curator does: feedparser.parse(url), one after another."""
    began = time.perf_counter()
    entries = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for url in urls:
            entries += len(feedparser.parse(url).entries)
    return time.perf_counter() - began, entries


def parse_cpu(paths: list[Path]) -> tuple[float, int]:
    """CPU seconds feedparser takes to parse every body once, in this process."""
    bodies = [p.read_bytes() for p in paths]
    entries = 0
    began = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for body in bodies:
            entries += len(feedparser.parse(io.BytesIO(body)).entries)
    return time.process_time() - began, entries


# --- printing -------------------------------------------------------------------------------------


class Report:
    """One line per figure; targets checked and remembered for the summary."""

    def __init__(self) -> None:
        self.results: list[tuple[str, bool]] = []

    def figure(self, name: str, text: str) -> None:
        print(f"{name:<28} {text}", flush=True)

    def target(self, name: str, text: str, passed: bool) -> None:
        self.results.append((name, passed))
        self.figure(name, f"{text}  {'PASS' if passed else 'MISS'}")

    def summary(self) -> str:
        met = sum(p for _, p in self.results)
        missed = [n for n, p in self.results if not p]
        tail = f"; missed: {', '.join(missed)}" if missed else ""
        return f"summary: {met}/{len(self.results)} targets met{tail}"


def _rss(run: Run) -> str:
    return (
        f"{run.cpu:.2f} s CPU; peak RSS {run.max_rss_mb:.0f} MB (largest process), "
        f"{run.tree_rss_mb:.0f} MB (all)"
    )


def bench_feeds(args: argparse.Namespace, report: Report, tmp: Path) -> None:
    files = cycled(feed_files(args.corpus), args.feeds)
    latency = args.latency_ms / 1000
    startup, startup_rss = startup_seconds()
    report.figure("startup", f"python -m curator --help: {startup:.2f} s, {startup_rss:.0f} MB")
    with FeedServer(files, latency) as server:
        config = write_config(
            tmp, server.urls, concurrency=args.concurrency, per_host=args.per_host
        )
        db = tmp / "store.db"
        a = curator_fetch(config, db)
        report.figure(
            "a.curator_fetch",
            f"{a.run.seconds:.2f} s: {a.ok} ok, {a.failed} failed, {a.parsed_entries} entries "
            f"parsed, {a.new_articles} new articles; {_rss(a.run)}",
        )
        if args.skip_loop:
            b_seconds = None
        else:
            b_seconds, b_entries = feedparser_loop(server.urls)
            report.figure("b.feedparser_loop", f"{b_seconds:.2f} s, {b_entries} entries")
        cpu, c_entries = parse_cpu(files)
        c = latency + cpu
        report.figure(
            "c.floor", f"{c:.2f} s ({latency:.2f} s latency + {cpu:.2f} s feedparser CPU)"
        )
        if b_seconds is not None:
            ratio = b_seconds / a.run.seconds
            report.target("target.b_over_a", f"b/a = {ratio:.1f}x (target >= 30x)", ratio >= 30)
        ratio = a.run.seconds / c
        report.target("target.a_over_c", f"a/c = {ratio:.2f} (target <= 1)", ratio <= 1)
        report.target(
            "target.rss_300",
            f"{a.run.tree_rss_mb:.0f} MB all processes (target < 300 MB)",
            a.run.tree_rss_mb < 300,
        )

        server.set_mode("honour")
        before = server.stats()
        p304 = curator_fetch(config, db)
        after = server.stats()
        served_304 = int(after.get("304", 0)) - int(before.get("304", 0))
        report.figure(
            "pass2.304",
            f"{p304.run.seconds:.2f} s: {served_304} answered 304, {p304.unchanged} unchanged, "
            f"{p304.parsed_entries} entries parsed; {_rss(p304.run)}",
        )
        limit = latency + startup + 0.5
        report.target(
            "target.304",
            f"{p304.run.seconds:.2f} s vs latency + start-up + 0.5 s = {limit:.2f} s "
            f"(ratio {p304.run.seconds / limit:.2f})",
            p304.run.seconds <= limit,
        )

        server.set_mode("ignore")
        same = curator_fetch(config, db)
        report.figure(
            "pass3.same_bytes",
            f"{same.run.seconds:.2f} s: {same.unchanged} unchanged, "
            f"{same.parsed_entries} entries parsed; {_rss(same.run)}",
        )
        report.target(
            "target.same_bytes",
            f"{same.run.seconds:.2f} s vs 304 pass + 1 s = {p304.run.seconds + 1:.2f} s",
            same.run.seconds <= p304.run.seconds + 1,
        )
        report.target(
            "target.reparsed",
            f"{p304.parsed_entries} + {same.parsed_entries} entries parsed again (target 0)",
            p304.parsed_entries == 0 and same.parsed_entries == 0,
        )
    if args.big_mb:
        bench_big(args, report, tmp, startup_rss)
    if args.profile:  # last: it grows this process, and a child's wait4 peak starts from ours
        with FeedServer(files, latency) as server:
            profile_fetch(server.urls, tmp, args, report)


def profile_fetch(urls: list[str], tmp: Path, args: argparse.Namespace, report: Report) -> None:
    """(a) once more, in this process and without worker processes, under cProfile: where the
    CPU goes (with workers, the main process mostly waits for them)."""
    import cProfile
    import pstats
    from datetime import UTC, datetime

    sys.path.insert(0, str(REPO))
    from curator import app, workers
    from curator.config_load import load_config
    from curator.store import Store

    folder = tmp / "profile"
    folder.mkdir()
    config = load_config(
        write_config(folder, urls, concurrency=args.concurrency, per_host=args.per_host)
    )
    workers.PARALLEL_MIN_FEEDS = 1 << 30
    profiler = cProfile.Profile()
    with Store.open(folder / "store.db") as store:
        profiler.enable()
        app.run_fetch(config, store, now=datetime.now(UTC))
        profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    report.figure("profile", "run_fetch in one process under cProfile:")
    print(text.getvalue(), flush=True)


def bench_big(args: argparse.Namespace, report: Report, tmp: Path, startup_rss: float) -> None:
    """One feed answering a huge body: memory stays within the byte cap plus 50 MB."""
    folder = tmp / "big"
    folder.mkdir()
    dummy = feed_files(args.corpus)[:1]
    with FeedServer(dummy, 0.0, big_mb=args.big_mb) as server:
        for cap_mb in (10, 100):
            if cap_mb >= args.big_mb:  # the body would be accepted: that measures parsing instead
                report.figure(f"big.cap{cap_mb}", "skipped: the body is not over the cap")
                continue
            for gz in (False, True):
                config = write_config(
                    folder,
                    [server.big_url(gz)],
                    concurrency=4,
                    per_host=2,
                    max_bytes=cap_mb << 20,
                )
                db = folder / f"store-{cap_mb}-{gz}.db"
                fig = curator_fetch(config, db)
                growth = fig.run.tree_rss_mb - startup_rss
                name = f"big.{args.big_mb}mb{'.gz' if gz else ''}.cap{cap_mb}"
                outcome = "refused (too large)" if fig.failed else f"{fig.ok} ok"
                report.target(
                    name,
                    f"{fig.run.seconds:.2f} s, {outcome}; peak RSS {fig.run.tree_rss_mb:.0f} MB, "
                    f"{growth:.0f} MB over start-up (target <= cap + 50 = {cap_mb + 50} MB)",
                    growth <= cap_mb + 50,
                )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=300)
    parser.add_argument("--latency-ms", type=float, default=200.0)
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument(
        "--concurrency",
        type=int,
        default=64,
        help="curator's settings.concurrency (64, the most feeds.yaml allows)",
    )
    parser.add_argument("--per-host", type=int, default=2, help="curator's settings.per_host")
    parser.add_argument("--big-mb", type=int, default=200, help="size of the huge body; 0 skips")
    parser.add_argument(
        "--skip-loop", action="store_true", help="skip (b), the slow feedparser loop"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile (a) in one process (cProfile)"
    )
    parser.add_argument("--top", type=int, default=10, help="functions shown by --profile")
    args = parser.parse_args()
    report = Report()
    print(
        f"fetch benchmark: {args.feeds} feeds, {args.latency_ms:g} ms latency, "
        f"{os.cpu_count()} cores, corpus {args.corpus}",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as tmp:
        bench_feeds(args, report, Path(tmp))
    print(report.summary())


if __name__ == "__main__":
    main()
