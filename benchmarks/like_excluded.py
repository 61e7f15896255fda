"""The "like one you excluded" note (`curator.subjects.like_excluded_of`, walk168 #2) on labelled
sets: how many off-subject articles it flags after the editor excluded a few like them, and how
many right placements it flags by mistake, for several floors (`LIKE_EXCLUDED_FLOOR`).

The editor is simulated on each set, with each label left out of the subjects in turn (the open
set: a label no subject is for). In one half of the articles (even ids to choose the floor, odd
ids to confirm it), the left-out label's articles the scorer places under a subject are the
intruders; the editor excludes the first EXCLUDED of them (by id). The first ACCEPTED articles
of each subject placed there rightly stand for the ones published there. Then, with the
exclusions among the corrections (the scorer is fitted again, as curator does), every other
article of the half placed under a subject is a candidate: an intruder flagged is wanted, a
right placement flagged is a false flag.

Run: python benchmarks/like_excluded.py [--sets bbc,computers] [--corpus DIR] [--json]"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from curator.models import Article, Subject
from curator.subjectfit import fit
from curator.subjects import LIKE_EXCLUDED_FLOOR, SubjectModel, like_excluded_of

HERE = Path(__file__).resolve().parent
FLOORS = (0.05, 0.10, 0.12, 0.15, 0.20, 0.25, 0.30)
#: Intruders the editor excludes, and articles standing for each subject's published ones.
EXCLUDED = 3
ACCEPTED = 10


def _bench() -> Any:
    """benchmarks/subjects.py, for its set loaders."""
    spec = importlib.util.spec_from_file_location("bench_subjects", HERE / "subjects.py")
    assert spec is not None and spec.loader is not None
    if spec.name in sys.modules:
        return sys.modules[spec.name]
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look themselves up there)
    spec.loader.exec_module(module)
    return module


def measure(name: str, corpus: Path, half: str) -> dict[str, Any]:
    bench = _bench()
    rows, raw = bench.set_rows(name, argparse.Namespace(corpus=corpus))
    data = [
        (Article(id=i + 1, url=f"bench:{r['id']}", title=r["title"], text=r["text"]), r["label"])
        for i, r in enumerate(rows)
    ]
    articles = [a for a, _ in data]
    label_of = {a.url: lab for a, lab in data}
    mine = [(a, lab) for a, lab in data if a.id % 2 == (half == "odd")]
    counts = {f: {"wanted": 0, "intruders": 0, "false": 0, "right": 0} for f in FLOORS}
    for left in (s["label"] for s in raw):
        subjects = [Subject(s["name"], s["description"], tuple(s["keywords"])) for s in raw]
        name_of = {s["label"]: s["name"] for s in raw if s["label"] != left}
        subjects = [s for s in subjects if s.name in name_of.values()]
        placed = _place(articles, subjects, {})[0]
        intruders = [a for a, lab in mine if lab == left and placed[a.url]]
        if len(intruders) <= EXCLUDED:
            continue
        corrections: dict[str, str | None] = {a.url: None for a in intruders[:EXCLUDED]}
        placed, vectors = _place(articles, subjects, corrections)
        accepted: dict[str, list[str]] = {}
        for a, lab in mine:
            subject = placed[a.url]
            if (
                subject
                and name_of.get(lab) == subject
                and len(accepted.get(subject, ())) < ACCEPTED
            ):
                accepted.setdefault(subject, []).append(a.url)
        taken = {u for urls in accepted.values() for u in urls} | set(corrections)
        gone = [vectors[u] for u in corrections]
        for a, lab in mine:
            subject = placed[a.url]
            if not subject or a.url in taken:
                continue
            ours = [vectors[u] for u in accepted.get(subject, ())]
            intruder = lab == left
            right = name_of.get(label_of[a.url]) == subject
            for floor in FLOORS:
                flagged = like_excluded_of(vectors[a.url], gone, ours, floor) is not None
                c = counts[floor]
                c["intruders"] += intruder
                c["wanted"] += intruder and flagged
                c["right"] += right
                c["false"] += right and flagged
    return {"set": name, "half": half, "floors": {str(f): c for f, c in counts.items()}}


def _place(
    articles: list[Article], subjects: list[Subject], corrections: dict[str, str | None]
) -> tuple[dict[str, str | None], dict[str, dict[str, float]]]:
    """Each article's subject (None: none) and its tf-idf vector, as curator's scorer has them."""
    fitted, scored = fit(subjects, articles, corrections)
    model = SubjectModel.of(fitted)
    placed, vectors = {}, {}
    for a, s in zip(articles, scored, strict=True):
        placed[a.url] = (
            corrections[a.url]
            if a.url in corrections
            else model.judge_scored(a.url, s.rep, s.counts, s.scores).subject
        )
        vectors[a.url] = dict(s.rep)
    return placed, vectors


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sets", default="bbc,computers")
    p.add_argument("--corpus", type=Path, default=_bench().default_corpus())
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    results = [
        measure(name, args.corpus, half)
        for name in args.sets.split(",")
        for half in ("even", "odd")
    ]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print("floor: intruders flagged (wanted) / right placements flagged (false); * = curator's")
    for r in results:
        print(f"{r['set']} ({r['half']} ids)")
        for floor, c in r["floors"].items():
            mark = "*" if float(floor) == LIKE_EXCLUDED_FLOOR else " "
            print(
                f" {mark}{float(floor):.2f}: {c['wanted']}/{c['intruders']}"
                f" ({c['wanted'] / max(c['intruders'], 1):.0%}) wanted,"
                f" {c['false']}/{c['right']} ({c['false'] / max(c['right'], 1):.1%}) false"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
