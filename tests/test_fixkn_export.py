"""walk195 #9: `feeds export` wrote a feed's `https://bob:hunter2@…` address into the OPML
without a word, though README says curator never prints an address's password. The file keeps
it (a reader elsewhere needs it to read the feed) and the export says so, the password left out
of what it prints."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from curator.cli import cli


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_an_export_says_the_addresses_holding_a_password(demo: Path, tmp_path: Path) -> None:
    secret = "https://bob:hunter2@members.example.com/feed.xml"
    plain = "https://blog.example.com/feed.xml"
    for url in (secret, plain):
        code, _, err = _invoke("feeds", "add", "--config", str(demo), "--no-check", url)
        assert code == 0, err
    out = tmp_path / "exported.opml"
    code, _, err = _invoke("feeds", "export", "--config", str(demo), "-o", str(out))
    assert code == 0, err
    written = out.read_text(encoding="utf-8")
    assert "bob:hunter2@members.example.com" in written and plain in written
    said = [line for line in err.splitlines() if "user name and password" in line]
    assert len(said) == 1, err
    assert "https://bob@members.example.com/feed.xml" in said[0], said
    assert "keep the file private" in said[0], said
    assert "hunter2" not in err


def test_an_export_without_passwords_says_nothing_of_them(demo: Path, tmp_path: Path) -> None:
    code, _, err = _invoke("feeds", "export", "--config", str(demo), "-o", str(tmp_path / "x.opml"))
    assert code == 0, err
    assert "password" not in err
