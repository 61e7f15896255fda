"""The editor's review through the CLI: draft, edit, publish exactly the edits, in every format."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import feedparser
import pytest
import yaml

from conftest import EXAMPLES, LocalServer, sans_config
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


def draft_adding(demo: Path, url: str) -> tuple[Path, str]:
    """The demo's first draft (pages on 127.0.0.1 allowed) with an article added by `url` alone
    under Service operations: the draft's path and text."""
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
    return path, draft


def test_a_draft_may_add_an_article_by_url(demo: Path, http_server: LocalServer) -> None:
    page = EXAMPLES / "pages" / "office-coffee-machine.html"
    url = http_server.add("/coffee.html", page.read_bytes(), content_type="text/html")
    path, _ = draft_adding(demo, url)
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    html = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "The Office Coffee Machine Has Opinions" in html
    assert http_server.seen("/coffee.html")


def test_a_page_added_by_url_that_cannot_be_read_is_named_with_the_reason(
    demo: Path, http_server: LocalServer
) -> None:
    """The editor is told which line's address failed and why (here a 404), and nothing is
    published."""
    http_server.add("/here.html", b"<html></html>", content_type="text/html")
    gone = http_server.url("/gone.html")
    path, draft = draft_adding(demo, gone)
    line = draft.splitlines().index(f"## {gone}") + 1
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 1, err
    assert f"{path}:{line}: {gone} (HTTP 404" in err, err
    assert not (demo.parent / "output" / "issue-1.html").exists()


