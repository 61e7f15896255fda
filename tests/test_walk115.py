"""walk115's recheck of correcting a published issue in its issue-N.json: a file render could not
read (its last "}" left off, saved as Latin-1) was written again over the editor's corrections; a
deleted "url" published the article with no link; an edited "introduction_html", "closing_html"
or "blurb_html" was dropped without a word; a corrected address, introduction, closing line,
title, editor or section subject was published but not kept in the store. All through the command
line, on the offline demo (its feeds, its templates, a real SQLite store)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import copy_demo, run_cli, said_as_one


def _corrected(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "Customer Experience Weekly, corrected"
    return data


@pytest.mark.parametrize("how", ["last brace left off", "saved as Latin-1"])
def test_an_issue_json_render_cannot_read_is_kept_before_it_is_written_again(
    published_demo: Path, how: str
) -> None:
    """walk115 #1: the editor's file, corrections and all, was written over from the store with
    no copy kept; a Latin-1 file was "not UTF-8 text", with no line or column."""
    out = published_demo.parent / "output"
    path = out / "issue-1.json"
    before = path.read_text(encoding="utf-8")
    text = json.dumps(_corrected(path), indent=2, ensure_ascii=False)
    if how == "last brace left off":
        mine = text.rstrip().removesuffix("}").encode("utf-8")
    else:
        text = text.replace("Welcome to issue 1", "Bienvenue, café", 1)
        mine = text.encode("latin-1")
    path.write_bytes(mine)
    copy = out / "issue-1.json.unreadable"
    try:
        code, _, err = run_cli("render", "1", "--config", str(published_demo))
        assert code == 0, err
        said = said_as_one(err)
        assert f"issue 1: {path} cannot be read (" in said
        assert f"the file as it was is kept as {copy}" in said
        assert "rename it to issue-1.json (over the one written)" in said
        assert copy.read_bytes() == mine  # the editor's file, byte for byte
        assert path.read_text(encoding="utf-8") == before  # curator's, from the store
        if how == "saved as Latin-1":
            line = text[: text.index("café")].count("\n") + 1
            column = len(text[: text.index("café")].rsplit("\n", 1)[-1]) + 4
            assert f"byte 0xe9 at line {line}, column {column} is no UTF-8" in said
            assert "save it as UTF-8" in said
        else:
            assert "cut short, or not JSON: " in said
        # Rendered again, the copy is not written over nor named twice.
        code, _, err = run_cli("render", "1", "--config", str(published_demo))
        assert code == 0 and "unreadable" not in err, err
    finally:
        copy.unlink(missing_ok=True)
        path.write_text(before, encoding="utf-8")


def test_a_deleted_url_is_refused_as_a_deleted_title_is(published_demo: Path) -> None:
    """walk115 #2: with its "url" key deleted, the article was published with no link and the
    file written again with "url": null."""
    out = published_demo.parent / "output"
    path = out / "issue-1.json"
    before = path.read_text(encoding="utf-8")
    data = json.loads(before)
    title = data["sections"][0]["articles"][1]["title"]
    del data["sections"][0]["articles"][1]["url"]
    edited = json.dumps(data, indent=2, ensure_ascii=False)
    path.write_text(edited, encoding="utf-8")
    page = (out / "issue-1.html").read_bytes()
    try:
        code, stdout, err = run_cli("render", "1", "--config", str(published_demo))
        assert code == 2, err
        said = said_as_one(err)
        assert f'{path}: article 2 "{title}" of section 1 (sections[0].articles[1])' in said
        assert '"url" is missing: write an address in quotes ("https://..."), or null' in said
        assert "Rendered issue" not in stdout
        assert path.read_text(encoding="utf-8") == edited
        assert (out / "issue-1.html").read_bytes() == page
    finally:
        path.write_text(before, encoding="utf-8")


def test_an_edited_html_field_is_refused_naming_the_field_to_edit(published_demo: Path) -> None:
    """walk115 #3: edits to "introduction_html", "closing_html" and "blurb_html" were published
    nowhere and written over without a word."""
    out = published_demo.parent / "output"
    path = out / "issue-1.json"
    before = path.read_text(encoding="utf-8")
    data = json.loads(before)
    data["introduction_html"] = data["introduction_html"].replace("Welcome", "Hello", 1)
    data["closing_html"] = data["closing_html"].replace("Next time", "Soon", 1)
    data["sections"][0]["articles"][0]["blurb_html"] = "<p>A blurb of my own.</p>"
    edited = json.dumps(data, indent=2, ensure_ascii=False)
    path.write_text(edited, encoding="utf-8")
    try:
        code, _, err = run_cli("render", "1", "--config", str(published_demo))
        assert code == 2, err
        said = said_as_one(err)
        for field, source in (("introduction_html", "introduction"), ("closing_html", "closing")):
            assert (
                f'"{field}" is not what curator writes from your "{source}": it is curator\'s'
                f' own rendering of "{source}"'
            ) in said
            assert f'make the edit in "{source}" (Markdown) instead' in said
        assert '(sections[0].articles[0]): "blurb_html" is no field curator publishes' in said
        assert 'make the edit in "blurb" instead' in said
        assert "nothing was written and the file is as you left it" in said
        assert path.read_text(encoding="utf-8") == edited
    finally:
        path.write_text(before, encoding="utf-8")


def test_corrections_to_the_issue_and_an_address_are_kept_in_the_store(tmp_path: Path) -> None:
    """walk115 #4: a corrected address, introduction, closing line, title, editor and section
    subject were published but not kept, so with the file lost the old ones came back. The
    introduction corrected with its "introduction_html" left as it was is no HTML edit."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, err
    out = config.parent / "output"
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    old_url = data["sections"][0]["articles"][0]["url"]
    new_url = old_url + "-corrected"
    data["introduction"] = data["introduction"].replace("Welcome to", "Hello and welcome to", 1)
    data["closing"] = data["closing"].replace("Next time", "Coming next", 1)
    data["title"] = "CX Weekly"
    data["editor"] = "Sam Rivera"
    data["sections"][0]["subject"] = "Customer experience: the basics"
    data["sections"][0]["articles"][0]["url"] = new_url
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'issue 1: its "title", "editor", "introduction", "closing" and section 1\'s "subject"'
        f' ("Customer experience: the basics") as corrected in {path} are published, and the'
        " store now keeps them too"
    ) in said
    assert f'its "url" as corrected in {path} is published, and the store now keeps it too' in said
    # Said once: the next render finds the store agreeing.
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0 and "store now keeps" not in err, err

    # The file lost, the issue comes back from the store as corrected, in every edition.
    path.unlink()
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    back = json.loads(path.read_text(encoding="utf-8"))
    assert back["title"] == "CX Weekly"
    assert back["editor"] == "Sam Rivera"
    assert back["introduction"].startswith("Hello and welcome to")
    assert back["closing"].startswith("Coming next")
    assert back["sections"][0]["subject"] == "Customer experience: the basics"
    assert back["sections"][0]["articles"][0]["url"] == new_url
    assert "score" in back["sections"][0]["articles"][0]  # still scored under its subject
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    for text in ("CX Weekly", "Sam Rivera", "Hello and welcome to", "Coming next", new_url):
        assert text in page
    assert "Customer experience: the basics" in page
    # The subject it was published under stays the one placement keeps it under.
    store = config.parent / ".curator" / "curator.db"
    with sqlite3.connect(store) as db:
        subjects = {r[0] for r in db.execute("SELECT subject FROM issue_articles")}
    assert subjects == {"The basics of customer experience"}
