"""fixjz #2: `curator --json build` (the option before the command's name) refused with a JSON
document that had no `"issue"`, the key a script reading build's and draft's --json output
tests; and `curator subjects --json list` was told "No such option '--json'." with no word of
where it goes. Whichever place --json takes, the refusal is the document every other refusal
of that command gives, and says where the option goes."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli


@pytest.mark.parametrize("command", ["build", "draft"])
def test_json_before_build_or_draft_gives_the_issue_key(command: str) -> None:
    code, out, err = run_cli("--json", command, "-q")
    assert code == 2
    document = json.loads(out)
    assert list(document) == ["issue", "error", "exit"], document
    assert document["issue"] is None and document["exit"] == 2
    where = f"--json goes after the command's name: curator {command} --json ..."
    assert document["error"] == where
    assert where in err
    # the same shape as a refusal with --json in its place
    code, out, _ = run_cli(command, "--no-such-option", "--json")
    assert code == 2 and list(json.loads(out)) == list(document)


@pytest.mark.parametrize(
    "args",
    [
        ("--json", "subjects", "list"),
        ("subjects", "--json", "list"),
        ("feeds", "--json", "list"),
    ],
)
def test_json_before_a_groups_command_says_where_it_goes(args: tuple[str, ...]) -> None:
    code, out, err = run_cli(*args)
    assert code == 2
    named = " ".join(a for a in args if a != "--json")
    where = f"--json goes after the command's name: curator {named} --json ..."
    assert json.loads(out) == {"error": where, "exit": 2}
    assert where in err