def test_a_draft_featuring_an_earlier_issues_article_stops_unless_it_says_so(demo: Path) -> None:
    """walk14 #1: README says an article is never featured twice, yet a draft with a `## URL`
    or a `url:` block of an article issue 1 featured was published again without a word."""
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    assert run("draft", "--config", str(demo))[0] == 0
    first = demo.parent / "drafts" / "issue-1.md"
    text = first.read_text(encoding="utf-8")
    moved = next(p for p in blocks(text) if f"url: {MOVE}" in p)
    first.write_text("".join(p for p in blocks(text) if f"url: {CUT}" not in p), encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(first), "-q")
    assert code == 0, err

    assert run("draft", "--config", str(demo), "--no-fetch")[0] == 0
    second = demo.parent / "drafts" / "issue-2.md"
    lines = second.read_text(encoding="utf-8").rstrip("\n").split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[heading + 1 : heading + 1] = ["", f"## {REWRITE}", "", *moved.rstrip("\n").split("\n")]
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    title = moved.split("\n", 1)[0].removeprefix("## ")
    code, out, err = run("build", "--config", str(demo), "--draft", str(second))
    assert code == 2, err
    fix = "already; remove it, or to feature it again on purpose, list it in the front matter"
    assert err.startswith(f"curator: {second}: 2 mistakes; nothing was published.")
    assert f"\n  {second}:{heading + 3}: " in err
    assert f" was featured in issue 1 {fix}: feature_again: [{REWRITE}]\n" in err
    assert f'\n  {second}:{heading + 5}: "{title}" was featured in issue 1 {fix}: ' in err
    assert f"feature_again: [{MOVE}]\n" in err
    assert out == ""
    assert not (demo.parent / "output" / "issue-2.html").exists()

    # A mistyped address there allows nothing, and is said (not taken for a permission given).
    at = lines.index("---", 1)
    typo = REWRITE.replace("https://", "https://www.")
    second.write_text(
        "\n".join([*lines[:at], f"feature_again: [{typo}, {MOVE}]", *lines[at:]]) + "\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(demo), "--draft", str(second))
    assert code == 2, err
    assert (
        f"  {second}:{at + 1}: feature_again lists {typo}, which is no article of this draft that"
        " an earlier issue featured (nor the same story as one an earlier issue published): remove"
        " it from the list (or check its address)\n"
    ) in err
    assert f" was featured in issue 1 {fix}: feature_again: [{REWRITE}]\n" in err

    # Meant: the editor says so, and the issue features them again.
    lines.insert(lines.index("---", 1), f"feature_again: [{REWRITE}, {MOVE}]")
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("build", "--config", str(demo), "--draft", str(second), "-q")
    assert code == 0, err
    data = json.loads((demo.parent / "output" / "issue-2.json").read_text(encoding="utf-8"))
    urls = [a["url"] for s in data["sections"] for a in s["articles"]]
    assert REWRITE in urls and MOVE in urls and CUT in urls


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
    assert code == 2  # a mistake in a draft, as README's exit codes say (walk23)
    assert "the draft is issue 1, which was published already, and a draft is built once" in err
    assert "`curator render 1" in err and "a draft of issue 2" in err


# -- issue 12, points 6 to 9 ----------------------------------------------------------------------


def test_draft_reads_the_feeds_first_unless_told_not_to(demo: Path) -> None:
    """12.6: on a new newsletter `draft` said "Nothing new to feature": it never fetched."""
    code, out, err = run("draft", "--config", str(demo), "--no-fetch", "--json")
    assert code == 0, err
    data = json.loads(out)  # JSON even with nothing new, not a sentence
    assert data["issue"] is None and data["path"] is None and data["new_articles"] == 0
    assert not (demo.parent / "drafts").exists()
    code, out, err = run("draft", "--config", str(demo), "--no-fetch")
    assert (code, out) == (0, "Nothing new to feature: no draft was written.\n")

    code, out, err = run("draft", "--config", str(demo))
    assert code == 0, err
    assert "Fetching 3 feed(s) for Customer Experience Weekly" in err
    assert "ok         Northwind CX Journal: 4 entries, 4 new" in err
    path = demo.parent / "drafts" / "issue-1.md"
    assert out.startswith(f"Draft of issue 1: {path} (10 article(s) in 4 subject(s))\n")
    assert "url: https://northwind-cx.example/" in path.read_text(encoding="utf-8")

    code, out, err = run("draft", "--config", str(demo), "--json", "--force", "-q")
    assert code == 0, err
    data = json.loads(out)
    assert data["issue"] == 1 and data["path"] == str(path)
    assert data["feeds_ok"] == 3 and data["new_articles"] == 0
    assert err == ""


def fresh_draft(demo: Path) -> tuple[Path, list[str]]:
    assert run("draft", "--config", str(demo), "--all-subjects", "-q")[0] == 0
    path = demo.parent / "drafts" / "issue-1.md"
    return path, path.read_text(encoding="utf-8").splitlines()


def build_edited(demo: Path, path: Path, lines: list[str]) -> tuple[int, str, str]:
    """Save the edited draft and publish it."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run("build", "--config", str(demo), "--draft", str(path))


def test_a_mistyped_field_stops_the_build_with_did_you_mean(demo: Path) -> None:
    """12.7: `autor:` was published as the start of the blurb, with exit 0."""
    path, lines = fresh_draft(demo)
    at = lines.index("author: Helena Ashworth")
    lines[at] = "autor: Helena Ashworth"
    code, out, err = build_edited(demo, path, lines)
    assert code == 2
    assert err == f"curator: {path}:{at + 1}: unknown field 'autor:'; did you mean 'author:'?\n"
    assert not (demo.parent / "output").exists()

    lines[at] = "Note: Helena wrote this one on a train"
    code, _, err = build_edited(demo, path, lines)
    assert code == 2
    assert f"{path}:{at + 1}: unknown field 'note:' under this article" in err
    assert "leave a blank line above it" in err


def test_a_misspelt_subject_heading_stops_the_build_unless_declared(demo: Path) -> None:
    """12.7: `# Service operation` was published as a section of its own."""
    path, lines = fresh_draft(demo)
    at = lines.index("# Service operations")
    lines[at] = "# Service operation"
    code, _, err = build_edited(demo, path, lines)
    assert code == 2
    assert err.startswith(
        f"curator: {path}:{at + 1}: no subject `Service operation`; "
        "did you mean `Service operations`?"
    )
    assert "extra_sections: [Service operation]" in err
    assert "?. " not in err and "did you mean `Service operations`? For a section" in err
    assert not (demo.parent / "output").exists()

    # An editor who wants a section of their own says so in the front matter.
    lines[at] = "# Editor's picks"
    lines.insert(lines.index("---", 1), "extra_sections: [Editor's picks]")
    code, _, err = build_edited(demo, path, lines)
    assert code == 0, err
    data = json.loads((demo.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    assert "Editor's picks" in [s["subject"] for s in data["sections"]]


def test_every_mistake_in_a_draft_is_said_at_once_in_line_order(demo: Path) -> None:
    """walk14 #5: a misspelt `# Heading` (line 31) and `autor:` (line 42) in one draft: only
    line 42 was said; the editor fixed it, built again, and only then heard of line 31."""
    path, lines = fresh_draft(demo)
    heading = lines.index("# Service operations")
    lines[heading] = "# Service operation"
    field = next(i for i, line in enumerate(lines) if i > heading and line.startswith("author: "))
    author = lines[field].removeprefix("author: ")
    lines[field] = f"autor: {author}"
    stray = next(i for i, line in enumerate(lines) if line.startswith("# ") and i > field)
    lines.insert(stray + 1, "A note to myself, not under any article.")
    lines.insert(stray + 2, "It goes on over two lines.")
    first = next(i for i, line in enumerate(lines) if line.startswith("author: "))
    lines[first] = "author:Ann Lee"  # a fine field: no mistake
    first_url = next(i for i, line in enumerate(lines) if line.startswith("url: "))
    lines[first_url] = "url:"
    code, out, err = build_edited(demo, path, lines)
    assert code == 2
    subject = lines[stray].removeprefix("# ")
    assert err == (
        f"curator: {path}: 4 mistakes; nothing was published. Fix each, then build again:\n"
        f"  {path}:{first_url + 1}: url is empty: give the article's link\n"
        f"  {path}:{heading + 1}: no subject `Service operation`; did you mean `Service"
        " operations`? For a section of your own, list it in the front matter: extra_sections:"
        " [Service operation]\n"
        f"  {path}:{field + 1}: unknown field 'autor:'; did you mean 'author:'?\n"
        f"  {path}:{stray + 2}: text under subject {subject!r} belongs to no article: start an"
        " article with '## Title' or delete the line\n"
    )
    assert out == ""
    assert not (demo.parent / "output").exists()

    # One mistake left: said alone, as before.
    lines[first_url] = "url: https://example.com/fixed"
    lines[heading] = "# Service operations"
    del lines[stray + 1 : stray + 3]
    code, _, err = build_edited(demo, path, lines)
    assert code == 2
    assert err == f"curator: {path}:{field + 1}: unknown field 'autor:'; did you mean 'author:'?\n"


def test_a_heading_in_another_letter_case_is_the_subject_as_configured(demo: Path) -> None:
    """`--subject` and the plan take a subject's name in any letter case; so does a draft's
    heading, and the issue shows the name as feeds.yaml writes it (not a section of its own)."""
    path, lines = fresh_draft(demo)
    at = lines.index("# Service operations")
    lines[at] = "# service  OPERATIONS"
    code, _, err = build_edited(demo, path, lines)
    assert code == 0, err
    data = json.loads((demo.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    subjects = [s["subject"] for s in data["sections"]]
    assert "Service operations" in subjects
    assert not any(s.casefold() == "service  operations" for s in subjects)


def test_each_issue_has_its_own_introduction(themed_demo: Path) -> None:
    """12.8: issue 2 opened "Welcome to the first issue..." like issue 1."""
    demo = themed_demo
    folder = demo.parent / "introductions"
    folder.mkdir()
    (folder / "issue-2.md").write_text(
        "Issue {number} on {theme}; after it, {next_theme}.\n", encoding="utf-8"
    )
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    intro = [
        json.loads((out / f"issue-{n}.json").read_text(encoding="utf-8"))["introduction"]
        for n in (1, 2)
    ]
    # Issue 1: the subject's own introduction in feeds.yaml, its {number} filled in.
    assert intro[0].startswith("Welcome to issue 1 of Customer Experience Weekly. Each issue")
    assert "let's review the basics of customer experience" in " ".join(intro[0].split())
    # Issue 2: its own file.
    assert intro[1] == "Issue 2 on Measuring the customer experience; after it, Service operations."
    page = (out / "issue-2.html").read_text(encoding="utf-8")
    assert "Issue 2 on Measuring the customer experience; after it, Service operations." in page

    # A per-issue file with a mistyped variable: its own file and line, exit 2.
    (folder / "issue-3.md").write_text("Hello.\n\nIssue {numbr}.\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 2
    assert err.startswith(
        f"curator: {folder / 'issue-3.md'}:3: unknown variable {{numbr}}; did you mean {{number}}?"
    )
    assert not (out / "issue-3.html").exists()


def test_the_configured_introduction_takes_variables(demo: Path) -> None:
    # One article per subject, so that issue 2 has articles left (both issues of every subject).
    demo.write_text(demo.read_text(encoding="utf-8").replace("issue_size: 4", "issue_size: 1"))
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    out = demo.parent / "output"
    first, second = (
        json.loads((out / f"issue-{n}.json").read_text(encoding="utf-8"))["introduction"]
        for n in (1, 2)
    )
    assert first.startswith("Welcome to issue 1 of Customer Experience Weekly.\n")
    assert second.startswith("Welcome to issue 2 of Customer Experience Weekly.\n")


def test_a_repeated_introduction_is_warned_about(demo: Path) -> None:
    """12.8: the same words two weeks running are said on stderr (the build still publishes)."""
    folder = demo.parent / "introductions"
    folder.mkdir()
    for number in (1, 2):
        (folder / f"issue-{number}.md").write_text(
            "Welcome to  the first issue.\n", encoding="utf-8"
        )
    code, _, err = run(
        "build", "--config", str(demo), "-q", "--subject", "The basics of customer experience"
    )
    assert (code, err) == (0, "")
    code, _, err = run("build", "--config", str(demo), "-q", "--no-fetch")
    assert code == 0
    # (then that issue 1 was published minutes before: walk150 #7)
    said, just = err.split("curator: warning: issue 1 was published ")
    assert " ago, and this build publishes issue 2 right after it" in just, err
    assert said == (
        "curator: warning: issue 2's introduction is word for word issue 1's; give it its own in "
        f"{folder / 'issue-2.md'} (or in the draft), or use variables such as {{number}} and "
        "{theme} in the configured one\n"
    )
    assert (demo.parent / "output" / "issue-2.html").is_file()


def test_an_unknown_variable_in_the_configured_introduction_names_its_line(demo: Path) -> None:
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("introduction_file: intro.md", "introduction: |\n    Hi.\n    Issue {nmber}.")
    )
    line = demo.read_text(encoding="utf-8").splitlines().index("    Issue {nmber}.") + 1
    code, _, err = run("build", "--config", str(demo), "-q")
    assert code == 2
    assert err.startswith(f"curator: {demo}:{line}: in `introduction`: unknown variable {{nmber}};")
    assert "did you mean {number}?" in err


def test_render_again_after_a_template_change_writes_nothing_to_the_store(
    themed_demo: Path,
) -> None:
    """12.9: after fixing a template the editor needed a throwaway store to see it."""
    demo = themed_demo
    assert run("build", "--config", str(demo), "-q")[0] == 0
    assert run("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    store = demo.parent / ".curator" / "curator.db"

    def snapshot() -> tuple:
        db = sqlite3.connect(store)
        try:
            return (
                db.execute("SELECT * FROM issues ORDER BY number").fetchall(),
                db.execute("SELECT * FROM issue_articles ORDER BY 1, 2").fetchall(),
                db.execute("SELECT COUNT(*) FROM articles").fetchone(),
            )
        finally:
            db.close()

    before = snapshot()
    # The editor's edit in the published issue (as a draft would make) must survive a re-render.
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    data["sections"][0]["articles"][0]["blurb"] = NEW_BLURB
    (out / "issue-1.json").write_text(json.dumps(data), encoding="utf-8")

    mine = demo.parent / "my-templates"
    mine.mkdir()
    body = (EXAMPLES.parent / "templates" / "_issue_body.html").read_text(encoding="utf-8")
    (mine / "_issue_body.html").write_text(
        body.replace('<p class="blurb">', '<p class="blurb fixed">'), encoding="utf-8"
    )
    code, output, err = run("build", "--config", str(demo), "--templates", str(mine), "-q")
    assert (code, output.splitlines()[0]) == (
        0,
        f"Issue 3: 2 article(s) on Service operations -> {out / 'issue-3.html'}",
    )
    code, output, err = run("render", "--config", str(demo), "--templates", str(mine), "1")
    assert code == 0, err
    # Issue 1's six editions, and the archive page and the feed of issues (latest.html is issue 3's);
    # the archive had the new blurb already (the build of issue 3 rendered it from issue-1.json).
    assert output == (
        "Rendered issue(s) 1 again: 8 file(s) written, 6 of them changed: issue-1.html,"
        " issue-1.fragment.html, issue-1.md, issue-1.email.html, issue-1.txt, issue-1.json.\n"
    )
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert 'class="blurb fixed"' in page and NEW_BLURB in page
    assert 'class="blurb fixed"' not in (out / "issue-2.html").read_text(encoding="utf-8")

    code, output, err = run("render", "--config", str(demo), "--all", "--json")
    assert code == 0, err
    assert json.loads(output)["issues"] == [1, 2, 3]
    assert 'class="blurb fixed"' not in (out / "issue-1.html").read_text(encoding="utf-8")
    assert NEW_BLURB in (out / "issue-1.html").read_text(encoding="utf-8")
    assert (out / "latest.html").read_text() == (out / "issue-3.html").read_text()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index("issue-3.html") < index.index("issue-2.html") < index.index("issue-1.html")
    assert snapshot()[2] == before[2] and len(snapshot()[0]) == 3

    code, _, err = run("render", "--config", str(demo), "7")
    # What you named is not there: exit 1, as `curator --help` and README's table say.
    assert code == 1 and "issue 7 was never published (published: 1, 2, 3)" in err


def test_a_mistyped_templates_folder_stops_build_and_render(demo: Path) -> None:
    """walk23: `--templates nosuch` published with curator's own templates, exit 0, where the
    same typo in `settings: templates:` is exit 2."""
    assert run("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    before = sorted(p.name for p in out.iterdir())
    for command in ("build", "render"):
        code, _, err = run(command, "--config", str(demo), "--templates", "nosuch-folder")
        assert code == 2, (command, err)
        assert "no templates folder at `nosuch-folder`" in err
        assert "--templates" in err
    assert sorted(p.name for p in out.iterdir()) == before


def test_a_template_mistake_names_the_included_file_and_line(demo: Path) -> None:
    """12.9: the error named fragment.html, which includes the broken _issue_body.html."""
    mine = demo.parent / "my-templates"
    mine.mkdir()
    (mine / "_issue_body.html").write_text(
        "<article>\n  <h1>{{ title }}</h1>\n  {{ entry.title }}\n</article>\n", encoding="utf-8"
    )
    code, _, err = run("build", "--config", str(demo), "--templates", str(mine), "-q")
    assert code == 2  # a mistake in what the editor wrote, as README's exit codes say (walk23)
    assert err == (
        f"curator: template {mine / '_issue_body.html'}:3: 'entry' is undefined "
        "(rendering fragment.html)\n"
    )
    assert not (demo.parent / "output" / "issue-1.html").exists()
    (mine / "_issue_body.html").unlink()
    assert run("build", "--config", str(demo), "-q", "--no-fetch")[0] == 0
    (mine / "issue.txt").write_text("{{ title }}\n{% if %}\n", encoding="utf-8")
    code, _, err = run("render", "--config", str(demo), "--templates", str(mine))
    assert code == 2
    assert err.startswith(f"curator: template {mine / 'issue.txt'}:2: ")


def test_a_sentence_naming_an_empty_next_theme_is_left_out_and_said(demo: Path) -> None:
    """walk14: "Next: {next_theme}." in introductions/issue-6.md was published as "Next: ." with
    no word: the newsletter has no plan of themes, so there is no next theme."""
    folder = demo.parent / "introductions"
    folder.mkdir()
    own = folder / "issue-1.md"
    own.write_text("Welcome to issue {number}.\n\nNext: {next_theme}. See you then.\n", "utf-8")
    said = (
        f"{own}:3: {{next_theme}} is empty in issue 1 (feeds.yaml has no `themes: plan`, so there"
        ' is no next theme), so the sentence "Next: {next_theme}." was left out of its'
        f" introduction; to say something there, write it without {{next_theme}} in {own} (or in"
        " the draft, when you review one)"
    )
    code, _, err = run("draft", "--config", str(demo))
    assert code == 0, err
    assert said in " ".join(err.split())
    draft = (demo.parent / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert "Welcome to issue 1.\n\nSee you then." in draft and "Next:" not in draft

    code, _, err = run("build", "--config", str(demo))
    assert code == 0, err
    assert said in " ".join(err.split())
    out = demo.parent / "output"
    issue = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    assert issue["introduction"] == "Welcome to issue 1.\n\nSee you then."
    assert "Next: ." not in (out / "issue-1.txt").read_text(encoding="utf-8")


def test_a_missing_draft_is_named_without_a_line_number(demo: Path) -> None:
    """walk15: a draft that is not there was reported as `issue-2.md:0: ...`, a line 0 the editor
    cannot look up."""
    missing = demo.parent / "drafts" / "issue-2.md"
    code, _, err = run("build", "--config", str(demo), "--draft", str(missing))
    assert code != 0
    assert f"{missing}: cannot read the draft" in err and f"{missing}:0:" not in err


def _drafted(demo: Path) -> Path:
    assert run("fetch", "--config", str(demo), "-q")[0] == 0
    assert run("draft", "--config", str(demo))[0] == 0
    return demo.parent / "drafts" / "issue-1.md"


def test_a_broken_article_heading_stops_the_build_naming_its_line(demo: Path) -> None:
    """Before: `##Five Definitions` (no space) or `### ...` was read as text, and the article with
    its url: and author: lines was published inside the previous article's blurb, exit 0."""
    path = _drafted(demo)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("## Five Definitions"))
    for broken in ("##Five Definitions", "### Five Definitions"):
        lines[at] = broken + lines[at].removeprefix("## Five Definitions")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        code, _, err = run("build", "--config", str(demo), "--draft", str(path))
        assert code == 2, err
        mistakes = [line for line in err.splitlines() if f"{path}:" in line]
        assert len(mistakes) == 1, err  # its url: and author: lines are not mistakes of their own
        assert f"{path}:{at + 1}:" in mistakes[0]
        assert f"'{broken[:20]}" in mistakes[0]
        assert "' is not a heading: write '## Five Definitions" in mistakes[0]
        assert not (demo.parent / "output" / "issue-1.html").exists()


