"""walk187 #7: after an upgrade (the scorer changed, and a migration forgot how far placement had
got), `subjects list` moved two articles from "No subject" into a subject and said only
"placing new articles under subjects", though none was new; the line about an older issue's
article kept under its issue's subject named no article. Through the CLI, with 20 Newsgroups
posts from the shared corpus served on 127.0.0.1 and a real SQLite store placed as an older
curator left it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from test_subjects_editor import family

from conftest import run_cli as run


def older_curator(config: Path) -> tuple[list[str], str]:
    """The store as an older curator with another scorer left it, upgraded: two unfeatured
    articles placed elsewhere (one under no subject, one under another subject), one article
    issue 1 published stored under another subject than the issue's, and no record of the
    model that placed them but its rows' own fingerprint (migration 8 forgets the record; an older
    curator recorded no scorer).
    Returns the two articles' titles and the published one's."""
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        subjects = [r[0] for r in db.execute("SELECT DISTINCT subject FROM issue_articles")]
        rows = db.execute(
            "SELECT a.id, a.title, s.subject FROM articles a JOIN assignments s"
            " ON s.article_id = a.id WHERE s.subject IS NOT NULL AND a.id NOT IN"
            " (SELECT article_id FROM issue_articles) ORDER BY a.id LIMIT 2"
        ).fetchall()
        (first, first_title, _), (second, second_title, second_subject) = rows
        other = next(s for s in subjects if s != second_subject)
        db.execute("UPDATE assignments SET subject = NULL WHERE article_id = ?", (first,))
        db.execute("UPDATE assignments SET subject = ? WHERE article_id = ?", (other, second))
        published, published_title, issue_subject = db.execute(
            "SELECT a.id, a.title, ia.subject FROM issue_articles ia JOIN articles a"
            " ON a.id = ia.article_id ORDER BY ia.position LIMIT 1"
        ).fetchone()
        elsewhere = next(s for s in subjects if s != issue_subject)
        db.execute(
            "UPDATE assignments SET subject = ? WHERE article_id = ?", (elsewhere, published)
        )
        db.execute("UPDATE assignments SET fingerprint = '0123456789abcdef'")
        db.execute(
            "DELETE FROM meta WHERE key IN ('placed_fingerprint', 'placed_through',"
            " 'placed_scorer')"
        )
    db.close()
    return [first_title, second_title], published_title


def test_an_upgrade_s_new_scorer_says_which_articles_changed_subject(
    tmp_path: Path, http_server, corpus: Path
) -> None:
    config, _ = family(tmp_path, http_server, corpus, "sci-train.jsonl", "science.yaml", 22)
    code, _, err = run("build", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    moved, published = older_curator(config)
    store = config.parent / ".curator"
    shutil.copytree(store, tmp_path / "kept")

    code, _, err = run("subjects", "list", "--config", str(config))
    assert code == 0, err
    flat = " ".join(err.split())
    assert "placing new articles" not in flat, flat
    assert "this curator places articles differently from the one that placed them" in flat, flat
    said = flat.split("curator places the stored articles again with its new scorer: ", 1)
    assert len(said) == 2 and said[1].startswith("2 changed subject: "), flat
    for title in moved:
        assert f'"{" ".join(title.split())[:40]}' in said[1], (title, flat)
    kept = flat.split("are listed under their issue's subject from now on", 1)
    assert len(kept) == 2 and f'"{" ".join(published.split())[:40]}' in kept[1], flat

    # --quiet: no progress, the one line each (said once: the store keeps the new places).
    shutil.rmtree(store)
    shutil.copytree(tmp_path / "kept", store)
    code, _, err = run("subjects", "list", "--config", str(config), "-q")
    assert code == 0, err
    lines = err.splitlines()
    assert all(line.startswith("curator: warning: ") for line in lines), err
    assert sum("with its new scorer: 2 changed subject" in line for line in lines) == 1, err
    code, _, err = run("subjects", "list", "--config", str(config))
    assert code == 0 and "new scorer" not in err and "issue's subject" not in err, err
