"""A draft's closing line with links that are no links (fixhs, after walk173 #9): advice that
never suggests a script link, and "to whatever site it names" only of a link that may go there;
through the CLI on the offline demo, its real store and templates."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, said_as_one


def test_a_spaced_script_link_is_cut_and_a_backslash_link_is_not_said_to_go_to_a_site(
    demo: Path,
) -> None:
    """Before: `[home](java<TAB>script:alert(1))` got "write each space as %20 (or put the
    address in <...>: [home](<java script:alert(1>))", advice to publish a script link, and the
    Markdown edition kept it for other renderers to link; `[o](\\\\evil\\share)` was said to go
    "(and, starting //, to whatever site it names)" though it does not start //."""
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    draft = demo.parent / "drafts" / "issue-1.md"
    text = draft.read_text(encoding="utf-8")
    closing = (
        "closing: 'See [home](java\tscript:alert(1)), [o](\\\\evil\\share) and [p](//x.example/a).'"
    )
    head, rest = text.split("\neditor: ", 1)
    editor, rest = rest.split("\n", 1)
    draft.write_text(f"{head}\neditor: {editor}\n{closing}\n{rest}", encoding="utf-8")
    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(draft))
    said = said_as_one(err)
    assert code == 0, said
    assert "%20" not in said and "<java" not in said, said
    assert (
        'the link "home" goes to javascript:alert(1), once the spaces in its address are taken'
        " out as a browser takes them out, which is never published: it is cut as unsafe"
    ) in said
    backslash = next(s for s in err.split("\n") if 'the link "o"' in s)
    assert "whatever site" not in backslash, backslash
    slashes = said[said.index('the link "p"') :]
    assert "(and, starting //, to whatever site it names)" in slashes.split("; write")[0]
    for name in ("issue-1.md", "issue-1.txt", "issue-1.html", "issue-1.json"):
        published = (demo.parent / "output" / name).read_text(encoding="utf-8")
        assert "script:alert" not in published, name
        assert "See home, " in published or "See home," in published, name
