"""walk113, an editor's review of drafts: an indented `author:` among the fields was read as the
blurb (and the next field was told to take a backslash, which published both as text), a
same-story copy whose explanation line was edited was dropped unsaid, a date corrected in
issue-N.json left the introduction's `{date}` on the old one, a correction to an issue dated
after today never moved its <updated> in feed.xml, a blurb paragraph indented by 4 spaces was
published as code, and `url: htp://...` got no did-you-mean."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

from conftest import copy_demo, run_cli
from tests.test_same_story import TITLES, featured, newsletter, with_blurbs

#: The last words of the demo draft's introduction and of its first blurb.
INTRO_END = "shares it.\n"
BLURB_END = "then be generous where it counts.\n"
#: The fields of the demo draft's third article.
FIELDS = (
    "url: https://northwind-cx.example/2025/04/customer-service-vs-customer-experience/\n"
    "author: Priya Raman\npublication: Northwind CX Journal\n"
)


def _drafted(tmp_path: Path) -> tuple[Path, Path, str]:
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert INTRO_END in text and BLURB_END in text and FIELDS in text
    return config, draft, text


def _line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


def test_a_draft_reads_an_indented_field_a_mistyped_scheme_and_indented_paragraphs(
    tmp_path: Path,
) -> None:
    """#1: ` author: Priya Raman` (one space) right under url: was read as the blurb's first
    line; the publication: line under it was then told to take a backslash, which published
    "author: ... publication: ..." as the blurb. It is the field. #6: `url: htp://...` is told
    the address meant, as feeds.yaml is. #5: a blurb paragraph and an introduction paragraph
    indented by 4 spaces were published as <pre><code>, unwarned."""
    config, draft, text = _drafted(tmp_path)
    slipped = FIELDS.replace("\nauthor:", "\n author:")
    text = text.replace(FIELDS, slipped, 1)
    # A mistyped scheme stops the build, with the address meant.
    mistyped = text.replace("url: https://brightline.example/", "url: htp://brightline.example/", 1)
    draft.write_text(mistyped, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 2, err
    said = " ".join(err.split())
    line = _line_of(mistyped, "url: htp://brightline.example/blog/delight-or-effortless")
    assert (
        f"{draft}:{line}: url 'htp://brightline.example/blog/delight-or-effortless' is not an"
        ' http or https link: its http:// is written "htp://": did you mean'
        ' "http://brightline.example/blog/delight-or-effortless"?'
    ) in said, said
    assert "looks like a field" not in said  # the indented author: is no mistake

    indented = "    This paragraph was indented by a slip, and is prose all the same.\n"
    intro = "\n    An introduction paragraph indented by a slip.\n"
    text = text.replace(BLURB_END, BLURB_END + "\n" + indented, 1)
    text = text.replace(INTRO_END, INTRO_END + intro, 1)
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    assert "looks like a field" not in said and "author: line is not in the draft" not in said
    out = config.parent / "output"
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    arts = {a["url"]: a for s in data["sections"] for a in s["articles"]}
    art = arts["https://northwind-cx.example/2025/04/customer-service-vs-customer-experience/"]
    assert art["authors"] == ["Priya Raman"]
    assert art["publication"] == "Northwind CX Journal"
    assert not art["blurb"].startswith("author:"), art["blurb"]

    # The blurb's indented paragraph is a paragraph in every edition, and said.
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    email = (out / "issue-1.email.html").read_text(encoding="utf-8")
    assert "<p>This paragraph was indented by a slip" in page
    assert "<pre" not in email.split("indented by a slip, and is prose")[0].rsplit("<p", 1)[-1]
    assert "This paragraph was indented by a slip" in email
    blurb_line = _line_of(text, indented.rstrip("\n"))
    heading = _line_of(
        text,
        "## Delight or Effortless? Designing for Customers Who Just Want to Get On With Their Day",
    )
    assert (
        f"{draft}:{blurb_line}: the blurb under line {heading} has a paragraph indented by 4"
        ' spaces or more ("This paragraph was indented by a slip..."), which Markdown reads as'
        " a block of code"
    ) in said, said
    assert "blurbs hold no code, so every edition publishes it as a paragraph" in said
    # The introduction's is published as Markdown has it, and said with its line and the fix.
    intro_line = _line_of(text, intro.strip("\n"))
    assert (
        f'{draft}:{intro_line}: "An introduction paragraph indented by..." is indented by'
        " 4 spaces or more, so it is published as a block of code"
    ) in said, said
    assert f"take the spaces out at the start of its lines in the introduction in {draft}" in said


def test_a_same_story_copy_whose_explanation_line_was_edited_is_named_all_the_same(
    tmp_path: Path, seeds: Path
) -> None:
    """#2: the editor shortened the line under a copy's "##" line in the note of articles left
    out as the same story; the copy was then named under no article, unsaid, and waited for a
    later issue. The "##" line alone decides; a line that no longer says which article, with
    no article in the draft telling the copy's story, is said."""
    config = newsletter(tmp_path, seeds, copy=True)
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = with_blurbs(draft.read_text(encoding="utf-8"))
    explained = re.search(r"\n( *What sets customer experience apart \(Echo\): .*)\n", text)
    assert explained is not None
    text = text.replace(explained.group(1), "   Echo's copy of it, shorter.", 1)
    draft.write_text(text, encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    (first,) = [a for a in featured(tmp_path, 1) if a["title"] == TITLES[0]]
    assert first["also_covered_by"] == [{"name": "Echo", "url": "https://echo.example/cx"}]
    code, out, _ = run_cli("subjects", "list", "--config", str(config))
    line = next(x for x in out.splitlines() if "What sets customer experience apart" in x)
    assert "[issue 1]" in line  # published with the issue, not waiting


def test_a_same_story_copy_whose_line_no_longer_names_a_featured_article_is_said(
    tmp_path: Path, seeds: Path
) -> None:
    """#2: with its explanation line rewritten and the article it told the story of cut, the
    copy is named under no article: said, with the line to write back, not dropped unsaid."""
    config = newsletter(tmp_path, seeds, copy=True)
    code, _, err = run_cli("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = with_blurbs(draft.read_text(encoding="utf-8"))
    explained = re.search(r"\n( *What sets customer experience apart \(Echo\): .*)\n", text)
    assert explained is not None
    text = text.replace(explained.group(1), "   Echo's copy.", 1)
    start = text.index(f"## {TITLES[0]}\n")
    text = text[:start] + text[text.index("\n## ", start + 1) + 1 :]
    draft.write_text(text, encoding="utf-8")
    line = _line_of(text, "## https://echo.example/cx")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        f"{draft}:{line}: https://echo.example/cx, in the note of articles left out as the same"
        ' story, is named by no article: the line under its "##" line no longer says which'
        " article it is the same story as"
    ) in said, said
    assert all(not a["also_covered_by"] for a in featured(tmp_path, 1))


def test_a_corrected_date_reaches_the_introduction_and_the_feed_shows_later_corrections(
    tmp_path: Path,
) -> None:
    """#3: `"date"` corrected in issue-N.json, then `curator render N`: the header had the new
    date and the introduction, written with {date}, the old one, unwarned. #4: the issue now
    dated after today, a later correction left its <updated> in feed.xml at its date, and
    render did not say it marked the entry updated."""
    config, draft, text = _drafted(tmp_path)
    text = text.replace(INTRO_END, INTRO_END + "\nIssue {number} lands on {date}.\n", 1)
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    out = config.parent / "output"
    json_path = out / "issue-1.json"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    was = date.fromisoformat(data["date"][:10])
    later = was + timedelta(days=12)  # after today, as the editor's issues were
    old_text = f"{was:%B} {was.day}, {was:%Y}"
    new_text = f"{later:%B} {later.day}, {later:%Y}"
    assert f"Issue 1 lands on {old_text}." in data["introduction"]
    data["date"] = later.isoformat()
    json_path.write_text(json.dumps(data), encoding="utf-8")
    code, said, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    flat = " ".join(err.split())
    assert (
        f'issue 1: its introduction said "{old_text}", its date before it was corrected in'
        f' {json_path}: it now says "{new_text}" there'
    ) in flat, flat
    page = (out / "issue-1.html").read_text(encoding="utf-8")
    assert f"Issue 1 lands on {new_text}." in page and old_text not in page
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert f"Issue 1 lands on {new_text}." in data["introduction"]

    def updated() -> str:
        feed = (out / "feed.xml").read_text(encoding="utf-8")
        entry = feed[feed.index("<entry") :]
        found = re.search(r"<updated>([^<]+)</updated>", entry)
        assert found is not None
        return found.group(1)

    before = updated()
    assert before >= later.isoformat()  # never before its <published>
    # A correction to the blurb of an issue dated after today moves its <updated> all the same.
    data["sections"][0]["articles"][0]["blurb"] = "A corrected blurb, in two sentences. Truly."
    data["sections"][0]["articles"][0].pop("blurb_markdown", None)
    data["sections"][0]["articles"][0].pop("blurb_html", None)
    json_path.write_text(json.dumps(data), encoding="utf-8")
    code, said, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    after = updated()
    assert after > before, (before, after)
    flat = " ".join(said.split())
    assert f"feed.xml marks the entry of issue(s) 1 updated ({after}: a second past" in flat, flat
    assert "the issue is dated after today" in flat
