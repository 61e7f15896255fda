"""walk148, as the editor sees it: an interview's byline ("By Sam Park, in conversation with
Maya Angelou", "Interview by Sam Park with Maya Angelou") credited the person interviewed as a
co-author (N1); a line of hashes only (`#`, `##`, `###`) in a draft's introduction was published
as an empty heading, unsaid, where `# ` stops the build (N2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_credit_formats import authors, built, drafted, newsletter
from test_credit_walk139 import creator, page

from conftest import LocalServer, copy_demo, said_as_one
from conftest import run_cli as run

#: (title, the feed's dc:creator or "", the page's byline HTML under its headline, its <head>)
INTERVIEWS = [
    (
        "Conversation Heaps",
        "",
        "<p><em>By Sam Park, in conversation with Maya Angelou</em></p>",
        "",
    ),
    ("Interview Heaps", "", "<p>Interview by Sam Park with Maya Angelou</p>", ""),
    ("Talks Heaps", creator("Sam Park talks to Maya Angelou"), "", ""),
    ("Feed Heaps", creator("Sam Park in conversation with Maya Angelou"), "", ""),
    (
        "Meta Heaps",
        "",
        "",
        '<meta name="author" content="Sam Park, in conversation with Maya Angelou">',
    ),
    # an interview by two people: both wrote it ("A and B" still parts them)
    ("Pair Heaps", "", "<p><em>Interview by Sam Park and Jo Lee with Maya Angelou</em></p>", ""),
]


def test_the_person_interviewed_is_no_author(tmp_path: Path, http_server: LocalServer) -> None:
    """walk148 N1: each credited "Sam Park and Maya Angelou", no warning."""
    items = [(t, who, page(t, lead, head=head)) for t, who, lead, head in INTERVIEWS]
    config = newsletter(tmp_path, http_server, items)
    blocks = drafted(config)
    want = {t: ["Sam Park"] for t, _, _, _ in INTERVIEWS}
    want["Pair Heaps"] = ["Sam Park", "Jo Lee"]
    assert {t: authors(blocks[t]) for t in want} == want, blocks
    issue = built(config)
    assert "Maya Angelou" not in issue, issue
    assert "Sam Park and Jo Lee || Zeta Post" in issue, issue


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = copy_demo(tmp_path_factory.mktemp("walk148"))
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    return config.parent / "drafts" / "issue-1.md"


@pytest.mark.parametrize("hashes", ["#", "##", "###", "  #"])
def test_a_line_of_hashes_only_in_the_introduction_stops_the_build(
    draft: Path, hashes: str
) -> None:
    """walk148 N2: published as `<h2></h2>` (a lone `##` in issue-1.md), exit 0, unsaid."""
    text = draft.read_text(encoding="utf-8")
    first_subject = text.index("\n# ") + 1
    line = text[:first_subject].count("\n") + 2
    path = draft.with_name(f"hashes-{len(hashes)}.md")
    path.write_text(f"{text[:first_subject]}\n{hashes}\n\n{text[first_subject:]}", encoding="utf-8")
    code, out, err = run(
        "build", "--config", str(draft.parent.parent / "feeds.yaml"), "--draft", str(path)
    )
    said = said_as_one(out + err)
    assert code == 2, said
    assert f"{path}:{line}: this heading is empty: give it a subject or title" in said, said
    assert not (path.parent.parent / "output" / "issue-1.html").exists()