def test_a_broken_first_subject_heading_is_the_one_mistake_named(demo: Path) -> None:
    """`#The basics...` (no space) before the first articles: that line is named, not each article
    under it as "before any subject"."""
    path = _drafted(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[at] = "#" + lines[at][2:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 2, err
    assert err.startswith(f"curator: {path}:{at + 1}: '{lines[at][:30]}"), err
    assert f"is not a heading: write '# {lines[at][1:30]}" in err
    assert "before any subject" not in err


@pytest.mark.parametrize("written", ["#Why this issue", "# Why this issue"])
def test_a_heading_in_the_introduction_is_advised_as_one_that_works(
    demo: Path, written: str
) -> None:
    """walk21 #3: `#Why this issue` in the introduction was advised as "write '# Why this issue'",
    and doing so gave "text under subject 'Why this issue' belongs to no article". The advice
    is a heading of the introduction, and following it publishes the issue."""
    path = _drafted(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[at:at] = [written, "", "Because it matters.", ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 2, err
    mistakes = [line for line in err.splitlines() if f"{path}:" in line]
    assert len(mistakes) == 1, err
    flat = " ".join(err.split())
    assert "write '### Why this issue'" in flat, err
    assert "write '# Why this issue'" not in flat
    lines[at] = "### Why this issue"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    page = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    # (under the issue's title, level with the subjects: walk110 #2)
    assert "<h2>Why this issue</h2>" in page and "Because it matters." in page


def test_a_field_line_inside_a_blurb_is_a_mistake(demo: Path) -> None:
    """A `url:` line in the middle of a blurb paragraph was published as blurb text."""
    path = _drafted(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("url: ")) + 1
    while lines[at].strip():  # past the fields, the blank line, onto the blurb's first line
        at += 1
    at += 1
    lines.insert(at + 1, "url: https://example.com/pasted")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 2, err
    assert f"{path}:{at + 2}: 'url: https://example.com/pasted' looks like a field" in err


def test_a_blurb_line_starting_with_a_hash_is_drafted_escaped_and_published(demo: Path) -> None:
    """The draft writes a blurb or introduction line that starts with # with a backslash, so the
    check above never stops a draft curator wrote itself."""
    path = _drafted(demo)
    text = path.read_text(encoding="utf-8")
    blurb_start = text.index("\n\n", text.index("\nurl: ")) + 2
    text = text[:blurb_start] + "\\#CX matters here.\n" + text[blurb_start:]
    path.write_text(text, encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert "#CX matters here." in (demo.parent / "output" / "issue-1.md").read_text("utf-8")


def test_a_deleted_credit_line_publishes_none_and_says_so(demo: Path) -> None:
    """Before: deleting an article's author: or publication: line published it without one, and
    nothing said so. Now it still publishes none (as an empty line does, on purpose), with a
    warning naming the line and how to put the credit back."""
    path = _drafted(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    five = next(i for i, line in enumerate(lines) if line.startswith("## Five Definitions"))
    assert lines[five + 2 : five + 4] == [
        "author: Tomasz Wielgus",
        "publication: Northwind CX Journal",
    ]
    delight = next(i for i, line in enumerate(lines) if line.startswith("## Delight"))
    assert lines[delight + 2] == "author: Helena Ashworth"
    lines[delight + 2] = "author:"  # none, on purpose: no warning
    del lines[five + 2 : five + 4]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("build", "--config", str(demo), "--draft", str(path), "--json")
    assert code == 0, err
    warnings = json.loads(out)["warnings"]
    at = f"{path}:{five + 1}: 'Five Definitions of Customer Experience, and the One We Use'"
    assert (
        f"{at} is published without its author (Tomasz Wielgus): its author: line is not in" in err
    )
    assert "put back 'author: Tomasz Wielgus' under the heading" in err
    assert "without its publication (Northwind CX Journal)" in err
    assert "put back 'publication: Northwind CX Journal'" in err
    assert sum("is published without" in w["message"] for w in warnings) == 2, warnings
    assert "Delight" not in err
    page = (demo.parent / "output" / "issue-1.md").read_text(encoding="utf-8")
    five_entry = page.split("Five Definitions", 1)[1].split("###", 1)[0]
    delight_entry = page.split("Delight", 1)[1].split("###", 1)[0]
    assert "Tomasz" not in five_entry and "Northwind CX Journal" not in five_entry
    assert "Helena Ashworth" not in delight_entry and "Brightline Insights" in delight_entry


def test_build_draft_followed_by_an_option_says_draft_takes_a_file(themed_demo: Path) -> None:
    """walk28 #4: `build --draft --no-fetch` took "--no-fetch" for the draft's path and said
    "--no-fetch: cannot read the draft"; it now says --draft takes the draft's file."""
    code, out, err = run("build", "--config", str(themed_demo), "--draft", "--no-fetch")
    assert code == 2, err
    assert out == ""
    err = sans_config(err)
    assert (
        "curator: --draft takes the draft's file, and got the option --no-fetch: write"
        " `curator build --draft drafts/issue-N.md`"
    ) in " ".join(err.split())
    assert not (themed_demo.parent / "output").exists()


def test_a_comment_opened_mid_line_and_never_closed_stops_the_build(demo: Path) -> None:
    """walk34 #9: "...easy half. <!-- check this" at the end of a blurb line was published in
    every format; a comment opened at the start of a line and never closed stops the build."""
    path = _drafted(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("url: ")) + 1
    while lines[at].strip():  # past the fields, onto the blurb's first line
        at += 1
    at += 1
    lines[at] += " <!-- check this"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 2, err
    assert (
        f"{path}:{at + 1}: '<!-- check this': this <!-- comment, in the middle of the line, is"
        " never closed on it, so it would be published as text; put the comment on lines of its"
        " own (a line starting with <!-- and ending with --> is left out of the issue), or"
        " delete it"
    ) in " ".join(err.split()), err
    assert not (demo.parent / "output" / "issue-1.html").exists()
    # Closed on its line, the build goes on (a comment on lines of its own is left out).
    lines[at] = lines[at].replace(" <!-- check this", "")
    lines.insert(at + 1, "<!-- check this -->")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert "check this" not in (demo.parent / "output" / "issue-1.txt").read_text("utf-8")


def test_a_comment_closed_in_the_middle_of_a_blurb_line_is_left_out_of_the_issue(
    demo: Path,
) -> None:
    """walk35 #5: "...easy half. <!-- check this -->" at the end of a blurb line was published,
    comment and all, in every format and silently; a comment on a line of its own is left out,
    and so is one closed on its line in the middle of text."""
    path = _drafted(demo)
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("url: ")) + 1
    while lines[at].strip():  # past the fields, onto the blurb's first line
        at += 1
    at += 1
    blurb = lines[at]
    words = blurb.split(" ")
    lines[at] = " ".join([words[0], "<!-- ask Sam -->", *words[1:]]) + " <!-- check this -->"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    output = demo.parent / "output"
    for name in ("issue-1.txt", "issue-1.html", "issue-1.md", "issue-1.json", "feed.xml"):
        text = (output / name).read_text("utf-8")
        assert "check this" not in text and "ask Sam" not in text, name
    assert blurb[:60] in (output / "issue-1.txt").read_text("utf-8")
