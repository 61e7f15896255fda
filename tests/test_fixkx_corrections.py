"""walk199 (fixkx): a credit or title the feed, or the editor, corrected reaches the issue. A
draft's `author:` line left as curator wrote it follows the feed's correction since, and only
an edited one is the editor's correction; a title corrected in a published issue is carried
to an issue featuring the article again, as a corrected credit is; a feed's correction of an
article two issues published names both. Through the CLI, against a feed and pages on a real
HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import re
from pathlib import Path

from test_walk126_stored import first_issue, serve_week

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

END = (
    "<!-- end of the draft: keep this line last; a draft without it was cut off while saved,"
    " and curator does not build it -->"
)


def _entries(draft: Path) -> list[tuple[str, str, int]]:
    """The draft's articles: (title, address, line of the heading), in the draft's order."""
    lines = draft.read_text(encoding="utf-8").splitlines()
    found = []
    for n, text in enumerate(lines, 1):
        if text.startswith("## ") and "://" not in text and lines[n].startswith("url: "):
            found.append((text[3:], lines[n][5:].strip(), n))
    return found


def _published(out: Path, number: int) -> dict[str, dict[str, object]]:
    """Issue `number`'s articles as its issue-N.json publishes them, by address."""
    issue = json.loads((out / f"issue-{number}.json").read_text(encoding="utf-8"))
    return {a["url"]: a for s in issue["sections"] for a in s["articles"]}


def _feature_again(tmp_path: Path, number: int, urls: list[str], subject: str = "") -> Path:
    """A draft of issue `number` the editor wrote featuring `urls` again, each a `## URL`
    heading listed under `feature_again:`, under `subject` (else the first of issue 2's draft)."""
    if not subject:
        before = (tmp_path / "drafts" / "issue-2.md").read_text(encoding="utf-8")
        found = re.search(r"^# (.+)$", before, re.M)
        assert found is not None, before
        subject = found.group(1)
    headings = "".join(f"## {u}\n\n" for u in urls)
    draft = tmp_path / "drafts" / f"issue-{number}.md"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(
        f"---\ntitle: CX Weekly\nnumber: {number}\ndate: 2026-12-20\n"
        f"feature_again: [{', '.join(urls)}]\n---\n\n# {subject}\n\n{headings}{END}\n",
        encoding="utf-8",
    )
    return draft


