"""fixky (walk199 #3): feed.xml marks an issue's entry updated when what a reader reads in it
changed, its links too (README: "its content's text or links"), and `render` says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_fixky_corrections import edit, entry_times, newsletter, render, server

from conftest import LocalServer, sans_config
from conftest import run_cli as run

__all__ = ["server"]


def _moved(data: dict[str, Any]) -> None:
    """The first article's address moved to another folder of its site, its last part kept."""
    article = data["sections"][0]["articles"][0]
    site, _, last = article["url"].rstrip("/").rpartition("/")
    article["url"] = f"{site}/moved/{last}"


def test_an_articles_address_corrected_marks_the_entry_updated(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk199 #3: an article's "url" changed in issue-2.json and `render 2`: feed.xml changed,
    the entry's <updated> did not, and nothing said it was marked."""
    config = newsletter(tmp_path, server)
    before = entry_times(config)[2]
    edit(config, 2, _moved)
    said = render(config, 2)
    published, updated = entry_times(config)[2]
    assert updated > before[1] and published == before[0], (before, updated)
    assert f"feed.xml marks the entry of issue(s) 2 updated ({updated}" in said, said


def test_a_correction_pending_in_another_issue_is_marked_and_said(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk199 #3: issue-1.json corrected (an article's "url") but not rendered, then `render 2`
    published the correction in feed.xml without marking issue 1 updated or saying so."""
    config = newsletter(tmp_path, server)
    before = entry_times(config)[1]
    edit(config, 1, _moved)
    said = render(config, 2)
    published, updated = entry_times(config)[1]
    assert updated > before[1], (before, updated)
    assert f"feed.xml marks the entry of issue(s) 1 updated ({updated}" in said, said
    assert (
        "issue-1.json was edited since curator last wrote it: feed.xml publishes issue 1 as the"
        " file reads now, but its own pages do not yet: `curator render 1` publishes them so too."
    ) in sans_config(said), said
    assert "are re-rendered there with today's templates" not in said, said


def test_an_issue_repaired_comes_back_to_the_feed_marked_updated_at_the_renders_time(
    tmp_path: Path, server: LocalServer
) -> None:
    """walk199 #3: issue 1 corrected (its <updated> the correction's time), then a mistake in
    its issue-1.json ("authors": "x") left it out of the feed at the next build; repaired and
    rendered, it came back with an older <updated> than it had; README: "its entry comes back
    marked updated, at the render's time"."""
    config = newsletter(tmp_path, server, issues=1)
    out = config.parent / "output"
    edit(config, 1, lambda d: d["sections"][0]["articles"][0].update(title="Corrected"))
    render(config, 1)
    corrected = entry_times(config)[1][1]
    good = (out / "issue-1.json").read_text(encoding="utf-8")
    edit(config, 1, lambda d: d["sections"][0]["articles"][0].update(authors="x"))
    code, _, err = run("build", "--config", str(config), "-q")
    assert code == 0 and 1 not in entry_times(config), err
    (out / "issue-1.json").write_text(good, encoding="utf-8")
    said = render(config, 1)
    published, updated = entry_times(config)[1]
    assert updated >= corrected > published, (published, corrected, updated)
    assert f"feed.xml marks the entry of issue(s) 1 updated ({updated}" in said, said
