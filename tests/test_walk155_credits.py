"""Credits and corrections publish what the editor meant (walk155): a feed's `name:` holding
"||" is refused where it is written (feeds.yaml, `feeds add --name`), and the line-break refusal
never advises one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.conftest import copy_demo, run_cli, said_as_one
from tests.test_walk152_feedlist import BASE, newsletter


def test_a_feed_name_holding_bars_is_refused_in_feeds_yaml_and_feeds_add(tmp_path: Path) -> None:
    config = newsletter(tmp_path)
    line = BASE.splitlines().index("    name: EU Two") + 1
    config.write_text(
        BASE.replace("name: EU Two", 'name: "Small Weekly || Journal"'), encoding="utf-8"
    )
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 2
    assert (
        f'{config}:{line}:11: `name: "Small Weekly || Journal"` holds "||", which an issue prints'
        " between an article's author and its publication (the author comes from each article):"
        ' write the publication\'s name alone, `name: "Small Weekly Journal"`'
    ) in said_as_one(err)
    # The line-break refusal's advice joins the lines with a space, never "||".
    config.write_text(
        BASE.replace("name: EU Two", 'name: "Small Weekly\\n|| Journal"'), encoding="utf-8"
    )
    code, _, err = run_cli("build", "--config", str(config))
    assert code == 2 and 'write the publication\'s name alone, `name: "Small Weekly Journal"`' in (
        said_as_one(err)
    )
    # `feeds add --name` refuses it, and writes nothing.
    config.write_text(BASE, encoding="utf-8")
    code, out, err = run_cli(
        "feeds", "add", "--config", str(config), "https://mid.example/feed",
        "--name", "Mid || Review", "--no-check",
    )  # fmt: skip
    assert code == 2, out + err
    assert (
        '`--name "Mid || Review"` holds "||", which an issue prints between an article\'s author'
        " and its publication (the author comes from each article): write the publication's name"
        ' alone, `--name "Mid Review"`; nothing added'
    ) in said_as_one(err)
    assert config.read_text(encoding="utf-8") == BASE


def _edit(config: Path, number: int, change: Any) -> Path:
    path = config.parent / "output" / f"issue-{number}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_a_blank_author_or_a_broken_publication_in_issue_json_publishes_one_line(
    demo: Path,
) -> None:
    """#2 (and #12, the Gmail advice on a render): `"authors": ["  "]` published "   || The Support Desk Review" (`<bdi>  </bdi>` in
    HTML), and a line break in "publication" put its second line on a line of its own, with only
    the note that the credit was published as corrected."""
    assert run_cli("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    arts: list[dict[str, Any]] = []

    def correct(data: dict[str, Any]) -> None:
        arts.extend(data["sections"][0]["articles"][:2])
        arts[0]["authors"] = ["  "]
        arts[0]["publication"] = "The Support Desk Review"
        arts[1]["authors"] = ["Ann\nBee"]
        arts[1]["publication"] = "The Support Desk Review\nWeekly"
        data["introduction"] = ("Word " * 40 + "\n\n") * 550  # (#12: past Gmail's cut)
        del data["introduction_html"]

    path = _edit(demo, 1, correct)
    code, _, err = run_cli("render", "1", "--config", str(demo))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'issue 1, "{arts[0]["title"]}" in {path}: a blank author in its "authors" is left out'
        ' (to publish no author, write "authors": []) (issue-1.json is written again so)'
    ) in said
    assert (
        f'issue 1, "{arts[1]["title"]}" in {path}: "authors" holds "Ann\\nBee", with a line'
        ' break or a run of spaces, published as "Ann Bee" (a credit is one line: write it so);'
        ' its "publication", "The Support Desk Review\\nWeekly", holds a line break or a run of'
        ' spaces, published as "The Support Desk Review Weekly" (a credit is one line: write it'
        " so) (issue-1.json is written again so)"
    ) in said
    # #12: the issue is published; its draft is gone: the advice is to edit issue-1.json.
    assert (
        f"to send it whole, cut some articles from {path} or shorten the introduction or the"
        " blurbs there and render again, or mail a shorter note that links to the web page"
    ) in said
    assert "in a draft" not in said
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "The Support Desk Review" in lines
    assert "Ann Bee || The Support Desk Review Weekly" in lines
    assert not any(line.startswith((" ", "||")) for line in lines) and "Weekly" not in lines
    assert "<bdi>  </bdi>" not in (out / "issue-1.html").read_text(encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    first, second = data["sections"][0]["articles"][:2]
    assert first["authors"] == [] and second["authors"] == ["Ann Bee"]
    assert second["publication"] == "The Support Desk Review Weekly"


def test_an_article_added_to_issue_json_is_never_featured_again_and_a_bare_issue_is_said(
    tmp_path: Path,
) -> None:
    """#3: an article added to issue-1.json (a copy of an entry with a stored article's "url")
    was published by `render 1` and featured again by the next build, unsaid; #7: cutting every
    article from issue-1.json published an issue with no articles, said only as "N articles
    cut"."""
    demo = copy_demo(tmp_path)
    assert run_cli("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    # An article the next issue would feature (its draft says which).
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    draft = demo.parent / "drafts" / "issue-2.md"
    waiting = re.findall(r"(?m)^url: (\S+)$", draft.read_text(encoding="utf-8"))
    draft.unlink()
    assert waiting
    added, unknown = waiting[0], "https://nowhere.example/an-unstored-article"

    def add(data: dict[str, Any]) -> None:
        arts = data["sections"][0]["articles"]
        arts.append(dict(arts[0], url=added, title="An added article"))
        arts.append(dict(arts[0], url=unknown, title="An unknown article"))

    path = _edit(demo, 1, add)
    code, _, err = run_cli("render", "1", "--config", str(demo))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'issue 1, "An added article": its address in {path}, {added}, is an article the store'
        " holds, added to the issue: it is published, and the store now keeps it as featured by"
        " issue 1, so no later issue features it (an issue whose file is lost comes back from"
        " the store with it)"
    ) in said
    assert (
        f'issue 1, "An unknown article": its address in {path}, {unknown}, is no article the'
        " store holds, and it cannot tell which one it replaced: it is published, but the store"
        " keeps the issue's articles as they were, so the next issues cannot know issue 1"
        " published it"
    ) in said
    assert added in (out / "issue-1.html").read_text(encoding="utf-8")
    code, out_text, _ = run_cli("subjects", "explain", added, "--config", str(demo))
    assert code == 0 and "issue 1 published it" in said_as_one(out_text), out_text
    # The next build does not feature it again (the theme it fit is now too thin).
    code, o, err = run_cli("build", "--config", str(demo))
    issue_2 = out / "issue-2.json"
    assert not (issue_2.exists() and added in issue_2.read_text(encoding="utf-8")), o + err
    assert code == 3 and "is too thin: 1 unfeatured article fit it" in said_as_one(err)

    def cut_all(data: dict[str, Any]) -> None:
        data["sections"] = []

    path = _edit(demo, 1, cut_all)
    code, _, err = run_cli("render", "1", "--config", str(demo))
    assert code == 0, err
    assert (
        f"issue 1 now has no articles: every edition of it publishes its introduction and"
        f" closing line alone, as {path} has it; if you did not mean to cut them all, put their"
        ' entries back in its "sections" and render again'
    ) in said_as_one(err)


