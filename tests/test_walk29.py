"""walk29: a newcomer following README, each finding through the CLI on real files and a real
HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import hostile_helpers as h
import yaml

from conftest import LocalServer
from conftest import run_cli as run


def _said(err: str) -> str:
    return " ".join(err.split())


def _mixed_feed(server: LocalServer) -> str:
    """An aggregator's feed: its title names no site, its entries link to other sites' pages."""
    items = "".join(
        f"<item><title>Story {i} about customer feedback loops</title>"
        f"<link>https://news{i}.example/story</link><guid>mixed-{i}</guid></item>"
        for i in range(3)
    )
    return server.add("/feeds/mixed.rss", h.rss(items, "Mixed Reading"))


def test_feeds_add_writes_no_name_from_a_title_that_names_no_site(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk29 #1: `feeds add` wrote `name: Mixed Reading` for an aggregator's feed, crediting
    the BBC's and Ars Technica's articles to it, where `feeds import` would write no name."""
    url = _mixed_feed(http_server)
    config = h.write_config(tmp_path, [], settings={"timeout": 1})
    code, out, err = run("feeds", "add", "--config", str(config), url)
    assert code == 0, err
    assert out == f"Added {url}\n"
    (feed,) = yaml.safe_load(config.read_text(encoding="utf-8"))["feeds"]
    assert feed == {"url": url}
    said = _said(err)
    assert "its title 'Mixed Reading' was not written as `name:`" in said
    assert f"write `name:` under it in {config} (or add it with --name)" in said
    # A name the editor gives is theirs, written as given.
    (tmp_path / "own").mkdir()
    config = h.write_config(tmp_path / "own", [], settings={"timeout": 1})
    code, out, err = run("feeds", "add", "--config", str(config), url, "--name", "Mixed Reading")
    assert (code, out, err) == (0, f"Added {url} (Mixed Reading)\n", "")
    (feed,) = yaml.safe_load(config.read_text(encoding="utf-8"))["feeds"]
    assert feed == {"url": url, "name": "Mixed Reading"}


def test_feeds_export_titles_a_feed_without_name_by_its_own_title(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk29 #8: `feeds export` wrote the address as the title of a feed without `name:`."""
    url = _mixed_feed(http_server)
    config = h.write_config(tmp_path, [{"url": url}], settings={"fetch_pages": False})
    code, out, err = run("feeds", "export", "--config", str(config))
    assert code == 0, err
    assert f'text="{url}"' in out  # never read yet: its address is all there is
    code, _, err = run("fetch", "--config", str(config), "-q")
    assert code == 0, err
    code, out, err = run("feeds", "export", "--config", str(config))
    assert code == 0, err
    assert f'text="Mixed Reading" title="Mixed Reading" xmlUrl="{url}"' in out
