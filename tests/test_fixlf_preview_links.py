"""walk197 #7: with `site_url` set, `curator preview` served index.html whose links went to the
live site (https://blog.example.com/cx-weekly/issue-1.html): a reader of the preview left it for a
404 before the upload, or for the old issue. The preview now serves those links as its own, says
so when it starts, and the files on disk keep them as published."""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx

from conftest import REPO, copy_demo, run_cli

SITE = "https://blog.example.com/cx-weekly/"


def test_the_preview_keeps_its_reader_on_the_preview(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    out_dir = config.parent / "output"
    on_disk = (out_dir / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITE}issue-1.html"' in on_disk
    proc = subprocess.Popen(
        [sys.executable, "-m", "curator", "preview", "--config", str(config), "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True)  # type: ignore[union-attr]
        reader.start()
        first = lines.get(timeout=60)
        base = first.split(" at ", 1)[1].split()[0].rsplit("/", 1)[0] + "/"
        for path in ("index.html", ""):
            page = httpx.get(base + path, timeout=30)
            assert page.status_code == 200
            links = re.findall(r'href="([^"]+)"', page.text)
            assert "/issue-1.html" in links
            assert not [x for x in links if x.startswith(SITE)], links
            assert httpx.get(base + "issue-1.html", timeout=30).status_code == 200
        issue = httpx.get(base + "issue-1.html", timeout=30).text
        # the articles' own links are untouched
        assert re.search(r'href="https?://(?!blog\.example\.com)[^"]+"', issue)
        second = lines.get(timeout=10)
        assert f"Links to the issues at {SITE} open here" in second, second
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
    assert (out_dir / "index.html").read_text(encoding="utf-8") == on_disk
