"""Benchmark the subject scorer on labelled sets: accuracy, unassigned share, open set, learning
curve and speed, curator side by side with the scorer of an earlier commit, in one run.

    python benchmarks/subjects.py [--sets bbc,reuters8,computers,science,bbcsport] [--half even|odd]
    python benchmarks/subjects.py --archive 80,160,320,full [--half even|odd]
    python benchmarks/subjects.py --data FILE.jsonl --subjects FILE.yaml [--labels N]
    options: [--examples 0,5,10,20] [--open-set | --no-open-set] [--active] [--rescore 100000]
             [--only-speed] [--baseline REF | --no-baseline] [--json] [--quiet]

A set is JSON lines {id, title, text, label} and a subjects file listing, per label, the subject an
editor would write from the label's name alone (name, one sentence, <= 10 keywords). Every article
of the set is placed with `curator.subjects.assign`, the code the build uses (the set is the
archive the scorer learns from). Figures, per set and per scorer:

- zero-shot: accuracy, macro-F1 and the share left under no subject, from the subjects file alone;
- learning curve (--examples): accuracy after K corrections per subject (the first K articles of
  each label by id are moved to their subject; figures on the other articles). With --active the
  editor instead corrects, 5 per subject at a time, the articles the scorer is least sure of
  (what `curator subjects uncertain` lists), moving each to its right subject: it corrects
  articles of one half only (odd positions with --half even, else even) and the figure is read on
  the other half;
- half corrected ("half"): accuracy on one half with every article of the other half moved to
  its right subject (hundreds of corrections per subject; the mean of both ways round, or the
  --half named): how far corrections can take the scorer on the set, to read the curve against;
- open set (--open-set, on by default for a whole run): each subject is left out of the file in
  turn; "left out" is the share of its articles then (rightly) placed nowhere, "in set" the share
  of the other articles placed nowhere (lower is better);
- speed: articles/s placing new articles one at a time with a built model (`assign_one`, warm,
  best of 3); the seconds to build a model from 3,000 articles and place --rescore articles (the
  first set's articles cycled under new URLs) one by one from their texts; and the seconds curator
  itself takes to re-score a stored archive of --rescore such articles after the editor changes a
  subject (its last keyword made "benchmark edit"): `placement.refresh` on a real store, the
  stored counts read (the new phrase counted into those with its words), the model fitted and
  every article scored in batches on worker processes, the placements saved (the store is made
  and placed once before, untimed). Issue 14's "re-scoring 100,000 articles after a subject
  changes" is this last figure. --only-speed measures the speed figures alone.

The baseline is the scorer at --baseline (a git commit of this repository; default: the commit
before the same-field work), run from a copy of that commit's `curator/` in a separate process, so
"today's scorer" stays measurable after it is replaced. --half even|odd reports accuracy figures on
the articles at even or odd positions only (every article is still placed): tune a constant on one
half, confirm on the other.

A small archive (--archive N, several sizes separated by commas, `full` for the whole set): the
first weeks of a new newsletter. N articles sampled by a fixed rule are the whole archive the model
learns from, and every figure is read on them: of the articles at even (--half even) or odd ids, or
all, the (i x their count / N)-th for i < N (spread evenly over the file, which is sorted by
label). Each size is a set of its own in the tables ("science@80"); the learning curve and the
half-corrected column are not measured at a size under the set's (their corrections would be most
of it), the open set is.

Sets found under the corpus (--corpus, else $CURATOR_SHARED/corpus, else ../shared/corpus):
bbc (BBC News, 5 labels), reuters8 (the 8 largest Reuters-21578 topics), computers and science
(20 Newsgroups comp.* and sci.*: subjects that share one field) and bbcsport (BBC News's sport
articles labelled by sport, see benchmarks/subjects/bbcsport-labels.tsv). `--sets wording` measures
computers and science with four more subjects files each, written blind by two other editors
(benchmarks/subjects/wording/README.md): how much a figure owes to one file's wording.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
#: The scorer before the second round of same-field work (issue 14; "6da1218" before the
#: first): the default baseline.
BASELINE_REF = "474996d"
#: Corrections per subject the editor makes at a time in the --active curve.
ACTIVE_STEP = 5
#: Articles a model is built from for the re-scoring figure (as `placement.CORPUS_SAMPLE`).
RESCORE_SAMPLE = 3000

SETS: dict[str, tuple[str, str, int | None]] = {
    # name: (data files under corpus/topics, ","-separated, subjects file under
    # benchmarks/subjects, top labels; 0: only the labels the subjects file names)
    "bbc": ("bbc-news/articles.jsonl", "bbc.yaml", None),
    "reuters8": ("reuters21578/articles.jsonl", "reuters8.yaml", 8),
    "computers": ("20newsgroups/comp-train.jsonl", "computers.yaml", None),
    "science": ("20newsgroups/sci-train.jsonl", "science.yaml", None),
    "bbcsport": ("bbc-news/articles.jsonl", "bbcsport.yaml", None),
    # Proxies for the same-field families we do not have (subjects written from the label names
    # alone, before reading their articles): to confirm a change, never to tune one.
    "commodities": ("reuters21578/articles.jsonl", "reuters-commodities.yaml", 0),
    "metals": ("reuters21578/articles.jsonl", "reuters-metals.yaml", 0),
    "economy": ("reuters21578/articles.jsonl", "reuters-economy.yaml", 0),
    "hardware": (
        "20newsgroups/comp-train.jsonl,20newsgroups/sci-train.jsonl",
        "hardware.yaml",
        0,
    ),
}
# The same-field sets with other editors' subjects files (benchmarks/subjects/wording/README.md).
for _family, _data in (
    ("computers", "20newsgroups/comp-train.jsonl"),
    ("science", "20newsgroups/sci-train.jsonl"),
):
    for _who in ("b", "terse", "c", "nokw"):
        SETS[f"{_family}-{_who}"] = (_data, f"wording/{_family}-{_who}.yaml", None)
#: The same-field sets as each editor worded them (`--sets wording`).
WORDING = (
    "computers",
    *(f"computers-{w}" for w in ("b", "terse", "c", "nokw")),
    "science",
    *(f"science-{w}" for w in ("b", "terse", "c", "nokw")),
)
#: The sets whose subjects share one field (their mean is issue 14's figure)...
SAME_FIELD = ("computers", "science")
#: ...and the proxies for the families the owners measure on that we do not have.
PROXIES = ("commodities", "metals", "economy", "hardware")
#: What a run measures without --sets.
DEFAULT_SETS = ("bbc", "reuters8", "computers", "science", "bbcsport")


def default_corpus() -> Path:
    shared = os.environ.get("CURATOR_SHARED")
    return Path(shared) / "corpus" if shared else REPO.parent / "shared" / "corpus"


@dataclass
class SetFigures:
    """One scorer's figures on one set."""

    name: str
    n: int
    subjects: int
    accuracy: float = 0.0
    macro_f1: float = 0.0
    unassigned: float = 0.0
    #: Corrections per subject -> accuracy on the other articles (first-by-id corrections).
    curve: dict[int, float] = field(default_factory=dict)
    #: The same with the editor correcting the least-sure articles (--active).
    active: dict[int, float] = field(default_factory=dict)
    #: Accuracy on one half with every article of the other half corrected (the mean of both
    #: ways round; with --half, on that half): what many corrections reach, for scale.
    half_corrected: float = 0.0
    #: Left-out label -> (its articles unassigned, the other articles unassigned).
    open_set: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: assign() of the whole set, seconds (build + place).
    assign_seconds: float = 0.0
    #: assign_one() with a built model, articles per second.
    per_second: float = 0.0


