"""fixjz #4: `build --draft` read the draft's note on articles left out for variety again (what
it still names is said as `draft` said it, walk57 #6; one moved out of it is featured), but not
its `<!-- Held back ...` note (fixjq #3): the build said nothing of the articles it still held
back. It reads that note the same way now: per subject, the summary and --json say the articles
the note still names, and not one the editor moved out of it (featured) or deleted from it.
Through the CLI on the fixiy newsletter (a local HTTP server, BBC sport texts, a seed article)."""

from __future__ import annotations

import json

import pytest
from test_fixhe_like_excluded import RUGBY
from test_fixiy_keywords_only_waits import Newsletter, _service_section, newsletter

from conftest import run_cli as run

__all__ = ["newsletter"]  # (the fixture, used by name)

HELD = (
    "1 of them was held back, another article of it taking its place (it fits this subject only"
    " through its keywords)"
)


def _summary(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("  ")]


def test_the_build_says_what_the_held_back_note_still_names(newsletter: Newsletter) -> None:
    n = newsletter
    code, out, err = run("draft", *n.conf, "--no-fetch")
    assert code == 0, err
    drafted = _summary(out)
    service = next(line for line in drafted if line.startswith("  Service operations:"))
    assert HELD in service, drafted
    path = n.folder / "drafts" / "issue-1.md"
    code, out, err = run("build", "--draft", str(path), *n.conf, "--no-fetch")
    assert code == 0, err
    assert _summary(out) == drafted, out


@pytest.mark.parametrize("edit", ["moved out", "deleted"])
def test_one_moved_out_of_the_note_or_deleted_is_not_held(
    newsletter: Newsletter, edit: str
) -> None:
    n = newsletter
    code, _, err = run("draft", *n.conf, "--no-fetch")
    assert code == 0, err
    path = n.folder / "drafts" / "issue-1.md"
    draft = path.read_text(encoding="utf-8")
    line = f"## {n.rugby}\n"
    under = draft.split(line, 1)[1].split("\n", 1)[0]  # its title and why, in the note
    edited = draft.replace(line + under + "\n", "", 1)
    if edit == "moved out":  # above the note, as the note says: featured
        edited = edited.replace("<!-- Held back", f"{line}\n<!-- Held back", 1)
    path.write_text(edited, encoding="utf-8")
    code, out, err = run("build", "--draft", str(path), *n.conf, "--no-fetch", "--json")
    assert code == 0, err
    assert json.loads(out)["held_back"] == {}, out
    assert "held back" not in err
    html = (n.folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert (RUGBY[0] in _service_section(html)) == (edit == "moved out")


def test_the_build_json_names_the_held_article(newsletter: Newsletter) -> None:
    n = newsletter
    code, _, err = run("draft", *n.conf, "--no-fetch")
    assert code == 0, err
    path = n.folder / "drafts" / "issue-1.md"
    code, out, err = run("build", "--draft", str(path), *n.conf, "--no-fetch", "--json")
    assert code == 0, err
    assert json.loads(out)["held_back"] == {
        "Service operations": [
            {"url": n.rugby, "why": "it fits this subject only through its keywords"}
        ]
    }, out
    html = (n.folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert RUGBY[0] not in _service_section(html)
