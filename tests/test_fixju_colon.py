"""walk189 #3: a key without its colon that is the first key of a section or list item (`  title
Customer...`, `  - name Service operations`) was named at the next key's line with the wrong fix
("put quotes around a value that contains ': '", "write it `- name: name Service operations`",
which renames the subject), and `  closing "Next time: ..."` got "check the indentation": now each
is said at its own line, with the fix that is right."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_demo, run_cli


def slip(path: Path, line: str, slipped: str) -> int:
    """Write `slipped` for `line` (its first), and return its line number."""
    text = path.read_text(encoding="utf-8")
    assert line in text
    text = text.replace(line, slipped, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(slipped)].count("\n") + 1


@pytest.mark.parametrize(
    ("line", "slipped", "key", "column", "fix"),
    [
        (
            "  title: Customer Experience Weekly\n",
            "  title Customer Experience Weekly\n",
            "title",
            3,
            "write `title: Customer Experience Weekly`",
        ),
        (
            "  - name: Service operations\n",
            "  - name Service operations\n",
            "name",
            5,
            "write `- name: Service operations`",
        ),
        (
            "  - url: feeds/northwind.xml ",
            "  - url feeds/northwind.xml ",
            "url",
            5,
            "write `- url: feeds/northwind.xml`",
        ),
        (
            '  closing: "Next time',
            '  closing "Next time',
            "closing",
            3,
            'write `closing: "Next time: {next_theme}. Won\'t you learn with me?"`',
        ),
    ],
)
def test_a_first_key_without_its_colon_is_named_at_its_own_line(
    tmp_path: Path, line: str, slipped: str, key: str, column: int, fix: str
) -> None:
    config = copy_demo(tmp_path)
    mistake = slip(config, line, slipped)
    code, out, err = run_cli("build", "--no-fetch", "--config", str(config))
    assert code == 2, err
    assert err.strip() == (
        f"curator: {config}:{mistake}:{column}: not valid YAML: the colon is missing after"
        f" `{key}`; {fix}"
    )
    assert not (config.parent / ".curator").exists()  # nothing was made


def test_a_bare_list_item_is_still_said_to_be_one(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    mistake = slip(config, "  - name: Service operations\n", "  - Service operations\n")
    code, out, err = run_cli("build", "--no-fetch", "--config", str(config))
    assert code == 2, err
    assert f"the list item on line {mistake}, `- Service operations`, is bare text" in err


def test_a_first_key_without_its_colon_in_a_drafts_front_matter(tmp_path: Path) -> None:
    config = copy_demo(tmp_path)
    code, out, err = run_cli("draft", "--config", str(config), "--quiet")
    assert code == 0, err
    draft = config.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    first = text.split("\n")[1]
    key, _, value = first.partition(": ")
    mistake = slip(draft, first + "\n", f"{key} {value}\n")
    code, out, err = run_cli("build", "--config", str(config), "--draft", str(draft))
    assert code == 2, err
    assert err.strip().startswith(
        f"curator: {draft}:{mistake}: the front matter is not valid YAML: the colon is missing"
        f" after `{key}`; write `{key}: {value}`"
    ), err
    assert not (config.parent / "output" / "issue-1.html").exists()
