"""walk69 #2: code read as sentences in a blurb. The Google Testing Blog's "Code Health: Reduce
Nesting, Reduce Complexity" (a Python listing in a <pre>) was published with "... error-prone.
GetStatus() == RPC.OK: if response. GetAuthorizedUser(): if response.": a sentence with code in it
(a call, a comparison, braces, a statement's ";", a dotted CamelCase name) is no blurb sentence."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
import yaml

from conftest import LocalServer, run_cli

NESTING = "Code Health: Reduce Nesting, Reduce Complexity"
MANY_LINKS = "feeds/real/rss-parser/input/many-links.rss"
CODE = ("GetStatus()", "==", "RPC.OK", "response.", "GetAuthorizedUser", "{", "}", "->", ");")

#: A small blog post: prose, a listing in a <pre> (lines broken with <br>), then more prose.
LISTING_POST = (
    "<p>Deep nesting hurts readability and makes errors easy to miss.</p><pre>result ="
    " server.Call(request)<br>if result.GetStatus() == RPC.OK:<br>  if result.GetUser():<br>"
    "    total = sum(vals) / len(vals)<br>    return total</pre><p>A guard clause checks a"
    " condition and returns early when it fails. The code after it reads as a straight line.</p>"
)


def newsletter(tmp_path: Path, server: LocalServer, feeds: dict[str, bytes]) -> Path:
    config = {
        "newsletter": {"title": "Test Weekly", "editor": "Ed"},
        "subjects": [{"name": "Code", "keywords": ["code", "nesting", "guard", "bug"]}],
        "feeds": [{"url": server.add(f"/{name}", body)} for name, body in feeds.items()],
        # Offline: the pages are on the internet (or nowhere), so only the feeds count.
        "settings": {"fetch_pages": False, "allow_private_addresses": True, "timeout": 5},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def blurbs(config: Path) -> dict[str, str]:
    code, _, err = run_cli("build", "--config", str(config), "--all-subjects")
    assert code == 0, err
    issue = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        stored = dict(db.execute("SELECT title, blurb FROM articles"))
    for blurb in stored.values():
        assert blurb in issue
    return stored


def test_a_listing_in_a_small_post_is_left_out_of_its_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    title = "Guard Clauses Reduce Nesting"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Code Notes</title>'
        "<link>http://127.0.0.1/</link><description>x</description><item>"
        f"<title>{title}</title><link>http://127.0.0.1/guard.html</link>"
        "<pubDate>Fri, 04 Dec 2026 11:00:00 GMT</pubDate>"
        f"<description><![CDATA[{LISTING_POST}]]></description></item></channel></rss>"
    )
    blurb = blurbs(newsletter(tmp_path, http_server, {"code.xml": feed.encode()}))[title]
    assert blurb.startswith("Deep nesting hurts readability"), blurb
    assert "A guard clause checks a condition" in blurb, blurb
    for token in CODE + ("GetUser", "len(vals)", "result."):
        assert token not in blurb, (token, blurb)


def test_the_google_testing_blogs_listing_is_left_out_of_its_blurb(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    path = corpus / MANY_LINKS
    if not path.is_file():
        pytest.skip(f"the corpus feed {path} is missing")
    text = path.read_text(encoding="utf-8")
    entries = list(re.finditer(r"<entry>.*?</entry>", text, re.S))
    kept = [m.group(0) for m in entries if f">{NESTING}</title>" in m.group(0)]
    assert len(kept) == 1, f"{MANY_LINKS} no longer has {NESTING!r}"
    body = text[: entries[0].start()] + kept[0] + text[entries[-1].end() :]
    blurb = blurbs(newsletter(tmp_path, http_server, {"gtb.xml": body.encode()}))[NESTING]
    assert "Deeply nested code hurts readability and is error-prone." in blurb, blurb
    for token in CODE:
        assert token not in blurb, (token, blurb)
