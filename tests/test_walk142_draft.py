"""walk142: a draft's lines are read as the editor meant them, or refused naming the line and the
fix, through `curator build --draft` on the offline demo's draft of issue 1 (10 articles under 4
subjects, `curator draft --all-subjects`), each case one edit of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import copy_demo, said_as_one
from conftest import run_cli as run

VOICE = "\n# Voice of the customer\n"
SERVICE = "\n# Service operations\n"
#: The heading, fields and first words of the blurb of the demo's article at line 90.
FIRST_RESPONSE = (
    "\n## First Response Time Is Not the Whole Story\n"
    "url: https://supportdesk-review.example/operations/first-response-time\n"
    "author: Dana Whitcombe\n"
    "publication: The Support Desk Review\n"
)
FIRST_RESPONSE_URL = "https://supportdesk-review.example/operations/first-response-time"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's draft of issue 1 with every subject, as `curator draft` writes it (kept as it
    is: each test builds a copy of it)."""
    config = copy_demo(tmp_path_factory.mktemp("walk142"))
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    path = config.parent / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    assert VOICE in text and SERVICE in text and FIRST_RESPONSE in text, text
    return path


def _edited(drafted: Path, name: str, *edits: tuple[str, str]) -> tuple[Path, int]:
    """A copy of the draft beside it with `edits` made (old, new; each found once); the line
    the first edit's new text starts on (after its leading newline)."""
    text = drafted.read_text(encoding="utf-8")
    line = 0
    for n, (old, new) in enumerate(edits):
        assert text.count(old) == 1, old
        if n == 0:
            line = text[: text.index(old)].count("\n") + 1 + new.startswith("\n")
        text = text.replace(old, new)
    path = drafted.with_name(f"{name}.md")
    path.write_text(text, encoding="utf-8")
    return path, line


def _build(path: Path) -> tuple[int, str]:
    config = path.parent.parent / "feeds.yaml"
    code, out, err = run("build", "--config", str(config), "--draft", str(path))
    said = said_as_one(out + err)
    assert "Traceback" not in said
    return code, said


