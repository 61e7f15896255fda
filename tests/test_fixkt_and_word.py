"""fixkt (walk196's left-alone list): the warning of a `_words.txt` without `and_word` (fixkk)
was given of every issue, even one whose articles each have one author and whose theme is one
subject, where no English "and" is published. Now it is given only when curator's " and " joins
names in what is published, naming where. Set up as fixkk's tests: a French newsletter on a real
HTTP server, a real store, curator's templates copied and translated."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixkk_and_word import french_issue

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def _without_and_word(tmp_path: Path) -> Path:
    words = tmp_path / "templates" / "_words.txt"
    text = words.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True) if "set and_word" not in line]
    words.write_text("".join(lines), encoding="utf-8")
    return words


def test_no_and_word_warning_when_no_and_is_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path = french_issue(tmp_path, http_server, None)
    _without_and_word(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "    - [Mesurer l'expérience client, Service client]\n",
            "    - Mesurer l'expérience client\n",
        ),
        encoding="utf-8",
    )
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    issue = json.loads((tmp_path / "output" / "issue-1.json").read_text(encoding="utf-8"))
    assert issue["theme"] == ["Mesurer l'expérience client"], issue["theme"]
    authors = [a["authors"] for s in issue["sections"] for a in s["articles"]]
    assert all(len(a) < 2 for a in authors), authors
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert " and " not in html, html
    assert "`and_word`" not in said_as_one(out + err), out + err
    # nor does `render`, which renders it again
    code, out, err = run("render", "1", "--config", str(path))
    assert code == 0, err
    assert "`and_word`" not in said_as_one(out + err), out + err


def test_the_and_word_warning_says_where_the_english_and_is_published(
    tmp_path: Path, http_server: LocalServer
) -> None:
    path = french_issue(tmp_path, http_server, None)
    words = _without_and_word(tmp_path)
    code, out, err = run("build", "--config", str(path))
    assert code == 0, err
    said = said_as_one(out + err)
    assert (
        f"{words}: has no `and_word`, so curator's English was published for it (“and” joins"
        in said
    ), said
    assert "issue 1's theme (Mesurer l'expérience client and Service client)" in said, said
    assert "issue 1's credit of “" in said and "(Jean-François Dupré and Anaïs Le Bihan)" in said, (
        said
    )
    assert '{%- set and_word = " and " -%}' in said, said
