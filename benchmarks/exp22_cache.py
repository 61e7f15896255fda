"""exp22 phase 1: place comp.* and sci.* as benchmarks/subjects.py does for its halves' figures
(zero-shot, 5/10/20 first by id, least-sure first 5..20 for each half, half corrected each way)
and keep every article's scores, decision and tf-idf vector, for offline variants (exp22_spread.py).

    python benchmarks/exp22_cache.py OUT_DIR [--sets computers,science]
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from subjects import ACTIVE_STEP, default_corpus, set_rows  # noqa: E402

from curator.models import Article, Subject  # noqa: E402
from curator.subjectfit import fit  # noqa: E402
from curator.subjects_doubts import uncertain  # noqa: E402
from curator.subjects_model import SubjectModel  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("out", type=Path)
    p.add_argument("--sets", default="computers,science")
    args = p.parse_args()
    args.corpus = default_corpus()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.sets.split(","):
        rows, raw = set_rows(name, args)
        data = [
            (
                Article(id=i + 1, url=f"bench:{r['id']}", title=r["title"], text=r["text"]),
                r["label"],
            )
            for i, r in enumerate(rows)
        ]
        subjects = {
            s["label"]: Subject(s["name"], s["description"], tuple(s["keywords"])) for s in raw
        }
        name_of = {lab: s.name for lab, s in subjects.items()}
        names = [s.name for s in subjects.values()]
        articles = [a for a, _ in data]
        records: list[dict] = []

        def place(
            corrections,
            kind,
            k,
            _names=names,
            _articles=articles,
            _subjects=subjects,
            _records=records,
            _name=name,
        ):
            t0 = time.perf_counter()
            fitted, scored = fit(list(_subjects.values()), _articles, corrections)
            model = SubjectModel.of(fitted)
            judged = [
                model.judge_scored(a.url, s.rep, s.counts, s.scores)
                for a, s in zip(_articles, scored, strict=True)
            ]
            rec = {
                "kind": kind,
                "k": k,
                "corrections": dict(corrections),
                "subject": [j.subject for j in judged],
                "decision": [j.decision for j in judged],
                "scores": [[dict(j.scores).get(n, 0.0) for n in _names] for j in judged],
            }
            if kind == "zero":
                rec["reps"] = [s.rep for s in scored]
                rec["counts"] = [s.counts for s in scored]
            _records.append(rec)
            print(f"{_name} {kind} {k}: {time.perf_counter() - t0:.1f} s", flush=True)
            return {j.url: j.subject for j in judged}

        place({}, "zero", 0)
        ordered = sorted(data, key=lambda al: al[0].url)
        for k in (5, 10, 20):
            taught: Counter[str] = Counter()
            corrections: dict[str, str | None] = {}
            for article, label in ordered:
                if taught[label] < k:
                    corrections[article.url] = name_of[label]
                    taught[label] += 1
            place(corrections, "curve", k)
        for parity in (0, 1):
            corrections = {a.url: name_of[lab] for a, lab in data if a.id % 2 != parity}
            place(corrections, f"half{parity}", 0)
        for half in ("even", "odd"):
            pick_half = 0 if half != "even" else 1
            label_of = {a.url: lab for a, lab in data if a.id % 2 == pick_half}
            corrections = {}
            for k in range(ACTIVE_STEP, 21, ACTIVE_STEP):
                budget = ACTIVE_STEP * len(subjects)
                model = SubjectModel.build(
                    list(subjects.values()), corpus=articles, corrections=corrections
                )
                picks = [
                    u.url
                    for u in uncertain(model, articles, limit=len(articles))
                    if u.url in label_of and u.url not in corrections
                ][:budget]
                for url in picks:
                    corrections[url] = name_of[label_of[url]]
                place(dict(corrections), f"active_{half}", k)
        meta = {
            "names": names,
            "urls": [a.url for a in articles],
            "ids": [a.id for a in articles],
            "truth": [name_of[lab] for _, lab in data],
        }
        with open(args.out / f"{name}.pkl", "wb") as fh:
            pickle.dump({"meta": meta, "records": records}, fh)


if __name__ == "__main__":
    main()
