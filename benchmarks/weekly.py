"""Benchmark the weekly build end to end, against what a Python developer would otherwise write.

    python benchmarks/weekly.py [--rounds 3] [--corpus ../shared/corpus] [--curator PATH]

A local web is built from the corpus (benchmarks/_site.py): `--feeds` real feeds from
`feeds/real/` (60; those with at least `--per-feed` linked items, cut to that many), each on its own
host (127.0.0.1, 127.0.0.2, ...), whose items link to real article pages from `articles/` on the
same host (300; the corpus has 282, so 18 are served twice under other addresses). Only feeds that
both curator and feedparser read with those links are used (feedparser reads no JSON Feed): 53
qualify, so 7 are served twice, on other hosts, linking to other pages, every response
`--latency-ms` late (100). Then, alternately, `--rounds` times:

1. `curator build` into a fresh folder, as an editor runs it: the installed command with the
   defaults a user gets (the config sets only the newsletter, the subjects, the feeds, where the
   store and output go, and `allow_private_addresses`, without which no page on 127.0.0.x would be
   read). "Installed": a wheel of this repository installed in a scratch venv, as `pip install .`
   does, with its bytecode compiled; a source-tree run would recompile at every start when
   PYTHONDONTWRITEBYTECODE is set. `--curator PATH` uses a `curator` command you installed.
2. The same build again with nothing new (every feed answers 304 to curator's validators).
3. The alternative: feedparser.parse(url) for each feed, then trafilatura.fetch_url and
   trafilatura.bare_extraction(with_metadata=True) for each item's link, in 16 threads. It runs
   in a child process: lxml under threads has crashed it (SIGSEGV, "double free"); a crash is
   counted and reported, not timed.
4. The floor: the request waves the limits allow (feeds, then pages: ceil(feeds / concurrency) +
   max(ceil(pages / concurrency), ceil(pages per host / per_host))) times the latency, plus the CPU
   time curator's own feed parsing and page reading take here, spread over the cores.
5. Start-up: the installed `curator --help`.
6. Extraction alone: curator.extract.extract against trafilatura.bare_extraction with metadata,
   on the same pages, in this process.

Targets (issue 17): build vs the alternative >= 2.5x; build vs the floor <= 1.3x; the second build
<= start-up + one latency + 0.3 s. Medians of the rounds are compared; every run is printed. This
machine may be shared: only figures measured side by side in one run mean anything.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import feedparser
import yaml
from lxml import etree

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from _site import SiteServer  # noqa: E402
from fetch import Report, default_corpus, feed_files  # noqa: E402

from curator.config import Settings  # noqa: E402
from curator.extract import extract  # noqa: E402
from curator.feeds import FeedError, parse_feed  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
RSS1 = "{http://purl.org/rss/1.0/}"


# --- the site -------------------------------------------------------------------------------------


def article_pages(corpus: Path) -> list[Path]:
    """Every real article page in the corpus (not the extracted expectations beside them)."""
    root = corpus / "articles"
    pages = [
        p
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and p.name.endswith((".html", ".html.gz"))
        and not p.name.startswith("expected")
    ]
    if not pages:
        raise SystemExit(f"no article pages under {root}; pass --corpus")
    return pages


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _set_link(item: etree._Element, url: str, atom: bool) -> None:
    """Point one feed item at `url` (and drop the aliases some feeds carry for the same link)."""
    for child in item.iterchildren(etree.Element):
        if _local(child) == "origLink":  # FeedBurner's copy of the link, which parsers prefer
            item.remove(child)
    if atom:
        links = [e for e in item.findall(f"{ATOM}link") if e.get("rel", "alternate") == "alternate"]
        for extra in links[1:]:
            item.remove(extra)
        link = links[0] if links else etree.SubElement(item, f"{ATOM}link")
        link.set("href", url)
        return
    if item.get(f"{RDF}about") is not None:
        item.set(f"{RDF}about", url)
    link = next((c for c in item.iterchildren(etree.Element) if _local(c) == "link"), None)
    if link is None:
        link = etree.SubElement(item, f"{RSS1}link" if item.tag.startswith(RSS1) else "link")
    link.text = url


def cut_feed(body: bytes, links: list[str]) -> bytes | None:
    """The feed with only its first len(links) items, each pointing at one of `links`; None when
    it cannot be done (not a feed, too few items)."""
    if body.lstrip().startswith(b"{"):
        try:
            doc = json.loads(body)
        except ValueError:
            return None
        items = doc.get("items") if isinstance(doc, dict) else None
        if not isinstance(items, list) or len(items) < len(links):
            return None
        doc["items"] = [
            {k: v for k, v in item.items() if k != "external_url"} | {"url": url}
            for item, url in zip(items, links, strict=False)
        ]
        return json.dumps(doc).encode()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    atom = _local(root) == "feed"
    items = [e for e in root.iter(etree.Element) if _local(e) == ("entry" if atom else "item")]
    if len(items) < len(links):
        return None
    for item in items[len(links) :]:
        item.getparent().remove(item)
    for item, url in zip(items, links, strict=False):
        _set_link(item, url, atom)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


@dataclass(frozen=True)
class Site:
    feed_urls: list[str]
    page_urls: list[str]
    #: The feed bodies and page files as served, for the floor and the extraction figures.
    feed_bodies: list[tuple[bytes, str]]
    page_files: list[Path]
    site_map: Path
    per_host_pages: int


def free_port(hosts: int) -> int:
    """A port free on 127.0.0.1 .. 127.0.0.<hosts> (tried a few times)."""
    for _ in range(20):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
        probe.close()
        taken = False
        for i in range(hosts):
            with socket.socket() as s:
                try:
                    s.bind((f"127.0.0.{i + 1}", port))
                except OSError:
                    taken = True
                    break
        if not taken:
            return port
    raise SystemExit("no port free on every 127.0.0.x address")


def build_site(corpus: Path, folder: Path, feeds: int, per_feed: int, latency: float) -> Site:
    pages = article_pages(corpus)
    port = free_port(feeds)
    hosts, feed_urls, page_urls, bodies, page_files = [], [], [], [], []
    page_index = 0
    candidates = feed_files(corpus)
    (folder / "feeds").mkdir(parents=True)
    tried = 0
    while len(hosts) < feeds:
        if tried == len(candidates) and not hosts:
            raise SystemExit(f"no feed in {corpus / 'feeds/real'} has {per_feed} linked items")
        # Past the end, the feeds that served are served again, on other hosts, linking to
        # other pages (53 feeds of the corpus qualify).
        source = candidates[tried % len(candidates)]
        tried += 1
        address = f"127.0.0.{len(hosts) + 1}"
        base = f"http://{address}:{port}"
        mine = [pages[(page_index + j) % len(pages)] for j in range(per_feed)]
        links = [f"{base}/p/{page_index + j}.html" for j in range(per_feed)]
        body = cut_feed(source.read_bytes(), links)
        if body is None:
            continue
        suffix = ".json" if body.lstrip().startswith(b"{") else ".xml"
        kind = "application/feed+json" if suffix == ".json" else "application/xml"
        try:
            parsed = parse_feed(body, f"{base}/feed{suffix}", kind)
        except FeedError:
            continue
        if [e.link for e in parsed.entries] != links:
            continue
        # The alternative must see the same links (feedparser does not read JSON Feed).
        if [e.get("link") for e in feedparser.parse(body).entries] != links:
            continue
        feed_file = folder / "feeds" / f"{len(hosts):02d}{suffix}"
        feed_file.write_bytes(body)
        routes = {f"/feed{suffix}": {"file": str(feed_file), "type": kind, "kind": "feed"}}
        for link, page in zip(links, mine, strict=True):
            routes[link.removeprefix(base)] = {"file": str(page), "type": "text/html"}
        hosts.append({"address": address, "routes": routes})
        feed_urls.append(f"{base}/feed{suffix}")
        page_urls += links
        bodies.append((body, kind))
        page_files += mine
        page_index += per_feed
    site_map = folder / "site.json"
    site_map.write_text(json.dumps({"latency": latency, "port": port, "hosts": hosts}), "utf-8")
    return Site(feed_urls, page_urls, bodies, page_files, site_map, per_feed)


# --- curator, installed ---------------------------------------------------------------------------


def install_curator(folder: Path, source: Path = REPO) -> Path:
    """`pip install` this repository (or another curator source tree) as a wheel, bytecode
    compiled, into a scratch venv whose other packages are this environment's; the venv's
    `curator` command."""
    wheels = folder / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
    )
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # This environment's packages (httpx, lxml, trafilatura...) after the venv's own; its .pth
    # files (an editable curator) are not read from there.
    ours = [p for p in sys.path if p.endswith("site-packages")]
    Path(site_packages, "_benchmark_dependencies.pth").write_text("\n".join(ours) + "\n", "utf-8")
    wheel = next(wheels.glob("curator-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        check=True,
    )  # fmt: skip
    return venv / "bin" / "curator"


def write_config(folder: Path, site: Site, settings: dict[str, object]) -> Path:
    """feeds.yaml with the defaults a user gets: nothing set but what the run needs."""
    subjects = []
    for name in ("bbc.yaml", "reuters8.yaml"):
        data = yaml.safe_load((HERE / "subjects" / name).read_text("utf-8"))
        subjects += [
            {"name": s["name"], "description": s["description"], "keywords": s["keywords"]}
            for s in data["subjects"]
        ]
    config = {
        "newsletter": {"title": "Benchmark Weekly"},
        "subjects": subjects,
        "feeds": [{"url": url} for url in site.feed_urls],
        "settings": {
            "store": str(folder / "state" / "curator.db"),
            "output": str(folder / "output"),
            "allow_private_addresses": True,
            **settings,
        },
    }
    path = folder / "feeds.yaml"
    path.write_text(json.dumps(config, indent=1), encoding="utf-8")  # JSON is YAML
    return path


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    code: int
    stdout: str
    stderr: str
    #: Peak RSS of the largest single process (wait4), MB.
    max_rss: float = 0.0


def run(command: list[str], cwd: Path, watch: Callable[[int], None] | None = None) -> Run:
    """Run a command; its wall time and the CPU time of it and the children it waited for.
    `watch(pid)` runs in a thread while the command does (sampling its memory, say)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        began = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        watcher = threading.Thread(target=watch, args=(process.pid,), daemon=True)
        if watch is not None:
            watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        if watch is not None:
            watcher.join()
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            usage.ru_utime + usage.ru_stime,
            os.waitstatus_to_exitcode(status),
            out.read(),
            err.read(),
            usage.ru_maxrss / 1024,
        )