# --- the worker: measures one scorer (imported from --code) ------------------------------------


def load_rows(path: Path, labels: int | None) -> list[dict[str, str]]:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    if labels:
        keep = {lab for lab, _ in Counter(r["label"] for r in rows).most_common(labels)}
        rows = [r for r in rows if r["label"] in keep]
    return rows


def relabel(rows: list[dict[str, str]], labels_file: Path) -> list[dict[str, str]]:
    """The rows listed in a `id<TAB>label` file, with that label."""
    wanted = {}
    for line in labels_file.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, label = line.split("\t")
            wanted[key] = label
    return [dict(r, label=wanted[r["id"]]) for r in rows if r["id"] in wanted]


def load_subjects(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for s in data["subjects"]:
        keywords = [str(k) for k in s.get("keywords", ())]
        if len(keywords) > 10:
            raise SystemExit(f"{path}: subject {s['name']!r} has more than 10 keywords")
        out.append({**s, "keywords": keywords})
    return out


class Worker:
    """Measures the `curator` package found first on sys.path (this repository's or a baseline's)."""

    def __init__(self) -> None:
        from curator import subjects as scorer
        from curator.models import Article, Subject
        from curator.textfeatures import reset_caches

        self.scorer, self.Article, self.Subject, self.reset = scorer, Article, Subject, reset_caches
        self.uncertain = getattr(scorer, "uncertain", None)

    def data(self, rows: list[dict[str, str]]) -> list[tuple[Any, str]]:
        return [
            (
                self.Article(id=i + 1, url=f"bench:{r['id']}", title=r["title"], text=r["text"]),
                r["label"],
            )
            for i, r in enumerate(rows)
        ]

    def subjects(self, raw: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            s["label"]: self.Subject(s["name"], s["description"], tuple(s["keywords"])) for s in raw
        }

    def place(self, data, subjects, corrections=None) -> dict[str, Any]:
        return self.scorer.assign(
            [a for a, _ in data], list(subjects.values()), corrections=corrections or {}
        )

    def measure(
        self, name, rows, raw_subjects, args, say: Callable[[str], None], whole: bool = False
    ) -> SetFigures:
        """The figures on `rows`; `whole`: every figure is read on all of them (a small archive,
        sampled from one half already), the curve and half-corrected only when it is the set."""
        data = self.data(rows)
        subjects = self.subjects(raw_subjects)
        missing = {lab for _, lab in data} - set(subjects)
        if missing:
            raise SystemExit(f"{name}: no subject for labels {sorted(missing)}")
        half = None if whole else args.half
        small = whole and name.partition("@")[2] != "full"
        name_of = {label: s.name for label, s in subjects.items()}
        figures = SetFigures(name, len(data), len(subjects))
        if args.only_speed:
            figures.per_second = self.placing_speed(data, subjects)
            say(f"{name}: {figures.per_second:,.0f} articles/s placing")
            return figures

        def scored(placed, corrections) -> tuple[float, float, float]:
            rest = [(a, lab) for a, lab in data if a.url not in corrections]
            if half:
                rest = [(a, lab) for a, lab in rest if a.id % 2 == (half == "odd")]
            truth = [name_of[lab] for _, lab in rest]
            guess = [placed[a.url].subject for a, _ in rest]
            pairs = list(zip(truth, guess, strict=True))
            f1s = []
            for s in sorted(set(truth)):
                tp = sum(t == s and g == s for t, g in pairs)
                fp = sum(t != s and g == s for t, g in pairs)
                fn = sum(t == s and g != s for t, g in pairs)
                f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
            right = sum(t == g for t, g in pairs) / len(pairs)
            return right, statistics.mean(f1s), sum(g is None for g in guess) / len(pairs)

        start = time.perf_counter()
        placed = self.place(data, subjects)
        figures.assign_seconds = time.perf_counter() - start
        figures.accuracy, figures.macro_f1, figures.unassigned = scored(placed, {})
        say(f"{name}: zero-shot {figures.accuracy:.3f}")
        ordered = sorted(data, key=lambda al: al[0].url)
        for k in [0] if small else args.examples:
            if k == 0:
                figures.curve[0] = figures.accuracy
                continue
            taught: Counter[str] = Counter()
            corrections: dict[str, str | None] = {}
            for article, label in ordered:
                if taught[label] < k:
                    corrections[article.url] = name_of[label]
                    taught[label] += 1
            figures.curve[k] = scored(self.place(data, subjects, corrections), corrections)[0]
            say(f"{name}: {k} corrections per subject {figures.curve[k]:.3f}")
        if args.active and not small:
            self.active_curve(data, subjects, name_of, args, figures, scored, say)
        if not small:
            figures.half_corrected = self.half_corrected(data, subjects, name_of, args)
            say(f"{name}: half the set corrected {figures.half_corrected:.3f}")
        if args.open_set:
            for label in subjects:
                rest = {lab: s for lab, s in subjects.items() if lab != label}
                placed = self.place(data, rest)
                out = [placed[a.url].subject for a, lab in data if lab == label]
                inside = [placed[a.url].subject for a, lab in data if lab != label]
                if out:
                    figures.open_set[label] = (
                        sum(g is None for g in out) / len(out),
                        sum(g is None for g in inside) / len(inside),
                    )
            say(f"{name}: open set done")
        if args.speed and not small:
            figures.per_second = self.placing_speed(data, subjects)
            say(f"{name}: {figures.per_second:,.0f} articles/s placing")
        return figures

    def active_curve(self, data, subjects, name_of, args, figures, scored, say) -> None:
        """The editor corrects ACTIVE_STEP x (number of subjects) of the least-sure articles at a
        time (the library's `uncertain` when the scorer has one, else the smallest margin between
        the two best scores), each moved to its right subject."""
        # The editor corrects articles of one half and the figure is read on the other, which no
        # correction touched (the least-sure articles are the hard ones: leaving them out of the
        # figure would flatter it).
        pick_half = 0 if args.half != "even" else 1
        label_of = {a.url: lab for a, lab in data if a.id % 2 == pick_half}
        report_on = [(a, lab) for a, lab in data if a.id % 2 != pick_half]
        corrections: dict[str, str | None] = {}
        placed = self.place(data, subjects)
        for k in range(ACTIVE_STEP, max(args.examples) + 1, ACTIVE_STEP):
            budget = ACTIVE_STEP * len(subjects)
            if self.uncertain is not None:
                model = self.scorer.SubjectModel.build(
                    list(subjects.values()), corpus=[a for a, _ in data], corrections=corrections
                )
                picks = [
                    u.url
                    for u in self.uncertain(model, [a for a, _ in data], limit=len(data))
                    if u.url in label_of and u.url not in corrections
                ][:budget]
            else:

                def margin(url: str, placed: dict[str, Any] = placed) -> float:
                    scores = [s for _, s in placed[url].scores] + [0.0, 0.0]
                    return (scores[0] - scores[1]) / (scores[0] or 1.0)

                picks = sorted((u for u in label_of if u not in corrections), key=margin)[:budget]
            for url in picks:
                corrections[url] = name_of[label_of[url]]
            placed = self.place(data, subjects, corrections)
            if k in args.examples:
                right = sum(placed[a.url].subject == name_of[lab] for a, lab in report_on)
                figures.active[k] = right / len(report_on)
                say(f"{figures.name}: {k} active corrections per subject {figures.active[k]:.3f}")

    def half_corrected(self, data, subjects, name_of, args) -> float:
        """Accuracy on the articles of one half with every article of the other half moved to its
        right subject (hundreds of corrections per subject: how far corrections can take the
        scorer on this set, to read the learning curve against)."""
        read_on = [1, 0] if args.half is None else [int(args.half == "odd")]
        figures = []
        for parity in read_on:
            corrections = {a.url: name_of[lab] for a, lab in data if a.id % 2 != parity}
            placed = self.place(data, subjects, corrections)
            rest = [(a, lab) for a, lab in data if a.id % 2 == parity]
            figures.append(
                sum(placed[a.url].subject == name_of[lab] for a, lab in rest) / len(rest)
            )
        return statistics.mean(figures)

    def placing_speed(self, data, subjects) -> float:
        articles = [a for a, _ in data]
        model = self.scorer.SubjectModel.build(list(subjects.values()), corpus=articles)
        best = float("inf")
        for _ in range(3):  # best of 3: other work on a shared machine only slows a run down
            start = time.perf_counter()
            for a in articles:
                model.assign_one(a)
            best = min(best, time.perf_counter() - start)
        return len(articles) / best

    def rescore(self, rows, raw_subjects, n: int) -> dict[str, float]:
        """Build a model from RESCORE_SAMPLE articles and place `n` (the rows cycled, new URLs),
        as after the editor changes a subject; cold caches."""
        self.reset()
        subjects = list(self.subjects(raw_subjects).values())
        articles = [
            self.Article(id=i + 1, url=f"bench:{i}", title=r["title"], text=r["text"])
            for i, r in ((i, rows[i % len(rows)]) for i in range(n))
        ]
        made = time.perf_counter()
        model = self.scorer.SubjectModel.build(subjects, corpus=articles[-RESCORE_SAMPLE:])
        built = time.perf_counter()
        for a in articles:
            model.assign_one(a)
        done = time.perf_counter()
        return {"articles": n, "build": built - made, "place": done - built, "total": done - made}

    def rescore_archive(self, rows, raw_subjects, n: int) -> dict[str, float] | None:
        """What curator itself does when the editor changes a subject: a store of `n` articles
        (the rows cycled, new URLs), counted and placed under the subjects as the weekly builds
        leave it (not timed), then the first subject's last keyword is changed and the next build's
        `placement.refresh` places every stored article again (timed: the stored counts read,
        the model fitted, the archive scored on worker processes, the placements saved). None
        for a curator without that path (an old baseline)."""
        try:
            from curator.config_load import load_config
            from curator.placement import refresh
            from curator.store import Store
            from curator.urls import url_key
        except ImportError:
            return None
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)

            def config(edit: bool) -> Any:
                subjects = [dict(s) for s in raw_subjects]
                if edit:  # (its last keyword changed: a subject has at most 10)
                    subjects[0]["keywords"] = [*subjects[0]["keywords"][:9], "benchmark edit"]
                path = folder / ("edited.yaml" if edit else "feeds.yaml")
                data = {
                    "newsletter": {"title": "Benchmark Weekly"},
                    "subjects": [
                        {k: s[k] for k in ("name", "description", "keywords")} for s in subjects
                    ],
                    "feeds": [],
                    "settings": {"store": str(folder / "store.db"), "output": str(folder)},
                }
                path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
                return load_config(path)

            now = datetime.now(UTC)  # (a stored article has the time it was first seen)
            articles = (
                self.Article(
                    id=0, url=url, title=r["title"], text=r["text"], published=now, first_seen=now
                )
                for url, r in (
                    (f"https://news{i % 50}.example.com/{i}", rows[i % len(rows)]) for i in range(n)
                )
            )
            with Store.open(folder / "store.db") as store:
                store.add_articles(((url_key(a.url), a) for a in articles), feed_url=None)
                refresh(config(False), store)
                edited = config(True)
                start = time.perf_counter()
                placed = refresh(edited, store)
                total = time.perf_counter() - start
        return {"articles": n, "placed": placed, "total": total}


