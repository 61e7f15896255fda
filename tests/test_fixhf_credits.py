"""walk170 N2: bylines labelled "Interview by", "As told to", "Words and photography by", "Text
and photos:" (a writing label, or one for words and pictures both) credited no one, and the
first two opened the blurb ("Interview by Nora Kim. We live in ...")."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_sources import _own_words
from test_fixgv_credits import _blocks, _config, _feed, _page

from conftest import LocalServer
from conftest import run_cli as run

#: (title, the byline paragraph, whom it credits)
BYLINES = (
    ("Refund Queues", "<p>Interview by Nora Kim. Portraits by Leo Grant</p>", ["Nora Kim"]),
    ("Chat Support Hours", "<p>As told to Nora Kim. Photography by Leo Grant</p>", ["Nora Kim"]),
    ("Help Desk Scripts", "<p>Words and photography by Tomas Berg</p>", ["Tomas Berg"]),
    ("Effort Scores", "<p>Text and photos: Tomas Berg</p>", ["Tomas Berg"]),
    ("Billing Errors", "<p>Reporting by Ada Moss. Portraits: Leo Grant</p>", ["Ada Moss"]),
)


def test_interview_and_as_told_to_bylines_credit_the_writer_and_stay_out_of_the_blurb(
    tmp_path: Path, http_server: LocalServer
) -> None:
    """The writer is credited (the draft said "no author was found"), the photographer is not, and
    the published blurb opens with the article's lead, not "Interview by Nora Kim. ..."."""
    items = []
    for n, (title, byline, _) in enumerate(BYLINES):
        link = http_server.add(
            f"/p/{n}/", _page(title, byline, site="Service Desk Blog"), content_type="text/html"
        )
        items.append((title, link, ""))
    feed = _feed(http_server, "/feed.xml", items, "Service Desk Blog")
    config = _config(tmp_path, f"  - url: {feed}\n")
    code, _, err = run("draft", "--config", str(config), "--all-subjects")
    assert code == 0, err
    blocks = _blocks(config.parent / "drafts" / "issue-1.md")
    for title, _, writers in BYLINES:
        block = "\n".join(blocks[title])
        assert f"author: {writers[0]}\n" in block + "\n", (title, block)
        assert "<!-- Credit" not in block, (title, block)
        assert "Leo Grant" not in block, (title, block)
    draft = str(config.parent / "drafts" / "issue-1.md")
    code, _, err = run("build", "--config", str(config), "--draft", draft, "-q")
    assert code == 0, err
    issue = json.loads((config.parent / "output" / "issue-1.json").read_text(encoding="utf-8"))
    articles = {a["title"]: a for s in issue["sections"] for a in s["articles"]}
    assert {t: a["authors"] for t, a in articles.items()} == {t: w for t, _, w in BYLINES}
    for title, _, _ in BYLINES:
        blurb = articles[title]["blurb"]
        assert blurb.startswith(_own_words(title, 0)[:40]), (title, blurb)
        for word in ("Nora Kim", "Tomas Berg", "Ada Moss", "Leo Grant", "Interview", "told to"):
            assert word not in blurb, (title, word, blurb)
