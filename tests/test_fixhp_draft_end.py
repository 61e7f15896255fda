"""walk174's drafts cut off or half-edited, through the CLI on the demo: a draft cut off while saved
is refused by its missing closing line (#1), a section removed whole is said cut (#1), a blurb left
under deleted heading lines is refused rather than merged into the article above (#2), and an
unclosed quote in the front matter is named on its own line (#7b)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import LocalServer, copy_demo, said_as_one
from conftest import run_cli as run

VOC = "# Voice of the customer"
FRT_HEADING = "## First Response Time Is Not the Whole Story"
FRT_BLURB = "First response time is the support metric leaders quote most and trust least."
#: The closing line's opening words (`curator.draftend.END_LINE`).
END = "<!-- end of the draft"


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def _without_voc(text: str) -> str:
    """The draft with its "# Voice of the customer" section deleted whole (the end line kept)."""
    return text[: text.index(VOC)] + (text[text.index(END) :] if END in text else "")


def drafted_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo (every subject per issue) with the draft of issue 1 written: each test builds a
    copy of it (test_fixhy_drafts' tests too)."""
    config = copy_demo(tmp_path_factory.mktemp("drafted"))
    text = config.read_text(encoding="utf-8")
    start, end = text.index("\nthemes:\n"), text.index("\n# --- Feeds")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    return config.parent


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return drafted_demo(tmp_path_factory)


def _copy(drafted: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """A copy of the drafted newsletter: its feeds.yaml, its draft and the draft's text."""
    folder = tmp_path / "news"
    shutil.copytree(drafted, folder)
    draft = folder / "drafts" / "issue-1.md"
    return folder / "feeds.yaml", draft, draft.read_text(encoding="utf-8")


def _build(config: Path, draft: Path, *more: str) -> tuple[int, str, str]:
    return run("build", "--config", str(config), "--draft", str(draft), *more)


def test_a_draft_cut_off_while_saved_is_refused(drafted: Path, tmp_path: Path) -> None:
    """walk174 #1: cut off mid-blurb, "Analysts that protect s" was published."""
    config, draft, whole = _copy(drafted, tmp_path)
    assert whole.rstrip("\n").split("\n")[-1].startswith(END)  # the closing line, last
    assert 'The draft ends with an "end of the draft" note: keep it last' in whole
    cut = whole[: whole.index(FRT_BLURB) + 40]
    draft.write_text(cut, encoding="utf-8")
    code, out, err = _build(config, draft, "-q")
    said = said_as_one(err)
    assert code == 2, (out, err)
    last = _line_of(cut, FRT_BLURB[:20])
    assert f"{draft}:{last}: the draft stops here, in the middle of a sentence" in said, said
    assert "cut off while saved" in said and "nothing was published" in said
    assert not (config.parent / "output" / "issue-1.html").exists()


def test_an_unclosed_quote_in_the_front_matter_is_named_where_it_opened(
    drafted: Path, tmp_path: Path
) -> None:
    """walk174 #7b: said at line 5 (the closing '---') with advice about `editor:`."""
    config, draft, whole = _copy(drafted, tmp_path)
    draft.write_text(
        whole.replace("title: Customer Experience Weekly", 'title: "Customer Experience Weekly'),
        encoding="utf-8",
    )
    code, out, err = _build(config, draft, "-q")
    said = said_as_one(err)
    assert code == 2, (out, err)
    assert (
        f'{draft}:2: the front matter is not valid YAML: the quote (") opened here is never'
        " closed" in said
    ), said
    assert "editor:" not in said


def test_a_blurb_left_under_deleted_heading_lines_is_refused(drafted: Path, tmp_path: Path) -> None:
    """walk174 #2: the heading, url:, author: and publication: lines of an article deleted, its
    blurb left, was published as a second paragraph of the article above."""
    config, draft, whole = _copy(drafted, tmp_path)
    heading = _line_of(whole, FRT_HEADING)
    lines = whole.split("\n")
    half_edited = "\n".join(lines[: heading - 1] + lines[heading + 3 :])
    draft.write_text(half_edited, encoding="utf-8")
    code, out, err = _build(config, draft, "-q")
    said = said_as_one(err)
    assert code == 2, (out, err)
    paragraph = _line_of(half_edited, FRT_BLURB[:20])
    assert (
        f'{draft}:{paragraph}: this paragraph of the blurb of "Taming a Ticket Backlog Without'
        ' Burning Out the Team"' in said
    ), said
    assert 'is the blurb of "First Response Time Is Not the Whole Story"' in said
    assert "To cut that article, delete this paragraph too" in said
    assert not (config.parent / "output" / "issue-1.html").exists()


def test_a_section_removed_whole_is_said_cut_and_an_own_paragraph_is_published(
    drafted: Path, tmp_path: Path
) -> None:
    """walk174 #1: "Voice of the customer" (in curator's draft) was named nowhere."""
    config, draft, whole = _copy(drafted, tmp_path)
    own = "We would add: measure the queue's age as well as its size, every morning."
    edited = _without_voc(whole).replace(
        "protect the people doing the work.\n", f"protect the people doing the work.\n\n{own}\n"
    )
    assert own in edited
    draft.write_text(edited, encoding="utf-8")
    code, out, err = _build(config, draft)
    assert code == 0, err
    assert "Voice of the customer: its section is not in the draft: 2 articles cut" in out, out
    html = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert own in html and "Voice of the customer" not in html


def test_an_older_draft_cut_off_is_built_with_a_warning_and_its_cuts_in_json(
    drafted: Path, tmp_path: Path
) -> None:
    """A draft without the closing line's note (an older curator's) is built as it reads, warned
    about when it stops mid-word with no final newline; --json's cut_from_draft names the
    section it lost (walk174 #1: {'Service operations': 2} only)."""
    config, draft, whole = _copy(drafted, tmp_path)
    old = "\n".join(
        line
        for line in _without_voc(whole).split("\n")
        if "end of the draft" not in line and "off while saved (its last articles" not in line
    )
    old = old[: old.rindex("replying") + 4]  # "...a bot) repl", with no newline
    assert not old.endswith("\n") and old.endswith("repl"), old[-40:]
    draft.write_text(old, encoding="utf-8")
    code, out, err = _build(config, draft, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["cut_from_draft"] == {"Voice of the customer": 2}, data["cut_from_draft"]
    warned = said_as_one(json.dumps(data["warnings"], ensure_ascii=False))
    at = _line_of(old, FRT_BLURB[:20])
    assert f"{draft}:{at}: the draft stops in the middle of a sentence" in warned, warned


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
