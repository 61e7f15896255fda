"""walk188 #6, through the CLI against a feed on a real HTTP server on 127.0.0.1 and a real SQLite
store: what a change to feeds.yaml's link settings (`utm_*`, `site_url`) does to the issues
published before it is said as that change, not as the templates'."""

from __future__ import annotations

import json
from pathlib import Path

import hostile_helpers as h
from test_fixje_blurb_json import _items, _newsletter

from conftest import LocalServer, run_cli, said_as_one, sans_config

UTM = "  utm_source: newsletter\n  utm_medium: '{edition}'\n  utm_campaign: 'issue-{number}'\n"


def test_a_build_after_utm_tags_were_added_says_it_retagged_older_feed_entries(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk188 #6: with `utm_*` added to feeds.yaml, `curator build` rewrote feed.xml's entries
    of the issues published before with `?utm_...&utm_campaign=issue-1` links, while issue-1.html
    kept none, and said nothing. It says so, with the settings that changed and the command
    that tags their pages alike."""
    config = _newsletter(tmp_path, http_server)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    http_server.add("/feed.xml", h.rss(_items("kunde", 0, 6), title="Kundenblog"))
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("newsletter:\n", "newsletter:\n" + UTM, 1), encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    output = tmp_path / "output"
    feed = (output / "feed.xml").read_text(encoding="utf-8")
    assert "utm_campaign=issue-1" in feed  # (every entry written with today's settings)
    assert "utm_" not in (output / "issue-1.html").read_text(encoding="utf-8")
    said = sans_config(said_as_one(err))
    assert (
        "feed.xml's entries of issue(s) 1 link otherwise than before: feeds.yaml's link settings"
        " changed since they were written (utm_source: (none) \u2192 newsletter; utm_medium:"
        " (none) \u2192 {edition}; utm_campaign: (none) \u2192 issue-{number})"
    ) in said, said
    assert "`curator render --all` writes them with today's settings too" in said, said


def test_render_after_a_change_of_site_url_and_utm_names_that_change_not_the_templates(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk188 #6: after `site_url` changed in feeds.yaml, `curator render --all` said of every
    issue that it "reads otherwise ... it was rendered with this curator's templates and rules
    (and yours), not the ones that published it", and advised the files back from a backup:
    the cause was the editor's own change, which it names."""
    config = _newsletter(tmp_path, http_server)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    text = config.read_text(encoding="utf-8")
    site = "newsletter:\n  site_url: https://news.example/cx/\n"
    config.write_text(text.replace("newsletter:\n", site + UTM, 1), encoding="utf-8")
    code, out, err = run_cli("render", "--all", "--config", str(config))
    assert code == 0, out + err
    said = sans_config(said_as_one(out + err))
    assert "templates and rules" not in said and "backup" not in said, said
    assert "Issue 1 reads otherwise than before in issue-1.html, issue-1.fragment.html" in said
    assert (
        "its links are written with feeds.yaml's link settings of today, which changed since it"
        " was last written (site_url: (none) \u2192 https://news.example/cx/; utm_source: (none)"
        " \u2192 newsletter;"
    ) in said, said
    assert "utm_campaign=issue-1" in (tmp_path / "output" / "issue-1.html").read_text("utf-8")
    # Rendered again with the same settings: nothing reads otherwise, nothing is said of them.
    code, out, err = run_cli("render", "--all", "--config", str(config))
    assert code == 0, out + err
    assert "link settings" not in said_as_one(out + err), out + err
    code, out, err = run_cli("render", "--all", "--config", str(config), "--json")
    assert json.loads(out)["settings_changed"] == {}, out
