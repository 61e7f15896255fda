"""walk109's findings on what the editor writes: a correction in issue-N.json that curator cannot
publish (an address with no `https://`, a mistyped scheme, a null title) was dropped from every
edition and erased from the file; a relative link in a draft's blurb or introduction lost its
address in the text edition, unnamed. All through the command line, on the offline demo."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import copy_demo, run_cli, said_as_one


@pytest.mark.parametrize(
    ("typed", "fix"),
    [
        ("www.example.com/fixed-post", 'did you mean "https://www.example.com/fixed-post"?'),
        ("htps://example.com/typo", 'did you mean "https://example.com/typo"?'),
        ("javascript:alert(1)", "curator publishes no javascript: link"),
        ("/relative/path", "a path with no site, which leads nowhere from an email or a feed"),
        # (walk117 #3: a space in a site's name was advised "https://exa%20mple.com/x", which
        # pasted was published as a link to a site no browser reaches; %20 is for a path)
        ("https://exa mple.com/x", "a site's name holds no space: check the address"),
        ("https://exa%20mple.com/x", 'a site\'s name holds no "%": check the address'),
        ("https://example.com/a b", 'write "https://example.com/a%20b" (a space as %20)'),
    ],
)
def test_a_corrected_url_curator_cannot_link_is_refused_and_kept(
    published_demo: Path, typed: str, fix: str
) -> None:
    """walk109 #1: `render 1` said only "Rendered issue(s) 1 again", every edition lost the
    article's link, and issue-1.json was written again with "url": null."""
    out = published_demo.parent / "output"
    path = out / "issue-1.json"
    before = path.read_text(encoding="utf-8")
    data = json.loads(before)
    article = data["sections"][0]["articles"][1]
    title = article["title"]
    article["url"] = typed
    edited = json.dumps(data, indent=2, ensure_ascii=False)
    path.write_text(edited, encoding="utf-8")
    page = (out / "issue-1.html").read_bytes()
    try:
        code, stdout, err = run_cli("render", "1", "--config", str(published_demo))
        assert code == 2, err
        said = said_as_one(err)
        assert f'{path}: article 2 "{title}" of section 1 (sections[0].articles[1])' in said
        assert f'"url" is "{typed}", which curator cannot link' in said
        assert fix in said
        if "site's name" in fix:
            assert "%20)" not in said
        assert "nothing was written and the file is as you left it" in said
        assert "Rendered issue" not in stdout
        # The editor's correction is still there, and no edition changed.
        assert path.read_text(encoding="utf-8") == edited
        assert (out / "issue-1.html").read_bytes() == page
    finally:
        path.write_text(before, encoding="utf-8")


def test_other_mistakes_in_issue_json_are_named_and_a_good_correction_published(
    published_demo: Path,
) -> None:
    """walk109 #1, every other field: a null title was published as "None", authors written as
    one string were split into letters, a misspelt key ignored; a date no date, or a comma too
    many, rendered the issue from the store and wrote the file again over the editor's edits."""
    out = published_demo.parent / "output"
    path = out / "issue-1.json"
    before = path.read_text(encoding="utf-8")
    data = json.loads(before)
    first, second = data["sections"][0]["articles"][:2]
    first["title"] = None
    second["authors"] = "Jane Doe"
    second["blurbs"] = "A corrected blurb."
    data["date"] = "15 Dec 2026"
    edited = json.dumps(data, indent=2, ensure_ascii=False)
    path.write_text(edited, encoding="utf-8")
    try:
        code, _, err = run_cli("render", "1", "--config", str(published_demo))
        assert code == 2, err
        said = said_as_one(err)
        assert '"date" is "15 Dec 2026", no date curator reads: write a date' in said
        assert 'article 1 of section 1 (sections[0].articles[0]): "title" holds null' in said
        assert '"authors" holds "Jane Doe" (text): write a list, ["Jane Doe"]' in said
        assert '"blurbs" is no field curator reads (did you mean "blurb"?)' in said
        assert path.read_text(encoding="utf-8") == edited

        # A comma too many: the file was written again from the store, every edit in it lost.
        data = json.loads(before)
        data["sections"][0]["articles"][1]["title"] = "A corrected title"
        edited = json.dumps(data, indent=2).replace('"A corrected title",', '"A corrected title",,')
        path.write_text(edited, encoding="utf-8")
        code, _, err = run_cli("render", "1", "--config", str(published_demo))
        assert code == 2, err
        said = said_as_one(err)
        assert f"{path}: it is no JSON (expecting property name enclosed in double quotes" in said
        assert "to publish the issue as the store recorded it instead, delete the file" in said
        assert path.read_text(encoding="utf-8") == edited

        # Corrected as README says, the address is published in every edition.
        data = json.loads(before)
        data["sections"][0]["articles"][1]["url"] = "https://www.example.com/fixed-post"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        code, _, err = run_cli("render", "1", "--config", str(published_demo))
        assert code == 0, err
        assert 'href="https://www.example.com/fixed-post' in (out / "issue-1.html").read_text(
            encoding="utf-8"
        )
        assert "https://www.example.com/fixed-post" in (out / "issue-1.txt").read_text(
            encoding="utf-8"
        )
        kept = json.loads(path.read_text(encoding="utf-8"))
        assert kept["sections"][0]["articles"][1]["url"] == "https://www.example.com/fixed-post"
    finally:
        path.write_text(before, encoding="utf-8")


