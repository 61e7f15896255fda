"""fixma (walk205 #3): `subjects list` and `subjects explain` showed no mark on an article
featured before the editor moved to curator, and said of a copy of one "published in issue 0"
(there is no issue 0)."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixlt_featured_before import DELIGHT, newsletter

from conftest import LocalServer, said_as_one
from conftest import run_cli as run


def test_subjects_list_and_explain_mark_featured_before_curator(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server)
    code, out, err = run("featured", "add", DELIGHT, "--config", str(config))
    assert code == 0, out + err
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run("subjects", "list", "--config", str(config))
    assert code == 0, err
    assert "issue 0" not in out, out
    lines = out.splitlines()
    at = lines.index(f"         {DELIGHT}")
    assert "[featured before you moved to curator]" in lines[at - 1], lines[at - 1]
    copy = http_server.url("/agg/delight.html")
    at = lines.index(f"         {copy}")
    assert "featured before you moved to curator" in lines[at - 1], lines[at - 1]
    code, out, err = run("subjects", "list", "--config", str(config), "--json")
    rows = {r["url"]: r for r in json.loads(out) if r.get("url")}
    assert rows[DELIGHT]["featured_before_curator"] is True
    for url in (DELIGHT, copy):
        code, out, err = run("subjects", "explain", url, "--config", str(config))
        said = said_as_one(out + err)
        assert code == 0, said
        assert "issue 0" not in said and "featured before you moved to curator" in said, said
