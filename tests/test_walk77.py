"""walk77's findings: what the editor is told after a run was killed, and by render."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from test_walk73 import curator

from conftest import run_cli, said_as_one

#: curator's CLI with FUNCTION (module:attribute) killing the process (os._exit) when called.
KILLED_IN = r"""
import os, sys, importlib
module, name = sys.argv.pop(1).rsplit(":", 1)
owner = importlib.import_module(module)
for part in name.split(".")[:-1]:
    owner = getattr(owner, part)
setattr(owner, name.split(".")[-1], lambda *a, **k: os._exit(137))
from curator.cli import main
sys.argv = ["curator", *sys.argv[1:]]
main()
"""


def stopped_line(stderr: str) -> str:
    [line] = [x for x in stderr.splitlines() if "was stopped before it finished" in x]
    return line


def test_the_run_after_a_killed_render_or_move_says_to_run_it_again(demo: Path) -> None:
    """walk77 #3: after a killed `render` or `subjects move`, the next run said "a fetch or build
    reads those pages again"; it names the command and says to run it again."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    killed = curator(
        "curator.cli.render:render_issues", "render", "--config", str(demo), "-q", code=KILLED_IN
    )
    assert killed.returncode == 137, killed.stderr
    code, _, err = run_cli("themes", "--config", str(demo))
    assert code == 0, err
    line = stopped_line(err)
    assert "(curator render, pid " in line
    assert line.endswith("(killed, or the machine went down): run it again")

    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        (url,) = db.execute("SELECT url FROM articles ORDER BY url LIMIT 1").fetchone()
    killed = curator(
        "curator.store:Store.set_correction",
        "subjects",
        "move",
        url,
        "Service operations",
        "--config",
        str(demo),
        code=KILLED_IN,
    )
    assert killed.returncode == 137, killed.stderr
    code, _, err = run_cli("themes", "--config", str(demo))
    assert code == 0, err
    line = stopped_line(err)
    assert "(curator subjects move, pid " in line
    assert line.endswith(
        "(killed, or the machine went down): run it again: its change may not have been stored"
    )
    assert "reads those pages again" not in err


#: curator's CLI, killed (os._exit, as SIGKILL) after a build renamed 4 of its files into place.
KILLED_AFTER_FOUR_RENAMES = r"""
import os, sys
import curator.publish as publish
def publish_four(self):
    for done, (path, tmp) in enumerate(self._temps.items()):
        if done == 4:
            os._exit(137)
        os.replace(tmp, path)
publish.FileSet.publish = publish_four
from curator.cli import main
sys.argv = ["curator", *sys.argv[1:]]
main()
"""


def test_render_names_the_files_of_a_build_killed_half_way_through_its_renames(
    themed_demo: Path,
) -> None:
    """walk77 #2: a build killed after 4 of its renames left issue-2 files (no issue-2.json yet)
    and temporary files; `render --all` said nothing of them, where README says it does."""
    code, _, err = run_cli("build", "--config", str(themed_demo), "-q")
    assert code == 0, err
    out = themed_demo.parent / "output"
    killed = curator(
        "build", "--config", str(themed_demo), "--no-fetch", "-q", code=KILLED_AFTER_FOUR_RENAMES
    )
    assert killed.returncode == 137, killed.stderr
    left = sorted(p.name for p in out.glob("issue-2.*"))
    assert left and "issue-2.json" not in left and list(out.glob(".*.tmp"))

    code, stdout, err = run_cli("render", "--all", "--config", str(themed_demo), "-q")
    assert code == 0, err
    text = " ".join(err.split()).replace(f" --config {themed_demo}", "")
    temps = sorted(p.name for p in out.glob(".*.tmp"))  # those render did not replace
    assert (
        f"{out} holds {', '.join(left)}, files of issue 2, which the store does not record: a"
        " build was stopped (killed, or the machine went down) after it wrote them and before"
        " the store recorded the issue; render leaves them, and the next `curator build`"
        " records issue 2 as they are (readers may have seen it), publishing no other issue 2"
    ) in text
    assert (
        temps
        and (
            f"{out} holds the temporary files {', '.join(temps)}, left by a run that was stopped while"
            " it wrote (killed, or the machine went down): they are no issue; the next `curator"
            " build` removes them, or delete them"
        )
        in text
    )
    assert stdout.startswith("Rendered issue(s) 1 again")

    # fixlv: the next build records the issue the killed one put in place (its files not yet
    # renamed, from its temporary ones), and publishes no other issue 2.
    code, stdout, err = run_cli("build", "--config", str(themed_demo), "--no-fetch", "-q")
    assert code == 6, err
    said = said_as_one(err)
    assert "issue 2 was in place in " in said and "issue-2.json" in said, said
    assert "to publish issue 3, run `curator build" in said
    assert not list(out.glob(".*.tmp"))
    assert json.loads((out / "issue-2.json").read_text(encoding="utf-8"))["number"] == 2
    code, stdout, err = run_cli("build", "--config", str(themed_demo), "--no-fetch", "-q")
    assert code == 0, err
    assert (out / "issue-3.html").exists()


