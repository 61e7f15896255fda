"""Labelled corpus articles and the subjects files the benchmark keeps, for the scorer's tests."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from curator.models import Article, Subject

BENCHMARK_SUBJECTS = Path(__file__).resolve().parent.parent / "benchmarks" / "subjects"


def labelled(path: Path, labels: int | None = None) -> list[tuple[Article, str]]:
    """The articles of a labelled JSON-lines file with their labels (with `labels`, only those of
    its most frequent labels)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if labels:
        counts: dict[str, int] = {}
        for r in rows:
            counts[r["label"]] = counts.get(r["label"], 0) + 1
        keep = set(sorted(counts, key=lambda lab: -counts[lab])[:labels])
        rows = [r for r in rows if r["label"] in keep]
    return [
        (Article(id=i + 1, url=f"https://corpus.test/{r['id']}", title=r["title"], text=r["text"]),
         r["label"])
        for i, r in enumerate(rows)
    ]  # fmt: skip


def benchmark_subjects(name: str) -> dict[str, Subject]:
    """A subjects file of benchmarks/subjects, by label."""
    data = yaml.safe_load((BENCHMARK_SUBJECTS / name).read_text(encoding="utf-8"))
    return {
        s["label"]: Subject(s["name"], s["description"], tuple(str(k) for k in s["keywords"]))
        for s in data["subjects"]
    }
