"""Benchmark the authors curator credits for feed entries against the publishers' own credits.

    python benchmarks/credits.py [--corpus DIR] [--half a|b] [--verbose] [--json]

Sources (all under `corpus/feeds/`), each with an expected parse made by another project:

- `real/rss-parser`: `input/<name>.*` and `output/<name>.json` (rbren/rss-parser's expected parse):
  an item's credit is its `creator` (dc:creator), else `author`, else `itunes.author`.
- `real/feed-rs`: `<name>.xml|json` and `<name>.serde.json` (feed-rs' expected parse): an entry's
  `authors[].name`; for Atom, an entry without authors takes the feed's (RFC 4287 section 4.2.1
  says so; feed-rs leaves that to its caller).
- `edge/feedparser`: the test feeds whose `Expect:` comment names an entry's author
  (`entries[0]['author'] == '...'` or `author_detail']['name']`).

The other projects keep the credit as the feed wrote it ("David Smith in Washington", "Nick Ames
(now), Ed Aarons and Ben Fisher (earlier)", "Rael Dornfest (mailto:rael@oreilly.com)"). What a
newsletter's `Author` line should say for such a credit was decided by hand, once, per string, in
`PEOPLE` below (the people, without places, roles, times or addresses); every other credit is
expected as written (whitespace collapsed), but for a name written "Surname, Initials" ("Yeagle,
P."), expected initials first ("P. Yeagle") as "Doe, Jane" is Jane Doe (walk112 #7; this lowers
feedparser's raw figure, which keeps the credit as written, from 0.924 to 0.801). `NOBODY` lists the credits that name no one: CMS
defaults ("admin", "author"), the generic "Staff and agencies" and a bare address. A desk or a team
the publisher names ("Guardian sport", "GNOME Sysadmin Team") and a feed crediting itself ("Giant
Bomb", "Transfermarkt") are credits as written. `CORRECTIONS` fixes the few entries where the other
project's parser lost a credit the feed gives. A company's legal name ("Radio Katowice S.A.", with
its Inc., Ltd, GmbH, S.A....) credits no one, as an organisation's name does (walk118 #2, decided by
hand: the line names the publication alone).

For each tool, per source and overall:

- credited: entries whose publisher credits someone; exact: the tool names exactly those people
  (same names, same order; letter case is not compared, for curator writes an all-capitals
  credit in title case: "DER SPIEGEL" -> "Der Spiegel", "GILLIAN MOHNEY" -> "Gillian Mohney"); missed: it names nobody; wrong: it names someone else.
- nobody: entries whose publisher credits no one; invented: the tool names someone anyway.

Tools side by side: curator (`parse_feed`, then `articles_credits.feed_credits`, the function an issue's
`Author` line comes from) and feedparser's raw
`entries[i]['author']` (one credit, as the feed wrote it). Entries are paired with the expected
ones by position; a feed whose entry count differs is reported and skipped. Halves: every feed file
falls in half a or b by a stable hash of its path, so a rule tuned on one half is confirmed on the
other; the figures are printed for both halves.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import sys
import warnings
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import feedparser  # noqa: E402

from curator.articles_credits import feed_credits  # noqa: E402
from curator.feeds import FeedError, parse_feed  # noqa: E402

#: Credits as the feeds wrote them -> the people a newsletter credits (decided by hand).
PEOPLE: dict[str, tuple[str, ...]] = {
    # rss-parser guardian.rss: places, roles, live-blog shifts, several people
    "David Smith in Washington": ("David Smith",),
    "Tom McCarthy in New York": ("Tom McCarthy",),
    "Ashifa Kassam in Stanstead, Quebec": ("Ashifa Kassam",),
    "Reuters in New York": ("Reuters",),
    "Sam Jones in Madrid and Stephen Burgen in Barcelona": ("Sam Jones", "Stephen Burgen"),
    "Tom McCarthy and Sam Morris": ("Tom McCarthy", "Sam Morris"),
    "Erica Chenoweth and Jeremy Pressman": ("Erica Chenoweth", "Jeremy Pressman"),
    "Nick Ames (now), Ed Aarons and Ben Fisher (earlier)": ("Nick Ames", "Ed Aarons", "Ben Fisher"),
    "Associated Press in Palm Beach, Florida": ("Associated Press",),
    "Damian Carrington Environment editor": ("Damian Carrington",),
    "Patrick Wintour Diplomatic editor": ("Patrick Wintour",),
    "Jason Burke Africa correspondent": ("Jason Burke",),
    "Oliver Holmes in Jerusalem": ("Oliver Holmes",),
    "Will Bordell and Jon Robins": ("Will Bordell", "Jon Robins"),
    # rss-parser itunes feeds
    "Taverncast: www.taverncast.com": ("Taverncast",),
    "Klaas Heufer-Umlauf, Thomas Schmitt und Jakob Lundt": (
        "Klaas Heufer-Umlauf",
        "Thomas Schmitt",
        "Jakob Lundt",
    ),
    # rss-parser rss-1.rss / xml2js-options.rss (Science): "Surname, Initials" people
    "Ash, C., Mueller, K. L.": ("C. Ash", "K. L. Mueller"),
    # feed-rs
    "Brent Simmons and Manton Reece": ("Brent Simmons", "Manton Reece"),
    "Scott Hanselman, Rob Caron": ("Scott Hanselman", "Rob Caron"),
    "Matthias Gelbmann, Paul Andlinger": ("Matthias Gelbmann", "Paul Andlinger"),
    "Gaby Acevedo and Jessica Cunnington": ("Gaby Acevedo", "Jessica Cunnington"),
    "Simon St.Laurent (mailto:simonstl@simonstl.com)": ("Simon St.Laurent",),
    "Rael Dornfest (mailto:rael@oreilly.com)": ("Rael Dornfest",),
    "LAPALU, N., SIMON, A., Lu, A., Plaumann, P.-L., Amselem, J., Pigne, S., Auger, A., Koch, C., "
    "Dallery, J.-F., O'Connell, R. J.": (
        "LAPALU, N.",
        "SIMON, A.",
        "Lu, A.",
        "Plaumann, P.-L.",
        "Amselem, J.",
        "Pigne, S.",
        "Auger, A.",
        "Koch, C.",
        "Dallery, J.-F.",
        "O'Connell, R. J.",
    ),
}

#: Credits that name no one (lower-cased).
NOBODY: frozenset[str] = frozenset({"admin", "author", "staff and agencies", "foobar@gmail.com"})

#: Feeds whose other project's parse misses a credit the feed gives (file name -> the people of each
#: entry): feed-rs reads an RSS `<author>email (Name)</author>` as the name "author", and does not
#: read an item's `<itunes:author>`.
CORRECTIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "rss_2.0_ilgiornale.xml": (("Angela Leucci",),),
    "rss_2.0_relurl_1.xml": (("Jonas Große Sundrup",), ("Jonas Große Sundrup",)),
    "rss_2.0_bbc.xml": (("BBC Radio 4",),),
    "rss_2.0_nightvale.xml": (("Night Vale Presents",),),
    "rss_2.0_spiegel.xml": (("DER SPIEGEL",),),
    "rss_2.0_spreaker.xml": ((),),  # "Radio Katowice S.A.": a company (walk118 #2)
    # JSON Feed 1.1: `authors` supersedes the deprecated `author` (kept for 1.0 readers); feed-rs
    # merges the two, so its first item also lists the 1.0 `author` ("Fake Author 2").
    "jsonfeed_elastic_1.1.json": (
        ("Chris Churilo", "Fake Author 1"),
        ("Chris Churilo",),
        ("Fake Author 3", "Fake Author 4"),
    ),
}


@dataclass(frozen=True)
class Feed:
    """One feed file and the people its publisher credits for each entry, in order."""

    source: str
    path: Path
    expected: tuple[tuple[str, ...], ...]


def people(raw: str | None) -> tuple[str, ...]:
    """The people a raw credit names, as decided in PEOPLE / NOBODY (else the credit itself)."""
    text = re.sub(r"\s+", " ", raw or "").strip()
    if not text or text.lower() in NOBODY:
        return ()
    return tuple(_given_first(name) for name in PEOPLE.get(text, (text,)))


#: "Yeagle, P.", "Fahrenkamp-Uppenbrink, J.", "Plaumann, P.-L.": a surname and initials.
_SURNAME_INITIALS = re.compile(r"^([^\W\d_][\w'’-]*), ((?:[^\W\d_]{1,2}\.(?:-[^\W\d_]\.)?\s*)+)$")


def _given_first(name: str) -> str:
    """A credit written "Surname, Initials" as a newsletter's `Author` line writes it, initials
    first ("Yeagle, P." -> "P. Yeagle"), as "Doe, Jane" is Jane Doe (README; decided by hand in
    walk112 #7: Science's and bioRxiv's feeds write every author surname first)."""
    found = _SURNAME_INITIALS.match(name)
    return f"{found.group(2).strip()} {found.group(1)}" if found else name


def _json(path: Path) -> dict:
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:  # rss-parser's encoding.json is Latin-1
        return json.loads(raw.decode("latin-1"))


def rss_parser_feeds(root: Path) -> Iterator[Feed]:
    folder = root / "real" / "rss-parser"
    inputs = {p.stem: p for p in (folder / "input").iterdir()} if folder.is_dir() else {}
    for out in sorted((folder / "output").glob("*.json*")):
        name = out.name.split(".")[0]
        if name not in inputs:
            continue
        items = _json(out).get("feed", {}).get("items", [])
        expected = []
        for item in items:
            itunes = item.get("itunes") if isinstance(item.get("itunes"), dict) else {}
            raw = item.get("creator") or item.get("author") or itunes.get("author")
            expected.append(people(raw if isinstance(raw, str) else None))
        yield Feed("rss-parser", inputs[name], tuple(expected))


def feed_rs_feeds(root: Path) -> Iterator[Feed]:
    folder = root / "real" / "feed-rs"
    for serde in sorted(folder.rglob("*.serde.json")):
        base = serde.name.removesuffix(".serde.json")
        sources = [p for p in serde.parent.glob(base + ".*") if not p.name.endswith(".serde.json")]
        if len(sources) != 1:
            continue
        data = _json(serde)
        feed_people = tuple(n for a in data.get("authors", []) for n in people(a.get("name")))
        atom = data.get("feed_type") == "Atom" or serde.parent.name == "atom"
        expected = []
        for entry in data.get("entries", []):
            names = tuple(n for a in entry.get("authors", []) for n in people(a.get("name")))
            expected.append(names or (feed_people if atom else ()))
        yield Feed("feed-rs", sources[0], CORRECTIONS.get(sources[0].name, tuple(expected)))


_EXPECT_AUTHOR = re.compile(
    r"entries\[0\]\['author(?:_detail'\]\['name)?'\]\s*==\s*'((?:[^'\\]|\\.)*)'"
)


def feedparser_edge_feeds(root: Path) -> Iterator[Feed]:
    folder = root / "edge" / "feedparser"
    for path in sorted(folder.rglob("*.xml")):
        head = path.read_bytes()[:1000].decode("utf-8", "replace")
        match = _EXPECT_AUTHOR.search(head)
        if match and "bozo" in head and "not bozo" in head:
            yield Feed("feedparser-edge", path, (people(match.group(1)),))


def half_of(path: Path) -> str:
    return "ab"[zlib.crc32(path.as_posix().split("/feeds/", 1)[-1].encode()) % 2]


# ------------------------------------------------------------------------------------------ tools


def curator_credits(data: bytes, url: str) -> list[tuple[str, ...]]:
    parsed = parse_feed(data, url)
    return [feed_credits(e) for e in parsed.entries]


def feedparser_credits(data: bytes, url: str) -> list[tuple[str, ...]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    out = []
    for entry in result.entries:
        raw = re.sub(r"\s+", " ", entry.get("author") or "").strip()
        out.append((raw,) if raw else ())
    return out


TOOLS: dict[str, Callable[[bytes, str], list[tuple[str, ...]]]] = {
    "curator": curator_credits,
    "feedparser": feedparser_credits,
}

FIGURES = ("credited", "exact", "missed", "wrong", "nobody", "invented")


def measure(feeds: list[Feed], *, verbose: bool) -> dict[str, dict[str, dict[str, int]]]:
    """tool -> group (source, half, "all") -> figure -> count."""
    counts: dict[str, dict[str, dict[str, int]]] = {
        t: defaultdict(lambda: dict.fromkeys(FIGURES, 0)) for t in TOOLS
    }
    for feed in feeds:
        data = feed.path.read_bytes()
        url = f"https://feeds.example.org/{feed.path.name}"
        for tool, fn in TOOLS.items():
            try:
                got = fn(data, url)
            except FeedError as error:
                got = []
                if verbose:
                    print(f"  {tool}: {feed.path.name}: {error}")
            if len(got) != len(feed.expected):
                if tool == "curator":
                    print(
                        f"  skipped {feed.source}/{feed.path.name}: {len(got)} entries, "
                        f"{len(feed.expected)} expected",
                        file=sys.stderr,
                    )
                continue
            for want, have in zip(feed.expected, got, strict=True):
                want, have = _folded(want), _folded(have)
                for group in (feed.source, f"half {half_of(feed.path)}", "all"):
                    c = counts[tool][group]
                    if want:
                        c["credited"] += 1
                        key = "exact" if have == want else "missed" if not have else "wrong"
                        c[key] += 1
                    else:
                        c["nobody"] += 1
                        c["invented"] += bool(have)
                if verbose and tool == "curator" and have != want:
                    print(f"  MISS {feed.source}/{feed.path.name}: expected {want}, got {have}")
    return {t: dict(groups) for t, groups in counts.items()}


def _folded(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n.casefold() for n in names)


def _rate(c: dict[str, int]) -> str:
    exact = c["exact"] / c["credited"] if c["credited"] else float("nan")
    invented = c["invented"] / c["nobody"] if c["nobody"] else 0.0
    return (
        f"exact {exact:.3f} ({c['exact']}/{c['credited']}, missed {c['missed']}, wrong "
        f"{c['wrong']}) invented {invented:.3f} ({c['invented']}/{c['nobody']})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(os.environ.get("CURATOR_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--corpus", type=Path, default=default / "corpus", help="corpus folder")
    parser.add_argument("--half", choices=("a", "b"), help="only the feeds of one half")
    parser.add_argument("--verbose", action="store_true", help="list curator's misses")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args(argv)
    feeds_root = args.corpus / "feeds"
    if not feeds_root.is_dir():
        parser.error(f"no corpus feeds at {feeds_root} (use --corpus)")
    feeds = [
        f
        for loader in (rss_parser_feeds, feed_rs_feeds, feedparser_edge_feeds)
        for f in loader(feeds_root)
        if args.half in (None, half_of(f.path))
    ]
    results = measure(feeds, verbose=args.verbose)
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
        return 0
    groups = sorted(results["curator"], key=lambda g: (g == "all", g.startswith("half"), g))
    for group in groups:
        for tool in TOOLS:
            c = results[tool].get(group)
            if c:
                print(f"{group:16} {tool:10} {_rate(c)}")
    c = results["curator"]["all"]
    f = results["feedparser"]["all"]
    print(
        f"summary: curator exact {c['exact'] / c['credited']:.3f} invented "
        f"{c['invented']}/{c['nobody']}; feedparser's raw author exact "
        f"{f['exact'] / f['credited']:.3f} invented {f['invented']}/{f['nobody']} "
        f"({len(feeds)} feeds)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
