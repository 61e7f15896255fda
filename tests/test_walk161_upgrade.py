"""walk161: an editor who used an older curator for weeks, then today's, then went back. Through
the CLI, against feeds on a real HTTP server on 127.0.0.1, with a real SQLite store."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from test_walk111_copies import featured, newsletter, syndicate

from conftest import LocalServer
from conftest import run_cli as run


def test_build_draft_stops_for_a_story_an_earlier_issue_published_unless_said_again(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk161 #1: `build --draft` of a draft an older curator wrote (before drafts left out
    stories told before) published articles telling the same story (100% shared text) as ones
    issues 2 and 3 published, with no word, where `curator draft` leaves them out. Any draft
    naming one (an address added by hand too) stops, as one naming an article featured before
    does, until `feature_again:` lists it."""
    config = newsletter(tmp_path, http_server, articles=4, size=1)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    (first,) = featured(tmp_path, 1)
    # The draft of issue 2 is written before the copy appears (as by a curator that did not
    # look for stories told before); the editor then adds the copy by its address.
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    (copy,) = syndicate(http_server, [int(first.rsplit("-", 1)[1])])
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    drafted = draft.read_text(encoding="utf-8")
    heading = drafted.index("\n## ", drafted.index("\n# Coffee"))
    draft.write_text(drafted[:heading] + f"\n## {copy}\n" + drafted[heading:], encoding="utf-8")

    code, out, err = run("build", "--config", str(config), "--draft", str(draft))
    flat = " ".join(err.split())
    assert code == 2, (out, err)
    assert f"({copy}) is the same story as" in flat, flat
    assert f"({first}), which issue 1 published" in flat, flat
    assert f"feature_again: [{copy}]" in flat, flat
    assert not (tmp_path / "output" / "issue-2.json").exists()

    # Listed under feature_again:, it is published as the editor says.
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("---\n", f"---\nfeature_again: [{copy}]\n", 1), encoding="utf-8")
    code, out, err = run("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, (out, err)
    assert copy in featured(tmp_path, 2)


def test_subjects_list_places_an_older_issue_s_article_under_the_issue_s_subject(
    demo: Path,
) -> None:
    """walk161 #4: an issue an older curator published from a draft that moved an article to
    "Measuring the customer experience" left it stored where it scored best (its builds never
    placed featured articles under their issue's subject); after the upgrade `subjects list`
    listed it there while `subjects explain` said "there because issue 1 published it there".
    Listed under the issue's subject, said once."""
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    url = "https://brightline.example/blog/delight-or-effortless"
    # As the older curator left it: the issue's row says one subject, the placement another.
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        (published,) = db.execute(
            "SELECT ia.subject FROM issue_articles ia JOIN articles a ON a.id = ia.article_id"
            " WHERE a.url = ?",
            (url,),
        ).fetchone()
        assert published == "The basics of customer experience"
        db.execute(
            "UPDATE assignments SET subject = 'Measuring the customer experience'"
            " WHERE article_id = (SELECT id FROM articles WHERE url = ?)",
            (url,),
        )

    code, out, err = run("subjects", "list", "--config", str(demo), "--json")
    assert code == 0, err
    (listed,) = [a for a in json.loads(out) if a["url"] == url]
    assert listed["subject"] == listed["published_under"] == published, listed
    assert "listed under their issue's subject from now on" in " ".join(err.split()), err
    code, out, err = run("subjects", "list", "--config", str(demo), "--json")
    assert code == 0 and "issue's subject" not in err, err
    (listed,) = [a for a in json.loads(out) if a["url"] == url]
    assert listed["subject"] == published, listed


def test_render_says_which_files_changed_only_in_markup_and_marks_no_feed_entry_updated(
    demo: Path,
) -> None:
    """walk161 #5: `render --all` after the upgrade rewrote every old issue's files (`<bdi>`
    credits, `lang`, headings a level down) and said only which files changed; feed.xml marked
    issue 1 updated though only the markup of its entry had changed. Here issue 1's page and
    feed entry are written as another curator's templates wrote them (other markup, the same
    text)."""
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 0, err
    out_dir = demo.parent / "output"
    page, feed = out_dir / "issue-1.html", out_dir / "feed.xml"
    html = page.read_text(encoding="utf-8")
    assert "<p>" in html
    page.write_text(html.replace("<p>", '<p class="older">'), encoding="utf-8")
    xml = feed.read_text(encoding="utf-8")
    assert "&lt;h4" in xml
    feed.write_text(xml.replace("&lt;h4", "&lt;h5").replace("&lt;/h4&gt;", "&lt;/h5&gt;"), "utf-8")
    updated = re.findall(r"<updated>[^<]*</updated>", xml)

    code, out, err = run("render", "--all", "--config", str(demo))
    flat = " ".join(out.split())
    assert code == 0, (out, err)
    assert "issue-1.html" in flat and "feed.xml" in flat, flat  # (both written again)
    assert "Only the markup of issue-1.html changed, not what a reader reads in them" in flat, flat
    assert "feed.xml marks the entry" not in flat, flat
    assert re.findall(r"<updated>[^<]*</updated>", feed.read_text(encoding="utf-8")) == updated
    assert page.read_text(encoding="utf-8") == html
