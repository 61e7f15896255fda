"""walk126 (fixeb): what a feed changes about an article stored before. A feed correcting the
title and credit of its entries (same ids, same links) has them taken for the articles no issue
published, and said, with the fix, for those an issue did. Through the CLI, against a feed and
pages on a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import yaml
from test_walk108 import BACKLOG, DETRACTORS, SURVEYS, VOC, page

from conftest import EXAMPLES, LocalServer
from conftest import run_cli as run

HTML = "text/html; charset=utf-8"
DATE = "Tue, 01 Dec 2026 10:00:00 GMT"
LATER = "Tue, 08 Dec 2026 10:00:00 GMT"
STORIES = [*VOC, DETRACTORS, SURVEYS, BACKLOG]


def serve_week(
    server: LocalServer, corrected: bool = False, moved: bool = False, author: str = ""
) -> None:
    """Service Daily's five articles, credited to Jane Ortiz (or `author`); `corrected`: the
    same ids and links, titled "Rethinking it: ..." and credited to Corrected Person, in the feed
    and on the pages; `moved`: the same pages re-published at new links (/e2/) under new ids,
    dated a week later (the old pages still there)."""
    items = []
    credited = author
    for n, (title, text) in enumerate(STORIES):
        author = "Corrected Person" if corrected else credited or "Jane Ortiz"
        if corrected:
            title = "Rethinking it: " + title[0].lower() + title[1:]
        link = server.add(f"/daily/{n}.html", page(title, text, author), content_type=HTML)
        guid, date = f"daily-{n}", DATE
        if moved:
            link = server.add(f"/e2/{n}.html", page(title, text, author), content_type=HTML)
            guid, date = f"daily-new-{n}", LATER
        items.append(
            f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
            f"<author>desk@example.com ({author})</author><pubDate>{date}</pubDate></item>"
        )
    server.add(
        "/daily.xml",
        '<rss version="2.0"><channel><title>Service Daily</title>'
        f"<link>{server.url('/daily/')}</link>{''.join(items)}</channel></rss>",
    )


def first_issue(tmp_path: Path, server: LocalServer, author: str = "") -> tuple[Path, set[str]]:
    """feeds.yaml reading Service Daily under the demo's subjects, and the addresses issue 1
    published (of two articles), built from the feed's first week (its `author`, if given)."""
    serve_week(server, author=author)
    demo = yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))
    config = {
        "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 2},
        "subjects": demo["subjects"],
        "feeds": [{"url": server.url("/daily.xml"), "name": "Service Daily"}],
        "settings": {"allow_private_addresses": True},
    }
    path = tmp_path / "feeds.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    code, _, err = run("build", "--config", str(path), "--all-subjects")
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    published = {a["url"] for s in issue["sections"] for a in s["articles"]}
    published |= {
        c["url"] for s in issue["sections"] for a in s["articles"] for c in a["also_covered_by"]
    }
    assert 0 < len(published) < len(STORIES), published
    return path, published


def test_a_feed_correcting_titles_and_credits_is_taken_and_said(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk126 #1: week 2's feed gave the same items new titles ("Rethinking it: ...") and a
    new author; the build said "6 entries, 0 new" and nothing else, and issue 3 published a
    never-featured article with its old title and credit (`curator draft` wrote them too). The
    articles no issue published take the feed's (and page's) title and credit now, said once;
    one an issue published is named with the fix (its issue-N.json, then `curator render N`),
    and the issue is not changed."""
    path, published = first_issue(tmp_path, http_server)
    before = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")

    serve_week(http_server, corrected=True)
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    unpublished = len(STORIES) - len(published)
    assert (
        f"{unpublished} stored articles' titles or credits changed in their feed: taken" in err
    ), err
    assert "  Service Daily: " + str(unpublished) in err, err
    said = [line for line in err.splitlines() if "published in issue 1, is now" in line]
    assert len(said) == len(published), err
    assert all(
        '"Rethinking it: ' in line
        and "by Corrected Person in its feed" in line
        and f"{tmp_path / 'output' / 'issue-1.json'}, then `curator render 1" in line
        for line in said
    ), said
    draft = (tmp_path / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    assert "Jane Ortiz" not in draft, draft
    assert "Corrected Person" in draft, draft
    for title, _ in STORIES:
        assert f"## {title}" not in draft, draft
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        rows = {url: (t, a) for url, t, a in db.execute("SELECT url, title, authors FROM articles")}
    assert len(rows) == len(STORIES), rows  # nothing stored twice
    for url, (title, authors) in rows.items():
        if url in published:  # as issue 1 published it
            assert not title.startswith("Rethinking it: "), rows
        else:
            assert title.startswith("Rethinking it: "), rows
            assert json.loads(authors) == ["Corrected Person"], rows
    # The issue published is left as it was.
    assert (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8") == before

    # Said once: the next run, the feed unchanged since, says nothing of it.
    (tmp_path / "drafts" / "issue-2.md").unlink()
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    assert "changed in their feed" not in err and "is now" not in err, err


def test_a_feed_republishing_its_items_at_new_links_gives_no_new_articles(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk126 #2: week 2's feed re-published its items at new links (/e2/) under new ids,
    dated a week later, the pages' text the same. The run said "6 new", issue 2 counted the
    copies as waiting, and the next draft paired an article with its re-published copy as
    "Another piece in Service Daily on the same story". Each is the article stored before at a
    new address: said so, not new, not stored again; one no issue published is linked at the
    address the feed gives now (and keeps its first date), one issue 1 published keeps its."""
    path, published = first_issue(tmp_path, http_server)
    serve_week(http_server, moved=True)
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    assert (
        f"Service Daily: {len(STORIES)} of its new entries give new addresses for articles it"
        " gave before (the same page text): not new, so 0 new from it" in err
    ), err
    draft = (tmp_path / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    assert "Another piece" not in draft and "same story" not in draft, draft
    base = http_server.base
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        rows = dict(db.execute("SELECT url, published FROM articles").fetchall())
    assert len(rows) == len(STORIES), rows  # nothing stored twice
    for n in range(len(STORIES)):
        old, new = f"{base}/daily/{n}.html", f"{base}/e2/{n}.html"
        if old in published:  # as issue 1 published it
            assert old in rows and new not in rows, rows
        else:
            assert new in rows and old not in rows, rows
            assert new in draft and old not in draft, draft
            assert rows[new].startswith("2026-12-01"), rows  # its first date
    # The next run knows them all: nothing new, nothing said.
    (tmp_path / "drafts" / "issue-2.md").unlink()
    code, _, err = run("draft", "--config", str(path), "--all-subjects")
    assert code == 0, err
    assert "new addresses" not in err, err


def test_a_published_title_the_editor_corrected_is_quoted_as_printed(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk133 #4: the note that a feed changed a published article's title quoted the feed's
    old title, not the one the issue printed after the editor corrected it in issue-N.json."""
    path, published = first_issue(tmp_path, http_server)
    issue_json = tmp_path / "output" / "issue-1.json"
    issue = json.loads(issue_json.read_text(encoding="utf-8"))
    first = issue["sections"][0]["articles"][0]
    was, first["title"] = first["title"], "The editor's own title for it"
    issue_json.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(path))
    assert code == 0, err

    serve_week(http_server, corrected=True)
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    said = [line for line in err.splitlines() if "published in issue 1, is now" in line]
    assert len(said) == len(published), err
    assert sum('"The editor\'s own title for it", published in issue 1' in s for s in said) == 1
    assert not any(f'"{was}", published in issue 1' in s for s in said), said
