"""walk106's findings publishing the editions: a corrected Markdown blurb reached the text
edition alone, a non-ASCII autolink written twice in the text edition, and an introduction link
with a space in its address published differently by each renderer."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import copy_demo, run_cli

BLURB_END = "then be generous where it counts.\n"


def _draft_with_markdown_blurb(tmp_path: Path) -> tuple[Path, Path, dict]:
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert BLURB_END in text
    text = text.replace(
        BLURB_END, BLURB_END + "Read [the docs](https://example.com/docs) **now**.\n", 1
    )
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    out = config.parent / "output"
    data = json.loads((out / "issue-1.json").read_text(encoding="utf-8"))
    return config, out, data


def _the_article(data: dict) -> dict:
    (art,) = [a for s in data["sections"] for a in s["articles"] if a.get("blurb_markdown")]
    return art


def _editions(out: Path) -> dict[str, str]:
    names = [p.name for p in out.iterdir() if p.name.startswith("issue-1.") or p.name == "feed.xml"]
    assert {"issue-1.html", "issue-1.txt", "issue-1.md", "feed.xml"} <= set(names)
    return {n: (out / n).read_text(encoding="utf-8") for n in names if not n.endswith(".json")}


def test_a_corrected_blurb_of_a_markdown_blurb_reaches_every_edition(tmp_path: Path) -> None:
    """walk106 #1: README's way (edit "blurb" in issue-N.json, render N) changed only the .txt
    when the article had a Markdown blurb; the others kept the old one, with no word."""
    config, out, data = _draft_with_markdown_blurb(tmp_path)
    _the_article(data)["blurb"] = "CORRECTED blurb text."
    (out / "issue-1.json").write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    for name, text in _editions(out).items():
        assert "CORRECTED blurb text." in text, name
        assert "the docs" not in text, name
    said = " ".join(err.split())
    assert 'its corrected "blurb" is published in every edition' in said


def test_a_corrected_blurb_markdown_reaches_the_text_edition_too(tmp_path: Path) -> None:
    """walk106 #1: editing "blurb_markdown" alone updated every edition but the .txt."""
    config, out, data = _draft_with_markdown_blurb(tmp_path)
    _the_article(data)["blurb_markdown"] = "Read [the new docs](https://example.com/new) **now**."
    (out / "issue-1.json").write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    for name, text in _editions(out).items():
        assert "the new docs" in text, name


def test_both_blurb_fields_corrected_differently_are_named(tmp_path: Path) -> None:
    config, out, data = _draft_with_markdown_blurb(tmp_path)
    _the_article(data)["blurb"] = "One thing."
    _the_article(data)["blurb_markdown"] = "Another **thing**."
    (out / "issue-1.json").write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    said = " ".join(err.split())
    assert 'its "blurb" and "blurb_markdown" in issue-1.json say different things' in said


def test_a_render_of_an_uncorrected_markdown_blurb_says_nothing_of_it(tmp_path: Path) -> None:
    config, out, _ = _draft_with_markdown_blurb(tmp_path)
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    assert "blurb_markdown" not in err and "corrected" not in err


def test_a_non_ascii_autolink_in_a_blurb_is_written_once_in_the_text_edition(
    tmp_path: Path,
) -> None:
    """walk106 #2: `<http://127.0.0.1:8716/café.html?q=1&x=2#f>` in a draft's blurb was written
    in the .txt as its address and again, percent-encoded, in brackets."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    link = "http://127.0.0.1:8716/café.html?q=1&x=2#f"
    text = text.replace(BLURB_END, BLURB_END + f"Links <{link}> too.\n", 1)
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    txt = (config.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert f"Links <{link}> too." in " ".join(txt.split())  # as written (walk107 #1)
    assert "caf%C3%A9" not in txt


def test_an_introduction_link_with_a_space_in_its_address_is_warned_about(
    tmp_path: Path,
) -> None:
    """walk106 #3: `[our site](https://example.com/a b?x=1&y=2)` is text in the HTML, email and
    text editions, a link in Jekyll and half a link in Hugo, and the build said nothing."""
    config = copy_demo(tmp_path)
    code, _, err = run_cli("draft", "--config", str(config))
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert "shares it.\n" in text
    text = text.replace(
        "shares it.\n",
        "shares it. See [our site](https://example.com/a b?x=1&y=2) and"
        ' [the docs](https://example.com/docs "Docs").\n',
        1,
    )
    draft.write_text(text, encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(config), "--draft", str(draft), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    assert (
        '"[our site](https://example.com/a b?x=1&y=2)" is no link, as its address holds a space'
    ) in said, said
    assert "write each space as %20" in said
    assert "[our site](<https://example.com/a b?x=1&y=2>)" in said
    assert "the docs" not in said
