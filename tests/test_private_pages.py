"""Article pages at private addresses are refused, and the refusal names the setting that allows
them (walk 2: `settings: allow_private_addresses` was documented nowhere an editor would look)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import LocalServer, docs_text, run_cli
from curator.cli import cli

PAGE = """<html><head><title>Service desks that listen</title></head><body><article>
<h1>Service desks that listen</h1><p>Customer experience starts at the service desk. Teams that
listen to customers fix the causes of complaints, not only the complaints.</p></article></body></html>"""


def newsletter(tmp_path: Path, http_server: LocalServer, settings: str) -> Path:
    page = http_server.add("/story.html", PAGE, content_type="text/html")
    feed = http_server.add(
        "/feed.xml",
        '<rss version="2.0"><channel><title>Intranet News</title><item><title>Service desks that'
        f" listen</title><link>{page}</link><description>Customer experience at the service"
        " desk.</description></item></channel></rss>",
    )
    config = tmp_path / "feeds.yaml"
    config.write_text(
        "newsletter: {title: CX Weekly}\nsubjects:\n  - name: Service\n"
        "    keywords: [customer experience, service desk]\n"
        f"feeds:\n  - url: {feed}\n{settings}",
        encoding="utf-8",
    )
    return config


def test_a_build_names_the_setting_when_it_refuses_a_private_page(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server, "")
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert result.exit_code == 0, result.stderr  # the feed's own text still makes the article
    assert "1 of 1 article page(s) could not be read" in result.stderr
    assert (
        "refused: not a public address (pages on your own network are read only with"
        " `allow_private_addresses: true` under `settings:` in feeds.yaml)"
    ) in result.stderr
    assert http_server.seen("/story.html") == []  # refused before connecting


def test_the_setting_lets_a_build_read_the_private_page(
    tmp_path: Path, http_server: LocalServer
) -> None:
    config = newsletter(tmp_path, http_server, "settings: {allow_private_addresses: true}\n")
    result = CliRunner().invoke(cli, ["build", "--config", str(config), "-q"])
    assert result.exit_code == 0, result.stderr
    assert "could not be read" not in result.stderr
    assert len(http_server.seen("/story.html")) == 1


def test_curator_extract_names_its_switch_when_it_refuses_a_private_page(
    tmp_path, monkeypatch, http_server: LocalServer
) -> None:
    monkeypatch.chdir(tmp_path)  # no feeds.yaml here to allow it
    url = http_server.add("/story.html", PAGE, content_type="text/html")
    code, out, err = run_cli("extract", url)
    assert code == 1
    assert err.splitlines()[0] == (
        f"curator: {url}: refused: 127.0.0.1 is a loopback address (pages are read only from"
        " public addresses); --allow-private reads pages on your own network (or, for the build"
        " too, `allow_private_addresses: true` under `settings:` in feeds.yaml)"
    )
    code, out, err = run_cli("extract", "--allow-private", url)
    assert code == 0, err
    assert out.startswith("Service desks that listen\n")


def test_the_readme_documents_the_setting() -> None:
    readme = docs_text()
    assert "allow_private_addresses: true" in readme
    assert "refused: not a public address" in readme
