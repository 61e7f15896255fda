"""The words `curator subjects overlap` offers as keywords, with and without leaving out the words
few of a subject's articles use (`TELLING_USERS`) and the words of signatures and addresses
(`signature_words`), side by side: on held-out posts of the same 20 Newsgroups family, how many
of the posts using an offered word are under the subject it was offered for (precision), and how
many posts use it (support). Run: python benchmarks/overlap_words.py [--corpus DIR]"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
from collections import defaultdict
from pathlib import Path

import yaml

import curator.subjects_doubts as subjects  # (where overlaps() reads the names patched below)
from curator.models import Article, Subject
from curator.textfeatures import terms

HERE = Path(__file__).resolve().parent
RUNS = (("sci", "science.yaml", 22), ("sci", "science.yaml", 8), ("sci", "science.yaml", 4),
        ("comp", "computers.yaml", 12), ("comp", "computers.yaml", 3))  # fmt: skip


#: Each article a thread of its own: `thread_of` when the threads' words rule is off.
_APART = itertools.count()


def load(corpus: Path, family: str) -> list[tuple[Article, str]]:
    path = corpus / "topics" / "20newsgroups" / f"{family}-train.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        (Article(id=i + 1, url=f"https://corpus.test/{r['id']}", title=r["title"],
                 text=r["text"][:4000]), r["label"])
        for i, r in enumerate(rows)
    ]  # fmt: skip


def offered(model: subjects.SubjectModel, articles: list[Article]) -> list[tuple[str, str]]:
    """(subject, word) for each word offered as new."""
    found: list[list[str]] = []
    telling = subjects._telling

    def keep(ranked, written, n):  # type: ignore[no-untyped-def]
        shown, new = telling(ranked, written, n)
        found.append(new)
        return shown, new

    subjects._telling = keep  # type: ignore[assignment]
    try:
        pairs = subjects.overlaps(model, articles)
    finally:
        subjects._telling = telling  # type: ignore[assignment]
    names = [s.name for s in model.subjects]
    order = sorted(pairs, key=lambda o: (names.index(o.first), names.index(o.second)))
    return [
        (name, w)
        for k, o in enumerate(order)
        for name, ws in ((o.first, found[2 * k]), (o.second, found[2 * k + 1]))
        for w in ws
    ]


def measure(corpus: Path, family: str, file: str, every: int, offset: int, rule: str):
    rows = load(corpus, family)
    fitted, held = rows[offset::every], rows[offset + every // 2 :: every]
    data = yaml.safe_load((HERE / "subjects" / file).read_text(encoding="utf-8"))
    name = {s["label"]: s["name"] for s in data["subjects"]}
    subs = [Subject(s["name"], s["description"], tuple(map(str, s["keywords"])))
            for s in data["subjects"]]  # fmt: skip
    users, signature = subjects.TELLING_USERS, subjects.signature_words
    common, thread = subjects.COMMON_WORDS, subjects.thread_of
    if rule != "all":  # without the common words and threads' words rule (walk129 #4)
        subjects.COMMON_WORDS = frozenset()
        subjects.thread_of = lambda title: str(next(_APART))  # type: ignore[assignment]
    if rule == "none":
        subjects.TELLING_USERS = 0
        subjects.signature_words = lambda articles: set()  # type: ignore[assignment]
    try:
        articles = [a for a, _ in fitted]
        model = subjects.SubjectModel.build(subs, corpus=articles, corrections={})
        words = offered(model, articles)
    finally:
        subjects.TELLING_USERS, subjects.signature_words = users, signature
        subjects.COMMON_WORDS, subjects.thread_of = common, thread
    using: dict[str, set[int]] = defaultdict(set)
    label = {}
    for a, lab in held:
        label[a.id] = name[lab]
        for t in set(terms(f"{a.title} {a.text}")):
            using[t].add(a.id)
    precision, support = [], []
    for subject, word in words:
        ids = using.get(word, set())
        support.append(len(ids))
        precision.append(sum(label[i] == subject for i in ids) / len(ids) if ids else 0.0)
    return statistics.mean(precision), statistics.median(support), len(words)


def main() -> None:
    parser = argparse.ArgumentParser()
    shared = Path(os.environ.get("CURATOR_SHARED", HERE.parent.parent / "shared"))
    parser.add_argument("--corpus", type=Path, default=shared / "corpus")
    corpus = parser.parse_args().corpus
    better = 0
    for family, file, every in RUNS:
        runs = [
            [measure(corpus, family, file, every, off, rule) for off in (0, 1, 2)]
            for rule in ("none", "users", "all")
        ]
        p0, p1, p2 = (statistics.mean(m[0] for m in ms) for ms in runs)
        s0, s1, s2 = (statistics.mean(m[1] for m in ms) for ms in runs)
        n0, n1, n2 = (statistics.mean(m[2] for m in ms) for ms in runs)
        better += p2 >= p0
        print(
            f"{family}.* every {every}: precision {p0:.3f} -> {p1:.3f} -> {p2:.3f},"
            f" support {s0:.1f} -> {s1:.1f} -> {s2:.1f}, words {n0:.1f} -> {n1:.1f} -> {n2:.1f}"
        )
    print(f"summary: precision as good or better in {better} of {len(RUNS)} runs")


if __name__ == "__main__":
    main()
