"""fixma (walk205 #1): an address recorded as featured before curator that no stored article is
at (a typo, an old link that redirects) matched nothing and nothing said so: after a fetch the
editor is told once, and `featured list --unmatched` names them."""

from __future__ import annotations

import json
from pathlib import Path

from test_fixlt_featured_before import DELIGHT, newsletter

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

TYPO = DELIGHT + "-typo"


def test_a_recorded_address_matching_no_stored_article_is_said_once_after_a_fetch(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server)
    code, out, err = run("featured", "add", DELIGHT, TYPO, "--config", str(config))
    assert code == 0, out + err
    code, out, err = run("fetch", "--config", str(config), "--json")
    assert code == 0, err
    said = said_as_one(err + json.dumps(json.loads(out)["warnings"]))
    assert (
        "1 address recorded as featured before matches no stored article:"
        " `curator featured list --unmatched" in said
    ), said
    assert json.loads(out)["featured_before_unmatched"] == 1
    code, out, err = run("featured", "list", "--unmatched", "--config", str(config))
    assert code == 0, err
    assert TYPO in out and DELIGHT not in out.replace(TYPO, ""), out
    # said once: the next fetch, with nothing new recorded, does not say it again
    code, out, err = run("fetch", "--config", str(config))
    assert code == 0, err
    assert "matches no stored article" not in said_as_one(out + err), out + err
