"""walk48's findings on messages, exit codes and backups (2, 4, 5, 6, 7), each through the CLI as
the editor met it (a real HTTP server on 127.0.0.1, real files, a real store)."""

from __future__ import annotations

from pathlib import Path

from test_walk36 import curator, item, newsletter, said

from conftest import LocalServer

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>Customer experience starts at the service desk. Teams that listen to customers fix the causes
of complaints, not only the complaints themselves, and their queues get shorter each week.</p>
<p>Three service desks told us how they changed the way they answer customers.</p>
</article></body></html>"""


def test_an_address_added_in_a_draft_refused_as_private_names_the_setting_that_reads_it(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk48 #5: a 127.0.0.1 page added in a draft was refused with "check the address, or
    remove it ... (refused: 127.0.0.1 is a loopback address ...)", never naming
    `allow_private_addresses: true`, which is what reads it."""
    good = http_server.add(
        "/good.html", PAGE.format(title="Service desks that listen"), content_type="text/html"
    )
    added = http_server.add(
        "/added.html", PAGE.format(title="Queues that shrink"), content_type="text/html"
    )
    config = newsletter(tmp_path, http_server, item("Service desks that listen", good))
    assert curator(config, "draft").exit_code == 0
    # The editor's feeds.yaml does not allow private addresses; the feed was read before.
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "allow_private_addresses: true", "allow_private_addresses: false"
        ),
        encoding="utf-8",
    )
    draft = tmp_path / "drafts" / "issue-1.md"
    draft.write_text(
        draft.read_text(encoding="utf-8").rstrip("\n")
        + f"\n\n## {added}\n\nA desk that listens. Its queue shrinks every week as a result.\n",
        encoding="utf-8",
    )
    result = curator(config, "build", "--draft", str(draft))
    assert result.exit_code == 1, result.stderr
    text = said(result)
    assert "cannot read the article(s) added by URL" in text
    assert (
        "one refused as not at a public address is read if you set `allow_private_addresses:"
        f" true` under `settings:` in {config}"
    ) in text, text
    assert f"{added} (refused: 127.0.0.1" in text
    assert not (tmp_path / "output" / "issue-1.html").exists()


def test_a_second_backup_to_a_folder_the_same_day_is_written_beside_the_first(
    tmp_path: Path,
) -> None:
    """walk48 #6: a second `curator backup DIR/` the same day said "already exists ... give
    another name (one with the date, say)", though the name had the date. Now it writes
    curator-<date>-2.db; a file named outright that is there is refused, naming a free name."""
    from conftest import copy_demo

    config = copy_demo(tmp_path)
    assert curator(config, "build", "-q").exit_code == 0
    folder = tmp_path / "backups"
    first = curator(config, "backup", f"{folder}/")
    assert first.exit_code == 0, first.stderr
    (copy,) = folder.iterdir()
    second = curator(config, "backup", f"{folder}/")
    assert second.exit_code == 0, second.stderr
    beside = copy.with_name(f"{copy.stem}-2.db")
    assert second.stdout.startswith("Copied the store ") and f" to {beside}: 1 issue(s)" in (
        second.stdout
    ), second.stdout
    assert sorted(p.name for p in folder.iterdir()) == sorted([copy.name, beside.name])
    # Named outright: never written over, and the advice names a name that is free.
    third = curator(config, "backup", str(copy))
    assert third.exit_code == 1
    assert (
        f"{copy} already exists; a backup never writes over a file: give another name"
        f" ({copy.with_name(copy.stem + '-3.db')} is free), or move that file away first"
    ) in said(third), said(third)


def test_a_thin_theme_names_every_issue_that_featured_its_articles(tmp_path: Path) -> None:
    """walk48 #7: the exit-3 "theme too thin" message named only the latest issue that had used
    the theme's articles ("issue 2 (of every subject) featured 1 of its articles"), though issue
    1 had featured one too."""
    import json

    from conftest import copy_demo

    config = copy_demo(tmp_path)
    assert curator(config, "fetch", "-q").exit_code == 0
    listed = json.loads(curator(config, "subjects", "list", "--json").stdout)
    url = next(a["url"] for a in listed if a["subject"] == "Service operations")
    # Issue 1 of every subject features one Service operations article, issue 2 the other.
    assert curator(config, "subjects", "exclude", url).exit_code == 0
    assert curator(config, "build", "-q", "--all-subjects", "--no-fetch").exit_code == 0
    assert curator(config, "subjects", "undo", url).exit_code == 0
    assert curator(config, "build", "-q", "--all-subjects", "--no-fetch").exit_code == 0
    text = config.read_text(encoding="utf-8")
    for done in ("The basics of customer experience", "Measuring the customer experience"):
        text = text.replace(f"    - {done}\n", "", 1)
    config.write_text(text, encoding="utf-8")
    result = curator(config, "build", "-q", "--no-fetch")
    assert result.exit_code == 3, result.stderr
    assert (
        "the planned theme `Service operations` is too thin: 0 unfeatured articles fit it, and an"
        " issue needs 2 (themes: min_articles); issue 1 (of every subject) featured 1 of its"
        " articles and issue 2 (of every subject) 1; nothing was published."
    ) in said(result), said(result)
