"""A subject `feeds import --add-subjects` wrote and the editor has not finished yet (no
description, its folder's name as its one keyword) is warned about, with its line, by the build
and the draft (walk26 #3: "Edge cases" and "Trouble" stubs were published without a word, filled
with whatever used the word).

Through the command line, against a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
from click.testing import CliRunner

from conftest import LocalServer
from curator.cli import cli

OPML = """<?xml version="1.0"?>
<opml version="2.0"><head><title>Subscriptions</title></head><body>
<outline text="Trouble"><outline type="rss" text="Desk News" xmlUrl="{feed}"/></outline>
</body></opml>"""


def test_an_unfinished_import_stub_is_warned_about_with_its_line(
    tmp_path: Path, http_server: LocalServer
) -> None:
    item = (
        "<item><title>Trouble at the service desk</title><link>http://example.com/1</link>"
        "<description>Customer experience trouble at the service desk.</description></item>"
    )
    feed = http_server.add("/feed.xml", h.rss(item, title="Desk News"))
    config = h.write_config(tmp_path, [], settings={"fetch_pages": False})
    opml = tmp_path / "subs.opml"
    opml.write_text(OPML.format(feed=feed), encoding="utf-8")
    runner = CliRunner()
    imported = runner.invoke(
        cli, ["feeds", "import", "--add-subjects", "--config", str(config), str(opml)]
    )
    assert imported.exit_code == 0, imported.stderr
    lines = config.read_text(encoding="utf-8").splitlines()
    (line,) = [n for n, text in enumerate(lines, 1) if text.strip() == "- name: Trouble"]
    column = lines[line - 1].index("name") + 1
    warning = (
        f"curator: warning: {config}:{line}:{column}: `Trouble` is still the stub `feeds import"
        " --add-subjects` wrote (no description, its name as its one keyword): its articles are"
        " placed by that one word, and an issue may publish off-subject ones under it; give it a"
        " `description:` and 3 to 10 keywords only its articles would use"
    )
    for command in ("draft", "build"):
        result = runner.invoke(cli, [command, "--config", str(config)])
        assert warning in result.stderr.splitlines(), result.stderr

    # Once finished (a description), nothing is said.
    text = config.read_text(encoding="utf-8").replace(
        "keywords: [Trouble]", "keywords: [Trouble]\n  description: Trouble at the service desk."
    )
    config.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["draft", "--config", str(config)])
    assert "still the stub" not in result.stderr


def test_a_wordless_import_stub_is_told_one_thing(tmp_path: Path, http_server: LocalServer) -> None:
    """walk155 #11: the stubs `?q` and `No: really` were told both that they give curator no
    word to match and that their articles are placed by that one word."""
    item = (
        "<item><title>Trouble at the service desk</title><link>http://example.com/1</link>"
        "<description>Customer experience trouble at the service desk.</description></item>"
    )
    feed = http_server.add("/feed.xml", h.rss(item, title="Desk News"))
    subjects = [
        *h.demo_subjects(),
        {"name": "?q", "keywords": ["?q"]},
        {"name": "No: really", "keywords": ["No: really"]},
    ]
    config = h.write_config(
        tmp_path, [{"url": feed}], settings={"fetch_pages": False}, subjects=subjects
    )
    result = CliRunner().invoke(cli, ["draft", "--config", str(config)])
    said = " ".join(result.stderr.split())
    for name in ("?q", "No: really"):
        wordless = f"`{name}`: `{name}` gives curator no word to match" in said
        stub = f"`{name}` is still the stub" in said
        assert wordless != stub, said
    assert "`No: really`: `No: really` gives curator no word to match" in said, said