#: (name, edits, the message at the first edit's line, or at the line given after it "@N").
REFUSED = [
    (
        "tab-before-subject",
        [(VOICE, "\n\t# Voice of the customer\n")],
        "'# Voice of the customer' is indented (a tab before its '#'), so it is no heading: it"
        " would be printed as text of the blurb above. To start a subject, write the line with"
        " nothing before its '#'; to keep it as text, start the line with a backslash (\\#...)",
    ),
    (
        "spaces-before-article",
        [(FIRST_RESPONSE, FIRST_RESPONSE.replace("\n## ", "\n    ## "))],
        "'## First Response Time Is Not the Whole Story' is indented (4 spaces before its '##'),"
        " so it is no heading: it would be printed as text of the blurb above. To start an"
        " article, write the line with nothing before its '##'",
    ),
    (
        "author-twice",
        [("author: Dana Whitcombe\n", "author: Dana Whitcombe\nauthor: Dana  Whitcombe\n")],
        "@+1: 'Dana Whitcombe' is this article's author twice (also at line {line}): keep one"
        " line for each person",
    ),
    (
        "publication-twice",
        [
            (
                "Dana Whitcombe\npublication: The Support Desk Review\n",
                "Dana Whitcombe\npublication: The Support Desk Review\npublication: Other\n",
            )
        ],
        "@+2: this article has two publication lines (the other at line {line_plus_1}): keep one",
    ),
    (
        "author-bars-only",
        [("author: Dana Whitcombe\n", "author: ||\n")],
        "'author: ||' names no author and no publication: write 'author: Name ||"
        " Publication', or leave the line empty ('author:') to publish the article without an"
        " author",
    ),
    (
        "author-bars-no-publication",
        [("author: Dana Whitcombe\n", "author: Jane Doe || \n")],
        "'author: Jane Doe ||' names no publication after '||': write the publication after"
        " it ('author: Jane Doe || Publication'), or delete the '||'",
    ),
    (
        "author-bars-no-author",
        [("author: Dana Whitcombe\n", "author: || Pub Weekly\n")],
        "'author: || Pub Weekly' names no author before '||': write the author's name before"
        " it ('author: Jane Doe || Pub Weekly'), or, to publish no author, write 'author:' and"
        " 'publication: Pub Weekly' on lines of their own",
    ),
    (
        "url-curly-quotes",
        [(FIRST_RESPONSE_URL + "\n", f"\u201c{FIRST_RESPONSE_URL}\u201d\n")],
        f"url '\u201c{FIRST_RESPONSE_URL}\u201d': remove the quotes around the address: url:"
        f" {FIRST_RESPONSE_URL}",
    ),
    (
        "url-straight-quotes",
        [(FIRST_RESPONSE_URL + "\n", f'"{FIRST_RESPONSE_URL}"\n')],
        f"url '\"{FIRST_RESPONSE_URL}\"': remove the quotes around the address: url:"
        f" {FIRST_RESPONSE_URL}",
    ),
    (
        "url-angle-brackets",
        [(FIRST_RESPONSE_URL + "\n", f"<{FIRST_RESPONSE_URL}>\n")],
        f"url '<{FIRST_RESPONSE_URL}>': remove the angle brackets around the address: url:"
        f" {FIRST_RESPONSE_URL}",
    ),
    (
        "url-markdown-link",
        [(FIRST_RESPONSE_URL + "\n", f"[{FIRST_RESPONSE_URL}]({FIRST_RESPONSE_URL})\n")],
        f"url '[{FIRST_RESPONSE_URL}]({FIRST_RESPONSE_URL})': a Markdown link is no address:"
        f" write the address alone, url: {FIRST_RESPONSE_URL}",
    ),
    (
        "url-two-addresses",
        [(FIRST_RESPONSE_URL + "\n", f"{FIRST_RESPONSE_URL} https://example.com/other\n")],
        f"url '{FIRST_RESPONSE_URL} https://example.com/other': two addresses on one line: keep"
        " one (an article has one url: line)",
    ),
    (
        "title-line-deleted",
        [(FIRST_RESPONSE, FIRST_RESPONSE.replace("## First Response Time Is Not the Whole Story\n", ""))],
        "'url: https://supportdesk-review.example/operati...' starts an article, but its"
        " '## Title' line is missing above it: write the article's '## Title' line right above"
        " line {line}",
    ),
    (
        "first-title-line-deleted",
        [("\n## Taming a Ticket Backlog Without Burning Out the Team\n", "\n")],
        "'url: https://supportdesk-review.example/operati...' starts an article, but its"
        " '## Title' line is missing above it: write the article's '## Title' line right above"
        " line {line}",
    ),
    (
        "subject-demoted",
        [(SERVICE, "\n## Service operations\n")],
        "'## Service operations' names your subject 'Service operations', but '## ' starts an"
        " article (and this one has no url: line): for the subject, write '# Service"
        " operations' (# starts a subject, ## an article)",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "edits", "message"), REFUSED, ids=[c[0] for c in REFUSED])
def test_a_draft_line_misread_before_is_refused_naming_it_and_the_fix(
    drafted: Path, name: str, edits: list[tuple[str, str]], message: str
) -> None:
    """walk142 #1 (a tab or 4+ spaces before a heading: its articles filed under the subject
    above, the line printed in a blurb), #4 (an author twice published "Dana Whitcombe and Dana
    Whitcombe", a second publication: line won unsaid), #5 (an empty side of `||` dropped the
    author or kept the publication unsaid), #7 (an address in quotes, brackets or a Markdown link
    was "a path with no site", two addresses were to be joined with %20), #9 (a deleted `## Title`
    was told to move its url: line up under the heading above; `## Subject` had "no url")."""
    path, line = _edited(drafted, name, *edits)
    at = line
    if message.startswith("@+"):
        offset, message = message[2:].split(": ", 1)
        at = line + int(offset)
    code, said = _build(path)
    assert code == 2, said
    expected = message.format(line=line, line_plus_1=line + 1)
    assert f"{path}:{at}: {expected}" in said, said
    assert "mistakes;" not in said, said  # said once, not again at each line after it
    assert not (path.parent.parent / "output" / "issue-1.html").exists()


