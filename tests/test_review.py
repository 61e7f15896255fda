"""The editor's review through the CLI: draft, edit, publish exactly the edits, in every format."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import feedparser
import yaml

from conftest import EXAMPLES, LocalServer
from conftest import run_cli as run

CUT = "https://northwind-cx.example/2025/06/five-definitions-of-customer-experience/"
REWRITE = "https://supportdesk-review.example/metrics/csat-nps-ces-compared"
MOVE = "https://supportdesk-review.example/operations/first-response-time"
NEW_BLURB = "Our own two sentences about the three scores. Read it before your next survey."


def blocks(text: str) -> list[str]:
    """A draft split into its '## ' article blocks (the first part holds front matter and intro)."""
    return re.split(r"(?m)^(?=## |# )", text)


def edit(draft: str) -> str:
    """Cut one article, rewrite a blurb, move one article to another subject."""
    parts = blocks(draft)
    moved = next(p for p in parts if f"url: {MOVE}" in p)
    kept = []
    for part in parts:
        if f"url: {CUT}" in part or part is moved:
            continue
        if f"url: {REWRITE}" in part:
            head = part.split("\n\n")[0]
            part = f"{head}\n\n{NEW_BLURB}\n\n"
        kept.append(part)
        if part.startswith("# Voice of the customer"):
            kept.append(moved)
    return "".join(kept)


def test_a_reviewed_draft_is_published_exactly_in_every_format(demo: Path) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    code, out, err = run("draft", "--config", str(demo))
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    assert f"Draft of issue 1: {path}" in out
    draft = path.read_text(encoding="utf-8")
    assert CUT in draft and REWRITE in draft and MOVE in draft
    # Drafting features nothing: a second draft would hold the same articles.
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db")
    assert db.execute("SELECT COUNT(*) FROM issue_articles").fetchone()[0] == 0

    path.write_text(edit(draft), encoding="utf-8")
    code, out, err = run("build", "--config", str(demo), "--draft", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["issue"] == 1
    out_dir = demo.parent / "output"

    page = (out_dir / "issue-1.html").read_text(encoding="utf-8")
    assert CUT not in page
    assert NEW_BLURB in page
    voice = page.split(">Voice of the customer<", 1)[1]
    assert MOVE in voice
    assert MOVE not in page.split(">Service operations<", 1)[1].split("<h2", 1)[0]

    for name in (
        "issue-1.fragment.html",
        "issue-1.md",
        "issue-1.email.html",
        "issue-1.txt",
        "issue-1.json",
    ):
        text = (out_dir / name).read_text(encoding="utf-8")
        assert CUT not in text, name
        assert NEW_BLURB in text, name
        assert MOVE in text, name
    data = json.loads((out_dir / "issue-1.json").read_text(encoding="utf-8"))
    subjects = {s["subject"]: [a["url"] for a in s["articles"]] for s in data["sections"]}
    assert MOVE in subjects["Voice of the customer"]
    front = (out_dir / "issue-1.md").read_text(encoding="utf-8").split("---")[1]
    assert yaml.safe_load(front)["title"].startswith("Customer Experience Weekly")
    email = (out_dir / "issue-1.email.html").read_text(encoding="utf-8")
    assert "<style" not in email and "<script" not in email

    # Publishing recorded exactly the draft's articles as featured.
    featured = {
        r[0]
        for r in db.execute(
            "SELECT a.url FROM issue_articles ia JOIN articles a ON a.id = ia.article_id"
        )
    }
    assert CUT not in featured and MOVE in featured and REWRITE in featured

    # The next weekly build features the cut article (never featured) and no published one.
    code, out, err = run("build", "--config", str(demo), "--json", "-q")
    assert code == 0, err
    second = (out_dir / "issue-2.html").read_text(encoding="utf-8")
    assert CUT in second and REWRITE not in second
    feed = feedparser.parse((out_dir / "feed.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 2
    index = (out_dir / "index.html").read_text(encoding="utf-8")
    assert index.index("issue-2.html") < index.index("issue-1.html")


def test_a_draft_with_a_mistake_names_its_line_and_publishes_nothing(demo: Path) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    assert run("draft", "--config", str(demo))[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("url: "))
    lines[at] = "url: javascript:alert(1)"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 2
    assert f"{path}:{at + 1}:" in err
    assert not (demo.parent / "output" / "issue-1.html").exists()


def test_a_draft_may_add_an_article_by_url(demo: Path, http_server: LocalServer) -> None:
    page = EXAMPLES / "pages" / "office-coffee-machine.html"
    url = http_server.add("/coffee.html", page.read_bytes(), content_type="text/html")
    text = demo.read_text(encoding="utf-8").replace(
        "settings:\n", "settings:\n  allow_private_addresses: true\n"
    )
    demo.write_text(text, encoding="utf-8")
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    assert run("draft", "--config", str(demo))[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    draft = path.read_text(encoding="utf-8").replace(
        "# Service operations\n", f"# Service operations\n\n## {url}\n\n"
    )
    path.write_text(draft, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    html = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "The Office Coffee Machine Has Opinions" in html
    assert http_server.seen("/coffee.html")


def test_a_published_draft_cannot_be_published_twice(demo: Path) -> None:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    assert run("draft", "--config", str(demo))[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    # A second `draft` would lose the editor's edits: refused unless --force.
    path.write_text(path.read_text(encoding="utf-8") + "\nMy edit.\n", encoding="utf-8")
    code, _, err = run("draft", "--config", str(demo))
    assert code == 1 and "exists already" in err
    assert path.read_text(encoding="utf-8").endswith("My edit.\n")
    assert run("draft", "--config", str(demo), "--force")[0] == 0
    assert "My edit." not in path.read_text(encoding="utf-8")

    assert run("build", "--config", str(demo), "--draft", str(path))[0] == 0
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 1
    assert "the draft is issue 1, but the next issue is 2; it was published already" in err