def curator_build(curator: Path, config: Path) -> tuple[Run, dict[str, object]]:
    result = run([str(curator), "build", "--config", str(config), "--json", "-q"], config.parent)
    if result.code not in (0,):
        raise SystemExit(f"curator build failed ({result.code}):\n{result.stderr[-3000:]}")
    return result, json.loads(result.stdout)


# --- the alternative ------------------------------------------------------------------------------

ALTERNATIVE = r"""
import json, sys
from concurrent.futures import ThreadPoolExecutor
import feedparser, trafilatura

urls, threads = json.loads(sys.argv[1]), int(sys.argv[2])
# As curator's allow_private_addresses: the pages are on 127.0.0.x.
config = trafilatura.settings.use_config()
config.set("DEFAULT", "SSRF_PROTECTION", "off")

def read_feed(url):
    return [e.get("link") for e in feedparser.parse(url).entries if e.get("link")]

def read_page(url):
    html = trafilatura.fetch_url(url, config=config)
    if html is None:
        return None
    return trafilatura.bare_extraction(html, url=url, with_metadata=True)

with ThreadPoolExecutor(threads) as pool:
    links = [link for links in pool.map(read_feed, urls) for link in links]
    pages = list(pool.map(read_page, links))
print(json.dumps({"links": len(links), "pages": sum(p is not None for p in pages)}))
"""


