"""Preview: serve the output folder on 127.0.0.1 (never another interface) to look at an issue."""

from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from curator.errors import CuratorError

#: Only the loopback interface: a preview is for the editor's own browser, not the network.
HOST = "127.0.0.1"

#: What the preview lets a page load: only itself. curator's pages need nothing else (styles are
#: inline), so a template that pulls in an outside asset shows up as broken in the preview.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
)


#: Types of text besides text/*: what curator writes is UTF-8 (issue-N.json, feed.xml).
_UTF8_TYPES = {"application/json", "application/xml", "application/atom+xml", "application/rss+xml"}


class PreviewError(CuratorError):
    """The preview cannot start (no such folder, the port is taken)."""


class _Handler(SimpleHTTPRequestHandler):
    """Static files from the output folder, not cached, each request recorded, nothing logged."""

    server: PreviewServer

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        """A file's type, with `charset=utf-8` for the text curator writes (walk188 #5: the text
        edition was served as `text/plain` alone, and a browser showed `’` and an Arabic credit
        as `â€™` and `Ø³Ø§Ø±Ø©`)."""
        name = str(path).lower()
        if name.endswith(".md"):
            return "text/markdown; charset=utf-8"
        kind = super().guess_type(path)
        if kind.startswith("text/") or kind in _UTF8_TYPES:
            return f"{kind}; charset=utf-8"
        return kind

    def send_head(self):  # type: ignore[no-untyped-def]
        with self.server.lock:
            self.server.requests.append(self.path)
        page = self._page()
        if page is None or self.server.site_base is None:
            return super().send_head()
        body = local_links(page.read_bytes(), self.server.site_base, self.server.folder)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(page)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _page(self) -> Path | None:
        """The HTML page of the folder a request asks for (a folder's index.html), else None."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        return path if path.suffix.lower() == ".html" and path.is_file() else None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


class PreviewServer(ThreadingHTTPServer):
    """A static file server on 127.0.0.1 that remembers the paths it was asked for."""

    daemon_threads = True

    def __init__(self, folder: Path, port: int, site_url: str | None = None) -> None:
        self.folder = folder
        #: The newsletter's `site_url` (with its "/"): links to the folder's files under it are
        #: served as the preview's own.
        self.site_base = site_url.rstrip("/") + "/" if site_url else None
        self.requests: list[str] = []
        self.lock = threading.Lock()
        super().__init__((HOST, port), partial(_Handler, directory=str(folder)))

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"


def local_links(page: bytes, site_base: str, folder: Path) -> bytes:
    """`page` with each link to a file of `folder` at the newsletter's site (`site_base` + name)
    made the preview's own ("/" + name) (walk197 #7: the archive's links, absolute with
    `site_url`, took a preview's reader to the live site: a 404 before the upload, or the old
    issue). Other links on the site (an article of the editor's own blog) stay as they are."""
    pattern = re.compile(re.escape(site_base.encode()) + rb"([A-Za-z0-9._-]+)")

    def local(found: re.Match[bytes]) -> bytes:
        name = found.group(1).decode("ascii")
        return b"/" + found.group(1) if (folder / name).is_file() else found.group(0)

    return pattern.sub(local, page)


def serve(folder: Path, port: int = 0, site_url: str | None = None) -> tuple[PreviewServer, str]:
    """Start serving `folder` on 127.0.0.1 in a background thread; returns the server and its URL.
    Links to the folder's files at `site_url` are served as the preview's own (`local_links`).

    Port 0 picks a free port. Stop it with `server.shutdown()`.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise PreviewError(f"{folder} is not a folder; run `curator build` first")
    try:
        server = PreviewServer(folder.resolve(), port, site_url)
    except OSError as exc:
        raise PreviewError(
            f"cannot listen on {HOST}:{port} ({exc.strerror or exc}); try another --port"
        ) from None
    thread = threading.Thread(target=server.serve_forever, name="curator-preview", daemon=True)
    thread.start()
    return server, server.url


def serve_until_interrupted(
    folder: Path,
    port: int = 0,
    announce: Callable[[str], None] = print,
    site_url: str | None = None,
) -> None:
    """For `curator preview`: serve, say the URL, and stop cleanly on Ctrl-C."""
    server, url = serve(folder, port, site_url)
    page = "latest.html" if (Path(folder) / "latest.html").is_file() else ""
    try:  # (a SIGTERM while it says so stops it as one while it serves: exit 143, walk57 #7)
        announce(f"Previewing {folder} at {url}{page} (Ctrl-C to stop)")
        if site_url:
            announce(
                f"Links to the issues at {site_url} open here, in the preview; the published"
                " files keep them as they are"
            )
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
