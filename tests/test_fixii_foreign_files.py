"""walk179 #2: building into a blog's folder replaced the blog's own index.html and feed.xml
without a word; curator now stops, before anything is fetched or written, for a file of those
names it did not write."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import copy_demo, run_cli, said_as_one

HOME_PAGE = "<!DOCTYPE html><html><body><h1>My personal blog home page</h1></body></html>\n"
BLOG_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>My blog</title>'
    "<generator>Hugo</generator></channel></rss>\n"
)


def _blog(tmp_path: Path) -> Path:
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "index.html").write_text(HOME_PAGE, encoding="utf-8")
    (blog / "feed.xml").write_text(BLOG_FEED, encoding="utf-8")
    return blog


def test_build_into_a_blog_folder_stops_before_replacing_its_home_page_and_feed(
    tmp_path: Path,
) -> None:
    config = copy_demo(tmp_path)
    blog = _blog(tmp_path)
    code, out, err = run_cli("build", "--config", str(config), "--out", str(blog))
    said = said_as_one(err)
    assert code == 1, out + err
    assert f"{blog / 'index.html'}" in said and f"{blog / 'feed.xml'}" in said
    assert "curator did not write" in said
    assert "Nothing was fetched or published" in said
    # The ways on: another folder, or leave the edition out of settings: outputs.
    assert "--out" in said and "settings: outputs" in said
    assert (blog / "index.html").read_text(encoding="utf-8") == HOME_PAGE
    assert (blog / "feed.xml").read_text(encoding="utf-8") == BLOG_FEED
    assert sorted(p.name for p in blog.iterdir()) == ["feed.xml", "index.html"]
    # Stopped before any feed was read: the store holds no article.
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone() == (0,)


def test_leaving_index_and_feed_out_of_outputs_publishes_beside_the_blogs_own(
    tmp_path: Path,
) -> None:
    config = copy_demo(tmp_path)
    blog = _blog(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("settings:\n", "settings:\n  outputs: [html, fragment, json]\n", 1),
        encoding="utf-8",
    )
    code, out, err = run_cli("build", "--config", str(config), "--out", str(blog), "-q")
    assert code == 0, out + err
    assert (blog / "issue-1.html").is_file()
    assert (blog / "index.html").read_text(encoding="utf-8") == HOME_PAGE
    assert (blog / "feed.xml").read_text(encoding="utf-8") == BLOG_FEED


def test_curators_own_archive_is_replaced_as_before(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    out_dir = tmp_path / "site"
    for theme in ("The basics of customer experience", "Measuring the customer experience"):
        code, out, err = run_cli(
            "build", "--config", str(config), "--out", str(out_dir), "--subject", theme, "-q"
        )
        assert code == 0, out + err
    assert "issue-2" in (out_dir / "index.html").read_text(encoding="utf-8")
    code, out, err = run_cli("render", "--all", "--config", str(config), "--out", str(out_dir))
    assert code == 0, out + err


def test_render_stops_before_replacing_a_home_page_curator_did_not_write(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    out_dir = tmp_path / "site"
    code, out, err = run_cli("build", "--config", str(config), "--out", str(out_dir), "-q")
    assert code == 0, out + err
    (out_dir / "index.html").write_text(HOME_PAGE, encoding="utf-8")
    code, out, err = run_cli("render", "1", "--config", str(config), "--out", str(out_dir))
    assert code == 1, out + err
    said = said_as_one(err)
    assert f"{out_dir / 'index.html'}" in said and "curator did not write" in said
    assert (out_dir / "index.html").read_text(encoding="utf-8") == HOME_PAGE
