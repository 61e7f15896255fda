"""walk154's findings on a draft's pieces: a newsletter not in English was told its fixed words
included "December 6, 2026" whatever its issue's date; a blurb's reference link defined in the
introduction was published as the brackets typed, unsaid."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli, said_as_one


def test_a_date_and_references_of_other_pieces_are_said_as_they_are(demo: Path) -> None:
    """W151-14: with `language: he` and no translated `_words.txt`, `build` and `render 1` said
    the fixed words were "Issue 1", "edited by", "December 6, 2026" for an issue dated December
    25: the issue's own date is quoted. NEW-5: a blurb's `[the operator][op]` and `[planned][1]`,
    defined in the introduction (one Markdown file, where they link), were published as typed in
    every edition without a word: the build says so at the blurb's line, with the link to write."""
    config = demo.read_text(encoding="utf-8")
    demo.write_text(config.replace("newsletter:\n", "newsletter:\n  language: he\n", 1), "utf-8")
    code, _, err = run_cli("draft", "--config", str(demo), "--all-subjects", "-q")
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[lines.index(next(ln for ln in lines if ln.startswith("date:")))] = "date: 2026-12-25"
    first = next(i for i, ln in enumerate(lines) if ln.startswith("# "))
    lines[first:first] = [
        "Our [notes][1] say more.",
        "",
        "[1]: https://intro.example/notes",
        "[op]: https://intro.example/operator",
        "",
    ]
    url = next(i for i, ln in enumerate(lines) if ln.startswith("url:"))
    blurb = next(i for i in range(url, len(lines)) if not re.match(r"\w+:", lines[i]))
    lines[blurb:blurb] = ["[The operator][op] says the work is [planned][1]."]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, _, built = run_cli("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, built
    out = demo.parent / "output"
    assert json.loads((out / "issue-1.json").read_text(encoding="utf-8"))["date"].startswith(
        "2026-12-25"
    )
    code, _, rendered = run_cli("render", "1", "--config", str(demo))
    assert code == 0, rendered
    for err in (built, rendered):
        said = said_as_one(err)
        assert '"edited by", "December 25, 2026", "All issues") are in English' in said, err
        assert "December 6" not in said, err

    said = said_as_one(built)
    # The blurb's links are published as typed (every edition reads it alone) and said so.
    assert "[The operator][op]" in (out / "issue-1.html").read_text(encoding="utf-8")
    intro = first + 1
    for written, label, address in (
        ("[The operator][op]", "The operator", "https://intro.example/operator"),
        ("[planned][1]", "planned", "https://intro.example/notes"),
    ):
        defined = intro + 2 + (written.endswith("[op]"))
        assert (
            f"{path}:{blurb + 1}: `{written}` is defined in the introduction (line {defined}):"
            f" a blurb's links are read within it, so every edition publishes `{written}` as"
            f" typed: write it as [{label}]({address}) in the blurb under line"
        ) in said, built
    # The introduction's own [notes][1] is defined in it: nothing said.
    assert "`[notes][1]`" not in said, built
