"""fixjp #2: two newsletters' config files in one folder, the store not made yet.

`fetch` (or `build`, `draft`) of one of them made `.curator/curator.db` first, then stopped on the
other config file beside it that would share that store, saying "Nothing was fetched, and the
store was not changed": the empty store file it had made stayed behind. Now the run stops before
the store is made, and leaves no new file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_fixjl_shared_store import CX, SPORT, sport_newsletter

from conftest import LocalServer, copy_demo, run_cli, said_as_one


def files_in(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*")}


@pytest.mark.parametrize(
    ("command", "nothing"),
    [
        ("fetch", "Nothing was fetched"),
        ("build", "Nothing was published"),
        ("draft", "No draft was written"),
    ],
)
def test_a_first_run_beside_another_newsletters_config_makes_no_store(
    tmp_path: Path, corpus: Path, http_server: LocalServer, command: str, nothing: str
) -> None:
    cx = copy_demo(tmp_path)
    folder = cx.parent
    sport = sport_newsletter(folder, corpus, http_server)
    before = files_in(folder)
    store, output = folder / ".curator" / "curator.db", folder / "output"

    code, out, err = run_cli(command, "--config", str(cx), "-q")
    said = said_as_one(err)
    assert code == 1, err
    assert out == ""
    assert files_in(folder) == before  # (no store, no .curator/, no lock file)
    assert (
        f'{cx} ("{CX}") and {sport} ("{SPORT}") are two newsletters in one folder sharing one'
        f" store, {store}, and one output folder, {output}: it is not made yet."
    ) in said, said
    assert f"{nothing}, and no store was made." in said, said
    assert "one folder per newsletter: move feeds.yaml into a new folder" in said, said
    assert not http_server.seen("/sport.xml")

    code, out, err = run_cli(command, "--config", str(sport), "--json")
    assert code == 1, err
    assert "two newsletters in one folder" in json.loads(out)["error"]
    assert files_in(folder) == before