def test_one_article_with_a_blank_author_a_credit_line_and_a_broken_publication_gets_one_note(
    demo: Path,
) -> None:
    """D2 of the 15th stop's closing note: a blank author and a line break (walk155 #2) and an
    author written "X || Y" (walk149 #8) were two passes over the credits, each with its own note
    for the same article, the second saying the publication the first said was published was
    replaced. One article with all three gets one note, and one credit line."""
    assert run_cli("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    arts: list[dict[str, Any]] = []

    def correct(data: dict[str, Any]) -> None:
        arts.append(data["sections"][0]["articles"][0])
        arts[0]["authors"] = ["  ", "Ann Lee || Desk Notes"]
        arts[0]["publication"] = "The Support Desk Review\nWeekly"

    path = _edit(demo, 1, correct)
    code, _, err = run_cli("render", "1", "--config", str(demo))
    assert code == 0, err
    said = said_as_one(err)
    note = (
        f'issue 1, "{arts[0]["title"]}" in {path}: a blank author in its "authors" is left out'
        ' (to publish no author, write "authors": []); "Ann Lee || Desk Notes" in its "authors"'
        ' is read as a credit line: the author "Ann Lee" before "||", and the publication "Desk'
        ' Notes" after it, which is published, in place of its "publication", "The Support Desk'
        ' Review Weekly"; "authors" names the people, and the publication goes in "publication"'
        " (issue-1.json is written again so)"
    )
    assert note in said
    # One note of its credit (the store's keeping it is said apart, as for any correction).
    assert said.count(f'"{arts[0]["title"]}" in {path}') == 1
    assert said.count('"Ann Lee || Desk Notes" in its "authors"') == 1
    assert "holds a line break" not in said  # (the publication is not published: said above)
    lines = (out / "issue-1.txt").read_text(encoding="utf-8").splitlines()
    assert "Ann Lee || Desk Notes" in lines
    assert "Weekly" not in lines and not any(line.startswith((" ", "||")) for line in lines)
    assert "Support Desk Review Weekly" not in "\n".join(lines)
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "<bdi>Ann Lee</bdi> || <bdi>Desk Notes</bdi>" in page
    assert "<bdi>  </bdi>" not in page and "Support Desk Review\nWeekly" not in page
    data = json.loads(path.read_text(encoding="utf-8"))
    first = data["sections"][0]["articles"][0]
    assert (first["authors"], first["publication"]) == (["Ann Lee"], "Desk Notes")
