"""fixim (walk178 #2, #7): a draft's credit or title one or two letters from what curator found
is a typo to say: an author, publication or newsletter title so edited stops the build, naming
the line and what curator found, with a did-you-mean (a credit was published with a warning
until fixjb).
A real change (another name) stays the editor's, said of by nothing."""

from __future__ import annotations

import re
from pathlib import Path

from test_walk90 import page

from conftest import LocalServer
from conftest import run_cli as run

TITLES = ["Queues that customers never see", "Refund desks learn to say yes"]


def _newsletter(tmp_path: Path, http_server: LocalServer) -> Path:
    from test_credit_formats import newsletter

    return newsletter(tmp_path, http_server, [(t, "", page(t)) for t in TITLES])


def _drafted(tmp_path: Path, http_server: LocalServer) -> tuple[Path, Path, str]:
    config = _newsletter(tmp_path, http_server)
    code, _, err = run("draft", "--config", str(config))
    assert code == 0, err
    path = config.parent / "drafts" / "issue-1.md"
    return config, path, path.read_text(encoding="utf-8")


def test_an_author_or_publication_a_letter_off_stops_the_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """(fixjb, walk183: it was published with a warning after the fact; it stops the build now,
    as the title does: tests/test_fixjb_credit_typos.py.)"""
    config, path, draft = _drafted(tmp_path, http_server)
    first, second = (draft.index(f"## {t}") for t in TITLES)
    head, one, two = draft[: min(first, second)], draft[first:second], draft[second:]
    if second < first:
        one, two = draft[first:], draft[second:first]
    assert "author: Oscar Pike\n" in one and "publication: Zeta Post\n" in one, one
    one = one.replace("author: Oscar Pike", "author: Oscar Pkie")
    one = one.replace("publication: Zeta Post", "publication: Zeta Psot")
    two = two.replace("author: Oscar Pike", "author: Maria Lopez")  # another name: silent
    edited = head + (one + two if first < second else two + one)
    path.write_text(edited, encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 2, err
    lines = edited.splitlines()
    author_line = lines.index("author: Oscar Pkie") + 1
    publication_line = lines.index("publication: Zeta Psot") + 1
    flat = " ".join(err.split())
    assert (
        f'{path}:{author_line}: the author "Oscar Pkie" of "{TITLES[0]}" is one letter from'
        ' "Oscar Pike", as its page gives it: did you mean "Oscar Pike"?'
    ) in flat, err
    assert (
        f'{path}:{publication_line}: the publication "Zeta Psot" of "{TITLES[0]}" is one letter'
        ' from "Zeta Post"'
    ) in flat, err
    assert "Maria Lopez" not in err, err
    assert not (config.parent / "output" / "issue-1.json").exists()


def test_a_title_a_letter_off_the_newsletters_stops_the_build(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, path, draft = _drafted(tmp_path, http_server)
    assert "\ntitle: CX Weekly\n" in draft, draft
    path.write_text(draft.replace("\ntitle: CX Weekly\n", "\ntitle: CX Weekyl\n"), encoding="utf-8")
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 2, err
    flat = " ".join(err.split())
    assert (
        f"{path}:2: the draft's title, \"CX Weekyl\", is one letter from the newsletter's,"
        ' "CX Weekly": did you mean "CX Weekly"? Nothing was published'
    ) in flat, err
    assert not (config.parent / "output" / "issue-1.html").exists()
    # Another title for the issue, on purpose, is published under it, as before.
    path.write_text(draft.replace("\ntitle: CX Weekly\n", "\ntitle: CX Holiday Special\n"))
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    html = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert re.search(r"CX Holiday Special", html), html[:500]
