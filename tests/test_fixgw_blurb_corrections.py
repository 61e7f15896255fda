"""walk167 #5: a blurb the editor corrected (in issue 1's draft, or in issue-1.json and `curator
render 1`) was lost when the article was featured again: issue 3's `build --draft`, featuring
both by their addresses, published curator's own blurbs again and said nothing. A corrected
credit was kept; a corrected blurb is now kept the same way, and said the same way."""

from __future__ import annotations

import json
from pathlib import Path

from test_credit_formats import newsletter, page

from conftest import LocalServer, said_as_one
from conftest import run_cli as run

TITLES = ("Refund Queues", "Chat Support Hours", "Help Desk Scripts")
WRITERS = ("Ann Lee", "Bo Chen", "Cy Dunn")
IN_DRAFT = "Refund desks now answer within a day. The editor wrote this blurb in the draft."
IN_JSON = "Chat support now runs until midnight. The editor wrote this blurb in issue-1.json."


def _blurb_rewritten(path: Path, title: str, blurb: str) -> None:
    """The draft with the blurb under `title`'s heading replaced by `blurb`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"## {title}")
    blank = lines.index("", at)
    first = next(i for i in range(blank + 1, len(lines)) if lines[i].strip())
    assert not lines[first].startswith(("#", "<!--")), lines[first]
    lines[first] = blurb
    path.write_text("\n".join(lines), encoding="utf-8")


def test_blurb_corrections_hold_when_an_article_is_featured_again(
    tmp_path: Path, http_server: LocalServer
) -> None:
    items = [
        (t, f"<dc:creator>{w}</dc:creator>", page(t, byline=f"By {w}"))
        for t, w in zip(TITLES, WRITERS, strict=True)
    ]
    config = newsletter(tmp_path, http_server, items)
    code, _, err = run("draft", "--config", str(config), "--all-subjects", "-q")
    assert code == 0, err
    draft1 = config.parent / "drafts" / "issue-1.md"
    _blurb_rewritten(draft1, TITLES[0], IN_DRAFT)
    code, _, err = run("build", "--config", str(config), "--draft", str(draft1))
    assert code == 0, err
    out = config.parent / "output"
    path = out / "issue-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    urls, own = {}, {}
    for sec in data["sections"]:
        for art in sec["articles"]:
            urls[art["title"]] = art["url"]
            own[art["title"]] = art["blurb"]
            if art["title"] == TITLES[1]:
                art["blurb"] = IN_JSON
                art.pop("blurb_markdown", None)
    assert own[TITLES[0]] == IN_DRAFT, own
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    code, _, err = run("render", "1", "--config", str(config))
    assert code == 0, err
    assert "a later issue featuring it again publishes this blurb" in said_as_one(err), err
    # Issue 2 features all three again, added by their addresses alone.
    draft2 = config.parent / "drafts" / "issue-2.md"
    again = ", ".join(urls[t] for t in TITLES)
    draft2.write_text(
        f"---\ntitle: CX Weekly\nnumber: 2\ndate: 2026-12-20\nfeature_again: [{again}]\n---\n\n"
        "# Customer service\n\n" + "".join(f"## {urls[t]}\n\n" for t in TITLES),
        encoding="utf-8",
    )
    code, _, err = run("build", "--config", str(config), "--draft", str(draft2))
    assert code == 0, err
    issue2 = json.loads((out / "issue-2.json").read_text(encoding="utf-8"))
    blurbs = {a["title"]: a["blurb"] for sec in issue2["sections"] for a in sec["articles"]}
    assert blurbs[TITLES[0]] == IN_DRAFT, blurbs
    assert blurbs[TITLES[1]] == IN_JSON, blurbs
    assert blurbs[TITLES[2]] == own[TITLES[2]], blurbs  # never corrected: curator's own
    said = said_as_one(err)
    for title in TITLES[:2]:
        assert (
            f'the blurb of "{title}" ({urls[title]}) is published as you corrected it in issue 1'
        ) in said, said
    assert f'the blurb of "{TITLES[2]}"' not in said, said
    # The web edition publishes them too.
    web = (out / "issue-2.html").read_text(encoding="utf-8")
    assert "The editor wrote this blurb in the draft." in web
    assert "The editor wrote this blurb in issue-1.json." in web
