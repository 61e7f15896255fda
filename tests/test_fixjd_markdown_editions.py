"""walk188 #1, #7 (fixjd): what Markdown does to the editor's words in every edition. Through the
CLI: a feed and its pages on a real HTTP server on 127.0.0.1, a real SQLite store, the real
templates; `draft`, the editor's blurb written into the draft, `build --draft`; then issue-1.json's
"introduction" edited and `curator render 1`.

- #1: a numbered line lost its number in the web, blog, email and feed editions (`<ol>` with no
  `start`: `1986. was the year ...` shown "1. was the year ...", `3) measure` / `4) act` as 1., 2.).
- #7: `~~ask everyone~~` was struck through in issue-N.md (Hugo) and shown with its tildes
  everywhere else; a hard break (two trailing spaces) was lost in every edition; the text
  edition and the JSON's "blurb" joined a list and the next paragraph (`argument.\\n1986. was`).
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from test_fixhi_blurbs import _blurb_lines
from test_walk126_stored import serve_week

from conftest import EXAMPLES, LocalServer, run_cli, said_as_one

#: The blurb the editor writes in the draft (walk188's, issue 9 and 10).
BLURB = (
    "Three reasons to build one:\n"
    "\n"
    "- it links **each metric** to an outcome;\n"
    "- it ends the NPS-versus-CSAT argument.\n"
    "\n"
    "1986. was the year the first satisfaction index was published.\n"
    "\n"
    "First line with a hard break  \n"
    "second line after it. Old advice was ~~ask everyone~~ ask at the moment that matters.\n"
    "\n"
    "3) measure\n"
    "4) act"
)
PICKS = "Editor's picks & <notes>"
HTML_EDITIONS = ("issue-1.html", "issue-1.fragment.html", "issue-1.email.html", "feed.xml")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A newsletter whose issue 1 was built from a draft holding `BLURB` (its output folder)."""
    tmp_path = tmp_path_factory.mktemp("fixjd")
    server = LocalServer().start()
    try:
        serve_week(server)
        demo = yaml.safe_load((EXAMPLES / "feeds.yaml").read_text(encoding="utf-8"))
        config = {
            "newsletter": {"title": "CX Weekly", "editor": "Dana Reyes", "issue_size": 2},
            "subjects": demo["subjects"],
            "feeds": [{"url": server.url("/daily.xml"), "name": "Service Daily"}],
            "settings": {"allow_private_addresses": True},
        }
        path = tmp_path / "feeds.yaml"
        path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        code, _, err = run_cli("draft", "--config", str(path), "--all-subjects")
        assert code == 0, err
        draft_file = tmp_path / "drafts" / "issue-1.md"
        lines = draft_file.read_text(encoding="utf-8").split("\n")
        first = min(_blurb_lines("\n".join(lines)).values())
        lines[first] = BLURB
        # ... under a section of the editor's own, `Editor's picks & <notes>` (walk188's)
        heading = max(i for i in range(first) if lines[i].startswith("## "))
        lines[heading:heading] = [f"# {PICKS}", ""]
        number = lines.index(next(line for line in lines if line.startswith("number:")))
        lines.insert(number + 1, f"extra_sections: [{json.dumps(PICKS)}]")
        draft_file.write_text("\n".join(lines), encoding="utf-8")
        code, _, err = run_cli("build", "--config", str(path), "--draft", str(draft_file))
        assert code == 0, err
    finally:
        server.stop()
    (tmp_path / "build-said.txt").write_text(err, encoding="utf-8")
    return tmp_path / "output"


