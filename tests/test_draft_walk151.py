"""walk151's findings on drafts and warnings: a subject heading saved in decomposed Unicode (NFD,
as some macOS tools save) named no subject, and the advice then published a look-alike section;
a newsletter not in English was told its copy of a template wrote the date in English as a fixed
example's date, not its issue's."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from pathlib import Path

from conftest import run_cli, said_as_one

#: Subject names with accents, as the config and the draft write them.
BASES = "Bases de l'expérience client"
VOIX = "Voix du client, très écoutée"
PICKS = "À lire aussi"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_names_in_decomposed_unicode_match_their_composed_twins(demo: Path) -> None:
    """walk151 #10: `# Vélo et mobilité` saved decomposed stopped the build with "no subject
    `Vélo et mobilité`; did you mean `Vélo et mobilité`?", and listing it in extra_sections:
    published a section of its own, its name stored decomposed. The draft's headings, its
    extra_sections: and feeds.yaml's subject names are read composed (NFC): each heading is the
    subject (or section) it looks like."""
    config = demo.read_text(encoding="utf-8")
    config = config.replace(
        "  - name: The basics of customer experience", f"  - name: {nfd(BASES)}", 1
    ).replace("  - name: Voice of the customer", f"  - name: {VOIX}", 1)
    config = config.replace("[The basics of customer experience]", f"[{BASES}]", 1)
    demo.write_text(config, encoding="utf-8")
    code, _, err = run_cli("draft", "--config", str(demo), "--all-subjects", "-q")
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    headings = [unicodedata.normalize("NFC", line) for line in lines if line.startswith("# ")]
    assert f"# {BASES}" in headings and f"# {VOIX}" in headings, headings
    # The editor's tools write one heading composed, one decomposed, and a section of their own.
    lines = [
        f"# {BASES}"
        if unicodedata.normalize("NFC", line) == f"# {BASES}"
        else f"# {nfd(VOIX)}"
        if unicodedata.normalize("NFC", line) == f"# {VOIX}"
        else line
        for line in lines
    ]
    last = max(i for i, line in enumerate(lines) if line.startswith("## "))
    lines.insert(last, f"# {nfd(PICKS)}")
    lines.insert(lines.index("---", 1), f"extra_sections: [{PICKS}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    assert "no subject" not in err, err
    issue = json.loads((demo.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    subjects = [s["subject"] for s in issue["sections"]]
    assert BASES in subjects and VOIX in subjects and PICKS in subjects, subjects
    page = (demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert nfd(BASES) not in page and nfd(VOIX) not in page and nfd(PICKS) not in page


def test_the_english_date_warning_quotes_the_issues_date(demo: Path) -> None:
    """walk151 #14: with `language: he`, `curator render 1` said a copy of issue.txt wrote the
    date in English as "December 6, 2026" (a fixed example) where the issue was dated December 7.
    The build and render quote the issue's own date as the copy writes it."""
    tpl = demo.parent / "tpl"
    tpl.mkdir()
    (tpl / "issue.txt").write_text(
        "{{ title }}\nגיליון {{ number }}, {{ date_text }}\n", encoding="utf-8"
    )
    config = demo.read_text(encoding="utf-8")
    config = config.replace("newsletter:\n", "newsletter:\n  language: he\n", 1)
    config = config.replace("settings:\n", "settings:\n  templates: tpl\n", 1)
    demo.write_text(config, encoding="utf-8")
    code, _, built = run_cli("build", "--config", str(demo))
    assert code == 0, built
    out = demo.parent / "output"
    day = datetime.fromisoformat(
        json.loads((out / "issue-1.json").read_text(encoding="utf-8"))["date"]
    )
    written = f"{day:%B} {day.day}, {day:%Y}"
    assert written in (out / "issue-1.txt").read_text(encoding="utf-8")
    code, _, rendered = run_cli("render", "1", "--config", str(demo))
    assert code == 0, rendered
    for err in (built, rendered):
        quoted = re.findall(r"the date in English \(([^)]*)\)", said_as_one(err))
        assert quoted == [repr(written)], (quoted, written)
