"""walk190 #6, through the CLI against a feed on a real HTTP server on 127.0.0.1 and a real SQLite
store: the archive page that reads otherwise after `site_url` was removed from feeds.yaml is
said to do so for that change, not for the templates, and not to be put back from a backup."""

from __future__ import annotations

from pathlib import Path

from test_fixje_blurb_json import _newsletter

from conftest import LocalServer, run_cli, said_as_one, sans_config


def test_render_after_site_url_was_removed_names_it_for_the_archive_page_too(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk190 #6: the issue's line named the setting, but the archive's said "The archive page
    index.html reads otherwise than before ... rendered with this curator's templates and words
    (and yours) ... put it back from your backup", and feed.xml, changed too, went unnamed."""
    config = _newsletter(tmp_path, http_server)
    text = config.read_text(encoding="utf-8")
    site = "newsletter:\n  site_url: https://news.example/cx/\n"
    config.write_text(text.replace("newsletter:\n", site, 1), encoding="utf-8")
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    config.write_text(text, encoding="utf-8")  # (site_url removed)
    code, out, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, out + err
    said = sans_config(said_as_one(out + err))
    assert "templates and words" not in said and "backup" not in said, said
    assert (
        "The archive's index.html, feed.xml read otherwise than before, though no issue-N.json"
        " was corrected: their links are written with feeds.yaml's link settings of today, which"
        " changed since issue(s) 1 were last written (site_url: https://news.example/cx/"
        " \u2192 (none)). To keep their links as they were, put those settings back in"
        " feeds.yaml and render again."
    ) in said, said
    # (its entry's link relative now; its id, an Atom id, kept)
    assert 'href="issue-1.html"' in (tmp_path / "output" / "feed.xml").read_text("utf-8")
