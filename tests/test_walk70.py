"""walk70: a feed's `{%` and `{{<` in the Markdown edition (Jekyll's Liquid, Hugo's shortcodes),
and paywall notices told from free prose; each through the CLI on a real local HTTP server."""

from __future__ import annotations

import html
from pathlib import Path

import hostile_helpers as h
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from conftest import LocalServer
from conftest import run_cli as run

#: Titles and a blurb holding what Liquid (`{% %}`, `{{ }}`) and Hugo (`{{< >}}`, `{{% %}}`) run.
TITLE = "Customer experience: {% gist x %} and {{< x >}} in the customer journey"
BLURB = (
    "Customer experience teams embed {{% gist spf13 7896402 %}} and {{ page.title }} in their"
    " journey maps, and ask how the customer journey feels from the first touchpoint to the last."
)


def test_the_markdown_body_writes_braces_as_entities(tmp_path: Path, http_server: LocalServer):
    """walk70 #1: `{{% gist ... %}}` from a feed was written `\\{\\{% ... %\\}\\}`, in which Liquid
    still finds `{%`: `jekyll build` stopped ("Tag '{%' was not properly terminated"). Braces from
    feeds are entities now, which neither Liquid nor Hugo reads and markdown-it shows as braces;
    the front matter (YAML, which neither runs) keeps the text as written."""
    item = (
        f"<item><title>{html.escape(TITLE)}</title><link>https://blog.example.com/braces</link>"
        f"<description>{html.escape(BLURB)}</description></item>"
    )
    feed = http_server.add(
        "/feed.xml", h.rss(item, "Braces {{ x }}"), content_type="application/rss+xml"
    )
    config = h.write_config(tmp_path, [{"url": feed}], settings={"fetch_pages": False})
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0, err
    md = (tmp_path / "output" / "issue-1.md").read_text(encoding="utf-8")
    body = md[4:].split("\n---\n", 1)[1]
    for liquid in ("{%", "%}", "{{", "}}", "{"):
        assert liquid not in body, (liquid, body)
    text = BeautifulSoup(MarkdownIt("commonmark").render(body), "html.parser").get_text()
    assert TITLE in text
    assert "{{% gist spf13 7896402 %}} and {{ page.title }}" in text
    assert "Braces {{ x }}" in text  # the credit
