"""A store lost (deleted or moved) after issues were published (walk174 #4).

The store deleted during a build: the next build said the store "records no issue at all: most
likely settings: store ... names another store", though the run had just made it empty; and
after `curator render --record` took issue 1 back, its articles the new store never held were
not counted as featured, so the next build, fetching the feeds again, published them again
("an article is never featured twice", README). Now the stop says the store is new and the
ways back, and `render --record` records those articles from issue-N.json, so they count.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, said_as_one


def urls_of(path: Path) -> set[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {a["url"] for s in data["sections"] for a in s["articles"]}


def test_a_lost_store_is_said_and_its_issues_taken_back_are_never_featured_again(
    demo: Path,
) -> None:
    config = str(demo)
    code, _, err = run_cli("build", "--config", config, "-q")
    assert code == 0, err
    out = demo.parent / "output"
    db = demo.parent / ".curator" / "curator.db"
    for f in db.parent.glob("curator.db*"):
        f.unlink()

    code, _, err = run_cli("build", "--no-fetch", "--config", config)
    assert code == 1
    said = said_as_one(err)
    # (fixia: stopped before the store is made, as `fetch` stops, no empty store left behind)
    assert (
        f"no store at {db}, but {out} holds issue 1 published (their issue-N.json files): the"
        " store that published it was moved or deleted"
    ) in said
    assert "Nothing was published." in said
    assert f"put the store back at {db} (or the latest copy `curator backup" in said
    assert "or start a new store from the published issues, `curator render --record" in said
    assert not (out / "issue-2.html").exists()
    assert not db.exists()

    code, out_text, err = run_cli("render", "--record", "--config", config)
    assert code == 0, err
    first = urls_of(out / "issue-1.json")
    assert f"{len(first)} of them the store did not hold" in said_as_one(out_text)

    code, built, err = run_cli("build", "--config", config)  # the feeds read again
    assert code == 0, err
    again = urls_of(out / "issue-2.json") if (out / "issue-2.json").exists() else set()
    assert not first & again
