"""walk186 #4: two newsletters whose `settings: drafts` name one shared folder.

Gadget Digest's `curator draft` wrote issue-1.md there (its title, its editor Rita Vance, its
first note naming gadgets/feeds.yaml); from Customer Experience Weekly's folder, `curator build
--draft` of that file published it as CX's issue 1, "edited by Rita Vance", because the draft was
"in this newsletter's drafts folder". What the draft records decides, wherever it is; and
`curator draft` says when its drafts folder holds another newsletter's drafts.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_fixjm_renamed_newsletter import gadgets_feed, gadgets_yaml

from conftest import LocalServer, copy_demo, run_cli, said_as_one

CX = "Customer Experience Weekly"


@dataclass(frozen=True)
class Shared:
    gadgets: Path  # feeds.yaml of each
    cx: Path
    drafts: Path
    #: Gadget Digest's draft of issue 1, as `curator draft` wrote it.
    draft: Path
    draft_text: str


def _share(config: Path, drafts: Path) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("settings:\n", f"settings:\n  drafts: {drafts}\n", 1))


def _state(config: Path) -> tuple[object, ...]:
    store = config.parent / ".curator" / "curator.db"
    if not store.exists():
        return ()
    with sqlite3.connect(store) as db:
        return (
            db.execute("SELECT number, title FROM issues ORDER BY number").fetchall(),
            db.execute("SELECT COUNT(*) FROM articles").fetchone(),
        )


@pytest.fixture
def shared(tmp_path: Path, http_server: LocalServer, request: pytest.FixtureRequest) -> Shared:
    """Gadget Digest (edited by Rita Vance, or by `request.param`) and CX, one drafts folder."""
    editor = getattr(request, "param", "Rita Vance")
    drafts = tmp_path / "shared-drafts"
    gadgets = tmp_path / "gadgets" / "feeds.yaml"
    gadgets.parent.mkdir()
    text = gadgets_yaml(gadgets_feed(http_server)).replace("Rita Vance", editor)
    gadgets.write_text(text, encoding="utf-8")
    _share(gadgets, drafts)
    cx = copy_demo(tmp_path / "cx")
    _share(cx, drafts)
    code, out, err = run_cli("draft", "--config", str(gadgets), "-q")
    assert code == 0, err
    draft = drafts / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    assert "title: Gadget Digest" in text and f"editor: {editor}" in text
    return Shared(gadgets, cx, drafts, draft, text)


def test_another_newsletters_draft_in_a_shared_drafts_folder_is_not_published(
    shared: Shared,
) -> None:
    """The draft's first note names Gadget Digest's feeds.yaml: `build --draft` from CX stops
    (exit 2) though the draft is in CX's drafts folder, naming the newsletter it was made for
    and the command that publishes it there; nothing is published in CX, its store unchanged."""
    code, out, err = run_cli("build", "--config", str(shared.cx), "--draft", str(shared.draft))
    said = said_as_one(err)
    assert code == 2, (out, err)
    assert (
        f'{shared.draft}: a draft of another newsletter? Its front matter says "Gadget Digest",'
        f' edited by Rita Vance, but this build would publish it into "{CX}", edited by Morgan'
        f" Ellery ({shared.cx}), and its first note says it was made for {shared.gadgets} (a"
        " drafts folder both newsletters share?). Nothing was published. To publish it in the"
        f" newsletter it was made for: `curator build --draft {shared.draft} --config"
        f" {shared.gadgets}`"
    ) in said, said
    assert not (shared.cx.parent / "output").exists() or not list(
        (shared.cx.parent / "output").glob("issue-1.*")
    )
    assert _state(shared.cx) in ((), ([], (0,)))  # (no issue, no article stored)
    assert shared.draft.read_text(encoding="utf-8") == shared.draft_text
    # Where it was made, it publishes.
    code, out, err = run_cli("build", "--config", str(shared.gadgets), "--draft", str(shared.draft))
    assert code == 0, err
    published = (shared.gadgets.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert "Gadget Digest" in published and "Rita Vance" in published


def test_draft_into_a_drafts_folder_another_newsletter_uses_says_so_and_keeps_its_draft(
    shared: Shared,
) -> None:
    """CX's `curator draft` of its issue 1 would replace Gadget Digest's issue-1.md (curator's
    own, unedited, so replaced without a word): it stops, exit 1, keeping that draft. With
    --force it writes its own, and says the drafts folder is another newsletter's too."""
    code, out, err = run_cli("draft", "--config", str(shared.cx), "-q")
    said = said_as_one(err)
    assert code == 1, (out, err)
    assert (
        f"{shared.draft} is another newsletter's draft (its first note says it was made for"
        f" {shared.gadgets}), and this newsletter's draft of issue 1 would replace it: the drafts"
        f" folder {shared.drafts} (settings: drafts in {shared.cx}) is both newsletters'. No"
        " draft was written. To go on: give each newsletter a drafts folder of its own"
    ) in said, said
    assert shared.draft.read_text(encoding="utf-8") == shared.draft_text
    # The next issue's number differs from the other's draft: written, and the warning said.
    (shared.drafts / "issue-7.md").write_bytes(shared.draft.read_bytes())
    shared.draft.unlink()
    code, out, err = run_cli("draft", "--config", str(shared.cx), "-q")
    said = said_as_one(err)
    assert code == 0, err
    assert (
        f"curator: warning: the drafts folder {shared.drafts} (settings: drafts in {shared.cx})"
        f" holds another newsletter's drafts (issue-7.md, made for {shared.gadgets}):"
        " newsletters that share a drafts folder write their drafts there under the same names"
        " (issue-N.md)"
    ) in said, said
    assert "title: Customer Experience Weekly" in shared.draft.read_text(encoding="utf-8")


@pytest.mark.parametrize("shared", ["Morgan Ellery"], indirect=True)
def test_a_shared_editors_draft_of_the_other_newsletter_is_not_published_either(
    shared: Shared,
) -> None:
    """One editor for both newsletters: the draft's title is Gadget Digest's and its note names
    Gadget Digest's feeds.yaml, so CX's `build --draft` stops all the same (exit 2)."""
    code, out, err = run_cli("build", "--config", str(shared.cx), "--draft", str(shared.draft))
    said = said_as_one(err)
    assert code == 2, (out, err)
    assert (
        f'Its front matter says "Gadget Digest", edited by Morgan Ellery, but this build would'
        f' publish it into "{CX}", edited by Morgan Ellery ({shared.cx}), and its first note says'
        f" it was made for {shared.gadgets}"
    ) in said, said
    assert not list((shared.cx.parent / "output").glob("issue-1.*"))
