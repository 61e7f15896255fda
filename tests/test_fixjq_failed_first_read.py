"""fixjq #1: a stored article whose page was never read has it read when an issue features it
(walk187 #4); when that read fails, the build published it from its feed with "could not be
checked", while its credit's warning still said "its page was never read", and no mark of the
failed read was stored. Through the CLI, on a real local server and a real store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner
from test_fixjj_never_read import newsletter

from conftest import LocalServer, said_as_one
from curator.cli import cli


def test_a_first_read_that_fails_in_a_build_is_said_and_marked_to_be_read_again(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=False)
    assert CliRunner().invoke(cli, ["fetch", "--config", str(config)]).exit_code == 0
    config = newsletter(tmp_path, http_server, corpus, fetch_pages=True)
    http_server.add("/pages/breitbart.html", b"no", content_type="text/plain", status=403)

    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    said = said_as_one(result.stderr)
    assert "its page was never read" not in said
    assert "could not be read (HTTP 403" in said
    assert "no author was found" not in said
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        marks = db.execute("SELECT error FROM page_retries").fetchall()
    assert len(marks) == 1 and "403" in str(marks[0][0])
