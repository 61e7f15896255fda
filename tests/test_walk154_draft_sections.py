"""walk154 NEW-2: a section the editor adds in a draft was summarised with another section's
numbers: `# Customer success` written above the journey section's last article was said to have
"3 cut from the draft" and, word for word, the journey section's articles left out for variety.
Each section's line is now its own subject's, and one the draft added says so."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import yaml

from conftest import run_cli as run

JOURNEY = "Every journey map starts with the touchpoint where a customer decides to trust you."
SUCCESS = "Onboarding and renewal decide whether an account churns; customer success owns both."


def _feed(server, path: str, title: str, items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{server.url(f'{path}/{i}')}</link>"
        f"<description>{escape(d)}</description></item>"
        for i, (t, d) in enumerate(items)
    )
    return server.add(
        f"{path}.xml",
        f'<rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>',
    )


def test_a_section_added_in_a_draft_has_its_own_numbers(tmp_path: Path, http_server) -> None:
    mapped = [(f"Journey map lesson {i}", f"{JOURNEY} Journey map {i}.") for i in range(5)]
    weaker = [(f"Journey map notes {i}", f"{JOURNEY} Notes {i}.") for i in range(2)]
    success = [(f"Onboarding lesson {i}", f"{SUCCESS} Renewal {i}.") for i in range(4)]
    success += [("Onboarding notes", f"{SUCCESS} Notes.")]
    feeds = [
        {"url": _feed(http_server, "/a", "Alpha", mapped + success[:4]), "name": "Alpha"},
        {"url": _feed(http_server, "/b", "Beta", weaker + success[4:]), "name": "Beta"},
    ]
    config = tmp_path / "feeds.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "newsletter": {"title": "CX", "issue_size": 3},
                "subjects": [
                    {
                        "name": "Customer journey mapping",
                        "description": "Mapping the customer journey.",
                        "keywords": ["journey map", "touchpoint"],
                    },
                    {
                        "name": "Customer success",
                        "description": "Onboarding and renewal.",
                        "keywords": ["onboarding", "renewal", "churn"],
                    },
                ],
                "feeds": feeds,
                "themes": {"plan": ["Customer journey mapping", "Customer success"]},
                "settings": {"fetch_pages": False, "allow_private_addresses": True},
            }
        ),
        encoding="utf-8",
    )
    code, out, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert "Left out for variety" in text, text  # (the journey section's note, below its last)
    last = text.rindex("\n## ", 0, text.index("<!-- Left out for variety"))
    draft.write_text(text[:last] + "\n# Customer success\n" + text[last:], encoding="utf-8")
    code, out, err = run("build", "--draft", str(draft), "--config", str(config))
    assert code == 0, err
    lines = {line.split(":")[0].strip(): line for line in out.splitlines() if "featured" in line}
    journey, added = lines["Customer journey mapping"], lines["Customer success"]
    assert "1 moved to Customer success in the draft" in journey, out
    assert "3 of them, scoring higher than an article featured, were left out for variety" in (
        journey
    ), out
    assert added.startswith("  Customer success: 1 featured (added in the draft); 5 more fit it"), (
        out
    )
    assert "cut from the draft" not in added and "variety" not in added, out
    page = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Customer success" in page
    # The next draft's theme and heading changed to another subject: its section is that
    # subject's, with no note of the articles variety left out of the theme it had.
    code, out, err = run("draft", "--config", str(config), "-q")
    assert code == 0, err
    draft = tmp_path / "drafts" / "issue-2.md"
    text = draft.read_text(encoding="utf-8")
    assert "theme: Customer success" in text and "Left out for variety" in text, text
    draft.write_text(
        text.replace("theme: Customer success", "theme: Customer journey mapping").replace(
            "# Customer success", "# Customer journey mapping"
        ),
        encoding="utf-8",
    )
    code, out, err = run("build", "--draft", str(draft), "--config", str(config))
    assert code == 0, err
    said = [line for line in out.splitlines() if "featured" in line]
    assert said[0].startswith("  Customer journey mapping: 3 featured"), out
    assert "variety" not in out, out
