"""walk145: a draft line that looks like a heading or a field to the editor (and to Markdown) but
that curator read as blurb text is refused, naming the line and what to write, through
`curator build --draft` on the offline demo's draft of issue 1 (`curator draft --all-subjects`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import copy_demo, said_as_one
from conftest import run_cli as run

VOICE = "\n# Voice of the customer\n"
ARTICLE = "\n## Starting a Voice of the Customer Program"
URL = "\nurl: https://brightline.example/blog/voice-of-the-customer-program\n"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = copy_demo(tmp_path_factory.mktemp("walk145"))
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    path = config.parent / "drafts" / "issue-1.md"
    text = path.read_text(encoding="utf-8")
    assert text.count(VOICE) == 1 and text.count(ARTICLE) == 1 and text.count(URL) == 1, text
    return path


#: (name, old, new, the message said at the edited line).
CASES = [
    (
        "zero-width-space-before-subject",
        VOICE,
        "\n\u200b# Voice of the customer\n",
        "'# Voice of the customer' has a zero-width space (U+200B, an invisible character) before"
        " it, at column 1, so curator would not read it as the heading or field it looks like:"
        " delete the character",
    ),
    (
        "full-width-hash",
        VOICE,
        "\n\uff03 Voice of the customer\n",
        "'\uff03 Voice of the customer' starts with a full-width \uff03 (U+FF03), which is no"
        " heading mark, so it would be printed as text of the blurb above and what is under it"
        " published with that article's subject: write '# Voice of the customer'",
    ),
    (
        "setext-heading",
        VOICE,
        "\nVoice of the customer\n=====================\n",
        "'Voice of the customer' underlined with '=' on the next line is a heading in Markdown,"
        " but not in a draft",
    ),
    (
        "quoted-heading",
        VOICE,
        "\n> # Voice of the customer\n",
        "'> # Voice of the customer' is a quote (the '>' before it), no heading, so it would be"
        " printed as text of the blurb above and what is under it published with that article's"
        " subject: write '# Voice of the customer'",
    ),
    (
        "zero-width-space-before-title",
        ARTICLE,
        "\n\u200b" + ARTICLE[1:],
        "'## Starting a Voice of the Customer Program With What You...' has a zero-width space"
        " (U+200B, an invisible character) before it, at column 1",
    ),
    (
        "zero-width-space-before-url",
        URL,
        "\n\u200b" + URL[1:],
        "'url: https://brightline.example/blog/voice-of-the-custome...' has a zero-width space"
        " (U+200B, an invisible character) before it, at column 1",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), CASES, ids=[c[0] for c in CASES])
def test_a_disguised_heading_or_field_is_refused_naming_it(
    drafted: Path, name: str, old: str, new: str, message: str
) -> None:
    """walk145 N3 (the line was blurb text, its articles published under the subject above, exit
    0, unsaid) and N6 (a zero-width space before `## Title` or `url:` was told "belongs to no
    article" or "has no url")."""
    text = drafted.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 2
    path = drafted.with_name(f"{name}.md")
    path.write_text(text.replace(old, new), encoding="utf-8")
    code, out, err = run(
        "build", "--config", str(drafted.parent.parent / "feeds.yaml"), "--draft", str(path)
    )
    said = said_as_one(out + err)
    assert code == 2, said
    assert f"{path}:{line}: {message}" in said, said
    assert "mistakes;" not in said, said  # said once: the lines under it read as meant
    assert "belongs to no article" not in said and "has no url" not in said, said
    assert not (path.parent.parent / "output" / "issue-1.html").exists()


def test_a_quoted_heading_inside_a_blurb_is_the_editors_own(drafted: Path, tmp_path: Path) -> None:
    """A `> # ...` line with no article under it is a quote in a blurb, built as it is (in a copy
    of the newsletter: this build publishes issue 1)."""
    demo = tmp_path / "demo"
    shutil.copytree(drafted.parent.parent, demo)
    path = demo / "drafts" / "quote-in-blurb.md"
    text = drafted.read_text(encoding="utf-8")
    path.write_text(
        text.replace(VOICE, "\n> # A quoted heading\n\nMore words.\n" + VOICE), encoding="utf-8"
    )
    code, out, err = run("build", "--config", str(demo / "feeds.yaml"), "--draft", str(path))
    assert code == 0, said_as_one(out + err)
    assert "A quoted heading" in (demo / "output" / "issue-1.html").read_text(encoding="utf-8")


def test_an_emptied_draft_is_told_to_be_made_again_with_its_options(drafted: Path) -> None:
    """walk145 N2: an emptied draft was told to run `curator draft --force`, without the
    --all-subjects / --subject it was made with (a draft of the plan's subjects only)."""
    path = drafted.with_name("emptied.md")
    path.write_text("", encoding="utf-8")
    code, out, err = run(
        "build", "--config", str(drafted.parent.parent / "feeds.yaml"), "--draft", str(path)
    )
    said = said_as_one(out + err)
    assert code == 2, said
    assert "run `curator draft --force" in said, said
    assert (
        "(which replaces it) with the options you made this one with (--all-subjects or"
        " --subject NAME: without them the new draft is of the plan's subjects only)" in said
    ), said
