"""Shared test fixtures: a real HTTP server on 127.0.0.1, and the shared corpus and seeds folders."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def docs_text() -> str:
    """README.md and every docs/*.md joined: what an editor can read of curator's documentation.

    README keeps what a newcomer needs and points to docs/ for the case-by-case detail (fixfj:
    README was 2,373 lines), so a test that a phrase is documented reads both, wherever it lives.
    """
    names = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    return "\n\n".join(path.read_text(encoding="utf-8") for path in names)


def shared_dir() -> Path:
    """`../shared` beside the repository (CI clones main with shared/ beside it)."""
    return Path(os.environ.get("CURATOR_SHARED", REPO.parent / "shared"))


def corpus_params(folder: str, names: list[str]) -> list:
    """Parameters for a test over corpus files: `names` (found at collection time, before the
    `corpus` fixture can skip), or one skipped parameter that says what is missing and where, so
    the test is reported skipped for that reason rather than "got empty parameter set"."""
    if names:
        return names
    where = shared_dir() / "corpus" / folder
    reason = (
        f"no files of the shared corpus at {where}"
        if (shared_dir() / "corpus").is_dir()
        else f"the shared corpus is not at {shared_dir() / 'corpus'} (set CURATOR_SHARED to its parent)"
    )
    return [pytest.param("", marks=pytest.mark.skip(reason=reason))]


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The third-party corpus; tests that need it skip with a reason when it is absent."""
    path = shared_dir() / "corpus"
    if not path.is_dir():
        pytest.skip(f"the shared corpus is not at {path} (set CURATOR_SHARED to its parent)")
    return path


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The seed texts (the model issue and four articles)."""
    path = shared_dir() / "seeds"
    if not path.is_dir():
        pytest.skip(f"the shared seeds are not at {path} (set CURATOR_SHARED to its parent)")
    return path


#: A handler takes the request and writes the whole response itself (status, headers, body).
Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    handler: Handler | None = None
    delay: float = 0.0


@dataclass
class Seen:
    """A request the server received."""

    path: str
    headers: dict[str, str]


class LocalServer:
    """A real HTTP/1.1 server on 127.0.0.1 with routes set by the test.

    `add("/feed.xml", body, content_type=...)` serves bytes; `add(path, handler=fn)` lets `fn(request)`
    write any response (drip, hang, redirect loop...). Unknown paths get 404. Every request is recorded.
    """

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server._serve(self)

            def do_HEAD(self) -> None:  # noqa: N802
                server._serve(self, head=True)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        # Clients that hang up mid-response (the byte cap, a deadline) are what the tests are about,
        # not errors to print.
        self.httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        # A short poll interval: shutdown() waits up to one interval, once per test.
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str | None = "application/xml",
        headers: dict[str, str] | None = None,
        handler: Handler | None = None,
        delay: float = 0.0,
    ) -> str:
        """Serve `body` at `path`; returns the full URL."""
        data = body.encode() if isinstance(body, str) else body
        all_headers = dict(headers or {})
        if content_type and "Content-Type" not in all_headers:
            all_headers["Content-Type"] = content_type
        self.routes[path] = Route(data, status, all_headers, handler, delay)
        return self.url(path)

    def add_with_etag(
        self,
        path: str,
        body: bytes,
        *,
        content_type: str = "application/xml",
        honour: Callable[[], bool] = lambda: True,
    ) -> str:
        """Serve `body` with an ETag, answering 304 when the client sends it back (while
        `honour()` is true: a server that ignores validators sends the same bytes again)."""
        etag = f'"{len(body)}-{sum(body[:4096])}"'

        def handler(req: BaseHTTPRequestHandler) -> None:
            if honour() and req.headers.get("If-None-Match") == etag:
                req.send_response(304)
                req.send_header("ETag", etag)
                req.send_header("Content-Length", "0")
                req.end_headers()
                return
            req.send_response(200)
            req.send_header("Content-Type", content_type)
            req.send_header("ETag", etag)
            req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            req.wfile.write(body)

        return self.add(path, handler=handler)

    def seen(self, path: str) -> list[Seen]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _serve(self, req: BaseHTTPRequestHandler, head: bool = False) -> None:
        with self._lock:
            self.requests.append(Seen(req.path, {k: v for k, v in req.headers.items()}))
        route = self.routes.get(req.path)
        if route is None:
            body = b"not found"
            req.send_response(404)
            req.send_header("Content-Type", "text/plain")
            req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            if not head:
                req.wfile.write(body)
            return
        if route.delay:
            time.sleep(route.delay)
        if route.handler is not None:
            route.handler(req)
            return
        req.send_response(route.status)
        for name, value in route.headers.items():
            req.send_header(name, value)
        req.send_header("Content-Length", str(len(route.body)))
        req.end_headers()
        if not head and route.status not in (204, 304):
            req.wfile.write(route.body)

    def start(self) -> LocalServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A fresh local HTTP server for one test. Its slow handlers (hostile_helpers: a feed that
    never answers, drips or streams) wait on `STOP`: cleared here so they hang as the test means
    whatever test ran before in the worker (test_hostile sets it at its teardown), and set at
    this one's teardown so none outlives it."""
    helpers = sys.modules.get("hostile_helpers")
    if helpers is not None:
        helpers.STOP.clear()
    server = LocalServer().start()
    try:
        yield server
    finally:
        if helpers is not None:
            helpers.STOP.set()
        server.stop()


def copy_demo(tmp_path: Path) -> Path:
    """A copy of the offline demo's feeds.yaml and files; its store and output land in tmp_path."""
    import shutil

    folder = tmp_path / "demo"
    shutil.copytree(
        EXAMPLES,
        folder,
        ignore=shutil.ignore_patterns("output", ".curator", "drafts", "introductions"),
    )
    return folder / "feeds.yaml"


@pytest.fixture(scope="module")
def published_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with issue 1 built, once per test module (its feeds.yaml): for tests that each
    correct its issue-1.json and put it back."""
    config = copy_demo(tmp_path_factory.mktemp("published"))
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    return config


def said_as_one(err: str) -> str:
    """What a command said, its wrapped lines as one (a message is matched whole)."""
    return " ".join(err.split())


@pytest.fixture
def themed_demo(tmp_path: Path) -> Path:
    """The offline demo as it is: with its plan of themes, each issue is about one subject."""
    return copy_demo(tmp_path)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The offline demo without its plan of themes (`themes:` removed): a newsletter whose every
    issue has every subject, curator's default."""
    path = copy_demo(tmp_path)
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nthemes:\n"), text.index("\n# --- Feeds")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run `curator ARGS...` in-process: (exit code, stdout, stderr)."""
    from click.testing import CliRunner

    from curator.cli import cli

    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def add_sport_feed(demo: Path, corpus: Path, server: LocalServer, stories: int = 20) -> None:
    """Add to the demo newsletter (its feeds.yaml `demo`) a feed on `server` of the first
    `stories` real BBC sport stories (pages not read): articles that fit none of its customer
    experience subjects (at https://sport.example/<id>)."""
    from xml.sax.saxutils import escape

    path = corpus / "topics" / "bbc-news" / "articles.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    sport = [r for r in rows if r["label"] == "sport"][:stories]
    items = "".join(
        f"<item><title>{escape(r['title'])}</title><link>https://sport.example/{r['id']}</link>"
        f"<description>{escape(r['text'][:1500])}</description></item>"
        for r in sport
    )
    url = server.add(
        "/sport.xml",
        f'<rss version="2.0"><channel><title>Sport desk</title>{items}</channel></rss>',
    )
    demo.write_text(
        demo.read_text(encoding="utf-8").replace(
            "feeds:\n", f"feeds:\n  - url: {url}\n    fetch_pages: false\n", 1
        ),
        encoding="utf-8",
    )


def sans_config(text: str) -> str:
    """`text` without the ` --config PATH` curator adds to each command it advises when the run
    was given a config other than ./feeds.yaml (walk56 #3; test_cron_walk56 checks that it is
    there), with the DRAFT placeholder it puts before it in `curator build --draft` (walk85 #2):
    for tests about the rest of the advice."""
    import re

    return re.sub(r"(?: DRAFT)? --config [^\s`'\"]+", "", text)


def credits_as_text(html: str) -> str:
    """An HTML edition with its credits' `<bdi>` isolates taken off (each side of a credit is
    one, `render.credit_html`), for a test that reads a credit line as its text."""
    return html.replace("<bdi>", "").replace("</bdi>", "")