def test_a_drafts_author_line_left_as_written_follows_the_feeds_correction(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk199 #1: `curator draft` wrote `author: Jane Ortiz`; the feed and the page then
    credited "Corrected Person"; `fetch` and `build --draft` (the author line not edited) said
    the title line but published the old credit without a word, and a later draft featuring the
    article said it "is published as you corrected it in issue 2": curator's own stale line
    taken for the editor's correction. The line as curator wrote it follows the feed, said
    with its line; only a line the editor changed is their correction."""
    path, _ = first_issue(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(path), "--all-subjects", "--no-fetch")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    entries = _entries(draft)
    assert len(entries) == 2, entries
    (left, left_url, left_line), (edited, edited_url, _) = entries
    text = draft.read_text(encoding="utf-8")
    block = text.index(f"url: {edited_url}\n")
    assert text[block:].split("\n")[1] == "author: Jane Ortiz", text
    text = text[:block] + text[block:].replace("author: Jane Ortiz", "author: Jane M. Ortiz", 1)
    draft.write_text(text, encoding="utf-8")

    out = tmp_path / "output"
    serve_week(http_server, corrected=True)  # retitled, and credited to Corrected Person
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    assert (
        f'{draft}:{left_line}: the credit of "{left}" ({left_url}) was corrected in its feed'
        ' since the draft was written: now "Corrected Person"; the draft has curator\'s line'
        ' ("Jane Ortiz"), and `curator build --draft'
    ) in said_as_one(err), err
    assert f"({edited_url}) was corrected in its feed" not in err, err
    code, _, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    said = said_as_one(err)
    published = _published(out, 2)
    assert published[left_url]["authors"] == ["Corrected Person"], published
    assert published[edited_url]["authors"] == ["Jane M. Ortiz"], published
    assert (
        f'{draft}:{left_line}: the credit of "{left}" ({left_url}) was corrected in its feed'
        ' since the draft was written: published "Corrected Person", not "Jane Ortiz", as your'
        " draft had curator's line, not an edit of yours; to publish another, correct its"
        f' "authors" in {out / "issue-2.json"} and run `curator render 2'
    ) in said, err
    assert "Corrected Person" in (out / "issue-2.html").read_text(encoding="utf-8")

    # Issue 3 features both again: only the credit the editor edited is their correction.
    later = _feature_again(tmp_path, 3, [left_url, edited_url])
    code, _, err = run("build", "--config", str(path), "--draft", str(later))
    assert code == 0, err
    said = said_as_one(err)
    assert f"({edited_url}) is published as you corrected it in issue 2: Jane M. Ortiz" in said
    assert f"({left_url}) is published as you corrected it" not in said, err
    again = _published(out, 3)
    assert again[left_url]["authors"] == ["Corrected Person"], again
    assert again[edited_url]["authors"] == ["Jane M. Ortiz"], again
    assert edited != left


def test_an_author_line_left_as_written_is_no_typo_when_the_feed_fixed_its_spelling(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk199 #1, a feed fixing a misspelt name ("Jane Ortz" to "Jane Ortiz") after `curator
    draft` wrote it: the draft's line, curator's, is no typo of the editor's to stop the build
    for ("did you mean"); the feed's spelling is published. A line the editor typed one letter
    off still stops it."""
    path, _ = first_issue(tmp_path, http_server, author="Jane Ortz")
    code, _, err = run("draft", "--config", str(path), "--all-subjects", "--no-fetch")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    (_, left_url, _), (_, right_url, _) = _entries(draft)
    text = draft.read_text(encoding="utf-8")
    assert text.count("author: Jane Ortz\n") == 2, text
    serve_week(http_server)  # "Jane Ortiz" now, in the feed and on the pages
    code, _, err = run("fetch", "--config", str(path))
    assert code == 0, err
    code, _, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    published = _published(tmp_path / "output", 2)
    assert published[left_url]["authors"] == ["Jane Ortiz"], published
    assert published[right_url]["authors"] == ["Jane Ortiz"], published
    assert "did you mean" not in err, err


def test_a_title_corrected_in_a_published_issue_is_carried_when_featured_again(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk199 #2: a title corrected in issue-1.json and `curator render 1` ("the store now
    keeps it too") went back to the feed's when a later draft featured the article again
    (`feature_again:` and `## URL`), without a word, while its corrected credit was carried and
    said. The title is carried too, and said as the credit is."""
    path, _ = first_issue(tmp_path, http_server)
    out = tmp_path / "output"
    issue_json = out / "issue-1.json"
    issue = json.loads(issue_json.read_text(encoding="utf-8"))
    first = issue["sections"][0]["articles"][0]
    subject = issue["sections"][0]["subject"]
    was, first["title"] = first["title"], "The editor's corrected title"
    first["authors"] = ["Jane Q. Ortiz"]
    issue_json.write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    said = said_as_one(err)
    assert "the store now keeps it too" in said, err
    assert "a later issue featuring it again publishes this title" in said, err

    draft = _feature_again(tmp_path, 2, [first["url"]], subject)
    code, _, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    said = said_as_one(err)
    again = _published(out, 2)[first["url"]]
    assert again["title"] == "The editor's corrected title", again
    assert again["authors"] == ["Jane Q. Ortiz"], again
    assert f"({first['url']}) is published as you corrected it in issue 1: Jane Q. Ortiz" in said
    assert (
        f'the title of "The editor\'s corrected title" ({first["url"]}) is published as you'
        f' corrected it in issue 1, not as its page or feed gives it ("{was}")'
    ) in said, err
    html = (out / "issue-2.html").read_text(encoding="utf-8")
    assert "The editor&#39;s corrected title" in html or "The editor’s" in html, html
    assert was not in html


def test_a_feeds_correction_of_an_article_two_issues_published_names_both(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk199 #3: an article published in issue 1 and featured again in issue 2; its feed then
    corrected it, and `curator fetch` named only issue 1 ("published in issue 1, is now ...:
    edit ... issue-1.json"), leaving issue 2 wrong unsaid. Every issue is named, each with its
    file to edit and its render (in --json too, one entry per issue)."""
    path, _ = first_issue(tmp_path, http_server)
    out = tmp_path / "output"
    issue = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    first = issue["sections"][0]["articles"][0]
    draft = _feature_again(tmp_path, 2, [first["url"]], issue["sections"][0]["subject"])
    code, _, err = run("build", "--config", str(path), "--draft", str(draft))
    assert code == 0, err
    assert first["url"] in _published(out, 2)

    serve_week(http_server, corrected=True)
    code, stdout, err = run("fetch", "--config", str(path), "--json")
    assert code == 0, err
    said = said_as_one(err)
    line = next(s for s in err.splitlines() if f'"{first["title"]}", published in' in s)
    assert f'"{first["title"]}", published in issues 1 and 2, is now "Rethinking it: ' in said
    assert (
        "in its feed: issues 1 and 2 are left as they were published, their blurb too; to"
        f' correct them, edit its "title", "authors" (and "blurb", if its page changed too) in'
        f" {out / 'issue-1.json'}, then `curator render 1"
    ) in said, err
    assert f"and in {out / 'issue-2.json'}, then `curator render 2" in said, err
    assert err.count(f'"{first["title"]}", published in') == 1, line
    changed = json.loads(stdout)["feeds"][0]["changed_published"]
    mine = [c for c in changed if c["published_title"] == first["title"]]
    assert sorted((c["issue"], c["json_file"]) for c in mine) == [
        (1, str(out / "issue-1.json")),
        (2, str(out / "issue-2.json")),
    ], changed
