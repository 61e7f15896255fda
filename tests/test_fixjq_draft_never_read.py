"""fixjq #2: `build --draft` of a draft made with `draft --no-fetch` whose article's page was
never read (stored while its feed was listed with `fetch_pages: false`) published it as its feed
gave it, uncredited; it is now read first, as a plain build reads it, unless the editor wrote its
`author:` line. Through the CLI, on a real local server, a real corpus page and a real store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from test_fixjj_never_read import newsletter

from conftest import LocalServer, said_as_one
from curator.cli import cli


def drafted(tmp_path: Path, server: LocalServer, corpus: Path) -> tuple[Path, Path]:
    config = newsletter(tmp_path, server, corpus, fetch_pages=False)
    assert CliRunner().invoke(cli, ["fetch", "--config", str(config)]).exit_code == 0
    config = newsletter(tmp_path, server, corpus, fetch_pages=True)
    result = CliRunner().invoke(cli, ["draft", "--no-fetch", "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    assert not server.seen("/pages/breitbart.html")
    return config, tmp_path / "drafts" / "issue-1.md"


def test_build_draft_reads_the_page_never_read_of_an_article_the_draft_lists(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config, draft = drafted(tmp_path, http_server, corpus)

    result = CliRunner().invoke(cli, ["build", "--draft", str(draft), "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Lucas Nolan" in issue
    assert "never read" not in said_as_one(result.stderr)
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        assert json.loads(db.execute("SELECT authors FROM articles").fetchone()[0]) == [
            "Lucas Nolan"
        ]


def test_build_draft_keeps_the_author_the_editor_wrote_for_a_page_never_read(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config, draft = drafted(tmp_path, http_server, corpus)
    text = draft.read_text(encoding="utf-8")
    assert "\nauthor:" not in text
    lines = [
        f"{line}\nauthor: Jane Editor" if line.startswith("url:") else line
        for line in text.split("\n")
    ]
    draft.write_text("\n".join(lines), encoding="utf-8")

    result = CliRunner().invoke(cli, ["build", "--draft", str(draft), "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    issue = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    assert "Jane Editor" in issue
    assert "Lucas Nolan" not in issue


def test_build_draft_says_and_marks_a_page_never_read_that_cannot_be_read_now(
    tmp_path: Path, http_server: LocalServer, corpus: Path
) -> None:
    config, draft = drafted(tmp_path, http_server, corpus)
    http_server.add("/pages/breitbart.html", b"no", content_type="text/plain", status=403)

    result = CliRunner().invoke(cli, ["build", "--draft", str(draft), "--config", str(config)])
    assert result.exit_code == 0, result.stderr
    said = said_as_one(result.stderr)
    assert "could not be read (HTTP 403 Forbidden), so no author is known" in said
    with sqlite3.connect(tmp_path / ".curator" / "curator.db") as db:
        marks = db.execute("SELECT error FROM page_retries").fetchall()
    assert len(marks) == 1 and "403" in str(marks[0][0])
