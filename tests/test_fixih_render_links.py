"""walk179 #8: after `site_url` changed in feeds.yaml, `render --all` said the email edition's
"only the markup ... changed, not what a reader reads", though its "Read it on the web" link now
went elsewhere. Through the CLI on the offline demo."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli as run
from conftest import said_as_one


def test_a_link_gone_elsewhere_is_said_as_a_change_a_reader_meets(demo: Path) -> None:
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    out_dir = demo.parent / "output"
    email = out_dir / "issue-1.email.html"
    text = demo.read_text(encoding="utf-8")
    was = re.search(r"site_url: (\S+)", text)
    assert was is not None, "the demo's feeds.yaml sets site_url"
    assert f'href="{was.group(1)}issue-1.html"' in email.read_text(encoding="utf-8")
    new = "https://elsewhere.example.net/news/"
    demo.write_text(text.replace(was.group(0), f"site_url: {new}"), encoding="utf-8")

    code, out, err = run("render", "--all", "--config", str(demo))
    said = said_as_one(out)
    assert code == 0, (out, err)
    assert f'href="{new}issue-1.html"' in email.read_text(encoding="utf-8")
    assert "issue-1.email.html" in out.splitlines()[0], out  # (written again, changed)
    only = re.search(r"Only the markup of (.*?) changed, not what", said)
    assert only is None or "issue-1.email.html" not in only.group(1), said
    told = re.search(r"Issue 1 reads otherwise than before in ([^:]*), though", said)
    assert told is not None and "issue-1.email.html" in told.group(1), said
