"""The values feeds.yaml shares with the commands that write it (`feeds add`, `build --out`): a
feed's address and name checked, a `~/` path read."""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from curator.urls import address_fault, address_meant, feed_address, lowered_scheme, scheme_left_out

#: Curly quotes that open and close a value (a word processor's, in place of " and ').
CURLY_OPEN, CURLY_CLOSE = "\u201c\u2018", "\u201d\u2019"


def one_line_name(name: str) -> str:
    """A feed's `name:` as one line of a credit: its lines joined by a space, and any "||" (which
    an issue prints between an article's author and its publication) left out (walk155 #1: the
    line-break refusal advised `name: "Small Weekly || Journal"`, published as a third part)."""
    return " ".join(name.replace("||", " ").split())


def name_bars_fault(name: str) -> str:
    """Why a feed's name holding "||" is refused, and the name to write instead."""
    written = json.dumps(name, ensure_ascii=False)
    one = json.dumps(one_line_name(name), ensure_ascii=False)
    return (
        f'`name: {written}` holds "||", which an issue prints between an article\'s author and'
        " its publication (the author comes from each article): write the publication's name"
        f" alone, `name: {one}`"
    )


def home_path(text: str) -> Path | None:
    """`~/x` (or `~` alone, `~user/x`) with the home folder written out, as a shell reads it; None
    when it cannot be: `~` with HOME unset (a stripped cron or service environment, where
    curator will not guess whose home is meant), or `~user` of no user here."""
    first = text.replace("\\", "/").split("/", 1)[0]
    if first == "~" and not os.environ.get("HOME"):
        return None
    expanded = os.path.expanduser(text)
    return None if expanded.startswith("~") else Path(expanded)


def check_feed_address(url: str, path: Path, error: Callable[[str], Exception]) -> str:
    """The feed's address `url` (as feeds.yaml at `path` has it) as curator reads it: an http(s)
    address with its scheme lower-cased (`HTTPS://...`, walk152 #1: read as a file, it crashed
    every build), or a local file's resolved path; else raises `error(the fix)`. feeds.yaml's
    check, and `feeds add`'s before it writes a line (walk152 #2)."""
    text = url.strip()
    if len(text) > 2 and text[0] in CURLY_OPEN and text[-1] in CURLY_CLOSE:
        # A word processor's quotes are text to YAML, part of the address (walk152 #12).
        raise error(
            f"`{url}` is in curly quotes, which YAML reads as part of the address, not as quotes:"
            f" write `url: {text[1:-1].strip()}`"
        )
    try:
        parts = urlsplit(url)
    except ValueError:  # `http://[zz]/feed` (walk152 #7): `address_fault` says what is wrong
        parts = None
    meant = address_meant(url)
    scheme = parts.scheme if parts is not None else url.strip().partition(":")[0].lower()
    if scheme in ("http", "https"):
        if parts is not None and not parts.hostname and meant and meant != url:
            raise error(_mistyped_scheme(url, meant))  # `https:/site/feed`
        if fault := address_fault(url):
            raise error(f"`{url}`: {fault}")
        if any(ch.isspace() for ch in url.strip()):
            fixed = re.sub(r"\s", "%20", url.strip())
            raise error(f'`{url}` holds a space: write "{fixed}" (a space as %20)')
        return lowered_scheme(url.strip())
    if parts is None:
        raise error(f"`{url}` is not a valid address; write it as https://site/feed")
    if scheme == "file":
        return str(Path(parts.path).resolve())
    if scheme == "feed" and (read := feed_address(url)[0]).startswith(("http://", "https://")):
        # What `feeds import` reads it as, and `feeds add` writes (walk152 #2).
        raise error(
            f"`{url}` is a feed reader's link (`feed:` only asks a feed reader to open the"
            f" address after it): write `{read}`"
        )
    if scheme and len(scheme) > 1:
        if meant:
            raise error(_mistyped_scheme(url, meant))
        if web := scheme_left_out(url):  # `example.com:8080/feed` (walk180 #6)
            raise error(_web_without_scheme(url, web))
        raise error(f"`{url}` uses `{scheme}:`; a feed is an http(s) address or a path to a file")
    # A missing file is a feed that fails, as a feed whose server is down does: the build
    # reports it (with the path it looked at) and builds the rest of the issue. But not a
    # path that is a typing slip, which would fail every build, said with no line (walk68 #4).
    local = path.parent / url
    if not local.exists():
        if meant:  # `http//site/feed`, `http;//site/feed`, `http\\site\feed` (walk72 #1)
            raise error(_mistyped_scheme(url, meant))
        word = re.split(r"[/\\]", url, maxsplit=1)[0].rstrip(":;. ").lower()
        if difflib.get_close_matches(word, ["http", "https"], n=1, cutoff=0.7):
            raise error(
                f"no file `{url}`, and it starts like a web address with its https:// mistyped:"
                " write the feed's address as https://site/feed",
            )
        if "\\" in url:
            raise error(
                f"no file `{url}`: write a path with forward slashes, even on Windows:"
                f" `{url.replace(chr(92), '/')}`",
            )
        if web := scheme_left_out(url):
            raise error(_web_without_scheme(url, web))
    return str(local.resolve())


def _web_without_scheme(url: str, web: str) -> str:
    scheme = web.split(":", 1)[0]
    other = "https" if scheme == "http" else "http"
    return (
        f"no file `{url}`, and it looks like a web address without its {scheme}://: write"
        f" `{web}` (or {other}:// if that is what the site uses)"
    )


def _mistyped_scheme(url: str, meant: str) -> str:
    scheme = meant.split(":", 1)[0]
    return f"`{url}` is no web address (its `{scheme}://` is mistyped) and no file: write `{meant}`"
