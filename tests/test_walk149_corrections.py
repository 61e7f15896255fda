"""walk149, as the editor sees it correcting published issues through output/issue-N.json and
`curator render N`: editions `outputs:` no longer lists kept the old text unsaid (#5); a JSON
credit `X || Y` was published whole (#8); an edit of `blurb_markdown` alone was said to be one of
`blurb` too (#13); a story told again was named by its feed's title, not the one published (#12);
an article cut from issue-N.json stayed in the store and came back (#4); a site named "... <Blog>"
was credited without it (#11); the Gmail warning counted an article past the cut as seen (#14)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_credit_formats import newsletter as cf_newsletter
from test_credit_formats import page
from test_walk53 import featured, newsletter, with_a_copy_of

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def _edit(config: Path, number: int, change: Any) -> Path:
    path = config.parent / "output" / f"issue-{number}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_editions_outputs_no_longer_lists_are_said_out_of_date(demo: Path) -> None:
    """#5: after `outputs: [html, json, index, feed, text]`, `render 1` of a corrected title
    left issue-1.email.html, .fragment.html and .md with the old title, unsaid."""
    assert run("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    text = demo.read_text(encoding="utf-8")
    demo.write_text(
        text.replace("settings:\n", "settings:\n  outputs: [html, json, index, feed, text]\n", 1),
        encoding="utf-8",
    )
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0 and "out of date" not in err  # (nothing corrected: they say the same)

    def retitle(data: dict[str, Any]) -> None:
        data["title"] = "Corrected title"

    _edit(demo, 1, retitle)
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0
    assert "Corrected title" in (out / "issue-1.html").read_text(encoding="utf-8")
    assert "Corrected title" not in (out / "issue-1.md").read_text(encoding="utf-8")
    assert (
        f"issue 1: issue-1.fragment.html, issue-1.md, issue-1.email.html in {out} are out of"
        " date: `outputs:` in feeds.yaml no longer lists them, so render did not write them,"
        " and they still say what the issue said when last written, not what it says now; add"
        " them back to `outputs:` and render again, or delete them so that no reader gets the"
        " old text"
    ) in said_as_one(err)


def test_json_corrections_split_credits_name_the_blurb_edited_and_count_the_mail(
    demo: Path,
) -> None:
    """#8: `"authors": ["Zoë Ünal || Schools Weekly"]` published "Zoë Ünal || Schools Weekly ||
    <its publication>"; #13: an edit of `blurb_markdown` alone was told as one of "blurb" and
    "blurb_markdown"; #14: a 110 KB introduction left every article's link past Gmail's cut,
    and the warning said readers see about its first of them."""
    assert run("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    first: dict[str, Any] = {}

    def correct(data: dict[str, Any]) -> None:
        arts = data["sections"][0]["articles"]
        first.update(arts[0])
        arts[0]["authors"] = ["Zoë Ünal || Schools Weekly"]
        arts[1]["blurb_markdown"] = "Surprise *and* delight, first version."

    path = _edit(demo, 1, correct)
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0, err
    said = said_as_one(err)
    before = first["publication"]
    assert (
        f'issue 1, "{first["title"]}": "Zoë Ünal || Schools Weekly" in its "authors" in {path}'
        ' is read as a credit line: the author "Zoë Ünal" before "||", and the publication'
        f' "Schools Weekly" after it, which is published, in place of its "publication",'
        f' "{before}"; "authors" names the people, and the publication goes in "publication"'
        " (issue-1.json is written again so)"
    ) in said
    text = (out / "issue-1.txt").read_text(encoding="utf-8")
    assert "Zoë Ünal || Schools Weekly" in text and f"Schools Weekly || {before}" not in text
    data = json.loads(path.read_text(encoding="utf-8"))
    arts = data["sections"][0]["articles"]
    assert (arts[0]["authors"], arts[0]["publication"]) == (["Zoë Ünal"], "Schools Weekly")

    def markdown_only(data: dict[str, Any]) -> None:
        data["sections"][0]["articles"][1]["blurb_markdown"] = "Surprise *and* delight, again."

    _edit(demo, 1, markdown_only)
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        f'issue 1, "{arts[1]["title"]}": its "blurb_markdown" as corrected in {path} is'
        ' published in every edition (its "blurb", the plain text of the text edition, is'
        " written again from it), and the store now keeps it too"
    ) in said
    assert '"blurb" and "blurb_markdown"' not in said
    assert "Surprise and delight, again." in (out / "issue-1.txt").read_text(encoding="utf-8")

    def long_intro(data: dict[str, Any]) -> None:
        data["introduction"] = ("Word " * 40 + "\n\n") * 550
        del data["introduction_html"]

    _edit(demo, 1, long_intro)
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0, err
    said = said_as_one(err)
    assert (
        "so readers of a mail made from it see none of its 10 article(s) (its introduction"
        " alone is 108 KB)"
    ) in said, said
    assert "or shorten the introduction or the blurbs" in said


def test_an_article_cut_from_issue_json_is_cut_from_the_store_too(demo: Path) -> None:
    """#4: an article deleted from issue-1.json was published nowhere, unsaid, while the store
    still said issue 1 published it; once the file was lost, `render 1` published it again in
    every edition, its feed entry marked updated."""
    assert run("build", "--config", str(demo), "-q")[0] == 0
    out = demo.parent / "output"
    cut: dict[str, Any] = {}

    def delete_first(data: dict[str, Any]) -> None:
        cut.update(data["sections"][0]["articles"].pop(0))

    path = _edit(demo, 1, delete_first)
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0, err
    assert (
        f'issue 1: 1 article cut from it in {path}: "{cut["title"]}" ({cut["url"]}); it is'
        " published in no edition, and the store now keeps the cut (an issue whose file is lost"
        " comes back from the store without it): issue 1 no longer features it, so it waits"
        " again for a later issue; to keep it out of every issue, `curator subjects exclude"
        f" {cut['url']} --config {demo}`"
    ) in said_as_one(err)
    code, out_text, _ = run("subjects", "explain", cut["url"], "--config", str(demo))
    assert code == 0 and "issue 1 published it" not in said_as_one(out_text)

    # The file lost: the issue comes back from the store without the article, unchanged.
    path.rename(demo.parent / "issue-1.json.lost")
    code, out_text, err = run("render", "1", "--config", str(demo))
    assert code == 0, err
    for name in ("issue-1.html", "issue-1.txt", "feed.xml"):
        assert cut["url"] not in (out / name).read_text(encoding="utf-8"), name
    assert "feed.xml marks the entry" not in out_text
    # Said once: a second render has nothing to say of it.
    code, _, err = run("render", "1", "--config", str(demo))
    assert code == 0 and "cut from it" not in err


def test_a_story_told_again_is_named_by_the_title_its_issue_printed(tmp_path: Path) -> None:
    """#12: after issue 1 published an article's title corrected in issue-1.json, the next
    draft's note and build's warning on a copy of it named it by its feed's title."""
    config = newsletter(tmp_path, articles=4)
    assert run("build", "--config", str(config), "-q")[0] == 0
    original = featured(tmp_path, 1)[0]
    corrected = "Coffee notes, corrected (updated)"

    def retitle(data: dict[str, Any]) -> None:
        for art in data["sections"][0]["articles"]:
            if art["url"] == original:
                art["title"] = corrected

    _edit(config, 1, retitle)
    assert run("render", "1", "--config", str(config))[0] == 0
    copy = with_a_copy_of(config, original)
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    text = (tmp_path / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    assert f'\n   1 copy of "{corrected}" ({original}), published in issue 1: {copy} (' in text
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert (
        f'was left out as the same story as "{corrected}" ({original}), which issue 1 published'
    ) in said_as_one(err)


def test_a_site_name_with_a_word_in_angle_brackets_is_credited_whole(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """#11: og:site_name "Ben &amp; Jerry&#x27;s &lt;Blog&gt;" was credited "Ben & Jerry's", the
    `<Blog>` taken for a tag; a tag of HTML in a name is still no part of it."""
    items = [
        (
            "Customer support effort at the ice cream counter",
            "<dc:creator>Ravi Patel</dc:creator>",
            page("Customer support effort", site="Ben &amp; Jerry&#x27;s &lt;Blog&gt;"),
        ),
        (
            "Customer service stars of the support desk",
            "<dc:creator>Ana Lima</dc:creator>",
            page("Customer service stars", site="Museum &lt;b&gt;Notes&lt;/b&gt;"),
        ),
    ]
    config = cf_newsletter(tmp_path, http_server, items)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    out = tmp_path / "output"
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    credited = {a["publication"] for s in data["sections"] for a in s["articles"]}
    assert credited == {"Ben & Jerry's <Blog>", "Museum Notes"}
    shown = (out / "issue-1.html").read_text(encoding="utf-8")
    assert "Ben &amp; Jerry&#39;s &lt;Blog&gt;" in shown and "<Blog>" not in shown