def alternative(site: Site, threads: int, cwd: Path) -> Run:
    return run([sys.executable, "-c", ALTERNATIVE, json.dumps(site.feed_urls), str(threads)], cwd)


# --- the floor and extraction ---------------------------------------------------------------------


def read_page_file(path: Path) -> bytes:
    import gzip

    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def curator_cpu(site: Site, pages: list[bytes]) -> tuple[float, float]:
    """CPU seconds curator's own parsing of every feed, and reading of every page, take here."""
    began = time.process_time()
    for (body, kind), url in zip(site.feed_bodies, site.feed_urls, strict=True):
        parse_feed(body, url, kind)
    parsed = time.process_time()
    for data, url in zip(pages, site.page_urls, strict=True):
        extract(data, url)
    return parsed - began, time.process_time() - parsed


def trafilatura_cpu(site: Site, pages: list[bytes]) -> float:
    import trafilatura

    began = time.process_time()
    for data, url in zip(pages, site.page_urls, strict=True):
        trafilatura.bare_extraction(data.decode("utf-8", "replace"), url=url, with_metadata=True)
    return time.process_time() - began


def waves(feeds: int, pages: int, per_host_pages: int, concurrency: int, per_host: int) -> int:
    """Request waves the limits allow at best: the feeds, then their pages."""
    page_waves = max(math.ceil(pages / concurrency), math.ceil(per_host_pages / per_host))
    return math.ceil(feeds / concurrency) + page_waves


