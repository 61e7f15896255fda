"""walk75: README's demo order shows a themed issue, then one of every subject, with the warnings
README names (#3); a local feed's line comes after its pages, as README says (#5)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from conftest import REPO, sans_config
from conftest import run_cli as run


def _readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_demo_order_makes_an_issue_of_every_subject_warned_as_readme_says(
    themed_demo: Path,
) -> None:
    """walk75 #3: in README's order the `--all-subjects` build made "Issue 4: 2 article(s) in 1
    subject(s)", with a ~700-character warning of a broken promise (its one section was the
    promised theme) and a ~400-character one of the closing line left out, neither in README."""
    readme = _readme()
    block = readme.split("run these in this order:\n\n```sh\n", 1)[1].split("```", 1)[0]
    demo = str(themed_demo)
    assert run("build", "--config", demo, "-q")[0] == 0  # the demo's first build: issue 1
    outs, errs = [], []
    for line in block.splitlines():
        args = shlex.split(line.split("  #", 1)[0])
        assert args[:2] == ["curator", args[1]] and "--config" in args, line
        args[args.index("--config") + 1] = demo
        code, out, err = run(*args[1:])
        assert code == 0, (line, err)
        outs.append(out)
        errs.append(" ".join(sans_config(err).split()))
    assert outs[0].startswith("Issue 2: 2 article(s) on Measuring the customer experience")
    assert outs[-1].startswith("Issue 3: 4 article(s) in 2 subject(s)")
    assert "Issue 3: 4 article(s) in 2 subject(s)" in readme
    last = errs[-1]
    # Each promised theme has its section in issue 3: no promise was broken.
    assert "promised" not in last, last
    said = (
        'issue 3 has no closing line: "Next time: {next_theme}. Won\'t you learn with me?" names'
        " {next_theme}, and there is none"
    )
    assert said in last, last
    assert "`issue 3 has no closing line: ... names {next_theme}, and there is none`" in " ".join(
        readme.split()
    )
    warnings = [w for w in re.split(r"curator: warning: ", last) if w]
    assert len(warnings) == 1 and len(warnings[0].replace(demo, "feeds.yaml")) < 360, warnings
    # "a build after it stops with exit 3"
    code, _, err = run("build", "--config", demo, "-q", "--no-fetch")
    assert code == 3 and "is too thin" in err, err


def test_a_local_feeds_line_comes_after_its_pages_as_readme_says(themed_demo: Path) -> None:
    """walk75 #5: with stderr to a file, `ok Northwind CX Journal...` came after `pages 11 of 11
    done`, where README said each feed's line comes "as soon as it is read": a local feed's line
    waits for its pages (it counts an entry whose page names no address as skipped), and README
    says so now."""
    log = themed_demo.parent / "err.log"
    with log.open("wb") as stderr:
        done = subprocess.run(
            [sys.executable, "-m", "curator", "build", "--config", str(themed_demo)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            timeout=120,
        )
    assert done.returncode == 0, log.read_text()
    lines = log.read_text(encoding="utf-8").splitlines()
    pages = next(
        i for i, x in enumerate(lines) if x.strip().startswith("pages") and "11 of 11" in x
    )
    feed = next(i for i, x in enumerate(lines) if "ok         Northwind CX Journal" in x)
    assert feed > pages, lines
    readme = " ".join(_readme().split())
    assert (
        "each feed gets a line on stderr as soon as it is read (a feed that is a local file, as"
        " the demo's are, once its pages are read too"
    ) in readme


def test_the_text_edition_shows_the_introductions_markdown_as_text(themed_demo: Path) -> None:
    """walk75 #6: issue-N.txt kept the introduction's Markdown as typed (`**apps launching to the
    public**`) where the HTML and email editions show bold: now it is plain text, the editor's
    line breaks and list kept, a link its text and <address>, as README's outputs table says."""
    (themed_demo.parent / "introductions").mkdir()
    (themed_demo.parent / "introductions" / "issue-1.md").write_text(
        "This week: **apps launching to the public**, and _one_ look at\n"
        "[data tools](https://example.com/data).\n\n"
        "- first point\n- second point\n",
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(themed_demo), "-q")
    assert code == 0, err
    text = (themed_demo.parent / "output" / "issue-1.txt").read_text(encoding="utf-8")
    assert (
        "This week: apps launching to the public, and one look at\n"
        "data tools <https://example.com/data>.\n\n- first point\n- second point\n"
    ) in text, text
    assert "**" not in text and "_one_" not in text
    html = (themed_demo.parent / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "<strong>apps launching to the public</strong>" in html
    readme = " ".join(_readme().split())
    assert (
        "| `issue-<N>.txt` | plain text in the newsletter's own shape: your introduction and closing"
        " line are their Markdown as text (`**bold**` and `_emphasis_` their words alone"
    ) in readme
