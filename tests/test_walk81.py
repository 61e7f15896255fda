"""walk81 #1-#2: on a store holding many copies of each story, every build read and compared
again every copy of every story the last issues told (a build took 4 s for issue 1, 72 s for
issue 7), and a draft named each copy again, in a warning and a `##` block of its own (3,144
warnings, a 9,780-line draft). The build that finds a copy records it: later runs skip it, and
a draft lists the copies of a story on one line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from test_walk53 import featured, newsletter, text, title, write_feed

from conftest import run_cli as run
from curator import select


def with_copies(config: Path, urls: list[str], each: int) -> dict[str, list[str]]:
    """Bean Wire added to the newsletter, carrying `each` copies (the same title and text, under
    addresses of its own) of every Brew Daily article at `urls`; the copies' addresses by url."""
    items, copies = [], {}
    for url in urls:
        n = int(url.rsplit("-", 1)[1])
        copies[url] = [f"https://beanwire.example/syndicated/{n}-{k}" for k in range(1, each + 1)]
        items += [(title(n), copy, text(n), 9) for copy in copies[url]]
    entry = write_feed(config.parent, "Bean Wire", items)
    config.write_text(config.read_text(encoding="utf-8") + entry, encoding="utf-8")
    return copies


def test_copies_of_a_published_story_are_found_once_then_listed_one_line_per_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = newsletter(tmp_path, articles=4)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    first = featured(tmp_path, 1)
    copies = with_copies(config, first, 3)
    every = [c for cs in copies.values() for c in cs]

    # A draft lists them, one line per story, not a "##" block per copy.
    code, _, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    drafted = (tmp_path / "drafts" / "issue-2.md").read_text(encoding="utf-8")
    note = drafted[drafted.index("<!-- Told in an earlier issue, so left out") :]
    note = note[: note.index("-->")]
    assert "## https://beanwire" not in drafted
    for url, cs in copies.items():
        n = int(url.rsplit("-", 1)[1])
        line = f'   3 copies of "{title(n)}" ({url}), published in issue 1: {", ".join(cs)} ('
        assert line in note, note

    # The build that finds them names each copy once, in a warning per story (and compares each
    # with what was told).
    compared: list[str] = []
    told_before = select._told_before

    def counting(article, *args, **kwargs):  # type: ignore[no-untyped-def]
        compared.append(article.url)
        return told_before(article, *args, **kwargs)

    monkeypatch.setattr(select, "_told_before", counting)
    code, _, err = run("build", "--config", str(config), "--no-fetch", "-q")
    assert code == 0, err
    flat = " ".join(err.split())
    for url, cs in copies.items():
        n = int(url.rsplit("-", 1)[1])
        assert (
            f"3 articles were left out ({', '.join(cs)}) as the same story as"
            f' "{title(n)}" ({url}), which issue 1 published: they share 100% of their text'
        ) in flat, flat
    warnings = flat.split("curator: warning: ")
    for copy in every:  # (one warning per story, naming each copy once)
        assert sum(copy in w for w in warnings) == 1, flat
    assert set(every) <= set(compared)
    assert not set(every) & set(featured(tmp_path, 2))

    # Later runs neither compare them again nor name them again.
    compared.clear()
    for command in ("draft", "build"):
        code, out, err = run(command, "--config", str(config), "--no-fetch", "-q")
        assert code == 0, err
        assert out.startswith("Nothing new to feature"), out
        for copy in every:
            assert copy not in err, err
    assert not set(every) & set(compared), compared


def test_a_build_that_takes_a_while_choosing_says_what_it_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """walk81 #1: a build on the store of copies was silent for 45-71 s while it chose the
    issue's articles. Once choosing has taken `CHOOSING_QUIET` seconds (0 here, each selecting
    round slowed a little), it says what it does, and when it is done; -q silences it."""
    from curator import placement

    monkeypatch.setattr(placement, "CHOOSING_QUIET", 0.0, raising=False)
    selecting = placement.select_sections

    def slowly(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.2)
        return selecting(*args, **kwargs)

    monkeypatch.setattr(placement, "select_sections", slowly)
    config = newsletter(tmp_path, articles=4)
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    assert "choosing articles" not in err and "chose " not in err, err
    with_copies(config, featured(tmp_path, 1), 2)
    code, _, err = run("build", "--config", str(config))
    assert code == 0, err
    # On a busy machine, reading the candidates can take long enough to say so first.
    lines = [
        line
        for line in err.splitlines()
        if line.startswith("  issue      ") and "candidates read" not in line
    ]
    assert lines[0] == (
        "  issue      choosing articles for 1 subject(s): each one's best candidates, compared"
        " with the 3 articles the last 1 issue(s) published"
    ), err
    assert lines[-1].startswith("  issue      chose 1 article(s) in "), err
    assert lines[-1].endswith(
        "; 6 left out as stories published before"
        " (recorded when the issue is published: later builds skip them)"
    ), err