def machine() -> str:
    """The CPU, the memory, Python and the load now: what the figures were measured on."""
    model = "unknown CPU"
    memory = ""
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        model = next(ln.split(":", 1)[1].strip() for ln in info.splitlines() if "model name" in ln)
        kb = int(Path("/proc/meminfo").read_text(encoding="utf-8").split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError, IndexError):
        pass
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} x {model}{memory}, Python {platform.python_version()}, "
        f"load average {load} (1/5/15 min) before the run"
    )


# --- main -----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--feeds", type=int, default=60)
    parser.add_argument("--per-feed", type=int, default=5, help="pages linked from each feed")
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=16, help="the alternative's threads")
    parser.add_argument("--curator", type=Path, help="an installed `curator` command to measure")
    parser.add_argument("--concurrency", type=int, help="set settings.concurrency (default: not)")
    parser.add_argument("--per-host", type=int, help="set settings.per_host (default: not)")
    parser.add_argument("--skip-alternative", action="store_true")
    args = parser.parse_args()
    latency = args.latency_ms / 1000
    report = Report()
    settings: dict[str, object] = {}
    if args.concurrency:
        settings["concurrency"] = args.concurrency
    if args.per_host:
        settings["per_host"] = args.per_host
    defaults = {f.name: f.default for f in dataclasses.fields(Settings)}
    concurrency = int(str(settings.get("concurrency", defaults["concurrency"])))
    per_host = int(str(settings.get("per_host", defaults["per_host"])))
    with tempfile.TemporaryDirectory(prefix="curator-weekly-") as tmp_name:
        tmp = Path(tmp_name)
        site = build_site(args.corpus, tmp / "site", args.feeds, args.per_feed, latency)
        curator = args.curator or install_curator(tmp / "install")
        print(
            f"weekly benchmark: {len(site.feed_urls)} feeds, {len(site.page_urls)} pages on "
            f"{len(site.feed_urls)} hosts, {args.latency_ms:.0f} ms latency, {os.cpu_count()} "
            f"cores; curator at {curator}; concurrency {concurrency}, per_host {per_host}"
            f"{' (the defaults)' if not settings else ''}; "
            f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}",
            flush=True,
        )
        print(f"{'machine':<28} {machine()}", flush=True)
        pages = [read_page_file(p) for p in site.page_files]
        extract(pages[0], site.page_urls[0])  # imports trafilatura before anything is timed
        figures: dict[str, list[float]] = {
            k: []
            for k in (
                "build",
                "build_cpu",
                "again",
                "alternative",
                "startup",
                "cpu",
                "extract",
                "traf",
            )
        }
        crashes = 0
        with SiteServer(site.site_map) as server:
            for round_ in range(1, args.rounds + 1):
                folder = tmp / f"round-{round_}"
                folder.mkdir()
                config = write_config(folder, site, settings)
                first, data = curator_build(curator, config)
                figures["build"].append(first.seconds)
                figures["build_cpu"].append(first.cpu)
                report.figure(
                    f"round{round_}.build",
                    f"{first.seconds:.2f} s ({first.cpu:.2f} s CPU, "
                    f"{first.cpu / first.seconds:.1f} cores busy): {data['feeds_ok']} feeds, "
                    f"{data['new_articles']} articles, {data['pages_read']} pages read, "
                    f"{data['pages_failed']} failed, issue {data['issue']}",
                )
                before = server.stats()
                again, data = curator_build(curator, config)
                after = server.stats()
                figures["again"].append(again.seconds)
                report.figure(
                    f"round{round_}.again",
                    f"{again.seconds:.2f} s ({again.cpu:.2f} s CPU): "
                    f"{after.get('304', 0) - before.get('304', 0)} feeds answered 304, "
                    f"{data['new_articles']} new, issue {data['issue']}",
                )
                if not args.skip_alternative:
                    alt = alternative(site, args.threads, folder)
                    if alt.code != 0:
                        crashes += 1
                        report.figure(
                            f"round{round_}.alternative",
                            f"crashed (exit {alt.code}): {alt.stderr.strip()[-300:]}",
                        )
                    else:
                        figures["alternative"].append(alt.seconds)
                        report.figure(
                            f"round{round_}.alternative",
                            f"{alt.seconds:.2f} s ({alt.cpu:.2f} s CPU): {alt.stdout.strip()}",
                        )
                start = run([str(curator), "--help"], folder)
                figures["startup"].append(start.seconds)
                parse_cpu, extract_cpu = curator_cpu(site, pages)
                figures["cpu"].append(parse_cpu + extract_cpu)
                figures["extract"].append(extract_cpu)
                figures["traf"].append(trafilatura_cpu(site, pages))
                report.figure(
                    f"round{round_}.cpu",
                    f"curator parses the feeds in {parse_cpu:.2f} s CPU, reads the pages in "
                    f"{extract_cpu:.2f} s; trafilatura with metadata {figures['traf'][-1]:.2f} s; "
                    f"start-up {start.seconds:.2f} s",
                )
        median = {k: statistics.median(v) for k, v in figures.items() if v}
        cores = os.cpu_count() or 1
        n_waves = waves(
            len(site.feed_urls), len(site.page_urls), site.per_host_pages, concurrency, per_host
        )
        floor = n_waves * latency + median["cpu"] / cores
        build = median["build"]
        report.figure(
            "floor",
            f"{floor:.2f} s ({n_waves} request waves x {latency:.2f} s + "
            f"{median['cpu']:.2f} s parse/extract CPU / {cores} cores)",
        )
        report.figure(
            "build_cpu",
            f"the build itself used {median['build_cpu']:.2f} s CPU (curator and its workers): "
            f"{median['build_cpu'] / cores:.2f} s on {cores} cores at best, before any latency",
        )
        if "alternative" in median:
            ratio = median["alternative"] / build
            report.target(
                "target.build_vs_alternative",
                f"{ratio:.2f}x faster ({build:.2f} s vs {median['alternative']:.2f} s; "
                f"{crashes} of {args.rounds} alternative runs crashed) (target >= 2.5x)",
                ratio >= 2.5,
            )
        ratio = build / floor
        report.target(
            "target.build_vs_floor",
            f"{ratio:.2f}x the floor ({build:.2f} s vs {floor:.2f} s) (target <= 1.3x)",
            ratio <= 1.3,
        )
        limit = median["startup"] + latency + 0.3
        report.target(
            "target.nothing_new",
            f"{median['again']:.2f} s vs start-up {median['startup']:.2f} s + {latency:.2f} s + "
            f"0.3 s = {limit:.2f} s (ratio {median['again'] / limit:.2f})",
            median["again"] <= limit,
        )
        speed = median["traf"] / median["extract"]
        report.figure(
            "extraction_vs_trafilatura",
            f"{speed:.2f}x ({len(pages) / median['extract']:.0f} pages/s vs trafilatura with "
            f"metadata {len(pages) / median['traf']:.0f} pages/s, one process; keep)",
        )
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
        report.figure(
            "load_after", f"load average {load} (1/5/15 min): other work shares the cores"
        )
        print(report.summary() + f"; build {build:.2f} s (median of {args.rounds})")


if __name__ == "__main__":
    main()
