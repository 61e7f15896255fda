"""Local feeds: reading a file the editor's own configuration names (a plain path or a file://
URL) as `curator.fetch` reads a web address, within the same byte cap and with the same typed
failures (no such file, a folder, a FIFO, permission denied, too large); and the test a local
feed's links are held to (`local_file_exists`).
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
import stat
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from curator.fetch_failures import FetchFailure, size_text, too_large
from curator.fetch_request import FetchRequest, FetchSettings
from curator.models import FetchResult


def local_path(url: str) -> str | None:
    """The local path `url` names (a plain path or a file:// URL), or None for anything else."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            return None
        return url2pathname(parts.path)
    if scheme == "" and not parts.netloc and text:
        return text
    if os.name == "nt" and len(scheme) == 1:  # C:\feeds\local.xml
        return text
    return None


def local_file_exists(url: str) -> bool:
    """True when `url` (a file: URL or a path) names a file on this machine: the test a local
    feed's links are held to (`curator.feeds.parse_feed`'s `page_exists`)."""
    path = local_path(url)
    return path is not None and Path(path).expanduser().is_file()


async def read_file(request: FetchRequest, path: str, settings: FetchSettings) -> FetchResult:
    """Read a local file named by the editor's own configuration, within the byte cap."""
    if not request.allow_file:
        raise FetchFailure("blocked", f"reading local files is not allowed here: {request.url}")
    began = time.monotonic()
    content = await asyncio.to_thread(_read_bounded, Path(path).expanduser(), settings)
    return FetchResult(
        url=request.url,
        final_url=request.url,
        content=content,
        content_type=mimetypes.guess_type(path)[0],
        elapsed=time.monotonic() - began,
    )


def _read_bounded(path: Path, settings: FetchSettings) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise FetchFailure("file", f"{path} is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise FetchFailure("file", f"{path} is not a regular file")
        if info.st_size > settings.max_bytes:
            raise too_large(settings, f" ({path} is {size_text(info.st_size)})")
        with path.open("rb") as handle:
            content = handle.read(settings.max_bytes + 1)
    except FileNotFoundError as exc:
        raise FetchFailure("file", f"no such file: {path}") from exc
    except PermissionError as exc:
        raise FetchFailure("file", f"cannot read {path}: permission denied") from exc
    except OSError as exc:
        raise FetchFailure("file", f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(content) > settings.max_bytes:
        raise too_large(settings)
    return content
