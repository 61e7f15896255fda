"""fixmb (after fixly): an edited draft waiting while `curator fetch` stores new articles, and
its blurbs' line numbers; the feeds served on 127.0.0.1 in the test."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixly_drafts import DELIGHT, NEW_ITEM, _block, _build, _draft, _served_demo

from conftest import LocalServer, said_as_one, sans_config
from conftest import run_cli as run


def _fetch_new(config: Path, server: LocalServer) -> tuple[int, str, str]:
    """Northwind's feed with one new article of "The basics of customer experience", fetched."""
    feed = (config.parent / "feeds" / "northwind.xml").read_text(encoding="utf-8")
    server.add("/feeds/northwind.xml", feed.replace("<item>", NEW_ITEM, 1))
    page = "<html><head><title>Mapping the Customer Journey</title></head><body><p>Map it.</p>"
    server.add("/pages/mapping-the-customer-journey.html", page, content_type="text/html")
    return run("fetch", "--config", str(config))


def _line(text: str, line: str, *, after: str) -> int:
    """The number of the first line `line` of `text` below the line `after`."""
    lines = text.splitlines()
    return lines.index(line, lines.index(after)) + 1


def test_an_article_fetched_after_the_draft_is_not_said_past_issue_size(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """fixmb #1: an article fetched while the edited draft waited: its subject's line says it
    came in since the draft was written, not "(issue_size: 4 per subject)" (it was not left by
    the cap: the draft was written before it came)."""
    config = _served_demo(tmp_path, http_server, themes=False)
    path, written = _draft(config)
    path.write_text(written.replace("Welcome to issue 1", "Hello, issue 1"), encoding="utf-8")
    code, _, err = _fetch_new(config, http_server)
    assert code == 0, err
    code, out, said = _build(config, path)
    assert code == 0, said
    said = said_as_one(sans_config(out)) + " " + said
    subject = "The basics of customer experience: 4 featured; 1 more fit it and wait for a later"
    assert f"{subject} issue (came in since the draft was written)" in said, said
    assert "issue_size: 4 per subject" not in said, said


def test_fetch_says_what_came_in_since_the_edited_draft(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """fixmb #2: `curator fetch` storing a new article of a subject while the edited draft of the
    next issue waits says, once, that it came in since drafts/issue-1.md was written, under which
    subject, that `build --draft` publishes the draft as written and `curator draft --force`
    would offer it (it said only "1 new article(s) stored."); --json holds the same line."""
    config = _served_demo(tmp_path, http_server, themes=False)
    path, written = _draft(config)
    path.write_text(written.replace("Welcome to issue 1", "Hello, issue 1"), encoding="utf-8")
    code, out, err = _fetch_new(config, http_server)
    assert code == 0, err
    said = said_as_one(sans_config(err))  # a warning, on stderr (fixme #2)
    line = (
        f"1 new article(s) of your subjects came in since {path} was written (1 under The basics"
        " of customer experience): your edited draft does not have them, and `curator build"
        f" --draft {path}` publishes it as you wrote it; `curator draft --force` would offer"
        " them in a new draft, keeping yours as issue-1.md.replaced to copy your edits from."
    )
    assert said.count(line) == 1, said
    # a fetch bringing nothing new says nothing more of it; --json holds it when one does
    code, out, err = run("fetch", "--config", str(config))
    assert code == 0 and "came in since" not in out + err, out + err
    feed = (config.parent / "feeds" / "northwind.xml").read_text(encoding="utf-8")
    two = NEW_ITEM.replace("p=999", "p=998").replace("One Touchpoint", "Each Touchpoint")
    two = two.replace("customer-journey.html", "journey-touchpoints.html")
    page = "<html><head><title>Each Touchpoint</title></head><body><p>Map each.</p></body></html>"
    http_server.add("/pages/mapping-the-journey-touchpoints.html", page, content_type="text/html")
    http_server.add("/feeds/northwind.xml", feed.replace("<item>", NEW_ITEM + two, 1))
    code, out, err = run("fetch", "--config", str(config), "--json")
    assert code == 0, err
    said = said_as_one(sans_config(json.loads(out)["new_since_edited_draft"]))
    assert said.startswith("2 new article(s) of your subjects came in since"), said
    assert path.read_text(encoding="utf-8").count("Hello, issue 1") == 1


def test_a_blurb_right_under_the_fields_names_its_own_lines(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """fixmb #3: a blurb starting right under the fields (no blank line between) kept its text
    but not its first line's number, so a mistake further down it was said at the line after
    its own (a `---` under its first line was said at the line under the `---`, at the blurb's
    end too, where that line is the next article's)."""
    config = _served_demo(tmp_path, http_server)
    path, written = _draft(config)
    block = _block(written, DELIGHT)
    fields, blurb = block.split("\n\n", 1)
    first, rest = blurb.split("\n", 1)
    text = written.replace(block, f"{fields}\n{first}\n---\n{rest}")
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    assert code == 2, said
    at = _line(text, "---", after=f"## {DELIGHT}")
    assert f"{path}:{at}: '" in said and "with this line of --- under it is a heading" in said, said
    # at the blurb's end
    text = written.replace(block, f"{fields}\n{blurb.rstrip()}\n---\n\n")
    path.write_text(text, encoding="utf-8")
    code, _, said = _build(config, path)
    at = _line(text, "---", after=f"## {DELIGHT}")
    assert code == 2 and f"{path}:{at}: '" in said, said
    assert not (config.parent / "output" / "issue-1.html").exists()


def _issue(config: Path, number: int, *, editor: str | None) -> tuple[str, str]:
    """Draft issue `number` (of every subject), its `editor:` line emptied unless `editor`, and
    build it: what the build said, and the issue's page."""
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    path = config.parent / "drafts" / f"issue-{number}.md"
    text = path.read_text(encoding="utf-8")
    if editor is None:
        line = next(line for line in text.splitlines() if line.startswith("editor: "))
        path.write_text(text.replace(f"{line}\n", "editor:\n", 1), encoding="utf-8")
    code, out, said = _build(config, path)
    assert code == 0, said
    page = config.parent / "output" / f"issue-{number}.html"
    return said_as_one(sans_config(out)) + " " + said, page.read_text(encoding="utf-8")


def test_an_editor_emptied_on_purpose_is_said_once(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """fixmb #4: issue 1 credits its editor; issue 2's draft empties `editor:` (said: a slip
    after an issue that credited them), and issue 3's too: not said again, the newsletter
    leaving it empty on purpose (it was said on every build); both published without "edited
    by"."""
    config = _served_demo(tmp_path, http_server, themes=False)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("issue_size: 4", "issue_size: 1"), encoding="utf-8")
    name = "Morgan Ellery"
    said, html = _issue(config, 1, editor=name)
    assert "`editor:` is empty" not in said and name in html, said
    said, html = _issue(config, 2, editor=None)
    assert said.count("`editor:` is empty, so the issue is published without") == 1, said
    assert "said once: the next issue that leaves it empty too is not told again" in said
    assert name not in html
    said, html = _issue(config, 3, editor=None)
    assert "`editor:` is empty" not in said and name not in html, said