def set_rows(name: str, args) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    if name == "custom":
        return load_rows(args.data, args.labels), load_subjects(args.subjects)
    data, subjects, labels = SETS[name]
    rows = [r for f in data.split(",") for r in load_rows(args.corpus / "topics" / f, labels)]
    if name == "bbcsport":
        rows = relabel(rows, HERE / "subjects" / "bbcsport-labels.tsv")
    raw = load_subjects(HERE / "subjects" / subjects)
    if labels == 0:
        named = {s["label"] for s in raw}
        rows = [r for r in rows if r["label"] in named]
    return rows, raw


def sample(rows: list[dict[str, str]], size: int, half: str | None) -> list[dict[str, str]]:
    """The small archive of `size` rows (see --archive): of the rows at even or odd ids (their
    position + 1, as `Worker.data` numbers them) or all, `size` spread evenly from the first;
    `size` 0 or at least their count: all of them."""
    if half:
        rows = [r for i, r in enumerate(rows) if (i + 1) % 2 == (half == "odd")]
    if not size or size >= len(rows):
        return rows
    # (spread over the whole file: the sets are sorted by label)
    return [rows[i * len(rows) // size] for i in range(size)]


def work(args) -> dict[str, Any]:
    """Every figure for one scorer (the `curator` on sys.path), as JSON-ready data."""
    worker = Worker()

    def say(text: str) -> None:
        if not args.quiet:
            print(f"  [{args.scorer}] {text}", file=sys.stderr, flush=True)

    out: dict[str, Any] = {"sets": []}
    for name in args.sets:
        rows, raw = set_rows(name, args)
        if not args.archive:
            worker.reset()
            out["sets"].append(asdict(worker.measure(name, rows, raw, args, say)))
            continue
        for size in args.archive:
            small = sample(rows, size, args.half)
            worker.reset()
            label = f"{name}@{size or 'full'}"
            out["sets"].append(asdict(worker.measure(label, small, raw, args, say, whole=True)))
    if args.rescore:
        rows, raw = set_rows(args.sets[0], args)
        out["rescore"] = worker.rescore(rows, raw, args.rescore)
        say(f"re-scored {args.rescore:,} articles in {out['rescore']['total']:.1f} s")
        archive = worker.rescore_archive(rows, raw, args.rescore)
        if archive is not None:
            out["archive"] = archive
            say(f"re-scored a stored archive of {args.rescore:,} in {archive['total']:.1f} s")
    return out


# --- the parent: runs both scorers and prints them side by side --------------------------------


def baseline_code(ref: str, into: Path) -> Path:
    """A copy of `curator/` as it was at `ref`, for the baseline worker to import."""
    archive = into / "baseline.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(REPO), "archive", ref, "curator"], stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into


def run_worker(code: Path, scorer: str, argv: list[str]) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(code))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", scorer, *argv]
    done = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, check=True)
    return json.loads(done.stdout)