BLURB_END = "then be generous where it counts.\n"
LINKED = (
    "See ![the chart](/img/chart.png) and [the study](/studies/1?x=1&y=2#fig) and"
    " [mail us](mailto:ed@example.com).\n"
)


def test_a_relative_link_in_a_draft_is_named_and_keeps_its_address_in_the_text_edition(
    tmp_path: Path,
) -> None:
    """walk109 #3: `build --draft` warned only of the image; the email linked /studies/1 (which
    leads nowhere from a mail) and the .txt said "and the study and mail us <mailto:...>", the
    study's address gone. The introduction's `[the archive](index.html)` was named, but the .txt
    wrote "See the archive and last issue."."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert BLURB_END in text
    text = text.replace(BLURB_END, BLURB_END + LINKED, 1)
    intro = "Welcome to issue 1"
    assert intro in text
    text = text.replace(intro, "See [the archive](index.html) and last issue.\n\n" + intro, 1)
    draft.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    blurb_line = lines.index(LINKED.rstrip("\n")) + 1
    intro_line = lines.index("See [the archive](index.html) and last issue.") + 1

    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'{draft}:{blurb_line}: the link "the study" goes to /studies/1?x=1&y=2#fig, which is no'
        " full web address: the web and email editions link it as written and the text edition"
        ' writes it after its text, "the study (/studies/1?x=1&y=2#fig)"'
    ) in said
    assert "write the whole address, https://..., in the blurb under line" in said
    assert f'{draft}:{intro_line}: the link "the archive" goes to index.html' in said
    assert '"mail us"' not in said  # a mailto: link is a full address

    out = config.parent / "output"
    txt = " ".join((out / "issue-1.txt").read_text(encoding="utf-8").split())
    assert (
        "See the chart and the study (/studies/1?x=1&y=2#fig) and mail us <mailto:ed@example.com>."
    ) in txt
    assert "See the archive (index.html) and last issue." in txt
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    (article,) = [a for s in data["sections"] for a in s["articles"] if a.get("blurb_markdown")]
    assert "the study (/studies/1?x=1&y=2#fig)" in article["blurb"]

    # Rendered again untouched, nothing is said to be corrected and every edition is the same.
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name.startswith("issue-1.")}
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    assert "blurb" not in err
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name.startswith("issue-1.")}
    assert after == before

    # Published by an older curator (the study's address left out of the plain text, in the file
    # and the store alike), the blurb was edited by no one: rendered again, it keeps its Markdown
    # (its link) and takes the text with the address, without a word of a correction.
    old = article["blurb"].replace(" (/studies/1?x=1&y=2#fig)", "")
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        db.execute("UPDATE issue_articles SET blurb = ? WHERE blurb = ?", (old, article["blurb"]))
    db.close()
    article["blurb"] = old
    (out / "issue-1.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    assert "blurb" not in err
    assert (out / "issue-1.txt").read_bytes() == before["issue-1.txt"]
    assert 'href="/studies/1?x=1&amp;y=2#fig"' in (out / "issue-1.html").read_text(encoding="utf-8")
