"""walk60: what curator prints to the editor's terminal must be safe to read and to paste.

#1: an advised command put a subject's name in "..." unquoted, so a name with `$(...)` (one
`feeds import --add-subjects` takes from an OPML outline) ran code when the editor pasted it.
#3: a bidi override (U+202E) in a feed's or a page's title reached the terminal in a warning and
showed the rest of the line reversed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import hostile_helpers as h

from conftest import LocalServer, sans_config
from conftest import run_cli as run

BASICS = "The basics of customer experience"
VOICE = "Voice of the customer"


def test_an_advised_draft_command_runs_as_advised_without_running_a_subject_names_code(
    themed_demo: Path,
) -> None:
    """The thin-theme stop names the ripest subject and the command that drafts it; the subject
    is called `CX $(touch PWNED) "`touch PWNED2`" ...`. Pasted into bash, the command makes the
    draft on that subject, and neither file is made."""
    demo = themed_demo
    folder = demo.parent
    name = f'CX $(touch PWNED) "`touch PWNED2`" {BASICS.lower()}'
    text = demo.read_text(encoding="utf-8")
    start, end = text.index("\nthemes:\n"), text.index("\n# --- Feeds")
    themes = f"\nthemes:\n  plan:\n    - {VOICE}\n    - {BASICS}\n  min_articles: 3\n"
    text = text[:start] + themes + text[end:]
    demo.write_text(text.replace(BASICS, "'" + name + "'"), encoding="utf-8")

    code, out, err = run("build", "--config", str(demo), "-q")
    assert code == 3, err
    # The run's --config goes after the whole quoted name, backticks in it and all (fixba #3).
    assert f"customer experience' --config {demo}`;" in " ".join(err.split())
    said = sans_config(" ".join(err.split()))
    found = re.search(r"to review an issue on it: `(curator draft .*)`; `curator themes`", said)
    assert found, said
    command = found.group(1)
    assert (
        command
        == "curator draft --subject 'CX $(touch PWNED) \"`touch PWNED2`\" the basics of customer experience'"
    )

    bin_dir = str(Path(sys.executable).parent)
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=folder,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(folder), "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert not (folder / "PWNED").exists() and not (folder / "PWNED2").exists()
    draft = (folder / "drafts" / "issue-1.md").read_text(encoding="utf-8")
    assert f"# {name}\n" in draft


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Mine</title></head>
  <body>
    <outline text="Plain">
      <outline type="rss" text="A" xmlUrl="https://a.example/feed"/>
    </outline>
    <outline text="Zebra $(touch PWNED) news">
      <outline type="rss" text="B" xmlUrl="https://b.example/feed"/>
    </outline>
    <outline text="Zebra `touch PWNED` care">
      <outline type="rss" text="C" xmlUrl="https://c.example/feed"/>
    </outline>
  </body>
</opml>
"""


def test_an_opml_folder_that_a_shell_would_run_is_not_made_a_subject(
    demo: Path, tmp_path: Path
) -> None:
    """`feeds import --add-subjects` made the folder `Zebra $(touch ...) news` a subject without
    a word; it is refused as a folder with markup is, with its line, and its feed still added."""
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(OPML, encoding="utf-8")
    code, out, err = run(
        "feeds", "import", "--no-check", "--add-subjects", "--config", str(demo), str(opml)
    )
    assert code == 0, err
    assert "Added 1 subject(s) from the folders: `Plain`;" in out
    said = " ".join(err.split())
    for line, name in ((8, "Zebra $(touch PWNED) news"), (11, "Zebra `touch PWNED` care")):
        assert (
            f"curator: warning: {opml}:{line}: the folder {name!r} was not made a subject: its"
            " name has $( ${ or ` in it, which a shell runs as a command were the name pasted"
            " unquoted; its feeds were added without it as a hint. Rename the folder"
        ) in said
    config = demo.read_text(encoding="utf-8")
    assert "PWNED" not in config
    assert "https://b.example/feed" in config and "https://c.example/feed" in config


# -- #3: bidi controls ------------------------------------------------------------------------------

#: Right-to-left override, left-to-right override, embeddings and isolates: each turns text around.
BIDI = "\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069"


def test_bidi_overrides_in_a_title_never_reach_the_terminal_or_the_issue(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """An untitled feed item takes its page's title; with an RLO in it, the "no blurb" warning
    showed "Customer feedback kcatta" reversed. The overrides and isolates are dropped as ESC is;
    the feed's own title (shown in the progress line) too."""
    page = http_server.add(
        "/page.html",
        '<html><head><meta property="og:title" content="Customer feedback \u202ekcatta\u202c loop">'
        "<title>x</title></head><body><p>Short.</p></body></html>",
        content_type="text/html; charset=utf-8",
    )
    feed = h.rss(f"<item><link>{page}</link></item>", title=f"Pages {BIDI}feed")
    url = http_server.add("/feed.xml", feed)
    config = h.write_config(tmp_path, [{"url": url}])
    code, data, stderr = h.build_json(config, "--all-subjects")
    assert code == 0, stderr
    assert data["feeds"][0]["new"] == 1, data
    assert 'no blurb could be made for "Customer feedback kcatta loop"' in stderr
    assert "  ok         Pages feed" in stderr
    html = (tmp_path / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert "Customer feedback kcatta loop" in html
    (title,) = h.store_rows(tmp_path / "state" / "curator.db", "SELECT title FROM articles")[0]
    for text in (stderr, json.dumps(data, ensure_ascii=False), html, title):
        assert not any(c in text for c in BIDI), ascii(text)