def pct(x: float) -> str:
    return f"{x:6.1%}"


def report_speed(results: dict[str, dict[str, Any]], by_set: dict[str, Any], w: int) -> None:
    scorers = list(results)
    print("speed (shared machine: other work slows single runs; ratios are the figure to read)")
    for name, per in by_set.items():
        line = f"{name:<{w}} placing new articles:"
        for scorer in scorers:
            if scorer in per:
                line += f"  {scorer} {per[scorer]['per_second']:7,.0f}/s"
        if any(per[scorer]["assign_seconds"] for scorer in per):  # (not with --only-speed)
            line += "   assign() of the set:"
            for scorer in scorers:
                if scorer in per:
                    line += f"  {scorer} {per[scorer]['assign_seconds']:.2f} s"
        print(line)
    for scorer in scorers:
        r = results[scorer].get("rescore")
        if r:
            print(
                f"re-score {r['articles']:,} articles after a subject change, {scorer}:"
                f" {r['total']:.1f} s (model {r['build']:.1f} s, placing {r['place']:.1f} s)"
                " (one by one from the texts, as new articles are placed)"
            )
        a = results[scorer].get("archive")
        if a:
            print(
                f"re-score a stored archive of {a['articles']:,} after a subject change, as"
                f" curator does, {scorer}: {a['total']:.1f} s ({a['placed']:,} placed)"
            )


