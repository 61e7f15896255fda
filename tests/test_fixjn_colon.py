"""walk186 #6: a key written without its colon (`  issue_size 4`) was reported at the next key's
line (`feeds.yaml:8:1: not valid YAML: could not find expected ':'`, line 8 being `subjects:`),
where PyYAML's own message named the right one: now its own line, and the fix."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def drop_colon(path: Path, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert line in text
    path.write_text(text.replace(line, line.replace(": ", " ", 1), 1), encoding="utf-8")


def test_a_key_without_its_colon_in_feeds_yaml_is_named_at_its_own_line(demo: Path) -> None:
    drop_colon(demo, "  issue_size: 4\n")
    mistake = line_of(demo, "  issue_size 4")
    for command in (("build",), ("themes",), ("feeds", "add", "https://example.com/feed.xml")):
        code, out, err = run_cli(*command, "--config", str(demo))
        assert code == 2, err
        assert err.strip() == (
            f"curator: {demo}:{mistake}:3: not valid YAML: the colon is missing after"
            f" `issue_size` (YAML looked for it down to line {mistake + 1}); write"
            " `issue_size: 4`"
        )
    assert not (demo.parent / ".curator").exists()  # nothing was made


def test_a_key_without_its_colon_in_a_drafts_front_matter_is_named_at_its_own_line(
    demo: Path,
) -> None:
    code, out, err = run_cli("draft", "--config", str(demo), "--quiet")
    assert code == 0, err
    draft = demo.parent / "drafts" / "issue-1.md"
    drop_colon(draft, "number: 1\n")
    code, out, err = run_cli("build", "--config", str(demo), "--draft", str(draft))
    assert code == 2, err
    mistake = line_of(draft, "number 1")
    assert err.strip().startswith(
        f"curator: {draft}:{mistake}: the front matter is not valid YAML: the colon is missing"
        f" after `number` (YAML looked for it down to line {mistake + 1}); write `number: 1`"
    ), err
    assert not (demo.parent / "output" / "issue-1.html").exists()
