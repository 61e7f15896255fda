"""fixjb (walk183): a draft's `author:` or `publication:` one or two letters from the one curator
found ("Oscar Pkie" for "Oscar Pike") was published as written, with a warning after the fact:
the misspelt name went out in the issue, feed.xml and the email edition. It stops `build
--draft` now, as a mistyped title does, publishing and storing nothing; `(sic)` after a name (or
the title) keeps a spelling meant. Accents, case and the full stops of initials alone are the
editor's style, never a typo; another name is the editor's, said of by nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_walk90 import page

from conftest import LocalServer
from conftest import run_cli as run

#: Each article's title and the byline its page gives.
BYLINES = {
    "Queues that customers never see": "Oscar Pike",
    "Refund desks learn to say yes": "José Garcia",
    "Support teams map the effort": "J. R. Smith",
    "Chat bots answer customers at night": "K. L. Moss",
}
PIKE, GARCIA, SMITH, MOSS = BYLINES


def _drafted(tmp_path: Path, http_server: LocalServer) -> tuple[Path, Path]:
    from test_credit_formats import newsletter

    items = [
        (title, "", page(title).replace("By Oscar Pike", f"By {who}"))
        for title, who in BYLINES.items()
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("draft", "--config", str(config))
    assert code == 0, err
    return config, config.parent / "drafts" / "issue-1.md"


def _edit(path: Path, title: str, old: str, new: str) -> list[str]:
    """Replace the line `old` with `new` in the block of the article `title`; the draft's lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"## {title}")
    end = next((i for i in range(at + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    where = lines.index(old, at, end)
    lines[where] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return lines


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".curator" not in p.parts
    }


def _rows(config: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(config.parent / ".curator" / "curator.db") as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    db.close()
    return {t: [(r,) for r in v] for t, v in rows.items()}


def _credits(config: Path) -> dict[str, tuple[list[str], str]]:
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    return {
        a["title"]: (a["authors"], a["publication"])
        for s in issue["sections"]
        for a in s["articles"]
    }


def test_a_credit_a_letter_off_stops_the_build_and_nothing_is_written(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, path = _drafted(tmp_path, http_server)
    _edit(path, PIKE, "author: Oscar Pike", "author: Oscar Pkie")
    _edit(path, PIKE, "publication: Zeta Post", "publication: Zeta Psot")
    lines = _edit(path, SMITH, "author: J. R. Smith", "author: J. R. Smtih")
    files, rows = _files(tmp_path), _rows(config)
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 2, err
    flat = " ".join(err.split())
    assert f"{path}: 3 mistakes; nothing was published" in flat, err
    pkie = lines.index("author: Oscar Pkie") + 1
    assert (
        f'{path}:{pkie}: the author "Oscar Pkie" of "{PIKE}" is one letter from "Oscar Pike", as'
        ' its page gives it: did you mean "Oscar Pike"? Nothing was published: correct the'
        ' `author:` line, or, if "Oscar Pkie" is spelt so on purpose, write (sic) after it'
        " (`author: Oscar Pkie (sic)`), then build again"
    ) in flat, err
    psot = lines.index("publication: Zeta Psot") + 1
    assert (
        f'{path}:{psot}: the publication "Zeta Psot" of "{PIKE}" is one letter from "Zeta Post"'
    ) in flat, err
    assert "(`publication: Zeta Psot (sic)`)" in flat, err
    smtih = lines.index("author: J. R. Smtih") + 1
    assert f'{path}:{smtih}: the author "J. R. Smtih" of "{SMITH}"' in flat, err
    assert _files(tmp_path) == files  # no issue, feed.xml, archive or email written
    assert not (config.parent / "output" / "issue-1.html").exists()
    assert _rows(config) == rows  # nothing stored: no issue, no credit kept for later


def test_a_spelling_marked_sic_is_published_as_written_without_the_mark(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, path = _drafted(tmp_path, http_server)
    _edit(path, PIKE, "author: Oscar Pike", "author: Oscar Pkie (sic)")
    _edit(path, PIKE, "publication: Zeta Post", "publication: Zeta Psot [sic]")
    _edit(path, SMITH, "author: J. R. Smith", "author: J. R. Smtih (sic) || Zeta Psto (SIC)")
    draft = path.read_text(encoding="utf-8")
    path.write_text(draft.replace("\ntitle: CX Weekly\n", "\ntitle: CX Weekyl (sic)\n"))
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    assert "did you mean" not in err and "letters from" not in err, err
    credits = _credits(config)
    assert credits[PIKE] == (["Oscar Pkie"], "Zeta Psot"), credits
    assert credits[SMITH] == (["J. R. Smtih"], "Zeta Psto"), credits
    html = (config.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Oscar Pkie" in html and "CX Weekyl" in html, html
    assert "sic" not in html.replace("music", "").lower(), html
    feed = (config.parent / "output" / "feed.xml").read_text(encoding="utf-8")
    assert "(sic)" not in feed, feed


def test_accents_case_initials_and_another_name_are_the_editors_choice(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config, path = _drafted(tmp_path, http_server)
    _edit(path, PIKE, "author: Oscar Pike", "author: Maria Lopez")  # another person
    _edit(path, PIKE, "publication: Zeta Post", "publication: ZETA POST")  # case alone
    _edit(path, GARCIA, "author: José Garcia", "author: Jose Garcia")  # the accent dropped
    _edit(path, SMITH, "author: J. R. Smith", "author: J R Smith")  # initials without stops
    _edit(path, MOSS, "author: K. L. Moss", "author: KL Moss")  # nor spaces
    code, _, err = run("build", "--config", str(config), "--draft", str(path))
    assert code == 0, err
    for name in ("Maria Lopez", "ZETA POST", "Jose Garcia", "J R Smith", "KL Moss"):
        assert name not in err, err
    credits = _credits(config)
    assert credits[PIKE] == (["Maria Lopez"], "ZETA POST"), credits
    assert credits[GARCIA] == (["Jose Garcia"], "Zeta Post"), credits
    assert credits[SMITH] == (["J R Smith"], "Zeta Post"), credits
    assert credits[MOSS] == (["KL Moss"], "Zeta Post"), credits
