"""walk174's drafts cut off or half-edited, through the CLI on the demo: a draft cut off while saved
is refused by its missing closing line (#1), a section removed whole is said cut (#1), a blurb left
under deleted heading lines is refused rather than merged into the article above (#2), and an
unclosed quote in the front matter is named on its own line (#7b)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from conftest import LocalServer, said_as_one
from conftest import run_cli as run
from curator.draftend import END_LINE

VOC = "# Voice of the customer"
FRT_HEADING = "## First Response Time Is Not the Whole Story"
FRT_BLURB = "First response time is the support metric leaders quote most and trust least."


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def _without_voc(text: str) -> str:
    """The draft with its "# Voice of the customer" section deleted whole (the end line kept)."""
    return text[: text.index(VOC)] + text[text.index(END_LINE) :]


def test_a_cut_off_or_half_edited_draft_is_refused_and_a_removed_section_is_said_cut(
    demo: Path, tmp_path: Path
) -> None:
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    folder = demo.parent
    draft = folder / "drafts" / "issue-1.md"
    whole = draft.read_text(encoding="utf-8")
    assert whole.endswith(f"\n\n{END_LINE}\n")  # the closing line, and the note saying why
    assert 'The draft ends with an "end of the draft" note: keep it last' in whole
    # A copy of the newsletter as it is now, to build the same draft a second way (--json).
    shutil.copytree(folder, tmp_path / "copy")
    copy = tmp_path / "copy"

    # #1 and #7b: cut off mid-blurb while saved (walk174: "Analysts that protect s" published),
    # and a quote opened in the front matter's title and never closed.
    cut = whole[: whole.index(FRT_BLURB) + 40]
    cut = cut.replace("title: Customer Experience Weekly", 'title: "Customer Experience Weekly')
    draft.write_text(cut, encoding="utf-8")
    code, out, err = run("build", "--config", str(demo), "--draft", str(draft), "-q")
    said = said_as_one(err)
    assert code == 2, (out, err)
    assert (
        f'{draft}:2: the front matter is not valid YAML: the quote (") opened here is never'
        " closed" in said
    ), said
    assert "editor:" not in said  # (walk174: advice about `editor:` for the title's quote)
    last = _line_of(cut, FRT_BLURB[:20])
    assert f"{draft}:{last}: the draft stops here, in the middle of a sentence" in said, said
    assert "cut off while saved" in said and "nothing was published" in said
    assert not (folder / "output" / "issue-1.html").exists()

    # #2: the heading, url:, author: and publication: lines of an article deleted, its blurb
    # left: read as a second paragraph of the article above (walk174: published so).
    heading = _line_of(whole, FRT_HEADING)
    lines = whole.split("\n")
    half_edited = "\n".join(lines[: heading - 1] + lines[heading + 3 :])
    draft.write_text(half_edited, encoding="utf-8")
    code, out, err = run("build", "--config", str(demo), "--draft", str(draft), "-q")
    said = said_as_one(err)
    assert code == 2, (out, err)
    paragraph = _line_of(half_edited, FRT_BLURB[:20])
    assert (
        f'{draft}:{paragraph}: this paragraph of the blurb of "Taming a Ticket Backlog Without'
        ' Burning Out the Team"' in said
    ), said
    assert 'is the blurb of "First Response Time Is Not the Whole Story"' in said
    assert "To cut that article, delete this paragraph too" in said
    assert not (folder / "output" / "issue-1.html").exists()

    # A section removed whole is said cut; a second paragraph the editor wrote is published.
    own = "We would add: measure the queue's age as well as its size, every morning."
    edited = _without_voc(whole).replace(
        "protect the people doing the work.\n", f"protect the people doing the work.\n\n{own}\n"
    )
    assert own in edited
    draft.write_text(edited, encoding="utf-8")
    code, out, err = run("build", "--config", str(demo), "--draft", str(draft))
    assert code == 0, err
    assert "Voice of the customer: its section is not in the draft: 2 articles cut" in out, out
    html = (folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert own in html and "Voice of the customer" not in html

    # The same in --json; and a draft without the closing line's note (an older curator's) is
    # built as it reads, warned about when it stops mid-word with no final newline.
    copied = copy / "drafts" / "issue-1.md"
    old = _without_voc(whole).replace(
        whole.split("\n")[_line_of(whole, "- The draft ends") - 1], ""
    )
    old = old.replace("  off while saved (its last articles lost), and is not built.\n", "")
    old = old[: old.index(END_LINE)].rstrip("\n")[:-12]  # "...a bot) repl"
    assert "end of the draft" not in old and not old.endswith("\n")
    copied.write_text(old, encoding="utf-8")
    config = copy / "feeds.yaml"
    code, out, err = run("build", "--config", str(config), "--draft", str(copied), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["cut_from_draft"] == {"Voice of the customer": 2}, data["cut_from_draft"]
    warned = said_as_one(json.dumps(data["warnings"], ensure_ascii=False))
    at = _line_of(old, FRT_BLURB[:20])
    assert f"{copied}:{at}: the draft stops in the middle of a sentence" in warned, warned


LISTING = """<!DOCTYPE html><html><head><title>Directory listing for /f4/</title></head>
<body><h1>Directory listing for /f4/</h1><hr><ul><li><a href="a0.html">a0.html</a></li>
<li><a href="a1.html">a1.html</a></li><li><a href="a2.html">a2.html</a></li></ul><hr></body></html>
"""


def test_a_refused_draft_leaves_no_page_it_read_stored(
    demo: Path, http_server: LocalServer
) -> None:
    """walk174 (minor): a `build --draft` refused for a `url:` cut short to a folder still stored
    the page it read there, a directory listing, as an article: it is forgotten with the draft."""
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("\nsettings:\n", "\nsettings:\n  allow_private_addresses: true\n"), "utf-8"
    )
    listing = http_server.add("/f4", LISTING, content_type="text/html; charset=utf-8")
    code, _, err = run("draft", "--config", str(demo), "-q")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    first = "url: https://supportdesk-review.example/operations/first-response-time"
    written = draft.read_text(encoding="utf-8")
    assert first in written
    draft.write_text(written.replace(first, f"url: {listing}"), encoding="utf-8")
    code, out, err = run("build", "--config", str(demo), "--draft", str(draft), "-q")
    assert code == 2, (out, err)
    assert 'the url is that of "Directory listing for /f4/", not of this title' in said_as_one(err)
    assert http_server.seen("/f4")  # (it was read, to tell what it is)
    db = sqlite3.connect(demo.parent / ".curator" / "curator.db")
    stored = db.execute("SELECT url, title FROM articles WHERE title LIKE 'Directory%'").fetchall()
    db.close()
    assert stored == []
    assert not (demo.parent / "output" / "issue-1.html").exists()
