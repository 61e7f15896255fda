"""walk190 #5, through the CLI against a feed on a real HTTP server on 127.0.0.1 and a real SQLite
store: a plain "blurb" corrected in issue-N.json with paragraphs and line breaks keeps them in
every edition, and HTML typed into it is warned of, as in a title."""

from __future__ import annotations

import json
import re
from pathlib import Path

from test_fixje_blurb_json import _article, _newsletter, _published

from conftest import LocalServer, run_cli, said_as_one, sans_config

LINK = "http://kunde.example/post/0"
CORRECTED = (
    'Collect them <b onclick="x()">all</b> and act on what the survey tells you.\n\n'
    "1986. was the year.\n3) measure\n4) act"
)


def _correct(output: Path, blurb: str) -> None:
    data = json.loads((output / "issue-1.json").read_text(encoding="utf-8"))
    for section in data["sections"]:
        for art in section["articles"]:
            if art["url"] == LINK:
                assert "blurb_markdown" not in art, art  # (a plain blurb, as curator wrote it)
                art["blurb"] = blurb
    (output / "issue-1.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


def test_a_plain_blurb_corrected_with_paragraphs_and_lines_keeps_them_in_every_edition(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """walk190 #5: the web, email and fragment editions published it as one `<p class="blurb">`
    of raw newlines (a browser shows "...tells you. 1986. was the year. 3) measure 4) act"),
    issue-N.md as one line, and its `<b onclick>` shown as typed without a word."""
    config = _newsletter(tmp_path, http_server)
    code, out, err = run_cli("build", "--config", str(config), "-q")
    assert code == 0, out + err
    output = tmp_path / "output"
    _correct(output, CORRECTED)
    code, out, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, out + err
    said = sans_config(said_as_one(out + err))
    assert 'its "blurb" as corrected in' in said and "holds the HTML <b" in said, said
    assert "<b onclick" not in said.split("holds the HTML", 1)[1][:4], said

    for name in ("issue-1.html", "issue-1.email.html", "issue-1.fragment.html"):
        page = (output / name).read_text(encoding="utf-8")
        assert re.search(
            r"<p[^>]*>Collect them &lt;b onclick=(&quot;|\")x\(\)(&quot;|\")&gt;all&lt;/b&gt; and act"
            r" on what the survey tells you\.</p>\s*<p[^>]*>1986\. was the year\.<br ?/?>\s*3\)"
            r" measure<br ?/?>\s*4\) act</p>",
            page,
        ), (name, page)
        assert "<b onclick" not in page, (name, page)
    md = (output / "issue-1.md").read_text(encoding="utf-8")
    assert "tells you.\n\n1986\\. was the year.\\\n3\\) measure\\\n4\\) act" in md, md
    txt = (output / "issue-1.txt").read_text(encoding="utf-8")
    assert "tells you.\n\n1986. was the year.\n3) measure\n4) act" in txt, txt
    assert _article(output, 1, LINK)["blurb"] == CORRECTED

    # Rendered again untouched: every file as it was, and nothing said of the blurb again.
    before = _published(output, 1)
    code, out, err = run_cli("render", "1", "--config", str(config))
    assert code == 0, out + err
    assert _published(output, 1) == before, said_as_one(out + err)
    assert "blurb" not in said_as_one(out + err), out + err
