"""Benchmark the blurb picker on real article pages, this checkout's against another revision's.

    python benchmarks/blurbs.py [--base main] [--half a|b] [--n 3] [--corpus DIR] [--verbose]
        [--feed-summary]

Pages: ../shared/corpus/articles/readability (`<name>/source.html`, reference body `expected.html`,
reference summary `expected-metadata.json`'s "excerpt": the page's description or first
paragraph, as Readability.js reads it) and ../shared/corpus/articles/scrapinghub
(`html/<id>.html.gz`, reference body `ground-truth.json`'s articleBody; no summary). Each page is
read once, as `curator extract` reads it, and both blurb pickers run on the same page.

Figures, per picker, for each half (a page's half is a stable hash of its name):

- lead@N: the blurb's first sentence is in the reference body's first N sentences, the reference
  summary or the page's own description (what an editor would write from: the lead or the
  standfirst). "In" means 80% of its words occur there.
- excerpt F1: token F1 between the blurb and the reference summary (readability pages that have
  one).
- quote first: the blurb's first sentence is a quotation (opens with a quote mark, or ends with a
  quote and an attribution: `," she said.`), i.e. someone else's words read as the article's.
- empty: no blurb at all.

`--base REV` loads curator/blurb.py as it is at git revision REV (default BASELINE_REF, the picker
before the lead and quote work) to compare; the text extraction is this checkout's for both.
`--verbose` prints the pages whose blurb differs. `--feed-summary` gives each readability page's
reference excerpt, each scrapinghub page its reference body's first paragraph, as its feed's
summary (a feed whose description is the article's standfirst or first paragraph), to measure what a feed's summary changes: the feed's lead opening a blurb where
the page's text lacks it. The excerpt is in lead@N's reference too, so read its change beside the
blurbs `--verbose` prints.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import inspect
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

#: The blurb picker before the feed-standfirst, quote and lead work (so that a run on main still
#: shows the before and after side by side).
BASELINE_REF = "efdd5b1"

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from curator import blurb as this_blurb  # noqa: E402
from curator.articles_pages import read_page  # noqa: E402
from curator.htmltext import read_html  # noqa: E402
from curator.models import Page  # noqa: E402

CORPUS = Path(os.environ.get("CURATOR_SHARED", ROOT.parent / "shared")) / "corpus" / "articles"
_WORD = re.compile(r"\w+", re.U)


@dataclass(frozen=True)
class Case:
    name: str
    page: Page
    body: list[str]  # the reference body's sentences, in order
    excerpt: str  # the reference summary ("" when none)
    half: str
    #: What `--feed-summary` gives as the page's feed summary: the reference excerpt, or the
    #: reference body's first paragraph (scrapinghub pages, which have no excerpt).
    lead: str = ""


def half_of(name: str) -> str:
    """The half ("a" or "b") a page belongs to: a stable hash of its name, not its position."""
    return "ab"[zlib.crc32(name.encode("utf-8")) % 2]


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        out += this_blurb.split_sentences(line.strip())
    return [s for s in out if s]


def load(half: str | None, corpus: Path = CORPUS) -> list[Case]:
    cases: list[Case] = []
    readability = corpus / "readability"
    for folder in sorted(p for p in readability.iterdir() if p.is_dir()):
        source, meta, body = (
            folder / "source.html",
            folder / "expected-metadata.json",
            folder / "expected.html",
        )
        if not (source.is_file() and meta.is_file() and body.is_file()):
            continue
        if half not in (None, half_of(folder.name)):
            continue
        expected = json.loads(meta.read_text(encoding="utf-8"))
        if expected.get("readerable") is False:
            continue  # not an article
        page = read_page(source.read_bytes(), source.resolve().as_uri(), None)
        own = read_html(body.read_text(encoding="utf-8")).own
        cases.append(
            Case(
                f"readability/{folder.name}",
                page,
                sentences(own),
                expected.get("excerpt") or "",
                half_of(folder.name),
                expected.get("excerpt") or "",
            )
        )
    scrapinghub = corpus / "scrapinghub"
    truth_file = scrapinghub / "ground-truth.json"
    truth = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file.is_file() else {}
    for key, value in sorted(truth.items()):
        path = scrapinghub / "html" / f"{key}.html.gz"
        if not path.is_file() or half not in (None, half_of(key)):
            continue
        page = read_page(gzip.decompress(path.read_bytes()), path.resolve().as_uri(), None)
        body = value["articleBody"]
        first = next((line.strip() for line in body.splitlines() if line.strip()), "")
        cases.append(
            Case(f"scrapinghub/{key[:12]}", page, sentences(body), "", half_of(key), first)
        )
    return cases


def load_base(rev: str) -> ModuleType:
    """curator/blurb.py as it is at git revision `rev`, as a module of its own."""
    source = subprocess.run(
        ["git", "show", f"{rev}:curator/blurb.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(source)
    spec = importlib.util.spec_from_file_location("blurb_base", handle.name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    Path(handle.name).unlink()
    return module


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(this_blurb.normalise_quotes(text))]


def inside(sentence: str, reference: str) -> bool:
    mine = words(sentence)
    ref = set(words(reference))
    return bool(mine) and sum(w in ref for w in mine) / len(mine) >= 0.8


def f1(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    common = sum(min(wa.count(w), wb.count(w)) for w in set(wa))
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


QUOTE_FIRST = re.compile(
    r"""^["']|["'],?\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:said|says|tweeted|wrote|added|told)"""
)