def test_an_empty_or_utf16_draft_is_said_so(drafted: Path) -> None:
    """walk142 #16: an emptied draft was told "a draft starts with a '---' line ..."; one saved
    as UTF-16 that its line 1 "is not UTF-8 ... (such as Windows-1252)"."""
    empty = drafted.with_name("empty.md")
    empty.write_text("\n  \n", encoding="utf-8")
    code, said = _build(empty)
    assert code == 2, said
    assert f"{empty}: the draft is blank (nothing but spaces and blank lines): was it saved" in said
    text = drafted.read_text(encoding="utf-8")
    for encoding, named in (("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE")):
        wide = drafted.with_name(f"{encoding}.md")
        wide.write_bytes(text.encode(encoding))
        code, said = _build(wide)
        assert code == 2, said
        fixed = wide.with_name(f"{encoding}-utf8.md")
        assert f"{wide}: the draft was saved as {named} (" in said, said
        assert f"iconv -f {named} -t UTF-8 {wide} > {fixed} && mv {fixed} {wide}" in said, said
        assert "Windows-1252" not in said, said


def test_indented_headings_nbsp_and_credit_slips_publish_as_meant_or_are_warned(
    drafted: Path, tmp_path: Path
) -> None:
    """walk142 #1: ` # Voice of the customer` (one space, a heading to Markdown) filed its
    articles under Service operations, stored so, and printed the line in the blurb above; #8:
    `#\\u00a0Service operations` was told to write the same line; #14: `author: “Dana
    Whitcombe”` published the quotes unsaid; #15: `author: Jane Doe | Pub Weekly` was advised
    two author: lines. One build of a copy of the demo with every edit."""
    folder = tmp_path / "demo"
    shutil.copytree(drafted.parent.parent, folder)
    path, voice = _edited(
        folder / "drafts" / "issue-1.md",
        "edited",
        (VOICE, "\n # Voice of the customer\n"),
        (SERVICE, "\n#\u00a0Service operations\n"),
        ("\n## Closing the Loop", "\n   ## Closing the Loop"),
        ("author: Dana Whitcombe\n", "author: \u201cDana Whitcombe\u201d\n"),
        ("author: Ingrid Solberg\n", "author: Ingrid Solberg | Pub Weekly\n"),
    )
    code, said = _build(path)
    assert code == 0, said
    issue = json.loads((folder / "output" / "issue-1.json").read_text(encoding="utf-8"))
    sections = {s["subject"]: [a["title"] for a in s["articles"]] for s in issue["sections"]}
    assert sections["Service operations"] == [
        "Taming a Ticket Backlog Without Burning Out the Team",
        "First Response Time Is Not the Whole Story",
    ], sections
    assert sections["Voice of the customer"] == [
        "Starting a Voice of the Customer Program With What You Already Have",
        "Closing the Loop: What Should Happen After a Customer Complains",
    ], sections
    text = (folder / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "# Voice" not in text and "#\u00a0" not in text, text
    code, out, err = run("subjects", "list", "--config", str(folder / "feeds.yaml"))
    assert code == 0, err
    listed = said_as_one(out)
    voice_at = listed.index("Voice of the customer")
    assert listed.index("Closing the Loop", voice_at) > voice_at, listed
    lines = path.read_text(encoding="utf-8").split("\n")
    heading = lines.index("## First Response Time Is Not the Whole Story") + 1
    assert lines[voice - 1] == " # Voice of the customer"
    assert (
        f"{path}:{heading}: `author: \u201cDana Whitcombe\u201d` is published with the quotes, as"
        f" typed (a credit line is plain text): write author: Dana Whitcombe under the heading"
        f" at line {heading}"
    ) in said, said
    assert (
        'the author "Ingrid Solberg | Pub Weekly" holds one "|", and is published as typed:'
        " if 'Pub Weekly' is the publication, write 'author: Ingrid Solberg || Pub Weekly'"
    ) in said, said
    assert "'author: Ingrid Solberg' and 'author: Pub Weekly' under" in said  # (two people)
