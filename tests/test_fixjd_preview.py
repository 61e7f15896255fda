"""walk188 #5 (fixjd): `curator preview` served the text edition as `text/plain` with no charset
(and issue-N.md as `text/markdown`), so a browser read it in its own default encoding: every `’`
showed as `â€™` and an Arabic credit as `Ø³Ø§Ø±Ø©`. A `curator preview` of an issue built from a
draft (`test_fixjd_markdown_editions.built`), started on a free port and read with httpx."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from test_fixjd_markdown_editions import built

from conftest import REPO

__all__ = ["built"]  # the fixture, shared


@pytest.fixture(scope="module")
def preview(built: Path) -> Iterator[str]:
    """`curator preview --out OUTPUT --port 0` running: the address it says it serves at."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "curator", "preview", "--out", str(built), "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith(f"Previewing {built} at http://127.0.0.1:"), line
        yield line.split(" at ", 1)[1].split()[0].rsplit("/", 1)[0] + "/"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("issue-1.txt", "text/plain; charset=utf-8"),
        ("issue-1.md", "text/markdown; charset=utf-8"),
        ("issue-1.html", "text/html; charset=utf-8"),
        ("issue-1.json", "application/json; charset=utf-8"),
        ("feed.xml", "application/xml; charset=utf-8"),
    ],
)
def test_preview_says_each_edition_is_utf8(preview: str, built: Path, name: str, kind: str) -> None:
    response = httpx.get(preview + name, timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"] == kind
    assert response.text == (built / name).read_text(encoding="utf-8")