def _read(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def _lists(out: Path, name: str) -> list[str]:
    """Each <ol> of an HTML edition (feed.xml's escaped HTML read back), opening tag and items."""
    html = _read(out, name)
    html = unescape(html) if name == "feed.xml" else html
    html = re.sub(r' style="[^"]*"', "", html)  # the email edition's
    return [" ".join(m.split()) for m in re.findall(r"<ol\b.*?</ol>", html, re.S)]


@pytest.mark.parametrize("name", HTML_EDITIONS)
def test_a_numbered_line_keeps_its_number_in_every_html_edition(built: Path, name: str) -> None:
    lists = _lists(built, name)
    assert any(
        re.fullmatch(r'<ol start="1986"> ?<li>was the year the first satisfaction index.*', ol)
        for ol in lists
    ), lists
    assert any(
        re.fullmatch(r'<ol start="3"> ?<li>measure</li> ?<li>act</li> ?</ol>', ol) for ol in lists
    ), lists
    assert not any(ol.startswith("<ol>") for ol in lists), lists


def test_a_sentence_starting_with_a_year_is_said_with_how_to_keep_it_a_sentence(
    built: Path,
) -> None:
    said = said_as_one((built.parent / "build-said.txt").read_text(encoding="utf-8"))
    assert (
        '"1986. was the year the first satisfaction index was published." is read as a list'
        " numbered from 1986, as Markdown reads a line starting with a number and '.': every"
        " edition publishes it as that list, its number 1986; if it is a sentence, write a"
        " backslash before the '.' (1986\\. was the year the first satisfaction index was"
        " published.)"
    ) in said, said
    assert "numbered from 3" not in said, said  # `3) measure` / `4) act`: a list


@pytest.mark.parametrize("name", HTML_EDITIONS)
def test_strikethrough_and_a_hard_break_are_published_in_every_html_edition(
    built: Path, name: str
) -> None:
    html = _read(built, name)
    html = unescape(html) if name == "feed.xml" else html
    assert "~~" not in html, name
    assert "<s>ask everyone</s>" in html, name
    assert re.search(r"hard break<br ?/?>\s*second line", html), name


def test_the_text_edition_and_json_keep_the_blank_line_after_a_list_and_the_hard_break(
    built: Path,
) -> None:
    text = _read(built, "issue-1.txt")
    issue = json.loads(_read(built, "issue-1.json"))
    blurbs = [a["blurb"] for s in issue["sections"] for a in s["articles"]]
    blurb = next(b for b in blurbs if "1986." in b)
    for said in (text, blurb):
        assert "argument.\n\n1986. was the year" in said, said
        assert "a hard break\nsecond line after it" in said, said
        assert "was ~~ask everyone~~ ask at" in said, said
        assert "\n3. measure\n4. act" in said, said
    md = _read(built, "issue-1.md")
    assert "a hard break  \nsecond line" in md, md
    assert "~~ask everyone~~" in md, md


def test_the_text_editions_underline_is_as_long_as_the_heading_it_publishes(built: Path) -> None:
    """`Editor's picks & <notes>` is published `Editor's picks & < notes>` in the text edition
    (a space after its `<`, so that it is no tag): its `====` was one `=` short."""
    lines = _read(built, "issue-1.txt").split("\n")
    row = lines.index("Editor's picks & < notes>")
    assert lines[row + 1] == "=" * len(lines[row]), lines[row : row + 2]


def test_a_numbered_line_in_an_edited_introduction_keeps_its_number(built: Path) -> None:
    """`curator render 1` after the JSON's "introduction" was edited: `2026. was the year we
    started.` was "1." and `4. Survey` / `5. Benchmark` "1. 2." in every HTML edition."""
    config = built.parent / "feeds.yaml"
    path = built / "issue-1.json"
    issue = json.loads(path.read_text(encoding="utf-8"))
    issue["introduction"] = (
        "Welcome.\n\n2026. was the year we started.\n\nOur steps:\n\n4. Survey\n5. Benchmark"
    )
    path.write_text(json.dumps(issue, ensure_ascii=False, indent=2), encoding="utf-8")
    code, _, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, err
    assert "is read as a list numbered from 2026" in said_as_one(err), err
    for name in HTML_EDITIONS:
        lists = _lists(built, name)
        assert any(
            re.match(r'<ol start="2026"> ?<li>was the year we started', ol) for ol in lists
        ), (name, lists)
        assert any(
            re.fullmatch(r'<ol start="4"> ?<li>Survey</li> ?<li>Benchmark</li> ?</ol>', ol)
            for ol in lists
        ), (name, lists)
    assert "2026. was the year we started." in _read(built, "issue-1.txt")
