"""Peak memory and wall time of one `curator fetch` of many new items, pages not read (walk160 #3).

    python benchmarks/bulk_fetch.py --feeds 100 --items 500 [--repo PATH]

Serves `--feeds` RSS feeds on 127.0.0.1 (one port each, as an editor's feeds are on their own
hosts), each of `--items` new items of a few sentences, and runs `python -m curator fetch` with
`fetch_pages: false` into a fresh store. Prints the wall time, the peak RSS of the largest process
(wait4) and of curator and its workers together (sampled from /proc every 0.2 s; their PSS too,
which counts a page the workers share with curator once), the articles stored and the progress
lines that said how far the storing got. `--repo` runs another checkout's curator (a copy of an
older commit, say) for a before/after; `--keep FILE` copies the store there after the run (to
compare two runs' placements with sqlite3).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

WORDS = [
    "customer",
    "feedback",
    "loop",
    "survey",
    "churn",
    "support",
    "ticket",
    "onboarding",
    "retention",
    "product",
    "team",
    "service",
    "quality",
    "journey",
    "design",
    "research",
    "interview",
    "metric",
    "signal",
    "response",
    "insight",
]


def feed(index: int, items: int, port: int) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Feed {index}</title><link>http://127.0.0.1:{port}/</link>"
    ]
    for k in range(items):
        words = [WORDS[(index * 7 + k * 3 + j) % len(WORDS)] for j in range(60)]
        text = ". ".join(" ".join(words[s : s + 12]).capitalize() for s in range(0, 60, 12))
        parts.append(
            f"<item><title>Story {index}-{k}: {' '.join(words[:6])}</title>"
            f"<link>http://127.0.0.1:{port}/a/{k}.html</link><guid>{index}-{k}</guid>"
            "<pubDate>Mon, 07 Dec 2026 08:45:00 +0000</pubDate>"
            f"<description>{text}.</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def serve(index: int, items: int) -> ThreadingHTTPServer:
    holder: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = holder["body"]
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["body"] = feed(index, items, server.server_address[1])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def tree_kb(pid: int, file: str = "status", field: str = "VmRSS:") -> int:
    """RSS of `pid` and its children (the workers), in KB; with "smaps_rollup" and "Pss:", their
    proportional set size (each page shared by N of them counted 1/N in each: a forked worker's
    RSS counts every page of its parent's it still shares)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    pids += [int(c) for c in children]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/{file}").read_text().splitlines():
                if line.startswith(field):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--keep", type=Path, help="copy the store to this file after the run")
    args = parser.parse_args()
    servers = [serve(i, args.items) for i in range(args.feeds)]
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "feeds.yaml"
        lines = [
            "newsletter: {title: Bulk, editor: Bench}",
            "subjects:",
            "  - {name: Feedback, keywords: [customer feedback, survey]}",
            "settings: {output: out, store: state/curator.db, allow_private_addresses: true,"
            " fetch_pages: false, timeout: 120}",
            "feeds:",
            *(f"  - url: http://127.0.0.1:{s.server_address[1]}/feed.xml" for s in servers),
        ]
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(args.repo)}
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "curator", "fetch", "--config", str(config)],
            cwd=tmp,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        peak_tree = peak_pss = 0
        err: list[str] = []
        reader = threading.Thread(target=lambda: err.extend(proc.stderr or ()), daemon=True)
        reader.start()
        while proc.poll() is None:
            peak_tree = max(peak_tree, tree_kb(proc.pid))
            peak_pss = max(peak_pss, tree_kb(proc.pid, "smaps_rollup", "Pss:"))
            time.sleep(0.2)
        wall = time.monotonic() - started
        reader.join()
        peak_one = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        import sqlite3

        with sqlite3.connect(Path(tmp) / "state" / "curator.db") as db:
            stored = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            if args.keep is not None:
                with sqlite3.connect(args.keep) as kept:
                    db.backup(kept)
    storing = [line.rstrip() for line in err if line.startswith("  storing")]
    print(f"feeds {args.feeds} x items {args.items} = {args.feeds * args.items} items")
    print(f"exit {proc.returncode}, wall {wall:.0f} s, articles stored {stored}")
    print(
        f"peak RSS: largest process {peak_one / 1024:.0f} MB, curator + workers {peak_tree / 1024:.0f} MB"
        f" (PSS {peak_pss / 1024:.0f} MB)"
    )
    shown = storing if len(storing) <= 4 else [*storing[:2], "  ...", *storing[-2:]]
    print(f"storing lines: {len(storing)}", *shown, sep="\n")


if __name__ == "__main__":
    main()