def report(results: dict[str, dict[str, Any]], args) -> None:
    scorers = list(results)
    by_set: dict[str, dict[str, dict[str, Any]]] = {}
    for scorer, res in results.items():
        for s in res["sets"]:
            by_set.setdefault(s["name"], {})[scorer] = s
    if args.only_speed:
        report_speed(results, by_set, max([10, *(len(n) for n in by_set)]))
        return
    half = f", {args.half} half" if args.half else ""
    print(f"accuracy{half} (zero-shot, unassigned; after K corrections per subject, first K by id)")
    ks = [k for k in args.examples if k]
    w = max([10, *(len(n) for n in by_set)])
    head = (
        f"{'set':<{w}} {'scorer':<9} {'n':>5} {'zero-shot':>9} {'macro-F1':>8} {'unassigned':>10}"
    )
    head += "".join(f" {'+' + str(k):>6}" for k in ks)
    if args.active:
        head += "".join(f" {'act+' + str(k):>7}" for k in ks)
    head += f" {'half':>6}"
    print(head)
    for name, per in by_set.items():
        for scorer in scorers:
            s = per.get(scorer)
            if s is None:
                continue
            line = (
                f"{name:<{w}} {scorer:<9} {s['n']:>5} {s['accuracy']:>9.3f} {s['macro_f1']:>8.3f}"
                f" {pct(s['unassigned']):>10}"
            )
            line += "".join(f" {s['curve'].get(str(k), float('nan')):>6.3f}" for k in ks)
            if args.active:
                line += "".join(f" {s['active'].get(str(k), float('nan')):>7.3f}" for k in ks)
            if "@" in name and not name.endswith("@full"):
                line += f" {'-':>6}"  # (not measured on a small archive)
            else:
                line += f" {s.get('half_corrected', float('nan')):>6.3f}"
            print(line)
    wordings = tuple(n for n in WORDING if n not in SAME_FIELD)
    for family, names in (
        ("same-field", SAME_FIELD),
        # (only when other wordings were measured: else it repeats the line above)
        ("every wording", SAME_FIELD + wordings if set(wordings) & set(by_set) else ()),
        ("proxy", PROXIES),
    ):
        same = [n for n in names if n in by_set]
        for scorer in scorers if same else ():
            zs = [by_set[n][scorer]["accuracy"] for n in same if scorer in by_set[n]]
            top = max(ks, default=0)
            cs = [by_set[n][scorer]["curve"].get(str(top)) for n in same if scorer in by_set[n]]
            line = (
                f"{family} mean ({', '.join(same)}), {scorer}: zero-shot {statistics.mean(zs):.3f}"
            )
            if top and all(c is not None for c in cs):
                line += f", +{top} corrections {statistics.mean(cs):.3f}"
            if args.active:
                acts = [by_set[n][scorer]["active"].get(str(top)) for n in same]
                if all(a is not None for a in acts):
                    line += f", +{top} least-sure {statistics.mean(acts):.3f}"
            halves = [by_set[n][scorer].get("half_corrected") for n in same]
            if all(h is not None for h in halves):
                line += f", half the set corrected {statistics.mean(halves):.3f}"
            print(line)
    if args.archive:
        sizes = [f"{k or 'full'}" for k in args.archive]
        print(f"small archives{half}: accuracy / unassigned / open set (left out / in set nowhere)")
        families = list(dict.fromkeys(n.partition("@")[0] for n in by_set))
        print(f"{'set':<{w}} {'scorer':<9}" + "".join(f" {'@' + k:>28}" for k in sizes))
        for family in families:
            for scorer in scorers:
                line = f"{family:<{w}} {scorer:<9}"
                for k in sizes:
                    s = by_set.get(f"{family}@{k}", {}).get(scorer)
                    if s is None:
                        line += f" {'':>28}"
                        continue
                    cell = f"{s['accuracy']:.3f} {pct(s['unassigned']).strip()}"
                    if s["open_set"]:
                        left = statistics.mean(v[0] for v in s["open_set"].values())
                        inside = statistics.mean(v[1] for v in s["open_set"].values())
                        cell += f" {left:.0%}/{inside:.0%}"
                    line += f" {cell:>28}"
                print(line)
    if args.open_set:
        print(
            "open set: each label left out of the subjects file in turn; its articles placed nowhere"
            " (higher is better) / the other articles placed nowhere (lower is better)"
        )
        for name, per in by_set.items():
            for scorer in scorers:
                s = per.get(scorer)
                if not s or not s["open_set"]:
                    continue
                left = [v[0] for v in s["open_set"].values()]
                inside = [v[1] for v in s["open_set"].values()]
                detail = "  ".join(
                    f"{lab} {v[0]:.0%}/{v[1]:.0%}" for lab, v in s["open_set"].items()
                )
                print(
                    f"{name:<{w}} {scorer:<9} left out {pct(statistics.mean(left))}  in set"
                    f" {pct(statistics.mean(inside))}   {detail}"
                )
    if args.speed:
        report_speed(results, by_set, w)
    parts = []
    for scorer in scorers:
        zs = [by_set[n][scorer]["accuracy"] for n in by_set if scorer in by_set[n]]
        parts.append(f"{scorer} mean zero-shot {statistics.mean(zs):.3f}")
    print("summary: " + "; ".join(parts))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument(
        "--sets",
        default=",".join(DEFAULT_SETS),
        help=f"comma-separated set names, of {', '.join(SETS)}; `proxies` for {', '.join(PROXIES)};"
        " `wording` for computers and science as five editors worded their subjects",
    )
    p.add_argument("--data", type=Path, help="a labelled JSON-lines file (instead of --sets)")
    p.add_argument("--subjects", type=Path, help="the subjects file for --data")
    p.add_argument("--labels", type=int, default=None, help="with --data: the N largest labels")
    p.add_argument("--corpus", type=Path, default=default_corpus())
    p.add_argument("--examples", default="0,5,10,20", help="corrections per subject for the curve")
    p.add_argument("--active", action="store_true", help="also the least-sure-first curve")
    p.add_argument("--open-set", dest="open_set", action="store_true", default=None)
    p.add_argument("--no-open-set", dest="open_set", action="store_false")
    p.add_argument("--no-speed", dest="speed", action="store_false", default=True)
    p.add_argument(
        "--only-speed",
        action="store_true",
        help="only the speed figures (placing new articles, re-scoring): no accuracy figures",
    )
    p.add_argument("--rescore", type=int, default=100_000, help="articles to re-score (0: skip)")
    p.add_argument("--half", choices=("even", "odd"), help="report on even or odd positions only")
    p.add_argument(
        "--archive",
        help="small archives: sizes separated by commas (`full`: the whole set, or its --half)",
    )
    p.add_argument("--baseline", default=BASELINE_REF, help="git commit of the baseline scorer")
    p.add_argument("--no-baseline", action="store_true")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.data:
        if not args.subjects:
            p.error("--data needs --subjects")
        args.sets = ["custom"]
    else:
        args.sets = [
            p
            for s in args.sets.split(",")
            if s
            for p in {"proxies": PROXIES, "wording": WORDING}.get(s, [s])
        ]
        unknown = set(args.sets) - set(SETS)
        if unknown:
            p.error(f"unknown sets {sorted(unknown)}; known: {', '.join(SETS)}")
        missing = [
            s
            for s in args.sets
            if not all((args.corpus / "topics" / f).exists() for f in SETS[s][0].split(","))
        ]
        if missing:
            print(f"skipping {missing}: not under {args.corpus / 'topics'}", file=sys.stderr)
            args.sets = [s for s in args.sets if s not in missing]
        if not args.sets:
            raise SystemExit(f"no labelled set under {args.corpus / 'topics'}; pass --corpus")
    args.examples = sorted({int(k) for k in str(args.examples).split(",")} | {0})
    args.archive = [
        0 if k.strip() == "full" else int(k) for k in (args.archive or "").split(",") if k.strip()
    ]
    if args.open_set is None:
        args.open_set = not args.data
    if args.only_speed:
        args.speed, args.open_set, args.active = True, False, False
    if args.worker:
        args.scorer = args.worker
        json.dump(work(args), sys.stdout)
        return 0

    passed = [a for a in (argv if argv is not None else sys.argv[1:]) if a not in ("--json",)]
    results: dict[str, dict[str, Any]] = {}
    sys.path.insert(0, str(REPO))
    results["curator"] = run_worker(REPO, "curator", passed)
    if not args.no_baseline:
        with tempfile.TemporaryDirectory() as tmp:
            code = baseline_code(args.baseline, Path(tmp))
            results["baseline"] = run_worker(code, "baseline", passed)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        report(results, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
