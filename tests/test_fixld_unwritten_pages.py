"""walk197 #2: with `html` left out of `settings: outputs`, index.html, feed.xml, the email's
footer and the text edition linked `issue-N.html`, which the build never wrote: every reader who
clicked "Read it on the web" got a 404, and nothing said so. They now link the edition that is
written (the email's web copy, issue-N.email.html), and feeds.yaml's `outputs` line says so."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import copy_demo, run_cli, said_as_one

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://blog.example.com/cx-weekly/"


def _with_outputs(tmp_path: Path, outputs: str) -> Path:
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("settings:\n", f"settings:\n  outputs: {outputs}\n", 1), encoding="utf-8"
    )
    return config


def _links_to_issues(text: str) -> set[str]:
    return set(re.findall(r"https://blog\.example\.com/cx-weekly/issue-\d+[.\w]*", text))


def test_without_the_page_every_link_goes_to_an_edition_that_is_written(tmp_path: Path) -> None:
    config = _with_outputs(tmp_path, "[email, text, json, index, feed]")
    out_dir = config.parent / "output"
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, out + err
    said = said_as_one(err)
    assert "leaves out `html`" in said
    assert "issue-N.email.html" in said
    assert "feeds.yaml:" in said  # the line to change
    assert not (out_dir / "issue-1.html").exists()
    written = {SITE + p.name for p in out_dir.iterdir()}

    index = (out_dir / "index.html").read_text(encoding="utf-8")
    email = (out_dir / "issue-1.email.html").read_text(encoding="utf-8")
    text = (out_dir / "issue-1.txt").read_text(encoding="utf-8")
    root = ET.fromstring((out_dir / "feed.xml").read_bytes())
    feed_links = {
        link.get("href") or ""
        for entry in root.iter(f"{ATOM}entry")
        for link in entry.iter(f"{ATOM}link")
    }
    assert f"{SITE}issue-1.email.html" in _links_to_issues(index)
    assert feed_links == {f"{SITE}issue-1.email.html"}
    assert f"Read it on the web: {SITE}issue-1.email.html" in " ".join(text.split())
    assert f'href="{SITE}issue-1.email.html"' in email
    for name, shown in (("index.html", index), ("email", email), ("text", text)):
        assert _links_to_issues(shown) <= written, name


def test_with_no_web_edition_nothing_links_a_page(tmp_path: Path) -> None:
    config = _with_outputs(tmp_path, "[json, index, feed]")
    out_dir = config.parent / "output"
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, out + err
    assert "links no page of the issue" in said_as_one(err)
    index = (out_dir / "index.html").read_text(encoding="utf-8")
    feed = (out_dir / "feed.xml").read_text(encoding="utf-8")
    assert not _links_to_issues(index)
    assert "issue-1.html" not in feed.replace('"tag:', "").split("<id>")[0]
    root = ET.fromstring(feed.encode())
    for entry in root.iter(f"{ATOM}entry"):
        assert not [x for x in entry.iter(f"{ATOM}link") if "issue-1" in (x.get("href") or "")]
    assert "Issue 1" in index  # the issue is still listed, by its name


def test_with_the_page_nothing_is_said(tmp_path: Path) -> None:
    config = _with_outputs(tmp_path, "[html, email, text, json, index, feed]")
    code, out, err = run_cli("build", "--config", str(config))
    assert code == 0, out + err
    assert "leaves out `html`" not in said_as_one(err)
    index = (config.parent / "output" / "index.html").read_text(encoding="utf-8")
    assert f"{SITE}issue-1.html" in _links_to_issues(index)
