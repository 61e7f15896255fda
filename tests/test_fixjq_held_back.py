"""fixjq #3: an article held back while another of its subject takes its place (`gatedchoice`:
it fits the subject only through its keywords, or its link leads to a sign-in page) was said on
stderr alone: the draft showed nothing of it, so the editor reviewing the draft could neither see
it nor move it back. The draft now names it in a note under its subject, as the "Left out for
variety" note does, with a `## URL` line the editor moves out to feature it. Through the CLI, on
the fixiy newsletter (a local HTTP server, BBC sport texts from the corpus, a seed article)."""

from __future__ import annotations

import re

from test_fixhe_like_excluded import RUGBY
from test_fixiy_keywords_only_waits import Newsletter, _service_section, newsletter

from conftest import run_cli as run

__all__ = ["newsletter"]  # (the fixture, used by name)


def test_the_draft_names_the_article_held_back_and_moving_it_out_features_it(
    newsletter: Newsletter,
) -> None:
    n = newsletter
    code, _, err = run("draft", *n.conf, "--no-fetch")
    assert code == 0, err
    path = n.folder / "drafts" / "issue-1.md"
    draft = path.read_text(encoding="utf-8")
    section = draft.split("# Service operations", 1)[1].split("\n# ", 1)[0]
    note = section.split("<!-- Held back", 1)[1].split("-->", 1)[0]
    assert f"## {n.rugby}\n   {RUGBY[0]}: it fits this subject only through its keywords" in note
    assert 'to feature one,\nmove its "##" line out of this note.' in note

    # Its line moved out of the note, above it: the build features it.
    line = f"## {n.rugby}\n"
    edited = draft.replace(line, "", 1).replace("<!-- Held back", f"{line}\n<!-- Held back", 1)
    assert re.search(rf"(?m)^## {re.escape(n.rugby)}\n\n<!-- Held back", edited)
    path.write_text(edited, encoding="utf-8")
    code, _, err = run("build", "--draft", str(path), *n.conf)
    assert code == 0, err
    html = (n.folder / "output" / "issue-1.html").read_text(encoding="utf-8")
    assert RUGBY[0] in _service_section(html), _service_section(html)
    assert n.moved[0] in _service_section(html)