def test_build_draft_warns_of_markup_only_in_titles_and_credits_the_editor_wrote(
    demo: Path,
) -> None:
    """walk77 #4: `build --draft` told the editor to "write it as plain text" of a feed's title
    holding HTML that the editor never typed (a plain build says nothing of it); a title the
    editor typed with HTML is still warned about."""
    assert run_cli("draft", "--config", str(demo), "-q")[0] == 0
    with sqlite3.connect(demo.parent / ".curator" / "curator.db") as db:
        urls = [row[0] for row in db.execute("SELECT url FROM articles ORDER BY url")]
        for url in urls:
            db.execute(
                "UPDATE articles SET title = ?, publication = ? WHERE url = ?",
                ("Customer </div> experience", "<b>Markup</b> Co", url),
            )
    code, _, err = run_cli("draft", "--config", str(demo), "-q", "--force", "--no-fetch")
    assert code == 0, err
    path = demo.parent / "drafts" / "issue-1.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    first = lines.index("## Customer </div> experience")
    lines[first] = "## Customer <i>experience</i>"
    path.write_text("\n".join(lines), encoding="utf-8")

    code, _, err = run_cli("build", "--config", str(demo), "--draft", str(path))
    assert code == 0, err
    text = " ".join(err.split())
    # the feed's markup is not called the editor's (walk159's warning of two articles titled
    # alike may quote the title, as published: that is no markup warning)
    assert "the HTML </div>" not in text and "<b>Markup</b>" not in text
    assert (
        f'{path}:{first + 1}: the title "Customer <i>experience</i>" holds the HTML <i>, the HTML </i>,'
        " which the web, email, Markdown and JSON editions show as typed"
    ) in text


def test_render_says_an_issue_json_cut_short_cannot_be_read(demo: Path) -> None:
    """walk77 #5: an issue-1.json cut short (a full disk) was said to be "missing"; render says
    it cannot be read, where, and that it rendered the issue from the store and wrote the file
    again."""
    code, _, err = run_cli("build", "--config", str(demo), "-q")
    assert code == 0, err
    path = demo.parent / "output" / "issue-1.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('"sections"') + 20], encoding="utf-8")

    code, stdout, err = run_cli("render", "--all", "--config", str(demo), "-q")
    assert code == 0, err
    said = " ".join(err.split())
    assert f"issue 1: {path} cannot be read (cut short, or not JSON: " in said
    assert "is missing" not in said and "left out of the archive" not in said
    assert (
        "so it was rendered from the store's record of it: its articles as published, with the"
        " edits made in its draft; issue-1.json was written again from it"
    ) in said
    assert json.loads(path.read_text(encoding="utf-8"))["number"] == 1
