"""A draft build is the editor's review step: an article without a blurb stops it (exit 2, every
such article named by its heading's line), as do addresses that cannot be read (one line each);
`--json` answers click's own usage errors in JSON too."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import LocalServer, run_cli, sans_config
from curator.draft import NO_BLURB

FIREFOX = "articles/readability/firefox-nightly-blog/source.html"
FIREFOX_TITLE = "These Weeks in Firefox: Issue 85"
OWN_BLURB = "Our own two sentences about it. Read it before the next release."


def fresh_draft(demo: Path) -> Path:
    """The demo's first draft, with pages on 127.0.0.1 allowed (for articles added by URL)."""
    text = demo.read_text(encoding="utf-8").replace(
        "settings:\n", "settings:\n  allow_private_addresses: true\n"
    )
    demo.write_text(text, encoding="utf-8")
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    return demo.parent / "drafts" / "issue-1.md"


def empty_blurb(lines: list[str], heading: int, *, note: bool = False) -> None:
    """Delete the blurb of the article whose `## ` heading is at index `heading` (in place),
    leaving curator's note in its place when `note`."""
    end = next((i for i in range(heading + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    fields = heading + 1
    while fields < end and lines[fields].strip():
        fields += 1
    lines[fields:end] = ["", NO_BLURB, ""] if note else [""]


def nothing_published(demo: Path) -> None:
    output = demo.parent / "output"
    assert not output.exists() or not list(output.iterdir()), list(output.iterdir())
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        assert db.execute("SELECT COUNT(*) FROM issues").fetchone() == (0,)


def test_articles_without_a_blurb_stop_a_draft_build_all_named_at_once(
    demo: Path, http_server: LocalServer, corpus: Path
) -> None:
    page = corpus / FIREFOX
    if not page.is_file():
        pytest.skip(f"the corpus page {page} is missing")
    url = http_server.add(
        "/firefox.html", page.read_bytes(), content_type="text/html; charset=utf-8"
    )
    path = fresh_draft(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    headings = [i for i, line in enumerate(lines) if line.startswith("## ")]
    # The editor empties two blurbs (the second left with curator's note), and adds a page by URL
    # that gives none (its text is list items).
    first, second = headings[0], headings[2]
    empty_blurb(lines, second, note=True)
    empty_blurb(lines, first)
    last_section = max(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[last_section + 1 : last_section + 1] = ["", f"## {url}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    headings = [i for i, line in enumerate(lines) if line.startswith("## ")]
    first_title = lines[first][3:]
    second_title = lines[headings[2]][3:]
    added_line = lines.index(f"## {url}") + 1

    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(path))

    assert code == 2, err
    assert out == ""
    message = sans_config(err).splitlines()
    assert message[0] == (
        f"curator: {path}: 3 articles have no blurb; write a 2-3 sentence blurb under each "
        "heading, or remove the article (and run `curator subjects exclude URL` for it, or the"
        " next `curator draft` can pick it again):"
    )
    # In the draft's order, each by the line of its heading: the editor's two, then the page.
    assert message[1].startswith(f'  {path}:{first + 1}: "{first_title}" (http')
    assert message[2].startswith(f'  {path}:{headings[2] + 1}: "{second_title}" (http')
    assert message[3] == f'  {path}:{added_line}: "{FIREFOX_TITLE}" ({url})'
    assert len(message) == 4
    nothing_published(demo)

    # The editor writes the three blurbs: the issue is published with them.
    for at in sorted((first, headings[2], added_line - 1), reverse=True):
        block_end = next(
            (i for i in range(at + 1, len(lines)) if lines[i].startswith("#")), len(lines)
        )
        lines[block_end:block_end] = [f"{OWN_BLURB} ({at})", ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert "no blurb" not in err
    issue = (demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    for at in (first, headings[2], added_line - 1):
        assert f"{OWN_BLURB} ({at})" in issue
    assert FIREFOX_TITLE in issue


def test_one_article_without_a_blurb_is_one_line_with_its_heading(demo: Path) -> None:
    path = fresh_draft(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("## "))
    empty_blurb(lines, heading)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(path), "--json")

    message = (
        f'{path}:{heading + 1}: "{lines[heading][3:]}" has no blurb; write a 2-3 sentence blurb '
        "under its heading, or remove the article (and run `curator subjects exclude URL` for it,"
        " or the next `curator draft` can pick it again)"
    )
    assert code == 2
    err, out = sans_config(err), sans_config(out)
    assert err == f"curator: {message}\n"
    assert json.loads(out) == {"issue": None, "error": message, "exit": 2}
    nothing_published(demo)

    # Cutting the article is the other way out.
    end = next(i for i in range(heading + 1, len(lines)) if lines[i].startswith("#"))
    del lines[heading:end]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert (demo.parent / "output" / "issue-1.html").is_file()


def test_addresses_that_cannot_be_read_are_one_line_each_with_the_reason(
    demo: Path, http_server: LocalServer
) -> None:
    gone = [http_server.url(f"/gone-{n}.html") for n in range(3)]
    path = fresh_draft(demo)
    text = path.read_text(encoding="utf-8")
    added = "".join(f"## {url}\n\n" for url in gone)
    text = text.replace("# Service operations\n", f"# Service operations\n\n{added}", 1)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path))

    assert code == 1, err
    message = err.splitlines()
    assert message[0] == (
        f"curator: {path}: cannot read the article(s) added by URL; check the address, or remove"
        " it from the draft:"
    )
    for row, url in zip(message[1:], gone, strict=True):
        assert row.startswith(f"  {path}:{lines.index(f'## {url}') + 1}: {url} (HTTP 404"), row
    nothing_published(demo)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["build", "--json", "--bogus"], "No such option '--bogus'"),
        (["subjects", "list", "--json", "--subject"], "Option '--subject' requires an argument."),
        (["render", "abc", "--json"], "'abc' is not a valid integer range."),
        (["subjects", "explain", "--json"], "Missing argument 'URL'."),
        (["feeds", "list", "--json", "--bogus"], "No such option '--bogus'"),
        (["extract", "--json", "--bogus", "x.html"], "No such option '--bogus'"),
    ],
    ids=[
        "unknown option",
        "option without value",
        "bad value",
        "missing argument",
        "group",
        "extract",
    ],
)
def test_a_usage_error_with_json_is_a_json_document_on_stdout(args: list[str], said: str) -> None:
    code, out, err = run_cli(*args)
    assert code == 2
    data = json.loads(out)
    # build says no issue was published, the key a script tests (fixjp #1)
    issue = {"issue"} if args[0] == "build" else set()
    assert set(data) == {"error", "exit"} | issue and data["exit"] == 2
    assert said in data["error"]
    # click's own text stays on stderr, usage and all.
    assert f"Error: {data['error']}" in err


def test_a_usage_error_without_json_leaves_stdout_empty() -> None:
    code, out, err = run_cli("build", "--bogus", "--", "--json")
    assert code == 2
    assert out == ""
    assert "No such option '--bogus'" in err
