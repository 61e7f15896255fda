"""fixfj: README.md keeps what a newcomer needs and points to docs/*.md for the case-by-case detail
(README was 2,373 lines, 720 of them fetching edge cases before subjects). Those pointers, and the
links back from docs/ to README's sections, are only help while they lead somewhere: every relative
link of README.md and docs/*.md names a file that is there, and a `#anchor` a heading of it."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def _anchors(path: Path) -> set[str]:
    """The `#anchor` of every heading of `path`, as GitHub makes them (code blocks hold none)."""
    anchors: set[str] = set()
    seen: dict[str, int] = {}
    fenced = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        heading = None if fenced else re.match(r"#{1,6} (.*)", line)
        if heading:
            slug = re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _links(path: Path) -> list[str]:
    """The relative link targets of `path`'s Markdown links, outside code."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"``.*?``|`[^`\n]*`", "", text)
    targets = re.findall(r"\[[^\]\n]*\]\(([^)\s]+)\)", text)
    return [t for t in targets if not re.match(r"[a-z]+:|//", t)]


def test_every_relative_link_of_readme_and_docs_leads_to_a_file_and_heading() -> None:
    broken = []
    for doc in DOCS:
        for target in _links(doc):
            name, _, anchor = target.partition("#")
            path = (doc.parent / name).resolve() if name else doc
            if not path.exists():
                broken.append(f"{doc.relative_to(REPO)}: {target}: no such file")
            elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
                broken.append(f"{doc.relative_to(REPO)}: {target}: no such heading")
    assert not broken, "\n".join(broken)


def test_readme_points_to_each_page_of_docs() -> None:
    """A page of docs/ README does not link is one a newcomer never finds."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    unlinked = [p.name for p in DOCS[1:] if f"](docs/{p.name}" not in readme]
    assert not unlinked, f"README links none of: {unlinked}"
