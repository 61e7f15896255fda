"""walk187 #2: with `settings: outputs` leaving out `json`, every build listed the newest issue
alone on index.html and in feed.xml, without a word (`render --all` brought the others back, the
next build dropped them again). The archive now lists every issue the store records, from the
store's record of it when no issue-N.json is there, and says what it cannot link."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import copy_demo, run_cli, said_as_one, sans_config

THEMES = (
    "The basics of customer experience",
    "Measuring the customer experience",
    "Service operations",
)
ATOM = "{http://www.w3.org/2005/Atom}"


def _without_json(tmp_path: Path, outputs: str = "[html, index, feed]") -> Path:
    config = copy_demo(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("settings:\n", f"settings:\n  outputs: {outputs}\n", 1), encoding="utf-8"
    )
    return config


def _build(config: Path, theme: str) -> str:
    code, out, err = run_cli("build", "--config", str(config), "--subject", theme)
    assert code == 0, out + err
    return said_as_one(err)


def _listed(out_dir: Path) -> list[int]:
    """The issues index.html links, newest first."""
    page = (out_dir / "index.html").read_text(encoding="utf-8")
    found = [int(n) for n in re.findall(r'href="[^"]*issue-(\d+)\.html"', page)]
    return list(dict.fromkeys(found))


def _feed_entries(out_dir: Path) -> dict[int, str]:
    """feed.xml's entries: the issue each links, with its title."""
    root = ET.fromstring((out_dir / "feed.xml").read_bytes())
    entries = {}
    for entry in root.iter(f"{ATOM}entry"):
        link = next(entry.iter(f"{ATOM}link")).get("href") or ""
        number = int(re.search(r"issue-(\d+)\.html", link).group(1))  # type: ignore[union-attr]
        entries[number] = entry.findtext(f"{ATOM}title") or ""
    return entries


def test_every_build_without_the_json_edition_lists_every_issue(tmp_path: Path) -> None:
    config = _without_json(tmp_path)
    out_dir = config.parent / "output"
    for theme in THEMES:
        said = _build(config, theme)
        assert "left out of the archive" not in said
    assert not list(out_dir.glob("issue-*.json"))  # (the editor asked for none)
    assert _listed(out_dir) == [3, 2, 1]
    entries = _feed_entries(out_dir)
    assert sorted(entries) == [1, 2, 3]
    assert all(title.endswith(f"Issue {n}: {THEMES[n - 1]}") for n, title in entries.items())
    # Each issue's entry carries its articles, as published: issue 1's are those of its page.
    page = (out_dir / "issue-1.html").read_text(encoding="utf-8")
    first = re.search(r'<a href="(https://[^"]+)"', page.split("<main", 1)[1])
    assert first is not None
    assert first.group(1) in (out_dir / "feed.xml").read_text(encoding="utf-8")

    # `render --all`, then a build: still every issue (the build dropped them again).
    code, out, err = run_cli("render", "--all", "--config", str(config))
    assert code == 0, out + err
    _build(config, "Voice of the customer")
    assert _listed(out_dir) == [4, 3, 2, 1]
    assert sorted(_feed_entries(out_dir)) == [1, 2, 3, 4]


def test_an_issue_whose_files_are_gone_is_listed_and_said(tmp_path: Path) -> None:
    config = _without_json(tmp_path)
    out_dir = config.parent / "output"
    _build(config, THEMES[0])
    (out_dir / "issue-1.html").unlink()
    said = _build(config, THEMES[1])
    assert _listed(out_dir) == [2, 1]
    assert f"issue 1 is recorded in the store but none of its files is in {out_dir}" in said, said
    assert "linking a page that is not there; `curator render 1` writes it again" in sans_config(
        said
    )
    code, out, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, out + err
    assert (out_dir / "issue-1.html").is_file()
    said = _build(config, THEMES[2])
    assert "none of its files" not in said
    assert _listed(out_dir) == [3, 2, 1]


def test_an_unreadable_json_of_an_earlier_build_is_said_and_its_issue_listed(
    tmp_path: Path,
) -> None:
    """An issue-N.json left by builds that wrote it, which can no longer be read: the issue is
    listed from the store all the same, and the file is named."""
    config = _without_json(tmp_path, "[html, json, index, feed]")
    out_dir = config.parent / "output"
    _build(config, THEMES[0])
    _build(config, THEMES[1])
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[html, json, index, feed]", "[html, index, feed]"), "utf-8")
    broken = out_dir / "issue-1.json"
    broken.write_text(broken.read_text(encoding="utf-8")[:-5], encoding="utf-8")
    said = _build(config, THEMES[2])
    assert _listed(out_dir) == [3, 2, 1]
    assert sorted(_feed_entries(out_dir)) == [1, 2, 3]
    assert f"{broken} cannot be read (" in said
    assert "list issue 1 as the store recorded it instead" in said
    assert "missing from the archive page" not in said