def is_quote(sentence: str) -> bool:
    return bool(QUOTE_FIRST.search(this_blurb.normalise_quotes(sentence)))


def run(pick: Callable[[Page], str], cases: list[Case], n: int) -> dict[str, dict[str, float]]:
    by_half: dict[str, dict[str, list[float]]] = {}
    for case in cases:
        blurb = pick(case.page)
        first = (this_blurb.split_sentences(blurb) or [""])[0]
        lead = " ".join([*case.body[:n], case.excerpt, case.page.description or ""])
        row = by_half.setdefault(case.half, {})
        row.setdefault("lead", []).append(float(bool(blurb) and inside(first, lead)))
        row.setdefault("quote", []).append(float(bool(blurb) and is_quote(first)))
        row.setdefault("empty", []).append(float(not blurb))
        if case.excerpt:
            row.setdefault("excerpt", []).append(f1(blurb, case.excerpt))
    return {
        h: {k: statistics.mean(v) for k, v in row.items()} | {"pages": len(row["lead"])}
        for h, row in by_half.items()
    }


def picker(module: ModuleType, summaries: dict[str, str] | None = None) -> Callable[[Page], str]:
    """`module`'s blurb of a page; with `summaries` (page URL -> text), each page's text there is
    given as its feed's summary, as a feed whose description is the article's standfirst."""
    # The page's headings, for a picker that takes them (as the build passes them).
    given = "headings" in inspect.signature(module.choose_blurb).parameters

    def pick(page: Page) -> str:
        return str(
            module.choose_blurb(
                description=page.description,
                text=page.text,
                summary=(summaries or {}).get(page.url),
                title=page.title,
                markup=False,
                **({"headings": page.headings} if given else {}),
            )
        )

    return pick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--base",
        default=BASELINE_REF,
        help=f"git revision to compare with (default {BASELINE_REF}, the picker before this work)",
    )
    parser.add_argument("--half", choices=("a", "b"), help="only the pages of one half")
    parser.add_argument("--n", type=int, default=3, help="lead sentences that count as the opening")
    parser.add_argument(
        "--verbose", action="store_true", help="print the pages whose blurb changed"
    )
    parser.add_argument("--corpus", type=Path, help="the corpus folder (default ../shared/corpus)")
    parser.add_argument(
        "--feed-summary",
        action="store_true",
        help="give each page's reference excerpt (readability) or first paragraph (scrapinghub) as"
        " its feed's summary (a feed whose description is the standfirst or lead): measures the feed's lead opening a"
        " blurb where the page's text lacks it",
    )
    args = parser.parse_args()
    articles = args.corpus / "articles" if args.corpus else CORPUS
    if not articles.is_dir():
        sys.exit(f"benchmarks/blurbs.py: the corpus's article pages are missing: {articles}")
    cases = load(args.half, articles)
    base = load_base(args.base)
    summaries = {c.page.url: c.lead for c in cases if c.lead} if args.feed_summary else None
    results = {
        f"base ({args.base})": run(picker(base, summaries), cases, args.n),
        "this": run(picker(this_blurb, summaries), cases, args.n),
    }
    print(
        f"{len(cases)} pages; lead@{args.n} = first sentence from the first {args.n} or the excerpt"
    )
    print(
        f"{'picker':<16}{'half':>5}{'pages':>7}{'lead@N':>9}{'excerptF1':>11}{'quote1st':>10}{'empty':>8}"
    )
    for label, halves in results.items():
        for half, r in sorted(halves.items()):
            print(
                f"{label:<16}{half:>5}{r['pages']:>7.0f}{r['lead']:>9.3f}{r.get('excerpt', float('nan')):>11.3f}"
                f"{r['quote']:>10.3f}{r['empty']:>8.3f}"
            )
    base_all, this_all = results[f"base ({args.base})"], results["this"]
    print(
        "summary: "
        + "; ".join(
            f"half {h} lead@{args.n} {base_all[h]['lead']:.3f} -> {this_all[h]['lead']:.3f}, "
            f"quote first {base_all[h]['quote']:.3f} -> {this_all[h]['quote']:.3f}"
            for h in sorted(this_all)
        )
    )
    if args.verbose:
        pick_base, pick_this = picker(base, summaries), picker(this_blurb, summaries)
        for case in cases:
            before, after = pick_base(case.page), pick_this(case.page)
            if before != after:
                print(f"\n== {case.name}\n  - {before}\n  + {after}")


if __name__ == "__main__":
    main()
