"""issue-N.md keeps a feed's `--`, `...` and `"` as written in Hugo and Jekyll (walk154 NEW-7).

Goldmark's and kramdown's typographers made the title `Why the --no-check flag... and "quotes"
<<matter>> (C++ -> C--)` "Why the –no-check flag… and “quotes” «matter» (C++ -> C–)". Through the
command line, against a real HTTP server; the .md read back by markdown-it-py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import hostile_helpers as h
from click.testing import CliRunner
from markdown_it import MarkdownIt

from conftest import LocalServer
from curator.cli import cli

TITLE = 'Why the --no-check flag... and "quotes" <<matter>> (C++ -> C--) on the tram'
TEXT = (
    'The tram company\'s "quiet mode" -- a flag -- is on by default... for now. Riders like it.'
    " The tram runs every ten minutes."
)


def test_feed_text_is_kept_from_markdown_typographers(
    tmp_path: Path, http_server: LocalServer
) -> None:
    item = (
        f"<item><title>{html.escape(TITLE)}</title><link>{http_server.url('/a.html')}</link>"
        f"<description>{html.escape(TEXT)}</description></item>"
    )
    feed = f"<rss version='2.0'><channel><title>Tram Notes</title>{item}</channel></rss>"
    url = http_server.add("/feed.xml", feed)
    subjects = [{"name": "Trams", "description": "Trams.", "keywords": ["tram"]}]
    config = h.write_config(tmp_path, [{"url": url, "fetch_pages": False}], subjects=subjects)
    built = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert built.exit_code == 0, built.stderr
    md = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    body = md.split("\n---\n", 1)[1]  # (the front matter is YAML, its values quoted)
    # No run a typographer reads is left in the text from the feed.
    assert "--" not in body and "..." not in body and '"' not in body
    heading = next(line for line in body.splitlines() if line.startswith("### "))
    shown = MarkdownIt("commonmark").render(heading)
    assert html.unescape(re.sub(r"<[^>]+>", "", shown)).strip() == TITLE
    assert "&#45;&#45;no-check flag&#46;&#46;&#46; and &quot;quotes&quot;" in heading
    rendered = html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(body)))
    assert TEXT in " ".join(rendered.split())
