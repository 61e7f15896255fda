"""walk195 #5: a draft blurb with a tag inside its Markdown that Markdown writes
(`<em>Avant</em> de partir`, `Map<br>zeigt`) was published with its tags shown as text, and the
warning after publishing gave the Markdown for next time only. Such a tag now stops the build as
an HTML block does, with the Markdown to write; any other tag is published as text and the
warning says how to correct the published issue."""

from __future__ import annotations

from pathlib import Path

from test_draft_markdown import FIRST_BLURB, build, draft_of

from conftest import run_cli


def _with_blurb(demo: Path, blurb: str) -> tuple[Path, int]:
    path = draft_of(demo)
    text = path.read_text(encoding="utf-8")
    start = text.index(FIRST_BLURB)
    end = text.index("\n\n", start)
    path.write_text(text[:start] + blurb + text[end:], encoding="utf-8")
    return path, text[:start].count("\n") + 1


def test_a_blurb_with_inline_tags_markdown_writes_stops_the_build(demo: Path) -> None:
    path, at = _with_blurb(
        demo,
        "<em>Avant</em> de partir, un client envoie des signaux faibles.\n"
        'Eine Customer Journey Map<br>zeigt <a href="https://example.org/map">die Karte</a>.',
    )
    code, out, err = build(demo, path)
    said = " ".join(err.split())
    assert code == 2, out + err
    assert not (demo.parent / "output" / "issue-1.html").exists()
    assert f"{path}:{at}: this blurb holds the HTML <em>, </em>" in said, said
    assert "write Markdown: *Avant* de partir, un client envoie des signaux faibles." in said
    assert f"{path}:{at + 1}: this blurb holds the HTML <br>" in said, said
    assert (
        "write Markdown: Eine Customer Journey Map zeigt [die Karte](https://example.org/map)."
        in said
    ), said


def test_other_tags_are_published_as_text_and_said_how_to_correct_the_issue(demo: Path) -> None:
    path, at = _with_blurb(demo, "A <mark>marked</mark> word, and `<b>code</b>` stays.")
    code, out, err = build(demo, path)
    said = " ".join(err.split())
    assert code == 0, out + err
    html = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "&lt;mark&gt;marked&lt;/mark&gt;" in html
    assert f"{path}:{at}: the HTML <mark>, </mark> is published as visible text" in said, said
    json_file = demo.parent / "output" / "issue-1.json"
    assert (
        f'(the issue is published so: to correct it, its "blurb" in {json_file}, then'
        " `curator render 1" in said
    ), said
    assert run_cli("render", "1", "--config", str(demo))[0] == 0
